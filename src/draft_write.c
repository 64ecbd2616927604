/* draft_write: a draft's year file. The report block, then the text in its order:
 * prose as comments, each table with its figures exactly as printed and the formulas
 * its words gave. Statements the national rules require and the text did not show get
 * a placeholder that says so, so that the file loads. */
#include <string.h>

#include "draft_doc.h"
#include "i18n.h"

/* Text within a string of the language: quotes and backslashes escaped. */
static void put_escaped(FILE *out, const char *s)
{
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            fputc('\\', out);
        fputc(*s == '\t' ? ' ' : *s, out);
    }
}

/* A string of the language. */
static void put_string(FILE *out, const char *s)
{
    fputc('"', out);
    put_escaped(out, s);
    fputc('"', out);
}

static int string_width(const char *s)
{
    int w = 2;
    for (; *s; s++)
        w += (*s == '"' || *s == '\\') + (((unsigned char)*s & 0xC0) != 0x80);
    return w;
}

/* Prose as comments, wrapped at about 88 characters. */
static void put_comment(FILE *out, const char *indent, const char *text)
{
    const char *p = text;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p) {
        fprintf(out, "%s#\n", indent);
        return;
    }
    while (*p) {
        /* the bytes of at most 86 characters, broken at a space */
        const char *end = p, *brk = NULL;
        int w = 0;
        while (*end && w < 86) {
            end++;
            while (((unsigned char)*end & 0xC0) == 0x80)
                end++;
            w++;
            if (*end == ' ')
                brk = end;
        }
        if (*end && brk)
            end = brk;
        fprintf(out, "%s# ", indent);
        for (const char *q = p; q < end; q++)
            fputc(*q == '\t' ? ' ' : *q, out);
        fputc('\n', out);
        p = end;
        while (*p == ' ')
            p++;
    }
}

typedef struct {
    const char *table, *kind, *title, *unit;
    const char *rows[7];     /* required rows, or columns for indicators */
    const char *labels[7];
    bool columns;            /* the names are columns */
} Required;

static const Required required[] = {
    {"income", "accounts", "Resultaträkning", NULL,
     {"member_fees", "eu_grants", "op_costs", "fin_income", "fin_costs", "result"},
     {"Verksamhetens medlemsavgifter", "EU-medel och andra bidrag", "Verksamhetens kostnader",
      "Finansiella intäkter", "Finansiella kostnader", "Årets resultat"}, false},
    {"balance", "accounts", "Balansräkning", NULL,
     {"cash", "total_assets", "other_equity", "year_result", "equity", "equity_and_liabilities"},
     {"Kassa och bank", "Summa tillgångar", "Övrigt eget kapital", "Årets resultat",
      "Summa eget kapital", "Summa eget kapital och skulder"}, false},
    {"cashflow", "accounts", "Kassaflödesanalys", NULL, {"opening_cash", "closing_cash"},
     {"Likvida medel vid årets början", "Likvida medel vid årets slut"}, false},
    {"balanskrav", "table", "Balanskravsutredning", NULL,
     {"result", "special_reasons", "to_restore"},
     {"Balanskravsresultat", "Synnerliga skäl", "Att återställa kommande år"}, false},
    {"verksamhetsmal", "indicators", "Verksamhetsmål", "%", {"result", "target"},
     {"Klart positiva svar", "Förbundets riktmärke"}, true},
    {"individmal", "indicators", "Individinriktade mål", "%", {"result", "target"},
     {"Klart positiva svar", "Förbundets riktmärke"}, true},
    {"deltagare", "table", "Antal deltagare", "count", {"target", "result"},
     {"Mål antal deltagare", "Resultat antal deltagare"}, true},
};

static const DraftTable *find_table(const DraftDoc *doc, const char *name)
{
    for (int i = 0; i < doc->blocks.len; i++) {
        const DraftBlock *b = doc->blocks.items[i];
        if (b->kind == BLOCK_TABLE && strcmp(b->table->name, name) == 0)
            return b->table;
    }
    return NULL;
}

static bool note_declared(const DraftDoc *doc, int n)
{
    for (int i = 0; i < doc->blocks.len; i++) {
        const DraftBlock *b = doc->blocks.items[i];
        if (b->kind == BLOCK_TABLE && b->table->note == n && !b->table->allocation)
            return true;
    }
    return false;
}

static bool has_row(const DraftTable *t, const char *name)
{
    for (int i = 0; i < t->rows.len; i++) {
        const DraftRow *r = t->rows.items[i];
        if (r->kind == DROW_ROW && strcmp(r->name, name) == 0)
            return true;
    }
    return false;
}

static bool has_column(const DraftTable *t, const char *name)
{
    for (int i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i].name, name) == 0)
            return true;
    return false;
}

static int text_width(const char *s)
{
    return draft_width(s);
}

/* A cell as written: a text cell as a string, whole however long, or the figure. */
static void put_cell(FILE *out, const DraftCell *c)
{
    if (c && c->kind == DCELL_TEXT)
        put_string(out, c->text);
    else if (c && c->figure)
        fputs(c->figure, out);
}

static int cell_width(const DraftCell *c)
{
    if (c && c->kind == DCELL_TEXT)
        return string_width(c->text);
    return c && c->figure ? text_width(c->figure) : 0;
}

/* The national rules read income and balance in the report's year: a statement
 * without that column gets it, empty, so that the file loads. */
static bool needs_year_column(const DraftDoc *doc, const DraftTable *t)
{
    if (strcmp(t->name, "income") != 0 && strcmp(t->name, "balance") != 0 &&
        strcmp(t->name, "cashflow") != 0)
        return false;
    char year[16];
    snprintf(year, sizeof year, "%d", doc->year);
    for (int k = 0; k < t->ncols; k++)
        if (!t->cols[k].note && strcmp(t->cols[k].name, year) == 0)
            return false;
    return true;
}

static void write_columns(FILE *out, const DraftDoc *doc, const DraftTable *t)
{
    fputs(" (", out);
    bool first = true;
    bool long_form = false;
    for (int k = 0; k < t->ncols; k++)
        long_form |= t->cols[k].label != NULL;
    for (int k = 0; k < t->ncols; k++) {
        const DraftCol *c = &t->cols[k];
        if (c->note)
            continue;
        if (!first)
            fputs(long_form ? ",\n      " : ", ", out);
        first = false;
        fputs(c->name, out);
        if (c->label) {
            fputc(' ', out);
            put_string(out, c->label);
        }
        if (c->formula)
            fprintf(out, " = %s", c->formula);
    }
    if (needs_year_column(doc, t)) {
        fprintf(out, "%s%d ", first ? "" : ", ", doc->year);
        put_string(out, _("(not found in the text)"));
    }
    fputc(')', out);
}

/* The counts of a table of amounts ("Antal anställda"), as a table of their own with
 * the same columns, named after it. */
static void write_counts(FILE *out, const DraftDoc *doc, const DraftTable *t)
{
    int head = 0;
    for (int i = 0; i < t->rows.len; i++) {
        const DraftRow *r = t->rows.items[i];
        if (r->kind == DROW_ROW && r->count) {
            int w = text_width(r->name) + 1 + string_width(r->label);
            head = w > head ? w : head;
        }
    }
    if (!head || !t->count_name)
        return;
    fprintf(out, "\ntable %s ", t->count_name);
    put_string(out, t->title);
    fputs(" unit count", out);
    write_columns(out, doc, t);
    fputs(" {\n", out);
    for (int i = 0; i < t->rows.len; i++) {
        const DraftRow *r = t->rows.items[i];
        if (r->kind != DROW_ROW || !r->count)
            continue;
        fprintf(out, "    %s ", r->name);
        put_string(out, r->label);
        fprintf(out, "%*s", head - text_width(r->name) - 1 - string_width(r->label), "");
        for (int k = 0; k < t->ncols; k++)
            if (!t->cols[k].note) {
                fputs(r->cells[k] ? " | " : " |", out);
                put_cell(out, r->cells[k]);
            }
        if (needs_year_column(doc, t))
            fputs(" |", out);
        fputc('\n', out);
    }
    fputs("}\n", out);
}

static void write_table(FILE *out, const DraftDoc *doc, const DraftTable *t)
{
    fprintf(out, "%s %s ", t->kind, t->name);
    put_string(out, t->title);
    if (t->unit)
        fprintf(out, " unit %s", t->unit);
    if (t->note)
        fprintf(out, " note %d", t->note);
    write_columns(out, doc, t);
    bool extra = needs_year_column(doc, t);
    fputs(" {\n", out);
    if (t->header) {
        fputs("    # ", out);
        fputs(t->header, out);
        fputc('\n', out);
    }
    /* widths: the row's head (name, label, note, formula) and each column */
    int head = 0;
    int *width = mem_alloc(sizeof *width * (size_t)(t->ncols + 1));
    int depth = 0;
    for (int i = 0; i < t->rows.len; i++) {
        const DraftRow *r = t->rows.items[i];
        if (r->kind == DROW_OPEN)
            depth++;
        if (r->kind == DROW_CLOSE)
            depth--;
        if (r->kind != DROW_ROW)
            continue;
        int w = 4 * depth + text_width(r->name) + 1 + string_width(r->label);
        if (r->note && note_declared(doc, r->note))
            w += 6 + (r->note >= 10);
        if (r->formula)
            w += 3 + text_width(r->formula);
        if (w > head && w <= 72)
            head = w;
        for (int k = 0; k < t->ncols; k++) {
            int cw = cell_width(r->cells[k]);
            if (cw > width[k])
                width[k] = cw;
        }
    }
    depth = 1;
    for (int i = 0; i < t->rows.len; i++) {
        const DraftRow *r = t->rows.items[i];
        if (r->kind == DROW_COMMENT) {
            put_comment(out, "    ", r->comment);
            continue;
        }
        if (r->kind == DROW_CLOSE) {
            depth--;
            fprintf(out, "%*s}\n", 4 * depth, "");
            continue;
        }
        if (r->kind == DROW_OPEN) {
            fprintf(out, "%*ssection %s ", 4 * depth, "", r->name);
            put_string(out, r->label);
            fputs(" {\n", out);
            depth++;
            continue;
        }
        if (r->count)
            continue;
        int w = 4 * depth + text_width(r->name) + 1 + string_width(r->label);
        fprintf(out, "%*s%s ", 4 * depth, "", r->name);
        put_string(out, r->label);
        if (r->note && note_declared(doc, r->note)) {
            fprintf(out, " note %d", r->note);
            w += 6 + (r->note >= 10);
        }
        if (r->formula) {
            fprintf(out, " = %s", r->formula);
            w += 3 + text_width(r->formula);
        }
        fprintf(out, "%*s", head > w ? head - w : 0, "");
        int last = -1;
        for (int k = 0; k < t->ncols; k++)
            if (!t->cols[k].note && r->cells[k])
                last = k;
        for (int k = 0; k < t->ncols; k++) {
            if (t->cols[k].note)
                continue;
            if (k > last) { /* nothing printed from here on: no spaces at the end */
                fputs(" |", out);
                continue;
            }
            int cw = cell_width(r->cells[k]);
            fprintf(out, " | %*s", width[k] > cw ? width[k] - cw : 0, "");
            put_cell(out, r->cells[k]);
        }
        if (extra)
            fputs(" |", out);
        fputc('\n', out);
        if (r->note && !note_declared(doc, r->note))
            fprintf(out, "%*s# %s\n", 4 * depth, "",
                    _("cites a note that the draft found no table for"));
        if (r->comment)
            fprintf(out, "%*s# %s\n", 4 * depth, "", r->comment);
    }
    mem_free(width);
    /* rows the national rules need that the table does not show */
    for (size_t q = 0; q < sizeof required / sizeof required[0]; q++) {
        const Required *rq = &required[q];
        if (strcmp(rq->table, t->name) != 0 || rq->columns)
            continue;
        for (int j = 0; j < 7 && rq->rows[j]; j++)
            if (!has_row(t, rq->rows[j])) {
                fprintf(out, "    # %s\n", _("not found in the text; the national rules need it: fill it in"));
                fprintf(out, "    %s ", rq->rows[j]);
                put_string(out, rq->labels[j]);
                for (int k = 0; k < t->ncols; k++)
                    if (!t->cols[k].note)
                        fputs(" |", out);
                if (extra)
                    fputs(" |", out);
                fputc('\n', out);
            }
    }
    fputs("}\n", out);
    write_counts(out, doc, t);
}

static void write_allocation(FILE *out, const DraftTable *t)
{
    fprintf(out, "allocation %s ", t->name);
    put_string(out, t->title);
    fprintf(out, " total %s {\n", t->total);
    static const char *const group[] = {NULL, "state", "regions", "municipalities"};
    static const char *const label[] = {NULL, "Staten", "Regionerna", "Kommunerna"};
    static const char *const share[] = {NULL, "1/2", "1/4", "1/4"};
    int head = 0, cw = 0;
    for (int i = 0; i < t->rows.len; i++) {
        const DraftRow *r = t->rows.items[i];
        int w = text_width(r->name) + 1 + string_width(r->label);
        if (w > head)
            head = w;
        if (text_width(r->cells[0]->figure) > cw)
            cw = text_width(r->cells[0]->figure);
    }
    for (int g = 1; g <= 3; g++) {
        fprintf(out, "    %s \"%s\" %s {\n", group[g], label[g], share[g]);
        for (int i = 0; i < t->rows.len; i++) {
            const DraftRow *r = t->rows.items[i];
            if (r->note != g)
                continue;
            int w = text_width(r->name) + 1 + string_width(r->label);
            fprintf(out, "        %s ", r->name);
            put_string(out, r->label);
            const char *f = r->cells[0]->figure;
            fprintf(out, "%*s | %*s%s\n", head - w, "", cw - text_width(f), "", f);
        }
        fputs("    }\n", out);
    }
    fputs("}\n", out);
}

static void write_placeholder(FILE *out, const DraftDoc *doc, const Required *rq)
{
    fprintf(out, "\n# %s\n", _("Not found in the text; the national rules need it. Fill it in from the report."));
    if (rq->columns) {
        fprintf(out, "%s %s \"%s\"", rq->kind, rq->table, rq->title);
        if (rq->unit)
            fprintf(out, " unit %s", rq->unit);
        /* a row with empty cells: the table's kind is known, and nothing is stated */
        fprintf(out, " (%s \"%s\", %s \"%s\") {\n    todo \"%s\" | |\n}\n", rq->rows[0],
                rq->labels[0], rq->rows[1], rq->labels[1], _("(not found in the text)"));
        return;
    }
    fprintf(out, "%s %s \"%s\" (%d) {\n", rq->kind, rq->table, rq->title, doc->year);
    for (int j = 0; j < 7 && rq->rows[j]; j++)
        fprintf(out, "    %s \"%s\" |\n", rq->rows[j], rq->labels[j]);
    fputs("}\n", out);
}

void draft_write(FILE *out, const DraftDoc *doc, const char *source_name)
{
    fprintf(out, "# %s\n", _("A first year file, drafted by `finsam draft` from the report's text:"));
    fputs("#   ", out);
    fputs(source_name, out);
    fputc('\n', out);
    fprintf(out, "# %s\n", _("Every figure is as printed; totals, results and differences have formulas from"));
    fprintf(out, "# %s\n", _("their labels. What the draft guessed it listed on standard error. Read it"));
    fprintf(out, "# %s\n\n", _("against the printed report, then turn the text's claims into checks."));
    fputs("import \"finsam\"\n", out);
    fprintf(out, "# import \"federation\"    # %s\n\n",
            _("the members and local values, once federation.fin is written"));
    fputs("report ", out);
    put_string(out, doc->title);
    fputs(" {\n", out);
    if (doc->federation) {
        fputs("    federation ", out);
        put_string(out, doc->federation);
        fputc('\n', out);
    }
    fprintf(out, "    year %d\n", doc->year);
    if (doc->decided)
        fprintf(out, "    decided %s\n", doc->decided);
    fputs("}\n\n", out);
    bool blank = true;
    for (int i = 0; i < doc->blocks.len; i++) {
        const DraftBlock *b = doc->blocks.items[i];
        if (b->kind == BLOCK_BLANK) {
            if (!blank)
                fputc('\n', out);
            blank = true;
            continue;
        }
        if (b->kind == BLOCK_PROSE) {
            put_comment(out, "", b->text);
            blank = false;
            continue;
        }
        if (!blank)
            fputc('\n', out);
        fprintf(out, "# %s %d\n", _("line"), b->lineno);
        if (b->table->allocation)
            write_allocation(out, b->table);
        else
            write_table(out, doc, b->table);
        fputc('\n', out);
        blank = true;
    }
    for (size_t q = 0; q < sizeof required / sizeof required[0]; q++) {
        const DraftTable *t = find_table(doc, required[q].table);
        if (!t || (required[q].columns &&
                   (!has_column(t, required[q].rows[0]) || !has_column(t, required[q].rows[1]))))
            if (!t)
                write_placeholder(out, doc, &required[q]);
    }
    /* the local parameter of the national rules: the federation's own value */
    if (doc->benchmark) {
        fprintf(out, "\n# %s\n", _("The federation's riktmärke, as the text states it; it belongs in federation.fin."));
        fprintf(out, "param indicator_benchmark \"Förbundets riktmärke för verksamhetsmålen\" = %s\n"
                     "    from %d-01-01 source \"",
                doc->benchmark, doc->year);
        put_escaped(out, doc->title); /* the text's: it may hold a quote */
        fprintf(out, ", %s %d\"\n", _("line"), doc->benchmark_line);
    } else {
        fprintf(out, "\n# %s\n", _("Not found in the text: the federation's riktmärke for the verksamhetsmål. Set it"));
        fprintf(out, "# %s\n", _("here or in federation.fin; until then it has no value in force, and its rules do not run."));
        fputs("param indicator_benchmark \"Förbundets riktmärke för verksamhetsmålen\" = 0%\n"
              "    from 9999-01-01 source \"(not found)\"\n", out);
    }
    if (!find_table(doc, "contributions")) {
        fprintf(out, "\n# %s\n", _("Not found in the text; the national rules need it. Fill it in from the report:"));
        fprintf(out, "# %s\n", _("the members' contributions, with the total the report states."));
        fputs("allocation contributions \"Medlemsbidrag\" total 0 {\n"
              "    state \"Staten\" 1/2 {\n    }\n"
              "    regions \"Regionerna\" 1/4 {\n    }\n"
              "    municipalities \"Kommunerna\" 1/4 {\n    }\n}\n", out);
    }
}

DraftCounts draft_counts(const DraftDoc *doc)
{
    DraftCounts n = {0};
    for (int i = 0; i < doc->blocks.len; i++) {
        const DraftBlock *b = doc->blocks.items[i];
        if (b->kind != BLOCK_TABLE)
            continue;
        const DraftTable *t = b->table;
        n.tables++;
        if (t->allocation)
            n.formulas++;
        for (int k = 0; k < t->ncols; k++)
            n.formulas += t->cols[k].formula != NULL;
        for (int j = 0; j < t->rows.len; j++) {
            const DraftRow *r = t->rows.items[j];
            if (r->kind != DROW_ROW)
                continue;
            n.formulas += r->formula != NULL;
            n.notes += r->note && note_declared(doc, r->note) && !t->allocation;
            for (int k = 0; k < t->ncols; k++)
                n.cells += r->cells[k] != NULL && !t->cols[k].note;
        }
    }
    for (size_t q = 0; q < sizeof required / sizeof required[0]; q++)
        n.placeholders += find_table(doc, required[q].table) == NULL;
    n.placeholders += find_table(doc, "contributions") == NULL;
    return n;
}
