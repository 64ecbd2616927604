/* sie_read: an SIE file (types 1, 2, 3, 4E and 4I, sie.se) read as a stream, a record
 * at a time, so that memory does not grow with the file. A record is one line: its
 * label (#TRANS, or "{" and "}" of a voucher) and its fields, each plain, quoted or an
 * object list {dim "obj" ...}. The text is UTF-8 whatever the file's encoding (PC8,
 * that is code page 437, by a table of its own), so that names and quoted lines read right.
 *
 * Real exports break the format in known ways. The reader tolerates each with a
 * warning at its first line (and a count of the lines like it), never by guessing a
 * figure: see SieDeviation. */
#ifndef FINSAM_SIE_READ_H
#define FINSAM_SIE_READ_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "diag.h"
#include "mem.h"

typedef enum { SIE_PLAIN, SIE_QUOTED, SIE_LIST } SieFieldKind;

typedef struct {
    SieFieldKind kind;
    const char *text;     /* the content, unquoted and unescaped, NUL-terminated */
    uint32_t len;
    uint32_t start, end;  /* byte offsets in the record's line, end exclusive */
    int first, count;     /* SIE_LIST: its items are rec->items[first .. first+count) */
} SieField;

enum { SIE_MAX_FIELDS = 64, SIE_MAX_ITEMS = 128 };

/* The records finsam reads, told apart once by the reader (SieRecord.type). */
typedef enum {
    SIE_OTHER,            /* any other label: read past, as the format prescribes */
    SIE_OPEN, SIE_CLOSE,  /* "{" and "}" of a voucher */
    SIE_TRANS, SIE_RTRANS, SIE_BTRANS, SIE_VER, SIE_IB, SIE_UB, SIE_RES, SIE_RAR,
    SIE_KONTO, SIE_KTYP, SIE_KSUMMA, SIE_FLAGGA, SIE_FORMAT, SIE_FNAMN, SIE_GEN,
    SIE_ORGNR, SIE_PROGRAM, SIE_SIETYP
} SieRecordType;

typedef struct {
    int line;             /* 1-based */
    SieRecordType type;   /* by its label */
    const char *text;     /* the whole line in UTF-8, without its line end */
    uint32_t len;
    SieField label;       /* "#TRANS", "{", "}"; label.len 0 on an empty line */
    SieField fields[SIE_MAX_FIELDS];
    int nfields;          /* extra fields past SIE_MAX_FIELDS are ignored */
    SieField items[SIE_MAX_ITEMS];
    int nitems;
    struct {              /* sie_field_amount's last answer, for the field it was about */
        const SieField *field;
        int64_t ore;
        bool ok, padded;
    } amount;
} SieRecord;

/* The known ways real files break the format, each warned about once a file. */
typedef enum {
    SIE_DEV_UTF8,            /* UTF-8 in a file that says PC8 */
    SIE_DEV_LATIN1,          /* Latin-1 in a file that says PC8 */
    SIE_DEV_INDENTED,        /* a record that does not start its line */
    SIE_DEV_SPACED_LIST,     /* "{ }" for the empty object list "{}" */
    SIE_DEV_TAB_IN_LIST,     /* a tab inside an object list */
    SIE_DEV_UNQUOTED_OBJECT, /* an object id without quotes in an object list */
    SIE_DEV_PADDED_AMOUNT,   /* an amount with spaces inside its quotes */
    SIE_DEV_EMPTY_ORGNR,     /* #ORGNR without a number */
    SIE_DEV_EMPTY_SERIES,    /* #VER "" 1: a voucher without a series */
    SIE_DEV_LONG_ACCOUNT,    /* an account number longer than four digits */
    SIE_DEV_UNQUOTED_SPACE,  /* an unterminated quote: the field runs to the line's end */
    SIE_DEV_NOT_A_RECORD,    /* a line that does not start with '#', '{' or '}' */
    SIE_DEV_COUNT
} SieDeviation;

typedef struct SieReader SieReader;

/* Opens a file to read; NULL with the reason in *why when it cannot be. Diagnostics go
 * to diags, allocated in its arena. */
SieReader *sie_open(const char *path, Diags *diags, const char **why);
/* Reads len bytes in memory (tests, the fuzz harness); path names them in messages. */
SieReader *sie_open_memory(const char *path, const char *data, size_t len, Diags *diags);
void sie_close(SieReader *r);

/* The next record that is not an empty line; false at the end of the file (or when it
 * could not be read further: an error then). The record is valid until the next call. */
bool sie_next(SieReader *r, SieRecord *rec);

/* The file's path as given. */
const char *sie_path(const SieReader *r);
/* Where the reader puts its diagnostics. */
Diags *sie_diags(const SieReader *r);

/* A diagnostic at a field of the current record (or its label when at is NULL): the
 * line is quoted, the field underlined. tag NULL: an error in the input (the file
 * cannot be read right); else a finding about the ledger, shown as [tag]. */
Diag *sie_diag(SieReader *r, const SieRecord *rec, const SieField *at, Severity sev,
               const char *tag, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* The place of a field of the current record (its label when at is NULL), kept after
 * the record is gone: the line is copied. */
Loc sie_loc(SieReader *r, const SieRecord *rec, const SieField *at);
/* The place start..end of a line kept by the caller (text, len): copied. */
Loc sie_loc_of(SieReader *r, int line, const char *text, uint32_t len, uint32_t start,
               uint32_t end);

/* A warning about a deviation, the first time it is seen in the file; later ones are
 * counted and the count noted when the file is closed (sie_finish). */
void sie_deviation(SieReader *r, const SieRecord *rec, const SieField *at, SieDeviation dev);
/* Notes the counts of repeated deviations, and whether #KSUMMA checked out. Call once
 * after the last record. */
void sie_finish(SieReader *r);

/* #KSUMMA: whether the file opened one, and whether the closing sum was there. */
bool sie_has_checksum(const SieReader *r);
/* The lines read so far (all of the file's, once sie_next has returned false). */
int sie_lines(const SieReader *r);
/* Whether the file could not be read to its end or is no SIE file at all (said): what
 * it lacks is then not worth saying. */
bool sie_failed(const SieReader *r);

/* An amount "-1234.5" as öre; false if it is not one (more than two decimals that are
 * not zeros, no digits, too large). Spaces around it are skipped, *padded set. */
bool sie_amount(const char *s, size_t len, int64_t *ore, bool *padded);
/* sie_amount of a field of rec, read once for all who ask about the same field (the
 * ledger and its check both read each #TRANS's amount). */
bool sie_field_amount(const SieRecord *rec, const SieField *f, int64_t *ore, bool *padded);
/* A date YYYYMMDD as that number; false if it is not a real date. */
bool sie_date(const char *s, size_t len, int32_t *date);
/* A whole number (a year index "-1", a voucher number); false if it is not one. */
bool sie_int(const char *s, size_t len, int64_t *v);

#endif
