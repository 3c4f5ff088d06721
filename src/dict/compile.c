/*
 * compile.c — the compiler's driver: finds source files, reads them, runs
 * the parser and the builder, and writes the compiled file atomically.
 *
 * Sources are taken in byte order of their paths (directories searched
 * recursively for *.txt, symlinks followed up to a fixed depth, so a link
 * loop ends), and hashed with their paths into source_hash.
 */
#include "compile.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_DEPTH = 16, MAX_SOURCE_BYTES = 64 * 1024 * 1024 };

/* ---------------------------------------------------------------- rpc basics */

uint32_t rpc_str(rpc *c, const char *s, size_t len) {
    uint32_t off = (uint32_t)c->pool.len;
    if (!rp_buf_append(&c->pool, s, len)) c->oom = true;
    return off;
}

static bool hash_grow(rpc *c) {
    size_t cap = c->hash_cap ? c->hash_cap * 2 : 1024;
    uint32_t *slots = rp_calloc(c->alloc, cap, sizeof(uint32_t));
    if (!slots) return false;
    for (uint32_t id = 1; id < c->words.len; id++) {
        rpc_word *w = RP_VEC_AT(&c->words, rpc_word, id);
        size_t i = rp_hash32(c->pool.data + w->str, w->len) & (cap - 1);
        while (slots[i]) i = (i + 1) & (cap - 1);
        slots[i] = id;
    }
    rp_free(c->alloc, c->hash, c->hash_cap * sizeof(uint32_t));
    c->hash = slots;
    c->hash_cap = cap;
    return true;
}

uint32_t rpc_intern(rpc *c, const char *s, size_t len) {
    if (c->oom) return 0;
    if ((c->words.len + 1) * 2 > c->hash_cap && !hash_grow(c)) {
        c->oom = true;
        return 0;
    }
    size_t i = rp_hash32(s, len) & (c->hash_cap - 1);
    for (; c->hash[i]; i = (i + 1) & (c->hash_cap - 1)) {
        rpc_word *w = RP_VEC_AT(&c->words, rpc_word, c->hash[i]);
        if (w->len == len && memcmp(c->pool.data + w->str, s, len) == 0) return c->hash[i];
    }
    rpc_word *w = rp_vec_push(&c->words);
    if (!w) {
        c->oom = true;
        return 0;
    }
    uint32_t id = (uint32_t)(c->words.len - 1);
    w->str = rpc_str(c, s, len);
    /* keep words NUL-separated in the pool, handy for debugging */
    rpc_str(c, "", 1);
    w = RP_VEC_AT(&c->words, rpc_word, id);
    w->len = (uint32_t)len;
    rp_vec_init(&w->links, sizeof(uint32_t), c->alloc);
    c->hash[i] = id;
    return id;
}

void rpc_diag(rpc *c, uint32_t file, size_t line, const char *fmt, ...) {
    c->nerrors++;
    if (!c->opt || !c->opt->on_diag) return;
    rp_error e;
    memset(&e, 0, sizeof e);
    e.code = RP_EFORMAT;
    if (file < c->files.len) {
        const rpd_file *f = RP_VEC_AT(&c->files, rpd_file, file);
        size_t n = f->len < sizeof e.source - 1 ? f->len : sizeof e.source - 1;
        memcpy(e.source, c->pool.data + f->str, n);
    }
    e.line = line;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e.message, sizeof e.message, fmt, ap);
    va_end(ap);
    c->opt->on_diag(c->opt->diag_ctx, &e);
}

void rpc_init(rpc *c, const rp_dict_options *opt) {
    memset(c, 0, sizeof *c);
    c->opt = opt;
    c->alloc = opt ? opt->allocator : NULL;
    rp_buf_init(&c->pool, c->alloc);
    rp_vec_init(&c->words, sizeof(rpc_word), c->alloc);
    rp_vec_init(&c->files, sizeof(rpd_file), c->alloc);
    rp_vec_init(&c->phrase_words, sizeof(uint32_t), c->alloc);
    rp_vec_init(&c->caseb, 1, c->alloc);
    rp_vec_init(&c->actors, sizeof(rpc_actor), c->alloc);
    rp_vec_init(&c->acodes, sizeof(rpd_acode), c->alloc);
    rp_vec_init(&c->agents, sizeof(rpc_agent), c->alloc);
    rp_vec_init(&c->synsets, sizeof(rpc_synset), c->alloc);
    rp_vec_init(&c->smembers, sizeof(rpd_smember), c->alloc);
    rp_vec_init(&c->swords, sizeof(uint32_t), c->alloc);
    rp_vec_init(&c->forms, sizeof(rpc_form), c->alloc);
    rp_vec_init(&c->patterns, sizeof(rpc_pattern), c->alloc);
    rp_vec_init(&c->elems, sizeof(rpc_elem), c->alloc);
    rp_vec_init(&c->codes, sizeof(rpd_code), c->alloc);
    rp_vec_init(&c->seen, 5 * sizeof(uint32_t), c->alloc);
    c->source_hash = RP_HASH64_INIT;
    /* word 0: the unknown word */
    if (!rp_vec_push(&c->words)) c->oom = true;
    else rp_vec_init(&RP_VEC_AT(&c->words, rpc_word, 0)->links, sizeof(uint32_t), c->alloc);
    for (const rpd_builtin *b = rpd_builtin_words(); b->word; b++) {
        uint32_t id = rpc_intern(c, b->word, strlen(b->word));
        if (id) RP_VEC_AT(&c->words, rpc_word, id)->cls |= b->cls;
    }
    for (const char *const *t = rpd_time_words(); *t; t++) {
        uint32_t id = rpc_intern(c, *t, strlen(*t));
        if (id) RP_VEC_AT(&c->words, rpc_word, id)->cls |= RPD_C_TIMEW;
    }
}

void rpc_fini(rpc *c) {
    for (size_t i = 0; i < c->words.len; i++) rp_vec_fini(&RP_VEC_AT(&c->words, rpc_word, i)->links);
    rp_vec_fini(&c->words);
    rp_free(c->alloc, c->hash, c->hash_cap * sizeof(uint32_t));
    rp_buf_fini(&c->pool);
    rp_vec *vs[] = {&c->files,    &c->phrase_words, &c->caseb,  &c->actors, &c->acodes,
                    &c->agents,   &c->synsets,      &c->smembers, &c->swords, &c->forms,
                    &c->patterns, &c->elems,        &c->codes,  &c->seen};
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) rp_vec_fini(vs[i]);
}

/* ---------------------------------------------------------------- sources */

typedef struct path_list {
    rp_vec paths; /* char* (heap) */
    const rp_allocator *alloc;
} path_list;

static bool ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

static rp_status add_path(path_list *pl, const char *path, int depth, rp_error *err) {
    struct stat st;
    if (stat(path, &st) != 0)
        return rp_error_set(err, errno == ENOENT ? RP_ENOTFOUND : RP_EIO, path, 0, 0, "%s",
                            strerror(errno));
    if (S_ISREG(st.st_mode) || depth == 0) {
        if (!S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode))
            return rp_error_set(err, RP_EIO, path, 0, 0, "not a file or directory");
        if (S_ISDIR(st.st_mode)) goto dir;
        char **slot = rp_vec_push(&pl->paths);
        if (!slot || !(*slot = rp_strndup(pl->alloc, path, strlen(path))))
            return rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
        return RP_OK;
    }
    if (!S_ISDIR(st.st_mode)) return RP_OK;
dir:
    if (depth >= MAX_DEPTH)
        return rp_error_set(err, RP_ELIMIT, path, 0, 0,
                            "directories nested deeper than %d (a symlink loop?)", MAX_DEPTH);
    DIR *d = opendir(path);
    if (!d) return rp_error_set(err, RP_EIO, path, 0, 0, "%s", strerror(errno));
    struct dirent *de;
    rp_status st2 = RP_OK;
    while (st2 == RP_OK && (de = readdir(d))) {
        if (de->d_name[0] == '.') continue;
        size_t n = strlen(path) + strlen(de->d_name) + 2;
        char *child = rp_alloc(pl->alloc, n);
        if (!child) {
            st2 = rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
            break;
        }
        snprintf(child, n, "%s/%s", path, de->d_name);
        struct stat cs;
        if (stat(child, &cs) == 0 && (S_ISDIR(cs.st_mode) || ends_with(child, ".txt")))
            st2 = add_path(pl, child, depth + 1, err);
        rp_free(pl->alloc, child, n);
    }
    closedir(d);
    return st2;
}

static int cmp_path(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static rp_status read_file(const rp_allocator *alloc, const char *path, char **data, size_t *len,
                           rp_error *err) {
    FILE *f = fopen(path, "rb");
    if (!f) return rp_error_set(err, RP_EIO, path, 0, 0, "%s", strerror(errno));
    rp_buf b;
    rp_buf_init(&b, alloc);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > MAX_SOURCE_BYTES) {
            fclose(f);
            rp_buf_fini(&b);
            return rp_error_set(err, RP_ELIMIT, path, 0, 0, "dictionary file larger than %d MiB",
                                MAX_SOURCE_BYTES >> 20);
        }
        if (!rp_buf_append(&b, chunk, n)) {
            fclose(f);
            rp_buf_fini(&b);
            return rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
        }
    }
    bool bad = ferror(f);
    fclose(f);
    if (bad) {
        rp_buf_fini(&b);
        return rp_error_set(err, RP_EIO, path, 0, 0, "read error");
    }
    *data = b.data;
    *len = b.len;
    return RP_OK;
}

rp_status rpd_compile_to_buffer(const char *const *paths, size_t npaths,
                                const rp_dict_options *opt, rp_buf *out, rp_error *err) {
    const rp_allocator *alloc = opt ? opt->allocator : NULL;
    path_list pl = {{0}, alloc};
    rp_vec_init(&pl.paths, sizeof(char *), alloc);
    rp_status st = RP_OK;
    for (size_t i = 0; i < npaths && st == RP_OK; i++) st = add_path(&pl, paths[i], 0, err);
    if (st == RP_OK && pl.paths.len == 0)
        st = rp_error_set(err, RP_ENOTFOUND, npaths ? paths[0] : "", 0, 0,
                          "no dictionary source files (*.txt) found");
    rpc c;
    rpc_init(&c, opt);
    if (st == RP_OK) {
        qsort(pl.paths.data, pl.paths.len, sizeof(char *), cmp_path);
        for (size_t i = 0; i < pl.paths.len && st == RP_OK; i++) {
            const char *p = *RP_VEC_AT(&pl.paths, char *, i);
            rpd_file *f = rp_vec_push(&c.files);
            if (!f) {
                st = rp_error_set(err, RP_ENOMEM, p, 0, 0, "out of memory");
                break;
            }
            f->len = (uint32_t)strlen(p);
            f->str = rpc_str(&c, p, f->len);
            char *data = NULL;
            size_t len = 0;
            st = read_file(alloc, p, &data, &len, err);
            if (st != RP_OK) break;
            c.source_hash = rp_hash64_update(c.source_hash, p, strlen(p) + 1);
            c.source_hash = rp_hash64_update(c.source_hash, data, len);
            rpc_parse_file(&c, (uint32_t)i, data, len);
            rp_free(alloc, data, len);
        }
    }
    if (st == RP_OK) st = rpc_build(&c, out, err);
    rpc_fini(&c);
    for (size_t i = 0; i < pl.paths.len; i++) {
        char *p = *RP_VEC_AT(&pl.paths, char *, i);
        rp_free(alloc, p, strlen(p) + 1);
    }
    rp_vec_fini(&pl.paths);
    return st;
}

rp_dict_options rp_dict_options_default(void) {
    rp_dict_options o;
    memset(&o, 0, sizeof o);
    return o;
}

rp_status rp_dict_compile(const char *const *paths, size_t npaths, const char *out_path,
                          const rp_dict_options *opt, rp_error *err) {
    if (!paths || !out_path) return rp_error_set(err, RP_EINVAL, "", 0, 0, "no paths given");
    rp_buf out;
    rp_buf_init(&out, opt ? opt->allocator : NULL);
    rp_status st = rpd_compile_to_buffer(paths, npaths, opt, &out, err);
    if (st != RP_OK) {
        rp_buf_fini(&out);
        return st;
    }
    size_t tl = strlen(out_path) + 16;
    char *tmp = rp_alloc(opt ? opt->allocator : NULL, tl);
    if (!tmp) {
        rp_buf_fini(&out);
        return rp_error_set(err, RP_ENOMEM, out_path, 0, 0, "out of memory");
    }
    snprintf(tmp, tl, "%s.tmp%ld", out_path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        st = rp_error_set(err, RP_EIO, out_path, 0, 0, "cannot write: %s", strerror(errno));
    } else {
        bool ok = fwrite(out.data, 1, out.len, f) == out.len;
        ok = (fclose(f) == 0) && ok;
        if (!ok || rename(tmp, out_path) != 0) {
            st = rp_error_set(err, RP_EIO, out_path, 0, 0, "cannot write: %s", strerror(errno));
            remove(tmp);
        }
    }
    rp_free(opt ? opt->allocator : NULL, tmp, tl);
    rp_buf_fini(&out);
    return st;
}
