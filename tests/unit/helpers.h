/* helpers: what the unit tests of source, diag, parse, resolve, eval and value share.
 * Include after <cmocka.h>. Every function is static inline so that a test that does
 * not use one gets no warning. */
#ifndef FINSAM_TEST_HELPERS_H
#define FINSAM_TEST_HELPERS_H

#include <ftw.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "eval.h"
#include "sentence.h"
#include "intern.h"
#include "parse.h"
#include "program.h"
#include "result.h"
#include "source.h"

/* The byte offset of the n-th (0-based) occurrence of needle in text; fails the
 * test if there is none. */
static inline uint32_t offset_of_nth(const char *text, const char *needle, int n)
{
    const char *p = text;
    for (;;) {
        p = strstr(p, needle);
        if (!p)
            fail_msg("'%s' (occurrence %d) is not in the text", needle, n);
        if (n-- == 0)
            return (uint32_t)(p - text);
        p++;
    }
}

static inline uint32_t offset_of(const char *text, const char *needle)
{
    return offset_of_nth(text, needle, 0);
}

/* A location covering the first occurrence of needle in src. */
static inline Loc loc_of(const Source *src, const char *needle)
{
    Loc l = {src, offset_of(src->text, needle), 0};
    l.end = l.start + (uint32_t)strlen(needle);
    return l;
}

/* What diag_print writes, as a malloc'ed string. */
static inline char *print_diag(const Diag *g, bool color)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    DiagStyle st = {color};
    diag_print(f, g, st);
    fclose(f);
    return buf;
}

/* Every diagnostic, printed without colour, as one malloc'ed string. */
static inline char *print_diags(const Diags *d)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    DiagStyle st = {false};
    for (int i = 0; i < d->list.len; i++)
        diag_print(f, d->list.items[i], st);
    fclose(f);
    return buf;
}

static inline Diag *diag_n(const Diags *d, int i)
{
    assert_true(i < d->list.len);
    return d->list.items[i];
}

/* The first diagnostic whose message holds needle, or NULL. */
static inline Diag *find_diag(const Diags *d, const char *needle)
{
    for (int i = 0; i < d->list.len; i++) {
        Diag *g = d->list.items[i];
        if (strstr(g->message, needle))
            return g;
    }
    return NULL;
}

static inline int count_diags(const Diags *d, const char *needle)
{
    int n = 0;
    for (int i = 0; i < d->list.len; i++)
        n += strstr(((Diag *)d->list.items[i])->message, needle) != NULL;
    return n;
}

/* The first note of g that holds needle, or NULL. */
static inline const char *find_note(const Diag *g, const char *needle)
{
    for (int i = 0; i < g->notes.len; i++)
        if (strstr(g->notes.items[i], needle))
            return g->notes.items[i];
    return NULL;
}

/* Fails with every diagnostic printed unless d holds none. */
static inline void assert_no_diags(const Diags *d)
{
    if (d->list.len == 0)
        return;
    char *text = print_diags(d);
    print_error("%s", text);
    free(text);
    fail_msg("expected no diagnostics, got %d", d->list.len);
}

/* 1-based line and column of a location's start. */
static inline void line_col_of(Loc l, int *line, int *col)
{
    assert_non_null(l.src);
    source_line_col(l.src, l.start, line, col);
}

/* ---- parsing text ------------------------------------------------------------ */

typedef struct {
    Arena arena;
    Diags diags;
    Interner names;
    const Source *src;
    Module *module;
    int errors;
} ParseFx;

static inline int parse_fx_setup(void **state)
{
    ParseFx *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    arena_init(&fx->arena);
    diags_init(&fx->diags, &fx->arena);
    interner_init(&fx->names, &fx->arena);
    *state = fx;
    return 0;
}

static inline int parse_fx_teardown(void **state)
{
    ParseFx *fx = *state;
    interner_free(&fx->names);
    arena_free(&fx->arena);
    free(fx);
    return 0;
}

static inline Module *parse_text(ParseFx *fx, const char *text)
{
    fx->src = source_from_text(&fx->arena, "t.fin", text, strlen(text));
    fx->module = NULL;
    fx->errors = parse_module(&fx->arena, &fx->diags, &fx->names, fx->src, &fx->module);
    assert_non_null(fx->module);
    return fx->module;
}

static inline Decl *decl_n(const Module *m, int i)
{
    assert_true(i < m->decls.len);
    return m->decls.items[i];
}

/* ---- files in a temporary folder, loaded as a program ------------------------- */

typedef struct {
    char dir[PATH_MAX - 64];
    char path[PATH_MAX];   /* the last file written */
    Program prog;
    Results res;
    int load_errors, resolve_errors, eval_errors;
} ProgFx;

static inline int remove_entry(const char *path, const struct stat *sb, int flag,
                               struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(path);
}

static inline void remove_tree(const char *dir)
{
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static inline int prog_fx_setup(void **state)
{
    ProgFx *fx = calloc(1, sizeof *fx);
    if (!fx)
        return -1;
    const char *tmp = getenv("TMPDIR");
    snprintf(fx->dir, sizeof fx->dir, "%s/finsam-fx.XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(fx->dir)) {
        free(fx);
        return -1;
    }
    program_init(&fx->prog);
    *state = fx;
    return 0;
}

static inline int prog_fx_teardown(void **state)
{
    ProgFx *fx = *state;
    program_free(&fx->prog);
    remove_tree(fx->dir);
    free(fx);
    return 0;
}

/* Writes text to DIR/name (name may contain folders that exist); returns the path,
 * which stays valid until the next write. */
static inline const char *write_file(ProgFx *fx, const char *name, const char *text)
{
    snprintf(fx->path, sizeof fx->path, "%s/%s", fx->dir, name);
    FILE *f = fopen(fx->path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
    return fx->path;
}

/* Makes the folder DIR/name; returns its path (valid until the next call). */
static inline const char *make_dir(ProgFx *fx, const char *name)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    assert_int_equal(mkdir(path, 0700), 0);
    return path;
}

static inline const LoadOptions *no_options(void)
{
    static const LoadOptions opts = {0};
    return &opts;
}

/* Loads DIR/name with opts and resolves it if it loaded; returns the number of
 * diagnostics that are errors. */
static inline int load_resolve(ProgFx *fx, const char *name, const LoadOptions *opts)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    fx->load_errors = program_load(&fx->prog, path, opts ? opts : no_options());
    if (fx->load_errors == 0 && fx->prog.diags.errors == 0)
        fx->resolve_errors = program_resolve(&fx->prog);
    return fx->prog.diags.errors;
}

/* Writes text as DIR/name, loads, resolves and evaluates it, expecting no error in
 * the input; the findings are in fx->res. */
static inline Results *check_text(ProgFx *fx, const char *text)
{
    write_file(fx, "year.fin", text);
    load_resolve(fx, "year.fin", NULL);
    assert_no_diags(&fx->prog.diags);
    fx->eval_errors = program_eval(&fx->prog, &fx->res);
    sentences_render(&fx->res, &fx->prog.arena);
    assert_no_diags(&fx->prog.diags);
    assert_int_equal(fx->eval_errors, 0);
    return &fx->res;
}

static inline Finding *finding_n(const Results *res, int i)
{
    assert_true(i < res->failed.len);
    return res->failed.items[i];
}

/* The first table, check or parameter of the given name. */
static inline Table *table_named(const Program *prog, const char *name)
{
    for (int i = 0; i < prog->tables.len; i++) {
        Table *t = prog->tables.items[i];
        if (strcmp(t->name, name) == 0)
            return t;
    }
    fail_msg("no table '%s'", name);
    return NULL;
}

static inline Check *check_named(const Program *prog, const char *name)
{
    for (int i = 0; i < prog->checks.len; i++) {
        Check *c = prog->checks.items[i];
        if (strcmp(c->name, name) == 0)
            return c;
    }
    fail_msg("no check '%s'", name);
    return NULL;
}

static inline Row *row_named(const Table *t, const char *name)
{
    for (int i = 0; i < t->nrows; i++)
        if (strcmp(t->rows[i]->name, name) == 0)
            return t->rows[i];
    fail_msg("table '%s' has no row '%s'", t->name, name);
    return NULL;
}

/* The report block every year file needs. */
#define REPORT_2025 "report \"Årsredovisning 2025\" {\n    year 2025\n}\n"

#define KR(x) ((int64_t)(x) * NUM_SCALE)

#endif
