/* write_text: findings as gcc prints diagnostics (the summary line: render.h). */
#ifndef FINSAM_WRITE_TEXT_H
#define FINSAM_WRITE_TEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "model.h"
#include "render.h" /* the summary line and safe_text, which were here */

/* Every finding of the model, in its order (by place), each with its explanation. */
void write_findings(FILE *out, const Model *m, DiagStyle style);
/* Each formula and check that did not run, and why, as notes: all of them (check
 * --verbose), or the stated figures left unchecked, which are never silent. */
void write_not_run(FILE *out, const Model *m, DiagStyle style, bool all);
/* Each mapped row's figure in the ledger, for each year column, and the accounts behind
 * it, with their places in the SIE file (check --verbose): from the model. */
void write_ledger(FILE *out, const Model *m);

#endif
