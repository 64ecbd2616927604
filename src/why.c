#include "why.h"

Loc why_loc(const Why *w)
{
    switch ((WhyType)w->type) {
    case WHY_BLANK:
    case WHY_TEXT:
    case WHY_TODO:
        return row_loc(w->table, w->row);
    case WHY_PARAM:
    case WHY_UNDECIDED:
        return w->param->loc;
    case WHY_ABSENT:
    case WHY_EMPTY_NOTE:
        return w->table->loc;
    default:
        return (Loc){0};
    }
}
