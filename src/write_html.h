/* write_html: the report as one self-contained HTML page, printable on A4: every
 * table of the annual report with the disagreeing cells marked and explained, the
 * budget against the actual as an SVG bar chart per line, the five-year overview as
 * an SVG line chart, and every check. Every text from a rule file is escaped. */
#ifndef FINSAM_WRITE_HTML_H
#define FINSAM_WRITE_HTML_H

#include <stdio.h>

#include "model.h"

void write_html(FILE *out, const Model *m);

#endif
