/* eval: computes every formula and runs every check. Cells are computed on
 * demand and remembered; a formula that needs itself is reported as a cycle. */
#include "eval.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "plans.h"
#include "ledger.h"
#include "kind.h"
#include "why.h"
#include "wherememo.h"
#include "years.h"

/* MEMO_FAILED: its computation stopped with an error, already reported; whatever
 * needs the cell computes nothing more and reports nothing more, except that a stated
 * figure is still used. MEMO_CYCLE: it failed in a cycle of formulas, which fails
 * everything it reaches, stated or not. */
typedef enum { MEMO_NONE, MEMO_BUSY, MEMO_DONE, MEMO_FAILED, MEMO_CYCLE } MemoState;

/* A cell with a formula, once computed: the value of its formula (the row's, else the
 * column's), and how long the chain of formulas under it is. A stated cell's formula
 * is computed too, the first time the cell is needed, so that a formula that depends
 * on itself is an error whether or not figures are stated along the way. */
typedef struct {
    /* its value, a Value's fields packed with the rest into 40 bytes (a large report
     * has a memo for every computed cell): memo_value() gives it back */
    Num n;
    int64_t figure;
    const Why *why; /* why it computes nothing, when its value is absent */
    uint16_t height; /* 1 + the height of the deepest formula cell its formulas refer to;
                        a few thousand at most, for a chain is cut at MAX_CELL_DEPTH */
    uint8_t state;  /* MemoState */
    uint8_t kind, unit, decimals;
    bool b : 1, absent : 1, todo : 1, printed : 1;
} Memo;

static void memo_keep(Memo *m, const Value *v)
{
    m->n = v->n;
    m->figure = v->figure;
    m->kind = v->kind;
    m->unit = v->unit;
    m->decimals = v->decimals;
    m->b = v->b;
    m->absent = v->absent;
    m->todo = v->todo;
    m->printed = v->printed;
}

static void memo_value(const Memo *m, Value *v)
{
    *v = (Value){.n = m->n, .figure = m->figure, .kind = m->kind, .unit = m->unit,
                 .decimals = m->decimals, .b = m->b, .absent = m->absent, .todo = m->todo,
                 .printed = m->printed};
}

/* The computed cells of one table. Only a cell with a formula is computed, so only the
 * rows with a formula have room, found by halving: in a large report most rows are
 * stated figures, and a pointer for each would be memory for nothing. A table with a
 * column formula has room for every row, by its index. */
typedef struct {
    int n;          /* rows with room */
    int *rows;      /* their indices, ascending; NULL: every row, by its index */
    Memo **memos;   /* per row with room: its table's ncolumns memos, made when needed */
} TableMemos;

typedef struct {
    Operand *items;
    int len, more;
    const Finding *cause;  /* the first figure read that is itself found wrong */
} Collector;

typedef struct {
    Program *prog;
    Arena *a;
    Diags *d;
    Results *res;
    TableMemos **memos;    /* per table: its computed cells; made when needed */
    Finding ***wrong;      /* per table, by cell: the finding of a stated figure that
                              does not match its formula; made when needed */
    Collector *collect;    /* when set, references record their values here */
    int depth;             /* cells being computed, one inside another */
    int height;            /* the deepest formula cell the current computation needs */
    int cycles;            /* cycles of formulas found */
    bool too_deep;         /* a chain too deep has been reported */
    int errors;
    Why why;               /* why the value last computed is absent (why.h) */
    WhereMemo wheres;      /* aggregates over a 'where', once computed */
    unsigned session;      /* counts the collections of operands, to tell them apart */
    long long where_rows;  /* rows a 'where' has tested in the whole run */
    bool too_many_rows;    /* the limit on them has been reported */
} Eval;

/* A 'where' tests each row of its table; one inside another's condition is computed
 * once and remembered, so that the rows tested grow with the size of the input, not
 * with its power. Past this many in a run, finsam stops and says so, rather than run
 * for hours on a condition that depends on every row of a check that runs for every
 * row. */
enum { MAX_WHERE_ROWS = 20000000 };

/* Cells are computed by recursion, each from the cells it needs: a chain deeper
 * than this is refused rather than allowed to overflow the stack. */
enum { MAX_CELL_DEPTH = 2000 };

typedef struct {
    Table *table;          /* the table of a row or column formula, or of 'where' */
    Row *row;              /* the row of a column formula or of 'where' */
    Key col;               /* the column being computed or checked */
    bool has_col;
    const char *row_name;  /* the row a check over rows is run for */
    int shifted;           /* prev() levels around: a missing column is an earlier year */
} Env;

enum { EVAL_OK = 0, EVAL_FAILED = -1 };

static int eval(Eval *E, const Env *env, Expr *e, Value *out);

static Value absent(void)
{
    Value v = {0};
    v.absent = true;
    return v;
}

/* Why a table has no column for where it is read. */
static WhyType missing_column(const Table *t, const Env *env)
{
    return t->absent_reason ? WHY_ABSENT : env->shifted ? WHY_NO_EARLIER : WHY_NO_COLUMN;
}

/* Nothing to compute with, and why. The latest reason stands: a value that takes in an
 * absent one is absent because of it, and whatever skips an absent value (a sum over
 * blank cells) puts the reason before it back. */
static Value absent_because(Eval *E, WhyType type, const Table *t, const Row *r, Key k)
{
    E->why = (Why){.type = type, .table = t, .row = r, .key = k};
    return absent();
}

/* Nothing yet: a '?' still to be filled in from the report (E->why says where). A sum
 * over it is not yet known either, where a blank cell would count as nothing. */
static Value todo_value(void)
{
    Value v = absent();
    v.todo = true;
    return v;
}

static int fail(Eval *E, Loc at, const char *message)
{
    diag_at(E->d, SEV_ERROR, at, "%s", message);
    E->errors++;
    return EVAL_FAILED;
}

static int num_failed(Eval *E, Loc at, NumStatus st)
{
    if (st == NUM_DIV_ZERO)
        return fail(E, at, _("division by zero"));
    Diag *g = diag_at(E->d, SEV_ERROR, at, "%s",
                      _("the result is too large for finsam's arithmetic"));
    diag_note(E->d, g, "%s", _("finsam computes exactly and stops rather than give a wrong "
                               "number"));
    E->errors++;
    return EVAL_FAILED;
}

/* An expression as written, on one line: a line break and the indentation around it
 * are one space, so that a check written over several lines reads whole where its
 * operands are named inline ("a + b is 5 kr"), not with a '?' for the line break. */
static const char *text_of(Eval *E, Loc l)
{
    const char *s = l.src->text + l.start;
    size_t n = l.end - l.start;
    if (!memchr(s, '\n', n))
        return arena_strndup(E->a, s, n);
    char *out = arena_alloc(E->a, n + 1);
    size_t k = 0;
    bool quoted = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"')
            quoted = !quoted;
        if (s[i] == '#' && !quoted) { /* a comment at a line's end is no part of it */
            while (i + 1 < n && s[i + 1] != '\n')
                i++;
            continue;
        }
        if (s[i] != '\n' && s[i] != '\r') {
            out[k++] = s[i];
            continue;
        }
        while (k > 0 && (out[k - 1] == ' ' || out[k - 1] == '\t'))
            k--;
        while (i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t' || s[i + 1] == '\r' ||
                             s[i + 1] == '\n'))
            i++;
        out[k++] = ' ';
    }
    out[k] = '\0';
    return out;
}

static void record(Eval *E, const char *text, Value v, Loc at, uint32_t row_start)
{
    Collector *c = E->collect;
    if (!c)
        return;
    for (int i = 0; i < c->len; i++)
        if (strcmp(c->items[i].text, text) == 0)
            return;
    if (c->len == MAX_OPERANDS) {
        c->more++;
        return;
    }
    c->items[c->len].text = text;
    c->items[c->len].value = v;
    c->items[c->len].at = at;
    c->items[c->len].row_start = row_start;
    c->len++;
}

/* ---- cells ---------------------------------------------------------------------- */

/* A stated figure found wrong against its formula, so that whatever reads it and fails
 * too can say it is probably the same error: one root error is read as one. */
static Finding **wrong_slot(Eval *E, const Table *t, const Row *r, const Column *c, bool make)
{
    if (!E->wrong[t->id]) {
        if (!make)
            return NULL;
        E->wrong[t->id] = arena_alloc(E->a, sizeof(Finding *) *
                                                (size_t)(t->nrows * t->ncolumns + 1));
    }
    return &E->wrong[t->id][r->index * t->ncolumns + c->index];
}

/* While operands are collected for an explanation: the first one found wrong. */
static void note_cause(Eval *E, const Table *t, const Row *r, const Column *c)
{
    if (!E->collect || E->collect->cause || t->absent_reason)
        return;
    Finding **slot = wrong_slot(E, t, r, c, false);
    if (slot && *slot)
        E->collect->cause = *slot;
}

static Column *column_by_key(const Table *t, Key k)
{
    for (int i = 0; i < t->ncolumns; i++)
        if (t->columns[i]->key.year == k.year && t->columns[i]->key.name == k.name)
            return t->columns[i];
    return NULL;
}

static Row *row_by_name(const Table *t, const char *name)
{
    return table_row(t, name); /* by the row index: u[x] for each of 100 000 rows */
}

static bool is_stated(const Cell *c) { return c->type == CELL_FIGURE || c->type == CELL_DASH; }

/* Where a figure read from a table is written, for a finding to point at: its cell when
 * it is stated, else its row's name. */
static Loc read_at(const Table *t, const Row *r, const Column *c)
{
    const Cell *cell = &r->cells[c->index];
    if (is_stated(cell))
        return loc_at(t->src, cell_span(cell));
    return loc_at(t->src, (Span){r->span.start, r->span.start + (uint32_t)strlen(r->name)});
}

/* What a cell states; resolve.c has made sure that it fits. */
static Value stated(const Table *t, const Row *r, const Cell *c)
{
    Value v;
    value_of_cell(c, t->unit, r->kind, &v);
    return v;
}

static Value amount(const Cell *c)
{
    Value v;
    value_of_cell(c, U_KR, K_MONEY, &v);
    return v;
}

static Loc cell_loc(const Source *src, const Cell *c) { return loc_at(src, cell_span(c)); }

static const char *key_text(Eval *E, Key k)
{
    return k.name ? k.name : arena_printf(E->a, "%d", k.year);
}

static int compute_cell(Eval *E, Table *t, Row *r, Column *c, Expr *formula, Value *out)
{
    Env env = {t, r, c->key, true, NULL, 0};
    return eval(E, &env, formula, out);
}

static TableMemos *table_memos(Eval *E, Table *t)
{
    TableMemos *tm = arena_alloc(E->a, sizeof *tm);
    bool every = false;
    for (int i = 0; i < t->ncolumns && !every; i++)
        every = t->columns[i]->formula != NULL;
    if (every) {
        tm->n = t->nrows;
    } else {
        for (int i = 0; i < t->nrows; i++)
            tm->n += row_formula(t->rows[i]) != NULL;
        tm->rows = arena_alloc_raw(E->a, sizeof *tm->rows * (size_t)(tm->n ? tm->n : 1));
        for (int i = 0, k = 0; i < t->nrows; i++)
            if (row_formula(t->rows[i]))
                tm->rows[k++] = i;
    }
    tm->memos = arena_alloc(E->a, sizeof *tm->memos * (size_t)(tm->n ? tm->n : 1));
    return tm;
}

/* Only for a cell with a formula, the row's or the column's. */
static Memo *memo_of(Eval *E, Table *t, Row *r, Column *c)
{
    TableMemos *tm = E->memos[t->id];
    if (!tm)
        tm = E->memos[t->id] = table_memos(E, t);
    int k = r->index;
    if (tm->rows) {
        int lo = 0, hi = tm->n - 1;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (tm->rows[mid] < r->index)
                lo = mid + 1;
            else
                hi = mid;
        }
        k = lo; /* the row has a formula, so it is there */
    }
    if (!tm->memos[k])
        tm->memos[k] = arena_alloc(E->a, sizeof(Memo) * (size_t)t->ncolumns);
    return &tm->memos[k][c->index];
}

static int too_deep(Eval *E, Expr *formula)
{
    if (E->too_deep)
        return EVAL_FAILED; /* the same chain, met again from another cell */
    E->too_deep = true;
    E->errors++;
    Diag *g = diag_at(E->d, SEV_ERROR, formula->loc, _("formulas here depend on formulas "
                      "more than %d deep"), MAX_CELL_DEPTH);
    diag_note(E->d, g, "%s", _("hint: add long runs of rows with sum or sum(section) rather "
                               "than each row from the one before"));
    return EVAL_FAILED;
}

/* The column formula of a stated cell that has a row formula too: computed for what
 * it depends on (its value is compared in check_formula). Apart, so that its locals
 * take no stack in every level of a chain of formulas. */
__attribute__((noinline)) static int compute_other(Eval *E, Table *t, Row *r, Column *c)
{
    Value other;
    return compute_cell(E, t, r, c, c->formula, &other);
}

/* A cell needed while it is being computed: its formula depends on itself. */
__attribute__((noinline)) static void report_cycle(Eval *E, Row *r, Column *c)
{
    Diag *g = diag_at(E->d, SEV_ERROR, row_formula(r) ? row_formula(r)->loc : c->formula->loc,
                      _("the formula of '%s' in column %s depends on itself"), r->name,
                      key_text(E, c->key));
    diag_note(E->d, g, "%s", _("hint: a row cannot be computed from rows that are "
                               "computed from it"));
    E->errors++;
    E->cycles++;
}

/* Computes a cell's formulas once: the row's or else the column's, and for a stated
 * cell with both, the column's too (compared with the figure in check_formula). Once
 * done (MEMO_DONE), its value is in *value; in any other state *value means nothing.
 * Inlined, as it is one level of every chain of formulas (cell_value -> eval ->
 * eval_ref -> cell_value ...), which must not take more stack than it has to. */
__attribute__((always_inline)) static inline Memo *cell_computed(Eval *E, Table *t, Row *r,
                                                                 Column *c, Value *value)
{
    Memo *m = memo_of(E, t, r, c);
    if (m->state == MEMO_DONE || m->state == MEMO_FAILED || m->state == MEMO_CYCLE) {
        if (m->state == MEMO_DONE) {
            memo_value(m, value);
            if (m->height > E->height)
                E->height = m->height;
        }
        return m;
    }
    if (m->state == MEMO_BUSY) {
        report_cycle(E, r, c);
        return m; /* BUSY: the caller fails, and so does the cell when it is done */
    }
    Expr *formula = row_formula(r) ? row_formula(r) : c->formula;
    if (E->depth == MAX_CELL_DEPTH) {
        too_deep(E, formula);
        m->state = MEMO_FAILED;
        return m;
    }
    m->state = MEMO_BUSY;
    int cycles = E->cycles;
    Collector *saved = E->collect;
    int outer_height = E->height;
    E->collect = NULL;
    E->height = 0;
    E->depth++;
    Env env = {t, r, c->key, true, NULL, 0};
    int st = eval(E, &env, formula, value);
    if (!st && row_formula(r) && c->formula && is_stated(&r->cells[c->index]))
        st = compute_other(E, t, r, c);
    E->depth--;
    int height = E->height + 1;
    E->collect = saved;
    E->height = outer_height > height ? outer_height : height;
    if (!st && height > MAX_CELL_DEPTH)
        st = too_deep(E, formula);
    m->state = E->cycles != cycles ? MEMO_CYCLE : st ? MEMO_FAILED : MEMO_DONE;
    m->height = (uint16_t)height;
    if (m->state != MEMO_DONE)
        return m; /* a failed formula may have left *value unwritten: nothing to keep */
    memo_keep(m, value);
    if (value->absent) {
        Why *w = arena_alloc(E->a, sizeof *w);
        *w = E->why;
        m->why = w;
    }
    return m;
}

/* The value of a cell: as stated, or computed where nothing is stated. */
static int cell_value(Eval *E, Table *t, Row *r, Column *c, Value *out)
{
    Cell *cell = &r->cells[c->index];
    if (row_formula(r) || c->formula) {
        Memo *m = cell_computed(E, t, r, c, out);
        /* a cycle fails whatever it meets; a stated figure whose formula failed (and
         * said so) is still the figure the report states */
        if (m->state == MEMO_BUSY || m->state == MEMO_CYCLE ||
            (m->state == MEMO_FAILED && !is_stated(cell)))
            return EVAL_FAILED;
        if (!is_stated(cell)) {
            if (out->absent && m->why)
                E->why = *m->why;
            return EVAL_OK;
        }
    }
    if (is_stated(cell)) {
        *out = stated(t, r, cell);
    } else if (cell->todo) {
        absent_because(E, WHY_TODO, t, r, c->key);
        *out = todo_value();
    } else if (cell->type == CELL_EMPTY && t->blank_zero) {
        *out = value_number(r->kind == K_UNKNOWN ? K_MONEY : r->kind,
                            r->kind == K_PERCENT ? U_PERCENT : t->unit, num_exact(0));
    } else {
        *out = absent_because(E, cell->type == CELL_TEXT ? WHY_TEXT : WHY_BLANK, t, r, c->key);
    }
    return EVAL_OK;
}

/* ---- aggregates ----------------------------------------------------------------- */

typedef struct {
    Func func;
    Value acc;
    bool any;
    int count;
    bool todo; /* a '?' among the values: the sum, min or max is not known yet */
    Why todo_why;
} Aggregate;

static int aggregate_add(Eval *E, Aggregate *ag, Value v, Loc at)
{
    if (v.absent) {
        ag->todo |= v.todo;
        return EVAL_OK;
    }
    ag->count++;
    if (!ag->any) {
        ag->acc = v;
        ag->any = true;
        return EVAL_OK;
    }
    NumStatus st = NUM_OK;
    ag->acc.printed = false; /* a result now, not a figure as printed */
    if (ag->func == FN_SUM)
        st = num_add(ag->acc.n, v.n, &ag->acc.n);
    else if (ag->func == FN_MIN)
        ag->acc.n = num_min(ag->acc.n, v.n);
    else if (ag->func == FN_MAX)
        ag->acc.n = num_max(ag->acc.n, v.n);
    ag->acc.unit = unit_combine(ag->acc.kind, ag->acc.unit, v.unit);
    return st ? num_failed(E, at, st) : EVAL_OK;
}

static int too_many_rows(Eval *E, Expr *where)
{
    if (E->too_many_rows)
        return EVAL_FAILED; /* said once */
    E->too_many_rows = true;
    Diag *g = diag_at(E->d, SEV_ERROR, where->loc,
                      _("'where' has tested more than %d rows in all; finsam stops here"),
                      MAX_WHERE_ROWS);
    diag_note(E->d, g, "%s", _("hint: a 'where' whose condition reads the row a check "
                               "runs for is computed again for every such row; count "
                               "those rows in a column of their own instead"));
    E->errors++;
    return EVAL_FAILED;
}

/* The rows a table, a section or a 'where' stands for: rows without a formula of
 * their own, so that totals are not counted twice. */
/* ag->todo is set when a 'where' could not decide a row for a '?' still to be filled in. */
static int each_row(Eval *E, const Env *env, Expr *set, int (*visit)(Eval *, void *, Table *,
                                                                   Row *), void *arg, Aggregate *ag)
{
    Expr *base = set->type == E_WHERE ? set->u.where.rows : set;
    Table *t = base->u.ref.table;
    int first = 0, end = t->nrows;
    Section *s = base->rtype == REF_SECTION ? base->u.ref.section : NULL;
    if (s) {
        first = s->first_row;
        end = s->end_row;
    }
    for (int i = first; i < end; i++) {
        Row *r = t->rows[i];
        if (row_formula(r))
            continue;
        if (set->type == E_WHERE) {
            if (++E->where_rows > MAX_WHERE_ROWS)
                return too_many_rows(E, set);
            Env inner = *env;
            inner.table = t;
            inner.row = r;
            /* u[x] in the condition is the cell of the row tested, by its name, as
             * grammar/README.md defines 'where', not the row a per-row check runs for */
            inner.row_name = NULL;
            Value keep;
            Why before = E->why;
            if (eval(E, &inner, set->u.where.cond, &keep))
                return EVAL_FAILED;
            if (keep.absent && keep.todo && !ag->todo) {
                ag->todo = true;
                ag->todo_why = E->why;
            }
            E->why = before; /* a row the condition cannot judge is left out */
            if (keep.absent || !keep.b)
                continue;
        }
        if (visit(E, arg, t, r))
            return EVAL_FAILED;
    }
    return EVAL_OK;
}

typedef struct {
    Aggregate *ag;
    const Env *env;
    Column *column;  /* fixed column (table[column]), or NULL: the env's */
    Loc at;
} RowVisit;

static int visit_sum(Eval *E, void *arg, Table *t, Row *r)
{
    RowVisit *rv = arg;
    Column *c = rv->column;
    if (!c) {
        if (!rv->env->has_col)
            return EVAL_OK;
        c = column_by_key(t, rv->env->col);
        if (!c)
            return EVAL_OK;
    }
    Value v;
    Why before = E->why;
    if (cell_value(E, t, r, c, &v))
        return EVAL_FAILED;
    if (v.absent && v.todo && !rv->ag->todo)
        rv->ag->todo_why = E->why;
    E->why = before; /* a sum skips a blank cell */
    if (E->collect && !v.absent) {
        record(E, r->name, v, read_at(t, r, c), r->span.start);
        note_cause(E, t, r, c);
    }
    return aggregate_add(E, rv->ag, v, rv->at);
}

static int visit_count(Eval *E, void *arg, Table *t, Row *r)
{
    (void)E;
    (void)t;
    (void)r;
    ((Aggregate *)arg)->count++;
    return EVAL_OK;
}

__attribute__((noinline)) static int eval_sum_above(Eval *E, const Env *env, Expr *e,
                                                     Value *out)
{
    Row *self = e->u.sum_above.row;
    Table *t = e->u.sum_above.table;
    Column *c = env->has_col ? column_by_key(t, env->col) : NULL;
    Aggregate ag = {FN_SUM, value_number(self->kind, t->unit, num_exact(0)), false, 0, false, {0}};
    if (!c) {
        *out = absent_because(E, WHY_NO_COLUMN, t, NULL, env->col);
        return EVAL_OK;
    }
    Why before = E->why; /* a sum skips a blank cell */
    for (int i = 0; i < self->index; i++) {
        Row *r = t->rows[i];
        if (row_formula(r))
            continue;
        bool inside = false;
        for (Section *s = row_section(r); s && !inside; s = s->parent)
            inside = s == row_section(self);
        if (row_section(self) && !inside)
            continue;
        Value v;
        if (cell_value(E, t, r, c, &v))
            return EVAL_FAILED;
        if (v.absent && v.todo && !ag.todo)
            ag.todo_why = E->why;
        if (E->collect && !v.absent) {
            record(E, r->name, v, read_at(t, r, c), r->span.start);
            note_cause(E, t, r, c);
        }
        if (aggregate_add(E, &ag, v, e->loc))
            return EVAL_FAILED;
    }
    E->why = ag.todo ? ag.todo_why : before;
    if (!ag.any)
        ag.acc = value_number(self->kind, t->unit, num_exact(0));
    *out = ag.todo ? todo_value() : ag.acc;
    return EVAL_OK;
}

/* Whether a condition reads another table's column by the name of the row a check
 * runs for: "u[x]" in "t where x >= u[x]" in such a check. Nothing else in it depends
 * on what lies outside the 'where' but the column, as each 'where' tests its own rows. */
static bool reads_check_row(const Expr *e, const Table *own)
{
    switch (e->type) {
    case E_REF:
        return e->rtype == REF_COLUMN && e->u.ref.table != own;
    case E_NEG:
    case E_NOT:
        return reads_check_row(e->u.unary.operand, own);
    case E_BINARY:
        return reads_check_row(e->u.binary.left, own) || reads_check_row(e->u.binary.right, own);
    case E_CALL:
        for (int i = 0; i < e->u.call.args.len; i++)
            if (reads_check_row(e->u.call.args.items[i], own))
                return true;
        return false;
    case E_WHERE:
        return reads_check_row(e->u.where.cond, e->u.where.rows->u.ref.table);
    default:
        return false;
    }
}

static int eval_call_now(Eval *E, const Env *env, Expr *e, Value *out);

/* An aggregate over a 'where' is computed once for what it depends on (wherememo.h). */
__attribute__((noinline)) static int eval_call(Eval *E, const Env *env, Expr *e, Value *out)
{
    PtrVec *args = &e->u.call.args;
    bool where = false;
    for (int i = 0; i < args->len && !where; i++)
        where = ((Expr *)args->items[i])->type == E_WHERE;
    if (!where || ((Expr *)args->items[0])->kind != K_ROWS)
        return eval_call_now(E, env, e, out);
    WhereKey k = {e, env->has_col ? env->col : (Key){0, NULL}, env->has_col,
                  env->row_name && reads_check_row(e, NULL) ? env->row_name : NULL,
                  E->collect ? E->session : 0};
    int height;
    const Value *kept = where_memo_find(&E->wheres, &k, &height);
    if (kept) {
        *out = *kept;
        if (height > E->height)
            E->height = height;
        return EVAL_OK;
    }
    int outer = E->height;
    E->height = 0;
    int st = eval_call_now(E, env, e, out);
    height = E->height;
    E->height = outer > height ? outer : height;
    if (!st)
        where_memo_put(&E->wheres, &k, *out, height);
    return st;
}

__attribute__((noinline)) static int eval_call_now(Eval *E, const Env *env, Expr *e,
                                                   Value *out)
{
    PtrVec *args = &e->u.call.args;
    Func f = e->u.call.func;
    Expr *first = args->items[0];

    if (f == FN_PREV) {
        if (!env->has_col || !env->col.year) {
            *out = absent_because(E, WHY_NOT_YEAR, NULL, NULL, env->col);
            return EVAL_OK;
        }
        Env before = *env;
        before.col.year -= prev_years(e);
        before.shifted++;
        return eval(E, &before, first, out);
    }
    /* sum(t[x]) in a check is over the column's rows, also in a check that runs once
     * for every row; in a column formula or a 'where' a column is the row's cell */
    bool column = args->len == 1 && first->type == E_REF && first->rtype == REF_COLUMN;
    if (f == FN_COUNT || first->kind == K_ROWS || (column && !env->row)) {
        Aggregate ag = {.func = f};
        if (first->kind == K_ROWS) {
            /* every argument is a set of rows (resolve.c): sum(t.s1, t.s2) adds both */
            for (int i = 0; i < args->len; i++) {
                Expr *set = args->items[i];
                Expr *base = set->type == E_WHERE ? set->u.where.rows : set;
                if (f != FN_COUNT && (!env->has_col || !column_by_key(base->u.ref.table,
                                                                       env->col))) {
                    /* the table has no such column: nothing to compute, not 0 */
                    *out = absent_because(E, missing_column(base->u.ref.table, env),
                                          base->u.ref.table, NULL, env->col);
                    return EVAL_OK;
                }
                RowVisit rv = {&ag, env, NULL, e->loc};
                if (each_row(E, env, set, f == FN_COUNT ? visit_count : visit_sum,
                             f == FN_COUNT ? (void *)&ag : (void *)&rv, &ag))
                    return EVAL_FAILED;
            }
        } else if (column) {
            RowVisit rv = {&ag, env, first->u.ref.column, e->loc};
            Table *t = first->u.ref.table;
            for (int i = 0; i < t->nrows; i++)
                if (!row_formula(t->rows[i]) &&
                    (f == FN_COUNT ? visit_count(E, &ag, t, t->rows[i])
                                   : visit_sum(E, &rv, t, t->rows[i])))
                    return EVAL_FAILED;
        } else {
            for (int i = 0; i < args->len; i++) {
                Value v;
                if (eval(E, env, args->items[i], &v))
                    return EVAL_FAILED;
                if (v.absent) {
                    *out = v;
                    return EVAL_OK;
                }
                ag.count++;
            }
        }
        if (f == FN_COUNT) {
            *out = ag.todo ? todo_value() : value_number(K_COUNT, U_COUNT, num_units(ag.count));
            if (ag.todo)
                E->why = ag.todo_why;
            return EVAL_OK;
        }
        *out = ag.any ? ag.acc : value_number(e->kind, U_NONE, num_exact(0));
        if (!ag.any && e->kind == K_MONEY)
            out->unit = U_KR;
        if (ag.todo) {
            *out = todo_value();
            E->why = ag.todo_why;
        }
        return EVAL_OK;
    }

    Value v;
    if (eval(E, env, first, &v))
        return EVAL_FAILED;
    if (v.absent) {
        *out = v;
        return EVAL_OK;
    }
    NumStatus st = NUM_OK;
    switch (f) {
    case FN_ABS:
        st = num_abs(v.n, &v.n);
        if (v.figure < 0)
            v.figure = -v.figure; /* a printed figure stays one, as with -x */
        break;
    case FN_ROUND: {
        Expr *pe = args->items[1];
        bool neg = pe->type == E_NEG;
        Expr *fig = neg ? pe->u.unary.operand : pe;
        /* resolve.c has made sure it is a whole number from -15 to 6 */
        int places = (int)(fig->u.figure.value.lo / NUM_SCALE) * (neg ? -1 : 1);
        /* a percentage is rounded as it is shown: 37,62 % to one decimal is 37,6 %,
         * two more decimals of the fraction 0,3762 */
        if (v.kind == K_PERCENT)
            places += 2;
        /* money counts in kronor whatever its table shows: round(x, -3) is to whole tkr */
        st = num_round(v.n, places, &v.n);
        v.printed = false; /* a result now, not the figure as printed */
        break;
    }
    case FN_SUM:
    case FN_MIN:
    case FN_MAX: {
        Aggregate ag = {.func = f};
        if (aggregate_add(E, &ag, v, e->loc))
            return EVAL_FAILED;
        for (int i = 1; i < args->len; i++) {
            Value w;
            if (eval(E, env, args->items[i], &w))
                return EVAL_FAILED;
            if (w.absent) {
                *out = w;
                return EVAL_OK;
            }
            if (aggregate_add(E, &ag, w, e->loc))
                return EVAL_FAILED;
        }
        v = ag.acc;
        v.kind = e->kind;
        break;
    }
    default:
        break;
    }
    if (st)
        return num_failed(E, e->loc, st);
    *out = v;
    return EVAL_OK;
}

/* The value of a parameter in force in a year: the latest 'from' on or before the
 * year's last day. */
static int param_value(Eval *E, Param *p, int year, Loc at, Value *out)
{
    Param *best = param_in_force(p, year);
    bool any_value = false;
    for (Param *q = p; q; q = q->next)
        any_value |= q->has_value;
    bool local = false;
    for (Param *q = p; q; q = q->next)
        local |= q->local;
    if (!best && (any_value || local)) {
        /* not yet in force in that year, or not yet decided by the federation: the rule
         * does not run, and says why */
        *out = absent_because(E, any_value ? WHY_PARAM : WHY_UNDECIDED, NULL, NULL,
                              (Key){year, NULL});
        E->why.param = p;
        return EVAL_OK;
    }
    if (!best) {
        Diag *g = diag_at(E->d, SEV_ERROR, at, _("parameter '%s' has no value in force in %d"),
                          p->name, year);
        int line, col;
        source_line_col(p->loc.src, p->loc.start, &line, &col);
        if (p->has_value)
            diag_note(E->d, g, _("its earliest value is from %d-%02d-%02d (%s:%d:%d)"),
                      p->from / 10000, p->from / 100 % 100, p->from % 100, p->loc.src->path,
                      line, col);
        else
            diag_note(E->d, g, _("the rule set leaves it to each federation (%s:%d:%d)"),
                      p->loc.src->path, line, col);
        if (p->local)
            diag_note(E->d, g, _("hint: set it in the federation's file: param %s = ... from "
                                 "%d-01-01 source \"...\""), p->name, year);
        E->errors++;
        return EVAL_FAILED;
    }
    *out = value_of_literal(&best->value);
    return EVAL_OK;
}

static Value group_sum(const AllocGroup *g, bool *ok)
{
    Num sum = num_exact(0);
    *ok = true;
    for (int i = 0; i < g->nmembers; i++)
        if (g->members[i]->amount.type == CELL_FIGURE &&
            num_add(sum, num_exact(g->members[i]->amount.figure), &sum))
            *ok = false;
    return value_number(K_MONEY, U_KR, sum);
}

/* An allocation's amount written '?': not filled in yet, and so nothing made of it. */
static bool todo_amount(Eval *E, const char *name, bool todo, Value *out)
{
    if (!todo)
        return false;
    E->why = (Why){.type = WHY_TODO_AMOUNT, .name = name};
    *out = todo_value();
    return true;
}

static bool group_todo(const AllocGroup *g)
{
    for (int i = 0; i < g->nmembers; i++)
        if (g->members[i]->amount.todo)
            return true;
    return false;
}

/* Where the figure of a parameter or an allocation a reference reads is written: the
 * parameter's value in force, the allocation's total, a member's amount, a group. */
static Loc figure_at(Eval *E, const Env *env, const Expr *e)
{
    switch (e->rtype) {
    case REF_PARAM: {
        int year = env->has_col && env->col.year ? env->col.year : E->prog->report->year;
        const Param *p = param_in_force(e->u.ref.param, year);
        return p ? p->value_loc : (Loc){0};
    }
    case REF_ALLOC:
        return loc_at(e->u.ref.alloc->loc.src, cell_span(&e->u.ref.alloc->total));
    case REF_GROUP:
        return e->u.ref.group->loc;
    case REF_MEMBER:
        return loc_at(e->u.ref.member->loc.src, cell_span(&e->u.ref.member->amount));
    default:
        return (Loc){0};
    }
}

static int eval_ref(Eval *E, const Env *env, Expr *e, Value *out)
{
    Table *t = e->u.ref.table;
    Row *r = e->u.ref.row;
    Column *c = e->u.ref.column;
    switch (e->rtype) {
    case REF_ROW:
        c = env->has_col ? column_by_key(t, env->col) : NULL;
        if (!c) {
            *out = absent_because(E, missing_column(t, env), t, NULL, env->col);
            return EVAL_OK;
        }
        break;
    case REF_CELL:
        break;
    case REF_COLUMN:
        /* the row being computed, or checked; in another table, its row of the same
         * name (u[x] in "t where x > u[x]") */
        if (env->row && env->table == t) /* a row of env's is of its table */
            r = env->row;
        else if (env->row_name)
            r = row_by_name(t, env->row_name);
        else if (env->row)
            r = row_by_name(t, env->row->name);
        if (!r) {
            *out = absent_because(E, t->absent_reason ? WHY_ABSENT : WHY_NO_ROW, t, NULL,
                                  (Key){0, NULL});
            E->why.name = env->row_name ? env->row_name : env->row ? env->row->name : "";
            return EVAL_OK;
        }
        break;
    case REF_PARAM: {
        int year = env->has_col && env->col.year ? env->col.year : E->prog->report->year;
        if (param_value(E, e->u.ref.param, year, e->loc, out))
            return EVAL_FAILED;
        break;
    }
    case REF_ALLOC:
        if (!todo_amount(E, e->u.ref.alloc->name, e->u.ref.alloc->total.todo, out))
            *out = amount(&e->u.ref.alloc->total);
        break;
    case REF_GROUP: {
        if (todo_amount(E, e->u.ref.group->name, group_todo(e->u.ref.group), out))
            break;
        bool ok;
        *out = group_sum(e->u.ref.group, &ok);
        if (!ok)
            return num_failed(E, e->loc, NUM_OVERFLOW);
        break;
    }
    case REF_MEMBER: {
        const Cell *a = &e->u.ref.member->amount;
        if (todo_amount(E, e->u.ref.member->name, a->todo, out)) {
        } else if (is_stated(a)) {
            *out = amount(a);
        } else {
            *out = absent_because(E, WHY_MEMBER, NULL, NULL, (Key){0, NULL});
            E->why.name = e->u.ref.member->name;
        }
        break;
    }
    case REF_YEAR:
        *out = value_number(K_NUMBER, U_NONE, num_units(E->prog->report->year));
        return EVAL_OK;
    default:
        return fail(E, e->loc, _("this names many rows; use sum(...) or count(...)"));
    }
    if (!t) { /* a parameter or an allocation */
        if (E->collect && !out->absent) {
            Loc at = figure_at(E, env, e);
            record(E, text_of(E, e->loc), *out, at, at.start);
        }
        return EVAL_OK;
    }
    if (cell_value(E, t, r, c, out))
        return EVAL_FAILED;
    if (E->collect && !out->absent) {
        const char *text = text_of(E, e->loc);
        if (e->rtype == REF_ROW && (!env->table || env->table != t || env->row_name))
            text = arena_printf(E->a, "%s[%s]", text, key_text(E, c->key));
        else if (e->rtype == REF_COLUMN && env->row_name)
            text = arena_printf(E->a, "%s.%s[%s]", t->name, r->name, key_text(E, c->key));
        record(E, text, *out, read_at(t, r, c), r->span.start);
        note_cause(E, t, r, c);
    }
    return EVAL_OK;
}

static bool compare(BinOp op, Num a, Num b)
{
    switch (op) {
    case OP_EQ: return num_meets(a, b);
    case OP_NE: return !num_meets(a, b);
    case OP_LT: return num_can_lt(a, b);
    case OP_LE: return num_can_le(a, b);
    case OP_GT: return num_can_gt(a, b);
    case OP_GE: return num_can_ge(a, b);
    default: return false;
    }
}

/* ---- exact fractions ---------------------------------------------------------- */

/* A constant written with figures, such as 1/3, as an exact fraction p/q (q > 0, in
 * lowest terms). With it a * (1/3) is a / 3, rounded once, rather than a times
 * 0,333333..0,333334, which is 400 000 +- 0,6 for a = 1 200 000. */
typedef struct {
    int64_t p, q;
} Ratio;

/* Constants are small expressions: larger ones are not looked into, so that finding
 * out costs nothing in long formulas. */
enum { MAX_CONSTANT_DEPTH = 8 };

__extension__ typedef __int128 i128;

static bool ratio_make(i128 p, i128 q, Ratio *out)
{
    if (q == 0)
        return false;
    if (q < 0) {
        p = -p;
        q = -q;
    }
    i128 a = p < 0 ? -p : p, b = q;
    while (b) {
        i128 t = a % b;
        a = b;
        b = t;
    }
    if (a > 1) {
        p /= a;
        q /= a;
    }
    if (p < INT64_MIN || p > INT64_MAX || q > INT64_MAX)
        return false;
    out->p = (int64_t)p;
    out->q = (int64_t)q;
    return true;
}

/* percents: a percentage as written is exact (27% is 27/100), as an allocation marked
 * 'exact' decides its shares; else a printed percentage stands for an interval. */
static bool constant_of(const Expr *e, bool percents, Ratio *out)
{
    if (e->depth > MAX_CONSTANT_DEPTH)
        return false;
    Ratio a, b;
    switch (e->type) {
    case E_FIGURE:
        if (percents && e->u.figure.kind == K_PERCENT && e->u.figure.printed &&
            !e->u.figure.todo)
            return ratio_make(e->u.figure.figure, (i128)100 * NUM_SCALE, out);
        if (e->u.figure.kind != K_NUMBER || e->u.figure.todo ||
            !num_is_exact(e->u.figure.value))
            return false;
        return ratio_make(e->u.figure.value.lo, NUM_SCALE, out);
    case E_NEG:
        return constant_of(e->u.unary.operand, percents, &a) && ratio_make(-(i128)a.p, a.q, out);
    case E_BINARY:
        if (e->op > OP_DIV || !constant_of(e->u.binary.left, percents, &a) ||
            !constant_of(e->u.binary.right, percents, &b))
            return false;
        switch (e->op) {
        case OP_ADD: return ratio_make((i128)a.p * b.q + (i128)b.p * a.q, (i128)a.q * b.q, out);
        case OP_SUB: return ratio_make((i128)a.p * b.q - (i128)b.p * a.q, (i128)a.q * b.q, out);
        case OP_MUL: return ratio_make((i128)a.p * b.p, (i128)a.q * b.q, out);
        default: return ratio_make((i128)a.p * b.q, (i128)a.q * b.p, out);
        }
    default:
        return false;
    }
}

static bool constant(const Expr *e, Ratio *out) { return constant_of(e, false, out); }

/* a * c, or a / c when `divide`, with c exact: rounded once. */
static NumStatus mul_ratio(Num a, Ratio c, bool divide, Num *out)
{
    if (!divide)
        return num_mul_ratio(a, c.p, c.q, out);
    if (c.p == 0)
        return NUM_DIV_ZERO;
    return num_mul_ratio(a, c.p < 0 ? -c.q : c.q, c.p < 0 ? -c.p : c.p, out);
}

/* l op r for + - * /, with the constants among them exact. Apart from eval_binary,
 * so that its locals take no stack in every level of a chain of formulas. */
__attribute__((noinline)) static NumStatus arithmetic(const Expr *e, Num l, Num r, Num *out)
{
    BinOp op = e->op;
    Ratio c;
    if (constant(e, &c))
        return num_mul_ratio(num_units(1), c.p, c.q, out); /* exact where it can be */
    if ((op == OP_MUL || op == OP_DIV) && constant(e->u.binary.right, &c))
        return mul_ratio(l, c, op == OP_DIV, out);
    if (op == OP_MUL && constant(e->u.binary.left, &c))
        return mul_ratio(r, c, false, out);
    switch (op) {
    case OP_ADD: return num_add(l, r, out);
    case OP_SUB: return num_sub(l, r, out);
    case OP_MUL: return num_mul(l, r, out);
    default: return num_div(l, r, out);
    }
}

static int eval_binary(Eval *E, const Env *env, Expr *e, Value *out)
{
    BinOp op = e->op;
    Value l, r;
    if (eval(E, env, e->u.binary.left, &l))
        return EVAL_FAILED;
    if ((op == OP_OR && !l.absent && l.b) || (op == OP_AND && !l.absent && !l.b)) {
        *out = l;
        return EVAL_OK;
    }
    Why left_why = E->why;
    if (eval(E, env, e->u.binary.right, &r))
        return EVAL_FAILED;
    if (l.absent || r.absent) {
        if (l.absent)
            E->why = left_why;
        *out = (l.absent && l.todo) || (r.absent && r.todo) ? todo_value() : absent();
        return EVAL_OK;
    }
    if (op == OP_AND || op == OP_OR) {
        *out = r;
        return EVAL_OK;
    }
    if (op >= OP_EQ) {
        *out = value_bool(compare(op, l.n, r.n));
        return EVAL_OK;
    }
    Kind k = kind_binop(op, l.kind, r.kind);
    Num n;
    NumStatus st = arithmetic(e, l.n, r.n, &n);
    if (st)
        return num_failed(E, e->loc, st);
    Unit u = op == OP_ADD || op == OP_SUB ? unit_combine(k, l.unit, r.unit)
                                          : unit_combine(k, l.kind == k ? l.unit : r.unit, U_NONE);
    *out = value_number(k, u, n);
    return EVAL_OK;
}

static int eval(Eval *E, const Env *env, Expr *e, Value *out)
{
    switch (e->type) {
    case E_FIGURE:
        if (e->u.figure.todo) {
            E->why = (Why){.type = WHY_TODO_FIGURE};
            *out = todo_value();
        } else {
            *out = value_of_literal(&e->u.figure);
        }
        return EVAL_OK;
    case E_DATE:
        *out = value_number(K_DATE, U_NONE, num_units(e->u.date));
        return EVAL_OK;
    case E_STRING:
        *out = absent();
        return EVAL_OK;
    case E_REF:
        return eval_ref(E, env, e, out);
    case E_SUM_ABOVE:
        return eval_sum_above(E, env, e, out);
    case E_NEG:
    case E_NOT: {
        if (eval(E, env, e->u.unary.operand, out))
            return EVAL_FAILED;
        if (out->absent)
            return EVAL_OK;
        if (e->type == E_NOT) {
            out->b = !out->b;
            return EVAL_OK;
        }
        NumStatus st = num_neg(out->n, &out->n);
        out->figure = -out->figure; /* a printed figure stays one: -38 % */
        return st ? num_failed(E, e->loc, st) : EVAL_OK;
    }
    case E_BINARY:
        return eval_binary(E, env, e, out);
    case E_CALL:
        return eval_call(E, env, e, out);
    case E_WHERE:
        return fail(E, e->loc, _("'where' chooses rows for sum(...) or count(...)"));
    }
    return EVAL_OK;
}

/* ---- findings ------------------------------------------------------------------- */

/* What did not run, with the reason the evaluation left in E->why. */
static NotRun *not_run(Eval *E, Loc at, const char *tag, Facts about, int order)
{
    NotRun *n = result_not_run(E->res, E->a, at, tag, about, E->why);
    n->order_column = order;
    return n;
}

static void count_outcome(Eval *E, bool passed, Severity sev)
{
    result_count(E->res, passed, sev);
}

static Finding *finding(Eval *E, FindingType type, Severity sev, Loc at, const char *tag)
{
    return result_add(E->res, E->a, type, sev, at, tag);
}

static void set_difference(Finding *f, Value a, Value b) { result_difference(f, a, b); }

static void copy_operands(Finding *f, const Collector *c)
{
    for (int i = 0; i < c->len; i++)
        f->operands[i] = c->items[i];
    f->noperands = c->len;
}

/* A cell's key for a review file: note2.total[2024]. */
static const char *cell_key(Eval *E, const Table *t, const Row *r, Key k)
{
    return arena_printf(E->a, "%s.%s[%s]", t->name, r->name, key_text(E, k));
}

/* Where a cell's outcome is recorded, when the results are detailed. */
static CellResult *cell_result(Eval *E, const Table *t, const Row *r, const Column *c)
{
    if (!E->res->detailed)
        return NULL;
    CellResult **cells = &E->res->cells[t->id];
    if (!*cells)
        *cells = arena_alloc(E->a, sizeof(CellResult) * (size_t)(t->nrows * t->ncolumns + 1));
    return &(*cells)[r->index * t->ncolumns + c->index];
}

static void check_formula(Eval *E, Table *t, Row *r, Column *c, Expr *formula)
{
    Cell *cell = &r->cells[c->index];
    Operand ops[MAX_OPERANDS];
    Collector col = {ops, 0, 0, NULL};
    Value computed;
    Memo *m = cell_computed(E, t, r, c, &computed);
    if (m->state != MEMO_DONE)
        return;
    /* the operands are collected when they are to be shown: the row's formula is
     * computed again only if it fails; it cannot fail to compute where it did not */
    E->why = m->why ? *m->why : (Why){0};
    bool collected = formula != (row_formula(r) ? row_formula(r) : c->formula);
    if (collected) {
        E->collect = &col;
        E->session++;
        int st = compute_cell(E, t, r, c, formula, &computed);
        E->collect = NULL;
        if (st)
            return;
    }
    Facts about = {.fact = formula == row_formula(r) ? FACT_ROW_FORMULA : FACT_COLUMN_FORMULA,
                   .table = t, .row = r, .column = c};
    if (computed.absent) {
        NotRun *n = not_run(E, cell_loc(t->src, cell), "formula", about, c->index);
        n->stated = true;
        return;
    }
    Value says = stated(t, r, cell);
    bool ok = num_meets(says.n, computed.n);
    count_outcome(E, ok, SEV_ERROR);
    CellResult *cr = cell_result(E, t, r, c);
    if (cr) {
        if (cr->computed.kind == K_UNKNOWN)
            cr->computed = computed;
        if (cr->outcome != CELL_DIFFERS)
            cr->outcome = ok ? CELL_AGREES : CELL_DIFFERS;
    }
    if (ok)
        return;
    if (!collected) {
        E->collect = &col;
        E->session++;
        int st = compute_cell(E, t, r, c, formula, &computed);
        E->collect = NULL;
        if (st)
            return;
    }
    Finding *f = finding(E, FIND_FORMULA, SEV_ERROR, cell_loc(t->src, cell), "formula");
    f->row_at = row_loc(t, r);
    Finding **slot = wrong_slot(E, t, r, c, true);
    if (!*slot)
        *slot = f;
    if (col.cause && col.cause != f)
        f->same_as = col.cause->loc;
    f->key = cell_key(E, t, r, c->key);
    f->about = about;
    if (formula->type != E_SUM_ABOVE)
        f->about.written = text_of(E, formula->loc);
    f->has_stated = true;
    f->stated = says;
    computed.unit = unit_combine(computed.kind, says.unit, U_NONE);
    f->computed = computed;
    copy_operands(f, &col);
    set_difference(f, says, computed);
    f->order_column = c->index;
}

/* Whether a note prints no figure at all in a column: then its total is no figure
 * either, though a sum of its blanks computes to 0. */
static bool column_empty(const Table *t, const Column *c)
{
    for (int i = 0; i < t->nrows; i++)
        if (t->rows[i]->ncells > c->index && is_stated(&t->rows[i]->cells[c->index]))
            return false;
    return true;
}

static void check_note(Eval *E, Table *t, Row *r)
{
    Table *note = E->prog->notes[r->note];
    if (!note || note->nrows == 0)
        return;
    Row *total = note->rows[note->nrows - 1];
    for (int i = 0; i < t->ncolumns; i++) {
        Column *c = t->columns[i];
        Column *nc = column_by_key(note, c->key);
        if (!nc)
            continue;
        Value here, there;
        E->why = (Why){0};
        if (cell_value(E, t, r, c, &here) || cell_value(E, note, total, nc, &there))
            return;
        /* a total computed from a column of blanks: not "the note says 0", the note
         * says nothing */
        bool empty = !there.absent && column_empty(note, nc);
        if (empty)
            there.absent = true;
        if (here.absent && there.absent)
            continue; /* neither place prints a figure: nothing to compare */
        if (here.absent || there.absent) {
            if (empty)
                E->why = (Why){.type = WHY_EMPTY_NOTE, .table = note, .key = nc->key};
            else if (there.absent)
                E->why = (Why){.type = WHY_BLANK, .table = note, .row = total,
                               .key = nc->key};
            else
                E->why = (Why){.type = WHY_BLANK, .table = t, .row = r, .key = c->key};
            Facts about = {.fact = FACT_NOTE, .table = t, .row = r, .column = c,
                           .note = r->note, .total = total};
            NotRun *n = not_run(E, cell_loc(t->src, &r->cells[i]), "note", about, i);
            n->stated = true;
            continue;
        }
        bool ok = num_meets(here.n, there.n);
        count_outcome(E, ok, SEV_ERROR);
        if (ok)
            continue;
        Finding *f = finding(E, FIND_NOTE, SEV_ERROR, cell_loc(t->src, &r->cells[i]), "note");
        f->row_at = row_loc(t, r);
        f->key = cell_key(E, t, r, c->key);
        f->about = (Facts){.fact = FACT_NOTE, .table = t, .row = r, .column = c,
                           .note = r->note, .total = total,
                           .other = cell_loc(note->src, &total->cells[nc->index])};
        f->has_stated = true;
        f->stated = here;
        f->computed = there;
        Finding **slot = wrong_slot(E, note, total, nc, false);
        if (slot && *slot)
            f->same_as = (*slot)->loc;
        set_difference(f, here, there);
        f->order_column = i;
    }
}

static void check_tables(Eval *E)
{
    Program *prog = E->prog;
    for (int ti = 0; ti < prog->tables.len; ti++) {
        Table *t = prog->tables.items[ti];
        for (int i = 0; i < t->nrows; i++) {
            Row *r = t->rows[i];
            for (int j = 0; j < t->ncolumns; j++) {
                Column *c = t->columns[j];
                if (!is_stated(&r->cells[j])) {
                    /* computed though nobody asks for it: a cycle or an overflow in
                     * it is still an error */
                    Value computed;
                    if ((row_formula(r) || c->formula) && cell_value(E, t, r, c, &computed))
                        continue; /* reported; the other cells are still checked */
                    CellResult *cr = cell_result(E, t, r, c);
                    if (cr && (row_formula(r) || c->formula))
                        cr->computed = computed;
                    continue;
                }
                if (row_formula(r))
                    check_formula(E, t, r, c, row_formula(r));
                if (c->formula)
                    check_formula(E, t, r, c, c->formula);
            }
        }
    }
    /* the notes after every formula, so that a note total found wrong is known when a
     * row is compared with it (probably the same error) */
    for (int ti = 0; ti < prog->tables.len; ti++) {
        Table *t = prog->tables.items[ti];
        for (int i = 0; i < t->nrows; i++)
            if (t->rows[i]->note)
                check_note(E, t, t->rows[i]);
    }
}

/* A bare number compared with an amount is shown as an amount, in the amount's unit:
 * beside "-104 tkr" the 0 it is compared with is "0 tkr", not "0 kr", and 12 500 is
 * "12,5 tkr"; one explanation speaks one unit. */
static void adopt_kind(Value *v, const Value *other)
{
    if (v->kind == K_NUMBER && kind_is_numeric(other->kind)) {
        v->kind = other->kind;
        v->unit = other->unit;
    }
}

/* The comparisons to explain when a check fails: of an `and`, the first false side's;
 * of an `or` that is false, both sides', since each was false. At most max, in the
 * order written. */
static int failing_comparisons(Eval *E, const Env *env, Expr *e, Expr **out, int max)
{
    if (max <= 0)
        return 0;
    Value v;
    if (e->type == E_BINARY && e->op == OP_OR &&
        eval(E, env, e, &v) == EVAL_OK && !v.absent && !v.b) {
        int n = failing_comparisons(E, env, e->u.binary.left, out, max);
        return n + failing_comparisons(E, env, e->u.binary.right, out + n, max - n);
    }
    /* an `and`, or an `or` that held (a passed run, explained in detailed results) */
    if (e->type == E_BINARY && (e->op == OP_AND || e->op == OP_OR)) {
        Value l;
        Expr *left = e->u.binary.left;
        if (eval(E, env, left, &l) == EVAL_OK && !l.absent && !l.b)
            return failing_comparisons(E, env, left, out, max);
        return failing_comparisons(E, env, e->u.binary.right, out, max);
    }
    out[0] = e;
    return 1;
}

static bool is_comparison(const Expr *e)
{
    return e->type == E_BINARY && e->op >= OP_EQ && e->op <= OP_GE;
}

/* The text of a side of a comparison: a single reference as the collector named it
 * (with its column or row), anything else as written. */
static const char *side_text(Eval *E, Expr *side, const Collector *col, int from, int to)
{
    if (side->type == E_REF && to == from + 1)
        return col->items[from].text;
    return text_of(E, side->loc);
}

/* Where a side of a comparison read its figure: a single reference's place, else none. */
static void side_at(Operand *o, Expr *side, const Collector *col, int from, int to)
{
    if (side->type == E_REF && to == from + 1) {
        o->at = col->items[from].at;
        o->row_start = col->items[from].row_start;
    }
}

/* Evaluates a comparison's two sides, collecting their references in col; each side
 * is named and placed as the collector read it (a reference with its column). False
 * if a side has no value. */
static bool compare_sides(Eval *E, const Env *env, Expr *cmp, Collector *col, Operand sides[2])
{
    Value l, r;
    E->collect = col;
    E->session++;
    int st = eval(E, env, cmp->u.binary.left, &l);
    int left_refs = col->len;
    if (!st)
        st = eval(E, env, cmp->u.binary.right, &r);
    E->collect = NULL;
    if (st || l.absent || r.absent)
        return false;
    adopt_kind(&l, &r);
    adopt_kind(&r, &l);
    sides[0] = (Operand){.text = side_text(E, cmp->u.binary.left, col, 0, left_refs), .value = l};
    sides[1] = (Operand){.text = side_text(E, cmp->u.binary.right, col, left_refs, col->len),
                         .value = r};
    side_at(&sides[0], cmp->u.binary.left, col, 0, left_refs);
    side_at(&sides[1], cmp->u.binary.right, col, left_refs, col->len);
    return true;
}

/* An alternative of a failed `or`: its sides as written and their values. */
static void explain_alternative(Eval *E, const Env *env, Expr *cmp, Alternative *alt)
{
    alt->loc = cmp->loc;
    alt->text = text_of(E, cmp->loc);
    Operand ops[MAX_OPERANDS];
    Collector col = {ops, 0, 0, NULL};
    if (!is_comparison(cmp) || !compare_sides(E, env, cmp, &col, alt->sides))
        return;
    alt->compared = true;
    const Value *l = &alt->sides[0].value, *r = &alt->sides[1].value;
    if (kind_is_numeric(l->kind) && kind_is_numeric(r->kind)) {
        Finding d = {0};
        set_difference(&d, *l, *r);
        alt->has_difference = d.has_difference;
        alt->difference = d.difference;
        alt->difference_kind = d.difference_kind;
        alt->difference_unit = d.difference_unit;
    }
}

static void explain_check(Eval *E, const Env *env, Check *c, Finding *f)
{
    Expr *cmps[MAX_ALTERNATIVES];
    int n = failing_comparisons(E, env, c->expr, cmps, MAX_ALTERNATIVES);
    Expr *cmp = cmps[0];
    f->loc = cmp->loc;
    if (n > 1) {
        f->alternatives = arena_alloc(E->a, sizeof *f->alternatives * (size_t)n);
        f->nalternatives = n;
        for (int i = 0; i < n; i++)
            explain_alternative(E, env, cmps[i], &f->alternatives[i]);
    }
    Operand ops[MAX_OPERANDS];
    Collector col = {ops, 0, 0, NULL};
    if (!is_comparison(cmp) || !compare_sides(E, env, cmp, &col, f->operands))
        return;
    f->noperands = 2;
    for (int i = 0; i < col.len && f->noperands < MAX_OPERANDS; i++)
        if (strcmp(col.items[i].text, f->operands[0].text) != 0 &&
            strcmp(col.items[i].text, f->operands[1].text) != 0)
            f->operands[f->noperands++] = col.items[i];
    const Value *l = &f->operands[0].value, *r = &f->operands[1].value;
    if (kind_is_numeric(l->kind) && kind_is_numeric(r->kind))
        set_difference(f, *l, *r);
    if (col.cause)
        f->same_as = col.cause->loc;
}

/* A check's run, as facts: its title (the user's words) and where it ran, or did not:
 * "in column 2024", "in row \"Arvika\"". */
static Facts check_facts(const Check *c, const Env *env)
{
    Facts x = {.fact = FACT_WORDS};
    if (env->has_col) {
        x.place = PLACE_COLUMN_KEY;
        x.key = env->col;
    } else if (env->row_name) {
        x.place = PLACE_ROW;
        x.key.name = env->row_name;
        x.row = row_by_name(c->domain_table, env->row_name);
    }
    return x;
}

static NotRun *check_not_run(Eval *E, const Check *c, const Env *env, int order)
{
    NotRun *n = not_run(E, c->expr->loc, c->name, check_facts(c, env), order);
    n->message = c->title ? c->title : c->name;
    return n;
}

/* A dated check applies to the years that meet its dates: the column's year, or the
 * report's. A check out of force is no rule for that year, so it is not counted as one
 * that did not run. */
static bool check_in_force(const Eval *E, const Check *c, const Env *env)
{
    int year = env->has_col && env->col.year ? env->col.year : E->prog->report->year;
    return (!c->from || c->from <= year * 10000 + 1231) &&
           (!c->until || c->until >= year * 10000 + 101);
}

static void run_check(Eval *E, Check *c, Env env, int order)
{
    if (!check_in_force(E, c, &env))
        return;
    Value v;
    int before = E->errors;
    E->why = (Why){0};
    if (eval(E, &env, c->expr, &v) || E->errors != before)
        return;
    if (v.absent) {
        check_not_run(E, c, &env, order);
        return;
    }
    count_outcome(E, v.b, c->severity);
    if (v.b && !E->res->detailed)
        return;
    /* a failed run is a finding; in detailed results a passed one is explained too */
    Finding *f = v.b ? arena_alloc(E->a, sizeof *f)
                     : finding(E, FIND_CHECK, c->severity, c->expr->loc, c->name);
    f->type = FIND_CHECK;
    f->severity = c->severity;
    f->tag = c->name;
    f->message = c->title ? c->title : c->name;
    const char *name = c->full_name ? c->full_name : c->name;
    f->key = env.has_col ? arena_printf(E->a, "%s[%s]", name, key_text(E, env.col))
             : env.row_name ? arena_printf(E->a, "%s[%s]", name, env.row_name) : name;
    f->about = check_facts(c, &env);
    f->explanation = c->message;
    f->source = c->source;
    f->order_column = order;
    explain_check(E, &env, c, f);
    if (!E->res->detailed)
        return;
    CheckRun *run = arena_alloc(E->a, sizeof *run);
    run->check = c;
    run->passed = v.b;
    run->explained = f;
    if (env.has_col) {
        run->key = env.col;
        run->has_key = true;
    } else if (env.row_name) {
        run->key.name = env.row_name;
        run->has_key = true;
    }
    ptrvec_push(E->a, &E->res->runs, run);
}

/* Why a check does not run for key k, outside the columns (or rows) all its operands
 * share: the first operand without it, found as resolve.c's domain_walk found the
 * domain, without evaluating anything. */
static bool missing_key(Expr *e, Key k, int shift, bool in_rows_aggregate, Why *out)
{
    switch (e->type) {
    case E_REF:
        if (e->u.ref.table && e->u.ref.table->absent_reason) {
            *out = (Why){.type = WHY_ABSENT, .table = e->u.ref.table};
            return true;
        }
        if (e->rtype == REF_ROW) {
            Table *t = e->u.ref.table;
            Key at = k;
            if (shift && !k.year) {
                *out = (Why){.type = WHY_NOT_YEAR, .key = k};
                return true;
            }
            at.year = k.year ? k.year - shift : 0;
            if (!column_by_key(t, at)) {
                *out = (Why){.type = shift ? WHY_NO_EARLIER : WHY_NO_COLUMN, .table = t,
                             .key = at};
                return true;
            }
            if (shift && !column_by_key(t, k)) {
                *out = (Why){.type = WHY_NO_COLUMN, .table = t, .key = k};
                return true;
            }
        } else if (e->rtype == REF_COLUMN && !in_rows_aggregate && k.name &&
                   !row_by_name(e->u.ref.table, k.name)) {
            *out = (Why){.type = WHY_NO_ROW, .table = e->u.ref.table, .name = k.name};
            return true;
        }
        return false;
    case E_NEG:
    case E_NOT:
        return missing_key(e->u.unary.operand, k, shift, in_rows_aggregate, out);
    case E_BINARY:
        return missing_key(e->u.binary.left, k, shift, in_rows_aggregate, out) ||
               missing_key(e->u.binary.right, k, shift, in_rows_aggregate, out);
    case E_CALL: {
        Func f = e->u.call.func;
        PtrVec *args = &e->u.call.args;
        if (f == FN_PREV)
            return missing_key(args->items[0], k, shift + prev_years(e), in_rows_aggregate,
                               out);
        for (int i = 0; i < args->len; i++) {
            Expr *a = args->items[i];
            if (a->kind == K_ROWS) {
                Expr *base = a->type == E_WHERE ? a->u.where.rows : a;
                Key at = k;
                at.year = k.year ? k.year - shift : 0;
                if (base->u.ref.table->absent_reason) {
                    *out = (Why){.type = WHY_ABSENT, .table = base->u.ref.table};
                    return true;
                }
                if (f != FN_COUNT && !column_by_key(base->u.ref.table, at)) {
                    *out = (Why){.type = shift ? WHY_NO_EARLIER : WHY_NO_COLUMN,
                                 .table = base->u.ref.table, .key = at};
                    return true;
                }
            } else {
                bool aggregate = args->len == 1 && (f == FN_SUM || f == FN_MIN || f == FN_MAX ||
                                                    f == FN_COUNT);
                if (missing_key(a, k, shift, in_rows_aggregate || aggregate, out))
                    return true;
            }
        }
        return false;
    }
    default:
        return false;
    }
}

static bool has_key(const PtrVec *keys, Key k)
{
    for (int i = 0; i < keys->len; i++) {
        const Key *x = keys->items[i];
        if (x->year == k.year && x->name == k.name)
            return true;
    }
    return false;
}

/* The columns (or rows) of a check's first table that it does not run for, with the
 * operand that lacks it: every one when the check runs nowhere, else those a prev()
 * leaves without an earlier year. A column that another operand's table does not have
 * at all (a five-year overview against a two-year statement) is outside the check by
 * design, as the language says, and is not counted. */
static void checks_left_out(Eval *E, Check *c)
{
    Table *t = c->domain_table;
    if (!t)
        return;
    if (t->absent_reason && c->keys.len == 0) {
        /* every table it reads is absent: it does not run at all */
        Key k = {E->prog->report->year, NULL};
        if (!missing_key(c->expr, k, 0, false, &E->why))
            E->why = (Why){.type = WHY_ABSENT, .table = t};
        check_not_run(E, c, &(Env){0}, 0);
        return;
    }
    int n = c->domain == DOMAIN_ROWS ? t->nrows : t->ncolumns;
    for (int i = 0; i < n; i++) {
        Env env = {0};
        if (c->domain == DOMAIN_ROWS) {
            env.row_name = t->rows[i]->name;
        } else {
            env.col = t->columns[i]->key;
            env.has_col = true;
        }
        Key k = c->domain == DOMAIN_ROWS ? (Key){0, env.row_name} : env.col;
        if (has_key(&c->keys, k))
            continue;
        if (!missing_key(c->expr, k, 0, false, &E->why))
            E->why = (Why){.type = WHY_NO_KEYS};
        if (c->keys.len && E->why.type != WHY_NO_EARLIER)
            continue;
        check_not_run(E, c, &env, c->keys.len + i);
    }
}

static void run_checks(Eval *E)
{
    for (int i = 0; i < E->prog->checks.len; i++) {
        Check *c = E->prog->checks.items[i];
        Env env = {0};
        if (c->domain == DOMAIN_SCALAR) {
            run_check(E, c, env, 0);
            continue;
        }
        checks_left_out(E, c);
        for (int k = 0; k < c->keys.len; k++) {
            Key *key = c->keys.items[k];
            Env at = env;
            if (c->domain == DOMAIN_COLUMNS) {
                at.col = *key;
                at.has_col = true;
            } else {
                at.row_name = key->name;
            }
            run_check(E, c, at, k);
        }
    }
}

/* ---- allocations ------------------------------------------------------------------ */

static Finding *alloc_finding(Eval *E, Loc at, Facts about, Value stated, Value computed)
{
    Finding *f = finding(E, FIND_ALLOC, SEV_ERROR, at, "allocation");
    f->about = about;
    f->has_stated = true;
    f->stated = stated;
    f->computed = computed;
    set_difference(f, stated, computed);
    return f;
}

/* The lines of an allocation's table with what it states, for the reports; the shares
 * are filled in as they are computed. NULL when the results are not detailed. */
static AllocView *alloc_view_begin(Eval *E, const Allocation *al)
{
    if (!E->res->detailed)
        return NULL;
    AllocView *v = arena_alloc(E->a, sizeof *v);
    int n = 1;
    for (int i = 0; i < al->ngroups; i++)
        n += 1 + al->groups[i]->nmembers;
    v->alloc = al;
    v->lines = arena_alloc(E->a, sizeof(AllocLine) * (size_t)n);
    for (int i = 0; i < al->ngroups; i++) {
        const AllocGroup *g = al->groups[i];
        bool ok;
        AllocLine *gl = &v->lines[v->nlines++];
        *gl = (AllocLine){.type = ALLOC_LINE_GROUP, .group = g, .at = g->loc,
                          .key = absent(), .stated = group_sum(g, &ok), .computed = absent()};
        if (!ok)
            gl->stated = absent();
        v->keyed |= g->by != NULL;
        for (int j = 0; j < g->nmembers; j++) {
            const AllocMember *m = g->members[j];
            AllocLine *ml = &v->lines[v->nlines++];
            *ml = (AllocLine){.type = ALLOC_LINE_MEMBER, .group = g, .member = m, .at = m->loc,
                              .key = absent(), .stated = absent(), .computed = absent()};
            if (m->amount.type == CELL_FIGURE || m->amount.type == CELL_DASH)
                ml->stated = amount(&m->amount);
        }
    }
    v->lines[v->nlines++] = (AllocLine){
        .type = ALLOC_LINE_TOTAL, .at = al->name_loc, .key = absent(), .computed = absent(),
        .stated = al->total.type == CELL_FIGURE ? amount(&al->total) : absent()};
    ptrvec_push(E->a, &E->res->allocs, v);
    return v;
}

/* A keyed split: each member's share of the group by its row in the key table.
 * exact: the group's fraction as an exact fraction, or NULL. */
static void check_keyed(Eval *E, AllocGroup *g, Num total, const Ratio *exact, Num group_share,
                        Num half, AllocLine *lines)
{
    const Source *src = g->alloc->loc.src;
    Column *kc = g->by->ncolumns == 1 ? g->by->columns[0]
                                      : column_by_key(g->by, (Key){E->prog->report->year, NULL});
    if (!kc) {
        fail(E, g->by_loc, _("the key table has several columns and none for the report's "
                             "year"));
        return;
    }
    Num keysum = num_exact(0);
    for (int j = 0; j < g->nmembers; j++) {
        Value kv;
        Row *kr = row_by_name(g->by, g->members[j]->name);
        if (cell_value(E, g->by, kr, kc, &kv))
            return;
        if (lines)
            lines[j].key = kv;
        if (kv.absent) {
            /* no figure to split by: said, and the other groups still checked */
            Diag *d = diag_at(E->d, SEV_ERROR, g->members[j]->loc, _("'%s' has no figure in "
                              "the key table '%s', so the split of '%s' cannot be checked"),
                              g->members[j]->name, g->by->name, g->name);
            diag_note(E->d, d, _("its row in '%s' is at %s"), g->by->name,
                      diag_place(E->d, row_loc(g->by, kr)));
            E->errors++;
            return;
        }
        if (num_add(keysum, kv.n, &keysum)) {
            num_failed(E, g->loc, NUM_OVERFLOW);
            return;
        }
    }
    for (int j = 0; j < g->nmembers; j++) {
        AllocMember *m = g->members[j];
        Value kv;
        Row *kr = row_by_name(g->by, m->name);
        if (cell_value(E, g->by, kr, kc, &kv))
            return;
        /* total * p * key / (q * keysum), rounded once where the fraction is exact */
        Num part, mine, whole = keysum;
        NumStatus st = num_mul(exact ? total : group_share, kv.n, &part);
        if (!st && exact)
            st = num_mul_ratio(part, exact->p, 1, &part);
        if (!st && exact)
            st = num_mul_ratio(keysum, exact->q, 1, &whole);
        if (!st)
            st = num_div(part, whole, &mine);
        if (!st)
            st = num_widen(mine, half.hi, &mine);
        if (st) {
            num_failed(E, m->loc, st);
            return;
        }
        if (lines)
            lines[j].computed = value_number(K_MONEY, U_KR, mine);
        if (m->amount.type != CELL_FIGURE)
            continue;
        bool fits = num_meets(num_exact(m->amount.figure), mine);
        count_outcome(E, fits, SEV_ERROR);
        Finding *f = NULL;
        if (!fits)
            f = alloc_finding(E, cell_loc(src, &m->amount),
                              (Facts){.fact = FACT_ALLOC_SHARE, .alloc = g->alloc, .group = g,
                                      .member = m},
                              amount(&m->amount), value_number(K_MONEY, U_KR, mine));
        if (f)
            f->key = arena_printf(E->a, "%s.%s.%s", g->alloc->name, g->name, m->name);
        if (lines) {
            lines[j].compared = true;
            lines[j].finding = f;
        }
    }
}

static void check_alloc(Eval *E, Allocation *al)
{
    AllocView *v = alloc_view_begin(E, al);
    AllocLine *line = v ? v->lines : NULL; /* the group's line, its members after it */
    if (al->total.type != CELL_FIGURE)
        return;
    Num total = num_exact(al->total.figure);
    Num half = num_exact(NUM_SCALE / 2);
    if (al->has_rounding)
        num_div(num_exact(al->rounding.figure), num_units(2), &half);
    Num shares = num_exact(0);
    Ratio sum = {0, 1}; /* the fractions added up exactly, while they are constants */
    bool sum_exact = true;
    Env none = {0};
    for (int i = 0; i < al->ngroups; i++) {
        AllocGroup *g = al->groups[i];
        Value frac;
        if (eval(E, &none, g->fraction, &frac) || num_add(shares, frac.n, &shares))
            return;
        if (line) {
            line->has_fraction = true;
            line->fraction = frac.n;
        }
        /* a fraction such as 1/3 exactly: 1/3 of 1 200 000 is 400 000, not 400 000
         * give or take 0,6 */
        Ratio exact;
        bool is_exact = constant_of(g->fraction, al->exact_shares, &exact);
        if (is_exact && al->exact_shares &&
            num_mul_ratio(num_units(1), exact.p, exact.q, &frac.n) == NUM_OK && line)
            line->fraction = frac.n; /* 27% of an exact allocation is 0,27, not 0,265..0,275 */
        sum_exact = sum_exact && is_exact &&
                    ratio_make((i128)sum.p * exact.q + (i128)exact.p * sum.q,
                               (i128)sum.q * exact.q, &sum);
        Num group_share;
        if ((is_exact ? num_mul_ratio(total, exact.p, exact.q, &group_share)
                      : num_mul(total, frac.n, &group_share))) {
            num_failed(E, g->loc, NUM_OVERFLOW);
            return;
        }
        Num share;
        if (num_widen(group_share, half.hi, &share)) {
            num_failed(E, g->loc, NUM_OVERFLOW);
            return;
        }
        bool ok;
        Value paid = group_sum(g, &ok);
        if (!ok) {
            num_failed(E, g->loc, NUM_OVERFLOW);
            return;
        }
        bool meets = num_meets(paid.n, share);
        count_outcome(E, meets, SEV_ERROR);
        Finding *f = NULL;
        if (!meets)
            f = alloc_finding(E, g->loc,
                              (Facts){.fact = FACT_ALLOC_MEMBERS, .alloc = al, .group = g},
                              paid, value_number(K_MONEY, U_KR, share));
        if (f)
            f->key = arena_printf(E->a, "%s.%s", al->name, g->name);
        if (line) {
            line->computed = value_number(K_MONEY, U_KR, share);
            line->compared = true;
            line->finding = f;
        }
        if (g->by)
            check_keyed(E, g, total, is_exact ? &exact : NULL, group_share, half,
                        line ? line + 1 : NULL);
        if (line)
            line += 1 + g->nmembers;
    }
    Num exact_sum;
    if (sum_exact && !num_mul_ratio(num_units(1), sum.p, sum.q, &exact_sum))
        shares = exact_sum; /* 1/3 + 1/3 + 1/3 is 1, not 0,999999 to 1,000002 */
    /* The exact sum is the whole or not, whatever six decimals can show of it:
     * 1/2 + 1/2 + 1/1000000000 is not. */
    bool whole = sum_exact ? sum.p == sum.q : num_meets(shares, num_units(1));
    count_outcome(E, whole, SEV_ERROR);
    if (line) {
        line->has_fraction = true;
        line->fraction = shares;
        line->compared = true;
    }
    if (!whole) {
        Finding *f = finding(E, FIND_ALLOC, SEV_ERROR, al->name_loc, "allocation");
        f->key = al->name;
        if (line)
            line->finding = f;
        f->about = (Facts){.fact = FACT_ALLOC_FRACTIONS, .alloc = al};
        for (int i = 0; i < al->ngroups && i < MAX_OPERANDS; i++) {
            f->operands[i].text = al->groups[i]->name;
            eval(E, &none, al->groups[i]->fraction, &f->operands[i].value);
        }
        f->noperands = al->ngroups < MAX_OPERANDS ? al->ngroups : MAX_OPERANDS;
        f->stated = value_number(K_NUMBER, U_NONE, shares);
        f->computed = value_number(K_NUMBER, U_NONE, num_units(1));
    }
}

/* ---- the run ------------------------------------------------------------------ */

int program_eval(Program *prog, Results *res)
{
    bool detailed = res->detailed;
    memset(res, 0, sizeof *res);
    res->detailed = detailed;
    if (detailed)
        res->cells = arena_alloc(&prog->arena, sizeof(CellResult *) * (size_t)(prog->tables.len + 1));
    Eval E = {0};
    E.prog = prog;
    E.a = &prog->arena;
    E.d = &prog->diags;
    E.res = res;
    E.memos = arena_alloc(E.a, sizeof(TableMemos *) * (size_t)(prog->tables.len + 1));
    E.wrong = arena_alloc(E.a, sizeof(Finding **) * (size_t)(prog->tables.len + 1));
    check_tables(&E);
    for (int i = 0; i < prog->allocs.len; i++)
        check_alloc(&E, prog->allocs.items[i]);
    run_checks(&E);
    where_memo_free(&E.wheres);
    years_compare(prog, res);
    plans_compare(prog, res);
    ledger_compare(prog, res);
    result_sort(res);
    return E.errors;
}
