/* Unit tests for what the writers share and for the ledger section, each against a
 * small model built by hand (no SIE file is read): the table of formats (formats.c),
 * the ledger's figures in the text, Markdown and HTML reports and in check --verbose
 * (render_ledger_account, render_ledger_amount), and the escapers of text, which are
 * one loop (utf8_write) with a rule per format. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "mem.h"
#include "model.h"
#include "render.h"
#include "utf8.h"
#include "write_html.h"
#include "write_report.h"
#include "write_text.h"
#include "xml.h"

/* ---- a model with one ledger figure ------------------------------------------------ */

typedef struct {
    Program prog;
    Table table;
    Row *row; /* apart: a row ends in its cells */
    Column column;
    LedgerPart parts[2];
    LedgerFigure figure;
    const LedgerFigure *list[1];
    Model m;
} LedgerFx;

/* income.fees in 2025: 100 000 kr in the ledger, from account 3010 (named) and 3020
 * (not), which the stated figure does not agree with. */
static int ledger_setup(void **state)
{
    LedgerFx *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    fx->table.name = "income";
    fx->row = calloc(1, sizeof *fx->row);
    if (!fx->row) {
        free(fx);
        return -1;
    }
    fx->row->name = "fees";
    fx->column.key.year = 2025;
    fx->parts[0] = (LedgerPart){"3010", "Medlemsavgifter", 6000000, {0}};
    fx->parts[1] = (LedgerPart){"3020", NULL, 4000000, {0}};
    fx->figure = (LedgerFigure){.table = &fx->table, .row = fx->row, .column = &fx->column,
                                .figure = value_number(K_MONEY, U_KR,
                                                       num_exact(100000LL * 1000000)),
                                .parts = fx->parts, .nparts = 2, .compared = true,
                                .agrees = false};
    fx->list[0] = &fx->figure;
    arena_init(&fx->m.arena);
    fx->m.prog = &fx->prog;
    fx->m.path = "year.fin";
    fx->m.title = "R";
    fx->m.year = 2025;
    fx->m.ledger = fx->list;
    fx->m.nledger = 1;
    *state = fx;
    return 0;
}

static int ledger_teardown(void **state)
{
    LedgerFx *fx = *state;
    arena_free(&fx->m.arena);
    free(fx->row);
    free(fx);
    return 0;
}

/* What a writer of the model writes, as a malloc'ed string. */
static char *written(void (*write)(FILE *, const Model *), const Model *m)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    write(f, m);
    fclose(f);
    return buf;
}

static void text_report(FILE *out, const Model *m) { write_report(out, m, REPORT_TEXT); }
static void markdown_report(FILE *out, const Model *m) { write_report(out, m, REPORT_MARKDOWN); }

static void ledger_in_the_text_report(void **state)
{
    LedgerFx *fx = *state;
    char *s = written(text_report, &fx->m);
    assert_non_null(strstr(s, "\nThe ledger\n"
                              "  income.fees, 2025: 100 000 kr, differs from the stated figure\n"
                              "      3010 (Medlemsavgifter) 60 000 kr\n"
                              "      3020 40 000 kr\n"));
    free(s);
}

static void ledger_in_the_markdown_report(void **state)
{
    LedgerFx *fx = *state;
    fx->parts[0].name = "Avgifter *netto*"; /* Markdown's markup, escaped */
    char *s = written(markdown_report, &fx->m);
    assert_non_null(strstr(s, "\n## The ledger\n\n"
                              "- income.fees, 2025: 100 000 kr, differs from the stated figure\n"
                              "  - 3010 (Avgifter \\*netto\\*) 60 000 kr\n"
                              "  - 3020 40 000 kr\n"));
    free(s);
}

static void ledger_in_the_html_report(void **state)
{
    LedgerFx *fx = *state;
    fx->parts[0].name = "<b>&";
    fx->parts[1].ore = -4000000; /* the minus sign as the page writes it */
    char *s = written(write_html, &fx->m);
    assert_non_null(strstr(s, "<a href=\"#ledger\">The ledger</a>"));
    assert_non_null(strstr(s, "<section class=\"ledger\" id=\"ledger\">\n<h2>The ledger</h2>\n"));
    assert_non_null(strstr(s, "<li class=\"ledger-item differs\"><p><code class=\"name\">"
                              "income.fees</code>, 2025: <b>100 000 kr</b>, differs from the "
                              "stated figure</p>\n"));
    assert_non_null(strstr(s, "<p class=\"why\">3010 (&lt;b&gt;&amp;) 60 000 kr</p>\n"));
    assert_non_null(strstr(s, "<p class=\"why\">3020 \xE2\x88\x92" "40 000 kr</p>\n"));
    free(s);
}

static void ledger_in_check_verbose(void **state)
{
    LedgerFx *fx = *state;
    fx->figure.agrees = true;
    char *s = written(write_ledger, &fx->m);
    assert_string_equal(s, "ledger: income.fees, 2025: 100 000 kr, agrees with the stated "
                           "figure\n"
                           "    3010 (Medlemsavgifter) 60 000 kr, -\n"
                           "    3020 40 000 kr, -\n");
    free(s);
}

static void no_ledger_no_section(void **state)
{
    LedgerFx *fx = *state;
    fx->m.nledger = 0;
    char *s = written(text_report, &fx->m);
    assert_null(strstr(s, "The ledger"));
    free(s);
    s = written(write_html, &fx->m);
    assert_null(strstr(s, "id=\"ledger\""));
    free(s);
}

/* ---- the table of formats ------------------------------------------------------------ */

static void every_format_has_a_writer_for_each_command(void **state)
{
    (void)state;
    const char *names[] = {"text", "markdown", "html", "json", "csv", "junit", "tap"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const Format *f = format_named(names[i]);
        assert_non_null(f);
        assert_string_equal(f->name, names[i]);
        /* the text of check and sie is theirs; every other format has its writer */
        if (f->commands & 1u << CMD_REPORT)
            assert_true(f->report || f->table);
        if (f->commands & 1u << CMD_CHECK)
            assert_true(f->text || f->check);
        if (f->commands & 1u << CMD_SIE)
            assert_true(f->text || f->sie);
        assert_false(f->commands & 1u << CMD_RULES);
    }
    assert_null(format_named("pdf"));
    assert_null(format_named(""));
    assert_string_equal(format_default()->name, "text");
    assert_true(format_default()->text);
    /* CSV writes a table at a time: --table and --excel are for it alone */
    assert_non_null(format_named("csv")->table);
    assert_null(format_named("html")->table);
}

static void format_names_list_a_commands_formats(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    assert_string_equal(format_names(&a, CMD_REPORT), "text, markdown, html, json or csv");
    assert_string_equal(format_names(&a, CMD_CHECK), "text, json, junit or tap");
    assert_string_equal(format_names(&a, CMD_SIE), "text, json, junit or tap");
    assert_string_equal(format_names(&a, CMD_RULES), "");
    arena_free(&a);
}

/* finsam --help's --format lines come from the table: commands with the same formats
 * share a line, the default is marked, and a line wraps under its indent. */
static void format_help_from_the_table(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    assert_string_equal(format_help(&a, 21),
                        "check, sie: text (the default), json, junit or tap;\n"
                        "                     report: text (the default), markdown, html, json or csv");
    /* at a deep indent, the report's line wraps at a space, within 80 columns */
    const char *deep = format_help(&a, 40);
    const char *nl = strchr(strchr(deep, '\n') + 1, '\n');
    assert_non_null(nl);
    for (const char *line = deep; line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        assert_true(len + (line == deep ? 40 : 0) <= 80);
    }
    arena_free(&a);
}

/* The summary line names the ledger's own checks among all of them, and the ledger
 * whole, however long its name (it was cut at about 450 bytes, mid-character too). */
static void summary_names_the_ledgers_checks(void **state)
{
    (void)state;
    ModelSummary s = {.checks = 1171, .ledger_checks = 685, .ledger = "bokforing-2025.se"};
    char *text = render_summary_checks(&s);
    assert_string_equal(text, "1171 checks (685 of them in the ledger bokforing-2025.se)");
    mem_free(text);
    char name[2 * 400 + 4] = "";
    for (int i = 0; i < 400; i++)
        memcpy(name + 2 * i, "å", 2);
    memcpy(name + 800, ".se", 4);
    s.ledger = name;
    text = render_summary_checks(&s);
    assert_int_equal(strlen(text), strlen("1171 checks (685 of them in the ledger )") + 803);
    mem_free(text);
    s.ledger = NULL;
    text = render_summary_checks(&s);
    assert_string_equal(text, "1171 checks (685 of them in ledgers)");
    mem_free(text);
    s = (ModelSummary){.checks = 1};
    text = render_summary_checks(&s);
    assert_string_equal(text, "1 check");
    mem_free(text);
}

/* ---- text escaped for a format ------------------------------------------------------- */

typedef void (*Put)(FILE *, const char *);

static char *put_into(Put put, const char *s)
{
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    assert_non_null(f);
    put(f, s);
    fclose(f);
    return buf;
}

static void utf8_decodes_one_character(void **state)
{
    (void)state;
    uint32_t cp;
    assert_int_equal(utf8_decode((const unsigned char *)"a", 1, &cp), 1);
    assert_int_equal(cp, 'a');
    assert_int_equal(utf8_decode((const unsigned char *)"\xC3\xA5", 2, &cp), 2);
    assert_int_equal(cp, 0xE5);
    assert_int_equal(utf8_decode((const unsigned char *)"\xE2\x88\x92", 3, &cp), 3);
    assert_int_equal(cp, 0x2212);
    assert_int_equal(utf8_decode((const unsigned char *)"\xF0\x9F\x98\x80", 4, &cp), 4);
    assert_int_equal(cp, 0x1F600);
    /* cut short, a NUL inside, overlong, a surrogate, beyond U+10FFFF, a lone byte */
    assert_int_equal(utf8_decode((const unsigned char *)"\xC3\xA5", 1, &cp), 0);
    assert_int_equal(utf8_decode((const unsigned char *)"\xE2\0\x92", 3, &cp), 0);
    assert_int_equal(utf8_decode((const unsigned char *)"\xC0\x80", 2, &cp), 0);
    assert_int_equal(utf8_decode((const unsigned char *)"\xED\xA0\x80", 3, &cp), 0);
    assert_int_equal(utf8_decode((const unsigned char *)"\xF4\x90\x80\x80", 4, &cp), 0);
    assert_int_equal(utf8_decode((const unsigned char *)"\xFF", 1, &cp), 0);
    assert_int_equal(utf8_decode((const unsigned char *)"", 0, &cp), 0);
}

static void xml_text_and_line(void **state)
{
    (void)state;
    char *s = put_into(xml_text, "a<b>&\"'\n\x1b\xFF\xEF\xBF\xBE");
    /* markup as entities, a line end kept, ESC as '?', a byte not UTF-8 and U+FFFE
     * as U+FFFD */
    assert_string_equal(s, "a&lt;b&gt;&amp;&quot;&apos;\n?\xEF\xBF\xBD\xEF\xBF\xBD");
    free(s);
    s = put_into(xml_line, "Å<\n\t\xC2\x85z\xFF");
    /* one line: the line end and a C1 control as '?', the tab kept */
    assert_string_equal(s, "Å&lt;?\t?z\xEF\xBF\xBD");
    free(s);
}

static void tap_line_has_no_directive(void **state)
{
    (void)state;
    char *s = put_into(render_tap, "a # b\nc\x1b[5m");
    assert_string_equal(s, "a / b?c?[5m");
    free(s);
}

static void ledger_account_escaped_by_its_writer(void **state)
{
    (void)state;
    LedgerPart p = {"1930", "Bank\x1b", -123456, {0}}; /* öre */
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    render_ledger_account(f, &p, render_plain);
    fclose(f);
    assert_string_equal(buf, "1930 (Bank?)");
    free(buf);
    char amount[VALUE_FMT_MAX];
    assert_string_equal(render_ledger_amount(&p, amount), "-1 234,56 kr");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(ledger_in_the_text_report, ledger_setup,
                                        ledger_teardown),
        cmocka_unit_test_setup_teardown(ledger_in_the_markdown_report, ledger_setup,
                                        ledger_teardown),
        cmocka_unit_test_setup_teardown(ledger_in_the_html_report, ledger_setup,
                                        ledger_teardown),
        cmocka_unit_test_setup_teardown(ledger_in_check_verbose, ledger_setup, ledger_teardown),
        cmocka_unit_test_setup_teardown(no_ledger_no_section, ledger_setup, ledger_teardown),
        cmocka_unit_test(every_format_has_a_writer_for_each_command),
        cmocka_unit_test(format_names_list_a_commands_formats),
        cmocka_unit_test(format_help_from_the_table),
        cmocka_unit_test(summary_names_the_ledgers_checks),
        cmocka_unit_test(utf8_decodes_one_character),
        cmocka_unit_test(xml_text_and_line),
        cmocka_unit_test(tap_line_has_no_directive),
        cmocka_unit_test(ledger_account_escaped_by_its_writer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
