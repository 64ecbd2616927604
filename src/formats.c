/* formats: the table of output formats (formats.h). Writers whose own functions take
 * other arguments are called through the few lines here; a new writer is written to
 * take the row's arguments and needs none. */
#include "formats.h"

#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "write_ci.h"
#include "write_csv.h"
#include "write_html.h"
#include "write_json.h"
#include "write_report.h"

static void report_text(FILE *out, const Model *m) { write_report(out, m, REPORT_TEXT); }
static void report_markdown(FILE *out, const Model *m) { write_report(out, m, REPORT_MARKDOWN); }

static void sie_junit(FILE *out, const SieRun *runs, int n, const SieSummary *total)
{
    (void)total;
    write_sie_junit(out, runs, n);
}

static void sie_tap(FILE *out, const SieRun *runs, int n, const SieSummary *total)
{
    (void)total;
    write_sie_tap(out, runs, n);
}

#define CHECK (1u << CMD_CHECK)
#define REPORT (1u << CMD_REPORT)
#define SIE (1u << CMD_SIE)

/* In the order the messages list them: the first is the default. */
static const Format FORMATS[] = {
    {"text", CHECK | REPORT | SIE, true, report_text, NULL, NULL, NULL},
    {"markdown", REPORT, false, report_markdown, NULL, NULL, NULL},
    {"html", REPORT, false, write_html, NULL, NULL, NULL},
    {"json", CHECK | REPORT | SIE, false, write_json_report, NULL, write_json_check,
     write_sie_json},
    {"csv", REPORT, false, NULL, write_csv, NULL, NULL},
    {"junit", CHECK | SIE, false, NULL, NULL, write_junit, sie_junit},
    {"tap", CHECK | SIE, false, NULL, NULL, write_tap, sie_tap},
};

enum { NFORMATS = sizeof FORMATS / sizeof FORMATS[0] };

const Format *format_named(const char *name)
{
    for (int i = 0; i < NFORMATS; i++)
        if (strcmp(name, FORMATS[i].name) == 0)
            return &FORMATS[i];
    return NULL;
}

const Format *format_default(void) { return &FORMATS[0]; }

const char *format_names(Arena *a, Command cmd)
{
    const char *list = NULL, *last = NULL;
    for (int i = 0; i < NFORMATS; i++) {
        if (!(FORMATS[i].commands & 1u << cmd))
            continue;
        if (last)
            list = list ? arena_printf(a, "%s, %s", list, last) : last;
        last = FORMATS[i].name;
    }
    /* TRANSLATORS: the last two of a list: "text, json, junit or tap" */
    return list ? arena_printf(a, _("%s or %s"), list, last) : last ? last : "";
}
