/*
 * jsonl.c — one JSON Lines record into the fields of an article.
 *
 * Two paths. A scanner reads the common case — one flat object whose values
 * are strings, numbers, true, false or null, valid UTF-8, no repeated key —
 * straight into the output buffers. Anything else (nesting, a syntax error,
 * an invalid escape or byte, a repeated key) goes to jansson, which decides
 * and reports the error. Building a jansson tree costs about a third of all
 * coding time on one-sentence records (docs/decisions.md, D16); the scanner
 * accepts only what jansson would accept with the same meaning, and the
 * fuzz target for the reader exercises both paths.
 */
#include "ingest.h"

#include <jansson.h>
#include <stdio.h>

static const char *json_field(json_t *obj, const char *const *keys, size_t *len, bool *number) {
    for (size_t i = 0; keys[i]; i++) {
        json_t *v = json_object_get(obj, keys[i]);
        if (json_is_string(v)) {
            *len = json_string_length(v);
            return json_string_value(v);
        }
        if (number && json_is_integer(v)) {
            *number = true;
            return keys[i];
        }
    }
    *len = 0;
    return NULL;
}

static bool set_str(rp_buf *b, const char *s, size_t n) {
    rp_buf_clear(b);
    return rp_buf_append(b, s ? s : "", s ? n : 0) && rp_buf_append(b, "", 0);
}


/* ---------------------------------------------------------------- fast path */

enum { K_TEXT, K_BODY, K_CONTENT, K_ARTICLE, K_ID, K_DOC, K_DOCID, K_URL, K_LINK, K_DATE,
       K_PUBLISHED, K_PUBDATE, K_DATETIME, K_TITLE, K_HEADLINE, K_COUNT };

static const char *const key_names[K_COUNT] = {
    "text", "body", "content", "article", "id", "doc", "doc_id", "url", "link", "date",
    "published", "publish_date", "datetime", "title", "headline"};

typedef struct span {
    const char *s;  /* raw bytes between the quotes (string) or of the number */
    size_t n;
    int kind;       /* 0 absent, 1 string, 2 integer, 3 other value */
} span;

typedef struct scan {
    const char *p, *end;
} scan;

static void skip_ws(scan *c) {
    while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' || *c->p == '\n')) c->p++;
}

static int hexval(char h) {
    if (h >= '0' && h <= '9') return h - '0';
    if (h >= 'a' && h <= 'f') return h - 'a' + 10;
    if (h >= 'A' && h <= 'F') return h - 'A' + 10;
    return -1;
}

static int32_t hex4(const char *p) {
    int32_t v = 0;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    return v;
}

/* A string at c->p ('"'): checks escapes and UTF-8, records the raw span. */
static bool scan_string(scan *c, span *out) {
    if (c->p >= c->end || *c->p != '"') return false;
    const char *start = ++c->p;
    while (c->p < c->end) {
        unsigned char ch = (unsigned char)*c->p;
        if (ch == '"') {
            out->s = start;
            out->n = (size_t)(c->p - start);
            out->kind = 1;
            c->p++;
            return true;
        }
        if (ch < 0x20) return false;
        if (ch == '\\') {
            if (c->end - c->p < 2) return false;
            char e = c->p[1];
            if (e == 'u') {
                if (c->end - c->p < 6) return false;
                int32_t u = hex4(c->p + 2);
                if (u < 0) return false;
                c->p += 6;
                if (u >= 0xD800 && u <= 0xDBFF) {
                    if (c->end - c->p < 6 || c->p[0] != '\\' || c->p[1] != 'u') return false;
                    int32_t lo = hex4(c->p + 2);
                    if (lo < 0xDC00 || lo > 0xDFFF) return false;
                    c->p += 6;
                } else if (u >= 0xDC00 && u <= 0xDFFF) {
                    return false;
                } else if (u == 0) {
                    return false; /* NUL: leave it to jansson's rules */
                }
                continue;
            }
            if (!strchr("\"\\/bfnrt", e) || e == 0) return false;
            c->p += 2;
            continue;
        }
        if (ch < 0x80) {
            c->p++;
            continue;
        }
        int32_t cp;
        int k = rp_utf8_decode((const unsigned char *)c->p, (size_t)(c->end - c->p), &cp);
        if (cp < 0) return false;
        c->p += k;
    }
    return false;
}

static bool scan_literal(scan *c, const char *lit) {
    size_t n = strlen(lit);
    if ((size_t)(c->end - c->p) < n || memcmp(c->p, lit, n)) return false;
    c->p += n;
    return true;
}

/* A number per RFC 8259; integers without fraction or exponent are kind 2. */
static bool scan_number(scan *c, span *out) {
    const char *start = c->p;
    if (c->p < c->end && *c->p == '-') c->p++;
    if (c->p >= c->end || !rp_is_digit((unsigned char)*c->p)) return false;
    if (*c->p == '0') c->p++;
    else while (c->p < c->end && rp_is_digit((unsigned char)*c->p)) c->p++;
    bool integer = true;
    if (c->p < c->end && *c->p == '.') {
        integer = false;
        c->p++;
        if (c->p >= c->end || !rp_is_digit((unsigned char)*c->p)) return false;
        while (c->p < c->end && rp_is_digit((unsigned char)*c->p)) c->p++;
    }
    if (c->p < c->end && (*c->p == 'e' || *c->p == 'E')) {
        integer = false;
        c->p++;
        if (c->p < c->end && (*c->p == '+' || *c->p == '-')) c->p++;
        if (c->p >= c->end || !rp_is_digit((unsigned char)*c->p)) return false;
        while (c->p < c->end && rp_is_digit((unsigned char)*c->p)) c->p++;
    }
    /* reals (overflow rules) and integers beyond 64 bits: let jansson decide */
    if (!integer || c->p - start > 18) return false;
    out->s = start;
    out->n = (size_t)(c->p - start);
    out->kind = integer ? 2 : 3;
    return true;
}

static int key_index(const span *k) {
    for (int i = 0; i < K_COUNT; i++)
        if (strlen(key_names[i]) == k->n && memcmp(key_names[i], k->s, k->n) == 0) return i;
    return -1;
}

/* Reads the record into spans; false means "let jansson decide". */
static bool scan_record(const char *line, size_t len, span *keys) {
    scan c = {line, line + len};
    skip_ws(&c);
    if (c.p >= c.end || *c.p != '{') return false;
    c.p++;
    skip_ws(&c);
    span seen[32]; /* every key, to find repeats as jansson does */
    size_t nseen = 0;
    if (c.p < c.end && *c.p == '}') {
        c.p++;
    } else {
        for (;;) {
            span k = {0};
            if (!scan_string(&c, &k)) return false;
            if (nseen == 32) return false;
            for (size_t i = 0; i < nseen; i++)
                if (seen[i].n == k.n && memcmp(seen[i].s, k.s, k.n) == 0) return false;
            seen[nseen++] = k;
            for (size_t i = 0; i < k.n; i++)
                if (k.s[i] == '\\') return false; /* escaped keys: rare, jansson reads them */
            skip_ws(&c);
            if (c.p >= c.end || *c.p != ':') return false;
            c.p++;
            skip_ws(&c);
            span v = {0};
            if (c.p >= c.end) return false;
            if (*c.p == '"') {
                if (!scan_string(&c, &v)) return false;
            } else if (*c.p == '-' || rp_is_digit((unsigned char)*c.p)) {
                if (!scan_number(&c, &v)) return false;
            } else if (scan_literal(&c, "true") || scan_literal(&c, "false") ||
                       scan_literal(&c, "null")) {
                v.kind = 3;
            } else {
                return false; /* nested value */
            }
            int ki = key_index(&k);
            if (ki >= 0) keys[ki] = v;
            skip_ws(&c);
            if (c.p < c.end && *c.p == ',') {
                c.p++;
                skip_ws(&c);
                continue;
            }
            if (c.p < c.end && *c.p == '}') {
                c.p++;
                break;
            }
            return false;
        }
    }
    skip_ws(&c);
    return c.p == c.end;
}

/* Unescapes a checked string span into b. */
static bool unescape(rp_buf *b, const span *sp) {
    rp_buf_clear(b);
    const char *p = sp->s, *end = sp->s + sp->n;
    while (p < end) {
        const char *q = p;
        while (q < end && *q != '\\') q++;
        if (!rp_buf_append(b, p, (size_t)(q - p))) return false;
        if (q >= end) break;
        char e = q[1], o;
        if (e == 'u') {
            int32_t u = hex4(q + 2);
            q += 6;
            if (u >= 0xD800 && u <= 0xDBFF) {
                int32_t lo = hex4(q + 2);
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                q += 6;
            }
            char enc[4];
            if (!rp_buf_append(b, enc, (size_t)rp_utf8_encode(u, enc))) return false;
            p = q;
            continue;
        }
        switch (e) {
        case 'b': o = '\b'; break;
        case 'f': o = '\f'; break;
        case 'n': o = '\n'; break;
        case 'r': o = '\r'; break;
        case 't': o = '\t'; break;
        default: o = e; break; /* " \ / */
        }
        if (!rp_buf_putc(b, o)) return false;
        p = q + 2;
    }
    return rp_buf_append(b, "", 0);
}

static const span *first_string(const span *keys, int from, int to) {
    for (int i = from; i < to; i++)
        if (keys[i].kind == 1) return &keys[i];
    return NULL;
}

/* 1 parsed, 0 not simple (use jansson), -1 out of memory. */
static int fast_parse(const char *line, size_t len, const char *default_id,
                      rp_jsonl_fields *out, bool *no_text) {
    span keys[K_COUNT];
    memset(keys, 0, sizeof keys);
    if (!scan_record(line, len, keys)) return 0;
    const span *text = first_string(keys, K_TEXT, K_ID);
    if (!text) {
        *no_text = true;
        return 1;
    }
    bool ok = unescape(out->text, text);
    /* id: the first id key that is a string or an integer, in priority order */
    const span *id = NULL;
    for (int i = K_ID; i <= K_DOCID && !id; i++)
        if (keys[i].kind == 1 || keys[i].kind == 2) id = &keys[i];
    if (id && id->kind == 2) {
        rp_buf_clear(out->id);
        ok = ok && rp_buf_append(out->id, id->s, id->n) && rp_buf_append(out->id, "", 0);
    } else if (id) {
        ok = ok && unescape(out->id, id);
    } else {
        rp_buf_clear(out->id);
        ok = ok && rp_buf_puts(out->id, default_id) && rp_buf_append(out->id, "", 0);
    }
    struct { int from, to; rp_buf *dst; } rest[] = {{K_URL, K_DATE, out->url},
                                                   {K_DATE, K_TITLE, out->date},
                                                   {K_TITLE, K_COUNT, out->title}};
    for (int i = 0; i < 3 && ok; i++) {
        const span *sp = first_string(keys, rest[i].from, rest[i].to);
        if (sp) ok = unescape(rest[i].dst, sp);
        else {
            rp_buf_clear(rest[i].dst);
            ok = rp_buf_append(rest[i].dst, "", 0);
        }
    }
    return ok ? 1 : -1;
}

rp_status rp_jsonl_parse(const char *line, size_t len, const char *default_id,
                         const char *source, size_t lineno, rp_jsonl_fields *out, rp_error *err) {
    bool no_text = false;
    int fast = fast_parse(line ? line : "", len, default_id, out, &no_text);
    if (fast < 0) return rp_error_set(err, RP_ENOMEM, source, lineno, 0, "out of memory");
    if (fast > 0) {
        if (no_text) return rp_error_set(err, RP_EFORMAT, source, lineno, 0, "record has no \"text\" string");
        return RP_OK;
    }
    return rp_jsonl_parse_jansson(line, len, default_id, source, lineno, out, err);
}

rp_status rp_jsonl_parse_jansson(const char *line, size_t len, const char *default_id,
                                 const char *source, size_t lineno, rp_jsonl_fields *out,
                                 rp_error *err) {
    json_error_t je;
    json_t *obj = json_loadb(line ? line : "", len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!obj)
        return rp_error_set(err, RP_EFORMAT, source, lineno, (size_t)je.position,
                            "invalid JSON at column %d: %s", je.column, je.text);
    rp_status st = RP_OK;
    if (!json_is_object(obj)) {
        st = rp_error_set(err, RP_EFORMAT, source, lineno, 0, "a JSON Lines record must be an object");
        goto done;
    }
    static const char *const text_keys[] = {"text", "body", "content", "article", NULL};
    static const char *const id_keys[] = {"id", "doc", "doc_id", NULL};
    static const char *const url_keys[] = {"url", "link", NULL};
    static const char *const date_keys[] = {"date", "published", "publish_date", "datetime", NULL};
    static const char *const title_keys[] = {"title", "headline", NULL};
    size_t n;
    const char *text = json_field(obj, text_keys, &n, NULL);
    if (!text) {
        st = rp_error_set(err, RP_EFORMAT, source, lineno, 0, "record has no \"text\" string");
        goto done;
    }
    bool ok = set_str(out->text, text, n);
    bool num = false;
    const char *id = json_field(obj, id_keys, &n, &num);
    if (num) {
        char b[32];
        snprintf(b, sizeof b, "%lld", (long long)json_integer_value(json_object_get(obj, id)));
        ok = ok && set_str(out->id, b, strlen(b));
    } else {
        ok = ok && (id ? set_str(out->id, id, n) : set_str(out->id, default_id, strlen(default_id)));
    }
    const char *s = json_field(obj, url_keys, &n, NULL);
    ok = ok && set_str(out->url, s, n);
    s = json_field(obj, date_keys, &n, NULL);
    ok = ok && set_str(out->date, s, n);
    s = json_field(obj, title_keys, &n, NULL);
    ok = ok && set_str(out->title, s, n);
    if (!ok) st = rp_error_set(err, RP_ENOMEM, source, lineno, 0, "out of memory");
done:
    json_decref(obj);
    return st;
}
