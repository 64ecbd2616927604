/* Unit tests for suggest.c: the edit distance, and which name is near enough to be
 * meant. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "suggest.h"

static void test_edit_distance(void **state)
{
    (void)state;
    assert_int_equal(suggest_edit_distance("check", "check"), 0);
    assert_int_equal(suggest_edit_distance("chek", "check"), 1);    /* one left out */
    assert_int_equal(suggest_edit_distance("chekc", "check"), 2);   /* two swapped */
    assert_int_equal(suggest_edit_distance("", "sie"), 3);
    assert_int_equal(suggest_edit_distance("kitten", "sitting"), 3);
    char long_name[70];
    for (int i = 0; i < 69; i++)
        long_name[i] = 'a';
    long_name[69] = '\0';
    assert_int_equal(suggest_edit_distance(long_name, "a"), 99);
}

static void test_nearest_near_enough(void **state)
{
    (void)state;
    Suggest s = {"raport", NULL, 99};
    suggest_consider(&s, "rules");
    suggest_consider(&s, NULL);
    suggest_consider(&s, "report");
    assert_string_equal(s.best, "report");
    assert_int_equal(s.distance, 1);

    /* an edit for every three characters, and one more: "xyzzy" is nothing near "new" */
    Suggest far = {"xyzzy", NULL, 99};
    suggest_consider(&far, "new");
    suggest_consider(&far, "sie");
    assert_null(far.best);

    /* the first of two as near stays */
    Suggest tie = {"sxe", NULL, 99};
    suggest_consider(&tie, "sie");
    suggest_consider(&tie, "sue");
    assert_string_equal(tie.best, "sie");
    assert_int_equal(tie.distance, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_edit_distance),
        cmocka_unit_test(test_nearest_near_enough),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
