# lib.sh: what the suites of the later features share. Sourced by tests/run_NAME.sh as
#     . "$(dirname "$0")/lib.sh"; suite_setup NAME "$1"
# It makes FINSAM an absolute path in $finsam, changes to the project root, runs the
# binary as a newcomer would (no FINSAM_PATH, NO_COLOR or locale but C.UTF-8), makes a
# private folder $tmp removed at exit, and counts with ok and bad. POSIX sh.

suite_setup() {
    finsam=$2
    case $finsam in
        /*) ;;
        */*) finsam=$PWD/$finsam ;;
    esac
    cd "$(dirname "$0")/.." || exit 2
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
