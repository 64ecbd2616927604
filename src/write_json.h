/* write_json: a year file's results for machines, as described by
 * docs/finsam.schema.json: the report, every table and cell (stated, computed,
 * interval, unit), every check and its runs, every finding. */
#ifndef FINSAM_WRITE_JSON_H
#define FINSAM_WRITE_JSON_H

#include "json.h"
#include "program.h"
#include "result.h"

/* One file's object; tables only when with_tables (res must then be detailed). */
void write_json_file(Json *j, Program *prog, const Results *res, const char *path,
                     bool with_tables);
void write_json_summary(Json *j, const Results *res);

#endif
