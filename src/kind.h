/* kind: what a value measures, and which operations combine which kinds. The
 * resolver uses these rules to reject "75,4% + 1 000" before anything is
 * evaluated; the evaluator uses the same rules on values. */
#ifndef FINSAM_KIND_H
#define FINSAM_KIND_H

#include "ast.h"

/* The kind of `a op b`, or K_UNKNOWN if the kinds do not combine. */
Kind kind_binop(BinOp op, Kind a, Kind b);
bool kind_is_numeric(Kind k);
/* "an amount", "a percentage", ... for messages. */
const char *kind_name(Kind k);
const char *binop_symbol(BinOp op);

#endif
