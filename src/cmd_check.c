/* finsam check: every year file given, checked before anything is printed. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "formats.h"
#include "sentence.h"
#include "ledger.h"
#include "eval.h"
#include "i18n.h"
#include "mem.h"
#include "model.h"
#include "plans.h"
#include "review.h"
#include "todo.h"
#include "render.h"
#include "write_text.h"
#include "yearfiles.h"

bool cli_flush_stdout(void)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return true;
    fprintf(stderr, _("finsam: error: cannot write to standard output: %s\n"), strerror(errno));
    return false;
}

void cli_bad_input(const Program *prog, const char *path, DiagStyle style)
{
    fflush(stdout);
    for (int i = 0; i < prog->diags.list.len; i++)
        diag_print(stderr, prog->diags.list.items[i], style);
    diag_line(stderr, ngettext("%s: not checked: %d error in the input\n",
                               "%s: not checked: %d errors in the input\n", prog->diags.errors),
            path, prog->diags.errors);
}

bool cli_run(Program *prog, Results *res, const char *path, const Options *o)
{
    return cli_run_within(prog, NULL, res, path, o);
}

bool cli_run_within(Program *prog, Arena *within, Results *res, const char *path,
                    const Options *o)
{
    program_init_within(prog, within);
    if (program_load(prog, path, &o->load) || prog->diags.errors ||
        program_resolve(prog) || program_load_previous(prog, &o->load) ||
        program_load_plan(prog, &o->load) || program_load_ledger(prog, &o->load) ||
        program_eval(prog, res) || (o->review && review_apply(prog, res, o->review)))
        return false;
    /* the findings are facts until here: now they are put into words, for writing */
    sentences_render(res, &prog->arena);
    return true;
}

/* One file's run: its program stays loaded until its findings are printed. */
typedef struct {
    Program prog;
    Results res;
    bool ok;
} Run;

/* After a file's summary line: the findings an auditor decided on, which fail nothing. */
static void write_reviewed(FILE *out, const char *path, const Results *res)
{
    if (!res->reviewing)
        return;
    int accepted = 0;
    for (int i = 0; i < res->failed.len; i++) {
        const Finding *f = res->failed.items[i];
        accepted += f->review && f->review->decision == REVIEW_ACCEPTED;
    }
    Arena a;
    arena_init(&a);
    /* Each count its own plural: Swedish says "1 godtagen" but "2 godtagna". */
    char findings[64], accepts[64], corrects[64];
    snprintf(findings, sizeof findings, ngettext("%d finding", "%d findings", res->reviewed),
             res->reviewed);
    /* TRANSLATORS: a count of reviewed findings accepted by the auditor */
    snprintf(accepts, sizeof accepts, ngettext("%d accepted", "%d accepted", accepted), accepted);
    /* TRANSLATORS: a count of reviewed findings the auditor wants corrected */
    snprintf(corrects, sizeof corrects,
             ngettext("%d to be corrected", "%d to be corrected", res->reviewed - accepted),
             res->reviewed - accepted);
    /* TRANSLATORS: "2025.fin: reviewed: 3 findings, 2 accepted, 1 to be corrected; they
     * fail nothing" */
    fprintf(out, _("%s: reviewed: %s, %s, %s; they fail nothing\n"), safe_text(&a, path),
            findings, accepts, corrects);
    arena_free(&a);
}

static void add(Results *total, const Results *res)
{
    total->checks += res->checks;
    total->passed += res->passed;
    total->failed_errors += res->failed_errors;
    total->failed_warnings += res->failed_warnings;
    total->skipped += res->skipped;
    total->ledger_checks += res->ledger_checks;
    total->ledger_failed += res->ledger_failed;
}

/* The text output: each file's findings and summary, or, for a file that could not be
 * read, parsed or resolved, its errors on standard error; then the total. */
static void print_text(const Options *o, const FileList *files, Run *runs, const Results *total)
{
    int n = files->len, bad = 0;
    for (int i = 0; i < n; i++) {
        if (!runs[i].ok) {
            cli_bad_input(&runs[i].prog, files->paths[i], o->err_style);
            bad++;
        } else if (!o->quiet) {
            Model m;
            model_build_findings(&m, &runs[i].prog, &runs[i].res, files->paths[i]);
            write_findings(stdout, &m, o->out_style);
            write_not_run(stdout, &m, o->out_style, o->verbose);
            if (o->verbose)
                write_ledger(stdout, &m);
            render_summary(stdout, files->paths[i], &m.summary);
            model_free(&m);
            todo_write(stdout, files->paths[i], &runs[i].prog);
            write_reviewed(stdout, files->paths[i], &runs[i].res);
        }
    }
    if (o->quiet || !(n > 1 || files->had_folder))
        return;
    char label[128];
    if (bad)
        snprintf(label, sizeof label, ngettext("total (%d file, %d not checked)",
                                               "total (%d files, %d not checked)", n), n, bad);
    else
        snprintf(label, sizeof label, ngettext("total (%d file)", "total (%d files)", n), n);
    ModelSummary sum = model_summary(total);
    render_summary(stdout, label, &sum);
}

/* A format for machines (JSON, JUnit, TAP), for every file: its writer reads their
 * models. */
static void print_machine(const Options *o, const FileList *files, Run *runs,
                          const Results *total)
{
    int n = files->len;
    Model *models = mem_alloc(sizeof *models * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++)
        model_build(&models[i], &runs[i].prog, &runs[i].res, files->paths[i]);
    ModelSummary sum = model_summary(total);
    o->format->check(stdout, models, n, &sum);
    for (int i = 0; i < n; i++)
        model_free(&models[i]);
    mem_free(models);
}

/* A file that cannot be read, parsed or resolved makes the status 2. The text output
 * still shows every other file's findings and summary; the formats for machines (JSON,
 * JUnit, TAP) write nothing then, so that no half report is ever left for a script to
 * read as whole. */
static int check_files(const Options *o, const FileList *files)
{
    int n = files->len;
    Run *runs = mem_alloc((size_t)n * sizeof *runs);
    /* every file's program in one arena: a year's check touches its huge page once
     * instead of a hundred small pages */
    Arena run;
    arena_init_huge(&run);
    bool ok = true;
    for (int i = 0; i < n; i++) {
        runs[i].res.detailed = !o->format->text;
        runs[i].ok = cli_run_within(&runs[i].prog, &run, &runs[i].res, files->paths[i], o);
        ok &= runs[i].ok;
    }
    int status = EXIT_PASSED;
    Results total = {0};
    for (int i = 0; i < n; i++) {
        if (!runs[i].ok)
            continue;
        add(&total, &runs[i].res);
        if (runs[i].res.failed_errors || (o->strict && runs[i].res.failed_warnings) ||
            (o->require_all && runs[i].res.skipped))
            status = EXIT_CHECK_FAILED;
    }
    if (!ok)
        status = EXIT_BAD_INPUT;
    if (o->format->text) {
        print_text(o, files, runs, &total);
    } else if (!ok) {
        for (int i = 0; i < n; i++)
            if (!runs[i].ok)
                cli_bad_input(&runs[i].prog, files->paths[i], o->err_style);
    } else {
        print_machine(o, files, runs, &total);
    }
    if (!cli_flush_stdout())
        status = EXIT_BAD_INPUT;
    for (int i = 0; i < n; i++)
        program_free(&runs[i].prog);
    arena_free(&run);
    mem_free(runs);
    return status;
}

int cmd_check(const Options *o)
{
    FileList files = {0};
    int status;
    if (yearfiles_expand(o->files, o->nfiles, o->load.allow_outside, &files, stderr))
        status = EXIT_BAD_INPUT;
    else if (files.len == 0)
        status = cli_command_usage_error("check", "%s",
                                         _("no year file (a .fin file with a 'report' block) "
                                           "in the folders given"));
    else if (files.len > 1 && o->review)
        status = cli_command_usage_error("check", "%s",
                                         _("--review is for one year file: its findings are "
                                           "the ones the review decides on"));
    else
        status = check_files(o, &files);
    yearfiles_free(&files);
    return status;
}
