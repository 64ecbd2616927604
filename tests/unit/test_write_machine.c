/* Unit tests for the writers for machines (JSON, JUnit, TAP), each against the model of
 * a small checked program: they read the model only, and what the model holds
 * (findings and their causes, runs, what did not run, the counts) reaches them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"
#include "json.h"
#include "model.h"
#include "write_ci.h"
#include "write_json.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

/* A total that is wrong by 1 kr, a check that reads it (probably the same error), a
 * check that passes and a check over a blank cell, which does not run. */
static const char YEAR[] =
    "report \"R\" { year 2025 }\n"
    "param cap \"Tak\" = 20% from 2025-01-01\n"
    "accounts t \"T\" (2025) {\n"
    "    a \"A\" | 100\n"
    "    b \"B\" | 200\n"
    "    blank \"Tom\" |\n"
    "    total \"Summa\" = a + b | 301\n"
    "}\n"
    "check big \"Summan är liten\" error:\n"
    "    t.total[2025] == 1\n"
    "check fine \"A är positiv\" error:\n"
    "    t.a[2025] > 0\n"
    "check gap \"Tom är noll\" warning:\n"
    "    t.blank[2025] == 0\n";

/* The model of text, loaded as year.fin, checked in detail. */
static Model build_from(ProgFx *fx, const char *text)
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

static Model build(ProgFx *fx) { return build_from(fx, YEAR); }

static void model_links_a_finding_to_its_cause(void **state)
{
    Model m = build(*state);
    assert_int_equal(m.nfindings, 2);
    /* sorted by place: the total's formula, then the check that reads it */
    assert_int_equal(m.findings[0].finding->type, FIND_FORMULA);
    assert_int_equal(m.findings[0].cause, -1);
    assert_int_equal(m.findings[1].finding->type, FIND_CHECK);
    assert_int_equal(m.findings[1].cause, 0);
    assert_int_equal(m.nruns, 2);
    assert_int_equal(m.nnot_run, 1);
    /* the formula and the check failed; the other check passed */
    assert_int_equal(m.summary.checks, 3);
    assert_int_equal(m.summary.failed, 2);
    assert_int_equal(m.summary.passed, 1);
    assert_int_equal(m.summary.not_run, 1);
    assert_int_equal(m.checks[0].runs, 1);
    assert_ptr_equal(m.checks[0].each[0], m.runs[0]);
    assert_int_equal(m.checks[2].outcome, OUTCOME_NOT_RUN);
    model_free(&m);
}

static void json_of(const Model *m, bool tables, char **buf)
{
    size_t n = 0;
    FILE *f = open_memstream(buf, &n);
    Json j;
    json_begin(&j, f);
    write_json_file(&j, m, tables);
    json_end(&j);
    fclose(f);
}

static void json_finding_names_its_cause(void **state)
{
    Model m = build(*state);
    char *s = NULL;
    json_of(&m, true, &s);
    /* the formula's finding has none; the check's points at the total's 301 */
    assert_non_null(strstr(s, "\"from\":\"a + b\""));
    const char *check = strstr(s, "\"type\":\"check\"");
    assert_non_null(check);
    assert_non_null(strstr(s, "\"source\":null,\"same_as\":null"));
    const char *link = strstr(check, "\"same_as\":{\"file\":");
    assert_non_null(link);
    assert_non_null(strstr(link, "year.fin\",\"line\":7,\"column\":29}"));
    /* the parameter in force, from the model */
    assert_non_null(strstr(s, "\"name\":\"cap\",\"title\":\"Tak\",\"local\":false,\"value\":{"
                              "\"kind\":\"percentage\""));
    /* the table's cells: the total stated and computed, and what did not run */
    assert_non_null(strstr(s, "\"written\":\"301\""));
    assert_non_null(strstr(s, "\"outcome\":\"differs\""));
    assert_non_null(strstr(s, "\"not_run\":[{\"tag\":\"gap\""));
    assert_non_null(strstr(s, "\"summary\":{\"checks\":"));
    free(s);
    /* without the tables (finsam check): none */
    json_of(&m, false, &s);
    assert_null(strstr(s, "\"tables\""));
    assert_non_null(strstr(s, "\"same_as\":{"));
    free(s);
    model_free(&m);
}

static void junit_and_tap_count_the_same_tests(void **state)
{
    Model m = build(*state);
    /* two runs, one finding of a figure, the figures that agree, one not run */
    assert_int_equal(tap_count(&m), 2 + 1 + 1 + 1);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    write_junit_begin(f, tap_count(&m), m.summary.failed);
    write_junit_file(f, &m);
    write_junit_end(f);
    fclose(f);
    assert_non_null(strstr(buf, "<testsuite name=\"year.fin\" tests=\"5\" failures=\"2\" "
                                "errors=\"0\" skipped=\"1\">"));
    assert_non_null(strstr(buf, "name=\"big\">"));
    assert_non_null(strstr(buf, "<testcase classname=\"year.fin\" name=\"fine\"/>"));
    assert_non_null(strstr(buf, "<skipped message=\""));
    /* the check's failure names the total's finding it is probably the same error as */
    const char *big = strstr(buf, "name=\"big\">");
    assert_non_null(strstr(big, "probably the same error as "));
    assert_non_null(strstr(big, "year.fin:7:29\n</failure>"));
    free(buf);
    f = open_memstream(&buf, &n);
    int next = 1;
    write_tap_plan(f, tap_count(&m));
    write_tap_file(f, &m, &next);
    fclose(f);
    assert_int_equal(next, 6);
    assert_non_null(strstr(buf, "1..5\n# year.fin\nok 1 - year.fin: "));
    assert_non_null(strstr(buf, "not ok 2 - formula: "));
    assert_non_null(strstr(buf, "not ok 3 - big Summan är liten\n"));
    assert_non_null(strstr(buf, "ok 4 - fine A är positiv\n"));
    assert_non_null(strstr(buf, "ok 5 - gap: "));
    assert_non_null(strstr(buf, " # SKIP "));
    /* the check's YAML names it too; the total's own finding has no cause */
    const char *check = strstr(buf, "not ok 3 - big");
    assert_non_null(strstr(check, "  same_as: \""));
    assert_non_null(strstr(check, "year.fin:7:29\"\n  ...\n"));
    assert_null(strstr(buf, "same_as") < check ? strstr(buf, "same_as") : NULL);
    free(buf);
    model_free(&m);
}

/* A test's name is written whole, however long its parts: names were cut at 256 and
 * 1 024 bytes, in the middle of a character too (TAP that was not UTF-8). */
static void long_names_are_written_whole(void **state)
{
    ProgFx *fx = *state;
    char name[1 + 2 * 300 + 1] = "k", label[2 * 700 + 1] = "";
    for (int i = 0; i < 300; i++)
        memcpy(name + 1 + 2 * i, "å", 2);
    name[sizeof name - 1] = '\0';
    for (int i = 0; i < 700; i++)
        memcpy(label + 2 * i, "Ö", 2);
    label[sizeof label - 1] = '\0';
    Arena a;
    arena_init(&a);
    char *year = arena_printf(&a,
                              "report \"R\" { year 2025 }\n"
                              "accounts t \"T\" (2025) {\n"
                              "    a \"A\" | 100\n"
                              "    eq \"%s\" = prev(t.eq) + a | 5\n"
                              "}\n"
                              "check %s \"Liten\" error: t.a[2025] < 1\n", label, name);
    Model m = build_from(fx, year);
    assert_int_equal(m.nnot_run, 1);
    char *buf = NULL;
    size_t n = 0;
    FILE *f = open_memstream(&buf, &n);
    int next = 1;
    write_tap_file(f, &m, &next);
    fclose(f);
    assert_non_null(strstr(buf, arena_printf(&a, " - %s Liten\n", name)));
    assert_non_null(strstr(buf, arena_printf(&a, "%s, ", label)));
    free(buf);
    f = open_memstream(&buf, &n);
    write_junit_file(f, &m);
    fclose(f);
    assert_non_null(strstr(buf, arena_printf(&a, "name=\"%s\">", name)));
    assert_non_null(strstr(buf, arena_printf(&a, "%s, ", label)));
    free(buf);
    model_free(&m);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(model_links_a_finding_to_its_cause, setup, teardown),
        cmocka_unit_test_setup_teardown(json_finding_names_its_cause, setup, teardown),
        cmocka_unit_test_setup_teardown(junit_and_tap_count_the_same_tests, setup, teardown),
        cmocka_unit_test_setup_teardown(long_names_are_written_whole, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
