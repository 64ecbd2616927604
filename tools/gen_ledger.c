/* gen_ledger: a fictional but realistic SIE 4E ledger that reproduces given balances.
 *
 *     gen_ledger [--alter N[=AMOUNT]] SPEC OUT.se
 *
 * SPEC (docs/ledgers.md) names the organisation, the fiscal year, the chart of accounts
 * and, per account, its opening and closing balance (balance accounts) or its result
 * (result accounts) for this year and the year before. gen_ledger writes OUT.se: the
 * header, the chart, #IB, #UB and #RES for years 0 and -1 exactly as the spec gives them,
 * and a year of vouchers whose rows add up to exactly those figures: member
 * contributions invoiced per quarter and paid, grants received, supplier invoices (rent
 * among them) and their payments, salaries with the tax withheld, accruals reversed and booked, last
 * year's result carried to equity, and the year's result closed. The amounts come from a
 * fixed pseudo-random sequence (the spec's seed): the same spec gives the same file.
 *
 * --alter N adds 1000.00 to the amount of the file's N-th #TRANS row (--alter N=AMOUNT
 * sets it), for a test of what finsam finds: the voucher is left unbalanced and #IB, #UB
 * and #RES stay as the spec gives them; #KSUMMA is that of the altered file.
 *
 * Written in UTF-8, converted to code page 437 (#FORMAT PC8) with iconv. */
#include <errno.h>
#include <iconv.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

enum { NAME_MAX_LEN = 160, NUM_MAX_LEN = 16 };

typedef enum {
    ROLE_NONE,
    /* balance accounts */
    ROLE_BANK,       /* every payment goes through it */
    ROLE_RECEIVABLE, /* open customer invoices (fees are invoiced through it) */
    ROLE_PAYABLE,    /* open supplier invoices */
    ROLE_TAX,        /* tax withheld from salaries, paid the month after */
    ROLE_ACCRUAL,    /* reversed on the first day against its counter, booked on the last */
    ROLE_CLAIM,      /* received through the bank in February, booked on the last day */
    ROLE_RETAINED,   /* equity from earlier years: takes last year's result */
    ROLE_RESULT,     /* this year's result: last year's moved out, this year's closed in */
    ROLE_FIXED,      /* does not change */
    /* result accounts */
    ROLE_FEE,     /* member contribution: N invoices a year, each paid 30 days later */
    ROLE_GRANT,   /* received in N payments */
    ROLE_INVOICE, /* N supplier invoices a year, each paid 30 days later */
    ROLE_RENT,    /* the same, N equal invoices on the 1st of their month */
    ROLE_SALARY,  /* monthly, 30 % withheld as tax */
    ROLE_DIRECT,  /* N payments straight from the bank (fees, interest) */
    ROLE_CLOSING, /* the year's result, closed against the result account */
} Role;

typedef struct {
    char number[NUM_MAX_LEN];
    char name[NAME_MAX_LEN];
    char type; /* T S K I */
    Role role;
    int count;       /* instalments a year */
    char counter[NUM_MAX_LEN];
    int counter_idx; /* accrual, claim: the result account it is booked against */
    bool balance;
    int64_t ib[2], ub[2], res[2]; /* öre; [0] this year, [1] the year before */
    int64_t booked;               /* this year's rows so far */
    int line;                     /* in the spec */
} Account;

typedef struct {
    int account;
    int64_t amount;
} Row;

typedef struct {
    int date; /* days since 1970-01-01 */
    int order;
    char text[NAME_MAX_LEN + 64];
    size_t first, nrows;
} Voucher;

/* One periodic booking on a result account, and what it leaves on a settlement account
 * (receivable, payable, tax) until it is paid. */
typedef struct {
    int account;
    int date;
    int64_t amount; /* on the result account */
    int64_t gross;  /* salary: the gross pay */
    int settle;     /* settlement account, or -1 */
    int64_t open;   /* on the settlement account, in its sign */
    int pay_date;
    bool unpaid;
    int seq; /* its number among the account's parts, from 1 */
    int ref; /* a supplier invoice's number */
} Part;

typedef struct {
    uint64_t state;
} Rng;

typedef struct {
    const char *spec_path;
    char fnamn[NAME_MAX_LEN], orgnr[NUM_MAX_LEN + 8], prosa[2 * NAME_MAX_LEN];
    int year, gen, seed_line;
    uint64_t seed;
    Account *acc;
    size_t nacc;
    Row *rows;
    size_t nrows, caprows;
    Voucher *ver;
    size_t nver, capver;
    Part *parts;
    size_t nparts, capparts;
    Rng rng;
} Ledger;

static void die(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("gen_ledger: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    exit(2);
}

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap * 2 : 64;
    while (n < need)
        n *= 2;
    void *q = realloc(p, n * size);
    if (!q)
        die("out of memory");
    *cap = n;
    return q;
}

static unsigned rng_next(Rng *r)
{
    r->state = r->state * 6364136223846793005u + 1442695040888963407u;
    return (unsigned)(r->state >> 33);
}

/* ---- dates: days since 1970-01-01 (H. Hinnant's civil calendar algorithms) ---- */

static int days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static int ymd(int days)
{
    days += 719468;
    int era = (days >= 0 ? days : days - 146096) / 146097;
    int doe = days - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int y = yoe + era * 400;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp + (mp < 10 ? 3 : -9);
    return (y + (m <= 2)) * 10000 + m * 100 + d;
}

/* ---- the spec ---- */

typedef struct {
    char *tok[16];
    int n;
} Fields;

/* Splits a spec line into fields: spaces separate, "..." quotes (\" inside), # outside
 * quotes starts a comment. The line is changed in place. */
static bool split(char *s, Fields *f)
{
    f->n = 0;
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
            s++;
        if (!*s || *s == '#')
            return true;
        if (f->n == 16)
            return false;
        if (*s == '"') {
            char *out = ++s;
            f->tok[f->n++] = out;
            while (*s && *s != '"') {
                if (*s == '\\' && s[1])
                    s++;
                *out++ = *s++;
            }
            if (*s != '"')
                return false;
            s++;
            *out = '\0';
        } else {
            f->tok[f->n++] = s;
            while (*s && *s != ' ' && *s != '\t' && *s != '\r' && *s != '\n')
                s++;
            if (*s)
                *s++ = '\0';
        }
    }
}

/* "-1234", "1234.5", "1234.50": kronor with at most two decimals, in öre */
static bool parse_amount(const char *s, int64_t *out)
{
    bool neg = *s == '-';
    s += neg;
    if (*s < '0' || *s > '9')
        return false;
    int64_t v = 0;
    for (; *s >= '0' && *s <= '9'; s++) {
        if (v > (INT64_MAX / 100 - 9) / 10)
            return false;
        v = v * 10 + (*s - '0');
    }
    v *= 100;
    if (*s == '.') {
        s++;
        int k = 0;
        for (; *s >= '0' && *s <= '9' && k < 2; s++, k++)
            v += (*s - '0') * (k == 0 ? 10 : 1);
        if (k == 0)
            return false;
    }
    if (*s)
        return false;
    *out = neg ? -v : v;
    return true;
}

static const struct {
    const char *name;
    Role role;
    bool balance, counted, countered;
} roles[] = {
    {"bank", ROLE_BANK, true, false, false},       {"receivable", ROLE_RECEIVABLE, true, false, false},
    {"payable", ROLE_PAYABLE, true, false, false}, {"tax", ROLE_TAX, true, false, false},
    {"accrual", ROLE_ACCRUAL, true, false, true},  {"claim", ROLE_CLAIM, true, false, true},
    {"retained", ROLE_RETAINED, true, false, false}, {"result", ROLE_RESULT, true, false, false},
    {"fixed", ROLE_FIXED, true, false, false},     {"fee", ROLE_FEE, false, true, false},
    {"grant", ROLE_GRANT, false, true, false},     {"invoice", ROLE_INVOICE, false, true, false},
    {"rent", ROLE_RENT, false, true, false},
    {"salary", ROLE_SALARY, false, false, false},  {"direct", ROLE_DIRECT, false, true, false},
    {"closing", ROLE_CLOSING, false, false, false},
};

static void parse_role(Ledger *l, Account *a, const char *text)
{
    const char *colon = strchr(text, ':');
    size_t n = colon ? (size_t)(colon - text) : strlen(text);
    for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
        if (strlen(roles[i].name) != n || strncmp(roles[i].name, text, n) != 0)
            continue;
        a->role = roles[i].role;
        if (roles[i].balance != a->balance)
            die("%s:%d: role %s is for %s accounts", l->spec_path, a->line, roles[i].name,
                roles[i].balance ? "balance (T, S)" : "result (K, I)");
        if (roles[i].counted) {
            char *end;
            long c = colon ? strtol(colon + 1, &end, 10) : 0;
            if (!colon || *end || c < 1 || c > 12)
                die("%s:%d: role %s needs a count of 1 to 12: %s:4", l->spec_path, a->line,
                    roles[i].name, roles[i].name);
            a->count = (int)c;
        } else if (roles[i].countered) {
            if (!colon || !colon[1] || strlen(colon + 1) >= NUM_MAX_LEN)
                die("%s:%d: role %s needs the account it is booked against: %s:6990",
                    l->spec_path, a->line, roles[i].name, roles[i].name);
            strcpy(a->counter, colon + 1);
        } else if (colon) {
            die("%s:%d: role %s takes nothing after it", l->spec_path, a->line, roles[i].name);
        }
        return;
    }
    die("%s:%d: unknown role '%s'", l->spec_path, a->line, text);
}

static void copy_field(Ledger *l, int line, char *dst, size_t cap, const char *src)
{
    if (strlen(src) >= cap)
        die("%s:%d: '%s' is too long", l->spec_path, line, src);
    strcpy(dst, src);
}

static int find_account(const Ledger *l, const char *number)
{
    for (size_t i = 0; i < l->nacc; i++)
        if (strcmp(l->acc[i].number, number) == 0)
            return (int)i;
    return -1;
}

static void read_spec(Ledger *l, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        die("%s: %s", path, strerror(errno));
    l->spec_path = path;
    char buf[1024];
    int line = 0;
    size_t capacc = 0;
    while (fgets(buf, sizeof buf, f)) {
        line++;
        if (!strchr(buf, '\n') && !feof(f))
            die("%s:%d: line too long", path, line);
        Fields fl;
        if (!split(buf, &fl))
            die("%s:%d: an unclosed quote or too many fields", path, line);
        if (fl.n == 0)
            continue;
        const char *key = fl.tok[0];
        if (strcmp(key, "konto") == 0) {
            if (fl.n < 5)
                die("%s:%d: konto NUMBER TYPE \"NAME\" ROLE AMOUNTS...", path, line);
            l->acc = grow(l->acc, &capacc, l->nacc + 1, sizeof *l->acc);
            Account *a = &l->acc[l->nacc];
            memset(a, 0, sizeof *a);
            a->line = line;
            a->counter_idx = -1;
            copy_field(l, line, a->number, sizeof a->number, fl.tok[1]);
            if (strspn(a->number, "0123456789") != strlen(a->number))
                die("%s:%d: account '%s' is not a number", path, line, a->number);
            if (find_account(l, a->number) >= 0)
                die("%s:%d: account %s twice", path, line, a->number);
            if (strlen(fl.tok[2]) != 1 || !strchr("TSKI", fl.tok[2][0]))
                die("%s:%d: type must be T, S, K or I", path, line);
            a->type = fl.tok[2][0];
            a->balance = a->type == 'T' || a->type == 'S';
            copy_field(l, line, a->name, sizeof a->name, fl.tok[3]);
            parse_role(l, a, fl.tok[4]);
            int want = a->balance ? 4 : 2;
            if (fl.n != 5 + want)
                die("%s:%d: a %s account takes %s", path, line,
                    a->balance ? "balance" : "result",
                    a->balance ? "four amounts: IB 0, UB 0, IB -1, UB -1"
                               : "two amounts: RES 0, RES -1");
            int64_t v[4];
            for (int k = 0; k < want; k++)
                if (!parse_amount(fl.tok[5 + k], &v[k]))
                    die("%s:%d: '%s' is not an amount (kronor, at most two decimals)", path,
                        line, fl.tok[5 + k]);
            if (a->balance) {
                a->ib[0] = v[0], a->ub[0] = v[1], a->ib[1] = v[2], a->ub[1] = v[3];
            } else {
                a->res[0] = v[0], a->res[1] = v[1];
            }
            l->nacc++;
        } else if (strcmp(key, "fnamn") == 0 && fl.n == 2) {
            copy_field(l, line, l->fnamn, sizeof l->fnamn, fl.tok[1]);
        } else if (strcmp(key, "orgnr") == 0 && fl.n == 2) {
            copy_field(l, line, l->orgnr, sizeof l->orgnr, fl.tok[1]);
        } else if (strcmp(key, "prosa") == 0 && fl.n == 2) {
            copy_field(l, line, l->prosa, sizeof l->prosa, fl.tok[1]);
        } else if (strcmp(key, "year") == 0 && fl.n == 2) {
            l->year = atoi(fl.tok[1]);
            if (l->year < 1900 || l->year > 9999)
                die("%s:%d: year must be a calendar year", path, line);
        } else if (strcmp(key, "gen") == 0 && fl.n == 2) {
            l->gen = atoi(fl.tok[1]);
        } else if (strcmp(key, "seed") == 0 && fl.n == 2) {
            l->seed = strtoull(fl.tok[1], NULL, 10);
            l->seed_line = line;
        } else {
            die("%s:%d: unknown or malformed line '%s'", path, line, key);
        }
    }
    if (ferror(f))
        die("%s: read error", path);
    fclose(f);
    if (!l->fnamn[0] || !l->year || !l->gen || !l->seed_line || !l->nacc)
        die("%s: needs fnamn, year, gen, seed and at least one konto", path);
}

/* ---- checks before anything is generated ---- */

static int only(const Ledger *l, Role r, bool required)
{
    int found = -1;
    for (size_t i = 0; i < l->nacc; i++) {
        if (l->acc[i].role != r)
            continue;
        if (found >= 0)
            die("%s:%d: a second account with the role of account %s", l->spec_path,
                l->acc[i].line, l->acc[found].number);
        found = (int)i;
    }
    if (required && found < 0)
        die("%s: no account has the role this ledger needs (bank, or the settlement "
            "account of a fee, invoice or salary)", l->spec_path);
    return found;
}

static void check_spec(Ledger *l)
{
    for (int y = 0; y < 2; y++) {
        int64_t ib = 0, change = 0;
        for (size_t i = 0; i < l->nacc; i++) {
            const Account *a = &l->acc[i];
            ib += a->ib[y];
            change += a->balance ? a->ub[y] - a->ib[y] : a->res[y];
        }
        if (ib != 0)
            die("%s: the opening balances of year %d add up to %" PRId64
                " öre, not 0", l->spec_path, -y, ib);
        if (change != 0)
            die("%s: the balance accounts' change and the results of year %d add up to %" PRId64
                " öre, not 0", l->spec_path, -y, change);
    }
    for (size_t i = 0; i < l->nacc; i++) {
        Account *a = &l->acc[i];
        if (a->counter[0]) {
            a->counter_idx = find_account(l, a->counter);
            if (a->counter_idx < 0 || l->acc[a->counter_idx].balance)
                die("%s:%d: %s is not a result account in the spec", l->spec_path, a->line,
                    a->counter);
        }
        if (a->role == ROLE_FIXED && a->ib[0] != a->ub[0])
            die("%s:%d: a fixed account's closing balance is its opening balance",
                l->spec_path, a->line);
        if (a->balance && a->role == ROLE_NONE)
            die("%s:%d: a balance account needs a role", l->spec_path, a->line);
    }
    only(l, ROLE_BANK, true);
    int retained = only(l, ROLE_RETAINED, false), result = only(l, ROLE_RESULT, false);
    int closing = only(l, ROLE_CLOSING, false);
    if ((retained < 0) != (result < 0) || (result < 0) != (closing < 0))
        die("%s: retained, result and closing go together", l->spec_path);
    if (result >= 0) {
        const Account *re = &l->acc[retained], *rs = &l->acc[result], *c = &l->acc[closing];
        if (re->ub[0] != re->ib[0] + rs->ib[0])
            die("%s:%d: retained equity must close at its opening balance plus last year's "
                "result (the result account's opening balance)", l->spec_path, re->line);
        if (rs->ub[0] != -c->res[0])
            die("%s:%d: the result account must close at the year's result, the negated "
                "closing account", l->spec_path, rs->line);
    }
}

/* ---- vouchers ---- */

static size_t voucher(Ledger *l, int date, const char *fmt, ...)
{
    l->ver = grow(l->ver, &l->capver, l->nver + 1, sizeof *l->ver);
    Voucher *v = &l->ver[l->nver];
    v->date = date;
    v->order = (int)l->nver;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(v->text, sizeof v->text, fmt, ap);
    va_end(ap);
    v->first = l->nrows;
    v->nrows = 0;
    return l->nver++;
}

static void row(Ledger *l, int account, int64_t amount)
{
    l->rows = grow(l->rows, &l->caprows, l->nrows + 1, sizeof *l->rows);
    l->rows[l->nrows++] = (Row){account, amount};
    l->ver[l->nver - 1].nrows++;
    l->acc[account].booked += amount;
}

static int day(const Ledger *l, int month, int dom)
{
    return days_from_civil(l->year, month, dom);
}

typedef enum { SPLIT_EQUAL, SPLIT_KRONOR, SPLIT_ORE } Split;

/* Splits AMOUNT into N parts: equal in whole kronor (fees, rent), or around equal, the
 * last taking what is left, in whole kronor (pay) or with öre where the amount is large
 * enough to look invoiced. */
static void split_amount(Ledger *l, int64_t amount, int n, Split how, int64_t *out)
{
    if (how == SPLIT_EQUAL) {
        int64_t q = amount / n / 100 * 100;
        for (int i = 0; i < n; i++)
            out[i] = q;
        out[n - 1] = amount - q * (n - 1);
        return;
    }
    int w[12], sum = 0;
    for (int i = 0; i < n; i++)
        sum += w[i] = 85 + (int)(rng_next(&l->rng) % 31);
    bool ore = how == SPLIT_ORE && (amount < 0 ? -amount : amount) >= (int64_t)n * 100000;
    int64_t used = 0;
    for (int i = 0; i < n - 1; i++) {
        out[i] = amount / sum * w[i] / 100 * 100;
        if (ore)
            out[i] += (amount < 0 ? -1 : 1) * (int64_t)(rng_next(&l->rng) % 100);
        used += out[i];
    }
    out[n - 1] = amount - used;
}

static void add_part(Ledger *l, Part p)
{
    l->parts = grow(l->parts, &l->capparts, l->nparts + 1, sizeof *l->parts);
    l->parts[l->nparts++] = p;
}

static int end_of_year(const Ledger *l) { return day(l, 12, 31); }

static int min_int(int a, int b) { return a < b ? a : b; }

/* The periodic parts of a result account: what is left of its result after the
 * accruals, spread over the year. */
static void plan_parts(Ledger *l, int i, int receivable, int payable, int tax)
{
    Account *a = &l->acc[i];
    int n = a->role == ROLE_SALARY ? 12 : a->count;
    int64_t left = a->res[0] - a->booked, amounts[12];
    if (left == 0 || n == 0)
        return;
    Role r = a->role;
    split_amount(l, left, n,
                 r == ROLE_FEE || r == ROLE_RENT                  ? SPLIT_EQUAL
                 : r == ROLE_SALARY || r == ROLE_DIRECT            ? SPLIT_KRONOR
                                                                   : SPLIT_ORE,
                 amounts);
    for (int k = 0; k < n; k++) {
        int month = 1 + k * 12 / n;
        Part p = {.account = i, .amount = amounts[k], .settle = -1, .seq = k + 1};
        switch (a->role) {
        case ROLE_FEE:
            p.date = day(l, month, 15);
            p.settle = receivable;
            p.open = -p.amount;
            p.pay_date = min_int(p.date + 30, end_of_year(l));
            break;
        case ROLE_INVOICE:
        case ROLE_RENT:
            p.date = day(l, month, r == ROLE_RENT ? 1 : 3 + (int)(rng_next(&l->rng) % 22));
            p.settle = payable;
            p.ref = 10000 + (int)(rng_next(&l->rng) % 90000);
            p.open = -p.amount;
            p.pay_date = min_int(p.date + 30, end_of_year(l));
            break;
        case ROLE_SALARY:
            p.date = day(l, month, 25);
            p.gross = p.amount;
            p.settle = tax;
            p.open = -(p.gross * 30 / 100 / 100 * 100);
            p.pay_date = month < 12 ? day(l, month + 1, 12) : end_of_year(l);
            break;
        case ROLE_GRANT:
            p.date = day(l, month, 10 + (int)(rng_next(&l->rng) % 15));
            break;
        default: /* direct */
            p.date = day(l, month + 12 / n - 1, 28);
            break;
        }
        add_part(l, p);
    }
}

/* Leaves exactly the settlement account's closing balance open at the year's end: the
 * latest parts stay unpaid; where the last of them would go past the balance, the
 * excess moves to an earlier part of the same account, which is paid. */
static void settle(Ledger *l, int s)
{
    Account *a = &l->acc[s];
    int64_t target = a->ub[0], sign = target < 0 ? -1 : 1, want = target * sign, got = 0;
    if (target == 0)
        return;
    for (size_t k = l->nparts; k-- > 0;) {
        /* the parts were planned account by account: find the latest not yet open */
        size_t best = l->nparts;
        for (size_t j = 0; j < l->nparts; j++) {
            Part *p = &l->parts[j];
            if (p->settle != s || p->unpaid)
                continue;
            if (best == l->nparts || p->date > l->parts[best].date ||
                (p->date == l->parts[best].date && j > best))
                best = j;
        }
        if (best == l->nparts)
            break;
        Part *p = &l->parts[best];
        if (p->open * sign <= 0)
            die("%s:%d: account %s: a booking of the wrong sign for its closing balance",
                l->spec_path, a->line, a->number);
        if (got + p->open * sign <= want) {
            p->unpaid = true;
            got += p->open * sign;
            if (got == want)
                return;
            continue;
        }
        /* move the excess to an earlier part of the same account */
        int64_t keep = want - got, excess = p->open * sign - keep;
        for (size_t j = 0; j < l->nparts; j++) {
            Part *q = &l->parts[j];
            if (q == p || q->settle != s || q->account != p->account || q->unpaid)
                continue;
            q->open += excess * sign;
            p->open = keep * sign;
            if (q->settle >= 0 && l->acc[q->account].role != ROLE_SALARY) {
                q->amount = -q->open;
                p->amount = -p->open;
            }
            p->unpaid = true;
            return;
        }
        die("%s:%d: account %s: cannot leave exactly its closing balance open", l->spec_path,
            a->line, a->number);
    }
    die("%s:%d: account %s: its closing balance is more than the year's bookings on it",
        l->spec_path, a->line, a->number);
}

static const char *month_name(int m)
{
    static const char *names[] = {"januari", "februari", "mars",     "april",
                                  "maj",     "juni",     "juli",     "augusti",
                                  "september", "oktober", "november", "december"};
    return names[(m - 1) % 12];
}

static void book_parts(Ledger *l, int bank)
{
    for (size_t k = 0; k < l->nparts; k++) {
        Part *p = &l->parts[k];
        Account *a = &l->acc[p->account];
        int m = ymd(p->date) / 100 % 100;
        switch (a->role) {
        case ROLE_FEE: {
            int q = (m - 1) / 3 + 1;
            voucher(l, p->date, "%s, kvartal %d %d", a->name, q, l->year);
            row(l, p->settle, p->open);
            row(l, p->account, -p->open);
            if (!p->unpaid) {
                voucher(l, p->pay_date, "Inbetalning, %s, kvartal %d", a->name, q);
                row(l, bank, p->open);
                row(l, p->settle, -p->open);
            }
            break;
        }
        case ROLE_INVOICE:
        case ROLE_RENT: {
            int no = p->ref;
            voucher(l, p->date, "Leverantörsfaktura %d: %s", no, a->name);
            row(l, p->account, -p->open);
            row(l, p->settle, p->open);
            if (!p->unpaid) {
                voucher(l, p->pay_date, "Betalning leverantörsfaktura %d", no);
                row(l, p->settle, -p->open);
                row(l, bank, p->open);
            }
            break;
        }
        case ROLE_SALARY:
            if (p->gross + p->open < 0)
                die("%s:%d: account %s: more tax than salary in %s", l->spec_path, a->line,
                    a->number, month_name(m));
            voucher(l, p->date, "%s %s %d", a->name, month_name(m), l->year);
            row(l, p->account, p->gross);
            row(l, p->settle, p->open);
            row(l, bank, -p->gross - p->open);
            if (!p->unpaid) {
                voucher(l, p->pay_date, "Skattedeklaration, avdragen skatt %s", month_name(m));
                row(l, p->settle, -p->open);
                row(l, bank, p->open);
            }
            break;
        case ROLE_GRANT:
            voucher(l, p->date, "%s, utbetalning %d", a->name, p->seq);
            row(l, bank, -p->amount);
            row(l, p->account, p->amount);
            break;
        default: /* direct */
            voucher(l, p->date, "%s, %s", a->name, month_name(m));
            row(l, p->account, p->amount);
            row(l, bank, -p->amount);
            break;
        }
    }
}

static void generate(Ledger *l)
{
    int bank = only(l, ROLE_BANK, true);
    int receivable = only(l, ROLE_RECEIVABLE, false), payable = only(l, ROLE_PAYABLE, false);
    int tax = only(l, ROLE_TAX, false);
    int retained = only(l, ROLE_RETAINED, false), result = only(l, ROLE_RESULT, false);
    int closing = only(l, ROLE_CLOSING, false);
    int last = end_of_year(l);
    for (size_t i = 0; i < l->nacc; i++) {
        Role r = l->acc[i].role;
        if ((r == ROLE_FEE && receivable < 0) ||
            ((r == ROLE_INVOICE || r == ROLE_RENT) && payable < 0) ||
            (r == ROLE_SALARY && tax < 0))
            die("%s:%d: account %s needs an account with the role %s", l->spec_path,
                l->acc[i].line, l->acc[i].number,
                r == ROLE_FEE ? "receivable" : r == ROLE_SALARY ? "tax" : "payable");
    }
    /* last year's open items paid in January */
    for (size_t i = 0; i < l->nacc; i++) {
        Account *a = &l->acc[i];
        int64_t ib = a->ib[0];
        if (ib == 0)
            continue;
        if (a->role == ROLE_PAYABLE) {
            int64_t parts[3];
            split_amount(l, ib, 3, SPLIT_ORE, parts);
            for (int k = 0; k < 3; k++) {
                voucher(l, day(l, 1, 10 + 9 * k), "Betalning leverantörsfakturor %d",
                        l->year - 1);
                row(l, (int)i, -parts[k]);
                row(l, bank, parts[k]);
            }
        } else if (a->role == ROLE_RECEIVABLE) {
            voucher(l, day(l, 1, 20), "Inbetalning kundfordringar %d", l->year - 1);
            row(l, bank, ib);
            row(l, (int)i, -ib);
        } else if (a->role == ROLE_TAX) {
            voucher(l, day(l, 1, 12), "Skattedeklaration, avdragen skatt december %d",
                    l->year - 1);
            row(l, (int)i, -ib);
            row(l, bank, ib);
        } else if (a->role == ROLE_ACCRUAL) {
            voucher(l, day(l, 1, 1), "Återföring %s %d", a->name, l->year - 1);
            row(l, (int)i, -ib);
            row(l, a->counter_idx, ib);
        } else if (a->role == ROLE_CLAIM) {
            voucher(l, day(l, 2, 15), "Erhållen %s %d", a->name, l->year - 1);
            row(l, bank, ib);
            row(l, (int)i, -ib);
        }
    }
    if (result >= 0 && l->acc[result].ib[0] != 0) {
        int64_t r = l->acc[result].ib[0];
        voucher(l, day(l, 4, 30), "Disposition av %d års resultat enligt förbundsstämman",
                l->year - 1);
        row(l, result, -r);
        row(l, retained, r);
    }
    /* this year's accruals, booked on the last day (dated now, so that the periodic
     * parts take what is left of each result) */
    for (size_t i = 0; i < l->nacc; i++) {
        Account *a = &l->acc[i];
        if ((a->role != ROLE_ACCRUAL && a->role != ROLE_CLAIM) || a->ub[0] == 0)
            continue;
        voucher(l, last, "%s %d", a->name, l->year);
        row(l, (int)i, a->ub[0]);
        row(l, a->counter_idx, -a->ub[0]);
    }
    for (size_t i = 0; i < l->nacc; i++) {
        Role r = l->acc[i].role;
        if (r == ROLE_FEE || r == ROLE_GRANT || r == ROLE_INVOICE || r == ROLE_RENT ||
            r == ROLE_SALARY || r == ROLE_DIRECT)
            plan_parts(l, (int)i, receivable, payable, tax);
    }
    if (receivable >= 0)
        settle(l, receivable);
    if (payable >= 0)
        settle(l, payable);
    if (tax >= 0)
        settle(l, tax);
    book_parts(l, bank);
    if (closing >= 0 && l->acc[closing].res[0] != 0) {
        voucher(l, last, "Årets resultat %d", l->year);
        row(l, closing, l->acc[closing].res[0]);
        row(l, result, -l->acc[closing].res[0]);
    }
    /* every figure of the spec reproduced, or the spec did not add up */
    for (size_t i = 0; i < l->nacc; i++) {
        const Account *a = &l->acc[i];
        int64_t want = a->balance ? a->ub[0] - a->ib[0] : a->res[0];
        if (a->booked != want)
            die("%s:%d: account %s: the vouchers give %" PRId64 " öre, the spec %" PRId64
                " (an account without a role that books it?)",
                l->spec_path, a->line, a->number, a->booked, want);
    }
}

static int by_date(const void *x, const void *y)
{
    const Voucher *a = x, *b = y;
    if (a->date != b->date)
        return a->date < b->date ? -1 : 1;
    return a->order - b->order;
}

/* ---- writing: UTF-8 converted to code page 437, with the CRC-32 of #KSUMMA ---- */

typedef struct {
    FILE *f;
    iconv_t cd;
    uLong crc;
    bool summing;
    int line;
    bool error;
} Out;

static void out_bytes(Out *o, const char *s, size_t n)
{
    if (fwrite(s, 1, n, o->f) != n)
        o->error = true;
}

/* One field: converted, summed (its content only), written quoted where asked. */
static void out_field(Out *o, const char *utf8, bool quoted)
{
    char buf[4 * NAME_MAX_LEN], *in = (char *)utf8, *out = buf;
    size_t inleft = strlen(utf8), outleft = sizeof buf;
    iconv(o->cd, NULL, NULL, NULL, NULL);
    if (iconv(o->cd, &in, &inleft, &out, &outleft) == (size_t)-1)
        die("cannot write '%s' in code page 437: %s", utf8, strerror(errno));
    size_t n = (size_t)(out - buf);
    if (o->summing)
        o->crc = crc32(o->crc, (const Bytef *)buf, (uInt)n);
    out_bytes(o, " ", 1);
    if (!quoted) {
        out_bytes(o, buf, n);
        return;
    }
    out_bytes(o, "\"", 1);
    for (size_t i = 0; i < n; i++) {
        if (buf[i] == '"' || buf[i] == '\\')
            out_bytes(o, "\\", 1);
        out_bytes(o, &buf[i], 1);
    }
    out_bytes(o, "\"", 1);
}

static void out_label(Out *o, const char *label)
{
    if (o->summing)
        o->crc = crc32(o->crc, (const Bytef *)label, (uInt)strlen(label));
    out_bytes(o, label, strlen(label));
}

static void out_end(Out *o)
{
    out_bytes(o, "\n", 1);
    o->line++;
}

static void out_raw_line(Out *o, const char *s)
{
    out_bytes(o, s, strlen(s));
    out_end(o);
}

static void fmt_amount(char *buf, size_t cap, int64_t ore)
{
    uint64_t u = ore < 0 ? (uint64_t)0 - (uint64_t)ore : (uint64_t)ore;
    snprintf(buf, cap, "%s%" PRIu64 ".%02" PRIu64, ore < 0 ? "-" : "", u / 100, u % 100);
}

static void record(Out *o, const char *label, int nfields, const char *const *fields,
                   const bool *quoted)
{
    out_label(o, label);
    for (int i = 0; i < nfields; i++)
        out_field(o, fields[i], quoted && quoted[i]);
    out_end(o);
}

static void balance_records(Out *o, const Ledger *l, const char *label, int year)
{
    for (size_t i = 0; i < l->nacc; i++) {
        const Account *a = &l->acc[i];
        bool is_ib = strcmp(label, "#IB") == 0, is_res = strcmp(label, "#RES") == 0;
        if (a->balance == is_res)
            continue;
        int64_t v = is_res ? a->res[-year] : is_ib ? a->ib[-year] : a->ub[-year];
        char y[8], amount[32];
        snprintf(y, sizeof y, "%d", year);
        fmt_amount(amount, sizeof amount, v);
        record(o, label, 3, (const char *[]){y, a->number, amount}, NULL);
    }
}

typedef struct {
    long row;       /* the #TRANS row to alter, from 1; 0 none */
    bool set;       /* set to amount, else add it */
    int64_t amount;
} Alter;

static int write_sie(const Ledger *l, const char *path, const Alter *alter)
{
    Out o = {.f = fopen(path, "wb"), .cd = iconv_open("CP437", "UTF-8")};
    if (!o.f)
        die("%s: %s", path, strerror(errno));
    if (o.cd == (iconv_t)-1)
        die("iconv cannot convert UTF-8 to CP437: %s", strerror(errno));
    char buf[64], buf2[64];
    record(&o, "#FLAGGA", 1, (const char *[]){"0"}, NULL);
    out_raw_line(&o, "#KSUMMA");
    o.summing = true;
    o.crc = crc32(0L, Z_NULL, 0);
    record(&o, "#PROGRAM", 2, (const char *[]){"finsam gen_ledger (fiktiv bokföring)", "1"},
           (const bool[]){true, false});
    record(&o, "#FORMAT", 1, (const char *[]){"PC8"}, NULL);
    snprintf(buf, sizeof buf, "%d", l->gen);
    record(&o, "#GEN", 1, (const char *[]){buf}, NULL);
    record(&o, "#SIETYP", 1, (const char *[]){"4"}, NULL);
    if (l->prosa[0])
        record(&o, "#PROSA", 1, (const char *[]){l->prosa}, (const bool[]){true});
    record(&o, "#FNAMN", 1, (const char *[]){l->fnamn}, (const bool[]){true});
    if (l->orgnr[0])
        record(&o, "#ORGNR", 1, (const char *[]){l->orgnr}, NULL);
    for (int y = 0; y < 2; y++) {
        char idx[8];
        snprintf(idx, sizeof idx, "%d", -y);
        snprintf(buf, sizeof buf, "%d0101", l->year - y);
        snprintf(buf2, sizeof buf2, "%d1231", l->year - y);
        record(&o, "#RAR", 3, (const char *[]){idx, buf, buf2}, NULL);
    }
    record(&o, "#VALUTA", 1, (const char *[]){"SEK"}, NULL);
    for (size_t i = 0; i < l->nacc; i++) {
        const Account *a = &l->acc[i];
        record(&o, "#KONTO", 2, (const char *[]){a->number, a->name}, (const bool[]){false, true});
        char t[2] = {a->type, '\0'};
        record(&o, "#KTYP", 2, (const char *[]){a->number, t}, NULL);
    }
    balance_records(&o, l, "#IB", 0);
    balance_records(&o, l, "#UB", 0);
    balance_records(&o, l, "#IB", -1);
    balance_records(&o, l, "#UB", -1);
    balance_records(&o, l, "#RES", 0);
    balance_records(&o, l, "#RES", -1);
    long trans = 0;
    for (size_t v = 0; v < l->nver; v++) {
        const Voucher *ver = &l->ver[v];
        snprintf(buf, sizeof buf, "%zu", v + 1);
        snprintf(buf2, sizeof buf2, "%d", ymd(ver->date));
        record(&o, "#VER", 4, (const char *[]){"A", buf, buf2, ver->text},
               (const bool[]){false, false, false, true});
        out_raw_line(&o, "{");
        for (size_t k = 0; k < ver->nrows; k++) {
            const Row *r = &l->rows[ver->first + k];
            int64_t amount = r->amount;
            if (++trans == alter->row) {
                int64_t was = amount;
                amount = alter->set ? alter->amount : amount + alter->amount;
                char a1[32], a2[32];
                fmt_amount(a1, sizeof a1, was);
                fmt_amount(a2, sizeof a2, amount);
                fprintf(stderr, "gen_ledger: #TRANS row %ld altered at line %d: %s for %s\n",
                        trans, o.line + 1, a2, a1);
            }
            fmt_amount(buf, sizeof buf, amount);
            /* #TRANS account {} amount: the empty object list adds nothing to the sum */
            out_label(&o, "#TRANS");
            out_field(&o, l->acc[r->account].number, false);
            out_bytes(&o, " {}", 3);
            out_field(&o, buf, false);
            out_end(&o);
        }
        out_raw_line(&o, "}");
    }
    if (alter->row > trans)
        die("--alter %ld: the file has %ld #TRANS rows", alter->row, trans);
    o.summing = false;
    snprintf(buf, sizeof buf, "%lu", (unsigned long)o.crc);
    record(&o, "#KSUMMA", 1, (const char *[]){buf}, NULL);
    iconv_close(o.cd);
    if (o.error | ferror(o.f) | (fclose(o.f) != 0))
        die("%s: write error", path);
    return (int)trans;
}

static void usage(void)
{
    fputs("usage: gen_ledger [--alter N[=AMOUNT]] SPEC OUT.se\n", stderr);
    exit(2);
}

int main(int argc, char **argv)
{
    Alter alter = {0};
    int i = 1;
    if (i < argc && strcmp(argv[i], "--alter") == 0) {
        if (i + 1 >= argc)
            usage();
        char *end, *eq = strchr(argv[i + 1], '=');
        alter.row = strtol(argv[i + 1], &end, 10);
        if (alter.row < 1 || (eq ? end != eq : *end != '\0'))
            usage();
        if (eq) {
            alter.set = true;
            if (!parse_amount(eq + 1, &alter.amount))
                usage();
        } else {
            alter.amount = 100000;
        }
        i += 2;
    }
    if (argc - i != 2)
        usage();
    Ledger l = {0};
    read_spec(&l, argv[i]);
    l.rng.state = l.seed;
    check_spec(&l);
    generate(&l);
    qsort(l.ver, l.nver, sizeof *l.ver, by_date);
    int rows = write_sie(&l, argv[i + 1], &alter);
    fprintf(stderr, "gen_ledger: %s: %zu vouchers, %d #TRANS rows, %zu accounts\n", argv[i + 1],
            l.nver, rows, l.nacc);
    free(l.acc);
    free(l.rows);
    free(l.ver);
    free(l.parts);
    return 0;
}
