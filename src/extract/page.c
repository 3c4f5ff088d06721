/*
 * page.c — reading a pasted web page as an article.
 *
 * The text is cut into units (a line, or lines joined when the text is hard
 * wrapped). Each unit gets a kind:
 *
 *   boilerplate   phrase cues (boilerplate.c); also publisher-voice units ("we",
 *                 "our" outside quotes) next to boilerplate: donation appeals
 *                 come in blocks
 *   caption       credit in brackets, or a line repeated at the start of the next
 *   date line     nothing but a date and date words
 *   body-like     ends like a sentence and has at least BODY_WORDS words
 *
 * Units before the first body-like unit form the header: the first
 * headline-like unit is the headline, an unpunctuated unit right after it the
 * standfirst, a short run of capitalised names the byline ("By ..." too), a
 * capitalised unit of up to four words near the byline or date the dateline;
 * what else is there is furniture (captions, labels). From the first body-like
 * unit on, units that are not boilerplate or captions are body paragraphs,
 * except unpunctuated scraps after the last sentence (comment prompts, tags).
 */
#include "extract.h"

enum { BODY_WORDS = 8, MAX_HEADLINE_WORDS = 35 };

enum ukind { U_OTHER, U_BOILER, U_CAPTION, U_DATE, U_TITLE, U_STAND, U_BYLINE, U_DATELINE, U_BODY, U_DROP };

typedef struct unit {
    size_t off, len;  /* in the text */
    size_t words;     /* word count */
    bool blank_before;/* a blank line precedes it */
    bool sentence;    /* ends with . ! ? (before closing quotes) */
    enum ukind kind;
    rp_date date;     /* for U_DATE */
} unit;

static size_t count_words(const char *s, size_t len) {
    size_t n = 0;
    bool in = false;
    for (size_t i = 0; i < len; i++) {
        bool w = rp_is_alpha((unsigned char)s[i]) || rp_is_digit((unsigned char)s[i]) ||
                 (unsigned char)s[i] >= 0x80;
        if (w && !in) n++;
        in = w;
    }
    return n;
}

static bool ends_sentence(const char *s, size_t len) {
    while (len && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')')) len--;
    return len && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?');
}

static bool starts_lower(const char *s, size_t len) { return len && rp_is_lower((unsigned char)s[0]); }

static bool ends_open(const char *s, size_t len) {
    static const char *const tails[] = {"and", "or", "of", "the", "to", "a", "an", "in", "on",
                                        "for", "with", "by", "at", "from", "that", NULL};
    if (!len) return false;
    char last = s[len - 1];
    if (last == ',' || last == '-') return true;
    size_t i = len;
    while (i > 0 && rp_is_alpha((unsigned char)s[i - 1])) i--;
    for (size_t k = 0; tails[k]; k++)
        if (rp_ieq(s + i, len - i, tails[k])) return true;
    return false;
}

/* Lines -> units; consecutive lines of one block join when the first stops
 * mid-sentence (hard-wrapped text). */
static bool cut_units(const char *text, size_t len, rp_arena *ar, unit **out, size_t *n) {
    size_t cap = 16, count = 0;
    for (size_t i = 0; i < len; i++)
        if (text[i] == '\n') cap++;
    unit *u = rp_arena_alloc(ar, sizeof(unit) * cap);
    if (!u) return false;
    bool blank = true;
    for (size_t pos = 0; pos < len;) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len;
        size_t s = pos, e = end;
        while (s < e && rp_is_space((unsigned char)text[s])) s++;
        while (e > s && rp_is_space((unsigned char)text[e - 1])) e--;
        pos = end + 1;
        if (s == e) {
            blank = true;
            continue;
        }
        unit *prev = count ? &u[count - 1] : NULL;
        if (prev && !blank && !prev->sentence &&
            (starts_lower(text + s, e - s) || ends_open(text + prev->off, prev->len))) {
            prev->len = e - prev->off;
            prev->sentence = ends_sentence(text + prev->off, prev->len);
            continue;
        }
        unit *cur = &u[count++];
        memset(cur, 0, sizeof *cur);
        cur->off = s;
        cur->len = e - s;
        cur->blank_before = blank;
        cur->sentence = ends_sentence(text + s, e - s);
        blank = false;
    }
    for (size_t i = 0; i < count; i++) u[i].words = count_words(text + u[i].off, u[i].len);
    *out = u;
    *n = count;
    return true;
}

static bool is_prefix_of_next(const char *text, const unit *u, const unit *next) {
    return next && u->len >= 12 && next->len > u->len &&
           memcmp(text + u->off, text + next->off, u->len) == 0;
}

static bool has_digit(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (rp_is_digit((unsigned char)s[i])) return true;
    return false;
}

static void classify(const char *text, unit *u, size_t n) {
    for (size_t i = 0; i < n; i++) {
        const char *s = text + u[i].off;
        size_t l = u[i].len;
        if (rp_caption_line(s, l) || is_prefix_of_next(text, &u[i], i + 1 < n ? &u[i + 1] : NULL))
            u[i].kind = U_CAPTION;
        else if (rp_boilerplate_line(s, l) != RP_BP_NONE) u[i].kind = U_BOILER;
        else if (u[i].words <= 12 && has_digit(s, l) && rp_text_find_date(s, l, true, &u[i].date))
            u[i].kind = U_DATE;
    }
    /* appeals come in blocks: publisher-voice units next to boilerplate */
    for (bool changed = true; changed;) {
        changed = false;
        for (size_t i = 0; i < n; i++) {
            if (u[i].kind != U_OTHER) continue;
            bool near = (i > 0 && u[i - 1].kind == U_BOILER) || (i + 1 < n && u[i + 1].kind == U_BOILER);
            if (near && rp_line_first_plural(text + u[i].off, u[i].len)) {
                u[i].kind = U_BOILER;
                changed = true;
            }
        }
    }
}

static bool name_word(const char *w, size_t n) {
    static const char *const particles[] = {"de", "da", "van", "von", "der", "al", "bin", "ibn",
                                            "la", "le", "du", "del", "and", "di", NULL};
    if (!n) return false;
    if (rp_is_upper((unsigned char)w[0]) || (unsigned char)w[0] >= 0x80) {
        for (size_t i = 0; i < n; i++)
            if (rp_is_digit((unsigned char)w[i])) return false;
        return true;
    }
    for (size_t k = 0; particles[k]; k++)
        if (rp_ieq(w, n, particles[k])) return true;
    return false;
}

/* "Jeremy B. White", "By Jane Doe and John Roe" */
static bool looks_byline(const char *s, size_t len, size_t words) {
    if (len > 3 && rp_ieq(s, 3, "by ")) return words <= 12;
    if (words < 2 || words > 6 || ends_sentence(s, len) || len > 60) return false;
    for (size_t i = 0; i < len;) {
        while (i < len && (s[i] == ' ' || s[i] == ',')) i++;
        size_t j = i;
        while (j < len && s[j] != ' ' && s[j] != ',') j++;
        if (j > i && !name_word(s + i, j - i)) return false;
        i = j;
    }
    return true;
}

static bool capitalised_short(const char *s, size_t len, size_t words) {
    if (words == 0 || words > 4 || ends_sentence(s, len)) return false;
    return looks_byline(s, len, words < 2 ? 2 : words) || (words == 1 && rp_is_upper((unsigned char)s[0]));
}

static bool headline_like(const unit *u, const char *text) {
    if (u->words < 2 || u->words > MAX_HEADLINE_WORDS) return false;
    const char *s = text + u->off;
    size_t l = u->len;
    /* a headline may end in ? or ! but not in a full stop */
    while (l && (s[l - 1] == '"' || s[l - 1] == '\'')) l--;
    return !(l && s[l - 1] == '.');
}

static size_t first_body(const unit *u, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (u[i].kind == U_OTHER && u[i].sentence && u[i].words >= BODY_WORDS) return i;
    /* a short text ("Germany expelled four diplomats."): its first sentence */
    for (size_t i = 0; i < n; i++)
        if (u[i].kind == U_OTHER && u[i].sentence && u[i].words >= 2) return i;
    return n;
}

static void read_header(const char *text, unit *u, size_t body) {
    bool title = false, stand = false, byline = false, date = false, dateline = false;
    for (size_t i = 0; i < body; i++) {
        unit *x = &u[i];
        const char *s = text + x->off;
        if (x->kind == U_DATE) {
            if (date) x->kind = U_DROP;
            date = true;
            continue;
        }
        if (x->kind != U_OTHER) continue;
        if (!title) {
            if (headline_like(x, text)) {
                x->kind = U_TITLE;
                title = true;
            } else {
                x->kind = U_DROP;
            }
            continue;
        }
        if (!stand && !byline && !date && i > 0 && u[i - 1].kind == U_TITLE &&
            !looks_byline(s, x->len, x->words) && x->words >= 3 && !x->sentence) {
            x->kind = U_STAND;
            stand = true;
        } else if (!byline && !date && looks_byline(s, x->len, x->words)) {
            x->kind = U_BYLINE;
            byline = true;
        } else if (!dateline && capitalised_short(s, x->len, x->words) &&
                   (byline || (i + 1 < body && u[i + 1].kind == U_DATE))) {
            x->kind = U_DATELINE;
            dateline = true;
        } else {
            x->kind = U_CAPTION; /* furniture: photo captions, labels */
        }
    }
}

static void read_body(unit *u, size_t n, size_t body) {
    size_t last = body;
    for (size_t i = body; i < n; i++)
        if (u[i].kind == U_OTHER && u[i].sentence) last = i;
    for (size_t i = body; i < n; i++) {
        if (u[i].kind == U_DATE) u[i].kind = U_DROP;
        if (u[i].kind != U_OTHER) continue;
        u[i].kind = (i > last && !u[i].sentence) ? U_DROP : U_BODY;
    }
}

/* "WASHINGTON (Reuters) - ", "MOSCOW, March 15 (AP) - " at the start of the lead. */
static size_t dateline_prefix(const char *s, size_t len) {
    size_t i = 0, caps = 0;
    while (i < len && (rp_is_upper((unsigned char)s[i]) || s[i] == ' ' || s[i] == '.' ||
                       s[i] == '\'' || (s[i] == ',' && caps))) {
        if (rp_is_upper((unsigned char)s[i])) caps++;
        i++;
    }
    if (caps < 3) return 0;
    /* optional ", Month Day" and "(Agency)" */
    size_t j = i;
    while (j < len && j < i + 40 && s[j] != '-' && s[j] != '\n') j++;
    if (j + 1 >= len || s[j] != '-' || (j + 1 < len && s[j + 1] != ' ')) return 0;
    if (j > i && memchr(s + i, '.', j - i)) return 0; /* a sentence, not a dateline */
    return j + 2 <= len ? j + 2 : len;
}

static rp_span span_of(const unit *u) { return (rp_span){u->off, u->len}; }

bool rp_extract_page(const char *text, size_t len, rp_text_kind kind, rp_arena *ar, rp_page *out) {
    memset(out, 0, sizeof *out);
    unit *u;
    size_t n;
    if (!cut_units(text, len, ar, &u, &n)) return false;
    classify(text, u, n);
    if (kind == RP_TEXT_PAGE) {
        size_t body = first_body(u, n);
        read_header(text, u, body);
        read_body(u, n, body);
    } else {
        for (size_t i = 0; i < n; i++) {
            if (u[i].kind == U_OTHER) u[i].kind = U_BODY;
            else if (u[i].kind == U_DATE) u[i].kind = U_DROP;
        }
    }
    out->paras = rp_arena_alloc(ar, sizeof(rp_span) * (n ? n : 1));
    if (!out->paras) return false;
    for (size_t i = 0; i < n; i++) {
        switch (u[i].kind) {
        case U_TITLE: out->title = span_of(&u[i]); break;
        case U_STAND: out->standfirst = span_of(&u[i]); break;
        case U_BYLINE: out->byline = span_of(&u[i]); break;
        case U_DATELINE: out->dateline = span_of(&u[i]); break;
        case U_DATE:
            out->date_line = span_of(&u[i]);
            out->date = u[i].date;
            break;
        case U_BOILER: out->boilerplate++; break;
        case U_CAPTION: out->captions++; break;
        case U_BODY: out->paras[out->nparas++] = span_of(&u[i]); break;
        default: break;
        }
    }
    if (out->nparas) {
        rp_span *p = &out->paras[0];
        size_t k = dateline_prefix(text + p->off, p->len);
        if (k && k < p->len) {
            out->dateline_prefix = (rp_span){p->off, k};
            if (!out->dateline.len) out->dateline = (rp_span){p->off, k > 3 ? k - 3 : k};
            p->off += k;
            p->len -= k;
        }
    }
    return true;
}
