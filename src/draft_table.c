/* draft_table: the tables of a report's text and their structure, from the words.
 *
 * A table starts at a line of column headings (years, Utfall, Budget, Avvikelse, ...)
 * or at a line of a label and figures, and goes on while its lines are rows, section
 * headings (a label alone) or page headers and footers between rows. Totals, results
 * and differences get their formulas from their labels and headings (Summa, Totalt,
 * Summa X, Resultat, Årets resultat, Differens, Avvikelse, a cash flow's Kassaflöde från
 * X, Årets kassaflöde, Likvida medel vid årets slut), never from whether the
 * figures agree: finding what does not add up is finsam check's job. */
#include <stdlib.h>
#include <string.h>

#include "draft_doc.h"
#include "figure.h"
#include "i18n.h"

typedef struct {
    Arena *a;
    const DraftText *t;
    DraftGuesses *g;
    DraftDoc *doc;
    PtrVec table_names;
    const char *heading;      /* the last heading line of the prose */
    int heading_line;
    int pending_note;         /* a "Not N" heading just above */
    const char *note_title;
    int note_line;
    const char *last_prose;   /* the last line of prose, for an allocation's total */
    PtrVec notes;             /* the note numbers declared, as (void *)(size_t)N */
} Builder;

/* At most n bytes of s: never past its end. */
static char *prefix(Builder *b, const char *s, size_t n) { return arena_strndup(b->a, s, strnlen(s, n)); }

static const char *fold(Builder *b, const char *s) { return s ? draft_fold(b->a, s) : ""; }

/* ---- kinds of lines ---- */

static bool value_cell(const DraftCell *c)
{
    return c->kind == DCELL_FIGURE || c->kind == DCELL_PERCENT || c->kind == DCELL_DASH;
}

/* A label and at least one figure or dash. */
static bool is_row(const DraftLine *l)
{
    if (l->blank || l->ncells < 2 || l->cells[0].kind != DCELL_TEXT)
        return false;
    for (int i = 1; i < l->ncells; i++)
        if (value_cell(&l->cells[i]) && !draft_year_of(l->cells[i].text))
            return true;
    return false;
}

/* A label with nothing after it: a section heading inside a table. */
static bool is_heading_row(const DraftLine *l)
{
    if (l->blank || l->ncells < 1 || l->cells[0].kind != DCELL_TEXT || l->furniture)
        return false;
    for (int i = 1; i < l->ncells; i++)
        if (l->cells[i].kind != DCELL_EMPTY)
            return false;
    return draft_width(l->cells[0].text) <= 80;
}

/* Column headings: words or years after the first cell, no other figures. */
static bool is_header(const DraftLine *l)
{
    if (l->blank || l->ncells < 2 || l->furniture)
        return false;
    int words = 0;
    for (int i = 1; i < l->ncells; i++) {
        const DraftCell *c = &l->cells[i];
        if (c->kind == DCELL_EMPTY)
            continue;
        if (draft_year_of(c->text) || c->kind == DCELL_TEXT)
            words++;
        else
            return false;
    }
    return words > 0;
}

/* The next line from i on that is not blank and not a page header or footer, within
 * a few lines; -1 if none. */
static int next_content(const DraftText *t, int i)
{
    for (int skipped = 0; i < t->nlines && skipped < 12; i++, skipped++)
        if (!t->lines[i].blank && !t->lines[i].furniture)
            return i;
    return -1;
}

/* ---- headings of the prose ---- */

static bool heading_like(const DraftLine *l)
{
    if (l->blank || l->furniture || l->ncells != 1)
        return false;
    const char *s = l->cells[0].text;
    size_t n = strlen(s);
    if (n == 0 || draft_width(s) > 90)
        return false;
    char last = s[n - 1];
    return last != '.' && last != ',' && last != ':' && last != ';';
}

/* "1.1. Översikt" -> "Översikt"; "2. RESULTATRÄKNING" stays in its case. */
static const char *strip_number(const char *s)
{
    const char *p = s;
    while ((*p >= '0' && *p <= '9') || *p == '.')
        p++;
    if (p != s && *p == ' ')
        return p + 1;
    return s;
}

/* "Not 2. Fordringar" -> 2 */
static int note_number(Builder *b, const char *s)
{
    const char *f = fold(b, s);
    if (!draft_starts(f, "not"))
        return 0;
    while (*f == ' ')
        f++;
    f += 3;
    while (*f == ' ')
        f++;
    int n = 0, d = 0;
    while (*f >= '0' && *f <= '9' && d < 3) {
        n = n * 10 + (*f++ - '0');
        d++;
    }
    return d > 0 && (*f == ' ' || *f == '\0') ? n : 0;
}

/* ---- the report block ---- */

/* YYYY-MM-DD written, whether or not that day exists */
static bool date_shaped(const char *p)
{
    for (int i = 0; i < 10; i++)
        if (i == 4 || i == 7 ? p[i] != '-' : !(p[i] >= '0' && p[i] <= '9'))
            return false;
    return true;
}

static void find_report(Builder *b)
{
    const DraftText *t = b->t;
    DraftDoc *d = b->doc;
    for (int i = 0; i < t->nlines; i++) {
        const DraftLine *l = &t->lines[i];
        if (l->blank)
            continue;
        const char *f = fold(b, l->text);
        if (!d->year && (draft_starts(f, "arsredovisning") || draft_starts(f, "arsredovisningen")) &&
            l->ncells == 1) {
            const char *p = f;
            while (*p && !(*p >= '1' && *p <= '2' && draft_year_of(
                                                       prefix(b, p, 4)) && (p[4] == ' ' || p[4] == '\0')))
                p++;
            if (*p) {
                d->year = atoi(p);
                d->title = strip_number(l->cells[0].text);
            }
        }
        if (!d->decided && (strstr(f, "beslutad") || strstr(f, "faststalld"))) {
            for (const char *p = l->text; *p; p++) {
                if (!date_shaped(p))
                    continue;
                const char *date = prefix(b, p, 10);
                if (draft_year_of(date)) {
                    d->decided = date;
                    break;
                }
                draft_guess(b->g, l->lineno,
                            _("\"%s\" is not a date, so not the day of the decision"), date);
            }
        }
        if (!d->federation) {
            /* the first "Xs och Ys Samordningsförbund": capitalised words before it */
            const char *s = l->text;
            const char *hit = strstr(s, "Samordningsförbund");
            while (hit && (hit[strlen("Samordningsförbund")] >= 'a' &&
                           hit[strlen("Samordningsförbund")] <= 'z'))
                hit = strstr(hit + 1, "Samordningsförbund");
            if (hit && hit > s) {
                const char *start = hit;
                for (;;) {
                    const char *p = start;
                    if (p == s || p[-1] != ' ')
                        break;
                    const char *w = p - 1;
                    while (w > s && w[-1] != ' ')
                        w--;
                    bool cap = (*w >= 'A' && *w <= 'Z') || (unsigned char)*w == 0xC3;
                    if (strncmp(w, "och ", 4) == 0 || (cap && (unsigned char)*w != 0xC3) ||
                        ((unsigned char)*w == 0xC3 && ((unsigned char)w[1] == 0x85 ||
                                                       (unsigned char)w[1] == 0x84 ||
                                                       (unsigned char)w[1] == 0x96)))
                        start = w;
                    else
                        break;
                }
                if (strncmp(start, "och ", 4) == 0)
                    start += 4;
                if (start != hit) {
                    size_t n = (size_t)(hit - start) + strlen("Samordningsförbund");
                    d->federation = arena_strndup(b->a, start, n);
                    draft_guess(b->g, l->lineno, _("the federation's name: \"%s\""), d->federation);
                }
            }
        }
    }
    /* the federation's riktmärke for the verksamhetsmål, the first the text gives */
    for (int i = 0; i < t->nlines && !d->benchmark; i++) {
        const char *s = t->lines[i].text;
        const char *p = strstr(s, "riktmärke");
        if (!p)
            continue;
        const char *stop = strchr(p, '.');
        for (const char *q = p; *q && (!stop || q < stop); q++) {
            if (*q < '0' || *q > '9' || (q > s && q[-1] >= '0' && q[-1] <= '9'))
                continue;
            size_t n = strspn(q, "0123456789,");
            DraftCell c = {.text = arena_printf(b->a, "%.*s%%", (int)n, q)};
            draft_read_cell(b->a, &c);
            if ((q[n] == '%' || (q[n] == ' ' && q[n + 1] == '%')) && c.kind == DCELL_PERCENT) {
                d->benchmark = c.figure;
                d->benchmark_line = t->lines[i].lineno;
                draft_guess(b->g, d->benchmark_line,
                            _("the federation's riktmärke for the verksamhetsmål: %s"), d->benchmark);
            }
            break;
        }
    }
    if (!d->year) {
        /* the latest year the text names */
        int best = 0, line = 1;
        for (int i = 0; i < t->nlines; i++)
            for (int k = 0; k < t->lines[i].ncells; k++) {
                int y = draft_year_of(t->lines[i].cells[k].text);
                if (y > best) {
                    best = y;
                    line = t->lines[i].lineno;
                }
            }
        d->year = best ? best : 2000;
        draft_guess(b->g, line, _("no title \"Årsredovisning YEAR\": the report's year is taken to be %d"),
                    d->year);
    }
    if (!d->title)
        d->title = arena_printf(b->a, "Årsredovisning %d", d->year);
}

/* ---- columns ---- */

static const char *column_name(Builder *b, DraftTable *tb, const char *heading, int *year)
{
    const char *f = fold(b, heading);
    *year = 0;
    /* a year, a date, or two dates: the year of the last */
    int y = 0;
    bool only_dates = true;
    for (const char *p = heading; *p;) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n == 0)
            break;
        char *w = arena_strndup(b->a, p, n);
        int wy = draft_year_of(w);
        if (wy)
            y = wy;
        else if (strcmp(w, "-") != 0 && strcmp(w, "\xE2\x80\x93") != 0)
            only_dates = false;
        p += n;
    }
    if (only_dates && y) {
        *year = y;
        return arena_printf(b->a, "%d", y);
    }
    for (const char *p = heading; *p; p++) {
        int wy = draft_year_of(prefix(b, p, 4));
        if (wy && (p == heading || p[-1] == ' ') && (p[4] == '\0' || p[4] == ' ')) {
            y = wy;
        }
    }
    if ((draft_has_word(f, "not") && strlen(f) <= 4) || strcmp(f, "noter") == 0)
        return "not";
    /* a statement's column of a year, whatever words go with it ("Bokslut 2025", "Utfall
     * 2024"): the year, which the national rules read; a budget's is the budget */
    if (tb->required && y && !strstr(f, "budget") && !strstr(f, "avvikelse") &&
        !strstr(f, "differens") && !strstr(f, "prognos")) {
        *year = y;
        return arena_printf(b->a, "%d", y);
    }
    if (strstr(f, "avvikelse") || strstr(f, "differens"))
        return "deviation";
    if (strstr(f, "budget"))
        return "budget";
    if (strstr(f, "utfall"))
        return y && y != b->doc->year ? arena_printf(b->a, "actual_%d", y) : "actual";
    if (draft_starts(f, "mal"))
        return "target";
    if (draft_starts(f, "resultat"))
        return "result";
    if (draft_starts(f, "kvinnor"))
        return "women";
    if (draft_starts(f, "man"))
        return "men";
    return draft_slug(b->a, heading);
}

static void name_columns(Builder *b, DraftTable *tb)
{
    const char **used = arena_alloc(b->a, sizeof *used * (size_t)(tb->ncols + 1));
    for (int i = 0; i < tb->ncols; i++) {
        DraftCol *c = &tb->cols[i];
        int year;
        const char *name = column_name(b, tb, c->label, &year);
        if (strcmp(name, "not") == 0) {
            c->note = true;
            c->name = "not";
            continue;
        }
        bool bare_year = year && strcmp(c->label, name) == 0;
        const char *u = draft_unique(b->a, name, used, i);
        if (u != name && year) /* the same year twice: name it by its words */
            u = draft_unique(b->a, draft_slug(b->a, c->label), used, i);
        c->name = u;
        used[i] = u;
        if (bare_year)
            c->label = NULL;
    }
    /* formulas from the headings' words */
    int actual = -1, budget = -1, women = -1, men = -1;
    for (int i = 0; i < tb->ncols; i++) {
        const char *n = tb->cols[i].name;
        if (strcmp(n, "actual") == 0) actual = i;
        if (strcmp(n, "budget") == 0) budget = i;
        if (strcmp(n, "women") == 0) women = i;
        if (strcmp(n, "men") == 0) men = i;
    }
    for (int i = 0; i < tb->ncols; i++) {
        DraftCol *c = &tb->cols[i];
        if (strcmp(c->name, "deviation") == 0) {
            if (actual < 0 || budget < 0) {
                draft_guess(b->g, tb->lineno,
                            _("column \"%s\": a difference, but of which columns the headings do not say; left as printed"),
                            c->label);
                continue;
            }
            const char *f = fold(b, c->label);
            const char *u = strstr(f, "utfall"), *bu = strstr(f, "budget");
            if (u && bu && u < bu)
                c->formula = "actual - budget";
            else if (u && bu)
                c->formula = "budget - actual";
            else {
                c->formula = "budget - actual";
                draft_guess(b->g, tb->lineno,
                            _("column \"%s\": taken to be budget - actual (the heading does not say which way)"),
                            c->label);
            }
        }
        if (women >= 0 && men >= 0 && i != women && i != men &&
            (strcmp(c->name, "result") == 0 || strstr(fold(b, c->label), "totalt") ||
             strstr(fold(b, c->label), "summa"))) {
            c->formula = arena_printf(b->a, "%s + %s", tb->cols[women].name, tb->cols[men].name);
            draft_guess(b->g, tb->lineno, _("column \"%s\": taken to be Kvinnor + Män"), c->label);
        }
    }
}

/* ---- rows: names from the labels ---- */

typedef struct {
    const char *table, *name, *phrase;
    bool exact;
} KnownRow;

/* The names the national rules (rules/finsam.fin) require, and a few more that the
 * formulas read better with; longer phrases first. */
static const KnownRow known_rows[] = {
    {"income", "member_fees", "verksamhetens medlemsavgifter", false},
    {"income", "member_fees", "medlemsavgifter", false},
    {"income", "member_fees", "medlemsbidrag", false},
    {"income", "eu_grants", "eu medel", false},
    {"income", "op_costs", "verksamhetens kostnader", false},
    {"income", "net_cost", "verksamhetens nettokostnad", false},
    {"income", "fin_income", "finansiella intakter", false},
    {"income", "fin_costs", "finansiella kostnader", false},
    {"income", "before_extra", "resultat fore", false},
    {"income", "result", "arets resultat", false},
    {"balance", "equity_and_liabilities", "summa eget kapital och skulder", true},
    {"balance", "equity_and_liabilities", "summa eget kapital avsattningar och skulder", true},
    {"balance", "equity", "summa eget kapital", true},
    {"balance", "total_assets", "summa tillgangar", true},
    {"balance", "total_liabilities", "summa skulder", true},
    {"balance", "other_equity", "ovrigt eget kapital", false},
    {"balance", "year_result", "arets resultat", false},
    {"balance", "cash", "kassa", false},
    {"balance", "receivables", "fordringar", false},
    {"balance", "liabilities", "kortfristiga skulder", false},
    {"cashflow", "opening_cash", "likvida medel vid arets borjan", false},
    {"cashflow", "opening_cash", "likvida medel vid periodens borjan", false},
    {"cashflow", "closing_cash", "likvida medel vid arets slut", false},
    {"cashflow", "closing_cash", "likvida medel vid periodens slut", false},
    {"cashflow", "closing_cash", "likvida medel vid helar", false},
    {"cashflow", "year_result", "periodens arets resultat", false},
    {"cashflow", "year_result", "arets resultat", false},
    {"balanskrav", "year_result", "arets resultat", false},
    {"balanskrav", "result", "balanskravsresultat", false},
    {"balanskrav", "result", "arets balanskravsresultat", false},
    {"balanskrav", "special_reasons", "synnerliga skal", false},
    {"balanskrav", "to_restore", "att aterstalla kommande", false},
    {"balanskrav", "from_earlier", "att aterstalla fran tidigare", false},
};

static const char *row_name(Builder *b, DraftTable *tb, const char *label)
{
    const char *f = fold(b, label);
    if (tb->required)
        for (size_t i = 0; i < sizeof known_rows / sizeof known_rows[0]; i++) {
            const KnownRow *k = &known_rows[i];
            if (strcmp(k->table, tb->name) != 0)
                continue;
            const char *p = f;
            while (*p == ' ')
                p++;
            /* compare with the folded label's words, single-spaced */
            char *words = arena_text(b->a, strlen(p) + 1);
            size_t o = 0;
            for (; *p; p++)
                if (*p != ' ' || (o > 0 && words[o - 1] != ' '))
                    words[o++] = *p;
            while (o > 0 && words[o - 1] == ' ')
                o--;
            words[o] = '\0';
            bool hit = k->exact ? strcmp(words, k->phrase) == 0 : draft_starts(words, k->phrase);
            if (hit) {
                bool taken = false;
                for (int j = 0; j < tb->used.len; j++)
                    taken |= strcmp(tb->used.items[j], k->name) == 0;
                if (!taken)
                    return k->name;
            }
        }
    if (draft_starts(f, "summa") && strlen(f) <= 6)
        return "total";
    if ((draft_starts(f, "totalt") || draft_starts(f, "total")) && strlen(f) <= 7)
        return "total";
    return draft_slug(b->a, label);
}

static const char *unique_row_name(Builder *b, DraftTable *tb, const char *name)
{
    const char *u = draft_unique(b->a, name, (const char *const *)tb->used.items, tb->used.len);
    ptrvec_push(b->a, &tb->used, (void *)u);
    return u;
}

/* ---- structure: sections, totals, results ---- */

static const char *table_name(Builder *b, const char *want);

typedef struct Level Level;

typedef struct {
    const DraftRow *row;   /* a row, or */
    Level *section;        /* a section (not covered by a total row) */
} Item;

struct Level {
    DraftRow *open;        /* its heading; NULL for the table */
    const char *folded;
    PtrVec items;          /* Item */
    int boundary;          /* where an unmatched "Summa X" starts adding */
    bool has_formula;      /* a row inside has a formula */
    bool any;              /* it holds a row or a section */
};

/* The unit of amounts a table's heading names (folded): "tkr" or "mkr", NULL if none. */
static const char *money_unit(const char *folded)
{
    static const struct { const char *words, *unit; } units[] = {
        {"tkr", "tkr"}, {"tsek", "tkr"}, {"ksek", "tkr"}, {"tusen kronor", "tkr"},
        {"tusentals kronor", "tkr"}, {"mkr", "mkr"}, {"mnkr", "mkr"}, {"msek", "mkr"},
        {"miljoner kronor", "mkr"},
    };
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (draft_has_word(folded, units[i].words))
            return units[i].unit;
    return NULL;
}

/* How many kronor one of the table's bare figures stands for: 1 000 in tkr,
 * 1 000 000 in mkr; 0 where its figures are no amounts of that kind. */
static int64_t kronor_per_figure(const DraftTable *tb)
{
    if (!tb->unit)
        return 1;
    return strcmp(tb->unit, "tkr") == 0 ? 1000 : strcmp(tb->unit, "mkr") == 0 ? 1000000 : 0;
}

/* LABEL_FLOW: "Kassaflöde från X", a total as "Summa X" is, and one that no other flow
 * adds. LABEL_RUNNING: a subtotal that the total after it includes ("Medel från
 * verksamheten före förändring av rörelsekapital", then the changes, then "Kassaflöde
 * från den löpande verksamheten"). LABEL_CLOSING: "Utgående X", the "Ingående X" above it
 * and the changes since (a note that rolls a value forward). */
typedef enum {
    LABEL_PLAIN, LABEL_GRAND, LABEL_SUMMA, LABEL_FLOW, LABEL_RUNNING, LABEL_CLOSING,
    LABEL_RESULT, LABEL_DIFF
} LabelKind;

/* Whether words (folded, no space before them) start with one of n prefixes; *rest is
 * then the words after it. */
static bool starts_with_one(const char *words, const char *const *prefixes, size_t n,
                            const char **rest)
{
    for (size_t i = 0; i < n; i++)
        if (draft_starts(words, prefixes[i])) {
            const char *r = words + strlen(prefixes[i]);
            while (*r == ' ')
                r++;
            *rest = r;
            return true;
        }
    return false;
}

static LabelKind label_kind(Builder *b, const DraftTable *tb, const char *label, const char **rest)
{
    const char *f = fold(b, label);
    while (*f == ' ')
        f++;
    *rest = NULL;
    static const char *const grand[] = {"summa", "totalt", "total", "summa totalt", "totalt summa"};
    char *words = arena_strndup(b->a, f, strlen(f));
    size_t n = strlen(words);
    while (n > 0 && words[n - 1] == ' ')
        words[--n] = '\0';
    for (size_t i = 0; i < sizeof grand / sizeof grand[0]; i++)
        if (strcmp(words, grand[i]) == 0)
            return LABEL_GRAND;
    static const char *const summa[] = {"summa totalt", "summa", "totalt", "total"};
    if (starts_with_one(words, summa, sizeof summa / sizeof summa[0], rest))
        return LABEL_SUMMA;
    /* a cash flow statement (RKR R13): "Kassaflöde från X" adds section X, or what
     * stands since the total before; the year's flow adds those; the cash at the end is
     * the flow and the cash at the start */
    static const char *const flow_from[] = {"kassaflode fran", "kassaflode for"};
    if (starts_with_one(words, flow_from, sizeof flow_from / sizeof flow_from[0], rest))
        return LABEL_FLOW;
    if (draft_starts(words, "medel fran verksamheten fore"))
        return LABEL_RUNNING;
    /* a roll-forward: the carrying amount adds the closing values above it */
    if (draft_has_word(words, "redovisat varde") || draft_has_word(words, "bokfort varde"))
        return LABEL_GRAND;
    if (draft_starts(words, "utgaende"))
        return LABEL_CLOSING;
    if (strcmp(words, "arets kassaflode") == 0 || strcmp(words, "periodens kassaflode") == 0 ||
        strcmp(words, "forandring av likvida medel") == 0 ||
        strcmp(words, "arets forandring av likvida medel") == 0)
        return LABEL_GRAND;
    if (draft_starts(words, "likvida medel vid arets slut") ||
        draft_starts(words, "likvida medel vid periodens slut") ||
        strcmp(words, "likvida medel vid helar") == 0)
        return LABEL_RESULT;
    bool balance = strcmp(tb->name, "balance") == 0;
    if (!balance && (draft_has_word(words, "resultat") || /* Verksamhetens resultat */
                     draft_starts(words, "resultat") || draft_starts(words, "arets resultat") ||
                     draft_starts(words, "periodens resultat") ||
                     draft_starts(words, "balanskravsresultat") ||
                     draft_starts(words, "arets balanskravsresultat") ||
                     draft_has_word(words, "nettokostnad") || draft_has_word(words, "nettokostnader") ||
                     draft_has_word(words, "nettointakt")))
        return LABEL_RESULT;
    if (draft_starts(words, "differens") || draft_starts(words, "avvikelse"))
        return LABEL_DIFF;
    return LABEL_PLAIN;
}

typedef struct {
    Builder *b;
    DraftTable *tb;
    Level *stack[64];
    int depth;             /* stack[0] is the table */
} Shape;

static void emit(Shape *s, DraftRow *r) { ptrvec_push(s->b->a, &s->tb->rows, r); }

static void push_item(Builder *b, Level *lv, const DraftRow *row, Level *section)
{
    Item *it = arena_alloc(b->a, sizeof *it);
    it->row = row;
    it->section = section;
    ptrvec_push(b->a, &lv->items, it);
    lv->any = true;
    if (row && row->formula)
        lv->has_formula = true;
    if (section && section->has_formula)
        lv->has_formula = true;
}

/* Closes the innermost section: it becomes an item of the one around it, unless
 * covered (its total row stands for it). A section that `sum` must not add (a
 * percentage in it, which is no item) keeps `sum` from the ones around it too: sum
 * adds the rows of nested sections. */
static Level *close_top(Shape *s, bool covered)
{
    Level *lv = s->stack[s->depth--];
    DraftRow *close = arena_alloc(s->b->a, sizeof *close);
    close->kind = DROW_CLOSE;
    emit(s, close);
    if (!covered && lv->any)
        push_item(s->b, s->stack[s->depth], NULL, lv);
    if (lv->has_formula)
        s->stack[s->depth]->has_formula = true;
    return lv;
}

/* The terms of a total over items[from..]: rows by name (with their sign when signed),
 * sections as sum(section) or, where a total inside stands for part of them, their
 * items. */
static void terms(Builder *b, const Level *lv, int from, bool signed_terms, PtrVec *out,
                  PtrVec *signs)
{
    for (int i = from; i < lv->items.len; i++) {
        const Item *it = lv->items.items[i];
        if (it->row) {
            ptrvec_push(b->a, out, (void *)it->row->name);
            ptrvec_push(b->a, signs, (void *)(signed_terms && it->row->sign < 0 ? "-" : "+"));
        } else if (it->section && it->section->any) {
            if (!it->section->has_formula) {
                ptrvec_push(b->a, out, arena_printf(b->a, "sum(%s)", it->section->open->name));
                ptrvec_push(b->a, signs, "+");
            } else
                terms(b, it->section, 0, signed_terms, out, signs);
        }
    }
}

static const char *join_terms(Builder *b, const PtrVec *names, const PtrVec *signs)
{
    if (names->len == 0)
        return NULL;
    size_t len = 1;
    for (int i = 0; i < names->len; i++)
        len += strlen(names->items[i]) + 3;
    char *s = arena_text(b->a, len + 1);
    size_t o = 0;
    for (int i = 0; i < names->len; i++) {
        const char *sign = signs->items[i];
        const char *n = names->items[i];
        if (i == 0 && sign[0] == '-')
            o += (size_t)sprintf(s + o, "-%s", n);
        else if (i == 0)
            o += (size_t)sprintf(s + o, "%s", n);
        else
            o += (size_t)sprintf(s + o, " %s %s", sign, n);
    }
    s[o] = '\0';
    return s;
}

/* Is every item from `from` on a row without a formula or a section without one? Then
 * `sum` says it. */
static bool plain_items(const Level *lv, int from)
{
    if (lv->has_formula)
        return false;
    for (int i = from; i < lv->items.len; i++) {
        const Item *it = lv->items.items[i];
        if (it->row && it->row->formula)
            return false;
        if (it->section && it->section->has_formula)
            return false;
    }
    return true;
}

static void replace_items(Builder *b, Level *lv, int from, const DraftRow *row)
{
    lv->items.len = from;
    push_item(b, lv, row, NULL);
    lv->boundary = lv->items.len;
}

/* A row with a percentage among its figures: never a term of a total, and never
 * given one (sums add rows of one kind). */
static bool percent_row(const DraftRow *r, int ncols)
{
    for (int k = 0; k < ncols; k++)
        if (r->cells[k] && r->cells[k]->kind == DCELL_PERCENT)
            return true;
    return false;
}

/* A total of what stands in level top since its last total: r stands for them from now
 * on, and, a running subtotal, is itself added by the next total. False if nothing
 * stands there. */
static bool add_since_boundary(Shape *s, Level *top, DraftRow *r, bool running)
{
    Builder *b = s->b;
    int from = top->boundary;
    if (top->items.len <= from)
        return false;
    if (from == 0 && plain_items(top, 0))
        r->formula = "sum";
    else {
        PtrVec names = {0}, signs = {0};
        terms(b, top, from, false, &names, &signs);
        r->formula = join_terms(b, &names, &signs);
    }
    emit(s, r);
    replace_items(b, top, from, r);
    if (running)
        top->boundary = from;
    return true;
}

/* The last "Ingående X" among the items of level top since its last total, or -1: a
 * value rolled forward, to which the rows after it are changes. */
static int opening_since_boundary(Builder *b, const Level *top)
{
    for (int i = top->items.len - 1; i >= top->boundary; i--) {
        const Item *it = top->items.items[i];
        if (it->row && draft_starts(fold(b, it->row->label), "ingaende"))
            return i;
    }
    return -1;
}

static void shape_row(Shape *s, DraftRow *r)
{
    Builder *b = s->b;
    bool money = kronor_per_figure(s->tb) != 0;
    if (money && !s->tb->required && draft_starts(fold(b, r->label), "antal")) {
        r->count = true;
        if (!s->tb->count_name)
            s->tb->count_name = table_name(b, arena_printf(b->a, "%s_count", s->tb->name));
        draft_guess(b->g, r->lineno, _("\"%s\": a count among amounts, written in a table of its own"),
                    r->label);
        emit(s, r);
        return;
    }
    const char *words = fold(b, r->label);
    if (draft_starts(words, "darav") || draft_starts(words, "varav")) {
        /* part of the row above ("därav årets resultat"), which holds it already: never
         * a term, and `sum`, which would add it, is not written where it stands */
        s->stack[s->depth]->has_formula = true;
        draft_guess(b->g, r->lineno, _("\"%s\": a part of the row above it, added to no total"),
                    r->label);
        emit(s, r);
        return;
    }
    if (percent_row(r, s->tb->ncols) && !(s->tb->unit && strcmp(s->tb->unit, "%") == 0)) {
        /* `sum` would add it: the totals of this section name their terms */
        s->stack[s->depth]->has_formula = true;
        emit(s, r);
        return;
    }
    const char *rest;
    LabelKind kind = label_kind(b, s->tb, r->label, &rest);
    Level *top = s->stack[s->depth];
    PtrVec names = {0}, signs = {0};
    if (kind == LABEL_GRAND) {
        while (s->depth > 0)
            close_top(s, false);
        top = s->stack[0];
        if (top->items.len > 0) {
            if (plain_items(top, 0))
                r->formula = "sum";
            else {
                terms(b, top, 0, false, &names, &signs);
                r->formula = join_terms(b, &names, &signs);
            }
        }
        emit(s, r);
        replace_items(b, top, 0, r);
        return;
    }
    if (kind == LABEL_SUMMA || kind == LABEL_FLOW) {
        const char *want = rest;
        int found = -1;
        for (int d = s->depth; d >= 1 && found < 0; d--) {
            const char *h = s->stack[d]->folded;
            while (*h == ' ')
                h++;
            size_t hn = strlen(h);
            while (hn > 0 && h[hn - 1] == ' ')
                hn--;
            if (strlen(want) == hn && strncmp(want, h, hn) == 0)
                found = d;
        }
        if (found > 0) {
            while (s->depth > found)
                close_top(s, false);
            Level *sec = close_top(s, true);
            if (sec->any) {
                if (!sec->has_formula)
                    r->formula = arena_printf(b->a, "sum(%s)", sec->open->name);
                else {
                    terms(b, sec, 0, false, &names, &signs);
                    r->formula = join_terms(b, &names, &signs);
                }
            }
            emit(s, r);
            push_item(b, s->stack[s->depth], r, NULL);
            return;
        }
        if (add_since_boundary(s, top, r, false))
            return;
        draft_guess(b->g, r->lineno, _("\"%s\": a total, but of which rows the text does not show; left as printed"),
                    r->label);
        emit(s, r);
        push_item(b, top, r, NULL);
        if (kind == LABEL_FLOW)
            top->boundary = top->items.len;
        return;
    }
    if (kind == LABEL_RUNNING && add_since_boundary(s, top, r, true))
        return;
    int opening = opening_since_boundary(b, top);
    if (kind == LABEL_CLOSING) {
        if (opening >= 0)
            top->boundary = opening; /* from its Ingående */
        if (add_since_boundary(s, top, r, false))
            return;
    }
    if (kind == LABEL_RESULT && opening >= 0)
        kind = LABEL_PLAIN; /* "Årets resultat" after "Ingående eget kapital": a change */
    if (kind == LABEL_RESULT && s->depth == 0 && top->items.len > 0) {
        terms(b, top, 0, true, &names, &signs);
        r->formula = join_terms(b, &names, &signs);
        for (int i = 0; i < signs.len; i++)
            if (((const char *)signs.items[i])[0] == '-') {
                draft_guess(b->g, r->lineno,
                            _("\"%s\": costs printed as positive figures are subtracted: %s"),
                            r->label, r->formula);
                break;
            }
        emit(s, r);
        replace_items(b, top, 0, r);
        return;
    }
    if (kind == LABEL_DIFF) {
        const DraftRow *bud = NULL, *act = NULL;
        for (int i = 0; i < top->items.len; i++) {
            const Item *it = top->items.items[i];
            if (!it->row)
                continue;
            const char *f = fold(b, it->row->label);
            if (strstr(f, "budget"))
                bud = it->row;
            else if (strstr(f, "utfall"))
                act = it->row;
        }
        if (bud && act)
            r->formula = arena_printf(b->a, "%s - %s", bud->name, act->name);
        else
            draft_guess(b->g, r->lineno, _("\"%s\": a difference, but of which rows the text does not show; left as printed"),
                        r->label);
    }
    emit(s, r);
    push_item(b, top, r, NULL);
}

static void shape(Builder *b, DraftTable *tb, PtrVec *raw)
{
    Shape s = {.b = b, .tb = tb, .depth = 0};
    s.stack[0] = arena_alloc(b->a, sizeof(Level));
    tb->rows = (PtrVec){0};
    for (int i = 0; i < raw->len; i++) {
        DraftRow *r = raw->items[i];
        if (r->kind == DROW_COMMENT) {
            emit(&s, r);
            continue;
        }
        if (r->kind == DROW_OPEN) {
            Level *top = s.stack[s.depth];
            if (s.depth > 0 && top->any)
                close_top(&s, false);
            if (s.depth + 1 >= (int)(sizeof s.stack / sizeof s.stack[0]))
                close_top(&s, false);
            Level *lv = arena_alloc(b->a, sizeof *lv);
            lv->open = r;
            lv->folded = fold(b, r->label);
            s.stack[++s.depth] = lv;
            emit(&s, r);
            continue;
        }
        shape_row(&s, r);
    }
    while (s.depth > 0)
        close_top(&s, false);
}

/* ---- tables ---- */

static const char *well_known_table(Builder *b, const char *title)
{
    const char *f = fold(b, strip_number(title));
    static const struct { const char *word, *name; } known[] = {
        {"resultatrakning", "income"},
        {"balansrakning", "balance"},
        {"kassaflodesanalys", "cashflow"},
        {"balanskravsutredning", "balanskrav"},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
        if (draft_starts(f, known[i].word))
            return known[i].name;
    return NULL;
}

static bool name_taken(Builder *b, const char *name)
{
    for (int i = 0; i < b->table_names.len; i++)
        if (strcmp(b->table_names.items[i], name) == 0)
            return true;
    return false;
}

static const char *table_name(Builder *b, const char *want)
{
    const char *u = draft_unique(b->a, want, (const char *const *)b->table_names.items,
                                 b->table_names.len);
    ptrvec_push(b->a, &b->table_names, (void *)u);
    return u;
}

/* Which group of the members' contributions a label belongs to: 1 state, 2 regions,
 * 3 municipalities, 0 none. */
static int member_group(Builder *b, const char *label)
{
    const char *f = fold(b, label);
    if (strstr(f, "forsakringskassan") || strstr(f, "arbetsformedlingen"))
        return 1;
    if (draft_has_word(f, "region") || strstr(f, "regionen"))
        return 2;
    if (draft_has_word(f, "kommun"))
        return 3;
    return 0;
}

/* "... totalt 7 864 000 kr ..." in the prose above: the figure, as printed. */
static const char *total_in_prose(Builder *b, const char *prose)
{
    if (!prose)
        return NULL;
    const char *p = strstr(prose, "totalt ");
    if (!p)
        p = strstr(prose, "Totalt ");
    if (!p)
        return NULL;
    p += 7;
    size_t n = 0;
    while (p[n] && ((p[n] >= '0' && p[n] <= '9') || (p[n] == ' ' && p[n + 1] >= '0' && p[n + 1] <= '9')))
        n++;
    if (n == 0 || strncmp(p + n, " kr", 3) != 0)
        return NULL;
    DraftCell c = {.text = arena_strndup(b->a, p, n)};
    draft_read_cell(b->a, &c);
    return c.kind == DCELL_FIGURE ? c.figure : NULL;
}

static bool try_allocation(Builder *b, DraftTable *tb)
{
    if (tb->ncols != 1)
        return false;
    int groups[4] = {0};
    for (int i = 0; i < tb->rows.len; i++) {
        DraftRow *r = tb->rows.items[i];
        if (r->kind != DROW_ROW)
            return false;
        int g = member_group(b, r->label);
        if (!g || !r->cells[0] || r->cells[0]->kind != DCELL_FIGURE)
            return false;
        groups[g]++;
    }
    if (!groups[1] || !groups[2] || !groups[3])
        return false;
    const char *total = total_in_prose(b, b->last_prose);
    if (!total) {
        draft_guess(b->g, tb->lineno, _("the members' contributions, but no \"totalt N kr\" above them: written as a table"));
        return false;
    }
    if (name_taken(b, "contributions"))
        return false;
    tb->allocation = true;
    tb->total = total;
    tb->name = table_name(b, "contributions");
    tb->required = true;
    /* names: the member without "kommun" and "Region" */
    tb->used = (PtrVec){0};
    for (int i = 0; i < tb->rows.len; i++) {
        DraftRow *r = tb->rows.items[i];
        const char *f = fold(b, r->label);
        char *w = arena_strndup(b->a, f, strlen(f));
        char *k;
        while ((k = strstr(w, "kommun")) && (k[6] == ' ' || k[6] == '\0'))
            memset(k, ' ', 6);
        if (strncmp(w, "region ", 7) == 0)
            memset(w, ' ', 6);
        r->name = unique_row_name(b, tb, draft_slug(b->a, w));
        r->note = member_group(b, r->label); /* the group, for draft_write */
    }
    draft_guess(b->g, tb->lineno,
                _("the members' contributions: an allocation of %s kr, the state 1/2, the regions 1/4, the municipalities 1/4 (Lag 2003:1210)"),
                total);
    return true;
}

/* A cell of a row line for column k of the table. */
static const DraftCell *cell_for(const DraftTable *tb, const DraftLine *l, int k, bool *used)
{
    const DraftCol *c = &tb->cols[k];
    if (l->tabbed && c->cell > 0) {
        if (c->cell < l->ncells) {
            used[c->cell] = true;
            return l->cells[c->cell].kind == DCELL_EMPTY ? NULL : &l->cells[c->cell];
        }
        return NULL;
    }
    /* by position: the cell that overlaps the heading, else the nearest right edge */
    int best = -1, dist = 1 << 30;
    for (int i = 1; i < l->ncells; i++) {
        const DraftCell *x = &l->cells[i];
        if (x->kind == DCELL_EMPTY || used[i])
            continue;
        int nearest = -1, nd = 1 << 30;
        for (int j = 0; j < tb->ncols; j++) {
            const DraftCol *cj = &tb->cols[j];
            int d = abs(cj->endcol - x->endcol);
            if (x->col < cj->endcol && x->endcol > cj->col)
                d = 0;
            if (d < nd) {
                nd = d;
                nearest = j;
            }
        }
        if (nearest == k && nd < dist) {
            dist = nd;
            best = i;
        }
    }
    if (best < 0)
        return NULL;
    used[best] = true;
    return &l->cells[best];
}

static int sign_of(const DraftRow *r, int ncols, Builder *b)
{
    int pos = 0, neg = 0;
    for (int k = 0; k < ncols; k++)
        if (r->cells[k] && r->cells[k]->kind == DCELL_FIGURE) {
            if (r->cells[k]->negative)
                neg++;
            else
                pos++;
        }
    const char *f = fold(b, r->label);
    bool cost = strstr(f, "kostnad") || strstr(f, "avskrivning") || strstr(f, "nedskrivning");
    return cost && pos > neg ? -1 : 1;
}

/* A row's cell k kept as text, as printed: a figure the year file cannot read as one. */
static void keep_as_text(Builder *b, DraftRow *r, int k)
{
    DraftCell *t = arena_alloc(b->a, sizeof *t);
    *t = *r->cells[k];
    t->kind = DCELL_TEXT;
    r->cells[k] = t;
}

/* A comment after row r, after the one it has: each cell no column takes is kept. */
static void add_to_comment(Builder *b, DraftRow *r, const char *text)
{
    r->comment = r->comment ? arena_printf(b->a, "%s; %s", r->comment, text) : text;
}

static void add_row(Builder *b, DraftTable *tb, PtrVec *raw, const DraftLine *l)
{
    DraftRow *r = arena_alloc(b->a, sizeof *r);
    r->kind = DROW_ROW;
    r->lineno = l->lineno;
    r->label = l->cells[0].text;
    r->cells = arena_alloc(b->a, sizeof *r->cells * (size_t)(tb->ncols ? tb->ncols : 1));
    bool *used = arena_alloc(b->a, sizeof *used * (size_t)(l->ncells + 1));
    int stated = 0;
    /* as many figures as columns: in order */
    int values = 0;
    for (int i = 1; i < l->ncells; i++)
        values += l->cells[i].kind != DCELL_EMPTY;
    int data_cols = 0;
    for (int k = 0; k < tb->ncols; k++)
        data_cols += 1;
    if (!l->tabbed && values == data_cols) {
        int k = 0;
        for (int i = 1; i < l->ncells; i++)
            if (l->cells[i].kind != DCELL_EMPTY) {
                r->cells[k++] = &l->cells[i];
                used[i] = true;
            }
    } else
        for (int k = 0; k < tb->ncols; k++)
            r->cells[k] = cell_for(tb, l, k, used);
    for (int i = 1; i < l->ncells; i++)
        if (!used[i] && l->cells[i].kind != DCELL_EMPTY) {
            add_to_comment(b, r, arena_printf(b->a, _("not placed in a column: \"%s\""),
                                              l->cells[i].text));
            draft_guess(b->g, l->lineno, _("\"%s\" is in no column: kept as a comment"), l->cells[i].text);
        }
    for (int k = 0; k < tb->ncols; k++) {
        const DraftCell *c = r->cells[k];
        if (!c)
            continue;
        if (tb->cols[k].note) {
            if (c->kind == DCELL_FIGURE && strspn(c->text, "0123456789") == strlen(c->text) &&
                strlen(c->text) <= 2) {
                r->note = atoi(c->text);
            } else {
                add_to_comment(b, r, arena_printf(b->a, _("not a note number: \"%s\""),
                                                  c->text));
                draft_guess(b->g, l->lineno,
                            _("\"%s\" is in the column of note numbers, but is none: kept as a "
                              "comment"),
                            c->text);
            }
            r->cells[k] = NULL;
            continue;
        }
        stated++;
        if (c->footnote)
            draft_guess(b->g, l->lineno, _("\"%s\": the footnote mark '*' after the figure is left out"),
                        c->text);
        if (c->dash_changed)
            draft_guess(b->g, l->lineno, _("\"%s\": the dash is written '-'"), c->text);
        if (c->kind == DCELL_TEXT)
            draft_guess(b->g, l->lineno, _("\"%s\" is not a figure: kept as text in its cell"), c->text);
    }
    /* a row holds figures of one kind: the fewer kind is kept as text, as printed */
    int pct = 0, fig = 0;
    for (int k = 0; k < tb->ncols; k++)
        if (r->cells[k] && !tb->cols[k].note) {
            pct += r->cells[k]->kind == DCELL_PERCENT;
            fig += r->cells[k]->kind == DCELL_FIGURE;
        }
    if (pct && fig)
        for (int k = 0; k < tb->ncols; k++) {
            const DraftCell *c = r->cells[k];
            if (!c || tb->cols[k].note || c->kind != (pct >= fig ? DCELL_FIGURE : DCELL_PERCENT))
                continue;
            keep_as_text(b, r, k);
            draft_guess(b->g, l->lineno, _("\"%s\": percentages and amounts in one row; kept as text"),
                        c->text);
        }
    r->name = unique_row_name(b, tb, row_name(b, tb, r->label));
    r->sign = sign_of(r, tb->ncols, b);
    ptrvec_push(b->a, raw, r);
}

static void add_heading(Builder *b, DraftTable *tb, PtrVec *raw, const DraftLine *l)
{
    DraftRow *r = arena_alloc(b->a, sizeof *r);
    r->kind = DROW_OPEN;
    r->lineno = l->lineno;
    r->label = l->cells[0].text;
    r->name = unique_row_name(b, tb, draft_slug(b->a, r->label));
    ptrvec_push(b->a, raw, r);
}

static void add_comment(Builder *b, PtrVec *raw, const DraftLine *l)
{
    DraftRow *r = arena_alloc(b->a, sizeof *r);
    r->kind = DROW_COMMENT;
    r->lineno = l->lineno;
    r->comment = l->text;
    ptrvec_push(b->a, raw, r);
}

static void add_block(Builder *b, DraftBlockKind kind, int lineno, const char *text, DraftTable *tb)
{
    DraftBlock *blk = arena_alloc(b->a, sizeof *blk);
    blk->kind = kind;
    blk->lineno = lineno;
    blk->text = text;
    blk->table = tb;
    ptrvec_push(b->a, &b->doc->blocks, blk);
}

static bool all_percent(const DraftTable *tb)
{
    int pct = 0, other = 0;
    for (int i = 0; i < tb->rows.len; i++) {
        const DraftRow *r = tb->rows.items[i];
        if (r->kind != DROW_ROW)
            continue;
        for (int k = 0; k < tb->ncols; k++)
            if (r->cells[k]) {
                if (r->cells[k]->kind == DCELL_PERCENT)
                    pct++;
                else if (r->cells[k]->kind == DCELL_FIGURE)
                    other++;
            }
    }
    return pct > 0 && other == 0;
}

/* Every row a count ("Antal anställda" alone): the table is one of counts, not one of
 * amounts with its counts split off and nothing left. */
static bool all_counts(Builder *b, const DraftTable *tb)
{
    int rows = 0;
    for (int i = 0; i < tb->rows.len; i++) {
        const DraftRow *r = tb->rows.items[i];
        if (r->kind != DROW_ROW)
            continue;
        if (!draft_starts(fold(b, r->label), "antal"))
            return false;
        rows++;
    }
    return rows > 0;
}

static void decide_unit_and_kind(Builder *b, DraftTable *tb, int lineno)
{
    const char *ft = fold(b, tb->title);
    const char *fh = tb->header ? fold(b, tb->header) : "";
    const char *money = money_unit(ft) ? money_unit(ft) : money_unit(fh);
    bool count = false;
    for (int k = 0; k < tb->ncols; k++)
        if (tb->cols[k].label && (draft_has_word(fold(b, tb->cols[k].label), "antal") ||
                                  draft_has_word(fold(b, tb->cols[k].label), "deltagare")))
            count = true;
    if (!tb->required && all_counts(b, tb)) {
        tb->unit = "count";
        draft_guess(b->g, lineno, _("table \"%s\": unit count (every row is an antal)"), tb->title);
    } else if (money) {
        tb->unit = money;
        draft_guess(b->g, lineno, _("table \"%s\": unit %s, as its heading says"), tb->title,
                    tb->unit);
    } else if (tb->required && strcmp(tb->name, "deltagare") != 0) {
        /* the statements the national rules read are in kronor */
    } else if (all_percent(tb))
        tb->unit = "%";
    else if (count || draft_starts(ft, "antal") || draft_starts(ft, "deltagare")) {
        tb->unit = "count";
        draft_guess(b->g, lineno, _("table \"%s\": unit count (the headings say antal or deltagare)"), tb->title);
    }
    bool budget = false;
    for (int k = 0; k < tb->ncols; k++)
        budget |= strcmp(tb->cols[k].name, "budget") == 0;
    bool statement = strcmp(tb->name, "income") == 0 || strcmp(tb->name, "balance") == 0 ||
                     strcmp(tb->name, "cashflow") == 0;
    if (tb->note || statement)
        tb->kind = "accounts";
    else if (budget)
        tb->kind = "budget";
    else if (tb->unit && strcmp(tb->unit, "%") == 0)
        tb->kind = "indicators";
    else
        tb->kind = "table";
}

/* A figure in tkr or mkr stands for a thousand or a million times as many kronor: one
 * that is then beyond finsam's arithmetic is kept as text, as printed, where the year
 * file would not load. */
static void keep_too_large_as_text(Builder *b, DraftTable *tb)
{
    int64_t per = kronor_per_figure(tb);
    if (per <= 1)
        return;
    for (int i = 0; i < tb->rows.len; i++) {
        DraftRow *r = tb->rows.items[i];
        if (r->kind != DROW_ROW || r->count)
            continue;
        for (int k = 0; k < tb->ncols; k++) {
            const DraftCell *c = r->cells[k];
            Num n;
            if (!c || c->kind != DCELL_FIGURE ||
                figure_interval(c->micro, c->decimals, per, 1, &n) == NUM_OK)
                continue;
            keep_as_text(b, r, k);
            draft_guess(b->g, r->lineno, _("\"%s\" %s is beyond finsam's arithmetic: kept as text"),
                        c->text, tb->unit);
        }
    }
}

/* A column formula computes in every row: where a row holds a percentage in one of
 * its columns and an amount in another, it would subtract the one from the other. */
static void drop_mixed_column_formulas(Builder *b, DraftTable *tb)
{
    for (int k = 0; k < tb->ncols; k++) {
        DraftCol *c = &tb->cols[k];
        if (!c->formula)
            continue;
        for (int i = 0; i < tb->rows.len && c->formula; i++) {
            const DraftRow *r = tb->rows.items[i];
            if (r->kind != DROW_ROW)
                continue;
            int pct = 0, fig = 0;
            for (int j = 0; j < tb->ncols; j++) {
                if (!r->cells[j] || tb->cols[j].note)
                    continue;
                pct += r->cells[j]->kind == DCELL_PERCENT;
                fig += r->cells[j]->kind == DCELL_FIGURE;
            }
            if (pct && fig) {
                draft_guess(b->g, r->lineno,
                            _("column \"%s\": no formula, since this row holds percentages and amounts"),
                            c->label ? c->label : c->name);
                c->formula = NULL;
            }
        }
    }
}

static bool has_percent(const DraftRow *r, int ncols)
{
    for (int k = 0; k < ncols; k++)
        if (r->cells[k] && r->cells[k]->kind == DCELL_PERCENT)
            return true;
    return false;
}

/* The national rules compare amounts and counts: a row of theirs that holds a
 * percentage is not theirs (it keeps a name of its own, and theirs is left to fill in);
 * participants with percentages are not the participants table. */
static void keep_required_amounts(Builder *b, DraftTable *tb)
{
    if (!tb->required)
        return;
    bool participants = strcmp(tb->name, "deltagare") == 0;
    for (int i = 0; i < tb->rows.len; i++) {
        DraftRow *r = tb->rows.items[i];
        if (r->kind != DROW_ROW || !has_percent(r, tb->ncols))
            continue;
        if (participants) {
            tb->name = table_name(b, "deltagare_table");
            tb->required = false;
            draft_guess(b->g, r->lineno, _("a percentage among the participants: not the national rules' 'deltagare'"));
            return;
        }
        for (size_t k = 0; k < sizeof known_rows / sizeof known_rows[0]; k++)
            if (strcmp(known_rows[k].table, tb->name) == 0 && strcmp(known_rows[k].name, r->name) == 0) {
                const char *own = unique_row_name(b, tb, draft_slug(b->a, r->label));
                draft_guess(b->g, r->lineno, _("\"%s\" holds a percentage: named '%s', not the national rules' '%s'"),
                            r->label, own, r->name);
                r->name = own;
                break;
            }
    }
}

/* A table goes on over a page break: from line i on, blank lines and page furniture,
 * then the table's column headings again (header, its first line; the first cell empty
 * or as before), then a row. Returns the line of that row, or i if it does not. */
static int repeated_header_after(const DraftText *t, int i, const DraftLine *header)
{
    if (!is_header(header))
        return i;
    int n = next_content(t, i);
    if (n < 0 || n == i || !is_header(&t->lines[n]))
        return i;
    const DraftLine *h = &t->lines[n];
    if (h->cells[0].kind != DCELL_EMPTY && strcmp(h->cells[0].text, header->cells[0].text) != 0)
        return i;
    int k = 1, j = 1; /* the headings after the first cell, empty ones passed over */
    for (;;) {
        while (k < h->ncells && h->cells[k].kind == DCELL_EMPTY)
            k++;
        while (j < header->ncells && header->cells[j].kind == DCELL_EMPTY)
            j++;
        if (k == h->ncells || j == header->ncells)
            break;
        if (strcmp(h->cells[k].text, header->cells[j].text) != 0)
            return i;
        k++;
        j++;
    }
    if (k != h->ncells || j != header->ncells)
        return i;
    int row = next_content(t, n + 1);
    return row >= 0 && is_row(&t->lines[row]) ? row : i;
}

/* Reads the table that starts at line i (a header or a row); returns the first line
 * after it. */
static int read_table(Builder *b, int i)
{
    const DraftText *t = b->t;
    DraftTable *tb = arena_alloc(b->a, sizeof *tb);
    const DraftLine *first = &t->lines[i];
    tb->lineno = first->lineno;
    PtrVec raw = {0};
    /* the title: the header's first cell when it is a title, else the heading above */
    const char *title = NULL;
    if (is_header(first)) {
        const char *h = first->cells[0].text;
        const char *fh = fold(b, h);
        int words = 0;
        for (const char *p = fh; *p; p++)
            words += *p != ' ' && (p == fh || p[-1] == ' ');
        if ((words >= 3 && !draft_starts(fh, "belopp")) || well_known_table(b, h))
            title = h;
        else if (*h)
            tb->header = h;
        int nn = title ? note_number(b, title) : 0;
        if (nn) { /* "Not 1 Verksamhetens intäkter  2025  2024": the note's own heading */
            b->pending_note = nn;
            b->note_title = title;
            b->note_line = tb->lineno;
        }
        /* the columns */
        tb->cols = arena_alloc(b->a, sizeof *tb->cols * (size_t)first->ncells);
        for (int k = 1; k < first->ncells; k++) {
            const DraftCell *c = &first->cells[k];
            if (c->kind == DCELL_EMPTY && !first->tabbed)
                continue;
            DraftCol *col = &tb->cols[tb->ncols++];
            col->label = c->text;
            col->col = c->col;
            col->endcol = c->endcol;
            col->cell = first->tabbed ? k : 0;
        }
        i++;
        /* headings that go on over a second line */
        while (i < t->nlines && is_header(&t->lines[i]) && t->lines[i].cells[0].kind == DCELL_EMPTY) {
            const DraftLine *l = &t->lines[i];
            for (int k = 1; k < l->ncells; k++) {
                const DraftCell *c = &l->cells[k];
                if (c->kind == DCELL_EMPTY)
                    continue;
                int best = -1;
                for (int j = 0; j < tb->ncols; j++)
                    if ((l->tabbed && tb->cols[j].cell == k) ||
                        (!l->tabbed && c->col < tb->cols[j].endcol + 2 && c->endcol > tb->cols[j].col - 2))
                        best = j;
                if (best >= 0)
                    tb->cols[best].label = *tb->cols[best].label
                        ? arena_printf(b->a, "%s %s", tb->cols[best].label, c->text)
                        : c->text;
            }
            i++;
        }
        /* drop columns with no heading at all */
        int kept = 0;
        for (int j = 0; j < tb->ncols; j++)
            if (*tb->cols[j].label)
                tb->cols[kept++] = tb->cols[j];
        tb->ncols = kept;
    } else {
        tb->cols = arena_alloc(b->a, sizeof *tb->cols);
        tb->ncols = 1;
        tb->cols[0].label = arena_printf(b->a, "%d", b->doc->year);
        tb->cols[0].cell = 1;
        tb->cols[0].col = first->ncells > 1 ? first->cells[1].col : 0;
        tb->cols[0].endcol = first->ncells > 1 ? first->cells[first->ncells - 1].endcol : 0;
        draft_guess(b->g, first->lineno, _("a table without column headings: its figures are taken to be of %d"),
                    b->doc->year);
    }
    if (!title)
        title = b->heading ? strip_number(b->heading) : "Tabell";
    int note = 0;
    if (b->pending_note && b->note_line >= tb->lineno - 6) {
        title = b->note_title;
        bool twice = false;
        for (int k = 0; k < b->notes.len; k++)
            twice |= (int)(size_t)b->notes.items[k] == b->pending_note;
        if (twice)
            draft_guess(b->g, tb->lineno, _("a second table for note %d: written as a table, not as the note"),
                        b->pending_note);
        else {
            note = b->pending_note;
            ptrvec_push(b->a, &b->notes, (void *)(size_t)note);
        }
    }
    b->pending_note = 0;
    tb->title = title;
    tb->note = note;
    const char *known = note ? NULL : well_known_table(b, title);
    if (known && !name_taken(b, known)) {
        tb->name = table_name(b, known);
        tb->required = true;
    }
    name_columns(b, tb);
    int data = 0;
    for (int k = 0; k < tb->ncols; k++)
        data += !tb->cols[k].note;
    if (data == 0)
        return -1;
    bool has_target = false, has_result = false, people = false;
    for (int k = 0; k < tb->ncols; k++) {
        has_target |= strcmp(tb->cols[k].name, "target") == 0;
        has_result |= strcmp(tb->cols[k].name, "result") == 0;
        people |= tb->cols[k].label && strstr(fold(b, tb->cols[k].label), "deltagare");
    }
    if (!tb->name && has_target && has_result && people && !name_taken(b, "deltagare")) {
        tb->name = table_name(b, "deltagare");
        tb->required = true;
    }
    if (!tb->name) {
        const char *want = note ? arena_printf(b->a, "note%d", note) : draft_slug(b->a, title);
        /* the national rules' names are for the tables that have what they require */
        static const char *const required_names[] = {"income", "balance", "cashflow", "balanskrav",
                                                     "contributions", "verksamhetsmal",
                                                     "individmal", "deltagare"};
        for (size_t k = 0; k < sizeof required_names / sizeof required_names[0]; k++)
            if (strcmp(want, required_names[k]) == 0)
                want = arena_printf(b->a, "%s_table", want);
        tb->name = table_name(b, want);
    }
    if (tb->required)
        draft_guess(b->g, tb->lineno, _("table \"%s\" is the national rules' '%s'"), title, tb->name);

    /* the rows */
    int end = i;
    while (i < t->nlines) {
        const DraftLine *l = &t->lines[i];
        if (is_row(l)) {
            add_row(b, tb, &raw, l);
            end = ++i;
            continue;
        }
        int after = repeated_header_after(t, i, first);
        if (after > i) {
            /* over a page break: what stands between, the headings too, as comments */
            for (; i < after; i++)
                if (!t->lines[i].blank)
                    add_comment(b, &raw, &t->lines[i]);
            end = i;
            continue;
        }
        if (l->blank || l->furniture || is_heading_row(l)) {
            /* goes on only if a row follows */
            int n = next_content(t, i);
            if (n < 0)
                break;
            /* headings, then a row */
            int k = n;
            while (k < t->nlines && is_heading_row(&t->lines[k]) && !is_row(&t->lines[k]) && k - n < 4)
                k = next_content(t, k + 1) < 0 ? t->nlines : next_content(t, k + 1);
            if (k >= t->nlines || !is_row(&t->lines[k]))
                break;
            if (l->furniture)
                add_comment(b, &raw, l);
            else if (!l->blank)
                add_heading(b, tb, &raw, l);
            i++;
            end = i;
            continue;
        }
        break;
    }
    int rows = 0;
    for (int k = 0; k < raw.len; k++)
        rows += ((DraftRow *)raw.items[k])->kind == DROW_ROW;
    if (rows == 0)
        return -1;
    tb->rows = raw;
    keep_required_amounts(b, tb);
    if (!try_allocation(b, tb)) {
        drop_mixed_column_formulas(b, tb);
        decide_unit_and_kind(b, tb, tb->lineno);
        shape(b, tb, &raw);
        keep_too_large_as_text(b, tb);
    }
    add_block(b, BLOCK_TABLE, tb->lineno, NULL, tb);
    return end;
}

static bool is_contents(Builder *b)
{
    return b->heading && strstr(fold(b, b->heading), "innehall");
}

DraftDoc *draft_build(Arena *a, const DraftText *t, DraftGuesses *g)
{
    Builder b = {.a = a, .t = t, .g = g};
    b.doc = arena_alloc(a, sizeof *b.doc);
    find_report(&b);
    bool last_blank = true;
    for (int i = 0; i < t->nlines;) {
        const DraftLine *l = &t->lines[i];
        if (l->blank) {
            if (!last_blank)
                add_block(&b, BLOCK_BLANK, l->lineno, NULL, NULL);
            last_blank = true;
            i++;
            continue;
        }
        last_blank = false;
        if (!l->furniture && !is_contents(&b) && (is_header(l) || is_row(l))) {
            bool starts = is_row(l);
            if (!starts) {
                int n = next_content(t, i + 1);
                while (n >= 0 && is_header(&t->lines[n]) && t->lines[n].cells[0].kind == DCELL_EMPTY)
                    n = next_content(t, n + 1);
                starts = n >= 0 && (is_row(&t->lines[n]) || is_heading_row(&t->lines[n]));
            }
            if (starts) {
                int next = read_table(&b, i);
                if (next > i) {
                    i = next;
                    continue;
                }
            }
        }
        add_block(&b, BLOCK_PROSE, l->lineno, l->text, NULL);
        if (!l->furniture) {
            int nn = l->ncells == 1 ? note_number(&b, l->cells[0].text) : 0;
            if (nn) {
                b.pending_note = nn;
                b.note_title = l->cells[0].text;
                b.note_line = l->lineno;
            }
            if (heading_like(l)) {
                b.heading = l->cells[0].text;
                b.heading_line = l->lineno;
            }
            b.last_prose = l->text;
        }
        i++;
    }
    return b.doc;
}
