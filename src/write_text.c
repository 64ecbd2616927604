#include "write_text.h"

#include <string.h>

static const char *fmt(Arena *a, const Value *v)
{
    char buf[VALUE_FMT_MAX];
    value_format(v, buf);
    return arena_strndup(a, buf, strlen(buf));
}

static void explain_cell(Diags *d, Diag *g, Arena *a, const Finding *f)
{
    diag_note(d, g, "stated:     %s", fmt(a, &f->stated));
    if (f->type == FIND_NOTE)
        diag_note(d, g, "note total: %s, in %s", fmt(a, &f->computed), f->formula);
    else if (f->type == FIND_PREVIOUS)
        diag_note(d, g, "that year:  %s, at %s", fmt(a, &f->computed), f->formula);
    else
        diag_note(d, g, "computed:   %s, from %s", fmt(a, &f->computed), f->formula);
}

static void explain_operands(Diags *d, Diag *g, Arena *a, const Finding *f, int from)
{
    if (f->noperands <= from)
        return;
    char *list = "";
    for (int i = from; i < f->noperands; i++)
        list = arena_printf(a, "%s%s%s%s %s", list, i > from ? ", " : "", f->operands[i].text,
                            from ? " is" : "", fmt(a, &f->operands[i].value));
    diag_note(d, g, "%s%s", from ? "where " : "operands:   ", list);
}

void write_findings(FILE *out, Arena *a, const Results *res, DiagStyle style)
{
    Diags d;
    diags_init(&d, a);
    for (int i = 0; i < res->failed.len; i++) {
        const Finding *f = res->failed.items[i];
        const char *message = f->where ? arena_printf(a, "%s, %s", f->message, f->where)
                                       : f->message;
        Diag *g = diag_at(&d, f->severity, f->loc, "%s", message);
        g->tag = f->tag;
        if (f->has_stated) {
            explain_cell(&d, g, a, f);
        } else if (f->type == FIND_CHECK && f->noperands >= 2) {
            diag_note(&d, g, "%s is %s", f->operands[0].text, fmt(a, &f->operands[0].value));
            diag_note(&d, g, "%s is %s", f->operands[1].text, fmt(a, &f->operands[1].value));
        }
        if (f->has_difference) {
            char buf[VALUE_FMT_MAX];
            value_format_num(f->difference, f->difference_kind, f->difference_unit, buf);
            diag_note(&d, g, "difference: %s", buf);
        }
        explain_operands(&d, g, a, f, f->type == FIND_CHECK && !f->has_stated ? 2 : 0);
        if (f->explanation)
            diag_note(&d, g, "%s", f->explanation);
        if (f->source)
            diag_note(&d, g, "source: %s", f->source);
        diag_print(out, g, style);
    }
}

void write_summary(FILE *out, const char *path, const Results *res)
{
    int failed = res->failed_errors;
    fprintf(out, "%s: %d check%s, %d passed, %d failed, %d warning%s\n", path, res->checks,
            res->checks == 1 ? "" : "s", res->passed, failed, res->failed_warnings,
            res->failed_warnings == 1 ? "" : "s");
}
