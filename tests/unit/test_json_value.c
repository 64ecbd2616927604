/* Unit tests for json_value: JSON text (RFC 8259) read into values, looked up, built and
 * written back, and the texts that are not JSON refused with where and why. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "json_value.h"

static JsonValue *parse(Arena *a, const char *text)
{
    JvError err = {0};
    JsonValue *v = jv_parse(a, text, strlen(text), &err);
    if (!v)
        fail_msg("'%s' did not parse: %s at %zu", text, err.message, err.offset);
    return v;
}

/* The text as jv_text writes what it reads. */
static const char *round_trip(Arena *a, const char *text)
{
    size_t n;
    char *s = jv_text(a, parse(a, text), &n);
    assert_int_equal(n, strlen(s));
    return s;
}

/* The error a text that is not JSON gives: its message, its offset in *offset. */
static const char *error_of(Arena *a, const char *text, size_t len, size_t *offset)
{
    JvError err = {0};
    JsonValue *v = jv_parse(a, text, len, &err);
    if (v)
        fail_msg("'%s' parsed, but is not JSON", text);
    assert_non_null(err.message);
    if (offset)
        *offset = err.offset;
    return err.message;
}

static void test_scalars(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    assert_int_equal(parse(&a, "null")->type, JV_NULL);
    JsonValue *t = parse(&a, " true "), *f = parse(&a, "\r\n\tfalse");
    assert_int_equal(t->type, JV_BOOL);
    assert_true(t->boolean);
    assert_false(f->boolean);
    JsonValue *s = parse(&a, "\"plain\"");
    assert_string_equal(jv_string(s), "plain");
    assert_int_equal(s->len, 5);
    assert_null(jv_string(t));
    arena_free(&a);
}

/* Integers are exact in int64_t, the text kept as written; anything else is text only. */
static void test_numbers(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    JsonValue *v = parse(&a, "9223372036854775807");
    assert_true(v->is_int);
    assert_true(v->integer == INT64_MAX);
    v = parse(&a, "-9223372036854775808");
    assert_true(v->is_int);
    assert_true(v->integer == INT64_MIN);
    v = parse(&a, "9223372036854775808");
    assert_false(v->is_int);
    assert_string_equal(v->text, "9223372036854775808");
    v = parse(&a, "-0");
    assert_true(v->is_int);
    assert_int_equal(v->integer, 0);
    assert_string_equal(v->text, "-0");
    const char *not_int[] = {"1.5", "-0.25e+3", "1E9", "2e-1", "0.0"};
    for (size_t i = 0; i < sizeof not_int / sizeof *not_int; i++) {
        v = parse(&a, not_int[i]);
        assert_int_equal(v->type, JV_NUMBER);
        assert_false(v->is_int);
        assert_string_equal(v->text, not_int[i]);
    }
    int n;
    assert_true(jv_int(parse(&a, "2147483647"), &n));
    assert_int_equal(n, 2147483647);
    assert_true(jv_int(parse(&a, "-2147483648"), &n));
    assert_int_equal(n, -2147483647 - 1);
    assert_false(jv_int(parse(&a, "2147483648"), &n));
    assert_false(jv_int(parse(&a, "1.0"), &n));
    assert_false(jv_int(parse(&a, "\"1\""), &n));
    assert_false(jv_int(NULL, &n));
    arena_free(&a);
}

static void test_every_escape(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    JsonValue *v = parse(&a, "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"");
    assert_string_equal(v->text, "\" \\ / \b \f \n \r \t");
    v = parse(&a, "\"\\u0041\\u00e5\\u00C5\\u20AC\\uffff\"");
    assert_string_equal(v->text, "A\xc3\xa5\xc3\x85\xe2\x82\xac\xef\xbf\xbf");
    /* U+1F600 as a surrogate pair, and U+10FFFF, the last code point */
    v = parse(&a, "\"\\ud83d\\ude00 \\uDBFF\\uDFFF\"");
    assert_string_equal(v->text, "\xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf");
    /* a NUL is a byte of the string: its length says so */
    v = parse(&a, "\"a\\u0000b\"");
    assert_int_equal(v->len, 3);
    assert_memory_equal(v->text, "a\0b", 4);
    /* UTF-8 as it is, and bytes that are not UTF-8 as they are too */
    v = parse(&a, "\"\xc3\xa5r \xff\"");
    assert_string_equal(v->text, "\xc3\xa5r \xff");
    arena_free(&a);
}

static void test_nesting_and_lookup(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    JsonValue *m = parse(&a, "{\"id\": 3, \"params\": {\"textDocument\": {\"uri\": \"file:///x\"},"
                             " \"position\": {\"line\": 4, \"character\": 7}},"
                             " \"list\": [1, [2, []], {}, \"x\"], \"id\": 5}");
    assert_int_equal(m->type, JV_OBJECT);
    assert_int_equal(m->count, 4);
    int n;
    /* a name given twice: the last, as json-c had it */
    assert_true(jv_int(jv_get(m, "id"), &n));
    assert_int_equal(n, 5);
    JsonValue *params = jv_get(m, "params");
    assert_string_equal(jv_string(jv_get(jv_get(params, "textDocument"), "uri")), "file:///x");
    assert_true(jv_int(jv_get(jv_get(params, "position"), "character"), &n));
    assert_int_equal(n, 7);
    assert_null(jv_get(m, "missing"));
    assert_null(jv_get(jv_get(m, "list"), "id")); /* an array has no members */
    assert_null(jv_get(NULL, "id"));
    JsonValue *list = jv_get(m, "list");
    assert_int_equal(list->count, 4);
    assert_true(jv_int(jv_item(list, 0), &n));
    assert_int_equal(n, 1);
    assert_int_equal(jv_item(jv_item(list, 1), 1)->type, JV_ARRAY);
    assert_int_equal(jv_item(jv_item(list, 1), 1)->count, 0);
    assert_int_equal(jv_item(list, 2)->type, JV_OBJECT);
    assert_string_equal(jv_string(jv_item(list, 3)), "x");
    assert_null(jv_item(list, 4));
    /* as deep as allowed */
    char deep[2 * JV_MAX_DEPTH + 1];
    memset(deep, '[', JV_MAX_DEPTH);
    memset(deep + JV_MAX_DEPTH, ']', JV_MAX_DEPTH);
    deep[2 * JV_MAX_DEPTH] = '\0';
    assert_non_null(parse(&a, deep));
    arena_free(&a);
}

static void assert_error(const char *text, const char *message, size_t offset)
{
    Arena a;
    arena_init(&a);
    size_t at;
    const char *m = error_of(&a, text, strlen(text), &at);
    if (strcmp(m, message) != 0 || at != offset)
        fail_msg("'%s': \"%s\" at %zu, not \"%s\" at %zu", text, m, at, message, offset);
    arena_free(&a);
}

static void test_truncated(void **state)
{
    (void)state;
    const char *texts[] = {"", "  ", "{", "{\"a\"", "{\"a\":", "{\"a\":1", "{\"a\":1,", "[",
                           "[1,", "\"abc", "\"ab\\", "\"\\u00", "-", "1.", "1e", "1e+",
                           "{\"a\":[{\"b\":\"c\"}"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
        assert_error(texts[i], "the text ends early", strlen(texts[i]));
}

static void test_not_json(void **state)
{
    (void)state;
    assert_error("{} x", "something after the value", 3);
    assert_error("1 2", "something after the value", 2);
    assert_error("{\"a\":1}}", "something after the value", 7);
    assert_error("[1 2]", "',' or ']' expected", 3);
    assert_error("{\"a\":1 \"b\":2}", "',' or '}' expected", 7);
    assert_error("{\"a\" 1}", "':' expected after a member's name", 5);
    assert_error("{a:1}", "a member's name (a string) expected", 1);
    assert_error("{\"a\":1,}", "a member's name (a string) expected", 7);
    assert_error("[1,]", "not a JSON value", 3);
    assert_error("'a'", "not a JSON value", 0);
    assert_error("tru", "not a JSON value", 0);
    assert_error("nul", "not a JSON value", 0);
    assert_error("NaN", "not a JSON value", 0);
    assert_error("/* c */ 1", "not a JSON value", 0);
    assert_error("+1", "not a JSON value", 0);
    assert_error("01", "something after the value", 1);
    assert_error(".5", "not a JSON value", 0);
    assert_error("1.e5", "a number's fraction needs a digit after the '.'", 2);
    assert_error("1ex", "a number's exponent needs a digit", 2);
    assert_error("-x", "a number needs a digit here", 1);
    assert_error("\"a\tb\"", "a control character in a string (write it as an escape)", 2);
    assert_error("\"a\nb\"", "a control character in a string (write it as an escape)", 2);
}

static void test_bad_escapes(void **state)
{
    (void)state;
    const char *bad = "a bad escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX are JSON's)";
    assert_error("\"\\q\"", bad, 1);
    assert_error("\"ab\\x41\"", bad, 3);
    assert_error("\"\\U0041\"", bad, 1);
    assert_error("\"\\u00g0\"", "\\u needs four hex digits", 3);
    assert_error("\"\\u12\"", "\\u needs four hex digits", 3);
}

static void test_lone_surrogates(void **state)
{
    (void)state;
    const char *no_low = "a high surrogate without a low one after it";
    const char *no_high = "a low surrogate without a high one before it";
    assert_error("\"\\ud800\"", no_low, 1);
    assert_error("\"x\\ud83d y\"", no_low, 2);
    assert_error("\"\\ud83d\\u0041\"", no_low, 1);
    assert_error("\"\\ud83d\\ud83d\"", no_low, 1);
    assert_error("\"\\ude00\"", no_high, 1);
    assert_error("\"\\ud83d\\ude00\\ude00\"", no_high, 13);
}

static void test_too_deep(void **state)
{
    (void)state;
    char deep[2 * JV_MAX_DEPTH + 3];
    memset(deep, '[', JV_MAX_DEPTH + 1);
    memset(deep + JV_MAX_DEPTH + 1, ']', JV_MAX_DEPTH + 1);
    deep[2 * JV_MAX_DEPTH + 2] = '\0';
    assert_error(deep, "arrays and objects nested too deep", JV_MAX_DEPTH);
    char objects[8 * (JV_MAX_DEPTH + 1) + 8];
    size_t n = 0;
    for (int i = 0; i <= JV_MAX_DEPTH; i++)
        n += (size_t)sprintf(objects + n, "{\"a\":");
    sprintf(objects + n, "1");
    assert_error(objects, "arrays and objects nested too deep", 5 * JV_MAX_DEPTH);
}

/* The reader keeps to the length it is given: a NUL in the text is not its end, and
 * bytes after the length are not read. */
static void test_length_not_nul(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    assert_string_equal(error_of(&a, "[1]\0", 4, NULL), "something after the value");
    assert_string_equal(error_of(&a, "\"a\0b\"", 5, NULL),
                        "a control character in a string (write it as an escape)");
    JsonValue *v = jv_parse(&a, "[1,2]garbage", 5, NULL);
    assert_non_null(v);
    assert_int_equal(v->count, 2);
    assert_null(jv_parse(&a, "[1,2]", 4, NULL));
    arena_free(&a);
}

static void test_round_trip(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    const char *same[] = {
        "null", "true", "[]", "{}", "[[],{},[{}]]", "-0", "1.50e+10", "12345678901234567890",
        "{\"id\":1,\"result\":{\"a\":[1,\"x\",null,false,true,-2.5]},\"jsonrpc\":\"2.0\"}",
        "\"\\\"\\\\\\n\\r\\t\\u0000\\u001f\"", "\"s\xc3\xa5 \xf0\x9f\x98\x80\"",
        "{\"a\\u0000b\":\"\"}",
    };
    for (size_t i = 0; i < sizeof same / sizeof *same; i++)
        assert_string_equal(round_trip(&a, same[i]), same[i]);
    /* the same values, written the one way the writer writes them */
    assert_string_equal(round_trip(&a, " { \"a\" : [ 1 , 2 ] } "), "{\"a\":[1,2]}");
    assert_string_equal(round_trip(&a, "\"\\/\\b\\f\\u0041\\u00e5\\ud83d\\ude00\""),
                        "\"/\\u0008\\u000cA\xc3\xa5\xf0\x9f\x98\x80\"");
    assert_string_equal(round_trip(&a, "\"\\u007f\""), "\"\\u007f\"");
    /* and what the writer writes reads back as the same text again */
    const char *texts[] = {"\"\\/\\b\\f\"", "{\"k\":[\"\\u0001\",{\"\\ud83d\\ude00\":-1e-5}]}"};
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const char *once = round_trip(&a, texts[i]);
        assert_string_equal(round_trip(&a, once), once);
    }
    arena_free(&a);
}

static void test_build_and_write(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    JsonValue *msg = parse(&a, "{\"id\":\"r/1\",\"method\":\"x\"}");
    JsonValue *id = jv_get(msg, "id");
    JsonValue *reply = jv_object(&a);
    jv_add(&a, reply, "id", id); /* in msg already: copied, msg left as it was */
    JsonValue *list = jv_array(&a);
    jv_push(&a, list, jv_int_new(&a, -42));
    jv_push(&a, list, jv_int_new(&a, INT64_MIN));
    jv_push(&a, list, jv_bool(&a, false));
    jv_push(&a, list, jv_null(&a));
    jv_push(&a, list, NULL);
    jv_push(&a, list, jv_str(&a, NULL));
    jv_push(&a, list, jv_strn(&a, "a\0b", 3));
    jv_add(&a, reply, "result", list);
    jv_add(&a, reply, "error", NULL);
    jv_add(&a, reply, "jsonrpc", jv_str(&a, "2.0"));
    size_t n;
    const char *s = jv_text(&a, reply, &n);
    assert_string_equal(s, "{\"id\":\"r/1\",\"result\":[-42,-9223372036854775808,false,null,null,"
                           "null,\"a\\u0000b\"],\"error\":null,\"jsonrpc\":\"2.0\"}");
    assert_int_equal(n, strlen(s));
    assert_string_equal(jv_text(&a, msg, &n), "{\"id\":\"r/1\",\"method\":\"x\"}");
    assert_string_equal(jv_text(&a, NULL, &n), "null");
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scalars),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_every_escape),
        cmocka_unit_test(test_nesting_and_lookup),
        cmocka_unit_test(test_truncated),
        cmocka_unit_test(test_not_json),
        cmocka_unit_test(test_bad_escapes),
        cmocka_unit_test(test_lone_surrogates),
        cmocka_unit_test(test_too_deep),
        cmocka_unit_test(test_length_not_nul),
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_build_and_write),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
