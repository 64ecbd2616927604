/* fmt: the canonical layout of a rule file (see fmt.h).
 *
 * Three passes over the lines. The first reads each line lightly (strings, comments,
 * braces, parentheses, the first two words, the last token, the '|' of cells). The
 * second says what each line is: an item that starts a declaration, a row or an
 * entry; a continuation of the line before; a closing '}'; a comment; a blank line;
 * and so its indentation. The third aligns each declaration's rows (labels in one
 * column, '|' in one column, figures right-aligned in each cell column) and writes. */
#include "fmt.h"

#include <stdint.h>
#include <string.h>

#include "mem.h"

enum { INDENT = 4, TAB = 8 };

typedef enum { TK_NONE, TK_WORD, TK_NUMBER, TK_STRING, TK_PUNCT } TokKind;

typedef struct {
    TokKind kind;
    size_t start, len;
} Tok;

typedef enum { L_BLANK, L_COMMENT, L_ITEM, L_CLOSE, L_CONT } LineKind;

typedef struct {
    const char *text;  /* after the indentation */
    size_t len;        /* trailing white space not counted, unless raw */
    int old_indent;    /* in columns */
    size_t code_end;   /* where a comment starts, or len */
    bool raw;          /* a string without its closing '"': the line's end is kept */
    Tok first, second, last;
    int opens, closes, lead_closes;
    int parens_before; /* open '(' before the line */
    size_t first_bar;  /* the first '|' of a cell, or SIZE_MAX */
    LineKind kind;
    int depth;         /* the block depth its indentation is made from */
    int indent;
    int decl;          /* the declaration it belongs to, or -1 */
    bool label;        /* a name followed by its label or value: the name is padded */
    bool drop;         /* a blank line left out */
    bool blank_before; /* a blank line put before it */
} Line;

/* The alignment of one declaration's rows. */
typedef struct {
    int label_col; /* where labels start */
    int bar_col;   /* where the first '|' stands */
    int *widths;   /* of each cell column */
    int ncols;
} Align;

typedef struct {
    char *s;
    size_t len, cap;
} Buf;

static void buf_add(Buf *b, const char *s, size_t n)
{
    if (b->len + n + 1 > b->cap) {
        b->cap = (b->len + n + 1) * 2;
        b->s = mem_realloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_spaces(Buf *b, int n)
{
    for (; n > 0; n--)
        buf_add(b, " ", 1);
}

/* Columns a text takes: characters, counted as UTF-8 lead bytes. */
static int width(const char *s, size_t n)
{
    int w = 0;
    for (size_t i = 0; i < n; i++)
        w += ((unsigned char)s[i] & 0xC0) != 0x80;
    return w;
}

static bool is_word_byte(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

static bool is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static bool tok_is(const Line *l, const Tok *t, const char *word)
{
    return t->kind == TK_WORD && t->len == strlen(word) &&
           memcmp(l->text + t->start, word, t->len) == 0;
}

static bool tok_in(const Line *l, const Tok *t, const char *const *words)
{
    for (; *words; words++)
        if (tok_is(l, t, *words))
            return true;
    return false;
}

static bool tok_punct(const Line *l, const Tok *t, char c)
{
    return t->kind == TK_PUNCT && l->text[t->start] == c;
}

/* Words that start a declaration (a table starts with its kind and its name). */
static const char *const DECL_WORDS[] = {"import", "report", "allocation", "param", "check",
                                         "require", "absent", NULL};
/* Words that go on with what the line before began. */
static const char *const CONT_WORDS[] = {"note", "unit", "by", "from", "source", "error",
                                         "warning", "else", "where", "and", "or", "not",
                                         "local", "as", "until", NULL};
/* Every keyword: a row's name is none of them. */
static const char *const KEYWORDS[] = {"import", "report", "allocation", "param", "check",
                                       "require", "section", "note", "unit", "by", "from",
                                       "source", "error", "warning", "else", "where", "and",
                                       "or", "not", "local", "as", "until", "absent", NULL};

/* Reads one line lightly; *parens carries the open '(' from line to line. */
static void scan_line(Line *l, int *parens)
{
    const char *t = l->text;
    size_t n = l->len, i = 0;
    int ntok = 0;
    bool leading = true;
    l->parens_before = *parens;
    l->code_end = n;
    l->first_bar = SIZE_MAX;
    while (i < n) {
        unsigned char c = (unsigned char)t[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            i++;
            continue;
        }
        if (c == '#') {
            l->code_end = i;
            break;
        }
        Tok tok = {TK_PUNCT, i, 1};
        if (c == '"') {
            size_t j = i + 1;
            while (j < n && t[j] != '"') {
                if (t[j] == '\\' && j + 1 < n)
                    j++;
                j++;
            }
            if (j >= n) {
                l->raw = true;
                tok = (Tok){TK_STRING, i, n - i};
                i = n;
            } else {
                tok = (Tok){TK_STRING, i, j + 1 - i};
                i = j + 1;
            }
        } else if (is_digit(c)) {
            size_t j = i;
            while (j < n && (is_digit((unsigned char)t[j]) ||
                             ((t[j] == ' ' || t[j] == ',' || t[j] == '.' || t[j] == '_' ||
                               t[j] == '-') &&
                              j + 1 < n && is_digit((unsigned char)t[j + 1]))))
                j++;
            tok = (Tok){TK_NUMBER, i, j - i};
            i = j;
        } else if (is_word_byte(c)) {
            size_t j = i;
            while (j < n && is_word_byte((unsigned char)t[j]))
                j++;
            tok = (Tok){TK_WORD, i, j - i};
            i = j;
        } else {
            i++;
            if (c == '{')
                l->opens++;
            else if (c == '}') {
                l->closes++;
                if (leading)
                    l->lead_closes++;
            } else if (c == '(')
                (*parens)++;
            else if (c == ')' && *parens > 0)
                (*parens)--;
            else if (c == '|' && l->first_bar == SIZE_MAX)
                l->first_bar = tok.start;
        }
        if (!(tok.kind == TK_PUNCT && c == '}'))
            leading = false;
        if (ntok == 0)
            l->first = tok;
        else if (ntok == 1)
            l->second = tok;
        ntok++;
        l->last = tok;
    }
}

/* Whether the statement on this line goes on on the next: it ends in an operator, a
 * ',' or '(' or ':', or a word that needs what follows. A row with cells is whole. */
static bool incomplete(const Line *l)
{
    if (l->first_bar != SIZE_MAX)
        return false;
    if (l->last.kind == TK_PUNCT)
        return strchr("=+-*/(,.[:<>!", l->text[l->last.start]) != NULL;
    return tok_in(l, &l->last, CONT_WORDS);
}

/* Splits the text into lines; a leading byte order mark is left out. */
static Line *split_lines(const char *text, size_t len, int *nlines)
{
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        len -= 3;
    }
    int cap = 16, n = 0;
    Line *lines = mem_alloc((size_t)cap * sizeof *lines);
    size_t i = 0;
    int parens = 0;
    while (i < len) {
        const char *nl = memchr(text + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (n == cap) {
            cap *= 2;
            lines = mem_realloc(lines, (size_t)cap * sizeof *lines);
        }
        Line *l = &lines[n++];
        memset(l, 0, sizeof *l);
        size_t s = i;
        int col = 0;
        while (s < end && (text[s] == ' ' || text[s] == '\t')) {
            col = text[s] == '\t' ? (col / TAB + 1) * TAB : col + 1;
            s++;
        }
        l->old_indent = col;
        l->text = text + s;
        l->len = end - s;
        scan_line(l, &parens);
        if (!l->raw)
            while (l->len > 0 && (l->text[l->len - 1] == ' ' || l->text[l->len - 1] == '\t' ||
                                  l->text[l->len - 1] == '\r'))
                l->len--;
        if (l->code_end > l->len)
            l->code_end = l->len;
        i = end + 1;
    }
    *nlines = n;
    return lines;
}

static int max_int(int a, int b)
{
    return a > b ? a : b;
}

/* Pass two: what each line is, its depth and its indentation. */
static int classify(Line *lines, int n)
{
    int depth = 0, decl = -1;
    bool prev_incomplete = false;
    for (int k = 0; k < n; k++) {
        Line *l = &lines[k];
        l->decl = depth > 0 ? decl : -1;
        if (l->len == 0) {
            l->kind = L_BLANK;
            continue;
        }
        if (l->code_end == 0) {
            l->kind = L_COMMENT;
            l->depth = depth;
            l->indent = max_int(l->old_indent, INDENT * depth);
            continue;
        }
        int d = max_int(depth - l->lead_closes, 0);
        l->depth = d;
        if (l->parens_before > 0)
            l->kind = L_CONT;
        else if (tok_punct(l, &l->first, '}'))
            l->kind = L_CLOSE;
        else if (prev_incomplete)
            l->kind = L_CONT;
        else if (depth == 0)
            l->kind = tok_in(l, &l->first, DECL_WORDS) ||
                              /* a plan's block: `plan "..." {` (plan is no keyword) */
                              (tok_is(l, &l->first, "plan") &&
                               (l->second.kind == TK_STRING || tok_punct(l, &l->second, '{'))) ||
                              (l->old_indent == 0 && l->first.kind == TK_WORD &&
                               !tok_in(l, &l->first, KEYWORDS) && l->second.kind == TK_WORD)
                          ? L_ITEM : L_CONT;
        else
            l->kind = l->first.kind == TK_WORD && !tok_in(l, &l->first, CONT_WORDS)
                          ? L_ITEM : L_CONT;
        if (l->kind == L_ITEM && depth == 0)
            l->decl = ++decl;
        if (l->kind == L_CONT)
            l->indent = max_int(l->old_indent, INDENT * d + INDENT);
        else
            l->indent = INDENT * d;
        l->label = l->kind == L_ITEM && d > 0 && !l->raw && !tok_in(l, &l->first, KEYWORDS) &&
                   (l->second.kind == TK_STRING || l->second.kind == TK_NUMBER) &&
                   !tok_punct(l, &l->last, '{');
        depth = max_int(depth + l->opens - l->closes, 0);
        prev_incomplete = incomplete(l);
    }
    return decl + 1;
}

static const Line *next_nonblank(const Line *lines, int n, int k)
{
    for (k++; k < n; k++)
        if (lines[k].kind != L_BLANK)
            return &lines[k];
    return NULL;
}

/* Blank lines: at most one in a row, none at the start or end of the file or of a
 * block, and one before each declaration that follows code (imports stay together). */
static void space_lines(Line *lines, int n)
{
    const Line *kept = NULL;        /* the last line kept */
    const Line *last_decl = NULL;   /* the first line of the last declaration */
    for (int k = 0; k < n; k++) {
        Line *l = &lines[k];
        if (l->kind == L_BLANK) {
            const Line *next = next_nonblank(lines, n, k);
            l->drop = !kept || kept->kind == L_BLANK || !next || next->kind == L_CLOSE ||
                      (kept->kind != L_COMMENT && tok_punct(kept, &kept->last, '{'));
        } else if (l->kind == L_ITEM && l->decl >= 0 && l->depth == 0) {
            l->blank_before = kept && kept->kind != L_BLANK && kept->kind != L_COMMENT &&
                              !(last_decl && tok_is(last_decl, &last_decl->first, "import") &&
                                tok_is(l, &l->first, "import"));
            last_decl = l;
        }
        if (!l->drop)
            kept = l;
    }
}

/* The line's text from `from` to `to`, with a label line's name padded to col. */
static void render_text(Buf *b, const Line *l, size_t to, int label_col)
{
    buf_spaces(b, l->indent);
    if (l->label && to > l->second.start) {
        buf_add(b, l->text, l->first.len);
        buf_spaces(b, label_col - l->indent - width(l->text, l->first.len));
        buf_add(b, l->text + l->second.start, to - l->second.start);
    } else {
        buf_add(b, l->text, to);
    }
}

static void trim_end(Buf *b, size_t floor)
{
    while (b->len > floor && (b->s[b->len - 1] == ' ' || b->s[b->len - 1] == '\t'))
        b->s[--b->len] = '\0';
}

typedef struct {
    size_t start, len;
} Cell;

/* The cells of a row line, between its first '|' and its comment, trimmed. */
static Cell *cells_of(const Line *l, int *ncells)
{
    int cap = 8, n = 0;
    Cell *cells = mem_alloc((size_t)cap * sizeof *cells);
    size_t i = l->first_bar + 1, start = i;
    for (;;) {
        bool end = i >= l->code_end;
        if (end || l->text[i] == '|') {
            size_t s = start, e = i;
            while (s < e && (l->text[s] == ' ' || l->text[s] == '\t' || l->text[s] == '\r'))
                s++;
            while (e > s && (l->text[e - 1] == ' ' || l->text[e - 1] == '\t' ||
                             l->text[e - 1] == '\r'))
                e--;
            if (n == cap) {
                cap *= 2;
                cells = mem_realloc(cells, (size_t)cap * sizeof *cells);
            }
            cells[n++] = (Cell){s, e - s};
            if (end)
                break;
            start = i + 1;
        } else if (l->text[i] == '"') {
            for (i++; i < l->code_end && l->text[i] != '"'; i++)
                if (l->text[i] == '\\')
                    i++;
        }
        i++;
    }
    *ncells = n;
    return cells;
}

static bool is_row_line(const Line *l)
{
    return (l->kind == L_ITEM || l->kind == L_CONT) && l->decl >= 0 && l->depth > 0 &&
           !l->raw && l->first_bar != SIZE_MAX;
}

/* The column where the '|' would stand after the line's own text, or for a line that
 * starts with '|', where a continuation would be indented. */
static int bar_wish(const Line *l, int label_col)
{
    if (l->first_bar == 0)
        return INDENT * l->depth + INDENT;
    Buf b = {0};
    render_text(&b, l, l->first_bar, label_col);
    trim_end(&b, 0);
    int w = width(b.s, b.len) + 1;
    mem_free(b.s);
    return w;
}

/* Pass three, first half: each declaration's label column, '|' column and cell
 * widths. A text cell at the end of its row does not widen its column. */
static Align *align(const Line *lines, int n, int ndecls)
{
    Align *al = mem_alloc((size_t)(ndecls > 0 ? ndecls : 1) * sizeof *al);
    for (int k = 0; k < n; k++) {
        const Line *l = &lines[k];
        if (l->label) {
            Align *a = &al[l->decl];
            a->label_col = max_int(a->label_col, l->indent + width(l->text, l->first.len) + 1);
        }
    }
    for (int k = 0; k < n; k++) {
        const Line *l = &lines[k];
        if (!is_row_line(l))
            continue;
        Align *a = &al[l->decl];
        a->bar_col = max_int(a->bar_col, bar_wish(l, a->label_col));
        int nc;
        Cell *cells = cells_of(l, &nc);
        if (nc > a->ncols) {
            a->widths = mem_realloc(a->widths, (size_t)nc * sizeof *a->widths);
            memset(a->widths + a->ncols, 0, (size_t)(nc - a->ncols) * sizeof *a->widths);
            a->ncols = nc;
        }
        for (int c = 0; c < nc; c++) {
            bool text_at_end = c == nc - 1 && cells[c].len > 0 && l->text[cells[c].start] == '"';
            if (!text_at_end)
                a->widths[c] = max_int(a->widths[c], width(l->text + cells[c].start, cells[c].len));
        }
        mem_free(cells);
    }
    return al;
}

/* A row line: its text up to the first '|' at the declaration's '|' column, then each
 * cell, figures to the right and text to the left of the column's width. */
static void render_row(Buf *b, const Line *l, const Align *a)
{
    size_t line_start = b->len;
    if (l->first_bar > 0) {
        render_text(b, l, l->first_bar, a->label_col);
        trim_end(b, line_start);
    }
    buf_spaces(b, a->bar_col - width(b->s + line_start, b->len - line_start));
    int nc;
    Cell *cells = cells_of(l, &nc);
    for (int c = 0; c < nc; c++) {
        const char *s = l->text + cells[c].start;
        int w = width(s, cells[c].len), pad = a->widths[c] - w;
        buf_add(b, "| ", 2);
        bool text = cells[c].len > 0 && s[0] == '"';
        if (!text)
            buf_spaces(b, pad);
        buf_add(b, s, cells[c].len);
        if (text)
            buf_spaces(b, pad);
        buf_add(b, " ", 1);
    }
    mem_free(cells);
    if (l->code_end < l->len)
        buf_add(b, l->text + l->code_end, l->len - l->code_end);
    else
        trim_end(b, line_start);
}

char *fmt_format(const char *text, size_t len, size_t *out_len)
{
    int n;
    Line *lines = split_lines(text, len, &n);
    int ndecls = classify(lines, n);
    space_lines(lines, n);
    Align *al = align(lines, n, ndecls);
    Buf b = {0};
    buf_add(&b, "", 0);
    for (int k = 0; k < n; k++) {
        const Line *l = &lines[k];
        if (l->drop)
            continue;
        if (l->blank_before)
            buf_add(&b, "\n", 1);
        if (l->kind == L_BLANK)
            ;
        else if (is_row_line(l))
            render_row(&b, l, &al[l->decl]);
        else
            render_text(&b, l, l->len, l->decl >= 0 ? al[l->decl].label_col : 0);
        buf_add(&b, "\n", 1);
    }
    for (int d = 0; d < ndecls; d++)
        mem_free(al[d].widths);
    mem_free(al);
    mem_free(lines);
    *out_len = b.len;
    return b.s;
}
