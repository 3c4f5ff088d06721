/*
 * resolve.h — the resolve stage: candidate events -> dated events with actor
 * codes valid at that date, in-document duplicates merged.
 *
 *   timex.c    time expressions in a sentence ("in December", "last week",
 *              "on Monday", "in 2014", "on 5 March", "two days ago"),
 *              resolved against the publication date
 *   resolve.c  event dates, actor codes at the event date, merging of
 *              repeated reports (headline and lead), public rp_event records
 *
 * Depends on code (rp_cevent), match, dict, text, core.
 */
#ifndef RP_RESOLVE_H
#define RP_RESOLVE_H

#include "../code/code.h"

typedef struct rp_timex {
    uint32_t start, end; /* document token span */
    rp_date date;        /* resolved date */
} rp_timex;

/* Finds the time expressions of one matched sentence (base = document index
 * of its first token) and appends them to out (rp_timex). `pub` may have
 * precision NONE, in which case only absolute dates are found. */
bool rp_find_timex(const rp_msent *ms, uint32_t base, const rp_date *pub, rp_vec *out);

typedef struct rp_resolve_in {
    const rp_dict *dict;
    const char *body;          /* article body the tokens point into */
    const rp_tok *toks;        /* all document tokens */
    const rp_cevent *events;   /* candidate events, in sentence order */
    size_t nevents;
    const rp_timex *timex;     /* all time expressions, in order */
    size_t ntimex;
    const uint32_t *sent_first;/* document token index of each sentence's first token */
    size_t nsents;
    rp_date published;         /* publication date (precision NONE if unknown) */
    bool has_headline;         /* sentence 0 is a headline */
    bool require_dyad;         /* drop events without both countries */
} rp_resolve_in;

/* Builds the public events into out (rp_event), strings in the arena. */
bool rp_resolve(const rp_resolve_in *in, rp_arena *ar, rp_vec *out);

/* Day number (since 1970-01-01) that stands for a date of any precision
 * when choosing actor codes: the middle of the period it names. */
int32_t rp_date_pivot(const rp_date *d);

/* The actor code of a reference at a day, composed with its agent's role.
 * Returns NULL if the reference names nobody at that date. */
const char *rp_actor_code(const rp_dict *d, const rp_actref *ref, int32_t day, bool dated,
                          rp_arena *ar);

#endif /* RP_RESOLVE_H */
