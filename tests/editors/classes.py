#!/usr/bin/env python3
"""classes.py: what each character of a rule file is, as finsam's scanner reads it, and
whether an editor's highlighting agrees.

    python3 classes.py KEYWORDS MAPS EDITOR FILE...

KEYWORDS is src/parse.c (the keywords are read from parse_word, so that a keyword
added to the language must be highlighted by every editor). MAPS holds, for each FILE in
turn, a line "== FILE" and then one line per source line with one letter per
character, as the editor's harness wrote it: k keyword, s string, c comment, n figure
or date, anything else for the rest. A keyword, string, comment or figure must be
highlighted as such (a declaration's kind at the start of a line, `plan` too, is a
keyword); a name must not be highlighted as a string, comment or figure.
Prints each disagreement (at most 10 per file) and the summary line
"EDITOR: N files agree, N disagree"; exit status 1 if any disagrees."""

import re
import sys

WORD = re.compile(r"[^\W\d]\w*")
# A declaration's kind at the start of a line is a word the parser reads as a keyword:
# a table's kind before its name, 'plan' before its title.
KIND = re.compile(r"(accounts|budget|indicators|table)(?=\s+[^\W\d])|plan(?=\s+\")")


def keywords(parse_c):
    words = set()
    with open(parse_c, encoding="utf-8") as f:
        for line in f:
            m = re.match(r'^\s*KEYWORD\("([a-z]+)"', line)
            if m:
                words.add(m.group(1))
    return words


def reference(line, kw):
    """One letter per character: k s c n as above, '.' a name, '?' not checked."""
    out = ["?"] * len(line)
    i = 0
    while i < len(line):
        ch = line[i]
        if ch == "#":
            for j in range(i, len(line)):
                out[j] = "c"
            break
        if ch == '"':
            j = i + 1
            while j < len(line) and line[j] != '"':
                j += 2 if line[j] == "\\" and j + 1 < len(line) else 1
            end = min(j + 1, len(line))
            for k in range(i, end):
                out[k] = "s"
            i = end
            continue
        if ch.isdigit():
            j = i
            while j < len(line) and (line[j].isdigit() or
                                     (line[j] in " ,._-\u00a0\u202f\u2009" and
                                      j + 1 < len(line) and line[j + 1].isdigit())):
                if line[j].isdigit():
                    out[j] = "n"
                j += 1
            i = j
            continue
        m = WORD.match(line, i)
        if m:
            kind = i == 0 and KIND.match(line)
            letter = "k" if m.group(0) in kw or kind else "."
            for k in range(m.start(), m.end()):
                out[k] = letter
            i = m.end()
            continue
        i += 1
    return "".join(out)


def main():
    if len(sys.argv) < 5:
        print(__doc__, file=sys.stderr)
        return 2
    kw = keywords(sys.argv[1])
    editor = sys.argv[3]
    maps = {}
    current = None
    with open(sys.argv[2], encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("== "):
                current = maps.setdefault(line[3:], [])
            elif current is not None:
                current.append(line)
    good = bad = 0
    for path in sys.argv[4:]:
        with open(path, encoding="utf-8-sig") as f:
            lines = f.read().split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        got = maps.get(path)
        problems = []
        if got is None:
            problems.append("the editor's harness wrote nothing for it")
        else:
            for n, text in enumerate(lines):
                text = text.rstrip("\r")
                want = reference(text, kw)
                have = got[n] if n < len(got) else ""
                for col, w in enumerate(want):
                    h = have[col] if col < len(have) else "?"
                    wrong = (w in "kscn" and h != w) or (w == "." and h in "scn")
                    if wrong:
                        problems.append("%s:%d:%d: %r is %s, highlighted as %s" % (
                            path, n + 1, col + 1, text[col], w, h))
                        break
        if problems:
            bad += 1
            for p in problems[:10]:
                print("  " + p)
        else:
            good += 1
    print("%s: %d files agree, %d disagree" % (editor, good, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
