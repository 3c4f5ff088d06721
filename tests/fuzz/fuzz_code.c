/* fuzz_code.c — a whole document through every stage with the test
 * dictionary: any text codes without crashing, hanging or leaking. */
#include "fuzz.h"

#include "riposte.h"

#include <stdlib.h>
#include <string.h>

#ifndef RP_MINI_DICT
#define RP_MINI_DICT "tests/data/mini"
#endif

static rp_dict *dict;
static rp_coder *coder;
static rp_doc *doc;

static void cleanup(void) {
    rp_doc_free(doc);
    rp_coder_free(coder);
    rp_dict_close(dict);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!dict) {
        if (rp_dict_open(RP_MINI_DICT, NULL, &dict, NULL) != RP_OK) abort();
        rp_coder_options o = rp_coder_options_default();
        o.explain = 1;
        o.require_dyad = 0;
        if (rp_coder_new(dict, &o, &coder, NULL) != RP_OK || rp_doc_new(NULL, &doc, NULL) != RP_OK)
            abort();
        atexit(cleanup);
    }
    rp_input in;
    memset(&in, 0, sizeof in);
    in.text = (const char *)data;
    in.text_len = size;
    in.date = "2017-08-31";
    in.date_len = 10;
    in.kind = size && (data[0] & 1) ? RP_TEXT_PAGE : RP_TEXT_CLEAN;
    rp_doc_code(doc, coder, &in, NULL);
    rp_doc_tokens(doc);
    return 0;
}
