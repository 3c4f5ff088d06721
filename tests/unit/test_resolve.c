/*
 * test_resolve.c — event dates from the sentence, against the publication
 * date (Thursday 31 August 2017), through the whole coder and the mini
 * dictionary: "Britain criticised Russia <time>." must be dated as listed.
 */
#include "testutil.h"

static rp_dict *mini;

static int setup(void **state) {
    (void)state;
    mini = tu_open_dict(RP_TEST_DATA "/mini");
    return mini ? 0 : -1;
}

static int teardown(void **state) {
    (void)state;
    rp_dict_close(mini);
    return 0;
}

static const char *date_of(const char *when, const char *pub, const char **from) {
    static char text[256], date[16];
    snprintf(text, sizeof text, "Britain criticised Russia %s.", when);
    rp_doc *d = tu_code(mini, NULL, text, pub);
    if (rp_doc_event_count(d) != 1) {
        fprintf(stderr, "'%s': %zu events\n", text, rp_doc_event_count(d));
        fail();
    }
    *from = rp_doc_event(d, 0)->date_from;
    return rp_date_format(&rp_doc_event(d, 0)->date, date, sizeof date);
}

static void relative_and_absolute_dates(void **state) {
    (void)state;
    const char *cases[][3] = {
        {"in December", "2016-12", "text"},
        {"in December 2015", "2015-12", "text"},
        {"in May", "2017-05", "text"},
        {"in August", "2017-08", "text"},
        {"last week", "2017-W34", "text"},
        {"earlier this week", "2017-W35", "text"},
        {"on Monday", "2017-08-28", "text"},
        {"on Thursday", "2017-08-31", "text"},
        {"last Thursday", "2017-08-24", "text"},
        {"yesterday", "2017-08-30", "text"},
        {"in 2014", "2014", "text"},
        {"on 5 March", "2017-03-05", "text"},
        {"on March 5, 2018", "2018-03-05", "text"},
        {"two days ago", "2017-08-29", "text"},
        {"last month", "2017-07", "text"},
        {"last year", "2016", "text"},
        {"by Saturday", "2017-08-31", "published"},
        {"since 2014", "2017-08-31", "published"},
        {"at length", "2017-08-31", "published"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *from;
        const char *got = date_of(cases[i][0], "2017-08-31", &from);
        if (strcmp(got, cases[i][1]) || strcmp(from, cases[i][2])) {
            fprintf(stderr, "'%s': got %s (%s), want %s (%s)\n", cases[i][0], got, from, cases[i][1],
                    cases[i][2]);
            fail();
        }
    }
}

static void no_publication_date(void **state) {
    (void)state;
    const char *from;
    assert_string_equal(date_of("on March 5, 2018", NULL, &from), "2018-03-05");
    assert_string_equal(date_of("in December", NULL, &from), "");
    assert_string_equal(from, "none");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(relative_and_absolute_dates),
        cmocka_unit_test(no_publication_date),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
