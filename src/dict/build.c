/*
 * build.c — from the parsed intermediate form to the compiled file.
 *
 *   1. every lemma is expanded into its forms: noun plurals for agents, all
 *      regular inflections for pattern words, -ise/-ize spelling variants and
 *      the irregular forms of @forms; each form links back to its lemma;
 *   2. codes are sorted and checked; patterns get their anchor and score and
 *      are checked against the code table and the synsets;
 *   3. the actor and agent tries and the anchor index are built;
 *   4. sections are laid out, 8-byte aligned, after the header.
 * The output depends only on the sources, so it is byte-for-byte repeatable.
 */
#include "compile.h"

#include <stdio.h>
#include <stdlib.h>

void rpc_check_duplicates(rpc *c);

/* ---------------------------------------------------------------- lemmas */

static void add_link(rpc *c, uint32_t form, uint32_t lemma, uint32_t flags) {
    if (!flags) return;
    rpc_word *w = RP_VEC_AT(&c->words, rpc_word, form);
    uint32_t *l = rp_vec_push(&w->links);
    if (!l) {
        c->oom = true;
        return;
    }
    *l = lemma | flags;
}

typedef struct link_ctx {
    rpc *c;
    uint32_t lemma; /* word id the forms belong to */
    uint32_t flags; /* RPD_L_* given to each form */
} link_ctx;

static void link_form(void *ctx, const char *form, size_t len) {
    link_ctx *lk = ctx;
    uint32_t id = rpc_intern(lk->c, form, len);
    if (id) add_link(lk->c, id, lk->lemma, lk->flags);
}

static void inflect_word(rpc *c, uint32_t lemma, const char *s, size_t n, uint32_t use) {
    uint32_t base = (use & RPC_NOUN_LEMMA ? RPD_L_NOUN : 0) | (use & RPC_VERB_LEMMA ? RPD_L_VERB : 0);
    link_ctx plural = {c, lemma, base};
    rpd_inflect(s, n, false, link_form, &plural);
    if (use & RPC_VERB_LEMMA) {
        link_ctx verb = {c, lemma, RPD_L_VERB};
        char buf[96];
        if (n < sizeof buf) {
            /* rpd_inflect emits plurals again with verb=true; the duplicate
             * links are merged when links are finalised */
            memcpy(buf, s, n);
            rpd_inflect(buf, n, true, link_form, &verb);
        }
    }
}

/* British and American spellings: -ise/-ize, -isation/-ization. */
static size_t spelling_variant(const char *s, size_t n, char *out, size_t cap) {
    if (n + 1 > cap) return 0;
    memcpy(out, s, n);
    out[n] = 0;
    const char *pairs[][2] = {{"isation", "ization"}, {"ization", "isation"}, {"ise", "ize"},
                              {"ize", "ise"}, {"iser", "izer"}, {"izer", "iser"}};
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t k = strlen(pairs[i][0]);
        if (n > k + 2 && memcmp(s + n - k, pairs[i][0], k) == 0) {
            memcpy(out + n - k, pairs[i][1], k);
            return n;
        }
    }
    return 0;
}

static void expand_lemmas(rpc *c) {
    size_t nwords = c->words.len;
    for (uint32_t id = 1; id < nwords && !c->oom; id++) {
        rpc_word w = *RP_VEC_AT(&c->words, rpc_word, id);
        if (!w.use) continue;
        uint32_t base = (w.use & RPC_NOUN_LEMMA ? RPD_L_NOUN : 0) |
                        (w.use & RPC_VERB_LEMMA ? RPD_L_VERB : 0);
        add_link(c, id, id, base);
        char s[96], v[96];
        if (w.len >= sizeof s) continue;
        memcpy(s, c->pool.data + w.str, w.len);
        inflect_word(c, id, s, w.len, w.use);
        size_t vl = spelling_variant(s, w.len, v, sizeof v);
        if (vl) {
            uint32_t vid = rpc_intern(c, v, vl);
            if (vid) add_link(c, vid, id, base);
            inflect_word(c, id, v, vl, w.use);
        }
    }
    for (size_t i = 0; i < c->forms.len; i++) {
        rpc_form *f = RP_VEC_AT(&c->forms, rpc_form, i);
        uint32_t use = RP_VEC_AT(&c->words, rpc_word, f->lemma)->use;
        uint32_t flags = (use & RPC_NOUN_LEMMA ? RPD_L_NOUN : 0) | (use & RPC_VERB_LEMMA ? RPD_L_VERB : 0);
        add_link(c, f->form, f->lemma, flags);
    }
}

static int cmp_u32(const void *a, const void *b) {
    uint32_t x = *(const uint32_t *)a & RPD_L_ID, y = *(const uint32_t *)b & RPD_L_ID;
    return x < y ? -1 : x > y;
}

/* Sorts each word's links by lemma and merges duplicates (OR of flags). */
static void finalise_links(rpc *c, rp_vec *out) {
    for (size_t id = 0; id < c->words.len; id++) {
        rpc_word *w = RP_VEC_AT(&c->words, rpc_word, id);
        uint32_t *l = w->links.data;
        size_t n = w->links.len, k = 0;
        if (n) qsort(l, n, sizeof *l, cmp_u32);
        for (size_t i = 0; i < n; i++) {
            if (k && (l[k - 1] & RPD_L_ID) == (l[i] & RPD_L_ID)) l[k - 1] |= l[i] & ~RPD_L_ID;
            else l[k++] = l[i];
        }
        w->links.len = k;
        if (!rp_vec_append(out, l, k)) c->oom = true;
    }
}

/* ---------------------------------------------------------------- codes, patterns */

static int cmp_code(const void *a, const void *b) {
    return strcmp(((const rpd_code *)a)->code, ((const rpd_code *)b)->code);
}

static void check_codes(rpc *c) {
    if (c->codes.len) qsort(c->codes.data, c->codes.len, sizeof(rpd_code), cmp_code);
    for (size_t i = 1; i < c->codes.len; i++) {
        rpd_code *a = RP_VEC_AT(&c->codes, rpd_code, i - 1), *b = a + 1;
        if (strcmp(a->code, b->code) == 0)
            rpc_diag(c, 0, 0, "CAMEO code %s is listed twice in @codes", a->code);
    }
}

static bool code_known(rpc *c, const char *code) {
    rpd_code key;
    memset(&key, 0, sizeof key);
    memcpy(key.code, code, 8);
    return c->codes.len &&
           bsearch(&key, c->codes.data, c->codes.len, sizeof(rpd_code), cmp_code) != NULL;
}

static void check_pattern(rpc *c, rpd_pattern *p) {
    const rpc_elem *e = RP_VEC_AT(&c->elems, rpc_elem, p->elem_first);
    p->anchor = UINT32_MAX;
    p->score = 0;
    for (uint32_t i = 0; i < p->elem_n; i++) {
        switch (e[i].kind) {
        case RPD_E_SRC: p->flags |= RPD_P_HAS_SRC; p->score += 1; break;
        case RPD_E_TGT: p->flags |= RPD_P_HAS_TGT; p->score += 1; break;
        case RPD_E_BOTH: p->flags |= RPD_P_BOTH; p->score += 1; break;
        case RPD_E_SET: {
            const rpc_synset *s = RP_VEC_AT(&c->synsets, rpc_synset, e[i].a);
            if (!s->defined)
                rpc_diag(c, p->file, p->line, "synset &%.*s is not defined", (int)s->name_len,
                         c->pool.data + s->name);
        } /* fall through */
        default:
            if (p->anchor == UINT32_MAX) p->anchor = i;
            p->score += 2;
        }
    }
    if (p->anchor == UINT32_MAX) rpc_diag(c, p->file, p->line, "pattern has no word");
    memset(p->need, 0, sizeof p->need);
    for (uint32_t i = 0; p->anchor != UINT32_MAX && i < p->elem_n; i++)
        if (i > p->anchor && (e[i].kind == RPD_E_WORD || e[i].kind == RPD_E_EXACT))
            p->need[(e[i].a & 255) >> 6] |= 1ull << (e[i].a & 63);
    if (!(p->flags & RPD_P_NULL)) {
        if (!code_known(c, p->code))
            rpc_diag(c, p->file, p->line, "CAMEO code %s is not in the @codes table", p->code);
        if (p->code2[0] && !code_known(c, p->code2))
            rpc_diag(c, p->file, p->line, "CAMEO code %s is not in the @codes table", p->code2);
    }
}

/* ---------------------------------------------------------------- tries */

typedef struct bnode {
    rp_vec edges;   /* rpd_tedge */
    rp_vec entries; /* uint32_t */
} bnode;

typedef struct trie_builder {
    rpc *c;
    rp_vec nodes; /* bnode */
} trie_builder;

static uint32_t tb_node(trie_builder *tb) {
    bnode *n = rp_vec_push(&tb->nodes);
    if (!n) {
        tb->c->oom = true;
        return 0;
    }
    rp_vec_init(&n->edges, sizeof(rpd_tedge), tb->c->alloc);
    rp_vec_init(&n->entries, sizeof(uint32_t), tb->c->alloc);
    return (uint32_t)(tb->nodes.len - 1);
}

static void tb_insert(trie_builder *tb, uint32_t root, const uint32_t *words, uint32_t n,
                      uint32_t entry) {
    uint32_t node = root;
    for (uint32_t i = 0; i < n && !tb->c->oom; i++) {
        bnode *b = RP_VEC_AT(&tb->nodes, bnode, node);
        uint32_t next = UINT32_MAX;
        for (size_t k = 0; k < b->edges.len; k++) {
            rpd_tedge *e = RP_VEC_AT(&b->edges, rpd_tedge, k);
            if (e->word == words[i]) {
                next = e->node;
                break;
            }
        }
        if (next == UINT32_MAX) {
            next = tb_node(tb);
            b = RP_VEC_AT(&tb->nodes, bnode, node);
            rpd_tedge *e = rp_vec_push(&b->edges);
            if (!e) {
                tb->c->oom = true;
                return;
            }
            e->word = words[i];
            e->node = next;
        }
        node = next;
    }
    bnode *b = RP_VEC_AT(&tb->nodes, bnode, node);
    uint32_t *slot = rp_vec_push(&b->entries);
    if (slot) *slot = entry;
    else tb->c->oom = true;
}

static int cmp_edge(const void *a, const void *b) {
    uint32_t x = ((const rpd_tedge *)a)->word, y = ((const rpd_tedge *)b)->word;
    return x < y ? -1 : x > y;
}

static void tb_flatten(trie_builder *tb, rp_vec *nodes, rp_vec *edges, rp_vec *entries) {
    for (size_t i = 0; i < tb->nodes.len; i++) {
        bnode *b = RP_VEC_AT(&tb->nodes, bnode, i);
        if (b->edges.len) qsort(b->edges.data, b->edges.len, sizeof(rpd_tedge), cmp_edge);
        rpd_tnode n = {(uint32_t)edges->len, (uint32_t)b->edges.len, (uint32_t)entries->len,
                       (uint32_t)b->entries.len};
        if (!rp_vec_append(nodes, &n, 1) || !rp_vec_append(edges, b->edges.data, b->edges.len) ||
            !rp_vec_append(entries, b->entries.data, b->entries.len))
            tb->c->oom = true;
        rp_vec_fini(&b->edges);
        rp_vec_fini(&b->entries);
    }
    rp_vec_fini(&tb->nodes);
}

/* ---------------------------------------------------------------- anchors */

typedef struct anchor_ref {
    uint32_t key;     /* word id */
    uint32_t score;   /* pattern score (higher first) */
    uint32_t pattern; /* pattern index (lower first on ties) */
} anchor_ref;

static int cmp_anchor(const void *a, const void *b) {
    const anchor_ref *x = a, *y = b;
    if (x->key != y->key) return x->key < y->key ? -1 : 1;
    if (x->score != y->score) return x->score > y->score ? -1 : 1;
    return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static void add_anchor(rpc *c, rp_vec *refs, uint32_t key, uint32_t score, uint32_t pattern) {
    for (size_t i = refs->len; i-- > 0;) {
        anchor_ref *r = RP_VEC_AT(refs, anchor_ref, i);
        if (r->pattern != pattern) break;
        if (r->key == key) return;
    }
    anchor_ref *r = rp_vec_push(refs);
    if (!r) {
        c->oom = true;
        return;
    }
    r->key = key, r->score = score, r->pattern = pattern;
}

static void build_anchors(rpc *c, rp_vec *aoff, rp_vec *apat) {
    rp_vec refs;
    rp_vec_init(&refs, sizeof(anchor_ref), c->alloc);
    for (uint32_t i = 0; i < c->patterns.len; i++) {
        rpd_pattern *p = &RP_VEC_AT(&c->patterns, rpc_pattern, i)->rec;
        if (p->anchor == UINT32_MAX) continue;
        const rpc_elem *e = RP_VEC_AT(&c->elems, rpc_elem, p->elem_first + p->anchor);
        if (e->kind != RPD_E_SET) {
            add_anchor(c, &refs, e->a, p->score, i);
            continue;
        }
        const rpc_synset *s = RP_VEC_AT(&c->synsets, rpc_synset, e->a);
        for (uint32_t m = 0; m < s->member_n; m++) {
            const rpd_smember *sm = RP_VEC_AT(&c->smembers, rpd_smember, s->member_first + m);
            add_anchor(c, &refs, *RP_VEC_AT(&c->swords, uint32_t, sm->word_first), p->score, i);
        }
    }
    if (refs.len) qsort(refs.data, refs.len, sizeof(anchor_ref), cmp_anchor);
    size_t k = 0;
    for (uint32_t w = 0; w <= c->words.len; w++) {
        uint32_t off = (uint32_t)apat->len;
        if (!rp_vec_append(aoff, &off, 1)) c->oom = true;
        while (w < c->words.len && k < refs.len && RP_VEC_AT(&refs, anchor_ref, k)->key == w) {
            uint32_t pat = RP_VEC_AT(&refs, anchor_ref, k)->pattern;
            rpd_anchor an;
            memset(&an, 0, sizeof an);
            memcpy(an.need, RP_VEC_AT(&c->patterns, rpc_pattern, pat)->rec.need, sizeof an.need);
            an.pattern = pat;
            if (!rp_vec_append(apat, &an, 1)) c->oom = true;
            k++;
        }
    }
    rp_vec_fini(&refs);
}

/* ---------------------------------------------------------------- layout */

typedef struct section_src {
    const void *data; /* elements */
    uint32_t esize;   /* element size */
    size_t count;     /* elements */
} section_src;

static bool layout(rpc *c, const section_src *src, uint32_t actor_root, uint32_t agent_root,
                   rp_buf *out) {
    rpd_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, RPD_MAGIC, 8);
    h.version = RPD_VERSION;
    h.endian = RPD_ENDIAN;
    h.source_hash = c->source_hash;
    h.actor_root = actor_root;
    h.agent_root = agent_root;
    h.nsections = RPD_NSEC;
    uint64_t off = (sizeof h + 7) & ~(uint64_t)7;
    for (uint32_t i = 0; i < RPD_NSEC; i++) {
        h.sec[i].id = i;
        h.sec[i].esize = src[i].esize;
        h.sec[i].offset = off;
        h.sec[i].count = src[i].count;
        off += ((uint64_t)src[i].esize * src[i].count + 7) & ~(uint64_t)7;
    }
    h.file_size = off;
    rp_buf_clear(out);
    if (!rp_buf_reserve(out, (size_t)off)) return false;
    memset(out->data, 0, (size_t)off);
    memcpy(out->data, &h, sizeof h);
    for (uint32_t i = 0; i < RPD_NSEC; i++)
        if (src[i].count)
            memcpy(out->data + h.sec[i].offset, src[i].data, (size_t)src[i].esize * src[i].count);
    out->len = (size_t)off;
    return true;
}

static void convert_words(rpc *c, rp_vec *out) {
    uint32_t first = 0;
    for (size_t id = 0; id < c->words.len; id++) {
        rpc_word *w = RP_VEC_AT(&c->words, rpc_word, id);
        rpd_word rec = {w->str, w->len, first, (uint32_t)w->links.len, w->cls};
        first += (uint32_t)w->links.len;
        if (!rp_vec_append(out, &rec, 1)) c->oom = true;
    }
}

static void build_hash(rpc *c, rp_vec *out) {
    size_t cap = 16;
    while (cap < c->words.len * 2) cap *= 2;
    uint32_t *slots = rp_calloc(c->alloc, cap, sizeof(uint32_t));
    if (!slots) {
        c->oom = true;
        return;
    }
    for (uint32_t id = 1; id < c->words.len; id++) {
        rpc_word *w = RP_VEC_AT(&c->words, rpc_word, id);
        uint32_t h = rp_hash32(c->pool.data + w->str, w->len);
        size_t i = h & (cap - 1);
        while (slots[i]) i = (i + 1) & (cap - 1);
        slots[i] = id;
    }
    if (!rp_vec_append(out, slots, cap)) c->oom = true;
    rp_free(c->alloc, slots, cap * sizeof(uint32_t));
}

static void convert_entries(rpc *c, rp_vec *actors, rp_vec *agents, rp_vec *synsets,
                            rp_vec *patterns, rp_vec *pelems, trie_builder *tb) {
    for (uint32_t i = 0; i < c->actors.len; i++) {
        rpc_actor *a = RP_VEC_AT(&c->actors, rpc_actor, i);
        rpd_actor rec = {a->code_first, a->code_n, a->case_first, a->nwords, a->flags, a->file,
                         a->line};
        if (!rp_vec_append(actors, &rec, 1)) c->oom = true;
        tb_insert(tb, 0, RP_VEC_AT(&c->phrase_words, uint32_t, a->words_first), a->nwords, i);
    }
    for (uint32_t i = 0; i < c->agents.len; i++) {
        rpc_agent *a = RP_VEC_AT(&c->agents, rpc_agent, i);
        rpd_agent rec = {a->role, a->role_len, a->flags, a->nwords, a->file, a->line};
        if (!rp_vec_append(agents, &rec, 1)) c->oom = true;
        tb_insert(tb, 1, RP_VEC_AT(&c->phrase_words, uint32_t, a->words_first), a->nwords, i);
    }
    for (uint32_t i = 0; i < c->synsets.len; i++) {
        rpc_synset *s = RP_VEC_AT(&c->synsets, rpc_synset, i);
        rpd_synset rec = {s->name, s->name_len, s->member_first, s->member_n};
        if (!rp_vec_append(synsets, &rec, 1)) c->oom = true;
    }
    for (uint32_t i = 0; i < c->patterns.len; i++) {
        rpd_pattern rec = RP_VEC_AT(&c->patterns, rpc_pattern, i)->rec;
        if (!rp_vec_append(patterns, &rec, 1)) c->oom = true;
    }
    for (uint32_t i = 0; i < c->elems.len; i++) {
        rpc_elem *e = RP_VEC_AT(&c->elems, rpc_elem, i);
        rpd_pelem rec = {e->kind, e->a, e->flags};
        if (!rp_vec_append(pelems, &rec, 1)) c->oom = true;
    }
}

rp_status rpc_build(rpc *c, rp_buf *out, rp_error *err) {
    rpc_check_duplicates(c);
    check_codes(c);
    for (size_t i = 0; i < c->patterns.len; i++)
        check_pattern(c, &RP_VEC_AT(&c->patterns, rpc_pattern, i)->rec);
    expand_lemmas(c);
    if (c->oom) return rp_error_set(err, RP_ENOMEM, "", 0, 0, "out of memory");
    if (c->nerrors)
        return rp_error_set(err, RP_EFORMAT, "", 0, 0, "%zu error%s in dictionary sources",
                            c->nerrors, c->nerrors == 1 ? "" : "s");

    rp_vec v[RPD_NSEC];
    static const uint32_t esize[RPD_NSEC] = {
        1, sizeof(rpd_word), 4, 4, sizeof(rpd_tnode), sizeof(rpd_tedge), 4,
        sizeof(rpd_actor), sizeof(rpd_acode), 1, sizeof(rpd_agent), sizeof(rpd_pattern),
        sizeof(rpd_pelem), sizeof(rpd_synset), sizeof(rpd_smember), 4, 4, sizeof(rpd_anchor),
        sizeof(rpd_code), sizeof(rpd_file)};
    for (int i = 0; i < RPD_NSEC; i++) rp_vec_init(&v[i], esize[i], c->alloc);

    trie_builder tb = {c, {0}};
    rp_vec_init(&tb.nodes, sizeof(bnode), c->alloc);
    tb_node(&tb); /* 0: actor root */
    tb_node(&tb); /* 1: agent root */
    convert_entries(c, &v[RPD_ACTOR], &v[RPD_AGENT], &v[RPD_SYNSET], &v[RPD_PATTERN],
                    &v[RPD_PELEM], &tb);
    tb_flatten(&tb, &v[RPD_TNODE], &v[RPD_TEDGE], &v[RPD_TENTRY]);
    finalise_links(c, &v[RPD_LEMMA]);
    convert_words(c, &v[RPD_WORD]);
    build_hash(c, &v[RPD_WHASH]);
    build_anchors(c, &v[RPD_AOFF], &v[RPD_APAT]);

    section_src src[RPD_NSEC];
    src[RPD_STR] = (section_src){c->pool.data, 1, c->pool.len};
    src[RPD_ACODE] = (section_src){c->acodes.data, sizeof(rpd_acode), c->acodes.len};
    src[RPD_CASEB] = (section_src){c->caseb.data, 1, c->caseb.len};
    src[RPD_SMEMBER] = (section_src){c->smembers.data, sizeof(rpd_smember), c->smembers.len};
    src[RPD_SWORD] = (section_src){c->swords.data, 4, c->swords.len};
    src[RPD_CODE] = (section_src){c->codes.data, sizeof(rpd_code), c->codes.len};
    src[RPD_FILE] = (section_src){c->files.data, sizeof(rpd_file), c->files.len};
    static const int from_v[] = {RPD_WORD,   RPD_WHASH, RPD_LEMMA, RPD_TNODE,   RPD_TEDGE,
                                 RPD_TENTRY, RPD_ACTOR, RPD_AGENT, RPD_PATTERN, RPD_PELEM,
                                 RPD_SYNSET, RPD_AOFF,  RPD_APAT};
    for (size_t i = 0; i < sizeof from_v / sizeof from_v[0]; i++) {
        int s = from_v[i];
        src[s] = (section_src){v[s].data, esize[s], v[s].len};
    }
    bool ok = !c->oom && layout(c, src, 0, 1, out);
    for (int i = 0; i < RPD_NSEC; i++) rp_vec_fini(&v[i]);
    if (!ok) return rp_error_set(err, RP_ENOMEM, "", 0, 0, "out of memory");
    return RP_OK;
}
