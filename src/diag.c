#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

void diags_init(Diags *d, Arena *a)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
}

/* Formatted once into a buffer on the stack, which a message nearly always fits;
 * formatted again only into the arena when it does not. */
static char *vformat(Arena *a, const char *fmt, va_list ap)
{
    char buf[512];
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(buf, sizeof buf, fmt, copy);
    va_end(copy);
    if (n < 0)
        n = 0, buf[0] = '\0';
    if ((size_t)n < sizeof buf)
        return arena_strndup(a, buf, (size_t)n);
    char *p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

static Diag *add(Diags *d, Severity sev, Loc loc, const char *file, const char *fmt, va_list ap)
{
    Diag *g = arena_alloc(d->arena, sizeof *g);
    g->severity = sev;
    g->loc = loc;
    g->file = file;
    g->message = vformat(d->arena, fmt, ap);
    ptrvec_push(d->arena, &d->list, g);
    if (sev == SEV_ERROR)
        d->errors++;
    return g;
}

Diag *diag_at(Diags *d, Severity sev, Loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Diag *g = add(d, sev, loc, loc.src ? loc.src->path : "finsam", fmt, ap);
    va_end(ap);
    return g;
}

Diag *diag_file(Diags *d, const char *file, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    Loc none = {0};
    Diag *g = add(d, SEV_ERROR, none, file, fmt, ap);
    va_end(ap);
    return g;
}

void diag_note(Diags *d, Diag *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    ptrvec_push(d->arena, &g->notes, vformat(d->arena, fmt, ap));
    va_end(ap);
}

/* The length of the control character at s, or 0: a C0 control character but the tab,
 * DEL, or a C1 control character (U+0080..U+009F, two bytes in UTF-8). */
size_t diag_control_len(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (*p < 0x20)
        return *p == '\t' ? 0 : 1;
    if (*p == 0x7F)
        return 1;
    if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F)
        return 2;
    return 0;
}

size_t diag_utf8_len(const char *s)
{
    uint32_t cp;
    /* no character is longer than 4 bytes, and the decoder stops at a NUL */
    return *s ? utf8_decode((const unsigned char *)s, 4, &cp) : 0;
}

/* Whether none of the eight bytes of w is below 0x20, 0x7F or 0xC2 (the bytes a
 * control character starts with): a word has a byte below k exactly when
 * (w - k..) & ~w & 0x80.. is not 0, one equal to k when w ^ k.. has a byte below 1. */
static bool plain_word(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t d = w ^ (0x7F * ones), e = w ^ (0xC2 * ones);
    return !((((w - 0x20 * ones) & ~w) | ((d - ones) & ~d) | ((e - ones) & ~e)) & high);
}

/* n bytes of s, each control character as one '?', so that no escape sequence from a
 * file reaches the terminal and a line keeps its width in characters. The bytes between
 * are written a run at a time. */
static void put_text_n(FILE *out, const char *s, size_t n, bool tab_as_space)
{
    size_t run = 0, i = 0;
    while (i < n) {
        uint64_t w;
        if (i + 8 <= n && (memcpy(&w, s + i, 8), plain_word(w))) {
            i += 8;
            continue;
        }
        unsigned char b = (unsigned char)s[i];
        if (b >= 0x20 && b != 0x7F && b != 0xC2) {
            i++; /* not the start of a control character */
            continue;
        }
        size_t c = diag_control_len(s + i);
        if (!c && !(b == '\t' && tab_as_space)) {
            i++;
            continue;
        }
        fwrite(s + run, 1, i - run, out);
        fputc(c ? '?' : ' ', out);
        i += c ? c : 1;
        run = i;
    }
    if (run < n)
        fwrite(s + run, 1, n - run, out);
}

/* A number as printf's %d, and as %5d when padded: without printf's machinery, which
 * costs more than the rest of a diagnostic's line. */
static void put_int(FILE *out, int v, bool padded)
{
    char buf[16];
    int k = sizeof buf;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        buf[--k] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        buf[--k] = '-';
    while (padded && k > (int)sizeof buf - 5)
        buf[--k] = ' ';
    fwrite(buf + k, 1, sizeof buf - (size_t)k, out);
}

void diag_put_text(FILE *out, const char *s, bool tab_as_space)
{
    if (s)
        put_text_n(out, s, strlen(s), tab_as_space);
}

void diag_line(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    char *text = mem_alloc((size_t)n + 1);
    va_start(ap, fmt);
    vsnprintf(text, (size_t)n + 1, fmt, ap);
    va_end(ap);
    if (n > 0 && text[n - 1] == '\n')
        text[--n] = '\0';
    put_text_n(out, text, (size_t)n, false);
    fputc('\n', out);
    mem_free(text);
}

const char *diag_place(Diags *d, Loc at)
{
    int line, col;
    source_line_col(at.src, at.start, &line, &col);
    return arena_printf(d->arena, "%s:%d:%d", at.src->path, line, col);
}

#define BOLD "\033[1m"
#define RED "\033[1;31m"
#define MAGENTA "\033[1;35m"
#define GREEN "\033[1;32m"
#define CYAN "\033[1;36m"
#define RESET "\033[0m"

static const char *paint(DiagStyle st, const char *code) { return st.color ? code : ""; }

/* Marks under a source line: c under each character from column from to to
 * (1-based, exclusive), keeping tabs so that the marks line up. */
static void mark(char *under, size_t ulen, const char *line, size_t len, int from, int to,
                 char first, char rest)
{
    int col = 1;
    size_t k = 0;
    for (size_t i = 0; i < len && k + 1 < ulen; i++) {
        if (((unsigned char)line[i] & 0xC0) == 0x80)
            continue;
        if (col >= from && col < to) {
            if (under[k] == ' ' || under[k] == '\t' || under[k] == '~')
                under[k] = col == from ? first : rest;
        } else if (under[k] == ' ' && line[i] == '\t') {
            under[k] = '\t';
        }
        k++;
        col++;
    }
}

/* The byte offset of 1-based character column col in a line of len bytes. */
static size_t column_offset(const char *line, size_t len, int col)
{
    size_t i = 0;
    for (int c = 1; i < len && c < col; c++)
        for (i++; i < len && ((unsigned char)line[i] & 0xC0) == 0x80; i++)
            ;
    return i;
}

/* The characters of UTF-8 text of len bytes: its bytes but the continuation bytes
 * (10xxxxxx), eight bytes at a time (such a byte has bit 7 set and bit 6 clear). */
static int count_chars(const char *text, size_t len)
{
    size_t i = 0, cont = 0;
    uint64_t w;
    for (; i + 8 <= len; i += 8) {
        memcpy(&w, text + i, 8);
        uint64_t m = w & ~(w << 1) & 0x8080808080808080u;
        if (m) /* most words are ASCII */
            cont += (size_t)__builtin_popcountll(m);
    }
    for (; i < len; i++)
        cont += ((unsigned char)text[i] & 0xC0) == 0x80;
    return (int)(len - cont);
}

/* The column of the first character of a line that is not a blank, 1-based. */
static int first_mark_col(const char *text, size_t len)
{
    int col = 1;
    for (size_t i = 0; i < len && (text[i] == ' ' || text[i] == '\t'); i++)
        col++;
    return col;
}

/* The column after the last character of a line that is neither a blank nor in a
 * comment at its end ('#' outside a string), 1-based: where the marks under a line of
 * an expression written over several stop. */
static int content_end_col(const char *text, size_t len)
{
    int col = 1, end = 1;
    bool quoted = false;
    for (size_t i = 0; i < len; i++) {
        if (((unsigned char)text[i] & 0xC0) == 0x80)
            continue;
        if (text[i] == '"')
            quoted = !quoted;
        if (text[i] == '#' && !quoted)
            break;
        col++;
        if (text[i] != ' ' && text[i] != '\t' && text[i] != '\r')
            end = col;
    }
    return end;
}

/* One source line of a diagnostic with marks under it: '^' then '~' from column from
 * to column to (1-based, exclusive; from 0: no marks but the others'), caret or not.
 * A line longer than WINDOW characters (wider than any table of a report) is shown as
 * WINDOW of them around column from, with "..." where it is cut, so that an error on a
 * 1 MB line does not echo a megabyte. */
static void print_line(FILE *out, const Diag *g, DiagStyle st, int line, int from, int to,
                       bool caret)
{
    enum { WINDOW = 240, LEAD = 80 };
    size_t len;
    const char *text = source_line(g->loc.src, line, &len);
    int chars = count_chars(text, len);
    int col = from ? from : 1;
    int first = 1; /* the first column shown */
    if (chars > WINDOW) {
        first = col > LEAD ? col - LEAD : 1;
        if (first > chars + 1 - WINDOW)
            first = chars + 1 - WINDOW;
    }
    size_t start = 0, stop = len;
    if (chars > WINDOW) {
        start = column_offset(text, len, first);
        stop = column_offset(text, len, first + WINDOW);
    }
    const char *cut_left = first > 1 ? "..." : "", *cut_right = stop < len ? "..." : "";
    put_int(out, line, true);
    fputs(" | ", out);
    fputs(cut_left, out);
    put_text_n(out, text + start, stop - start, false);
    fputs(cut_right, out);
    fputc('\n', out);

    /* columns from here on count from the first one shown */
    const char *shown = text + start;
    size_t shown_len = stop - start;
    int shift = first - 1;
    size_t ulen = shown_len + 2;
    char *under = mem_alloc(ulen);
    memset(under, ' ', ulen - 1);
    under[ulen - 1] = '\0';
    for (int i = 0; i < 2; i++) {
        const Loc *o = &g->also[i];
        if (!o->src)
            continue;
        int ol, oc, el, ec;
        source_line_col(o->src, o->start, &ol, &oc);
        source_line_col(o->src, o->end > o->start ? o->end - 1 : o->start, &el, &ec);
        if (o->src == g->loc.src && ol == line)
            mark(under, ulen, shown, shown_len, oc - shift,
                 el == ol ? ec + 1 - shift : 1 << 30, '~', '~');
    }
    if (from) {
        mark(under, ulen, shown, shown_len, from - shift, to - shift, caret ? '^' : '~', '~');
        if (caret && !strchr(under, '^')) {
            int at = from - shift - 1;
            under[at < (int)ulen - 2 ? at : (int)ulen - 2] = '^';
        }
    }
    size_t k = strlen(under);
    while (k > 0 && (under[k - 1] == ' ' || under[k - 1] == '\t'))
        under[--k] = '\0';
    if (k) {
        fputs("      | ", out);
        fputs(*cut_left ? "   " : "", out);
        fputs(paint(st, GREEN), out);
        fwrite(under, 1, k, out);
        fputs(paint(st, RESET), out);
        fputc('\n', out);
    }
    mem_free(under);
}

/* The source of a diagnostic: the line of its place with a caret under it; a place
 * over several lines marked to the end of the first, or, if g->whole (a check written
 * over several lines), quoted over each, marked to its end;
 * and first, when g->context is on a line above (the name of the row whose cell is the
 * place), that line, with "..." for the lines between. A place over more than
 * MAX_LINES lines is quoted by its first and last lines, "..." between. */
static void print_source(FILE *out, const Diag *g, DiagStyle st, int line, int col)
{
    enum { MAX_LINES = 12 };
    int end_line, end_col;
    uint32_t last = g->loc.end > g->loc.start ? g->loc.end - 1 : g->loc.start;
    source_line_col(g->loc.src, last, &end_line, &end_col);
    if (!g->whole && end_line > line) { /* marked to the end of its first line */
        end_line = line;
        end_col = 1 << 29;
    }
    if (g->context.src == g->loc.src) {
        int cl, cc;
        source_line_col(g->context.src, g->context.start, &cl, &cc);
        if (cl < line) {
            print_line(out, g, st, cl, 0, 0, false);
            if (cl + 1 < line)
                fprintf(out, "%5s |\n", "...");
        }
    }
    for (int l = line; l <= end_line; l++) {
        if (end_line - line + 1 > MAX_LINES && l == line + MAX_LINES - 2) {
            fprintf(out, "%5s |\n", "...");
            l = end_line;
        }
        size_t len;
        const char *text = source_line(g->loc.src, l, &len);
        int from = l == line ? col : first_mark_col(text, len);
        int to = l == end_line ? end_col + 1 : g->whole ? content_end_col(text, len) : 1 << 30;
        print_line(out, g, st, l, from < to ? from : 0, to, l == line);
    }
}

static void plain_text(FILE *out, const char *s) { diag_put_text(out, s, false); }

/* diag_put_place with the place's line and column known. */
static void put_place(FILE *out, const Diag *g, void (*put)(FILE *, const char *), int line,
                      int col)
{
    if (g->loc.src) {
        put(out, g->loc.src->path);
        fputc(':', out);
        put_int(out, line, false);
        fputc(':', out);
        put_int(out, col, false);
    } else {
        put(out, g->file);
    }
}

void diag_put_place(FILE *out, const Diag *g, void (*put)(FILE *, const char *))
{
    int line = 0, col = 0;
    if (g->loc.src)
        source_line_col(g->loc.src, g->loc.start, &line, &col);
    put_place(out, g, put, line, col);
}

void diag_print(FILE *out, const Diag *g, DiagStyle st)
{
    const char *sev = g->severity == SEV_ERROR ? _("error")
                      : g->severity == SEV_NOTE ? _("note") : _("warning");
    const char *color = g->severity == SEV_ERROR ? RED : g->severity == SEV_NOTE ? CYAN : MAGENTA;
    int line = 0, col = 0;
    if (g->loc.src)
        source_line_col(g->loc.src, g->loc.start, &line, &col);
    fputs(paint(st, BOLD), out);
    put_place(out, g, plain_text, line, col);
    fputc(':', out);
    fputs(paint(st, RESET), out);
    fputc(' ', out);
    fputs(paint(st, color), out);
    fputs(sev, out);
    fputc(':', out);
    fputs(paint(st, RESET), out);
    fputc(' ', out);
    fputs(paint(st, BOLD), out);
    diag_put_text(out, g->message, false);
    if (g->tag) {
        fputs(" [", out);
        fputs(g->tag, out);
        fputc(']', out);
    }
    fputs(paint(st, RESET), out);
    fputc('\n', out);

    if (g->loc.src && g->loc.src->quotable)
        print_source(out, g, st, line, col);
    for (int i = 0; i < g->notes.len; i++) {
        fputs("      ", out);
        fputs(paint(st, CYAN), out);
        fputc('=', out);
        fputs(paint(st, RESET), out);
        fputc(' ', out);
        diag_put_text(out, g->notes.items[i], false);
        fputc('\n', out);
    }
}
