/*
 * cmd_tokenize.c — `riposte tokenize`: how riposte reads an article: the
 * extracted headline and date, the sentences, and each token with its byte
 * offset, folded form and stem. For checking the text stage by eye.
 */
#include "cli.h"

#include <getopt.h>
#include <string.h>
#include <unistd.h>

const char usage_tokenize[] =
    "usage: riposte tokenize [options] [FILE|DIR|-]...\n"
    "\n"
    "Shows how articles are read: the extracted article (title, byline, date,\n"
    "dropped captions and boilerplate), then each sentence and, with --tokens,\n"
    "every token as OFFSET LENGTH TOKEN FOLDED STEM. Inputs as for 'riposte code'.\n"
    "\n"
    "options:\n"
    "  -t, --tokens     list the tokens of each sentence\n"
    "  -d, --dict FILE  dictionary (the default one otherwise)\n"
    "  -h, --help       show this help\n";

static void print_doc(rp_doc *doc, bool tokens) {
    const rp_article *a = rp_doc_article(doc);
    char date[16];
    printf("# %s\n", rp_doc_id(doc));
    printf("title\t%s\nstandfirst\t%s\nbyline\t%s\ndateline\t%s\ndate line\t%s\n", a->title,
           a->standfirst, a->byline, a->dateline, a->date_line);
    printf("published\t%s (%s)\n", rp_date_format(&a->published, date, sizeof date), a->published_from);
    printf("paragraphs\t%zu\ncaptions dropped\t%zu\nboilerplate dropped\t%zu\n", a->paragraphs,
           a->captions, a->boilerplate_dropped);
    const rp_token *tok = tokens ? rp_doc_tokens(doc) : NULL;
    static const char *const roles[] = {"headline", "body", "standfirst"};
    for (size_t i = 0; i < rp_doc_sentence_count(doc); i++) {
        const rp_sentence *s = rp_doc_sentence(doc, i);
        printf("%zu\t%s\t%.*s\n", i, roles[s->role], (int)s->len, a->body + s->offset);
        if (!tok) continue;
        for (size_t k = s->first_token; k < s->first_token + s->ntokens; k++)
            printf("\t%zu\t%zu\t%.*s\t%s\t%s\n", tok[k].offset, tok[k].len, (int)tok[k].len,
                   a->body + tok[k].offset, tok[k].norm, tok[k].stem);
    }
    for (size_t i = 0; i < rp_doc_diag_count(doc); i++)
        fprintf(stderr, "%s: warning: %s\n", rp_doc_id(doc), rp_doc_diag(doc, i)->message);
}

int cmd_tokenize(int argc, char **argv) {
    static const struct option opts[] = {{"tokens", no_argument, NULL, 't'},
                                         {"dict", required_argument, NULL, 'd'},
                                         {NULL, 0, NULL, 0}};
    bool tokens = false;
    const char *dict_path = NULL;
    int c;
    optind = 1;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":td:", opts, NULL)) != -1) {
        if (c == 't') tokens = true;
        else if (c == 'd') dict_path = optarg;
        else return cli_usage_error("tokenize", "unknown option or missing value '%s'", argv[optind - 1]);
    }
    const char *stdin_only[] = {"-"};
    const char *const *inputs = (const char *const *)argv + optind;
    size_t n = (size_t)(argc - optind);
    if (!n) {
        if (isatty(STDIN_FILENO)) return cli_usage_error("tokenize", "no input given (FILE, DIR or -)");
        inputs = stdin_only, n = 1;
    }
    rp_dict *dict = cli_open_dict("tokenize", dict_path);
    if (!dict) return EXIT_FAIL;
    rp_coder *coder = NULL;
    rp_doc *doc = NULL;
    rp_reader *reader = NULL;
    rp_error err;
    int rc = EXIT_OK;
    rp_reader_options ropt = rp_reader_options_default();
    if (rp_coder_new(dict, NULL, &coder, &err) != RP_OK || rp_doc_new(NULL, &doc, &err) != RP_OK ||
        rp_reader_open(inputs, n, &ropt, &reader, &err) != RP_OK) {
        cli_print_error("tokenize", &err);
        rc = EXIT_FAIL;
        goto done;
    }
    for (;;) {
        rp_input in;
        rp_status st = rp_reader_next(reader, &in, NULL, &err);
        if (st == RP_ENOTFOUND) break;
        if (st != RP_OK) {
            cli_print_error(NULL, &err);
            rc = EXIT_PARTIAL;
            continue;
        }
        if (rp_doc_code(doc, coder, &in, &err) != RP_OK) {
            cli_print_error(NULL, &err);
            rc = EXIT_FAIL;
            break;
        }
        print_doc(doc, tokens);
    }
done:
    rp_reader_close(reader);
    rp_doc_free(doc);
    rp_coder_free(coder);
    rp_dict_close(dict);
    return rc;
}
