/*
 * core.c — allocation, arena, buffers, vectors, errors, UTF-8 and calendar
 * helpers (see core.h for the data structures and their invariants).
 */
#include "core.h"

#include <stdio.h>
#include <stdlib.h>

/* ---------------------------------------------------------------- allocation */

static void *std_alloc(void *ctx, size_t size) {
    (void)ctx;
    return malloc(size ? size : 1);
}
static void *std_realloc(void *ctx, void *p, size_t old_size, size_t new_size) {
    (void)ctx;
    (void)old_size;
    return realloc(p, new_size ? new_size : 1);
}
static void std_free(void *ctx, void *p, size_t size) {
    (void)ctx;
    (void)size;
    free(p);
}

static const rp_allocator std_allocator = {std_alloc, std_realloc, std_free, NULL};

const rp_allocator *rp_default_allocator(void) { return &std_allocator; }

void *rp_alloc(const rp_allocator *a, size_t size) {
    if (!a) a = &std_allocator;
    return a->alloc(a->ctx, size);
}

void *rp_calloc(const rp_allocator *a, size_t n, size_t size) {
    if (size && n > SIZE_MAX / size) return NULL;
    void *p = rp_alloc(a, n * size);
    if (p) memset(p, 0, n * size);
    return p;
}

void *rp_realloc(const rp_allocator *a, void *p, size_t old_size, size_t new_size) {
    if (!a) a = &std_allocator;
    if (!p) return a->alloc(a->ctx, new_size);
    return a->realloc(a->ctx, p, old_size, new_size);
}

void rp_free(const rp_allocator *a, void *p, size_t size) {
    if (!p) return;
    if (!a) a = &std_allocator;
    a->free(a->ctx, p, size);
}

char *rp_strndup(const rp_allocator *a, const char *s, size_t n) {
    char *d = rp_alloc(a, n + 1);
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = 0;
    return d;
}

/* ---------------------------------------------------------------- arena */

struct rp_chunk {
    rp_chunk *prev; /* older chunk */
    size_t size;    /* usable bytes in data */
    size_t used;    /* bytes handed out */
    max_align_t data[];
};

void rp_arena_init(rp_arena *ar, const rp_allocator *alloc, size_t chunk_size) {
    memset(ar, 0, sizeof *ar);
    ar->alloc = alloc;
    ar->chunk_size = chunk_size ? chunk_size : 64 * 1024;
}

static void free_chunks_after(rp_arena *ar, rp_chunk *keep) {
    rp_chunk *c = ar->head;
    while (c && c != keep) {
        rp_chunk *prev = c->prev;
        rp_free(ar->alloc, c, sizeof(rp_chunk) + c->size);
        c = prev;
    }
    ar->head = keep;
}

void rp_arena_fini(rp_arena *ar) {
    free_chunks_after(ar, NULL);
    ar->first = NULL;
    ar->total = 0;
}

void rp_arena_reset(rp_arena *ar) {
    free_chunks_after(ar, ar->first);
    if (ar->first) ar->first->used = 0;
    ar->total = 0;
}

static rp_chunk *new_chunk(rp_arena *ar, size_t min) {
    size_t size = ar->chunk_size;
    if (size < min) size = min;
    rp_chunk *c = rp_alloc(ar->alloc, sizeof(rp_chunk) + size);
    if (!c) return NULL;
    c->prev = ar->head;
    c->size = size;
    c->used = 0;
    ar->head = c;
    if (!ar->first) ar->first = c;
    return c;
}

void *rp_arena_alloc(rp_arena *ar, size_t size) {
    const size_t align = sizeof(max_align_t);
    if (size > SIZE_MAX / 2) return NULL;
    size = (size + align - 1) & ~(align - 1);
    if (size == 0) size = align;
    rp_chunk *c = ar->head;
    /* A reset arena keeps its first chunk; reuse any later chunk of the
     * chain only through head, so rewind/reset stay simple. */
    if (!c || c->size - c->used < size) {
        c = new_chunk(ar, size);
        if (!c) return NULL;
    }
    void *p = (char *)c->data + c->used;
    c->used += size;
    ar->total += size;
    return p;
}

void *rp_arena_zalloc(rp_arena *ar, size_t size) {
    void *p = rp_arena_alloc(ar, size);
    if (p) memset(p, 0, size);
    return p;
}

char *rp_arena_strndup(rp_arena *ar, const char *s, size_t n) {
    char *d = rp_arena_alloc(ar, n + 1);
    if (!d) return NULL;
    if (n) memcpy(d, s, n);
    d[n] = 0;
    return d;
}

rp_arena_mark rp_arena_get_mark(const rp_arena *ar) {
    rp_arena_mark m = {ar->head, ar->head ? ar->head->used : 0, ar->total};
    return m;
}

void rp_arena_rewind(rp_arena *ar, rp_arena_mark mark) {
    if (!mark.chunk) {
        rp_arena_reset(ar);
        return;
    }
    free_chunks_after(ar, mark.chunk);
    mark.chunk->used = mark.used;
    ar->total = mark.total;
}

/* ---------------------------------------------------------------- buffers */

void rp_buf_init(rp_buf *b, const rp_allocator *alloc) {
    memset(b, 0, sizeof *b);
    b->alloc = alloc;
}

void rp_buf_fini(rp_buf *b) {
    rp_free(b->alloc, b->data, b->cap);
    b->data = NULL;
    b->len = b->cap = 0;
}

void rp_buf_clear(rp_buf *b) {
    b->len = 0;
    b->oom = false;
    if (b->data) b->data[0] = 0;
}

bool rp_buf_reserve(rp_buf *b, size_t extra) {
    if (b->oom) return false;
    if (extra > SIZE_MAX - b->len - 1) {
        b->oom = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap) return true;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need) cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *d = rp_realloc(b->alloc, b->data, b->cap, cap);
    if (!d) {
        b->oom = true;
        return false;
    }
    b->data = d;
    b->cap = cap;
    return true;
}

bool rp_buf_append(rp_buf *b, const void *data, size_t len) {
    if (!rp_buf_reserve(b, len)) return false;
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = 0;
    return true;
}

bool rp_buf_putc(rp_buf *b, char c) { return rp_buf_append(b, &c, 1); }
bool rp_buf_puts(rp_buf *b, const char *s) { return rp_buf_append(b, s, strlen(s)); }

bool rp_buf_vprintf(rp_buf *b, const char *fmt, va_list ap) {
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || !rp_buf_reserve(b, (size_t)n)) return false;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
    return true;
}

bool rp_buf_printf(rp_buf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    bool ok = rp_buf_vprintf(b, fmt, ap);
    va_end(ap);
    return ok;
}

const char *rp_buf_cstr(rp_buf *b) {
    if (!b->data) return "";
    return b->data;
}

/* ---------------------------------------------------------------- vectors */

void rp_vec_init(rp_vec *v, size_t esize, const rp_allocator *alloc) {
    memset(v, 0, sizeof *v);
    v->esize = esize;
    v->alloc = alloc;
}

void rp_vec_fini(rp_vec *v) {
    rp_free(v->alloc, v->data, v->cap * v->esize);
    v->data = NULL;
    v->len = v->cap = 0;
}

static bool vec_grow(rp_vec *v, size_t need) {
    if (need <= v->cap) return true;
    size_t cap = v->cap ? v->cap : 16;
    while (cap < need) cap *= 2;
    if (cap > SIZE_MAX / v->esize) return false;
    void *d = rp_realloc(v->alloc, v->data, v->cap * v->esize, cap * v->esize);
    if (!d) return false;
    v->data = d;
    v->cap = cap;
    return true;
}

void *rp_vec_push(rp_vec *v) {
    if (!vec_grow(v, v->len + 1)) return NULL;
    void *p = (char *)v->data + v->len * v->esize;
    memset(p, 0, v->esize);
    v->len++;
    return p;
}

bool rp_vec_append(rp_vec *v, const void *elems, size_t n) {
    if (!n) return true;
    if (!vec_grow(v, v->len + n)) return false;
    memcpy((char *)v->data + v->len * v->esize, elems, n * v->esize);
    v->len += n;
    return true;
}

/* ---------------------------------------------------------------- errors */

void rp_error_clear(rp_error *err) {
    if (err) memset(err, 0, sizeof *err);
}

rp_status rp_error_set(rp_error *err, rp_status code, const char *source, size_t line,
                       size_t offset, const char *fmt, ...) {
    if (!err) return code;
    err->code = code;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    err->line = line;
    err->col = 0;
    err->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

const char *rp_status_str(rp_status status) {
    switch (status) {
    case RP_OK: return "success";
    case RP_ENOMEM: return "out of memory";
    case RP_EIO: return "input/output error";
    case RP_EFORMAT: return "malformed input";
    case RP_EINVAL: return "invalid argument";
    case RP_ENOTFOUND: return "not found";
    case RP_EVERSION: return "unsupported format version";
    case RP_ELIMIT: return "input exceeds a limit";
    }
    return "unknown status";
}

const char *rp_version(void) { return RIPOSTE_VERSION_STRING; }

/* ---------------------------------------------------------------- UTF-8 */

int rp_utf8_decode(const unsigned char *s, size_t len, int32_t *cp) {
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    int n;
    int32_t v, min;
    if ((c & 0xE0) == 0xC0) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = -1;
        return 1;
    }
    if ((size_t)n > len) {
        *cp = -1;
        return 1;
    }
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = -1;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = -1;
        return 1;
    }
    *cp = v;
    return n;
}

int rp_utf8_encode(int32_t cp, char *out) {
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---------------------------------------------------------------- calendar */

/* Howard Hinnant's days-from-civil algorithm (public-domain description),
 * valid for the proleptic Gregorian calendar. */
int32_t rp_days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    const int era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = (unsigned)(y - era * 400);
    const unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return (int32_t)(era * 146097 + (int)doe - 719468);
}

void rp_civil_from_days(int32_t z, int *y, int *m, int *d) {
    z += 719468;
    const int era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = (unsigned)(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int yy = (int)yoe + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yy + (*m <= 2);
}

bool rp_date_valid(int y, int m, int d) {
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) return false;
    int md = mdays[m - 1];
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) md = 29;
    return d <= md;
}

int rp_weekday(int32_t days) {
    /* 1970-01-01 was a Thursday (3 with Monday = 0). */
    int w = (int)((days % 7 + 7) % 7);
    return (w + 3) % 7;
}

bool rp_ieq(const char *s, size_t n, const char *lit) {
    size_t i = 0;
    for (; i < n && lit[i]; i++)
        if (rp_to_lower((unsigned char)s[i]) != rp_to_lower((unsigned char)lit[i])) return false;
    return i == n && lit[i] == 0;
}
