#include "wherememo.h"

#include <stdint.h>
#include <string.h>

#include "mem.h"

struct WhereEntry {
    WhereKey key;
    bool used;
    int height;
    Value value;
};

static size_t hash(const WhereKey *k)
{
    uint64_t h = 1469598103934665603u;
    uint64_t parts[5] = {(uintptr_t)k->expr, (uintptr_t)k->col.name,
                         (uint64_t)(uint32_t)k->col.year << 1 | k->has_col,
                         (uintptr_t)k->row_name, k->session};
    for (int i = 0; i < 5; i++)
        h = (h ^ parts[i]) * 1099511628211u;
    return (size_t)(h ^ h >> 29);
}

static bool same(const WhereKey *a, const WhereKey *b)
{
    return a->expr == b->expr && a->has_col == b->has_col && a->col.year == b->col.year &&
           a->col.name == b->col.name && a->row_name == b->row_name &&
           a->session == b->session;
}

const Value *where_memo_find(const WhereMemo *m, const WhereKey *k, int *height)
{
    if (!m->cap)
        return NULL;
    for (size_t j = hash(k) & (m->cap - 1); m->slots[j].used; j = (j + 1) & (m->cap - 1))
        if (same(&m->slots[j].key, k)) {
            *height = m->slots[j].height;
            return &m->slots[j].value;
        }
    return NULL;
}

static void place(WhereEntry *slots, size_t cap, const WhereEntry *e)
{
    size_t j = hash(&e->key) & (cap - 1);
    while (slots[j].used)
        j = (j + 1) & (cap - 1);
    slots[j] = *e;
}

void where_memo_put(WhereMemo *m, const WhereKey *k, Value v, int height)
{
    if (2 * (m->count + 1) > m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 64;
        WhereEntry *slots = mem_alloc(cap * sizeof *slots);
        for (size_t i = 0; i < m->cap; i++)
            if (m->slots[i].used)
                place(slots, cap, &m->slots[i]);
        mem_free(m->slots);
        m->slots = slots;
        m->cap = cap;
    }
    WhereEntry e = {*k, true, height, v};
    place(m->slots, m->cap, &e);
    m->count++;
}

void where_memo_free(WhereMemo *m)
{
    mem_free(m->slots);
    m->slots = NULL;
    m->cap = m->count = 0;
}
