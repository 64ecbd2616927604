/* The finsam grammar. Every action is one call to an ast_ constructor (src/ast.c);
 * the language is documented in grammar/README.md. */
%define api.pure full
%define api.location.type {Span}
%define parse.error custom
%define parse.lac full
%locations
%expect 0
%param {void *scanner}
%parse-param {Parser *p}

%code requires {
#include "parse.h"
}

%code provides {
int yylex(YYSTYPE *lval, YYLTYPE *lloc, void *scanner);
void yyerror(YYLTYPE *loc, void *scanner, Parser *p, const char *message);
}

%code {
#include <string.h>

#define YYLLOC_DEFAULT(Cur, Rhs, N)                                    \
    do {                                                                 \
        if (N) {                                                         \
            (Cur).start = YYRHSLOC(Rhs, 1).start;                        \
            (Cur).end = YYRHSLOC(Rhs, N).end;                            \
        } else {                                                         \
            (Cur).start = (Cur).end = YYRHSLOC(Rhs, 0).end;              \
        }                                                                \
    } while (0)
static const Span NO_SPAN = {0, 0};
/* a cell's figure, from the symbol `from` to `to`, added to the row being read */
#define PUSH_FIGURE(negative, figure, percent, from, to)                          \
    ast_cells_push(p, ast_cell_figure(p, (SignedFig){negative, figure}, percent,  \
                                      (Span){(from).start, (to).end}))
}

%union {
    const char *name;
    const char *string;
    FigureTok figure;
    SignedFig signed_figure;
    int32_t date;
    int number;
    PtrVec *list;
    Expr *expr;
    Table *table;
    Column *column;
    Cell cell;
    Allocation *alloc;
    AllocGroup *group;
    AllocMember *member;
    Param *param;
    ReportEntry *entry;
    LedgerRow *lrow;
}

%token <name> NAME "name"
%token <string> STRING "string"
%token <figure> FIGURE "figure"
%token <date> DATE "date"
%token IMPORT "'import'" REPORT "'report'" ALLOCATION "'allocation'"
%token PARAM "'param'" CHECK "'check'" SECTION "'section'" NOTE "'note'" UNIT "'unit'"
%token BY "'by'" FROM "'from'" SOURCE "'source'" ERROR_WORD "'error'"
%token WARNING_WORD "'warning'" ELSE "'else'" WHERE "'where'"
%token AND "'and'" OR "'or'" NOT "'not'"
%token LOCAL "'local'" REQUIRE "'require'" AS "'as'"
%token BLANK_ZERO "'blank zero'"
%token UNTIL "'until'"
%token ABSENT "'absent'"
%token LEDGER "'ledger'" ACCOUNT_RANGE "account range"
%token EQ "'=='" NE "'!='" LE "'<='" GE "'>='" LT "'<'" GT "'>'"

%left OR
%left AND
%precedence NOT
%nonassoc EQ NE LT LE GT GE
%left '+' '-'
%left '*' '/'
%precedence UMINUS
/* The other one-character tokens in the order of their numbers, which is the order a
 * message lists what was expected in ("expected ..., '|' or '='"): here, so that it does
 * not follow where in the rules each is first used. */
%token '{' '}' '(' ')' '%' ',' '|' '?' '.' '=' ':' '[' ']'

%type <string> opt_string opt_source opt_else
%type <name> opt_name opt_unit_word
%type <number> opt_severity opt_percent opt_local
%type <signed_figure> signed_figure
%type <list> report_entries columns groups members args arglist requirements
%type <list> ledger_rows accounts account_term
%type <lrow> ledger_row
%type <entry> report_entry
%type <table> table_head
%type <number> table_kind
%type <column> column
%type <cell> cell
%type <alloc> alloc_head
%type <group> group
%type <member> member
%type <param> param_head
%type <expr> opt_formula expr primary ref arg

%%

/* file -> {decl} */
file
    : %empty
    | file decl
    | file error
    ;

decl
    : IMPORT STRING                                 { ast_import(p, $2, NULL, @$); }
    | IMPORT STRING AS NAME                         { ast_import(p, $2, $4, @$); }
    | REQUIRE requirements                          { ast_require(p, $2, @$); }
    | REPORT opt_string '{' report_entries '}'      { ast_report(p, $2, $4, @$); }
    | table_kind opt_string '{' report_entries '}'  { ast_plan(p, $1, $2, $4, @1, @$); }
    | table
    | allocation
    | param
    | check
    | ABSENT NAME STRING                            { ast_absent(p, $2, @2, $3, @$); }
    | LEDGER NAME '{' ledger_rows '}'               { ast_ledger(p, $2, @2, $4, @$); }
    ;

/* ledger_rows -> {NAME 'from' accounts} */
ledger_rows
    : %empty                            { $$ = ast_list(p); }
    | ledger_rows ledger_row            { $$ = ast_push(p, $1, $2); }
    | ledger_rows error                 { $$ = $1; }
    ;

ledger_row
    : NAME FROM accounts                { $$ = ast_ledger_row(p, $1, @1, $3, @$); }
    ;

/* accounts -> account_term {('+' | '-') account_term} */
accounts
    : account_term
    | accounts '+' account_term         { $$ = ast_accounts_join(p, $1, 1, $3); }
    | accounts '-' account_term         { $$ = ast_accounts_join(p, $1, -1, $3); }
    ;

/* account_term -> FIGURE | ACCOUNT_RANGE | '(' accounts ')' | '-' account_term */
account_term
    : FIGURE                            { $$ = ast_accounts(p, @1); }
    | ACCOUNT_RANGE                     { $$ = ast_accounts(p, @1); }
    | '(' accounts ')'                  { $$ = $2; }
    | '-' account_term                  { $$ = ast_accounts_join(p, ast_list(p), -1, $2); }
    ;

/* report_entries -> {NAME (STRING | signed_figure | DATE)} */
report_entries
    : %empty                            { $$ = ast_list(p); }
    | report_entries report_entry       { $$ = ast_push(p, $1, $2); }
    ;

report_entry
    : NAME STRING                       { $$ = ast_entry_text(p, $1, $2, @$); }
    | NAME signed_figure                { $$ = ast_entry_figure(p, $1, $2, @$); }
    | NAME DATE                         { $$ = ast_entry_date(p, $1, $2, @$); }
    | LEDGER STRING                     { $$ = ast_entry_text(p, "ledger", $2, @$); }
    ;

/* table -> KIND NAME [STRING] {unit U | note N}; KIND is a name:
 * accounts, budget, indicators or table, so that 'budget' can also name a column */
/* '(' columns ')' '{' items '}' */
table
    : table_head '(' columns ')' '{' items '}'      { ast_table(p, $1, $3, @$); }
    ;

/* Told as soon as the word is read, so that "90 kr" at the end of a check, read as the
 * start of a table, is named for what it is rather than as a missing table name; not
 * while the parser skips words after a syntax error. */
table_kind
    : NAME                              { $$ = YYRECOVERING() ? KIND_UNKNOWN
                                                              : ast_table_kind(p, $1, @1); }
    ;

table_head
    : table_kind NAME opt_string        { $$ = ast_table_head(p, ast_table_kind_of(p, $1, @1),
                                                              $2, @2, $3, @$); }
    | table_head UNIT NAME              { ast_table_unit(p, $1, $3, @3); $$ = $1; }
    | table_head UNIT '%'               { ast_table_unit(p, $1, "%", @3); $$ = $1; }
    | table_head NOTE FIGURE            { ast_table_note(p, $1, $3, @3); $$ = $1; }
    | table_head BLANK_ZERO             { $1->blank_zero = true; $$ = $1; }
    ;

columns
    : column                            { $$ = ast_push(p, ast_list(p), $1); }
    | columns ',' column                { $$ = ast_push(p, $1, $3); }
    ;

/* column -> (FIGURE | NAME) [STRING] ['=' expr] */
column
    : FIGURE opt_string opt_formula     { $$ = ast_column_year(p, $1, $2, $3, @$); }
    | NAME opt_string opt_formula       { $$ = ast_column_named(p, $1, $2, $3, @$); }
    | FIGURE NAME opt_string opt_formula
                                { $$ = ast_column_plan(p, $1, $2, $3, $4, @$); }
    ;

/* Rows are added to the table being parsed as they are read (ast_row). Rows and
 * sections straight in items, and a row's label and formula written out in its rules
 * rather than through an item, an opt_string and an opt_formula: a report has millions
 * of rows, and each rule less is a reduction less for each. */
items
    : %empty
    | items row
    | items section
    | items error
    ;

/* section -> 'section' [NAME] STRING '{' items '}' */
section
    : SECTION opt_name STRING '{'       { ast_section_open(p, $2, $3, @1); }
      items '}'                         { ast_section_close(p, @$); }
    ;

/* row -> NAME [STRING] ['note' FIGURE] ['=' expr] {'|' cell} */
row
    : NAME cells            { ast_row(p, $1, NULL, NULL, NO_SPAN, NULL, @$); }
    | NAME '=' expr cells   { ast_row(p, $1, NULL, NULL, NO_SPAN, $3, @$); }
    | NAME STRING cells     { ast_row(p, $1, $2, NULL, NO_SPAN, NULL, @$); }
    | NAME STRING '=' expr cells
                            { ast_row(p, $1, $2, NULL, NO_SPAN, $4, @$); }
    | NAME NOTE FIGURE cells
                            { ast_row(p, $1, NULL, &$3, @3, NULL, @$); }
    | NAME NOTE FIGURE '=' expr cells
                            { ast_row(p, $1, NULL, &$3, @3, $5, @$); }
    | NAME STRING NOTE FIGURE cells
                            { ast_row(p, $1, $2, &$4, @4, NULL, @$); }
    | NAME STRING NOTE FIGURE '=' expr cells
                            { ast_row(p, $1, $2, &$4, @4, $6, @$); }
    ;

/* cells -> {'|' cell}, each cell written out here as in cell below, so that a cell is
 * one reduction, not two */
cells
    : %empty                            { ast_cells_start(p); }
    | cells '|'                         { ast_cells_push(p, ast_cell(p, CELL_EMPTY,
                                                                     (Span){@2.end, @2.end})); }
    | cells '|' FIGURE                  { PUSH_FIGURE(false, $3, 0, @3, @3); }
    | cells '|' FIGURE '%'              { PUSH_FIGURE(false, $3, 1, @3, @4); }
    | cells '|' '-' FIGURE              { PUSH_FIGURE(true, $4, 0, @3, @4); }
    | cells '|' '-' FIGURE '%'          { PUSH_FIGURE(true, $4, 1, @3, @5); }
    | cells '|' '+' FIGURE              { PUSH_FIGURE(false, $4, 0, @3, @4); }
    | cells '|' '+' FIGURE '%'          { PUSH_FIGURE(false, $4, 1, @3, @5); }
    | cells '|' '(' FIGURE ')'          { PUSH_FIGURE(true, $4, 0, @3, @5); }
    | cells '|' '(' FIGURE ')' '%'      { PUSH_FIGURE(true, $4, 1, @3, @6); }
    | cells '|' '-'                     { ast_cells_push(p, ast_cell(p, CELL_DASH, @3)); }
    | cells '|' STRING                  { ast_cells_push(p, ast_cell(p, CELL_TEXT, @3)); }
    | cells '|' '?'                     { ast_cells_push(p, ast_cell_todo(p, @3)); }
    ;

/* cell -> [printed_figure ['%'] | '-' | STRING | '?']; a printed figure is a figure
 * with '-' or '+' before it, or in parentheses (negative; '-' is also U+2212 and the en
 * dash U+2013, one token). Written out rather than through a printed_figure and an
 * opt_percent: a report has millions of cells, and each rule less is a reduction less
 * for each. */
cell
    : %empty                            { $$ = ast_cell(p, CELL_EMPTY, @$); }
    | FIGURE                            { $$ = ast_cell_figure(p, (SignedFig){false, $1}, 0, @$); }
    | FIGURE '%'                        { $$ = ast_cell_figure(p, (SignedFig){false, $1}, 1, @$); }
    | '-' FIGURE                        { $$ = ast_cell_figure(p, (SignedFig){true, $2}, 0, @$); }
    | '-' FIGURE '%'                    { $$ = ast_cell_figure(p, (SignedFig){true, $2}, 1, @$); }
    | '+' FIGURE                        { $$ = ast_cell_figure(p, (SignedFig){false, $2}, 0, @$); }
    | '+' FIGURE '%'                    { $$ = ast_cell_figure(p, (SignedFig){false, $2}, 1, @$); }
    | '(' FIGURE ')'                    { $$ = ast_cell_figure(p, (SignedFig){true, $2}, 0, @$); }
    | '(' FIGURE ')' '%'                { $$ = ast_cell_figure(p, (SignedFig){true, $2}, 1, @$); }
    | '-'                               { $$ = ast_cell(p, CELL_DASH, @$); }
    | STRING                            { $$ = ast_cell(p, CELL_TEXT, @$); }
    | '?'                               { $$ = ast_cell_todo(p, @$); }
    ;

signed_figure
    : FIGURE                            { $$ = (SignedFig){false, $1}; }
    | '-' FIGURE                        { $$ = (SignedFig){true, $2}; }
    ;

opt_percent
    : %empty        { $$ = 0; }
    | '%'           { $$ = 1; }
    ;

/* allocation -> 'allocation' NAME [STRING] {NAME cell} '{' {group} '}' */
allocation
    : alloc_head '{' groups '}'         { ast_alloc(p, $1, $3, @$); }
    ;

alloc_head
    : ALLOCATION NAME opt_string        { $$ = ast_alloc_head(p, $2, @2, $3, @$); }
    | alloc_head NAME cell              { ast_alloc_option(p, $1, $2, @2, $3); $$ = $1; }
    ;

groups
    : %empty                            { $$ = ast_list(p); }
    | groups group                      { $$ = ast_push(p, $1, $2); }
    | groups error                      { $$ = $1; }
    ;

/* group -> NAME [STRING] expr ['by' NAME ['.' NAME]] '{' {member} '}' */
group
    : NAME opt_string expr '{' members '}'
                            { $$ = ast_group(p, $1, $2, $3, NULL, NO_SPAN, $5, @$); }
    | NAME opt_string expr BY NAME '{' members '}'
                            { $$ = ast_group(p, $1, $2, $3, $5, @5, $7, @$); }
    | NAME opt_string expr BY NAME '.' NAME '{' members '}'
                            { $$ = ast_group(p, $1, $2, $3, ast_dotted(p, $5, $7),
                                             (Span){@5.start, @7.end}, $9, @$); }
    ;

members
    : %empty                            { $$ = ast_list(p); }
    | members member                    { $$ = ast_push(p, $1, $2); }
    ;

member
    : NAME opt_string '|' cell          { $$ = ast_member(p, $1, $2, $4, @$); }
    ;

/* param -> 'param' ['local'] NAME [STRING] ['=' signed_figure ['%' | 'unit' NAME]]
 *          {'from' DATE | 'source' STRING} */
param
    : param_head
    ;

param_head
    : PARAM opt_local NAME opt_string '=' signed_figure opt_unit_word
                            { $$ = ast_param(p, $2, $3, @3, $4, &$6, $7, @6, @$); }
    | PARAM opt_local NAME opt_string
                            { $$ = ast_param(p, $2, $3, @3, $4, NULL, NULL, @3, @$); }
    | param_head FROM DATE              { ast_param_from(p, $1, $3, @3); $$ = $1; }
    | param_head SOURCE STRING          { ast_param_source(p, $1, $3, @3); $$ = $1; }
    ;

opt_local
    : %empty        { $$ = 0; }
    | LOCAL         { $$ = 1; }
    ;

/* requirements -> ref {',' ref} */
requirements
    : ref                               { $$ = ast_push(p, ast_list(p), $1); }
    | requirements ',' ref              { $$ = ast_push(p, $1, $3); }
    ;

opt_unit_word
    : %empty        { $$ = NULL; }
    | '%'           { $$ = "%"; }
    | UNIT NAME     { $$ = $2; }
    ;

/* check -> 'check' NAME [STRING] ['error' | 'warning'] {'from' DATE | 'until' DATE}
 *          ['source' STRING] ':' expr ['else' STRING] */
check
    : CHECK NAME opt_string opt_severity check_dates opt_source ':' expr opt_else
                            { ast_check(p, $2, @2, $3, $4, $6, $8, $9, @$); }
    ;

/* the years a check is in force, kept in the parser until ast_check takes them */
check_dates
    : %empty                            { p->check_from = p->check_until = 0; }
    | check_dates FROM DATE             { p->check_from = $3; }
    | check_dates UNTIL DATE            { p->check_until = $3; }
    ;

opt_severity
    : %empty            { $$ = SEV_ERROR; }
    | ERROR_WORD        { $$ = SEV_ERROR; }
    | WARNING_WORD      { $$ = SEV_WARNING; }
    ;

opt_source
    : %empty            { $$ = NULL; }
    | SOURCE STRING     { $$ = $2; }
    ;

opt_else
    : %empty            { $$ = NULL; }
    | ELSE STRING       { $$ = $2; }
    ;

opt_string
    : %empty            { $$ = NULL; }
    | STRING
    ;

opt_name
    : %empty            { $$ = NULL; }
    | NAME
    ;

opt_formula
    : %empty            { $$ = NULL; }
    | '=' expr          { $$ = $2; }
    ;

expr
    : expr OR expr                      { $$ = ast_binary(p, OP_OR, $1, $3, @$); }
    | expr AND expr                     { $$ = ast_binary(p, OP_AND, $1, $3, @$); }
    | NOT expr                          { $$ = ast_unary(p, E_NOT, $2, @$); }
    | expr EQ expr                      { $$ = ast_binary(p, OP_EQ, $1, $3, @$); }
    | expr NE expr                      { $$ = ast_binary(p, OP_NE, $1, $3, @$); }
    | expr LT expr                      { $$ = ast_binary(p, OP_LT, $1, $3, @$); }
    | expr LE expr                      { $$ = ast_binary(p, OP_LE, $1, $3, @$); }
    | expr GT expr                      { $$ = ast_binary(p, OP_GT, $1, $3, @$); }
    | expr GE expr                      { $$ = ast_binary(p, OP_GE, $1, $3, @$); }
    | expr '+' expr                     { $$ = ast_binary(p, OP_ADD, $1, $3, @$); }
    | expr '-' expr                     { $$ = ast_binary(p, OP_SUB, $1, $3, @$); }
    | expr '*' expr                     { $$ = ast_binary(p, OP_MUL, $1, $3, @$); }
    | expr '/' expr                     { $$ = ast_binary(p, OP_DIV, $1, $3, @$); }
    | '-' expr %prec UMINUS             { $$ = ast_unary(p, E_NEG, $2, @$); }
    | primary
    ;

primary
    : FIGURE opt_percent                { $$ = ast_figure(p, $1, $2, @$); }
    | DATE                              { $$ = ast_date(p, $1, @$); }
    | '?'                               { $$ = ast_figure_todo(p, @$); }
    | ref
    | NAME '(' args ')'                 { $$ = ast_call(p, $1, @1, $3, @$); }
    | '(' expr ')'                      { $$ = $2; $$->loc = parse_loc(p, @$); }
    ;

/* ref -> NAME {'.' NAME} ['[' (NAME | FIGURE) ']'] */
ref
    : NAME                              { $$ = ast_ref(p, NULL, $1, @1, @$); }
    | ref '.' NAME                      { $$ = ast_ref(p, $1, $3, @3, @$); }
    | ref '[' NAME ']'                  { $$ = ast_select_name(p, $1, $3, @$); }
    | ref '[' FIGURE ']'                { $$ = ast_select_year(p, $1, $3, @3, @$); }
    ;

args
    : %empty                            { $$ = ast_list(p); }
    | arglist
    ;

arglist
    : arg                               { $$ = ast_push(p, ast_list(p), $1); }
    | arglist ',' arg                   { $$ = ast_push(p, $1, $3); }
    ;

arg
    : expr
    | expr WHERE expr                   { $$ = ast_where(p, $1, $3, @$); }
    ;

%%

/* Bison's context types are local to this file: hand the facts to parse.c. */
int yyreport_syntax_error(const yypcontext_t *ctx, void *scanner, Parser *p)
{
    (void)scanner;
#ifdef FINSAM_PARSE_FAST
    /* The parser built without LAC (parse.c): it only finds that there is an error, and
     * stops; the parser with LAC reads the file again to say which. */
    (void)ctx;
    p->gave_up = true;
    p->errors++;
    return 0;
#else
    enum { MAX_EXPECTED = 64 };
    yysymbol_kind_t expected[MAX_EXPECTED];
    const char *names[MAX_EXPECTED];
    int n = yypcontext_expected_tokens(ctx, expected, MAX_EXPECTED), k = 0;
    /* optional words that are not suggested: a table's 'blank zero', and a check's
     * dates (where 'until' may come, 'from' is a check's date too) */
    bool check_dates = false, name = false;
    for (int i = 0; i < n; i++) {
        check_dates |= expected[i] == YYSYMBOL_UNTIL;
        name |= expected[i] == YYSYMBOL_NAME;
    }
    /* nor 'ledger' where a name may come: a report entry, a declaration */
    for (int i = 0; i < n; i++)
        if (expected[i] != YYSYMBOL_BLANK_ZERO && expected[i] != YYSYMBOL_UNTIL &&
            !(check_dates && expected[i] == YYSYMBOL_FROM) &&
            !(name && expected[i] == YYSYMBOL_LEDGER))
            names[k++] = yysymbol_name(expected[i]);
    n = k;
    yysymbol_kind_t found = yypcontext_token(ctx);
    parse_syntax_error(p, *yypcontext_location(ctx), names, n,
                       found == YYSYMBOL_YYEOF ? NULL : yysymbol_name(found),
                       found == YYSYMBOL_YYUNDEF);
    return 0;
#endif
}

void yyerror(YYLTYPE *loc, void *scanner, Parser *p, const char *message)
{
    (void)scanner;
#ifdef FINSAM_PARSE_FAST
    (void)loc;
    (void)message;
    p->gave_up = true;
    p->errors++;
    return;
#endif
    if (strcmp(message, "memory exhausted") == 0)
        parse_error(p, *loc, _("this is nested too deeply for finsam to read"),
                    _("sections may nest about 1 600 deep and parentheses about 9 900 "
                      "deep; write it with fewer levels"));
    else
        parse_error(p, *loc, message, NULL); /* bison's own words, in English */
}
