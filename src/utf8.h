/* utf8: the one decoder of a UTF-8 character finsam has, for the reader of a source's
 * bytes and the terminal's text (diag.c), its one encoder (JSON's escapes, a report's
 * text in another encoding), and the one loop that writes text escaped
 * for a format, a character at a time (XML, JSON, HTML). */
#ifndef FINSAM_UTF8_H
#define FINSAM_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The length in bytes of the character at p (at most n bytes there), its code point in
 * *cp; 0 if the bytes there are not one: a byte that begins none, a sequence cut short
 * or too long for its code point, a surrogate, or beyond U+10FFFF. An ASCII byte (a NUL
 * too) is one byte long. */
size_t utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);
/* Writes the character cp (at most U+10FFFF) at out: 1 to 4 bytes, returned. */
size_t utf8_put(char *out, uint32_t cp);

/* How a format writes a character: the text to write in its place, or NULL to write it
 * as it is. buf has room for UTF8_ESCAPE_MAX bytes, for a text made up ("\\u001b"). */
enum { UTF8_ESCAPE_MAX = 16 };
typedef const char *(*Utf8Escape)(uint32_t cp, char *buf);

/* Writes n bytes of s a character at a time, each as escape says, and each byte that
 * begins no UTF-8 character as bad (NULL: as it is): the one loop of every escaper of
 * text (XML, JSON, HTML). */
void utf8_write(FILE *out, const char *s, size_t n, Utf8Escape escape, const char *bad);

#endif
