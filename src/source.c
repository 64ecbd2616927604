#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "utf8.h"

/* Lines are found only when a message needs them: most files are read, checked and
 * never quoted. */
static void index_lines(const Source *cs)
{
    Source *s = (Source *)cs;
    Arena *a = s->arena;
    if (s->line_starts)
        return;
    const char *text = s->text, *end = text + s->len, *nl;
    int n = 1;
    for (const char *p = text; (nl = memchr(p, '\n', (size_t)(end - p))); p = nl + 1)
        n++;
    s->line_starts = arena_alloc(a, (size_t)n * sizeof *s->line_starts);
    s->nlines = n;
    int k = 0;
    s->line_starts[k++] = 0;
    for (const char *p = text; (nl = memchr(p, '\n', (size_t)(end - p))); p = nl + 1)
        s->line_starts[k++] = (uint32_t)(nl + 1 - text);
}

/* Takes text of len bytes followed by two NUL bytes, which the scanner needs to
 * read the text in place. */
static Source *adopt(Arena *a, const char *path, char *text, size_t len)
{
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    Source *s = arena_alloc(a, sizeof *s);
    s->path = arena_strndup(a, path, strlen(path));
    s->text = text;
    s->len = len;
    s->arena = a;
    s->quotable = true;
    return s;
}

bool source_named_fin(const char *path)
{
    size_t n = strlen(path);
    return n > 4 && strcmp(path + n - 4, ".fin") == 0;
}

/* Whether a file reached through a link may have its lines quoted in messages: a rule
 * file where the link leads too, not something else with a rule file's name (an import
 * of "pw" -> /etc/passwd). A file that is no link needs only its name (named_fin). */
static bool is_rule_file(const char *path)
{
    if (!source_named_fin(path))
        return false;
    char real[PATH_MAX];
    return !realpath(path, real) || source_named_fin(real);
}

Source *source_from_text(Arena *a, const char *path, const char *text, size_t len)
{
    char *copy = arena_alloc(a, len + 2);
    memcpy(copy, text, len);
    return adopt(a, path, copy, len);
}

/* From this size on a file is mapped rather than read: below, reading costs less than
 * mapping and unmapping, and a file edited while finsam runs cannot make it fault. */
#define SOURCE_MAP_BYTES ((size_t)1 << 20)

/* Why a file that could not be opened (open said err) cannot be read, as a stat
 * before opening would have said it: a folder or too large a file before a missing
 * permission. */
static const char *why_not_opened(const char *path, int err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return strerror(errno);
    if (S_ISDIR(st.st_mode))
        /* TRANSLATORS: after "cannot read: ", why a file cannot be read. */
        return _("is a directory, not a file");
    if (st.st_size > (off_t)SOURCE_MAX_BYTES)
        return _("is larger than 2 GB, more than finsam reads");
    return strerror(err);
}

Source *source_read(Arena *a, const char *path, const char **why)
{
    /* Opened first and looked at as opened: one fstat instead of a stat before and an
     * lstat after. Not following a link at first tells a file from a link to one, which
     * alone needs its real name looked up (is_rule_file). */
    bool link = false;
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0 && errno == ELOOP) {
        link = true;
        fd = open(path, O_RDONLY | O_CLOEXEC);
    }
    if (fd < 0) {
        *why = why_not_opened(path, errno);
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *why = strerror(errno);
        close(fd);
        return NULL;
    }
    if (S_ISDIR(st.st_mode) || st.st_size > (off_t)SOURCE_MAX_BYTES) {
        *why = S_ISDIR(st.st_mode) ? _("is a directory, not a file")
                                   : _("is larger than 2 GB, more than finsam reads");
        close(fd);
        return NULL;
    }
    bool quotable = link ? is_rule_file(path) : source_named_fin(path);
    /* A large regular file is mapped, not read: its pages come from the page cache
     * without a copy, and the parser hands back those it has read past, so that the
     * text no longer counts as finsam's memory beside its syntax tree. */
    if (S_ISREG(st.st_mode) && (size_t)st.st_size >= SOURCE_MAP_BYTES) {
        char *text = arena_map_file(a, fd, (size_t)st.st_size);
        if (text) {
            close(fd);
            Source *src = adopt(a, path, text, (size_t)st.st_size);
            src->quotable = quotable;
            src->mapped = true;
            return src;
        }
    }
    /* Read straight into the arena with read(2): the file's text is the largest thing
     * finsam holds, and it is held once, in a block of its own. A pipe or a device has
     * no size to go by, and a file that grows while read is read to its end. Room for
     * one byte more than the file's size, so that a file read whole does not look full
     * and get copied into a buffer twice its size to find its end; and for the two NUL
     * bytes the scanner needs after the text. A small file takes no more than it needs:
     * the files of a year pack into the arena's pages. */
    size_t cap = (S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 4096) + 2, len = 0;
    char *buf = arena_alloc_raw(a, cap);
    bool failed = false;
    for (;;) {
        size_t want = cap - 2 - len;
        ssize_t got = read(fd, buf + len, want > (size_t)INT_MAX ? (size_t)INT_MAX : want);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0) {
            failed = got < 0;
            break;
        }
        const char *nul = S_ISREG(st.st_mode) ? NULL : memchr(buf + len, '\0', (size_t)got);
        len += (size_t)got;
        if (S_ISREG(st.st_mode) && (size_t)got < want)
            break; /* a regular file read short is read to its end: no read to see 0 */
        if (nul) {
            /* a device like /dev/zero never ends; a NUL byte is an error at that place */
            len = (size_t)(nul - buf) + 1;
            break;
        }
        if (len == cap - 2) {
            if (cap > SOURCE_MAX_BYTES)
                break; /* too large: said below */
            char *bigger = arena_alloc_raw(a, cap * 2);
            memcpy(bigger, buf, len);
            buf = bigger;
            cap *= 2;
        }
    }
    close(fd);
    if (failed || len > SOURCE_MAX_BYTES) {
        *why = failed ? _("could not be read") : _("is larger than 2 GB, more than finsam reads");
        return NULL;
    }
    buf[len] = buf[len + 1] = '\0';
    Source *src = adopt(a, path, buf, len);
    src->quotable = quotable;
    return src;
}

size_t source_first_bad_byte(const Source *s)
{
    const unsigned char *p = (const unsigned char *)s->text;
    size_t i = 0, n = s->len;
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    while (i < n) {
        /* most of a file is ASCII: eight bytes at a time while none is a NUL or above 0x7F */
        uint64_t w, m = 0;
        while (i + 8 <= n && (memcpy(&w, p + i, 8), !(m = (w & high) | ((w - ones) & ~w & high))))
            i += 8;
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        /* straight to the first byte that stopped it: the lowest marked one (a mark
         * above a NUL byte may be false, none below it is) */
        if (m)
            i += (size_t)__builtin_ctzll(m) / 8;
#endif
        if (i >= n)
            break;
        unsigned c = p[i];
        if (c == 0)
            return i;
        if (c < 0x80) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t len = utf8_decode(p + i, n - i, &cp);
        if (!len)
            return i;
        i += len;
    }
    return n;
}

void source_line_col(const Source *s, uint32_t offset, int *line, int *col)
{
    index_lines(s);
    int lo = 0, hi = s->nlines - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (s->line_starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    *line = lo + 1 + (s->first_line > 1 ? s->first_line - 1 : 0);
    int c = 1;
    for (uint32_t i = s->line_starts[lo]; i < offset && i < s->len; i++)
        if (((unsigned char)s->text[i] & 0xC0) != 0x80)
            c++;
    *col = c;
}

const char *source_line(const Source *s, int line, size_t *len)
{
    index_lines(s);
    line -= s->first_line > 1 ? s->first_line - 1 : 0;
    if (line < 1 || line > s->nlines) {
        *len = 0;
        return "";
    }
    const char *start = s->text + s->line_starts[line - 1];
    const char *end = s->text + (line < s->nlines ? s->line_starts[line] - 1 : s->len);
    if (end > start && end[-1] == '\r')
        end--;
    *len = (size_t)(end - start);
    return start;
}

Loc loc_span(Loc a, Loc b)
{
    Loc r = a;
    if (b.src == a.src && b.end > r.end)
        r.end = b.end;
    return r;
}

Loc loc_at(const Source *src, Span s)
{
    Loc l = {src, s.start, s.end};
    return l;
}

int source_line_count(const Source *s)
{
    index_lines(s);
    return s->nlines;
}
