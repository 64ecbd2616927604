/* yearfiles: the files `finsam check` is given, with each folder replaced by the
 * year files under it (the .fin files with a `report` block), in name order. */
#ifndef FINSAM_YEARFILES_H
#define FINSAM_YEARFILES_H

#include <stdbool.h>
#include <stdio.h>

typedef struct {
    char **paths;
    int len, cap;
    bool had_folder;
} FileList;

/* Returns the number of folders that could not be read (reported on err). */
int yearfiles_expand(const char *const *args, int nargs, FileList *out, FILE *err);
void yearfiles_free(FileList *list);

/* Does the text have a `report` block, outside comments and strings? */
bool yearfiles_has_report(const char *text, size_t len);

#endif
