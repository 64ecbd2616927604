/* write_rules: `finsam rules FILE`, the parameters and checks in force for a year
 * file, each with its value, its source and where it was set. */
#ifndef FINSAM_WRITE_RULES_H
#define FINSAM_WRITE_RULES_H

#include <stdio.h>

#include "model.h"

void write_rules(FILE *out, const Model *m);

#endif
