/* fuzz_check: libFuzzer harness over the whole of `finsam check` and `finsam rules`:
 * scan, parse, load (imports), resolve, the previous years' files, evaluate, and every
 * writer (diagnostics, findings, summary, rules listing, JSON).
 *
 * The input is one or more files. A line that starts with "#%%" (a comment to finsam,
 * so every seed is also a valid .fin file) starts the next file; the rest of that line
 * may name it ("#%% federation" makes federation.fin, so `import "federation"` or
 * `previous "federation"` in the year file finds it). Without a name, or with a name
 * already taken, the files are called a.fin, b.fin, ... The first part is the year file,
 * y.fin. At most MAX_PARTS files; later markers are text.
 *
 * The files are written to a temporary folder made once per process, checked, and
 * removed again, so that nothing of one input is seen by the next. Imports that no part
 * provides are searched in the project's rules/ (FINSAM_RULES_DIR), so `import "finsam"`
 * loads the national rules.
 *
 * Besides crashes, sanitizer reports and leaks, the harness aborts when:
 *   - the pipeline reports success while an error is recorded in the diagnostics (an
 *     error that would never be shown);
 *   - the summary's counts do not add up (checks != passed + failed + warnings);
 *   - the JSON writer produces text that is not valid JSON (RFC 8259, UTF-8).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "eval.h"
#include "program.h"
#include "write_json.h"
#include "write_rules.h"
#include "write_text.h"

#ifndef FINSAM_RULES_DIR
#define FINSAM_RULES_DIR "rules"
#endif

enum { MAX_PARTS = 8, MAX_NAME = 32 };

static char tmpdir[4096];
static const char *const default_names[MAX_PARTS] = { "y", "a", "b", "c", "d", "e", "f", "g" };

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_check: invariant failed: %s%s%s\n", what, detail ? ": " : "",
            detail ? detail : "");
    abort();
}

static void remove_tmpdir(void)
{
    if (tmpdir[0])
        rmdir(tmpdir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    snprintf(tmpdir, sizeof tmpdir, "%s/fuzz_check.XXXXXX", base);
    if (!mkdtemp(tmpdir)) {
        perror("fuzz_check: mkdtemp");
        exit(1);
    }
    atexit(remove_tmpdir);
    return 0;
}

/* ---- splitting the input into files ---------------------------------------------- */

typedef struct {
    char name[MAX_NAME + 1];
    const uint8_t *data;
    size_t len;
} Part;

static bool name_char(uint8_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

static bool name_taken(const Part *parts, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(parts[i].name, name) == 0)
            return true;
    return false;
}

static int split(const uint8_t *data, size_t size, Part *parts)
{
    int n = 0;
    parts[0].data = data;
    strcpy(parts[0].name, default_names[0]);
    size_t line = 0;
    while (line < size) {
        const uint8_t *nl = memchr(data + line, '\n', size - line);
        size_t next = nl ? (size_t)(nl - data) + 1 : size;
        if (n + 1 < MAX_PARTS && next - line >= 3 && memcmp(data + line, "#%%", 3) == 0) {
            parts[n].len = (size_t)(data + line - parts[n].data);
            n++;
            /* the name after the marker, if any */
            size_t i = line + 3;
            while (i < next && data[i] == ' ')
                i++;
            size_t k = 0;
            char name[MAX_NAME + 1];
            while (i < next && k < MAX_NAME && name_char(data[i]))
                name[k++] = (char)data[i++];
            name[k] = '\0';
            if (k == 0 || name_taken(parts, n, name))
                snprintf(name, sizeof name, "%s", default_names[n]);
            if (name_taken(parts, n, name))
                snprintf(name, sizeof name, "part%d", n);
            strcpy(parts[n].name, name);
            parts[n].data = data + next;
        }
        line = next;
    }
    parts[n].len = (size_t)(data + size - parts[n].data);
    return n + 1;
}

static void part_path(char *buf, size_t cap, const Part *p)
{
    snprintf(buf, cap, "%s/%s.fin", tmpdir, p->name);
}

static void write_part(const Part *p)
{
    char path[4200];
    part_path(path, sizeof path, p);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd < 0) {
        perror("fuzz_check: open");
        exit(1);
    }
    size_t done = 0;
    while (done < p->len) {
        ssize_t w = write(fd, p->data + done, p->len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            perror("fuzz_check: write");
            exit(1);
        }
        done += (size_t)w;
    }
    close(fd);
}

/* ---- a JSON validator (RFC 8259, UTF-8) -------------------------------------------- */

typedef struct {
    const unsigned char *s;
    size_t i, n;
    int depth;
} JsonIn;

static void jws(JsonIn *j)
{
    while (j->i < j->n && (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' ||
                           j->s[j->i] == '\r'))
        j->i++;
}

static bool jlit(JsonIn *j, const char *lit)
{
    size_t k = strlen(lit);
    if (j->n - j->i < k || memcmp(j->s + j->i, lit, k) != 0)
        return false;
    j->i += k;
    return true;
}

static bool jhex(unsigned char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* One UTF-8 character at s[i], well formed (no overlongs, no surrogates); its length or 0. */
static size_t utf8_len(const unsigned char *s, size_t i, size_t n)
{
    unsigned char c = s[i];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        if (c == 0xED)
            hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        if (c == 0xF4)
            hi = 0x8F;
    } else
        return 0;
    if (n - i < len)
        return 0;
    if (s[i + 1] < lo || s[i + 1] > hi)
        return 0;
    for (size_t k = 2; k < len; k++)
        if (s[i + k] < 0x80 || s[i + k] > 0xBF)
            return 0;
    return len;
}

static bool jstring(JsonIn *j)
{
    if (j->i >= j->n || j->s[j->i] != '"')
        return false;
    j->i++;
    while (j->i < j->n) {
        unsigned char c = j->s[j->i];
        if (c == '"') {
            j->i++;
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            j->i++;
            if (j->i >= j->n)
                return false;
            c = j->s[j->i++];
            if (c == 'u') {
                for (int k = 0; k < 4; k++, j->i++)
                    if (j->i >= j->n || !jhex(j->s[j->i]))
                        return false;
            } else if (!strchr("\"\\/bfnrt", c) || c == 0) {
                return false;
            }
            continue;
        }
        size_t len = utf8_len(j->s, j->i, j->n);
        if (len == 0)
            return false;
        j->i += len;
    }
    return false;
}

static bool jnumber(JsonIn *j)
{
    size_t start = j->i;
    if (j->i < j->n && j->s[j->i] == '-')
        j->i++;
    if (j->i >= j->n)
        return false;
    if (j->s[j->i] == '0')
        j->i++;
    else if (j->s[j->i] >= '1' && j->s[j->i] <= '9')
        while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            j->i++;
    else
        return false;
    if (j->i < j->n && j->s[j->i] == '.') {
        j->i++;
        size_t d = j->i;
        while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            j->i++;
        if (j->i == d)
            return false;
    }
    if (j->i < j->n && (j->s[j->i] == 'e' || j->s[j->i] == 'E')) {
        j->i++;
        if (j->i < j->n && (j->s[j->i] == '+' || j->s[j->i] == '-'))
            j->i++;
        size_t d = j->i;
        while (j->i < j->n && j->s[j->i] >= '0' && j->s[j->i] <= '9')
            j->i++;
        if (j->i == d)
            return false;
    }
    return j->i > start;
}

static bool jvalue(JsonIn *j)
{
    if (++j->depth > 200)
        return false;
    jws(j);
    if (j->i >= j->n)
        return false;
    bool ok;
    unsigned char c = j->s[j->i];
    if (c == '{') {
        j->i++;
        jws(j);
        ok = true;
        if (j->i < j->n && j->s[j->i] == '}') {
            j->i++;
        } else {
            for (;;) {
                jws(j);
                if (!jstring(j)) { ok = false; break; }
                jws(j);
                if (j->i >= j->n || j->s[j->i] != ':') { ok = false; break; }
                j->i++;
                if (!jvalue(j)) { ok = false; break; }
                jws(j);
                if (j->i < j->n && j->s[j->i] == ',') { j->i++; continue; }
                if (j->i < j->n && j->s[j->i] == '}') { j->i++; break; }
                ok = false;
                break;
            }
        }
    } else if (c == '[') {
        j->i++;
        jws(j);
        ok = true;
        if (j->i < j->n && j->s[j->i] == ']') {
            j->i++;
        } else {
            for (;;) {
                if (!jvalue(j)) { ok = false; break; }
                jws(j);
                if (j->i < j->n && j->s[j->i] == ',') { j->i++; continue; }
                if (j->i < j->n && j->s[j->i] == ']') { j->i++; break; }
                ok = false;
                break;
            }
        }
    } else if (c == '"') {
        ok = jstring(j);
    } else if (c == 't') {
        ok = jlit(j, "true");
    } else if (c == 'f') {
        ok = jlit(j, "false");
    } else if (c == 'n') {
        ok = jlit(j, "null");
    } else {
        ok = jnumber(j);
    }
    j->depth--;
    return ok;
}

static void check_json(const char *text, size_t len)
{
    JsonIn j = { (const unsigned char *)text, 0, len, 0 };
    bool ok = jvalue(&j);
    jws(&j);
    if (!ok || j.i != j.n) {
        fprintf(stderr, "fuzz_check: JSON output is not valid at byte %zu of %zu:\n%.*s\n",
                j.i, len, (int)(len < 4000 ? len : 4000), text);
        fail("write_json_file writes valid JSON", NULL);
    }
}

/* ---- one input --------------------------------------------------------------------- */

static FILE *devnull;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!devnull) {
        devnull = fopen("/dev/null", "w");
        if (!devnull) {
            perror("fuzz_check: /dev/null");
            exit(1);
        }
    }
    Part parts[MAX_PARTS];
    int nparts = split(data, size, parts);
    for (int i = 0; i < nparts; i++)
        write_part(&parts[i]);

    char year_file[4200];
    part_path(year_file, sizeof year_file, &parts[0]);
    LoadOptions opts = { 0 };
    opts.rules_dir = FINSAM_RULES_DIR;
    /* Deterministic choices from the input, so that both settings are reached. */
    DiagStyle style = { (size & 2) != 0 };

    Program prog;
    program_init(&prog);
    Results res = { 0 };
    res.detailed = (size & 1) != 0;

    bool bad = program_load(&prog, year_file, &opts) || prog.diags.errors;
    if (!bad) {
        bad = program_resolve(&prog) != 0;
        if (!bad)
            write_rules(devnull, &prog, year_file); /* finsam rules FILE */
    }
    if (!bad)
        bad = program_load_previous(&prog, &opts) != 0;
    if (!bad)
        bad = program_eval(&prog, &res) != 0;

    /* Diagnostics are printed whatever happened: on bad input as main does, and
     * otherwise to see that there is nothing to print. */
    for (int i = 0; i < prog.diags.list.len; i++)
        diag_print(devnull, prog.diags.list.items[i], style);

    if (!bad) {
        if (prog.diags.errors)
            fail("no error is recorded when load, resolve, previous and eval all succeed",
                 ((Diag *)prog.diags.list.items[0])->message);
        if (res.checks != res.passed + res.failed_errors + res.failed_warnings)
            fail("checks == passed + failed + warnings", NULL);

        write_findings(devnull, &prog.arena, &res, style);
        write_summary(devnull, year_file, &res);

        char *buf = NULL;
        size_t len = 0;
        FILE *mem = open_memstream(&buf, &len);
        if (!mem) {
            perror("fuzz_check: open_memstream");
            exit(1);
        }
        Json j;
        json_begin(&j, mem);
        json_object(&j);
        json_key(&j, "files");
        json_array(&j);
        write_json_file(&j, &prog, &res, year_file, res.detailed);
        json_array_end(&j);
        json_key(&j, "summary");
        write_json_summary(&j, &res);
        json_object_end(&j);
        json_end(&j);
        fclose(mem);
        check_json(buf, len);
        free(buf);
    }
    program_free(&prog);

    for (int i = 0; i < nparts; i++) {
        char path[4200];
        part_path(path, sizeof path, &parts[i]);
        unlink(path);
    }
    return 0;
}
