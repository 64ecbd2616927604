/* finsam sie: every SIE file given, read and checked (sie_check.c), then printed as
 * finsam check prints year files: findings at their lines, a summary line a file, the
 * same exit status and formats. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "formats.h"
#include "i18n.h"
#include "mem.h"
#include "sie_check.h"
#include "write_sie.h"

/* Reads and checks one file; false if it could not be read right (not opened, or an
 * error in the input). */
static bool run_one(SieRun *run, const char *path)
{
    run->path = path;
    arena_init(&run->arena);
    diags_init(&run->diags, &run->arena);
    const char *why = NULL;
    SieReader *r = sie_open(path, &run->diags, &why);
    if (!r) {
        diag_file(&run->diags, path, _("cannot read: %s"), why);
        return false;
    }
    run->opened = true;
    sie_check(r, &run->sum);
    sie_close(r);
    return run->sum.input_errors == 0;
}

static void add(SieSummary *total, const SieSummary *s)
{
    total->checks += s->checks;
    total->passed += s->passed;
    total->failed += s->failed;
    total->warnings += s->warnings;
}

int cmd_sie(const Options *o)
{
    int n = o->nfiles;
    SieRun *runs = mem_alloc((size_t)n * sizeof *runs);
    bool *ok = mem_alloc((size_t)n * sizeof *ok);
    bool all_ok = true;
    int status = EXIT_PASSED, bad = 0;
    SieSummary total = {0};
    for (int i = 0; i < n; i++) {
        ok[i] = run_one(&runs[i], o->files[i]);
        all_ok &= ok[i];
        bad += !ok[i];
        if (!ok[i])
            continue;
        add(&total, &runs[i].sum);
        if (runs[i].sum.failed || (o->strict && runs[i].sum.warnings))
            status = EXIT_CHECK_FAILED;
    }
    if (!all_ok)
        status = EXIT_BAD_INPUT;
    if (o->format->text) {
        for (int i = 0; i < n; i++) {
            if (!ok[i]) {
                fflush(stdout);
                write_sie_bad(stderr, &runs[i], o->err_style);
            } else {
                write_sie_text(stdout, &runs[i], o->out_style, o->quiet);
            }
        }
        if (n > 1 && !o->quiet) {
            char label[128];
            if (bad)
                snprintf(label, sizeof label,
                         ngettext("total (%d file, %d not checked)",
                                  "total (%d files, %d not checked)", n), n, bad);
            else
                snprintf(label, sizeof label, ngettext("total (%d file)", "total (%d files)", n),
                         n);
            write_sie_total(stdout, label, &total);
        }
    } else if (!all_ok) {
        for (int i = 0; i < n; i++)
            if (!ok[i])
                write_sie_bad(stderr, &runs[i], o->err_style);
    } else {
        o->format->sie(stdout, runs, n, &total);
    }
    if (!cli_flush_stdout())
        status = EXIT_BAD_INPUT;
    for (int i = 0; i < n; i++)
        arena_free(&runs[i].arena);
    mem_free(runs);
    mem_free(ok);
    return status;
}
