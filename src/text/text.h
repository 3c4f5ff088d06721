/*
 * text.h — the text stage: from raw bytes to clean UTF-8, sentences and
 * tokens.
 *
 *   rp_text_normalize   raw bytes -> valid UTF-8, NFC, one kind of quote, dash and
 *                       space, no control characters; reports what it replaced
 *   rp_text_tokenize    a span of normalised text -> tokens with byte offsets
 *   rp_text_split       tokens of one paragraph -> sentence boundaries
 *   rp_text_fold        a token -> its matching key (lower case, no diacritics)
 *   rp_stemmer          Snowball English stems with a per-thread cache
 *
 * Depends on core only (plus utf8proc and libstemmer). The dictionary
 * compiler uses the same tokenizer and folding, so dictionary phrases and
 * news text are cut into the same pieces.
 */
#ifndef RP_TEXT_H
#define RP_TEXT_H

#include "../core/core.h"

/* ---- normalisation ---- */

typedef struct rp_norm_report {
    size_t invalid;        /* invalid UTF-8 sequences replaced by U+FFFD */
    size_t first_invalid;  /* input byte offset of the first one */
    size_t nul;            /* NUL bytes dropped */
    size_t controls;       /* other control characters turned into spaces */
} rp_norm_report;

/* Appends the normalised form of in[0..len) to out. Returns false only on
 * out-of-memory. Line breaks are kept (CRLF and CR become LF). */
bool rp_text_normalize(const char *in, size_t len, rp_buf *out, rp_norm_report *rep);

/* ---- tokens ---- */

/* Internal token: offsets into the normalised text it was cut from. */
typedef struct rp_tok {
    uint32_t off;   /* byte offset */
    uint32_t len;   /* byte length */
    uint16_t flags; /* RP_TOK_* from riposte.h, plus the RP_TK_* below */
    uint16_t sub;   /* RP_SUB_*: the token stands for another word */
} rp_tok;

#define RP_TK_ABBR_DOT 0x100u /* word ending in a period ("U.S.") */

/* A token whose folded form differs from its letters. */
enum {
    RP_SUB_NONE = 0,
    RP_SUB_NOT,  /* "n't" -> not */
    RP_SUB_CAN,  /* "ca" in "can't" -> can */
    RP_SUB_WILL  /* "wo" in "won't" -> will */
};

/* Cuts text[0..len) into tokens, appending rp_tok to `out` (offsets are
 * relative to text + base). Returns false on out-of-memory. */
bool rp_text_tokenize(const char *text, size_t len, size_t base, rp_vec *out);

/* Sentence boundaries within toks[0..n) of one paragraph of `text`
 * (the text the offsets refer to). Appends to `ends` the index one past the
 * last token of each sentence (the last value is n). `max_tokens` > 0 forces
 * a break after that many tokens. */
bool rp_text_split(const char *text, const rp_tok *toks, size_t n, size_t max_tokens,
                   rp_vec *ends);

/* Writes the folded form of s[0..len) (case folded, diacritics stripped,
 * NFC) into out (NUL-terminated, at most cap-1 bytes). Returns its length,
 * or 0 if it did not fit or the input is not valid UTF-8. */
size_t rp_text_fold(const char *s, size_t len, char *out, size_t cap);

/* The folded key of a token: handles the RP_SUB_* cases. */
size_t rp_text_token_key(const char *text, const rp_tok *t, char *out, size_t cap);

/* True if the code point is a letter (Unicode categories L*). */
bool rp_is_letter(int32_t cp);

/* ---- stems ---- */

typedef struct rp_stemmer rp_stemmer;

rp_stemmer *rp_stemmer_new(const rp_allocator *alloc);
void rp_stemmer_free(rp_stemmer *st);
/* The stem of a folded word; the string is owned by the stemmer and stays
 * valid until rp_stemmer_trim. Returns NULL on out-of-memory. */
const char *rp_stemmer_stem(rp_stemmer *st, const char *word, size_t len);
/* Empties the cache when it has grown past its bound; call between
 * documents only (stems handed out before become invalid). */
void rp_stemmer_trim(rp_stemmer *st);

/* ---- dates ---- */

/* Finds a date in a short line such as "Thursday 31 August 2017 12:18 EDT"
 * or "Published: Aug. 31, 2017". With `whole_line`, the line must contain
 * nothing but the date and date-line words (weekday, time, zone, labels). */
bool rp_text_find_date(const char *s, size_t len, bool whole_line, rp_date *out);

/* Month number 1-12 for a month name or abbreviation ("aug", "August",
 * "Sept"), 0 otherwise. */
int rp_month_from_name(const char *s, size_t len);
/* Weekday 0 (Monday) - 6 for a weekday name or abbreviation, -1 otherwise. */
int rp_weekday_from_name(const char *s, size_t len);

#endif /* RP_TEXT_H */
