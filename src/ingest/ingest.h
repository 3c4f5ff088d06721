/*
 * ingest.h — the ingest stage's pieces that other stages call: reading one
 * JSON Lines record. The reader (reader.c) uses it, and so does the document
 * when the reader hands JSONL lines over unparsed (RP_TEXT_JSONL), so that
 * parsing runs on the coding threads.
 */
#ifndef RP_INGEST_H
#define RP_INGEST_H

#include "../core/core.h"

typedef struct rp_jsonl_fields {
    rp_buf *id, *url, *date, *title, *text; /* filled, NUL-terminated */
} rp_jsonl_fields;

/* Parses one record {"id","url","date","title","text"} (also "body",
 * "content", "headline", "published", "link" ...). `default_id` is used when
 * the record has no id. Errors name `source` and `line`. */
rp_status rp_jsonl_parse(const char *line, size_t len, const char *default_id,
                         const char *source, size_t lineno, rp_jsonl_fields *out, rp_error *err);

/* The same through jansson alone (the reference the fast path is tested against). */
rp_status rp_jsonl_parse_jansson(const char *line, size_t len, const char *default_id,
                                 const char *source, size_t lineno, rp_jsonl_fields *out,
                                 rp_error *err);

#endif
