/*
 * compile.h — the dictionary compiler's intermediate form, shared by the
 * source parser (parse.c) and the writer of the binary (build.c).
 *
 * Parsing interns every word it meets into `words` (id 0 is the unknown
 * word) and records entries with word ids; build.c then expands lemmas into
 * their inflections, builds the tries and the anchor index and lays the
 * sections out. Everything here lives on the heap of one compilation and is
 * freed by rpc_fini.
 */
#ifndef RP_DICT_COMPILE_H
#define RP_DICT_COMPILE_H

#include "dict.h"

/* how a word is used as a lemma */
enum { RPC_NOUN_LEMMA = 1, RPC_VERB_LEMMA = 2 };

typedef struct rpc_word {
    uint32_t str, len; /* folded form in the string pool */
    uint32_t cls;      /* RPD_C_* */
    uint32_t use;      /* RPC_*_LEMMA */
    rp_vec links;      /* uint32_t lemma links (id | RPD_L_*) */
} rpc_word;

typedef struct rpc_actor {
    uint32_t words_first, nwords; /* in rpc.phrase_words */
    uint32_t case_first;          /* in rpc.caseb */
    uint32_t code_first, code_n;  /* in rpc.acodes */
    uint32_t flags, file, line;
} rpc_actor;

typedef struct rpc_agent {
    uint32_t words_first, nwords; /* in rpc.phrase_words */
    uint32_t role, role_len;      /* in the string pool */
    uint32_t flags, file, line;
} rpc_agent;

typedef struct rpc_synset {
    uint32_t name, name_len;         /* in the string pool (without '&') */
    uint32_t member_first, member_n; /* in rpc.smembers */
    uint32_t file, line;
    bool defined;
} rpc_synset;

typedef struct rpc_form {
    uint32_t lemma; /* word id of the lemma */
    uint32_t form;  /* word id of the irregular form */
} rpc_form;

typedef struct rpc_elem {
    uint32_t kind;  /* RPD_E_* */
    uint32_t a;     /* word id or synset index */
    uint32_t flags; /* RPD_EF_* */
} rpc_elem;

typedef struct rpc_pattern {
    rpd_pattern rec;          /* as written to the file (elem_first into rpc.elems) */
} rpc_pattern;

typedef struct rpc {
    const rp_allocator *alloc;
    const rp_dict_options *opt;
    size_t nerrors;        /* problems reported */
    rp_buf pool;           /* string pool */
    rp_vec words;          /* rpc_word */
    uint32_t *hash;        /* word hash: slot -> id (0 empty) */
    size_t hash_cap;       /* slots, power of two */
    rp_vec files;          /* rpd_file */
    rp_vec phrase_words;   /* uint32_t word ids of actor and agent phrases */
    rp_vec caseb;          /* uint8_t */
    rp_vec actors;         /* rpc_actor */
    rp_vec acodes;         /* rpd_acode */
    rp_vec agents;         /* rpc_agent */
    rp_vec synsets;        /* rpc_synset */
    rp_vec smembers;       /* rpd_smember */
    rp_vec swords;         /* uint32_t */
    rp_vec forms;          /* rpc_form */
    rp_vec patterns;       /* rpc_pattern */
    rp_vec elems;          /* rpc_elem */
    rp_vec codes;          /* rpd_code */
    rp_vec seen;           /* seen_phrase: duplicate detection */
    uint64_t source_hash;
    bool oom;
} rpc;

void rpc_init(rpc *c, const rp_dict_options *opt);
void rpc_fini(rpc *c);

/* Reports a problem at file:line (counted; passed to opt->on_diag). */
void rpc_diag(rpc *c, uint32_t file, size_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Interns a folded word; returns its id (never 0), or 0 on out-of-memory. */
uint32_t rpc_intern(rpc *c, const char *s, size_t len);
/* Adds a string to the pool; returns its offset. */
uint32_t rpc_str(rpc *c, const char *s, size_t len);

/* Parses one source file's bytes (parse.c). */
void rpc_parse_file(rpc *c, uint32_t file, const char *data, size_t len);

/* Expands lemmas, resolves synsets, checks codes, builds and lays out the
 * compiled file into out (build.c). */
rp_status rpc_build(rpc *c, rp_buf *out, rp_error *err);

#endif /* RP_DICT_COMPILE_H */
