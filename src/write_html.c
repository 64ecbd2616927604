/* write_html: `finsam report --format html`, one self-contained HTML5 page.
 *
 * No external assets and no scripts: the style sheet is inline, the charts are inline
 * SVG. The page is laid out like the printed annual report (a table per table, section
 * headings, a notes column, figures right-aligned as report_cell() prints them), with
 * every cell whose stated figure a finding disagrees with highlighted and explained in
 * an aside under its table. Budget tables get a bar chart of budget against actual per
 * line, the five-year overview a line chart; then every check with its outcome.
 *
 * Every text that comes from a rule file (titles, labels, sources, messages, names,
 * figures as written, paths) goes through put_text(), which escapes & < > " ' and
 * replaces control characters and bytes that are not UTF-8. SVG coordinates are
 * computed with integer arithmetic, like everything else in finsam. */
#include "write_html.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "mem.h"
#include "review.h"
#include "render.h"
#include "num.h"
#include "utf8.h"
#include "value.h"

/* ---- text ---------------------------------------------------------------------- */

/* Characters (code points) in s, counting a byte that is not UTF-8 as one. */
static size_t text_chars(const char *s, size_t n)
{
    size_t chars = 0;
    for (size_t i = 0; i < n; chars++) {
        uint32_t cp;
        size_t len = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        i += len ? len : 1;
    }
    return chars;
}

/* Writes n bytes of s as HTML text or attribute value: & < > " ' as references, a
 * tab or line end as a space, other control characters (C0, DEL, C1) and bytes that
 * are not UTF-8 as U+FFFD. At most max characters (0: all), the last replaced by an
 * ellipsis when s is longer. */
static const char *html_escape(uint32_t cp, char *buf)
{
    (void)buf;
    switch (cp) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    case '\t': case '\n': case '\r': return " ";
    default:
        return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ? "\xEF\xBF\xBD" : NULL;
    }
}

static void put_textn(FILE *out, const char *s, size_t n, size_t max)
{
    if (!s)
        return;
    size_t cut = n;
    if (max && text_chars(s, n) > max) {
        /* the bytes of the first max - 1 characters, then the ellipsis */
        cut = 0;
        for (size_t chars = 0; chars < max - 1; chars++) {
            uint32_t cp;
            size_t len = utf8_decode((const unsigned char *)s + cut, n - cut, &cp);
            cut += len ? len : 1;
        }
    }
    utf8_write(out, s, cut, html_escape, "\xEF\xBF\xBD");
    if (cut < n)
        fputs("\xE2\x80\xA6", out);
}

static void put_text(FILE *out, const char *s)
{
    if (s)
        put_textn(out, s, strlen(s), 0);
}

/* before, then <span class="cls">text</span>; nothing if there is no text. */
/* open, text, close; nothing if there is no text. */
static void put_wrapped(FILE *out, const char *open, const char *text, const char *close)
{
    if (!text)
        return;
    fputs(open, out);
    put_text(out, text);
    fputs(close, out);
}

static void put_span(FILE *out, const char *before, const char *cls, const char *text)
{
    if (!text)
        return;
    fprintf(out, "%s<span class=\"%s\">", before, cls);
    put_text(out, text);
    fputs("</span>", out);
}

/* At most max characters of s, for a chart's label. */
static void put_short(FILE *out, const char *s, size_t max)
{
    if (s)
        put_textn(out, s, strlen(s), max);
}

/* The text of a location over the lines it is written on: each line as put_textn
 * writes it, a line break between them (a check written over several lines is quoted
 * so, not with its breaks as spaces). */
static void put_lines(FILE *out, Loc at)
{
    if (!at.src || at.end <= at.start)
        return;
    const char *p = at.src->text + at.start, *end = at.src->text + at.end;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        size_t n = (size_t)(stop - p);
        if (n && p[n - 1] == '\r')
            n--;
        put_textn(out, p, n, 0);
        if (!nl)
            break;
        fputc('\n', out);
        p = nl + 1;
    }
}

/* A value as finsam's messages show it ("113 288 kr", "between -41 and -39 tkr"),
 * with the minus sign U+2212 that the report's figures have. */
static char *swedish_minus(const char *in, char *buf, size_t size)
{
    size_t k = 0;
    for (const char *p = in; *p && k + 4 < size; p++) {
        if (*p == '-' && p[1] >= '0' && p[1] <= '9') {
            memcpy(buf + k, "\xE2\x88\x92", 3);
            k += 3;
        } else {
            buf[k++] = *p;
        }
    }
    buf[k] = '\0';
    return buf;
}

static void put_value(FILE *out, const Value *v)
{
    char a[VALUE_FMT_MAX], b[2 * VALUE_FMT_MAX];
    put_text(out, swedish_minus(value_format(v, a), b, sizeof b));
}

static void put_difference(FILE *out, const Finding *f)
{
    char a[VALUE_FMT_MAX], b[2 * VALUE_FMT_MAX];
    put_text(out, swedish_minus(render_difference(f, a), b, sizeof b));
}

/* file:line:col of a location. */
static void put_place(FILE *out, Loc at)
{
    if (!at.src)
        return;
    int line, col;
    source_line_col(at.src, at.start, &line, &col);
    put_text(out, at.src->path);
    fprintf(out, ":%d:%d", line, col);
}

/* ---- tables -------------------------------------------------------------------- */

typedef struct {
    FILE *out;
    const Model *m;
} Html;

/* What the figure a stated one is compared with is called. */
static const char *says_word(const Finding *f)
{
    return f->type == FIND_NOTE ? _("the note says")
           : f->type == FIND_PREVIOUS ? _("that year's report says")
                                      : _("computed");
}

/* The stated figure of a finding and the one it is compared with, in the markup given:
 * open has a %s for the word "stated", middle one for says_word(f). */
static void put_stated(FILE *out, const Finding *f, const char *open, const char *middle,
                       const char *close)
{
    fprintf(out, open, _("stated"));
    put_value(out, &f->stated);
    fprintf(out, middle, says_word(f));
    put_value(out, &f->computed);
    fputs(close, out);
}

static void section_row(Html *h, const ModelLine *l, int span)
{
    fprintf(h->out, "<tr class=\"section d%d%s\"><th scope=\"rowgroup\" colspan=\"%d\">",
            l->depth < 6 ? l->depth : 6, l->empty ? " empty" : "", span);
    put_text(h->out, l->label);
    fputs("</th></tr>\n", h->out);
}

static char *escaped(const char *s, bool is_value, const Value *v);

/* "reviewed: accepted by Revisor A on 2026-03-10: the reason", in an element of its own
 * (tag) beside the finding it decides on, each part marked: the decision, who, when and
 * why. A reviewed finding fails nothing: this is what it shows instead. */
static void put_review_full(FILE *out, const char *tag, const Finding *f)
{
    const ReviewEntry *e = f->review;
    if (!e)
        return;
    char date[16];
    snprintf(date, sizeof date, "%04d-%02d-%02d", (int)(e->on / 10000), (int)(e->on / 100 % 100),
             (int)(e->on % 100));
    char *dec = escaped(review_decision_text(e->decision), false, NULL);
    char *by = escaped(e->by, false, NULL), *why = escaped(e->reason, false, NULL);
    Arena a;
    arena_init(&a);
    fprintf(out, "<%s class=\"review-full %s\"><span class=\"reviewed\">%s</span> ", tag,
            e->decision == REVIEW_ACCEPTED ? "accepted" : "to-correct", _("reviewed:"));
    /* TRANSLATORS: beside a finding in the HTML report: "accepted by Anna Andersson on
     * 2026-03-20: the reason" (the decision, who, the day, why). */
    fprintf(out, _("%s by %s on %s: %s"),
            arena_printf(&a, "<b class=\"decision\">%s</b>", dec ? dec : ""),
            arena_printf(&a, "<span class=\"by\">%s</span>", by ? by : ""),
            arena_printf(&a, "<time class=\"on\" datetime=\"%s\">%s</time>", date, date),
            arena_printf(&a, "<span class=\"reason\">%s</span>", why ? why : ""));
    fprintf(out, "</%s>", tag);
    arena_free(&a);
    mem_free(dec);
    mem_free(by);
    mem_free(why);
}

/* One finding, explained: the message, stated and computed figures, difference, the
 * formula it comes from and the operands; an auditor's decision on it under them. */
static void explain_finding(Html *h, const Finding *f, int mark)
{
    FILE *out = h->out;
    fprintf(out, "<li class=\"finding%s\" id=\"d%d\"><span class=\"mark\">%d</span>"
                 "<div><p class=\"message\">", f->review ? " reviewed" : "", mark, mark);
    put_text(out, f->message);
    fputs("</p>\n<dl class=\"figures\">", out);
    if (f->has_stated)
        put_stated(out, f, "<div><dt>%s</dt><dd class=\"stated\">",
                   "</dd></div><div><dt>%s</dt><dd class=\"computed\">", "</dd></div>");
    if (f->has_difference) {
        fprintf(out, "<div><dt>%s</dt><dd class=\"difference\">", _("difference"));
        put_difference(out, f);
        fputs("</dd></div>", out);
    }
    if (f->formula) {
        /* TRANSLATORS: "from sum of the rows above": the formula a figure comes from. */
        fprintf(out, "<div><dt>%s</dt><dd class=\"from\"><code>", _("from"));
        put_text(out, f->formula);
        fputs("</code></dd></div>", out);
    }
    if (f->noperands) {
        fprintf(out, "<div><dt>%s</dt><dd class=\"operands\">", _("operands"));
        for (int i = 0; i < f->noperands; i++) {
            fputs(i ? ", <code>" : "<code>", out);
            put_text(out, f->operands[i].text);
            fputs("</code> ", out);
            put_value(out, &f->operands[i].value);
        }
        fputs("</dd></div>", out);
    }
    fputs("</dl>\n", out);
    put_review_full(out, "p", f);
    fputs("<p class=\"place\">", out);
    put_place(out, f->loc);
    fputs("</p></div></li>\n", out);
}

/* The short explanation of a highlighted figure, to hover: stated against computed, or
 * the finding's message. */
static void put_hover(FILE *out, const Finding *f)
{
    if (f->has_stated) {
        fprintf(out, "%s ", _("stated"));
        put_value(out, &f->stated);
        fprintf(out, ", %s ", says_word(f));
        put_value(out, &f->computed);
    } else {
        put_text(out, f->message);
    }
}

/* Under a table or an allocation: its findings explained, under a title with their
 * count (title_format has one %d); then the block ends. */
static void findings_aside(Html *h, const ModelBlock *b, const char *title_format)
{
    FILE *out = h->out;
    if (b->nfootnotes) {
        fputs("<aside class=\"findings\"><p class=\"findings-title\">", out);
        fprintf(out, title_format, b->nfootnotes);
        fputs("</p>\n<ol>\n", out);
        for (int k = 0; k < b->nfootnotes; k++)
            explain_finding(h, b->footnotes[k].finding, b->footnotes[k].mark);
        fputs("</ol></aside>\n", out);
    }
    fputs("</div>\n", out);
}

/* A cell: its figure, highlighted with a mark per finding and a short explanation to
 * hover where a finding is about it. cls: the column's classes. */
static void html_cell(Html *h, const ModelBlock *b, const ModelCell *c, const char *cls)
{
    FILE *out = h->out;
    const char *kind = c->flags & CELL_IS_TEXT ? " text"
                       : c->flags & CELL_IS_COMPUTED ? " computed"
                       : c->flags & CELL_IS_AGREES ? " agrees" : "";
    if (!c->nfoot) {
        fprintf(out, "<td class=\"%s%s\"", cls, kind);
        if (c->flags & CELL_IS_COMPUTED)
            fprintf(out, " title=\"%s\"", _("computed; the report prints no figure here"));
        fputc('>', out);
        put_text(out, c->text);
        fputs("</td>", out);
        return;
    }
    fprintf(out, "<td class=\"%s differs%s\" title=\"", cls, kind);
    put_hover(out, b->footnotes[c->foot].finding);
    fputs("\"><span class=\"fig\">", out);
    put_text(out, c->text);
    fputs("</span><span class=\"marks\">", out);
    for (int k = 0; k < c->nfoot; k++) {
        int mark = b->footnotes[c->foot + k].mark;
        fprintf(out, "<a class=\"mark\" href=\"#d%d\">%d</a>", mark, mark);
    }
    fputs("</span></td>", out);
}

static void html_table(Html *h, const ModelBlock *b)
{
    FILE *out = h->out;
    int span = 1 + b->notes + b->ncolumns;
    fputs("<div class=\"table-block\">\n<table class=\"fin kind-", out);
    static const char *const kinds[] = {"accounts", "budget", "indicators", "table"};
    fputs(kinds[b->kind], out);
    fputs("\">\n<caption><span class=\"caption-title\">", out);
    put_text(out, b->title);
    fprintf(out, "</span> <span class=\"unit\">%s</span></caption>\n",
            model_unit_title(b->unit));
    fputs("<thead><tr><th scope=\"col\" class=\"label\"></th>", out);
    if (b->notes)
        /* TRANSLATORS: the heading of a table's column of note numbers ("Not" in Swedish). */
        fprintf(out, "<th scope=\"col\" class=\"note\">%s</th>", _("Note"));
    for (int c = 0; c < b->ncolumns; c++) {
        fputs("<th scope=\"col\" class=\"num\">", out);
        put_text(out, b->columns[c].title);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < b->nlines; i++) {
        const ModelLine *l = &b->lines[i];
        if (l->type == LINE_HEADING) {
            section_row(h, l, span);
            continue;
        }
        fprintf(out, "<tr class=\"row d%d%s\"><th scope=\"row\" class=\"label\">",
                l->depth < 6 ? l->depth : 6, l->total ? " total" : "");
        put_text(out, l->label);
        fputs("</th>", out);
        if (b->notes) {
            if (l->note)
                fprintf(out, "<td class=\"note\">%d</td>", l->note);
            else
                fputs("<td class=\"note\"></td>", out);
        }
        for (int c = 0; c < b->ncolumns; c++)
            html_cell(h, b, &l->cells[c], "num");
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
    findings_aside(h, b,
                   ngettext("%d figure in this table disagrees with the figure computed from "
                            "the report",
                            "%d figures in this table disagree with the figures computed "
                            "from the report", (unsigned long)b->nfootnotes));
}

/* An allocation as a table: a row per group (its share of the total, the members'
 * amounts added up, the share computed), its members under it, and the total; a
 * stated figure an allocation finding is about is highlighted and explained, as a
 * table's cells are. */
static void html_alloc(Html *h, const ModelBlock *b)
{
    FILE *out = h->out;
    if (!b->nlines)
        return;
    fputs("<div class=\"table-block\">\n<table class=\"fin alloc\">\n"
          "<caption><span class=\"caption-title\">", out);
    put_text(out, b->title);
    fputs("</span> <span class=\"unit\">kr</span></caption>\n"
          "<thead><tr><th scope=\"col\" class=\"label\"></th>", out);
    static const char *const cls[] = {"num share", "num key", "num stated", "num computed"};
    for (int c = 0; c < b->ncolumns; c++) {
        fprintf(out, "<th scope=\"col\" class=\"%s\">", cls[b->columns[c].id]);
        put_text(out, b->columns[c].title);
        fputs("</th>", out);
    }
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < b->nlines; i++) {
        const ModelLine *l = &b->lines[i];
        const char *type = l->type == LINE_GROUP ? " group"
                           : l->type == LINE_MEMBER ? " member" : " total";
        fprintf(out, "<tr class=\"row d%d%s\"><th scope=\"row\" class=\"label\">", l->depth,
                type);
        put_text(out, l->label);
        fputs("</th>", out);
        for (int c = 0; c < b->ncolumns; c++)
            html_cell(h, b, &l->cells[c], cls[b->columns[c].id]);
        fputs("</tr>\n", out);
    }
    fputs("</tbody>\n</table>\n", out);
    findings_aside(h, b,
                   ngettext("%d figure in this allocation disagrees with its share",
                            "%d figures in this allocation disagree with their shares",
                            (unsigned long)b->nfootnotes));
}
/* ---- charts -------------------------------------------------------------------- */

/* A cell as a chart's hover text shows it: a figure computed where the report prints
 * none after "= " (brackets read as a negative figure). buf holds VALUE_FMT_MAX + 2
 * bytes. */
static const char *cell_shown(const ModelCell *c, char *buf)
{
    if (!(c->flags & CELL_IS_COMPUTED))
        return c->text;
    snprintf(buf, VALUE_FMT_MAX + 2, "= %s", c->text);
    return buf;
}

enum { CHART_W = 720 };

static int64_t abs64(int64_t v)
{
    return v < 0 ? (v == INT64_MIN ? INT64_MAX : -v) : v;
}

/* v * num / den, rounded down, without overflow for any int64 v and pixel-sized num. */
static int64_t scale(int64_t v, int64_t num, int64_t den)
{
    if (den == 0)
        return 0;
    __int128 p = (__int128)v * num;
    __int128 q = p / den;
    if ((p % den != 0) && ((p < 0) != (den < 0)))
        q--;
    return (int64_t)q;
}

/* Budget against actual, a pair of horizontal bars per line. The bars show the size of
 * each amount, scaled to the largest amount of a line that is not a total; the figure
 * beside a bar is the figure as printed, with its sign. A total larger than that is
 * drawn to the end of the scale and broken, so that it does not squeeze the lines it
 * adds up into slivers. */
static void budget_chart(Html *h, const ModelBlock *t)
{
    int ca = t->outcome_column, cb = t->plan_column;
    if (t->alloc || t->kind != T_BUDGET || ca < 0 || cb < 0 || ca == cb)
        return;
    FILE *out = h->out;
    int64_t *amt = mem_alloc(sizeof(int64_t) * 2 * (size_t)(t->nlines + 1));
    int *rows = mem_alloc(sizeof(int) * (size_t)(t->nlines + 1));
    int n = 0, left_out = 0, broken = 0;
    /* the largest amount on either side of zero, of the lines that are not totals */
    int64_t pos = 0, neg = 0, pos_all = 0, neg_all = 0;
    for (int i = 0; i < t->nlines; i++) {
        const ModelLine *r = &t->lines[i];
        if (r->type == LINE_HEADING)
            continue;
        if (!r->cells[ca].has_amount || !r->cells[cb].has_amount) {
            left_out++;
            continue;
        }
        int64_t a = r->cells[ca].amount, b = r->cells[cb].amount;
        amt[2 * n] = a;
        amt[2 * n + 1] = b;
        rows[n++] = i;
        for (int s = 0; s < 2; s++) {
            int64_t v = s ? b : a;
            int64_t *side = v < 0 ? &neg_all : &pos_all;
            *side = abs64(v) > *side ? abs64(v) : *side;
            if (!r->total) {
                side = v < 0 ? &neg : &pos;
                *side = abs64(v) > *side ? abs64(v) : *side;
            }
        }
    }
    if (!n) {
        mem_free(amt);
        mem_free(rows);
        return;
    }
    /* a side only totals reach gets as much room as the other side, or all of it */
    if (!neg && neg_all)
        neg = pos ? (neg_all < pos ? neg_all : pos) : neg_all;
    if (!pos && pos_all)
        pos = neg ? (pos_all < neg ? pos_all : neg) : pos_all;
    int64_t span = pos + neg > 0 ? pos + neg : 1;
    enum { LABEL_W = 300, TOP = 34, ROW_H = 30, BAR_H = 10, VALUE_W = 78, GAP = 8 };
    const int bar_max = CHART_W - LABEL_W - GAP - VALUE_W;
    /* zero: costs and deficits are drawn to its left, income and surpluses to its right */
    const int64_t x0 = LABEL_W + scale(neg, bar_max, span);
    const int height = TOP + n * ROW_H + 6;
    char buf[VALUE_FMT_MAX + 2];
    fprintf(out, "<figure class=\"chart\">\n<svg class=\"budget-chart\" "
                 "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                 "height=\"%d\" role=\"img\"><title>",
            CHART_W, height, CHART_W, height);
    put_text(out, t->title);
    fprintf(out, ": %s</title>\n", _("budget against actual"));
    /* the legend: the two columns' headings */
    for (int b = 0; b < 2; b++) {
        int x = LABEL_W + 8 + b * 200;
        fprintf(out, "<g class=\"legend\"><rect class=\"bar %s-key\" x=\"%d\" y=\"8\" "
                     "width=\"14\" height=\"%d\"/><text x=\"%d\" y=\"17\">",
                b ? "budget" : "actual", x, BAR_H, x + 20);
        put_short(out, t->columns[b ? cb : ca].title, 32);
        fputs("</text></g>\n", out);
    }
    fprintf(out, "<line class=\"axis\" x1=\"%lld\" y1=\"%d\" x2=\"%lld\" y2=\"%d\"/>\n",
            (long long)x0, TOP - 4, (long long)x0, height - 4);
    for (int k = 0; k < n; k++) {
        const ModelLine *r = &t->lines[rows[k]];
        int y = TOP + k * ROW_H;
        fprintf(out, "<g class=\"bar-pair%s\"><text class=\"row-label\" x=\"%d\" y=\"%d\">",
                r->total ? " total" : "", LABEL_W - 8, y + BAR_H + 4);
        put_short(out, r->label, 50);
        fputs("<title>", out);
        put_text(out, r->label);
        fputs("</title></text>", out);
        for (int b = 0; b < 2; b++) {
            int col = b ? cb : ca;
            bool left = amt[2 * k + b] < 0;
            int64_t room = left ? x0 - LABEL_W : LABEL_W + bar_max - x0;
            int64_t w = scale(abs64(amt[2 * k + b]), bar_max, span);
            bool cut = w > room;
            if (cut) {
                w = room;
                broken++;
            }
            int64_t bx = left ? x0 - w : x0;
            int by = y + b * (BAR_H + 1);
            const char *cell = cell_shown(&r->cells[col], buf);
            fprintf(out, "<rect class=\"bar %s%s%s\" x=\"%lld\" y=\"%d\" width=\"%lld\" "
                         "height=\"%d\"><title>",
                    b ? "budget" : "actual", left ? " negative" : "", cut ? " broken" : "",
                    (long long)bx, by, (long long)w, BAR_H);
            put_text(out, t->columns[col].title);
            fputs(": ", out);
            put_text(out, cell);
            fputs("</title></rect>", out);
            if (cut) { /* the break: a white gap slanted across the bar, near its end */
                int64_t gap = left ? bx + 10 : bx + w - 22;
                fprintf(out, "<path class=\"break\" d=\"M%lld %d l6 -%d M%lld %d l6 -%d\"/>",
                        (long long)gap, by + BAR_H + 1, BAR_H + 2, (long long)(gap + 6),
                        by + BAR_H + 1, BAR_H + 2);
            }
            /* the figure right of the bar's end, or of zero for a bar to its left, where
             * the labels leave no room */
            fprintf(out, "<text class=\"value\" x=\"%lld\" y=\"%d\">",
                    (long long)(left ? x0 + 4 : x0 + w + 4), by + BAR_H - 1);
            put_text(out, cell);
            fputs("</text>", out);
        }
        fputs("</g>\n", out);
    }
    fputs("</svg>\n<figcaption>", out);
    put_text(out, t->title);
    fputs(": ", out);
    /* TRANSLATORS: the caption of a budget table's bar chart; %s is the unit. */
    fprintf(out, _("budget against actual per line, in %s. A bar to the left of zero is "
                   "negative (a cost or a deficit), one to the right positive; the figure "
                   "beside it is as printed, with its sign."),
            model_unit_title(t->unit));
    if (broken) {
        fputc(' ', out);
        fputs(_("A total larger than the largest line is drawn broken."), out);
    }
    if (left_out) {
        fputc(' ', out);
        fprintf(out, ngettext("%d line without both figures is not shown.",
                              "%d lines without both figures are not shown.",
                              (unsigned long)left_out), left_out);
    }
    fputs("</figcaption>\n</figure>\n", out);
    mem_free(amt);
    mem_free(rows);
}

static int year_columns(const ModelBlock *t)
{
    int n = 0;
    for (int c = 0; c < t->ncolumns; c++)
        n += t->columns[c].year != 0;
    return n;
}

/* Whole units from micro units, rounded half away from zero. */
static int64_t whole(int64_t micro)
{
    return micro >= 0 ? (micro + NUM_SCALE / 2) / NUM_SCALE : -((-micro + NUM_SCALE / 2) / NUM_SCALE);
}

/* A step of 1, 2 or 5 times a power of ten that divides range into at most about five
 * parts. */
static int64_t tick_step(int64_t range)
{
    int64_t raw = range / 5 > 0 ? range / 5 : 1, p = 1;
    while (p <= raw / 10)
        p *= 10;
    if (p >= raw)
        return p;
    if (2 * p >= raw)
        return 2 * p;
    if (5 * p >= raw)
        return 5 * p;
    return 10 * p;
}

static int64_t floor_to(int64_t v, int64_t step)
{
    int64_t q = v / step;
    if (v % step != 0 && v < 0)
        q--;
    return q * step;
}

static int64_t ceil_to(int64_t v, int64_t step)
{
    int64_t q = v / step;
    if (v % step != 0 && v > 0)
        q++;
    return q * step;
}

/* A whole number Swedish style: "8 000 000", "−2 000 000". */
static void put_whole(FILE *out, int64_t v)
{
    char a[NUM_FMT_MAX], b[2 * NUM_FMT_MAX];
    if (v > INT64_MAX / NUM_SCALE || v < -(INT64_MAX / NUM_SCALE))
        fprintf(out, "%lld", (long long)v);
    else
        put_text(out, swedish_minus(num_format(v * NUM_SCALE, 0, 0, a), b, sizeof b));
}

/* The overview over five years: a line per row of amounts, the years ascending. */
/* The axis of amounts from lo to hi: from a tick below the lowest to one above the
 * highest, zero included, and the step between ticks. */
static void amount_axis(int64_t lo, int64_t hi, int64_t *axis_lo, int64_t *axis_hi,
                        int64_t *step)
{
    const int64_t limit = INT64_MAX / 16;
    lo = lo > 0 ? 0 : lo < -limit ? -limit : lo;
    hi = hi < 0 ? 0 : hi > limit ? limit : hi;
    *step = tick_step(hi - lo > 0 ? hi - lo : 1);
    *axis_lo = floor_to(lo, *step);
    *axis_hi = ceil_to(hi, *step);
    if (*axis_hi == *axis_lo)
        *axis_hi = *axis_lo + *step;
}

/* One line chart of the overview: the series listed (indices into rows, v and has),
 * on an axis of their own from below the lowest to above the highest amount, zero
 * included. */
static void overview_svg(FILE *out, const ModelBlock *t, const int *cols, int ny,
                         const int *rows, const int64_t *v, const bool *has,
                         const int *series, int n)
{
    int64_t lo = 0, hi = 0;
    for (int k = 0; k < n; k++)
        for (int y = 0; y < ny; y++)
            if (has[series[k] * ny + y]) {
                int64_t x = v[series[k] * ny + y];
                lo = x < lo ? x : lo;
                hi = x > hi ? x : hi;
            }
    int64_t axis_lo, axis_hi, step;
    amount_axis(lo, hi, &axis_lo, &axis_hi, &step);
    enum { LEFT = 92, RIGHT = 28, TOP = 24, PLOT_H = 240, LEGEND_ROW = 20 };
    const int plot_w = CHART_W - LEFT - RIGHT;
    const int legend_y = TOP + PLOT_H + 40;
    const int height = legend_y + n * LEGEND_ROW + 4;
#define Y_OF(val) (TOP + scale(axis_hi - (val), PLOT_H, axis_hi - axis_lo))
#define X_OF(i) (LEFT + (ny > 1 ? scale((i), plot_w, ny - 1) : plot_w / 2))
    fprintf(out, "<svg class=\"overview-chart\" "
                 "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" "
                 "height=\"%d\" role=\"img\"><title>",
            CHART_W, height, CHART_W, height);
    put_text(out, t->title);
    fputs("</title>\n", out);
    fprintf(out, "<text class=\"axis-unit\" x=\"%d\" y=\"%d\">%s</text>\n", LEFT - 8, TOP - 10,
            model_unit_title(t->unit));
    /* the ticks of the amounts, and the zero line */
    fputs("<g class=\"y-axis\">", out);
    for (int64_t tv = axis_lo; tv <= axis_hi; tv += step) {
        long long y = (long long)Y_OF(tv);
        fprintf(out, "<line class=\"grid%s\" x1=\"%d\" y1=\"%lld\" x2=\"%d\" y2=\"%lld\"/>"
                     "<text class=\"tick\" x=\"%d\" y=\"%lld\">",
                tv == 0 ? " zero" : "", LEFT, y, CHART_W - RIGHT, y, LEFT - 8, y + 4);
        put_whole(out, tv);
        fputs("</text>", out);
        if (axis_hi - tv < step)
            break;
    }
    fputs("</g>\n<g class=\"x-axis\">", out);
    for (int y = 0; y < ny; y++)
        fprintf(out, "<text class=\"year\" x=\"%lld\" y=\"%d\">%d</text>", (long long)X_OF(y),
                TOP + PLOT_H + 20, t->columns[cols[y]].year);
    fputs("</g>\n", out);
    char buf[VALUE_FMT_MAX + 2];
    for (int k = 0; k < n; k++) {
        int s = series[k];
        const ModelLine *r = &t->lines[rows[s]];
        fprintf(out, "<g class=\"line s%d\"><polyline class=\"series\" points=\"", s % 6 + 1);
        bool first = true;
        for (int y = 0; y < ny; y++) {
            if (!has[s * ny + y])
                continue;
            fprintf(out, "%s%lld,%lld", first ? "" : " ", (long long)X_OF(y),
                    (long long)Y_OF(v[s * ny + y]));
            first = false;
        }
        fputs("\"><title>", out);
        put_text(out, r->label);
        fputs("</title></polyline>", out);
        for (int y = 0; y < ny; y++) {
            if (!has[s * ny + y])
                continue;
            fprintf(out, "<circle class=\"point\" cx=\"%lld\" cy=\"%lld\" r=\"3.5\"><title>",
                    (long long)X_OF(y), (long long)Y_OF(v[s * ny + y]));
            put_text(out, r->label);
            fprintf(out, ", %d: ", t->columns[cols[y]].year);
            put_text(out, cell_shown(&r->cells[cols[y]], buf));
            fputs("</title></circle>", out);
        }
        fputs("</g>\n", out);
    }
    /* the legend, a line per row */
    fputs("<g class=\"legend\">", out);
    for (int k = 0; k < n; k++) {
        int s = series[k];
        int y = legend_y + k * LEGEND_ROW;
        fprintf(out, "<g class=\"legend-item s%d\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
                     "y2=\"%d\"/><circle cx=\"%d\" cy=\"%d\" r=\"3.5\"/><text x=\"%d\" y=\"%d\">",
                s % 6 + 1, LEFT, y, LEFT + 28, y, LEFT + 14, y, LEFT + 38, y + 4);
        put_short(out, t->lines[rows[s]].label, 80);
        fputs("</text></g>", out);
    }
    fputs("</g>\n</svg>\n", out);
#undef Y_OF
#undef X_OF
}

/* The overview over five years: a line per row of amounts, the years ascending. A row
 * whose amounts all lie within a tenth of the axis from zero (the year's result beside
 * revenue and costs) gets a second chart with a scale of its own, where it is not a
 * flat line. */
static void overview_chart(Html *h, const ModelBlock *t)
{
    if (t->alloc || (strcmp(t->name, "overview") != 0 && year_columns(t) < 4))
        return;
    int ny = year_columns(t);
    if (ny < 2)
        return;
    FILE *out = h->out;
    /* the year columns, ascending */
    int *cols = mem_alloc(sizeof(int) * (size_t)ny);
    int k = 0;
    for (int c = 0; c < t->ncolumns; c++)
        if (t->columns[c].year)
            cols[k++] = c;
    for (int a = 1; a < ny; a++)
        for (int b = a; b > 0 && t->columns[cols[b]].year < t->columns[cols[b - 1]].year;
             b--) {
            int x = cols[b];
            cols[b] = cols[b - 1];
            cols[b - 1] = x;
        }
    /* the rows of amounts with two years or more, in whole units */
    int64_t *v = mem_alloc(sizeof(int64_t) * (size_t)ny * (size_t)(t->nlines + 1));
    bool *has = mem_alloc(sizeof(bool) * (size_t)ny * (size_t)(t->nlines + 1));
    int *rows = mem_alloc(sizeof(int) * 3 * (size_t)(t->nlines + 1));
    int64_t *peak = mem_alloc(sizeof(int64_t) * (size_t)(t->nlines + 1));
    int n = 0;
    int64_t lo = 0, hi = 0;
    for (int i = 0; i < t->nlines; i++) {
        const ModelLine *r = &t->lines[i];
        if (r->type != LINE_ROW || r->kind != K_MONEY)
            continue;
        int points = 0;
        peak[n] = 0;
        for (int y = 0; y < ny; y++) {
            has[n * ny + y] = r->cells[cols[y]].has_amount;
            if (!has[n * ny + y])
                continue;
            v[n * ny + y] = whole(r->cells[cols[y]].amount);
            peak[n] = abs64(v[n * ny + y]) > peak[n] ? abs64(v[n * ny + y]) : peak[n];
            points++;
        }
        if (points < 2)
            continue;
        for (int y = 0; y < ny; y++)
            if (has[n * ny + y]) {
                lo = v[n * ny + y] < lo ? v[n * ny + y] : lo;
                hi = v[n * ny + y] > hi ? v[n * ny + y] : hi;
            }
        rows[n++] = i;
    }
    int64_t axis_lo, axis_hi, step;
    amount_axis(lo, hi, &axis_lo, &axis_hi, &step);
    int64_t range = axis_hi - axis_lo;
    /* the series of the first chart, then those of the second */
    int *large = rows + t->nlines + 1, *small = large + t->nlines + 1;
    int nlarge = 0, nsmall = 0;
    for (int s = 0; s < n; s++) {
        if (peak[s] < range / 10)
            small[nsmall++] = s;
        else
            large[nlarge++] = s;
    }
    if (n) {
        fputs("<figure class=\"chart\">\n", out);
        overview_svg(out, t, cols, ny, rows, v, has, large, nlarge);
        if (nsmall)
            overview_svg(out, t, cols, ny, rows, v, has, small, nsmall);
        fputs("<figcaption>", out);
        put_text(out, t->title);
        fputs(": ", out);
        /* TRANSLATORS: the caption of the overview's line chart: "the amounts of 5 years,
         * in kr." */
        fprintf(out, ngettext("the amounts of %d year, in %s.",
                              "the amounts of %d years, in %s.", (unsigned long)ny),
                ny, model_unit_title(t->unit));
        if (nsmall) {
            fputc(' ', out);
            fputs(_("The lines far smaller than the others are in the second chart, on a "
                    "scale of their own."), out);
        }
        fputs("</figcaption>\n</figure>\n", out);
    }
    mem_free(cols);
    mem_free(v);
    mem_free(has);
    mem_free(rows);
    mem_free(peak);
}

/* ---- checks -------------------------------------------------------------------- */

/* Escaped text in a buffer of its own, to put into a translated sentence; mem_free()
 * it. */
static char *escaped(const char *s, bool is_value, const Value *v)
{
    MemText t;
    FILE *m = mem_text_open(&t);
    if (is_value)
        put_value(m, v);
    else
        put_text(m, s);
    return mem_text_close(&t);
}

/* "<code>a</code> is <span>5 kr</span>": an operand and its value, in a sentence. */
static void put_operand_is(FILE *out, const Operand *o)
{
    char *text = escaped(o->text, false, NULL), *value = escaped(NULL, true, &o->value);
    size_t n = (text ? strlen(text) : 0) + 64, m = (value ? strlen(value) : 0) + 64;
    char *code = mem_alloc(n), *span = mem_alloc(m);
    snprintf(code, n, "<code>%s</code>", text ? text : "");
    snprintf(span, m, "<span class=\"value\">%s</span>", value ? value : "");
    /* TRANSLATORS: "balance.equity[year] is 2 958 574 kr": an operand of a failed check
     * and its value. */
    fprintf(out, _("%s is %s"), code, span);
    mem_free(code);
    mem_free(span);
    mem_free(text);
    mem_free(value);
}

/* " (2025.fin:290:60)": where in another file the figure of operand i is, when the
 * check reads one there (a rule reading the year file: finding_points_at). */
static void put_figure_place(FILE *out, const Finding *f, int i)
{
    if (!finding_points_at(f, i))
        return;
    fputs(" <span class=\"place\">(", out);
    put_place(out, f->operands[i].at);
    fputs(")</span>", out);
}

/* The further alternatives of a run that failed with `or`, each false: "; or
 * <code>b &gt; 0</code>: b is -5 kr, 0 is 0 kr; difference -5 kr". */
static void put_alternatives(FILE *out, const Finding *f)
{
    for (int k = 1; k < f->nalternatives; k++) {
        const Alternative *alt = &f->alternatives[k];
        fputs("; <span class=\"alternative\">", out);
        /* TRANSLATORS: before another alternative of a failed 'or' in the HTML report */
        fprintf(out, "%s <code>", _("or"));
        put_text(out, alt->text);
        fputs("</code>: ", out);
        if (!alt->compared) {
            put_text(out, _("false"));
        } else {
            put_operand_is(out, &alt->sides[0]);
            fputs(", ", out);
            put_operand_is(out, &alt->sides[1]);
        }
        if (alt->has_difference) {
            Finding d = {.has_difference = true, .difference = alt->difference,
                         .difference_kind = alt->difference_kind,
                         .difference_unit = alt->difference_unit};
            fprintf(out, "; %s <span class=\"value\">", _("difference"));
            put_difference(out, &d);
            fputs("</span>", out);
        }
        fputs("</span>", out);
    }
}

static void failed_run(FILE *out, const Finding *f)
{
    fputs("<li>", out);
    put_wrapped(out, "<span class=\"where\">", f->where, ":</span> ");
    int from = 0;
    if (f->type == FIND_CHECK && f->noperands >= 2) {
        put_operand_is(out, &f->operands[0]);
        put_figure_place(out, f, 0);
        fputs(", ", out);
        put_operand_is(out, &f->operands[1]);
        put_figure_place(out, f, 1);
        from = 2;
    } else if (f->message) {
        put_text(out, f->message);
    }
    if (f->has_difference) {
        fprintf(out, "; %s <span class=\"value\">", _("difference"));
        put_difference(out, f);
        fputs("</span>", out);
    }
    if (from < f->noperands) {
        fprintf(out, "; %s ", _("operands"));
        for (int i = from; i < f->noperands; i++) {
            fputs(i > from ? ", <code>" : "<code>", out);
            put_text(out, f->operands[i].text);
            fputs("</code> ", out);
            put_value(out, &f->operands[i].value);
            put_figure_place(out, f, i);
        }
    }
    put_alternatives(out, f);
    fputs(" <span class=\"place\">(", out);
    put_place(out, f->loc);
    fputs(")</span>", out);
    put_review_full(out, "div", f);
    fputs("</li>\n", out);
}

/* Whether an auditor decided on every failed run of a check: then it fails nothing, and
 * is shown as reviewed, not as failed. */
static bool all_reviewed(const ModelCheck *mc)
{
    for (int k = 0; k < mc->failed; k++)
        if (!mc->failures[k]->explained || !mc->failures[k]->explained->review)
            return false;
    return mc->failed > 0;
}

/* A section of the page with its heading; the caller ends it with </section>. */
static void section_begin(FILE *out, const char *cls, const char *id, const char *title)
{
    fprintf(out, "<section class=\"%s\" id=\"%s\">\n<h2>", cls, id);
    put_text(out, title);
    fputs("</h2>\n", out);
}

/* The outcome of a check every failed run of which is reviewed: "accepted" when each
 * was accepted, else "to be corrected" (the auditor's words, as beside each run). */
static const char *reviewed_word(const ModelCheck *mc)
{
    for (int k = 0; k < mc->failed; k++)
        if (mc->failures[k]->explained->review->decision != REVIEW_ACCEPTED)
            return review_decision_text(REVIEW_TO_CORRECT);
    return review_decision_text(REVIEW_ACCEPTED);
}

static void html_checks(Html *h)
{
    FILE *out = h->out;
    const Model *m = h->m;
    section_begin(out, "checks", "checks", _("Checks"));
    int count[5] = {0}, nruns = 0;
    for (int i = 0; i < m->nchecks; i++) {
        const ModelCheck *mc = &m->checks[i];
        nruns += mc->runs;
        count[mc->outcome == OUTCOME_NOT_RUN || mc->outcome == OUTCOME_NOT_IN_FORCE ? 3
              : mc->outcome == OUTCOME_PASSED ? 0
              : all_reviewed(mc) ? 4 : mc->check->severity == SEV_ERROR ? 1 : 2]++;
    }
    fputs("<p class=\"lead\">", out);
    /* each count its own plural: Swedish says "1 godkänd" but "2 godkända" */
    char part[6][64];
    snprintf(part[0], sizeof part[0], ngettext("%d check", "%d checks", (unsigned long)m->nchecks),
             m->nchecks);
    snprintf(part[1], sizeof part[1], ngettext("%d passed", "%d passed", (unsigned long)count[0]),
             count[0]);
    snprintf(part[2], sizeof part[2], ngettext("%d failed", "%d failed", (unsigned long)count[1]),
             count[1]);
    snprintf(part[3], sizeof part[3],
             ngettext("%d with a warning", "%d with a warning", (unsigned long)count[2]),
             count[2]);
    snprintf(part[4], sizeof part[4], ngettext("%d not run", "%d not run", (unsigned long)count[3]),
             count[3]);
    /* TRANSLATORS: how many times the checks in the rule files ran, in "45 checks in
     * the rule files, run 340 times: ..." */
    snprintf(part[5], sizeof part[5], ngettext("run %d time", "run %d times", (unsigned long)nruns),
             nruns);
    /* TRANSLATORS: the counts of the checks in the rule files, how many times they ran
     * (each run is one of the checks the summary line at the top counts, with the
     * figures compared with their formulas), and the checks by outcome: "45 checks in
     * the rule files, run 340 times: 40 passed, 3 failed, 2 with a warning, 0 not run." */
    fprintf(out, _("%s in the rule files, %s: %s, %s, %s, %s."), part[0], part[5], part[1],
            part[2], part[3], part[4]);
    if (count[4]) {
        fputc(' ', out);
        /* TRANSLATORS: after the counts of the checks: those whose failed runs an auditor
         * decided on, which fail nothing. */
        fprintf(out, ngettext("%d reviewed by the auditors.", "%d reviewed by the auditors.",
                              (unsigned long)count[4]), count[4]);
    }
    fprintf(out, " %s</p>\n", _("A check on several columns or rows runs once for each; a "
                                "failed run is explained under its check."));
    fputs("<ol class=\"check-list\">\n", out);
    for (int i = 0; i < m->nchecks; i++) {
        const ModelCheck *mc = &m->checks[i];
        const Check *c = mc->check;
        int runs = mc->runs, failed = mc->failed;
        bool in_force = mc->outcome != OUTCOME_NOT_IN_FORCE;
        bool reviewed = all_reviewed(mc);
        const char *cls = !in_force ? "not-run not-in-force" : runs == 0 ? "not-run"
                          : !failed ? "passed" : reviewed ? "reviewed"
                          : c->severity == SEV_ERROR ? "failed" : "warning";
        /* TRANSLATORS: the outcome of a check in the HTML report. */
        const char *word = !in_force ? _("not in force") : runs == 0 ? _("not run")
                           : !failed ? _("passed")
                           : reviewed ? reviewed_word(mc)
                           : c->severity == SEV_ERROR ? _("FAILED") : _("warning");
        fprintf(out, "<li class=\"check %s\" id=\"c-", cls);
        put_text(out, c->name);
        fprintf(out, "\"><span class=\"outcome\">%s</span>"
                     "<div class=\"check-body\"><p class=\"check-title\">",
                word);
        put_text(out, c->title ? c->title : c->name);
        fputs(" <code class=\"name\">", out);
        put_text(out, c->name);
        fputs("</code>", out);
        /* the severity beside a failed check only: beside a passed one it reads as the
         * outcome ("passed ... error") */
        if (failed)
            fprintf(out, " <span class=\"severity\">%s</span>",
                    c->severity == SEV_ERROR ? _("error") : _("warning"));
        if (runs > 1) {
            fputs(" <span class=\"runs\">", out);
            if (failed)
                fprintf(out, ngettext("%d run", "%d runs", (unsigned long)runs), runs);
            else
                fprintf(out, ngettext("%d run, passed", "%d runs, all passed",
                                      (unsigned long)runs), runs);
            fputs("</span>", out);
        }
        if (mc->not_run) {
            /* the reasons are listed under "Not run", in the order of their places */
            fputs(" <a class=\"runs not-run-count\" href=\"#not-run\">", out);
            /* TRANSLATORS: beside a check in the HTML report: how many of its runs
             * could not run, a link to the list of reasons. */
            fprintf(out, ngettext("%d run not run", "%d runs not run",
                                  (unsigned long)mc->not_run), mc->not_run);
            fputs("</a>", out);
        }
        fputs("</p>\n", out);
        if (c->source) {
            fputs("<p class=\"source\">", out);
            put_text(out, c->source);
            fputs("</p>\n", out);
        }
        if (failed) {
            /* the headline is the check's title above, then its figures and message;
             * the condition as written is a detail to open, over the lines it is
             * written on */
            fputs("<div class=\"explain\"><ul class=\"failed-runs\">\n", out);
            for (int k = 0; k < mc->failed; k++)
                if (mc->failures[k]->explained)
                    failed_run(out, mc->failures[k]->explained);
            fputs("</ul>\n", out);
            if (c->message) {
                fputs("<p class=\"message\">", out);
                put_text(out, c->message);
                fputs("</p>\n", out);
            }
            /* TRANSLATORS: the summary of the condition of a failed check, as written
             * in the rule file, which the HTML report shows when it is opened. */
            fprintf(out, "<details class=\"expr\"><summary>%s</summary><code>",
                    _("the condition as written"));
            put_lines(out, c->expr->loc);
            fputs("</code></details>\n</div>\n", out);
        }
        fputs("</div></li>\n", out);
    }
    fputs("</ol>\n</section>\n", out);
}

/* A section that lists n items (none: no section), each written by item, after the
 * lead paragraph if there is one. */
static void item_list(Html *h, const char *id, const char *title, const char *lead, int n,
                      void (*item)(Html *, int))
{
    if (!n)
        return;
    section_begin(h->out, id, id, title);
    if (lead) {
        fputs("<p class=\"lead\">", h->out);
        put_text(h->out, lead);
        fputs("</p>\n", h->out);
    }
    fputs("<ol class=\"not-run-list\">\n", h->out);
    for (int i = 0; i < n; i++)
        item(h, i);
    fputs("</ol>\n</section>\n", h->out);
}

/* What did not run, and why, as check --verbose lists it: each check run, stated
 * figure and note that could not be checked, with its reason and places. */
static void not_run_item(Html *h, int i)
{
    FILE *out = h->out;
    const Model *m = h->m;
    const NotRun *n = m->not_run[i].not_run;
    const Check *c = m->not_run[i].check;
    fputs("<li class=\"not-run-item\"><p>", out);
    if (c) {
        fputs("<a href=\"#c-", out);
        put_text(out, c->name);
        fputs("\">", out);
    }
    put_text(out, n->message);
    fputs(c ? "</a>" : "", out);
    fputs(" <code class=\"name\">", out);
    put_text(out, n->tag);
    fputs("</code>", out);
    put_wrapped(out, "<span class=\"where\">, ", n->where, "</span>");
    fputs("</p>\n<p class=\"why\">", out);
    char *reason = escaped(n->reason, false, NULL);
    fprintf(out, _("because %s"), reason ? reason : "");
    mem_free(reason);
    fputs(" <span class=\"place\">(", out);
    put_place(out, n->loc);
    if (n->reason_at.src) {
        fputs("; ", out);
        MemText t;
        put_place(mem_text_open(&t), n->reason_at);
        char *at = mem_text_close(&t);
        fprintf(out, _("see %s"), at);
        mem_free(at);
    }
    fputs(")</span></p></li>\n", out);
}

static void html_not_run(Html *h)
{
    char lead[256];
    snprintf(lead, sizeof lead,
             ngettext("%d check or figure could not be checked; each with the reason.",
                      "%d checks or figures could not be checked; each with the reason.",
                      (unsigned long)h->m->nnot_run), h->m->nnot_run);
    item_list(h, "not-run", _("Not run"), lead, h->m->nnot_run, not_run_item);
}

/* Each mapped row's figure in the ledger and the accounts behind it (ledger.c), as the
 * text report lists them under "The ledger". */
static void ledger_item(Html *h, int i)
{
    FILE *out = h->out;
    const LedgerFigure *f = h->m->ledger[i];
    const char *outcome = render_ledger_outcome(f);
    fprintf(out, "<li class=\"ledger-item%s\"><p><code class=\"name\">",
            f->compared && !f->agrees ? " differs" : "");
    put_text(out, f->table->name);
    fputc('.', out);
    put_text(out, f->row->name);
    fprintf(out, "</code>, %d: <b>", f->column->key.year);
    put_value(out, &f->figure);
    fputs("</b>, ", out);
    put_text(out, outcome);
    fputs("</p>\n", out);
    for (int k = 0; k < f->nparts; k++) {
        char amount[VALUE_FMT_MAX], minus[2 * VALUE_FMT_MAX];
        fputs("<p class=\"why\">", out);
        render_ledger_account(out, &f->parts[k], put_text);
        fputc(' ', out);
        put_text(out, swedish_minus(render_ledger_amount(&f->parts[k], amount), minus,
                                    sizeof minus));
        fputs("</p>\n", out);
    }
    fputs("</li>\n", out);
}

static void html_ledger(Html *h)
{
    item_list(h, "ledger", _("The ledger"), NULL, h->m->nledger, ledger_item);
}

/* Findings no table or allocation shows: a figure outside them. */
static void other_findings(Html *h)
{
    const Model *m = h->m;
    if (m->nmarked == m->nshown)
        return;
    section_begin(h->out, "other", "other", _("Other findings"));
    fputs("<aside class=\"findings\"><ol>\n", h->out);
    for (int i = m->nshown; i < m->nmarked; i++)
        explain_finding(h, m->marked[i].finding, m->marked[i].mark);
    fputs("</ol></aside>\n</section>\n", h->out);
}

/* ---- parameters ------------------------------------------------------------------ */

/* The parameters in force for the report's year, as `finsam rules` and the text report
 * list them: each value, who set it (the rule set, or the federation for a local
 * parameter), from when, its source, and the file and line that set it. */
static void html_parameters(Html *h)
{
    FILE *out = h->out;
    const Model *m = h->m;
    if (!m->nparams)
        return;
    int year = m->year;
    section_begin(out, "parameters", "parameters", _("Parameters"));
    fputs("<p class=\"lead\">", out);
    fprintf(out, _("The values in force for %d, and where each came from: the rule set, or "
                   "the federation for a parameter the rule set leaves to it."), year);
    fputs("</p>\n<table class=\"params\">\n<thead><tr>", out);
    /* TRANSLATORS: the headings of the HTML report's table of parameters. */
    const char *heads[] = {_("Parameter"), _("Value"), _("Set by"), _("In force from"),
                           _("Source"), _("Set at")};
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        fprintf(out, "<th scope=\"col\">%s</th>", heads[i]);
    fputs("</tr></thead>\n<tbody>\n", out);
    for (int i = 0; i < m->nparams; i++) {
        const Param *first = m->params[i].first, *p = m->params[i].in_force;
        fprintf(out, "<tr class=\"param %s%s\"><th scope=\"row\" class=\"name\"><code>",
                !p ? "by-none" : p->federation ? "by-federation" : "by-rule-set",
                first->local ? " local" : "");
        put_text(out, first->full_name);
        fputs("</code>", out);
        put_span(out, "", "title", first->title);
        fputs("</th><td class=\"value\">", out);
        if (p) {
            Value v = value_of_literal(&p->value);
            v.printed = false;
            put_value(out, &v);
        } else {
            put_text(out, _("(none in force)"));
        }
        fputs("</td><td class=\"set-by\">", out);
        /* TRANSLATORS: who set a parameter's value in force, in the HTML report. */
        put_text(out, !p ? "" : p->federation ? _("the federation") : _("the rule set"));
        if (first->local) {
            fputs(" <span class=\"local-note\">", out);
            put_text(out, p && p->federation ? _("(declared local)")
                                             : _("(local: a federation may set its own)"));
            fputs("</span>", out);
        }
        fputs("</td><td class=\"from\">", out);
        const Param *s = p ? p : first;
        if (s->from)
            fprintf(out, "%04d-%02d-%02d", s->from / 10000, s->from / 100 % 100, s->from % 100);
        fputs("</td><td class=\"source\">", out);
        put_text(out, s->source);
        fputs("</td><td class=\"place\">", out);
        put_place(out, p ? p->name_loc : first->name_loc);
        if (p && p->federation) {
            fputs("<span class=\"declared\">", out);
            /* TRANSLATORS: under where a federation set a local parameter: where the
             * rule set declares it. */
            fprintf(out, "%s ", _("declared at"));
            put_place(out, first->name_loc);
            fputs("</span>", out);
        }
        fputs("</td></tr>\n", out);
    }
    fputs("</tbody>\n</table>\n</section>\n", out);
}

/* ---- the page ------------------------------------------------------------------ */

static const char STYLE[] =
    ":root{--ink:#1b2430;--muted:#5d6877;--rule:#d9dee5;--rule-strong:#27313d;"
    "--accent:#1f4e79;--accent-soft:#eaf1f8;--bad:#b42318;--bad-soft:#fdeceb;"
    "--warn:#a15c07;--warn-soft:#fdf3e3;--ok:#1c7444;--ok-soft:#e6f4ec;"
    "--actual:#1f4e79;--budget:#a9bfd6}\n"
    "*{box-sizing:border-box}\n"
    "html{-webkit-print-color-adjust:exact;print-color-adjust:exact}\n"
    "body{margin:0;color:var(--ink);background:#f3f5f8;"
    "font-family:\"Source Sans 3\",\"Source Sans Pro\",\"Segoe UI\",\"Helvetica Neue\","
    "Helvetica,Arial,\"Liberation Sans\",\"DejaVu Sans\",sans-serif;"
    "font-size:15px;line-height:1.45}\n"
    ".page{max-width:960px;margin:0 auto;padding:40px 56px 56px;background:#fff;"
    "box-shadow:0 1px 4px rgba(20,30,45,.12)}\n"
    "header.cover{border-bottom:3px solid var(--accent);padding-bottom:18px;margin-bottom:8px}\n"
    ".federation{margin:0;color:var(--accent);font-size:13px;font-weight:600;"
    "letter-spacing:.06em;text-transform:uppercase}\n"
    "h1{margin:6px 0 4px;font-size:32px;line-height:1.15;font-weight:700}\n"
    ".meta{margin:0;color:var(--muted);font-size:13px}\n"
    ".meta span+span::before{content:\"\\00b7\";margin:0 .5em;color:var(--rule)}\n"
    ".summary{margin:14px 0 0;font-size:13px;color:var(--muted)}\n"
    ".cards{display:flex;gap:10px;margin:16px 0 0;padding:0;list-style:none}\n"
    ".cards li{flex:1;border:1px solid var(--rule);border-top-width:4px;border-radius:4px;"
    "padding:8px 12px;background:#fff}\n"
    ".cards b{display:block;font-size:24px;line-height:1.1;font-variant-numeric:tabular-nums}\n"
    ".cards span{font-size:12px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}\n"
    ".cards .all{border-top-color:var(--accent)}.cards .passed{border-top-color:var(--ok)}"
    ".cards .failed{border-top-color:var(--bad)}.cards .warnings{border-top-color:var(--warn)}\n"
    ".cards .failed b{color:var(--bad)}.cards .warnings b{color:var(--warn)}"
    ".cards .passed b{color:var(--ok)}.cards .not-run{border-top-color:var(--muted)}\n"
    "section.glance{margin:20px 0 0}\n"
    "section.glance h2,nav.contents h2{font-size:12px;margin:0 0 6px;color:var(--muted);"
    "text-transform:uppercase;letter-spacing:.06em;border:0;padding:0}\n"
    "ol.glance-list{list-style:none;margin:0;padding:0;font-size:13px;"
    "border-top:1px solid var(--rule)}\n"
    "li.glance{display:flex;gap:10px;align-items:baseline;padding:4px 0;"
    "border-bottom:1px solid var(--rule);break-inside:avoid}\n"
    "li.glance p{margin:0}\n"
    "li.glance .key{flex:none;width:6.4em;text-align:center}\n"
    "li.glance .outcome{display:inline-block;min-width:100%;font-size:10.5px;font-weight:700;"
    "letter-spacing:.03em;border-radius:3px;padding:1px .35em;white-space:nowrap}\n"
    "li.glance.failed .outcome{background:var(--bad);color:#fff}\n"
    "li.glance.warning .outcome{background:var(--warn-soft);color:var(--warn);"
    "box-shadow:inset 0 0 0 1px var(--warn)}\n"
    "li.glance .in{color:var(--muted)}li.glance .in::after{content:\" \\203a\"}\n"
    "li.glance .figures{color:var(--muted);white-space:nowrap}\n"
    "li.glance .figures b{color:var(--ink)}li.glance .figures b.stated{color:var(--bad)}\n"
    "li.glance a{color:var(--ink);font-weight:600;text-decoration:none}\n"
    "li.glance a.mark{color:#fff}\n"
    "li.glance .why{color:var(--muted)}\n"
    "nav.contents{margin:20px 0 6px;font-size:13px}\n"
    "nav.contents ol{columns:2;column-gap:32px;margin:0;padding-left:1.6em}\n"
    "nav.contents li{break-inside:avoid}\n"
    "nav.contents a{color:var(--ink);text-decoration:none}\n"
    "nav.contents .count{color:var(--bad);font-weight:600;margin-left:.4em}\n"
    "h2{font-size:20px;margin:36px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--rule);"
    "color:var(--accent);break-after:avoid}\n"
    "section.report-table{margin:26px 0 0}\n"
    ".table-block{break-inside:avoid}\n"
    "table.fin{width:100%;border-collapse:collapse;font-size:14px;line-height:1.3}\n"
    "table.fin caption{text-align:left;font-weight:700;font-size:16px;padding:0 0 6px;"
    "caption-side:top}\n"
    "table.fin caption .unit{font-weight:400;font-size:12px;color:var(--muted);"
    "border:1px solid var(--rule);border-radius:3px;padding:0 5px;margin-left:6px;"
    "vertical-align:2px}\n"
    "table.fin thead th{font-size:12px;font-weight:600;color:var(--muted);vertical-align:bottom;"
    "border-bottom:1.5px solid var(--rule-strong);padding:4px 6px}\n"
    "table.fin th,table.fin td{padding:3px 6px;border-bottom:1px solid var(--rule)}\n"
    "table.fin th.label{text-align:left;font-weight:400;width:46%}\n"
    "table.fin thead th.label{width:auto}\n"
    "table.fin .note{text-align:center;width:3.2em;color:var(--muted)}\n"
    "table.fin .num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;"
    "padding-right:1.9em;position:relative}\n"
    "table.fin thead th.num{white-space:normal}\n"
    "table.fin td.text{white-space:normal;font-style:italic;color:var(--muted)}\n"
    "table.fin td.computed{color:var(--muted);font-style:italic}\n"
    "table.fin tr.section th{text-align:left;font-weight:700;padding-top:9px;"
    "border-bottom:1px solid var(--rule)}\n"
    "table.fin tr.section.empty th{font-weight:600;font-style:italic;color:var(--muted)}\n"
    "table.fin tr.total th,table.fin tr.total td{font-weight:700;"
    "border-top:1px solid var(--rule-strong)}\n"
    "table.alloc tr.group th{font-weight:600}\n"
    "table.alloc td.text{font-style:normal}\n"
    "section.parameters .lead{color:var(--muted);font-size:13px;margin:0 0 10px}\n"
    "table.params{width:100%;border-collapse:collapse;font-size:13px;line-height:1.3}\n"
    "table.params th,table.params td{text-align:left;vertical-align:top;padding:4px 6px;"
    "border-bottom:1px solid var(--rule)}\n"
    "table.params thead th{font-size:12px;font-weight:600;color:var(--muted);"
    "border-bottom:1.5px solid var(--rule-strong)}\n"
    "table.params th.name{font-weight:400}table.params .title{display:block;"
    "color:var(--muted);font-size:12px}\n"
    "table.params td.value{white-space:nowrap;font-variant-numeric:tabular-nums}\n"
    "table.params span.local-note,table.params span.declared{display:block;color:var(--muted);"
    "font-size:12px}\n"
    "table.params th.name{width:26%}table.params td.source{width:30%}\n"
    "table.params td.from{white-space:nowrap}\n"
    "table.params td.place{font-size:12px;color:var(--muted);overflow-wrap:anywhere}\n"
    "table.params tr{break-inside:avoid}\n"
    "table.fin tbody tr:last-child th,table.fin tbody tr:last-child td{"
    "border-bottom:1.5px solid var(--rule-strong)}\n"
    "tr.d1 th.label,tr.section.d1 th{padding-left:1.4em}"
    "tr.d2 th.label,tr.section.d2 th{padding-left:2.6em}"
    "tr.d3 th.label,tr.section.d3 th{padding-left:3.8em}"
    "tr.d4 th.label,tr.section.d4 th,tr.d5 th.label,tr.section.d5 th,"
    "tr.d6 th.label,tr.section.d6 th{padding-left:5em}\n"
    "table.fin td.differs{background:var(--bad-soft);color:var(--bad);font-weight:700;"
    "box-shadow:inset 0 0 0 1.5px var(--bad)}\n"
    ".marks{position:absolute;right:2px;top:50%;transform:translateY(-50%);"
    "display:inline-flex;gap:1px}\n"
    ".mark{display:inline-block;min-width:1.45em;height:1.45em;line-height:1.45em;"
    "border-radius:50%;background:var(--bad);color:#fff;font-size:10.5px;font-weight:700;"
    "text-align:center;text-decoration:none;font-style:normal}\n"
    "aside.findings{margin:8px 0 0;padding:8px 12px 8px 12px;background:var(--bad-soft);"
    "border-left:4px solid var(--bad);border-radius:0 4px 4px 0;font-size:13px}\n"
    "aside.findings .findings-title{margin:0 0 4px;font-weight:700;color:var(--bad)}\n"
    "aside.findings ol{list-style:none;margin:0;padding:0}\n"
    "li.finding{display:flex;gap:10px;padding:6px 0;border-top:1px solid #f3c9c5}\n"
    "li.finding:first-child{border-top:0}\n"
    "li.finding>.mark{flex:none;margin-top:2px}\n"
    "li.finding p{margin:0}\n"
    "li.finding .message{font-weight:600}\n"
    "dl.figures{display:flex;flex-wrap:wrap;gap:2px 18px;margin:3px 0 2px}\n"
    "dl.figures div{display:flex;gap:6px}\n"
    "dl.figures dt{color:var(--muted)}dl.figures dd{margin:0;font-weight:600;"
    "font-variant-numeric:tabular-nums}\n"
    "dl.figures dd.stated{color:var(--bad)}\n"
    "code{font-family:\"DejaVu Sans Mono\",\"Liberation Mono\",Menlo,Consolas,monospace;"
    "font-size:.88em}\n"
    ".place{color:var(--muted);font-size:11.5px}\n"
    "figure.chart{margin:14px 0 0;break-inside:avoid}\n"
    "figure.chart svg{display:block;width:100%;height:auto}\n"
    "figure.chart figcaption{font-size:12px;color:var(--muted);margin-top:4px}\n"
    "svg text{font-family:inherit;font-size:11px;fill:var(--ink)}\n"
    "svg .row-label{text-anchor:end}svg .bar-pair.total .row-label{font-weight:700}\n"
    "svg .value{font-size:10px;fill:var(--muted);font-variant-numeric:tabular-nums}\n"
    "svg rect.actual,svg rect.actual-key{fill:var(--actual)}"
    "svg rect.budget,svg rect.budget-key{fill:var(--budget)}\n"
    "svg .axis{stroke:var(--rule-strong);stroke-width:1}\n"
    "svg path.break{stroke:#fff;stroke-width:3}\n"
    "svg .grid{stroke:var(--rule);stroke-width:1}svg .grid.zero{stroke:var(--rule-strong)}\n"
    "svg .tick{text-anchor:end;font-size:10.5px;fill:var(--muted);"
    "font-variant-numeric:tabular-nums}\n"
    "svg .year{text-anchor:middle;fill:var(--muted)}\n"
    "svg .axis-unit{text-anchor:end;font-size:10.5px;fill:var(--muted)}\n"
    "svg polyline.series{fill:none;stroke-width:2.5;stroke-linejoin:round}\n"
    "svg .legend-item line{stroke-width:2.5}\n"
    ".s1{--c:#1f4e79}.s2{--c:#d0771e}.s3{--c:#2e8b57}.s4{--c:#7a4fb0}.s5{--c:#b42318}"
    ".s6{--c:#3b8ea5}\n"
    "svg .line polyline,svg .legend-item line{stroke:var(--c)}"
    "svg .line circle,svg .legend-item circle{fill:#fff;stroke:var(--c);stroke-width:2}\n"
    "section.checks .lead{color:var(--muted);font-size:13px;margin:0 0 10px}\n"
    "ol.check-list{list-style:none;margin:0;padding:0;font-size:13.5px}\n"
    "li.check{display:flex;gap:12px;padding:6px 0;border-bottom:1px solid var(--rule);"
    "break-inside:avoid}\n"
    "li.check .outcome{flex:none;width:8em;text-align:center;font-size:11px;"
    "font-weight:700;letter-spacing:.03em;border-radius:3px;padding:2px .4em;height:1.8em;"
    "margin-top:1px;white-space:nowrap}\n"
    "li.passed .outcome{background:var(--ok-soft);color:var(--ok)}\n"
    "li.failed .outcome{background:var(--bad);color:#fff}\n"
    "li.warning .outcome{background:var(--warn-soft);color:var(--warn);"
    "box-shadow:inset 0 0 0 1px var(--warn)}\n"
    "li.not-run .outcome{background:#eef0f3;color:var(--muted)}\n"
    "ol.not-run-list{margin:0;padding-left:1.4em;font-size:13.5px}\n"
    "li.not-run-item{padding:4px 0;border-bottom:1px solid var(--rule);break-inside:avoid}\n"
    "li.not-run-item p{margin:0}li.not-run-item .name{color:var(--muted);margin-left:.3em}\n"
    "li.not-run-item .why,li.not-run-item .place{font-size:12px;color:var(--muted)}\n"
    "li.ledger-item{padding:4px 0;border-bottom:1px solid var(--rule);break-inside:avoid}\n"
    "li.ledger-item p{margin:0}li.ledger-item .why{font-size:12px;color:var(--muted)}\n"
    "li.ledger-item.differs b{color:var(--bad)}\n"
    ".check-body{flex:1;min-width:0}\n"
    ".check-body p{margin:0}\n"
    ".check-title{font-weight:600}\n"
    ".check-title .name{font-weight:400;color:var(--muted);margin-left:.3em}\n"
    ".check-title .severity,.check-title .runs{font-weight:400;font-size:11.5px;"
    "color:var(--muted);margin-left:.4em}\n"
    ".check-body .source{font-size:12px;color:var(--muted)}\n"
    ".explain{margin-top:5px;padding:6px 10px;border-radius:4px;background:var(--bad-soft);"
    "border-left:3px solid var(--bad)}\n"
    "li.warning .explain{background:var(--warn-soft);border-left-color:var(--warn)}\n"
    ".explain .expr code{display:block;white-space:pre-wrap}\n"
    ".explain .expr summary{font-size:12px;color:var(--muted);cursor:pointer}\n"
    ".explain ul{margin:3px 0;padding-left:1.2em}\n"
    ".explain .message{font-style:italic}\n"
    /* an auditor's decision: it fails nothing, so it is not red */
    "li.reviewed .outcome,li.glance.reviewed .outcome{background:var(--accent-soft);"
    "color:var(--accent);box-shadow:inset 0 0 0 1px var(--accent)}\n"
    "li.reviewed .explain{background:var(--accent-soft);border-left-color:var(--accent)}\n"
    ".review-full{margin:3px 0 0;padding:2px 6px;border-left:3px solid var(--accent);"
    "background:var(--accent-soft)}\n"
    ".review-full .reviewed{font-size:11px;font-weight:700;color:var(--accent)}\n"
    ".review-full .reason{font-style:italic}\n"
    ".cards .reviewed{border-top-color:var(--accent)}.cards .reviewed b{color:var(--accent)}\n"
    "footer{margin-top:32px;padding-top:8px;border-top:1px solid var(--rule);font-size:11.5px;"
    "color:var(--muted)}\n"
    "@page{size:A4;margin:16mm 15mm 18mm 15mm;"
    "@bottom-right{content:counter(page) \" / \" counter(pages);font-size:8pt;color:#5d6877}}\n"
    "@media print{"
    "body{background:#fff;font-size:9.5pt;line-height:1.35}"
    ".page{max-width:none;margin:0;padding:0;box-shadow:none}"
    "h1{font-size:22pt}h2{font-size:14pt;margin-top:20pt}"
    "table.fin{font-size:9pt}table.fin caption{font-size:11pt}"
    "table.fin thead th{font-size:8pt}"
    "thead{display:table-header-group}"
    "tr,li.finding,li.check{break-inside:avoid;page-break-inside:avoid}"
    "caption{break-after:avoid}"
    "section.checks{break-before:page}"
    "a{color:inherit;text-decoration:none}"
    "aside.findings,.explain{font-size:8.5pt}ol.check-list{font-size:9pt}"
    ".cards b{font-size:16pt}"
    "}\n";

static const char *report_entry(const Report *rep, const char *key)
{
    for (int i = 0; rep && i < rep->entries.len; i++) {
        const ReportEntry *e = rep->entries.items[i];
        if (strcmp(e->key, key) == 0 && e->text)
            return e->text;
    }
    return NULL;
}

/* A report entry's value as written after its key, such as a date. */
static void put_entry_written(FILE *out, const Report *rep, const char *key)
{
    for (int i = 0; rep && i < rep->entries.len; i++) {
        const ReportEntry *e = rep->entries.items[i];
        if (strcmp(e->key, key) != 0 || e->text || !e->loc.src)
            continue;
        size_t k = strlen(e->key);
        const char *t = e->loc.src->text + e->loc.start + k;
        size_t n = e->loc.end - e->loc.start > k ? e->loc.end - e->loc.start - k : 0;
        while (n && (*t == ' ' || *t == '\t')) {
            t++;
            n--;
        }
        put_textn(out, t, n, 0);
        return;
    }
}

static bool has_entry(const Report *rep, const char *key)
{
    for (int i = 0; rep && i < rep->entries.len; i++) {
        const ReportEntry *e = rep->entries.items[i];
        if (strcmp(e->key, key) == 0 && !e->text)
            return true;
    }
    return false;
}

/* An auditor's decision beside a finding (finsam report --review). */
static void put_review(FILE *out, const Finding *f)
{
    if (!f->review)
        return;
    fputs(" <span class=\"review\">", out);
    render_reviewed(out, f, put_text);
    fputs("</span>", out);
}

/* What finsam found, at a glance, before the tables: each disagreeing figure with its
 * mark, then each failed check, errors first; each links to its explanation. */
static void glance(Html *h)
{
    FILE *out = h->out;
    const Model *m = h->m;
    section_begin(out, "glance", "findings", _("Findings"));
    int nchecks = 0;
    for (int i = 0; i < m->nchecks; i++)
        nchecks += m->checks[i].failed > 0;
    if (!m->nmarked && !nchecks) {
        fprintf(out, "<p class=\"lead\">%s</p>\n</section>\n",
                _("Every figure agrees with the one computed from the report, and every "
                  "check passed."));
        return;
    }
    fputs("<ol class=\"glance-list\">\n", out);
    for (int i = 0; i < m->nmarked; i++) {
        const Finding *f = m->marked[i].finding;
        int mark = m->marked[i].mark;
        fprintf(out, "<li class=\"glance figure\"><span class=\"key\"><a class=\"mark\" "
                     "href=\"#d%d\">%d</a></span><p>", mark, mark);
        if (m->marked[i].block >= 0)
            put_wrapped(out, "<span class=\"in\">", m->blocks[m->marked[i].block].title,
                        "</span> ");
        put_text(out, f->message);
        if (f->has_stated)
            put_stated(out, f, " <span class=\"figures\">%s <b class=\"stated\">",
                       "</b>, %s <b>", "</b></span>");
        put_review(out, f);
        fputs("</p></li>\n", out);
    }
    for (int sev = SEV_ERROR; sev <= SEV_WARNING; sev++)
        for (int i = 0; i < m->nchecks; i++) {
            const Check *c = m->checks[i].check;
            if (!m->checks[i].failed || (int)c->severity != sev)
                continue;
            bool reviewed = all_reviewed(&m->checks[i]);
            fprintf(out, "<li class=\"glance %s\"><span class=\"key\"><span class=\"outcome\">"
                         "%s</span></span><p><a href=\"#c-",
                    reviewed ? "reviewed" : sev == SEV_ERROR ? "failed" : "warning",
                    reviewed ? reviewed_word(&m->checks[i])
                    : sev == SEV_ERROR ? _("FAILED") : _("warning"));
            put_text(out, c->name);
            fputs("\">", out);
            put_text(out, c->title ? c->title : c->name);
            fputs("</a>", out);
            put_span(out, " ", "why", c->message);
            for (int k = 0; k < m->nfindings; k++) {
                const Finding *f = m->findings[k].finding;
                if (f->type == FIND_CHECK && f->tag == c->name)
                    put_review(out, f);
            }
            fputs("</p></li>\n", out);
        }
    fputs("</ol>\n</section>\n", out);
}

/* "2025.fin: 325 checks, 308 passed, 11 failed, 6 warnings", as finsam check ends. */
static void put_summary(FILE *out, const char *path, const ModelSummary *res)
{
    char passed[64], failed[64], warnings[64];
    char *checks = render_summary_checks(res);
    snprintf(passed, sizeof passed, ngettext("%d passed", "%d passed", (unsigned long)res->passed),
             res->passed);
    snprintf(failed, sizeof failed,
             ngettext("%d failed", "%d failed", (unsigned long)res->failed),
             res->failed);
    snprintf(warnings, sizeof warnings,
             ngettext("%d warning", "%d warnings", (unsigned long)res->warnings),
             res->warnings);
    /* ", 4 not run", as the text summary says it, where anything did not run */
    char skipped[80] = "";
    if (res->not_run) {
        snprintf(skipped, sizeof skipped, ", ");
        snprintf(skipped + 2, sizeof skipped - 2,
                 ngettext("%d not run", "%d not run", (unsigned long)res->not_run), res->not_run);
    }
    /* each part escaped, then put in the places the translation gives them */
    char *parts[6] = {escaped(path, false, NULL), escaped(checks, false, NULL),
                      escaped(passed, false, NULL), escaped(failed, false, NULL),
                      escaped(warnings, false, NULL), escaped(skipped, false, NULL)};
    fprintf(out, _("%s: %s, %s, %s, %s%s\n"), parts[0] ? parts[0] : "",
            parts[1] ? parts[1] : "", parts[2] ? parts[2] : "", parts[3] ? parts[3] : "",
            parts[4] ? parts[4] : "", parts[5] ? parts[5] : "");
    for (int i = 0; i < 6; i++)
        mem_free(parts[i]);
    mem_free(checks);
}

static void card(FILE *out, const char *cls, int n, const char *word)
{
    fprintf(out, "<li class=\"%s\"><b>%d</b><span>%s</span></li>", cls, n, word);
}

void write_html(FILE *out, const Model *m)
{
    const Report *rep = m->prog->report;
    const ModelSummary *res = &m->summary;
    const char *path = m->path, *title = m->title;
    const char *federation = report_entry(rep, "federation");
    Html h = {.out = out, .m = m};

    /* the page's language is the language of its text, the messages' */
    /* TRANSLATORS: the language code of the HTML report's text (lang="..."): "sv" in
     * the Swedish translation. */
    fprintf(out, "<!DOCTYPE html>\n<html lang=\"%s\">\n", _("en"));
    fputs("<head>\n<meta charset=\"utf-8\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
          "<meta name=\"generator\" content=\"finsam " FINSAM_VERSION "\">\n<title>", out);
    put_text(out, title);
    if (federation) {
        fputs(" \xE2\x80\x93 ", out);
        put_text(out, federation);
    }
    fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<div class=\"page\">\n",
            STYLE);

    /* the title, the summary line and the counts */
    fputs("<header class=\"cover\">\n", out);
    if (federation) {
        fputs("<p class=\"federation\">", out);
        put_text(out, federation);
        fputs("</p>\n", out);
    }
    fputs("<h1>", out);
    put_text(out, title);
    fputs("</h1>\n<p class=\"meta\">", out);
    if (rep && rep->year) {
        fputs("<span>", out);
        /* TRANSLATORS: under the report's title: the year it reports on. */
        fprintf(out, _("Year %d"), rep->year);
        fputs("</span>", out);
    }
    if (has_entry(rep, "decided")) {
        /* TRANSLATORS: under the report's title, followed by the date the board
         * decided the report. */
        fprintf(out, "<span>%s ", _("Decided"));
        put_entry_written(out, rep, "decided");
        fputs("</span>", out);
    }
    fputs("<span>", out);
    fprintf(out, _("Checked by finsam %s"), FINSAM_VERSION);
    fputs("</span></p>\n<p class=\"summary\">", out);
    put_summary(out, path, res);
    fputs("</p>\n<ul class=\"cards\">", out);
    /* TRANSLATORS: the four counts at the top of the HTML report, under their numbers. */
    card(out, "all", res->checks, ngettext("check", "checks", (unsigned long)res->checks));
    card(out, "passed", res->passed,
         ngettext("passed", "passed", (unsigned long)res->passed));
    card(out, "failed", res->failed,
         ngettext("failed", "failed", (unsigned long)res->failed));
    card(out, "warnings", res->warnings,
         ngettext("warning", "warnings", (unsigned long)res->warnings));
    if (res->not_run)
        /* TRANSLATORS: a count at the top of the HTML report, under its number: the
         * checks and figures that could not be checked. */
        card(out, "not-run", res->not_run, ngettext("not run", "not run",
                                                    (unsigned long)res->not_run));
    if (res->reviewing)
        /* TRANSLATORS: a count at the top of the HTML report: the findings an auditor
         * decided on, which fail nothing. */
        card(out, "reviewed", res->reviewed,
             ngettext("reviewed", "reviewed", (unsigned long)res->reviewed));
    fputs("</ul>\n</header>\n", out);
    glance(&h);

    /* contents */
    fprintf(out, "<nav class=\"contents\"><h2>%s</h2><ol>\n", _("Contents"));
    for (int i = 0; i < m->nblocks; i++) {
        const ModelBlock *b = &m->blocks[i];
        fputs(b->table ? "<li><a href=\"#t-" : "<li><a href=\"#a-", out);
        put_text(out, b->name);
        fputs("\">", out);
        put_text(out, b->title);
        fputs("</a>", out);
        int n = b->nfootnotes;
        if (n) {
            fputs("<span class=\"count\">", out);
            fprintf(out, ngettext("%d finding", "%d findings", (unsigned long)n), n);
            fputs("</span>", out);
        }
        fputs("</li>\n", out);
    }
    if (m->nparams)
        fprintf(out, "<li><a href=\"#parameters\">%s</a></li>\n", _("Parameters"));
    fprintf(out, "<li><a href=\"#checks\">%s</a></li>\n", _("Checks"));
    if (m->nnot_run)
        fprintf(out, "<li><a href=\"#not-run\">%s</a></li>\n", _("Not run"));
    if (m->nledger)
        fprintf(out, "<li><a href=\"#ledger\">%s</a></li>\n", _("The ledger"));
    fputs("</ol></nav>\n<main>\n", out);

    /* every table, with its charts, and every allocation, in the order of the files */
    fprintf(out, "<h2>%s</h2>\n", _("Tables"));
    for (int i = 0; i < m->nblocks; i++) {
        const ModelBlock *b = &m->blocks[i];
        if (b->alloc) {
            fputs("<section class=\"report-table allocation\" id=\"a-", out);
            put_text(out, b->name);
            fputs("\">\n", out);
            html_alloc(&h, b);
            fputs("</section>\n", out);
            continue;
        }
        fputs("<section class=\"report-table\" id=\"t-", out);
        put_text(out, b->name);
        fputs("\">\n", out);
        html_table(&h, b);
        budget_chart(&h, b);
        overview_chart(&h, b);
        fputs("</section>\n", out);
    }
    other_findings(&h);
    html_parameters(&h);
    html_checks(&h);
    html_not_run(&h);
    html_ledger(&h);
    fputs("</main>\n<footer>", out);
    put_text(out, path);
    fputs(" \xE2\x80\x94 ", out);
    fprintf(out, _("made by finsam %s from the rule files. A highlighted figure disagrees "
                   "with the one computed from the report; a figure in grey italics is "
                   "computed, the report prints none there."), FINSAM_VERSION);
    fputs("</footer>\n</div>\n</body>\n</html>\n", out);
}
