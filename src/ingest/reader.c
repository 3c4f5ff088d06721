/*
 * reader.c — the ingest stage: paths -> documents.
 *
 * The reader keeps a stack of pending paths (directories expand into their
 * entries in name order, pushed in reverse so they pop in order) and at most
 * one open stream. A plain-text file is read whole (up to max_file_bytes) and
 * is one document; a JSON Lines file stays open and yields one document per
 * line. zlib's gzread reads plain and gzip input alike, so ".gz" needs no
 * special case; the byte limits also bound what a gzip bomb can expand to.
 *
 * Every failure names the file and line (or byte offset) and skips only what
 * it must: an unreadable file, a malformed JSONL line, a binary file.
 */
#include "ingest.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

enum { MAX_DEPTH = 64, CHUNK = 1 << 16 };

typedef struct dir_id {
    dev_t dev;
    ino_t ino;
} dir_id;

struct rp_reader {
    const rp_allocator *alloc;
    rp_reader_options opt;
    rp_vec pending;      /* char* paths still to visit (a stack) */
    rp_vec depth;        /* int depth of each pending path */
    rp_vec seen_dirs;    /* dir_id of directories already walked */
    size_t failures;     /* inputs or records that could not be read */
    /* the open JSONL stream */
    gzFile gz;           /* NULL when none */
    char *gz_path;       /* its path */
    bool gz_stdin;       /* reading standard input */
    size_t line;         /* current line number */
    char *chunk;         /* read buffer (CHUNK bytes) */
    size_t chunk_len, chunk_pos;
    bool eof;
    /* the current document */
    rp_buf linebuf;      /* the raw line or file */
    rp_buf id, url, date, title, text, where;
};

rp_reader_options rp_reader_options_default(void) {
    rp_reader_options o;
    memset(&o, 0, sizeof o);
    o.max_doc_bytes = 8u << 20;
    o.max_file_bytes = 64u << 20;
    return o;
}

static bool push_path(rp_reader *r, const char *path, size_t len, int depth) {
    char *p = rp_strndup(r->alloc, path, len);
    if (!p) return false;
    char **slot = rp_vec_push(&r->pending);
    int *d = rp_vec_push(&r->depth);
    if (!slot || !d) {
        rp_free(r->alloc, p, len + 1);
        return false;
    }
    *slot = p;
    *d = depth;
    return true;
}

rp_status rp_reader_open(const char *const *paths, size_t npaths, const rp_reader_options *opt,
                         rp_reader **out, rp_error *err) {
    if (!out || (!paths && npaths)) return rp_error_set(err, RP_EINVAL, "", 0, 0, "invalid argument");
    const rp_allocator *alloc = opt ? opt->allocator : NULL;
    rp_reader *r = rp_calloc(alloc, 1, sizeof *r);
    if (!r) return rp_error_set(err, RP_ENOMEM, "", 0, 0, "out of memory");
    r->alloc = alloc;
    r->opt = opt ? *opt : rp_reader_options_default();
    if (!r->opt.max_doc_bytes) r->opt.max_doc_bytes = 8u << 20;
    if (!r->opt.max_file_bytes) r->opt.max_file_bytes = 64u << 20;
    rp_vec_init(&r->pending, sizeof(char *), alloc);
    rp_vec_init(&r->depth, sizeof(int), alloc);
    rp_vec_init(&r->seen_dirs, sizeof(dir_id), alloc);
    rp_buf *bufs[] = {&r->linebuf, &r->id, &r->url, &r->date, &r->title, &r->text, &r->where};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++) rp_buf_init(bufs[i], alloc);
    r->chunk = rp_alloc(alloc, CHUNK);
    bool ok = r->chunk != NULL;
    for (size_t i = npaths; ok && i-- > 0;) ok = push_path(r, paths[i], strlen(paths[i]), 0);
    if (!ok) {
        rp_reader_close(r);
        return rp_error_set(err, RP_ENOMEM, "", 0, 0, "out of memory");
    }
    *out = r;
    return RP_OK;
}

static void close_stream(rp_reader *r) {
    if (r->gz) gzclose(r->gz);
    r->gz = NULL;
    if (r->gz_path) rp_free(r->alloc, r->gz_path, strlen(r->gz_path) + 1);
    r->gz_path = NULL;
    r->chunk_len = r->chunk_pos = 0;
    r->eof = false;
}

void rp_reader_close(rp_reader *r) {
    if (!r) return;
    close_stream(r);
    for (size_t i = 0; i < r->pending.len; i++) {
        char *p = *RP_VEC_AT(&r->pending, char *, i);
        rp_free(r->alloc, p, strlen(p) + 1);
    }
    rp_vec_fini(&r->pending);
    rp_vec_fini(&r->depth);
    rp_vec_fini(&r->seen_dirs);
    rp_buf *bufs[] = {&r->linebuf, &r->id, &r->url, &r->date, &r->title, &r->text, &r->where};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++) rp_buf_fini(bufs[i]);
    rp_free(r->alloc, r->chunk, CHUNK);
    rp_free(r->alloc, r, sizeof *r);
}

size_t rp_reader_failures(const rp_reader *r) { return r ? r->failures : 0; }

/* ---------------------------------------------------------------- helpers */

static bool ends_with(const char *s, const char *suf) {
    size_t n = strlen(s), k = strlen(suf);
    return n >= k && strcmp(s + n - k, suf) == 0;
}

static bool jsonl_name(const char *p) {
    const char *exts[] = {".jsonl", ".ndjson", ".json", ".jsonl.gz", ".ndjson.gz", ".json.gz"};
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (ends_with(p, exts[i])) return true;
    return false;
}

static bool wanted_in_dir(const char *name) {
    const char *exts[] = {".txt", ".text", ".txt.gz", ".text.gz"};
    if (name[0] == '.') return false;
    if (jsonl_name(name)) return true;
    for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
        if (ends_with(name, exts[i])) return true;
    return false;
}

static int cmp_str(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static rp_status fail(rp_reader *r, rp_error *err, rp_status st, const char *src, size_t line,
                      size_t off, const char *fmt, const char *detail) {
    r->failures++;
    return rp_error_set(err, st, src, line, off, fmt, detail);
}

/* Expands a directory onto the pending stack. */
static rp_status expand_dir(rp_reader *r, const char *path, int depth, const struct stat *st,
                            rp_error *err) {
    for (size_t i = 0; i < r->seen_dirs.len; i++) {
        dir_id *d = RP_VEC_AT(&r->seen_dirs, dir_id, i);
        if (d->dev == st->st_dev && d->ino == st->st_ino)
            return fail(r, err, RP_ELIMIT, path, 0, 0, "%s", "directory already visited (symbolic link loop), skipped");
    }
    if (depth >= MAX_DEPTH)
        return fail(r, err, RP_ELIMIT, path, 0, 0, "%s", "directories nested too deeply, skipped");
    dir_id *d = rp_vec_push(&r->seen_dirs);
    if (!d) return rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
    d->dev = st->st_dev;
    d->ino = st->st_ino;
    DIR *dir = opendir(path);
    if (!dir) return fail(r, err, RP_EIO, path, 0, 0, "cannot open directory: %s", strerror(errno));
    rp_vec names;
    rp_vec_init(&names, sizeof(char *), r->alloc);
    struct dirent *de;
    rp_status s = RP_OK;
    while ((de = readdir(dir))) {
        if (de->d_name[0] == '.') continue;
        size_t n = strlen(path) + strlen(de->d_name) + 2;
        char *child = rp_alloc(r->alloc, n);
        char **slot = child ? rp_vec_push(&names) : NULL;
        if (!slot) {
            rp_free(r->alloc, child, n);
            s = rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
            break;
        }
        snprintf(child, n, "%s/%s", path, de->d_name);
        *slot = child;
    }
    closedir(dir);
    if (names.len) qsort(names.data, names.len, sizeof(char *), cmp_str);
    for (size_t i = names.len; i-- > 0;) {
        char *c = *RP_VEC_AT(&names, char *, i);
        struct stat cs;
        bool take = s == RP_OK && stat(c, &cs) == 0 &&
                    (S_ISDIR(cs.st_mode) || wanted_in_dir(strrchr(c, '/') + 1));
        /* unreadable entries are still taken so that their failure is reported */
        if (s == RP_OK && !take && lstat(c, &cs) == 0 && S_ISLNK(cs.st_mode) && stat(c, &cs) != 0)
            take = true;
        if (take && !push_path(r, c, strlen(c), depth + 1))
            s = rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
        rp_free(r->alloc, c, strlen(c) + 1);
    }
    rp_vec_fini(&names);
    return s;
}

/* ---------------------------------------------------------------- streams */

static gzFile open_gz(const char *path, bool *is_stdin) {
    *is_stdin = strcmp(path, "-") == 0;
    if (*is_stdin) return gzdopen(dup(STDIN_FILENO), "rb");
    return gzopen(path, "rb");
}

static int next_byte(rp_reader *r) {
    if (r->chunk_pos == r->chunk_len) {
        if (r->eof) return -1;
        int n = gzread(r->gz, r->chunk, CHUNK);
        if (n <= 0) {
            r->eof = true;
            return n < 0 ? -2 : -1;
        }
        r->chunk_len = (size_t)n;
        r->chunk_pos = 0;
    }
    return (unsigned char)r->chunk[r->chunk_pos++];
}

/* Reads one line into linebuf. Returns 1 ok, 0 end, -1 too long (skipped),
 * -2 read error. Copies whole runs up to the newline from the read buffer. */
static int read_line(rp_reader *r) {
    rp_buf_clear(&r->linebuf);
    bool too_long = false, any = false;
    for (;;) {
        if (r->chunk_pos == r->chunk_len) {
            int c = next_byte(r); /* refills the buffer */
            if (c == -2) return -2;
            if (c == -1) {
                if (!any) return 0;
                break;
            }
            r->chunk_pos--;
        }
        any = true;
        const char *start = r->chunk + r->chunk_pos;
        size_t avail = r->chunk_len - r->chunk_pos;
        const char *nl = memchr(start, '\n', avail);
        size_t take = nl ? (size_t)(nl - start) : avail;
        r->chunk_pos += take + (nl ? 1 : 0);
        if (!too_long) {
            if (r->linebuf.len + take > r->opt.max_doc_bytes) too_long = true;
            else if (!rp_buf_append(&r->linebuf, start, take)) return -2;
        }
        if (nl) break;
    }
    r->line++;
    return too_long ? -1 : 1;
}

static bool set_str(rp_buf *b, const char *s, size_t n) {
    rp_buf_clear(b);
    return rp_buf_append(b, s, n) && rp_buf_append(b, "", 0);
}

static void fill_input(rp_reader *r, rp_input *doc) {
    memset(doc, 0, sizeof *doc);
    doc->id = rp_buf_cstr(&r->id), doc->id_len = r->id.len;
    doc->url = rp_buf_cstr(&r->url), doc->url_len = r->url.len;
    doc->date = rp_buf_cstr(&r->date), doc->date_len = r->date.len;
    doc->title = rp_buf_cstr(&r->title), doc->title_len = r->title.len;
    doc->text = rp_buf_cstr(&r->text), doc->text_len = r->text.len;
}

/* "path:line", without printf (this runs once per JSONL line) */
static void line_id(const rp_reader *r, char *out, size_t cap) {
    size_t n = strlen(r->gz_path);
    if (n > cap - 24) n = cap - 24;
    memcpy(out, r->gz_path, n);
    out[n++] = ':';
    char digits[24];
    size_t k = 0;
    for (size_t v = r->line; v || !k; v /= 10) digits[k++] = (char)('0' + v % 10);
    while (k) out[n++] = digits[--k];
    out[n] = 0;
}

static rp_status jsonl_record(rp_reader *r, rp_input *doc, rp_error *err) {
    char default_id[300];
    line_id(r, default_id, sizeof default_id);
    if (r->opt.defer_jsonl) {
        /* handed over as it is: the coding thread parses it */
        if (!set_str(&r->id, default_id, strlen(default_id)))
            return rp_error_set(err, RP_ENOMEM, r->gz_path, r->line, 0, "out of memory");
        memset(doc, 0, sizeof *doc);
        doc->id = rp_buf_cstr(&r->id), doc->id_len = r->id.len;
        doc->text = r->linebuf.data ? r->linebuf.data : "", doc->text_len = r->linebuf.len;
        doc->url = doc->date = doc->title = "";
        doc->kind = RP_TEXT_JSONL;
        return RP_OK;
    }
    rp_jsonl_fields f = {&r->id, &r->url, &r->date, &r->title, &r->text};
    rp_status st = rp_jsonl_parse(r->linebuf.data, r->linebuf.len, default_id, r->gz_path,
                                  r->line, &f, err);
    if (st != RP_OK) {
        if (st != RP_ENOMEM) r->failures++;
        return st;
    }
    fill_input(r, doc);
    doc->kind = RP_TEXT_CLEAN;
    return RP_OK;
}

static rp_status next_jsonl(rp_reader *r, rp_input *doc, rp_error *err) {
    for (;;) {
        int k = read_line(r);
        if (k == 0) {
            close_stream(r);
            return RP_ENOTFOUND;
        }
        if (k == -2) {
            rp_status s = fail(r, err, RP_EIO, r->gz_path, r->line + 1, 0, "%s",
                               "read error (truncated or corrupt compressed data?)");
            close_stream(r);
            return s;
        }
        rp_buf_clear(&r->where);
        rp_buf_printf(&r->where, "%s:%zu", r->gz_path, r->line);
        if (k == -1) {
            r->failures++;
            return rp_error_set(err, RP_ELIMIT, r->gz_path, r->line, 0,
                                "line longer than %zu bytes, skipped", r->opt.max_doc_bytes);
        }
        /* blank lines are allowed between records */
        size_t i = 0;
        while (i < r->linebuf.len && rp_is_space((unsigned char)r->linebuf.data[i])) i++;
        if (i == r->linebuf.len) continue;
        return jsonl_record(r, doc, err);
    }
}

/* ---------------------------------------------------------------- plain files */

static bool looks_binary(const char *s, size_t n, const char **why) {
    size_t nul = 0, bad = 0, sample = n < 65536 ? n : 65536;
    for (size_t i = 0; i < sample; i++)
        if (s[i] == 0) nul++;
    for (size_t i = 0; i < sample;) {
        int32_t cp;
        int k = rp_utf8_decode((const unsigned char *)s + i, sample - i, &cp);
        if (cp < 0 && sample - i > 3) bad++;
        i += (size_t)k;
    }
    if (sample >= 2 && nul * 4 > sample) {
        *why = "looks like UTF-16 without a byte-order mark, or binary data";
        return true;
    }
    if (nul * 10 > sample || bad * 10 > sample) {
        *why = "looks like binary data, not text";
        return true;
    }
    return false;
}

/* UTF-16 with a byte-order mark -> UTF-8, in place of r->text. */
static bool utf16_to_utf8(rp_reader *r, const unsigned char *s, size_t n, bool le) {
    rp_buf_clear(&r->text);
    for (size_t i = 2; i + 1 < n; i += 2) {
        uint32_t u = le ? (uint32_t)(s[i] | s[i + 1] << 8) : (uint32_t)(s[i] << 8 | s[i + 1]);
        int32_t cp = (int32_t)u;
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t lo = le ? (uint32_t)(s[i + 2] | s[i + 3] << 8) : (uint32_t)(s[i + 2] << 8 | s[i + 3]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = (int32_t)(0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00));
                i += 2;
            } else {
                cp = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            cp = 0xFFFD;
        }
        char out[4];
        if (!rp_buf_append(&r->text, out, (size_t)rp_utf8_encode(cp, out))) return false;
    }
    return true;
}

static rp_status read_plain(rp_reader *r, gzFile gz, const char *path, rp_input *doc,
                            rp_error *err) {
    rp_buf_clear(&r->text);
    bool cut = false;
    for (;;) {
        if (!rp_buf_reserve(&r->text, CHUNK)) return rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
        int n = gzread(gz, r->text.data + r->text.len, CHUNK);
        if (n < 0) return fail(r, err, RP_EIO, path, 0, r->text.len, "%s", "read error (corrupt compressed data?)");
        if (n == 0) break;
        r->text.len += (size_t)n;
        if (r->text.len >= r->opt.max_file_bytes) {
            r->text.len = r->opt.max_file_bytes;
            cut = true;
            break;
        }
    }
    r->text.data[r->text.len] = 0;
    const unsigned char *s = (const unsigned char *)r->text.data;
    size_t len = r->text.len;
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        rp_buf raw = r->text;
        rp_buf_init(&r->text, r->alloc);
        bool ok = utf16_to_utf8(r, (const unsigned char *)raw.data, raw.len, s[0] == 0xFF);
        rp_buf_fini(&raw);
        if (!ok) return rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
    } else {
        const char *why;
        if (looks_binary(r->text.data, len, &why)) return fail(r, err, RP_EFORMAT, path, 0, 0, "%s, skipped", why);
    }
    if (!set_str(&r->id, path, strlen(path))) return rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
    set_str(&r->url, "", 0);
    set_str(&r->date, "", 0);
    set_str(&r->title, "", 0);
    fill_input(r, doc);
    doc->kind = RP_TEXT_PAGE;
    if (cut) {
        /* the document is still coded; the caller learns it was cut */
        rp_error_set(err, RP_ELIMIT, path, 0, r->opt.max_file_bytes,
                     "file larger than %zu bytes: only the first %zu are read", r->opt.max_file_bytes,
                     r->opt.max_file_bytes);
    }
    return RP_OK;
}

/* First bytes of a stream: is it JSON Lines? */
static bool sniff_jsonl(gzFile gz) {
    char head[512];
    int n = gzread(gz, head, sizeof head);
    gzrewind(gz);
    int i = 0;
    while (i < n && rp_is_space((unsigned char)head[i])) i++;
    if (i >= n || head[i] != '{') return false;
    /* an object that names a text field on its first line */
    const char *nl = memchr(head + i, '\n', (size_t)(n - i));
    size_t span = nl ? (size_t)(nl - head - i) : (size_t)(n - i);
    return memmem(head + i, span, "\"text\"", 6) || memmem(head + i, span, "\"body\"", 6) ||
           (nl == NULL && n == (int)sizeof head);
}

static rp_status open_file(rp_reader *r, const char *path, rp_input *doc, rp_error *err,
                           bool *stream) {
    *stream = false;
    bool is_stdin;
    gzFile gz = open_gz(path, &is_stdin);
    if (!gz) return fail(r, err, RP_EIO, path, 0, 0, "cannot open: %s", strerror(errno ? errno : EIO));
    gzbuffer(gz, CHUNK);
    bool jsonl = jsonl_name(path) || (!is_stdin && sniff_jsonl(gz));
    if (is_stdin && !jsonl) {
        /* standard input cannot be rewound: peek through the stream buffer */
        int c = gzgetc(gz);
        while (c != -1 && rp_is_space((unsigned char)c)) c = gzgetc(gz);
        if (c != -1) gzungetc(c, gz);
        jsonl = c == '{';
    }
    if (jsonl) {
        r->gz = gz;
        r->gz_stdin = is_stdin;
        r->gz_path = rp_strndup(r->alloc, is_stdin ? "(stdin)" : path, strlen(is_stdin ? "(stdin)" : path));
        r->line = 0;
        r->chunk_len = r->chunk_pos = 0;
        r->eof = false;
        *stream = true;
        return r->gz_path ? RP_OK : rp_error_set(err, RP_ENOMEM, path, 0, 0, "out of memory");
    }
    rp_status st = read_plain(r, gz, is_stdin ? "(stdin)" : path, doc, err);
    gzclose(gz);
    rp_buf_clear(&r->where);
    rp_buf_puts(&r->where, is_stdin ? "(stdin)" : path);
    return st;
}

rp_status rp_reader_next(rp_reader *r, rp_input *doc, const char **where, rp_error *err) {
    if (!r || !doc) return rp_error_set(err, RP_EINVAL, "", 0, 0, "invalid argument");
    if (err) err->code = RP_OK;
    for (;;) {
        if (where) *where = "";
        if (r->gz) {
            rp_status s = next_jsonl(r, doc, err);
            if (where) *where = rp_buf_cstr(&r->where);
            if (s != RP_ENOTFOUND) return s;
            continue;
        }
        if (!r->pending.len) return RP_ENOTFOUND;
        char *path = *RP_VEC_AT(&r->pending, char *, r->pending.len - 1);
        int depth = *RP_VEC_AT(&r->depth, int, r->depth.len - 1);
        r->pending.len--;
        r->depth.len--;
        rp_status s = RP_OK;
        struct stat st;
        bool stream = false;
        if (strcmp(path, "-") != 0 && stat(path, &st) != 0) {
            s = fail(r, err, errno == ENOENT ? RP_ENOTFOUND : RP_EIO, path, 0, 0, "%s", strerror(errno));
            if (s == RP_ENOTFOUND) s = RP_EIO; /* RP_ENOTFOUND means "no more input" here */
        } else if (strcmp(path, "-") != 0 && S_ISDIR(st.st_mode)) {
            s = expand_dir(r, path, depth, &st, err);
            rp_free(r->alloc, path, strlen(path) + 1);
            if (s == RP_OK) continue;
            if (where) *where = "";
            return s;
        } else if (strcmp(path, "-") != 0 && !S_ISREG(st.st_mode)) {
            s = fail(r, err, RP_EIO, path, 0, 0, "%s", "not a regular file, skipped");
        } else {
            s = open_file(r, path, doc, err, &stream);
        }
        if (where && !stream) *where = rp_buf_cstr(&r->where);
        rp_free(r->alloc, path, strlen(path) + 1);
        if (stream && s == RP_OK) continue;
        return s;
    }
}
