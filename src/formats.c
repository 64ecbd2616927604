/* formats: the table of output formats (formats.h). Writers whose own functions take
 * other arguments are called through the few lines here; a new writer is written to
 * take the row's arguments and needs none. */
#include "formats.h"

#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "render.h"
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

/* The formats cmd takes as a sentence; with_default: the default marked as such. */
static const char *names(Arena *a, Command cmd, bool with_default)
{
    const char *list = NULL, *last = NULL;
    for (int i = 0; i < NFORMATS; i++) {
        if (!(FORMATS[i].commands & 1u << cmd))
            continue;
        if (last)
            list = list ? arena_printf(a, "%s, %s", list, last) : last;
        /* TRANSLATORS: a format in the --format line of finsam --help: "text (the
         * default)" */
        last = with_default && i == 0 ? arena_printf(a, _("%s (the default)"), FORMATS[i].name)
                                      : FORMATS[i].name;
    }
    /* TRANSLATORS: the last two of a list: "text, json, junit or tap" */
    return list ? arena_printf(a, _("%s or %s"), list, last) : last ? last : "";
}

const char *format_names(Arena *a, Command cmd) { return names(a, cmd, false); }

/* text, wrapped at spaces to lines of at most 80 characters from column indent on,
 * each line after the first begun with indent spaces */
static const char *wrap(Arena *a, const char *text, int indent)
{
    const char *out = "", *line = "";
    for (const char *p = text; *p;) {
        const char *end = strchr(p, ' ');
        size_t n = end ? (size_t)(end - p) : strlen(p);
        const char *word = arena_strndup(a, p, n);
        if (*line && indent + render_width(line) + 1 + render_width(word) > 80) {
            out = arena_printf(a, "%s%s\n%*s", out, line, indent, "");
            line = word;
        } else {
            line = *line ? arena_printf(a, "%s %s", line, word) : word;
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    return arena_printf(a, "%s%s", out, line);
}

const char *format_help(Arena *a, int indent)
{
    const char *help = "";
    unsigned done = 0;
    for (int c = 0; c < CMD_NCOMMANDS; c++) {
        const char *list = names(a, (Command)c, true);
        if (done & 1u << c || !*list)
            continue;
        const char *commands = cli_command_name((Command)c);
        for (int d = c + 1; d < CMD_NCOMMANDS; d++)
            if (strcmp(names(a, (Command)d, true), list) == 0) {
                commands = arena_printf(a, "%s, %s", commands, cli_command_name((Command)d));
                done |= 1u << d;
            }
        const char *line = wrap(a, arena_printf(a, "%s: %s", commands, list), indent);
        help = *help ? arena_printf(a, "%s;\n%*s%s", help, indent, "", line) : line;
    }
    return help;
}
