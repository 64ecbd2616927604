/* Unit tests for eval: formulas computed and compared with the stated figures,
 * checks run over their columns or rows, notes and allocations. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <sys/wait.h>

#include "helpers.h"
#include "value.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

/* Loads and resolves text, which must be good input, then evaluates it and returns
 * the number of evaluation errors (the findings are in fx->res). */
static int eval_text(ProgFx *fx, const char *text)
{
    write_file(fx, "year.fin", text);
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    fx->eval_errors = program_eval(&fx->prog, &fx->res);
    return fx->eval_errors;
}

static void assert_counts(const Results *res, int checks, int passed, int errors, int warnings)
{
    assert_int_equal(res->checks, checks);
    assert_int_equal(res->passed, passed);
    assert_int_equal(res->failed_errors, errors);
    assert_int_equal(res->failed_warnings, warnings);
    assert_int_equal(res->failed.len, errors + warnings);
}

static char *text_at(Loc l)
{
    static char buf[256];
    size_t n = l.end - l.start;
    assert_true(n < sizeof buf);
    memcpy(buf, l.src->text + l.start, n);
    buf[n] = '\0';
    return buf;
}

static void assert_num_eq(Num n, int64_t lo, int64_t hi)
{
    assert_int_equal(n.lo, lo);
    assert_int_equal(n.hi, hi);
}

static const char *shown(const Value *v)
{
    static char buf[VALUE_FMT_MAX];
    return value_format(v, buf);
}

/* ---- formulas ----------------------------------------------------------------------- */

static void test_correct_sum_passes(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts income \"Resultaträkning\" (2025, 2024) {\n"
        "    fees  \"Avgifter\" | 7 864 004 | 8 028 000\n"
        "    grants \"Bidrag\"  |   195 937 |   237 128\n"
        "    costs \"Kostnader\" | -8 160 786 | -8 282 457\n"
        "    net \"Netto\" = fees + grants + costs | -100 845 | -17 329\n"
        "    total \"Summa\" = sum | -100 845 | -17 329\n"
        "}\n");
    /* two formulas in two columns */
    assert_counts(res, 4, 4, 0, 0);
}

static void test_wrong_total(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts income (2025, 2024) {\n"
        "    a \"A\" | 1 000 | 2 000\n"
        "    b \"B\" | 500 | 600\n"
        "    total \"Summa\" = a + b | 1 500 | 2 610\n"
        "}\n");
    assert_counts(res, 2, 1, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_int_equal(f->type, FIND_FORMULA);
    assert_int_equal(f->severity, SEV_ERROR);
    assert_string_equal(f->tag, "formula");
    assert_string_equal(text_at(f->loc), "2 610");
    assert_non_null(strstr(f->message, "Summa"));
    assert_non_null(strstr(f->message, "2024"));
    assert_non_null(strstr(f->message, "the row's formula"));
    assert_true(f->has_stated);
    assert_num_eq(f->stated.n, KR(2610), KR(2610));
    assert_num_eq(f->computed.n, KR(2600), KR(2600));
    assert_int_equal(f->computed.kind, K_MONEY);
    assert_string_equal(shown(&f->stated), "2 610 kr");
    assert_string_equal(shown(&f->computed), "2 600 kr");
    assert_true(f->has_difference);
    assert_num_eq(f->difference, KR(10), KR(10));
    assert_string_equal(f->formula, "a + b");
    /* the operands the formula used */
    assert_int_equal(f->noperands, 2);
    assert_string_equal(f->operands[0].text, "a");
    assert_num_eq(f->operands[0].value.n, KR(2000), KR(2000));
    assert_string_equal(f->operands[1].text, "b");
}

static void test_sum_of_section(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "budget ops (actual) {\n"
        "    section kansli \"Kansli\" {\n"
        "        admin | 973\n"
        "        board | 217\n"
        "        subtotal = sum | 1 190\n"
        "    }\n"
        "    section insatser \"Insatser\" {\n"
        "        x | 10\n"
        "        sub2 = sum | 10\n"
        "    }\n"
        "    other | 5\n"
        "    total = sum | 1 205\n"
        "    k = sum(kansli) | 1 190\n"
        "    wrong = sum(insatser) | 11\n"
        "}\n");
    /* sum leaves out subtotals; sum(section) adds a named section */
    assert_counts(res, 5, 4, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_string_equal(text_at(f->loc), "11");
    assert_num_eq(f->computed.n, KR(10), KR(10));
}

static void test_column_formula(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "budget ops unit tkr\n"
        "    (actual \"Utfall\", budget \"Budget\", deviation = budget - actual) {\n"
        "    admin | 973 | 1 081 | 108\n"
        "    board | 217 |   265 |  49\n"
        "}\n");
    /* 265 - 217 = 48 tkr, give or take 1: 49 is within the printing of tkr */
    assert_counts(res, 2, 2, 0, 0);
}

static void test_column_formula_fails(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "budget ops (actual \"Utfall\", budget \"Budget\", deviation = budget - actual) {\n"
        "    admin \"Administration\" | 973 | 1 081 | 107\n"
        "}\n");
    assert_counts(res, 1, 0, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_non_null(strstr(f->message, "the column's formula"));
    assert_non_null(strstr(f->message, "Administration"));
    assert_string_equal(f->formula, "budget - actual");
    assert_num_eq(f->difference, KR(-1), KR(-1));
}

static void test_tkr_meets_kr(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "budget ops unit tkr (actual) { admin | 973 }\n"
        "check low: ops.admin[actual] == 972 500\n"
        "check close: ops.admin[actual] == 973 313\n"
        "check high: ops.admin[actual] == 973 500\n"
        "check beyond: ops.admin[actual] == 973 501\n"
        "check below: ops.admin[actual] == 972 499\n");
    /* 973 tkr is 972 500 kr up to, but not including, 973 500 kr, which rounds to 974 */
    assert_counts(res, 5, 2, 3, 0);
    assert_string_equal(finding_n(res, 0)->tag, "high");
    assert_string_equal(finding_n(res, 1)->tag, "beyond");
    assert_string_equal(finding_n(res, 2)->tag, "below");
    Finding *f = finding_n(res, 1);
    assert_int_equal(f->type, FIND_CHECK);
    assert_int_equal(f->noperands, 2);
    assert_string_equal(f->operands[0].text, "ops.admin[actual]");
    assert_string_equal(shown(&f->operands[0].value), "973 tkr");
    assert_string_equal(f->operands[1].text, "973 501");
}

static void test_tkr_sum_widened(void **state)
{
    ProgFx *fx = *state;
    char text[2000];
    strcpy(text, REPORT_2025);
    static const char *const tables[] = {"within", "beyond"};
    static const int totals[] = {21, 22};
    for (int t = 0; t < 2; t++) {
        char line[128];
        snprintf(line, sizeof line, "budget %s unit tkr (actual) {\n", tables[t]);
        strcat(text, line);
        for (int i = 1; i <= 14; i++) {
            snprintf(line, sizeof line, "    r%d | 1\n", i);
            strcat(text, line);
        }
        snprintf(line, sizeof line, "    total = sum | %d\n}\n", totals[t]);
        strcat(text, line);
    }
    Results *res = check_text(fx, text);
    /* 14 cells of 1 tkr are 7 to 21 tkr (less 14 micro units: each interval is half
     * open): 21 meets it, 22 (21,5 to 22,5) does not */
    assert_counts(res, 2, 1, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_int_equal(f->type, FIND_FORMULA);
    assert_string_equal(text_at(f->loc), "22");
    assert_num_eq(f->computed.n, KR(7000), KR(21000) - 14);
    assert_num_eq(f->stated.n, KR(21500), KR(22500) - 1);
    /* Regression: the computed sum was shown as "14 tkr", as if it were a printed
     * figure, because eval.c's aggregate_add kept the `printed` flag of its first
     * term. It is a result: the interval, as value.h shows a sum of tkr figures. */
    assert_false(f->computed.printed);
    assert_string_equal(shown(&f->computed), "between 7 and 21 tkr");
    assert_string_equal(shown(&f->stated), "22 tkr");
    assert_true(f->has_difference);
    assert_num_eq(f->difference, KR(8000), KR(8000));
}

static void test_percent_precision(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts balance (2025) { equity | 2 958 574 }\n"
        "accounts income (2025) { fees | 7 864 000 }\n"
        "check share: balance.equity / income.fees == 38%\n"
        "check share_decimal: balance.equity / income.fees == 37,6%\n"
        "check share_wrong: balance.equity / income.fees == 37%\n"
        "table q (2025) {\n"
        "    x | 60\n"
        "    y | 128\n"
        "    p46_8 = x / y | 46,8%\n"
        "    p46_9 = x / y | 46,9%\n"
        "    p47 = x / y | 47%\n"
        "}\n");
    /* 2 958 574 / 7 864 000 is 37,62 %: 38% and 37,6% meet it, 37% does not;
     * 60/128 is 46,875 %: 46,8% (46,75 to 46,85) does not meet it */
    assert_counts(res, 6, 4, 2, 0);
    Finding *p = NULL, *w = NULL;
    for (int i = 0; i < res->failed.len; i++) {
        Finding *f = finding_n(res, i);
        if (f->type == FIND_FORMULA)
            p = f;
        else
            w = f;
    }
    assert_non_null(p);
    assert_non_null(w);
    assert_string_equal(w->tag, "share_wrong");
    assert_string_equal(text_at(p->loc), "46,8%");
    assert_int_equal(p->computed.kind, K_PERCENT);
    assert_num_eq(p->computed.n, 468750, 468750);
    assert_string_equal(shown(&p->stated), "46,8 %");
    assert_string_equal(shown(&p->computed), "46,875 %");
}

static void test_percent_table_unit(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "indicators ind unit % (2025) { a | 75,4 }\n"
        "check in: ind.a == 75,44%\n"
        "check out: ind.a == 75,46%\n");
    /* 75,4 is 75,35 % to 75,45 %; 75,44% is 75,435 % to 75,445 %, 75,46% beyond */
    assert_counts(res, 2, 1, 1, 0);
    assert_string_equal(finding_n(res, 0)->tag, "out");
}

static void test_formula_cycle(void **state)
{
    ProgFx *fx = *state;
    int errors = eval_text(fx, REPORT_2025
        "table t (2025) {\n"
        "    a = b | |\n"
        "    b = a | |\n"
        "}\n"
        "check uses: t.a == 0\n");
    assert_true(errors >= 1);
    Diag *g = find_diag(&fx->prog.diags, "depends on itself");
    assert_non_null(g);
    assert_int_equal(g->severity, SEV_ERROR);
    assert_non_null(strstr(g->message, "in column 2025"));
    /* the check that needs it is not counted as passed or failed */
    assert_int_equal(fx->res.passed, 0);
    assert_int_equal(fx->res.failed.len, 0);
}

static void test_formula_cycle_unreferenced(void **state)
{
    ProgFx *fx = *state;
    int errors = eval_text(fx, REPORT_2025
        "table t (2025) {\n"
        "    a = b | |\n"
        "    b = a | |\n"
        "}\n");
    /* Regression: a cycle between row formulas whose cells are all empty went
     * unreported when nothing asked for the cells (eval.c computed unstated cells
     * only on demand), and the file passed with "0 checks". grammar/README.md: "a
     * formula that depends on itself is an error naming the cycle". */
    assert_true(errors >= 1);
    assert_non_null(find_diag(&fx->prog.diags, "depends on itself"));
}

static void test_stated_cells_break_cycles(void **state)
{
    ProgFx *fx = *state;
    /* a stated figure is used where a cell is referred to: no cycle */
    Results *res = check_text(fx, REPORT_2025
        "table t (2025) {\n"
        "    a = b | 5\n"
        "    b = a | 5\n"
        "}\n");
    assert_counts(res, 2, 2, 0, 0);
}

static void test_overflow_is_an_error(void **state)
{
    ProgFx *fx = *state;
    int errors = eval_text(fx, REPORT_2025
        "table t (2025) {\n"
        "    a | 9 000 000 000 000\n"
        "    b | 9 000 000 000 000\n"
        "    c = a + b | 1\n"
        "    d = sum | 1\n"
        "}\n"
        "check k: t.a * 2 > 0\n");
    assert_int_equal(errors, 3);
    assert_int_equal(count_diags(&fx->prog.diags, "too large for finsam's arithmetic"), 3);
    Diag *g = find_diag(&fx->prog.diags, "too large");
    assert_string_equal(text_at(g->loc), "a + b");
    assert_non_null(find_note(g, "rather than give a wrong number"));
    /* nothing was compared with a wrong number */
    assert_int_equal(fx->res.checks, 0);
    assert_int_equal(fx->res.failed.len, 0);
}

static void test_division_by_zero(void **state)
{
    ProgFx *fx = *state;
    int errors = eval_text(fx, REPORT_2025
        "table t (2025) { a | 5  z | - }\n"
        "check k: t.a / t.z == 1\n");
    assert_int_equal(errors, 1);
    Diag *g = find_diag(&fx->prog.diags, "division by zero");
    assert_non_null(g);
    assert_string_equal(text_at(g->loc), "t.a / t.z");
}

/* ---- checks ----------------------------------------------------------------------------- */

static void test_count_where(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "indicators ind unit % (result, target) {\n"
        "    a | 55 | 60\n"
        "    b | 70 | 60\n"
        "    c | 60 | 60\n"
        "}\n"
        "check two: count(ind where result >= target) == 2\n"
        "check three: count(ind where result >= target) == 3\n"
        "check all: count(ind) == 3\n");
    assert_counts(res, 3, 2, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_string_equal(f->tag, "three");
    assert_int_equal(f->noperands >= 2, true);
    assert_int_equal(f->operands[0].value.kind, K_COUNT);
    assert_num_eq(f->operands[0].value.n, KR(2), KR(2));
}

static void test_check_over_rows(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "indicators ind unit % (result, target) {\n"
        "    a \"Mål A\" | 55 | 60\n"
        "    b | 70 | 60\n"
        "    c | 10 | 20\n"
        "    d | | 20\n"
        "}\n"
        "check goals \"Målen\" warning: ind[result] >= ind[target]\n");
    /* one run per row with both figures, one finding per failing row */
    assert_counts(res, 3, 1, 0, 2);
    Finding *fa = finding_n(res, 0), *fc = finding_n(res, 1);
    assert_int_equal(fa->type, FIND_CHECK);
    assert_int_equal(fa->severity, SEV_WARNING);
    assert_string_equal(fa->tag, "goals");
    assert_string_equal(fa->message, "Målen");
    assert_string_equal(fa->where, "in row \"Mål A\"");
    assert_string_equal(fc->where, "in row c");
    assert_string_equal(fa->operands[0].text, "ind.a[result]");
    assert_string_equal(fa->operands[1].text, "ind.a[target]");
    assert_string_equal(fc->operands[0].text, "ind.c[result]");
    assert_true(fc->has_difference);
    assert_num_eq(fc->difference, -100000, -100000); /* -10 % */
}

static void test_check_over_columns(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts t (2025, 2024, 2023) {\n"
        "    a | 5 | 1 | 5\n"
        "    b | 3 | 3 | 3\n"
        "}\n"
        "check k \"K\" error source \"Lagen\": t.a > t.b else \"a ska vara större\"\n");
    assert_counts(res, 3, 2, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_string_equal(f->where, "in column 2024");
    assert_string_equal(f->explanation, "a ska vara större");
    assert_string_equal(f->source, "Lagen");
    assert_string_equal(f->operands[0].text, "t.a[2024]");
    assert_string_equal(f->operands[1].text, "t.b[2024]");
    assert_num_eq(f->difference, KR(-2), KR(-2));
    assert_string_equal(text_at(f->loc), "t.a > t.b");
}

static void test_empty_cells_skip_column(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts t (2025, 2024) {\n"
        "    a | 5 | 5\n"
        "    b | 3 | |\n"
        "    c | 3 | \"(ej angivet)\"\n"
        "}\n"
        "check ab: t.a < t.b\n"
        "check ac: t.a < t.c\n");
    /* only 2025 runs: in 2024 b is empty and c is text */
    assert_counts(res, 2, 0, 2, 0);
    assert_string_equal(finding_n(res, 0)->where, "in column 2025");
    assert_string_equal(finding_n(res, 1)->where, "in column 2025");
}

static void test_dash_is_zero(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts t (2025, 2024) {\n"
        "    a | 5 | -\n"
        "    b | - | 7\n"
        "    s = a + b | 5 | 7\n"
        "}\n"
        "check zero: t.a[2024] == 0\n");
    assert_counts(res, 3, 3, 0, 0);
}

static void test_and_or_explains_failing_part(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts t (2025) { a | 5  b | 3 }\n"
        "check both: t.a > 0 and t.b > 4\n"
        "check either: t.a > 10 or t.b > 2\n");
    assert_counts(res, 2, 1, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_string_equal(f->tag, "both");
    /* the comparison that failed is underlined and explained */
    assert_string_equal(text_at(f->loc), "t.b > 4");
    assert_string_equal(f->operands[0].text, "t.b[2025]");
}

static void test_prev_in_check(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts balance (2025, 2024, 2023) {\n"
        "    other_equity | 100 | 90 | 0\n"
        "    equity | 120 | 100 | 95\n"
        "}\n"
        "check rollforward: balance.other_equity == prev(balance.equity)\n");
    /* 2025: 100 == 100; 2024: 90 != 95. 2023 has no year before it */
    assert_counts(res, 2, 1, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_string_equal(f->where, "in column 2024");
}

static void test_min_max_abs_round(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "param p = 20%\n"
        "accounts t (2025) { a | -5  b | 3  c | 7 864 004 }\n"
        "check mn: min(t.a, t.b) == -5\n"
        "check mx: max(t.a, t.b) == 3\n"
        "check ab: abs(t.a) == 5\n"
        "check rd: round(p * t.c, -4) == 1 570 000\n"
        "check rd0: round(p * t.c, 0) == 1 572 801\n"
        "check rd0_wrong: round(p * t.c, 0) == 1 572 800\n"
        "check mn_wrong: min(t.a, t.b) == 3\n");
    /* 20 % of 7 864 004 is 1 572 800,80 */
    assert_counts(res, 7, 5, 2, 0);
    assert_string_equal(finding_n(res, 0)->tag, "rd0_wrong");
    assert_string_equal(finding_n(res, 1)->tag, "mn_wrong");
}

/* ---- notes --------------------------------------------------------------------------------- */

static void test_note_reference(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts income (2025, 2024) { fees \"Avgifter\" note 1 | 7 864 004 | 8 028 000 }\n"
        "accounts not1 \"Not 1\" note 1 (2025, 2024) {\n"
        "    x | 7 000 000 | 8 000 000\n"
        "    y |   864 004 |    28 001\n"
        "    summa \"Summa\" = sum | 7 864 004 | 8 028 001\n"
        "}\n");
    /* two formula checks and two note checks; 2024 differs by 1 kr */
    assert_counts(res, 4, 3, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_int_equal(f->type, FIND_NOTE);
    assert_string_equal(f->tag, "note");
    assert_string_equal(text_at(f->loc), "8 028 000");
    assert_non_null(strstr(f->message, "Avgifter"));
    assert_non_null(strstr(f->message, "2024"));
    assert_non_null(strstr(f->message, "note 1"));
    assert_num_eq(f->stated.n, KR(8028000), KR(8028000));
    assert_num_eq(f->computed.n, KR(8028001), KR(8028001));
    assert_num_eq(f->difference, KR(-1), KR(-1));
    assert_non_null(strstr(f->formula, "Summa"));
}

static void test_note_shares_columns(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts income (2025, 2024) { fees note 2 | 10 | 20 }\n"
        "accounts not2 note 2 (2025) { total | 10 }\n");
    /* only the column the two share */
    assert_counts(res, 1, 1, 0, 0);
}

/* ---- allocations -------------------------------------------------------------------------- */

static void test_allocation_passes(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "allocation contributions \"Medlemsbidrag\" total 7 864 000 {\n"
        "    state \"Staten\" 1/2 { fk | 1 966 000  af | 1 966 000 }\n"
        "    regions \"Regionerna\" 1/4 { v | 1 376 000  g | 590 000 }\n"
        "    municipalities \"Kommunerna\" 1/4 { a | 1 966 000 }\n"
        "}\n"
        "check total: contributions == 7 864 000\n"
        "check half: contributions.state == 1/2 * contributions\n"
        "check member: contributions.regions.g == 590 000\n");
    /* three groups, the whole, and three checks */
    assert_counts(res, 7, 7, 0, 0);
}

static void test_allocation_fractions_not_whole(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "allocation al \"A\" total 1 000 {\n"
        "    g \"G\" 1/2 { a | 500 }\n"
        "    h \"H\" 1/4 { b | 250 }\n"
        "}\n");
    assert_counts(res, 3, 2, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_int_equal(f->type, FIND_ALLOC);
    assert_string_equal(f->tag, "allocation");
    assert_non_null(strstr(f->message, "add up to 0,75, not to the whole"));
    assert_string_equal(text_at(f->loc), "al");
    assert_num_eq(f->stated.n, 750000, 750000); /* 3/4 */
}

static void test_allocation_group_wrong(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "allocation al \"A\" total 1 000 {\n"
        "    g \"Gruppen\" 1/2 { a | 300  b | 201 }\n"
        "    h \"H\" 1/2 { c | 500 }\n"
        "}\n");
    assert_counts(res, 3, 2, 1, 0);
    Finding *f = finding_n(res, 0);
    assert_non_null(strstr(f->message, "Gruppen"));
    assert_num_eq(f->stated.n, KR(501), KR(501));
    /* the share of 1 000 kr, give or take the rounding of half a krona */
    assert_true(num_meets(f->computed.n, num_units(500)));
    assert_false(num_meets(f->computed.n, num_units(501)));
}

static void test_allocation_by_key(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table residents \"Invånare\" unit count (2025) { a | 60  b | 40 }\n"
        "allocation al \"A\" total 1 000 {\n"
        "    g \"G\" 1/2 by residents { a \"Kommun A\" | 310  b | 190 }\n"
        "    h \"H\" 1/2 { c | 500 }\n"
        "}\n");
    /* the group adds up (500), but by residents a gets 300 and b 200 */
    assert_counts(res, 5, 3, 2, 0);
    Finding *fa = finding_n(res, 0), *fb = finding_n(res, 1);
    assert_int_equal(fa->type, FIND_ALLOC);
    assert_string_equal(text_at(fa->loc), "310");
    assert_non_null(strstr(fa->message, "Kommun A"));
    assert_non_null(strstr(fa->message, "residents"));
    assert_true(num_meets(fa->computed.n, num_units(300)));
    assert_false(num_meets(fa->computed.n, num_units(301)));
    assert_num_eq(fa->difference, KR(10), KR(10));
    assert_string_equal(text_at(fb->loc), "190");
    assert_num_eq(fb->difference, KR(-10), KR(-10));
}

static void test_allocation_rounding(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "allocation wide \"A\" total 1 000 rounding 100 {\n"
        "    g 1/3 { a | 330 }\n"
        "    h 2/3 { b | 670 }\n"
        "}\n"
        "allocation narrow \"B\" total 1 000 {\n"
        "    g 1/3 { a | 330 }\n"
        "    h 2/3 { b | 670 }\n"
        "}\n");
    /* 333,33 and 666,67: within 50 kr, not within half a krona */
    assert_counts(res, 6, 4, 2, 0);
    uint32_t narrow = offset_of(fx->prog.report->loc.src->text, "narrow");
    for (int i = 0; i < 2; i++) {
        Finding *f = finding_n(res, i);
        assert_true(f->loc.start > narrow);
        assert_non_null(strstr(f->message, "do not add up to the group's share"));
    }
}

/* ---- parameters ---------------------------------------------------------------------------- */

static void test_param_by_date(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "param cap \"Tak\" = 20% from 2024-01-01\n"
        "param cap \"Tak\" = 25% from 2026-01-01\n"
        "accounts t (2026, 2025) {\n"
        "    x | 25 | 20\n"
        "    y | 100 | 100\n"
        "}\n"
        "check report_year: cap == 20%\n"
        "check not_later: cap == 25%\n"
        "check by_column: t.x == cap * t.y\n"
        "check fixed: t.x == 20% * t.y\n");
    /* the report's year 2025 has 20 %; column 2026 has 25 %, column 2025 20 % */
    assert_counts(res, 6, 4, 2, 0);
    Finding *a = finding_n(res, 0), *b = finding_n(res, 1);
    assert_string_equal(a->tag, "not_later");
    assert_string_equal(b->tag, "fixed");
    assert_string_equal(b->where, "in column 2026");
}

static void test_param_from_last_day(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "param cap = 20% from 2024-01-01\n"
        "param cap = 30% from 2025-12-31\n"
        "param cap = 40% from 2026-01-01\n"
        "check k: cap == 30%\n");
    /* in force on the year's last day */
    assert_counts(res, 1, 1, 0, 0);
}

static void test_param_not_yet_in_force(void **state)
{
    ProgFx *fx = *state;
    /* a rule whose parameter is not yet in force in the report's year does not apply */
    int errors = eval_text(fx, REPORT_2025
        "param cap = 25% from 2026-01-01\n"
        "check k: cap == 25%\n");
    assert_int_equal(errors, 0);
    assert_int_equal(fx->res.checks, 0);
    assert_int_equal(fx->res.failed.len, 0);
}

static void test_local_param_never_set(void **state)
{
    ProgFx *fx = *state;
    /* a local parameter the rule set leaves to the federation must be set */
    int errors = eval_text(fx, REPORT_2025
        "param local benchmark \"Riktmärke\" source \"förbundet\"\n"
        "check k: benchmark == 75%\n");
    assert_int_equal(errors, 1);
    Diag *g = find_diag(&fx->prog.diags, "parameter 'benchmark' has no value in force in 2025");
    assert_non_null(g);
    assert_non_null(find_note(g, "the rule set leaves it to each federation"));
}

/* ---- results -------------------------------------------------------------------------------- */

static void test_findings_sorted_by_place(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "check late: t.b == 1\n"
        "accounts t (2025, 2024) {\n"
        "    a | 1 | 2\n"
        "    b | 2 | 2\n"
        "    s = a + b | 4 | 5\n"
        "}\n");
    assert_true(res->failed.len >= 3);
    for (int i = 1; i < res->failed.len; i++) {
        Finding *p = finding_n(res, i - 1), *q = finding_n(res, i);
        assert_true(p->loc.start < q->loc.start ||
                    (p->loc.start == q->loc.start && p->order_column <= q->order_column));
    }
    /* the check's two runs come first, 2025 before 2024 */
    assert_string_equal(finding_n(res, 0)->where, "in column 2025");
    assert_string_equal(finding_n(res, 1)->where, "in column 2024");
}

static void test_eval_is_repeatable(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "accounts t (2025) { a | 1  b = a | 2 }\n"
        "check k: t.b == 1\n");
    /* the formula gives 1 against the stated 2, and the check uses the stated 2 */
    assert_counts(res, 2, 0, 2, 0);
    Results again;
    assert_int_equal(program_eval(&fx->prog, &again), 0);
    assert_int_equal(again.checks, res->checks);
    assert_int_equal(again.passed, res->passed);
    assert_int_equal(again.failed.len, res->failed.len);
}

/* ---- large input: an error or an answer, never a crash ----------------------------- */

/* Checks DIR/year.fin in a child process, so that a crash fails this test rather than
 * ending the whole test program. The child exits 0 when the file was checked with
 * every check passed, 3 when it was refused with a diagnostic, 4 when a check failed.
 * Returns the wait status. */
static int check_in_child(ProgFx *fx)
{
    fflush(NULL);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        char path[PATH_MAX];
        snprintf(path, sizeof path, "%s/year.fin", fx->dir);
        Program prog;
        program_init(&prog);
        Results res;
        int code;
        if (program_load(&prog, path, no_options()) || prog.diags.errors ||
            program_resolve(&prog) || program_eval(&prog, &res))
            code = 3;
        else
            code = res.failed.len == 0 && res.checks > 0 ? 0 : 4;
        program_free(&prog);
        _exit(code);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    return status;
}

static void assert_no_crash(int status)
{
    if (WIFSIGNALED(status))
        fail_msg("finsam was killed by signal %d", WTERMSIG(status));
    assert_true(WIFEXITED(status));
    assert_true(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 3);
}

/* Writes a string built by the caller to DIR/year.fin. */
static void write_big(ProgFx *fx, const char *text)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/year.fin", fx->dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

static void test_long_chain_of_formulas(void **state)
{
    ProgFx *fx = *state;
    enum { N = 40000 };
    size_t cap = (size_t)N * 40 + 256, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    n += (size_t)snprintf(text + n, cap - n, "%stable t (2025) {\n", REPORT_2025);
    for (int i = 0; i < N; i++)
        n += (size_t)snprintf(text + n, cap - n, "    r%d = r%d | |\n", i, i + 1);
    n += (size_t)snprintf(text + n, cap - n, "    r%d | 1\n}\ncheck k: t.r0 == 1\n", N);
    write_big(fx, text);
    free(text);
    /* Regression: each row's formula asks for the next row's cell, and eval.c
     * computes cells by recursion (cell_value -> eval -> eval_ref -> cell_value): a
     * chain of about 30 000 rows overflowed an 8 MB stack and finsam died with
     * SIGSEGV. It must either check the file or refuse it with a message. */
    assert_no_crash(check_in_child(fx));
}

static void test_long_sum_in_formula(void **state)
{
    ProgFx *fx = *state;
    enum { N = 100000 };
    size_t cap = (size_t)N * 4 + 256, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    n += (size_t)snprintf(text + n, cap - n, "%stable t (2025) {\n    a | 1\n    s = a",
                          REPORT_2025);
    for (int i = 1; i < N; i++)
        n += (size_t)snprintf(text + n, cap - n, " + a");
    n += (size_t)snprintf(text + n, cap - n, " | %d\n}\n", N);
    write_big(fx, text);
    free(text);
    /* Regression: a row formula of 100 000 terms, a + a + ... (about 400 KB of
     * text, as a generated file may have), parses into a left-leaning tree 100 000
     * levels deep; resolve.c and eval.c walked it by recursion and finsam died with
     * SIGSEGV from about 50 000 terms on. It must either check it or refuse it with a
     * message. */
    assert_no_crash(check_in_child(fx));
}

static void test_long_check_expression(void **state)
{
    ProgFx *fx = *state;
    enum { N = 100000 };
    size_t cap = (size_t)N * 16 + 256, n = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    n += (size_t)snprintf(text + n, cap - n, "%stable t (2025) {\n    a | 1\n}\ncheck k: t.a > 0",
                          REPORT_2025);
    for (int i = 1; i < N; i++)
        n += (size_t)snprintf(text + n, cap - n, " and t.a > 0");
    n += (size_t)snprintf(text + n, cap - n, " and t.a > 5\n");
    write_big(fx, text);
    free(text);
    /* Regression: a check of 100 000 comparisons joined by 'and' (about 1,2 MB) makes
     * a tree as deep; resolve.c's resolve_expr recursed into it and finsam died with
     * SIGSEGV (its domain walk, eval and failing_comparison recurse the same way). It
     * must either run the check (it fails: 1 > 5 does not hold) or refuse it with a
     * message. */
    int status = check_in_child(fx);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 4)
        return; /* checked, and the check failed as it should */
    assert_no_crash(status);
    assert_int_equal(WEXITSTATUS(status), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_correct_sum_passes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrong_total, setup, teardown),
        cmocka_unit_test_setup_teardown(test_sum_of_section, setup, teardown),
        cmocka_unit_test_setup_teardown(test_column_formula, setup, teardown),
        cmocka_unit_test_setup_teardown(test_column_formula_fails, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tkr_meets_kr, setup, teardown),
        cmocka_unit_test_setup_teardown(test_tkr_sum_widened, setup, teardown),
        cmocka_unit_test_setup_teardown(test_percent_precision, setup, teardown),
        cmocka_unit_test_setup_teardown(test_percent_table_unit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_formula_cycle, setup, teardown),
        cmocka_unit_test_setup_teardown(test_formula_cycle_unreferenced, setup, teardown),
        cmocka_unit_test_setup_teardown(test_stated_cells_break_cycles, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overflow_is_an_error, setup, teardown),
        cmocka_unit_test_setup_teardown(test_division_by_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(test_count_where, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_over_rows, setup, teardown),
        cmocka_unit_test_setup_teardown(test_check_over_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_cells_skip_column, setup, teardown),
        cmocka_unit_test_setup_teardown(test_dash_is_zero, setup, teardown),
        cmocka_unit_test_setup_teardown(test_and_or_explains_failing_part, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prev_in_check, setup, teardown),
        cmocka_unit_test_setup_teardown(test_min_max_abs_round, setup, teardown),
        cmocka_unit_test_setup_teardown(test_note_reference, setup, teardown),
        cmocka_unit_test_setup_teardown(test_note_shares_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_passes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_fractions_not_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_group_wrong, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_by_key, setup, teardown),
        cmocka_unit_test_setup_teardown(test_allocation_rounding, setup, teardown),
        cmocka_unit_test_setup_teardown(test_param_by_date, setup, teardown),
        cmocka_unit_test_setup_teardown(test_param_from_last_day, setup, teardown),
        cmocka_unit_test_setup_teardown(test_param_not_yet_in_force, setup, teardown),
        cmocka_unit_test_setup_teardown(test_local_param_never_set, setup, teardown),
        cmocka_unit_test_setup_teardown(test_findings_sorted_by_place, setup, teardown),
        cmocka_unit_test_setup_teardown(test_eval_is_repeatable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_chain_of_formulas, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_sum_in_formula, setup, teardown),
        cmocka_unit_test_setup_teardown(test_long_check_expression, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
