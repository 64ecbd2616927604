/* Unit tests for num: exact decimal interval arithmetic in micro units. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "num.h"

#define KR(x) ((int64_t)(x) * NUM_SCALE)

/* A sentinel that no test result equals, to show that *out was left alone. */
static const Num untouched = { 4242, 4243 };

static void assert_num(Num got, int64_t lo, int64_t hi)
{
    assert_int_equal(got.lo, lo);
    assert_int_equal(got.hi, hi);
}

static void test_constructors(void **state)
{
    (void)state;
    Num seven = num_units(7);
    assert_num(seven, 7000000, 7000000);
    assert_true(num_is_exact(seven));
    assert_num(num_exact(-754000), -754000, -754000);
    Num range = num_micro(753500, 754500);
    assert_num(range, 753500, 754500);
    assert_false(num_is_exact(range));
}

static void test_add_sub_exact(void **state)
{
    (void)state;
    Num out = untouched;
    /* The net cost row of the 2025 income statement. */
    assert_int_equal(num_add(num_units(7864004), num_units(195937), &out), NUM_OK);
    assert_num(out, KR(8059941), KR(8059941));
    assert_int_equal(num_add(out, num_units(-8160786), &out), NUM_OK);
    assert_num(out, KR(-100845), KR(-100845));
    assert_int_equal(num_sub(num_units(9688), num_units(8164), &out), NUM_OK);
    assert_num(out, KR(1524), KR(1524));
    /* Öre survive exactly: 1 234,50 - 0,51 = 1 233,99. */
    assert_int_equal(num_sub(num_exact(1234500000), num_exact(510000), &out), NUM_OK);
    assert_num(out, 1233990000, 1233990000);
}

static void test_add_sub_intervals(void **state)
{
    (void)state;
    Num out = untouched;
    /* Uncertainty adds up in a sum and in a difference alike. */
    assert_int_equal(num_add(num_micro(10, 20), num_micro(-5, 1), &out), NUM_OK);
    assert_num(out, 5, 21);
    assert_int_equal(num_sub(num_micro(10, 20), num_micro(-5, 1), &out), NUM_OK);
    assert_num(out, 9, 25);
}

static void test_mul_exact(void **state)
{
    (void)state;
    Num out = untouched;
    /* The state's half of the 7 864 000 kr contributions. */
    assert_int_equal(num_mul(num_units(7864000), num_exact(500000), &out), NUM_OK);
    assert_num(out, KR(3932000), KR(3932000));
    assert_int_equal(num_mul(num_exact(2500000), num_units(-4), &out), NUM_OK);
    assert_num(out, KR(-10), KR(-10));
    /* 20 % of 7 864 000 kr. */
    assert_int_equal(num_mul(num_exact(200000), num_units(7864000), &out), NUM_OK);
    assert_num(out, KR(1572800), KR(1572800));
}

static void test_mul_rounds_outward(void **state)
{
    (void)state;
    Num out = untouched;
    /* 0,000001 * 0,5 = 0,0000005 lies between two micro units. */
    assert_int_equal(num_mul(num_exact(1), num_exact(500000), &out), NUM_OK);
    assert_num(out, 0, 1);
    assert_int_equal(num_mul(num_exact(-1), num_exact(500000), &out), NUM_OK);
    assert_num(out, -1, 0);
}

static void test_mul_intervals(void **state)
{
    (void)state;
    Num out = untouched;
    /* Both straddle zero: the extremes come from different corner products. */
    assert_int_equal(num_mul(num_micro(KR(-2), KR(3)), num_micro(KR(-5), KR(4)), &out),
                     NUM_OK);
    assert_num(out, KR(-15), KR(12));
    assert_int_equal(num_mul(num_micro(KR(-3), KR(-2)), num_micro(KR(4), KR(5)), &out),
                     NUM_OK);
    assert_num(out, KR(-15), KR(-8));
}

static void test_div_exact(void **state)
{
    (void)state;
    Num out = untouched;
    assert_int_equal(num_div(num_units(7864000), num_units(4), &out), NUM_OK);
    assert_num(out, KR(1966000), KR(1966000));
    /* 60/128 = 0,46875 exactly, within six decimals. */
    assert_int_equal(num_div(num_units(60), num_units(128), &out), NUM_OK);
    assert_num(out, 468750, 468750);
    assert_int_equal(num_div(num_units(-10), num_exact(-2500000), &out), NUM_OK);
    assert_num(out, KR(4), KR(4));
}

static void test_div_thirds_round_outward(void **state)
{
    (void)state;
    Num out = untouched;
    assert_int_equal(num_div(num_units(1), num_units(3), &out), NUM_OK);
    assert_num(out, 333333, 333334);
    assert_false(num_is_exact(out));
    /* Truncating division would give -333333 for both ends; lo must go down. */
    assert_int_equal(num_div(num_units(-1), num_units(3), &out), NUM_OK);
    assert_num(out, -333334, -333333);
    assert_int_equal(num_div(num_units(1), num_units(-3), &out), NUM_OK);
    assert_num(out, -333334, -333333);
    assert_int_equal(num_div(num_units(2), num_units(3), &out), NUM_OK);
    assert_num(out, 666666, 666667);
}

static void test_mul_ratio(void **state)
{
    (void)state;
    Num out = untouched;
    /* 1 200 000 * 1/3 is exactly 400 000, where times 1/3 as an interval of
     * millionths it is 399 999,6 to 400 000,8 */
    assert_int_equal(num_mul_ratio(num_units(1200000), 1, 3, &out), NUM_OK);
    assert_num(out, KR(400000), KR(400000));
    /* rounded outward once where it does not come out even */
    assert_int_equal(num_mul_ratio(num_units(1), 1, 3, &out), NUM_OK);
    assert_num(out, 333333, 333334);
    assert_int_equal(num_mul_ratio(num_units(1), -2, 3, &out), NUM_OK);
    assert_num(out, -666667, -666666);
    assert_int_equal(num_mul_ratio(num_micro(-KR(3), KR(6)), -1, 3, &out), NUM_OK);
    assert_num(out, -KR(2), KR(1));
    /* the result must fit; nothing is written when it does not */
    out = untouched;
    assert_int_equal(num_mul_ratio(num_exact(INT64_MAX), 2, 1, &out), NUM_OVERFLOW);
    assert_int_equal(num_mul_ratio(num_exact(INT64_MIN), -1, 1, &out), NUM_OVERFLOW);
    assert_num(out, untouched.lo, untouched.hi);
    assert_int_equal(num_mul_ratio(num_exact(INT64_MAX), INT64_MAX, INT64_MAX, &out), NUM_OK);
    assert_num(out, INT64_MAX, INT64_MAX);
}

static void test_div_intervals(void **state)
{
    (void)state;
    Num out = untouched;
    assert_int_equal(num_div(num_micro(KR(1), KR(2)), num_micro(KR(4), KR(8)), &out),
                     NUM_OK);
    assert_num(out, 125000, 500000);
    assert_int_equal(num_div(num_micro(KR(-1), KR(2)), num_micro(KR(-8), KR(-4)), &out),
                     NUM_OK);
    assert_num(out, -500000, 250000);
}

static void test_div_by_zero(void **state)
{
    (void)state;
    Num out = untouched;
    assert_int_equal(num_div(num_units(1), num_units(0), &out), NUM_DIV_ZERO);
    assert_int_equal(num_div(num_units(1), num_micro(-1, 1), &out), NUM_DIV_ZERO);
    /* An interval that only touches zero at one end still holds zero. */
    assert_int_equal(num_div(num_units(1), num_micro(0, KR(5)), &out), NUM_DIV_ZERO);
    assert_int_equal(num_div(num_units(1), num_micro(KR(-5), 0), &out), NUM_DIV_ZERO);
    assert_num(out, untouched.lo, untouched.hi);
}

static void test_tkr_meets_kr(void **state)
{
    (void)state;
    Num tkr = untouched;
    /* 973 in tkr stands for 972 500 to 973 500 kr. */
    assert_int_equal(num_widen(num_units(973000), KR(500), &tkr), NUM_OK);
    assert_num(tkr, KR(972500), KR(973500));
    assert_true(num_meets(tkr, num_units(973313)));
    assert_true(num_meets(num_units(973313), tkr));
    assert_true(num_meets(tkr, num_units(973500)));
    assert_false(num_meets(tkr, num_units(973501)));
    assert_false(num_meets(tkr, num_units(972499)));
}

static void test_percent_precision(void **state)
{
    (void)state;
    Num stated = untouched, ratio = untouched, other = untouched;
    /* 46,8 % printed to one decimal: 46,75 % to 46,85 %. */
    assert_int_equal(num_widen(num_exact(468000), 500, &stated), NUM_OK);
    assert_num(stated, 467500, 468500);
    assert_int_equal(num_div(num_units(60), num_units(128), &ratio), NUM_OK);
    assert_false(num_meets(stated, ratio));
    assert_true(num_can_lt(stated, ratio));
    assert_false(num_can_gt(stated, ratio));
    /* 46,9 % would have met it. */
    assert_int_equal(num_widen(num_exact(469000), 500, &other), NUM_OK);
    assert_true(num_meets(other, ratio));
}

static void test_comparisons(void **state)
{
    (void)state;
    Num a = num_micro(10, 20), b = num_micro(20, 30), c = num_micro(21, 30);
    assert_true(num_meets(a, b));
    assert_false(num_meets(a, c));
    assert_true(num_can_lt(a, b));
    assert_true(num_can_le(b, a));  /* 20 <= 20 */
    assert_false(num_can_lt(b, a)); /* nothing in b is below anything in a */
    assert_true(num_can_ge(a, b));
    assert_false(num_can_gt(a, b));
    assert_true(num_can_gt(b, a));
    assert_false(num_can_ge(a, c));
    /* Exact values compare as plain numbers. */
    assert_true(num_can_lt(num_exact(1), num_exact(2)));
    assert_false(num_can_lt(num_exact(2), num_exact(2)));
    assert_true(num_can_le(num_exact(2), num_exact(2)));
}

static void test_min_max(void **state)
{
    (void)state;
    Num a = num_micro(0, 10), b = num_micro(5, 7);
    assert_num(num_min(a, b), 0, 7);
    assert_num(num_max(a, b), 5, 10);
    assert_num(num_min(num_exact(-3), num_exact(4)), -3, -3);
    assert_num(num_max(num_exact(-3), num_exact(4)), 4, 4);
}

static void test_add_overflow(void **state)
{
    (void)state;
    Num out = untouched;
    assert_int_equal(num_add(num_exact(INT64_MAX), num_exact(1), &out), NUM_OVERFLOW);
    assert_int_equal(num_add(num_exact(INT64_MIN), num_exact(-1), &out), NUM_OVERFLOW);
    assert_int_equal(num_sub(num_exact(INT64_MIN), num_exact(1), &out), NUM_OVERFLOW);
    assert_int_equal(num_sub(num_exact(0), num_exact(INT64_MIN), &out), NUM_OVERFLOW);
    /* Only one end overflowing is still an overflow. */
    assert_int_equal(num_add(num_micro(0, INT64_MAX), num_exact(1), &out), NUM_OVERFLOW);
    assert_num(out, untouched.lo, untouched.hi);
    /* Right at the limit is fine. */
    assert_int_equal(num_add(num_exact(INT64_MAX - 1), num_exact(1), &out), NUM_OK);
    assert_num(out, INT64_MAX, INT64_MAX);
}

static void test_mul_overflow(void **state)
{
    (void)state;
    Num out = untouched;
    /* 10^7 kr squared is 10^14, which needs 10^20 micro units. */
    assert_int_equal(num_mul(num_units(10000000), num_units(10000000), &out), NUM_OVERFLOW);
    assert_int_equal(num_mul(num_units(-10000000), num_units(10000000), &out), NUM_OVERFLOW);
    assert_num(out, untouched.lo, untouched.hi);
    /* 3 * 10^12 still fits (3 * 10^18 micro units). */
    assert_int_equal(num_mul(num_units(3000000), num_units(1000000), &out), NUM_OK);
    assert_num(out, 3000000000000000000LL, 3000000000000000000LL);
    /* INT64_MIN * -1 is the classic trap. */
    assert_int_equal(num_mul(num_exact(INT64_MIN), num_units(-1), &out), NUM_OVERFLOW);
}

static void test_div_overflow(void **state)
{
    (void)state;
    Num out = untouched;
    assert_int_equal(num_div(num_exact(INT64_MAX), num_exact(1), &out), NUM_OVERFLOW);
    assert_int_equal(num_div(num_exact(INT64_MIN), num_units(-1), &out), NUM_OVERFLOW);
    assert_int_equal(num_div(num_exact(INT64_MIN), num_units(1), &out), NUM_OK);
    assert_num(out, INT64_MIN, INT64_MIN);
}

static void test_neg_abs(void **state)
{
    (void)state;
    Num out = untouched;
    assert_int_equal(num_neg(num_micro(-3, 5), &out), NUM_OK);
    assert_num(out, -5, 3);
    assert_int_equal(num_neg(num_exact(INT64_MIN), &out), NUM_OVERFLOW);
    assert_int_equal(num_neg(num_micro(INT64_MIN, 0), &out), NUM_OVERFLOW);
    assert_int_equal(num_neg(num_exact(INT64_MAX), &out), NUM_OK);
    assert_num(out, -INT64_MAX, -INT64_MAX);

    assert_int_equal(num_abs(num_micro(-3, -1), &out), NUM_OK);
    assert_num(out, 1, 3);
    assert_int_equal(num_abs(num_micro(2, 4), &out), NUM_OK);
    assert_num(out, 2, 4);
    assert_int_equal(num_abs(num_micro(-7, 4), &out), NUM_OK);
    assert_num(out, 0, 7);
    assert_int_equal(num_abs(num_micro(-4, 7), &out), NUM_OK);
    assert_num(out, 0, 7);
    out = untouched;
    assert_int_equal(num_abs(num_exact(INT64_MIN), &out), NUM_OVERFLOW);
    assert_int_equal(num_abs(num_micro(INT64_MIN, 5), &out), NUM_OVERFLOW);
    assert_num(out, untouched.lo, untouched.hi);
}

static void test_round_negative_places(void **state)
{
    (void)state;
    Num out = untouched;
    /* round(x, -4): to ten thousands. */
    assert_int_equal(num_round(num_units(1572800), -4, &out), NUM_OK);
    assert_num(out, KR(1570000), KR(1570000));
    assert_int_equal(num_round(num_units(1575000), -4, &out), NUM_OK);
    assert_num(out, KR(1580000), KR(1580000));
    assert_int_equal(num_round(num_units(1574999), -4, &out), NUM_OK);
    assert_num(out, KR(1570000), KR(1570000));
}

static void test_round_half_away_from_zero(void **state)
{
    (void)state;
    Num out = untouched;
    assert_int_equal(num_round(num_units(-1575000), -4, &out), NUM_OK);
    assert_num(out, KR(-1580000), KR(-1580000));
    assert_int_equal(num_round(num_units(-1574999), -4, &out), NUM_OK);
    assert_num(out, KR(-1570000), KR(-1570000));
    assert_int_equal(num_round(num_exact(500000), 0, &out), NUM_OK);
    assert_num(out, KR(1), KR(1));
    assert_int_equal(num_round(num_exact(-500000), 0, &out), NUM_OK);
    assert_num(out, KR(-1), KR(-1));
    assert_int_equal(num_round(num_exact(-499999), 0, &out), NUM_OK);
    assert_num(out, 0, 0);
    /* 2,345 to two decimals is 2,35; -2,345 is -2,35. */
    assert_int_equal(num_round(num_exact(2345000), 2, &out), NUM_OK);
    assert_num(out, 2350000, 2350000);
    assert_int_equal(num_round(num_exact(-2345000), 2, &out), NUM_OK);
    assert_num(out, -2350000, -2350000);
}

static void test_round_interval_and_limits(void **state)
{
    (void)state;
    Num out = untouched;
    /* Each end is rounded on its own. */
    assert_int_equal(num_round(num_micro(KR(-15), KR(24)), -1, &out), NUM_OK);
    assert_num(out, KR(-20), KR(20));
    /* Six places or more: nothing to round. */
    assert_int_equal(num_round(num_micro(333333, 333334), 6, &out), NUM_OK);
    assert_num(out, 333333, 333334);
    assert_int_equal(num_round(num_exact(123456), 9, &out), NUM_OK);
    assert_num(out, 123456, 123456);
    /* At -18 every int64 value rounds to zero, and below it as well. */
    assert_int_equal(num_round(num_exact(INT64_MAX), -18, &out), NUM_OK);
    assert_num(out, 0, 0);
    assert_int_equal(num_round(num_exact(INT64_MIN), -40, &out), NUM_OK);
    assert_num(out, 0, 0);
    /* 9 223 372 036 854,775807 to whole units does not fit. */
    out = untouched;
    assert_int_equal(num_round(num_exact(INT64_MAX), 0, &out), NUM_OVERFLOW);
    assert_int_equal(num_round(num_exact(INT64_MIN), 0, &out), NUM_OVERFLOW);
    assert_num(out, untouched.lo, untouched.hi);
}

static void test_widen(void **state)
{
    (void)state;
    Num out = untouched;
    assert_int_equal(num_widen(num_micro(10, 20), 5, &out), NUM_OK);
    assert_num(out, 5, 25);
    assert_int_equal(num_widen(num_exact(INT64_MAX), 1, &out), NUM_OVERFLOW);
    assert_int_equal(num_widen(num_exact(INT64_MIN), 1, &out), NUM_OVERFLOW);
}

static void test_printed(void **state)
{
    (void)state;
    Num out;
    /* 973 printed in tkr: [972 500; 973 500) */
    assert_int_equal(num_printed(num_exact(KR(973000)), KR(500), &out), NUM_OK);
    assert_int_equal(out.lo, KR(972500));
    assert_int_equal(out.hi, KR(973500) - 1);
    /* -973: (-973 500; -972 500] */
    assert_int_equal(num_printed(num_exact(-KR(973000)), KR(500), &out), NUM_OK);
    assert_int_equal(out.lo, -KR(973500) + 1);
    assert_int_equal(out.hi, -KR(972500));
    /* 0: (-0,5; 0,5) */
    assert_int_equal(num_printed(num_exact(0), 500000, &out), NUM_OK);
    assert_int_equal(out.lo, -500000 + 1);
    assert_int_equal(out.hi, 500000 - 1);
    /* a figure printed with every decimal there is: itself (found by fuzzing) */
    out = num_micro(1, 2);
    assert_int_equal(num_printed(num_exact(7), 0, &out), NUM_OK);
    assert_int_equal(out.lo, 7);
    assert_int_equal(out.hi, 7);
    /* neighbours printed to the same precision never meet */
    Num a, b;
    num_printed(num_exact(KR(973000)), KR(500), &a);
    num_printed(num_exact(KR(974000)), KR(500), &b);
    assert_false(num_meets(a, b));
}

static void test_mid(void **state)
{
    (void)state;
    assert_int_equal(num_mid(num_micro(1, 4)), 3); /* 2,5 away from zero */
    assert_int_equal(num_mid(num_micro(-3, 0)), -2); /* -1,5 away from zero */
    assert_int_equal(num_mid(num_micro(KR(972500), KR(973500) - 1)), KR(973000));
    assert_int_equal(num_mid(num_micro(-KR(973500) + 1, -KR(972500))), -KR(973000));
    assert_int_equal(num_mid(num_micro(KR(972500), KR(973500))), KR(973000));
    /* lo + hi overflows int64 here; the midpoint does not. */
    assert_int_equal(num_mid(num_micro(INT64_MAX - 2, INT64_MAX)), INT64_MAX - 1);
    assert_int_equal(num_mid(num_micro(INT64_MIN, INT64_MIN + 2)), INT64_MIN + 1);
}

/* num_format(micro, min_places, max_places): the value is rounded half away from zero
 * to max_places decimals, then trailing zero decimals are dropped until min_places
 * remain. So (0, 2) prints as few decimals as the value needs, up to two, and (2, 2)
 * always prints exactly two, as an öre column does. */
static void test_format_whole(void **state)
{
    (void)state;
    char buf[NUM_FMT_MAX];
    assert_string_equal(num_format(KR(7864000), 0, 2, buf), "7 864 000");
    assert_string_equal(num_format(KR(-104286), 0, 2, buf), "-104 286");
    assert_string_equal(num_format(0, 0, 2, buf), "0");
    assert_string_equal(num_format(KR(999), 0, 0, buf), "999");
    assert_string_equal(num_format(KR(1000), 0, 0, buf), "1 000");
    assert_string_equal(num_format(KR(-100000), 0, 0, buf), "-100 000");
    assert_string_equal(num_format(KR(1234567), 0, 0, buf), "1 234 567");
}

static void test_format_decimals(void **state)
{
    (void)state;
    char buf[NUM_FMT_MAX];
    assert_string_equal(num_format(1572800800000, 0, 2, buf), "1 572 800,8");
    assert_string_equal(num_format(1572800800000, 2, 2, buf), "1 572 800,80");
    assert_string_equal(num_format(-104286500000, 0, 2, buf), "-104 286,5");
    assert_string_equal(num_format(-104286500000, 2, 2, buf), "-104 286,50");
    assert_string_equal(num_format(0, 2, 2, buf), "0,00");
    assert_string_equal(num_format(754000, 1, 1, buf), "0,8");
    assert_string_equal(num_format(754000, 0, 6, buf), "0,754");
    assert_string_equal(num_format(123456, 0, 6, buf), "0,123456");
    assert_string_equal(num_format(-1, 0, 6, buf), "-0,000001");
}

static void test_format_rounding(void **state)
{
    (void)state;
    char buf[NUM_FMT_MAX];
    /* A carry out of the decimals reaches the whole part and its grouping. */
    assert_string_equal(num_format(999999999500, 0, 3, buf), "1 000 000");
    assert_string_equal(num_format(995000, 0, 2, buf), "1");
    assert_string_equal(num_format(995000, 2, 2, buf), "1,00");
    assert_string_equal(num_format(-994999, 2, 2, buf), "-0,99");
    assert_string_equal(num_format(1572800500000, 0, 0, buf), "1 572 801");
    assert_string_equal(num_format(-1572800500000, 0, 0, buf), "-1 572 801");
    /* Rounded to zero, a negative loses its sign. */
    assert_string_equal(num_format(-4000, 0, 2, buf), "0");
    assert_string_equal(num_format(-4000, 2, 2, buf), "0,00");
}

static void test_format_limits(void **state)
{
    (void)state;
    char buf[NUM_FMT_MAX];
    assert_string_equal(num_format(INT64_MIN, 0, 6, buf), "-9 223 372 036 854,775808");
    assert_string_equal(num_format(INT64_MIN, 0, 0, buf), "-9 223 372 036 855");
    assert_string_equal(num_format(INT64_MAX, 6, 6, buf), "9 223 372 036 854,775807");
    /* Out-of-range places are clamped to 0..6, and min_places wins over max_places. */
    assert_string_equal(num_format(1500000, -3, -1, buf), "2");
    assert_string_equal(num_format(1500000, 0, 40, buf), "1,5");
    assert_string_equal(num_format(1500000, 3, 1, buf), "1,500");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_constructors),
        cmocka_unit_test(test_add_sub_exact),
        cmocka_unit_test(test_add_sub_intervals),
        cmocka_unit_test(test_mul_exact),
        cmocka_unit_test(test_mul_rounds_outward),
        cmocka_unit_test(test_mul_intervals),
        cmocka_unit_test(test_div_exact),
        cmocka_unit_test(test_div_thirds_round_outward),
        cmocka_unit_test(test_mul_ratio),
        cmocka_unit_test(test_div_intervals),
        cmocka_unit_test(test_div_by_zero),
        cmocka_unit_test(test_tkr_meets_kr),
        cmocka_unit_test(test_percent_precision),
        cmocka_unit_test(test_comparisons),
        cmocka_unit_test(test_min_max),
        cmocka_unit_test(test_add_overflow),
        cmocka_unit_test(test_mul_overflow),
        cmocka_unit_test(test_div_overflow),
        cmocka_unit_test(test_neg_abs),
        cmocka_unit_test(test_round_negative_places),
        cmocka_unit_test(test_round_half_away_from_zero),
        cmocka_unit_test(test_round_interval_and_limits),
        cmocka_unit_test(test_widen),
        cmocka_unit_test(test_printed),
        cmocka_unit_test(test_mid),
        cmocka_unit_test(test_format_whole),
        cmocka_unit_test(test_format_decimals),
        cmocka_unit_test(test_format_rounding),
        cmocka_unit_test(test_format_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
