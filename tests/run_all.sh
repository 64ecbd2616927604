#!/bin/sh
# run_all.sh FINSAM UNITBIN...: run every suite (unit, golden, bad input, command
# line, formats, faults, determinism), each even after another failed, and end with
# one line "N passed, N failed", the sums of the suites' own last lines. Exit status
# 1 if anything failed. POSIX sh.

if [ $# -lt 1 ]; then
    echo "usage: sh tests/run_all.sh FINSAM [UNITBIN...]" >&2
    exit 2
fi
finsam=$1
shift
here=$(dirname "$0")

log=$(mktemp "${TMPDIR:-/tmp}/finsam-all.XXXXXX") || exit 2
trap 'rm -f "$log"' EXIT
trap 'exit 130' INT TERM

passed=0
failed=0

# suite LABEL SCRIPT ARG...: run one suite, show its output as it comes, and add its
# "LABEL: N passed, N failed" line to the sums. A suite that ends without that line
# (it crashed, or could not start) counts as one failure.
suite() {
    label=$1
    shift
    echo "== $label"
    sh "$@" 2>&1 | tee "$log"
    counts=$(sed -n "s/^$label: \([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed\$/\1 \2/p" "$log" | tail -n 1)
    if [ -z "$counts" ]; then
        echo "$label: the suite ended without its summary line; counted as 1 failure"
        failed=$((failed + 1))
        return
    fi
    passed=$((passed + ${counts% *}))
    failed=$((failed + ${counts#* }))
}

suite unit "$here/run_unit.sh" "$@"
suite golden "$here/run_golden.sh" "$finsam"
suite "bad input" "$here/run_bad.sh" "$finsam"
suite cli "$here/run_cli.sh" "$finsam"
suite formats "$here/run_formats.sh" "$finsam"
suite faults "$here/run_faults.sh" "$finsam"
suite determinism "$here/run_determinism.sh" "$finsam"
suite draft "$here/run_draft.sh" "$finsam"
suite html "$here/run_html.sh" "$finsam"
suite carry "$here/run_carry.sh" "$finsam"
suite review "$here/run_review.sh" "$finsam"
suite fmt "$here/run_fmt.sh" "$finsam"
suite install "$here/run_install.sh" "$finsam"
suite editors "$here/run_editors.sh"
suite lsp "$here/run_lsp.sh" "$finsam"
suite ledgers "$here/run_ledgers.sh" "$finsam"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
