/* SPDX-License-Identifier: MIT */
/*
 * The string lexer's slow path (lex.h): escapes, \u surrogate pairing,
 * strict UTF-8 and the string limit, resumable at any byte. The guard
 * completes strings without any of these inline; it calls this from the
 * first byte that needs a closer look, or to resume a held string.
 */
#include <stdbool.h>

#include "classify.h"
#include "compiler.h"
#include "detail.h"
#include "lex.h"
#include "utf8.h"

/* A 64-byte window of the input whose special bytes are known (the
 * string's later specials are mostly in the window of its first). */
typedef struct window {
    uintptr_t start;
    uint64_t mask;
} window;

/* The first byte in [p, end) that ends a run of plain string content. */
static IXJ__INLINE const uint8_t *
find_special(window *w, const uint8_t *p, const uint8_t *end)
{
    uintptr_t off = (uintptr_t)p - w->start;
    if (off < 64) {
        uint64_t m = w->mask >> off;
        if (m != 0) {
            const uint8_t *q = p + __builtin_ctzll(m);
            return q < end ? q : end;
        }
        p = (const uint8_t *)(w->start + 64);
    }
    while (p < end) {
        w->start = (uintptr_t)p;
        w->mask = ixj__specials64(p, (size_t)(end - p));
        if (w->mask != 0)
            return p + __builtin_ctzll(w->mask);
        p += 64;
    }
    return end;
}

static IXJ__INLINE bool
is_short_escape(uint8_t c)
{
    return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' ||
           c == 'n' || c == 'r' || c == 't';
}

/* Why a byte cannot start a UTF-8 sequence. */
static uint8_t
lead_detail(uint8_t c)
{
    if (c < 0xC0)
        return IXJ__D_STRAY_CONTINUATION;
    return c < 0xC2 ? IXJ__D_OVERLONG_LEAD : IXJ__D_NEVER_UTF8;
}

/* Why byte c cannot continue the sequence that `lead` began. Only the
 * first continuation byte has a narrower range than 0x80-0xBF. */
static uint8_t
continuation_detail(uint8_t lead, uint8_t c)
{
    if (c < 0x80 || c > 0xBF)
        return IXJ__D_CUT_SEQUENCE;
    if (lead == 0xE0 || lead == 0xF0)
        return IXJ__D_OVERLONG;
    return lead == 0xED ? IXJ__D_UTF8_SURROGATE : IXJ__D_ABOVE_UNICODE;
}

static int
context(const ixj__guard *g)
{
    return g->key ? IXJ__CTX_CONTAINER : IXJ__CTX_VALUE;
}

/* Applies a complete \uXXXX escape. Returns false after recording an
 * error. */
static bool
finish_hex(ixj__guard *g)
{
    uint32_t u = g->hex;
    if (g->sub == IXJ__SS_LOW_HEX) {
        if (u < 0xDC00 || u > 0xDFFF) {
            ixj__guard_fail(g, IXJ_ERR_STRING, IXJ__D_HIGH_THEN_NOT_LOW,
                            g->high_start, context(g));
            return false;
        }
        g->sub = IXJ__SS_PLAIN;
        return true;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
        g->high_start = g->esc_start;
        g->sub = IXJ__SS_LOW_BACKSLASH;
        return true;
    }
    if ((u >= 0xDC00 && u <= 0xDFFF) || (u == 0 && !g->allow_nul)) {
        ixj__guard_fail(g, IXJ_ERR_STRING,
                        u == 0 ? IXJ__D_NUL : IXJ__D_LONE_LOW, g->esc_start,
                        context(g));
        return false;
    }
    g->sub = IXJ__SS_PLAIN;
    return true;
}

/* One step of the string machine at byte c (at offset pos). Returns
 * IXJ__LEX_MORE to go on with the next byte, IXJ__LEX_DONE at the closing
 * quote, IXJ__LEX_ERROR after recording an error. */
static IXJ__INLINE int
string_step(ixj__guard *g, uint8_t c, uint64_t pos)
{
    switch (g->sub) {
    case IXJ__SS_PLAIN:
        if (c == '"')
            return IXJ__LEX_DONE;
        if (c == '\\') {
            g->esc_start = pos;
            g->escaped = true;
            g->sub = IXJ__SS_ESCAPE;
        } else if (c < 0x20) {
            ixj__guard_fail(g, IXJ_ERR_SYNTAX, (uint8_t)(IXJ__D_CONTROL_00 + c),
                            pos, context(g));
            return IXJ__LEX_ERROR;
        } else if (c >= 0x80) {
            if (!ixj__utf8_lead(c, &g->seq_left, &g->seq_lo, &g->seq_hi)) {
                ixj__guard_fail(g, IXJ_ERR_STRING, lead_detail(c), pos,
                                context(g));
                return IXJ__LEX_ERROR;
            }
            g->seq_start = pos;
            g->seq_lead = c;
            g->sub = IXJ__SS_UTF8;
        }
        return IXJ__LEX_MORE;
    case IXJ__SS_UTF8:
        if (c < g->seq_lo || c > g->seq_hi) {
            ixj__guard_fail(g, IXJ_ERR_STRING,
                            continuation_detail(g->seq_lead, c), g->seq_start,
                            context(g));
            return IXJ__LEX_ERROR;
        }
        g->seq_lo = 0x80;
        g->seq_hi = 0xBF;
        if (--g->seq_left == 0)
            g->sub = IXJ__SS_PLAIN;
        return IXJ__LEX_MORE;
    case IXJ__SS_ESCAPE:
        if (c == 'u') {
            g->hex = 0;
            g->hex_digits = 0;
            g->sub = IXJ__SS_HEX;
        } else if (is_short_escape(c)) {
            g->sub = IXJ__SS_PLAIN;
        } else {
            ixj__guard_fail(g, IXJ_ERR_SYNTAX, IXJ__D_BAD_ESCAPE, g->esc_start,
                            context(g));
            return IXJ__LEX_ERROR;
        }
        return IXJ__LEX_MORE;
    case IXJ__SS_HEX:
    case IXJ__SS_LOW_HEX: {
        int v = ixj__hex_value(c);
        if (v < 0) {
            ixj__guard_fail(g, IXJ_ERR_SYNTAX, IXJ__D_BAD_HEX, g->esc_start,
                            context(g));
            return IXJ__LEX_ERROR;
        }
        g->hex = g->hex * 16 + (uint32_t)v;
        if (++g->hex_digits == 4 && !finish_hex(g))
            return IXJ__LEX_ERROR;
        return IXJ__LEX_MORE;
    }
    case IXJ__SS_LOW_BACKSLASH:
        if (c != '\\') {
            ixj__guard_fail(g, IXJ_ERR_STRING, IXJ__D_LONE_HIGH, g->high_start,
                            context(g));
            return IXJ__LEX_ERROR;
        }
        g->esc_start = pos;
        g->sub = IXJ__SS_LOW_U;
        return IXJ__LEX_MORE;
    default: /* IXJ__SS_LOW_U */
        if (c == 'u') {
            g->hex = 0;
            g->hex_digits = 0;
            g->sub = IXJ__SS_LOW_HEX;
            return IXJ__LEX_MORE;
        }
        /* A well-formed escape that is not a low surrogate breaks the
         * pair; a malformed one is a syntax error first. */
        if (is_short_escape(c))
            ixj__guard_fail(g, IXJ_ERR_STRING, IXJ__D_LONE_HIGH, g->high_start,
                            context(g));
        else
            ixj__guard_fail(g, IXJ_ERR_SYNTAX, IXJ__D_BAD_ESCAPE, g->esc_start,
                            context(g));
        return IXJ__LEX_ERROR;
    }
}

/* Four hex digits at p as a number, or -1. */
static IXJ__INLINE int
hex4(const uint8_t *p)
{
    int a = ixj__hex_value(p[0]), b = ixj__hex_value(p[1]),
        c = ixj__hex_value(p[2]), d = ixj__hex_value(p[3]);
    return (a | b | c | d) < 0 ? -1 : a << 12 | b << 8 | c << 4 | d;
}

/*
 * A whole escape or UTF-8 sequence at p (a backslash or a byte >= 0x80,
 * in plain content), when all of its bytes lie before lim and it is
 * valid: returns how many bytes it takes. Returns 0 for anything else (an
 * error, a sequence cut by lim), which the byte-by-byte machine then
 * reads, so that errors and resumption have one implementation.
 */
static IXJ__INLINE size_t
whole_sequence(ixj__guard *g, const uint8_t *p, const uint8_t *lim)
{
    size_t room = (size_t)(lim - p);
    if (*p == '\\') {
        int u;
        if (room < 2)
            return 0;
        if (p[1] != 'u') {
            if (!is_short_escape(p[1]))
                return 0;
            g->escaped = true;
            return 2;
        }
        if (room < 6 || (u = hex4(p + 2)) < 0)
            return 0;
        if (u >= 0xD800 && u <= 0xDBFF) { /* a pair: \uD8xx\uDCxx */
            int low;
            if (room < 12 || p[6] != '\\' || p[7] != 'u' ||
                (low = hex4(p + 8)) < 0xDC00 || low > 0xDFFF)
                return 0;
            g->escaped = true;
            return 12;
        }
        if ((u >= 0xDC00 && u <= 0xDFFF) || (u == 0 && !g->allow_nul))
            return 0;
        g->escaped = true;
        return 6;
    }
    uint8_t left, lo, hi;
    if (!ixj__utf8_lead(*p, &left, &lo, &hi) || room <= left || p[1] < lo ||
        p[1] > hi)
        return 0;
    for (uint8_t i = 2; i <= left; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return (size_t)left + 1;
}

/*
 * The string may hold at most max_string raw bytes: the byte at
 * tok_start + 1 + max_string, if the string gets that far, must be its
 * closing quote. Reading that byte may still reveal an error in the
 * content before it (a cut UTF-8 sequence, a lone surrogate, a short \u
 * escape), which comes first.
 */
int
ixj__lex_string(ixj__guard *g, const uint8_t **pp, const uint8_t *end,
                const uint8_t *buf, uint64_t base)
{
    const uint8_t *p = *pp;
    uint64_t limit_offset = g->tok_start + 1 + g->max_string;
    uint64_t end_offset = base + (uint64_t)(end - buf);
    const uint8_t *lim =
        limit_offset < end_offset ? buf + (limit_offset - base) : end;
    window w = {(uintptr_t)end + 64, 0};

    for (;;) {
        int r;
        if (g->sub == IXJ__SS_PLAIN) {
            size_t n;
            p = find_special(&w, p, lim);
            /* escapes and non-ASCII characters in one step when whole */
            while (p < lim && (*p == '\\' || *p >= 0x80) &&
                   (n = whole_sequence(g, p, lim)) > 0)
                p = find_special(&w, p + n, lim);
        }
        if (p == lim)
            break;
        r = string_step(g, *p, base + (uint64_t)(p - buf));
        if (r != IXJ__LEX_MORE) {
            /* after the closing quote; at the byte in error */
            *pp = r == IXJ__LEX_DONE ? p + 1 : p;
            return r;
        }
        p++;
    }
    *pp = p;
    if (lim == end)
        return IXJ__LEX_MORE;
    /* At the limit: only the closing quote may come. */
    if (*p == '"' && g->sub != IXJ__SS_ESCAPE && g->sub != IXJ__SS_LOW_U) {
        int r = string_step(g, *p, base + (uint64_t)(p - buf));
        if (r != IXJ__LEX_MORE) {
            *pp = r == IXJ__LEX_DONE ? p + 1 : p;
            return r;
        }
    }
    if (g->err_code == IXJ_OK)
        ixj__guard_fail(g, IXJ_ERR_LIMIT, IXJ__D_STRING_LIMIT, g->tok_start,
                        context(g));
    return IXJ__LEX_ERROR;
}
