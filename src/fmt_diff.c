/* fmt_diff: a unified diff between a file and its formatted text, for finsam fmt
 * --check. The lines both share at the start and end are set aside; the rest is
 * compared by longest common subsequence when it is small enough, else shown as
 * removed and added whole (still a correct diff, only a longer one). */
#include "fmt_diff.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "mem.h"

enum { CONTEXT = 3 };
/* The most cells of the comparison table: 16 MB of it. */
#define MAX_TABLE ((size_t)4 << 20)

typedef struct {
    const char *s;
    size_t len;
} Text;

static Text *lines_of(const char *s, size_t len, int *n)
{
    int cap = 16;
    Text *v = mem_alloc((size_t)cap * sizeof *v);
    *n = 0;
    size_t i = 0;
    while (i < len) {
        const char *nl = memchr(s + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - s) + 1 : len;
        if (*n == cap) {
            cap *= 2;
            v = mem_realloc(v, (size_t)cap * sizeof *v);
        }
        v[(*n)++] = (Text){s + i, end - i};
        i = end;
    }
    return v;
}

static bool same(Text a, Text b)
{
    return a.len == b.len && memcmp(a.s, b.s, a.len) == 0;
}

/* The edit script: ' ' kept, '-' removed, '+' added, in order. */
static char *script(const Text *a, int n, const Text *b, int m, int *len)
{
    char *ops = mem_alloc((size_t)n + (size_t)m + 1);
    int k = 0, pre = 0, suf = 0;
    while (pre < n && pre < m && same(a[pre], b[pre]))
        pre++;
    while (suf < n - pre && suf < m - pre && same(a[n - 1 - suf], b[m - 1 - suf]))
        suf++;
    for (int i = 0; i < pre; i++)
        ops[k++] = ' ';
    int an = n - pre - suf, bm = m - pre - suf;
    const Text *A = a + pre, *B = b + pre;
    if ((size_t)(an + 1) * (size_t)(bm + 1) <= MAX_TABLE) {
        /* lcs[i][j]: the longest common subsequence of A[i..] and B[j..] */
        int *lcs = mem_alloc((size_t)(an + 1) * (size_t)(bm + 1) * sizeof *lcs);
#define L(i, j) lcs[(size_t)(i) * (size_t)(bm + 1) + (size_t)(j)]
        for (int i = an - 1; i >= 0; i--)
            for (int j = bm - 1; j >= 0; j--)
                L(i, j) = same(A[i], B[j]) ? L(i + 1, j + 1) + 1
                          : L(i + 1, j) >= L(i, j + 1) ? L(i + 1, j) : L(i, j + 1);
        int i = 0, j = 0;
        while (i < an || j < bm) {
            if (i < an && j < bm && same(A[i], B[j])) {
                ops[k++] = ' ';
                i++, j++;
            } else if (j >= bm || (i < an && L(i + 1, j) >= L(i, j + 1))) {
                ops[k++] = '-';
                i++;
            } else {
                ops[k++] = '+';
                j++;
            }
        }
#undef L
        mem_free(lcs);
    } else {
        for (int i = 0; i < an; i++)
            ops[k++] = '-';
        for (int j = 0; j < bm; j++)
            ops[k++] = '+';
    }
    for (int i = 0; i < suf; i++)
        ops[k++] = ' ';
    *len = k;
    return ops;
}

static void put_line(FILE *out, char mark, Text t)
{
    fputc(mark, out);
    fwrite(t.s, 1, t.len, out);
    if (t.len == 0 || t.s[t.len - 1] != '\n')
        fputs("\n\\ No newline at end of file\n", out);
}

void fmt_diff(FILE *out, const char *path, const char *a, size_t alen, const char *b,
              size_t blen)
{
    int n, m, nops;
    Text *A = lines_of(a, alen, &n), *B = lines_of(b, blen, &m);
    char *ops = script(A, n, B, m, &nops);
    fprintf(out, "--- %s\n+++ %s (formatted)\n", path, path);
    /* line numbers of each op in a and in b */
    int *ai = mem_alloc(((size_t)nops + 1) * sizeof *ai);
    int *bi = mem_alloc(((size_t)nops + 1) * sizeof *bi);
    for (int k = 0, x = 0, y = 0; k <= nops; k++) {
        ai[k] = x;
        bi[k] = y;
        if (k < nops) {
            x += ops[k] != '+';
            y += ops[k] != '-';
        }
    }
    int k = 0;
    while (k < nops) {
        if (ops[k] == ' ') {
            k++;
            continue;
        }
        /* a hunk: from CONTEXT lines before this change to CONTEXT lines after the last
         * change that is no more than 2 * CONTEXT kept lines away */
        int start = k - CONTEXT < 0 ? 0 : k - CONTEXT;
        while (start < k && ops[start] != ' ')
            start++;
        int end = k;
        for (;;) {
            while (end < nops && ops[end] != ' ')
                end++;
            int kept = 0;
            while (end + kept < nops && ops[end + kept] == ' ' && kept <= 2 * CONTEXT)
                kept++;
            if (end + kept < nops && kept <= 2 * CONTEXT) {
                end += kept;
                continue;
            }
            end += kept < CONTEXT ? kept : CONTEXT;
            break;
        }
        int acount = ai[end] - ai[start], bcount = bi[end] - bi[start];
        fprintf(out, "@@ -%d,%d +%d,%d @@\n", acount ? ai[start] + 1 : ai[start], acount,
                bcount ? bi[start] + 1 : bi[start], bcount);
        for (int q = start; q < end; q++) {
            if (ops[q] == '+')
                put_line(out, '+', B[bi[q]]);
            else
                put_line(out, ops[q], A[ai[q]]);
        }
        k = end;
    }
    mem_free(ai);
    mem_free(bi);
    mem_free(ops);
    mem_free(A);
    mem_free(B);
}
