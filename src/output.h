/* output: where a report goes. A file is written under a temporary name next to it
 * and renamed into place only when complete, so that a failure never leaves half a
 * report; "-" is standard output. */
#ifndef FINSAM_OUTPUT_H
#define FINSAM_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

typedef struct Output {
    FILE *file;
    char *temp;        /* the temporary file, or NULL for standard output */
    const char *path;  /* where it goes */
    char *resolved;    /* path with every symbolic link followed */
    bool direct;       /* a device or a pipe, written in place */
    struct Output *volatile next; /* the next output whose temporary file exists */
} Output;

/* Returns false, with the reason in why, when the file cannot be created. A symbolic
 * link at path is followed, link after link, to the file it leads to, which is written
 * (and made if it is not there); the links stay. A link the kernel would not follow
 * (another user's, in a sticky folder anyone may write to) is refused. While the
 * temporary file exists, SIGINT, SIGTERM, SIGHUP or SIGQUIT remove it before finsam
 * ends. */
bool output_open(Output *o, const char *path, const char **why);
/* Finishes: everything written and flushed, then renamed into place. Returns false
 * (the temporary file removed, nothing at path changed) if any write failed. */
bool output_commit(Output *o, const char **why);
void output_abort(Output *o);

#endif
