#!/bin/sh
# run_ledgers.sh FINSAM: the examples' fictional SIE ledgers (tools/gen_ledger.c,
# docs/ledgers.md).
#
# - tools/gen_ledger.c builds here with -Wall -Wextra -Werror, and writes each
#   examples/NAME/bokforing-2025.se from its ledger-2025.spec byte for byte as
#   committed (make ledgers writes them), and the ledger with one altered row too.
# - finsam sie finds each ledger clean: every voucher balances, #IB and the vouchers
#   give #UB, #RES is the vouchers, #KSUMMA matches.
# - Each row of examples/NAME/ledger-2025.md is its accounts' sum in the ledger, with
#   its sign, for 2025 (#IB 0 and the vouchers) and 2024 (#UB -1, #RES -1), and that is
#   the figure 2025.fin prints; every account of the chart lands in exactly one row of
#   the income statement and the balance sheet.
# - The altered ledger: finsam sie reports its voucher and its account, at their lines.
# - gen_ledger refuses a spec that does not add up, with the line, and exit status 2.
# The last line is "ledgers: N passed, N failed". POSIX sh.

. "$(dirname "$0")/lib.sh"
suite_setup ledgers "$1"

gen=$tmp/gen_ledger
if ${CC:-cc} -std=c11 -D_XOPEN_SOURCE=700 -O2 -Wall -Wextra -Werror -Wshadow \
        -Wstrict-prototypes -Wmissing-prototypes -o "$gen" tools/gen_ledger.c -lz; then
    ok
else
    bad "tools/gen_ledger.c does not build"
    echo "ledgers: $passed passed, $((failed + 1)) failed"
    exit 1
fi

# ledger_sum FILE LO HI YEAR: the sum in öre of the accounts LO..HI, year 0 (opening
# balances and the vouchers' rows) or -1 (#UB -1 and #RES -1).
ledger_sum() {
    iconv -f CP437 -t UTF-8 "$1" | awk -v lo="$2" -v hi="$3" -v year="$4" '
        function ore(s) { sub(/\./, "", s); return s + 0 }
        function in_range(a) { return a + 0 >= lo + 0 && a + 0 <= hi + 0 }
        year == 0 && $1 == "#IB" && $2 == "0" && in_range($3) { sum += ore($4) }
        year == 0 && $1 == "#TRANS" && in_range($2) { sum += ore($4) }
        year == -1 && ($1 == "#UB" || $1 == "#RES") && $2 == "-1" && in_range($3) { sum += ore($4) }
        END { printf "%d\n", sum }'
}

# fin_figure FIN BLOCK ROW COLUMN: the figure the year file prints in the row of the
# block (accounts BLOCK ...), column 1 or 2, without its spaces.
fin_figure() {
    awk -v block="$2" -v row="$3" -v col="$4" '
        $1 == "accounts" && $2 == block { inside = 1; next }
        inside && /^}/ { inside = 0 }
        inside && $1 == row && index($0, "|") {
            n = split($0, f, "|"); v = f[col + 1]; gsub(/[ \t]/, "", v); print v; exit }' "$1"
}

for ex in vvnd norrdal; do
    dir=examples/$ex
    se=$dir/bokforing-2025.se
    if "$gen" "$dir/ledger-2025.spec" "$tmp/$ex.se" 2>"$tmp/gen.err" && cmp -s "$tmp/$ex.se" "$se"; then
        ok
    else
        bad "$ex: gen_ledger does not write $se as committed (make ledgers): $(cat "$tmp/gen.err")"
    fi
    "$finsam" sie "$se" >"$tmp/out" 2>&1
    status=$?
    if [ "$status" -eq 0 ] && grep -q ' 0 failed, 0 warnings$' "$tmp/out" &&
            grep -q '^#KSUMMA [0-9]' "$se" && grep -q 'fiktiv bokf' "$se"; then
        ok
    else
        bad "$ex: finsam sie $se: status $status"; cat "$tmp/out"
    fi
    # the mapping table's rows: ledger, table and year file agree
    grep '^| `' "$dir/ledger-2025.md" | tr -d '`' >"$tmp/rows"
    : >"$tmp/ranges"
    nrows=0
    while IFS='|' read -r _ name accounts sign fig0 fig1 _; do
        name=$(echo "$name" | tr -d ' ')
        sign=$(echo "$sign" | tr -d ' ')
        block=${name%%.*}
        row=${name#*.}
        nrows=$((nrows + 1))
        for col in 1 2; do
            if [ $col = 1 ]; then want=$fig0 year=0; else want=$fig1 year=-1; fi
            want=$(echo "$want" | tr -d ' ')
            got=0
            for range in $(echo "$accounts" | tr -d ' ' | tr ',' ' '); do
                lo=${range%..*}
                hi=${range#*..}
                s=$(ledger_sum "$se" "$lo" "$hi" "$year")
                got=$((got + s))
                [ "$col" = 1 ] && { [ "$block" = income ] || [ "$block" = balance ]; } &&
                    echo "$lo $hi $name" >>"$tmp/ranges"
            done
            [ "$sign" = - ] && got=$((-got))
            printed=$(fin_figure "$dir/2025.fin" "$block" "$row" "$col")
            if [ "$got" -eq $((want * 100)) ] && [ "$printed" = "$want" ]; then
                ok
            else
                bad "$ex: $name (year $year): ledger $got öre, table $want kr, 2025.fin '$printed'"
            fi
        done
    done <"$tmp/rows"
    [ "$nrows" -ge 11 ] && ok || bad "$ex: ledger-2025.md has $nrows rows"
    # completeness: each account of the chart in exactly one row
    iconv -f CP437 -t UTF-8 "$se" | awk '$1 == "#KONTO" { print $2 }' >"$tmp/accounts"
    lost=$(awk 'NR == FNR { lo[NR] = $1; hi[NR] = $2; name[NR] = $3; n = NR; next }
                { c = 0; for (i = 1; i <= n; i++) if ($1 + 0 >= lo[i] + 0 && $1 + 0 <= hi[i] + 0) c++;
                  if (c != 1) print $1 " in " c " rows" }' "$tmp/ranges" "$tmp/accounts")
    [ -z "$lost" ] && [ -s "$tmp/accounts" ] && ok || bad "$ex: accounts not in exactly one row: $lost"
done

# The altered ledger: one row changed, the rest the same; finsam sie finds its voucher
# (at the #VER line) and its account (at the #RES 0 or #UB 0 line) and nothing else.
altered=tests/sie/ledgers/vvnd-2025-altered.se
# shellcheck disable=SC2046
if "$gen" $(cat tests/sie/ledgers/vvnd-2025-altered.args) examples/vvnd/ledger-2025.spec \
        "$tmp/altered.se" 2>"$tmp/gen.err" && cmp -s "$tmp/altered.se" "$altered"; then
    ok
else
    bad "gen_ledger does not write $altered as committed: $(cat "$tmp/gen.err")"
fi
line=$(sed -n 's/.* altered at line \([0-9]*\):.*/\1/p' "$tmp/gen.err")
diff examples/vvnd/bokforing-2025.se "$altered" | grep -v '^[<>-]' >"$tmp/diff"
# the row, and the closing #KSUMMA
if [ -n "$line" ] && [ "$(sed -n 1p "$tmp/diff")" = "${line}c${line}" ] &&
        [ "$(wc -l <"$tmp/diff")" -eq 2 ]; then
    ok
else
    bad "the altered ledger differs in more than its row $line and #KSUMMA: $(cat "$tmp/diff")"
fi
account=$(sed -n "${line}p" "$altered" | awk '{ print $2 }')
ver=$(awk -v n="$line" 'NR <= n && /^#VER/ { v = NR } END { print v }' "$altered")
# a result account's finding is at its #RES 0 line, a balance account's at its #UB 0
res=$(grep -n "^#RES 0 $account " "$altered" | cut -d: -f1)
tag=result
if [ -z "$res" ]; then
    res=$(grep -n "^#UB 0 $account " "$altered" | cut -d: -f1)
    tag=balance
fi
"$finsam" sie "$altered" >"$tmp/out" 2>&1
status=$?
if [ "$status" -eq 1 ] &&
        LC_ALL=C grep -q "^$altered:$ver:[0-9]*: error: .*\[voucher\]" "$tmp/out" &&
        LC_ALL=C grep -q "^$altered:$res:[0-9]*: error: .*\[$tag\]" "$tmp/out" &&
        grep -q ' 2 failed, 0 warnings$' "$tmp/out"; then
    ok
else
    bad "finsam sie $altered (row at line $line, #VER at $ver, #RES at $res): status $status"
    cat "$tmp/out"
fi

# A spec that does not add up, and one with an unknown role: exit 2, the line named.
sed 's/^konto 1930 T "Bank" *bank *4706907/konto 1930 T "Bank" bank 4706908/' \
    examples/vvnd/ledger-2025.spec >"$tmp/bad.spec"
"$gen" "$tmp/bad.spec" "$tmp/bad.se" 2>"$tmp/err"
status=$?
[ "$status" -eq 2 ] && grep -q 'opening balances of year 0 add up to 100 öre, not 0' "$tmp/err" &&
    ok || bad "an unbalanced spec: status $status: $(cat "$tmp/err")"
sed 's/ salary / wages /' examples/vvnd/ledger-2025.spec >"$tmp/bad.spec"
"$gen" "$tmp/bad.spec" "$tmp/bad.se" 2>"$tmp/err"
status=$?
n=$(grep -n ' wages ' "$tmp/bad.spec" | cut -d: -f1)
[ "$status" -eq 2 ] && grep -q "bad.spec:$n: unknown role 'wages'" "$tmp/err" &&
    ok || bad "an unknown role: status $status: $(cat "$tmp/err")"

echo "ledgers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
