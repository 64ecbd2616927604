/* write_text: findings as gcc prints diagnostics (the summary line: render.h). */
#ifndef FINSAM_WRITE_TEXT_H
#define FINSAM_WRITE_TEXT_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "result.h"

void write_findings(FILE *out, Arena *a, const Results *res, DiagStyle style);

#endif
