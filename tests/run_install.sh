#!/bin/sh
# run_install.sh FINSAM: make install into a temporary DESTDIR (PREFIX=/usr, as the
# package does), the installed binary run from another folder on a copy of the
# example and compared with FINSAM's output, the man pages linted, the bash completion
# asked, make uninstall, and make deb: its contents (dpkg-deb -c), control fields,
# md5sums, and its binary run from a throwaway root (dpkg -x). The Swedish man pages
# (man/sv/) are linted, installed and packaged as the English ones are, come out in
# UTF-8, and name the options, entries and keywords the English ones name. Runs make from the
# project's root; the package build is kept in build/pkg. The last line is
# "install: N passed, N failed"; exit status 1 if any failed. POSIX sh.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/run_install.sh FINSAM" >&2
    exit 2
fi
finsam=$1
case $finsam in
    /*) ;;
    */*) finsam=$PWD/$finsam ;;
esac
cd "$(dirname "$0")/.." || exit 2
root=$PWD
unset FINSAM_PATH NO_COLOR LANGUAGE LC_ALL LC_MESSAGES DESTDIR PREFIX MAKEFLAGS MFLAGS
LANG=C.UTF-8
export LANG

tmp=$(mktemp -d "${TMPDIR:-/tmp}/finsam-install.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAILED: $*"; failed=$((failed + 1)); }

# runs_like NAME BINARY RULES: BINARY, run from a folder of its own on a copy of the
# vvnd example with RULES searched for imports, prints what FINSAM prints for it.
runs_like() {
    rm -rf "$tmp/work" && mkdir -p "$tmp/work/elsewhere" && cp -R examples/vvnd "$tmp/work/" &&
    (cd "$tmp/work/elsewhere" && "$finsam" check --color=never ../vvnd/2025.fin) \
        >"$tmp/want" 2>&1
    (cd "$tmp/work/elsewhere" && FINSAM_PATH=$3 "$2" check --color=never ../vvnd/2025.fin) \
        >"$tmp/got" 2>&1; st=$?
    # the rule set's own findings name its file where each binary found it
    sed "s|$root/rules/|RULES/|g" "$tmp/want" >"$tmp/want.n"
    sed "s|$3/|RULES/|g" "$tmp/got" >"$tmp/got.n"
    if [ $st -eq 1 ] && cmp -s "$tmp/want.n" "$tmp/got.n" && grep -Eq "checks( \([^)]*\))?, " "$tmp/got"; then
        ok; else bad "$1: the installed binary checks the example differently (status $st)"
        diff "$tmp/want.n" "$tmp/got.n" | head -5; fi
    (cd "$tmp/work/elsewhere" && FINSAM_PATH=$3 "$2" fmt --check ../vvnd/2025.fin) >/dev/null 2>&1 &&
        ok || bad "$1: the installed binary's fmt --check fails on the example"
}

# ---- make install into a DESTDIR ---------------------------------------------------
stage=$tmp/stage
if ! make -s --no-print-directory deb-stage DESTDIR="$stage" >"$tmp/log" 2>&1; then
    bad "make install (deb-stage) DESTDIR=$stage PREFIX=/usr"; tail -20 "$tmp/log"
fi
for f in usr/bin/finsam usr/share/finsam/rules/finsam.fin \
         usr/share/locale/sv/LC_MESSAGES/finsam.mo usr/share/locale/en/LC_MESSAGES/finsam.mo \
         usr/share/man/man1/finsam.1 usr/share/man/man5/finsam.5 \
         usr/share/man/sv/man1/finsam.1 usr/share/man/sv/man5/finsam.5 \
         usr/share/bash-completion/completions/finsam \
         usr/share/vim/vimfiles/syntax/finsam.vim usr/share/vim/vimfiles/ftdetect/finsam.vim \
         usr/share/emacs/site-lisp/finsam-mode.el \
         usr/share/finsam/editors/vscode/syntaxes/finsam.tmLanguage.json; do
    [ -f "$stage/$f" ] && ok || bad "make install did not install /$f"
done
[ -x "$stage/usr/bin/finsam" ] && ok || bad "the installed finsam is not executable"
# DESTDIR stages; the binary looks where the files will be, never in the stage.
"$stage/usr/bin/finsam" --help >"$tmp/help" 2>&1
grep -q "^  /usr/share/finsam/rules\$" "$tmp/help" && ok ||
    bad "the installed binary does not look for rules in /usr/share/finsam/rules"
grep -q -F "$stage" "$stage/usr/bin/finsam" && bad "DESTDIR is compiled into the binary" || ok
for f in man1/finsam.1 sv/man1/finsam.1; do
    grep -q "/usr/share/finsam/rules" "$stage/usr/share/man/$f" && ok ||
        bad "the installed $f does not say where the rules are"
done
runs_like "make install" "$stage/usr/bin/finsam" "$stage/usr/share/finsam/rules"
# The Swedish catalogue is found where the binary was told it would be (with
# TEXTDOMAINDIR unset, gettext looks in the compiled folder, which the stage is not):
# so check the catalogue's contents rather than its place.
cmp -s "$stage/usr/share/locale/sv/LC_MESSAGES/finsam.mo" build/locale/sv/LC_MESSAGES/finsam.mo &&
    ok || bad "the installed Swedish catalogue is not the one built"

# ---- man pages -------------------------------------------------------------------
# groff reads its input as Latin-1 unless told (-K utf8); man runs preconv itself.
for page in man/finsam.1 man/finsam.5 man/sv/finsam.1 man/sv/finsam.5; do
    warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] && ok || bad "man -l $page warns: $warnings"
    warnings=$(groff -K utf8 -man -ww -z -Tutf8 "$page" 2>&1)
    [ -z "$warnings" ] && ok || bad "groff warns on $page: $warnings"
    lexgrog "$page" 2>&1 | grep -q ': "finsam - ' && ok || bad "lexgrog finds no NAME in $page"
    if command -v mandoc >/dev/null 2>&1; then
        lint=$(mandoc -T lint -W all "$page" 2>&1)
        [ -z "$lint" ] && ok || bad "mandoc -T lint -W all $page: $lint"
    fi
done
# finsam(1) names every command and every option --help names.
for word in check report rules new sie draft fmt lsp $(sed -n 's/^  \(-[-a-zA-Z]*\).*/\1/p; s/^  -h, \(--help\).*/\1/p' "$tmp/help" | sed 's/=.*//' | sort -u); do
    pattern=$(printf '%s' "$word" | sed 's/-/\\\\-/g')
    grep -q -- "$pattern" man/finsam.1 && ok || bad "finsam(1) does not mention $word"
done

# The Swedish pages: valid UTF-8 whose å, ä and ö come out of man and of groff as
# themselves (not as escapes, question marks or Latin-1 read twice: Ã¥).
utf8_out() { # utf8_out WHAT FILE: FILE has å, ä, ö and no sign of a wrong reading
    for ch in å ä ö; do
        grep -q "$ch" "$2" || { bad "$1: no $ch in the output"; return; }
    done
    grep -q -e 'Ã' -e '\\\[u00' -e '<U00' "$2" && bad "$1: å, ä, ö read wrong: $(grep -m1 -e 'Ã' -e '\\\[u00' -e '<U00' "$2")" || ok
}
for page in man/sv/finsam.1 man/sv/finsam.5; do
    iconv -f UTF-8 -t UTF-8 "$page" >/dev/null 2>&1 && ok || bad "$page is not UTF-8"
    LC_ALL=C.UTF-8 MANWIDTH=80 man -l "$page" >"$tmp/page" 2>/dev/null
    utf8_out "man -l $page" "$tmp/page"
    groff -K utf8 -man -Tutf8 -P -cbou "$page" >"$tmp/page" 2>/dev/null
    utf8_out "groff -K utf8 $page" "$tmp/page"
done
grep -q '^NAMN$' "$tmp/page" && grep -q 'Fördelningar' "$tmp/page" && ok ||
    bad "groff -K utf8 man/sv/finsam.5 is not the Swedish page"
# man finds them where they are installed: man -L sv, and the English ones without.
LC_ALL=C.UTF-8 MANWIDTH=80 MANPATH="$stage/usr/share/man" man -L sv 1 finsam >"$tmp/page" 2>/dev/null
grep -q '^BESKRIVNING' "$tmp/page" && ok || bad "man -L sv finsam does not show the installed Swedish page"
utf8_out "man -L sv finsam" "$tmp/page"
LC_ALL=C.UTF-8 MANWIDTH=80 MANPATH="$stage/usr/share/man" man -L sv 5 finsam 2>/dev/null |
    grep -q '^   Fördelningar' && ok || bad "man -L sv 5 finsam does not show the installed Swedish page"
LC_ALL=C.UTF-8 MANWIDTH=80 MANPATH="$stage/usr/share/man" man -L en 1 finsam 2>/dev/null |
    grep -q '^DESCRIPTION' && ok || bad "man -L en finsam does not show the English page"

# A translation says what its original says: the same options (both ways: an option
# added to one page only fails), the same entries (.TP tags: commands, options,
# variables, files, exit statuses) in the same order, the same sections, the same
# bracketed finding kinds ([formula], [plan], [ledger], ...); and
# finsam(5) in both languages lists every keyword the scanner has.
options() { # the options a page names, \-\-long and \-s, one a line
    grep -oE '\\-\\-[a-z]+(\\-[a-z]+)*|\\-[a-zA-Z]\b' "$1" | sed 's/\\//g' | sort -u
}
entries() { awk 'prev == ".TP" { print $2 } { prev = $1 }' "$1"; }
sections() { grep -c -E '^\.(SH|SS)' "$1"; }
tags() { # the bracketed words a page names: finding kinds ([formula], [ledger], ...), [year]
    grep -oE '\[[a-z]+(\\-[a-z]+)*\]' "$1" | sed 's/\\//g' | sort -u
}
for n in 1 5; do
    en=man/finsam.$n sv=man/sv/finsam.$n
    options "$en" >"$tmp/en" && options "$sv" >"$tmp/sv"
    missing=$(comm -23 "$tmp/en" "$tmp/sv" | tr '\n' ' ')
    [ -z "$missing" ] && ok || bad "$sv does not name $missing(named in $en)"
    missing=$(comm -13 "$tmp/en" "$tmp/sv" | tr '\n' ' ')
    [ -z "$missing" ] && ok || bad "$en does not name $missing(named in $sv)"
    [ -s "$tmp/en" ] && ok || bad "no options found in $en"
    entries "$en" >"$tmp/en" && entries "$sv" >"$tmp/sv"
    cmp -s "$tmp/en" "$tmp/sv" && ok ||
        bad "$sv and $en differ in their entries: $(diff "$tmp/en" "$tmp/sv" | grep '^[<>]' | tr '\n' ' ')"
    [ "$(sections "$en")" = "$(sections "$sv")" ] && ok ||
        bad "$en has $(sections "$en") sections, $sv $(sections "$sv")"
    tags "$en" >"$tmp/en" && tags "$sv" >"$tmp/sv"
    cmp -s "$tmp/en" "$tmp/sv" && ok ||
        bad "$sv and $en name different findings: $(diff "$tmp/en" "$tmp/sv" | grep '^[<>]' | tr '\n' ' ')"
done
# The example finding that finsam(1) (both languages), README and --help quote is at the line
# and column where finsam reports it in the bundled example.
at=$("$finsam" check --color=never examples/vvnd/2025.fin 2>&1 |
     sed -n 's/^examples\/vvnd\/2025\.fin:\([0-9]*:[0-9]*\): error: Summa, 2024: .*/\1/p')
[ -n "$at" ] && ok || bad "finsam check examples/vvnd/2025.fin no longer reports 'Summa, 2024'"
for f in man/finsam.1 man/sv/finsam.1 README.md; do
    grep -q "2025\.fin:$at: .*Summa, 2024" "$f" && ok ||
        bad "$f quotes the example finding elsewhere than at $at, where finsam reports it"
done
for lang in en sv; do
    "$finsam" --lang $lang --help | grep -q "2025\.fin:$at: .*Summa, 2024" && ok ||
        bad "finsam --lang $lang --help quotes the example finding elsewhere than at $at"
done
kws=$(sed -n 's/^ *KEYWORD("\([a-z]*\)".*/\1/p' src/parse.c)
[ "$(echo "$kws" | wc -w)" -ge 20 ] && ok || bad "found no keywords in src/parse.c"
for kw in $kws; do
    sed -n '/^The keywords$/,/^cannot be used/p' man/finsam.5 | grep -qw -- "$kw" && ok ||
        bad "finsam(5) does not list the keyword $kw"
    sed -n '/^Nyckelorden$/,/^kan inte användas/p' man/sv/finsam.5 | grep -qw -- "$kw" && ok ||
        bad "man/sv/finsam.5 does not list the keyword $kw"
done

# ---- bash completion -------------------------------------------------------------
complete_line() { # complete_line WORD... -> the candidates for the last word
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _finsam; printf "%s\n" "${COMPREPLY[@]}"' \
        sh "$stage/usr/share/bash-completion/completions/finsam" "$@" 2>/dev/null | sort | tr '\n' ' '
}
[ "$(complete_line finsam '')" = "--help --version check draft fmt lsp new report rules sie " ] && ok ||
    bad "completion of commands: $(complete_line finsam '')"
[ "$(complete_line finsam check --format=)" = "json junit tap text " ] && ok ||
    bad "completion of check --format=: $(complete_line finsam check --format=)"
[ "$(complete_line finsam report --format h)" = "html " ] && ok ||
    bad "completion of report --format h: $(complete_line finsam report --format h)"
[ "$(complete_line finsam check --lang '')" = "en sv " ] && ok || bad "completion of --lang"
[ "$(complete_line finsam fmt --c)" = "--check " ] && ok || bad "completion of fmt --c"
mkdir -p "$tmp/files/sub" && touch "$tmp/files/a.fin" "$tmp/files/b.txt"
[ "$(cd "$tmp/files" && complete_line finsam check '')" = "a.fin sub " ] && ok ||
    bad "completion of files: $(cd "$tmp/files" && complete_line finsam check '')"

# ---- make uninstall --------------------------------------------------------------
make -s --no-print-directory uninstall DESTDIR="$stage" PREFIX=/usr >"$tmp/log" 2>&1 ||
    { bad "make uninstall"; tail "$tmp/log"; }
left=$(cd "$stage" && find . -type f | head -5)
[ -z "$left" ] && ok || bad "make uninstall left files: $left"
[ ! -d "$stage/usr/share/finsam" ] && ok || bad "make uninstall left usr/share/finsam"
[ ! -e "$stage/usr/share/man/sv/man1/finsam.1" ] && [ ! -e "$stage/usr/share/man/sv/man5/finsam.5" ] &&
    ok || bad "make uninstall left the Swedish man pages"

# ---- make deb --------------------------------------------------------------------
if ! make -s --no-print-directory deb DEB_DIR="$tmp/deb" >"$tmp/log" 2>&1; then
    bad "make deb"; tail -20 "$tmp/log"
fi
deb=$(ls "$tmp"/deb/finsam_*_*.deb 2>/dev/null | head -n 1)
if [ -z "$deb" ]; then
    bad "make deb built no package"
else
    dpkg-deb -c "$deb" >"$tmp/contents"
    for f in ./usr/bin/finsam ./usr/share/finsam/rules/finsam.fin \
             ./usr/share/locale/sv/LC_MESSAGES/finsam.mo ./usr/share/man/man1/finsam.1.gz \
             ./usr/share/man/man5/finsam.5.gz ./usr/share/man/sv/man1/finsam.1.gz \
             ./usr/share/man/sv/man5/finsam.5.gz ./usr/share/bash-completion/completions/finsam \
             ./usr/share/doc/finsam/copyright ./usr/share/doc/finsam/changelog.Debian.gz; do
        grep -q " $f\$" "$tmp/contents" && ok || bad "dpkg-deb -c: no $f"
    done
    grep -q ' root/root .* ./usr/bin/finsam$' "$tmp/contents" && grep -q '^-rwxr-xr-x' "$tmp/contents" &&
        ok || bad "dpkg-deb -c: /usr/bin/finsam is not root's and executable"
    [ "$(dpkg-deb -f "$deb" Package)" = finsam ] && ok || bad "control: Package"
    dpkg-deb -f "$deb" Version | grep -q "^$(sed -n 's/^VERSION *:= *//p' Makefile)-" && ok ||
        bad "control: Version is not the Makefile's"
    # libc alone: every shared library more is loaded at every start (issue 16)
    dpkg-deb -f "$deb" Depends | grep -Eq '^libc6( \([^,]*\))?$' && ok ||
        bad "control: Depends is not libc6 alone: $(dpkg-deb -f "$deb" Depends)"
    rm -rf "$tmp/root" "$tmp/control" && dpkg-deb -x "$deb" "$tmp/root" && dpkg-deb -e "$deb" "$tmp/control"
    (cd "$tmp/root" && md5sum --quiet -c "$tmp/control/md5sums") >/dev/null 2>&1 && ok ||
        bad "the package's md5sums do not match its files"
    file "$tmp/root/usr/bin/finsam" 2>/dev/null | grep -q "not stripped" &&
        bad "the package's binary is not stripped" || ok
    runs_like "dpkg -x" "$tmp/root/usr/bin/finsam" "$tmp/root/usr/share/finsam/rules"
    zcat "$tmp/root/usr/share/man/man1/finsam.1.gz" | grep -q '^\.TH FINSAM 1' && ok ||
        bad "the package's finsam(1) is not a man page"
    for f in sv/man1/finsam.1 sv/man5/finsam.5; do
        gz=$tmp/root/usr/share/man/$f.gz
        zcat "$gz" 2>/dev/null | grep -q '^\.TH FINSAM [15] .*"finsam ' && ok ||
            bad "the package's $f.gz is not a man page"
        warnings=$(LC_ALL=C.UTF-8 MANWIDTH=80 man --warnings -l "$gz" 2>&1 >"$tmp/page")
        [ -z "$warnings" ] && ok || bad "man -l on the package's $f.gz warns: $warnings"
        utf8_out "man -l on the package's $f.gz" "$tmp/page"
    done
    if command -v lintian >/dev/null 2>&1; then
        # Errors fail; warnings and information are shown (a local build has no
        # source package, so some are expected: see README, Install).
        lintian -I -E --pedantic --tag-display-limit 0 "$deb" >"$tmp/lintian" 2>&1
        grep '^[EW]:' "$tmp/lintian" | sed 's/^/  lintian: /'
        grep -q '^E:' "$tmp/lintian" && bad "lintian finds errors" || ok
        # nothing at all about the man pages, in either language
        grep -E '^[EWIP]:.*usr/share/man/' "$tmp/lintian" >"$tmp/lintian.man"
        [ ! -s "$tmp/lintian.man" ] && ok || bad "lintian on the man pages: $(cat "$tmp/lintian.man")"
    else
        bad "lintian is not installed (make package-deps installs it)"
    fi
fi

echo "install: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
