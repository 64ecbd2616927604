/* program: a year file and everything it imports, loaded, parsed and resolved.
 * One arena holds it all and is freed in one call. */
#ifndef FINSAM_PROGRAM_H
#define FINSAM_PROGRAM_H

#include <stdbool.h>

#include "ast.h"
#include "diag.h"
#include "intern.h"

typedef struct {
    const char **include_dirs; /* -I, in order */
    int ninclude;
    const char **path_dirs;    /* FINSAM_PATH, in order */
    int npath;
    const char *rules_dir;     /* the installed rules/ */
    bool allow_outside;        /* --allow-outside: imports by absolute path or with '..' */
    const char **rules;        /* --rules FILE: rule files of one's own (an auditor's), loaded
                                  with the year file as if it imported them; not with the
                                  earlier years' files */
    int nrules;
} LoadOptions;

typedef struct Symbol Symbol;

typedef struct Program {
    Arena arena;
    Diags diags;
    Interner names;
    PtrVec modules;   /* Module *, in load order; the year file first */
    PtrVec imports_first; /* the same, each file after the files it imports */
    PtrVec tables;    /* Table *, in declaration order */
    PtrVec allocs;    /* Allocation * */
    PtrVec params;    /* Param *, the first declaration of each name */
    PtrVec checks;    /* Check * */
    Report *report;
    Table **notes;    /* by note number, 1..999 */
    struct Program *previous; /* the year file the report names as `previous` */
    struct Program *plan;     /* the plan the report names as `plan` (plans.c) */
    struct Ledger *ledger;    /* the ledger the report names as `ledger` (ledger.c) */
    Symbol **symbols; /* open hash of top-level names */
    size_t nsymbols, nsymbols_cap;
    /* load.c: the year file's program, whose imported files its earlier years share
     * (read and parsed once, copied for each); NULL in the year file's own */
    struct Program *first;
    PtrVec shared;    /* SharedFile * (load.c), in the year file's program only */
} Program;

void program_init(Program *prog);
/* The same, with the program's arena taking its blocks from `within` (NULL: from the
 * kernel): a command's run arena (arena_init_huge), which holds every program it
 * checks. */
void program_init_within(Program *prog, Arena *within);
/* The same for the one program of a command (finsam rules, finsam new): its arena's
 * first block is a huge page (arena_init_huge). */
void program_init_huge(Program *prog);
/* The program of a year before `first`'s (years.c), or of its plan (plans.c): its
 * names are interned with first's, the files first has imported are not read again,
 * and its arena's blocks are taken from first's, so it is freed before first. */
void program_init_earlier(Program *earlier, Program *first);
void program_free(Program *prog);

/* Loads path and its imports; returns the number of errors (then diags say why). */
int program_load(Program *prog, const char *path, const LoadOptions *opts);

/* The path of the file `name` (".fin" added) as an import would find it from the
 * file `from`; NULL, with an error at `at` listing the places tried, if none. The
 * error says `message`, a translated format with one %s for the name. Unless
 * opts->allow_outside, a name that is an absolute path or climbs out of the folder it
 * is looked up in with '..' is an error: a shared rule file stays in its place. */
const char *program_find(Program *prog, const char *name, const Source *from,
                         const LoadOptions *opts, Loc at, const char *message);

/* The same for the ledger a report names (`ledger "bokforing-2025.se"`), confined the
 * same way: the name is taken as it is, and the file must be an SIE file (.se, .si,
 * .sie), also where a link leads. */
const char *program_find_ledger(Program *prog, const char *name, const Source *from,
                                const LoadOptions *opts, Loc at, const char *message);

/* A report block's file entry (`previous "2024"`, `plan "plan2025"`): the path of the
 * file it names, found as program_find finds it; NULL if the report has no such entry.
 * *errors is 1 if it has one that names no file (the error says `usage`) or a file
 * that cannot be found (the error says `not_found`), else 0; *entry is the entry, for
 * the messages that point at it. */
const char *program_entry_file(Program *prog, const Report *r, const char *key,
                               const LoadOptions *opts, const char *usage,
                               const char *not_found, const ReportEntry **entry,
                               int *errors);

/* Loads the chain of earlier year files the report names with `previous`, each
 * loaded and resolved on its own (years.c); returns the number of errors. */
int program_load_previous(Program *prog, const LoadOptions *opts);

/* Names, kinds and check domains (resolve.c); returns the number of errors. */
int program_resolve(Program *prog);
/* The row of that interned name, through the table's row index once it is resolved. */
Row *table_row(const Table *t, const char *name);
/* The table of that name in a program, or NULL. */
Table *program_table(const Program *prog, const char *name);
/* The row of that name (interned or not, e.g. another program's) in a resolved table of
 * prog, through its row index; NULL if prog never interned the name. */
Row *program_row(const Program *prog, const Table *t, const char *name);

/* The value of a parameter in force in a year: a federation's own value if it has
 * set one from on or before the year's last day, else the rule set's; the latest
 * such. NULL if none is in force yet. */
Param *param_in_force(Param *first, int year);

#endif
