#include "xml.h"

#include <string.h>

#include "utf8.h"

/* The markup characters, as entities; NULL for any other. */
static const char *entity(uint32_t cp)
{
    switch (cp) {
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '&': return "&amp;";
    case '"': return "&quot;";
    case '\'': return "&apos;";
    default: return NULL;
    }
}

static const char *text_escape(uint32_t cp, char *buf)
{
    (void)buf;
    /* XML 1.0 cannot carry other control characters at all, nor U+FFFE and U+FFFF */
    if (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r')
        return "?";
    if (cp == 0xFFFE || cp == 0xFFFF)
        return "\xEF\xBF\xBD";
    return entity(cp);
}

static const char *line_escape(uint32_t cp, char *buf)
{
    (void)buf;
    if ((cp < 0x20 && cp != '\t') || (cp >= 0x7F && cp <= 0x9F))
        return "?";
    return entity(cp);
}

void xml_text(FILE *out, const char *s)
{
    if (s)
        utf8_write(out, s, strlen(s), text_escape, "\xEF\xBF\xBD");
}

void xml_line(FILE *out, const char *s)
{
    if (s)
        utf8_write(out, s, strlen(s), line_escape, "\xEF\xBF\xBD");
}
