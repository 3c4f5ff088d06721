/* fuzz_page.c — pasted-page extraction and boilerplate cues. */
#include "fuzz.h"

#include "extract/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rp_buf b;
    rp_buf_init(&b, NULL);
    rp_arena ar;
    rp_arena_init(&ar, NULL, 0);
    if (rp_text_normalize((const char *)data, size, &b, NULL)) {
        rp_page pg;
        rp_extract_page(rp_buf_cstr(&b), b.len, RP_TEXT_PAGE, &ar, &pg);
        rp_extract_page(rp_buf_cstr(&b), b.len, RP_TEXT_CLEAN, &ar, &pg);
        rp_boilerplate_line(rp_buf_cstr(&b), b.len);
        rp_caption_line(rp_buf_cstr(&b), b.len);
    }
    rp_arena_fini(&ar);
    rp_buf_fini(&b);
    return 0;
}
