/* suggest: "did you mean": of the names considered, the nearest to one that was not
 * found, if it is near enough to be a slip (an edit for every three characters). */
#ifndef FINSAM_SUGGEST_H
#define FINSAM_SUGGEST_H

#include <stddef.h>

typedef struct {
    const char *wanted;
    const char *best; /* NULL while none is near enough */
    size_t distance;  /* best's; start with 99 */
} Suggest;

/* Takes name (NULL is passed over) as the best if it is the nearest so far. */
void suggest_consider(Suggest *s, const char *name);

/* The number of single-character edits from a to b (99 past 64 characters). */
size_t suggest_edit_distance(const char *a, const char *b);

#endif
