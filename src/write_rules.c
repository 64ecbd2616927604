#include "write_rules.h"

#include <stdlib.h>

#include "i18n.h"
#include "render.h"

void write_rules(FILE *out, const Model *m)
{
    char *path = render_written(render_plain, m->path);
    fprintf(out, _("%s: the rules in force for %d\n"), path ? path : "", m->year);
    free(path);
    render_parameters(out, m);
    fprintf(out, _("\nchecks (%d)\n"), m->nchecks);
    for (int i = 0; i < m->nchecks; i++) {
        const Check *c = m->checks[i].check;
        fprintf(out, "  %-24s ", c->full_name);
        render_column(out, c->severity == SEV_ERROR ? _("error") : _("warning"), 14);
        fputc(' ', out);
        render_place(out, c->name_loc);
        fputc('\n', out);
        if (c->title) {
            fputs("      ", out);
            render_plain(out, c->title);
            fputc('\n', out);
        }
        if (c->source) {
            char *source = render_written(render_plain, c->source);
            fprintf(out, _("      source: %s\n"), source ? source : "");
            free(source);
        }
    }
}
