/* Unit tests for what did not run: each formula, note and check that computed
 * nothing is recorded with its reason, and a blank cell in a 'blank zero' table is
 * zero. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

static const NotRun *not_run_n(const Results *res, int i)
{
    assert_true(i < res->not_run.len);
    return res->not_run.items[i];
}

static void assert_reason(const NotRun *n, const char *reason)
{
    if (!strstr(n->reason, reason))
        fail_msg("reason '%s' does not say '%s'", n->reason, reason);
}

static void test_blank_operand_of_stated_total(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table b (2025, 2024) {\n"
        "    result \"Resultat\" | 1 200 | -300\n"
        "    gains \"Vinster\"   |  -200 |\n"
        "    after \"Efter\" = result + gains | 1 000 | -300\n"
        "}\n");
    assert_int_equal(res->checks, 1);
    assert_int_equal(res->skipped, 1);
    const NotRun *n = not_run_n(res, 0);
    assert_true(n->stated);
    assert_string_equal(n->tag, "formula");
    assert_reason(n, "'gains' is blank in column 2024");
    assert_non_null(n->reason_at.src);
}

static void test_blank_zero_table_checks_every_column(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table b \"B\" blank zero (2025, 2024) {\n"
        "    result \"Resultat\" | 1 200 | -300\n"
        "    gains \"Vinster\"   |  -200 |\n"
        "    after \"Efter\" = result + gains | 1 000 | -299\n"
        "}\n");
    /* the blank is zero: 2024 is compared, and -300 + 0 is not -299 */
    assert_int_equal(res->checks, 2);
    assert_int_equal(res->failed_errors, 1);
    assert_int_equal(res->skipped, 0);
}

static void test_blank_total_in_blank_zero_table_is_not_compared(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table b blank zero (2025, 2024) {\n"
        "    a \"A\" | 1 | 2\n"
        "    total \"Summa\" = sum | 1 |\n"
        "}\n");
    assert_int_equal(res->checks, 1);
    assert_int_equal(res->skipped, 0);
}

static void test_left_operand_gives_the_reason(void **state)
{
    ProgFx *fx = *state;
    /* b's sum skips a blank of its own; the reason is a's blank, not that one */
    Results *res = check_text(fx, REPORT_2025
        "table a (2025) { x \"X\" | }\n"
        "table b (2025) { y \"Y\" |   z \"Z\" | 5 }\n"
        "check c \"C\": a.x + sum(b) == 5\n");
    assert_int_equal(res->checks, 0);
    assert_int_equal(res->skipped, 1);
    const NotRun *n = not_run_n(res, 0);
    assert_false(n->stated);
    assert_string_equal(n->tag, "c");
    assert_reason(n, "'x' is blank in column 2025");
}

static void test_parameter_not_in_force(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table t (2025, 2024) { x \"X\" | 5 | 5 }\n"
        "param cap \"Tak\" = 10 unit kr from 2025-01-01\n"
        "check c \"C\": t.x <= cap\n");
    assert_int_equal(res->checks, 1);
    assert_int_equal(res->skipped, 1);
    const NotRun *n = not_run_n(res, 0);
    assert_string_equal(n->where, "in column 2024");
    assert_reason(n, "parameter 'cap' is not in force in 2024");
}

static void test_prev_without_earlier_year(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table t (2025, 2024) { x \"X\" | 6 | 5 }\n"
        "check c \"C\": t.x > prev(t.x)\n");
    assert_int_equal(res->checks, 1);
    assert_int_equal(res->skipped, 1);
    assert_reason(not_run_n(res, 0), "no earlier year: 't' has no column 2023");
}

static void test_column_outside_other_table_is_not_counted(void **state)
{
    ProgFx *fx = *state;
    /* a five-year overview against a two-year table: by design, not a skipped run */
    Results *res = check_text(fx, REPORT_2025
        "table o (2025, 2024, 2023) { x \"X\" | 1 | 2 | 3 }\n"
        "table t (2025, 2024) { x \"X\" | 1 | 2 }\n"
        "check c \"C\": o.x == t.x\n");
    assert_int_equal(res->checks, 2);
    assert_int_equal(res->skipped, 0);
}

static void test_note_with_blank_total(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table b (2025, 2024) { r \"R\" note 2 | 5 | 7 }\n"
        "table n2 note 2 (2025, 2024) { total \"Summa\" | 5 | }\n");
    assert_int_equal(res->checks, 1);
    assert_int_equal(res->skipped, 1);
    const NotRun *n = not_run_n(res, 0);
    assert_true(n->stated);
    assert_string_equal(n->tag, "note");
    assert_reason(n, "'total' is blank in column 2024");
}

static void test_text_cell_reason(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, REPORT_2025
        "table t (2025) { x \"X\" | \"(ej tillämpligt)\"  y \"Y\" = x | 4 }\n");
    assert_int_equal(res->skipped, 1);
    assert_reason(not_run_n(res, 0), "'x' states text, not a figure, in column 2025");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_blank_operand_of_stated_total, setup, teardown),
        cmocka_unit_test_setup_teardown(test_blank_zero_table_checks_every_column, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_blank_total_in_blank_zero_table_is_not_compared,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(test_left_operand_gives_the_reason, setup, teardown),
        cmocka_unit_test_setup_teardown(test_parameter_not_in_force, setup, teardown),
        cmocka_unit_test_setup_teardown(test_prev_without_earlier_year, setup, teardown),
        cmocka_unit_test_setup_teardown(test_column_outside_other_table_is_not_counted, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_note_with_blank_total, setup, teardown),
        cmocka_unit_test_setup_teardown(test_text_cell_reason, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
