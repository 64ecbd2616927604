#!/bin/sh
# run_unit.sh BIN...: run each cmocka unit test binary and count its test cases.
#
# One line per binary (its name, "ok" or "FAILED", and its counts); a failing
# binary's own output follows, indented. The counts come from cmocka's summary lines
# "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s), listed below:". A binary that
# dies, hangs (TEST_TIMEOUT seconds, default 60) or exits non-zero without a FAILED
# line counts as one failed test. The last line is "unit: N passed, N failed".
# Exit status 1 if anything failed. POSIX sh.

passed=0
failed=0
limit=${TEST_TIMEOUT:-60}
if command -v timeout >/dev/null 2>&1; then run_limited="timeout $limit"; else run_limited=""; fi

tmp=$(mktemp "${TMPDIR:-/tmp}/finsam-unit.XXXXXX") || exit 2
trap 'rm -f "$tmp"' EXIT
trap 'exit 130' INT TERM

# cmocka writes its summary in the standard format unless told otherwise.
CMOCKA_MESSAGE_OUTPUT=stdout
export CMOCKA_MESSAGE_OUTPUT
unset CMOCKA_TEST_ABORT

for bin in "$@"; do
    name=$(basename "$bin")
    case $bin in */*) cmd=$bin ;; *) cmd=./$bin ;; esac
    if [ ! -x "$cmd" ]; then
        printf '%-28s FAILED (not an executable file: %s)\n' "$name" "$bin"
        failed=$((failed + 1))
        continue
    fi
    $run_limited "$cmd" >"$tmp" 2>&1
    status=$?
    p=$(sed -n 's/^\[  PASSED  \] \([0-9][0-9]*\) test(s)\..*/\1/p' "$tmp" |
        awk '{ n += $1 } END { print n + 0 }')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9][0-9]*\) test(s).*/\1/p' "$tmp" |
        awk '{ n += $1 } END { print n + 0 }')
    sk=$(sed -n 's/^\[  SKIPPED \] \([0-9][0-9]*\) test(s).*/\1/p' "$tmp" |
        awk '{ n += $1 } END { print n + 0 }')
    why=""
    if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
        f=1
        if [ "$status" -eq 124 ] && [ -n "$run_limited" ]; then
            why=", timed out after ${limit}s"
        elif [ "$status" -gt 128 ]; then
            why=", killed by signal $((status - 128))"
        else
            why=", exit status $status"
        fi
    fi
    if [ "$f" -eq 0 ] && ! grep -q '^\[  PASSED  \] [0-9][0-9]* test(s)' "$tmp"; then
        # Exited 0 but printed no summary: it is not a cmocka test, or it stopped early.
        why=", no cmocka summary found"
        f=1
    fi
    if [ "$sk" -gt 0 ]; then skipped=", $sk skipped"; else skipped=""; fi
    passed=$((passed + p))
    failed=$((failed + f))
    if [ "$f" -eq 0 ]; then
        printf '%-28s ok (%d tests%s)\n' "$name" "$p" "$skipped"
    else
        printf '%-28s FAILED (%d passed, %d failed%s%s)\n' "$name" "$p" "$f" "$skipped" "$why"
        sed 's/^/    /' "$tmp"
    fi
done

echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
