/* output: where a report goes. A file is written under a temporary name next to it
 * and renamed into place only when complete, so that a failure never leaves half a
 * report; "-" is standard output. */
#ifndef FINSAM_OUTPUT_H
#define FINSAM_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct {
    FILE *file;
    char *temp;        /* the temporary file, or NULL for standard output */
    const char *path;  /* where it goes */
    char *resolved;    /* the file a symbolic link at path points to */
    bool direct;       /* a device or a pipe, written in place */
} Output;

/* Returns false, with the reason in why, when the file cannot be created. */
bool output_open(Output *o, const char *path, const char **why);
/* Finishes: everything written and flushed, then renamed into place. Returns false
 * (the temporary file removed, nothing at path changed) if any write failed. */
bool output_commit(Output *o, const char **why);
void output_abort(Output *o);

#endif
