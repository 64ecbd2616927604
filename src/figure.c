/* figure: the text of a printed figure to an exact decimal (see figure.h).
 *
 * The text is checked for shape first and only then converted, so a figure that is
 * both badly grouped and too large is reported for its grouping, which is what the
 * user most likely mistyped. Text the scanner never hands over (an empty group, a stray
 * byte) is reported as FIG_BAD_GROUP at that place rather than
 * trusted, since figure_parse has no other status for it. */
#include "figure.h"
#include "i18n.h"
#include "num.h"

#include <stdbool.h>

#define FIG_MAX_DECIMALS 6

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

size_t figure_separator_len(const unsigned char *text, size_t len, size_t i)
{
    if (text[i] == ' ' || text[i] == '_')
        return 1;
    if (text[i] == 0xC2 && i + 1 < len && text[i + 1] == 0xA0)
        return 2; /* U+00A0 no-break space */
    if (text[i] == 0xE2 && i + 2 < len && text[i + 1] == 0x80 &&
        (text[i + 2] == 0xAF || text[i + 2] == 0x89))
        return 3; /* U+202F narrow no-break space, U+2009 thin space */
    return 0;
}

static FigureStatus bad_group(size_t at, Figure *out)
{
    out->error_at = at;
    return FIG_BAD_GROUP;
}

/* Nearly every figure of a report in one pass: at most 12 digits, groups of three after
 * a first of one to three separated by ' ' or '_', and at most 6 decimals after one ','
 * or '.'. Anything else (other separators, errors, more digits) is left to the careful
 * reading below, which gives the same value for what this one reads. A large file has
 * millions of figures; reading each once rather than four times pays. */
static bool parse_plain(const unsigned char *s, size_t len, Figure *out)
{
    static const uint64_t scale[FIG_MAX_DECIMALS + 1] = {1000000, 100000, 10000, 1000, 100,
                                                         10, 1};
    size_t i = 0;
    uint64_t whole = 0;
    while (i < len && is_digit(s[i]))
        whole = whole * 10 + (uint64_t)(s[i++] - '0');
    size_t digits = i;
    if (digits == 0 || digits > 12)
        return false;
    while (i < len && (s[i] == ' ' || s[i] == '_')) {
        /* a group of exactly three digits, after a first group of at most three */
        if (digits > 9 || (i == digits && digits > 3) || len - i < 4 || !is_digit(s[i + 1]) ||
            !is_digit(s[i + 2]) || !is_digit(s[i + 3]) || (len - i > 4 && is_digit(s[i + 4])))
            return false;
        whole = whole * 1000 + (uint64_t)(s[i + 1] - '0') * 100 +
                (uint64_t)(s[i + 2] - '0') * 10 + (uint64_t)(s[i + 3] - '0');
        digits += 3;
        i += 4;
    }
    uint64_t part = 0;
    int decimals = 0;
    if (i < len && (s[i] == ',' || s[i] == '.')) {
        for (i++; i < len && is_digit(s[i]) && decimals < FIG_MAX_DECIMALS; i++, decimals++)
            part = part * 10 + (uint64_t)(s[i] - '0');
        if (decimals == 0)
            return false;
    }
    if (i != len)
        return false;
    out->micro = (int64_t)(whole * 1000000 + part * scale[decimals]);
    out->decimals = decimals;
    out->error_at = 0;
    return true;
}

FigureStatus figure_parse(const char *text, size_t len, Figure *out)
{
    const unsigned char *s = (const unsigned char *)text;
    if (parse_plain(s, len, out))
        return FIG_OK;
    *out = (Figure){ 0, 0, 0 };

    bool any_digit = false;
    for (size_t i = 0; i < len; i++)
        if (is_digit(s[i]))
            any_digit = true;
    if (!any_digit)
        return FIG_EMPTY;

    /* Integer part: groups of digits between separators. Without separators any
     * number of digits is fine; the first group is only too long once a separator
     * after it shows that grouping is in use. */
    size_t i = 0;
    for (;;) {
        size_t start = i;
        while (i < len && is_digit(s[i]))
            i++;
        size_t n = i - start;
        size_t sep = i < len ? figure_separator_len(s, len, i) : 0;
        if (start == 0 && sep > 0 && n > 3) {
            out->error_at = 0;
            return FIG_LONG_FIRST_GROUP;
        }
        if (n == 0 || (start > 0 && n != 3))
            return bad_group(start, out);
        if (sep == 0)
            break;
        i += sep;
    }
    size_t int_end = i;

    size_t frac_start = i, frac_end = i;
    if (i < len && (s[i] == ',' || s[i] == '.')) {
        frac_start = ++i;
        while (i < len && is_digit(s[i]))
            i++;
        frac_end = i;
        if (frac_end == frac_start)
            return bad_group(frac_start, out);
        if (i < len && (s[i] == ',' || s[i] == '.')) {
            out->error_at = i;
            return FIG_SECOND_MARK;
        }
    }
    if (i < len)
        return bad_group(i, out);
    int decimals = (int)(frac_end - frac_start);
    if (decimals > FIG_MAX_DECIMALS)
        return FIG_TOO_PRECISE;

    /* At most 12 digits before the mark: with 6 decimals, 18 digits, below INT64_MAX
     * (9 223 372 036 854 775 807) whatever they are, so no step needs a check. Nearly
     * every figure of a report; a large file has millions. */
    static const uint64_t scale[FIG_MAX_DECIMALS + 1] = {1000000, 100000, 10000, 1000, 100,
                                                         10, 1};
    uint64_t whole = 0, part = 0; /* unsigned: more digits wrap, and are not used */
    size_t digits = 0;
    for (size_t k = 0; k < int_end; k++)
        if (is_digit(s[k])) {
            whole = whole * 10 + (uint64_t)(s[k] - '0');
            digits++;
        }
    if (digits <= 12) {
        for (int k = 0; k < decimals; k++)
            part = part * 10 + (uint64_t)(s[frac_start + (size_t)k] - '0');
        out->micro = (int64_t)(whole * 1000000 + part * scale[decimals]);
        out->decimals = decimals;
        return FIG_OK;
    }

    /* Accumulate micro units, stopping as soon as the value passes INT64_MAX, so that
     * any number of leading zeros is fine and no step can overflow. */
    uint64_t micro = 0;
    const uint64_t limit = (uint64_t)INT64_MAX;
    for (size_t k = 0; k < int_end; k++) {
        if (!is_digit(s[k]))
            continue;
        if (micro > (limit - (uint64_t)(s[k] - '0')) / 10)
            return FIG_OVERFLOW;
        micro = micro * 10 + (uint64_t)(s[k] - '0');
    }
    for (int k = 0; k < FIG_MAX_DECIMALS; k++) {
        unsigned d = k < decimals ? (unsigned)(s[frac_start + (size_t)k] - '0') : 0;
        if (micro > (limit - d) / 10)
            return FIG_OVERFLOW;
        micro = micro * 10 + d;
    }

    out->micro = (int64_t)micro;
    out->decimals = decimals;
    return FIG_OK;
}

const char *figure_status_message(FigureStatus st)
{
    switch (st) {
    case FIG_OK:
        return _("the figure is valid");
    case FIG_BAD_GROUP:
        return _("a group of digits after a thousands separator must have three digits");
    case FIG_LONG_FIRST_GROUP:
        return _("the first group of digits before a thousands separator can have at most "
                 "three digits");
    case FIG_TOO_PRECISE:
        return _("a figure can have at most 6 decimals");
    case FIG_OVERFLOW:
        return _("the figure is too large for finsam's arithmetic");
    case FIG_EMPTY:
        return _("a figure needs digits");
    case FIG_SECOND_MARK:
        return _("a figure has one decimal comma at most");
    }
    return _("the figure is not valid");
}

__extension__ typedef __int128 i128;

/* n / d rounded down (up), for d > 0. */
static i128 div_down(i128 n, i128 d)
{
    i128 r = n / d;
    return r * d > n ? r - 1 : r;
}

static i128 div_up(i128 n, i128 d)
{
    i128 r = n / d;
    return r * d < n ? r + 1 : r;
}

NumStatus figure_interval(int64_t figure, int decimals, int64_t p, int64_t q, Num *out)
{
    /* In tenths of a micro unit of the figure's unit, half its last digit is a whole
     * number at every precision: 5 000 000 without decimals, 5 with six. */
    i128 half = 5;
    for (int i = decimals; i < FIG_MAX_DECIMALS; i++)
        half *= 10;
    i128 tenfold = (i128)figure * 10, den = (i128)q * 10;
    i128 lo_n = (tenfold - half) * p, hi_n = (tenfold + half) * p;
    i128 lo = div_down(lo_n, den), hi = div_up(hi_n, den);
    /* The end away from zero rounds to the next figure; both ends of a zero do. */
    if (figure <= 0 && lo * den == lo_n)
        lo++;
    if (figure >= 0 && hi * den == hi_n)
        hi--;
    if (lo < INT64_MIN || hi > INT64_MAX)
        return NUM_OVERFLOW;
    *out = num_micro((int64_t)lo, (int64_t)hi);
    return NUM_OK;
}
