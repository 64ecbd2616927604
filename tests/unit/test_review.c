/* Unit tests for review: keys matched against findings, decisions laid over results,
 * stale decisions reported, mistakes in a review file found at their place. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"
#include "review.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

static void test_keys(void **state)
{
    (void)state;
    assert_true(review_key_matches("equity_cap", "equity_cap"));
    assert_true(review_key_matches("equity_cap", "equity_cap[2025]"));
    assert_true(review_key_matches("note2.total", "note2.total[2024]"));
    assert_true(review_key_matches("note2.total[2024]", "note2.total[2024]"));
    assert_false(review_key_matches("note2.total[2024]", "note2.total[2025]"));
    assert_false(review_key_matches("equity_cap", "equity_cap_kept"));
    assert_false(review_key_matches("equity_cap[2025]", "equity_cap"));
    assert_false(review_key_matches("x", NULL));
}

static const char *YEAR = "report \"R\" { year 2025 }\n"
                          "table t \"T\" (2025, 2024) {\n"
                          "    a \"A\" | 1 | 2\n"
                          "    s \"S\" = sum | 5 | 2\n"
                          "}\n"
                          "check big \"Stort\" warning: t.a > 1\n"
                          "check pos \"Positivt\": t.s > 0\n";

static void test_decisions_fail_nothing_and_stale_ones_do(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, YEAR);
    assert_int_equal(res->failed_errors, 1);   /* t.s[2025] */
    assert_int_equal(res->failed_warnings, 1); /* big in 2025 */
    write_file(fx, "r.review", "accepted big reason \"r\" by \"b\" on 2026-01-02\n"
                               "to_correct t.s[2025] reason \"r\" by \"b\" on 2026-01-02\n"
                               "accepted gone reason \"r\" by \"b\" on 2026-01-02\n");
    assert_int_equal(review_apply(&fx->prog, res, fx->path), 0);
    sentences_render(res, &fx->prog.arena);
    assert_int_equal(res->reviewed, 2);
    assert_int_equal(res->failed_warnings, 0);
    assert_int_equal(res->failed_errors, 1); /* the stale decision on 'gone' */
    int stale = 0, reviewed = 0;
    for (int i = 0; i < res->failed.len; i++) {
        const Finding *f = res->failed.items[i];
        stale += f->type == FIND_REVIEW;
        reviewed += f->review != NULL;
        if (f->review && f->type == FIND_FORMULA) {
            assert_string_equal(f->key, "t.s[2025]");
            assert_int_equal(f->review->decision, REVIEW_TO_CORRECT);
            assert_int_equal(f->review->on, 20260102);
        }
    }
    assert_int_equal(stale, 1);
    assert_int_equal(reviewed, 2);
}

static void test_mistakes_are_found_at_their_place(void **state)
{
    ProgFx *fx = *state;
    Results *res = check_text(fx, YEAR);
    write_file(fx, "r.review", "accepted big reason \"r\" by \"b\"\n"
                               "accepted pos reason \"r\" by \"b\" on 2026-02-30x\n"
                               "maybe pos\n");
    assert_int_equal(review_apply(&fx->prog, res, fx->path), 3);
    sentences_render(res, &fx->prog.arena);
    assert_non_null(find_diag(&fx->prog.diags, "does not say when"));
    assert_non_null(find_diag(&fx->prog.diags, "'on' takes the day"));
    Diag *g = find_diag(&fx->prog.diags, "starts with its decision");
    assert_non_null(g);
    int line, col;
    line_col_of(g->loc, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 1);
    assert_int_equal(res->reviewed, 0); /* nothing applied from a file with mistakes */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_keys),
        cmocka_unit_test_setup_teardown(test_decisions_fail_nothing_and_stale_ones_do, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_mistakes_are_found_at_their_place, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
