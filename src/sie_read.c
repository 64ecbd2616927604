#include "sie_read.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crc32.h"
#include "date.h"
#include "i18n.h"

/* A file of up to CHUNK bytes is mapped (arena_map_file) and read in place: its pages
 * are the page cache's, faulted in several at a time, with no copy and no fresh memory
 * to clear. A larger one (or one that cannot be mapped: a pipe; under the sanitizers)
 * is read in chunks of CHUNK bytes into one buffer, a line at most MAX_LINE: measured
 * on 40 MB, mapping it faulted twice as often for no time saved, and held more memory. */
enum { CHUNK = 1 << 20, MAX_LINE = 64 << 20 };

/* Bytes of room after a line's copy and the checksum's buffer: a field is moved into
 * the latter eight bytes at a time (sum_add). */
enum { SLACK = 16 };

/* How far ahead of the line read the bytes are looked at for NUL and non-ASCII. */
enum { SCAN = 64 << 10 };

/* A line's copy, which its fields' text is part of (see tokenize). */
typedef struct {
    char *buf;
    size_t cap;
} Texts;

struct SieReader {
    const char *path;
    Diags *diags;
    int fd;                /* -1 when the text is all in buf */
    char *own;             /* the read buffer, when reading a file in chunks */
    const char *buf;
    size_t cap, beg, end;
    bool eof, failed;      /* failed: not read to its end, or not an SIE file (said) */
    int line;
    int records;           /* returned by sie_next */
    char *utf8;            /* the current line converted, when it is not ASCII */
    size_t utf8_cap;
    Texts texts;           /* the fields' text */
    int seen[SIE_DEV_COUNT];
    int said;              /* the diagnostics there were before this file's */
    SieRecord *raw;        /* the raw bytes' fields, for #KSUMMA on a line converted (made
                              when first needed: a record is 6 KB) */
    Texts raw_texts;       /* theirs: apart, so that the record's own stay as they are */
    size_t special;        /* no byte of buf from a line's start to here is a NUL or
                              above 0x7F (looked at up to SCAN bytes ahead: the pages of
                              a mapped file are read as the lines are) */
    bool scanned;          /* special is known (not since buf's text moved) */
    const Source *loc_src; /* the current record's line as made for a Loc, shared */
    int loc_line;
    /* #KSUMMA */
    bool sum_open, sum_closed;
    uint32_t crc;          /* the CRC-32 so far, before its final inversion */
    int sum_line;
};

const char *sie_path(const SieReader *r) { return r->path; }
Diags *sie_diags(const SieReader *r) { return r->diags; }
bool sie_has_checksum(const SieReader *r) { return r->sum_open; }
int sie_lines(const SieReader *r) { return r->line; }
bool sie_failed(const SieReader *r) { return r->failed; }

static SieReader *reader_new(const char *path, Diags *diags)
{
    SieReader *r = mem_alloc(sizeof *r);
    r->path = arena_strndup(diags->arena, path, strlen(path));
    r->diags = diags;
    r->said = diags->list.len;
    r->fd = -1;
    r->crc = 0xFFFFFFFFu;
    return r;
}

SieReader *sie_open(const char *path, Diags *diags, const char **why)
{
    struct stat st;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        int err = errno;
        /* a directory that cannot be opened is still told as one */
        *why = stat(path, &st) == 0 && S_ISDIR(st.st_mode) ? _("is a directory, not a file")
                                                            : strerror(err);
        return NULL;
    }
    if (fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
        *why = S_ISDIR(st.st_mode) ? _("is a directory, not a file") : strerror(errno);
        close(fd);
        return NULL;
    }
    SieReader *r = reader_new(path, diags);
    char *map = S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size <= CHUNK
                    ? arena_map_file(diags->arena, fd, (size_t)st.st_size)
                    : NULL;
    if (map) {
        close(fd);
        r->buf = map;
        r->end = r->cap = (size_t)st.st_size;
        r->eof = true;
        return r;
    }
    r->fd = fd;
    r->cap = CHUNK;
    r->own = mem_realloc(NULL, r->cap); /* not cleared: read over */
    r->buf = r->own;
    return r;
}

SieReader *sie_open_memory(const char *path, const char *data, size_t len, Diags *diags)
{
    SieReader *r = reader_new(path, diags);
    r->buf = data;
    r->end = r->cap = len;
    r->eof = true;
    return r;
}

void sie_close(SieReader *r)
{
    if (!r)
        return;
    if (r->fd >= 0)
        close(r->fd);
    mem_free(r->own);
    mem_free(r->utf8);
    mem_free(r->texts.buf);
    mem_free(r->raw_texts.buf);
    mem_free(r->raw);
    mem_free(r);
}

/* Reads on into r->own after r->end; false (said) if the file cannot be read. */
static bool fill(SieReader *r)
{
    ssize_t got;
    do
        got = read(r->fd, r->own + r->end, r->cap - r->end);
    while (got < 0 && errno == EINTR);
    if (got < 0) {
        diag_file(r->diags, r->path, _("could not be read after line %d"), r->line);
        r->failed = true;
        return false;
    }
    r->end += (size_t)got;
    r->eof = got == 0;
    return true;
}

/* The next line of the file, without its line end; false at the end. */
static bool next_line(SieReader *r, const char **line, size_t *len)
{
    for (;;) {
        const char *nl = memchr(r->buf + r->beg, '\n', r->end - r->beg);
        if (nl) {
            *line = r->buf + r->beg;
            *len = (size_t)(nl - *line);
            r->beg = (size_t)(nl + 1 - r->buf);
            break;
        }
        if (r->eof) {
            if (r->beg >= r->end)
                return false;
            *line = r->buf + r->beg;
            *len = r->end - r->beg;
            r->beg = r->end;
            break;
        }
        /* keep the start of the line and read on (what was looked at moves) */
        r->scanned = false;
        memmove(r->own, r->own + r->beg, r->end - r->beg);
        r->end -= r->beg;
        r->beg = 0;
        if (r->end == r->cap) {
            if (r->cap >= MAX_LINE) {
                diag_file(r->diags, r->path, _("line %d is longer than 64 MB: not an SIE file"),
                          r->line + 1);
                r->failed = true;
                return false;
            }
            r->cap *= 2;
            r->own = mem_realloc(r->own, r->cap);
            r->buf = r->own;
        }
        if (!fill(r))
            return false;
    }
    r->line++;
    if (*len > 0 && (*line)[*len - 1] == '\r')
        (*len)--;
    return true;
}

/* Whether s is all ASCII, and whether it holds a NUL byte: eight bytes at a time, in
 * one pass (a word has a NUL byte exactly when (w - 0x01..) & ~w & 0x80.. is not 0). */
static bool is_ascii(const char *s, size_t n, bool *nul)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    uint64_t w, any = 0, zero = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&w, p + i, 8);
        any |= w;
        zero |= (w - ones) & ~w & high;
    }
    for (; i < n; i++) {
        any |= p[i];
        zero |= p[i] == 0;
    }
    *nul = zero != 0;
    return !(any & high);
}

/* The offset of the first byte of buf[from..end) that is a NUL or above 0x7F, or end:
 * eight bytes at a time. A file is mostly ASCII: its lines before that byte need no
 * look of their own. */
static size_t next_special(const char *buf, size_t from, size_t end)
{
    const unsigned char *p = (const unsigned char *)buf;
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    size_t i = from;
    uint64_t w;
    while (i + 8 <= end && (memcpy(&w, p + i, 8), !((w | ((w - ones) & ~w)) & high)))
        i += 8;
    while (i < end && p[i] && p[i] < 0x80)
        i++;
    return i;
}

/* Whether s is valid UTF-8 (it has bytes above 0x7F: then it has a sequence). */
static bool is_utf8(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        size_t need;
        unsigned min;
        uint64_t w;
        if (c < 0x80) {
            if (i + 8 <= n && (memcpy(&w, p + i, 8), !(w & 0x8080808080808080u)))
                i += 8;
            else
                i++;
            continue;
        } else if (c >= 0xC2 && c <= 0xDF) {
            need = 1, min = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2, min = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3, min = 0x10000;
        } else {
            return false;
        }
        unsigned cp = c & (0x3F >> need);
        for (size_t k = 1; k <= need; k++) {
            if (i + k >= n || (p[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += need + 1;
    }
    return true;
}

/* Latin-1 rather than PC8: every byte above 0x7F is a Latin-1 letter (0xC0 and up) and
 * none is one of PC8's letters (0x80 to 0x9F hold PC8's å, ä, ö, é, Å, Ä, Ö, where
 * Latin-1 has only control characters). */
static bool looks_latin1(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080u))) {
            i += 7; /* eight ASCII bytes */
            continue;
        }
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 && c < 0xC0)
            return false;
    }
    return true;
}

/* PC8 (code page 437) above 0x7F, as Unicode: its bytes below are ASCII. A table of
 * finsam's own rather than iconv: both of SIE's 8-bit encodings map every byte, and
 * iconv would load a converter module at run time for a small file's few lines (and
 * cannot in a static build). The same as glibc's IBM437 converter, byte for byte. */
static const uint16_t pc8_high[128] = {
    0x00C7, 0x00FC, 0x00E9, 0x00E2, 0x00E4, 0x00E0, 0x00E5, 0x00E7,
    0x00EA, 0x00EB, 0x00E8, 0x00EF, 0x00EE, 0x00EC, 0x00C4, 0x00C5,
    0x00C9, 0x00E6, 0x00C6, 0x00F4, 0x00F6, 0x00F2, 0x00FB, 0x00F9,
    0x00FF, 0x00D6, 0x00DC, 0x00A2, 0x00A3, 0x00A5, 0x20A7, 0x0192,
    0x00E1, 0x00ED, 0x00F3, 0x00FA, 0x00F1, 0x00D1, 0x00AA, 0x00BA,
    0x00BF, 0x2310, 0x00AC, 0x00BD, 0x00BC, 0x00A1, 0x00AB, 0x00BB,
    0x2591, 0x2592, 0x2593, 0x2502, 0x2524, 0x2561, 0x2562, 0x2556,
    0x2555, 0x2563, 0x2551, 0x2557, 0x255D, 0x255C, 0x255B, 0x2510,
    0x2514, 0x2534, 0x252C, 0x251C, 0x2500, 0x253C, 0x255E, 0x255F,
    0x255A, 0x2554, 0x2569, 0x2566, 0x2560, 0x2550, 0x256C, 0x2567,
    0x2568, 0x2564, 0x2565, 0x2559, 0x2558, 0x2552, 0x2553, 0x256B,
    0x256A, 0x2518, 0x250C, 0x2588, 0x2584, 0x258C, 0x2590, 0x2580,
    0x03B1, 0x00DF, 0x0393, 0x03C0, 0x03A3, 0x03C3, 0x00B5, 0x03C4,
    0x03A6, 0x0398, 0x03A9, 0x03B4, 0x221E, 0x03C6, 0x03B5, 0x2229,
    0x2261, 0x00B1, 0x2265, 0x2264, 0x2320, 0x2321, 0x00F7, 0x2248,
    0x00B0, 0x2219, 0x00B7, 0x221A, 0x207F, 0x00B2, 0x25A0, 0x00A0,
};

/* The line s of n bytes, in PC8 or (latin1) Latin-1, as UTF-8 in r->utf8, ending at the
 * first NUL byte if it has one. */
static void convert(SieReader *r, bool latin1, const char *s, size_t n)
{
    if (r->utf8_cap < n * 3 + 1) {
        r->utf8_cap = n * 3 + 1;
        r->utf8 = mem_realloc(r->utf8, r->utf8_cap);
    }
    unsigned char *out = (unsigned char *)r->utf8;
    for (size_t i = 0; i < n; i++) {
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, s + i, 8), !(w & 0x8080808080808080u))) {
            memcpy(out, &w, 8); /* eight ASCII bytes, as they are */
            out += 8;
            i += 7;
            continue;
        }
        unsigned c = (unsigned char)s[i];
        if (c >= 0x80 && !latin1)
            c = pc8_high[c - 0x80];
        if (c < 0x80) {
            *out++ = (unsigned char)c;
        } else if (c < 0x800) {
            *out++ = (unsigned char)(0xC0 | c >> 6);
            *out++ = (unsigned char)(0x80 | (c & 0x3F));
        } else {
            *out++ = (unsigned char)(0xE0 | c >> 12);
            *out++ = (unsigned char)(0x80 | (c >> 6 & 0x3F));
            *out++ = (unsigned char)(0x80 | (c & 0x3F));
        }
    }
    *out = '\0';
}

/* ---- fields ---- */

/* A line is tokenized in a copy of its own, p[0..n) with a NUL at p[n] (and no other:
 * a line with one is not read), and each field's text is the part of the copy it
 * stands in: no field is copied again. A NUL is written after each field's text when
 * the line has been read (the byte there is a separator, a quote or a brace, which no
 * field's text holds), and an escaped quote is unescaped in place, by moving the rest
 * of its field left. */

/* A quoted field from p[*i] (the opening quote) to its closing quote, unescaping \".
 * A quote is found with memchr: one after a backslash is an escaped one (a backslash
 * before it cannot belong to an escape of its own, which takes a quote). */
static void quoted(char *p, size_t n, size_t *i, SieField *f, bool *unterminated)
{
    size_t k = *i + 1, w = k; /* read at k, written at w: w <= k */
    *unterminated = true;
    for (;;) {
        const char *e = memchr(p + k, '"', n - k);
        size_t m = e ? (size_t)(e - p) : n; /* the quote, or the line's end */
        bool escaped = e && m > k && p[m - 1] == '\\';
        size_t copy = m - k - escaped;
        if (w != k)
            memmove(p + w, p + k, copy);
        w += copy;
        k = m;
        if (!e)
            break;
        k++;
        if (!escaped) {
            *unterminated = false;
            break;
        }
        p[w++] = '"';
    }
    f->text = p + *i + 1;
    f->len = (uint32_t)(w - *i - 1);
    *i = k;
}

static bool is_space(char c) { return c == ' ' || c == '\t'; }

/* What a byte is to the tokenizer: a blank, a quote, a brace, the NUL after the line,
 * or any other. A plain field ends at a blank, a quote, a '{' or the line's end; an
 * item of an object list at a blank, a quote, a '}' or the line's end. */
enum { C_BLANK = 1, C_QUOTE = 2, C_OPEN = 4, C_CLOSE = 8, C_END = 16 };
enum {
    ENDS_FIELD = C_BLANK | C_QUOTE | C_OPEN | C_END,
    ENDS_ITEM = C_BLANK | C_QUOTE | C_CLOSE | C_END,
};
static const unsigned char CLASS[256] = {
    ['\0'] = C_END, [' '] = C_BLANK, ['\t'] = C_BLANK, ['"'] = C_QUOTE, ['{'] = C_OPEN,
    ['}'] = C_CLOSE,
};

static void terminate(const SieField *f)
{
    ((char *)f->text)[f->len] = '\0';
}

/* An object list from p[*i], its opening brace, to its closing one, its items from
 * rec->items[*ni]. */
static void object_list(SieReader *r, SieRecord *rec, char *p, size_t n, size_t *pi, int *ni,
                        SieField *f, bool warn)
{
    size_t i = *pi;
    f->kind = SIE_LIST;
    f->first = *ni;
    f->text = ""; /* a list's text is its items; its own is empty, len too */
    f->len = 0;
    bool spaced = false, tab = false, closed = false, open;
    unsigned c;
    i++;
    for (;;) {
        while ((c = CLASS[(unsigned char)p[i]]) == C_BLANK) {
            spaced = true;
            tab |= p[i] == '\t';
            i++;
        }
        if (c == C_END)
            break;
        if (c == C_CLOSE) {
            i++;
            closed = true;
            break;
        }
        SieField it = {.start = (uint32_t)i};
        if (c == C_QUOTE) {
            it.kind = SIE_QUOTED;
            quoted(p, n, &i, &it, &open);
        } else {
            size_t b = i;
            while (!(CLASS[(unsigned char)p[i]] & ENDS_ITEM))
                i++;
            it.kind = SIE_PLAIN;
            it.text = p + b;
            it.len = (uint32_t)(i - b);
        }
        it.end = (uint32_t)i;
        if (*ni < SIE_MAX_ITEMS) {
            rec->items[(*ni)++] = it;
            f->count++;
        }
    }
    f->end = (uint32_t)i;
    *pi = i;
    rec->nitems = *ni;
    if (!warn)
        return;
    if (!closed) {
        sie_diag(r, rec, f, SEV_ERROR, NULL, "%s",
                 _("the object list is not closed with '}' on its line"));
        return;
    }
    if (f->count == 0 && spaced)
        sie_deviation(r, rec, f, SIE_DEV_SPACED_LIST);
    if (tab)
        sie_deviation(r, rec, f, SIE_DEV_TAB_IN_LIST);
    for (int k = 1; k < f->count; k += 2)
        if (rec->items[f->first + k].kind == SIE_PLAIN) {
            sie_deviation(r, rec, &rec->items[f->first + k], SIE_DEV_UNQUOTED_OBJECT);
            break;
        }
}

/* A record's type by its label (l, n bytes): exactly one of these, case and all. */
static SieRecordType record_type(const char *l, size_t n)
{
    if (n == 1)
        return l[0] == '{' ? SIE_OPEN : l[0] == '}' ? SIE_CLOSE : SIE_OTHER;
#define IS(name, type)                                                                   \
    if (n == sizeof name - 1 && memcmp(l, name, sizeof name - 1) == 0)                   \
        return type;
    switch (n < 2 ? 0 : l[1]) {
    case 'B': IS("#BTRANS", SIE_BTRANS) break;
    case 'F': IS("#FLAGGA", SIE_FLAGGA) IS("#FORMAT", SIE_FORMAT) IS("#FNAMN", SIE_FNAMN) break;
    case 'G': IS("#GEN", SIE_GEN) break;
    case 'I': IS("#IB", SIE_IB) break;
    case 'K': IS("#KONTO", SIE_KONTO) IS("#KTYP", SIE_KTYP) IS("#KSUMMA", SIE_KSUMMA) break;
    case 'O': IS("#ORGNR", SIE_ORGNR) break;
    case 'P': IS("#PROGRAM", SIE_PROGRAM) break;
    case 'R': IS("#RES", SIE_RES) IS("#RAR", SIE_RAR) IS("#RTRANS", SIE_RTRANS) break;
    case 'S': IS("#SIETYP", SIE_SIETYP) break;
    case 'T': IS("#TRANS", SIE_TRANS) break;
    case 'U': IS("#UB", SIE_UB) break;
    case 'V': IS("#VER", SIE_VER) break;
    default: break;
    }
#undef IS
    return SIE_OTHER;
}

/* The fields of a line: its label, then each field. Returns false if the line holds no
 * record (empty, or not a record: warned). Deviations are reported when warn. */
static bool tokenize(SieReader *r, Texts *t, SieRecord *rec, const char *s, size_t n,
                     bool warn)
{
    if (t->cap < n + 1 + SLACK) {
        t->cap = n < 128 ? 256 : 2 * (n + 1 + SLACK);
        mem_free(t->buf);
        t->buf = mem_realloc(NULL, t->cap);
    }
    char *p = t->buf;
    memcpy(p, s, n);
    p[n] = '\0';
    rec->nfields = rec->nitems = 0;
    rec->label.len = 0;
    rec->type = SIE_OTHER;
    rec->amount.field = NULL;
    size_t i = 0;
    while (CLASS[(unsigned char)p[i]] == C_BLANK)
        i++;
    if (i == n)
        return false;
    if (p[i] != '#' && p[i] != '{' && p[i] != '}') {
        if (warn) {
            SieField at = {.start = (uint32_t)i, .end = (uint32_t)n};
            sie_deviation(r, rec, &at, SIE_DEV_NOT_A_RECORD);
        }
        return false;
    }
    size_t start = i;
    if (p[i] == '#') {
        while (!(CLASS[(unsigned char)p[i]] & ENDS_FIELD))
            i++;
    } else {
        i++;
    }
    rec->label = (SieField){SIE_PLAIN, p + start, (uint32_t)(i - start), (uint32_t)start,
                            (uint32_t)i, 0, 0};
    rec->type = record_type(p + start, i - start);
    if (start > 0 && warn && p[start] == '#')
        sie_deviation(r, rec, &rec->label, SIE_DEV_INDENTED);
    if (p[start] != '#') {
        terminate(&rec->label);
        return true; /* "{" or "}": what follows on the line is not read */
    }
    /* counted here, where no store through a field can change them */
    int nf = 0, ni = 0;
    unsigned c;
    for (;;) {
        while ((c = CLASS[(unsigned char)p[i]]) == C_BLANK)
            i++;
        if (c == C_END)
            break;
        /* written in place; a field past SIE_MAX_FIELDS is read into the spare slot and
         * dropped */
        SieField spare, *f = nf < SIE_MAX_FIELDS ? &rec->fields[nf] : &spare;
        f->start = (uint32_t)i;
        f->first = f->count = 0;
        if (c == C_QUOTE) {
            bool open;
            f->kind = SIE_QUOTED;
            quoted(p, n, &i, f, &open);
            f->end = (uint32_t)i;
            if (open && warn) {
                rec->nfields = nf;
                sie_deviation(r, rec, f, SIE_DEV_UNQUOTED_SPACE);
            }
        } else if (c == C_OPEN) {
            rec->nfields = nf;
            object_list(r, rec, p, n, &i, &ni, f, warn);
        } else {
            size_t b = i;
            while (!(CLASS[(unsigned char)p[i]] & ENDS_FIELD))
                i++;
            f->kind = SIE_PLAIN;
            f->text = p + b;
            f->len = (uint32_t)(i - b);
            f->end = (uint32_t)i;
        }
        if (nf < SIE_MAX_FIELDS)
            nf++;
    }
    rec->nfields = nf;
    rec->nitems = ni;
    /* each field's text ends where it does: the bytes after them are read */
    terminate(&rec->label);
    for (int k = 0; k < nf; k++)
        if (rec->fields[k].kind != SIE_LIST)
            terminate(&rec->fields[k]);
    for (int k = 0; k < ni; k++)
        terminate(&rec->items[k]);
    return true;
}

/* ---- #KSUMMA ---- */

/* A record's bytes for the checksum, gathered to be summed at once (crc32_add takes
 * eight bytes a time; a record's fields are a few bytes each). A field is moved eight
 * bytes at a time: the line's copy and this buffer have room past their ends. */
enum { SUM_ROOM = 512 };
typedef struct {
    uint32_t crc;
    size_t k;
    unsigned char buf[SUM_ROOM + SLACK];
} Sum;

static inline __attribute__((always_inline)) void sum_add(Sum *S, const char *s, size_t n)
{
    if (S->k + n > SUM_ROOM) {
        S->crc = crc32_add(S->crc, S->buf, S->k);
        S->k = 0;
        if (n > SUM_ROOM) {
            S->crc = crc32_add(S->crc, s, n);
            return;
        }
    }
    for (size_t i = 0; i < n; i += 8)
        memcpy(S->buf + S->k + i, s + i, 8);
    S->k += n;
}

static void sum_field(Sum *S, const SieRecord *rec, const SieField *f)
{
    if (f->kind != SIE_LIST) {
        sum_add(S, f->text, f->len);
        return;
    }
    for (int k = 0; k < f->count; k++) {
        const SieField *it = &rec->items[f->first + k];
        sum_add(S, it->text, it->len);
    }
}

/* The CRC-32 (zlib's crc32) of every record between the opening and the closing
 * #KSUMMA: the label and the fields' content in the file's own bytes, without the
 * spaces, quotes, braces and escaping backslashes between them. */
static void checksum(SieReader *r, SieRecord *rec, const char *raw, size_t n)
{
    bool is_sum = rec->type == SIE_KSUMMA;
    if (is_sum && !r->sum_open && rec->nfields == 0) {
        r->sum_open = true;
        r->sum_line = rec->line;
        return;
    }
    if (is_sum) {
        int64_t want;
        if (!r->sum_open) {
            sie_diag(r, rec, NULL, SEV_ERROR, "ksumma", "%s",
                     _("a closing #KSUMMA without an opening #KSUMMA (without a sum) before "
                       "it"));
        } else if (r->sum_closed) {
            sie_diag(r, rec, NULL, SEV_ERROR, "ksumma", "%s", _("a second closing #KSUMMA"));
        } else if (rec->nfields == 0 ||
                   !sie_int(rec->fields[0].text, rec->fields[0].len, &want)) {
            sie_diag(r, rec, NULL, SEV_ERROR, "ksumma", "%s",
                     _("the closing #KSUMMA has no checksum"));
            r->sum_closed = true;
        } else {
            r->sum_closed = true;
            uint32_t sum = r->crc ^ 0xFFFFFFFFu;
            if ((uint64_t)want != (uint64_t)sum) {
                Diag *g = sie_diag(r, rec, &rec->fields[0], SEV_ERROR, "ksumma",
                                   _("the checksum does not match the file: the records "
                                     "since line %d give %lu"),
                                   r->sum_line, (unsigned long)sum);
                diag_note(r->diags, g, "%s",
                          _("the file was changed after it was exported, or damaged"));
            }
        }
        return;
    }
    if (!r->sum_open || r->sum_closed)
        return;
    const SieRecord *src = rec;
    if (rec->text != raw) {
        /* converted from PC8 or Latin-1: the sum is of the file's own bytes */
        if (!r->raw)
            r->raw = mem_realloc(NULL, sizeof *r->raw); /* tokenize writes what is read */
        tokenize(r, &r->raw_texts, r->raw, raw, n, false);
        src = r->raw;
    }
    if (src->label.text[0] != '#')
        return;
    Sum S;
    S.crc = r->crc;
    S.k = 0;
    sum_add(&S, src->label.text, src->label.len);
    for (int k = 0; k < src->nfields; k++)
        sum_field(&S, src, &src->fields[k]);
    r->crc = crc32_add(S.crc, S.buf, S.k);
}

/* Whether a file's first record can open an SIE file: a label, '#' and a letter (an SIE
 * file starts with #FLAGGA; a reader passes over labels it does not know). A '#' and a
 * space is a comment in a finsam file or a script, a '{' or '}' no record to start with. */
static bool opens_sie(const SieField *label)
{
    char c = label->len >= 2 ? label->text[1] : '\0';
    return label->text[0] == '#' && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
}

/* The first record is none an SIE file opens with: the file is not one. How its lines
 * deviate from the format is not said (they were never meant to follow it), nor what it
 * lacks or holds after. */
static void not_sie(SieReader *r, const SieRecord *rec)
{
    r->diags->list.len = r->said; /* only warnings: an error would have stopped the reading */
    memset(r->seen, 0, sizeof r->seen);
    Diag *g = diag_at(r->diags, SEV_ERROR, sie_loc(r, rec, NULL), "%s",
                      _("not an SIE file: its first record is no SIE label (an SIE file "
                        "starts with #FLAGGA)"));
    if (source_named_fin(r->path))
        diag_note(r->diags, g, _("hint: a finsam file is checked with finsam check %s"),
                  r->path);
    r->failed = true;
}

bool sie_next(SieReader *r, SieRecord *rec)
{
    const char *s;
    size_t n;
    while (next_line(r, &s, &n)) {
        rec->line = r->line;
        bool nul = false, ascii = true;
        size_t b = (size_t)(s - r->buf);
        if (!r->scanned || r->special < b) {
            r->special = next_special(r->buf, b, r->end - b > SCAN ? b + SCAN : r->end);
            r->scanned = true;
        }
        if (r->special < b + n)
            ascii = is_ascii(s, n, &nul);
        if (nul) {
            rec->text = "";
            rec->len = 0;
            diag_file(r->diags, r->path, _("line %d holds a NUL byte: not an SIE file"),
                      r->line);
            r->failed = true;
            return false;
        }
        SieDeviation dev = SIE_DEV_COUNT; /* none */
        if (ascii) {
            rec->text = s;
            rec->len = (uint32_t)n;
        } else if (is_utf8(s, n)) {
            rec->text = s;
            rec->len = (uint32_t)n;
            dev = SIE_DEV_UTF8;
        } else {
            bool latin1 = looks_latin1(s, n);
            convert(r, latin1, s, n);
            rec->text = r->utf8;
            rec->len = (uint32_t)strlen(r->utf8);
            if (latin1)
                dev = SIE_DEV_LATIN1;
        }
        if (dev != SIE_DEV_COUNT) {
            rec->label.len = 0;
            sie_deviation(r, rec, NULL, dev);
        }
        /* the UTF-8 text is tokenized; the raw bytes again only for a checksum */
        if (!tokenize(r, &r->texts, rec, rec->text, rec->len, true))
            continue;
        if (r->records == 0 && !opens_sie(&rec->label)) {
            not_sie(r, rec);
            return false;
        }
        if (rec->label.text[0] == '#' && (r->sum_open || rec->label.text[1] == 'K'))
            checksum(r, rec, s, n);
        r->records++;
        return true;
    }
    if (r->records == 0 && !r->failed) {
        if (r->line == 0)
            diag_file(r->diags, r->path, "%s", _("not an SIE file: it is empty"));
        else
            diag_file(r->diags, r->path,
                      ngettext("not an SIE file: its %d line is not a record (a line that "
                               "starts with '#')",
                               "not an SIE file: not one of its %d lines is a record (a line "
                               "that starts with '#')",
                               r->line),
                      r->line);
        r->failed = true;
    }
    return false;
}

/* ---- diagnostics ---- */

/* A line kept for a message: its own copy, named by the reader's path (kept as long). */
static const Source *line_source(SieReader *r, int line, const char *text, uint32_t len)
{
    Source *src;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        src = source_from_text(r->diags->arena, r->path, text, len); /* the mark taken off */
    } else {
        Arena *a = r->diags->arena;
        char *copy = arena_text(a, (size_t)len + 2);
        memcpy(copy, text, len);
        copy[len] = copy[len + 1] = '\0';
        src = arena_alloc(a, sizeof *src);
        *src = (Source){.path = r->path, .text = copy, .len = len, .arena = a, .quotable = true};
    }
    src->first_line = line;
    return src;
}

Loc sie_loc_of(SieReader *r, int line, const char *text, uint32_t len, uint32_t start,
               uint32_t end)
{
    Loc l = {line_source(r, line, text, len), start, end > start ? end : start};
    return l;
}

Loc sie_loc(SieReader *r, const SieRecord *rec, const SieField *at)
{
    const SieField *f = at ? at : &rec->label;
    /* the places on one line share its copy: a record often has several (its account's
     * first row, its amount, a finding at it) */
    if (r->loc_line != rec->line || !r->loc_src) {
        r->loc_src = line_source(r, rec->line, rec->text, rec->len);
        r->loc_line = rec->line;
    }
    uint32_t start = f->start, end = f->end;
    if (!at && rec->label.len == 0)
        start = end = 0;
    Loc l = {r->loc_src, start, end > start ? end : start};
    return l;
}

static Diag *vdiag(SieReader *r, const SieRecord *rec, const SieField *at, Severity sev,
                   const char *tag, const char *fmt, va_list ap)
{
    char *msg;
    va_list copy;
    va_copy(copy, ap);
    int len = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    msg = arena_alloc(r->diags->arena, (size_t)len + 1);
    vsnprintf(msg, (size_t)len + 1, fmt, ap);
    Diag *g = diag_at(r->diags, sev, sie_loc(r, rec, at), "%s", msg);
    g->tag = tag;
    return g;
}

Diag *sie_diag(SieReader *r, const SieRecord *rec, const SieField *at, Severity sev,
                      const char *tag, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Diag *g = vdiag(r, rec, at, sev, tag, fmt, ap);
    va_end(ap);
    return g;
}

static const char *deviation_text(SieDeviation d)
{
    switch (d) {
    case SIE_DEV_UTF8:
        return _("the line is in UTF-8, not in PC8 as the SIE format prescribes; read as "
                 "UTF-8");
    case SIE_DEV_LATIN1:
        return _("the line is in Latin-1, not in PC8 as the SIE format prescribes; read as "
                 "Latin-1");
    case SIE_DEV_INDENTED:
        return _("the record does not start its line");
    case SIE_DEV_SPACED_LIST:
        return _("an empty object list is written '{}', without spaces");
    case SIE_DEV_TAB_IN_LIST:
        return _("a tab inside an object list");
    case SIE_DEV_UNQUOTED_OBJECT:
        return _("an object id in an object list without quotes");
    case SIE_DEV_PADDED_AMOUNT:
        return _("an amount with spaces inside its quotes");
    case SIE_DEV_EMPTY_ORGNR:
        return _("#ORGNR without an organisation number");
    case SIE_DEV_EMPTY_SERIES:
        return _("a voucher without a series");
    case SIE_DEV_LONG_ACCOUNT:
        return _("an account number longer than four digits");
    case SIE_DEV_UNQUOTED_SPACE:
        return _("a quote that is not closed: the field runs to the end of the line");
    case SIE_DEV_NOT_A_RECORD:
        return _("a line that is not a record (it does not start with '#', '{' or '}'); "
                 "ignored");
    case SIE_DEV_COUNT:
        break;
    }
    return "";
}

void sie_deviation(SieReader *r, const SieRecord *rec, const SieField *at, SieDeviation dev)
{
    if (r->seen[dev]++ == 0)
        sie_diag(r, rec, at, SEV_WARNING, "format", "%s", deviation_text(dev));
}

void sie_finish(SieReader *r)
{
    /* the count of each deviation seen more than once, as a note on its warning */
    for (int i = 0; i < r->diags->list.len; i++) {
        Diag *g = r->diags->list.items[i];
        if (g->severity != SEV_WARNING || !g->tag || strcmp(g->tag, "format") != 0)
            continue;
        for (int d = 0; d < SIE_DEV_COUNT; d++)
            if (r->seen[d] > 1 && strcmp(g->message, deviation_text((SieDeviation)d)) == 0) {
                diag_note(r->diags, g,
                          ngettext("%d line in all is like it", "%d lines in all are like it",
                                   r->seen[d]),
                          r->seen[d]);
                r->seen[d] = 1;
            }
    }
    if (r->sum_open && !r->sum_closed && !r->failed)
        diag_file(r->diags, r->path, "%s",
                  _("the file opens a #KSUMMA but has no closing #KSUMMA with the checksum"))
            ->tag = "ksumma";
}

/* ---- values ---- */

bool sie_int(const char *s, size_t len, int64_t *v)
{
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    if (i == len)
        return false;
    int64_t x = 0;
    for (; i < len; i++) {
        if (s[i] < '0' || s[i] > '9' || x > (INT64_MAX - 9) / 10)
            return false;
        x = x * 10 + (s[i] - '0');
    }
    *v = neg ? -x : x;
    return true;
}

/* The whole of sie_amount, for what its quick path does not take. */
static bool amount_slow(const char *s, size_t len, int64_t *ore, bool *padded)
{
    *padded = false;
    while (len > 0 && is_space(*s))
        s++, len--, *padded = true;
    while (len > 0 && is_space(s[len - 1]))
        len--, *padded = true;
    size_t i = 0;
    bool neg = false;
    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    int64_t whole = 0;
    int digits = 0;
    for (; i < len && s[i] >= '0' && s[i] <= '9'; i++, digits++)
        if (__builtin_mul_overflow(whole, 10, &whole) ||
            __builtin_add_overflow(whole, s[i] - '0', &whole))
            return false;
    int64_t frac = 0;
    int decimals = 0;
    if (i < len && s[i] == '.') {
        for (i++; i < len && s[i] >= '0' && s[i] <= '9'; i++, decimals++) {
            if (decimals < 2)
                frac = frac * 10 + (s[i] - '0');
            else if (s[i] != '0')
                return false; /* a fraction of an öre: not exact */
        }
    }
    if (i != len || digits + decimals == 0)
        return false;
    if (decimals == 1)
        frac *= 10;
    int64_t v;
    if (__builtin_mul_overflow(whole, 100, &v) || __builtin_add_overflow(v, frac, &v))
        return false;
    *ore = neg ? -v : v;
    return true;
}

/* An amount as most are written, "-1234.50": a sign, at most 16 digits (so that no sum
 * here can overflow), at most two decimals, nothing around it; anything else is left to
 * amount_slow, which decides as it always has. A file has one on most of its lines. */
bool sie_amount(const char *s, size_t len, int64_t *ore, bool *padded)
{
    size_t i = 0;
    bool neg = false;
    if (len > 0 && (s[0] == '-' || s[0] == '+'))
        neg = s[i++] == '-';
    size_t b = i;
    uint64_t v = 0;
    for (; i < len && (unsigned char)(s[i] - '0') < 10; i++)
        v = v * 10 + (uint64_t)(s[i] - '0');
    size_t digits = i - b;
    if (digits == 0 || digits > 16)
        return amount_slow(s, len, ore, padded);
    v *= 100;
    if (i < len) {
        if (s[i] != '.' || len - i > 3)
            return amount_slow(s, len, ore, padded);
        if (++i < len) {
            if ((unsigned char)(s[i] - '0') >= 10)
                return amount_slow(s, len, ore, padded);
            v += (uint64_t)(s[i] - '0') * 10;
            if (++i < len) {
                if ((unsigned char)(s[i] - '0') >= 10)
                    return amount_slow(s, len, ore, padded);
                v += (uint64_t)(s[i] - '0');
            }
        }
    }
    *padded = false;
    *ore = neg ? -(int64_t)v : (int64_t)v;
    return true;
}

bool sie_field_amount(const SieRecord *rec, const SieField *f, int64_t *ore, bool *padded)
{
    /* the record is the reader's own: its memo is written through a cast, the record
     * being as it was read for everyone else */
    SieRecord *r = (SieRecord *)rec;
    if (r->amount.field != f) {
        r->amount.ok = sie_amount(f->text, f->len, &r->amount.ore, &r->amount.padded);
        r->amount.field = f;
    }
    *ore = r->amount.ore;
    *padded = r->amount.padded;
    return r->amount.ok;
}

bool sie_date(const char *s, size_t len, int32_t *date)
{
    int64_t v;
    if (len != 8 || s[0] == '-' || s[0] == '+' || !sie_int(s, len, &v))
        return false;
    int y = (int)(v / 10000), m = (int)(v / 100 % 100), d = (int)(v % 100);
    if (y < 1000 || !date_valid(y, m, d))
        return false;
    *date = (int32_t)v;
    return true;
}
