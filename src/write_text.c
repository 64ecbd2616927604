#include "write_text.h"

#include <string.h>

#include "i18n.h"
#include "review.h"

/* ---- text from a rule file, made safe for a terminal (see diag_put_text) ---------- */

static bool has_control(const char *s)
{
    for (; s && *s; s++)
        if (diag_control_len(s))
            return true;
    return false;
}

/* s into out, which holds strlen(s) + 1 bytes, with its control characters as '?'. */
static char *copy_safe(char *out, const char *s)
{
    size_t k = 0;
    for (const char *p = s; *p;) {
        size_t c = diag_control_len(p);
        out[k++] = c ? '?' : *p;
        p += c ? c : 1;
    }
    out[k] = '\0';
    return out;
}

const char *safe_text(Arena *a, const char *s)
{
    if (!has_control(s))
        return s;
    return copy_safe(arena_text(a, strlen(s) + 1), s);
}

static const char *fmt(Arena *a, const Value *v)
{
    char buf[VALUE_FMT_MAX];
    value_format(v, buf);
    return arena_strndup(a, buf, strlen(buf));
}

static void explain_cell(Diags *d, Diag *g, Arena *a, const Finding *f)
{
    /* TRANSLATORS: the labels of the lines that explain a finding ("stated:",
     * "computed:", "difference:", "operands:", "note total:", "that year:") are padded
     * with spaces so that the values after them line up: keep them lined up. */
    const char *formula = f->formula ? f->formula : "";
    diag_note(d, g, _("stated:     %s"), fmt(a, &f->stated));
    if (f->type == FIND_NOTE)
        diag_note(d, g, _("note total: %s, in %s"), fmt(a, &f->computed), formula);
    else if (f->type == FIND_PREVIOUS)
        diag_note(d, g, _("that year:  %s, at %s"), fmt(a, &f->computed), formula);
    else if (f->type == FIND_PLAN)
        diag_note(d, g, _("the plan:   %s, at %s"), fmt(a, &f->computed), formula);
    else
        diag_note(d, g, _("computed:   %s, from %s"), fmt(a, &f->computed), formula);
}

static void explain_operands(Diags *d, Diag *g, Arena *a, const Finding *f, int from)
{
    if (f->noperands <= from)
        return;
    const char *list = "";
    for (int i = from; i < f->noperands; i++) {
        const char *text = f->operands[i].text ? f->operands[i].text : "",
                   *value = fmt(a, &f->operands[i].value);
        const char *item = from ? arena_printf(a, _("%s is %s"), text, value)
                                : arena_printf(a, "%s %s", text, value);
        list = i > from ? arena_printf(a, "%s, %s", list, item) : item;
    }
    /* TRANSLATORS: "where a is 5 kr, b is 7 kr": the other operands of a check. */
    diag_note(d, g, from ? _("where %s") : _("operands:   %s"), list);
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
            for (int k = 0; k < 2; k++)
                diag_note(&d, g, _("%s is %s"), f->operands[k].text ? f->operands[k].text : "",
                          fmt(a, &f->operands[k].value));
        }
        if (f->has_difference) {
            char buf[VALUE_FMT_MAX];
            value_format_num(f->difference, f->difference_kind, f->difference_unit, buf);
            diag_note(&d, g, _("difference: %s"), buf);
        }
        explain_operands(&d, g, a, f, f->type == FIND_CHECK && !f->has_stated ? 2 : 0);
        if (f->same_as.src)
            /* TRANSLATORS: a finding caused by another: "probably the same error as
             * 2025.fin:97:53" */
            diag_note(&d, g, _("probably the same error as %s"), diag_place(&d, f->same_as));
        if (f->explanation)
            diag_note(&d, g, "%s", f->explanation);
        if (f->source)
            diag_note(&d, g, _("source: %s"), f->source);
        if (f->review)
            diag_note(&d, g, _("reviewed: %s"), review_text(a, f->review));
        else if (res->reviewing && f->key && f->type != FIND_REVIEW)
            diag_note(&d, g, _("review key: %s"), f->key);
        diag_print(out, g, style);
    }
}

void write_not_run(FILE *out, Arena *a, const Results *res, DiagStyle style, bool all)
{
    Diags d;
    diags_init(&d, a);
    for (int i = 0; i < res->not_run.len; i++) {
        const NotRun *n = res->not_run.items[i];
        if (!all && !n->stated)
            continue;
        /* TRANSLATORS: a formula or check that did not run: "not run: Title, in column
         * 2024" */
        Diag *g = diag_at(&d, SEV_NOTE, n->loc, _("not run: %s"),
                          n->where ? arena_printf(a, "%s, %s", n->message, n->where)
                                   : n->message);
        g->tag = n->tag;
        diag_note(&d, g, _("because %s"), n->reason);
        if (n->reason_at.src)
            diag_note(&d, g, _("see %s"), diag_place(&d, n->reason_at));
        diag_print(out, g, style);
    }
}

/* ", 4 not run" after the counts, where anything did not run. */
static void summary_not_run(char *buf, size_t n, const Results *res)
{
    buf[0] = '\0';
    if (!res->skipped)
        return;
    char count[64];
    /* TRANSLATORS: "4 not run": formulas and checks that did not run */
    snprintf(count, sizeof count, ngettext("%d not run", "%d not run", res->skipped),
             res->skipped);
    snprintf(buf, n, ", %s", count);
}

void write_summary(FILE *out, const char *path, const Results *res)
{
    char checks[64], passed[64], failed[64], warnings[64];
    snprintf(checks, sizeof checks, ngettext("%d check", "%d checks", res->checks),
             res->checks);
    /* TRANSLATORS: "308 passed", "11 failed": how many checks passed and failed. */
    snprintf(passed, sizeof passed, ngettext("%d passed", "%d passed", res->passed),
             res->passed);
    snprintf(failed, sizeof failed, ngettext("%d failed", "%d failed", res->failed_errors),
             res->failed_errors);
    snprintf(warnings, sizeof warnings,
             ngettext("%d warning", "%d warnings", res->failed_warnings), res->failed_warnings);
    /* TRANSLATORS: the summary line of a file: "2025.fin: 325 checks, 308 passed,
     * 11 failed, 6 warnings"; the path, then the four counts above. */
    char *safe = copy_safe(mem_alloc(strlen(path) + 1), path);
    char skipped[80];
    summary_not_run(skipped, sizeof skipped, res);
    fprintf(out, _("%s: %s, %s, %s, %s%s\n"), safe, checks, passed, failed, warnings, skipped);
    mem_free(safe);
}
