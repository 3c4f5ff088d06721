/*
 * match.h — the match stage: one sentence's tokens against the compiled
 * dictionaries.
 *
 * For each token it finds the word id (one hash lookup) and the grammatical
 * class bits; then, left to right and longest first, the actor phrases
 * (exact words, with case constraints) and, over the tokens no actor took,
 * the agent phrases (through noun lemmas); finally, for every token, the
 * verb patterns anchored on it. Everything is written into the sentence's
 * rp_msent, allocated from the document arena.
 *
 * Depends on text (tokens) and dict (lookups).
 */
#ifndef RP_MATCH_H
#define RP_MATCH_H

#include "../dict/dict.h"
#include "../text/text.h"

/* token feature bits (rp_mtok.feat), computed from the token's shape */
enum {
    RP_F_CAP = 1u << 0,     /* initial capital */
    RP_F_ALLCAPS = 1u << 1, /* all capitals */
    RP_F_NUM = 1u << 2,     /* a number */
    RP_F_PUNCT = 1u << 3,   /* punctuation */
    RP_F_COMMA = 1u << 4,   /* "," */
    RP_F_BREAK = 1u << 5,   /* clause break: ; : ( ) [ ] */
    RP_F_QUOTE = 1u << 6,   /* '"' */
    RP_F_ADVERB = 1u << 7,  /* -ly word that is no dictionary lemma */
    RP_F_DASH = 1u << 8,    /* " - " */
    RP_F_ED = 1u << 9,      /* looks like a past participle (-ed, -en, irregular) */
    RP_F_ING = 1u << 10,    /* ends in -ing */
    RP_F_TIME = 1u << 11,   /* month or weekday name */
    RP_F_ANCHOR = 1u << 12  /* some verb pattern is anchored on it (before the
                               sentence's word filter): a verb or event noun */
};

typedef struct rp_mtok {
    uint32_t word;  /* dictionary word id, 0 unknown */
    uint32_t cls;   /* RPD_C_* of the word */
    uint32_t feat;  /* RP_F_* */
    int32_t actor;  /* index into rp_msent.actors of the hit covering it, or -1 */
    int32_t agent;  /* index into rp_msent.agents, or -1 */
    uint32_t pat_first, pat_n; /* anchored patterns in rp_msent.pats */
} rp_mtok;

typedef struct rp_hit {
    uint32_t start, end; /* token span [start, end) within the sentence */
    uint32_t entry;      /* actor or agent entry index in the dictionary */
} rp_hit;

typedef struct rp_msent {
    const char *text;    /* the text token offsets refer to (article body) */
    const rp_tok *toks;  /* the sentence's tokens */
    uint32_t n;          /* token count */
    rp_mtok *mt;         /* n match records */
    rp_hit *actors;      /* actor hits, in order */
    uint32_t nactors;
    rp_hit *agents;      /* agent hits, in order */
    uint32_t nagents;
    uint32_t *pats;      /* pattern indexes, grouped per anchor token */
    uint32_t npats;
    bool allcaps;        /* no lower-case letter in the sentence: case not checked */
    uint64_t bloom[4];   /* word and lemma ids present, id % 256; patterns needing an absent
                            word are not listed in pats */
} rp_msent;

/* A small direct-mapped cache of word lookups (folded key -> word id) that a
 * thread keeps across sentences: news vocabulary is Zipfian, and the cache
 * stays in L2 where the full lexicon does not. */
enum { RP_WCACHE_SLOTS = 2048, RP_WCACHE_KEY = 22 };
typedef struct rp_wcache_slot {
    uint32_t id;                  /* word id (0 = unknown word) */
    uint8_t len;                  /* key length + 1; 0 = empty slot */
    char key[RP_WCACHE_KEY + 1];  /* folded key */
} rp_wcache_slot;
typedef struct rp_wcache {
    const rp_dict *dict;          /* the dictionary the ids belong to */
    rp_wcache_slot slot[RP_WCACHE_SLOTS];
} rp_wcache;

/* Matches one sentence. `cache` may be NULL. Returns false on out-of-memory. */
bool rp_match_sentence(const rp_dict *d, rp_arena *ar, rp_wcache *cache, const char *text,
                       const rp_tok *toks, uint32_t n, rp_msent *out);

/* The folded key of token i (written into buf). */
size_t rp_match_key(const rp_msent *s, uint32_t i, char *buf, size_t cap);

/* Does token i equal the one-character punctuation c? */
static inline bool rp_tok_is(const rp_msent *s, uint32_t i, char c) {
    return i < s->n && s->toks[i].len == 1 && s->text[s->toks[i].off] == c;
}

#endif /* RP_MATCH_H */
