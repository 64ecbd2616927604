/* json_value: JSON read into values, built and written (see json_value.h). The reader
 * is a recursive descent over RFC 8259's grammar, at most JV_MAX_DEPTH deep; it copies
 * what it keeps into the arena, so the text may go once it is read. */
#include "json_value.h"

#include <string.h>

#include "utf8.h"

typedef struct {
    Arena *a;
    const char *s;
    size_t len, pos;
    int depth;
    JvError err;
} Reader;

/* Records the first error; an error at the end of the text is always "ends early",
 * whatever was expected there. */
static void *fail(Reader *r, const char *message)
{
    if (!r->err.message) {
        r->err.offset = r->pos;
        r->err.message = r->pos >= r->len ? "the text ends early" : message;
    }
    return NULL;
}

static JsonValue *new_value(Arena *a, JvType type)
{
    JsonValue *v = arena_alloc(a, sizeof *v);
    v->type = type;
    return v;
}

static void skip_space(Reader *r)
{
    while (r->pos < r->len && (r->s[r->pos] == ' ' || r->s[r->pos] == '\t' ||
                               r->s[r->pos] == '\n' || r->s[r->pos] == '\r'))
        r->pos++;
}

static bool at(const Reader *r, char c)
{
    return r->pos < r->len && r->s[r->pos] == c;
}

static bool is_digit(const Reader *r)
{
    return r->pos < r->len && r->s[r->pos] >= '0' && r->s[r->pos] <= '9';
}

/* ---- strings ------------------------------------------------------------------ */

/* The four hex digits after "\u" at pos; -1 if they are not. */
static long hex4(Reader *r)
{
    if (r->len - r->pos < 4)
        return -1;
    long v = 0;
    for (int i = 0; i < 4; i++) {
        char c = r->s[r->pos + (size_t)i];
        int d = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    r->pos += 4;
    return v;
}

/* The code point of a \u escape (pos after the "\u"), a surrogate pair joined; -1 (and
 * the error recorded) if it is not one. */
static long unicode_escape(Reader *r)
{
    size_t start = r->pos - 2;
    long hi = hex4(r);
    if (hi < 0)
        return (void)fail(r, "\\u needs four hex digits"), -1;
    if (hi >= 0xDC00 && hi <= 0xDFFF) {
        r->pos = start;
        return (void)fail(r, "a low surrogate without a high one before it"), -1;
    }
    if (hi < 0xD800 || hi > 0xDBFF)
        return hi;
    long lo = -1;
    if (r->len - r->pos >= 2 && r->s[r->pos] == '\\' && r->s[r->pos + 1] == 'u') {
        r->pos += 2;
        lo = hex4(r);
    }
    if (lo < 0xDC00 || lo > 0xDFFF) {
        r->pos = start;
        return (void)fail(r, "a high surrogate without a low one after it"), -1;
    }
    return 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
}

/* The string at pos (its '"'), decoded into the arena. Decoding never lengthens it
 * (six bytes \uXXXX give at most three, twelve of a pair four), so the bytes between the
 * quotes are room enough; a first pass finds them. */
static bool read_string(Reader *r, const char **text, size_t *len)
{
    size_t end = ++r->pos;
    while (end < r->len && r->s[end] != '"')
        end += r->s[end] == '\\' ? 2 : 1;
    if (end >= r->len) {
        r->pos = r->len;
        return fail(r, NULL), false;
    }
    char *out = arena_text(r->a, end - r->pos + 1);
    size_t n = 0;
    while (r->pos < end) {
        unsigned char c = (unsigned char)r->s[r->pos];
        if (c < 0x20)
            return fail(r, "a control character in a string (write it as an escape)"), false;
        if (c != '\\') {
            out[n++] = (char)c;
            r->pos++;
            continue;
        }
        char e = r->s[++r->pos];
        r->pos++;
        switch (e) {
        case '"': out[n++] = '"'; break;
        case '\\': out[n++] = '\\'; break;
        case '/': out[n++] = '/'; break;
        case 'b': out[n++] = '\b'; break;
        case 'f': out[n++] = '\f'; break;
        case 'n': out[n++] = '\n'; break;
        case 'r': out[n++] = '\r'; break;
        case 't': out[n++] = '\t'; break;
        case 'u': {
            long cp = unicode_escape(r);
            if (cp < 0)
                return false;
            n += utf8_put(out + n, (uint32_t)cp);
            break;
        }
        default:
            r->pos -= 2;
            return fail(r, "a bad escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX are JSON's)"),
                   false;
        }
    }
    out[n] = '\0';
    r->pos = end + 1;
    *text = out;
    *len = n;
    return true;
}

/* ---- numbers ------------------------------------------------------------------ */

/* -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, kept as its text; an integer that
 * int64_t holds also as that integer. */
static JsonValue *read_number(Reader *r)
{
    size_t start = r->pos;
    bool negative = at(r, '-');
    if (negative)
        r->pos++;
    if (!is_digit(r))
        return fail(r, "a number needs a digit here");
    bool is_int = true;
    uint64_t magnitude = 0, limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    if (at(r, '0')) {
        r->pos++;
    } else {
        for (; is_digit(r); r->pos++) {
            unsigned d = (unsigned)(r->s[r->pos] - '0');
            if (magnitude > (limit - d) / 10)
                is_int = false;
            else
                magnitude = magnitude * 10 + d;
        }
    }
    if (at(r, '.')) {
        r->pos++;
        is_int = false;
        if (!is_digit(r))
            return fail(r, "a number's fraction needs a digit after the '.'");
        while (is_digit(r))
            r->pos++;
    }
    if (at(r, 'e') || at(r, 'E')) {
        r->pos++;
        is_int = false;
        if (at(r, '+') || at(r, '-'))
            r->pos++;
        if (!is_digit(r))
            return fail(r, "a number's exponent needs a digit");
        while (is_digit(r))
            r->pos++;
    }
    JsonValue *v = new_value(r->a, JV_NUMBER);
    v->len = r->pos - start;
    v->text = arena_strndup(r->a, r->s + start, v->len);
    v->is_int = is_int;
    if (is_int)
        v->integer = negative ? (int64_t)(0 - magnitude) : (int64_t)magnitude;
    return v;
}

/* ---- values ------------------------------------------------------------------- */

static void append(JsonValue *parent, JsonValue *v)
{
    if (parent->last)
        parent->last->next = v;
    else
        parent->first = v;
    parent->last = v;
    parent->count++;
}

static JsonValue *read_value(Reader *r);

static bool word(Reader *r, const char *w)
{
    size_t n = strlen(w);
    if (r->len - r->pos < n || memcmp(r->s + r->pos, w, n) != 0)
        return false;
    r->pos += n;
    return true;
}

/* An array or object (pos at its '[' or '{'). */
static JsonValue *read_container(Reader *r, JvType type)
{
    char close = type == JV_ARRAY ? ']' : '}';
    if (++r->depth > JV_MAX_DEPTH)
        return fail(r, "arrays and objects nested too deep");
    r->pos++;
    JsonValue *v = new_value(r->a, type);
    skip_space(r);
    if (at(r, close)) {
        r->pos++;
        r->depth--;
        return v;
    }
    for (;;) {
        const char *key = ""; /* an item's: see adoptable */
        size_t key_len = 0;
        if (type == JV_OBJECT) {
            skip_space(r);
            if (!at(r, '"'))
                return fail(r, "a member's name (a string) expected");
            if (!read_string(r, &key, &key_len))
                return NULL;
            skip_space(r);
            if (!at(r, ':'))
                return fail(r, "':' expected after a member's name");
            r->pos++;
        }
        JsonValue *item = read_value(r);
        if (!item)
            return NULL;
        item->key = key;
        item->key_len = key_len;
        append(v, item);
        skip_space(r);
        if (at(r, close))
            break;
        if (!at(r, ','))
            return fail(r, type == JV_ARRAY ? "',' or ']' expected" : "',' or '}' expected");
        r->pos++;
    }
    r->pos++;
    r->depth--;
    return v;
}

static JsonValue *read_value(Reader *r)
{
    skip_space(r);
    if (r->pos >= r->len)
        return fail(r, NULL);
    JsonValue *v;
    switch (r->s[r->pos]) {
    case '{':
        return read_container(r, JV_OBJECT);
    case '[':
        return read_container(r, JV_ARRAY);
    case '"':
        v = new_value(r->a, JV_STRING);
        return read_string(r, &v->text, &v->len) ? v : NULL;
    case 't':
    case 'f':
        v = new_value(r->a, JV_BOOL);
        v->boolean = r->s[r->pos] == 't';
        return word(r, v->boolean ? "true" : "false") ? v : fail(r, "not a JSON value");
    case 'n':
        return word(r, "null") ? new_value(r->a, JV_NULL) : fail(r, "not a JSON value");
    default:
        if (at(r, '-') || is_digit(r))
            return read_number(r);
        return fail(r, "not a JSON value");
    }
}

JsonValue *jv_parse(Arena *a, const char *text, size_t len, JvError *err)
{
    Reader r = {.a = a, .s = text, .len = len};
    JsonValue *v = read_value(&r);
    if (v) {
        skip_space(&r);
        if (r.pos < r.len)
            v = fail(&r, "something after the value");
    }
    if (err)
        *err = r.err;
    return v;
}

/* ---- looking up --------------------------------------------------------------- */

JsonValue *jv_get(const JsonValue *v, const char *key)
{
    if (!v || v->type != JV_OBJECT)
        return NULL;
    size_t n = strlen(key);
    JsonValue *found = NULL;
    for (JsonValue *m = v->first; m; m = m->next)
        if (m->key_len == n && memcmp(m->key, key, n) == 0)
            found = m;
    return found;
}

const char *jv_string(const JsonValue *v)
{
    return v && v->type == JV_STRING ? v->text : NULL;
}

bool jv_int(const JsonValue *v, int *out)
{
    if (!v || v->type != JV_NUMBER || !v->is_int || v->integer < INT32_MIN ||
        v->integer > INT32_MAX)
        return false;
    *out = (int)v->integer;
    return true;
}

JsonValue *jv_item(const JsonValue *v, size_t i)
{
    if (!v || v->type != JV_ARRAY)
        return NULL;
    JsonValue *it = v->first;
    while (it && i-- > 0)
        it = it->next;
    return it;
}

/* ---- building ----------------------------------------------------------------- */

JsonValue *jv_null(Arena *a) { return new_value(a, JV_NULL); }
JsonValue *jv_object(Arena *a) { return new_value(a, JV_OBJECT); }
JsonValue *jv_array(Arena *a) { return new_value(a, JV_ARRAY); }

JsonValue *jv_bool(Arena *a, bool b)
{
    JsonValue *v = new_value(a, JV_BOOL);
    v->boolean = b;
    return v;
}

JsonValue *jv_int_new(Arena *a, int64_t n)
{
    JsonValue *v = new_value(a, JV_NUMBER);
    v->is_int = true;
    v->integer = n;
    v->text = arena_printf(a, "%lld", (long long)n);
    v->len = strlen(v->text);
    return v;
}

JsonValue *jv_strn(Arena *a, const char *s, size_t n)
{
    JsonValue *v = new_value(a, JV_STRING);
    v->text = arena_strndup(a, s, n);
    v->len = n;
    return v;
}

JsonValue *jv_str(Arena *a, const char *s)
{
    return s ? jv_strn(a, s, strlen(s)) : jv_null(a);
}

/* A copy of v that is in no object or array, for adding v to a second one (an id
 * echoed in a reply): its next and key belong to the first. */
static JsonValue *copy(Arena *a, const JsonValue *v)
{
    JsonValue *c = new_value(a, v->type);
    *c = *v;
    c->key = NULL;
    c->key_len = 0;
    c->next = c->first = c->last = NULL;
    c->count = 0;
    for (const JsonValue *it = v->first; it; it = it->next) {
        JsonValue *ci = copy(a, it);
        ci->key = it->key;
        ci->key_len = it->key_len;
        append(c, ci);
    }
    return c;
}

/* The value to add: null for NULL, a copy of one that is in an object or array already.
 * What is in one has a key: an item's is "". */
static JsonValue *adoptable(Arena *a, JsonValue *v)
{
    if (!v)
        return jv_null(a);
    return v->key ? copy(a, v) : v;
}

void jv_add(Arena *a, JsonValue *obj, const char *key, JsonValue *value)
{
    JsonValue *v = adoptable(a, value);
    v->key_len = strlen(key);
    v->key = arena_strndup(a, key, v->key_len);
    append(obj, v);
}

void jv_push(Arena *a, JsonValue *arr, JsonValue *value)
{
    JsonValue *v = adoptable(a, value);
    v->key = "";
    v->key_len = 0;
    append(arr, v);
}

/* ---- writing ------------------------------------------------------------------ */

void jv_write(Json *j, const JsonValue *v)
{
    if (!v) {
        json_null(j);
        return;
    }
    switch (v->type) {
    case JV_NULL: json_null(j); break;
    case JV_BOOL: json_bool(j, v->boolean); break;
    case JV_NUMBER: json_number(j, v->text, v->len); break;
    case JV_STRING: json_string_len(j, v->text, v->len); break;
    case JV_ARRAY:
        json_array(j);
        for (const JsonValue *it = v->first; it; it = it->next)
            jv_write(j, it);
        json_array_end(j);
        break;
    case JV_OBJECT:
        json_object(j);
        for (const JsonValue *m = v->first; m; m = m->next) {
            json_key_len(j, m->key, m->key_len);
            jv_write(j, m);
        }
        json_object_end(j);
        break;
    }
}

char *jv_text(Arena *a, const JsonValue *v, size_t *len)
{
    MemText t;
    Json j;
    json_begin(&j, mem_text_open(&t));
    jv_write(&j, v);
    char *s = mem_text_close(&t);
    char *out = arena_strndup(a, s, t.len);
    mem_free(s);
    *len = t.len;
    return out;
}
