/* ast_clone: a copy of a parsed module, for another year of the same run to resolve
 * on its own. Resolving writes into the tree (what each reference denotes, a table's
 * place in its program's list, a row's kind), so two years cannot resolve one tree;
 * but copying a tree costs a fraction of reading and parsing its file again.
 *
 * The copy has every node of its own and shares only what no one writes: names and
 * strings (interned, in the interner the years share), cells' figures, the text. Every
 * location in src_from is moved to src_to, the copy's Source. What resolve.c fills in
 * must still be empty in the module copied: load.c copies a module before it is
 * resolved. A node type with children of its own must be added here. */
#include <string.h>

#include "parse.h"

typedef struct {
    Arena *a;
    const Source *from, *to;
} Cloner;

static void *dup(Cloner *C, const void *p, size_t size)
{
    if (!p)
        return NULL;
    void *q = arena_alloc_raw(C->a, size);
    memcpy(q, p, size);
    return q;
}

static Loc moved(const Cloner *C, Loc l)
{
    if (l.src == C->from)
        l.src = C->to;
    return l;
}

/* A list of pointers: the array copied, the items as they are. */
static PtrVec vec(Cloner *C, PtrVec v)
{
    PtrVec c = {NULL, v.len, v.len};
    if (v.len)
        c.items = dup(C, v.items, (size_t)v.len * sizeof *v.items);
    return c;
}

static Expr *expr(Cloner *C, const Expr *e)
{
    if (!e)
        return NULL;
    Expr *x = dup(C, e, expr_size((ExprType)e->type));
    x->loc = moved(C, e->loc);
    switch ((ExprType)e->type) {
    case E_NEG:
    case E_NOT:
        x->u.unary.operand = expr(C, e->u.unary.operand);
        break;
    case E_BINARY:
        x->u.binary.left = expr(C, e->u.binary.left);
        x->u.binary.right = expr(C, e->u.binary.right);
        break;
    case E_CALL:
        x->u.call.name_loc = moved(C, e->u.call.name_loc);
        x->u.call.args = vec(C, e->u.call.args);
        for (int i = 0; i < x->u.call.args.len; i++)
            x->u.call.args.items[i] = expr(C, e->u.call.args.items[i]);
        break;
    case E_WHERE:
        x->u.where.rows = expr(C, e->u.where.rows);
        x->u.where.cond = expr(C, e->u.where.cond);
        break;
    case E_REF:
        /* its names are interned, but their list its own: resolve.c changes it where
         * it qualifies a name; what it denotes is resolved later */
        if (e->has_more)
            x->u.ref.more = dup(C, e->u.ref.more,
                                sizeof *e->u.ref.more +
                                    sizeof *e->u.ref.more->names * (size_t)ref_more_room(e->nnames));
        break;
    case E_FIGURE:
    case E_STRING:
    case E_DATE:
    case E_SUM_ABOVE:
        break;
    }
    return x;
}

static Section *section_copy(const Table *from, Table *to, const Section *s)
{
    if (!s)
        return NULL;
    for (int i = 0; i < from->sections.len; i++)
        if (from->sections.items[i] == s)
            return to->sections.items[i];
    return NULL; /* not one of the table's: cannot happen */
}

static Table *table(Cloner *C, const Table *t)
{
    Table *x = dup(C, t, sizeof *t);
    x->loc = moved(C, t->loc);
    x->name_loc = moved(C, t->name_loc);
    if (t->src == C->from)
        x->src = C->to;
    x->columns = dup(C, t->columns, sizeof *t->columns * (size_t)(t->ncolumns ? t->ncolumns : 1));
    for (int i = 0; i < t->ncolumns; i++) {
        Column *c = dup(C, t->columns[i], sizeof *c);
        c->formula = expr(C, c->formula);
        c->loc = moved(C, c->loc);
        x->columns[i] = c;
    }
    /* sections before rows, which point to them; a section's parent comes before it */
    x->sections = vec(C, t->sections);
    for (int i = 0; i < t->sections.len; i++) {
        const Section *s = t->sections.items[i];
        Section *y = dup(C, s, sizeof *s);
        y->loc = moved(C, s->loc);
        y->table = x;
        y->parent = section_copy(t, x, s->parent);
        x->sections.items[i] = y;
    }
    x->rows = dup(C, t->rows, sizeof *t->rows * (size_t)(t->nrows ? t->nrows : 1));
    for (int i = 0; i < t->nrows; i++) {
        const Row *r = t->rows[i];
        /* its cells with it; unresolved, a computed row's room for one per column */
        int room = r->ncells ? r->ncells : t->ncolumns;
        Row *y = row_new(C->a, expr(C, row_formula(r)), section_copy(t, x, row_section(r)),
                         room);
        unsigned has_formula = y->has_formula, has_section = y->has_section;
        memcpy(y, r, sizeof *r + sizeof *r->cells * (size_t)(room ? room : 1));
        y->has_formula = has_formula & 1;
        y->has_section = has_section & 1;
        x->rows[i] = y;
    }
    return x;
}

static Allocation *allocation(Cloner *C, const Allocation *a)
{
    Allocation *x = dup(C, a, sizeof *a);
    x->loc = moved(C, a->loc);
    x->name_loc = moved(C, a->name_loc);
    x->groups = dup(C, a->groups, sizeof *a->groups * (size_t)(a->ngroups ? a->ngroups : 1));
    for (int i = 0; i < a->ngroups; i++) {
        const AllocGroup *g = a->groups[i];
        AllocGroup *y = dup(C, g, sizeof *g);
        y->fraction = expr(C, g->fraction);
        y->by_loc = moved(C, g->by_loc);
        y->loc = moved(C, g->loc);
        y->alloc = x;
        y->members = dup(C, g->members, sizeof *g->members * (size_t)(g->nmembers ? g->nmembers : 1));
        for (int k = 0; k < g->nmembers; k++) {
            AllocMember *m = dup(C, g->members[k], sizeof *m);
            m->loc = moved(C, m->loc);
            m->group = y;
            y->members[k] = m;
        }
        x->groups[i] = y;
    }
    return x;
}

static void *decl_node(Cloner *C, const Decl *d)
{
    switch (d->type) {
    case D_IMPORT: {
        Import *x = dup(C, d->u.import, sizeof *x);
        x->loc = moved(C, x->loc);
        return x;
    }
    case D_REQUIRE: {
        Require *x = dup(C, d->u.require, sizeof *x);
        x->loc = moved(C, x->loc);
        x->refs = vec(C, x->refs);
        for (int i = 0; i < x->refs.len; i++)
            x->refs.items[i] = expr(C, x->refs.items[i]);
        return x;
    }
    case D_REPORT: {
        Report *x = dup(C, d->u.report, sizeof *x);
        x->loc = moved(C, x->loc);
        x->entries = vec(C, x->entries);
        for (int i = 0; i < x->entries.len; i++) {
            ReportEntry *e = dup(C, x->entries.items[i], sizeof *e);
            e->loc = moved(C, e->loc);
            x->entries.items[i] = e;
        }
        return x;
    }
    case D_TABLE:
        return table(C, d->u.table);
    case D_ALLOC:
        return allocation(C, d->u.alloc);
    case D_PARAM: {
        Param *x = dup(C, d->u.param, sizeof *x);
        x->value_loc = moved(C, x->value_loc);
        x->loc = moved(C, x->loc);
        x->name_loc = moved(C, x->name_loc);
        return x;
    }
    case D_LEDGER:
        /* an earlier year's mappings are never compared (only the checked year file's
         * ledger is read): shared as they are */
        return d->u.ledger;
    case D_CHECK: {
        Check *x = dup(C, d->u.check, sizeof *x);
        x->expr = expr(C, x->expr);
        x->loc = moved(C, x->loc);
        x->name_loc = moved(C, x->name_loc);
        return x;
    }
    }
    return NULL;
}

Module *module_clone(Arena *a, const Module *m, const Source *src_from, const Source *src_to)
{
    Cloner C = {a, src_from, src_to};
    Module *x = dup(&C, m, sizeof *m);
    x->src = src_to;
    x->ns_at = moved(&C, m->ns_at);
    x->decls = vec(&C, m->decls);
    for (int i = 0; i < m->decls.len; i++) {
        const Decl *d = m->decls.items[i];
        Decl *y = dup(&C, d, sizeof *d);
        y->u.import = decl_node(&C, d); /* all members are pointers */
        x->decls.items[i] = y;
    }
    return x;
}
