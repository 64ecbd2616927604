/* write_sie: `finsam sie` for people and machines: the text (diagnostics, what was
 * read, the summary line), JSON, JUnit and TAP. A test in JUnit and TAP is a kind of
 * check of a file (every voucher balances, ...), failed with its findings. */
#ifndef FINSAM_WRITE_SIE_H
#define FINSAM_WRITE_SIE_H

#include <stdio.h>

#include "diag.h"
#include "sie_check.h"

typedef struct {
    const char *path;
    Arena arena;
    Diags diags;
    SieSummary sum;
    bool opened;
} SieRun;

void write_sie_text(FILE *out, const SieRun *run, DiagStyle style, bool quiet);
/* The explanatory lines and the summary of a file not read whole, on err. */
void write_sie_bad(FILE *err, const SieRun *run, DiagStyle style);
void write_sie_total(FILE *out, const char *label, const SieSummary *total);

void write_sie_json(FILE *out, const SieRun *runs, int n, const SieSummary *total);
void write_sie_junit(FILE *out, const SieRun *runs, int n);
void write_sie_tap(FILE *out, const SieRun *runs, int n);

#endif
