/*
 * doc.c — rp_coder and rp_doc: running the stages over one document, and
 * the accessors of the public API.
 */
#include "doc.h"

#include <stdio.h>

/* ---------------------------------------------------------------- coder */

rp_coder_options rp_coder_options_default(void) {
    rp_coder_options o;
    memset(&o, 0, sizeof o);
    o.require_dyad = 1;
    o.max_sentence_tokens = 256;
    o.max_doc_bytes = 4u << 20;
    return o;
}

rp_status rp_coder_new(const rp_dict *dict, const rp_coder_options *opt, rp_coder **out,
                       rp_error *err) {
    if (!dict || !out) return rp_error_set(err, RP_EINVAL, "", 0, 0, "no dictionary given");
    rp_coder_options o = opt ? *opt : rp_coder_options_default();
    if (!o.max_sentence_tokens) o.max_sentence_tokens = 256;
    if (!o.max_doc_bytes) o.max_doc_bytes = 4u << 20;
    rp_coder *c = rp_calloc(o.allocator, 1, sizeof *c);
    if (!c) return rp_error_set(err, RP_ENOMEM, "", 0, 0, "out of memory");
    c->dict = dict;
    c->opt = o;
    *out = c;
    return RP_OK;
}

void rp_coder_free(rp_coder *c) {
    if (c) rp_free(c->opt.allocator, c, sizeof *c);
}

/* ---------------------------------------------------------------- doc lifecycle */

rp_status rp_doc_new(const rp_allocator *alloc, rp_doc **out, rp_error *err) {
    if (!out) return rp_error_set(err, RP_EINVAL, "", 0, 0, "invalid argument");
    rp_doc *d = rp_calloc(alloc, 1, sizeof *d);
    if (!d) return rp_error_set(err, RP_ENOMEM, "", 0, 0, "out of memory");
    d->alloc = alloc;
    rp_arena_init(&d->arena, alloc, 256 * 1024);
    d->stemmer = rp_stemmer_new(alloc);
    d->wcache = rp_calloc(alloc, 1, sizeof *d->wcache);
    rp_buf_init(&d->raw, alloc);
    rp_buf_init(&d->body, alloc);
    rp_buf_init(&d->explain, alloc);
    rp_vec_init(&d->toks, sizeof(rp_tok), alloc);
    rp_vec_init(&d->sents, sizeof(rp_sentence), alloc);
    rp_vec_init(&d->sent_first, sizeof(uint32_t), alloc);
    rp_vec_init(&d->split_ends, sizeof(size_t), alloc);
    rp_vec_init(&d->cevents, sizeof(rp_cevent), alloc);
    rp_vec_init(&d->timex, sizeof(rp_timex), alloc);
    rp_vec_init(&d->events, sizeof(rp_event), alloc);
    rp_vec_init(&d->diags, sizeof(rp_error), alloc);
    rp_vec_init(&d->explain_off, sizeof(size_t), alloc);
    rp_vec_init(&d->pub_tokens, sizeof(rp_token), alloc);
    for (int i = 0; i < 5; i++) rp_buf_init(&d->jf[i], alloc);
    if (!d->stemmer || !d->wcache) {
        rp_doc_free(d);
        return rp_error_set(err, RP_ENOMEM, "", 0, 0, "out of memory");
    }
    *out = d;
    return RP_OK;
}

void rp_doc_free(rp_doc *d) {
    if (!d) return;
    rp_arena_fini(&d->arena);
    rp_free(d->alloc, d->present, d->present_bytes);
    rp_free(d->alloc, d->wcache, sizeof *d->wcache);
    rp_stemmer_free(d->stemmer);
    rp_buf_fini(&d->raw);
    rp_buf_fini(&d->body);
    rp_buf_fini(&d->explain);
    for (int i = 0; i < 5; i++) rp_buf_fini(&d->jf[i]);
    rp_vec *vs[] = {&d->toks, &d->sents, &d->sent_first, &d->split_ends, &d->cevents, &d->timex,
                    &d->events, &d->diags, &d->explain_off, &d->pub_tokens};
    for (size_t i = 0; i < sizeof vs / sizeof vs[0]; i++) rp_vec_fini(vs[i]);
    rp_free(d->alloc, d, sizeof *d);
}

static void reset(rp_doc *d) {
    rp_arena_reset(&d->arena);
    rp_stemmer_trim(d->stemmer);
    rp_buf_clear(&d->raw);
    rp_buf_clear(&d->body);
    rp_buf_clear(&d->explain);
    d->toks.len = d->sents.len = d->sent_first.len = d->cevents.len = d->timex.len = 0;
    d->events.len = d->diags.len = d->explain_off.len = d->pub_tokens.len = 0;
    d->pub_tokens_ready = false;
    memset(&d->article, 0, sizeof d->article);
    d->id = d->url = NULL;
}

static void diag(rp_doc *d, rp_status code, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void diag(rp_doc *d, rp_status code, size_t offset, const char *fmt, ...) {
    rp_error *e = rp_vec_push(&d->diags);
    if (!e) return;
    e->code = code;
    snprintf(e->source, sizeof e->source, "%s", d->id ? d->id : "");
    e->offset = offset;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}

/* ---------------------------------------------------------------- stages */

static const char *span_str(rp_doc *d, const char *text, rp_span s) {
    char *p = rp_arena_strndup(&d->arena, text + s.off, s.len);
    return p ? p : "";
}

typedef struct para {
    size_t off, len;   /* in body */
    rp_sent_role role;
} para;

/* Builds the body: headline, (standfirst,) paragraphs, separated by blank lines. */
static bool assemble(rp_doc *d, const rp_coder *c, const rp_input *in, const rp_page *pg,
                     rp_vec *paras) {
    const char *raw = rp_buf_cstr(&d->raw);
    rp_buf title;
    rp_buf_init(&title, d->alloc);
    if (in->title && in->title_len) {
        rp_norm_report rep = {0};
        if (!rp_text_normalize(in->title, in->title_len, &title, &rep)) return false;
    } else if (pg->title.len) {
        rp_buf_append(&title, raw + pg->title.off, pg->title.len);
    }
    /* a title split over lines becomes one line */
    for (size_t i = 0; i < title.len; i++)
        if (title.data[i] == '\n') title.data[i] = ' ';
    bool ok = !title.oom;
    if (title.len) {
        para *p = rp_vec_push(paras);
        ok = ok && p && rp_buf_append(&d->body, title.data, title.len);
        if (p) *p = (para){0, title.len, RP_ROLE_HEADLINE};
        d->article.title = rp_arena_strndup(&d->arena, title.data, title.len);
    }
    rp_buf_fini(&title);
    rp_span parts[1] = {pg->standfirst};
    if (c->opt.code_standfirst && parts[0].len) {
        if (d->body.len) rp_buf_append(&d->body, "\n\n", 2);
        para *p = rp_vec_push(paras);
        if (p) *p = (para){d->body.len, parts[0].len, RP_ROLE_STANDFIRST};
        ok = ok && p && rp_buf_append(&d->body, raw + parts[0].off, parts[0].len);
    }
    for (size_t i = 0; i < pg->nparas && ok; i++) {
        if (d->body.len) rp_buf_append(&d->body, "\n\n", 2);
        para *p = rp_vec_push(paras);
        if (p) *p = (para){d->body.len, pg->paras[i].len, RP_ROLE_BODY};
        ok = p && rp_buf_append(&d->body, raw + pg->paras[i].off, pg->paras[i].len);
    }
    /* newlines inside a paragraph (joined wrapped lines) become spaces */
    for (size_t i = 0; i < paras->len; i++) {
        para *p = RP_VEC_AT(paras, para, i);
        for (size_t k = p->off; k < p->off + p->len; k++)
            if (d->body.data[k] == '\n') d->body.data[k] = ' ';
    }
    return ok && !d->body.oom;
}

static void set_article(rp_doc *d, const rp_coder *c, const rp_input *in, const rp_page *pg) {
    rp_article *a = &d->article;
    const char *raw = rp_buf_cstr(&d->raw);
    if (!a->title) a->title = "";
    a->standfirst = span_str(d, raw, pg->standfirst);
    a->byline = span_str(d, raw, pg->byline);
    a->dateline = span_str(d, raw, pg->dateline);
    a->date_line = span_str(d, raw, pg->date_line);
    a->captions = pg->captions;
    a->boilerplate_dropped = pg->boilerplate;
    a->paragraphs = pg->nparas;
    rp_date date;
    a->published_from = "none";
    if (in->date && in->date_len) {
        if (rp_date_parse(in->date, in->date_len, &date) == RP_OK) {
            a->published = date;
            a->published_from = "input";
            return;
        }
        diag(d, RP_EFORMAT, 0, "unreadable date \"%.*s\"", (int)(in->date_len > 40 ? 40 : in->date_len),
             in->date);
    }
    if (c->opt.default_date.precision != RP_PREC_NONE) {
        a->published = c->opt.default_date;
        a->published_from = "default";
        return;
    }
    if (pg->date.precision != RP_PREC_NONE) {
        a->published = pg->date;
        a->published_from = "text";
    }
}

/* Tokens and sentences of every paragraph. */
static bool split(rp_doc *d, const rp_coder *c, const rp_vec *paras) {
    const char *body = rp_buf_cstr(&d->body);
    for (size_t p = 0; p < paras->len; p++) {
        const para *pa = RP_VEC_AT(paras, para, p);
        size_t first = d->toks.len;
        if (!rp_text_tokenize(body + pa->off, pa->len, pa->off, &d->toks)) return false;
        const rp_tok *toks = RP_VEC_AT(&d->toks, rp_tok, first);
        size_t n = d->toks.len - first;
        d->split_ends.len = 0;
        size_t max = c->opt.max_sentence_tokens;
        if (pa->role == RP_ROLE_HEADLINE) {
            size_t *e = rp_vec_push(&d->split_ends);
            if (!e) return false;
            *e = n;
        } else if (!rp_text_split(body, toks, n, max, &d->split_ends)) {
            return false;
        }
        size_t start = 0;
        for (size_t k = 0; k < d->split_ends.len; k++) {
            size_t end = *RP_VEC_AT(&d->split_ends, size_t, k);
            if (end <= start) continue;
            if (end - start > max) {
                diag(d, RP_ELIMIT, toks[start].off, "sentence of %zu tokens coded on its first %zu",
                     end - start, max);
            }
            rp_sentence *s = rp_vec_push(&d->sents);
            uint32_t *f = rp_vec_push(&d->sent_first);
            if (!s || !f) return false;
            const rp_tok *a = &toks[start], *b = &toks[end - 1];
            s->offset = a->off;
            s->len = b->off + b->len - a->off;
            s->role = pa->role;
            s->first_token = first + start;
            s->ntokens = end - start;
            *f = (uint32_t)(first + start);
            start = end;
        }
    }
    return true;
}

static void explain_sentence_head(rp_doc *d, size_t i, const rp_msent *ms) {
    const rp_sentence *s = RP_VEC_AT(&d->sents, rp_sentence, i);
    static const char *const roles[] = {"headline", "body", "standfirst"};
    rp_buf *b = &d->explain;
    rp_buf_printf(b, "sentence %zu [%s]: %.*s\n  tokens:", i, roles[s->role], (int)s->len,
                  d->body.data + s->offset);
    for (uint32_t k = 0; k < ms->n; k++) {
        const rp_tok *t = &ms->toks[k];
        rp_buf_printf(b, " %.*s", (int)t->len, ms->text + t->off);
        if (ms->mt[k].pat_n) rp_buf_puts(b, "*");
    }
    rp_buf_puts(b, "\n");
}

/* The actor entry of the first dictionary place in the dateline, or -1. */
static int32_t dateline_place(rp_doc *d, const rp_coder *c) {
    const char *dl = d->article.dateline;
    size_t n = dl ? strlen(dl) : 0;
    if (!n) return -1;
    rp_vec toks;
    rp_vec_init(&toks, sizeof(rp_tok), d->alloc);
    int32_t found = -1;
    rp_arena_mark mark = rp_arena_get_mark(&d->arena);
    rp_msent ms;
    if (rp_text_tokenize(dl, n, 0, &toks) && toks.len &&
        rp_match_sentence(c->dict, &d->arena, d->wcache, dl, toks.data, (uint32_t)toks.len, &ms) &&
        ms.nactors) {
        const rpd_actor *a = &c->dict->actors[ms.actors[0].entry];
        if (!(a->flags & RPD_A_NULL) && a->code_n) found = (int32_t)ms.actors[0].entry;
    }
    rp_arena_rewind(&d->arena, mark);
    rp_vec_fini(&toks);
    return found;
}

static bool code_sentences(rp_doc *d, const rp_coder *c) {
    rp_code_ctx cx;
    memset(&cx, 0, sizeof cx);
    cx.doc_place = dateline_place(d, c);
    cx.dict = c->dict;
    cx.arena = &d->arena;
    cx.events = &d->cevents;
    cx.explain = c->opt.explain ? &d->explain : NULL;
    cx.max_tokens = c->opt.max_sentence_tokens;
    size_t need = (c->dict->nwords + 7) / 8;
    if (d->present_bytes != need) {
        rp_free(d->alloc, d->present, d->present_bytes);
        d->present = rp_calloc(d->alloc, need, 1);
        d->present_bytes = d->present ? need : 0;
        if (!d->present) return false;
    }
    cx.present = d->present;
    const char *body = rp_buf_cstr(&d->body);
    for (size_t i = 0; i < d->sents.len; i++) {
        const rp_sentence *s = RP_VEC_AT(&d->sents, rp_sentence, i);
        uint32_t n = (uint32_t)(s->ntokens < cx.max_tokens ? s->ntokens : cx.max_tokens);
        const rp_tok *toks = RP_VEC_AT(&d->toks, rp_tok, s->first_token);
        rp_arena_mark mark = rp_arena_get_mark(&d->arena);
        rp_msent ms;
        if (!rp_match_sentence(c->dict, &d->arena, d->wcache, body, toks, n, &ms)) return false;
        if (cx.explain) {
            size_t *off = rp_vec_push(&d->explain_off);
            if (!off) return false;
            *off = d->explain.len;
            explain_sentence_head(d, i, &ms);
        }
        size_t before = d->cevents.len;
        if (!rp_code_sentence(&cx, &ms, (uint32_t)i, (uint32_t)s->first_token)) {
            memset(d->present, 0, d->present_bytes); /* left dirty by the failure */
            return false;
        }
        if (!rp_find_timex(&ms, (uint32_t)s->first_token, &d->article.published, &d->timex))
            return false;
        if (cx.explain) {
            if (d->cevents.len == before) rp_buf_puts(&d->explain, "  no event\n");
            rp_buf_append(&d->explain, "", 1); /* NUL separator */
        }
        /* the match records are scratch: events keep only references */
        if (d->cevents.len == before) rp_arena_rewind(&d->arena, mark);
    }
    return !d->explain.oom;
}

rp_status rp_doc_code(rp_doc *d, const rp_coder *c, const rp_input *input, rp_error *err) {
    if (!d || !c || !input) return rp_error_set(err, RP_EINVAL, "", 0, 0, "invalid argument");
    reset(d);
    rp_input parsed;
    const rp_input *in = input;
    if (input->kind == RP_TEXT_JSONL) {
        /* the record's own fields replace the input's */
        char id[300];
        size_t il = input->id ? (input->id_len < sizeof id - 1 ? input->id_len : sizeof id - 1) : 0;
        if (il) memcpy(id, input->id, il);
        id[il] = 0;
        rp_jsonl_fields f = {&d->jf[0], &d->jf[1], &d->jf[2], &d->jf[3], &d->jf[4]};
        rp_status st = rp_jsonl_parse(input->text, input->text_len, id, id, 0, &f, err);
        if (st != RP_OK) return st;
        parsed = (rp_input){rp_buf_cstr(f.id), f.id->len, rp_buf_cstr(f.url), f.url->len,
                            rp_buf_cstr(f.date), f.date->len, rp_buf_cstr(f.title), f.title->len,
                            rp_buf_cstr(f.text), f.text->len, RP_TEXT_CLEAN};
        in = &parsed;
    }
    d->dict = c->dict;
    d->id = rp_arena_strndup(&d->arena, in->id ? in->id : "", in->id ? in->id_len : 0);
    d->url = rp_arena_strndup(&d->arena, in->url ? in->url : "", in->url ? in->url_len : 0);
    if (!d->id || !d->url) goto oom;
    size_t len = in->text ? in->text_len : 0;
    if (len > c->opt.max_doc_bytes) {
        diag(d, RP_ELIMIT, c->opt.max_doc_bytes, "document of %zu bytes coded on its first %zu",
             len, c->opt.max_doc_bytes);
        len = c->opt.max_doc_bytes;
    }
    rp_norm_report rep = {0};
    if (!rp_text_normalize(in->text ? in->text : "", len, &d->raw, &rep)) goto oom;
    if (rep.invalid)
        diag(d, RP_EFORMAT, rep.first_invalid,
             "%zu invalid UTF-8 sequence%s replaced by U+FFFD (first at byte %zu)", rep.invalid,
             rep.invalid == 1 ? "" : "s", rep.first_invalid);
    if (rep.nul) diag(d, RP_EFORMAT, 0, "%zu NUL byte%s dropped", rep.nul, rep.nul == 1 ? "" : "s");
    rp_page pg;
    if (!rp_extract_page(rp_buf_cstr(&d->raw), d->raw.len, in->kind, &d->arena, &pg)) goto oom;
    rp_vec paras;
    rp_vec_init(&paras, sizeof(para), d->alloc);
    bool ok = assemble(d, c, in, &pg, &paras);
    set_article(d, c, in, &pg);
    ok = ok && split(d, c, &paras);
    rp_vec_fini(&paras);
    if (!ok) goto oom;
    d->article.body = rp_buf_cstr(&d->body);
    d->article.body_len = d->body.len;
    if (!code_sentences(d, c)) goto oom;
    rp_resolve_in ri = {c->dict,
                        rp_buf_cstr(&d->body),
                        d->toks.data,
                        d->cevents.data,
                        d->cevents.len,
                        d->timex.data,
                        d->timex.len,
                        d->sent_first.data,
                        d->sent_first.len,
                        d->article.published,
                        d->sents.len && RP_VEC_AT(&d->sents, rp_sentence, 0)->role == RP_ROLE_HEADLINE,
                        c->opt.require_dyad != 0};
    if (!rp_resolve(&ri, &d->arena, &d->events)) goto oom;
    return RP_OK;
oom:
    return rp_error_set(err, RP_ENOMEM, d->id ? d->id : "", 0, 0, "out of memory");
}

/* ---------------------------------------------------------------- accessors */

const rp_article *rp_doc_article(const rp_doc *d) { return d ? &d->article : NULL; }
size_t rp_doc_sentence_count(const rp_doc *d) { return d ? d->sents.len : 0; }

const rp_sentence *rp_doc_sentence(const rp_doc *d, size_t i) {
    return d && i < d->sents.len ? RP_VEC_AT(&d->sents, rp_sentence, i) : NULL;
}

size_t rp_doc_event_count(const rp_doc *d) { return d ? d->events.len : 0; }

const rp_event *rp_doc_event(const rp_doc *d, size_t i) {
    return d && i < d->events.len ? RP_VEC_AT(&d->events, rp_event, i) : NULL;
}

size_t rp_doc_diag_count(const rp_doc *d) { return d ? d->diags.len : 0; }

const rp_error *rp_doc_diag(const rp_doc *d, size_t i) {
    return d && i < d->diags.len ? RP_VEC_AT(&d->diags, rp_error, i) : NULL;
}

const char *rp_doc_explain(const rp_doc *d, size_t sent) {
    if (!d || sent >= d->explain_off.len) return "";
    return d->explain.data + *RP_VEC_AT(&d->explain_off, size_t, sent);
}

const char *rp_doc_id(const rp_doc *d) { return d && d->id ? d->id : ""; }
const char *rp_doc_url(const rp_doc *d) { return d && d->url ? d->url : ""; }

size_t rp_doc_token_count(const rp_doc *d) { return d ? d->toks.len : 0; }

/* Public tokens are built on first request: coding itself needs no stems. */
const rp_token *rp_doc_tokens(const rp_doc *cd) {
    rp_doc *d = (rp_doc *)cd; /* the lazily built view is a cache */
    if (!d) return NULL;
    if (d->pub_tokens_ready) return d->pub_tokens.data;
    const char *body = rp_buf_cstr(&d->body);
    for (size_t i = 0; i < d->toks.len; i++) {
        const rp_tok *t = RP_VEC_AT(&d->toks, rp_tok, i);
        rp_token *p = rp_vec_push(&d->pub_tokens);
        if (!p) return NULL;
        char key[256];
        size_t kl = rp_text_token_key(body, t, key, sizeof key);
        if (!kl) {
            kl = t->len < sizeof key - 1 ? t->len : sizeof key - 1;
            memcpy(key, body + t->off, kl);
            key[kl] = 0;
        }
        p->offset = t->off;
        p->len = t->len;
        p->flags = t->flags & 0xFFu;
        p->norm = rp_arena_strndup(&d->arena, key, kl);
        const char *stem = (t->flags & RP_TOK_WORD) ? rp_stemmer_stem(d->stemmer, key, kl) : NULL;
        p->stem = stem ? stem : p->norm;
        if (!p->norm) return NULL;
    }
    d->pub_tokens_ready = true;
    return d->pub_tokens.data;
}
