#include "write_report.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "render.h"
#include "review.h"
#include "value.h"

/* Writes text as the style shows it: md_text for Markdown, render_plain for text. */
typedef void (*Put)(FILE *, const char *);

/* A footnote under a table: the finding's message, the figure stated and what it
 * should be. */
static const char *footnote_format(const Finding *f)
{
    if (f->type == FIND_NOTE)
        /* TRANSLATORS: a footnote under a table: the finding, the figure the report
         * states, and the total of the note the cell refers to. */
        return _("%s: stated %s, the note says %s");
    if (f->type == FIND_PREVIOUS)
        /* TRANSLATORS: a footnote under a table: the finding, the figure the report
         * states, and the figure last year's report printed. */
        return _("%s: stated %s, that year's report says %s");
    /* TRANSLATORS: a footnote under a table: the finding, the figure the report
     * states, and the figure finsam computed. */
    return _("%s: stated %s, computed %s");
}

/* After a finding an auditor decided on: " (reviewed: accepted by A on 2026-03-10:
 * the reason)", written by put. A reviewed finding fails nothing: this says why. */
static void put_reviewed(FILE *out, const Finding *f, void (*put)(FILE *, const char *))
{
    if (!f->review)
        return;
    fputs(" (", out);
    render_reviewed(out, f, put);
    fputc(')', out);
}

/* The footnotes under a block: each mark, then the message as put() writes it (plain,
 * or escaped for Markdown), in the sentence. */
static void footnotes_of(FILE *out, const ModelBlock *b, const char *mark,
                         void (*put)(FILE *, const char *))
{
    for (int k = 0; k < b->nfootnotes; k++) {
        const Finding *f = b->footnotes[k].finding;
        char s[VALUE_FMT_MAX], c[VALUE_FMT_MAX];
        char *message = render_written(put, f->message);
        fprintf(out, "%s%d ", mark, b->footnotes[k].mark);
        fprintf(out, footnote_format(f), message ? message : "", value_format(&f->stated, s),
                value_format(&f->computed, c));
        put_reviewed(out, f, put);
        fputc('\n', out);
        mem_free(message);
    }
}

/* A cell as the text and Markdown reports print it: a figure computed where the
 * report prints none after "= ", not in brackets, which accountants read as a negative
 * figure. buf holds VALUE_FMT_MAX + 2 bytes. */
static const char *cell_text(const ModelCell *c, char *buf)
{
    if (!(c->flags & CELL_IS_COMPUTED))
        return c->text;
    snprintf(buf, VALUE_FMT_MAX + 2, "= %s", c->text);
    return buf;
}

/* A cell's marks: " *3", or " *3 *4" where more than one finding is about it. */
static int marks_width(const ModelBlock *b, const ModelCell *c)
{
    int w = 0;
    for (int k = 0; k < c->nfoot; k++) {
        char m[24];
        w += snprintf(m, sizeof m, " *%d", b->footnotes[c->foot + k].mark);
    }
    return w;
}

/* The heading of a table or allocation: its title and, unless the title says it, its
 * unit. */
static void text_title(FILE *out, const ModelBlock *b)
{
    const char *unit = model_unit_title(b->unit);
    render_plain(out, b->title);
    if (b->alloc || !strstr(b->title, unit))
        fprintf(out, " (%s)", unit);
    fputc('\n', out);
}

/* A table or allocation laid out in columns: the labels indented by depth, the figures
 * right-aligned, a finding's mark after its figure in a space of its own, so that the
 * next column stays in line. */
static void text_block(FILE *out, const ModelBlock *b)
{
    char buf[VALUE_FMT_MAX + 2];
    /* TRANSLATORS: the heading of the column of note numbers in a table. */
    const char *note_head = _("Note");
    int label_w = 0, note_w = b->notes ? (render_width(note_head) > 3 ? render_width(note_head) : 3)
                                       : 0;
    int *col_w = mem_alloc(sizeof(int) * 2 * (size_t)(b->ncolumns + 1));
    int *mark_w = col_w + b->ncolumns + 1;
    for (int c = 0; c < b->ncolumns; c++)
        col_w[c] = render_width(b->columns[c].title);
    for (int i = 0; i < b->nlines; i++) {
        const ModelLine *l = &b->lines[i];
        int w = render_width(l->label) + 2 * l->depth;
        label_w = w > label_w ? w : label_w;
        for (int c = 0; l->cells && c < b->ncolumns; c++) {
            int cw = render_width(cell_text(&l->cells[c], buf)) + 2;
            int mw = marks_width(b, &l->cells[c]);
            col_w[c] = cw > col_w[c] ? cw : col_w[c];
            mark_w[c] = mw > mark_w[c] ? mw : mark_w[c];
        }
    }
    text_title(out, b);
    render_pad(out, label_w);
    if (b->notes) {
        render_pad(out, 2 + note_w - render_width(note_head));
        fputs(note_head, out);
    }
    for (int c = 0; c < b->ncolumns; c++) {
        const char *h = b->columns[c].title;
        render_pad(out, 2 + col_w[c] - render_width(h) + (c ? mark_w[c - 1] : 0));
        render_field(out, h);
    }
    fputc('\n', out);
    for (int i = 0; i < b->nlines; i++) {
        const ModelLine *l = &b->lines[i];
        render_pad(out, 2 * l->depth);
        render_field(out, l->label);
        if (l->type == LINE_HEADING) {
            fputc('\n', out);
            continue;
        }
        render_pad(out, label_w - 2 * l->depth - render_width(l->label));
        if (b->notes) {
            if (l->note)
                fprintf(out, "  %*d", note_w, l->note);
            else
                render_pad(out, 2 + note_w);
        }
        int owed = 0; /* the space the marks of the column before did not take */
        for (int c = 0; c < b->ncolumns; c++) {
            const ModelCell *cell = &l->cells[c];
            const char *text = cell_text(cell, buf);
            render_pad(out, owed + 2 + col_w[c] - render_width(text));
            render_field(out, text);
            for (int k = 0; k < cell->nfoot; k++)
                fprintf(out, " *%d", b->footnotes[cell->foot + k].mark);
            owed = mark_w[c] - marks_width(b, cell);
        }
        fputc('\n', out);
    }
    footnotes_of(out, b, "  *", render_plain);
    mem_free(col_w);
    fputc('\n', out);
}

/* Markdown: text from a rule file with everything Markdown would act on escaped: the
 * HTML it lets through (& < >, as references), and | \ * _ ` [ ] ~ with a backslash,
 * so that a label is neither markup, a link, a code span nor the end of a table's
 * cell. Control characters are shown as '?', a tab as a space. */
static void md_text(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; s && *p; p++) {
        switch (*p) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '|': case '\\': case '*': case '_': case '`': case '[': case ']': case '~':
            fputc('\\', out);
            fputc(*p, out);
            break;
        case '\t':
            fputc(' ', out);
            break;
        default: {
            size_t n = diag_control_len((const char *)p);
            fputc(n ? '?' : *p, out);
            p += n ? n - 1 : 0;
        }
        }
    }
}

static void md_block(FILE *out, const ModelBlock *b)
{
    char buf[VALUE_FMT_MAX + 2];
    fputs("### ", out);
    md_text(out, b->title);
    fprintf(out, " (%s)\n\n|  |", model_unit_title(b->unit));
    if (b->notes) {
        fputc(' ', out);
        md_text(out, _("Note"));
        fputs(" |", out);
    }
    for (int c = 0; c < b->ncolumns; c++) {
        fputc(' ', out);
        md_text(out, b->columns[c].title);
        fputs(" |", out);
    }
    fputs("\n|---|", out);
    for (int c = 0; c < b->ncolumns + b->notes; c++)
        fputs("---:|", out);
    fputc('\n', out);
    for (int i = 0; i < b->nlines; i++) {
        const ModelLine *l = &b->lines[i];
        if (l->type == LINE_HEADING) {
            fputs("| ", out);
            for (int d = 0; d < l->depth; d++)
                fputs("&nbsp;&nbsp;", out);
            fputs("**", out);
            md_text(out, l->label);
            fputs("** |", out);
            for (int c = 0; c < b->ncolumns + b->notes; c++)
                fputs(" |", out);
            fputc('\n', out);
            continue;
        }
        /* an allocation's groups and total in bold, as a table's headings are */
        bool strong = l->type == LINE_GROUP || l->type == LINE_TOTAL;
        fputs("| ", out);
        for (int d = 0; d < l->depth; d++)
            fputs("&nbsp;&nbsp;", out);
        if (strong)
            fputs("**", out);
        md_text(out, l->label);
        fputs(strong ? "** |" : " |", out);
        if (b->notes) {
            if (l->note)
                fprintf(out, " %d |", l->note);
            else
                fputs(" |", out);
        }
        for (int c = 0; c < b->ncolumns; c++) {
            const ModelCell *cell = &l->cells[c];
            fputc(' ', out);
            if (cell->nfoot)
                fputs("**", out);
            /* computed, not printed: in italics as well */
            if (cell->flags & CELL_IS_COMPUTED)
                fputc('*', out);
            md_text(out, cell_text(cell, buf));
            if (cell->flags & CELL_IS_COMPUTED)
                fputc('*', out);
            if (cell->nfoot)
                fputs("**", out);
            for (int k = 0; k < cell->nfoot; k++)
                fprintf(out, " ⚠%d", b->footnotes[cell->foot + k].mark);
            fputs(" |", out);
        }
        fputc('\n', out);
    }
    if (b->nfootnotes)
        fputc('\n', out);
    footnotes_of(out, b, "- ⚠", md_text);
    fputc('\n', out);
}

/* ---- checks ---------------------------------------------------------------------- */

static const char *outcome_word(const ModelCheck *c)
{
    /* TRANSLATORS: the outcome of a check in the report's list of checks: "not run",
     * "passed", "FAILED" (an error) or "WARNING"; the last two in capitals. */
    if (c->outcome == OUTCOME_NOT_RUN)
        return _("not run");
    if (c->outcome == OUTCOME_NOT_IN_FORCE)
        /* TRANSLATORS: the outcome of a check dated with from/until that applies to
         * none of the report's years. */
        return _("not in force");
    if (c->outcome == OUTCOME_PASSED)
        return _("passed");
    /* every failed run decided on by an auditor: the decision, never FAILED */
    bool reviewed = c->failed > 0, accepted = true;
    for (int i = 0; i < c->failed; i++) {
        const Finding *f = c->failures[i]->explained;
        reviewed = reviewed && f && f->review;
        accepted = accepted && f && f->review && f->review->decision == REVIEW_ACCEPTED;
    }
    if (reviewed)
        return review_decision_text(accepted ? REVIEW_ACCEPTED : REVIEW_TO_CORRECT);
    return c->check->severity == SEV_ERROR ? _("FAILED") : _("WARNING");
}

/* The width of the outcome column: the longest outcome word, at least 8 ("not in
 * force" only where a check is). */
static int outcome_width(const Model *m)
{
    const char *words[] = {_("not run"), _("passed"), _("FAILED"), _("WARNING")};
    int w = 8;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        w = render_width(words[i]) > w ? render_width(words[i]) : w;
    for (int i = 0; i < m->nchecks; i++) /* "not in force", an auditor's decision */
        w = render_width(outcome_word(&m->checks[i])) > w
            ? render_width(outcome_word(&m->checks[i])) : w;
    return w;
}

/* "a is 5 kr", the operand's text written by put. */
static void operand_is(FILE *out, void (*put)(FILE *, const char *), const Operand *o)
{
    char v[VALUE_FMT_MAX];
    char *text = render_written(put, o->text);
    fprintf(out, _("%s is %s"), text ? text : "", value_format(&o->value, v));
    mem_free(text);
}

static char *place_text(void (*put)(FILE *, const char *), Loc at);

/* " (2025.fin:290:60)": where in another file the figure of operand i is, when the
 * check reads one there (a rule reading the year file: finding_points_at). */
static void figure_place(FILE *out, void (*put)(FILE *, const char *), const Finding *f, int i)
{
    if (!finding_points_at(f, i))
        return;
    char *place = place_text(put, f->operands[i].at);
    fprintf(out, " (%s)", place ? place : "");
    mem_free(place);
}

/* The further alternatives of a run that failed with `or`, each false: "; or
 * balance.result[2025] > 0: balance.result[2025] is -104 286 kr, 0 is 0 kr". */
static void alternatives(FILE *out, void (*put)(FILE *, const char *), const Finding *f)
{
    for (int k = 1; k < f->nalternatives; k++) {
        const Alternative *alt = &f->alternatives[k];
        char *cmp = render_written(put, alt->text);
        fputs("; ", out);
        if (!alt->compared) {
            fprintf(out, _("or %s: false"), cmp ? cmp : "");
        } else {
            /* TRANSLATORS: another alternative of a failed 'or', before its two sides */
            fprintf(out, _("or %s:"), cmp ? cmp : "");
            fputc(' ', out);
            operand_is(out, put, &alt->sides[0]);
            fputs(", ", out);
            operand_is(out, put, &alt->sides[1]);
        }
        mem_free(cmp);
    }
}

static void run_details(FILE *out, const ModelCheck *c, bool markdown)
{
    void (*put)(FILE *, const char *) = markdown ? md_text : render_plain;
    for (int i = 0; i < c->failed; i++) {
        const Finding *f = c->failures[i]->explained;
        fputs(markdown ? "  - " : "        ", out);
        if (f->where) {
            put(out, f->where);
            fputs(": ", out);
        }
        if (f->noperands >= 2) {
            operand_is(out, put, &f->operands[0]);
            figure_place(out, put, f, 0);
            fputs(", ", out);
            operand_is(out, put, &f->operands[1]);
            figure_place(out, put, f, 1);
        }
        alternatives(out, put, f);
        put_reviewed(out, f, put);
        fputc('\n', out);
    }
}

static void write_checks(FILE *out, const Model *m, bool md)
{
    /* TRANSLATORS: the heading of the list of every check and its outcome. */
    fprintf(out, md ? "## %s\n\n" : "%s\n", _("Checks"));
    int word_w = outcome_width(m);
    for (int i = 0; i < m->nchecks; i++) {
        const ModelCheck *mc = &m->checks[i];
        const Check *c = mc->check;
        const char *word = outcome_word(mc);
        if (md) {
            fprintf(out, "- **%s** `%s` ", word, c->name);
            md_text(out, c->title ? c->title : c->name);
            if (c->source) {
                fputs(" (", out);
                md_text(out, c->source);
                fputc(')', out);
            }
            fputc('\n', out);
        } else {
            fputs("  ", out);
            fputs(word, out);
            render_pad(out, word_w - render_width(word));
            fprintf(out, " %-28s ", c->name);
            render_plain(out, c->title ? c->title : "");
            fputc('\n', out);
            if (c->source) {
                render_pad(out, 2 + word_w + 1);
                char *source = render_written(render_plain, c->source);
                fprintf(out, _("source: %s\n"), source ? source : "");
                mem_free(source);
            }
        }
        if (mc->failed) {
            run_details(out, mc, md);
            if (c->message) {
                fputs(md ? "  - " : "        ", out);
                if (md)
                    md_text(out, c->message);
                else
                    render_plain(out, c->message);
                fputc('\n', out);
            }
        }
    }
}

/* "2025.fin:347:5", the path as put() writes it; mem_free() it. */
static char *place_text(void (*put)(FILE *, const char *), Loc at)
{
    int line, col;
    source_line_col(at.src, at.start, &line, &col);
    MemText t;
    FILE *m = mem_text_open(&t);
    put(m, at.src->path);
    fprintf(m, ":%d:%d", line, col);
    return mem_text_close(&t);
}

/* A list after the checks: its heading, then an item each, written by item with put,
 * which writes text in the style; nothing when there are none. */
static void item_list(FILE *out, const Model *m, bool md, const char *title, int n,
                      void (*item)(FILE *, const Model *, int, bool, Put))
{
    if (!n)
        return;
    fprintf(out, md ? "\n## %s\n\n" : "\n%s\n", title);
    for (int i = 0; i < n; i++)
        item(out, m, i, md, md ? md_text : render_plain);
}

/* What did not run, and why, as check --verbose lists it: each check run, stated
 * figure and note that could not be checked, with its reason and places. */
static void not_run_item(FILE *out, const Model *m, int i, bool md, Put put)
{
    const NotRun *n = m->not_run[i].not_run;
    if (md) {
        fprintf(out, "- `%s` ", n->tag);
    } else {
        fputs("  ", out);
        render_column(out, n->tag, 28);
        fputc(' ', out);
    }
    put(out, n->message);
    if (n->where) {
        fputs(", ", out);
        put(out, n->where);
    }
    fputs(md ? ": " : "\n        ", out);
    char *reason = render_written(put, n->reason);
    fprintf(out, _("because %s"), reason ? reason : "");
    mem_free(reason);
    fputs(md ? " (" : "\n        ", out);
    char *at = place_text(put, n->loc);
    fputs(at ? at : "", out);
    mem_free(at);
    if (n->reason_at.src) {
        fputs("; ", out);
        at = place_text(put, n->reason_at);
        fprintf(out, _("see %s"), at ? at : "");
        mem_free(at);
    }
    fputs(md ? ")\n" : "\n", out);
}

/* Each mapped row's figure in the ledger, and the accounts behind it (ledger.c): the
 * bookkeeping beside what the report prints. */
static void ledger_item(FILE *out, const Model *m, int i, bool md, Put put)
{
    const LedgerFigure *f = m->ledger[i];
    char figure[VALUE_FMT_MAX];
    value_format(&f->figure, figure);
    const char *outcome = render_ledger_outcome(f);
    fputs(md ? "- " : "  ", out);
    put(out, f->table->name);
    fputc('.', out);
    put(out, f->row->name);
    fprintf(out, ", %d: %s, %s\n", f->column->key.year, figure, outcome);
    for (int k = 0; k < f->nparts; k++) {
        char amount[VALUE_FMT_MAX];
        fputs(md ? "  - " : "      ", out);
        render_ledger_account(out, &f->parts[k], put);
        fprintf(out, " %s\n", render_ledger_amount(&f->parts[k], amount));
    }
}

void write_report(FILE *out, const Model *m, ReportStyle style)
{
    bool md = style == REPORT_MARKDOWN;
    if (md) {
        fputs("# ", out);
        md_text(out, m->title);
        fputs("\n\n", out);
        /* the summary line, with the path as Markdown shows it */
        char *shown = render_written(md_text, m->path);
        render_summary(out, shown ? shown : m->path, &m->summary);
        mem_free(shown);
        fprintf(out, "\n## %s\n\n", _("Tables"));
    } else {
        render_plain(out, m->title);
        fputc('\n', out);
        render_summary(out, m->path, &m->summary);
        fputc('\n', out);
    }
    for (int i = 0; i < m->nblocks; i++) {
        if (m->blocks[i].alloc && !m->blocks[i].nlines)
            continue; /* not checked: nothing to show */
        if (md)
            md_block(out, &m->blocks[i]);
        else
            text_block(out, &m->blocks[i]);
    }
    /* the values in force, and where each came from: the rule set or the federation */
    if (md) {
        fputs("```", out);
        render_parameters(out, m);
        fputs("```\n\n", out);
    } else {
        render_parameters(out, m);
        fputc('\n', out);
    }
    write_checks(out, m, md);
    /* TRANSLATORS: the heading of the report's list of the checks and figures that
     * could not be checked, each with its reason. */
    item_list(out, m, md, _("Not run"), m->nnot_run, not_run_item);
    /* TRANSLATORS: the heading of the report's list of the rows mapped to accounts of
     * the ledger (the SIE file), each with its figure there and the accounts behind it. */
    item_list(out, m, md, _("The ledger"), m->nledger, ledger_item);
}
