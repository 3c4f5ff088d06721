/*
 * dict.h — the dictionary stage: source files -> compiled, memory-mapped
 * lookup structure shared read-only by every thread.
 *
 * Compiled layout (one file, little-endian, no pointers, so it is used in
 * place after mmap):
 *
 *   header  magic "RPDICT01", format version, endianness marker, file size,
 *           source hash, trie roots, then a table of sections
 *   STR     string pool (words, codes, labels, file names)
 *   WORD    every known word form: string, its lemma links, closed-class bits
 *   WHASH   open-addressing hash: folded form -> word id (0 = empty slot)
 *   LEMMA   lemma links: word id | RPD_L_NOUN | RPD_L_VERB (which relation)
 *   TNODE/TEDGE/TENTRY   two word tries (actors over exact word ids, agents
 *           over noun lemmas); edges sorted by word id for binary search
 *   ACTOR/ACODE/CASEB    actor entries, their dated codes, case constraints
 *   AGENT   agent entries (role codes)
 *   PATTERN/PELEM        verb patterns and their elements
 *   SYNSET/SMEMBER/SWORD synsets, members, member words (lemma ids)
 *   AOFF/APAT            anchor index: word id -> patterns (CSR form), each entry with
 *           the pattern's Bloom filter of needed words
 *   CODE    CAMEO event code table (sorted by code string)
 *   FILE    source file names, for "file:line" in explanations
 *
 * Word id 0 is the unknown word. rp_dict_open validates every offset and
 * index before use, so a corrupt file is an error, never a crash.
 */
#ifndef RP_DICT_H
#define RP_DICT_H

#include "../core/core.h"

#define RPD_MAGIC "RPDICT03"
#define RPD_VERSION 3u
#define RPD_ENDIAN 0x01020304u

enum rpd_section_id {
    RPD_STR = 0,
    RPD_WORD,
    RPD_WHASH,
    RPD_LEMMA,
    RPD_TNODE,
    RPD_TEDGE,
    RPD_TENTRY,
    RPD_ACTOR,
    RPD_ACODE,
    RPD_CASEB,
    RPD_AGENT,
    RPD_PATTERN,
    RPD_PELEM,
    RPD_SYNSET,
    RPD_SMEMBER,
    RPD_SWORD,
    RPD_AOFF,
    RPD_APAT,
    RPD_CODE,
    RPD_FILE,
    RPD_NSEC
};

typedef struct rpd_section {
    uint32_t id;     /* enum rpd_section_id */
    uint32_t esize;  /* bytes per element */
    uint64_t offset; /* from the start of the file, 8-aligned */
    uint64_t count;  /* elements */
} rpd_section;

typedef struct rpd_header {
    char magic[8];         /* RPD_MAGIC */
    uint32_t version;      /* RPD_VERSION */
    uint32_t endian;       /* RPD_ENDIAN as written by the compiling machine */
    uint64_t file_size;    /* bytes, including this header */
    uint64_t source_hash;  /* FNV-1a 64 over source paths and bytes */
    uint32_t actor_root;   /* TNODE index of the actor trie root */
    uint32_t agent_root;   /* TNODE index of the agent trie root */
    uint32_t nsections;    /* RPD_NSEC */
    uint32_t reserved;     /* 0 */
    rpd_section sec[RPD_NSEC];
} rpd_header;

/* closed-class bits of a word (rpd_word.cls) */
enum {
    RPD_C_DET = 1u << 0,      /* the, a, its, their ... */
    RPD_C_PREP = 1u << 1,     /* of, in, on, to ... */
    RPD_C_LOC = 1u << 2,      /* locative: in, at, near ... */
    RPD_C_FROM = 1u << 3,     /* from, out of (locative for capitals) */
    RPD_C_CONJ = 1u << 4,     /* and, or, but */
    RPD_C_PRON = 1u << 5,     /* he, she, it, they ... */
    RPD_C_REL = 1u << 6,      /* who, which, that, whom, whose */
    RPD_C_BE = 1u << 7,       /* is, was, been ... */
    RPD_C_HAVE = 1u << 8,     /* has, had ... */
    RPD_C_DO = 1u << 9,       /* do, did ... */
    RPD_C_MODAL = 1u << 10,   /* will, would, may ... */
    RPD_C_NEG = 1u << 11,     /* not, never, no */
    RPD_C_QUANT = 1u << 12,   /* dozens, hundreds, several ... */
    RPD_C_HONOR = 1u << 13,   /* mr, mrs, dr, sir ... */
    RPD_C_FORMER = 1u << 14,  /* former, ex */
    RPD_C_GET = 1u << 15,     /* get, got (passive auxiliary) */
    RPD_C_BY = 1u << 16,      /* by */
    RPD_C_OF = 1u << 17,      /* of */
    RPD_C_POSS = 1u << 18,    /* 's, ' */
    RPD_C_INTENT = 1u << 19,  /* plan, intend, pledge ... (+ to) */
    RPD_C_THREAT = 1u << 20,  /* threaten, warn (+ to) */
    RPD_C_REFUSE = 1u << 21,  /* refuse, decline, reject (+ to) */
    RPD_C_HEDGE = 1u << 22,   /* hope, wish, want, consider (+ to): no event */
    RPD_C_NUMWORD = 1u << 23, /* one, two, ... ten, dozen, hundred */
    RPD_C_SAY = 1u << 24,     /* say, tell, add, state: attribution */
    RPD_C_TO = 1u << 25,      /* to */
    RPD_C_FUNC = 1u << 26,    /* any other function word: never inflected */
    RPD_C_PERSPRON = 1u << 27,/* he, she, him, her */
    RPD_C_GROUPPRON = 1u << 28,/* it, they, its, their */
    RPD_C_NEGVERB = 1u << 29, /* avoid, stop, deny (+ -ing): the next verb did not happen */
    RPD_C_TIMEW = 1u << 30    /* a word that can start or make up a time expression */
};
/* also, still, now, already ...: skipped inside verb groups (bit 31, past int's range) */
#define RPD_C_ADV 0x80000000u

/* classes whose words are grammar, never inflected when used in patterns */
#define RPD_C_NOINFLECT                                                                        \
    (RPD_C_DET | RPD_C_PREP | RPD_C_CONJ | RPD_C_PRON | RPD_C_REL | RPD_C_BE | RPD_C_HAVE |   \
     RPD_C_DO | RPD_C_MODAL | RPD_C_NEG | RPD_C_QUANT | RPD_C_HONOR | RPD_C_POSS |             \
     RPD_C_NUMWORD | RPD_C_FUNC | RPD_C_FORMER)

/* lemma link flags (high bits of an RPD_LEMMA entry) */
#define RPD_L_NOUN 0x80000000u /* plural/base form: agents match through it */
#define RPD_L_VERB 0x40000000u /* any inflection: verb patterns match through it */
#define RPD_L_ID 0x3FFFFFFFu

typedef struct rpd_word {
    uint32_t str, len;              /* folded form in STR */
    uint32_t lemma_first, lemma_n;  /* its lemma links in LEMMA */
    uint32_t cls;                   /* RPD_C_* bits */
} rpd_word;

typedef struct rpd_tnode {
    uint32_t edge_first, edge_n;   /* children in TEDGE, sorted by word */
    uint32_t entry_first, entry_n; /* entries ending here, in TENTRY */
} rpd_tnode;

typedef struct rpd_tedge {
    uint32_t word; /* word id (actor trie) or lemma id (agent trie) */
    uint32_t node; /* child TNODE */
} rpd_tedge;

/* actor entry flags */
enum { RPD_A_ADJ = 1, RPD_A_CAPITAL = 2, RPD_A_PERSON = 4, RPD_A_NULL = 8 };

typedef struct rpd_actor {
    uint32_t code_first, code_n; /* ACODE entries, in the order written */
    uint32_t case_first;         /* CASEB: one byte per word: 0 any, 1 Capital, 2 CAPS */
    uint32_t nwords;             /* phrase length in tokens */
    uint32_t flags;              /* RPD_A_* */
    uint32_t file, line;         /* where it is written */
} rpd_actor;

typedef struct rpd_acode {
    uint32_t str, len;  /* code in STR */
    int32_t from, to;   /* days since 1970-01-01, [from, to); INT32_MIN/MAX when open */
    uint32_t dated;     /* 0 for the undated default */
} rpd_acode;

/* agent entry flags */
enum { RPD_G_PERSON = 1, RPD_G_NULL = 2 };

typedef struct rpd_agent {
    uint32_t str, len;   /* role code(s), e.g. "GOV" */
    uint32_t flags;      /* RPD_G_* */
    uint32_t nwords;     /* phrase length */
    uint32_t file, line; /* where it is written */
} rpd_agent;

/* pattern flags */
enum { RPD_P_NOUN = 1, RPD_P_NULL = 2, RPD_P_HAS_SRC = 4, RPD_P_HAS_TGT = 8, RPD_P_BOTH = 16 };

typedef struct rpd_pattern {
    uint64_t need[4];    /* 256-bit Bloom filter of the word ids its words need (id % 256),
                            anchor excluded: a sentence lacking one cannot match */
    char code[8];        /* event code, NUL-padded ("" for a null pattern) */
    char code2[8];       /* reciprocal code of a paired code, or "" */
    uint32_t elem_first, elem_n; /* PELEM */
    uint32_t anchor;     /* index (within the pattern) of the anchor element */
    uint32_t score;      /* 2 per word + 1 per slot: higher wins */
    uint32_t flags;      /* RPD_P_* */
    uint32_t file, line; /* where it is written */
} rpd_pattern;

enum { RPD_E_WORD = 1, RPD_E_EXACT, RPD_E_SET, RPD_E_SRC, RPD_E_TGT, RPD_E_BOTH };
enum { RPD_EF_ADJ = 1 }; /* must directly follow the previous element */

typedef struct rpd_pelem {
    uint32_t kind;  /* RPD_E_* */
    uint32_t a;     /* WORD: lemma id; EXACT: word id; SET: synset index */
    uint32_t flags; /* RPD_EF_* */
} rpd_pelem;

typedef struct rpd_synset {
    uint32_t name, name_len;         /* in STR */
    uint32_t member_first, member_n; /* SMEMBER */
} rpd_synset;

typedef struct rpd_smember {
    uint32_t word_first, word_n; /* SWORD: lemma ids, adjacent in text */
} rpd_smember;

typedef struct rpd_code {
    char code[8];      /* "161", NUL-padded */
    float goldstein;   /* -10 .. 10 */
    uint32_t quad;     /* 1..4 */
    uint32_t label, label_len; /* in STR */
} rpd_code;

/* One entry of the anchor index: a pattern and, copied from it so that the
 * scan of an anchor's patterns reads contiguous memory, its need filter. */
typedef struct rpd_anchor {
    uint64_t need[4];  /* = patterns[pattern].need */
    uint32_t pattern;  /* pattern index */
    uint32_t reserved; /* 0 */
} rpd_anchor;

typedef struct rpd_file {
    uint32_t str, len; /* path in STR */
} rpd_file;

/* The open dictionary: the file bytes plus typed views of each section. */
struct rp_dict {
    const rp_allocator *alloc; /* owner of `owned` */
    const uint8_t *base;       /* file bytes (mapped or owned) */
    size_t size;               /* their length */
    void *owned;               /* heap copy, or NULL when mapped */
    bool mapped;               /* base is an mmap */
    const rpd_header *h;
    const char *str;
    const rpd_word *words;
    uint32_t nwords;
    const uint32_t *whash;
    uint32_t nwhash; /* power of two */
    const uint32_t *lemmas;
    const rpd_tnode *tnodes;
    const rpd_tedge *tedges;
    const uint32_t *tentries;
    const rpd_actor *actors;
    uint32_t nactors;
    const rpd_acode *acodes;
    const uint8_t *caseb;
    const rpd_agent *agents;
    uint32_t nagents;
    const rpd_pattern *patterns;
    uint32_t npatterns;
    const rpd_pelem *pelems;
    const rpd_synset *synsets;
    uint32_t nsynsets;
    const rpd_smember *smembers;
    const uint32_t *swords;
    const uint32_t *aoff; /* nwords + 1 entries */
    const rpd_anchor *apat;
    const rpd_code *codes;
    uint32_t ncodes;
    const rpd_file *files;
    uint32_t nfiles;
};

/* ---- compiler (compile.c) ---- */

/* Compiles sources into a heap buffer holding the compiled file. */
rp_status rpd_compile_to_buffer(const char *const *paths, size_t npaths,
                                const rp_dict_options *opt, rp_buf *out, rp_error *err);

/* ---- closed-class words known to the compiler (lexicon.c) ---- */

typedef struct rpd_builtin {
    const char *word; /* folded form */
    uint32_t cls;     /* RPD_C_* */
} rpd_builtin;

/* The built-in closed-class word list, terminated by {NULL, 0}. */
const rpd_builtin *rpd_builtin_words(void);
/* Words that take part in time expressions (class RPD_C_TIMEW), NULL-terminated. */
const char *const *rpd_time_words(void);

/* Regular inflections of an ASCII lower-case word: calls emit for each
 * generated form (with `verb` false for noun plurals, true for verb forms). */
void rpd_inflect(const char *word, size_t len, bool verb,
                 void (*emit)(void *ctx, const char *form, size_t len), void *ctx);

/* ---- lookups used by the later stages (inline, hot) ---- */

/* Word id of a folded form, 0 if unknown. */
static inline uint32_t rpd_word_id(const rp_dict *d, const char *key, size_t len) {
    uint32_t h = rp_hash32(key, len);
    uint32_t mask = d->nwhash - 1;
    for (uint32_t i = h & mask, probes = 0; probes < d->nwhash; i = (i + 1) & mask, probes++) {
        uint32_t id = d->whash[i];
        if (id == 0) return 0;
        const rpd_word *w = &d->words[id];
        if (w->len == len && memcmp(d->str + w->str, key, len) == 0) return id;
    }
    return 0;
}

/* Child of a trie node for a word, or UINT32_MAX. */
static inline uint32_t rpd_trie_child(const rp_dict *d, uint32_t node, uint32_t word) {
    const rpd_tnode *n = &d->tnodes[node];
    uint32_t lo = 0, hi = n->edge_n;
    const rpd_tedge *e = d->tedges + n->edge_first;
    while (lo < hi) {
        uint32_t mid = (lo + hi) / 2;
        if (e[mid].word < word) lo = mid + 1;
        else hi = mid;
    }
    return lo < n->edge_n && e[lo].word == word ? e[lo].node : UINT32_MAX;
}

/* Does word `w` realise lemma `lemma` through relation `rel` (RPD_L_*)? */
static inline bool rpd_has_lemma(const rp_dict *d, uint32_t w, uint32_t lemma, uint32_t rel) {
    const rpd_word *word = &d->words[w];
    const uint32_t *l = d->lemmas + word->lemma_first;
    for (uint32_t i = 0; i < word->lemma_n; i++)
        if ((l[i] & RPD_L_ID) == lemma && (l[i] & rel)) return true;
    return false;
}

const rpd_code *rpd_find_code(const rp_dict *d, const char *code);
const char *rpd_file_name(const rp_dict *d, uint32_t file, size_t *len);

#endif /* RP_DICT_H */
