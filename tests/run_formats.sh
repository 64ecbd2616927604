#!/bin/sh
# tests/run_formats.sh FINSAM: the machine formats, read back by real parsers.
#
# JSON is validated against docs/finsam.schema.json with Python's jsonschema and its
# counts compared with the text summary; JUnit XML is parsed with Python's
# xml.etree; TAP with Perl's TAP::Parser; CSV field by field. Reports are written
# atomically: a failed run leaves an existing report as it was. Ends with
# "formats: N passed, N failed". POSIX sh.

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

name="csv of one table"
"$finsam" report --format csv --table income examples/vvnd/2025.fin >"$tmp/income.csv" 2>"$tmp/err"
if out=$("$py" - "$tmp/income.csv" 2>&1 <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8"), delimiter=";"))
assert rows[0][:5] == ["rad", "text", "avsnitt", "2025", "2024"], rows[0]
fees = [r for r in rows if r[0] == "member_fees"][0]
assert fees[3] == "7864004" and fees[4] == "8028000", fees
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

echo "formats: $passed passed, $failed failed"
[ "$failed" = 0 ]
