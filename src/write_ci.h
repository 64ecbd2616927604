/* write_ci: `finsam check` for CI systems: JUnit XML (a test case per check run,
 * failures carrying the explanation) and TAP. */
#ifndef FINSAM_WRITE_CI_H
#define FINSAM_WRITE_CI_H

#include <stdio.h>

#include "model.h"

/* Each file is read from its model (built from detailed results). */
/* finsam check --format junit and tap: every file's model, then the total of them. */
void write_junit(FILE *out, const Model *models, int n, const ModelSummary *total);
void write_tap(FILE *out, const Model *models, int n, const ModelSummary *total);

/* The parts of them, for the fuzzing harness. */
void write_junit_begin(FILE *out, int tests, int failures);
void write_junit_file(FILE *out, const Model *m);
void write_junit_end(FILE *out);

/* The number of tests a file's model gives, in JUnit and TAP alike. */
int tap_count(const Model *m);
void write_tap_plan(FILE *out, int tests);
/* Writes the file's tests, numbered from *next. */
void write_tap_file(FILE *out, const Model *m, int *next);

#endif
