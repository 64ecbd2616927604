/* diag: diagnostics as gcc prints them. A diagnostic has a severity, a location, a
 * message, an optional [tag] (the check's name), up to two more spans to underline
 * (the operands of an expression) and explanation lines printed as "= ...". The
 * layers below collect diagnostics; only the command line prints them. */
#ifndef FINSAM_DIAG_H
#define FINSAM_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "mem.h"
#include "source.h"

/* SEV_NOTE: something said, not a finding (a check that did not run, and why). */
typedef enum { SEV_ERROR, SEV_WARNING, SEV_NOTE } Severity;

typedef struct Diag {
    Severity severity;
    Loc loc;          /* loc.src may be NULL: a message about a file as a whole */
    const char *file; /* used when loc.src is NULL */
    const char *message;
    const char *tag;
    Loc also[2];      /* further spans to underline with '~', when on loc's line */
    bool whole;       /* quote every line loc is on (a check written over several),
                         not only its first */
    Loc context;      /* a place above loc whose line is quoted first: the name of the
                         row whose cell loc is, when the cell is on a later line; or none */
    PtrVec notes;     /* char *: explanation lines */
} Diag;

typedef struct {
    Arena *arena;
    PtrVec list; /* Diag * */
    int errors;
} Diags;

void diags_init(Diags *d, Arena *a);
Diag *diag_at(Diags *d, Severity sev, Loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
Diag *diag_file(Diags *d, const char *file, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void diag_note(Diags *d, Diag *g, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "path:line:col" of a place, for a note that points at another one. */
const char *diag_place(Diags *d, Loc at);
/* Where a diagnostic is, "path:line:col" (or its file's name when it has no place), the
 * path written by put: escaped for the format around it. */
void diag_put_place(FILE *out, const Diag *g, void (*put)(FILE *, const char *));

typedef struct {
    bool color;
} DiagStyle;

void diag_print(FILE *out, const Diag *g, DiagStyle style);

/* Text from a file (a path, a title, a label, a line of the source) for a terminal or a
 * plain-text file: each control character, C0 but the tab, DEL and C1 (U+0080 to
 * U+009F), is shown as one '?', so that no escape sequence of the file reaches the
 * terminal and the text keeps its width. Every message diag_print prints is so shown,
 * and so are the text output, the text and Markdown reports, `finsam rules` and TAP. */
void diag_put_text(FILE *out, const char *s, bool tab_as_space);
/* A line of its own on out, such as "path: error: cannot read the folder: ...", with every
 * control character in it shown as diag_put_text shows it; a newline at the end of the
 * format ends the line, as it would with fprintf. */
void diag_line(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The length in bytes of the valid UTF-8 character at s (1 for ASCII), or 0 if the
 * bytes there are not one: a path is bytes, and a Latin-1 'Å' in it is no UTF-8. s is
 * NUL-terminated; a NUL is 0 too. */
size_t diag_utf8_len(const char *s);
/* The length in bytes of the control character at s, or 0 if there is none. */
size_t diag_control_len(const char *s);

#endif
