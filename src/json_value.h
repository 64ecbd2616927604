/* json_value: JSON text (RFC 8259) read into values, values built and written, for
 * finsam lsp's JSON-RPC messages. Every value lives in an arena: a message's values go
 * with it in one arena_free. A library (json-c) did this before, and every run of
 * finsam, not only lsp, paid for loading it (issue 16).
 *
 * A number keeps its text as written and, when it is an integer int64_t holds, that
 * integer: no binary floating point. A string's bytes are decoded (escapes, \uXXXX,
 * surrogate pairs) and may hold a NUL; its other bytes are taken as they are, not checked
 * as UTF-8, so that a document's bad bytes reach finsam's own check of its text. */
#ifndef FINSAM_JSON_VALUE_H
#define FINSAM_JSON_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "json.h"
#include "mem.h"

typedef enum { JV_NULL, JV_BOOL, JV_NUMBER, JV_STRING, JV_ARRAY, JV_OBJECT } JvType;

typedef struct JsonValue JsonValue;
struct JsonValue {
    JvType type;
    bool boolean;              /* JV_BOOL */
    bool is_int;               /* JV_NUMBER: an integer that integer holds exactly */
    int64_t integer;
    const char *text;          /* JV_STRING: its bytes, NUL-terminated; JV_NUMBER: as written */
    size_t len;
    const char *key;           /* a member of an object: its name, NUL-terminated */
    size_t key_len;
    JsonValue *first, *last;   /* JV_ARRAY's items, JV_OBJECT's members, in order */
    JsonValue *next;           /* the next item or member of the one this is in */
    size_t count;              /* of items or members */
};

/* How deep arrays and objects may nest: deeper is an error. 32 is json-c's default depth
 * (which counted a scalar inside the deepest object as a level too). */
enum { JV_MAX_DEPTH = 32 };

typedef struct {
    size_t offset;             /* where in the text the error is */
    const char *message;       /* what is wrong, in English (for tests and logs) */
} JvError;

/* The value of len bytes of JSON text: one value, with white space around it and nothing
 * else. NULL if the text is not JSON, then *err (if not NULL) says where and why. */
JsonValue *jv_parse(Arena *a, const char *text, size_t len, JvError *err);

/* An object's member by name (the last if named twice, as json-c had it); NULL if v is
 * not an object or has no such member. */
JsonValue *jv_get(const JsonValue *v, const char *key);
/* The string's bytes, or NULL if v is not a string. */
const char *jv_string(const JsonValue *v);
/* The number as an int, if v is an integer in int's range. */
bool jv_int(const JsonValue *v, int *out);
/* The i-th item of an array, or NULL. */
JsonValue *jv_item(const JsonValue *v, size_t i);

/* Values built in the arena; strings are copied. */
JsonValue *jv_null(Arena *a);
JsonValue *jv_bool(Arena *a, bool b);
JsonValue *jv_int_new(Arena *a, int64_t n);
JsonValue *jv_str(Arena *a, const char *s);  /* NULL gives null */
JsonValue *jv_strn(Arena *a, const char *s, size_t n);
JsonValue *jv_object(Arena *a);
JsonValue *jv_array(Arena *a);
/* Adds a member at the end of an object (NULL value: null); the key is copied. A value
 * is in one object or array only. */
void jv_add(Arena *a, JsonValue *obj, const char *key, JsonValue *value);
/* Adds an item at the end of an array (NULL: null). */
void jv_push(Arena *a, JsonValue *arr, JsonValue *value);

/* Writes v (NULL: null) with the JSON writer, without white space; a number as its
 * text. */
void jv_write(Json *j, const JsonValue *v);
/* v as JSON text in the arena, NUL-terminated, its length in *len. */
char *jv_text(Arena *a, const JsonValue *v, size_t *len);

#endif
