# lib.sh: what the test suites share. Sourced by tests/run_NAME.sh as
#     . "$(dirname "$0")/lib.sh"; suite_setup NAME "$@"
# It checks that FINSAM is given and runs (else the suite fails with one line), makes
# it an absolute path in $finsam, changes to the project root, runs the binary as a
# newcomer would (no FINSAM_PATH, NO_COLOR or locale but C.UTF-8: English messages;
# a case that wants Swedish says --lang sv), sets $run_limited to run a command within
# TEST_TIMEOUT seconds (default 60), makes a private folder $tmp removed at exit, and
# counts with ok and bad. SUITE_LABEL, if set, names the suite in its lines instead of
# NAME. POSIX sh.

suite_setup() {
    label=${SUITE_LABEL:-$1}
    if [ $# -lt 2 ]; then
        echo "usage: sh tests/run_$1.sh FINSAM" >&2
        exit 2
    fi
    finsam=$2
    case $finsam in
        /*) ;;
        */*) finsam=$PWD/$finsam ;;
    esac
    cd "$(dirname "$0")/.." || exit 2
    if ! command -v "$finsam" >/dev/null 2>&1; then
        echo "FAILED: cannot run $2"
        echo "$label: 0 passed, 1 failed"
        exit 1
    fi
    limit=${TEST_TIMEOUT:-60}
    if command -v timeout >/dev/null 2>&1; then run_limited="timeout $limit"; else run_limited=""; fi
    unset FINSAM_PATH NO_COLOR LANGUAGE LC_ALL LC_MESSAGES
    LANG=C.UTF-8
    export LANG
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/finsam-$1.XXXXXX") || exit 2
    trap 'rm -rf "$tmp"' EXIT
    trap 'exit 130' INT TERM
    passed=0
    failed=0
}

ok() { passed=$((passed + 1)); }
bad() { failed=$((failed + 1)); echo "FAILED: $*"; }
