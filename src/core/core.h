/*
 * core.h — the small tools every stage uses: allocation through rp_allocator,
 * the per-document arena, growable byte buffers and arrays, hashing, error
 * filling and UTF-8 decoding.
 *
 * The arena is a list of chunks; allocation bumps a pointer in the newest
 * chunk. rp_arena_reset keeps the first chunk (so a reused document does not
 * go back to malloc) and frees the rest. Mark/rewind lets a stage use scratch
 * memory and give it back. Nothing allocated from an arena is freed on its own.
 */
#ifndef RP_CORE_H
#define RP_CORE_H

#include "riposte.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* ---- allocation ---- */

const rp_allocator *rp_default_allocator(void);
/* NULL a means the default allocator. */
void *rp_alloc(const rp_allocator *a, size_t size);
void *rp_calloc(const rp_allocator *a, size_t n, size_t size);
void *rp_realloc(const rp_allocator *a, void *p, size_t old_size, size_t new_size);
void rp_free(const rp_allocator *a, void *p, size_t size);
char *rp_strndup(const rp_allocator *a, const char *s, size_t n);

/* ---- arena ---- */

typedef struct rp_chunk rp_chunk;

typedef struct rp_arena {
    const rp_allocator *alloc; /* where chunks come from */
    rp_chunk *head;            /* newest chunk (allocation happens here) */
    rp_chunk *first;           /* oldest chunk, kept across resets */
    size_t chunk_size;         /* default size of a new chunk */
    size_t total;              /* bytes handed out since the last reset */
} rp_arena;

typedef struct rp_arena_mark {
    rp_chunk *chunk; /* chunk that was newest at the mark */
    size_t used;     /* its fill level then */
    size_t total;    /* arena total then */
} rp_arena_mark;

void rp_arena_init(rp_arena *ar, const rp_allocator *alloc, size_t chunk_size);
void rp_arena_fini(rp_arena *ar);
void rp_arena_reset(rp_arena *ar);
/* Returns NULL on out-of-memory. Memory is aligned for any scalar type. */
void *rp_arena_alloc(rp_arena *ar, size_t size);
void *rp_arena_zalloc(rp_arena *ar, size_t size);
char *rp_arena_strndup(rp_arena *ar, const char *s, size_t n);
rp_arena_mark rp_arena_get_mark(const rp_arena *ar);
void rp_arena_rewind(rp_arena *ar, rp_arena_mark mark);

/* ---- growable byte buffer (heap) ---- */

typedef struct rp_buf {
    char *data;   /* NUL-terminated when len > 0 or after rp_buf_cstr */
    size_t len;   /* bytes used */
    size_t cap;   /* bytes allocated */
    const rp_allocator *alloc;
    bool oom;     /* an append failed; contents are incomplete */
} rp_buf;

void rp_buf_init(rp_buf *b, const rp_allocator *alloc);
void rp_buf_fini(rp_buf *b);
void rp_buf_clear(rp_buf *b);
bool rp_buf_reserve(rp_buf *b, size_t extra);
bool rp_buf_append(rp_buf *b, const void *data, size_t len);
bool rp_buf_putc(rp_buf *b, char c);
bool rp_buf_puts(rp_buf *b, const char *s);
bool rp_buf_printf(rp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
bool rp_buf_vprintf(rp_buf *b, const char *fmt, va_list ap);
const char *rp_buf_cstr(rp_buf *b);

/* ---- growable array of fixed-size elements (heap) ---- */

typedef struct rp_vec {
    void *data;
    size_t len;   /* elements used */
    size_t cap;   /* elements allocated */
    size_t esize; /* element size */
    const rp_allocator *alloc;
} rp_vec;

void rp_vec_init(rp_vec *v, size_t esize, const rp_allocator *alloc);
void rp_vec_fini(rp_vec *v);
/* Appends one zeroed element and returns it, NULL on out-of-memory. */
void *rp_vec_push(rp_vec *v);
bool rp_vec_append(rp_vec *v, const void *elems, size_t n);
#define RP_VEC_AT(v, type, i) (&((type *)(v)->data)[i])

/* ---- hashing ---- */

static inline uint32_t rp_hash32(const void *data, size_t len) {
    const unsigned char *p = data;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 16777619u;
    }
    return h;
}

static inline uint64_t rp_hash64_update(uint64_t h, const void *data, size_t len) {
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}
#define RP_HASH64_INIT 14695981039346656037ull

/* ---- errors ---- */

/* Fills err (when not NULL) and returns code. */
rp_status rp_error_set(rp_error *err, rp_status code, const char *source, size_t line,
                       size_t offset, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void rp_error_clear(rp_error *err);

/* ---- UTF-8 ---- */

/* Decodes one code point at s[0..len). Returns its byte length (1..4) and
 * stores it in *cp; on an invalid or truncated sequence returns 1 and stores
 * -1. len must be > 0. Overlong forms, surrogates and values above U+10FFFF
 * are invalid. */
int rp_utf8_decode(const unsigned char *s, size_t len, int32_t *cp);
/* Encodes cp (valid scalar value) into out (>= 4 bytes); returns the length. */
int rp_utf8_encode(int32_t cp, char *out);

/* ---- dates (calendar arithmetic on days since 1970-01-01) ---- */

int32_t rp_days_from_civil(int y, int m, int d);
void rp_civil_from_days(int32_t z, int *y, int *m, int *d);
bool rp_date_valid(int y, int m, int d);
/* 0 = Monday … 6 = Sunday */
int rp_weekday(int32_t days);

/* ---- small string helpers ---- */

static inline bool rp_is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
static inline bool rp_is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline bool rp_is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline bool rp_is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
static inline bool rp_is_alpha(unsigned char c) { return rp_is_upper(c) || rp_is_lower(c); }
static inline unsigned char rp_to_lower(unsigned char c) {
    return rp_is_upper(c) ? (unsigned char)(c + 32) : c;
}
/* Case-insensitive ASCII comparison of s[0..n) with the NUL-terminated lit. */
bool rp_ieq(const char *s, size_t n, const char *lit);

#endif /* RP_CORE_H */
