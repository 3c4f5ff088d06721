/*
 * testutil.h — helpers shared by the unit tests: open the test dictionaries,
 * code a text, look for an event.
 */
#ifndef RP_TESTUTIL_H
#define RP_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "riposte.h"

static rp_dict *tu_open_dict(const char *path) {
    rp_dict *d = NULL;
    rp_error err;
    if (rp_dict_open(path, NULL, &d, &err) != RP_OK) {
        fprintf(stderr, "cannot open %s: %s:%zu: %s\n", path, err.source, err.line, err.message);
        return NULL;
    }
    return d;
}

/* Codes `text` (clean article text) published on `date`; the doc is reused. */
static rp_doc *tu_code(const rp_dict *dict, const char *title, const char *text, const char *date) {
    static rp_doc *doc;
    static rp_coder *coder;
    static const rp_dict *coder_dict;
    rp_error err;
    if (!doc) assert_int_equal(rp_doc_new(NULL, &doc, &err), RP_OK);
    if (coder_dict != dict) {
        rp_coder_free(coder);
        assert_int_equal(rp_coder_new(dict, NULL, &coder, &err), RP_OK);
        coder_dict = dict;
    }
    rp_input in;
    memset(&in, 0, sizeof in);
    in.text = text;
    in.text_len = strlen(text);
    in.title = title;
    in.title_len = title ? strlen(title) : 0;
    in.date = date;
    in.date_len = date ? strlen(date) : 0;
    in.id = "test";
    in.id_len = 4;
    in.kind = RP_TEXT_CLEAN;
    assert_int_equal(rp_doc_code(doc, coder, &in, &err), RP_OK);
    return doc;
}

/* Index of the event (source, target, code), -1 if absent. */
static int tu_find(const rp_doc *doc, const char *src, const char *tgt, const char *code) {
    for (size_t i = 0; i < rp_doc_event_count(doc); i++) {
        const rp_event *e = rp_doc_event(doc, i);
        if (strcmp(e->source, src) == 0 && strcmp(e->target, tgt) == 0 && strcmp(e->code, code) == 0)
            return (int)i;
    }
    return -1;
}

static void tu_dump(const rp_doc *doc) {
    for (size_t i = 0; i < rp_doc_event_count(doc); i++) {
        const rp_event *e = rp_doc_event(doc, i);
        char d[16];
        fprintf(stderr, "  event %zu: %s %s %s %s (%s)\n", i, e->source, e->target, e->code,
                rp_date_format(&e->date, d, sizeof d), e->verb_text);
    }
}

#define EXPECT_EVENT(doc, s, t, c)                                                            \
    do {                                                                                       \
        if (tu_find(doc, s, t, c) < 0) {                                                       \
            fprintf(stderr, "missing event %s %s %s; got:\n", s, t, c);                        \
            tu_dump(doc);                                                                      \
            fail();                                                                            \
        }                                                                                      \
    } while (0)

#define EXPECT_EVENTS(doc, n)                                                                  \
    do {                                                                                       \
        if (rp_doc_event_count(doc) != (size_t)(n)) {                                          \
            fprintf(stderr, "expected %d events, got %zu:\n", (int)(n), rp_doc_event_count(doc)); \
            tu_dump(doc);                                                                      \
            fail();                                                                            \
        }                                                                                      \
    } while (0)

#endif
