/* Unit tests for ledger: accounts in ranges by prefix, the sign a row's mapping gives
 * an account, and a year file compared with a small ledger: a figure that agrees, one
 * that does not, an account in no line and one in two. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"
#include "ledger.h"
#include "sie_check.h"
#include "sie_read.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

static AccountRange range(const char *lo, const char *hi, int sign)
{
    AccountRange r = {lo, hi, sign, {0}};
    return r;
}

static void test_prefix_ranges(void **state)
{
    (void)state;
    AccountRange r = range("30", "39", 1);
    assert_true(ledger_account_in("3000", &r));
    assert_true(ledger_account_in("301234", &r));  /* Kommun-Bas, six digits */
    assert_true(ledger_account_in("399", &r));
    assert_true(ledger_account_in("3", &r));     /* 30..39 in two digits: all inside */
    assert_false(ledger_account_in("4", &r));
    assert_false(ledger_account_in("4000", &r));
    assert_false(ledger_account_in("2999", &r));
    assert_false(ledger_account_in("30a1", &r));
    assert_false(ledger_account_in("", &r));
    AccountRange four = range("3000", "3999", 1);
    assert_true(ledger_account_in("301", &four));  /* 3010..3019: all inside */
    assert_true(ledger_account_in("39", &four));
    assert_false(ledger_account_in("4", &four));
    AccountRange part = range("3000", "3049", 1);
    assert_false(ledger_account_in("30", &part));  /* 3000..3099: only partly inside */
    assert_true(ledger_account_in("304", &part));
    assert_false(ledger_account_in("305", &part));
    AccountRange one = range("2099", "2099", 1);
    assert_true(ledger_account_in("2099", &one));
    assert_true(ledger_account_in("209912", &one));
    assert_false(ledger_account_in("2098", &one));
}

static void test_signs(void **state)
{
    (void)state;
    AccountRange all = range("30", "39", -1), but = range("3999", "3999", 1);
    LedgerRow row = {0};
    AccountRange *items[] = {&all, &but};
    row.ranges.items = (void **)items;
    row.ranges.len = 2;
    assert_int_equal(ledger_account_sign("3010", &row), -1);
    assert_int_equal(ledger_account_sign("3999", &row), 0);    /* added and taken away */
    assert_int_equal(ledger_account_sign("399901", &row), 0);
    assert_int_equal(ledger_account_sign("4010", &row), 0);
    AccountRange again = range("301", "301", -1);
    AccountRange *twice[] = {&all, &again};
    row.ranges.items = (void **)twice;
    assert_int_equal(ledger_account_sign("3010", &row), -2);   /* counted twice */
    assert_int_equal(ledger_account_sign("3020", &row), -1);
}

static const char *SIE =
    "#FLAGGA 0\n#PROGRAM \"test\" 1\n#FORMAT PC8\n#GEN 20260101\n#SIETYP 4\n"
    "#FNAMN \"Test\"\n#RAR 0 20250101 20251231\n"
    "#KONTO 1930 \"Bank\"\n#KONTO 2099 \"Eget kapital\"\n#KONTO 3010 \"Avgifter\"\n"
    "#KONTO 301234 \"Kommunens avgift\"\n#KONTO 4010 \"Insatser\"\n#KONTO 8310 \"Ranta\"\n"
    "#UB 0 1930 30100.00\n#UB 0 2099 0.00\n"
    "#RES 0 3010 -60000.00\n#RES 0 301234 -40000.00\n#RES 0 4010 70000.00\n"
    "#RES 0 8310 -100.00\n";

static Results *check_ledger(ProgFx *fx, const char *year)
{
    write_file(fx, "bok.se", SIE);
    write_file(fx, "year.fin", year);
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(program_load_ledger(&fx->prog, no_options()), 0);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(program_eval(&fx->prog, &fx->res), 0);
    sentences_render(&fx->res, &fx->prog.arena);
    return &fx->res;
}

static const LedgerFigure *figure_of(const Results *res, const char *row)
{
    for (int i = 0; i < res->ledger.len; i++) {
        const LedgerFigure *f = res->ledger.items[i];
        if (strcmp(f->row->name, row) == 0)
            return f;
    }
    fail_msg("no ledger figure for %s", row);
    return NULL;
}

static void test_compare(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_ledger(fx,
        "report \"R\" { year 2025 ledger \"bok.se\" }\n"
        "accounts income \"RR\" (2025) {\n"
        "  fees \"Avgifter\" | 100 000\n"
        "  costs \"Kostnader\" | -69 000\n"
        "  staff \"Personal\" | -\n"
        "}\n"
        "accounts balance \"BR\" (2025) {\n  cash \"Bank\" | 30 100\n  equity \"EK\" | 0\n}\n"
        "ledger income { fees from -(30) costs from -(40..79) staff from -(40) }\n"
        "ledger balance { cash from 19 equity from -(20) }\n");
    const LedgerFigure *fees = figure_of(res, "fees");
    assert_true(fees->compared && fees->agrees);
    assert_int_equal(fees->nparts, 2);
    assert_string_equal(fees->parts[0].account, "3010");
    assert_string_equal(fees->parts[0].name, "Avgifter");
    assert_int_equal(fees->parts[0].ore, 6000000);
    assert_string_equal(fees->parts[1].account, "301234");
    assert_int_equal(fees->parts[1].ore, 4000000);
    const LedgerFigure *costs = figure_of(res, "costs");
    assert_true(costs->compared && !costs->agrees);
    assert_non_null(costs->finding);
    assert_int_equal(costs->finding->type, FIND_LEDGER);
    assert_true(num_meets(costs->finding->computed.n, num_units(-70000)));
    /* failed: costs, staff (stated - against -70 000), 4010 twice, 8310 in none */
    int in_none = 0, twice = 0;
    for (int i = 0; i < res->failed.len; i++) {
        const Finding *f = res->failed.items[i];
        if (!f->account)
            continue;
        in_none += strcmp(f->account->account, "8310") == 0 && f->noperands == 0;
        twice += strcmp(f->account->account, "4010") == 0 && f->noperands == 2;
    }
    assert_int_equal(in_none, 1);
    assert_int_equal(twice, 1);
    assert_int_equal(res->failed_errors, 4);
}

static void test_no_previous_year_not_run(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_ledger(fx,
        "report \"R\" { year 2025 ledger \"bok.se\" }\n"
        "accounts balance \"BR\" (2025, 2024) {\n  cash \"Bank\" | 30 100 | 20 000\n"
        "  equity \"EK\" | 0 | 0\n}\n"
        "ledger balance { cash from 19 equity from -(20) }\n");
    /* the two 2024 figures and the completeness of 2024 */
    assert_int_equal(res->skipped, 3);
    const NotRun *n = res->not_run.items[0];
    assert_string_equal(n->tag, "ledger");
    assert_non_null(strstr(n->reason, "no year -1"));
}

/* The diagnostics of sie_check on a file of its own, as lines "line:tag:message". */
static char *listed(const Diags *d)
{
    static char out[8192];
    size_t n = 0;
    out[0] = 0;
    for (int i = 0; i < d->list.len && n < sizeof out; i++) {
        const Diag *g = d->list.items[i];
        int line = 0, col = 0;
        if (g->loc.src)
            source_line_col(g->loc.src, g->loc.start, &line, &col);
        n += (size_t)snprintf(out + n, sizeof out - n, "%d:%d:%s:%s:%d\n", line, col,
                              g->tag ? g->tag : "", g->message, g->notes.len);
    }
    return out;
}

/* A ledger read once for its figures and its checks: the check's diagnostics and counts
 * are sie_check's on the same file, the figures those read without a check, and the
 * reader's errors stop the ledger as the reading's own do, in the order they come. */
static void test_read_once(void **state)
{
    ProgFx *fx = *state;
    const char *text =
        "#FLAGGA 0\n#PROGRAM \"test\" 1\n#FORMAT PC8\n#GEN 20260101\n#SIETYP 4\n"
        "#FNAMN \"Test\"\n#RAR 0 20250101 20251231\n#KONTO 1930 \"Bank\"\n"
        "#KONTO 3010 \"Avg\x84" "ft\"\n#IB 0 1930 100.00\n  #UB 0 1930 150.00\n"
        "#RES 0 3010 -60.00\n#VER A 2 20250105\n{\n#TRANS 1930 {} 60.00\n"
        "#TRANS 3010 {} -60.00\n}\n#VER A 1 20250106\n{\n#TRANS 1930 { } 1.00\n}\n";
    const char *path = write_file(fx, "bok.se", text);
    Arena *a = &fx->prog.arena;
    Diags alone, errors, checked, plain;
    diags_init(&alone, a);
    diags_init(&errors, a);
    diags_init(&checked, a);
    diags_init(&plain, a);
    const char *why = NULL;
    SieReader *r = sie_open(path, &alone, &why);
    assert_non_null(r);
    SieSummary want, got;
    sie_check(r, &want);
    sie_close(r);
    Ledger once = {0}, figures = {0};
    assert_int_equal(ledger_read(&once, &errors, path, &why, &checked, &got), 0);
    assert_int_equal(errors.list.len, 0);
    assert_string_equal(listed(&checked), listed(&alone));
    assert_memory_equal(&got, &want, sizeof got);
    assert_true(got.failed > 0 && got.warnings > 0);
    assert_int_equal(ledger_read(&figures, &plain, path, &why, NULL, NULL), 0);
    assert_int_equal(once.naccounts, 2);
    assert_int_equal(figures.naccounts, 2);
    for (int i = 0; i < 2; i++) {
        assert_string_equal(once.accounts[i]->id, figures.accounts[i]->id);
        assert_string_equal(once.accounts[i]->name, figures.accounts[i]->name);
        assert_int_equal(once.accounts[i]->trans, figures.accounts[i]->trans);
        assert_int_equal(once.accounts[i]->ub[0], figures.accounts[i]->ub[0]);
    }
    assert_string_equal(once.accounts[1]->name, "Avg\xc3\xa4" "ft");
    assert_int_equal(once.ntrans, 3);

    /* errors: the reader's (an object list not closed, the checksum) among the
     * reading's own (an amount that is not one), in the order of the file */
    path = write_file(fx, "bad.se",
                      "#FLAGGA 0\n#KSUMMA\n#RAR 0 20250101 20251231\n#UB 0 1930 1,5\n"
                      "#VER A 1 20250105\n{\n#TRANS 1930 {1 \"2\" 10.00\n}\n"
                      "#RES 0 3010 x\n#KSUMMA 1\n");
    Diags e2, c2;
    diags_init(&e2, a);
    diags_init(&c2, a);
    Ledger bad = {0};
    assert_int_equal(ledger_read(&bad, &e2, path, &why, &c2, &got), 5);
    assert_int_equal(e2.errors, 5);
    assert_string_equal(listed(&e2),
                        "4:12::not an amount: an amount is written like -1234.50, with at "
                        "most two decimals:0\n"
                        "7:13::the object list is not closed with '}' on its line:0\n"
                        "7:1::not an amount: an amount is written like -1234.50, with at "
                        "most two decimals:0\n"
                        "9:13::not an amount: an amount is written like -1234.50, with at "
                        "most two decimals:0\n"
                        "10:9:ksumma:the checksum does not match the file: the records since "
                        "line 2 give 1148003127:1\n");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_prefix_ranges),
        cmocka_unit_test(test_signs),
        cmocka_unit_test_setup_teardown(test_compare, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_previous_year_not_run, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_once, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
