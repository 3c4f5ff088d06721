/*
 * split.c — sentence boundaries inside one paragraph, decided on tokens.
 *
 * A sentence ends at ".", "!", "?" or "..." (plus any closing quotes and
 * brackets that follow) when the next token can start a sentence: a capital,
 * a digit or an opening quote. It does not end after
 *   - a title or other abbreviation ("Mr.", "Dr.", "Gen.", "St.", "Inc."),
 *   - a month abbreviation followed by a number ("Jan. 5"),
 *   - a single capital initial ("Jeremy B. White"),
 *   - an initialism ("U.S.", "U.N.") unless the next word is one that starts
 *     sentences ("The", "He", "But" ...), since "U.S. officials" is common.
 * Quotes are tracked so that '"No," he said.' stays whole and a closing
 * quote after the period stays with its sentence.
 */
#include "text.h"

static const char *const abbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "cpl", "maj", "adm",
    "gov", "sen", "rep", "st", "mt", "ft", "jr", "sr", "vs", "etc", "inc",
    "ltd", "co", "corp", "rev", "hon", "pres", "cmdr", "supt", "insp", "brig", "messrs", "mme",
    "mlle", "approx", "dept", "univ", "assn", "bros", "est", "al", "cf", "ave", "blvd", "rd",
    "sq", "govt", "atty", "gens", "reps", "sens", "lts", "cdr", NULL};

/* abbreviations only before a number: "No. 10", "Vol. 3", "pp. 4" */
static const char *const numbered[] = {"no", "nos", "vol", "op", "fig", "pp", "art", NULL};

static const char *const months[] = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
                                     "sept", "oct", "nov", "dec", NULL};

static const char *const starters[] = {
    "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "but", "and", "in", "on",
    "at", "this", "that", "these", "those", "there", "his", "her", "its", "their", "our", "mr",
    "mrs", "ms", "after", "before", "when", "while", "however", "meanwhile", "officials",
    "last", "earlier", "as", "if", "some", "many", "both", NULL};

static bool in_list(const char *s, size_t n, const char *const *list) {
    for (size_t i = 0; list[i]; i++)
        if (rp_ieq(s, n, list[i])) return true;
    return false;
}

static bool is_char(const char *text, const rp_tok *t, char c) {
    return t->len == 1 && text[t->off] == c;
}

static bool is_terminal(const char *text, const rp_tok *t) {
    if (!(t->flags & RP_TOK_PUNCT)) return (t->flags & RP_TK_ABBR_DOT) != 0;
    char c = text[t->off];
    if (t->len >= 3 && c == '.') return true; /* ellipsis */
    return t->len == 1 && (c == '.' || c == '!' || c == '?');
}

static bool is_closer(const char *text, const rp_tok *t, bool quote_open) {
    if (is_char(text, t, ')') || is_char(text, t, ']')) return true;
    if (is_char(text, t, '"')) return quote_open;
    if (is_char(text, t, '\'')) return true;
    return false;
}

static bool can_start(const char *text, const rp_tok *t) {
    if (t->flags & (RP_TOK_CAP | RP_TOK_NUMBER)) return true;
    if (is_char(text, t, '"') || is_char(text, t, '\'') || is_char(text, t, '(')) return true;
    unsigned char c = (unsigned char)text[t->off];
    return c >= 0x80 && (t->flags & RP_TOK_WORD) && !(rp_is_lower(c));
}

/* Does the period token at i end the sentence, judging by what precedes it? */
static bool period_ends(const char *text, const rp_tok *toks, size_t i, size_t n) {
    const rp_tok *t = &toks[i];
    if (t->flags & RP_TK_ABBR_DOT) {
        /* "U.S." — ends only before a typical sentence starter */
        if (i + 1 >= n) return true;
        const rp_tok *nx = &toks[i + 1];
        return (nx->flags & RP_TOK_CAP) && in_list(text + nx->off, nx->len, starters);
    }
    if (!is_char(text, t, '.') || i == 0) return true;
    const rp_tok *p = &toks[i - 1];
    if (p->off + p->len != t->off) return true; /* "word ." with a space */
    if (!(p->flags & RP_TOK_WORD)) return true;
    const char *w = text + p->off;
    if (in_list(w, p->len, abbreviations)) return false;
    bool number_follows = i + 1 < n && (toks[i + 1].flags & RP_TOK_NUMBER);
    if (number_follows && (in_list(w, p->len, months) || in_list(w, p->len, numbered))) return false;
    /* a single capital initial: "Jeremy B. White" */
    if (p->len == 1 && rp_is_upper((unsigned char)w[0])) return false;
    return true;
}

bool rp_text_split(const char *text, const rp_tok *toks, size_t n, size_t max_tokens,
                   rp_vec *ends) {
    bool quote_open = false;
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        const rp_tok *t = &toks[i];
        if (is_char(text, t, '"')) quote_open = !quote_open;
        bool cut = false;
        size_t end = i + 1;
        bool q = quote_open;
        if (is_terminal(text, t) && period_ends(text, toks, i, n)) {
            while (end < n && is_closer(text, &toks[end], q)) {
                if (is_char(text, &toks[end], '"')) q = !q;
                end++;
            }
            cut = end >= n || can_start(text, &toks[end]);
        }
        if (!cut && max_tokens && end - start >= max_tokens) cut = true;
        if (cut) {
            if (end > i + 1) quote_open = q;
            size_t *e = rp_vec_push(ends);
            if (!e) return false;
            *e = end;
            start = end;
            i = end - 1;
        }
    }
    if (start < n) {
        size_t *e = rp_vec_push(ends);
        if (!e) return false;
        *e = n;
    }
    return true;
}
