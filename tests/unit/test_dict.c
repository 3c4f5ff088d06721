/*
 * test_dict.c — the dictionary compiler and the compiled-file loader:
 * errors are reported as file:line and nothing is written, output is
 * deterministic, and a corrupt, truncated or foreign file is refused cleanly.
 */
#include "testutil.h"

#include <stdlib.h>
#include <unistd.h>

typedef struct diags {
    int n;
    char text[4096];
} diags;

static void collect(void *ctx, const rp_error *e) {
    diags *d = ctx;
    d->n++;
    char line[512];
    snprintf(line, sizeof line, "%s:%zu: %s\n", strrchr(e->source, '/') ? strrchr(e->source, '/') + 1 : e->source,
             e->line, e->message);
    strncat(d->text, line, sizeof d->text - strlen(d->text) - 1);
}

static char dir[256];

static void write_file(const char *name, const char *text) {
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int setup(void **state) {
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/rp-test-dict-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static void reports_every_error_with_file_and_line(void **state) {
    (void)state;
    write_file("bad.txt", "@codes\n"
                          "16 -4.0 Reduce relations\n"
                          "161 -4.0 Cut ties\n"
                          "@actors\n"
                          "Russia = rus\n"                    /* 5: lower-case code */
                          "Ruritania = RUR@2017..2016\n"      /* 6: empty range */
                          "Russia = RUS\n"
                          "Moscow = RUSGOV :kapital\n"        /* 8: unknown flag */
                          "@verbs\n"
                          "$ close + = 999\n"                 /* 10: code not in the table */
                          "$ shut + &NOPE = 161\n"            /* 11: undefined synset */
                          "no equals sign\n"                  /* 12 */
                          "@nonsense\n"                       /* 13 */
                          "@actors\n"
                          "Russia = RUS\n");                  /* 15: duplicate of 7 */
    diags d = {0, ""};
    rp_dict_options opt = rp_dict_options_default();
    opt.on_diag = collect;
    opt.diag_ctx = &d;
    char out[512];
    snprintf(out, sizeof out, "%s/out.rpd", dir);
    const char *paths[] = {dir};
    rp_error err;
    assert_int_equal(rp_dict_compile(paths, 1, out, &opt, &err), RP_EFORMAT);
    assert_int_equal(access(out, F_OK), -1); /* nothing written */
    const char *expect[] = {"bad.txt:5:", "bad.txt:6:", "bad.txt:8:", "bad.txt:10: CAMEO code 999",
                            "bad.txt:11: synset &NOPE", "bad.txt:12:", "bad.txt:13:",
                            "bad.txt:15: phrase 'russia' is already written at"};
    for (size_t i = 0; i < sizeof expect / sizeof expect[0]; i++)
        if (!strstr(d.text, expect[i])) {
            fprintf(stderr, "missing '%s' in:\n%s", expect[i], d.text);
            fail();
        }
    assert_int_equal(d.n, 8);
    remove(strcat(strcpy(out, dir), "/bad.txt"));
}

static void compiles_deterministically(void **state) {
    (void)state;
    const char *paths[] = {RP_TEST_DATA "/mini"};
    char a[512], b[512];
    snprintf(a, sizeof a, "%s/a.rpd", dir);
    snprintf(b, sizeof b, "%s/b.rpd", dir);
    rp_error err;
    assert_int_equal(rp_dict_compile(paths, 1, a, NULL, &err), RP_OK);
    assert_int_equal(rp_dict_compile(paths, 1, b, NULL, &err), RP_OK);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cmp -s '%s' '%s'", a, b);
    assert_int_equal(system(cmd), 0);
    rp_dict *d = tu_open_dict(a);
    assert_non_null(d);
    rp_dict_stats s = rp_dict_get_stats(d);
    assert_true(s.actors > 10 && s.patterns > 10 && s.codes > 10);
    double g;
    int quad;
    assert_int_equal(rp_dict_code_info(d, "174", &g, &quad, NULL, NULL), 0);
    assert_true(g == -5.0 && quad == 4);
    assert_int_equal(rp_dict_code_info(d, "999", &g, &quad, NULL, NULL), -1);
    rp_dict_close(d);
}

static unsigned char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char *b = malloc(*len);
    assert_int_equal(fread(b, 1, *len, f), *len);
    fclose(f);
    return b;
}

static void refuses_corrupt_compiled_files(void **state) {
    (void)state;
    char a[512];
    snprintf(a, sizeof a, "%s/a.rpd", dir);
    size_t len;
    unsigned char *bytes = slurp(a, &len);
    rp_dict *d = NULL;
    rp_error err;
    /* every truncation */
    for (size_t cut = 0; cut < len; cut += (cut < 512 ? 1 : 97)) {
        assert_int_not_equal(rp_dict_open_memory(bytes, cut, NULL, &d, &err), RP_OK);
    }
    /* another format version */
    unsigned char *v = malloc(len);
    memcpy(v, bytes, len);
    v[8] ^= 0x7F;
    assert_int_equal(rp_dict_open_memory(v, len, NULL, &d, &err), RP_EVERSION);
    /* flipped bytes anywhere: refused or, if harmless, usable without crashing */
    srand(7);
    for (int i = 0; i < 2000; i++) {
        memcpy(v, bytes, len);
        size_t at = (size_t)rand() % len;
        v[at] ^= (unsigned char)(1 + rand() % 255);
        if (rp_dict_open_memory(v, len, NULL, &d, &err) == RP_OK) {
            rp_doc *doc = tu_code(d, NULL, "Russia expelled British diplomats in Moscow.", "2017-01-01");
            (void)doc;
            rp_dict_close(d);
        } else {
            assert_true(err.message[0] != 0);
        }
    }
    free(v);
    free(bytes);
    /* not a dictionary at all: read as sources, which fail */
    assert_int_not_equal(rp_dict_open("/nonexistent/x.rpd", NULL, &d, &err), RP_OK);
    assert_int_equal(err.code, RP_ENOTFOUND);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reports_every_error_with_file_and_line),
        cmocka_unit_test(compiles_deterministically),
        cmocka_unit_test(refuses_corrupt_compiled_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
