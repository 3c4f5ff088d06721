/*
 * cmd_code.c — `riposte code`: read articles, code them, print events.
 *
 * Documents are read in order by one reader on the main thread and coded in
 * batches: with -j N, N worker threads (each with its own rp_doc) take
 * documents of the batch in turn, each writing its output into the job's
 * buffer. Two batches alternate: while the workers code one, the main thread
 * reads the next and prints the one before, in input order. Output is
 * therefore identical whatever N is.
 */
#include "cli.h"

#include <getopt.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

const char usage_code[] =
    "usage: riposte code [options] [FILE|DIR|-]...\n"
    "\n"
    "Codes news articles into CAMEO events: who did what to whom, when.\n"
    "\n"
    "Inputs: plain-text articles (one per file; a pasted web page is fine: the\n"
    "headline, byline, date line, captions and boilerplate are recognised and\n"
    "only headline and body are coded), JSON Lines (one article per line with\n"
    "\"id\", \"url\", \"date\", \"title\", \"text\"; by extension .jsonl/.ndjson/.json\n"
    "or by content), any of them gzip-compressed (.gz), directories (searched\n"
    "recursively for .txt/.text/.jsonl/.ndjson/.json[.gz]), and - for standard\n"
    "input (the default when no input is given and stdin is not a terminal).\n"
    "\n"
    "The publication date comes from the JSONL \"date\", else --date, else the\n"
    "article's own date line (\"Thursday 31 August 2017 12:18 EDT\"). Events are\n"
    "dated by the sentence when it says when (\"in December\", \"last week\").\n"
    "\n"
    "options:\n"
    "  -f, --format FMT   jsonl (default), tsv (with a header) or table\n"
    "  -d, --dict FILE    compiled dictionary or dictionary sources (default: the\n"
    "                     riposte.rpd built with riposte, or $RIPOSTE_DICT)\n"
    "      --date DATE    publication date for documents that carry none in their\n"
    "                     input (YYYY-MM-DD)\n"
    "  -j, --jobs N       code with N threads (default 1); output order is the input order\n"
    "      --explain      print, for each sentence, its tokens, the dictionary hits,\n"
    "                     the patterns tried and why events were or were not made\n"
    "      --all          keep events whose source or target has no country (---GOV)\n"
    "      --standfirst   also code the standfirst (subheading) of pasted pages\n"
    "  -q, --quiet        do not report problems in the input on stderr\n"
    "      --progress     show documents/s on stderr (default when stderr is a terminal\n"
    "                     and there are many documents)\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit codes: 0 success; 1 the job could not run (no dictionary, output error);\n"
    "2 usage error; 3 finished, but some inputs could not be read (each reported).\n";

enum { BATCH = 512, OPT_DATE = 256, OPT_EXPLAIN, OPT_ALL, OPT_STANDFIRST, OPT_PROGRESS };

typedef struct job {
    sbuf id, url, date, title, text; /* the input, copied out of the reader */
    rp_text_kind kind;
    sbuf out;   /* formatted events (and explanation) */
    sbuf diag;  /* messages for stderr */
    bool failed;  /* could not be coded */
} job;

typedef struct shared {
    const rp_coder *coder;
    rp_format fmt;
    bool explain, quiet;
    job *jobs;
    size_t njobs;
    atomic_size_t next;
} shared;

typedef struct worker {
    pthread_t thread;
    rp_doc *doc;
    shared *sh;
} worker;

static void code_job(rp_doc *doc, shared *sh, job *j) {
    rp_input in = {sbuf_cstr(&j->id), j->id.len, sbuf_cstr(&j->url), j->url.len,
                   sbuf_cstr(&j->date), j->date.len, sbuf_cstr(&j->title), j->title.len,
                   sbuf_cstr(&j->text), j->text.len, j->kind};
    rp_error err;
    sbuf_clear(&j->out);
    sbuf_clear(&j->diag);
    j->failed = false;
    if (rp_doc_code(doc, sh->coder, &in, &err) != RP_OK) {
        sbuf_printf(&j->diag, "riposte: %s: %s\n", sbuf_cstr(&j->id), err.message);
        j->failed = true;
        return;
    }
    if (!sh->quiet)
        for (size_t i = 0; i < rp_doc_diag_count(doc); i++) {
            const rp_error *e = rp_doc_diag(doc, i);
            sbuf_printf(&j->diag, "%s: warning: %s\n", sbuf_cstr(&j->id), e->message);
        }
    if (sh->explain) {
        sbuf_printf(&j->out, "# %s\n", sbuf_cstr(&j->id));
        for (size_t i = 0; i < rp_doc_sentence_count(doc); i++) sbuf_puts(&j->out, rp_doc_explain(doc, i));
    }
    if (rp_doc_write_events(doc, sh->fmt, sbuf_write, &j->out) != RP_OK) j->failed = true;
}

static void *work(void *arg) {
    worker *w = arg;
    shared *sh = w->sh;
    for (;;) {
        size_t i = atomic_fetch_add(&sh->next, 1);
        if (i >= sh->njobs) break;
        code_job(w->doc, sh, &sh->jobs[i]);
    }
    return NULL;
}

static bool copy_input(job *j, const rp_input *in) {
    sbuf *dst[] = {&j->id, &j->url, &j->date, &j->title, &j->text};
    const char *src[] = {in->id, in->url, in->date, in->title, in->text};
    size_t len[] = {in->id_len, in->url_len, in->date_len, in->title_len, in->text_len};
    bool ok = true;
    for (int i = 0; i < 5; i++) {
        sbuf_clear(dst[i]);
        ok = ok && sbuf_append(dst[i], src[i] ? src[i] : "", src[i] ? len[i] : 0);
    }
    j->kind = in->kind;
    return ok;
}

typedef struct run_opts {
    rp_format fmt;
    const char *dict_path;
    rp_date date;
    int jobs;
    bool explain, all, standfirst, quiet, progress;
} run_opts;

static int parse_args(int argc, char **argv, run_opts *o) {
    static const struct option opts[] = {
        {"format", required_argument, NULL, 'f'}, {"dict", required_argument, NULL, 'd'},
        {"date", required_argument, NULL, OPT_DATE}, {"jobs", required_argument, NULL, 'j'},
        {"explain", no_argument, NULL, OPT_EXPLAIN}, {"all", no_argument, NULL, OPT_ALL},
        {"standfirst", no_argument, NULL, OPT_STANDFIRST}, {"quiet", no_argument, NULL, 'q'},
        {"progress", no_argument, NULL, OPT_PROGRESS}, {NULL, 0, NULL, 0}};
    memset(o, 0, sizeof *o);
    o->jobs = 1;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:d:j:q", opts, NULL)) != -1) {
        switch (c) {
        case 'f':
            if (strcmp(optarg, "jsonl") == 0 || strcmp(optarg, "json") == 0) o->fmt = RP_FORMAT_JSONL;
            else if (strcmp(optarg, "tsv") == 0) o->fmt = RP_FORMAT_TSV;
            else if (strcmp(optarg, "table") == 0) o->fmt = RP_FORMAT_TABLE;
            else return cli_usage_error("code", "unknown format '%s' (jsonl, tsv or table)", optarg);
            break;
        case 'd': o->dict_path = optarg; break;
        case OPT_DATE:
            if (rp_date_parse(optarg, strlen(optarg), &o->date) != RP_OK)
                return cli_usage_error("code", "--date: '%s' is not a date (YYYY-MM-DD)", optarg);
            break;
        case 'j': {
            char *end;
            long n = strtol(optarg, &end, 10);
            if (*end || n < 1 || n > 256)
                return cli_usage_error("code", "--jobs: '%s' is not a number from 1 to 256", optarg);
            o->jobs = (int)n;
            break;
        }
        case OPT_EXPLAIN: o->explain = true; break;
        case OPT_ALL: o->all = true; break;
        case OPT_STANDFIRST: o->standfirst = true; break;
        case OPT_PROGRESS: o->progress = true; break;
        case 'q': o->quiet = true; break;
        case ':': return cli_usage_error("code", "option '%s' needs a value", argv[optind - 1]);
        default: return cli_usage_error("code", "unknown option '%s'", argv[optind - 1]);
        }
    }
    return -1;
}

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Starts coding a batch: on N threads, or here and now with -j 1. */
static int start_batch(shared *sh, worker *w, int nw) {
    atomic_store(&sh->next, 0);
    for (int i = 0; i < nw; i++) w[i].sh = sh;
    if (nw == 1 || sh->njobs < 2) {
        work(&w[0]);
        return 0;
    }
    int started = 0;
    for (int i = 0; i < nw; i++) {
        if (pthread_create(&w[i].thread, NULL, work, &w[i]) != 0) break;
        started++;
    }
    if (!started) work(&w[0]); /* no thread could start: code it here */
    return started;
}

static void join_batch(worker *w, int started) {
    for (int i = 0; i < started; i++) pthread_join(w[i].thread, NULL);
}

/* Prints a batch in order; returns false if stdout failed. */
static bool print_batch(shared *sh, size_t *failed, size_t *events_bytes) {
    for (size_t i = 0; i < sh->njobs; i++) {
        job *j = &sh->jobs[i];
        if (j->diag.len) fwrite(j->diag.data, 1, j->diag.len, stderr);
        if (j->failed) (*failed)++;
        if (j->out.len && fwrite(j->out.data, 1, j->out.len, stdout) != j->out.len) return false;
        *events_bytes += j->out.len;
    }
    return !ferror(stdout);
}

/* Reads up to BATCH documents into sh's jobs; false (with *rc set) when the
 * job cannot go on. Unreadable inputs are reported and skipped. */
static bool read_batch(rp_reader *reader, shared *sh, bool *more, bool quiet, int *rc) {
    sh->njobs = 0;
    while (sh->njobs < BATCH) {
        rp_input in;
        const char *where;
        rp_error err;
        rp_status st = rp_reader_next(reader, &in, &where, &err);
        if (st == RP_ENOTFOUND) {
            *more = false;
            break;
        }
        if (st != RP_OK) {
            if (st == RP_ENOMEM) {
                cli_error("code", "out of memory");
                *rc = EXIT_FAIL;
                return false;
            }
            cli_print_error(NULL, &err);
            continue;
        }
        if (err.code != RP_OK && !quiet) cli_print_error(NULL, &err);
        if (!copy_input(&sh->jobs[sh->njobs], &in)) {
            cli_error("code", "out of memory");
            *rc = EXIT_FAIL;
            return false;
        }
        sh->njobs++;
    }
    return true;
}

int cmd_code(int argc, char **argv) {
    run_opts o;
    int r = parse_args(argc, argv, &o);
    if (r >= 0) return r;
    const char *stdin_only[] = {"-"};
    const char *const *inputs = (const char *const *)argv + optind;
    size_t ninputs = (size_t)(argc - optind);
    if (!ninputs) {
        if (isatty(STDIN_FILENO)) return cli_usage_error("code", "no input given (FILE, DIR or -)");
        inputs = stdin_only;
        ninputs = 1;
    }
    rp_dict *dict = cli_open_dict("code", o.dict_path);
    if (!dict) return EXIT_FAIL;
    rp_coder_options copt = rp_coder_options_default();
    copt.require_dyad = !o.all;
    copt.explain = o.explain;
    copt.code_standfirst = o.standfirst;
    copt.default_date = o.date;
    rp_coder *coder = NULL;
    rp_reader *reader = NULL;
    rp_error err;
    int rc = EXIT_OK;
    worker *w = calloc((size_t)o.jobs, sizeof *w);
    job *jobs = calloc(2 * BATCH, sizeof *jobs); /* two batches that alternate */
    if (!w || !jobs || rp_coder_new(dict, &copt, &coder, &err) != RP_OK) {
        cli_error("code", "out of memory");
        rc = EXIT_FAIL;
        goto done;
    }
    shared sh[2] = {{coder, o.fmt, o.explain, o.quiet, jobs, 0, 0},
                    {coder, o.fmt, o.explain, o.quiet, jobs + BATCH, 0, 0}};
    for (int i = 0; i < o.jobs; i++) {
        w[i].sh = &sh[0];
        if (rp_doc_new(NULL, &w[i].doc, &err) != RP_OK) {
            cli_error("code", "out of memory");
            rc = EXIT_FAIL;
            goto done;
        }
    }
    for (size_t i = 0; i < 2 * BATCH; i++) {
        sbuf *bs[] = {&jobs[i].id, &jobs[i].url, &jobs[i].date, &jobs[i].title, &jobs[i].text,
                        &jobs[i].out, &jobs[i].diag};
        for (size_t k = 0; k < 7; k++) memset(bs[k], 0, sizeof *bs[k]);
    }
    rp_reader_options ropt = rp_reader_options_default();
    ropt.defer_jsonl = 1; /* JSON is parsed on the coding threads */
    if (rp_reader_open(inputs, ninputs, &ropt, &reader, &err) != RP_OK) {
        cli_print_error("code", &err);
        rc = EXIT_FAIL;
        goto done;
    }
    if (rp_write_header(o.fmt, sbuf_write, &jobs[0].out) == RP_OK && jobs[0].out.len) {
        fwrite(jobs[0].out.data, 1, jobs[0].out.len, stdout);
        sbuf_clear(&jobs[0].out);
    }
    bool progress = o.progress || isatty(STDERR_FILENO);
    size_t docs = 0, failed = 0, bytes_out = 0;
    double t0 = now(), last = t0;
    bool more = true;
    int cur = 0;
    if (!read_batch(reader, &sh[cur], &more, o.quiet, &rc)) goto done;
    int started = sh[cur].njobs ? start_batch(&sh[cur], w, o.jobs) : 0;
    while (sh[cur].njobs) {
        int nxt = 1 - cur;
        sh[nxt].njobs = 0;
        /* read the next batch while this one is coded */
        bool ok = !more || read_batch(reader, &sh[nxt], &more, o.quiet, &rc);
        join_batch(w, started);
        if (!ok) goto done;
        started = sh[nxt].njobs ? start_batch(&sh[nxt], w, o.jobs) : 0;
        /* and print this one while the next is coded */
        docs += sh[cur].njobs;
        if (!print_batch(&sh[cur], &failed, &bytes_out)) {
            join_batch(w, started);
            cli_error("code", "cannot write the output");
            rc = EXIT_FAIL;
            goto done;
        }
        double t = now();
        if (progress && docs >= 2000 && t - last > 0.5) {
            fprintf(stderr, "\r%zu documents, %.0f/s   ", docs, docs / (t - t0));
            last = t;
        }
        sh[cur].njobs = 0;
        cur = nxt;
    }
    if (progress && docs >= 2000) fprintf(stderr, "\r%zu documents, %.0f/s   \n", docs, docs / (now() - t0));
    fflush(stdout);
    failed += rp_reader_failures(reader);
    if (failed) {
        if (!o.quiet) cli_error("code", "%zu input%s could not be read or coded", failed, failed == 1 ? "" : "s");
        rc = EXIT_PARTIAL;
    }
done:
    rp_reader_close(reader);
    if (jobs)
        for (size_t i = 0; i < 2 * BATCH; i++) {
            sbuf *bs[] = {&jobs[i].id, &jobs[i].url, &jobs[i].date, &jobs[i].title,
                            &jobs[i].text, &jobs[i].out, &jobs[i].diag};
            for (size_t k = 0; k < 7; k++) sbuf_free(bs[k]);
        }
    if (w)
        for (int i = 0; i < o.jobs; i++) rp_doc_free(w[i].doc);
    free(w);
    free(jobs);
    rp_coder_free(coder);
    rp_dict_close(dict);
    return rc;
}
