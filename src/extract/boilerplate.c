/*
 * boilerplate.c — phrase-level cues for page furniture that is not article.
 *
 * Cues are matched on a lower-cased copy of the line at word boundaries.
 * Two tiers: interface phrases that news prose never uses ("sign up",
 * "refresh the page", "contributed to this report") mark any line of up to
 * MAX_UI_WORDS words; bare interface words that prose does use ("comment",
 * "share", "support", "register") mark only short lines without sentence
 * punctuation, or lines that address the reader as "you".
 */
#include "extract.h"

#include <pthread.h>

enum { MAX_UI_WORDS = 30, MAX_SHORT_WORDS = 6 };

/* never used by news prose */
static const char *const ui_phrases[] = {
    "sign up", "signup", "log in", "logged in", "sign in to", "create an account",
    "already have an account", "refresh the page", "refresh your browser",
    "contributed to this report", "all rights reserved", "privacy policy", "terms of use",
    "terms of service", "terms and conditions", "skip to content", "skip to main",
    "back to top", "read more", "related articles", "related stories", "related content",
    "most read", "most viewed", "click here", "follow us", "getty images",
    "listen to this article", "min read", "minute read", "download the app", "get the app",
    "your support", "become a member", "free trial", "unlimited access",
    "thank you for registering", "thank you for subscribing", "thank you for reading",
    "commenting forum", "join the conversation", "join the discussion", "view comments",
    "show comments", "leave a comment", "post a comment", "browser preferences",
    "stay up to date", "breaking news alerts", "we use cookies", "email this", "print this",
    "gift this article", "gift article", "save article", "reader comments",
    "community guidelines", "support our journalism", "support independent", "ad blocker",
    "adblocker", "push alerts", "enable notifications", "story continues below",
    "continue reading", "recommended reading", "sponsored content", "promoted content",
    "please try again", "sign up for", "privacy notice", "cookie policy", "cookie settings",
    "this article is more than", "share this article", "copy link", "link copied",
    "allow notifications", "turn on notifications", "get notifications", "manage preferences",
    NULL};

/* interface words that prose also uses: boilerplate only when the line
 * addresses the reader, or is short and no sentence */
static const char *const context_phrases[] = {
    "donate", "donation", "donations", "subscribe", "subscribed", "subscription",
    "subscriptions", "subscriber", "subscribers", "newsletter", "newsletters", "notification",
    "notifications", "cookies", "advertisement", "bookmark", "inbox", "paywall", "paywalls",
    "journalism", "journalists", "whitelist", "login", "most popular", "accept all",
    "share on", "share this", "support", "reporting", "readers", NULL};

static const char *const short_words[] = {
    "comment", "comments", "share", "shares", "register", "support", "follow", "print",
    "email", "e-mail", "facebook", "twitter", "whatsapp", "linkedin", "pinterest", "reddit",
    "menu", "search", "home", "video", "videos", "photos", "gallery", "more", "close",
    "next", "previous", "topics", "tags", "save", "copy", "link", "copied", "listen", "watch",
    "ad", "updated", "published", "loading", "subscribe", "article", "this", "the", "on", "to",
    "x", "flipboard", "sign", "in", "up", "log", "out", "back", "top", "print", "view", "all",
    "newsletter", "newsletters", "advertisement", "sponsored", "related", "share", "comments",
    "read", "more", "opens", "new", "window", "tab", "open", "icon", NULL};

static const char *const reader_verbs[] = {
    "support", "subscribe", "sign", "register", "read", "join", "follow", "share", "enjoy",
    "help", "donate", "download", "click", "continue", "contribute", "want", "like",
    "consider", "get", "receive", NULL};


/* ---- cue index: phrases by their first word, so that a line is scanned
 * once instead of once per phrase ---- */

enum { CUE_UI = 1, CUE_CONTEXT = 2, CUE_READER = 4, CUE_SLOTS = 1024 };

typedef struct cue {
    const char *phrase; /* lower-case cue */
    size_t len;         /* its length */
    size_t first;       /* length of its first word */
    int list;           /* CUE_* */
} cue;

static cue cues[256];
static int cue_slot[CUE_SLOTS]; /* index+1 of the first cue with this first word (chained) */
static int cue_next[256];       /* next cue with the same slot, index+1 */
static pthread_once_t cue_once = PTHREAD_ONCE_INIT;

static bool word_char(unsigned char c) { return rp_is_alpha(c) || rp_is_digit(c) || c >= 0x80; }

static void add_cues(const char *const *list, int kind, int *n) {
    for (size_t i = 0; list[i] && *n < 256; i++) {
        cue *c = &cues[*n];
        c->phrase = list[i];
        c->len = strlen(list[i]);
        c->first = 0;
        while (c->first < c->len && word_char((unsigned char)list[i][c->first])) c->first++;
        c->list = kind;
        uint32_t h = rp_hash32(list[i], c->first) % CUE_SLOTS;
        cue_next[*n] = cue_slot[h];
        cue_slot[h] = *n + 1;
        (*n)++;
    }
}

static void build_cues(void);

/* Which cue lists (CUE_* bits) have a phrase in the lower-cased line. */
static int find_cues(const char *l, size_t n) {
    pthread_once(&cue_once, build_cues);
    int found = 0;
    for (size_t i = 0; i < n;) {
        if (!word_char((unsigned char)l[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && word_char((unsigned char)l[j])) j++;
        uint32_t h = rp_hash32(l + i, j - i) % CUE_SLOTS;
        for (int k = cue_slot[h]; k; k = cue_next[k - 1]) {
            const cue *c = &cues[k - 1];
            if (c->first != j - i || i + c->len > n || memcmp(l + i, c->phrase, c->len)) continue;
            size_t e = i + c->len;
            if (e == n || !word_char((unsigned char)l[e]) || !word_char((unsigned char)c->phrase[c->len - 1]))
                found |= c->list;
        }
        i = j;
    }
    return found;
}

static bool is_word_char(unsigned char c) { return rp_is_alpha(c) || rp_is_digit(c) || c >= 0x80; }

static void build_cues(void) {
    int n = 0;
    add_cues(ui_phrases, CUE_UI, &n);
    add_cues(context_phrases, CUE_CONTEXT, &n);
    add_cues(reader_verbs, CUE_READER, &n);
}

/* Lower-cased copy limited to `cap` bytes. */
static size_t lower_copy(const char *s, size_t len, char *out, size_t cap) {
    size_t n = len < cap - 1 ? len : cap - 1;
    for (size_t i = 0; i < n; i++) out[i] = (char)rp_to_lower((unsigned char)s[i]);
    out[n] = 0;
    return n;
}

static bool has_phrase(const char *l, size_t n, const char *p) {
    size_t k = strlen(p);
    for (size_t i = 0; i + k <= n; i++) {
        if (memcmp(l + i, p, k) != 0) continue;
        bool left = i == 0 || !is_word_char((unsigned char)l[i - 1]);
        bool right = i + k == n || !is_word_char((unsigned char)l[i + k]) || !is_word_char((unsigned char)p[k - 1]);
        if (left && right) return true;
    }
    return false;
}

static size_t count_words(const char *s, size_t len) {
    size_t n = 0;
    bool in = false;
    for (size_t i = 0; i < len; i++) {
        bool w = is_word_char((unsigned char)s[i]);
        if (w && !in) n++;
        in = w;
    }
    return n;
}

static bool starts_with(const char *l, size_t n, const char *p) {
    size_t k = strlen(p);
    return n >= k && memcmp(l, p, k) == 0;
}

static bool ends_sentence(const char *s, size_t len) {
    while (len && (s[len - 1] == '"' || s[len - 1] == '\'' || s[len - 1] == ')' || s[len - 1] == ' '))
        len--;
    return len && (s[len - 1] == '.' || s[len - 1] == '!' || s[len - 1] == '?');
}

/* Words outside double quotes, tested against a list. */
static bool pronoun_outside_quotes(const char *orig, const char *l, size_t n,
                                   const char *const *words) {
    bool quoted = false;
    for (size_t i = 0; i < n;) {
        if (l[i] == '"') {
            quoted = !quoted;
            i++;
            continue;
        }
        if (!is_word_char((unsigned char)l[i])) {
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && (is_word_char((unsigned char)l[j]) || l[j] == '\'')) j++;
        /* "US" is a country, "us" and "Us" are pronouns */
        bool caps = j - i > 1 && rp_is_upper((unsigned char)orig[i]) && rp_is_upper((unsigned char)orig[i + 1]);
        if (!quoted && !caps)
            for (size_t k = 0; words[k]; k++)
                if (strlen(words[k]) == j - i && memcmp(l + i, words[k], j - i) == 0) return true;
        i = j;
    }
    return false;
}

/* Is every word of the line an interface word or a number ("Comments (12)",
 * "Share", "Facebook Twitter Email")? */
static bool only_ui_words(const char *l, size_t n) {
    for (size_t i = 0; i < n;) {
        if (!is_word_char((unsigned char)l[i])) {
            i++;
            continue;
        }
        size_t j = i;
        bool digits = true;
        while (j < n && (is_word_char((unsigned char)l[j]) || l[j] == '-')) {
            if (!rp_is_digit((unsigned char)l[j])) digits = false;
            j++;
        }
        bool known = digits;
        for (size_t k = 0; !known && short_words[k]; k++)
            known = strlen(short_words[k]) == j - i && memcmp(short_words[k], l + i, j - i) == 0;
        if (!known) return false;
        i = j;
    }
    return true;
}

bool rp_line_first_plural(const char *s, size_t len) {
    static const char *const we[] = {"we", "our", "us", "ourselves", "we're", "we've", NULL};
    char l[2048];
    size_t n = lower_copy(s, len, l, sizeof l);
    return pronoun_outside_quotes(s, l, n, we);
}

rp_bp_kind rp_boilerplate_line(const char *s, size_t len) {
    /* one pass: lower-case copy, word count, menu separators */
    char l[2048];
    size_t n = len < sizeof l - 1 ? len : sizeof l - 1;
    size_t words = 0, segments = 1, seg_words = 0, max_seg = 0;
    bool in_word = false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        l[i] = (char)rp_to_lower(c);
        bool sep = c == '|' || c == '>' || c == '/' ||
                   (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xBB) || /* » */
                   (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x80 &&
                    ((unsigned char)s[i + 2] == 0xBA || (unsigned char)s[i + 2] == 0xA2)); /* › • */
        if (sep) {
            segments++;
            if (seg_words > max_seg) max_seg = seg_words;
            seg_words = 0;
            in_word = false;
            continue;
        }
        bool w = rp_is_alpha(c) || rp_is_digit(c) || c >= 0x80;
        if (w && !in_word) words++, seg_words++;
        in_word = w;
    }
    l[n] = 0;
    if (seg_words > max_seg) max_seg = seg_words;
    if (words == 0) return RP_BP_SHORT_UI;
    /* "Menu | World | UK | Politics", "Home > News > Europe" */
    if (segments >= 3 && max_seg <= 3 && n < 300) return RP_BP_UI;
    if (words <= MAX_UI_WORDS &&
        (starts_with(l, n, "reporting by") || starts_with(l, n, "additional reporting") ||
         starts_with(l, n, "editing by") || starts_with(l, n, "writing by") ||
         starts_with(l, n, "compiled by")))
        return RP_BP_CREDIT;
    int cues_found = find_cues(l, n);
    if (words <= MAX_UI_WORDS && (cues_found & CUE_UI)) return RP_BP_UI;
    bool sentence = ends_sentence(l, n);
    if (words <= MAX_SHORT_WORDS && !sentence && only_ui_words(l, n)) return RP_BP_SHORT_UI;
    if (!(cues_found & (CUE_CONTEXT | CUE_READER))) return RP_BP_NONE;
    static const char *const you[] = {"you", "your", "you're", "you've", "yours", NULL};
    static const char *const we[] = {"we", "our", "us", "we're", "we've", NULL};
    bool to_reader = pronoun_outside_quotes(s, l, n, you);
    if ((cues_found & CUE_READER) && to_reader) return RP_BP_APPEAL;
    if (!(cues_found & CUE_CONTEXT)) return RP_BP_NONE;
    bool statement = n && l[n - 1] == '.';
    if (to_reader || (words <= 15 && !statement) || pronoun_outside_quotes(s, l, n, we))
        return RP_BP_APPEAL;
    return RP_BP_NONE;
}

bool rp_caption_line(const char *s, size_t len) {
    static const char *const credits[] = {"afp", "getty", "reuters", "ap", "epa", "pa", "shutterstock",
                                          "photo", "image", "credit", "via", "alamy", "bloomberg",
                                          "xinhua", "tass", "sputnik", "anadolu", "efe", "ansa",
                                          "dpa", "pool", "handout", "courtesy", NULL};
    char l[1024];
    size_t n = lower_copy(s, len, l, sizeof l);
    while (n && l[n - 1] == ' ') n--;
    if (memchr(l, ':', n) && (has_phrase(l, n, "photograph:") || has_phrase(l, n, "photo:") ||
        has_phrase(l, n, "image:") || has_phrase(l, n, "picture:") ||
        has_phrase(l, n, "caption:") || has_phrase(l, n, "image copyright") ||
        has_phrase(l, n, "image caption")))
        return true;
    if (!n || l[n - 1] != ')') return false;
    size_t open = n;
    while (open > 0 && l[open - 1] != '(') open--;
    if (open == 0) return false;
    const char *in = l + open;
    size_t il = n - 1 - open;
    if (memchr(in, '/', il)) return true;
    /* "(AP)", "(Reuters)" after a headline name the agency, not a photographer */
    if (count_words(in, il) < 2) return false;
    for (size_t i = 0; credits[i]; i++)
        if (has_phrase(in, il, credits[i])) return true;
    return false;
}
