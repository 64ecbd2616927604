#include "write_text.h"

#include <string.h>

#include "i18n.h"
#include "review.h"
#include "render.h"

static const char *fmt(Arena *a, const Value *v)
{
    char buf[VALUE_FMT_MAX];
    value_format(v, buf);
    return arena_strndup(a, buf, strlen(buf));
}

static void explain_cell(Diags *d, Diag *g, Arena *a, const Finding *f)
{
    /* TRANSLATORS: the labels of the lines that explain a finding ("stated:",
     * "computed:", "difference:", "operands:", "note total:", "that year:") are padded
     * with spaces so that the values after them line up: keep them lined up. */
    const char *formula = f->formula ? f->formula : "";
    diag_note(d, g, _("stated:     %s"), fmt(a, &f->stated));
    if (f->type == FIND_NOTE)
        diag_note(d, g, _("note total: %s, in %s"), fmt(a, &f->computed), formula);
    else if (f->type == FIND_PREVIOUS)
        diag_note(d, g, _("that year:  %s, at %s"), fmt(a, &f->computed), formula);
    else if (f->type == FIND_PLAN)
        diag_note(d, g, _("the plan:   %s, at %s"), fmt(a, &f->computed), formula);
    else if (f->type == FIND_LEDGER)
        diag_note(d, g, _("ledger:     %s, accounts %s"), fmt(a, &f->computed), formula);
    else
        diag_note(d, g, _("computed:   %s, from %s"), fmt(a, &f->computed), formula);
}

/* The accounts behind a ledger figure, or the lines an account is in: a line each. */
static void explain_ledger(Diags *d, Diag *g, Arena *a, const Finding *f)
{
    for (int i = 0; f->ledger && i < f->ledger->nparts; i++) {
        const LedgerPart *p = &f->ledger->parts[i];
        Value v = value_number(K_MONEY, U_KR, num_exact(p->ore * 10000));
        /* TRANSLATORS: an account behind a figure from the ledger: "account 3010
         * (Medlemsavgifter) 60 000 kr, at bokforing-2025.se:23:13" */
        diag_note(d, g, _("account %s%s%s%s %s, at %s"), p->account, p->name ? " (" : "",
                  p->name ? p->name : "", p->name ? ")" : "", fmt(a, &v),
                  p->at.src ? diag_place(d, p->at) : "-");
    }
    for (int i = 0; f->account && i < f->noperands; i++)
        /* TRANSLATORS: a line an account is in: "in income.costs from -(40..79)
         * (2025.fin:21:5): -70 000 kr" */
        diag_note(d, g, _("in %s: %s"), f->operands[i].text ? f->operands[i].text : "",
                  fmt(a, &f->operands[i].value));
}

/* The other alternatives of a check that failed with `or`, each false: "or
 * balance.result[2025] > 0: balance.result[2025] is -104 286 kr, 0 is 0 kr, difference:
 * -104 286 kr". The first is explained above them. */
static void explain_alternatives(Diags *d, Diag *g, Arena *a, const Finding *f)
{
    for (int i = 1; i < f->nalternatives; i++) {
        const Alternative *alt = &f->alternatives[i];
        const char *text = alt->text;
        if (!alt->compared) {
            /* TRANSLATORS: another alternative of a failed 'or', a condition that is
             * false: "or has_plan: false" */
            diag_note(d, g, _("or %s: false"), text);
            continue;
        }
        const char *sides = arena_printf(a, _("%s is %s, %s is %s"), alt->sides[0].text,
                                         fmt(a, &alt->sides[0].value), alt->sides[1].text,
                                         fmt(a, &alt->sides[1].value));
        if (alt->has_difference) {
            Finding diff = {.difference = alt->difference, .difference_kind = alt->difference_kind,
                            .difference_unit = alt->difference_unit};
            char buf[VALUE_FMT_MAX];
            /* TRANSLATORS: another alternative of a failed 'or': the comparison, its
             * two sides ("a is 5 kr, b is 7 kr") and their difference */
            diag_note(d, g, _("or %s: %s, difference: %s"), text, sides,
                      render_difference(&diff, buf));
        } else {
            /* TRANSLATORS: another alternative of a failed 'or': the comparison and its
             * two sides ("a is 5 kr, b is 7 kr") */
            diag_note(d, g, _("or %s: %s"), text, sides);
        }
    }
}

/* The n texts one after the other. */
static const char *concat(Arena *a, const char *const *parts, int n)
{
    size_t len[4 * MAX_OPERANDS], total = 0;
    for (int i = 0; i < n; i++)
        total += len[i] = strlen(parts[i]);
    char *s = arena_text(a, total + 1), *p = s;
    for (int i = 0; i < n; i++) {
        memcpy(p, parts[i], len[i]);
        p += len[i];
    }
    *p = '\0';
    return s;
}

static void explain_operands(Diags *d, Diag *g, Arena *a, const Finding *f, int from)
{
    if (f->type == FIND_LEDGER) {
        explain_ledger(d, g, a, f);
        return;
    }
    if (f->noperands <= from)
        return;
    /* "a 5 kr, b 7 kr", put together once: not formatted again as each item is added */
    const char *parts[4 * MAX_OPERANDS];
    int n = 0;
    for (int i = from; i < f->noperands && i < MAX_OPERANDS; i++) {
        const char *text = f->operands[i].text ? f->operands[i].text : "",
                   *value = fmt(a, &f->operands[i].value);
        if (i > from)
            parts[n++] = ", ";
        if (from) {
            parts[n++] = arena_printf(a, _("%s is %s"), text, value);
        } else {
            parts[n++] = text;
            parts[n++] = " ";
            parts[n++] = value;
        }
    }
    const char *list = concat(a, parts, n);
    /* TRANSLATORS: "where a is 5 kr, b is 7 kr": the other operands of a check. */
    diag_note(d, g, from ? _("where %s") : _("operands:   %s"), list);
}

static int line_of(Loc at)
{
    int line, col;
    source_line_col(at.src, at.start, &line, &col);
    return line;
}

/* The figures a check in another file read (a rule in rules/ reading the year file),
 * each at its place: a note per line, those on one line (a row's two columns)
 * underlined together. */
static void figures_here(FILE *out, Diags *d, const Finding *f, DiagStyle style)
{
    bool done[MAX_OPERANDS] = {false};
    for (int k = 0; k < f->noperands; k++) {
        if (done[k] || !finding_points_at(f, k))
            continue;
        const Operand *o = &f->operands[k];
        int also[2], nalso = 0;
        for (int i = k + 1; i < f->noperands && nalso < 2; i++)
            if (!done[i] && finding_points_at(f, i) && f->operands[i].at.src == o->at.src &&
                line_of(f->operands[i].at) == line_of(o->at)) {
                also[nalso++] = i;
                done[i] = true;
            }
        const char *a = o->text ? o->text : "";
        const char *b = nalso > 0 && f->operands[also[0]].text ? f->operands[also[0]].text : "";
        const char *c = nalso > 1 && f->operands[also[1]].text ? f->operands[also[1]].text : "";
        /* TRANSLATORS: a note at the year file's cell that a rule in another file read:
         * "2025.fin:12:50: note: the figure balanskrav.result[2025] is here"; then two
         * and three figures on one line */
        Diag *n = nalso == 0 ? diag_at(d, SEV_NOTE, o->at, _("the figure %s is here"), a)
                  : nalso == 1 ? diag_at(d, SEV_NOTE, o->at, _("the figures %s and %s are here"),
                                         a, b)
                  : diag_at(d, SEV_NOTE, o->at, _("the figures %s, %s and %s are here"), a, b,
                            c);
        for (int i = 0; i < nalso; i++)
            n->also[i] = f->operands[also[i]].at;
        n->context = (Loc){o->at.src, o->row_start, o->row_start};
        diag_print(out, n, style);
    }
}

void write_findings(FILE *out, const Model *m, DiagStyle style)
{
    Arena arena, *a = &arena;
    arena_init(a);
    Diags d;
    diags_init(&d, a);
    for (int i = 0; i < m->nfindings; i++) {
        const Finding *f = m->findings[i].finding;
        const char *message = f->where ? arena_printf(a, "%s, %s", f->message, f->where)
                                       : f->message;
        Diag *g = diag_at(&d, f->severity, f->loc, "%s", message);
        g->tag = f->tag;
        g->whole = f->type == FIND_CHECK;
        g->context = f->row_at;
        if (f->has_stated) {
            explain_cell(&d, g, a, f);
        } else if (f->type == FIND_CHECK && f->noperands >= 2) {
            for (int k = 0; k < 2; k++)
                diag_note(&d, g, _("%s is %s"), f->operands[k].text ? f->operands[k].text : "",
                          fmt(a, &f->operands[k].value));
        }
        if (f->has_difference) {
            char buf[VALUE_FMT_MAX];
            diag_note(&d, g, _("difference: %s"), render_difference(f, buf));
        }
        explain_operands(&d, g, a, f, f->type == FIND_CHECK && !f->has_stated ? 2 : 0);
        explain_alternatives(&d, g, a, f);
        if (f->same_as.src)
            /* TRANSLATORS: a finding caused by another: "probably the same error as
             * 2025.fin:97:53" */
            diag_note(&d, g, _("probably the same error as %s"), diag_place(&d, f->same_as));
        if (f->explanation)
            diag_note(&d, g, "%s", f->explanation);
        if (f->source)
            diag_note(&d, g, _("source: %s"), f->source);
        if (f->review)
            diag_note(&d, g, _("reviewed: %s"), review_text(a, f->review));
        else if (m->summary.reviewing && f->key && f->type != FIND_REVIEW)
            diag_note(&d, g, _("review key: %s"), f->key);
        diag_print(out, g, style);
        figures_here(out, &d, f, style);
    }
    arena_free(a);
}

void write_not_run(FILE *out, const Model *m, DiagStyle style, bool all)
{
    Arena arena, *a = &arena;
    arena_init(a);
    Diags d;
    diags_init(&d, a);
    for (int i = 0; i < m->nnot_run; i++) {
        const NotRun *n = m->not_run[i].not_run;
        if (!all && !n->stated)
            continue;
        /* TRANSLATORS: a formula or check that did not run: "not run: Title, in column
         * 2024" */
        Diag *g = diag_at(&d, SEV_NOTE, n->loc, _("not run: %s"),
                          n->where ? arena_printf(a, "%s, %s", n->message, n->where)
                                   : n->message);
        g->tag = n->tag;
        diag_note(&d, g, _("because %s"), n->reason);
        if (n->reason_at.src)
            diag_note(&d, g, _("see %s"), diag_place(&d, n->reason_at));
        diag_print(out, g, style);
    }
    arena_free(a);
}

void write_ledger(FILE *out, const Model *m)
{
    Arena a;
    arena_init(&a);
    Diags d;
    diags_init(&d, &a);
    for (int i = 0; i < m->nledger; i++) {
        const LedgerFigure *f = m->ledger[i];
        /* TRANSLATORS: "ledger: income.fees, 2025: 100 000 kr, agrees with the stated
         * figure" */
        fprintf(out, _("ledger: %s.%s, %d: %s, %s\n"), safe_text(&a, f->table->name),
                safe_text(&a, f->row->name), f->column->key.year, fmt(&a, &f->figure),
                render_ledger_outcome(f));
        for (int k = 0; k < f->nparts; k++) {
            const LedgerPart *p = &f->parts[k];
            char amount[VALUE_FMT_MAX];
            fputs("    ", out);
            render_ledger_account(out, p, render_plain);
            fprintf(out, " %s, %s\n", render_ledger_amount(p, amount),
                    p->at.src ? diag_place(&d, p->at) : "-");
        }
    }
    arena_free(&a);
}
