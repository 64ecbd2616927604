#include "write_report.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "value.h"
#include "write_rules.h"
#include "write_text.h"

/* The width of UTF-8 text in characters. */
static int width(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void pad(FILE *out, int n)
{
    for (; n > 0; n--)
        fputc(' ', out);
}

const char *report_cell(const Table *t, const Row *r, int column, const Results *res,
                        bool *computed_only, char *buf)
{
    const Cell *c = &r->cells[column];
    const CellResult *cr = res->cells && res->cells[t->id]
                               ? &res->cells[t->id][r->index * t->ncolumns + column] : NULL;
    *computed_only = false;
    buf[0] = '\0';
    if (c->type == CELL_TEXT) {
        /* the text without its quotes */
        size_t n = c->len >= 2 ? c->len - 2u : 0;
        if (n >= REPORT_CELL_MAX)
            n = REPORT_CELL_MAX - 1;
        memcpy(buf, t->src->text + c->start + 1, n);
        buf[n] = '\0';
        return buf;
    }
    if (c->type == CELL_DASH)
        return strcpy(buf, "-");
    char figure[VALUE_FMT_MAX];
    if (c->type == CELL_FIGURE) {
        Value v;
        value_of_cell(c, t->unit, (Kind)r->kind, &v);
        value_format_figure(&v, NULL, figure);
    } else if (cr && cr->computed.kind != K_UNKNOWN && !cr->computed.absent) {
        /* computed, not printed: shown in brackets */
        Value like = {0};
        for (int i = 0; i < r->ncells; i++)
            if (r->cells[i].type == CELL_FIGURE)
                value_of_cell(&r->cells[i], t->unit, (Kind)r->kind, &like);
        Value v = cr->computed;
        v.unit = (uint8_t)(v.kind == K_MONEY ? t->unit : v.unit);
        value_format_figure(&v, like.printed ? &like : NULL, figure);
        *computed_only = true;
        snprintf(buf, REPORT_CELL_MAX, "(%s)", figure);
        return buf;
    } else {
        return buf;
    }
    snprintf(buf, REPORT_CELL_MAX, "%s", figure);
    return buf;
}

/* The finding about this cell, if its stated figure was found wrong. */
static const Finding *cell_finding(const Table *t, const Row *r, int column,
                                   const Results *res)
{
    const Cell *c = &r->cells[column];
    for (int i = 0; i < res->failed.len; i++) {
        const Finding *f = res->failed.items[i];
        if (f->type != FIND_CHECK && f->type != FIND_ALLOC && f->loc.src == t->src &&
            f->loc.start == c->start)
            return f;
    }
    return NULL;
}

static const char *column_title(const Column *c, char *buf)
{
    if (c->label)
        return c->label;
    if (c->key.name)
        return c->key.name;
    snprintf(buf, 16, "%d", c->key.year);
    return buf;
}

static const char *unit_title(const Table *t)
{
    switch (t->unit) {
    case U_TKR: return "tkr";
    case U_PERCENT: return "%";
    /* TRANSLATORS: the unit of a table of counts, after its title: "Deltagare
     * (count)". */
    case U_COUNT: return _("count");
    default: return "kr";
    }
}

static int section_depth(const Section *s)
{
    int d = 0;
    for (; s; s = s->parent)
        d++;
    return d;
}

static bool any_note(const Table *t)
{
    for (int i = 0; i < t->nrows; i++)
        if (t->rows[i]->note)
            return true;
    return false;
}

/* Sections that start at row i, outermost first. */
static void section_heads(const Table *t, int i, const Section **heads, int *n)
{
    *n = 0;
    for (int s = 0; s < t->sections.len; s++) {
        const Section *sec = t->sections.items[s];
        if (sec->first_row == i && sec->end_row > i && *n < 8)
            heads[(*n)++] = sec;
    }
}

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

static void text_table(FILE *out, const Table *t, const Results *res, int *marks)
{
    char buf[REPORT_CELL_MAX], title[16];
    bool notes = any_note(t);
    /* TRANSLATORS: the heading of the column of note numbers in a table. */
    const char *note_head = _("Note");
    int label_w = 0, note_w = notes ? (width(note_head) > 3 ? width(note_head) : 3) : 0;
    int *col_w = mem_alloc(sizeof(int) * (size_t)(t->ncolumns + 1));
    for (int c = 0; c < t->ncolumns; c++)
        col_w[c] = width(column_title(t->columns[c], title));
    for (int i = 0; i < t->nrows; i++) {
        const Row *r = t->rows[i];
        int w = width(r->label ? r->label : r->name) + 2 * section_depth(r->section);
        label_w = w > label_w ? w : label_w;
        for (int c = 0; c < t->ncolumns; c++) {
            bool computed;
            int cw = width(report_cell(t, r, c, res, &computed, buf)) + 2;
            col_w[c] = cw > col_w[c] ? cw : col_w[c];
        }
    }
    for (int s = 0; s < t->sections.len; s++) {
        const Section *sec = t->sections.items[s];
        int w = width(sec->label ? sec->label : sec->name ? sec->name : "") +
                2 * (section_depth(sec) - 1);
        label_w = w > label_w ? w : label_w;
    }
    const char *title_text = t->title ? t->title : t->name;
    if (strstr(title_text, unit_title(t)))
        fprintf(out, "%s\n", title_text);
    else
        fprintf(out, "%s (%s)\n", title_text, unit_title(t));
    pad(out, label_w);
    if (notes) {
        pad(out, 2 + note_w - width(note_head));
        fputs(note_head, out);
    }
    for (int c = 0; c < t->ncolumns; c++) {
        const char *h = column_title(t->columns[c], title);
        pad(out, 2 + col_w[c] - width(h));
        fputs(h, out);
    }
    fputc('\n', out);
    const Finding **footnotes = mem_alloc(sizeof(Finding *) * (size_t)(t->nrows * t->ncolumns + 1));
    int nfoot = 0;
    for (int i = 0; i < t->nrows; i++) {
        const Row *r = t->rows[i];
        const Section *heads[8];
        int nheads;
        section_heads(t, i, heads, &nheads);
        for (int h = nheads - 1; h >= 0; h--) {
            const char *l = heads[h]->label ? heads[h]->label : heads[h]->name;
            pad(out, 2 * (section_depth(heads[h]) - 1));
            fprintf(out, "%s\n", l ? l : "");
        }
        const char *label = r->label ? r->label : r->name;
        int indent = 2 * section_depth(r->section);
        pad(out, indent);
        fputs(label, out);
        pad(out, label_w - indent - width(label));
        if (notes) {
            if (r->note)
                fprintf(out, "  %*d", note_w, r->note);
            else
                pad(out, 2 + note_w);
        }
        for (int c = 0; c < t->ncolumns; c++) {
            bool computed;
            const char *cell = report_cell(t, r, c, res, &computed, buf);
            const Finding *f = cell_finding(t, r, c, res);
            pad(out, 2 + col_w[c] - width(cell) - (f ? 0 : 0));
            fputs(cell, out);
            if (f) {
                footnotes[nfoot++] = f;
                fprintf(out, " *%d", ++*marks);
            }
        }
        fputc('\n', out);
    }
    for (int k = 0; k < nfoot; k++) {
        const Finding *f = footnotes[k];
        char s[VALUE_FMT_MAX], c[VALUE_FMT_MAX];
        fprintf(out, "  *%d ", *marks - nfoot + k + 1);
        fprintf(out, footnote_format(f), f->message, value_format(&f->stated, s),
                value_format(&f->computed, c));
        fputc('\n', out);
    }
    mem_free(footnotes);
    mem_free(col_w);
    fputc('\n', out);
}

/* Markdown: a cell's text with '|' escaped. */
static void md_text(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '|' || *s == '\\' || *s == '*' || *s == '_')
            fputc('\\', out);
        fputc(*s, out);
    }
}

static void md_table(FILE *out, const Table *t, const Results *res, int *marks)
{
    char buf[REPORT_CELL_MAX], title[16];
    bool notes = any_note(t);
    fputs("### ", out);
    md_text(out, t->title ? t->title : t->name);
    fprintf(out, " (%s)\n\n|  |", unit_title(t));
    if (notes) {
        fputc(' ', out);
        md_text(out, _("Note"));
        fputs(" |", out);
    }
    for (int c = 0; c < t->ncolumns; c++) {
        fputc(' ', out);
        md_text(out, column_title(t->columns[c], title));
        fputs(" |", out);
    }
    fputs("\n|---|", out);
    if (notes)
        fputs("---:|", out);
    for (int c = 0; c < t->ncolumns; c++)
        fputs("---:|", out);
    fputc('\n', out);
    const Finding **footnotes = mem_alloc(sizeof(Finding *) * (size_t)(t->nrows * t->ncolumns + 1));
    int nfoot = 0;
    for (int i = 0; i < t->nrows; i++) {
        const Row *r = t->rows[i];
        const Section *heads[8];
        int nheads;
        section_heads(t, i, heads, &nheads);
        for (int h = nheads - 1; h >= 0; h--) {
            const char *l = heads[h]->label ? heads[h]->label : heads[h]->name;
            fputs("| **", out);
            md_text(out, l ? l : "");
            fputs("** |", out);
            for (int c = 0; c < t->ncolumns + notes; c++)
                fputs(" |", out);
            fputc('\n', out);
        }
        fputs("| ", out);
        for (int d = 0; d < section_depth(r->section); d++)
            fputs("&nbsp;&nbsp;", out);
        md_text(out, r->label ? r->label : r->name);
        fputs(" |", out);
        if (notes) {
            if (r->note)
                fprintf(out, " %d |", r->note);
            else
                fputs(" |", out);
        }
        for (int c = 0; c < t->ncolumns; c++) {
            bool computed;
            const char *cell = report_cell(t, r, c, res, &computed, buf);
            const Finding *f = cell_finding(t, r, c, res);
            fputc(' ', out);
            if (f)
                fputs("**", out);
            md_text(out, cell);
            if (f) {
                footnotes[nfoot++] = f;
                fprintf(out, "** ⚠%d", ++*marks);
            }
            fputs(" |", out);
        }
        fputc('\n', out);
    }
    if (nfoot)
        fputc('\n', out);
    for (int k = 0; k < nfoot; k++) {
        const Finding *f = footnotes[k];
        char s[VALUE_FMT_MAX], c[VALUE_FMT_MAX];
        /* the message as md_text writes it, in the translated sentence */
        char *message = NULL;
        size_t n = 0;
        FILE *m = open_memstream(&message, &n);
        if (m) {
            md_text(m, f->message);
            fclose(m);
        }
        fprintf(out, "- ⚠%d ", *marks - nfoot + k + 1);
        fprintf(out, footnote_format(f), message ? message : "", value_format(&f->stated, s),
                value_format(&f->computed, c));
        fputc('\n', out);
        free(message);
    }
    mem_free(footnotes);
    fputc('\n', out);
}

/* The runs of one check, from the detailed results. */
static void check_outcome(const Check *c, const Results *res, int *runs, int *failed)
{
    *runs = *failed = 0;
    for (int i = 0; i < res->runs.len; i++) {
        const CheckRun *r = res->runs.items[i];
        if (r->check != c)
            continue;
        (*runs)++;
        *failed += !r->passed;
    }
}

static const char *outcome_word(const Check *c, int runs, int failed)
{
    /* TRANSLATORS: the outcome of a check in the report's list of checks: "not run",
     * "passed", "FAILED" (an error) or "WARNING"; the last two in capitals. */
    if (runs == 0)
        return _("not run");
    if (failed == 0)
        return _("passed");
    return c->severity == SEV_ERROR ? _("FAILED") : _("WARNING");
}

/* The width of the outcome column: the longest outcome word, at least 8. */
static int outcome_width(void)
{
    const char *words[] = {_("not run"), _("passed"), _("FAILED"), _("WARNING")};
    int w = 8;
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        w = width(words[i]) > w ? width(words[i]) : w;
    return w;
}

static void run_details(FILE *out, const Check *c, const Results *res, bool markdown)
{
    for (int i = 0; i < res->runs.len; i++) {
        const CheckRun *r = res->runs.items[i];
        if (r->check != c || r->passed)
            continue;
        const Finding *f = r->explained;
        char a[VALUE_FMT_MAX], b[VALUE_FMT_MAX];
        fputs(markdown ? "  - " : "        ", out);
        if (f->where)
            fprintf(out, "%s: ", f->where);
        if (f->noperands >= 2) {
            fprintf(out, _("%s is %s"), f->operands[0].text,
                    value_format(&f->operands[0].value, a));
            fputs(", ", out);
            fprintf(out, _("%s is %s"), f->operands[1].text,
                    value_format(&f->operands[1].value, b));
        }
        fputc('\n', out);
    }
}

void write_report(FILE *out, Program *prog, const Results *res, const char *path,
                  ReportStyle style)
{
    bool md = style == REPORT_MARKDOWN;
    const Report *rep = prog->report;
    if (md) {
        fputs("# ", out);
        md_text(out, rep->title ? rep->title : path);
        fputs("\n\n", out);
        write_summary(out, path, res);
        fprintf(out, "\n## %s\n\n", _("Tables"));
    } else {
        fprintf(out, "%s\n", rep->title ? rep->title : path);
        write_summary(out, path, res);
        fputc('\n', out);
    }
    int marks = 0;
    for (int i = 0; i < prog->tables.len; i++) {
        if (md)
            md_table(out, prog->tables.items[i], res, &marks);
        else
            text_table(out, prog->tables.items[i], res, &marks);
    }
    /* TRANSLATORS: the heading of the list of every check and its outcome. */
    /* the values in force, and where each came from: the rule set or the federation */
    if (md) {
        fputs("```", out);
        write_parameters(out, prog);
        fputs("```\n\n", out);
    } else {
        write_parameters(out, prog);
        fputc('\n', out);
    }
    fprintf(out, md ? "## %s\n\n" : "%s\n", _("Checks"));
    int word_w = outcome_width();
    for (int i = 0; i < prog->checks.len; i++) {
        const Check *c = prog->checks.items[i];
        int runs, failed;
        check_outcome(c, res, &runs, &failed);
        const char *word = outcome_word(c, runs, failed);
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
            pad(out, word_w - width(word));
            fprintf(out, " %-28s %s\n", c->name, c->title ? c->title : "");
            if (c->source) {
                pad(out, 2 + word_w + 1);
                fprintf(out, _("source: %s\n"), c->source);
            }
        }
        if (failed) {
            run_details(out, c, res, md);
            if (c->message)
                fprintf(out, md ? "  - %s\n" : "        %s\n", c->message);
        }
    }
}

/* CSV for a spreadsheet: fields separated by ';', figures without thousands
 * separators and with a decimal comma, as Swedish spreadsheets read them. */
static void csv_field(FILE *out, const char *s)
{
    if (!strpbrk(s, ";\"\n\r")) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

void write_csv_table(FILE *out, const Table *t, const Results *res)
{
    char buf[REPORT_CELL_MAX], title[16];
    fputs("rad;text;avsnitt", out);
    for (int c = 0; c < t->ncolumns; c++) {
        fputc(';', out);
        csv_field(out, t->columns[c]->key.name ? t->columns[c]->key.name
                                               : column_title(t->columns[c], title));
    }
    fputc('\n', out);
    for (int i = 0; i < t->nrows; i++) {
        const Row *r = t->rows[i];
        csv_field(out, r->name);
        fputc(';', out);
        csv_field(out, r->label ? r->label : "");
        fputc(';', out);
        const Section *s = r->section;
        csv_field(out, s ? (s->label ? s->label : s->name ? s->name : "") : "");
        for (int c = 0; c < t->ncolumns; c++) {
            bool computed;
            const char *cell = report_cell(t, r, c, res, &computed, buf);
            /* a figure without spaces, brackets or the sign U+2212 */
            char plain[REPORT_CELL_MAX];
            size_t k = 0;
            for (const char *p = cell; *p && k + 1 < sizeof plain; p++) {
                if (*p == ' ' || *p == '(' || *p == ')' || *p == '%')
                    continue;
                if (strncmp(p, "\xE2\x88\x92", 3) == 0) {
                    plain[k++] = '-';
                    p += 2;
                    continue;
                }
                plain[k++] = *p;
            }
            plain[k] = '\0';
            fputc(';', out);
            csv_field(out, r->cells[c].type == CELL_TEXT ? cell : plain);
        }
        fputc('\n', out);
    }
}
