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
    case U_MKR: return "mkr";
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

/* Text from a rule file in a line of the text report: control characters as '?'. */
static void put_plain(FILE *out, const char *s)
{
    diag_put_text(out, s, false);
}

/* The same in an aligned table, where a tab would break the columns. */
static void put_field(FILE *out, const char *s)
{
    diag_put_text(out, s, true);
}

/* s as put() writes it, in a buffer of its own to put into a translated sentence;
 * free() it. */
static char *written_by(void (*put)(FILE *, const char *), const char *s)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *m = open_memstream(&buf, &n);
    if (!m)
        return NULL;
    put(m, s ? s : "");
    if (fclose(m) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* The footnotes under a table or an allocation, numbered from first: each mark, then
 * the message as put() writes it (plain, or escaped for Markdown), in the sentence. */
static void footnotes_of(FILE *out, const Finding **footnotes, int n, int first,
                         const char *mark, void (*put)(FILE *, const char *))
{
    for (int k = 0; k < n; k++) {
        const Finding *f = footnotes[k];
        char s[VALUE_FMT_MAX], c[VALUE_FMT_MAX];
        char *message = written_by(put, f->message);
        fprintf(out, "%s%d ", mark, first + k);
        fprintf(out, footnote_format(f), message ? message : "", value_format(&f->stated, s),
                value_format(&f->computed, c));
        fputc('\n', out);
        free(message);
    }
}

static void text_footnotes(FILE *out, const Finding **footnotes, int n, int first)
{
    footnotes_of(out, footnotes, n, first, "  *", put_plain);
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
    put_plain(out, title_text);
    if (!strstr(title_text, unit_title(t)))
        fprintf(out, " (%s)", unit_title(t));
    fputc('\n', out);
    pad(out, label_w);
    if (notes) {
        pad(out, 2 + note_w - width(note_head));
        fputs(note_head, out);
    }
    for (int c = 0; c < t->ncolumns; c++) {
        const char *h = column_title(t->columns[c], title);
        pad(out, 2 + col_w[c] - width(h));
        put_field(out, h);
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
            put_field(out, l ? l : "");
            fputc('\n', out);
        }
        const char *label = r->label ? r->label : r->name;
        int indent = 2 * section_depth(r->section);
        pad(out, indent);
        put_field(out, label);
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
            pad(out, 2 + col_w[c] - width(cell));
            put_field(out, cell);
            if (f) {
                footnotes[nfoot++] = f;
                fprintf(out, " *%d", ++*marks);
            }
        }
        fputc('\n', out);
    }
    text_footnotes(out, footnotes, nfoot, *marks - nfoot + 1);
    mem_free(footnotes);
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

static void md_footnotes(FILE *out, const Finding **footnotes, int n, int first)
{
    if (n)
        fputc('\n', out);
    footnotes_of(out, footnotes, n, first, "- ⚠", md_text);
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
    md_footnotes(out, footnotes, nfoot, *marks - nfoot + 1);
    mem_free(footnotes);
    fputc('\n', out);
}

/* ---- the tables and allocations in order -------------------------------------------- */

int report_blocks(const Program *prog, ReportBlock **out)
{
    /* in the order resolve.c lists them: the files, each after its imports */
    int n = 0, cap = prog->tables.len + prog->allocs.len;
    ReportBlock *b = mem_alloc(sizeof(ReportBlock) * (size_t)(cap + 1));
    for (int i = 0; i < prog->imports_first.len; i++) {
        const Module *m = prog->imports_first.items[i];
        for (int j = 0; j < m->decls.len && n < cap; j++) {
            const Decl *d = m->decls.items[j];
            if (d->type == D_TABLE)
                b[n++] = (ReportBlock){d->u.table, NULL};
            else if (d->type == D_ALLOC)
                b[n++] = (ReportBlock){NULL, d->u.alloc};
        }
    }
    *out = b;
    return n;
}

/* ---- allocations ------------------------------------------------------------------ */

const char *alloc_label(const AllocLine *l)
{
    if (l->type == ALLOC_LINE_MEMBER)
        return l->member->label ? l->member->label : l->member->name;
    if (l->type == ALLOC_LINE_GROUP)
        return l->group->label ? l->group->label : l->group->name;
    /* TRANSLATORS: the last line of an allocation's table: its total. */
    return _("Total");
}

const char *alloc_column_title(AllocColumn c)
{
    switch (c) {
    /* TRANSLATORS: the headings of an allocation's table: a group's share of the total
     * ("1/2"), a member's figure in the table its group is split by (residents), the
     * amount the report states, and the share finsam computed. */
    case ALLOC_SHARE: return _("Share");
    case ALLOC_KEY: return _("Key");
    case ALLOC_STATED: return _("Stated");
    default: return _("Computed");
    }
}

/* A figure of an allocation as a table prints it, without its unit. */
static const char *alloc_figure(const Value *v, const Value *like, char *buf)
{
    if (v->absent || v->kind == K_UNKNOWN) {
        buf[0] = '\0';
        return buf;
    }
    char figure[VALUE_FMT_MAX];
    value_format_figure(v, like && !like->absent ? like : NULL, figure);
    snprintf(buf, REPORT_CELL_MAX, "%s", figure);
    return buf;
}

const char *alloc_cell(const AllocLine *l, AllocColumn c, char *buf)
{
    buf[0] = '\0';
    switch (c) {
    case ALLOC_SHARE:
        if (l->type == ALLOC_LINE_GROUP && l->group->fraction) {
            /* the fraction as written: 1/2, 25% */
            Loc at = l->group->fraction->loc;
            size_t n = at.src && at.end > at.start ? at.end - at.start : 0;
            if (n >= REPORT_CELL_MAX)
                n = REPORT_CELL_MAX - 1;
            if (n)
                memcpy(buf, at.src->text + at.start, n);
            buf[n] = '\0';
        } else if (l->type == ALLOC_LINE_TOTAL && l->has_fraction) {
            char f[VALUE_FMT_MAX];
            snprintf(buf, REPORT_CELL_MAX, "%s", value_format_num(l->fraction, K_NUMBER, U_NONE, f));
        }
        return buf;
    case ALLOC_KEY:
        if (l->type == ALLOC_LINE_GROUP && l->group->by)
            snprintf(buf, REPORT_CELL_MAX, "%s",
                     l->group->by->title ? l->group->by->title : l->group->by->name);
        else if (l->type == ALLOC_LINE_MEMBER)
            alloc_figure(&l->key, NULL, buf);
        return buf;
    case ALLOC_STATED:
        return alloc_figure(&l->stated, NULL, buf);
    default: {
        /* the middle of the interval the stated amount may lie in: the share itself */
        if (l->computed.absent)
            return buf;
        Value mid = l->computed;
        mid.n = num_exact(num_mid(l->computed.n));
        return alloc_figure(&mid, &l->stated, buf);
    }
    }
}

static bool alloc_shows(const AllocView *v, AllocColumn c)
{
    return c != ALLOC_KEY || v->keyed;
}

static int line_depth(const AllocLine *l)
{
    return l->type == ALLOC_LINE_MEMBER;
}

static void text_alloc(FILE *out, const Allocation *al, const Results *res, int *marks)
{
    const AllocView *v = result_alloc(res, al);
    if (!v)
        return;
    char buf[REPORT_CELL_MAX];
    int label_w = 0, col_w[ALLOC_NCOLUMNS];
    for (int c = 0; c < ALLOC_NCOLUMNS; c++)
        col_w[c] = width(alloc_column_title((AllocColumn)c));
    for (int i = 0; i < v->nlines; i++) {
        const AllocLine *l = &v->lines[i];
        int w = width(alloc_label(l)) + 2 * line_depth(l);
        label_w = w > label_w ? w : label_w;
        for (int c = 0; c < ALLOC_NCOLUMNS; c++) {
            int cw = width(alloc_cell(l, (AllocColumn)c, buf)) + 2;
            col_w[c] = cw > col_w[c] ? cw : col_w[c];
        }
    }
    put_plain(out, al->title ? al->title : al->name);
    fputs(" (kr)\n", out);
    pad(out, label_w);
    for (int c = 0; c < ALLOC_NCOLUMNS; c++) {
        if (!alloc_shows(v, (AllocColumn)c))
            continue;
        const char *h = alloc_column_title((AllocColumn)c);
        pad(out, 2 + col_w[c] - width(h));
        fputs(h, out);
    }
    fputc('\n', out);
    const Finding **footnotes = mem_alloc(sizeof(Finding *) * (size_t)(v->nlines + 1));
    int nfoot = 0;
    for (int i = 0; i < v->nlines; i++) {
        const AllocLine *l = &v->lines[i];
        const char *label = alloc_label(l);
        pad(out, 2 * line_depth(l));
        put_field(out, label);
        pad(out, label_w - 2 * line_depth(l) - width(label));
        for (int c = 0; c < ALLOC_NCOLUMNS; c++) {
            if (!alloc_shows(v, (AllocColumn)c))
                continue;
            const char *cell = alloc_cell(l, (AllocColumn)c, buf);
            pad(out, 2 + col_w[c] - width(cell));
            put_field(out, cell);
            if (l->finding && alloc_marked(l) == (AllocColumn)c) {
                footnotes[nfoot++] = l->finding;
                fprintf(out, " *%d", ++*marks);
            }
        }
        fputc('\n', out);
    }
    text_footnotes(out, footnotes, nfoot, *marks - nfoot + 1);
    mem_free(footnotes);
    fputc('\n', out);
}

static void md_alloc(FILE *out, const Allocation *al, const Results *res, int *marks)
{
    const AllocView *v = result_alloc(res, al);
    if (!v)
        return;
    char buf[REPORT_CELL_MAX];
    fputs("### ", out);
    md_text(out, al->title ? al->title : al->name);
    fputs(" (kr)\n\n|  |", out);
    int shown = 0;
    for (int c = 0; c < ALLOC_NCOLUMNS; c++) {
        if (!alloc_shows(v, (AllocColumn)c))
            continue;
        fputc(' ', out);
        md_text(out, alloc_column_title((AllocColumn)c));
        fputs(" |", out);
        shown++;
    }
    fputs("\n|---|", out);
    for (int c = 0; c < shown; c++)
        fputs("---:|", out);
    fputc('\n', out);
    const Finding **footnotes = mem_alloc(sizeof(Finding *) * (size_t)(v->nlines + 1));
    int nfoot = 0;
    for (int i = 0; i < v->nlines; i++) {
        const AllocLine *l = &v->lines[i];
        bool strong = l->type != ALLOC_LINE_MEMBER;
        fputs("| ", out);
        if (line_depth(l))
            fputs("&nbsp;&nbsp;", out);
        if (strong)
            fputs("**", out);
        md_text(out, alloc_label(l));
        fputs(strong ? "** |" : " |", out);
        for (int c = 0; c < ALLOC_NCOLUMNS; c++) {
            if (!alloc_shows(v, (AllocColumn)c))
                continue;
            bool differs = l->finding && alloc_marked(l) == (AllocColumn)c;
            fputc(' ', out);
            if (differs)
                fputs("**", out);
            md_text(out, alloc_cell(l, (AllocColumn)c, buf));
            if (differs) {
                footnotes[nfoot++] = l->finding;
                fprintf(out, "** ⚠%d", ++*marks);
            }
            fputs(" |", out);
        }
        fputc('\n', out);
    }
    md_footnotes(out, footnotes, nfoot, *marks - nfoot + 1);
    mem_free(footnotes);
    fputc('\n', out);
}

/* ---- checks ---------------------------------------------------------------------- */

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

/* "a is 5 kr", the operand's text written by put. */
static void operand_is(FILE *out, void (*put)(FILE *, const char *), const Operand *o)
{
    char v[VALUE_FMT_MAX];
    char *text = written_by(put, o->text);
    fprintf(out, _("%s is %s"), text ? text : "", value_format(&o->value, v));
    free(text);
}

static void run_details(FILE *out, const Check *c, const Results *res, bool markdown)
{
    void (*put)(FILE *, const char *) = markdown ? md_text : put_plain;
    for (int i = 0; i < res->runs.len; i++) {
        const CheckRun *r = res->runs.items[i];
        if (r->check != c || r->passed)
            continue;
        const Finding *f = r->explained;
        fputs(markdown ? "  - " : "        ", out);
        if (f->where) {
            put(out, f->where);
            fputs(": ", out);
        }
        if (f->noperands >= 2) {
            operand_is(out, put, &f->operands[0]);
            fputs(", ", out);
            operand_is(out, put, &f->operands[1]);
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
        /* the summary line, with the path as Markdown shows it */
        char *shown = written_by(md_text, path);
        write_summary(out, shown ? shown : path, res);
        free(shown);
        fprintf(out, "\n## %s\n\n", _("Tables"));
    } else {
        put_plain(out, rep->title ? rep->title : path);
        fputc('\n', out);
        write_summary(out, path, res);
        fputc('\n', out);
    }
    int marks = 0;
    ReportBlock *blocks;
    int nblocks = report_blocks(prog, &blocks);
    for (int i = 0; i < nblocks; i++) {
        if (blocks[i].alloc) {
            if (md)
                md_alloc(out, blocks[i].alloc, res, &marks);
            else
                text_alloc(out, blocks[i].alloc, res, &marks);
        } else if (md) {
            md_table(out, blocks[i].table, res, &marks);
        } else {
            text_table(out, blocks[i].table, res, &marks);
        }
    }
    mem_free(blocks);
    /* the values in force, and where each came from: the rule set or the federation */
    if (md) {
        fputs("```", out);
        write_parameters(out, prog);
        fputs("```\n\n", out);
    } else {
        write_parameters(out, prog);
        fputc('\n', out);
    }
    /* TRANSLATORS: the heading of the list of every check and its outcome. */
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
            fprintf(out, " %-28s ", c->name);
            put_plain(out, c->title ? c->title : "");
            fputc('\n', out);
            if (c->source) {
                pad(out, 2 + word_w + 1);
                char *source = written_by(put_plain, c->source);
                fprintf(out, _("source: %s\n"), source ? source : "");
                free(source);
            }
        }
        if (failed) {
            run_details(out, c, res, md);
            if (c->message) {
                fputs(md ? "  - " : "        ", out);
                if (md)
                    md_text(out, c->message);
                else
                    put_plain(out, c->message);
                fputc('\n', out);
            }
        }
    }
}

/* ---- CSV ------------------------------------------------------------------------
 *
 * For a spreadsheet: fields separated by ';', figures without thousands separators and
 * with a decimal comma, as Swedish spreadsheets read them. A text field (a label, a
 * section, a column's heading, a text cell) that a spreadsheet would take for a formula
 * because it starts with '=', '+', '-', '@', a tab or a carriage return gets a "'" in
 * front (formula injection, CWE-1236), the way spreadsheets themselves mark text that
 * looks like something else. A figure is never a text field and never changed:
 * -104286 stays a number. */

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

/* A text field from a rule file: neutralised when a spreadsheet would compute it. */
static void csv_text(FILE *out, const char *s)
{
    if (!s[0] || !strchr("=+-@\t\r", s[0])) {
        csv_field(out, s);
        return;
    }
    size_t n = strlen(s);
    char *marked = mem_alloc(n + 2);
    marked[0] = '\'';
    memcpy(marked + 1, s, n + 1);
    csv_field(out, marked);
    mem_free(marked);
}

/* A figure as the report prints it, as a spreadsheet reads it: without spaces,
 * brackets or '%', the sign U+2212 as '-'. */
static void csv_figure(FILE *out, const char *cell)
{
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
    csv_field(out, plain);
}

void write_csv_table(FILE *out, const Table *t, const Results *res)
{
    char buf[REPORT_CELL_MAX], title[16];
    fputs("rad;text;avsnitt", out);
    for (int c = 0; c < t->ncolumns; c++) {
        fputc(';', out);
        csv_text(out, t->columns[c]->key.name ? t->columns[c]->key.name
                                              : column_title(t->columns[c], title));
    }
    fputc('\n', out);
    for (int i = 0; i < t->nrows; i++) {
        const Row *r = t->rows[i];
        csv_field(out, r->name);
        fputc(';', out);
        csv_text(out, r->label ? r->label : "");
        fputc(';', out);
        const Section *s = r->section;
        csv_text(out, s ? (s->label ? s->label : s->name ? s->name : "") : "");
        for (int c = 0; c < t->ncolumns; c++) {
            bool computed;
            const char *cell = report_cell(t, r, c, res, &computed, buf);
            fputc(';', out);
            if (r->cells[c].type == CELL_TEXT)
                csv_text(out, cell);
            else
                csv_figure(out, cell);
        }
        fputc('\n', out);
    }
}

/* A group's fraction, or the groups' together, as a spreadsheet reads a number:
 * "0,5". */
static void csv_fraction(FILE *out, const AllocLine *l)
{
    if (!l->has_fraction || (l->type != ALLOC_LINE_GROUP && l->type != ALLOC_LINE_TOTAL))
        return;
    char a[NUM_FMT_MAX];
    num_format(num_mid(l->fraction), 0, 6, a);
    csv_figure(out, a);
}

void write_csv_allocation(FILE *out, const Allocation *al, const Results *res)
{
    const AllocView *v = result_alloc(res, al);
    if (!v)
        return;
    char buf[REPORT_CELL_MAX];
    /* rad: the group's or member's name (empty for the total); grupp: a member's group */
    fputs("rad;text;grupp;andel;nyckel;angivet;beräknat\n", out);
    for (int i = 0; i < v->nlines; i++) {
        const AllocLine *l = &v->lines[i];
        csv_field(out, l->type == ALLOC_LINE_MEMBER ? l->member->name
                       : l->type == ALLOC_LINE_GROUP ? l->group->name : "");
        fputc(';', out);
        csv_text(out, l->type == ALLOC_LINE_MEMBER ? (l->member->label ? l->member->label : "")
                      : l->type == ALLOC_LINE_GROUP ? (l->group->label ? l->group->label : "")
                                                    : "");
        fputc(';', out);
        csv_field(out, l->type == ALLOC_LINE_MEMBER ? l->group->name : "");
        fputc(';', out);
        csv_fraction(out, l);
        fputc(';', out);
        if (l->type == ALLOC_LINE_MEMBER)
            csv_figure(out, alloc_cell(l, ALLOC_KEY, buf));
        fputc(';', out);
        csv_figure(out, alloc_cell(l, ALLOC_STATED, buf));
        fputc(';', out);
        csv_figure(out, alloc_cell(l, ALLOC_COMPUTED, buf));
        fputc('\n', out);
    }
}
