/* measure: runs a command and reports its wall time and peak memory.
 *
 *     measure [-n RUNS] [-o FILE] COMMAND [ARG...]
 *
 * Runs COMMAND RUNS times (default 1), one after the other, with this process's
 * stdin, stdout and stderr. Then writes one line to FILE (default: stderr, after
 * whatever the command wrote there):
 *
 *     runs=1 wall_s=0.123456 peak_rss_kb=10240 status=0 cpu_s=0.120000
 *
 * wall_s is the total wall-clock time of all runs (CLOCK_MONOTONIC), peak_rss_kb the
 * largest resident set of any run (wait4's ru_maxrss), status the exit status of the
 * last run (128+N if a signal N ended it, 127 if it could not be started), cpu_s the
 * user and system time of all runs. The exit
 * status of measure is that status, or 2 for bad usage. */
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
    fprintf(stderr, "usage: measure [-n RUNS] [-o FILE] COMMAND [ARG...]\n");
    return 2;
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
            if (*end != '\0' || runs < 1)
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
    char **cmd = argv + i;

    long peak_kb = 0;
    double cpu = 0; /* user and system time of the runs: what the machine's load does not change */
    int status = 0;
    double start = now();
    for (long r = 0; r < runs; r++) {
        fflush(NULL);
        pid_t pid = fork();
        if (pid < 0) {
            perror("measure: fork");
            return 2;
        }
        if (pid == 0) {
            execvp(cmd[0], cmd);
            fprintf(stderr, "measure: cannot run %s: %s\n", cmd[0], strerror(errno));
            _exit(127);
        }
        int ws;
        struct rusage ru;
        pid_t got;
        do
            got = wait4(pid, &ws, 0, &ru);
        while (got < 0 && errno == EINTR);
        if (got < 0) {
            perror("measure: wait4");
            return 2;
        }
        cpu += (double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
               (double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6;
        if (ru.ru_maxrss > peak_kb)
            peak_kb = ru.ru_maxrss; /* kilobytes on Linux */
        status = WIFEXITED(ws) ? WEXITSTATUS(ws) : 128 + WTERMSIG(ws);
        if (status == 127)
            break; /* it could not be started: once is enough */
    }
    double wall = now() - start;

    FILE *out = stderr;
    if (outfile && !(out = fopen(outfile, "w"))) {
        fprintf(stderr, "measure: cannot write %s: %s\n", outfile, strerror(errno));
        return 2;
    }
    fprintf(out, "runs=%ld wall_s=%.6f peak_rss_kb=%ld status=%d cpu_s=%.6f\n", runs, wall,
            peak_kb, status, cpu);
    if (out != stderr && fclose(out) != 0) {
        fprintf(stderr, "measure: cannot write %s: %s\n", outfile, strerror(errno));
        return 2;
    }
    return status;
}
