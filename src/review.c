#include "review.h"

#include <string.h>

#include "i18n.h"

/* ---- reading a review file ------------------------------------------------------- */

typedef struct {
    Program *prog;
    Source *src;
    uint32_t at;
    int errors;
    PtrVec entries; /* ReviewEntry * */
} Reader;

typedef enum { TOK_END, TOK_WORD, TOK_STRING, TOK_BAD } TokType;

typedef struct {
    TokType type;
    uint32_t start, end;
    const char *text; /* a word as written; a string without its quotes, unescaped */
} Tok;

static bool space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

static Loc at(const Reader *R, uint32_t s, uint32_t e) { return (Loc){R->src, s, e}; }

static Diag *error(Reader *R, uint32_t s, uint32_t e, const char *message)
{
    R->errors++;
    return diag_at(&R->prog->diags, SEV_ERROR, at(R, s, e), "%s", message);
}

static Tok next(Reader *R)
{
    const char *t = R->src->text;
    uint32_t n = (uint32_t)R->src->len;
    for (;;) {
        while (R->at < n && space(t[R->at]))
            R->at++;
        if (R->at < n && t[R->at] == '#') {
            while (R->at < n && t[R->at] != '\n')
                R->at++;
            continue;
        }
        break;
    }
    Tok k = {TOK_END, R->at, R->at, NULL};
    if (R->at >= n)
        return k;
    if (t[R->at] != '"') {
        while (R->at < n && !space(t[R->at]) && t[R->at] != '"' && t[R->at] != '#')
            R->at++;
        k.type = TOK_WORD;
        k.end = R->at;
        k.text = arena_strndup(&R->prog->arena, t + k.start, k.end - k.start);
        return k;
    }
    char *buf = arena_text(&R->prog->arena, n - R->at + 1);
    size_t len = 0;
    for (R->at++; R->at < n && t[R->at] != '"' && t[R->at] != '\n'; R->at++) {
        if (t[R->at] == '\\' && R->at + 1 < n && t[R->at + 1] != '\n')
            R->at++;
        buf[len++] = t[R->at];
    }
    buf[len] = '\0';
    k.type = TOK_STRING;
    k.text = buf;
    if (R->at < n && t[R->at] == '"') {
        R->at++;
    } else {
        k.type = TOK_BAD;
        k.end = R->at;
        error(R, k.start, k.end, _("this string has no closing '\"'"));
        return k;
    }
    k.end = R->at;
    return k;
}

static bool date_of(const char *s, int32_t *out)
{
    int y, m, d;
    char rest;
    if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3 || m < 1 ||
        m > 12 || d < 1 || d > 31)
        return false;
    *out = y * 10000 + m * 100 + d;
    return true;
}

static const char *const HINT =
    N_("hint: an entry is 'accepted KEY' or 'to_correct KEY', then reason \"...\", by "
       "\"...\" and on YYYY-MM-DD");

/* One entry: the decision and key are read; its reason, by and on follow. */
static void read_entry(Reader *R, Tok decision, Tok *k)
{
    ReviewEntry *e = arena_alloc(&R->prog->arena, sizeof *e);
    e->decision = strcmp(decision.text, "accepted") == 0 ? REVIEW_ACCEPTED : REVIEW_TO_CORRECT;
    Tok key = next(R);
    if (key.type != TOK_WORD || strcmp(key.text, "reason") == 0 || strcmp(key.text, "by") == 0 ||
        strcmp(key.text, "on") == 0) {
        diag_note(&R->prog->diags, error(R, decision.start, decision.end,
                                         _("the decision has no key: which finding is it on?")),
                  "%s", _("hint: accepted equity_cap_kept, to_correct note2.total[2024]"));
        *k = (Tok){TOK_BAD, key.start, key.end, NULL}; /* the entry is skipped */
        return;
    }
    e->key = key.text;
    e->loc = at(R, key.start, key.end);
    for (*k = next(R); k->type == TOK_WORD; *k = next(R)) {
        bool reason = strcmp(k->text, "reason") == 0, by = strcmp(k->text, "by") == 0,
             on = strcmp(k->text, "on") == 0;
        if (!reason && !by && !on)
            break;
        Tok v = next(R);
        if (on) {
            if (v.type != TOK_WORD || !date_of(v.text, &e->on)) {
                error(R, v.start, v.end, _("'on' takes the day of the decision: on 2026-03-20"));
                *k = next(R);
                return;
            }
        } else if (v.type != TOK_STRING) {
            error(R, v.start, v.end, reason ? _("'reason' takes a string: reason \"...\"")
                                            : _("'by' takes a string: by \"Anna Andersson\""));
            *k = v;
            return;
        } else if (reason) {
            e->reason = v.text;
        } else {
            e->by = v.text;
        }
    }
    if (!e->reason || !e->by || !e->on) {
        Diag *g = error(R, key.start, key.end,
                        !e->reason ? _("the decision on this finding gives no reason")
                        : !e->by   ? _("the decision on this finding does not say by whom")
                                   : _("the decision on this finding does not say when"));
        diag_note(&R->prog->diags, g, "%s", _(HINT));
        return;
    }
    for (int i = 0; i < R->entries.len; i++) {
        const ReviewEntry *o = R->entries.items[i];
        if (strcmp(o->key, e->key) == 0) {
            Diag *g = error(R, key.start, key.end, _("this finding is decided on twice"));
            int line, col;
            source_line_col(R->src, o->loc.start, &line, &col);
            diag_note(&R->prog->diags, g, _("first at %s:%d:%d"), R->src->path, line, col);
            return;
        }
    }
    ptrvec_push(&R->prog->arena, &R->entries, e);
}

static bool is_decision(const Tok *k)
{
    return k->type == TOK_WORD &&
           (strcmp(k->text, "accepted") == 0 || strcmp(k->text, "to_correct") == 0);
}

/* Where the next entry may start after a mistake: a decision, or any word at the start
 * of a line (a misspelt decision is reported too). */
static bool entry_start(const Reader *R, const Tok *k)
{
    return is_decision(k) ||
           (k->type == TOK_WORD && (k->start == 0 || R->src->text[k->start - 1] == '\n'));
}

static int read_review(Reader *R)
{
    Tok k = next(R);
    while (k.type != TOK_END && R->errors < 20) {
        if (is_decision(&k)) {
            read_entry(R, k, &k);
            continue;
        }
        if (k.type != TOK_BAD) {
            Diag *g = error(R, k.start, k.end, _("a review entry starts with its decision: "
                                                 "accepted or to_correct"));
            diag_note(&R->prog->diags, g, "%s", _(HINT));
        }
        /* on to the next entry */
        do
            k = next(R);
        while (k.type != TOK_END && !entry_start(R, &k));
    }
    return R->errors;
}

/* ---- applying it ----------------------------------------------------------------- */

bool review_key_matches(const char *entry, const char *finding)
{
    if (!finding)
        return false;
    size_t n = strlen(entry);
    return strncmp(entry, finding, n) == 0 && (finding[n] == '\0' ||
                                               (finding[n] == '[' && !strchr(entry, '[')));
}

const char *review_decision_text(ReviewDecision d)
{
    return d == REVIEW_ACCEPTED ? _("accepted") : _("to be corrected");
}

const char *review_text(Arena *a, const ReviewEntry *e)
{
    /* TRANSLATORS: "accepted by Anna Andersson on 2026-03-20: the reason" */
    return arena_printf(a, _("%s by %s on %04d-%02d-%02d: %s"), review_decision_text(e->decision),
                        e->by, e->on / 10000, e->on / 100 % 100, e->on % 100, e->reason);
}

int review_apply(Program *prog, Results *res, const char *path)
{
    const char *why;
    Source *src = source_read(&prog->arena, path, &why);
    if (!src) {
        diag_file(&prog->diags, path, _("cannot read: %s"), why);
        return 1;
    }
    /* given on the command line, by the person running finsam: its lines may be shown */
    src->quotable = true;
    src->index = prog->modules.len;
    Reader R = {prog, src, 0, 0, {0}};
    if (source_first_bad_byte(src) < src->len) {
        diag_file(&prog->diags, path, "%s", _("the review file is not UTF-8 text"));
        return 1;
    }
    if (read_review(&R))
        return R.errors;
    res->reviewing = true;
    for (int i = 0; i < res->failed.len; i++) {
        Finding *f = res->failed.items[i];
        for (int k = 0; k < R.entries.len && !f->review; k++) {
            ReviewEntry *e = R.entries.items[k];
            if (!review_key_matches(e->key, f->key))
                continue;
            f->review = e;
            e->matched++;
            res->reviewed++;
            if (f->severity == SEV_ERROR)
                res->failed_errors--;
            else
                res->failed_warnings--;
        }
    }
    for (int k = 0; k < R.entries.len; k++) {
        ReviewEntry *e = R.entries.items[k];
        if (e->matched)
            continue;
        Finding *f = result_add(res, &prog->arena, FIND_REVIEW, SEV_ERROR, e->loc, "review");
        f->about.fact = FACT_REVIEW_UNMATCHED;
        f->key = e->key;
        result_count(res, false, SEV_ERROR);
    }
    result_sort(res);
    return 0;
}
