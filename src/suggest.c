/* suggest: the nearest name, by edit distance. */
#include "suggest.h"

#include <string.h>

size_t suggest_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 64 || m > 64)
        return 99;
    size_t row[65];
    for (size_t j = 0; j <= m; j++)
        row[j] = j;
    for (size_t i = 1; i <= n; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[m];
}

void suggest_consider(Suggest *s, const char *name)
{
    if (!name)
        return;
    size_t dist = suggest_edit_distance(s->wanted, name);
    size_t limit = strlen(s->wanted) / 3 + 1;
    if (dist <= limit && dist < s->distance) {
        s->distance = dist;
        s->best = name;
    }
}
