/* Unit tests for source: loading text, lines and columns, and UTF-8 validation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

#include <sys/wait.h>

static int setup(void **state)
{
    Arena *a = calloc(1, sizeof *a);
    if (!a)
        return -1;
    arena_init(a);
    *state = a;
    return 0;
}

static int teardown(void **state)
{
    arena_free(*state);
    free(*state);
    return 0;
}

static Source *from(void **state, const char *text, size_t len)
{
    return source_from_text(*state, "t.fin", text, len);
}

static Source *from_str(void **state, const char *text)
{
    return from(state, text, strlen(text));
}

static void test_plain_text(void **state)
{
    Source *s = from_str(state, "year 2025\nx\n");
    assert_string_equal(s->path, "t.fin");
    assert_int_equal(s->len, 12);
    assert_memory_equal(s->text, "year 2025\nx\n", 13); /* NUL-terminated */
    /* A final newline starts an empty last line. */
    assert_int_equal(source_line_count(s), 3);
    assert_int_equal(s->line_starts[0], 0);
    assert_int_equal(s->line_starts[1], 10);
    assert_int_equal(s->line_starts[2], 12);
}

static void test_empty_text(void **state)
{
    Source *s = from(state, "", 0);
    assert_int_equal(s->len, 0);
    assert_string_equal(s->text, "");
    assert_int_equal(source_line_count(s), 1);
    size_t len = 99;
    const char *line = source_line(s, 1, &len);
    assert_int_equal(len, 0);
    assert_non_null(line);
    int l = 0, c = 0;
    source_line_col(s, 0, &l, &c);
    assert_int_equal(l, 1);
    assert_int_equal(c, 1);
    assert_int_equal(source_first_bad_byte(s), 0);
}

static void test_bom_stripped(void **state)
{
    const char text[] = "\xEF\xBB\xBFreport\n\xC3\xA5r";
    Source *s = from(state, text, sizeof text - 1);
    assert_int_equal(s->len, sizeof text - 1 - 3);
    assert_string_equal(s->text, "report\n\xC3\xA5r");
    int line, col;
    source_line_col(s, 0, &line, &col);
    assert_int_equal(line, 1);
    assert_int_equal(col, 1); /* the mark is not a column */
    size_t len;
    const char *first = source_line(s, 1, &len);
    assert_int_equal(len, 6);
    assert_memory_equal(first, "report", 6);
    assert_int_equal(source_first_bad_byte(s), s->len);
}

static void test_bom_only_at_start(void **state)
{
    /* A BOM in the middle is an ordinary (valid) character and stays. */
    const char text[] = "a\xEF\xBB\xBF";
    Source *s = from(state, text, sizeof text - 1);
    assert_int_equal(s->len, 4);
    assert_memory_equal(s->text, text, 4);
    /* Only one mark is removed. */
    const char two[] = "\xEF\xBB\xBF\xEF\xBB\xBFx";
    s = from(state, two, sizeof two - 1);
    assert_int_equal(s->len, 4);
    assert_memory_equal(s->text, "\xEF\xBB\xBFx", 4);
}

static void test_crlf_lines(void **state)
{
    const char *text = "a\r\nbb\r\n\r\nccc";
    Source *s = from_str(state, text);
    assert_int_equal(source_line_count(s), 4);
    size_t len;
    const char *line = source_line(s, 1, &len);
    assert_int_equal(len, 1);
    assert_memory_equal(line, "a", 1);
    line = source_line(s, 2, &len);
    assert_int_equal(len, 2);
    assert_memory_equal(line, "bb", 2);
    line = source_line(s, 3, &len);
    assert_int_equal(len, 0);
    line = source_line(s, 4, &len);
    assert_int_equal(len, 3);
    assert_memory_equal(line, "ccc", 3);

    int l, c;
    source_line_col(s, offset_of(text, "ccc") + 1, &l, &c);
    assert_int_equal(l, 4);
    assert_int_equal(c, 2);
    /* The '\r' itself is the column after the line's last character. */
    source_line_col(s, offset_of(text, "bb") + 2, &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 3);
}

static void test_line_without_cr_at_end_of_file(void **state)
{
    /* A last line ending in CRLF, and a lone '\r' at the very end. */
    Source *s = from_str(state, "x\r\ny\r");
    size_t len;
    const char *line = source_line(s, 2, &len);
    assert_int_equal(len, 1);
    assert_memory_equal(line, "y", 1);
    s = from_str(state, "one\r\n");
    assert_int_equal(source_line_count(s), 2);
    line = source_line(s, 1, &len);
    assert_int_equal(len, 3);
    line = source_line(s, 2, &len);
    assert_int_equal(len, 0);
}

static void test_line_out_of_range(void **state)
{
    Source *s = from_str(state, "a\nb");
    size_t len = 7;
    const char *line = source_line(s, 0, &len);
    assert_string_equal(line, "");
    assert_int_equal(len, 0);
    len = 7;
    line = source_line(s, 3, &len);
    assert_string_equal(line, "");
    assert_int_equal(len, 0);
    line = source_line(s, 2, &len);
    assert_int_equal(len, 1);
    assert_memory_equal(line, "b", 1);
}

static void test_columns_count_characters(void **state)
{
    /* "xå = 1": 'å' is two bytes but one column. */
    const char *text = "first\nx\xC3\xA5 = 1\n\xE2\x88\x92" "5 \xF0\x9F\x98\x80z";
    Source *s = from_str(state, text);
    int l, c;
    source_line_col(s, offset_of(text, "="), &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 4);
    source_line_col(s, offset_of(text, "1"), &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 6);
    /* U+2212 (three bytes) and U+1F600 (four bytes) are one column each. */
    source_line_col(s, offset_of(text, "5"), &l, &c);
    assert_int_equal(l, 3);
    assert_int_equal(c, 2);
    source_line_col(s, offset_of(text, "z"), &l, &c);
    assert_int_equal(l, 3);
    assert_int_equal(c, 5);
    /* The newline ends line 1 at column 6; the next byte is line 2, column 1. */
    source_line_col(s, 5, &l, &c);
    assert_int_equal(l, 1);
    assert_int_equal(c, 6);
    source_line_col(s, 6, &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 1);
}

static void test_columns_at_end_of_text(void **state)
{
    const char *text = "ab\n\xC3\xA4\xC3\xB6";
    Source *s = from_str(state, text);
    int l, c;
    source_line_col(s, (uint32_t)s->len, &l, &c);
    assert_int_equal(l, 2);
    assert_int_equal(c, 3);
}

static void test_many_lines(void **state)
{
    /* The line search is a binary search: try every line of a long text. */
    char text[4000];
    size_t n = 0;
    for (int i = 0; i < 300; i++)
        n += (size_t)snprintf(text + n, sizeof text - n, "%d\n", i);
    Source *s = from(state, text, n);
    assert_int_equal(source_line_count(s), 301);
    uint32_t off = 0;
    for (int i = 0; i < 300; i++) {
        int l, c;
        source_line_col(s, off, &l, &c);
        assert_int_equal(l, i + 1);
        assert_int_equal(c, 1);
        size_t len;
        const char *line = source_line(s, i + 1, &len);
        char want[8];
        snprintf(want, sizeof want, "%d", i);
        assert_int_equal(len, strlen(want));
        assert_memory_equal(line, want, len);
        off += (uint32_t)len + 1;
    }
}

static void test_valid_utf8(void **state)
{
    const char text[] = "\xC3\xA5\xC3\xA4\xC3\xB6 \xC2\xA0 \xE2\x80\xAF \xE2\x88\x92 "
                        "\xEF\xBF\xBF \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF \xC2\x80 \xE0\xA0\x80 "
                        "\xF0\x90\x80\x80";
    Source *s = from(state, text, sizeof text - 1);
    assert_int_equal(source_first_bad_byte(s), sizeof text - 1);
}

static size_t bad_at(void **state, const char *text, size_t len)
{
    return source_first_bad_byte(from(state, text, len));
}

#define BAD_AT(text) bad_at(state, text, sizeof text - 1)

static void test_invalid_bytes(void **state)
{
    assert_int_equal(BAD_AT("ab\xFF"), 2);
    assert_int_equal(BAD_AT("ab\xFE" "cd"), 2);
    assert_int_equal(BAD_AT("\x80"), 0);           /* a lone continuation byte */
    assert_int_equal(BAD_AT("x\xBFy"), 1);
    assert_int_equal(BAD_AT("x\xC3y"), 1);          /* a lead byte without continuation */
    assert_int_equal(BAD_AT("x\xC3"), 1);           /* cut off at the end */
    assert_int_equal(BAD_AT("x\xE2\x88"), 1);       /* three bytes, cut off */
    assert_int_equal(BAD_AT("x\xF0\x9F\x98"), 1);   /* four bytes, cut off */
    assert_int_equal(BAD_AT("\xC3\xA5\xE2\x28\xA1"), 2);
    assert_int_equal(BAD_AT("\xF5\x80\x80\x80"), 0); /* beyond U+10FFFF by its lead byte */
    assert_int_equal(BAD_AT("\xF4\x90\x80\x80"), 0); /* U+110000 */
    /* Latin-1 text, as an old editor might save it: "år" */
    assert_int_equal(BAD_AT("year \xE5r"), 5);
}

static void test_overlong(void **state)
{
    assert_int_equal(BAD_AT("a\xC0\x80"), 1);         /* NUL in two bytes */
    assert_int_equal(BAD_AT("a\xC1\xBF"), 1);         /* '\x7F' in two bytes */
    assert_int_equal(BAD_AT("a\xE0\x80\x80"), 1);     /* NUL in three bytes */
    assert_int_equal(BAD_AT("a\xE0\x9F\xBF"), 1);     /* U+07FF in three bytes */
    assert_int_equal(BAD_AT("a\xF0\x80\x80\x80"), 1); /* NUL in four bytes */
    assert_int_equal(BAD_AT("a\xF0\x8F\xBF\xBF"), 1); /* U+FFFF in four bytes */
}

static void test_surrogates(void **state)
{
    assert_int_equal(BAD_AT("ok \xED\xA0\x80"), 3); /* U+D800 */
    assert_int_equal(BAD_AT("ok \xED\xBF\xBF"), 3); /* U+DFFF */
    assert_int_equal(BAD_AT("ok \xED\x9F\xBF"), 6); /* U+D7FF is fine */
    assert_int_equal(BAD_AT("\xEE\x80\x80"), 3);    /* U+E000 is fine */
}

static void test_nul_byte(void **state)
{
    const char text[] = "abc\0def";
    Source *s = from(state, text, sizeof text - 1);
    /* The NUL is kept as part of the text, not taken as its end. */
    assert_int_equal(s->len, 7);
    assert_memory_equal(s->text + 4, "def", 3);
    assert_int_equal(source_first_bad_byte(s), 3);
    assert_int_equal(BAD_AT("\0"), 0);
}

static void test_loc_span(void **state)
{
    Source *s = from_str(state, "a + bb");
    Source *other = from_str(state, "zzzzzzzz");
    Loc a = {s, 0, 1}, b = {s, 4, 6};
    Loc r = loc_span(a, b);
    assert_ptr_equal(r.src, s);
    assert_int_equal(r.start, 0);
    assert_int_equal(r.end, 6);
    /* b inside a: a as it is */
    r = loc_span(b, (Loc){s, 4, 5});
    assert_int_equal(r.start, 4);
    assert_int_equal(r.end, 6);
    /* another file's location does not stretch it */
    r = loc_span(a, (Loc){other, 2, 8});
    assert_int_equal(r.start, 0);
    assert_int_equal(r.end, 1);
}

static void test_read_missing_file(void **state)
{
    const char *why = NULL;
    Source *s = source_read(*state, "/nonexistent/finsam/none.fin", &why);
    assert_null(s);
    assert_non_null(why);
    assert_string_equal(why, "No such file or directory");
    why = NULL;
    s = source_read(*state, "/tmp", &why);
    assert_null(s);
    assert_non_null(strstr(why, "directory"));
}

static void test_read_file_with_bom(void **state)
{
    char dir[] = "/tmp/finsam-src.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/a.fin", dir);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs("\xEF\xBB\xBFx\r\ny", f);
    fclose(f);
    const char *why = NULL;
    Source *s = source_read(*state, path, &why);
    remove(path);
    rmdir(dir);
    assert_non_null(s);
    assert_string_equal(s->path, path);
    assert_int_equal(s->len, 4);
    assert_string_equal(s->text, "x\r\ny");
    assert_int_equal(source_line_count(s), 2);
}

/* A file of 3 MB: lines "line N" padded to 64 bytes. */
static void write_large(const char *path, size_t *len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    *len = 0;
    for (int i = 0; *len < 3u << 20; i++) {
        int n = fprintf(f, "line %-58d\n", i);
        assert_true(n == 64);
        *len += (size_t)n;
    }
    assert_int_equal(fclose(f), 0);
}

/* A large file is mapped (issue 16): its text is the file's, with the two NUL bytes
 * after it, and pages handed back are read again from the file, unchanged. Under the
 * sanitizers it is read instead, and the same holds. */
static void test_large_file_mapped_and_handed_back(void **state)
{
    char dir[] = "/tmp/finsam-src.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/big.fin", dir);
    size_t len;
    write_large(path, &len);
    const char *why = NULL;
    Source *s = source_read(*state, path, &why);
    assert_non_null(s);
    assert_int_equal(s->len, len);
    assert_int_equal(s->text[len], '\0');
    assert_int_equal(s->text[len + 1], '\0');
    assert_memory_equal(s->text + 64 * 1000, "line 1000 ", 10);
    if (s->mapped) {
        arena_map_forget(s->text, s->text + len);
        assert_memory_equal(s->text + 64 * 1000, "line 1000 ", 10);
        assert_memory_equal(s->text + len - 64, "line ", 5);
        assert_int_equal(s->text[len], '\0');
    }
    int line, col;
    source_line_col(s, 64 * 1000 + 5, &line, &col);
    assert_int_equal(line, 1001);
    assert_int_equal(col, 6);
    remove(path);
    rmdir(dir);
}

/* A mapped file that another program makes shorter while finsam runs: reading its lost
 * pages says so and stops with status 2, not a crash. */
static void test_mapped_file_made_shorter(void **state)
{
    char dir[] = "/tmp/finsam-src.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[128];
    snprintf(path, sizeof path, "%s/big.fin", dir);
    size_t len;
    write_large(path, &len);
    const char *why = NULL;
    Source *s = source_read(*state, path, &why);
    assert_non_null(s);
    assert_int_equal(truncate(path, 0), 0);
    remove(path);
    rmdir(dir);
    if (!s->mapped)
        skip(); /* read, under the sanitizers: nothing to lose */
    int err[2];
    assert_int_equal(pipe(err), 0);
    fflush(NULL);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        dup2(err[1], 2);
        volatile char c = s->text[len / 2];
        (void)c;
        _exit(0);
    }
    close(err[1]);
    char said[512] = "";
    size_t got = 0;
    ssize_t n;
    while (got < sizeof said - 1 && (n = read(err[0], said + got, sizeof said - 1 - got)) > 0)
        got += (size_t)n;
    said[got] = '\0';
    close(err[0]);
    int status;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 2);
    assert_non_null(strstr(said, "finsam: error: a file was made shorter by another program"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_plain_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_empty_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bom_stripped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bom_only_at_start, setup, teardown),
        cmocka_unit_test_setup_teardown(test_crlf_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_line_without_cr_at_end_of_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_line_out_of_range, setup, teardown),
        cmocka_unit_test_setup_teardown(test_columns_count_characters, setup, teardown),
        cmocka_unit_test_setup_teardown(test_columns_at_end_of_text, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_valid_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_invalid_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_overlong, setup, teardown),
        cmocka_unit_test_setup_teardown(test_surrogates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_nul_byte, setup, teardown),
        cmocka_unit_test_setup_teardown(test_loc_span, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_file_with_bom, setup, teardown),
        cmocka_unit_test_setup_teardown(test_large_file_mapped_and_handed_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_mapped_file_made_shorter, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
