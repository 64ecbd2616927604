/* write_rules: `finsam rules FILE`, the parameters and checks in force for a year
 * file, each with its value, its source and where it was set. */
#ifndef FINSAM_WRITE_RULES_H
#define FINSAM_WRITE_RULES_H

#include <stdio.h>

#include "program.h"

void write_rules(FILE *out, Program *prog, const char *path);
/* The parameters in force, each with its value, source and where it was set. */
void write_parameters(FILE *out, Program *prog);

/* The name under which the file src was imported (import "one" as o: "o"), or NULL
 * for a file whose names need no prefix. */
const char *import_prefix(const Program *prog, const Source *src);
/* A parameter's name as a year file refers to it: "o.cap" for one declared in a file
 * imported as o, else "cap". Kept in prog's arena. */
const char *param_name(const Program *prog, const Param *p);
/* The same for a check. */
const char *check_name(const Program *prog, const Check *c);

#endif
