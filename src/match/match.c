/*
 * match.c — dictionary lookups for one sentence (see match.h).
 *
 * Hot loop: every token of every sentence passes here once. Per token: fold
 * (ASCII fast path), one hash lookup, a few byte tests for its shape. Trie
 * walks start only at tokens that begin some phrase.
 */
#include "match.h"

size_t rp_match_key(const rp_msent *s, uint32_t i, char *buf, size_t cap) {
    return rp_text_token_key(s->text, &s->toks[i], buf, cap);
}

static bool ends_with(const char *s, size_t n, const char *suf) {
    size_t k = strlen(suf);
    return n >= k && memcmp(s + n - k, suf, k) == 0;
}

static uint32_t punct_features(char c, uint32_t len) {
    uint32_t f = RP_F_PUNCT;
    if (len != 1) return c == '-' ? f | RP_F_DASH | RP_F_BREAK : f;
    switch (c) {
    case ',': f |= RP_F_COMMA; break;
    case ';': case ':': case '(': case ')': case '[': case ']': f |= RP_F_BREAK; break;
    case '"': f |= RP_F_QUOTE; break;
    case '-': f |= RP_F_DASH; break;
    default: break;
    }
    return f;
}

/* An irregular verb form from @forms ("gave", "took", "met", "struck"): a verb
 * link to another word, without the -s of a present or a plural. Spelling
 * variants ("criticize" for "criticise") are links too and are not forms. */
static bool irregular_verb_form(const rp_dict *d, uint32_t word, const char *key, size_t kl) {
    if (!word || ends_with(key, kl, "s") || ends_with(key, kl, "ize") || ends_with(key, kl, "ise") ||
        ends_with(key, kl, "izer") || ends_with(key, kl, "iser"))
        return false;
    const rpd_word *w = &d->words[word];
    for (uint32_t l = 0; l < w->lemma_n; l++) {
        uint32_t link = d->lemmas[w->lemma_first + l];
        if ((link & RPD_L_VERB) && (link & RPD_L_ID) != word) return true;
    }
    return false;
}

static uint32_t word_features(const rp_dict *d, const rp_tok *t, uint32_t word, const char *key,
                              size_t kl) {
    uint32_t f = 0;
    if (t->flags & RP_TOK_CAP) f |= RP_F_CAP;
    if (t->flags & RP_TOK_ALLCAPS) f |= RP_F_ALLCAPS;
    if (t->flags & RP_TOK_NUMBER) f |= RP_F_NUM;
    bool lemma = word && d->words[word].lemma_n > 0;
    if (kl > 4 && ends_with(key, kl, "ly") && !lemma) f |= RP_F_ADVERB;
    if (kl > 3 && (ends_with(key, kl, "ed") || ends_with(key, kl, "en") ||
                   ends_with(key, kl, "wn")))
        f |= RP_F_ED;
    if (kl > 4 && ends_with(key, kl, "ing")) f |= RP_F_ING;
    else if (!(f & RP_F_ED) && irregular_verb_form(d, word, key, kl)) f |= RP_F_ED;
    if ((d->words[word].cls & RPD_C_TIMEW) &&
        ((rp_month_from_name(key, kl) && kl >= 3) || (rp_weekday_from_name(key, kl) >= 0 && kl >= 6)))
        f |= RP_F_TIME;
    return f;
}

static uint32_t word_id(const rp_dict *d, rp_wcache *c, const char *key, size_t kl) {
    if (!c || kl > RP_WCACHE_KEY) return rpd_word_id(d, key, kl);
    uint32_t h = rp_hash32(key, kl);
    rp_wcache_slot *s = &c->slot[h & (RP_WCACHE_SLOTS - 1)];
    if (s->len == kl + 1 && memcmp(s->key, key, kl) == 0) return s->id;
    s->id = rpd_word_id(d, key, kl);
    s->len = (uint8_t)(kl + 1);
    memcpy(s->key, key, kl);
    return s->id;
}

static void add_bloom(const rp_dict *d, rp_msent *s, uint32_t w) {
    s->bloom[(w & 255) >> 6] |= 1ull << (w & 63);
    const rpd_word *rw = &d->words[w];
    for (uint32_t l = 0; l < rw->lemma_n; l++) {
        uint32_t id = d->lemmas[rw->lemma_first + l] & RPD_L_ID;
        s->bloom[(id & 255) >> 6] |= 1ull << (id & 63);
    }
}

static void lex_lookup(const rp_dict *d, rp_wcache *cache, rp_msent *s) {
    bool lower_seen = false;
    for (uint32_t i = 0; i < s->n; i++) {
        const rp_tok *t = &s->toks[i];
        rp_mtok *m = &s->mt[i];
        m->actor = m->agent = -1;
        if (t->flags & RP_TOK_PUNCT) {
            /* punctuation inside phrases ("al-Assad", "No. 10") has a word id too */
            m->feat = punct_features(s->text[t->off], t->len);
            m->word = t->len < 8 ? rpd_word_id(d, s->text + t->off, t->len) : 0;
            m->cls = d->words[m->word].cls;
            add_bloom(d, s, m->word);
            continue;
        }
        char key[128];
        size_t kl = rp_text_token_key(s->text, t, key, sizeof key);
        /* "agreed upon", "called upon": patterns are written with "on" */
        if (kl == 4 && !memcmp(key, "upon", 4)) kl = 2, key[0] = 'o', key[1] = 'n', key[2] = 0;
        m->word = kl ? word_id(d, cache, key, kl) : 0;
        m->cls = d->words[m->word].cls;
        add_bloom(d, s, m->word);
        m->feat = word_features(d, t, m->word, key, kl);
        if (!lower_seen) {
            for (uint32_t k = 0; k < t->len; k++)
                if (rp_is_lower((unsigned char)s->text[t->off + k])) {
                    lower_seen = true;
                    break;
                }
        }
    }
    s->allcaps = !lower_seen && s->n > 3;
}

/* ---------------------------------------------------------------- actors */

static bool case_ok(const rp_dict *d, const rp_msent *s, const rpd_actor *a, uint32_t start) {
    if (s->allcaps) return true;
    const uint8_t *cb = d->caseb + a->case_first;
    for (uint32_t k = 0; k < a->nwords; k++) {
        unsigned fl = s->toks[start + k].flags;
        /* "NATO" also matches British-style "Nato"; two- and three-letter
         * acronyms ("US", "UK") must be in capitals */
        if (cb[k] == 2 && !(fl & RP_TOK_ALLCAPS) &&
            !((fl & RP_TOK_CAP) && s->toks[start + k].len >= 4 && !(s->toks[start + k].flags & RP_TK_ABBR_DOT)))
            return false;
        if (cb[k] == 1 && !(fl & (RP_TOK_CAP | RP_TOK_ALLCAPS))) return false;
    }
    return true;
}

/* Longest actor phrase starting at i whose case fits; 0 if none. */
static uint32_t longest_actor(const rp_dict *d, const rp_msent *s, uint32_t i, uint32_t *entry) {
    uint32_t node = d->h->actor_root, best = 0;
    for (uint32_t k = i; k < s->n; k++) {
        uint32_t w = s->mt[k].word;
        if (!w) break;
        node = rpd_trie_child(d, node, w);
        if (node == UINT32_MAX) break;
        const rpd_tnode *tn = &d->tnodes[node];
        for (uint32_t e = 0; e < tn->entry_n; e++) {
            uint32_t id = d->tentries[tn->entry_first + e];
            if (case_ok(d, s, &d->actors[id], i)) {
                best = k + 1 - i;
                *entry = id;
                break;
            }
        }
    }
    return best;
}

static bool match_actors(const rp_dict *d, rp_arena *ar, rp_msent *s) {
    s->actors = rp_arena_alloc(ar, sizeof(rp_hit) * (s->n ? s->n : 1));
    if (!s->actors) return false;
    for (uint32_t i = 0; i < s->n;) {
        uint32_t entry = 0, len = s->mt[i].word ? longest_actor(d, s, i, &entry) : 0;
        if (!len) {
            i++;
            continue;
        }
        rp_hit *h = &s->actors[s->nactors];
        h->start = i, h->end = i + len, h->entry = entry;
        for (uint32_t k = i; k < i + len; k++) s->mt[k].actor = (int32_t)s->nactors;
        s->nactors++;
        i += len;
    }
    return true;
}

/* ---------------------------------------------------------------- agents */

/* Depth-first walk of the agent trie through noun lemmas; tokens that an
 * actor took end the walk. Records the longest phrase. */
static void agent_walk(const rp_dict *d, const rp_msent *s, uint32_t node, uint32_t k,
                       uint32_t depth, uint32_t *best, uint32_t *entry) {
    const rpd_tnode *tn = &d->tnodes[node];
    if (depth > 0 && tn->entry_n && depth > *best) {
        *best = depth;
        *entry = d->tentries[tn->entry_first];
    }
    if (k >= s->n || s->mt[k].actor >= 0 || !s->mt[k].word || depth >= 8) return;
    const rpd_word *w = &d->words[s->mt[k].word];
    for (uint32_t l = 0; l < w->lemma_n; l++) {
        uint32_t link = d->lemmas[w->lemma_first + l];
        if (!(link & RPD_L_NOUN)) continue;
        uint32_t child = rpd_trie_child(d, node, link & RPD_L_ID);
        if (child != UINT32_MAX) agent_walk(d, s, child, k + 1, depth + 1, best, entry);
    }
}

static bool match_agents(const rp_dict *d, rp_arena *ar, rp_msent *s) {
    s->agents = rp_arena_alloc(ar, sizeof(rp_hit) * (s->n ? s->n : 1));
    if (!s->agents) return false;
    for (uint32_t i = 0; i < s->n;) {
        uint32_t best = 0, entry = 0;
        if (s->mt[i].actor < 0 && s->mt[i].word)
            agent_walk(d, s, d->h->agent_root, i, 0, &best, &entry);
        if (!best) {
            i++;
            continue;
        }
        rp_hit *h = &s->agents[s->nagents];
        h->start = i, h->end = i + best, h->entry = entry;
        for (uint32_t k = i; k < i + best; k++) s->mt[k].agent = (int32_t)s->nagents;
        s->nagents++;
        i += best;
    }
    return true;
}

/* ---------------------------------------------------------------- anchors */

static uint32_t count_anchor_keys(const rp_dict *d, uint32_t word, uint32_t *keys, uint32_t cap) {
    uint32_t n = 0;
    if (word && d->aoff[word] != d->aoff[word + 1]) keys[n++] = word;
    const rpd_word *w = &d->words[word];
    for (uint32_t l = 0; l < w->lemma_n && n < cap; l++) {
        uint32_t link = d->lemmas[w->lemma_first + l];
        uint32_t id = link & RPD_L_ID;
        if (!(link & RPD_L_VERB) || id == word) continue;
        if (d->aoff[id] != d->aoff[id + 1]) keys[n++] = id;
    }
    return n;
}

static bool match_anchors(const rp_dict *d, rp_arena *ar, rp_msent *s) {
    /* first pass: count, so the pattern list is one arena block */
    uint32_t total = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        if (s->mt[i].actor >= 0 || !s->mt[i].word) continue;
        uint32_t keys[8];
        uint32_t nk = count_anchor_keys(d, s->mt[i].word, keys, 8);
        for (uint32_t k = 0; k < nk; k++) total += d->aoff[keys[k] + 1] - d->aoff[keys[k]];
    }
    s->pats = rp_arena_alloc(ar, sizeof(uint32_t) * (total ? total : 1));
    if (!s->pats) return false;
    for (uint32_t i = 0; i < s->n; i++) {
        rp_mtok *m = &s->mt[i];
        m->pat_first = s->npats;
        if (m->actor >= 0 || !m->word) continue;
        uint32_t keys[8];
        uint32_t nk = count_anchor_keys(d, m->word, keys, 8);
        if (nk) m->feat |= RP_F_ANCHOR;
        for (uint32_t k = 0; k < nk; k++)
            for (uint32_t p = d->aoff[keys[k]]; p < d->aoff[keys[k] + 1]; p++) {
                const rpd_anchor *an = &d->apat[p];
                if ((an->need[0] & ~s->bloom[0]) | (an->need[1] & ~s->bloom[1]) |
                    (an->need[2] & ~s->bloom[2]) | (an->need[3] & ~s->bloom[3]))
                    continue; /* needs a word the sentence lacks */
                s->pats[s->npats++] = an->pattern;
            }
        m->pat_n = s->npats - m->pat_first;
    }
    return true;
}

bool rp_match_sentence(const rp_dict *d, rp_arena *ar, rp_wcache *cache, const char *text,
                       const rp_tok *toks, uint32_t n, rp_msent *out) {
    if (cache && cache->dict != d) {
        memset(cache->slot, 0, sizeof cache->slot);
        cache->dict = d;
    }
    memset(out, 0, sizeof *out);
    out->text = text;
    out->toks = toks;
    out->n = n;
    out->mt = rp_arena_zalloc(ar, sizeof(rp_mtok) * (n ? n : 1));
    if (!out->mt) return false;
    lex_lookup(d, cache, out);
    return match_actors(d, ar, out) && match_agents(d, ar, out) && match_anchors(d, ar, out);
}
