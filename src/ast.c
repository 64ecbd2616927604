/* ast: the constructors the grammar's actions call. They build nodes, and report
 * what can be told from one declaration alone (a malformed year, a wrong unit
 * word); everything that needs other declarations waits for resolve.c. */
#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "i18n.h"
#include "parse.h"

Loc parse_loc(const Parser *p, Span s)
{
    Loc l = {p->src, s.start, s.end};
    return l;
}

PtrVec *ast_list(Parser *p) { return arena_alloc(p->arena, sizeof(PtrVec)); }

PtrVec *ast_push(Parser *p, PtrVec *list, void *item)
{
    if (item)
        ptrvec_push(p->arena, list, item);
    return list;
}

static void add_decl(Parser *p, DeclType type, void *node)
{
    Decl *d = arena_alloc(p->arena, sizeof *d);
    d->type = type;
    d->u.import = node; /* all members are pointers */
    ptrvec_push(p->arena, &p->module->decls, d);
}

void ast_import(Parser *p, const char *path, const char *alias, Span at)
{
    Import *im = arena_alloc(p->arena, sizeof *im);
    im->path = path;
    im->alias = alias;
    im->loc = parse_loc(p, at);
    add_decl(p, D_IMPORT, im);
}

void ast_require(Parser *p, PtrVec *refs, Span at)
{
    Require *rq = arena_alloc(p->arena, sizeof *rq);
    rq->refs = *refs;
    rq->loc = parse_loc(p, at);
    add_decl(p, D_REQUIRE, rq);
}

static Report *report_decl(Parser *p, const char *title, PtrVec *entries, Span at)
{
    Report *r = arena_alloc(p->arena, sizeof *r);
    r->title = title;
    r->entries = *entries;
    r->loc = parse_loc(p, at);
    add_decl(p, D_REPORT, r);
    return r;
}

void ast_report(Parser *p, const char *title, PtrVec *entries, Span at)
{
    report_decl(p, title, entries, at);
}



static ReportEntry *entry(Parser *p, const char *key, Span at)
{
    ReportEntry *e = arena_alloc(p->arena, sizeof *e);
    e->key = key;
    e->loc = parse_loc(p, at);
    return e;
}

ReportEntry *ast_entry_text(Parser *p, const char *key, const char *text, Span at)
{
    ReportEntry *e = entry(p, key, at);
    e->text = text;
    return e;
}

ReportEntry *ast_entry_figure(Parser *p, const char *key, SignedFig f, Span at)
{
    ReportEntry *e = entry(p, key, at);
    e->value.kind = K_NUMBER;
    e->value.value = f.figure.value;
    if (f.negative)
        e->value.value = num_micro(-f.figure.value.hi, -f.figure.value.lo);
    e->value.decimals = f.figure.decimals;
    return e;
}

ReportEntry *ast_entry_date(Parser *p, const char *key, int32_t date, Span at)
{
    ReportEntry *e = entry(p, key, at);
    e->value.kind = K_DATE;
    e->value.value = num_units(date);
    return e;
}

int ast_table_kind(Parser *p, const char *kind, Span at)
{
    static const char *const kinds[] = {"accounts", "budget", "indicators", "table"};
    for (int k = 0; k < 4; k++)
        if (strcmp(kind, kinds[k]) == 0)
            return k; /* kinds[] is in TableKind's order */
    if (strcmp(kind, "plan") == 0)
        return KIND_PLAN;
    Diag *g = diag_at(p->diags, SEV_ERROR, parse_loc(p, at),
                      _("'%s' does not start a declaration"), kind);
    diag_note(p->diags, g, "%s", _("hint: a declaration starts with import, require, "
                                   "report, plan, accounts, budget, indicators, table, "
                                   "allocation, param, check, absent or ledger"));
    p->errors++;
    return KIND_UNKNOWN;
}

int ast_table_kind_of(Parser *p, int kind, Span at)
{
    if (kind == KIND_PLAN) {
        Diag *g = diag_at(p->diags, SEV_ERROR, parse_loc(p, at), "%s",
                          _("'plan' starts a plan's block, not a table"));
        diag_note(p->diags, g, "%s", _("hint: plan \"Verksamhetsplan med budget 2025\" { year "
                                       "2025 }; a table starts with its kind: budget NAME ..."));
        p->errors++;
    }
    return kind >= 0 && kind < KIND_PLAN ? kind : T_TABLE;
}

void ast_plan(Parser *p, int kind, const char *title, PtrVec *entries, Span kind_at, Span at)
{
    if (kind == KIND_PLAN) {
        report_decl(p, title, entries, at)->plan = true;
    } else if (kind != KIND_UNKNOWN) {
        Diag *g = diag_at(p->diags, SEV_ERROR, parse_loc(p, kind_at), "%s",
                          _("a table's kind is followed by the table's name"));
        diag_note(p->diags, g, "%s", _("hint: budget operations \"Budget 2025\" (budget) { ... }"));
        p->errors++;
    }
}

Table *ast_table_head(Parser *p, int kind, const char *name, Span name_at, const char *title,
                      Span at)
{
    Table *t = arena_alloc(p->arena, sizeof *t);
    t->tkind = (TableKind)kind;
    t->name = name;
    t->title = title;
    t->unit = U_KR;
    t->loc = parse_loc(p, at);
    t->name_loc = parse_loc(p, name_at);
    t->src = p->src;
    /* the rows that follow belong to this table */
    p->table = t;
    p->ncolumns = 0;
    p->nrows = 0;
    p->section = NULL;
    return t;
}

void ast_absent(Parser *p, const char *name, Span name_at, const char *reason, Span at)
{
    Table *t = arena_alloc(p->arena, sizeof *t);
    t->tkind = T_TABLE;
    t->name = name;
    t->unit = U_KR;
    t->absent_reason = reason;
    t->loc = parse_loc(p, at);
    t->name_loc = parse_loc(p, name_at);
    t->src = p->src;
    t->rows = arena_alloc(p->arena, sizeof(Row *));
    add_decl(p, D_TABLE, t);
}

void ast_table_unit(Parser *p, Table *t, const char *word, Span at)
{
    static const struct { const char *word; Unit unit; } units[] = {
        {"kr", U_KR}, {"tkr", U_TKR}, {"mkr", U_MKR}, {"%", U_PERCENT}, {"count", U_COUNT},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(word, units[i].word) == 0) {
            t->unit = units[i].unit;
            return;
        }
    Diag *g = diag_at(p->diags, SEV_ERROR, parse_loc(p, at), _("unknown unit '%s'"), word);
    diag_note(p->diags, g, _("hint: a table's unit is kr, tkr, mkr, %% or count"));
    p->errors++;
}

/* A figure that must be a whole number, such as a note number or a year; message says
 * so, with the least and the greatest allowed (two %d), untranslated (N_): it is
 * translated only when it is said. */
static int whole(Parser *p, FigureTok f, Span at, const char *message, int min, int max)
{
    int64_t units = f.value.lo / NUM_SCALE;
    if (f.malformed)
        return min; /* the figure itself has been reported */
    if (f.decimals == 0 && f.value.lo % NUM_SCALE == 0 && units >= min && units <= max)
        return (int)units;
    diag_at(p->diags, SEV_ERROR, parse_loc(p, at), _(message), min, max);
    p->errors++;
    return min;
}

void ast_table_note(Parser *p, Table *t, FigureTok note, Span at)
{
    t->note = whole(p, note, at, N_("a note number must be a whole number from %d to %d"), 1,
                    999);
}

void ast_table(Parser *p, Table *t, PtrVec *columns, Span at)
{
    t->loc = parse_loc(p, at);
    t->columns = (Column **)columns->items;
    t->ncolumns = columns->len;
    for (int i = 0; i < t->ncolumns; i++)
        t->columns[i]->index = i;
    t->nrows = p->nrows;
    t->rows = arena_alloc_raw(p->arena, sizeof(Row *) * (size_t)(p->nrows ? p->nrows : 1));
    if (p->nrows)
        memcpy(t->rows, p->rows, sizeof(Row *) * (size_t)p->nrows);
    add_decl(p, D_TABLE, t);
}

static Column *column(Parser *p, const char *label, Expr *formula, Span at)
{
    Column *c = arena_alloc(p->arena, sizeof *c);
    p->ncolumns++;
    c->label = label;
    c->formula = formula;
    c->loc = parse_loc(p, at);
    return c;
}

Column *ast_column_year(Parser *p, FigureTok year, const char *label, Expr *formula, Span at)
{
    Column *c = column(p, label, formula, at);
    Span y = {at.start, at.start + 4};
    c->key.year = whole(p, year, y, N_("a year column must be a whole number from %d to %d"),
                        1900, 2999);
    return c;
}

/* Its key has both the year and the word, so that it is neither the year's outcome
 * (table.row[2021]) nor compared with that year's file; [budget] chooses it. */
Column *ast_column_plan(Parser *p, FigureTok year, const char *word, const char *label,
                        Expr *formula, Span at)
{
    Column *c = ast_column_year(p, year, label, formula, at);
    c->key.name = word;
    return c;
}

Column *ast_column_named(Parser *p, const char *name, const char *label, Expr *formula,
                         Span at)
{
    Column *c = column(p, label, formula, at);
    c->key.name = name;
    return c;
}

/* Grows a scratch array of the parser's (not in the arena: it is reused). */
static void *grow(void *items, int *cap, size_t size)
{
    *cap = *cap ? *cap * 2 : 64;
    return mem_realloc(items, (size_t)*cap * size);
}

Row *row_new(Arena *a, Expr *formula, Section *section, int room)
{
    size_t before = (formula != NULL) + (section != NULL);
    void **block = arena_alloc(a, sizeof(void *) * before + sizeof(Row) +
                                      sizeof(Cell) * (size_t)(room > 0 ? room : 1));
    Row *r = (Row *)(block + before);
    if (section) {
        block[0] = section;
        r->has_section = 1;
    }
    if (formula) {
        block[before - 1] = formula;
        r->has_formula = 1;
    }
    return r;
}

void ast_row(Parser *p, const char *name, const char *label, const FigureTok *note,
             Span note_at, Expr *formula, Span at)
{
    /* the row and its cells in one piece: a large report has millions of rows; a row
     * with none gets room for a cell per column, which resolve.c computes */
    int room = p->ncells ? p->ncells : p->ncolumns;
    Row *r = row_new(p->arena, formula, p->section, room);
    r->name = name;
    r->label = label;
    if (note) {
        r->note = (uint16_t)whole(p, *note, note_at,
                                  N_("a note number must be a whole number from %d to %d"), 1,
                                  999);
    }
    r->ncells = (uint16_t)p->ncells;
    if (p->ncells)
        memcpy(r->cells, p->cells, sizeof(Cell) * (size_t)p->ncells);
    r->span = at;
    r->index = p->nrows;
    if (p->nrows == p->rows_cap)
        p->rows = grow(p->rows, &p->rows_cap, sizeof *p->rows);
    p->rows[p->nrows++] = r;
}

void ast_section_open(Parser *p, const char *name, const char *label, Span at)
{
    Section *s = arena_alloc(p->arena, sizeof *s);
    s->name = name;
    s->label = label;
    s->loc = parse_loc(p, at);
    s->parent = p->section;
    s->table = p->table;
    s->first_row = p->nrows;
    if (p->table)
        ptrvec_push(p->arena, &p->table->sections, s);
    p->section = s;
}

void ast_section_close(Parser *p, Span at)
{
    Section *s = p->section;
    if (!s)
        return;
    s->loc = loc_span(s->loc, parse_loc(p, at));
    s->end_row = p->nrows;
    p->section = s->parent;
}

void ast_cells_start(Parser *p) { p->ncells = 0; }

void ast_cells_push(Parser *p, Cell cell)
{
    if (p->ncells == UINT16_MAX) {
        parse_error(p, cell_span(&cell), _("a row has at most 65535 cells"), NULL);
        return;
    }
    if (p->ncells == p->cells_cap)
        p->cells = grow(p->cells, &p->cells_cap, sizeof *p->cells);
    p->cells[p->ncells++] = cell;
}

Cell ast_cell(Parser *p, CellType type, Span at)
{
    (void)p;
    Cell c = {0};
    c.type = (uint8_t)type;
    c.start = at.start;
    /* An empty cell has no text of its own: point between the bars. */
    uint32_t len = type == CELL_EMPTY ? 0 : at.end - at.start;
    c.len = (uint16_t)(len > UINT16_MAX ? UINT16_MAX : len);
    return c;
}

/* '?': nothing stated yet, and counted so that check can say how much is left. */
Cell ast_cell_todo(Parser *p, Span at)
{
    Cell c = ast_cell(p, CELL_TEXT, at);
    c.type = CELL_EMPTY;
    c.todo = 1;
    p->module->todo_cells++;
    return c;
}

Cell ast_cell_figure(Parser *p, SignedFig f, bool percent, Span at)
{
    Cell c = ast_cell(p, CELL_FIGURE, at);
    c.figure = f.negative ? -f.figure.value.lo : f.figure.value.lo;
    c.decimals = (uint8_t)(f.figure.decimals & 15);
    c.percent = percent;
    return c;
}

Allocation *ast_alloc_head(Parser *p, const char *name, Span name_at, const char *title,
                           Span at)
{
    Allocation *a = arena_alloc(p->arena, sizeof *a);
    a->name = name;
    a->title = title;
    a->loc = parse_loc(p, at);
    a->name_loc = parse_loc(p, name_at);
    return a;
}

void ast_alloc_option(Parser *p, Allocation *a, const char *word, Span word_at, Cell value)
{
    if (strcmp(word, "total") == 0 && (value.type == CELL_FIGURE || value.todo)) {
        a->total = value; /* or '?', still to be filled in: nothing is split yet */
    } else if (strcmp(word, "exact") == 0 && value.type == CELL_EMPTY && !value.todo) {
        a->exact_shares = true;
    } else if (strcmp(word, "rounding") == 0 && value.type == CELL_FIGURE) {
        a->rounding = value;
        a->has_rounding = true;
    } else {
        uint32_t end = cell_span(&value).end;
        Span at = {word_at.start, end > word_at.end ? end : word_at.end};
        Diag *g = diag_at(p->diags, SEV_ERROR, parse_loc(p, at),
                          _("an allocation takes 'total FIGURE' and 'rounding FIGURE', not '%s'"),
                          word);
        diag_note(p->diags, g, "%s", _("hint: allocation contributions \"Medlemsbidrag\" total "
                                       "7 864 000 { ... }"));
        p->errors++;
    }
}

void ast_alloc(Parser *p, Allocation *a, PtrVec *groups, Span at)
{
    a->loc = parse_loc(p, at);
    a->groups = (AllocGroup **)groups->items;
    a->ngroups = groups->len;
    for (int i = 0; i < a->ngroups; i++)
        a->groups[i]->alloc = a;
    if (a->total.type != CELL_FIGURE && !a->total.todo) {
        Diag *g = diag_at(p->diags, SEV_ERROR, a->name_loc,
                          _("allocation '%s' has no total"), a->name);
        diag_note(p->diags, g, "%s", _("hint: write the amount to split after the title: total "
                                       "7 864 000"));
        p->errors++;
    }
    add_decl(p, D_ALLOC, a);
}

AllocGroup *ast_group(Parser *p, const char *name, const char *label, Expr *fraction,
                      const char *by, Span by_at, PtrVec *members, Span at)
{
    AllocGroup *g = arena_alloc(p->arena, sizeof *g);
    g->name = name;
    g->label = label;
    g->fraction = fraction;
    g->by_name = by;
    g->by_loc = parse_loc(p, by_at);
    g->members = (AllocMember **)members->items;
    g->nmembers = members->len;
    for (int i = 0; i < g->nmembers; i++)
        g->members[i]->group = g;
    g->loc = parse_loc(p, at);
    return g;
}

const char *ast_dotted(Parser *p, const char *ns, const char *name)
{
    const char *both = arena_printf(p->arena, "%s.%s", ns, name);
    return parse_intern(p, both, strlen(both));
}

AllocMember *ast_member(Parser *p, const char *name, const char *label, Cell amount, Span at)
{
    AllocMember *m = arena_alloc(p->arena, sizeof *m);
    m->name = name;
    m->label = label;
    m->amount = amount;
    m->loc = parse_loc(p, at);
    return m;
}

Param *ast_param(Parser *p, int local, const char *name, Span name_at, const char *title,
                 const SignedFig *value, const char *unit, Span value_at, Span at)
{
    Param *pa = arena_alloc(p->arena, sizeof *pa);
    pa->local = local;
    pa->name = name;
    pa->title = title;
    pa->loc = parse_loc(p, at);
    pa->name_loc = parse_loc(p, name_at);
    pa->value_loc = parse_loc(p, value_at);
    add_decl(p, D_PARAM, pa);
    if (!value) {
        if (!local) {
            Diag *g = diag_at(p->diags, SEV_ERROR, pa->name_loc,
                              _("parameter '%s' has no value"), name);
            diag_note(p->diags, g, _("hint: param %s = 20%% from 2025-01-01; only a 'param "
                                     "local' may leave its value to each federation"), name);
            p->errors++;
        }
        return pa;
    }
    pa->has_value = true;
    Num v = value->negative ? num_exact(-value->figure.value.lo) : value->figure.value;
    pa->value.value = v;
    pa->value.decimals = (uint8_t)value->figure.decimals;
    pa->value.kind = K_NUMBER;
    pa->value.unit = U_NONE;
    if (unit && strcmp(unit, "%") == 0) {
        pa->value.kind = K_PERCENT;
        pa->value.unit = U_PERCENT;
        num_div(v, num_units(100), &pa->value.value);
    } else if (unit && strcmp(unit, "kr") == 0) {
        pa->value.kind = K_MONEY;
        pa->value.unit = U_KR;
    } else if (unit && strcmp(unit, "count") == 0) {
        pa->value.kind = K_COUNT;
        pa->value.unit = U_COUNT;
    } else if (unit) {
        Diag *g = diag_at(p->diags, SEV_ERROR, pa->value_loc, _("unknown unit '%s'"), unit);
        diag_note(p->diags, g, _("hint: a parameter's value is a figure, a percentage "
                                 "(20%%), an amount (500 000 unit kr) or a count (25 unit "
                                 "count)"));
        p->errors++;
    }
    return pa;
}

void ast_param_from(Parser *p, Param *param, int32_t date, Span at)
{
    (void)p;
    (void)at;
    param->from = date;
}

void ast_param_source(Parser *p, Param *param, const char *source, Span at)
{
    (void)p;
    (void)at;
    param->source = source;
}

void ast_check(Parser *p, const char *name, Span name_at, const char *title, int severity,
               const char *source, Expr *expr, const char *message, Span at)
{
    Check *c = arena_alloc(p->arena, sizeof *c);
    c->name = name;
    c->title = title;
    c->severity = (Severity)severity;
    c->source = source;
    c->expr = expr;
    c->message = message;
    c->from = p->check_from;
    c->until = p->check_until;
    c->loc = parse_loc(p, at);
    c->name_loc = parse_loc(p, name_at);
    add_decl(p, D_CHECK, c);
}

static Expr *expr(Parser *p, ExprType type, Span at)
{
    Expr *e = arena_alloc(p->arena, expr_size(type));
    e->type = type;
    e->loc = parse_loc(p, at);
    return e;
}

Expr *ast_figure(Parser *p, FigureTok f, bool percent, Span at)
{
    Expr *e = expr(p, E_FIGURE, at);
    e->u.figure.decimals = f.decimals;
    if (percent) {
        /* a percentage as printed in the text: 38% is 37,5 % to 38,5 % */
        e->u.figure.kind = K_PERCENT;
        e->u.figure.unit = U_PERCENT;
        figure_interval(f.value.lo, f.decimals, 1, 100, &e->u.figure.value);
        e->u.figure.printed = true;
        e->u.figure.figure = f.value.lo;
    } else {
        e->u.figure.kind = K_NUMBER;
        e->u.figure.value = f.value;
    }
    return e;
}

/* '?' in a formula or check: a figure of the report's text still to be read; the
 * check that holds it does not run until it is written. */
Expr *ast_figure_todo(Parser *p, Span at)
{
    Expr *e = expr(p, E_FIGURE, at);
    e->u.figure.kind = K_NUMBER;
    e->u.figure.todo = true;
    p->module->todo_figures++;
    return e;
}

Expr *ast_date(Parser *p, int32_t date, Span at)
{
    Expr *e = expr(p, E_DATE, at);
    e->u.date = date;
    return e;
}

/* The room a reference needs for `nnames` names or for a [name]: made for two names,
 * and made again for four when it has a third. */
static RefMore *ref_more(Parser *p, Expr *e, int nnames)
{
    RefMore *m = e->has_more ? e->u.ref.more : NULL;
    int room = ref_more_room(nnames);
    if (!m || ref_more_room(e->nnames) < room) {
        m = arena_alloc(p->arena, sizeof *m + sizeof *m->names * (size_t)room);
        if (e->has_more) {
            m->sel_name = e->u.ref.more->sel_name;
            memcpy(m->names, e->u.ref.more->names, sizeof *m->names * e->nnames);
        } else {
            m->names[0] = e->u.ref.name;
        }
        e->u.ref.more = m;
        e->has_more = true;
    }
    return m;
}

Expr *ast_ref(Parser *p, Expr *prefix, const char *name, Span name_at, Span at)
{
    Expr *e = prefix ? prefix : expr(p, E_REF, at);
    e->loc = parse_loc(p, at);
    if (e->has_sel) {
        diag_at(p->diags, SEV_ERROR, parse_loc(p, name_at),
                "%s", _("a name cannot follow a column choice [...]"));
        p->errors++;
        return e;
    }
    if (e->nnames == 4) {
        Diag *g = diag_at(p->diags, SEV_ERROR, parse_loc(p, name_at),
                          "%s", _("a reference has at most four parts"));
        diag_note(p->diags, g, "%s", _("hint: table.row, allocation.group.member, or one of "
                                       "these after the name of an import: ns.table.row"));
        p->errors++;
        return e;
    }
    if (e->nnames == 0)
        e->u.ref.name = name;
    else
        ref_more(p, e, e->nnames + 1)->names[e->nnames] = name;
    e->nnames++;
    return e;
}

Expr *ast_select_name(Parser *p, Expr *ref, const char *name, Span at)
{
    ref->loc = parse_loc(p, at);
    ref->has_sel = true;
    ref_more(p, ref, ref->nnames)->sel_name = name;
    return ref;
}

Expr *ast_select_year(Parser *p, Expr *ref, FigureTok year, Span sel_at, Span at)
{
    ref->loc = parse_loc(p, at);
    ref->has_sel = true;
    ref->sel_year = (int16_t)whole(p, year, sel_at,
                                         N_("a year must be a whole number from %d to %d"), 1900,
                                         2999);
    return ref;
}

/* Expressions are walked by recursion: one nested deeper than this is refused
 * where it is written, rather than allowed to overflow the stack later. */
enum { MAX_EXPR_DEPTH = 1000 };

static Expr *nest(Parser *p, Expr *e, const Expr *a, const Expr *b)
{
    int depth = 1 + (a ? a->depth : 0);
    if (b && b->depth + 1 > depth)
        depth = b->depth + 1;
    if (depth > MAX_EXPR_DEPTH) {
        /* reported once, where it first goes too deep; deeper levels stay at the cap */
        depth = MAX_EXPR_DEPTH + 1;
        if ((!a || a->depth <= MAX_EXPR_DEPTH) && (!b || b->depth <= MAX_EXPR_DEPTH)) {
            Span at = {e->loc.start, e->loc.end};
            char *msg = arena_printf(p->arena, _("this expression is nested more than %d levels "
                                       "deep"), MAX_EXPR_DEPTH);
            parse_error(p, at, msg, _("add many rows with sum or sum(section) instead of "
                                      "+ ... +"));
        }
    }
    e->depth = (uint16_t)depth;
    return e;
}

Expr *ast_unary(Parser *p, ExprType type, Expr *operand, Span at)
{
    Expr *e = expr(p, type, at);
    e->u.unary.operand = operand;
    return nest(p, e, operand, NULL);
}

Expr *ast_binary(Parser *p, BinOp op, Expr *left, Expr *right, Span at)
{
    Expr *e = expr(p, E_BINARY, at);
    e->op = op;
    e->u.binary.left = left;
    e->u.binary.right = right;
    return nest(p, e, left, right);
}

Expr *ast_call(Parser *p, const char *name, Span name_at, PtrVec *args, Span at)
{
    static const struct { const char *name; Func func; } funcs[] = {
        {"sum", FN_SUM}, {"count", FN_COUNT}, {"min", FN_MIN}, {"max", FN_MAX},
        {"abs", FN_ABS}, {"round", FN_ROUND}, {"prev", FN_PREV},
    };
    Expr *e = expr(p, E_CALL, at);
    e->u.call.name = name;
    e->u.call.name_loc = parse_loc(p, name_at);
    e->u.call.args = *args;
    const Expr *deepest = NULL;
    for (int i = 0; i < args->len; i++)
        if (!deepest || ((Expr *)args->items[i])->depth > deepest->depth)
            deepest = args->items[i];
    nest(p, e, deepest, NULL);
    for (size_t i = 0; i < sizeof funcs / sizeof funcs[0]; i++)
        if (strcmp(name, funcs[i].name) == 0) {
            e->u.call.func = funcs[i].func;
            return e;
        }
    Diag *g = diag_at(p->diags, SEV_ERROR, parse_loc(p, name_at), _("unknown function '%s'"),
                      name);
    diag_note(p->diags, g, "%s", _("hint: the functions are sum, count, min, max, abs, round "
                                   "and prev"));
    p->errors++;
    e->u.call.func = FN_SUM;
    return e;
}

Expr *ast_where(Parser *p, Expr *rows, Expr *cond, Span at)
{
    Expr *e = expr(p, E_WHERE, at);
    e->u.where.rows = rows;
    e->u.where.cond = cond;
    return nest(p, e, rows, cond);
}

/* ---- ledger mappings (ledger.c) --------------------------------------------------- */

enum { ACCOUNT_MAX_DIGITS = 10 };

/* account -> DIGITS ['..' DIGITS]: one account or a range, by prefix. The text is the
 * token's own, so that 3000 is an account number and never a figure. */
PtrVec *ast_accounts(Parser *p, Span at)
{
    const char *text = p->src->text + at.start;
    size_t len = at.end - at.start, lo_len = 0;
    while (lo_len < len && text[lo_len] >= '0' && text[lo_len] <= '9')
        lo_len++;
    size_t hi_start = lo_len + 2 <= len && text[lo_len] == '.' ? lo_len + 2 : lo_len;
    size_t hi_len = len - hi_start;
    PtrVec *list = ast_list(p);
    const char *hint = _("an account is written with its digits only (3010), a range "
                         "with the same number of digits at both ends (3000..3999 or 30..39)");
    if (lo_len == 0 || (hi_start == lo_len && lo_len != len)) {
        parse_error(p, at, _("not an account number"), hint);
        return list;
    }
    if (hi_start != lo_len && hi_len != lo_len) {
        parse_error(p, at, _("the two ends of an account range have different numbers of "
                             "digits"), hint);
        return list;
    }
    if (lo_len > ACCOUNT_MAX_DIGITS) {
        parse_error(p, at, _("an account number has at most 10 digits"), hint);
        return list;
    }
    const char *hi = hi_start == lo_len ? text : text + hi_start;
    if (memcmp(text, hi, lo_len) > 0) {
        parse_error(p, at, _("an account range must go from the lower number to the higher"),
                    hint);
        return list;
    }
    AccountRange *r = arena_alloc(p->arena, sizeof *r);
    r->lo = arena_strndup(p->arena, text, lo_len);
    r->hi = arena_strndup(p->arena, hi, lo_len);
    r->sign = 1;
    r->loc = parse_loc(p, at);
    ptrvec_push(p->arena, list, r);
    return list;
}

/* left + right, or left - right: the right's accounts with their signs turned. */
PtrVec *ast_accounts_join(Parser *p, PtrVec *left, int sign, PtrVec *right)
{
    for (int i = 0; i < right->len; i++) {
        AccountRange *r = right->items[i];
        r->sign *= sign;
        ptrvec_push(p->arena, left, r);
    }
    return left;
}

LedgerRow *ast_ledger_row(Parser *p, const char *name, Span name_at, PtrVec *ranges, Span at)
{
    LedgerRow *r = arena_alloc(p->arena, sizeof *r);
    r->name = name;
    r->name_loc = parse_loc(p, name_at);
    r->loc = parse_loc(p, at);
    r->ranges = *ranges;
    return r;
}

void ast_ledger(Parser *p, const char *table, Span table_at, PtrVec *rows, Span at)
{
    LedgerMap *m = arena_alloc(p->arena, sizeof *m);
    m->table = table;
    m->table_loc = parse_loc(p, table_at);
    m->loc = parse_loc(p, at);
    m->rows = *rows;
    add_decl(p, D_LEDGER, m);
}
