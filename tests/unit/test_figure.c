/* Unit tests for figure: the text of a printed figure to micro units. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "figure.h"

#define NBSP "\xC2\xA0"        /* U+00A0 no-break space */
#define NNBSP "\xE2\x80\xAF"   /* U+202F narrow no-break space */
#define THIN "\xE2\x80\x89"    /* U+2009 thin space */

static FigureStatus parse(const char *text, Figure *out)
{
    return figure_parse(text, strlen(text), out);
}

static void assert_figure(const char *text, int64_t micro, int decimals)
{
    Figure f;
    assert_int_equal(parse(text, &f), FIG_OK);
    assert_int_equal(f.micro, micro);
    assert_int_equal(f.decimals, decimals);
}

static void assert_bad_group(const char *text, size_t at)
{
    Figure f;
    assert_int_equal(parse(text, &f), FIG_BAD_GROUP);
    assert_int_equal(f.error_at, at);
}

/* A second decimal mark: "7.864.004" is thousands written the English way, not a figure. */
static void assert_second_mark(const char *text, size_t at)
{
    Figure f;
    assert_int_equal(parse(text, &f), FIG_SECOND_MARK);
    assert_int_equal(f.error_at, at);
}

static void test_plain_digits(void **state)
{
    (void)state;
    assert_figure("0", 0, 0);
    assert_figure("7", 7000000, 0);
    assert_figure("7864000", 7864000000000, 0);
    /* Without separators any number of digits is fine. */
    assert_figure("12345678", 12345678000000, 0);
    assert_figure("000123", 123000000, 0);
}

static void test_every_separator(void **state)
{
    (void)state;
    assert_figure("7 864 000", 7864000000000, 0);
    assert_figure("7" NBSP "864" NBSP "000", 7864000000000, 0);
    assert_figure("7" NNBSP "864" NNBSP "000", 7864000000000, 0);
    assert_figure("7" THIN "864" THIN "000", 7864000000000, 0);
    assert_figure("7_864_000", 7864000000000, 0);
    assert_figure("104 286", 104286000000, 0);
    assert_figure("973 313", 973313000000, 0);
    /* Copied text may mix them; each is a separator all the same. */
    assert_figure("1" NBSP "234 567_890", 1234567890000000, 0);
}

static void test_decimals(void **state)
{
    (void)state;
    assert_figure("75,4", 75400000, 1);
    assert_figure("75.4", 75400000, 1);
    assert_figure("1 234,50", 1234500000, 2);
    assert_figure("1" NBSP "234.50", 1234500000, 2);
    assert_figure("0,000001", 1, 6);
    assert_figure("46,875", 46875000, 3);
    /* The number written counts, zeros included. */
    assert_figure("3,000000", 3000000, 6);
}

static void test_bad_groups(void **state)
{
    (void)state;
    assert_bad_group("7 864 0000", 6);
    assert_bad_group("78 64", 3);
    assert_bad_group("7 86 400", 2);
    /* The first group may not be longer than three once grouping is in use. */
    /* a first group of more than three digits has a status of its own */
    Figure long_first;
    assert_int_equal(parse("7864 000", &long_first), FIG_LONG_FIRST_GROUP);
    assert_int_equal(long_first.error_at, 0);
    assert_string_equal(figure_status_message(FIG_LONG_FIRST_GROUP),
                        "the first group of digits before a thousands separator can have "
                        "at most three digits");
    assert_bad_group("1_23", 2);
    /* Offsets are in bytes: a no-break space is two, a thin space three. */
    assert_bad_group("7" NBSP "86", 3);
    assert_bad_group("7" THIN "864" THIN "0000", 10);
    /* A bad group is reported even after a good decimal part would follow. */
    assert_bad_group("12 34,5", 3);
}

static void test_malformed(void **state)
{
    (void)state;
    /* The scanner never hands these over; they are reported, not guessed at. */
    assert_bad_group("7 ", 2);
    assert_bad_group(" 7", 0);
    assert_bad_group("7  864", 2);
    assert_bad_group("7,", 2);
    assert_second_mark("7,5,3", 3);
    assert_second_mark("7.864.000", 5);
    assert_second_mark("7 864,000.5", 9);
    assert_second_mark("7,5,", 3);
    assert_bad_group("12a", 2);
    assert_bad_group("1,23 4", 4);
    /* A lone first byte of a no-break space is not a separator. */
    assert_bad_group("7\xC2", 1);
}

static void test_too_precise(void **state)
{
    (void)state;
    Figure f;
    assert_int_equal(parse("0,1234567", &f), FIG_TOO_PRECISE);
    assert_int_equal(parse("1 234,0000000", &f), FIG_TOO_PRECISE);
    assert_int_equal(parse("1.1234567", &f), FIG_TOO_PRECISE);
}

static void test_overflow(void **state)
{
    (void)state;
    Figure f;
    /* INT64_MAX micro units is 9 223 372 036 854,775807. */
    assert_figure("9 223 372 036 854,775807", INT64_MAX, 6);
    assert_int_equal(parse("9 223 372 036 854,775808", &f), FIG_OVERFLOW);
    assert_int_equal(parse("9 223 372 036 855", &f), FIG_OVERFLOW);
    assert_int_equal(parse("99999999999999999999999999", &f), FIG_OVERFLOW);
    assert_figure("9223372036854", 9223372036854000000, 0);
    assert_int_equal(parse("9223372036854,8", &f), FIG_OVERFLOW);
    /* Leading zeros do not count towards the size. */
    assert_figure("0000000000000000000000001", 1000000, 0);
}

static void test_empty(void **state)
{
    (void)state;
    Figure f;
    assert_int_equal(figure_parse("", 0, &f), FIG_EMPTY);
    assert_int_equal(figure_parse("7", 0, &f), FIG_EMPTY);
    assert_int_equal(parse(" ", &f), FIG_EMPTY);
    assert_int_equal(parse(",", &f), FIG_EMPTY);
}

static void test_length_is_respected(void **state)
{
    (void)state;
    Figure f;
    /* The scanner passes a slice of the file, not a terminated string. */
    assert_int_equal(figure_parse("7 864 000 | 8 028 000", 9, &f), FIG_OK);
    assert_int_equal(f.micro, 7864000000000);
    assert_int_equal(figure_parse("75,4%", 4, &f), FIG_OK);
    assert_int_equal(f.micro, 75400000);
    assert_int_equal(f.decimals, 1);
}

static void test_messages(void **state)
{
    (void)state;
    assert_string_equal(figure_status_message(FIG_BAD_GROUP),
                        "a group of digits after a thousands separator must have three digits");
    assert_string_equal(figure_status_message(FIG_TOO_PRECISE),
                        "a figure can have at most 6 decimals");
    assert_string_equal(figure_status_message(FIG_OVERFLOW), "the figure is too large for finsam's arithmetic");
    assert_string_equal(figure_status_message(FIG_EMPTY), "a figure needs digits");
    assert_non_null(figure_status_message(FIG_OK));
    assert_non_null(figure_status_message((FigureStatus)99));
}

static void test_interval(void **state)
{
    (void)state;
    Num n;
    /* 973 tkr: 972 500 kr up to, not including, 973 500 kr */
    assert_int_equal(figure_interval(973000000, 0, 1000, 1, &n), NUM_OK);
    assert_true(n.lo == 972500000000 && n.hi == 973499999999);
    /* -973 tkr: the end away from zero is left out */
    assert_int_equal(figure_interval(-973000000, 0, 1000, 1, &n), NUM_OK);
    assert_true(n.lo == -973499999999 && n.hi == -972500000000);
    /* Regression: a tkr figure with 6 decimals was exact, its half digit rounded to 0
     * before it was made kronor: 1,000001 tkr is 1 000,0005 to 1 000,0015 kr. */
    assert_int_equal(figure_interval(1000001, 6, 1000, 1, &n), NUM_OK);
    assert_true(n.lo == 1000000500 && n.hi == 1000001499);
    /* 75,4 %: 0,7535 to 0,7545 */
    assert_int_equal(figure_interval(75400000, 1, 1, 100, &n), NUM_OK);
    assert_true(n.lo == 753500 && n.hi == 754499);
    /* 12,3455 % was exact too: it is 0,1234545 to 0,1234555, rounded outward */
    assert_int_equal(figure_interval(12345500, 4, 1, 100, &n), NUM_OK);
    assert_true(n.lo == 123454 && n.hi == 123456);
    /* 0 stands for both sides of zero, neither half included */
    assert_int_equal(figure_interval(0, 0, 1000, 1, &n), NUM_OK);
    assert_true(n.lo == -499999999 && n.hi == 499999999);
    /* the largest figure in tkr is beyond the arithmetic */
    assert_int_equal(figure_interval(INT64_MAX, 0, 1000, 1, &n), NUM_OVERFLOW);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_digits),
        cmocka_unit_test(test_every_separator),
        cmocka_unit_test(test_decimals),
        cmocka_unit_test(test_bad_groups),
        cmocka_unit_test(test_malformed),
        cmocka_unit_test(test_too_precise),
        cmocka_unit_test(test_overflow),
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_length_is_respected),
        cmocka_unit_test(test_messages),
        cmocka_unit_test(test_interval),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
