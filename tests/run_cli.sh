#!/bin/sh
# run_cli.sh FINSAM: the command line: usage, options, exit statuses, unreadable files.
#
# Each case runs FINSAM from the project root (FINSAM_PATH and NO_COLOR unset, English
# messages by LANG=C.UTF-8 unless the case sets its own, within TEST_TIMEOUT seconds,
# default 60) on small files written to a temporary folder, and
# checks the exit status, whether stdout is empty, and what stderr says. The last line
# is "cli: N passed, N failed"; exit status 1 if any failed. POSIX sh.

. "$(dirname "$0")/lib.sh"
suite_setup cli "$@"
version=$(sed -n 's/^VERSION *:= *//p' Makefile)
esc=$(printf '\033')
mkdir "$tmp/lib"

# A small year file that is right in every respect.
cat >"$tmp/ok.fin" <<'FIN'
report "Årsredovisning 2025" {
    federation "Testförbundet"
    year 2025
    decided 2026-03-16
}

accounts income "Resultaträkning" (2025, 2024) {
    fees   "Verksamhetens medlemsavgifter"  |  7 864 004 |  8 028 000
    costs  "Verksamhetens kostnader"        | -8 160 786 | -8 282 457
    result "Årets resultat" = fees + costs  |   -296 782 |   -254 457
}

check fees_cover_half "Medlemsavgifterna täcker minst halva kostnaden" error:
    income.fees >= -income.costs / 2
FIN

# The same, with a check that fails (an error) or only warns.
sed '$d' "$tmp/ok.fin" | sed '$d' >"$tmp/fail-base.fin"
{ cat "$tmp/fail-base.fin"
  echo 'check positive_result "Årets resultat är positivt" error:'
  echo '    income.result >= 0'; } >"$tmp/fail.fin"
{ cat "$tmp/fail-base.fin"
  echo 'check positive_result "Årets resultat är positivt" warning:'
  echo '    income.result >= 0'; } >"$tmp/warn.fin"

# A file that imports "shared", which lives only in lib/.
cat >"$tmp/lib/shared.fin" <<'FIN'
param cost_share "Lägsta andel av kostnaden som medlemsavgifterna ska täcka" = 50%
    from 2024-01-01
FIN
{ echo 'import "shared"'; echo; sed '$d' "$tmp/fail-base.fin"
  echo 'check fees_cover_share "Medlemsavgifterna täcker sin andel av kostnaden" error:'
  echo '    income.fees >= cost_share * -income.costs'; } >"$tmp/main.fin"

# A file with one mistake, for the color options.
sed 's/fees + costs/fees + cost/' "$tmp/ok.fin" >"$tmp/bad.fin"

out=$tmp/stdout
err=$tmp/stderr
passed=0
failed=0
name=""
problems=""

# run NAME ARG...: run finsam with the arguments (and $case_env, words of the form
# VAR=VALUE, in its environment); then the expect_* functions, then done.
case_env=""
run() {
    name=$1
    shift
    problems=""
    shown="finsam $*"
    # shellcheck disable=SC2086 # case_env is meant to split into words
    $run_limited env $case_env "$finsam" "$@" >"$out" 2>"$err" </dev/null
    status=$?
    case_env=""
}

problem() { problems="$problems
    $*"; }

expect_status() {
    [ "$status" -eq "$1" ] || problem "exit status $status, expected $1"
}
expect_no_stdout() {
    [ -s "$out" ] && problem "stdout should be empty"
    return 0
}
expect_no_stderr() {
    [ -s "$err" ] && problem "stderr should be empty"
    return 0
}
# expect_stdout_has TEXT / expect_stderr_has TEXT: contains TEXT, ignoring case.
expect_stdout_has() {
    grep -qiF -e "$1" "$out" || problem "stdout should mention '$1'"
}
expect_stderr_has() {
    grep -qiF -e "$1" "$err" || problem "stderr should mention '$1'"
}
expect_stderr_lacks() {
    grep -qF -e "$1" "$err" && problem "stderr should not contain '$1'"
    return 0
}
expect_stdout_lacks() {
    grep -qF -e "$1" "$out" && problem "stdout should not contain '$1'"
    return 0
}
# expect_first_error_starts PREFIX: the first line of stderr begins with PREFIX.
expect_first_error_starts() {
    first=$(head -n 1 "$err")
    case $first in
        "$1"*) ;;
        *) problem "the first line of stderr should begin '$1'" ;;
    esac
}

done_case() {
    if [ -z "$problems" ]; then
        passed=$((passed + 1))
        echo "ok     $name"
    else
        failed=$((failed + 1))
        printf 'FAILED %s: %s%s\n' "$name" "$shown" "$problems"
        if [ -s "$out" ]; then
            echo "    stdout:"
            head -n 8 "$out" | sed 's/^/      | /'
        fi
        if [ -s "$err" ]; then
            echo "    stderr:"
            head -n 8 "$err" | sed 's/^/      | /'
        fi
    fi
}

# Usage and options.
run no-arguments
expect_status 2; expect_no_stdout; expect_stderr_has usage
# The usage names every command there is.
for command in check report rules draft new sie fmt lsp; do
    expect_stderr_has "finsam $command"
done
done_case

run check-without-files check
expect_status 2; expect_no_stdout; expect_stderr_has usage; done_case

# A mistake within a command shows that command's usage, not every command's.
run usage-of-its-command sie
expect_status 2; expect_no_stdout
expect_stderr_has "usage: finsam sie [options] [--format FORMAT] SIEFILE..."
expect_stderr_lacks "finsam check [options]"
expect_stderr_has "Try 'finsam sie --help' for more information."; done_case

run usage-of-new new
expect_status 2; expect_no_stdout; expect_stderr_has "no file: finsam new FILE"
expect_stderr_has "usage: finsam new [options] [-o PATH] FILE"
expect_stderr_lacks "finsam report [options]"; done_case

run usage-of-draft draft --frobnicate
expect_status 2; expect_no_stdout; expect_stderr_has "unknown option '--frobnicate'"
expect_stderr_has "usage: finsam draft [-o PATH] REPORT.txt"
expect_stderr_lacks "finsam check [options]"; done_case

run swedish-usage-of-its-command check --lang sv --frobnicate "$tmp/ok.fin"
expect_status 2; expect_no_stdout
expect_stderr_has "användning: finsam check [flaggor] FIL|MAPP..."
expect_stderr_lacks "finsam sie [flaggor]"; done_case

run unknown-command chekc "$tmp/ok.fin"
expect_status 2; expect_no_stdout
expect_stderr_has "unknown command 'chekc': did you mean 'check'?"; done_case

run unknown-command-in-capitals SIE "$tmp/ok.fin"
expect_status 2; expect_no_stdout; expect_stderr_has "did you mean 'sie'?"; done_case

run unknown-command-far-from-any xyzzy "$tmp/ok.fin"
expect_status 2; expect_no_stdout; expect_stderr_has "unknown command 'xyzzy'"
expect_stderr_lacks "did you mean"; done_case

run a-file-without-its-command "$tmp/ok.fin"
expect_status 2; expect_no_stdout
expect_stderr_has "'$tmp/ok.fin' is not a command: finsam check $tmp/ok.fin"; done_case

run a-folder-without-its-command "$tmp"
expect_status 2; expect_no_stdout; expect_stderr_has "finsam check $tmp"; done_case

run a-year-file-without-fin check "$tmp/ok"
expect_status 2; expect_no_stdout; expect_stderr_has "cannot read"
expect_stderr_has "hint: did you mean $tmp/ok.fin?"; done_case

run a-file-that-is-not-there check "$tmp/nowhere"
expect_status 2; expect_no_stdout; expect_stderr_has "cannot read"
expect_stderr_lacks "did you mean"; done_case

run a-ledger-without-its-command bokforing.SE
expect_status 2; expect_no_stdout; expect_stderr_has "finsam sie bokforing.SE"; done_case

run unknown-option check --frobnicate "$tmp/ok.fin"
expect_status 2; expect_no_stdout; expect_stderr_has --frobnicate; done_case

run bad-color-value check --color=sometimes "$tmp/ok.fin"
expect_status 2; expect_no_stdout; expect_stderr_has sometimes; done_case

run include-without-folder check "$tmp/ok.fin" -I
expect_status 2; expect_no_stdout; expect_stderr_has -I; done_case

run help --help
expect_status 0; expect_stdout_has check; expect_no_stderr; done_case

# The help teaches every command and option.
run help-names-everything --help
expect_status 0
for word in "finsam report" "finsam rules" --format -o --table --excel --allow-outside --strict \
            --quiet --color --lang -I markdown html json csv junit tap; do
    expect_stdout_has "$word"
done; done_case

run excel-is-for-csv report --excel "$tmp/ok.fin"
expect_status 2; expect_no_stdout; expect_stderr_has --excel; done_case

run rules-has-no-format rules --format json "$tmp/ok.fin"
expect_status 2; expect_no_stdout
expect_first_error_starts "finsam: error: finsam rules prints text only"; done_case

run color-alone check --color "$tmp/bad.fin"
expect_status 2; expect_stderr_has "${esc}["; done_case

run color-value-apart check --color never "$tmp/bad.fin"
expect_status 2; expect_stderr_lacks "$esc" "escape sequences"; done_case

rm -rf "$tmp/tables"
run csv-folder-made report --format csv -o "$tmp/tables/" "$tmp/ok.fin"
expect_status 0
[ -f "$tmp/tables/income.csv" ] || problem "no $tmp/tables/income.csv"; done_case

run csv-folder-not-named-as-one report --format csv -o "$tmp/no-such-folder" "$tmp/ok.fin"
expect_status 2; expect_no_stdout
expect_stderr_has "give a folder with -o DIR/"
[ -e "$tmp/no-such-folder" ] && problem "$tmp/no-such-folder was made"; done_case

run version --version
expect_status 0; expect_stdout_has "$version"; expect_no_stderr; done_case

# Files that cannot be read.
run missing-file check tests/no-such-file.fin
expect_status 2; expect_no_stdout
expect_first_error_starts "tests/no-such-file.fin: error: "
expect_stderr_has "No such file or directory"; done_case

mkdir -p "$tmp/empty-folder" "$tmp/folder/sub"
cp "$tmp/ok.fin" "$tmp/folder/sub/b.fin"
cp "$tmp/ok.fin" "$tmp/folder/a.fin"
printf '# a rule set: no report block\nparam x = 1\n' > "$tmp/folder/rules.fin"
run folder-without-year-files check "$tmp/empty-folder"
expect_status 2; expect_no_stdout
expect_first_error_starts "finsam: error: no year file"; done_case

run folder-of-year-files check --color=never "$tmp/folder"
expect_status 0; expect_stdout_has "total (2 files)"; done_case

# The worst status; the file that could be read is still checked and summed up.
run missing-file-after-good-one check --color=never "$tmp/ok.fin" tests/no-such-file.fin
expect_status 2; expect_stdout_has "total (2 files, 1 not checked)"
expect_first_error_starts "tests/no-such-file.fin: error: "; done_case

cp -r "$tmp/folder" "$tmp/folder-with-a-bad-file"
printf 'report "R" { year 2025 }\naccounts t "T" (2025) {\n' >"$tmp/folder-with-a-bad-file/sub/c.fin"
run folder-with-a-bad-file check --color=never "$tmp/folder-with-a-bad-file"
expect_status 2
expect_stdout_has "folder-with-a-bad-file/a.fin: 4 checks, 4 passed"
expect_stdout_has "folder-with-a-bad-file/sub/b.fin: 4 checks, 4 passed"
expect_stdout_has "total (3 files, 1 not checked): 8 checks, 8 passed, 0 failed, 0 warnings"
expect_stderr_has "folder-with-a-bad-file/sub/c.fin: not checked"; done_case

# Exit statuses of files that can be read.
run all-checks-pass check --color=never "$tmp/ok.fin"
expect_status 0; expect_no_stderr; done_case

run quiet check --quiet "$tmp/ok.fin"
expect_status 0; expect_no_stderr; done_case

run failed-check check --color=never "$tmp/fail.fin"
expect_status 1; expect_stdout_has positive_result; expect_no_stderr; done_case

run warning-allowed check --color=never "$tmp/warn.fin"
expect_status 0; expect_stdout_has positive_result; done_case

run warning-strict check --strict --color=never "$tmp/warn.fin"
expect_status 1; expect_stdout_has positive_result; done_case

# Imports: the importing file's folder, then -I, then FINSAM_PATH.
run import-not-found check --color=never "$tmp/main.fin"
expect_status 2; expect_no_stdout
expect_first_error_starts "$tmp/main.fin:1:1: error: "; done_case

run import-with-include check --color=never -I "$tmp/lib" "$tmp/main.fin"
expect_status 0; expect_no_stderr; done_case

case_env="FINSAM_PATH=/nonexistent:$tmp/lib"
run import-with-finsam-path check --color=never "$tmp/main.fin"
expect_status 0; expect_no_stderr; done_case

# Color.
run color-always check --color=always "$tmp/bad.fin"
expect_status 2; expect_no_stdout; expect_stderr_has "${esc}["; done_case

run color-never check --color=never "$tmp/bad.fin"
expect_status 2; expect_no_stdout; expect_stderr_lacks "$esc" "escape sequences"; done_case

case_env="NO_COLOR=1"
run no-color-env check --color=auto "$tmp/bad.fin"
expect_status 2; expect_no_stdout; expect_stderr_lacks "$esc" "escape sequences"; done_case

# Language: --lang, else LC_ALL, LC_MESSAGES, LANG (the first set; sv... is Swedish),
# else English.
case_env="LANG=sv_SE.UTF-8"
run swedish-from-lang check --color=never "$tmp/fail.fin"
expect_status 1; expect_stdout_has "2 underkända"; expect_stdout_has ": fel: "
expect_stdout_lacks " failed"; done_case

case_env="LANG=sv_SE.UTF-8"
run lang-en-over-locale check --color=never --lang en "$tmp/fail.fin"
expect_status 1; expect_stdout_has "2 failed"; expect_stdout_has ": error: "
expect_stdout_lacks "underkänd"; done_case

case_env="LANG=en_GB.UTF-8"
run lang-sv-over-locale check --color=never --lang=sv "$tmp/fail.fin"
expect_status 1; expect_stdout_has "2 underkända"; done_case

case_env="LC_ALL=C.UTF-8 LANG=sv_SE.UTF-8"
run lc-all-before-lang check --color=never "$tmp/fail.fin"
expect_status 1; expect_stdout_has "2 failed"; done_case

case_env="LC_MESSAGES=sv_SE.UTF-8 LANG=C.UTF-8"
run lc-messages-before-lang check --color=never "$tmp/fail.fin"
expect_status 1; expect_stdout_has "2 underkända"; done_case

run swedish-usage-error check --lang sv --frobnicate "$tmp/ok.fin"
expect_status 2; expect_no_stdout; expect_stderr_has "okänd flagga '--frobnicate'"
expect_stderr_has "användning:"; done_case

run lang-unknown check --lang fr "$tmp/ok.fin"
expect_status 2; expect_no_stdout; expect_stderr_has "--lang"; expect_stderr_has "'fr'"
expect_stderr_has usage; done_case

run lang-without-value check "$tmp/ok.fin" --lang
expect_status 2; expect_no_stdout; expect_stderr_has "--lang"; done_case

# --lang is read once, in one place, for every command: fmt and draft refuse a
# language finsam does not have as check does (they used to skip it in silence), and
# speak the one chosen.
run fmt-lang-unknown fmt --lang fr --check "$tmp/ok.fin"
expect_status 2; expect_no_stdout; expect_stderr_has "'fr'"; done_case

run draft-lang-without-value draft "$tmp/ok.fin" --lang
expect_status 2; expect_no_stdout; expect_stderr_has "--lang"; done_case

run draft-lang-swedish draft --lang=sv "$tmp/no-such-report.txt"
expect_status 2; expect_no_stdout; expect_stderr_has "Filen eller katalogen finns inte"
done_case

# The HTML report says each alternative of a check that failed with 'or', as the text
# and Markdown reports do (goldens check-or-report and check-or).
run html-or-alternatives report --format html -o - --lang sv tests/golden/check-or.fin
expect_status 1
expect_stdout_has '<span class="alternative">eller <code>balance.result[2025] &gt; 0</code>: '
expect_stdout_has '<span class="alternative">eller <code>not (balance.equity[2025] &gt; 0)</code>: falskt'
done_case

run help-swedish --help --lang sv
expect_status 0; expect_stdout_has "--lang=SPRÅK"; expect_stdout_has "årsredovisning"
expect_no_stderr; done_case

# --lang before the command, or before --help, is taken as after it.
run help-lang-first --lang sv --help
expect_status 0; expect_stdout_has "--lang=SPRÅK"; expect_no_stderr; done_case

run lang-before-command --lang=sv check "$tmp/fail.fin"
expect_status 1; expect_stdout_has "godkänd"; done_case

# Every command answers --help: draft has its own.
run draft-help draft --help
expect_status 0; expect_stdout_has "usage: finsam draft"; expect_stdout_has "-o PATH"
expect_no_stderr; done_case

run draft-help-swedish --lang sv draft -h
expect_status 0; expect_stdout_has "finsam draft"; expect_stdout_has "-o SÖKVÄG"
expect_no_stderr; done_case

# A previous year that is a hard link to a year already among them is that file again
# (years.c knows a file by device and inode): said so, not read as a year of its own.
mkdir "$tmp/hard"
cat >"$tmp/hard/2025.fin" <<'FIN'
report "Årsredovisning 2025" {
    year 2025
    previous "2024"
}
FIN
cat >"$tmp/hard/2024.fin" <<'FIN'
report "Årsredovisning 2024" {
    year 2024
    previous "again"
}
FIN
ln "$tmp/hard/2024.fin" "$tmp/hard/again.fin"
run previous-hard-link check "$tmp/hard/2025.fin"
expect_status 2; expect_no_stdout
expect_stderr_has "'previous' leads back to $tmp/hard/again.fin, which is already among the years"
done_case

echo "cli: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
