#include "write_json.h"

#include <string.h>

#include "value.h"

/* A key and its value, in one call: the value a string (NULL: null), a whole number,
 * a truth, a count that is null when 0, an expression as written (null if none). */
static void field_string(Json *j, const char *k, const char *s)
{
    json_key(j, k);
    json_string(j, s);
}

static void field_int(Json *j, const char *k, long long v)
{
    json_key(j, k);
    json_int(j, v);
}

static void field_bool(Json *j, const char *k, bool v)
{
    json_key(j, k);
    json_bool(j, v);
}

/* A key and the array that is its value, which the caller fills and ends. */
static void field_array(Json *j, const char *k)
{
    json_key(j, k);
    json_array(j);
}

static void field_count(Json *j, const char *k, int n)
{
    json_key(j, k);
    if (n)
        json_int(j, n);
    else
        json_null(j);
}

static const char *kind_word(Kind k)
{
    switch (k) {
    case K_MONEY: return "money";
    case K_PERCENT: return "percentage";
    case K_COUNT: return "count";
    case K_NUMBER: return "number";
    case K_BOOL: return "truth";
    case K_DATE: return "date";
    default: return "unknown";
    }
}

static const char *unit_word(Unit u)
{
    switch (u) {
    case U_KR: return "kr";
    case U_TKR: return "tkr";
    case U_MKR: return "mkr";
    case U_PERCENT: return "%";
    case U_COUNT: return "count";
    default: return NULL;
    }
}

static void value(Json *j, const Value *v)
{
    if (v->absent || v->kind == K_UNKNOWN) {
        json_null(j);
        return;
    }
    json_object(j);
    field_string(j, "kind", kind_word((Kind)v->kind));
    field_string(j, "unit", unit_word((Unit)v->unit));
    if (v->kind == K_BOOL) {
        field_bool(j, "truth", v->b);
    } else {
        /* an amount is in kronor and a percentage a fraction: 75,4 % is 0.754 */
        json_key(j, "low");
        json_decimal(j, v->n.lo);
        json_key(j, "high");
        json_decimal(j, v->n.hi);
    }
    char buf[VALUE_FMT_MAX];
    field_string(j, "text", value_format(v, buf));
    json_object_end(j);
}

static void place(Json *j, Loc at)
{
    int line = 0, col = 0;
    if (at.src)
        source_line_col(at.src, at.start, &line, &col);
    field_string(j, "file", at.src ? at.src->path : NULL);
    field_int(j, "line", line);
    field_int(j, "column", col);
}

static void key(Json *j, Key k)
{
    char buf[16];
    if (k.name) {
        json_string(j, k.name);
    } else {
        snprintf(buf, sizeof buf, "%d", k.year);
        json_string(j, buf);
    }
}

static void text_of(Json *j, Loc at)
{
    size_t n = at.end - at.start;
    char *s = mem_alloc(n + 1);
    memcpy(s, at.src->text + at.start, n);
    json_string(j, s);
    mem_free(s);
}

static void field_expr(Json *j, const char *k, const Expr *e)
{
    json_key(j, k);
    if (e)
        text_of(j, e->loc);
    else
        json_null(j);
}

static void report(Json *j, const Report *r)
{
    json_object(j);
    field_string(j, "title", r->title);
    field_int(j, "year", r->year);
    json_key(j, "entries");
    json_object(j);
    for (int i = 0; i < r->entries.len; i++) {
        const ReportEntry *e = r->entries.items[i];
        json_key(j, e->key);
        if (e->text) {
            json_string(j, e->text);
        } else {
            size_t n = e->loc.end - e->loc.start, k = strlen(e->key);
            /* the value as written, after its key */
            const char *t = e->loc.src->text + e->loc.start + k;
            n -= k;
            while (n && (*t == ' ' || *t == '\t')) {
                t++;
                n--;
            }
            char *s = mem_alloc(n + 1);
            memcpy(s, t, n);
            json_string(j, s);
            mem_free(s);
        }
    }
    json_object_end(j);
    json_object_end(j);
}

static const char *table_kind(TableKind k)
{
    static const char *const kinds[] = {"accounts", "budget", "indicators", "table"};
    return kinds[k];
}

/* A table: its columns and every row with its cells, each stated figure beside the
 * one computed for it. */
static void table(Json *j, const ModelBlock *b)
{
    const Table *t = b->table;
    json_object(j);
    field_string(j, "name", t->name);
    field_string(j, "title", t->title);
    field_string(j, "kind", table_kind(t->tkind));
    field_string(j, "unit", unit_word(t->unit));
    field_count(j, "note", t->note);
    place(j, t->name_loc);
    field_array(j, "columns");
    for (int c = 0; c < t->ncolumns; c++) {
        const Column *col = t->columns[c];
        json_object(j);
        json_key(j, "key");
        key(j, col->key);
        field_string(j, "label", col->label);
        field_expr(j, "formula", col->formula);
        json_object_end(j);
    }
    json_array_end(j);
    field_array(j, "rows");
    for (int i = 0; i < b->nlines; i++) {
        const ModelLine *l = &b->lines[i];
        const Row *row = l->row;
        if (l->type != LINE_ROW || !row)
            continue;
        json_object(j);
        field_string(j, "name", row->name);
        field_string(j, "label", row->label);
        json_key(j, "section");
        json_string(j, l->section);
        field_count(j, "note", row->note);
        field_expr(j, "formula", row_formula(row));
        json_key(j, "line");
        int line, col;
        source_line_col(t->src, row->span.start, &line, &col);
        json_int(j, line);
        field_array(j, "cells");
        for (int c = 0; c < t->ncolumns; c++) {
            const Cell *cell = &row->cells[c];
            const CellResult *cr = l->cells[c].result;
            Value stated;
            value_of_cell(cell, t->unit, (Kind)row->kind, &stated);
            json_object(j);
            json_key(j, "column");
            key(j, t->columns[c]->key);
            json_key(j, "written");
            if (cell->type == CELL_EMPTY)
                json_null(j);
            else
                text_of(j, loc_at(t->src, cell_span(cell)));
            json_key(j, "stated");
            value(j, &stated);
            json_key(j, "computed");
            if (cr && cr->computed.kind != K_UNKNOWN)
                value(j, &cr->computed);
            else
                json_null(j);
            json_key(j, "outcome");
            json_string(j, !cr || cr->outcome == CELL_UNCHECKED ? "unchecked"
                           : cr->outcome == CELL_AGREES ? "agrees" : "differs");
            json_object_end(j);
        }
        json_array_end(j);
        json_object_end(j);
    }
    json_array_end(j);
    json_object_end(j);
}

static const char *line_outcome(const AllocLine *l)
{
    return l->finding ? "differs" : l->compared ? "agrees" : "unchecked";
}

/* The line of a location, and its text as written. */
static void line_of(Json *j, Loc at)
{
    int line = 0, col = 0;
    if (at.src)
        source_line_col(at.src, at.start, &line, &col);
    field_int(j, "line", line);
}

/* A group's fraction, or the groups' fractions added up: null where not computed. */
static void fraction(Json *j, const AllocLine *l)
{
    Value v = value_number(K_NUMBER, U_NONE, l->fraction);
    if (l->has_fraction)
        value(j, &v);
    else
        json_null(j);
}

/* An allocation: its total, and every group with its share and members, each stated
 * amount with the share computed for it, as the text report's table shows them. */
static void allocation(Json *j, const ModelBlock *b)
{
    const Allocation *al = b->alloc;
    if (!b->nlines)
        return;
    const AllocLine *total = b->lines[b->nlines - 1].alloc_line;
    json_object(j);
    field_string(j, "name", al->name);
    field_string(j, "title", al->title);
    place(j, al->name_loc);
    json_key(j, "total");
    value(j, &total->stated);
    json_key(j, "rounding");
    Value rounding = value_number(K_MONEY, U_KR, num_units(1));
    if (al->has_rounding && al->rounding.type == CELL_FIGURE)
        value_of_cell(&al->rounding, U_KR, K_MONEY, &rounding);
    value(j, &rounding);
    json_key(j, "fractions");
    fraction(j, total);
    field_string(j, "outcome", line_outcome(total));
    field_array(j, "groups");
    for (int i = 0; i < b->nlines - 1;) {
        const AllocLine *g = b->lines[i++].alloc_line;
        json_object(j);
        field_string(j, "name", g->group->name);
        field_string(j, "label", g->group->label);
        line_of(j, g->at);
        json_key(j, "share");
        text_of(j, g->group->fraction->loc);
        json_key(j, "fraction");
        fraction(j, g);
        field_string(j, "by", g->group->by_name);
        json_key(j, "stated");
        value(j, &g->stated);
        json_key(j, "computed");
        value(j, &g->computed);
        field_string(j, "outcome", line_outcome(g));
        field_array(j, "members");
        for (; i < b->nlines - 1 && b->lines[i].type == LINE_MEMBER; i++) {
            const AllocLine *m = b->lines[i].alloc_line;
            const Cell *amount = &m->member->amount;
            json_object(j);
            field_string(j, "name", m->member->name);
            field_string(j, "label", m->member->label);
            line_of(j, m->at);
            json_key(j, "written");
            if (amount->type == CELL_EMPTY)
                json_null(j);
            else
                text_of(j, loc_at(al->loc.src, cell_span(amount)));
            json_key(j, "key");
            value(j, &m->key);
            json_key(j, "stated");
            value(j, &m->stated);
            json_key(j, "computed");
            value(j, &m->computed);
            field_string(j, "outcome", line_outcome(m));
            json_object_end(j);
        }
        json_array_end(j);
        json_object_end(j);
    }
    json_array_end(j);
    json_object_end(j);
}

/* Where an operand's figure is written ({file, line, column}), or null when it is
 * computed from several. */
static void operand_at(Json *j, const Operand *o)
{
    json_key(j, "at");
    if (o && o->at.src) {
        json_object(j);
        place(j, o->at);
        json_object_end(j);
    } else {
        json_null(j);
    }
}

static void operands(Json *j, const Finding *f, int from)
{
    field_array(j, "operands");
    for (int i = from; i < f->noperands; i++) {
        json_object(j);
        field_string(j, "text", f->operands[i].text);
        json_key(j, "value");
        value(j, &f->operands[i].value);
        operand_at(j, &f->operands[i]);
        json_object_end(j);
    }
    json_array_end(j);
}

static void difference(Json *j, const Finding *f)
{
    json_key(j, "difference");
    if (f->has_difference) {
        Value d = value_number(f->difference_kind, f->difference_unit, f->difference);
        value(j, &d);
    } else {
        json_null(j);
    }
}

/* One side of the comparison a check made: its text and value, or nulls. */
static void side(Json *j, const char *name, const Operand *o)
{
    json_key(j, name);
    json_object(j);
    field_string(j, "text", o ? o->text : NULL);
    json_key(j, "value");
    if (o)
        value(j, &o->value);
    else
        json_null(j);
    operand_at(j, o);
    json_object_end(j);
}

/* A check that failed with `or`: every alternative, each false, with its comparison
 * as written, its place, its two sides and their difference (nulls for a condition
 * that is not a comparison). Only where there are alternatives. */
static void alternatives(Json *j, const Finding *f)
{
    if (f->nalternatives == 0)
        return;
    json_key(j, "alternatives");
    json_array(j);
    for (int i = 0; i < f->nalternatives; i++) {
        const Alternative *alt = &f->alternatives[i];
        json_object(j);
        json_key(j, "comparison");
        text_of(j, alt->loc);
        place(j, alt->loc);
        side(j, "left", alt->compared ? &alt->sides[0] : NULL);
        side(j, "right", alt->compared ? &alt->sides[1] : NULL);
        Finding d = {.has_difference = alt->has_difference, .difference = alt->difference,
                     .difference_kind = alt->difference_kind,
                     .difference_unit = alt->difference_unit};
        difference(j, &d);
        json_object_end(j);
    }
    json_array_end(j);
}

static void review(Json *j, const Finding *f);

static void run(Json *j, const CheckRun *r)
{
    const Finding *f = r->explained;
    json_object(j);
    json_key(j, "for");
    if (r->has_key)
        key(j, r->key);
    else
        json_null(j);
    field_string(j, "outcome", r->passed ? "passed" : r->check->severity == SEV_ERROR ? "failed" : "warning");
    bool compared = f->type == FIND_CHECK && f->noperands >= 2;
    side(j, "left", compared ? &f->operands[0] : NULL);
    side(j, "right", compared ? &f->operands[1] : NULL);
    difference(j, f);
    operands(j, f, compared ? 2 : 0);
    alternatives(j, f);
    if (!r->passed)
        review(j, f);
    json_object_end(j);
}

/* Only where a review file was given: the finding's key, and the decision on it. */
static void review(Json *j, const Finding *f)
{
    if (!f->key || (!f->review && f->type != FIND_REVIEW))
        return;
    json_key(j, "key");
    json_string(j, f->key);
    if (!f->review)
        return;
    char on[16];
    snprintf(on, sizeof on, "%04d-%02d-%02d", f->review->on / 10000, f->review->on / 100 % 100,
             f->review->on % 100);
    json_key(j, "review");
    json_object(j);
    json_key(j, "decision");
    json_string(j, f->review->decision == REVIEW_ACCEPTED ? "accepted" : "to-correct");
    json_key(j, "reason");
    json_string(j, f->review->reason);
    json_key(j, "by");
    json_string(j, f->review->by);
    json_key(j, "on");
    json_string(j, on);
    json_object_end(j);
}

static const char *finding_type(FindingType t)
{
    static const char *const types[] = {"formula", "note", "previous-year", "allocation",
                                        "check", "review", "plan", "ledger"};
    return types[t];
}

/* A finding, and where the finding that probably caused it is ("probably the same
 * error as"), or null. */
static void finding(Json *j, const Model *m, const ModelFinding *mf)
{
    const Finding *f = mf->finding;
    json_object(j);
    field_string(j, "type", finding_type(f->type));
    field_string(j, "severity", f->severity == SEV_ERROR ? "error" : "warning");
    field_string(j, "name", f->tag);
    field_string(j, "message", f->message);
    field_string(j, "where", f->where);
    place(j, f->loc);
    json_key(j, "stated");
    if (f->has_stated)
        value(j, &f->stated);
    else
        json_null(j);
    json_key(j, "computed");
    if (f->has_stated)
        value(j, &f->computed);
    else
        json_null(j);
    field_string(j, "from", f->formula);
    difference(j, f);
    operands(j, f, 0);
    alternatives(j, f);
    field_string(j, "explanation", f->explanation);
    field_string(j, "source", f->source);
    json_key(j, "same_as");
    if (mf->cause >= 0) {
        json_object(j);
        place(j, m->findings[mf->cause].finding->loc);
        json_object_end(j);
    } else {
        json_null(j);
    }
    review(j, f);
    json_object_end(j);
}

/* A parameter's value in force, and where it was set: the rule set, or the
 * federation for a local one. */
static void parameter(Json *j, const ModelParam *mp)
{
    const Param *first = mp->first, *p = mp->in_force;
    json_object(j);
    field_string(j, "name", first->full_name);
    field_string(j, "title", first->title);
    field_bool(j, "local", first->local);
    json_key(j, "value");
    if (p) {
        Value v = value_of_literal(&p->value);
        v.printed = false;
        value(j, &v);
    } else {
        json_null(j);
    }
    field_string(j, "set_by", !p ? NULL : p->federation ? "federation" : "rule set");
    char from[16];
    json_key(j, "from");
    if (p && p->from) {
        snprintf(from, sizeof from, "%04d-%02d-%02d", p->from / 10000, p->from / 100 % 100,
                 p->from % 100);
        json_string(j, from);
    } else {
        json_null(j);
    }
    field_string(j, "source", p ? p->source : first->source);
    place(j, p ? p->name_loc : first->name_loc);
    json_object_end(j);
}

void write_json_summary(Json *j, const ModelSummary *s)
{
    json_object(j);
    field_int(j, "checks", s->checks);
    field_int(j, "passed", s->passed);
    field_int(j, "failed", s->failed);
    field_int(j, "warnings", s->warnings);
    if (s->reviewing)
        field_int(j, "reviewed", s->reviewed);
    field_int(j, "not_run", s->not_run);
    /* of checks, passed, failed and warnings: the ledger's own (its SIE file's) */
    field_int(j, "ledger_checks", s->ledger_checks);
    json_object_end(j);
}

/* A mapped row's figure in the ledger for a year column, and the accounts behind it
 * (ledger.c); amounts in kronor. */
static void ledger_figure(Json *j, const LedgerFigure *f)
{
    json_object(j);
    field_string(j, "table", f->table->name);
    field_string(j, "row", f->row->name);
    field_int(j, "year", f->column->key.year);
    field_int(j, "sie_year", f->year_index);
    json_key(j, "figure");
    json_decimal(j, num_mid(f->figure.n));
    field_bool(j, "compared", f->compared);
    field_bool(j, "agrees", f->compared && f->agrees);
    field_array(j, "accounts");
    for (int i = 0; i < f->nparts; i++) {
        const LedgerPart *p = &f->parts[i];
        json_object(j);
        field_string(j, "account", p->account);
        field_string(j, "name", p->name);
        json_key(j, "amount");
        json_decimal(j, p->ore * 10000);
        place(j, p->at);
        json_object_end(j);
    }
    json_array_end(j);
    json_object_end(j);
}

/* A formula, note or check that did not run, and why. */
static void not_run(Json *j, const NotRun *n)
{
    json_object(j);
    field_string(j, "tag", n->tag);
    field_string(j, "message", n->message);
    field_string(j, "where", n->where);
    field_string(j, "reason", n->reason);
    field_bool(j, "stated", n->stated);
    place(j, n->loc);
    json_object_end(j);
}

/* "tables" or "allocations": the model's blocks of the one kind, in order. */
static void blocks(Json *j, const Model *m, bool allocations)
{
    field_array(j, allocations ? "allocations" : "tables");
    for (int i = 0; i < m->nblocks; i++)
        if (!m->blocks[i].alloc == !allocations)
            (allocations ? allocation : table)(j, &m->blocks[i]);
    json_array_end(j);
}

void write_json_file(Json *j, const Model *m, bool with_tables)
{
    json_object(j);
    field_string(j, "file", m->path);
    json_key(j, "report");
    report(j, m->prog->report);
    json_key(j, "summary");
    write_json_summary(j, &m->summary);
    if (with_tables) {
        /* the tables, then the allocations, each in the order they are declared */
        blocks(j, m, false);
        blocks(j, m, true);
    }
    field_array(j, "parameters");
    for (int i = 0; i < m->nparams; i++)
        parameter(j, &m->params[i]);
    json_array_end(j);
    field_array(j, "checks");
    for (int i = 0; i < m->nchecks; i++) {
        const ModelCheck *mc = &m->checks[i];
        const Check *c = mc->check;
        json_object(j);
        field_string(j, "name", c->name);
        field_string(j, "title", c->title);
        field_string(j, "severity", c->severity == SEV_ERROR ? "error" : "warning");
        field_string(j, "source", c->source);
        field_string(j, "message", c->message);
        place(j, c->name_loc);
        json_key(j, "expression");
        text_of(j, c->expr->loc);
        field_array(j, "runs");
        for (int k = 0; k < mc->runs; k++)
            run(j, mc->each[k]);
        json_array_end(j);
        json_object_end(j);
    }
    json_array_end(j);
    field_array(j, "findings");
    for (int i = 0; i < m->nfindings; i++)
        finding(j, m, &m->findings[i]);
    json_array_end(j);
    field_array(j, "not_run");
    for (int i = 0; i < m->nnot_run; i++)
        not_run(j, m->not_run[i].not_run);
    json_array_end(j);
    if (m->nledger) {
        field_array(j, "ledger");
        for (int i = 0; i < m->nledger; i++)
            ledger_figure(j, m->ledger[i]);
        json_array_end(j);
    }
    json_object_end(j);
}

void write_json_report(FILE *out, const Model *m)
{
    Json j;
    json_begin(&j, out);
    write_json_file(&j, m, true);
    json_end(&j);
}

void write_json_check(FILE *out, const Model *models, int n, const ModelSummary *total)
{
    Json j;
    json_files_begin(&j, out);
    for (int i = 0; i < n; i++)
        write_json_file(&j, &models[i], false);
    json_files_total(&j);
    write_json_summary(&j, total);
    json_files_end(&j);
}
