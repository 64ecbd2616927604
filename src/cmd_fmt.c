/* finsam fmt: rule files in their canonical layout (fmt.c), to standard output, in
 * place (-w) or checked (--check: a diff and exit 1 for a file that is not). A file
 * that does not parse is not formatted; a layout that would change a token is never
 * written (fmt_same_tokens). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "fmt.h"
#include "fmt_diff.h"
#include "i18n.h"
#include "mem.h"
#include "parse.h"

typedef enum { FMT_PRINT, FMT_WRITE, FMT_CHECK } FmtMode;

const char *const FMT_USAGE =
    N_("usage: finsam fmt [-w | --check] [FILE...]\n");

static void fmt_help(void)
{
    fputs(_(FMT_USAGE), stdout);
    fputs("\n", stdout);
    fputs(_("finsam fmt lays rule files out in one canonical way: each declaration's rows\n"
            "with their labels in one column and their cells aligned on '|', figures to\n"
            "the right; blocks indented by four spaces and continuation lines deeper; one\n"
            "blank line between declarations. Only white space changes: every figure,\n"
            "name, string and comment stays as written. A file that does not parse is left\n"
            "as it is. Without a FILE, or with '-', standard input is formatted.\n"), stdout);
    fputs("\n", stdout);
    fputs(_("options:\n"
            "  -w, --write        write each FILE back in place when its layout changes\n"
            "  --check            write nothing; show a diff for each FILE that is not\n"
            "                     formatted, and exit with status 1\n"
            "  --lang=LANG        the language of finsam's own messages: sv or en\n"
            "  -h, --help         show this help\n"), stdout);
    fputs("\n", stdout);
    fputs(_("exit status:\n"
            "  0  done (--check: every file is formatted)\n"
            "  1  --check: a file is not formatted\n"
            "  2  a file could not be read or parsed, or the command was wrong\n"), stdout);
}

static int fmt_usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "finsam: %s: ", _("error"));
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", _(FMT_USAGE));
    fputs(_("Try 'finsam fmt --help' for more information.\n"), stderr);
    return EXIT_BAD_INPUT;
}

/* Standard input, whole, as a source. */
static Source *read_stdin(Arena *a, const char **why)
{
    size_t len = 0, cap = 65536;
    char *buf = mem_alloc(cap);
    size_t got;
    while ((got = fread(buf + len, 1, cap - len, stdin)) > 0) {
        len += got;
        if (len == cap)
            buf = mem_realloc(buf, cap *= 2);
    }
    if (ferror(stdin)) {
        *why = strerror(errno);
        mem_free(buf);
        return NULL;
    }
    Source *s = source_from_text(a, "<stdin>", buf, len);
    mem_free(buf);
    return s;
}

/* Writes text to path through a new file beside it, renamed over it, so that the file
 * is whole before or after and keeps its permissions. */
static bool write_in_place(const char *path, const char *text, size_t len, const char **why)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        *why = strerror(errno);
        return false;
    }
    size_t n = strlen(path);
    char *tmp = mem_alloc(n + 16);
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".fmt-XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        *why = strerror(errno);
        mem_free(tmp);
        return false;
    }
    FILE *f = fdopen(fd, "w");
    bool ok = f && fwrite(text, 1, len, f) == len && fflush(f) == 0 &&
              fchmod(fd, st.st_mode & 07777) == 0;
    if (!ok)
        *why = strerror(errno);
    if (f ? fclose(f) != 0 : close(fd) != 0) {
        if (ok)
            *why = strerror(errno);
        ok = false;
    }
    if (ok && rename(tmp, path) != 0) {
        *why = strerror(errno);
        ok = false;
    }
    if (!ok)
        unlink(tmp);
    mem_free(tmp);
    return ok;
}

/* Formats one file as mode says; returns its exit status. */
static int fmt_file(const char *path, FmtMode mode, DiagStyle style)
{
    Arena arena;
    arena_init(&arena);
    Diags diags;
    diags_init(&diags, &arena);
    Interner names;
    interner_init(&names, &arena);
    const char *why = NULL;
    bool from_stdin = strcmp(path, "-") == 0;
    Source *src = from_stdin ? read_stdin(&arena, &why) : source_read(&arena, path, &why);
    int status = EXIT_PASSED;
    char *out = NULL;
    size_t out_len = 0;
    Module *m;
    if (!src) {
        fprintf(stderr, _("finsam: error: cannot read %s: %s\n"), path, why);
        status = EXIT_BAD_INPUT;
    } else if (parse_module(&arena, &diags, &names, src, &m) || diags.errors) {
        for (int i = 0; i < diags.list.len; i++)
            diag_print(stderr, diags.list.items[i], style);
        fprintf(stderr, ngettext("%s: not formatted: %d error in the input\n",
                                 "%s: not formatted: %d errors in the input\n", diags.errors),
                src->path, diags.errors);
        status = EXIT_BAD_INPUT;
    } else {
        out = fmt_format(src->text, src->len, &out_len);
        size_t again_len;
        char *again = fmt_format(out, out_len, &again_len);
        bool stable = again_len == out_len && memcmp(again, out, out_len) == 0;
        mem_free(again);
        if (!stable || !fmt_same_tokens(src->text, src->len, out, out_len)) {
            fprintf(stderr, _("finsam: error: %s: the formatter would change this file's "
                              "meaning, so it is left as it is; please report this as a "
                              "bug in finsam fmt\n"), src->path);
            status = EXIT_BAD_INPUT;
        } else {
            bool changed = out_len != src->len || memcmp(out, src->text, out_len) != 0;
            if (mode == FMT_PRINT) {
                fwrite(out, 1, out_len, stdout);
            } else if (mode == FMT_CHECK && changed) {
                fmt_diff(stdout, src->path, src->text, src->len, out, out_len);
                status = EXIT_CHECK_FAILED;
            } else if (mode == FMT_WRITE && changed && from_stdin) {
                fwrite(out, 1, out_len, stdout);
            } else if (mode == FMT_WRITE && changed &&
                       !write_in_place(path, out, out_len, &why)) {
                fprintf(stderr, _("finsam: error: cannot write %s: %s\n"), path, why);
                status = EXIT_BAD_INPUT;
            }
        }
    }
    mem_free(out);
    interner_free(&names);
    arena_free(&arena);
    return status;
}

int cmd_fmt(int argc, char **argv)
{
    FmtMode mode = FMT_PRINT;
    const char **files = mem_alloc(((size_t)argc + 1) * sizeof *files);
    int nfiles = 0;
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (options_done || a[0] != '-' || strcmp(a, "-") == 0) {
            files[nfiles++] = a;
        } else if (strcmp(a, "--") == 0) {
            options_done = true;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            mem_free(files);
            fmt_help();
            return cli_flush_stdout() ? EXIT_PASSED : EXIT_BAD_INPUT;
        } else if (strcmp(a, "-w") == 0 || strcmp(a, "--write") == 0) {
            mode = FMT_WRITE;
        } else if (strcmp(a, "--check") == 0) {
            mode = FMT_CHECK;
        } else {
            mem_free(files);
            return fmt_usage_error(_("unknown option '%s'"), a);
        }
    }
    if (nfiles == 0)
        files[nfiles++] = "-";
    DiagStyle style = {cli_use_color(-1, stderr)};
    int status = EXIT_PASSED;
    for (int i = 0; i < nfiles; i++) {
        int st = fmt_file(files[i], mode, style);
        if (st > status)
            status = st;
    }
    mem_free(files);
    if (!cli_flush_stdout())
        status = EXIT_BAD_INPUT;
    return status;
}
