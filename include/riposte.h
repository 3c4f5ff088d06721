/*
 * riposte.h — the public interface of libriposte, a political event coder.
 *
 * This header is the specification: what is not written here is not promised.
 *
 * The pipeline, as the library exposes it:
 *
 *   rp_dict      compiled dictionaries (actors, agents, verb patterns, CAMEO codes),
 *                memory-mapped, immutable, shared by every thread;
 *   rp_coder     a dictionary plus coding options; immutable and thread-safe;
 *   rp_doc       one document being coded: its arena, its sentences, tokens,
 *                events and diagnostics. A document handle is used by one thread
 *                at a time and is reused for the next document (rp_doc_code resets it).
 *
 *   rp_input ──rp_doc_code──► article (headline, body …) ► sentences ► tokens
 *                              ► dictionary hits ► events (dated, actor codes at that date)
 *
 * Conventions.
 *   - Text is UTF-8 bytes plus a length; it need not be NUL-terminated unless a
 *     parameter says "string".
 *   - Fallible calls return rp_status (RP_OK is 0) and, when `err` is not NULL,
 *     fill it with a code, a message a person can act on, and where known the
 *     source name, line and byte offset.
 *   - The library never prints, never exits and never aborts on bad input or
 *     out-of-memory. Destructors accept NULL.
 *   - Memory returned by rp_doc_* accessors belongs to the document and stays
 *     valid until the next rp_doc_code or rp_doc_free on that document.
 */
#ifndef RIPOSTE_H
#define RIPOSTE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(RP_BUILDING_LIBRARY) && defined(__GNUC__)
#define RP_API __attribute__((visibility("default")))
#else
#define RP_API
#endif

#define RIPOSTE_VERSION_MAJOR 0
#define RIPOSTE_VERSION_MINOR 1
#define RIPOSTE_VERSION_PATCH 0
#define RIPOSTE_VERSION_STRING "0.1.0"

/* The version of the library actually linked, e.g. "0.1.0". Static string. */
RP_API const char *rp_version(void);

/* ---------------------------------------------------------------- status */

typedef enum rp_status {
    RP_OK = 0,
    RP_ENOMEM,   /* an allocation failed */
    RP_EIO,      /* a file could not be read or written */
    RP_EFORMAT,  /* input is malformed (dictionary syntax, corrupt compiled file) */
    RP_EINVAL,   /* an argument is invalid (NULL handle, bad option value) */
    RP_ENOTFOUND,/* a named file or item does not exist */
    RP_EVERSION, /* a compiled dictionary was written by another format version */
    RP_ELIMIT    /* input exceeds a documented limit */
} rp_status;

/* A static, human-readable description of a status ("out of memory"). */
RP_API const char *rp_status_str(rp_status status);

/* Where and why something went wrong. Every field is filled as far as known:
 * `source` is a file name or document id ("" when unknown), `line` and `col`
 * are 1-based (0 when unknown), `offset` is a byte offset in the source. */
typedef struct rp_error {
    rp_status code;     /* the status also returned by the call */
    char source[256];   /* file name or document id, truncated to fit */
    size_t line;        /* 1-based line, 0 if not applicable */
    size_t col;         /* 1-based column in bytes, 0 if not applicable */
    size_t offset;      /* byte offset in the source */
    char message[256];  /* what went wrong, e.g. "unknown CAMEO code 999" */
} rp_error;

/* ---------------------------------------------------------------- memory */

/* All heap allocation goes through an allocator, so embedders can plug in
 * their own and tests can inject failures. `ctx` is passed back untouched.
 * realloc and free receive the old size. A NULL allocator pointer anywhere
 * in this API means the C library's malloc/realloc/free. */
typedef struct rp_allocator {
    void *(*alloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t old_size, size_t new_size);
    void (*free)(void *ctx, void *ptr, size_t size);
    void *ctx;
} rp_allocator;

/* ---------------------------------------------------------------- dates */

typedef enum rp_precision {
    RP_PREC_NONE = 0, /* no date known */
    RP_PREC_YEAR,
    RP_PREC_MONTH,
    RP_PREC_WEEK,     /* an ISO week; year/month/day hold its Monday */
    RP_PREC_DAY
} rp_precision;

typedef struct rp_date {
    int year;               /* e.g. 2017; 0 when precision is NONE */
    int month;              /* 1-12, or 0 below MONTH precision */
    int day;                /* 1-31, or 0 below DAY (WEEK: the Monday) */
    rp_precision precision;
} rp_date;

/* Parses "YYYY", "YYYY-MM", "YYYY-MM-DD" (also with a time part
 * "YYYY-MM-DDThh:mm..." which is ignored), "YYYYMMDD", and news date lines
 * such as "Thursday 31 August 2017 12:18 EDT", "August 31, 2017",
 * "31 Aug 2017". Returns RP_EFORMAT when `text` holds no valid date
 * (including impossible ones such as 2017-02-30 or 0000-00-00). */
RP_API rp_status rp_date_parse(const char *text, size_t len, rp_date *out);

/* Writes the ISO 8601 form ("2017", "2017-08", "2017-W35", "2017-08-31") into
 * buf (at least 11 bytes) and returns buf; "" for RP_PREC_NONE. */
RP_API char *rp_date_format(const rp_date *date, char *buf, size_t size);

/* ---------------------------------------------------------------- dictionaries */

typedef struct rp_dict rp_dict;

/* Called for each problem found while compiling dictionary sources
 * ("file:line: message"); compilation goes on to find the others. */
typedef void (*rp_diag_fn)(void *ctx, const rp_error *diag);

typedef struct rp_dict_options {
    const rp_allocator *allocator; /* NULL: malloc */
    rp_diag_fn on_diag;            /* NULL: problems are only counted */
    void *diag_ctx;
} rp_dict_options;

/* Defaults: malloc, no diagnostic callback. */
RP_API rp_dict_options rp_dict_options_default(void);

/* Compiles dictionary sources (riposte's format, data/FORMAT.md) into the
 * binary form and writes it to `out_path` (atomically: a temporary file is
 * renamed into place). `paths` are files or directories; directories are
 * searched recursively for *.txt files, taken in byte order of their paths,
 * so the same sources always give identical bytes. Every syntax error is
 * passed to opt->on_diag; if there was any, nothing is written and
 * RP_EFORMAT is returned with the count in err->message. */
RP_API rp_status rp_dict_compile(const char *const *paths, size_t npaths, const char *out_path,
                                 const rp_dict_options *opt, rp_error *err);

/* Opens a dictionary. If `path` is a compiled file (it starts with the
 * compiled magic) it is memory-mapped and validated; otherwise `path` is
 * taken as dictionary sources (a file or a directory) and compiled in memory.
 * The handle is immutable and may be shared by any number of threads. */
RP_API rp_status rp_dict_open(const char *path, const rp_dict_options *opt, rp_dict **out,
                              rp_error *err);

/* Compiles sources like rp_dict_compile, several paths at once, and opens
 * the result in memory without writing a file. */
RP_API rp_status rp_dict_open_sources(const char *const *paths, size_t npaths,
                                      const rp_dict_options *opt, rp_dict **out, rp_error *err);

/* Opens a compiled dictionary held in memory. The bytes are validated
 * (corrupt or truncated input gives RP_EFORMAT, another format version
 * RP_EVERSION) and copied, so the caller may free them afterwards. */
RP_API rp_status rp_dict_open_memory(const void *bytes, size_t len, const rp_dict_options *opt,
                                     rp_dict **out, rp_error *err);

/* Releases a dictionary. No coder made from it may be used afterwards. */
RP_API void rp_dict_close(rp_dict *dict);

typedef struct rp_dict_stats {
    size_t words;     /* distinct word forms known */
    size_t actors;    /* actor phrases */
    size_t agents;    /* agent phrases */
    size_t patterns;  /* verb patterns (after synset expansion of anchors) */
    size_t synsets;   /* synsets */
    size_t codes;     /* CAMEO event codes */
    size_t bytes;     /* size of the compiled form */
    uint64_t source_hash; /* FNV-1a of the sources it was compiled from */
} rp_dict_stats;

RP_API rp_dict_stats rp_dict_get_stats(const rp_dict *dict);

/* Looks up a CAMEO event code ("161"). Returns 0 and fills the outputs when
 * the code is in the dictionary's table, -1 otherwise. `label` points into
 * the dictionary (valid while it is open) and is not NUL-terminated. */
RP_API int rp_dict_code_info(const rp_dict *dict, const char *code, double *goldstein,
                             int *quad, const char **label, size_t *label_len);

/* ---------------------------------------------------------------- coder */

typedef struct rp_coder rp_coder;

typedef struct rp_coder_options {
    const rp_allocator *allocator; /* NULL: malloc */
    int require_dyad;   /* 1 (default): keep only events with a known source and target country */
    int explain;        /* 1: record why each sentence did or did not give events (rp_doc_explain) */
    int code_standfirst;/* 1: also code the standfirst of pasted pages (default 0) */
    rp_date default_date; /* publication date when the input has none (precision NONE: unset) */
    size_t max_sentence_tokens; /* longer sentences are coded on their first N tokens (default 256) */
    size_t max_doc_bytes;       /* longer documents are coded on their first N bytes (default 4 MiB) */
} rp_coder_options;

/* Defaults as documented above. */
RP_API rp_coder_options rp_coder_options_default(void);

/* Creates a coder over `dict`, which must outlive it. Thread-safe to use. */
RP_API rp_status rp_coder_new(const rp_dict *dict, const rp_coder_options *opt, rp_coder **out,
                              rp_error *err);
RP_API void rp_coder_free(rp_coder *coder);

/* ---------------------------------------------------------------- input */

typedef enum rp_text_kind {
    RP_TEXT_PAGE = 0, /* pasted web page: headline, byline, boilerplate … recognised and dropped */
    RP_TEXT_CLEAN,    /* article text only (JSONL `text`): paragraphs, no page furniture */
    RP_TEXT_JSONL     /* `text` is one unparsed JSON Lines record; rp_doc_code parses it
                         (its fields replace id, url, date and title) and codes it as CLEAN */
} rp_text_kind;

/* One document to code. Strings are UTF-8 with explicit lengths; any may be
 * NULL/0. The library copies what it keeps. */
typedef struct rp_input {
    const char *id;     size_t id_len;     /* document id (file name, JSONL id) */
    const char *url;    size_t url_len;
    const char *date;   size_t date_len;   /* publication date, any form rp_date_parse reads */
    const char *title;  size_t title_len;  /* headline, when known separately from the text */
    const char *text;   size_t text_len;   /* the article, or the pasted page */
    rp_text_kind kind;
} rp_input;

/* ---------------------------------------------------------------- document */

typedef struct rp_doc rp_doc;

/* Creates an empty document handle (with its arena and stemmer). */
RP_API rp_status rp_doc_new(const rp_allocator *allocator, rp_doc **out, rp_error *err);
RP_API void rp_doc_free(rp_doc *doc);

/* Codes one document: clears what the handle held, then extracts the
 * article, splits sentences, tokenizes, matches the dictionaries, codes and
 * resolves events. Problems in the input (invalid UTF-8, an unreadable date,
 * truncation at a limit) are diagnostics (rp_doc_diag) and do not fail the
 * call; it fails only on out-of-memory, invalid arguments, or an
 * RP_TEXT_JSONL record that is not valid (RP_EFORMAT, err says why). */
RP_API rp_status rp_doc_code(rp_doc *doc, const rp_coder *coder, const rp_input *input,
                             rp_error *err);

typedef enum rp_sent_role {
    RP_ROLE_HEADLINE = 0,
    RP_ROLE_BODY,
    RP_ROLE_STANDFIRST
} rp_sent_role;

/* The article as extracted. Strings are NUL-terminated copies in the doc's
 * arena ("" when absent). */
typedef struct rp_article {
    const char *title;
    const char *standfirst;
    const char *byline;
    const char *dateline;   /* place line, e.g. "San Francisco" */
    const char *date_line;  /* the date as written, e.g. "Thursday 31 August 2017 12:18 EDT" */
    rp_date published;      /* from the input date, else the date line, else the default */
    const char *published_from; /* "input", "text", "default" or "none" */
    const char *body;       /* normalised body text; sentence and token offsets point here */
    size_t body_len;
    size_t paragraphs;      /* body paragraphs */
    size_t captions;        /* photo captions dropped */
    size_t boilerplate_dropped; /* boilerplate lines dropped */
} rp_article;

RP_API const rp_article *rp_doc_article(const rp_doc *doc);

typedef struct rp_sentence {
    size_t offset;      /* byte offset of the sentence in article.body */
    size_t len;         /* its length in bytes */
    rp_sent_role role;
    size_t first_token; /* index of its first token in rp_doc_tokens */
    size_t ntokens;
} rp_sentence;

RP_API size_t rp_doc_sentence_count(const rp_doc *doc);
RP_API const rp_sentence *rp_doc_sentence(const rp_doc *doc, size_t index);

/* Token flags. */
#define RP_TOK_WORD    0x01u /* letters (may contain digits, ' - .) */
#define RP_TOK_NUMBER  0x02u /* digits, possibly with , . */
#define RP_TOK_PUNCT   0x04u /* punctuation */
#define RP_TOK_CAP     0x08u /* starts with an upper-case letter */
#define RP_TOK_ALLCAPS 0x10u /* two or more letters, all upper-case */

typedef struct rp_token {
    size_t offset;     /* byte offset in article.body */
    size_t len;        /* bytes */
    const char *norm;  /* folded form: lower case, no diacritics (NUL-terminated) */
    const char *stem;  /* Snowball English stem of norm (NUL-terminated) */
    unsigned flags;    /* RP_TOK_* */
} rp_token;

/* All tokens of the document, sentence after sentence. */
RP_API size_t rp_doc_token_count(const rp_doc *doc);
RP_API const rp_token *rp_doc_tokens(const rp_doc *doc);

typedef struct rp_event {
    size_t sent;            /* sentence index of the first mention (0 = headline when there is one) */
    size_t mentions;        /* how many sentences reported it (>= 1) */
    const size_t *mention_sents; /* their indexes, ascending */
    const char *source;     /* CAMEO actor code at the event date, e.g. "USAGOV" */
    const char *target;
    const char *source_text;/* the words the actors were coded from */
    const char *target_text;
    const char *verb_text;  /* the words of the pattern */
    char code[8];           /* CAMEO event code, e.g. "161" */
    char root[3];           /* its two-digit root, "16" */
    int quad;               /* 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict */
    double goldstein;       /* Goldstein score of the code */
    rp_date date;           /* event date */
    const char *date_from;  /* "text" (the sentence dates it), "published" or "none" */
    const char *date_text;  /* the words that dated it ("" unless date_from is "text") */
    const char *pattern;    /* where the pattern that fired is written, "file:line" */
    const char *mode;       /* "" or how modality changed the code: "intent", "threat", "refusal" */
} rp_event;

RP_API size_t rp_doc_event_count(const rp_doc *doc);
RP_API const rp_event *rp_doc_event(const rp_doc *doc, size_t index);

/* Diagnostics attached to the document (invalid UTF-8 at an offset, a date
 * that could not be read, truncation at a limit). */
RP_API size_t rp_doc_diag_count(const rp_doc *doc);
RP_API const rp_error *rp_doc_diag(const rp_doc *doc, size_t index);

/* When the coder was created with `explain`, the trace for one sentence:
 * tokens, dictionary hits, patterns tried and why events were or were not
 * made, as NUL-terminated lines of text. "" otherwise. */
RP_API const char *rp_doc_explain(const rp_doc *doc, size_t sent);

/* ---------------------------------------------------------------- reading inputs */

typedef struct rp_reader rp_reader;

typedef struct rp_reader_options {
    const rp_allocator *allocator; /* NULL: malloc */
    size_t max_doc_bytes;  /* a plain-text article or JSONL line longer than this is cut
                              (article) or skipped (line), with a diagnostic; default 8 MiB */
    size_t max_file_bytes; /* a plain-text file is read up to this size; default 64 MiB */
    int defer_jsonl;       /* 1: yield JSONL lines unparsed (RP_TEXT_JSONL, id "file:line"), so
                              that threads coding them also parse them; default 0 */
} rp_reader_options;

RP_API rp_reader_options rp_reader_options_default(void);

/* A reader walks its inputs in order and yields documents: a plain-text file
 * (optionally .gz) is one article (RP_TEXT_PAGE); a JSON Lines file (by
 * extension .jsonl/.ndjson/.json, or content) gives one article per line
 * with keys "id", "url", "date", "title", "text" (RP_TEXT_CLEAN); "-" is
 * standard input; a directory is searched recursively, in name order, for
 * .txt, .text, .jsonl, .ndjson, .json files (and their .gz), following
 * symbolic links but never the same directory twice. JSONL files are read
 * as a stream, in constant memory. */
RP_API rp_status rp_reader_open(const char *const *paths, size_t npaths,
                                const rp_reader_options *opt, rp_reader **out, rp_error *err);

/* The next document. Returns RP_OK and fills `doc` (its strings belong to
 * the reader until the next call); RP_ENOTFOUND when the inputs are
 * exhausted; any other status when one input or record could not be read:
 * err names the file and line or byte offset, that input or record is
 * skipped and the next call goes on with the rest. `where` (optional)
 * receives "file" or "file:line" of the document. */
RP_API rp_status rp_reader_next(rp_reader *r, rp_input *doc, const char **where, rp_error *err);

/* How many inputs or records could not be read so far. */
RP_API size_t rp_reader_failures(const rp_reader *r);

RP_API void rp_reader_close(rp_reader *r);

/* ---------------------------------------------------------------- writing events */

typedef enum rp_format {
    RP_FORMAT_JSONL = 0, /* one JSON object per event (keys of DESIGN.md, plus extras) */
    RP_FORMAT_TSV,       /* tab-separated, same columns, header from rp_write_header */
    RP_FORMAT_TABLE      /* a readable table per document */
} rp_format;

/* Receives output bytes; returns 0 on success, non-zero to stop. */
typedef int (*rp_write_fn)(void *ctx, const char *data, size_t len);

/* Writes the column header of a format (TSV; nothing for the others). */
RP_API rp_status rp_write_header(rp_format fmt, rp_write_fn write, void *ctx);

/* Writes the events of a coded document (JSONL and TSV: one line each;
 * TABLE: a block with the document's title and date, then one row each). */
RP_API rp_status rp_doc_write_events(const rp_doc *doc, rp_format fmt, rp_write_fn write,
                                     void *ctx);

/* The id and url of the document as given in its input ("" when absent). */
RP_API const char *rp_doc_id(const rp_doc *doc);
RP_API const char *rp_doc_url(const rp_doc *doc);

#ifdef __cplusplus
}
#endif

#endif /* RIPOSTE_H */
