/* lsp_doc: one open document of finsam lsp (see lsp_doc.h).
 *
 * The editor's text need not be saved: it is written to a private folder under the
 * file's own name and checked there, with the file's folder searched first for its
 * imports and its previous year, so that it is checked as `finsam check` would check
 * the saved file. The program and results of the last check stay for hover and
 * definition. Places are given in lines and UTF-16 units, as the protocol counts. */
#include "lsp_doc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fmt.h"
#include "i18n.h"
#include "parse.h"
#include "value.h"

struct LspDoc {
    char *uri, *path, *dir;  /* the file, and its folder */
    char *text;
    size_t len;
    char *tmpdir, *tmppath;  /* where the text is checked */
    Program prog;
    Results res;
    bool loaded;
};

static char *dup_text(const char *s, size_t n)
{
    char *d = mem_alloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

LspDoc *lsp_doc_new(const char *uri, const char *path, const char *text, size_t len)
{
    LspDoc *d = mem_alloc(sizeof *d);
    d->uri = dup_text(uri, strlen(uri));
    d->path = dup_text(path, strlen(path));
    const char *slash = strrchr(path, '/');
    d->dir = slash ? dup_text(path, (size_t)(slash - path)) : dup_text(".", 1);
    if (slash && slash == path)
        d->dir[0] = '/', d->dir[1] = '\0';
    d->text = dup_text(text, len);
    d->len = len;
    return d;
}

static void unload(LspDoc *d)
{
    if (d->loaded)
        program_free(&d->prog);
    d->loaded = false;
    memset(&d->res, 0, sizeof d->res);
}

void lsp_doc_free(LspDoc *d)
{
    if (!d)
        return;
    unload(d);
    if (d->tmppath)
        unlink(d->tmppath);
    if (d->tmpdir)
        rmdir(d->tmpdir);
    mem_free(d->tmppath);
    mem_free(d->tmpdir);
    mem_free(d->uri);
    mem_free(d->path);
    mem_free(d->dir);
    mem_free(d->text);
    mem_free(d);
}

void lsp_doc_set_text(LspDoc *d, const char *text, size_t len)
{
    unload(d);
    mem_free(d->text);
    d->text = dup_text(text, len);
    d->len = len;
}

const char *lsp_doc_uri(const LspDoc *d)
{
    return d->uri;
}

/* ---- places ------------------------------------------------------------------ */

static JsonValue *position(Arena *a, const char *text, size_t len, size_t offset)
{
    int line = 0, units = 0;
    if (offset > len)
        offset = len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c == '\n')
            line++, units = 0;
        else if ((c & 0xC0) != 0x80)
            units += c >= 0xF0 ? 2 : 1; /* four-byte characters are two UTF-16 units */
    }
    JsonValue *p = jv_object(a);
    jv_add(a, p, "line", jv_int_new(a, line));
    jv_add(a, p, "character", jv_int_new(a, units));
    return p;
}

static size_t offset_of(const char *text, size_t len, int line, int character)
{
    size_t i = 0;
    for (int l = 0; l < line && i < len; i++)
        if (text[i] == '\n')
            l++;
    int units = 0;
    while (i < len && text[i] != '\n' && units < character) {
        unsigned char c = (unsigned char)text[i];
        units += c >= 0xF0 ? 2 : 1;
        i++;
        while (i < len && ((unsigned char)text[i] & 0xC0) == 0x80)
            i++;
    }
    return i;
}

static JsonValue *range(Arena *a, const char *text, size_t len, size_t start, size_t end)
{
    JsonValue *r = jv_object(a);
    jv_add(a, r, "start", position(a, text, len, start));
    jv_add(a, r, "end", position(a, text, len, end));
    return r;
}

static bool is_doc_src(const LspDoc *d, const Source *src)
{
    return src && d->tmppath && strcmp(src->path, d->tmppath) == 0;
}

static JsonValue *loc_range(Arena *a, const Loc *l)
{
    return range(a, l->src->text, l->src->len, l->start, l->end);
}

/* A Location: the document itself, or the file where an imported name stands. */
static JsonValue *location(Arena *a, const LspDoc *d, const Loc *l)
{
    JsonValue *o = jv_object(a);
    if (is_doc_src(d, l->src)) {
        jv_add(a, o, "uri", jv_str(a, d->uri));
    } else {
        char real[4096];
        const char *p = realpath(l->src->path, real) ? real : l->src->path;
        char *uri = mem_alloc(strlen(p) + 8);
        sprintf(uri, "file://%s", p);
        jv_add(a, o, "uri", jv_str(a, uri));
        mem_free(uri);
    }
    jv_add(a, o, "range", loc_range(a, l));
    return o;
}

/* ---- checking ---------------------------------------------------------------- */

/* Writes the text to the private folder and checks it there. */
static void analyse(LspDoc *d)
{
    unload(d);
    if (!d->tmpdir) {
        const char *base = getenv("TMPDIR");
        char *t = mem_alloc(strlen(base ? base : "/tmp") + 32);
        sprintf(t, "%s/finsam-lsp.XXXXXX", base ? base : "/tmp");
        if (!mkdtemp(t)) {
            mem_free(t);
            return;
        }
        d->tmpdir = t;
        const char *name = strrchr(d->path, '/');
        name = name ? name + 1 : d->path;
        d->tmppath = mem_alloc(strlen(t) + strlen(name) + 2);
        sprintf(d->tmppath, "%s/%s", t, name);
    }
    FILE *f = fopen(d->tmppath, "wb");
    if (!f)
        return;
    fwrite(d->text, 1, d->len, f);
    if (fclose(f) != 0)
        return;
    Options o;
    memset(&o, 0, sizeof o);
    const char *dirs[1] = {d->dir};
    o.load.include_dirs = dirs;
    o.load.ninclude = 1;
    o.load.rules_dir = FINSAM_RULES_DIR;
    d->res.detailed = true;
    cli_run(&d->prog, &d->res, d->tmppath, &o);
    d->loaded = true;
}

/* A diagnostic at `at` (or at the document's start with at's place in its message,
 * when at is in another file); `shown`, when set, is the place in the document to show
 * it at instead, at's place then named in the message. */
static JsonValue *diagnostic_at(Arena *a, const LspDoc *d, const Loc *at, const Loc *shown,
                                Severity sev, const char *tag, const char *message,
                                const PtrVec *notes);

static JsonValue *diagnostic(Arena *a, const LspDoc *d, const Loc *at, Severity sev,
                             const char *tag, const char *message, const PtrVec *notes)
{
    return diagnostic_at(a, d, at, NULL, sev, tag, message, notes);
}

static JsonValue *diagnostic_at(Arena *a, const LspDoc *d, const Loc *at, const Loc *shown,
                                Severity sev, const char *tag, const char *message,
                                const PtrVec *notes)
{
    JsonValue *g = jv_object(a);
    size_t mlen = strlen(message) + 1;
    for (int i = 0; notes && i < notes->len; i++)
        mlen += strlen(notes->items[i]) + 1;
    char *msg = mem_alloc(mlen + 512);
    msg[0] = '\0';
    if (at->src && !is_doc_src(d, at->src)) {
        int line, col;
        source_line_col(at->src, at->start, &line, &col);
        sprintf(msg, "%.400s:%d:%d: ", at->src->path, line, col);
    }
    strcat(msg, message);
    for (int i = 0; notes && i < notes->len; i++) {
        strcat(msg, "\n");
        strcat(msg, notes->items[i]);
    }
    jv_add(a, g, "range", shown ? loc_range(a, shown)
                          : is_doc_src(d, at->src) ? loc_range(a, at)
                                                   : range(a, "", 0, 0, 0));
    jv_add(a, g, "severity", jv_int_new(a, sev == SEV_ERROR ? 1 : 2));
    jv_add(a, g, "source", jv_str(a, "finsam"));
    if (tag)
        jv_add(a, g, "code", jv_str(a, tag));
    jv_add(a, g, "message", jv_str(a, msg));
    mem_free(msg);
    return g;
}

JsonValue *lsp_doc_diagnostics(Arena *a, LspDoc *d)
{
    analyse(d);
    JsonValue *list = jv_array(a);
    if (!d->loaded)
        return list;
    for (int i = 0; i < d->prog.diags.list.len; i++) {
        const Diag *g = d->prog.diags.list.items[i];
        jv_push(a, list, diagnostic(a, d, &g->loc, g->severity, g->tag, g->message, &g->notes));
    }
    for (int i = 0; i < d->res.failed.len; i++) {
        const Finding *f = d->res.failed.items[i];
        char stated[VALUE_FMT_MAX], computed[VALUE_FMT_MAX];
        const char *msg = f->where ? arena_printf(a, "%s, %s", f->message, f->where)
                                   : f->message;
        if (f->has_stated)
            msg = arena_printf(a, "%s%s", msg,
                               arena_printf(a, _("\nstated: %s\ncomputed: %s"),
                                            value_format(&f->stated, stated),
                                            value_format(&f->computed, computed)));
        /* a rule of another file shown at the figure it read in this one */
        const Loc *shown = NULL;
        for (int k = 0; k < f->noperands && !shown && !is_doc_src(d, f->loc.src); k++)
            if (finding_points_at(f, k) && is_doc_src(d, f->operands[k].at.src))
                shown = &f->operands[k].at;
        JsonValue *g = diagnostic_at(a, d, &f->loc, shown, f->severity, f->tag, msg, NULL);
        jv_push(a, list, g);
    }
    return list;
}

/* ---- names ------------------------------------------------------------------- */

static bool word_byte(unsigned char c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c >= 0x80;
}

/* The name at offset, and the name before a '.' in front of it (or ""). */
static bool name_at(const char *t, size_t len, size_t at, char *name, size_t cap, char *qual)
{
    size_t s = at, e = at;
    while (s > 0 && word_byte((unsigned char)t[s - 1]))
        s--;
    while (e < len && word_byte((unsigned char)t[e]))
        e++;
    qual[0] = '\0';
    if (e == s || e - s >= cap)
        return false;
    memcpy(name, t + s, e - s);
    name[e - s] = '\0';
    if (s > 1 && t[s - 1] == '.') {
        size_t q = s - 1;
        while (q > 0 && word_byte((unsigned char)t[q - 1]))
            q--;
        if (s - 1 - q < cap) {
            memcpy(qual, t + q, s - 1 - q);
            qual[s - 1 - q] = '\0';
        }
    }
    return true;
}


static Row *find_row(const Table *t, const char *name)
{
    for (int i = 0; t && i < t->nrows; i++)
        if (strcmp(t->rows[i]->name, name) == 0)
            return t->rows[i];
    return NULL;
}

/* The table of the open document whose text holds offset. */
static Table *table_around(const LspDoc *d, size_t offset)
{
    for (int i = 0; i < d->prog.tables.len; i++) {
        Table *t = d->prog.tables.items[i];
        if (is_doc_src(d, t->loc.src) && t->loc.start <= offset && offset < t->loc.end)
            return t;
    }
    return NULL;
}

typedef struct {
    Row *row;
    Table *table;
    Allocation *alloc;
    Param *param;
    Check *check;
} Target;

static Target resolve_at(LspDoc *d, int line, int character)
{
    Target t = {0};
    if (!d->loaded)
        analyse(d);
    if (!d->loaded)
        return t;
    size_t at = offset_of(d->text, d->len, line, character);
    char name[256], qual[256];
    if (!name_at(d->text, d->len, at, name, sizeof name, qual))
        return t;
    if (qual[0]) { /* a row, with its table */
        t.table = program_table(&d->prog, qual);
        if ((t.row = find_row(t.table, name)))
            return t;
    }
    t.table = table_around(d, at);
    if ((t.row = find_row(t.table, name)))
        return t;
    if ((t.table = program_table(&d->prog, name)))
        return t;
    for (int i = 0; i < d->prog.allocs.len; i++) {
        Allocation *a = d->prog.allocs.items[i];
        if (strcmp(a->name, name) == 0 && (t.alloc = a))
            return t;
    }
    for (int i = 0; i < d->prog.params.len; i++) {
        Param *p = d->prog.params.items[i];
        if (strcmp(p->name, name) == 0 && (t.param = p))
            return t;
    }
    for (int i = 0; i < d->prog.checks.len; i++) {
        Check *c = d->prog.checks.items[i];
        if (strcmp(c->name, name) == 0 && (t.check = c))
            return t;
    }
    return t;
}

/* The file an `import "x"` on the line at offset names, or NULL. */
static char *import_at(const LspDoc *d, size_t at)
{
    size_t s = at;
    while (s > 0 && d->text[s - 1] != '\n')
        s--;
    while (s < d->len && (d->text[s] == ' ' || d->text[s] == '\t'))
        s++;
    if (d->len - s < 8 || strncmp(d->text + s, "import", 6) != 0)
        return NULL;
    const char *q = memchr(d->text + s, '"', d->len - s);
    const char *nl = memchr(d->text + s, '\n', d->len - s);
    if (!q || (nl && q > nl))
        return NULL;
    const char *e = memchr(q + 1, '"', d->len - (size_t)(q + 1 - d->text));
    if (!e || (nl && e > nl) || e - q > 200)
        return NULL;
    const char *dirs[] = {d->dir, FINSAM_RULES_DIR};
    for (size_t i = 0; i < 2; i++) {
        char *p = mem_alloc(strlen(dirs[i]) + (size_t)(e - q) + 8);
        sprintf(p, "%s/%.*s.fin", dirs[i], (int)(e - q - 1), q + 1);
        if (access(p, R_OK) == 0)
            return p;
        mem_free(p);
    }
    return NULL;
}

JsonValue *lsp_doc_definition(Arena *a, LspDoc *d, int line, int character)
{
    size_t at = offset_of(d->text, d->len, line, character);
    char *file = import_at(d, at);
    if (file) {
        char real[4096];
        char *uri = mem_alloc(strlen(file) + 4096 + 8);
        sprintf(uri, "file://%s", realpath(file, real) ? real : file);
        JsonValue *o = jv_object(a);
        jv_add(a, o, "uri", jv_str(a, uri));
        jv_add(a, o, "range", range(a, "", 0, 0, 0));
        mem_free(uri);
        mem_free(file);
        return o;
    }
    Target t = resolve_at(d, line, character);
    if (t.row) {
        Loc l = row_loc(t.table, t.row);
        return location(a, d, &l);
    }
    return t.table ? location(a, d, &t.table->name_loc)
           : t.alloc ? location(a, d, &t.alloc->name_loc)
           : t.param ? location(a, d, &t.param->name_loc)
           : t.check ? location(a, d, &t.check->name_loc) : NULL;
}

/* ---- hover ------------------------------------------------------------------- */

typedef struct {
    char *s;
    size_t len, cap;
} Text;

static void add(Text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = mem_realloc(t->s, t->cap);
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static void adds(Text *t, const char *s)
{
    add(t, s, strlen(s));
}

static void hover_row(const LspDoc *d, Text *out, const Table *t, const Row *r)
{
    adds(out, "**");
    adds(out, t->name);
    adds(out, ".");
    adds(out, r->name);
    adds(out, "**");
    if (r->label) {
        adds(out, " ");
        adds(out, r->label);
    }
    adds(out, "\n\n");
    if (row_formula(r)) {
        /* the formula as written: from the row's '=' to its first cell */
        const char *src = t->src->text;
        uint32_t s = r->span.start, e = r->span.end;
        const char *eq = memchr(src + s, '=', e - s);
        if (eq) {
            const char *bar = memchr(eq, '|', (size_t)(src + e - eq));
            size_t n = (size_t)((bar ? bar : src + e) - eq);
            while (n > 0 && (eq[n - 1] == ' ' || eq[n - 1] == '\n'))
                n--;
            adds(out, "`");
            add(out, eq, n);
            adds(out, "`\n\n");
        }
    }
    const CellResult *cells = d->res.cells && t->id >= 0 && t->id < d->prog.tables.len
                                  ? d->res.cells[t->id] : NULL;
    adds(out, _("| column | stated | computed |\n|---|---|---|\n"));
    for (int c = 0; c < t->ncolumns; c++) {
        char key[32], buf[VALUE_FMT_MAX];
        const Column *col = t->columns[c];
        if (col->key.name)
            snprintf(key, sizeof key, "%.30s", col->key.name);
        else
            snprintf(key, sizeof key, "%d", col->key.year);
        adds(out, "| ");
        adds(out, key);
        adds(out, " | ");
        if (c < r->ncells && r->cells[c].len)
            add(out, t->src->text + r->cells[c].start, r->cells[c].len);
        adds(out, " | ");
        const CellResult *cr = cells ? &cells[(size_t)r->index * (size_t)t->ncolumns + (size_t)c]
                                     : NULL;
        if (cr && (row_formula(r) || col->formula) && !cr->computed.absent)
            adds(out, value_format(&cr->computed, buf));
        if (cr && cr->outcome == CELL_DIFFERS)
            adds(out, _(" (differs)"));
        adds(out, " |\n");
    }
}

JsonValue *lsp_doc_hover(Arena *a, LspDoc *d, int line, int character)
{
    Target t = resolve_at(d, line, character);
    Text out = {0};
    adds(&out, "");
    if (t.row)
        hover_row(d, &out, t.table, t.row);
    else if (t.table) {
        adds(&out, "**");
        adds(&out, t.table->name);
        adds(&out, "** ");
        adds(&out, t.table->title ? t.table->title : "");
    } else if (t.alloc) {
        adds(&out, "**");
        adds(&out, t.alloc->name);
        adds(&out, "** ");
        adds(&out, t.alloc->title ? t.alloc->title : "");
    } else if (t.param) {
        adds(&out, "**");
        adds(&out, t.param->name);
        adds(&out, "** ");
        adds(&out, t.param->title ? t.param->title : "");
        if (t.param->source) {
            adds(&out, "\n\n");
            adds(&out, t.param->source);
        }
    } else if (t.check) {
        adds(&out, "**");
        adds(&out, t.check->name);
        adds(&out, "** ");
        adds(&out, t.check->title ? t.check->title : "");
        if (t.check->source) {
            adds(&out, "\n\n");
            adds(&out, t.check->source);
        }
    }
    if (out.len == 0) {
        mem_free(out.s);
        return NULL;
    }
    JsonValue *h = jv_object(a);
    JsonValue *c = jv_object(a);
    jv_add(a, c, "kind", jv_str(a, "markdown"));
    jv_add(a, c, "value", jv_str(a, out.s));
    jv_add(a, h, "contents", c);
    mem_free(out.s);
    return h;
}

/* ---- symbols and formatting ---------------------------------------------------- */

enum { SYM_MODULE = 2, SYM_NAMESPACE = 3, SYM_CLASS = 5, SYM_FIELD = 8, SYM_FUNCTION = 12,
       SYM_CONSTANT = 14 };

static JsonValue *symbol(Arena *a, const char *name, const char *detail, int kind,
                         const Loc *whole, const Loc *sel)
{
    JsonValue *s = jv_object(a);
    jv_add(a, s, "name", jv_str(a, name && *name ? name : "?"));
    if (detail)
        jv_add(a, s, "detail", jv_str(a, detail));
    jv_add(a, s, "kind", jv_int_new(a, kind));
    jv_add(a, s, "range", loc_range(a, whole));
    jv_add(a, s, "selectionRange", loc_range(a, sel->src ? sel : whole));
    return s;
}

JsonValue *lsp_doc_symbols(Arena *a, LspDoc *d)
{
    if (!d->loaded)
        analyse(d);
    JsonValue *list = jv_array(a);
    if (!d->loaded || d->prog.modules.len == 0)
        return list;
    const Module *m = d->prog.modules.items[0];
    for (int i = 0; i < m->decls.len; i++) {
        const Decl *dc = m->decls.items[i];
        JsonValue *s = NULL;
        if (dc->type == D_TABLE) {
            const Table *t = dc->u.table;
            s = symbol(a, t->name, t->title, SYM_CLASS, &t->loc, &t->name_loc);
            JsonValue *rows = jv_array(a);
            for (int r = 0; r < t->nrows; r++) {
                Loc l = row_loc(t, t->rows[r]);
                jv_push(a, rows, symbol(a, t->rows[r]->name, t->rows[r]->label, SYM_FIELD, &l,
                                        &l));
            }
            jv_add(a, s, "children", rows);
        } else if (dc->type == D_ALLOC) {
            s = symbol(a, dc->u.alloc->name, dc->u.alloc->title, SYM_CLASS, &dc->u.alloc->loc,
                       &dc->u.alloc->name_loc);
        } else if (dc->type == D_PARAM) {
            s = symbol(a, dc->u.param->name, dc->u.param->title, SYM_CONSTANT, &dc->u.param->loc,
                       &dc->u.param->name_loc);
        } else if (dc->type == D_CHECK) {
            s = symbol(a, dc->u.check->name, dc->u.check->title, SYM_FUNCTION, &dc->u.check->loc,
                       &dc->u.check->name_loc);
        } else if (dc->type == D_IMPORT) {
            s = symbol(a, dc->u.import->path, dc->u.import->alias, SYM_MODULE, &dc->u.import->loc,
                       &dc->u.import->loc);
        } else if (dc->type == D_REPORT) {
            s = symbol(a, "report", dc->u.report->title, SYM_NAMESPACE, &dc->u.report->loc,
                       &dc->u.report->loc);
        }
        if (s)
            jv_push(a, list, s);
    }
    return list;
}

JsonValue *lsp_doc_format(Arena *a, LspDoc *d)
{
    Arena pa; /* the parse, to know whether it parses */
    arena_init(&pa);
    Diags diags;
    diags_init(&diags, &pa);
    Interner names;
    interner_init(&names, &pa);
    Module *m;
    Source *src = source_from_text(&pa, d->path, d->text, d->len);
    bool parses = parse_module(&pa, &diags, &names, src, &m) == 0 && diags.errors == 0;
    interner_free(&names);
    arena_free(&pa);
    if (!parses)
        return NULL;
    size_t n;
    char *out = fmt_format(d->text, d->len, &n);
    JsonValue *edits = jv_array(a);
    if (fmt_same_tokens(d->text, d->len, out, n) &&
        (n != d->len || memcmp(out, d->text, n) != 0)) {
        JsonValue *e = jv_object(a);
        jv_add(a, e, "range", range(a, d->text, d->len, 0, d->len));
        jv_add(a, e, "newText", jv_strn(a, out, n));
        jv_push(a, edits, e);
    }
    mem_free(out);
    return edits;
}
