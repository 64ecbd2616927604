#include "intern.h"

#include <string.h>

static size_t hash(const char *s, size_t len)
{
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
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
    const char **slots = mem_alloc(cap * sizeof *slots);
    for (size_t i = 0; i < in->cap; i++) {
        const char *s = in->slots[i];
        if (!s)
            continue;
        size_t j = hash(s, strlen(s)) & (cap - 1);
        while (slots[j])
            j = (j + 1) & (cap - 1);
        slots[j] = s;
    }
    mem_free(in->slots);
    in->slots = slots;
    in->cap = cap;
}

const char *intern(Interner *in, const char *s, size_t len)
{
    if (2 * (in->count + 1) > in->cap)
        grow(in);
    size_t j = hash(s, len) & (in->cap - 1);
    while (in->slots[j]) {
        const char *t = in->slots[j];
        if (strncmp(t, s, len) == 0 && t[len] == '\0')
            return t;
        j = (j + 1) & (in->cap - 1);
    }
    const char *copy = arena_strndup(in->arena, s, len);
    in->slots[j] = copy;
    in->count++;
    return copy;
}

const char *interner_find(const Interner *in, const char *s)
{
    if (!in->slots)
        return NULL;
    for (size_t j = hash(s, strlen(s)) & (in->cap - 1); in->slots[j]; j = (j + 1) & (in->cap - 1))
        if (strcmp(in->slots[j], s) == 0)
            return in->slots[j];
    return NULL;
}

void interner_free(Interner *in)
{
    mem_free(in->slots);
    in->slots = NULL;
    in->cap = in->count = 0;
}
