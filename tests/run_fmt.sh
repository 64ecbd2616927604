#!/bin/sh
# run_fmt.sh FINSAM: finsam fmt from the command line: standard output, -w, --check
# with its diff and exit status, standard input, a file that does not parse, and that
# a formatted copy of each example checks exactly as the example does. The last line
# is "fmt: N passed, N failed"; exit status 1 if any failed. POSIX sh.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/run_fmt.sh FINSAM" >&2
    exit 2
fi
. "$(dirname "$0")/lib.sh"
suite_setup fmt "$1"

cat >"$tmp/messy.fin" <<'FIN'
accounts income "Resultaträkning" (2025, 2024) {
  fees "Medlemsavgifter" | 7 864 004|8 028 000   # as printed
        costs "Kostnader"|-8 160 786 |   - 8 282 457
}
check c "C" error:
income.fees >= 0
FIN
cat >"$tmp/want.fin" <<'FIN'
accounts income "Resultaträkning" (2025, 2024) {
    fees  "Medlemsavgifter" |  7 864 004 |   8 028 000 # as printed
    costs "Kostnader"       | -8 160 786 | - 8 282 457
}

check c "C" error:
    income.fees >= 0
FIN
cp "$tmp/messy.fin" "$tmp/messy.orig"

# To standard output, the file left as it is.
"$finsam" fmt "$tmp/messy.fin" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 0 ] && cmp -s "$tmp/out" "$tmp/want.fin" && [ ! -s "$tmp/err" ] &&
   cmp -s "$tmp/messy.fin" "$tmp/messy.orig"; then ok; else
    bad "fmt FILE: status $st"; diff "$tmp/want.fin" "$tmp/out"; cat "$tmp/err"; fi

# Standard input, with no FILE and with '-'.
"$finsam" fmt <"$tmp/messy.fin" >"$tmp/out" && cmp -s "$tmp/out" "$tmp/want.fin" && ok ||
    bad "fmt < FILE"
"$finsam" fmt - <"$tmp/messy.fin" >"$tmp/out" && cmp -s "$tmp/out" "$tmp/want.fin" && ok ||
    bad "fmt - < FILE"

# --check: a diff on standard output and status 1; the file is not touched.
"$finsam" fmt --check "$tmp/messy.fin" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 1 ] && head -n 2 "$tmp/out" | grep -q "^+++ $tmp/messy.fin (formatted)\$" &&
   grep -q '^-        costs "Kostnader"|-8 160 786 |   - 8 282 457$' "$tmp/out" &&
   grep -q '^+    costs "Kostnader"       | -8 160 786 | - 8 282 457$' "$tmp/out" &&
   grep -q '^@@ -1,6 +1,7 @@$' "$tmp/out" && cmp -s "$tmp/messy.fin" "$tmp/messy.orig"; then
    ok; else bad "fmt --check on a file that is not formatted: status $st"; cat "$tmp/out"; fi

# The diff is one patch(1) applies.
if command -v patch >/dev/null 2>&1; then
    cp "$tmp/messy.fin" "$tmp/patched.fin"
    sed "s|^--- .*|--- $tmp/patched.fin|; s|^+++ .*|+++ $tmp/patched.fin|" "$tmp/out" |
        patch -s "$tmp/patched.fin" && cmp -s "$tmp/patched.fin" "$tmp/want.fin" && ok ||
        bad "patch does not apply fmt --check's diff to what fmt writes"
fi

# --check on a formatted file: nothing, status 0.
"$finsam" fmt --check "$tmp/want.fin" >"$tmp/out" 2>&1; st=$?
[ $st -eq 0 ] && [ ! -s "$tmp/out" ] && ok || bad "fmt --check on a formatted file: status $st"

# -w: in place, the permissions kept, and then --check passes.
chmod 640 "$tmp/messy.fin"
"$finsam" fmt -w "$tmp/messy.fin" >"$tmp/out" 2>&1; st=$?
if [ $st -eq 0 ] && [ ! -s "$tmp/out" ] && cmp -s "$tmp/messy.fin" "$tmp/want.fin" &&
   [ "$(stat -c %a "$tmp/messy.fin")" = 640 ] && [ -z "$(ls "$tmp" | grep fmt-)" ]; then
    ok; else bad "fmt -w: status $st"; fi
"$finsam" fmt --check "$tmp/messy.fin" >/dev/null 2>&1 && ok || bad "fmt --check after fmt -w"

# A file that does not parse: its error, status 2, nothing written.
printf 'table t (2025) {\n  a | 1 2\n' >"$tmp/broken.fin"
cp "$tmp/broken.fin" "$tmp/broken.orig"
"$finsam" fmt -w "$tmp/broken.fin" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "broken.fin:2:" "$tmp/err" &&
   grep -q "broken.fin: not formatted: " "$tmp/err" && cmp -s "$tmp/broken.fin" "$tmp/broken.orig"
then ok; else bad "fmt -w on a file that does not parse: status $st"; cat "$tmp/err"; fi

# A file that is not UTF-8 text (a Latin-1 byte in a comment) is refused as check
# refuses it, not formatted: the scanner finds the byte (grammar/lexer.l).
printf 'table t (2025) {\n  a | 1 # n\344r\n}\n' >"$tmp/latin1.fin"
cp "$tmp/latin1.fin" "$tmp/latin1.orig"
"$finsam" fmt -w "$tmp/latin1.fin" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ $st -eq 2 ] && [ ! -s "$tmp/out" ] && grep -q "latin1.fin:2:12: error: this byte is not valid UTF-8" "$tmp/err" &&
   cmp -s "$tmp/latin1.fin" "$tmp/latin1.orig"
then ok; else bad "fmt -w on a file that is not UTF-8: status $st"; cat "$tmp/err"; fi

# The worst status of several files; a file that cannot be read.
"$finsam" fmt --check "$tmp/want.fin" "$tmp/broken.fin" >/dev/null 2>&1; st=$?
[ $st -eq 2 ] && ok || bad "fmt --check good broken: status $st, not 2"
"$finsam" fmt "$tmp/none.fin" >/dev/null 2>"$tmp/err"; st=$?
[ $st -eq 2 ] && grep -q "cannot read" "$tmp/err" && ok || bad "fmt on a missing file: status $st"

# Usage: an unknown option; --help.
"$finsam" fmt --frobnicate >/dev/null 2>"$tmp/err"; st=$?
[ $st -eq 2 ] && grep -q "unknown option '--frobnicate'" "$tmp/err" && ok ||
    bad "fmt --frobnicate: status $st"
"$finsam" fmt --help >"$tmp/out" 2>&1 && grep -q -- "--check" "$tmp/out" && ok ||
    bad "fmt --help"
"$finsam" fmt --lang sv --help >"$tmp/out" 2>&1 && grep -q "användning: finsam fmt" "$tmp/out" &&
    ok || bad "fmt --lang sv --help is not in Swedish"

# A formatted copy of each federation checks as the original does: the same findings,
# at the same lines, and the same summary.
for fed in examples/*/; do
    name=$(basename "$fed")
    mkdir -p "$tmp/ex/$name"
    cp "$fed"*.fin "$tmp/ex/$name/"
    for se in "$fed"*.se; do [ ! -e "$se" ] || cp "$se" "$tmp/ex/$name/"; done
    "$finsam" fmt -w "$tmp/ex/$name/"*.fin || bad "fmt -w $fed"
    for f in "$fed"*.fin; do
        grep -q '^report' "$f" || continue
        base=$(basename "$f")
        (cd "$fed" && "$finsam" check --color=never "$base") 2>&1 |
            sed -n 's/^\([^ ]*:[0-9]*\):[0-9]*: /\1: /p; /checks, /p' >"$tmp/before"
        (cd "$tmp/ex/$name" && "$finsam" check --color=never "$base") 2>&1 |
            sed -n 's/^\([^ ]*:[0-9]*\):[0-9]*: /\1: /p; /checks, /p' >"$tmp/after"
        if [ -s "$tmp/before" ] && cmp -s "$tmp/before" "$tmp/after"; then ok; else
            bad "$f: a formatted copy checks differently"; diff "$tmp/before" "$tmp/after" | head; fi
    done
done

# The project's own rule files are kept formatted (make fmt-check).
"$finsam" fmt --check examples/*/*.fin rules/*.fin >"$tmp/out" 2>&1; st=$?
[ $st -eq 0 ] && ok || { bad "examples/ and rules/ are not formatted: run finsam fmt -w"; head -20 "$tmp/out"; }

echo "fmt: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
