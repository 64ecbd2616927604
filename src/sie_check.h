/* sie_check: the ledger's own consistency, read from an SIE file as a stream: every
 * voucher balances, opening balance plus the year's transactions is the closing
 * balance of each balance account, #RES is the year's transactions of each result
 * account, the opening balances add up to zero and the closing balances with the
 * results too, the mandatory records are there, the #RAR years are real and follow
 * each other, voucher numbers ascend in a series, every account booked is in the
 * chart of accounts, and #KSUMMA matches. Each finding is a diagnostic at the SIE
 * line it is about, tagged with its kind. Memory grows with the accounts and series,
 * not with the file. */
#ifndef FINSAM_SIE_CHECK_H
#define FINSAM_SIE_CHECK_H

#include <stdbool.h>
#include <stdint.h>

#include "diag.h"
#include "sie_read.h"

/* The kinds of check, each a [tag] on its findings. */
typedef enum {
    SIE_CHECK_MANDATORY, SIE_CHECK_YEARS, SIE_CHECK_CHECKSUM, SIE_CHECK_VOUCHER,
    SIE_CHECK_SERIES, SIE_CHECK_CHART, SIE_CHECK_BALANCE, SIE_CHECK_RESULT,
    SIE_CHECK_LEDGER, SIE_CHECK_COUNT
} SieCheckKind;

typedef struct {
    int runs, failed;  /* how many times it ran, how many of those failed */
    bool not_run;      /* the file holds nothing it could run on (no vouchers) */
} SieCheckCount;

typedef struct {
    char type[4];                /* "1", "2", "3", "4E", "4I", or "" if not stated */
    long long vouchers, rows, accounts, lines;
    SieCheckCount kinds[SIE_CHECK_COUNT];
    int checks, passed, failed, warnings;
    int input_errors;            /* errors that keep the file from being read right */
} SieSummary;

/* The tag of a kind of check ("voucher", "balance", ...). */
const char *sie_check_tag(SieCheckKind k);
/* What a kind of check checks, in a few words, translated. */
const char *sie_check_title(SieCheckKind k);

/* Reads and checks an open file to its end; diagnostics go to the reader's Diags,
 * sorted by line. */
void sie_check(SieReader *r, SieSummary *sum);

#endif
