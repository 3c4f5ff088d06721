/*
 * test_reader.c — the ingest stage: plain text, JSON Lines (malformed lines
 * reported with their line number and skipped), gzip, directories in name
 * order, symlink loops, binary and UTF-16 files.
 */
#include "testutil.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

static char dir[256];

static void put(const char *name, const void *data, size_t len) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *slash = strrchr(path, '/');
    *slash = 0;
    mkdir(path, 0755);
    *slash = '/';
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    fclose(f);
}

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rp-test-reader-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

typedef struct result {
    int docs, errors;
    char log[4096];
} result;

static result read_all(const char *path) {
    result r = {0, 0, ""};
    rp_reader *rd;
    rp_error err;
    const char *paths[] = {path};
    assert_int_equal(rp_reader_open(paths, 1, NULL, &rd, &err), RP_OK);
    for (;;) {
        rp_input in;
        const char *where;
        rp_status st = rp_reader_next(rd, &in, &where, &err);
        if (st == RP_ENOTFOUND) break;
        char line[600];
        if (st == RP_OK) {
            r.docs++;
            snprintf(line, sizeof line, "doc %.*s [%.*s] %d\n", (int)in.id_len, in.id,
                     (int)(in.text_len > 20 ? 20 : in.text_len), in.text, in.kind);
        } else {
            r.errors++;
            const char *base = strrchr(err.source, '/');
            snprintf(line, sizeof line, "error %s:%zu %s\n", base ? base + 1 : err.source, err.line,
                     err.message);
        }
        strncat(r.log, line, sizeof r.log - strlen(r.log) - 1);
    }
    assert_int_equal((int)rp_reader_failures(rd), r.errors);
    rp_reader_close(rd);
    return r;
}

static void jsonl_with_bad_lines(void **state) {
    (void)state;
    const char *jl = "{\"id\":\"a\",\"date\":\"2017-08-31\",\"title\":\"T\",\"text\":\"Russia expelled diplomats.\"}\n"
                     "\n"
                     "{\"id\":\"b\",\"text\":\"unterminated\n"
                     "[1,2,3]\n"
                     "{\"id\":7,\"body\":\"second text field name\"}\n"
                     "{\"id\":\"c\"}\n"
                     "{\"id\":\"d\",\"text\":\"last, no newline\"}";
    put("in.jsonl", jl, strlen(jl));
    char path[512];
    snprintf(path, sizeof path, "%s/in.jsonl", dir);
    result r = read_all(path);
    assert_int_equal(r.docs, 3);
    assert_int_equal(r.errors, 3);
    assert_non_null(strstr(r.log, "doc a [Russia expelled dipl] 1"));
    assert_non_null(strstr(r.log, "error in.jsonl:3 invalid JSON"));
    assert_non_null(strstr(r.log, "error in.jsonl:4 a JSON Lines record must be an object"));
    assert_non_null(strstr(r.log, "doc 7 [second text field na] 1"));
    assert_non_null(strstr(r.log, "error in.jsonl:6 record has no \"text\" string"));
    assert_non_null(strstr(r.log, "doc d [last, no newline] 1"));
}

static void directories_gzip_and_bad_files(void **state) {
    (void)state;
    put("tree/b.txt", "Second article.", 15);
    put("tree/a.txt", "First article.", 14);
    put("tree/notes.md", "not an input", 12);
    put("tree/sub/c.txt", "\xFF\xFE" "H\0i\0", 6); /* UTF-16LE with BOM */
    char bin[4096];
    for (size_t i = 0; i < sizeof bin; i++) bin[i] = (char)(i * 7 % 256);
    put("tree/sub/d.txt", bin, sizeof bin);
    char path[512];
    snprintf(path, sizeof path, "%s/tree/e.txt.gz", dir);
    gzFile gz = gzopen(path, "wb");
    gzputs(gz, "Compressed article.");
    gzclose(gz);
    snprintf(path, sizeof path, "%s/tree/sub/loop", dir);
    char target[512];
    snprintf(target, sizeof target, "%s/tree", dir);
    assert_int_equal(symlink(target, path), 0);
    snprintf(path, sizeof path, "%s/tree", dir);
    result r = read_all(path);
    const char *order[] = {"/a.txt [First", "/b.txt [Second", "/e.txt.gz [Compressed", "c.txt [Hi]"};
    const char *at = r.log;
    for (size_t i = 0; i < 4; i++) {
        const char *p = strstr(at, order[i]);
        if (!p) {
            fprintf(stderr, "'%s' missing or out of order in:\n%s", order[i], r.log);
            fail();
        }
        at = p;
    }
    assert_non_null(strstr(r.log, "d.txt:0 looks like binary data"));
    assert_non_null(strstr(r.log, "loop:0 directory already visited"));
    assert_null(strstr(r.log, "notes.md"));
    assert_int_equal(r.docs, 4);
    assert_int_equal(r.errors, 2);
}

static void missing_input(void **state) {
    (void)state;
    result r = read_all("/nonexistent/file.txt");
    assert_int_equal(r.docs, 0);
    assert_int_equal(r.errors, 1);
    assert_non_null(strstr(r.log, "No such file"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(jsonl_with_bad_lines),
        cmocka_unit_test(directories_gzip_and_bad_files),
        cmocka_unit_test(missing_input),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
