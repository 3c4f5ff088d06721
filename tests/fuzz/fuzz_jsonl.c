/* fuzz_jsonl.c — differential: the JSONL fast path must accept exactly
 * what jansson accepts, with the same fields. */
#include "fuzz.h"

#include "ingest/ingest.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    rp_buf a[5], b[5];
    for (int i = 0; i < 5; i++) rp_buf_init(&a[i], NULL), rp_buf_init(&b[i], NULL);
    rp_jsonl_fields fa = {&a[0], &a[1], &a[2], &a[3], &a[4]};
    rp_jsonl_fields fb = {&b[0], &b[1], &b[2], &b[3], &b[4]};
    rp_status sa = rp_jsonl_parse((const char *)data, size, "d:1", "f", 1, &fa, NULL);
    rp_status sb = rp_jsonl_parse_jansson((const char *)data, size, "d:1", "f", 1, &fb, NULL);
    if (sa != sb) abort();
    if (sa == RP_OK)
        for (int i = 0; i < 5; i++)
            if (a[i].len != b[i].len || (a[i].len && memcmp(a[i].data, b[i].data, a[i].len))) abort();
    for (int i = 0; i < 5; i++) rp_buf_fini(&a[i]), rp_buf_fini(&b[i]);
    return 0;
}
