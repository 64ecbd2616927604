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
void write_csv_allocation(FILE *out, const Program *prog, const Allocation *al,
                          const Results *res);

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

typedef enum { ALLOC_LINE_GROUP, ALLOC_LINE_MEMBER, ALLOC_LINE_TOTAL } AllocLineType;

/* The columns of an allocation's table, after the label. */
typedef enum { ALLOC_SHARE, ALLOC_KEY, ALLOC_STATED, ALLOC_COMPUTED, ALLOC_NCOLUMNS } AllocColumn;

typedef struct {
    AllocLineType type;
    const AllocGroup *group;   /* the group, or the member's; NULL for the total */
    const AllocMember *member; /* ALLOC_LINE_MEMBER */
    Loc at;                    /* where the line is written */
    bool has_fraction;
    Num fraction;              /* a group's fraction of the total; the total's: their sum */
    Value key;                 /* a member's figure in its group's key table, else absent */
    Value stated;              /* a member's amount, a group's members added up, the total */
    Value computed;            /* the share it should be, or absent */
    bool compared;             /* eval.c compared the stated figure with the computed one
                                  (the total: the fractions with the whole) */
    const Finding *finding;    /* the allocation finding about this line, or NULL */
    AllocColumn marked;        /* the column the finding is about */
} AllocLine;

typedef struct {
    const Allocation *alloc;
    AllocLine *lines;
    int nlines;
    bool keyed;                /* a group is split by a key table: the key column shown */
} AllocView;

void alloc_view(AllocView *v, const Program *prog, const Allocation *al, const Results *res);
void alloc_view_free(AllocView *v);
/* The line's label ("Staten", "Försäkringskassan"; the total: the translated word). */
const char *alloc_label(const AllocLine *l);
/* The heading of a column, translated. */
const char *alloc_column_title(AllocColumn c);
/* A cell as the report prints it, without its unit: "1/2" (the fraction as written),
 * "1 966 000", "−5 000"; a key table's title in a group's key cell; empty if none.
 * buf holds REPORT_CELL_MAX bytes. */
const char *alloc_cell(const AllocLine *l, AllocColumn c, char *buf);

#endif
