/* write_report: `finsam report`, the whole year as the people who sign it read it:
 * every table and allocation laid out like the printed report, with the cells whose
 * stated figure disagrees with the computed one marked, then every check with its
 * outcome. As plain text, as Markdown, or as CSV for spreadsheets. (HTML:
 * write_html.c.) */
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
/* One allocation as CSV: a line per group, one per member under it, and the total. */
void write_csv_allocation(FILE *out, const Allocation *al, const Results *res);

/* A cell as the report prints it, without its unit: "7 864 004", "−104 286",
 * "75,4 %", "973" in a tkr table; empty for an empty cell. Shared with the HTML
 * writer. buf holds REPORT_CELL_MAX bytes. */
#define REPORT_CELL_MAX 136
const char *report_cell(const Table *t, const Row *r, int column, const Results *res,
                        bool *computed_only, char *buf);

/* ---- the tables and allocations in the order of the rule files ------------------- */

typedef struct {
    const Table *table;       /* one of the two */
    const Allocation *alloc;
} ReportBlock;

/* Every table and allocation, in the order they are declared (a file's imports
 * first, as prog->tables lists the tables); mem_free() the list. */
int report_blocks(const Program *prog, ReportBlock **out);

/* ---- an allocation as a table ------------------------------------------------------
 *
 * A line per group (its share of the total, the sum of its members' stated amounts and
 * its share computed from the total), its members under it (each stated amount, and for
 * a group split `by` a table the member's row in that table and its share computed by
 * it), and the total (the sum of the groups' fractions and the stated total). The
 * figures are those eval.c compares: a computed share is the interval a stated amount
 * may lie in, the exact share widened by half the allocation's rounding. */

/* The columns of an allocation's table, after the label. */
typedef enum { ALLOC_SHARE, ALLOC_KEY, ALLOC_STATED, ALLOC_COMPUTED, ALLOC_NCOLUMNS } AllocColumn;

/* The column a line's finding is about: the total's fractions, else the stated amount. */
static inline AllocColumn alloc_marked(const AllocLine *l)
{
    return l->type == ALLOC_LINE_TOTAL ? ALLOC_SHARE : ALLOC_STATED;
}

/* The line's label ("Staten", "Försäkringskassan"; the total: the translated word). */
const char *alloc_label(const AllocLine *l);
/* The heading of a column, translated. */
const char *alloc_column_title(AllocColumn c);
/* A cell as the report prints it, without its unit: "1/2" (the fraction as written),
 * "1 966 000", "−5 000"; a key table's title in a group's key cell; empty if none.
 * buf holds REPORT_CELL_MAX bytes. */
const char *alloc_cell(const AllocLine *l, AllocColumn c, char *buf);

#endif
