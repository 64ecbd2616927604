/* draft_lines: a report's text as lines and cells. A line's cells are separated by
 * tabs (a copy from a word processor) or by runs of two or more spaces (pdftotext
 * -layout); each cell is read as a figure exactly as printed, a dash, or words.
 * Page headers and footers (page numbers, lines that repeat on every page) are marked
 * so that a table may go on across them. */
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "draft.h"
#include "figure.h"
#include "utf8.h"

/* Characters a year file must not hold in a comment or a string: controls, and those
 * that change the direction or the lines of the text as a terminal shows it. */
static bool unsafe(long cp)
{
    return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 ||
           cp == 0x2029 || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) ||
           (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF;
}

char *draft_clean(Arena *a, const char *s, size_t n)
{
    char *out = arena_text(a, n + 1);
    size_t o = 0;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(u + i, n - i, &cp);
        if (!len) {
            out[o++] = '?';
            len = 1;
        } else if (cp == '\t')
            out[o++] = '\t';
        else if (unsafe(cp))
            out[o++] = ' ';
        else {
            memcpy(out + o, s + i, len);
            o += len;
        }
        i += len;
    }
    out[o] = '\0';
    return out;
}

int draft_width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

int draft_year_of(const char *s)
{
    size_t n = strlen(s);
    bool digits4 = n >= 4 && s[0] >= '1' && s[0] <= '2' && strspn(s, "0123456789") == 4;
    if (!digits4)
        return 0;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    if (y < 1900 || y > 2099)
        return 0;
    if (n == 4)
        return y;
    /* 2025-12-31, a day of the calendar */
    if (n == 10 && s[4] == '-' && s[7] == '-' && strspn(s + 5, "0123456789") == 2 &&
        strspn(s + 8, "0123456789") == 2 && date_valid(y, atoi(s + 5), atoi(s + 8)))
        return y;
    return 0;
}

/* The bytes of a figure's digits: digits, separators and a decimal mark. */
static size_t figure_body(const char *s)
{
    size_t i = 0;
    for (;;) {
        if (s[i] >= '0' && s[i] <= '9')
            i++;
        else if ((s[i] == ' ' || s[i] == '_' || s[i] == ',' || s[i] == '.') && s[i + 1] >= '0' &&
                 s[i + 1] <= '9')
            i++;
        else if (((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0) &&
                 s[i + 2] >= '0' && s[i + 2] <= '9')
            i += 2;
        else if ((unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
                 ((unsigned char)s[i + 2] == 0xAF || (unsigned char)s[i + 2] == 0x89) &&
                 s[i + 3] >= '0' && s[i + 3] <= '9')
            i += 3;
        else
            return i;
    }
}

static bool is_dash(const char *s, size_t *len)
{
    static const char *const dashes[] = {"\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x88\x92", "-"};
    for (size_t i = 0; i < sizeof dashes / sizeof dashes[0]; i++) {
        size_t n = strlen(dashes[i]);
        if (strncmp(s, dashes[i], n) == 0) {
            *len = n;
            return true;
        }
    }
    return false;
}

/* "(296)": a figure in parentheses, which accounts print for a negative one and the
 * language reads so, as printed. Not a year ("(2024)", a heading's comparative), nor
 * anything but the digits within (a sign, a '%', "kr"). */
static bool read_in_parentheses(Arena *a, DraftCell *c)
{
    const char *s = c->text;
    size_t n = strlen(s);
    if (n < 3 || s[0] != '(' || s[n - 1] != ')' || s[1] < '0' || s[1] > '9')
        return false;
    char *inner = arena_strndup(a, s + 1, n - 2);
    if (draft_year_of(inner) && strlen(inner) == 4)
        return false;
    DraftCell in = {.text = inner};
    draft_read_cell(a, &in);
    if (in.kind != DCELL_FIGURE || strcmp(in.figure, inner) != 0)
        return false;
    c->kind = DCELL_FIGURE;
    c->figure = s;
    c->negative = true;
    c->micro = in.micro;
    c->decimals = in.decimals;
    return true;
}

void draft_read_cell(Arena *a, DraftCell *c)
{
    const char *s = c->text;
    c->kind = DCELL_TEXT;
    c->figure = NULL;
    c->negative = c->footnote = c->dash_changed = false;
    if (read_in_parentheses(a, c))
        return;
    if (!*s) {
        c->kind = DCELL_EMPTY;
        return;
    }
    size_t n = strlen(s);
    /* a footnote mark after the figure: "104 286*" */
    size_t end = n;
    bool star = false;
    while (end > 0 && s[end - 1] == '*') {
        end--;
        star = true;
    }
    /* "1 966 000 kr", "8 164 tkr" */
    if (end > 3 && strncmp(s + end - 3, " kr", 3) == 0)
        end -= 3;
    else if (end > 2 && strncmp(s + end - 2, "kr", 2) == 0 && s[end - 3] >= '0' &&
             s[end - 3] <= '9')
        end -= 2;
    size_t dl = 0;
    if (is_dash(s, &dl) && dl == end) {
        c->kind = DCELL_DASH;
        c->figure = "-";
        c->dash_changed = strcmp(s, "-") != 0;
        c->footnote = star;
        return;
    }
    size_t i = 0;
    bool minus = false, changed = false;
    if (is_dash(s, &dl)) {
        minus = true;
        changed = s[0] != '-' && strncmp(s, "\xE2\x88\x92", 3) != 0;
        i = dl;
        if (s[i] == ' ')
            i++;
    }
    size_t body = figure_body(s + i);
    if (body == 0)
        return;
    Figure f;
    if (figure_parse(s + i, body, &f) != FIG_OK)
        return;
    size_t j = i + body;
    bool percent = false;
    if (s[j] == ' ' && s[j + 1] == '%')
        j++;
    if (s[j] == '%') {
        percent = true;
        j++;
    }
    if (j != end)
        return;
    c->kind = percent ? DCELL_PERCENT : DCELL_FIGURE;
    c->negative = minus;
    c->micro = f.micro;
    c->decimals = f.decimals;
    c->footnote = star;
    c->dash_changed = changed;
    if (changed)
        c->figure = arena_printf(a, "-%.*s", (int)(end - dl), s + dl);
    else
        c->figure = arena_strndup(a, s, end);
}

/* Adds the cell s[from, to) of the line, trimmed. */
static void add_cell(Arena *a, PtrVec *cells, const char *line, size_t from, size_t to)
{
    while (from < to && line[from] == ' ')
        from++;
    while (to > from && line[to - 1] == ' ')
        to--;
    DraftCell *c = arena_alloc(a, sizeof *c);
    c->text = arena_strndup(a, line + from, to - from);
    char *prefix = arena_strndup(a, line, from);
    c->col = draft_width(prefix);
    c->endcol = c->col + draft_width(c->text);
    draft_read_cell(a, c);
    ptrvec_push(a, cells, c);
}

static void split_cells(Arena *a, DraftLine *l)
{
    PtrVec cells = {0};
    const char *s = l->text;
    size_t n = strlen(s);
    l->tabbed = strchr(s, '\t') != NULL;
    if (l->tabbed) {
        size_t from = 0;
        for (size_t i = 0; i <= n; i++)
            if (i == n || s[i] == '\t') {
                add_cell(a, &cells, s, from, i);
                from = i + 1;
            }
    } else {
        size_t i = 0;
        while (i < n && s[i] == ' ')
            i++;
        size_t from = i;
        bool first = true;
        while (i <= n) {
            if (i == n || (s[i] == ' ' && s[i + 1] == ' ')) {
                if (i > from) {
                    add_cell(a, &cells, s, from, i);
                    /* an indented line that starts with a figure has no label */
                    if (first && from >= 2 && cells.len == 1) {
                        DraftCell *c = cells.items[0];
                        /* a figure, or headings set far in (pdftotext -layout) */
                        if (c->kind != DCELL_TEXT || draft_year_of(c->text) || from >= 8) {
                            DraftCell *empty = arena_alloc(a, sizeof *empty);
                            empty->text = "";
                            empty->kind = DCELL_EMPTY;
                            cells.items[0] = empty;
                            ptrvec_push(a, &cells, c);
                        }
                    }
                    first = false;
                }
                while (i < n && s[i] == ' ')
                    i++;
                from = i;
                if (i == n)
                    break;
            } else
                i++;
        }
    }
    l->ncells = cells.len;
    l->cells = arena_alloc(a, sizeof *l->cells * (size_t)(cells.len ? cells.len : 1));
    for (int i = 0; i < cells.len; i++)
        l->cells[i] = *(DraftCell *)cells.items[i];
}

/* A page number alone ("14", "- 14 -", "Sida 3 av 18", "3 (18)"). */
static bool page_number(const char *s)
{
    while (*s == ' ' || *s == '-')
        s++;
    if (strncmp(s, "Sida ", 5) == 0 || strncmp(s, "sida ", 5) == 0)
        s += 5;
    size_t d = strspn(s, "0123456789");
    if (d == 0 || d > 3)
        return false;
    s += d;
    if (strncmp(s, " av ", 4) == 0 || strncmp(s, " (", 2) == 0 || strncmp(s, "/", 1) == 0) {
        s += strcspn(s, "0123456789");
        s += strspn(s, "0123456789");
        if (*s == ')')
            s++;
    }
    while (*s == ' ' || *s == '-')
        s++;
    return *s == '\0';
}

static const char *trimmed(Arena *a, const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        n--;
    return arena_strndup(a, s, n);
}

/* How many times each string of keys[0..n) stands among them: counts[i] for keys[i].
 * Sorting keeps it fast on any text. */
static int cmp_key(const void *x, const void *y)
{
    const char *const *a = x, *const *b = y;
    int c = strcmp(a[0], b[0]);
    return c ? c : (a[1] < b[1] ? -1 : a[1] > b[1]);
}

static void count_keys(Arena *a, const char **keys, int n, int *counts)
{
    /* pairs of (key, index), sorted by key */
    const char **pairs = arena_alloc(a, sizeof *pairs * 2 * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++) {
        pairs[2 * i] = keys[i];
        pairs[2 * i + 1] = (const char *)(size_t)i;
    }
    qsort(pairs, (size_t)n, 2 * sizeof *pairs, cmp_key);
    for (int i = 0; i < n;) {
        int j = i;
        while (j < n && strcmp(pairs[2 * i], pairs[2 * j]) == 0)
            j++;
        for (int k = i; k < j; k++)
            counts[(size_t)pairs[2 * k + 1]] = j - i;
        i = j;
    }
}

/* Lines that repeat on many pages: a short line without figures that stands three
 * times or more in the text, next to a blank line, or twice or more together with the
 * line next to it (a footer of two lines). */
static void mark_furniture(Arena *a, DraftText *t)
{
    int n = t->nlines;
    size_t sz = (size_t)(n ? n : 1);
    const char **trim = arena_alloc(a, sizeof *trim * sz);
    const char **pair = arena_alloc(a, sizeof *pair * sz);
    int *same = arena_alloc(a, sizeof *same * sz);
    int *same_pair = arena_alloc(a, sizeof *same_pair * sz);
    for (int i = 0; i < n; i++) {
        trim[i] = trimmed(a, t->lines[i].text);
        bool short_line = !t->lines[i].blank && strlen(trim[i]) <= 90;
        bool short_next = i + 1 < n && !t->lines[i + 1].blank &&
                          strlen(t->lines[i + 1].text) <= 80;
        /* a key no other line has when there is no pair */
        pair[i] = short_line && short_next ? arena_printf(a, "%s\n%s", trim[i],
                                                          trimmed(a, t->lines[i + 1].text))
                                           : arena_printf(a, "\x01%d", i);
    }
    count_keys(a, trim, n, same);
    count_keys(a, pair, n, same_pair);
    for (int i = 0; i < n; i++) {
        DraftLine *l = &t->lines[i];
        if (l->blank || l->furniture)
            continue;
        if (page_number(trim[i])) {
            l->furniture = true;
            continue;
        }
        if (strlen(trim[i]) > 90)
            continue;
        bool figures = false;
        for (int k = 1; k < l->ncells; k++)
            figures |= l->cells[k].kind != DCELL_TEXT && l->cells[k].kind != DCELL_EMPTY &&
                       !draft_year_of(l->cells[k].text);
        /* column headings repeat too ("\t2025-12-31\t2024-12-31"): never furniture */
        if (figures || (l->ncells > 1 && l->cells[0].kind == DCELL_EMPTY))
            continue;
        bool by_blank = (i > 0 && t->lines[i - 1].blank) ||
                        (i + 1 < n && t->lines[i + 1].blank);
        bool by_pair = same_pair[i] >= 2 || (i > 0 && same_pair[i - 1] >= 2);
        if ((same[i] >= 3 && by_blank) || by_pair)
            l->furniture = true;
    }
}

void draft_read_text(Arena *a, const char *text, size_t len, DraftText *out)
{
    size_t n = len;
    /* a byte order mark */
    if (n >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        text += 3;
        n -= 3;
    }
    int count = 1;
    for (size_t i = 0; i < n; i++)
        count += text[i] == '\n';
    out->lines = arena_alloc(a, sizeof *out->lines * (size_t)count);
    out->nlines = 0;
    size_t from = 0;
    for (size_t i = 0; i <= n; i++) {
        if (i < n && text[i] != '\n')
            continue;
        if (i == n && from == n)
            break;
        size_t to = i;
        if (to > from && text[to - 1] == '\r')
            to--;
        bool page_break = memchr(text + from, '\f', to - from) != NULL;
        DraftLine *l = &out->lines[out->nlines];
        l->lineno = out->nlines + 1;
        char *clean = draft_clean(a, text + from, to - from);
        /* spaces at the end say nothing; a tab between words does */
        size_t cn = strlen(clean);
        while (cn > 0 && clean[cn - 1] == ' ')
            clean[--cn] = '\0';
        l->text = clean;
        l->blank = clean[strspn(clean, " \t")] == '\0';
        split_cells(a, l);
        if (l->blank)
            l->ncells = 0;
        l->furniture = page_break && !l->blank && l->ncells <= 1;
        out->nlines++;
        from = i + 1;
    }
    mark_furniture(a, out);
}
