#include "todo.h"

#include "i18n.h"
#include "write_text.h"

void todo_count(const Program *prog, int *cells, int *figures)
{
    *cells = *figures = 0;
    if (prog->modules.len == 0)
        return;
    const Module *m = prog->modules.items[0];
    *cells = m->todo_cells;
    *figures = m->todo_figures;
}

void todo_write(FILE *out, const char *path, const Program *prog)
{
    int ncells, nfigures;
    todo_count(prog, &ncells, &nfigures);
    if (!ncells && !nfigures)
        return;
    char cells[64], figures[64];
    snprintf(cells, sizeof cells, ngettext("%d cell", "%d cells", ncells), ncells);
    snprintf(figures, sizeof figures,
             ngettext("%d figure of the text", "%d figures of the text", nfigures), nfigures);
    Arena a;
    arena_init(&a);
    /* TRANSLATORS: after a file's summary line: "2026.fin: to fill in, written '?': 174
     * cells, 7 figures of the text; what uses them does not run yet" */
    fprintf(out, _("%s: to fill in, written '?': %s, %s; what uses them does not run yet\n"),
            safe_text(&a, path), cells, figures);
    arena_free(&a);
}
