/* ast: the syntax tree of a finsam file, built by the parser's one-line actions.
 * Every node has its location. Nodes live in the arena of their file set. Fields
 * marked "resolved" are filled in by resolve.c, not by the parser. */
#ifndef FINSAM_AST_H
#define FINSAM_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mem.h"
#include "num.h"
#include "source.h"
#include "diag.h"

/* The kind of a value: what it measures. K_NUMBER is a bare figure in a formula,
 * which takes the kind of what it is combined with. */
typedef enum {
    K_UNKNOWN = 0, K_NUMBER, K_MONEY, K_PERCENT, K_COUNT, K_BOOL, K_DATE, K_STRING,
    K_ROWS, /* a table, a section or a filtered table: only an aggregate's argument */
} Kind;

/* How a figure was printed, so that it can be shown the same way. */
typedef enum { U_NONE = 0, U_KR, U_TKR, U_PERCENT, U_COUNT, U_MKR } Unit;

/* A literal figure: its exact value and the interval its printing stands for. */
typedef struct {
    Num value;
    uint8_t kind;     /* Kind */
    uint8_t unit;     /* Unit */
    uint8_t decimals;
    bool printed;     /* a figure as printed: shown as written, not as an interval */
    int64_t figure;   /* printed: as written, in micro units of its unit (38 % is 38) */
    bool todo;        /* '?': a figure still to be read from the report; computes nothing */
} Literal;

typedef struct Table Table;
typedef struct Row Row;
typedef struct Column Column;
typedef struct Section Section;
typedef struct Allocation Allocation;
typedef struct AllocGroup AllocGroup;
typedef struct AllocMember AllocMember;
typedef struct Param Param;

typedef enum {
    E_FIGURE, E_STRING, E_DATE, E_REF, E_SUM_ABOVE, E_NEG, E_NOT, E_BINARY, E_CALL, E_WHERE,
} ExprType;

typedef enum {
    OP_ADD, OP_SUB, OP_MUL, OP_DIV, OP_EQ, OP_NE, OP_LT, OP_LE, OP_GT, OP_GE, OP_AND, OP_OR,
} BinOp;

typedef enum { FN_SUM, FN_COUNT, FN_MIN, FN_MAX, FN_ABS, FN_ROUND, FN_PREV } Func;

/* What a reference denotes, once resolved. */
typedef enum {
    REF_UNRESOLVED = 0,
    REF_CELL,       /* row and column fixed */
    REF_ROW,        /* a row; the column comes from where it is used */
    REF_COLUMN,     /* a column; the row comes from where it is used */
    REF_TABLE,      /* a table as a set of rows */
    REF_SECTION,    /* a section as a set of rows */
    REF_PARAM,
    REF_ALLOC,      /* an allocation's total */
    REF_GROUP,      /* the sum of a group's stated members */
    REF_MEMBER,     /* a member's stated amount */
    REF_YEAR,       /* the report's year */
} RefType;

/* What few references have: more names than one, a column chosen by name. Apart from
 * the reference, so that a reference of one name, which most are, is smaller. */
typedef struct {
    const char *sel_name; /* [budget] */
    const char *names[];  /* where each is written: name_loc() in resolve.c; room for
                             ref_more_room() of them */
} RefMore;

/* The names a reference's RefMore has room for: two, which most have (table.row),
 * else the four a reference may have at most. */
static inline int ref_more_room(int nnames) { return nnames <= 2 ? 2 : 4; }

typedef struct Expr Expr;
struct Expr {
    uint8_t type;   /* ExprType */
    uint8_t kind;   /* Kind, resolved */
    uint16_t depth; /* levels of operators below: resolve and eval recurse this deep */
    /* a reference's and an operator's small fields, in the 4 bytes before loc that
     * would be padding: a large report has millions of nodes */
    union {
        struct {              /* E_REF */
            uint8_t rtype;    /* RefType, resolved */
            uint8_t nnames : 3;
            bool has_sel : 1;
            bool has_more : 1; /* u.ref.more, not u.ref.name */
            int16_t sel_year; /* [2024]; 0 if none */
        };
        uint8_t op;           /* E_BINARY: BinOp */
    };
    Loc loc;
    union {
        Literal figure;
        const char *string; /* E_STRING */
        int32_t date;       /* E_DATE: yyyymmdd */
        struct {
            union { /* ref_names() gives its names */
                const char *name; /* the one name, which most have */
                RefMore *more;    /* has_more: its names, more than one, or a [name] */
            };
            /* resolved */
            Table *table;
            Row *row;
            union {               /* by rtype: a cell's or a column's column, or ... */
                Column *column;
                Section *section;
                Param *param;
                Allocation *alloc;
                AllocGroup *group;
                AllocMember *member;
            };
        } ref;
        struct { Expr *operand; } unary;
        struct { Expr *left, *right; } binary;
        struct { Func func; const char *name; Loc name_loc; PtrVec args; } call;
        struct { Expr *rows, *cond; } where;
        struct {       /* resolved: the row whose cell is computed, and its table */
            const char *unused; /* the reference's name or names, which it was */
            Table *table;
            Row *row;
        } sum_above;
    } u;
};
_Static_assert(sizeof ((Expr *)0)->u.sum_above <= sizeof ((Expr *)0)->u.ref,
               "a reference is allocated with room for what resolve.c may make it");

/* The bytes a node of a type takes: its part of the union and no more, so that an
 * operator or a reference is not as large as a call (a large report has millions of
 * nodes). A reference has room for what resolve.c may make of it, an E_SUM_ABOVE. */
static inline size_t expr_size(ExprType type)
{
    size_t head = offsetof(Expr, u), part;
    switch (type) {
    case E_FIGURE: part = sizeof ((Expr *)0)->u.figure; break;
    case E_STRING: part = sizeof ((Expr *)0)->u.string; break;
    case E_DATE: part = sizeof ((Expr *)0)->u.date; break;
    case E_NEG:
    case E_NOT: part = sizeof ((Expr *)0)->u.unary; break;
    case E_BINARY: part = sizeof ((Expr *)0)->u.binary; break;
    case E_CALL: part = sizeof ((Expr *)0)->u.call; break;
    case E_WHERE: part = sizeof ((Expr *)0)->u.where; break;
    default: part = sizeof ((Expr *)0)->u.ref; break; /* E_REF, E_SUM_ABOVE */
    }
    return head + part;
}

/* A reference's names, nnames of them; ref_more() makes room for more than one. */
static inline const char **ref_names(Expr *e)
{
    return e->has_more ? e->u.ref.more->names : &e->u.ref.name;
}

static inline const char *const *ref_names_of(const Expr *e)
{
    return e->has_more ? e->u.ref.more->names : &e->u.ref.name;
}

/* [budget]: the column a reference chooses by name; NULL if none. */
static inline const char *ref_sel_name(const Expr *e)
{
    return e->has_more ? e->u.ref.more->sel_name : NULL;
}

/* A column key: a year, or a name. */
typedef struct {
    int year;           /* 0 for a named column */
    const char *name;   /* interned; NULL for a year */
} Key;

struct Column {
    Key key;
    const char *label;
    Expr *formula;
    Loc loc;
    int index;
};

typedef enum { CELL_EMPTY, CELL_FIGURE, CELL_DASH, CELL_TEXT } CellType;

/* A cell as written; what it states follows from its table's unit (value.h).
 * Kept small: a large report has millions of them. */
typedef struct {
    int64_t figure;       /* micro units, exactly as written, sign applied */
    uint32_t start;       /* in the file of its table or allocation; cell_span() */
    uint16_t len;
    uint8_t type : 2;     /* CellType */
    uint8_t percent : 1;
    uint8_t decimals : 4; /* at most 6 (figure.c) */
    uint8_t todo : 1;     /* '?': an empty cell still to be filled in from the report */
} Cell;

static inline Span cell_span(const Cell *c) { return (Span){c->start, c->start + c->len}; }

struct Section {
    const char *name;   /* may be NULL */
    const char *label;
    Loc loc;
    Section *parent;
    Table *table;
    int first_row, end_row; /* the table's rows [first_row, end_row) lie in it */
};

/* A row. Its formula and its section, which most rows of a large report do not have,
 * are kept in front of it, in the same allocation, only where it has them: row_formula()
 * and row_section() give them, row_new() makes a row with room for them. Its table is
 * not kept: it is known wherever a row is used (t->rows[i], a reference's u.ref.table,
 * an Env's table), and a large report has millions of rows (32 bytes each). */
struct Row {
    const char *name;
    const char *label;
    Span span;          /* in its table's file; row_loc() gives the location */
    int index;
    uint16_t ncells;
    /* packed with the count of cells into 8 bytes: a large report has millions of rows */
    uint16_t note : 10; /* 0 if none; 1 to 999 */
    uint16_t kind : 4;  /* Kind, resolved: the kind of its figures */
    uint16_t has_formula : 1; /* its formula is the pointer just before it */
    uint16_t has_section : 1; /* its section is the pointer before that, or before it */
    /* its cells, in the same allocation: ncells of them, or for a computed row that the
     * report does not print, room for one per column (resolve.c fills them in) */
    Cell cells[];
};

/* A new row, zeroed but for its formula and its innermost section (each may be NULL),
 * with room for `room` cells (at least one). */
Row *row_new(Arena *a, Expr *formula, Section *section, int room);

static inline Expr *row_formula(const Row *r)
{
    return r->has_formula ? ((Expr *const *)(const void *)r)[-1] : NULL;
}

/* Its innermost section; NULL at the table's top level. */
static inline Section *row_section(const Row *r)
{
    return r->has_section ? ((Section *const *)(const void *)r)[-1 - r->has_formula] : NULL;
}

typedef enum { T_ACCOUNTS, T_BUDGET, T_INDICATORS, T_TABLE } TableKind;

/* Its fields in an order that leaves no padding: a large report has many tables. */
struct Table {
    const char *name;
    const char *title;
    const char *absent_reason; /* absent NAME "reason": not in this report; no rows */
    Loc loc, name_loc;
    Column **columns;
    Row **rows;
    PtrVec sections;    /* Section * */
    const Source *src;
    Row **row_index;    /* resolved: rows by name, an open hash of 1,5 * nrows + 1 slots,
                           for a table of more than ROW_INDEX_FROM rows */
    int ncolumns;
    int nrows;
    int note;
    int id;             /* resolved: its place in the program's list of tables */
    uint8_t tkind;      /* TableKind */
    uint8_t unit;       /* Unit */
    bool blank_zero;    /* 'blank zero': a blank cell is printed nothing, zero */
    bool indexed;       /* resolved: its rows are known by name (row_index, or for a
                           small table none: it is searched) */
};

struct AllocMember {
    const char *name;
    const char *label;
    Cell amount;
    Loc loc;
    AllocGroup *group;
};

struct AllocGroup {
    const char *name;
    const char *label;
    Expr *fraction;
    const char *by_name;  /* the key table, or NULL: split freely */
    Loc by_loc;
    Table *by;            /* resolved */
    AllocMember **members;
    int nmembers;
    Loc loc;
    Allocation *alloc;
};

struct Allocation {
    const char *name;
    const char *title;
    Cell total;
    Cell rounding;        /* CELL_EMPTY: 1 kr */
    bool has_rounding;
    bool exact_shares;    /* 'exact': a share written 27% is 27 % exactly, as a plan decides it */
    AllocGroup **groups;
    int ngroups;
    Loc loc, name_loc;
};

struct Param {
    const char *name;
    const char *title;
    Literal value;
    Loc value_loc;
    int32_t from;         /* yyyymmdd; 0 if always */
    const char *source;
    Loc loc, name_loc;
    bool local;           /* a federation may set its own value */
    bool has_value;       /* a local parameter may leave it to the federation */
    /* resolved */
    const char *full_name; /* as a year file names it: "o.cap" in a file imported as o */
    Param *next;          /* the other values of the same name */
    bool federation;      /* a value a federation set for a local parameter */
};

typedef struct {
    const char *name;
    const char *title;
    Severity severity;
    int32_t from, until;  /* yyyymmdd: in force for the years that meet [from, until]; 0 open */
    int domain;           /* resolved: DOMAIN_* below */
    const char *source;
    const char *message;
    Expr *expr;
    Loc loc, name_loc;
    /* resolved */
    const char *full_name; /* as a year file names it: "o.cap_kept" in a file imported as o */
    Table *domain_table;  /* the first table that constrains the domain */
    PtrVec keys;          /* Key *: the columns, or rows, the check runs for */
} Check;

enum { DOMAIN_SCALAR, DOMAIN_COLUMNS, DOMAIN_ROWS };

typedef struct {
    const char *key;
    Loc loc;
    Literal value;        /* figures and dates */
    const char *text;     /* strings */
} ReportEntry;

typedef struct {
    const char *title;
    PtrVec entries;       /* ReportEntry * */
    int year;
    bool plan;            /* written `plan "..." { }`: the file is a plan, not a report */
    Loc loc;
} Report;

typedef struct {
    const char *path;
    const char *alias;    /* import "x" as alias; NULL if none */
    Loc loc;
} Import;

/* require a.b, c: the names a rule set needs from the year file. */
typedef struct {
    PtrVec refs;          /* Expr *, each an E_REF */
    Loc loc;
} Require;

/* ledger TABLE { ROW from ACCOUNTS ... }: where each row's figure comes from in the
 * ledger the report names (ledger.c). A range lo..hi is by prefix: 30..39 holds 3000
 * and 301234; a single account is lo..lo. */
typedef struct {
    const char *lo, *hi;  /* digits, as many in each */
    int sign;             /* +1 or -1: the sign the report prints the accounts with */
    Loc loc;
} AccountRange;

typedef struct {
    const char *name;     /* the row */
    Loc name_loc, loc;
    PtrVec ranges;        /* AccountRange * */
    Row *row;             /* ledger.c: the row it names */
    Table *table;         /* ledger.c: the row's table */
} LedgerRow;

typedef struct {
    const char *table;
    Loc table_loc, loc;
    PtrVec rows;          /* LedgerRow * */
} LedgerMap;

typedef enum { D_IMPORT, D_REPORT, D_TABLE, D_ALLOC, D_PARAM, D_CHECK, D_REQUIRE,
               D_LEDGER } DeclType;

typedef struct {
    DeclType type;
    union {
        Import *import;
        Require *require;
        Report *report;
        Table *table;
        Allocation *alloc;
        Param *param;
        Check *check;
        LedgerMap *ledger;
    } u;
} Decl;

/* Its table is known where it is used: a row does not keep it (a large report has
 * millions of rows). */
static inline Loc row_loc(const Table *t, const Row *r) { return loc_at(t->src, r->span); }

/* How many years prev(x) or prev(x, n) looks back: n, a whole number resolve.c has
 * checked. */
static inline int prev_years(const Expr *call)
{
    if (call->u.call.args.len < 2)
        return 1;
    const Expr *n = call->u.call.args.items[1];
    return (int)(n->u.figure.value.lo / NUM_SCALE);
}

/* One parsed file. */
typedef struct {
    const Source *src;
    PtrVec decls;     /* Decl * */
    const char *ns;   /* import "x" as ns: its names are ns.name; NULL for none */
    Loc ns_at;        /* the import that named it */
    int todo_cells;   /* cells written '?', still to be filled in */
    int todo_figures; /* figures written '?' in formulas and checks */
} Module;

/* A copy of m, not yet resolved, for another year of the same run (ast_clone.c): every
 * node its own, every location in `from` moved to `to`. */
Module *module_clone(Arena *a, const Module *m, const Source *from, const Source *to);

#endif
