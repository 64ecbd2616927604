#include "intern.h"

#include <string.h>

/* Eight bytes at a time: most names are short, and a label is hashed at each use. */
static uint32_t hash(const char *s, size_t len)
{
    const uint64_t k = 0xff51afd7ed558ccdu;
    uint64_t h = 0x9e3779b97f4a7c15u ^ len, w;
    for (; len >= 8; s += 8, len -= 8) {
        memcpy(&w, s, 8);
        h = (h ^ w) * k;
        h ^= h >> 32;
    }
    /* the last 0 to 7 bytes in at most two loads (two that overlap from 4 bytes on),
     * not a copy of a length only known here */
    if (len >= 4) {
        uint32_t a, b;
        memcpy(&a, s, 4);
        memcpy(&b, s + len - 4, 4);
        w = (uint64_t)a << 32 | b;
    } else {
        w = len ? (uint64_t)(unsigned char)s[0] << 16 | (uint64_t)(unsigned char)s[len >> 1] << 8 |
                      (unsigned char)s[len - 1]
                : 0;
    }
    h = (h ^ w) * k;
    h ^= h >> 29;
    h *= k;
    return (uint32_t)(h >> 32);
}

void interner_init(Interner *in, Arena *a)
{
    in->arena = a;
    in->cap = 256;
    in->count = 0;
    /* in the arena, which is fresh memory (often a huge page already touched): no
     * calloc of pages of their own, cleared again at each growth */
    in->slots = arena_alloc(a, in->cap * sizeof *in->slots);
    in->shared = NULL;
}

void interner_share(Interner *in, Interner *with)
{
    while (with->shared)
        with = with->shared;
    in->shared = with;
}

static void resize(Interner *in, size_t cap)
{
    InternSlot *slots = arena_alloc(in->arena, cap * sizeof *slots);
    for (size_t i = 0; i < in->cap; i++) {
        if (!in->slots[i].name)
            continue;
        size_t j = in->slots[i].hash & (cap - 1);
        while (slots[j].name)
            j = (j + 1) & (cap - 1);
        slots[j] = in->slots[i];
    }
    in->slots = slots; /* the old table stays in the arena: half the new one's size, all told */
    in->cap = cap;
}

static void grow(Interner *in) { resize(in, in->cap * 2); }

void interner_reserve(Interner *in, size_t n)
{
    if (in->shared)
        in = in->shared;
    size_t cap = in->cap;
    while (cap < SIZE_MAX / 4 && 2 * (in->count + n + 1) > cap)
        cap *= 2;
    if (cap > in->cap)
        resize(in, cap);
}

const char *intern(Interner *in, const char *s, size_t len)
{
    if (in->shared)
        in = in->shared;
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

const char *interner_find(const Interner *in, const char *s)
{
    if (in->shared)
        in = in->shared;
    if (!in->slots)
        return NULL;
    size_t len = strlen(s);
    uint32_t h = hash(s, len);
    for (size_t j = h & (in->cap - 1); in->slots[j].name; j = (j + 1) & (in->cap - 1)) {
        const InternSlot *t = &in->slots[j];
        if (t->hash == h && t->len == len && memcmp(t->name, s, len) == 0)
            return t->name;
    }
    return NULL;
}

void interner_free(Interner *in)
{
    in->slots = NULL; /* freed with the arena */
    in->cap = in->count = 0;
}
