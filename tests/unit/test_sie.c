/* Unit tests for sie_read and sie_check: the SIE reader on small inputs, each way real
 * exports break the format tolerated with a warning and the right figures, and each
 * consistency check failing where it should and only there. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "crc32.h"
#include "sie_check.h"
#include "sie_read.h"

/* The records every type 4 file needs, and a chart of two accounts. */
#define HEAD                                                                              \
    "#FLAGGA 0\n#PROGRAM \"test\" 1\n#FORMAT PC8\n#GEN 20250101\n#SIETYP 4\n"              \
    "#FNAMN \"Test AB\"\n#RAR 0 20240101 20241231\n#RAR -1 20230101 20231231\n"             \
    "#KONTO 1930 \"Bank\"\n#KONTO 3010 \"Sales\"\n"

typedef struct {
    Arena arena;
    Diags diags;
    SieSummary sum;
} Run;

static void run_bytes(Run *r, const char *path, const char *text, size_t len)
{
    arena_init(&r->arena);
    diags_init(&r->diags, &r->arena);
    SieReader *rd = sie_open_memory(path, text, len, &r->diags);
    sie_check(rd, &r->sum);
    sie_close(rd);
}

static void run(Run *r, const char *path, const char *text)
{
    run_bytes(r, path, text, strlen(text));
}

static void done(Run *r) { arena_free(&r->arena); }

/* The number of diagnostics of a severity and tag ("" for untagged) at a line (0: any
 * line, -1: about the file as a whole). */
static int count(const Run *r, Severity sev, const char *tag, int line)
{
    int n = 0;
    for (int i = 0; i < r->diags.list.len; i++) {
        const Diag *g = r->diags.list.items[i];
        if (g->severity != sev)
            continue;
        if (*tag ? !g->tag || strcmp(g->tag, tag) != 0 : g->tag != NULL)
            continue;
        int l = -1, c;
        if (g->loc.src)
            source_line_col(g->loc.src, g->loc.start, &l, &c);
        if (line == 0 || l == line)
            n++;
    }
    return n;
}

static bool has_message(const Run *r, const char *part)
{
    for (int i = 0; i < r->diags.list.len; i++) {
        const Diag *g = r->diags.list.items[i];
        if (strstr(g->message, part))
            return true;
    }
    return false;
}

/* ---- values ---- */

static void test_amounts(void **state)
{
    (void)state;
    int64_t v;
    bool padded;
    assert_true(sie_amount("-1234.5", 7, &v, &padded));
    assert_int_equal(v, -123450);
    assert_false(padded);
    assert_true(sie_amount("12", 2, &v, &padded));
    assert_int_equal(v, 1200);
    assert_true(sie_amount("0.05", 4, &v, &padded));
    assert_int_equal(v, 5);
    assert_true(sie_amount("1.000", 5, &v, &padded)); /* zeros past the öre are exact */
    assert_int_equal(v, 100);
    assert_false(sie_amount("1.005", 5, &v, &padded)); /* half an öre: not exact */
    assert_true(sie_amount("  500.00 ", 9, &v, &padded));
    assert_int_equal(v, 50000);
    assert_true(padded);
    assert_false(sie_amount("", 0, &v, &padded));
    assert_false(sie_amount("-", 1, &v, &padded));
    assert_false(sie_amount(".", 1, &v, &padded));
    assert_false(sie_amount("1,50", 4, &v, &padded));
    assert_false(sie_amount("12abc", 5, &v, &padded));
    assert_false(sie_amount("99999999999999999999", 20, &v, &padded)); /* too large */
    assert_true(sie_amount("92233720368547758", 17, &v, &padded));
    assert_int_equal(v, 9223372036854775800);
    /* the quick path's edges (sie_amount), each as the whole reading has it */
    assert_true(sie_amount("12.", 3, &v, &padded));
    assert_int_equal(v, 1200);
    assert_true(sie_amount("+7.1", 4, &v, &padded));
    assert_int_equal(v, 710);
    assert_true(sie_amount("-0", 2, &v, &padded));
    assert_int_equal(v, 0);
    assert_true(sie_amount(".5", 2, &v, &padded));
    assert_int_equal(v, 50);
    assert_false(sie_amount("1.5x", 4, &v, &padded));
    assert_false(sie_amount("1.x", 3, &v, &padded));
    assert_false(sie_amount("--1", 3, &v, &padded));
    assert_true(sie_amount("9999999999999999.99", 19, &v, &padded)); /* 16 digits */
    assert_int_equal(v, 999999999999999999);
    assert_true(sie_amount("-12345678901234567", 18, &v, &padded)); /* 17 */
    assert_int_equal(v, -1234567890123456700);
    assert_true(sie_amount("1.5 ", 4, &v, &padded));
    assert_int_equal(v, 150);
    assert_true(padded);
    assert_true(sie_amount("1.5", 3, &v, &padded));
    assert_false(padded);
}

static void test_dates(void **state)
{
    (void)state;
    int32_t d;
    assert_true(sie_date("20240229", 8, &d));
    assert_int_equal(d, 20240229);
    assert_false(sie_date("20230229", 8, &d));
    assert_false(sie_date("20241301", 8, &d));
    assert_false(sie_date("2024011", 7, &d));
    assert_false(sie_date("-2024011", 8, &d));
}

/* ---- the reader ---- */

static void test_fields(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Diags d;
    diags_init(&d, &a);
    const char *text = "#TRANS 1930 {1 \"45 6\" \"7\" \"x\"} -12.50 20240101 \"say \\\"hi\\\"\" extra\n";
    SieReader *r = sie_open_memory("t.se", text, strlen(text), &d);
    SieRecord rec;
    assert_true(sie_next(r, &rec));
    assert_string_equal(rec.label.text, "#TRANS");
    assert_int_equal(rec.nfields, 6);
    assert_string_equal(rec.fields[0].text, "1930");
    assert_int_equal(rec.fields[1].kind, SIE_LIST);
    assert_int_equal(rec.fields[1].count, 4);
    assert_string_equal(rec.items[rec.fields[1].first + 1].text, "45 6");
    assert_string_equal(rec.items[rec.fields[1].first + 3].text, "x");
    assert_string_equal(rec.fields[2].text, "-12.50");
    assert_int_equal(rec.fields[4].kind, SIE_QUOTED);
    assert_string_equal(rec.fields[4].text, "say \"hi\"");
    assert_int_equal(rec.fields[4].start, 47);
    assert_false(sie_next(r, &rec));
    assert_int_equal(d.list.len, 0);
    sie_close(r);
    arena_free(&a);
}

/* sie_field_amount answers as sie_amount does, for whichever field is asked, again and
 * in turn, and forgets its answer with the record. */
static void test_field_amount(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Diags d;
    diags_init(&d, &a);
    const char *text = "#TRANS 1930 {} \" 12.5\" x\n#TRANS 1930 {} 7\n";
    SieReader *r = sie_open_memory("t.se", text, strlen(text), &d);
    SieRecord rec;
    int64_t v;
    bool padded;
    assert_true(sie_next(r, &rec));
    for (int k = 0; k < 2; k++) {
        assert_true(sie_field_amount(&rec, &rec.fields[2], &v, &padded));
        assert_int_equal(v, 1250);
        assert_true(padded);
        assert_false(sie_field_amount(&rec, &rec.fields[3], &v, &padded));
        assert_true(sie_field_amount(&rec, &rec.fields[0], &v, &padded));
        assert_int_equal(v, 193000);
        assert_false(padded);
    }
    assert_true(sie_next(r, &rec));
    assert_true(sie_field_amount(&rec, &rec.fields[2], &v, &padded));
    assert_int_equal(v, 700);
    assert_false(padded);
    sie_close(r);
    arena_free(&a);
}

/* An object list has no text of its own: its length is 0, whatever field stood in its
 * slot on the line before (a fuzzing finding: a #VER whose series is a list read the
 * previous record's length past the list's empty text). */
static void test_list_field_has_no_text(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Diags d;
    diags_init(&d, &a);
    const char *text = "#VER \"a long series name\" 1 20240105\n#VER {} 1 20240105\n";
    SieReader *r = sie_open_memory("t.se", text, strlen(text), &d);
    SieRecord rec;
    assert_true(sie_next(r, &rec));
    assert_int_equal(rec.fields[0].len, 18);
    assert_true(sie_next(r, &rec));
    assert_int_equal(rec.fields[0].kind, SIE_LIST);
    assert_int_equal(rec.fields[0].len, 0);
    assert_string_equal(rec.fields[0].text, "");
    sie_close(r);
    arena_free(&a);
    Run run_;
    run(&run_, "t.se", HEAD "#VER \"a long series name\" 1 20240105\n{\n}\n"
                       "#VER {} 2 20240105\n{\n}\n");
    done(&run_);
}

/* PC8 (code page 437) is read as UTF-8: "F\x94retag" is "Företag". */
static void test_pc8(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Diags d;
    diags_init(&d, &a);
    const char *text = "#FNAMN \"F\x94retaget \x8F\x8E\x99\"\r\n";
    SieReader *r = sie_open_memory("t.se", text, strlen(text), &d);
    SieRecord rec;
    assert_true(sie_next(r, &rec));
    assert_string_equal(rec.fields[0].text, "F\xC3\xB6retaget \xC3\x85\xC3\x84\xC3\x96");
    assert_int_equal(d.list.len, 0);
    sie_close(r);
    arena_free(&a);
}

/* Inside #KSUMMA a PC8 line is also read raw for the checksum; its fields stay UTF-8
 * (they once came out as the raw bytes: a #KONTO name "F\x94rs\x84kring"). */
static void test_pc8_inside_checksum(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Diags d;
    diags_init(&d, &a);
    const char *text = "#KSUMMA\r\n#KONTO 3011 \"F\x94rs\x84kring\"\r\n";
    SieReader *r = sie_open_memory("t.se", text, strlen(text), &d);
    SieRecord rec;
    assert_true(sie_next(r, &rec));
    assert_true(sie_next(r, &rec));
    assert_string_equal(rec.label.text, "#KONTO");
    assert_string_equal(rec.fields[1].text, "F\xC3\xB6rs\xC3\xA4kring");
    sie_close(r);
    arena_free(&a);
}

static void read_one(const char *text, const char *want, SieDeviation dev)
{
    (void)dev;
    Arena a;
    arena_init(&a);
    Diags d;
    diags_init(&d, &a);
    SieReader *r = sie_open_memory("t.se", text, strlen(text), &d);
    SieRecord rec;
    assert_true(sie_next(r, &rec));
    assert_string_equal(rec.fields[0].text, want);
    assert_int_equal(d.list.len, 1);
    assert_int_equal(((Diag *)d.list.items[0])->severity, SEV_WARNING);
    sie_close(r);
    arena_free(&a);
}

/* UTF-8 or Latin-1 in a file that says PC8: read as what they are, with a warning. */
static void test_utf8_and_latin1(void **state)
{
    (void)state;
    read_one("#FNAMN \"F\xC3\xB6retaget\"\n", "F\xC3\xB6retaget", SIE_DEV_UTF8);
    read_one("#FNAMN \"F\xF6retaget \xC5\xC4\xD6\"\n", "F\xC3\xB6retaget \xC3\x85\xC3\x84\xC3\x96",
             SIE_DEV_LATIN1);
}

/* ---- tolerated deviations: a warning, and the right figures ---- */

/* A file whose vouchers, balances and results agree, with one deviation in it. */
static void assert_tolerated(const char *trans_line, const char *extra_head,
                             const char *warning_part)
{
    char text[2048];
    snprintf(text, sizeof text,
             HEAD "%s#IB 0 1930 100.00\n#UB 0 1930 600.00\n#RES 0 3010 -500.00\n"
                  "#VER A 1 20240105 \"Sale\"\n{\n%s\n#TRANS 3010 {} -500.00\n}\n",
             extra_head, trans_line);
    Run r;
    run(&r, "t.se", text);
    assert_int_equal(r.sum.failed, 0);
    assert_int_equal(r.sum.input_errors, 0);
    assert_true(r.sum.checks > 0);
    assert_int_equal(r.sum.rows, 2);
    assert_int_equal(r.sum.warnings, 1);
    assert_true(has_message(&r, warning_part));
    done(&r);
}

static void test_deviations(void **state)
{
    (void)state;
    assert_tolerated("  #TRANS 1930 {} 500.00", "", "does not start its line");
    assert_tolerated("#TRANS 1930 { } 500.00", "", "without spaces");
    assert_tolerated("#TRANS 1930 {1\t\"2\"} 500.00", "", "a tab inside an object list");
    assert_tolerated("#TRANS 1930 {1 2} 500.00", "", "without quotes");
    assert_tolerated("#TRANS 1930 {} \"  500.00\"", "", "spaces inside its quotes");
    assert_tolerated("#TRANS 1930 {} 500.00", "#ORGNR \"\"\n", "without an organisation");
    assert_tolerated("#TRANS 1930 {} 500.00 20240105 \"open", "", "not closed");
    /* quoted object ids and dimensions are what the format writes: no warning */
    Run r;
    run(&r, "t.se",
        HEAD "#IB 0 1930 100.00\n#UB 0 1930 600.00\n#RES 0 3010 -500.00\n"
             "#VER A 1 20240105\n{\n#TRANS 1930 {\"1\" \"2\"} 500\n#TRANS 3010 {} -500\n}\n");
    assert_int_equal(r.sum.failed, 0);
    assert_int_equal(r.sum.warnings, 0);
    done(&r);
}

static void test_empty_series_and_long_account(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        HEAD "#KONTO 193010 \"Bank, long\"\n#IB 0 193010 0\n#UB 0 193010 500.00\n"
             "#RES 0 3010 -500.00\n#VER \"\" 1 20240105\n{\n#TRANS 193010 {} 500.00\n"
             "#TRANS 3010 {} -500.00\n}\n");
    assert_int_equal(r.sum.failed, 0);
    assert_int_equal(r.sum.warnings, 2);
    assert_true(has_message(&r, "without a series"));
    assert_true(has_message(&r, "longer than four digits"));
    done(&r);
}

/* A deviation seen on many lines is warned about once, with the count. */
static void test_deviation_counted(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        HEAD "#UB 0 1930 0\n#VER A 1 20240105\n{\n  #TRANS 1930 {} 5\n  #TRANS 1930 {} -5\n"
             "}\n");
    assert_int_equal(r.sum.warnings, 1);
    const Diag *g = r.diags.list.items[0];
    assert_int_equal(g->notes.len, 1);
    assert_string_equal(g->notes.items[0], "2 lines in all are like it");
    done(&r);
}

/* #BTRANS is a row taken away, #RTRANS a row added and followed by the same #TRANS:
 * each row counts once. */
static void test_rtrans_btrans(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        HEAD "#IB 0 1930 0\n#UB 0 1930 500.00\n#RES 0 3010 -500.00\n"
             "#VER A 1 20240105\n{\n#BTRANS 1930 {} 1000.00\n#RTRANS 1930 {} 500.00\n"
             "#TRANS 1930 {} 500.00\n#TRANS 3010 {} -500.00\n}\n");
    assert_int_equal(r.sum.failed, 0);
    assert_int_equal(r.sum.rows, 2);
    done(&r);
    /* an #RTRANS alone is the row added: counted, with a warning */
    run(&r, "t.se",
        HEAD "#IB 0 1930 0\n#UB 0 1930 500.00\n#RES 0 3010 -500.00\n"
             "#VER A 1 20240105\n{\n#RTRANS 1930 {} 500.00\n#TRANS 3010 {} -500.00\n}\n");
    assert_int_equal(r.sum.failed, 0);
    assert_int_equal(r.sum.rows, 2);
    assert_int_equal(r.sum.warnings, 1);
    done(&r);
    /* the same, the #RTRANS last in its voucher */
    run(&r, "t.se",
        HEAD "#IB 0 1930 0\n#UB 0 1930 500.00\n#RES 0 3010 -500.00\n"
             "#VER A 1 20240105\n{\n#TRANS 3010 {} -500.00\n#RTRANS 1930 {} 500.00\n}\n");
    assert_int_equal(r.sum.failed, 0);
    assert_int_equal(r.sum.rows, 2);
    assert_int_equal(r.sum.warnings, 1);
    done(&r);
}

/* A second #UB for an account and year: the first counts, with a warning. */
static void test_second_balance(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        HEAD "#UB 0 1930 5\n#UB 0 1930 7\n#VER A 1 20240105\n{\n#TRANS 1930 {} 5\n"
             "#TRANS 3010 {} -5\n}\n#RES 0 3010 -5\n");
    assert_int_equal(r.sum.failed, 0);
    assert_int_equal(count(&r, SEV_WARNING, "format", 12), 1);
    done(&r);
}

/* ---- the checks ---- */

static void test_balanced_file(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        HEAD "#IB 0 1930 100.00\n#UB 0 1930 600.00\n#RES 0 3010 -500.00\n"
             "#VER A 1 20240105 \"Sale\"\n{\n#TRANS 1930 {} 500.00\n#TRANS 3010 {} -500.00\n}\n"
             "#VER A 2 20240106\n{\n#TRANS 1930 {} 1.25\n#TRANS 1930 {} -1.25\n}\n");
    assert_int_equal(r.sum.failed, 0);
    assert_int_equal(r.sum.warnings, 0);
    assert_int_equal(r.sum.vouchers, 2);
    assert_int_equal(r.sum.rows, 4);
    assert_int_equal(r.sum.accounts, 2);
    assert_string_equal(r.sum.type, "4E");
    assert_int_equal(r.sum.kinds[SIE_CHECK_VOUCHER].runs, 2);
    assert_int_equal(r.sum.kinds[SIE_CHECK_BALANCE].runs, 1);
    assert_int_equal(r.sum.kinds[SIE_CHECK_RESULT].runs, 1);
    assert_int_equal(r.sum.kinds[SIE_CHECK_SERIES].runs, 1);
    assert_int_equal(r.sum.kinds[SIE_CHECK_LEDGER].runs, 1);
    done(&r);
}

static void test_unbalanced_voucher(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        HEAD "#IB 0 1930 100.00\n#UB 0 1930 600.00\n#RES 0 3010 -500.00\n"
             "#VER A 1 20240105 \"Sale\"\n{\n#TRANS 1930 {} 500.00\n#TRANS 3010 {} -499.99\n}\n");
    assert_int_equal(count(&r, SEV_ERROR, "voucher", 14), 1);
    assert_true(has_message(&r, "add up to 0.01, not 0"));
    /* and the result account's #RES no longer is its transactions */
    assert_int_equal(count(&r, SEV_ERROR, "result", 13), 1);
    assert_int_equal(r.sum.failed, 2);
    done(&r);
}

static void test_closing_balance(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        HEAD "#IB 0 1930 100.00\n#UB 0 1930 601.00\n#RES 0 3010 -500.00\n"
             "#VER A 1 20240105\n{\n#TRANS 1930 {} 500.00\n#TRANS 3010 {} -500.00\n}\n");
    assert_int_equal(count(&r, SEV_ERROR, "balance", 12), 1);
    assert_true(has_message(&r, "the closing balance is 601.00"));
    assert_int_equal(count(&r, SEV_ERROR, "ledger", -1), 1);
    assert_int_equal(r.sum.failed, 2);
    done(&r);
}

static void test_series(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        HEAD "#VER A 2 20240105\n{\n}\n#VER A 2 20240105\n{\n}\n#VER A 1 20240105\n{\n}\n"
             "#VER B 1 20240105\n{\n}\n");
    assert_int_equal(count(&r, SEV_WARNING, "series", 14), 1);
    assert_int_equal(count(&r, SEV_ERROR, "series", 17), 1);
    assert_int_equal(r.sum.kinds[SIE_CHECK_SERIES].failed, 1);
    done(&r);
}

static void test_mandatory_and_years(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se", "#FLAGGA 0\n#SIETYP 1\n#RAR 0 20240101 20241231\n#RAR -1 20230101 20231130\n");
    assert_int_equal(r.sum.kinds[SIE_CHECK_MANDATORY].failed, 5); /* PROGRAM FORMAT GEN FNAMN KONTO */
    assert_true(has_message(&r, "the file has no #FNAMN record"));
    assert_int_equal(count(&r, SEV_ERROR, "years", 4), 1);
    assert_true(r.sum.kinds[SIE_CHECK_VOUCHER].not_run);
    assert_true(r.sum.kinds[SIE_CHECK_BALANCE].not_run);
    done(&r);
}

/* A type 1 file: the ledger's change and results are compared, the rest not run. */
static void test_type1(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        "#FLAGGA 0\n#PROGRAM p 1\n#FORMAT PC8\n#GEN 20250101\n#SIETYP 1\n#FNAMN f\n"
        "#RAR 0 20240101 20241231\n#KONTO 1930 Bank\n#KONTO 3010 Sales\n"
        "#IB 0 1930 100\n#UB 0 1930 600\n#RES 0 3010 -499\n");
    assert_string_equal(r.sum.type, "1");
    assert_int_equal(count(&r, SEV_ERROR, "ledger", -1), 1);
    assert_true(has_message(&r, "add up to 1.00, not 0"));
    assert_int_equal(r.sum.kinds[SIE_CHECK_BALANCE].runs, 0);
    done(&r);
}

static void test_chart(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se",
        HEAD "#VER A 1 20240105\n{\n#TRANS 1930 {} 5\n#TRANS FEL {} -5\n}\n");
    assert_int_equal(count(&r, SEV_ERROR, "chart", 14), 1);
    done(&r);
}

/* A figure that cannot be read is an error in the input, at its place. */
static void test_input_errors(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se", HEAD "#VER A 1 20240105\n{\n#TRANS 1930 {} 5,00\n#TRANS 3010 {} -5\n");
    assert_int_equal(r.sum.input_errors, 2); /* the amount, and the voucher never closed */
    assert_int_equal(count(&r, SEV_ERROR, "", 13), 1);
    /* no figure guessed: the voucher and the account with the unread amount are not checked */
    assert_int_equal(count(&r, SEV_ERROR, "voucher", 0), 0);
    assert_int_equal(count(&r, SEV_ERROR, "balance", 0), 0);
    assert_int_equal(count(&r, SEV_ERROR, "ledger", 0), 0);
    done(&r);
}

/* A file without one record is not an SIE file: one error in the input, and nothing
 * said of the records it lacks (a list of missing #FLAGGA, #PROGRAM, ... hid the point). */
static void test_not_an_sie_file(void **state)
{
    (void)state;
    Run r;
    run(&r, "konton.csv", "konto;namn\n1930;Bank\n\n");
    assert_int_equal(r.sum.input_errors, 1);
    assert_true(has_message(&r, "not an SIE file: not one of its 3 lines is a record"));
    assert_int_equal(count(&r, SEV_ERROR, "mandatory", 0), 0);
    assert_int_equal(r.sum.lines, 3);
    done(&r);

    run(&r, "tom.se", "");
    assert_int_equal(r.sum.input_errors, 1);
    assert_true(has_message(&r, "not an SIE file: it is empty"));
    assert_int_equal(count(&r, SEV_ERROR, "mandatory", 0), 0);
    done(&r);

    /* the same after a NUL byte, which ends the reading */
    static const char nul[] = "#FLAGGA 0\n\0abc\n";
    run_bytes(&r, "nul.se", nul, sizeof nul - 1);
    assert_int_equal(r.sum.input_errors, 1);
    assert_true(has_message(&r, "line 2 holds a NUL byte"));
    assert_int_equal(count(&r, SEV_ERROR, "mandatory", 0), 0);
    done(&r);

    /* a finsam file: its '#' lines are comments, its first record no SIE label; said
     * once, without how its lines deviate from the format or what it lacks */
    run(&r, "2025.fin", "# Årsredovisning 2025\n\nreport \"2025\" {\n    year 2025\n}\n");
    assert_int_equal(r.sum.input_errors, 1);
    assert_true(has_message(&r, "not an SIE file: its first record is no SIE label"));
    assert_int_equal(r.diags.list.len, 1);
    done(&r);
    run(&r, "t.se", "{\n#FLAGGA 0\n}\n");
    assert_true(has_message(&r, "its first record is no SIE label"));
    done(&r);
    /* a label in small letters opens one: a reader passes over labels it does not know */
    run(&r, "t.se", "#flagga 0\n" HEAD);
    assert_false(has_message(&r, "not an SIE file"));
    done(&r);

    /* a file whose records end before its last lines counts all its lines */
    run(&r, "t.se", HEAD "\n\n");
    assert_int_equal(r.sum.input_errors, 0);
    assert_int_equal(r.sum.lines, 12);
    done(&r);
}

/* #KSUMMA: CRC-32 of the labels and fields between, without separators and quotes. */
static void test_checksum(void **state)
{
    (void)state;
    const char *body = "#FNAMN \"Test AB\"\n#KONTO 1930 \"Bank\"\n";
    uLong crc = crc32(0L, Z_NULL, 0);
    const char *parts[] = {"#FNAMN", "Test AB", "#KONTO", "1930", "Bank"};
    for (size_t i = 0; i < 5; i++)
        crc = crc32(crc, (const Bytef *)parts[i], (uInt)strlen(parts[i]));
    char text[512];
    snprintf(text, sizeof text, "#KSUMMA\n%s#KSUMMA %lu\n", body, (unsigned long)crc);
    Run r;
    run(&r, "t.si", text);
    assert_int_equal(count(&r, SEV_ERROR, "ksumma", 0), 0);
    assert_int_equal(r.sum.kinds[SIE_CHECK_CHECKSUM].runs, 1);
    assert_int_equal(r.sum.kinds[SIE_CHECK_CHECKSUM].failed, 0);
    done(&r);
    snprintf(text, sizeof text, "#KSUMMA\n%s#KSUMMA %lu\n", body, (unsigned long)crc + 1);
    run(&r, "t.si", text);
    assert_int_equal(count(&r, SEV_ERROR, "ksumma", 4), 1);
    assert_int_equal(r.sum.kinds[SIE_CHECK_CHECKSUM].failed, 1);
    done(&r);
    snprintf(text, sizeof text, "#KSUMMA\n%s", body);
    run(&r, "t.si", text);
    assert_int_equal(count(&r, SEV_ERROR, "ksumma", -1), 1);
    done(&r);
}

/* #KSUMMA's CRC-32 is zlib's, byte for byte: every byte a field can hold, the high ones
 * in the file's own bytes (PC8, not the UTF-8 read), an object list's items, an escaped
 * quote without its backslash; and the sum told when it does not match is zlib's too. */
static void test_checksum_bytes(void **state)
{
    (void)state;
    char name[256], raw[256];
    size_t n = 0, m = 0;
    for (int c = 0x20; c < 0x100; c++) {
        if (c == '"' || c == '\\')
            continue;
        name[n++] = (char)c;
        raw[m++] = (char)c;
    }
    name[n++] = '\\', name[n++] = '"', raw[m++] = '"'; /* \" is a quote */
    name[n] = raw[m] = 0;
    char body[1024];
    snprintf(body, sizeof body, "#KONTO 1930 \"%s\"\n#TRANS 1930 {1 \"a b\" 7 \"\"} 1.50\n",
             name);
    uLong crc = crc32(0L, Z_NULL, 0);
    const char *parts[] = {"#KONTO", "1930", raw, "#TRANS", "1930", "1", "a b", "7", "", "1.50"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        crc = crc32(crc, (const Bytef *)parts[i], (uInt)strlen(parts[i]));
    char text[2048], want[128];
    snprintf(text, sizeof text, "#KSUMMA\n%s#KSUMMA %lu\n", body, (unsigned long)crc);
    Run r;
    run(&r, "t.si", text);
    assert_int_equal(count(&r, SEV_ERROR, "ksumma", 0), 0);
    assert_int_equal(r.sum.kinds[SIE_CHECK_CHECKSUM].runs, 1);
    done(&r);
    snprintf(text, sizeof text, "#KSUMMA\n%s#KSUMMA 1\n", body);
    run(&r, "t.si", text);
    snprintf(want, sizeof want, "the records since line 1 give %lu", (unsigned long)crc);
    assert_true(has_message(&r, want));
    done(&r);
}

/* A line in Latin-1 (every high byte a letter of Latin-1's upper half) sums as the
 * file's own bytes too, in a field, an object list's item and an escaped quote. */
static void test_checksum_latin1(void **state)
{
    (void)state;
    char name[128], raw[128];
    size_t n = 0;
    for (int c = 0xC0; c < 0x100; c++)
        name[n] = raw[n] = (char)c, n++;
    name[n] = raw[n] = 0;
    char body[512];
    snprintf(body, sizeof body, "#KONTO 3011 \"%s \\\"x\"\n#TRANS 3011 {1 \"\xe5\xe4\"} 1\n",
             name);
    char quoted_raw[160];
    snprintf(quoted_raw, sizeof quoted_raw, "%s \"x", raw);
    uLong crc = crc32(0L, Z_NULL, 0);
    const char *parts[] = {"#KONTO", "3011", quoted_raw, "#TRANS", "3011", "1", "\xe5\xe4", "1"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        crc = crc32(crc, (const Bytef *)parts[i], (uInt)strlen(parts[i]));
    char text[1024];
    snprintf(text, sizeof text, "#KSUMMA\n%s#KSUMMA %lu\n", body, (unsigned long)crc);
    Run r;
    run(&r, "t.si", text);
    assert_int_equal(count(&r, SEV_ERROR, "ksumma", 0), 0);
    assert_int_equal(r.sum.kinds[SIE_CHECK_CHECKSUM].runs, 1);
    assert_true(has_message(&r, "the line is in Latin-1, not in PC8 as the SIE format "
                                "prescribes; read as Latin-1"));
    done(&r);
}

/* crc32_add is zlib's crc32 at every length and alignment (eight bytes at a time, then
 * one at a time), and a record longer than the checksum's buffer (sum_add) sums as
 * zlib does too. */
static void test_crc32(void **state)
{
    (void)state;
    unsigned char buf[300];
    uint32_t x = 12345;
    for (size_t i = 0; i < sizeof buf; i++) {
        x = x * 1103515245u + 12345u;
        buf[i] = (unsigned char)(x >> 16);
    }
    for (size_t at = 0; at < 8; at++)
        for (size_t n = 0; at + n <= sizeof buf; n += n < 40 ? 1 : 37) {
            uLong want = crc32(crc32(0L, Z_NULL, 0), buf + at, (uInt)n);
            assert_int_equal(crc32_add(0xFFFFFFFFu, buf + at, n) ^ 0xFFFFFFFFu, want);
        }
    char name[700], text[2048];
    for (size_t i = 0; i < 600; i++)
        name[i] = (char)('a' + i % 26);
    name[600] = 0;
    uLong crc = crc32(0L, Z_NULL, 0);
    const char *parts[] = {"#KONTO", "1930", name, "#KONTO", "1931", "B"};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        crc = crc32(crc, (const Bytef *)parts[i], (uInt)strlen(parts[i]));
    snprintf(text, sizeof text, "#KSUMMA\n#KONTO 1930 \"%s\"\n#KONTO 1931 B\n#KSUMMA %lu\n",
             name, (unsigned long)crc);
    Run r;
    run(&r, "t.si", text);
    assert_int_equal(count(&r, SEV_ERROR, "ksumma", 0), 0);
    assert_int_equal(r.sum.kinds[SIE_CHECK_CHECKSUM].runs, 1);
    done(&r);
}

/* A line quoted in a message keeps its number in the file. */
static void test_diagnostic_line(void **state)
{
    (void)state;
    Run r;
    run(&r, "t.se", HEAD "#VER A 1 20240105\n{\n#TRANS 1930 {} 5\n}\n");
    const Diag *g = NULL;
    for (int i = 0; i < r.diags.list.len; i++)
        if (((Diag *)r.diags.list.items[i])->tag &&
            strcmp(((Diag *)r.diags.list.items[i])->tag, "voucher") == 0)
            g = r.diags.list.items[i];
    assert_non_null(g);
    int line, col;
    source_line_col(g->loc.src, g->loc.start, &line, &col);
    assert_int_equal(line, 11);
    assert_int_equal(col, 1);
    size_t len;
    const char *text = source_line(g->loc.src, 11, &len);
    assert_int_equal(len, strlen("#VER A 1 20240105"));
    assert_memory_equal(text, "#VER A 1 20240105", len);
    done(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_amounts),
        cmocka_unit_test(test_dates),
        cmocka_unit_test(test_fields),
        cmocka_unit_test(test_list_field_has_no_text),
        cmocka_unit_test(test_pc8),
        cmocka_unit_test(test_pc8_inside_checksum),
        cmocka_unit_test(test_utf8_and_latin1),
        cmocka_unit_test(test_deviations),
        cmocka_unit_test(test_empty_series_and_long_account),
        cmocka_unit_test(test_deviation_counted),
        cmocka_unit_test(test_rtrans_btrans),
        cmocka_unit_test(test_second_balance),
        cmocka_unit_test(test_balanced_file),
        cmocka_unit_test(test_unbalanced_voucher),
        cmocka_unit_test(test_closing_balance),
        cmocka_unit_test(test_series),
        cmocka_unit_test(test_mandatory_and_years),
        cmocka_unit_test(test_type1),
        cmocka_unit_test(test_chart),
        cmocka_unit_test(test_input_errors),
        cmocka_unit_test(test_not_an_sie_file),
        cmocka_unit_test(test_checksum),
        cmocka_unit_test(test_checksum_bytes),
        cmocka_unit_test(test_checksum_latin1),
        cmocka_unit_test(test_crc32),
        cmocka_unit_test(test_field_amount),
        cmocka_unit_test(test_diagnostic_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
