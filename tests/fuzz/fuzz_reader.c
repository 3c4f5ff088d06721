/* fuzz_reader.c — the input reader (JSON Lines, plain text, gzip) over an
 * in-memory file. */

#include "fuzz.h"

#include "riposte.h"

#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    int fd = memfd_create("fuzz", 0);
    if (fd < 0) return 0;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return 0;
    }
    char path[64];
    snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    const char *paths[] = {path};
    rp_reader *r = NULL;
    rp_reader_options opt = rp_reader_options_default();
    opt.max_doc_bytes = 1 << 16;
    if (rp_reader_open(paths, 1, &opt, &r, NULL) == RP_OK) {
        rp_input in;
        rp_error err;
        for (int i = 0; i < 10000; i++) {
            rp_status st = rp_reader_next(r, &in, NULL, &err);
            if (st == RP_ENOTFOUND) break;
        }
    }
    rp_reader_close(r);
    close(fd);
    return 0;
}
