#include "result.h"

#include <stdlib.h>

void result_count(Results *res, bool passed, Severity sev)
{
    res->checks++;
    if (passed)
        res->passed++;
    else if (sev == SEV_ERROR)
        res->failed_errors++;
    else
        res->failed_warnings++;
}

Finding *result_add(Results *res, Arena *a, FindingType type, Severity sev, Loc at,
                    const char *tag)
{
    Finding *f = arena_alloc(a, sizeof *f);
    f->type = type;
    f->severity = sev;
    f->loc = at;
    f->tag = tag;
    f->order_file = at.src ? at.src->index : 0;
    ptrvec_push(a, &res->failed, f);
    return f;
}

NotRun *result_not_run(Results *res, Arena *a, Loc at, const char *tag, Facts about, Why why)
{
    NotRun *n = arena_alloc(a, sizeof *n);
    n->loc = at;
    n->tag = tag;
    n->about = about;
    n->why = why;
    n->reason_at = why_loc(&why);
    n->order_file = at.src ? at.src->index : 0;
    ptrvec_push(a, &res->not_run, n);
    res->skipped++;
    return n;
}

void result_difference(Finding *f, Value a, Value b)
{
    Num d;
    NumStatus st = num_sub(num_exact(num_mid(a.n)), num_exact(num_mid(b.n)), &d);
    /* an amount's difference to the öre, or to the last digit of a figure printed in
     * tkr or mkr with decimals: the middle of a sum of half-open intervals is off by
     * millionths that no report prints */
    int places = !a.printed || a.decimals == 0 ? 2
                 : a.unit == U_TKR                ? a.decimals + 3
                 : a.unit == U_MKR                ? (a.decimals + 6 > 6 ? 6 : a.decimals + 6)
                                                  : 2;
    if (st == NUM_OK && a.kind == K_MONEY)
        st = num_round(d, places, &d);
    if (st == NUM_OK) {
        f->has_difference = true;
        f->difference = d;
        f->difference_kind = a.kind;
        /* kronor against thousands: in kronor, the finer, not "-39,702 tkr" */
        f->difference_unit = a.kind == K_MONEY && b.kind == K_MONEY && a.unit != b.unit
                                 ? U_KR : a.unit;
    }
}

static int by_place(const void *pa, const void *pb)
{
    const Finding *a = *(Finding *const *)pa, *b = *(Finding *const *)pb;
    if (a->order_file != b->order_file)
        return a->order_file < b->order_file ? -1 : 1;
    if (a->loc.start != b->loc.start)
        return a->loc.start < b->loc.start ? -1 : 1;
    if (a->order_column != b->order_column)
        return a->order_column < b->order_column ? -1 : 1;
    return a->type < b->type ? -1 : a->type > b->type;
}

static int not_run_by_place(const void *pa, const void *pb)
{
    const NotRun *a = *(NotRun *const *)pa, *b = *(NotRun *const *)pb;
    if (a->order_file != b->order_file)
        return a->order_file < b->order_file ? -1 : 1;
    if (a->loc.start != b->loc.start)
        return a->loc.start < b->loc.start ? -1 : 1;
    return (a->order_column > b->order_column) - (a->order_column < b->order_column);
}

bool finding_points_at(const Finding *f, int i)
{
    const Loc *at = &f->operands[i].at;
    if (!at->src || at->src == f->loc.src)
        return false;
    for (int k = 0; k < i; k++)
        if (f->operands[k].at.src == at->src && f->operands[k].at.start == at->start)
            return false;
    return true;
}

void result_sort(Results *res)
{
    if (res->not_run.len > 1)
        qsort(res->not_run.items, (size_t)res->not_run.len, sizeof(void *), not_run_by_place);
    if (res->failed.len > 1)
        qsort(res->failed.items, (size_t)res->failed.len, sizeof(void *), by_place);
}

const AllocView *result_alloc(const Results *res, const Allocation *al)
{
    for (int i = 0; i < res->allocs.len; i++) {
        const AllocView *v = res->allocs.items[i];
        if (v->alloc == al)
            return v;
    }
    return NULL;
}
