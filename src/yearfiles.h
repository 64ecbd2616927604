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

/* Returns the number of folders that could not be read (reported on err). In a folder,
 * only regular files are year files (a fifo or a device is passed over), and, unless
 * allow_outside, a link whose real path leads out of the folder given is not followed
 * (a warning on err says so). */
int yearfiles_expand(const char *const *args, int nargs, bool allow_outside, FileList *out,
                     FILE *err);
void yearfiles_free(FileList *list);

/* Does the text have a `report` block, outside comments and strings? */
bool yearfiles_has_report(const char *text, size_t len);

#endif
