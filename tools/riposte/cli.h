/*
 * cli.h — shared pieces of the riposte command-line tool: the subcommand
 * table, exit codes, messages on stderr and finding the dictionary.
 *
 * The CLI uses only the public API (riposte.h). Each subcommand lives in its
 * own cmd_*.c file and is one entry of the table in main.c; `riposte help`
 * and `--help` are generated from that table.
 */
#ifndef RP_CLI_H
#define RP_CLI_H

#include "riposte.h"

#include <stdbool.h>
#include <stdio.h>

/* Exit codes (documented in the manual and in DESIGN.md). */
enum {
    EXIT_OK = 0,      /* success */
    EXIT_FAIL = 1,    /* the job could not run */
    EXIT_USAGE = 2,   /* usage error */
    EXIT_PARTIAL = 3  /* finished, but some documents failed and were reported */
};

typedef struct cli_command {
    const char *name;    /* "code" */
    const char *summary; /* one line for the command list */
    const char *usage;   /* full help text */
    int (*run)(int argc, char **argv);
} cli_command;

extern const char *cli_prog; /* "riposte" */

/* "riposte CMD: message" on stderr. */
void cli_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints an rp_error as "source:line: message" (or just the message). */
void cli_print_error(const char *cmd, const rp_error *err);
/* A usage error: prints the hint line and returns EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prints the usage text of a command to stdout. */
void cli_print_help(const cli_command *cmd);
const cli_command *cli_find(const char *name);

/* Opens the dictionary: `path` if given, else $RIPOSTE_DICT, else the
 * compiled riposte.rpd next to the executable, else the sources in the
 * source tree the binary was built from. Prints errors itself. */
rp_dict *cli_open_dict(const char *cmd, const char *path);

/* A growable byte buffer for output (the CLI keeps to the public API). */
typedef struct sbuf {
    char *data; /* NUL-terminated */
    size_t len; /* bytes used */
    size_t cap; /* bytes allocated */
} sbuf;

bool sbuf_append(sbuf *b, const void *data, size_t len);
bool sbuf_puts(sbuf *b, const char *s);
bool sbuf_printf(sbuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sbuf_clear(sbuf *b);
void sbuf_free(sbuf *b);
const char *sbuf_cstr(const sbuf *b);
/* rp_write_fn appending to an sbuf */
int sbuf_write(void *ctx, const char *data, size_t len);

/* Subcommands */
int cmd_code(int argc, char **argv);
int cmd_tokenize(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_help(int argc, char **argv);
int cmd_version(int argc, char **argv);

extern const char usage_code[];
extern const char usage_tokenize[];
extern const char usage_dict[];

#endif
