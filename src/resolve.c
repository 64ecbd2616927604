/* resolve: binds every name to what it denotes, gives every expression its kind,
 * and works out for each check the columns (or rows) it runs for. Everything it
 * reports is an error in the input, found before anything is evaluated. */
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "kind.h"
#include "program.h"
#include "suggest.h"
#include "value.h"

typedef enum { SYM_TABLE, SYM_ALLOC, SYM_PARAM, SYM_CHECK, SYM_NAMESPACE } SymType;

/* Where it is declared is its node's: symbol_loc(). A large report has a table and a
 * check of its own for every table. */
struct Symbol {
    const char *name;
    SymType type;
    void *node;
};

static Loc symbol_loc(const Symbol *s)
{
    switch (s->type) {
    case SYM_TABLE: return ((const Table *)s->node)->name_loc;
    case SYM_ALLOC: return ((const Allocation *)s->node)->name_loc;
    case SYM_PARAM: return ((const Param *)s->node)->name_loc;
    case SYM_CHECK: return ((const Check *)s->node)->name_loc;
    default: return ((const Module *)s->node)->ns_at; /* SYM_NAMESPACE */
    }
}

typedef enum { CTX_ROW, CTX_COLUMN, CTX_WHERE, CTX_CHECK, CTX_CONST } CtxType;

typedef struct {
    CtxType type;
    Table *table;  /* whose rows (CTX_ROW) or columns (CTX_COLUMN, CTX_WHERE) are in scope */
    Kind row_kind; /* CTX_COLUMN: the kind of the row being computed */
    Row *row;      /* CTX_ROW: the row whose formula this is */
} Ctx;

typedef struct {
    Program *prog;
    Arena *a;
    Diags *d;
    int errors;
} Resolver;

/* ---- symbols ---------------------------------------------------------------- */

static size_t name_hash(const char *name) { return (size_t)(uintptr_t)name >> 3; }

static Symbol *lookup(Program *prog, const char *name)
{
    if (!prog->symbols)
        return NULL;
    size_t mask = prog->nsymbols_cap - 1;
    for (size_t i = name_hash(name) & mask; prog->symbols[i]; i = (i + 1) & mask)
        if (prog->symbols[i]->name == name)
            return prog->symbols[i];
    return NULL;
}

static Module *module_of(const Resolver *R, const Source *src)
{
    return R->prog->modules.items[src->index];
}

/* The name under which a file imported "as ns" declares name: ns.name. */
static const char *qualify(Resolver *R, const char *ns, const char *name)
{
    if (!ns)
        return name;
    char *q = arena_printf(R->a, "%s.%s", ns, name);
    return intern(&R->prog->names, q, strlen(q));
}

static void where_declared(Resolver *R, Diag *g, Loc loc)
{
    int line, col;
    source_line_col(loc.src, loc.start, &line, &col);
    diag_note(R->d, g, _("first declared at %s:%d:%d"), loc.src->path, line, col);
}

static void declare(Resolver *R, const char *name, SymType type, void *node, Loc loc)
{
    Program *prog = R->prog;
    Symbol *old = lookup(prog, name);
    if (old) {
        Diag *g = diag_at(R->d, SEV_ERROR, loc, _("'%s' is declared twice"), name);
        where_declared(R, g, symbol_loc(old));
        diag_note(R->d, g, "%s", _("hint: every table, allocation, parameter and check needs "
                                   "a name of its own, across all imported files"));
        R->errors++;
        return;
    }
    if (2 * (prog->nsymbols + 1) > prog->nsymbols_cap) {
        size_t cap = prog->nsymbols_cap ? prog->nsymbols_cap * 2 : 64;
        Symbol **fresh = mem_alloc(cap * sizeof *fresh);
        for (size_t i = 0; i < prog->nsymbols_cap; i++) {
            Symbol *s = prog->symbols[i];
            if (!s)
                continue;
            size_t j = name_hash(s->name) & (cap - 1);
            while (fresh[j])
                j = (j + 1) & (cap - 1);
            fresh[j] = s;
        }
        mem_free(prog->symbols);
        prog->symbols = fresh;
        prog->nsymbols_cap = cap;
    }
    Symbol *s = arena_alloc(R->a, sizeof *s);
    s->name = name;
    s->type = type;
    s->node = node;
    size_t j = name_hash(name) & (prog->nsymbols_cap - 1);
    while (prog->symbols[j])
        j = (j + 1) & (prog->nsymbols_cap - 1);
    prog->symbols[j] = s;
    prog->nsymbols++;
}

/* ---- "did you mean" ----------------------------------------------------------- */

static void consider_table(Suggest *s, const Table *t, bool rows, bool columns)
{
    if (rows)
        for (int i = 0; i < t->nrows; i++)
            suggest_consider(s, t->rows[i]->name);
    if (rows)
        for (int i = 0; i < t->sections.len; i++)
            suggest_consider(s, ((Section *)t->sections.items[i])->name);
    if (columns)
        for (int i = 0; i < t->ncolumns; i++)
            suggest_consider(s, t->columns[i]->key.name);
}

static void consider_globals(Suggest *s, const Program *prog)
{
    for (size_t i = 0; i < prog->nsymbols_cap; i++)
        if (prog->symbols[i] && prog->symbols[i]->type != SYM_CHECK)
            suggest_consider(s, prog->symbols[i]->name);
}

static void suggest(Resolver *R, Diag *g, const Suggest *s)
{
    if (s->best)
        diag_note(R->d, g, _("hint: did you mean '%s'?"), s->best);
}

/* ---- lookups within a table -------------------------------------------------- */

/* The row index has half as many slots again as the table has rows. */
static size_t row_slots(int nrows)
{
    return (size_t)nrows + (size_t)nrows / 2 + 1;
}

static size_t row_slot(const char *name, int nrows)
{
    return ((size_t)(uintptr_t)name >> 3) % row_slots(nrows);
}

static bool stray_row(const Table *t, int i);

/* A table of this many rows or fewer is searched row by row, which costs less than
 * its index would (12 bytes a row; most tables have a few dozen rows). */
enum { ROW_INDEX_FROM = 32 };

/* The row that a name denotes in a resolved table of few rows: the first with that
 * name that is not a stray word after a row's cells (which is never indexed). */
static Row *search_row(const Table *t, const char *name, int below)
{
    for (int i = 0; i < below; i++)
        if (t->rows[i]->name == name && !stray_row(t, i))
            return t->rows[i];
    return NULL;
}

static Row *find_row(const Table *t, const char *name)
{
    if (!t->row_index) {
        if (t->indexed)
            return search_row(t, name, t->nrows);
        for (int i = 0; i < t->nrows; i++)
            if (t->rows[i]->name == name)
                return t->rows[i];
        return NULL;
    }
    size_t n = row_slots(t->nrows);
    for (size_t j = row_slot(name, t->nrows); t->row_index[j]; j = (j + 1) % n)
        if (t->row_index[j]->name == name)
            return t->row_index[j];
    return NULL;
}

Row *table_row(const Table *t, const char *name)
{
    return find_row(t, name);
}

/* Indexes a table's rows by name, row i of the table; a name already there is
 * returned instead. */
static Row *index_row(Resolver *R, Table *t, Row *r, int i)
{
    t->indexed = true;
    if (t->nrows <= ROW_INDEX_FROM) {
        Row *first = search_row(t, r->name, i);
        return first ? first : r;
    }
    size_t n = row_slots(t->nrows);
    if (!t->row_index)
        t->row_index = arena_alloc(R->a, n * sizeof *t->row_index);
    size_t j = row_slot(r->name, t->nrows);
    for (; t->row_index[j]; j = (j + 1) % n)
        if (t->row_index[j]->name == r->name)
            return t->row_index[j];
    t->row_index[j] = r;
    return r;
}

static Section *find_section(const Table *t, const char *name)
{
    for (int i = 0; i < t->sections.len; i++)
        if (((Section *)t->sections.items[i])->name == name)
            return t->sections.items[i];
    return NULL;
}

static Column *find_column_named(const Table *t, const char *name)
{
    for (int i = 0; i < t->ncolumns; i++)
        if (t->columns[i]->key.name == name)
            return t->columns[i];
    return NULL;
}

static Column *find_column_year(const Table *t, int year)
{
    for (int i = 0; i < t->ncolumns; i++)
        if (t->columns[i]->key.year == year && !t->columns[i]->key.name)
            return t->columns[i]; /* the outcome, not a budget for the year */
    return NULL;
}

static const char *table_columns(Resolver *R, const Table *t)
{
    char *list = "";
    for (int i = 0; i < t->ncolumns; i++) {
        const Key *k = &t->columns[i]->key;
        list = k->name ? arena_printf(R->a, "%s%s%s", list, i ? ", " : "", k->name)
                       : arena_printf(R->a, "%s%s%d", list, i ? ", " : "", k->year);
    }
    return list;
}

/* ---- references ---------------------------------------------------------------- */

/* Where the parts of a reference are written: found again in the text, since
 * only messages need them and a large file has millions of references. */
static uint32_t skip_layout(const Expr *e, uint32_t at)
{
    const char *t = e->loc.src->text;
    while (at < e->loc.end && strchr(" \t\r\n(.", t[at]))
        at++;
    return at;
}

static Loc name_loc(const Expr *e, int i)
{
    uint32_t at = skip_layout(e, e->loc.start);
    for (int k = 0; k < i; k++)
        at = skip_layout(e, at + (uint32_t)strlen(ref_names_of(e)[k]));
    Span s = {at, at + (uint32_t)strlen(ref_names_of(e)[i])};
    return loc_at(e->loc.src, s);
}

static Loc sel_loc(const Expr *e)
{
    const char *t = e->loc.src->text;
    uint32_t at = e->loc.start;
    while (at < e->loc.end && t[at] != '[')
        at++;
    at++;
    while (at < e->loc.end && (t[at] == ' ' || t[at] == '\t'))
        at++;
    uint32_t end = at; /* the whole selector: a year may be written 2 024 */
    while (end < e->loc.end && t[end] != ']')
        end++;
    while (end > at && (t[end - 1] == ' ' || t[end - 1] == '\t'))
        end--;
    return loc_at(e->loc.src, (Span){at, end});
}

/* message: "unknown ... '%s'", translated, for name. */
static void unknown(Resolver *R, Loc at, const char *message, const char *name, Suggest *s)
{
    Diag *g = diag_at(R->d, SEV_ERROR, at, message, name);
    suggest(R, g, s);
    R->errors++;
}

/* A table of an imported file, which every year shares, has year columns but none for
 * this year: the fix is in that file, or the table belongs in the year file. */
static void imported_table(Resolver *R, Diag *g, const Table *t)
{
    const Module *year_file = R->prog->modules.items[0];
    if (!R->prog->report || t->src == year_file->src || !t->ncolumns ||
        !t->columns[0]->key.year || find_column_year(t, R->prog->report->year))
        return;
    int line, col;
    source_line_col(t->name_loc.src, t->name_loc.start, &line, &col);
    diag_note(R->d, g,
              _("table '%s' is in %s:%d:%d, which this file imports: give it a column %d "
                "there, or move the table into the year file"),
              t->name, t->name_loc.src->path, line, col, R->prog->report->year);
}

/* Applies [selector] to a row: the cell in that column. */
static bool select_column(Resolver *R, Expr *e, Table *t)
{
    Column *c = NULL;
    const char *sel = ref_sel_name(e);
    if (sel && !(c = find_column_named(t, sel)) && strcmp(sel, "year") == 0) {
        c = find_column_year(t, R->prog->report ? R->prog->report->year : 0);
        if (!c) {
            Diag *g = diag_at(R->d, SEV_ERROR, sel_loc(e),
                              _("table '%s' has no column for the report's year %d"), t->name,
                              R->prog->report ? R->prog->report->year : 0);
            diag_note(R->d, g, _("its columns are %s"), table_columns(R, t));
            imported_table(R, g, t);
            R->errors++;
            return false;
        }
    }
    if (!sel)
        c = find_column_year(t, e->sel_year);
    if (!c) {
        Diag *g;
        if (sel)
            g = diag_at(R->d, SEV_ERROR, sel_loc(e), _("table '%s' has no column '%s'"),
                        t->name, sel);
        else
            g = diag_at(R->d, SEV_ERROR, sel_loc(e), _("table '%s' has no column %d"),
                        t->name, e->sel_year);
        Suggest s = {sel ? sel : "", NULL, 99};
        if (sel)
            consider_table(&s, t, false, true);
        if (s.best)
            suggest(R, g, &s);
        else
            diag_note(R->d, g, _("its columns are %s"), table_columns(R, t));
        R->errors++;
        return false;
    }
    e->u.ref.column = c;
    return true;
}

static Kind column_kind(Resolver *R, const Table *t, Loc at)
{
    Kind k = K_UNKNOWN;
    for (int i = 0; i < t->nrows; i++) {
        Kind rk = t->rows[i]->kind;
        if (k == K_UNKNOWN)
            k = rk;
        else if (rk != k) {
            diag_at(R->d, SEV_ERROR, at,
                    _("the columns of '%s' hold both %s and %s; choose a row instead"), t->name,
                    kind_name(k), kind_name(rk));
            R->errors++;
            return K_UNKNOWN;
        }
    }
    return k;
}

/* The kind of the figures an aggregate adds: the rows [first, end) of t without a
 * formula of their own, and with `inside`, only those in that section or one nested
 * in it. They must all be of one kind, else an error at e naming two rows that
 * differ. K_UNKNOWN if there are none, or on an error. */
static Kind rows_kind(Resolver *R, Expr *e, Table *t, int first, int end,
                      const Section *inside)
{
    Row *one = NULL;
    for (int i = first; i < end; i++) {
        Row *r = t->rows[i];
        if (row_formula(r))
            continue;
        if (inside) {
            const Section *s = row_section(r);
            while (s && s != inside)
                s = s->parent;
            if (!s)
                continue;
        }
        if (!one) {
            one = r;
            continue;
        }
        if (r->kind == one->kind)
            continue;
        Diag *g = diag_at(R->d, SEV_ERROR, e->loc, _("this adds rows of different kinds: "
                          "'%s' holds %s and '%s' holds %s"), one->name, kind_name(one->kind),
                          r->name, kind_name(r->kind));
        diag_note(R->d, g, _("row '%s' is at %s"), one->name, diag_place(R->d, row_loc(t, one)));
        diag_note(R->d, g, _("row '%s' is at %s"), r->name, diag_place(R->d, row_loc(t, r)));
        diag_note(R->d, g, "%s", _("hint: put the rows to add in a section of their own and "
                                   "add it with sum(section)"));
        R->errors++;
        return K_UNKNOWN;
    }
    return one ? one->kind : K_UNKNOWN;
}

/* `sum` alone in a row formula: the rows above it in its section. */
static Kind sum_above_kind(Resolver *R, Expr *e)
{
    Row *self = e->u.sum_above.row;
    int errors = R->errors;
    Kind k = rows_kind(R, e, e->u.sum_above.table, 0, self->index, row_section(self));
    if (R->errors != errors)
        return K_UNKNOWN;
    return k == K_UNKNOWN ? self->kind : k;
}

/* A reference into a table the report says is absent: any row or column of it is a
 * figure that is not there, so what needs it does not run (eval.c says why). */
static Kind absent_table_ref(Resolver *R, Expr *e, Table *t)
{
    int n = e->nnames;
    if (n == 3) {
        diag_at(R->d, SEV_ERROR, name_loc(e, 2),
                "%s", _("a table's row has no parts: write table.row or table.row[column]"));
        R->errors++;
        return K_UNKNOWN;
    }
    (void)t;
    if (n == 1) {
        e->rtype = e->has_sel ? REF_COLUMN : REF_TABLE;
        return e->has_sel ? K_NUMBER : K_ROWS;
    }
    e->rtype = REF_ROW;
    return K_NUMBER;
}

static Kind resolve_ref(Resolver *R, const Ctx *ctx, Expr *e)
{
    const char *a = ref_names(e)[0];
    int n = e->nnames;
    bool sel = e->has_sel;
    Table *t = ctx->table;

    if (n == 1 && t) {
        Row *row;
        Column *c;
        Section *s;
        if (ctx->type == CTX_ROW && (row = find_row(t, a))) {
            e->u.ref.table = t;
            e->u.ref.row = row;
            e->rtype = REF_ROW;
            if (sel) {
                if (!select_column(R, e, t))
                    return K_UNKNOWN;
                e->rtype = REF_CELL;
            }
            return row->kind;
        }
        if ((ctx->type == CTX_COLUMN || ctx->type == CTX_WHERE) && !sel &&
            (c = find_column_named(t, a))) {
            e->u.ref.table = t;
            e->u.ref.column = c;
            e->rtype = REF_COLUMN;
            return ctx->type == CTX_COLUMN ? ctx->row_kind : column_kind(R, t, e->loc);
        }
        if (ctx->type == CTX_ROW && !sel && (s = find_section(t, a))) {
            e->u.ref.table = t;
            e->u.ref.section = s;
            e->rtype = REF_SECTION;
            return K_ROWS;
        }
        if (ctx->type == CTX_ROW && !sel && strcmp(a, "sum") == 0) {
            e->type = E_SUM_ABOVE;
            e->u.sum_above.table = t;
            e->u.sum_above.row = ctx->row;
            return sum_above_kind(R, e);
        }
    }

    Symbol *sym = lookup(R->prog, a);
    const char *own_ns = module_of(R, e->loc.src)->ns;
    bool after_import = sym && sym->type == SYM_NAMESPACE;
    if (after_import) {
        if (n == 1) {
            Diag *g = diag_at(R->d, SEV_ERROR, e->loc, _("'%s' is the name of an import"), a);
            diag_note(R->d, g, _("hint: name something declared in it: %s.table.row"), a);
            R->errors++;
            return K_UNKNOWN;
        }
        /* ns.b: what the file imported as ns declares as b */
        a = qualify(R, a, ref_names(e)[1]);
        for (int i = 1; i < n; i++)
            ref_names(e)[i - 1] = ref_names(e)[i];
        ref_names(e)[0] = a;
        e->nnames = (uint8_t)--n;
        sym = lookup(R->prog, a);
    } else if (own_ns) {
        /* inside a file imported as ns, its own names come first */
        Symbol *own = lookup(R->prog, qualify(R, own_ns, a));
        if (own)
            sym = own;
    }
    if (n == 4) {
        Diag *g = diag_at(R->d, SEV_ERROR, name_loc(e, 3), "%s",
                          after_import ? _("a reference has at most three parts after the name "
                                           "of an import")
                                       : _("a reference has at most three parts"));
        diag_note(R->d, g, "%s", _("hint: table.row, table.row[2024], table.row[budget] "
                                   "or allocation.group.member"));
        R->errors++;
        return K_UNKNOWN;
    }
    if (!sym || sym->type == SYM_CHECK) {
        if (n == 1 && !sel && strcmp(a, "year") == 0) {
            e->rtype = REF_YEAR;
            return K_NUMBER;
        }
        Suggest s = {a, NULL, 99};
        if (t && n == 1 && ctx->type != CTX_ROW) {
            /* where only a column of t can be meant */
            consider_table(&s, t, false, true);
            Diag *g = diag_at(R->d, SEV_ERROR, name_loc(e, 0), _("table '%s' has no column '%s'"),
                              t->name, a);
            if (s.best)
                suggest(R, g, &s);
            else
                diag_note(R->d, g, _("its columns are %s"), table_columns(R, t));
            R->errors++;
            return K_UNKNOWN;
        }
        if (t)
            consider_table(&s, t, true, false);
        consider_globals(&s, R->prog);
        unknown(R, name_loc(e, 0), t ? _("unknown row or table '%s'") : _("unknown name '%s'"),
                a, &s);
        return K_UNKNOWN;
    }

    if (sym->type == SYM_PARAM) {
        if (n > 1 || sel) {
            diag_at(R->d, SEV_ERROR, e->loc, _("'%s' is a parameter: it has no rows or columns"),
                    a);
            R->errors++;
            return K_UNKNOWN;
        }
        e->rtype = REF_PARAM;
        e->u.ref.param = sym->node;
        for (Param *q = sym->node; q; q = q->next)
            if (q->has_value)
                return q->value.kind;
        /* a local parameter no federation has set yet: reported when it is used */
        return K_NUMBER;
    }

    if (sym->type == SYM_ALLOC) {
        Allocation *al = sym->node;
        e->u.ref.alloc = al;
        if (sel) {
            diag_at(R->d, SEV_ERROR, sel_loc(e), "%s", _("an allocation has no columns"));
            R->errors++;
            return K_UNKNOWN;
        }
        if (n == 1) {
            e->rtype = REF_ALLOC;
            return K_MONEY;
        }
        AllocGroup *g = NULL;
        for (int i = 0; i < al->ngroups && !g; i++)
            if (al->groups[i]->name == ref_names(e)[1])
                g = al->groups[i];
        if (!g) {
            Suggest s = {ref_names(e)[1], NULL, 99};
            for (int i = 0; i < al->ngroups; i++)
                suggest_consider(&s, al->groups[i]->name);
            unknown(R, name_loc(e, 1), _("unknown group '%s'"), ref_names(e)[1], &s);
            return K_UNKNOWN;
        }
        e->u.ref.group = g;
        if (n == 2) {
            e->rtype = REF_GROUP;
            return K_MONEY;
        }
        for (int i = 0; i < g->nmembers; i++)
            if (g->members[i]->name == ref_names(e)[2]) {
                e->u.ref.member = g->members[i];
                e->rtype = REF_MEMBER;
                return K_MONEY;
            }
        Suggest s = {ref_names(e)[2], NULL, 99};
        for (int i = 0; i < g->nmembers; i++)
            suggest_consider(&s, g->members[i]->name);
        unknown(R, name_loc(e, 2), _("unknown member '%s'"), ref_names(e)[2], &s);
        return K_UNKNOWN;
    }

    /* a table */
    Table *tt = sym->node;
    e->u.ref.table = tt;
    if (tt->absent_reason)
        return absent_table_ref(R, e, tt);
    if (n == 1) {
        if (!sel) {
            e->rtype = REF_TABLE;
            return K_ROWS;
        }
        if (!select_column(R, e, tt))
            return K_UNKNOWN;
        e->rtype = REF_COLUMN;
        return column_kind(R, tt, e->loc);
    }
    if (n == 3) {
        diag_at(R->d, SEV_ERROR, name_loc(e, 2),
                "%s", _("a table's row has no parts: write table.row or table.row[column]"));
        R->errors++;
        return K_UNKNOWN;
    }
    const char *b = ref_names(e)[1];
    Row *row = find_row(tt, b);
    if (row) {
        e->u.ref.row = row;
        e->rtype = REF_ROW;
        if (sel) {
            if (!select_column(R, e, tt))
                return K_UNKNOWN;
            e->rtype = REF_CELL;
        }
        return row->kind;
    }
    Section *s = sel ? NULL : find_section(tt, b);
    if (s) {
        e->u.ref.section = s;
        e->rtype = REF_SECTION;
        return K_ROWS;
    }
    Suggest sg = {b, NULL, 99};
    consider_table(&sg, tt, true, false);
    Diag *g = diag_at(R->d, SEV_ERROR, name_loc(e, 1), _("table '%s' has no row '%s'"),
                      tt->name, b);
    suggest(R, g, &sg);
    R->errors++;
    return K_UNKNOWN;
}

/* ---- expressions ---------------------------------------------------------------- */

static Kind resolve_expr(Resolver *R, const Ctx *ctx, Expr *e);
static bool prev_years_ok(const Expr *n);

static void kind_error(Resolver *R, Expr *e, Expr *l, Expr *r, Kind kl, Kind kr)
{
    BinOp op = e->op;
    Diag *g;
    /* TRANSLATORS: the %s are kinds of value: "cannot add a percentage and an
     * amount". */
    const char *cannot = op == OP_ADD ? _("cannot add %s and %s")
                         : op == OP_SUB ? _("cannot subtract %s and %s")
                         : op == OP_MUL ? _("cannot multiply %s and %s")
                         : op == OP_DIV ? _("cannot divide %s and %s")
                                        : _("cannot compare %s and %s");
    if (op == OP_AND || op == OP_OR)
        g = diag_at(R->d, SEV_ERROR, e->loc, _("'%s' needs a comparison on each side, not %s"),
                    binop_symbol(op), kind_name(kl != K_BOOL ? kl : kr));
    else
        g = diag_at(R->d, SEV_ERROR, e->loc, cannot, kind_name(kl), kind_name(kr));
    g->also[0] = l->loc;
    g->also[1] = r->loc;
    int line, col;
    source_line_col(l->loc.src, l->loc.start, &line, &col);
    diag_note(R->d, g, _("the left operand, at %d:%d, is %s"), line, col, kind_name(kl));
    source_line_col(r->loc.src, r->loc.start, &line, &col);
    diag_note(R->d, g, _("the right operand, at %d:%d, is %s"), line, col, kind_name(kr));
    if (kl == K_ROWS || kr == K_ROWS)
        diag_note(R->d, g, "%s", _("hint: a table or section stands for many rows: use "
                                   "sum(...) or count(...)"));
    R->errors++;
}

static Kind resolve_call(Resolver *R, const Ctx *ctx, Expr *e)
{
    PtrVec *args = &e->u.call.args;
    Func f = e->u.call.func;
    const char *name = e->u.call.name;
    Kind kinds[8] = {0};
    for (int i = 0; i < args->len; i++) {
        Kind k = resolve_expr(R, ctx, args->items[i]);
        if (i < 8)
            kinds[i] = k;
        if (k == K_UNKNOWN)
            return K_UNKNOWN;
    }
    int want_min = 1, want_max = 1;
    if (f == FN_ROUND)
        want_min = want_max = 2;
    else if (f == FN_PREV)
        want_max = 2;
    else if (f == FN_SUM || f == FN_MIN || f == FN_MAX)
        want_max = 1 << 20;
    if (args->len < want_min || args->len > want_max) {
        Diag *g = diag_at(R->d, SEV_ERROR, e->loc,
                          f == FN_ROUND ? _("%s() takes two arguments, not %d")
                          : want_max > 1 ? _("%s() takes one or more arguments, not %d")
                                         : _("%s() takes one argument, not %d"),
                          name, args->len);
        if (f == FN_ROUND)
            diag_note(R->d, g, "%s", _("hint: round(x, 0) to whole units, round(x, -3) to "
                                       "thousands"));
        R->errors++;
        return K_UNKNOWN;
    }
    Kind k = kinds[0];
    Expr *first = args->items[0];
    if (k == K_ROWS) {
        /* sets of rows are aggregated with sets of rows: sum(t.s1, t.s2) */
        for (int i = 1; i < args->len; i++) {
            Expr *other = args->items[i];
            if (other->kind == K_ROWS)
                continue;
            Diag *g = diag_at(R->d, SEV_ERROR, other->loc,
                              _("%s() of %s and %s: its arguments must be of one kind"), name,
                              kind_name(k), kind_name(other->kind));
            g->also[0] = first->loc;
            R->errors++;
            return K_UNKNOWN;
        }
    }
    if (f == FN_COUNT) {
        /* it counts figures or rows: a text or a truth value would never be counted */
        for (int i = 0; i < args->len; i++) {
            Expr *a = args->items[i];
            if (a->kind == K_ROWS || kind_is_numeric(a->kind))
                continue;
            diag_at(R->d, SEV_ERROR, a->loc, _("%s() counts figures or rows, not %s"), name,
                    kind_name(a->kind));
            R->errors++;
            return K_UNKNOWN;
        }
        return K_COUNT;
    }
    if (k == K_ROWS) {
        if (f == FN_SUM || f == FN_MIN || f == FN_MAX) {
            /* the kind of the rows' figures, one kind in all the sets */
            Kind rk = K_UNKNOWN;
            Expr *rk_at = NULL;
            for (int i = 0; i < args->len; i++) {
                Expr *set = args->items[i];
                Expr *base = set->type == E_WHERE ? set->u.where.rows : set;
                Table *t = base->u.ref.table;
                Section *s = base->rtype == REF_SECTION ? base->u.ref.section : NULL;
                int errors = R->errors;
                Kind sk = rows_kind(R, set, t, s ? s->first_row : 0,
                                    s ? s->end_row : t->nrows, NULL);
                if (R->errors != errors)
                    return K_UNKNOWN;
                if (sk == K_UNKNOWN)
                    continue;
                if (rk != K_UNKNOWN && sk != rk) {
                    Diag *g = diag_at(R->d, SEV_ERROR, set->loc,
                                      _("%s() of %s and %s: its arguments must be of one kind"),
                                      name, kind_name(rk), kind_name(sk));
                    g->also[0] = rk_at->loc;
                    R->errors++;
                    return K_UNKNOWN;
                }
                rk = sk;
                rk_at = set;
            }
            return rk == K_UNKNOWN ? K_MONEY : rk;
        }
        diag_at(R->d, SEV_ERROR, first->loc, _("%s() needs a single value, not a set of rows"),
                name);
        R->errors++;
        return K_UNKNOWN;
    }
    if (first->type == E_REF && first->rtype == REF_COLUMN && args->len == 1 &&
        ctx->type == CTX_CHECK)
        return k; /* sum(table[column]): over its rows */
    if (args->len == 1 && (f == FN_SUM || f == FN_MIN || f == FN_MAX) && first->type == E_REF &&
        (first->rtype == REF_ROW || first->rtype == REF_CELL) &&
        first->u.ref.row) {
        Diag *g = diag_at(R->d, SEV_ERROR, first->loc,
                          ctx->type == CTX_ROW
                              ? _("%s(%s) in a row formula adds a section, but '%s' is a row")
                              : _("%s(%s) in a check adds a section, but '%s' is a row"),
                          name, first->u.ref.row->name, first->u.ref.row->name);
        diag_note(R->d, g, "%s", _("hint: name a section or a table, or add rows with +"));
        R->errors++;
        return K_UNKNOWN;
    }
    if (f == FN_SUM || f == FN_MIN || f == FN_MAX) {
        for (int i = 1; i < args->len && i < 8; i++) {
            Kind m = kind_binop(OP_ADD, k, kinds[i]);
            if (m == K_UNKNOWN || !kind_is_numeric(k)) {
                Expr *other = args->items[i];
                Diag *g = diag_at(R->d, SEV_ERROR, other->loc,
                                  _("%s() of %s and %s: its arguments must be of one kind"), name,
                                  kind_name(k), kind_name(kinds[i]));
                g->also[0] = first->loc;
                R->errors++;
                return K_UNKNOWN;
            }
            k = m;
        }
        return k;
    }
    if (!kind_is_numeric(k)) {
        diag_at(R->d, SEV_ERROR, first->loc, _("%s() needs a figure, not %s"), name,
                kind_name(k));
        R->errors++;
        return K_UNKNOWN;
    }
    if (f == FN_ROUND) {
        Expr *places = args->items[1];
        Expr *fig = places->type == E_NEG ? places->u.unary.operand : places;
        if (fig->type != E_FIGURE || fig->u.figure.todo) {
            diag_at(R->d, SEV_ERROR, places->loc,
                    "%s", _("round() needs a whole number of decimals here, such as 0 or -3"));
            R->errors++;
            return K_UNKNOWN;
        }
        /* eval.c reads it as an int: a whole number in a sane range, nothing else */
        Num n = fig->u.figure.value;
        int64_t v = n.lo / NUM_SCALE * (places == fig ? 1 : -1);
        if (fig->u.figure.kind != K_NUMBER || !num_is_exact(n) || n.lo % NUM_SCALE != 0 ||
            v < -15 || v > 6) {
            const Source *src = places->loc.src;
            Diag *g = diag_at(R->d, SEV_ERROR, places->loc,
                              _("round() needs a whole number of decimals from -15 to 6, not "
                                "%.*s"), (int)(places->loc.end - places->loc.start),
                              src->text + places->loc.start);
            diag_note(R->d, g, "%s", _("hint: round(x, 0) to whole units, round(x, -3) to "
                                       "thousands"));
            R->errors++;
            return K_UNKNOWN;
        }
    }
    if (f == FN_PREV) {
        if (ctx->type == CTX_CONST || !(first->type == E_REF && (first->rtype == REF_ROW ||
                                                                 first->rtype == REF_PARAM))) {
            Diag *g = diag_at(R->d, SEV_ERROR, first->loc,
                              "%s", _("prev() takes a row: the row's figure for the year before"));
            diag_note(R->d, g, "%s", _("hint: prev(balance.equity) in column 2025 is "
                                       "balance.equity[2024]"));
            R->errors++;
            return K_UNKNOWN;
        }
        if (first->rtype == REF_PARAM) {
            diag_at(R->d, SEV_ERROR, first->loc,
                    "%s", _("prev() of a parameter: a parameter's value is chosen by year "
                            "already"));
            R->errors++;
            return K_UNKNOWN;
        }
        if (args->len == 2 && !prev_years_ok(args->items[1])) {
            Expr *n = args->items[1];
            Diag *g = diag_at(R->d, SEV_ERROR, n->loc,
                              _("prev(x, n) looks back n years, a whole number from 1 to 50, "
                                "not %.*s"), (int)(n->loc.end - n->loc.start),
                              n->loc.src->text + n->loc.start);
            diag_note(R->d, g, "%s", _("hint: prev(balance.equity, 3) in column 2025 is "
                                       "balance.equity[2022]"));
            R->errors++;
            return K_UNKNOWN;
        }
    }
    return k;
}

/* The n of prev(x, n): a bare whole number of years, 1 to 50. */
static bool prev_years_ok(const Expr *n)
{
    if (n->type != E_FIGURE || n->u.figure.kind != K_NUMBER)
        return false;
    Num v = n->u.figure.value;
    return num_is_exact(v) && v.lo % NUM_SCALE == 0 && v.lo >= NUM_SCALE &&
           v.lo <= 50 * (int64_t)NUM_SCALE;
}

static Kind resolve_expr(Resolver *R, const Ctx *ctx, Expr *e)
{
    Kind k = K_UNKNOWN;
    switch (e->type) {
    case E_FIGURE:
        k = e->u.figure.kind;
        break;
    case E_STRING:
        k = K_STRING;
        break;
    case E_DATE:
        k = K_DATE;
        break;
    case E_SUM_ABOVE:
        k = sum_above_kind(R, e);
        break;
    case E_REF:
        if (ctx->type == CTX_CONST) {
            diag_at(R->d, SEV_ERROR, e->loc, "%s",
                    _("a fraction must be a figure such as 1/4, not a name"));
            R->errors++;
            break;
        }
        k = resolve_ref(R, ctx, e);
        break;
    case E_NEG: {
        Kind o = resolve_expr(R, ctx, e->u.unary.operand);
        if (o != K_UNKNOWN && !kind_is_numeric(o)) {
            diag_at(R->d, SEV_ERROR, e->loc, _("cannot negate %s"), kind_name(o));
            R->errors++;
        } else {
            k = o;
        }
        break;
    }
    case E_NOT: {
        Kind o = resolve_expr(R, ctx, e->u.unary.operand);
        if (o != K_UNKNOWN && o != K_BOOL) {
            diag_at(R->d, SEV_ERROR, e->loc, _("'not' needs a comparison, not %s"), kind_name(o));
            R->errors++;
        } else {
            k = o;
        }
        break;
    }
    case E_BINARY: {
        Expr *l = e->u.binary.left, *r = e->u.binary.right;
        Kind kl = resolve_expr(R, ctx, l), kr = resolve_expr(R, ctx, r);
        if (kl == K_UNKNOWN || kr == K_UNKNOWN)
            break;
        k = kind_binop(e->op, kl, kr);
        if (k == K_UNKNOWN)
            kind_error(R, e, l, r, kl, kr);
        break;
    }
    case E_CALL:
        k = resolve_call(R, ctx, e);
        break;
    case E_WHERE: {
        Expr *rows = e->u.where.rows;
        Kind kr = resolve_expr(R, ctx, rows);
        if (kr == K_UNKNOWN)
            break;
        if (rows->type != E_REF || rows->rtype != REF_TABLE) {
            if (rows->type == E_REF && rows->rtype == REF_SECTION) {
                Diag *g = diag_at(R->d, SEV_ERROR, rows->loc, "%s",
                                  _("'where' chooses among the rows of a whole table, not of "
                                    "a section"));
                diag_note(R->d, g, "%s", _("hint: write the table's name before 'where' and "
                                           "say in the condition which rows count"));
            } else {
                diag_at(R->d, SEV_ERROR, rows->loc, _("'where' chooses rows of a table; this is "
                                                      "%s"), kind_name(kr));
            }
            R->errors++;
            break;
        }
        Ctx inner = {CTX_WHERE, rows->u.ref.table, K_UNKNOWN, NULL};
        Kind kc = resolve_expr(R, &inner, e->u.where.cond);
        if (kc != K_UNKNOWN && kc != K_BOOL) {
            diag_at(R->d, SEV_ERROR, e->u.where.cond->loc,
                    _("the condition after 'where' must be a comparison, not %s"), kind_name(kc));
            R->errors++;
            break;
        }
        k = K_ROWS;
        break;
    }
    }
    e->kind = k;
    return k;
}

/* ---- tables ------------------------------------------------------------------ */

/* Checks that what a cell states fits finsam's arithmetic, and gives its kind. */
static Kind cell_kind(Resolver *R, const Source *src, Unit unit, const Cell *c)
{
    Value v;
    if (value_of_cell(c, unit, unit_kind(unit), &v)) {
        diag_at(R->d, SEV_ERROR, loc_at(src, cell_span(c)),
                "%s", _("this figure is too large for finsam's arithmetic"));
        R->errors++;
        return K_UNKNOWN;
    }
    return c->type == CELL_FIGURE ? v.kind : K_UNKNOWN;
}

static bool same_line(const Source *src, uint32_t from, uint32_t to)
{
    for (uint32_t i = from; i < to && i < src->len; i++)
        if (src->text[i] == '\n')
            return false;
    return true;
}

/* A row without a label that starts on the line of the row before it: a word written
 * after a cell, not a row. */
static bool stray_row(const Table *t, int i)
{
    return i > 0 && !t->rows[i]->label &&
           same_line(t->src, t->rows[i - 1]->span.end, t->rows[i]->span.start);
}

static void resolve_table_shape(Resolver *R, Table *t)
{
    if (t->nrows == 0 && !t->absent_reason) {
        /* Said here, before any rule: otherwise a rule set that reads its columns meets
         * values of no kind, and the message lands in the rule set, far from the cause. */
        Diag *g = diag_at(R->d, SEV_ERROR, t->name_loc, _("table '%s' has no rows"), t->name);
        diag_note(R->d, g, _("hint: a report that does not have this table says so, with the "
                             "reason: absent %s \"...\""), t->name);
        R->errors++;
    }
    for (int i = 0; i < t->ncolumns; i++)
        for (int j = 0; j < i; j++) {
            Key *a = &t->columns[i]->key, *b = &t->columns[j]->key;
            if (a->name == b->name && a->year == b->year) {
                Diag *g = diag_at(R->d, SEV_ERROR, t->columns[i]->loc,
                                  _("table '%s' has this column twice"), t->name);
                where_declared(R, g, t->columns[j]->loc);
                R->errors++;
            }
        }
    for (int i = 0; i < t->sections.len; i++) {
        Section *s = t->sections.items[i];
        if (s->name && find_row(t, s->name)) {
            diag_at(R->d, SEV_ERROR, s->loc, _("section '%s' has the name of a row of '%s'"),
                    s->name, t->name);
            R->errors++;
        }
    }
    for (int i = 0; i < t->nrows; i++) {
        Row *r = t->rows[i];
        if (stray_row(t, i)) {
            /* "| 7 864 004 kr | 8 028 000 kr": a word after a cell reads as a row of its
             * own, and the cells after it as its cells; said once for the line */
            if (!stray_row(t, i - 1)) {
                Span word = {r->span.start, r->span.start + (uint32_t)strlen(r->name)};
                Diag *g = diag_at(R->d, SEV_ERROR, loc_at(t->src, word),
                                  _("'%s' after a cell of row '%s' is not a cell"), r->name,
                                  t->rows[i - 1]->name);
                diag_note(R->d, g, "%s", _("hint: the table's unit (unit kr, unit tkr) says "
                                           "what its figures are; a text in a cell is "
                                           "written \"...\""));
                R->errors++;
            }
            continue;
        }
        Row *first = index_row(R, t, r, i);
        if (first != r) {
            Diag *g = diag_at(R->d, SEV_ERROR, row_loc(t, r), _("table '%s' has two rows named '%s'"),
                              t->name, r->name);
            where_declared(R, g, row_loc(t, first));
            R->errors++;
        }
        if (r->ncells == t->ncolumns + 1 && r->cells[r->ncells - 1].type == CELL_EMPTY)
            r->ncells--; /* a closing '|' */
        bool cut = i + 1 < t->nrows && stray_row(t, i + 1); /* its cells said so already */
        if (cut && r->ncells != t->ncolumns)
            continue;
        if (r->ncells != t->ncolumns && !(r->ncells == 0 && row_formula(r))) {
            Loc at = r->ncells ? loc_at(t->src, (Span){r->cells[0].start,
                                                       cell_span(&r->cells[r->ncells - 1]).end})
                               : row_loc(t, r);
            const char *cells = arena_printf(R->a, ngettext("%d cell", "%d cells", r->ncells),
                                             r->ncells);
            const char *columns = arena_printf(R->a, ngettext("%d column", "%d columns",
                                                              t->ncolumns), t->ncolumns);
            /* TRANSLATORS: "row 'x' has 3 cells, but table 't' has 2 columns"; the
             * counts are the two messages "%d cell(s)" and "%d column(s)". */
            Diag *g = diag_at(R->d, SEV_ERROR, at, _("row '%s' has %s, but table '%s' has %s"),
                              r->name, cells, t->name, columns);
            diag_note(R->d, g, "%s", _("hint: write one cell per column, '-' for a dash and "
                                       "'| |' where nothing is printed"));
            R->errors++;
            continue;
        }
        if (r->ncells == 0) {
            /* a computed row that the report does not print: every cell computed, in the
             * room the parser left for one per column (ast_row) */
            r->ncells = (uint16_t)t->ncolumns;
            for (int j = 0; j < t->ncolumns; j++) {
                r->cells[j].start = r->span.start;
            }
        }
        r->kind = K_UNKNOWN;
        for (int j = 0; j < r->ncells; j++) {
            Cell *c = &r->cells[j];
            Kind k = cell_kind(R, t->src, t->unit, c);
            if (k == K_UNKNOWN)
                continue;
            if (r->kind == K_UNKNOWN) {
                r->kind = k;
            } else if (r->kind != k) {
                diag_at(R->d, SEV_ERROR, loc_at(t->src, cell_span(c)),
                        _("row '%s' mixes %s and %s"), r->name, kind_name(r->kind),
                        kind_name(k));
                R->errors++;
            }
        }
        if (r->kind == K_UNKNOWN)
            r->kind = unit_kind(t->unit);
    }
}

static void formula_kind_matches(Resolver *R, Expr *f, Kind got, Kind want, const char *row)
{
    if (got == K_UNKNOWN || got == want || got == K_NUMBER)
        return;
    diag_at(R->d, SEV_ERROR, f->loc, _("this formula gives %s, but row '%s' holds %s"),
            kind_name(got), row, kind_name(want));
    R->errors++;
}

/* A row with a '?' and no figure yet: its kind is not written down anywhere but in its
 * formula (a share in a table of counts, in next year's file before it is filled in). */
static bool only_todo(const Row *r)
{
    bool todo = false;
    for (int j = 0; j < r->ncells; j++) {
        if (r->cells[j].type == CELL_FIGURE)
            return false;
        todo |= r->cells[j].todo;
    }
    return todo;
}

static void resolve_table_formulas(Resolver *R, Table *t)
{
    for (int i = 0; i < t->nrows; i++) {
        Row *r = t->rows[i];
        if (!row_formula(r))
            continue;
        Ctx ctx = {CTX_ROW, t, K_UNKNOWN, r};
        Kind k = resolve_expr(R, &ctx, row_formula(r));
        if (k == K_ROWS) {
            diag_at(R->d, SEV_ERROR, row_formula(r)->loc,
                    "%s", _("a formula must give a figure; a table or section needs sum(...)"));
            R->errors++;
        }
        if (only_todo(r) && kind_is_numeric(k) && k != K_NUMBER)
            r->kind = k;
        formula_kind_matches(R, row_formula(r), k, r->kind, r->name);
    }
    for (int i = 0; i < t->ncolumns; i++) {
        Column *c = t->columns[i];
        if (!c->formula)
            continue;
        /* A column formula is computed in each row, with that row's kind. */
        int before = R->errors;
        for (int j = 0; j < t->nrows && R->errors == before; j++) {
            Ctx ctx = {CTX_COLUMN, t, t->rows[j]->kind, NULL};
            Kind k = resolve_expr(R, &ctx, c->formula);
            formula_kind_matches(R, c->formula, k, t->rows[j]->kind, t->rows[j]->name);
        }
    }
}

/* ---- check domains ------------------------------------------------------------- */

typedef struct {
    bool any_columns, any_rows;
    PtrVec keys;      /* Key *: the columns (or rows) every operand has */
    Table *first;     /* the table that gave the keys, for messages */
    Loc conflict_at;
    bool empty;
    Loc emptied_at;
    Table *emptied_by; /* the table that left no key in common, for messages */
    bool shifted;     /* a prev() among the operands */
    bool absent;      /* a table the report says is absent among the operands */
} Domain;

static bool same_key(const Key *a, const Key *b) { return a->year == b->year && a->name == b->name; }

/* Is k among t's rows (rows) or its columns, their years moved by shift? */
static bool table_has_key(const Table *t, int shift, bool rows, const Key *k)
{
    if (rows) {
        for (int i = 0; i < t->nrows; i++)
            if (same_key(k, &(Key){0, t->rows[i]->name}))
                return true;
        return false;
    }
    for (int i = 0; i < t->ncolumns; i++) {
        Key c = t->columns[i]->key;
        if (shift && !c.year)
            continue;
        if (c.year)
            c.year += shift;
        if (same_key(k, &c))
            return true;
    }
    return false;
}

/* The keys of the first table are made once; each table after it only keeps those of
 * them it has too, in place: no keys nor lists made to be dropped (a large report has
 * a check for every table). */
static void constrain(Resolver *R, Domain *d, Table *t, int shift, bool rows, Loc at)
{
    d->shifted |= shift != 0;
    d->absent |= t->absent_reason != NULL;
    bool *seen = rows ? &d->any_rows : &d->any_columns;
    if (*seen && d->first && d->first->absent_reason && !t->absent_reason)
        d->first = t; /* the columns to tell as not run are a real table's */
    if ((rows && d->any_columns) || (!rows && d->any_rows))
        d->conflict_at = at;
    if (!*seen) {
        *seen = true;
        /* a list of just the room it needs, which is never pushed to; the columns'
         * own keys where they are not shifted */
        int n = rows ? t->nrows : t->ncolumns;
        PtrVec keys = {arena_alloc_raw(R->a, sizeof(void *) * (size_t)(n ? n : 1)), 0, n};
        if (rows) {
            Key *k = arena_alloc(R->a, sizeof *k * (size_t)(n ? n : 1));
            for (int i = 0; i < t->nrows; i++) {
                k[i].name = t->rows[i]->name;
                keys.items[keys.len++] = &k[i];
            }
        } else {
            for (int i = 0; i < t->ncolumns; i++) {
                Key *c = &t->columns[i]->key;
                if (shift && !c->year)
                    continue;
                if (shift) {
                    Key *k = arena_alloc(R->a, sizeof *k);
                    *k = *c;
                    k->year += shift;
                    c = k;
                }
                keys.items[keys.len++] = c;
            }
        }
        d->keys = keys;
        d->first = t;
        return;
    }
    int kept = 0;
    for (int i = 0; i < d->keys.len; i++)
        if (table_has_key(t, shift, rows, d->keys.items[i]))
            d->keys.items[kept++] = d->keys.items[i];
    d->keys.len = kept;
    if (kept == 0 && !d->empty) {
        d->empty = true;
        d->emptied_at = at;
        d->emptied_by = t;
    }
}

static void domain_walk(Resolver *R, Domain *d, Expr *e, int shift, bool in_rows_aggregate)
{
    switch (e->type) {
    case E_REF:
        if (e->rtype == REF_ROW) {
            constrain(R, d, e->u.ref.table, shift, false, e->loc);
            /* a check runs in columns of its tables: prev(t.a) alone runs in the
             * columns of t that have the year before in t, not in the year after t */
            if (shift)
                constrain(R, d, e->u.ref.table, 0, false, e->loc);
        }
        else if (e->rtype == REF_COLUMN && !in_rows_aggregate)
            constrain(R, d, e->u.ref.table, 0, true, e->loc);
        break;
    case E_NEG:
    case E_NOT:
        domain_walk(R, d, e->u.unary.operand, shift, in_rows_aggregate);
        break;
    case E_BINARY:
        domain_walk(R, d, e->u.binary.left, shift, in_rows_aggregate);
        domain_walk(R, d, e->u.binary.right, shift, in_rows_aggregate);
        break;
    case E_CALL: {
        Func f = e->u.call.func;
        PtrVec *args = &e->u.call.args;
        if (f == FN_PREV) {
            domain_walk(R, d, args->items[0], shift + prev_years(e), in_rows_aggregate);
            break;
        }
        for (int i = 0; i < args->len; i++) {
            Expr *a = args->items[i];
            if (a->kind == K_ROWS) {
                Expr *base = a->type == E_WHERE ? a->u.where.rows : a;
                if (f != FN_COUNT) {
                    constrain(R, d, base->u.ref.table, shift, false, a->loc);
                    if (shift)
                        constrain(R, d, base->u.ref.table, 0, false, a->loc);
                }
                if (a->type == E_WHERE)
                    domain_walk(R, d, a->u.where.cond, shift, true);
            } else {
                bool aggregate = args->len == 1 && (f == FN_SUM || f == FN_MIN || f == FN_MAX ||
                                                    f == FN_COUNT);
                domain_walk(R, d, a, shift, in_rows_aggregate || aggregate);
            }
        }
        break;
    }
    default:
        break;
    }
}

/* At most this many of a table's rows are named in a message. */
enum { ROWS_NAMED = 8 };

static const char *table_rows(Resolver *R, const Table *t)
{
    char *list = "";
    int n = t->nrows < ROWS_NAMED ? t->nrows : ROWS_NAMED;
    for (int i = 0; i < n; i++)
        list = arena_printf(R->a, "%s%s%s", list, i ? ", " : "", t->rows[i]->name);
    if (t->nrows > n)
        list = arena_printf(R->a, _("%s and %d more"), list, t->nrows - n);
    return list;
}

/* A cell of t as a reference is written, for a hint: its first row in its first column. */
static const char *a_cell_of(Resolver *R, const Table *t)
{
    if (!t->nrows || !t->ncolumns)
        return "income.result[2025]";
    const Key *k = &t->columns[0]->key;
    return k->name ? arena_printf(R->a, "%s.%s[%s]", t->name, t->rows[0]->name, k->name)
                   : arena_printf(R->a, "%s.%s[%d]", t->name, t->rows[0]->name, k->year);
}

/* The operands of a check share no column (or, compared by column, no row): what each
 * of the two tables that part has, and a cell to choose instead. */
static void no_key_in_common(Resolver *R, const Check *c, const Domain *d)
{
    Diag *g = diag_at(R->d, SEV_ERROR, d->emptied_at,
                      d->any_rows ? _("the operands of check '%s' have no row in common")
                                  : _("the operands of check '%s' have no column in common"),
                      c->name);
    const Table *tables[2] = {d->first, d->emptied_by != d->first ? d->emptied_by : NULL};
    for (int i = 0; i < 2; i++) {
        const Table *t = tables[i];
        if (!t)
            continue;
        if (d->any_rows)
            diag_note(R->d, g, _("'%s' has the rows %s"), t->name, table_rows(R, t));
        else
            diag_note(R->d, g, _("'%s' has the columns %s"), t->name, table_columns(R, t));
        if (!d->any_rows)
            imported_table(R, g, t);
    }
    if (d->shifted)
        diag_note(R->d, g, "%s", _("prev() runs in a column whose year before is a column "
                                   "of the table too"));
    if (d->any_rows)
        diag_note(R->d, g, _("hint: compare one row's cells with table.row[column], for "
                             "example %s"),
                  a_cell_of(R, d->first));
    else
        diag_note(R->d, g, _("hint: choose a column with [...], for example %s"),
                  a_cell_of(R, d->first));
    R->errors++;
}

static void resolve_check(Resolver *R, Check *c)
{
    Ctx ctx = {CTX_CHECK, NULL, K_UNKNOWN, NULL};
    int before = R->errors;
    Kind k = resolve_expr(R, &ctx, c->expr);
    if (R->errors != before)
        return;
    if (k != K_BOOL) {
        Diag *g = diag_at(R->d, SEV_ERROR, c->expr->loc,
                          _("a check must be a comparison that is true or false, not %s"),
                          kind_name(k));
        diag_note(R->d, g, "%s", _("hint: for example balance.total_assets == "
                                   "balance.equity_and_liabilities"));
        R->errors++;
        return;
    }
    Domain d = {0};
    domain_walk(R, &d, c->expr, 0, false);
    if (d.any_columns && d.any_rows) {
        Diag *g = diag_at(R->d, SEV_ERROR, d.conflict_at,
                          "%s", _("this check mixes rows (table.row) and columns "
                                  "(table[column])"));
        diag_note(R->d, g, "%s", _("hint: choose one cell with table.row[column]"));
        R->errors++;
        return;
    }
    if (d.empty && (c->loc.src->index != 0 || d.absent)) {
        /* A rule set's check that this year file gives no column to run in (a first
         * year has no previous one) does not apply to it. */
        c->domain = DOMAIN_COLUMNS;
        c->domain_table = d.first;
        c->keys = d.keys;
        return;
    }
    if (d.empty) {
        no_key_in_common(R, c, &d);
        return;
    }
    c->domain = d.any_rows ? DOMAIN_ROWS : d.any_columns ? DOMAIN_COLUMNS : DOMAIN_SCALAR;
    c->domain_table = d.first;
    c->keys = d.keys;
}

/* ---- allocations, parameters, the report -------------------------------------- */

/* An allocation's total, rounding and members are amounts in kronor; the total and
 * the rounding cannot be negative either. */
typedef enum { ALLOC_TOTAL, ALLOC_ROUNDING, ALLOC_MEMBER } AllocAmount;

static void alloc_amount(Resolver *R, const Source *src, const Cell *c, AllocAmount what)
{
    Kind k = cell_kind(R, src, U_KR, c);
    Loc at = loc_at(src, cell_span(c));
    if (k == K_PERCENT) {
        Diag *g = diag_at(R->d, SEV_ERROR, at, "%s",
                          what == ALLOC_TOTAL ? _("an allocation's total is an amount in "
                                                  "kronor, not a percentage")
                          : what == ALLOC_ROUNDING ? _("an allocation's rounding is an amount "
                                                       "in kronor, not a percentage")
                                                   : _("a member's amount is in kronor, not a "
                                                       "percentage"));
        if (what == ALLOC_MEMBER)
            diag_note(R->d, g, "%s", _("hint: a group's share is written after the group's "
                                       "title: state \"Staten\" 1/2 { ... }"));
        R->errors++;
    } else if (k == K_MONEY && what != ALLOC_MEMBER && c->figure < 0) {
        diag_at(R->d, SEV_ERROR, at, "%s",
                what == ALLOC_TOTAL ? _("an allocation's total cannot be negative")
                                    : _("an allocation's rounding cannot be negative"));
        R->errors++;
    }
}

static void resolve_alloc(Resolver *R, Allocation *al)
{
    const Source *src = al->loc.src;
    alloc_amount(R, src, &al->total, ALLOC_TOTAL);
    if (al->has_rounding)
        alloc_amount(R, src, &al->rounding, ALLOC_ROUNDING);
    for (int i = 0; i < al->ngroups; i++) {
        AllocGroup *g = al->groups[i];
        for (int j = 0; j < i; j++)
            if (al->groups[j]->name == g->name) {
                Diag *dg = diag_at(R->d, SEV_ERROR, g->loc, _("allocation '%s' has two groups "
                                   "named '%s'"), al->name, g->name);
                where_declared(R, dg, al->groups[j]->loc);
                R->errors++;
            }
        Ctx ctx = {CTX_CONST, NULL, K_UNKNOWN, NULL};
        Kind k = resolve_expr(R, &ctx, g->fraction);
        if (k != K_UNKNOWN && k != K_NUMBER && k != K_PERCENT) {
            diag_at(R->d, SEV_ERROR, g->fraction->loc, _("a group's share is a fraction such as "
                    "1/4 or a percentage, not %s"), kind_name(k));
            R->errors++;
        }
        for (int j = 0; j < g->nmembers; j++) {
            AllocMember *m = g->members[j];
            alloc_amount(R, src, &m->amount, ALLOC_MEMBER);
            for (int q = 0; q < j; q++)
                if (g->members[q]->name == m->name) {
                    Diag *dg = diag_at(R->d, SEV_ERROR, m->loc, _("group '%s' has two members "
                                       "named '%s'"), g->name, m->name);
                    where_declared(R, dg, g->members[q]->loc);
                    R->errors++;
                }
        }
        if (!g->by_name)
            continue;
        /* inside a file imported as ns, its own key table comes first, as its names do */
        const char *own_ns = module_of(R, src)->ns;
        Symbol *s = own_ns ? lookup(R->prog, qualify(R, own_ns, g->by_name)) : NULL;
        if (!s || s->type != SYM_TABLE)
            s = lookup(R->prog, g->by_name);
        if (!s || s->type != SYM_TABLE) {
            Suggest sg = {g->by_name, NULL, 99};
            consider_globals(&sg, R->prog);
            unknown(R, g->by_loc, _("unknown key table '%s'"), g->by_name, &sg);
            continue;
        }
        g->by = s->node;
        for (int j = 0; j < g->nmembers; j++)
            if (!find_row(g->by, g->members[j]->name)) {
                Diag *dg = diag_at(R->d, SEV_ERROR, g->members[j]->loc,
                                   _("'%s' is split by '%s', which has no row '%s'"), g->name,
                                   g->by->name, g->members[j]->name);
                diag_note(R->d, dg, "%s", _("hint: the key table needs a row for every member, "
                                            "with the same name"));
                R->errors++;
            }
    }
}

/* Entries by their (interned) key, then by place: a key said twice stands next to its
 * first place. */
static int by_key_then_place(const void *pa, const void *pb)
{
    const ReportEntry *a = *(ReportEntry *const *)pa, *b = *(ReportEntry *const *)pb;
    if (a->key != b->key)
        return (uintptr_t)a->key < (uintptr_t)b->key ? -1 : 1;
    return a->loc.start < b->loc.start ? -1 : a->loc.start > b->loc.start;
}

/* An entry of the report block said twice is an error: which of the two would count
 * (the year, the previous year's file) is not for finsam to guess. Sorted, so that a
 * block of many entries costs no more than its sorting. */
static int report_twice(Resolver *R, const Report *r)
{
    int n = r->entries.len, errors = 0;
    if (n < 2)
        return 0;
    ReportEntry **sorted = mem_alloc((size_t)n * sizeof *sorted);
    memcpy(sorted, r->entries.items, (size_t)n * sizeof *sorted);
    qsort(sorted, (size_t)n, sizeof *sorted, by_key_then_place);
    for (int i = 1, first = 0; i < n; i++) {
        if (sorted[i]->key != sorted[first]->key) {
            first = i;
            continue;
        }
        Diag *g = diag_at(R->d, SEV_ERROR, sorted[i]->loc,
                          _("the 'report' block says '%s' twice"), sorted[i]->key);
        where_declared(R, g, sorted[first]->loc);
        errors++;
    }
    mem_free(sorted);
    R->errors += errors;
    return errors;
}

static void resolve_report(Resolver *R)
{
    Program *prog = R->prog;
    Module *root = prog->modules.items[0];
    Report *found = NULL;
    for (int i = 0; i < prog->modules.len; i++) {
        Module *m = prog->modules.items[i];
        for (int j = 0; j < m->decls.len; j++) {
            Decl *d = m->decls.items[j];
            if (d->type != D_REPORT)
                continue;
            if (m != root) {
                Diag *g = diag_at(R->d, SEV_ERROR, d->u.report->loc,
                                  "%s", _("a 'report' block belongs in the year file, not in an "
                                          "imported file"));
                diag_note(R->d, g, _("the year file is %s"), root->src->path);
                R->errors++;
            } else if (found) {
                Diag *g = diag_at(R->d, SEV_ERROR, d->u.report->loc,
                                  "%s", _("a year file has one 'report' block"));
                where_declared(R, g, found->loc);
                R->errors++;
            } else {
                found = d->u.report;
            }
        }
    }
    if (!found) {
        Diag *g = diag_file(R->d, root->src->path,
                            "%s", _("no 'report' block: a year file says which year it reports"));
        diag_note(R->d, g, "%s", _("hint: report \"Årsredovisning 2025\" { year 2025 }"));
        R->errors++;
        return;
    }
    prog->report = found;
    if (report_twice(R, found))
        return;
    for (int i = 0; i < found->entries.len; i++) {
        ReportEntry *e = found->entries.items[i];
        if (strcmp(e->key, "year") != 0)
            continue;
        int64_t micro = e->value.value.lo;
        if (e->value.kind != K_NUMBER || micro % NUM_SCALE || micro / NUM_SCALE < 1900 ||
            micro / NUM_SCALE > 2999) {
            diag_at(R->d, SEV_ERROR, e->loc, "%s",
                    _("the report's year must be a year such as 2025"));
            R->errors++;
            return;
        }
        found->year = (int)(micro / NUM_SCALE);
    }
    if (!found->year) {
        Diag *g = diag_at(R->d, SEV_ERROR, found->loc, "%s", _("the 'report' block has no year"));
        diag_note(R->d, g, "%s", _("hint: report \"Årsredovisning 2025\" { year 2025 }"));
        R->errors++;
    }
}

/* A second declaration of a parameter: another dated value from the same file, or a
 * federation's own value of a parameter its rule set marks local. */
static void declare_param_value(Resolver *R, Param *first, Param *p)
{
    if (p->loc.src != first->loc.src) {
        if (!first->local) {
            Diag *g = diag_at(R->d, SEV_ERROR, p->name_loc, _("parameter '%s' is set by its rule "
                              "set and is not local: a federation cannot set its own value"),
                              p->name);
            where_declared(R, g, first->loc);
            diag_note(R->d, g, "%s", _("hint: a rule set lets federations set a parameter by "
                                       "declaring it 'param local'"));
            R->errors++;
            return;
        }
        p->federation = true;
    } else if (p->local != first->local) {
        Diag *g = diag_at(R->d, SEV_ERROR, p->name_loc, _("parameter '%s' is local in one of its "
                          "declarations and not in another"), p->name);
        where_declared(R, g, first->loc);
        R->errors++;
        return;
    }
    for (Param *q = first; q && p->has_value; q = q->next)
        if (q->has_value && q->value.kind != p->value.kind) {
            /* the rules that use it are resolved with one kind: another would be
             * computed as if it were that one */
            Diag *g = diag_at(R->d, SEV_ERROR, p->value_loc, _("this value of parameter '%s' is "
                              "%s, but another is %s"), p->name, kind_name(p->value.kind),
                              kind_name(q->value.kind));
            diag_note(R->d, g, _("the other value is at %s"), diag_place(R->d, q->value_loc));
            diag_note(R->d, g, "%s", _("hint: every value of a parameter is of one kind, "
                                       "all percentages or all amounts in kr"));
            R->errors++;
            return;
        }
    for (Param *q = first; q; q = q->next)
        if (q->from == p->from && q->federation == p->federation) {
            Diag *g = diag_at(R->d, SEV_ERROR, p->loc, _("parameter '%s' has two values from "
                              "the same date"), p->name);
            where_declared(R, g, q->loc);
            R->errors++;
            return;
        }
    p->next = first->next;
    first->next = p;
}

/* Imported files are declared first, so that a name the year file declares again is
 * reported in the year file, where it can be changed. A file imported "as ns"
 * declares its names as ns.name. */
static void declare_all(Resolver *R)
{
    Program *prog = R->prog;
    int ntables = 0, nchecks = 0;
    for (int i = 0; i < prog->imports_first.len; i++) {
        const Module *m = prog->imports_first.items[i];
        for (int j = 0; j < m->decls.len; j++) {
            const Decl *d = m->decls.items[j];
            ntables += d->type == D_TABLE && !d->u.table->absent_reason;
            nchecks += d->type == D_CHECK;
        }
    }
    ptrvec_reserve(R->a, &prog->tables, prog->tables.len + ntables);
    ptrvec_reserve(R->a, &prog->checks, prog->checks.len + nchecks);
    for (int i = 0; i < prog->imports_first.len; i++) {
        Module *m = prog->imports_first.items[i];
        if (m->ns && !lookup(prog, m->ns))
            declare(R, m->ns, SYM_NAMESPACE, m, m->ns_at);
        for (int j = 0; j < m->decls.len; j++) {
            Decl *d = m->decls.items[j];
            switch (d->type) {
            case D_TABLE:
                declare(R, qualify(R, m->ns, d->u.table->name), SYM_TABLE, d->u.table,
                        d->u.table->name_loc);
                if (d->u.table->absent_reason)
                    break; /* a name for what is not there: nothing to lay out or check */
                d->u.table->id = prog->tables.len;
                ptrvec_push(R->a, &prog->tables, d->u.table);
                break;
            case D_ALLOC:
                declare(R, qualify(R, m->ns, d->u.alloc->name), SYM_ALLOC, d->u.alloc,
                        d->u.alloc->name_loc);
                ptrvec_push(R->a, &prog->allocs, d->u.alloc);
                break;
            case D_CHECK:
                d->u.check->full_name = qualify(R, m->ns, d->u.check->name);
                declare(R, d->u.check->full_name, SYM_CHECK, d->u.check, d->u.check->name_loc);
                ptrvec_push(R->a, &prog->checks, d->u.check);
                break;
            case D_PARAM: {
                Param *p = d->u.param;
                const char *name = p->full_name = qualify(R, m->ns, p->name);
                Symbol *s = lookup(prog, name);
                if (s && s->type == SYM_PARAM) {
                    declare_param_value(R, s->node, p);
                } else {
                    declare(R, name, SYM_PARAM, p, p->name_loc);
                    ptrvec_push(R->a, &prog->params, p);
                }
                break;
            }
            default:
                break;
            }
        }
    }
}

Param *param_in_force(Param *first, int year)
{
    int32_t last_day = year * 10000 + 1231;
    Param *best = NULL;
    for (int federation = 1; federation >= 0 && !best; federation--)
        for (Param *q = first; q; q = q->next)
            if (q->federation == federation && q->has_value && q->from <= last_day &&
                (!best || q->from > best->from))
                best = q;
    return best;
}

/* ---- requirements --------------------------------------------------------------- */

/* Does the year file define what `require` names? Returns a description of what is
 * missing, or NULL. */
static const char *missing(Resolver *R, Expr *e)
{
    const char **names = ref_names(e);
    int n = e->nnames;
    Symbol *s = lookup(R->prog, names[0]);
    if (!s || s->type == SYM_CHECK || s->type == SYM_NAMESPACE)
        /* TRANSLATORS: what a year file lacks, in "2025.fin has no table or allocation
         * 'x', which the rule set requires here" (the message "%s has %s, which the
         * rule set requires here"); translate the two together. */
        return arena_printf(R->a, _("no table or allocation '%s'"), names[0]);
    if (n == 1)
        return NULL;
    if (s->type == SYM_TABLE) {
        Table *t = s->node;
        if (t->absent_reason)
            return NULL; /* said absent: the rules that need it do not run */
        if (n == 2 && (find_row(t, names[1]) || find_column_named(t, names[1]) ||
                       find_section(t, names[1])))
            return NULL;
        return arena_printf(R->a, _("no row '%s' in table '%s'"), names[1], names[0]);
    }
    if (s->type == SYM_ALLOC) {
        Allocation *al = s->node;
        for (int i = 0; i < al->ngroups; i++)
            if (al->groups[i]->name == names[1]) {
                if (n == 2)
                    return NULL;
                for (int j = 0; j < al->groups[i]->nmembers; j++)
                    if (al->groups[i]->members[j]->name == names[2])
                        return NULL;
                return arena_printf(R->a, _("no member '%s' in group '%s' of allocation '%s'"),
                                    names[2], names[1], names[0]);
            }
        return arena_printf(R->a, _("no group '%s' in allocation '%s'"), names[1], names[0]);
    }
    return arena_printf(R->a, _("no table or allocation '%s' (it is a parameter)"), names[0]);
}

static bool mentions(const Expr *e, const Expr *want)
{
    switch (e->type) {
    case E_REF:
        /* table.column is also written table[column] */
        if (want->nnames == 2 && e->nnames == 1 &&
            ref_names_of(e)[0] == ref_names_of(want)[0])
            return ref_sel_name(e) == ref_names_of(want)[1];
        for (int i = 0; i < want->nnames; i++)
            if (i >= e->nnames || ref_names_of(e)[i] != ref_names_of(want)[i])
                return false;
        return true;
    case E_NEG:
    case E_NOT:
        return mentions(e->u.unary.operand, want);
    case E_BINARY:
        return mentions(e->u.binary.left, want) || mentions(e->u.binary.right, want);
    case E_CALL:
        for (int i = 0; i < e->u.call.args.len; i++)
            if (mentions(e->u.call.args.items[i], want))
                return true;
        return false;
    case E_WHERE:
        return mentions(e->u.where.rows, want) || mentions(e->u.where.cond, want);
    default:
        return false;
    }
}

/* Each rule set's `require` against the year file, before any rule is resolved: a
 * missing name is one message at the requirement, naming a rule that needs it. */
static void resolve_requirements(Resolver *R)
{
    Program *prog = R->prog;
    const char *year_file = ((Module *)prog->modules.items[0])->src->path;
    for (int i = 0; i < prog->modules.len; i++) {
        Module *m = prog->modules.items[i];
        PtrVec said = {0}; /* a missing table is told once, not for each of its rows */
        for (int j = 0; j < m->decls.len; j++) {
            Decl *d = m->decls.items[j];
            if (d->type != D_REQUIRE)
                continue;
            for (int k = 0; k < d->u.require->refs.len; k++) {
                Expr *e = d->u.require->refs.items[k];
                if (e->has_sel) {
                    diag_at(R->d, SEV_ERROR, e->loc, "%s", _("'require' names rows, tables and "
                                                             "allocations, without [...]"));
                    R->errors++;
                    continue;
                }
                const char *what = missing(R, e);
                bool told = false;
                for (int q = 0; what && q < said.len; q++)
                    told |= strcmp(said.items[q], what) == 0;
                if (!what || told)
                    continue;
                ptrvec_push(R->a, &said, (void *)what);
                /* TRANSLATORS: "2025.fin has no row 'x' in table 't', which the rule set
                 * requires here": the second %s is one of the messages "no row '%s' in
                 * table '%s'", "no table or allocation '%s'" and the like. */
                Diag *g = diag_at(R->d, SEV_ERROR, e->loc, _("%s has %s, which the rule set "
                                  "requires here"), year_file, what);
                for (int c = 0; c < m->decls.len; c++) {
                    Decl *u = m->decls.items[c];
                    if (u->type != D_CHECK || !mentions(u->u.check->expr, e))
                        continue;
                    int line, col;
                    source_line_col(u->u.check->loc.src, u->u.check->loc.start, &line, &col);
                    diag_note(R->d, g, _("the rule '%s' needs it (%s:%d:%d)"), u->u.check->name,
                              m->src->path, line, col);
                    break;
                }
                diag_note(R->d, g, _("hint: the comment at the top of %s lists the names a year "
                                     "file defines"), m->src->path);
                R->errors++;
            }
        }
    }
}

/* Where a row says "note N": found again in its text, for the one message that
 * needs it. */
static Loc note_loc(const Table *table, const Row *r)
{
    const char *t = table->src->text;
    uint32_t at = r->span.start, end = r->span.end;
    bool in_string = false;
    for (; at + 4 < end; at++) {
        if (t[at] == '"')
            in_string = !in_string;
        else if (!in_string && strncmp(t + at, "note", 4) == 0 && strchr(" \t", t[at + 4]))
            break;
    }
    uint32_t num = at + 4;
    while (num < end && (t[num] == ' ' || t[num] == '\t'))
        num++;
    uint32_t stop = num;
    while (stop < end && t[stop] >= '0' && t[stop] <= '9')
        stop++;
    return loc_at(table->src, (Span){num, stop});
}

static void resolve_notes(Resolver *R)
{
    Program *prog = R->prog;
    prog->notes = arena_alloc(R->a, 1000 * sizeof *prog->notes);
    for (int i = 0; i < prog->tables.len; i++) {
        Table *t = prog->tables.items[i];
        if (!t->note)
            continue;
        if (prog->notes[t->note]) {
            Diag *g = diag_at(R->d, SEV_ERROR, t->loc, _("two tables are note %d"), t->note);
            where_declared(R, g, prog->notes[t->note]->name_loc);
            R->errors++;
            continue;
        }
        prog->notes[t->note] = t;
    }
    for (int i = 0; i < prog->tables.len; i++) {
        Table *t = prog->tables.items[i];
        for (int j = 0; j < t->nrows; j++) {
            Row *r = t->rows[j];
            if (r->note && !prog->notes[r->note]) {
                Diag *g = diag_at(R->d, SEV_ERROR, note_loc(t, r),
                                  _("row '%s' refers to note %d, but no table is note %d"),
                                  r->name, r->note, r->note);
                diag_note(R->d, g, _("hint: declare the note's table with 'note %d', for example "
                                     "accounts not%d \"Not %d\" note %d (2025, 2024) { ... }"),
                          r->note, r->note, r->note, r->note);
                R->errors++;
            }
        }
    }
}

int program_resolve(Program *prog)
{
    Resolver R = {prog, &prog->arena, &prog->diags, 0};
    resolve_report(&R);
    declare_all(&R);
    for (int i = 0; i < prog->tables.len; i++)
        resolve_table_shape(&R, prog->tables.items[i]);
    if (R.errors)
        return R.errors;
    resolve_requirements(&R);
    if (R.errors)
        return R.errors;
    resolve_notes(&R);
    for (int i = 0; i < prog->allocs.len; i++)
        resolve_alloc(&R, prog->allocs.items[i]);
    for (int i = 0; i < prog->tables.len; i++)
        resolve_table_formulas(&R, prog->tables.items[i]);
    for (int i = 0; i < prog->checks.len; i++)
        resolve_check(&R, prog->checks.items[i]);
    return R.errors;
}

Table *program_table(const Program *prog, const char *name)
{
    for (int i = 0; i < prog->tables.len; i++) {
        Table *t = prog->tables.items[i];
        if (strcmp(t->name, name) == 0)
            return t;
    }
    return NULL;
}

Row *program_row(const Program *prog, const Table *t, const char *name)
{
    const char *there = interner_find(&prog->names, name);
    return there ? table_row(t, there) : NULL;
}
