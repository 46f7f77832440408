/* SPDX-License-Identifier: MIT */
/*
 * The number and literal lexers' slow paths (lex.h). The guard completes
 * plain integers and literals inline; numbers with a leading zero, a
 * fraction or an exponent, and tokens cut by the end of a chunk, come
 * here. A number ends at the first byte that cannot extend it, as yajl
 * reads numbers: `01` is the number 0 and then a stray `1`.
 */
#include "detail.h"
#include "lex.h"

/* The next number sub-state for byte c, or -1 when c cannot extend the
 * number. */
static int
number_step(int sub, uint8_t c)
{
    bool digit = c >= '0' && c <= '9';
    bool exponent = c == 'e' || c == 'E';
    switch (sub) {
    case IXJ__NS_MINUS:
        return c == '0' ? IXJ__NS_ZERO : digit ? IXJ__NS_INT : -1;
    case IXJ__NS_ZERO:
        return c == '.' ? IXJ__NS_DOT : exponent ? IXJ__NS_EXP_MARK : -1;
    case IXJ__NS_INT:
        return digit      ? IXJ__NS_INT
               : c == '.' ? IXJ__NS_DOT
               : exponent ? IXJ__NS_EXP_MARK
                          : -1;
    case IXJ__NS_DOT:
        return digit ? IXJ__NS_FRAC : -1;
    case IXJ__NS_FRAC:
        return digit ? IXJ__NS_FRAC : exponent ? IXJ__NS_EXP_MARK : -1;
    case IXJ__NS_EXP_MARK:
        return (c == '+' || c == '-') ? IXJ__NS_EXP_SIGN
               : digit                ? IXJ__NS_EXP
                                      : -1;
    default: /* IXJ__NS_EXP_SIGN, IXJ__NS_EXP */
        return digit ? IXJ__NS_EXP : -1;
    }
}

bool
ixj__number_accepts(int sub)
{
    return sub == IXJ__NS_ZERO || sub == IXJ__NS_INT || sub == IXJ__NS_FRAC ||
           sub == IXJ__NS_EXP;
}

/* Why a number cannot end in sub-state sub. */
static uint8_t
number_detail(int sub)
{
    if (sub == IXJ__NS_MINUS)
        return IXJ__D_MINUS_ALONE;
    return sub == IXJ__NS_DOT ? IXJ__D_DOT_ALONE : IXJ__D_EXPONENT_ALONE;
}

int
ixj__lex_number(ixj__guard *g, const uint8_t **pp, const uint8_t *end,
                const uint8_t *buf, uint64_t base)
{
    const uint8_t *p = *pp;
    uint64_t limit_offset = g->tok_start + g->max_number;

    for (; p < end; p++) {
        uint64_t pos = base + (uint64_t)(p - buf);
        int next = number_step(g->sub, *p);
        if (next < 0) {
            *pp = p;
            if (!ixj__number_accepts(g->sub)) {
                ixj__guard_fail(g, IXJ_ERR_SYNTAX, number_detail(g->sub), pos,
                                IXJ__CTX_VALUE);
                return IXJ__LEX_ERROR;
            }
            if (g->sub == IXJ__NS_ZERO && *p >= '0' && *p <= '9')
                g->leading_zero_at = pos; /* a syntax error, next */
            return IXJ__LEX_DONE;
        }
        if (pos >= limit_offset) {
            ixj__guard_fail(g, IXJ_ERR_LIMIT, IXJ__D_NUMBER_LIMIT, g->tok_start,
                            IXJ__CTX_VALUE);
            return IXJ__LEX_ERROR;
        }
        g->sub = (uint8_t)next;
    }
    *pp = p;
    return IXJ__LEX_MORE;
}

int
ixj__lex_literal(ixj__guard *g, const uint8_t **pp, const uint8_t *end,
                 const uint8_t *buf, uint64_t base)
{
    const char *word = g->word == 't'   ? "true"
                       : g->word == 'f' ? "false"
                                        : "null";
    const uint8_t *p = *pp;
    for (; word[g->word_done] != '\0'; g->word_done++, p++) {
        if (p == end) {
            *pp = p;
            return IXJ__LEX_MORE;
        }
        if (*p != (uint8_t)word[g->word_done]) {
            *pp = p; /* the guard stops at the byte in error */
            ixj__guard_fail(g, IXJ_ERR_SYNTAX,
                            g->word == 't'   ? IXJ__D_LITERAL_TRUE
                            : g->word == 'f' ? IXJ__D_LITERAL_FALSE
                                             : IXJ__D_LITERAL_NULL,
                            base + (uint64_t)(p - buf), IXJ__CTX_VALUE);
            return IXJ__LEX_ERROR;
        }
    }
    *pp = p;
    return IXJ__LEX_DONE;
}
