/* Unit tests for sentence: the evaluator records facts and no sentence; sentence.c
 * puts findings and what did not run into words when they are written, the same words
 * every time it is asked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

static const char *const TEXT = REPORT_2025
    "accounts balance \"Balansräkning\" (2025, 2024) {\n"
    "    receivables \"Fordringar\" note 2 | 34 332 | 133 288\n"
    "    equity \"Eget kapital\" | 90 000 |\n"
    "}\n"
    "accounts note2 \"Not 2. Fordringar\" note 2 (2025, 2024) {\n"
    "    vat   \"Momsersättning\" | 34 332 | 55 787\n"
    "    total \"Summa\"          | 34 332 | 113 288\n"
    "}\n"
    "table t \"T\" (2025) {\n"
    "    a \"A\" | 1\n"
    "    b \"B\" | 2\n"
    "    total \"Summa\" = sum | 4\n"
    "}\n"
    "check grows \"Eget kapital växer\": balance.equity > prev(balance.equity)\n"
    "check small \"Litet\": balance.equity[2025] < 1 000\n";

/* Loads and evaluates TEXT without putting anything into words. */
static Results *evaluate(ProgFx *fx)
{
    write_file(fx, "year.fin", TEXT);
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(program_eval(&fx->prog, &fx->res), 0);
    return &fx->res;
}

static const Finding *with_tag(const Results *res, const char *tag)
{
    for (int i = 0; i < res->failed.len; i++) {
        const Finding *f = res->failed.items[i];
        if (strcmp(f->tag, tag) == 0)
            return f;
    }
    fail_msg("no finding [%s]", tag);
    return NULL;
}

static void test_evaluator_records_facts_not_sentences(void **state)
{
    ProgFx *fx = *state;
    Results *res = evaluate(fx);
    const Finding *note = with_tag(res, "note");
    assert_int_equal(note->about.fact, FACT_NOTE);
    assert_string_equal(note->about.row->name, "receivables");
    assert_int_equal(note->about.note, 2);
    assert_string_equal(note->about.total->name, "total");
    assert_null(note->message);
    assert_null(note->formula);
    const Finding *formula = with_tag(res, "formula");
    assert_int_equal(formula->about.fact, FACT_ROW_FORMULA);
    assert_null(formula->about.written); /* sum: the rows above */
    assert_null(formula->message);
    /* a check's title is the user's words, given; where it ran is a fact */
    const Finding *small = with_tag(res, "small");
    assert_string_equal(small->message, "Litet");
    assert_null(small->where);
    const NotRun *n = res->not_run.items[0];
    assert_null(n->reason);
    assert_null(n->where);
    assert_int_equal(n->why.type, WHY_BLANK);
    assert_int_equal(n->about.place, PLACE_COLUMN_KEY);
}

static void test_sentences_from_facts(void **state)
{
    ProgFx *fx = *state;
    Results *res = evaluate(fx);
    sentences_render(res, &fx->prog.arena);
    const Finding *note = with_tag(res, "note");
    assert_string_equal(note->message, "Fordringar, 2024: differs from the total of note 2");
    assert_non_null(strstr(note->formula, "note 2, Summa ("));
    const Finding *formula = with_tag(res, "formula");
    assert_string_equal(formula->message,
                        "Summa, 2025: the stated figure does not match the row's formula");
    assert_string_equal(formula->formula, "sum of the rows above");
    const NotRun *n = res->not_run.items[0];
    assert_string_equal(n->message, "Eget kapital växer");
    assert_string_equal(n->where, "in column 2025");
    assert_string_equal(n->reason, "'equity' is blank in column 2024");
    /* asked again, the same words: the facts are unchanged by rendering */
    const char *before = note->message;
    sentences_render(res, &fx->prog.arena);
    assert_string_equal(note->message, before);
    assert_string_equal(formula->formula, "sum of the rows above");
    assert_string_equal(with_tag(res, "small")->message, "Litet");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_evaluator_records_facts_not_sentences, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_sentences_from_facts, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
