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

/* Half of the last printed digit, in micro units: 500 000 (0,5) for a figure
 * printed with no decimals, 50 000 (0,05) with one. A printed figure stands for
 * its value plus or minus this. decimals from 0 to 6. */
int64_t figure_half_unit(int decimals);

/* A message in the user's words for a status, e.g. "a group of digits after a
 * thousands separator must have three digits". */
const char *figure_status_message(FigureStatus st);

#endif
