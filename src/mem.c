#include "mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

/* Out of memory is the one failure finsam cannot report at a location: it says so
 * and stops with the status for input it could not process. */
static void out_of_memory(size_t size)
{
    fprintf(stderr, _("finsam: error: out of memory (asked for %zu bytes)\n"), size);
    exit(2);
}

void *mem_alloc(size_t size)
{
    void *p = calloc(1, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *mem_realloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        out_of_memory(size);
    return q;
}

void mem_free(void *p) { free(p); }

struct ArenaBlock {
    ArenaBlock *next;
    size_t size, used;
    _Alignas(max_align_t) unsigned char data[];
};

enum { ARENA_BLOCK = 64 * 1024 };

void arena_init(Arena *a)
{
    a->head = NULL;
    a->used_bytes = 0;
}

/* Nothing finsam keeps in an arena needs more than the alignment of a pointer or
 * an int64_t; text needs none. */
enum { ARENA_ALIGN = _Alignof(int64_t) > _Alignof(void *) ? _Alignof(int64_t) : _Alignof(void *) };

static void *arena_take(Arena *a, size_t size, size_t align)
{
    ArenaBlock *b = a->head;
    size_t pad = b ? (align - b->used % align) % align : 0;
    if (!b || b->size - b->used < size + pad) {
        size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
        /* not zeroed here: arena_alloc zeroes what it hands out */
        b = malloc(sizeof *b + cap);
        if (!b)
            out_of_memory(sizeof *b + cap);
        b->size = cap;
        b->used = 0;
        b->next = a->head;
        a->head = b;
        pad = 0;
    }
    void *p = b->data + b->used + pad;
    b->used += size + pad;
    a->used_bytes += size + pad;
    return p;
}

void *arena_alloc(Arena *a, size_t size)
{
    void *p = arena_take(a, size, ARENA_ALIGN);
    memset(p, 0, size);
    return p;
}

void *arena_alloc_raw(Arena *a, size_t size) { return arena_take(a, size, ARENA_ALIGN); }

char *arena_text(Arena *a, size_t size) { return arena_take(a, size, 1); }

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *p = arena_take(a, n + 1, 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *p = arena_take(a, (size_t)n + 1, 1);
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

void arena_free(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *next = b->next;
        mem_free(b);
        b = next;
    }
    a->head = NULL;
    a->used_bytes = 0;
}

void ptrvec_push(Arena *a, PtrVec *v, void *item)
{
    if (v->len == v->cap) {
        int cap = v->cap ? v->cap * 2 : 4;
        void **items = arena_alloc(a, (size_t)cap * sizeof *items);
        if (v->len)
            memcpy(items, v->items, (size_t)v->len * sizeof *items);
        v->items = items;
        v->cap = cap;
    }
    v->items[v->len++] = item;
}
