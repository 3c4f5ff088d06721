/*
 * code.h — the code stage: dictionary hits of one sentence -> candidate
 * events (source, verb pattern, target, CAMEO code, flags).
 *
 *   mentions.c   actor mentions: actors and agents combined into noun phrases
 *                ("Russian President Vladimir Putin", "officials of Iran",
 *                "Russia's foreign minister"), compounds ("the US and Russia"),
 *                places ("in New York, Washington and San Francisco")
 *   pattern.c    trying the verb patterns anchored on a token
 *   clause.c     subjects, objects, passive voice, the verb group (negation,
 *                modality), pronouns and event anaphora ("that move")
 *   modality.c   intent / threat / refusal code mappings
 *   code.c       the sentence driver and the explanation trace
 *
 * Actor codes are not decided here: an event carries references to the
 * dictionary entries it was coded from, and the resolve stage picks the codes
 * valid at the event date. Depends on match, dict, text, core.
 */
#ifndef RP_CODE_H
#define RP_CODE_H

#include "../match/match.h"

/* mention flags */
enum {
    RP_M_PLACE = 1u << 0,   /* a place (after "in", "at" ...): never source or target */
    RP_M_PERSON = 1u << 1,  /* an individual */
    RP_M_ADJ = 1u << 2,     /* built on an adjective ("Russian officials") */
    RP_M_FORMER = 1u << 3,  /* "former" before it */
    RP_M_NULL = 1u << 4,    /* a blocking phrase: matched, names nobody */
    RP_M_PREP = 1u << 5,    /* object of a preposition */
    RP_M_POSS = 1u << 6,    /* followed by 's */
    RP_M_TARGETED = 1u << 7,/* already the target of an earlier verb in the sentence */
    RP_M_INFERRED = 1u << 8,/* country inferred from where the sentence happens */
    RP_M_WHERE = 1u << 9,   /* a place taken as the target ("imposed a curfew in
                               Baghdad"): its country, without a role */
    RP_M_OWNGOV = 1u << 10  /* the government of the actor's own country: the target
                               of a protest that names none */
};

/* A reference to the words an actor was coded from. Self-contained, so it can
 * be carried from one sentence to the next (pronouns, "that move"). */
typedef struct rp_actref {
    int32_t actor;   /* dictionary actor entry, -1 if none */
    int32_t agent;   /* dictionary agent entry, -1 if none */
    uint32_t flags;  /* RP_M_* */
    uint32_t start;  /* document token index of the first word */
    uint32_t end;    /* one past the last word */
} rp_actref;

typedef struct rp_mention {
    rp_actref ref;   /* what it names */
    uint32_t start;  /* sentence token span [start, end) */
    uint32_t end;
    int32_t group;   /* index of the first mention of its compound, or -1 */
    int32_t verb;    /* anchor token of the verb it was the target of, or -1 */
    int32_t verb_src;/* that verb's source mention, or -1 */
    bool located;    /* agent joined to a country through "in": where it happens */
} rp_mention;

typedef struct rp_cevent {
    uint32_t sent;         /* sentence index */
    rp_actref src, tgt;    /* source and target */
    char code[8];          /* CAMEO code after modality */
    uint32_t pattern;      /* dictionary pattern index */
    uint32_t anchor;       /* document token index of the anchor */
    uint32_t verb_start;   /* document token span of the pattern's words */
    uint32_t verb_end;
    const char *mode;      /* "", "intent", "threat", "refusal" */
    bool passive;          /* coded from a passive clause */
    uint32_t date_lo;      /* document token span where a time expression may date it: */
    uint32_t date_hi;      /* between the neighbouring verbs of other events */
} rp_cevent;

/* State carried from sentence to sentence within a document. */
typedef struct rp_discourse {
    rp_actref last_person;   /* the last individual named */
    rp_actref last_group;    /* the last state or organisation named */
    rp_actref last_subject;  /* subject of the last coded event */
    rp_actref act_src, act_tgt; /* the last act reported, made or not ("will not
                               expel"): what "the decision" refers to */
    bool have_person, have_group, have_subject, have_act;
} rp_discourse;

typedef struct rp_code_ctx {
    const rp_dict *dict;
    rp_arena *arena;       /* the document arena */
    rp_vec *events;        /* rp_cevent: coded events are appended here */
    rp_buf *explain;       /* trace, or NULL when not explaining */
    rp_discourse disc;     /* pronoun and anaphora memory */
    size_t max_tokens;     /* sentence length limit */
    uint8_t *present;      /* scratch bitmap over word ids (dict->nwords bits), all zero
                              between sentences; owned by the caller */
    int32_t doc_place;     /* actor entry of the article's dateline place ("BAGHDAD (Reuters)
                              -"), or -1: where the story happens */
} rp_code_ctx;

/* Codes one matched sentence; `base` is the document index of its first
 * token. Returns false on out-of-memory. */
bool rp_code_sentence(rp_code_ctx *cx, const rp_msent *ms, uint32_t sent, uint32_t base);

/* ---- internal, shared by the files of this stage ---- */

typedef struct rp_sent_ctx {
    rp_code_ctx *cx;
    const rp_msent *ms;
    uint32_t sent, base;
    rp_mention *men;       /* mentions, in order */
    uint32_t nmen;
    int32_t *men_at;       /* per token: index of the mention covering it, or -1 */
    size_t first_event;    /* index in cx->events of this sentence's first event */
    struct rp_set_memo *memo; /* synset matches already computed in this sentence */
    const uint8_t *present;   /* bitmap over word ids: the words and verb lemmas in the sentence */
    uint8_t *set_state;       /* per synset: 0 not yet known, 1 a member may occur, 2 none can */
    uint8_t *coded;           /* per token: 1 if it anchored an event of this sentence */
} rp_sent_ctx;

/* Memo of synset matches: (token, synset) -> match end, so that the many
 * patterns sharing a synset test its members once per token. */
enum { RP_MEMO_SLOTS = 512 };
typedef struct rp_set_memo {
    uint32_t key[RP_MEMO_SLOTS];  /* (token << 16 | synset) + 1, 0 = empty */
    uint16_t end[RP_MEMO_SLOTS];  /* match end + 1 - token, 0 = no match */
    uint32_t used;                /* filled slots */
} rp_set_memo;

bool rp_build_mentions(rp_sent_ctx *sc);

/* How a pattern matched at an anchor. */
typedef struct rp_pmatch {
    uint32_t pattern;          /* index */
    uint32_t end;              /* one past the last token it used */
    uint32_t last_word;        /* one past its last word (verb text end) */
    int32_t src, tgt;          /* explicit slot mentions, -1 if none */
    int32_t both;              /* % slot mention, -1 if none */
    uint32_t score;
} rp_pmatch;

/* The patterns that match at token a, best first (score, then written
 * order), at most `cap`; returns how many. */
uint32_t rp_match_patterns(const rp_sent_ctx *sc, uint32_t a, bool passive, rp_pmatch *out,
                           uint32_t cap);

/* Mention index of the actor starting at or after token `from` within the
 * slot window, -2 for an event anaphor ("that move"), RP_PRONOUN_BASE - i for
 * a pronoun at token i to resolve ("his remarks", "their decision"), or -1. A place is
 * taken only when `place_ok` (the pattern itself named the preposition). */
int32_t rp_slot_after(const rp_sent_ctx *sc, uint32_t from, bool place_ok, uint32_t *end);

/* The code an actor entry is written with first (its country in the first
 * three letters: data/FORMAT.md), or NULL for no entry or no code. */
const char *rp_actor_country(const rp_dict *d, int32_t actor);

/* The agent entry's role starts with `role` (three letters: "GOV", "MIL"). */
bool rp_agent_role_is(const rp_dict *d, int32_t agent, const char *role);

/* Index after a place noun and "of" ("the town of", "the northern province of")
 * starting at i, or i itself. */
uint32_t rp_skip_place_noun(const rp_msent *ms, uint32_t i);

/* A participle used as an adjective ("the jailed leader", "from occupied
 * land"): no verb of its own. */
bool rp_adjectival_participle(const rp_msent *ms, uint32_t a);

enum { RP_PRONOUN_BASE = -100 }; /* -100 - token index: an unresolved pronoun */

/* Modality of the verb group ending at the anchor. */
typedef enum rp_modality {
    RP_MOD_NONE = 0, /* a plain event */
    RP_MOD_NEG,      /* negated: no event */
    RP_MOD_HEDGE,    /* hoped, may, urged X to ...: no event */
    RP_MOD_INTENT,   /* plans to, pledged to */
    RP_MOD_THREAT,   /* threatened to */
    RP_MOD_REFUSE,   /* refused to */
    RP_MOD_FUTURE,   /* will, would, shall: cooperation promised is intent (03x);
                        a hostile act announced is the act */
    RP_MOD_CONDITION,/* will ... if: cooperation is intent, hostility a threat */
    RP_MOD_DEMAND    /* "X said Y must release ...": X demands of Y (CAMEO 10x) */
} rp_modality;

rp_modality rp_verb_group(const rp_sent_ctx *sc, uint32_t a, uint32_t *group_start, bool *passive);

/* For RP_MOD_DEMAND: the token of the saying or demanding verb whose subject
 * makes the demand ("said" in "X said Y must ..."), or UINT32_MAX. */
uint32_t rp_demand_verb(const rp_sent_ctx *sc, uint32_t group_start);

/* Maps a code under a modality; returns false if no event results. */
bool rp_modal_code(rp_modality mod, const char *code, char out[8], const char **mode);

#endif /* RP_CODE_H */
