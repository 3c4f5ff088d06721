/*
 * test_code.c — the coding rules, one sentence each, against the small
 * dictionary in tests/data/mini (so each test shows the rule, not the
 * dictionary). Publication date 2017-08-31 unless said.
 */
#include "testutil.h"

static rp_dict *mini;
#define PUB "2017-08-31"

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

static void verb_pattern_with_slots(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "The US ordered Russia to close its consulate in San Francisco.", PUB);
    EXPECT_EVENT(d, "USA", "RUS", "161");
    EXPECT_EVENTS(d, 1);
    const rp_event *e = rp_doc_event(d, 0);
    assert_string_equal(e->verb_text, "ordered Russia to close");
    assert_string_equal(e->root, "16");
    assert_int_equal(e->quad, 4);
    assert_true(e->goldstein == -4.0);
}

static void negation_gives_no_event(void **state) {
    (void)state;
    EXPECT_EVENTS(tu_code(mini, NULL, "The US is not expelling any Russian officials.", PUB), 0);
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain did not expel Russian diplomats.", PUB), 0);
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain never expelled Russian diplomats.", PUB), 0);
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain refused to expel Russian diplomats.", PUB), 0);
}

static void passive_voice_swaps_roles(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "Russian diplomats were expelled by Britain on Monday.", PUB);
    EXPECT_EVENT(d, "GBR", "RUSGOV", "174");
    EXPECT_EVENTS(d, 1);
    d = tu_code(mini, NULL, "Dozens of Russian diplomats expelled by Britain left London.", PUB);
    EXPECT_EVENT(d, "GBR", "RUSGOV", "174");
}

static void modality(void **state) {
    (void)state;
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain may expel Russian diplomats.", PUB), 0);
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain hopes to expel Russian diplomats.", PUB), 0);
    rp_doc *d = tu_code(mini, NULL, "Britain threatened to expel Russian diplomats.", PUB);
    EXPECT_EVENT(d, "GBR", "RUSGOV", "131");
    assert_string_equal(rp_doc_event(d, 0)->mode, "threat");
    d = tu_code(mini, NULL, "Putin plans to meet with Trump.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "USAGOV", "036");
    assert_string_equal(rp_doc_event(d, 0)->mode, "intent");
    d = tu_code(mini, NULL, "Putin refused to meet with Trump.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "USAGOV", "125");
    /* the object of another verb did not act */
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain urged Russia to expel the spies.", PUB), 0);
}

static void compound_actors(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "Britain and France expelled Russian diplomats.", PUB);
    EXPECT_EVENT(d, "GBR", "RUSGOV", "174");
    EXPECT_EVENT(d, "FRA", "RUSGOV", "174");
    EXPECT_EVENTS(d, 2);
    d = tu_code(mini, NULL, "Russia and France met on Tuesday.", PUB);
    EXPECT_EVENT(d, "RUS", "FRA", "040");
    EXPECT_EVENT(d, "FRA", "RUS", "040");
}

static void coordinated_verbs_share_subject(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL,
                        "The moves began in December, when Obama kicked out dozens of Russian "
                        "officials in the US, and sanctioned Russian individuals.", PUB);
    EXPECT_EVENT(d, "USAGOV", "RUSGOV", "174");
    EXPECT_EVENT(d, "USAGOV", "RUS", "163");
    EXPECT_EVENTS(d, 2);
    char date[16];
    assert_string_equal(rp_date_format(&rp_doc_event(d, 0)->date, date, sizeof date), "2016-12");
    assert_string_equal(rp_doc_event(d, 0)->date_from, "text");
}

static void places_are_not_actors(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "The Kremlin criticised Britain in Washington.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "GBR", "111");
    EXPECT_EVENTS(d, 1);
    d = tu_code(mini, NULL, "The US ordered Russia to close offices in New York, Washington and "
                            "San Francisco.", PUB);
    EXPECT_EVENTS(d, 1);
    EXPECT_EVENT(d, "USA", "RUS", "161");
    /* a capital elsewhere stands for its government */
    d = tu_code(mini, NULL, "Moscow criticised Washington.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "USAGOV", "111");
}

static void subordinate_clauses(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "After the US expelled Russian diplomats, Russia expelled "
                                    "American diplomats.", PUB);
    EXPECT_EVENT(d, "USA", "RUSGOV", "174");
    EXPECT_EVENT(d, "RUS", "USAGOV", "174");
    EXPECT_EVENTS(d, 2);
}

static void appositions_and_agents(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "Vladimir Putin, the Russian president, criticised Britain.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "GBR", "111");
    EXPECT_EVENTS(d, 1);
    d = tu_code(mini, NULL, "Russia's foreign minister criticised the British government officials.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "GBRGOV", "111");
    d = tu_code(mini, NULL, "Officials of Russia criticised Britain.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "GBR", "111");
}

static void nominal_event_with_doer(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "The expulsion of Russian diplomats by Britain angered Moscow.", PUB);
    EXPECT_EVENT(d, "GBR", "RUSGOV", "174");
    EXPECT_EVENTS(d, 1);
}

static void attribution_is_not_an_event(void **state) {
    (void)state;
    EXPECT_EVENTS(tu_code(mini, NULL, "The official said so on Tuesday.", PUB), 0);
    rp_doc *d = tu_code(mini, NULL, "Britain criticised Russia, the official said.", PUB);
    EXPECT_EVENT(d, "GBR", "RUS", "111");
    EXPECT_EVENTS(d, 1);
}

static void pronouns(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "Russia said it would expel British diplomats.", PUB);
    EXPECT_EVENT(d, "RUS", "GBRGOV", "174");
    d = tu_code(mini, NULL, "Putin spoke on Monday. He criticised Britain.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "GBR", "111");
}

static void actor_codes_at_event_date(void **state) {
    (void)state;
    /* published after his term: a former president */
    rp_doc *d = tu_code(mini, NULL, "Obama criticised Russia.", PUB);
    EXPECT_EVENT(d, "USAELI", "RUS", "111");
    /* in office at the date the sentence gives */
    d = tu_code(mini, NULL, "In December, Obama criticised Russia.", PUB);
    EXPECT_EVENT(d, "USAGOV", "RUS", "111");
    d = tu_code(mini, NULL, "Trump criticised Russia.", "2019-05-01");
    EXPECT_EVENT(d, "USAGOV", "RUS", "111");
    d = tu_code(mini, NULL, "Trump criticised Russia.", "2022-05-01");
    EXPECT_EVENT(d, "USAELI", "RUS", "111");
}

static void paired_codes(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "Putin visited France.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "FRA", "042");
    EXPECT_EVENT(d, "FRA", "RUSGOV", "043");
    EXPECT_EVENTS(d, 2);
}

static void null_patterns_block(void **state) {
    (void)state;
    EXPECT_EVENTS(tu_code(mini, NULL, "Russian troops attack heart of the problem.", PUB), 0);
    EXPECT_EVENT(tu_code(mini, NULL, "Russian troops attack France.", PUB), "RUSMIL", "FRA", "190");
}

static void case_keeps_pronoun_us_apart(void **state) {
    (void)state;
    EXPECT_EVENTS(tu_code(mini, NULL, "Russia criticised us for our reporting.", PUB), 0);
    EXPECT_EVENT(tu_code(mini, NULL, "Russia criticised the US.", PUB), "RUS", "USA", "111");
    /* blocking phrase: a newspaper is not a government */
    EXPECT_EVENTS(tu_code(mini, NULL, "Russia criticised the Washington Post.", PUB), 0);
}

static void headline_and_lead_are_one_event(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, "US orders Russia to close consulate",
                        "The US has ordered Russia to close its consulate.\n\nThe State Department "
                        "directed Russia to shutter the consulate.", PUB);
    EXPECT_EVENTS(d, 1);
    const rp_event *e = rp_doc_event(d, 0);
    assert_int_equal(e->mentions, 3);
    assert_int_equal(e->sent, 0);
    assert_string_equal(e->source, "USAGOV"); /* the more specific code wins */
}

static void event_anaphora(void **state) {
    (void)state;
    /* "the decision" is the last act reported, even one not made */
    rp_doc *d1 = tu_code(mini, NULL, "Putin said Russia would not expel British diplomats. Britain welcomed the decision.", PUB);
    EXPECT_EVENT(d1, "GBR", "RUS", "051");
    EXPECT_EVENTS(d1, 1);
    rp_doc *d = tu_code(mini, NULL,
                        "Russia expelled American diplomats. In a statement blasting that move, "
                        "the State Department directed Russia to close three facilities.", PUB);
    EXPECT_EVENT(d, "RUS", "USAGOV", "174");
    EXPECT_EVENT(d, "USAGOV", "RUS", "111");
    EXPECT_EVENT(d, "USAGOV", "RUS", "161");
}

static void demands_future_and_conditions(void **state) {
    (void)state;
    /* a proposal that X act, with words between the verb and "that": X threatens */
    rp_doc *dp = tu_code(mini, NULL, "Putin proposed on Friday that Russia expel British diplomats.", PUB);
    EXPECT_EVENT(dp, "RUS", "GBRGOV", "131");
    assert_string_equal(rp_doc_event(dp, 0)->mode, "threat");
    /* "X said Y must do Z" is X demanding Z of Y */
    rp_doc *d = tu_code(mini, NULL, "Russia said on Tuesday that Britain must release the Russian diplomats.", PUB);
    EXPECT_EVENT(d, "RUS", "GBR", "1053");
    assert_string_equal(rp_doc_event(d, 0)->mode, "demand");
    /* an unattributed obligation is no event */
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain must release the Russian diplomats.", PUB), 0);
    /* promised cooperation is intent; an announced hostile act stands */
    d = tu_code(mini, NULL, "Putin will visit France.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "FRA", "036");
    EXPECT_EVENTS(d, 1); /* no reciprocal hosting for an intention */
    EXPECT_EVENT(tu_code(mini, NULL, "Britain will expel Russian diplomats.", PUB), "GBR", "RUSGOV", "174");
    /* a conditional announcement of force is a threat */
    d = tu_code(mini, NULL, "Russia would attack Britain if it sanctioned Moscow.", PUB);
    EXPECT_EVENT(d, "RUS", "GBR", "138");
    /* a condition is no event */
    EXPECT_EVENTS(tu_code(mini, NULL, "Russia will leave the talks if France attacks Britain.", PUB), 0);
}

static void reported_and_reversed(void **state) {
    (void)state;
    rp_doc *d0;
    EXPECT_EVENTS(tu_code(mini, NULL, "He denied allegations that Russia had attacked France.", PUB), 0);
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain reversed its decision to expel Russian diplomats.", PUB), 0);
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain accused Russia of attacking France.", PUB), 0);
    /* a participle between a determiner and a noun describes, it reports no act */
    d0 = tu_code(mini, NULL, "Britain criticised the arrested Russian diplomats.", PUB);
    EXPECT_EVENT(d0, "GBR", "RUSGOV", "111");
    EXPECT_EVENTS(d0, 1);
    /* the object of a relative clause is its antecedent; "it" is not the
     * plural people just acted on */
    d0 = tu_code(mini, NULL, "Britain expelled Russian diplomats, whom it criticised.", PUB);
    EXPECT_EVENT(d0, "GBR", "RUSGOV", "174");
    EXPECT_EVENT(d0, "GBR", "RUSGOV", "111");
    EXPECT_EVENTS(d0, 2);
    /* "Germany, France and Britain each expelled": a floating quantifier */
    rp_doc *d = tu_code(mini, NULL, "France and Britain each expelled four Russian diplomats.", PUB);
    EXPECT_EVENTS(d, 2);
}

static void evaluations_and_possessives(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "Putin spoke on Monday. The Kremlin called his remarks a provocation.", PUB);
    EXPECT_EVENTS(d, 0); /* Putin and the Kremlin: one country */
    d = tu_code(mini, NULL, "Theresa May spoke on Monday. The Kremlin called her remarks unacceptable.", "2018-03-14");
    EXPECT_EVENT(d, "RUSGOV", "GBRGOV", "111");
}

static void irregular_past_is_a_verb(void **state) {
    (void)state;
    /* "gave" has no -ed ending: after "The United States" it is still the verb */
    rp_doc *d = tu_code(mini, NULL, "The United States gave France aid.", PUB);
    EXPECT_EVENT(d, "USA", "FRA", "070");
    EXPECT_EVENTS(d, 1);
}

static void compound_subject_acts_on_itself(void **state) {
    (void)state;
    rp_doc *d = tu_code(mini, NULL, "Russia and France agreed on a pact.", PUB);
    EXPECT_EVENT(d, "RUS", "FRA", "030");
    EXPECT_EVENT(d, "FRA", "RUS", "030");
    EXPECT_EVENTS(d, 2);
    /* a short parenthesis between subject and verb is passed over */
    d = tu_code(mini, NULL, "Britain (the UK) expelled Russian diplomats.", PUB);
    EXPECT_EVENT(d, "GBR", "RUSGOV", "174");
    EXPECT_EVENTS(d, 1);
    /* an acronym used as an adjective shares the noun too */
    d = tu_code(mini, NULL, "U.S. and Iraqi troops attacked Russia.", PUB);
    EXPECT_EVENT(d, "USAMIL", "RUS", "190");
    EXPECT_EVENT(d, "IRQMIL", "RUS", "190");
    EXPECT_EVENTS(d, 2);
    /* "by" without an actor after it makes no passive */
    d = tu_code(mini, NULL, "Trump and Putin met by video on Friday.", PUB);
    EXPECT_EVENT(d, "RUSGOV", "USAGOV", "040");
    EXPECT_EVENT(d, "USAGOV", "RUSGOV", "040");
    /* one actor alone agrees with no one named */
    EXPECT_EVENTS(tu_code(mini, NULL, "Russia agreed on a pact.", PUB), 0);
    /* "French and Iraqi troops": the first adjective shares the noun */
    d = tu_code(mini, NULL, "French and Iraqi troops attacked Russia.", PUB);
    EXPECT_EVENT(d, "FRAMIL", "RUS", "190");
    EXPECT_EVENT(d, "IRQMIL", "RUS", "190");
    EXPECT_EVENTS(d, 2);
}

static void places_as_targets(void **state) {
    (void)state;
    /* a curfew or a protest falls on the place: its country, without a role */
    rp_doc *d = tu_code(mini, NULL, "Iraqi police imposed a curfew in the city of Baghdad.", PUB);
    EXPECT_EVENT(d, "IRQCOP", "IRQ", "1723");
    EXPECT_EVENTS(d, 1);
    d = tu_code(mini, NULL, "Americans demonstrated in Moscow on Friday.", PUB);
    EXPECT_EVENT(d, "USA", "RUS", "141");
    EXPECT_EVENTS(d, 1);
    /* a protest naming neither target nor place is against the own government */
    d = tu_code(mini, NULL, "Iraqi protesters demonstrated on Friday.", PUB);
    EXPECT_EVENT(d, "IRQCVL", "IRQGOV", "141");
    EXPECT_EVENTS(d, 1);
    EXPECT_EVENTS(tu_code(mini, NULL, "Iraqi police demonstrated on Friday.", PUB), 0);
    /* not for moves that need a named target */
    EXPECT_EVENTS(tu_code(mini, NULL, "Britain agreed on a pact in Baghdad.", PUB), 0);
}

static void domestic_moves(void **state) {
    (void)state;
    /* police act on people of their own country; protesters protest against their own */
    rp_doc *d = tu_code(mini, NULL, "British police arrested a cleric.", PUB);
    EXPECT_EVENT(d, "GBRCOP", "GBRREL", "173");
    EXPECT_EVENTS(d, 1);
    d = tu_code(mini, NULL, "Protesters marched against the Kremlin.", PUB);
    EXPECT_EVENT(d, "RUSCVL", "RUSGOV", "141");
    /* the dateline's city gives its country (not its government) to everyone
     * nameless when the sentence names no country */
    d = tu_code(mini, NULL, "BAGHDAD (Reuters) - Police arrested protesters on Monday.", PUB);
    EXPECT_EVENT(d, "IRQCOP", "IRQCVL", "173");
    EXPECT_EVENTS(d, 1);
    /* a capital before a noun gives the country, the noun the role */
    d = tu_code(mini, NULL, "Baghdad police arrested protesters.", PUB);
    EXPECT_EVENT(d, "IRQCOP", "IRQCVL", "173");
    /* but troops acting on nameless people keep them without a country */
    EXPECT_EVENTS(tu_code(mini, NULL, "British troops attacked protesters.", PUB), 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(verb_pattern_with_slots),
        cmocka_unit_test(negation_gives_no_event),
        cmocka_unit_test(passive_voice_swaps_roles),
        cmocka_unit_test(modality),
        cmocka_unit_test(compound_actors),
        cmocka_unit_test(coordinated_verbs_share_subject),
        cmocka_unit_test(places_are_not_actors),
        cmocka_unit_test(subordinate_clauses),
        cmocka_unit_test(appositions_and_agents),
        cmocka_unit_test(nominal_event_with_doer),
        cmocka_unit_test(attribution_is_not_an_event),
        cmocka_unit_test(pronouns),
        cmocka_unit_test(actor_codes_at_event_date),
        cmocka_unit_test(paired_codes),
        cmocka_unit_test(null_patterns_block),
        cmocka_unit_test(case_keeps_pronoun_us_apart),
        cmocka_unit_test(headline_and_lead_are_one_event),
        cmocka_unit_test(event_anaphora),
        cmocka_unit_test(demands_future_and_conditions),
        cmocka_unit_test(reported_and_reversed),
        cmocka_unit_test(evaluations_and_possessives),
        cmocka_unit_test(irregular_past_is_a_verb),
        cmocka_unit_test(compound_subject_acts_on_itself),
        cmocka_unit_test(places_as_targets),
        cmocka_unit_test(domestic_moves),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
