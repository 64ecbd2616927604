/* utf8: the one decoder of a UTF-8 character finsam has, for the reader of a source's
 * bytes, the terminal's escaping of text (diag.c) and the HTML writer's. */
#ifndef FINSAM_UTF8_H
#define FINSAM_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* The length in bytes of the character at p (at most n bytes there), its code point in
 * *cp; 0 if the bytes there are not one: a byte that begins none, a sequence cut short
 * or too long for its code point, a surrogate, or beyond U+10FFFF. An ASCII byte (a NUL
 * too) is one byte long. */
size_t utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);

#endif
