#!/bin/sh
# bench/run.sh FINSAM: how fast finsam is, beside reference commands, in one table.
#
# Builds bench/gen.c, bench/measure.c and bench/empty.c into build/bench/, generates
# year files of 1, 10 and 100 MB there (BENCH_SIZES="1 10 100" to choose others; 1 MB
# is 10^6 bytes), and measures with commands taking turns (bench/measure.c), so that
# the load of a shared machine falls on all of them alike; every time is a median:
#
#   - the bundled example, examples/vvnd/2025.fin, beside an empty C program,
#     "finsam --version", the least check (a year file of one report block) and, where
#     installed, ledger on a journal of 60 transactions: BENCH_RUNS rounds (default 51);
#   - each generated file, beside cat and wc -l of the same file: BENCH_LARGE_RUNS
#     rounds (default 5), with MB/s, peak resident memory and peak memory per input
#     byte, and how linear the cost is: the time for 10 MB over the time for 100 MB
#     (0.100 is linear).
#
# The targets of issue 16 are printed beside what they judge. One line per run is added
# to bench/history.tsv (BENCH_HISTORY=FILE to choose another, BENCH_HISTORY= for none),
# and its last lines are shown, so that a regression shows against earlier runs;
# BENCH_LABEL names the binary there instead of the checkout's commit.
#
# A binary that changes while it is measured (a build during the run) is told at the
# end, and the run adds no line to the history.
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
for prog in gen measure empty; do
    if ! $cc -O2 -std=c11 -Wall -Wextra -o "$out/$prog" "bench/$prog.c"; then
        echo "bench: cannot build bench/$prog.c" >&2
        exit 1
    fi
done
runs=${BENCH_RUNS:-51}
large_runs=${BENCH_LARGE_RUNS:-5}
history=${BENCH_HISTORY-bench/history.tsv}

# field NAME CMD FILE: the value of NAME in the line of command number CMD in measure's
# output.
field() {
    sed -n "/^cmd=$2 /s/.* $1=\([^ ]*\).*/\1/p" "$3"
}

# row WORK MEDIAN_S CPU_S REFERENCE REF_MEDIAN_S REF_CPU_S PEAK_KB [NOTE]: one line of
# the table; the ratio is of the wall-clock medians, then of the processor times.
row() {
    awk -v w="$1" -v s="$2" -v u="$3" -v r="$4" -v rs="$5" -v ru="$6" -v k="$7" -v note="$8" '
    function t(x) { return x < 0.1 ? sprintf("%.2f ms", x * 1000) : sprintf("%.3f s", x) }
    BEGIN {
        ratio = (r != "" && rs > 0 && ru > 0) ? sprintf("%5.2f / %5.2f x %s", s / rs, u / ru, r) : ""
        printf "%-40s %10s %10s  %-24s %8.1f  %s\n", w, t(s), t(u), ratio, k * 1024 / 1e6, note
    }'
}

version=$("$finsam" --version 2>/dev/null | head -n 1)
# The commit of the checkout ('+' if its sources are changed), or BENCH_LABEL for a
# binary built elsewhere (an older one, to compare).
commit=$(git rev-parse --short HEAD 2>/dev/null || echo -)
if [ "$commit" != - ] && ! git diff --quiet HEAD -- src grammar 2>/dev/null; then
    commit="$commit+"
fi
commit=${BENCH_LABEL:-$commit}
load=$(cut -d ' ' -f 1 /proc/loadavg 2>/dev/null || echo ?)
# The binaries measured, as they are now: a build during the run (make, or an editor's)
# would mix two programs in one table, which no figure would show.
fingerprint() {
    cksum "$finsam" ${BENCH_STATIC:+"$BENCH_STATIC"} 2>/dev/null
}
before=$(fingerprint)
cores=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo ?)
echo "finsam bench: $version at $commit, $(uname -sm), $cores cores, load $load when started"
echo "medians of $runs rounds (small) and $large_runs rounds (large), commands taking turns;"
echo "wall: wall-clock time; cpu: processor time (user + system), which load changes less"
echo
printf '%-40s %10s %10s  %-24s %8s  %s\n' work wall cpu "ratio wall / cpu" "peak MB" ""

# ---- the bundled example beside programs that do nothing ----
example=examples/vvnd/2025.fin
journal=$out/journal.ledger
: >"$journal"
n=1
while [ $n -le 60 ]; do
    printf '2025/%02d/%02d Leverantör %d\n    Kostnader:Inköp    %d,00 SEK\n    Tillgångar:Bank\n\n' \
        $(((n - 1) / 5 % 12 + 1)) $(((n - 1) % 28 + 1)) "$n" $((n * 37 % 900 + 100)) >>"$journal"
    n=$((n + 1))
done
# the least a check does: start, read a year file of one report block, write its summary
least=$out/least.fin
printf 'report "Årsredovisning 2025" {\n    year 2025\n}\n' >"$least"
set -- "$out/empty" :: "$finsam" --version :: "$finsam" check --quiet "$example" :: \
    "$finsam" check --quiet "$least"
ledger=$(command -v ledger 2>/dev/null)
n_ledger=4
[ -n "$ledger" ] && set -- "$@" :: "$ledger" -f "$journal" balance
# BENCH_STATIC: the same finsam linked statically (make static), beside it
static=${BENCH_STATIC:-}
[ -n "$static" ] && [ ! -x "$static" ] && static=""
n_static=4
[ -n "$ledger" ] && n_static=5 # without ledger, $((4 + )) would not parse
[ -n "$static" ] && set -- "$@" :: "$static" check --quiet "$example"
if [ ! -f "$example" ]; then
    echo "bench: $example not found" >&2
    exit 1
fi
"$out/measure" -n "$runs" -o "$out/small" "$@" >/dev/null 2>"$out/stderr" || {
    echo "bench: measure failed:" >&2
    cat "$out/stderr" >&2
    exit 1
}
empty=$(field median_s 0 "$out/small")
empty_cpu=$(field cpu_s 0 "$out/small")
ex=$(field median_s 2 "$out/small")
ex_cpu=$(field cpu_s 2 "$out/small")
ex_status=$(field status 2 "$out/small")
row "empty C program (bench/empty.c)" "$empty" "$empty_cpu" "" 0 0 \
    "$(field peak_rss_kb 0 "$out/small")"
row "finsam --version" "$(field median_s 1 "$out/small")" "$(field cpu_s 1 "$out/small")" \
    empty "$empty" "$empty_cpu" "$(field peak_rss_kb 1 "$out/small")"
least_s=$(field median_s 3 "$out/small")
row "finsam check, one report block" "$least_s" "$(field cpu_s 3 "$out/small")" \
    empty "$empty" "$empty_cpu" "$(field peak_rss_kb 3 "$out/small")"
if [ -n "$ledger" ]; then
    row "ledger balance (60 transactions)" "$(field median_s $n_ledger "$out/small")" \
        "$(field cpu_s $n_ledger "$out/small")" empty "$empty" "$empty_cpu" \
        "$(field peak_rss_kb $n_ledger "$out/small")"
else
    printf '%-40s %10s\n' "ledger balance (60 transactions)" "not installed"
fi
ex_ratio=$(awk -v s="$ex" -v e="$empty" 'BEGIN { printf "%.2f", (e > 0 ? s / e : 0) }')
ex_ratio_cpu=$(awk -v s="$ex_cpu" -v e="$empty_cpu" 'BEGIN { printf "%.2f", (e > 0 ? s / e : 0) }')
row "finsam check $example" "$ex" "$ex_cpu" empty "$empty" "$empty_cpu" \
    "$(field peak_rss_kb 2 "$out/small")" \
    "target <= 1.30 x empty: $(awk -v r="$ex_ratio" -v c="$ex_ratio_cpu" 'BEGIN {
        printf "%s by wall, %s by cpu", (r + 0 <= 1.30 ? "met" : "MISSED"), (c + 0 <= 1.30 ? "met" : "MISSED") }')"
if [ -n "$static" ]; then
    st=$(field median_s $n_static "$out/small")
    st_cpu=$(field cpu_s $n_static "$out/small")
    st_ratio=$(awk -v s="$st" -v e="$empty" 'BEGIN { printf "%.2f", (e > 0 ? s / e : 0) }')
    st_ratio_cpu=$(awk -v s="$st_cpu" -v e="$empty_cpu" 'BEGIN { printf "%.2f", (e > 0 ? s / e : 0) }')
    row "the same, finsam linked statically" "$st" "$st_cpu" empty "$empty" "$empty_cpu" \
        "$(field peak_rss_kb $n_static "$out/small")" \
        "target <= 1.30 x empty: $(awk -v r="$st_ratio" -v c="$st_ratio_cpu" 'BEGIN {
            printf "%s by wall, %s by cpu", (r + 0 <= 1.30 ? "met" : "MISSED"), (c + 0 <= 1.30 ? "met" : "MISSED") }')"
    st_status=$(field status $n_static "$out/small")
    [ "$st_status" -le 1 ] 2>/dev/null || echo "note: $static exited with status $st_status on $example"
else
    st_ratio=-
    printf '%-40s %10s\n' "the same, finsam linked statically" "not built (make static)"
fi
[ "$ex_status" -le 1 ] 2>/dev/null || echo "note: finsam exited with status $ex_status on $example"
# What the 1.30 x target leaves the example's own work once a check has started: the
# example's time less that of the least check, beside the target's time less the same.
awk -v e="$empty" -v l="$least_s" -v x="$ex" 'BEGIN {
    printf "the example'"'"'s own work (its check less the least check): %.2f ms; the 1.30 x target leaves it %.2f ms\n",
        (x - l) * 1000, (1.30 * e - l) * 1000 }'

# ---- generated files beside cat and wc -l ----
notes=""
t10="" t100="" u10="" u100="" mbps100="" mbps100_cpu="" peak100=""
for mb in ${BENCH_SIZES:-1 10 100}; do
    file=$out/year-${mb}mb.fin
    if ! "$out/gen" "$mb" >"$file"; then
        echo "bench: cannot generate $file" >&2
        exit 1
    fi
    bytes=$(wc -c <"$file")
    "$out/measure" -n "$large_runs" -o "$out/large" cat "$file" :: wc -l "$file" :: \
        "$finsam" check --quiet "$file" >/dev/null 2>"$out/stderr" || {
        echo "bench: measure failed on $file:" >&2
        cat "$out/stderr" >&2
        exit 1
    }
    cat_s=$(field median_s 0 "$out/large")
    cat_u=$(field cpu_s 0 "$out/large")
    s=$(field median_s 2 "$out/large")
    u=$(field cpu_s 2 "$out/large")
    peak=$(field peak_rss_kb 2 "$out/large")
    status=$(field status 2 "$out/large")
    row "cat, $mb MB" "$cat_s" "$cat_u" "" 0 0 "$(field peak_rss_kb 0 "$out/large")"
    row "wc -l, $mb MB" "$(field median_s 1 "$out/large")" "$(field cpu_s 1 "$out/large")" \
        cat "$cat_s" "$cat_u" "$(field peak_rss_kb 1 "$out/large")"
    rate=$(awk -v b="$bytes" -v s="$s" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }')
    rate_cpu=$(awk -v b="$bytes" -v s="$u" 'BEGIN { printf "%.1f", (s > 0 ? b / 1e6 / s : 0) }')
    per=$(awk -v b="$bytes" -v k="$peak" 'BEGIN { printf "%.2f", k * 1024 / b }')
    row "finsam check, $mb MB" "$s" "$u" cat "$cat_s" "$cat_u" "$peak" \
        "$rate MB/s ($rate_cpu by cpu), peak $per x input"
    [ "$mb" = 10 ] && t10=$s u10=$u
    [ "$mb" = 100 ] && t100=$s u100=$u mbps100=$rate mbps100_cpu=$rate_cpu peak100=$per
    if [ "$status" != 0 ]; then
        notes="$notes
note: finsam exited with status $status on $file (expected 0)"
    fi
done
echo
echo "targets of issue 16:"
awk -v x="$ex_ratio" -v xc="$ex_ratio_cpu" -v s="$st_ratio" -v sc="${st_ratio_cpu:-}" 'BEGIN {
    printf "  the example in at most 1.30 x an empty C program: %.2f x by wall (%s), %.2f x by cpu (%s)\n",
           x, (x + 0 <= 1.30 ? "met" : "MISSED"), xc, (xc + 0 <= 1.30 ? "met" : "MISSED")
    if (s != "-")
        printf "    linked statically (make static): %.2f x by wall (%s), %.2f x by cpu (%s)\n",
               s, (s + 0 <= 1.30 ? "met" : "MISSED"), sc, (sc + 0 <= 1.30 ? "met" : "MISSED") }'
if [ -n "$t100" ]; then
    awk -v r="$mbps100" -v rc="$mbps100_cpu" -v p="$peak100" 'BEGIN {
        printf "  100 MB at least 100 MB/s: %s MB/s by wall (%s), %s by cpu (%s)\n",
               r, (r + 0 >= 100 ? "met" : "MISSED"), rc, (rc + 0 >= 100 ? "met" : "MISSED")
        printf "  100 MB peak memory at most 2.00 x the input: %s x (%s)\n", p, (p + 0 <= 2 ? "met" : "MISSED") }'
else
    echo "  100 MB: not measured (BENCH_SIZES)"
fi
lin=-
if [ -n "$t10" ] && [ -n "$t100" ]; then
    lin=$(awk -v a="$t10" -v b="$t100" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
    lin_cpu=$(awk -v a="$u10" -v b="$u100" 'BEGIN { printf "%.3f", (b > 0 ? a / b : 0) }')
    echo "linear cost: time for 10 MB / time for 100 MB = $lin, by processor time $lin_cpu (0.100 is linear)"
fi
[ -z "$notes" ] || printf '%s\n' "$notes"

# ---- history ----
if [ "$(fingerprint)" != "$before" ]; then
    echo
    echo "bench: $finsam${BENCH_STATIC:+ or $BENCH_STATIC} changed while it was measured (rebuilt?):"
    echo "       the figures above mix two builds; no line is added to the history"
    history=
fi
if [ -n "$history" ]; then
    if [ ! -f "$history" ]; then
        printf 'date\tcommit\tload\texample_ms\tempty_ms\texample_x_empty\texample_cpu_ms\tempty_cpu_ms\t100MB_s\tMB_per_s\t100MB_cpu_s\tpeak_x_input\t10MB_over_100MB\tstatic_x_empty\tleast_ms\n' >"$history"
    fi
    awk -v d="$(date -u +%Y-%m-%dT%H:%MZ)" -v c="$commit" -v l="$load" -v ex="$ex" -v e="$empty" \
        -v exu="$ex_cpu" -v eu="$empty_cpu" -v x="$ex_ratio" -v t="${t100:--}" -v r="${mbps100:--}" \
        -v tu="${u100:--}" -v p="${peak100:--}" -v lin="$lin" -v st="$st_ratio" -v le="$least_s" 'BEGIN {
        printf "%s\t%s\t%s\t%.2f\t%.2f\t%s\t%.2f\t%.2f\t%s\t%s\t%s\t%s\t%s\t%s\t%.2f\n", d, c, l, ex * 1000, e * 1000, x,
               exu * 1000, eu * 1000, t, r, tu, p, lin, st, le * 1000
    }' >>"$history"
    echo
    echo "history ($history, last 8 runs):"
    { head -n 1 "$history"; tail -n +2 "$history" | tail -n 8; } | column -t -s "$(printf '\t')" 2>/dev/null ||
        tail -n 8 "$history"
fi
exit 0
