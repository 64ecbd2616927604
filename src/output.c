#include "output.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "mem.h"

/* The outputs whose temporary file exists, for the signal handler to remove: SIGINT or
 * SIGTERM while a report is written must not leave a temporary file behind. A signal
 * handler reaches nothing but globals, so this list is one; only output_open and
 * output_abort change it, each with one store of a pointer, and a temporary name is
 * taken off the list before it is freed. */
static Output *volatile pending;

static void remove_pending(int sig)
{
    for (Output *o = pending; o; o = o->next)
        unlink(o->temp);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void catch_signals(void)
{
    static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
    static volatile sig_atomic_t installed;
    if (installed)
        return;
    installed = 1;
    for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++) {
        struct sigaction now, before;
        if (sigaction(signals[i], NULL, &before) != 0 || before.sa_handler == SIG_IGN)
            continue; /* ignored (nohup): stays ignored */
        memset(&now, 0, sizeof now);
        now.sa_handler = remove_pending;
        sigemptyset(&now.sa_mask);
        for (size_t k = 0; k < sizeof signals / sizeof signals[0]; k++)
            sigaddset(&now.sa_mask, signals[k]);
        sigaction(signals[i], &now, NULL);
    }
}

static void forget(Output *o)
{
    for (Output *volatile *p = &pending; *p; p = &(*p)->next)
        if (*p == o) {
            *p = o->next;
            break;
        }
    o->next = NULL;
}

/* A link is followed as the kernel would follow it when the file is opened: not in a
 * folder anyone may write to that is sticky (/tmp), when the link belongs neither to
 * the user nor to the folder's owner (the protected_symlinks rule), so that a link
 * planted there by another user cannot make finsam write elsewhere. */
static bool may_follow(const char *link, const struct stat *lst)
{
    const char *slash = strrchr(link, '/');
    char dir[PATH_MAX];
    if (!slash)
        strcpy(dir, ".");
    else if ((size_t)(slash - link) < sizeof dir)
        snprintf(dir, sizeof dir, "%.*s", slash == link ? 1 : (int)(slash - link), link);
    else
        return false;
    struct stat st;
    if (stat(dir, &st) != 0)
        return false;
    bool shared = (st.st_mode & S_ISVTX) && (st.st_mode & S_IWOTH);
    return !shared || lst->st_uid == geteuid() || lst->st_uid == st.st_uid;
}

/* The file path names once every symbolic link is followed, link by link, each relative
 * to the folder it is in: link1 -> link2 -> final.html is final.html, written or not.
 * NULL, with the reason, for a link not to follow or a chain too long. */
static char *follow_links(const char *path, const char **why)
{
    char *at = mem_alloc(strlen(path) + 1);
    strcpy(at, path);
    for (int hops = 0;; hops++) {
        struct stat lst;
        if (lstat(at, &lst) != 0 || !S_ISLNK(lst.st_mode))
            return at;
        if (hops == 40) {
            *why = strerror(ELOOP);
            mem_free(at);
            return NULL;
        }
        if (!may_follow(at, &lst)) {
            /* TRANSLATORS: after "cannot write the report: " */
            *why = _("it is a link that another user made in a shared folder, not followed");
            mem_free(at);
            return NULL;
        }
        char target[PATH_MAX];
        ssize_t n = readlink(at, target, sizeof target - 1);
        if (n <= 0) {
            *why = strerror(n < 0 ? errno : ENOENT);
            mem_free(at);
            return NULL;
        }
        target[n] = '\0';
        const char *slash = strrchr(at, '/');
        size_t dir = target[0] == '/' || !slash ? 0 : (size_t)(slash - at) + 1;
        char *next = mem_alloc(dir + (size_t)n + 1);
        memcpy(next, at, dir);
        strcpy(next + dir, target);
        mem_free(at);
        at = next;
    }
}

/* The temporary file's name: in the same folder, so that the rename is atomic, and no
 * longer than a name may be, whatever the length of the report's name. */
static char *temp_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dir = slash ? (size_t)(slash - path) + 1 : 0;
    size_t base = strlen(path) - dir;
    if (base > 200)
        base = 200;
    size_t n = dir + base + 16;
    char *temp = mem_alloc(n);
    snprintf(temp, n, "%.*s%.*s.tmp-XXXXXX", (int)dir, path, (int)base, path + dir);
    return temp;
}

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
    if (!(o->resolved = follow_links(path, why)))
        return false;
    o->path = o->resolved;
    const char *slash = strrchr(o->path, '/');
    if (strlen(slash ? slash + 1 : o->path) > NAME_MAX) {
        *why = strerror(ENAMETOOLONG);
        output_abort(o);
        return false;
    }
    struct stat st;
    bool exists = stat(o->path, &st) == 0;
    if (exists && !S_ISREG(st.st_mode)) {
        if (!(o->file = fopen(o->path, "w"))) {
            *why = strerror(errno);
            output_abort(o);
            return false;
        }
        o->direct = true;
        return true;
    }
    catch_signals();
    o->temp = temp_name(o->path);
    int fd = mkstemp(o->temp);
    if (fd < 0 || !(o->file = fdopen(fd, "w"))) {
        *why = strerror(errno);
        if (fd >= 0) {
            close(fd);
            unlink(o->temp);
        }
        mem_free(o->temp);
        o->temp = NULL;
        output_abort(o);
        return false;
    }
    o->next = pending;
    pending = o;
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
    if (ok) {
        forget(o); /* renamed: nothing to remove */
        mem_free(o->temp);
        o->temp = NULL;
    } else {
        *why = strerror(saved ? saved : EIO);
    }
    output_abort(o);
    return ok;
}

void output_abort(Output *o)
{
    if (o->temp) {
        forget(o);
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
