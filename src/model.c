#include "model.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "value.h"

const char *model_unit_title(Unit u)
{
    switch (u) {
    case U_TKR: return "tkr";
    case U_MKR: return "mkr";
    case U_PERCENT: return "%";
    /* TRANSLATORS: the unit of a table of counts, after its title: "Deltagare
     * (count)". */
    case U_COUNT: return _("count");
    default: return "kr";
    }
}

/* ---- finding a cell's findings -------------------------------------------------- */

/* A finding about a cell's figure, by the place it starts. */
typedef struct {
    uintptr_t src;
    uint32_t start;
    int idx;            /* in Results.failed */
} CellKey;

static int key_cmp(const void *pa, const void *pb)
{
    const CellKey *a = pa, *b = pb;
    if (a->src != b->src)
        return a->src < b->src ? -1 : 1;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

typedef struct {
    Model *m;
    CellKey *keys;      /* the findings of figures, sorted by place */
    int nkeys;
    int *mark;          /* by finding: its number on the page, 0 if none yet */
    /* the footnotes of the block being built */
    ModelFootnote *foot;
    int nfoot, foot_cap;
} Builder;

static bool is_cell_finding(const Finding *f)
{
    return f->type == FIND_FORMULA || f->type == FIND_NOTE || f->type == FIND_PREVIOUS;
}

/* Adds finding idx as the next footnote of the block, numbered once on the page. */
static void add_footnote(Builder *b, int idx)
{
    Model *m = b->m;
    if (!b->mark[idx]) {
        b->mark[idx] = ++m->nmarked;
        m->marked[m->nmarked - 1] = (ModelFootnote){m->res->failed.items[idx], b->mark[idx],
                                                    m->nblocks - 1};
    }
    if (b->nfoot == b->foot_cap) {
        b->foot_cap = b->foot_cap ? 2 * b->foot_cap : 8;
        b->foot = mem_realloc(b->foot, sizeof *b->foot * (size_t)b->foot_cap);
    }
    /* the block being built is the last, already counted */
    b->foot[b->nfoot++] = (ModelFootnote){m->res->failed.items[idx], b->mark[idx], m->nblocks - 1};
}

/* The findings about a cell's stated figure, in the order of Results.failed: those
 * whose location starts at the cell. */
static void cell_findings(Builder *b, const Table *t, const Cell *c, ModelCell *mc)
{
    mc->foot = b->nfoot;
    if (c->type == CELL_EMPTY || !b->nkeys)
        return;
    CellKey want = {(uintptr_t)t->src, c->start, -1};
    int lo = 0, hi = b->nkeys;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (key_cmp(&b->keys[mid], &want) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < b->nkeys && b->keys[lo].src == want.src && b->keys[lo].start == want.start;
         lo++)
        add_footnote(b, b->keys[lo].idx);
    mc->nfoot = b->nfoot - mc->foot;
    if (mc->nfoot)
        mc->flags |= CELL_IS_DIFFERS;
}

static void finish_footnotes(Builder *b, ModelBlock *blk)
{
    blk->nfootnotes = b->nfoot;
    blk->footnotes = arena_alloc(&b->m->arena, sizeof *blk->footnotes * (size_t)(b->nfoot + 1));
    if (b->nfoot)
        memcpy(blk->footnotes, b->foot, sizeof *blk->footnotes * (size_t)b->nfoot);
    b->nfoot = 0;
}

/* ---- tables ------------------------------------------------------------------------ */

static int section_depth(const Section *s)
{
    int d = 0;
    for (; s; s = s->parent)
        d++;
    return d;
}

/* A row that adds up rows of its own table ("= sum", "= a + b", "= sum(section)"):
 * printed as a total. A formula that refers to another table is a cross-reference. */
static bool adds_up(const Expr *e, const Table *t, int depth)
{
    if (!e || depth > 64)
        return false;
    switch (e->type) {
    case E_SUM_ABOVE:
        return true;
    case E_REF:
        return (e->rtype == REF_ROW || e->rtype == REF_SECTION) &&
               e->u.ref.table == t;
    case E_NEG:
        return adds_up(e->u.unary.operand, t, depth + 1);
    case E_BINARY:
        return (e->op == OP_ADD || e->op == OP_SUB) &&
               adds_up(e->u.binary.left, t, depth + 1) &&
               adds_up(e->u.binary.right, t, depth + 1);
    case E_CALL:
        return e->u.call.func == FN_SUM && e->u.call.args.len == 1 &&
               adds_up(e->u.call.args.items[0], t, depth + 1);
    default:
        return false;
    }
}

static const char *column_title(Arena *a, const Column *c)
{
    if (c->label)
        return c->label;
    if (c->key.name)
        return c->key.name;
    return arena_printf(a, "%d", c->key.year);
}

/* A cell as the report prints it, without its unit; a figure computed where the
 * report prints none is flagged CELL_IS_COMPUTED. */
static void table_cell(Arena *a, const Table *t, const Row *r, int column, const Results *res,
                       ModelCell *mc)
{
    const Cell *c = &r->cells[column];
    const CellResult *cr = res && res->cells && res->cells[t->id]
                               ? &res->cells[t->id][r->index * t->ncolumns + column] : NULL;
    char figure[VALUE_FMT_MAX];
    mc->text = "";
    if (c->type == CELL_TEXT) {
        /* the text without its quotes */
        size_t n = c->len >= 2 ? c->len - 2u : 0;
        mc->text = arena_strndup(a, t->src->text + c->start + 1, n);
        mc->flags = CELL_IS_TEXT;
    } else if (c->type == CELL_DASH) {
        mc->text = "-";
    } else if (c->type == CELL_FIGURE) {
        Value v;
        value_of_cell(c, t->unit, (Kind)r->kind, &v);
        mc->text = arena_strndup(a, value_format_figure(&v, NULL, figure), VALUE_FMT_MAX);
        mc->flags = CELL_IS_STATED | (cr && cr->outcome == CELL_AGREES ? CELL_IS_AGREES : 0);
    } else if (cr && cr->computed.kind != K_UNKNOWN && !cr->computed.absent) {
        /* computed, not printed: like the row's printed figures */
        Value like = {0};
        for (int i = 0; i < r->ncells; i++)
            if (r->cells[i].type == CELL_FIGURE)
                value_of_cell(&r->cells[i], t->unit, (Kind)r->kind, &like);
        Value v = cr->computed;
        v.unit = (uint8_t)(v.kind == K_MONEY ? t->unit : v.unit);
        value_format_figure(&v, like.printed ? &like : NULL, figure);
        mc->text = arena_strndup(a, figure, VALUE_FMT_MAX);
        mc->flags = CELL_IS_COMPUTED;
    }
}

/* A cell's amount in micro units of its table's unit: the figure as printed, a dash as
 * zero, or the computed value of a cell the report leaves empty. Percentages and text
 * are not amounts. */
static bool cell_amount(const Table *t, const Row *r, int col, const Results *res,
                        int64_t *out)
{
    const Cell *c = &r->cells[col];
    switch (c->type) {
    case CELL_FIGURE:
        if (c->percent || t->unit == U_PERCENT || r->kind == K_PERCENT)
            return false;
        *out = c->figure;
        return true;
    case CELL_DASH:
        if (r->kind == K_PERCENT)
            return false;
        *out = 0;
        return true;
    case CELL_TEXT:
        return false;
    default:
        break;
    }
    const CellResult *cr = res && res->cells && res->cells[t->id]
                               ? &res->cells[t->id][r->index * t->ncolumns + col] : NULL;
    if (!cr || cr->computed.absent ||
        (cr->computed.kind != K_MONEY && cr->computed.kind != K_COUNT))
        return false;
    int64_t m = num_mid(cr->computed.n);
    if (cr->computed.kind == K_MONEY && t->unit == U_TKR)
        m /= 1000; /* kr to tkr */
    if (cr->computed.kind == K_MONEY && t->unit == U_MKR)
        m /= 1000000; /* kr to mkr */
    *out = m;
    return true;
}

static ModelLine *add_line(Arena *a, ModelBlock *blk, int *cap)
{
    if (blk->nlines == *cap) {
        int ncap = *cap ? 2 * *cap : 16;
        ModelLine *lines = arena_alloc(a, sizeof *lines * (size_t)ncap);
        if (blk->nlines)
            memcpy(lines, blk->lines, sizeof *lines * (size_t)blk->nlines);
        blk->lines = lines;
        *cap = ncap;
    }
    return &blk->lines[blk->nlines++];
}

static int section_cmp(const void *pa, const void *pb)
{
    const Section *a = *(const Section *const *)pa, *b = *(const Section *const *)pb;
    return a->loc.start < b->loc.start ? -1 : a->loc.start > b->loc.start;
}

static void build_table(Builder *b, ModelBlock *blk, const Table *t)
{
    Arena *a = &b->m->arena;
    blk->table = t;
    blk->kind = t->tkind;
    blk->name = t->name;
    blk->title = t->title ? t->title : t->name;
    blk->unit = t->unit;
    blk->ncolumns = t->ncolumns;
    blk->columns = arena_alloc(a, sizeof *blk->columns * (size_t)(t->ncolumns + 1));
    blk->outcome_column = blk->plan_column = -1;
    for (int c = 0; c < t->ncolumns; c++) {
        blk->columns[c] = (ModelColumn){column_title(a, t->columns[c]), t->columns[c]->key.name, c,
                                        t->columns[c]->key.year};
        /* the names the language reference gives a budget table's two columns */
        const char *name = t->tkind == T_BUDGET ? t->columns[c]->key.name : NULL;
        if (name && strcmp(name, "actual") == 0 && blk->outcome_column < 0)
            blk->outcome_column = c;
        if (name && strcmp(name, "budget") == 0 && blk->plan_column < 0)
            blk->plan_column = c;
    }
    for (int i = 0; i < t->nrows; i++)
        blk->notes |= t->rows[i]->note != 0;
    /* the sections in the order they are written: an outer one before those in it */
    int nsec = t->sections.len;
    const Section **secs = mem_alloc(sizeof *secs * (size_t)(nsec + 1));
    for (int s = 0; s < nsec; s++)
        secs[s] = t->sections.items[s];
    qsort(secs, (size_t)nsec, sizeof *secs, section_cmp);
    int cap = 0, next = 0;
    for (int i = 0; i <= t->nrows; i++) {
        /* the headings of the sections that begin before row i (or after the last) */
        for (; next < nsec && secs[next]->first_row <= i; next++) {
            const Section *sec = secs[next];
            ModelLine *l = add_line(a, blk, &cap);
            *l = (ModelLine){.type = LINE_HEADING, .depth = section_depth(sec) - 1,
                             .label = sec->label ? sec->label : sec->name ? sec->name : "",
                             .name = sec->name, .own_label = sec->label,
                             .empty = sec->end_row <= sec->first_row};
        }
        if (i == t->nrows)
            break;
        const Row *r = t->rows[i];
        const Section *s = row_section(r);
        ModelLine *l = add_line(a, blk, &cap);
        *l = (ModelLine){.type = LINE_ROW, .depth = section_depth(s),
                         .label = r->label ? r->label : r->name, .name = r->name,
                         .own_label = r->label,
                         .section = s ? (s->label ? s->label : s->name) : NULL,
                         .note = r->note, .kind = (Kind)r->kind,
                         .total = adds_up(row_formula(r), t, 0), .row = r};
        l->cells = arena_alloc(a, sizeof *l->cells * (size_t)(t->ncolumns + 1));
        for (int c = 0; c < t->ncolumns; c++) {
            table_cell(a, t, r, c, b->m->res, &l->cells[c]);
            l->cells[c].result = b->m->res && b->m->res->cells && b->m->res->cells[t->id]
                                     ? &b->m->res->cells[t->id][r->index * t->ncolumns + c]
                                     : NULL;
            l->cells[c].has_amount = cell_amount(t, r, c, b->m->res, &l->cells[c].amount);
            cell_findings(b, t, &r->cells[c], &l->cells[c]);
        }
    }
    mem_free(secs);
    finish_footnotes(b, blk);
}

/* ---- allocations -------------------------------------------------------------------- */

static const char *alloc_column_title(AllocColumn c)
{
    switch (c) {
    /* TRANSLATORS: the headings of an allocation's table: a group's share of the total
     * ("1/2"), a member's figure in the table its group is split by (residents), the
     * amount the report states, and the share finsam computed. */
    case ALLOC_SHARE: return _("Share");
    case ALLOC_KEY: return _("Key");
    case ALLOC_STATED: return _("Stated");
    default: return _("Computed");
    }
}

/* A figure of an allocation as a table prints it, without its unit. */
static const char *alloc_figure(Arena *a, const Value *v, const Value *like)
{
    if (v->absent || v->kind == K_UNKNOWN)
        return "";
    char figure[VALUE_FMT_MAX];
    value_format_figure(v, like && !like->absent ? like : NULL, figure);
    return arena_strndup(a, figure, VALUE_FMT_MAX);
}

static void alloc_cell(Arena *a, const AllocLine *l, AllocColumn c, ModelCell *mc)
{
    mc->text = "";
    switch (c) {
    case ALLOC_SHARE:
        if (l->type == ALLOC_LINE_GROUP && l->group->fraction) {
            /* the fraction as written: 1/2, 25% */
            Loc at = l->group->fraction->loc;
            if (at.src && at.end > at.start)
                mc->text = arena_strndup(a, at.src->text + at.start, at.end - at.start);
        } else if (l->type == ALLOC_LINE_TOTAL && l->has_fraction) {
            char f[VALUE_FMT_MAX];
            mc->text = arena_strndup(a, value_format_num(l->fraction, K_NUMBER, U_NONE, f),
                                     VALUE_FMT_MAX);
        }
        break;
    case ALLOC_KEY:
        if (l->type == ALLOC_LINE_GROUP && l->group->by) {
            mc->text = l->group->by->title ? l->group->by->title : l->group->by->name;
            mc->flags = CELL_IS_TEXT;
        } else if (l->type == ALLOC_LINE_MEMBER) {
            mc->text = alloc_figure(a, &l->key, NULL);
        }
        break;
    case ALLOC_STATED:
        mc->text = alloc_figure(a, &l->stated, NULL);
        mc->flags = mc->text[0] ? CELL_IS_STATED : 0;
        break;
    default:
        /* the middle of the interval the stated amount may lie in: the share itself */
        if (!l->computed.absent) {
            Value mid = l->computed;
            mid.n = num_exact(num_mid(l->computed.n));
            mc->text = alloc_figure(a, &mid, &l->stated);
        }
    }
}

/* The column a line's finding is about: the total's fractions, else the stated amount. */
static AllocColumn alloc_marked(const AllocLine *l)
{
    return l->type == ALLOC_LINE_TOTAL ? ALLOC_SHARE : ALLOC_STATED;
}

static int finding_index(const Results *res, const Finding *f)
{
    for (int i = 0; f && i < res->failed.len; i++)
        if (res->failed.items[i] == f)
            return i;
    return -1;
}

static void build_alloc(Builder *b, ModelBlock *blk, const Allocation *al)
{
    Arena *a = &b->m->arena;
    const AllocView *v = b->m->res ? result_alloc(b->m->res, al) : NULL;
    blk->alloc = al;
    blk->name = al->name;
    blk->title = al->title ? al->title : al->name;
    blk->unit = U_KR;
    blk->columns = arena_alloc(a, sizeof *blk->columns * ALLOC_NCOLUMNS);
    for (int c = 0; c < ALLOC_NCOLUMNS; c++)
        if (c != ALLOC_KEY || (v && v->keyed))
            blk->columns[blk->ncolumns++] = (ModelColumn){alloc_column_title((AllocColumn)c),
                                                          NULL, c, 0};
    int nlines = v ? v->nlines : 0;
    blk->lines = arena_alloc(a, sizeof *blk->lines * (size_t)(nlines + 1));
    blk->nlines = nlines;
    for (int i = 0; i < nlines; i++) {
        const AllocLine *l = &v->lines[i];
        ModelLine *ml = &blk->lines[i];
        ml->alloc_line = l;
        ml->type = l->type == ALLOC_LINE_GROUP ? LINE_GROUP
                   : l->type == ALLOC_LINE_MEMBER ? LINE_MEMBER : LINE_TOTAL;
        ml->depth = l->type == ALLOC_LINE_MEMBER;
        if (l->type == ALLOC_LINE_MEMBER) {
            ml->name = l->member->name;
            ml->own_label = l->member->label;
            ml->section = l->group->name;
        } else if (l->type == ALLOC_LINE_GROUP) {
            ml->name = l->group->name;
            ml->own_label = l->group->label;
        }
        /* TRANSLATORS: the last line of an allocation's table: its total. */
        ml->label = ml->own_label ? ml->own_label : ml->name ? ml->name : _("Total");
        ml->total = l->type == ALLOC_LINE_TOTAL;
        ml->has_fraction = l->has_fraction && l->type != ALLOC_LINE_MEMBER;
        ml->fraction = l->fraction;
        ml->cells = arena_alloc(a, sizeof *ml->cells * ALLOC_NCOLUMNS);
        for (int c = 0; c < blk->ncolumns; c++) {
            ModelCell *mc = &ml->cells[c];
            AllocColumn col = (AllocColumn)blk->columns[c].id;
            alloc_cell(a, l, col, mc);
            mc->foot = b->nfoot;
            if (col != alloc_marked(l))
                continue;
            int idx = finding_index(b->m->res, l->finding);
            if (idx >= 0) {
                add_footnote(b, idx);
                mc->nfoot = 1;
                mc->flags |= CELL_IS_DIFFERS;
            } else if (l->compared) {
                mc->flags |= CELL_IS_AGREES;
            }
        }
    }
    finish_footnotes(b, blk);
}

/* ---- the model ---------------------------------------------------------------------- */

/* The check a run that did not run belongs to: the one whose expression it is at
 * (eval.c records a check's run at its expression, under the check's name), found in
 * the checks' expressions sorted by place. */
static ModelCheck *check_of(Model *m, const CellKey *by_place, int n, const NotRun *nr)
{
    CellKey want = {(uintptr_t)nr->loc.src, nr->loc.start, -1};
    int lo = 0, hi = n;
    while (lo < hi) {
        int mid = lo + (hi - lo) / 2;
        if (key_cmp(&by_place[mid], &want) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && by_place[lo].src == want.src && by_place[lo].start == want.start; lo++)
        if (m->checks[by_place[lo].idx].check->name == nr->tag)
            return &m->checks[by_place[lo].idx];
    return NULL;
}

static void build_not_run(Model *m)
{
    int n = m->res ? m->res->not_run.len : 0;
    m->not_run = arena_alloc(&m->arena, sizeof *m->not_run * (size_t)(n + 1));
    if (!n)
        return;
    CellKey *by_place = mem_alloc(sizeof *by_place * (size_t)(m->nchecks + 1));
    for (int i = 0; i < m->nchecks; i++) {
        Loc at = m->checks[i].check->expr->loc;
        by_place[i] = (CellKey){(uintptr_t)at.src, at.start, i};
    }
    qsort(by_place, (size_t)m->nchecks, sizeof *by_place, key_cmp);
    for (int i = 0; i < n; i++) {
        const NotRun *nr = m->res->not_run.items[i];
        ModelCheck *mc = check_of(m, by_place, m->nchecks, nr);
        if (mc)
            mc->not_run++;
        m->not_run[m->nnot_run++] = (ModelNotRun){nr, mc ? mc->check : NULL};
    }
    mem_free(by_place);
}

static void build_checks(Model *m)
{
    const Program *prog = m->prog;
    m->nchecks = prog->checks.len;
    m->checks = arena_alloc(&m->arena, sizeof *m->checks * (size_t)(m->nchecks + 1));
    /* the runs are in the order of the checks (result.h); where they are not, each check
     * looks at every run */
    int k = 0;
    bool ordered = true;
    for (int i = 0; i < m->nchecks && m->res; i++) {
        const Check *c = prog->checks.items[i];
        for (; k < m->res->runs.len && ((const CheckRun *)m->res->runs.items[k])->check == c; k++)
            ;
    }
    ordered = !m->res || k == m->res->runs.len;
    k = 0;
    for (int i = 0; i < m->nchecks; i++) {
        ModelCheck *mc = &m->checks[i];
        mc->check = prog->checks.items[i];
        int from = ordered ? k : 0, to = m->res ? m->res->runs.len : 0;
        int nfail = 0;
        for (int j = from; j < to; j++) {
            const CheckRun *r = m->res->runs.items[j];
            if (r->check != mc->check) {
                if (ordered)
                    break;
                continue;
            }
            mc->runs++;
            mc->failed += !r->passed;
        }
        mc->failures = arena_alloc(&m->arena, sizeof *mc->failures * (size_t)(mc->failed + 1));
        mc->each = arena_alloc(&m->arena, sizeof *mc->each * (size_t)(mc->runs + 1));
        int nrun = 0;
        for (int j = from; j < to && nrun < mc->runs; j++) {
            const CheckRun *r = m->res->runs.items[j];
            if (r->check != mc->check)
                continue;
            mc->each[nrun++] = r;
            if (!r->passed)
                mc->failures[nfail++] = r;
        }
        if (ordered)
            k += mc->runs;
    }
    build_not_run(m);
    for (int i = 0; i < m->nchecks; i++) {
        ModelCheck *mc = &m->checks[i];
        bool dated = mc->check->from || mc->check->until;
        mc->outcome = mc->runs ? (mc->failed ? OUTCOME_FAILED : OUTCOME_PASSED)
                      : m->res && dated && !mc->not_run ? OUTCOME_NOT_IN_FORCE
                      : OUTCOME_NOT_RUN;
    }
}

ModelSummary model_summary(const Results *res)
{
    return (ModelSummary){.checks = res->checks, .passed = res->passed,
                          .failed = res->failed_errors, .warnings = res->failed_warnings,
                          .reviewed = res->reviewed, .reviewing = res->reviewing,
                          .not_run = res->skipped, .ledger_checks = res->ledger_checks,
                          .ledger_failed = res->ledger_failed, .ledger = res->ledger_name};
}

/* Every finding, each with the finding it is probably the same error as: the one that
 * starts where its same_as points. */
static void build_findings(Model *m)
{
    const Results *res = m->res;
    m->nfindings = res ? res->failed.len : 0;
    m->findings = arena_alloc(&m->arena, sizeof *m->findings * (size_t)(m->nfindings + 1));
    for (int i = 0; i < m->nfindings; i++) {
        const Finding *f = res->failed.items[i];
        m->findings[i] = (ModelFinding){f, -1};
        for (int k = 0; f->same_as.src && k < m->nfindings; k++) {
            const Finding *g = res->failed.items[k];
            if (k != i && g->loc.src == f->same_as.src && g->loc.start == f->same_as.start) {
                m->findings[i].cause = k;
                break;
            }
        }
    }
    m->nruns = res ? res->runs.len : 0;
    m->runs = arena_alloc(&m->arena, sizeof *m->runs * (size_t)(m->nruns + 1));
    for (int i = 0; i < m->nruns; i++)
        m->runs[i] = res->runs.items[i];
    m->nledger = res ? res->ledger.len : 0;
    m->ledger = arena_alloc(&m->arena, sizeof *m->ledger * (size_t)(m->nledger + 1));
    for (int i = 0; i < m->nledger; i++)
        m->ledger[i] = res->ledger.items[i];
    if (res) {
        m->summary = model_summary(res);
        m->comparisons = res->checks - res->runs.len - res->ledger_checks;
    }
}

const Finding *model_cause(const Model *m, const Finding *f)
{
    for (int i = 0; i < m->nfindings; i++)
        if (m->findings[i].finding == f)
            return m->findings[i].cause >= 0 ? m->findings[m->findings[i].cause].finding : NULL;
    return NULL;
}

/* What every model holds: its arena, the program and results it is of, its title. */
static void model_begin(Model *m, const Program *prog, const Results *res, const char *path)
{
    memset(m, 0, sizeof *m);
    arena_init(&m->arena);
    m->prog = prog;
    m->res = res;
    m->path = path;
    m->title = prog->report && prog->report->title ? prog->report->title : path;
    m->year = prog->report ? prog->report->year : 0;
}

void model_build(Model *m, const Program *prog, const Results *res, const char *path)
{
    model_begin(m, prog, res, path);
    int nfailed = res ? res->failed.len : 0;
    Builder b = {.m = m};
    b.mark = mem_alloc(sizeof(int) * (size_t)(nfailed + 1));
    b.keys = mem_alloc(sizeof(CellKey) * (size_t)(nfailed + 1));
    m->marked = arena_alloc(&m->arena, sizeof *m->marked * (size_t)(nfailed + 1));
    for (int i = 0; i < nfailed; i++) {
        const Finding *f = res->failed.items[i];
        if (is_cell_finding(f) && f->loc.src)
            b.keys[b.nkeys++] = (CellKey){(uintptr_t)f->loc.src, f->loc.start, i};
    }
    qsort(b.keys, (size_t)b.nkeys, sizeof(CellKey), key_cmp);
    /* in the order resolve.c lists them: the files, each after its imports */
    int cap = prog->tables.len + prog->allocs.len;
    m->blocks = arena_alloc(&m->arena, sizeof *m->blocks * (size_t)(cap + 1));
    for (int i = 0; i < prog->imports_first.len; i++) {
        const Module *mod = prog->imports_first.items[i];
        for (int j = 0; j < mod->decls.len && m->nblocks < cap; j++) {
            const Decl *d = mod->decls.items[j];
            if (d->type == D_TABLE)
                build_table(&b, &m->blocks[m->nblocks++], d->u.table);
            else if (d->type == D_ALLOC)
                build_alloc(&b, &m->blocks[m->nblocks++], d->u.alloc);

        }
    }
    m->nshown = m->nmarked;
    /* the findings of figures no block shows, after those it does */
    for (int i = 0; i < nfailed; i++) {
        const Finding *f = res->failed.items[i];
        if (f->type != FIND_CHECK && !b.mark[i]) {
            b.mark[i] = ++m->nmarked;
            m->marked[m->nmarked - 1] = (ModelFootnote){f, b.mark[i], -1};
        }
    }
    build_checks(m);
    build_findings(m);
    m->nparams = prog->params.len;
    m->params = arena_alloc(&m->arena, sizeof *m->params * (size_t)(m->nparams + 1));
    for (int i = 0; i < m->nparams; i++) {
        Param *first = prog->params.items[i];
        m->params[i] = (ModelParam){first, param_in_force(first, m->year)};
    }
    mem_free(b.mark);
    mem_free(b.keys);
    mem_free(b.foot);
}

void model_build_findings(Model *m, const Program *prog, const Results *res, const char *path)
{
    model_begin(m, prog, res, path);
    m->checks = arena_alloc(&m->arena, sizeof *m->checks);
    build_not_run(m);
    build_findings(m);
}

void model_free(Model *m)
{
    arena_free(&m->arena);
    memset(m, 0, sizeof *m);
}

const ModelBlock *model_block(const Model *m, const char *name)
{
    for (int i = 0; i < m->nblocks; i++)
        if (strcmp(m->blocks[i].name, name) == 0)
            return &m->blocks[i];
    return NULL;
}
