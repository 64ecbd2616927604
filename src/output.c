#include "output.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"

bool output_open(Output *o, const char *path, const char **why)
{
    memset(o, 0, sizeof *o);
    o->path = path;
    if (!path || strcmp(path, "-") == 0) {
        o->file = stdout;
        return true;
    }
    /* A report written through a symbolic link goes where the link points, and the
     * link stays; a device or a pipe (/dev/stdout, a fifo) is written as it is. */
    char real[PATH_MAX];
    struct stat st;
    bool exists = stat(path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        if (!(o->file = fopen(path, "w"))) {
            *why = strerror(errno);
            return false;
        }
        o->direct = true;
        return true;
    }
    struct stat lst;
    if (exists && realpath(path, real)) {
        o->resolved = mem_alloc(strlen(real) + 1);
        strcpy(o->resolved, real);
        o->path = o->resolved;
    } else if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode)) {
        /* a link to a report not written yet: write it where the link points */
        ssize_t n = readlink(path, real, sizeof real - 1);
        if (n > 0) {
            real[n] = '\0';
            const char *slash = strrchr(path, '/');
            size_t dir = real[0] == '/' || !slash ? 0 : (size_t)(slash - path) + 1;
            o->resolved = mem_alloc(dir + (size_t)n + 1);
            memcpy(o->resolved, path, dir);
            strcpy(o->resolved + dir, real);
            o->path = o->resolved;
        }
    }
    size_t n = strlen(o->path);
    o->temp = mem_alloc(n + 16);
    snprintf(o->temp, n + 16, "%s.tmp-XXXXXX", o->path);
    int fd = mkstemp(o->temp);
    if (fd < 0 || !(o->file = fdopen(fd, "w"))) {
        *why = strerror(errno);
        if (fd >= 0)
            close(fd);
        output_abort(o);
        return false;
    }
    /* the modes a new file would have: the old report's, or what the umask allows
     * (mkstemp makes it private) */
    mode_t mode;
    if (exists) {
        mode = st.st_mode & 07777;
    } else {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    fchmod(fd, mode);
    return true;
}

bool output_commit(Output *o, const char **why)
{
    bool ok = fflush(o->file) == 0 && !ferror(o->file);
    int saved = errno;
    if (!o->temp) {
        if (o->direct)
            ok = fclose(o->file) == 0 && ok;
        o->file = NULL;
        if (!ok)
            *why = strerror(saved ? saved : EIO);
        output_abort(o);
        return ok;
    }
    ok = ok && fsync(fileno(o->file)) == 0;
    saved = errno;
    ok = fclose(o->file) == 0 && ok;
    o->file = NULL;
    if (ok && rename(o->temp, o->path) != 0) {
        saved = errno;
        ok = false;
    }
    if (!ok) {
        *why = strerror(saved ? saved : EIO);
        unlink(o->temp);
    }
    mem_free(o->temp);
    o->temp = NULL;
    output_abort(o);
    return ok;
}

void output_abort(Output *o)
{
    if (o->temp) {
        if (o->file)
            fclose(o->file);
        o->file = NULL;
        unlink(o->temp);
        mem_free(o->temp);
        o->temp = NULL;
    }
    if (o->direct && o->file)
        fclose(o->file);
    o->file = NULL;
    mem_free(o->resolved);
    o->resolved = NULL;
}
