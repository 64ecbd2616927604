/* cmd_draft: finsam draft [-o PATH] REPORT.txt — a first year file from a report's
 * text. The year file goes to standard output or, whole or not at all, to PATH; what
 * the draft guessed goes to standard error, each with its line in the text, then a
 * line that counts the cells, formulas and placeholders. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "draft.h"
#include "i18n.h"
#include "output.h"
#include "parse.h"
#include "source.h"

/* The whole file (or standard input for "-"), as it is; NULL with errno set. */
static char *read_all(const char *path, size_t *len)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = mem_alloc(cap);
    for (;;) {
        if (n == cap) {
            cap *= 2;
            buf = mem_realloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int err = ferror(f) ? (errno ? errno : EIO) : 0;
    if (f != stdin)
        fclose(f);
    if (err) {
        mem_free(buf);
        errno = err;
        return NULL;
    }
    *len = n;
    return buf;
}

/* What a file that is no report's text is, in the user's words. */
static const char *not_text(DraftTextKind kind)
{
    switch (kind) {
    case DTEXT_PDF:
        return _("a PDF file, not its text");
    case DTEXT_ZIP:
        return _("a document such as .docx, .xlsx or .odt (a ZIP archive), not text");
    case DTEXT_OLE:
        return _("a Word or Excel document of the older kind (.doc, .xls), not text");
    case DTEXT_RTF:
        return _("an RTF document, not plain text");
    case DTEXT_FINSAM:
        return _("a finsam file, not a report's text");
    default:
        return _("not a text file: it holds a NUL byte near its start");
    }
}

/* A file that is no report's text, refused: what it is and how to get its text, or
 * what to do with it instead. */
static void refuse(const char *path, DraftTextKind kind)
{
    Arena a;
    arena_init(&a);
    Diags d;
    diags_init(&d, &a);
    Diag *g = diag_file(&d, path, "%s", not_text(kind));
    if (kind == DTEXT_FINSAM)
        diag_note(&d, g, _("hint: check it with finsam check %s; finsam new %s writes next "
                           "year's file; finsam draft reads a report's text (REPORT.txt)"),
                  path, path);
    else if (kind == DTEXT_PDF)
        diag_note(&d, g, _("hint: make its text with pdftotext -layout %s REPORT.txt, then "
                           "finsam draft REPORT.txt"),
                  path);
    else
        diag_note(&d, g, "%s", _("hint: save the report as plain text (UTF-8), or make the "
                                 "text of its PDF with pdftotext -layout REPORT.pdf REPORT.txt"));
    diag_print(stderr, g, (DiagStyle){cli_use_color(-1, stderr)});
    arena_free(&a);
}

/* A finsam file given for a report's text: named .fin, or text that parses as one,
 * which a report's prose never does. Drafting it would make a year file of its lines. */
static bool finsam_file(const char *path, const char *utf8, size_t n)
{
    if (source_named_fin(path))
        return true;
    Arena a;
    arena_init(&a);
    Diags d;
    diags_init(&d, &a);
    Interner names;
    interner_init(&names, &a);
    Module *m = NULL;
    bool parses = parse_module(&a, &d, &names, source_from_text(&a, path, utf8, n), &m) == 0 &&
                  m && m->decls.len > 0;
    interner_free(&names);
    arena_free(&a);
    return parses;
}

static int by_line(const void *x, const void *y)
{
    const DraftGuess *a = x, *b = y;
    return (a->lineno > b->lineno) - (a->lineno < b->lineno);
}

void draft_summary(void)
{
    fputs(_("finsam draft REPORT.txt writes a first year file from a report's text (pdftotext\n"
            "-layout, or a copy): every table with its figures as printed, totals and\n"
            "differences as formulas from their words, the prose as comments; what it\n"
            "guessed goes to standard error, with its line in the text.\n"), stdout);
}

static void draft_help(void)
{
    fputs(_("usage: finsam draft [-o PATH] REPORT.txt\n"), stdout);
    fputs("\n", stdout);
    draft_summary();
    fputs("\n", stdout);
    fputs(_("options:\n"
            "  -o PATH            write the year file to PATH, whole or not at all; '-' is\n"
            "                     standard output (the default)\n"
            "  --lang=LANG        the language of finsam's own messages: sv or en\n"
            "  -h, --help         show this help\n"), stdout);
}

int cmd_draft(int argc, char **argv)
{
    const char *path = NULL, *output = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "-o") == 0 || strcmp(a, "--output") == 0) {
            if (i + 1 >= argc)
                return cli_command_usage_error(
                    "draft", "%s", _("-o needs a path: -o 2025.fin, or -o - for standard output"));
            output = argv[++i];
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            draft_help();
            return cli_flush_stdout() ? EXIT_PASSED : EXIT_BAD_INPUT;
        } else if (strncmp(a, "--output=", 9) == 0)
            output = a + 9;
        else if (a[0] == '-' && a[1] != '\0')
            return cli_command_usage_error("draft", _("unknown option '%s'"), a);
        else if (path)
            return cli_command_usage_error("draft", "%s",
                                           _("finsam draft takes one report text"));
        else
            path = a;
    }
    if (!path)
        return cli_command_usage_error("draft", "%s",
                                       _("no file: finsam draft REPORT.txt"));
    size_t len = 0;
    char *text = read_all(path, &len);
    if (!text) {
        fprintf(stderr, "%s: %s: %s\n", path, _("error"), strerror(errno));
        return EXIT_BAD_INPUT;
    }
    DraftTextKind kind = draft_text_kind(text, len);
    if (!draft_kind_is_text(kind)) {
        refuse(path, kind);
        mem_free(text);
        return EXIT_BAD_INPUT;
    }
    Arena arena;
    arena_init(&arena);
    size_t n_utf8;
    char *utf8 = draft_text_utf8(&arena, kind, text, len, &n_utf8);
    mem_free(text);
    if (finsam_file(path, utf8, n_utf8)) {
        refuse(path, DTEXT_FINSAM);
        arena_free(&arena);
        return EXIT_BAD_INPUT;
    }
    DraftGuesses guesses = {.arena = &arena};
    if (kind == DTEXT_UTF16LE || kind == DTEXT_UTF16BE)
        draft_guess(&guesses, 1, "%s", _("the text is in UTF-16, not UTF-8: read as UTF-16"));
    else if (kind == DTEXT_CP1252)
        draft_guess(&guesses, 1, "%s", _("the text is not UTF-8 and holds no UTF-8 character: "
                                         "read as Windows-1252 (Latin-1)"));
    DraftText lines;
    draft_read_text(&arena, utf8, n_utf8, &lines);
    DraftDoc *doc = draft_build(&arena, &lines, &guesses);

    Output out = {0};
    const char *why = NULL;
    if (!output_open(&out, output ? output : "-", &why)) {
        fprintf(stderr, "%s: %s: %s\n", output, _("error"), why);
        mem_free(guesses.items);
        arena_free(&arena);
        return EXIT_BAD_INPUT;
    }
    draft_write(out.file, doc, path);
    if (!output_commit(&out, &why)) {
        fprintf(stderr, "%s: %s: %s\n", output ? output : "-", _("error"), why);
        mem_free(guesses.items);
        arena_free(&arena);
        return EXIT_BAD_INPUT;
    }
    if (guesses.len > 1) /* none: no list at all, which qsort must not be given */
        qsort(guesses.items, (size_t)guesses.len, sizeof *guesses.items, by_line);
    for (int i = 0; i < guesses.len; i++)
        fprintf(stderr, "%s:%d: %s: %s\n", path, guesses.items[i].lineno, _("guess"),
                guesses.items[i].message);
    DraftCounts n = draft_counts(doc);
    /* Each count its own plural: Swedish says "1 tabell" but "2 tabeller". */
    char c[6][96];
    snprintf(c[0], sizeof c[0], ngettext("%d table", "%d tables", n.tables), n.tables);
    snprintf(c[1], sizeof c[1], ngettext("%d cell as printed", "%d cells as printed", n.cells),
             n.cells);
    snprintf(c[2], sizeof c[2], ngettext("%d formula", "%d formulas", n.formulas), n.formulas);
    snprintf(c[3], sizeof c[3], ngettext("%d note reference", "%d note references", n.notes),
             n.notes);
    snprintf(c[4], sizeof c[4], ngettext("%d guess", "%d guesses", guesses.len), guesses.len);
    snprintf(c[5], sizeof c[5],
             ngettext("%d placeholder to fill in", "%d placeholders to fill in", n.placeholders),
             n.placeholders);
    /* TRANSLATORS: "2025.txt: 12 tables, 300 cells as printed, 40 formulas, 9 note
     * references, 3 guesses, 2 placeholders to fill in" */
    fprintf(stderr, _("%s: %s, %s, %s, %s, %s, %s\n"), path, c[0], c[1], c[2], c[3], c[4], c[5]);
    mem_free(guesses.items);
    arena_free(&arena);
    return EXIT_PASSED;
}
