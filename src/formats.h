/* formats: the table of output formats, the one place that knows them. A row names a
 * format, the commands that take it and its writers: of the whole model (finsam
 * report), of one table or allocation a file (csv), of every file checked and their
 * total (finsam check), of every SIE file (finsam sie). main.c looks --format up here
 * and each command calls the row's writer, so a new format is its writer and one row. */
#ifndef FINSAM_FORMATS_H
#define FINSAM_FORMATS_H

#include <stdbool.h>
#include <stdio.h>

#include "cli.h"
#include "model.h"
#include "write_sie.h"

struct Format {
    const char *name;         /* as --format takes it */
    unsigned commands;        /* bit CMD_x: the commands that take it */
    /* the text people read: finsam check and finsam sie print it themselves, as
     * diagnostics (in colour on a terminal); the writers below are NULL for them */
    bool text;
    /* finsam report: the whole year, or NULL when the format writes a table at a time */
    void (*report)(FILE *out, const Model *m);
    /* finsam report: one table or allocation (--table NAME, or a file each in -o DIR/);
     * excel: for Excel (--excel) */
    void (*table)(FILE *out, const ModelBlock *b, bool excel);
    /* finsam check: every file's model, in order, then the total of them all */
    void (*check)(FILE *out, const Model *models, int n, const ModelSummary *total);
    /* finsam sie: every SIE file, then the total */
    void (*sie)(FILE *out, const SieRun *runs, int n, const SieSummary *total);
};

/* The format called name, or NULL. */
const Format *format_named(const char *name);
/* The text, which every command writes unless --format says otherwise. */
const Format *format_default(void);
/* The names of the formats cmd takes, as a sentence in the user's language: "text,
 * json, junit or tap". */
const char *format_names(Arena *a, Command cmd);
/* The --format lines of finsam --help, from the table: the commands that take the same
 * formats together, "check, sie: text (the default), json, junit or tap;" then
 * "report: ...", wrapped at 80 columns, a line after the first indented by indent. */
const char *format_help(Arena *a, int indent);

#endif
