/* SPDX-License-Identifier: MIT */
/*
 * Why the guard stopped (guard_detail.h): the detail of each syntax
 * error, by the grammar state and the byte that broke it, and the
 * context (value or container) whose path names the error. Only error
 * paths call these.
 */
#include "guard_detail.h"

#include "detail.h"

uint8_t
ixj__root_type_detail(uint8_t c)
{
    int type = c == '"'                 ? IXJ__JSON_STRING
               : c == '['               ? IXJ__JSON_ARRAY
               : c == 'n'               ? IXJ__JSON_NULL
               : (c == 't' || c == 'f') ? IXJ__JSON_BOOL
                                        : IXJ__JSON_NUMBER;
    return (uint8_t)(IXJ__D_TYPE_OBJECT_NULL + type);
}

/* Why byte c cannot start a value. */
static uint8_t
value_detail(uint8_t c)
{
    if (c == 'N' || c == 'I')
        return IXJ__D_NOT_A_NUMBER;
    if (c == '+')
        return IXJ__D_PLUS_SIGN;
    return c == '.' ? IXJ__D_LEADING_DOT : IXJ__D_EXPECTED_VALUE;
}

uint8_t
ixj__between_detail(const ixj__guard *g, ixj__gstate state, uint8_t c,
                    uint64_t at)
{
    if (c == 0x0C)
        return IXJ__D_FORM_FEED;
    if (c == 0x0B)
        return IXJ__D_VERTICAL_TAB;
    if (c < 0x20)
        return IXJ__D_CONTROL_OUTSIDE;
    if (c == 0xEF && state == IXJ__GS_VALUE_TOP && at == g->doc_start)
        return IXJ__D_BOM;
    if (c >= 0x80)
        return IXJ__D_NON_ASCII_OUTSIDE;
    if (c == '/')
        return IXJ__D_COMMENT;
    if (c == '\'')
        return IXJ__D_SINGLE_QUOTE;
    if (at == g->leading_zero_at)
        return IXJ__D_LEADING_ZERO;
    switch (state) {
    case IXJ__GS_VALUE_ELEMENT:
        return c == ']' ? IXJ__D_COMMA_BEFORE_BRACKET : value_detail(c);
    case IXJ__GS_OBJECT_FIRST:
        return IXJ__D_EXPECTED_KEY_OR_CLOSE;
    case IXJ__GS_KEY:
        return c == '}' ? IXJ__D_COMMA_BEFORE_BRACE : IXJ__D_EXPECTED_KEY;
    case IXJ__GS_COLON:
        return IXJ__D_EXPECTED_COLON;
    case IXJ__GS_AFTER_MEMBER:
        return IXJ__D_EXPECTED_COMMA_OR_BRACE;
    case IXJ__GS_AFTER_ELEMENT:
        return IXJ__D_EXPECTED_COMMA_OR_BRACKET;
    case IXJ__GS_DONE:
        return IXJ__D_AFTER_TOP;
    default: /* VALUE_TOP, VALUE_MEMBER, ARRAY_FIRST */
        return value_detail(c);
    }
}

uint8_t
ixj__truncated_detail(const ixj__guard *g)
{
    switch (g->state) {
    case IXJ__GS_STRING:
        return IXJ__D_IN_STRING;
    case IXJ__GS_NUMBER:
        return IXJ__D_IN_NUMBER;
    case IXJ__GS_LITERAL:
        return IXJ__D_IN_LITERAL;
    default:
        if (g->depth == 0)
            return IXJ__D_EMPTY;
        return g->is_array[g->depth - 1] ? IXJ__D_IN_ARRAY : IXJ__D_IN_OBJECT;
    }
}

int
ixj__state_ctx(const ixj__guard *g)
{
    switch (g->state) {
    case IXJ__GS_VALUE_TOP:
    case IXJ__GS_VALUE_MEMBER:
    case IXJ__GS_VALUE_ELEMENT:
    case IXJ__GS_NUMBER:
    case IXJ__GS_LITERAL:
        return IXJ__CTX_VALUE;
    case IXJ__GS_STRING:
        return g->key ? IXJ__CTX_CONTAINER : IXJ__CTX_VALUE;
    default:
        return IXJ__CTX_CONTAINER;
    }
}
