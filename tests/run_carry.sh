#!/bin/sh
# run_carry.sh FINSAM [--update]: finsam new, next year's file.
#
# - tests/carry/small.fin, carried forward, is compared whole with small.expected
#   (the new file) and small.stderr (each change listed), and loads and checks.
# - Round trip: each example's 2024.fin, carried forward, is diffed with the hand-
#   written 2025.fin; the diff is compared with tests/carry/EXAMPLE.diff (read it:
#   what a person still writes), and the carried file checks with no failure. The
#   count of lines a person must touch (the lines with a '?') is in touch.expected.
# - Each example's 2025.fin carried to 2026.fin checks with no failure.
# - Never over a file, nor outside the folder; a file with errors makes no new file.
# --update rewrites the expected files from what finsam does now (then read the diff).
# The last line is "carry: N passed, N failed". POSIX sh.

update=${2:-}
. "$(dirname "$0")/lib.sh"
suite_setup carry "$@"
root=$PWD

# same EXPECTED ACTUAL WHAT: compare (or, with --update, write) an expected file.
same() {
    if [ "$update" = "--update" ]; then
        cp "$2" "$1"
    fi
    if cmp -s "$1" "$2"; then ok; else bad "$3 differs from $1:"; diff "$1" "$2" | head -20; fi
}

# --- the small file: every kind of change -----------------------------------------
mkdir "$tmp/small"
cp tests/carry/small.fin tests/carry/rules2025.fin "$tmp/small/"
(cd "$tmp/small" && "$finsam" new small.fin >"$tmp/out" 2>"$tmp/err")
st=$?
[ "$st" -eq 0 ] && [ ! -s "$tmp/out" ] && ok || bad "finsam new small.fin: exit $st, or stdout not empty"
same tests/carry/small.expected "$tmp/small/2026.fin" "the carried small.fin"
same tests/carry/small.stderr "$tmp/err" "finsam new's list of changes"
(cd "$tmp/small" && "$finsam" check 2026.fin >"$tmp/out" 2>"$tmp/err")
st=$?
if [ "$st" -eq 0 ] && grep -Eq ' 0 failed, 0 warnings(, [0-9]+ not run)?$' "$tmp/out" &&
   grep -q "to fill in, written '?': 21 cells, 5 figures of the text" "$tmp/out"; then
    ok
else
    bad "the carried small file should check with no failure and 21 cells, 5 figures to fill in (exit $st)"
    cat "$tmp/out" "$tmp/err" | head -20
fi

# never over a file: a second run leaves 2026.fin as it is
cp "$tmp/small/2026.fin" "$tmp/keep"
(cd "$tmp/small" && "$finsam" new small.fin >"$tmp/out" 2>"$tmp/err")
st=$?
if [ "$st" -eq 2 ] && grep -q "is there already" "$tmp/err" && cmp -s "$tmp/keep" "$tmp/small/2026.fin" &&
   [ "$(ls "$tmp/small" | wc -l)" -eq 3 ]; then
    ok
else
    bad "a second finsam new should refuse, exit 2, and leave the file and no temporary file (exit $st)"
fi

# -o in the same folder is fine; in another folder, the new file could not find its previous
(cd "$tmp/small" && "$finsam" new -o other.fin small.fin >/dev/null 2>&1) && [ -f "$tmp/small/other.fin" ] &&
    grep -q 'previous   "small"' "$tmp/small/other.fin" && ok || bad "finsam new -o other.fin"
mkdir "$tmp/elsewhere"
(cd "$tmp/small" && "$finsam" new -o ../elsewhere/x.fin small.fin >"$tmp/out" 2>"$tmp/err")
st=$?
[ "$st" -eq 2 ] && grep -q "must be in the folder of" "$tmp/err" && [ ! -e "$tmp/elsewhere/x.fin" ] &&
    ok || bad "finsam new -o into another folder should be refused (exit $st)"

# a file with an error makes no new file
mkdir "$tmp/broken"
sed 's/fees + costs/fees + cost/' tests/carry/small.fin >"$tmp/broken/small.fin"
cp tests/carry/rules2025.fin "$tmp/broken/"
(cd "$tmp/broken" && "$finsam" new small.fin >"$tmp/out" 2>"$tmp/err")
st=$?
[ "$st" -eq 2 ] && grep -q "no new file: 1 error in the input" "$tmp/err" && [ ! -e "$tmp/broken/2026.fin" ] &&
    ok || bad "finsam new of a file with an error: exit $st, should be 2 and write nothing"

# a new file that does not load: an imported table has only last year's column. The
# file is written (the year file carried well), and finsam new says at once why it does
# not load and where the fix is, with status 2, rather than leave it to the next check.
mkdir "$tmp/imported"
printf 'table fees "Avgifter" (2025) {\n    state "Staten" | 1 000\n}\n' >"$tmp/imported/fed.fin"
printf 'import "fed"\nreport "Årsredovisning 2025" {\n    year 2025\n}\ntable income "Intäkter" (2025) {\n    fees "Avgifter" | 1 000\n}\ncheck same "Avgifterna" error:\n    income.fees[year] == fees.state[year]\n' \
    >"$tmp/imported/2025.fin"
(cd "$tmp/imported" && "$finsam" new 2025.fin >"$tmp/out" 2>"$tmp/err")
st=$?
if [ "$st" -eq 2 ] && [ -f "$tmp/imported/2026.fin" ] &&
   grep -q "^2026.fin:10:37: error: table 'fees' has no column for the report's year 2026" "$tmp/err" &&
   grep -q "= table 'fees' is in fed.fin:1:7, which this file imports: give it a column 2026 there, or move the table into the year file" "$tmp/err" &&
   grep -q "^finsam new: wrote 2026.fin: 1 table moved on a year" "$tmp/err" &&
   grep -q "^finsam new: 2026.fin does not load yet: 1 error$" "$tmp/err"; then ok; else
    bad "finsam new whose new file does not load: exit $st, should be 2 with the error and where to fix it"; cat "$tmp/err"; fi

# Swedish counts take their own plural: "1 tabell flyttad", not "1 tabeller flyttade"
mkdir "$tmp/one"
printf 'report "Årsredovisning 2025" {\n    year 2025\n}\n\ntable t "Tabell" (2025, 2024) {\n    a "A" | 1 | 2\n}\n' >"$tmp/one/one.fin"
(cd "$tmp/one" && "$finsam" new --lang sv one.fin >/dev/null 2>"$tmp/err")
grep -q "skrev 2026.fin: 1 tabell flyttad ett år framåt, 1 årtal i rubriker, etiketter och källor flyttat framåt; att fylla i, skrivna '?': 1 cell, 0 siffror ur texten" "$tmp/err" &&
    ok || { bad "finsam new in Swedish: the singular counts"; tail -1 "$tmp/err"; }

# a plan carried forward: next year's plan, a plan's block, that checks with no failure
for ex in norrdal vvnd; do
    mkdir "$tmp/$ex-plan"
    cp "examples/$ex/plan2025.fin" "examples/$ex/federation.fin" "$tmp/$ex-plan/"
    (cd "$tmp/$ex-plan" && "$finsam" new -o plan2026.fin plan2025.fin >/dev/null 2>&1 &&
        "$finsam" check plan2026.fin >"$tmp/out" 2>&1)
    st=$?
    if [ "$st" -eq 0 ] && grep -q '^plan "Verksamhetsplan med budget 2026' "$tmp/$ex-plan/plan2026.fin" &&
       grep -Eq ' 0 failed, 0 warnings(, [0-9]+ not run)?$' "$tmp/out"; then ok; else
        bad "$ex: plan2025.fin carried to plan2026.fin should be a plan and check with no failure (exit $st)"; head -5 "$tmp/out"; fi
done

# --- the examples: round trip 2024 -> 2025, and 2025 -> 2026 ------------------------
: >"$tmp/touch"
for ex in norrdal vvnd; do
    mkdir "$tmp/$ex"
    cp "examples/$ex/2024.fin" "examples/$ex/federation.fin" "$tmp/$ex/"
    if (cd "$tmp/$ex" && "$finsam" new 2024.fin >/dev/null 2>"$tmp/err"); then ok; else bad "finsam new $ex/2024.fin"; fi
    (cd "$tmp/$ex" && "$finsam" check 2025.fin >"$tmp/out" 2>&1)
    st=$?
    if [ "$st" -eq 0 ] && grep -Eq ' 0 failed, 0 warnings(, [0-9]+ not run)?$' "$tmp/out"; then ok; else
        bad "$ex: 2024.fin carried forward should check with no failure (exit $st)"; head -20 "$tmp/out"; fi
    diff "$tmp/$ex/2025.fin" "examples/$ex/2025.fin" >"$tmp/$ex.diff"
    same "tests/carry/$ex.diff" "$tmp/$ex.diff" "$ex: the carried 2024.fin against the hand-written 2025.fin"
    echo "$ex: $(grep -c '?' "$tmp/$ex/2025.fin") lines to touch after finsam new 2024.fin" >>"$tmp/touch"

    mkdir "$tmp/$ex-2026"
    cp "examples/$ex/"*.fin "$tmp/$ex-2026/"
    (cd "$tmp/$ex-2026" && "$finsam" new 2025.fin >/dev/null 2>&1 && "$finsam" check 2026.fin >"$tmp/out" 2>&1)
    st=$?
    if [ "$st" -eq 0 ] && grep -q ' 0 failed, ' "$tmp/out"; then ok; else
        bad "$ex: 2025.fin carried to 2026.fin should check with no failure (exit $st)"; head -20 "$tmp/out"; fi
    echo "$ex: $(grep -c '?' "$tmp/$ex-2026/2026.fin") lines to touch after finsam new 2025.fin" >>"$tmp/touch"
done
same tests/carry/touch.expected "$tmp/touch" "the lines to touch"

echo "carry: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
