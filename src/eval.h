/* eval: computes every formula and runs every check of a resolved program. */
#ifndef FINSAM_EVAL_H
#define FINSAM_EVAL_H

#include "program.h"
#include "result.h"

/* Fills res; returns the number of errors that stopped a computation (overflow,
 * division by zero, a formula that depends on itself), reported in prog->diags. */
int program_eval(Program *prog, Results *res);

#endif
