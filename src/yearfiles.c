#include "yearfiles.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "mem.h"
#include "source.h"

static void add(FileList *list, const char *path)
{
    if (list->len == list->cap) {
        list->cap = list->cap ? list->cap * 2 : 16;
        list->paths = mem_realloc(list->paths, (size_t)list->cap * sizeof *list->paths);
    }
    size_t n = strlen(path);
    list->paths[list->len] = mem_alloc(n + 1);
    memcpy(list->paths[list->len], path, n + 1);
    list->len++;
}

/* The bytes that make a name, as the scanner's NAME does: ASCII letters, digits and '_',
 * and UTF-8 letters, whose lead bytes are C3-F4 but E2 (spaces, the minus sign, operators);
 * C2 (the no-break space) and E2 sequences end a name. */
static bool name_start(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' ||
           (c >= 0xC3 && c <= 0xF4 && c != 0xE2);
}

static bool name_byte(unsigned char c, unsigned char prev)
{
    bool continuation = c >= 0x80 && c <= 0xBF;
    return name_start(c) || (c >= '0' && c <= '9') ||
           (continuation && (name_start(prev) || (prev >= 0x80 && prev <= 0xBF)));
}

/* Whether the text holds the word `report` (or a plan's block) as the scanner reads it: not in a comment or
 * a string, and not part of a longer name, wherever it stands on its line. */
bool yearfiles_has_report(const char *text, size_t len)
{
    const unsigned char *t = (const unsigned char *)text;
    size_t i = 0;
    while (i < len) {
        if (t[i] == '#') {
            while (i < len && t[i] != '\n')
                i++;
        } else if (t[i] == '"') {
            /* a string may not cross a line; a backslash escapes the next character */
            for (i++; i < len && t[i] != '"' && t[i] != '\n'; i++)
                if (t[i] == '\\' && i + 1 < len && t[i + 1] != '\n')
                    i++;
            i++;
        } else if (name_start(t[i])) {
            size_t begin = i;
            for (i++; i < len && name_byte(t[i], t[i - 1]); i++)
                ;
            if (i - begin == 6 && memcmp(t + begin, "report", 6) == 0)
                return true;
            /* a plan's block, `plan "..." {` at the start of a line (a report's entry
             * `plan "plan2025"` is indented, a table named plan follows its kind) */
            if (i - begin == 4 && memcmp(t + begin, "plan", 4) == 0 &&
                (begin == 0 || t[begin - 1] == '\n')) {
                size_t k = i;
                while (k < len && (t[k] == ' ' || t[k] == '\t'))
                    k++;
                if (k < len && (t[k] == '"' || t[k] == '{'))
                    return true;
            }
        } else {
            i++;
        }
    }
    return false;
}

/* Whether a regular file is a year file. It is opened without waiting (a fifo put in
 * the file's place after the folder was read does not hang the walk) and looked at as
 * opened: anything but a regular file is not a year file. A file too large to read is
 * taken, so that the check says so. */
static bool is_year_file(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return true; /* let the check say why it cannot be read */
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > (off_t)SOURCE_MAX_BYTES) {
        bool take = st.st_size > (off_t)SOURCE_MAX_BYTES && S_ISREG(st.st_mode);
        close(fd);
        return take;
    }
    size_t cap = (size_t)st.st_size + 1, len = 0;
    char *buf = mem_alloc(cap);
    ssize_t got;
    while (len < cap && (got = read(fd, buf + len, cap - len)) > 0)
        len += (size_t)got;
    close(fd);
    bool yes = yearfiles_has_report(buf, len);
    mem_free(buf);
    return yes;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The folders a walk has entered, by device and inode, so that a symbolic link back up
 * the tree is not followed round and round. */
typedef struct {
    struct { dev_t dev; ino_t ino; } *items;
    int len, cap;
} Seen;

static bool seen_before(Seen *seen, const struct stat *st)
{
    for (int i = 0; i < seen->len; i++)
        if (seen->items[i].dev == st->st_dev && seen->items[i].ino == st->st_ino)
            return true;
    if (seen->len == seen->cap) {
        seen->cap = seen->cap ? seen->cap * 2 : 16;
        seen->items = mem_realloc(seen->items, (size_t)seen->cap * sizeof *seen->items);
    }
    seen->items[seen->len].dev = st->st_dev;
    seen->items[seen->len].ino = st->st_ino;
    seen->len++;
    return false;
}

/* A walk of the folder given: its real path, which a link followed must stay under. */
typedef struct {
    const char *root;       /* NULL: any link is followed (--allow-outside) */
    Seen seen;
    FILE *err;
} Walk;

/* Whether a link leads out of the folder given: its real path is not under the root's. */
static bool leads_out(const Walk *w, const char *path)
{
    if (!w->root)
        return false;
    char real[PATH_MAX];
    if (!realpath(path, real))
        return false; /* a dangling link: the check says it cannot be read */
    size_t n = strlen(w->root);
    return !(strncmp(real, w->root, n) == 0 && (real[n] == '/' || real[n] == '\0' ||
                                                  (n == 1 && w->root[0] == '/')));
}

static int walk(Walk *w, const char *dir, FileList *out)
{
    struct stat self;
    if (stat(dir, &self) == 0 && seen_before(&w->seen, &self))
        return 0;
    DIR *d = opendir(dir);
    if (!d) {
        diag_line(w->err, _("%s: error: cannot read the folder: %s\n"), dir, strerror(errno));
        return 1;
    }
    FileList names = {0};
    struct dirent *entry;
    while ((entry = readdir(d)))
        if (entry->d_name[0] != '.')
            add(&names, entry->d_name);
    closedir(d);
    if (names.len > 1)
        qsort(names.paths, (size_t)names.len, sizeof *names.paths, by_name);
    int errors = 0;
    size_t dlen = strlen(dir);
    bool slash = dlen > 0 && dir[dlen - 1] == '/';
    for (int i = 0; i < names.len; i++) {
        size_t n = dlen + strlen(names.paths[i]) + 2;
        char *path = mem_alloc(n);
        snprintf(path, n, "%s%s%s", dir, slash ? "" : "/", names.paths[i]);
        struct stat st, lst;
        bool fin = source_named_fin(path);
        bool link = lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode);
        bool found = stat(path, &st) == 0;
        bool is_dir = found && S_ISDIR(st.st_mode);
        /* a fifo, a device or a name without .fin is no year file; a dangling link is
         * taken, for the check to say it cannot be read */
        bool wanted = is_dir || (fin && (!found || S_ISREG(st.st_mode)));
        if (wanted && link && leads_out(w, path))
            diag_line(w->err, _("%s: warning: a link out of the folder given, not followed "
                                "(--allow-outside follows it)\n"), path);
        else if (wanted && is_dir)
            errors += walk(w, path, out);
        else if (wanted && is_year_file(path))
            add(out, path);
        mem_free(path);
    }
    yearfiles_free(&names);
    return errors;
}

int yearfiles_expand(const char *const *args, int nargs, bool allow_outside, FileList *out,
                     FILE *err)
{
    int errors = 0;
    for (int i = 0; i < nargs; i++) {
        struct stat st;
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            out->had_folder = true;
            char root[PATH_MAX];
            Walk w = {allow_outside || !realpath(args[i], root) ? NULL : root, {0}, err};
            errors += walk(&w, args[i], out);
            mem_free(w.seen.items);
        } else {
            add(out, args[i]);
        }
    }
    return errors;
}

void yearfiles_free(FileList *list)
{
    for (int i = 0; i < list->len; i++)
        mem_free(list->paths[i]);
    mem_free(list->paths);
    list->paths = NULL;
    list->len = list->cap = 0;
}
