/* value: what an expression evaluates to, and how a value is shown to a user. */
#ifndef FINSAM_VALUE_H
#define FINSAM_VALUE_H

#include "ast.h"

/* Its small fields together after the large ones, in 32 bytes: a large report keeps a
 * value for every computed cell (eval.c's memos). */
typedef struct {
    Num n;
    int64_t figure; /* printed: as printed, in micro units of its unit (75,4 % is 75,4):
                       the interval n cannot always give it back */
    uint8_t kind;   /* Kind */
    uint8_t unit;   /* Unit: how to show it: kr, tkr, % or a count */
    bool b;         /* K_BOOL */
    bool absent;    /* an empty or text cell: nothing to compute with */
    bool todo;      /* absent because a '?' is still to be filled in: a sum over it too */
    bool printed;   /* a printed figure: shown as printed, with its decimals */
    uint8_t decimals;
} Value;

Value value_number(Kind kind, Unit unit, Num n);
Value value_bool(bool b);
Value value_of_literal(const Literal *lit);

/* What a cell states, by its table's unit: 973 in a tkr table is 972 500 to
 * 973 500 kr, 75,4% is 75,35 % to 75,45 %, '-' is zero of the row's kind. An
 * empty or text cell states nothing (absent). */
NumStatus value_of_cell(const Cell *c, Unit table_unit, Kind row_kind, Value *out);
/* The figure a row states in a column (a number or a dash that reads), else false:
 * what years.c, plans.c and ledger.c compare with another source. */
bool value_stated(const Table *t, const Row *r, const Column *c, Value *out);
Kind unit_kind(Unit u);

/* The unit to show a value of kind k in, when two units meet. */
Unit unit_combine(Kind k, Unit a, Unit b);

/* Swedish, as a report prints it: "7 864 000 kr", "8 164 tkr", "75,4 %", "between
 * 8 157 and 8 171 tkr" for an interval that is not a printed figure's. */
#define VALUE_FMT_MAX 128
char *value_format(const Value *v, char *buf);
/* A figure as a table prints it, without its unit (the table's heading has it):
 * "7 864 004", "973" in a tkr table, "75,4 %", with the minus sign U+2212. A printed
 * figure as printed; a computed one to the precision of `like` (a printed figure of
 * the same row), or whole units. */
char *value_format_figure(const Value *v, const Value *like, char *buf);

/* The same for a difference between two values of one kind, shown in unit u. */
char *value_format_num(Num n, Kind kind, Unit u, char *buf);

#endif
