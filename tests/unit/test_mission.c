/*
 * test_mission.c — the founding article (../shared/data/mission/, The
 * Independent, 31 August 2017) coded with the production dictionaries must
 * give the events the issue lists, none from its boilerplate, no expulsion
 * from the negated sentence and no actor from the places it names.
 * Actors are compared on their country (first three letters).
 */
#include "testutil.h"

#include <stdlib.h>

#define MISSION RP_SHARED_DATA "/mission/000_1de54866a10ad373.txt"

static rp_dict *dict;
static rp_doc *doc;
static rp_coder *coder;

static char *slurp(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc(*len + 1);
    if (fread(b, 1, *len, f) != *len) *len = 0;
    b[*len] = 0;
    fclose(f);
    return b;
}

static int setup(void **state) {
    (void)state;
    size_t len;
    char *text = slurp(MISSION, &len);
    if (!text) {
        fprintf(stderr, "%s not found: the test needs ../shared/data\n", MISSION);
        return -1;
    }
    dict = tu_open_dict(RP_DICT_FILE);
    if (!dict) return -1;
    rp_error err;
    if (rp_coder_new(dict, NULL, &coder, &err) != RP_OK || rp_doc_new(NULL, &doc, &err) != RP_OK) return -1;
    rp_input in;
    memset(&in, 0, sizeof in);
    in.id = "mission";
    in.id_len = 7;
    in.text = text;
    in.text_len = len;
    in.kind = RP_TEXT_PAGE;
    if (rp_doc_code(doc, coder, &in, &err) != RP_OK) return -1;
    free(text);
    for (size_t i = 0; i < rp_doc_event_count(doc); i++) {
        const rp_event *e = rp_doc_event(doc, i);
        char d[16];
        fprintf(stderr, "event %zu: %s -> %s %s %s  [%s | %s | %s] sent %zu x%zu\n", i, e->source,
                e->target, e->code, rp_date_format(&e->date, d, sizeof d), e->source_text,
                e->verb_text, e->target_text, e->sent, e->mentions);
    }
    return 0;
}

static int teardown(void **state) {
    (void)state;
    rp_doc_free(doc);
    rp_coder_free(coder);
    rp_dict_close(dict);
    return 0;
}

/* events from src country to tgt country with one of the codes ("161|172"),
 * dated with the given prefix ("" = any) */
static int count(const char *src, const char *tgt, const char *codes, const char *date) {
    int n = 0;
    for (size_t i = 0; i < rp_doc_event_count(doc); i++) {
        const rp_event *e = rp_doc_event(doc, i);
        char d[16];
        rp_date_format(&e->date, d, sizeof d);
        if (strncmp(e->source, src, 3) || strncmp(e->target, tgt, 3)) continue;
        if (strncmp(d, date, strlen(date))) continue;
        char want[64];
        snprintf(want, sizeof want, "|%s|", codes);
        char code[16];
        snprintf(code, sizeof code, "|%s|", e->code);
        if (strstr(want, code)) n++;
    }
    return n;
}

static void article_is_read(void **state) {
    (void)state;
    const rp_article *a = rp_doc_article(doc);
    assert_string_equal(a->title, "US orders Russia to close diplomatic offices in New York, Washington and San Francisco");
    assert_string_equal(a->byline, "Jeremy B. White");
    assert_string_equal(a->date_line, "Thursday 31 August 2017 12:18 EDT");
    char d[16];
    assert_string_equal(rp_date_format(&a->published, d, sizeof d), "2017-08-31");
    /* none of the boilerplate reached the body */
    const char *bp[] = {"notifications", "Your support", "donation", "paywalls", "commenting forum",
                        "Thank you for registering", "refresh", "contributed to this report",
                        "Josh Edelson"};
    for (size_t i = 0; i < sizeof bp / sizeof bp[0]; i++)
        if (strstr(a->body, bp[i])) {
            fprintf(stderr, "boilerplate '%s' in the body\n", bp[i]);
            fail();
        }
}

static void required_events(void **state) {
    (void)state;
    /* the closure order, reported in headline, lead and the State Department line: once */
    assert_int_equal(count("USA", "RUS", "161", "2017-08"), 1);
    assert_true(count("RUS", "USA", "161|172", "") >= 1);   /* Russia's closure order */
    assert_true(count("USA", "RUS", "163", "2017-08") >= 1); /* the sanctions bill */
    assert_true(count("USA", "RUS", "111", "") >= 1);       /* "blasting" that move */
    assert_true(count("USA", "RUS", "174|166", "2016-12") >= 1); /* Obama kicks out officials */
    assert_true(count("USA", "RUS", "163", "2016-12") >= 1);     /* Obama's sanctions */
}

static void forbidden_events(void **state) {
    (void)state;
    for (size_t i = 0; i < rp_doc_event_count(doc); i++) {
        const rp_event *e = rp_doc_event(doc, i);
        const rp_sentence *s = rp_doc_sentence(doc, e->sent);
        const char *text = rp_doc_article(doc)->body + s->offset;
        /* no expulsion from the negated sentence */
        if (!strncmp(text, "The US is not expelling", 23) && !strncmp(e->root, "17", 2)) fail();
        /* no actor from the places */
        const char *places[] = {"New York", "Washington", "San Francisco", "Maryland"};
        for (size_t k = 0; k < 4; k++)
            if (!strcmp(e->source_text, places[k]) || !strcmp(e->target_text, places[k])) {
                fprintf(stderr, "place '%s' coded as an actor in event %zu\n", places[k], i);
                fail();
            }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(article_is_read),
        cmocka_unit_test(required_events),
        cmocka_unit_test(forbidden_events),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
