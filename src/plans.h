/* plans: the annual report's budget against the budget the board decided. A year file
 * names the plan of its year with `plan "plan2025"` in its report block; finsam loads
 * it on its own (a plan file is checked on its own too) and compares every stated
 * figure of a column named `budget` with the plan's table of the same name, the row of
 * the same name, in the plan's column `budget` or for the year: [plan]. */
#ifndef FINSAM_PLANS_H
#define FINSAM_PLANS_H

#include "program.h"
#include "result.h"

/* Loads and resolves the plan the report names, if any; returns the number of errors. */
int program_load_plan(Program *prog, const LoadOptions *opts);

/* Compares the budget columns with the plan; a difference is a finding. */
void plans_compare(Program *prog, Results *res);

#endif
