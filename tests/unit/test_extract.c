/*
 * test_extract.c — pasted-page cleanup: headline, standfirst, byline,
 * dateline, date line, captions and boilerplate, on pages written for the
 * test in the style of several sites (not copies of real pages).
 */
#include "testutil.h"

#include "core/core.h"
#include "extract/extract.h"

static rp_arena ar;

static const char *span(const char *text, rp_span s) {
    static char buf[8][512];
    static int k;
    k = (k + 1) % 8;
    snprintf(buf[k], sizeof buf[k], "%.*s", (int)s.len, text + s.off);
    return buf[k];
}

static void page_with_furniture(void **state) {
    (void)state;
    const char *page =
        "Skip to main content\n\n"
        "Allow notifications from The Daily Ledger?\n\n"
        "Turn on notifications to stay up to date with the latest news\n\n"
        "Britain expels 23 Russian diplomats after nerve agent attack\n\n"
        "Prime minister announces toughest measures in decades\n\n"
        "By Anna Weller and Tomas Reyes\n"
        "London\n"
        "Wednesday 14 March 2018 13:02 GMT\n"
        "Comments (214)\n"
        "Share on Facebook\n"
        "Police officers outside the restaurant in Salisbury (Ben Stansall/AFP via Getty Images)\n\n"
        "Britain will expel 23 Russian diplomats, the prime minister told parliament on Wednesday, "
        "in the biggest such move since the Cold War.\n\n"
        "She said the diplomats had one week to leave.\n\n"
        "Sign up to our free politics newsletter\n\n"
        "We rely on readers like you. Please consider supporting our journalism today.\n\n"
        "Moscow denied any involvement and said it would respond.\n\n"
        "Reporting by Anna Weller; editing by Tomas Reyes\n\n"
        "Most read\n\n"
        "Topics\n";
    rp_page pg;
    assert_true(rp_extract_page(page, strlen(page), RP_TEXT_PAGE, &ar, &pg));
    assert_string_equal(span(page, pg.title), "Britain expels 23 Russian diplomats after nerve agent attack");
    assert_string_equal(span(page, pg.standfirst), "Prime minister announces toughest measures in decades");
    assert_string_equal(span(page, pg.byline), "By Anna Weller and Tomas Reyes");
    assert_string_equal(span(page, pg.dateline), "London");
    assert_string_equal(span(page, pg.date_line), "Wednesday 14 March 2018 13:02 GMT");
    assert_int_equal(pg.date.year, 2018);
    assert_int_equal(pg.date.month, 3);
    assert_int_equal(pg.date.day, 14);
    assert_int_equal(pg.nparas, 3);
    assert_true(strncmp(span(page, pg.paras[0]), "Britain will expel 23", 21) == 0);
    assert_string_equal(span(page, pg.paras[1]), "She said the diplomats had one week to leave.");
    assert_string_equal(span(page, pg.paras[2]), "Moscow denied any involvement and said it would respond.");
    assert_int_equal(pg.captions, 1);
}

static void plain_article_is_all_body(void **state) {
    (void)state;
    const char *text = "Russia expelled 23 British diplomats on Saturday and closed the British "
                       "Council, the foreign ministry said.\n\nOfficials in London said they had "
                       "expected the move.\n";
    rp_page pg;
    assert_true(rp_extract_page(text, strlen(text), RP_TEXT_PAGE, &ar, &pg));
    assert_int_equal(pg.title.len, 0);
    assert_int_equal(pg.nparas, 2);
    assert_true(rp_extract_page(text, strlen(text), RP_TEXT_CLEAN, &ar, &pg));
    assert_int_equal(pg.nparas, 2);
}

static void wrapped_lines_join(void **state) {
    (void)state;
    const char *text = "The United States on Thursday ordered Russia to close its consulate in\n"
                       "San Francisco and two trade offices, in retaliation for a cut in\n"
                       "American diplomatic staff.\n";
    rp_page pg;
    assert_true(rp_extract_page(text, strlen(text), RP_TEXT_CLEAN, &ar, &pg));
    assert_int_equal(pg.nparas, 1);
}

static void agency_dateline_is_removed(void **state) {
    (void)state;
    const char *text = "MOSCOW (Reuters) - Russia said on Friday it would expel 60 U.S. diplomats.\n";
    rp_page pg;
    assert_true(rp_extract_page(text, strlen(text), RP_TEXT_CLEAN, &ar, &pg));
    assert_int_equal(pg.nparas, 1);
    assert_string_equal(span(text, pg.paras[0]), "Russia said on Friday it would expel 60 U.S. diplomats.");
    assert_string_equal(span(text, pg.dateline), "MOSCOW (Reuters)");
}

static void boilerplate_cues(void **state) {
    (void)state;
    const char *bp[] = {"Sign up to our newsletter", "Thank you for registering",
                        "Please refresh the page or navigate to another page on the site",
                        "Comments", "Share", "Your support makes all the difference.",
                        "Agencies contributed to this report", "Read more: Kremlin hits back",
                        "Already have an account? Log in", "We use cookies to improve your experience",
                        "Subscribe to continue reading", "Menu | World | UK | Politics | Business",
                        "Home > News > Europe"};
    for (size_t i = 0; i < sizeof bp / sizeof bp[0]; i++)
        if (rp_boilerplate_line(bp[i], strlen(bp[i])) == RP_BP_NONE) {
            fprintf(stderr, "not boilerplate: %s\n", bp[i]);
            fail();
        }
    const char *prose[] = {"The US will donate a million doses to the African Union.",
                           "The minister declined to comment.",
                           "Russia said it would support the resolution.",
                           "US orders Russia to close diplomatic offices",
                           "\"We will respond,\" the Kremlin said.",
                           "Reporters were told the talks had failed.",
                           "The vote was 52/48 in favour."};
    for (size_t i = 0; i < sizeof prose / sizeof prose[0]; i++)
        if (rp_boilerplate_line(prose[i], strlen(prose[i])) != RP_BP_NONE) {
            fprintf(stderr, "taken for boilerplate: %s\n", prose[i]);
            fail();
        }
    assert_true(rp_caption_line("Diplomats leave the embassy (Photo: Jane Roe/EPA)", 49));
    assert_false(rp_caption_line("Russia (and China) objected", 27));
}

static int teardown(void **state) {
    (void)state;
    rp_arena_fini(&ar);
    return 0;
}

int main(void) {
    rp_arena_init(&ar, NULL, 0);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(page_with_furniture),
        cmocka_unit_test(plain_article_is_all_body),
        cmocka_unit_test(wrapped_lines_join),
        cmocka_unit_test(agency_dateline_is_removed),
        cmocka_unit_test(boilerplate_cues),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
