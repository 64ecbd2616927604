#!/bin/sh
# run_draft.sh FINSAM: finsam draft as a whole. The golden cases (tests/golden/draft-*)
# hold the drafts of the texts in tests/draft/; this suite checks what they cannot:
#   - tests/draft/arsredovisning-2025.fin is the seed's draft as finsam draft writes it
#     now (so that the golden 'check' of it checks the real draft);
#   - the draft of every text in tests/draft/ loads (finsam check exits 0 or 1);
#   - the property: any text in, a year file out that loads. Texts made from the seed
#     with lines shuffled, cut, their tabs made spaces and bytes changed, and random
#     bytes, a fixed set (the same every run).
# The last line is "draft: N passed, N failed". POSIX sh, with awk for the texts.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/run_draft.sh FINSAM" >&2
    exit 2
fi
. "$(dirname "$0")/lib.sh"
suite_setup draft "$1"

# loads NAME TEXT: the draft of TEXT is written and loads.
loads() {
    if ! "$finsam" draft -o "$tmp/$1.fin" "$2" 2>"$tmp/$1.guesses"; then
        bad "$1: finsam draft failed"; return
    fi
    "$finsam" check --color=never "$tmp/$1.fin" >"$tmp/$1.out" 2>&1
    status=$?
    if [ $status -le 1 ]; then ok; else
        bad "$1: the draft does not load (status $status); text kept in $2"
        sed 's/^/    /' "$tmp/$1.out" | head -n 8
    fi
}

"$finsam" draft tests/draft/arsredovisning-2025.txt >"$tmp/seed.fin" 2>/dev/null
sed 2d "$tmp/seed.fin" >"$tmp/seed-no-path.fin"
if cmp -s "$tmp/seed.fin" tests/draft/arsredovisning-2025.fin; then ok; else
    bad "tests/draft/arsredovisning-2025.fin is not the seed's draft now: finsam draft tests/draft/arsredovisning-2025.txt > tests/draft/arsredovisning-2025.fin"
fi

# Swedish counts take their own plural: "1 tabell, 1 cell som tryckt", not "1 tabeller"
printf 'Resultaträkning\nIntäkter   1 000\n' >"$tmp/one.txt"
"$finsam" draft --lang sv -o "$tmp/one.fin" "$tmp/one.txt" 2>"$tmp/one.err"
grep -q ": 1 tabell, 1 cell som tryckt, 0 formler, 0 nothänvisningar, [0-9] gissningar\?, [0-9]* platshållare att fylla i$" "$tmp/one.err" &&
    ok || { bad "finsam draft in Swedish: the singular counts"; tail -1 "$tmp/one.err"; }

for text in tests/draft/*.txt; do
    name=${text##*/}
    loads "${name%.txt}" "$text"
done

# The seed saved as Windows saves text, in Windows-1252 and in UTF-16 with its byte order
# mark: the same draft as of its UTF-8 (but the line that names the text), and a guess
# that says how it was read.
for enc in CP1252 UTF-16LE UTF-16BE; do
    case $enc in
        UTF-16LE) printf '\377\376' ;;
        UTF-16BE) printf '\376\377' ;;
    esac >"$tmp/$enc.txt"
    iconv -f UTF-8 -t $enc tests/draft/arsredovisning-2025.txt >>"$tmp/$enc.txt"
    "$finsam" draft "$tmp/$enc.txt" >"$tmp/$enc.fin" 2>"$tmp/$enc.err"
    if sed 2d "$tmp/$enc.fin" | cmp -s - "$tmp/seed-no-path.fin" &&
        head -n 1 "$tmp/$enc.err" | grep -q "^$tmp/$enc.txt:1: guess: the text is .*read as"; then
        ok
    else
        bad "the seed in $enc does not draft as in UTF-8, or no guess says how it was read"
        head -n 1 "$tmp/$enc.err"
    fi
done

# A title that holds a quote: the riktmärke's source, made from it, is a string that
# loads (fuzz/regressions/draft/title-with-quote).
sed '3s/.*/Årsredovisning "2025" \\ styrelsen/' tests/draft/arsredovisning-2025.txt >"$tmp/quoted.txt"
loads title-with-quote "$tmp/quoted.txt"

# A document that is not text is refused, with the way to its text: status 2, nothing on
# standard output, no file written.
refused() { # NAME BYTES FIRST-LINE-OF-STDERR
    printf "$2" >"$tmp/$1"
    "$finsam" draft -o "$tmp/$1.fin" "$tmp/$1" >"$tmp/refused.out" 2>"$tmp/refused.err"
    status=$?
    if [ $status -eq 2 ] && [ ! -s "$tmp/refused.out" ] && [ ! -e "$tmp/$1.fin" ] &&
        [ "$(head -n 1 "$tmp/refused.err")" = "$tmp/$1: error: $3" ] &&
        grep -q "= hint: .*pdftotext -layout" "$tmp/refused.err"; then
        ok
    else
        bad "$1: not refused as not text (status $status)"
        cat "$tmp/refused.err"
    fi
}
refused report.pdf '%%PDF-1.7\n%%\342\343\317\323\n' "a PDF file, not its text"
refused report.docx 'PK\003\004\024\000\006\000' \
    "a document such as .docx, .xlsx or .odt (a ZIP archive), not text"
refused report.doc '\320\317\021\340\241\261\032\341\000' \
    "a Word or Excel document of the older kind (.doc, .xls), not text"
refused report.rtf '{\\rtf1\\ansi Resultatr\\'"'"'e4kning}' "an RTF document, not plain text"
refused report.bin '\177ELF\002\001\001\000' "not a text file: it holds a NUL byte near its start"

# A finsam file given for a report's text (a year file, whatever its name, or a file
# named .fin) is refused: drafting it would make a year file of its lines.
finsam_file() { # NAME SOURCE
    cp "$2" "$tmp/$1"
    "$finsam" draft -o "$tmp/$1.out.fin" "$tmp/$1" >"$tmp/refused.out" 2>"$tmp/refused.err"
    status=$?
    if [ $status -eq 2 ] && [ ! -s "$tmp/refused.out" ] && [ ! -e "$tmp/$1.out.fin" ] &&
        [ "$(head -n 1 "$tmp/refused.err")" = "$tmp/$1: error: a finsam file, not a report's text" ] &&
        grep -q "= hint: check it with finsam check $tmp/$1; finsam new $tmp/$1 writes next year's file" "$tmp/refused.err"; then
        ok
    else
        bad "$1: a finsam file not refused (status $status)"
        cat "$tmp/refused.err"
    fi
}
finsam_file 2025.fin examples/vvnd/2025.fin
finsam_file year-file.txt examples/norrdal/2025.fin
finsam_file rules.txt rules/finsam.fin
printf 'Årsredovisning 2025\n\nResultaträkning\n' >"$tmp/prose"
finsam_file prose.fin "$tmp/prose"

# Reports laid out as other federations and municipalities print them
# (tests/draft/variants: a cash flow with and without sections, mkr, a municipality's
# income statement and balance sheet with därav rows, costs printed positive, a table
# over a page break, notes that roll a value forward, ...), each with figures that agree:
# its draft loads and checks with no failure, so the draft's formulas cry no wolf. One
# figure changed in each makes the check fail, so the draft's formulas do check.
for text in tests/draft/variants/*.txt; do
    case_name=variant-$(basename "$text" .txt)
    if "$finsam" draft -o "$tmp/$case_name.fin" "$text" 2>/dev/null &&
        "$finsam" check --color=never "$tmp/$case_name.fin" >"$tmp/$case_name.out" 2>&1 &&
        grep -q ' 0 failed, ' "$tmp/$case_name.out"; then
        ok
    else
        bad "$case_name: the draft should check with no failure"
        grep -E 'error|checks' "$tmp/$case_name.out" | head -5
    fi
done
# the first total with a figure in each variant changed: a failure, found
for text in tests/draft/variants/*.txt; do
    case_name=variant-$(basename "$text" .txt)
    awk '/(Summa|SUMMA|Totalt|Årets resultat|Utgående|Likvida medel vid|Årets balanskravsresultat|Kassaflöde för|Resultat efter)[^0-9]*[0-9]/ && !done { sub(/[0-9]( |$)/, "9 "); done = 1 } { print }' \
        "$text" >"$tmp/$case_name-changed.txt"
    if "$finsam" draft -o "$tmp/$case_name-changed.fin" "$tmp/$case_name-changed.txt" 2>/dev/null &&
        ! "$finsam" check --color=never "$tmp/$case_name-changed.fin" >/dev/null 2>&1; then
        ok
    else
        bad "$case_name: a changed total should fail the check of its draft"
    fi
done

# Texts made from the seed: awk's rand with a fixed seed per case.
i=1
while [ $i -le 40 ]; do
    awk -v seed=$i 'BEGIN { srand(seed) }
        { line[NR] = $0 }
        END {
            n = int(rand() * 80) + 1
            for (k = 0; k < n; k++) {
                l = line[int(rand() * NR) + 1]
                r = rand()
                if (r < 0.2) gsub(/\t/, "   ", l)
                else if (r < 0.3) l = substr(l, 1, int(rand() * length(l)))
                else if (r < 0.4) l = l "\t" int(rand() * 100000) " %"
                else if (r < 0.45) l = "\t\"\\" l "\\\""
                print l
            }
        }' tests/draft/arsredovisning-2025.txt >"$tmp/mix$i.txt"
    loads "mix$i" "$tmp/mix$i.txt"
    i=$((i + 1))
done
# bytes of every value but NUL and newline, some lines long
i=1
while [ $i -le 10 ]; do
    awk -v seed=$i 'BEGIN {
        srand(seed)
        for (l = 0; l < 40; l++) {
            n = int(rand() * 30 * seed)
            s = ""
            for (k = 0; k < n; k++) {
                c = int(rand() * 255) + 1
                if (c == 10) c = 9
                s = s sprintf("%c", c)
            }
            print s
        }
    }' >"$tmp/bytes$i.txt"
    loads "bytes$i" "$tmp/bytes$i.txt"
    i=$((i + 1))
done
echo "draft: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
