// textmate.js GRAMMAR FILE...: highlights each FILE with the TextMate grammar through
// vscode-textmate and the Oniguruma engine VS Code uses (vscode-oniguruma), and writes
// for each a line "== FILE" and one letter per character of each line (see
// classes.py). NODE_PATH finds the two packages (make editor-deps).
'use strict';

const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

function letter(scopes) {
    const s = scopes.join(' ');
    if (/(^| )comment/.test(s)) return 'c';
    if (/(^| )string/.test(s)) return 's';
    if (/(^| )constant\.numeric/.test(s)) return 'n';
    if (/(^| )(keyword\.other|keyword\.operator\.word|storage\.type)/.test(s)) return 'k';
    return '.';
}

async function main() {
    const [grammarPath, ...files] = process.argv.slice(2);
    const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')),
                                           'onig.wasm')).buffer;
    await oniguruma.loadWASM(wasm);
    const registry = new vsctm.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
            createOnigString: (s) => new oniguruma.OnigString(s),
        }),
        loadGrammar: async () => vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'),
                                                       grammarPath),
    });
    const grammar = await registry.loadGrammar('source.finsam');
    const out = [];
    for (const file of files) {
        out.push('== ' + file);
        let text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
        const lines = text.split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        let stack = vsctm.INITIAL;
        for (let raw of lines) {
            const line = raw.replace(/\r$/, '');
            const r = grammar.tokenizeLine(line, stack);
            stack = r.ruleStack;
            // offsets are UTF-16 units; write one letter per character (code point)
            let map = '';
            for (const t of r.tokens) {
                const piece = line.slice(t.startIndex, t.endIndex);
                map += letter(t.scopes).repeat([...piece].length);
            }
            out.push(map);
        }
    }
    process.stdout.write(out.join('\n') + '\n');
}

main().catch((e) => { console.error(e); process.exit(2); });
