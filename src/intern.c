#include "intern.h"

#include <string.h>

static uint32_t hash(const char *s, size_t len)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

void interner_init(Interner *in, Arena *a)
{
    in->arena = a;
    in->cap = 256;
    in->count = 0;
    in->slots = mem_alloc(in->cap * sizeof *in->slots);
}

static void grow(Interner *in)
{
    size_t cap = in->cap * 2;
    InternSlot *slots = mem_alloc(cap * sizeof *slots);
    for (size_t i = 0; i < in->cap; i++) {
        if (!in->slots[i].name)
            continue;
        size_t j = in->slots[i].hash & (cap - 1);
        while (slots[j].name)
            j = (j + 1) & (cap - 1);
        slots[j] = in->slots[i];
    }
    mem_free(in->slots);
    in->slots = slots;
    in->cap = cap;
}

const char *intern(Interner *in, const char *s, size_t len)
{
    if (2 * (in->count + 1) > in->cap)
        grow(in);
    uint32_t h = hash(s, len);
    size_t j = h & (in->cap - 1);
    for (; in->slots[j].name; j = (j + 1) & (in->cap - 1)) {
        const InternSlot *t = &in->slots[j];
        if (t->hash == h && t->len == len && memcmp(t->name, s, len) == 0)
            return t->name;
    }
    const char *copy = arena_strndup(in->arena, s, len);
    in->slots[j] = (InternSlot){copy, h, (uint32_t)len};
    in->count++;
    return copy;
}

void interner_free(Interner *in)
{
    mem_free(in->slots);
    in->slots = NULL;
    in->cap = in->count = 0;
}
