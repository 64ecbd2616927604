/* fuzz_json: libFuzzer harness over json_value.c, the reader of finsam lsp's JSON-RPC
 * messages, which come from an editor and may be anything.
 *
 * Properties (a failure aborts with the texts involved):
 *   any bytes   jv_parse returns a value, or NULL with a message and an offset within
 *               the text;
 *   round trip  a text that parses, written by jv_text, parses again; that text written
 *               once more is the same text (the first writing may differ: a byte that is
 *               not UTF-8 becomes \ufffd, an escape its character);
 *   lookup      jv_get finds the last member of each name, jv_item every item.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json_value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what, const char *a, const char *b)
{
    fprintf(stderr, "fuzz_json: %s\n  %s\n  %s\n", what, a, b ? b : "");
    abort();
}

/* Every member is found by its name unless a later one has the same name; every item
 * by its index. */
static void check_lookup(const JsonValue *v)
{
    size_t i = 0;
    for (const JsonValue *m = v->first; m; m = m->next, i++) {
        if (v->type == JV_ARRAY && jv_item(v, i) != m)
            fail("jv_item does not find an item", "", NULL);
        if (v->type == JV_OBJECT && memchr(m->key, '\0', m->key_len) == NULL) {
            const JsonValue *found = jv_get(v, m->key), *last = m;
            for (const JsonValue *n = m->next; n; n = n->next)
                if (n->key_len == m->key_len && memcmp(n->key, m->key, m->key_len) == 0)
                    last = n;
            if (found != last)
                fail("jv_get does not find the last member of a name", m->key, NULL);
        }
        check_lookup(m);
    }
    if (i != v->count)
        fail("count is not the number of items or members", "", NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena a;
    arena_init(&a);
    JvError err = {0};
    JsonValue *v = jv_parse(&a, (const char *)data, size, &err);
    if (!v) {
        if (!err.message || err.offset > size)
            fail("an error without a message, or beyond the text", err.message ? err.message : "",
                 NULL);
        arena_free(&a);
        return 0;
    }
    check_lookup(v);
    size_t n1, n2, n3;
    char *once = jv_text(&a, v, &n1);
    JsonValue *w = jv_parse(&a, once, n1, &err);
    if (!w)
        fail("what jv_text wrote does not parse", once, err.message);
    char *twice = jv_text(&a, w, &n2);
    JsonValue *x = jv_parse(&a, twice, n2, &err);
    if (!x)
        fail("what jv_text wrote does not parse", twice, err.message);
    char *thrice = jv_text(&a, x, &n3);
    if (n2 != n3 || memcmp(twice, thrice, n2) != 0)
        fail("written twice, the text changes", twice, thrice);
    arena_free(&a);
    return 0;
}
