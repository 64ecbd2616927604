#include "json.h"

#include <string.h>

#include "diag.h"
#include "utf8.h"

void json_begin(Json *j, FILE *out)
{
    memset(j, 0, sizeof *j);
    j->out = out;
    j->first[0] = true;
}

void json_end(Json *j) { fputc('\n', j->out); }

/* Before a value: a comma after the previous one, unless it follows its key. */
static void separate(Json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (!j->first[j->depth])
        fputc(',', j->out);
    j->first[j->depth] = false;
}

static void open(Json *j, char c)
{
    separate(j);
    fputc(c, j->out);
    if (j->depth < 63)
        j->depth++;
    j->first[j->depth] = true;
}

static void close(Json *j, char c)
{
    if (j->depth > 0)
        j->depth--;
    fputc(c, j->out);
}

void json_object(Json *j) { open(j, '{'); }
void json_object_end(Json *j) { close(j, '}'); }
void json_array(Json *j) { open(j, '['); }
void json_array_end(Json *j) { close(j, ']'); }

/* A JSON string is Unicode: a byte that is not part of valid UTF-8 (a path is bytes,
 * and may hold a Latin-1 'Å') is written as U+FFFD, the replacement character, so that
 * the text stays valid UTF-8 and parses. */
static const char *escape(uint32_t cp, char *buf)
{
    switch (cp) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default:
        if (cp >= 0x20 && cp != 0x7f)
            return NULL;
        snprintf(buf, UTF8_ESCAPE_MAX, "\\u%04x", (unsigned)cp);
        return buf;
    }
}

static void quoted(FILE *out, const char *s, size_t n)
{
    fputc('"', out);
    utf8_write(out, s, n, escape, "\\ufffd");
    fputc('"', out);
}

void json_key(Json *j, const char *key) { json_key_len(j, key, strlen(key)); }

void json_key_len(Json *j, const char *key, size_t n)
{
    separate(j);
    quoted(j->out, key, n);
    fputc(':', j->out);
    j->after_key = true;
}

void json_string(Json *j, const char *s)
{
    if (s)
        json_string_len(j, s, strlen(s));
    else
        json_null(j);
}

void json_string_len(Json *j, const char *s, size_t n)
{
    separate(j);
    quoted(j->out, s, n);
}

void json_int(Json *j, long long v)
{
    separate(j);
    fprintf(j->out, "%lld", v);
}

void json_number(Json *j, const char *text, size_t n)
{
    separate(j);
    fwrite(text, 1, n, j->out);
}

void json_bool(Json *j, bool v)
{
    separate(j);
    fputs(v ? "true" : "false", j->out);
}

void json_null(Json *j)
{
    separate(j);
    fputs("null", j->out);
}

void json_decimal(Json *j, int64_t micro)
{
    separate(j);
    uint64_t m = micro < 0 ? (uint64_t)0 - (uint64_t)micro : (uint64_t)micro;
    char frac[8];
    snprintf(frac, sizeof frac, "%06llu", (unsigned long long)(m % 1000000));
    int n = 6;
    while (n > 0 && frac[n - 1] == '0')
        frac[--n] = '\0';
    fprintf(j->out, "\"%s%llu%s%s\"", micro < 0 ? "-" : "", (unsigned long long)(m / 1000000),
            n ? "." : "", frac);
}

void json_files_begin(Json *j, FILE *out)
{
    json_begin(j, out);
    json_object(j);
    json_key(j, "finsam");
    json_string(j, FINSAM_VERSION);
    json_key(j, "files");
    json_array(j);
}

void json_files_total(Json *j)
{
    json_array_end(j);
    json_key(j, "total");
}

void json_files_end(Json *j)
{
    json_object_end(j);
    json_end(j);
}
