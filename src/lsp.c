/* finsam lsp: a Language Server over standard input and output. Messages are framed by
 * a Content-Length header and read with json_value.c, each into an arena of its own that
 * its answers are built in too; this file reads them, keeps the open documents and
 * answers; lsp_doc.c does the work. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "i18n.h"
#include "json_value.h"
#include "lsp_doc.h"
#include "mem.h"

enum { MAX_MESSAGE = 64 << 20 };

typedef struct {
    LspDoc **docs;
    int ndocs;
    bool shutdown;
} Server;

/* The next message's body, NULL at the end of the input or on a broken header. */
static char *read_message(size_t *len)
{
    char line[1024];
    long length = -1;
    for (;;) {
        if (!fgets(line, sizeof line, stdin))
            return NULL;
        if (strcmp(line, "\r\n") == 0 || strcmp(line, "\n") == 0)
            break;
        if (strncasecmp(line, "Content-Length:", 15) == 0)
            length = strtol(line + 15, NULL, 10);
    }
    if (length < 0 || length > MAX_MESSAGE)
        return NULL;
    char *body = mem_alloc((size_t)length + 1);
    if (fread(body, 1, (size_t)length, stdin) != (size_t)length) {
        mem_free(body);
        return NULL;
    }
    *len = (size_t)length;
    return body;
}

static void send(Arena *a, JsonValue *msg)
{
    jv_add(a, msg, "jsonrpc", jv_str(a, "2.0"));
    size_t n;
    const char *s = jv_text(a, msg, &n);
    printf("Content-Length: %zu\r\n\r\n", n);
    fwrite(s, 1, n, stdout);
    fflush(stdout);
}

static void reply(Arena *a, JsonValue *id, JsonValue *result)
{
    JsonValue *m = jv_object(a);
    jv_add(a, m, "id", id);
    jv_add(a, m, "result", result);
    send(a, m);
}

static void reply_error(Arena *a, JsonValue *id, int code, const char *message)
{
    JsonValue *m = jv_object(a);
    JsonValue *e = jv_object(a);
    jv_add(a, e, "code", jv_int_new(a, code));
    jv_add(a, e, "message", jv_str(a, message));
    jv_add(a, m, "id", id);
    jv_add(a, m, "error", e);
    send(a, m);
}

static JsonValue *get(JsonValue *o, const char *path)
{
    /* path is "a.b.c" */
    char key[64];
    while (o && *path) {
        const char *dot = strchr(path, '.');
        size_t n = dot ? (size_t)(dot - path) : strlen(path);
        if (n >= sizeof key)
            return NULL;
        memcpy(key, path, n);
        key[n] = '\0';
        o = jv_get(o, key);
        path += n + (dot != NULL);
    }
    return o;
}

static const char *get_string(JsonValue *o, const char *path)
{
    return jv_string(get(o, path));
}

static LspDoc **find_doc(Server *s, const char *uri)
{
    for (int i = 0; uri && i < s->ndocs; i++)
        if (strcmp(lsp_doc_uri(s->docs[i]), uri) == 0)
            return &s->docs[i];
    return NULL;
}

/* file:///a/b%20c.fin -> /a/b c.fin */
static char *path_of_uri(const char *uri)
{
    const char *p = strncmp(uri, "file://", 7) == 0 ? uri + 7 : uri;
    char *out = mem_alloc(strlen(p) + 1);
    size_t k = 0;
    for (; *p; p++) {
        if (*p == '%' && p[1] && p[2]) {
            char hex[3] = {p[1], p[2], 0};
            out[k++] = (char)strtol(hex, NULL, 16);
            p += 2;
        } else {
            out[k++] = *p;
        }
    }
    out[k] = '\0';
    return out;
}

static void publish(Arena *a, LspDoc *d)
{
    JsonValue *m = jv_object(a);
    JsonValue *p = jv_object(a);
    jv_add(a, m, "method", jv_str(a, "textDocument/publishDiagnostics"));
    jv_add(a, p, "uri", jv_str(a, lsp_doc_uri(d)));
    jv_add(a, p, "diagnostics", lsp_doc_diagnostics(a, d));
    jv_add(a, m, "params", p);
    send(a, m);
}

static JsonValue *capabilities(Arena *a)
{
    JsonValue *c = jv_object(a);
    jv_add(a, c, "textDocumentSync", jv_int_new(a, 1)); /* full text */
    jv_add(a, c, "hoverProvider", jv_bool(a, true));
    jv_add(a, c, "definitionProvider", jv_bool(a, true));
    jv_add(a, c, "documentSymbolProvider", jv_bool(a, true));
    jv_add(a, c, "documentFormattingProvider", jv_bool(a, true));
    JsonValue *r = jv_object(a);
    JsonValue *info = jv_object(a);
    jv_add(a, info, "name", jv_str(a, "finsam"));
    jv_add(a, info, "version", jv_str(a, FINSAM_VERSION));
    jv_add(a, r, "capabilities", c);
    jv_add(a, r, "serverInfo", info);
    return r;
}

/* Returns false when the client says exit. */
static bool handle(Server *s, Arena *a, JsonValue *msg, int *status)
{
    const char *method = get_string(msg, "method");
    JsonValue *id = get(msg, "id");
    if (id && id->type == JV_NULL)
        id = NULL; /* "id": null, as no id (json-c read null so) */
    JsonValue *params = get(msg, "params");
    const char *uri = get_string(params, "textDocument.uri");
    LspDoc **doc = find_doc(s, uri);
    int line, ch;
    bool at = jv_int(get(params, "position.line"), &line) &&
              jv_int(get(params, "position.character"), &ch);
    if (!method) {
        return true; /* a response to a request of ours: there are none */
    } else if (strcmp(method, "initialize") == 0) {
        reply(a, id, capabilities(a));
    } else if (strcmp(method, "shutdown") == 0) {
        s->shutdown = true;
        reply(a, id, NULL);
    } else if (strcmp(method, "exit") == 0) {
        *status = s->shutdown ? 0 : 1;
        return false;
    } else if (strcmp(method, "textDocument/didOpen") == 0 && uri) {
        JsonValue *text = get(params, "textDocument.text");
        if (!jv_string(text))
            text = NULL;
        char *path = path_of_uri(uri);
        if (doc) {
            lsp_doc_free(*doc);
            *doc = s->docs[--s->ndocs];
        }
        s->docs = mem_realloc(s->docs, (size_t)(s->ndocs + 1) * sizeof *s->docs);
        LspDoc *d = lsp_doc_new(uri, path, text ? text->text : "", text ? text->len : 0);
        s->docs[s->ndocs++] = d;
        mem_free(path);
        publish(a, d);
    } else if (strcmp(method, "textDocument/didChange") == 0 && doc) {
        JsonValue *changes = get(params, "contentChanges");
        JsonValue *last = changes && changes->type == JV_ARRAY ? changes->last : NULL;
        JsonValue *text = jv_get(last, "text");
        if (jv_string(text))
            lsp_doc_set_text(*doc, text->text, text->len);
        publish(a, *doc);
    } else if (strcmp(method, "textDocument/didClose") == 0 && doc) {
        JsonValue *m = jv_object(a);
        JsonValue *p = jv_object(a);
        jv_add(a, m, "method", jv_str(a, "textDocument/publishDiagnostics"));
        jv_add(a, p, "uri", jv_str(a, uri));
        jv_add(a, p, "diagnostics", jv_array(a));
        jv_add(a, m, "params", p);
        send(a, m);
        lsp_doc_free(*doc);
        *doc = s->docs[--s->ndocs];
    } else if (strcmp(method, "textDocument/hover") == 0 && id) {
        reply(a, id, doc && at ? lsp_doc_hover(a, *doc, line, ch) : NULL);
    } else if (strcmp(method, "textDocument/definition") == 0 && id) {
        reply(a, id, doc && at ? lsp_doc_definition(a, *doc, line, ch) : NULL);
    } else if (strcmp(method, "textDocument/documentSymbol") == 0 && id) {
        reply(a, id, doc ? lsp_doc_symbols(a, *doc) : jv_array(a));
    } else if (strcmp(method, "textDocument/formatting") == 0 && id) {
        JsonValue *edits = doc ? lsp_doc_format(a, *doc) : NULL;
        if (edits)
            reply(a, id, edits);
        else
            reply_error(a, id, -32603, _("the file does not parse, so it is not formatted"));
    } else if (id) {
        reply_error(a, id, -32601, "method not found");
    }
    return true;
}

int cmd_lsp(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(_("usage: finsam lsp\n\n"
                    "finsam lsp is a Language Server for editors, over standard input and\n"
                    "output: diagnostics as finsam check gives them, hover on a row, go to\n"
                    "definition, document symbols and formatting as finsam fmt does it.\n"),
                  stdout);
            return cli_flush_stdout() ? EXIT_PASSED : EXIT_BAD_INPUT;
        }
        if (strncmp(argv[i], "--lang", 6) != 0 && strcmp(argv[i], "--stdio") != 0)
            return cli_command_usage_error("lsp", _("unknown option '%s'"), argv[i]);
        if (strcmp(argv[i], "--lang") == 0)
            i++;
    }
    Server s = {0};
    int status = 1;
    size_t len;
    char *body;
    while ((body = read_message(&len))) {
        Arena a;
        arena_init(&a);
        JsonValue *msg = jv_parse(&a, body, len, NULL);
        mem_free(body);
        bool go_on = true;
        if (!msg || msg->type != JV_OBJECT)
            reply_error(&a, NULL, -32700, "parse error");
        else
            go_on = handle(&s, &a, msg, &status);
        arena_free(&a);
        if (!go_on)
            break;
    }
    for (int i = 0; i < s.ndocs; i++)
        lsp_doc_free(s.docs[i]);
    mem_free(s.docs);
    return status;
}
