/* Unit tests for output: where a report goes, through links, under any name, and what
 * is left when finsam is stopped while writing. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>

#include "helpers.h"
#include "output.h"

typedef struct {
    char dir[64];
} Fixture;

static int setup(void **state)
{
    Fixture *fx = calloc(1, sizeof *fx);
    const char *tmp = getenv("TMPDIR");
    snprintf(fx->dir, sizeof fx->dir, "%s/finsam-out.XXXXXX",
             tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(fx->dir))
        return -1;
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    Fixture *fx = *state;
    remove_tree(fx->dir);
    free(fx);
    return 0;
}

/* The names in the folder, sorted, separated by spaces. */
static const char *listing(const char *dir)
{
    static char buf[4096];
    char *names[64];
    int n = 0;
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *e;
    while ((e = readdir(d)) && n < 64)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            names[n++] = strdup(e->d_name);
    closedir(d);
    for (int i = 0; i < n; i++)
        for (int k = i + 1; k < n; k++)
            if (strcmp(names[k], names[i]) < 0) {
                char *t = names[i];
                names[i] = names[k];
                names[k] = t;
            }
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(buf, " ");
        strncat(buf, names[i], sizeof buf - strlen(buf) - 2);
        free(names[i]);
    }
    return buf;
}

static void write_report(const char *path, const char *text)
{
    Output o;
    const char *why = NULL;
    assert_true(output_open(&o, path, &why));
    fputs(text, o.file);
    assert_true(output_commit(&o, &why));
}

static void test_chain_of_dangling_links(void **state)
{
    /* Regression: link1 -> link2 -> final.html turned link2 into a regular file and
     * never wrote final.html. */
    Fixture *fx = *state;
    char link1[128], link2[128], final[128];
    snprintf(link1, sizeof link1, "%s/link1", fx->dir);
    snprintf(link2, sizeof link2, "%s/link2", fx->dir);
    snprintf(final, sizeof final, "%s/final.html", fx->dir);
    assert_int_equal(symlink("link2", link1), 0);
    assert_int_equal(symlink("final.html", link2), 0);
    write_report(link1, "report\n");
    struct stat st;
    assert_int_equal(lstat(link2, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_int_equal(lstat(final, &st), 0);
    assert_true(S_ISREG(st.st_mode));
    assert_int_equal(st.st_size, 7);
    assert_string_equal(listing(fx->dir), "final.html link1 link2");
}

static void test_name_of_255_bytes(void **state)
{
    /* Regression: the temporary name was the name and ".tmp-XXXXXX", too long for a
     * name of 245 to 255 bytes. */
    Fixture *fx = *state;
    char path[512], name[256];
    memset(name, 'n', 255);
    name[255] = '\0';
    memcpy(name + 251, ".csv", 4);
    snprintf(path, sizeof path, "%s/%s", fx->dir, name);
    write_report(path, "a;b\n");
    assert_string_equal(listing(fx->dir), name);
    /* a name longer than a name may be is refused before anything is written */
    char longer[600];
    snprintf(longer, sizeof longer, "%s/%sx", fx->dir, name);
    Output o;
    const char *why = NULL;
    assert_false(output_open(&o, longer, &why));
    assert_non_null(why);
    assert_string_equal(listing(fx->dir), name);
}

static void test_link_of_another_user_in_a_shared_folder(void **state)
{
    /* Regression: a link another user put in a sticky folder anyone may write to was
     * followed, where the kernel refuses to follow it. Needs root to give the link to
     * another user. */
    Fixture *fx = *state;
    if (geteuid() != 0) {
        skip();
        return;
    }
    char shared[128], link[160], target[128];
    snprintf(shared, sizeof shared, "%s/shared", fx->dir);
    snprintf(link, sizeof link, "%s/report.html", shared);
    snprintf(target, sizeof target, "%s/victim", fx->dir);
    assert_int_equal(mkdir(shared, 0777), 0);
    assert_int_equal(chmod(shared, 01777), 0);
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(lchown(link, 65534, 65534), 0);
    Output o;
    const char *why = NULL;
    assert_false(output_open(&o, link, &why));
    assert_non_null(strstr(why, "another user"));
    struct stat st;
    assert_int_not_equal(lstat(target, &st), 0); /* nothing made through the link */
    /* the user's own link there is followed */
    assert_int_equal(lchown(link, 0, 0), 0);
    write_report(link, "mine\n");
    assert_int_equal(lstat(target, &st), 0);
}

static void test_signal_removes_the_temporary_file(void **state)
{
    /* Regression: SIGINT or SIGTERM while a report was written left the *.tmp-XXXXXX
     * file behind. */
    Fixture *fx = *state;
    int sigs[] = {SIGINT, SIGTERM};
    for (int k = 0; k < 2; k++) {
        char path[128];
        snprintf(path, sizeof path, "%s/report-%d.txt", fx->dir, k);
        fflush(NULL);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            Output o;
            const char *why = NULL;
            if (!output_open(&o, path, &why))
                _exit(3);
            fputs("half a report", o.file);
            fflush(o.file);
            raise(sigs[k]);
            _exit(4); /* not reached: the signal ends the process */
        }
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        assert_true(WIFSIGNALED(status));
        assert_int_equal(WTERMSIG(status), sigs[k]);
        assert_string_equal(listing(fx->dir), "");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_chain_of_dangling_links, setup, teardown),
        cmocka_unit_test_setup_teardown(test_name_of_255_bytes, setup, teardown),
        cmocka_unit_test_setup_teardown(test_link_of_another_user_in_a_shared_folder, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(test_signal_removes_the_temporary_file, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
