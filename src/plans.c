#include "plans.h"

#include <string.h>

#include "i18n.h"

int program_load_plan(Program *prog, const LoadOptions *opts)
{
    int errors;
    const ReportEntry *e;
    const char *path = program_entry_file(
        prog, prog->report, "plan", opts,
        _("'plan' names the file of the year's plan: plan \"plan2025\""),
        _("cannot find the plan \"%s\""), &e, &errors);
    if (!path)
        return errors;
    Program *plan = mem_alloc(sizeof *plan);
    /* with the year file's names and files: a rule file both import (the federation's
     * own) is read and parsed once, and copied for the plan */
    program_init_earlier(plan, prog);
    prog->plan = plan;
    LoadOptions own = *opts;
    own.nrules = 0; /* an auditor's rules are for the year file */
    if (program_load(plan, path, &own) || plan->diags.errors || program_resolve(plan)) {
        for (int i = 0; i < plan->diags.list.len; i++)
            ptrvec_push(&prog->arena, &prog->diags.list, plan->diags.list.items[i]);
        prog->diags.errors += plan->diags.errors;
        return 1;
    }
    if (!plan->report->plan) {
        /* a plan says what it is: an annual report named here by mistake is not one */
        Diag *g = diag_at(&prog->diags, SEV_ERROR, e->loc, _("%s is not a plan: its block is "
                          "'report'"), path);
        diag_note(&prog->diags, g, "%s", _("hint: a plan starts with plan \"Verksamhetsplan "
                                           "med budget 2025\" { year 2025 }"));
        return 1;
    }
    if (plan->report->year != prog->report->year) {
        Diag *g = diag_at(&prog->diags, SEV_ERROR, e->loc,
                          _("the plan is for %d, not for the report's year %d"),
                          plan->report->year, prog->report->year);
        diag_note(&prog->diags, g, _("%s says: year %d"), path, plan->report->year);
        return 1;
    }
    return 0;
}

/* The plan's column for the budget: one named budget, else the year's. */
static Column *plan_column(const Table *t, int year)
{
    for (int i = 0; i < t->ncolumns; i++)
        if (t->columns[i]->key.name && strcmp(t->columns[i]->key.name, "budget") == 0)
            return t->columns[i];
    for (int i = 0; i < t->ncolumns; i++)
        if (!t->columns[i]->key.name && t->columns[i]->key.year == year)
            return t->columns[i];
    return NULL;
}

static void compare_row(Program *prog, Results *res, Table *t, Column *c, Row *r, Table *pt,
                        Column *pc)
{
    Value here, there;
    Row *pr = program_row(prog->plan, pt, r->name);
    if (!pr || !value_stated(t, r, c, &here) || !value_stated(pt, pr, pc, &there))
        return;
    bool same = here.kind == there.kind && num_meets(here.n, there.n);
    result_count(res, same, SEV_ERROR);
    if (same)
        return;
    Arena *a = &prog->arena;
    Loc at = loc_at(t->src, cell_span(&r->cells[c->index]));
    Loc other = loc_at(pt->src, cell_span(&pr->cells[pc->index]));
    Finding *f = result_add(res, a, FIND_PLAN, SEV_ERROR, at, "plan");
    f->row_at = row_loc(t, r);
    f->about = (Facts){.fact = FACT_PLAN, .table = t, .row = r, .column = c, .other = other};
    f->has_stated = true;
    f->stated = here;
    f->computed = there;
    f->order_column = c->index;
    f->key = arena_printf(a, "%s.%s[budget]", t->name, r->name);
    if (here.kind == there.kind)
        result_difference(f, here, there);
}

void plans_compare(Program *prog, Results *res)
{
    if (!prog->plan || !prog->report)
        return;
    for (int i = 0; i < prog->tables.len; i++) {
        Table *t = prog->tables.items[i];
        Column *c = NULL;
        for (int j = 0; j < t->ncolumns && !c; j++)
            if (t->columns[j]->key.name && strcmp(t->columns[j]->key.name, "budget") == 0)
                c = t->columns[j];
        Table *pt = c ? program_table(prog->plan, t->name) : NULL;
        Column *pc = pt ? plan_column(pt, prog->report->year) : NULL;
        for (int k = 0; pc && k < t->nrows; k++)
            compare_row(prog, res, t, c, t->rows[k], pt, pc);
    }
}
