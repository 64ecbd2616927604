/* result: what checking a program found, for the writers to show. The evaluator
 * fills it in; it never prints. */
#ifndef FINSAM_RESULT_H
#define FINSAM_RESULT_H

#include "value.h"
#include "why.h"

typedef enum {
    FIND_FORMULA,   /* a stated cell against its row or column formula */
    FIND_NOTE,      /* a row against the total of its note */
    FIND_PREVIOUS,  /* a comparative figure against the previous year's file */
    FIND_ALLOC,     /* an allocation's shares */
    FIND_CHECK,     /* a check */
    FIND_REVIEW,    /* a review entry that matches no finding (review.c) */
    FIND_PLAN,      /* a budget figure against the plan the board decided (plans.c) */
    FIND_LEDGER,    /* a figure against the ledger, or an account in no row or in two
                       (ledger.c) */
} FindingType;

/* An account behind a row's figure in the ledger (ledger.c). */
typedef struct {
    const char *account;   /* its number */
    const char *name;      /* from #KONTO, or NULL */
    int64_t ore;           /* with the sign the row prints it with */
    Loc at;                /* its #UB or #RES line in the SIE file */
} LedgerPart;

struct Finding;

/* A mapped row's figure in the ledger, for one year column: the accounts it adds up,
 * and what became of the comparison with the stated figure. */
typedef struct LedgerFigure {
    const Table *table;
    const Row *row;
    const Column *column;
    int year_index;        /* the SIE year: 0 this year, -1 the one before */
    Value figure;          /* money in kr, exact */
    LedgerPart *parts;     /* by account number */
    int nparts;
    bool compared, agrees; /* a stated figure was compared with it */
    const struct Finding *finding; /* the finding when it does not agree */
} LedgerFigure;

/* An auditor's decision on a finding, from a review file (review.c). */
typedef enum { REVIEW_ACCEPTED, REVIEW_TO_CORRECT } ReviewDecision;

typedef struct {
    const char *key;       /* the finding's key, or a check's or row's name for all of its */
    ReviewDecision decision;
    const char *reason, *by;
    int32_t on;            /* yyyymmdd */
    Loc loc;               /* the key in the review file */
    int matched;           /* how many findings it matched */
} ReviewEntry;

typedef struct {
    const char *text;  /* the operand as written, or a row's name */
    Value value;
    Loc at;            /* what it read: a stated cell, else its row's name; a parameter's
                          value in force; an allocation's figure; no source when it is
                          computed from several (a side of a comparison that is not one
                          reference) */
    uint32_t row_start; /* in at.src: where the row of a cell it read begins (its name),
                           whose line a quote of the cell shows first; else at.start */
} Operand;

/* What a finding or an entry that did not run is about. The evaluator and its
 * neighbours record these facts; sentence.c puts them into words when the results are
 * written, in the language chosen then. FACT_WORDS: the words are given, not made
 * (a check's title and else-message, which are the user's; sie_check's findings). */
typedef enum {
    FACT_WORDS = 0,
    FACT_ROW_FORMULA,      /* row, column: the stated figure against the row's formula */
    FACT_COLUMN_FORMULA,   /* row, column: against the column's formula */
    FACT_NOTE,             /* row, column, note; total: the note's total row, at other */
    FACT_PREVIOUS,         /* row, year, other_year; other: the earlier report's cell */
    FACT_PREVIOUS_KIND,    /* the same, but stated and computed are of two kinds */
    FACT_PLAN,             /* row, column; other: the plan's cell */
    FACT_LEDGER_FIGURE,    /* row, column: a stated figure against the ledger */
    FACT_LEDGER_NO_LINE,   /* account (Finding.account), year: in no line */
    FACT_LEDGER_TWO_LINES, /* account, year, table: in more than one line of the table */
    FACT_LEDGER_ALL,       /* not run: every account of year in a line */
    FACT_ALLOC_SHARE,      /* member, group: a member's amount against its share */
    FACT_ALLOC_MEMBERS,    /* group: its members added up against its share */
    FACT_ALLOC_FRACTIONS,  /* alloc: the groups' fractions (stated) against the whole */
    FACT_REVIEW_UNMATCHED, /* key: a review entry that matches no finding */
} Fact;

/* Where a run is, in words "in column 2024", "in row \"Arvika\"". */
typedef enum {
    PLACE_NONE = 0,
    PLACE_COLUMN_KEY, /* a check's run for a column: key */
    PLACE_ROW,        /* a check's run for a row: key.name, row (its label) if found */
    PLACE_COLUMN,     /* a column: its label, else its year */
} PlaceType;

typedef struct {
    uint8_t fact;          /* Fact */
    uint8_t place;         /* PlaceType */
    const Table *table;
    const Row *row;
    const Row *total;      /* FACT_NOTE: the note's total row */
    const Column *column;
    Key key;               /* PLACE_COLUMN_KEY, PLACE_ROW */
    const char *written;   /* FACT_*_FORMULA: the formula as written, NULL for the rows
                              above; FACT_LEDGER_FIGURE: the mapping and its place */
    int note, year, other_year;
    Loc other;             /* the figure compared with, in another place or file */
    const Allocation *alloc;
    const AllocGroup *group;
    const AllocMember *member;
} Facts;

enum { MAX_OPERANDS = 12, MAX_ALTERNATIVES = 8 };

/* One alternative of a check that failed with `or`: each was false, and each is
 * explained: the comparison, its two sides, and their difference. */
typedef struct {
    Loc loc;               /* the comparison, as written */
    const char *text;      /* the same on one line (a check over several lines) */
    bool compared;         /* a comparison of two values (else: a condition, false) */
    Operand sides[2];
    bool has_difference;
    Num difference;
    Kind difference_kind;
    Unit difference_unit;
} Alternative;

typedef struct Finding {
    FindingType type;
    Severity severity;
    Loc loc;               /* what to underline */
    Loc row_at;            /* at a cell: its row, whose first line (the row's name) is
                              quoted before the cell's when the cell is on a later one;
                              else no source */
    const char *tag;       /* [tag]: the check's name, or formula, note, allocation */
    Facts about;           /* what it is about, for sentence.c */
    /* The sentences, made from `about` by sentences_render (sentence.h) when the results
     * are written; given by the evaluator only where they are the user's words (a
     * check's title, its else-message, a formula as written) or another module's. */
    const char *message;
    const char *where;     /* "in column 2024", "in row bengtsfors", or NULL */
    /* for formula, note and allocation findings */
    bool has_stated;
    Value stated, computed;
    const char *formula;   /* the formula as written, or where the other figure is */
    /* for checks: the comparison that failed and the values it used */
    Operand operands[MAX_OPERANDS];
    int noperands;
    bool has_difference;
    Num difference;
    Kind difference_kind;
    Unit difference_unit;
    /* a check that failed with `or`: every alternative, the first the one operands and
     * difference explain; none (0) where there is one comparison to explain */
    Alternative *alternatives;
    int nalternatives;
    const char *explanation; /* the check's else message */
    Loc same_as;           /* a finding at a figure this one reads: probably the same
                              error (no source when there is none) */
    const char *source;
    int order_file, order_column;
    /* what a review file names it by: a check's name, with [column] or [row] for one of
     * its runs; table.row[column] for a cell; allocation.group.member */
    const char *key;
    const ReviewEntry *review; /* the auditor's decision on it, or NULL */
    const LedgerFigure *ledger; /* FIND_LEDGER at a figure: the accounts behind it */
    const LedgerPart *account;  /* FIND_LEDGER about an account in no row or in two */
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

/* An allocation as the evaluator checked it, recorded when detailed: a line per group,
 * its members under it, then the total. A computed share is the interval a stated
 * amount may lie in: the exact share widened by half the allocation's rounding. Lines
 * after a share that could not be computed keep what is stated and nothing more. */
typedef enum { ALLOC_LINE_GROUP, ALLOC_LINE_MEMBER, ALLOC_LINE_TOTAL } AllocLineType;

typedef struct {
    AllocLineType type;
    const AllocGroup *group;   /* the group, or the member's; NULL for the total */
    const AllocMember *member; /* ALLOC_LINE_MEMBER */
    Loc at;                    /* where the line is written */
    bool has_fraction;
    Num fraction;              /* a group's fraction of the total; the total's: their sum,
                                  exactly where every fraction is a constant such as 1/3 */
    Value key;                 /* a member's figure in its group's key table, else absent */
    Value stated;              /* a member's amount, a group's members added up, the total */
    Value computed;            /* the share it should be, or absent */
    bool compared;             /* the stated figure was compared with the computed one
                                  (the total: the fractions with the whole) */
    const Finding *finding;    /* the finding of that comparison, or NULL */
} AllocLine;

typedef struct {
    const Allocation *alloc;
    AllocLine *lines;
    int nlines;
    bool keyed;                /* a group is split by a key table */
} AllocView;

/* A formula, note or check that did not run, and why: never left out in silence.
 * Counted apart from the checks that ran; listed by `check --verbose`. */
typedef struct {
    Loc loc;               /* the stated figure, or the check's expression */
    const char *tag;       /* formula, note, or the check's name */
    Facts about;           /* what did not run (FACT_WORDS: a check, message its title) */
    Why why;               /* why it did not run */
    /* the sentences, made by sentences_render (sentence.h) when written */
    const char *message;   /* what did not run: the check's title, or the row and column */
    const char *where;     /* "in column 2024", or NULL */
    const char *reason;    /* why: "the cell of 'gains' in column 2024 is blank" */
    Loc reason_at;         /* where the reason lies (a blank cell's row), or no source */
    bool stated;           /* a stated figure left unchecked: always shown, never silent */
    int order_file, order_column;
} NotRun;

typedef struct {
    PtrVec failed;   /* Finding *, sorted by place */
    int checks, passed, failed_errors, failed_warnings;
    int reviewed;    /* failed findings a review file decided on: they fail nothing */
    bool reviewing;  /* a review file was applied: each finding shows its key */
    PtrVec not_run;  /* NotRun *, sorted by place */
    int skipped;     /* how many did not run (not_run.len; in a total, of all files) */
    /* of checks, passed and the failed: the ledger's own consistency (sie_check), as
     * finsam sie checks it; ledger_failed: its errors and warnings */
    int ledger_checks, ledger_failed;
    const char *ledger_name; /* the ledger as the report names it, or NULL */
    /* the whole picture, for reports and machines: set detailed before evaluating */
    bool detailed;
    CellResult **cells;  /* by table id: rows x columns */
    PtrVec runs;         /* CheckRun *, in the order of the checks */
    PtrVec allocs;       /* AllocView *, in the order of the program's allocations */
    PtrVec ledger;       /* LedgerFigure *, by table, row and column (ledger.c); always */
} Results;

/* The allocation as checked, or NULL if the results are not detailed. */
const AllocView *result_alloc(const Results *res, const Allocation *al);

/* Counts one check's outcome. */
void result_count(Results *res, bool passed, Severity sev);
/* A new finding of a failed check, kept in res. */
Finding *result_add(Results *res, Arena *a, FindingType type, Severity sev, Loc at,
                    const char *tag);
/* Records what did not run, and why. */
NotRun *result_not_run(Results *res, Arena *a, Loc at, const char *tag, Facts about,
                       Why why);
/* Sets the difference a - b, shown in a's unit. */
void result_difference(Finding *f, Value a, Value b);
/* Whether a finding points at the figure its operand i read, besides its own place:
 * a figure written in another file than the finding's place (a check in a rule file
 * that reads the year file), not at the place of an operand before it. A check in the
 * year file itself points there already. */
bool finding_points_at(const Finding *f, int i);
/* Sorts the findings by file, place and column, so that output is the same every
 * time and reads in the order of the files. */
void result_sort(Results *res);

#endif
