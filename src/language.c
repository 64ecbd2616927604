#include "language.h"

#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"

/* The language of the locale: the first of LC_ALL, LC_MESSAGES and LANG that is set,
 * as setlocale would read them; "sv..." is Swedish, anything else English. */
static const char *language_of_locale(void)
{
    static const char *const vars[] = {"LC_ALL", "LC_MESSAGES", "LANG"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return strncmp(v, "sv", 2) == 0 ? "sv" : "en";
    }
    return "en";
}

/* Messages in lang ("sv" or "en") from the catalogues in FINSAM_LOCALE_DIR. LANGUAGE
 * chooses the catalogue; the locale is C.UTF-8, which needs no Swedish locale to be
 * installed and changes nothing else: finsam formats its figures itself. Only the
 * categories that messages need are set, since each costs files to open at every
 * start: LC_MESSAGES, for gettext to read LANGUAGE at all, and for Swedish LC_CTYPE
 * too, so that the C library's own messages (strerror) come in UTF-8.
 *
 * English is the messages as written: po/en.po gives each message itself (make pot
 * writes it with msgen), with the plural of the C locale, (n != 1). So English stays
 * in the C locale, where gettext returns each message without a catalogue to open,
 * map and search at every start. */
static void use_language(const char *lang)
{
    /* in the C locale gettext reads no LANGUAGE: English sets nothing (no setenv, which
     * copies the environment at every start) */
    if (strcmp(lang, "en") == 0)
        return;
    setenv("LANGUAGE", lang, 1);
    if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8"))
        setlocale(LC_MESSAGES, "");
    if (strcmp(lang, "sv") == 0 && !setlocale(LC_CTYPE, "C.UTF-8"))
        setlocale(LC_CTYPE, "C.utf8");
    bindtextdomain("finsam", FINSAM_LOCALE_DIR);
    bind_textdomain_codeset("finsam", "UTF-8");
    textdomain("finsam");
}

static bool known(const char *lang)
{
    return strcmp(lang, "sv") == 0 || strcmp(lang, "en") == 0;
}

int language_choose(int *argc, char **argv)
{
    const char *lang = NULL, *bad = NULL;
    bool missing = false;
    /* from argv[1]: --lang may come before the command too ("finsam --lang sv --help") */
    int out = 1;
    for (int i = 1; i < *argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0) {
            while (i < *argc)
                argv[out++] = argv[i++];
            break;
        }
        const char *v = NULL;
        if (strncmp(a, "--lang=", 7) == 0) {
            v = a + 7;
        } else if (strcmp(a, "--lang") == 0) {
            if (i + 1 < *argc)
                v = argv[++i];
            else
                missing = true;
        } else {
            argv[out++] = argv[i];
            if ((strcmp(a, "-I") == 0 || strcmp(a, "-o") == 0 || strcmp(a, "--format") == 0 ||
                 strcmp(a, "--output") == 0 || strcmp(a, "--table") == 0 ||
                 strcmp(a, "--rules") == 0 || strcmp(a, "--review") == 0) &&
                i + 1 < *argc)
                argv[out++] = argv[++i]; /* an option's value, not an option */
            continue;
        }
        if (v && known(v))
            lang = v;
        else if (v && !bad)
            bad = v;
    }
    if (*argc > 1) {
        *argc = out;
        argv[out] = NULL;
    }
    use_language(lang ? lang : language_of_locale());
    if (bad)
        return cli_usage_error(_("--lang takes sv (Swedish) or en (English), not '%s'"), bad);
    if (missing)
        return cli_usage_error("%s", _("--lang needs a language: --lang sv or --lang en"));
    return -1;
}
