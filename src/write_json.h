/* write_json: a year file's results for machines, as described by
 * docs/finsam.schema.json: the report, every table and cell (stated, computed,
 * interval, unit), every check and its runs, every finding. */
#ifndef FINSAM_WRITE_JSON_H
#define FINSAM_WRITE_JSON_H

#include "json.h"
#include "model.h"

/* One file's object, from its model; tables and allocations only when with_tables. */
void write_json_file(Json *j, const Model *m, bool with_tables);
void write_json_summary(Json *j, const ModelSummary *s);

/* finsam report --format json: the year's model, its tables with it. */
void write_json_report(FILE *out, const Model *m);
/* finsam check --format json: every file's findings, then the total. */
void write_json_check(FILE *out, const Model *models, int n, const ModelSummary *total);

#endif
