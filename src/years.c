#include "years.h"

#include "i18n.h"
#include "kind.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_YEARS = 50 };

/* A file as the system knows it, whatever path leads to it. */
typedef struct {
    dev_t dev;
    ino_t ino;
} FileKey;

/* An earlier file's messages are shown with the year file's. */
static void adopt_diags(Program *prog, const Program *other)
{
    for (int i = 0; i < other->diags.list.len; i++)
        ptrvec_push(&prog->arena, &prog->diags.list, other->diags.list.items[i]);
    prog->diags.errors += other->diags.errors;
}

int program_load_previous(Program *prog, const LoadOptions *opts)
{
    Program *later = prog;
    /* the files of the years so far, by device and inode: one stat each, where a real
     * path took a readlink for every folder on the way */
    FileKey seen[MAX_YEARS + 1];
    int nseen = 0;
    struct stat st;
    if (stat(((Module *)prog->modules.items[0])->src->path, &st) == 0)
        seen[nseen++] = (FileKey){st.st_dev, st.st_ino};
    for (int depth = 0; depth < MAX_YEARS && later->report; depth++) {
        int errors;
        const ReportEntry *e;
        const char *path = program_entry_file(
            prog, later->report, "previous", opts,
            _("'previous' names a file: previous \"2024\""),
            _("cannot find the previous year's file \"%s\""), &e, &errors);
        if (!path)
            return errors;
        if (stat(path, &st) == 0) {
            for (int i = 0; i < nseen; i++)
                if (seen[i].dev == st.st_dev && seen[i].ino == st.st_ino) {
                    diag_at(&prog->diags, SEV_ERROR, e->loc, _("'previous' leads back to %s, "
                            "which is already among the years"), path);
                    return 1;
                }
            seen[nseen++] = (FileKey){st.st_dev, st.st_ino};
        }
        Program *earlier = mem_alloc(sizeof *earlier);
        program_init_earlier(earlier, prog);
        later->previous = earlier;
        LoadOptions own = *opts;
        own.nrules = 0; /* --rules are for the year file given, not for its earlier years */
        if (program_load(earlier, path, &own) || earlier->diags.errors ||
            program_resolve(earlier)) {
            adopt_diags(prog, earlier);
            return 1;
        }
        if (earlier->report->year >= later->report->year) {
            Diag *g = diag_at(&prog->diags, SEV_ERROR, e->loc, _("the previous year's file "
                              "reports %d, which is not before %d"), earlier->report->year,
                              later->report->year);
            diag_note(&prog->diags, g, _("%s says: year %d"), path, earlier->report->year);
            return 1;
        }
        later = earlier;
    }
    return 0;
}

/* The column keyed by that year; a named column is never one, whatever its label. */
static Column *year_column(const Table *t, int year)
{
    for (int i = 0; i < t->ncolumns; i++)
        if (!t->columns[i]->key.name && t->columns[i]->key.year == year)
            return t->columns[i];
    return NULL;
}

/* An earlier file's table that has a column for the year being compared. */
typedef struct {
    const Program *file;
    Table *table;
    Column *column;
} Holder;

/* The earlier files, nearest first (the previous year's, then the one it names, ...),
 * whose report is of the year or later and whose table of the same name has a column
 * keyed by the year. A file of an earlier report cannot hold that year's figures (its
 * column for a later year is a plan or a budget). */
static int holders(const Program *prog, const Table *t, int year, Holder *out)
{
    int n = 0;
    for (const Program *p = prog->previous; p && n < MAX_YEARS; p = p->previous) {
        if (!p->report || p->report->year < year)
            break;
        Table *et = program_table(p, t->name);
        Column *ec = et ? year_column(et, year) : NULL;
        if (ec)
            out[n++] = (Holder){p, et, ec};
    }
    return n;
}

static void compare_cell(Program *prog, Results *res, Table *t, Column *c, int i,
                         const Holder *held, int nheld)
{
    Row *r = t->rows[i];
    Value here, there;
    if (!value_stated(t, r, c, &here))
        return;
    /* The nearest earlier file that states the figure. */
    const Holder *h = NULL;
    Row *er = NULL;
    for (int k = 0; k < nheld && !h; k++) {
        er = program_row(held[k].file, held[k].table, r->name);
        if (er && value_stated(held[k].table, er, held[k].column, &there))
            h = &held[k];
    }
    if (!h)
        return;
    bool same_kind = here.kind == there.kind;
    bool same = same_kind && num_meets(here.n, there.n);
    result_count(res, same, SEV_ERROR);
    if (same)
        return;
    int year = c->key.year, report = h->file->report->year;
    Loc at = loc_at(t->src, cell_span(&r->cells[c->index]));
    Loc other = loc_at(h->table->src, cell_span(&er->cells[h->column->index]));
    Finding *f = result_add(res, &prog->arena, FIND_PREVIOUS, SEV_ERROR, at,
                            "previous-year");
    f->row_at = row_loc(t, r);
    f->about = (Facts){.fact = same_kind ? FACT_PREVIOUS : FACT_PREVIOUS_KIND, .table = t,
                       .row = r, .column = c, .year = year, .other_year = report,
                       .other = other};
    f->has_stated = true;
    f->stated = here;
    f->computed = there;
    f->order_column = c->index;
    f->key = arena_printf(&prog->arena, "%s.%s[%d]", t->name, r->name, year);
    if (same_kind)
        result_difference(f, here, there);
}

void years_compare(Program *prog, Results *res)
{
    if (!prog->previous || !prog->report)
        return;
    Holder held[MAX_YEARS];
    for (int i = 0; i < prog->tables.len; i++) {
        Table *t = prog->tables.items[i];
        for (int j = 0; j < t->ncolumns; j++) {
            Column *c = t->columns[j];
            if (c->key.name || !c->key.year || c->key.year >= prog->report->year)
                continue;
            int nheld = holders(prog, t, c->key.year, held);
            for (int k = 0; nheld && k < t->nrows; k++)
                compare_cell(prog, res, t, c, k, held, nheld);
        }
    }
}
