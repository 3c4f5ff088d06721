/*
 * normalize.c — raw bytes to the clean UTF-8 every later stage reads.
 *
 * One pass over the input, code point by code point:
 *   invalid UTF-8          -> U+FFFD, counted with the offset of the first one
 *   NUL                    -> dropped, counted
 *   CR LF, CR              -> LF
 *   other controls, tabs   -> space (controls counted)
 *   Unicode spaces         -> space; zero-width characters and BOM dropped
 *   curly and angle quotes -> ' or "
 *   hyphens, en dash, minus-> -
 *   em dash                -> " - " (spaces added only where missing)
 *   ellipsis               -> ...
 * If a combining mark was seen, the result is put in NFC with utf8proc, so
 * "e" + U+0301 and "é" become the same bytes.
 */
#include "text.h"

#include <stdlib.h>
#include <utf8proc.h>

static bool is_combining(int32_t cp) {
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F);
}

/* What a code point becomes: a replacement string, "" to drop it, or NULL
 * to keep it as it is. */
static const char *replacement(int32_t cp) {
    switch (cp) {
    case 0x00A0: case 0x2000: case 0x2001: case 0x2002: case 0x2003: case 0x2004:
    case 0x2005: case 0x2006: case 0x2007: case 0x2008: case 0x2009: case 0x200A:
    case 0x202F: case 0x205F: case 0x3000: case 0x1680: case 0x0085:
        return " ";
    case 0x2028: case 0x2029:
        return "\n";
    case 0x200B: case 0x200C: case 0x200D: case 0x2060: case 0xFEFF: case 0x00AD:
        return "";
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x0060:
    case 0x00B4: case 0x2039: case 0x203A:
        return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB: case 0x301D: case 0x301E: case 0xFF02:
        return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2212: case 0xFE63:
    case 0xFF0D:
        return "-";
    case 0x2026:
        return "...";
    default:
        return NULL;
    }
}

static bool is_em_dash(int32_t cp) { return cp == 0x2014 || cp == 0x2015 || cp == 0x2E3A; }

static bool put_em_dash(rp_buf *out, const unsigned char *next, size_t left) {
    if (out->len && out->data[out->len - 1] != ' ' && out->data[out->len - 1] != '\n')
        if (!rp_buf_putc(out, ' ')) return false;
    if (!rp_buf_putc(out, '-')) return false;
    if (left && !rp_is_space(next[0])) return rp_buf_putc(out, ' ');
    return true;
}

static bool nfc_in_place(rp_buf *out, size_t start) {
    utf8proc_uint8_t *dst = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)out->data + start,
                                      (utf8proc_ssize_t)(out->len - start), &dst,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0) return true; /* keep the un-normalised text; it is valid UTF-8 */
    out->len = start;
    bool ok = rp_buf_append(out, dst, (size_t)n);
    free(dst);
    return ok;
}

bool rp_text_normalize(const char *in, size_t len, rp_buf *out, rp_norm_report *rep) {
    rp_norm_report local = {0};
    if (!rep) rep = &local;
    const unsigned char *s = (const unsigned char *)in;
    size_t start = out->len;
    bool marks = false;
    if (!rp_buf_reserve(out, len)) return false;
    for (size_t i = 0; i < len;) {
        unsigned char c = s[i];
        if (c >= 0x20 && c < 0x7F && c != '`') {
            /* ASCII fast path: most news is ASCII; copy the whole run */
            size_t j = i + 1;
            while (j < len && s[j] >= 0x20 && s[j] < 0x7F && s[j] != '`') j++;
            if (!rp_buf_append(out, s + i, j - i)) return false;
            i = j;
            continue;
        }
        int32_t cp;
        int n = rp_utf8_decode(s + i, len - i, &cp);
        if (cp < 0) {
            if (rep->invalid++ == 0) rep->first_invalid = i;
            if (!rp_buf_append(out, "\xEF\xBF\xBD", 3)) return false;
            i += 1;
            continue;
        }
        i += (size_t)n;
        if (cp == 0) {
            rep->nul++;
            continue;
        }
        if (cp == '\r') {
            if (i < len && s[i] == '\n') i++;
            if (!rp_buf_putc(out, '\n')) return false;
            continue;
        }
        if (cp == '\n') {
            if (!rp_buf_putc(out, '\n')) return false;
            continue;
        }
        if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0 && cp != 0x85)) {
            if (cp != '\t') rep->controls++;
            if (!rp_buf_putc(out, ' ')) return false;
            continue;
        }
        if (is_em_dash(cp)) {
            if (!put_em_dash(out, s + i, len - i)) return false;
            continue;
        }
        const char *r = replacement(cp);
        if (r) {
            if (!rp_buf_puts(out, r)) return false;
            continue;
        }
        if (is_combining(cp)) marks = true;
        if (!rp_buf_append(out, s + i - n, (size_t)n)) return false;
    }
    if (marks && !nfc_in_place(out, start)) return false;
    return !out->oom;
}
