#!/bin/sh
# run_review.sh FINSAM: the auditor's side: --rules (an auditor's rule file run over a
# year file that is not changed) and --review (decisions on findings, by key), in text,
# JSON (validated against docs/finsam.schema.json), JUnit and TAP; usage errors.
# The whole text outputs are golden cases (tests/golden/review-*); these cases check
# what a golden file cannot: exit statuses with other options, files left unchanged,
# counts read back. The last line is "review: N passed, N failed". POSIX sh.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/run_review.sh FINSAM" >&2
    exit 2
fi
. "$(dirname "$0")/lib.sh"
suite_setup review "$1"

nd=examples/norrdal
vv=examples/vvnd

# --rules runs the auditor's checks and leaves the year file as it was
cp "$nd/2025.fin" "$tmp/before.fin"
"$finsam" check --rules "$nd/revisor.fin" "$nd/2025.fin" >"$tmp/out" 2>&1
st=$?
if [ "$st" -eq 0 ] && grep -Eq '^examples/norrdal/2025.fin: 932 checks \(530 of them in the ledger bokforing-2025.se\), 931 passed, 0 failed, 1 warning(, [0-9]+ not run)?$' "$tmp/out" &&
   cmp -s "$tmp/before.fin" "$nd/2025.fin"; then ok; else
    bad "--rules: the auditor's 4 checks should run (932 checks with the plan's 10 and the ledger's), exit 0, the year file unchanged (exit $st)"; tail -3 "$tmp/out"; fi

# an auditor's rule file cannot be a year file, nor missing
"$finsam" check --rules "$nd/2024.fin" "$nd/2025.fin" >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 2 ] && grep -q "a 'report' block belongs in the year file" "$tmp/err" && ok ||
    bad "--rules with a year file should be refused, exit 2 (exit $st)"
"$finsam" check --rules "$tmp/none.fin" "$nd/2025.fin" >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 2 ] && grep -q "cannot read" "$tmp/err" && ok || bad "--rules with a missing file: exit 2 (exit $st)"
"$finsam" check "$nd/2025.fin" --rules >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 2 ] && grep -q -- "--rules needs a rule file" "$tmp/err" && ok || bad "--rules without a file (exit $st)"

# the earlier years are not checked with the auditor's rules: a rule naming a table
# 2024.fin lacks would otherwise be an error there
cat >"$tmp/rev.fin" <<'FIN'
check rev_overview_staff "Antal anställda i översikten" warning:
    overview_staff.employees[year] >= 1
FIN
cp "$nd/2024.fin" "$nd/2025.fin" "$nd/plan2025.fin" "$nd/federation.fin" "$nd/bokforing-2025.se" "$tmp/"
sed 's/^table overview_staff/table overview_staff_x/; s/overview_staff\.employees/overview_staff_x.employees/' \
    "$nd/2024.fin" >"$tmp/2024.fin"
"$finsam" check --rules "$tmp/rev.fin" "$tmp/2025.fin" >"$tmp/out" 2>&1
st=$?
[ "$st" -eq 0 ] && ok || { bad "--rules should not be loaded with the previous year's file (exit $st)"; head -5 "$tmp/out"; }

# --review: the examples' reviews leave no error in norrdal and 9 in vvnd
"$finsam" check --rules "$nd/revisor.fin" --review "$nd/granskning-2025.review" "$nd/2025.fin" >"$tmp/out" 2>&1
st=$?
[ "$st" -eq 0 ] && grep -q "reviewed: 1 finding, 1 accepted, 0 to be corrected" "$tmp/out" && ok ||
    bad "norrdal's review: exit 0 and 1 reviewed (exit $st)"
"$finsam" check --strict --rules "$nd/revisor.fin" --review "$nd/granskning-2025.review" "$nd/2025.fin" >/dev/null 2>&1
st=$?
[ "$st" -eq 0 ] && ok || bad "--strict: the reviewed warning should not fail the run (exit $st)"

# Swedish counts each take their own plural: "1 godtagen", "2 godtagna" (not "1 godtagna")
"$finsam" check --lang sv --rules "$nd/revisor.fin" --review "$nd/granskning-2025.review" "$nd/2025.fin" >"$tmp/out" 2>&1
grep -q "granskade: 1 fynd, 1 godtagen, 0 ska rättas" "$tmp/out" && ok ||
    { bad "Swedish, one accepted: '1 godtagen'"; tail -1 "$tmp/out"; }
"$finsam" check --lang sv --rules "$vv/revisor.fin" --review "$vv/granskning-2025.review" "$vv/2025.fin" >"$tmp/out" 2>&1
grep -q "granskade: 4 fynd, 2 godtagna, 2 ska rättas" "$tmp/out" && ok ||
    { bad "Swedish, two accepted: '2 godtagna'"; tail -1 "$tmp/out"; }

# JSON: valid against the schema, the review and the counts read back
"$finsam" check --format json --rules "$vv/revisor.fin" --review "$vv/granskning-2025.review" "$vv/2025.fin" >"$tmp/j.json" 2>"$tmp/err"
st=$?
if [ "$st" -eq 1 ] && python3 - "$tmp/j.json" <<'PY'
import json, sys, jsonschema
schema = json.load(open("docs/finsam.schema.json"))
data = json.load(open(sys.argv[1]))
jsonschema.validate(data, schema)
f = data["files"][0]
s = f["summary"]
assert s["reviewed"] == 4 and s["failed"] == 9 and s["warnings"] == 5, s
reviewed = [x for x in f["findings"] if "review" in x]
assert sorted(x["key"] for x in reviewed) == ["deltagare.total[men]", "fees_booked_as_decided",
                                               "note2.total[2024]", "rev_budget_used"], reviewed
assert {x["review"]["decision"] for x in reviewed} == {"accepted", "to-correct"}
assert all(x["review"]["on"] == "2026-03-10" for x in reviewed)
PY
then ok; else bad "JSON with --review: exit 1, valid, 4 reviewed (exit $st)"; fi
# without --review the JSON has no review keys at all
"$finsam" check --format json "$vv/2025.fin" 2>/dev/null | grep -q '"reviewed"\|"review"' &&
    bad "JSON without --review should have no review keys" || ok

# JUnit: the reviewed are skipped and counted so
"$finsam" check --format junit --rules "$vv/revisor.fin" --review "$vv/granskning-2025.review" "$vv/2025.fin" >"$tmp/j.xml" 2>/dev/null
grep -q 'failures="9" errors="0" skipped="' "$tmp/j.xml" && [ "$(grep -c '<skipped message="reviewed: ' "$tmp/j.xml")" -eq 4 ] &&
    ok || bad "JUnit: 9 failures, 4 skipped as reviewed"

# TAP: each reviewed finding is a TODO, so that a harness counts it as passing
"$finsam" check --format tap --rules "$vv/revisor.fin" --review "$vv/granskning-2025.review" "$vv/2025.fin" >"$tmp/t.tap" 2>/dev/null
[ "$(grep -c '^not ok .* # TODO reviewed: ' "$tmp/t.tap")" -eq 4 ] && ok || bad "TAP: 4 reviewed TODOs"

# the HTML report shows each decision beside its finding
"$finsam" report --format html --rules "$vv/revisor.fin" --review "$vv/granskning-2025.review" "$vv/2025.fin" >"$tmp/r.html" 2>/dev/null
[ "$(grep -o '<span class="review">reviewed: ' "$tmp/r.html" | wc -l)" -eq 4 ] && ok || bad "HTML: 4 decisions shown"

# the text and Markdown reports: each decision after its finding, and a check whose
# every failed run is decided on shows the decision, not FAILED or WARNING
for fmt in text markdown; do
    "$finsam" report --format $fmt --rules "$vv/revisor.fin" --review "$vv/granskning-2025.review" "$vv/2025.fin" >"$tmp/r.$fmt" 2>/dev/null
    n=$(grep -c '(reviewed: \(accepted\|to be corrected\) by Revisor A (fiktiv) on 2026-03-10: ' "$tmp/r.$fmt")
    if [ "$n" -eq 4 ] && grep -q 'accepted\*\{0,2\} `\{0,1\}fees_booked_as_decided' "$tmp/r.$fmt" &&
       ! grep -q '\(FAILED\|WARNING\)\*\{0,2\} `\{0,1\}\(fees_booked_as_decided\|rev_budget_used\)' "$tmp/r.$fmt"; then ok; else
        bad "report --format $fmt: 4 decisions after their findings ($n), the 2 reviewed checks 'accepted'"; fi
done
"$finsam" report --format text "$vv/2025.fin" 2>/dev/null | grep -q '(reviewed: ' &&
    bad "report without --review shows a decision" || ok

# a stale decision fails the run even when nothing else does
"$finsam" check --review tests/golden/inc/stale.review "$nd/2025.fin" >"$tmp/out" 2>&1
st=$?
[ "$st" -eq 1 ] && grep -q "matches no finding" "$tmp/out" && ok || bad "a stale decision: exit 1 (exit $st)"

# one year file only; the review file must be readable
"$finsam" check --review "$nd/granskning-2025.review" examples/ >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 2 ] && grep -q -- "--review is for one year file" "$tmp/err" && ok || bad "--review with a folder: exit 2 (exit $st)"
"$finsam" check --review "$tmp/none.review" "$nd/2025.fin" >"$tmp/out" 2>"$tmp/err"
st=$?
[ "$st" -eq 2 ] && grep -q "none.review: error: cannot read" "$tmp/err" && [ ! -s "$tmp/out" ] && ok ||
    bad "--review with a missing file: exit 2, nothing on stdout (exit $st)"

echo "review: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
