/* fmt_diff: what finsam fmt --check shows for a file that is not formatted. */
#ifndef FINSAM_FMT_DIFF_H
#define FINSAM_FMT_DIFF_H

#include <stddef.h>
#include <stdio.h>

/* Writes a unified diff (3 lines of context) from text a, the file at path, to b,
 * its formatted text. */
void fmt_diff(FILE *out, const char *path, const char *a, size_t alen, const char *b,
              size_t blen);

#endif
