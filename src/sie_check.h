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
 * sorted by line (those on one line in the order they were made). */
void sie_check(SieReader *r, SieSummary *sum);

/* The same a record at a time, for a reader whose records serve something else too:
 * the ledger a report names is read once for its figures and its checks
 * (ledger_read.c). Begin, give it every record sie_next reads, in order, then end:
 * the findings are in the reader's Diags and *sum is filled in only then. */
typedef struct SieCheck SieCheck;
SieCheck *sie_check_begin(SieReader *r, SieSummary *sum);
void sie_check_record(SieCheck *c, const SieRecord *rec);
void sie_check_end(SieCheck *c);

#endif
