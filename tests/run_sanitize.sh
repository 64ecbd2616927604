#!/bin/sh
# run_sanitize.sh BUILD FINSAM UNITBIN...: the whole test suite (tests/run_all.sh) with
# binaries built under AddressSanitizer, LeakSanitizer and UndefinedBehaviorSanitizer
# (make test-sanitize builds them in BUILD, build/asan).
#
# Every report the sanitizers make goes to a file in BUILD/logs/ rather than to
# stderr, so that it cannot hide among the messages the suites expect, and a run that
# made a report exits with status 86, which no suite expects. After the suites, each
# report is shown; any report, or any failed test, fails the run. The last line is
# "sanitize: N passed, N failed", where a report counts as one failure more. POSIX sh.

if [ $# -lt 2 ]; then
    echo "usage: sh tests/run_sanitize.sh BUILD FINSAM [UNITBIN...]" >&2
    exit 2
fi
build=$1
shift
cd "$(dirname "$0")/.." || exit 2
case $build in /*) ;; *) build=$PWD/$build ;; esac

logs=$build/logs
rm -rf "$logs"
mkdir -p "$logs" || exit 2
chmod 1777 "$logs" # a fault case runs finsam as nobody

ASAN_OPTIONS="detect_leaks=1:exitcode=86:log_path=$logs/asan:abort_on_error=0:detect_stack_use_after_return=1:strict_string_checks=1:check_initialization_order=1"
UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=86:log_path=$logs/ubsan"
LSAN_OPTIONS="exitcode=86"
export ASAN_OPTIONS UBSAN_OPTIONS LSAN_OPTIONS

log=$(mktemp "${TMPDIR:-/tmp}/finsam-sanitize.XXXXXX") || exit 2
trap 'rm -f "$log"' EXIT
trap 'exit 130' INT TERM

sh tests/run_all.sh "$@" 2>&1 | tee "$log"
counts=$(sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1 \2/p' "$log" | tail -n 1)
if [ -z "$counts" ]; then
    counts="0 1"
    echo "sanitize: the suites ended without their summary line; counted as 1 failure"
fi
passed=${counts% *}
failed=${counts#* }

reports=0
for f in "$logs"/*; do
    [ -f "$f" ] || continue
    reports=$((reports + 1))
    echo "== sanitizer report $f"
    sed 's/^/    /' "$f" | head -n 60
done
echo "sanitize: $reports sanitizer report(s) in $logs"
echo "sanitize: $passed passed, $((failed + reports)) failed"
[ "$failed" -eq 0 ] && [ "$reports" -eq 0 ]
