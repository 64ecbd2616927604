/* Unit tests for figures as typeset reports print them: unit mkr, a leading '+', the
 * en dash as a minus, parentheses for a negative figure, and a year's budget column. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"
#include "value.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

/* The value the first row of the first table states in its first column. */
static Value first_cell(ProgFx *fx)
{
    Table *t = fx->prog.tables.items[0];
    Row *r = t->rows[0];
    Value v;
    assert_int_equal(value_of_cell(&r->cells[0], t->unit, r->kind, &v), NUM_OK);
    return v;
}

static void test_mkr_stands_for_what_rounds_to_it(void **state)
{
    ProgFx *fx = *state;
    check_text(fx, REPORT_2025 "table t unit mkr (2025) { x \"X\" | 1,2 }\n");
    Value v = first_cell(fx);
    assert_int_equal(v.unit, U_MKR);
    /* 1,2 mkr is 1 150 000 kr up to, not including, 1 250 000 kr */
    assert_true(v.n.lo == 1150000 * (int64_t)NUM_SCALE);
    assert_true(v.n.hi < 1250000 * (int64_t)NUM_SCALE);
    assert_true(v.n.hi > 1249999 * (int64_t)NUM_SCALE);
    char buf[VALUE_FMT_MAX];
    assert_string_equal(value_format(&v, buf), "1,2 mkr");
}

static void test_mkr_meets_kronor(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table t unit mkr (2025) { x \"X\" | 12,4 }\n"
        "check yes \"Ja\": t.x == 12 430 000\n"
        "check no \"Nej\": t.x == 12 460 000\n");
    assert_int_equal(res->checks, 2);
    assert_int_equal(res->passed, 1);
}

static void test_printed_signs(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table t (2025) {\n"
        "    a \"A\" | +1 200\n"
        "    b \"B\" | \xE2\x80\x93" "200\n"
        "    c \"C\" | (300)\n"
        "    d \"D\" | \xE2\x88\x92" "100\n"
        "    s \"S\" = sum | 600\n"
        "}\n");
    /* 1 200 - 200 - 300 - 100 = 600 */
    assert_int_equal(res->checks, 1);
    assert_int_equal(res->passed, 1);
    Value v = first_cell(fx);
    assert_true(v.n.lo == 1200 * (int64_t)NUM_SCALE);
}

static void test_en_dash_alone_is_a_dash(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table t (2025) { a \"A\" | 5  b \"B\" | \xE2\x80\x93  s \"S\" = a + b | 5 }\n");
    assert_int_equal(res->checks, 1);
    assert_int_equal(res->passed, 1);
}

static void test_budget_column_is_not_the_outcome(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table t (2025, 2025 budget \"Budget\") { x \"X\" | 7 | 9 }\n"
        "check outcome \"Utfall\": t.x[2025] == 7\n"
        "check plan \"Budget\": t.x[budget] == 9\n");
    assert_int_equal(res->checks, 2);
    assert_int_equal(res->passed, 2);
    Table *t = fx->prog.tables.items[0];
    assert_int_equal(t->columns[1]->key.year, 2025);
    assert_string_equal(t->columns[1]->key.name, "budget");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_mkr_stands_for_what_rounds_to_it, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mkr_meets_kronor, setup, teardown),
        cmocka_unit_test_setup_teardown(test_printed_signs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_en_dash_alone_is_a_dash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_budget_column_is_not_the_outcome, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
