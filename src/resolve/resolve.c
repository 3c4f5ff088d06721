/*
 * resolve.c — dates and actor codes for candidate events, and merging of
 * repeated reports.
 *
 * Event date: the time expression of the event's sentence nearest to its
 * anchor, else the publication date. Actor codes are taken at the middle of
 * the period the date names (rp_date_pivot): Obama "in December" 2016 is
 * USAGOV. The same event told twice in a document (headline and lead, or the
 * lead and a later recap) is one event with several mentions: same code,
 * same source and target (or one code a refinement of the other, USA and
 * USAGOV), dates equal at the coarser precision.
 */
#include "resolve.h"

#include <stdio.h>

int32_t rp_date_pivot(const rp_date *d) {
    switch (d->precision) {
    case RP_PREC_DAY: return rp_days_from_civil(d->year, d->month, d->day);
    case RP_PREC_WEEK: return rp_days_from_civil(d->year, d->month, d->day) + 3;
    case RP_PREC_MONTH: return rp_days_from_civil(d->year, d->month, 15);
    case RP_PREC_YEAR: return rp_days_from_civil(d->year, 7, 1);
    case RP_PREC_NONE: break;
    }
    return 0;
}

static const rpd_acode *code_at(const rp_dict *d, const rpd_actor *a, int32_t day, bool dated) {
    const rpd_acode *c = d->acodes + a->code_first;
    if (dated)
        for (uint32_t i = 0; i < a->code_n; i++)
            if (c[i].dated && c[i].from <= day && day < c[i].to) return &c[i];
    for (uint32_t i = 0; i < a->code_n; i++)
        if (!c[i].dated) return &c[i];
    if (!dated && a->code_n) {
        /* no date at all: the most recent office */
        const rpd_acode *best = &c[0];
        for (uint32_t i = 1; i < a->code_n; i++)
            if (c[i].from > best->from) best = &c[i];
        return best;
    }
    return NULL;
}

const char *rp_actor_code(const rp_dict *d, const rp_actref *ref, int32_t day, bool dated,
                          rp_arena *ar) {
    const char *base = NULL;
    size_t blen = 0;
    if (ref->actor >= 0) {
        const rpd_acode *c = code_at(d, &d->actors[ref->actor], day, dated);
        if (!c) return NULL;
        base = d->str + c->str;
        blen = c->len;
        /* a place as target: its country ("Baghdad" IRQGOV is IRQ here) */
        if (ref->flags & RP_M_WHERE) return blen >= 3 ? rp_arena_strndup(ar, base, 3) : NULL;
        /* the own government of a protester */
        if (ref->flags & RP_M_OWNGOV) {
            char own[6];
            if (blen < 3 || !strncmp(base, "IGO", 3) || !strncmp(base, "NGO", 3) || !strncmp(base, "IMG", 3))
                return NULL;
            memcpy(own, base, 3);
            memcpy(own + 3, "GOV", 3);
            return rp_arena_strndup(ar, own, 6);
        }
        /* a country taken from the place ("police in Baghdad"): the country only,
         * the agent gives the role */
        if ((ref->flags & RP_M_INFERRED) && blen > 3) blen = 3;
        /* a capital before a noun names the country: "Kabul kidnappers",
         * "Baghdad residents" (the noun gives the role) */
        if ((d->actors[ref->actor].flags & RPD_A_CAPITAL) && ref->agent >= 0 && blen > 3) blen = 3;
    }
    const char *role = NULL;
    size_t rlen = 0;
    if (ref->agent >= 0) {
        const rpd_agent *g = &d->agents[ref->agent];
        role = d->str + g->str;
        rlen = g->len;
    }
    char buf[40];
    size_t n = 0;
    if (!base) {
        if (!role) return NULL;
        memcpy(buf, "---", 3);
        n = 3;
    } else {
        memcpy(buf, base, blen);
        n = blen;
    }
    /* a bare country takes the agent's role; a code that has a role keeps it */
    if (role && (n == 3) && n + rlen < sizeof buf) {
        memcpy(buf + n, role, rlen);
        n += rlen;
    }
    return rp_arena_strndup(ar, buf, n);
}

static const char *span_text(const rp_resolve_in *in, uint32_t start, uint32_t end,
                             rp_arena *ar) {
    if (start >= end) return "";
    size_t off = in->toks[start].off;
    size_t e = in->toks[end - 1].off + in->toks[end - 1].len;
    return rp_arena_strndup(ar, in->body + off, e - off);
}

/* nearest time expression in the event's sentence */
static const rp_timex *event_timex(const rp_resolve_in *in, const rp_cevent *ev) {
    uint32_t s0 = in->sent_first[ev->sent];
    uint32_t s1 = ev->sent + 1 < in->nsents ? in->sent_first[ev->sent + 1] : UINT32_MAX;
    const rp_timex *best = NULL;
    uint32_t best_dist = UINT32_MAX;
    for (size_t i = 0; i < in->ntimex; i++) {
        const rp_timex *t = &in->timex[i];
        if (t->start < s0 || t->start >= s1) continue;
        if (t->start < ev->date_lo || t->end > ev->date_hi) continue; /* another verb's date */
        uint32_t dist = t->start > ev->anchor ? t->start - ev->anchor : ev->anchor - t->end;
        if (dist < best_dist) best = t, best_dist = dist;
    }
    return best;
}

/* ---------------------------------------------------------------- domestic events */

static bool has_country(const char *code) {
    return strncmp(code, "---", 3) && strncmp(code, "IGO", 3) && strncmp(code, "NGO", 3) &&
           strncmp(code, "IMG", 3) && strncmp(code, "MNC", 3);
}

static bool role_is(const char *code, const char *role) {
    return strlen(code) >= 6 && !strncmp(code + 3, role, 3);
}

/* Some moves are domestic unless the text says otherwise: police and courts
 * act on people of their own country ("police arrested protesters"), and
 * arrests, repression and coercion ("authorities detained a suspect") fall
 * on the coercer's own people; protesters (root 14) protest against their own
 * government ("protesters marched on parliament"). An agent without a
 * country takes the other side's country. A place in the sentence or the
 * dateline has already given it one when there was one. */
static void domestic_country(const char *code, const char **src, const char **tgt, rp_arena *ar) {
    const char *s = *src, *t = *tgt;
    if (!strncmp(t, "---", 3) && strlen(t) > 3 && has_country(s) &&
        (!strncmp(code, "17", 2) || role_is(s, "COP") || role_is(s, "JUD"))) {
        char *c = rp_arena_strndup(ar, t, strlen(t));
        if (c) memcpy(c, s, 3), *tgt = c;
    } else if (!strncmp(s, "---", 3) && strlen(s) > 3 && has_country(t) && !strncmp(code, "14", 2)) {
        char *c = rp_arena_strndup(ar, s, strlen(s));
        if (c) memcpy(c, t, 3), *src = c;
    }
}

/* ---------------------------------------------------------------- merging */

static bool code_compatible(const char *a, const char *b) {
    size_t na = strlen(a), nb = strlen(b);
    size_t n = na < nb ? na : nb;
    return strncmp(a, b, n) == 0;
}

static bool date_compatible(const rp_date *a, const rp_date *b) {
    rp_precision p = a->precision < b->precision ? a->precision : b->precision;
    if (p == RP_PREC_NONE) return a->precision == b->precision;
    if (p == RP_PREC_WEEK) {
        int32_t x = rp_date_pivot(a), y = rp_date_pivot(b);
        return x - rp_weekday(x) == y - rp_weekday(y);
    }
    if (a->year != b->year) return false;
    if (p == RP_PREC_YEAR) return true;
    if (a->month != b->month) return false;
    if (p == RP_PREC_MONTH) return true;
    return a->day == b->day;
}

static const char *longer(const char *a, const char *b) { return strlen(b) > strlen(a) ? b : a; }

static bool add_mention(rp_event *e, size_t sent, rp_arena *ar) {
    for (size_t i = 0; i < e->mentions; i++)
        if (e->mention_sents[i] == sent) return true;
    size_t *m = rp_arena_alloc(ar, sizeof(size_t) * (e->mentions + 1));
    if (!m) return false;
    size_t k = 0;
    for (size_t i = 0; i < e->mentions; i++) {
        if (e->mention_sents[i] > sent && k == i) m[k++] = sent;
        m[k++] = e->mention_sents[i];
    }
    if (k == e->mentions) m[k++] = sent;
    e->mention_sents = m;
    e->mentions = k;
    return true;
}

/* Folds ev into an earlier event of out when it reports the same thing: same
 * code, compatible actors and dates, and either the same pattern (the same
 * move told again) or a headline (which announces a move of the body). Two
 * different moves of one day ("suspended contacts", "expelled diplomats")
 * stay two events. */
static bool merge(const rp_resolve_in *in, rp_vec *out, const rp_event *ev, rp_arena *ar,
                  bool *merged) {
    *merged = false;
    for (size_t i = 0; i < out->len; i++) {
        rp_event *e = RP_VEC_AT(out, rp_event, i);
        if (strcmp(e->code, ev->code) || !code_compatible(e->source, ev->source) ||
            !code_compatible(e->target, ev->target) || !date_compatible(&e->date, &ev->date))
            continue;
        /* a headline announces one move of the body: it pairs with the first */
        bool headline = in->has_headline && e->mention_sents[0] == 0 && e->mentions == 1;
        if (!headline && strcmp(e->pattern, ev->pattern) != 0) continue;
        e->source = longer(e->source, ev->source);
        e->target = longer(e->target, ev->target);
        if (ev->date.precision > e->date.precision) {
            e->date = ev->date;
            e->date_from = ev->date_from;
            e->date_text = ev->date_text;
        }
        *merged = true;
        return add_mention(e, ev->sent, ar);
    }
    return true;
}

static bool fill_event(const rp_resolve_in *in, const rp_cevent *ce, rp_arena *ar, rp_event *e) {
    const rp_dict *d = in->dict;
    memset(e, 0, sizeof *e);
    e->sent = ce->sent;
    const rp_timex *tx = event_timex(in, ce);
    if (tx) {
        e->date = tx->date;
        e->date_from = "text";
        e->date_text = span_text(in, tx->start, tx->end, ar);
    } else {
        e->date = in->published;
        e->date_from = in->published.precision ? "published" : "none";
        e->date_text = "";
    }
    bool dated = e->date.precision != RP_PREC_NONE;
    int32_t day = rp_date_pivot(&e->date);
    e->source = rp_actor_code(d, &ce->src, day, dated, ar);
    e->target = rp_actor_code(d, &ce->tgt, day, dated, ar);
    if (!e->source || !e->target) return false;
    domestic_country(ce->code, &e->source, &e->target, ar);
    if (in->require_dyad && (strncmp(e->source, "---", 3) == 0 || strncmp(e->target, "---", 3) == 0))
        return false;
    /* an actor acting on itself, or on the country it belongs to (RUS and
     * RUSGOV), is no dyad */
    if (strncmp(e->source, "---", 3) != 0 && code_compatible(e->source, e->target) &&
        (!(ce->tgt.flags & (RP_M_WHERE | RP_M_OWNGOV)) || !strcmp(e->source, e->target)))
        return false;
    e->source_text = span_text(in, ce->src.start, ce->src.end, ar);
    e->target_text = span_text(in, ce->tgt.start, ce->tgt.end, ar);
    e->verb_text = span_text(in, ce->verb_start, ce->verb_end, ar);
    memcpy(e->code, ce->code, sizeof e->code);
    const rpd_code *c = rpd_find_code(d, e->code);
    if (!c) {
        /* a modality mapping outside the dictionary's table: use the root */
        char root[8] = {e->code[0], e->code[1], 0};
        c = rpd_find_code(d, root);
        if (!c) return false;
        memcpy(e->code, root, sizeof root);
    }
    e->root[0] = e->code[0];
    e->root[1] = e->code[1];
    e->root[2] = 0;
    e->quad = (int)c->quad;
    e->goldstein = c->goldstein;
    const rpd_pattern *p = &d->patterns[ce->pattern];
    size_t fl;
    const char *fn = rpd_file_name(d, p->file, &fl);
    char where[512];
    snprintf(where, sizeof where, "%.*s:%u", (int)fl, fn, p->line);
    e->pattern = rp_arena_strndup(ar, where, strlen(where));
    e->mode = ce->mode ? ce->mode : "";
    size_t *ms = rp_arena_alloc(ar, sizeof(size_t));
    if (!ms || !e->pattern || !e->source_text || !e->target_text || !e->verb_text) return false;
    ms[0] = ce->sent;
    e->mention_sents = ms;
    e->mentions = 1;
    return true;
}

bool rp_resolve(const rp_resolve_in *in, rp_arena *ar, rp_vec *out) {
    for (size_t i = 0; i < in->nevents; i++) {
        rp_event e;
        if (!fill_event(in, &in->events[i], ar, &e)) continue;
        bool merged;
        if (!merge(in, out, &e, ar, &merged)) return false;
        if (merged) continue;
        rp_event *slot = rp_vec_push(out);
        if (!slot) return false;
        *slot = e;
    }
    return true;
}
