/* Unit tests for carry (finsam new) and for '?', what it writes: a year file carried
 * forward, its text looked at piece by piece, and '?' evaluated as nothing yet. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "carry.h"
#include "helpers.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

static const char *HEAD = "report \"Årsredovisning 2025\" {\n"
                          "    year 2025\n"
                          "}\n";

/* Loads HEAD + body as year.fin and carries it forward. */
/* Loads text as year.fin and carries it forward. */
static Carried carry_file(ProgFx *fx, const char *text)
{
    write_file(fx, "year.fin", text);
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    Carried c;
    assert_int_equal(carry_forward(&fx->prog.arena, fx->prog.modules.items[0], "2025", &c), 0);
    return c;
}

static Carried carry_text(ProgFx *fx, const char *body)
{
    return carry_file(fx, arena_printf(&fx->prog.arena, "%s%s", HEAD, body));
}

static void assert_has(const char *text, const char *needle)
{
    if (!strstr(text, needle))
        fail_msg("the new file should contain \"%s\":\n%s", needle, text);
}

static void assert_lacks(const char *text, const char *needle)
{
    if (strstr(text, needle))
        fail_msg("the new file should not contain \"%s\":\n%s", needle, text);
}

static void test_report_block(void **state)
{
    Carried c = carry_text(*state, "");
    assert_int_equal(c.year, 2026);
    assert_has(c.text, "report \"Årsredovisning 2026\" {\n    year 2026\n    previous \"2025\"\n}");
}

/* A report block on one line gets 'previous' on that line, after the year: it was put
 * on a line of its own behind a copy of the line's start, which did not load. */
static void test_report_block_on_one_line(void **state)
{
    Carried c = carry_file(*state, "report \"Årsredovisning 2025\" { year 2025 }\n");
    assert_string_equal(c.text,
                        "report \"Årsredovisning 2026\" { year 2026 previous \"2025\" }\n");
}

/* Its plan, ledger and decision day are taken out of the line, and become comments
 * after it: they were kept, so that the new file named this year's ledger (as the next
 * year's, which did not load), plan and day. */
static void test_report_block_on_one_line_entries(void **state)
{
    Carried c = carry_file(*state, "report \"R\" { year 2025 plan \"p\" ledger \"b-2025.se\" "
                                   "decided 2026-03-16 }\n");
    assert_string_equal(c.text,
                        "report \"R\" { year 2026 previous \"2025\" }"
                        "  # plan ?  (the plan the board decided for 2026)"
                        "  # ledger ?  (the ledger of 2026, exported as SIE)"
                        "  # decided ?  (the day the board decides the 2026 report)\n");
}

/* The line ends at its LF, before a CR there; a CR alone is a space inside it, and the
 * comment went in front of it, over the rest of the block (fuzz-ci's new-loads). */
static void test_report_block_on_one_line_with_crs(void **state)
{
    Carried c = carry_file(*state, "report \"R\" { year 2025 decided 2026-03-16\r}\r\n");
    assert_string_equal(c.text,
                        "report \"R\" { year 2026 previous \"2025\"\r}"
                        "  # decided ?  (the day the board decides the 2026 report)\r\n");
}

/* A table of percentages without 'unit %' gets it once its figures are '?': its rows
 * would be amounts, which a check of percentages cannot compare (a new file that did not
 * load). A table with an amount in it is left as it is. */
static void test_percentages_keep_their_unit(void **state)
{
    Carried c = carry_text(*state,
                           "indicators goals \"Mål\" (result \"Utfall\") {\n"
                           "    organised \"Organiserat\" | 91%\n"
                           "}\n"
                           "table mixed \"Blandat\" (result) {\n"
                           "    share \"Andel\" | 12%\n"
                           "    fees \"Avgifter\" | 100\n"
                           "}\n");
    assert_has(c.text, "indicators goals \"Mål\" unit % (result \"Utfall\") {\n");
    assert_has(c.text, "table mixed \"Blandat\" (result) {\n");
}

/* A computed row that the report does not print stays as written: a '?' was put in
 * front of its name, where resolve keeps its cells (fuzz_check's new-loads found it). */
static void test_computed_row_not_printed(void **state)
{
    Carried c = carry_text(*state,
                           "table t \"T\" (2025) {\n"
                           "    a \"A\" | 1\n"
                           "    b \"B\" = a + 1\n"
                           "}\n");
    assert_has(c.text, "    a \"A\" | ?\n    b \"B\" = a + 1\n}");
    assert_int_equal(c.todo_cells, 1);
}

static void test_columns_shift_and_cells_line_up(void **state)
{
    Carried c = carry_text(*state,
                           "table t \"T\" (2025, 2024, 2023) {\n"
                           "    a \"A\" | 1 000 |   900 | -\n"
                           "    b \"B\" |       |   \"x\" | 7\n"
                           "}\n");
    assert_has(c.text, "table t \"T\" (2026, 2025, 2024) {");
    /* the new year's cell '?', this year's as printed, the oldest dropped; an empty
     * cell stays empty: the report printed nothing there */
    /* a figure wider than the room it moves into keeps one space before it */
    assert_has(c.text, "    a \"A\" |     ? | 1 000 | 900\n");
    assert_has(c.text, "    b \"B\" |     ? |       | \"x\"\n");
    assert_int_equal(c.todo_cells, 2);
    assert_int_equal(c.tables, 1);
}

static void test_named_columns_are_to_fill_in(void **state)
{
    Carried c = carry_text(*state,
                           "budget b \"Budget 2025\" (actual \"Utfall 2025\", budget) {\n"
                           "    x \"X\" | 10 | 12\n"
                           "}\n");
    assert_has(c.text, "budget b \"Budget 2026\" (actual \"Utfall 2026\", budget) {");
    assert_has(c.text, "    x \"X\" |  ? |  ?\n");
    assert_int_equal(c.tables, 0);
    assert_int_equal(c.names, 3); /* the report's title too */
}

static void test_years_in_text_move_on_but_not_laws_or_dates(void **state)
{
    Carried c = carry_text(*state,
                           "table t \"Lag (2003:1210), beslut 2025-03-10, år 2025 och 2024\" "
                           "(2025, 2024) {\n"
                           "    a \"A 20250\" | 1 | 2\n"
                           "}\n");
    assert_has(c.text, "\"Lag (2003:1210), beslut 2025-03-10, år 2026 och 2025\"");
    assert_has(c.text, "\"A 20250\"");
}

static void test_selectors_move_with_their_columns(void **state)
{
    Carried c = carry_text(*state,
                           "table t \"T\" (2025, 2024) {\n"
                           "    a \"A\" | 1 | 2\n"
                           "}\n"
                           "check c: t.a[2025] >= t.a[2024] and t.a[year] > 0\n");
    assert_has(c.text, "t.a[2026] >= t.a[2025] and t.a[year] > 0");
}

/* A year however written in its brackets moves whole: [2 024] gave [2025 024], which did
 * not load (fuzz_check's new-loads found it). */
static void test_selector_written_with_a_space(void **state)
{
    Carried c = carry_text(*state,
                           "table t \"T\" (2025, 2024) {\n"
                           "    a \"A\" | 1 | 2\n"
                           "}\n"
                           "check c: t.a[ 2 025 ] >= t.a[2 024]\n");
    assert_has(c.text, "t.a[ 2026 ] >= t.a[2025]");
}

/* A column's year written with a space moves whole too: (2 025) gave (2026 025). */
static void test_column_written_with_a_space(void **state)
{
    Carried c = carry_text(*state,
                           "table t \"T\" (2 025, 2\xC2\xA0" "024 \"Utfall\") {\n"
                           "    a \"A\" | 1 | 2\n"
                           "}\n");
    assert_has(c.text, "table t \"T\" (2026, 2025 \"Utfall\") {");
}

/* 'previous' written with a figure (an error finsam check reports) gets the new name in
 * its place: the name was put after the figure, which did not load. */
static void test_previous_written_as_a_figure(void **state)
{
    Carried c = carry_file(*state, "report \"R\" {\n    year 2025\n    previous 2024\n}\n");
    assert_has(c.text, "    previous \"2025\"\n}");
}

static void test_quoted_figures_become_todo(void **state)
{
    Carried c = carry_text(*state,
                           "table t \"T\" (2025, 2024) {\n"
                           "    a \"A\" | 1 | 2\n"
                           "}\n"
                           "check q \"A är 1 000 kr, 12,5 % av B\":\n"
                           "    t.a[year] == 1 000 and 20% * t.a[year] < t.a[2024] and t.a[2024] > 0\n");
    /* a side of figures alone is the text's; 20% times a figure of a table is a rule */
    assert_has(c.text, "t.a[year] == ? and 20% * t.a[year] < t.a[2025] and t.a[2025] > 0");
    assert_has(c.text, "check q \"A är ? kr, 12,5 % av B\"");
    assert_int_equal(c.todo_figures, 1);
    assert_int_equal(c.notes.len >= 2, 1);
}

static void test_imports_are_kept(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "plan2025.fin", "param p \"P\" = 1\n");
    Carried c = carry_text(fx, "import \"plan2025\" as plan\n");
    assert_has(c.text, "import \"plan2025\" as plan");
    assert_lacks(c.text, "plan2026");
}

/* '?' states nothing yet: a check with it does not run, a sum over it is not known,
 * and the file says how much is left. */
static void test_todo_evaluates_to_nothing(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, "report \"R\" { year 2025 }\n"
                                  "table t \"T\" (v) {\n"
                                  "    a \"A\" | 5\n"
                                  "    b \"B\" | ?\n"
                                  "    s \"S\" = sum | 5\n"
                                  "}\n"
                                  "check c1: t.a[v] == ?\n"
                                  "check c2: count(t where v > 1) == 2\n"
                                  "check c3: t.a[v] == 5\n");
    assert_int_equal(res->failed.len, 0);
    assert_int_equal(res->checks, 1); /* c3 alone; the sum is not compared either */
    const Module *m = fx->prog.modules.items[0];
    assert_int_equal(m->todo_cells, 1);
    assert_int_equal(m->todo_figures, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_report_block, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_block_on_one_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_block_on_one_line_entries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_report_block_on_one_line_with_crs, setup, teardown),
        cmocka_unit_test_setup_teardown(test_percentages_keep_their_unit, setup, teardown),
        cmocka_unit_test_setup_teardown(test_computed_row_not_printed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_selector_written_with_a_space, setup, teardown),
        cmocka_unit_test_setup_teardown(test_column_written_with_a_space, setup, teardown),
        cmocka_unit_test_setup_teardown(test_previous_written_as_a_figure, setup, teardown),
        cmocka_unit_test_setup_teardown(test_columns_shift_and_cells_line_up, setup, teardown),
        cmocka_unit_test_setup_teardown(test_named_columns_are_to_fill_in, setup, teardown),
        cmocka_unit_test_setup_teardown(test_years_in_text_move_on_but_not_laws_or_dates, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_selectors_move_with_their_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_quoted_figures_become_todo, setup, teardown),
        cmocka_unit_test_setup_teardown(test_imports_are_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_todo_evaluates_to_nothing, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
