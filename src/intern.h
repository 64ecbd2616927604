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

typedef struct {
    Arena *arena;
    InternSlot *slots;
    size_t cap, count;
} Interner;

void interner_init(Interner *in, Arena *a);
const char *intern(Interner *in, const char *s, size_t len);
void interner_free(Interner *in);

#endif
