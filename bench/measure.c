/* measure: runs commands in turn and reports the median wall time and peak memory of
 * each.
 *
 *     measure [-n RUNS] [-o FILE] COMMAND [ARG...] [:: COMMAND [ARG...]]...
 *
 * Runs RUNS rounds (default 1); in each round every COMMAND once, one after the other,
 * with this process's stdin, stdout and stderr. Commands take turns rather than each
 * running RUNS times in a row, so that a load that comes and goes on a shared machine
 * falls on all of them alike; the median of the runs drops the slowest. Then writes
 * one line per command, in the order given, to FILE (default: stderr):
 *
 *     cmd=0 runs=21 median_s=0.004412 min_s=0.004101 cpu_s=0.003012 peak_rss_kb=10240 status=0
 *
 * median_s and min_s are wall-clock times of one run (CLOCK_MONOTONIC), cpu_s the
 * median processor time of one run (user and system, wait4's rusage), which a loaded
 * machine changes less than the wall-clock time; peak_rss_kb the
 * largest resident set of any run (wait4's ru_maxrss), status the exit status of the
 * last run (128+N if a signal N ended it, 127 if it could not be started). The exit
 * status of measure is 0, or 2 for bad usage or a failure to fork or write. */
#define _DEFAULT_SOURCE /* wait4 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int usage(void)
{
    fprintf(stderr, "usage: measure [-n RUNS] [-o FILE] COMMAND [ARG...] [:: COMMAND [ARG...]]...\n");
    return 2;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median_of(const double *sorted, long n)
{
    return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

typedef struct {
    char **argv;
    double *walls, *cpus;
    long peak_kb;
    int status;
} Command;

/* Runs one command once; its wall time, or a negative number if it could not fork;
 * its processor time in *cpu. */
static double run(Command *c, double *cpu)
{
    fflush(NULL);
    double start = now();
    pid_t pid = fork();
    if (pid < 0) {
        perror("measure: fork");
        return -1;
    }
    if (pid == 0) {
        execvp(c->argv[0], c->argv);
        fprintf(stderr, "measure: cannot run %s: %s\n", c->argv[0], strerror(errno));
        _exit(127);
    }
    int ws;
    struct rusage ru;
    pid_t got;
    do
        got = wait4(pid, &ws, 0, &ru);
    while (got < 0 && errno == EINTR);
    double wall = now() - start;
    if (got < 0) {
        perror("measure: wait4");
        return -1;
    }
    *cpu = (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
           (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
    if (ru.ru_maxrss > c->peak_kb)
        c->peak_kb = ru.ru_maxrss; /* kilobytes on Linux */
    c->status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
    return wall;
}

int main(int argc, char **argv)
{
    long runs = 1;
    const char *outfile = NULL;
    int i = 1;
    while (i < argc && argv[i][0] == '-') {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (strcmp(argv[i], "-n") == 0 && i + 1 < argc) {
            char *end;
            runs = strtol(argv[i + 1], &end, 10);
            if (*end != '\0' || runs < 1 || runs > 100000)
                return usage();
            i += 2;
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            outfile = argv[i + 1];
            i += 2;
        } else {
            return usage();
        }
    }
    if (i >= argc)
        return usage();

    /* The commands: argv from i on, split at each "::" (which becomes their NULL). */
    int ncmd = 0;
    Command *cmds = calloc((size_t)argc, sizeof *cmds);
    if (!cmds)
        return 2;
    for (int start = i; start < argc;) {
        int end = start;
        while (end < argc && strcmp(argv[end], "::") != 0)
            end++;
        if (end == start)
            return usage();
        cmds[ncmd].argv = argv + start;
        cmds[ncmd].walls = calloc((size_t)runs, sizeof(double));
        cmds[ncmd].cpus = calloc((size_t)runs, sizeof(double));
        if (!cmds[ncmd].walls || !cmds[ncmd].cpus)
            return 2;
        ncmd++;
        if (end < argc)
            argv[end] = NULL;
        start = end + 1;
    }

    for (long r = 0; r < runs; r++)
        for (int k = 0; k < ncmd; k++) {
            if (cmds[k].status == 127) {
                cmds[k].walls[r] = cmds[k].cpus[r] = 0; /* not started: once is enough */
                continue;
            }
            double w = run(&cmds[k], &cmds[k].cpus[r]);
            if (w < 0)
                return 2;
            cmds[k].walls[r] = w;
        }

    FILE *out = stderr;
    if (outfile && !(out = fopen(outfile, "w"))) {
        fprintf(stderr, "measure: cannot write %s: %s\n", outfile, strerror(errno));
        return 2;
    }
    for (int k = 0; k < ncmd; k++) {
        double *w = cmds[k].walls;
        double *u = cmds[k].cpus;
        qsort(w, (size_t)runs, sizeof *w, by_value);
        qsort(u, (size_t)runs, sizeof *u, by_value);
        fprintf(out,
                "cmd=%d runs=%ld median_s=%.6f min_s=%.6f cpu_s=%.6f peak_rss_kb=%ld status=%d\n",
                k, runs, median_of(w, runs), w[0], median_of(u, runs), cmds[k].peak_kb,
                cmds[k].status);
    }
    if (out != stderr && fclose(out) != 0) {
        fprintf(stderr, "measure: cannot write %s: %s\n", outfile, strerror(errno));
        return 2;
    }
    return 0;
}
