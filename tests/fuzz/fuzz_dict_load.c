/* fuzz_dict_load.c — the compiled-dictionary loader: corrupt, truncated or
 * foreign bytes are refused; what loads can code a sentence. */
#include "fuzz.h"

#include "riposte.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rp_dict *d = NULL;
    if (rp_dict_open_memory(data, size, NULL, &d, NULL) != RP_OK) return 0;
    rp_coder *c = NULL;
    rp_doc *doc = NULL;
    if (rp_coder_new(d, NULL, &c, NULL) == RP_OK && rp_doc_new(NULL, &doc, NULL) == RP_OK) {
        const char *t = "The US ordered Russia to close its consulate in Moscow last week.";
        rp_input in;
        memset(&in, 0, sizeof in);
        in.text = t;
        in.text_len = strlen(t);
        in.date = "2017-08-31";
        in.date_len = 10;
        rp_doc_code(doc, c, &in, NULL);
    }
    rp_doc_free(doc);
    rp_coder_free(c);
    rp_dict_close(d);
    return 0;
}
