/* review: an auditor's decisions on findings, read from a review file and laid over a
 * year file's results. A review file lists findings by their key, never by a line:
 *
 *     accepted equity_cap_kept
 *         reason "Styrelsen beslutade 2026-02-10 att använda eget kapital"
 *         by     "Anna Andersson, förtroendevald revisor"
 *         on     2026-03-20
 *
 *     to_correct note2.total[2024]
 *         reason "Summan är fel i den tryckta rapporten"
 *         by     "Anna Andersson, förtroendevald revisor"
 *         on     2026-03-20
 *
 * A reviewed finding is shown with its decision and fails nothing; an entry that matches
 * no finding is itself a finding, so that a stale acceptance cannot hide a new error. */
#ifndef FINSAM_REVIEW_H
#define FINSAM_REVIEW_H

#include "program.h"
#include "result.h"

/* Reads the review file at path into the program's arena and applies it to res: the
 * findings it names get their decision and no longer count as failed; each entry that
 * matches nothing becomes an error finding at the entry. Returns the number of errors
 * in the review file itself (then prog->diags say why, and res is as it was). */
int review_apply(Program *prog, Results *res, const char *path);

/* Whether an entry's key names a finding's: the same key, or the key without its
 * [column] or [row] (a check or a row, in every column or row). */
bool review_key_matches(const char *entry, const char *finding);

/* "accepted", "to be corrected": for the writers, translated. */
const char *review_decision_text(ReviewDecision d);

/* "accepted by Anna Andersson on 2026-03-20: Styrelsen beslutade ...", in the arena. */
const char *review_text(Arena *a, const ReviewEntry *e);

#endif
