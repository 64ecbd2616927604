/* Unit tests for load.c and ast_clone.c: a year and its earlier years share the files
 * they import (read and parsed once, a copy resolved by each), and a file is known by
 * its device and inode. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"
#include "plans.h"

#define setup prog_fx_setup
#define teardown prog_fx_teardown

/* The module of the file whose path ends in name, or fails. */
static Module *module_named(const Program *prog, const char *name)
{
    size_t n = strlen(name);
    for (int i = 0; i < prog->modules.len; i++) {
        Module *m = prog->modules.items[i];
        size_t k = strlen(m->src->path);
        if (k >= n && strcmp(m->src->path + k - n, name) == 0)
            return m;
    }
    fail_msg("no module %s", name);
    return NULL;
}

static Decl *decl_of(const Module *m, DeclType type)
{
    for (int i = 0; i < m->decls.len; i++) {
        Decl *d = m->decls.items[i];
        if (d->type == type)
            return d;
    }
    fail_msg("no declaration of type %d", (int)type);
    return NULL;
}

/* rules.fin, imported by both years: a table of its own, a check on the year file's
 * table and one with a call, so that resolving writes into both. */
static const char RULES[] =
    "table shared \"Delad\" (2025, 2024) {\n"
    "    a \"A\" | 1 | 1\n"
    "    b \"B\" = a + 1 | 2 | 2\n"
    "}\n"
    "check total_known \"Intäkterna är kända\" error:\n"
    "    income.total >= 0\n"
    "check sum_known \"Summan\" error:\n"
    "    max(shared.a, shared.b) == 2\n";

static void write_years(ProgFx *fx)
{
    write_file(fx, "rules.fin", RULES);
    write_file(fx, "2024.fin", "import \"rules\"\n"
                               "report \"2024\" {\n    year 2024\n}\n"
                               "accounts income \"Intäkter\" (2024) {\n"
                               "    total \"Summa\" | 7\n"
                               "}\n");
    write_file(fx, "2025.fin", "import \"rules\"\n"
                               "report \"2025\" {\n    year 2025\n    previous \"2024\"\n}\n"
                               "accounts income \"Intäkter\" (2025, 2024) {\n"
                               "    total \"Summa\" | 9 | 7\n"
                               "}\n");
}

static void load_years(ProgFx *fx)
{
    write_years(fx);
    load_resolve(fx, "2025.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(program_load_previous(&fx->prog, no_options()), 0);
    assert_no_diags(&fx->prog.diags);
    assert_non_null(fx->prog.previous);
}

static void test_earlier_year_shares_the_text_of_an_import(void **state)
{
    ProgFx *fx = *state;
    load_years(fx);
    const Module *now = module_named(&fx->prog, "/rules.fin");
    const Module *before = module_named(fx->prog.previous, "/rules.fin");
    /* read once: the same text; the earlier year's own Source, in its own place */
    assert_ptr_equal(now->src->text, before->src->text);
    assert_ptr_not_equal(now->src, before->src);
    assert_int_equal(before->src->index, 1);
    /* but a module of its own, in which every location is in its own Source */
    assert_ptr_not_equal(now, before);
    const Check *c = decl_of(before, D_CHECK)->u.check;
    assert_ptr_equal(c->loc.src, before->src);
    assert_ptr_equal(c->expr->loc.src, before->src);
    /* the year files themselves are each read */
    assert_ptr_not_equal(module_named(&fx->prog, "/2025.fin")->src->text,
                         module_named(fx->prog.previous, "/2024.fin")->src->text);
}

static void test_each_year_resolves_its_own_copy(void **state)
{
    ProgFx *fx = *state;
    load_years(fx);
    Program *later = &fx->prog, *earlier = fx->prog.previous;
    const Check *now = check_named(later, "total_known");
    const Check *before = check_named(earlier, "total_known");
    assert_ptr_not_equal(now, before);
    /* income.total in the rules is each year's own income table */
    const Expr *ref_now = now->expr->u.binary.left, *ref_before = before->expr->u.binary.left;
    assert_int_equal(ref_now->type, E_REF);
    assert_ptr_equal(ref_now->u.ref.table, table_named(later, "income"));
    assert_ptr_equal(ref_before->u.ref.table, table_named(earlier, "income"));
    assert_ptr_not_equal(ref_now->u.ref.table, ref_before->u.ref.table);
    /* the rules' own table: one per year, numbered in its year's list */
    Table *t_now = table_named(later, "shared"), *t_before = table_named(earlier, "shared");
    assert_ptr_not_equal(t_now, t_before);
    assert_ptr_equal(later->tables.items[t_now->id], t_now);
    assert_ptr_equal(earlier->tables.items[t_before->id], t_before);
    /* names compare by pointer across the years: one interner */
    assert_ptr_equal(t_now->name, t_before->name);
    assert_ptr_equal(table_named(later, "income")->name, table_named(earlier, "income")->name);
}

static void test_shared_years_evaluate_alike(void **state)
{
    ProgFx *fx = *state;
    load_years(fx);
    assert_int_equal(program_eval(&fx->prog, &fx->res), 0);
    sentences_render(&fx->res, &fx->prog.arena);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(fx->res.failed.len, 0);
}

static void test_clone_copies_every_node(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "year.fin",
               "report \"R\" {\n    year 2025\n}\n"
               "table t \"T\" (2025, 2024) {\n"
               "    section s \"S\" {\n"
               "        section inner \"I\" {\n"
               "            a \"A\" | 1 | 2\n"
               "        }\n"
               "        b \"B\" = max(a, 1) + -a | 1 | 2\n"
               "    }\n"
               "    c \"C\" = sum(s) | 2 | 4\n"
               "}\n"
               "allocation split \"Fördelning\" total 10 {\n"
               "    g \"G\" 1/1 {\n"
               "        m \"M\" | 10\n"
               "    }\n"
               "}\n"
               "param p \"P\" = 5%\n"
               "check k \"K\" error:\n    not (t.a == 3)\n");
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    /* a module copied before resolving: parse it again here to have one */
    Module *m = NULL;
    const Source *src = ((Module *)fx->prog.modules.items[0])->src;
    assert_int_equal(parse_module(&fx->prog.arena, &fx->prog.diags, &fx->prog.names, src, &m), 0);
    Source *to = arena_alloc(&fx->prog.arena, sizeof *to);
    *to = *src;
    Module *c = module_clone(&fx->prog.arena, m, src, to);
    assert_ptr_equal(c->src, to);
    assert_int_equal(c->decls.len, m->decls.len);
    assert_ptr_not_equal(c->decls.items, m->decls.items);

    const Table *t0 = decl_of(m, D_TABLE)->u.table, *t1 = decl_of(c, D_TABLE)->u.table;
    assert_ptr_not_equal(t0, t1);
    assert_ptr_equal(t1->src, to);
    assert_ptr_equal(t1->loc.src, to);
    assert_int_equal(t1->nrows, 3);
    assert_int_equal(t1->sections.len, 2);
    const Section *s = t1->sections.items[0], *inner = t1->sections.items[1];
    assert_ptr_not_equal(s, t0->sections.items[0]);
    assert_ptr_equal(inner->parent, s);
    assert_ptr_equal(s->table, t1);
    for (int i = 0; i < t1->nrows; i++) {
        assert_ptr_not_equal(t1->rows[i], t0->rows[i]);
        assert_ptr_equal(row_loc(t1, t1->rows[i]).src, to);
        assert_ptr_equal(t1->rows[i]->name, t0->rows[i]->name);
        assert_ptr_not_equal(t1->rows[i]->cells, t0->rows[i]->cells);
        assert_memory_equal(t1->rows[i]->cells, t0->rows[i]->cells, 2 * sizeof(Cell));
    }
    assert_ptr_equal(row_section(t1->rows[0]), inner);
    assert_ptr_equal(row_section(t1->rows[1]), s);
    assert_null(row_section(t1->rows[2]));
    /* b = max(a, 1) + -a: every node copied and moved */
    const Expr *b0 = row_formula(t0->rows[1]), *b1 = row_formula(t1->rows[1]);
    assert_int_equal(b1->type, E_BINARY);
    assert_ptr_not_equal(b1, b0);
    assert_ptr_equal(b1->loc.src, to);
    const Expr *call = b1->u.binary.left, *neg = b1->u.binary.right;
    assert_int_equal(call->type, E_CALL);
    assert_ptr_not_equal(call, b0->u.binary.left);
    assert_ptr_equal(call->u.call.name_loc.src, to);
    assert_int_equal(call->u.call.args.len, 2);
    assert_ptr_not_equal(call->u.call.args.items, b0->u.binary.left->u.call.args.items);
    assert_ptr_not_equal(call->u.call.args.items[0], b0->u.binary.left->u.call.args.items[0]);
    assert_ptr_equal(((Expr *)call->u.call.args.items[0])->loc.src, to);
    assert_int_equal(neg->type, E_NEG);
    assert_ptr_not_equal(neg->u.unary.operand, b0->u.binary.right->u.unary.operand);

    const Allocation *a0 = decl_of(m, D_ALLOC)->u.alloc, *a1 = decl_of(c, D_ALLOC)->u.alloc;
    assert_ptr_not_equal(a0, a1);
    assert_ptr_not_equal(a1->groups[0], a0->groups[0]);
    assert_ptr_equal(a1->groups[0]->alloc, a1);
    assert_ptr_not_equal(a1->groups[0]->fraction, a0->groups[0]->fraction);
    assert_ptr_not_equal(a1->groups[0]->members[0], a0->groups[0]->members[0]);
    assert_ptr_equal(a1->groups[0]->members[0]->group, a1->groups[0]);
    assert_ptr_equal(a1->groups[0]->members[0]->loc.src, to);

    const Check *k0 = decl_of(m, D_CHECK)->u.check, *k1 = decl_of(c, D_CHECK)->u.check;
    assert_ptr_not_equal(k1->expr, k0->expr);
    assert_int_equal(k1->expr->type, E_NOT);
    assert_ptr_not_equal(k1->expr->u.unary.operand, k0->expr->u.unary.operand);
    assert_ptr_equal(k1->name_loc.src, to);
    assert_ptr_not_equal(decl_of(c, D_PARAM)->u.param, decl_of(m, D_PARAM)->u.param);
    assert_ptr_equal(decl_of(c, D_REPORT)->u.report->loc.src, to);
}

/* The plan the year names imports the rules too: it copies the year's reading. */
static void test_a_plan_shares_the_files_of_its_year(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "rules.fin", "param p \"P\" = 5%\n");
    write_file(fx, "plan2025.fin", "import \"rules\"\n"
                                   "plan \"Plan 2025\" {\n    year 2025\n}\n");
    write_file(fx, "2025.fin", "import \"rules\"\n"
                               "report \"2025\" {\n    year 2025\n    plan \"plan2025\"\n}\n");
    load_resolve(fx, "2025.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(program_load_plan(&fx->prog, no_options()), 0);
    assert_no_diags(&fx->prog.diags);
    const Module *year = module_named(&fx->prog, "/rules.fin");
    const Module *plan = module_named(fx->prog.plan, "/rules.fin");
    assert_ptr_equal(year->src->text, plan->src->text);
    assert_ptr_not_equal(year, plan);
    assert_ptr_equal(fx->prog.plan->first, &fx->prog);
}

/* A run's programs in one arena: the year file's within the run's, the earlier
 * year's within the year file's; each allocation zeroed, all freed with the run. */
static void test_programs_within_a_run_arena(void **state)
{
    ProgFx *fx = *state;
    program_free(&fx->prog);
    Arena run;
    arena_init_huge(&run);
    program_init_within(&fx->prog, &run);
    load_years(fx);
    assert_ptr_equal(fx->prog.arena.within, &run);
    assert_ptr_equal(fx->prog.previous->arena.within, &fx->prog.arena);
    assert_int_equal(program_eval(&fx->prog, &fx->res), 0);
    assert_int_equal(fx->res.failed.len, 0);
    /* more than a block of the earlier year's arena: blocks taken one after another */
    for (int i = 0; i < 64; i++) {
        unsigned char *p = arena_alloc(&fx->prog.previous->arena, 4000);
        for (int k = 0; k < 4000; k++)
            assert_int_equal(p[k], 0);
        memset(p, 0xA5, 4000);
    }
    unsigned char *big = arena_alloc(&fx->prog.previous->arena, 300000);
    assert_int_equal(big[0] | big[299999], 0);
    program_free(&fx->prog);
    arena_free(&run);
    program_init(&fx->prog); /* for the teardown */
}

/* A program for one command: its arena starts with the huge page, and whatever its
 * interner put in the arena is freed with it (a leak here shows under the sanitizers
 * and valgrind: the arena was once made again after the interner had used it). */
static void test_a_program_in_a_huge_arena(void **state)
{
    ProgFx *fx = *state;
    program_free(&fx->prog);
    program_init_huge(&fx->prog);
    assert_null(fx->prog.arena.within);
    const char *name = intern(&fx->prog.names, "total", 5);
    assert_ptr_equal(intern(&fx->prog.names, "total", 5), name);
    write_years(fx);
    assert_int_equal(program_load(&fx->prog, write_file(fx, "x.fin", "param x = 1\n"),
                                  no_options()), 0);
}

static void test_a_file_under_two_names_is_loaded_once(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "b.fin", "param x = 1\n");
    char target[PATH_MAX], link[PATH_MAX];
    snprintf(target, sizeof target, "%s/b.fin", fx->dir);
    snprintf(link, sizeof link, "%s/c.fin", fx->dir);
    assert_int_equal(symlink(target, link), 0);
    write_file(fx, "year.fin", "import \"b\"\nimport \"c\"\n" REPORT_2025);
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(fx->prog.modules.len, 2);
}

static void test_a_cycle_through_a_link_is_found(void **state)
{
    ProgFx *fx = *state;
    write_file(fx, "a.fin", "import \"b\"\n");
    char target[PATH_MAX], link[PATH_MAX];
    snprintf(target, sizeof target, "%s/a.fin", fx->dir);
    snprintf(link, sizeof link, "%s/b.fin", fx->dir);
    assert_int_equal(symlink(target, link), 0);
    write_file(fx, "year.fin", "import \"a\"\n" REPORT_2025);
    load_resolve(fx, "year.fin", NULL);
    assert_non_null(find_diag(&fx->prog.diags, "import cycle"));
}

/* An SIE file given as a finsam file is said to be one; a rule file whose first comment
 * reads like a record's label is not taken for one. */
static void test_an_sie_file_is_not_read_as_comments(void **state)
{
    ProgFx *fx = *state;
    const char *sie = write_file(fx, "bok.se", "\n#FLAGGA 0\n#PROGRAM \"X\" 1\n#SIETYP 4\n");
    assert_int_equal(program_load(&fx->prog, sie, no_options()), 1);
    assert_non_null(find_diag(&fx->prog.diags, "an SIE file (a ledger)"));
}

static void test_a_comment_like_a_record_is_a_comment(void **state)
{
    ProgFx *fx = *state;
    const char *fin = write_file(fx, "x.fin", "#FLAGGA-like comment\n#SIETYP\nparam x = 1\n");
    assert_int_equal(program_load(&fx->prog, fin, no_options()), 0);
    assert_no_diags(&fx->prog.diags);
}

/* A file given by another name than NAME.fin that does not parse is most likely not a
 * finsam file: one error, not one for each of its lines; one that parses is read. */
static void test_a_text_that_is_not_finsam_gives_one_error(void **state)
{
    ProgFx *fx = *state;
    const char *txt = write_file(fx, "report.txt", "Årsredovisning 2025\n\nResultat (tkr) 12\n"
                                                   "Not 1; Not 2; Not 3\n");
    assert_int_equal(program_load(&fx->prog, txt, no_options()), 1);
    assert_int_equal(fx->prog.diags.errors, 1);
    assert_non_null(find_diag(&fx->prog.diags, "does not start a declaration"));
}

static void test_a_finsam_text_by_another_name_is_read(void **state)
{
    ProgFx *fx = *state;
    const char *txt = write_file(fx, "rules.txt", "param x = 1\n");
    assert_int_equal(program_load(&fx->prog, txt, no_options()), 0);
    assert_no_diags(&fx->prog.diags);
    const char *fin = write_file(fx, "bad.fin", "Not 1; Not 2\nNot 3; Not 4\n");
    program_free(&fx->prog);
    program_init(&fx->prog);
    program_load(&fx->prog, fin, no_options());
    assert_true(fx->prog.diags.errors > 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_earlier_year_shares_the_text_of_an_import, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_each_year_resolves_its_own_copy, setup, teardown),
        cmocka_unit_test_setup_teardown(test_shared_years_evaluate_alike, setup, teardown),
        cmocka_unit_test_setup_teardown(test_clone_copies_every_node, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_plan_shares_the_files_of_its_year, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_programs_within_a_run_arena, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_program_in_a_huge_arena, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_file_under_two_names_is_loaded_once, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_cycle_through_a_link_is_found, setup, teardown),
        cmocka_unit_test_setup_teardown(test_an_sie_file_is_not_read_as_comments, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_comment_like_a_record_is_a_comment, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_text_that_is_not_finsam_gives_one_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_a_finsam_text_by_another_name_is_read, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
