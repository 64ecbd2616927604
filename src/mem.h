/* mem: the one allocator. Every allocation in finsam goes through here, so that
 * running out of memory is handled in exactly one place. Arenas hold everything
 * that lives as long as a loaded file set: one call frees it all. */
#ifndef FINSAM_MEM_H
#define FINSAM_MEM_H

#include <stddef.h>

void *mem_alloc(size_t size);              /* zeroed; never returns NULL */
void *mem_realloc(void *p, size_t size);   /* never returns NULL */
void mem_free(void *p);

typedef struct ArenaBlock ArenaBlock;
typedef struct {
    ArenaBlock *head;
    size_t used_bytes; /* for benchmarks: bytes handed out */
    size_t next_block; /* the size of the next block */
} Arena;

void arena_init(Arena *a);
void *arena_alloc(Arena *a, size_t size);  /* zeroed, aligned for pointers and int64_t */
void *arena_alloc_raw(Arena *a, size_t size); /* the same, not zeroed: for buffers */
char *arena_text(Arena *a, size_t size);      /* not zeroed, not aligned: for text */
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void arena_free(Arena *a);

/* A growable array of pointers in an arena, for lists built while parsing; it is
 * freed with its arena. */
typedef struct {
    void **items;
    int len, cap;
} PtrVec;

void ptrvec_push(Arena *a, PtrVec *v, void *item);

#endif
