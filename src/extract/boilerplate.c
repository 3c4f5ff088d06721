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
    "next", "previous", "topics", "tags", "save", "copy link", "link copied", "listen",
    "watch", "ad", "updated", "published", "loading", "subscribe", "share article", NULL};

static const char *const reader_verbs[] = {
    "support", "subscribe", "sign", "register", "read", "join", "follow", "share", "enjoy",
    "help", "donate", "download", "click", "continue", "contribute", "want", "like",
    "consider", "get", "receive", NULL};

static bool is_word_char(unsigned char c) { return rp_is_alpha(c) || rp_is_digit(c) || c >= 0x80; }

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

bool rp_line_first_plural(const char *s, size_t len) {
    static const char *const we[] = {"we", "our", "us", "ourselves", "we're", "we've", NULL};
    char l[2048];
    size_t n = lower_copy(s, len, l, sizeof l);
    return pronoun_outside_quotes(s, l, n, we);
}

rp_bp_kind rp_boilerplate_line(const char *s, size_t len) {
    char l[2048];
    size_t n = lower_copy(s, len, l, sizeof l);
    size_t words = count_words(l, n);
    if (words == 0) return RP_BP_SHORT_UI;
    if (words <= MAX_UI_WORDS &&
        (has_phrase(l, n, "contributed to this report") || starts_with(l, n, "reporting by") ||
         starts_with(l, n, "additional reporting") || starts_with(l, n, "editing by") ||
         starts_with(l, n, "writing by") || starts_with(l, n, "compiled by")))
        return RP_BP_CREDIT;
    if (words <= MAX_UI_WORDS)
        for (size_t i = 0; ui_phrases[i]; i++)
            if (has_phrase(l, n, ui_phrases[i])) return RP_BP_UI;
    bool sentence = ends_sentence(l, n);
    if (words <= MAX_SHORT_WORDS && !sentence)
        for (size_t i = 0; short_words[i]; i++)
            if (has_phrase(l, n, short_words[i])) return RP_BP_SHORT_UI;
    static const char *const you[] = {"you", "your", "you're", "you've", "yours", NULL};
    static const char *const we[] = {"we", "our", "us", "we're", "we've", NULL};
    bool to_reader = pronoun_outside_quotes(s, l, n, you);
    bool as_publisher = pronoun_outside_quotes(s, l, n, we);
    bool statement = n && l[n - 1] == '.';
    if ((to_reader || as_publisher || (words <= 15 && !statement)))
        for (size_t i = 0; context_phrases[i]; i++)
            if (has_phrase(l, n, context_phrases[i])) return RP_BP_APPEAL;
    if (to_reader)
        for (size_t i = 0; reader_verbs[i]; i++)
            if (has_phrase(l, n, reader_verbs[i])) return RP_BP_APPEAL;
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
    if (has_phrase(l, n, "photograph:") || has_phrase(l, n, "photo:") ||
        has_phrase(l, n, "image:") || has_phrase(l, n, "picture:") ||
        has_phrase(l, n, "caption:") || has_phrase(l, n, "image copyright") ||
        has_phrase(l, n, "image caption"))
        return true;
    if (!n || l[n - 1] != ')') return false;
    size_t open = n;
    while (open > 0 && l[open - 1] != '(') open--;
    if (open == 0) return false;
    const char *in = l + open;
    size_t il = n - 1 - open;
    if (memchr(in, '/', il)) return true;
    for (size_t i = 0; credits[i]; i++)
        if (has_phrase(in, il, credits[i])) return true;
    return false;
}
