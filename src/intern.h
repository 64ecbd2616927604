/* intern: one copy of each name, so that names compare by pointer. */
#ifndef FINSAM_INTERN_H
#define FINSAM_INTERN_H

#include <stddef.h>

#include "mem.h"

typedef struct {
    Arena *arena;
    const char **slots;
    size_t cap, count;
} Interner;

void interner_init(Interner *in, Arena *a);
const char *intern(Interner *in, const char *s, size_t len);
/* The interned copy of s if s has been interned, else NULL: a name of another program
 * (an earlier year file) looked up among this one's. */
const char *interner_find(const Interner *in, const char *s);
void interner_free(Interner *in);

#endif
