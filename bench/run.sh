#!/bin/sh
# bench/run.sh FINSAM: how fast finsam checks large files, and the bundled example.
#
# Builds bench/gen.c and bench/measure.c into build/bench/, generates year files of
# 1, 10 and 100 MB there (BENCH_SIZES="1 10 100" to choose others), runs
# "FINSAM check --quiet" on each and prints size, seconds, MB/s, peak resident memory
# and peak memory per input byte; then times examples/vvnd/2025.fin over BENCH_RUNS
# runs (default 200) and prints milliseconds per check. 1 MB is 10^6 bytes.
#
# It only reports: slow is never a failure. It fails (exit 1) only when it cannot
# build or run what it measures. POSIX sh.

if [ $# -ne 1 ]; then
    echo "usage: sh bench/run.sh FINSAM" >&2
    exit 2
fi
finsam=$1
case $finsam in
    /*) ;;
    */*) finsam=$PWD/$finsam ;;
esac
cd "$(dirname "$0")/.." || exit 1
if ! command -v "$finsam" >/dev/null 2>&1; then
    echo "bench: cannot run $1" >&2
    exit 1
fi

out=build/bench
mkdir -p "$out" || exit 1
cc=${CC:-cc}
for prog in gen measure; do
    if ! $cc -O2 -std=c11 -Wall -Wextra -o "$out/$prog" "bench/$prog.c"; then
        echo "bench: cannot build bench/$prog.c" >&2
        exit 1
    fi
done

# field NAME FILE: the value of NAME=VALUE in measure's result line.
field() {
    sed -n "s/.* *$1=\([^ ]*\).*/\1/p; s/^$1=\([^ ]*\).*/\1/p" "$2" | head -n 1
}

echo "finsam check --quiet on generated year files ($("$finsam" --version 2>/dev/null | head -n 1), $(uname -sm))"
printf '%9s %10s %10s %10s %11s\n' "size MB" seconds "MB/s" "peak MB" "peak/input"
notes=""
for mb in ${BENCH_SIZES:-1 10 100}; do
    file=$out/year-${mb}mb.fin
    if ! "$out/gen" "$mb" >"$file"; then
        echo "bench: cannot generate $file" >&2
        exit 1
    fi
    bytes=$(wc -c <"$file")
    "$out/measure" -o "$out/result" "$finsam" check --quiet "$file" >/dev/null 2>"$out/stderr"
    status=$(field status "$out/result")
    wall=$(field wall_s "$out/result")
    peak=$(field peak_rss_kb "$out/result")
    if [ -z "$status" ]; then
        echo "bench: measure failed on $file:" >&2
        cat "$out/stderr" >&2
        exit 1
    fi
    awk -v b="$bytes" -v s="$wall" -v k="$peak" 'BEGIN {
        mb = b / 1e6; pk = k * 1024 / 1e6
        printf "%9.1f %10.3f %10.1f %10.1f %11.2f\n", mb, s, (s > 0 ? mb / s : 0), pk, pk / mb
    }'
    if [ "$status" != 0 ]; then
        notes="$notes
note: finsam exited with status $status on $file (expected 0); its stderr begins:
$(head -n 5 "$out/stderr")"
    fi
done
[ -z "$notes" ] || printf '%s\n' "$notes"

example=examples/vvnd/2025.fin
runs=${BENCH_RUNS:-200}
echo
if [ -f "$example" ]; then
    # The same number of runs of "finsam --version" measure what starting a process
    # costs on this machine; the difference is the time spent checking.
    "$out/measure" -n "$runs" -o "$out/baseline" "$finsam" --version >/dev/null 2>&1
    "$out/measure" -n "$runs" -o "$out/result" "$finsam" check --quiet "$example" \
        >/dev/null 2>"$out/stderr"
    status=$(field status "$out/result")
    wall=$(field wall_s "$out/result")
    base=$(field wall_s "$out/baseline")
    peak=$(field peak_rss_kb "$out/result")
    awk -v s="$wall" -v b="$base" -v n="$runs" -v k="$peak" -v st="$status" -v f="$example" 'BEGIN {
        printf "%s: %.2f ms per run over %d runs, of which %.2f ms starting the process\n",
               f, s / n * 1000, n, b / n * 1000
        printf "%s: %.2f ms checking, peak %.1f MB, exit status %s\n",
               f, (s - b) / n * 1000, k * 1024 / 1e6, st
    }'
    if [ "$status" -gt 1 ]; then
        echo "note: status $status means the example could not be read or parsed:"
        head -n 5 "$out/stderr"
    fi
else
    echo "$example: not found, not timed"
fi
exit 0
