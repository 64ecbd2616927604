/* finsam: the command line. Parses the options, runs each file through load,
 * resolve and eval, and prints what was found. Only this file prints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "program.h"
#include "write_rules.h"
#include "yearfiles.h"
#include "write_text.h"

enum { EXIT_PASSED = 0, EXIT_CHECK_FAILED = 1, EXIT_BAD_INPUT = 2 };

typedef enum { CMD_CHECK, CMD_RULES } Command;

typedef struct {
    Command command;
    LoadOptions load;
    bool strict, quiet;
    int color; /* -1 auto, 0 never, 1 always */
    const char **files;
    int nfiles;
} Options;

static const char USAGE[] =
    "usage: finsam check [options] FILE|DIR...\n"
    "       finsam rules [options] FILE\n"
    "       finsam --help | --version\n";

static const char HELP[] =
    "finsam checks the annual report of a samordningsförbund.\n"
    "\n"
    "usage: finsam check [options] FILE|DIR...\n"
    "       finsam rules [options] FILE\n"
    "\n"
    "A FILE is a year file: the report's tables and figures as printed, with the\n"
    "formulas and checks that tie them together (see grammar/README.md). finsam\n"
    "computes every formula, compares it with the figure the report states, runs\n"
    "every check, and prints each finding at its line, like a compiler:\n"
    "\n"
    "  2025.fin:518:57: error: Summa, 2024: the stated figure does not match ... [formula]\n"
    "\n"
    "followed by the stated and computed figures and the difference, and a summary\n"
    "line per file: checks run, passed, failed, warnings. A DIR is searched for year\n"
    "files (files with a 'report' block); with several files a total line follows.\n"
    "\n"
    "finsam rules FILE lists the parameters and checks in force for a year file, each\n"
    "with its value, its source and the place it was set.\n"
    "\n"
    "options:\n"
    "  -I DIR             search DIR for imported rule files (before FINSAM_PATH)\n"
    "  --strict           a warning fails the run as an error does\n"
    "  --quiet            print nothing but errors in the input; the exit status says\n"
    "                     whether every check passed\n"
    "  --color=WHEN       auto (the default: when writing to a terminal), always, never\n"
    "  -h, --help         show this help\n"
    "  --version          show finsam's version\n"
    "\n"
    "imports are searched in the importing file's folder, then each -I DIR, then\n"
    "each folder in FINSAM_PATH (separated by ':'), then finsam's own rules:\n"
    "  " FINSAM_RULES_DIR "\n"
    "NO_COLOR, when set, turns colour off unless --color=always is given.\n"
    "\n"
    "exit status:\n"
    "  0  every check passed (warnings allowed, unless --strict)\n"
    "  1  a check failed\n"
    "  2  a file could not be read, parsed or resolved, or the command was wrong\n"
    "\n"
    "examples:\n"
    "  finsam check examples/vvnd/2025.fin\n"
    "  finsam check examples/\n"
    "  finsam rules examples/vvnd/2025.fin\n";

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "finsam: error: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%sTry 'finsam --help' for more information.\n", USAGE);
    return EXIT_BAD_INPUT;
}

static void split_path(const char *value, Options *o)
{
    if (!value || !*value)
        return;
    char *copy = strdup(value);
    if (!copy)
        return;
    int n = 1;
    for (const char *p = copy; *p; p++)
        n += *p == ':';
    o->load.path_dirs = calloc((size_t)n, sizeof *o->load.path_dirs);
    if (!o->load.path_dirs) {
        free(copy);
        return;
    }
    for (char *tok = strtok(copy, ":"); tok; tok = strtok(NULL, ":"))
        o->load.path_dirs[o->load.npath++] = tok;
}

/* Returns -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, Options *o)
{
    o->color = -1;
    o->load.rules_dir = FINSAM_RULES_DIR;
    o->load.include_dirs = calloc((size_t)argc, sizeof *o->load.include_dirs);
    o->files = calloc((size_t)argc, sizeof *o->files);
    if (!o->load.include_dirs || !o->files)
        return usage_error("%s", "out of memory");
    if (argc < 2)
        return usage_error("%s", "no command given");
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        fputs(HELP, stdout);
        return EXIT_PASSED;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("finsam %s\n", FINSAM_VERSION);
        return EXIT_PASSED;
    }
    if (strcmp(cmd, "check") == 0)
        o->command = CMD_CHECK;
    else if (strcmp(cmd, "rules") == 0)
        o->command = CMD_RULES;
    else
        return usage_error(cmd[0] == '-' ? "unknown option '%s'" : "unknown command '%s'", cmd);
    bool options_done = false;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            o->files[o->nfiles++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(HELP, stdout);
            return EXIT_PASSED;
        } else if (strcmp(a, "--strict") == 0) {
            o->strict = true;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            o->quiet = true;
        } else if (strncmp(a, "--color=", 8) == 0 || strncmp(a, "--colour=", 9) == 0) {
            const char *when = strchr(a, '=') + 1;
            if (strcmp(when, "auto") == 0)
                o->color = -1;
            else if (strcmp(when, "always") == 0)
                o->color = 1;
            else if (strcmp(when, "never") == 0)
                o->color = 0;
            else
                return usage_error("--color takes auto, always or never, not '%s'", when);
        } else if (strcmp(a, "-I") == 0) {
            if (i + 1 >= argc)
                return usage_error("%s", "-I needs a folder: -I DIR");
            o->load.include_dirs[o->load.ninclude++] = argv[++i];
        } else if (strncmp(a, "-I", 2) == 0) {
            o->load.include_dirs[o->load.ninclude++] = a + 2;
        } else {
            return usage_error("unknown option '%s'", a);
        }
    }
    if (o->nfiles == 0)
        return usage_error("%s", o->command == CMD_RULES ? "no file: finsam rules FILE"
                                                         : "no file to check: finsam check FILE...");
    if (o->command == CMD_RULES && o->nfiles > 1)
        return usage_error("%s", "finsam rules takes one year file");
    return -1;
}

static void print_diags(const Diags *d, DiagStyle style)
{
    fflush(stdout);
    for (int i = 0; i < d->list.len; i++)
        diag_print(stderr, d->list.items[i], style);
}

/* One file's run: its program stays loaded until its findings are printed. */
typedef struct {
    Program prog;
    Results res;
    bool bad_input;
} Run;

static void check_file(Run *run, const char *path, const Options *o)
{
    Program *prog = &run->prog;
    program_init(prog);
    run->bad_input = program_load(prog, path, &o->load) || prog->diags.errors ||
                     program_resolve(prog) || program_load_previous(prog, &o->load) ||
                     program_eval(prog, &run->res);
}

/* Every file is checked before anything is printed: if one cannot be read, parsed
 * or resolved, only its errors are shown and nothing is written to standard
 * output, so that no half report is ever left for a script to read. */
static int check_files(const Options *o, const FileList *files, DiagStyle out_style,
                       DiagStyle err_style)
{
    int n = files->len;
    Run *runs = calloc((size_t)(n ? n : 1), sizeof *runs);
    if (!runs)
        return usage_error("%s", "out of memory");
    int status = EXIT_PASSED;
    for (int i = 0; i < n; i++) {
        check_file(&runs[i], files->paths[i], o);
        if (runs[i].bad_input)
            status = EXIT_BAD_INPUT;
    }
    Results total = {0};
    for (int i = 0; i < n; i++) {
        Run *run = &runs[i];
        if (status == EXIT_BAD_INPUT) {
            if (!run->bad_input)
                continue;
            print_diags(&run->prog.diags, err_style);
            fprintf(stderr, "%s: not checked: %d error%s in the input\n", files->paths[i],
                    run->prog.diags.errors, run->prog.diags.errors == 1 ? "" : "s");
            continue;
        }
        if (!o->quiet) {
            write_findings(stdout, &run->prog.arena, &run->res, out_style);
            write_summary(stdout, files->paths[i], &run->res);
        }
        total.checks += run->res.checks;
        total.passed += run->res.passed;
        total.failed_errors += run->res.failed_errors;
        total.failed_warnings += run->res.failed_warnings;
        if (run->res.failed_errors || (o->strict && run->res.failed_warnings))
            status = EXIT_CHECK_FAILED;
    }
    if (status != EXIT_BAD_INPUT && !o->quiet && (n > 1 || files->had_folder)) {
        char label[48];
        snprintf(label, sizeof label, "total (%d file%s)", n, n == 1 ? "" : "s");
        write_summary(stdout, label, &total);
    }
    fflush(stdout);
    for (int i = 0; i < n; i++)
        program_free(&runs[i].prog);
    free(runs);
    return status;
}

/* finsam rules FILE */
static int list_rules(const Options *o, const char *path, DiagStyle err_style)
{
    Program prog;
    program_init(&prog);
    int status = EXIT_PASSED;
    if (program_load(&prog, path, &o->load) || prog.diags.errors || program_resolve(&prog)) {
        print_diags(&prog.diags, err_style);
        fprintf(stderr, "%s: not read: %d error%s in the input\n", path, prog.diags.errors,
                prog.diags.errors == 1 ? "" : "s");
        status = EXIT_BAD_INPUT;
    } else {
        write_rules(stdout, &prog, path);
    }
    program_free(&prog);
    return status;
}

static bool use_color(int setting, FILE *stream)
{
    if (setting >= 0)
        return setting == 1;
    const char *no_color = getenv("NO_COLOR");
    if (no_color && *no_color)
        return false;
    return isatty(fileno(stream));
}

int main(int argc, char **argv)
{
    Options o = {0};
    int status = parse_args(argc, argv, &o);
    if (status < 0) {
        split_path(getenv("FINSAM_PATH"), &o);
        DiagStyle out_style = {use_color(o.color, stdout)};
        DiagStyle err_style = {use_color(o.color, stderr)};
        if (o.command == CMD_RULES) {
            status = list_rules(&o, o.files[0], err_style);
        } else {
            FileList files = {0};
            if (yearfiles_expand(o.files, o.nfiles, &files, stderr))
                status = EXIT_BAD_INPUT;
            else if (files.len == 0)
                status = usage_error("%s", "no year file (a .fin file with a 'report' block) "
                                           "in the folders given");
            else
                status = check_files(&o, &files, out_style, err_style);
            yearfiles_free(&files);
        }
    }
    if (o.load.npath)
        free((void *)o.load.path_dirs[0]);
    free(o.load.path_dirs);
    free(o.load.include_dirs);
    free(o.files);
    return status;
}
