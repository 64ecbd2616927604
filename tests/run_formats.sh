#!/bin/sh
# tests/run_formats.sh FINSAM: the machine formats, read back by real parsers.
#
# JSON is validated against docs/finsam.schema.json with Python's jsonschema and its
# counts compared with the text summary, its allocations field by field; JUnit XML is
# parsed with Python's xml.etree; TAP with Perl's TAP::Parser; CSV field by field (a
# table, an allocation, and text a spreadsheet would take for a formula). Reports are
# written atomically: a failed run leaves an existing report as it was. The text and
# Markdown reports show the allocations; no control character from a rule file
# reaches the text output, TAP, finsam rules or the reports; Markdown escapes the HTML
# and Markdown in text from a rule file. Ends with "formats: N passed, N failed".
# POSIX sh.

finsam=$1
case $finsam in /*) ;; */*) finsam=$PWD/$finsam ;; esac
cd "$(dirname "$0")/.." || exit 2
# Messages in English, whatever the caller's locale (finsam reads LC_ALL, LC_MESSAGES
# and LANG for its language; a case that wants Swedish says --lang sv).
unset LANGUAGE LC_ALL LC_MESSAGES
LANG=C.UTF-8
export LANG
py=/usr/bin/python3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/finsam-formats.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok     $1"; }
bad() { failed=$((failed + 1)); echo "FAILED $1"; [ -n "${2:-}" ] && printf '%s\n' "$2" | sed 's/^/    /'; }

# validate JSONFILE: prints "tables findings checks-from-summary" or fails.
validate() {
    "$py" - "$1" <<'PY'
import json, sys, jsonschema
schema = json.load(open("docs/finsam.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
data = json.load(open(sys.argv[1]))
jsonschema.validate(data, schema)
files = data["files"] if "files" in data else [data]
runs = sum(len(c["runs"]) for f in files for c in f["checks"])
print(len(files), sum(len(f.get("tables", [])) for f in files),
      sum(len(f["findings"]) for f in files), runs)
PY
}

for file in examples/vvnd/2025.fin examples/vvnd/2024.fin examples/norrdal/2025.fin \
            tests/golden/passing.fin tests/golden/formula-failures.fin tests/golden/allocation.fin; do
    name="json report $file"
    "$finsam" report --format json -o "$tmp/r.json" "$file" 2>"$tmp/err"
    st=$?
    if [ "$st" -gt 1 ]; then bad "$name" "exit $st: $(cat "$tmp/err")"; continue; fi
    if ! counts=$(validate "$tmp/r.json" 2>&1); then bad "$name" "$counts"; continue; fi
    # the findings in JSON are the findings the text output prints
    text=$("$finsam" check --color=never "$file" 2>&1 | grep -c ': \(error\|warning\): ')
    set -- $counts
    if [ "$3" != "$text" ]; then bad "$name" "JSON has $3 findings, text output $text"; continue; fi
    ok "$name ($2 tables, $3 findings)"
done

# a finding caused by another links to it: "same_as" is the place the text output
# gives after "probably the same error as", finding by finding
name="json same_as is the text output's 'probably the same error as'"
"$finsam" report --format json -o "$tmp/s.json" tests/golden/control-chars.fin 2>/dev/null
"$finsam" check --color=never tests/golden/control-chars.fin >"$tmp/s.txt" 2>&1
if out=$("$py" - "$tmp/s.json" "$tmp/s.txt" 2>&1 <<'PY'
import json, re, sys
data = json.load(open(sys.argv[1]))
links = ["%(file)s:%(line)d:%(column)d" % f["same_as"] for f in data["findings"] if f["same_as"]]
text = re.findall(r"probably the same error as (\S+)", open(sys.argv[2]).read())
assert links and links == text, (links, text)
places = ["%(file)s:%(line)d:%(column)d" % f for f in data["findings"]]
assert all(l in places for l in links), (links, places)
print(len(links), "link(s)")
PY
); then ok "$name ($out)"; else bad "$name" "$out"; fi

name="json check of examples/"
"$finsam" check --format json examples/ >"$tmp/c.json" 2>"$tmp/err"
if counts=$(validate "$tmp/c.json" 2>&1); then
    set -- $counts
    [ "$1" -ge 4 ] && [ "$2" = 0 ] && ok "$name ($1 files, $3 findings)" || bad "$name" "$counts"
else
    bad "$name" "$counts"
fi

name="junit check of examples/"
"$finsam" check --format junit examples/ >"$tmp/j.xml" 2>"$tmp/err"
if out=$("$py" - "$tmp/j.xml" "$tmp/c.json" 2>&1 <<'PY'
import json, sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
total = json.load(open(sys.argv[2]))["total"]
assert root.tag == "testsuites", root.tag
suites = root.findall("testsuite")
assert len(suites) >= 4, len(suites)
cases = root.findall("testsuite/testcase")
failures = [c for c in cases if c.find("failure") is not None]
assert int(root.get("failures")) == total["failed"], (root.get("failures"), total)
assert len(failures) == total["failed"], (len(failures), total)
assert int(root.get("tests")) == len(cases), (root.get("tests"), len(cases))
for s in suites:
    assert int(s.get("tests")) == len(s.findall("testcase"))
print(len(cases), "cases", len(failures), "failures")
PY
); then ok "$name ($out)"; else bad "$name" "$out"; fi

name="tap check of examples/"
"$finsam" check --format tap examples/ >"$tmp/t.tap" 2>"$tmp/err"
if out=$(perl -MTAP::Parser -e '
    open my $fh, "<", $ARGV[0] or die;
    my $p = TAP::Parser->new({ tap => do { local $/; <$fh> } });
    while (my $r = $p->next) { die "cannot parse: " . $r->as_string . "\n" if $r->is_unknown }
    die "plan " . $p->tests_planned . " but " . $p->tests_run . " run\n"
        unless $p->tests_planned == $p->tests_run;
    printf "%d tests %d failed %d todo\n", $p->tests_run, scalar($p->failed), scalar($p->todo);
    ' "$tmp/t.tap" 2>&1); then
    failed_json=$("$py" -c 'import json,sys; print(json.load(open(sys.argv[1]))["total"]["failed"])' "$tmp/c.json")
    case $out in *" $failed_json failed "*) ok "$name ($out)" ;; *) bad "$name" "$out, JSON says $failed_json failed" ;; esac
else
    bad "$name" "$out"
fi

# A path with markup in it (a folder called 'a&b<c"d'): JUnit escapes it everywhere, the
# explanation's "at:" line included, and TAP keeps it on its comment line.
name="junit and tap of a file whose path holds markup"
odd="$tmp/a&b<c\"d"
mkdir "$odd" && cp tests/golden/formula-failures.fin "$odd/"
"$finsam" check --format junit "$odd/formula-failures.fin" >"$tmp/odd.xml" 2>"$tmp/err"
"$finsam" check --format tap "$odd/formula-failures.fin" >"$tmp/odd.tap" 2>>"$tmp/err"
if out=$("$py" - "$tmp/odd.xml" "$odd/formula-failures.fin" 2>&1 <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
failures = root.findall("testsuite/testcase/failure")
assert failures, "no failures"
for f in failures:
    assert "at: " + sys.argv[2] + ":" in f.text, f.text
print(len(failures), "failures")
PY
) && perl -MTAP::Parser -e '
    open my $fh, "<", $ARGV[0] or die;
    my $p = TAP::Parser->new({ tap => do { local $/; <$fh> } });
    while (my $r = $p->next) { die "cannot parse: " . $r->as_string . "\n" if $r->is_unknown }
    die "plan " . $p->tests_planned . " but " . $p->tests_run . " run\n"
        unless $p->tests_planned == $p->tests_run;
    ' "$tmp/odd.tap" 2>&1; then ok "$name ($out)"; else bad "$name" "$out"; fi

# A path that is not UTF-8 (a folder named in Latin-1, 'Å' as one byte C5): JSON and
# JUnit stay valid UTF-8 and parse, the byte replaced by U+FFFD.
name="json and junit of a file whose path is not UTF-8"
latin1="$tmp/$(printf '\305r')"
mkdir "$latin1" && cp tests/golden/formula-failures.fin "$latin1/"
"$finsam" check --format json "$latin1/formula-failures.fin" >"$tmp/latin1.json" 2>"$tmp/err"
"$finsam" check --format junit "$latin1/formula-failures.fin" >"$tmp/latin1.xml" 2>>"$tmp/err"
if out=$("$py" - "$tmp/latin1.json" "$tmp/latin1.xml" 2>&1 <<'PY'
import json, sys, xml.etree.ElementTree as ET
data = json.loads(open(sys.argv[1], "rb").read().decode("utf-8"))
path = data["files"][0]["file"]
assert path.endswith("/\ufffdr/formula-failures.fin"), path
root = ET.fromstring(open(sys.argv[2], "rb").read().decode("utf-8"))
failures = root.findall("testsuite/testcase/failure")
assert failures and all("\ufffdr/formula-failures.fin:" in f.text for f in failures)
print(len(failures), "failures")
PY
); then ok "$name ($out)"; else bad "$name" "$out $(cat "$tmp/err")"; fi

name="csv of one table"
"$finsam" report --format csv --table income examples/vvnd/2025.fin >"$tmp/income.csv" 2>"$tmp/err"
if out=$("$py" - "$tmp/income.csv" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter=";"))
assert rows[0][:6] == ["rad", "text", "avsnitt", "enhet", "2025", "2024"], rows[0]
fees = [r for r in rows if r[0] == "member_fees"][0]
assert fees[3] == "kr" and fees[4] == "7864004" and fees[5] == "8028000", fees
assert all(len(r) == len(rows[0]) for r in rows)
print(len(rows) - 1, "rows")
PY
); then ok "$name ($out)"; else bad "$name" "$out"; fi

name="csv of every table into a folder"
mkdir "$tmp/csv"
"$finsam" report --format csv -o "$tmp/csv" examples/vvnd/2025.fin 2>"$tmp/err"
n=$(ls "$tmp/csv" | grep -c '\.csv$')
leftover=$(ls "$tmp/csv" | grep -c 'tmp-' )
[ "$n" -ge 10 ] && [ "$leftover" = 0 ] && ok "$name ($n files)" || bad "$name" "$n files, $leftover temporary"

name="a failed report leaves the old one"
printf 'old report\n' >"$tmp/keep.json"
printf 'report "x" { year 2025 }\ncheck c: nosuch.row == 1\n' >"$tmp/bad.fin"
"$finsam" report --format json -o "$tmp/keep.json" "$tmp/bad.fin" >/dev/null 2>&1
st=$?
[ "$st" = 2 ] && [ "$(cat "$tmp/keep.json")" = "old report" ] && \
    [ -z "$(ls "$tmp" | grep 'tmp-')" ] && ok "$name" || bad "$name" "exit $st"

name="a report into a folder that does not exist"
"$finsam" report --format json -o "$tmp/no/such/r.json" examples/vvnd/2025.fin >/dev/null 2>"$tmp/err"
st=$?
[ "$st" = 2 ] && grep -q "cannot write the report" "$tmp/err" && ok "$name" || bad "$name" "exit $st: $(cat "$tmp/err")"

name="standard output that cannot be written"
if [ -w /dev/full ]; then
    "$finsam" report --format json examples/vvnd/2025.fin >/dev/full 2>"$tmp/err"
    st=$?
    [ "$st" = 2 ] && grep -q "cannot write" "$tmp/err" && ok "$name" || bad "$name" "exit $st: $(cat "$tmp/err")"
else
    ok "$name (no /dev/full here: not tested)"
fi

name="text and markdown reports"
"$finsam" report examples/vvnd/2025.fin >"$tmp/r.txt" 2>&1
"$finsam" report --format markdown examples/vvnd/2025.fin >"$tmp/r.md" 2>&1
if grep -q '^Resultaträkning' "$tmp/r.txt" && grep -q '113 288 \*' "$tmp/r.txt" &&
   grep -q '^### Resultaträkning' "$tmp/r.md" && grep -q '\*\*113 288\*\* ⚠' "$tmp/r.md"; then
    ok "$name"
else
    bad "$name" "$(head -5 "$tmp/r.txt")"
fi

# Text from the rule files reaches a terminal in the text output, TAP, finsam rules and
# the text and Markdown reports: no control character of it does (each is shown as
# '?'; a tab may stay). tests/golden/control-chars.fin holds ESC, SOH, BEL, DEL, a
# carriage return and a C1 control, raw.
name="no control character from a rule file reaches text, TAP, rules or reports"
: >"$tmp/ctl.out"
for args in "check --color=never" "check --color=always" "check --format tap" "rules" \
            "report" "report --format markdown"; do
    # shellcheck disable=SC2086
    "$finsam" $args tests/golden/control-chars.fin >>"$tmp/ctl.out" 2>&1
done
if out=$("$py" - "$tmp/ctl.out" 2>&1 <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
# the colours finsam paints with --color=always are its own escape sequences
data = re.sub(rb"\x1b\[(0|1|1;3[1256])m", b"", data)
bad = re.findall(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", data)
assert not bad, bad[:5]
assert b"ctl??[31mred" in data, "the check's title, its controls as '?'"
assert data.count(b"Meddelande ?[2J C1:?x") >= 3, "the check's message"
print(len(data), "bytes")
PY
); then ok "$name ($out)"; else bad "$name" "$out"; fi

# CSV: a text field that a spreadsheet would take for a formula gets a ' in front; a
# figure, negative or not, is never touched.
name="csv neutralises text that a spreadsheet would compute, not figures"
cat >"$tmp/inject.fin" <<'EOF'
report "R" { year 2025 }
table t "T" (2025 "=Rubrik", 2024) {
    section s "-Sektion" {
        a "=HYPERLINK(\"http://x.invalid\",\"klicka\")" | -104 286 | 5
        b "+1"                                            | "@SUM(A1)" | -
        c "Vanlig"                                        | 1 | "-3 personer"
    }
}
EOF
"$finsam" report --format csv --table t "$tmp/inject.fin" >"$tmp/inject.csv" 2>"$tmp/err"
if out=$("$py" - "$tmp/inject.csv" 2>&1 <<'PY'
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter=";"))
assert rows[0] == ["rad", "text", "avsnitt", "enhet", "'=Rubrik", "2024"], rows[0]
by = {r[0]: r for r in rows[1:]}
assert by["a"][1:] == ['\'=HYPERLINK("http://x.invalid","klicka")', "'-Sektion", "kr", "-104286", "5"], by["a"]
assert by["b"][1:] == ["'+1", "'-Sektion", "kr", "'@SUM(A1)", "-"], by["b"]
assert by["c"][1:] == ["Vanlig", "'-Sektion", "kr", "1", "'-3 personer"], by["c"]
for r in rows:
    for f in r:
        assert not re.match(r"[=+\-@\t\r]", f) or re.fullmatch(r"-?\d+(,\d+)?|-", f), (f, r)
print(len(rows) - 1, "rows")
PY
); then ok "$name ($out)"; else bad "$name" "$out"; fi

# Markdown: text from a rule file is neither HTML nor Markdown. markdown-escape.fin's
# every text holds both.
name="markdown escapes HTML and Markdown in text from the rule files"
"$finsam" report --format markdown tests/golden/markdown-escape.fin >"$tmp/esc.md" 2>&1
if out=$("$py" - "$tmp/esc.md" 2>&1 <<'PY'
import re, sys
md = open(sys.argv[1], encoding="utf-8").read()
# no HTML but the no-break spaces the writer indents with
assert not re.search(r"[<>]", md), re.findall(r".{0,20}[<>].{0,20}", md)[:3]
assert not re.search(r"&(?!amp;|lt;|gt;|nbsp;)", md), "a bare &"
# no | * _ ` [ ] ~ of a text is left bare: only the writer's own bold, code and cells
for line in md.splitlines():
    text = re.sub(r"\\\\", "", line)
    text = re.sub(r"^\|(---(:)?\|)+$", "", text)                 # a table's rule
    text = re.sub(r"(?<!\\)\|", "", text)                        # its cells
    text = re.sub(r"\*\*(\d[\d ]*|FAILED|passed|not run|WARNING|Total|"
                  r"Staten \\\*s\\\*|Kommuner \\\| \\_k\\_|&lt;b&gt;Sektion&lt;/b&gt; \\\[x\\\])\*\*",
                  "", text)                                      # the writer's bold
    text = re.sub(r"^- |^  - |`c`|^```$|^#+ ", "", text)         # lists, a name, a fence
    bare = re.findall(r"(?<!\\)[*_`\[\]~]", text)
    assert not bare, (bare, line)
rows = [l for l in md.splitlines() if l.startswith("|")]
pipes = {len(re.findall(r"(?<!\\)\|", re.sub(r"\\\\", "", l))) for l in rows}
assert pipes <= {4, 5}, pipes
print(len(rows), "table lines")
PY
); then ok "$name ($out)"; else bad "$name" "$out"; fi

# Allocations: every report shows them, as a table; JSON as the schema's allocations.
name="json report: the allocations, groups, members and computed shares"
"$finsam" report --format json -o "$tmp/a.json" tests/golden/allocation.fin 2>"$tmp/err"
"$finsam" report --format json -o "$tmp/v.json" examples/vvnd/2025.fin 2>>"$tmp/err"
if out=$("$py" - "$tmp/a.json" "$tmp/v.json" 2>&1 <<'PY'
import json, sys
a = json.load(open(sys.argv[1]))["allocations"]
assert [x["name"] for x in a] == ["contributions"], a
c = a[0]
assert c["total"]["low"] == "800000" and c["fractions"]["low"] == "0.75", c
assert c["outcome"] == "differs", c["outcome"]
state, towns = c["groups"]
assert state["share"] == "1/2" and state["outcome"] == "agrees", state
assert state["computed"]["low"] == "399999.5" and state["computed"]["high"] == "400000.5"
assert towns["by"] == "residents" and towns["outcome"] == "differs", towns
north, south = towns["members"]
assert north["key"]["low"] == "30000" and north["outcome"] == "agrees", north
assert south["written"] == "55 000" and south["outcome"] == "differs", south
assert south["computed"]["low"] == "49999.5", south
v = json.load(open(sys.argv[2]))["allocations"][0]
fk = v["groups"][0]["members"][0]
assert v["title"] == "Förbundets medlemsbidrag 2025" and fk["stated"]["low"] == "1966000", fk
assert [g["outcome"] for g in v["groups"]] == ["agrees"] * 3, v["groups"]
print(len(v["groups"]), "groups,", sum(len(g["members"]) for g in v["groups"]), "members")
PY
); then ok "$name ($out)"; else bad "$name" "$out"; fi

name="text and markdown reports: the allocations as tables"
if grep -q '^Förbundets medlemsbidrag 2025 (kr)$' "$tmp/r.txt" &&
   grep -q '^  Försäkringskassan  *1 966 000 *$' "$tmp/r.txt" &&
   grep -q '^Total  *1  *7 864 000 *$' "$tmp/r.txt" &&
   grep -q '^### Förbundets medlemsbidrag 2025 (kr)$' "$tmp/r.md" &&
   grep -q '^| &nbsp;&nbsp;Försäkringskassan |  | 1 966 000 |  |$' "$tmp/r.md"; then
    ok "$name"
else
    bad "$name" "$(grep -A3 'medlemsbidrag 2025' "$tmp/r.txt" | head -5)"
fi

# --table NAME takes an allocation too: its groups and members as CSV.
name="csv of one allocation"
"$finsam" report --format csv --table contributions examples/vvnd/2025.fin \
    >"$tmp/contributions.csv" 2>"$tmp/err"
if out=$("$py" - "$tmp/contributions.csv" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter=";"))
assert rows and rows[0] == ["rad", "text", "grupp", "andel", "nyckel", "angivet", "beräknat"], rows[:1]
by = {r[0]: r for r in rows[1:]}
assert by["state"][1:] == ["Försäkringskassan och Arbetsförmedlingen", "", "0,5", "",
                           "3932000", "3932000"], by["state"]
assert by["fk"][1:] == ["Försäkringskassan", "state", "", "", "1966000", ""], by["fk"]
assert rows[-1] == ["", "", "", "1", "", "7864000", ""], rows[-1]
assert all(len(r) == 7 for r in rows)
print(len(rows) - 1, "rows")
PY
); then ok "$name ($out)"; else bad "$name" "$out $(cat "$tmp/err")"; fi

echo "formats: $passed passed, $failed failed"
[ "$failed" = 0 ]
