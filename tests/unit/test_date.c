/* Unit tests for date: the calendar's months and leap years. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "date.h"

static void test_month_days(void **state)
{
    (void)state;
    assert_int_equal(date_month_days(2025, 1), 31);
    assert_int_equal(date_month_days(2025, 4), 30);
    assert_int_equal(date_month_days(2025, 12), 31);
    assert_int_equal(date_month_days(2025, 2), 28);
    assert_int_equal(date_month_days(2024, 2), 29);
    assert_int_equal(date_month_days(1900, 2), 28); /* a century is no leap year */
    assert_int_equal(date_month_days(2000, 2), 29); /* unless it divides by 400 */
}

static void test_valid(void **state)
{
    (void)state;
    assert_true(date_valid(2025, 12, 31));
    assert_true(date_valid(2024, 2, 29));
    assert_false(date_valid(2025, 2, 29));
    assert_false(date_valid(2025, 63, 12)); /* a month that does not exist */
    assert_false(date_valid(2025, 0, 1));
    assert_false(date_valid(2025, 13, 1));
    assert_false(date_valid(2025, 4, 31));
    assert_false(date_valid(2025, 1, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_month_days),
        cmocka_unit_test(test_valid),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
