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

bool yearfiles_has_report(const char *text, size_t len)
{
    bool line_start = true;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == '#' || c == '"') {
            /* a comment runs to the end of the line; a string may not cross one */
            char end = c == '#' ? '\n' : '"';
            for (i++; i < len && text[i] != end && text[i] != '\n'; i++)
                ;
            line_start = i < len && text[i] == '\n';
            continue;
        }
        if (c == '\n') {
            line_start = true;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r')
            continue;
        if (line_start && len - i > 6 && strncmp(text + i, "report", 6) == 0 &&
            strchr(" \t\r\n\"{", text[i + 6]))
            return true;
        line_start = false;
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

static int walk(const char *dir, FileList *out, FILE *err)
{
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
            errors += walk(path, out, err);
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
            errors += walk(args[i], out, err);
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
