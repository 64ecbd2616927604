/* Unit tests for draft_input: what a file given to finsam draft holds, by its bytes,
 * and its text as UTF-8. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "draft.h"

#define KIND(lit) draft_text_kind(lit, sizeof lit - 1)

/* Documents that are not text are told by their first bytes. */
static void test_documents(void **state)
{
    (void)state;
    assert_int_equal(KIND("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), DTEXT_PDF);
    assert_int_equal(KIND("PK\x03\x04\x14\0\x06\0"), DTEXT_ZIP);
    assert_int_equal(KIND("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0"), DTEXT_OLE);
    assert_int_equal(KIND("{\\rtf1\\ansi\\ansicpg1252 {\\fonttbl}"), DTEXT_RTF);
    /* a NUL byte near the start, as git tells a binary file */
    assert_int_equal(KIND("\x7F" "ELF\x02\x01\x01\0\0\0"), DTEXT_BINARY);
    /* the same words inside a text are text */
    assert_int_equal(KIND("Se %PDF-1.7 nedan\n"), DTEXT_UTF8);
}

/* Text: UTF-8 (ASCII too), UTF-16 with its byte order mark, else Windows-1252. */
static void test_encodings(void **state)
{
    (void)state;
    assert_int_equal(KIND(""), DTEXT_UTF8);
    assert_int_equal(KIND("Intäkter  1 000\n"), DTEXT_UTF8);
    assert_int_equal(KIND("\xEF\xBB\xBFIntäkter\n"), DTEXT_UTF8);
    assert_int_equal(KIND("\xFF\xFEI\0n\0"), DTEXT_UTF16LE);
    assert_int_equal(KIND("\xFE\xFF\0I\0n"), DTEXT_UTF16BE);
    assert_int_equal(KIND("Int\xE4kter  1 000\n\xC5rsredovisning\n"), DTEXT_CP1252);
    /* UTF-8 with a stray byte stays UTF-8: reading it as Windows-1252 would garble every
     * character of it */
    assert_int_equal(KIND("Intäkter \xE4 1 000\n"), DTEXT_UTF8);
}

static const char *as_utf8(Arena *a, const char *s, size_t n)
{
    size_t len;
    char *t = draft_text_utf8(a, draft_text_kind(s, n), s, n, &len);
    assert_int_equal(strlen(t), len);
    return t;
}
#define UTF8(a, lit) as_utf8(a, lit, sizeof lit - 1)

static void test_conversion(void **state)
{
    (void)state;
    Arena a;
    arena_init(&a);
    assert_string_equal(UTF8(&a, "Intäkter  1 000\n"), "Intäkter  1 000\n");
    /* the byte order mark is not text; a NUL byte (past where the kind is told) reads as
     * a space */
    assert_string_equal(UTF8(&a, "\xEF\xBB\xBFSumma\n"), "Summa\n");
    size_t len;
    assert_string_equal(draft_text_utf8(&a, DTEXT_UTF8, "a\0b", 3, &len), "a b");
    assert_string_equal(UTF8(&a, "\xC5rsredovisning 2025 \x96 \x80 5\n"),
                        "Årsredovisning 2025 – € 5\n");
    /* the five bytes Windows-1252 leaves undefined */
    assert_string_equal(UTF8(&a, "\xE5 \x81\x8D\x8F\x90\x9D"), "å ?????");
    assert_string_equal(UTF8(&a, "\xFF\xFE\xC5\0r\0 \0\xAC\x20\n\0"), "År €\n");
    assert_string_equal(UTF8(&a, "\xFE\xFF\0\xC5\0r\xD8\x3D\xDE\x00"), "År\xF0\x9F\x98\x80");
    /* a surrogate without its pair, and an odd last byte */
    assert_string_equal(UTF8(&a, "\xFF\xFE\x00\xD8x\0y"), "?x?");
    arena_free(&a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_documents),
        cmocka_unit_test(test_encodings),
        cmocka_unit_test(test_conversion),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
