#!/bin/sh
# run_bad.sh FINSAM: every tests/bad/*.fin must be refused as bad input.
#
# Line 1 of each case is "# expect: " and then the first line of stderr that
# "FINSAM check --color=never tests/bad/NAME.fin" must print, e.g.
#     # expect: tests/bad/bad-group.fin:4:12: error: ...
# (line and column 1-based, the column counted in characters). The case passes when
# the exit status is 2, stdout is empty and the first line of stderr is exactly that
# line. Files that cases import live in tests/bad/inc/ and are not cases themselves.
# Cases run from the project root with FINSAM_PATH unset and English messages
# (LANG=C.UTF-8), within TEST_TIMEOUT seconds (default 60). The last line is
# "bad input: N passed, N failed"; exit 1 if any failed.

SUITE_LABEL="bad input"
. "$(dirname "$0")/lib.sh"
suite_setup bad "$@"
out=$tmp/stdout
err=$tmp/stderr

for file in tests/bad/*.fin; do
    [ -f "$file" ] || continue
    expected=$(head -n 1 "$file" | tr -d '\r')
    case $expected in
        '# expect: '?*) expected=${expected#'# expect: '} ;;
        *)
            echo "FAILED $file: line 1 must be '# expect: <first line of stderr>'"
            failed=$((failed + 1))
            continue
            ;;
    esac

    $run_limited "$finsam" check --color=never "$file" >"$out" 2>"$err"
    status=$?
    first=$(head -n 1 "$err")

    problems=""
    [ "$status" -eq 2 ] || problems="$problems, exit status $status (not 2)"
    [ -s "$out" ] && problems="$problems, output on stdout"
    [ "$first" = "$expected" ] || problems="$problems, another first line on stderr"

    if [ -z "$problems" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAILED $file: ${problems#, }"
        printf '    expected: %s\n    actual:   %s\n' "$expected" "$first"
        if [ "$(wc -l <"$err")" -gt 1 ]; then
            echo "    stderr:"
            head -n 12 "$err" | sed 's/^/      | /'
        fi
        if [ -s "$out" ]; then
            echo "    stdout:"
            head -n 12 "$out" | sed 's/^/      | /'
        fi
    fi
done

echo "bad input: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
