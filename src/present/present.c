/*
 * present.c — the present stage for coded documents: events as JSON Lines,
 * TSV or a readable table, written through a caller's callback.
 *
 * JSON is written by hand rather than through jansson: an event is a flat
 * object of strings and numbers, and building a json_t tree per event would
 * cost more than coding it (docs/decisions.md). Strings are escaped per RFC
 * 8259; the input is valid UTF-8 already (the text stage guarantees it).
 */
#include "../doc/doc.h"

#include <stdio.h>

typedef struct out {
    rp_write_fn write;
    void *ctx;
    rp_buf buf;   /* one record at a time */
    bool failed;  /* the callback asked to stop */
} out;

static void flush(out *o) {
    if (!o->failed && o->buf.len && o->write(o->ctx, o->buf.data, o->buf.len) != 0) o->failed = true;
    rp_buf_clear(&o->buf);
}

static void json_str(rp_buf *b, const char *s) {
    rp_buf_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': rp_buf_puts(b, "\\\""); break;
        case '\\': rp_buf_puts(b, "\\\\"); break;
        case '\n': rp_buf_puts(b, "\\n"); break;
        case '\r': rp_buf_puts(b, "\\r"); break;
        case '\t': rp_buf_puts(b, "\\t"); break;
        default:
            if (*p < 0x20) rp_buf_printf(b, "\\u%04x", *p);
            else rp_buf_putc(b, (char)*p);
        }
    }
    rp_buf_putc(b, '"');
}

/* TSV fields hold no tab or newline */
static void tsv_str(rp_buf *b, const char *s) {
    for (const char *p = s; *p; p++) rp_buf_putc(b, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static const char *sentence_text(const rp_doc *d, size_t sent, rp_arena *scratch) {
    const rp_sentence *s = rp_doc_sentence(d, sent);
    if (!s) return "";
    const char *t = rp_arena_strndup(scratch, d->article.body + s->offset, s->len);
    return t ? t : "";
}

static const char *precision_name(rp_precision p) {
    static const char *const names[] = {"none", "year", "month", "week", "day"};
    return names[p];
}

static void json_event(out *o, const rp_doc *d, const rp_event *e, size_t index, rp_arena *ar) {
    rp_buf *b = &o->buf;
    char date[16];
    rp_buf_puts(b, "{\"doc\":");
    json_str(b, d->id ? d->id : "");
    rp_buf_printf(b, ",\"event\":%zu,\"sent\":%zu,\"text\":", index, e->sent);
    json_str(b, sentence_text(d, e->sent, ar));
    rp_buf_puts(b, ",\"date\":");
    json_str(b, rp_date_format(&e->date, date, sizeof date));
    rp_buf_printf(b, ",\"precision\":\"%s\",\"date_from\":\"%s\",\"date_text\":",
                  precision_name(e->date.precision), e->date_from);
    json_str(b, e->date_text);
    rp_buf_puts(b, ",\"source\":");
    json_str(b, e->source);
    rp_buf_puts(b, ",\"target\":");
    json_str(b, e->target);
    rp_buf_puts(b, ",\"source_text\":");
    json_str(b, e->source_text);
    rp_buf_puts(b, ",\"target_text\":");
    json_str(b, e->target_text);
    rp_buf_puts(b, ",\"verb_text\":");
    json_str(b, e->verb_text);
    rp_buf_printf(b, ",\"code\":\"%s\",\"root\":\"%s\",\"quad\":%d,\"goldstein\":%.1f", e->code,
                  e->root, e->quad, e->goldstein);
    rp_buf_printf(b, ",\"mentions\":%zu,\"sents\":[", e->mentions);
    for (size_t i = 0; i < e->mentions; i++) rp_buf_printf(b, "%s%zu", i ? "," : "", e->mention_sents[i]);
    rp_buf_puts(b, "],\"mode\":");
    json_str(b, e->mode);
    rp_buf_puts(b, ",\"pattern\":");
    json_str(b, e->pattern);
    if (d->url && d->url[0]) {
        rp_buf_puts(b, ",\"url\":");
        json_str(b, d->url);
    }
    rp_buf_puts(b, "}\n");
}

static const char tsv_header[] =
    "doc\tevent\tsent\tdate\tprecision\tdate_from\tsource\ttarget\tcode\troot\tquad\tgoldstein\t"
    "mentions\tmode\tsource_text\ttarget_text\tverb_text\ttext\n";

static void tsv_event(out *o, const rp_doc *d, const rp_event *e, size_t index, rp_arena *ar) {
    rp_buf *b = &o->buf;
    char date[16];
    tsv_str(b, d->id ? d->id : "");
    rp_buf_printf(b, "\t%zu\t%zu\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t%zu\t%s\t", index, e->sent,
                  rp_date_format(&e->date, date, sizeof date), precision_name(e->date.precision),
                  e->date_from, e->source, e->target, e->code, e->root, e->quad, e->goldstein,
                  e->mentions, e->mode);
    tsv_str(b, e->source_text);
    rp_buf_putc(b, '\t');
    tsv_str(b, e->target_text);
    rp_buf_putc(b, '\t');
    tsv_str(b, e->verb_text);
    rp_buf_putc(b, '\t');
    tsv_str(b, sentence_text(d, e->sent, ar));
    rp_buf_putc(b, '\n');
}

/* The sentence around the verb, at most `width` bytes, cut at spaces. */
static void evidence(rp_buf *b, const char *text, size_t width) {
    size_t n = strlen(text);
    if (n <= width) {
        rp_buf_puts(b, text);
        return;
    }
    size_t cut = width - 3;
    while (cut > width / 2 && text[cut] != ' ') cut--;
    /* do not cut inside a UTF-8 sequence */
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--;
    rp_buf_append(b, text, cut);
    rp_buf_puts(b, "...");
}

static void table_doc(out *o, const rp_doc *d, rp_arena *ar) {
    rp_buf *b = &o->buf;
    char date[16];
    const rp_article *a = &d->article;
    rp_buf_printf(b, "== %s\n", d->id ? d->id : "");
    if (a->title && a->title[0]) rp_buf_printf(b, "   %s\n", a->title);
    rp_buf_printf(b, "   published %s (%s), %zu sentences, %zu events\n",
                  a->published.precision ? rp_date_format(&a->published, date, sizeof date) : "unknown",
                  a->published_from, d->sents.len, d->events.len);
    if (!d->events.len) {
        rp_buf_puts(b, "\n");
        return;
    }
    rp_buf_printf(b, "   %-10s %-9s %-9s %-5s %5s  %s\n", "DATE", "SOURCE", "TARGET", "CODE",
                  "GOLD", "EVIDENCE");
    for (size_t i = 0; i < d->events.len; i++) {
        const rp_event *e = RP_VEC_AT(&d->events, rp_event, i);
        const char *label = "";
        size_t ll = 0;
        rp_dict_code_info(d->dict, e->code, NULL, NULL, &label, &ll);
        rp_buf_printf(b, "   %-10s %-9s %-9s %-5s %5.1f  %.*s%s%s\n",
                      rp_date_format(&e->date, date, sizeof date), e->source, e->target, e->code,
                      e->goldstein, (int)ll, label, e->mode[0] ? ", " : "", e->mode);
        rp_buf_printf(b, "   %-10s %-9s %-9s %-5s %5s  \"", "", "", "", "", "");
        evidence(b, sentence_text(d, e->sent, ar), 88);
        rp_buf_puts(b, "\"");
        if (e->mentions > 1) rp_buf_printf(b, " (+%zu more)", e->mentions - 1);
        rp_buf_puts(b, "\n");
    }
    rp_buf_puts(b, "\n");
}

rp_status rp_write_header(rp_format fmt, rp_write_fn write, void *ctx) {
    if (!write) return RP_EINVAL;
    if (fmt == RP_FORMAT_TSV && write(ctx, tsv_header, sizeof tsv_header - 1) != 0) return RP_EIO;
    return RP_OK;
}

rp_status rp_doc_write_events(const rp_doc *d, rp_format fmt, rp_write_fn write, void *ctx) {
    if (!d || !write) return RP_EINVAL;
    out o = {write, ctx, {0}, false};
    rp_buf_init(&o.buf, d->alloc);
    rp_arena scratch;
    rp_arena_init(&scratch, d->alloc, 16 * 1024);
    if (fmt == RP_FORMAT_TABLE) {
        table_doc(&o, d, &scratch);
        flush(&o);
    } else {
        for (size_t i = 0; i < d->events.len && !o.failed; i++) {
            const rp_event *e = RP_VEC_AT(&d->events, rp_event, i);
            if (fmt == RP_FORMAT_TSV) tsv_event(&o, d, e, i, &scratch);
            else json_event(&o, d, e, i, &scratch);
            flush(&o);
            rp_arena_reset(&scratch);
        }
    }
    bool oom = o.buf.oom;
    rp_buf_fini(&o.buf);
    rp_arena_fini(&scratch);
    if (oom) return RP_ENOMEM;
    return o.failed ? RP_EIO : RP_OK;
}
