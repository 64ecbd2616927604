/* result: what checking a program found, for the writers to show. The evaluator
 * fills it in; it never prints. */
#ifndef FINSAM_RESULT_H
#define FINSAM_RESULT_H

#include "value.h"

typedef enum {
    FIND_FORMULA,   /* a stated cell against its row or column formula */
    FIND_NOTE,      /* a row against the total of its note */
    FIND_PREVIOUS,  /* a comparative figure against the previous year's file */
    FIND_ALLOC,     /* an allocation's shares */
    FIND_CHECK,     /* a check */
} FindingType;

typedef struct {
    const char *text;  /* the operand as written, or a row's name */
    Value value;
} Operand;

enum { MAX_OPERANDS = 12 };

typedef struct {
    FindingType type;
    Severity severity;
    Loc loc;               /* what to underline */
    const char *tag;       /* [tag]: the check's name, or formula, note, allocation */
    const char *message;
    const char *where;     /* "in column 2024", "in row bengtsfors", or NULL */
    /* for formula, note and allocation findings */
    bool has_stated;
    Value stated, computed;
    const char *formula;   /* the formula as written */
    /* for checks: the comparison that failed and the values it used */
    Operand operands[MAX_OPERANDS];
    int noperands;
    bool has_difference;
    Num difference;
    Kind difference_kind;
    Unit difference_unit;
    const char *explanation; /* the check's else message */
    const char *source;
    int order_file, order_column;
} Finding;

/* What became of a table cell, recorded when Results.detailed is set. */
typedef enum { CELL_UNCHECKED = 0, CELL_AGREES, CELL_DIFFERS } CellOutcome;

typedef struct {
    Value computed;     /* absent when the cell has no formula or its operands are empty */
    uint8_t outcome;    /* CellOutcome: the stated figure against its formulas */
} CellResult;

/* One run of a check: for one column, one row, or once. Recorded when detailed. */
typedef struct {
    const Check *check;
    Key key;            /* the column or row it ran for */
    bool has_key, passed;
    const Finding *explained; /* the comparison, its operands and difference */
} CheckRun;

typedef struct {
    PtrVec failed;   /* Finding *, sorted by place */
    int checks, passed, failed_errors, failed_warnings;
    /* the whole picture, for reports and machines: set detailed before evaluating */
    bool detailed;
    CellResult **cells;  /* by table id: rows x columns */
    PtrVec runs;         /* CheckRun *, in the order of the checks */
} Results;

/* Counts one check's outcome. */
void result_count(Results *res, bool passed, Severity sev);
/* A new finding of a failed check, kept in res. */
Finding *result_add(Results *res, Arena *a, FindingType type, Severity sev, Loc at,
                    const char *tag);
/* Sets the difference a - b, shown in a's unit. */
void result_difference(Finding *f, Value a, Value b);
/* Sorts the findings by file, place and column, so that output is the same every
 * time and reads in the order of the files. */
void result_sort(Results *res);

#endif
