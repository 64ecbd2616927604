#include "write_sie.h"

#include <string.h>

#include "i18n.h"
#include "render.h"
#include "xml.h"
#include "json.h"
#include "write_text.h"

static void summary_line(FILE *out, const char *path, const SieSummary *s)
{
    char checks[64], passed[64], failed[64], warnings[64];
    snprintf(checks, sizeof checks, ngettext("%d check", "%d checks", s->checks), s->checks);
    snprintf(passed, sizeof passed, ngettext("%d passed", "%d passed", s->passed), s->passed);
    snprintf(failed, sizeof failed, ngettext("%d failed", "%d failed", s->failed), s->failed);
    snprintf(warnings, sizeof warnings, ngettext("%d warning", "%d warnings", s->warnings),
             s->warnings);
    Arena a;
    arena_init(&a);
    /* TRANSLATORS: the summary line of a file, as for finsam check. */
    fprintf(out, _("%s: %s, %s, %s, %s\n"), safe_text(&a, path), checks, passed, failed,
            warnings);
    arena_free(&a);
}

/* "SIE 4E, 1129 lines, 84 vouchers, 405 rows, 117 accounts" and the checks not run. */
static void read_line(FILE *out, const SieRun *run)
{
    const SieSummary *s = &run->sum;
    diag_put_text(out, run->path, false);
    fprintf(out, ": SIE %s", *s->type ? s->type : "?");
    fprintf(out, ngettext(", %lld line", ", %lld lines", s->lines), s->lines);
    fprintf(out, ngettext(", %lld voucher", ", %lld vouchers", s->vouchers), s->vouchers);
    fprintf(out, ngettext(", %lld row", ", %lld rows", s->rows), s->rows);
    fprintf(out, ngettext(", %lld account", ", %lld accounts", s->accounts), s->accounts);
    fputc('\n', out);
    for (int k = 0; k < SIE_CHECK_COUNT; k++)
        if (s->kinds[k].not_run) {
            Arena a;
            arena_init(&a);
            /* TRANSLATORS: a check finsam sie could not run: the file's path, what the
             * check checks, and why it could not run. */
            fprintf(out, _("%s: not run: %s (%s)\n"), safe_text(&a, run->path),
                    sie_check_title((SieCheckKind)k),
                    s->vouchers ? _("an SIE 4I file holds no balances")
                                : _("the file holds no vouchers"));
            arena_free(&a);
        }
}

void write_sie_text(FILE *out, const SieRun *run, DiagStyle style, bool quiet)
{
    if (quiet)
        return;
    for (int i = 0; i < run->diags.list.len; i++)
        diag_print(out, run->diags.list.items[i], style);
    read_line(out, run);
    summary_line(out, run->path, &run->sum);
}

void write_sie_bad(FILE *err, const SieRun *run, DiagStyle style)
{
    for (int i = 0; i < run->diags.list.len; i++)
        diag_print(err, run->diags.list.items[i], style);
    int n = run->opened ? run->sum.input_errors : run->diags.errors;
    fprintf(err, ngettext("%s: not checked: %d error in the input\n",
                          "%s: not checked: %d errors in the input\n", n),
            run->path, n);
}

void write_sie_total(FILE *out, const char *label, const SieSummary *total)
{
    summary_line(out, label, total);
}

static void json_summary(Json *j, const SieSummary *s)
{
    json_object(j);
    json_key(j, "checks");
    json_int(j, s->checks);
    json_key(j, "passed");
    json_int(j, s->passed);
    json_key(j, "failed");
    json_int(j, s->failed);
    json_key(j, "warnings");
    json_int(j, s->warnings);
    json_object_end(j);
}

static void json_diag(Json *j, const Diag *g)
{
    json_object(j);
    json_key(j, "severity");
    json_string(j, g->severity == SEV_ERROR ? "error" : "warning");
    json_key(j, "tag");
    json_string(j, g->tag);
    if (g->loc.src) {
        int line, col;
        source_line_col(g->loc.src, g->loc.start, &line, &col);
        json_key(j, "line");
        json_int(j, line);
        json_key(j, "column");
        json_int(j, col);
    }
    json_key(j, "message");
    json_string(j, g->message);
    json_key(j, "notes");
    json_array(j);
    for (int i = 0; i < g->notes.len; i++)
        json_string(j, g->notes.items[i]);
    json_array_end(j);
    json_object_end(j);
}

void write_sie_json(FILE *out, const SieRun *runs, int n, const SieSummary *total)
{
    Json j;
    json_files_begin(&j, out);
    for (int i = 0; i < n; i++) {
        const SieRun *r = &runs[i];
        const SieSummary *s = &r->sum;
        json_object(&j);
        json_key(&j, "path");
        json_string(&j, r->path);
        json_key(&j, "sie_type");
        json_string(&j, *s->type ? s->type : NULL);
        json_key(&j, "lines");
        json_int(&j, s->lines);
        json_key(&j, "vouchers");
        json_int(&j, s->vouchers);
        json_key(&j, "rows");
        json_int(&j, s->rows);
        json_key(&j, "accounts");
        json_int(&j, s->accounts);
        json_key(&j, "checks");
        json_array(&j);
        for (int k = 0; k < SIE_CHECK_COUNT; k++) {
            json_object(&j);
            json_key(&j, "tag");
            json_string(&j, sie_check_tag((SieCheckKind)k));
            json_key(&j, "title");
            json_string(&j, sie_check_title((SieCheckKind)k));
            json_key(&j, "runs");
            json_int(&j, s->kinds[k].runs);
            json_key(&j, "failed");
            json_int(&j, s->kinds[k].failed);
            json_key(&j, "not_run");
            json_bool(&j, s->kinds[k].not_run);
            json_object_end(&j);
        }
        json_array_end(&j);
        json_key(&j, "findings");
        json_array(&j);
        for (int d = 0; d < r->diags.list.len; d++)
            json_diag(&j, r->diags.list.items[d]);
        json_array_end(&j);
        json_key(&j, "summary");
        json_summary(&j, s);
        json_object_end(&j);
    }
    json_files_total(&j);
    json_summary(&j, total);
    json_files_end(&j);
}

/* A kind of check is a test where it ran or could not run. */
static bool is_test(const SieSummary *s, int k)
{
    return s->kinds[k].runs > 0 || s->kinds[k].not_run;
}

/* "path:line:col: message" of a finding, written by put. */
static void place(FILE *out, const Diag *g, void (*put)(FILE *, const char *))
{
    diag_put_place(out, g, put);
    fputs(": ", out);
    put(out, g->message);
}

static bool of_kind(const Diag *g, int k)
{
    return g->severity == SEV_ERROR && g->tag &&
           strcmp(g->tag, sie_check_tag((SieCheckKind)k)) == 0;
}

void write_sie_junit(FILE *out, const SieRun *runs, int n)
{
    int tests = 0, failures = 0;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < SIE_CHECK_COUNT; k++) {
            tests += is_test(&runs[i].sum, k);
            failures += runs[i].sum.kinds[k].failed > 0;
        }
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<testsuites name=\"finsam sie\" tests=\"%d\" failures=\"%d\">\n",
            tests, failures);
    for (int i = 0; i < n; i++) {
        const SieSummary *s = &runs[i].sum;
        int t = 0, f = 0, skipped = 0;
        for (int k = 0; k < SIE_CHECK_COUNT; k++) {
            t += is_test(s, k);
            f += s->kinds[k].failed > 0;
            skipped += s->kinds[k].not_run;
        }
        fputs("  <testsuite name=\"", out);
        xml_line(out, runs[i].path);
        fprintf(out, "\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\">\n", t, f,
                skipped);
        for (int k = 0; k < SIE_CHECK_COUNT; k++) {
            if (!is_test(s, k))
                continue;
            fputs("    <testcase classname=\"", out);
            xml_line(out, runs[i].path);
            fputs("\" name=\"", out);
            xml_line(out, sie_check_title((SieCheckKind)k));
            if (s->kinds[k].not_run) {
                fputs("\">\n      <skipped/>\n    </testcase>\n", out);
                continue;
            }
            if (!s->kinds[k].failed) {
                fputs("\"/>\n", out);
                continue;
            }
            fprintf(out, "\">\n      <failure message=\"");
            fprintf(out, ngettext("%d of %d failed", "%d of %d failed", s->kinds[k].failed),
                    s->kinds[k].failed, s->kinds[k].runs);
            fprintf(out, "\" type=\"%s\">", sie_check_tag((SieCheckKind)k));
            for (int d = 0; d < runs[i].diags.list.len; d++) {
                const Diag *g = runs[i].diags.list.items[d];
                if (of_kind(g, k)) {
                    place(out, g, xml_line);
                    fputc('\n', out);
                }
            }
            fputs("</failure>\n    </testcase>\n", out);
        }
        fputs("  </testsuite>\n", out);
    }
    fputs("</testsuites>\n", out);
}

void write_sie_tap(FILE *out, const SieRun *runs, int n)
{
    int tests = 0, next = 1;
    for (int i = 0; i < n; i++)
        for (int k = 0; k < SIE_CHECK_COUNT; k++)
            tests += is_test(&runs[i].sum, k);
    fprintf(out, "TAP version 13\n1..%d\n", tests);
    for (int i = 0; i < n; i++) {
        const SieSummary *s = &runs[i].sum;
        for (int k = 0; k < SIE_CHECK_COUNT; k++) {
            if (!is_test(s, k))
                continue;
            fprintf(out, "%s %d - ", s->kinds[k].failed ? "not ok" : "ok", next++);
            render_tap(out, runs[i].path);
            fputs(": ", out);
            render_tap(out, sie_check_title((SieCheckKind)k));
            if (s->kinds[k].not_run)
                fputs(" # SKIP no vouchers", out);
            fputc('\n', out);
            for (int d = 0; d < runs[i].diags.list.len; d++) {
                const Diag *g = runs[i].diags.list.items[d];
                if (of_kind(g, k)) {
                    fputs("# ", out);
                    place(out, g, render_plain);
                    fputc('\n', out);
                }
            }
        }
    }
}
