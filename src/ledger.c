#include "ledger.h"

#include <string.h>

#include "i18n.h"

/* ---- accounts and ranges ------------------------------------------------------- */

/* Whether account, all digits, lies in r: compared on the range's k digits, in one pass
 * (this runs for every account against every range of every mapped row). A short
 * account stands for every number that starts with it: 301 is 3010..3019 in four
 * digits, inside the range only if both ends are; so it is read as 3010 against the
 * low end and as 3019 against the high end. */
bool ledger_account_in(const char *account, const AccountRange *r)
{
    const char *lo = r->lo, *hi = r->hi; /* both k digits long (ast_account_range) */
    int below = 0, above = 0; /* the first difference from lo, from hi, as a sign */
    size_t i = 0;
    for (; lo[i]; i++) {
        char c = account[i];
        if (!c)
            break;
        if (c < '0' || c > '9')
            return false;
        if (!below && c != lo[i])
            below = c < lo[i] ? -1 : 1;
        if (!above && c != hi[i])
            above = c < hi[i] ? -1 : 1;
    }
    size_t n = i;
    for (; account[i]; i++) /* digits beyond the range's: compared with nothing */
        if (account[i] < '0' || account[i] > '9')
            return false;
    if (i == 0)
        return false;
    if (lo[n]) {
        /* shorter than the range: the rest as '0's against lo and '9's against hi */
        size_t k = n + strlen(lo + n);
        if (k >= 32)
            return false;
        for (size_t j = n; j < k && !below; j++)
            if (lo[j] != '0')
                below = '0' < lo[j] ? -1 : 1;
        for (size_t j = n; j < k && !above; j++)
            if (hi[j] != '9')
                above = '9' < hi[j] ? -1 : 1;
    }
    return below >= 0 && above <= 0;
}

int ledger_account_sign(const char *account, const LedgerRow *row)
{
    int sign = 0;
    for (int i = 0; i < row->ranges.len; i++) {
        const AccountRange *r = row->ranges.items[i];
        if (ledger_account_in(account, r))
            sign += r->sign;
    }
    return sign;
}

/* ---- loading ------------------------------------------------------------------- */

/* Every `ledger TABLE { ... }` of every loaded file, resolved against the year file's
 * tables: an unknown table or row, a row mapped twice, a row of percentages are errors. */
static int resolve_maps(Program *prog, Ledger *l, PtrVec *rows)
{
    int errors = 0;
    for (int i = 0; i < prog->modules.len; i++) {
        const Module *m = prog->modules.items[i];
        for (int j = 0; j < m->decls.len; j++) {
            const Decl *d = m->decls.items[j];
            if (d->type != D_LEDGER)
                continue;
            const LedgerMap *map = d->u.ledger;
            Table *t = program_table(prog, map->table);
            if (!t || t->absent_reason) {
                Diag *g = diag_at(&prog->diags, SEV_ERROR, map->table_loc,
                                  _("the ledger mapping names table '%s', which the report "
                                    "does not have"), map->table);
                diag_note(&prog->diags, g, "%s", _("hint: `ledger TABLE { ROW from ACCOUNTS }` "
                                                   "names a table of the year file"));
                errors++;
                continue;
            }
            for (int k = 0; k < map->rows.len; k++) {
                LedgerRow *lr = map->rows.items[k];
                Row *r = program_row(prog, t, lr->name);
                if (!r) {
                    diag_at(&prog->diags, SEV_ERROR, lr->name_loc,
                            _("table '%s' has no row '%s'"), t->name, lr->name);
                    errors++;
                    continue;
                }
                if (r->kind != K_MONEY && r->kind != K_NUMBER) {
                    diag_at(&prog->diags, SEV_ERROR, lr->name_loc,
                            _("row '%s' of table '%s' does not state amounts: the ledger "
                              "has only amounts"), lr->name, t->name);
                    errors++;
                    continue;
                }
                const LedgerRow *first = NULL;
                for (int q = 0; q < rows->len && !first; q++)
                    if (((const LedgerRow *)rows->items[q])->row == r)
                        first = rows->items[q];
                if (first) {
                    Diag *g = diag_at(&prog->diags, SEV_ERROR, lr->name_loc,
                                      _("row '%s' of table '%s' is mapped to the ledger "
                                        "twice"), lr->name, t->name);
                    diag_note(&prog->diags, g, _("first at %s"),
                              diag_place(&prog->diags, first->name_loc));
                    errors++;
                    continue;
                }
                lr->row = r;
                lr->table = t;
                ptrvec_push(&prog->arena, rows, lr);
            }
        }
    }
    (void)l;
    return errors;
}

/* The ledger's own consistency, as `finsam sie` checks it (sie_check.c, in the pass
 * that read the ledger): its findings are the year file's too, at their SIE lines, so
 * that a transaction changed is shown where it is as well as in every figure it
 * changes. */
static void take_findings(Program *prog, Ledger *l, const Diags *checked,
                          const SieSummary *sum)
{
    l->checks = sum->checks;
    l->passed = sum->passed;
    l->failed = sum->failed;
    l->warnings = sum->warnings;
    for (int i = 0; i < checked->list.len; i++) {
        Diag *g = checked->list.items[i];
        if (g->tag && g->severity != SEV_NOTE)
            ptrvec_push(&prog->arena, &l->findings, g);
    }
}

int program_load_ledger(Program *prog, const LoadOptions *opts)
{
    const ReportEntry *e = NULL;
    const Report *rep = prog->report;
    for (int i = 0; rep && i < rep->entries.len && !e; i++)
        if (strcmp(((const ReportEntry *)rep->entries.items[i])->key, "ledger") == 0)
            e = rep->entries.items[i];
    if (!e)
        return 0;
    if (!e->text) {
        Diag *g = diag_at(&prog->diags, SEV_ERROR, e->loc, "%s",
                          _("'ledger' names the SIE file of the year's bookkeeping"));
        diag_note(&prog->diags, g, "%s", _("hint: ledger \"bokforing-2025.se\""));
        return 1;
    }
    const char *path = program_find_ledger(prog, e->text, e->loc.src, opts, e->loc,
                                           _("cannot find the ledger \"%s\""));
    if (!path)
        return 1;
    Ledger *l = arena_alloc(&prog->arena, sizeof *l);
    l->declared = e->loc;
    l->name = e->text;
    Diags own, checked;
    diags_init(&own, &prog->arena);
    diags_init(&checked, &prog->arena);
    SieSummary sum;
    const char *why = NULL;
    int errors = ledger_read(l, &own, path, &why, &checked, &sum);
    if (errors < 0) {
        Diag *g = diag_at(&prog->diags, SEV_ERROR, e->loc, _("cannot read the ledger %s: %s"),
                          path, why);
        diag_note(&prog->diags, g, "%s", _("hint: the ledger is an SIE file the bookkeeping "
                                           "program exported; check that it can be read"));
        return 1;
    }
    if (errors) {
        for (int i = 0; i < own.list.len; i++) {
            Diag *g = own.list.items[i];
            if (g->severity == SEV_ERROR)
                ptrvec_push(&prog->arena, &prog->diags.list, g);
        }
        prog->diags.errors += own.errors;
        return errors;
    }
    if (l->year_seen[0] && l->year_end[0] / 10000 != rep->year) {
        Diag *g = diag_at(&prog->diags, SEV_ERROR, e->loc,
                          _("the ledger's year ends %d-%02d-%02d, not in the report's year %d"),
                          l->year_end[0] / 10000, l->year_end[0] / 100 % 100,
                          l->year_end[0] % 100, rep->year);
        diag_note(&prog->diags, g, _("the year is at %s"),
                  diag_place(&prog->diags, l->year_at[0]));
        return 1;
    }
    prog->ledger = l;
    take_findings(prog, l, &checked, &sum);
    return resolve_maps(prog, l, &l->rows);
}

/* ---- comparing ----------------------------------------------------------------- */

/* An account a mapped row counts, with the sign it counts it with (non-zero). */
typedef struct {
    int account, row; /* indexes in the ledger's accounts, in its rows */
    int sign;
} Counted;

typedef struct {
    Program *prog;
    Results *res;
    Arena *a;
    Ledger *l;
    /* which accounts each row counts, worked out once, so that the figures of a row in
     * each column and the lines of each account in each year read them rather than
     * match every account against every range again: by_account in the order of the
     * accounts and then of the rows, by_row in the order of the rows and then of the
     * accounts; an account's (a row's) are from account_first[i] (row_first[k]) to the
     * next one's */
    Counted *by_account, *by_row;
    int *account_first, *row_first;
    bool has_year[LEDGER_YEARS]; /* a #RAR for the year, or a figure */
} Cmp;

static void count_accounts(Cmp *C)
{
    const Ledger *l = C->l;
    int na = l->naccounts, nr = l->rows.len, n = 0, cap = 0;
    C->account_first = mem_alloc(sizeof *C->account_first * (size_t)(na + 1));
    C->row_first = mem_alloc(sizeof *C->row_first * (size_t)(nr + 1));
    for (int i = 0; i < na; i++) {
        C->account_first[i] = n;
        for (int k = 0; k < nr; k++) {
            int sign = ledger_account_sign(l->accounts[i]->id, l->rows.items[k]);
            if (sign == 0)
                continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 64;
                C->by_account = mem_realloc(C->by_account, sizeof *C->by_account * (size_t)cap);
            }
            C->by_account[n++] = (Counted){i, k, sign};
            C->row_first[k + 1]++;
        }
    }
    C->account_first[na] = n;
    for (int k = 0; k < nr; k++)
        C->row_first[k + 1] += C->row_first[k];
    C->by_row = mem_alloc(sizeof *C->by_row * (size_t)(n + 1));
    int *next = mem_alloc(sizeof *next * (size_t)(nr + 1));
    memcpy(next, C->row_first, sizeof *next * (size_t)(nr + 1));
    for (int j = 0; j < n; j++)
        C->by_row[next[C->by_account[j].row]++] = C->by_account[j];
    mem_free(next);
    for (int y = 0; y < LEDGER_YEARS; y++)
        C->has_year[y] = l->year_seen[y];
    for (int i = 0; i < na; i++)
        for (int y = 0; y < LEDGER_YEARS; y++)
            C->has_year[y] |= l->accounts[i]->has_ub[y] || l->accounts[i]->has_res[y];
}

/* The mapping as written, after the row's name and 'from': "-(30..39)". */
static const char *mapping_text(Arena *a, const LedgerRow *lr)
{
    const char *text = lr->loc.src->text;
    uint32_t s = lr->name_loc.end, e = lr->loc.end;
    while (s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\r' || text[s] == '\n'))
        s++;
    if (e - s > 4 && strncmp(text + s, "from", 4) == 0)
        s += 4; /* the keyword: the accounts are what is shown */
    /* one line: a mapping written over several lines is shown with single spaces */
    char *out = arena_strndup(a, text + s, e - s);
    char *w = out;
    bool space = false;
    for (const char *p = out; *p; p++) {
        bool blank = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r';
        if (blank) {
            space = true;
            continue;
        }
        if (space && w != out)
            *w++ = ' ';
        space = false;
        *w++ = *p;
    }
    *w = 0;
    return out;
}

static Value money(int64_t ore)
{
    return value_number(K_MONEY, U_KR, num_exact(ore * 10000));
}

/* Öre that fit a Value: a sum of a ledger's amounts far beyond any real one is refused
 * rather than wrapped. */
static const int64_t ORE_MAX = INT64_MAX / 10000;

/* The ledger's figure of mapped row k for a year index; false (with *why) if it cannot
 * be made. */
static LedgerFigure *figure(Cmp *C, int k, const LedgerRow *lr, const Column *c, int year,
                            Why *why)
{
    LedgerFigure *f = arena_alloc(C->a, sizeof *f);
    f->table = lr->table;
    f->row = lr->row;
    f->column = c;
    f->year_index = -year;
    int64_t total = 0;
    int n = 0;
    const Counted *first = C->by_row + C->row_first[k], *end = C->by_row + C->row_first[k + 1];
    for (const Counted *e = first; e < end; e++) {
        int64_t ore;
        if (ledger_amount(C->l, C->l->accounts[e->account], year, &ore) && ore != 0)
            n++;
    }
    f->parts = arena_alloc(C->a, sizeof *f->parts * (size_t)(n + 1));
    for (const Counted *e = first; e < end; e++) {
        const LedgerAccount *acc = C->l->accounts[e->account];
        int64_t ore;
        if (!ledger_amount(C->l, acc, year, &ore) || ore == 0)
            continue;
        LedgerPart *p = &f->parts[f->nparts++];
        p->account = acc->id;
        p->name = acc->name;
        p->at = acc->balance ? acc->ub_at[year] : acc->res_at[year];
        if (__builtin_mul_overflow(ore, (int64_t)e->sign, &p->ore) ||
            __builtin_add_overflow(total, p->ore, &total) || total > ORE_MAX ||
            total < -ORE_MAX) {
            *why = (Why){.type = WHY_LEDGER_OVERFLOW};
            return NULL;
        }
    }
    f->figure = money(total);
    return f;
}

static void compare_cell(Cmp *C, int k, const Column *c, int year)
{
    const LedgerRow *lr = C->l->rows.items[k];
    const Row *r = lr->row;
    const Table *t = lr->table;
    Value here;
    bool has = value_stated(t, r, c, &here);
    Loc at = has ? loc_at(t->src, cell_span(&r->cells[c->index])) : lr->name_loc;
    Facts about = {.fact = FACT_LEDGER_FIGURE, .place = PLACE_COLUMN, .table = t, .row = r,
                   .column = c};
    if (year < 0 || year >= LEDGER_YEARS || !C->has_year[year]) {
        if (!has)
            return; /* nothing stated, nothing to show from the ledger */
        Why reason = year < 0 ? (Why){.type = WHY_LEDGER_BEFORE,
                                      .key = {.year = C->prog->report->year}}
                              : (Why){.type = WHY_LEDGER_NO_YEAR, .key = {.year = -year}};
        NotRun *n = result_not_run(C->res, C->a, at, "ledger", about, reason);
        n->stated = true;
        n->reason_at = C->l->declared;
        n->order_column = c->index;
        return;
    }
    Why why = {0};
    LedgerFigure *f = figure(C, k, lr, c, year, &why);
    if (!f) {
        NotRun *n = result_not_run(C->res, C->a, at, "ledger", about, why);
        n->stated = has;
        n->order_column = c->index;
        return;
    }
    ptrvec_push(C->a, &C->res->ledger, f);
    if (!has)
        return;
    f->compared = true;
    f->agrees = num_meets(here.n, f->figure.n);
    result_count(C->res, f->agrees, SEV_ERROR);
    if (f->agrees)
        return;
    Finding *g = result_add(C->res, C->a, FIND_LEDGER, SEV_ERROR, at, "ledger");
    g->row_at = row_loc(t, r);
    g->about = about;
    g->about.written = arena_printf(C->a, "%s (%s)", mapping_text(C->a, lr),
                                    diag_place(&C->prog->diags, lr->name_loc));
    g->has_stated = true;
    g->stated = here;
    g->computed = f->figure;
    g->order_column = c->index;
    g->key = arena_printf(C->a, "%s.%s[%d]", t->name, r->name, c->key.year);
    g->ledger = f;
    result_difference(g, here, f->figure);
    f->finding = g;
}

/* Whether a row is a line of the statements for completeness: a row of a table that is
 * not a note (a note details a line). A total mapped too would count its accounts
 * twice: map the lines, and let the total's formula add them up. */
static bool statement_line(const LedgerRow *lr)
{
    return lr->table->note == 0;
}

static void account_finding(Cmp *C, const LedgerAccount *acc, int year, int64_t ore,
                            const Table *twice, PtrVec *rows)
{
    LedgerPart *p = arena_alloc(C->a, sizeof *p);
    p->account = acc->id;
    p->name = acc->name;
    p->ore = ore;
    p->at = acc->balance ? acc->ub_at[year] : acc->res_at[year];
    Finding *g = result_add(C->res, C->a, FIND_LEDGER, SEV_ERROR,
                            p->at.src ? p->at : C->l->declared, "ledger");
    g->about = (Facts){.fact = rows ? FACT_LEDGER_TWO_LINES : FACT_LEDGER_NO_LINE,
                       .table = twice, .year = C->prog->report->year - year};
    g->account = p;
    g->key = arena_printf(C->a, "ledger.%s[%d]", acc->id, C->prog->report->year - year);
    for (int i = 0; rows && i < rows->len && i < MAX_OPERANDS; i++) {
        const LedgerRow *lr = rows->items[i];
        g->operands[i].text = arena_printf(C->a, "%s.%s from %s (%s)", lr->table->name,
                                           lr->row->name, mapping_text(C->a, lr),
                                           diag_place(&C->prog->diags, lr->name_loc));
        g->operands[i].value = money(ore * ledger_account_sign(acc->id, lr));
        g->noperands = i + 1;
    }
}

/* Every account with a figure in the year lands in exactly one line of each table
 * that maps it, and in some table. */
static void completeness(Cmp *C, int year)
{
    const PtrVec *rows = &C->l->rows;
    for (int i = 0; i < C->l->naccounts; i++) {
        const LedgerAccount *acc = C->l->accounts[i];
        int64_t ore;
        if (!ledger_amount(C->l, acc, year, &ore) || ore == 0)
            continue;
        PtrVec in = {0};
        int lines = 0;
        const Table *twice = NULL;
        for (int j = C->account_first[i]; j < C->account_first[i + 1]; j++) {
            const LedgerRow *lr = rows->items[C->by_account[j].row];
            int s = C->by_account[j].sign;
            if (!statement_line(lr))
                continue;
            int times = s < 0 ? -s : s;
            lines += times;
            for (int q = 0; q < in.len && !twice; q++)
                if (((const LedgerRow *)in.items[q])->table == lr->table)
                    twice = lr->table;
            if (times > 1 && !twice)
                twice = lr->table;
            ptrvec_push(C->a, &in, (void *)lr);
        }
        bool ok = lines > 0 && !twice;
        result_count(C->res, ok, SEV_ERROR);
        if (ok)
            continue;
        account_finding(C, acc, year, ore, twice, lines ? &in : NULL);
    }
}

/* sie_check's findings, each at its SIE line (a finding about the file as a whole at
 * the report's `ledger` entry), tagged as `finsam sie` tags them. */
static void ledger_findings(Cmp *C)
{
    const Ledger *l = C->l;
    C->res->checks += l->checks;
    C->res->ledger_checks += l->checks;
    C->res->ledger_failed += l->failed + l->warnings;
    C->res->ledger_name = l->name;
    C->res->passed += l->passed;
    C->res->failed_errors += l->failed;
    C->res->failed_warnings += l->warnings;
    for (int i = 0; i < l->findings.len; i++) {
        const Diag *g = l->findings.items[i];
        Loc at = g->loc.src ? g->loc : l->declared;
        if (g->loc.src) {
            int line, col;
            source_line_col(g->loc.src, g->loc.start, &line, &col);
            ((Source *)g->loc.src)->index = LEDGER_SOURCE_INDEX + line;
        }
        Finding *f = result_add(C->res, C->a, FIND_LEDGER, g->severity, at, g->tag);
        f->message = g->loc.src ? g->message : arena_printf(C->a, "%s: %s", l->path, g->message);
        const char *notes = NULL;
        for (int k = 0; k < g->notes.len; k++)
            notes = notes ? arena_printf(C->a, "%s; %s", notes, (const char *)g->notes.items[k])
                          : g->notes.items[k];
        f->explanation = notes;
        f->key = arena_printf(C->a, "ledger.%s", g->tag);
    }
}

void ledger_compare(Program *prog, Results *res)
{
    Ledger *l = prog->ledger;
    if (!l || !prog->report)
        return;
    Cmp C = {prog, res, &prog->arena, l, .by_account = NULL};
    count_accounts(&C);
    ledger_findings(&C);
    bool used[LEDGER_YEARS] = {0};
    used[0] = true;
    for (int k = 0; k < l->rows.len; k++) {
        const LedgerRow *lr = l->rows.items[k];
        const Table *t = lr->table;
        for (int j = 0; j < t->ncolumns; j++) {
            const Column *c = t->columns[j];
            if (c->key.name)
                continue; /* a named column (budget, actual) is not a year of the ledger */
            int year = prog->report->year - c->key.year;
            compare_cell(&C, k, c, year);
            if (year >= 0 && year < LEDGER_YEARS)
                used[year] = true;
        }
    }
    for (int y = 0; y < LEDGER_YEARS; y++) {
        if (!used[y])
            continue;
        if (C.has_year[y]) {
            completeness(&C, y);
            continue;
        }
        result_not_run(res, C.a, l->declared, "ledger",
                       (Facts){.fact = FACT_LEDGER_ALL, .year = prog->report->year - y},
                       (Why){.type = WHY_LEDGER_NO_YEAR, .key = {.year = -y}});
    }
    mem_free(C.by_account);
    mem_free(C.by_row);
    mem_free(C.account_first);
    mem_free(C.row_first);
}
