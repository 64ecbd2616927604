#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "review.h"
#include "value.h"

int render_width(const char *s)
{
    int n = 0;
    for (; s && *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

void render_pad(FILE *out, int n)
{
    for (; n > 0; n--)
        fputc(' ', out);
}

void render_plain(FILE *out, const char *s)
{
    diag_put_text(out, s, false);
}

void render_tap(FILE *out, const char *s)
{
    /* one line (a line end is a control character too, shown as '?' as diag_put_text
     * shows it), and no '#', which would start a directive */
    for (const char *p = s; s && *p;) {
        size_t n = diag_control_len(p);
        fputc(n ? '?' : *p == '#' ? '/' : *p, out);
        p += n ? n : 1;
    }
}

void render_field(FILE *out, const char *s)
{
    diag_put_text(out, s, true);
}

char *render_written(void (*put)(FILE *, const char *), const char *s)
{
    MemText t;
    put(mem_text_open(&t), s ? s : "");
    return mem_text_close(&t);
}

/* ---- the summary line ---------------------------------------------------------------- */

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

static bool has_control(const char *s)
{
    for (; s && *s; s++)
        if (diag_control_len(s))
            return true;
    return false;
}

const char *safe_text(Arena *a, const char *s)
{
    if (!has_control(s))
        return s;
    return copy_safe(arena_text(a, strlen(s) + 1), s);
}

/* ", 4 not run" after the counts, where anything did not run. */
static void summary_not_run(char *buf, size_t n, const ModelSummary *res)
{
    buf[0] = '\0';
    if (!res->not_run)
        return;
    char count[64];
    /* TRANSLATORS: "4 not run": formulas and checks that did not run */
    snprintf(count, sizeof count, ngettext("%d not run", "%d not run", res->not_run),
             res->not_run);
    snprintf(buf, n, ", %s", count);
}

char *render_summary_checks(const ModelSummary *res)
{
    MemText t;
    FILE *f = mem_text_open(&t);
    fprintf(f, ngettext("%d check", "%d checks", res->checks), res->checks);
    if (res->ledger_checks) {
        fputs(" (", f);
        if (res->ledger)
            /* TRANSLATORS: after the count of checks in the summary line: how many of
             * them are the ledger's own (its SIE file's consistency): "1171 checks (685
             * of them in the ledger bokforing-2025.se)" */
            fprintf(f, ngettext("%d of them in the ledger %s", "%d of them in the ledger %s",
                                res->ledger_checks),
                    res->ledger_checks, res->ledger);
        else
            /* TRANSLATORS: the same in the total line of several files: "(685 of them in
             * ledgers)" */
            fprintf(f, ngettext("%d of them in ledgers", "%d of them in ledgers",
                                res->ledger_checks),
                    res->ledger_checks);
        fputc(')', f);
    }
    return mem_text_close(&t);
}

void render_summary(FILE *out, const char *path, const ModelSummary *res)
{
    char passed[64], failed[64], warnings[64];
    char *checks = render_summary_checks(res);
    /* TRANSLATORS: "308 passed", "11 failed": how many checks passed and failed. */
    snprintf(passed, sizeof passed, ngettext("%d passed", "%d passed", res->passed),
             res->passed);
    snprintf(failed, sizeof failed, ngettext("%d failed", "%d failed", res->failed),
             res->failed);
    snprintf(warnings, sizeof warnings,
             ngettext("%d warning", "%d warnings", res->warnings), res->warnings);
    /* TRANSLATORS: the summary line of a file: "2025.fin: 325 checks, 308 passed,
     * 11 failed, 6 warnings"; the path, then the four counts above. */
    char *safe = copy_safe(mem_alloc(strlen(path) + 1), path);
    char skipped[80];
    summary_not_run(skipped, sizeof skipped, res);
    char *safe_checks = copy_safe(mem_alloc(strlen(checks) + 1), checks);
    fprintf(out, _("%s: %s, %s, %s, %s%s\n"), safe, safe_checks, passed, failed, warnings,
            skipped);
    mem_free(safe_checks);
    mem_free(checks);
    mem_free(safe);
}

char *render_difference(const Finding *f, char *buf)
{
    if (f->difference_kind != K_PERCENT)
        return value_format_num(f->difference, f->difference_kind, f->difference_unit, buf);
    /* 0,00075 of a whole is 0,075 percentage points: the percentage's figure */
    Num points;
    if (num_mul(f->difference, num_exact(100 * NUM_SCALE), &points) != NUM_OK)
        return value_format_num(f->difference, f->difference_kind, f->difference_unit, buf);
    char n[VALUE_FMT_MAX];
    value_format_num(points, K_NUMBER, U_NONE, n);
    /* TRANSLATORS: the difference between two percentages: "-5 percentage points"
     * ("procentenheter"). */
    snprintf(buf, VALUE_FMT_MAX, _("%s percentage points"), n);
    return buf;
}

/* ---- parameters ------------------------------------------------------------------- */

/* s, then spaces to width characters (not bytes: a translation may hold å, ä, ö). */
void render_column(FILE *out, const char *s, int width)
{
    fputs(s, out);
    render_pad(out, width - render_width(s));
}

void render_place(FILE *out, Loc at)
{
    int line, col;
    source_line_col(at.src, at.start, &line, &col);
    diag_put_text(out, at.src->path, false);
    fprintf(out, ":%d:%d", line, col);
}

void render_rule_head(FILE *out, const char *name, const char *what, Loc at)
{
    fprintf(out, "  %-24s ", name);
    render_column(out, what, 14);
    fputc(' ', out);
    render_place(out, at);
}

void render_rule_details(FILE *out, const char *title, int from, int until, const char *source)
{
    if (title) {
        fputs("      ", out);
        render_plain(out, title);
        fputc('\n', out);
    }
    if (from && until)
        fprintf(out, _("      in force from %04d-%02d-%02d until %04d-%02d-%02d\n"),
                from / 10000, from / 100 % 100, from % 100, until / 10000, until / 100 % 100,
                until % 100);
    else if (from)
        fprintf(out, _("      in force from %04d-%02d-%02d\n"), from / 10000, from / 100 % 100,
                from % 100);
    else if (until)
        fprintf(out, _("      in force until %04d-%02d-%02d\n"), until / 10000,
                until / 100 % 100, until % 100);
    if (source) {
        char *text = render_written(render_plain, source);
        fprintf(out, _("      source: %s\n"), text ? text : "");
        mem_free(text);
    }
}

static void parameter(FILE *out, const ModelParam *mp)
{
    const Param *first = mp->first, *p = mp->in_force;
    char buf[VALUE_FMT_MAX];
    if (p) {
        Value v = value_of_literal(&p->value);
        v.printed = false;
        value_format(&v, buf);
    }
    render_rule_head(out, first->full_name, p ? buf : _("(none in force)"),
                     p ? p->name_loc : first->name_loc);
    if (p && p->federation) {
        fputs(_("  set by the federation; declared local at "), out);
        render_place(out, first->name_loc);
    } else if (first->local) {
        fputs(_("  local: a federation may set its own value"), out);
    }
    fputc('\n', out);
    const Param *s = p ? p : first;
    render_rule_details(out, first->title, s->from, 0, s->source);
}

void render_parameters(FILE *out, const Model *m)
{
    fprintf(out, _("\nparameters (%d)\n"), m->nparams);
    for (int i = 0; i < m->nparams; i++)
        parameter(out, &m->params[i]);
}

const char *render_ledger_outcome(const LedgerFigure *f)
{
    return !f->compared ? _("nothing stated to compare")
           : f->agrees  ? _("agrees with the stated figure")
                        : _("differs from the stated figure");
}

void render_ledger_account(FILE *out, const LedgerPart *p, void (*put)(FILE *, const char *))
{
    put(out, p->account);
    if (p->name) {
        fputs(" (", out);
        put(out, p->name);
        fputc(')', out);
    }
}

char *render_ledger_amount(const LedgerPart *p, char *buf)
{
    Value v = value_number(K_MONEY, U_KR, num_exact(p->ore * 10000));
    return value_format(&v, buf);
}

void render_reviewed(FILE *out, const Finding *f, void (*put)(FILE *, const char *))
{
    Arena a;
    arena_init(&a);
    put(out, arena_printf(&a, _("reviewed: %s"), review_text(&a, f->review)));
    arena_free(&a);
}
