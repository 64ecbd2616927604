#include "sentence.h"

#include "i18n.h"
#include "kind.h"
#include "source.h"

static const char *key_str(Arena *a, Key k)
{
    return k.name ? k.name : arena_printf(a, "%d", k.year);
}

static const char *row_title(const Row *r) { return r->label ? r->label : r->name; }

/* A column as a formula's finding names it: its label, else its key. */
static const char *column_title(Arena *a, const Column *c)
{
    return c->label ? c->label : key_str(a, c->key);
}

/* A column as the ledger names it: its label, else its year. */
static const char *column_words(Arena *a, const Column *c)
{
    return c->label ? arena_printf(a, "%s", c->label) : arena_printf(a, "%d", c->key.year);
}

/* file:line:col of a place in another file. */
static const char *place(Arena *a, Loc at)
{
    int line, col;
    source_line_col(at.src, at.start, &line, &col);
    return arena_printf(a, "%s:%d:%d", at.src->path, line, col);
}

static const char *text_at(Arena *a, Loc at)
{
    return arena_strndup(a, at.src->text + at.start, at.end - at.start);
}

static const char *account_words(Arena *a, const LedgerPart *p)
{
    return p->name ? arena_printf(a, "%s (%s)", p->account, p->name)
                   : arena_printf(a, "%s", p->account);
}

const char *finding_message(Arena *a, const Finding *f)
{
    const Facts *x = &f->about;
    char buf[VALUE_FMT_MAX];
    switch ((Fact)x->fact) {
    case FACT_WORDS:
    case FACT_LEDGER_ALL:
        break;
    case FACT_ROW_FORMULA:
        return arena_printf(a, _("%s, %s: the stated figure does not match the row's formula"),
                            row_title(x->row), column_title(a, x->column));
    case FACT_COLUMN_FORMULA:
        return arena_printf(a, _("%s, %s: the stated figure does not match the column's "
                                 "formula"),
                            row_title(x->row), column_title(a, x->column));
    case FACT_NOTE:
        return arena_printf(a, _("%s, %s: differs from the total of note %d"),
                            row_title(x->row), key_str(a, x->column->key), x->note);
    case FACT_PREVIOUS:
        return arena_printf(a, _("%s, %d: differs from the %d report"), row_title(x->row),
                            x->year, x->other_year);
    case FACT_PREVIOUS_KIND:
        return arena_printf(a, _("%s, %d: is %s here but %s in the %d report"),
                            row_title(x->row), x->year, kind_name(f->stated.kind),
                            kind_name(f->computed.kind), x->other_year);
    case FACT_PLAN:
        return arena_printf(a, _("%s, %s: is not the budget the plan decided"),
                            row_title(x->row), x->column->label ? x->column->label : "budget");
    case FACT_LEDGER_FIGURE:
        return arena_printf(a, _("%s: is not the ledger's figure"), row_title(x->row));
    case FACT_LEDGER_NO_LINE:
    case FACT_LEDGER_TWO_LINES: {
        Value v = value_number(K_MONEY, U_KR, num_exact(f->account->ore * 10000));
        value_format(&v, buf);
        if (x->fact == FACT_LEDGER_NO_LINE)
            return arena_printf(a, _("account %s, %s in %d, is in no line of the statements"),
                                account_words(a, f->account), buf, x->year);
        return arena_printf(a, _("account %s, %s in %d, is in more than one line of table "
                                 "'%s'"),
                            account_words(a, f->account), buf, x->year, x->table->name);
    }
    case FACT_ALLOC_SHARE:
        return arena_printf(a, _("%s: the stated amount is not its share by %s"),
                            x->member->label ? x->member->label : x->member->name,
                            x->group->by->name);
    case FACT_ALLOC_MEMBERS:
        return arena_printf(a, _("%s: the members' amounts do not add up to the group's share"),
                            x->group->label ? x->group->label : x->group->name);
    case FACT_ALLOC_FRACTIONS:
        return arena_printf(a, _("the groups' shares of '%s' add up to %s, not to the whole"),
                            x->alloc->name,
                            value_format_num(f->stated.n, K_NUMBER, U_NONE, buf));
    case FACT_REVIEW_UNMATCHED:
        return arena_printf(a, _("the decision on '%s' matches no finding: the finding is "
                                 "gone, or the key is not its key"),
                            f->key);
    }
    return f->message;
}

static const char *place_words(Arena *a, const Facts *x)
{
    switch ((PlaceType)x->place) {
    case PLACE_NONE:
        break;
    case PLACE_COLUMN_KEY:
        return arena_printf(a, _("in column %s"), key_str(a, x->key));
    case PLACE_ROW:
        return x->row && x->row->label ? arena_printf(a, _("in row \"%s\""), x->row->label)
                                       : arena_printf(a, _("in row %s"), x->key.name);
    case PLACE_COLUMN:
        return arena_printf(a, _("in column %s"), column_words(a, x->column));
    }
    return NULL;
}

const char *finding_where(Arena *a, const Finding *f)
{
    return f->about.place ? place_words(a, &f->about) : f->where;
}

const char *finding_from(Arena *a, const Finding *f)
{
    const Facts *x = &f->about;
    switch ((Fact)x->fact) {
    case FACT_ROW_FORMULA:
    case FACT_COLUMN_FORMULA:
        return x->written ? x->written : _("sum of the rows above");
    case FACT_LEDGER_FIGURE:
        return x->written;
    case FACT_NOTE: {
        int line, col;
        source_line_col(x->other.src, x->other.start, &line, &col);
        return arena_printf(a, _("note %d, %s (%s:%d:%d)"), x->note, row_title(x->total),
                            x->other.src->path, line, col);
    }
    case FACT_PREVIOUS:
    case FACT_PREVIOUS_KIND:
    case FACT_PLAN:
        return place(a, x->other);
    case FACT_ALLOC_SHARE:
        return arena_printf(a, _("%s's share of %s by %s"), x->member->name, x->group->name,
                            x->group->by->name);
    case FACT_ALLOC_MEMBERS:
        return arena_printf(a, _("%s of the total %s"), text_at(a, x->group->fraction->loc),
                            text_at(a, loc_at(x->alloc->loc.src, cell_span(&x->alloc->total))));
    default:
        break;
    }
    return f->formula;
}

const char *finding_explanation(Arena *a, const Finding *f)
{
    (void)a;
    switch ((Fact)f->about.fact) {
    case FACT_LEDGER_NO_LINE:
        return _("hint: add the account to the accounts of a row: ledger TABLE { ROW from "
                 "ACCOUNTS }");
    case FACT_REVIEW_UNMATCHED:
        return _("remove the entry, or give the key the finding is shown with "
                 "('review key: ...')");
    default:
        return f->explanation;
    }
}

const char *not_run_message(Arena *a, const NotRun *n)
{
    const Facts *x = &n->about;
    switch ((Fact)x->fact) {
    case FACT_ROW_FORMULA:
        return arena_printf(a, _("%s, %s: the stated figure is not checked against the row's "
                                 "formula"),
                            row_title(x->row), column_title(a, x->column));
    case FACT_COLUMN_FORMULA:
        return arena_printf(a, _("%s, %s: the stated figure is not checked against the "
                                 "column's formula"),
                            row_title(x->row), column_title(a, x->column));
    case FACT_NOTE:
        return arena_printf(a, _("%s, %s: not compared with the total of note %d"),
                            row_title(x->row), key_str(a, x->column->key), x->note);
    case FACT_LEDGER_FIGURE:
        return arena_printf(a, _("%s against the ledger"), row_title(x->row));
    case FACT_LEDGER_ALL:
        return arena_printf(a, _("every account of %d in a line of the statements"), x->year);
    default:
        return n->message;
    }
}

const char *not_run_where(Arena *a, const NotRun *n)
{
    return n->about.place ? place_words(a, &n->about) : n->where;
}

const char *not_run_reason(Arena *a, const Why *w)
{
    switch ((WhyType)w->type) {
    case WHY_NONE:
        break;
    case WHY_BLANK:
        return arena_printf(a, _("'%s' is blank in column %s"), w->row->name,
                            key_str(a, w->key));
    case WHY_TEXT:
        return arena_printf(a, _("'%s' states text, not a figure, in column %s"),
                            w->row->name, key_str(a, w->key));
    case WHY_NO_COLUMN:
        return arena_printf(a, _("'%s' has no column %s"), w->table->name, key_str(a, w->key));
    case WHY_NO_EARLIER:
        return arena_printf(a, _("no earlier year: '%s' has no column %s"), w->table->name,
                            key_str(a, w->key));
    case WHY_NOT_YEAR:
        return arena_printf(a, _("prev() in column %s, which is not a year"),
                            key_str(a, w->key));
    case WHY_NO_ROW:
        return arena_printf(a, _("'%s' has no row '%s'"), w->table->name, w->name);
    case WHY_PARAM:
        return arena_printf(a, _("parameter '%s' is not in force in %d"),
                            w->param->full_name ? w->param->full_name : w->param->name,
                            w->key.year);
    case WHY_UNDECIDED:
        return arena_printf(a, _("parameter '%s' is left to the federation, which has not "
                                 "decided it for %d"),
                            w->param->full_name ? w->param->full_name : w->param->name,
                            w->key.year);
    case WHY_NO_KEYS:
        return _("its operands share no column in this year file");
    case WHY_MEMBER:
        return arena_printf(a, _("'%s' states no amount"), w->name);
    case WHY_TODO:
        return arena_printf(a, _("'%s' is not filled in yet ('?') in column %s"), w->row->name,
                            key_str(a, w->key));
    case WHY_TODO_FIGURE:
        return _("a figure of the text is not filled in yet ('?')");
    case WHY_TODO_AMOUNT:
        return arena_printf(a, _("'%s' states no amount yet ('?')"), w->name);
    case WHY_ABSENT:
        return arena_printf(a, _("the report has no table '%s': %s"), w->table->name,
                            w->table->absent_reason);
    case WHY_LEDGER_BEFORE:
        return arena_printf(a, _("the ledger is of %d, before this column's year"),
                            w->key.year);
    case WHY_LEDGER_NO_YEAR:
        return arena_printf(a, _("the ledger has no year %d (no #RAR %d, no #UB or #RES for "
                                 "it)"),
                            w->key.year, w->key.year);
    case WHY_EMPTY_NOTE:
        return arena_printf(a, _("note %d states no figure in column %s"), w->table->note,
                            key_str(a, w->key));
    case WHY_LEDGER_OVERFLOW:
        return _("the accounts add up to more than finsam can hold");
    }
    return _("an operand has no figure");
}

static void render_finding(Finding *f, Arena *a)
{
    f->message = finding_message(a, f);
    f->where = finding_where(a, f);
    f->formula = finding_from(a, f);
    f->explanation = finding_explanation(a, f);
}

void sentences_render(Results *res, Arena *a)
{
    for (int i = 0; i < res->failed.len; i++)
        render_finding(res->failed.items[i], a);
    for (int i = 0; i < res->runs.len; i++) {
        CheckRun *run = res->runs.items[i];
        if (run->passed && run->explained)
            render_finding((Finding *)run->explained, a);
    }
    for (int i = 0; i < res->not_run.len; i++) {
        NotRun *n = res->not_run.items[i];
        n->message = not_run_message(a, n);
        n->where = not_run_where(a, n);
        n->reason = not_run_reason(a, &n->why);
    }
}
