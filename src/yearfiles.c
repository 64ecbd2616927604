#include "yearfiles.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "mem.h"

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

/* Whether the text holds the word `report` as the scanner reads it: not in a comment or
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
        } else {
            i++;
        }
    }
    return false;
}

static bool is_year_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return true; /* let the check say why it cannot be read */
    size_t cap = 1 << 16, len = 0, got;
    char *buf = mem_alloc(cap);
    while ((got = fread(buf + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            cap *= 2;
            buf = mem_realloc(buf, cap);
        }
    }
    fclose(f);
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

static int walk(const char *dir, FileList *out, FILE *err, Seen *seen)
{
    struct stat self;
    if (stat(dir, &self) == 0 && seen_before(seen, &self))
        return 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(err, _("%s: error: cannot read the folder: %s\n"), dir, strerror(errno));
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
        struct stat st;
        size_t plen = strlen(path);
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
            errors += walk(path, out, err, seen);
        else if (plen > 4 && strcmp(path + plen - 4, ".fin") == 0 && is_year_file(path))
            add(out, path);
        mem_free(path);
    }
    yearfiles_free(&names);
    return errors;
}

int yearfiles_expand(const char *const *args, int nargs, FileList *out, FILE *err)
{
    int errors = 0;
    for (int i = 0; i < nargs; i++) {
        struct stat st;
        if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            out->had_folder = true;
            Seen seen = {0};
            errors += walk(args[i], out, err, &seen);
            mem_free(seen.items);
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
