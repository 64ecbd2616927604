/* lsp_doc: what finsam lsp knows of one open document, in the Language Server
 * Protocol's terms (JSON values in the caller's arena): its diagnostics, the hover and definition at a
 * place, its symbols, its formatting. lsp.c speaks the protocol. */
#ifndef FINSAM_LSP_DOC_H
#define FINSAM_LSP_DOC_H

#include "json_value.h"
#include <stddef.h>

typedef struct LspDoc LspDoc;

/* A document with the editor's text; path is the file it is, for its imports. */
LspDoc *lsp_doc_new(const char *uri, const char *path, const char *text, size_t len);
void lsp_doc_free(LspDoc *d);
/* The editor's new text (a full change); checked again when asked. */
void lsp_doc_set_text(LspDoc *d, const char *text, size_t len);
const char *lsp_doc_uri(const LspDoc *d);

/* The Diagnostic[] of finsam check on the text: errors in the input, and the failed
 * formulas and checks, each with its related places. */
JsonValue *lsp_doc_diagnostics(Arena *a, LspDoc *d);
/* Hover at a line and UTF-16 character: a row's label, stated and computed figures and
 * formula; a table's, parameter's or check's title. NULL if nothing is there. */
JsonValue *lsp_doc_hover(Arena *a, LspDoc *d, int line, int character);
/* The Location of what the name at the place refers to: a row, table, allocation,
 * parameter, check, or an import's file. NULL if none. */
JsonValue *lsp_doc_definition(Arena *a, LspDoc *d, int line, int character);
/* DocumentSymbol[]: tables with their rows, allocations, parameters, checks. */
JsonValue *lsp_doc_symbols(Arena *a, LspDoc *d);
/* TextEdit[]: the text as finsam fmt lays it out; NULL if it does not parse. */
JsonValue *lsp_doc_format(Arena *a, LspDoc *d);

#endif
