/*
 * pattern.c — trying the verb patterns anchored on one token.
 *
 * Elements after the anchor are matched left to right. A word may follow the
 * previous element after up to MAX_GAP tokens (none when joined with `_`),
 * never across a comma, clause break or quotation mark. A slot takes the
 * first actor mention that starts within the slot window (see
 * rp_slot_after); the next element may then match inside that mention, so
 * `$ close + embassy` reads "closed the Russian embassy" even though
 * "Russian embassy" is one mention. The best match has the highest score,
 * then the lowest pattern index (the one written first).
 */
#include "code.h"

enum { MAX_GAP = 4, SLOT_OTHER = 3, SLOT_SPAN = 8 };

static bool word_matches(const rp_dict *d, uint32_t tokword, uint32_t id, bool exact) {
    if (!tokword) return false;
    if (tokword == id) return true;
    return !exact && rpd_has_lemma(d, tokword, id, RPD_L_VERB);
}

static bool set_at(const rp_sent_ctx *sc, uint32_t set, uint32_t i, uint32_t *end);

/* Does element e match starting at token i? Sets *end. */
static bool elem_at(const rp_sent_ctx *sc, const rpd_pelem *e, uint32_t i, uint32_t *end) {
    const rp_msent *ms = sc->ms;
    const rp_dict *d = sc->cx->dict;
    if (i >= ms->n) return false;
    switch (e->kind) {
    case RPD_E_WORD:
    case RPD_E_EXACT:
        if (!word_matches(d, ms->mt[i].word, e->a, e->kind == RPD_E_EXACT)) return false;
        *end = i + 1;
        return true;
    case RPD_E_SET: {
        rp_set_memo *memo = sc->memo;
        uint32_t key = ((i << 16) | (e->a & 0xFFFF)) + 1, slot = 0;
        if (memo && i < 0xFFFF && e->a < 0xFFFF) {
            slot = (key * 2654435761u) % RP_MEMO_SLOTS;
            while (memo->key[slot] && memo->key[slot] != key) slot = (slot + 1) % RP_MEMO_SLOTS;
            if (memo->key[slot] == key) {
                if (!memo->end[slot]) return false;
                *end = i + memo->end[slot] - 1;
                return true;
            }
        }
        bool ok = set_at(sc, e->a, i, end);
        if (memo && i < 0xFFFF && e->a < 0xFFFF && memo->used < RP_MEMO_SLOTS / 2) {
            memo->key[slot] = key;
            memo->end[slot] = ok ? (uint16_t)(*end - i + 1) : 0;
            memo->used++;
        }
        return ok;
    }
    default:
        return false;
    }
}

static bool set_at(const rp_sent_ctx *sc, uint32_t set, uint32_t i, uint32_t *end) {
    const rp_msent *ms = sc->ms;
    const rp_dict *d = sc->cx->dict;
    {
        const rpd_synset *s = &d->synsets[set];
        uint32_t best = 0;
        for (uint32_t m = 0; m < s->member_n; m++) {
            const rpd_smember *sm = &d->smembers[s->member_first + m];
            if (i + sm->word_n > ms->n || sm->word_n <= best) continue;
            uint32_t k = 0;
            while (k < sm->word_n &&
                   word_matches(d, ms->mt[i + k].word, d->swords[sm->word_first + k], false))
                k++;
            if (k == sm->word_n) best = k;
        }
        if (!best) return false;
        *end = i + best;
        return true;
    }
}

static bool gap_stopper(const rp_msent *ms, uint32_t i) {
    return (ms->mt[i].feat & (RP_F_BREAK | RP_F_COMMA | RP_F_QUOTE)) || rp_tok_is(ms, i, '.');
}

/* Finds element e at or after `from` within the allowed gap. */
static bool elem_find(const rp_sent_ctx *sc, const rpd_pelem *e, uint32_t from, uint32_t *at,
                      uint32_t *end) {
    const rp_msent *ms = sc->ms;
    uint32_t limit = (e->flags & RPD_EF_ADJ) ? 0 : MAX_GAP;
    /* a preposition belongs to the word before it: "diplomats of X", "sanctions
     * on X" ("expelled diplomats in show of solidarity with X" is no "of X") */
    if (e->kind == RPD_E_EXACT && (sc->cx->dict->words[e->a].cls & RPD_C_PREP) && limit > 1)
        limit = 1;
    for (uint32_t i = from, gap = 0; i < ms->n && gap <= limit; i++) {
        if (elem_at(sc, e, i, end)) {
            *at = i;
            return true;
        }
        if (gap_stopper(ms, i)) {
            /* a quotation opening right there: called the move "a regrettable act" */
            if (i == from && (ms->mt[i].feat & RP_F_QUOTE)) continue;
            return false;
        }
        /* a time expression in between does not count: "accused Russia on Tuesday of" */
        bool time = (ms->mt[i].feat & RP_F_TIME) ||
                    ((ms->mt[i].cls & RPD_C_TIMEW) && i + 1 < ms->n && (ms->mt[i + 1].feat & RP_F_TIME));
        if (!time) gap++;
    }
    return false;
}

static bool skippable(const rp_msent *ms, uint32_t i) {
    const rp_mtok *m = &ms->mt[i];
    if (m->cls & (RPD_C_DET | RPD_C_QUANT | RPD_C_NUMWORD | RPD_C_OF)) return true;
    if (m->feat & (RP_F_NUM | RP_F_ADVERB)) return true;
    /* "up to 755", "some 60", "at least 23" */
    return false;
}

/* Event nouns that stand for the last event: "that move", "the decision". */
static bool event_anaphor(const rp_msent *ms, uint32_t i) {
    static const char *const nouns[] = {"move", "moves", "decision", "step", "steps", "measure",
                                        "measures", "action", "actions", "expulsion",
                                        "expulsions", "closure", "closures", "retaliation",
                                        "response", "order", "announcement", NULL};
    if (i == 0 || !(ms->mt[i - 1].cls & RPD_C_DET)) return false;
    const rp_tok *t = &ms->toks[i];
    for (size_t k = 0; nouns[k]; k++)
        if (rp_ieq(ms->text + t->off, t->len, nouns[k])) return true;
    return false;
}

/* "the jailed leader", "from occupied land", "as jailed intifada leader":
 * a participle between a determiner, possessive or preposition and a noun
 * describes, it reports no act. */
bool rp_adjectival_participle(const rp_msent *ms, uint32_t a) {
    if (a == 0 || a + 1 >= ms->n || !(ms->mt[a].feat & RP_F_ED) || (ms->mt[a].feat & RP_F_CAP)) return false;
    const rp_mtok *p = &ms->mt[a - 1], *n = &ms->mt[a + 1];
    const rp_tok *pt = &ms->toks[a - 1];
    bool before = (p->cls & (RPD_C_DET | RPD_C_POSS | RPD_C_PREP)) || rp_ieq(ms->text + pt->off, pt->len, "as");
    if (!before || (p->cls & RPD_C_REL)) return false;
    /* "Poland each expelled", "they both signed": floating quantifiers */
    if (rp_ieq(ms->text + pt->off, pt->len, "each") || rp_ieq(ms->text + pt->off, pt->len, "both") ||
        rp_ieq(ms->text + pt->off, pt->len, "all"))
        return false;
    /* the next word is a noun or a modifier: not a preposition, article, punctuation */
    return !(n->feat & (RP_F_PUNCT | RP_F_NUM)) && !(n->cls & (RPD_C_PREP | RPD_C_DET | RPD_C_CONJ)) && !n->pat_n;
}

int32_t rp_slot_after(const rp_sent_ctx *sc, uint32_t from, bool place_ok, uint32_t *end) {
    const rp_msent *ms = sc->ms;
    uint32_t other = 0;
    for (uint32_t i = from; i < ms->n && i < from + SLOT_SPAN; i++) {
        int32_t m = sc->men_at[i];
        if (m >= 0) {
            const rp_mention *men = &sc->men[m];
            if ((men->ref.flags & RP_M_PLACE) && (!place_ok || men->start > from)) return -1;
            *end = men->end;
            return m;
        }
        if (event_anaphor(ms, i)) {
            *end = i + 1;
            return -2;
        }
        /* "criticised his remarks", "blasted their decision": the owner */
        if ((ms->mt[i].cls & (RPD_C_PERSPRON | RPD_C_GROUPPRON)) && (ms->mt[i].cls & RPD_C_DET) &&
            i + 1 < ms->n && sc->men_at[i + 1] < 0 &&
            !(ms->mt[i + 1].feat & (RP_F_PUNCT | RP_F_NUM)) && !event_anaphor(ms, i + 1)) {
            *end = i + 2;
            return RP_PRONOUN_BASE - (int32_t)i;
        }
        if (gap_stopper(ms, i) || (ms->mt[i].feat & RP_F_DASH)) return -1;
        if (skippable(ms, i)) continue; /* before the next test: "that" is also a determiner */
        /* "asked it to reduce", "told them to leave": an object pronoun */
        if ((ms->mt[i].cls & RPD_C_PRON) && (ms->mt[i].cls & (RPD_C_PERSPRON | RPD_C_GROUPPRON)) &&
            i == from) {
            *end = i + 1;
            return RP_PRONOUN_BASE - (int32_t)i;
        }
        if (ms->mt[i].cls & (RPD_C_REL | RPD_C_CONJ | RPD_C_BE | RPD_C_MODAL | RPD_C_PRON)) return -1;
        /* another verb pattern's anchor usually starts another clause */
        if (i > from && ms->mt[i].pat_n && !(ms->mt[i].cls & RPD_C_PREP) && !rp_adjectival_participle(ms, i))
            return -1;
        if (++other > SLOT_OTHER) return -1;
    }
    return -1;
}

/* Can some member of the synset occur in the sentence (its first word does)? */
static bool set_possible(const rp_sent_ctx *sc, uint32_t set) {
    if (!sc->set_state) return true;
    if (!sc->set_state[set]) {
        const rp_dict *d = sc->cx->dict;
        const rpd_synset *s = &d->synsets[set];
        uint8_t st = 2;
        for (uint32_t m = 0; m < s->member_n && st == 2; m++) {
            uint32_t w = d->swords[d->smembers[s->member_first + m].word_first];
            if (sc->present[w >> 3] & (1u << (w & 7))) st = 1;
        }
        sc->set_state[set] = st;
    }
    return sc->set_state[set] == 1;
}

static bool noun_position(const rp_sent_ctx *sc, uint32_t a) {
    const rp_msent *ms = sc->ms;
    if (a == 0) return false;
    const rp_mtok *p = &ms->mt[a - 1];
    if (p->cls & RPD_C_REL) return false; /* "that expelled" */
    if (p->cls & (RPD_C_DET | RPD_C_POSS)) {
        /* "Poland each expelled", "they both signed": floating quantifiers */
        const rp_tok *q = &ms->toks[a - 1];
        const char *w = ms->text + q->off;
        bool floating = rp_ieq(w, q->len, "each") || rp_ieq(w, q->len, "both") || rp_ieq(w, q->len, "all");
        const rp_tok *t = &ms->toks[a];
        bool verb_form = (ms->mt[a].feat & RP_F_ED) || ms->text[t->off + t->len - 1] == 's';
        return !(floating && verb_form);
    }
    /* "a 24-hour boycott", "the planned visit": a determiner, then one or two
     * modifiers (a number, a hyphenated word, a participle, an adjective ending) */
    {
        uint32_t k = a, mods = 0;
        while (k > 0 && mods < 2) {
            const rp_tok *t = &ms->toks[k - 1];
            const char *w = ms->text + t->off;
            bool mod = (ms->mt[k - 1].feat & RP_F_NUM) || memchr(w, '-', t->len) ||
                       (ms->mt[k - 1].feat & RP_F_ED) ||
                       (t->len > 4 && (!memcmp(w + t->len - 2, "al", 2) || !memcmp(w + t->len - 3, "ive", 3) ||
                                       !memcmp(w + t->len - 3, "ful", 3) || !memcmp(w + t->len - 3, "ous", 3)));
            if (!mod || sc->men_at[k - 1] >= 0 || ms->mt[k - 1].pat_n) break;
            k--, mods++;
        }
        if (mods && k > 0 && (ms->mt[k - 1].cls & (RPD_C_DET | RPD_C_POSS)) && !(ms->mt[k - 1].cls & RPD_C_REL))
            return true;
    }
    /* "a UN meeting", "the Russian attack": a determiner, an actor without an
     * agent, then a word without past or third-person ending ("the US
     * ordered", "the rebels attack" stay verbs) */
    int32_t m = sc->men_at[a - 1];
    if (m < 0 || sc->men[m].ref.agent >= 0) return false;
    const rp_tok *t = &ms->toks[a];
    char last = ms->text[t->off + t->len - 1];
    if ((ms->mt[a].feat & RP_F_ED) || last == 's') return false;
    uint32_t st = sc->men[m].start;
    return st > 0 && (ms->mt[st - 1].cls & RPD_C_DET) && !(ms->mt[st - 1].cls & RPD_C_REL);
}

/* The object of a relative clause: "the 35 diplomats, whom it accused of
 * spying", "60 Russian diplomats it described as intelligence officers".
 * The verb at `a` has its subject right before it (a mention or a
 * pronoun), and before that "whom"/"that"/"which" or nothing; the mention
 * before them is the object. Returns it, or -1. */
static int32_t relative_antecedent(const rp_sent_ctx *sc, uint32_t a) {
    const rp_msent *ms = sc->ms;
    uint32_t j = a;
    while (j > 0 && (ms->mt[j - 1].feat & RP_F_ADVERB)) j--;
    if (j == 0) return -1;
    uint32_t subj_start;
    int32_t sm = sc->men_at[j - 1];
    if (sm >= 0) subj_start = sc->men[sm].start;
    else if (ms->mt[j - 1].cls & (RPD_C_PERSPRON | RPD_C_GROUPPRON)) subj_start = j - 1;
    else return -1;
    uint32_t i = subj_start;
    bool rel = false;
    if (i > 0 && (ms->mt[i - 1].cls & RPD_C_REL) && !rp_ieq(ms->text + ms->toks[i - 1].off, ms->toks[i - 1].len, "who")) {
        rel = true;
        i--;
    }
    if (i > 0 && rel && (ms->mt[i - 1].feat & RP_F_COMMA)) i--;
    if (i == 0) return -1;
    int32_t ante = sc->men_at[i - 1];
    if (ante < 0 || ante == sm || (sc->men[ante].ref.flags & RP_M_PLACE)) return -1;
    /* without a relative word, two mentions side by side ("diplomats it
     * described"): only with a pronoun subject */
    if (!rel && sm >= 0) return -1;
    return ante;
}

typedef struct try_state {
    rp_pmatch m;
    bool ok;
} try_state;

static void try_pattern(const rp_sent_ctx *sc, uint32_t pi, uint32_t a, bool passive,
                        try_state *st) {
    const rp_dict *d = sc->cx->dict;
    const rpd_pattern *p = &d->patterns[pi];
    const rpd_pelem *e = d->pelems + p->elem_first;
    uint32_t end;
    st->ok = false;
    /* every word the pattern needs must occur in the sentence */
    if (sc->present)
        for (uint32_t k = p->anchor + 1; k < p->elem_n; k++) {
            if ((e[k].kind == RPD_E_WORD || e[k].kind == RPD_E_EXACT) &&
                !(sc->present[e[k].a >> 3] & (1u << (e[k].a & 7))))
                return;
            if (e[k].kind == RPD_E_SET && !set_possible(sc, e[k].a)) return;
        }
    if (!elem_at(sc, &e[p->anchor], a, &end)) return;
    if (!(p->flags & RPD_P_NOUN) && noun_position(sc, a)) return;
    rp_pmatch m = {pi, end, end, -1, -1, -1, p->score};
    uint32_t pos = end, slot_end = 0;
    bool after_prep = false; /* the previous element was a preposition word */
    for (uint32_t k = p->anchor + 1; k < p->elem_n; k++) {
        if (e[k].kind == RPD_E_SRC || e[k].kind == RPD_E_TGT || e[k].kind == RPD_E_BOTH) {
            if (passive) continue; /* the by-phrase and the subject decide */
            uint32_t send;
            int32_t men = rp_slot_after(sc, pos, after_prep, &send);
            if (men == -1 && e[k].kind == RPD_E_TGT && k == p->anchor + 1) {
                /* "diplomats whom it accused of spying": the antecedent */
                men = relative_antecedent(sc, a);
                if (men >= 0) {
                    m.tgt = men;
                    continue; /* the next element follows the verb */
                }
            }
            if (men == -1) return;
            if (e[k].kind == RPD_E_SRC) m.src = men;
            else if (e[k].kind == RPD_E_TGT) m.tgt = men;
            else m.both = men;
            /* the next word may be a word of the mention (its head noun) */
            pos = men >= 0 ? sc->men[men].start : send;
            slot_end = send;
            if (send > m.end) m.end = send;
            after_prep = false;
            continue;
        }
        after_prep = e[k].kind == RPD_E_EXACT && (sc->cx->dict->words[e[k].a].cls & RPD_C_PREP);
        uint32_t at, wend;
        /* after a slot, a preposition follows the whole mention */
        uint32_t from = pos;
        if (k > 0 && (e[k - 1].kind == RPD_E_SRC || e[k - 1].kind == RPD_E_TGT || e[k - 1].kind == RPD_E_BOTH) &&
            e[k].kind == RPD_E_EXACT && (sc->cx->dict->words[e[k].a].cls & RPD_C_PREP) && slot_end > from)
            from = slot_end;
        if (!elem_find(sc, &e[k], from, &at, &wend)) return;
        pos = wend;
        m.last_word = wend;
        if (wend > m.end) m.end = wend;
    }
    st->m = m;
    st->ok = true;
}

uint32_t rp_match_patterns(const rp_sent_ctx *sc, uint32_t a, bool passive, rp_pmatch *out,
                           uint32_t cap) {
    const rp_msent *ms = sc->ms;
    const rp_mtok *t = &ms->mt[a];
    uint32_t n = 0;
    for (uint32_t k = 0; k < t->pat_n; k++) {
        uint32_t pi = ms->pats[t->pat_first + k];
        try_state st;
        try_pattern(sc, pi, a, passive, &st);
        if (!st.ok) continue;
        /* insertion into the best-first list */
        uint32_t at = n;
        while (at > 0 && (out[at - 1].score < st.m.score ||
                          (out[at - 1].score == st.m.score && out[at - 1].pattern > st.m.pattern)))
            at--;
        if (at >= cap) continue;
        if (n < cap) n++;
        memmove(&out[at + 1], &out[at], (n - 1 - at) * sizeof *out);
        out[at] = st.m;
    }
    return n;
}
