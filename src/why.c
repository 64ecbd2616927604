#include "why.h"

#include "i18n.h"

static const char *key_str(Arena *a, Key k)
{
    return k.name ? k.name : arena_printf(a, "%d", k.year);
}

const char *why_text(Arena *a, const Why *w)
{
    switch ((WhyType)w->type) {
    case WHY_NONE:
        break;
    case WHY_BLANK:
        return arena_printf(a, _("'%s' is blank in column %s"), w->row->name,
                            key_str(a, w->key));
    case WHY_TEXT:
        return arena_printf(a, _("'%s' states text, not a figure, in column %s"),
                            w->row->name, key_str(a, w->key));
    case WHY_NO_COLUMN:
        return arena_printf(a, _("'%s' has no column %s"), w->table->name, key_str(a, w->key));
    case WHY_NO_EARLIER:
        return arena_printf(a, _("no earlier year: '%s' has no column %s"), w->table->name,
                            key_str(a, w->key));
    case WHY_NOT_YEAR:
        return arena_printf(a, _("prev() in column %s, which is not a year"),
                            key_str(a, w->key));
    case WHY_NO_ROW:
        return arena_printf(a, _("'%s' has no row '%s'"), w->table->name, w->name);
    case WHY_PARAM:
        return arena_printf(a, _("parameter '%s' is not in force in %d"),
                            w->param->full_name ? w->param->full_name : w->param->name,
                            w->key.year);
    case WHY_UNDECIDED:
        return arena_printf(a, _("parameter '%s' is left to the federation, which has not "
                                 "decided it for %d"),
                            w->param->full_name ? w->param->full_name : w->param->name,
                            w->key.year);
    case WHY_NO_KEYS:
        return _("its operands share no column in this year file");
    case WHY_MEMBER:
        return arena_printf(a, _("'%s' states no amount"), w->name);
    case WHY_TODO:
        return arena_printf(a, _("'%s' is not filled in yet ('?') in column %s"), w->row->name,
                            key_str(a, w->key));
    case WHY_TODO_FIGURE:
        return _("a figure of the text is not filled in yet ('?')");
    case WHY_TODO_AMOUNT:
        return arena_printf(a, _("'%s' states no amount yet ('?')"), w->name);
    case WHY_ABSENT:
        return arena_printf(a, _("the report has no table '%s': %s"), w->table->name,
                            w->table->absent_reason);
    }
    return _("an operand has no figure");
}

Loc why_loc(const Why *w)
{
    switch ((WhyType)w->type) {
    case WHY_BLANK:
    case WHY_TEXT:
    case WHY_TODO:
        return row_loc(w->row);
    case WHY_PARAM:
    case WHY_UNDECIDED:
        return w->param->loc;
    case WHY_ABSENT:
        return w->table->loc;
    default:
        return (Loc){0};
    }
}
