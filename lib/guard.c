/* SPDX-License-Identifier: MIT */
/*
 * The guard (guard.h): one resumable pass over every byte.
 *
 * Grammar states between tokens, with what each accepts:
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
 * and three token states, STRING, NUMBER and LITERAL, in which a token
 * held from an earlier chunk resumes (lex.h).
 *
 * Whitespace is exactly SP, HT, LF and CR (RFC 8259); LF is the only line
 * break, and it can only occur in whitespace since a raw control
 * character inside a string is an error: the line only changes between
 * tokens, so every token lies on one line.
 *
 * The scan is a loop: skip whitespace, then let the current state take
 * the next byte. Each state's step is a small inline function of the scan
 * (`scan`, the hot state in locals the compiler keeps in registers) that
 * returns GO to go on or a reason to stop. The common tokens complete
 * inline: a string whose end the 64-byte window of classify.h shows
 * (no escape, no non-ASCII byte), a plain integer, a literal; a key is
 * followed by its colon in the same step. Everything else goes to the
 * resumable lexers of lex_string.c and lex_number.c.
 *
 * Each completed token goes into the table and each value into the
 * skeleton, which is only what yajl needs to call back once per value in
 * order: every container is an array ([ ]), every scalar value a 0 (yajl
 * lexes nothing faster), keys and colons are left out (the callback of a
 * member's value takes its key from the table first; guard.h). An object
 * member thus costs yajl two tokens (0 and ,) instead of four ("" : 0 ,).
 * A 0 that ends a batch gets a space, which ends the number for yajl (it
 * otherwise waits for the next byte).
 */
#include "guard.h"

#include <string.h>

#include "alloc.h"
#include "classify.h"
#include "compiler.h"
#include "detail.h"
#include "guard_detail.h"
#include "lex.h"

/* What a step decides. */
typedef enum step {
    GO = -1,
    STOP_END = IXJ__SCAN_END,
    STOP_FULL = IXJ__SCAN_FULL,
    STOP_TOKEN = IXJ__SCAN_TOKEN,
    STOP_ERROR = IXJ__SCAN_ERROR,
    STOP_DOC = IXJ__SCAN_DOC
} step;

/* The scan in progress: the input, the cursor and the hot state. */
typedef struct scan {
    ixj__guard *g;
    const uint8_t *buf;       /* the input */
    const uint8_t *text;      /* where token offsets count from: the input,
                                 or the hold for a held token */
    const uint8_t *p;         /* the next byte */
    const uint8_t *end;       /* end of the input, or of the document limit */
    const uint8_t *input_end; /* end of the input */
    uint64_t base;            /* absolute offset of buf[0] */
    ixj__token *tp;           /* the next free slot of the table */
    ixj__token *tp_end;       /* the end of the table */
    char *skel;               /* the next skeleton byte */
    ixj__gstate state;
    uint32_t depth;
    bool in_array;       /* the innermost container is an array */
    uint64_t max_string; /* the string limit */
    uint64_t line, line_start;
    /* The 64-byte window whose specials (classify.h) are known: the
     * string lexer asks it first. */
    uintptr_t win;
    uint64_t win_mask;
} scan;

static IXJ__INLINE uint64_t
pos(const scan *s, const uint8_t *at)
{
    return s->base + (uint64_t)(at - s->buf);
}

/* Appends bytes of the open token to the hold. */
static bool
hold_append(ixj__guard *g, const uint8_t *bytes, size_t len)
{
    if (len > g->hold_cap - g->hold_len) {
        size_t cap = g->hold_cap ? g->hold_cap : 64;
        char *p;
        if (len > SIZE_MAX / 2 - g->hold_len)
            return false; /* cannot double past it */
        while (cap - g->hold_len < len)
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

static bool
push_container(ixj__guard *g, uint32_t depth, bool is_array)
{
    if (depth == g->capacity) {
        uint32_t cap = g->capacity ? g->capacity * 2 : 16;
        uint8_t *kinds = ixj__realloc(&g->alloc, g->is_array, cap);
        uint64_t *counts;
        if (kinds == NULL)
            return false;
        g->is_array = kinds;
        counts = ixj__realloc(&g->alloc, g->count, cap * sizeof *counts);
        if (counts == NULL)
            return false;
        g->count = counts;
        g->capacity = cap;
    }
    g->is_array[depth] = is_array;
    g->count[depth] = 0;
    return true;
}

/* ------------------------------------------------------ the scan state */

/* Writes the hot state back to the guard, for the lexers and on exit. */
static IXJ__INLINE void
save(scan *s)
{
    ixj__guard *g = s->g;
    g->line = s->line;
    g->line_start = s->line_start;
    g->fifo_w = (uint32_t)(s->tp - g->fifo);
    g->depth = s->depth;
    g->state = s->state;
    g->skeleton_len = (size_t)(s->skel - g->skeleton);
}

static IXJ__INLINE step
fail(scan *s, int code, uint8_t detail, const uint8_t *at, int ctx)
{
    save(s);
    ixj__guard_fail(s->g, code, detail, pos(s, at), ctx);
    return STOP_ERROR;
}

/* A syntax error at the byte at s->p, between tokens. */
static IXJ__INLINE step
syntax_error(scan *s, int ctx)
{
    return fail(s, IXJ_ERR_SYNTAX,
                ixj__between_detail(s->g, s->state, *s->p, pos(s, s->p)), s->p,
                ctx);
}

/* Adds a token to the table. */
static IXJ__INLINE void
push(scan *s, const uint8_t *at, size_t len, unsigned flags)
{
    ixj__token *t = s->tp++;
    t->at = (uint32_t)(at - s->text);
    t->len = (uint32_t)len;
    t->flags = (uint8_t)flags;
}

/* A scalar value's skeleton, whatever its type (see the top of the
 * file); end_skeleton ends one that ends the batch. */
static IXJ__INLINE void
put_scalar(scan *s)
{
    *s->skel++ = '0';
}

/* Skips whitespace. Returns false at the end of the input. */
static IXJ__INLINE bool
skip_space(scan *s)
{
    const uint8_t *p = s->p;
    for (; p < s->end; p++) {
        uint8_t c = *p;
        if (IXJ__LIKELY(c > ' '))
            break;
        if (c == '\n') {
            s->line++;
            s->line_start = pos(s, p) + 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            break; /* not whitespace: the state reports it */
        }
    }
    s->p = p;
    return p < s->end;
}

/* The state after a complete value. A comma right after it (compact
 * JSON) is taken here, saving a turn of the scan loop. */
static IXJ__INLINE step
after_value(scan *s)
{
    if (IXJ__LIKELY(s->depth > 0)) {
        if (s->p < s->end && *s->p == ',') {
            *s->skel++ = ',';
            s->p++;
            s->state = s->in_array ? IXJ__GS_VALUE_ELEMENT : IXJ__GS_KEY;
        } else {
            s->state =
                s->in_array ? IXJ__GS_AFTER_ELEMENT : IXJ__GS_AFTER_MEMBER;
        }
        return GO;
    }
    s->g->value_end = pos(s, s->p);
    s->state = IXJ__GS_DONE;
    /* A concatenated document is delivered now, not when the next one
     * starts: what follows, whitespace included, is the next one's. */
    return s->g->concatenated ? STOP_DOC : GO;
}

/* ---------------------------------------------------------------- tokens */

/* Where the next special byte at or after p lies (or the end): from the
 * cached window when p is in it, else from new windows. */
static IXJ__INLINE const uint8_t *
next_special(scan *s, const uint8_t *p)
{
    uintptr_t off = (uintptr_t)p - s->win;
    if (off < 64) {
        uint64_t m = s->win_mask >> off;
        if (m != 0)
            return p + __builtin_ctzll(m);
        p = (const uint8_t *)(s->win + 64);
    }
    for (;;) {
        uint64_t m = ixj__specials64(p, (size_t)(s->input_end - p));
        s->win = (uintptr_t)p;
        s->win_mask = m;
        if (m != 0)
            return p + __builtin_ctzll(m);
        p += 64;
    }
}

/* A token's bytes are complete: its text lies in the input when it began
 * there, else (a held token, until_token_end) in the hold, which becomes
 * the batch's text. Returns the token's first byte, or NULL when out of
 * memory for the hold. */
static const uint8_t *
token_bytes(scan *s)
{
    ixj__guard *g = s->g;
    if (g->tok_start >= s->base)
        return s->buf + (g->tok_start - s->base);
    if (!hold_append(g, s->buf, (size_t)(s->p - s->buf)))
        return NULL;
    g->batch_text = g->hold;
    g->batch_offset = g->tok_start;
    s->text = (const uint8_t *)g->hold; /* the token lies at 0 */
    return s->text;
}

/* The open token (STRING, NUMBER or LITERAL) through its lexer, to its end
 * or the end of the input. */
static step
lex_token(scan *s)
{
    ixj__guard *g = s->g;
    const uint8_t *buf = s->buf, *first;
    int r;
    size_t len;

    save(s);
    if (s->state == IXJ__GS_STRING)
        r = ixj__lex_string(g, &s->p, s->end, buf, s->base);
    else if (s->state == IXJ__GS_NUMBER)
        r = ixj__lex_number(g, &s->p, s->end, buf, s->base);
    else
        r = ixj__lex_literal(g, &s->p, s->end, buf, s->base);
    if (r == IXJ__LEX_MORE)
        return STOP_END;
    if (r == IXJ__LEX_ERROR)
        return STOP_ERROR;
    /* Room was checked before the token began (a held token's batch is
     * empty). */
    IXJ__ASSERT(s->tp < s->tp_end);
    len = (size_t)(pos(s, s->p) - g->tok_start);
    if ((first = token_bytes(s)) == NULL)
        return fail(s, IXJ_ERR_NOMEM, 0, s->p, ixj__state_ctx(g));
    if (s->state == IXJ__GS_STRING) {
        push(s, first + 1, len - 2,
             (g->key ? IXJ__T_KEY : IXJ__T_STRING) |
                 (g->escaped ? IXJ__T_ESCAPED : 0u));
        if (g->key) {
            s->state = IXJ__GS_COLON;
            return GO;
        }
    } else if (s->state == IXJ__GS_NUMBER) {
        push(s, first, len, IXJ__T_NUMBER);
    } else {
        push(s, first, 0,
             g->word == 't'   ? IXJ__T_TRUE
             : g->word == 'f' ? IXJ__T_FALSE
                              : IXJ__T_NULL);
    }
    put_scalar(s);
    return after_value(s);
}

/* A step that is not inlined (a slow path) works on a copy of the scan,
 * so that the scan loop's own copy never has its address taken and its
 * hot fields can live in registers. */
static IXJ__INLINE step
spill(scan *s, step (*slow)(scan *))
{
    scan copy = *s;
    step r = slow(&copy);
    *s = copy;
    return r;
}

/* A string at s->p (its opening quote), a key or a value. Completes here
 * when the window shows its closing quote before any other special byte
 * and within the string limit; else the lexer takes over from the first
 * special byte (or from the limit). */
static IXJ__INLINE step
string_at(scan *s, bool is_key)
{
    ixj__guard *g = s->g;
    const uint8_t *open = s->p, *start = open + 1;
    const uint8_t *q = next_special(s, start);
    uint64_t n = (uint64_t)(q - start);

    if (IXJ__LIKELY(q < s->end && *q == '"' && n <= s->max_string)) {
        push(s, start, (size_t)n, is_key ? IXJ__T_KEY : IXJ__T_STRING);
        s->p = q + 1;
        if (!is_key) {
            put_scalar(s);
            return after_value(s);
        }
        if (s->p < s->end && *s->p == ':') { /* the usual next byte */
            s->p++;
            s->state = IXJ__GS_VALUE_MEMBER;
        } else {
            s->state = IXJ__GS_COLON;
        }
        return GO;
    }
    g->tok_start = pos(s, open);
    g->sub = IXJ__SS_PLAIN;
    g->escaped = false;
    g->key = is_key;
    s->p = n <= g->max_string ? q : start + g->max_string;
    if (s->p > s->end)
        s->p = s->end; /* the document limit ends the search first */
    s->state = IXJ__GS_STRING;
    return spill(s, lex_token);
}

/* A number at s->p. Integers complete here: -?[1-9][0-9]* ended by a
 * byte that cannot extend a number. Anything else starts the lexer. */
static IXJ__INLINE step
number_at(scan *s, uint8_t c)
{
    ixj__guard *g = s->g;
    const uint8_t *p = s->p, *q = p + (c == '-');

    if (q < s->end && *q >= '1' && *q <= '9') {
        q++;
        while (q < s->end && (uint8_t)(*q - '0') < 10)
            q++;
        if (q < s->end && *q != '.' && *q != 'e' && *q != 'E' &&
            (uint64_t)(q - p) <= g->max_number) {
            push(s, p, (size_t)(q - p), IXJ__T_NUMBER);
            put_scalar(s);
            s->p = q;
            return after_value(s);
        }
    }
    g->tok_start = pos(s, p);
    g->sub = c == '-' ? IXJ__NS_MINUS : c == '0' ? IXJ__NS_ZERO : IXJ__NS_INT;
    s->p = p + 1;
    s->state = IXJ__GS_NUMBER;
    return spill(s, lex_token);
}

/* true, false or null at s->p: here when all of it is in the input. */
static IXJ__INLINE step
literal_at(scan *s, uint8_t c)
{
    ixj__guard *g = s->g;
    const char *word = c == 't' ? "true" : c == 'f' ? "false" : "null";
    size_t n = c == 'f' ? 5 : 4;

    if ((size_t)(s->end - s->p) >= n && memcmp(s->p, word, n) == 0) {
        push(s, s->p, 0,
             c == 't'   ? IXJ__T_TRUE
             : c == 'f' ? IXJ__T_FALSE
                        : IXJ__T_NULL);
        put_scalar(s);
        s->p += n;
        return after_value(s);
    }
    g->tok_start = pos(s, s->p);
    g->word = c;
    g->word_done = 1;
    s->p++;
    s->state = IXJ__GS_LITERAL;
    return spill(s, lex_token);
}

/* ------------------------------------------------------------ containers */

static IXJ__INLINE step
open_container(scan *s, uint8_t c)
{
    ixj__guard *g = s->g;
    if (s->depth >= g->max_depth)
        return fail(s, IXJ_ERR_LIMIT, IXJ__D_DEPTH_LIMIT, s->p, IXJ__CTX_VALUE);
    if (!push_container(g, s->depth, c == '['))
        return fail(s, IXJ_ERR_NOMEM, 0, s->p, IXJ__CTX_VALUE);
    push(s, s->p, 0, c == '[' ? IXJ__T_ARRAY : IXJ__T_OBJECT);
    *s->skel++ = '['; /* objects too: see the top of the file */
    s->depth++;
    s->in_array = c == '[';
    s->p++;
    s->state = c == '[' ? IXJ__GS_ARRAY_FIRST : IXJ__GS_OBJECT_FIRST;
    return GO;
}

/* s->p is at a '}' or ']' that matches the open container. */
static IXJ__INLINE step
close_container(scan *s)
{
    if (s->tp == s->tp_end)
        return STOP_FULL;
    push(s, s->p, 0, IXJ__T_CLOSE);
    *s->skel++ = ']';
    s->depth--;
    s->in_array = s->depth > 0 && s->g->is_array[s->depth - 1];
    s->p++;
    return after_value(s);
}

/* ---------------------------------------------------------------- states */

/* The first byte of the top-level value, c, at s->p. */
static IXJ__INLINE step
top_value(scan *s, uint8_t c)
{
    ixj__guard *g = s->g;
    g->started = true;
    g->value_start = pos(s, s->p);
    g->value_line = s->line;
    if (c == '{' || !g->root_object)
        return GO;
    if (!g->concatenated)
        return fail(s, IXJ_ERR_TYPE, ixj__root_type_detail(c), s->p,
                    IXJ__CTX_VALUE);
    /* A concatenated stream reads the value to its end, to find the next
     * document; the decoder fails this one. */
    g->root_not_object = true;
    g->root_detail = ixj__root_type_detail(c);
    g->value_column = g->value_start - s->line_start + 1;
    return GO;
}

/* What a byte starts, when it starts a value. */
enum { V_NONE, V_STRING, V_OPEN, V_LITERAL, V_NUMBER };
static const uint8_t value_kind[256] = {
    ['"'] = V_STRING,  ['{'] = V_OPEN,    ['['] = V_OPEN,   ['t'] = V_LITERAL,
    ['f'] = V_LITERAL, ['n'] = V_LITERAL, ['-'] = V_NUMBER, ['0'] = V_NUMBER,
    ['1'] = V_NUMBER,  ['2'] = V_NUMBER,  ['3'] = V_NUMBER, ['4'] = V_NUMBER,
    ['5'] = V_NUMBER,  ['6'] = V_NUMBER,  ['7'] = V_NUMBER, ['8'] = V_NUMBER,
    ['9'] = V_NUMBER};

/* VALUE_TOP, VALUE_MEMBER, VALUE_ELEMENT, ARRAY_FIRST: a value starts at
 * byte c (or, after '[', the array closes). */
static IXJ__INLINE step
at_value(scan *s, uint8_t c)
{
    ixj__guard *g = s->g;
    int kind = value_kind[c];
    step r;

    if (IXJ__UNLIKELY(kind == V_NONE)) {
        if (c == ']' && s->state == IXJ__GS_ARRAY_FIRST)
            return close_container(s);
        return syntax_error(s, s->state == IXJ__GS_ARRAY_FIRST
                                   ? IXJ__CTX_CONTAINER
                                   : IXJ__CTX_VALUE);
    }
    if (s->state == IXJ__GS_VALUE_TOP && (r = top_value(s, c)) != GO)
        return r;
    if (IXJ__UNLIKELY(s->tp == s->tp_end))
        return STOP_FULL;
    if (s->state >= IXJ__GS_VALUE_ELEMENT &&
        ++g->count[s->depth - 1] > g->max_array)
        return fail(s, IXJ_ERR_LIMIT, IXJ__D_ARRAY_LIMIT, s->p, IXJ__CTX_VALUE);
    switch (kind) {
    case V_STRING:
        return string_at(s, false);
    case V_OPEN:
        return open_container(s, c);
    case V_LITERAL:
        return literal_at(s, c);
    default:
        return number_at(s, c);
    }
}

/* OBJECT_FIRST, KEY: a key starts at byte c (or, after '{', the object
 * closes). */
static IXJ__INLINE step
at_key(scan *s, uint8_t c)
{
    if (IXJ__LIKELY(c == '"')) {
        /* Members whose value is a string, one after another in compact
         * text, are read here without going back to the scan loop: the
         * key (and its colon), the value (and its comma), the next key. */
        do {
            step r;
            if (IXJ__UNLIKELY(s->tp == s->tp_end))
                return STOP_FULL;
            if ((r = string_at(s, true)) != GO ||
                s->state != IXJ__GS_VALUE_MEMBER || s->p == s->end ||
                *s->p != '"' || s->tp == s->tp_end)
                return r;
            if ((r = string_at(s, false)) != GO)
                return r;
        } while (s->state == IXJ__GS_KEY && s->p < s->end && *s->p == '"');
        return GO;
    }
    if (c == '}' && s->state == IXJ__GS_OBJECT_FIRST)
        return close_container(s);
    return syntax_error(s, IXJ__CTX_CONTAINER);
}

/* COLON: the colon after a key. */
static IXJ__INLINE step
at_colon(scan *s, uint8_t c)
{
    if (c != ':')
        return syntax_error(s, IXJ__CTX_CONTAINER);
    s->p++;
    s->state = IXJ__GS_VALUE_MEMBER;
    return GO;
}

/* AFTER_MEMBER, AFTER_ELEMENT: a comma, or the bracket that closes. */
static IXJ__INLINE step
at_separator(scan *s, uint8_t c, uint8_t closer, ixj__gstate next)
{
    if (c == closer)
        return close_container(s);
    if (c != ',')
        return syntax_error(s, IXJ__CTX_CONTAINER);
    *s->skel++ = ',';
    s->p++;
    s->state = next;
    return GO;
}

/* The scan loop: whitespace, then the state's step, until a stop. It
 * works on a local copy of the scan (see spill). */
static step
run(scan *io)
{
    scan s = *io;
    step r;
    for (;;) {
        uint8_t c;
        if (!skip_space(&s)) {
            r = STOP_END;
            break;
        }
        c = *s.p;
        switch (s.state) {
        case IXJ__GS_VALUE_TOP:
        case IXJ__GS_VALUE_MEMBER:
        case IXJ__GS_VALUE_ELEMENT:
        case IXJ__GS_ARRAY_FIRST:
            r = at_value(&s, c);
            break;
        case IXJ__GS_OBJECT_FIRST:
        case IXJ__GS_KEY:
            r = at_key(&s, c);
            break;
        case IXJ__GS_COLON:
            r = at_colon(&s, c);
            break;
        case IXJ__GS_AFTER_MEMBER:
            r = at_separator(&s, c, '}', IXJ__GS_KEY);
            break;
        case IXJ__GS_AFTER_ELEMENT:
            r = at_separator(&s, c, ']', IXJ__GS_VALUE_ELEMENT);
            break;
        case IXJ__GS_DONE:
            r = syntax_error(&s, IXJ__CTX_CONTAINER);
            break;
        default: /* token states: only until_token_end resumes them */
            r = spill(&s, lex_token);
            break;
        }
        if (r != GO)
            break;
    }
    *io = s;
    return r;
}

/* Where the document limit stops a scan that reads [p, end), p being at
 * offset at. */
static const uint8_t *
document_end(const ixj__guard *g, const uint8_t *p, const uint8_t *end,
             uint64_t at)
{
    uint64_t used = at - g->doc_start;
    uint64_t room = g->max_document > used ? g->max_document - used : 0;
    return room < (uint64_t)(end - p) ? p + room : end;
}

/* The scan reached the end of its input (or of the document limit). */
static step
at_end(scan *s)
{
    ixj__guard *g = s->g;
    save(s);
    if (s->end < s->input_end) { /* the first byte beyond the limit */
        ixj__guard_fail(g, IXJ_ERR_LIMIT, IXJ__D_DOCUMENT_LIMIT, pos(s, s->end),
                        ixj__state_ctx(g));
        return STOP_ERROR;
    }
    if (ixj__guard_in_token(g)) {
        /* Hold the incomplete token until the next input completes it. */
        const uint8_t *from = g->tok_start >= s->base
                                  ? s->buf + (g->tok_start - s->base)
                                  : s->buf;
        if (!hold_append(g, from, (size_t)(s->end - from))) {
            ixj__guard_fail(g, IXJ_ERR_NOMEM, 0, g->tok_start,
                            ixj__state_ctx(g));
            return STOP_ERROR;
        }
    }
    return STOP_END;
}

/* A scalar's 0 that ends the batch's skeleton gets a space: yajl would
 * otherwise wait for the next byte to end the number, and every token of
 * a batch must be called back before the next scan. */
static void
end_skeleton(ixj__guard *g)
{
    if (g->skeleton_len > 0 && g->skeleton[g->skeleton_len - 1] == '0')
        g->skeleton[g->skeleton_len++] = ' ';
}

void
ixj__guard_scan(ixj__guard *g, const uint8_t *buf, size_t len,
                bool until_token_end, int *stop, size_t *consumed)
{
    scan s;
    step r;

    IXJ__ASSERT(len <= IXJ__SCAN_MAX);
    IXJ__ASSERT(until_token_end == ixj__guard_in_token(g));
    IXJ__ASSERT(g->fifo_w == 0 && g->skeleton_len == 0);
    s.g = g;
    s.buf = s.text = s.p = buf;
    s.input_end = buf + len;
    s.end = g->max_document != 0 ? document_end(g, buf, s.input_end, g->offset)
                                 : s.input_end;
    s.base = g->offset;
    s.tp = g->fifo;
    s.tp_end = g->fifo + IXJ__FIFO_SIZE;
    s.skel = g->skeleton;
    s.state = g->state;
    s.depth = g->depth;
    s.in_array = g->depth > 0 && g->is_array[g->depth - 1];
    s.max_string = g->max_string;
    s.line = g->line;
    s.line_start = g->line_start;
    s.win = (uintptr_t)buf + len + 64; /* no window yet */
    s.win_mask = 0;
    g->batch_text = (const char *)buf;
    g->batch_offset = g->offset;
    g->batch_line = g->line;
    g->batch_line_start = g->line_start;

    if (until_token_end) {
        r = lex_token(&s);
        if (r == GO)
            r = STOP_TOKEN;
    } else {
        r = run(&s);
    }
    if (r == STOP_END)
        r = at_end(&s);
    else
        save(&s);
    end_skeleton(g);
    *consumed = (size_t)(s.p - buf);
    g->offset += *consumed;
    *stop = (int)r;
}

bool
ixj__guard_end(ixj__guard *g, bool allow_empty, uint8_t detail, bool *complete)
{
    bool number_ended = false;

    if (g->err_code != IXJ_OK) {
        *complete = false;
        return false;
    }
    IXJ__ASSERT(g->fifo_w == 0 && g->skeleton_len == 0);
    if (g->state == IXJ__GS_NUMBER && ixj__number_accepts(g->sub)) {
        /* The end of input ends the held number: it is a batch alone. */
        ixj__token *t = &g->fifo[0];
        t->at = 0;
        t->len = (uint32_t)g->hold_len;
        t->flags = IXJ__T_NUMBER;
        g->batch_text = g->hold;
        g->batch_offset = g->tok_start;
        g->batch_line = g->line;
        g->batch_line_start = g->line_start;
        g->fifo_w = 1;
        memcpy(g->skeleton, "0 ", 2);
        g->skeleton_len = 2;
        g->state = g->depth == 0               ? IXJ__GS_DONE
                   : g->is_array[g->depth - 1] ? IXJ__GS_AFTER_ELEMENT
                                               : IXJ__GS_AFTER_MEMBER;
        g->value_end = g->offset;
        number_ended = true;
    }
    *complete = g->state == IXJ__GS_DONE;
    if (!*complete && (g->started || !allow_empty))
        ixj__guard_fail(g, IXJ_ERR_TRUNCATED,
                        detail != 0 ? detail : ixj__truncated_detail(g),
                        g->offset, ixj__state_ctx(g));
    return number_ended;
}
