/* load: reads the year file and, depth first, every file it imports, searching
 * the importing file's folder, then -I, then FINSAM_PATH, then the rules/ that
 * came with finsam. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "parse.h"
#include "program.h"

/* A program with its arena (within `within`, or one that starts with a huge page) and
 * diagnostics, and no names yet. */
static void program_begin(Program *prog, Arena *within, bool huge)
{
    memset(prog, 0, sizeof *prog);
    if (within)
        arena_init_within(&prog->arena, within);
    else if (huge)
        arena_init_huge(&prog->arena);
    else
        arena_init(&prog->arena);
    diags_init(&prog->diags, &prog->arena);
}

void program_init_within(Program *prog, Arena *within)
{
    program_begin(prog, within, false);
    interner_init(&prog->names, &prog->arena);
}

void program_init(Program *prog) { program_init_within(prog, NULL); }

void program_init_huge(Program *prog)
{
    program_begin(prog, NULL, true);
    interner_init(&prog->names, &prog->arena);
}

void program_init_earlier(Program *earlier, Program *first)
{
    first = first->first ? first->first : first;
    /* in the year file's pages: freed with it, as the earlier programs are */
    program_begin(earlier, &first->arena, false);
    earlier->first = first;
    /* its names are interned in first's table: no table of its own to allocate */
    earlier->names.arena = &earlier->arena;
    interner_share(&earlier->names, &earlier->first->names);
}

void program_free(Program *prog)
{
    if (prog->previous) {
        program_free(prog->previous);
        mem_free(prog->previous);
    }
    if (prog->plan) {
        program_free(prog->plan);
        mem_free(prog->plan);
    }
    interner_free(&prog->names);
    mem_free(prog->symbols);
    arena_free(&prog->arena);
}

/* A file's identity: its device and inode, which a symbolic link or another way to
 * the same folder does not change; cheaper to find than its real path. */
typedef struct {
    dev_t dev;
    ino_t ino;
    bool known; /* false if the file could not be looked at: then it is like no other */
} FileId;

static FileId file_id(const char *path)
{
    struct stat st;
    FileId id = {0, 0, false};
    if (stat(path, &st) == 0) {
        id.dev = st.st_dev;
        id.ino = st.st_ino;
        id.known = true;
    }
    return id;
}

static bool same_file(FileId a, FileId b)
{
    return a.known && b.known && a.dev == b.dev && a.ino == b.ino;
}

/* An imported file as the year file's program, or an earlier year's, read and parsed
 * it: the years before take a copy of its module rather than read it again. */
typedef struct {
    FileId id;
    const Source *src;
    const Module *pristine; /* as parsed: never resolved */
} SharedFile;

/* A file being loaded, to recognise it when imported again. */
typedef struct Loading {
    FileId id;
    const Source *src;
    struct Loading *parent;
} Loading;

/* Imports are followed by recursion: a chain deeper than this is refused. */
enum { MAX_IMPORT_DEPTH = 100 };

typedef struct {
    Program *prog;
    Program *first;     /* the year file's program, which keeps the shared files */
    const LoadOptions *opts;
    int depth;
    PtrVec loaded_ids;  /* FileId *: of every file loaded, in step with prog->modules */
    int errors;
} Loader;

/* Whether path is a regular file, or a link to one (*link says which), and its
 * identity: an lstat, and a stat only for a link. */
static bool found_file(const char *path, bool *link, FileId *id)
{
    struct stat st;
    if (lstat(path, &st) != 0)
        return false;
    *link = S_ISLNK(st.st_mode);
    if (*link && stat(path, &st) != 0)
        return false;
    *id = (FileId){st.st_dev, st.st_ino, true};
    return S_ISREG(st.st_mode);
}

static char *dir_of(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return arena_strndup(a, ".", 1);
    return arena_strndup(a, path, slash == path ? 1 : (size_t)(slash - path));
}

static int load_file(Loader *L, const char *path, FileId id, Loading *parent,
                     const Import *im);

/* A path under the current folder is shown relative to it, so that messages and
 * golden tests do not depend on where the project was checked out. */
static const char *display_path(Arena *a, const char *path)
{
    char cwd[PATH_MAX];
    if (path[0] != '/' || !getcwd(cwd, sizeof cwd))
        return path;
    size_t n = strlen(cwd);
    if (strncmp(path, cwd, n) == 0 && path[n] == '/')
        return arena_strndup(a, path + n + 1, strlen(path + n + 1));
    return path;
}

/* Whether a name climbs above the folder it is looked up in: "../x", "a/../../x". */
static bool climbs_out(const char *name)
{
    int depth = 0;
    for (const char *p = name; *p;) {
        size_t n = strcspn(p, "/");
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            if (--depth < 0)
                return true;
        } else if (n > 0 && !(n == 1 && p[0] == '.')) {
            depth++;
        }
        p += n;
        while (*p == '/')
            p++;
    }
    return false;
}

/* Whether the real path of a file is under the real path of a folder. */
static bool real_under(const char *real, const char *dir)
{
    char rdir[PATH_MAX];
    if (!realpath(dir, rdir))
        return false;
    size_t n = strlen(rdir);
    return strncmp(real, rdir, n) == 0 && (real[n] == '/' || (n == 1 && rdir[0] == '/'));
}

/* Whether a name ends in an SIE file's ending: .se, .si or .sie, in either case. */
static bool sie_name(const char *s)
{
    size_t n = strlen(s);
    const char *dot = strrchr(s, '.');
    return dot && dot > s && n - (size_t)(dot - s) <= 4 &&
           (strcasecmp(dot, ".se") == 0 || strcasecmp(dot, ".si") == 0 ||
            strcasecmp(dot, ".sie") == 0);
}

/* Whether no folder in path from rel_at on (the name as looked up in its folder) is a
 * symbolic link, the file itself being none: then the file is where its name says, in
 * the folder it was looked up in whatever links lead to that folder. An lstat for each
 * folder named ("finsam.fin": none), where a real path takes a readlink for every
 * folder from the root. False if one cannot be looked at. */
static bool no_link_in(const char *path, size_t rel_at)
{
    char buf[PATH_MAX];
    size_t n = strlen(path);
    if (n >= sizeof buf || rel_at > n)
        return false;
    memcpy(buf, path, n + 1);
    size_t start = rel_at;
    for (size_t i = rel_at; i < n; i++) { /* to the last '/': the file was looked at */
        if (buf[i] != '/')
            continue;
        size_t len = i - start;
        bool dots = (len == 1 && buf[start] == '.') ||
                    (len == 2 && buf[start] == '.' && buf[start + 1] == '.');
        if (len > 0 && !dots) {
            struct stat st;
            char c = buf[i];
            buf[i] = '\0';
            bool link = lstat(buf, &st) != 0 || S_ISLNK(st.st_mode);
            buf[i] = c;
            if (link)
                return false;
        }
        start = i + 1;
    }
    return true;
}

/* A file found for an import or a previous year must be what its name says, where it
 * says: a rule file (its real name ends in .fin: not "pw.fin" -> /etc/passwd), and,
 * unless --allow-outside, inside the folder it was looked up in once every link in its
 * path is followed ("lnk/secret" with lnk a link to a folder elsewhere). The name's
 * text was checked before; this checks the file the kernel opens. */
static bool stays_a_rule_file(Program *prog, const char *name, const char *path, bool link,
                              const char *dir, size_t rel_at, const LoadOptions *opts, Loc at,
                              bool ledger)
{
    bool confined = !opts->allow_outside && dir;
    const char *slash = strrchr(path, '/');
    const char *real = path;
    char buf[PATH_MAX];
    /* Without a link on the way the file's name and place are as written; only a link
     * needs its real path found. */
    bool direct = !link && (!confined || no_link_in(path, rel_at));
    if (!direct) {
        if (!realpath(path, buf))
            return true; /* gone since: reading it says why */
        real = buf;
    } else if (!slash && snprintf(buf, sizeof buf, "./%s", path) < (int)sizeof buf) {
        real = buf; /* in a folder, as a real path is: ".se" alone is no name with an ending */
    }
    size_t n = strlen(real);
    if (ledger && !sie_name(real)) {
        diag_at(&prog->diags, SEV_ERROR, at, _("%s leads to a file that is not an SIE file "
                                              "(its name does not end in .se, .si or .sie)"),
                path);
        return false;
    }
    if (!ledger && (n < 4 || strcmp(real + n - 4, ".fin") != 0)) {
        diag_at(&prog->diags, SEV_ERROR, at, _("%s leads to a file that is not a rule file "
                                              "(its name does not end in .fin)"), path);
        return false;
    }
    if (direct || !confined || real_under(real, dir))
        return true;
    Diag *g = diag_at(&prog->diags, SEV_ERROR, at, _("\"%s\" leads out of the folder it is "
                                                    "looked up in, through a link, to %s"),
                      name, real);
    diag_note(&prog->diags, g, "%s", _("hint: add the folder with -I DIR and name the file "
                                       "without its folder, or allow this with "
                                       "--allow-outside"));
    return false;
}

/* Finds an import, and its identity in *id; on failure lists every path tried. */
static const char *find(Program *prog, const char *name, const Source *from,
                        const LoadOptions *opts, Loc at, const char *message, bool ledger,
                        FileId *id)
{
    Arena *a = &prog->arena;
    if (!opts->allow_outside && (name[0] == '/' || climbs_out(name))) {
        Diag *g = diag_at(&prog->diags, SEV_ERROR, at,
                          name[0] == '/' ? _("\"%s\" is an absolute path, which a rule file "
                                             "may not name")
                                         : _("\"%s\" climbs out of the folders finsam "
                                             "searches"),
                          name);
        diag_note(&prog->diags, g, "%s", _("hint: add the folder with -I DIR and name the "
                                           "file without its folder, or allow this with "
                                           "--allow-outside"));
        return NULL;
    }
    const char *file = ledger || source_named_fin(name) ? name : arena_printf(a, "%s.fin", name);
    PtrVec dirs = {0};
    ptrvec_push(a, &dirs, dir_of(a, from->path));
    for (int i = 0; i < opts->ninclude; i++)
        ptrvec_push(a, &dirs, (void *)opts->include_dirs[i]);
    for (int i = 0; i < opts->npath; i++)
        ptrvec_push(a, &dirs, (void *)opts->path_dirs[i]);
    if (opts->rules_dir)
        ptrvec_push(a, &dirs, (void *)opts->rules_dir);

    PtrVec tried = {0};
    for (int i = 0; i < dirs.len; i++) {
        const char *dir = dirs.items[i];
        char *candidate = file[0] == '/' ? (char *)file
                          : strcmp(dir, ".") == 0 ? (char *)file
                                                  : arena_printf(a, "%s/%s", dir, file);
        ptrvec_push(a, &tried, candidate);
        bool link;
        if (found_file(candidate, &link, id))
            return stays_a_rule_file(prog, name, candidate, link, file[0] == '/' ? NULL : dir,
                                     candidate == file ? 0 : strlen(dir) + 1, opts, at,
                                     ledger) ? display_path(a, candidate) : NULL;
    }
    Diag *g = diag_at(&prog->diags, SEV_ERROR, at, message, name);
    for (int i = 0; i < tried.len; i++) {
        struct stat st;
        const char *candidate = tried.items[i];
        if (stat(candidate, &st) != 0)
            diag_note(&prog->diags, g, _("not found: %s"), candidate);
        else if (S_ISDIR(st.st_mode))
            diag_note(&prog->diags, g, _("a folder, not a file: %s"), candidate);
        else
            diag_note(&prog->diags, g, _("not a regular file: %s"), candidate);
    }
    diag_note(&prog->diags, g, "%s", _("hint: add a folder to search with -I DIR or "
                                       "FINSAM_PATH"));
    return NULL;
}

const char *program_find(Program *prog, const char *name, const Source *from,
                         const LoadOptions *opts, Loc at, const char *message)
{
    FileId id;
    return find(prog, name, from, opts, at, message, false, &id);
}

const char *program_find_ledger(Program *prog, const char *name, const Source *from,
                                const LoadOptions *opts, Loc at, const char *message)
{
    FileId id;
    return find(prog, name, from, opts, at, message, true, &id);
}

static void load_import(Loader *L, const Import *im, Loading *from)
{
    if (L->depth >= MAX_IMPORT_DEPTH) {
        diag_at(&L->prog->diags, SEV_ERROR, im->loc,
                _("imports nest more than %d files deep here"), MAX_IMPORT_DEPTH);
        L->errors++;
        return;
    }
    FileId id;
    const char *path = find(L->prog, im->path, from->src, L->opts, im->loc,
                            _("cannot find the import \"%s\""), false, &id);
    if (path) {
        L->depth++;
        L->errors += load_file(L, path, id, from, im);
        L->depth--;
    } else {
        L->errors++;
    }
}

static const SharedFile *shared_file(const Program *first, FileId id)
{
    for (int i = 0; i < first->shared.len; i++) {
        const SharedFile *f = first->shared.items[i];
        if (same_file(f->id, id))
            return f;
    }
    return NULL;
}

/* Whether text is an SIE file (a ledger's export): its first record is one that opens
 * such a file. In a rule file the line would be a comment, and the whole ledger with it. */
static bool is_sie_text(const char *s)
{
    static const char *const opening[] = {"#FLAGGA", "#PROGRAM", "#FORMAT", "#SIETYP"};
    s += strspn(s, " \t\r\n");
    for (size_t i = 0; i < sizeof opening / sizeof *opening; i++) {
        size_t n = strlen(opening[i]);
        if (strncmp(s, opening[i], n) == 0 && (s[n] == ' ' || s[n] == '\t'))
            return true;
    }
    return false;
}

static bool named(const char *path, const char *suffix)
{
    size_t n = strlen(path), k = strlen(suffix);
    return n > k && strcasecmp(path + n - k, suffix) == 0;
}

/* A file given by a name that does not end in .fin, and that does not parse: most
 * likely no finsam file at all (a report's text, a review, notes). Its first error is
 * kept, with what the file most likely is; the rest would say the same again. */
static void not_finsam(Diags *d, int said, int errors_before, const char *path)
{
    int first = said;
    while (first < d->list.len && ((Diag *)d->list.items[first])->severity != SEV_ERROR)
        first++;
    if (first == d->list.len)
        return;
    d->list.len = first + 1;
    d->errors = errors_before + 1;
    Diag *g = d->list.items[first];
    diag_note(d, g, "%s", _("its name does not end in .fin, and it does not read as finsam's "
                            "language: its other errors are not shown"));
    if (named(path, ".txt"))
        diag_note(d, g, _("hint: a report's text makes a first year file with finsam draft %s "
                          "-o YEAR.fin"),
                  path);
    else if (named(path, ".review"))
        diag_note(d, g, _("hint: an auditor's review is given with its year file: finsam check "
                          "--review=%s YEAR.fin"),
                  path);
    else if (sie_name(path))
        diag_note(d, g, _("hint: a ledger exported as SIE is checked with finsam sie %s"), path);
    else
        diag_note(d, g, "%s", _("hint: finsam checks year files and rule files, named NAME.fin"));
}

/* Reads and parses a file, or copies it from an earlier year's reading; the number of
 * errors, with *out the module (NULL if the file could not be read). */
static int read_module(Loader *L, const char *path, FileId id, const Import *im, Module **out)
{
    Program *prog = L->prog;
    Arena *a = &prog->arena;
    *out = NULL;
    const SharedFile *shared = im ? shared_file(L->first, id) : NULL;
    if (shared) {
        Source *src = arena_alloc(a, sizeof *src);
        *src = *shared->src; /* the same text, path and kind; lines found anew if needed */
        src->line_starts = NULL;
        src->nlines = 0;
        src->arena = a;
        src->index = prog->modules.len;
        *out = module_clone(a, shared->pristine, shared->src, src);
        return 0;
    }
    const char *why;
    Source *src = source_read(a, path, &why);
    if (!src) {
        Diag *g = diag_file(&prog->diags, path, _("cannot read: %s"), why);
        const char *fin = im || source_named_fin(path) ? NULL : arena_printf(a, "%s.fin", path);
        if (fin && access(fin, F_OK) == 0)
            diag_note(&prog->diags, g, _("hint: did you mean %s?"), fin);
        return 1;
    }
    if (im && !src->quotable) {
        /* a link with a rule file's name that leads elsewhere: not read, not quoted */
        diag_at(&prog->diags, SEV_ERROR, im->loc,
                _("%s leads to a file that is not a rule file (its name does not end in .fin)"),
                path);
        return 1;
    }
    if (is_sie_text(src->text)) {
        const char *slash = strrchr(path, '/');
        Diag *g = diag_file(&prog->diags, path, "%s",
                            _("an SIE file (a ledger), not a finsam file"));
        diag_note(&prog->diags, g, _("hint: check it with finsam sie %s; a year file beside it "
                                     "names it in its report block: ledger \"%s\""),
                  path, slash ? slash + 1 : path);
        return 1;
    }
    src->index = prog->modules.len;
    int said = prog->diags.list.len, errors_before = prog->diags.errors;
    int errors = parse_module(a, &prog->diags, &prog->names, src, out);
    if (errors && !im && !source_named_fin(path)) {
        not_finsam(&prog->diags, said, errors_before, path);
        errors = 1;
    }
    if (im && !errors && id.known) {
        /* kept for the years before, as parsed: this program resolves its own */
        SharedFile *f = arena_alloc(a, sizeof *f);
        f->id = id;
        f->src = src;
        f->pristine = module_clone(a, *out, src, src);
        ptrvec_push(&L->first->arena, &L->first->shared, f);
    }
    return errors;
}

/* id: the file's identity, as found (find) or looked up (file_id). */
static int load_file(Loader *L, const char *path, FileId id, Loading *parent,
                     const Import *im)
{
    Program *prog = L->prog;
    Arena *a = &prog->arena;

    for (Loading *up = parent; up; up = up->parent)
        if (same_file(up->id, id)) {
            const char *chain = arena_printf(a, "%s -> %s", parent->src->path, up->src->path);
            for (Loading *k = parent; k != up; k = k->parent)
                chain = arena_printf(a, "%s -> %s", k->parent->src->path, chain);
            Diag *g = diag_at(&prog->diags, SEV_ERROR, im->loc,
                              _("import cycle: %s imports %s, which is already being loaded"),
                              parent->src->path, up->src->path);
            diag_note(&prog->diags, g, _("the cycle: %s"), chain);
            diag_note(&prog->diags, g, "%s", _("hint: a rule set must not import the files "
                                               "that import it"));
            return 1;
        }
    for (int i = 0; i < L->loaded_ids.len; i++)
        if (same_file(*(FileId *)L->loaded_ids.items[i], id)) {
            /* already loaded through another import: under the same name, or none */
            Module *m = prog->modules.items[i];
            const char *alias = im ? im->alias : NULL;
            if (m->ns == alias)
                return 0;
            Diag *g = diag_at(&prog->diags, SEV_ERROR, im->loc,
                              _("%s is imported both as '%s' and as '%s'"), m->src->path,
                              m->ns ? m->ns : _("(no name)"), alias ? alias : _("(no name)"));
            int line, col;
            source_line_col(m->ns_at.src, m->ns_at.start, &line, &col);
            if (m->ns_at.src)
                diag_note(&prog->diags, g, _("first imported at %s:%d:%d"), m->ns_at.src->path,
                          line, col);
            return 1;
        }

    Module *m;
    int errors = read_module(L, path, id, im, &m);
    if (!m)
        return errors;
    const Source *src = m->src;
    if (im) {
        m->ns = im->alias;
        m->ns_at = im->loc;
    }
    FileId *kept = arena_alloc(a, sizeof *kept);
    *kept = id;
    ptrvec_push(a, &prog->modules, m);
    ptrvec_push(a, &L->loaded_ids, kept); /* in step with prog->modules */

    Loading self = {id, src, parent};
    for (int i = 0; i < m->decls.len; i++) {
        Decl *d = m->decls.items[i];
        if (d->type == D_IMPORT)
            load_import(L, d->u.import, &self);
    }
    ptrvec_push(a, &prog->imports_first, m);
    return errors;
}

int program_load(Program *prog, const char *path, const LoadOptions *opts)
{
    Loader L = {0};
    L.prog = prog;
    L.first = prog->first ? prog->first : prog;
    L.opts = opts;
    L.errors += load_file(&L, path, file_id(path), NULL, NULL);
    /* after the year file, so that it stays modules[0]: the year file checked */
    for (int i = 0; i < opts->nrules && !L.errors; i++)
        L.errors += load_file(&L, opts->rules[i], file_id(opts->rules[i]), NULL, NULL);
    return L.errors;
}

const char *program_entry_file(Program *prog, const Report *r, const char *key,
                               const LoadOptions *opts, const char *usage,
                               const char *not_found, const ReportEntry **entry,
                               int *errors)
{
    *errors = 0;
    const ReportEntry *e = NULL;
    for (int i = 0; r && i < r->entries.len && !e; i++)
        if (strcmp(((const ReportEntry *)r->entries.items[i])->key, key) == 0)
            e = r->entries.items[i];
    *entry = e;
    if (!e)
        return NULL;
    if (!e->text) {
        diag_at(&prog->diags, SEV_ERROR, e->loc, "%s", usage);
        *errors = 1;
        return NULL;
    }
    const char *path = program_find(prog, e->text, e->loc.src, opts, e->loc, not_found);
    *errors = !path;
    return path;
}
