/* source: the text of one loaded file and the mapping from byte offsets to lines
 * and columns. A location is a pair of byte offsets; line and column are computed
 * only when a message is printed. */
#ifndef FINSAM_SOURCE_H
#define FINSAM_SOURCE_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mem.h"

typedef struct Source {
    const char *path;   /* as the user wrote it, or as found on the search path */
    const char *text;   /* NUL-terminated, a leading byte order mark removed */
    size_t len;
    uint32_t *line_starts; /* made on first use */
    int nlines;
    Arena *arena;
    int index;          /* order of loading: the file given first is 0 */
    bool quotable;      /* its lines may be shown in messages: a .fin file, also where a
                           symbolic link leads; text given in memory is */
    bool mapped;        /* text is a file mapped by arena_map_file: pages read past can
                           be handed back (arena_map_forget) */
    int first_line;     /* the number in its file of the text's first line, when the text
                           is a piece of a file read as a stream (an SIE line quoted in a
                           message); 0 for a whole file */
} Source;

typedef struct {
    const Source *src;
    uint32_t start, end; /* byte offsets, end exclusive */
} Loc;

/* A location in a file known from the context: byte offsets, end exclusive. */
typedef struct {
    uint32_t start, end;
} Span;

Loc loc_at(const Source *src, Span s);

/* Whether a path names a rule file: NAME.fin. */
bool source_named_fin(const char *path);

/* The largest file finsam reads: the scanner counts a buffer's bytes in an int, and
 * needs two bytes after the text. Checked before anything is read. */
#define SOURCE_MAX_BYTES ((size_t)INT_MAX - 2)

/* Reads a file. On failure returns NULL and writes the reason, in the user's words,
 * to why ("No such file or directory", "is a directory", ...). */
Source *source_read(Arena *a, const char *path, const char **why);
Source *source_from_text(Arena *a, const char *path, const char *text, size_t len);

/* The offset of the first byte that is not valid UTF-8 or is a NUL, or len if none. */
size_t source_first_bad_byte(const Source *s);

int source_line_count(const Source *s);

/* 1-based line and column; the column counts characters, not bytes. */
void source_line_col(const Source *s, uint32_t offset, int *line, int *col);
/* The text of a 1-based line, without its line end. */
const char *source_line(const Source *s, int line, size_t *len);

Loc loc_span(Loc a, Loc b); /* from the start of a to the end of b */

#endif
