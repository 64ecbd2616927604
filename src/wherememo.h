/* wherememo: the values of aggregates over a 'where' already computed in a run, so that
 * count(t where x >= count(t where ...)) computes the inner count once and not once for
 * every row of the outer one. A value is kept under what it can depend on: the
 * aggregate, the column it is computed in, the row of a check that runs once for every
 * row (when the condition reads another table's column by that row's name), and the
 * collection of operands it was computed for (0: none), which records them as it goes. */
#ifndef FINSAM_WHEREMEMO_H
#define FINSAM_WHEREMEMO_H

#include <stdbool.h>

#include "value.h"

typedef struct {
    const void *expr;
    Key col;
    bool has_col;
    const char *row_name;
    unsigned session;
} WhereKey;

typedef struct WhereEntry WhereEntry;

typedef struct {
    WhereEntry *slots;
    size_t cap, count;
} WhereMemo;

/* The value kept under the key, and the height of the formulas it needed; NULL if
 * none. */
const Value *where_memo_find(const WhereMemo *m, const WhereKey *k, int *height);
void where_memo_put(WhereMemo *m, const WhereKey *k, Value v, int height);
void where_memo_free(WhereMemo *m);

#endif
