/* Unit tests for load and resolve: files in a temporary folder, loaded with their
 * imports, names bound, kinds checked and check domains worked out. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

/* Writes DIR/year.fin, loads and resolves it; returns the number of errors. */
static int resolve_text(ProgFx *fx, const char *text)
{
    write_file(fx, "year.fin", text);
    return load_resolve(fx, "year.fin", NULL);
}

static void resolve_ok(ProgFx *fx, const char *text)
{
    resolve_text(fx, text);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(fx->load_errors, 0);
    assert_int_equal(fx->resolve_errors, 0);
}

/* The one diagnostic whose message holds needle. */
static Diag *the_diag(ProgFx *fx, const char *needle)
{
    Diag *g = find_diag(&fx->prog.diags, needle);
    if (!g) {
        char *all = print_diags(&fx->prog.diags);
        print_error("%s", all);
        free(all);
        fail_msg("no diagnostic says \"%s\"", needle);
    }
    return g;
}

static void assert_at(Loc l, int line, int col)
{
    int ln, c;
    line_col_of(l, &ln, &c);
    assert_int_equal(ln, line);
    assert_int_equal(c, col);
}

/* The text a location covers. */
static char *text_at(Loc l)
{
    static char buf[256];
    size_t n = l.end - l.start;
    assert_true(n < sizeof buf);
    memcpy(buf, l.src->text + l.start, n);
    buf[n] = '\0';
    return buf;
}

static void assert_keys_years(const Check *c, const int *years, int n)
{
    assert_int_equal(c->keys.len, n);
    for (int i = 0; i < n; i++) {
        const Key *k = c->keys.items[i];
        assert_null(k->name);
        assert_int_equal(k->year, years[i]);
    }
}

/* ---- a correct file ------------------------------------------------------------- */

static void test_resolves_names_and_kinds(void **state)
{
    ProgFx *fx = *state;
    resolve_ok(fx, REPORT_2025
        "accounts income \"Resultaträkning\" (2025, 2024) {\n"
        "    fees \"Avgifter\" | 7 864 004 | 8 028 000\n"
        "    costs           | -8 160 786 | -8 282 457\n"
        "    net = fees + costs | -296 782 | -254 457\n"
        "}\n"
        "indicators ind unit % (result, target) {\n"
        "    a | 55 | 60\n"
        "}\n"
        "table staff unit count (2025) { n | 3 }\n");
    Program *prog = &fx->prog;
    assert_non_null(prog->report);
    assert_int_equal(prog->report->year, 2025);
    assert_int_equal(prog->tables.len, 3);
    Table *income = table_named(prog, "income");
    assert_int_equal(income->id, 0);
    assert_int_equal(row_named(income, "fees")->kind, K_MONEY);
    assert_int_equal(row_named(table_named(prog, "ind"), "a")->kind, K_PERCENT);
    assert_int_equal(row_named(table_named(prog, "staff"), "n")->kind, K_COUNT);
    Expr *f = row_formula(row_named(income, "net"));
    assert_int_equal(f->kind, K_MONEY);
    assert_int_equal(f->u.binary.left->rtype, REF_ROW);
    assert_ptr_equal(f->u.binary.left->u.ref.row, row_named(income, "fees"));
}

/* ---- names ------------------------------------------------------------------------ */

static void test_unknown_row_did_you_mean(void **state)
{
    ProgFx *fx = *state;
    assert_int_equal(resolve_text(fx, REPORT_2025
        "accounts res (2025) {\n"
        "    fin_costs | 1\n"
        "    result = fin_income + fin_cost | 2\n"
        "}\n"), 2);
    Diag *g = the_diag(fx, "unknown row or table 'fin_cost'");
    assert_at(g->loc, 6, 27);
    assert_string_equal(text_at(g->loc), "fin_cost");
    assert_non_null(find_note(g, "did you mean 'fin_costs'?"));
    /* nothing close to 'fin_income': no suggestion */
    g = the_diag(fx, "unknown row or table 'fin_income'");
    assert_null(find_note(g, "did you mean"));
}

static void test_unknown_row_of_other_table(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "accounts balance (2025) { equity | 1 }\n"
        "check c \"C\": balance.equty == 1\n"
        "check d \"D\": balanse.equity == 1\n");
    Diag *g = the_diag(fx, "table 'balance' has no row 'equty'");
    assert_at(g->loc, 5, 22);
    assert_non_null(find_note(g, "did you mean 'equity'?"));
    g = the_diag(fx, "unknown name 'balanse'");
    assert_non_null(find_note(g, "did you mean 'balance'?"));
}

static void test_unknown_column(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "indicators ind (result, target) { a | 1 | 2 }\n"
        "accounts inc (2025, 2024) { a | 1 | 2 }\n"
        "check c: ind.a[reslt] == 1\n"
        "check d: inc.a[2023] == 1\n");
    Diag *g = the_diag(fx, "table 'ind' has no column 'reslt'");
    assert_non_null(find_note(g, "did you mean 'result'?"));
    g = the_diag(fx, "table 'inc' has no column 2023");
    assert_non_null(find_note(g, "its columns are 2025, 2024"));
}

static void test_duplicate_table(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table a \"A\" (2025) { x | 1 }\n"
        "table a \"B\" (2025) { q | 1 }\n");
    Diag *g = the_diag(fx, "'a' is declared twice");
    assert_at(g->loc, 5, 7);
    const char *note = find_note(g, "first declared at ");
    assert_non_null(note);
    assert_non_null(strstr(note, "year.fin:4:7"));
}

static void test_duplicate_across_files(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "rules.fin", "\n\nparam cap = 20%\n");
    resolve_text(fx, "import \"rules\"\n" REPORT_2025 "check cap: 1 == 1\n");
    Diag *g = the_diag(fx, "'cap' is declared twice");
    /* one place is the message's, the other its note's: in either order */
    char rules[PATH_MAX + 32], year[PATH_MAX + 32];
    snprintf(rules, sizeof rules, "%s/rules.fin", fx->dir);
    snprintf(year, sizeof year, "%s/year.fin", fx->dir);
    bool at_rules = strcmp(g->loc.src->path, rules) == 0;
    if (!at_rules)
        assert_string_equal(g->loc.src->path, year);
    assert_at(g->loc, at_rules ? 3 : 5, 7);
    assert_string_equal(text_at(g->loc), "cap");
    char want[PATH_MAX + 64];
    snprintf(want, sizeof want, "first declared at %s:%d:7", at_rules ? year : rules,
             at_rules ? 5 : 3);
    const char *note = find_note(g, "first declared at ");
    assert_non_null(note);
    assert_string_equal(note, want);
}

static void test_duplicate_row(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table t (2025) {\n"
        "    admin | 1\n"
        "\tadmin | 2\n"
        "}\n");
    Diag *g = the_diag(fx, "table 't' has two rows named 'admin'");
    assert_at(g->loc, 6, 2);
    assert_non_null(find_note(g, "first declared at "));
    assert_non_null(strstr(find_note(g, "first declared at "), "year.fin:5:5"));
}

/* Issue 10: a table with no rows (a placeholder for one the report lacks) is told at the
 * table, before any rule set reads its columns and meets values of no kind. */
static void test_table_without_rows(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "goals.fin", "require goals.result\n"
                                "check met: goals[result] >= goals[target]\n");
    resolve_text(fx, "import \"goals\"\n" REPORT_2025
        "indicators goals (result, target) {\n"
        "}\n");
    Diag *g = the_diag(fx, "table 'goals' has no rows");
    assert_string_equal(text_at(g->loc), "goals");
    assert_non_null(find_note(g, "absent goals"));
    assert_int_equal(count_diags(&fx->prog.diags, "unknown kind"), 0);
    assert_int_equal(fx->resolve_errors, 1);
}

static void test_note_table_without_rows(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "accounts income (2025) { fees note 1 | 10 }\n"
        "accounts n1 note 1 (2025) { }\n");
    assert_non_null(the_diag(fx, "table 'n1' has no rows"));
}

static void test_absent_table_is_no_empty_table(void **state)
{
    ProgFx *fx = *state;
    resolve_ok(fx, REPORT_2025 "absent goals \"Förbundet har inga verksamhetsmål\"\n");
}

static void test_duplicate_column(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025 "table t (2025, 2024, 2025) { a | 1 | 2 | 3 }\n");
    Diag *g = the_diag(fx, "table 't' has this column twice");
    assert_at(g->loc, 4, 22);
    assert_non_null(strstr(find_note(g, "first declared at "), "year.fin:4:10"));
}

static void test_wrong_cell_count(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table t (2025, 2024) {\n"
        "    few | 1\n"
        "    many | 1 | 2 | 3\n"
        "    closing | 1 | 2 |\n"
        "    computed = few\n"
        "}\n");
    Diag *g = the_diag(fx, "row 'few' has 1 cell, but table 't' has 2 columns");
    assert_at(g->loc, 5, 11);
    assert_non_null(find_note(g, "one cell per column"));
    g = the_diag(fx, "row 'many' has 3 cells, but table 't' has 2 columns");
    /* the whole run of cells is underlined */
    assert_string_equal(text_at(g->loc), "1 | 2 | 3");
    /* a closing '|' and a computed row without cells are fine */
    assert_null(find_diag(&fx->prog.diags, "'closing'"));
    assert_null(find_diag(&fx->prog.diags, "'computed'"));
    assert_int_equal(fx->prog.diags.errors, 2);
}

static void test_row_mixes_kinds(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025 "table t (2025, 2024) { y | 50% | 3 }\n");
    Diag *g = the_diag(fx, "row 'y' mixes a percentage and an amount");
    assert_string_equal(text_at(g->loc), "3");
}

/* ---- kinds ---------------------------------------------------------------------------- */

static void test_percent_plus_amount(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "accounts income (2025) { fees | 1 000 }\n"
        "accounts balance (2025) { equity | 1 }\n"
        "check c \"C\":\n"
        "    balance.equity <= income.fees + 20%\n");
    assert_int_equal(fx->prog.diags.errors, 1);
    Diag *g = the_diag(fx, "cannot add an amount and a percentage");
    assert_int_equal(g->severity, SEV_ERROR);
    assert_string_equal(text_at(g->loc), "income.fees + 20%");
    assert_at(g->loc, 7, 23);
    /* both operands' places */
    assert_ptr_equal(g->also[0].src, g->loc.src);
    assert_string_equal(text_at(g->also[0]), "income.fees");
    assert_ptr_equal(g->also[1].src, g->loc.src);
    assert_string_equal(text_at(g->also[1]), "20%");
    assert_non_null(find_note(g, "the left operand, at 7:23, is an amount"));
    assert_non_null(find_note(g, "the right operand, at 7:37, is a percentage"));
}

static void test_kind_errors(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "accounts a (2025) { m | 1 }\n"
        "table s unit count (2025) { n | 1 }\n"
        "check times: a.m * a.m == 1\n"
        "check date: a.m < 2026-03-16\n"
        "check mixed: a.m + s.n == 1\n");
    assert_non_null(the_diag(fx, "cannot multiply an amount and an amount"));
    assert_non_null(the_diag(fx, "cannot compare an amount and a date"));
    assert_non_null(the_diag(fx, "cannot add an amount and a count"));
    assert_int_equal(fx->prog.diags.errors, 3);
}

/* Regression: a bare number took the kind of a date it was compared with, so that
 * 2026-03-16 > year compared a date with 2025 as if it were one. */
static void test_date_against_number(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "check a: 2026-03-16 > year\n"
        "check b: 20250101 <= 2026-03-16\n"
        "check c: 2026-03-16 > 2025-12-31\n");
    Diag *g = the_diag(fx, "cannot compare a date and a number");
    assert_string_equal(text_at(g->loc), "2026-03-16 > year");
    assert_non_null(the_diag(fx, "cannot compare a number and a date"));
    assert_int_equal(fx->prog.diags.errors, 2);
}

/* count() counts figures or rows: a comparison or a date is never counted. */
static void test_count_of_what_is_not_a_figure(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table t (2025) { a | 1 }\n"
        "check a: count(t.a > 0) == 1\n"
        "check b: count(2025-01-01) == 1\n"
        "check c: count(t) == 1 and count(t.a) == 1\n");
    Diag *g = the_diag(fx, "count() counts figures or rows, not a truth value");
    assert_string_equal(text_at(g->loc), "t.a > 0");
    assert_non_null(the_diag(fx, "count() counts figures or rows, not a date"));
    assert_int_equal(fx->prog.diags.errors, 2);
}

/* Aggregates of several sets of rows: every set in, of one kind. */
static void test_aggregate_of_sets(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table t (2025) {\n"
        "    section s1 \"S1\" {\n"
        "        a | 1\n"
        "    }\n"
        "    section s2 \"S2\" {\n"
        "        b | 5%\n"
        "    }\n"
        "}\n"
        "table u (2025) { z | 100 }\n"
        "check ok: sum(t.s1, u) == 101\n"
        "check kinds: sum(t.s1, t.s2) == 1\n"
        "check mixed: sum(t.s1, u.z) == 1\n");
    Diag *g = the_diag(fx, "sum() of an amount and a percentage: its arguments must be of one "
                           "kind");
    assert_string_equal(text_at(g->loc), "t.s2");
    g = the_diag(fx, "sum() of a set of rows and an amount");
    assert_string_equal(text_at(g->loc), "u.z");
    assert_int_equal(fx->prog.diags.errors, 2);
}

static void test_check_not_a_comparison(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "accounts a (2025) { m | 1 }\n"
        "check c \"C\": a.m + 1\n");
    Diag *g = the_diag(fx, "a check must be a comparison that is true or false, not an amount");
    assert_string_equal(text_at(g->loc), "a.m + 1");
    assert_non_null(find_note(g, "hint: "));
}

static void test_formula_kind_mismatch(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table t (2025) {\n"
        "    a | 1\n"
        "    b | 2\n"
        "    share = a / b | 50%\n"
        "    wrong = a / b | 7\n"
        "}\n");
    Diag *g = the_diag(fx, "this formula gives a percentage, but row 'wrong' holds an amount");
    assert_at(g->loc, 8, 13);
    assert_int_equal(fx->prog.diags.errors, 1);
}

/* ---- check domains -------------------------------------------------------------------- */

static void test_domain_intersects_columns(void **state)
{
    ProgFx *fx = *state;
    resolve_ok(fx, REPORT_2025
        "accounts income (2025, 2024) { result | 1 | 2 }\n"
        "accounts overview (2025) { result | 1 }\n"
        "accounts old (2024, 2023) { result | 1 | 2 }\n"
        "check both: income.result == overview.result\n"
        "check one: income.result == 1\n"
        "check cell: income.result[2024] == 2\n"
        "check three: income.result == old.result\n");
    Check *c = check_named(&fx->prog, "both");
    assert_int_equal(c->domain, DOMAIN_COLUMNS);
    assert_ptr_equal(c->domain_table, table_named(&fx->prog, "income"));
    assert_keys_years(c, (const int[]){2025}, 1);

    c = check_named(&fx->prog, "one");
    assert_int_equal(c->domain, DOMAIN_COLUMNS);
    assert_keys_years(c, (const int[]){2025, 2024}, 2);

    c = check_named(&fx->prog, "cell");
    assert_int_equal(c->domain, DOMAIN_SCALAR);

    c = check_named(&fx->prog, "three");
    assert_keys_years(c, (const int[]){2024}, 1);
}

static void test_domain_prev_shifts(void **state)
{
    ProgFx *fx = *state;
    resolve_ok(fx, REPORT_2025
        "accounts balance (2025, 2024, 2023) {\n"
        "    other_equity | 1 | 2 | 3\n"
        "    equity | 1 | 2 | 3\n"
        "}\n"
        "check rollforward: balance.other_equity == prev(balance.equity)\n");
    Check *c = check_named(&fx->prog, "rollforward");
    assert_int_equal(c->domain, DOMAIN_COLUMNS);
    /* prev() needs the year before: 2023 has none in the table */
    assert_keys_years(c, (const int[]){2025, 2024}, 2);
}

/* Regression: a check of prev() alone ran in the year after the table's, "in column
 * 2026", and with columns (2025, 2024) failed there against the 2025 figure. */
static void test_domain_prev_only(void **state)
{
    ProgFx *fx = *state;
    resolve_ok(fx, REPORT_2025
        "table t \"T\" (2025, 2024) { a \"a\" | 1 | 999 }\n"
        "table u \"U\" (2024, 2025) { a \"a\" | 999 | 1 }\n"
        "check c: prev(t.a) == 999\n"
        "check d: prev(u.a) == 999\n");
    Check *c = check_named(&fx->prog, "c");
    assert_int_equal(c->domain, DOMAIN_COLUMNS);
    assert_keys_years(c, (const int[]){2025}, 1);
    assert_keys_years(check_named(&fx->prog, "d"), (const int[]){2025}, 1);
}

static void test_domain_prev_without_year_before(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table t \"T\" (2025) { a \"a\" | 1 }\n"
        "check c \"c\" error: prev(t.a) == 999\n");
    Diag *g = the_diag(fx, "the operands of check 'c' have no column in common");
    assert_string_equal(text_at(g->loc), "t.a");
    assert_non_null(find_note(g, "prev() runs in a column whose year before"));
    assert_int_equal(fx->prog.diags.errors, 1);
}

static void test_domain_prev_with_named_columns(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "indicators ind (result, target) { a | 1 | 2 }\n"
        "check p: ind.a == prev(ind.a)\n");
    /* named columns have no year before them: nothing in common */
    Diag *g = the_diag(fx, "the operands of check 'p' have no column in common");
    assert_non_null(find_note(g, "'ind' has the columns result, target"));
}

static void test_domain_empty(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "accounts a (2025) { x | 1 }\n"
        "accounts b (2023) { x | 1 }\n"
        "check c: a.x == b.x\n");
    Diag *g = the_diag(fx, "the operands of check 'c' have no column in common");
    assert_string_equal(text_at(g->loc), "b.x");
    assert_non_null(find_note(g, "'a' has the columns 2025"));
    assert_non_null(find_note(g, "'b' has the columns 2023"));
    /* the example is a cell of the check's own table, not of a table it does not name */
    assert_non_null(find_note(g, "hint: choose a column with [...], for example a.x[2025]"));
}

/* Two tables of different rows compared by column: what they lack is rows, and the
 * notes say which rows each has. */
static void test_domain_no_row_in_common(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "indicators g unit % (result, target) { a | 1 | 2\n b | 3 | 4 }\n"
        "indicators h unit % (result, target) { c | 1 | 2 }\n"
        "check c: g[result] >= h[target]\n");
    Diag *g = the_diag(fx, "the operands of check 'c' have no row in common");
    assert_string_equal(text_at(g->loc), "h[target]");
    assert_non_null(find_note(g, "'g' has the rows a, b"));
    assert_non_null(find_note(g, "'h' has the rows c"));
    assert_non_null(find_note(g, "hint: compare one row's cells with table.row[column], for "
                                 "example g.a[result]"));
    assert_null(find_note(g, "has the columns"));
}

/* A long table's rows are named up to eight, then counted. */
static void test_domain_no_row_in_common_long(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "indicators g unit % (result, target) {\n"
        "    a | 1 | 1\n b | 1 | 1\n c | 1 | 1\n d | 1 | 1\n e | 1 | 1\n"
        "    f | 1 | 1\n g | 1 | 1\n h | 1 | 1\n i | 1 | 1\n j | 1 | 1\n}\n"
        "indicators h unit % (result, target) { x | 1 | 2 }\n"
        "check c: g[result] >= h[target]\n");
    Diag *g = the_diag(fx, "the operands of check 'c' have no row in common");
    assert_non_null(find_note(g, "'g' has the rows a, b, c, d, e, f, g, h and 2 more"));
}

static void test_domain_rows(void **state)
{
    ProgFx *fx = *state;
    resolve_ok(fx, REPORT_2025
        "indicators ind unit % (result, target) {\n"
        "    a | 55 | 60\n"
        "    b | 70 | 60\n"
        "    c | 10 | 20\n"
        "}\n"
        "check goals: ind[result] >= ind[target]\n"
        "check counted: count(ind where result >= target) >= 1\n");
    Check *c = check_named(&fx->prog, "goals");
    assert_int_equal(c->domain, DOMAIN_ROWS);
    assert_int_equal(c->keys.len, 3);
    static const char *const rows[] = {"a", "b", "c"};
    for (int i = 0; i < 3; i++) {
        const Key *k = c->keys.items[i];
        assert_string_equal(k->name, rows[i]);
        assert_int_equal(k->year, 0);
    }
    /* a count over a filtered table is one value: it runs once */
    assert_int_equal(check_named(&fx->prog, "counted")->domain, DOMAIN_SCALAR);
}

static void test_domain_rows_and_columns_mixed(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "indicators ind (result, target) { a | 1 | 2 }\n"
        "accounts inc (2025) { a | 1 }\n"
        "check m: ind[result] >= inc.a\n");
    Diag *g = the_diag(fx, "this check mixes rows (table.row) and columns (table[column])");
    assert_non_null(find_note(g, "table.row[column]"));
}

/* ---- the report block -------------------------------------------------------------- */

static void test_report_missing(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, "table t (2025) { a | 1 }\n");
    Diag *g = the_diag(fx, "no 'report' block");
    assert_null(g->loc.src);
    char want[PATH_MAX];
    snprintf(want, sizeof want, "%s/year.fin", fx->dir);
    assert_string_equal(g->file, want);
    assert_non_null(find_note(g, "year 2025"));
    assert_null(fx->prog.report);
}

static void test_report_without_year(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, "report \"R\" { decided 2026-03-16 }\n");
    assert_non_null(the_diag(fx, "the 'report' block has no year"));
    program_free(&fx->prog);
    program_init(&fx->prog);
    resolve_text(fx, "report \"R\" { year \"2025\" }\n");
    assert_non_null(the_diag(fx, "the report's year must be a year such as 2025"));
}

static void test_two_reports(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025 REPORT_2025);
    Diag *g = the_diag(fx, "a year file has one 'report' block");
    assert_at(g->loc, 4, 1);
    assert_non_null(strstr(find_note(g, "first declared at"), "year.fin:1:1"));
}

static void test_report_in_imported_file(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "rules.fin", REPORT_2025);
    resolve_text(fx, "import \"rules\"\n" REPORT_2025);
    Diag *g = the_diag(fx, "a 'report' block belongs in the year file, not in an imported file");
    assert_non_null(strstr(g->loc.src->path, "rules.fin"));
}

/* ---- imports --------------------------------------------------------------------------- */

/* Writes DIR/where/rules.fin declaring `param origin = N`. */
static void write_rules(ProgFx *fx, const char *where, int n)
{
    char name[64], text[64];
    snprintf(name, sizeof name, "%s%srules.fin", where, *where ? "/" : "");
    snprintf(text, sizeof text, "param origin = %d\n", n);
    write_file(fx, name, text);
}

static void remove_rules(ProgFx *fx, const char *where)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s%srules.fin", fx->dir, where, *where ? "/" : "");
    assert_int_equal(remove(path), 0);
}

/* Loads year.fin afresh with the search path of the import test; returns the
 * value of `origin`, which tells which rules.fin was found. */
static int loaded_origin(ProgFx *fx)
{
    char inc1[PATH_MAX], inc2[PATH_MAX], path1[PATH_MAX], path2[PATH_MAX], rules[PATH_MAX];
    snprintf(inc1, sizeof inc1, "%s/inc1", fx->dir);
    snprintf(inc2, sizeof inc2, "%s/inc2", fx->dir);
    snprintf(path1, sizeof path1, "%s/path1", fx->dir);
    snprintf(path2, sizeof path2, "%s/path2", fx->dir);
    snprintf(rules, sizeof rules, "%s/rulesdir", fx->dir);
    const char *includes[] = {inc1, inc2};
    const char *paths[] = {path1, path2};
    LoadOptions opts = {.include_dirs = includes, .ninclude = 2, .path_dirs = paths, .npath = 2,
                        .rules_dir = rules};
    program_free(&fx->prog);
    program_init(&fx->prog);
    load_resolve(fx, "year/year.fin", &opts);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(fx->prog.modules.len, 2);
    assert_int_equal(fx->prog.params.len, 1);
    Param *p = fx->prog.params.items[0];
    return (int)(p->value.value.lo / NUM_SCALE);
}

static void test_import_search_order(void **state)
{
    ProgFx *fx = *state;
    static const char *const dirs[] = {"year", "inc1", "inc2", "path1", "path2", "rulesdir"};
    for (int i = 0; i < 6; i++) {
        make_dir(fx, dirs[i]);
        write_rules(fx, dirs[i], i + 1);
    }
    write_file(fx, "year/year.fin", "import \"rules\"\n" REPORT_2025);
    /* the importing file's folder, then each -I, then FINSAM_PATH, then rules/ */
    for (int i = 0; i < 6; i++) {
        assert_int_equal(loaded_origin(fx), i + 1);
        Module *m = fx->prog.modules.items[1];
        char want[PATH_MAX];
        snprintf(want, sizeof want, "%s/%s/rules.fin", fx->dir, dirs[i]);
        assert_string_equal(m->src->path, want);
        assert_int_equal(m->src->index, 1);
        remove_rules(fx, dirs[i]);
    }
}

static void test_import_from_importing_folder(void **state)
{
    ProgFx *fx = *state;
    /* sub/a.fin imports "b": found next to a.fin, not next to the year file */
    make_dir(fx, "sub");
    write_file(fx, "sub/a.fin", "import \"b\"\n");
    write_file(fx, "sub/b.fin", "param from_sub = 1\n");
    write_file(fx, "b.fin", "param from_top = 1\n");
    resolve_ok(fx, "import \"sub/a\"\n" REPORT_2025);
    assert_int_equal(fx->prog.modules.len, 3);
    assert_int_equal(fx->prog.params.len, 1);
    assert_string_equal(((Param *)fx->prog.params.items[0])->name, "from_sub");
}

static void test_import_with_extension_and_twice(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "r.fin", "param x = 1\n");
    /* the same file by two names is loaded once: no duplicate 'x' */
    resolve_ok(fx, "import \"r.fin\"\nimport \"r\"\n" REPORT_2025);
    assert_int_equal(fx->prog.modules.len, 2);
}

static void test_missing_import_lists_paths(void **state)
{
    ProgFx *fx = *state;
    char inc[PATH_MAX], path[PATH_MAX], rules[PATH_MAX];
    snprintf(inc, sizeof inc, "%s/inc", fx->dir);
    snprintf(path, sizeof path, "%s/p", fx->dir);
    snprintf(rules, sizeof rules, "%s/rules", fx->dir);
    const char *includes[] = {inc};
    const char *paths[] = {path};
    LoadOptions opts = {.include_dirs = includes, .ninclude = 1, .path_dirs = paths, .npath = 1,
                        .rules_dir = rules};
    write_file(fx, "year.fin", REPORT_2025 "import \"federaton\"\n");
    load_resolve(fx, "year.fin", &opts);
    Diag *g = the_diag(fx, "cannot find the import \"federaton\"");
    assert_at(g->loc, 4, 1);
    assert_string_equal(text_at(g->loc), "import \"federaton\"");
    /* every path tried, in order */
    assert_true(g->notes.len >= 4);
    char want[PATH_MAX + 32];
    snprintf(want, sizeof want, "not found: %s/federaton.fin", fx->dir);
    assert_string_equal(g->notes.items[0], want);
    snprintf(want, sizeof want, "not found: %s/federaton.fin", inc);
    assert_string_equal(g->notes.items[1], want);
    snprintf(want, sizeof want, "not found: %s/federaton.fin", path);
    assert_string_equal(g->notes.items[2], want);
    snprintf(want, sizeof want, "not found: %s/federaton.fin", rules);
    assert_string_equal(g->notes.items[3], want);
    assert_non_null(find_note(g, "-I DIR"));
}

static void test_missing_import_counted(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "year.fin", REPORT_2025 "import \"nowhere\"\n");
    int errors = program_load(&fx->prog, fx->path, no_options());
    assert_int_equal(fx->prog.diags.errors, 1);
    /* Regression: program_load returns "the number of errors", but returned 0 for
     * an import that was not found (program_load assigned L.errors = load_file(...),
     * overwriting what load_import had added). */
    assert_int_equal(errors, 1);
}

static void test_import_cycle(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "a.fin", "import \"b\"\n");
    write_file(fx, "b.fin", "\nimport \"a\"\n");
    resolve_text(fx, "import \"a\"\n" REPORT_2025);
    Diag *g = the_diag(fx, "import cycle");
    /* at the import that closes the cycle, in b.fin */
    assert_non_null(strstr(g->loc.src->path, "b.fin"));
    assert_at(g->loc, 2, 1);
    assert_non_null(strstr(g->message, "b.fin imports "));
    assert_non_null(strstr(g->message, "a.fin, which is already being loaded"));
    const char *cycle = find_note(g, "the cycle: ");
    assert_non_null(cycle);
    assert_non_null(strstr(cycle, "a.fin -> "));
    assert_non_null(strstr(cycle, "b.fin -> "));
}

static void test_import_self(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025 "import \"year\"\n");
    Diag *g = the_diag(fx, "import cycle");
    assert_at(g->loc, 4, 1);
}

static void test_unreadable_and_bad_utf8(void **state)
{
    ProgFx *fx = *state;
    load_resolve(fx, "none.fin", NULL);
    Diag *g = the_diag(fx, "cannot read: No such file or directory");
    assert_null(g->loc.src);
    program_free(&fx->prog);
    program_init(&fx->prog);
    write_file(fx, "latin1.fin", "report \"R\" {\n    year 2025 # \xE5r\n}\n");
    load_resolve(fx, "latin1.fin", NULL);
    g = the_diag(fx, "this byte is not valid UTF-8");
    /* no source line is printed for a file that is not text: the place is in the
     * file name */
    assert_null(g->loc.src);
    assert_non_null(strstr(g->file, "latin1.fin:2:17"));
}

/* ---- parameters, allocations, notes ------------------------------------------------- */

static void test_params(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "param cap = 20% from 2024-01-01\n"
        "param cap = 25% from 2026-01-01\n"
        "param cap = 30% from 2026-01-01\n");
    Diag *g = the_diag(fx, "parameter 'cap' has two values from the same date");
    assert_at(g->loc, 6, 1);
    assert_non_null(strstr(find_note(g, "first declared at"), "year.fin:5:1"));
    /* the values of one name are one parameter */
    assert_int_equal(fx->prog.params.len, 1);
}

static void test_prev_of_param(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "param cap = 20% from 2024-01-01\n"
        "check p: prev(cap) == 1\n");
    Diag *g = the_diag(fx, "prev() of a parameter");
    assert_string_equal(text_at(g->loc), "cap");
}

/* Regression: `sum` and sum(t) added an amount and a percentage (100 kr and 5 %
 * gave 100,05 kr) without a word. */
static void test_sum_of_rows_of_two_kinds(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table t \"T\" (2025) {\n"
        "    a \"a\" | 100\n"
        "    b \"b\" | 5%\n"
        "    s \"s\" = sum | 105\n"
        "}\n"
        "check c: sum(t) == 1\n"
        "check m: max(t where 2025 > 0) == 1\n");
    assert_int_equal(count_diags(&fx->prog.diags, "this adds rows of different kinds: 'a' holds "
                                 "an amount and 'b' holds a percentage"), 3);
    Diag *g = the_diag(fx, "this adds rows of different kinds");
    assert_string_equal(text_at(g->loc), "sum");
    assert_at(g->loc, 7, 13);
    assert_non_null(find_note(g, "row 'a' is at "));
    assert_non_null(strstr(find_note(g, "row 'b' is at "), "year.fin:6:5"));
    assert_int_equal(fx->prog.diags.errors, 3);
}

static void test_sums_of_one_kind(void **state)
{
    ProgFx *fx = *state;
    /* a section of percentages apart from the amounts, and rows with formulas, are
     * not added by `sum` or sum(t) */
    resolve_ok(fx, REPORT_2025
        "table t \"T\" (2025) {\n"
        "    section money \"M\" {\n        a | 100\n        b | 5\n    }\n"
        "    s = sum | 105\n"
        "    section shares \"S\" {\n        p | 5%\n        q | 10%\n    }\n"
        "    ps = sum(shares) | 15%\n"
        "    share = a / s | 95%\n"
        "}\n"
        "check c: sum(t.shares) < 100%\n");
}

/* Regression: a parameter 1 % until 2024 and 500 000 kr from 2025 was resolved as a
 * percentage and computed with 500 000 as one. */
static void test_param_values_of_two_kinds(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "param p \"p\" = 1% from 2024-01-01\n"
        "param p \"p\" = 500 000 unit kr from 2025-01-01\n");
    Diag *g = the_diag(fx, "this value of parameter 'p' is an amount, but another is a "
                           "percentage");
    assert_at(g->loc, 5, 15);
    assert_non_null(strstr(find_note(g, "the other value is at"), "year.fin:4:15"));
    assert_int_equal(fx->prog.diags.errors, 1);
}

/* A federation's value of a local parameter of another kind than the rule set's:
 * the rules are resolved with the rule set's kind. */
static void test_federation_param_of_another_kind(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "rules.fin",
        "param local bench \"B\" = 75%\n"
        "table ind \"I\" unit % (result) { a \"a\" | 80% }\n"
        "check c \"c\": ind[result] >= bench\n");
    resolve_text(fx, "import \"rules\"\n" REPORT_2025
        "param bench \"B\" = 50 000 unit kr from 2025-01-01\n");
    Diag *g = the_diag(fx, "this value of parameter 'bench' is an amount, but another is a "
                           "percentage");
    assert_at(g->loc, 5, 19);
    assert_non_null(strstr(find_note(g, "the other value is at"), "rules.fin:1:25"));
    assert_int_equal(fx->prog.diags.errors, 1);
}

/* Regression: round(x, 200000000000) was cut to an int (0 kr), round(x, 1,5)
 * rounded to 1 decimal and round(x, 5%) to 5. */
static void test_round_places(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table k (2025) { b | 5 }\n"
        "check a: round(k.b, 200000000000) == 5\n"
        "check b: round(k.b, 1,5) == 5\n"
        "check c: round(k.b, 5%) == 5\n"
        "check d: round(k.b, -16) == 0\n"
        "check e: round(k.b, 7) == 5\n"
        "check f: round(k.b, -15) == 0\n"
        "check g: round(k.b, 6) == 5\n"
        "check h: round(k.b, - 2) == 0\n"
        "check i: round(k.b, 0) == 5\n"
        "check j: round(k.b, \u221220) == 0\n"
        "check l: round(k.b, \u22122) == 0\n");
    assert_int_equal(count_diags(&fx->prog.diags, "round() needs a whole number of decimals "
                                 "from -15 to 6, not "), 6);
    Diag *g = the_diag(fx, "round() needs a whole number of decimals from -15 to 6, not "
                           "200000000000");
    assert_non_null(the_diag(fx, "from -15 to 6, not 1,5"));
    assert_non_null(the_diag(fx, "from -15 to 6, not -16"));
    assert_string_equal(text_at(g->loc), "200000000000");
    assert_at(g->loc, 5, 21);
    assert_non_null(find_note(g, "hint: "));
    assert_int_equal(fx->prog.diags.errors, 6);
}

static void test_allocation_errors(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "table residents unit count (2025) { a | 10 }\n"
        "allocation al \"A\" total 100 {\n"
        "    g \"G\" 1/2 by residents { a | 50  b | 0 }\n"
        "    h \"H\" 1/2 by resident { c | 50 }\n"
        "}\n");
    Diag *g = the_diag(fx, "'g' is split by 'residents', which has no row 'b'");
    assert_non_null(g);
    g = the_diag(fx, "unknown key table 'resident'");
    assert_non_null(find_note(g, "did you mean 'residents'?"));
}

/* Regression: a negative rounding reached num_widen and aborted finsam on an
 * assertion; a percentage as a total, a rounding or a member's amount was read as
 * that many kronor (5% as 5 kr). */
static void test_allocation_amounts_are_kronor(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "allocation a1 \"A\" total 100 rounding -5 { g \"G\" 1 { x \"x\" | 100 } }\n"
        "allocation a2 \"A\" total 100 rounding 50% { g \"G\" 1 { x \"x\" | 100 } }\n"
        "allocation a3 \"A\" total 50% { g \"G\" 1 { x \"x\" | 100 } }\n"
        "allocation a4 \"A\" total -100 { g \"G\" 1 { x \"x\" | 100 } }\n"
        "allocation a5 \"A\" total 100 { g \"G\" 1 { x \"x\" | 5%  y \"y\" | 95 } }\n"
        "allocation a6 \"A\" total 100 rounding 0 { g \"G\" 1 { x \"x\" | 100  y | - } }\n");
    Diag *g = the_diag(fx, "an allocation's rounding cannot be negative");
    assert_string_equal(text_at(g->loc), "-5");
    assert_at(g->loc, 4, 38);
    g = the_diag(fx, "an allocation's rounding is an amount in kronor, not a percentage");
    assert_string_equal(text_at(g->loc), "50%");
    assert_at(g->loc, 5, 38);
    g = the_diag(fx, "an allocation's total is an amount in kronor, not a percentage");
    assert_at(g->loc, 6, 25);
    g = the_diag(fx, "an allocation's total cannot be negative");
    assert_string_equal(text_at(g->loc), "-100");
    g = the_diag(fx, "a member's amount is in kronor, not a percentage");
    assert_string_equal(text_at(g->loc), "5%");
    assert_at(g->loc, 8, 49);
    assert_non_null(find_note(g, "hint: "));
    /* a rounding of 0 (exact amounts) and a dash are fine */
    assert_int_equal(fx->prog.diags.errors, 5);
}

static void test_unknown_note(void **state)
{
    ProgFx *fx = *state;
    resolve_text(fx, REPORT_2025
        "accounts b (2025) { fees note 3 | 1 }\n"
        "accounts n1 \"Not 1\" note 1 (2025) { x | 1 }\n");
    Diag *g = the_diag(fx, "row 'fees' refers to note 3, but no table is note 3");
    assert_string_equal(text_at(g->loc), "3");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_resolves_names_and_kinds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_row_did_you_mean, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_row_of_other_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_across_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_row, setup, teardown),
        cmocka_unit_test_setup_teardown(test_table_without_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_note_table_without_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_absent_table_is_no_empty_table, setup, teardown),
        cmocka_unit_test_setup_teardown(test_duplicate_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_cell_count, setup, teardown),
        cmocka_unit_test_setup_teardown(test_row_mixes_kinds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_percent_plus_amount, setup, teardown),
        cmocka_unit_test_setup_teardown(test_kind_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_not_a_comparison, setup, teardown),
        cmocka_unit_test_setup_teardown(test_formula_kind_mismatch, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_intersects_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_prev_shifts, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_prev_with_named_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_prev_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_prev_without_year_before, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_empty, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_no_row_in_common, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_no_row_in_common_long, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_domain_rows_and_columns_mixed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_without_year, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_reports, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_in_imported_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_search_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_from_importing_folder, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_with_extension_and_twice, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_import_lists_paths, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_import_counted, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_cycle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_import_self, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unreadable_and_bad_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_params, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prev_of_param, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unknown_note, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_amounts_are_kronor, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sum_of_rows_of_two_kinds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sums_of_one_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_param_values_of_two_kinds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_federation_param_of_another_kind, setup, teardown),
        cmocka_unit_test_setup_teardown(test_round_places, setup, teardown),
        cmocka_unit_test_setup_teardown(test_date_against_number, setup, teardown),
        cmocka_unit_test_setup_teardown(test_count_of_what_is_not_a_figure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_aggregate_of_sets, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
