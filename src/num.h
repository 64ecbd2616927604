/* num: exact decimal interval arithmetic for money, percentages and counts.
 *
 * A Num is a closed interval [lo, hi] of decimals with six places, stored as
 * integers in millionths ("micro units") of the unit: 1 kr is 1 000 000, 75,4 %
 * is 0,754 = 754 000. A figure printed exactly is an interval with lo == hi; a
 * figure printed in tkr or a percentage printed to one decimal stands for the
 * interval its printed precision allows. Operations that cannot be done exactly
 * (a division that does not come out even) round outward, so the true value always
 * lies inside the interval. No binary floating point is used anywhere. */
#ifndef FINSAM_NUM_H
#define FINSAM_NUM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define NUM_SCALE 1000000LL /* micro units per unit */

typedef struct {
    int64_t lo, hi;
} Num;

typedef enum {
    NUM_OK = 0,
    NUM_OVERFLOW,   /* the result does not fit */
    NUM_DIV_ZERO,   /* division by an interval that holds zero */
} NumStatus;

/* Constructors. num_units(7) is exactly 7 and needs |units| <= INT64_MAX / NUM_SCALE
 * (figures from a file come through figure_parse, which reports overflow);
 * num_micro(lo, hi) takes raw micro units with lo <= hi. */
Num num_units(int64_t units);
Num num_exact(int64_t micro);
Num num_micro(int64_t lo, int64_t hi);
bool num_is_exact(Num a);

/* Arithmetic; the result is written to *out only on NUM_OK. */
NumStatus num_add(Num a, Num b, Num *out);
NumStatus num_sub(Num a, Num b, Num *out);
NumStatus num_neg(Num a, Num *out);
NumStatus num_mul(Num a, Num b, Num *out);
NumStatus num_div(Num a, Num b, Num *out);
NumStatus num_abs(Num a, Num *out);
/* a * p / q for whole numbers p and q > 0, rounded outward once: exact where the
 * quotient is a whole number of micro units, so that a * (1/3) is a / 3. */
NumStatus num_mul_ratio(Num a, int64_t p, int64_t q, Num *out);
Num num_min(Num a, Num b); /* interval of min(x, y) for x in a, y in b */
Num num_max(Num a, Num b);
/* Round to `places` decimals (negative: to tens, hundreds, ...), half away from zero,
 * each end separately; places from -18 to 6 (more than 6 leaves the value as it is,
 * less than -18 acts as -18). */
NumStatus num_round(Num a, int places, Num *out);
/* Widen an exact or inexact value by +-half (half >= 0), in micro units (for printed
 * precision). */
NumStatus num_widen(Num a, int64_t half, Num *out);

/* The values a printed figure stands for: those that round to it, half away from
 * zero, to the precision it was printed with (half is half its last digit). The
 * interval is half open, so that 973 and 974 printed in tkr never meet:
 * 973 is [972,5; 973,5), -973 is (-973,5; -972,5]. */
NumStatus num_printed(Num a, int64_t half, Num *out);

/* Comparisons on intervals. num_meets: the intervals share a value. num_can_lt: some
 * value of a is below some value of b; likewise for the others. */
bool num_meets(Num a, Num b);
bool num_can_lt(Num a, Num b);
bool num_can_le(Num a, Num b);
bool num_can_gt(Num a, Num b);
bool num_can_ge(Num a, Num b);

/* The midpoint, rounded half away from zero to a micro unit; for printing. */
int64_t num_mid(Num a);

/* Format micro units Swedish style into buf: thousands separated by a space,
 * a decimal comma, '-' for negatives, and at most `max_places` decimals, rounded half
 * away from zero (trailing zero decimals dropped, but at least `min_places` kept).
 * Places are clamped to 0..6; if min_places > max_places, min_places wins. A value that
 * rounds to zero prints without a '-'.
 * Example: 7864000000000 with 0,2 -> "7 864 000"; -104286500000 with 0,2 ->
 * "-104 286,5", with 2,2 -> "-104 286,50". Returns buf. buf must hold NUM_FMT_MAX
 * bytes. */
#define NUM_FMT_MAX 48
char *num_format(int64_t micro, int min_places, int max_places, char *buf);
/* The same for micro units times 10^shift (shift -6 to 2), worked out without overflow
 * or a second rounding: a fraction as a percentage is shift 2, so that 0,754 prints as
 * 75,4 and the largest fraction as the hundredfold figure it is; kronor as tkr are -3, as mkr -6. */
char *num_format_shifted(int64_t micro, int shift, int min_places, int max_places,
                         char *buf);

#endif
