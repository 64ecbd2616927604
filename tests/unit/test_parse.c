/* Unit tests for parse: the scanner and parser on small texts, and their messages. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

#define setup parse_fx_setup
#define teardown parse_fx_teardown

/* Parses text that must have no error. */
static Module *parse_ok(ParseFx *fx, const char *text)
{
    Module *m = parse_text(fx, text);
    assert_no_diags(&fx->diags);
    assert_int_equal(fx->errors, 0);
    return m;
}

/* The only table of a text. */
static Table *parse_table(ParseFx *fx, const char *text)
{
    Module *m = parse_ok(fx, text);
    assert_int_equal(m->decls.len, 1);
    Decl *d = decl_n(m, 0);
    assert_int_equal(d->type, D_TABLE);
    return d->u.table;
}

/* The cell of the only row of a one-column table whose cell is written `cell`. */
static Cell one_cell(ParseFx *fx, const char *cell)
{
    char text[256];
    snprintf(text, sizeof text, "table t (2025) {\n    r | %s\n}\n", cell);
    Table *t = parse_table(fx, text);
    assert_int_equal(t->nrows, 1);
    assert_int_equal(t->rows[0]->ncells, 1);
    return t->rows[0]->cells[0];
}

static void assert_figure(Cell c, int64_t micro, int decimals)
{
    assert_int_equal(c.type, CELL_FIGURE);
    assert_int_equal(c.figure, micro);
    assert_int_equal(c.decimals, decimals);
}

static void assert_diag_at(ParseFx *fx, const Diag *g, int line, int col)
{
    (void)fx;
    int l, c;
    line_col_of(g->loc, &l, &c);
    assert_int_equal(l, line);
    assert_int_equal(c, col);
}

/* ---- declarations ------------------------------------------------------------ */

static void test_empty_file(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx, "");
    assert_int_equal(m->decls.len, 0);
    assert_ptr_equal(m->src, fx->src);
    m = parse_ok(fx, "# only a comment\n\n   \t\n");
    assert_int_equal(m->decls.len, 0);
}

static void test_declarations(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx,
        "import \"finsam\"\n"
        "report \"Årsredovisning 2025\" {\n"
        "    federation \"Förbundet\"\n"
        "    year 2025\n"
        "    decided 2026-03-16\n"
        "}\n"
        "accounts income \"Resultaträkning\" (2025, 2024) {\n"
        "    fees \"Avgifter\" | 7 864 004 | 8 028 000\n"
        "}\n"
        "allocation contributions \"Medlemsbidrag\" total 7 864 000 {\n"
        "    state \"Staten\" 1/2 { fk \"FK\" | 3 932 000 }\n"
        "    rest \"Övriga\" 1/2 by residents { a | 1 }\n"
        "}\n"
        "param equity_cap \"Tak\" = 20% from 2025-01-01 source \"Rådet\"\n"
        "check balance \"Balans\" warning source \"Lag\": income.fees == 1 else \"fel\"\n"
        "import \"other.fin\"\n");
    assert_int_equal(m->decls.len, 7);
    static const DeclType want[] = {D_IMPORT, D_REPORT, D_TABLE, D_ALLOC, D_PARAM, D_CHECK,
                                    D_IMPORT};
    for (int i = 0; i < 7; i++)
        assert_int_equal(decl_n(m, i)->type, want[i]);

    assert_string_equal(decl_n(m, 0)->u.import->path, "finsam");
    assert_string_equal(decl_n(m, 6)->u.import->path, "other.fin");

    Report *r = decl_n(m, 1)->u.report;
    assert_string_equal(r->title, "Årsredovisning 2025");
    assert_int_equal(r->entries.len, 3);
    ReportEntry *e = r->entries.items[0];
    assert_string_equal(e->key, "federation");
    assert_string_equal(e->text, "Förbundet");
    e = r->entries.items[1];
    assert_string_equal(e->key, "year");
    assert_int_equal(e->value.value.lo, KR(2025));
    e = r->entries.items[2];
    assert_string_equal(e->key, "decided");
    assert_int_equal(e->value.kind, K_DATE);
    assert_int_equal(e->value.value.lo, KR(20260316));

    Allocation *a = decl_n(m, 3)->u.alloc;
    assert_string_equal(a->name, "contributions");
    assert_string_equal(a->title, "Medlemsbidrag");
    assert_int_equal(a->total.type, CELL_FIGURE);
    assert_int_equal(a->total.figure, KR(7864000));
    assert_false(a->has_rounding);
    assert_int_equal(a->ngroups, 2);
    assert_string_equal(a->groups[0]->name, "state");
    assert_null(a->groups[0]->by_name);
    assert_int_equal(a->groups[0]->nmembers, 1);
    assert_string_equal(a->groups[0]->members[0]->name, "fk");
    assert_int_equal(a->groups[0]->members[0]->amount.figure, KR(3932000));
    assert_ptr_equal(a->groups[0]->alloc, a);
    assert_string_equal(a->groups[1]->by_name, "residents");
    assert_null(a->groups[1]->members[0]->label);
    Expr *half = a->groups[0]->fraction;
    assert_int_equal(half->type, E_BINARY);
    assert_int_equal(half->op, OP_DIV);

    Param *p = decl_n(m, 4)->u.param;
    assert_string_equal(p->name, "equity_cap");
    assert_int_equal(p->value.kind, K_PERCENT);
    assert_int_equal(p->value.value.lo, 200000); /* 20 % is 0,2 */
    assert_int_equal(p->from, 20250101);
    assert_string_equal(p->source, "Rådet");

    Check *c = decl_n(m, 5)->u.check;
    assert_string_equal(c->name, "balance");
    assert_string_equal(c->title, "Balans");
    assert_int_equal(c->severity, SEV_WARNING);
    assert_string_equal(c->source, "Lag");
    assert_string_equal(c->message, "fel");
    assert_int_equal(c->expr->type, E_BINARY);
    assert_int_equal(c->expr->op, OP_EQ);
}

static void test_names_are_interned(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx, "table t (2025) { årets_resultat | 1 }\n"
                             "table u (2025) { årets_resultat | 2 }\n");
    Table *t = decl_n(m, 0)->u.table, *u = decl_n(m, 1)->u.table;
    assert_string_equal(t->rows[0]->name, "årets_resultat");
    /* one copy of each name: they compare by pointer */
    assert_ptr_equal(t->rows[0]->name, u->rows[0]->name);
    assert_ptr_equal(t->rows[0]->name, intern(&fx->names, "årets_resultat", 15));
}

static void test_string_escapes(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx, "check c \"a \\\"quoted\\\" \\\\ back\": 1 == 1\n");
    assert_string_equal(decl_n(m, 0)->u.check->title, "a \"quoted\" \\ back");
}

/* ---- tables -------------------------------------------------------------------- */

static void test_table_shape(void **state)
{
    ParseFx *fx = *state;
    Table *t = parse_table(fx,
        "budget ops \"Jämförelse\" unit tkr note 4\n"
        "    (actual \"Utfall\", budget \"Budget\", deviation \"Avvikelse\" = budget - actual) {\n"
        "    section kansli \"Kansli\" {\n"
        "        admin \"Administration\" | 973 | 1 081 | 108\n"
        "        section \"Utan namn\" {\n"
        "            board \"Styrelse\" note 2 | 217 | 265 | 48\n"
        "        }\n"
        "    }\n"
        "    other \"Övrigt\" | - | \"(Antal besök 1786)\" |\n"
        "    total \"Totalt\" = sum\n"
        "        | 8 164 | 9 688 | 1 524\n"
        "}\n");
    assert_int_equal(t->tkind, T_BUDGET);
    assert_string_equal(t->name, "ops");
    assert_string_equal(t->title, "Jämförelse");
    assert_int_equal(t->unit, U_TKR);
    assert_int_equal(t->note, 4);
    assert_ptr_equal(t->src, fx->src);

    assert_int_equal(t->ncolumns, 3);
    assert_string_equal(t->columns[0]->key.name, "actual");
    assert_int_equal(t->columns[0]->key.year, 0);
    assert_string_equal(t->columns[0]->label, "Utfall");
    assert_null(t->columns[0]->formula);
    assert_string_equal(t->columns[1]->key.name, "budget"); /* 'budget' as a name */
    assert_non_null(t->columns[2]->formula);
    assert_int_equal(t->columns[2]->formula->op, OP_SUB);
    for (int i = 0; i < 3; i++)
        assert_int_equal(t->columns[i]->index, i);

    assert_int_equal(t->nrows, 4);
    static const char *const names[] = {"admin", "board", "other", "total"};
    for (int i = 0; i < 4; i++) {
        assert_string_equal(t->rows[i]->name, names[i]);
        assert_int_equal(t->rows[i]->index, i);
        assert_int_equal(t->rows[i]->ncells, 3);
    }
    assert_int_equal(t->rows[1]->note, 2);
    assert_int_equal(t->rows[0]->note, 0);
    assert_null(row_formula(t->rows[0]));
    assert_non_null(row_formula(t->rows[3]));
    assert_int_equal(row_formula(t->rows[3])->type, E_REF); /* 'sum' is resolved later */

    assert_int_equal(t->sections.len, 2);
    Section *kansli = t->sections.items[0], *inner = t->sections.items[1];
    assert_string_equal(kansli->name, "kansli");
    assert_string_equal(kansli->label, "Kansli");
    assert_null(kansli->parent);
    assert_int_equal(kansli->first_row, 0);
    assert_int_equal(kansli->end_row, 2);
    assert_null(inner->name);
    assert_string_equal(inner->label, "Utan namn");
    assert_ptr_equal(inner->parent, kansli);
    assert_int_equal(inner->first_row, 1);
    assert_int_equal(inner->end_row, 2);
    assert_ptr_equal(kansli->table, t);
    assert_ptr_equal(row_section(t->rows[0]), kansli);
    assert_ptr_equal(row_section(t->rows[1]), inner);
    assert_null(row_section(t->rows[2]));
    assert_null(row_section(t->rows[3]));

    /* cells of the row "other": a dash, a text and an empty cell */
    Cell *c = t->rows[2]->cells;
    assert_int_equal(c[0].type, CELL_DASH);
    assert_int_equal(c[1].type, CELL_TEXT);
    assert_int_equal(c[2].type, CELL_EMPTY);
    const char *text = fx->src->text;
    assert_int_equal(c[0].start, offset_of(text, "- |"));
    assert_int_equal(cell_span(&c[0]).end, c[0].start + 1);
    assert_int_equal(c[1].start, offset_of(text, "\"(Antal"));
    assert_int_equal(cell_span(&c[1]).end, offset_of(text, "1786)\"") + 6);
    assert_int_equal(c[2].len, 0); /* an empty cell is a point */

    /* figures of admin and total, in tkr as written */
    assert_figure(t->rows[0]->cells[1], KR(1081), 0);
    assert_figure(t->rows[3]->cells[2], KR(1524), 0);
    assert_int_equal(t->rows[0]->cells[0].start, offset_of(text, "973"));
    assert_int_equal(cell_span(&t->rows[0]->cells[0]).end, offset_of(text, "973") + 3);
}

static void test_table_kinds_and_units(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx,
        "accounts a (2025) { r | 1 }\n"
        "budget b (2025) { r | 1 }\n"
        "indicators c unit % (2025) { r | 1 }\n"
        "table d unit count (2025) { r | 1 }\n"
        "table e unit kr (2025) { r | 1 }\n");
    static const TableKind kinds[] = {T_ACCOUNTS, T_BUDGET, T_INDICATORS, T_TABLE, T_TABLE};
    static const Unit units[] = {U_KR, U_KR, U_PERCENT, U_COUNT, U_KR};
    assert_int_equal(m->decls.len, 5);
    for (int i = 0; i < 5; i++) {
        Table *t = decl_n(m, i)->u.table;
        assert_int_equal(t->tkind, kinds[i]);
        assert_int_equal(t->unit, units[i]);
        assert_null(t->title);
    }
}

static void test_year_columns(void **state)
{
    ParseFx *fx = *state;
    Table *t = parse_table(fx, "accounts t \"T\" (2025 \"Utfall 2025\", 2024) { r | 1 | 2 }\n");
    assert_int_equal(t->ncolumns, 2);
    assert_int_equal(t->columns[0]->key.year, 2025);
    assert_null(t->columns[0]->key.name);
    assert_string_equal(t->columns[0]->label, "Utfall 2025");
    assert_int_equal(t->columns[1]->key.year, 2024);
}

static void test_bad_year_column(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "table t (2025, 20 240) { r | 1 | 2 }\n");
    assert_int_equal(fx->errors, 1);
    Diag *g = find_diag(&fx->diags, "a year column must be a whole number from 1900 to 2999");
    assert_non_null(g);
    assert_diag_at(fx, g, 1, 16);
}

static void test_row_over_lines_and_closing_bar(void **state)
{
    ParseFx *fx = *state;
    Table *t = parse_table(fx,
        "table t (2025, 2024) {\n"
        "    net \"Netto\" = a + b\n"
        "        | 1\n"
        "        | 2 |\n"
        "    a | 3 | 4\n"
        "}\n");
    assert_int_equal(t->nrows, 2);
    /* the closing '|' is an empty third cell until the resolver drops it */
    assert_int_equal(t->rows[0]->ncells, 3);
    assert_int_equal(t->rows[0]->cells[2].type, CELL_EMPTY);
    assert_figure(t->rows[0]->cells[1], KR(2), 0);
    assert_int_equal(t->rows[1]->ncells, 2);
}

/* ---- figures ------------------------------------------------------------------- */

static void test_figures(void **state)
{
    ParseFx *fx = *state;
    assert_figure(one_cell(fx, "7 864 000"), KR(7864000), 0);
    assert_figure(one_cell(fx, "7864000"), KR(7864000), 0);
    assert_figure(one_cell(fx, "7_864_000"), KR(7864000), 0);
    assert_figure(one_cell(fx, "0"), 0, 0);
    assert_figure(one_cell(fx, "1 234,50"), 1234500000, 2);
    assert_figure(one_cell(fx, "1 234.50"), 1234500000, 2);
    assert_figure(one_cell(fx, "0,000001"), 1, 6);
}

static void test_figure_separators(void **state)
{
    ParseFx *fx = *state;
    assert_figure(one_cell(fx, "7\xC2\xA0" "864\xC2\xA0" "000"), KR(7864000), 0);     /* no-break */
    /* narrow no-break space */
    assert_figure(one_cell(fx, "7\xE2\x80\xAF" "864\xE2\x80\xAF" "000"), KR(7864000), 0);
    assert_figure(one_cell(fx, "7\xE2\x80\x89" "864\xE2\x80\x89" "000"), KR(7864000), 0); /* thin */
    assert_figure(one_cell(fx, "7\xE2\x80\x89" "864 000"), KR(7864000), 0);           /* mixed */
    Cell c = one_cell(fx, "1\xE2\x80\x89" "000");
    /* the cell covers the whole figure, separator included */
    assert_int_equal(c.len, 7);
}

static void test_negative_figures(void **state)
{
    ParseFx *fx = *state;
    assert_figure(one_cell(fx, "-104 286"), KR(-104286), 0);
    assert_figure(one_cell(fx, "- 104 286"), KR(-104286), 0);
    assert_figure(one_cell(fx, "\xE2\x88\x92" "104 286"), KR(-104286), 0); /* U+2212 */
    assert_figure(one_cell(fx, "\xE2\x88\x92 104 286"), KR(-104286), 0);
    assert_figure(one_cell(fx, "-0,5"), -500000, 1);
    /* the cell starts at the sign */
    Cell c = one_cell(fx, "- 104 286");
    assert_int_equal(c.len, 9);
    c = one_cell(fx, "\xE2\x88\x92" "5");
    assert_int_equal(c.len, 4);
    assert_figure(c, KR(-5), 0);
}

static void test_percent_cells(void **state)
{
    ParseFx *fx = *state;
    Cell c = one_cell(fx, "75,4%");
    assert_figure(c, 75400000, 1); /* as written; the resolver divides by a hundred */
    assert_true(c.percent);
    c = one_cell(fx, "75,4 %");
    assert_figure(c, 75400000, 1);
    assert_true(c.percent);
    c = one_cell(fx, "75.4%");
    assert_true(c.percent);
    assert_int_equal(c.decimals, 1);
    c = one_cell(fx, "-5%");
    assert_figure(c, KR(-5), 0);
    assert_true(c.percent);
    c = one_cell(fx, "38");
    assert_false(c.percent);
}

static void test_dash_text_empty(void **state)
{
    ParseFx *fx = *state;
    assert_int_equal(one_cell(fx, "-").type, CELL_DASH);
    assert_int_equal(one_cell(fx, "\xE2\x88\x92").type, CELL_DASH); /* U+2212 alone */
    assert_int_equal(one_cell(fx, "\"(Antal besök 1786)\"").type, CELL_TEXT);
    assert_int_equal(one_cell(fx, "").type, CELL_EMPTY);
}

static void test_malformed_figure_one_diag(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "table t (2025, 2024) {\n"
                   "    fees \"Medlemsavgifter\" | 7 864 0000 | 1\n"
                   "    more | 2 | 3\n"
                   "}\n");
    assert_int_equal(fx->diags.list.len, 1);
    assert_int_equal(fx->errors, 1);
    Diag *g = diag_n(&fx->diags, 0);
    assert_int_equal(g->severity, SEV_ERROR);
    assert_non_null(strstr(g->message, "malformed figure '7 864 0000'"));
    assert_non_null(strstr(g->message, "three digits"));
    assert_diag_at(fx, g, 2, 30);
    assert_int_equal(g->loc.end - g->loc.start, strlen("7 864 0000"));
    assert_non_null(find_note(g, "separate them with '|'"));
    /* the rest of the table is parsed */
    Table *t = decl_n(fx->module, 0)->u.table;
    assert_int_equal(t->nrows, 2);
}

static void test_malformed_figures(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "table t (2025) {\n"
                   "    a | 78 64\n"
                   "    b | 7864 000\n"
                   "    c | 1,1234567\n"
                   "}\n");
    assert_int_equal(fx->diags.list.len, 3);
    assert_diag_at(fx, diag_n(&fx->diags, 0), 2, 9);
    assert_diag_at(fx, diag_n(&fx->diags, 1), 3, 9);
    assert_diag_at(fx, diag_n(&fx->diags, 2), 4, 9);
    assert_non_null(strstr(diag_n(&fx->diags, 2)->message, "'1,1234567'"));
}

static void test_figure_too_large(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "table t (2025) { a | 99 999 999 999 999 999 }\n");
    assert_int_equal(fx->diags.list.len, 1);
    /* well formed, only too large: not called malformed */
    assert_string_equal(diag_n(&fx->diags, 0)->message,
                        "this figure is too large for finsam's arithmetic");
    assert_diag_at(fx, diag_n(&fx->diags, 0), 1, 22);
}

static void test_comma_in_calls(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx, "check c: round(x, -4) == 1,5\n");
    Expr *e = decl_n(m, 0)->u.check->expr;
    Expr *call = e->u.binary.left, *right = e->u.binary.right;
    assert_int_equal(call->type, E_CALL);
    assert_int_equal(call->u.call.func, FN_ROUND);
    assert_int_equal(call->u.call.args.len, 2);
    assert_int_equal(((Expr *)call->u.call.args.items[1])->type, E_NEG);
    assert_int_equal(right->type, E_FIGURE);
    assert_int_equal(right->u.figure.value.lo, 1500000);
}

static void test_expression_precedence(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx, "check c: not a + b * c >= -d or e == 1 and f < 2\n");
    Expr *e = decl_n(m, 0)->u.check->expr;
    /* or( not(a + b*c >= -d), and(e == 1, f < 2) ) */
    assert_int_equal(e->type, E_BINARY);
    assert_int_equal(e->op, OP_OR);
    Expr *l = e->u.binary.left, *r = e->u.binary.right;
    assert_int_equal(l->type, E_NOT);
    Expr *ge = l->u.unary.operand;
    assert_int_equal(ge->op, OP_GE);
    assert_int_equal(ge->u.binary.left->op, OP_ADD);
    assert_int_equal(ge->u.binary.left->u.binary.right->op, OP_MUL);
    assert_int_equal(ge->u.binary.right->type, E_NEG);
    assert_int_equal(r->op, OP_AND);
    assert_int_equal(r->u.binary.left->op, OP_EQ);
    assert_int_equal(r->u.binary.right->op, OP_LT);
}

static void test_percent_in_formula(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx, "check c: x == 38%\n");
    Expr *p = decl_n(m, 0)->u.check->expr->u.binary.right;
    assert_int_equal(p->type, E_FIGURE);
    assert_int_equal(p->u.figure.kind, K_PERCENT);
    /* 38% stands for 37,5 % up to, not including, 38,5 % (which is printed 39 %) */
    assert_int_equal(p->u.figure.value.lo, 375000);
    assert_int_equal(p->u.figure.value.hi, 385000 - 1);
    assert_true(p->u.figure.printed);
}

static void test_where_and_calls(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx, "check c: count(ind where result >= target) == 3\n");
    Expr *call = decl_n(m, 0)->u.check->expr->u.binary.left;
    assert_int_equal(call->u.call.func, FN_COUNT);
    Expr *w = call->u.call.args.items[0];
    assert_int_equal(w->type, E_WHERE);
    assert_int_equal(w->u.where.cond->op, OP_GE);
}

static void test_unknown_function(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "check c: avg(x) == 1\n");
    assert_int_equal(fx->errors, 1);
    Diag *g = find_diag(&fx->diags, "unknown function 'avg'");
    assert_non_null(g);
    assert_diag_at(fx, g, 1, 10);
    assert_non_null(find_note(g, "sum, count, min, max, abs, round and prev"));
}

static void test_invalid_date(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "param p = 1 from 2025-02-29\nparam q = 1 from 2024-02-29\n");
    assert_int_equal(fx->errors, 1);
    Diag *g = find_diag(&fx->diags, "'2025-02-29' is not a date");
    assert_non_null(g);
    assert_diag_at(fx, g, 1, 18);
    /* the hint says why: the shape is right, the day is not in that month */
    assert_non_null(find_note(g, "2025-02 has 28 days"));
}

/* A month that does not exist (day and month swapped): the hint says which months do. */
static void test_date_month_13(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "param p = 1 from 2026-16-03\n");
    Diag *g = find_diag(&fx->diags, "'2026-16-03' is not a date");
    assert_non_null(g);
    assert_non_null(find_note(g, "a month is 01 to 12"));
}

/* ---- syntax errors -------------------------------------------------------------- */

static void test_syntax_error_message(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "import 5\n");
    assert_int_equal(fx->errors, 1);
    assert_int_equal(fx->diags.list.len, 1);
    Diag *g = diag_n(&fx->diags, 0);
    assert_string_equal(g->message, "expected a string, found figure '5'");
    assert_diag_at(fx, g, 1, 8);

    parse_text(fx, "check c \"C\" x == 1\n");
    g = diag_n(&fx->diags, 1);
    assert_string_equal(g->message,
                        "expected 'source', 'error', 'warning' or ':', found name 'x'");
    assert_diag_at(fx, g, 1, 13);
}

static void test_missing_bar_hint(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "table t (2025, 2024) {\n    x \"X\" 1 | 2\n}\n");
    assert_int_equal(fx->diags.list.len, 1);
    Diag *g = diag_n(&fx->diags, 0);
    assert_non_null(strstr(g->message, "found figure '1'"));
    assert_non_null(strstr(g->message, "'|'"));
    assert_non_null(find_note(g, "cells are separated by '|'"));
    assert_diag_at(fx, g, 2, 11);
}

static void test_three_syntax_errors(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "report \"R\" {\n"
                   "    year 2025\n"
                   "}\n"
                   "param a \"A\" 5\n"
                   "table t \"T\" (2025) {\n"
                   "    x \"X\" 1 | 2\n"
                   "    y \"Y\" | 3\n"
                   "}\n"
                   "check c \"C\" 1 == 1\n"
                   "check d \"D\": 1 == 1\n");
    assert_int_equal(fx->errors, 3);
    assert_int_equal(fx->diags.list.len, 3);
    assert_diag_at(fx, diag_n(&fx->diags, 0), 4, 13);
    assert_diag_at(fx, diag_n(&fx->diags, 1), 6, 11);
    assert_diag_at(fx, diag_n(&fx->diags, 2), 9, 13);
    /* what follows each error is still parsed */
    Module *m = fx->module;
    bool saw_report = false, saw_d = false, saw_y = false;
    for (int i = 0; i < m->decls.len; i++) {
        Decl *d = decl_n(m, i);
        if (d->type == D_REPORT)
            saw_report = true;
        if (d->type == D_CHECK && strcmp(d->u.check->name, "d") == 0)
            saw_d = true;
        if (d->type == D_TABLE)
            for (int j = 0; j < d->u.table->nrows; j++)
                saw_y |= strcmp(d->u.table->rows[j]->name, "y") == 0;
    }
    assert_true(saw_report);
    assert_true(saw_d);
    assert_true(saw_y);
}

static void test_error_limit(void **state)
{
    ParseFx *fx = *state;
    char text[2000] = "";
    for (int i = 1; i <= 30; i++) {
        char line[64];
        snprintf(line, sizeof line, "param p%d \"P\" %d\n", i, i);
        strcat(text, line);
    }
    parse_text(fx, text);
    assert_int_equal(fx->errors, PARSE_MAX_ERRORS);
    assert_int_equal(fx->diags.list.len, PARSE_MAX_ERRORS);
    Diag *last = diag_n(&fx->diags, PARSE_MAX_ERRORS - 1);
    assert_diag_at(fx, last, 20, 15);
    assert_non_null(find_note(last, "too many errors in this file; stopping here"));
    for (int i = 0; i < PARSE_MAX_ERRORS - 1; i++)
        assert_null(find_note(diag_n(&fx->diags, i), "too many errors"));
}

static void test_error_limit_bad_characters(void **state)
{
    ParseFx *fx = *state;
    char text[400] = "";
    for (int i = 0; i < 30; i++)
        strcat(text, "x @\n");
    parse_text(fx, text);
    assert_int_equal(fx->diags.list.len, PARSE_MAX_ERRORS);
    /* the first word is no declaration; then each '@', until the limit */
    assert_string_equal(diag_n(&fx->diags, 0)->message, "'x' does not start a declaration");
    assert_string_equal(diag_n(&fx->diags, 1)->message, "unexpected character '@'");
    assert_diag_at(fx, diag_n(&fx->diags, 1), 1, 3);
    assert_diag_at(fx, diag_n(&fx->diags, 19), 19, 3);
}

static void test_bad_characters(void **state)
{
    ParseFx *fx = *state;
    /* an em dash for a minus, and a ';' (the en dash U+2013 is a minus, as typeset
     * reports print it: issue 10) */
    parse_text(fx, "table t (2025) {\n    a | \xE2\x80\x94" "5\n}\ncheck c: 1 == 1;\n");
    Diag *g = find_diag(&fx->diags, "unexpected character '\xE2\x80\x94'");
    assert_non_null(g);
    assert_diag_at(fx, g, 2, 9);
    assert_non_null(find_note(g, "a minus is written '-'"));
    g = find_diag(&fx->diags, "unexpected character ';'");
    assert_non_null(g);
    assert_diag_at(fx, g, 4, 16);
    assert_non_null(find_note(g, "needs no ';'"));
}

static void test_keyword_as_name(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "table t (2025) {\n"
                   "    suppliers | 1\n"
                   "    check     | 2\n"
                   "}\n");
    assert_true(fx->errors >= 1);
    Diag *g = diag_n(&fx->diags, 0);
    assert_string_equal(g->message, "expected a name, 'section', '}', '%' or '|', found 'check'");
    assert_diag_at(fx, g, 3, 5);
    assert_int_equal(g->loc.end - g->loc.start, 5);
    assert_non_null(find_note(g, "'check' is a keyword and cannot be used as a name"));
}

static void test_keyword_as_param_name(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "param note \"N\" = 5\n");
    Diag *g = diag_n(&fx->diags, 0);
    /* what else may follow 'param' can change as the language grows */
    assert_true(strncmp(g->message, "expected a name", 15) == 0);
    assert_non_null(strstr(g->message, ", found 'note'"));
    assert_diag_at(fx, g, 1, 7);
    assert_non_null(find_note(g, "'note' is a keyword and cannot be used as a name"));
}

static void test_unterminated_string(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "report \"R {\n    year 2025\n}\n");
    assert_true(fx->errors >= 1);
    Diag *g = diag_n(&fx->diags, 0);
    assert_string_equal(g->message, "this string has no closing '\"'");
    assert_diag_at(fx, g, 1, 8);
    /* the string runs to the end of its line */
    assert_int_equal(g->loc.end, offset_of(fx->src->text, "\n"));
    assert_non_null(find_note(g, "a string must end on the line it starts on"));
}

static void test_missing_brace_at_end(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "report \"R\" { year 2025 }\n"
                   "table t \"T\" (2025) {\n"
                   "    section s \"S\" {\n"
                   "        x \"X\" | 1\n"
                   "    }\n"
                   "    y \"Y\" | 2\n");
    assert_int_equal(fx->diags.list.len, 1);
    Diag *g = diag_n(&fx->diags, 0);
    assert_non_null(strstr(g->message, "found the end of the file"));
    assert_non_null(strstr(g->message, "'}'"));
    /* at the end of the last line, not on the empty line after it */
    assert_diag_at(fx, g, 6, 14);
    assert_non_null(find_note(g, "a '}' is missing: the '{' at line 2 is never closed"));
}

static void test_missing_inner_brace_at_end(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "table t \"T\" (2025) {\n"
                   "    section s \"S\" {\n"
                   "        x \"X\" | 1\n"
                   "}\n");
    Diag *g = diag_n(&fx->diags, 0);
    /* the innermost '{' still open is the table's: the section's was closed */
    assert_non_null(find_note(g, "the '{' at line 1 is never closed"));
}

static void test_missing_brace_before_check(void **state)
{
    ParseFx *fx = *state;
    parse_text(fx, "table t \"T\" (2025) {\n"
                   "    x \"X\" | 1\n"
                   "\n"
                   "check c \"C\": t.x == 1\n");
    assert_true(fx->errors >= 1);
    Diag *g = diag_n(&fx->diags, 0);
    assert_diag_at(fx, g, 4, 1);
    /* Regression: a table left open before a 'check' got only the hint "'check' is
     * a keyword and cannot be used as a name" (parse.c gave the brace hint only at
     * the end of the file). The '}' is what is missing: name the '{' on line 1. */
    assert_non_null(find_note(g, "the '{' at line 1 is never closed"));
}

static void test_crlf_and_bom(void **state)
{
    ParseFx *fx = *state;
    Module *m = parse_ok(fx, "\xEF\xBB\xBF" "table t (2025) {\r\n    a | 1 234\r\n}\r\n"
                             "check c: t.a == 1\r\n");
    assert_int_equal(m->decls.len, 2);
    assert_figure(decl_n(m, 0)->u.table->rows[0]->cells[0], KR(1234), 0);
    /* an error's column on a CRLF line */
    parse_text(fx, "table t (2025) {\r\n    a | 1 | @\r\n}\r\n");
    Diag *g = find_diag(&fx->diags, "unexpected character '@'");
    assert_non_null(g);
    assert_diag_at(fx, g, 2, 13);
}

static void test_utf8_names(void **state)
{
    ParseFx *fx = *state;
    Table *t = parse_table(fx, "table överskott (2025) { årets_resultat | 1 }\n");
    assert_string_equal(t->name, "överskott");
    /* an error after a UTF-8 name has its column counted in characters */
    parse_text(fx, "table t (2025) { åäö | 1 @ }\n");
    Diag *g = find_diag(&fx->diags, "unexpected character '@'");
    assert_non_null(g);
    assert_diag_at(fx, g, 1, 26);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_empty_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_declarations, setup, teardown),
        cmocka_unit_test_setup_teardown(test_names_are_interned, setup, teardown),
        cmocka_unit_test_setup_teardown(test_string_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_shape, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_kinds_and_units, setup, teardown),
        cmocka_unit_test_setup_teardown(test_year_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_year_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_row_over_lines_and_closing_bar, setup, teardown),
        cmocka_unit_test_setup_teardown(test_figures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_figure_separators, setup, teardown),
        cmocka_unit_test_setup_teardown(test_negative_figures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_percent_cells, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dash_text_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_figure_one_diag, setup, teardown),
        cmocka_unit_test_setup_teardown(test_malformed_figures, setup, teardown),
        cmocka_unit_test_setup_teardown(test_figure_too_large, setup, teardown),
        cmocka_unit_test_setup_teardown(test_comma_in_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_expression_precedence, setup, teardown),
        cmocka_unit_test_setup_teardown(test_percent_in_formula, setup, teardown),
        cmocka_unit_test_setup_teardown(test_where_and_calls, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_function, setup, teardown),
        cmocka_unit_test_setup_teardown(test_date_month_13, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_syntax_error_message, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_bar_hint, setup, teardown),
        cmocka_unit_test_setup_teardown(test_three_syntax_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_limit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_error_limit_bad_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keyword_as_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_keyword_as_param_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unterminated_string, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_brace_at_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_inner_brace_at_end, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_brace_before_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_crlf_and_bom, setup, teardown),
        cmocka_unit_test_setup_teardown(test_utf8_names, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
