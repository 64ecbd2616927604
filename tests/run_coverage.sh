#!/bin/sh
# run_coverage.sh BUILD: line and branch coverage of src/ from a gcc --coverage build in
# BUILD (make coverage builds it in build/coverage/ and runs every suite with it first).
#
# gcov reads each src/NAME.c's notes and counts (BUILD/NAME.gcno, .gcda) and writes
# BUILD/gcov/NAME.c.gcov; the generated parser and scanner (BUILD/parser.c, lexer.c)
# are left out. Printed: one line per file and a total, lines and branches (a branch
# counts as covered when it was taken at least once), and the overall percentages.
# BUILD/uncovered.txt lists, per file, every line never executed and every line with
# a branch never taken. Exit status 0 whenever the report could be made. POSIX sh.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/run_coverage.sh BUILD" >&2
    exit 2
fi
cd "$(dirname "$0")/.." || exit 2
root=$PWD
build=$1
case $build in /*) ;; *) build=$root/$build ;; esac
if ! command -v gcov >/dev/null 2>&1; then
    echo "coverage: gcov is not installed (make coverage-deps)" >&2
    exit 2
fi
if ! ls "$build"/*.gcda >/dev/null 2>&1; then
    echo "coverage: no counts in $build: build with --coverage and run the tests first" >&2
    exit 2
fi

out=$build/gcov
rm -rf "$out"
mkdir -p "$out" || exit 2
uncovered=$build/uncovered.txt
summary=$build/coverage.txt

# gcov writes NAME.c.gcov into the current folder, and finds the source by the path
# it was compiled with (src/NAME.c, from the project root): a link makes it found.
ln -s "$root/src" "$out/src" || exit 2
for src in src/*.c; do
    name=${src#src/}
    name=${name%.c}
    [ -f "$build/$name.gcno" ] || continue
    (cd "$out" && gcov --branch-probabilities --branch-counts \
        --object-directory "$build" "$root/$src" >/dev/null 2>&1)
done

# In a .gcov file, "    #####:   42:  code" is a line never executed, "   17:   42:" one
# executed, "    -:   42:" none to execute; after a line, "branch  N taken M" or
# "branch  N never executed" is one of its branches (taken when M > 0).
: >"$uncovered"
{
    printf '%-18s %7s %7s %7s   %8s %8s %7s\n' file lines covered "%" branches taken "%"
    for f in "$out"/*.c.gcov; do
        [ -f "$f" ] || continue
        awk -v file="$(basename "$f" .gcov)" -v list="$uncovered" '
            function flush() {
                if (cur != "" && (never || (br_cur > 0 && br_taken_cur < br_cur)))
                    bad[++nbad] = sprintf("%5d %s %s", curno, never ? "line  " : "branch", cur)
            }
            /^ *(-|#####|=====|[0-9]+\*?):/ {
                flush()
                split($0, p, ":")
                count = p[1]; gsub(/ /, "", count)
                lineno = p[2] + 0
                cur = ""; never = 0; br_cur = 0; br_taken_cur = 0
                if (lineno == 0 || count == "-") next
                text = $0; sub(/^[^:]*:[^:]*:/, "", text)
                lines++
                if (count == "#####" || count == "=====") never = 1
                else covered++
                cur = text; curno = lineno
                next
            }
            /^branch / {
                branches++; br_cur++
                if ($3 == "taken" && $4 + 0 > 0) { taken++; br_taken_cur++ }
                next
            }
            END {
                flush()
                printf "%-18s %7d %7d %6.1f%%   %8d %8d %6.1f%%\n", file, lines, covered,
                       lines ? 100 * covered / lines : 100, branches, taken,
                       branches ? 100 * taken / branches : 100
                if (nbad) {
                    printf "%s: %d lines never executed or with a branch never taken\n",
                           file, nbad >> list
                    for (i = 1; i <= nbad; i++)
                        printf "  %s\n", bad[i] >> list
                    printf "\n" >> list
                }
            }' "$f"
    done
} >"$summary.tmp"
cat "$summary.tmp" | head -n 1 >"$summary"
tail -n +2 "$summary.tmp" | sort >>"$summary"
rm -f "$summary.tmp"
awk 'NR > 1 { l += $2; c += $3; b += $5; t += $6 }
     END { printf "%-18s %7d %7d %6.1f%%   %8d %8d %6.1f%%\n", "total", l, c,
                  l ? 100 * c / l : 100, b, t, b ? 100 * t / b : 100 }' "$summary" >>"$summary"
cat "$summary"
awk '$1 == "total" { printf "coverage: src/ lines %s (%d of %d), branches %s (%d of %d)\n",
                            $4, $3, $2, $7, $6, $5 }' "$summary"
echo "coverage: per file in $summary; uncovered lines in $uncovered"
