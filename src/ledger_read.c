/* ledger_read: the figures of an SIE file a report is compared with: each account's
 * name (#KONTO) and type (#KTYP), its closing balance (#UB) and result (#RES) for every
 * year index, the year's transactions, and the years (#RAR). The file is read as a
 * stream by sie_read.c, a record at a time, and each record is also given to
 * sie_check.c when the caller wants the ledger checked: the file is read, split into
 * fields and checksummed once for both. Memory grows with the accounts, not with the
 * file. */
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "sie_check.h"
#include "sie_read.h"

typedef struct {
    LedgerAccount **slots;
    size_t cap, count;
} AccountTable;

typedef struct {
    SieReader *r;
    Diags *errors;         /* the input's errors: the reader's and this file's own */
    Arena *arena;
    Ledger *l;
    AccountTable accounts;
} Reader;

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

static LedgerAccount *account(Reader *R, const SieField *f)
{
    AccountTable *t = &R->accounts;
    if (t->count * 2 >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 256;
        LedgerAccount **slots = mem_alloc(cap * sizeof *slots);
        for (size_t i = 0; i < t->cap; i++)
            if (t->slots[i]) {
                size_t j = hash(t->slots[i]->id, strlen(t->slots[i]->id)) & (cap - 1);
                while (slots[j])
                    j = (j + 1) & (cap - 1);
                slots[j] = t->slots[i];
            }
        mem_free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    size_t j = hash(f->text, f->len) & (t->cap - 1);
    while (t->slots[j]) {
        if (strlen(t->slots[j]->id) == f->len && memcmp(t->slots[j]->id, f->text, f->len) == 0)
            return t->slots[j];
        j = (j + 1) & (t->cap - 1);
    }
    LedgerAccount *a = arena_alloc(R->arena, sizeof *a);
    a->id = arena_strndup(R->arena, f->text, f->len);
    t->slots[j] = a;
    t->count++;
    return a;
}

static const SieField *field(const SieRecord *rec, int i)
{
    return i < rec->nfields ? &rec->fields[i] : NULL;
}

static Loc line_loc(Reader *R, const SieRecord *rec, const SieField *at)
{
    Loc l = sie_loc(R->r, rec, at);
    ((Source *)l.src)->index = LEDGER_SOURCE_INDEX + rec->line;
    return l;
}

static void input_error(Reader *R, const SieRecord *rec, const SieField *at, const char *msg)
{
    diag_at(R->errors, SEV_ERROR, line_loc(R, rec, at), "%s", msg);
}

/* The errors the reader said since mark, when its diagnostics go elsewhere (to the
 * check's, with its warnings and findings): they keep the ledger from being read, as
 * the errors of this file do, and are told in the order they came among them. */
static void take_errors(Reader *R, int mark)
{
    Diags *from = sie_diags(R->r);
    if (from == R->errors)
        return;
    for (int i = mark; i < from->list.len; i++) {
        Diag *g = from->list.items[i];
        if (g->severity != SEV_ERROR)
            continue;
        ptrvec_push(R->errors->arena, &R->errors->list, g);
        R->errors->errors++;
    }
}

/* The year index of #IB, #UB, #RES, #RAR as 0, 1, 2 ... for 0, -1, -2 ...; false if the
 * field is not one, or a year further back than finsam keeps (then ignored). */
static bool year_index(Reader *R, const SieRecord *rec, const SieField *f, int *year)
{
    int64_t v;
    if (!f || f->kind == SIE_LIST || !sie_int(f->text, f->len, &v) || v > 0) {
        input_error(R, rec, f, _("not a year index: 0 is this year, -1 the one before, ..."));
        return false;
    }
    if (v <= -LEDGER_YEARS)
        return false;
    *year = (int)-v;
    return true;
}

/* #IB, #UB, #RES: year, account, amount (an object list after the account, as #PSALDO
 * has, is not one of these records' fields). */
static void balance(Reader *R, const SieRecord *rec, char which)
{
    int year;
    int64_t ore;
    bool padded;
    const SieField *acc = field(rec, 1), *amt = field(rec, 2);
    if (!year_index(R, rec, field(rec, 0), &year))
        return;
    if (!acc || acc->kind == SIE_LIST || acc->len == 0) {
        input_error(R, rec, acc, _("the record has no account"));
        return;
    }
    if (!amt || amt->kind == SIE_LIST || !sie_field_amount(rec, amt, &ore, &padded)) {
        input_error(R, rec, amt, _("not an amount: an amount is written like -1234.50, with "
                                   "at most two decimals"));
        return;
    }
    LedgerAccount *a = account(R, acc);
    if (which == 'I') {
        if (!a->has_ib[year])
            a->ib[year] = ore;
        a->has_ib[year] = true;
        return;
    }
    bool *has = which == 'U' ? &a->has_ub[year] : &a->has_res[year];
    if (*has)
        return; /* a second one: the first is used, as `finsam sie` warns */
    *has = true;
    (which == 'U' ? a->ub : a->res)[year] = ore;
    (which == 'U' ? a->ub_at : a->res_at)[year] = line_loc(R, rec, amt);
}

/* #TRANS account {objects} amount ...: this year's (a #RTRANS is followed by its own
 * #TRANS, and a #BTRANS is a row taken away: neither is counted). */
static void trans(Reader *R, const SieRecord *rec)
{
    int64_t ore;
    bool padded;
    const SieField *acc = field(rec, 0), *amt = field(rec, 2);
    if (!acc || acc->kind == SIE_LIST || acc->len == 0) {
        input_error(R, rec, acc, _("the record has no account"));
        return;
    }
    if (!amt || amt->kind == SIE_LIST || !sie_field_amount(rec, amt, &ore, &padded)) {
        input_error(R, rec, amt, _("not an amount: an amount is written like -1234.50, with "
                                   "at most two decimals"));
        return;
    }
    LedgerAccount *a = account(R, acc);
    if (__builtin_add_overflow(a->trans, ore, &a->trans)) {
        input_error(R, rec, amt, _("the account's transactions add up to more than finsam "
                                   "can hold"));
        return;
    }
    a->ntrans++;
    R->l->ntrans++;
}

static void record(Reader *R, const SieRecord *rec)
{
    SieRecordType type = rec->type;
    if (type == SIE_TRANS) {
        trans(R, rec);
    } else if (type == SIE_IB || type == SIE_UB || type == SIE_RES) {
        balance(R, rec, rec->label.text[1]);
    } else if (type == SIE_KONTO) {
        const SieField *acc = field(rec, 0), *name = field(rec, 1);
        if (acc && acc->kind != SIE_LIST && acc->len > 0) {
            LedgerAccount *a = account(R, acc);
            if (name && name->kind != SIE_LIST && !a->name)
                a->name = arena_strndup(R->arena, name->text, name->len);
        }
    } else if (type == SIE_KTYP) {
        const SieField *acc = field(rec, 0), *t = field(rec, 1);
        if (acc && t && acc->kind != SIE_LIST && acc->len > 0 && t->len == 1 &&
            strchr("TSKI", t->text[0]))
            account(R, acc)->ktyp = t->text[0];
    } else if (type == SIE_RAR) {
        int year;
        int32_t start, end;
        const SieField *s = field(rec, 1), *e = field(rec, 2);
        if (year_index(R, rec, field(rec, 0), &year) && s && e &&
            sie_date(s->text, s->len, &start) && sie_date(e->text, e->len, &end) &&
            !R->l->year_seen[year]) {
            R->l->year_seen[year] = true;
            R->l->year_start[year] = start;
            R->l->year_end[year] = end;
            R->l->year_at[year] = line_loc(R, rec, field(rec, 0));
        }
    }
}

static int by_id(const void *pa, const void *pb)
{
    const LedgerAccount *a = *(LedgerAccount *const *)pa, *b = *(LedgerAccount *const *)pb;
    /* numbers by their digits: 301 before 3010, 3010 before 302 */
    return strcmp(a->id, b->id);
}

/* Balance accounts by #KTYP (T, S), else by the records they have (#IB, #UB), else by
 * BAS (class 1 and 2); result accounts otherwise, as sie_check.c tells them apart. */
static bool is_balance(const LedgerAccount *a)
{
    if (a->ktyp)
        return a->ktyp == 'T' || a->ktyp == 'S';
    for (int y = 0; y < LEDGER_YEARS; y++)
        if (a->has_ib[y] || a->has_ub[y])
            return true;
    for (int y = 0; y < LEDGER_YEARS; y++)
        if (a->has_res[y])
            return false;
    return a->id[0] == '1' || a->id[0] == '2';
}

int ledger_read(Ledger *l, Diags *d, const char *path, const char **why, Diags *checked,
                SieSummary *sum)
{
    l->path = path;
    int before = d->errors;
    SieReader *r = sie_open(path, checked ? checked : d, why);
    if (!r)
        return -1;
    Reader R = {r, d, d->arena, l, {0}};
    SieCheck *check = checked ? sie_check_begin(r, sum) : NULL;
    /* 6 KB, not cleared: sie_next writes what is read */
    SieRecord *rec = mem_realloc(NULL, sizeof *rec);
    for (;;) {
        int mark = sie_diags(r)->list.len;
        bool more = sie_next(r, rec);
        take_errors(&R, mark);
        if (!more)
            break;
        record(&R, rec);
        if (check)
            sie_check_record(check, rec);
    }
    if (check)
        sie_check_end(check);
    mem_free(rec);
    sie_close(r);
    int errors = d->errors - before;
    l->accounts = arena_alloc(d->arena, sizeof *l->accounts * (R.accounts.count + 1));
    for (size_t i = 0; i < R.accounts.cap; i++)
        if (R.accounts.slots[i]) {
            R.accounts.slots[i]->balance = is_balance(R.accounts.slots[i]);
            l->accounts[l->naccounts++] = R.accounts.slots[i];
        }
    mem_free(R.accounts.slots);
    qsort(l->accounts, (size_t)l->naccounts, sizeof *l->accounts, by_id);
    return errors;
}

bool ledger_amount(const Ledger *l, const LedgerAccount *a, int year, int64_t *ore)
{
    if (year < 0 || year >= LEDGER_YEARS)
        return false;
    if (year == 0 && l->ntrans > 0) {
        if (a->balance) {
            if (!a->has_ib[0] && !a->ntrans && !a->has_ub[0])
                return false;
            return !__builtin_add_overflow(a->has_ib[0] ? a->ib[0] : 0, a->trans, ore);
        }
        if (!a->ntrans && !a->has_res[0])
            return false;
        *ore = a->trans;
        return true;
    }
    if (a->balance ? !a->has_ub[year] : !a->has_res[year])
        return false;
    *ore = a->balance ? a->ub[year] : a->res[year];
    return true;
}
