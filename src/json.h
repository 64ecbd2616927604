/* json: a small writer of JSON text: objects, arrays, strings escaped as RFC 8259
 * requires, and exact decimals written as strings so that no reader turns money
 * into binary floating point. */
#ifndef FINSAM_JSON_H
#define FINSAM_JSON_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    FILE *out;
    int depth;
    bool first[64];   /* no comma yet at this depth */
    bool after_key;
} Json;

void json_begin(Json *j, FILE *out);
void json_end(Json *j);   /* ends the text with a newline */
void json_object(Json *j);
void json_object_end(Json *j);
void json_array(Json *j);
void json_array_end(Json *j);
void json_key(Json *j, const char *key);
void json_key_len(Json *j, const char *key, size_t n);  /* a key that may hold a NUL */
void json_string(Json *j, const char *s); /* NULL writes null */
void json_string_len(Json *j, const char *s, size_t n); /* a string that may hold a NUL */
void json_int(Json *j, long long v);
/* A number's text as it is: the caller has it from JSON (json_value.c). */
void json_number(Json *j, const char *text, size_t n);
void json_bool(Json *j, bool v);
void json_null(Json *j);
/* Micro units as an exact decimal string: "7864004", "-104286.5", "0.754". */
void json_decimal(Json *j, int64_t micro);

/* The document finsam check and finsam sie write for machines: {"finsam": VERSION,
 * "files": [...], "total": ...}. json_files_begin opens it up to the first file;
 * json_files_total ends the files and names the total, which the caller writes;
 * json_files_end ends the document. */
void json_files_begin(Json *j, FILE *out);
void json_files_total(Json *j);
void json_files_end(Json *j);

#endif
