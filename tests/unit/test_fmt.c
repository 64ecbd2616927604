/* Unit tests for fmt: the canonical layout of a rule file, and that it changes no
 * token. The last test formats every .fin file of the project and of the fuzz corpus
 * and asserts that the result formats to itself and has the same tokens. Run from the
 * project's root (make unit does). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "mem.h"

/* Formats text and asserts the result is want, formats to itself and has the same
 * tokens. */
static void assert_formats_to(const char *text, const char *want)
{
    size_t len, again_len;
    char *out = fmt_format(text, strlen(text), &len);
    assert_string_equal(out, want);
    assert_int_equal(len, strlen(want));
    char *again = fmt_format(out, len, &again_len);
    assert_string_equal(again, out);
    assert_true(fmt_same_tokens(text, strlen(text), out, len));
    mem_free(again);
    mem_free(out);
}

static void aligns_a_table_on_bars_with_figures_right(void **state)
{
    (void)state;
    assert_formats_to(
        "accounts income \"Resultaträkning\" (2025, 2024) {\n"
        "  fees \"Medlemsavgifter\" | 7 864 004|8 028 000\n"
        "        costs \"Kostnader\"|-8 160 786 |   - 8 282 457\n"
        "result \"Årets resultat\" = fees + costs | - 296 782 | 75,4%\n"
        "}\n",
        "accounts income \"Resultaträkning\" (2025, 2024) {\n"
        "    fees   \"Medlemsavgifter\"               |  7 864 004 |   8 028 000\n"
        "    costs  \"Kostnader\"                     | -8 160 786 | - 8 282 457\n"
        "    result \"Årets resultat\" = fees + costs |  - 296 782 |       75,4%\n"
        "}\n");
}

static void keeps_swedish_figures_as_written(void **state)
{
    (void)state;
    /* no-break space, thin space, U+2212 minus, a decimal comma, a dash cell */
    assert_formats_to(
        "table t (2025, 2024, 2023) {\n"
        "    a | 1\xC2\xA0" "966\xC2\xA0" "000 | \xE2\x88\x92" "5 | 0,50%\n"
        "    b |         - |  12 345,5 |\n"
        "}\n",
        "table t (2025, 2024, 2023) {\n"
        "    a | 1\xC2\xA0" "966\xC2\xA0" "000 |       \xE2\x88\x92" "5 | 0,50%\n"
        "    b |         - | 12 345,5 |\n"
        "}\n");
}

/* A text cell goes to the left of its column; at the end of a row it does not widen
 * the column, elsewhere it does and the figures under it stay right-aligned. */
static void text_cells_go_left_and_do_not_widen_the_last_column(void **state)
{
    (void)state;
    assert_formats_to(
        "table t (a, b) {\n"
        "    x | \"text | with bar\" | 104\n"
        "    y | 1 | \"(Antal besök 1786)\"\n"
        "    z | 22 | 5\n"
        "}\n",
        "table t (a, b) {\n"
        "    x | \"text | with bar\" | 104\n"
        "    y |                 1 | \"(Antal besök 1786)\"\n"
        "    z |                22 |   5\n"
        "}\n");
}

static void indents_continuations_and_keeps_deeper_alignment(void **state)
{
    (void)state;
    assert_formats_to(
        "check c \"C\" error\n"
        "source \"S\":\n"
        "  a == b\n"
        "        and c == d\n"
        "else \"E\"\n"
        "\n"
        "require t.a, t.b,\n"
        "        t.c\n",
        "check c \"C\" error\n"
        "    source \"S\":\n"
        "    a == b\n"
        "        and c == d\n"
        "    else \"E\"\n"
        "\n"
        "require t.a, t.b,\n"
        "        t.c\n");
}

static void row_continuations_meet_the_bar_column(void **state)
{
    (void)state;
    assert_formats_to(
        "table t (2025) {\n"
        "    a \"A\" | 1\n"
        "    total \"Summa\" = a\n"
        "| 1\n"
        "    section s \"S\" {\n"
        "        b \"B\" | 2\n"
        "    }\n"
        "}\n",
        "table t (2025) {\n"
        "    a     \"A\" | 1\n"
        "    total \"Summa\" = a\n"
        "              | 1\n"
        "    section s \"S\" {\n"
        "        b \"B\" | 2\n"
        "    }\n"
        "}\n");
}

static void one_blank_line_between_declarations(void **state)
{
    (void)state;
    assert_formats_to(
        "\n\nimport \"finsam\"\nimport \"federation\"\n"
        "param a = 5\n"
        "param b = 6\n\n\n\n"
        "# about c\n"
        "check c: a == b\n"
        "report \"R\" {\n\n"
        "year 2025\n"
        "  decided 2026-03-16\n\n"
        "}\n\n\n",
        "import \"finsam\"\nimport \"federation\"\n\n"
        "param a = 5\n\n"
        "param b = 6\n\n"
        "# about c\n"
        "check c: a == b\n\n"
        "report \"R\" {\n"
        "    year    2025\n"
        "    decided 2026-03-16\n"
        "}\n");
}

static void keeps_comments_where_they_stand(void **state)
{
    (void)state;
    assert_formats_to(
        "table t (2025) {   # the head\n"
        "  # a row follows\n"
        "    a \"A\"   |   1    # a cell's note\n"
        "    b \"B#\"  | 22\n"
        "}   \n"
        "check c: 41 / 103 == 39,8%          # printed \"39, 8%\"\n",
        "table t (2025) {   # the head\n"
        "    # a row follows\n"
        "    a \"A\"  |  1 # a cell's note\n"
        "    b \"B#\" | 22\n"
        "}\n"
        "\n"
        "check c: 41 / 103 == 39,8%          # printed \"39, 8%\"\n");
}

static void allocations_align_their_members(void **state)
{
    (void)state;
    assert_formats_to(
        "allocation c \"C\" total 7 864 000 {\n"
        "state \"S\" 1/2 {\n"
        "fk \"Försäkringskassan\" | 1 966 000\n"
        "}\n"
        "  municipalities \"K\" 1/4 {\n"
        "    eda \"Eda kommun\" | 196 600\n"
        "  }\n"
        "}\n",
        "allocation c \"C\" total 7 864 000 {\n"
        "    state \"S\" 1/2 {\n"
        "        fk  \"Försäkringskassan\" | 1 966 000\n"
        "    }\n"
        "    municipalities \"K\" 1/4 {\n"
        "        eda \"Eda kommun\"        |   196 600\n"
        "    }\n"
        "}\n");
}

/* Words the formatter does not know, as later syntax may add, pass through. */
static void unknown_words_pass_through(void **state)
{
    (void)state;
    assert_formats_to(
        "table t mkr (2025) {\n"
        "    a \"A\" absent|1\n"
        "}\n"
        "check c:\n"
        "    absent t.a\n",
        "table t mkr (2025) {\n"
        "    a \"A\" absent | 1\n"
        "}\n"
        "\n"
        "check c:\n"
        "    absent t.a\n");
}

/* A string without its closing quote keeps its line's end, spaces and all: they are
 * in the string's token. */
static void a_line_with_an_open_string_keeps_its_end(void **state)
{
    (void)state;
    assert_formats_to("table t (2025) {\n  a | \"open  \n}\n",
                      "table t (2025) {\n    a | \"open  \n}\n");
}

static void crlf_bom_and_tabs(void **state)
{
    (void)state;
    assert_formats_to("\xEF\xBB\xBFparam a = 5\r\n\tfrom 2025-01-01\r\n",
                      "param a = 5\n        from 2025-01-01\n");
}

static void same_tokens_sees_a_changed_figure(void **state)
{
    (void)state;
    const char *a = "table t (2025) {\n    a | 1 966 000\n}\n";
    const char *b = "table t (2025) {\n    a | 1966 000\n}\n";
    const char *c = "table t (2025) {\n    a | 1 966 00\n}\n";
    assert_true(fmt_same_tokens(a, strlen(a), a, strlen(a)));
    assert_false(fmt_same_tokens(a, strlen(a), b, strlen(b)));
    assert_false(fmt_same_tokens(a, strlen(a), c, strlen(c)));
    assert_false(fmt_same_tokens(a, strlen(a), a, strlen(a) - 3));
}

/* Every .fin file under the project's folders and the fuzz corpus (the corpus's other
 * files too: they are rule files under other names). */
static int files_checked;

static int check_file(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    (void)ftw;
    size_t n = strlen(path);
    bool corpus = strstr(path, "fuzz/seeds/check") != NULL ||
                  strstr(path, "fuzz/regressions") != NULL;
    if (type != FTW_F || (!corpus && (n < 4 || strcmp(path + n - 4, ".fin") != 0)))
        return 0;
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    char buf[65536];
    size_t got;
    while ((got = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, got, mem);
    fclose(f);
    fclose(mem);
    size_t out_len, again_len;
    char *out = fmt_format(text, len, &out_len);
    char *again = fmt_format(out, out_len, &again_len);
    if (again_len != out_len || memcmp(again, out, out_len) != 0)
        fail_msg("%s: formatting it twice gives another text than once", path);
    if (!fmt_same_tokens(text, len, out, out_len))
        fail_msg("%s: formatting it changes its tokens", path);
    files_checked++;
    mem_free(again);
    mem_free(out);
    free(text);
    return 0;
}

static void every_project_file_is_stable_and_keeps_its_tokens(void **state)
{
    (void)state;
    static const char *const dirs[] = {"examples", "rules", "tests", "fuzz/seeds",
                                       "fuzz/regressions", "bench"};
    files_checked = 0;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
        nftw(dirs[i], check_file, 16, FTW_PHYS);
    /* the project has some 300 rule files: finding none means the walk went wrong */
    assert_true(files_checked > 100);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(aligns_a_table_on_bars_with_figures_right),
        cmocka_unit_test(keeps_swedish_figures_as_written),
        cmocka_unit_test(text_cells_go_left_and_do_not_widen_the_last_column),
        cmocka_unit_test(indents_continuations_and_keeps_deeper_alignment),
        cmocka_unit_test(row_continuations_meet_the_bar_column),
        cmocka_unit_test(one_blank_line_between_declarations),
        cmocka_unit_test(keeps_comments_where_they_stand),
        cmocka_unit_test(allocations_align_their_members),
        cmocka_unit_test(unknown_words_pass_through),
        cmocka_unit_test(a_line_with_an_open_string_keeps_its_end),
        cmocka_unit_test(crlf_bom_and_tabs),
        cmocka_unit_test(same_tokens_sees_a_changed_figure),
        cmocka_unit_test(every_project_file_is_stable_and_keeps_its_tokens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
