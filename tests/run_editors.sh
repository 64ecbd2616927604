#!/bin/sh
# run_editors.sh: each editor's highlighting of every .fin file in examples/ and rules/,
# of tests/editors/sample.fin, and of a file of every keyword in src/parse.c, compared
# character by character with what finsam's scanner reads (tests/editors/classes.py):
# the TextMate grammar of editors/vscode through vscode-textmate and vscode-oniguruma,
# editors/vim in vim -es, editors/emacs in emacs --batch. Needs make editor-deps. Also
# checks that Vim and Emacs choose the file type by the name .fin. The last line is
# "editors: N passed, N failed"; exit status 1 if any failed. POSIX sh.

cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/finsam-editors.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAILED: $*"; failed=$((failed + 1)); }

# every keyword of the scanner (parse_word), one a line: a keyword added to the language
# must be added to every editor
sed -n 's/^ *KEYWORD("\([a-z]*\)".*/    \1/p' src/parse.c >"$tmp/keywords.fin"
[ "$(wc -l <"$tmp/keywords.fin")" -ge 20 ] && ok || bad "found no keywords in src/parse.c"
files="$tmp/keywords.fin tests/editors/sample.fin $(ls examples/*/*.fin rules/*.fin)"

# compare EDITOR MAP: the harness's map against the scanner's reading
compare() {
    if python3 tests/editors/classes.py src/parse.c "$2" "$1" $files; then ok; else
        bad "$1 highlights differently from finsam's scanner"; fi
}

# TextMate, through the engine VS Code uses
if NODE_PATH=build/editors/node_modules node tests/editors/textmate.js \
       editors/vscode/syntaxes/finsam.tmLanguage.json $files >"$tmp/textmate.map" 2>"$tmp/err"
then compare textmate "$tmp/textmate.map"
else bad "the TextMate harness failed (make editor-deps?)"; head -5 "$tmp/err"; fi
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1]))' editors/vscode/package.json &&
node -e 'JSON.parse(require("fs").readFileSync(process.argv[1]))' editors/vscode/language-configuration.json &&
    ok || bad "editors/vscode: package.json or language-configuration.json is not JSON"

# Vim
list=$(for f in $files; do printf "'%s'," "$f"; done)
if command -v vim >/dev/null 2>&1 &&
   vim -es -N -u NONE -i NONE --cmd 'set rtp^=editors/vim' \
       --cmd "let g:files = [$list] | let g:out = '$tmp/vim.map'" -S tests/editors/vim.vim \
       </dev/null >"$tmp/err" 2>&1 && [ -s "$tmp/vim.map" ]; then
    if grep -q '^filetype:' "$tmp/vim.map"; then bad "vim does not detect .fin files as finsam"
    else ok; compare vim "$tmp/vim.map"; fi
else bad "the Vim harness failed (make editor-deps?)"; head -5 "$tmp/err"; fi

# Emacs
if command -v emacs >/dev/null 2>&1 &&
   emacs --batch -Q -l editors/emacs/finsam-mode.el -l tests/editors/emacs.el \
       "$tmp/emacs.map" $files >"$tmp/err" 2>&1 && [ -s "$tmp/emacs.map" ]; then
    if grep -q '^mode:' "$tmp/emacs.map"; then bad "emacs does not open .fin files in finsam-mode"
    else ok; compare emacs "$tmp/emacs.map"; fi
    emacs --batch -Q -f batch-byte-compile editors/emacs/finsam-mode.el >"$tmp/err" 2>&1
    rm -f editors/emacs/finsam-mode.elc
    grep -q -i "warning" "$tmp/err" && { bad "finsam-mode.el compiles with warnings"; cat "$tmp/err"; } || ok
else bad "the Emacs harness failed (make editor-deps?)"; head -5 "$tmp/err"; fi

echo "editors: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
