/* cli: the command line's options and commands. main.c reads the arguments; each
 * command (cmd_*.c) runs the layers below and prints. Only these files print. */
#ifndef FINSAM_CLI_H
#define FINSAM_CLI_H

#include <stdbool.h>

#include "diag.h"
#include "program.h"
#include "result.h"

enum { EXIT_PASSED = 0, EXIT_CHECK_FAILED = 1, EXIT_BAD_INPUT = 2 };

typedef enum { CMD_CHECK, CMD_RULES, CMD_REPORT, CMD_NEW, CMD_SIE, CMD_NCOMMANDS } Command;

/* The command's name on the command line: "check". */
const char *cli_command_name(Command c);

/* An output format: a row of the table in formats.c. */
typedef struct Format Format;

typedef struct {
    Command command;
    const Format *format; /* --format; the text unless it is given */
    LoadOptions load;
    bool strict, quiet;
    bool verbose;        /* check: list what did not run, and why */
    bool require_all;    /* check: a formula or check that did not run fails the run */
    const char *output;  /* -o PATH; NULL or "-" for standard output */
    const char *table;   /* --table NAME, for csv */
    const char *review;  /* --review FILE: an auditor's decisions on findings */
    bool excel;          /* --excel: csv with a UTF-8 byte order mark, for Excel */
    const char **files;
    int nfiles;
    DiagStyle out_style, err_style;
} Options;

/* The usage lines, in English: print _(CLI_USAGE). */
extern const char *const CLI_USAGE;

/* Says what is wrong with the command line, with the usage; returns status 2. fmt is
 * translated by the caller and has one %s, for arg. */
int cli_usage_error(const char *fmt, const char *arg);
/* The same, with the usage of one command ("sie") rather than of every command. */
int cli_command_usage_error(const char *command, const char *fmt, const char *arg);
/* A first word that is no command, said as cli_usage_error says it, with the command
 * meant where it is plain: a slip of the keys (chek: check), or a file given without
 * its command (2025.fin: finsam check 2025.fin). */
int cli_unknown_command(const char *word);
/* Prints a program's diagnostics on standard error, and the line that says the file
 * was not checked. */
void cli_bad_input(const Program *prog, const char *path, DiagStyle style);

/* Whether to colour what goes to stream: setting 1 always, 0 never (--color), -1 when
 * it is a terminal and NO_COLOR is not set. */
bool cli_use_color(int setting, FILE *stream);

/* Flushes standard output; false, having said so, if it could not be written. */
bool cli_flush_stdout(void);

/* Loads, resolves, loads the earlier years and evaluates one year file; false if
 * the input could not be read, parsed or resolved. */
bool cli_run(Program *prog, Results *res, const char *path, const Options *o);
/* The same, the program's arena within `within` (program_init_within): for the files
 * of one command, freed together after their output. */
bool cli_run_within(Program *prog, Arena *within, Results *res, const char *path,
                    const Options *o);

int cmd_check(const Options *o);
int cmd_rules(const Options *o);
int cmd_report(const Options *o);
/* finsam draft [-o PATH] REPORT.txt: its own arguments, after the command's name. */
int cmd_draft(int argc, char **argv);
/* What finsam draft does, a paragraph on standard output: for finsam --help and its own. */
void draft_summary(void);
int cmd_sie(const Options *o);
/* finsam fmt reads its own arguments: argv[0] is "fmt". */
int cmd_fmt(int argc, char **argv);
int cmd_new(const Options *o);
/* finsam lsp: a Language Server over standard input and output (lsp.c). */
int cmd_lsp(int argc, char **argv);

#endif
