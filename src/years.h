/* years: a year file against the earlier year files its report names with
 * `previous`: every comparative figure against the nearest earlier file that holds
 * it. */
#ifndef FINSAM_YEARS_H
#define FINSAM_YEARS_H

#include "program.h"
#include "result.h"

/* Compares each cell of a column keyed by an earlier year (every year of a five-year
 * overview before the report's) with the same table, row and year column of the
 * nearest earlier file that states it: the previous year's file first, then the one it
 * names, and so on, among those whose report is of that year or later. A named column,
 * here or there, is never compared. */
void years_compare(Program *prog, Results *res);

#endif
