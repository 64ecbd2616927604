/* parse: turns one source file into a Module. The scanner (grammar/lexer.l) and
 * the parser (grammar/parser.y) call the functions below; each grammar action is
 * one call to an ast_ constructor, so that no logic hides in the grammar. */
#ifndef FINSAM_PARSE_H
#define FINSAM_PARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "diag.h"
#include "i18n.h" /* _() for the messages in grammar/ */
#include "intern.h"

typedef struct {
    Num value;    /* exact, never negative */
    int decimals;
    bool malformed; /* already reported: value is 0 and nothing more is said about it */
} FigureTok;

typedef struct {
    bool negative;
    FigureTok figure;
} SignedFig;

enum { PARSE_MAX_ERRORS = 20 };

/* Where the innermost open '{' or '(' are, to say which one a missing closer
 * belongs to. */
typedef struct {
    uint32_t open[64];
    int depth;
} Nesting;

typedef struct Parser {
    Arena *arena;
    Diags *diags;
    Interner *names;
    const Source *src;
    Module *module;
    size_t offset;     /* the scanner's position */
    size_t input;       /* a mapped file: the bytes given to the scanner (parse_input) */
    size_t handed_back; /* a mapped file: its text before this offset is handed back */
    int errors;        /* errors in this file */
    bool gave_up;
    Nesting braces[1], parens[1];
    /* the table being parsed: its rows so far, the innermost open section, and the
     * cells of the row being read; copied to the arena, exactly sized, when done */
    Table *table;
    Section *section;
    Row **rows;
    int nrows, rows_cap;
    Cell *cells;
    int ncells, cells_cap;
    int ncolumns;      /* of the table being parsed: read before its rows */
    int32_t check_from, check_until; /* the dates of the check being read, or 0 */
} Parser;

/* Parses src; returns the number of errors found (0: *out is complete). A file that is
 * not UTF-8 text, or holds a NUL byte, is not parsed: one error says where (*out NULL). */
int parse_module(Arena *a, Diags *d, Interner *names, const Source *src, Module **out);

/* For the scanner. */
void parse_restore_text(void *scanner); /* in grammar/lexer.l */
size_t parse_input(Parser *p, char *buf, size_t max);
Loc parse_loc(const Parser *p, Span s);
int parse_figure_token(Parser *p, const char *text, size_t len, Span at, FigureTok *out);
int parse_date_token(Parser *p, const char *text, Span at, int32_t *out);
const char *parse_intern(Parser *p, const char *text, size_t len);
/* A word: its keyword's token, or NAME with the word interned in *name. */
int parse_word(Parser *p, const char *text, size_t len, const char **name);
const char *parse_string(Parser *p, const char *text, size_t len, Span at);
int parse_bad_char(Parser *p, const char *text, size_t len, Span at);
/* A comment or string holds a byte that is not UTF-8, or a NUL: an error, which
 * parse_module says, as it says it for the whole file. */
void parse_not_text(Parser *p);
Diag *parse_error(Parser *p, Span at, const char *message, const char *hint);
int parse_end(Parser *p, Span *at);
void parse_open(Parser *p, Nesting *n, Span at);
void parse_close(Nesting *n);
void parse_syntax_error(Parser *p, Span at, const char **expected, int nexpected,
                        const char *found, bool found_invalid);

/* For the parser's actions (ast.c). */
PtrVec *ast_list(Parser *p);
PtrVec *ast_push(Parser *p, PtrVec *list, void *item);

void ast_import(Parser *p, const char *path, const char *alias, Span at);
void ast_require(Parser *p, PtrVec *refs, Span at);
void ast_report(Parser *p, const char *title, PtrVec *entries, Span at);
/* `plan "TITLE" { ... }`: a report block that says the file is a plan. kind is what
 * ast_table_kind made of the first word: another table kind there is an error. */
void ast_plan(Parser *p, int kind, const char *title, PtrVec *entries, Span kind_at, Span at);
ReportEntry *ast_entry_text(Parser *p, const char *key, const char *text, Span at);
ReportEntry *ast_entry_figure(Parser *p, const char *key, SignedFig f, Span at);
ReportEntry *ast_entry_date(Parser *p, const char *key, int32_t date, Span at);
/* ledger.c's mappings: ledger TABLE { ROW from ACCOUNTS } */
PtrVec *ast_accounts(Parser *p, Span at);
PtrVec *ast_accounts_join(Parser *p, PtrVec *left, int sign, PtrVec *right);
LedgerRow *ast_ledger_row(Parser *p, const char *name, Span name_at, PtrVec *ranges, Span at);
void ast_ledger(Parser *p, const char *table, Span table_at, PtrVec *rows, Span at);

/* The kind word of a table (accounts, budget, indicators, table): a TableKind; any
 * other word is an error there, as it does not start a declaration. */
/* The word that starts a table or a plan's block: a TableKind, KIND_PLAN, or
 * KIND_UNKNOWN (an error, said here). */
enum { KIND_PLAN = 4, KIND_UNKNOWN = -1 };
int ast_table_kind(Parser *p, const char *kind, Span at);
/* The TableKind of a table's first word: plan is an error here (said). */
int ast_table_kind_of(Parser *p, int kind, Span at);
Table *ast_table_head(Parser *p, int kind, const char *name, Span name_at, const char *title,
                      Span at);
void ast_table_unit(Parser *p, Table *t, const char *word, Span at);
/* A year column that is a plan for that year: '2021 budget', '2020 prognos'. */
Column *ast_column_plan(Parser *p, FigureTok year, const char *word, const char *label,
                        Expr *formula, Span at);
/* absent NAME "reason": the report has no such table; what needs it does not run. */
void ast_absent(Parser *p, const char *name, Span name_at, const char *reason, Span at);
void ast_table_note(Parser *p, Table *t, FigureTok note, Span at);
void ast_table(Parser *p, Table *t, PtrVec *columns, Span at);
Column *ast_column_year(Parser *p, FigureTok year, const char *label, Expr *formula, Span at);
Column *ast_column_named(Parser *p, const char *name, const char *label, Expr *formula,
                         Span at);
void ast_row(Parser *p, const char *name, const char *label, const FigureTok *note,
             Span note_at, Expr *formula, Span at);
void ast_cells_start(Parser *p);
void ast_cells_push(Parser *p, Cell cell);
void ast_section_open(Parser *p, const char *name, const char *label, Span at);
void ast_section_close(Parser *p, Span at);
Cell ast_cell_figure(Parser *p, SignedFig f, bool percent, Span at);
Cell ast_cell(Parser *p, CellType type, Span at);
Cell ast_cell_todo(Parser *p, Span at);

Allocation *ast_alloc_head(Parser *p, const char *name, Span name_at, const char *title,
                           Span at);
void ast_alloc_option(Parser *p, Allocation *a, const char *word, Span word_at, Cell value);
void ast_alloc(Parser *p, Allocation *a, PtrVec *groups, Span at);
AllocGroup *ast_group(Parser *p, const char *name, const char *label, Expr *fraction,
                      const char *by, Span by_at, PtrVec *members, Span at);
/* "b.invanare": a key table of a file imported as b, as one name. */
const char *ast_dotted(Parser *p, const char *ns, const char *name);
AllocMember *ast_member(Parser *p, const char *name, const char *label, Cell amount,
                        Span at);

Param *ast_param(Parser *p, int local, const char *name, Span name_at, const char *title,
                 const SignedFig *value, const char *unit, Span value_at, Span at);
void ast_param_from(Parser *p, Param *param, int32_t date, Span at);
void ast_param_source(Parser *p, Param *param, const char *source, Span at);

void ast_check(Parser *p, const char *name, Span name_at, const char *title, int severity,
               const char *source, Expr *expr, const char *message, Span at);

Expr *ast_figure(Parser *p, FigureTok f, bool percent, Span at);
Expr *ast_date(Parser *p, int32_t date, Span at);
Expr *ast_figure_todo(Parser *p, Span at);
Expr *ast_ref(Parser *p, Expr *prefix, const char *name, Span name_at, Span at);
Expr *ast_select_name(Parser *p, Expr *ref, const char *name, Span at);
Expr *ast_select_year(Parser *p, Expr *ref, FigureTok year, Span sel_at, Span at);
Expr *ast_unary(Parser *p, ExprType type, Expr *operand, Span at);
Expr *ast_binary(Parser *p, BinOp op, Expr *left, Expr *right, Span at);
Expr *ast_call(Parser *p, const char *name, Span name_at, PtrVec *args, Span at);
Expr *ast_where(Parser *p, Expr *rows, Expr *cond, Span at);

#endif
