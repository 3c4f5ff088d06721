/*
 * parse.c — reads dictionary source files (data/FORMAT.md) into the
 * compiler's intermediate form.
 *
 * A file is read line by line. Each line is stripped of its comment and
 * trimmed, then read according to the current section (@actors, @agents,
 * @verbs, @forms, @codes). Every problem is reported as file:line and the
 * line is skipped; the build refuses to write a dictionary after any error.
 * Phrases go through the same normaliser and tokenizer as news text.
 */
#include "compile.h"

#include "../text/text.h"

#include <stdio.h>
#include <stdlib.h>

enum section { SEC_NONE, SEC_ACTORS, SEC_AGENTS, SEC_VERBS, SEC_FORMS, SEC_CODES };

typedef struct seen_phrase {
    uint32_t key, key_len; /* folded phrase in the pool */
    uint32_t section;      /* enum section */
    uint32_t file, line;
} seen_phrase;

typedef struct line_ctx {
    rpc *c;
    uint32_t file;
    size_t line;
} line_ctx;

/* ---------------------------------------------------------------- helpers */

static size_t strip_comment(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++)
        if (s[i] == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t')) return i;
    return len;
}

static void trim(const char **s, size_t *len) {
    while (*len && rp_is_space((unsigned char)**s)) (*s)++, (*len)--;
    while (*len && rp_is_space((unsigned char)(*s)[*len - 1])) (*len)--;
}

/* Splits at the first '=' that has whitespace (or the line edge) on both
 * sides. Returns false if there is none. */
static bool split_eq(const char *s, size_t len, const char **l, size_t *ll, const char **r,
                     size_t *rl) {
    for (size_t i = 0; i < len; i++) {
        if (s[i] != '=') continue;
        bool before = i == 0 || rp_is_space((unsigned char)s[i - 1]);
        bool after = i + 1 == len || rp_is_space((unsigned char)s[i + 1]);
        if (!before || !after) continue;
        *l = s, *ll = i;
        *r = s + i + 1, *rl = len - i - 1;
        trim(l, ll);
        trim(r, rl);
        return true;
    }
    return false;
}

/* Next item of a list separated by `sep` (a '|' or whitespace when sep==0). */
static bool next_item(const char **s, size_t *len, char sep, const char **item, size_t *ilen) {
    while (*len && (rp_is_space((unsigned char)**s) || (sep && **s == sep))) (*s)++, (*len)--;
    if (!*len) return false;
    size_t i = 0;
    if (sep) {
        while (i < *len && (*s)[i] != sep) i++;
    } else {
        while (i < *len && !rp_is_space((unsigned char)(*s)[i])) i++;
    }
    *item = *s, *ilen = i;
    *s += i, *len -= i;
    trim(item, ilen);
    return true;
}

static void *push(rpc *c, rp_vec *v) {
    void *p = rp_vec_push(v);
    if (!p) c->oom = true;
    return p;
}

static bool push_u32(rpc *c, rp_vec *v, uint32_t x) {
    uint32_t *p = push(c, v);
    if (p) *p = x;
    return p != NULL;
}

/* Tokenizes a phrase and appends its word ids (interned) and case
 * constraints. Returns the number of tokens, 0 on error (reported). */
static size_t phrase_words(line_ctx *lc, const char *s, size_t len, rp_vec *ids, rp_vec *caseb,
                           rp_buf *key) {
    rpc *c = lc->c;
    rp_buf norm;
    rp_vec toks;
    rp_buf_init(&norm, c->alloc);
    rp_vec_init(&toks, sizeof(rp_tok), c->alloc);
    size_t n = 0;
    if (!rp_text_normalize(s, len, &norm, NULL) ||
        !rp_text_tokenize(norm.data ? norm.data : "", norm.len, 0, &toks)) {
        c->oom = true;
        goto done;
    }
    if (toks.len == 0) {
        rpc_diag(c, lc->file, lc->line, "empty phrase");
        goto done;
    }
    for (size_t i = 0; i < toks.len; i++) {
        const rp_tok *t = RP_VEC_AT(&toks, rp_tok, i);
        char folded[256];
        size_t fl = rp_text_token_key(norm.data, t, folded, sizeof folded);
        if (!fl) {
            rpc_diag(c, lc->file, lc->line, "word too long or not valid UTF-8: '%.*s'",
                     (int)t->len, norm.data + t->off);
            goto done;
        }
        uint32_t id = rpc_intern(c, folded, fl);
        if (!id || !push_u32(c, ids, id)) goto done;
        if (caseb) {
            uint8_t *cb = push(c, caseb);
            if (!cb) goto done;
            *cb = (t->flags & RP_TOK_ALLCAPS) ? 2 : (t->flags & RP_TOK_CAP) ? 1 : 0;
        }
        if (key) {
            if (key->len) rp_buf_putc(key, ' ');
            rp_buf_append(key, folded, fl);
        }
    }
    n = toks.len;
done:
    rp_buf_fini(&norm);
    rp_vec_fini(&toks);
    return n;
}

static void remember(line_ctx *lc, enum section sec, rp_buf *key) {
    seen_phrase *s = push(lc->c, &lc->c->seen);
    if (!s) return;
    s->key = rpc_str(lc->c, key->data ? key->data : "", key->len);
    s->key_len = (uint32_t)key->len;
    s->section = sec;
    s->file = lc->file;
    s->line = (uint32_t)lc->line;
}

static bool valid_actor_code(const char *s, size_t n, size_t max) {
    if (n < 3 || n > max || n % 3) return false;
    for (size_t i = 0; i < n; i++)
        if (!rp_is_upper((unsigned char)s[i])) return false;
    return true;
}

/* "2017-01-20", "2017-01", "2017" -> days since epoch. */
static bool parse_bound(const char *s, size_t n, int32_t *days) {
    rp_date d;
    if (n == 0 || rp_date_parse(s, n, &d) != RP_OK) return false;
    /* only the ISO forms are accepted in dictionaries */
    if (!rp_is_digit((unsigned char)s[0])) return false;
    *days = rp_days_from_civil(d.year, d.month ? d.month : 1, d.day ? d.day : 1);
    return true;
}

static bool parse_range(line_ctx *lc, const char *s, size_t n, rpd_acode *code) {
    const char *dots = NULL;
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '.' && s[i + 1] == '.') {
            dots = s + i;
            break;
        }
    if (!dots) {
        rpc_diag(lc->c, lc->file, lc->line, "date restriction '@%.*s' lacks '..'", (int)n, s);
        return false;
    }
    size_t fl = (size_t)(dots - s), tl = n - fl - 2;
    code->from = INT32_MIN;
    code->to = INT32_MAX;
    if (fl && !parse_bound(s, fl, &code->from)) {
        rpc_diag(lc->c, lc->file, lc->line, "bad start date '%.*s'", (int)fl, s);
        return false;
    }
    if (tl && !parse_bound(dots + 2, tl, &code->to)) {
        rpc_diag(lc->c, lc->file, lc->line, "bad end date '%.*s'", (int)tl, dots + 2);
        return false;
    }
    if (code->from >= code->to) {
        rpc_diag(lc->c, lc->file, lc->line, "date range '%.*s' is empty (start must precede end)",
                 (int)n, s);
        return false;
    }
    code->dated = 1;
    return true;
}

/* ---------------------------------------------------------------- @actors */

static bool actor_flag(line_ctx *lc, const char *f, size_t n, uint32_t *flags) {
    if (rp_ieq(f, n, ":adj")) *flags |= RPD_A_ADJ;
    else if (rp_ieq(f, n, ":capital")) *flags |= RPD_A_CAPITAL;
    else if (rp_ieq(f, n, ":person")) *flags |= RPD_A_PERSON;
    else {
        rpc_diag(lc->c, lc->file, lc->line, "unknown actor flag '%.*s'", (int)n, f);
        return false;
    }
    return true;
}

static bool actor_codes(line_ctx *lc, const char *r, size_t rl, rpc_actor *a) {
    rpc *c = lc->c;
    const char *item;
    size_t il;
    bool any = false, ok = true;
    a->code_first = (uint32_t)c->acodes.len;
    while (next_item(&r, &rl, 0, &item, &il)) {
        if (item[0] == ':') {
            ok &= actor_flag(lc, item, il, &a->flags);
            continue;
        }
        if (il == 3 && memcmp(item, "---", 3) == 0) {
            a->flags |= RPD_A_NULL;
            any = true;
            continue;
        }
        const char *at = memchr(item, '@', il);
        size_t cl = at ? (size_t)(at - item) : il;
        if (!valid_actor_code(item, cl, 18)) {
            rpc_diag(c, lc->file, lc->line,
                     "'%.*s' is not an actor code (3 to 18 capital letters, a multiple of 3)",
                     (int)cl, item);
            ok = false;
            continue;
        }
        rpd_acode code = {rpc_str(c, item, cl), (uint32_t)cl, INT32_MIN, INT32_MAX, 0};
        if (at && !parse_range(lc, at + 1, il - cl - 1, &code)) {
            ok = false;
            continue;
        }
        rpd_acode *slot = push(c, &c->acodes);
        if (slot) *slot = code;
        any = true;
    }
    a->code_n = (uint32_t)c->acodes.len - a->code_first;
    if (!any && ok) rpc_diag(c, lc->file, lc->line, "actor entry has no code");
    if ((a->flags & RPD_A_NULL) && a->code_n) {
        rpc_diag(c, lc->file, lc->line, "'---' cannot be combined with codes");
        ok = false;
    }
    return any && ok;
}

static void parse_actor(line_ctx *lc, const char *l, size_t ll, const char *r, size_t rl) {
    rpc *c = lc->c;
    rpc_actor proto = {0};
    proto.file = lc->file;
    proto.line = (uint32_t)lc->line;
    if (!actor_codes(lc, r, rl, &proto)) return;
    const char *item;
    size_t il;
    rp_buf key;
    rp_buf_init(&key, c->alloc);
    while (next_item(&l, &ll, '|', &item, &il)) {
        rpc_actor a = proto;
        a.words_first = (uint32_t)c->phrase_words.len;
        a.case_first = (uint32_t)c->caseb.len;
        rp_buf_clear(&key);
        a.nwords = (uint32_t)phrase_words(lc, item, il, &c->phrase_words, &c->caseb, &key);
        if (!a.nwords) continue;
        rpc_actor *slot = push(c, &c->actors);
        if (slot) *slot = a;
        remember(lc, SEC_ACTORS, &key);
    }
    rp_buf_fini(&key);
}

/* ---------------------------------------------------------------- @agents */

static void parse_agent(line_ctx *lc, const char *l, size_t ll, const char *r, size_t rl) {
    rpc *c = lc->c;
    rpc_agent proto = {0};
    proto.file = lc->file;
    proto.line = (uint32_t)lc->line;
    const char *item;
    size_t il;
    bool have_role = false;
    while (next_item(&r, &rl, 0, &item, &il)) {
        if (rp_ieq(item, il, ":person")) {
            proto.flags |= RPD_G_PERSON;
        } else if (il == 3 && memcmp(item, "---", 3) == 0) {
            proto.flags |= RPD_G_NULL;
            have_role = true;
        } else if (valid_actor_code(item, il, 9) && !have_role) {
            proto.role = rpc_str(c, item, il);
            proto.role_len = (uint32_t)il;
            have_role = true;
        } else {
            rpc_diag(c, lc->file, lc->line, "'%.*s' is not a role code or agent flag", (int)il,
                     item);
            return;
        }
    }
    if (!have_role) {
        rpc_diag(c, lc->file, lc->line, "agent entry has no role code");
        return;
    }
    rp_buf key;
    rp_buf_init(&key, c->alloc);
    while (next_item(&l, &ll, '|', &item, &il)) {
        rpc_agent a = proto;
        a.words_first = (uint32_t)c->phrase_words.len;
        rp_buf_clear(&key);
        a.nwords = (uint32_t)phrase_words(lc, item, il, &c->phrase_words, NULL, &key);
        if (!a.nwords) continue;
        for (uint32_t i = 0; i < a.nwords; i++) {
            uint32_t id = *RP_VEC_AT(&c->phrase_words, uint32_t, a.words_first + i);
            RP_VEC_AT(&c->words, rpc_word, id)->use |= RPC_NOUN_LEMMA;
        }
        rpc_agent *slot = push(c, &c->agents);
        if (slot) *slot = a;
        remember(lc, SEC_AGENTS, &key);
    }
    rp_buf_fini(&key);
}

/* ---------------------------------------------------------------- @verbs */

static bool valid_synset_name(const char *s, size_t n) {
    if (n < 2 || s[0] != '&') return false;
    for (size_t i = 1; i < n; i++)
        if (!rp_is_upper((unsigned char)s[i]) && !rp_is_digit((unsigned char)s[i]) && s[i] != '_')
            return false;
    return true;
}

/* Index of the synset called name (without '&'), created on first mention. */
static uint32_t synset_index(rpc *c, const char *name, size_t n, uint32_t file, size_t line) {
    for (size_t i = 0; i < c->synsets.len; i++) {
        rpc_synset *s = RP_VEC_AT(&c->synsets, rpc_synset, i);
        if (s->name_len == n && memcmp(c->pool.data + s->name, name, n) == 0) return (uint32_t)i;
    }
    rpc_synset *s = push(c, &c->synsets);
    if (!s) return UINT32_MAX;
    s->name = rpc_str(c, name, n);
    s->name_len = (uint32_t)n;
    s->file = file;
    s->line = (uint32_t)line;
    return (uint32_t)(c->synsets.len - 1);
}

static void parse_synset(line_ctx *lc, const char *l, size_t ll, const char *r, size_t rl) {
    rpc *c = lc->c;
    if (!valid_synset_name(l, ll)) {
        rpc_diag(c, lc->file, lc->line, "bad synset name '%.*s' (& then capitals, digits, _)",
                 (int)ll, l);
        return;
    }
    uint32_t si = synset_index(c, l + 1, ll - 1, lc->file, lc->line);
    if (si == UINT32_MAX) return;
    rpc_synset *s = RP_VEC_AT(&c->synsets, rpc_synset, si);
    if (s->defined) {
        size_t fl;
        const char *fn = c->pool.data + RP_VEC_AT(&c->files, rpd_file, s->file)->str;
        fl = RP_VEC_AT(&c->files, rpd_file, s->file)->len;
        rpc_diag(c, lc->file, lc->line, "synset &%.*s is already defined at %.*s:%u",
                 (int)s->name_len, c->pool.data + s->name, (int)fl, fn, s->line);
        return;
    }
    s->defined = true;
    s->file = lc->file;
    s->line = (uint32_t)lc->line;
    s->member_first = (uint32_t)c->smembers.len;
    const char *item;
    size_t il;
    while (next_item(&r, &rl, '|', &item, &il)) {
        if (item[0] == '&') {
            rpc_diag(c, lc->file, lc->line, "synset member '%.*s' names a synset", (int)il, item);
            continue;
        }
        rpd_smember m = {(uint32_t)c->swords.len, 0};
        m.word_n = (uint32_t)phrase_words(lc, item, il, &c->swords, NULL, NULL);
        if (!m.word_n) continue;
        for (uint32_t i = 0; i < m.word_n; i++) {
            uint32_t id = *RP_VEC_AT(&c->swords, uint32_t, m.word_first + i);
            rpc_word *w = RP_VEC_AT(&c->words, rpc_word, id);
            if (!(w->cls & RPD_C_NOINFLECT)) w->use |= RPC_VERB_LEMMA;
        }
        rpd_smember *slot = push(c, &c->smembers);
        if (slot) *slot = m;
    }
    s = RP_VEC_AT(&c->synsets, rpc_synset, si);
    s->member_n = (uint32_t)c->smembers.len - s->member_first;
    if (!s->member_n) rpc_diag(c, lc->file, lc->line, "synset has no members");
}

static bool push_elem(rpc *c, uint32_t kind, uint32_t a, uint32_t flags) {
    rpc_elem *e = push(c, &c->elems);
    if (!e) return false;
    e->kind = kind, e->a = a, e->flags = flags;
    return true;
}

/* One whitespace-separated item of a pattern: word, a_b, "exact", &SET or a slot. */
static bool pattern_item(line_ctx *lc, const char *it, size_t il) {
    rpc *c = lc->c;
    if (il == 1 && (it[0] == '$' || it[0] == '+' || it[0] == '%'))
        return push_elem(c, it[0] == '$' ? RPD_E_SRC : it[0] == '+' ? RPD_E_TGT : RPD_E_BOTH, 0, 0);
    if (it[0] == '&') {
        if (!valid_synset_name(it, il)) {
            rpc_diag(c, lc->file, lc->line, "bad synset name '%.*s'", (int)il, it);
            return false;
        }
        uint32_t si = synset_index(c, it + 1, il - 1, lc->file, lc->line);
        return si != UINT32_MAX && push_elem(c, RPD_E_SET, si, 0);
    }
    bool exact = il >= 2 && it[0] == '"' && it[il - 1] == '"';
    if (exact) it++, il -= 2;
    bool first = true;
    while (il) {
        size_t part = 0;
        while (part < il && it[part] != '_') part++;
        rp_vec ids;
        rp_vec_init(&ids, sizeof(uint32_t), c->alloc);
        size_t n = part ? phrase_words(lc, it, part, &ids, NULL, NULL) : 0;
        if (!n) {
            rpc_diag(c, lc->file, lc->line, "empty word in pattern");
            rp_vec_fini(&ids);
            return false;
        }
        for (size_t i = 0; i < n; i++) {
            uint32_t id = *RP_VEC_AT(&ids, uint32_t, i);
            rpc_word *w = RP_VEC_AT(&c->words, rpc_word, id);
            bool inflect = !exact && !(w->cls & RPD_C_NOINFLECT);
            if (inflect) w->use |= RPC_VERB_LEMMA;
            push_elem(c, inflect ? RPD_E_WORD : RPD_E_EXACT, id, first ? 0 : RPD_EF_ADJ);
            first = false;
        }
        rp_vec_fini(&ids);
        it += part, il -= part;
        if (il) it++, il--; /* the '_' */
    }
    return true;
}

static bool pattern_code(line_ctx *lc, const char *s, size_t n, char out[8]) {
    memset(out, 0, 8);
    if (n < 2 || n > 4) goto bad;
    for (size_t i = 0; i < n; i++)
        if (!rp_is_digit((unsigned char)s[i])) goto bad;
    memcpy(out, s, n);
    return true;
bad:
    rpc_diag(lc->c, lc->file, lc->line, "'%.*s' is not a CAMEO event code (2 to 4 digits)",
             (int)n, s);
    return false;
}

static bool pattern_rhs(line_ctx *lc, const char *r, size_t rl, rpd_pattern *p) {
    const char *item;
    size_t il;
    bool have = false;
    while (next_item(&r, &rl, 0, &item, &il)) {
        if (rp_ieq(item, il, ":noun")) {
            p->flags |= RPD_P_NOUN;
        } else if (have) {
            rpc_diag(lc->c, lc->file, lc->line, "unexpected '%.*s' after the code", (int)il, item);
            return false;
        } else if (il == 3 && memcmp(item, "---", 3) == 0) {
            p->flags |= RPD_P_NULL;
            have = true;
        } else {
            const char *colon = memchr(item, ':', il);
            size_t l1 = colon ? (size_t)(colon - item) : il;
            if (!pattern_code(lc, item, l1, p->code)) return false;
            if (colon && !pattern_code(lc, colon + 1, il - l1 - 1, p->code2)) return false;
            have = true;
        }
    }
    if (!have) rpc_diag(lc->c, lc->file, lc->line, "pattern has no code");
    return have;
}

static void parse_pattern(line_ctx *lc, const char *l, size_t ll, const char *r, size_t rl) {
    rpc *c = lc->c;
    rpc_pattern p = {0};
    p.rec.file = lc->file;
    p.rec.line = (uint32_t)lc->line;
    if (!pattern_rhs(lc, r, rl, &p.rec)) return;
    p.rec.elem_first = (uint32_t)c->elems.len;
    const char *item;
    size_t il;
    bool ok = true;
    while (ok && next_item(&l, &ll, 0, &item, &il)) ok = pattern_item(lc, item, il);
    p.rec.elem_n = (uint32_t)c->elems.len - p.rec.elem_first;
    if (!ok) {
        c->elems.len = p.rec.elem_first;
        return;
    }
    rpc_pattern *slot = push(c, &c->patterns);
    if (slot) *slot = p;
}

/* ---------------------------------------------------------------- @forms, @codes */

static void parse_forms(line_ctx *lc, const char *l, size_t ll, const char *r, size_t rl) {
    rpc *c = lc->c;
    rp_vec ids;
    rp_vec_init(&ids, sizeof(uint32_t), c->alloc);
    if (phrase_words(lc, l, ll, &ids, NULL, NULL) != 1) {
        if (ids.len) rpc_diag(c, lc->file, lc->line, "a lemma in @forms must be one word");
        rp_vec_fini(&ids);
        return;
    }
    uint32_t lemma = *RP_VEC_AT(&ids, uint32_t, 0);
    const char *item;
    size_t il;
    while (next_item(&r, &rl, '|', &item, &il)) {
        ids.len = 0;
        if (phrase_words(lc, item, il, &ids, NULL, NULL) != 1) {
            if (ids.len) rpc_diag(c, lc->file, lc->line, "a form must be one word: '%.*s'", (int)il, item);
            continue;
        }
        rpc_form *f = push(c, &c->forms);
        if (f) f->lemma = lemma, f->form = *RP_VEC_AT(&ids, uint32_t, 0);
    }
    rp_vec_fini(&ids);
}

static void parse_code(line_ctx *lc, const char *s, size_t n) {
    rpc *c = lc->c;
    const char *code, *gs;
    size_t cl, gl;
    if (!next_item(&s, &n, 0, &code, &cl) || !next_item(&s, &n, 0, &gs, &gl)) {
        rpc_diag(c, lc->file, lc->line, "expected CODE GOLDSTEIN LABEL");
        return;
    }
    rpd_code rec = {0};
    if (!pattern_code(lc, code, cl, rec.code)) return;
    char num[32];
    if (gl >= sizeof num) gl = sizeof num - 1;
    memcpy(num, gs, gl);
    num[gl] = 0;
    char *end;
    double g = strtod(num, &end);
    if (*end || g < -10 || g > 10) {
        rpc_diag(c, lc->file, lc->line, "Goldstein score '%s' is not a number in -10..10", num);
        return;
    }
    trim(&s, &n);
    if (!n) {
        rpc_diag(c, lc->file, lc->line, "code %s has no label", rec.code);
        return;
    }
    int root = (rec.code[0] - '0') * 10 + (rec.code[1] - '0');
    if (root < 1 || root > 20) {
        rpc_diag(c, lc->file, lc->line, "code %s: root must be 01..20", rec.code);
        return;
    }
    rec.goldstein = (float)g;
    rec.quad = root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
    rec.label = rpc_str(c, s, n);
    rec.label_len = (uint32_t)n;
    rpd_code *slot = push(c, &c->codes);
    if (slot) *slot = rec;
}

/* ---------------------------------------------------------------- lines */

static bool directive(const char *s, size_t n, enum section *sec) {
    static const struct {
        const char *name;
        enum section sec;
    } dirs[] = {{"@actors", SEC_ACTORS}, {"@agents", SEC_AGENTS}, {"@verbs", SEC_VERBS},
                {"@forms", SEC_FORMS},   {"@codes", SEC_CODES}};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
        if (rp_ieq(s, n, dirs[i].name)) {
            *sec = dirs[i].sec;
            return true;
        }
    return false;
}

static void parse_line(line_ctx *lc, enum section *sec, const char *s, size_t n) {
    n = strip_comment(s, n);
    trim(&s, &n);
    if (!n) return;
    if (s[0] == '@') {
        if (!directive(s, n, sec))
            rpc_diag(lc->c, lc->file, lc->line, "unknown section directive '%.*s'", (int)n, s);
        return;
    }
    if (*sec == SEC_NONE) {
        rpc_diag(lc->c, lc->file, lc->line, "entry before any section directive (@actors ...)");
        *sec = SEC_CODES + 1; /* report once */
        return;
    }
    if (*sec == SEC_CODES) {
        parse_code(lc, s, n);
        return;
    }
    if (*sec > SEC_CODES) return;
    const char *l, *r;
    size_t ll, rl;
    if (!split_eq(s, n, &l, &ll, &r, &rl) || !ll || !rl) {
        rpc_diag(lc->c, lc->file, lc->line, "expected 'LEFT = RIGHT'");
        return;
    }
    switch (*sec) {
    case SEC_ACTORS: parse_actor(lc, l, ll, r, rl); break;
    case SEC_AGENTS: parse_agent(lc, l, ll, r, rl); break;
    case SEC_VERBS:
        if (l[0] == '&') parse_synset(lc, l, ll, r, rl);
        else parse_pattern(lc, l, ll, r, rl);
        break;
    case SEC_FORMS: parse_forms(lc, l, ll, r, rl); break;
    default: break;
    }
}

static bool valid_utf8(const char *s, size_t n, size_t *bad) {
    for (size_t i = 0; i < n;) {
        int32_t cp;
        int k = rp_utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (cp < 0) {
            *bad = i;
            return false;
        }
        i += (size_t)k;
    }
    return true;
}

void rpc_parse_file(rpc *c, uint32_t file, const char *data, size_t len) {
    line_ctx lc = {c, file, 0};
    enum section sec = SEC_NONE;
    size_t pos = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) pos = 3; /* BOM */
    while (pos < len && !c->oom) {
        const char *nl = memchr(data + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - data) : len;
        lc.line++;
        size_t n = end - pos;
        size_t bad;
        if (memchr(data + pos, 0, n)) {
            rpc_diag(c, file, lc.line, "NUL byte in line");
        } else if (!valid_utf8(data + pos, n, &bad)) {
            rpc_diag(c, file, lc.line, "invalid UTF-8 at column %zu", bad + 1);
        } else {
            parse_line(&lc, &sec, data + pos, n);
        }
        pos = end + 1;
    }
}

/* Reports every phrase written twice in one section (called by build.c). */
static int cmp_seen(const void *a, const void *b, void *pool) {
    const seen_phrase *x = a, *y = b;
    if (x->section != y->section) return x->section < y->section ? -1 : 1;
    size_t n = x->key_len < y->key_len ? x->key_len : y->key_len;
    int r = memcmp((const char *)pool + x->key, (const char *)pool + y->key, n);
    if (r) return r;
    if (x->key_len != y->key_len) return x->key_len < y->key_len ? -1 : 1;
    if (x->file != y->file) return x->file < y->file ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

void rpc_check_duplicates(rpc *c);
void rpc_check_duplicates(rpc *c) {
    if (!c->seen.len) return;
    qsort_r(c->seen.data, c->seen.len, sizeof(seen_phrase), cmp_seen, c->pool.data);
    for (size_t i = 1; i < c->seen.len; i++) {
        seen_phrase *a = RP_VEC_AT(&c->seen, seen_phrase, i - 1);
        seen_phrase *b = RP_VEC_AT(&c->seen, seen_phrase, i);
        if (a->section != b->section || a->key_len != b->key_len ||
            memcmp(c->pool.data + a->key, c->pool.data + b->key, a->key_len))
            continue;
        const rpd_file *f = RP_VEC_AT(&c->files, rpd_file, a->file);
        rpc_diag(c, b->file, b->line, "phrase '%.*s' is already written at %.*s:%u",
                 (int)b->key_len, c->pool.data + b->key, (int)f->len, c->pool.data + f->str,
                 a->line);
    }
}
