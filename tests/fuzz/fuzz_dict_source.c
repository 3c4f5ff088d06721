/* fuzz_dict_source.c — the dictionary source parser and compiler: any
 * input either compiles to a dictionary that loads, or is refused. */
#include "fuzz.h"

#include "dict/compile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rpc c;
    rp_dict_options opt = rp_dict_options_default();
    rpc_init(&c, &opt);
    rpd_file *f = rp_vec_push(&c.files);
    if (f) {
        f->str = rpc_str(&c, "fuzz.txt", 8);
        f->len = 8;
    }
    rpc_parse_file(&c, 0, (const char *)data, size);
    rp_buf out;
    rp_buf_init(&out, NULL);
    if (rpc_build(&c, &out, NULL) == RP_OK) {
        rp_dict *d = NULL;
        if (rp_dict_open_memory(out.data, out.len, NULL, &d, NULL) != RP_OK) __builtin_trap();
        rp_dict_close(d);
    }
    rp_buf_fini(&out);
    rpc_fini(&c);
    return 0;
}
