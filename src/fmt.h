/* fmt: the canonical layout of a rule file, as `finsam fmt` writes it.
 *
 * The layout is computed from the text line by line, never from the syntax tree: only
 * white space at the start and end of lines, around the '|' of table cells and
 * between a row's name and its label changes, and blank lines between declarations.
 * Every token keeps its text (figures keep their spaces, ',' and '-'), comments stay
 * on their lines, and words the formatter does not know (syntax added later) pass
 * through as they are. fmt_same_tokens proves it for a given text: the scanner reads
 * the same tokens from both texts, so the parser builds the same tree. */
#ifndef FINSAM_FMT_H
#define FINSAM_FMT_H

#include <stdbool.h>
#include <stddef.h>

/* The formatted text of text[0..len), malloc'ed and NUL-terminated, its length in
 * *out_len. Any text is accepted, also one that does not parse; the result is
 * formatted again to itself. */
char *fmt_format(const char *text, size_t len, size_t *out_len);

/* Whether finsam's scanner reads the same tokens, with the same texts, from a and b:
 * then the parser makes the same tree of both (fmt_verify.c). */
bool fmt_same_tokens(const char *a, size_t alen, const char *b, size_t blen);

#endif
