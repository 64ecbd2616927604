#include "kind.h"

#include "i18n.h"

bool kind_is_numeric(Kind k)
{
    return k == K_NUMBER || k == K_MONEY || k == K_PERCENT || k == K_COUNT;
}

const char *kind_name(Kind k)
{
    switch (k) {
    /* TRANSLATORS: the kinds of value, as they appear in messages such as "cannot
     * add a percentage and an amount", "this formula gives a count, but row 'x'
     * holds an amount": with their article, to stand where a noun stands. */
    case K_NUMBER: return _("a number");
    case K_MONEY: return _("an amount");
    case K_PERCENT: return _("a percentage");
    case K_COUNT: return _("a count");
    case K_BOOL: return _("a truth value");
    case K_DATE: return _("a date");
    case K_STRING: return _("a text");
    case K_ROWS: return _("a set of rows");
    case K_UNKNOWN: break;
    }
    return _("a value of unknown kind");
}

const char *binop_symbol(BinOp op)
{
    static const char *const symbols[] = {"+", "-", "*", "/", "==", "!=", "<", "<=", ">",
                                           ">=", "and", "or"};
    return symbols[op];
}

/* A bare number takes the kind of what it is combined with. */
static Kind same_kind(Kind a, Kind b)
{
    if (a == K_NUMBER)
        return b;
    if (b == K_NUMBER || a == b)
        return a;
    return K_UNKNOWN;
}

static Kind multiply(Kind a, Kind b)
{
    if (a == K_NUMBER)
        return b;
    if (b == K_NUMBER)
        return a;
    if (a == K_PERCENT)
        return b;
    if (b == K_PERCENT)
        return a;
    if ((a == K_MONEY && b == K_COUNT) || (a == K_COUNT && b == K_MONEY))
        return K_MONEY;
    return K_UNKNOWN;
}

static Kind divide(Kind a, Kind b)
{
    if (b == K_NUMBER)
        return a;
    if (a == b)
        return a == K_NUMBER ? K_NUMBER : K_PERCENT; /* a share of a whole */
    if (b == K_PERCENT || (a == K_MONEY && b == K_COUNT))
        return a == K_NUMBER ? K_UNKNOWN : a;
    return K_UNKNOWN;
}

Kind kind_binop(BinOp op, Kind a, Kind b)
{
    switch (op) {
    case OP_AND:
    case OP_OR:
        return a == K_BOOL && b == K_BOOL ? K_BOOL : K_UNKNOWN;
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE: {
        /* a date is compared with a date: 2026-03-16 > year has no meaning */
        if ((a == K_DATE) != (b == K_DATE))
            return K_UNKNOWN;
        Kind k = same_kind(a, b);
        return (kind_is_numeric(k) || k == K_DATE) ? K_BOOL : K_UNKNOWN;
    }
    case OP_ADD:
    case OP_SUB: {
        Kind k = same_kind(a, b);
        return kind_is_numeric(k) ? k : K_UNKNOWN;
    }
    case OP_MUL:
        return kind_is_numeric(a) && kind_is_numeric(b) ? multiply(a, b) : K_UNKNOWN;
    case OP_DIV:
        return kind_is_numeric(a) && kind_is_numeric(b) ? divide(a, b) : K_UNKNOWN;
    }
    return K_UNKNOWN;
}
