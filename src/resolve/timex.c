/*
 * timex.c — time expressions, resolved against the publication date.
 *
 * Read forms (case-insensitive; P = publication date):
 *   in/during/on/since? MONTH [YEAR]     "in December" = the last December on
 *                                        or before P's month; with a year, that month
 *   [on] DAY MONTH [YEAR], MONTH DAY[, YEAR]   day precision (year as above)
 *   on/last/this? WEEKDAY                the last such weekday on or before P
 *                                        ("last Monday": strictly before)
 *   yesterday, today, tomorrow           P - 1, P, P + 1
 *   last/this/next week|month|year,      the week (ISO), month or year around P
 *   earlier/later this week|month|year
 *   N days|weeks|months|years ago        P minus N units, at that precision
 *   in/during YEAR (1900-2100)           year precision
 * "since", "until" and "by" introduce spans and deadlines, not event dates,
 * and are not read.
 */
#include "resolve.h"

static bool word_is(const rp_msent *ms, uint32_t i, const char *w) {
    return i < ms->n && rp_ieq(ms->text + ms->toks[i].off, ms->toks[i].len, w);
}

static int number_at(const rp_msent *ms, uint32_t i) {
    if (i >= ms->n || !(ms->toks[i].flags & RP_TOK_NUMBER) || ms->toks[i].len > 4) return -1;
    int v = 0;
    for (uint32_t k = 0; k < ms->toks[i].len; k++) {
        char c = ms->text[ms->toks[i].off + k];
        if (!rp_is_digit((unsigned char)c)) return -1;
        v = v * 10 + (c - '0');
    }
    return v;
}

static int small_number(const rp_msent *ms, uint32_t i) {
    static const char *const words[] = {"zero", "one", "two", "three", "four", "five", "six",
                                        "seven", "eight", "nine", "ten", NULL};
    int n = number_at(ms, i);
    if (n >= 0) return n;
    if (word_is(ms, i, "a") || word_is(ms, i, "an")) return 1;
    for (int k = 0; words[k]; k++)
        if (word_is(ms, i, words[k])) return k;
    return -1;
}

static int month_at(const rp_msent *ms, uint32_t i) {
    if (i >= ms->n || !(ms->toks[i].flags & RP_TOK_WORD)) return 0;
    /* "May" and "March" are months only with a capital, or next to a number */
    if (!(ms->toks[i].flags & RP_TOK_CAP)) return 0;
    size_t len = ms->toks[i].len;
    if (len < 3) return 0;
    return rp_month_from_name(ms->text + ms->toks[i].off, len);
}

static int weekday_at(const rp_msent *ms, uint32_t i) {
    if (i >= ms->n || !(ms->toks[i].flags & RP_TOK_CAP) || ms->toks[i].len < 6) return -1;
    return rp_weekday_from_name(ms->text + ms->toks[i].off, ms->toks[i].len);
}

static int32_t pub_days(const rp_date *p) {
    return rp_days_from_civil(p->year, p->month ? p->month : 1, p->day ? p->day : 1);
}

static rp_date day_date(int32_t days) {
    rp_date d;
    rp_civil_from_days(days, &d.year, &d.month, &d.day);
    d.precision = RP_PREC_DAY;
    return d;
}

static rp_date week_date(int32_t days) {
    rp_date d = day_date(days - rp_weekday(days));
    d.precision = RP_PREC_WEEK;
    return d;
}

static rp_date month_date(int y, int m) {
    while (m < 1) m += 12, y--;
    while (m > 12) m -= 12, y++;
    return (rp_date){y, m, 0, RP_PREC_MONTH};
}

/* The year of MONTH when no year is written: the last one on or before P. */
static int infer_year(const rp_date *p, int month) {
    if (p->precision < RP_PREC_MONTH) return p->year;
    return month <= p->month ? p->year : p->year - 1;
}

typedef struct found {
    uint32_t end;  /* one past the last token */
    rp_date date;
} found;

/* MONTH [DAY][,] [YEAR] or DAY MONTH [YEAR] starting at i. */
static bool calendar_date(const rp_msent *ms, uint32_t i, const rp_date *p, found *f) {
    int day = -1, month = 0, year = -1;
    uint32_t j = i;
    int n = number_at(ms, j);
    if (n >= 1 && n <= 31 && month_at(ms, j + 1)) {
        day = n, month = month_at(ms, j + 1), j += 2;
    } else if ((month = month_at(ms, j))) {
        j++;
        int d2 = number_at(ms, j);
        if (d2 >= 1 && d2 <= 31 && ms->toks[j].len <= 2) day = d2, j++;
    } else {
        return false;
    }
    if (j < ms->n && rp_tok_is(ms, j, ',')) {
        int y = number_at(ms, j + 1);
        if (y >= 1900 && y <= 2100) year = y, j += 2;
    } else {
        int y = number_at(ms, j);
        if (y >= 1900 && y <= 2100 && ms->toks[j].len == 4) year = y, j++;
    }
    if (year < 0) {
        if (p->precision == RP_PREC_NONE) return false;
        year = infer_year(p, month);
        /* "on 5 March" after P's day in P's month is last year's */
        if (day > 0 && month == p->month && p->precision == RP_PREC_DAY && day > p->day) year--;
    }
    if (day > 0) {
        if (!rp_date_valid(year, month, day)) return false;
        f->date = (rp_date){year, month, day, RP_PREC_DAY};
    } else {
        /* a bare capitalised "May" without "in" is too often the modal verb */
        if (i > 0 && !word_is(ms, i - 1, "in") && !word_is(ms, i - 1, "during") &&
            !word_is(ms, i - 1, "early") && !word_is(ms, i - 1, "late") &&
            !word_is(ms, i - 1, "mid") && !word_is(ms, i - 1, "of"))
            return false;
        f->date = month_date(year, month);
    }
    f->end = j;
    return true;
}

static bool relative_unit(const rp_msent *ms, uint32_t i, const rp_date *p, int shift,
                          found *f) {
    int32_t P = pub_days(p);
    if (word_is(ms, i, "week")) {
        f->date = week_date(P + 7 * shift);
    } else if (word_is(ms, i, "month")) {
        f->date = month_date(p->year, p->month + shift);
    } else if (word_is(ms, i, "year")) {
        f->date = (rp_date){p->year + shift, 0, 0, RP_PREC_YEAR};
    } else {
        return false;
    }
    f->end = i + 1;
    return true;
}

static bool weekday_date(const rp_msent *ms, uint32_t i, const rp_date *p, bool strict,
                         found *f) {
    int w = weekday_at(ms, i);
    if (w < 0 || p->precision != RP_PREC_DAY) return false;
    int32_t P = pub_days(p);
    int back = (rp_weekday(P) - w + 7) % 7;
    if (strict && back == 0) back = 7;
    f->date = day_date(P - back);
    f->end = i + 1;
    return true;
}

/* N units ago */
static bool ago(const rp_msent *ms, uint32_t i, const rp_date *p, found *f) {
    int n = small_number(ms, i);
    if (n < 0 || !word_is(ms, i + 2, "ago")) return false;
    const rp_tok *u = &ms->toks[i + 1];
    const char *w = ms->text + u->off;
    int32_t P = pub_days(p);
    if (rp_ieq(w, u->len, "day") || rp_ieq(w, u->len, "days")) f->date = day_date(P - n);
    else if (rp_ieq(w, u->len, "week") || rp_ieq(w, u->len, "weeks")) f->date = week_date(P - 7 * n);
    else if (rp_ieq(w, u->len, "month") || rp_ieq(w, u->len, "months"))
        f->date = month_date(p->year, p->month - n);
    else if (rp_ieq(w, u->len, "year") || rp_ieq(w, u->len, "years"))
        f->date = (rp_date){p->year - n, 0, 0, RP_PREC_YEAR};
    else return false;
    f->end = i + 3;
    return true;
}

/* Any expression starting at token i. */
static bool timex_at(const rp_msent *ms, uint32_t i, const rp_date *p, found *f) {
    bool have_day = p->precision == RP_PREC_DAY;
    bool have_month = p->precision >= RP_PREC_MONTH;
    if (word_is(ms, i, "since") || word_is(ms, i, "until") || word_is(ms, i, "by") ||
        word_is(ms, i, "till"))
        return false;
    if (calendar_date(ms, i, p, f)) return true;
    if (word_is(ms, i, "in") || word_is(ms, i, "during")) {
        int y = number_at(ms, i + 1);
        if (y >= 1900 && y <= 2100 && ms->toks[i + 1].len == 4 && !month_at(ms, i + 2)) {
            f->date = (rp_date){y, 0, 0, RP_PREC_YEAR};
            f->end = i + 2;
            return true;
        }
        return false;
    }
    if (have_day && word_is(ms, i, "yesterday")) return (f->date = day_date(pub_days(p) - 1)), (f->end = i + 1), true;
    if (have_day && (word_is(ms, i, "today") || word_is(ms, i, "tonight")))
        return (f->date = day_date(pub_days(p))), (f->end = i + 1), true;
    if (have_day && word_is(ms, i, "tomorrow"))
        return (f->date = day_date(pub_days(p) + 1)), (f->end = i + 1), true;
    if (!have_month) return false;
    if (word_is(ms, i, "last") || word_is(ms, i, "past")) {
        if (weekday_date(ms, i + 1, p, true, f)) return true;
        return have_day && relative_unit(ms, i + 1, p, -1, f);
    }
    if (word_is(ms, i, "next")) return have_day && relative_unit(ms, i + 1, p, 1, f);
    if ((word_is(ms, i, "earlier") || word_is(ms, i, "later")) && word_is(ms, i + 1, "this"))
        return have_day && relative_unit(ms, i + 2, p, 0, f);
    if (word_is(ms, i, "this")) {
        if (weekday_date(ms, i + 1, p, false, f)) return true;
        return have_day && relative_unit(ms, i + 1, p, 0, f);
    }
    if (word_is(ms, i, "on") && weekday_date(ms, i + 1, p, false, f)) return true;
    if (weekday_date(ms, i, p, false, f)) return true; /* "Russia said Monday" */
    if (have_day && ago(ms, i, p, f)) return true;
    return false;
}

bool rp_find_timex(const rp_msent *ms, uint32_t base, const rp_date *pub, rp_vec *out) {
    rp_date none = {0, 0, 0, RP_PREC_NONE};
    const rp_date *p = pub ? pub : &none;
    for (uint32_t i = 0; i < ms->n;) {
        found f;
        /* only time words and numbers start a time expression */
        if (!(ms->mt[i].cls & RPD_C_TIMEW) && !(ms->mt[i].feat & RP_F_NUM)) {
            i++;
            continue;
        }
        if (word_is(ms, i, "since") || word_is(ms, i, "until") || word_is(ms, i, "by") ||
            word_is(ms, i, "till")) {
            /* a span or a deadline: skip the date it introduces */
            i += (timex_at(ms, i + 1, p, &f) && f.end > i + 1) ? f.end - i : 1;
            continue;
        }
        if (!timex_at(ms, i, p, &f) || f.end <= i) {
            i++;
            continue;
        }
        rp_timex *t = rp_vec_push(out);
        if (!t) return false;
        t->start = base + i;
        t->end = base + f.end;
        t->date = f.date;
        i = f.end;
    }
    return true;
}
