/* mem: the one allocator. Every allocation in finsam goes through here, so that
 * running out of memory is handled in exactly one place. Arenas hold everything
 * that lives as long as a loaded file set: one call frees it all. */
#ifndef FINSAM_MEM_H
#define FINSAM_MEM_H

#include <stddef.h>
#include <stdio.h>

void *mem_alloc(size_t size);              /* zeroed; never returns NULL */
void *mem_realloc(void *p, size_t size);   /* never returns NULL */
void mem_free(void *p);
char *mem_strdup(const char *s);           /* never returns NULL */

/* Text written to a stream kept in memory: for a writer that puts escaped text into a
 * translated sentence. mem_text_open never returns NULL; mem_text_close gives the
 * text written (mem_free it), never NULL. */
typedef struct {
    FILE *stream;
    char *text;
    size_t len;
} MemText;

FILE *mem_text_open(MemText *t);
char *mem_text_close(MemText *t);

typedef struct ArenaBlock ArenaBlock;
typedef struct ArenaMap ArenaMap;
typedef struct Arena Arena;
struct Arena {
    ArenaBlock *head;
    ArenaMap *maps;    /* files mapped into the arena (arena_map_file) */
    size_t used_bytes; /* for benchmarks: bytes handed out */
    size_t next_block; /* the size of the next block */
    Arena *within;     /* the arena its blocks are taken from; NULL: from the kernel */
};

void arena_init(Arena *a);
/* An arena for the whole of a command's work, whose first block is a huge page (2 MB):
 * on a machine where each page fault costs 10-15 us, the one fault and the clearing
 * of the huge page cost less than the hundred small pages a year's check touches.
 * Untouched, it costs nothing. */
void arena_init_huge(Arena *a);
/* An arena whose blocks are taken from `within` (arena_init_huge's), so that the
 * programs of a run share its pages; freeing it frees only the files it mapped, its
 * blocks go with `within`. Not for an arena made and freed again and again. */
void arena_init_within(Arena *a, Arena *within);
void *arena_alloc(Arena *a, size_t size);  /* zeroed, aligned for pointers and int64_t */
void *arena_alloc_raw(Arena *a, size_t size); /* the same, not zeroed: for buffers */
char *arena_text(Arena *a, size_t size);      /* not zeroed, not aligned: for text */
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void arena_free(Arena *a);

/* A regular file of len bytes mapped into memory, privately, followed by the two NUL
 * bytes the scanner needs; unmapped with the arena. NULL if it cannot be mapped (then
 * read it). Its pages are the file's own until written: they need no copy and no
 * clearing, and arena_map_forget can hand them back. */
char *arena_map_file(Arena *a, int fd, size_t len);
/* Hands back the pages of mapped text from the one `from` is in to the last whole one
 * before `to`: they are read again from the file if needed (a message quoting a line),
 * so they no longer count as the process's memory. Only for text from arena_map_file
 * that is as the file has it (the scanner's NUL after its current token put back). */
void arena_map_forget(const char *from, const char *to);

/* A growable array of pointers in an arena, for lists built while parsing; it is
 * freed with its arena. */
typedef struct {
    void **items;
    int len, cap;
} PtrVec;

void ptrvec_push(Arena *a, PtrVec *v, void *item);
/* Room for at least cap items, made at once: a list whose length is known beforehand
 * leaves no smaller arrays behind it in the arena as it grows. */
void ptrvec_reserve(Arena *a, PtrVec *v, int cap);

#endif
