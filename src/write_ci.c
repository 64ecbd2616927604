#include "write_ci.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "i18n.h"
#include "mem.h"
#include "review.h"
#include "render.h"
#include "value.h"
#include "xml.h"

/* "path:line:col" of a place, in buf (PLACE_MAX bytes; a longer path is cut). */
enum { PLACE_MAX = 4200 };
static const char *place(Loc at, char *buf)
{
    int line, col;
    source_line_col(at.src, at.start, &line, &col);
    snprintf(buf, PLACE_MAX, "%s:%d:%d", at.src->path, line, col);
    return buf;
}

/* Text formatted, then written as text() writes text: every part of it, a file's path
 * included, escaped for the format around it, and none of it cut, however long. */
static void vput(FILE *out, void (*text)(FILE *, const char *), const char *fmt, va_list ap)
{
    MemText t;
    vfprintf(mem_text_open(&t), fmt, ap);
    char *s = mem_text_close(&t);
    text(out, s);
    mem_free(s);
}

static void put(FILE *out, void (*text)(FILE *, const char *), const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vput(out, text, fmt, ap);
    va_end(ap);
}

/* One line of an explanation. */
static void say(FILE *out, void (*text)(FILE *, const char *), const char *indent,
                const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs(indent, out);
    vput(out, text, fmt, ap);
    fputc('\n', out);
    va_end(ap);
}

/* The explanation of a finding, as the text output's "= ..." lines: words for people,
 * in their language; the XML and TAP around it are not translated. */
static void explain(FILE *out, const Model *m, const Finding *f,
                    void (*text)(FILE *, const char *), const char *indent)
{
    char a[VALUE_FMT_MAX], b[VALUE_FMT_MAX], at[PLACE_MAX];
    say(out, text, indent, _("at: %s"), place(f->loc, at));
    if (f->has_stated) {
        say(out, text, indent, _("stated: %s"), value_format(&f->stated, a));
        say(out, text, indent, _("computed: %s"), value_format(&f->computed, b));
    } else if (f->noperands >= 2) {
        for (int i = 0; i < 2; i++)
            say(out, text, indent, _("%s is %s"), f->operands[i].text,
                value_format(&f->operands[i].value, a));
    }
    for (int i = 0; i < f->noperands; i++) {
        if (!finding_points_at(f, i))
            continue;
        /* TRANSLATORS: where in the year file a figure is that a rule in another file
         * read: "the figure balanskrav.result[2025] is at 2025.fin:13:51" */
        say(out, text, indent, _("the figure %s is at %s"), f->operands[i].text,
            place(f->operands[i].at, at));
    }
    if (f->has_difference)
        say(out, text, indent, _("difference: %s"),
            render_difference(f, a));
    const Finding *cause = model_cause(m, f);
    if (cause)
        say(out, text, indent, _("probably the same error as %s"), place(cause->loc, at));
    if (f->explanation)
        say(out, text, indent, "%s", f->explanation);
    if (f->source)
        say(out, text, indent, _("source: %s"), f->source);
}

/* Findings about figures (formulas, notes, allocations, earlier years): each a test
 * of its own; the figures that agree are one passing test. */
/* A finding an auditor decided on: JUnit skips it, TAP marks it TODO; it fails nothing. */
static void junit_reviewed(FILE *out, const Finding *f)
{
    fputs("      <skipped message=\"", out);
    render_reviewed(out, f, xml_text);
    fputs("\"/>\n", out);
}

static void tap_reviewed(FILE *out, const Finding *f, void (*text)(FILE *, const char *))
{
    fputs(" # TODO ", out);
    render_reviewed(out, f, text);
}

/* The next finding of a figure (not of a check) at *i or after, in the order of their
 * places; *i then after it. NULL after the last. */
static const Finding *figure_finding(const Model *m, int *i)
{
    for (; *i < m->nfindings; ++*i)
        if (m->findings[*i].finding->type != FIND_CHECK)
            return m->findings[(*i)++].finding;
    return NULL;
}

static int figure_findings(const Model *m)
{
    int n = 0;
    for (int at = 0; figure_finding(m, &at);)
        n++;
    return n;
}

/* The name of the one test of the figures that agree with their formulas: the
 * ledger's own checks, and their findings, are not among them. */
static void put_agreeing(FILE *out, const Model *m, void (*text)(FILE *, const char *))
{
    put(out, text, _("figures that agree with their formulas (%d)"),
        m->comparisons - (figure_findings(m) - m->summary.ledger_failed));
}

/* The name of the one test of the ledger's own checks that pass, where a ledger was
 * checked (summary.ledger_checks); its failures are tests of their own, among the
 * figures' findings. */
static void put_ledger_passing(FILE *out, const Model *m, void (*text)(FILE *, const char *))
{
    /* TRANSLATORS: a test in TAP and JUnit: "checks of the ledger bokforing-2025.se that
     * pass (680)" */
    put(out, text, _("checks of the ledger %s that pass (%d)"),
        m->summary.ledger ? m->summary.ledger : "",
        m->summary.ledger_checks - m->summary.ledger_failed);
}

/* A JUnit test case of the file at path, up to its name, which the caller writes. */
static void testcase(FILE *out, const char *path)
{
    fputs("    <testcase classname=\"", out);
    xml_text(out, path);
    fputs("\" name=\"", out);
}

static void put_run_name(FILE *out, const CheckRun *r, void (*text)(FILE *, const char *))
{
    if (!r->has_key)
        text(out, r->check->name);
    else if (r->key.name)
        put(out, text, "%s [%s]", r->check->name, r->key.name);
    else
        put(out, text, "%s [%d]", r->check->name, r->key.year);
}

/* "tag: Title, in column 2024" */
static void put_not_run_name(FILE *out, const NotRun *n, void (*text)(FILE *, const char *))
{
    if (n->where)
        put(out, text, "%s: %s, %s", n->tag, n->message, n->where);
    else
        put(out, text, "%s: %s", n->tag, n->message);
}

/* What did not run: a test case each, skipped, with the reason. */
static void junit_not_run(FILE *out, const char *path, const Model *m)
{
    for (int i = 0; i < m->nnot_run; i++) {
        const NotRun *n = m->not_run[i].not_run;
        char at[PLACE_MAX];
        testcase(out, path);
        put_not_run_name(out, n, xml_text);
        fputs("\">\n      <skipped message=\"", out);
        xml_text(out, n->reason);
        fputs("\">", out);
        put(out, xml_text, _("at: %s"), place(n->loc, at));
        fputs("</skipped>\n    </testcase>\n", out);
    }
}

/* What did not run: "ok N - ... # SKIP reason". */
static void tap_not_run(FILE *out, const Model *m, int *next);

void write_junit_begin(FILE *out, int tests, int failures)
{
    fprintf(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<testsuites name=\"finsam\" tests=\"%d\" failures=\"%d\">\n", tests, failures);
}

void write_junit_end(FILE *out) { fputs("</testsuites>\n", out); }

void write_junit_file(FILE *out, const Model *m)
{
    const char *path = m->path;
    fputs("  <testsuite name=\"", out);
    xml_text(out, path);
    fprintf(out, "\" tests=\"%d\" failures=\"%d\" errors=\"0\" skipped=\"%d\">\n",
            tap_count(m), m->summary.failed, m->nnot_run + m->summary.reviewed);
    testcase(out, path);
    put_agreeing(out, m, xml_text);
    fputs("\"/>\n", out);
    if (m->summary.ledger_checks) {
        testcase(out, path);
        put_ledger_passing(out, m, xml_text);
        fputs("\"/>\n", out);
    }
    const Finding *f;
    for (int at = 0; (f = figure_finding(m, &at));) {
        testcase(out, path);
        xml_text(out, f->tag);
        fputs(": ", out);
        xml_text(out, f->message);
        fputs("\">\n", out);
        if (f->review) {
            junit_reviewed(out, f);
            fputs("    </testcase>\n", out);
            continue;
        }
        fputs("      <failure message=\"", out);
        xml_text(out, f->message);
        fprintf(out, "\" type=\"%s\">", f->tag);
        explain(out, m, f, xml_text, "");
        fputs("</failure>\n    </testcase>\n", out);
    }
    for (int i = 0; i < m->nruns; i++) {
        const CheckRun *r = m->runs[i];
        testcase(out, path);
        put_run_name(out, r, xml_text);
        if (r->passed) {
            fputs("\"/>\n", out);
            continue;
        }
        fputs("\">\n", out);
        f = r->explained;
        if (f->review) {
            junit_reviewed(out, f);
        } else if (r->check->severity == SEV_ERROR) {
            fputs("      <failure message=\"", out);
            xml_text(out, f->message);
            fputs("\" type=\"check\">", out);
            explain(out, m, f, xml_text, "");
            fputs("</failure>\n", out);
        } else {
            /* a warning fails no build: it is told, not failed */
            fputs("      <system-out>", out);
            xml_text(out, _("warning: "));
            xml_text(out, f->message);
            fputc('\n', out);
            explain(out, m, f, xml_text, "");
            fputs("</system-out>\n", out);
        }
        fputs("    </testcase>\n", out);
    }
    junit_not_run(out, path, m);
    fputs("  </testsuite>\n", out);
}

int tap_count(const Model *m)
{
    return m->nruns + figure_findings(m) + 1 + (m->summary.ledger_checks > 0) + m->nnot_run;
}

void write_tap_plan(FILE *out, int tests) { fprintf(out, "TAP version 13\n1..%d\n", tests); }


static void yaml_text(FILE *out, const char *s)
{
    fputc('"', out);
    for (const char *p = s; s && *p;) {
        size_t n = diag_control_len(p);
        if (n) {
            fputc('?', out);
            p += n;
            continue;
        }
        if (*p == '"' || *p == '\\')
            fputc('\\', out);
        fputc(*p++, out);
    }
    fputc('"', out);
}

/* "  key: \"text\"" in a finding's YAML block, where there is a text. */
static void yaml_field(FILE *out, const char *key, const char *text)
{
    if (!text)
        return;
    fprintf(out, "  %s: ", key);
    yaml_text(out, text);
    fputc('\n', out);
}

/* "  left: \"a is 5 kr\"": an operand of a check. */
static void yaml_operand(FILE *out, const char *key, const Operand *o)
{
    char v[VALUE_FMT_MAX];
    fprintf(out, "  %s: ", key);
    put(out, yaml_text, _("%s is %s"), o->text, value_format(&o->value, v));
    fputc('\n', out);
}

static void tap_explain(FILE *out, const Model *m, const Finding *f)
{
    char a[PLACE_MAX];
    fputs("  ---\n", out);
    yaml_field(out, "message", f->message);
    fprintf(out, "  severity: %s\n", f->severity == SEV_ERROR ? "error" : "warning");
    yaml_field(out, "at", place(f->loc, a));
    if (f->has_stated) {
        yaml_field(out, "stated", value_format(&f->stated, a));
        yaml_field(out, "computed", value_format(&f->computed, a));
    } else if (f->noperands >= 2) {
        yaml_operand(out, "left", &f->operands[0]);
        yaml_operand(out, "right", &f->operands[1]);
    }
    /* the figures a rule in another file read, at their places in the year file */
    for (int i = 0, any = 0; i < f->noperands; i++) {
        if (!finding_points_at(f, i))
            continue;
        fputs(any++ ? "    - " : "  figures_at:\n    - ", out);
        put(out, yaml_text, _("the figure %s is at %s"), f->operands[i].text,
            place(f->operands[i].at, a));
        fputc('\n', out);
    }
    const Finding *cause = model_cause(m, f);
    if (cause)
        yaml_field(out, "same_as", place(cause->loc, a));
    yaml_field(out, "source", f->source);
    fputs("  ...\n", out);
}

void write_tap_file(FILE *out, const Model *m, int *next)
{
    const char *path = m->path;
    fputs("# ", out);
    render_tap(out, path);
    fprintf(out, "\nok %d - ", (*next)++);
    render_tap(out, path);
    fputs(": ", out);
    put_agreeing(out, m, render_tap);
    fputc('\n', out);
    if (m->summary.ledger_checks) {
        fprintf(out, "ok %d - ", (*next)++);
        render_tap(out, path);
        fputs(": ", out);
        put_ledger_passing(out, m, render_tap);
        fputc('\n', out);
    }
    const Finding *f;
    for (int at = 0; (f = figure_finding(m, &at));) {
        fprintf(out, "not ok %d - %s: ", (*next)++, f->tag);
        render_tap(out, f->message);
        if (f->review)
            tap_reviewed(out, f, render_tap);
        fputc('\n', out);
        tap_explain(out, m, f);
    }
    for (int i = 0; i < m->nruns; i++) {
        const CheckRun *r = m->runs[i];
        bool warning = !r->passed && r->check->severity == SEV_WARNING;
        fprintf(out, "%s %d - ", r->passed ? "ok" : "not ok", (*next)++);
        put_run_name(out, r, render_tap);
        fputc(' ', out);
        render_tap(out, r->check->title);
        if (!r->passed && r->explained->review)
            tap_reviewed(out, r->explained, render_tap);
        else if (warning)
            fputs(" # TODO warning", out);
        fputc('\n', out);
        if (!r->passed)
            tap_explain(out, m, r->explained);
    }
    tap_not_run(out, m, next);
}

static void tap_not_run(FILE *out, const Model *m, int *next)
{
    for (int i = 0; i < m->nnot_run; i++) {
        const NotRun *n = m->not_run[i].not_run;
        fprintf(out, "ok %d - ", (*next)++);
        put_not_run_name(out, n, render_tap);
        fputs(" # SKIP ", out);
        render_tap(out, n->reason);
        fputc('\n', out);
    }
}

void write_junit(FILE *out, const Model *models, int n, const ModelSummary *total)
{
    int tests = 0;
    for (int i = 0; i < n; i++)
        tests += tap_count(&models[i]);
    write_junit_begin(out, tests, total->failed);
    for (int i = 0; i < n; i++)
        write_junit_file(out, &models[i]);
    write_junit_end(out);
}

void write_tap(FILE *out, const Model *models, int n, const ModelSummary *total)
{
    (void)total;
    int tests = 0, next = 1;
    for (int i = 0; i < n; i++)
        tests += tap_count(&models[i]);
    write_tap_plan(out, tests);
    for (int i = 0; i < n; i++)
        write_tap_file(out, &models[i], &next);
}
