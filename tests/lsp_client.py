#!/usr/bin/env python3
"""lsp_client.py FINSAM: a scripted client for finsam lsp, over pipes. Opens a copy of
the vvnd example, and asks for diagnostics, hover, definition, symbols and formatting,
then changes the text to one with a syntax error and back, and shuts the server down.
Prints "ok: ..." or "FAILED: ..." per step and "lsp: N passed, N failed"; exit status 1
if any failed."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

passed = failed = 0


def check(cond, what, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("ok: " + what)
    else:
        failed += 1
        print("FAILED: " + what + (("\n  " + str(detail)[:600]) if detail else ""))


class Client:
    def __init__(self, argv):
        env = dict(os.environ, LANG="C.UTF-8")
        env.pop("FINSAM_PATH", None)
        self.p = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        self.next_id = 1
        self.notes = []

    def send(self, msg):
        msg["jsonrpc"] = "2.0"
        self.send_raw(json.dumps(msg).encode("utf-8"))

    def send_raw(self, body):
        self.p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.p.stdin.flush()

    def read(self):
        length = None
        while True:
            line = self.p.stdout.readline()
            if not line:
                return None
            if line in (b"\r\n", b"\n"):
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(self.p.stdout.read(length))

    def request(self, method, params):
        rid = self.next_id
        self.next_id += 1
        self.send({"id": rid, "method": method, "params": params})
        while True:
            msg = self.read()
            if msg is None:
                return None
            if msg.get("id") == rid:
                return msg
            self.notes.append(msg)

    def notify(self, method, params):
        self.send({"method": method, "params": params})

    def diagnostics(self, uri):
        """The next publishDiagnostics for uri."""
        while True:
            for i, n in enumerate(self.notes):
                if n.get("method") == "textDocument/publishDiagnostics" and n["params"]["uri"] == uri:
                    del self.notes[i]
                    return n["params"]["diagnostics"]
            msg = self.read()
            if msg is None:
                return None
            self.notes.append(msg)


def main():
    finsam = os.path.abspath(sys.argv[1])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    tmp = tempfile.mkdtemp(prefix="finsam-lsp-test.")
    try:
        shutil.copytree(os.path.join(root, "examples", "vvnd"), os.path.join(tmp, "vvnd"))
        path = os.path.join(tmp, "vvnd", "2025.fin")
        uri = "file://" + path
        text = open(path, encoding="utf-8").read()
        lines = text.split("\n")
        os.mkdir(os.path.join(tmp, "server-tmp"))
        os.environ["TMPDIR"] = os.path.join(tmp, "server-tmp")
        c = Client([finsam, "lsp"])

        r = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
        caps = (r or {}).get("result", {}).get("capabilities", {})
        check(all(caps.get(k) for k in ("hoverProvider", "definitionProvider",
                                         "documentSymbolProvider", "documentFormattingProvider"))
              and caps.get("textDocumentSync") == 1, "initialize: the capabilities", r)
        c.notify("initialized", {})

        # a message that is not JSON: JSON-RPC's parse error, with no id, and the server
        # goes on (had it been read, the method it names would be answered as unknown)
        for what, body in (("cut short", b'{"jsonrpc":"2.0","id":90,"method":"none"'),
                           ("something after it", b'{"jsonrpc":"2.0","id":91,"method":"none"} x'),
                           ("a lone surrogate", b'{"jsonrpc":"2.0","id":92,"method":"none\\ud800"}')):
            c.send_raw(body)
            r = c.read()
            check(r is not None and r.get("id", 0) is None and
                  (r.get("error") or {}).get("code") == -32700,
                  "a message that is not JSON (%s): the parse error" % what, r)

        c.notify("textDocument/didOpen", {"textDocument": {
            "uri": uri, "languageId": "finsam", "version": 1, "text": text}})
        diags = c.diagnostics(uri) or []
        # finsam check on the same file: 11 failed, 6 warnings
        out = subprocess.run([finsam, "check", "--color=never", path], capture_output=True,
                             text=True, env=dict(os.environ, LANG="C.UTF-8")).stdout
        errors = [d for d in diags if d["severity"] == 1]
        warnings = [d for d in diags if d["severity"] == 2]
        check(len(errors) == 11 and len(warnings) == 6 and "11 failed, 6 warnings" in out,
              "didOpen: the diagnostics of finsam check (11 errors, 6 warnings)",
              (len(errors), len(warnings), out[-200:]))
        # note 2's Summa, found by its text so that a line added above it moves nothing here
        at = next(i for i, l in enumerate(lines) if l.startswith('    total   "Summa" = sum                 | 34 332 | 113 288'))
        summa = [d for d in diags if d["range"]["start"]["line"] == at and d.get("code") == "formula"]
        check(len(summa) == 1 and summa[0]["range"]["start"]["character"] == 53 and
              "stated: 113 288 kr" in summa[0]["message"] and
              "computed: 133 288 kr" in summa[0]["message"],
              "the Summa of note 2 at column 54, with stated and computed figures", summa)

        # a rule of rules/finsam.fin that reads this file: shown at the figure it read
        # (balance.equity's 2025 cell), the rule's place named in its message
        eq = next(i for i, l in enumerate(lines) if l.lstrip().startswith("| 2 958 574 |"))
        cap = [d for d in diags if d.get("code") == "equity_within_cap"]
        check(len(cap) == 1 and cap[0]["range"]["start"]["line"] == eq and
              cap[0]["range"]["start"]["character"] == lines[eq].index("2 958 574") and
              cap[0]["message"].startswith("rules/finsam.fin:49:5: "),
              "a rule of another file at the figure of this file it read", cap)

        col = lines[at].index("total")
        r = c.request("textDocument/hover", {"textDocument": {"uri": uri},
                                              "position": {"line": at, "character": col + 1}})
        value = ((r or {}).get("result") or {}).get("contents", {}).get("value", "")
        check("Summa" in value and "= sum" in value and "113 288" in value and
              "133 288 kr" in value and "differs" in value,
              "hover on a row: its label, formula, stated and computed figures", value)

        line = next(i for i, l in enumerate(lines) if l.startswith("    overview.result == income.result"))
        col = lines[line].index("income.result") + len("income.")
        r = c.request("textDocument/definition", {"textDocument": {"uri": uri},
                                                   "position": {"line": line, "character": col + 2}})
        loc = (r or {}).get("result") or {}
        want = next(i for i, l in enumerate(lines) if l.startswith('    result       "Årets resultat" = before_extra'))
        check(loc.get("uri") == uri and loc["range"]["start"]["line"] == want,
              "definition of income.result: the row in the income table", (loc, want))

        line = next(i for i, l in enumerate(lines) if l.startswith('import "finsam"'))
        r = c.request("textDocument/definition", {"textDocument": {"uri": uri},
                                                   "position": {"line": line, "character": 9}})
        loc = (r or {}).get("result") or {}
        check(loc.get("uri", "").endswith("/rules/finsam.fin"),
              "definition of an import: the rule file", loc)

        r = c.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})
        syms = (r or {}).get("result") or []
        names = {s["name"]: s for s in syms}
        income = names.get("income", {})
        check("income" in names and "overview_result" in names and
              any(ch["name"] == "member_fees" for ch in income.get("children", [])) and
              names["overview_result"]["kind"] == 12,
              "document symbols: tables with their rows, and checks", [s["name"] for s in syms][:10])

        r = c.request("textDocument/formatting", {"textDocument": {"uri": uri},
                                                   "options": {"tabSize": 4, "insertSpaces": True}})
        check(r is not None and r.get("result") == [],
              "formatting a formatted file: no edits", r)

        messy = text.replace('    total   "Summa" = sum                 | 34 332 | 113 288',
                             '  total "Summa" = sum | 34 332|113 288')
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2},
                                            "contentChanges": [{"text": messy}]})
        c.diagnostics(uri)
        r = c.request("textDocument/formatting", {"textDocument": {"uri": uri},
                                                   "options": {"tabSize": 4, "insertSpaces": True}})
        edits = (r or {}).get("result") or []
        check(len(edits) == 1 and edits[0]["newText"] == text,
              "formatting: one edit, the text as finsam fmt lays it out", r and str(r)[:300])

        # a finding's message whole, however long its label (it was cut at 1 KB)
        label = "Summa " + "å" * 600
        long = text.replace('    total   "Summa" = sum                 | 34 332 | 113 288',
                            '    total   "%s" = sum | 34 332 | 113 288' % label)
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3},
                                            "contentChanges": [{"text": long}]})
        diags = c.diagnostics(uri) or []
        summa = [d for d in diags if d["range"]["start"]["line"] == at and d.get("code") == "formula"]
        check(len(summa) == 1 and summa[0]["message"].startswith(label + ", ") and
              "computed: 133 288 kr" in summa[0]["message"],
              "a finding's message whole, with a label of 1 200 bytes",
              [d["message"][-80:] for d in summa])

        broken = text.replace("check overview_result", "check overview_result (", 1)
        c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 4},
                                            "contentChanges": [{"text": broken}]})
        diags = c.diagnostics(uri) or []
        broken_at = next(i for i, l in enumerate(lines) if l.startswith("check overview_result"))
        check(len(diags) >= 1 and diags[0]["severity"] == 1 and
              diags[0]["range"]["start"]["line"] == broken_at,
              "didChange to a syntax error: the error at its line", diags[:1])
        r = c.request("textDocument/formatting", {"textDocument": {"uri": uri}, "options": {}})
        check(r is not None and "error" in r, "formatting a file that does not parse: an error", r)

        c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
        check(c.diagnostics(uri) == [], "didClose: the diagnostics cleared")
        r = c.request("shutdown", None)
        check(r is not None and "result" in r, "shutdown", r)
        c.notify("exit", None)
        status = c.p.wait(timeout=10)
        check(status == 0, "exit after shutdown: status 0", status)
        check(os.listdir(os.path.join(tmp, "server-tmp")) == [],
              "the server leaves nothing in TMPDIR", os.listdir(os.path.join(tmp, "server-tmp")))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("lsp: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
