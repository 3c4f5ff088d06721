/*
 * mentions.c — from actor and agent hits to actor mentions.
 *
 * A mention is the noun phrase that names one actor. Hits join into one
 * mention when they are adjacent ("US President Donald Trump", "Kremlin
 * spokesman Dmitry Peskov"), linked by a possessive ("Russia's foreign
 * minister") or, for an agent still without a country, by of/for/from
 * ("officials of Iran", "a spokesman for the Kremlin"). Honorifics and
 * "former" may stand in between. Two actors of different countries never
 * join.
 *
 * Then: places (every mention after a locative preposition, a whole list
 * "in New York, Washington and San Francisco" when the preposition is not
 * fronted), appositions ("Vladimir Putin, the Russian president,") and
 * compounds ("the US and Russia", "Britain, France and Germany").
 */
#include "code.h"

bool rp_agent_role_is(const rp_dict *d, int32_t agent, const char *role) {
    if (agent < 0) return false;
    const rpd_agent *g = &d->agents[agent];
    return g->len >= 3 && !memcmp(d->str + g->str, role, 3);
}

const char *rp_actor_country(const rp_dict *d, int32_t actor) {
    if (actor < 0) return NULL;
    const rpd_actor *a = &d->actors[actor];
    if (!a->code_n) return NULL;
    return d->str + d->acodes[a->code_first].str;
}

static bool same_country(const rp_dict *d, int32_t a, int32_t b) {
    const char *x = rp_actor_country(d, a), *y = rp_actor_country(d, b);
    return !x || !y || memcmp(x, y, 3) == 0;
}

static bool is_filler(const rp_msent *ms, uint32_t i) {
    return (ms->mt[i].cls & (RPD_C_HONOR | RPD_C_FORMER)) ||
           (rp_tok_is(ms, i, '.') && i > 0 && (ms->mt[i - 1].cls & RPD_C_HONOR));
}

/* hit kinds at a token */
typedef struct hitref {
    bool actor;     /* actor hit (else agent) */
    uint32_t index; /* hit index */
    uint32_t start, end;
} hitref;

static bool hit_at(const rp_msent *ms, uint32_t i, hitref *h) {
    if (i >= ms->n) return false;
    if (ms->mt[i].actor >= 0) {
        const rp_hit *a = &ms->actors[ms->mt[i].actor];
        if (a->start != i) return false;
        *h = (hitref){true, a->entry, a->start, a->end};
        return true;
    }
    if (ms->mt[i].agent >= 0) {
        const rp_hit *a = &ms->agents[ms->mt[i].agent];
        if (a->start != i) return false;
        *h = (hitref){false, a->entry, a->start, a->end};
        return true;
    }
    return false;
}

typedef struct building {
    int32_t actor;      /* primary actor entry */
    bool actor_person;  /* primary actor is a person */
    bool actor_adj;     /* primary actor is an adjective */
    int32_t agent;      /* head agent entry */
    uint32_t flags;     /* RP_M_* */
    uint32_t start, end;
    bool located;       /* joined through "in" (police in Kenya): names where it happens */
} building;

static void take_actor(const rp_dict *d, building *b, uint32_t entry) {
    const rpd_actor *a = &d->actors[entry];
    bool person = a->flags & RPD_A_PERSON, adj = a->flags & RPD_A_ADJ;
    /* a person outranks an institution, which outranks an adjective */
    if (b->actor < 0 || person || (!b->actor_person && b->actor_adj && !adj) ||
        (!b->actor_person && !adj)) {
        b->actor = (int32_t)entry;
        b->actor_person = person;
        b->actor_adj = adj;
    }
}

static bool can_join_actor(const rp_dict *d, const building *b, uint32_t entry) {
    if (d->actors[entry].flags & RPD_A_NULL) return false;
    return b->actor < 0 || same_country(d, b->actor, (int32_t)entry);
}

/* A lower-case word of no closed class, no verb or event word, no number. */
static bool plain_modifier(const rp_msent *ms, uint32_t i) {
    const rp_mtok *m = &ms->mt[i];
    if (m->cls || (m->feat & (RP_F_CAP | RP_F_PUNCT | RP_F_NUM | RP_F_ANCHOR | RP_F_ING)) || m->actor >= 0 ||
        m->agent >= 0)
        return false;
    return true;
}

/* "US-backed", "Saudi-led", "Moscow-based": a compound adjective of three
 * tokens written together, skipped between a possessive and its noun
 * ("Iraq's US-backed leader"). Returns the token after it, or i. */
static uint32_t skip_compound_adj(const rp_msent *ms, uint32_t i) {
    if (i + 2 >= ms->n || !rp_tok_is(ms, i + 1, '-')) return i;
    const rp_tok *a = &ms->toks[i], *h = &ms->toks[i + 1], *b = &ms->toks[i + 2];
    if (a->off + a->len != h->off || h->off + 1 != b->off) return i;
    if (!(ms->mt[i + 2].feat & RP_F_ED)) return i;
    while (i + 3 < ms->n && is_filler(ms, i + 3)) i++;
    return i + 3;
}

/* Extends b from token i; returns the token after the mention. */
static uint32_t grow(const rp_sent_ctx *sc, building *b, uint32_t i) {
    const rp_msent *ms = sc->ms;
    const rp_dict *d = sc->cx->dict;
    for (;;) {
        uint32_t j = i;
        while (j < ms->n && is_filler(ms, j)) j++;
        hitref h;
        bool linked = false;
        if (!hit_at(ms, j, &h)) {
            /* possessive: Russia's foreign minister */
            /* "Nigerian junior foreign minister", "Iranian top diplomats": up to
             * two plain lower-case modifiers between an adjective and its noun */
            uint32_t mk = j;
            while (b->actor >= 0 && b->actor_adj && b->agent < 0 && mk < j + 2 && mk < ms->n &&
                   plain_modifier(ms, mk))
                mk++;
            if (mk > j && hit_at(ms, mk, &h) && !h.actor)
                linked = true;
            else if (j < ms->n && (ms->mt[j].cls & RPD_C_POSS) && hit_at(ms, skip_compound_adj(ms, j + 1), &h) &&
                (!h.actor || (d->actors[h.index].flags & RPD_A_PERSON)))
                linked = true;
            /* officials of Iran, spokesman for the Kremlin, police in Kenya */
            else if (b->actor < 0 && b->agent >= 0 && j < ms->n &&
                     ((ms->mt[j].cls & (RPD_C_OF | RPD_C_FROM)) ||
                      rp_ieq(ms->text + ms->toks[j].off, ms->toks[j].len, "for") ||
                      rp_ieq(ms->text + ms->toks[j].off, ms->toks[j].len, "in"))) {
                uint32_t k = j + 1;
                while (k < ms->n && (ms->mt[k].cls & RPD_C_DET)) k++;
                bool in = rp_ieq(ms->text + ms->toks[j].off, ms->toks[j].len, "in");
                /* "police in Kenya", but not "foreign ministers in Cairo" */
                if (in && (d->agents[b->agent].flags & RPD_G_PERSON)) return i;
                if (hit_at(ms, k, &h) && h.actor && !(d->actors[h.index].flags & RPD_A_NULL)) {
                    linked = true;
                    if (in) b->located = true;
                }
            }
            if (!linked) return i;
        }
        if (h.actor) {
            if (!can_join_actor(d, b, h.index)) return i;
            take_actor(d, b, h.index);
        } else {
            if (d->agents[h.index].flags & RPD_G_NULL) return i;
            b->agent = (int32_t)h.index;
            /* one person: "the minister", not "diplomats" */
            const rp_tok *last = &ms->toks[h.end - 1];
            bool plural = ms->text[last->off + last->len - 1] == 's' ||
                          ms->text[last->off + last->len - 1] == 'S';
            if ((d->agents[h.index].flags & RPD_G_PERSON) && !plural) b->flags |= RP_M_PERSON;
        }
        b->end = h.end;
        i = h.end;
    }
}

static bool starts_mention(const rp_sent_ctx *sc, uint32_t i, building *b) {
    const rp_msent *ms = sc->ms;
    const rp_dict *d = sc->cx->dict;
    uint32_t j = i;
    bool former = false;
    while (j < ms->n && is_filler(ms, j)) {
        if (ms->mt[j].cls & RPD_C_FORMER) former = true;
        j++;
    }
    hitref h;
    if (!hit_at(ms, j, &h)) return false;
    if (h.actor && (d->actors[h.index].flags & RPD_A_NULL)) return false;
    if (!h.actor && (d->agents[h.index].flags & RPD_G_NULL)) return false;
    memset(b, 0, sizeof *b);
    b->actor = b->agent = -1;
    b->start = h.start;
    b->end = h.start;
    if (former) b->flags |= RP_M_FORMER;
    return true;
}

static bool add_mention(rp_sent_ctx *sc, const building *b) {
    const rp_dict *d = sc->cx->dict;
    rp_mention *m = &sc->men[sc->nmen];
    memset(m, 0, sizeof *m);
    m->start = b->start;
    m->end = b->end;
    m->group = -1;
    m->verb = -1;
    m->verb_src = -1;
    m->ref.actor = b->actor;
    m->ref.agent = b->agent;
    m->ref.flags = b->flags;
    if (b->actor >= 0) {
        if (d->actors[b->actor].flags & RPD_A_PERSON) m->ref.flags |= RP_M_PERSON;
        if (b->actor_adj && b->agent < 0) m->ref.flags |= RP_M_ADJ;
    }
    m->located = b->located;
    m->ref.start = sc->base + b->start;
    m->ref.end = sc->base + b->end;
    for (uint32_t k = b->start; k < b->end; k++) sc->men_at[k] = (int32_t)sc->nmen;
    sc->nmen++;
    return true;
}

/* ---------------------------------------------------------------- places */

static bool is_loc_prep(const rp_msent *ms, uint32_t i, bool *from) {
    *from = (ms->mt[i].cls & RPD_C_FROM) != 0;
    return (ms->mt[i].cls & RPD_C_LOC) || *from;
}

static void mark_place(rp_sent_ctx *sc, int32_t m, uint32_t prep, bool from) {
    if (m < 0) return;
    rp_mention *men = &sc->men[m];
    if (men->start <= prep) return; /* "police in Kenya": the preposition is inside it */
    if (from) {
        /* after "from", only capitals and seats of government are places */
        if (men->ref.actor < 0 ||
            !(sc->cx->dict->actors[men->ref.actor].flags & RPD_A_CAPITAL))
            return;
    }
    men->ref.flags |= RP_M_PLACE;
}

/* "the town of", "the northern province of": a place noun before the name. */
uint32_t rp_skip_place_noun(const rp_msent *ms, uint32_t i) {
    static const char *const nouns[] = {"town", "city", "village", "province", "region", "district",
                                        "state", "port", "area", "county", "enclave", "capital",
                                        "island", "islands", "governorate", "prefecture", "territory",
                                        "republic", "camp", "outskirts", "suburb", "centre", "center",
                                        "heart", "streets", "border", NULL};
    uint32_t j = i;
    bool plain = true;
    /* up to two modifiers: "the restive northern province of", "the northern
     * Gaza Strip" */
    for (uint32_t mods = 0; mods <= 2 && j < ms->n; mods++, j++) {
        if (ms->mt[j].feat & RP_F_CAP) return (j > i && plain) ? j : i;
        if (ms->mt[j].feat & (RP_F_PUNCT | RP_F_NUM)) return i;
        if (!plain_modifier(ms, j)) plain = false;
        const rp_tok *t = &ms->toks[j];
        for (size_t k = 0; nouns[k]; k++)
            if (rp_ieq(ms->text + t->off, t->len, nouns[k])) {
                if (j + 1 < ms->n && (ms->mt[j + 1].cls & RPD_C_OF)) {
                    uint32_t e = j + 2;
                    while (e < ms->n && (ms->mt[e].cls & RPD_C_DET)) e++;
                    return e;
                }
                return i;
            }
    }
    return i;
}

/* Token after the noun phrase starting at i: a mention or a run of capitalised words. */
static uint32_t np_end(const rp_sent_ctx *sc, uint32_t i) {
    const rp_msent *ms = sc->ms;
    while (i < ms->n && (ms->mt[i].cls & RPD_C_DET)) i++;
    if (i >= ms->n) return i;
    i = rp_skip_place_noun(ms, i);
    if (i >= ms->n) return i;
    if (sc->men_at[i] >= 0) return sc->men[sc->men_at[i]].end;
    uint32_t j = i;
    while (j < ms->n && (ms->mt[j].feat & RP_F_CAP) && !(ms->mt[j].feat & RP_F_TIME) &&
           sc->men_at[j] < 0)
        j++;
    return j;
}

static void mark_places(rp_sent_ctx *sc) {
    const rp_msent *ms = sc->ms;
    for (uint32_t p = 0; p < ms->n; p++) {
        bool from;
        if (!is_loc_prep(ms, p, &from)) continue;
        bool fronted = p == 0 || (ms->mt[p - 1].feat & (RP_F_COMMA | RP_F_BREAK | RP_F_QUOTE));
        uint32_t i = p + 1;
        while (i < ms->n && (ms->mt[i].cls & RPD_C_DET)) i++;
        uint32_t end = np_end(sc, i);
        if (end == i) continue;
        for (uint32_t k = i; k < end; k++) mark_place(sc, sc->men_at[k], p, from);
        if (fronted) continue;
        /* a list of places: in New York, Washington and San Francisco */
        while (end < ms->n) {
            uint32_t j = end;
            if (!(ms->mt[j].feat & RP_F_COMMA) && !(ms->mt[j].cls & RPD_C_CONJ)) break;
            j++;
            if (j < ms->n && (ms->mt[j].cls & RPD_C_CONJ)) j++;
            uint32_t e2 = np_end(sc, j);
            if (e2 == j) break;
            for (uint32_t k = j; k < e2; k++) mark_place(sc, sc->men_at[k], p, from);
            end = e2;
        }
    }
}

/* Agents without a country ("police", "protesters") in a sentence that
 * happens in exactly one country ("in Bangladesh", "in Baghdad") belong to
 * it. Other actors do not count: "Israeli troops killed militants" leaves the
 * militants without a country. */
static void place_country_for_agents(rp_sent_ctx *sc) {
    const rp_dict *d = sc->cx->dict;
    const char *country = NULL;
    int32_t place = -1;
    for (uint32_t m = 0; m < sc->nmen; m++) {
        const rp_mention *men = &sc->men[m];
        bool located = (men->ref.flags & RP_M_PLACE) ||
                       (men->ref.agent >= 0 && men->ref.actor >= 0 && men->located);
        if (!located || men->ref.actor < 0) continue;
        const char *c = rp_actor_country(d, men->ref.actor);
        if (!c || !memcmp(c, "IGO", 3) || !memcmp(c, "NGO", 3) || !memcmp(c, "IMG", 3)) return;
        if (country && memcmp(country, c, 3)) return; /* two countries: unknown */
        country = c;
        place = men->ref.actor;
    }
    bool from_dateline = false;
    if (!country && sc->cx->doc_place >= 0) {
        /* no place in the sentence: the dateline's ("BAGHDAD (Reuters) -") */
        place = sc->cx->doc_place;
        country = rp_actor_country(d, place);
        if (!country || !memcmp(country, "IGO", 3) || !memcmp(country, "NGO", 3)) return;
        from_dateline = true;
    }
    if (!country) return;
    /* with no country named in the sentence at all, the dateline's country
     * also holds for authorities and troops ("NOUAKCHOTT - Authorities said
     * they arrested ...") */
    bool alone = from_dateline;
    for (uint32_t m = 0; alone && m < sc->nmen; m++)
        if (sc->men[m].ref.actor >= 0) alone = false;
    /* a sentence naming other countries may happen anywhere ("Putin said he
     * would take the United States to court", datelined in China) */
    if (from_dateline && !alone) return;
    for (uint32_t m = 0; m < sc->nmen; m++) {
        rp_mention *men = &sc->men[m];
        if (men->ref.actor >= 0 || men->ref.agent < 0 || (men->ref.flags & RP_M_PLACE)) continue;
        /* armies and governments (troops, ministers, a president often act
         * abroad) keep their unknown country; police, protesters, rebels,
         * courts, a cleric or a suspect are local */
        if (!alone && (rp_agent_role_is(d, men->ref.agent, "GOV") || rp_agent_role_is(d, men->ref.agent, "MIL")))
            continue;
        men->ref.actor = place;
        men->ref.flags |= RP_M_INFERRED;
    }
}

/* ---------------------------------------------------------------- compounds */

static bool is_and(const rp_msent *ms, uint32_t i) {
    return i < ms->n && ms->mt[i].word &&
           (rp_ieq(ms->text + ms->toks[i].off, ms->toks[i].len, "and") ||
            rp_ieq(ms->text + ms->toks[i].off, ms->toks[i].len, "or"));
}

/* Tokens between mentions a and b form a list link: "and", ",", ", and". */
static bool list_link(const rp_msent *ms, uint32_t from, uint32_t to, bool *comma) {
    *comma = false;
    uint32_t i = from;
    if (i < to && (ms->mt[i].feat & RP_F_COMMA)) *comma = true, i++;
    if (i < to && is_and(ms, i)) *comma = false, i++;
    /* "four German diplomats, four French and four Polish" */
    while (i < to && ((ms->mt[i].cls & (RPD_C_DET | RPD_C_NUMWORD)) || (ms->mt[i].feat & RP_F_NUM))) i++;
    return i == to && to > from;
}

/* An agent joined to its country by "of": "leaders of India". */
static bool has_of(const rp_msent *ms, const rp_mention *m) {
    for (uint32_t i = m->start + 1; i + 1 < m->end; i++)
        if (ms->mt[i].cls & RPD_C_OF) return true;
    return false;
}

/* A country named by capitals alone: "US", "U.S.", "UK", "EU". */
static bool acronym(const rp_msent *ms, const rp_mention *m) {
    bool letters = false;
    for (uint32_t i = m->start; i < m->end; i++) {
        if (rp_tok_is(ms, i, '.')) continue;
        if (!(ms->toks[i].flags & RP_TOK_ALLCAPS) || ms->toks[i].len > 4) return false;
        letters = true;
    }
    return letters;
}

/* A plural demonym standing alone: "the Palestinians", "Russians". */
static bool demonym_noun(const rp_msent *ms, const rp_mention *m) {
    if (!(m->ref.flags & RP_M_ADJ) || m->ref.agent >= 0 || m->end != m->start + 1) return false;
    const rp_tok *t = &ms->toks[m->start];
    return t->len > 3 && ms->text[t->off + t->len - 1] == 's';
}

static void group_compounds(rp_sent_ctx *sc) {
    const rp_msent *ms = sc->ms;
    for (uint32_t m = 0; m + 1 < sc->nmen; m++) {
        rp_mention *a = &sc->men[m], *b = &sc->men[m + 1];
        if ((a->ref.flags | b->ref.flags) & RP_M_PLACE) continue;
        bool comma;
        if (!list_link(ms, a->end, b->start, &comma)) continue;
        if (comma) {
            /* "A, B and C" is a list; "A, B," is an apposition */
            bool list = false;
            for (uint32_t k = m + 1; k + 1 < sc->nmen; k++) {
                bool c2;
                if (!list_link(ms, sc->men[k].end, sc->men[k + 1].start, &c2)) break;
                if (!c2) {
                    list = true;
                    break;
                }
            }
            if (!list) continue;
        }
        if (a->ref.actor < 0 || b->ref.actor < 0) continue;
        /* "the leaders of India and Pakistan": the second country shares the agent */
        if (!comma && a->ref.agent >= 0 && b->ref.agent < 0 && !(b->ref.flags & RP_M_ADJ) &&
            !(a->ref.flags & RP_M_PERSON) && a->end + 1 == b->start && has_of(ms, a)) {
            b->ref.agent = a->ref.agent;
            b->ref.flags &= ~(uint32_t)RP_M_ADJ;
        }
        /* "French and Egyptian warships", "U.S. and Iraqi forces": the first
         * adjective, or an acronym used as one, shares the noun */
        if (!comma && ((a->ref.flags & RP_M_ADJ) || acronym(ms, a)) && !demonym_noun(ms, a) &&
            a->ref.agent < 0 && b->ref.agent >= 0 && a->end + 1 == b->start) {
            a->ref.agent = b->ref.agent;
            a->ref.flags &= ~(uint32_t)RP_M_ADJ;
        }
        /* members of a list are alike: "Russian diplomats, the Czech Republic and
         * Lithuania" (a gapped clause) is no list of targets; a people named by its
         * plural demonym is a noun ("Israel and the Palestinians") */
        if ((a->ref.agent >= 0) != (b->ref.agent >= 0) ||
            (((a->ref.flags ^ b->ref.flags) & RP_M_ADJ) && !demonym_noun(ms, a) && !demonym_noun(ms, b)))
            continue;
        b->group = a->group >= 0 ? a->group : (int32_t)m;
        a->group = b->group;
    }
}

/* "Vladimir Putin, the Russian president, said": b becomes part of a. */
static void merge_appositions(rp_sent_ctx *sc) {
    const rp_msent *ms = sc->ms;
    const rp_dict *d = sc->cx->dict;
    for (uint32_t m = 0; m + 1 < sc->nmen; m++) {
        rp_mention *a = &sc->men[m], *b = &sc->men[m + 1];
        if (a->group >= 0 || b->group >= 0 || ((a->ref.flags | b->ref.flags) & RP_M_PLACE))
            continue;
        uint32_t i = a->end;
        if (i >= b->start || !(ms->mt[i].feat & RP_F_COMMA)) continue;
        i++;
        while (i < b->start && (ms->mt[i].cls & (RPD_C_DET | RPD_C_QUANT))) i++;
        if (i != b->start) continue;
        /* the apposition must close with a comma or the clause's end */
        uint32_t e = b->end;
        if (e < ms->n && !(ms->mt[e].feat & (RP_F_COMMA | RP_F_BREAK | RP_F_DASH)) &&
            !rp_tok_is(ms, e, '.'))
            continue;
        if (!same_country(d, a->ref.actor, b->ref.actor)) continue;
        if (a->ref.actor < 0) a->ref.actor = b->ref.actor;
        if (a->ref.agent < 0) a->ref.agent = b->ref.agent;
        a->ref.flags |= b->ref.flags & RP_M_PERSON;
        /* b's tokens now point at a */
        for (uint32_t k = b->start; k < b->end; k++) sc->men_at[k] = (int32_t)m;
        b->ref.flags |= RP_M_PLACE; /* never a separate role */
    }
}

static void mark_prepositional(rp_sent_ctx *sc) {
    const rp_msent *ms = sc->ms;
    for (uint32_t m = 0; m < sc->nmen; m++) {
        rp_mention *men = &sc->men[m];
        uint32_t i = men->start;
        while (i > 0 && (ms->mt[i - 1].cls & (RPD_C_DET | RPD_C_QUANT))) i--;
        if (i > 0 && (ms->mt[i - 1].cls & RPD_C_PREP)) men->ref.flags |= RP_M_PREP;
        if (men->end < ms->n && (ms->mt[men->end].cls & RPD_C_POSS)) men->ref.flags |= RP_M_POSS;
    }
}

bool rp_build_mentions(rp_sent_ctx *sc) {
    const rp_msent *ms = sc->ms;
    rp_arena *ar = sc->cx->arena;
    sc->men = rp_arena_alloc(ar, sizeof(rp_mention) * (ms->n ? ms->n : 1));
    sc->men_at = rp_arena_alloc(ar, sizeof(int32_t) * (ms->n ? ms->n : 1));
    if (!sc->men || !sc->men_at) return false;
    for (uint32_t i = 0; i < ms->n; i++) sc->men_at[i] = -1;
    sc->nmen = 0;
    for (uint32_t i = 0; i < ms->n;) {
        building b;
        if (!starts_mention(sc, i, &b)) {
            i++;
            continue;
        }
        uint32_t next = grow(sc, &b, b.start);
        if (b.actor < 0 && b.agent < 0) {
            i = next > i ? next : i + 1;
            continue;
        }
        add_mention(sc, &b);
        i = next > i ? next : i + 1;
    }
    mark_places(sc);
    place_country_for_agents(sc);
    group_compounds(sc);
    merge_appositions(sc);
    mark_prepositional(sc);
    return true;
}
