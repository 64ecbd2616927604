#!/bin/sh
# run_determinism.sh FINSAM: the same input gives byte-identical output, every time.
#
# Each case runs one command three times and compares stdout, stderr and the exit
# status byte for byte: the third run with another name for the same locale, another
# time zone and a larger environment (LC_ALL=C.UTF-8 for C, TZ far from UTC, a long
# variable), which must change nothing. The commands: every golden case
# (tests/golden/NAME.args or NAME.fin, as run_golden.sh runs them); finsam check on
# examples/; and for each year file under examples/, finsam check in every format,
# finsam rules and finsam report in every format that writes one file. Cases run from
# the project root with FINSAM_PATH and NO_COLOR unset and LC_ALL=C (English messages),
# within TEST_TIMEOUT seconds (default 60). The last line is
# "determinism: N passed, N failed"; exit status 1 if any failed. POSIX sh.

. "$(dirname "$0")/lib.sh"
suite_setup determinism "$@"
# Messages in English by LC_ALL=C (finsam reads LC_ALL, LC_MESSAGES and LANG for its
# language): the third run of each case names the same locale otherwise.
unset LANG
LC_ALL=C
export LC_ALL
padding=$(awk 'BEGIN { for (i = 0; i < 4000; i++) printf "x" }')

# once N ARG...: run finsam; its stdout, stderr and status to $tmp/N.out, .err, .status.
once() {
    n=$1
    shift
    if [ "$n" = 3 ]; then
        # shellcheck disable=SC2086
        LC_ALL=C.UTF-8 TZ=Pacific/Kiritimati FINSAM_DETERMINISM_PADDING=$padding \
            $run_limited "$finsam" "$@" >"$tmp/$n.out" 2>"$tmp/$n.err" </dev/null
    else
        # shellcheck disable=SC2086
        $run_limited "$finsam" "$@" >"$tmp/$n.out" 2>"$tmp/$n.err" </dev/null
    fi
    echo $? >"$tmp/$n.status"
}

# same NAME ARG...: three runs, compared with the first; the exit status must be at
# most $max_status (2 for golden cases, which include bad input; 1 for the examples).
max_status=2
same() {
    label=$1
    shift
    once 1 "$@"
    once 2 "$@"
    once 3 "$@"
    differs=""
    for n in 2 3; do
        for part in out err status; do
            cmp -s "$tmp/1.$part" "$tmp/$n.$part" || differs="$differs run $n $part,"
        done
    done
    if [ -z "$differs" ] && [ "$(cat "$tmp/1.status")" -le "$max_status" ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        if [ -n "$differs" ]; then
            echo "FAILED $label: finsam $*: differs in${differs%,}"
            for n in 2 3; do
                for part in out err; do
                    cmp -s "$tmp/1.$part" "$tmp/$n.$part" ||
                        diff "$tmp/1.$part" "$tmp/$n.$part" | head -n 10 | sed 's/^/    /'
                done
            done
        else
            echo "FAILED $label: finsam $*: exit status $(cat "$tmp/1.status")"
            head -n 5 "$tmp/1.err" | sed 's/^/    /'
        fi
    fi
}

# The golden cases.
names=$(for f in tests/golden/*.args tests/golden/*.fin; do
            [ -f "$f" ] || continue
            f=${f##*/}
            echo "${f%.*}"
        done | LC_ALL=C sort -u)
for name in $names; do
    if [ -f "tests/golden/$name.args" ]; then
        line=$(grep -v -e '^[[:space:]]*#' -e '^[[:space:]]*$' "tests/golden/$name.args" |
               head -n 1 | tr -d '\r')
        [ -n "$line" ] || continue
        eval "set -- $line"
    else
        set -- check --color=never "tests/golden/$name.fin"
    fi
    same "golden/$name" "$@"
done

# Every federation and year at once, and each year file in every format. A format
# this finsam does not know yet (a usage error on a good file) is skipped.
max_status=1
knows() { # knows COMMAND FORMAT
    "$finsam" "$1" --format "$2" examples/norrdal/2024.fin >/dev/null 2>&1 </dev/null
    [ $? -le 1 ] && return 0
    echo "skip   finsam $1 --format $2: not known to this finsam"
    return 1
}
check_formats=""
for format in text json junit tap; do
    knows check "$format" && check_formats="$check_formats $format"
done
report_formats=""
for format in text markdown html json; do
    knows report "$format" && report_formats="$report_formats $format"
done
same examples check --color=never examples/
same examples-json check --format json examples/
for year_file in $(find examples -name '*.fin' | LC_ALL=C sort); do
    grep -q '^report' "$year_file" || continue
    for format in $check_formats; do
        same "$year_file check $format" check --format "$format" "$year_file"
    done
    same "$year_file rules" rules "$year_file"
    for format in $report_formats; do
        same "$year_file report $format" report --format "$format" "$year_file"
    done
done

echo "determinism: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
