#include "write_csv.h"

#include <string.h>

#include "num.h"

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
    s = s ? s : "";
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

/* A figure as the report prints it, as a spreadsheet reads it: without spaces or
 * '%', the sign U+2212 as '-'. */
static void csv_figure(FILE *out, const char *cell)
{
    char plain[160];
    size_t k = 0;
    for (const char *p = cell; *p && k + 1 < sizeof plain; p++) {
        if (*p == ' ' || *p == '%')
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

/* A table: the columns under the titles the report prints, and a column with each
 * row's unit (the table's, or % for a row of percentages), since the figures carry
 * none. */
static void csv_table(FILE *out, const ModelBlock *b)
{
    fputs("rad;text;avsnitt;enhet", out);
    for (int c = 0; c < b->ncolumns; c++) {
        fputc(';', out);
        csv_text(out, b->columns[c].title);
    }
    fputc('\n', out);
    for (int i = 0; i < b->nlines; i++) {
        const ModelLine *l = &b->lines[i];
        if (l->type == LINE_HEADING)
            continue;
        csv_field(out, l->name);
        fputc(';', out);
        csv_text(out, l->own_label);
        fputc(';', out);
        csv_text(out, l->section);
        fputc(';', out);
        csv_field(out, l->kind == K_PERCENT ? "%" : model_unit_title(b->unit));
        for (int c = 0; c < b->ncolumns; c++) {
            fputc(';', out);
            if (l->cells[c].flags & CELL_IS_TEXT)
                csv_text(out, l->cells[c].text);
            else
                csv_figure(out, l->cells[c].text);
        }
        fputc('\n', out);
    }
}

/* A group's fraction, or the groups' together, as a spreadsheet reads a number:
 * "0,5". */
static void csv_fraction(FILE *out, const ModelLine *l)
{
    if (!l->has_fraction)
        return;
    char a[NUM_FMT_MAX];
    num_format(num_mid(l->fraction), 0, 6, a);
    csv_figure(out, a);
}

/* The cell of an allocation's column, or an empty field where the block has none. */
static void csv_alloc_cell(FILE *out, const ModelBlock *b, const ModelLine *l, AllocColumn col)
{
    for (int c = 0; c < b->ncolumns; c++)
        if (b->columns[c].id == (int)col && !(l->cells[c].flags & CELL_IS_TEXT))
            csv_figure(out, l->cells[c].text);
}

static void csv_allocation(FILE *out, const ModelBlock *b)
{
    /* rad: the group's or member's name (empty for the total); grupp: a member's group */
    fputs("rad;text;grupp;andel;nyckel;angivet;beräknat\n", out);
    for (int i = 0; i < b->nlines; i++) {
        const ModelLine *l = &b->lines[i];
        csv_field(out, l->name ? l->name : "");
        fputc(';', out);
        csv_text(out, l->own_label);
        fputc(';', out);
        csv_field(out, l->type == LINE_MEMBER ? l->section : "");
        fputc(';', out);
        csv_fraction(out, l);
        fputc(';', out);
        if (l->type == LINE_MEMBER)
            csv_alloc_cell(out, b, l, ALLOC_KEY);
        fputc(';', out);
        csv_alloc_cell(out, b, l, ALLOC_STATED);
        fputc(';', out);
        csv_alloc_cell(out, b, l, ALLOC_COMPUTED);
        fputc('\n', out);
    }
}

void write_csv(FILE *out, const ModelBlock *b, bool excel)
{
    /* Excel takes a file without one for the locale's code page, not UTF-8 */
    if (excel)
        fputs("\xEF\xBB\xBF", out);
    if (b->alloc)
        csv_allocation(out, b);
    else
        csv_table(out, b);
}
