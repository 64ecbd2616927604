/* fuzz_sie: libFuzzer harness over the SIE reader and checker (sie_read.c, sie_check.c)
 * and the printing of their diagnostics: any bytes as an SIE file.
 *
 * Properties (a failure aborts):
 *   the summary adds up: passed + failed = checks, and no kind failed more often than
 *   it ran; every diagnostic with a place is on a line of the input (1 .. lines + 1)
 *   and prints (diag_print, to /dev/null) without a crash. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "sie_check.h"
#include "sie_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *sink;
    if (!sink)
        sink = fopen("/dev/null", "w");
    Arena arena;
    arena_init(&arena);
    Diags diags;
    diags_init(&diags, &arena);
    SieReader *r = sie_open_memory("fuzz.se", (const char *)data, size, &diags);
    SieSummary sum;
    sie_check(r, &sum);
    sie_close(r);
    if (sum.passed + sum.failed != sum.checks)
        abort();
    for (int k = 0; k < SIE_CHECK_COUNT; k++)
        if (sum.kinds[k].failed > sum.kinds[k].runs)
            abort();
    size_t lines = 1;
    for (size_t i = 0; i < size; i++)
        lines += data[i] == '\n';
    for (int i = 0; i < diags.list.len; i++) {
        const Diag *g = diags.list.items[i];
        if (g->loc.src) {
            int line, col;
            source_line_col(g->loc.src, g->loc.start, &line, &col);
            if (line < 1 || (size_t)line > lines || col < 1)
                abort();
        }
        if (sink)
            diag_print(sink, g, (DiagStyle){false});
    }
    arena_free(&arena);
    return 0;
}
