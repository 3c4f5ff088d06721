/*
 * tokenize.c — cuts normalised text into tokens with byte offsets.
 *
 * Token kinds (close to Penn Treebank conventions, which is what existing
 * CAMEO dictionaries were written against):
 *   words     letters, digits, marks; internal apostrophes and hyphens join
 *             ("d'Ivoire", "tit-for-tat"); a hyphen next to a capitalised part
 *             splits ("US-led" -> US - led, "al-Assad" -> al - Assad) so names
 *             inside compounds stay visible; "'s" and "n't" are split off;
 *             initialisms keep their periods ("U.S.", "U.N.", "e.g.").
 *   numbers   digits with internal , or . ("1,000", "3.5"); "18-year-old" is one
 *             word token.
 *   punct     one character each, except "..." and "--".
 * Invariant: tokens are in text order, never overlap, never empty.
 */
#include "text.h"

#include <utf8proc.h>

bool rp_is_letter(int32_t cp) {
    if (cp < 0x80) return rp_is_alpha((unsigned char)cp);
    utf8proc_category_t c = utf8proc_category(cp);
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

static bool is_mark(int32_t cp) {
    if (cp < 0x300) return false;
    utf8proc_category_t c = utf8proc_category(cp);
    return c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC || c == UTF8PROC_CATEGORY_ME;
}

static bool is_upper_cp(int32_t cp) {
    if (cp < 0x80) return rp_is_upper((unsigned char)cp);
    return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
           utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

typedef struct cursor {
    const unsigned char *s; /* text */
    size_t len;             /* its length */
} cursor;

static int32_t cp_at(const cursor *c, size_t i, int *n) {
    if (i >= c->len) {
        *n = 0;
        return -1;
    }
    int32_t cp;
    *n = rp_utf8_decode(c->s + i, c->len - i, &cp);
    return cp;
}

static bool is_word_cp(int32_t cp) {
    return cp >= 0 && (rp_is_letter(cp) || (cp < 0x80 && rp_is_digit((unsigned char)cp)) ||
                       is_mark(cp));
}

/* Length of a run of word characters starting at i. */
static size_t word_run(const cursor *c, size_t i) {
    size_t j = i;
    /* ASCII fast path */
    while (j < c->len && (rp_is_alpha(c->s[j]) || rp_is_digit(c->s[j]))) j++;
    if (j < c->len && c->s[j] < 0x80) return j - i;
    for (;;) {
        int n;
        int32_t cp = cp_at(c, j, &n);
        if (!is_word_cp(cp)) break;
        j += (size_t)n;
    }
    return j - i;
}

static bool starts_upper(const cursor *c, size_t i) {
    int n;
    return is_upper_cp(cp_at(c, i, &n));
}

/* "U.S." "U.N." "e.g.": single letters each followed by a period, at least
 * two of them. Returns the length including the last period, or 0. */
static size_t initialism(const cursor *c, size_t i) {
    size_t j = i, letters = 0;
    for (;;) {
        int n;
        int32_t cp = cp_at(c, j, &n);
        if (cp < 0 || !rp_is_letter(cp)) break;
        int n2;
        if (cp_at(c, j + (size_t)n, &n2) != '.') break;
        j += (size_t)n + 1;
        letters++;
        int n3;
        if (is_word_cp(cp_at(c, j, &n3)) && word_run(c, j) > (size_t)n3) break;
    }
    if (letters < 2) return 0;
    /* "U.S.-led": the initialism ends before the hyphen */
    return j - i;
}

static bool push(rp_vec *out, size_t off, size_t len, unsigned flags, unsigned sub) {
    rp_tok *t = rp_vec_push(out);
    if (!t) return false;
    t->off = (uint32_t)off;
    t->len = (uint32_t)len;
    t->flags = (uint16_t)flags;
    t->sub = (uint16_t)sub;
    return true;
}

static unsigned case_flags(const cursor *c, size_t i, size_t len) {
    unsigned flags = 0;
    size_t letters = 0, upper = 0;
    bool ascii = true;
    for (size_t j = i; j < i + len; j++) {
        unsigned char ch = c->s[j];
        if (ch >= 0x80) {
            ascii = false;
            break;
        }
        if (rp_is_alpha(ch)) {
            letters++;
            if (rp_is_upper(ch)) upper++;
        }
    }
    if (ascii) {
        if (len && rp_is_upper(c->s[i])) flags |= RP_TOK_CAP;
        if (letters >= 2 && upper == letters) flags |= RP_TOK_ALLCAPS;
        return flags;
    }
    letters = upper = 0;
    for (size_t j = i; j < i + len;) {
        int n;
        int32_t cp = cp_at(c, j, &n);
        if (n == 0) break;
        if (rp_is_letter(cp)) {
            letters++;
            if (is_upper_cp(cp)) upper++;
        }
        j += (size_t)n;
    }
    if (starts_upper(c, i)) flags |= RP_TOK_CAP;
    if (letters >= 2 && upper == letters) flags |= RP_TOK_ALLCAPS;
    return flags;
}

/* Extent of a word starting at i: word runs joined by internal apostrophes
 * and hyphens. Stops before "'s", "n't" and hyphens that border a capital. */
static size_t word_extent(const cursor *c, size_t i, size_t *neg_split) {
    size_t j = i + word_run(c, i);
    *neg_split = 0;
    for (;;) {
        unsigned char ch = j < c->len ? c->s[j] : 0;
        if (ch != '\'' && ch != '-') break;
        size_t r = word_run(c, j + 1);
        if (r == 0) break;
        if (ch == '\'') {
            /* 's and 'S are split off; so is the final ' of "Russians'" */
            if (r == 1 && (c->s[j + 1] == 's' || c->s[j + 1] == 'S')) break;
            if (r == 1 && (c->s[j + 1] == 't' || c->s[j + 1] == 'T') && j > i &&
                (c->s[j - 1] == 'n' || c->s[j - 1] == 'N')) {
                *neg_split = j - 1; /* do|n't */
                return j + 2 - i;
            }
        } else if (starts_upper(c, j + 1) || starts_upper(c, i)) {
            break; /* US-led, al-Assad, Russia-Ukraine */
        }
        j += 1 + r;
    }
    return j - i;
}

static bool emit_word(const cursor *c, size_t i, size_t len, size_t neg_split, size_t base,
                      rp_vec *out) {
    if (!neg_split) {
        unsigned flags = RP_TOK_WORD | case_flags(c, i, len);
        bool digits = rp_is_digit(c->s[i]);
        if (digits) {
            bool all = true;
            for (size_t k = i; k < i + len; k++)
                if (!rp_is_digit(c->s[k])) all = false;
            if (all) flags = RP_TOK_NUMBER;
        }
        return push(out, base + i, len, flags, RP_SUB_NONE);
    }
    size_t head = neg_split - i;
    unsigned sub = RP_SUB_NONE;
    if (rp_ieq((const char *)c->s + i, head, "ca")) sub = RP_SUB_CAN;
    if (rp_ieq((const char *)c->s + i, head, "wo")) sub = RP_SUB_WILL;
    if (head && !push(out, base + i, head, RP_TOK_WORD | case_flags(c, i, head), sub))
        return false;
    return push(out, base + neg_split, len - head, RP_TOK_WORD, RP_SUB_NOT);
}

/* Numbers: 1,000 3.5 2016 — a separator joins only when a digit follows. */
static size_t number_extent(const cursor *c, size_t i) {
    size_t j = i;
    while (j < c->len) {
        if (rp_is_digit(c->s[j])) {
            j++;
        } else if ((c->s[j] == ',' || c->s[j] == '.') && j + 1 < c->len &&
                   rp_is_digit(c->s[j + 1]) && j > i) {
            j++;
        } else {
            break;
        }
    }
    return j - i;
}

bool rp_text_tokenize(const char *text, size_t len, size_t base, rp_vec *out) {
    cursor c = {(const unsigned char *)text, len};
    size_t i = 0;
    while (i < len) {
        unsigned char ch = c.s[i];
        if (rp_is_space(ch)) {
            i++;
            continue;
        }
        int n;
        int32_t cp = cp_at(&c, i, &n);
        if (rp_is_digit(ch)) {
            size_t nl = number_extent(&c, i);
            size_t wl = word_extent(&c, i, &(size_t){0});
            if (wl > nl && c.s[i + nl] != ',' && c.s[i + nl] != '.') {
                size_t ns;
                wl = word_extent(&c, i, &ns);
                if (!emit_word(&c, i, wl, ns, base, out)) return false;
                i += wl;
            } else {
                if (!push(out, base + i, nl, RP_TOK_NUMBER, RP_SUB_NONE)) return false;
                i += nl;
            }
            continue;
        }
        if (rp_is_letter(cp)) {
            size_t ini = initialism(&c, i);
            if (ini) {
                unsigned flags = RP_TOK_WORD | RP_TK_ABBR_DOT | case_flags(&c, i, ini);
                if (!push(out, base + i, ini, flags, RP_SUB_NONE)) return false;
                i += ini;
                continue;
            }
            size_t ns;
            size_t wl = word_extent(&c, i, &ns);
            if (!emit_word(&c, i, wl, ns, base, out)) return false;
            i += wl;
            continue;
        }
        if (ch == '\'' && i + 1 < len && (c.s[i + 1] == 's' || c.s[i + 1] == 'S') &&
            !is_word_cp(cp_at(&c, i + 2, &(int){0})) && i > 0 && !rp_is_space(c.s[i - 1])) {
            if (!push(out, base + i, 2, RP_TOK_WORD, RP_SUB_NONE)) return false;
            i += 2;
            continue;
        }
        if (ch == '.' && i + 2 < len && c.s[i + 1] == '.' && c.s[i + 2] == '.') {
            size_t j = i;
            while (j < len && c.s[j] == '.') j++;
            if (!push(out, base + i, j - i, RP_TOK_PUNCT, RP_SUB_NONE)) return false;
            i = j;
            continue;
        }
        if (ch == '-' && i + 1 < len && c.s[i + 1] == '-') {
            size_t j = i;
            while (j < len && c.s[j] == '-') j++;
            if (!push(out, base + i, j - i, RP_TOK_PUNCT, RP_SUB_NONE)) return false;
            i = j;
            continue;
        }
        /* any other character (punctuation, symbol, U+FFFD) is one token */
        if (n == 0) n = 1;
        if (!push(out, base + i, (size_t)n, RP_TOK_PUNCT, RP_SUB_NONE)) return false;
        i += (size_t)n;
    }
    return true;
}

size_t rp_text_fold(const char *s, size_t len, char *out, size_t cap) {
    if (cap == 0) return 0;
    bool ascii = true;
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)s[i] >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii) {
        if (len >= cap) return 0;
        for (size_t i = 0; i < len; i++) out[i] = (char)rp_to_lower((unsigned char)s[i]);
        out[len] = 0;
        return len;
    }
    utf8proc_int32_t buf[128];
    utf8proc_option_t opt = UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
                            UTF8PROC_STRIPMARK;
    utf8proc_ssize_t n = utf8proc_decompose((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len,
                                            buf, 128, opt);
    if (n < 0 || n > 128) return 0;
    n = utf8proc_reencode(buf, n, opt);
    if (n < 0) return 0;
    /* reencode wrote UTF-8 bytes over the start of buf */
    if ((size_t)n >= cap) return 0;
    memcpy(out, buf, (size_t)n);
    out[n] = 0;
    return (size_t)n;
}

size_t rp_text_token_key(const char *text, const rp_tok *t, char *out, size_t cap) {
    const char *lit = NULL;
    switch (t->sub) {
    case RP_SUB_NOT: lit = "not"; break;
    case RP_SUB_CAN: lit = "can"; break;
    case RP_SUB_WILL: lit = "will"; break;
    default: break;
    }
    if (lit) {
        size_t n = strlen(lit);
        if (n >= cap) return 0;
        memcpy(out, lit, n + 1);
        return n;
    }
    return rp_text_fold(text + t->off, t->len, out, cap);
}
