/*
 * clause.c — reading the verb group before an anchor: negation ("is not
 * expelling", "did not"), modality ("may", "hopes to", "plans to",
 * "threatened to", "refused to"), infinitives governed by another verb
 * ("urged Russia to close": Russia closed nothing) and passive voice
 * ("were expelled", "diplomats expelled by Britain").
 *
 * The scan walks left from the anchor over auxiliaries, adverbs, negation and
 * "to", and stops at the first word that is none of these.
 */
#include "code.h"

static bool tok_is_word(const rp_msent *ms, uint32_t i, const char *w) {
    return i < ms->n && rp_ieq(ms->text + ms->toks[i].off, ms->toks[i].len, w);
}

static bool in_words(const rp_msent *ms, uint32_t i, const char *const *list) {
    for (size_t k = 0; list[k]; k++)
        if (tok_is_word(ms, i, list[k])) return true;
    return false;
}

/* verbs after which "to VERB" reports the event itself */
static const char *const aspect_verbs[] = {
    "begin", "began", "begun", "begins", "start", "started", "starts", "continue", "continued",
    "continues", "move", "moved", "moves", "went", "goes", "decide", "decided", "decides",
    "forced", "has", "have", "had", "got", "is", "are", "was", "were", "used", "voted",
    "votes", "opted", "chose", "proceeded", "decision", "move", "order", "orders", NULL};

/* An actor within three words from i ("by Britain", "by the Russian
 * government"); "spoke by telephone" has none and is no passive. */
static bool actor_follows(const rp_sent_ctx *sc, uint32_t i) {
    for (uint32_t k = i; k < sc->ms->n && k < i + 3; k++) {
        if (sc->men_at[k] >= 0) return true;
        if ((sc->ms->mt[k].feat & RP_F_PUNCT) || (sc->ms->mt[k].cls & RPD_C_PREP)) return false;
    }
    return false;
}

static bool skippable_in_group(const rp_msent *ms, uint32_t i) {
    return (ms->mt[i].feat & RP_F_ADVERB) || (ms->mt[i].cls & RPD_C_ADV);
}

/* Who governs "to": returns the modality of "X to VERB". */
static rp_modality governor(const rp_sent_ctx *sc, uint32_t to) {
    const rp_msent *ms = sc->ms;
    uint32_t g = to;
    /* skip adverbs and a time expression: "the decision on Monday to expel" */
    while (g > 0 && (skippable_in_group(ms, g - 1) || (ms->mt[g - 1].feat & RP_F_TIME) ||
                     ((ms->mt[g - 1].cls & RPD_C_TIMEW) && g < to && (ms->mt[g].feat & RP_F_TIME))))
        g--;
    if (g == 0) return RP_MOD_NONE; /* headline "Russia to expel ..." has a subject; bare "To" */
    uint32_t p = g - 1;
    const rp_mtok *t = &ms->mt[p];
    if (t->cls & RPD_C_INTENT) return RP_MOD_INTENT;
    if (t->cls & RPD_C_THREAT) return RP_MOD_THREAT;
    if (t->cls & RPD_C_REFUSE) return RP_MOD_REFUSE;
    if (t->cls & RPD_C_NEG) return RP_MOD_NEG; /* "unable to" */
    if (t->cls & RPD_C_HEDGE) return RP_MOD_HEDGE;
    if (in_words(ms, p, aspect_verbs)) {
        /* "reversed its decision to expel", "shelved a plan to" */
        uint32_t q = p;
        while (q > 0 && (ms->mt[q - 1].cls & (RPD_C_DET | RPD_C_QUANT))) q--;
        if (q > 0 && (ms->mt[q - 1].cls & RPD_C_NEGVERB)) return RP_MOD_NEG;
        return RP_MOD_NONE;
    }
    if (tok_is_word(ms, p, "order") && p > 0 && tok_is_word(ms, p - 1, "in")) return RP_MOD_HEDGE;
    if (sc->men_at[p] >= 0) {
        /* "urged Russia to close": the object of another verb */
        const rp_mention *m = &sc->men[sc->men_at[p]];
        uint32_t before = m->start;
        while (before > 0 && (ms->mt[before - 1].cls & RPD_C_DET)) before--;
        if (before == 0 || (ms->mt[before - 1].feat & (RP_F_COMMA | RP_F_BREAK | RP_F_QUOTE)))
            return RP_MOD_NONE; /* headline style: "Russia to expel 23 diplomats" */
        return RP_MOD_HEDGE;
    }
    /* a noun or another verb: "the right to", "calls to", "in a bid to" */
    return RP_MOD_HEDGE;
}

/* What frames the clause the verb group starts at g: a condition ("if Y
 * attacks", "unless Japan pulls out") or a reported claim ("allegations that
 * he had collaborated", "denied that it had attacked") gives no event. */
static bool bare_form(const rp_msent *ms, uint32_t a) {
    const rp_tok *t = &ms->toks[a];
    char last = ms->text[t->off + t->len - 1];
    return !(ms->mt[a].feat & (RP_F_ED | RP_F_ING)) && last != 's';
}

static rp_modality clause_frame(const rp_sent_ctx *sc, uint32_t g, uint32_t a) {
    static const char *const claims[] = {
        "allegation", "allegations", "claim", "claims", "accusation", "accusations", "charge",
        "charges", "report", "reports", "suspicion", "suspicions", "fear", "fears", "rumour",
        "rumours", "rumor", "rumors", "speculation", "evidence", "belief", "assertion", "suggestion",
        "suggestions", "possibility", "concern", "concerns", "hope", "hopes", "threat", "idea",
        "allege", "alleged", "alleges", "claimed", "suspect", "suspected", "fear", "feared",
        "believe", "believed", "believes", "speculated", "suggested", "suggests", "rumoured", NULL};
    const rp_msent *ms = sc->ms;
    for (uint32_t i = g; i-- > 0;) {
        const rp_mtok *t = &ms->mt[i];
        if (t->feat & (RP_F_BREAK | RP_F_COMMA)) break;
        if (tok_is_word(ms, i, "if") || tok_is_word(ms, i, "unless") || tok_is_word(ms, i, "whether"))
            return RP_MOD_HEDGE;
        if (tok_is_word(ms, i, "that") && i > 0) {
            if (ms->mt[i - 1].cls & RPD_C_NEGVERB) return RP_MOD_NEG; /* denied that */
            if (ms->mt[i - 1].cls & RPD_C_INTENT) return RP_MOD_INTENT; /* proposed that */
            /* "proposed on state television on Friday that": the proposal verb
             * a few words back, with only time and place phrases between */
            for (uint32_t k = i - 1, n = 0; k-- > 0 && n < 10; n++) {
                if (ms->mt[k].feat & (RP_F_BREAK | RP_F_COMMA | RP_F_QUOTE)) break;
                if (ms->mt[k].cls & RPD_C_INTENT) return RP_MOD_INTENT;
                if (ms->mt[k].pat_n && !(ms->mt[k].feat & RP_F_TIME)) break;
            }
            if (in_words(ms, i - 1, claims)) return RP_MOD_HEDGE;
            /* "proposed ... that Russia expel": a bare verb after "that X" is a
             * mandate, not a report */
            if (g == a && bare_form(ms, a) && sc->men_at[a - 1] >= 0) return RP_MOD_HEDGE;
            break;
        }
    }
    return RP_MOD_NONE;
}

uint32_t rp_demand_verb(const rp_sent_ctx *sc, uint32_t g) {
    static const char *const demanders[] = {"insist", "insisted", "insists", "demand", "demanded",
                                            "demands", "stressed", "reiterated", "argued",
                                            "declared", "warned", "urged", NULL};
    const rp_msent *ms = sc->ms;
    /* the subject of the obligation is just before g; the verb is before it,
     * with an optional "that" in between */
    int32_t m = g > 0 ? sc->men_at[g - 1] : -1;
    if (m < 0) return UINT32_MAX;
    uint32_t i = sc->men[m].start;
    while (i > 0 && (ms->mt[i - 1].cls & RPD_C_DET)) i--;
    if (i > 0 && tok_is_word(ms, i - 1, "that")) i--;
    /* skip a time expression: "said on Tuesday that Sudan must" */
    while (i > 0 && ((ms->mt[i - 1].feat & RP_F_TIME) || (ms->mt[i - 1].cls & RPD_C_TIMEW))) i--;
    if (i == 0) return UINT32_MAX;
    uint32_t v = i - 1;
    if ((ms->mt[v].cls & RPD_C_SAY) || in_words(ms, v, demanders)) return v;
    return UINT32_MAX;
}

static bool condition_follows(const rp_msent *ms, uint32_t a) {
    for (uint32_t i = a + 1; i < ms->n; i++) {
        if (ms->mt[i].feat & RP_F_BREAK) return false;
        if (tok_is_word(ms, i, "if") || tok_is_word(ms, i, "unless")) return true;
    }
    return false;
}

rp_modality rp_verb_group(const rp_sent_ctx *sc, uint32_t a, uint32_t *group_start,
                          bool *passive) {
    const rp_msent *ms = sc->ms;
    rp_modality mod = RP_MOD_NONE;
    /* -ed, -en and the irregular forms (struck, met): the match stage marks them */
    bool participle = (ms->mt[a].feat & RP_F_ED) != 0;
    *passive = false;
    uint32_t i = a;
    while (i > 0) {
        uint32_t p = i - 1;
        const rp_mtok *t = &ms->mt[p];
        if (skippable_in_group(ms, p)) {
            i = p;
            continue;
        }
        if (t->cls & RPD_C_NEG) {
            mod = RP_MOD_NEG;
            i = p;
            continue;
        }
        if (t->cls & (RPD_C_BE | RPD_C_GET)) {
            if (participle && !(ms->mt[a].feat & RP_F_ING)) *passive = true;
            i = p;
            continue;
        }
        if (t->cls & (RPD_C_HAVE | RPD_C_DO)) {
            i = p;
            continue;
        }
        if (t->cls & RPD_C_MODAL) {
            bool obligation = tok_is_word(ms, p, "must") || tok_is_word(ms, p, "should");
            if (obligation && mod == RP_MOD_NONE && p > 0 && sc->men_at[p - 1] >= 0) {
                mod = RP_MOD_DEMAND; /* confirmed below: someone said or demanded it */
            } else if ((t->cls & RPD_C_HEDGE) || tok_is_word(ms, p, "can") || obligation) {
                if (mod == RP_MOD_NONE) mod = RP_MOD_HEDGE;
            } else if (mod == RP_MOD_NONE) {
                mod = RP_MOD_FUTURE; /* will, would, shall */
            }
            i = p;
            continue;
        }
        if (t->cls & RPD_C_TO) {
            rp_modality g = governor(sc, p);
            if (mod == RP_MOD_NONE || g == RP_MOD_NEG) mod = g;
            else if (mod == RP_MOD_NEG && g == RP_MOD_REFUSE) mod = RP_MOD_NEG;
            i = p;
            break;
        }
        if ((t->cls & RPD_C_SAY) && p + 1 == i && i > 0 && i < a + 1 && p > 0 &&
            sc->men_at[p - 1] < 0 && !(ms->mt[p - 1].feat & RP_F_COMMA)) {
            /* "companies that it said had helped the GRU": a claim inside a clause */
            if (mod == RP_MOD_NONE) mod = RP_MOD_HEDGE;
            break;
        }
        if ((t->cls & RPD_C_NEGVERB) ||
            ((t->cls & RPD_C_FROM) && p > 0 && (ms->mt[p - 1].cls & RPD_C_NEGVERB))) {
            /* "refrained from expelling", "denied expelling", "avoid imposing" */
            if (ms->mt[a].feat & RP_F_ING) mod = RP_MOD_NEG;
            i = p;
            break;
        }
        break;
    }
    if (mod == RP_MOD_NONE || mod == RP_MOD_FUTURE) {
        rp_modality c = clause_frame(sc, i, a);
        if (c != RP_MOD_NONE) mod = c;
    }
    /* "Y must ..." is a demand only when someone says or demands it */
    if (mod == RP_MOD_DEMAND && rp_demand_verb(sc, i) == UINT32_MAX) mod = RP_MOD_HEDGE;
    /* "would withdraw from the talks if ...", "will retaliate unless ...": a
     * conditional announcement is a threat */
    if (mod == RP_MOD_FUTURE && condition_follows(ms, a)) mod = RP_MOD_CONDITION;
    /* "diplomats expelled by Britain" */
    if (!*passive && participle) {
        /* "heckled Monday by opposition lawmakers": a time may come between */
        uint32_t b = a + 1;
        while (b < ms->n && (ms->mt[b].feat & RP_F_TIME)) b++;
        if (b < ms->n && (ms->mt[b].cls & RPD_C_BY) && actor_follows(sc, b + 1)) *passive = true;
    }
    *group_start = i;
    return mod;
}

/* ---------------------------------------------------------------- modality codes */

typedef struct code_map {
    const char *from; /* code prefix (longest match wins) */
    const char *to;   /* resulting code, or NULL: no event */
} code_map;

/* Intent to cooperate (CAMEO 03): the lower verb's code -> the intent code. */
static const code_map intent_map[] = {
    {"04", "036"},   {"05", "032"},   {"057", "030"},  {"06", "031"},   {"061", "0311"},
    {"062", "0312"}, {"063", "0313"}, {"064", "0314"}, {"07", "033"},   {"071", "0331"},
    {"072", "0332"}, {"073", "0333"}, {"074", "0334"}, {"08", "035"},   {"081", "0351"},
    {"082", "0352"}, {"083", "034"},  {"084", "0353"}, {"085", "0354"}, {"086", "0355"},
    {"087", "0356"}, {"03", "*"},     {"01", NULL},    {"02", NULL},    {NULL, NULL}};

/* Threats (CAMEO 13): the threatened action's code -> the threat code. */
static const code_map threat_map[] = {
    {"16", "131"},   {"161", "1313"}, {"162", "1311"}, {"163", "1312"}, {"164", "134"},
    {"165", "135"},  {"166", "136"},  {"17", "137"},   {"172", "132"},  {"1721", "1321"},
    {"1722", "1322"},{"1723", "1323"},{"1724", "1324"},{"174", "131"},  {"18", "1384"},
    {"19", "138"},   {"191", "1381"}, {"192", "1382"}, {"193", "1384"}, {"194", "1384"},
    {"195", "1384"}, {"20", "1383"},  {"204", "1385"}, {"14", "133"},   {"15", "138"},
    {"12", "*"},     {"13", "*"},     {"10", "*"},     {"11", "*"},     {"09", NULL},
    {NULL, NULL}};

/* Demands (CAMEO 10): what the target must do -> the demand code. */
static const code_map demand_map[] = {
    {"04", "106"},   {"045", "108"},  {"046", "106"},  {"05", "100"},   {"057", "107"},
    {"06", "101"},   {"061", "1011"}, {"062", "1012"}, {"063", "1013"}, {"064", "1014"},
    {"07", "103"},   {"071", "1031"}, {"072", "1032"}, {"073", "1033"}, {"074", "1034"},
    {"08", "105"},   {"081", "1051"}, {"082", "1052"}, {"083", "104"},  {"084", "1053"},
    {"085", "1054"}, {"086", "1055"}, {"087", "1056"}, {"03", "100"},   {NULL, NULL}};

/* Refusals (CAMEO 12): the refused action's code -> the rejection code. */
static const code_map refuse_map[] = {
    {"04", "125"},   {"046", "125"},  {"05", "120"},   {"057", "127"},  {"06", "121"},
    {"061", "1211"}, {"062", "1212"}, {"07", "122"},   {"08", "124"},   {"081", "1241"},
    {"082", "1242"}, {"083", "123"},  {"084", "1243"}, {"085", "1244"}, {"086", "1245"},
    {"087", "1246"}, {"03", "120"},   {"01", NULL},    {"02", NULL},    {NULL, NULL}};

static const char *lookup(const code_map *map, const char *code, bool *found) {
    size_t best = 0;
    const char *to = NULL;
    *found = false;
    for (const code_map *m = map; m->from; m++) {
        size_t n = strlen(m->from);
        if (n > best && strncmp(code, m->from, n) == 0) {
            best = n;
            to = m->to;
            *found = true;
        }
    }
    return to;
}

bool rp_modal_code(rp_modality mod, const char *code, char out[8], const char **mode) {
    const code_map *map = NULL;
    *mode = "";
    switch (mod) {
    case RP_MOD_NONE:
        memcpy(out, code, 8);
        return true;
    case RP_MOD_DEMAND: {
        bool found;
        const char *to = lookup(demand_map, code, &found);
        *mode = "demand";
        memset(out, 0, 8);
        memcpy(out, found && to ? to : "100", strlen(found && to ? to : "100"));
        return true;
    }
    case RP_MOD_CONDITION: {
        bool found;
        const char *to = lookup(intent_map, code, &found);
        *mode = "intent";
        if (!found) {
            to = lookup(threat_map, code, &found);
            *mode = "threat";
        }
        if (!found || !to) return false;
        memset(out, 0, 8);
        memcpy(out, strcmp(to, "*") == 0 ? code : to, strlen(strcmp(to, "*") == 0 ? code : to));
        return true;
    }
    case RP_MOD_FUTURE: {
        /* a promise of cooperation (roots 04-08) is an intent; the rest stands */
        bool found;
        const char *to = NULL;
        if (code[0] == '0' && code[1] >= '4' && code[1] <= '8') to = lookup(intent_map, code, &found);
        memset(out, 0, 8);
        if (to && strcmp(to, "*") != 0) {
            memcpy(out, to, strlen(to));
            *mode = "intent";
        } else {
            memcpy(out, code, strlen(code));
        }
        return true;
    }
    case RP_MOD_NEG:
    case RP_MOD_HEDGE:
        return false;
    case RP_MOD_INTENT: map = intent_map, *mode = "intent"; break;
    case RP_MOD_THREAT: map = threat_map, *mode = "threat"; break;
    case RP_MOD_REFUSE: map = refuse_map, *mode = "refusal"; break;
    }
    bool found;
    const char *to = lookup(map, code, &found);
    if (mod == RP_MOD_INTENT && !found) {
        /* intending a hostile act is a threat */
        to = lookup(threat_map, code, &found);
        *mode = "threat";
    }
    if (!found || !to) return false;
    memset(out, 0, 8);
    if (strcmp(to, "*") == 0) memcpy(out, code, strlen(code));
    else memcpy(out, to, strlen(to));
    return true;
}
