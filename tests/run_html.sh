#!/bin/sh
# run_html.sh FINSAM: the HTML report, rendered by a real browser.
#
# FINSAM writes the bundled 2025 report (examples/vvnd/2025.fin), the fictional
# federation's (examples/norrdal/2025.fin, every figure right) and a hostile one
# (tests/html/escape.fin, whose every text holds markup, quotes, ampersands and control
# characters, checked from a folder whose name holds them too) as HTML and as JSON.
# Debian's headless Chromium renders each page: --dump-dom gives the DOM as the browser
# built it, --print-to-pdf an A4 PDF, --screenshot a picture. The DOM is read with
# python3's html.parser and compared with the JSON report:
#
#   - the page is self-contained: no script, no external reference, an inline style
#     sheet with @page size A4, lang="en" (the language of its text; lang="sv" with
#     --lang sv, checked on a page of its own);
#   - a <table> per table and per allocation of the JSON report, one for the
#     parameters, and no other;
#   - each allocation as a table: its title, a row per group, per member and for the
#     total, each stated amount and computed share as the JSON has them;
#   - the cells marked class="differs" are the cells of the JSON's formula, note,
#     previous-year and allocation findings, one each, and every finding is explained
#     beside them;
#   - the parameters in force, a row each in the JSON's order: the name, the value,
#     who set it (the rule set or the federation), from when, the source and the place;
#   - a budget chart (svg.budget-chart) per budget table with actual and budget
#     columns, with a pair of bars per line that has both figures; an overview chart
#     (svg.overview-chart) per table named overview or with 4 year columns or more,
#     with a polyline per row of amounts;
#   - the checks section lists every check of the JSON, in order, with its outcome,
#     and the findings at the top list every finding of a figure and failed check;
#   - what did not run is listed after the checks, an item per entry of the JSON's
#     not_run, each with its message and reason, and counted in the summary line;
#   - no element or attribute comes from a rule file: only the elements the writer
#     makes, no on* attribute, no <script>; the hostile texts are shown literally,
#     control characters replaced, in HTML and in SVG text alike (the hostile file is
#     checked with a parameter and an allocation of the same kind added to it);
#   - laid out in English and in Swedish, no badge, mark or card is wider than its box,
#     and the text beside the badges (findings at a glance, checks) starts at one line
#     (a copy of the page gets a script that measures it: the page itself has none);
#   - the PDF is a PDF with A4 pages (pdfinfo, when poppler-utils is installed), the
#     screenshot a PNG 1200 pixels wide.
#
# Chromium is found as $CHROMIUM, chromium or chromium-browser (`make html-deps`
# installs it). The last line is "html: N passed, N failed"; exit status 1 if any
# failed. POSIX sh.

if [ $# -ne 1 ]; then
    echo "usage: sh tests/run_html.sh FINSAM" >&2
    exit 2
fi
finsam=$1
case $finsam in
    /*) ;;
    */*) finsam=$PWD/$finsam ;;
esac
cd "$(dirname "$0")/.." || exit 2
root=$PWD

passed=0
failed=0
ok() {
    passed=$((passed + 1))
    echo "ok: $1"
}
bad() {
    failed=$((failed + 1))
    echo "FAILED: $1"
}
finish() {
    echo "html: $passed passed, $failed failed"
    [ "$failed" -eq 0 ]
    exit $?
}

if ! command -v "$finsam" >/dev/null 2>&1; then
    bad "cannot run $1"
    finish
fi
chromium=${CHROMIUM:-}
if [ -z "$chromium" ]; then
    for c in chromium chromium-browser; do
        if command -v "$c" >/dev/null 2>&1; then
            chromium=$c
            break
        fi
    done
fi
if [ -z "$chromium" ]; then
    bad "no chromium to render the report with (make html-deps installs it)"
    finish
fi
if ! command -v python3 >/dev/null 2>&1; then
    bad "no python3 to read the rendered DOM with (make html-deps installs it)"
    finish
fi

limit=${TEST_TIMEOUT:-120}
if command -v timeout >/dev/null 2>&1; then run_limited="timeout $limit"; else run_limited=""; fi
# finsam's own words in English, as the assertions expect them
unset FINSAM_PATH NO_COLOR LANGUAGE
LC_ALL=C
export LC_ALL

tmp=$(mktemp -d "${TMPDIR:-/tmp}/finsam-html.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# browser ARG...: headless Chromium with a profile of its own, quiet and offline.
browser() {
    profile=$(mktemp -d "$tmp/profile.XXXXXX") || return 1
    $run_limited "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" "$@" 2>>"$tmp/chromium.log"
}

# report NAME FIN: NAME.html and NAME.json from FIN (exit status 0 or 1: the report
# is written whether or not its checks pass), then NAME.dom, NAME.pdf, NAME.png.
report() {
    name=$1
    fin=$2
    "$finsam" report "$fin" --format html -o "$tmp/$name.html" 2>"$tmp/$name.err"
    status=$?
    if [ $status -le 1 ] && [ -s "$tmp/$name.html" ]; then
        ok "$name: finsam report --format html wrote the page (exit status $status)"
    else
        bad "$name: finsam report --format html: exit status $status, $(head -c 300 "$tmp/$name.err")"
        return 1
    fi
    "$finsam" report "$fin" --format json -o "$tmp/$name.json" 2>>"$tmp/$name.err"
    status=$?
    if [ $status -gt 1 ] || [ ! -s "$tmp/$name.json" ]; then
        bad "$name: finsam report --format json: exit status $status"
        return 1
    fi
    browser --dump-dom "file://$tmp/$name.html" >"$tmp/$name.dom"
    if grep -q '</html>' "$tmp/$name.dom"; then
        ok "$name: chromium rendered the page (--dump-dom)"
    else
        bad "$name: chromium --dump-dom gave no page: $(tail -n 3 "$tmp/chromium.log")"
        return 1
    fi
    browser --no-pdf-header-footer --print-to-pdf="$tmp/$name.pdf" "file://$tmp/$name.html" \
        >/dev/null
    browser --hide-scrollbars --window-size=1200,1600 --screenshot="$tmp/$name.png" \
        "file://$tmp/$name.html" >/dev/null
    return 0
}

# assert NAME KIND: the python3 checks of the page; each prints "ok: ..." or
# "FAILED: ...", counted here.
assert() {
    python3 - "$1" "$2" "$tmp" >"$tmp/$1.$2.out" 2>&1 <<'PY'
import html.parser, json, re, struct, subprocess, sys, shutil

name, kind, tmp = sys.argv[1], sys.argv[2], sys.argv[3]
base = f"{tmp}/{name}"

def clean(s):
    """A text from a rule file as the page must show it: control characters replaced."""
    if s is None: return None
    s = re.sub(r"[\t\n\r]", " ", s)
    return re.sub(r"[\x00-\x1f\x7f-\x9f]", "\ufffd", s)

def ok(msg): print(f"ok: {name}: {msg}")
def bad(msg): print(f"FAILED: {name}: {msg}")
def check(cond, msg, detail=""):
    if cond: ok(msg)
    else: bad(msg + (f" ({detail})" if detail else ""))

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr"}

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent = tag, dict(attrs), parent
        self.children, self.text = [], []
    def cls(self): return set((self.attrs.get("class") or "").split())
    def all(self):
        yield self
        for c in self.children:
            if isinstance(c, Node): yield from c.all()
    def find(self, tag=None, cls=None):
        return [n for n in self.all() if (tag is None or n.tag == tag) and
                (cls is None or cls in n.cls())]
    def content(self):
        return "".join(c if isinstance(c, str) else c.content() for c in self.children)

class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.cur = self.root
        self.attr_names = []
    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.attr_names += [a for a, _ in attrs]
        self.cur.children.append(n)
        if tag not in VOID: self.cur = n
    def handle_startendtag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.attr_names += [a for a, _ in attrs]
        self.cur.children.append(n)
    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag: n = n.parent
        if n is not self.root: self.cur = n.parent
    def handle_data(self, data):
        self.cur.children.append(data)

raw = open(f"{base}.html", encoding="utf-8").read()
dom_text = open(f"{base}.dom", encoding="utf-8").read()
parser = Dom()
parser.feed(dom_text)
dom = parser.root
rep = json.load(open(f"{base}.json", encoding="utf-8"))

# ---- the page: self-contained, lang="en" (its text is English here), printable on A4
check(raw.startswith("<!DOCTYPE html>"), "the page starts with <!DOCTYPE html>")
html_el = dom.find("html")
check(html_el and html_el[0].attrs.get("lang") == "en", 'the page in English is lang="en"')
check(not re.search(r"<(script|link|img|iframe|object|embed|base)\b", raw, re.I),
      "the page has no script, link, img, iframe, object, embed or base element")
styles = dom.find("style")
refs = [(n.tag, a, v) for n in dom.all() for a, v in n.attrs.items()
        if a in ("src", "srcset", "data", "poster", "background", "action", "formaction",
                 "style") or (a in ("href", "xlink:href") and not (v or "").startswith("#"))]
check(not refs and not any(re.search(r"url\(|@import", st.content(), re.I) for st in styles),
      "the page refers to nothing outside itself (no src, no url(), links within the page)",
      repr(refs[:3]))
check(len(styles) == 1 and re.search(r"@page\s*\{[^}]*size:\s*A4", styles[0].content()),
      "one inline style sheet, with @page size A4")
check(re.search(r"break-inside:\s*avoid", raw) and "table-header-group" in raw,
      "rows are kept whole across pages and table headings repeat")
check(not dom.find("script"), "the rendered DOM has no <script> element")
on = [a for a in parser.attr_names if a.lower().startswith("on")]
check(not on, "no element has an event handler attribute", ", ".join(on[:5]))
allowed = {"#root", "html", "head", "meta", "title", "style", "body", "div", "header", "p",
           "h1", "h2", "span", "ul", "ol", "li", "b", "nav", "a", "main", "section",
           "table", "caption", "thead", "tbody", "tr", "th", "td", "aside", "dl", "dt",
           "dd", "code", "figure", "figcaption", "svg", "g", "rect", "text", "line",
           "path", "polyline", "circle", "footer", "details", "summary", "time"}
extra = sorted({n.tag for n in dom.all()} - allowed)
check(not extra, "the DOM holds only the elements the writer makes", ", ".join(extra))
ctrl = re.findall(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]", dom_text)
check(not ctrl, "no control character reaches the page", repr(ctrl[:5]))

# ---- the title and the summary line
h1 = dom.find("h1")
check(h1 and h1[0].content() == clean(rep["report"]["title"] or rep["file"]),
      "the report's title is the <h1>, as written")
s = rep["summary"]
summary = dom.find("p", "summary")
# the ledger's own checks are named among them: "1171 checks (685 of them in the
# ledger bokforing-2025.se), ..."
in_ledger = (f' ({s["ledger_checks"]} of them in the ledger '
             f'{clean(rep["report"]["entries"]["ledger"])})' if s.get("ledger_checks") else "")
want = f'{clean(rep["file"])}: {s["checks"]} check{"" if s["checks"] == 1 else "s"}{in_ledger}, ' \
       f'{s["passed"]} passed, {s["failed"]} failed, ' \
       f'{s["warnings"]} warning{"" if s["warnings"] == 1 else "s"}' \
       + (f', {s["not_run"]} not run' if s.get("not_run") else "")
check(summary and summary[0].content().strip() == want, "the summary line", repr(
    summary[0].content().strip() if summary else None) + " != " + repr(want))

# the checks section counts the checks of the rule files (the JSON's checks) and their
# runs (the sum of their runs, each one of the checks the summary line counts), each
# named: "85 checks in the rule files, run 137 times: ..."
lead = re.search(r'<p class="lead">(\d+) checks? in the rule files, run (\d+) times?: ', dom_text)
nruns = sum(len(c.get("runs", [])) for c in rep["checks"])
check(lead and int(lead.group(1)) == len(rep["checks"]) and int(lead.group(2)) == nruns
      and nruns <= s["checks"],
      "the checks section counts the checks and their runs, as the JSON has them",
      (lead.group(0) if lead else "no lead") + f" != {len(rep['checks'])} checks, {nruns} runs")

# ---- a <table> per table, one per allocation, one for the parameters
every_table = dom.find("table")
tables = [t for t in every_table if "fin" in t.cls() and "alloc" not in t.cls()]
allocs = [t for t in every_table if "fin" in t.cls() and "alloc" in t.cls()]
param_tables = [t for t in every_table if "params" in t.cls()]
rep_allocs = rep.get("allocations", [])
check(len(tables) == len(rep["tables"]),
      f"{len(rep['tables'])} tables in the JSON, {len(tables)} <table class=fin> elements")
check(len(allocs) == len(rep_allocs) and (rep_allocs or kind != "example"),
      f"{len(rep_allocs)} allocations in the JSON, {len(allocs)} <table class=alloc> elements"
      + (" (each example has one)" if kind == "example" else ""))
check(len(every_table) == len(tables) + len(allocs) + bool(rep["parameters"]),
      "no other <table> than those and the parameters'",
      f"{len(every_table)} <table> elements")
caps = [(t.find("caption")[0].find("span", "caption-title")[0].content()
         if t.find("caption") else None) for t in tables]
check(caps == [clean(t["title"] or t["name"]) for t in rep["tables"]],
      "each table's caption is its title, in order")
units = {"kr": "kr", "tkr": "tkr", "%": "%", "count": "count"}
got_units = [t.find("span", "unit")[0].content() if t.find("span", "unit") else None
             for t in tables]
check(got_units == [units.get(t["unit"], t["unit"]) for t in rep["tables"]],
      "each caption has the table's unit", repr(got_units))
rows_ok = all(len(t.find("tr", "row")) == len(j["rows"]) for t, j in zip(tables, rep["tables"]))
check(rows_ok, "each table has a row per row of the JSON")
heads_ok = all(len(t.find("thead")[0].find("th", "num")) == len(j["columns"])
               for t, j in zip(tables, rep["tables"]) if t.find("thead"))
check(heads_ok, "each table has a heading per column")

# ---- the allocations: a row per group, member and the total, with the JSON's figures
def figure(v):
    """A value of the JSON as a table shows it: without its unit, the minus U+2212."""
    if v is None: return ""
    t = re.sub(r" (kr|tkr)$", "", v["text"])
    return t.replace("-", "\u2212")
for t, a in zip(allocs, rep_allocs):
    cap = t.find("caption")[0].find("span", "caption-title")[0].content() if t.find("caption") else None
    check(cap == clean(a["title"] or a["name"]), f"allocation {a['name']}: its title is the caption")
    rows = t.find("tr", "row")
    want_rows = sum(1 + len(g["members"]) for g in a["groups"]) + 1
    check(len(rows) == want_rows, f"allocation {a['name']}: a row per group, member and the total",
          f"{len(rows)} rows, {want_rows} in the JSON")
    got, want = [], []
    lines = []
    for g in a["groups"]:
        lines.append(("group", g))
        lines += [("member", m) for m in g["members"]]
    for tr, (what, x) in zip(rows, lines):
        label = tr.find("th")[0].content()
        stated = tr.find("td", "stated")[0].find("span", "fig") or [tr.find("td", "stated")[0]]
        got.append((what in tr.cls(), label, stated[0].content()))
        want.append((True, clean(x["label"] or x["name"]), figure(x["stated"])))
    check(got == want, f"allocation {a['name']}: each group and member with its stated amount",
          next((f"{g} != {w}" for g, w in zip(got, want) if g != w), ""))
    shares = [tr.find("td", "share")[0].content() for tr in rows if "group" in tr.cls()]
    check(shares == [clean(g["share"]) for g in a["groups"]],
          f"allocation {a['name']}: each group's share as written", repr(shares[:3]))
    computed = [tr.find("td", "computed")[0].content() for tr in rows if "group" in tr.cls()]
    want_c = [figure({"text": g["computed"]["text"]}) if g["computed"] and
              not g["computed"]["text"].startswith("between") else None for g in a["groups"]]
    check(all(w is None or c == w for c, w in zip(computed, want_c)) and all(computed),
          f"allocation {a['name']}: each group's computed share", repr(computed[:3]))
    total = rows[-1] if rows else None
    check(total is not None and "total" in total.cls() and
          (total.find("td", "stated")[0].find("span", "fig") or
           [total.find("td", "stated")[0]])[0].content() == figure(a["total"]),
          f"allocation {a['name']}: the total, as stated")

# ---- the parameters in force, and where each value came from
params = rep["parameters"]
section = [n for n in dom.find("section") if n.attrs.get("id") == "parameters"]
check(bool(section) == bool(params) and len(param_tables) == bool(params),
      f"a parameters section with a table when the JSON has parameters ({len(params)})")
if params and param_tables:
    prow = param_tables[0].find("tr", "param")
    check(len(prow) == len(params), f"a row per parameter ({len(params)})", f"{len(prow)} rows")
    def minus(t): return re.sub(r"-(?=\d)", "\u2212", t)
    for tr, p in zip(prow, params):
        def text(cls):
            n = tr.find(None, cls)
            return n[0].content() if n else None
        title = tr.find("span", "title")
        kind = next((k for k in ("federation", "rule-set", "none") if "by-" + k in tr.cls()), "?")
        got = (tr.find("code")[0].content() if tr.find("code") else None,
               title[0].content() if title else None, text("value"),
               {"federation": "federation", "rule-set": "rule set", "none": None}.get(kind, "?"),
               text("from") or None, text("source") or None,
               (text("place") or "").startswith(f'{clean(p["file"])}:{p["line"]}:{p["column"]}'))
        want = (clean(p["name"]), clean(p["title"]),
                minus(p["value"]["text"]) if p["value"] else "(none in force)",
                p["set_by"], p["from"], clean(p["source"]), True)
        check(got == want, f"parameter {p['name']}: name, title, value, who set it, from, "
              "source and place as in the JSON", f"{got} != {want}")
    setters = {tr.find("td", "set-by")[0].content().split(" (")[0] for tr in prow}
    check(setters <= {"the rule set", "the federation", ""},
          "each parameter says who set it: the rule set or the federation", repr(setters))

# ---- the disagreeing cells: the JSON's formula, note, previous-year and allocation findings
cell_findings = [f for f in rep["findings"]
                 if f["type"] in ("formula", "note", "previous-year", "allocation")]
places = {(f["file"], f["line"], f["column"]) for f in cell_findings}
differs = dom.find("td", "differs")
check(len(differs) == len(places),
      f"{len(places)} cells with formula, note, previous-year or allocation findings in the JSON, "
      f"{len(differs)} cells marked differs")
marks = sum(len(td.find("a", "mark")) for td in differs)
check(marks == len(cell_findings), f"a mark per finding in the marked cells ({marks})")
explained = dom.find("li", "finding")
others = [f for f in rep["findings"] if f["type"] != "check"]
check(len(explained) == len(others),
      f"{len(others)} findings of figures in the JSON, {len(explained)} explained")
# each marked cell: its table, row and column in the JSON says it is the finding's cell
wanted = []
for t, j in zip(tables, rep["tables"]):
    for tr, row in zip(t.find("tr", "row"), j["rows"]):
        for td, cell in zip(tr.find("td", "num"), row["cells"]):
            if "differs" in td.cls():
                wanted.append((j["name"], row["name"], cell["column"]))
msgs = " ".join(li.content() for li in explained)
check(all(clean(f["message"]) in msgs for f in cell_findings),
      "every finding's message is shown beside its table or allocation")
first = cell_findings[0] if cell_findings else None
if first and first.get("stated"):
    li = [l for l in explained if clean(first["message"]) in l.content()]
    text = li[0].content() if li else ""
    check(li and "stated" in text and "difference" in text and
          clean(first["from"] or "") in text,
          "a finding shows stated, computed, difference and the formula it comes from")

# ---- the charts
def value(cell):
    v = cell["stated"] or cell["computed"]
    return v if v and v["kind"] in ("money", "count") else None

budget_want = []
for j in rep["tables"]:
    keys = [c["key"] for c in j["columns"]]
    if j["kind"] != "budget" or "actual" not in keys or "budget" not in keys:
        continue
    n = 0
    for row in j["rows"]:
        cells = {c["column"]: c for c in row["cells"]}
        n += bool(value(cells["actual"]) and value(cells["budget"]))
    if n:
        budget_want.append((j["name"], n))
budget = dom.find("svg", "budget-chart")
check(len(budget) == len(budget_want),
      f"{len(budget_want)} budget tables with actual and budget, {len(budget)} bar charts")
for svg, (tname, n) in zip(budget, budget_want):
    actual = len(svg.find("rect", "actual"))
    budg = len(svg.find("rect", "budget"))
    pairs = len(svg.find("g", "bar-pair"))
    check(actual == n and budg == n and pairs == n,
          f"bar chart of {tname}: {n} lines, a pair of bars each",
          f"{pairs} pairs, {actual} actual, {budg} budget")
    labels = [g.find("text", "row-label")[0] for g in svg.find("g", "bar-pair")]
    check(all(l.content() for l in labels), f"bar chart of {tname}: every line labelled")

overview_want = []
for j in rep["tables"]:
    years = [c["key"] for c in j["columns"] if re.fullmatch(r"\d{4}", c["key"] or "")]
    if j["name"] != "overview" and len(years) < 4:
        continue
    n = 0
    for row in j["rows"]:
        pts = [c for c in row["cells"] if c["column"] in years and value(c) and
               value(c)["kind"] == "money"]
        n += len(pts) >= 2
    if n and len(years) >= 2:
        overview_want.append((j["name"], n, len(years)))
# a table's overview is one figure: a chart, and a second for the lines far smaller
# than the others, on a scale of their own
figs = [f for f in dom.find("figure") if f.find("svg", "overview-chart")]
check(len(figs) == len(overview_want),
      f"{len(overview_want)} overview tables with amounts, {len(figs)} line chart figures")
for fig, (tname, n, ny) in zip(figs, overview_want):
    svgs = fig.find("svg", "overview-chart")
    polys = [svg.find("polyline", "series") for svg in svgs]
    check(sum(len(p) for p in polys) == n and all(polys) and len(svgs) <= 2,
          f"line chart of {tname}: a line per row of amounts ({n}), in one chart or two",
          f"{[len(p) for p in polys]} polylines")
    for svg, poly in zip(svgs, polys):
        xs = [int(p.split(",")[0]) for p in poly[0].attrs.get("points", "").split()] if poly else []
        check(xs == sorted(xs) and len(set(xs)) == len(xs) and len(xs) >= 2,
              f"line chart of {tname}: the years run left to right")
        years = [t.content() for t in svg.find("text", "year")]
        check(years == sorted(years) and len(years) == ny,
              f"line chart of {tname}: the years ascending on the axis", repr(years))
        ticks = [t.content() for t in svg.find("text", "tick")]
        check(len(ticks) >= 2 and all(re.fullmatch(r"\u2212?\d{1,3}( \d{3})*", t) for t in ticks),
              f"line chart of {tname}: axis ticks in Swedish format", repr(ticks[:4]))
        check(len(svg.find("g", "legend-item")) == len(poly),
              f"line chart of {tname}: a legend entry per line")
    # each line on a scale of its size, not a flat line along zero on a far larger one:
    # its point farthest from zero is a tenth of the plot (24 of 240 pixels) or more away
    # from the zero line, unless its amounts are all zero
    for svg, ps in zip(svgs, polys):
        zero = svg.find("line", "zero")
        if not zero:
            continue
        y0 = int(zero[0].attrs.get("y1", "0"))
        for pl in ps:
            ys = [int(p.split(",")[1]) for p in pl.attrs.get("points", "").split()]
            check(max(abs(y - y0) for y in ys) >= 24 or all(y == y0 for y in ys),
                  f"line chart of {tname}: "
                  f"{pl.find('title')[0].content() if pl.find('title') else '?'} is drawn on a "
                  "scale of its size", repr((y0, ys)))
coords = " ".join(n.attrs.get(a, "") for n in dom.all() if n.tag in
                  ("rect", "line", "polyline", "circle", "text", "path")
                  for a in ("x", "y", "x1", "x2", "y1", "y2", "width", "cx", "cy", "points"))
check(not re.search(r"\d\.\d", coords),
      "chart coordinates are whole numbers")

# ---- the checks
items = dom.find("li", "check")
check(len(items) == len(rep["checks"]),
      f"{len(rep['checks'])} checks in the JSON, {len(items)} in the checks section")
def outcome(c):
    runs = [r["outcome"] for r in c["runs"]]
    if not runs: return "not-run", "not run"
    if "failed" in runs: return "failed", "FAILED"
    if "warning" in runs: return "warning", "warning"
    return "passed", "passed"
got = [(li.attrs.get("id"), [k for k in ("passed", "failed", "warning", "not-run")
                             if k in li.cls()], li.find("span", "outcome")[0].content())
       for li in items]
want = [("c-" + c["name"], [outcome(c)[0]], outcome(c)[1]) for c in rep["checks"]]
check(got == want, "each check in order, with its outcome (passed, FAILED, warning, not run)",
      next((f"{g} != {w}" for g, w in zip(got, want) if g != w), ""))
srcs_ok = all((c["source"] is None) or
              (li.find("p", "source") and li.find("p", "source")[0].content() == clean(c["source"]))
              for li, c in zip(items, rep["checks"]))
check(srcs_ok, "each check shows its source as written")
fails = [(li, c) for li, c in zip(items, rep["checks"]) if outcome(c)[0] in ("failed", "warning")]
check(all(li.find("div", "explain") for li, c in fails) and
      all(clean(c["message"] or "") in li.content() for li, c in fails),
      f"each of the {len(fails)} failed checks is explained, with its message")

# ---- what did not run: one item each, in the JSON's order, with its reason
nr_items = dom.find("li", "not-run-item")
nr_json = rep.get("not_run") or []
check(len(nr_items) == len(nr_json) and
      all(clean(n["reason"]) in li.content() and clean(n["message"]) in li.content()
          for li, n in zip(nr_items, nr_json)) and
      (not nr_json or dom.find("section", "not-run")),
      f"the {len(nr_json)} formulas and checks that did not run are listed, each with its reason")

# ---- the ledger: each mapped row's figure, in the JSON's order, with its accounts
lg_items = dom.find("li", "ledger-item")
lg_json = rep.get("ledger") or []
check(len(lg_items) == len(lg_json) and
      all(f'{l["table"]}.{l["row"]}' in li.content() and
          all(a["account"] in li.content() for a in l["accounts"]) and
          (("differs" in li.cls()) == (l["compared"] and not l["agrees"]))
          for li, l in zip(lg_items, lg_json)),
      f"the {len(lg_json)} ledger figures are listed, each with its accounts")

# ---- the hostile file: every text literally, nothing interpreted
if kind == "escape":
    body = dom.find("body")[0].content()
    svg_text = " ".join(t.content() for t in dom.find("text"))
    for lit in ["<script>alert(1)</script> Årsredovisning \"2025\" & 'bolaget'",
                "Förbund <b>fet</b> & \"citat\" 'apostrof' \ufffd",
                "Budget <img src=x onerror=alert(1)>",
                "Texter </table><script>alert(1)</script>",
                "Kostnader & \"övrigt\" 'x' <i>kursiv</i>",
                "Resultat \ufffd[31mröd \ufffd",
                "Cell <script>alert(1)</script> & 'x'",
                "Kontroll <script>alert(1)</script> & \"x\" 'y'",
                "Källa <script>alert(1)</script> & 'y' \ufffd",
                "Meddelande <script>alert(1)</script> & \"z\" \ufffd",
                "Totalt <script>alert(1)</script>, Utfall <script>alert(1)</script>",
                "Tak <script>alert(1)</script> & 'p'",
                "Parameterkälla <img src=x onerror=alert(1)> & \"q\" \ufffd",
                "Bidrag <script>alert(1)</script> & 'a'",
                "Staten <b>fet</b> & \"s\"",
                "Kassan <i>x</i> \ufffd[31m",
                "Kommuner </table><script>alert(1)</script>",
                "Kommun <script>alert(1)</script> & 'k'"]:
        check(lit in body, "shown literally: " + ascii(lit[:40]))
    for lit in ["Intäkter <script>alert(1)</script>", "Administration <script>alert(1)</script>",
                "Utfall <script>alert(1)</script>", "Budget \"B\" & 'b' !"]:
        check(lit in svg_text, "shown literally in SVG text: " + ascii(lit[:40]))
    title = dom.find("title")[0].content()
    check(title.startswith("<script>alert(1)</script>"), "the page's <title> literally")
    check(rep["file"] in body and "<b>" in rep["file"], "the file's path literally")

# ---- the findings at a glance, before the tables
glance = dom.find("li", "glance")
failing = [c for c in rep["checks"] if outcome(c)[0] in ("failed", "warning")]
check(len(glance) == len(others) + len(failing),
      f"the findings at a glance: {len(others)} figures and {len(failing)} failed checks",
      f"{len(glance)} items")
check(all(li.find("a") and li.find("a")[0].attrs.get("href", "#")[1:] in
          {n.attrs.get("id") for n in dom.all() if n.attrs.get("id")} for li in glance),
      "each finding at a glance links to its explanation")

# ---- the PDF and the screenshot
pdf = open(f"{base}.pdf", "rb").read() if __import__("os").path.exists(f"{base}.pdf") else b""
check(pdf.startswith(b"%PDF-") and len(pdf) > 5000, f"--print-to-pdf wrote a PDF ({len(pdf)} bytes)")
if shutil.which("pdfinfo") and pdf:
    info = subprocess.run(["pdfinfo", f"{base}.pdf"], capture_output=True, text=True).stdout
    m = re.search(r"Pages:\s+(\d+)", info)
    check(m and int(m.group(1)) >= 1 and "(A4)" in info,
          f"the PDF has A4 pages ({m.group(1) if m else '?'} pages)",
          re.search(r"Page size:.*", info).group(0) if "Page size" in info else info[:80])
else:
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    check(boxes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes),
          f"the PDF's pages are A4 ({len(boxes)} pages, no pdfinfo)")
png = open(f"{base}.png", "rb").read() if __import__("os").path.exists(f"{base}.png") else b""
if png[:8] == b"\x89PNG\r\n\x1a\n":
    w, h = struct.unpack(">II", png[16:24])
    check(w == 1200 and h == 1600, f"--screenshot wrote a PNG of 1200 x 1600 pixels ({w} x {h})")
else:
    bad("--screenshot wrote no PNG")
PY
    cat "$tmp/$1.$2.out"
    n_ok=$(grep -c '^ok: ' "$tmp/$1.$2.out")
    n_bad=$(grep -c '^FAILED: ' "$tmp/$1.$2.out")
    passed=$((passed + n_ok))
    failed=$((failed + n_bad))
    if ! tail -n 1 "$tmp/$1.$2.out" | grep -q '^\(ok\|FAILED\): '; then
        bad "$1: the assertions stopped early"
    fi
}

# The bundled report.
if report vvnd examples/vvnd/2025.fin; then
    assert vvnd example
fi

# A report whose figures all agree: the fictional federation, with one warning.
if report norrdal examples/norrdal/2025.fin; then
    assert norrdal example
fi

# The hostile file, from a folder whose name is as hostile as its texts, with a
# parameter and an allocation as hostile added (one group's member does not add up, so
# that an allocation finding quotes a label too; SOH and ESC written with printf).
dir="$tmp/it's <b>&\"q\" dir"
mkdir "$dir" && cp "$root/tests/html/escape.fin" "$dir/escape.fin"
soh=$(printf '\001')
esc=$(printf '\033')
sed -e "s/@SOH@/$soh/g" -e "s/@ESC@/$esc/g" >>"$dir/escape.fin" <<'EOF'

param cap "Tak <script>alert(1)</script> & 'p'" = 20% from 2025-01-01
    source "Parameterkälla <img src=x onerror=alert(1)> & \"q\" @SOH@"

allocation bidrag "Bidrag <script>alert(1)</script> & 'a'" total 1 000 {
    state "Staten <b>fet</b> & \"s\"" 1/2 {
        fk "Kassan <i>x</i> @ESC@[31m" | 500
    }
    towns "Kommuner </table><script>alert(1)</script>" 1/2 {
        a "Kommun <script>alert(1)</script> & 'k'" | 400
    }
}
EOF
if report escape "$dir/escape.fin"; then
    assert escape escape
fi

# The page in Swedish: lang="sv", as the browser builds it, and a passed check with no
# severity beside its outcome (it read "godkänd ... fel").
"$finsam" report examples/vvnd/2025.fin --lang sv --format html -o "$tmp/sv.html" 2>/dev/null
browser --dump-dom "file://$tmp/sv.html" >"$tmp/sv.dom"
if grep -q '<html lang="sv"' "$tmp/sv.dom" && grep -q 'UNDERKÄND' "$tmp/sv.dom"; then
    ok 'sv: the Swedish page is lang="sv", rendered by chromium'
else
    bad 'sv: the Swedish page is not lang="sv" or was not rendered'
fi
if python3 - "$tmp/sv.dom" <<'PY'
import re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
# each check's item: from its <li class="check ..."> to the next one (a failed check's
# item holds <li>s of its own, one per failed run)
items = re.split(r'(?=<li class="check )', dom.split('<ol class="check-list">', 1)[-1])
passed = [i for i in items if i.startswith('<li class="check passed"')]
failed = [i for i in items if i.startswith('<li class="check failed"')]
sys.exit(0 if passed and failed and not any('class="severity"' in p for p in passed)
         and all('class="severity"' in f for f in failed)
         and all('<details class="expr">' in f for f in failed) else 1)
PY
then
    ok "sv: a passed check shows no severity beside its outcome, a failed one does, and its condition as a detail"
else
    bad "sv: a passed check shows its severity, or a failed one does not, or its condition is not a detail"
fi

# The layout in both languages, as Chromium lays the page out: no badge, mark or card
# whose text is wider than its box (the Swedish "UNDERKÄND" did not fit), and the text
# beside the badges (the findings at a glance, the checks) starting at one line whatever
# the badge's word (it moved right beside "UNDERKÄND"). A copy of the page gets a script
# that measures it and writes what it found into the DOM; the page itself has none.
cat >"$tmp/measure.js" <<'JS'
(function () {
    var out = {clipped: [], glance: {}, checks: {}};
    document.querySelectorAll('.outcome, li.glance .key, .mark, .cards b, .cards span')
        .forEach(function (e) {
            if (e.scrollWidth > e.clientWidth + 1) out.clipped.push(e.textContent);
        });
    document.querySelectorAll('li.glance > .key').forEach(function (e) {
        out.glance[Math.round(e.nextElementSibling.getBoundingClientRect().left)] = 1;
    });
    document.querySelectorAll('li.check > .outcome').forEach(function (e) {
        out.checks[Math.round(e.nextElementSibling.getBoundingClientRect().left)] = 1;
    });
    document.body.setAttribute('data-layout', JSON.stringify(out));
})();
JS
for lang in en sv; do
    "$finsam" report examples/vvnd/2025.fin --lang "$lang" --format html \
        -o "$tmp/layout-$lang.html" 2>/dev/null
    python3 - "$tmp/layout-$lang.html" "$tmp/measure.js" <<'PY'
import sys
page, script = open(sys.argv[1], encoding="utf-8").read(), open(sys.argv[2]).read()
open(sys.argv[1], "w", encoding="utf-8").write(
    page.replace("</body>", "<script>" + script + "</script></body>"))
PY
    browser --window-size=1200,1600 --dump-dom "file://$tmp/layout-$lang.html" \
        >"$tmp/layout-$lang.dom"
    if python3 - "$tmp/layout-$lang.dom" "$lang" >"$tmp/layout-$lang.out" 2>&1 <<'PY'
import html, json, re, sys
dom, lang = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
m = re.search(r'data-layout="([^"]*)"', dom)
if not m:
    print(f"{lang}: the page was not measured")
    sys.exit(1)
got = json.loads(html.unescape(m.group(1)))
bad = []
if got["clipped"]:
    bad.append("wider than their boxes: " + ", ".join(got["clipped"][:5]))
if len(got["glance"]) != 1:
    bad.append("the findings at a glance start at %s" % sorted(got["glance"]))
if len(got["checks"]) != 1:
    bad.append("the checks start at %s" % sorted(got["checks"]))
print(f"{lang}: " + ("; ".join(bad) if bad else "laid out"))
sys.exit(1 if bad else 0)
PY
    then
        ok "$lang: no badge or card is wider than its box, and the text beside the badges lines up (chromium)"
    else
        bad "$(cat "$tmp/layout-$lang.out")"
    fi
done

# A check written over two lines is quoted over two lines.
printf 'report "R" { year 2025 }\ntable t "T" (2025) {\n    a "A" | 1\n}\ncheck two "Två rader":\n    t.a[2025] ==\n        2\n' >"$tmp/two.fin"
"$finsam" report "$tmp/two.fin" --format html -o "$tmp/two.html" 2>/dev/null
if python3 - "$tmp/two.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<details class="expr"><summary>[^<]*</summary><code>(.*?)</code>', page, re.S)
sys.exit(0 if m and m.group(1) == "t.a[2025] ==\n        2" else 1)
PY
then
    ok "a check written over two lines is quoted over them in the page"
else
    bad "a check written over two lines is not quoted over them: $(grep -o '<details.*' "$tmp/two.html" | head -2)"
fi

# A failed rule of another file (rules/kl-balanskrav.fin) names the year file's cell it
# read beside its figure.
"$finsam" report tests/golden/rule-reads-year.fin --format html -o "$tmp/rule.html" 2>/dev/null
if grep -q 'is <span class="value">[^<]*100 000 kr</span> <span class="place">(tests/golden/rule-reads-year.fin:13:51)</span>' "$tmp/rule.html"; then
    ok "a failed rule of another file names the year file's cell it read"
else
    bad "a failed rule of another file does not name the year file's cell: $(grep -o 'balanskrav.result.\{0,160\}' "$tmp/rule.html" | head -2)"
fi

# Swedish counts each take their own plural: "1 kontroll i regelfilerna: 1 godkänd".
printf 'report "R" { year 2025 }\ntable t "T" (2025) {\n    a "A" | 1\n}\ncheck one "En":\n    t.a[2025] == 1\n' >"$tmp/one.fin"
"$finsam" report --lang sv "$tmp/one.fin" --format html -o "$tmp/one.html" 2>/dev/null
if grep -q '1 kontroll i regelfilerna, 1 körning: 1 godkänd, 0 underkända, 0 med varning, 0 kördes inte\.' "$tmp/one.html"; then
    ok "sv: one check passed, run once, is '1 kontroll ..., 1 körning: 1 godkänd'"
else
    bad "sv: the counts of one check: $(grep -o '[0-9]* kontroll[^<]*' "$tmp/one.html" | head -1)"
fi

# The auditor's review beside each finding (finsam report --review): each decision in
# full (decision, who, when, why) in the finding's own card or failed run, and a check
# every failed run of which is reviewed shown as reviewed, never as FAILED or warning.
vv=examples/vvnd
"$finsam" report --format html --rules "$vv/revisor.fin" --review "$vv/granskning-2025.review" \
    -o "$tmp/review.html" "$vv/2025.fin" 2>/dev/null
browser --dump-dom "file://$tmp/review.html" >"$tmp/review.dom"
python3 - "$tmp/review.dom" "$vv/granskning-2025.review" >"$tmp/review.out" 2>&1 <<'PY'
import html.parser, re, sys

class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []
    def cls(self): return set((self.attrs.get("class") or "").split())
    def all(self):
        yield self
        for c in self.children:
            if isinstance(c, Node): yield from c.all()
    def find(self, tag=None, cls=None):
        return [n for n in self.all() if (tag is None or n.tag == tag) and
                (cls is None or cls in n.cls())]
    def content(self):
        return "".join(c if isinstance(c, str) else c.content() for c in self.children)

class Dom(html.parser.HTMLParser):
    VOID = {"br", "meta", "link", "img", "hr", "wbr", "input"}
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = self.cur = Node("#root", [], None)
    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.cur)
        self.cur.children.append(n)
        if tag not in self.VOID: self.cur = n
    def handle_endtag(self, tag):
        n = self.cur
        while n is not self.root and n.tag != tag: n = n.parent
        if n is not self.root: self.cur = n.parent
    def handle_data(self, data): self.cur.children.append(data)

def check(cond, msg):
    print(("ok: " if cond else "FAILED: ") + "review: " + msg)

d = Dom(); d.feed(open(sys.argv[1], encoding="utf-8").read()); dom = d.root
# the decisions as the review file writes them: key, decision, reason, by, on
text = open(sys.argv[2], encoding="utf-8").read()
entries = re.findall(r'^(accepted|to_correct) (\S+)\n\s+reason "([^"]*)"\n\s+by\s+"([^"]*)"\n\s+on\s+(\S+)',
                     text, re.M)
check(len(entries) == 4, "the review file holds 4 decisions")

full = dom.find(cls="review-full")
shown = sorted((("accepted" if "accepted" in n.cls() else "to_correct"),
                n.find(cls="reason")[0].content(), n.find(cls="by")[0].content(),
                n.find("time")[0].attrs.get("datetime"), n.find("time")[0].content())
               for n in full if n.find(cls="reason") and n.find(cls="by") and n.find("time"))
want = sorted((dec, reason, by, on, on) for dec, key, reason, by, on in entries)
check(len(full) == 4 and shown == want,
      "each decision shown once in full beside its finding: decision, reason, who and when")
check(all(n.find(cls="decision") and n.find(cls="decision")[0].content() ==
          ("accepted" if "accepted" in n.cls() else "to be corrected") for n in full),
      "each decision named in words")

# the two figures decided on: their cards under their tables hold the decision
cards = [n for n in dom.find("li", "finding") if n.find(cls="review-full")]
check(len(cards) == 2 and all("reviewed" in n.cls() for n in cards),
      "the 2 figures decided on: their finding cards hold the decision and are marked reviewed")
check(all(n.find(cls="review-full")[0].find(cls="reason")[0].content() in
          (e[2] for e in entries if e[1] in ("note2.total[2024]", "deltagare.total[men]")) for n in cards),
      "each figure's card holds its own decision")

# the two checks decided on: reviewed, accepted, not FAILED and not warning
checks = {n.attrs.get("id"): n for n in dom.find("li", "check")}
for name in ("fees_booked_as_decided", "rev_budget_used"):
    n = checks.get("c-" + name)
    outcome = n.find(cls="outcome")[0].content() if n else None
    check(n is not None and "reviewed" in n.cls() and "failed" not in n.cls() and
          "warning" not in n.cls() and outcome == "accepted" and n.find(cls="review-full"),
          f"check {name}: shown as reviewed, 'accepted', with the decision under its failed run (outcome {outcome!r})")
# every check still shown as failed has a failed run no one decided on
still = [n for n in dom.find("li", "check") if n.cls() & {"failed", "warning"}]
check(still and all(any(not r.find(cls="review-full") for r in n.find("ul", "failed-runs")[0].find("li"))
                    for n in still),
      f"each of the {len(still)} checks shown as failed or warning has a run no one decided on")

# at a glance: the reviewed checks are not listed as FAILED or warning
glance = dom.find("li", "glance")
rev = [g for g in glance if "reviewed" in g.cls()]
check(len(rev) == 2 and all(g.find(cls="outcome")[0].content() == "accepted" for g in rev),
      "at a glance, the 2 checks decided on are 'accepted', not FAILED or warning")
cards = {tuple(sorted(n.cls())): n for n in dom.find("ul", "cards")[0].find("li")}
r = cards.get(("reviewed",))
check(r is not None and r.find("b")[0].content() == "4", "the count of reviewed findings at the top: 4")
PY
[ -s "$tmp/review.out" ] || bad "review: the page was not checked"
while IFS= read -r line; do
    case $line in
        ok:*) ok "${line#ok: }" ;;
        FAILED:*) bad "${line#FAILED: }" ;;
        *) bad "review: $line" ;;
    esac
done <"$tmp/review.out"

# Without --review the page shows no decision at all.
if grep -q 'class="review-full\|class="check reviewed"\|<li class="reviewed"' "$tmp/vvnd.html"; then
    bad "review: a page without --review shows a decision"
else
    ok "review: a page without --review shows no decision"
fi

# An HTML report from standard output is the same page.
if "$finsam" report examples/vvnd/2025.fin --format html -o - >"$tmp/stdout.html" 2>/dev/null ||
   [ $? -eq 1 ]; then
    if cmp -s "$tmp/stdout.html" "$tmp/vvnd.html"; then
        ok "-o - writes the same page to standard output"
    else
        bad "-o - writes a different page to standard output"
    fi
fi

finish
