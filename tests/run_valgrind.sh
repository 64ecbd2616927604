#!/bin/sh
# run_valgrind.sh FINSAM: valgrind memcheck over every run of FINSAM that the golden,
# bad-input, command-line and fault suites make.
#
# The suites run as they always do (two at a time, one per core), but with FINSAM
# replaced by a small script that runs it under
#     valgrind --leak-check=full --show-leak-kinds=all --errors-for-leak-kinds=all
#              --error-exitcode=99 --log-file=LOGS/vg.%p.log
# so that every error and every leak, of any kind, makes the run exit 99, which no case
# expects, and is written to a log of its own rather than mixed into the stderr the
# cases compare. (For the origin of an uninitialised value, run the case again by hand
# with --track-origins=yes, which doubles the time.) After the suites, each log with errors is shown. The last lines are
# "valgrind: N runs, N errors, N bytes leaked" and "valgrind: N passed, N failed"
# (the suites' cases, with each run that has errors as one failure more); exit status 1
# if anything failed. POSIX sh.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/run_valgrind.sh FINSAM" >&2
    exit 2
fi
finsam=$1
case $finsam in
    /*) ;;
    */*) finsam=$PWD/$finsam ;;
esac
cd "$(dirname "$0")/.." || exit 2
if ! command -v valgrind >/dev/null 2>&1; then
    echo "FAILED: valgrind is not installed (make hardening-deps installs it)"
    echo "valgrind: 0 passed, 1 failed"
    exit 1
fi
if ! command -v "$finsam" >/dev/null 2>&1; then
    echo "FAILED: cannot run $1"
    echo "valgrind: 0 passed, 1 failed"
    exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/finsam-valgrind.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM
logs=$tmp/logs
mkdir "$logs" || exit 2
chmod 755 "$tmp"
chmod 1777 "$logs" # a fault case runs finsam as nobody

wrapper=$tmp/finsam
cat >"$wrapper" <<EOF
#!/bin/sh
exec valgrind -q --tool=memcheck --leak-check=full --show-leak-kinds=all \\
    --errors-for-leak-kinds=all --error-exitcode=99 \\
    --log-file="$logs/vg.%p.log" "$finsam" "\$@"
EOF
chmod 755 "$wrapper"

# valgrind is about 30 times slower than the bare binary.
TEST_TIMEOUT=${TEST_TIMEOUT:-600}
export TEST_TIMEOUT

# Two lanes, one per core: the bad-input suite, and the others one after another.
# Each suite's output is kept and shown when both lanes are done.
suite_log() { echo "$tmp/suite-$1.log"; }
run_suite() { sh "tests/run_$1.sh" "$wrapper" >"$(suite_log "$1")" 2>&1; }
run_suite bad &
lane=$!
run_suite golden
run_suite cli
run_suite faults
wait "$lane"

passed=0
failed=0
for suite in golden bad cli faults; do
    label=$suite
    [ "$suite" = bad ] && label="bad input"
    echo "== $label (under valgrind)"
    log=$(suite_log "$suite")
    cat "$log"
    counts=$(sed -n "s/^$label: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed\$/\1 \2/p" "$log" |
             tail -n 1)
    if [ -z "$counts" ]; then
        echo "$label: the suite ended without its summary line; counted as 1 failure"
        failed=$((failed + 1))
        continue
    fi
    passed=$((passed + ${counts% *}))
    failed=$((failed + ${counts#* }))
done

runs=0
bad_runs=0
errors=0
leaked=0
for f in "$logs"/vg.*.log; do
    [ -f "$f" ] || continue
    runs=$((runs + 1))
    # -q prints nothing for a clean run; anything else is an error or a leak.
    if [ -s "$f" ]; then
        bad_runs=$((bad_runs + 1))
        n=$(sed -n 's/.*ERROR SUMMARY: \([0-9][0-9]*\) errors.*/\1/p' "$f" | tail -n 1)
        errors=$((errors + ${n:-1}))
        b=$(sed -n 's/.*== \([0-9,][0-9,]*\) \(([^)]*) \)\{0,1\}bytes in [0-9,]* blocks are .*/\1/p' "$f" |
            tr -d , | awk '{ n += $1 } END { print n + 0 }')
        leaked=$((leaked + b))
        echo "== valgrind report $f"
        head -n 60 "$f" | sed 's/^/    /'
    fi
done
echo "valgrind: $runs runs, $bad_runs with errors, $errors errors, $leaked bytes leaked"
echo "valgrind: $passed passed, $((failed + bad_runs)) failed"
[ "$failed" -eq 0 ] && [ "$bad_runs" -eq 0 ]
