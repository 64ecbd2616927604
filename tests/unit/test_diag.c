/* Unit tests for diag: diagnostics collected and printed as gcc prints them. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "helpers.h"

typedef struct {
    Arena arena;
    Diags diags;
    char *out; /* the last printed text, freed by teardown */
} Fx;

static int setup(void **state)
{
    Fx *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    arena_init(&fx->arena);
    diags_init(&fx->diags, &fx->arena);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fx *fx = *state;
    free(fx->out);
    arena_free(&fx->arena);
    free(fx);
    return 0;
}

static const Source *src_of(Fx *fx, const char *path, const char *text)
{
    return source_from_text(&fx->arena, path, text, strlen(text));
}

static const char *print(Fx *fx, const Diag *g, bool color)
{
    free(fx->out);
    fx->out = print_diag(g, color);
    return fx->out;
}

static void test_collect(void **state)
{
    Fx *fx = *state;
    const Source *s = src_of(fx, "a.fin", "x\n");
    Loc at = {s, 0, 1};
    Diag *e = diag_at(&fx->diags, SEV_ERROR, at, "unknown row '%s' (%d)", "x", 7);
    Diag *w = diag_at(&fx->diags, SEV_WARNING, at, "just a warning");
    Diag *f = diag_file(&fx->diags, "b.fin", "cannot read: %s", "gone");
    assert_int_equal(fx->diags.list.len, 3);
    assert_int_equal(fx->diags.errors, 2); /* warnings are not errors */
    assert_ptr_equal(fx->diags.list.items[0], e);
    assert_ptr_equal(fx->diags.list.items[1], w);
    assert_ptr_equal(fx->diags.list.items[2], f);
    assert_string_equal(e->message, "unknown row 'x' (7)");
    assert_string_equal(e->file, "a.fin");
    assert_int_equal(e->severity, SEV_ERROR);
    assert_int_equal(w->severity, SEV_WARNING);
    assert_null(f->loc.src);
    assert_string_equal(f->file, "b.fin");
    assert_int_equal(f->severity, SEV_ERROR);
    diag_note(&fx->diags, e, "hint: did you mean '%s'?", "y");
    diag_note(&fx->diags, e, "second");
    assert_int_equal(e->notes.len, 2);
    assert_string_equal(e->notes.items[0], "hint: did you mean 'y'?");
    assert_string_equal(e->notes.items[1], "second");
}

static void test_print_basic(void **state)
{
    Fx *fx = *state;
    const char *text = "accounts income (2025) {\n"
                       "    result \"Årets resultat\" | 12 345\n"
                       "}\n";
    const Source *s = src_of(fx, "dir/t.fin", text);
    Diag *g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "12 345"), "the stated figure differs");
    g->tag = "formula";
    diag_note(&fx->diags, g, "stated:     12 345 kr");
    diag_note(&fx->diags, g, "computed:   12 346 kr");
    /* 'Å' is one column: the figure starts in column 31, not 32. */
    assert_string_equal(print(fx, g, false),
        "dir/t.fin:2:31: error: the stated figure differs [formula]\n"
        "    2 |     result \"Årets resultat\" | 12 345\n"
        "      |                               ^~~~~~\n"
        "      = stated:     12 345 kr\n"
        "      = computed:   12 346 kr\n");
}

static void test_print_warning_without_tag_or_notes(void **state)
{
    Fx *fx = *state;
    const Source *s = src_of(fx, "w.fin", "a\nb\nc = 1\n");
    Diag *g = diag_at(&fx->diags, SEV_WARNING, loc_of(s, "c"), "a warning");
    assert_string_equal(print(fx, g, false),
        "w.fin:3:1: warning: a warning\n"
        "    3 | c = 1\n"
        "      | ^\n");
}

static void test_print_line_number_width(void **state)
{
    Fx *fx = *state;
    char text[2000] = "";
    for (int i = 1; i < 1234; i++)
        strcat(text, i == 1233 ? "x\n" : "\n");
    strcat(text, "    foo bar\n");
    const Source *s = src_of(fx, "l.fin", text);
    Diag *g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "bar"), "m");
    assert_string_equal(print(fx, g, false),
        "l.fin:1234:9: error: m\n"
        " 1234 |     foo bar\n"
        "      |         ^~~\n");
}

static void test_print_after_utf8_label_and_tab(void **state)
{
    Fx *fx = *state;
    /* A tab before the label, a multibyte label, and the figure after it. */
    const char *text = "\tårets_resultat \"Årets över-/underskott\" |\t−104 286\n";
    const Source *s = src_of(fx, "u.fin", text);
    Diag *g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "−104 286"), "m");
    /* The tabs are kept in the marks' line so that the marks stay under the figure;
     * every other character, 'å' and '−' included, is one space or mark. */
    assert_string_equal(print(fx, g, false),
        "u.fin:1:44: error: m\n"
        "    1 | \tårets_resultat \"Årets över-/underskott\" |\t−104 286\n"
        "      | \t                                         \t^~~~~~~~\n");
}

static void test_print_name_with_utf8(void **state)
{
    Fx *fx = *state;
    const char *text = "x = årets_resultat + ö\n";
    const Source *s = src_of(fx, "n.fin", text);
    Diag *g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "årets_resultat"), "m");
    assert_string_equal(print(fx, g, false),
        "n.fin:1:5: error: m\n"
        "    1 | x = årets_resultat + ö\n"
        "      |     ^~~~~~~~~~~~~~\n");
    g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "ö"), "m");
    assert_string_equal(print(fx, g, false),
        "n.fin:1:22: error: m\n"
        "    1 | x = årets_resultat + ö\n"
        "      |                      ^\n");
}

static void test_print_also_spans(void **state)
{
    Fx *fx = *state;
    const char *text = "check c: income.fees + 20% > 0\n";
    const Source *s = src_of(fx, "k.fin", text);
    Diag *g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "+"),
                      "cannot add an amount and a percentage");
    g->also[0] = loc_of(s, "income.fees");
    g->also[1] = loc_of(s, "20%");
    assert_string_equal(print(fx, g, false),
        "k.fin:1:22: error: cannot add an amount and a percentage\n"
        "    1 | check c: income.fees + 20% > 0\n"
        "      |          ~~~~~~~~~~~ ^ ~~~\n");
}

static void test_print_also_on_another_line_ignored(void **state)
{
    Fx *fx = *state;
    const char *text = "a = b\n  + c\n";
    const Source *s = src_of(fx, "m.fin", text);
    Diag *g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "b"), "m");
    g->also[0] = loc_of(s, "c"); /* on line 2: not drawn under line 1 */
    assert_string_equal(print(fx, g, false),
        "m.fin:1:5: error: m\n"
        "    1 | a = b\n"
        "      |     ^\n");
}

static void test_print_span_over_lines(void **state)
{
    Fx *fx = *state;
    const char *text = "x = aa +\n    bb\n";
    const Source *s = src_of(fx, "s.fin", text);
    Loc at = {s, offset_of(text, "aa"), offset_of(text, "bb") + 2};
    Diag *g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    /* Underlined from its start to the end of its first line. */
    assert_string_equal(print(fx, g, false),
        "s.fin:1:5: error: m\n"
        "    1 | x = aa +\n"
        "      |     ^~~~\n");
}

/* A check written over several lines is quoted over each of them, marked to its end
 * (not under a comment at a line's end). */
static void test_print_whole_span_over_lines(void **state)
{
    Fx *fx = *state;
    const char *text = "check k:\n    aa +   # \"a\" and b\n      bb == 3  \n";
    const Source *s = src_of(fx, "s.fin", text);
    Loc at = {s, offset_of(text, "aa"), offset_of(text, "3") + 1};
    Diag *g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    g->whole = true;
    assert_string_equal(print(fx, g, false),
        "s.fin:2:5: error: m\n"
        "    2 |     aa +   # \"a\" and b\n"
        "      |     ^~~~\n"
        "    3 |       bb == 3  \n"
        "      |       ~~~~~~~\n");
}

/* A place over more lines than are quoted: the first ones, "...", the last. */
static void test_print_whole_span_over_many_lines(void **state)
{
    Fx *fx = *state;
    char text[400] = "";
    for (int i = 1; i <= 20; i++)
        snprintf(text + strlen(text), sizeof text - strlen(text), "a%d\n", i);
    const Source *s = src_of(fx, "s.fin", text);
    Loc at = {s, 0, (uint32_t)strlen(text) - 1};
    Diag *g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    g->whole = true;
    const char *out = print(fx, g, false);
    assert_non_null(strstr(out, "   10 | a10\n      | ~~~\n  ... |\n   20 | a20\n"));
    assert_null(strstr(out, "a11"));
}

/* A cell on the line after its row's name: the name's line is quoted first, and
 * "..." stands for the lines between when there are any. */
static void test_print_context_line_above(void **state)
{
    Fx *fx = *state;
    const char *text = "    r \"Row\" = a\n        | 12\n";
    const Source *s = src_of(fx, "s.fin", text);
    Loc at = {s, offset_of(text, "12"), offset_of(text, "12") + 2};
    Diag *g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    g->context = (Loc){s, offset_of(text, "r "), offset_of(text, "r ") + 1};
    assert_string_equal(print(fx, g, false),
        "s.fin:2:11: error: m\n"
        "    1 |     r \"Row\" = a\n"
        "    2 |         | 12\n"
        "      |           ^~\n");
    const char *three = "r \"Row\"\n  | 1\n  | 12\n";
    s = src_of(fx, "t.fin", three);
    g = diag_at(&fx->diags, SEV_ERROR, (Loc){s, offset_of(three, "12"), offset_of(three, "12") + 2},
                "m");
    g->context = (Loc){s, 0, 1};
    assert_string_equal(print(fx, g, false),
        "t.fin:3:5: error: m\n"
        "    1 | r \"Row\"\n"
        "  ... |\n"
        "    3 |   | 12\n"
        "      |     ^~\n");
    /* a context on the same line is not quoted twice */
    g->context = (Loc){s, offset_of(three, "12"), offset_of(three, "12") + 1};
    assert_string_equal(print(fx, g, false),
        "t.fin:3:5: error: m\n"
        "    3 |   | 12\n"
        "      |     ^~\n");
}

static void test_print_at_end_of_line(void **state)
{
    Fx *fx = *state;
    const char *text = "table t (2025) {\n    a | 1\n";
    const Source *s = src_of(fx, "e.fin", text);
    /* Where a parser reports the end of the file: after the last character. */
    uint32_t end = (uint32_t)strlen(text) - 1;
    Loc at = {s, end, end};
    Diag *g = diag_at(&fx->diags, SEV_ERROR, at, "expected '}', found the end of the file");
    diag_note(&fx->diags, g, "hint: a '}' is missing: the '{' at line 1 is never closed");
    assert_string_equal(print(fx, g, false),
        "e.fin:2:10: error: expected '}', found the end of the file\n"
        "    2 |     a | 1\n"
        "      |          ^\n"
        "      = hint: a '}' is missing: the '{' at line 1 is never closed\n");
}

static void test_print_at_end_of_crlf_line(void **state)
{
    Fx *fx = *state;
    const char *text = "a = b\r\nc\r\n";
    const Source *s = src_of(fx, "r.fin", text);
    Loc at = {s, 5, 6}; /* the '\r' */
    Diag *g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    /* No '\r' reaches the output. */
    assert_string_equal(print(fx, g, false),
        "r.fin:1:6: error: m\n"
        "    1 | a = b\n"
        "      |      ^\n");
    g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "b"), "m");
    assert_string_equal(print(fx, g, false),
        "r.fin:1:5: error: m\n"
        "    1 | a = b\n"
        "      |     ^\n");
}

static void test_print_empty_span_in_line(void **state)
{
    Fx *fx = *state;
    /* An empty cell between two bars points between them. */
    const char *text = "a | | 5\n";
    const Source *s = src_of(fx, "c.fin", text);
    Loc at = {s, 3, 3};
    Diag *g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    assert_string_equal(print(fx, g, false),
        "c.fin:1:4: error: m\n"
        "    1 | a | | 5\n"
        "      |    ^\n");
}

/* A line longer than 240 characters is shown as 240 of them around the caret. */
static void test_print_long_line_windowed(void **state)
{
    Fx *fx = *state;
    char text[1200];
    memset(text, 'x', 1000);
    memcpy(text + 500, "bad", 3);
    strcpy(text + 1000, "\n");
    const Source *s = src_of(fx, "l.fin", text);
    Loc at = {s, 500, 503};
    Diag *g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    const char *out = print(fx, g, false);
    char want[600];
    /* columns 421-660 shown: 80 before the caret, 157 after "bad" */
    snprintf(want, sizeof want, "l.fin:1:501: error: m\n    1 | ...%.80s%s%.157s...\n"
             "      |    %80s^~~\n", text, "bad", text, "");
    assert_string_equal(out, want);

    /* near the start: cut on the right only */
    at = (Loc){s, 3, 4};
    g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    snprintf(want, sizeof want, "l.fin:1:4: error: m\n    1 | %.240s...\n      |    ^\n", text);
    assert_string_equal(print(fx, g, false), want);

    /* after the end of the line: the last 240 characters, cut on the left only */
    at = (Loc){s, 1000, 1000};
    g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    snprintf(want, sizeof want, "l.fin:1:1001: error: m\n    1 | ...%.240s\n      |    %240s^\n",
             text + 760, "");
    assert_string_equal(print(fx, g, false), want);
}

/* Columns count characters, not bytes, also in the window. */
static void test_print_long_utf8_line_windowed(void **state)
{
    Fx *fx = *state;
    char text[1200] = "";
    for (int i = 0; i < 400; i++)
        strcat(text, "\xc3\xb6"); /* 400 x 'ö' */
    strcat(text, "$\n");
    const Source *s = src_of(fx, "u.fin", text);
    Loc at = {s, 800, 801};
    Diag *g = diag_at(&fx->diags, SEV_ERROR, at, "m");
    char want[1200];
    /* the last 240 characters: 239 x 'ö' from column 162 (byte 322), then '$' */
    snprintf(want, sizeof want, "u.fin:1:401: error: m\n    1 | ...%.478s$\n      |    %239s^\n",
             text + 322, "");
    assert_string_equal(print(fx, g, false), want);
}

static void test_print_file_diag(void **state)
{
    Fx *fx = *state;
    Diag *g = diag_file(&fx->diags, "missing.fin", "cannot read: %s", "No such file or directory");
    diag_note(&fx->diags, g, "hint: check the path");
    assert_string_equal(print(fx, g, false),
        "missing.fin: error: cannot read: No such file or directory\n"
        "      = hint: check the path\n");
}

static void test_print_color(void **state)
{
    Fx *fx = *state;
    const Source *s = src_of(fx, "c.fin", "x = 1\n");
    Diag *g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "1"), "bad");
    g->tag = "tag";
    diag_note(&fx->diags, g, "a note");
    const char *out = print(fx, g, true);
    assert_non_null(strstr(out, "\033[1;31merror:"));    /* red, for an error */
    assert_non_null(strstr(out, "\033[1mc.fin:1:5:"));  /* bold place */
    assert_non_null(strstr(out, "\033[1;32m"));         /* green marks */
    assert_non_null(strstr(out, "\033[1;36m=\033[0m a note")); /* cyan '=' */
    assert_non_null(strstr(out, "\033[0m"));
    assert_non_null(strstr(out, "bad [tag]"));
    /* The text between the codes is the text printed without colour. */
    char plain[512];
    size_t k = 0;
    for (const char *p = out; *p && k + 1 < sizeof plain; p++) {
        if (*p == '\033') {
            while (*p && *p != 'm')
                p++;
            continue;
        }
        plain[k++] = *p;
    }
    plain[k] = '\0';
    char *without = print_diag(g, false);
    assert_string_equal(plain, without);
    free(without);

    Diag *w = diag_at(&fx->diags, SEV_WARNING, loc_of(s, "x"), "w");
    out = print(fx, w, true);
    assert_non_null(strstr(out, "\033[1;35mwarning:")); /* magenta, for a warning */
    assert_null(strstr(out, "\033[1;31m"));
}

static void test_print_no_color_has_no_escapes(void **state)
{
    Fx *fx = *state;
    const Source *s = src_of(fx, "c.fin", "x = 1\n");
    Diag *g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "1"), "bad");
    g->tag = "tag";
    diag_note(&fx->diags, g, "a note");
    const char *out = print(fx, g, false);
    assert_null(strchr(out, '\033'));
}

static void test_print_long_message_and_percent(void **state)
{
    Fx *fx = *state;
    const Source *s = src_of(fx, "p.fin", "x\n");
    char big[600];
    memset(big, 'm', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    Diag *g = diag_at(&fx->diags, SEV_ERROR, loc_of(s, "x"), "%s 75,4 %% done", big);
    diag_note(&fx->diags, g, "%d%%", 20);
    const char *out = print(fx, g, false);
    assert_non_null(strstr(out, "mmmm 75,4 % done\n"));
    assert_non_null(strstr(out, "      = 20%\n"));
    assert_int_equal(strlen(g->message), 599 + strlen(" 75,4 % done"));
}

/* What diag_put_text writes, a character at a time, as it was first written. */
static void reference(FILE *out, const char *s, bool tab_as_space)
{
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t c = diag_control_len(s + i);
        if (s[i] == '\t' && tab_as_space)
            fputc(' ', out);
        else
            fputc(c ? '?' : s[i], out);
        i += c ? c : 1;
    }
}

/* Every special byte (a C0 control, the tab, DEL, a C1 control in UTF-8, a 0xC2 that
 * starts a letter, a lone 0xC2 at the end) at every place around an eight-byte word,
 * in text otherwise ASCII or UTF-8. */
static void test_put_text_runs(void **state)
{
    (void)state;
    static const char *const special[] = {"\x01", "\x1b[31m", "\t", "\x7f", "\xc2\x85",
                                          "\xc2\xa0", "\xc3\xa5", "\x1f", "\xc2"};
    char s[64];
    for (size_t k = 0; k < sizeof special / sizeof special[0]; k++)
        for (size_t at = 0; at < 20; at++)
            for (int tab = 0; tab < 2; tab++) {
                memset(s, 'a', sizeof s);
                memcpy(s + at, special[k], strlen(special[k]));
                size_t end = at + strlen(special[k]) + (k == 8 ? 0 : at % 11);
                s[end] = '\0';
                MemText want, got;
                reference(mem_text_open(&want), s, tab);
                char *w = mem_text_close(&want);
                diag_put_text(mem_text_open(&got), s, tab);
                char *g = mem_text_close(&got);
                assert_string_equal(g, w);
                mem_free(w);
                mem_free(g);
            }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_collect, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_basic, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_warning_without_tag_or_notes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_line_number_width, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_after_utf8_label_and_tab, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_name_with_utf8, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_also_spans, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_also_on_another_line_ignored, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_span_over_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_whole_span_over_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_whole_span_over_many_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_context_line_above, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_at_end_of_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_at_end_of_crlf_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_empty_span_in_line, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_file_diag, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_color, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_no_color_has_no_escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_long_message_and_percent, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_long_line_windowed, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_long_utf8_line_windowed, setup, teardown),
        cmocka_unit_test(test_put_text_runs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
