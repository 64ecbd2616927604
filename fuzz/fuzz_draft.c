/* fuzz_draft: libFuzzer harness over `finsam draft`, checking its promise: any text in,
 * a year file out that loads. The input is the report's file (any bytes: a document
 * that is not text is refused, text in UTF-16 or Windows-1252 read as such); the draft is
 * written to a file next to nothing else, then loaded, resolved (with rules/finsam.fin,
 * which it imports) and evaluated as `finsam check` does. Properties (a failure aborts
 * with the diagnostics and the draft on standard error):
 *   loads        the draft parses, resolves and evaluates without an error in the input;
 *   total        draft_counts counts no more cells than the text has cells.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "draft.h"
#include "eval.h"
#include "program.h"

#ifndef FINSAM_RULES_DIR
#define FINSAM_RULES_DIR "rules"
#endif

static char tmpdir[4096];
static char path[4200];

static void cleanup(void)
{
    if (path[0])
        unlink(path);
    if (tmpdir[0])
        rmdir(tmpdir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *base = getenv("TMPDIR");
    if (!base || !*base)
        base = "/tmp";
    snprintf(tmpdir, sizeof tmpdir, "%s/fuzz_draft.XXXXXX", base);
    if (!mkdtemp(tmpdir)) {
        perror("fuzz_draft: mkdtemp");
        exit(1);
    }
    snprintf(path, sizeof path, "%s/draft.fin", tmpdir);
    atexit(cleanup);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* as finsam draft reads a file: a document that is not text is refused, and that is
     * all; text in another encoding is read as UTF-8 */
    DraftTextKind kind = draft_text_kind((const char *)data, size);
    if (!draft_kind_is_text(kind))
        return 0;
    Arena a;
    arena_init(&a);
    size_t len;
    const char *utf8 = draft_text_utf8(&a, kind, (const char *)data, size, &len);
    DraftText text;
    draft_read_text(&a, utf8, len, &text);
    DraftGuesses guesses = {.arena = &a};
    DraftDoc *doc = draft_build(&a, &text, &guesses);
    FILE *f = fopen(path, "w");
    if (!f) {
        perror("fuzz_draft: fopen");
        exit(1);
    }
    draft_write(f, doc, "fuzz.txt");
    if (fclose(f) != 0) {
        perror("fuzz_draft: fclose");
        exit(1);
    }
    int cells = 0;
    for (int i = 0; i < text.nlines; i++)
        cells += text.lines[i].ncells;
    DraftCounts n = draft_counts(doc);
    if (n.cells > cells) {
        fprintf(stderr, "fuzz_draft: total: %d cells drafted from a text of %d\n", n.cells, cells);
        abort();
    }

    Program prog;
    program_init(&prog);
    LoadOptions opts = {.rules_dir = FINSAM_RULES_DIR};
    Results res = {0};
    bool bad = program_load(&prog, path, &opts) || prog.diags.errors || program_resolve(&prog) ||
               program_load_previous(&prog, &opts);
    /* A draft keeps every figure as printed; a text whose figures are beyond finsam's
     * exact arithmetic (trillions of kronor) gives a file that loads and whose sums
     * stop with an error at their place: that is the checker's rule, not the draft's
     * failure. Any other error in evaluation is. */
    if (!bad && program_eval(&prog, &res)) {
        for (int i = 0; i < prog.diags.list.len; i++) {
            const Diag *g = prog.diags.list.items[i];
            if (g->severity == SEV_ERROR &&
                !strstr(g->message, "too large for finsam's arithmetic"))
                bad = true;
        }
    }
    if (bad) {
        fprintf(stderr, "fuzz_draft: loads: the draft does not load\n");
        for (int i = 0; i < prog.diags.list.len; i++)
            diag_print(stderr, prog.diags.list.items[i], (DiagStyle){0});
        FILE *d = fopen(path, "r");
        if (d) {
            int c;
            while ((c = fgetc(d)) != EOF)
                fputc(c, stderr);
            fclose(d);
        }
        abort();
    }
    program_free(&prog);
    mem_free(guesses.items);
    arena_free(&a);
    return 0;
}
