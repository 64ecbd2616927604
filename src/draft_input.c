/* draft_input: what a file given to finsam draft holds, and its text as UTF-8. A report
 * is at hand as a PDF or a word processor's document before anyone makes text of it, so
 * those are told apart by their first bytes and refused with a way to their text; a
 * text saved on Windows may be UTF-16 or Windows-1252, and is read as what it is rather
 * than as UTF-8 with every å a '?'. */
#include <string.h>

#include "draft.h"
#include "utf8.h"

/* Where a NUL byte makes a file binary (git's rule, buffer_is_binary). */
enum { FIRST_BYTES = 8000 };

static bool starts(const char *s, size_t n, const char *sig, size_t k)
{
    return n >= k && memcmp(s, sig, k) == 0;
}
#define STARTS(s, n, lit) starts(s, n, lit, sizeof lit - 1)

/* Not valid UTF-8, and not one character of more than a byte in it that is. */
static bool no_utf8_in(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    bool invalid = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t len = utf8_decode(u + i, n - i, &cp);
        if (len > 1)
            return false;
        invalid |= len == 0;
        i += len ? len : 1;
    }
    return invalid;
}

DraftTextKind draft_text_kind(const char *s, size_t n)
{
    if (STARTS(s, n, "%PDF-"))
        return DTEXT_PDF;
    if (STARTS(s, n, "PK\x03\x04"))
        return DTEXT_ZIP;
    if (STARTS(s, n, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"))
        return DTEXT_OLE;
    if (STARTS(s, n, "{\\rtf"))
        return DTEXT_RTF;
    if (STARTS(s, n, "\xFF\xFE"))
        return DTEXT_UTF16LE;
    if (STARTS(s, n, "\xFE\xFF"))
        return DTEXT_UTF16BE;
    if (memchr(s, '\0', n < FIRST_BYTES ? n : FIRST_BYTES))
        return DTEXT_BINARY;
    return no_utf8_in(s, n) ? DTEXT_CP1252 : DTEXT_UTF8;
}

/* Windows-1252 from 0x80 to 0x9F (0: not a character); above, Latin-1's, which are the
 * code points of the bytes themselves. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

static uint32_t from_cp1252(unsigned char c)
{
    if (c < 0x80 || c >= 0xA0)
        return c;
    return cp1252_high[c - 0x80] ? cp1252_high[c - 0x80] : '?';
}

static uint32_t unit16(const unsigned char *p, bool big)
{
    return big ? (uint32_t)p[0] << 8 | p[1] : (uint32_t)p[1] << 8 | p[0];
}

/* UTF-16 from s (n bytes, after the byte order mark) into out; the bytes written. */
static size_t from_utf16(char *out, const unsigned char *s, size_t n, bool big)
{
    size_t o = 0, i = 0;
    for (; i + 2 <= n; i += 2) {
        uint32_t u = unit16(s + i, big), cp = u;
        if (u >= 0xD800 && u <= 0xDBFF && i + 4 <= n) {
            uint32_t low = unit16(s + i + 2, big);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF)
            cp = '?'; /* a surrogate without its pair */
        o += utf8_put(out + o, cp);
    }
    if (i < n)
        out[o++] = '?'; /* half a code unit at the end */
    return o;
}

char *draft_text_utf8(Arena *a, DraftTextKind k, const char *s, size_t n, size_t *len)
{
    const unsigned char *u = (const unsigned char *)s;
    /* at most three bytes of UTF-8 for each byte read: a Windows-1252 byte makes up to
     * three, a UTF-16 unit (two bytes) up to three, a pair of surrogates (four) four */
    char *out = arena_text(a, 3 * n + 1);
    size_t o = 0;
    if (k == DTEXT_UTF16LE || k == DTEXT_UTF16BE) {
        o = from_utf16(out, u + 2, n - 2, k == DTEXT_UTF16BE);
    } else if (k == DTEXT_CP1252) {
        for (size_t i = 0; i < n; i++)
            o += utf8_put(out + o, from_cp1252(u[i]));
    } else {
        size_t from = STARTS(s, n, "\xEF\xBB\xBF") ? 3 : 0;
        memcpy(out, s + from, n - from);
        o = n - from;
    }
    for (size_t i = 0; i < o; i++)
        if (out[i] == '\0')
            out[i] = ' ';
    out[o] = '\0';
    *len = o;
    return out;
}
