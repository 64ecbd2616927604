/* render: what the plain-text writers share, written once: the width of UTF-8 text,
 * padding, text from a rule file made safe for a terminal, text written by a function
 * put into a translated sentence, the summary line, and the parameters in force. */
#ifndef FINSAM_RENDER_H
#define FINSAM_RENDER_H

#include <stdio.h>

#include "model.h"

/* The width of UTF-8 text in characters: the bytes that do not continue a character. */
int render_width(const char *s);
/* n spaces (none if n <= 0). */
void render_pad(FILE *out, int n);
/* Text from a rule file in a line of text: control characters as '?'. */
void render_plain(FILE *out, const char *s);
/* The same in a line of TAP, where '#' would start a directive: as '/'. */
void render_tap(FILE *out, const char *s);
/* The same in an aligned table, where a tab would break the columns. */
void render_field(FILE *out, const char *s);
/* s as put() writes it, in a buffer of its own to put into a translated sentence;
 * free() it (open_memstream's buffer). NULL if it could not be written. */
char *render_written(void (*put)(FILE *, const char *), const char *s);

/* s, then spaces to width characters. */
void render_column(FILE *out, const char *s, int width);
/* "path:line:col" of a place in a rule file. */
void render_place(FILE *out, Loc at);

/* The difference of a finding as the reports show it: in percentage points between
 * two percentages ("-5 percentage points", not "-5 %"), else as a value in its unit.
 * buf holds VALUE_FMT_MAX bytes. */
char *render_difference(const Finding *f, char *buf);

/* s itself when it holds no control character (see diag_put_text), else a copy in a
 * with each shown as '?'. */
const char *safe_text(Arena *a, const char *s);

/* "2025.fin: 325 checks, 308 passed, 11 failed, 6 warnings", ", 4 not run" where
 * anything did not run, and a newline; the path as it is given (already escaped where
 * the format needs it). */
void render_summary(FILE *out, const char *path, const ModelSummary *res);
/* The summary line's count of checks: "1171 checks", and where a ledger was checked,
 * how many of them were its own: "1171 checks (685 of them in the ledger
 * bokforing-2025.se)", or in a total "(685 of them in ledgers)". The ledger's name as
 * the report writes it, whole: the caller makes it safe for its format, and frees the
 * text (mem_free). */
char *render_summary_checks(const ModelSummary *res);

/* The lines of a parameter or check in `finsam rules` and the text report: its name,
 * what it is (its value, or error or warning) and where it is declared; then, indented,
 * its title, the dates it is in force (from, until: YYYYMMDD, 0 if none) and its
 * source, each where there is one. */
void render_rule_head(FILE *out, const char *name, const char *what, Loc at);
void render_rule_details(FILE *out, const char *title, int from, int until, const char *source);

/* "\nparameters (N)" and a line or more per parameter in force, as `finsam rules` and
 * the text report list them. */
void render_parameters(FILE *out, const Model *m);

/* An auditor's decision on a finding (f->review), written by put: "reviewed: accepted
 * by A on 2026-03-10: the reason". */
void render_reviewed(FILE *out, const Finding *f, void (*put)(FILE *, const char *));

/* What became of a ledger figure: "agrees with the stated figure", ... (ledger.c). */
const char *render_ledger_outcome(const LedgerFigure *f);
/* An account behind a ledger figure as every report lists it: "3010 (Medlemsavgifter)",
 * its number and name written by put (text escaped for the format around it). */
void render_ledger_account(FILE *out, const LedgerPart *p, void (*put)(FILE *, const char *));
/* Its amount in kr, "60 000 kr", in buf (VALUE_FMT_MAX bytes). */
char *render_ledger_amount(const LedgerPart *p, char *buf);
#endif
