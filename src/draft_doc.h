/* draft_doc: what draft_table.c finds in a report's text and draft_write.c writes. */
#ifndef FINSAM_DRAFT_DOC_H
#define FINSAM_DRAFT_DOC_H

#include "draft.h"

typedef struct {
    const char *name;    /* 2025, actual, budget, ... */
    const char *label;   /* the heading as printed; NULL for a bare year */
    const char *formula; /* NULL, or "budget - actual", ... */
    int col, endcol;     /* where the heading stands on its line */
    int cell;            /* the index of its cell on a tabbed line */
    bool note;           /* the "Not" column: note numbers, not figures */
} DraftCol;

typedef enum { DROW_ROW, DROW_OPEN, DROW_CLOSE, DROW_COMMENT } DraftRowKind;

typedef struct {
    DraftRowKind kind;
    int lineno;
    const char *name, *label;
    const char *formula;   /* NULL: stated */
    const char *comment;   /* a comment line (DROW_COMMENT) or one after the row */
    const DraftCell **cells; /* one per column; NULL: nothing printed */
    int note;              /* note N, 0 if none */
    int sign;              /* +1, or -1 for costs printed as positive figures */
    bool count;            /* "Antal ...": a count in a table of amounts, written in a
                              table of its own */
} DraftRow;

typedef struct {
    int lineno;
    const char *kind, *name, *title, *unit;
    int note;              /* declared as note N */
    DraftCol *cols;
    int ncols;
    PtrVec rows;           /* DraftRow */
    const char *header;    /* the heading of the label column, as printed */
    bool allocation;       /* the members' contributions */
    const char *total;     /* the allocation's total, as printed */
    PtrVec used;           /* the row names */
    bool required;         /* named as the national rules require */
    bool placeholder;      /* not found in the text: written for the rules to load */
    const char *count_name; /* the table of its counts, if it has any */
} DraftTable;

typedef enum { BLOCK_PROSE, BLOCK_BLANK, BLOCK_TABLE } DraftBlockKind;

typedef struct {
    DraftBlockKind kind;
    int lineno;
    const char *text;
    DraftTable *table;
} DraftBlock;

struct DraftDoc {
    const char *title, *federation, *decided;
    int year;
    const char *benchmark;     /* "Förbundets riktmärke ... 75%": the figure */
    int benchmark_line;
    PtrVec blocks;
};

#endif
