/* gen_sie: the same fictional year of bookkeeping in four formats, for make bench.
 *
 *     gen_sie ROWS DIR
 *
 * writes DIR/ledger.se (SIE 4E: ROWS #TRANS rows in vouchers of 2 to 4 rows, the chart,
 * #IB, #UB and #RES that agree with them), DIR/ledger.ledger (a ledger journal),
 * DIR/ledger.journal (an hledger journal) and DIR/ledger.beancount (Beancount), the
 * journals ending with a balance assertion for every account. The data come from a
 * fixed linear congruential generator: the same ROWS gives the same files. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NACCOUNTS = 60 };

static uint64_t seed;
static unsigned next(void)
{
    seed = seed * 6364136223846793005u + 1442695040888963407u;
    return (unsigned)(seed >> 33);
}

static int accounts[NACCOUNTS];
static int64_t totals[NACCOUNTS];

/* BAS classes: 1 assets, 2 liabilities and equity, 3 income, 4 to 8 costs */
static void make_chart(void)
{
    static const int base[] = {1510, 1630, 1910, 1930, 1940, 2440, 2610, 2640, 2710, 2730,
                               3010, 3040, 3051, 3740, 4010, 5010, 5410, 6110, 6210, 6570,
                               7010, 7210, 7510, 8310};
    int n = 0;
    for (size_t i = 0; i < sizeof base / sizeof base[0] && n < NACCOUNTS; i++)
        accounts[n++] = base[i];
    for (int k = 1; n < NACCOUNTS; k++) {
        int a = base[k % (int)(sizeof base / sizeof base[0])] + k, seen = 0;
        for (int i = 0; i < n; i++)
            seen |= accounts[i] == a;
        if (!seen)
            accounts[n++] = a;
    }
}

static const char *root(int account)
{
    int c = account / 1000;
    return c == 1 ? "Assets" : c == 2 ? "Liabilities" : c == 3 ? "Income" : "Expenses";
}

static void money(FILE *f, int64_t ore)
{
    uint64_t u = ore < 0 ? (uint64_t)0 - (uint64_t)ore : (uint64_t)ore;
    fprintf(f, "%s%" PRIu64 ".%02" PRIu64, ore < 0 ? "-" : "", u / 100, u % 100);
}

typedef struct {
    FILE *sie, *ledger, *hledger, *bean;
} Out;

/* One pass over the year: totals only (out NULL), or the vouchers written. */
static void year(long rows, const Out *out)
{
    seed = 20250101;
    memset(totals, 0, sizeof totals);
    long done = 0, number = 0;
    while (done < rows) {
        int k = 2 + (int)(next() % 3);
        if (k > rows - done)
            k = (int)(rows - done) < 2 ? 2 : (int)(rows - done);
        number++;
        int day = (int)(number * 365 / (rows / 3 + 1));
        int month = day / 31 % 12 + 1, dom = day % 28 + 1;
        int idx[4];
        int64_t amt[4], sum = 0;
        for (int i = 0; i < k; i++) {
            idx[i] = (int)(next() % NACCOUNTS);
            if (i < k - 1) {
                amt[i] = (int64_t)(next() % 2000000) - 1000000;
                if (amt[i] == 0)
                    amt[i] = 1;
                sum += amt[i];
            } else {
                amt[i] = -sum;
            }
            totals[idx[i]] += amt[i];
        }
        done += k;
        if (!out)
            continue;
        fprintf(out->sie, "#VER A %ld 2024%02d%02d \"Verifikation %ld\"\n{\n", number, month,
                dom, number);
        fprintf(out->ledger, "2024/%02d/%02d Verifikation %ld\n", month, dom, number);
        fprintf(out->hledger, "2024-%02d-%02d Verifikation %ld\n", month, dom, number);
        fprintf(out->bean, "2024-%02d-%02d * \"Verifikation %ld\"\n", month, dom, number);
        for (int i = 0; i < k; i++) {
            int a = accounts[idx[i]];
            fprintf(out->sie, "#TRANS %d {} ", a);
            money(out->sie, amt[i]);
            fputc('\n', out->sie);
            fprintf(out->ledger, "    %s:%d  ", root(a), a);
            money(out->ledger, amt[i]);
            fputs(" SEK\n", out->ledger);
            fprintf(out->hledger, "    %s:%d  ", root(a), a);
            money(out->hledger, amt[i]);
            fputs(" SEK\n", out->hledger);
            fprintf(out->bean, "  %s:A%d  ", root(a), a);
            money(out->bean, amt[i]);
            fputs(" SEK\n", out->bean);
        }
        fputs("}\n", out->sie);
        fputc('\n', out->ledger);
        fputc('\n', out->hledger);
        fputc('\n', out->bean);
    }
}

static FILE *open_in(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        exit(1);
    }
    return f;
}

int main(int argc, char **argv)
{
    if (argc != 3 || atol(argv[1]) < 2) {
        fprintf(stderr, "usage: gen_sie ROWS DIR\n");
        return 2;
    }
    long rows = atol(argv[1]);
    make_chart();
    year(rows, NULL);
    Out o = {open_in(argv[2], "ledger.se"), open_in(argv[2], "ledger.ledger"),
             open_in(argv[2], "ledger.journal"), open_in(argv[2], "ledger.beancount")};
    fputs("#FLAGGA 0\n#PROGRAM \"finsam bench/gen_sie\" 1\n#FORMAT PC8\n#GEN 20250101\n"
          "#SIETYP 4\n#PROSA \"Fiktiv bokf\x94ring f\x94r make bench\"\n"
          "#FNAMN \"Fiktiva f\x94reningen\"\n#RAR 0 20240101 20241231\n",
          o.sie);
    fputs("option \"operating_currency\" \"SEK\"\n", o.bean);
    for (int i = 0; i < NACCOUNTS; i++) {
        fprintf(o.sie, "#KONTO %d \"Konto %d\"\n", accounts[i], accounts[i]);
        fprintf(o.bean, "2024-01-01 open %s:A%d SEK\n", root(accounts[i]), accounts[i]);
    }
    fputc('\n', o.bean);
    for (int i = 0; i < NACCOUNTS; i++) {
        int a = accounts[i];
        if (a < 3000) {
            fprintf(o.sie, "#IB 0 %d 0.00\n#UB 0 %d ", a, a);
        } else {
            fprintf(o.sie, "#RES 0 %d ", a);
        }
        money(o.sie, totals[i]);
        fputc('\n', o.sie);
    }
    year(rows, &o);
    /* every account's balance asserted at the end of the year */
    fputs("2024/12/31 Closing balances asserted\n", o.ledger);
    fputs("2024-12-31 Closing balances asserted\n", o.hledger);
    for (int i = 0; i < NACCOUNTS; i++) {
        int a = accounts[i];
        fprintf(o.ledger, "    %s:%d  0 SEK = ", root(a), a);
        money(o.ledger, totals[i]);
        fputs(" SEK\n", o.ledger);
        fprintf(o.hledger, "    %s:%d  0 SEK = ", root(a), a);
        money(o.hledger, totals[i]);
        fputs(" SEK\n", o.hledger);
        fprintf(o.bean, "2025-01-01 balance %s:A%d ", root(a), a);
        money(o.bean, totals[i]);
        fputs(" SEK\n", o.bean);
    }
    int bad = ferror(o.sie) | ferror(o.ledger) | ferror(o.hledger) | ferror(o.bean);
    bad |= fclose(o.sie) | fclose(o.ledger) | fclose(o.hledger) | fclose(o.bean);
    return bad ? 1 : 0;
}
