/*
 * stem.c — Snowball English stems (libstemmer) behind a cache.
 *
 * Stemming a word costs far more than a hash lookup, and news vocabulary is
 * Zipfian, so each document handle keeps an open-addressing table from folded
 * word to stem. Strings live in the stemmer's own arena. The table is bounded:
 * rp_stemmer_trim empties it (between documents) once it holds more than
 * MAX_ENTRIES words, so memory stays flat over any stream.
 */
#include "text.h"

#include <libstemmer.h>

enum { MAX_ENTRIES = 1 << 16, SLOTS = 1 << 17 };

typedef struct stem_slot {
    const char *word; /* folded word, NUL-terminated; NULL = empty slot */
    const char *stem; /* its stem */
    uint32_t hash;    /* rp_hash32(word) */
    uint32_t len;     /* strlen(word) */
} stem_slot;

struct rp_stemmer {
    const rp_allocator *alloc; /* for the table */
    struct sb_stemmer *sb;     /* libstemmer handle (not thread-safe: one per stemmer) */
    stem_slot *slots;          /* SLOTS entries */
    size_t count;              /* occupied slots */
    rp_arena strings;          /* word and stem strings */
};

rp_stemmer *rp_stemmer_new(const rp_allocator *alloc) {
    rp_stemmer *st = rp_calloc(alloc, 1, sizeof *st);
    if (!st) return NULL;
    st->alloc = alloc;
    st->sb = sb_stemmer_new("english", NULL);
    st->slots = rp_calloc(alloc, SLOTS, sizeof(stem_slot));
    rp_arena_init(&st->strings, alloc, 256 * 1024);
    if (!st->sb || !st->slots) {
        rp_stemmer_free(st);
        return NULL;
    }
    return st;
}

void rp_stemmer_free(rp_stemmer *st) {
    if (!st) return;
    if (st->sb) sb_stemmer_delete(st->sb);
    rp_free(st->alloc, st->slots, SLOTS * sizeof(stem_slot));
    rp_arena_fini(&st->strings);
    rp_free(st->alloc, st, sizeof *st);
}

void rp_stemmer_trim(rp_stemmer *st) {
    if (st->count < MAX_ENTRIES) return;
    memset(st->slots, 0, SLOTS * sizeof(stem_slot));
    st->count = 0;
    rp_arena_reset(&st->strings);
}

static const char *compute(rp_stemmer *st, const char *word, size_t len) {
    /* libstemmer works on bytes; words longer than this are not real words,
     * and stemming them buys nothing. */
    if (len > 64) return rp_arena_strndup(&st->strings, word, len);
    const sb_symbol *s = sb_stemmer_stem(st->sb, (const sb_symbol *)word, (int)len);
    if (!s) return NULL;
    return rp_arena_strndup(&st->strings, (const char *)s, (size_t)sb_stemmer_length(st->sb));
}

const char *rp_stemmer_stem(rp_stemmer *st, const char *word, size_t len) {
    uint32_t h = rp_hash32(word, len);
    size_t mask = SLOTS - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        stem_slot *s = &st->slots[i];
        if (!s->word) {
            if (st->count >= SLOTS / 2) return compute(st, word, len); /* full: no caching */
            const char *w = rp_arena_strndup(&st->strings, word, len);
            const char *stem = w ? compute(st, word, len) : NULL;
            if (!stem) return NULL;
            s->word = w;
            s->stem = stem;
            s->hash = h;
            s->len = (uint32_t)len;
            st->count++;
            return stem;
        }
        if (s->hash == h && s->len == len && memcmp(s->word, word, len) == 0) return s->stem;
    }
}
