/* cli: what every command shares. */
#include <stdio.h>

#include "cli.h"

const char CLI_USAGE[] =
    "usage: finsam check [options] FILE|DIR...\n"
    "       finsam rules [options] FILE\n"
    "       finsam --help | --version\n";

int cli_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "finsam: error: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%sTry 'finsam --help' for more information.\n", CLI_USAGE);
    return EXIT_BAD_INPUT;
}
