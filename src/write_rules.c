#include "write_rules.h"

#include <stdlib.h>

#include "i18n.h"
#include "mem.h"
#include "render.h"

void write_rules(FILE *out, const Model *m)
{
    char *path = render_written(render_plain, m->path);
    fprintf(out, _("%s: the rules in force for %d\n"), path ? path : "", m->year);
    mem_free(path);
    render_parameters(out, m);
    fprintf(out, _("\nchecks (%d)\n"), m->nchecks);
    for (int i = 0; i < m->nchecks; i++) {
        const Check *c = m->checks[i].check;
        render_rule_head(out, c->full_name,
                         c->severity == SEV_ERROR ? _("error") : _("warning"), c->name_loc);
        fputc('\n', out);
        /* a check dated like a parameter: the years it applies to */
        render_rule_details(out, c->title, c->from, c->until, c->source);
    }
}
