#include "carry.h"

#include <stdlib.h>
#include <string.h>

#include "figure.h"
#include "i18n.h"

/* A replacement of the source bytes [start, end) by text; start == end inserts. */
typedef struct {
    uint32_t start, end;
    const char *text;
    const char *note; /* what to tell the user, or NULL */
} Edit;

typedef struct {
    Arena *a;
    const char *src;  /* the old text */
    size_t len;
    int year;         /* this year: the old report's */
    int oldest;       /* the oldest year column up to this year: years from here on move */
    Edit *edits;
    int nedits, cap;
    Carried *out;
} Carry;

static void edit(Carry *C, uint32_t start, uint32_t end, const char *text, const char *note)
{
    if (C->nedits == C->cap) {
        C->cap = C->cap ? 2 * C->cap : 256;
        C->edits = mem_realloc(C->edits, (size_t)C->cap * sizeof *C->edits);
    }
    C->edits[C->nedits++] = (Edit){start, end, text, note};
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_space(char c) { return c == ' ' || c == '\t'; }

/* Characters, not bytes: cells are lined up by what the eye sees. */
static int width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

static const char *copy(Carry *C, uint32_t start, uint32_t end)
{
    return arena_strndup(C->a, C->src + start, end - start);
}

/* ---- cells ---------------------------------------------------------------------- */

/* Writes text in place of a cell, lined up as the old cell was: right-aligned in the
 * room between the bar before it and the end of its figure, the spaces after it kept. */
static void put_cell(Carry *C, const Cell *cell, const char *text)
{
    uint32_t cs = cell->start, ce = cell->start + cell->len;
    uint32_t a = cs, b = ce;
    while (a > 0 && is_space(C->src[a - 1]))
        a--;
    bool after_bar = a > 0 && C->src[a - 1] == '|';
    if (!after_bar) { /* an allocation's total: no column to line up with */
        edit(C, cs, ce, text, NULL);
        return;
    }
    while (b < C->len && is_space(C->src[b]))
        b++;
    uint32_t lead_end = ce;
    if (cell->len == 0) /* an empty cell: its room is the spaces up to the next bar */
        lead_end = C->src[b] == '|' && b > a ? b - 1 : b;
    int room = width(C->src + a, lead_end - a), w = width(text, strlen(text));
    const char *trail = copy(C, lead_end, b);
    const char *put;
    if (w < room)
        put = arena_printf(C->a, "%*s%s%s", room - w, "", text, trail);
    else
        put = arena_printf(C->a, " %s%s", text, trail);
    edit(C, a, b, put, NULL);
}

static void todo_cell(Carry *C, const Cell *cell)
{
    put_cell(C, cell, "?");
    C->out->todo_cells++;
}

static Column *column_of_year(const Table *t, int year)
{
    for (int i = 0; i < t->ncolumns; i++)
        if (t->columns[i]->key.year == year)
            return t->columns[i];
    return NULL;
}

/* The end of the whole number that starts at s, its digits grouped as a figure's may be:
 * 2025, 2 025, 2_025. */
static uint32_t figure_end(const Carry *C, uint32_t s)
{
    const unsigned char *t = (const unsigned char *)C->src;
    uint32_t e = s;
    for (;;) {
        while (e < C->len && is_digit(C->src[e]))
            e++;
        size_t sep = e < C->len ? figure_separator_len(t, C->len, e) : 0;
        if (!sep || e + sep >= C->len || !is_digit(C->src[e + sep]))
            return e;
        e += (uint32_t)sep;
    }
}

/* A table of percentages that leaves its unit to its figures says it in its heading:
 * once its figures are '?', its rows would be amounts, which a check of percentages
 * cannot compare. */
static void keep_percent_unit(Carry *C, const Table *t)
{
    if (t->unit == U_PERCENT)
        return;
    int figures = 0;
    for (int r = 0; r < t->nrows; r++)
        for (int i = 0; i < t->rows[r]->ncells; i++) {
            const Cell *c = &t->rows[r]->cells[i];
            if (c->type != CELL_FIGURE)
                continue;
            if (!c->percent)
                return;
            figures++;
        }
    if (!figures)
        return;
    /* after the title, which follows the name */
    uint32_t s = t->name_loc.end;
    while (s < C->len && C->src[s] != '"')
        s++;
    for (s++; s < C->len && C->src[s] != '"'; s++)
        if (C->src[s] == '\\')
            s++;
    if (s < C->len)
        edit(C, s + 1, s + 1, " unit %",
             arena_printf(C->a, _("unit %% in the heading of '%s': its figures were "
                                  "percentages, and '?' does not say so"), t->name));
}

/* A computed row that the report does not print has no cells in the text: the ones it
 * has, resolve made, at the row's start. */
static bool printed(const Row *row)
{
    return row->ncells > 0 &&
           !(row->cells[0].len == 0 && row->cells[0].start == row->span.start);
}

/* A year column's figures in the new file are the old file's figures of its new year,
 * as printed, where the old file has them and they are not a plan (a year after this
 * one); else '?', as every named column's (actual, budget, target: this year's). */
static void carry_table(Carry *C, const Table *t)
{
    keep_percent_unit(C, t);
    bool years = false;
    for (int i = 0; i < t->ncolumns; i++) {
        const Column *c = t->columns[i];
        if (!c->key.year)
            continue;
        years = true;
        /* the year that opens the column's text: (2025 "Utfall", ...) */
        uint32_t s = c->loc.start;
        edit(C, s, figure_end(C, s), arena_printf(C->a, "%d", c->key.year + 1), NULL);
    }
    C->out->tables += years;
    for (int r = 0; r < t->nrows; r++) {
        const Row *row = t->rows[r];
        for (int i = 0; printed(row) && i < row->ncells && i < t->ncolumns; i++) {
            const Column *c = t->columns[i];
            const Column *from = c->key.year && c->key.year + 1 <= C->year
                                     ? column_of_year(t, c->key.year + 1) : NULL;
            if (!from || from->index >= row->ncells) {
                todo_cell(C, &row->cells[i]);
                continue;
            }
            const Cell *old = &row->cells[from->index];
            put_cell(C, &row->cells[i], copy(C, old->start, old->start + old->len));
        }
    }
}

static void carry_alloc(Carry *C, const Allocation *al)
{
    todo_cell(C, &al->total);
    for (int g = 0; g < al->ngroups; g++)
        for (int m = 0; m < al->groups[g]->nmembers; m++)
            todo_cell(C, &al->groups[g]->members[m]->amount);
}

/* ---- expressions ---------------------------------------------------------------- */

/* A year chosen in a reference to a table of this file moves with its columns:
 * income.member_fees[2024] becomes [2025]. */
static void carry_selector(Carry *C, const Module *m, const Expr *e)
{
    if (!e->has_sel || !e->sel_year || !e->u.ref.table ||
        e->u.ref.table->src != m->src)
        return;
    /* the year between the brackets, however written: [2024], [ 2 024 ] */
    uint32_t s = e->loc.end;
    while (s > e->loc.start && C->src[s - 1] != '[')
        s--;
    while (s < e->loc.end && !is_digit(C->src[s]))
        s++;
    uint32_t end = figure_end(C, s);
    if (end > s)
        edit(C, s, end, arena_printf(C->a, "%d", e->sel_year + 1), NULL);
}

static void walk(Carry *C, const Module *m, const Expr *e)
{
    if (!e)
        return;
    switch (e->type) {
    case E_REF:
        carry_selector(C, m, e);
        break;
    case E_NEG:
    case E_NOT:
        walk(C, m, e->u.unary.operand);
        break;
    case E_BINARY:
        walk(C, m, e->u.binary.left);
        walk(C, m, e->u.binary.right);
        break;
    case E_CALL:
        for (int i = 0; i < e->u.call.args.len; i++)
            walk(C, m, e->u.call.args.items[i]);
        break;
    case E_WHERE:
        walk(C, m, e->u.where.rows);
        walk(C, m, e->u.where.cond);
        break;
    default:
        break;
    }
}

/* Figures and arithmetic on figures alone: a side of a comparison that the text
 * states, such as 894 542 or 60 / 128. */
static bool only_figures(const Expr *e)
{
    switch (e->type) {
    case E_FIGURE:
        return !e->u.figure.todo;
    case E_NEG:
        return only_figures(e->u.unary.operand);
    case E_BINARY:
        return e->op <= OP_DIV && only_figures(e->u.binary.left) &&
               only_figures(e->u.binary.right);
    default:
        return false;
    }
}

typedef struct {
    const char *written[8]; /* the figures as written, to find them in the title too */
    int n;
} Quoted;

static void blank_figures(Carry *C, const Expr *e, Quoted *q)
{
    if (e->type == E_NEG) {
        blank_figures(C, e->u.unary.operand, q);
    } else if (e->type == E_BINARY) {
        blank_figures(C, e->u.binary.left, q);
        blank_figures(C, e->u.binary.right, q);
    } else if (e->type == E_FIGURE && (e->u.figure.value.lo || e->u.figure.value.hi)) {
        const char *was = copy(C, e->loc.start, e->loc.end);
        if (q->n < 8)
            q->written[q->n++] = was;
        edit(C, e->loc.start, e->loc.end, "?",
             arena_printf(C->a, _("%s -> ? (a figure of this year's text: read it from the "
                                  "new report)"), was));
        C->out->todo_figures++;
    }
}

/* In each comparison, a side that is figures alone quotes this year's text: those
 * figures become '?'. Zero stays: 'result > 0' is a rule, not a quotation. */
static void blank_quoted(Carry *C, const Expr *e, Quoted *q)
{
    if (e->type == E_NOT) {
        blank_quoted(C, e->u.unary.operand, q);
    } else if (e->type == E_BINARY && (e->op == OP_AND || e->op == OP_OR)) {
        blank_quoted(C, e->u.binary.left, q);
        blank_quoted(C, e->u.binary.right, q);
    } else if (e->type == E_BINARY && e->op >= OP_EQ) {
        for (int side = 0; side < 2; side++) {
            const Expr *s = side ? e->u.binary.right : e->u.binary.left;
            if (only_figures(s))
                blank_figures(C, s, q);
        }
    }
}

/* ---- strings -------------------------------------------------------------------- */

/* A check whose quoted figures became '?', and where its title starts, so that the
 * title does not go on quoting them. */
typedef struct {
    uint32_t title;
    Quoted q;
} TitleFix;

/* The year in a string moves on when it is one of the years the file's columns name
 * up to this year: "Årsredovisning 2025", "Utfall jan-dec 2024". A law's number
 * (2003:1210) and a date (2025-03-10) stay. */
static bool moves(Carry *C, const char *s, size_t i, size_t n, int *year)
{
    if (i + 4 > n || (i > 0 && (is_digit(s[i - 1]) || ((unsigned char)s[i - 1] & 0x80) ||
                                (s[i - 1] >= 'A' && s[i - 1] <= 'z'))))
        return false;
    for (int k = 0; k < 4; k++)
        if (!is_digit(s[i + k]))
            return false;
    if (i + 4 < n) {
        char c = s[i + 4];
        if (is_digit(c) || ((unsigned char)c & 0x80) || (c >= 'A' && c <= 'z' && c != '_'))
            return false;
        if ((c == ':' || c == '-') && i + 5 < n && is_digit(s[i + 5]))
            return false;
    }
    int y = atoi(arena_strndup(C->a, s + i, 4));
    if (y < C->oldest || y > C->year)
        return false;
    *year = y;
    return true;
}

/* Replaces each occurrence of a quoted figure in a title by '?': "Eget kapital
 * 945 081 kr" -> "Eget kapital ? kr"; "19,7%" is also found as "19,7 %". */
static const char *unquote(Carry *C, const char *s, const Quoted *q)
{
    for (int k = 0; k < q->n; k++) {
        const char *w = q->written[k];
        size_t wl = strlen(w);
        const char *variants[2] = {w, NULL};
        if (wl > 1 && w[wl - 1] == '%')
            variants[1] = arena_printf(C->a, "%.*s %%", (int)(wl - 1), w);
        for (int v = 0; v < 2 && variants[v]; v++) {
            size_t vl = strlen(variants[v]);
            for (const char *hit = strstr(s, variants[v]); hit; hit = strstr(hit + 1, variants[v])) {
                /* a whole figure: not the 4 of 40, nor the 10 of 2010 */
                bool whole = (hit == s || !(is_digit(hit[-1]) || hit[-1] == ',')) &&
                             !is_digit(hit[vl]) && !(hit[vl] == ',' && is_digit(hit[vl + 1])) &&
                             !(hit[vl] == ' ' && is_digit(hit[vl + 1]));
                if (!whole)
                    continue;
                size_t at = (size_t)(hit - s);
                s = arena_printf(C->a, "%.*s?%s", (int)at, s, hit + vl);
                hit = s + at;
            }
        }
    }
    return s;
}

static void carry_string(Carry *C, uint32_t start, uint32_t end, const TitleFix *fix)
{
    const char *s = C->src + start;
    size_t n = end - start;
    char *buf = arena_text(C->a, n + 1);
    size_t k = 0;
    bool changed = false;
    for (size_t i = 0; i < n;) {
        int y;
        if (moves(C, s, i, n, &y)) {
            k += (size_t)snprintf(buf + k, n + 1 - k, "%d", y + 1);
            i += 4;
            changed = true;
            C->out->names++;
        } else {
            buf[k++] = s[i++];
        }
    }
    buf[k] = '\0';
    const char *text = fix ? unquote(C, buf, &fix->q) : buf;
    if (!changed && strcmp(text, buf) == 0)
        return;
    const char *was = copy(C, start, end);
    edit(C, start, end, text, arena_printf(C->a, "%s -> %s", was, text));
}

static int by_start(const void *x, const void *y)
{
    const Edit *a = x, *b = y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end < b->end ? -1 : a->end > b->end;
}

/* True if [s, e) overlaps an edit already made (edits sorted by start). */
static bool touched(const Carry *C, int nsorted, uint32_t s, uint32_t e)
{
    int lo = 0, hi = nsorted;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        if (C->edits[mid].end <= s)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* edits do not overlap each other, so their ends rise with their starts */
    return lo < nsorted && C->edits[lo].start < e;
}

/* Every string outside comments that no other change covers: imports are kept as
 * written, cells were carried whole. */
static void carry_strings(Carry *C, const TitleFix *fixes, int nfixes, const Span *keep,
                          int nkeep)
{
    int nsorted = C->nedits;
    qsort(C->edits, (size_t)nsorted, sizeof *C->edits, by_start);
    for (uint32_t i = 0; i < C->len; i++) {
        char c = C->src[i];
        if (c == '#') {
            while (i < C->len && C->src[i] != '\n')
                i++;
            continue;
        }
        if (c != '"')
            continue;
        uint32_t s = i++;
        while (i < C->len && C->src[i] != '"' && C->src[i] != '\n')
            i += C->src[i] == '\\' ? 2 : 1;
        uint32_t e = i < C->len && C->src[i] == '"' ? i + 1 : i;
        bool kept = touched(C, nsorted, s, e);
        for (int k = 0; k < nkeep && !kept; k++)
            kept = s >= keep[k].start && s < keep[k].end;
        const TitleFix *fix = NULL;
        for (int k = 0; k < nfixes && !fix; k++)
            if (fixes[k].title == s)
                fix = &fixes[k];
        if (!kept)
            carry_string(C, s, e, fix);
        i = e - 1;
    }
}

/* ---- the report block ----------------------------------------------------------- */

static uint32_t line_start(const Carry *C, uint32_t at)
{
    while (at > 0 && C->src[at - 1] != '\n')
        at--;
    return at;
}

static bool alone_on_line(const Carry *C, Loc l)
{
    for (uint32_t i = line_start(C, l.start); i < l.start; i++)
        if (!is_space(C->src[i]))
            return false;
    for (uint32_t i = l.end; i < C->len && C->src[i] != '\n'; i++)
        if (!is_space(C->src[i]) && C->src[i] != '\r')
            return C->src[i] == '#';
    return true;
}

/* Comments for the end of a line, from the entries taken out of it. */
typedef struct {
    const char *text;
    uint32_t at;
} LineTail;

/* An entry that next year's file cannot keep becomes a comment: in its place when it is
 * alone on its line; else it is taken out of the line (a report block on one line), and
 * the comment goes at the line's end. note is "%s -> ... %d", given the entry and the
 * new year. */
static void comment_out(Carry *C, const ReportEntry *e, LineTail *tail, const char *comment,
                        const char *note)
{
    const char *said = arena_printf(C->a, note, copy(C, e->loc.start, e->loc.end), C->year + 1);
    if (alone_on_line(C, e->loc)) {
        edit(C, e->loc.start, e->loc.end, comment, said);
        return;
    }
    uint32_t s = e->loc.start, end = e->loc.end;
    while (s > 0 && is_space(C->src[s - 1]))
        s--;
    edit(C, s, e->loc.end, "", said);
    while (end < C->len && C->src[end] != '\n')
        end++;
    if (end > e->loc.end && C->src[end - 1] == '\r') /* a CR alone is a space; CR LF ends */
        end--;
    tail->text = arena_printf(C->a, "%s  %s", tail->text ? tail->text : "", comment);
    tail->at = end;
}

static void carry_report(Carry *C, const Report *rep, const char *previous, Span *keep,
                         int *nkeep)
{
    const ReportEntry *year = NULL, *prev = NULL;
    LineTail tail = {0};
    for (int i = 0; i < rep->entries.len; i++) {
        const ReportEntry *e = rep->entries.items[i];
        if (strcmp(e->key, "year") == 0) {
            year = e;
            uint32_t s = e->loc.start + 4;
            while (s < e->loc.end && !is_digit(C->src[s]))
                s++;
            edit(C, s, e->loc.end, arena_printf(C->a, "%d", C->year + 1),
                 arena_printf(C->a, "year %d -> %d", C->year, C->year + 1));
        } else if (strcmp(e->key, "previous") == 0) {
            prev = e;
            keep[(*nkeep)++] = (Span){e->loc.start, e->loc.end};
        } else if (strcmp(e->key, "plan") == 0) {
            /* this year's plan is not next year's, and next year's may not be written yet */
            comment_out(C, e, &tail,
                        arena_printf(C->a, "# plan ?  (the plan the board decided for %d)",
                                     C->year + 1),
                        _("%s -> a comment: name the plan decided for %d"));
        } else if (strcmp(e->key, "ledger") == 0) {
            /* next year's bookkeeping is exported only when that year is closed */
            comment_out(C, e, &tail,
                        arena_printf(C->a, "# ledger ?  (the ledger of %d, exported as SIE)",
                                     C->year + 1),
                        _("%s -> a comment: name the ledger of %d"));
        } else if (strcmp(e->key, "decided") == 0) {
            /* a date only the board can give: left for the person to write */
            comment_out(C, e, &tail,
                        arena_printf(C->a,
                                     "# decided ?  (the day the board decides the %d report)",
                                     C->year + 1),
                        _("%s -> a comment: write the day the %d report is decided"));
        }
    }
    if (tail.text)
        edit(C, tail.at, tail.at, tail.text, NULL);
    if (prev) {
        /* its value, a string or, wrongly, a figure: previous 2024 */
        uint32_t s = prev->loc.start + 8;
        while (s < prev->loc.end && is_space(C->src[s]))
            s++;
        edit(C, s, prev->loc.end, arena_printf(C->a, "\"%s\"", previous),
             arena_printf(C->a, "previous %s -> \"%s\"", copy(C, s, prev->loc.end), previous));
    } else if (year && !alone_on_line(C, year->loc)) {
        /* a block on one line: 'report "R" { year 2025 }' */
        edit(C, year->loc.end, year->loc.end, arena_printf(C->a, " previous \"%s\"", previous),
             arena_printf(C->a, "previous \"%s\"", previous));
    } else if (year) {
        /* lined up with the year: 'year       2025' gives 'previous   "2025"' */
        uint32_t ls = line_start(C, year->loc.start), v = year->loc.start + 4;
        while (v < year->loc.end && is_space(C->src[v]))
            v++;
        int pad = (int)(v - year->loc.start) - 8;
        edit(C, year->loc.end, year->loc.end,
             arena_printf(C->a, "\n%.*sprevious%*s\"%s\"", (int)(year->loc.start - ls),
                          C->src + ls, pad > 1 ? pad : 1, "", previous),
             arena_printf(C->a, "previous \"%s\"", previous));
    }
}

/* ---- the whole file ------------------------------------------------------------- */

static void apply(Carry *C)
{
    qsort(C->edits, (size_t)C->nedits, sizeof *C->edits, by_start);
    size_t size = C->len + 1;
    for (int i = 0; i < C->nedits; i++)
        size += strlen(C->edits[i].text);
    char *out = arena_text(C->a, size);
    size_t k = 0;
    uint32_t at = 0;
    for (int i = 0; i < C->nedits; i++) {
        const Edit *e = &C->edits[i];
        if (e->start < at) /* two changes of one place: cannot happen, keep the first */
            continue;
        memcpy(out + k, C->src + at, e->start - at);
        k += e->start - at;
        if (e->note) {
            CarryNote *n = arena_alloc(C->a, sizeof *n);
            n->at = k + (e->text[0] == '\n'); /* an inserted line: its own */
            n->text = e->note;
            ptrvec_push(C->a, &C->out->notes, n);
        }
        size_t tl = strlen(e->text);
        memcpy(out + k, e->text, tl);
        k += tl;
        at = e->end;
    }
    memcpy(out + k, C->src + at, C->len - at);
    k += C->len - at;
    out[k] = '\0';
    C->out->text = out;
    C->out->len = k;
}

static const Report *report_of(const Module *m)
{
    for (int i = 0; i < m->decls.len; i++) {
        const Decl *d = m->decls.items[i];
        if (d->type == D_REPORT)
            return d->u.report;
    }
    return NULL;
}

static int oldest_year(const Module *m, int year)
{
    int oldest = year;
    for (int i = 0; i < m->decls.len; i++) {
        const Decl *d = m->decls.items[i];
        if (d->type != D_TABLE)
            continue;
        for (int c = 0; c < d->u.table->ncolumns; c++) {
            int y = d->u.table->columns[c]->key.year;
            if (y && y < oldest)
                oldest = y;
        }
    }
    return oldest;
}

/* Where a check's title starts: the string after its name, if it has one. */
static uint32_t title_start(const Carry *C, const Check *ck)
{
    uint32_t i = ck->name_loc.end;
    while (i < C->len && (is_space(C->src[i]) || C->src[i] == '\n' || C->src[i] == '\r'))
        i++;
    return i < C->len && C->src[i] == '"' ? i : UINT32_MAX;
}

int carry_forward(Arena *a, const Module *m, const char *previous, Carried *out)
{
    const Report *rep = report_of(m);
    memset(out, 0, sizeof *out);
    if (!rep)
        return -1;
    Carry C = {.a = a, .src = m->src->text, .len = m->src->len, .year = rep->year, .out = out};
    C.oldest = oldest_year(m, rep->year);
    out->year = rep->year + 1;
    int n = m->decls.len;
    Span *keep = mem_alloc(((size_t)n + 2) * sizeof *keep);
    TitleFix *fixes = mem_alloc(((size_t)n + 1) * sizeof *fixes);
    int nkeep = 0, nfixes = 0;
    for (int i = 0; i < n; i++) {
        const Decl *d = m->decls.items[i];
        switch (d->type) {
        case D_IMPORT:
            keep[nkeep++] = (Span){d->u.import->loc.start, d->u.import->loc.end};
            break;
        case D_REPORT:
            carry_report(&C, d->u.report, previous, keep, &nkeep);
            break;
        case D_TABLE:
            carry_table(&C, d->u.table);
            for (int c = 0; c < d->u.table->ncolumns; c++)
                walk(&C, m, d->u.table->columns[c]->formula);
            for (int r = 0; r < d->u.table->nrows; r++)
                walk(&C, m, row_formula(d->u.table->rows[r]));
            break;
        case D_ALLOC:
            carry_alloc(&C, d->u.alloc);
            break;
        case D_CHECK: {
            const Check *ck = d->u.check;
            walk(&C, m, ck->expr);
            TitleFix *f = &fixes[nfixes];
            memset(f, 0, sizeof *f);
            blank_quoted(&C, ck->expr, &f->q);
            f->title = title_start(&C, ck);
            nfixes += f->q.n > 0 && f->title != UINT32_MAX;
            break;
        }
        default:
            break;
        }
    }
    carry_strings(&C, fixes, nfixes, keep, nkeep);
    apply(&C);
    mem_free(C.edits);
    mem_free(keep);
    mem_free(fixes);
    return 0;
}
