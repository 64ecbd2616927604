/* sentence: findings and entries that did not run put into words. The evaluator, the
 * comparisons with other years, plans and the ledger, and the review record facts
 * (result.h); this module alone makes sentences of them, when the results are written,
 * in the language in force then. */
#ifndef FINSAM_SENTENCE_H
#define FINSAM_SENTENCE_H

#include "result.h"

/* What a finding says: "Intäkter, 2024: the stated figure does not match the row's
 * formula", or a check's title. */
const char *finding_message(Arena *a, const Finding *f);
/* Where it is: "in column 2024", "in row \"Arvika\"", or NULL. */
const char *finding_where(Arena *a, const Finding *f);
/* What the stated figure is compared with: the formula as written, "note 3, Summa
 * (year.fin:40:12)", the other file's place; or NULL. */
const char *finding_from(Arena *a, const Finding *f);
/* A hint or the check's else-message, or NULL. */
const char *finding_explanation(Arena *a, const Finding *f);

/* What did not run, where, and why. */
const char *not_run_message(Arena *a, const NotRun *n);
const char *not_run_where(Arena *a, const NotRun *n);
const char *not_run_reason(Arena *a, const Why *w);

/* Puts every finding, check run and entry that did not run of res into words (their
 * message, where, formula, explanation and reason), in the language in force. Called
 * once the results are complete, before they are written; again after the language
 * changes. */
void sentences_render(Results *res, Arena *a);

#endif
