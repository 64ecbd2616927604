#!/bin/sh
# run_lsp.sh FINSAM: finsam lsp driven by a scripted client over pipes
# (tests/lsp_client.py): diagnostics, hover, definition, symbols, formatting, changes,
# shutdown. The last line is "lsp: N passed, N failed". POSIX sh.
if [ $# -ne 1 ]; then
    echo "usage: sh tests/run_lsp.sh FINSAM" >&2
    exit 2
fi
limit=${TEST_TIMEOUT:-120}
if command -v timeout >/dev/null 2>&1; then run_limited="timeout $limit"; else run_limited=""; fi
$run_limited python3 "$(dirname "$0")/lsp_client.py" "$1"
status=$?
[ $status -eq 124 ] && echo "FAILED: the client did not end within $limit seconds" &&
    echo "lsp: 0 passed, 1 failed"
exit $status
