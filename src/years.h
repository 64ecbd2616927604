/* years: a year file against the earlier year files its report names with
 * `previous`: every comparative figure against the file of its year. */
#ifndef FINSAM_YEARS_H
#define FINSAM_YEARS_H

#include "program.h"
#include "result.h"

/* Compares each cell of an earlier year's column with the same table, row and
 * column of that year's own file, where one was loaded. */
void years_compare(Program *prog, Results *res);

#endif
