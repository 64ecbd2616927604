/* Unit tests for model: a checked program as the reports show it (headings outermost
 * first and empty ones kept, cells flagged, findings numbered once on the page, the
 * checks' outcomes), and for the writers that read it, each against a small model. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"
#include "model.h"
#include "write_csv.h"
#include "write_html.h"
#include "write_report.h"
#include "write_rules.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

static const char BALANCE[] =
    "report \"R\" { year 2025 }\n"
    "accounts balance \"Balansräkning\" (2025, 2024) {\n"
    "    section assets \"Tillgångar\" {\n"
    "        section fixed \"Anläggningstillgångar\" {\n"
    "        }\n"
    "        section current \"Omsättningstillgångar\" {\n"
    "            receivables \"Fordringar\"        |  30 |  40\n"
    "            cash        \"Kassa\"             |  70 |  60\n"
    "            total \"Summa\" = sum              | 101 | 100\n"
    "        }\n"
    "    }\n"
    "    section debts \"Skulder\" {\n"
    "        short \"Kortfristiga\"                |  5 |\n"
    "    }\n"
    "}\n"
    "check small \"Skulderna är små\" error:\n"
    "    balance.short[2025] < 4\n";

static Model build(ProgFx *fx, const char *text)
{
    write_file(fx, "year.fin", text);
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    fx->res.detailed = true;
    program_eval(&fx->prog, &fx->res);
    sentences_render(&fx->res, &fx->prog.arena);
    Model m;
    model_build(&m, &fx->prog, &fx->res, "year.fin");
    return m;
}

static void headings_outermost_first_and_empty_kept(void **state)
{
    Model m = build(*state, BALANCE);
    assert_int_equal(m.nblocks, 1);
    const ModelBlock *b = &m.blocks[0];
    /* Tillgångar, Anläggningstillgångar (empty), Omsättningstillgångar, 3 rows, Skulder,
     * 1 row */
    assert_int_equal(b->nlines, 8);
    const char *labels[] = {"Tillgångar", "Anläggningstillgångar", "Omsättningstillgångar",
                            "Fordringar", "Kassa", "Summa", "Skulder", "Kortfristiga"};
    const int depth[] = {0, 1, 1, 3 - 1, 2, 2, 0, 1};
    for (int i = 0; i < 8; i++) {
        assert_string_equal(b->lines[i].label, labels[i]);
        assert_int_equal(b->lines[i].depth, depth[i]);
    }
    assert_int_equal(b->lines[0].type, LINE_HEADING);
    assert_false(b->lines[0].empty);
    assert_true(b->lines[1].empty);
    assert_int_equal(b->lines[3].type, LINE_ROW);
    assert_true(b->lines[5].total);
    assert_false(b->lines[3].total);
    assert_string_equal(b->lines[3].section, "Omsättningstillgångar");
    model_free(&m);
}

/* A budget table's outcome and plan columns are the model's to say, not a writer's to
 * find by name: the HTML chart sets them side by side. */
static void budget_columns_named_by_the_model(void **state)
{
    Model m = build(*state, "report \"R\" { year 2025 }\n"
                            "budget ops \"Drift\" (deviation \"Avvikelse\" = budget - actual,\n"
                            "    budget \"Budget\", actual \"Utfall\") {\n"
                            "    admin \"Kansli\" | 10 | 12 | 2\n"
                            "}\n"
                            "accounts income \"RR\" (2025) {\n"
                            "    fees \"Avgifter\" | 5\n"
                            "}\n");
    assert_int_equal(m.nblocks, 2);
    assert_int_equal(m.blocks[0].plan_column, 1);
    assert_int_equal(m.blocks[0].outcome_column, 2);
    assert_int_equal(m.blocks[1].plan_column, -1);
    assert_int_equal(m.blocks[1].outcome_column, -1);
    model_free(&m);
}

static void cells_flagged_and_findings_numbered(void **state)
{
    Model m = build(*state, BALANCE);
    const ModelBlock *b = &m.blocks[0];
    const ModelLine *total = &b->lines[5], *cash = &b->lines[4], *shortl = &b->lines[7];
    /* 30 + 70 is 100, not 101: the one finding, numbered 1 */
    assert_string_equal(total->cells[0].text, "101");
    assert_true(total->cells[0].flags & CELL_IS_STATED);
    assert_true(total->cells[0].flags & CELL_IS_DIFFERS);
    assert_int_equal(total->cells[0].nfoot, 1);
    assert_int_equal(b->footnotes[total->cells[0].foot].mark, 1);
    assert_int_equal(b->nfootnotes, 1);
    assert_int_equal(m.nmarked, 1);
    assert_int_equal(m.nshown, 1);
    assert_int_equal(m.marked[0].block, 0);
    /* the 2024 total agrees */
    assert_true(total->cells[1].flags & CELL_IS_AGREES);
    assert_int_equal(total->cells[1].nfoot, 0);
    assert_true(cash->cells[0].has_amount);
    assert_int_equal(cash->cells[0].amount, 70 * NUM_SCALE);
    /* an empty cell prints nothing */
    assert_string_equal(shortl->cells[1].text, "");
    assert_int_equal(shortl->cells[1].flags & (CELL_IS_STATED | CELL_IS_COMPUTED), 0);
    /* the check failed once */
    assert_int_equal(m.nchecks, 1);
    assert_int_equal(m.checks[0].outcome, OUTCOME_FAILED);
    assert_int_equal(m.checks[0].failed, 1);
    assert_non_null(m.checks[0].failures[0]->explained);
    assert_non_null(model_block(&m, "balance"));
    assert_null(model_block(&m, "nothing"));
    model_free(&m);
}

/* Where needle stands in text, or -1. */
static long where(const char *text, const char *needle)
{
    const char *p = strstr(text, needle);
    return p ? (long)(p - text) : -1;
}

/* What write_report writes, in *buf (free() it). */
static void written(const Model *m, ReportStyle style, char **buf)
{
    size_t n = 0;
    *buf = NULL;
    FILE *f = open_memstream(buf, &n);
    assert_non_null(f);
    write_report(f, m, style);
    fclose(f);
}

/* The column of the first character of needle on the line of text that holds it. */
static int column_of(const char *text, const char *line_with, const char *needle)
{
    const char *l = strstr(text, line_with);
    assert_non_null(l);
    while (l > text && l[-1] != '\n')
        l--;
    const char *p = strstr(l, needle);
    assert_non_null(p);
    int col = 0;
    for (const char *q = l; q < p; q++)
        col += ((unsigned char)*q & 0xC0) != 0x80;
    return col;
}

static void text_report_nests_and_keeps_columns_in_line(void **state)
{
    Model m = build(*state, BALANCE);
    char *text;
    written(&m, REPORT_TEXT, &text);
    /* the outer heading above the inner ones, the empty one shown */
    long outer = where(text, "\nTillgångar\n"), empty = where(text, "\n  Anläggningstillgångar\n"),
         inner = where(text, "\n  Omsättningstillgångar\n");
    assert_true(outer >= 0 && empty > outer && inner > empty);
    assert_non_null(strstr(text, "\n    Fordringar"));
    /* the mark after 101 does not push the 2024 column out of line */
    assert_non_null(strstr(text, "101 *1"));
    assert_int_equal(column_of(text, "Summa", "100") + 3, column_of(text, "Kassa", "60") + 2);
    assert_int_equal(column_of(text, "Fordringar", "40"), column_of(text, "Kassa", "60"));
    assert_non_null(strstr(text, "  *1 "));
    assert_non_null(strstr(text, "FAILED"));
    free(text);
    model_free(&m);
}

static void markdown_report_nests(void **state)
{
    Model m = build(*state, BALANCE);
    char *md;
    written(&m, REPORT_MARKDOWN, &md);
    long outer = where(md, "| **Tillgångar** |"),
         inner = where(md, "| &nbsp;&nbsp;**Omsättningstillgångar** |");
    assert_true(outer >= 0 && inner > outer);
    assert_non_null(strstr(md, "| &nbsp;&nbsp;**Anläggningstillgångar** |"));
    assert_non_null(strstr(md, "**101** ⚠1"));
    free(md);
    model_free(&m);
}

static const char BUDGET[] =
    "report \"R\" { year 2025 }\n"
    "budget drift \"Drift\" (actual \"Utfall\", budget \"Budget\", diff \"Avvikelse\" = budget - actual) {\n"
    "    costs   \"Kostnader\" | -80 | -90 |\n"
    "    revenue \"Intäkter\"  | 100 | 100 | 0\n"
    "}\n"
    "check small \"Kostnaderna är små\" error:\n"
    "    drift.costs[actual] >\n"
    "        -10\n";

static void html_page_of_a_model(void **state)
{
    Model m = build(*state, BUDGET);
    char *page = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&page, &n);
    write_html(f, &m);
    fclose(f);
    /* the page's language is its text's: English here */
    assert_non_null(strstr(page, "<html lang=\"en\">"));
    /* a figure computed where the report prints none: in italics, without brackets */
    assert_non_null(strstr(page, "<td class=\"num computed\""));
    assert_null(strstr(page, ">(10)<"));
    assert_non_null(strstr(page, ">−10</td>"));
    /* the condition of the failed check is a detail, over its two lines */
    assert_non_null(strstr(page, "<details class=\"expr\"><summary>the condition as written"
                                 "</summary><code>drift.costs[actual] &gt;\n        -10</code>"));
    /* a cost is drawn left of zero: the negative bar ends where the axis is */
    const char *axis = strstr(page, "<line class=\"axis\" x1=\"");
    assert_non_null(axis);
    long x0 = strtol(axis + strlen("<line class=\"axis\" x1=\""), NULL, 10);
    const char *bar = strstr(page, "<rect class=\"bar actual negative\" x=\"");
    assert_non_null(bar);
    const char *wp = strstr(bar, "width=\"");
    long x = strtol(bar + strlen("<rect class=\"bar actual negative\" x=\""), NULL, 10);
    long w = strtol(wp + strlen("width=\""), NULL, 10);
    assert_true(w > 0);
    assert_int_equal(x + w, x0);
    const char *pos = strstr(page, "<rect class=\"bar actual\" x=\"");
    assert_non_null(pos);
    assert_int_equal(strtol(pos + strlen("<rect class=\"bar actual\" x=\""), NULL, 10), x0);
    free(page);
    model_free(&m);
}

static void rules_of_a_model(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "year.fin", "report \"R\" { year 2025 }\n"
                               "param cap \"Tak\" = 20% from 2025-01-01\n"
                               "check c \"C\" warning: cap < 1\n");
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    Model m;
    model_build(&m, &fx->prog, NULL, "year.fin");
    assert_int_equal(m.nparams, 1);
    assert_non_null(m.params[0].in_force);
    assert_int_equal(m.checks[0].outcome, OUTCOME_NOT_RUN);
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    write_rules(f, &m);
    fclose(f);
    assert_non_null(strstr(text, "year.fin: the rules in force for 2025\n"));
    assert_non_null(strstr(text, "parameters (1)"));
    assert_non_null(strstr(text, "  cap "));
    assert_non_null(strstr(text, "20 %"));
    assert_non_null(strstr(text, "checks (1)"));
    assert_non_null(strstr(text, "warning"));
    free(text);
    model_free(&m);
}

/* Issue 10: what did not run is in the model, each with its check, for the reports to
 * list with the reasons; a dated check in force in none of the years is not in force,
 * not "not run". */
static const char NOT_RUN[] =
    "report \"R\" { year 2025 }\n"
    "accounts income \"Resultaträkning\" (2025, 2024) {\n"
    "    gains  \"Vinster\"    | 5 |\n"
    "    result \"Resultat\"   = gains | 5 | 3\n"
    "}\n"
    "check grows \"Resultatet växer\" warning:\n"
    "    income.result >= prev(income.result)\n"
    "check later \"En senare lag\" from 2030-01-01:\n"
    "    income.result >= 0\n"
    "check ok \"Positivt\":\n"
    "    income.result[2025] > 0\n";

static void not_run_in_the_model(void **state)
{
    Model m = build(*state, NOT_RUN);
    /* the 2024 result, stated, with a blank operand; grows in 2024, no 2023 column */
    assert_int_equal(m.nnot_run, 2);
    int checks = 0, figures = 0;
    for (int i = 0; i < m.nnot_run; i++) {
        const ModelNotRun *n = &m.not_run[i];
        assert_non_null(n->not_run->reason);
        if (n->check) {
            checks++;
            assert_string_equal(n->check->name, "grows");
            assert_string_equal(n->not_run->where, "in column 2024");
        } else {
            figures++;
            assert_string_equal(n->not_run->tag, "formula");
        }
    }
    assert_int_equal(checks, 1);
    assert_int_equal(figures, 1);
    assert_int_equal(m.nchecks, 3);
    assert_int_equal(m.checks[0].outcome, OUTCOME_PASSED); /* it ran in 2025 */
    assert_int_equal(m.checks[0].not_run, 1);
    assert_int_equal(m.checks[1].outcome, OUTCOME_NOT_IN_FORCE);
    assert_int_equal(m.checks[1].not_run, 0);
    assert_int_equal(m.checks[2].outcome, OUTCOME_PASSED);
    assert_int_equal(m.checks[2].not_run, 0);
    model_free(&m);
}

static void reports_list_what_did_not_run(void **state)
{
    Model m = build(*state, NOT_RUN);
    char *text, *md, *page = NULL;
    written(&m, REPORT_TEXT, &text);
    written(&m, REPORT_MARKDOWN, &md);
    size_t n = 0;
    FILE *f = open_memstream(&page, &n);
    write_html(f, &m);
    fclose(f);
    /* the text report: after the checks, each with its reason and place */
    long checks = where(text, "\nChecks\n"), list = where(text, "\nNot run\n");
    assert_true(checks >= 0 && list > checks);
    assert_non_null(strstr(text, "  grows                        Resultatet växer, in column 2024\n"
                                 "        because no earlier year: 'income' has no column 2023\n"
                                 "        "));
    assert_non_null(strstr(text, "/year.fin:7:5\n"));
    assert_non_null(strstr(text, "not in force"));
    /* Markdown: a section of its own, a line each, the reason and the places */
    assert_non_null(strstr(md, "\n## Not run\n\n- `formula` "));
    assert_non_null(strstr(md, "- `grows` Resultatet växer, in column 2024: because no "
                               "earlier year: 'income' has no column 2023 ("));
    assert_non_null(strstr(md, "/year.fin:7:5)\n"));
    assert_non_null(strstr(md, "**not in force** `later`"));
    /* HTML: the count in the summary and a card, the section in the contents, each
     * item linked to its check, and the check's count linked to the section */
    assert_non_null(strstr(page, "3 checks, 3 passed, 0 failed, 0 warnings, 2 not run"));
    assert_non_null(strstr(page, "<li class=\"not-run\"><b>2</b><span>not run</span></li>"));
    assert_non_null(strstr(page, "<li><a href=\"#not-run\">Not run</a></li>"));
    assert_non_null(strstr(page, "<section class=\"not-run\" id=\"not-run\">"));
    assert_non_null(strstr(page, "<li class=\"not-run-item\"><p><a href=\"#c-grows\">"
                                 "Resultatet växer</a> <code class=\"name\">grows</code>"
                                 "<span class=\"where\">, in column 2024</span></p>\n"
                                 "<p class=\"why\">because no earlier year: &#39;income&#39; "
                                 "has no column 2023 <span class=\"place\">("));
    assert_non_null(strstr(page, "/year.fin:7:5)</span></p></li>"));
    assert_non_null(strstr(page, "<a class=\"runs not-run-count\" href=\"#not-run\">1 run "
                                 "not run</a>"));
    assert_non_null(strstr(page, "<li class=\"check not-run not-in-force\" id=\"c-later\">"
                                 "<span class=\"outcome\">not in force</span>"));
    /* the blank cell's row is where the formula's reason lies */
    assert_non_null(strstr(page, "/year.fin:4:39; see "));
    assert_non_null(strstr(page, "/year.fin:3:5)"));
    free(text);
    free(md);
    free(page);
    model_free(&m);
}

static void reports_without_anything_not_run_are_as_before(void **state)
{
    Model m = build(*state, BALANCE);
    char *text, *md, *page = NULL;
    written(&m, REPORT_TEXT, &text);
    written(&m, REPORT_MARKDOWN, &md);
    size_t n = 0;
    FILE *f = open_memstream(&page, &n);
    write_html(f, &m);
    fclose(f);
    assert_int_equal(m.nnot_run, 0);
    assert_null(strstr(text, "Not run"));
    assert_null(strstr(md, "Not run"));
    assert_null(strstr(page, "id=\"not-run\""));
    assert_null(strstr(page, "<li class=\"not-run\">"));
    assert_null(strstr(page, "not-run-count"));
    free(text);
    free(md);
    free(page);
    model_free(&m);
}

/* Issue 10: finsam rules shows a check's dates, as it shows a parameter's. */
static void rules_show_a_checks_dates(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "year.fin", "report \"R\" { year 2025 }\n"
                               "check both \"B\" from 2018-01-01 until 2026-12-31: 1 < 2\n"
                               "check since \"F\" from 2018-01-01: 1 < 2\n"
                               "check before \"U\" until 2017-12-31: 1 < 2\n"
                               "check open \"O\": 1 < 2\n");
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    Model m;
    model_build(&m, &fx->prog, NULL, "year.fin");
    char *text = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&text, &n);
    write_rules(f, &m);
    fclose(f);
    assert_non_null(strstr(text, "      B\n      in force from 2018-01-01 until 2026-12-31\n"));
    assert_non_null(strstr(text, "      F\n      in force from 2018-01-01\n"));
    assert_non_null(strstr(text, "      U\n      in force until 2017-12-31\n"));
    assert_null(strstr(text, "      O\n      in force"));
    free(text);
    model_free(&m);
}

/* ---- writers against a model made by hand ------------------------------------------ */

static void csv_of_a_small_model(void **state)
{
    (void)state;
    ModelCell cells[2][2] = {
        {{"1 234", CELL_IS_STATED, 0, 0, true, 1234, NULL}, {"−5", CELL_IS_STATED, 0, 0, true, -5, NULL}},
        {{"=cmd", CELL_IS_TEXT, 0, 0, false, 0, NULL}, {"75,4 %", CELL_IS_COMPUTED, 0, 0, false, 0, NULL}},
    };
    ModelLine lines[3] = {
        {.type = LINE_HEADING, .label = "Avsnitt", .name = "sec"},
        {.type = LINE_ROW, .depth = 1, .label = "Intäkter", .name = "income",
         .own_label = "Intäkter", .section = "Avsnitt", .cells = cells[0]},
        {.type = LINE_ROW, .depth = 1, .label = "x;y", .name = "x", .own_label = "x;y",
         .section = "Avsnitt", .kind = K_PERCENT, .cells = cells[1]},
    };
    ModelColumn cols[2] = {{"2025", NULL, 0, 2025}, {"Budget", "budget", 1, 0}};
    ModelBlock b = {.name = "t", .title = "T", .unit = U_KR, .columns = cols, .ncolumns = 2,
                    .lines = lines, .nlines = 3};
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    write_csv(f, &b, false);
    fclose(f);
    /* the printed titles, and a unit column */
    assert_string_equal(buf, "rad;text;avsnitt;enhet;2025;Budget\n"
                             "income;Intäkter;Avsnitt;kr;1234;-5\n"
                             "x;\"x;y\";Avsnitt;%;'=cmd;75,4\n");
    free(buf);
    /* for Excel: the byte order mark first, the rest the same */
    f = open_memstream(&buf, &n);
    write_csv(f, &b, true);
    fclose(f);
    assert_memory_equal(buf, "\xEF\xBB\xBFrad;text;avsnitt;enhet;2025;Budget\n", 37);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(headings_outermost_first_and_empty_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(cells_flagged_and_findings_numbered, setup, teardown),
        cmocka_unit_test_setup_teardown(budget_columns_named_by_the_model, setup, teardown),
        cmocka_unit_test_setup_teardown(text_report_nests_and_keeps_columns_in_line, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(markdown_report_nests, setup, teardown),
        cmocka_unit_test(csv_of_a_small_model),
        cmocka_unit_test_setup_teardown(html_page_of_a_model, setup, teardown),
        cmocka_unit_test_setup_teardown(rules_of_a_model, setup, teardown),
        cmocka_unit_test_setup_teardown(not_run_in_the_model, setup, teardown),
        cmocka_unit_test_setup_teardown(rules_show_a_checks_dates, setup, teardown),
        cmocka_unit_test_setup_teardown(reports_list_what_did_not_run, setup, teardown),
        cmocka_unit_test_setup_teardown(reports_without_anything_not_run_are_as_before, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
