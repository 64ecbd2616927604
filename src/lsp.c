/* finsam lsp: a Language Server over standard input and output. Messages are framed by
 * a Content-Length header and read with json-c (see README, Editors: why json-c); this
 * file reads them, keeps the open documents and answers; lsp_doc.c does the work. */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "i18n.h"
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

static void send(json_object *msg)
{
    json_object_object_add(msg, "jsonrpc", json_object_new_string("2.0"));
    size_t n;
    const char *s = json_object_to_json_string_length(msg, JSON_C_TO_STRING_PLAIN, &n);
    printf("Content-Length: %zu\r\n\r\n", n);
    fwrite(s, 1, n, stdout);
    fflush(stdout);
    json_object_put(msg);
}

static void reply(json_object *id, json_object *result)
{
    json_object *m = json_object_new_object();
    json_object_object_add(m, "id", json_object_get(id));
    json_object_object_add(m, "result", result);
    send(m);
}

static void reply_error(json_object *id, int code, const char *message)
{
    json_object *m = json_object_new_object();
    json_object *e = json_object_new_object();
    json_object_object_add(e, "code", json_object_new_int(code));
    json_object_object_add(e, "message", json_object_new_string(message));
    json_object_object_add(m, "id", id ? json_object_get(id) : NULL);
    json_object_object_add(m, "error", e);
    send(m);
}

static json_object *get(json_object *o, const char *path)
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
        if (!json_object_object_get_ex(o, key, &o))
            return NULL;
        path += n + (dot != NULL);
    }
    return o;
}

static const char *get_string(json_object *o, const char *path)
{
    json_object *v = get(o, path);
    return v && json_object_is_type(v, json_type_string) ? json_object_get_string(v) : NULL;
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

static void publish(LspDoc *d)
{
    json_object *m = json_object_new_object();
    json_object *p = json_object_new_object();
    json_object_object_add(m, "method", json_object_new_string("textDocument/publishDiagnostics"));
    json_object_object_add(p, "uri", json_object_new_string(lsp_doc_uri(d)));
    json_object_object_add(p, "diagnostics", lsp_doc_diagnostics(d));
    json_object_object_add(m, "params", p);
    send(m);
}

static json_object *capabilities(void)
{
    json_object *c = json_object_new_object();
    json_object_object_add(c, "textDocumentSync", json_object_new_int(1)); /* full text */
    json_object_object_add(c, "hoverProvider", json_object_new_boolean(1));
    json_object_object_add(c, "definitionProvider", json_object_new_boolean(1));
    json_object_object_add(c, "documentSymbolProvider", json_object_new_boolean(1));
    json_object_object_add(c, "documentFormattingProvider", json_object_new_boolean(1));
    json_object *r = json_object_new_object();
    json_object *info = json_object_new_object();
    json_object_object_add(info, "name", json_object_new_string("finsam"));
    json_object_object_add(info, "version", json_object_new_string(FINSAM_VERSION));
    json_object_object_add(r, "capabilities", c);
    json_object_object_add(r, "serverInfo", info);
    return r;
}

/* Returns false when the client says exit. */
static bool handle(Server *s, json_object *msg, int *status)
{
    const char *method = get_string(msg, "method");
    json_object *id = get(msg, "id");
    json_object *params = get(msg, "params");
    const char *uri = get_string(params, "textDocument.uri");
    LspDoc **doc = find_doc(s, uri);
    json_object *line = get(params, "position.line"), *ch = get(params, "position.character");
    if (!method) {
        return true; /* a response to a request of ours: there are none */
    } else if (strcmp(method, "initialize") == 0) {
        reply(id, capabilities());
    } else if (strcmp(method, "shutdown") == 0) {
        s->shutdown = true;
        reply(id, NULL);
    } else if (strcmp(method, "exit") == 0) {
        *status = s->shutdown ? 0 : 1;
        return false;
    } else if (strcmp(method, "textDocument/didOpen") == 0 && uri) {
        const char *text = get_string(params, "textDocument.text");
        char *path = path_of_uri(uri);
        if (doc) {
            lsp_doc_free(*doc);
            *doc = s->docs[--s->ndocs];
        }
        s->docs = mem_realloc(s->docs, (size_t)(s->ndocs + 1) * sizeof *s->docs);
        LspDoc *d = lsp_doc_new(uri, path, text ? text : "", text ? strlen(text) : 0);
        s->docs[s->ndocs++] = d;
        mem_free(path);
        publish(d);
    } else if (strcmp(method, "textDocument/didChange") == 0 && doc) {
        json_object *changes = get(params, "contentChanges");
        size_t n = changes && json_object_is_type(changes, json_type_array)
                       ? json_object_array_length(changes) : 0;
        if (n > 0) {
            const char *text = get_string(json_object_array_get_idx(changes, n - 1), "text");
            if (text)
                lsp_doc_set_text(*doc, text, strlen(text));
        }
        publish(*doc);
    } else if (strcmp(method, "textDocument/didClose") == 0 && doc) {
        json_object *m = json_object_new_object();
        json_object *p = json_object_new_object();
        json_object_object_add(m, "method",
                               json_object_new_string("textDocument/publishDiagnostics"));
        json_object_object_add(p, "uri", json_object_new_string(uri));
        json_object_object_add(p, "diagnostics", json_object_new_array());
        json_object_object_add(m, "params", p);
        send(m);
        lsp_doc_free(*doc);
        *doc = s->docs[--s->ndocs];
    } else if (strcmp(method, "textDocument/hover") == 0 && id) {
        reply(id, doc && line && ch ? lsp_doc_hover(*doc, json_object_get_int(line),
                                                    json_object_get_int(ch)) : NULL);
    } else if (strcmp(method, "textDocument/definition") == 0 && id) {
        reply(id, doc && line && ch ? lsp_doc_definition(*doc, json_object_get_int(line),
                                                         json_object_get_int(ch)) : NULL);
    } else if (strcmp(method, "textDocument/documentSymbol") == 0 && id) {
        reply(id, doc ? lsp_doc_symbols(*doc) : json_object_new_array());
    } else if (strcmp(method, "textDocument/formatting") == 0 && id) {
        json_object *edits = doc ? lsp_doc_format(*doc) : NULL;
        if (edits)
            reply(id, edits);
        else
            reply_error(id, -32603, _("the file does not parse, so it is not formatted"));
    } else if (id) {
        reply_error(id, -32601, "method not found");
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
            return cli_usage_error(_("unknown option '%s'"), argv[i]);
        if (strcmp(argv[i], "--lang") == 0)
            i++;
    }
    Server s = {0};
    int status = 1;
    size_t len;
    char *body;
    while ((body = read_message(&len))) {
        json_tokener *tok = json_tokener_new();
        json_object *msg = json_tokener_parse_ex(tok, body, (int)len);
        bool parsed = json_tokener_get_error(tok) == json_tokener_success && msg;
        json_tokener_free(tok);
        mem_free(body);
        if (!parsed || !json_object_is_type(msg, json_type_object)) {
            json_object_put(msg);
            reply_error(NULL, -32700, "parse error");
            continue;
        }
        bool go_on = handle(&s, msg, &status);
        json_object_put(msg);
        if (!go_on)
            break;
    }
    for (int i = 0; i < s.ndocs; i++)
        lsp_doc_free(s.docs[i]);
    mem_free(s.docs);
    return status;
}
