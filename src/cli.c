/* cli: what every command shares. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli.h"
#include "i18n.h"

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

int cli_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "finsam: %s: ", _("error"));
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", _(CLI_USAGE));
    fputs(_("Try 'finsam --help' for more information.\n"), stderr);
    return EXIT_BAD_INPUT;
}
