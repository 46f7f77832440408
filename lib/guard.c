/* SPDX-License-Identifier: MIT */
/*
 * The guard (see guard.h): one resumable pass over every byte.
 *
 * Grammar states between tokens (GS_*), with what each accepts:
 *
 *   VALUE_TOP      ws, value                 (the document's value)
 *   VALUE_MEMBER   ws, value                 (after ':')
 *   VALUE_ELEMENT  ws, value                 (after ',' in an array)
 *   ARRAY_FIRST    ws, value, ']'            (after '[')
 *   OBJECT_FIRST   ws, key string, '}'       (after '{')
 *   KEY            ws, key string            (after ',' in an object)
 *   COLON          ws, ':'                   (after a key)
 *   AFTER_MEMBER   ws, ',', '}'              (after a member's value)
 *   AFTER_ELEMENT  ws, ',', ']'              (after an element)
 *   DONE           ws                        (after the top-level value)
 *
 * and three token states, STRING, NUMBER and LITERAL, each with a
 * sub-state so that a token can stop at any byte and resume in the next
 * chunk. A number ends at the first byte that cannot extend it (as yajl
 * reads numbers: `01` is the number 0, then a stray `1`), and that byte is
 * then read in the state after the value.
 *
 * Whitespace is exactly SP, HT, LF and CR (RFC 8259); LF is the only line
 * break, and it can only occur in whitespace since a raw control
 * character inside a string is an error: the line only changes between
 * tokens, so every token lies on one line.
 *
 * Each completed token goes into the table (with its text for strings and
 * numbers) and into the skeleton, where strings become "" and numbers "0 "
 * (the space ends the number for yajl, which otherwise waits for the next
 * byte): yajl parses the skeleton, the decoder's callbacks read the table,
 * and every token of a batch is called back before the batch ends.
 */
#include "guard.h"

#include <string.h>

#include "alloc.h"
#include "detail.h"
#include "utf8.h"

#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum {
    GS_VALUE_TOP,
    GS_VALUE_MEMBER,
    GS_VALUE_ELEMENT,
    GS_ARRAY_FIRST,
    GS_OBJECT_FIRST,
    GS_KEY,
    GS_COLON,
    GS_AFTER_MEMBER,
    GS_AFTER_ELEMENT,
    GS_DONE,
    GS_STRING,
    GS_NUMBER,
    GS_LITERAL
};

/* String sub-states. */
enum {
    SS_PLAIN,         /* ordinary content */
    SS_ESCAPE,        /* after a backslash */
    SS_HEX,           /* in the four digits of \uXXXX */
    SS_UTF8,          /* continuation bytes of a UTF-8 sequence due */
    SS_LOW_BACKSLASH, /* after a high surrogate escape: '\' must follow */
    SS_LOW_U,         /* then 'u' */
    SS_LOW_HEX        /* then the four digits of the low surrogate */
};

/* Number sub-states; the accepting ones are ZERO, INT, FRAC and EXP. */
enum {
    NS_MINUS,    /* after '-' */
    NS_ZERO,     /* integer part is 0 */
    NS_INT,      /* in integer digits */
    NS_DOT,      /* after '.' */
    NS_FRAC,     /* in fraction digits */
    NS_EXP_MARK, /* after 'e' or 'E' */
    NS_EXP_SIGN, /* after the exponent's sign */
    NS_EXP       /* in exponent digits */
};

/* What a token scanner reports. */
enum { TOK_MORE, TOK_DONE, TOK_ERROR };

void
ixj__guard_init(ixj__guard *g, const ixj_allocator *alloc)
{
    memset(g, 0, sizeof *g);
    g->alloc = *alloc;
    g->line = 1;
}

void
ixj__guard_release(ixj__guard *g)
{
    ixj__free(&g->alloc, g->is_array);
    ixj__free(&g->alloc, g->count);
    ixj__free(&g->alloc, g->hold);
    g->is_array = NULL;
    g->count = NULL;
    g->hold = NULL;
    g->capacity = 0;
    g->hold_cap = 0;
}

void
ixj__guard_rewind_position(ixj__guard *g)
{
    g->offset = 0;
    g->line = 1;
    g->line_start = 0;
}

void
ixj__guard_begin(ixj__guard *g)
{
    g->doc_start = g->offset;
    g->value_start = g->value_end = g->offset;
    g->value_line = g->line;
    g->root_not_object = false;
    g->started = false;
    g->leading_zero_at = UINT64_MAX;
    g->state = GS_VALUE_TOP;
    g->sub = 0;
    g->key = 0;
    g->depth = 0;
    g->fifo_r = g->fifo_w = 0;
    g->skeleton_len = 0;
    g->hold_len = 0;
    g->err_code = IXJ_OK;
}

void
ixj__guard_batch_done(ixj__guard *g)
{
    /* yajl called back every token of the batch (the skeleton's numbers
     * end in a space, so none waits for the next batch): the table starts
     * over. */
    g->fifo_r = g->fifo_w = 0;
    g->skeleton_len = 0;
    if (!ixj__guard_in_token(g))
        g->hold_len = 0; /* its token was handed over */
}

size_t
ixj__guard_skip_line(ixj__guard *g, const uint8_t *buf, size_t len, bool *found)
{
    const uint8_t *lf = memchr(buf, '\n', len);
    size_t n = lf != NULL ? (size_t)(lf - buf) + 1 : len;
    *found = lf != NULL;
    g->offset += n;
    if (lf != NULL) {
        g->line++;
        g->line_start = g->offset;
    }
    return n;
}

/* Appends bytes of the open token to the hold. */
static bool
hold_append(ixj__guard *g, const uint8_t *bytes, size_t len)
{
    if (g->hold_len + len > g->hold_cap) {
        size_t cap = g->hold_cap ? g->hold_cap : 64;
        char *p;
        while (cap < g->hold_len + len)
            cap *= 2;
        p = ixj__realloc(&g->alloc, g->hold, cap);
        if (p == NULL)
            return false;
        g->hold = p;
        g->hold_cap = cap;
    }
    memcpy(g->hold + g->hold_len, bytes, len);
    g->hold_len += len;
    g->held_bytes += len;
    return true;
}

bool
ixj__guard_in_token(const ixj__guard *g)
{
    return g->state >= GS_STRING;
}

/* The context of an error at the current state (see guard.h). */
static int
state_ctx(const ixj__guard *g)
{
    switch (g->state) {
    case GS_VALUE_TOP:
    case GS_VALUE_MEMBER:
    case GS_VALUE_ELEMENT:
    case GS_NUMBER:
    case GS_LITERAL:
        return IXJ__CTX_VALUE;
    case GS_STRING:
        return g->key ? IXJ__CTX_CONTAINER : IXJ__CTX_VALUE;
    default:
        return IXJ__CTX_CONTAINER;
    }
}

/* Records the first error. Every offset a guard error names lies on the
 * current line (tokens never span lines), so the column follows from it. */
static void
fail(ixj__guard *g, int code, uint8_t detail, uint64_t offset, int ctx)
{
    g->err_code = code;
    g->err_detail = detail;
    g->err_ctx = ctx;
    g->err_offset = offset;
    g->err_line = g->line;
    g->err_column = offset - g->line_start + 1;
}

static int
after_value_state(const ixj__guard *g)
{
    if (g->depth == 0)
        return GS_DONE;
    return g->is_array[g->depth - 1] ? GS_AFTER_ELEMENT : GS_AFTER_MEMBER;
}

/* ---- error details (computed on the error path only) ---- */

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

/* The detail of a top-level value that is not an object, by its first
 * byte. */
static uint8_t
root_type_detail(uint8_t c)
{
    int type = c == '"'                 ? IXJ__JSON_STRING
               : c == '['               ? IXJ__JSON_ARRAY
               : c == 'n'               ? IXJ__JSON_NULL
               : (c == 't' || c == 'f') ? IXJ__JSON_BOOL
                                        : IXJ__JSON_NUMBER;
    return (uint8_t)(IXJ__D_TYPE_OBJECT_NULL + type);
}

/* Why a number cannot end in sub-state sub. */
static uint8_t
number_detail(int sub)
{
    if (sub == NS_MINUS)
        return IXJ__D_MINUS_ALONE;
    return sub == NS_DOT ? IXJ__D_DOT_ALONE : IXJ__D_EXPONENT_ALONE;
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

/* Why byte c, at offset pos, cannot come next in grammar state `state`
 * (between tokens). */
static uint8_t
between_detail(const ixj__guard *g, int state, uint8_t c, uint64_t pos)
{
    if (c == 0x0C)
        return IXJ__D_FORM_FEED;
    if (c == 0x0B)
        return IXJ__D_VERTICAL_TAB;
    if (c < 0x20)
        return IXJ__D_CONTROL_OUTSIDE;
    if (c == 0xEF && state == GS_VALUE_TOP && pos == g->doc_start)
        return IXJ__D_BOM;
    if (c >= 0x80)
        return IXJ__D_NON_ASCII_OUTSIDE;
    if (c == '/')
        return IXJ__D_COMMENT;
    if (c == '\'')
        return IXJ__D_SINGLE_QUOTE;
    if (pos == g->leading_zero_at)
        return IXJ__D_LEADING_ZERO;
    switch (state) {
    case GS_VALUE_ELEMENT:
        return c == ']' ? IXJ__D_COMMA_BEFORE_BRACKET : value_detail(c);
    case GS_VALUE_TOP:
    case GS_VALUE_MEMBER:
    case GS_ARRAY_FIRST:
        return value_detail(c);
    case GS_OBJECT_FIRST:
        return IXJ__D_EXPECTED_KEY_OR_CLOSE;
    case GS_KEY:
        return c == '}' ? IXJ__D_COMMA_BEFORE_BRACE : IXJ__D_EXPECTED_KEY;
    case GS_COLON:
        return IXJ__D_EXPECTED_COLON;
    case GS_AFTER_MEMBER:
        return IXJ__D_EXPECTED_COMMA_OR_BRACE;
    case GS_AFTER_ELEMENT:
        return IXJ__D_EXPECTED_COMMA_OR_BRACKET;
    default:
        return IXJ__D_AFTER_TOP;
    }
}

/* Why the input ended too soon, in the current state. */
static uint8_t
truncated_detail(const ixj__guard *g)
{
    switch (g->state) {
    case GS_STRING:
        return IXJ__D_IN_STRING;
    case GS_NUMBER:
        return IXJ__D_IN_NUMBER;
    case GS_LITERAL:
        return IXJ__D_IN_LITERAL;
    default:
        if (g->depth == 0)
            return IXJ__D_EMPTY;
        return g->is_array[g->depth - 1] ? IXJ__D_IN_ARRAY : IXJ__D_IN_OBJECT;
    }
}

static bool
push_container(ixj__guard *g, bool is_array)
{
    if (g->depth == g->capacity) {
        uint32_t cap = g->capacity ? g->capacity * 2 : 16;
        uint8_t *kinds = ixj__realloc(&g->alloc, g->is_array, cap);
        if (kinds == NULL)
            return false;
        g->is_array = kinds;
        uint64_t *counts =
            ixj__realloc(&g->alloc, g->count, cap * sizeof *counts);
        if (counts == NULL)
            return false;
        g->count = counts;
        g->capacity = cap;
    }
    g->is_array[g->depth] = is_array;
    g->count[g->depth] = 0;
    g->depth++;
    return true;
}

/* The first byte in [p, end) that ends a run of plain string content: a
 * quote, a backslash, a control character or a non-ASCII byte. */
static inline const uint8_t *
find_special(const uint8_t *p, const uint8_t *end)
{
#ifdef __SSE2__
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i space = _mm_set1_epi8(0x20);
    while (end - p >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
        /* Signed compare: bytes >= 0x80 are negative, so "< 0x20" also
         * catches every non-ASCII byte. */
        __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
                                                _mm_cmpeq_epi8(v, backslash)),
                                   _mm_cmplt_epi8(v, space));
        int mask = _mm_movemask_epi8(hit);
        if (mask != 0)
            return p + __builtin_ctz((unsigned)mask);
        p += 16;
    }
#endif
    while (p < end) {
        uint8_t c = *p;
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
            break;
        p++;
    }
    return p;
}

static inline int
hex_value(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static inline bool
is_short_escape(uint8_t c)
{
    return c == '"' || c == '\\' || c == '/' || c == 'b' || c == 'f' ||
           c == 'n' || c == 'r' || c == 't';
}

/* Applies a complete \uXXXX escape. Returns false after recording an
 * error. */
static bool
finish_hex(ixj__guard *g)
{
    uint32_t u = g->hex;
    int ctx = g->key ? IXJ__CTX_CONTAINER : IXJ__CTX_VALUE;
    if (g->sub == SS_LOW_HEX) {
        if (u < 0xDC00 || u > 0xDFFF) {
            fail(g, IXJ_ERR_STRING, IXJ__D_HIGH_THEN_NOT_LOW, g->high_start,
                 ctx);
            return false;
        }
        g->sub = SS_PLAIN;
        return true;
    }
    if (u >= 0xD800 && u <= 0xDBFF) {
        g->high_start = g->esc_start;
        g->sub = SS_LOW_BACKSLASH;
        return true;
    }
    if ((u >= 0xDC00 && u <= 0xDFFF) || (u == 0 && !g->allow_nul)) {
        fail(g, IXJ_ERR_STRING, u == 0 ? IXJ__D_NUL : IXJ__D_LONE_LOW,
             g->esc_start, ctx);
        return false;
    }
    g->sub = SS_PLAIN;
    return true;
}

/*
 * Scans string content from *pp. The string may hold at most max_string
 * raw bytes: the byte at tok_start + 1 + max_string, if the string gets
 * that far, must be its closing quote.
 */
static int
scan_string(ixj__guard *g, const uint8_t **pp, const uint8_t *end,
            const uint8_t *buf, uint64_t base)
{
    const uint8_t *p = *pp;
    const uint8_t *lim = end;
    uint64_t limit_offset = g->tok_start + 1 + g->max_string;
    uint64_t end_offset = base + (uint64_t)(end - buf);
    int ctx = g->key ? IXJ__CTX_CONTAINER : IXJ__CTX_VALUE;
    uint8_t c;

#define POS(ptr) (base + (uint64_t)((ptr)-buf))
    if (limit_offset < end_offset)
        lim = buf + (limit_offset - base);

resume:
    for (;;) {
        switch (g->sub) {
        case SS_PLAIN:
            p = find_special(p, lim);
            if (p == lim)
                goto at_limit;
            c = *p;
            if (c == '"') {
                *pp = p + 1;
                return TOK_DONE;
            }
            if (c == '\\') {
                g->esc_start = POS(p);
                g->escaped = true;
                g->sub = SS_ESCAPE;
                p++;
                break;
            }
            if (c < 0x20) {
                fail(g, IXJ_ERR_SYNTAX, (uint8_t)(IXJ__D_CONTROL_00 + c),
                     POS(p), ctx);
                return TOK_ERROR;
            }
            if (!ixj__utf8_lead(c, &g->seq_left, &g->seq_lo, &g->seq_hi)) {
                fail(g, IXJ_ERR_STRING, lead_detail(c), POS(p), ctx);
                return TOK_ERROR;
            }
            g->seq_start = POS(p);
            g->seq_lead = c;
            g->sub = SS_UTF8;
            p++;
            break;
        case SS_UTF8:
            if (p == lim)
                goto at_limit;
            c = *p;
            if (c < g->seq_lo || c > g->seq_hi) {
                fail(g, IXJ_ERR_STRING, continuation_detail(g->seq_lead, c),
                     g->seq_start, ctx);
                return TOK_ERROR;
            }
            g->seq_lo = 0x80;
            g->seq_hi = 0xBF;
            if (--g->seq_left == 0)
                g->sub = SS_PLAIN;
            p++;
            break;
        case SS_ESCAPE:
            if (p == lim)
                goto at_limit;
            c = *p;
            if (c == 'u') {
                g->hex = 0;
                g->hex_digits = 0;
                g->sub = SS_HEX;
            } else if (is_short_escape(c)) {
                g->sub = SS_PLAIN;
            } else {
                fail(g, IXJ_ERR_SYNTAX, IXJ__D_BAD_ESCAPE, g->esc_start, ctx);
                return TOK_ERROR;
            }
            p++;
            break;
        case SS_HEX:
        case SS_LOW_HEX:
            while (g->hex_digits < 4) {
                int v;
                if (p == lim)
                    goto at_limit;
                v = hex_value(*p);
                if (v < 0) {
                    fail(g, IXJ_ERR_SYNTAX, IXJ__D_BAD_HEX, g->esc_start, ctx);
                    return TOK_ERROR;
                }
                g->hex = g->hex * 16 + (uint32_t)v;
                g->hex_digits++;
                p++;
            }
            if (!finish_hex(g))
                return TOK_ERROR;
            break;
        case SS_LOW_BACKSLASH:
            if (p == lim)
                goto at_limit;
            if (*p != '\\') {
                fail(g, IXJ_ERR_STRING, IXJ__D_LONE_HIGH, g->high_start, ctx);
                return TOK_ERROR;
            }
            g->esc_start = POS(p);
            g->sub = SS_LOW_U;
            p++;
            break;
        case SS_LOW_U:
            if (p == lim)
                goto at_limit;
            c = *p;
            if (c == 'u') {
                g->hex = 0;
                g->hex_digits = 0;
                g->sub = SS_LOW_HEX;
                p++;
                break;
            }
            /* A well-formed escape that is not a low surrogate breaks the
             * pair; a malformed one is a syntax error first. */
            if (is_short_escape(c))
                fail(g, IXJ_ERR_STRING, IXJ__D_LONE_HIGH, g->high_start, ctx);
            else
                fail(g, IXJ_ERR_SYNTAX, IXJ__D_BAD_ESCAPE, g->esc_start, ctx);
            return TOK_ERROR;
        }
    }

at_limit:
    *pp = p;
    if (lim == end)
        return TOK_MORE;
    /* The string has max_string bytes so far, so this byte must be its
     * closing quote: an unescaped '"'. Reading it may still reveal an
     * error in the content before it (a cut UTF-8 sequence, a lone
     * surrogate, a short \u escape), which comes first. */
    if (*p == '"' && g->sub != SS_ESCAPE && g->sub != SS_LOW_U) {
        lim = p + 1;
        goto resume;
    }
    fail(g, IXJ_ERR_LIMIT, IXJ__D_STRING_LIMIT, g->tok_start, ctx);
    return TOK_ERROR;
#undef POS
}

/* The next number sub-state for byte c, or -1 when c cannot extend the
 * number. */
static int
number_step(int sub, uint8_t c)
{
    bool digit = c >= '0' && c <= '9';
    switch (sub) {
    case NS_MINUS:
        return c == '0' ? NS_ZERO : digit ? NS_INT : -1;
    case NS_ZERO:
        return c == '.' ? NS_DOT : (c == 'e' || c == 'E') ? NS_EXP_MARK : -1;
    case NS_INT:
        return digit                    ? NS_INT
               : c == '.'               ? NS_DOT
               : (c == 'e' || c == 'E') ? NS_EXP_MARK
                                        : -1;
    case NS_DOT:
        return digit ? NS_FRAC : -1;
    case NS_FRAC:
        return digit ? NS_FRAC : (c == 'e' || c == 'E') ? NS_EXP_MARK : -1;
    case NS_EXP_MARK:
        return (c == '+' || c == '-') ? NS_EXP_SIGN : digit ? NS_EXP : -1;
    case NS_EXP_SIGN:
    case NS_EXP:
        return digit ? NS_EXP : -1;
    default:
        return -1;
    }
}

static bool
number_accepts(int sub)
{
    return sub == NS_ZERO || sub == NS_INT || sub == NS_FRAC || sub == NS_EXP;
}

/* Scans a number from *pp. On TOK_DONE, *pp is the byte that ended it,
 * not consumed. */
static int
scan_number(ixj__guard *g, const uint8_t **pp, const uint8_t *end,
            const uint8_t *buf, uint64_t base)
{
    const uint8_t *p = *pp;
    uint64_t limit_offset = g->tok_start + g->max_number;

    while (p < end) {
        uint64_t pos = base + (uint64_t)(p - buf);
        int next = number_step(g->sub, *p);
        if (next < 0) {
            *pp = p;
            if (number_accepts(g->sub)) {
                if (g->sub == NS_ZERO && *p >= '0' && *p <= '9')
                    g->leading_zero_at = pos; /* a syntax error, next */
                return TOK_DONE;
            }
            fail(g, IXJ_ERR_SYNTAX, number_detail(g->sub), pos, IXJ__CTX_VALUE);
            return TOK_ERROR;
        }
        if (pos >= limit_offset) {
            fail(g, IXJ_ERR_LIMIT, IXJ__D_NUMBER_LIMIT, g->tok_start,
                 IXJ__CTX_VALUE);
            return TOK_ERROR;
        }
        g->sub = (uint8_t)next;
        p++;
    }
    *pp = p;
    return TOK_MORE;
}

static int
scan_literal(ixj__guard *g, const uint8_t **pp, const uint8_t *end,
             const uint8_t *buf, uint64_t base)
{
    const uint8_t *p = *pp;
    while (*g->literal != '\0') {
        if (p == end) {
            *pp = p;
            return TOK_MORE;
        }
        if (*p != (uint8_t)*g->literal) {
            fail(g, IXJ_ERR_SYNTAX,
                 g->word == 't'   ? IXJ__D_LITERAL_TRUE
                 : g->word == 'f' ? IXJ__D_LITERAL_FALSE
                                  : IXJ__D_LITERAL_NULL,
                 base + (uint64_t)(p - buf), IXJ__CTX_VALUE);
            return TOK_ERROR;
        }
        g->literal++;
        p++;
    }
    *pp = p;
    return TOK_DONE;
}

/*
 * The scan. Between tokens the grammar state lives in the local `state`
 * and control moves by goto from one state's code to the next, so that
 * the common path (a key, a colon, a plain string or integer, a comma)
 * costs a few compares per token; strings without escapes or non-ASCII
 * bytes, integers and literals complete inline, and everything else
 * (escapes, UTF-8, fractions, tokens cut by the end of a chunk) goes to
 * the resumable scanners above. Hot state (position, line, table write
 * index, skeleton, depth) stays in locals and is written back on exit.
 */
/* Where the document limit stops a scan that reads [p, end), p being at
 * offset pos. */
static const uint8_t *
document_end(const ixj__guard *g, const uint8_t *p, const uint8_t *end,
             uint64_t pos)
{
    uint64_t used = pos - g->doc_start;
    uint64_t room = g->max_document > used ? g->max_document - used : 0;
    return room < (uint64_t)(end - p) ? p + room : end;
}

void
ixj__guard_scan(ixj__guard *g, const uint8_t *buf, size_t len,
                bool until_token_end, int *stop, size_t *consumed)
{
    const uint8_t *p = buf;
    const uint8_t *end = buf + len;
    const uint64_t base = g->offset;
    const uint64_t max_string = g->max_string;
    const bool ndjson = g->stream == IXJ__NDJSON;
    ixj__token *const fifo_end = g->fifo + IXJ__FIFO_SIZE;
    ixj__token *tp = g->fifo + g->fifo_w;
    uint64_t line = g->line;
    uint64_t line_start = g->line_start;
    uint32_t depth = g->depth;
    char *skel = g->skeleton + g->skeleton_len;
    int state = g->state;
    bool is_key = g->key;
    bool clamped = false;
    uint8_t c;
    int r;

#define POS(ptr) (base + (uint64_t)((ptr)-buf))
/* Writes the locals back, for the slow paths and on exit. */
#define SAVE()                                          \
    do {                                                \
        g->line = line;                                 \
        g->line_start = line_start;                     \
        g->fifo_w = (uint32_t)(tp - g->fifo);           \
        g->depth = depth;                               \
        g->state = (uint8_t)state;                      \
        g->key = is_key;                                \
        g->skeleton_len = (size_t)(skel - g->skeleton); \
    } while (0)
/* Adds a token that produces a yajl callback to the table. */
#define PUSH(at, txt, n, esc)           \
    do {                                \
        tp->text = (const char *)(txt); \
        tp->len = (n);                  \
        tp->offset = (at);              \
        tp->line = line;                \
        tp->line_start = line_start;    \
        tp->escaped = (esc);            \
        tp++;                           \
    } while (0)
/* Skips whitespace to the next byte c; at the end of the input, stops in
 * `state`. */
#define NEXT_BYTE()                                      \
    for (;;) {                                           \
        if (p == end)                                    \
            goto at_end;                                 \
        c = *p;                                          \
        if (c > ' ')                                     \
            break;                                       \
        if (c == '\n') {                                 \
            if (ndjson)                                  \
                goto record_end;                         \
            line++;                                      \
            line_start = POS(p) + 1;                     \
        } else if (c != ' ' && c != '\t' && c != '\r') { \
            break;                                       \
        }                                                \
        p++;                                             \
    }
#define FAIL(code, detail, ptr, ctx)          \
    do {                                      \
        SAVE();                               \
        fail(g, code, detail, POS(ptr), ctx); \
    } while (0)
/* A syntax error at the byte c at p, between tokens. */
#define FAIL_SYNTAX(ctx) \
    FAIL(IXJ_ERR_SYNTAX, between_detail(g, state, c, POS(p)), p, ctx)
/* The open token's bytes in this input, from its first byte (or from the
 * hold, with the bytes of this input up to `upto` appended, when it began
 * in an earlier one). */
#define TOKEN_BYTES(upto, out_text, out_len)                      \
    do {                                                          \
        if (g->tok_start >= base) {                               \
            out_text = (const char *)buf + (g->tok_start - base); \
            out_len = (size_t)((const char *)(upto)-out_text);    \
        } else {                                                  \
            if (!hold_append(g, buf, (size_t)((upto)-buf))) {     \
                FAIL(IXJ_ERR_NOMEM, 0, buf, IXJ__CTX_VALUE);      \
                goto error;                                       \
            }                                                     \
            out_text = g->hold;                                   \
            out_len = g->hold_len;                                \
        }                                                         \
    } while (0)

    if (g->max_document != 0) {
        end = document_end(g, buf, end, base);
        clamped = end < buf + len;
    }

    switch (state) {
    case GS_VALUE_TOP:
    case GS_VALUE_MEMBER:
    case GS_VALUE_ELEMENT:
    case GS_ARRAY_FIRST:
        goto value;
    case GS_OBJECT_FIRST:
    case GS_KEY:
        goto key;
    case GS_COLON:
        goto colon;
    case GS_AFTER_MEMBER:
        goto after_member;
    case GS_AFTER_ELEMENT:
        goto after_element;
    case GS_DONE:
        goto done;
    case GS_STRING:
        goto string_slow;
    case GS_NUMBER:
        goto number_slow;
    default:
        goto literal_slow;
    }

value: /* state: VALUE_TOP, VALUE_MEMBER, VALUE_ELEMENT or ARRAY_FIRST */
    NEXT_BYTE();
    switch (c) {
    case '"':
    case '{':
    case '[':
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
    case 't':
    case 'f':
    case 'n':
        break;
    case ']':
        if (state == GS_ARRAY_FIRST)
            goto close;
        /* fallthrough */
    default:
        FAIL_SYNTAX(state == GS_ARRAY_FIRST ? IXJ__CTX_CONTAINER
                                            : IXJ__CTX_VALUE);
        goto error;
    }
    if (state == GS_VALUE_TOP) {
        g->started = true;
        g->value_start = POS(p);
        g->value_line = line;
        if (c != '{' && g->root_object) {
            if (g->stream == IXJ__ONE_DOCUMENT) {
                FAIL(IXJ_ERR_TYPE, root_type_detail(c), p, IXJ__CTX_VALUE);
                goto error;
            }
            /* A stream reads the value to its end, to find the next
             * document; the decoder fails this one. */
            g->root_not_object = true;
            g->root_detail = root_type_detail(c);
            g->value_column = POS(p) - line_start + 1;
        }
    }
    if (tp == fifo_end)
        goto fifo_full;
    if (state >= GS_VALUE_ELEMENT && ++g->count[depth - 1] > g->max_array) {
        FAIL(IXJ_ERR_LIMIT, IXJ__D_ARRAY_LIMIT, p, IXJ__CTX_VALUE);
        goto error;
    }
    if (c == '"') {
        is_key = false;
        goto string;
    }
    if (c == '{' || c == '[') {
        if (depth >= g->max_depth) {
            FAIL(IXJ_ERR_LIMIT, IXJ__D_DEPTH_LIMIT, p, IXJ__CTX_VALUE);
            goto error;
        }
        g->depth = depth;
        if (!push_container(g, c == '[')) {
            FAIL(IXJ_ERR_NOMEM, 0, p, IXJ__CTX_VALUE);
            goto error;
        }
        PUSH(POS(p), NULL, 0, false);
        *skel++ = (char)c;
        depth++;
        p++;
        if (c == '[') {
            state = GS_ARRAY_FIRST;
            goto value;
        }
        state = GS_OBJECT_FIRST;
        goto key;
    }
    g->tok_start = POS(p);
    if (c == 't' || c == 'f' || c == 'n') {
        const char *word = c == 't' ? "true" : c == 'f' ? "false" : "null";
        size_t n = c == 'f' ? 5 : 4;
        if ((size_t)(end - p) >= n && memcmp(p, word, n) == 0) {
            p += n;
            goto literal_done;
        }
        g->literal = word + 1;
        g->word = c;
        p++;
        goto literal_slow;
    }
    {
        /* Integers complete here: -?[1-9][0-9]* ended by a byte that
         * cannot extend a number. Anything else starts the scanner. */
        const uint8_t *q = p + (c == '-');
        if (q < end && *q >= '1' && *q <= '9') {
            q++;
            while (q < end && (uint8_t)(*q - '0') < 10)
                q++;
            if (q < end && *q != '.' && *q != 'e' && *q != 'E' &&
                (uint64_t)(q - p) <= g->max_number) {
                PUSH(POS(p), p, (size_t)(q - p), false);
                *skel++ = '0';
                *skel++ = ' '; /* ends the number for yajl at once */
                p = q;
                goto after_value;
            }
        }
        g->sub = c == '-' ? NS_MINUS : c == '0' ? NS_ZERO : NS_INT;
        p++;
        goto number_slow;
    }

string : /* p at the opening quote */
{
    const uint8_t *start = p + 1, *lim = end, *q;
    if ((uint64_t)(end - start) > max_string)
        lim = start + max_string;
    q = find_special(start, lim);
    if (q < lim && *q == '"') {
        PUSH(POS(p), start, (size_t)(q - start), false);
        *skel++ = '"';
        *skel++ = '"';
        p = q + 1;
        if (is_key)
            goto colon;
        goto after_value;
    }
    /* plain so far: the scanner resumes at the special byte */
    g->tok_start = POS(p);
    g->sub = SS_PLAIN;
    g->escaped = false;
    p = q;
}
string_slow:
    SAVE();
    r = scan_string(g, &p, end, buf, base);
    if (r == TOK_MORE) {
        state = GS_STRING;
        goto at_end;
    }
    if (r == TOK_ERROR)
        goto error;
    {
        const char *text;
        size_t n;
        TOKEN_BYTES(p, text, n);
        PUSH(g->tok_start, text + 1, n - 2, g->escaped); /* inside quotes */
        *skel++ = '"';
        *skel++ = '"';
    }
    if (until_token_end) {
        state = is_key ? GS_COLON : after_value_state(g);
        goto token_done;
    }
    if (is_key)
        goto colon;
    goto after_value;

number_slow:
    SAVE();
    r = scan_number(g, &p, end, buf, base);
    if (r == TOK_MORE) {
        state = GS_NUMBER;
        goto at_end;
    }
    if (r == TOK_ERROR)
        goto error;
    {
        const char *text;
        size_t n;
        TOKEN_BYTES(p, text, n);
        PUSH(g->tok_start, text, n, false);
        *skel++ = '0';
        *skel++ = ' '; /* ends the number for yajl at once */
    }
    if (until_token_end) {
        state = after_value_state(g);
        goto token_done;
    }
    goto after_value;

literal_slow:
    SAVE();
    r = scan_literal(g, &p, end, buf, base);
    if (r == TOK_MORE) {
        state = GS_LITERAL;
        goto at_end;
    }
    if (r == TOK_ERROR)
        goto error;
literal_done: /* its first letter, here or held, names the literal */
    PUSH(g->tok_start, NULL, 0, false);
    c = g->tok_start >= base ? buf[g->tok_start - base] : (uint8_t)g->hold[0];
    if (c == 't') {
        memcpy(skel, "true", 4);
        skel += 4;
    } else if (c == 'f') {
        memcpy(skel, "false", 5);
        skel += 5;
    } else {
        memcpy(skel, "null", 4);
        skel += 4;
    }
    if (until_token_end) {
        state = after_value_state(g);
        goto token_done;
    }
    goto after_value;

key: /* state: OBJECT_FIRST or KEY */
    NEXT_BYTE();
    if (c == '"') {
        if (tp == fifo_end)
            goto fifo_full;
        is_key = true;
        goto string;
    }
    if (c == '}' && state == GS_OBJECT_FIRST)
        goto close;
    FAIL_SYNTAX(IXJ__CTX_CONTAINER);
    goto error;

colon:
    state = GS_COLON;
    NEXT_BYTE();
    if (c != ':') {
        FAIL_SYNTAX(IXJ__CTX_CONTAINER);
        goto error;
    }
    *skel++ = ':';
    p++;
    state = GS_VALUE_MEMBER;
    goto value;

after_value:
    if (depth == 0) {
        g->value_end = POS(p);
        goto done;
    }
    if (g->is_array[depth - 1])
        goto after_element;
after_member:
    state = GS_AFTER_MEMBER;
    NEXT_BYTE();
    if (c == ',') {
        *skel++ = ',';
        p++;
        state = GS_KEY;
        goto key;
    }
    if (c == '}')
        goto close;
    FAIL_SYNTAX(IXJ__CTX_CONTAINER);
    goto error;

after_element:
    state = GS_AFTER_ELEMENT;
    NEXT_BYTE();
    if (c == ',') {
        *skel++ = ',';
        p++;
        state = GS_VALUE_ELEMENT;
        goto value;
    }
    if (c == ']')
        goto close;
    FAIL_SYNTAX(IXJ__CTX_CONTAINER);
    goto error;

close: /* p at a '}' or ']' that matches the open container */
    if (tp == fifo_end)
        goto fifo_full;
    PUSH(POS(p), NULL, 0, false);
    *skel++ = (char)*p;
    depth--;
    p++;
    goto after_value;

done:
    state = GS_DONE;
    if (g->stream == IXJ__CONCATENATED) {
        /* The document is whole: it is delivered now, not when the next
         * one starts (what follows, whitespace included, is the next
         * document's). */
        SAVE();
        *stop = IXJ__SCAN_DOC;
        *consumed = (size_t)(p - buf);
        g->offset = POS(p);
        return;
    }
    NEXT_BYTE();
    FAIL_SYNTAX(IXJ__CTX_CONTAINER);
    goto error;

record_end: /* NDJSON: p at the LF that ends the record */
    if (state == GS_DONE) {
        line++;
        line_start = POS(p) + 1;
        p++;
        SAVE();
        *stop = IXJ__SCAN_DOC;
        *consumed = (size_t)(p - buf);
        g->offset = POS(p);
        return;
    }
    if (state == GS_VALUE_TOP) { /* a blank line: not a record */
        line++;
        line_start = POS(p) + 1;
        p++;
        g->doc_start = POS(p);
        if (g->max_document != 0) {
            /* the record's bytes count from here */
            end = document_end(g, p, buf + len, POS(p));
            clamped = end < buf + len;
        }
        goto value;
    }
    FAIL(IXJ_ERR_TRUNCATED, IXJ__D_LINE_ENDS, p,
         state == GS_VALUE_MEMBER || state == GS_VALUE_ELEMENT
             ? IXJ__CTX_VALUE
             : IXJ__CTX_CONTAINER);
    goto error;

at_end: /* p == end */
    SAVE();
    if (clamped && end < buf + len) {
        /* The byte at `end` is the first beyond the document limit. */
        fail(g, IXJ_ERR_LIMIT, IXJ__D_DOCUMENT_LIMIT, POS(end), state_ctx(g));
        goto error;
    }
    if (ixj__guard_in_token(g)) {
        /* Hold the incomplete token until the next input completes it. */
        const uint8_t *from =
            g->tok_start >= base ? buf + (g->tok_start - base) : buf;
        if (!hold_append(g, from, (size_t)(end - from))) {
            fail(g, IXJ_ERR_NOMEM, 0, g->tok_start, state_ctx(g));
            goto error;
        }
    }
    *stop = IXJ__SCAN_END;
    *consumed = len;
    g->offset = POS(end);
    return;

token_done:
    if (state == GS_DONE)
        g->value_end = POS(p); /* a top-level scalar ended */
    SAVE();
    *stop = IXJ__SCAN_TOKEN;
    *consumed = (size_t)(p - buf);
    g->offset = POS(p);
    return;

fifo_full: /* before the token at p; `state` resumes there */
    SAVE();
    *stop = IXJ__SCAN_FULL;
    *consumed = (size_t)(p - buf);
    g->offset = POS(p);
    return;

error:
    SAVE();
    *stop = IXJ__SCAN_ERROR;
    *consumed = (size_t)(p - buf);
    g->offset = POS(p); /* where a stream resumes skipping */
    return;
#undef TOKEN_BYTES
#undef FAIL
#undef NEXT_BYTE
#undef PUSH
#undef SAVE
#undef POS
}

bool
ixj__guard_end(ixj__guard *g, bool *complete)
{
    bool number_ended = false;

    if (g->err_code != IXJ_OK) {
        *complete = false;
        return false;
    }
    if (g->state == GS_NUMBER && number_accepts(g->sub)) {
        /* The end of input ends the held number: add it to the table. */
        ixj__token *t = &g->fifo[g->fifo_w & (IXJ__FIFO_SIZE - 1)];
        t->text = g->hold;
        t->len = g->hold_len;
        t->offset = g->tok_start;
        t->line = g->line;
        t->line_start = g->line_start;
        t->escaped = false;
        g->fifo_w++;
        g->skeleton[g->skeleton_len++] = '0';
        g->skeleton[g->skeleton_len++] = ' ';
        g->state = (uint8_t)after_value_state(g);
        number_ended = true;
    }
    *complete = g->state == GS_DONE;
    if (!*complete && (g->started || g->stream == IXJ__ONE_DOCUMENT))
        fail(g, IXJ_ERR_TRUNCATED, truncated_detail(g), g->offset,
             state_ctx(g));
    if (number_ended)
        g->value_end = g->offset;
    return number_ended;
}
