/* language: the language of finsam's own words, decided once, before anything is said,
 * for every command. */
#ifndef FINSAM_LANGUAGE_H
#define FINSAM_LANGUAGE_H

/* Reads --lang from the command line (before the command or among its options, up to
 * "--"), takes every
 * --lang and its value out of argv (so that no command reads it again), and sets the
 * language of messages: the option's, else the locale's (LC_ALL, LC_MESSAGES, LANG:
 * "sv..." is Swedish, anything else English). Returns -1 to go on, or the exit status
 * of a usage error (a --lang without a language, or one finsam does not have), which it
 * has printed in the locale's language. */
int language_choose(int *argc, char **argv);

#endif
