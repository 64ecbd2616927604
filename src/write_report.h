/* write_report: `finsam report`, the whole year as the people who sign it read it:
 * every table and allocation of the model laid out like the printed report, with the
 * cells whose stated figure disagrees with the computed one marked and explained under
 * the table, the parameters in force, then every check with its outcome. As plain
 * text or as Markdown. */
#ifndef FINSAM_WRITE_REPORT_H
#define FINSAM_WRITE_REPORT_H

#include <stdio.h>

#include "model.h"

typedef enum { REPORT_TEXT, REPORT_MARKDOWN } ReportStyle;

void write_report(FILE *out, const Model *m, ReportStyle style);

#endif
