#include "diag.h"

#include <stdarg.h>
#include <string.h>

#include "i18n.h"

void diags_init(Diags *d, Arena *a)
{
    memset(d, 0, sizeof *d);
    d->arena = a;
}

static char *vformat(Arena *a, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
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

void diag_print(FILE *out, const Diag *g, DiagStyle st)
{
    const char *sev = g->severity == SEV_ERROR ? _("error") : _("warning");
    const char *color = g->severity == SEV_ERROR ? RED : MAGENTA;
    int line = 0, col = 0;
    if (g->loc.src) {
        source_line_col(g->loc.src, g->loc.start, &line, &col);
        fprintf(out, "%s%s:%d:%d:%s ", paint(st, BOLD), g->loc.src->path, line, col,
                paint(st, RESET));
    } else {
        fprintf(out, "%s%s:%s ", paint(st, BOLD), g->file, paint(st, RESET));
    }
    fprintf(out, "%s%s:%s %s%s", paint(st, color), sev, paint(st, RESET), paint(st, BOLD),
            g->message);
    if (g->tag)
        fprintf(out, " [%s]", g->tag);
    fprintf(out, "%s\n", paint(st, RESET));

    if (g->loc.src) {
        size_t len;
        const char *text = source_line(g->loc.src, line, &len);
        fprintf(out, "%5d | %.*s\n", line, (int)len, text);
        size_t ulen = len + (size_t)col + 2;
        char *under = mem_alloc(ulen);
        memset(under, ' ', ulen - 1);
        int end_line, end_col;
        uint32_t last = g->loc.end > g->loc.start ? g->loc.end - 1 : g->loc.start;
        source_line_col(g->loc.src, last, &end_line, &end_col);
        int to = end_line == line ? end_col + 1 : 1 << 30;
        for (int i = 0; i < 2; i++) {
            const Loc *o = &g->also[i];
            if (!o->src)
                continue;
            int ol, oc, el, ec;
            source_line_col(o->src, o->start, &ol, &oc);
            source_line_col(o->src, o->end > o->start ? o->end - 1 : o->start, &el, &ec);
            if (o->src == g->loc.src && ol == line)
                mark(under, ulen, text, len, oc, el == ol ? ec + 1 : 1 << 30, '~', '~');
        }
        mark(under, ulen, text, len, col, to, '^', '~');
        if (!strchr(under, '^'))
            under[col - 1 < (int)ulen - 2 ? col - 1 : (int)ulen - 2] = '^';
        size_t k = strlen(under);
        while (k > 0 && (under[k - 1] == ' ' || under[k - 1] == '\t'))
            under[--k] = '\0';
        fprintf(out, "      | %s%s%s\n", paint(st, GREEN), under, paint(st, RESET));
        mem_free(under);
    }
    for (int i = 0; i < g->notes.len; i++)
        fprintf(out, "      %s=%s %s\n", paint(st, CYAN), paint(st, RESET),
                (const char *)g->notes.items[i]);
}
