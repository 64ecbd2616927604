/* write_csv: one table or allocation of the model for a spreadsheet. Fields separated
 * by ';', figures without thousands separators and with a decimal comma, as Swedish
 * spreadsheets read them. A text field (a label, a section, a column's heading, a text
 * cell) that a spreadsheet would take for a formula because it starts with '=', '+',
 * '-', '@', a tab or a carriage return gets a "'" in front (formula injection,
 * CWE-1236), the way spreadsheets themselves mark text that looks like something else.
 * A figure is never a text field and never changed: -104286 stays a number. */
#ifndef FINSAM_WRITE_CSV_H
#define FINSAM_WRITE_CSV_H

#include <stdio.h>

#include "model.h"

/* excel: the file begins with a UTF-8 byte order mark, which Excel needs to read it
 * as UTF-8 (its ';' and decimal comma are those of a Swedish Excel already).
 * A table: a header line (rad, text, avsnitt, enhet, then the columns' printed
 * titles), then a line per row. An allocation: a line per group, one
 * per member under it, and the total. */
void write_csv(FILE *out, const ModelBlock *b, bool excel);

#endif
