/*
 * main.c — riposte's entry point: dispatches to the subcommand named by the
 * first argument, from the table below; help texts come from the same table.
 */
#include "cli.h"

#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *cli_prog = "riposte";

static const char usage_main[] =
    "usage: riposte <command> [options] [args]\n"
    "\n"
    "riposte turns news text into political events: who did what to whom, when\n"
    "(CAMEO codes), from plain-text articles, pasted web pages and JSON Lines.\n"
    "\n"
    "commands:\n";

static const char usage_help[] =
    "usage: riposte help [COMMAND]\n"
    "\n"
    "Shows the list of commands, or the help of one command (same as\n"
    "'riposte COMMAND --help').\n";

static const char usage_version[] =
    "usage: riposte version\n"
    "\n"
    "Prints the version of riposte (same as 'riposte --version').\n";

static const cli_command commands[] = {
    {"code", "code articles into CAMEO events (JSON Lines, TSV or a table)", usage_code, cmd_code},
    {"tokenize", "show how articles are cut into sentences and tokens", usage_tokenize,
     cmd_tokenize},
    {"dict", "compile, check and inspect dictionaries", usage_dict, cmd_dict},
    {"help", "show help for a command", usage_help, cmd_help},
    {"version", "print the version", usage_version, cmd_version},
};

const cli_command *cli_find(const char *name) {
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0) return &commands[i];
    return NULL;
}

void cli_print_help(const cli_command *cmd) { fputs(cmd->usage, stdout); }

static void print_main_help(FILE *out) {
    fputs(usage_main, out);
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        fprintf(out, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fputs("\n"
          "options:\n"
          "  -h, --help     show this help\n"
          "  -V, --version  print the version\n"
          "\n"
          "exit codes: 0 success, 1 the job could not run, 2 usage error,\n"
          "3 finished but some documents failed (each reported on stderr).\n"
          "Run 'riposte help COMMAND' for a command's options.\n",
          out);
}

void cli_error(const char *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s%s%s: ", cli_prog, cmd ? " " : "", cmd ? cmd : "");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_print_error(const char *cmd, const rp_error *err) {
    if (err->source[0] && err->line)
        cli_error(cmd, "%s:%zu: %s", err->source, err->line, err->message);
    else if (err->source[0])
        cli_error(cmd, "%s: %s", err->source, err->message);
    else
        cli_error(cmd, "%s", err->message[0] ? err->message : rp_status_str(err->code));
}

int cli_usage_error(const char *cmd, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s %s: ", cli_prog, cmd);
    vfprintf(stderr, fmt, ap);
    fprintf(stderr, "\nTry '%s %s --help'.\n", cli_prog, cmd);
    va_end(ap);
    return EXIT_USAGE;
}

static bool readable(const char *path) { return access(path, R_OK) == 0; }

rp_dict *cli_open_dict(const char *cmd, const char *path) {
    char found[PATH_MAX];
    const char *chosen = path;
    if (!chosen) chosen = getenv("RIPOSTE_DICT");
    if (!chosen || !*chosen) {
        chosen = NULL;
        char exe[PATH_MAX];
        ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
        if (n > 0) {
            exe[n] = 0;
            char *dir = dirname(exe);
            const char *cands[] = {"%s/riposte.rpd", "%s/../share/riposte/riposte.rpd"};
            for (size_t i = 0; i < 2 && !chosen; i++) {
                snprintf(found, sizeof found, cands[i], dir);
                if (readable(found)) chosen = found;
            }
        }
    }
#ifdef RP_DATA_DIR
    if (!chosen && readable(RP_DATA_DIR)) chosen = RP_DATA_DIR;
#endif
    if (!chosen) {
        cli_error(cmd, "no dictionary found: give --dict FILE, set RIPOSTE_DICT, or run 'make'");
        return NULL;
    }
    rp_dict *dict = NULL;
    rp_error err;
    rp_dict_options opt = rp_dict_options_default();
    if (rp_dict_open(chosen, &opt, &dict, &err) != RP_OK) {
        cli_print_error(cmd, &err);
        return NULL;
    }
    return dict;
}

bool sbuf_append(sbuf *b, const void *data, size_t len) {
    if (b->len + len + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + len + 1) cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) return false;
        b->data = d;
        b->cap = cap;
    }
    if (len) memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = 0;
    return true;
}

bool sbuf_puts(sbuf *b, const char *s) { return sbuf_append(b, s, strlen(s)); }

bool sbuf_printf(sbuf *b, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !sbuf_append(b, NULL, 0)) return false;
    if (b->len + (size_t)n + 1 > b->cap) {
        size_t cap = b->cap;
        while (cap < b->len + (size_t)n + 1) cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d) return false;
        b->data = d;
        b->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return true;
}

void sbuf_clear(sbuf *b) {
    b->len = 0;
    if (b->data) b->data[0] = 0;
}

void sbuf_free(sbuf *b) {
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

const char *sbuf_cstr(const sbuf *b) { return b->data ? b->data : ""; }

int sbuf_write(void *ctx, const char *data, size_t len) { return sbuf_append(ctx, data, len) ? 0 : -1; }

int cmd_help(int argc, char **argv) {
    if (argc < 2) {
        print_main_help(stdout);
        return EXIT_OK;
    }
    const cli_command *c = cli_find(argv[1]);
    if (!c) return cli_usage_error("help", "unknown command '%s'", argv[1]);
    cli_print_help(c);
    return EXIT_OK;
}

int cmd_version(int argc, char **argv) {
    (void)argc, (void)argv;
    printf("riposte %s\n", rp_version());
    return EXIT_OK;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        print_main_help(stderr);
        return EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
        print_main_help(stdout);
        return EXIT_OK;
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) return cmd_version(0, NULL);
    const cli_command *c = cli_find(name);
    if (!c) {
        fprintf(stderr, "%s: unknown command '%s'\nTry '%s --help'.\n", cli_prog, name, cli_prog);
        return EXIT_USAGE;
    }
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0) break;
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            cli_print_help(c);
            return EXIT_OK;
        }
    }
    return c->run(argc - 1, argv + 1);
}
