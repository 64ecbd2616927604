/* write_ci: `finsam check` for CI systems: JUnit XML (a test case per check run,
 * failures carrying the explanation) and TAP. */
#ifndef FINSAM_WRITE_CI_H
#define FINSAM_WRITE_CI_H

#include <stdio.h>

#include "program.h"
#include "result.h"

void write_junit_begin(FILE *out, int tests, int failures);
void write_junit_file(FILE *out, const char *path, const Results *res);
void write_junit_end(FILE *out);

/* The number of TAP tests a file's results give. */
int tap_count(const Results *res);
void write_tap_plan(FILE *out, int tests);
/* Writes the file's tests, numbered from *next. */
void write_tap_file(FILE *out, const char *path, const Results *res, int *next);

#endif
