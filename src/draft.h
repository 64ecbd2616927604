/* draft: a first year file from a report's text (finsam draft REPORT.txt).
 *
 * The text is a PDF's text (pdftotext -layout) or a copy from a word processor: a
 * table is a line of words followed by figures, separated by tabs or by runs of two
 * or more spaces. draft_lines.c reads the text into lines and cells, draft_names.c
 * makes names from labels, draft_table.c finds the tables and their structure from
 * the words, draft_write.c writes the year file, cmd_draft.c is the command.
 *
 * draft_input.c tells text from what is not (a PDF, an office document, binary
 * bytes: refused by the command) and makes UTF-8 of UTF-16 and Windows-1252. From
 * there everything is total: any text in, a year file out. What the draft guessed is
 * collected as DraftGuess, each with its line in the text. */
#ifndef FINSAM_DRAFT_H
#define FINSAM_DRAFT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "mem.h"

typedef enum {
    DCELL_TEXT,    /* words: not a figure */
    DCELL_EMPTY,   /* nothing printed */
    DCELL_DASH,    /* "-": nothing, zero */
    DCELL_FIGURE,  /* a figure the language reads as printed */
    DCELL_PERCENT, /* a figure with % */
} DraftCellKind;

typedef struct {
    const char *text;    /* as printed, trimmed */
    int col, endcol;     /* the characters of the line it starts at and ends before */
    DraftCellKind kind;
    const char *figure;  /* as the year file writes it: the printed figure, without a
                            footnote mark or "kr" after it */
    bool negative;
    int64_t micro;       /* a figure's or percentage's value, without its sign, in micro */
    int decimals;        /* units, and the decimals it is printed with */
    bool footnote;       /* a '*' after the figure was left out */
    bool dash_changed;   /* an en dash or similar was written as '-' */
} DraftCell;

typedef struct {
    int lineno;
    const char *text;    /* the line, cleaned (valid UTF-8, no control characters) */
    DraftCell *cells;
    int ncells;
    bool tabbed;         /* its cells are separated by tabs */
    bool blank;
    bool furniture;      /* a page header or footer */
} DraftLine;

typedef struct {
    DraftLine *lines;
    int nlines;
} DraftText;

typedef struct {
    int lineno;
    const char *message;
} DraftGuess;

typedef struct {
    Arena *arena;
    DraftGuess *items;
    int len, cap;
} DraftGuesses;

/* ---- draft_input.c ---- */

/* What a file given to finsam draft holds, told by its bytes: text in an encoding that
 * is read, or a document that is not text (refused, and the user told how to get its
 * text). */
typedef enum {
    DTEXT_UTF8,    /* UTF-8 or ASCII, with or without a byte order mark */
    DTEXT_UTF16LE, /* with its byte order mark, as Windows' Notepad saves "Unicode" */
    DTEXT_UTF16BE,
    DTEXT_CP1252,  /* not UTF-8 and no UTF-8 character in it: Windows' own encoding of
                      text, Latin-1's letters (å ä ö) and the typographer's (– € ”) */
    DTEXT_PDF,
    DTEXT_ZIP,     /* a .docx, .xlsx, .odt or .ods document is a ZIP archive */
    DTEXT_OLE,     /* .doc, .xls of the older kind */
    DTEXT_RTF,
    DTEXT_BINARY,  /* a NUL byte in its first 8000 bytes, as git tells a binary file */
    DTEXT_FINSAM,  /* text, but a finsam file's: told by cmd_draft, which parses it */
} DraftTextKind;

DraftTextKind draft_text_kind(const char *s, size_t n);
static inline bool draft_kind_is_text(DraftTextKind k) { return k <= DTEXT_CP1252; }
/* The text s (n bytes) of kind k, which is text, as UTF-8 without a byte order mark:
 * *len bytes, NUL-terminated. A NUL byte reads as a space, a byte or code unit that is
 * no character as '?'. */
char *draft_text_utf8(Arena *a, DraftTextKind k, const char *s, size_t n, size_t *len);

/* ---- draft_lines.c ---- */

/* Reads len bytes of text (any bytes) into lines and cells. */
void draft_read_text(Arena *a, const char *text, size_t len, DraftText *out);
/* Valid UTF-8 with no control or bidirectional characters: what a comment or a string
 * of a year file may hold. Invalid bytes become '?', controls a space. */
char *draft_clean(Arena *a, const char *s, size_t n);
/* Reads one cell's text: its kind and the figure to write. */
void draft_read_cell(Arena *a, DraftCell *c);
/* A year 1900-2099 written alone ("2025"), or a date that exists ("2025-12-31"): its year, else 0. */
int draft_year_of(const char *s);
/* The number of characters (code points) in s. */
int draft_width(const char *s);

/* ---- draft_names.c ---- */

/* s in lower case ASCII: å ä → a, ö → o, é → e, other letters dropped to their base
 * where known; anything else that is not a letter or digit becomes a space. */
char *draft_fold(Arena *a, const char *s);
/* A short ASCII name from a label: lower case, words joined by '_', small words
 * left out, at most about 24 characters, never a keyword. */
char *draft_slug(Arena *a, const char *label);
/* name, or name_2, name_3, ...: the first not in used[0..n). */
const char *draft_unique(Arena *a, const char *name, const char *const *used, int n);
/* True when the folded label starts with the folded word sequence prefix. */
bool draft_starts(const char *folded, const char *prefix);
/* True when the folded text holds word as a whole word. */
bool draft_has_word(const char *folded, const char *word);

/* ---- guesses ---- */
void draft_guess(DraftGuesses *g, int lineno, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- draft_table.c and draft_write.c ---- */

typedef struct DraftDoc DraftDoc;

/* Finds the report block, the tables and the prose of a text. */
DraftDoc *draft_build(Arena *a, const DraftText *text, DraftGuesses *g);
/* Writes the year file. */
void draft_write(FILE *out, const DraftDoc *doc, const char *source_name);

/* Counts, for the closing note of a draft: cells held as printed, relations found
 * (row and column formulas, note references, allocations). */
typedef struct {
    int tables, cells, formulas, notes, placeholders;
} DraftCounts;
DraftCounts draft_counts(const DraftDoc *doc);

#endif
