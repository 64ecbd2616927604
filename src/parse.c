/* parse: the driver around the generated scanner and parser, and the helpers they
 * call for tokens and syntax errors. */
#include "parse.h"

#include <string.h>

#include "figure.h"
#include "parser.h"
#include "lexer.h"

Diag *parse_error(Parser *p, Span at, const char *message, const char *hint)
{
    Diag *g = diag_at(p->diags, SEV_ERROR, parse_loc(p, at), "%s", message);
    if (hint)
        diag_note(p->diags, g, "hint: %s", hint);
    if (++p->errors >= PARSE_MAX_ERRORS && !p->gave_up) {
        p->gave_up = true;
        diag_note(p->diags, g, "too many errors in this file; stopping here");
    }
    return g;
}

int parse_figure_token(Parser *p, const char *text, size_t len, Span at, FigureTok *out)
{
    Figure f;
    FigureStatus st = figure_parse(text, len, &f);
    out->value = num_exact(0);
    out->decimals = 0;
    if (st == FIG_OK) {
        out->value = num_exact(f.micro);
        out->decimals = f.decimals;
        return FIGURE;
    }
    char *msg = arena_printf(p->arena, "malformed figure '%.*s': %s", (int)len, text,
                             figure_status_message(st));
    const char *hint = st == FIG_BAD_GROUP
        ? "write thousands as '7 864 000'; if these are two cells, separate them with '|'"
        : NULL;
    parse_error(p, at, msg, hint);
    return FIGURE;
}

int parse_date_token(Parser *p, const char *text, Span at, int32_t *out)
{
    int y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    int m = (text[5] - '0') * 10 + (text[6] - '0');
    int d = (text[8] - '0') * 10 + (text[9] - '0');
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > days[m - 1] || (m == 2 && d == 29 && !leap)) {
        char *msg = arena_printf(p->arena, "'%.10s' is not a date", text);
        parse_error(p, at, msg, "a date is written YYYY-MM-DD, for example 2026-03-16");
    }
    *out = y * 10000 + m * 100 + d;
    return DATE;
}

const char *parse_intern(Parser *p, const char *text, size_t len)
{
    return intern(p->names, text, len);
}

/* The text of a string token without its quotes, escapes undone. */
const char *parse_string(Parser *p, const char *text, size_t len)
{
    size_t end = len >= 2 && text[len - 1] == '"' ? len - 1 : len;
    char *s = arena_alloc(p->arena, end);
    size_t k = 0;
    for (size_t i = 1; i < end; i++) {
        if (text[i] == '\\' && i + 1 < end)
            i++;
        s[k++] = text[i];
    }
    s[k] = '\0';
    return s;
}

int parse_bad_char(Parser *p, const char *text, size_t len, Span at)
{
    const char *hint = NULL;
    if (len == 3 && (memcmp(text, "\xE2\x80\x93", 3) == 0 || memcmp(text, "\xE2\x80\x94", 3) == 0))
        hint = "a minus is written '-' or '\xE2\x88\x92'";
    else if (text[0] == ';')
        hint = "finsam needs no ';': a row ends where the next one begins";
    char *msg = arena_printf(p->arena, "unexpected character '%.*s'", (int)len, text);
    parse_error(p, at, msg, hint);
    return YYUNDEF;
}

/* The end of the file, placed at the end of its last line rather than on the empty
 * line after it. */
int parse_end(Parser *p, Span *at)
{
    size_t end = p->src->len;
    if (end > 0 && p->src->text[end - 1] == '\n')
        end--;
    if (end > 0 && p->src->text[end - 1] == '\r')
        end--;
    at->start = at->end = (uint32_t)end;
    return 0;
}

void parse_open(Parser *p, Span at)
{
    if (p->depth < (int)(sizeof p->open_braces / sizeof p->open_braces[0]))
        p->open_braces[p->depth] = at.start;
    p->depth++;
}

void parse_close(Parser *p)
{
    if (p->depth > 0)
        p->depth--;
}

/* "name" -> "a name"; "'|'" stays as it is. */
static const char *describe(const char *token)
{
    if (strcmp(token, "name") == 0) return "a name";
    if (strcmp(token, "string") == 0) return "a string";
    if (strcmp(token, "figure") == 0) return "a figure";
    if (strcmp(token, "date") == 0) return "a date";
    return token;
}

void parse_syntax_error(Parser *p, Span at, const char **expected, int nexpected,
                        const char *found, bool found_invalid)
{
    if (found_invalid || p->gave_up)
        return; /* the scanner has said what is wrong */
    char *what;
    if (!found)
        what = "the end of the file";
    else if (strcmp(found, "name") == 0 || strcmp(found, "figure") == 0)
        what = arena_printf(p->arena, "%s '%.*s'", found, (int)(at.end - at.start),
                            p->src->text + at.start);
    else
        what = arena_printf(p->arena, "%s", describe(found));

    char *msg;
    if (nexpected > 0) {
        size_t cap = 64;
        for (int i = 0; i < nexpected; i++)
            cap += strlen(describe(expected[i])) + 4;
        char *list = arena_alloc(p->arena, cap);
        for (int i = 0; i < nexpected; i++) {
            if (i > 0)
                strcat(list, i == nexpected - 1 ? " or " : ", ");
            strcat(list, describe(expected[i]));
        }
        msg = arena_printf(p->arena, "expected %s, found %s", list, what);
    } else {
        msg = arena_printf(p->arena, "unexpected %s", what);
    }

    const char *hint = NULL;
    char *opener = NULL;
    bool wants_close = false, wants_bar = false;
    for (int i = 0; i < nexpected; i++) {
        wants_close |= strcmp(expected[i], "'}'") == 0;
        wants_bar |= strcmp(expected[i], "'|'") == 0;
    }
    if (!found && wants_close && p->depth > 0 &&
        p->depth <= (int)(sizeof p->open_braces / sizeof p->open_braces[0])) {
        int line, col;
        Loc l = {p->src, p->open_braces[p->depth - 1], p->open_braces[p->depth - 1] + 1};
        source_line_col(p->src, l.start, &line, &col);
        opener = arena_printf(p->arena, "a '}' is missing: the '{' at line %d is never closed",
                              line);
        hint = opener;
    } else if (found && strcmp(found, "figure") == 0 && wants_bar) {
        hint = "cells are separated by '|'";
    } else if (found && found[0] == '\'' && strchr("abcdefghijklmnopqrstuvwxyz", found[1])) {
        hint = arena_printf(p->arena, "%s is a keyword and cannot be used as a name", found);
        if (nexpected == 0 || strstr(msg, "a name") == NULL)
            hint = NULL;
    }
    parse_error(p, at, msg, hint);
}

int parse_module(Arena *a, Diags *d, Interner *names, const Source *src, Module **out)
{
    Parser p = {0};
    p.arena = a;
    p.diags = d;
    p.names = names;
    p.src = src;
    p.module = arena_alloc(a, sizeof *p.module);
    p.module->src = src;

    yyscan_t scanner;
    if (yylex_init_extra(&p, &scanner) != 0) {
        diag_file(d, src->path, "cannot start the scanner");
        return 1;
    }
    YY_BUFFER_STATE buf = yy_scan_bytes(src->text, (int)src->len, scanner);
    yyparse(scanner, &p);
    yy_delete_buffer(buf, scanner);
    yylex_destroy(scanner);
    *out = p.module;
    return p.errors;
}
