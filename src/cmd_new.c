/* finsam new: next year's file, written beside this year's and never over a file. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "carry.h"
#include "cli.h"
#include "i18n.h"
#include "write_text.h"

/* The folder of path, "." for a bare name. */
static char *folder(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return arena_strndup(a, ".", 1);
    return arena_strndup(a, path, slash == path ? 1 : (size_t)(slash - path));
}

/* "examples/vvnd/2025.fin" -> "2025": how the new file's report names it. */
static const char *stem(Arena *a, const char *path)
{
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    size_t n = strlen(base);
    if (source_named_fin(base))
        n -= 4;
    return arena_strndup(a, base, n);
}

static bool same_folder(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    if (!realpath(a, ra) || !realpath(b, rb))
        return false;
    return strcmp(ra, rb) == 0;
}

/* Writes text to a new file next to dest and links it to dest, which fails if dest is
 * there: nothing is ever overwritten, and nothing is left half written. */
static bool write_new(Arena *a, const char *dest, const char *text, size_t len)
{
    const char *tmpl = arena_printf(a, "%s.XXXXXX", dest);
    char *tmp = arena_strndup(a, tmpl, strlen(tmpl));
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(stderr, _("finsam: error: cannot write %s: %s\n"), dest, strerror(errno));
        return false;
    }
    /* mkstemp makes it private; a year file is as readable as any other file */
    mode_t mask = umask(0);
    umask(mask);
    int err = fchmod(fd, 0666 & ~mask) != 0 ? errno : 0;
    size_t done = 0;
    while (!err && done < len) {
        ssize_t w = write(fd, text + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    if (!err && done < len)
        err = errno ? errno : EIO;
    if (close(fd) != 0 && !err)
        err = errno;
    if (!err && link(tmp, dest) != 0)
        err = errno;
    unlink(tmp);
    if (err == EEXIST)
        fprintf(stderr, _("finsam: error: %s is there already; finsam new never writes over "
                          "a file (remove it, or choose another name with -o)\n"), dest);
    else if (err)
        fprintf(stderr, _("finsam: error: cannot write %s: %s\n"), dest, strerror(err));
    return !err;
}

/* The 1-based line of a byte offset of text. */
static int line_of(const char *text, size_t at, size_t *from, int *line)
{
    for (; *from < at; (*from)++)
        *line += text[*from] == '\n';
    return *line;
}

static void tell(const Options *o, const char *dest, const Carried *c)
{
    if (o->quiet)
        return;
    Arena a;
    arena_init(&a);
    size_t from = 0;
    int line = 1;
    for (int i = 0; i < c->notes.len; i++) {
        const CarryNote *n = c->notes.items[i];
        fprintf(stderr, "%s:%d: %s\n", safe_text(&a, dest), line_of(c->text, n->at, &from, &line),
                safe_text(&a, n->text));
    }
    char tables[64], names[96], cells[64], figures[64];
    snprintf(tables, sizeof tables, ngettext("%d table moved on a year", "%d tables moved on a year",
                                             c->tables), c->tables);
    snprintf(names, sizeof names,
             ngettext("%d year named in titles, labels and sources moved on",
                      "%d years named in titles, labels and sources moved on", c->names),
             c->names);
    snprintf(cells, sizeof cells, ngettext("%d cell", "%d cells", c->todo_cells), c->todo_cells);
    snprintf(figures, sizeof figures,
             ngettext("%d figure of the text", "%d figures of the text", c->todo_figures),
             c->todo_figures);
    /* TRANSLATORS: "finsam new: wrote 2026.fin: 12 tables moved on a year, 40 years
     * named in the text moved on; to fill in, written '?': 300 cells, 14 figures of the
     * text" */
    fprintf(stderr,
            _("finsam new: wrote %s: %s, %s; to fill in, written '?': %s, %s\n"),
            safe_text(&a, dest), tables, names, cells, figures);
    arena_free(&a);
}

/* Prints prog's diagnostics; true if it loaded and resolved without an error. */
static bool loaded(Program *prog, const char *path, const Options *o)
{
    bool ok = !program_load(prog, path, &o->load) && !prog->diags.errors &&
              !program_resolve(prog);
    if (!ok) {
        fflush(stdout);
        for (int i = 0; i < prog->diags.list.len; i++)
            diag_print(stderr, prog->diags.list.items[i], o->err_style);
    }
    return ok;
}

/* The new file is written; that it loads is checked at once, so that an imported file
 * that only had last year's columns is told now, where to mend it, not at the next
 * check. */
static bool new_file_loads(const char *dest, const Options *o)
{
    Program next;
    program_init_huge(&next);
    bool ok = loaded(&next, dest, o);
    if (!ok)
        fprintf(stderr, ngettext("finsam new: %s does not load yet: %d error\n",
                                 "finsam new: %s does not load yet: %d errors\n",
                                 next.diags.errors),
                dest, next.diags.errors);
    program_free(&next);
    return ok;
}

int cmd_new(const Options *o)
{
    const char *path = o->files[0];
    Program prog;
    program_init_huge(&prog);
    int status = EXIT_PASSED;
    if (!loaded(&prog, path, o)) {
        fprintf(stderr, ngettext("%s: no new file: %d error in the input\n",
                                 "%s: no new file: %d errors in the input\n",
                                 prog.diags.errors), path, prog.diags.errors);
        program_free(&prog);
        return EXIT_BAD_INPUT;
    }
    Arena *a = &prog.arena;
    const Module *m = prog.modules.items[0];
    Carried c;
    carry_forward(a, m, stem(a, path), &c); /* loaded as a year file: it has a report */
    const char *dir = folder(a, path);
    const char *dest = o->output ? o->output
                       : strcmp(dir, ".") == 0 ? arena_printf(a, "%d.fin", c.year)
                                               : arena_printf(a, "%s/%d.fin", dir, c.year);
    if (!same_folder(folder(a, dest), dir)) {
        fprintf(stderr, _("finsam: error: %s must be in the folder of %s, which its report "
                          "names as previous\n"), dest, path);
        status = EXIT_BAD_INPUT;
    } else if (!write_new(a, dest, c.text, c.len)) {
        status = EXIT_BAD_INPUT;
    } else {
        tell(o, dest, &c);
        if (!new_file_loads(dest, o))
            status = EXIT_BAD_INPUT;
    }
    program_free(&prog);
    return status;
}
