/* num: exact decimal interval arithmetic in micro units (see num.h).
 *
 * Every intermediate is done in 128 bits, where no product of two int64 values and no
 * int64 scaled by NUM_SCALE can overflow; the result is then checked against the int64
 * range once, so an overflow is always reported and never wraps into a wrong number. */
#include "num.h"

#include <assert.h>

/* __extension__ keeps -pedantic quiet about a type ISO C does not have. */
__extension__ typedef __int128 i128;
__extension__ typedef unsigned __int128 u128;

static bool fits(i128 v)
{
    return v >= INT64_MIN && v <= INT64_MAX;
}

/* C division truncates toward zero; interval ends need floor for lo and ceil for hi so
 * that the rounding always goes outward. d is never 0 and |n| stays far below the i128
 * limits, so the division itself cannot overflow. */
static i128 floor_div(i128 n, i128 d)
{
    i128 q = n / d;
    if (n % d != 0 && ((n < 0) != (d < 0)))
        q--;
    return q;
}

static i128 ceil_div(i128 n, i128 d)
{
    i128 q = n / d;
    if (n % d != 0 && ((n < 0) == (d < 0)))
        q++;
    return q;
}

static i128 min4(i128 a, i128 b, i128 c, i128 d)
{
    i128 m = a;
    if (b < m) m = b;
    if (c < m) m = c;
    if (d < m) m = d;
    return m;
}

static i128 max4(i128 a, i128 b, i128 c, i128 d)
{
    i128 m = a;
    if (b > m) m = b;
    if (c > m) m = c;
    if (d > m) m = d;
    return m;
}

/* The one place a result leaves 128 bits: either both ends fit or nothing is written. */
static NumStatus put(i128 lo, i128 hi, Num *out)
{
    if (!fits(lo) || !fits(hi))
        return NUM_OVERFLOW;
    out->lo = (int64_t)lo;
    out->hi = (int64_t)hi;
    return NUM_OK;
}

Num num_units(int64_t units)
{
    /* Figures from a file arrive already in micro units through figure_parse, which
     * reports overflow; num_units is for the small constants of the program itself. */
    assert(units >= INT64_MIN / NUM_SCALE && units <= INT64_MAX / NUM_SCALE);
    return num_exact(units * NUM_SCALE);
}

Num num_exact(int64_t micro)
{
    return (Num){ micro, micro };
}

Num num_micro(int64_t lo, int64_t hi)
{
    assert(lo <= hi);
    return (Num){ lo, hi };
}

bool num_is_exact(Num a)
{
    return a.lo == a.hi;
}

NumStatus num_add(Num a, Num b, Num *out)
{
    return put((i128)a.lo + b.lo, (i128)a.hi + b.hi, out);
}

NumStatus num_sub(Num a, Num b, Num *out)
{
    return put((i128)a.lo - b.hi, (i128)a.hi - b.lo, out);
}

NumStatus num_neg(Num a, Num *out)
{
    return put(-(i128)a.hi, -(i128)a.lo, out);
}

NumStatus num_abs(Num a, Num *out)
{
    if (a.lo >= 0)
        return put(a.lo, a.hi, out);
    if (a.hi <= 0)
        return num_neg(a, out);
    /* The interval straddles zero, so the smallest absolute value in it is 0. */
    i128 neg_lo = -(i128)a.lo;
    return put(0, neg_lo > a.hi ? neg_lo : a.hi, out);
}

NumStatus num_mul(Num a, Num b, Num *out)
{
    /* Each product carries NUM_SCALE twice; dividing once brings it back to micro units.
     * floor and ceil are monotonic, so rounding the extreme products is the same as
     * taking the extremes of the rounded ones. */
    i128 p1 = (i128)a.lo * b.lo, p2 = (i128)a.lo * b.hi;
    i128 p3 = (i128)a.hi * b.lo, p4 = (i128)a.hi * b.hi;
    return put(floor_div(min4(p1, p2, p3, p4), NUM_SCALE),
               ceil_div(max4(p1, p2, p3, p4), NUM_SCALE), out);
}

NumStatus num_div(Num a, Num b, Num *out)
{
    if (b.lo <= 0 && b.hi >= 0)
        return NUM_DIV_ZERO;
    /* The quotient of two micro values has lost NUM_SCALE; scaling the dividend first
     * keeps all six decimals. Comparing rounded candidates is exact enough because
     * floor and ceil keep the order of the true quotients. */
    i128 alo = (i128)a.lo * NUM_SCALE, ahi = (i128)a.hi * NUM_SCALE;
    i128 lo = min4(floor_div(alo, b.lo), floor_div(alo, b.hi),
                   floor_div(ahi, b.lo), floor_div(ahi, b.hi));
    i128 hi = max4(ceil_div(alo, b.lo), ceil_div(alo, b.hi),
                   ceil_div(ahi, b.lo), ceil_div(ahi, b.hi));
    return put(lo, hi, out);
}

NumStatus num_mul_ratio(Num a, int64_t p, int64_t q, Num *out)
{
    assert(q > 0);
    /* |a.lo * p| < 2^126: the product and the quotient fit in 128 bits */
    i128 lo = (i128)a.lo * p, hi = (i128)a.hi * p;
    if (p < 0) {
        i128 t = lo;
        lo = hi;
        hi = t;
    }
    return put(floor_div(lo, q), ceil_div(hi, q), out);
}

Num num_min(Num a, Num b)
{
    return (Num){ a.lo < b.lo ? a.lo : b.lo, a.hi < b.hi ? a.hi : b.hi };
}

Num num_max(Num a, Num b)
{
    return (Num){ a.lo > b.lo ? a.lo : b.lo, a.hi > b.hi ? a.hi : b.hi };
}

static i128 round_half_away(i128 v, i128 step)
{
    i128 mag = v < 0 ? -v : v;
    mag = (mag + step / 2) / step * step;
    return v < 0 ? -mag : mag;
}

NumStatus num_round(Num a, int places, Num *out)
{
    /* Six places is the stored precision, so more is the value itself. Below -18 the
     * step exceeds twice any int64 and every value rounds to 0, as it does at -18. */
    if (places >= 6)
        return put(a.lo, a.hi, out);
    if (places < -18)
        places = -18;
    i128 step = 1;
    for (int i = places; i < 6; i++)
        step *= 10;
    /* Rounding is monotonic, so rounding each end keeps every rounded value inside. */
    return put(round_half_away(a.lo, step), round_half_away(a.hi, step), out);
}

NumStatus num_widen(Num a, int64_t half, Num *out)
{
    assert(half >= 0);
    return put((i128)a.lo - half, (i128)a.hi + half, out);
}

bool num_meets(Num a, Num b)
{
    return a.lo <= b.hi && b.lo <= a.hi;
}

bool num_can_lt(Num a, Num b)
{
    return a.lo < b.hi;
}

bool num_can_le(Num a, Num b)
{
    return a.lo <= b.hi;
}

bool num_can_gt(Num a, Num b)
{
    return a.hi > b.lo;
}

bool num_can_ge(Num a, Num b)
{
    return a.hi >= b.lo;
}

int64_t num_mid(Num a)
{
    /* The sum of two int64 may not fit; halved it always does. Rounded half away
     * from zero, so that the middle of a printed figure's half-open interval is the
     * figure: [972 500; 973 499,999999] gives 973 000. */
    i128 sum = (i128)a.lo + a.hi;
    return (int64_t)((sum + (sum < 0 ? -1 : 1)) / 2);
}

static int clamp_places(int places)
{
    return places < 0 ? 0 : places > 6 ? 6 : places;
}

char *num_format(int64_t micro, int min_places, int max_places, char *buf)
{
    return num_format_shifted(micro, 0, min_places, max_places, buf);
}

char *num_format_shifted(int64_t micro, int shift, int min_places, int max_places, char *buf)
{
    min_places = clamp_places(min_places);
    max_places = clamp_places(max_places);
    if (max_places < min_places)
        max_places = min_places;

    /* Work on the magnitude in 128 bits and in billionths: -INT64_MIN does not fit in
     * int64, a fraction shown as a percentage is a hundred times larger than any int64,
     * and kronor shown as tkr have three decimals more than micro units hold (as mkr,
     * six: then in trillionths). */
    if (shift < -6)
        shift = -6;
    int digits = shift < -3 ? 6 - shift : 9;
    uint64_t denom = 1;
    for (int i = 0; i < digits; i++)
        denom *= 10;
    u128 mag = micro < 0 ? (uint64_t)0 - (uint64_t)micro : (uint64_t)micro;
    for (int i = -3; i < shift && i < 2; i++)
        mag *= 10;
    u128 whole = mag / denom;
    uint64_t frac = (uint64_t)(mag % denom);

    uint64_t step = 1;
    for (int i = max_places; i < digits; i++)
        step *= 10;
    uint64_t dec = (frac + step / 2) / step; /* decimals to print, half away from zero */
    uint64_t dec_limit = denom / step;
    if (dec == dec_limit) {
        dec = 0;
        whole++;
    }
    int places = max_places;
    while (places > min_places && dec % 10 == 0) {
        dec /= 10;
        places--;
    }

    /* Digits are produced backwards into a scratch buffer, then copied out in order. */
    char tmp[NUM_FMT_MAX];
    size_t n = 0;
    for (int i = 0; i < places; i++) {
        tmp[n++] = (char)('0' + dec % 10);
        dec /= 10;
    }
    if (places > 0)
        tmp[n++] = ',';
    int group = 0;
    do {
        if (group == 3) {
            tmp[n++] = ' ';
            group = 0;
        }
        tmp[n++] = (char)('0' + (int)(whole % 10));
        whole /= 10;
        group++;
    } while (whole > 0);

    /* Rounding can bring a small negative to zero; "-0" is not a figure. */
    bool zero = true;
    for (size_t i = 0; i < n; i++)
        if (tmp[i] >= '1' && tmp[i] <= '9')
            zero = false;
    if (micro < 0 && !zero)
        tmp[n++] = '-';

    size_t len = 0;
    while (n > 0)
        buf[len++] = tmp[--n];
    buf[len] = '\0';
    return buf;
}

NumStatus num_printed(Num a, int64_t half, Num *out)
{
    Num w;
    NumStatus st = num_widen(a, half, &w);
    if (st != NUM_OK)
        return st;
    if (half == 0) {
        *out = w;
        return NUM_OK;
    }
    /* the end that rounds away to the next printed figure is not included */
    if (a.lo >= 0)
        w.hi -= 1;
    if (a.hi <= 0)
        w.lo += 1;
    *out = w;
    return NUM_OK;
}
