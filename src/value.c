#include "value.h"

#include <stdio.h>
#include <string.h>

#include "figure.h"
#include "i18n.h"

Value value_number(Kind kind, Unit unit, Num n)
{
    Value v = {0};
    v.kind = kind;
    v.unit = unit;
    v.n = n;
    return v;
}

Value value_bool(bool b)
{
    Value v = {0};
    v.kind = K_BOOL;
    v.b = b;
    return v;
}

Value value_of_literal(const Literal *lit)
{
    Value v = value_number(lit->kind, lit->unit, lit->value);
    v.printed = lit->printed;
    v.decimals = lit->decimals;
    v.figure = lit->figure;
    return v;
}

static bool kind_is_figure(uint8_t k)
{
    return k == K_MONEY || k == K_PERCENT || k == K_COUNT || k == K_NUMBER;
}

Kind unit_kind(Unit u)
{
    return u == U_PERCENT ? K_PERCENT : u == U_COUNT ? K_COUNT : K_MONEY;
}

bool value_stated(const Table *t, const Row *r, const Column *c, Value *out)
{
    if (c->index >= r->ncells)
        return false;
    const Cell *cell = &r->cells[c->index];
    if (cell->type != CELL_FIGURE && cell->type != CELL_DASH)
        return false;
    return value_of_cell(cell, t->unit, r->kind, out) == NUM_OK;
}

NumStatus value_of_cell(const Cell *c, Unit table_unit, Kind row_kind, Value *out)
{
    Value v = {0};
    NumStatus st = NUM_OK;
    v.printed = true;
    v.decimals = c->decimals;
    switch (c->type) {
    case CELL_DASH:
        v.kind = row_kind;
        v.unit = row_kind == K_PERCENT ? U_PERCENT : table_unit;
        v.n = num_exact(0);
        break;
    case CELL_FIGURE:
        v.figure = c->figure;
        if (c->percent || table_unit == U_PERCENT) {
            v.kind = K_PERCENT;
            v.unit = U_PERCENT;
            st = figure_interval(c->figure, c->decimals, 1, 100, &v.n);
        } else if (table_unit == U_TKR || table_unit == U_MKR) {
            /* a figure in thousands or millions stands for what rounds to it */
            v.kind = K_MONEY;
            v.unit = table_unit;
            st = figure_interval(c->figure, c->decimals, table_unit == U_TKR ? 1000 : 1000000,
                                 1, &v.n);
        } else {
            v.kind = unit_kind(table_unit);
            v.unit = table_unit;
            v.n = num_exact(c->figure);
        }
        break;
    default:
        v.absent = true;
        v.printed = false;
        break;
    }
    *out = v;
    return st;
}

Unit unit_combine(Kind k, Unit a, Unit b)
{
    if (k == K_PERCENT)
        return U_PERCENT;
    if (k == K_COUNT)
        return U_COUNT;
    if (k != K_MONEY)
        return U_NONE;
    if (a == U_TKR && (b == U_TKR || b == U_NONE))
        return U_TKR;
    if (b == U_TKR && a == U_NONE)
        return U_TKR;
    if (a == U_MKR && (b == U_MKR || b == U_NONE))
        return U_MKR;
    if (b == U_MKR && a == U_NONE)
        return U_MKR;
    return U_KR;
}

/* One end of an interval in the unit: kr with öre when there are öre, tkr with up
 * to three decimals, percentages with up to four. */
static void format_micro(int64_t micro, Kind kind, Unit u, int min_places, int max_places,
                         char *buf)
{
    if (kind == K_PERCENT) {
        /* 0,754 -> 75,4: the fraction times a hundred */
        num_format_shifted(micro, 2, min_places, max_places, buf);
        strcat(buf, " %");
    } else if (kind == K_MONEY && u == U_TKR) {
        num_format_shifted(micro, -3, min_places, max_places, buf);
        strcat(buf, " tkr");
    } else if (kind == K_MONEY && u == U_MKR) {
        num_format_shifted(micro, -6, min_places, max_places, buf);
        strcat(buf, " mkr");
    } else if (kind == K_MONEY) {
        /* kronor and öre: 1 572 800,80; a printed figure with the decimals it has */
        int places = min_places ? min_places : micro % NUM_SCALE ? 2 : 0;
        num_format(micro, places, max_places > places ? max_places : places, buf);
        strcat(buf, " kr");
    } else {
        num_format(micro, min_places, max_places, buf);
    }
}

static bool shows_zero(const char *s)
{
    for (; *s; s++)
        if (*s >= '1' && *s <= '9')
            return false;
    return true;
}

/* A printed figure as printed, from the figure itself: the interval it stands for may
 * be wider than its last digit (12,34554 % is 0,123455 to 0,123456). */
static void format_printed(const Value *v, char *buf)
{
    if (v->kind == K_PERCENT || (v->kind == K_MONEY && (v->unit == U_TKR || v->unit == U_MKR))) {
        num_format(v->figure, v->decimals, v->decimals, buf);
        strcat(buf, v->kind == K_PERCENT ? " %" : v->unit == U_TKR ? " tkr" : " mkr");
    } else {
        format_micro(v->figure, v->kind, v->unit, v->decimals, v->decimals, buf);
    }
}

/* The decimals a formatted figure shows, and of them those up to the last that is not
 * zero ("1 000,50 kr": 2 and 1; "1 000,00 kr": 2 and 0). */
static int decimals(const char *s, int *significant)
{
    const char *comma = strchr(s, ',');
    int n = 0;
    *significant = 0;
    if (!comma)
        return 0;
    for (const char *p = comma + 1; *p >= '0' && *p <= '9'; p++) {
        n++;
        if (*p != '0')
            *significant = n;
    }
    return n;
}

/* Drops a comma and the zeros after it: "1 000,00 kr" is "1 000 kr". */
static void drop_zero_decimals(char *s)
{
    char *comma = strchr(s, ',');
    if (!comma)
        return;
    char *end = comma + 1;
    while (*end == '0')
        end++;
    memmove(comma, end, strlen(end) + 1);
}

/* Both ends of an interval with the same decimals, as many as either needs (kronor:
 * öre on both or on neither; a zero end is 0): not "between 936 000 and 983 995,20 kr" nor "1 000,00"
 * at one end only. */
static void same_decimals(Num n, Kind kind, Unit u, char *lo, char *hi)
{
    int sig_lo, sig_hi;
    int d_lo = decimals(lo, &sig_lo), d_hi = decimals(hi, &sig_hi);
    int want = sig_lo > sig_hi ? sig_lo : sig_hi;
    if (want && kind == K_MONEY && u != U_TKR && u != U_MKR && want < 2)
        want = 2;
    if (d_lo == want && d_hi == want)
        return;
    if (want == 0) {
        drop_zero_decimals(lo);
        drop_zero_decimals(hi);
        return;
    }
    /* a zero end stays 0: "between 0 and 0,000002 tkr" */
    if (n.lo)
        format_micro(n.lo, kind, u, want, want, lo);
    if (n.hi)
        format_micro(n.hi, kind, u, want, want, hi);
}

char *value_format_num(Num n, Kind kind, Unit u, char *buf)
{
    char lo[NUM_FMT_MAX + 8], hi[NUM_FMT_MAX + 8];
    int places = kind == K_PERCENT ? 4 : kind != K_MONEY ? 6 : u == U_TKR || u == U_MKR ? 3 : 2;
    /* A value that is not zero is never shown as 0 (a difference of 0,000004 tkr is not
     * "0 tkr"): more places, as many as it takes and the unit has. */
    for (;;) {
        format_micro(n.lo, kind, u, 0, places, lo);
        format_micro(n.hi, kind, u, 0, places, hi);
        if (places >= 6 || !((n.lo && shows_zero(lo)) || (n.hi && shows_zero(hi))))
            break;
        places++;
    }
    if (num_is_exact(n)) {
        strcpy(buf, lo);
        return buf;
    }
    if (strcmp(lo, hi) == 0) {
        strcpy(buf, lo);
        return buf;
    }
    same_decimals(n, kind, u, lo, hi);
    /* "between 8 157 and 8 171 tkr": the unit once, at the end */
    const char *unit = strchr(lo, ' ') ? strrchr(lo, ' ') : "";
    if (kind == K_COUNT || kind == K_NUMBER)
        unit = "";
    size_t cut = strlen(lo) - strlen(unit);
    /* TRANSLATORS: an interval: "between 8 157 and 8 171 tkr"; the unit is given
     * once, after the second figure. */
    snprintf(buf, VALUE_FMT_MAX, _("between %.*s and %s"), (int)cut, lo, hi);
    return buf;
}

char *value_format(const Value *v, char *buf)
{
    if (v->absent)
        return strcpy(buf, _("nothing (an empty cell)"));
    switch (v->kind) {
    case K_BOOL:
        return strcpy(buf, v->b ? _("true") : _("false"));
    case K_DATE: {
        int64_t d = v->n.lo / NUM_SCALE;
        snprintf(buf, VALUE_FMT_MAX, "%04d-%02d-%02d", (int)(d / 10000), (int)(d / 100 % 100),
                 (int)(d % 100));
        return buf;
    }
    default:
        if (v->printed) {
            /* the middle of a half-open interval, rounded back to what was printed */
            format_printed(v, buf);
            return buf;
        }
        return value_format_num(v->n, v->kind, v->unit, buf);
    }
}

char *value_format_figure(const Value *v, const Value *like, char *buf)
{
    char tmp[VALUE_FMT_MAX - 4];
    if (v->absent || !kind_is_figure(v->kind)) {
        buf[0] = '\0';
        return buf;
    }
    int places = v->printed ? v->decimals : like && like->printed ? like->decimals : 0;
    int max = v->kind == K_PERCENT && !v->printed && !(like && like->printed) ? 1 : places;
    if (v->printed)
        format_printed(v, tmp);
    else
        format_micro(num_mid(v->n), (Kind)v->kind, (Unit)v->unit, places, max, tmp);
    /* the unit is in the table's heading; a percentage keeps its sign */
    char *unit = strstr(tmp, " kr");
    if (!unit)
        unit = strstr(tmp, " tkr");
    if (!unit)
        unit = strstr(tmp, " mkr");
    if (unit)
        *unit = '\0';
    if (tmp[0] == '-')
        snprintf(buf, VALUE_FMT_MAX, "\xE2\x88\x92%s", tmp + 1);
    else
        strcpy(buf, tmp);
    return buf;
}
