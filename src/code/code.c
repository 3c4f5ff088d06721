/*
 * code.c — the code stage's sentence driver.
 *
 * For one sentence: build the mentions, then visit the anchor tokens left to
 * right. At each: read the verb group (negation, modality, passive), pick the
 * best pattern, find the source (explicit slot, else the subject: the nearest
 * actor to the left in the clause, the shared subject of coordinated verbs,
 * a resolved pronoun, or the subject of the main clause for a fronted
 * participle) and the target (slot, else the direct object), swap them for a
 * passive, map the code for modality, and emit one event per source-target
 * pair (compounds expand; paired codes add the reciprocal event). Every
 * decision is written to the explanation when one is asked for.
 */
#include "code.h"

#include <stdio.h>

/* ---------------------------------------------------------------- explanation */

static void say(const rp_sent_ctx *sc, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(const rp_sent_ctx *sc, const char *fmt, ...) {
    rp_buf *b = sc->cx->explain;
    if (!b) return;
    va_list ap;
    va_start(ap, fmt);
    rp_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

static void say_span(const rp_sent_ctx *sc, uint32_t s, uint32_t e) {
    const rp_msent *ms = sc->ms;
    if (!sc->cx->explain || s >= e || e > ms->n) return;
    size_t off = ms->toks[s].off, end = ms->toks[e - 1].off + ms->toks[e - 1].len;
    rp_buf_printf(sc->cx->explain, "'%.*s'", (int)(end - off), ms->text + off);
}

static void explain_hits(const rp_sent_ctx *sc) {
    const rp_msent *ms = sc->ms;
    const rp_dict *d = sc->cx->dict;
    if (!sc->cx->explain) return;
    for (uint32_t m = 0; m < sc->nmen; m++) {
        const rp_mention *men = &sc->men[m];
        say(sc, "  mention %u: ", m);
        say_span(sc, men->start, men->end);
        if (men->ref.actor >= 0) {
            const rpd_actor *a = &d->actors[men->ref.actor];
            size_t fl;
            const char *fn = rpd_file_name(d, a->file, &fl);
            say(sc, " actor %.*s%s (%.*s:%u)", (int)d->acodes[a->code_first].len,
                d->str + d->acodes[a->code_first].str, a->code_n > 1 ? " ... (dated codes)" : "",
                (int)fl, fn, a->line);
        }
        if (men->ref.agent >= 0) {
            const rpd_agent *g = &d->agents[men->ref.agent];
            say(sc, " agent %.*s", (int)g->len, d->str + g->str);
        }
        if (men->ref.flags & RP_M_PLACE) say(sc, " [place: not an actor here]");
        if (men->group >= 0) say(sc, " [compound with mention %d]", men->group);
        say(sc, "\n");
    }
    (void)ms;
}

/* ---------------------------------------------------------------- subjects */

#define PRONOUN_BASE RP_PRONOUN_BASE

static bool coordinated(const rp_msent *ms, uint32_t from, uint32_t to) {
    bool link = false;
    for (uint32_t i = from; i < to; i++) {
        if (ms->mt[i].cls & RPD_C_REL) return false;
        if ((ms->mt[i].feat & RP_F_COMMA) || (ms->mt[i].cls & RPD_C_CONJ)) link = true;
    }
    return link;
}

/* "X visited Y, which then attacked Z": a relative pronoun makes Y a subject. */
static bool relative_follows(const rp_msent *ms, uint32_t from, uint32_t to) {
    for (uint32_t i = from; i < to; i++)
        if ((ms->mt[i].cls & RPD_C_REL) && !(ms->mt[i].cls & RPD_C_DET)) return true;
    return false;
}

/* "after Congress passed", "when Russia expelled": a word that opens a clause. */
static bool after_subordinator(const rp_msent *ms, uint32_t start) {
    static const char *const subs[] = {"after", "before", "since", "until", "as", "once", "while",
                                       "when", "because", "although", "though", "if", "unless",
                                       "whereas", NULL};
    uint32_t i = start;
    while (i > 0 && (ms->mt[i - 1].cls & RPD_C_DET)) i--;
    if (i == 0) return false;
    const rp_tok *t = &ms->toks[i - 1];
    for (size_t k = 0; subs[k]; k++)
        if (rp_ieq(ms->text + t->off, t->len, subs[k])) return true;
    return false;
}

static bool subject_pronoun(const rp_msent *ms, uint32_t i) {
    const rp_tok *t = &ms->toks[i];
    const char *w = ms->text + t->off;
    return rp_ieq(w, t->len, "he") || rp_ieq(w, t->len, "she") || rp_ieq(w, t->len, "it") ||
           rp_ieq(w, t->len, "they");
}

/* Subject of the verb whose group starts at g: a mention index, a pronoun
 * (PRONOUN_BASE - token), or -1. */
/* The "(" of a short parenthesis closed at i (up to 8 tokens, no other
 * break inside), or UINT32_MAX. */
static uint32_t paren_open(const rp_msent *ms, uint32_t i) {
    if (!rp_tok_is(ms, i, ')')) return UINT32_MAX;
    for (uint32_t k = i; k-- > 0 && i - k <= 8;) {
        if (rp_tok_is(ms, k, '(')) return k;
        if (ms->mt[k].feat & (RP_F_BREAK | RP_F_QUOTE)) return UINT32_MAX;
    }
    return UINT32_MAX;
}

static int32_t find_subject(const rp_sent_ctx *sc, uint32_t a, uint32_t g) {
    const rp_msent *ms = sc->ms;
    int32_t fallback = -1;
    for (uint32_t i = g; i-- > 0;) {
        if (ms->mt[i].feat & RP_F_BREAK) {
            /* "The Asia-Pacific Economic Cooperation (APEC) forum has agreed": a
             * short parenthesis is passed over */
            uint32_t open = paren_open(ms, i);
            if (open == UINT32_MAX) break;
            i = open;
            continue;
        }
        int32_t m = sc->men_at[i];
        if (m >= 0) {
            const rp_mention *men = &sc->men[m];
            i = men->start; /* continue left of it */
            if (men->ref.flags & RP_M_PLACE) continue;
            if (men->verb >= 0 && men->verb < (int32_t)a) {
                /* the object of an earlier verb: coordinated verbs share that
                 * verb's subject; otherwise look further left */
                if (coordinated(ms, men->end, g) && men->verb_src >= 0) return men->verb_src;
                if (!relative_follows(ms, men->end, g)) continue;
            }
            /* "after Congress passed": right before the verb it is a subject,
             * whatever word precedes it */
            bool adjacent = men->end == g && after_subordinator(ms, men->start);
            if ((men->ref.flags & RP_M_PREP) && !(men->ref.flags & RP_M_POSS) && !adjacent) {
                if (fallback < 0) fallback = m;
                continue;
            }
            return m;
        }
        if (subject_pronoun(ms, i) && fallback < 0) return PRONOUN_BASE - (int32_t)i;
    }
    return fallback;
}

/* "In a statement blasting that move, the State Department directed ...":
 * the subject of the main clause after the fronted phrase. */
static int32_t main_clause_subject(const rp_sent_ctx *sc, uint32_t a) {
    const rp_msent *ms = sc->ms;
    bool quote = false;
    for (uint32_t i = a + 1; i < ms->n; i++) {
        if (ms->mt[i].feat & RP_F_QUOTE) quote = !quote;
        if (quote || !(ms->mt[i].feat & RP_F_COMMA)) continue;
        for (uint32_t k = i + 1; k < ms->n && k < i + 6; k++) {
            int32_t m = sc->men_at[k];
            if (m >= 0 && !(sc->men[m].ref.flags & RP_M_PLACE)) return m;
            if (ms->mt[k].feat & (RP_F_BREAK | RP_F_COMMA)) break;
        }
        return -1;
    }
    return -1;
}

static bool resolve_pronoun(const rp_sent_ctx *sc, uint32_t tok, rp_actref *out) {
    const rp_msent *ms = sc->ms;
    const rp_discourse *disc = &sc->cx->disc;
    const rp_tok *t = &ms->toks[tok];
    const char *w = ms->text + t->off;
    bool person = (ms->mt[tok].cls & RPD_C_PERSPRON) != 0;
    bool it = rp_ieq(w, t->len, "it") || rp_ieq(w, t->len, "its");
    /* nearest fitting mention earlier in the sentence */
    for (uint32_t i = tok; i-- > 0;) {
        int32_t m = sc->men_at[i];
        if (m < 0) continue;
        const rp_mention *men = &sc->men[m];
        i = men->start;
        if (men->ref.flags & (RP_M_PLACE | RP_M_PREP)) continue;
        if (men->ref.actor < 0) continue;
        if (it) {
            /* "it" is one body, and not the one just acted on: "the US expelled
             * 35 diplomats, whom it accused ..." */
            const rp_tok *last = &ms->toks[men->end - 1];
            bool plural_people = men->ref.agent >= 0 && ms->text[last->off + last->len - 1] == 's';
            if (plural_people || men->verb >= 0) continue;
        }
        if (((men->ref.flags & RP_M_PERSON) != 0) == person) {
            *out = men->ref;
            return true;
        }
    }
    if (person && disc->have_person) {
        *out = disc->last_person;
        return true;
    }
    if (!person && disc->have_subject && !(disc->last_subject.flags & RP_M_PERSON)) {
        *out = disc->last_subject;
        return true;
    }
    if (!person && disc->have_group) {
        *out = disc->last_group;
        return true;
    }
    return false;
}

/* The mention after "by" following the verb (passive agent), or -1. */
static int32_t by_agent(const rp_sent_ctx *sc, uint32_t from) {
    const rp_msent *ms = sc->ms;
    for (uint32_t i = from; i < ms->n && i < from + 6; i++) {
        if (ms->mt[i].feat & (RP_F_BREAK | RP_F_COMMA)) return -1;
        if (ms->mt[i].cls & RPD_C_BY) {
            uint32_t end;
            int32_t m = rp_slot_after(sc, i + 1, true, &end);
            return m >= 0 ? m : -1;
        }
    }
    return -1;
}

/* ---------------------------------------------------------------- events */

typedef struct role {
    bool ok;           /* resolved */
    int32_t mention;   /* mention index in this sentence, or -1 (refs from elsewhere) */
    rp_actref ref;     /* what it names */
} role;

/* Both references name actors whose first codes share a country. */
static bool same_first_country(const rp_dict *d, const rp_actref *a, const rp_actref *b) {
    const char *x = rp_actor_country(d, a->actor), *y = rp_actor_country(d, b->actor);
    return x && y && memcmp(x, y, 3) == 0;
}

static role role_of_mention(const rp_sent_ctx *sc, int32_t m) {
    role r = {false, -1, {-1, -1, 0, 0, 0}};
    if (m >= 0) {
        r.ok = true;
        r.mention = m;
        r.ref = sc->men[m].ref;
    } else if (m == -2) {
        /* "that move", "the decision": the source of the last act reported,
         * made or not ("Putin said Russia would not expel ...; Trump welcomed
         * the decision"), else of the last event, between two countries (one
         * inside a country, RUS on RUSGOV, is dropped later) */
        const rp_discourse *disc = &sc->cx->disc;
        if (disc->have_act && !same_first_country(sc->cx->dict, &disc->act_src, &disc->act_tgt)) {
            r.ok = true;
            r.ref = disc->act_src;
            return r;
        }
        const rp_vec *ev = sc->cx->events;
        for (size_t k = ev->len; k-- > 0;) {
            const rp_cevent *e = RP_VEC_AT(ev, rp_cevent, k);
            if (same_first_country(sc->cx->dict, &e->src, &e->tgt)) continue;
            r.ok = true;
            r.ref = e->src;
            break;
        }
    } else if (m <= PRONOUN_BASE) {
        r.ok = resolve_pronoun(sc, (uint32_t)(PRONOUN_BASE - m), &r.ref);
    }
    return r;
}

/* The members of a role: the mention's compound group, or the role itself. */
static uint32_t members(const rp_sent_ctx *sc, const role *r, role *out, uint32_t cap) {
    if (!r->ok) return 0;
    if (r->mention < 0 || sc->men[r->mention].group < 0) {
        out[0] = *r;
        return 1;
    }
    int32_t g = sc->men[r->mention].group;
    uint32_t n = 0;
    for (uint32_t m = (uint32_t)g; m < sc->nmen && n < cap; m++)
        if (sc->men[m].group == g) out[n++] = role_of_mention(sc, (int32_t)m);
    return n;
}

static bool same_ref(const rp_actref *a, const rp_actref *b) {
    return a->actor == b->actor && a->agent == b->agent && a->start == b->start &&
           (a->flags & RP_M_OWNGOV) == (b->flags & RP_M_OWNGOV);
}

/* Another verb or event noun that could have its own date ("over the
 * poisoning of X on 4 March"); attribution verbs are not ("said on Monday"). */
static bool date_barrier(const rp_sent_ctx *sc, uint32_t i) {
    const rp_msent *ms = sc->ms;
    if (sc->men_at[i] >= 0) return false; /* a word of an actor: "US forces" */
    return (ms->mt[i].feat & RP_F_ANCHOR) && !(ms->mt[i].cls & RPD_C_SAY) && !(ms->mt[i].feat & RP_F_TIME);
}

/* "retaliated by ordering out": a verb whose means is the event's verb is
 * the same act, and its date is the event's */
static bool means_of(const rp_msent *ms, uint32_t v, uint32_t a) {
    return v + 2 == a && (ms->mt[v + 1].cls & RPD_C_BY);
}

static bool push_event(const rp_sent_ctx *sc, const rp_actref *src, const rp_actref *tgt,
                       const char *code, const rp_pmatch *pm, uint32_t a, const char *mode,
                       bool passive) {
    if (same_ref(src, tgt)) return true;
    rp_cevent *e = rp_vec_push(sc->cx->events);
    if (!e) return false;
    e->sent = sc->sent;
    e->src = *src;
    e->tgt = *tgt;
    memcpy(e->code, code, 8);
    e->pattern = pm->pattern;
    e->anchor = sc->base + a;
    e->verb_start = sc->base + a;
    e->verb_end = sc->base + pm->last_word;
    e->mode = mode;
    e->passive = passive;
    uint32_t lo = a, hi = pm->last_word;
    /* coordinated verbs share a date: "in December, Obama expelled X and sanctioned Y" */
    while (lo > 0 && (sc->coded[lo - 1] || !date_barrier(sc, lo - 1) || means_of(sc->ms, lo - 1, a))) lo--;
    while (hi < sc->ms->n && !date_barrier(sc, hi)) hi++;
    e->date_lo = sc->base + lo;
    e->date_hi = sc->base + hi;
    return true;
}

typedef struct anchor_result {
    rp_pmatch pm;
    role src, tgt;
    bool both;          /* % pattern: the compound acts on itself */
    rp_modality mod;
    bool passive;
} anchor_result;

static bool emit(const rp_sent_ctx *sc, uint32_t a, const anchor_result *r) {
    const rp_dict *d = sc->cx->dict;
    const rpd_pattern *p = &d->patterns[r->pm.pattern];
    if (r->src.ok && r->tgt.ok) {
        rp_discourse *disc = &sc->cx->disc;
        disc->act_src = r->src.ref;
        disc->act_tgt = r->tgt.ref;
        disc->have_act = true;
    }
    char code[8], code2[8];
    const char *mode, *mode2;
    if (!rp_modal_code(r->mod, p->code, code, &mode)) {
        say(sc, "    -> no event: %s\n", r->mod == RP_MOD_NEG ? "negated" : "modality");
        return true;
    }
    /* the reciprocal of a paired code (a visit's hosting) is reported only
     * for what happened, not for what was intended or threatened */
    bool paired = p->code2[0] && !*mode && rp_modal_code(r->mod, p->code2, code2, &mode2) && !*mode2;
    role s[16], t[16];
    uint32_t ns = members(sc, &r->src, s, 16), nt = members(sc, &r->tgt, t, 16);
    if (r->both) {
        nt = ns;
        memcpy(t, s, sizeof(role) * ns);
    }
    if (!ns || !nt || (r->both && ns < 2)) {
        if (r->both && ns == 1) {
            say(sc, "    -> no event: one actor for a joint action\n");
            return true;
        }
        say(sc, "    -> no event: %s\n", !ns ? "no source actor" : "no target actor");
        return true;
    }
    for (uint32_t i = 0; i < ns; i++)
        for (uint32_t k = 0; k < nt; k++) {
            if (r->both && i == k) continue;
            if (!push_event(sc, &s[i].ref, &t[k].ref, code, &r->pm, a, mode, r->passive))
                return false;
            if (paired && !r->both &&
                !push_event(sc, &t[k].ref, &s[i].ref, code2, &r->pm, a, mode2, r->passive))
                return false;
            say(sc, "    -> event %s%s%s\n", code, *mode ? " " : "", mode);
        }
    return true;
}

/* Events that fall on a place when no one is named: protests, curfews,
 * deployments, raids, attacks and their easing ("imposed a curfew in
 * Baghdad", "demonstrated in Kosovo", "lifted the state of emergency in Aceh"). */
static bool place_event(const char *code) {
    static const char *const roots[] = {"14", "15", "17", "18", "19", "20", "0811", "0813", "0814",
                                        "087", NULL};
    for (size_t k = 0; roots[k]; k++)
        if (!strncmp(code, roots[k], strlen(roots[k]))) return true;
    return false;
}

/* The place right after the verb phrase ending at `from`: "in Baghdad",
 * "into northern Syria", "across the country of X". */
static int32_t place_of_event(const rp_sent_ctx *sc, uint32_t from) {
    const rp_msent *ms = sc->ms;
    static const char *const preps[] = {"in", "into", "inside", "across", "throughout", NULL};
    for (uint32_t i = from; i < ms->n && i < from + 8; i++) {
        if ((ms->mt[i].feat & (RP_F_BREAK | RP_F_QUOTE)) || rp_tok_is(ms, i, '.')) return -1;
        bool prep = false;
        for (size_t k = 0; preps[k]; k++)
            if (rp_ieq(ms->text + ms->toks[i].off, ms->toks[i].len, preps[k])) prep = true;
        if (!prep) continue;
        uint32_t j = i + 1;
        while (j < ms->n && (ms->mt[j].cls & RPD_C_DET)) j++;
        j = rp_skip_place_noun(ms, j);
        int32_t m = j < ms->n ? sc->men_at[j] : -1;
        if (m >= 0 && (sc->men[m].ref.flags & RP_M_PLACE) && sc->men[m].ref.actor >= 0) return m;
        return -1;
    }
    return -1;
}

/* The actor is a government, an army or a police force: they do not protest. */
static bool governing_agent(const rp_dict *d, const rp_actref *ref) {
    return rp_agent_role_is(d, ref->agent, "GOV") || rp_agent_role_is(d, ref->agent, "MIL") ||
           rp_agent_role_is(d, ref->agent, "COP");
}

/* The first compound ("X and Y") within a few words after `from`, in the
 * same clause, or -1. */
static int32_t compound_after(const rp_sent_ctx *sc, uint32_t from) {
    const rp_msent *ms = sc->ms;
    for (uint32_t i = from; i < ms->n && i < from + 8; i++) {
        if ((ms->mt[i].feat & (RP_F_BREAK | RP_F_QUOTE | RP_F_COMMA)) || rp_tok_is(ms, i, '.')) return -1;
        int32_t m = sc->men_at[i];
        if (m >= 0 && sc->men[m].group >= 0 && !(sc->men[m].ref.flags & RP_M_PLACE)) return m;
    }
    return -1;
}

/* Decides source and target for the pattern matched at a. */
static void assign_roles(const rp_sent_ctx *sc, uint32_t a, uint32_t g, anchor_result *r) {
    const rp_dict *d = sc->cx->dict;
    const rpd_pattern *p = &d->patterns[r->pm.pattern];
    int32_t subj = find_subject(sc, a, g);
    /* only a participle ("blasting that move, the State Department ...") takes
     * the main clause's subject; a finite verb has a subject we did not know */
    if (subj == -1 && r->pm.src < 0 && (sc->ms->mt[a].feat & RP_F_ING)) subj = main_clause_subject(sc, a);
    r->both = (p->flags & RPD_P_BOTH) != 0;
    if (r->mod == RP_MOD_DEMAND) {
        /* "X said Y must release Z": X demands of Y */
        uint32_t v = rp_demand_verb(sc, g);
        int32_t speaker = v != UINT32_MAX ? find_subject(sc, v, v) : -1;
        r->src = role_of_mention(sc, speaker);
        r->tgt = role_of_mention(sc, subj);
        r->both = false;
        return;
    }
    if (r->passive) {
        r->tgt = role_of_mention(sc, subj);
        r->src = role_of_mention(sc, by_agent(sc, r->pm.last_word));
        return;
    }
    if (r->both) {
        int32_t who = r->pm.both >= 0 ? r->pm.both : subj;
        /* "clashes that broke out between US troops and insurgents": a joint
         * action without a compound subject takes the compound that follows */
        if (who < 0 || sc->men[who].group < 0) {
            int32_t after = compound_after(sc, r->pm.last_word);
            if (after >= 0) who = after;
        }
        r->src = role_of_mention(sc, who);
        return;
    }
    r->src = role_of_mention(sc, r->pm.src != -1 ? r->pm.src : subj);
    int32_t tgt = r->pm.tgt;
    if (tgt == -1 && !(p->flags & RPD_P_HAS_TGT)) {
        uint32_t end;
        tgt = rp_slot_after(sc, r->pm.last_word, false, &end);
    }
    r->tgt = role_of_mention(sc, tgt);
    /* "The US and Jordan agreed on a pact", "Yugoslavia and Slovenia agreed to a
     * ceasefire": a compound subject without a target acts on itself */
    if (!r->tgt.ok && r->src.ok && r->pm.src == -1 && !(p->flags & RPD_P_HAS_TGT) &&
        r->src.mention >= 0 && sc->men[r->src.mention].group >= 0) {
        r->both = true;
        r->pm.both = r->src.mention;
    }
    if (!r->tgt.ok && r->src.ok && !r->both && !(p->flags & RPD_P_HAS_TGT) && place_event(p->code)) {
        int32_t m = place_of_event(sc, r->pm.last_word);
        if (m >= 0) {
            r->tgt = role_of_mention(sc, m);
            r->tgt.ref.flags |= RP_M_WHERE;
        }
    }
    /* "Thousands of Iraqi Kurds demonstrated": a protest naming no target nor
     * place is against the protesters' own government (the CAMEO convention) */
    if (!r->tgt.ok && r->src.ok && !r->both && !(p->flags & RPD_P_HAS_TGT) && !strncmp(p->code, "14", 2) &&
        r->src.ref.actor >= 0 && !governing_agent(sc->cx->dict, &r->src.ref)) {
        r->tgt = r->src;
        r->tgt.mention = -1;
        r->tgt.ref.agent = -1;
        r->tgt.ref.flags = RP_M_OWNGOV;
    }
}

static void mark_target(rp_sent_ctx *sc, uint32_t a, const anchor_result *r) {
    if (r->tgt.mention < 0 || r->passive) return;
    rp_mention *m = &sc->men[r->tgt.mention];
    m->verb = (int32_t)a;
    m->verb_src = r->src.mention;
    if (m->group >= 0)
        for (uint32_t k = (uint32_t)m->group; k < sc->nmen; k++)
            if (sc->men[k].group == m->group) {
                sc->men[k].verb = (int32_t)a;
                sc->men[k].verb_src = r->src.mention;
            }
}

static void explain_roles(const rp_sent_ctx *sc, const anchor_result *r) {
    if (r->src.ok) {
        say(sc, "    source ");
        if (r->src.mention >= 0) say_span(sc, sc->men[r->src.mention].start, sc->men[r->src.mention].end);
        else say(sc, "(resolved from an earlier mention)");
        say(sc, "\n");
    }
    if (r->tgt.ok) {
        say(sc, "    target ");
        if (r->tgt.mention >= 0) say_span(sc, sc->men[r->tgt.mention].start, sc->men[r->tgt.mention].end);
        else say(sc, "(resolved from an earlier mention)");
        say(sc, "\n");
    }
}

/* A gerund after "of", "about", "for", "over" reports what someone is
 * accused of, asked about, blamed for: not an event of its own. */
static bool reported_gerund(const rp_msent *ms, uint32_t a) {
    if (!(ms->mt[a].feat & RP_F_ING) || a == 0) return false;
    const rp_tok *p = &ms->toks[a - 1];
    const char *w = ms->text + p->off;
    return rp_ieq(w, p->len, "of") || rp_ieq(w, p->len, "about") || rp_ieq(w, p->len, "for") ||
           rp_ieq(w, p->len, "over");
}

enum { MAX_CANDIDATES = 8 };

static bool code_anchor(rp_sent_ctx *sc, uint32_t a, uint32_t *skip_to) {
    const rp_dict *d = sc->cx->dict;
    if (reported_gerund(sc->ms, a)) return true;
    /* a month or weekday name is a date, not a verb ("on 4 March") */
    if (sc->ms->mt[a].feat & RP_F_TIME) return true;
    if (rp_adjectival_participle(sc->ms, a)) return true;
    /* "US-backed", "Saudi-led": a compound adjective, not an event */
    if (a > 0 && rp_tok_is(sc->ms, a - 1, '-') && sc->ms->toks[a - 1].off + 1 == sc->ms->toks[a].off)
        return true;
    anchor_result r;
    memset(&r, 0, sizeof r);
    uint32_t g;
    r.mod = rp_verb_group(sc, a, &g, &r.passive);
    rp_pmatch cand[MAX_CANDIDATES];
    uint32_t nc = rp_match_patterns(sc, a, r.passive, cand, MAX_CANDIDATES);
    if (!nc && r.passive) {
        nc = rp_match_patterns(sc, a, false, cand, MAX_CANDIDATES);
        r.passive = false;
    }
    /* the best pattern whose roles can be filled; a null pattern stops the search */
    for (uint32_t k = 0; k < nc; k++) {
        r.pm = cand[k];
        const rpd_pattern *p = &d->patterns[r.pm.pattern];
        size_t fl;
        const char *fn = rpd_file_name(d, p->file, &fl);
        say(sc, "  anchor ");
        say_span(sc, a, a + 1);
        say(sc, ": pattern %.*s:%u [%s] matched ", (int)fl, fn, p->line,
            (p->flags & RPD_P_NULL) ? "---" : p->code);
        say_span(sc, a, r.pm.last_word);
        say(sc, "%s\n", r.passive ? " (passive)" : "");
        *skip_to = r.pm.last_word;
        if (p->flags & RPD_P_NULL) {
            say(sc, "    -> no event: null pattern\n");
            return true;
        }
        assign_roles(sc, a, g, &r);
        explain_roles(sc, &r);
        if (!r.src.ok || (!r.tgt.ok && !r.both)) {
            say(sc, "    -> %s; trying the next pattern\n", !r.src.ok ? "no source" : "no target");
            continue;
        }
        mark_target(sc, a, &r);
        for (uint32_t t = a; t < r.pm.last_word && t < sc->ms->n; t++) sc->coded[t] = 1; /* the whole verb phrase */
        return emit(sc, a, &r);
    }
    if (nc) say(sc, "    -> no event: no pattern found both actors\n");
    return true;
}

static void update_discourse(rp_sent_ctx *sc) {
    rp_discourse *disc = &sc->cx->disc;
    for (uint32_t m = 0; m < sc->nmen; m++) {
        const rp_mention *men = &sc->men[m];
        if ((men->ref.flags & RP_M_PLACE) || men->ref.actor < 0) continue;
        /* people located only by the sentence's place ("a man", "Mr Skripal")
         * are not who a later "she" or "he" means */
        if ((men->ref.flags & (RP_M_PERSON | RP_M_INFERRED)) == (RP_M_PERSON | RP_M_INFERRED)) continue;
        if (men->ref.flags & RP_M_PERSON) {
            disc->last_person = men->ref;
            disc->have_person = true;
        } else if (!(men->ref.flags & RP_M_PREP)) {
            disc->last_group = men->ref;
            disc->have_group = true;
        }
    }
    rp_vec *ev = sc->cx->events;
    if (ev->len > sc->first_event) {
        disc->last_subject = RP_VEC_AT(ev, rp_cevent, ev->len - 1)->src;
        disc->have_subject = true;
    }
}

bool rp_code_sentence(rp_code_ctx *cx, const rp_msent *ms, uint32_t sent, uint32_t base) {
    rp_sent_ctx sc;
    memset(&sc, 0, sizeof sc);
    sc.cx = cx;
    sc.ms = ms;
    sc.sent = sent;
    sc.base = base;
    sc.first_event = cx->events->len;
    rp_set_memo memo;
    memo.used = 0;
    memset(memo.key, 0, sizeof memo.key);
    sc.memo = &memo;
    /* which words and lemmas occur: patterns needing another word are skipped at once */
    const rp_dict *d = cx->dict;
    uint8_t *present = cx->present;
    for (uint32_t i = 0; present && i < ms->n; i++) {
        uint32_t w = ms->mt[i].word;
        present[w >> 3] |= (uint8_t)(1u << (w & 7));
        const rpd_word *rw = &d->words[w];
        for (uint32_t l = 0; l < rw->lemma_n; l++) {
            uint32_t id = d->lemmas[rw->lemma_first + l] & RPD_L_ID;
            present[id >> 3] |= (uint8_t)(1u << (id & 7));
        }
    }
    sc.present = present;
    sc.set_state = rp_arena_zalloc(cx->arena, d->nsynsets ? d->nsynsets : 1);
    sc.coded = rp_arena_zalloc(cx->arena, ms->n ? ms->n : 1);
    if (!sc.set_state || !sc.coded) return false;
    if (!rp_build_mentions(&sc)) return false;
    explain_hits(&sc);
    for (uint32_t a = 0; a < ms->n;) {
        uint32_t skip = a + 1;
        if (ms->mt[a].pat_n && sc.men_at[a] < 0 && !code_anchor(&sc, a, &skip)) return false;
        /* words a pattern used are not anchors of their own */
        a = skip > a ? skip : a + 1;
    }
    update_discourse(&sc);
    /* leave the bitmap all zero for the next sentence */
    for (uint32_t i = 0; present && i < ms->n; i++) {
        uint32_t w = ms->mt[i].word;
        present[w >> 3] = 0;
        const rpd_word *rw = &d->words[w];
        for (uint32_t l = 0; l < rw->lemma_n; l++) present[(d->lemmas[rw->lemma_first + l] & RPD_L_ID) >> 3] = 0;
    }
    return true;
}
