/*
 * test_text.c — normalisation, tokens, sentences and dates (text stage).
 */
#include "testutil.h"

#include "core/core.h"
#include "text/text.h"

static char *normalize(const char *in, size_t len, rp_norm_report *rep) {
    static rp_buf b;
    rp_buf_clear(&b);
    assert_true(rp_text_normalize(in, len, &b, rep));
    return (char *)rp_buf_cstr(&b);
}

static void normalises_quotes_dashes_spaces(void **state) {
    (void)state;
    rp_norm_report rep = {0};
    const char *in = "\xE2\x80\x9CNo\xE2\x80\x9D, he said\xE2\x80\x94then left\xC2\xA0"
                     "today\xE2\x80\xA6 it\xE2\x80\x99s 2016\xE2\x80\x93" "2018\r\nend";
    assert_string_equal(normalize(in, strlen(in), &rep),
                        "\"No\", he said - then left today... it's 2016-2018\nend");
    assert_int_equal(rep.invalid, 0);
}

static void replaces_invalid_utf8_and_reports(void **state) {
    (void)state;
    rp_norm_report rep = {0};
    const char in[] = "ab\xFF" "cd\xC3" "\0e";
    assert_string_equal(normalize(in, sizeof in - 1, &rep), "ab\xEF\xBF\xBD" "cd\xEF\xBF\xBD" "e");
    assert_int_equal(rep.invalid, 2);
    assert_int_equal(rep.first_invalid, 2);
    assert_int_equal(rep.nul, 1);
}

static void composes_nfc(void **state) {
    (void)state;
    rp_norm_report rep = {0};
    assert_string_equal(normalize("Co\x74" "e\xCC\x81", 6, &rep), "Cot\xC3\xA9");
}

/* Tokens of s joined by '|'. */
static const char *toks(const char *s) {
    static char out[1024];
    rp_vec v;
    rp_vec_init(&v, sizeof(rp_tok), NULL);
    assert_true(rp_text_tokenize(s, strlen(s), 0, &v));
    out[0] = 0;
    for (size_t i = 0; i < v.len; i++) {
        rp_tok *t = RP_VEC_AT(&v, rp_tok, i);
        if (i) strcat(out, "|");
        strncat(out, s + t->off, t->len);
    }
    rp_vec_fini(&v);
    return out;
}

static void tokenizer(void **state) {
    (void)state;
    assert_string_equal(toks("Russia's U.S.-led coalition didn't expel 1,000 people."),
                        "Russia|'s|U.S.|-|led|coalition|did|n't|expel|1,000|people|.");
    assert_string_equal(toks("Bashar al-Assad met an 18-year-old in Côte d'Ivoire."),
                        "Bashar|al|-|Assad|met|an|18-year-old|in|Côte|d'Ivoire|.");
    assert_string_equal(toks("tit-for-tat \"parity\" ... -- Russians' 3.5%"),
                        "tit-for-tat|\"|parity|\"|...|--|Russians|'|3.5|%");
    assert_string_equal(toks("won't can't"), "wo|n't|ca|n't");
}

static void token_keys_fold_case_and_marks(void **state) {
    (void)state;
    char key[64];
    assert_int_equal(rp_text_fold("Côte", 5, key, sizeof key), 4);
    assert_string_equal(key, "cote");
    assert_int_equal(rp_text_fold("KREMLIN", 7, key, sizeof key), 7);
    assert_string_equal(key, "kremlin");
    rp_tok t = {0, 3, RP_TOK_WORD, RP_SUB_NOT};
    assert_int_equal(rp_text_token_key("n't", &t, key, sizeof key), 3);
    assert_string_equal(key, "not");
}

/* Sentences of s joined by '|'. */
static const char *sents(const char *s) {
    static char out[2048];
    rp_vec v, ends;
    rp_vec_init(&v, sizeof(rp_tok), NULL);
    rp_vec_init(&ends, sizeof(size_t), NULL);
    assert_true(rp_text_tokenize(s, strlen(s), 0, &v));
    assert_true(rp_text_split(s, v.data, v.len, 0, &ends));
    out[0] = 0;
    size_t start = 0;
    for (size_t i = 0; i < ends.len; i++) {
        size_t end = *RP_VEC_AT(&ends, size_t, i);
        rp_tok *a = RP_VEC_AT(&v, rp_tok, start), *b = RP_VEC_AT(&v, rp_tok, end - 1);
        if (i) strcat(out, "|");
        strncat(out, s + a->off, b->off + b->len - a->off);
        start = end;
    }
    rp_vec_fini(&v);
    rp_vec_fini(&ends);
    return out;
}

static void sentence_splitter(void **state) {
    (void)state;
    assert_string_equal(sents("Mr. Smith met Dr. Jones in St. Petersburg. They talked."),
                        "Mr. Smith met Dr. Jones in St. Petersburg.|They talked.");
    assert_string_equal(sents("U.S. officials left. The U.S. The talks ended."),
                        "U.S. officials left.|The U.S.|The talks ended.");
    assert_string_equal(sents("He said: \"No.\" Then he left. It was Jan. 5 in 2017."),
                        "He said: \"No.\"|Then he left.|It was Jan. 5 in 2017.");
    assert_string_equal(sents("\"Are you coming?\" he asked. Jeremy B. White wrote it."),
                        "\"Are you coming?\" he asked.|Jeremy B. White wrote it.");
    assert_string_equal(sents("It fell 3.5 per cent. Prices rose!"), "It fell 3.5 per cent.|Prices rose!");
}

static void sentence_length_limit(void **state) {
    (void)state;
    char s[4096] = "";
    for (int i = 0; i < 500; i++) strcat(s, "word ");
    rp_vec v, ends;
    rp_vec_init(&v, sizeof(rp_tok), NULL);
    rp_vec_init(&ends, sizeof(size_t), NULL);
    assert_true(rp_text_tokenize(s, strlen(s), 0, &v));
    assert_true(rp_text_split(s, v.data, v.len, 256, &ends));
    assert_int_equal(ends.len, 2);
    assert_int_equal(*RP_VEC_AT(&ends, size_t, 0), 256);
    rp_vec_fini(&v);
    rp_vec_fini(&ends);
}

static void dates(void **state) {
    (void)state;
    rp_date d;
    char buf[16];
    const char *ok[][2] = {{"2017-08-31", "2017-08-31"},
                           {"2017-08", "2017-08"},
                           {"2017", "2017"},
                           {"20170831", "2017-08-31"},
                           {"2017-08-31T12:18:00Z", "2017-08-31"},
                           {"Thursday 31 August 2017 12:18 EDT", "2017-08-31"},
                           {"August 31, 2017", "2017-08-31"},
                           {"Published: Aug. 31, 2017 at 4:05 p.m. ET", "2017-08-31"},
                           {"31 Aug 2017", "2017-08-31"},
                           {"2016-02-29", "2016-02-29"}};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        assert_int_equal(rp_date_parse(ok[i][0], strlen(ok[i][0]), &d), RP_OK);
        assert_string_equal(rp_date_format(&d, buf, sizeof buf), ok[i][1]);
    }
    const char *bad[] = {"2017-02-30", "0000-00-00", "99999999", "2017-13-01", "yesterday",
                         "31 Foo 2017", "", "The talks ended on 31 August 2017 in Geneva"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        assert_int_equal(rp_date_parse(bad[i], strlen(bad[i]), &d), RP_EFORMAT);
    rp_date w = {2017, 8, 21, RP_PREC_WEEK};
    assert_string_equal(rp_date_format(&w, buf, sizeof buf), "2017-W34");
}

static void stems(void **state) {
    (void)state;
    rp_stemmer *st = rp_stemmer_new(NULL);
    assert_non_null(st);
    assert_string_equal(rp_stemmer_stem(st, "expelled", 8), "expel");
    assert_string_equal(rp_stemmer_stem(st, "sanctions", 9), "sanction");
    assert_string_equal(rp_stemmer_stem(st, "expelled", 8), "expel"); /* cached */
    rp_stemmer_free(st);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(normalises_quotes_dashes_spaces),
        cmocka_unit_test(replaces_invalid_utf8_and_reports),
        cmocka_unit_test(composes_nfc),
        cmocka_unit_test(tokenizer),
        cmocka_unit_test(token_keys_fold_case_and_marks),
        cmocka_unit_test(sentence_splitter),
        cmocka_unit_test(sentence_length_limit),
        cmocka_unit_test(dates),
        cmocka_unit_test(stems),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
