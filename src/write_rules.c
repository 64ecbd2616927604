#include "write_rules.h"

#include "i18n.h"
#include "value.h"
#include "write_text.h"

/* s, then spaces to width characters (not bytes: a translation may hold å, ä, ö). */
static void field(FILE *out, const char *s, int width)
{
    fputs(s, out);
    for (const char *p = s; *p; p++)
        width -= ((unsigned char)*p & 0xC0) != 0x80;
    for (; width > 0; width--)
        fputc(' ', out);
}

static void place(FILE *out, Loc at)
{
    int line, col;
    source_line_col(at.src, at.start, &line, &col);
    diag_put_text(out, at.src->path, false);
    fprintf(out, ":%d:%d", line, col);
}

static void write_param(FILE *out, Program *prog, Param *first, int year)
{
    Param *p = param_in_force(first, year);
    char buf[VALUE_FMT_MAX];
    if (p) {
        Value v = value_of_literal(&p->value);
        v.printed = false;
        value_format(&v, buf);
    }
    fprintf(out, "  %-24s ", first->full_name);
    field(out, p ? buf : _("(none in force)"), 14);
    fputc(' ', out);
    place(out, p ? p->name_loc : first->name_loc);
    if (p && p->federation) {
        fputs(_("  set by the federation; declared local at "), out);
        place(out, first->name_loc);
    } else if (first->local) {
        fputs(_("  local: a federation may set its own value"), out);
    }
    fputc('\n', out);
    if (first->title) {
        fputs("      ", out);
        diag_put_text(out, first->title, false);
        fputc('\n', out);
    }
    const Param *s = p ? p : first;
    if (s->from)
        fprintf(out, _("      in force from %04d-%02d-%02d\n"), s->from / 10000,
                s->from / 100 % 100, s->from % 100);
    if (s->source)
        fprintf(out, _("      source: %s\n"), safe_text(&prog->arena, s->source));
}

void write_parameters(FILE *out, Program *prog)
{
    fprintf(out, _("\nparameters (%d)\n"), prog->params.len);
    for (int i = 0; i < prog->params.len; i++)
        write_param(out, prog, prog->params.items[i], prog->report->year);
}

void write_rules(FILE *out, Program *prog, const char *path)
{
    int year = prog->report->year;
    fprintf(out, _("%s: the rules in force for %d\n"), safe_text(&prog->arena, path), year);
    write_parameters(out, prog);
    fprintf(out, _("\nchecks (%d)\n"), prog->checks.len);
    for (int i = 0; i < prog->checks.len; i++) {
        Check *c = prog->checks.items[i];
        fprintf(out, "  %-24s ", c->full_name);
        field(out, c->severity == SEV_ERROR ? _("error") : _("warning"), 14);
        fputc(' ', out);
        place(out, c->name_loc);
        fputc('\n', out);
        if (c->title) {
            fputs("      ", out);
            diag_put_text(out, c->title, false);
            fputc('\n', out);
        }
        if (c->source)
            fprintf(out, _("      source: %s\n"), safe_text(&prog->arena, c->source));
    }
}
