/* model: the year as the reports show it, built once after evaluation from the
 * program and its results, for every writer to read. The tables and allocations in
 * the order the rule files declare them, each as lines (section headings, outermost
 * first and empty ones kept; rows with their depth, note and formatted cells), the
 * cells' flags (text, stated, computed where the report prints nothing, agreeing,
 * differing), the footnotes numbered in the order the page shows them; every check
 * with its outcome and the runs that failed. The model holds facts: a writer renders
 * them in its own format, and no writer needs the resolver or the evaluator. */
#ifndef FINSAM_MODEL_H
#define FINSAM_MODEL_H

#include <stdbool.h>
#include <stdint.h>

#include "num.h"
#include "program.h"
#include "result.h"

/* ModelCell.flags */
enum {
    CELL_IS_TEXT = 1,      /* a text cell ("Antal besök 1786") */
    CELL_IS_STATED = 2,    /* a figure the report prints */
    CELL_IS_COMPUTED = 4,  /* computed, where the report prints no figure */
    CELL_IS_AGREES = 8,    /* stated, and agrees with every formula it was compared with */
    CELL_IS_DIFFERS = 16,  /* a finding is about it: see its marks */
};

typedef struct {
    const char *text;   /* as the report prints it, without its unit: "7 864 004",
                           "−104 286", "75,4 %", "1/2"; "" for an empty cell */
    unsigned flags;
    int foot, nfoot;    /* its footnotes: ModelBlock.footnotes[foot, foot + nfoot) */
    bool has_amount;    /* an amount, for a chart: not a percentage or text */
    int64_t amount;     /* in micro units of its table's unit: the figure printed, a
                           dash as zero, or the one computed where none is printed */
    const CellResult *result; /* a table cell's: computed value and outcome, or NULL */
} ModelCell;

typedef enum { LINE_HEADING, LINE_ROW, LINE_GROUP, LINE_MEMBER, LINE_TOTAL } ModelLineType;

typedef struct {
    ModelLineType type;
    int depth;          /* a heading: 0 outermost; a row: the sections it lies in;
                           an allocation's member: 1 */
    const char *label;  /* as printed: the label, else the name */
    const char *name;   /* the row's, group's or member's name; NULL for a heading
                           without one and an allocation's total */
    const char *section;/* a row: its innermost section's label or name, or NULL;
                           an allocation's member: its group's name */
    const char *own_label; /* the label as written, or NULL (CSV's text column) */
    int note;           /* a row's note number, 0 if none */
    Kind kind;          /* a row's: the kind of its figures */
    bool total;         /* a row that adds up rows of its own table */
    bool empty;         /* a heading with no row under it */
    ModelCell *cells;   /* ModelBlock.ncolumns; NULL for a heading */
    bool has_fraction;  /* an allocation's group or total: its fraction of the whole */
    Num fraction;
    const Row *row;     /* a table's row, else NULL */
    const AllocLine *alloc_line; /* an allocation's line as checked, else NULL */
} ModelLine;

/* The columns of an allocation's table, after the label: a group's share of the total,
 * a member's figure in its group's key table, the amount stated, the share computed
 * (the middle of the interval the stated amount may lie in). */
typedef enum { ALLOC_SHARE, ALLOC_KEY, ALLOC_STATED, ALLOC_COMPUTED, ALLOC_NCOLUMNS } AllocColumn;

typedef struct {
    const char *title;  /* as printed */
    const char *key;    /* the column's name in the rule file (2025, actual), or NULL */
    int id;             /* a table's column index, or an AllocColumn */
    int year;           /* a year column's year, else 0 */
} ModelColumn;

typedef struct {
    const Finding *finding;
    int mark;           /* its number on the page, from 1 */
    int block;          /* Model.marked: the block that shows it, or -1 */
} ModelFootnote;

typedef struct {
    const Table *table;       /* one of the two */
    const Allocation *alloc;
    const char *name;
    const char *title;        /* the title, else the name */
    TableKind kind;           /* a table's */
    Unit unit;
    bool notes;               /* a column of note numbers */
    ModelColumn *columns;
    int ncolumns;
    /* a budget table's columns of the outcome (actual) and of the plan (budget), which
     * a chart sets side by side; -1 where there is none */
    int outcome_column, plan_column;
    ModelLine *lines;
    int nlines;
    ModelFootnote *footnotes; /* in the order of the cells, row by row */
    int nfootnotes;
} ModelBlock;

/* not run: no run ran, and at least one could not (see Model.not_run), or none was
 * expected; not in force: a dated check (from/until) that applies to none of the
 * years it would run in, which is no rule for them and nothing left unchecked */
typedef enum { OUTCOME_NOT_RUN, OUTCOME_PASSED, OUTCOME_FAILED, OUTCOME_NOT_IN_FORCE } Outcome;

typedef struct {
    const Check *check;
    Outcome outcome;          /* failed: at least one run failed */
    int runs, failed;
    int not_run;              /* its runs that could not run: in Model.not_run */
    const CheckRun **each;     /* every run, in order: [0, runs) */
    const CheckRun **failures; /* the runs that failed, in order */
} ModelCheck;

/* A finding (of a figure or a check), and the finding it is probably caused by: one
 * at a figure it reads, itself found wrong ("probably the same error as"). */
typedef struct {
    const Finding *finding;
    int cause;                /* in Model.findings, or -1 */
} ModelFinding;

/* The counts of the summary line. */
typedef struct {
    int checks, passed, failed, warnings;
    int reviewed;             /* findings a review file decided on */
    bool reviewing;           /* a review file was applied */
    int not_run;
    /* of checks: the ledger's own (its SIE file's consistency, as finsam sie checks it),
     * and of those, the failed ones (errors and warnings) */
    int ledger_checks, ledger_failed;
    const char *ledger;       /* the ledger as the report names it; NULL in a total */
} ModelSummary;

/* What did not run, and why (result.h): a stated figure left unchecked, a note
 * compared with a blank total, or a run of a check; never left out in silence. */
typedef struct {
    const NotRun *not_run;    /* the place, what, where, the reason and its place */
    const Check *check;       /* the check of a run; NULL for a formula or a note */
} ModelNotRun;

/* A parameter as the year's rules have it: its first declaration (name, title, whether
 * local) and the declaration in force in the report's year, or NULL if none is. */
typedef struct {
    const Param *first;
    const Param *in_force;
} ModelParam;

typedef struct {
    Arena arena;
    const Program *prog;
    const Results *res;
    const char *path;
    const char *title;        /* the report's title, else the path */
    ModelBlock *blocks;
    int nblocks;
    ModelCheck *checks;       /* in the order of the program's checks */
    int nchecks;
    ModelNotRun *not_run;     /* in the order of their places, as Results has them */
    int nnot_run;
    ModelParam *params;       /* in the order of the program's parameters */
    int nparams;
    int year;                 /* the report's year */
    /* the findings of figures (not of checks) in the order of their marks: those the
     * blocks show first, then those no block shows */
    ModelFootnote *marked;
    int nmarked, nshown;      /* [0, nshown) stand in a block */
    ModelFinding *findings;   /* every finding, sorted by place (Results.failed) */
    int nfindings;
    const CheckRun **runs;    /* every run of a check, in the order they ran */
    int nruns;
    const LedgerFigure **ledger; /* each mapped row's figure in the ledger (ledger.c) */
    int nledger;
    ModelSummary summary;
    int comparisons;          /* figures compared with their formulas (checks that are
                                 neither runs of a check nor the ledger's own) */
} Model;

/* Builds the model of a program checked with detailed results (or with none: then
 * the blocks show what is stated only). Free it with model_free. */
void model_build(Model *m, const Program *prog, const Results *res, const char *path);
/* Builds what finsam check's text shows of a model, from results that need not be
 * detailed: the findings, what did not run, the ledger's figures and the summary; no
 * blocks, checks or parameters, whose every cell the text never prints. Free it with
 * model_free. */
void model_build_findings(Model *m, const Program *prog, const Results *res, const char *path);
void model_free(Model *m);

/* The summary line's counts of checked results (of one file, or added up). */
ModelSummary model_summary(const Results *res);

/* The finding f (one of Model.findings) is probably the same error as, or NULL. */
const Finding *model_cause(const Model *m, const Finding *f);

/* The block of a table or allocation, or NULL. */
const ModelBlock *model_block(const Model *m, const char *name);

/* The unit a table's figures are in, as its title shows it: "kr", "tkr", "%", or the
 * translated word for counts. */
const char *model_unit_title(Unit u);

#endif
