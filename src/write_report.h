/* write_report: `finsam report`, the whole year as the people who sign it read it:
 * every table laid out like the printed report, with the cells whose stated figure
 * disagrees with the computed one marked, then every check with its outcome. As
 * plain text, as Markdown, or as CSV for spreadsheets. (HTML: write_html.c.) */
#ifndef FINSAM_WRITE_REPORT_H
#define FINSAM_WRITE_REPORT_H

#include <stdio.h>

#include "program.h"
#include "result.h"

typedef enum { REPORT_TEXT, REPORT_MARKDOWN } ReportStyle;

void write_report(FILE *out, Program *prog, const Results *res, const char *path,
                  ReportStyle style);
/* One table as CSV: a header line, then a line per row. */
void write_csv_table(FILE *out, const Table *t, const Results *res);

/* A cell as the report prints it, without its unit: "7 864 004", "−104 286",
 * "75,4 %", "973" in a tkr table; empty for an empty cell. Shared with the HTML
 * writer. buf holds REPORT_CELL_MAX bytes. */
#define REPORT_CELL_MAX 136
const char *report_cell(const Table *t, const Row *r, int column, const Results *res,
                        bool *computed_only, char *buf);

#endif
