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

#endif
