// The finsam extension: highlighting comes from the TextMate grammar; everything else
// (diagnostics as `finsam check` gives them, hover, go to definition, document symbols,
// formatting as `finsam fmt` does it) from `finsam lsp`, over standard input and output.
'use strict';

const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

function activate(context) {
    const command = vscode.workspace.getConfiguration('finsam').get('path') || 'finsam';
    const server = { command, args: ['lsp'], transport: TransportKind.stdio };
    client = new LanguageClient('finsam', 'finsam', { run: server, debug: server }, {
        documentSelector: [{ scheme: 'file', language: 'finsam' }],
    });
    context.subscriptions.push({ dispose: () => client && client.stop() });
    return client.start();
}

function deactivate() {
    return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
