/* fuzz_figure: libFuzzer harness over figure_parse and the exact interval arithmetic of
 * num.c, checking properties that must hold for every input, not only that nothing
 * crashes.
 *
 * The input is up to three lines:
 *   line 1  the text of figure A, as the scanner would hand it over (any bytes);
 *   line 2  the text of figure B;
 *   line 3  control bytes: signs, widths, rounding places, format places.
 * A figure that parses gives its value; one that does not gives the raw int64 of its
 * first eight bytes, so that the arithmetic also sees values no figure can write
 * (negative, INT64_MIN, INT64_MAX).
 *
 * Properties (a failure aborts with the values involved):
 *   figure_parse  agrees with a simple reference reading of the digits; a parsed figure
 *                 formatted by num_format with its own decimals re-parses to the same
 *                 value and decimals; error_at lies within the text.
 *   num_format    fits NUM_FMT_MAX; re-parses to the value rounded half away from zero to
 *                 max_places; keeps min_places..max_places decimals; '-' iff negative and
 *                 not printed as zero.
 *   every op      lo <= hi; add/sub/neg/mul/div/abs/round/widen contain every exact result
 *                 for the interval ends and are the tightest such interval up to the
 *                 documented outward rounding; overflow is reported exactly when a result
 *                 end does not fit in int64.
 *   add then sub  contains the original; neg twice is the original.
 *   num_printed   contains the value; the printed intervals of x and x + 2*half never meet.
 *   comparisons   num_meets is symmetric and reflexive; num_can_* agree with the ends.
 *   num_mid       lies in the interval.
 *   figure_interval  in kr, tkr and %: holds the figure's value and every value within
 *                 half its last digit (but the end left out); too large only near int64.
 *   printed-out   num_printed, returning NUM_OK, has written *out (num.h's promise).
 */
#include <inttypes.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "num.h"

__extension__ typedef __int128 i128;

static void fail(const char *what, Num a, Num b, const char *extra)
{
    fprintf(stderr,
            "fuzz_figure: invariant failed: %s\n  a = [%" PRId64 ", %" PRId64 "]\n"
            "  b = [%" PRId64 ", %" PRId64 "]\n%s%s",
            what, a.lo, a.hi, b.lo, b.hi, extra ? extra : "", extra ? "\n" : "");
    abort();
}

#define REQUIRE(cond, what, a, b)                                                       \
    do {                                                                                \
        if (!(cond))                                                                    \
            fail(what " (" #cond ")", a, b, NULL);                                      \
    } while (0)

static bool fits(i128 v) { return v >= INT64_MIN && v <= INT64_MAX; }

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
    i128 m = a < b ? a : b;
    m = m < c ? m : c;
    return m < d ? m : d;
}

static i128 max4(i128 a, i128 b, i128 c, i128 d)
{
    i128 m = a > b ? a : b;
    m = m > c ? m : c;
    return m > d ? m : d;
}

/* FUZZ_FIGURE_SKIP="name,name" turns off the properties with those names (to fuzz on
 * past a finding already reported). */
static bool enabled(const char *property)
{
    static const char *skip;
    static bool read;
    if (!read) {
        skip = getenv("FUZZ_FIGURE_SKIP");
        read = true;
    }
    if (!skip)
        return true;
    size_t n = strlen(property);
    for (const char *p = skip; (p = strstr(p, property)); p += n)
        if ((p == skip || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
            return false;
    return true;
}

/* ---- figure_parse -------------------------------------------------------------------- */

static bool digit(uint8_t c) { return c >= '0' && c <= '9'; }

/* The separators figure.h lists; their length at s[i], or 0. */
static size_t sep_len(const uint8_t *s, size_t n, size_t i)
{
    if (s[i] == ' ' || s[i] == '_')
        return 1;
    if (i + 1 < n && s[i] == 0xC2 && s[i + 1] == 0xA0)
        return 2;
    if (i + 2 < n && s[i] == 0xE2 && s[i + 1] == 0x80 && (s[i + 2] == 0xAF || s[i + 2] == 0x89))
        return 3;
    return 0;
}

/* A reference reading, written independently of figure.c: the text is well formed when
 * it is groups of digits joined by single separators, every group after the first of
 * exactly three digits (the first of 1-3 when there is a separator), then optionally a
 * decimal mark and at least one digit; a second decimal mark after those digits is
 * FIG_SECOND_MARK. Returns the status figure_parse should give and
 * the value in micro units as an i128 (no overflow possible below 80 digits). */
static FigureStatus reference_parse(const uint8_t *s, size_t n, i128 *micro, int *decimals,
                                    bool *too_long)
{
    *micro = 0;
    *decimals = 0;
    *too_long = false;
    bool any = false;
    for (size_t i = 0; i < n; i++)
        any |= digit(s[i]);
    if (!any)
        return FIG_EMPTY;
    size_t i = 0;
    int groups = 0;
    size_t first_len = 0;
    i128 v = 0;
    for (;;) {
        size_t start = i;
        while (i < n && digit(s[i])) {
            /* beyond 10^30 the value is far past INT64_MAX: stop before i128 would wrap */
            if (v <= (i128)1000000000000000LL * 1000000000000000LL)
                v = v * 10 + (s[i] - '0');
            else
                *too_long = true;
            i++;
        }
        size_t len = i - start;
        if (groups == 0)
            first_len = len;
        size_t sl = i < n ? sep_len(s, n, i) : 0;
        if (groups == 0 && sl > 0 && len > 3)
            return FIG_LONG_FIRST_GROUP;
        if (len == 0 || (groups > 0 && len != 3))
            return FIG_BAD_GROUP;
        groups++;
        if (sl == 0)
            break;
        i += sl;
    }
    (void)first_len;
    int dec = 0;
    if (i < n && (s[i] == ',' || s[i] == '.')) {
        i++;
        size_t start = i;
        while (i < n && digit(s[i]))
            i++;
        if (i == start)
            return FIG_BAD_GROUP;
        if (i < n && (s[i] == ',' || s[i] == '.'))
            return FIG_SECOND_MARK;
        dec = (int)(i - start);
        for (int k = 0; k < 6 && k < dec; k++)
            v = v * 10 + (s[start + (size_t)k] - '0');
        for (int k = dec; k < 6; k++)
            v *= 10;
    } else {
        for (int k = 0; k < 6; k++)
            v *= 10;
    }
    if (i < n)
        return FIG_BAD_GROUP;
    if (dec > 6)
        return FIG_TOO_PRECISE;
    *micro = v;
    *decimals = dec;
    if (*too_long || v > INT64_MAX)
        return FIG_OVERFLOW;
    return FIG_OK;
}

static void check_parse(const uint8_t *s, size_t n, FigureStatus st, const Figure *f)
{
    i128 ref;
    int ref_dec;
    bool too_long;
    FigureStatus want = reference_parse(s, n, &ref, &ref_dec, &too_long);
    char extra[256];
    snprintf(extra, sizeof extra, "  text %zu bytes: '%.*s'\n  figure_parse %d, reference %d",
             n, (int)(n < 120 ? n : 120), (const char *)s, (int)st, (int)want);
    Num z = num_exact(f->micro);
    if (st != want)
        fail("figure_parse gives the status of the reference reading", z, z, extra);
    if (st == FIG_OK) {
        if (f->micro != (int64_t)ref || f->decimals != ref_dec)
            fail("figure_parse gives the value of the reference reading", z,
                 num_exact((int64_t)ref), extra);
        if (f->micro < 0 || f->decimals < 0 || f->decimals > 6)
            fail("a parsed figure is non-negative with 0-6 decimals", z, z, extra);
    }
    if ((st == FIG_BAD_GROUP || st == FIG_SECOND_MARK) && f->error_at > n)
        fail("error_at lies within the text", z, z, extra);
}

/* ---- num_format ---------------------------------------------------------------------- */

static int clamp6(int p) { return p < 0 ? 0 : p > 6 ? 6 : p; }

static void check_format(int64_t micro, int min_places, int max_places)
{
    char buf[NUM_FMT_MAX + 16];
    memset(buf, 0x55, sizeof buf);
    num_format(micro, min_places, max_places, buf);
    size_t len = strnlen(buf, sizeof buf);
    Num m = num_exact(micro);
    char extra[200];
    snprintf(extra, sizeof extra, "  num_format(%" PRId64 ", %d, %d) = '%.*s'", micro, min_places,
             max_places, (int)len, buf);
    if (len >= NUM_FMT_MAX)
        fail("num_format fits in NUM_FMT_MAX", m, m, extra);

    int lo_p = clamp6(min_places), hi_p = clamp6(max_places);
    if (hi_p < lo_p)
        hi_p = lo_p;
    /* what it should print: |micro| rounded half away from zero to hi_p places */
    i128 mag = micro < 0 ? -(i128)micro : (i128)micro;
    i128 step = 1;
    for (int i = hi_p; i < 6; i++)
        step *= 10;
    i128 want = (mag + step / 2) / step * step;

    const char *p = buf;
    bool neg = *p == '-';
    if (neg)
        p++;
    size_t plen = strlen(p);
    Figure f;
    FigureStatus st = figure_parse(p, plen, &f);
    if (st == FIG_OVERFLOW) {
        if (want <= INT64_MAX)
            fail("num_format's output parses (overflow)", m, m, extra);
        return;
    }
    if (st != FIG_OK)
        fail("num_format's output parses", m, m, extra);
    if ((i128)f.micro != want)
        fail("num_format rounds half away from zero to max_places", m, num_exact(f.micro), extra);
    if (f.decimals < lo_p || f.decimals > hi_p)
        fail("num_format keeps min_places..max_places decimals", m, m, extra);
    if (neg != (micro < 0 && want != 0))
        fail("num_format writes '-' exactly for a negative not printed as zero", m, m, extra);
    /* trailing zero decimals beyond min_places are dropped */
    if (f.decimals > lo_p && p[plen - 1] == '0')
        fail("num_format drops trailing zero decimals beyond min_places", m, m, extra);
}

/* ---- arithmetic ---------------------------------------------------------------------- */

static void check_interval(Num r, const char *op, Num a, Num b)
{
    if (r.lo > r.hi) {
        char extra[120];
        snprintf(extra, sizeof extra, "  %s = [%" PRId64 ", %" PRId64 "]", op, r.lo, r.hi);
        fail("every result has lo <= hi", a, b, extra);
    }
}

static bool contains(Num outer, Num inner) { return outer.lo <= inner.lo && inner.hi <= outer.hi; }

static void check_add_sub(Num a, Num b)
{
    Num s, d, back;
    i128 slo = (i128)a.lo + b.lo, shi = (i128)a.hi + b.hi;
    NumStatus st = num_add(a, b, &s);
    REQUIRE((st == NUM_OK) == (fits(slo) && fits(shi)), "num_add overflows exactly when an end does not fit", a, b);
    if (st == NUM_OK) {
        check_interval(s, "a + b", a, b);
        REQUIRE(s.lo == slo && s.hi == shi, "num_add is exact", a, b);
        if (num_sub(s, b, &back) == NUM_OK) {
            check_interval(back, "(a + b) - b", a, b);
            REQUIRE(contains(back, a), "(a + b) - b contains a", a, b);
        }
    }
    i128 dlo = (i128)a.lo - b.hi, dhi = (i128)a.hi - b.lo;
    st = num_sub(a, b, &d);
    REQUIRE((st == NUM_OK) == (fits(dlo) && fits(dhi)), "num_sub overflows exactly when an end does not fit", a, b);
    if (st == NUM_OK) {
        check_interval(d, "a - b", a, b);
        REQUIRE(d.lo == dlo && d.hi == dhi, "num_sub is exact", a, b);
        if (num_add(d, b, &back) == NUM_OK) {
            check_interval(back, "(a - b) + b", a, b);
            REQUIRE(contains(back, a), "(a - b) + b contains a", a, b);
        }
    }
}

static void check_neg_abs(Num a)
{
    Num n, nn, ab;
    NumStatus st = num_neg(a, &n);
    REQUIRE((st == NUM_OK) == (a.lo != INT64_MIN), "num_neg overflows only for INT64_MIN", a, a);
    if (st == NUM_OK) {
        check_interval(n, "-a", a, a);
        REQUIRE(num_neg(n, &nn) == NUM_OK && nn.lo == a.lo && nn.hi == a.hi, "-(-a) == a", a, n);
    }
    st = num_abs(a, &ab);
    i128 mlo = a.lo < 0 ? -(i128)a.lo : a.lo, mhi = a.hi < 0 ? -(i128)a.hi : a.hi;
    i128 want_hi = mlo > mhi ? mlo : mhi;
    i128 want_lo = (a.lo <= 0 && a.hi >= 0) ? 0 : (mlo < mhi ? mlo : mhi);
    REQUIRE((st == NUM_OK) == fits(want_hi), "num_abs overflows exactly when |end| does not fit", a, a);
    if (st == NUM_OK) {
        check_interval(ab, "abs(a)", a, a);
        REQUIRE(ab.lo == want_lo && ab.hi == want_hi, "num_abs is the exact range of |x|", a, ab);
    }
}

static void check_mul(Num a, Num b)
{
    Num r;
    NumStatus st = num_mul(a, b, &r);
    i128 p1 = (i128)a.lo * b.lo, p2 = (i128)a.lo * b.hi, p3 = (i128)a.hi * b.lo,
         p4 = (i128)a.hi * b.hi;
    i128 lo = floor_div(min4(p1, p2, p3, p4), NUM_SCALE);
    i128 hi = ceil_div(max4(p1, p2, p3, p4), NUM_SCALE);
    REQUIRE((st == NUM_OK) == (fits(lo) && fits(hi)), "num_mul overflows exactly when an end does not fit", a, b);
    if (st == NUM_OK) {
        check_interval(r, "a * b", a, b);
        REQUIRE(r.lo == lo && r.hi == hi, "num_mul is the tightest outward-rounded interval", a, b);
    }
}

/* Is the rational n/d (d != 0) within [lo, hi] (micro units)? lo <= n/d <=> lo*d <= n for d > 0. */
static bool quotient_within(i128 n, i128 d, int64_t lo, int64_t hi)
{
    if (d > 0)
        return (i128)lo * d <= n && n <= (i128)hi * d;
    return (i128)lo * d >= n && n >= (i128)hi * d;
}

static void check_div(Num a, Num b)
{
    Num r;
    NumStatus st = num_div(a, b, &r);
    if (b.lo <= 0 && b.hi >= 0) {
        REQUIRE(st == NUM_DIV_ZERO, "num_div by an interval holding zero is NUM_DIV_ZERO", a, b);
        return;
    }
    REQUIRE(st != NUM_DIV_ZERO, "num_div by an interval without zero is not NUM_DIV_ZERO", a, b);
    /* The quotient's extremes are at the ends: x/y is monotonic in each argument when y
     * keeps its sign. */
    i128 alo = (i128)a.lo * NUM_SCALE, ahi = (i128)a.hi * NUM_SCALE;
    i128 lo = min4(floor_div(alo, b.lo), floor_div(alo, b.hi), floor_div(ahi, b.lo),
                   floor_div(ahi, b.hi));
    i128 hi = max4(ceil_div(alo, b.lo), ceil_div(alo, b.hi), ceil_div(ahi, b.lo),
                   ceil_div(ahi, b.hi));
    REQUIRE((st == NUM_OK) == (fits(lo) && fits(hi)), "num_div overflows exactly when an end does not fit", a, b);
    if (st != NUM_OK)
        return;
    check_interval(r, "a / b", a, b);
    int64_t as[2] = { a.lo, a.hi }, bs[2] = { b.lo, b.hi };
    for (int i = 0; i < 2; i++)
        for (int k = 0; k < 2; k++)
            REQUIRE(quotient_within((i128)as[i] * NUM_SCALE, bs[k], r.lo, r.hi),
                    "a / b contains the quotient of every pair of ends", a, b);
    /* tight: widening by less than one micro unit at each end would not do */
    REQUIRE(r.lo == lo && r.hi == hi, "num_div is the tightest outward-rounded interval", a, b);
}

static void check_round(Num a, int places)
{
    Num r;
    NumStatus st = num_round(a, places, &r);
    int p = places < -18 ? -18 : places;
    if (p >= 6) {
        REQUIRE(st == NUM_OK && r.lo == a.lo && r.hi == a.hi, "rounding to 6+ places is the value", a, a);
        return;
    }
    i128 step = 1;
    for (int i = p; i < 6; i++)
        step *= 10;
    int64_t ends[2] = { a.lo, a.hi };
    i128 want[2];
    for (int i = 0; i < 2; i++) {
        i128 v = ends[i], mag = v < 0 ? -v : v;
        i128 q = mag / step, rem = mag % step;
        if (2 * rem >= step)
            q++;
        want[i] = (v < 0 ? -q : q) * step;
    }
    REQUIRE((st == NUM_OK) == (fits(want[0]) && fits(want[1])), "num_round overflows exactly when an end does not fit", a, a);
    if (st != NUM_OK)
        return;
    check_interval(r, "round(a)", a, a);
    if (r.lo != want[0] || r.hi != want[1]) {
        char extra[80];
        snprintf(extra, sizeof extra, "  places %d: [%" PRId64 ", %" PRId64 "]", places, r.lo, r.hi);
        fail("num_round rounds each end half away from zero", a, a, extra);
    }
}

static void check_printed(Num a, int64_t half)
{
    Num w, p;
    NumStatus st = num_widen(a, half, &w);
    i128 lo = (i128)a.lo - half, hi = (i128)a.hi + half;
    REQUIRE((st == NUM_OK) == (fits(lo) && fits(hi)), "num_widen overflows exactly when an end does not fit", a, num_exact(half));
    if (st == NUM_OK) {
        check_interval(w, "widen(a)", a, num_exact(half));
        REQUIRE(w.lo == lo && w.hi == hi, "num_widen widens by half at each end", a, num_exact(half));
    }
    /* num.h: "the result is written to *out only on NUM_OK", so on NUM_OK it is written */
    const Num poison = { INT64_MAX, INT64_MIN };
    p = poison;
    st = num_printed(a, half, &p);
    if (st != NUM_OK)
        return;
    if (p.lo == poison.lo && p.hi == poison.hi) {
        if (enabled("printed-out"))
            fail("printed-out: num_printed returns NUM_OK and writes *out", a, num_exact(half),
                 NULL);
        p = a;
    }
    check_interval(p, "printed(a)", a, num_exact(half));
    REQUIRE(contains(p, a), "the printed interval contains the figure", a, num_exact(half));
    /* neighbouring printed figures never meet: 973 and 974 in tkr */
    if (half > 0 && num_is_exact(a) && a.lo >= 0) {
        i128 next = (i128)a.lo + 2 * (i128)half;
        Num q = num_exact((int64_t)next);
        if (fits(next) && num_printed(num_exact((int64_t)next), half, &q) == NUM_OK)
            REQUIRE(!num_meets(p, q), "neighbouring printed figures never meet", p, q);
    }
}

static void check_compare(Num a, Num b)
{
    REQUIRE(num_meets(a, a), "num_meets(a, a)", a, a);
    REQUIRE(num_meets(a, b) == num_meets(b, a), "num_meets is symmetric", a, b);
    REQUIRE(num_meets(a, b) == (a.lo <= b.hi && b.lo <= a.hi), "num_meets: the intervals share a value", a, b);
    REQUIRE(num_can_lt(a, b) == (a.lo < b.hi), "num_can_lt", a, b);
    REQUIRE(num_can_le(a, b) == (a.lo <= b.hi), "num_can_le", a, b);
    REQUIRE(num_can_gt(a, b) == (a.hi > b.lo), "num_can_gt", a, b);
    REQUIRE(num_can_ge(a, b) == (a.hi >= b.lo), "num_can_ge", a, b);
    Num mn = num_min(a, b), mx = num_max(a, b);
    check_interval(mn, "min(a, b)", a, b);
    check_interval(mx, "max(a, b)", a, b);
    REQUIRE(mn.lo == (a.lo < b.lo ? a.lo : b.lo) && mn.hi == (a.hi < b.hi ? a.hi : b.hi), "num_min", a, b);
    REQUIRE(mx.lo == (a.lo > b.lo ? a.lo : b.lo) && mx.hi == (a.hi > b.hi ? a.hi : b.hi), "num_max", a, b);
    int64_t mid = num_mid(a);
    REQUIRE(a.lo <= mid && mid <= a.hi, "num_mid lies in the interval", a, num_exact(mid));
}

/* ---- one input --------------------------------------------------------------------- */

typedef struct {
    const uint8_t *s;
    size_t n;
} Slice;

static int64_t raw64(Slice t)
{
    uint64_t v = 0;
    for (size_t i = 0; i < 8 && i < t.n; i++)
        v |= (uint64_t)t.s[i] << (8 * i);
    return (int64_t)v;
}

static uint8_t ctl_byte(Slice c, size_t i) { return i < c.n ? c.s[i] : 0; }

/* A figure's interval from its text: the parsed value with a sign and a width the
 * control bytes choose, or the raw bytes when it does not parse. */
/* figure_interval: the interval holds the figure's value (figure * p / q) and every
 * value within half its last digit, except the end away from zero where that end is a
 * whole micro unit; it is reported too large exactly when an end does not fit. */
static void check_figure_interval(int64_t figure, int decimals, int64_t p, int64_t q)
{
    Num iv = {0, 0};
    NumStatus st = figure_interval(figure, decimals, p, q, &iv);
    i128 half10 = 5; /* half the last digit, in tenths of a micro unit of the figure */
    for (int i = decimals; i < 6; i++)
        half10 *= 10;
    i128 den = (i128)q * 10, lo_n = ((i128)figure * 10 - half10) * p,
         hi_n = ((i128)figure * 10 + half10) * p;
    i128 lo_floor = lo_n / den - (lo_n % den < 0), hi_ceil = hi_n / den + (hi_n % den > 0);
    if (st != NUM_OK) {
        /* an end one past int64 may still fit once the half-open end is taken in */
        if (st != NUM_OVERFLOW || (lo_floor > INT64_MIN && hi_ceil < INT64_MAX))
            fail("figure_interval fails only when an end does not fit", num_exact(figure),
                 num_exact(decimals), NULL);
        return;
    }
    if (iv.lo > iv.hi)
        fail("figure_interval: lo <= hi", iv, num_exact(figure), NULL);
    i128 value_n = (i128)figure * p; /* the value, in micro units, times q */
    if ((i128)iv.lo * q > value_n || (i128)iv.hi * q < value_n)
        fail("figure_interval holds the figure's value", iv, num_exact(figure), NULL);
    if ((i128)iv.lo * den > lo_n + den || (i128)iv.hi * den < hi_n - den)
        fail("figure_interval holds the values within half the last digit", iv,
             num_exact(figure), NULL);
}

static Num value_of(Slice t, uint8_t how, uint8_t width, int64_t *half_out)
{
    Figure f;
    FigureStatus st = figure_parse((const char *)t.s, t.n, &f);
    check_parse(t.s, t.n, st, &f);
    int64_t half = 0;
    Num v;
    if (st == FIG_OK) {
        check_format(f.micro, f.decimals, f.decimals);
        check_format(f.micro, 0, 6);
        half = NUM_SCALE / 2; /* half the last digit, in whole micro units */
        for (int i = 0; i < f.decimals; i++)
            half /= 10;
        int64_t m = (how & 1) ? -f.micro : f.micro;
        check_figure_interval(m, f.decimals, 1, 1);
        check_figure_interval(m, f.decimals, 1000, 1);
        check_figure_interval(m, f.decimals, 1, 100);
        v = num_exact(m);
    } else {
        int64_t r = raw64(t);
        v = num_exact(r);
        half = (int64_t)(width & 0x7f) * 1000;
    }
    *half_out = half;
    switch ((how >> 1) & 3) {
    case 1: { /* as printed, with the half-open interval of its precision */
        Num p = v;
        if (num_printed(v, half, &p) == NUM_OK)
            v = p;
        break;
    }
    case 2: { /* widened by an arbitrary amount */
        Num w;
        int64_t extra = (int64_t)width * (int64_t)((how >> 3) + 1) * 12345;
        if (num_widen(v, extra, &w) == NUM_OK)
            v = w;
        break;
    }
    case 3: /* from the value to the raw bytes' value, if that is above */
        if (t.n >= 8) {
            int64_t r = raw64(t);
            if (r > v.hi)
                v = num_micro(v.lo, r);
            else if (r < v.lo)
                v = num_micro(r, v.hi);
        }
        break;
    default:
        break;
    }
    return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Slice part[3] = { { data, 0 }, { NULL, 0 }, { NULL, 0 } };
    int n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= size; i++) {
        if (i == size || (data[i] == '\n' && n < 2)) {
            part[n].s = data + start;
            part[n].n = i - start;
            if (i == size)
                break;
            n++;
            start = i + 1;
        }
    }
    Slice ctl = part[2];
    int64_t half_a, half_b;
    Num a = value_of(part[0], ctl_byte(ctl, 0), ctl_byte(ctl, 1), &half_a);
    Num b = part[1].s ? value_of(part[1], ctl_byte(ctl, 2), ctl_byte(ctl, 3), &half_b)
                      : num_exact(raw64(ctl));
    (void)half_b;

    check_add_sub(a, b);
    check_neg_abs(a);
    check_neg_abs(b);
    check_mul(a, b);
    check_div(a, b);
    check_div(b, a);
    int places = (int)(int8_t)ctl_byte(ctl, 4) % 32;
    check_round(a, places);
    check_round(b, places - 6);
    check_printed(a, half_a);
    check_printed(num_exact(a.lo), (int64_t)ctl_byte(ctl, 5) * 50000);
    check_compare(a, b);
    check_compare(b, a);
    uint8_t fp = ctl_byte(ctl, 6);
    check_format(a.lo, (fp & 15) - 4, (fp >> 4) - 4);
    check_format(a.hi, fp & 7, (fp >> 3) & 7);
    check_format(num_mid(b), 0, 2);
    return 0;
}
