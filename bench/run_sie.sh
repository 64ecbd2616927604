#!/bin/sh
# bench/run_sie.sh FINSAM: finsam sie on a large SIE file, beside ledger, hledger and
# Beancount on the same transactions.
#
# Builds bench/gen_sie.c and bench/measure.c into build/bench/, writes one fictional
# year of BENCH_SIE_ROWS #TRANS rows (default 1000000) as SIE 4E, a ledger journal, an
# hledger journal and a Beancount file (each journal ending with a balance assertion per
# account), then runs, where installed (make bench-deps installs them):
#     finsam sie --quiet ledger.se
#     ledger -f ledger.ledger balance       (reads the journal, checks the assertions)
#     hledger check -f ledger.journal       (the same)
#     bean-check ledger.beancount
# taking turns (bench/measure.c), BENCH_SIE_RUNS rounds (default 1), and prints for each
# the median seconds, MB/s of its own input, peak memory, and its time as a multiple of
# finsam's. 1 MB is 10^6 bytes.
#
# It only reports: slow is never a failure. It fails (exit 1) only when it cannot build
# or run finsam. POSIX sh.

if [ $# -ne 1 ]; then
    echo "usage: sh bench/run_sie.sh FINSAM" >&2
    exit 2
fi
finsam=$1
case $finsam in
    /*) ;;
    */*) finsam=$PWD/$finsam ;;
esac
cd "$(dirname "$0")/.." || exit 1

out=build/bench
data=$out/sie
mkdir -p "$data" || exit 1
cc=${CC:-cc}
for prog in gen_sie measure; do
    if ! $cc -O2 -std=c11 -Wall -Wextra -o "$out/$prog" "bench/$prog.c"; then
        echo "bench: cannot build bench/$prog.c" >&2
        exit 1
    fi
done
rows=${BENCH_SIE_ROWS:-1000000}
if ! "$out/gen_sie" "$rows" "$data"; then
    echo "bench: cannot generate the files in $data" >&2
    exit 1
fi

# field NAME CMD FILE: the value of NAME in the line of command number CMD in measure's
# output.
field() {
    sed -n "/^cmd=$2 /s/.* $1=\([^ ]*\).*/\1/p" "$3"
}

# The tools installed, each with its input; they take turns in one measure run, so that
# the load of a shared machine falls on all of them alike.
labels="finsam sie"
files="$data/ledger.se"
set -- "$finsam" sie --quiet "$data/ledger.se"
missing=""
if command -v ledger >/dev/null 2>&1; then
    labels="$labels|ledger balance"
    files="$files $data/ledger.ledger"
    set -- "$@" :: ledger -f "$data/ledger.ledger" balance
else
    missing="$missing ledger"
fi
if command -v hledger >/dev/null 2>&1; then
    labels="$labels|hledger check"
    files="$files $data/ledger.journal"
    set -- "$@" :: hledger check -f "$data/ledger.journal"
else
    missing="$missing hledger"
fi
if command -v bean-check >/dev/null 2>&1; then
    labels="$labels|bean-check"
    files="$files $data/ledger.beancount"
    set -- "$@" :: bean-check "$data/ledger.beancount"
else
    missing="$missing bean-check"
fi
runs=${BENCH_SIE_RUNS:-1}
if ! "$out/measure" -n "$runs" -o "$out/sie-result" "$@" >/dev/null 2>"$out/sie-stderr"; then
    echo "bench: measure failed:" >&2
    head -n 5 "$out/sie-stderr" >&2
    exit 1
fi

echo "one year of $rows transaction rows, the same in each format; median of $runs run(s) ($(uname -sm))"
printf '%-16s %9s %9s %9s %9s %9s\n' tool "input MB" seconds "MB/s" "peak MB" "x finsam"
base=$(field median_s 0 "$out/sie-result")
i=0
for f in $files; do
    label=$(echo "$labels" | cut -d'|' -f$((i + 1)))
    wall=$(field median_s $i "$out/sie-result")
    peak=$(field peak_rss_kb $i "$out/sie-result")
    status=$(field status $i "$out/sie-result")
    bytes=$(wc -c <"$f")
    awk -v l="$label" -v b="$bytes" -v s="$wall" -v k="$peak" -v f="$base" 'BEGIN {
        mb = b / 1e6
        printf "%-16s %9.1f %9.2f %9.1f %9.1f %9.1f\n", l, mb, s, (s > 0 ? mb / s : 0),
               k * 1024 / 1e6, (f > 0 ? s / f : 0)
    }'
    [ "$status" = 0 ] || echo "  note: $label exited with status $status"
    i=$((i + 1))
done
[ -z "$missing" ] || echo "not installed:$missing (make bench-deps)"
exit 0
