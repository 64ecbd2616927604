#include "output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
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
    size_t n = strlen(path);
    o->temp = mem_alloc(n + 16);
    snprintf(o->temp, n + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(o->temp);
    if (fd < 0 || !(o->file = fdopen(fd, "w"))) {
        *why = strerror(errno);
        if (fd >= 0)
            close(fd);
        mem_free(o->temp);
        o->temp = NULL;
        return false;
    }
    return true;
}

bool output_commit(Output *o, const char **why)
{
    bool ok = fflush(o->file) == 0 && !ferror(o->file);
    int saved = errno;
    if (!o->temp) {
        if (!ok)
            *why = strerror(saved ? saved : EIO);
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
    return ok;
}

void output_abort(Output *o)
{
    if (!o->temp)
        return;
    if (o->file)
        fclose(o->file);
    unlink(o->temp);
    mem_free(o->temp);
    o->temp = NULL;
}
