/*
 * lexicon.c — the closed-class words of English that the coder's grammar
 * relies on (determiners, prepositions, auxiliaries, negation, modality
 * verbs, honorifics ...), and the regular inflection rules used to expand
 * dictionary words into every form they take in text.
 *
 * These are grammar, not vocabulary, so they live in code; the compiler puts
 * them into every compiled dictionary's lexicon so that one hash lookup per
 * token gives both its dictionary meaning and its grammatical class.
 *
 * Inflection deliberately over-generates: "visit" gives "visited" and also
 * "visitted". A form that English never uses never occurs in text, so it
 * costs a few bytes and no errors; guessing wrongly which consonants double
 * would cost matches.
 */
#include "dict.h"

#define W(w, c) {w, c}

static const rpd_builtin builtins[] = {
    /* determiners and possessives */
    W("the", RPD_C_DET), W("a", RPD_C_DET), W("an", RPD_C_DET), W("this", RPD_C_DET),
    W("these", RPD_C_DET), W("those", RPD_C_DET), W("its", RPD_C_DET | RPD_C_GROUPPRON),
    W("their", RPD_C_DET | RPD_C_GROUPPRON), W("his", RPD_C_DET | RPD_C_PERSPRON),
    W("her", RPD_C_DET | RPD_C_PRON | RPD_C_PERSPRON), W("our", RPD_C_DET), W("my", RPD_C_DET),
    W("your", RPD_C_DET), W("any", RPD_C_DET), W("no", RPD_C_DET | RPD_C_NEG),
    W("every", RPD_C_DET), W("each", RPD_C_DET), W("another", RPD_C_DET),
    W("such", RPD_C_DET), W("whose", RPD_C_REL | RPD_C_DET),
    /* quantities */
    W("some", RPD_C_QUANT), W("several", RPD_C_QUANT), W("many", RPD_C_QUANT),
    W("few", RPD_C_QUANT), W("all", RPD_C_QUANT), W("both", RPD_C_QUANT),
    W("most", RPD_C_QUANT), W("more", RPD_C_QUANT), W("other", RPD_C_QUANT),
    W("dozens", RPD_C_QUANT), W("hundreds", RPD_C_QUANT), W("thousands", RPD_C_QUANT),
    W("millions", RPD_C_QUANT), W("scores", RPD_C_QUANT), W("number", RPD_C_QUANT),
    W("numbers", RPD_C_QUANT), W("couple", RPD_C_QUANT), W("handful", RPD_C_QUANT),
    W("total", RPD_C_QUANT), W("further", RPD_C_QUANT), W("additional", RPD_C_QUANT),
    W("new", RPD_C_QUANT), W("fresh", RPD_C_QUANT), W("top", RPD_C_QUANT),
    W("senior", RPD_C_QUANT), W("key", RPD_C_QUANT), W("two", RPD_C_NUMWORD),
    W("one", RPD_C_NUMWORD), W("three", RPD_C_NUMWORD), W("four", RPD_C_NUMWORD),
    W("five", RPD_C_NUMWORD), W("six", RPD_C_NUMWORD), W("seven", RPD_C_NUMWORD),
    W("eight", RPD_C_NUMWORD), W("nine", RPD_C_NUMWORD), W("ten", RPD_C_NUMWORD),
    W("dozen", RPD_C_NUMWORD), W("hundred", RPD_C_NUMWORD), W("thousand", RPD_C_NUMWORD),
    W("million", RPD_C_NUMWORD), W("eleven", RPD_C_NUMWORD), W("twelve", RPD_C_NUMWORD),
    W("twenty", RPD_C_NUMWORD), W("thirty", RPD_C_NUMWORD), W("fifty", RPD_C_NUMWORD),
    /* prepositions; locatives also marked */
    W("of", RPD_C_PREP | RPD_C_OF), W("in", RPD_C_PREP | RPD_C_LOC),
    W("at", RPD_C_PREP | RPD_C_LOC), W("on", RPD_C_PREP), W("to", RPD_C_PREP | RPD_C_TO),
    W("for", RPD_C_PREP), W("from", RPD_C_PREP | RPD_C_FROM), W("with", RPD_C_PREP),
    W("by", RPD_C_PREP | RPD_C_BY), W("against", RPD_C_PREP), W("into", RPD_C_PREP | RPD_C_LOC),
    W("over", RPD_C_PREP), W("about", RPD_C_PREP), W("after", RPD_C_PREP),
    W("before", RPD_C_PREP), W("during", RPD_C_PREP), W("under", RPD_C_PREP),
    W("between", RPD_C_PREP), W("among", RPD_C_PREP), W("amid", RPD_C_PREP),
    W("amongst", RPD_C_PREP), W("near", RPD_C_PREP | RPD_C_LOC),
    W("across", RPD_C_PREP | RPD_C_LOC), W("through", RPD_C_PREP | RPD_C_LOC),
    W("throughout", RPD_C_PREP | RPD_C_LOC), W("toward", RPD_C_PREP),
    W("towards", RPD_C_PREP), W("without", RPD_C_PREP), W("within", RPD_C_PREP | RPD_C_LOC),
    W("outside", RPD_C_PREP | RPD_C_LOC), W("inside", RPD_C_PREP | RPD_C_LOC),
    W("upon", RPD_C_PREP), W("via", RPD_C_PREP), W("despite", RPD_C_PREP),
    W("per", RPD_C_PREP), W("around", RPD_C_PREP | RPD_C_LOC), W("since", RPD_C_PREP),
    W("until", RPD_C_PREP), W("onto", RPD_C_PREP), W("off", RPD_C_PREP),
    W("out", RPD_C_PREP), W("up", RPD_C_PREP), W("down", RPD_C_PREP),
    W("along", RPD_C_PREP), W("beyond", RPD_C_PREP), W("behind", RPD_C_PREP | RPD_C_LOC),
    W("beside", RPD_C_PREP | RPD_C_LOC), W("like", RPD_C_PREP), W("than", RPD_C_PREP),
    W("as", RPD_C_PREP), W("including", RPD_C_PREP),
    /* conjunctions and relatives */
    W("and", RPD_C_CONJ), W("or", RPD_C_CONJ), W("but", RPD_C_CONJ), W("nor", RPD_C_CONJ),
    W("yet", RPD_C_FUNC), W("so", RPD_C_FUNC), W("while", RPD_C_FUNC),
    W("although", RPD_C_FUNC), W("though", RPD_C_FUNC), W("because", RPD_C_FUNC),
    W("if", RPD_C_FUNC), W("when", RPD_C_FUNC), W("whether", RPD_C_FUNC),
    W("who", RPD_C_REL), W("which", RPD_C_REL), W("whom", RPD_C_REL),
    W("that", RPD_C_REL | RPD_C_DET), W("where", RPD_C_FUNC), W("then", RPD_C_FUNC | RPD_C_ADV),
    W("also", RPD_C_FUNC | RPD_C_ADV), W("still", RPD_C_ADV), W("now", RPD_C_ADV),
    W("already", RPD_C_ADV), W("just", RPD_C_ADV), W("again", RPD_C_ADV), W("soon", RPD_C_ADV),
    W("once", RPD_C_ADV), W("even", RPD_C_ADV), W("not", RPD_C_NEG), W("never", RPD_C_NEG),
    W("neither", RPD_C_NEG), W("there", RPD_C_FUNC), W("here", RPD_C_FUNC),
    /* pronouns */
    W("he", RPD_C_PRON | RPD_C_PERSPRON), W("she", RPD_C_PRON | RPD_C_PERSPRON),
    W("it", RPD_C_PRON | RPD_C_GROUPPRON), W("they", RPD_C_PRON | RPD_C_GROUPPRON),
    W("we", RPD_C_PRON), W("i", RPD_C_PRON), W("you", RPD_C_PRON),
    W("him", RPD_C_PRON | RPD_C_PERSPRON), W("them", RPD_C_PRON | RPD_C_GROUPPRON),
    W("us", RPD_C_PRON), W("me", RPD_C_PRON), W("itself", RPD_C_PRON),
    W("themselves", RPD_C_PRON), W("himself", RPD_C_PRON), W("herself", RPD_C_PRON),
    /* auxiliaries */
    W("be", RPD_C_BE), W("is", RPD_C_BE), W("are", RPD_C_BE), W("was", RPD_C_BE),
    W("were", RPD_C_BE), W("been", RPD_C_BE), W("being", RPD_C_BE), W("am", RPD_C_BE),
    W("has", RPD_C_HAVE), W("have", RPD_C_HAVE), W("had", RPD_C_HAVE),
    W("having", RPD_C_HAVE), W("do", RPD_C_DO), W("does", RPD_C_DO), W("did", RPD_C_DO),
    W("get", RPD_C_GET), W("gets", RPD_C_GET), W("got", RPD_C_GET),
    W("gotten", RPD_C_GET), W("getting", RPD_C_GET),
    W("will", RPD_C_MODAL), W("would", RPD_C_MODAL), W("shall", RPD_C_MODAL),
    W("should", RPD_C_MODAL | RPD_C_HEDGE), W("can", RPD_C_MODAL),
    W("could", RPD_C_MODAL | RPD_C_HEDGE), W("may", RPD_C_MODAL | RPD_C_HEDGE),
    W("might", RPD_C_MODAL | RPD_C_HEDGE), W("must", RPD_C_MODAL),
    /* possessive */
    W("'s", RPD_C_POSS), W("'", RPD_C_POSS),
    /* honorifics */
    W("mr", RPD_C_HONOR), W("mrs", RPD_C_HONOR), W("ms", RPD_C_HONOR),
    W("dr", RPD_C_HONOR), W("sir", RPD_C_HONOR), W("dame", RPD_C_HONOR),
    W("lord", RPD_C_HONOR), W("madam", RPD_C_HONOR), W("mister", RPD_C_HONOR),
    W("sheikh", RPD_C_HONOR), W("mme", RPD_C_HONOR), W("herr", RPD_C_HONOR),
    /* former */
    W("former", RPD_C_FORMER), W("ex", RPD_C_FORMER), W("then", RPD_C_FUNC),
    W("outgoing", RPD_C_FORMER),
    /* verbs that govern a following "to VERB" and change its meaning */
    W("plan", RPD_C_INTENT), W("plans", RPD_C_INTENT), W("planned", RPD_C_INTENT),
    W("planning", RPD_C_INTENT), W("intend", RPD_C_INTENT), W("intends", RPD_C_INTENT),
    W("intended", RPD_C_INTENT), W("intending", RPD_C_INTENT), W("pledge", RPD_C_INTENT),
    W("pledged", RPD_C_INTENT), W("pledges", RPD_C_INTENT), W("promise", RPD_C_INTENT),
    W("promised", RPD_C_INTENT), W("promises", RPD_C_INTENT), W("vow", RPD_C_INTENT),
    W("vowed", RPD_C_INTENT), W("vows", RPD_C_INTENT), W("prepare", RPD_C_INTENT),
    W("prepared", RPD_C_INTENT), W("preparing", RPD_C_INTENT), W("agree", RPD_C_INTENT),
    W("agreed", RPD_C_INTENT), W("agrees", RPD_C_INTENT), W("offer", RPD_C_INTENT),
    W("offered", RPD_C_INTENT), W("offers", RPD_C_INTENT), W("decide", RPD_C_INTENT),
    W("decided", RPD_C_INTENT), W("decides", RPD_C_INTENT), W("aim", RPD_C_INTENT),
    W("aims", RPD_C_INTENT), W("aimed", RPD_C_INTENT), W("expect", RPD_C_HEDGE),
    W("expects", RPD_C_HEDGE), W("expected", RPD_C_HEDGE), W("ready", RPD_C_INTENT),
    W("willing", RPD_C_INTENT), W("set", RPD_C_INTENT), W("propose", RPD_C_INTENT),
    W("proposed", RPD_C_INTENT), W("proposes", RPD_C_INTENT), W("proposing", RPD_C_INTENT),
    W("proposal", RPD_C_INTENT), W("recommended", RPD_C_INTENT), W("recommends", RPD_C_INTENT),
    W("threaten", RPD_C_THREAT), W("threatens", RPD_C_THREAT),
    W("threatened", RPD_C_THREAT), W("threatening", RPD_C_THREAT),
    W("warn", RPD_C_THREAT), W("warned", RPD_C_THREAT), W("warns", RPD_C_THREAT),
    W("refuse", RPD_C_REFUSE), W("refused", RPD_C_REFUSE), W("refuses", RPD_C_REFUSE),
    W("refusing", RPD_C_REFUSE), W("decline", RPD_C_REFUSE), W("declined", RPD_C_REFUSE),
    W("declines", RPD_C_REFUSE), W("fail", RPD_C_REFUSE), W("failed", RPD_C_REFUSE),
    W("fails", RPD_C_REFUSE), W("hope", RPD_C_HEDGE), W("hopes", RPD_C_HEDGE),
    W("hoped", RPD_C_HEDGE), W("hoping", RPD_C_HEDGE), W("wish", RPD_C_HEDGE),
    W("wishes", RPD_C_HEDGE), W("want", RPD_C_HEDGE), W("wants", RPD_C_HEDGE),
    W("wanted", RPD_C_HEDGE), W("seek", RPD_C_HEDGE), W("seeks", RPD_C_HEDGE),
    W("sought", RPD_C_HEDGE), W("consider", RPD_C_HEDGE), W("considering", RPD_C_HEDGE),
    W("considered", RPD_C_HEDGE), W("try", RPD_C_HEDGE), W("tried", RPD_C_HEDGE),
    W("tries", RPD_C_HEDGE), W("trying", RPD_C_HEDGE), W("attempt", RPD_C_HEDGE),
    W("attempted", RPD_C_HEDGE), W("urge", RPD_C_HEDGE), W("urged", RPD_C_HEDGE),
    W("urges", RPD_C_HEDGE), W("ask", RPD_C_HEDGE), W("asked", RPD_C_HEDGE),
    W("asks", RPD_C_HEDGE), W("call", RPD_C_HEDGE), W("called", RPD_C_HEDGE),
    W("calls", RPD_C_HEDGE), W("able", RPD_C_HEDGE), W("unable", RPD_C_NEG),
    W("likely", RPD_C_HEDGE), W("unlikely", RPD_C_NEG), W("possible", RPD_C_HEDGE),
    W("avoid", RPD_C_NEGVERB), W("avoided", RPD_C_NEGVERB), W("avoiding", RPD_C_NEGVERB),
    W("stop", RPD_C_NEGVERB), W("stopped", RPD_C_NEGVERB), W("halt", RPD_C_NEGVERB),
    W("halted", RPD_C_NEGVERB), W("refrain", RPD_C_NEGVERB), W("refrained", RPD_C_NEGVERB),
    W("deny", RPD_C_NEGVERB), W("denied", RPD_C_NEGVERB), W("denies", RPD_C_NEGVERB),
    W("reverse", RPD_C_NEGVERB), W("reversed", RPD_C_NEGVERB), W("reverses", RPD_C_NEGVERB),
    W("rescind", RPD_C_NEGVERB), W("rescinded", RPD_C_NEGVERB), W("overturn", RPD_C_NEGVERB),
    W("overturned", RPD_C_NEGVERB), W("scrapped", RPD_C_NEGVERB), W("abandoned", RPD_C_NEGVERB),
    W("postponed", RPD_C_NEGVERB), W("shelved", RPD_C_NEGVERB), W("cancelled", RPD_C_NEGVERB),
    W("canceled", RPD_C_NEGVERB), W("dropped", RPD_C_NEGVERB),
    /* attribution */
    W("say", RPD_C_SAY), W("says", RPD_C_SAY), W("said", RPD_C_SAY), W("saying", RPD_C_SAY),
    W("tell", RPD_C_SAY), W("told", RPD_C_SAY), W("tells", RPD_C_SAY), W("add", RPD_C_SAY),
    W("added", RPD_C_SAY), W("adding", RPD_C_SAY), W("according", RPD_C_SAY),
    W("reported", RPD_C_SAY), W("quoted", RPD_C_SAY), W("stated", RPD_C_SAY),
    {NULL, 0}};

/* Words of time expressions (resolve/timex.c reads them); added to the
 * classes above when a word has both. */
static const char *const time_words[] = {
    "since", "until", "by", "till", "in", "during", "yesterday", "today", "tonight",
    "tomorrow", "last", "past", "next", "earlier", "later", "this", "on", "ago", "early",
    "late", "mid", "january", "jan", "february", "feb", "march", "mar", "april", "apr", "may",
    "june", "jun", "july", "jul", "august", "aug", "september", "sep", "sept", "october", "oct",
    "november", "nov", "december", "dec", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "a", "an", "one", "two", "three", "four", "five", "six",
    "seven", "eight", "nine", "ten", NULL};

const rpd_builtin *rpd_builtin_words(void) { return builtins; }

const char *const *rpd_time_words(void) { return time_words; }

static bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

typedef struct emitter {
    void (*emit)(void *ctx, const char *form, size_t len);
    void *ctx;
    char buf[96];
} emitter;

static void out(emitter *e, const char *stem, size_t n, const char *suffix) {
    size_t s = strlen(suffix);
    if (n + s >= sizeof e->buf) return;
    memcpy(e->buf, stem, n);
    memcpy(e->buf + n, suffix, s);
    e->emit(e->ctx, e->buf, n + s);
}

static void plurals(emitter *e, const char *w, size_t n) {
    char last = w[n - 1];
    if (last == 'y' && n > 1 && !is_vowel(w[n - 2])) {
        out(e, w, n - 1, "ies");
    } else if (last == 's' || last == 'x' || last == 'z' ||
               (n > 1 && (w[n - 2] == 'c' || w[n - 2] == 's') && last == 'h')) {
        out(e, w, n, "es");
    } else {
        out(e, w, n, "s");
    }
    if (last == 'f') out(e, w, n - 1, "ves");
    if (n > 2 && w[n - 2] == 'f' && last == 'e') out(e, w, n - 2, "ves");
    if (last == 'o') out(e, w, n, "es");
}

static void verb_forms(emitter *e, const char *w, size_t n) {
    char last = w[n - 1];
    bool cons_y = last == 'y' && n > 1 && !is_vowel(w[n - 2]);
    /* past */
    if (last == 'e') out(e, w, n, "d");
    else if (cons_y) out(e, w, n - 1, "ied");
    else out(e, w, n, "ed");
    /* gerund */
    if (n > 2 && last == 'e' && w[n - 2] == 'i') {
        out(e, w, n - 2, "ying");
    } else if (last == 'e' && n > 2 && w[n - 2] != 'e' && w[n - 2] != 'o' && w[n - 2] != 'y') {
        out(e, w, n - 1, "ing");
    } else {
        out(e, w, n, "ing");
    }
    /* consonant doubling: ban -> banned, expel -> expelled (over-generated) */
    if (n >= 2 && !is_vowel(last) && last != 'w' && last != 'x' && last != 'y' &&
        is_vowel(w[n - 2]) && (n < 3 || !is_vowel(w[n - 3]))) {
        char dbl[2] = {last, 0};
        char suf[8];
        memcpy(suf, dbl, 1);
        memcpy(suf + 1, "ed", 3);
        out(e, w, n, suf);
        memcpy(suf + 1, "ing", 4);
        out(e, w, n, suf);
    }
    /* picnic -> picnicked */
    if (last == 'c') {
        out(e, w, n, "ked");
        out(e, w, n, "king");
    }
}

void rpd_inflect(const char *word, size_t len, bool verb,
                 void (*emit)(void *ctx, const char *form, size_t len), void *ctx) {
    emitter e = {emit, ctx, {0}};
    if (len == 0 || len > 60) return;
    for (size_t i = 0; i < len; i++)
        if (!rp_is_lower((unsigned char)word[i]) && word[i] != '-') return;
    plurals(&e, word, len);
    if (verb) verb_forms(&e, word, len);
}
