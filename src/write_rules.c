#include "write_rules.h"

#include "value.h"

static void place(FILE *out, Loc at)
{
    int line, col;
    source_line_col(at.src, at.start, &line, &col);
    fprintf(out, "%s:%d:%d", at.src->path, line, col);
}

static void write_param(FILE *out, Param *first, int year)
{
    Param *p = param_in_force(first, year);
    char buf[VALUE_FMT_MAX];
    if (p) {
        Value v = value_of_literal(&p->value);
        v.printed = false;
        value_format(&v, buf);
    }
    fprintf(out, "  %-24s %-14s ", first->name, p ? buf : "(none in force)");
    place(out, p ? p->name_loc : first->name_loc);
    if (p && p->federation) {
        fprintf(out, "  set by the federation; declared local at ");
        place(out, first->name_loc);
    } else if (first->local) {
        fprintf(out, "  local: a federation may set its own value");
    }
    fputc('\n', out);
    if (first->title)
        fprintf(out, "      %s\n", first->title);
    const Param *s = p ? p : first;
    if (s->from)
        fprintf(out, "      in force from %04d-%02d-%02d\n", s->from / 10000, s->from / 100 % 100,
                s->from % 100);
    if (s->source)
        fprintf(out, "      source: %s\n", s->source);
}

void write_rules(FILE *out, Program *prog, const char *path)
{
    int year = prog->report->year;
    fprintf(out, "%s: the rules in force for %d\n\nparameters (%d)\n", path, year,
            prog->params.len);
    for (int i = 0; i < prog->params.len; i++)
        write_param(out, prog->params.items[i], year);
    fprintf(out, "\nchecks (%d)\n", prog->checks.len);
    for (int i = 0; i < prog->checks.len; i++) {
        Check *c = prog->checks.items[i];
        fprintf(out, "  %-24s %-14s ", c->name, c->severity == SEV_ERROR ? "error" : "warning");
        place(out, c->name_loc);
        fputc('\n', out);
        if (c->title)
            fprintf(out, "      %s\n", c->title);
        if (c->source)
            fprintf(out, "      source: %s\n", c->source);
    }
}
