/* Unit tests for value: how values are shown to a user. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"
#include "figure.h"
#include "value.h"

static const char *fmt(Value v)
{
    static char buf[VALUE_FMT_MAX];
    memset(buf, 'X', sizeof buf);
    return value_format(&v, buf);
}

static Value money(Unit u, int64_t lo, int64_t hi)
{
    return value_number(K_MONEY, u, num_micro(lo, hi));
}

/* A figure as printed, in micro units of its unit (75,4 % is 75 400 000), with the
 * interval it stands for as a cell of a table in that unit has it. */
static Value printed(Kind k, Unit u, int64_t figure, int decimals)
{
    Literal lit = {num_exact(figure), k, u, decimals, true, figure, false};
    if (u == U_PERCENT)
        assert_int_equal(figure_interval(figure, decimals, 1, 100, &lit.value), NUM_OK);
    else if (u == U_TKR)
        assert_int_equal(figure_interval(figure, decimals, 1000, 1, &lit.value), NUM_OK);
    return value_of_literal(&lit);
}

static void test_exact_kronor(void **state)
{
    (void)state;
    assert_string_equal(fmt(money(U_KR, KR(7864000), KR(7864000))), "7 864 000 kr");
    assert_string_equal(fmt(money(U_KR, KR(-104286), KR(-104286))), "-104 286 kr");
    assert_string_equal(fmt(money(U_KR, 0, 0)), "0 kr");
    assert_string_equal(fmt(money(U_KR, KR(999), KR(999))), "999 kr");
    assert_string_equal(fmt(money(U_KR, KR(1000), KR(1000))), "1 000 kr");
    /* A bare kind with no unit to show yet is shown in kronor. */
    assert_string_equal(fmt(money(U_NONE, KR(12), KR(12))), "12 kr");
}

static void test_kronor_with_ore(void **state)
{
    (void)state;
    /* 20 % of 7 864 004 kr */
    assert_string_equal(fmt(money(U_KR, 1572800800000, 1572800800000)), "1 572 800,80 kr");
    assert_string_equal(fmt(money(U_KR, 1234500000, 1234500000)), "1 234,50 kr");
    assert_string_equal(fmt(money(U_KR, -1234050000, -1234050000)), "-1 234,05 kr");
    /* Below an öre, rounded to öre: always two decimals when there are any. */
    assert_string_equal(fmt(money(U_KR, 1234567, 1234567)), "1,23 kr");
    assert_string_equal(fmt(money(U_KR, 1995000, 1995000)), "2,00 kr");
}

static void test_tkr(void **state)
{
    (void)state;
    assert_string_equal(fmt(money(U_TKR, KR(8164000), KR(8164000))), "8 164 tkr");
    /* kronor that are not whole thousands: tkr with decimals */
    assert_string_equal(fmt(money(U_TKR, KR(973313), KR(973313))), "973,313 tkr");
    assert_string_equal(fmt(money(U_TKR, KR(-1524000), KR(-1524000))), "-1 524 tkr");
}

static void test_intervals(void **state)
{
    (void)state;
    /* a sum of tkr figures: the interval, the unit once */
    assert_string_equal(fmt(money(U_TKR, KR(8157000), KR(8171000))),
                        "between 8 157 and 8 171 tkr");
    assert_string_equal(fmt(money(U_KR, KR(-1), KR(2))), "between -1 and 2 kr");
    /* ends that print the same are shown once */
    assert_string_equal(fmt(money(U_KR, 1572800801000, 1572800804000)), "1 572 800,80 kr");
    /* 2 958 574 / 7 864 000, rounded outward */
    assert_string_equal(fmt(value_number(K_PERCENT, U_PERCENT, num_micro(376217, 376218))),
                        "between 37,6217 and 37,6218 %");
    assert_string_equal(fmt(value_number(K_COUNT, U_COUNT, num_micro(KR(3), KR(5)))),
                        "between 3 and 5");
    assert_string_equal(fmt(value_number(K_NUMBER, U_NONE, num_micro(KR(1000), KR(2000)))),
                        "between 1 000 and 2 000");
}

/* One interval, one precision: both ends with the decimals either needs, kronor with
 * öre on both ends or on neither, never ",00" at one end only. */
static void test_interval_ends_alike(void **state)
{
    (void)state;
    /* 936 000 to 983 995,20 kr: öre at both ends */
    assert_string_equal(fmt(money(U_KR, KR(936000), 983995200000)),
                        "between 936 000,00 and 983 995,20 kr");
    /* 1 000,004 rounds to 1 000,00: whole kronor at both ends */
    assert_string_equal(fmt(money(U_KR, 1000004000, KR(1001))), "between 1 000 and 1 001 kr");
    /* tkr: as many decimals at both ends */
    assert_string_equal(fmt(money(U_TKR, KR(8157000), KR(8171500))),
                        "between 8 157,0 and 8 171,5 tkr");
    /* a zero end stays 0 */
    assert_string_equal(fmt(money(U_TKR, 0, 2000)), "between 0 and 0,000002 tkr");
}

static void test_percentages(void **state)
{
    (void)state;
    assert_string_equal(fmt(value_number(K_PERCENT, U_PERCENT, num_exact(500000))), "50 %");
    assert_string_equal(fmt(value_number(K_PERCENT, U_PERCENT, num_exact(754000))), "75,4 %");
    assert_string_equal(fmt(value_number(K_PERCENT, U_PERCENT, num_exact(-50000))), "-5 %");
    /* 60/128 = 46,875 % */
    assert_string_equal(fmt(value_number(K_PERCENT, U_PERCENT, num_exact(468750))), "46,875 %");
    /* a percentage over a hundred */
    assert_string_equal(fmt(value_number(K_PERCENT, U_PERCENT, num_exact(KR(12)))), "1 200 %");
}

static void test_printed_figures(void **state)
{
    (void)state;
    /* 75,4% stands for 75,35 % to 75,45 %, but is shown as printed */
    assert_string_equal(fmt(printed(K_PERCENT, U_PERCENT, 75400000, 1)),
                        "75,4 %");
    assert_string_equal(fmt(printed(K_PERCENT, U_PERCENT, KR(38), 0)),
                        "38 %");
    /* printed decimals are kept, trailing zero included */
    assert_string_equal(fmt(printed(K_PERCENT, U_PERCENT, 75500000, 2)),
                        "75,50 %");
    /* 973 tkr stands for 972 500 to 973 500 kr */
    assert_string_equal(fmt(printed(K_MONEY, U_TKR, KR(973), 0)),
                        "973 tkr");
    assert_string_equal(fmt(printed(K_MONEY, U_TKR, 8500000, 1)),
                        "8,5 tkr");
    assert_string_equal(fmt(printed(K_MONEY, U_KR, KR(7864004), 0)),
                        "7 864 004 kr");
    assert_string_equal(fmt(printed(K_MONEY, U_KR, 1234500000, 2)), "1 234,50 kr");
    assert_string_equal(fmt(printed(K_COUNT, U_COUNT, KR(21), 0)), "21");
}

static void test_printed_as_written_at_any_precision(void **state)
{
    (void)state;
    /* Regression: 12,34554 % is 0,1234554, which micro units cannot hold; it was shown
     * from the middle of its interval as "12,34560 %". */
    assert_string_equal(fmt(printed(K_PERCENT, U_PERCENT, 12345540, 5)), "12,34554 %");
    assert_string_equal(fmt(printed(K_PERCENT, U_PERCENT, 12345678, 6)), "12,345678 %");
    assert_string_equal(fmt(printed(K_PERCENT, U_PERCENT, -12345540, 5)), "-12,34554 %");
    assert_string_equal(fmt(printed(K_MONEY, U_TKR, 1000001, 6)), "1,000001 tkr");
    char buf[VALUE_FMT_MAX];
    Value v = printed(K_PERCENT, U_PERCENT, 12345540, 5);
    assert_string_equal(value_format_figure(&v, NULL, buf), "12,34554 %");
    /* a negated printed figure stays the figure it is */
    v = printed(K_MONEY, U_TKR, -1000001, 6);
    assert_string_equal(value_format_figure(&v, NULL, buf), "\xE2\x88\x92" "1,000001");
}

static void test_percentages_beyond_int64_when_scaled(void **state)
{
    (void)state;
    /* Regression: a fraction whose hundredfold does not fit in 64 bits was printed as
     * the fraction itself, a hundred times too small. */
    assert_string_equal(fmt(value_number(K_PERCENT, U_PERCENT, num_exact(KR(1000000000000)))),
                        "100 000 000 000 000 %");
    assert_string_equal(fmt(value_number(K_PERCENT, U_PERCENT, num_exact(INT64_MAX))),
                        "922 337 203 685 477,5807 %");
    assert_string_equal(fmt(value_number(K_PERCENT, U_PERCENT, num_exact(INT64_MIN))),
                        "-922 337 203 685 477,5808 %");
}

static void test_printed_kronor_keep_zero_ore(void **state)
{
    (void)state;
    /* Regression: a kr figure printed with zero öre ("1 234,00") was shown as
     * "1 234 kr": value.c's format_micro ignored the printed decimals for kronor,
     * although value.h says a printed figure is shown "as printed, with its
     * decimals". */
    assert_string_equal(fmt(printed(K_MONEY, U_KR, KR(1234), 2)), "1 234,00 kr");
}

static void test_other_kinds(void **state)
{
    (void)state;
    assert_string_equal(fmt(value_bool(true)), "true");
    assert_string_equal(fmt(value_bool(false)), "false");
    assert_string_equal(fmt(value_number(K_DATE, U_NONE, num_units(20260316))), "2026-03-16");
    assert_string_equal(fmt(value_number(K_COUNT, U_COUNT, num_units(21))), "21");
    assert_string_equal(fmt(value_number(K_NUMBER, U_NONE, num_exact(500000))), "0,5");
    Value v = value_number(K_MONEY, U_KR, num_units(5));
    v.absent = true;
    assert_string_equal(fmt(v), "nothing (an empty cell)");
}

static void test_format_num_difference(void **state)
{
    (void)state;
    char buf[VALUE_FMT_MAX];
    assert_string_equal(value_format_num(num_units(-8), K_MONEY, U_KR, buf), "-8 kr");
    assert_string_equal(value_format_num(num_units(1524000), K_MONEY, U_TKR, buf), "1 524 tkr");
    assert_string_equal(value_format_num(num_exact(-50000), K_PERCENT, U_PERCENT, buf), "-5 %");
    assert_string_equal(value_format_num(num_units(-4), K_COUNT, U_COUNT, buf), "-4");
    assert_string_equal(value_format_num(num_micro(KR(1), KR(3)), K_MONEY, U_KR, buf),
                        "between 1 and 3 kr");
}

static void test_format_extremes_fit(void **state)
{
    (void)state;
    /* the widest interval there is still fits the buffer and ends properly */
    const char *s = fmt(money(U_KR, INT64_MIN, INT64_MAX));
    assert_true(strlen(s) < VALUE_FMT_MAX);
    assert_non_null(strstr(s, "between -9 223 372 036 854,78"));
    assert_non_null(strstr(s, "and 9 223 372 036 854,78 kr"));
    s = fmt(value_number(K_PERCENT, U_PERCENT, num_micro(INT64_MIN, INT64_MAX)));
    assert_true(strlen(s) < VALUE_FMT_MAX);
    assert_true(strncmp(s, "between -", 9) == 0);
}

static void test_unit_combine(void **state)
{
    (void)state;
    assert_int_equal(unit_combine(K_MONEY, U_TKR, U_TKR), U_TKR);
    assert_int_equal(unit_combine(K_MONEY, U_TKR, U_NONE), U_TKR);
    assert_int_equal(unit_combine(K_MONEY, U_NONE, U_TKR), U_TKR);
    /* kronor and tkr together are shown in kronor, the finer unit */
    assert_int_equal(unit_combine(K_MONEY, U_TKR, U_KR), U_KR);
    assert_int_equal(unit_combine(K_MONEY, U_KR, U_TKR), U_KR);
    assert_int_equal(unit_combine(K_PERCENT, U_KR, U_NONE), U_PERCENT);
    assert_int_equal(unit_combine(K_COUNT, U_NONE, U_NONE), U_COUNT);
    assert_int_equal(unit_combine(K_NUMBER, U_KR, U_KR), U_NONE);
}

static void test_value_of_literal(void **state)
{
    (void)state;
    Literal lit = {num_micro(753500, 754500), K_PERCENT, U_PERCENT, 1, true, 75400000, false};
    Value v = value_of_literal(&lit);
    assert_int_equal(v.kind, K_PERCENT);
    assert_int_equal(v.unit, U_PERCENT);
    assert_int_equal(v.n.lo, 753500);
    assert_int_equal(v.n.hi, 754500);
    assert_true(v.printed);
    assert_int_equal(v.decimals, 1);
    assert_false(v.absent);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_exact_kronor),
        cmocka_unit_test(test_kronor_with_ore),
        cmocka_unit_test(test_tkr),
        cmocka_unit_test(test_intervals),
        cmocka_unit_test(test_interval_ends_alike),
        cmocka_unit_test(test_percentages),
        cmocka_unit_test(test_printed_as_written_at_any_precision),
        cmocka_unit_test(test_percentages_beyond_int64_when_scaled),
        cmocka_unit_test(test_printed_figures),
        cmocka_unit_test(test_printed_kronor_keep_zero_ore),
        cmocka_unit_test(test_other_kinds),
        cmocka_unit_test(test_format_num_difference),
        cmocka_unit_test(test_format_extremes_fit),
        cmocka_unit_test(test_unit_combine),
        cmocka_unit_test(test_value_of_literal),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
