#!/bin/sh
# run_golden.sh FINSAM: run the golden cases and compare with their expected output.
#
# A case is tests/golden/NAME.args, whose first line that is neither empty nor a
# comment holds the arguments (split as the shell splits words, so quotes work; keep
# to plain words and quotes), e.g.
#     check --color=never examples/vvnd/2025.fin
# or, where there is no NAME.args, tests/golden/NAME.fin, run as
#     FINSAM check --color=never tests/golden/NAME.fin
# (so NAME.args may run its own NAME.fin with other options). Files that cases import
# belong in a subfolder, e.g. tests/golden/inc/: only the top level holds cases.
#
# The expected output, tests/golden/NAME.expected, is stdout and stderr merged
# (2>&1), then a last line "exit status N". Cases run from the project root with
# FINSAM_PATH and NO_COLOR unset and LANG=C.UTF-8 (English messages, unless the
# case gives --lang sv), within TEST_TIMEOUT seconds (default 60). A mismatch prints
# a unified diff (- expected, + actual).
#
# UPDATE=1 sh tests/run_golden.sh FINSAM writes every NAME.expected from the actual
# output instead, to be reviewed by hand before it is committed.
#
# The last line is "golden: N passed, N failed". Exit status 1 if anything failed.

. "$(dirname "$0")/lib.sh"
suite_setup golden "$@"
updated=0

# The case names: every NAME.args and every NAME.fin, once each, sorted.
names=$(for f in tests/golden/*.args tests/golden/*.fin; do
            [ -f "$f" ] || continue
            f=${f##*/}
            echo "${f%.*}"
        done | LC_ALL=C sort -u)

for name in $names; do
    args_file=tests/golden/$name.args
    expected=tests/golden/$name.expected
    actual=$tmp/$name.actual
    if [ -f "$args_file" ]; then
        line=$(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "$args_file" | head -n 1 | tr -d '\r')
        if [ -z "$line" ]; then
            echo "FAILED $name: $args_file holds no arguments"
            failed=$((failed + 1))
            continue
        fi
        eval "set -- $line"
    else
        set -- check --color=never "tests/golden/$name.fin"
    fi
    $run_limited "$finsam" "$@" >"$actual" 2>&1
    status=$?
    # Output that does not end in a newline is shown, and the status still gets a line.
    if [ -n "$(tail -c 1 "$actual")" ]; then
        printf '\n(no newline at end of output)\n' >>"$actual"
    fi
    echo "exit status $status" >>"$actual"

    if [ "${UPDATE:-}" = 1 ]; then
        if [ -f "$expected" ] && cmp -s "$expected" "$actual"; then
            echo "same   $expected"
        else
            cp "$actual" "$expected"
            echo "wrote  $expected"
            updated=$((updated + 1))
        fi
        passed=$((passed + 1))
    elif [ ! -f "$expected" ]; then
        echo "FAILED $name: no $expected (write it with UPDATE=1, then review it); output was:"
        sed 's/^/    /' "$actual"
        failed=$((failed + 1))
    elif cmp -s "$expected" "$actual"; then
        passed=$((passed + 1))
    else
        printf 'FAILED %s: finsam %s\n' "$name" "$*"
        diff -u -L "$expected" -L "$name (actual)" "$expected" "$actual"
        [ $? -le 1 ] || diff -u "$expected" "$actual"
        failed=$((failed + 1))
    fi
done

if [ "${UPDATE:-}" = 1 ]; then
    echo "golden: $updated expected files written; review them with git diff tests/golden/"
fi
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
