/* ledger: the year file against its ledger. A report names its ledger, an SIE file,
 * with `ledger "bokforing-2025.se"` in its report block; `ledger TABLE { ROW from
 * ACCOUNTS }` blocks, in the year file or in a file it imports (the federation's, once
 * for every year), say which BAS accounts make up each row, with the sign the report
 * prints. Every stated figure of a mapped row in a year column the ledger has is
 * compared with the ledger's figure; every account with a balance must land in one row
 * of the statements; what cannot be compared is counted as not run. */
#ifndef FINSAM_LEDGER_H
#define FINSAM_LEDGER_H

#include <stdbool.h>
#include <stdint.h>

#include "program.h"
#include "result.h"
#include "sie_check.h"

enum { LEDGER_YEARS = 10 }; /* year indexes 0 to -9 */

/* Where a line quoted from an SIE file sorts among the findings: after every rule file,
 * by its line (result_sort orders by the source's index first). */
enum { LEDGER_SOURCE_INDEX = 1 << 24 };

/* An account as the ledger has it. A balance account's figure for a year is its
 * closing balance (#UB), a result account's its result (#RES); debit positive. */
typedef struct {
    const char *id;
    const char *name;      /* from #KONTO, or NULL */
    char ktyp;             /* T, S, K, I from #KTYP, or 0 */
    bool balance;          /* a balance account (#KTYP T or S, else #IB/#UB, else 1xxx, 2xxx) */
    bool has_ub[LEDGER_YEARS], has_res[LEDGER_YEARS], has_ib[LEDGER_YEARS];
    int64_t ub[LEDGER_YEARS], res[LEDGER_YEARS], ib[LEDGER_YEARS];  /* öre */
    int64_t trans;         /* the year's #TRANS added up (year 0) */
    long long ntrans;
    Loc ub_at[LEDGER_YEARS], res_at[LEDGER_YEARS];
} LedgerAccount;

typedef struct Ledger {
    const char *path;
    const char *name;      /* as the report's `ledger` entry names it */
    Loc declared;          /* the report's `ledger` entry */
    LedgerAccount **accounts; /* by account number */
    int naccounts;
    bool year_seen[LEDGER_YEARS]; /* #RAR */
    int32_t year_start[LEDGER_YEARS], year_end[LEDGER_YEARS];
    Loc year_at[LEDGER_YEARS];
    PtrVec rows;           /* LedgerRow *: the mapped rows, resolved (ledger.c) */
    long long ntrans;      /* #TRANS rows: the year's figures are the vouchers' */
    PtrVec findings;       /* Diag *: sie_check's findings about the ledger itself */
    int checks, passed, failed, warnings; /* sie_check's counts */
} Ledger;

/* Reads the balances, results, names and years of an SIE file (ledger_read.c);
 * errors in the input (an amount that is not one) go to d, in d's arena. The number of
 * errors in the input; -1 with *why the reason if the file cannot be opened. With
 * checked, the same pass checks the ledger as `finsam sie` does (sie_check.c): the
 * check's diagnostics (the reader's too) go to checked, sorted by line, its counts to
 * *sum; the reader's errors are also d's. */
int ledger_read(Ledger *l, Diags *d, const char *path, const char **why, Diags *checked,
                SieSummary *sum);
/* An account's figure for a year index (0, -1, ...); false if the ledger has none. This
 * year's, in a ledger with vouchers, is what the vouchers make it: the opening balance
 * (#IB 0) and the year's #TRANS for a balance account, the #TRANS for a result account,
 * so that a transaction changed shows in every figure it changes (sie_check says where
 * #UB or #RES no longer agree). */
bool ledger_amount(const Ledger *l, const LedgerAccount *a, int year, int64_t *ore);

/* Whether an account lies in a range by prefix: 30..39 holds 3000 and 301234; an
 * account shorter than the range holds all the numbers that start with it, and lies in
 * the range when all of them do (301 in 3000..3999). Digits only. */
bool ledger_account_in(const char *account, const AccountRange *r);
/* How many times, with signs, a row's ranges count an account: 0 when it is not in
 * the row (or is added and taken away again: 30..39 - 3999 leaves 3999 out). */
int ledger_account_sign(const char *account, const LedgerRow *row);

/* Reads the ledger the report names, if any, and resolves the mappings against the
 * program's tables; returns the number of errors. */
int program_load_ledger(Program *prog, const LoadOptions *opts);

/* Compares every mapped row with the ledger and checks that every account lands in a
 * row; findings, figures and what did not run go into res. */
void ledger_compare(Program *prog, Results *res);

#endif
