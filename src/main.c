/* finsam: reads the command line and runs the command. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "formats.h"
#include "i18n.h"
#include "language.h"
#include "mem.h"


/* The help, a paragraph at a time, so that each is translated as a whole. */
static void help(void)
{
    fputs(_("finsam checks the annual report of a samordningsförbund.\n"), stdout);
    fputs("\n", stdout);
    fputs(_(CLI_USAGE), stdout);
    fputs("\n", stdout);
    fputs(_("A FILE is a year file: the report's tables and figures as printed, with the\n"
            "formulas and checks that tie them together (see grammar/README.md). finsam\n"
            "computes every formula, compares it with the figure the report states, runs\n"
            "every check, and prints each finding at its line, like a compiler:\n"), stdout);
    fputs("\n", stdout);
    fputs(_("  2025.fin:520:54: error: Summa, 2024: the stated figure does not match ... "
            "[formula]\n"), stdout);
    fputs("\n", stdout);
    fputs(_("followed by the stated and computed figures and the difference, and a summary\n"
            "line per file: checks run, passed, failed, warnings. A DIR is searched for year\n"
            "files (files with a 'report' block); with several files a total line follows.\n"),
          stdout);
    fputs("\n", stdout);
    fputs(_("finsam report FILE shows the whole year as the printed report lays it out, every\n"
            "table with the cells that disagree marked, then every check with its outcome.\n"),
          stdout);
    fputs("\n", stdout);
    fputs(_("finsam rules FILE lists the parameters and checks in force for a year file, each\n"
            "with its value, its source and the place it was set.\n"), stdout);
    fputs("\n", stdout);
    draft_summary();
    fputs("\n", stdout);
    fputs(_("finsam sie FILE... checks a ledger exported as SIE (types 1 to 4): every voucher\n"
            "balances, opening balance plus transactions is the closing balance, #RES is the\n"
            "year's transactions, and more; each finding at its SIE line (docs/sie.md).\n"),
          stdout);
    fputs("\n", stdout);
    fputs(_("finsam lsp is a Language Server for editors, over standard input and output.\n"),
          stdout);
    fputs("\n", stdout);
    fputs(_("finsam fmt FILE... lays rule files out in their canonical layout (-w in place,\n"
            "--check to show a diff and fail when one is not); see finsam fmt --help.\n"),
          stdout);
    fputs("\n", stdout);
    fputs(_("finsam new FILE writes next year's file beside it (2025.fin gives 2026.fin, or\n"
            "-o PATH in the same folder), never over a file: the year columns moved on, this\n"
            "year's figures carried into the comparative column as printed, and '?' where\n"
            "the new report's figures go. Each change is listed on standard error.\n"), stdout);
    fputs("\n", stdout);
    Arena a;
    arena_init(&a);
    /* the --format lines come from the table of formats (formats.c) */
    printf(_("options:\n"
            "  -I DIR             search DIR for imported rule files (before FINSAM_PATH)\n"
            "  --allow-outside    let rule files import by an absolute path, or with '..'\n"
            "                     out of the folders searched (refused without it)\n"
            "  --strict           a warning fails the run as an error does\n"
            "  --quiet            print nothing but errors in the input; the exit status says\n"
            "                     whether every check passed\n"
            "  --format=FORMAT    %s\n"
            "  -o PATH            report: write to PATH, whole or not at all; '-' is standard\n"
            "                     output (the default); for csv, a folder gets a file per table\n"
            "  --table=NAME       report --format csv: only the table or allocation NAME\n"
            "  --excel            report --format csv: begin each file with a UTF-8 byte order\n"
            "                     mark, so that Excel reads å, ä, ö right\n"
            "  --color=WHEN       auto (the default: when writing to a terminal), always, never\n"
            "  --lang=LANG        the language of finsam's own messages: sv (Swedish) or en\n"
            "                     (English); without it, the locale's (LC_ALL, LC_MESSAGES,\n"
            "                     LANG: sv... is Swedish), else English\n"
            "  -h, --help         show this help\n"
            "  --version          show finsam's version\n"),
           format_help(&a, 21));
    arena_free(&a);
    fputs(_("  --verbose          check: list each formula and check that did not run, and why\n"
            "  --require-all      check: a formula or check that did not run fails the run\n"),
          stdout);
    fputs(_("  --rules=FILE       also run the rules of FILE (an auditor's) over the year\n"
            "                     file, as if it imported FILE; the year file is not changed\n"
            "  --review=FILE      an auditor's decisions on findings, by key: a finding\n"
            "                     decided on is shown with the decision and fails nothing;\n"
            "                     a decision that matches no finding is an error\n"),
          stdout);
    fputs("\n", stdout);
    printf(_("imports are searched in the importing file's folder, then each -I DIR, then\n"
             "each folder in FINSAM_PATH (separated by ':'), then finsam's own rules:\n"
             "  %s\n"
             "NO_COLOR, when set, turns colour off unless --color=always is given.\n"),
           FINSAM_RULES_DIR);
    fputs("\n", stdout);
    fputs(_("exit status:\n"
            "  0  every check passed (warnings allowed, unless --strict)\n"
            "  1  a check failed\n"
            "  2  a file could not be read, parsed or resolved, or the command was wrong\n"),
          stdout);
    fputs("\n", stdout);
    fputs(_("examples:\n"), stdout);
    fputs("  finsam check examples/vvnd/2025.fin\n"
          "  finsam check examples/\n"
          "  finsam check --format junit examples/ > finsam.xml\n"
          "  finsam report --format html -o 2025.html examples/vvnd/2025.fin\n"
          "  finsam report --format csv -o tables/ examples/vvnd/2025.fin\n"
          "  finsam rules examples/vvnd/2025.fin\n"
          "  finsam draft arsredovisning-2025.txt -o 2025.fin\n"
          "  finsam check --lang sv examples/vvnd/2025.fin\n"
          "  finsam sie tests/sie/real/transaktioner_ovnbolag.se\n", stdout);
}

static void split_path(const char *value, Options *o)
{
    if (!value || !*value)
        return;
    char *copy = mem_strdup(value);
    int n = 1;
    for (const char *p = copy; *p; p++)
        n += *p == ':';
    o->load.path_dirs = mem_alloc((size_t)n * sizeof *o->load.path_dirs);
    for (char *tok = strtok(copy, ":"); tok; tok = strtok(NULL, ":"))
        o->load.path_dirs[o->load.npath++] = tok;
    if (!o->load.npath)
        mem_free(copy); /* only colons: no folder, and nothing points into the copy */
}

/* A mistake in the command line of o's command: with that command's usage. */
static int usage_error(const Options *o, const char *fmt, const char *arg)
{
    return cli_command_usage_error(cli_command_name(o->command), fmt, arg);
}

static int set_format(Options *o, const char *name)
{
    const Format *f = format_named(name);
    if (f && f->commands & 1u << o->command) {
        o->format = f;
        return -1;
    }
    if (o->command == CMD_RULES)
        return usage_error(o, "%s", _("finsam rules prints text only; --format is for finsam "
                                      "check and finsam report"));
    Arena a;
    arena_init(&a);
    const char *command = cli_command_name(o->command);
    /* TRANSLATORS: "finsam report --format takes text, markdown, html, json or csv, not
     * 'pdf'" */
    int status = usage_error(o, arena_printf(&a, _("finsam %s --format takes %s, not '%%s'"),
                                             command, format_names(&a, o->command)),
                             name);
    arena_free(&a);
    return status;
}

/* The value of an option given as "--opt VALUE" or "--opt=VALUE". */
static const char *option_value(int argc, char **argv, int *i, const char *name)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (*i + 1 < argc)
        return argv[++*i];
    return NULL;
}

static bool is_option(const char *arg, const char *name)
{
    size_t n = strlen(name);
    return strncmp(arg, name, n) == 0 && (arg[n] == '\0' || arg[n] == '=');
}

/* Returns -1 to go on, or the exit status. */
static int parse_args(int argc, char **argv, Options *o, int *color)
{
    *color = -1;
    o->format = format_default();
    o->load.rules_dir = FINSAM_RULES_DIR;
    o->load.include_dirs = mem_alloc((size_t)argc * sizeof *o->load.include_dirs);
    o->files = mem_alloc((size_t)argc * sizeof *o->files);
    o->load.rules = mem_alloc((size_t)argc * sizeof *o->load.rules);
    if (argc < 2)
        return cli_usage_error("%s", _("no command given"));
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0) {
        help();
        return cli_flush_stdout() ? EXIT_PASSED : EXIT_BAD_INPUT;
    }
    if (strcmp(cmd, "--version") == 0) {
        printf("finsam %s\n", FINSAM_VERSION);
        return cli_flush_stdout() ? EXIT_PASSED : EXIT_BAD_INPUT;
    }
    if (strcmp(cmd, "check") == 0)
        o->command = CMD_CHECK;
    else if (strcmp(cmd, "rules") == 0)
        o->command = CMD_RULES;
    else if (strcmp(cmd, "report") == 0)
        o->command = CMD_REPORT;
    else if (strcmp(cmd, "new") == 0)
        o->command = CMD_NEW;
    else if (strcmp(cmd, "sie") == 0)
        o->command = CMD_SIE;
    else
        return cmd[0] == '-' ? cli_usage_error(_("unknown option '%s'"), cmd)
                             : cli_unknown_command(cmd);
    bool options_done = false;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char *v;
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            o->files[o->nfiles++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            help();
            return cli_flush_stdout() ? EXIT_PASSED : EXIT_BAD_INPUT;
        } else if (strcmp(a, "--allow-outside") == 0) {
            o->load.allow_outside = true;
        } else if (strcmp(a, "--excel") == 0) {
            o->excel = true;
        } else if (strcmp(a, "--strict") == 0) {
            o->strict = true;
        } else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0) {
            o->verbose = true;
        } else if (strcmp(a, "--require-all") == 0) {
            o->require_all = true;
        } else if (strcmp(a, "--quiet") == 0 || strcmp(a, "-q") == 0) {
            o->quiet = true;
        } else if (is_option(a, "--color") || is_option(a, "--colour")) {
            /* --color=WHEN, --color WHEN, or --color alone for always */
            const char *when = strchr(a, '=') ? strchr(a, '=') + 1 : "always";
            if (!strchr(a, '=') && i + 1 < argc &&
                (strcmp(argv[i + 1], "auto") == 0 || strcmp(argv[i + 1], "always") == 0 ||
                 strcmp(argv[i + 1], "never") == 0))
                when = argv[++i];
            if (strcmp(when, "auto") == 0)
                *color = -1;
            else if (strcmp(when, "always") == 0)
                *color = 1;
            else if (strcmp(when, "never") == 0)
                *color = 0;
            else
                return usage_error(o, _("--color takes auto, always or never, not '%s'"),
                                   when);
        } else if (is_option(a, "--format")) {
            if (!(v = option_value(argc, argv, &i, "--format")))
                return usage_error(o, "%s", _("--format needs a format: --format json"));
            int st = set_format(o, v);
            if (st >= 0)
                return st;
        } else if (strcmp(a, "-o") == 0 || is_option(a, "--output")) {
            if (!(v = option_value(argc, argv, &i, "--output")))
                return usage_error(o, "%s", _("-o needs a path: -o report.html, or -o - "
                                              "for standard output"));
            o->output = v;
        } else if (is_option(a, "--table")) {
            if (!(v = option_value(argc, argv, &i, "--table")))
                return usage_error(o, "%s", _("--table needs the name of a table"));
            o->table = v;
        } else if (is_option(a, "--review")) {
            if (!(v = option_value(argc, argv, &i, "--review")))
                return usage_error(o, "%s", _("--review needs a review file: --review "
                                              "granskning-2025.review"));
            o->review = v;
        } else if (is_option(a, "--rules")) {
            if (!(v = option_value(argc, argv, &i, "--rules")))
                return usage_error(o, "%s", _("--rules needs a rule file: --rules revisor.fin"));
            o->load.rules[o->load.nrules++] = v;
        } else if (strcmp(a, "-I") == 0) {
            if (i + 1 >= argc)
                return usage_error(o, "%s", _("-I needs a folder: -I DIR"));
            o->load.include_dirs[o->load.ninclude++] = argv[++i];
        } else if (strncmp(a, "-I", 2) == 0) {
            o->load.include_dirs[o->load.ninclude++] = a + 2;
        } else {
            return usage_error(o, _("unknown option '%s'"), a);
        }
    }
    if (o->nfiles == 0 && o->command == CMD_SIE)
        return usage_error(o, "%s", _("no SIE file to check: finsam sie FILE..."));
    if (o->nfiles == 0)
        return o->command == CMD_CHECK
                   ? usage_error(o, "%s", _("no file to check: finsam check FILE..."))
                   : usage_error(o, _("no file: finsam %s FILE"), cli_command_name(o->command));
    if (o->command != CMD_CHECK && o->command != CMD_SIE && o->nfiles > 1)
        return usage_error(o, "%s", _("finsam rules, finsam report and finsam new take one "
                                      "year file"));
    if (o->output && o->command != CMD_REPORT && o->command != CMD_NEW)
        return usage_error(o, "%s", _("-o is for finsam report and finsam new"));
    if (o->table && !o->format->table)
        return usage_error(o, "%s", _("--table is for --format csv"));
    if (o->excel && !o->format->table)
        return usage_error(o, "%s", _("--excel is for --format csv"));
    return -1;
}

int main(int argc, char **argv)
{
    Options o = {0};
    int color;
    int chosen = language_choose(&argc, argv); /* --lang, for every command, once */
    if (chosen >= 0)
        return chosen;
    if (argc >= 2 && strcmp(argv[1], "draft") == 0)
        return cmd_draft(argc - 2, argv + 2);
    if (argc >= 2 && strcmp(argv[1], "fmt") == 0)
        return cmd_fmt(argc - 1, argv + 1);
    if (argc >= 2 && strcmp(argv[1], "lsp") == 0)
        return cmd_lsp(argc - 1, argv + 1);
    int status = parse_args(argc, argv, &o, &color);
    if (status < 0) {
        split_path(getenv("FINSAM_PATH"), &o);
        o.out_style.color = cli_use_color(color, stdout) && o.format->text;
        o.err_style.color = cli_use_color(color, stderr);
        status = o.command == CMD_CHECK ? cmd_check(&o)
                 : o.command == CMD_RULES ? cmd_rules(&o)
                 : o.command == CMD_NEW   ? cmd_new(&o)
                 : o.command == CMD_SIE   ? cmd_sie(&o) : cmd_report(&o);
    }
    if (o.load.npath)
        mem_free((void *)o.load.path_dirs[0]);
    mem_free(o.load.path_dirs);
    mem_free(o.load.include_dirs);
    mem_free(o.load.rules);
    mem_free(o.files);
    return status;
}
