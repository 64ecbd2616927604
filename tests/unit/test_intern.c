/* Unit tests for intern: one copy of each name, also across interners that share. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

static void test_same_name_same_pointer(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Interner in;
    interner_init(&in, &a);
    const char *x = intern(&in, "total", 5);
    assert_ptr_equal(intern(&in, "total!", 5), x);
    assert_ptr_not_equal(intern(&in, "totals", 6), x);
    assert_ptr_equal(interner_find(&in, "total"), x);
    assert_null(interner_find(&in, "never"));
    interner_free(&in);
    arena_free(&a);
}

/* An earlier year's program interns its names in the year file's interner: a name
 * looked up through either is the one copy (a regression: interner_find looked only in
 * the sharing interner's own empty table, so no row of an earlier year was found). */
static void test_find_through_a_shared_interner(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Interner first, earlier;
    interner_init(&first, &a);
    interner_init(&earlier, &a);
    interner_share(&earlier, &first);
    const char *x = intern(&earlier, "equity", 6);
    assert_ptr_equal(intern(&first, "equity", 6), x);
    assert_ptr_equal(interner_find(&earlier, "equity"), x);
    assert_ptr_equal(interner_find(&first, "equity"), x);
    assert_null(interner_find(&earlier, "assets"));
    interner_free(&earlier);
    interner_free(&first);
    arena_free(&a);
}

/* Many names: the table grows and every name is still found. */
static void test_growth_keeps_every_name(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    Interner in;
    interner_init(&in, &a);
    char name[16];
    const char *first[2000];
    for (int i = 0; i < 2000; i++) {
        int n = snprintf(name, sizeof name, "row%d", i);
        first[i] = intern(&in, name, (size_t)n);
    }
    for (int i = 0; i < 2000; i++) {
        snprintf(name, sizeof name, "row%d", i);
        assert_ptr_equal(interner_find(&in, name), first[i]);
    }
    interner_free(&in);
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_name_same_pointer),
        cmocka_unit_test(test_find_through_a_shared_interner),
        cmocka_unit_test(test_growth_keeps_every_name),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
