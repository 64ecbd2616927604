#include "xml.h"

#include "diag.h"

void xml_text(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        size_t n = diag_utf8_len(s);
        if (n == 0 || (n == 3 && c == 0xEF && (unsigned char)s[1] == 0xBF &&
                       (unsigned char)s[2] >= 0xBE)) {
            fputs("\xEF\xBF\xBD", out);
            s += n ? n - 1 : 0;
            continue;
        }
        if (n > 1) {
            fwrite(s, 1, n, out);
            s += n - 1;
            continue;
        }
        switch (c) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&apos;", out); break;
        default:
            /* XML 1.0 cannot carry other control characters at all */
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                fputc('?', out);
            else
                fputc(c, out);
        }
    }
}
