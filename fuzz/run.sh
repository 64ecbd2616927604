#!/bin/sh
# Runs one libFuzzer harness; called by fuzz/fuzz.mk (see fuzz/README.md).
#
#   sh fuzz/run.sh fuzz   NAME SECONDS   fuzz on build/fuzz/corpus-NAME, one worker, going on
#                                        past crashes; lists the new findings; status 1 if any
#   sh fuzz/run.sh replay NAME           run every seed and regression input once; status 1
#                                        on a crash, hang, leak or sanitizer report
#   sh fuzz/run.sh ci     NAME SECONDS   fuzz a copy of the seeds, stopping at the first
#                                        finding; status 1 if there is one
#
# Environment: FUZZ_MAX_LEN (default 65536), FUZZ_FIGURE_MAX_LEN (default 512),
# FB (default build/fuzz), FUZZ_SEED (ci's random seed, default 1: the same commit
# makes the same inputs in the same order, so that a finding in CI is found again by
# the same command; fuzz mode takes a new seed each run).
set -u
mode=$1
name=$2
seconds=${3:-60}
FB=${FB:-build/fuzz}
max_len=${FUZZ_MAX_LEN:-65536}
# a figure is short: long inputs only slow the figure harness down
[ "$name" = figure ] && max_len=${FUZZ_FIGURE_MAX_LEN:-512}
bin=$FB/fuzz_$name
seeds=fuzz/seeds/$name
regressions=fuzz/regressions/$name
artifacts=$FB/artifacts
dict=fuzz/finsam.dict
[ "$name" = figure ] && dict=fuzz/figure.dict
[ "$name" = sie ] && dict=fuzz/sie.dict
[ "$name" = json ] && dict=fuzz/json.dict

[ -x "$bin" ] || { echo "run.sh: $bin is not built: make fuzz-build" >&2; exit 2; }
mkdir -p "$artifacts"
common="-max_len=$max_len -timeout=10 -rss_limit_mb=2048 -dict=$dict"

# The seeds of a corpus: fuzz/seeds/NAME, and for the whole path every .fin file of the
# examples and tests, for the draft the report layouts of tests/draft/variants,
# flattened to one folder.
seed_corpus() {
    dir=$1
    mkdir -p "$dir"
    [ -d "$seeds" ] && cp "$seeds"/* "$dir"/ 2>/dev/null
    if [ "$name" = sie ]; then
        for f in tests/sie/real/*.[sS][eEiI]; do
            cp "$f" "$dir/seed-$(basename "$f")"
        done
    fi
    if [ "$name" = draft ]; then
        for f in tests/draft/variants/*.txt; do
            cp "$f" "$dir/seed-variant-$(basename "$f")"
        done
    fi
    if [ "$name" = check ]; then
        find examples tests -name '*.fin' -type f | while read -r f; do
            cp "$f" "$dir/seed-$(echo "$f" | tr / _)"
        done
    fi
}

count_files() { find "$1" -type f 2>/dev/null | wc -l | tr -d ' '; }

case $mode in
replay)
    files=$(find "$seeds" "$regressions" -type f ! -name README.md 2>/dev/null | sort)
    n=$(echo "$files" | grep -c .)
    [ "$n" -gt 0 ] || { echo "fuzz_$name: nothing to replay"; exit 0; }
    log=$FB/replay-$name.log
    # Files given one by one are each run once, whole, whatever max_len says.
    # shellcheck disable=SC2086
    if "$bin" -timeout=10 -rss_limit_mb=2048 $files >"$log" 2>&1; then
        echo "fuzz_$name: replayed $n inputs (seeds and regressions): no finding"
        exit 0
    fi
    echo "fuzz_$name: FAILED replaying the seeds and regressions; the last lines of $log:"
    grep -n "Running:\|ERROR\|SUMMARY\|invariant" "$log" | tail -5
    tail -40 "$log"
    exit 1
    ;;
ci)
    corpus=$FB/ci-corpus-$name
    rm -rf "$corpus"
    seed_corpus "$corpus"
    log=$FB/ci-$name.log
    seed=${FUZZ_SEED:-1}
    # shellcheck disable=SC2086
    "$bin" $common -seed="$seed" -max_total_time="$seconds" -print_final_stats=1 \
        -artifact_prefix="$artifacts/ci-$name-" "$corpus" >"$log" 2>&1
    status=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
    if [ $status -ne 0 ]; then
        echo "fuzz_$name: FAILED after ${execs:-?} executions with seed $seed (status $status;" \
             "again: FUZZ_SEED=$seed sh fuzz/run.sh ci $name $seconds); from $log:"
        grep -n "ERROR\|SUMMARY\|invariant\|Test unit written" "$log" | head -10
        exit 1
    fi
    echo "fuzz_$name: ${seconds} s, seed $seed, ${execs:-?} executions, corpus $(count_files "$corpus"): no finding"
    exit 0
    ;;
fuzz)
    corpus=$FB/corpus-$name
    seed_corpus "$corpus"
    log=$FB/fuzz-$name.log
    stamp=$FB/.stamp-$name
    : >"$stamp"
    before=$(count_files "$corpus")
    echo "fuzz_$name: fuzzing ${seconds} s on $corpus ($before inputs); log in $log"
    # One worker that forks a child per batch: a crash, hang, leak or out-of-memory is
    # saved and the run goes on.
    # shellcheck disable=SC2086
    "$bin" $common -max_total_time="$seconds" -fork=1 -ignore_crashes=1 \
        -ignore_timeouts=1 -ignore_ooms=1 -artifact_prefix="$artifacts/$name-" \
        "$corpus" >"$log" 2>&1
    # Fork mode prints "#EXECS: cov: ... corp: N exec/s: R ..." lines.
    last=$(grep '^#[0-9]*:' "$log" | tail -1)
    execs=$(echo "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
    secs=$(echo "$last" | sed -n 's/.*time: *\([0-9]*\)s.*/\1/p')
    rate=$([ -n "$execs" ] && [ "${secs:-0}" -gt 0 ] && echo $((execs / secs)))
    cov=$(echo "$last" | sed -n 's/.*cov: *\([0-9]*\).*/\1/p')
    found=$(find "$artifacts" -type f -name "$name-*" -newer "$stamp" | sort)
    echo "fuzz_$name: ${execs:-?} executions in ${secs:-?} s, ${rate:-?} exec/s, coverage ${cov:-?} edges," \
         "corpus $(count_files "$corpus") inputs (was $before)"
    if [ -n "$found" ]; then
        echo "fuzz_$name: NEW FINDINGS (reproduce with $bin FILE):"
        for f in $found; do echo "  $f"; done
        exit 1
    fi
    echo "fuzz_$name: no new finding"
    exit 0
    ;;
*)
    echo "usage: sh fuzz/run.sh fuzz|replay|ci NAME [SECONDS]" >&2
    exit 2
    ;;
esac
