/* write_text: findings as gcc prints diagnostics, and the summary line. */
#ifndef FINSAM_WRITE_TEXT_H
#define FINSAM_WRITE_TEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "result.h"

void write_findings(FILE *out, Arena *a, const Results *res, DiagStyle style);
/* Each formula and check that did not run, and why, as notes: all of them (check
 * --verbose), or the stated figures left unchecked, which are never silent. */
void write_not_run(FILE *out, Arena *a, const Results *res, DiagStyle style, bool all);
void write_summary(FILE *out, const char *path, const Results *res);

/* s itself when it holds no control character (see diag_put_text), else a copy in a
 * with each shown as '?'. */
const char *safe_text(Arena *a, const char *s);

#endif
