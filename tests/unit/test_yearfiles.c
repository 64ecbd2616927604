/* Unit tests for yearfiles: which .fin files `finsam check DIR` takes for year files. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "yearfiles.h"

static bool has(const char *text) { return yearfiles_has_report(text, strlen(text)); }

static void test_report_at_line_start(void **state)
{
    (void)state;
    assert_true(has("report \"Årsredovisning 2025\" {\n  year 2025\n}\n"));
    assert_true(has("  report{ year 2025 }"));
    assert_true(has("# a year file\nreport \"R\" { year 2025 }"));
}

static void test_report_after_a_declaration_on_the_same_line(void **state)
{
    (void)state;
    assert_true(has("param p = 1 report \"R\" { year 2025 }"));
    assert_true(has("import \"federation\" report \"R\" { year 2025 }"));
    assert_true(has("param p = 2025report \"R\" { year 2025 }"));
    assert_true(has("param p = 1\xC2\xA0report \"R\" { year 2025 }"));
}

/* A plan's block is found too (a folder's plans are checked), but not a report's
 * entry `plan "plan2025"`, nor a table named plan. */
static void test_plan_block_at_line_start(void **state)
{
    (void)state;
    assert_true(has("import \"plan\"\nplan \"Verksamhetsplan 2025\" {\n    year 2025\n}\n"));
    assert_true(has("plan { year 2025 }"));
    assert_false(has("import \"x\"\n    plan \"plan2025\"\n"));
    assert_false(has("budget plan \"Plan\" (budget) {\n    a \"A\" | 1\n}\n"));
    assert_false(has("planning \"x\" {"));
}

static void test_no_report_in_comments_or_strings(void **state)
{
    (void)state;
    assert_false(has("# report \"R\" { year 2025 }\n"));
    assert_false(has("param p = 1 source \"report\"\n"));
    assert_false(has("param p = 1 source \"a \\\" report\"\n"));
    assert_false(has(""));
}

static void test_no_report_inside_a_longer_name(void **state)
{
    (void)state;
    assert_false(has("param reporting = 1\nparam my_report = 2\nparam report2 = 3"));
    assert_false(has("param årsreport = 1\nparam reportö = 2"));
}

static void test_a_string_ends_at_the_end_of_its_line(void **state)
{
    (void)state;
    assert_true(has("param p = 1 source \"unclosed\nreport \"R\" { year 2025 }"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_report_at_line_start),
        cmocka_unit_test(test_plan_block_at_line_start),
        cmocka_unit_test(test_report_after_a_declaration_on_the_same_line),
        cmocka_unit_test(test_no_report_in_comments_or_strings),
        cmocka_unit_test(test_no_report_inside_a_longer_name),
        cmocka_unit_test(test_a_string_ends_at_the_end_of_its_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
