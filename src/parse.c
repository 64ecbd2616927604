/* parse: the driver around the generated scanner and parser, and the helpers they
 * call for tokens and syntax errors. */
#include "parse.h"

#include <ctype.h>
#include <string.h>

#include "date.h"
#include "figure.h"
#include "i18n.h"
#include "parser.h"
#include "lexer.h"

Diag *parse_error(Parser *p, Span at, const char *message, const char *hint)
{
    Diag *g = diag_at(p->diags, SEV_ERROR, parse_loc(p, at), "%s", message);
    if (hint)
        diag_note(p->diags, g, _("hint: %s"), hint);
    if (++p->errors >= PARSE_MAX_ERRORS && !p->gave_up) {
        p->gave_up = true;
        diag_note(p->diags, g, "%s", _("too many errors in this file; stopping here"));
    }
    return g;
}

/* A large file is mapped (source.c) and the scanner reads it as a stream, a piece at a
 * time into a buffer of its own, so that the mapped pages are never written (and never
 * copied). Every piece hands back the pages read a margin before it: a file's text and
 * its syntax tree are not in memory at once. Anything handed back is read again from
 * the file when quoted. */
enum { PARSE_PIECE = 256 * 1024, HAND_BACK_MARGIN = 1 << 20 };

size_t parse_input(Parser *p, char *buf, size_t max)
{
    const Source *src = p->src;
    if (!src->mapped || p->input >= src->len)
        return 0;
    size_t n = src->len - p->input < max ? src->len - p->input : max;
    memcpy(buf, src->text + p->input, n);
    p->input += n;
    if (p->input >= p->handed_back + 2 * HAND_BACK_MARGIN) {
        size_t to = p->input - HAND_BACK_MARGIN;
        arena_map_forget(src->text + p->handed_back, src->text + to);
        p->handed_back = to;
    }
    return n;
}

int parse_figure_token(Parser *p, const char *text, size_t len, Span at, FigureTok *out)
{
    Figure f;
    FigureStatus st = figure_parse(text, len, &f);
    if (st == FIG_OK) {
        *out = (FigureTok){num_exact(f.micro), f.decimals, false};
        return FIGURE;
    }
    *out = (FigureTok){num_exact(0), 0, true};
    if (st == FIG_OVERFLOW) {
        parse_error(p, at, _("this figure is too large for finsam's arithmetic"),
                    _("the largest figure finsam holds is 9 223 372 036 854,775807"));
        return FIGURE;
    }
    char *msg = arena_printf(p->arena, _("malformed figure '%.*s': %s"), (int)len, text,
                             figure_status_message(st));
    /* inside parentheses, two figures are years of a column list or arguments */
    bool in_parens = p->parens->depth > 0;
    const char *hint = (st == FIG_BAD_GROUP || st == FIG_LONG_FIRST_GROUP) && in_parens
        ? _("write thousands as '7 864 000'; if these are two years or values, separate them "
            "with ', '")
        : st == FIG_BAD_GROUP || st == FIG_LONG_FIRST_GROUP
        ? _("write thousands as '7 864 000'; if these are two cells, separate them with '|'")
        : st == FIG_SECOND_MARK
        ? _("write thousands as '7 864 000'; if these are two figures, put a space after the ','")
        : NULL;
    parse_error(p, at, msg, hint);
    return FIGURE;
}

int parse_date_token(Parser *p, const char *text, Span at, int32_t *out)
{
    int y = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
    int m = (text[5] - '0') * 10 + (text[6] - '0');
    int d = (text[8] - '0') * 10 + (text[9] - '0');
    if (!date_valid(y, m, d)) {
        /* the shape is the scanner's: what is wrong is the month, or the day in it */
        char *msg = arena_printf(p->arena, _("'%.10s' is not a date"), text);
        const char *hint =
            m >= 1 && m <= 12
                ? arena_printf(p->arena, _("%.7s has %d days; a date is written YYYY-MM-DD"),
                               text, date_month_days(y, m))
                : _("a month is 01 to 12; a date is written YYYY-MM-DD, for example 2026-03-16");
        parse_error(p, at, msg, hint);
    }
    *out = y * 10000 + m * 100 + d;
    return DATE;
}

const char *parse_intern(Parser *p, const char *text, size_t len)
{
    return intern(p->names, text, len);
}

/* A keyword is a name to the scanner: told apart here, by its first letter and then
 * whole, rather than by states of its own in the scanner's tables. */
int parse_word(Parser *p, const char *text, size_t len, const char **name)
{
#define KEYWORD(word, token)                                             \
    if (len == sizeof word - 1 && memcmp(text, word, sizeof word - 1) == 0) \
        return token
    switch (text[0]) {
    case 'a':
        KEYWORD("and", AND);
        KEYWORD("as", AS);
        KEYWORD("absent", ABSENT);
        KEYWORD("allocation", ALLOCATION);
        break;
    case 'b':
        KEYWORD("by", BY);
        break;
    case 'c':
        KEYWORD("check", CHECK);
        break;
    case 'e':
        KEYWORD("else", ELSE);
        KEYWORD("error", ERROR_WORD);
        break;
    case 'f':
        KEYWORD("from", FROM);
        break;
    case 'i':
        KEYWORD("import", IMPORT);
        break;
    case 'l':
        KEYWORD("local", LOCAL);
        KEYWORD("ledger", LEDGER);
        break;
    case 'n':
        KEYWORD("not", NOT);
        KEYWORD("note", NOTE);
        break;
    case 'o':
        KEYWORD("or", OR);
        break;
    case 'p':
        KEYWORD("param", PARAM);
        break;
    case 'r':
        KEYWORD("report", REPORT);
        KEYWORD("require", REQUIRE);
        break;
    case 's':
        KEYWORD("section", SECTION);
        KEYWORD("source", SOURCE);
        break;
    case 'u':
        KEYWORD("unit", UNIT);
        KEYWORD("until", UNTIL);
        break;
    case 'w':
        KEYWORD("where", WHERE);
        KEYWORD("warning", WARNING_WORD);
        break;
    }
#undef KEYWORD
    *name = intern(p->names, text, len);
    return NAME;
}

/* The text of a string token without its quotes, escapes undone: \" and \\. Interned:
 * the same label in many tables ("Summa", "Utfall") is held once. */
const char *parse_string(Parser *p, const char *text, size_t len, Span at)
{
    size_t end = len >= 2 && text[len - 1] == '"' ? len - 1 : len;
    if (!memchr(text + 1, '\\', end - 1))
        return intern(p->names, text + 1, end - 1); /* nothing to undo: no copy */
    char small[256];
    char *s = end <= sizeof small ? small : mem_alloc(end + 1);
    size_t k = 0;
    for (size_t i = 1; i < end; i++) {
        if (text[i] == '\\' && i + 1 < end) {
            i++;
            if (text[i] != '"' && text[i] != '\\') {
                Span esc = {at.start + (uint32_t)i - 1, at.start + (uint32_t)i + 1};
                char *msg = arena_printf(p->arena, _("unknown escape '\\%c' in a string: a "
                                           "backslash is written '\\\\'"), text[i]);
                parse_error(p, esc, msg, _("inside a string, write \\\" for a quote and \\\\ "
                                           "for a backslash"));
            }
        }
        s[k++] = text[i];
    }
    s[k] = '\0';
    const char *interned = intern(p->names, s, k);
    if (s != small)
        mem_free(s);
    return interned;
}

int parse_bad_char(Parser *p, const char *text, size_t len, Span at)
{
    const char *hint = NULL;
    if (len == 3 && (memcmp(text, "\xE2\x80\x94", 3) == 0))
        hint = _("a minus is written '-', '\xE2\x88\x92' or '\xE2\x80\x93'");
    else if (text[0] == ';')
        hint = _("finsam needs no ';': a row ends where the next one begins");
    char *msg = arena_printf(p->arena, _("unexpected character '%.*s'"), (int)len, text);
    parse_error(p, at, msg, hint);
    return YYUNDEF;
}

void parse_not_text(Parser *p)
{
    p->errors++;
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

void parse_open(Parser *p, Nesting *n, Span at)
{
    (void)p;
    if (n->depth < (int)(sizeof n->open / sizeof n->open[0]))
        n->open[n->depth] = at.start;
    n->depth++;
}

void parse_close(Nesting *n)
{
    if (n->depth > 0)
        n->depth--;
}

/* The line of the innermost open '{' or '(', or 0 if none is known. Counted here
 * rather than with source_line_col: while the scanner runs, the text after the
 * current token is not yet as it will be (parse_restore_text). */
/* The line of an offset, counted here: the source's line index must not be built while
 * the scanner holds a NUL in the text. */
static int line_of(const Parser *p, uint32_t offset)
{
    int line = 1;
    for (uint32_t i = 0; i < offset; i++)
        line += p->src->text[i] == '\n';
    return line;
}

static int open_line(const Parser *p, const Nesting *n)
{
    if (n->depth <= 0 || n->depth > (int)(sizeof n->open / sizeof n->open[0]))
        return 0;
    return line_of(p, n->open[n->depth - 1]);
}

/* Whether the line of offset `at` starts with a word at the margin: in a file laid out as
 * the examples are, a declaration, which cannot stand inside a block. */
static bool line_starts_with_word(const Parser *p, uint32_t at)
{
    const char *t = p->src->text;
    while (at > 0 && t[at - 1] != '\n')
        at--;
    return isalpha((unsigned char)t[at]);
}

/* The token before offset `at`, as a user would name it: "'+'", "'x'", "the text
 * \"...\"". Comments and layout are skipped. */
static const char *token_before(Parser *p, uint32_t at)
{
    const char *t = p->src->text;
    int64_t i = (int64_t)at - 1;
    for (;;) {
        while (i >= 0 && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r'))
            i--;
        if (i < 0)
            return NULL;
        if (t[i] != '\n') {
            /* on this line, code ends where a comment starts (outside a string) */
            int64_t line_start = i;
            while (line_start > 0 && t[line_start - 1] != '\n')
                line_start--;
            bool in_string = false;
            int64_t code_end = i + 1;
            for (int64_t k = line_start; k <= i; k++) {
                if (t[k] == '"')
                    in_string = !in_string;
                else if (t[k] == '#' && !in_string) {
                    code_end = k;
                    break;
                }
            }
            i = code_end - 1;
            while (i >= line_start && (t[i] == ' ' || t[i] == '\t' || t[i] == '\r'))
                i--;
            if (i >= line_start)
                break;
            i = line_start - 1;
            continue;
        }
        i--;
    }
    if (t[i] == '"') {
        int64_t open = i - 1;
        while (open > 0 && t[open] != '"' && t[open] != '\n')
            open--;
        if (t[open] == '"' && i - open < 48)
            return arena_printf(p->arena, "%.*s", (int)(i - open + 1), t + open);
        return _("a string");
    }
    int64_t start = i;
    bool word = ((unsigned char)t[i] & 0x80) || t[i] == '_' || (t[i] >= '0' && t[i] <= '9') ||
                (t[i] >= 'a' && t[i] <= 'z') || (t[i] >= 'A' && t[i] <= 'Z');
    while (start > 0 && word) {
        char c = t[start - 1];
        if (!(((unsigned char)c & 0x80) || c == '_' || (c >= '0' && c <= '9') ||
              (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')))
            break;
        start--;
    }
    if (!word && start > 0 && strchr("=<>!", t[start - 1]) && strchr("=<>", t[i]))
        start--;
    return arena_printf(p->arena, "'%.*s'", (int)(i - start + 1), t + start);
}

/* "name" -> "a name"; "'|'" stays as it is. */
static const char *describe(const char *token)
{
    /* TRANSLATORS: what the parser expected or found: "expected a name or '(', found
     * a figure". */
    if (strcmp(token, "name") == 0) return _("a name");
    if (strcmp(token, "string") == 0) return _("a string");
    if (strcmp(token, "figure") == 0) return _("a figure");
    if (strcmp(token, "date") == 0) return _("a date");
    return token;
}

void parse_syntax_error(Parser *p, Span at, const char **expected, int nexpected,
                        const char *found, bool found_invalid)
{
    if (found_invalid || p->gave_up)
        return; /* the scanner has said what is wrong */
    char *what;
    int len = (int)(at.end - at.start);
    if (!found)
        what = _("the end of the file");
    else if (strcmp(found, "name") == 0)
        what = arena_printf(p->arena, _("name '%.*s'"), len, p->src->text + at.start);
    else if (strcmp(found, "figure") == 0)
        what = arena_printf(p->arena, _("figure '%.*s'"), len, p->src->text + at.start);
    else
        what = arena_printf(p->arena, "%s", describe(found));

    char *msg;
    bool lists_name = false; /* msg is the list of what was expected, and it has a name */
    if (nexpected > 0) {
        /* TRANSLATORS: the words between the things the parser expected: "'(', a
         * name or a figure". */
        const char *comma = _(", "), *or = _(" or ");
        size_t cap = 64;
        for (int i = 0; i < nexpected; i++)
            cap += strlen(describe(expected[i])) + strlen(comma) + strlen(or);
        char *list = arena_alloc(p->arena, cap);
        for (int i = 0; i < nexpected; i++) {
            if (i > 0)
                strcat(list, i == nexpected - 1 ? or : comma);
            strcat(list, describe(expected[i]));
            lists_name |= strcmp(expected[i], "name") == 0;
        }
        msg = arena_printf(p->arena, _("expected %s, found %s"), list, what);
    } else {
        msg = arena_printf(p->arena, _("unexpected %s"), what);
    }

    const char *hint = NULL;
    bool wants_close = false, wants_bar = false, wants_paren = false, wants_expr = false;
    bool wants_equals = false;
    for (int i = 0; i < nexpected; i++) {
        wants_equals |= strcmp(expected[i], "'='") == 0;
        wants_close |= strcmp(expected[i], "'}'") == 0;
        wants_bar |= strcmp(expected[i], "'|'") == 0;
        wants_paren |= strcmp(expected[i], "')'") == 0;
        wants_expr |= strcmp(expected[i], "'not'") == 0;
    }
    int brace_line = open_line(p, p->braces), paren_line = open_line(p, p->parens);
    /* A declaration keyword inside a block means the block was never closed. */
    bool starts_decl = found && (strcmp(found, "'check'") == 0 || strcmp(found, "'param'") == 0 ||
                                 strcmp(found, "'import'") == 0 || strcmp(found, "'report'") == 0 ||
                                 strcmp(found, "'allocation'") == 0);
    if ((!found || starts_decl) && wants_close && brace_line) {
        hint = arena_printf(p->arena, _("a '}' is missing: the '{' at line %d is never closed"),
                            brace_line);
    } else if (wants_paren && paren_line) {
        msg = arena_printf(p->arena, _("expected ')' to close the '(' at line %d, found %s"),
                           paren_line, what);
        lists_name = false;
    } else if (wants_expr) {
        const char *before = token_before(p, at.start);
        msg = before ? arena_printf(p->arena, _("expected an expression after %s, found %s"),
                                    before, what)
                     : arena_printf(p->arena, _("expected an expression, found %s"), what);
        lists_name = false;
    } else if (nexpected > 6 && wants_equals && found && strcmp(found, "figure") == 0) {
        msg = arena_printf(p->arena, _("expected '=', found %s"), what);
        lists_name = false;
    } else if (nexpected > 6) {
        msg = arena_printf(p->arena, _("unexpected %s"), what);
        lists_name = false;
    } else if (found && strcmp(found, "figure") == 0 && wants_bar) {
        hint = _("cells are separated by '|'");
    }
    if (!hint && wants_close && brace_line && brace_line < line_of(p, at.start) &&
        line_starts_with_word(p, at.start))
        hint = arena_printf(p->arena,
                            _("a '}' may be missing: the '{' at line %d is still open here"),
                            brace_line);
    const char *keyword = NULL;
    if (found && found[0] == '\'' && isalpha((unsigned char)found[1]) && lists_name)
        keyword = arena_printf(p->arena, _("%s is a keyword and cannot be used as a name"),
                               found);
    Diag *g = parse_error(p, at, msg, keyword ? keyword : hint);
    if (keyword && hint)
        diag_note(p->diags, g, _("hint: %s"), hint);
}

/* The parser without LAC (build/parser_fast.c, from the same grammar): bison's LAC
 * (lookahead correction) checks every token before the default reductions it allows,
 * which costs a sixth of parsing, and is needed only to say what was expected at a
 * syntax error. A file is read with this one first; if it finds any error, the one
 * with LAC reads the file again from the start, so that every message is as it was. */
int parse_fast(void *scanner, Parser *p);

static int parse_with(int (*parser)(void *, Parser *), Arena *a, Diags *d, Interner *names,
                      const Source *src, Module **out)
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
        diag_file(d, src->path, "%s", _("cannot start the scanner"));
        return 1;
    }
    /* The text ends in two NUL bytes (source.c), so the scanner reads it in place; a
     * mapped file it reads as a stream (parse_input). */
    YY_BUFFER_STATE buf = src->mapped ? yy_create_buffer(NULL, PARSE_PIECE, scanner)
                                      : yy_scan_buffer((char *)src->text, src->len + 2, scanner);
    if (src->mapped)
        yy_switch_to_buffer(buf, scanner);
    parser(scanner, &p);
    parse_restore_text(scanner);
    if (src->mapped) /* all of it: resolving and checking read the tree, not the text */
        arena_map_forget(src->text + p.handed_back, src->text + src->len);
    yy_delete_buffer(buf, scanner);
    yylex_destroy(scanner);
    mem_free(p.rows);
    mem_free(p.cells);
    *out = p.module;
    return p.errors;
}

/* A file that is not UTF-8 text is not parsed: it is told where its first bad byte is,
 * without quoting its line (its lines must not be printed as text). */
static void bad_text(Arena *a, Diags *d, const Source *src, size_t bad)
{
    Loc at = {src, (uint32_t)bad, (uint32_t)bad + 1};
    Diag *g = diag_at(d, SEV_ERROR, at, "%s",
                      src->text[bad] ? _("this byte is not valid UTF-8")
                                     : _("the file contains a NUL byte"));
    diag_note(d, g, "%s", _("hint: finsam files are UTF-8 text; save the file as UTF-8"));
    g->loc.src = NULL;
    int line, col;
    source_line_col(src, (uint32_t)bad, &line, &col);
    g->file = arena_printf(a, "%s:%d:%d", src->path, line, col);
}

int parse_module(Arena *a, Diags *d, Interner *names, const Source *src, Module **out)
{
    /* A name for every 512 bytes or so: a generated report has one for every 460 (a
     * table's and a check's name and title, among rows whose names and labels repeat). */
    interner_reserve(names, src->len / 512);
    int said = d->list.len, errors = d->errors;
    if (parse_with(parse_fast, a, d, names, src, out) == 0 && d->list.len == said)
        return 0;
    /* forget what the first reading said (its tree stays in the arena, unused) */
    d->list.len = said;
    d->errors = errors;
    /* The scanner reads only UTF-8 text without an error (grammar/lexer.l), so a file
     * read without one needs no check of its own, a pass over all its bytes. */
    size_t bad = source_first_bad_byte(src);
    if (bad < src->len) {
        bad_text(a, d, src, bad);
        *out = NULL;
        return 1;
    }
    return parse_with(yyparse, a, d, names, src, out);
}
