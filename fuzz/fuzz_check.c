/* fuzz_check: libFuzzer harness over the whole of `finsam check`, `finsam rules` and
 * `finsam report`: scan, parse, load (imports), resolve, the previous years' files,
 * evaluate, and every writer (diagnostics, findings, summary, rules listing, JSON,
 * JUnit, TAP, the report as text, Markdown, HTML and CSV).
 *
 * The input is one or more files. A line that starts with "#%%" (a comment to finsam,
 * so every seed is also a valid .fin file) starts the next file; the rest of that line
 * may name it: "#%% federation" makes federation.fin, so that `import "federation"` or
 * `previous "federation"` in the year file finds it. A name is up to 32 printable ASCII
 * characters but '/' and '\\', so that paths with '&', '<' or quotes are reached too.
 * Without a name, or with a name already taken, the files are called a.fin, b.fin, ...
 * The first part is the year file, y.fin, or the name a marker on the very first line
 * gives it. At most MAX_PARTS files; later markers are text.
 *
 * The files are written to a temporary folder made once per process, checked, and
 * removed again, so that nothing of one input is seen by the next. Imports that no part
 * provides are searched in the project's rules/ (FINSAM_RULES_DIR), so `import "finsam"`
 * loads the national rules.
 *
 * Like `finsam check`, results are detailed for every format but text: an input of odd
 * length is checked detailed and written in every other format (JSON with tables, JUnit,
 * TAP, the report as text, Markdown, HTML and CSV), one of even length as text findings
 * and summary. Colour is on when bit 1 of the length is set.
 *
 * Besides crashes, sanitizer reports and leaks, the harness aborts when an invariant
 * fails; each has a name, and FUZZ_CHECK_SKIP="name,name" turns some off (to fuzz on
 * past a finding already reported):
 *   errors-shown   the pipeline reports success while an error is recorded in the
 *                  diagnostics, an error no one would see;
 *   counts         the summary's counts do not add up (checks != passed + failed + warnings);
 *   year-file      the year file has a report block that parsed, yet
 *                  yearfiles_has_report says it has none (finsam check DIR would skip it);
 *   json           the JSON is not valid (RFC 8259, UTF-8);
 *   junit          the JUnit XML is not well formed, or holds a "<fuzz" tag from the input;
 *   tap            the TAP is not TAP 13: a plan, then numbered ok / not ok lines, YAML
 *                  blocks, comments, and as many tests as the plan says;
 *   html           the HTML holds a "<fuzz" tag: text from the input not escaped;
 *   deterministic  an input whose length is 5 modulo 8 is checked twice, and everything
 *                  written (diagnostics, rules, findings, every format) must be the same
 *                  byte for byte;
 *   new-loads      next year's file (finsam new) of a year file of one part that loads
 *                  and resolves does not load and resolve. Of one part: a table of
 *                  another part stays in its year.
 *
 * FUZZ_CHECK_VERBOSE=1 prints the diagnostics and the outcome of each input on stderr:
 *   FUZZ_CHECK_VERBOSE=1 build/fuzz/fuzz_check fuzz/seeds/check/units.fin
 */
#define _GNU_SOURCE /* memmem, open_memstream */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "carry.h"
#include "eval.h"
#include "sentence.h"
#include "model.h"
#include "program.h"
#include "write_ci.h"
#include "write_csv.h"
#include "write_html.h"
#include "write_json.h"
#include "write_report.h"
#include "write_rules.h"
#include "write_text.h"
#include "yearfiles.h"

#ifndef FINSAM_RULES_DIR
#define FINSAM_RULES_DIR "rules"
#endif

enum { MAX_PARTS = 8, MAX_NAME = 32 };

static char tmpdir[4096];
static const char *const default_names[MAX_PARTS] = { "y", "a", "b", "c", "d", "e", "f", "g" };

/* The files of the input being checked, removed when an invariant fails. */
static char written[MAX_PARTS][4200];
static int nwritten;

static void remove_written(void)
{
    for (int i = 0; i < nwritten; i++)
        unlink(written[i]);
    nwritten = 0;
}

static void remove_tmpdir(void)
{
    remove_written();
    if (tmpdir[0])
        rmdir(tmpdir);
}

static void fail(const char *what, const char *detail)
{
    fprintf(stderr, "fuzz_check: invariant failed: %s%s%s\n", what, detail ? ": " : "",
            detail ? detail : "");
    remove_tmpdir();
    abort();
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

/* Any printable ASCII but '/' and '\\': a file name may hold '&', '<', quotes, ..., and
 * the writers must cope with such paths. */
static bool name_char(uint8_t c)
{
    return c > ' ' && c < 0x7f && c != '/' && c != '\\';
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
        bool first = line == 0; /* a marker on the first line names the year file */
        if ((first || n + 1 < MAX_PARTS) && next - line >= 3 &&
            memcmp(data + line, "#%%", 3) == 0) {
            if (!first) {
                parts[n].len = (size_t)(data + line - parts[n].data);
                n++;
            }
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

/* ---- an XML checker: well formed, UTF-8, tags balanced ----------------------------- */

static bool xml_name_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == ':' || c == '.';
}

/* An entity at s[i] ('&'); its length or 0. */
static size_t xml_entity(const unsigned char *s, size_t i, size_t n)
{
    static const char *const named[] = { "&lt;", "&gt;", "&amp;", "&quot;", "&apos;" };
    for (size_t k = 0; k < 5; k++) {
        size_t len = strlen(named[k]);
        if (n - i >= len && memcmp(s + i, named[k], len) == 0)
            return len;
    }
    size_t j = i + 1;
    if (j < n && s[j] == '#') {
        j++;
        bool hex = j < n && s[j] == 'x';
        if (hex)
            j++;
        size_t d = j;
        while (j < n && (hex ? jhex(s[j]) : (s[j] >= '0' && s[j] <= '9')))
            j++;
        if (j > d && j < n && s[j] == ';')
            return j + 1 - i;
    }
    return 0;
}

/* A character of text or of an attribute value; its length or 0 when not allowed. */
static size_t xml_char(const unsigned char *s, size_t i, size_t n, char quote)
{
    unsigned char c = s[i];
    if (c == '<' || (quote && c == (unsigned char)quote))
        return 0;
    if (c == '&')
        return xml_entity(s, i, n);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
        return 0;
    return utf8_len(s, i, n);
}

static const char *xml_check(const unsigned char *s, size_t n, size_t *at)
{
    enum { DEPTH = 64, NAME = 64 };
    char stack[DEPTH][NAME + 1];
    int depth = 0;
    bool root_seen = false;
    size_t i = 0;
    if (n >= 5 && memcmp(s, "<?xml", 5) == 0) {
        const unsigned char *end = memmem(s, n, "?>", 2);
        if (!end)
            return *at = 0, "unterminated XML declaration";
        i = (size_t)(end - s) + 2;
    }
    while (i < n) {
        *at = i;
        if (s[i] != '<') {
            if (depth == 0 && !(s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
                return "text outside the root element";
            size_t len = xml_char(s, i, n, 0);
            if (!len)
                return "a character not allowed in XML text (or a raw '&')";
            i += len;
            continue;
        }
        i++;
        bool closing = i < n && s[i] == '/';
        if (closing)
            i++;
        size_t start = i;
        while (i < n && xml_name_char(s[i]))
            i++;
        size_t len = i - start;
        if (len == 0 || len > NAME)
            return "a tag without a proper name";
        if (closing) {
            if (depth == 0 || strlen(stack[depth - 1]) != len ||
                memcmp(stack[depth - 1], s + start, len) != 0)
                return "a closing tag that does not match the open element";
            depth--;
            if (i >= n || s[i] != '>')
                return "a closing tag that does not end with '>'";
            i++;
            continue;
        }
        if (depth == 0 && root_seen)
            return "a second root element";
        if (len >= 4 && memcmp(s + start, "fuzz", 4) == 0)
            return "a <fuzz tag: text from the input not escaped";
        /* attributes */
        for (;;) {
            size_t ws = i;
            while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
                i++;
            if (i >= n)
                return "an unterminated tag";
            if (s[i] == '/' || s[i] == '>')
                break;
            if (i == ws)
                return "attributes not separated by space";
            size_t a = i;
            while (i < n && xml_name_char(s[i]))
                i++;
            if (i == a)
                return "an attribute without a name";
            if (i + 1 >= n || s[i] != '=' || s[i + 1] != '"')
                return "an attribute value that is not quoted with '\"'";
            i += 2;
            while (i < n && s[i] != '"') {
                size_t l = xml_char(s, i, n, '"');
                if (!l)
                    return "a character not allowed in an attribute value";
                i += l;
            }
            if (i >= n)
                return "an unterminated attribute value";
            i++;
        }
        bool empty = s[i] == '/';
        if (empty) {
            i++;
            if (i >= n || s[i] != '>')
                return "'/' not followed by '>'";
        }
        i++;
        if (depth == 0)
            root_seen = true;
        if (!empty) {
            if (depth == DEPTH)
                return "elements nested too deep for the checker";
            memcpy(stack[depth], s + start, len);
            stack[depth][len] = '\0';
            depth++;
        }
    }
    *at = n;
    if (depth != 0)
        return "elements left open at the end";
    if (!root_seen)
        return "no root element";
    return NULL;
}

/* ---- a TAP 13 checker --------------------------------------------------------------- */

static const char *tap_check(const char *s, size_t n, size_t *at)
{
    long plan = -1, next = 1;
    bool in_yaml = false;
    size_t i = 0;
    int line_no = 0;
    while (i < n) {
        const char *nl = memchr(s + i, '\n', n - i);
        if (!nl)
            return *at = i, "the last line does not end with a newline";
        size_t len = (size_t)(nl - (s + i));
        const char *l = s + i;
        *at = i;
        line_no++;
        for (size_t k = 0; k < len; k++)
            if (l[k] == '\r' || l[k] == '\0')
                return "a carriage return or NUL inside a line";
        if (line_no == 1) {
            if (!(len == 14 && memcmp(l, "TAP version 13", 14) == 0))
                return "the first line is not 'TAP version 13'";
        } else if (in_yaml) {
            if (len == 5 && memcmp(l, "  ...", 5) == 0)
                in_yaml = false;
            else if (len < 2 || l[0] != ' ' || l[1] != ' ')
                return "a line of a YAML block that is not indented";
        } else if (len >= 3 && memcmp(l, "1..", 3) == 0) {
            if (plan >= 0)
                return "a second plan";
            char *end;
            plan = strtol(l + 3, &end, 10);
            if (end != l + len)
                return "a plan that is not '1..N'";
        } else if (len >= 1 && l[0] == '#') {
            /* a comment */
        } else if ((len >= 3 && memcmp(l, "ok ", 3) == 0) ||
                   (len >= 7 && memcmp(l, "not ok ", 7) == 0)) {
            const char *p = l + (l[0] == 'o' ? 3 : 7);
            char *end;
            long num = strtol(p, &end, 10);
            if (num != next)
                return "a test not numbered in sequence";
            next++;
            if (end >= l + len || *end != ' ')
                return "a test number not followed by ' - '";
        } else if (len == 5 && memcmp(l, "  ---", 5) == 0) {
            in_yaml = true;
        } else {
            return "a line that is not TAP";
        }
        i += len + 1;
    }
    *at = n;
    if (in_yaml)
        return "a YAML block left open";
    if (plan < 0)
        return "no plan";
    if (plan != next - 1)
        return "the plan does not count the tests";
    return NULL;
}

/* ---- one input --------------------------------------------------------------------- */

static FILE *devnull;
static const char *skip_list;
static bool verbose; /* FUZZ_CHECK_VERBOSE: the diagnostics and the outcome on stderr */

static bool enabled(const char *invariant)
{
    if (!skip_list)
        return true;
    size_t n = strlen(invariant);
    for (const char *p = skip_list; (p = strstr(p, invariant)); p += n)
        if ((p == skip_list || p[-1] == ',') && (p[n] == ',' || p[n] == '\0'))
            return false;
    return true;
}

/* Output to a memory buffer, for the checkers. */
typedef struct {
    char *buf;
    size_t len;
    FILE *f;
} Mem;

static FILE *mem_open(Mem *m)
{
    m->buf = NULL;
    m->len = 0;
    m->f = open_memstream(&m->buf, &m->len);
    if (!m->f) {
        perror("fuzz_check: open_memstream");
        exit(1);
    }
    return m->f;
}

static void mem_close(Mem *m)
{
    fclose(m->f);
}

static void show_and_fail(const char *invariant, const char *why, const char *text, size_t len,
                          size_t at)
{
    size_t from = at > 300 ? at - 300 : 0;
    size_t to = at + 300 < len ? at + 300 : len;
    fprintf(stderr, "fuzz_check: %s output, at byte %zu of %zu: %s\n...%.*s<<<HERE>>>%.*s...\n",
            invariant, at, len, why, (int)(at - from), text + from, (int)(to - at), text + at);
    fail(invariant, why);
}

/* Everything finsam would write for the results, to out. */
static void write_all_formats(Program *prog, Results *res, const char *path, DiagStyle style,
                              FILE *out)
{
    if (!res->detailed) {
        /* finsam check, text */
        Model model;
        model_build_findings(&model, prog, res, path);
        write_findings(out, &model, style);
        render_summary(out, path, &model.summary);
        model_free(&model);
        return;
    }
    /* every writer below reads the one model of the year, as finsam does */
    Model model;
    model_build(&model, prog, res, path);
    Mem m;
    size_t at;
    const char *why;

    /* finsam check --format json, then finsam report --format json (with tables) */
    Json j;
    json_begin(&j, mem_open(&m));
    json_object(&j);
    json_key(&j, "finsam");
    json_string(&j, "fuzz");
    json_key(&j, "files");
    json_array(&j);
    write_json_file(&j, &model, false);
    json_array_end(&j);
    json_key(&j, "total");
    write_json_summary(&j, &model.summary);
    json_object_end(&j);
    json_end(&j);
    mem_close(&m);
    if (enabled("json"))
        check_json(m.buf, m.len);
    if (m.len)
        fwrite(m.buf, 1, m.len, out);
    free(m.buf);

    json_begin(&j, mem_open(&m));
    write_json_file(&j, &model, true);
    json_end(&j);
    mem_close(&m);
    if (enabled("json"))
        check_json(m.buf, m.len);
    if (m.len)
        fwrite(m.buf, 1, m.len, out);
    free(m.buf);

    /* finsam check --format junit */
    write_junit_begin(mem_open(&m), tap_count(&model), res->failed_errors);
    write_junit_file(m.f, &model);
    write_junit_end(m.f);
    mem_close(&m);
    if (enabled("junit") && (why = xml_check((const unsigned char *)m.buf, m.len, &at)))
        show_and_fail("junit", why, m.buf, m.len, at);
    if (m.len)
        fwrite(m.buf, 1, m.len, out);
    free(m.buf);

    /* finsam check --format tap */
    int next = 1;
    write_tap_plan(mem_open(&m), tap_count(&model));
    write_tap_file(m.f, &model, &next);
    mem_close(&m);
    if (enabled("tap") && (why = tap_check(m.buf, m.len, &at)))
        show_and_fail("tap", why, m.buf, m.len, at);
    if (m.len)
        fwrite(m.buf, 1, m.len, out);
    free(m.buf);

    /* finsam report: text, Markdown, HTML, CSV */
    write_report(out, &model, REPORT_TEXT);
    write_report(out, &model, REPORT_MARKDOWN);
    write_html(mem_open(&m), &model);
    mem_close(&m);
    if (enabled("html") && m.buf && memmem(m.buf, m.len, "<fuzz", 5)) {
        at = (size_t)((char *)memmem(m.buf, m.len, "<fuzz", 5) - m.buf);
        show_and_fail("html", "a <fuzz tag: text from the input not escaped", m.buf, m.len, at);
    }
    if (m.len)
        fwrite(m.buf, 1, m.len, out);
    free(m.buf);
    for (int i = 0; i < model.nblocks; i++)
        write_csv(out, &model.blocks[i], i % 2);
    model_free(&model);
}

/* finsam new: next year's file, carried forward from the year file, loads and resolves. */
static void check_carried(const Program *prog)
{
    Arena a;
    arena_init(&a);
    Carried c;
    if (carry_forward(&a, prog->modules.items[0], "y", &c) != 0) {
        arena_free(&a);
        return;
    }
    Part next = {.name = "next", .data = (const uint8_t *)c.text, .len = c.len};
    write_part(&next);
    part_path(written[nwritten++], sizeof written[0], &next);
    LoadOptions opts = {0};
    opts.rules_dir = FINSAM_RULES_DIR;
    Program p;
    program_init(&p);
    if (program_load(&p, written[nwritten - 1], &opts) || p.diags.errors ||
        program_resolve(&p)) {
        fprintf(stderr, "%s\n", c.text);
        for (int i = 0; i < p.diags.list.len; i++)
            diag_print(stderr, p.diags.list.items[i], (DiagStyle){0});
        fail("new-loads", "next year's file does not load");
    }
    program_free(&p);
    arena_free(&a);
}

/* One run of the year file through everything finsam does with it; everything written
 * goes to out. */
static void run_once(const char *year_file, int nparts, size_t size, FILE *out)
{
    LoadOptions opts = { 0 };
    opts.rules_dir = FINSAM_RULES_DIR;
    DiagStyle style = { (size & 2) != 0 };

    Program prog;
    program_init(&prog);
    Results res = { 0 };
    res.detailed = (size & 1) != 0;

    bool bad = program_load(&prog, year_file, &opts) || prog.diags.errors;
    if (!bad) {
        bad = program_resolve(&prog) != 0;
        if (!bad) {
            Model model; /* finsam rules FILE */
            model_build(&model, &prog, NULL, year_file);
            write_rules(out, &model);
            model_free(&model);
        }
    }
    /* resolve has found the report block, in the year file */
    if (!bad && nparts == 1 && enabled("new-loads"))
        check_carried(&prog);
    if (!bad && enabled("year-file") && prog.report && prog.modules.len > 0) {
        const Source *src = ((Module *)prog.modules.items[0])->src;
        if (prog.report->loc.src == src && !yearfiles_has_report(src->text, src->len))
            fail("year-file", "a year file whose report block parses and resolves is not "
                              "taken for a year file by yearfiles_has_report");
    }
    if (!bad)
        bad = program_load_previous(&prog, &opts) != 0;
    if (!bad)
        bad = program_eval(&prog, &res) != 0;
    sentences_render(&res, &prog.arena);

    /* The diagnostics, as finsam prints them on bad input; printed in every case, to
     * see that there is nothing wrong with printing them. */
    for (int i = 0; i < prog.diags.list.len; i++)
        diag_print(verbose ? stderr : out, prog.diags.list.items[i], style);
    if (verbose)
        fprintf(stderr, "fuzz_check: %d file(s); %s; %d checks, %d passed, %d failed, "
                "%d warnings\n", nparts, bad ? "bad input" : "checked", res.checks,
                res.passed, res.failed_errors, res.failed_warnings);

    if (!bad) {
        if (prog.diags.errors && enabled("errors-shown"))
            fail("errors-shown: no error is recorded when load, resolve, previous and eval "
                 "all succeed", ((Diag *)prog.diags.list.items[0])->message);
        if (res.checks != res.passed + res.failed_errors + res.failed_warnings &&
            enabled("counts"))
            fail("counts: checks == passed + failed + warnings", NULL);
        write_all_formats(&prog, &res, year_file, style, out);
    }
    program_free(&prog);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!devnull) {
        devnull = fopen("/dev/null", "w");
        if (!devnull) {
            perror("fuzz_check: /dev/null");
            exit(1);
        }
        skip_list = getenv("FUZZ_CHECK_SKIP");
        verbose = getenv("FUZZ_CHECK_VERBOSE") != NULL;
    }
    Part parts[MAX_PARTS];
    int nparts = split(data, size, parts);
    for (int i = 0; i < nparts; i++) {
        write_part(&parts[i]);
        part_path(written[nwritten++], sizeof written[0], &parts[i]);
    }
    char year_file[4200];
    part_path(year_file, sizeof year_file, &parts[0]);

    if (size % 8 == 5 && enabled("deterministic")) {
        /* one input in eight is run twice: the output must be the same, byte for byte */
        Mem a, b;
        run_once(year_file, nparts, size, mem_open(&a));
        mem_close(&a);
        run_once(year_file, nparts, size, mem_open(&b));
        mem_close(&b);
        if (a.len != b.len || memcmp(a.buf, b.buf, a.len) != 0) {
            size_t at = 0;
            while (at < a.len && at < b.len && a.buf[at] == b.buf[at])
                at++;
            fprintf(stderr, "fuzz_check: the second run differs at byte %zu (%zu and %zu "
                    "bytes):\n%.*s\n", at, a.len, b.len, (int)(b.len - at < 400 ? b.len - at : 400),
                    b.buf + at);
            show_and_fail("deterministic", "the same input gives different output", a.buf,
                          a.len, at);
        }
        free(a.buf);
        free(b.buf);
    } else {
        run_once(year_file, nparts, size, devnull);
    }

    remove_written();
    return 0;
}
