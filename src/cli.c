/* cli: what every command shares. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"
#include "suggest.h"

const char *const CLI_USAGE =
    N_("usage: finsam check [options] FILE|DIR...\n"
       "       finsam report [options] [--format FORMAT] [-o PATH] FILE\n"
       "       finsam rules [options] FILE\n"
       "       finsam draft [-o PATH] REPORT.txt\n"
       "       finsam new [options] [-o PATH] FILE\n"
       "       finsam sie [options] [--format FORMAT] SIEFILE...\n"
       "       finsam fmt [-w | --check] [FILE...]\n"
       "       finsam lsp\n"
       "       finsam --help | --version\n");

const char *cli_command_name(Command c)
{
    static const char *const names[CMD_NCOMMANDS] = {
        [CMD_CHECK] = "check", [CMD_RULES] = "rules", [CMD_REPORT] = "report",
        [CMD_NEW] = "new", [CMD_SIE] = "sie"};
    return c >= 0 && c < CMD_NCOMMANDS ? names[c] : "";
}

bool cli_use_color(int setting, FILE *stream)
{
    if (setting >= 0)
        return setting == 1;
    const char *no_color = getenv("NO_COLOR");
    if (no_color && *no_color)
        return false;
    return isatty(fileno(stream));
}

/* The command that reads a file named so, or NULL. */
static const char *command_for_file(const char *path)
{
    static const struct { const char *suffix, *command; } by_name[] = {
        {".fin", "check"}, {".se", "sie"}, {".si", "sie"}, {".sie", "sie"}, {".txt", "draft"},
    };
    size_t n = strlen(path);
    for (size_t i = 0; i < sizeof by_name / sizeof *by_name; i++) {
        size_t k = strlen(by_name[i].suffix);
        if (n > k && strcasecmp(path + n - k, by_name[i].suffix) == 0)
            return by_name[i].command;
    }
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? "check" : NULL;
}

int cli_unknown_command(const char *word)
{
    static const char *const commands[] = {"check", "report", "rules", "new",
                                           "draft", "sie",    "fmt",   "lsp"};
    const char *command = command_for_file(word);
    char message[512];
    if (command) {
        snprintf(message, sizeof message, _("'%s' is not a command: finsam %s %s"),
                 word, command, word);
        return cli_usage_error("%s", message);
    }
    char lower[65]; /* Check, SIE: the commands are written in small letters */
    size_t n = 0;
    for (; word[n] && n < sizeof lower - 1; n++)
        lower[n] = (char)(word[n] >= 'A' && word[n] <= 'Z' ? word[n] - 'A' + 'a' : word[n]);
    lower[n] = '\0';
    Suggest s = {lower, NULL, 99};
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        suggest_consider(&s, commands[i]);
    if (!s.best)
        return cli_usage_error(_("unknown command '%s'"), word);
    snprintf(message, sizeof message, _("unknown command '%s': did you mean '%s'?"), word,
             s.best);
    return cli_usage_error("%s", message);
}

/* The usage of one command, NULL for every command's. A command's line is found in the
 * translated usage of all, under its first line's label ("usage:"), so that each line
 * is translated once. */
static void put_usage(FILE *f, const char *command)
{
    const char *all = _(CLI_USAGE);
    const char *label_end = strstr(all, "finsam ");
    size_t n = command ? strlen(command) : 0;
    for (const char *line = all; command && label_end && *line;) {
        const char *end = strchr(line, '\n');
        if (!end)
            end = line + strlen(line);
        const char *at = line + strspn(line, " ");
        if (at == all) /* the first line: its label before the command */
            at = label_end;
        if (strncmp(at, "finsam ", 7) == 0 && strncmp(at + 7, command, n) == 0 &&
            (at[7 + n] == ' ' || at + 7 + n == end)) {
            fprintf(f, "%.*s%.*s\n", (int)(label_end - all), all, (int)(end - at), at);
            return;
        }
        line = *end ? end + 1 : end;
    }
    fputs(all, f);
}

int cli_command_usage_error(const char *command, const char *fmt, const char *arg)
{
    fprintf(stderr, "finsam: %s: ", _("error"));
    fprintf(stderr, fmt, arg);
    fputc('\n', stderr);
    put_usage(stderr, command);
    if (command)
        fprintf(stderr, _("Try 'finsam %s --help' for more information.\n"), command);
    else
        fputs(_("Try 'finsam --help' for more information.\n"), stderr);
    return EXIT_BAD_INPUT;
}

int cli_usage_error(const char *fmt, const char *arg)
{
    return cli_command_usage_error(NULL, fmt, arg);
}
