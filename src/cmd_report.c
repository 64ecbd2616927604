/* finsam report and finsam rules: one year file, shown whole. */
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "i18n.h"
#include "mem.h"
#include "output.h"
#include "write_html.h"
#include "write_json.h"
#include "write_report.h"
#include "write_rules.h"

int cmd_rules(const Options *o)
{
    const char *path = o->files[0];
    Program prog;
    program_init(&prog);
    int status = EXIT_PASSED;
    if (program_load(&prog, path, &o->load) || prog.diags.errors || program_resolve(&prog)) {
        cli_bad_input(&prog, path, o->err_style);
        status = EXIT_BAD_INPUT;
    } else {
        write_rules(stdout, &prog, path);
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

static bool open_report(Output *out, const char *path)
{
    const char *why = NULL;
    if (output_open(out, path, &why))
        return true;
    fprintf(stderr, _("%s: error: cannot write the report: %s\n"), path, why);
    return false;
}

static bool commit_report(Output *out, const char *path)
{
    const char *why = NULL;
    if (output_commit(out, &why))
        return true;
    if (path && strcmp(path, "-"))
        fprintf(stderr, _("%s: error: cannot write the report: %s\n"), path, why);
    else
        fprintf(stderr, _("finsam: error: cannot write to standard output: %s\n"), why);
    return false;
}

static void write_one(const Options *o, Output *out, Program *prog, const Results *res,
                      const Table *only, const Allocation *only_alloc)
{
    const char *file = o->files[0];
    switch (o->format) {
    case FORMAT_TEXT:
        write_report(out->file, prog, res, file, REPORT_TEXT);
        break;
    case FORMAT_MARKDOWN:
        write_report(out->file, prog, res, file, REPORT_MARKDOWN);
        break;
    case FORMAT_HTML:
        write_html(out->file, prog, res, file);
        break;
    case FORMAT_CSV:
        if (only_alloc)
            write_csv_allocation(out->file, only_alloc, res);
        else
            write_csv_table(out->file, only, res);
        break;
    default: {
        Json j;
        json_begin(&j, out->file);
        write_json_file(&j, prog, res, file, true);
        json_end(&j);
    }
    }
}

/* Writes one report to path (or standard output), all of it or nothing. */
static bool emit(const Options *o, const char *path, Program *prog, const Results *res,
                 const Table *only, const Allocation *only_alloc)
{
    Output out;
    if (!open_report(&out, path))
        return false;
    write_one(o, &out, prog, res, only, only_alloc);
    return commit_report(&out, path);
}

static const Table *table_named(const Program *prog, const char *name)
{
    for (int i = 0; i < prog->tables.len; i++) {
        const Table *t = prog->tables.items[i];
        if (strcmp(t->name, name) == 0)
            return t;
    }
    return NULL;
}

static const Allocation *allocation_named(const Program *prog, const char *name)
{
    for (int i = 0; i < prog->allocs.len; i++) {
        const Allocation *a = prog->allocs.items[i];
        if (strcmp(a->name, name) == 0)
            return a;
    }
    return NULL;
}

/* CSV: one table or allocation to the output, or every table and allocation as NAME.csv
 * in the folder -o names. */
static int emit_csv(const Options *o, Program *prog, const Results *res)
{
    if (o->table) {
        const Table *t = table_named(prog, o->table);
        const Allocation *a = t ? NULL : allocation_named(prog, o->table);
        if (!t && !a) {
            fprintf(stderr, _("finsam: error: %s has no table or allocation '%s'\n"),
                    o->files[0], o->table);
            return EXIT_BAD_INPUT;
        }
        return emit(o, o->output, prog, res, t, a) ? -1 : EXIT_BAD_INPUT;
    }
    /* -o tables/ (a '/' at the end says it is a folder) makes the folder if need be */
    size_t n = o->output ? strlen(o->output) : 0;
    if (n > 1 && o->output[n - 1] == '/' && !is_folder(o->output) &&
        mkdir(o->output, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, _("%s: error: cannot make the folder: %s\n"), o->output, strerror(errno));
        return EXIT_BAD_INPUT;
    }
    if (!is_folder(o->output)) {
        fputs(_("finsam: error: --format csv writes a file per table: give a folder with -o "
                "DIR/ (made if it is not there), or one table with --table NAME\n"), stderr);
        return EXIT_BAD_INPUT;
    }
    /* Every file is opened before any is written, and all are written before any is
     * renamed into place: a name that cannot be written leaves none of them. */
    int nt = prog->tables.len, nout = nt + prog->allocs.len, opened = 0;
    Output *outs = mem_alloc((size_t)(nout ? nout : 1) * sizeof *outs);
    char **paths = mem_alloc((size_t)(nout ? nout : 1) * sizeof *paths);
    bool ok = true;
    for (int i = 0; i < nout && ok; i++) {
        const char *name = i < nt ? ((const Table *)prog->tables.items[i])->name
                                  : ((const Allocation *)prog->allocs.items[i - nt])->name;
        size_t len = strlen(o->output) + strlen(name) + 6;
        paths[i] = mem_alloc(len);
        snprintf(paths[i], len, "%s/%s.csv", o->output, name);
        ok = open_report(&outs[i], paths[i]);
        opened += ok;
    }
    for (int i = 0; i < opened && ok; i++)
        write_one(o, &outs[i], prog, res, i < nt ? prog->tables.items[i] : NULL,
                  i < nt ? NULL : prog->allocs.items[i - nt]);
    for (int i = 0; i < opened; i++) {
        if (ok)
            ok = commit_report(&outs[i], paths[i]);
        else
            output_abort(&outs[i]);
    }
    for (int i = 0; i < nout; i++)
        mem_free(paths[i]);
    mem_free(paths);
    mem_free(outs);
    return ok ? -1 : EXIT_BAD_INPUT;
}

int cmd_report(const Options *o)
{
    const char *path = o->files[0];
    Program prog;
    Results res = {0};
    res.detailed = true;
    int status;
    if (!cli_run(&prog, &res, path, o)) {
        cli_bad_input(&prog, path, o->err_style);
        status = EXIT_BAD_INPUT;
    } else {
        status = o->format == FORMAT_CSV ? emit_csv(o, &prog, &res)
                 : emit(o, o->output, &prog, &res, NULL, NULL) ? -1 : EXIT_BAD_INPUT;
        if (status < 0)
            status = res.failed_errors || (o->strict && res.failed_warnings) ? EXIT_CHECK_FAILED
                                                                            : EXIT_PASSED;
    }
    program_free(&prog);
    return status;
}
