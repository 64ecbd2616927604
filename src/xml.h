/* xml: text for XML 1.0 (JUnit), escaped as the format demands. */
#ifndef FINSAM_XML_H
#define FINSAM_XML_H

#include <stdio.h>

/* s as the text of an element or an attribute in double or single quotes: markup
 * characters as entities, a control character XML 1.0 cannot carry as '?', and a byte
 * that is not part of valid UTF-8 (a path is bytes: a Latin-1 'Å' in a file's name) or
 * a character XML excludes (U+FFFE, U+FFFF) as U+FFFD, the replacement character, so
 * that the document stays well-formed UTF-8. NULL writes nothing. */
void xml_text(FILE *out, const char *s);
/* The same on one line, as a message in a line of its own: every control character (C0
 * but the tab, DEL, C1) as '?'. */
void xml_line(FILE *out, const char *s);

#endif
