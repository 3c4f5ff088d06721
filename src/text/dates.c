/*
 * dates.c — reading dates as newspapers and feeds write them.
 *
 * Forms read: ISO 8601 ("2017", "2017-08", "2017-08-31", "2017-08-31T12:18Z"),
 * "20170831", and the date lines of web pages: "Thursday 31 August 2017 12:18
 * EDT", "August 31, 2017", "Aug. 31, 2017 at 4:05 p.m.", "31 Aug 2017",
 * "Published: 31/08/2017"? (no: numeric day/month orders are ambiguous and
 * are not read). A date line may hold only date words: weekday, time, time
 * zone, labels such as "Published" or "Updated", and punctuation.
 */
#include "text.h"

#include <stdio.h>

static const char *const month_names[12][3] = {
    {"january", "jan", NULL},   {"february", "feb", NULL}, {"march", "mar", NULL},
    {"april", "apr", NULL},     {"may", NULL, NULL},       {"june", "jun", NULL},
    {"july", "jul", NULL},      {"august", "aug", NULL},   {"september", "sep", "sept"},
    {"october", "oct", NULL},   {"november", "nov", NULL}, {"december", "dec", NULL}};

static const char *const weekday_names[7][3] = {
    {"monday", "mon", NULL},   {"tuesday", "tue", "tues"}, {"wednesday", "wed", NULL},
    {"thursday", "thu", "thurs"}, {"friday", "fri", NULL},  {"saturday", "sat", NULL},
    {"sunday", "sun", NULL}};

static size_t strip_dot(const char *s, size_t len) {
    return len > 1 && s[len - 1] == '.' ? len - 1 : len;
}

int rp_month_from_name(const char *s, size_t len) {
    len = strip_dot(s, len);
    if (len < 3 || len > 9 || !rp_is_alpha((unsigned char)s[0])) return 0;
    /* month names start with one of these letters */
    switch (rp_to_lower((unsigned char)s[0])) {
    case 'j': case 'f': case 'm': case 'a': case 's': case 'o': case 'n': case 'd': break;
    default: return 0;
    }
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 3 && month_names[m][k]; k++)
            if (rp_ieq(s, len, month_names[m][k])) return m + 1;
    return 0;
}

int rp_weekday_from_name(const char *s, size_t len) {
    len = strip_dot(s, len);
    if (len < 3 || len > 9) return -1;
    switch (rp_to_lower((unsigned char)s[0])) {
    case 'm': case 't': case 'w': case 'f': case 's': break;
    default: return -1;
    }
    for (int w = 0; w < 7; w++)
        for (int k = 0; k < 3 && weekday_names[w][k]; k++)
            if (rp_ieq(s, len, weekday_names[w][k])) return w;
    return -1;
}

static const char *const line_words[] = {
    "published", "updated", "posted", "last", "first", "modified", "on", "at", "date",
    "am", "pm", "a.m", "p.m", "a.m.", "p.m.", "h", "gmt", "utc", "bst", "edt", "est", "cdt",
    "cst", "mdt", "mst", "pdt", "pst", "et", "pt", "ct", "cet", "cest", "eet", "eest", "msk",
    "ist", "jst", "kst", "aest", "aedt", "hkt", "sgt", "wat", "cat", "eat", "z", "local",
    "time", "of", "the", NULL};

typedef struct dtok {
    const char *s; /* start */
    size_t len;    /* length */
    bool num;      /* all digits */
} dtok;

enum { MAX_DTOK = 24 };

/* Splits into word/number tokens; punctuation other than '.' inside words and
 * ':' inside times is a separator. Returns the count, or MAX_DTOK+1 if more. */
static size_t scan(const char *s, size_t len, dtok *out) {
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (!rp_is_alpha(c) && !rp_is_digit(c)) {
            i++;
            continue;
        }
        size_t j = i;
        bool num = true;
        while (j < len) {
            unsigned char d = (unsigned char)s[j];
            if (rp_is_digit(d)) {
                j++;
            } else if (rp_is_alpha(d)) {
                num = false;
                j++;
            } else if ((d == ':' || d == '.') && j + 1 < len &&
                       rp_is_digit((unsigned char)s[j + 1]) && num) {
                num = false; /* a time: 12:18 */
                j++;
            } else if (d == '.' && !num) {
                j++; /* "Aug." "p.m." */
            } else {
                break;
            }
        }
        if (n == MAX_DTOK) return MAX_DTOK + 1;
        out[n].s = s + i;
        out[n].len = j - i;
        out[n].num = num;
        n++;
        i = j;
    }
    return n;
}

static int num_value(const dtok *t) {
    if (!t->num || t->len > 4) return -1;
    int v = 0;
    for (size_t i = 0; i < t->len; i++) v = v * 10 + (t->s[i] - '0');
    return v;
}

static bool is_time(const dtok *t) {
    if (t->num) return false;
    size_t digits = 0;
    for (size_t i = 0; i < t->len; i++) {
        char c = t->s[i];
        if (rp_is_digit((unsigned char)c)) digits++;
        else if (c != ':' && c != '.' && !rp_is_alpha((unsigned char)c)) return false;
    }
    return digits >= 3 && rp_is_digit((unsigned char)t->s[0]) &&
           (memchr(t->s, ':', t->len) || memchr(t->s, '.', t->len));
}

static bool is_line_word(const dtok *t) {
    if (rp_weekday_from_name(t->s, t->len) >= 0 || is_time(t)) return true;
    for (size_t i = 0; line_words[i]; i++)
        if (rp_ieq(t->s, t->len, line_words[i])) return true;
    /* "12:18pm" scanned as one token is a time; "+0000" offsets are numbers */
    return false;
}

static bool set_date(rp_date *out, int y, int m, int d) {
    if (d) {
        if (!rp_date_valid(y, m, d)) return false;
        *out = (rp_date){y, m, d, RP_PREC_DAY};
    } else if (m) {
        if (y < 1 || y > 9999 || m < 1 || m > 12) return false;
        *out = (rp_date){y, m, 0, RP_PREC_MONTH};
    } else {
        if (y < 1 || y > 9999) return false;
        *out = (rp_date){y, 0, 0, RP_PREC_YEAR};
    }
    return true;
}

/* ISO 8601 at the start of s: YYYY[-MM[-DD]][T...] or YYYYMMDD. */
static bool parse_iso(const char *s, size_t len, rp_date *out, size_t *used) {
    size_t i = 0;
    while (i < len && i < 8 && rp_is_digit((unsigned char)s[i])) i++;
    if (i == 8 && (len == 8 || !rp_is_digit((unsigned char)s[8]))) {
        int y, m, d;
        if (sscanf(s, "%4d%2d%2d", &y, &m, &d) != 3 || !set_date(out, y, m, d)) return false;
        *used = 8;
        return true;
    }
    if (i != 4) return false;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    int m = 0, d = 0;
    if (len >= 7 && s[4] == '-' && rp_is_digit((unsigned char)s[5]) &&
        rp_is_digit((unsigned char)s[6])) {
        m = (s[5] - '0') * 10 + (s[6] - '0');
        i = 7;
        if (len >= 10 && s[7] == '-' && rp_is_digit((unsigned char)s[8]) &&
            rp_is_digit((unsigned char)s[9])) {
            d = (s[8] - '0') * 10 + (s[9] - '0');
            i = 10;
        }
    }
    if (i < len && rp_is_digit((unsigned char)s[i])) return false;
    if (!set_date(out, y, m, d)) return false;
    *used = i;
    return true;
}

/* Month-name dates among the tokens. Marks the tokens used. */
static bool parse_named(const dtok *t, size_t n, rp_date *out, bool *used) {
    for (size_t i = 0; i < n; i++) {
        int m = rp_month_from_name(t[i].s, t[i].len);
        if (!m) continue;
        int d = 0, y = 0;
        size_t di = SIZE_MAX, yi = SIZE_MAX;
        if (i > 0 && num_value(&t[i - 1]) >= 1 && num_value(&t[i - 1]) <= 31 &&
            t[i - 1].len <= 2) {
            d = num_value(&t[i - 1]), di = i - 1; /* 31 August 2017 */
            if (i + 1 < n && t[i + 1].len == 4 && num_value(&t[i + 1]) > 0)
                y = num_value(&t[i + 1]), yi = i + 1;
        } else if (i + 1 < n && t[i + 1].len <= 2 && num_value(&t[i + 1]) >= 1 &&
                   num_value(&t[i + 1]) <= 31) {
            d = num_value(&t[i + 1]), di = i + 1; /* August 31, 2017 */
            if (i + 2 < n && t[i + 2].len == 4 && num_value(&t[i + 2]) > 0)
                y = num_value(&t[i + 2]), yi = i + 2;
        } else if (i + 1 < n && t[i + 1].len == 4 && num_value(&t[i + 1]) > 0) {
            y = num_value(&t[i + 1]), yi = i + 1; /* August 2017 */
        }
        if (!y || y < 1800 || y > 2200) continue;
        if (!set_date(out, y, m, d)) continue;
        used[i] = true;
        if (di != SIZE_MAX) used[di] = true;
        used[yi] = true;
        return true;
    }
    return false;
}

bool rp_text_find_date(const char *s, size_t len, bool whole_line, rp_date *out) {
    if (len > 200) return false;
    dtok t[MAX_DTOK];
    size_t n = scan(s, len, t);
    if (n == 0 || n > MAX_DTOK) return false;
    bool used[MAX_DTOK] = {false};
    bool found = parse_named(t, n, out, used);
    for (size_t i = 0; i < n && !found; i++) {
        size_t u;
        if (t[i].num && (t[i].len == 4 || t[i].len == 8)) {
            /* ISO forms are scanned from the raw text at this token */
            size_t left = len - (size_t)(t[i].s - s);
            if (parse_iso(t[i].s, left, out, &u)) {
                found = true;
                const char *end = t[i].s + u;
                for (size_t k = i; k < n && t[k].s < end; k++) used[k] = true;
            }
        }
    }
    if (!found) return false;
    if (!whole_line) return true;
    for (size_t i = 0; i < n; i++) {
        if (used[i] || is_line_word(&t[i])) continue;
        /* time-zone offsets and times written as "1218" or "+0000" */
        if (t[i].num && (t[i].len == 4 || t[i].len == 2)) continue;
        return false;
    }
    return true;
}

rp_status rp_date_parse(const char *text, size_t len, rp_date *out) {
    rp_date d = {0};
    if (!text || !out) return RP_EINVAL;
    /* trim */
    while (len && rp_is_space((unsigned char)text[0])) text++, len--;
    while (len && rp_is_space((unsigned char)text[len - 1])) len--;
    size_t used;
    if (parse_iso(text, len, &d, &used)) {
        /* anything after must be a time part */
        if (used == len || text[used] == 'T' || text[used] == ' ' || text[used] == 't') {
            *out = d;
            return RP_OK;
        }
    }
    if (rp_text_find_date(text, len, true, &d)) {
        *out = d;
        return RP_OK;
    }
    return RP_EFORMAT;
}

char *rp_date_format(const rp_date *date, char *buf, size_t size) {
    if (!buf || size == 0) return buf;
    buf[0] = 0;
    if (!date) return buf;
    switch (date->precision) {
    case RP_PREC_NONE: break;
    case RP_PREC_YEAR: snprintf(buf, size, "%04d", date->year); break;
    case RP_PREC_MONTH: snprintf(buf, size, "%04d-%02d", date->year, date->month); break;
    case RP_PREC_DAY:
        snprintf(buf, size, "%04d-%02d-%02d", date->year, date->month, date->day);
        break;
    case RP_PREC_WEEK: {
        /* ISO week of the Monday stored in the date */
        int32_t days = rp_days_from_civil(date->year, date->month, date->day);
        int32_t thursday = days - rp_weekday(days) + 3;
        int y, m, d;
        rp_civil_from_days(thursday, &y, &m, &d);
        int32_t jan1 = rp_days_from_civil(y, 1, 1);
        int week = (int)((thursday - jan1) / 7) + 1;
        snprintf(buf, size, "%04d-W%02d", y, week);
        break;
    }
    }
    return buf;
}
