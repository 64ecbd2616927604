/* intern: one copy of each name, so that names compare by pointer. */
#ifndef FINSAM_INTERN_H
#define FINSAM_INTERN_H

#include <stddef.h>
#include <stdint.h>

#include "mem.h"

/* A slot keeps its name's hash and length, so that a lookup compares bytes only for
 * the name it finds, and growing the table hashes nothing again. */
typedef struct {
    const char *name; /* NULL: an empty slot */
    uint32_t hash, len;
} InternSlot;

typedef struct Interner Interner;
struct Interner {
    Arena *arena;
    InternSlot *slots;
    size_t cap, count;
    Interner *shared; /* not NULL: names are interned there (interner_share) */
};

void interner_init(Interner *in, Arena *a);
/* Makes `in` intern its names in `with`, so that names compare by pointer across the
 * two; `with` and its arena must outlive every name interned through `in`. */
void interner_share(Interner *in, Interner *with);
const char *intern(Interner *in, const char *s, size_t len);
/* Room for about n more names without growing: a large file's names are known to be
 * many before it is read, and growing the table step by step moves every name each
 * time, to places all over memory. */
void interner_reserve(Interner *in, size_t n);
/* The interned copy of s if s has been interned, else NULL: a name of another program
 * (an earlier year file) looked up among this one's. */
const char *interner_find(const Interner *in, const char *s);
void interner_free(Interner *in);

#endif
