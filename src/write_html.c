#include "write_html.h"

/* Filled in by the HTML writer's own change. */
void write_html(FILE *out, Program *prog, const Results *res, const char *path)
{
    (void)prog;
    (void)res;
    fprintf(out, "<!DOCTYPE html><title>%s</title>\n", path);
}
