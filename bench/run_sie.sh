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
# and prints for each: seconds (wall), CPU seconds (user + system: what the load of a
# shared machine does not change), MB/s of its own input by wall and by CPU time, peak
# memory, and its wall time as a multiple of finsam's. 1 MB is 10^6 bytes.
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

field() {
    sed -n "s/.* *$1=\([^ ]*\).*/\1/p; s/^$1=\([^ ]*\).*/\1/p" "$2" | head -n 1
}

echo "one year of $rows transaction rows, the same in each format ($(uname -sm))"
printf '%-30s %9s %8s %8s %9s %9s %8s %7s\n' tool "input MB" seconds "CPU s" "MB/s" "MB/s CPU" \
    "peak MB" "x wall"
finsam_wall=""
# run LABEL FILE COMMAND...: one measured run, and its line of the table
run() {
    label=$1
    file=$2
    shift 2
    "$out/measure" -o "$out/result" "$@" >"$out/stdout" 2>"$out/stderr"
    status=$(field status "$out/result")
    wall=$(field wall_s "$out/result")
    cpu=$(field cpu_s "$out/result")
    peak=$(field peak_rss_kb "$out/result")
    bytes=$(wc -c <"$file")
    [ -n "$finsam_wall" ] || finsam_wall=$wall
    awk -v l="$label" -v b="$bytes" -v s="$wall" -v c="$cpu" -v k="$peak" -v f="$finsam_wall" 'BEGIN {
        mb = b / 1e6
        printf "%-30s %9.1f %8.2f %8.2f %9.1f %9.1f %8.1f %7.1f\n", l, mb, s, c,
               (s > 0 ? mb / s : 0), (c > 0 ? mb / c : 0), k * 1024 / 1e6, (f > 0 ? s / f : 0)
    }'
    if [ "$status" != 0 ]; then
        echo "  note: exit status $status; its stderr begins:"
        head -n 3 "$out/stderr" | sed 's/^/  /'
    fi
}

run "finsam sie" "$data/ledger.se" "$finsam" sie --quiet "$data/ledger.se"
[ "$status" = 0 ] || exit 1
if command -v ledger >/dev/null 2>&1; then
    run "ledger balance" "$data/ledger.ledger" ledger -f "$data/ledger.ledger" balance
else
    echo "ledger: not installed (make bench-deps)"
fi
if command -v hledger >/dev/null 2>&1; then
    run "hledger check" "$data/ledger.journal" hledger check -f "$data/ledger.journal"
else
    echo "hledger: not installed (make bench-deps)"
fi
if command -v bean-check >/dev/null 2>&1; then
    run "bean-check" "$data/ledger.beancount" bean-check "$data/ledger.beancount"
else
    echo "bean-check: not installed (make bench-deps)"
fi
exit 0
