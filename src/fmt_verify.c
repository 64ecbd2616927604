/* fmt_verify: whether two texts are the same tokens to finsam's own scanner, so that
 * the parser, which sees nothing else, builds the same tree from both. finsam fmt
 * checks every text it formats with this before it writes anything. */
#include <string.h>

#include "fmt.h"
#include "parse.h"
#include "parser.h"
#include "lexer.h"

/* A scanner over one text, with the parser state its actions need. */
typedef struct {
    Parser p;
    Diags diags;
    Interner names;
    yyscan_t scanner;
    YY_BUFFER_STATE buf;
} Scan;

static bool scan_open(Scan *s, Arena *a, const char *text, size_t len)
{
    memset(s, 0, sizeof *s);
    diags_init(&s->diags, a);
    interner_init(&s->names, a);
    s->p.arena = a;
    s->p.diags = &s->diags;
    s->p.names = &s->names;
    s->p.src = source_from_text(a, "-", text, len);
    if (yylex_init_extra(&s->p, &s->scanner) != 0)
        return false;
    s->buf = yy_scan_buffer((char *)s->p.src->text, s->p.src->len + 2, s->scanner);
    return true;
}

/* The next token's kind, its text in *at; 0 at the end. The scanner stops after too
 * many errors: here every token is wanted, so the count starts again each time. */
static int scan_next(Scan *s, Span *at)
{
    YYSTYPE value;
    s->p.gave_up = false;
    s->p.errors = 0;
    return yylex(&value, at, s->scanner);
}

static void scan_close(Scan *s)
{
    parse_restore_text(s->scanner);
    yy_delete_buffer(s->buf, s->scanner);
    yylex_destroy(s->scanner);
    interner_free(&s->names);
}

bool fmt_same_tokens(const char *a, size_t alen, const char *b, size_t blen)
{
    Arena arena;
    arena_init(&arena);
    Scan sa, sb;
    bool same = scan_open(&sa, &arena, a, alen);
    if (same && !scan_open(&sb, &arena, b, blen)) {
        scan_close(&sa);
        same = false;
    } else if (same) {
        for (;;) {
            Span ta, tb;
            int ka = scan_next(&sa, &ta), kb = scan_next(&sb, &tb);
            /* the scanner has put a NUL after the token, not in it */
            if (ka != kb || ta.end - ta.start != tb.end - tb.start ||
                memcmp(sa.p.src->text + ta.start, sb.p.src->text + tb.start,
                       ta.end - ta.start) != 0) {
                same = false;
                break;
            }
            if (ka == 0)
                break;
        }
        scan_close(&sa);
        scan_close(&sb);
    }
    arena_free(&arena);
    return same;
}
