/* i18n: finsam's own words in the user's language, through gettext.
 *
 * Every message finsam writes itself (diagnostics, hints, the words of the text,
 * report and CI output, usage and help) is written in English in the source and
 * wrapped in _(), so that xgettext can collect it into po/finsam.pot and gettext can
 * show the Swedish (or English) msgstr of the catalogue main.c has chosen (--lang or
 * the locale). What comes from a rule file (labels, titles, sources, names) is shown
 * as written, and what machines read (JSON keys and enum values, the structure of
 * JUnit and TAP, check names and tags such as [formula]) is never translated.
 *
 * N_() only marks a string for xgettext and leaves it as it is: it is for strings in
 * static tables and initializers, where a function call is not allowed; they are
 * translated with _() where they are used. Until main.c has set the locale, gettext
 * returns every string unchanged, so the unit tests and the fuzzing harnesses, which
 * never set it, see the English text. */
#ifndef FINSAM_I18N_H
#define FINSAM_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
