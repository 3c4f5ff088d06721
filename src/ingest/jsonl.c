/*
 * jsonl.c — one JSON Lines record into the fields of an article, with
 * jansson. Text fields are copied out, so the jansson tree lives only for the
 * call.
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

rp_status rp_jsonl_parse(const char *line, size_t len, const char *default_id,
                         const char *source, size_t lineno, rp_jsonl_fields *out, rp_error *err) {
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
