/* draft_names: names for a draft's tables, rows and columns, made from the printed
 * labels: ASCII, lower case, short, unique, never a keyword of the language. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "draft.h"

/* Latin letters with marks, as UTF-8, and their ASCII base letter. */
static const struct {
    const char *utf8;
    char ascii;
} letters[] = {
    {"\xC3\xA5", 'a'}, {"\xC3\xA4", 'a'}, {"\xC3\xB6", 'o'}, {"\xC3\x85", 'a'},
    {"\xC3\x84", 'a'}, {"\xC3\x96", 'o'}, {"\xC3\xA9", 'e'}, {"\xC3\x89", 'e'},
    {"\xC3\xA8", 'e'}, {"\xC3\xBC", 'u'}, {"\xC3\x9C", 'u'}, {"\xC3\xA6", 'a'},
    {"\xC3\x86", 'a'}, {"\xC3\xB8", 'o'}, {"\xC3\x98", 'o'}, {"\xC3\xA1", 'a'},
    {"\xC3\xA0", 'a'}, {"\xC3\xB3", 'o'}, {"\xC3\xAD", 'i'}, {"\xC3\xB1", 'n'},
};

char *draft_fold(Arena *a, const char *s)
{
    size_t n = strlen(s);
    char *out = arena_text(a, n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
                out[o++] = (char)c;
            else if (c >= 'A' && c <= 'Z')
                out[o++] = (char)(c - 'A' + 'a');
            else
                out[o++] = ' ';
            i++;
            continue;
        }
        bool found = false;
        for (size_t k = 0; k < sizeof letters / sizeof letters[0]; k++)
            if (strncmp(s + i, letters[k].utf8, 2) == 0) {
                out[o++] = letters[k].ascii;
                i += 2;
                found = true;
                break;
            }
        if (found)
            continue;
        /* another character: skip its bytes, leave a space */
        i++;
        while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        out[o++] = ' ';
    }
    out[o] = '\0';
    return out;
}

bool draft_has_word(const char *folded, const char *word)
{
    size_t n = strlen(word);
    for (const char *p = folded; (p = strstr(p, word)); p++) {
        bool start = p == folded || p[-1] == ' ';
        bool end = p[n] == '\0' || p[n] == ' ';
        if (start && end)
            return true;
    }
    return false;
}

bool draft_starts(const char *folded, const char *prefix)
{
    while (*folded == ' ')
        folded++;
    size_t n = strlen(prefix);
    return strncmp(folded, prefix, n) == 0 && (folded[n] == '\0' || folded[n] == ' ');
}

/* Words a name leaves out. */
static bool small_word(const char *w, size_t n)
{
    static const char *const words[] = {"och", "av", "for", "i", "fran", "med", "till", "pa",
                                        "om", "de", "den", "det", "samt", "enligt", "mot",
                                        "the", "of", "and", "jan", "dec", "mm", "over", "vid",
                                        "som", "en", "ett"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && strncmp(words[i], w, n) == 0)
            return true;
    return false;
}

/* Names the language reads as something else: keywords, functions, 'sum' and 'year'. */
static bool reserved(const char *s)
{
    static const char *const words[] = {
        "allocation", "and", "as", "by", "check", "else", "error", "from", "import",
        "local", "not", "note", "or", "param", "report", "require", "section", "source",
        "unit", "warning", "where", "sum", "min", "max", "count", "abs", "round", "prev",
        "year", "accounts", "budget_table", "indicators", "table"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strcmp(words[i], s) == 0)
            return true;
    return false;
}

char *draft_slug(Arena *a, const char *label)
{
    const char *f = draft_fold(a, label);
    char buf[64];
    size_t o = 0;
    int words = 0;
    for (const char *p = f; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n == 0)
            break;
        if (!small_word(p, n) || words == 0) {
            if (words > 0 && o + 1 + n > 30)
                break;
            if (words > 0)
                buf[o++] = '_';
            size_t take = n > 24 ? 24 : n;
            memcpy(buf + o, p, take);
            o += take;
            words++;
            if (words == 3)
                break;
        }
        p += n;
    }
    buf[o] = '\0';
    if (o == 0)
        return arena_printf(a, "row");
    if (buf[0] >= '0' && buf[0] <= '9')
        return arena_printf(a, "r%s", buf);
    if (reserved(buf))
        return arena_printf(a, "%s_", buf);
    return arena_printf(a, "%s", buf);
}

const char *draft_unique(Arena *a, const char *name, const char *const *used, int n)
{
    const char *candidate = name;
    for (int k = 2;; k++) {
        bool taken = false;
        for (int i = 0; i < n && !taken; i++)
            taken = used[i] && strcmp(used[i], candidate) == 0;
        if (!taken)
            return candidate;
        candidate = arena_printf(a, "%s_%d", name, k);
    }
}

void draft_guess(DraftGuesses *g, int lineno, const char *fmt, ...)
{
    va_list ap, copy;
    va_start(ap, fmt);
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    char *msg = arena_text(g->arena, (size_t)(n > 0 ? n : 0) + 1);
    vsnprintf(msg, (size_t)(n > 0 ? n : 0) + 1, fmt, ap);
    va_end(ap);
    if (g->len == g->cap) {
        g->cap = g->cap ? 2 * g->cap : 32;
        g->items = mem_realloc(g->items, sizeof *g->items * (size_t)g->cap);
    }
    g->items[g->len].lineno = lineno;
    g->items[g->len].message = msg;
    g->len++;
}
