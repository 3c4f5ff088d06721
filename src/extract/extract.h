/*
 * extract.h — the extract stage: a document's text -> the article in it.
 *
 * For a pasted web page (RP_TEXT_PAGE) it recognises the headline,
 * standfirst, byline, dateline, date line, photo captions and boilerplate
 * (notification and cookie prompts, donation and subscription appeals,
 * comment, registration, login, share and newsletter lines, agency credits)
 * and keeps the headline and the body paragraphs. For clean article text
 * (RP_TEXT_CLEAN, e.g. a JSONL `text`) it only drops unmistakable
 * boilerplate lines and captions. The boilerplate cues are phrase-level
 * (boilerplate.c) so that the HTML extractor can share them.
 *
 * Input is normalised text (text stage); output spans point into it.
 * Depends on text and core.
 */
#ifndef RP_EXTRACT_H
#define RP_EXTRACT_H

#include "../text/text.h"

typedef struct rp_span {
    size_t off, len; /* bytes in the normalised text */
} rp_span;

typedef struct rp_page {
    rp_span title, standfirst, byline, dateline, date_line; /* len 0 when absent */
    rp_date date;          /* parsed date line (precision NONE if none) */
    rp_span *paras;        /* body paragraphs, in order (arena) */
    size_t nparas;
    size_t captions;       /* caption lines dropped */
    size_t boilerplate;    /* boilerplate lines dropped */
    rp_span dateline_prefix; /* "WASHINGTON (Reuters) - " removed from the first paragraph */
} rp_page;

/* Extracts the article from normalised text. Returns false on out-of-memory. */
bool rp_extract_page(const char *text, size_t len, rp_text_kind kind, rp_arena *ar, rp_page *out);

/* ---- boilerplate cues (boilerplate.c), shared with other extractors ---- */

typedef enum rp_bp_kind {
    RP_BP_NONE = 0,
    RP_BP_UI,       /* unmistakable interface phrase: "Sign up to our newsletter" */
    RP_BP_SHORT_UI, /* a bare interface word on a short line: "Comments", "Share" */
    RP_BP_APPEAL,   /* the publisher addressing the reader: "Your support ..." */
    RP_BP_CREDIT    /* "Agencies contributed to this report", "Reporting by ..." */
} rp_bp_kind;

/* Classifies one line or paragraph of text. */
rp_bp_kind rp_boilerplate_line(const char *s, size_t len);

/* Does the line speak as the publisher ("we", "our", "us" outside quotes)? */
bool rp_line_first_plural(const char *s, size_t len);

/* Is the line a photo caption (credit in brackets, "Photo:" ...)? */
bool rp_caption_line(const char *s, size_t len);

#endif /* RP_EXTRACT_H */
