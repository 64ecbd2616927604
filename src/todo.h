/* todo: what a year file still has to be filled in with ('?', as finsam new writes
 * it), said after its summary line so that a file half written is not taken for
 * checked. */
#ifndef FINSAM_TODO_H
#define FINSAM_TODO_H

#include <stdio.h>

#include "program.h"

/* The '?' of the year file itself (not of its imports): cells, and figures in
 * formulas and checks. */
void todo_count(const Program *prog, int *cells, int *figures);

/* "2026.fin: to fill in, written '?': 174 cells, 7 figures of the text (their checks
 * do not run yet)", or nothing when nothing is left. */
void todo_write(FILE *out, const char *path, const Program *prog);

#endif
