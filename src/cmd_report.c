/* finsam report and finsam rules: one year file, shown whole. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "formats.h"
#include "i18n.h"
#include "mem.h"
#include "model.h"
#include "output.h"
#include "render.h"
#include "write_rules.h"

int cmd_rules(const Options *o)
{
    const char *path = o->files[0];
    Program prog;
    program_init_huge(&prog);
    int status = EXIT_PASSED;
    if (program_load(&prog, path, &o->load) || prog.diags.errors || program_resolve(&prog)) {
        cli_bad_input(&prog, path, o->err_style);
        status = EXIT_BAD_INPUT;
    } else {
        Model m;
        model_build(&m, &prog, NULL, path);
        write_rules(stdout, &m);
        model_free(&m);
        if (!cli_flush_stdout())
            status = EXIT_BAD_INPUT;
    }
    program_free(&prog);
    return status;
}

static bool is_folder(const char *path)
{
    struct stat st;
    return path && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* "PATH: error: cannot write the report: WHY", the path's control characters as '?'
 * (it reaches a terminal). */
static void cannot_write(const char *path, const char *why)
{
    Arena a;
    arena_init(&a);
    fprintf(stderr, _("%s: error: cannot write the report: %s\n"), safe_text(&a, path), why);
    arena_free(&a);
}

static bool open_report(Output *out, const char *path)
{
    const char *why = NULL;
    if (output_open(out, path, &why))
        return true;
    cannot_write(path, why);
    return false;
}

static bool commit_report(Output *out, const char *path)
{
    const char *why = NULL;
    if (output_commit(out, &why))
        return true;
    if (path && strcmp(path, "-"))
        cannot_write(path, why);
    else
        fprintf(stderr, _("finsam: error: cannot write to standard output: %s\n"), why);
    return false;
}

/* The whole model, or the one table or allocation of a format that writes a table at a
 * time. */
static void write_one(const Options *o, FILE *out, const Model *m, const ModelBlock *only)
{
    if (o->format->table)
        o->format->table(out, only, o->excel);
    else
        o->format->report(out, m);
}

/* Writes one report to path (or standard output), all of it or nothing. */
static bool emit(const Options *o, const char *path, const Model *m, const ModelBlock *only)
{
    Output out;
    if (!open_report(&out, path))
        return false;
    write_one(o, out.file, m, only);
    return commit_report(&out, path);
}

/* A format that writes a table at a time (CSV): one table or allocation to the output,
 * or every table and allocation as NAME.csv in the folder -o names. */
static int emit_tables(const Options *o, const Model *m)
{
    if (o->table) {
        const ModelBlock *b = model_block(m, o->table);
        if (!b) {
            fprintf(stderr, _("finsam: error: %s has no table or allocation '%s'\n"),
                    o->files[0], o->table);
            /* TRANSLATORS: after "has no table or allocation 'x'": the names there are. */
            fputs(_("hint: the tables and allocations are:"), stderr);
            for (int i = 0; i < m->nblocks; i++) {
                fputc(' ', stderr);
                diag_put_text(stderr, m->blocks[i].name, false);
            }
            fputc('\n', stderr);
            return EXIT_BAD_INPUT;
        }
        return emit(o, o->output, m, b) ? -1 : EXIT_BAD_INPUT;
    }
    /* -o tables/ (a '/' at the end says it is a folder) makes the folder if need be */
    size_t n = o->output ? strlen(o->output) : 0;
    if (n > 1 && o->output[n - 1] == '/' && !is_folder(o->output) &&
        mkdir(o->output, 0777) != 0 && errno != EEXIST) {
        Arena a;
        arena_init(&a);
        fprintf(stderr, _("%s: error: cannot make the folder: %s\n"), safe_text(&a, o->output),
                strerror(errno));
        arena_free(&a);
        return EXIT_BAD_INPUT;
    }
    if (!is_folder(o->output)) {
        fputs(_("finsam: error: --format csv writes a file per table: give a folder with -o "
                "DIR/ (made if it is not there), or one table with --table NAME\n"), stderr);
        return EXIT_BAD_INPUT;
    }
    /* The tables, then the allocations, as before the model listed them in file order.
     * Every file is opened before any is written, and all are written before any is
     * renamed into place: a name that cannot be written leaves none of them. */
    const ModelBlock **blocks = mem_alloc((size_t)(m->nblocks ? m->nblocks : 1) * sizeof *blocks);
    int nout = 0;
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < m->nblocks; i++)
            if (!m->blocks[i].alloc == !pass)
                blocks[nout++] = &m->blocks[i];
    Output *outs = mem_alloc((size_t)(nout ? nout : 1) * sizeof *outs);
    char **paths = mem_alloc((size_t)(nout ? nout : 1) * sizeof *paths);
    int named = 0, opened = 0;
    bool ok = true;
    for (int i = 0; i < nout && ok; i++) {
        size_t len = strlen(o->output) + strlen(blocks[i]->name) + 6;
        paths[named++] = mem_alloc(len);
        snprintf(paths[i], len, "%s/%s.csv", o->output, blocks[i]->name);
        ok = open_report(&outs[i], paths[i]);
        opened += ok;
    }
    for (int i = 0; i < opened && ok; i++)
        write_one(o, outs[i].file, m, blocks[i]);
    for (int i = 0; i < opened; i++) {
        if (ok)
            ok = commit_report(&outs[i], paths[i]);
        else
            output_abort(&outs[i]);
    }
    for (int i = 0; i < named; i++)
        mem_free(paths[i]);
    mem_free(paths);
    mem_free(outs);
    mem_free(blocks);
    return ok ? -1 : EXIT_BAD_INPUT;
}

int cmd_report(const Options *o)
{
    const char *path = o->files[0];
    Program prog;
    Results res = {0};
    res.detailed = true;
    int status;
    Arena run; /* the program's pages in one huge page, as for finsam check */
    arena_init_huge(&run);
    if (!cli_run_within(&prog, &run, &res, path, o)) {
        cli_bad_input(&prog, path, o->err_style);
        status = EXIT_BAD_INPUT;
    } else {
        Model m;
        model_build(&m, &prog, &res, path);
        status = o->format->table ? emit_tables(o, &m)
                 : emit(o, o->output, &m, NULL) ? -1 : EXIT_BAD_INPUT;
        model_free(&m);
        if (status < 0)
            status = res.failed_errors || (o->strict && res.failed_warnings) ? EXIT_CHECK_FAILED
                                                                            : EXIT_PASSED;
    }
    program_free(&prog);
    arena_free(&run);
    return status;
}
