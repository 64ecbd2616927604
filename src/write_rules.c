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
        /* a check dated like a parameter: the years it applies to */
        if (c->from && c->until)
            fprintf(out, _("      in force from %04d-%02d-%02d until %04d-%02d-%02d\n"),
                    c->from / 10000, c->from / 100 % 100, c->from % 100, c->until / 10000,
                    c->until / 100 % 100, c->until % 100);
        else if (c->from)
            fprintf(out, _("      in force from %04d-%02d-%02d\n"), c->from / 10000,
                    c->from / 100 % 100, c->from % 100);
        else if (c->until)
            fprintf(out, _("      in force until %04d-%02d-%02d\n"), c->until / 10000,
                    c->until / 100 % 100, c->until % 100);
        if (c->source) {
            char *source = render_written(render_plain, c->source);
            fprintf(out, _("      source: %s\n"), source ? source : "");
            free(source);
        }
    }
}
