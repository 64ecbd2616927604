/* figure: the text of a printed figure, as the scanner found it, to an exact decimal.
 *
 * The scanner hands over the digits of one figure as written: digit groups separated
 * by a space, a no-break space (C2 A0), a narrow no-break space (E2 80 AF), a thin
 * space (E2 80 89) or '_', and an optional decimal part after ',' or '.'; more parts
 * after a further ',' or '.' are handed over too, to be reported as one malformed figure. Signs and
 * '%' are separate tokens and never part of the text. */
#ifndef FINSAM_FIGURE_H
#define FINSAM_FIGURE_H

#include <stddef.h>
#include <stdint.h>

#include "num.h"

typedef enum {
    FIG_OK = 0,
    FIG_BAD_GROUP,    /* a group after a separator does not have three digits, or the
                         text is malformed in another way (error_at says where) */
    FIG_LONG_FIRST_GROUP, /* the group before the first separator has more than three */
    FIG_TOO_PRECISE,  /* more than 6 decimals */
    FIG_OVERFLOW,     /* does not fit in micro units */
    FIG_EMPTY,        /* no digits */
    FIG_SECOND_MARK,  /* a second decimal mark: "7.864.004", "1,5,2" (error_at says where) */
} FigureStatus;

typedef struct {
    int64_t micro;     /* the value in micro units (value * 1 000 000) */
    int decimals;      /* how many decimals were written: 0 for "7 864", 1 for "75,4" */
    size_t error_at;   /* on FIG_BAD_GROUP: byte offset in text of the bad group */
} Figure;

FigureStatus figure_parse(const char *text, size_t len, Figure *out);

/* The length of the group separator starting at text[i] ("7 864", "7_864", a no-break
 * or thin space), or 0 if there is none; i < len. */
size_t figure_separator_len(const unsigned char *text, size_t len, size_t i);

/* The values a printed figure stands for: those that round to it, half away from zero,
 * at the decimals it was printed with (973 tkr is 972 500 kr up to but not including
 * 973 500 kr; 75,4 % is 0,7535 to 0,7545). figure is the figure in micro units of its
 * own unit, which is p/q of the unit the interval is in (tkr: 1000/1, %: 1/100). An end
 * that is not a whole micro unit (12,34554 % is 0,1234554) is rounded outward; the end
 * that rounds away to the next figure is left out where it is one. decimals from 0 to
 * 6, p and q from 1 to 1000. */
NumStatus figure_interval(int64_t figure, int decimals, int64_t p, int64_t q, Num *out);

/* A message in the user's words for a status, e.g. "a group of digits after a
 * thousands separator must have three digits". */
const char *figure_status_message(FigureStatus st);

#endif
