#include "sie_check.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "i18n.h"

/* ---- accounts and series: open hashes keyed by their text ---- */

typedef struct {
    const char *id;
    const char *name;      /* from #KONTO, or NULL */
    char ktyp;             /* T, S, K, I from #KTYP, or 0 */
    bool has_ib, has_ub, has_res;
    int64_t ib, ub, res;   /* year 0 */
    int64_t trans;         /* the year's #TRANS added up */
    long long ntrans;
    Loc ib_at, ub_at, res_at, first_trans;
    bool unknown;          /* a figure of it could not be read: not checked */
    int order;             /* first seen: the order findings come in */
} Account;

typedef struct {
    const char *id;
    int64_t last;          /* the last voucher number seen in the series */
    char *last_text;       /* its #VER line, kept to quote (a Loc is made only then, so
                              that memory does not grow with the vouchers) */
    size_t last_cap;
    uint32_t last_len, last_start, last_end;
    int last_line;
    bool has_last;
    int repeats;           /* numbers used again, warned about at the first */
    Diag *repeated;
} Series;

typedef struct {
    void **slots;
    size_t cap, count;
} Table;

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* The slot of id (its item, or the empty slot to put it in). The first member of
 * every item is its id. */
static void **slot(Table *t, const char *id, size_t n)
{
    if (t->count * 2 >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        void **slots = mem_alloc(cap * sizeof *slots);
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i]) {
                const char *k = *(const char **)t->slots[i];
                size_t j = hash(k, strlen(k)) & (cap - 1);
                while (slots[j])
                    j = (j + 1) & (cap - 1);
                slots[j] = t->slots[i];
            }
        mem_free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    size_t j = hash(id, n) & (t->cap - 1);
    while (t->slots[j]) {
        const char *k = *(const char **)t->slots[j];
        if (strncmp(k, id, n) == 0 && k[n] == '\0')
            break;
        j = (j + 1) & (t->cap - 1);
    }
    return &t->slots[j];
}

/* ---- the check's state ---- */

enum { MAX_YEARS = 16 };

typedef struct SieCheck {
    SieReader *r;
    Diags *diags;
    Arena *arena;
    SieSummary *sum;
    Table accounts, series;
    int naccounts;
    /* the voucher being read */
    bool ver_seen, in_voucher, ver_unknown;
    bool unknown;          /* a figure could not be read: the ledger's sum is not checked */
    int64_t ver_sum;
    long long ver_rows;
    char *ver_text;
    size_t ver_cap;
    uint32_t ver_len, ver_start, ver_end;
    int ver_line;
    int32_t ver_date;
    /* an #RTRANS waiting for its #TRANS */
    bool rtrans_pending;
    char rtrans_account[64];
    int64_t rtrans_amount;
    Loc rtrans_at;
    /* records seen */
    bool seen_flagga, seen_program, seen_format, seen_gen, seen_sietyp, seen_fnamn,
        seen_konto;
    int sietyp;
    bool year_seen[MAX_YEARS];
    int32_t year_start[MAX_YEARS], year_end[MAX_YEARS];
    Loc year_at[MAX_YEARS];
    bool has_chart;
} Check;

const char *sie_check_tag(SieCheckKind k)
{
    static const char *const tags[SIE_CHECK_COUNT] = {
        "mandatory", "years", "ksumma", "voucher", "series", "chart", "balance", "result",
        "ledger",
    };
    return tags[k];
}

const char *sie_check_title(SieCheckKind k)
{
    switch (k) {
    case SIE_CHECK_MANDATORY: return _("the mandatory records are there");
    case SIE_CHECK_YEARS: return _("the financial years are real and follow each other");
    case SIE_CHECK_CHECKSUM: return _("the checksum matches");
    case SIE_CHECK_VOUCHER: return _("every voucher balances");
    case SIE_CHECK_SERIES: return _("voucher numbers ascend in each series");
    case SIE_CHECK_CHART: return _("every account booked is in the chart of accounts");
    case SIE_CHECK_BALANCE:
        return _("opening balance plus the year's transactions is the closing balance");
    case SIE_CHECK_RESULT: return _("each result account's result is the year's transactions");
    case SIE_CHECK_LEDGER:
        return _("the balance accounts' change over the year and the results add up to zero");
    case SIE_CHECK_COUNT: break;
    }
    return "";
}

static void ran(Check *c, SieCheckKind k, bool passed)
{
    c->sum->kinds[k].runs++;
    if (!passed)
        c->sum->kinds[k].failed++;
}

/* A finding about the file as a whole. */
static void file_finding(Check *c, SieCheckKind k, const char *message)
{
    diag_file(c->diags, sie_path(c->r), "%s", message)->tag = sie_check_tag(k);
}

/* An amount in öre as the SIE file writes it: -1234.50. */
static const char *money(Arena *a, int64_t ore)
{
    uint64_t u = ore < 0 ? (uint64_t)0 - (uint64_t)ore : (uint64_t)ore;
    return arena_printf(a, "%s%llu.%02llu", ore < 0 ? "-" : "", (unsigned long long)(u / 100),
                        (unsigned long long)(u % 100));
}

/* a + b, or false when it does not fit (an error at the record: no figure is guessed) */
static bool add_ore(int64_t *a, int64_t b)
{
    return !__builtin_add_overflow(*a, b, a);
}

static const SieField *field(const SieRecord *rec, int i)
{
    return i < rec->nfields ? &rec->fields[i] : NULL;
}

static void input_error(Check *c, const SieRecord *rec, const SieField *at, const char *msg)
{
    sie_diag(c->r, rec, at, SEV_ERROR, NULL, "%s", msg);
}

/* The account a field names, made on first sight. */
static Account *account(Check *c, const SieRecord *rec, const SieField *f)
{
    void **s = slot(&c->accounts, f->text, f->len);
    if (*s)
        return *s;
    Account *a = arena_alloc(c->arena, sizeof *a);
    a->id = arena_strndup(c->arena, f->text, f->len);
    a->order = c->naccounts++;
    c->accounts.count++;
    *s = a;
    bool digits = f->len > 0;
    for (uint32_t i = 0; i < f->len; i++)
        digits &= f->text[i] >= '0' && f->text[i] <= '9';
    if (digits && f->len > 4)
        sie_deviation(c->r, rec, f, SIE_DEV_LONG_ACCOUNT);
    return a;
}

/* An amount field; false (said) if it is not one. */
static bool amount(Check *c, const SieRecord *rec, const SieField *f, int64_t *ore)
{
    bool padded;
    if (!f) {
        input_error(c, rec, NULL, _("the record has no amount"));
        return false;
    }
    if (f->kind == SIE_LIST || !sie_field_amount(rec, f, ore, &padded)) {
        input_error(c, rec, f, _("not an amount: an amount is written like -1234.50, with "
                                 "at most two decimals"));
        return false;
    }
    if (padded)
        sie_deviation(c->r, rec, f, SIE_DEV_PADDED_AMOUNT);
    return true;
}

/* The year index field of #IB, #UB, #RES, #RAR: 0 this year, -1 the one before. */
static bool year_index(Check *c, const SieRecord *rec, const SieField *f, int *year)
{
    int64_t v;
    if (!f || f->kind == SIE_LIST || !sie_int(f->text, f->len, &v) || v > 0 ||
        v <= -MAX_YEARS) {
        input_error(c, rec, f, _("not a year index: 0 is this year, -1 the one before, ..."));
        return false;
    }
    *year = (int)-v;
    return true;
}

/* #IB, #UB, #RES: year, account, amount. Only year 0 (this year) is checked. */
static void balance_record(Check *c, const SieRecord *rec, char which)
{
    int year;
    int64_t ore;
    const SieField *acc = field(rec, 1);
    if (!year_index(c, rec, field(rec, 0), &year))
        return;
    if (!acc || acc->kind == SIE_LIST || acc->len == 0) {
        input_error(c, rec, acc, _("the record has no account"));
        return;
    }
    if (!amount(c, rec, field(rec, 2), &ore)) {
        if (year == 0)
            account(c, rec, acc)->unknown = c->unknown = true;
        return;
    }
    if (year != 0)
        return;
    Account *a = account(c, rec, acc);
    bool *has = which == 'I' ? &a->has_ib : which == 'U' ? &a->has_ub : &a->has_res;
    int64_t *v = which == 'I' ? &a->ib : which == 'U' ? &a->ub : &a->res;
    Loc *at = which == 'I' ? &a->ib_at : which == 'U' ? &a->ub_at : &a->res_at;
    if (*has) {
        sie_diag(c->r, rec, acc, SEV_WARNING, "format",
                 _("a second %s for account %s this year; the first is used"),
                 rec->label.text, a->id);
        return;
    }
    *has = true;
    *v = ore;
    *at = sie_loc(c->r, rec, field(rec, 2));
}

static void konto(Check *c, const SieRecord *rec)
{
    const SieField *acc = field(rec, 0);
    if (!acc || acc->kind == SIE_LIST || acc->len == 0) {
        input_error(c, rec, acc, _("the record has no account"));
        return;
    }
    c->seen_konto = c->has_chart = true;
    Account *a = account(c, rec, acc);
    const SieField *name = field(rec, 1);
    if (name && name->kind != SIE_LIST && !a->name)
        a->name = arena_strndup(c->arena, name->text, name->len);
}

/* #KTYP: account and type. A #KTYP without a type carries no figure: warned, ignored. */
static void ktyp(Check *c, const SieRecord *rec)
{
    const SieField *acc = field(rec, 0), *t = field(rec, 1);
    if (!acc || !t || acc->kind == SIE_LIST || acc->len == 0 || t->len != 1 ||
        !strchr("TSKI", t->text[0])) {
        sie_diag(c->r, rec, t ? t : acc, SEV_WARNING, "format", "%s",
                 _("#KTYP takes an account and its type: T (asset), S (debt), K (cost) or I "
                   "(income); this one is ignored"));
        return;
    }
    account(c, rec, acc)->ktyp = t->text[0];
}

static void rar(Check *c, const SieRecord *rec)
{
    int year;
    int32_t start, end;
    if (!year_index(c, rec, field(rec, 0), &year))
        return;
    const SieField *s = field(rec, 1), *e = field(rec, 2);
    bool ok = s && e && sie_date(s->text, s->len, &start) && sie_date(e->text, e->len, &end);
    ran(c, SIE_CHECK_YEARS, ok && start <= end && !c->year_seen[year]);
    if (!ok) {
        sie_diag(c->r, rec, s && (!e || !sie_date(s->text, s->len, &start)) ? s : e, SEV_ERROR,
                 "years", "%s", _("#RAR takes the year's first and last day, as YYYYMMDD"));
        return;
    }
    if (c->year_seen[year]) {
        Diag *g = sie_diag(c->r, rec, field(rec, 0), SEV_ERROR, "years",
                           _("a second #RAR for year %d"), -year);
        diag_note(c->diags, g, _("the first is at %s"), diag_place(c->diags, c->year_at[year]));
        return;
    }
    if (start > end) {
        sie_diag(c->r, rec, e, SEV_ERROR, "years", "%s",
                 _("the financial year ends before it starts"));
        return;
    }
    c->year_seen[year] = true;
    c->year_start[year] = start;
    c->year_end[year] = end;
    c->year_at[year] = sie_loc(c->r, rec, field(rec, 0));
}

/* The day before a date YYYYMMDD. */
static int32_t day_before(int32_t d)
{
    int y = d / 10000, m = d / 100 % 100, day = d % 100;
    if (day > 1)
        return d - 1;
    if (--m == 0) {
        m = 12;
        y--;
    }
    return y * 10000 + m * 100 + date_month_days(y, m);
}

/* Each earlier year ends the day before the next one starts. */
static void check_years(Check *c)
{
    for (int y = 1; y < MAX_YEARS; y++) {
        if (!c->year_seen[y] || !c->year_seen[y - 1])
            continue;
        bool ok = c->year_end[y] == day_before(c->year_start[y - 1]);
        ran(c, SIE_CHECK_YEARS, ok);
        if (!ok) {
            Diag *g = diag_at(c->diags, SEV_ERROR, c->year_at[y],
                              _("year %d ends on %d, not the day before year %d starts (%d)"),
                              -y, c->year_end[y], -(y - 1), c->year_start[y - 1]);
            g->tag = "years";
        }
    }
}

static Loc last_loc(Check *c, const Series *se)
{
    return sie_loc_of(c->r, se->last_line, se->last_text, se->last_len, se->last_start,
                      se->last_end);
}

static void ver(Check *c, const SieRecord *rec)
{
    if (c->in_voucher) {
        input_error(c, rec, NULL, _("a voucher inside a voucher: the one before has no '}'"));
        return;
    }
    c->ver_seen = true;
    c->ver_unknown = false;
    c->ver_sum = 0;
    c->ver_rows = 0;
    c->sum->vouchers++;
    /* the line is kept until the voucher is closed, to quote it if it does not balance */
    if (c->ver_cap < rec->len + 1) {
        c->ver_cap = rec->len + 64;
        c->ver_text = mem_realloc(c->ver_text, c->ver_cap);
    }
    memcpy(c->ver_text, rec->text, rec->len);
    c->ver_len = rec->len;
    c->ver_line = rec->line;
    c->ver_start = rec->label.start;
    c->ver_end = rec->nfields >= 2 ? rec->fields[1].end : rec->label.end;
    const SieField *series = field(rec, 0), *number = field(rec, 1), *date = field(rec, 2);
    c->ver_date = 0;
    if (date && !sie_date(date->text, date->len, &c->ver_date)) {
        input_error(c, rec, date, _("not a date: a voucher's date is written YYYYMMDD"));
        c->ver_date = 0;
    }
    if (!series)
        return;
    if (series->len == 0)
        sie_deviation(c->r, rec, series, SIE_DEV_EMPTY_SERIES);
    int64_t n;
    if (!number || !sie_int(number->text, number->len, &n))
        return; /* a voucher without a number: the one importing it gives it one */
    void **s = slot(&c->series, series->text, series->len);
    Series *se = *s;
    if (!se) {
        se = arena_alloc(c->arena, sizeof *se);
        se->id = arena_strndup(c->arena, series->text, series->len);
        c->series.count++;
        *s = se;
    }
    if (se->has_last && n == se->last) {
        /* the same number again: told once a series, with the count at the end */
        if (se->repeats++ == 0) {
            se->repeated = sie_diag(c->r, rec, number, SEV_WARNING, "series",
                                    _("voucher %s %lld has the number of the voucher before "
                                      "it"),
                                    se->id, (long long)n);
            diag_note(c->diags, se->repeated, _("voucher %s %lld is at %s"), se->id,
                      (long long)se->last, diag_place(c->diags, last_loc(c, se)));
        }
    } else if (se->has_last) {
        bool ok = n > se->last;
        ran(c, SIE_CHECK_SERIES, ok);
        if (!ok) {
            Diag *g = sie_diag(c->r, rec, number, SEV_ERROR, "series",
                               _("voucher %s %lld comes after voucher %s %lld: the numbers of "
                                 "a series ascend"),
                               se->id, (long long)n, se->id, (long long)se->last);
            diag_note(c->diags, g, _("voucher %s %lld is at %s"), se->id, (long long)se->last,
                      diag_place(c->diags, last_loc(c, se)));
        }
    }
    se->last = n;
    se->has_last = true;
    if (se->last_cap < rec->len + 1) {
        se->last_cap = rec->len + 64;
        se->last_text = mem_realloc(se->last_text, se->last_cap);
    }
    memcpy(se->last_text, rec->text, rec->len);
    se->last_len = rec->len;
    se->last_start = number->start;
    se->last_end = number->end;
    se->last_line = rec->line;
}

/* One #TRANS counted into its account and voucher. */
static void book(Check *c, const SieRecord *rec, const SieField *acc, int64_t ore)
{
    Account *a = account(c, rec, acc);
    if (a->ntrans++ == 0)
        a->first_trans = sie_loc(c->r, rec, acc);
    if (!add_ore(&a->trans, ore) || !add_ore(&c->ver_sum, ore))
        input_error(c, rec, field(rec, 2), _("the amounts add up beyond what finsam can count "
                                             "exactly"));
    c->sum->rows++;
    c->ver_rows++;
}

/* #TRANS, #RTRANS, #BTRANS: account, object list, amount, ... A #BTRANS (a row taken
 * away) is not counted; a #RTRANS (a row added) is followed by the same row as #TRANS,
 * which is counted in its stead. */
static void trans(Check *c, const SieRecord *rec, char kind)
{
    if (!c->in_voucher) {
        input_error(c, rec, NULL, _("a transaction outside a voucher's '{' and '}'"));
        return;
    }
    const SieField *acc = field(rec, 0), *objects = field(rec, 1), *amt = field(rec, 2);
    if (!acc || acc->kind == SIE_LIST || acc->len == 0) {
        input_error(c, rec, acc, _("the transaction has no account"));
        return;
    }
    if (objects && objects->kind != SIE_LIST) {
        /* an old file without the object list: the amount comes second */
        amt = objects;
    }
    int64_t ore;
    if (!amount(c, rec, amt, &ore)) {
        /* no figure is guessed: the voucher and the account are not checked */
        if (kind != 'B')
            account(c, rec, acc)->unknown = c->ver_unknown = c->unknown = true;
        return;
    }
    if (kind == 'B')
        return;
    if (c->rtrans_pending) {
        c->rtrans_pending = false;
        if (kind == 'T' && strcmp(c->rtrans_account, acc->text) == 0 &&
            c->rtrans_amount == ore) {
            book(c, rec, acc, ore);
            return;
        }
        /* the #RTRANS stood alone: it is the row added, counted as such */
        Diag *g = diag_at(c->diags, SEV_WARNING, c->rtrans_at, "%s",
                          _("an #RTRANS not followed by the same row as #TRANS; counted as a "
                            "row of the voucher"));
        g->tag = "format";
        SieRecord dummy = *rec;
        SieField a = *acc;
        a.text = c->rtrans_account;
        a.len = (uint32_t)strlen(c->rtrans_account);
        book(c, &dummy, &a, c->rtrans_amount);
    }
    if (kind == 'R') {
        if (acc->len >= sizeof c->rtrans_account) {
            input_error(c, rec, acc, _("an account number longer than 63 characters"));
            return;
        }
        c->rtrans_pending = true;
        memcpy(c->rtrans_account, acc->text, acc->len + 1);
        c->rtrans_amount = ore;
        c->rtrans_at = sie_loc(c->r, rec, NULL);
        return;
    }
    book(c, rec, acc, ore);
}

static void open_voucher(Check *c, const SieRecord *rec)
{
    if (!c->ver_seen || c->in_voucher) {
        input_error(c, rec, NULL, c->in_voucher ? _("a '{' inside a voucher")
                                                : _("a '{' without a #VER before it"));
        return;
    }
    c->in_voucher = true;
    c->ver_seen = false;
}

static void close_voucher(Check *c, const SieRecord *rec)
{
    if (!c->in_voucher) {
        input_error(c, rec, NULL, _("a '}' without its '{'"));
        return;
    }
    if (c->rtrans_pending) {
        /* an #RTRANS last in its voucher: counted, with a warning */
        SieRecord end = *rec;
        end.nfields = 0;
        c->rtrans_pending = false;
        Diag *g = diag_at(c->diags, SEV_WARNING, c->rtrans_at, "%s",
                          _("an #RTRANS not followed by the same row as #TRANS; counted as a "
                            "row of the voucher"));
        g->tag = "format";
        SieField a = {.text = c->rtrans_account, .len = (uint32_t)strlen(c->rtrans_account)};
        Account *acc = account(c, &end, &a);
        acc->ntrans++;
        add_ore(&acc->trans, c->rtrans_amount);
        add_ore(&c->ver_sum, c->rtrans_amount);
        c->sum->rows++;
    }
    c->in_voucher = false;
    if (c->ver_unknown)
        return;
    bool ok = c->ver_sum == 0;
    ran(c, SIE_CHECK_VOUCHER, ok);
    if (!ok) {
        Loc at = sie_loc_of(c->r, c->ver_line, c->ver_text, c->ver_len, c->ver_start,
                            c->ver_end);
        Diag *g = diag_at(c->diags, SEV_ERROR, at,
                          _("the voucher does not balance: its rows add up to %s, not 0"),
                          money(c->arena, c->ver_sum));
        g->tag = "voucher";
        diag_note(c->diags, g,
                  ngettext("%lld row, up to line %d", "%lld rows, up to line %d", c->ver_rows),
                  c->ver_rows, rec->line);
    }
}

static void record(Check *c, const SieRecord *rec)
{
    SieRecordType t = rec->type;
    if (c->in_voucher && t == SIE_TRANS) {
        trans(c, rec, 'T'); /* most records of a file: first */
        return;
    }
    if (t == SIE_OPEN) {
        open_voucher(c, rec);
        return;
    }
    if (t == SIE_CLOSE) {
        close_voucher(c, rec);
        return;
    }
    if (c->ver_seen && t != SIE_TRANS) {
        /* #VER without its block: a voucher with no rows */
        c->ver_seen = false;
    }
    switch (t) {
    case SIE_BTRANS:
        trans(c, rec, 'B');
        break;
    case SIE_FLAGGA:
        c->seen_flagga = true;
        break;
    case SIE_FORMAT: {
        c->seen_format = true;
        const SieField *f = field(rec, 0);
        if (!f || strcmp(f->text, "PC8") != 0) {
            sie_diag(c->r, rec, f, SEV_WARNING, "format", "%s",
                     _("the SIE format knows only #FORMAT PC8; the file is read as PC8, "
                       "or as UTF-8 where a line is"));
        }
        break;
    }
    case SIE_FNAMN:
        c->seen_fnamn = true;
        break;
    case SIE_GEN:
        c->seen_gen = true;
        break;
    case SIE_IB:
        balance_record(c, rec, 'I');
        break;
    case SIE_KONTO:
        konto(c, rec);
        break;
    case SIE_KTYP:
        ktyp(c, rec);
        break;
    case SIE_ORGNR: {
        const SieField *f = field(rec, 0);
        if (!f || f->len == 0)
            sie_deviation(c->r, rec, f, SIE_DEV_EMPTY_ORGNR);
        break;
    }
    case SIE_PROGRAM:
        c->seen_program = true;
        break;
    case SIE_RES:
        balance_record(c, rec, 'R');
        break;
    case SIE_RAR:
        rar(c, rec);
        break;
    case SIE_RTRANS:
        trans(c, rec, 'R');
        break;
    case SIE_SIETYP: {
        c->seen_sietyp = true;
        int64_t v;
        const SieField *f = field(rec, 0);
        if (!f || !sie_int(f->text, f->len, &v) || v < 1 || v > 4)
            input_error(c, rec, f, _("#SIETYP takes 1, 2, 3 or 4"));
        else
            c->sietyp = (int)v;
        break;
    }
    case SIE_TRANS:
        trans(c, rec, 'T');
        break;
    case SIE_UB:
        balance_record(c, rec, 'U');
        break;
    case SIE_VER:
        ver(c, rec);
        break;
    default:
        break; /* other records are read past, as the format prescribes */
    }
}

static bool is_4i(const char *path)
{
    size_t n = strlen(path);
    return n >= 3 && path[n - 3] == '.' && (path[n - 2] == 's' || path[n - 2] == 'S') &&
           (path[n - 1] == 'i' || path[n - 1] == 'I');
}

static void mandatory(Check *c)
{
    bool four_i = c->sietyp == 4 && is_4i(sie_path(c->r));
    struct {
        bool seen;
        const char *label;
    } need[] = {
        {c->seen_flagga, "#FLAGGA"}, {c->seen_program, "#PROGRAM"},
        {c->seen_format, "#FORMAT"}, {c->seen_gen, "#GEN"},
        {c->seen_sietyp, "#SIETYP"}, {c->seen_fnamn, "#FNAMN"},
        {c->year_seen[0] || four_i, "#RAR 0"}, {c->seen_konto || four_i, "#KONTO"},
    };
    for (size_t i = 0; i < sizeof need / sizeof need[0]; i++) {
        ran(c, SIE_CHECK_MANDATORY, need[i].seen);
        if (!need[i].seen) {
            file_finding(c, SIE_CHECK_MANDATORY,
                         arena_printf(c->arena, _("the file has no %s record"), need[i].label));
        }
    }
    snprintf(c->sum->type, sizeof c->sum->type, "%s",
             c->sietyp == 0 ? "" : c->sietyp < 4 ? (const char *[]){"1", "2", "3"}[c->sietyp - 1]
             : four_i ? "4I" : "4E");
}

static int by_order(const void *a, const void *b)
{
    const Account *x = *(Account *const *)a, *y = *(Account *const *)b;
    return (x->order > y->order) - (x->order < y->order);
}

/* Balance accounts by #KTYP (T, S), else by the records they have (#IB, #UB), else by
 * BAS (class 1 and 2); result accounts otherwise. */
static bool is_balance(const Account *a)
{
    if (a->ktyp)
        return a->ktyp == 'T' || a->ktyp == 'S';
    if (a->has_ib || a->has_ub)
        return true;
    if (a->has_res)
        return false;
    return a->id[0] == '1' || a->id[0] == '2';
}

static const char *account_words(Check *c, const Account *a)
{
    return a->name ? arena_printf(c->arena, "%s (%s)", a->id, a->name) : a->id;
}

static void check_accounts(Check *c)
{
    Account **list = mem_alloc((c->accounts.count + 1) * sizeof *list);
    size_t n = 0;
    for (size_t i = 0; i < c->accounts.cap; i++)
        if (c->accounts.slots[i])
            list[n++] = c->accounts.slots[i];
    if (n > 1)
        qsort(list, n, sizeof *list, by_order);
    c->sum->accounts = (long long)n;
    bool vouchers = c->sum->vouchers > 0;
    bool four_i = strcmp(c->sum->type, "4I") == 0;
    /* the ledger: the vouchers balance, so what the balance accounts gained over the year
     * is what the result accounts lost: sum(UB - IB) + sum(RES) = 0, also in a file
     * without vouchers (the opening balances need not add up to zero: last year's result
     * is often carried to equity only later) */
    int64_t change_total = 0;
    bool has_ub_res = false, overflow = false;
    for (size_t i = 0; i < n; i++) {
        Account *a = list[i];
        bool balance = is_balance(a);
        if (c->has_chart && a->ntrans > 0) {
            bool ok = a->name != NULL;
            ran(c, SIE_CHECK_CHART, ok);
            if (!ok) {
                Diag *g = diag_at(c->diags, SEV_ERROR, a->first_trans,
                                  _("account %s is booked but not in the chart of accounts "
                                    "(#KONTO)"),
                                  a->id);
                g->tag = "chart";
                diag_note(c->diags, g,
                          ngettext("%lld row, adding up to %s", "%lld rows, adding up to %s",
                                   a->ntrans),
                          a->ntrans, money(c->arena, a->trans));
            }
        }
        if (balance) {
            has_ub_res |= a->has_ub;
            overflow |= !add_ore(&change_total, a->ub) || !add_ore(&change_total, -a->ib);
        } else {
            has_ub_res |= a->has_res;
            overflow |= !add_ore(&change_total, a->res);
        }
        if (!vouchers || four_i || a->unknown)
            continue;
        if (balance) {
            if (!a->has_ib && !a->has_ub && a->ntrans == 0)
                continue;
            int64_t expect = a->ib;
            overflow |= !add_ore(&expect, a->trans);
            bool ok = expect == a->ub;
            ran(c, SIE_CHECK_BALANCE, ok);
            if (ok)
                continue;
            Loc at = a->has_ub ? a->ub_at : a->has_ib ? a->ib_at : a->first_trans;
            Diag *g = diag_at(c->diags, SEV_ERROR, at,
                              a->has_ub ? _("account %s: the closing balance is %s, but the "
                                            "opening balance and the year's transactions "
                                            "give %s")
                                        : _("account %s has no closing balance (#UB 0, "
                                            "taken as %s), but the opening balance and the "
                                            "year's transactions give %s"),
                              account_words(c, a), money(c->arena, a->ub),
                              money(c->arena, expect));
            g->tag = "balance";
            diag_note(c->diags, g, _("opening balance (#IB 0) %s, %lld transactions %s"),
                      money(c->arena, a->ib), a->ntrans, money(c->arena, a->trans));
            int64_t diff = a->ub;
            if (!__builtin_sub_overflow(a->ub, expect, &diff))
                diag_note(c->diags, g, _("difference %s"), money(c->arena, diff));
        } else {
            if (!a->has_res && a->ntrans == 0)
                continue;
            bool ok = a->res == a->trans;
            ran(c, SIE_CHECK_RESULT, ok);
            if (ok)
                continue;
            Loc at = a->has_res ? a->res_at : a->first_trans;
            Diag *g = diag_at(c->diags, SEV_ERROR, at,
                              a->has_res ? _("account %s: the result (#RES 0) is %s, but the "
                                             "year's transactions add up to %s")
                                         : _("account %s has no result (#RES 0, taken as %s), "
                                             "but the year's transactions add up to %s"),
                              account_words(c, a), money(c->arena, a->res),
                              money(c->arena, a->trans));
            g->tag = "result";
            diag_note(c->diags, g, ngettext("%lld transaction", "%lld transactions", a->ntrans),
                      a->ntrans);
        }
    }
    if (vouchers && four_i)
        c->sum->kinds[SIE_CHECK_BALANCE].not_run = c->sum->kinds[SIE_CHECK_RESULT].not_run =
            true;
    if (!vouchers) {
        c->sum->kinds[SIE_CHECK_VOUCHER].not_run = c->sum->kinds[SIE_CHECK_BALANCE].not_run =
            c->sum->kinds[SIE_CHECK_RESULT].not_run = true;
    }
    if (has_ub_res && !overflow && !c->unknown) {
        ran(c, SIE_CHECK_LEDGER, change_total == 0);
        if (change_total != 0)
            file_finding(c, SIE_CHECK_LEDGER,
                         arena_printf(c->arena,
                                      _("the balance accounts' change over the year (#UB 0 "
                                        "less #IB 0) and the results (#RES 0) add up to %s, "
                                        "not 0"),
                                      money(c->arena, change_total)));
    }
    mem_free(list);
}

static int line_of(const Diag *g)
{
    if (!g->loc.src)
        return INT_MAX;
    return g->loc.src->first_line;
}

typedef struct {
    Diag *g;
    int line, order;
} Placed;

static int by_line(const void *a, const void *b)
{
    const Placed *x = a, *y = b;
    if (x->line != y->line)
        return (x->line > y->line) - (x->line < y->line);
    return (x->order > y->order) - (x->order < y->order); /* stable */
}

/* The diagnostics by their line, those on one line in the order they were made (qsort
 * is not stable: the order is the tie's key). */
static void sort_by_line(Diags *diags)
{
    int n = diags->list.len;
    if (n < 2)
        return;
    Placed *p = mem_alloc((size_t)n * sizeof *p);
    for (int i = 0; i < n; i++)
        p[i] = (Placed){diags->list.items[i], line_of(diags->list.items[i]), i};
    qsort(p, (size_t)n, sizeof *p, by_line);
    for (int i = 0; i < n; i++)
        diags->list.items[i] = p[i].g;
    mem_free(p);
}

SieCheck *sie_check_begin(SieReader *r, SieSummary *sum)
{
    memset(sum, 0, sizeof *sum);
    Diags *diags = sie_diags(r);
    Check *c = mem_alloc(sizeof *c);
    *c = (Check){.r = r, .sum = sum, .diags = diags, .arena = diags->arena};
    return c;
}

void sie_check_record(SieCheck *c, const SieRecord *rec) { record(c, rec); }

void sie_check_end(SieCheck *c)
{
    SieReader *r = c->r;
    SieSummary *sum = c->sum;
    Diags *diags = c->diags;
    if (c->in_voucher)
        diag_file(diags, sie_path(r), "%s", _("the last voucher has no closing '}'"));
    sie_finish(r);
    sum->lines = sie_lines(r);
    if (!sie_failed(r)) {
        mandatory(c);
        check_years(c);
        check_accounts(c);
    }
    for (size_t i = 0; i < c->series.cap; i++) {
        Series *se = c->series.slots[i];
        if (se && se->repeats > 1)
            diag_note(diags, se->repeated,
                      ngettext("%d voucher in all has the number of the one before",
                               "%d vouchers in all have the number of the one before",
                               se->repeats),
                      se->repeats);
    }
    if (sie_has_checksum(r)) {
        bool ok = true;
        for (int i = 0; i < diags->list.len; i++) {
            Diag *g = diags->list.items[i];
            ok &= !(g->tag && strcmp(g->tag, "ksumma") == 0);
        }
        ran(c, SIE_CHECK_CHECKSUM, ok);
    }
    for (int k = 0; k < SIE_CHECK_COUNT; k++) {
        sum->checks += sum->kinds[k].runs;
        sum->failed += sum->kinds[k].failed;
    }
    sum->passed = sum->checks - sum->failed;
    for (int i = 0; i < diags->list.len; i++) {
        Diag *g = diags->list.items[i];
        if (g->severity == SEV_WARNING)
            sum->warnings++;
        else if (!g->tag)
            sum->input_errors++;
    }
    sort_by_line(diags);
    mem_free(c->ver_text);
    mem_free(c->accounts.slots);
    for (size_t i = 0; i < c->series.cap; i++)
        if (c->series.slots[i])
            mem_free(((Series *)c->series.slots[i])->last_text);
    mem_free(c->series.slots);
    mem_free(c);
}

void sie_check(SieReader *r, SieSummary *sum)
{
    SieCheck *c = sie_check_begin(r, sum);
    /* 6 KB, not cleared: sie_next writes what is read */
    SieRecord *rec = mem_realloc(NULL, sizeof *rec);
    while (sie_next(r, rec))
        sie_check_record(c, rec);
    mem_free(rec);
    sie_check_end(c);
}
