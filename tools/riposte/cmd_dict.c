/*
 * cmd_dict.c — `riposte dict`: compile dictionary sources into the binary
 * form, check them, or describe a compiled dictionary.
 */
#include "cli.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char usage_dict[] =
    "usage: riposte dict compile [-o FILE] SOURCE...\n"
    "       riposte dict check SOURCE...\n"
    "       riposte dict info [--dict FILE]\n"
    "\n"
    "Dictionaries are plain-text sources (data/FORMAT.md) compiled into one\n"
    "binary file that riposte memory-maps. SOURCE is a file or a directory\n"
    "(searched recursively for *.txt).\n"
    "\n"
    "  compile   check the sources and write the compiled dictionary\n"
    "            (-o FILE, default riposte.rpd); nothing is written if any\n"
    "            entry is wrong\n"
    "  check     only check the sources; every problem is printed as\n"
    "            file:line: message\n"
    "  info      print the size and contents of a dictionary (the default\n"
    "            one, or --dict FILE, which may also be sources)\n"
    "\n"
    "options:\n"
    "  -o, --output FILE  where compile writes (default riposte.rpd)\n"
    "  -d, --dict FILE    dictionary for info\n"
    "  -h, --help         show this help\n"
    "\n"
    "exit codes: 0 success, 1 errors in the sources or unreadable files, 2 usage.\n";

static void print_diag(void *ctx, const rp_error *e) {
    (void)ctx;
    if (e->line) fprintf(stderr, "%s:%zu: %s\n", e->source, e->line, e->message);
    else if (e->source[0]) fprintf(stderr, "%s: %s\n", e->source, e->message);
    else fprintf(stderr, "%s\n", e->message);
}

static int dict_compile(int argc, char **argv, bool write) {
    const char *out = "riposte.rpd";
    static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
                                         {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
        if (c == 'o' && write) out = optarg;
        else return cli_usage_error("dict", "unexpected option");
    }
    if (optind >= argc) return cli_usage_error("dict", "no SOURCE given");
    rp_dict_options opt = rp_dict_options_default();
    opt.on_diag = print_diag;
    rp_error err;
    const char *const *paths = (const char *const *)argv + optind;
    size_t n = (size_t)(argc - optind);
    rp_status st;
    if (write) {
        st = rp_dict_compile(paths, n, out, &opt, &err);
    } else {
        rp_dict *d = NULL;
        st = rp_dict_open_sources(paths, n, &opt, &d, &err);
        if (st == RP_OK) {
            rp_dict_stats s = rp_dict_get_stats(d);
            printf("ok: %zu actor phrases, %zu agent phrases, %zu patterns, %zu synsets, %zu codes\n",
                   s.actors, s.agents, s.patterns, s.synsets, s.codes);
        }
        rp_dict_close(d);
    }
    if (st != RP_OK) {
        cli_print_error("dict", &err);
        return EXIT_FAIL;
    }
    return EXIT_OK;
}

static int dict_info(int argc, char **argv) {
    const char *path = NULL;
    static const struct option opts[] = {{"dict", required_argument, NULL, 'd'},
                                         {NULL, 0, NULL, 0}};
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "d:", opts, NULL)) != -1) {
        if (c == 'd') path = optarg;
        else return cli_usage_error("dict", "unexpected option");
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    rp_dict *d = cli_open_dict("dict", path);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    if (!d) return EXIT_FAIL;
    rp_dict_stats s = rp_dict_get_stats(d);
    printf("words\t%zu\nactor phrases\t%zu\nagent phrases\t%zu\npatterns\t%zu\nsynsets\t%zu\n"
           "event codes\t%zu\nbytes\t%zu\nsource hash\t%016llx\n",
           s.words, s.actors, s.agents, s.patterns, s.synsets, s.codes, s.bytes,
           (unsigned long long)s.source_hash);
    printf("open time\t%.2f ms\n", (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    rp_dict_close(d);
    return EXIT_OK;
}

int cmd_dict(int argc, char **argv) {
    if (argc < 2) return cli_usage_error("dict", "missing subcommand (compile, check or info)");
    const char *sub = argv[1];
    if (strcmp(sub, "compile") == 0) return dict_compile(argc - 1, argv + 1, true);
    if (strcmp(sub, "check") == 0) return dict_compile(argc - 1, argv + 1, false);
    if (strcmp(sub, "info") == 0) return dict_info(argc - 1, argv + 1);
    return cli_usage_error("dict", "unknown subcommand '%s'", sub);
}
