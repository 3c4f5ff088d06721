/* fuzz_text.c — normalisation, tokenizer, sentence splitter, date reader. */
#include "fuzz.h"

#include "text/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rp_buf b;
    rp_vec toks, ends;
    rp_buf_init(&b, NULL);
    rp_vec_init(&toks, sizeof(rp_tok), NULL);
    rp_vec_init(&ends, sizeof(size_t), NULL);
    rp_norm_report rep;
    if (rp_text_normalize((const char *)data, size, &b, &rep) &&
        rp_text_tokenize(rp_buf_cstr(&b), b.len, 0, &toks)) {
        rp_text_split(rp_buf_cstr(&b), toks.data, toks.len, 64, &ends);
        char key[64];
        for (size_t i = 0; i < toks.len; i++)
            rp_text_token_key(rp_buf_cstr(&b), RP_VEC_AT(&toks, rp_tok, i), key, sizeof key);
    }
    rp_date d;
    rp_date_parse((const char *)data, size, &d);
    rp_text_find_date((const char *)data, size, false, &d);
    rp_buf_fini(&b);
    rp_vec_fini(&toks);
    rp_vec_fini(&ends);
    return 0;
}
