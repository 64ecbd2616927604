/* why: the reason a formula or check computed nothing, kept while it is evaluated and
 * put into words only when it is reported (sentence.c), so that a blank cell read in a sum (and
 * skipped) costs nothing. */
#ifndef FINSAM_WHY_H
#define FINSAM_WHY_H

#include "ast.h"

typedef enum {
    WHY_NONE = 0,
    WHY_BLANK,         /* a blank cell: row, key */
    WHY_TEXT,          /* a text cell: row, key */
    WHY_NO_COLUMN,     /* the table has no such column: table, key */
    WHY_NO_EARLIER,    /* prev(): the table has no column for the year before: table, key */
    WHY_NOT_YEAR,      /* prev() in a named column: key */
    WHY_NO_ROW,        /* the table has no row of that name: table, name */
    WHY_PARAM,         /* a parameter not yet in force: param, year */
    WHY_UNDECIDED,     /* a local parameter the federation has not decided: param, year */
    WHY_NO_KEYS,       /* a rule set's check whose operands share no column here */
    WHY_MEMBER,        /* an allocation's member with no amount: name */
    WHY_TODO,          /* a cell written '?', not filled in yet: row, key */
    WHY_TODO_FIGURE,   /* a figure written '?' in a formula or check */
    WHY_TODO_AMOUNT,   /* an allocation's total or member written '?': name */
    WHY_ABSENT,        /* a table the report says it does not have: table */
    WHY_LEDGER_BEFORE, /* the ledger is of key.year, before the column's year */
    WHY_LEDGER_NO_YEAR,/* the ledger has no year key.year (0, -1: this year, the one before) */
    WHY_LEDGER_OVERFLOW, /* the accounts add up to more than finsam holds */
    WHY_EMPTY_NOTE,    /* a note (table) prints no figure in column key */
} WhyType;

typedef struct {
    uint8_t type;      /* WhyType */
    const Table *table;
    const Row *row;
    const Param *param;
    const char *name;
    Key key;
} Why;

/* The reason in words: not_run_reason (sentence.h). */
/* Where the reason lies (a blank cell's row, a parameter), or a Loc without source. */
Loc why_loc(const Why *w);

#endif
