/* carry: next year's file from this year's, as a change of the source text. Each
 * table's year columns move on a year (the new year's cells '?', this year's carried
 * as printed into the comparative column, the oldest dropped where the number of
 * columns is fixed), the report block names the next year and this file as its
 * previous, years named in titles, labels and sources move on, and the figures that
 * checks quote from this year's text become '?'. Formulas, comments and imports are
 * left as written. It never prints: the caller shows the notes. */
#ifndef FINSAM_CARRY_H
#define FINSAM_CARRY_H

#include <stddef.h>

#include "ast.h"

/* One change worth telling the user, at a byte offset of the new text. */
typedef struct {
    size_t at;
    const char *text;   /* "\"Årsredovisning 2025\" -> \"Årsredovisning 2026\"" */
} CarryNote;

typedef struct {
    char *text;         /* the new file, NUL-terminated; in the arena */
    size_t len;
    int year;           /* the new report's year */
    int todo_cells;     /* cells written '?' */
    int todo_figures;   /* figures in checks written '?' */
    int tables;         /* tables whose year columns moved on */
    int names;          /* years in titles, labels and sources moved on */
    PtrVec notes;       /* CarryNote *, in the order of the new text */
} Carried;

/* Carries the year file m (parsed and resolved) forward a year; previous is the name
 * the new file's report gives this one ("2025"). Returns 0, or -1 if m has no report
 * block. */
int carry_forward(Arena *a, const Module *m, const char *previous, Carried *out);

#endif
