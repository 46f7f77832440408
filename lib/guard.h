/* SPDX-License-Identifier: MIT */
/*
 * The guard: a byte-level lexer and validator that runs in front of yajl.
 *
 * yajl 2.1 accepts things RFC 8259 forbids (\f and \v as whitespace, lone
 * surrogate escapes rewritten as '?', overlong and surrogate UTF-8), has no
 * limits, reports no positions, and re-lexes a token split across calls
 * from its start on every call (quadratic in the number of chunks). The
 * guard scans every byte once, resumably, and decides everything that is
 * about the text rather than the schema:
 *
 *   - the full JSON grammar, so that every syntax error has the exact
 *     offset of its first bad byte;
 *   - strings: strict UTF-8 (RFC 3629), escapes, \u surrogate pairing,
 *     \u0000 (rejected unless allow_nul), raw control characters;
 *   - the limits: depth, string bytes, number bytes, array elements,
 *     document bytes;
 *   - a token table: for each token that produces a yajl callback, in
 *     order, its position (offset, line) and, for strings and numbers,
 *     its text;
 *   - a skeleton of the text for yajl: the same structure with every
 *     string written as "" and every number as "0 ", whitespace dropped.
 *
 * yajl parses the skeleton and drives the decoder's callbacks, which take
 * each token's real text and position from the table. So string content
 * is examined once, by the guard, instead of twice; yajl only ever sees
 * whole, valid tokens, which keeps time linear however the input is
 * chunked; and a token cut by the end of a chunk is copied once into a
 * hold buffer until it completes.
 *
 * The guard never looks at the schema; the decoder never looks at bytes.
 */
#ifndef IXJOB_GUARD_H
#define IXJOB_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

/* Tokens per batch handed to yajl: the size of the token table. A power
 * of two; 512 tokens keep a batch near 5 KB of typical payload, so the
 * per-call cost of yajl_parse is noise. */
#define IXJ__FIFO_SIZE 512u

/* Skeleton bytes per batch: a token and the separator after it take at
 * most 6 ("false,", "0 ,"). */
#define IXJ__SKELETON_SIZE (IXJ__FIFO_SIZE * 8u)

typedef struct ixj__token {
    const char *text;    /* strings: the raw content between the quotes;
                            numbers: the token; otherwise NULL */
    size_t len;          /* bytes of text */
    uint64_t offset;     /* absolute offset of the token's first byte */
    uint64_t line;       /* 1-based */
    uint64_t line_start; /* offset of the line's first byte */
    bool escaped;        /* strings: the content has backslash escapes */
} ixj__token;

/* Where an error sits, for the decoder to build its path: CTX_VALUE is a
 * value being read or expected (a member's value after its colon, the
 * next array element, the top-level value); CTX_CONTAINER is the
 * innermost open container (or the top level). */
enum { IXJ__CTX_CONTAINER = 0, IXJ__CTX_VALUE = 1 };

/* Why a scan returned. In every case the table and the skeleton hold the
 * tokens completed so far, for yajl. */
enum {
    IXJ__SCAN_END = 0,   /* every byte examined */
    IXJ__SCAN_FULL = 1,  /* stopped before a token: the table is full */
    IXJ__SCAN_TOKEN = 2, /* (until_token_end) the held token ended */
    IXJ__SCAN_ERROR = 3, /* an error; see err_* */
    IXJ__SCAN_DOC = 4    /* (streams) the document ended */
};

/* Streams of documents. */
enum {
    IXJ__ONE_DOCUMENT = 0,
    IXJ__NDJSON = 1,      /* one document per line; blank lines skipped */
    IXJ__CONCATENATED = 2 /* values one after another */
};

typedef struct ixj__guard {
    /* Configuration, fixed for a document. */
    uint64_t max_depth;
    uint64_t max_string;
    uint64_t max_number;
    uint64_t max_array;
    uint64_t max_document; /* 0: unlimited */
    bool allow_nul;        /* \u0000 allowed (the any type) */
    bool root_object;      /* a top-level value must be an object */
    uint8_t stream;        /* IXJ__ONE_DOCUMENT, IXJ__NDJSON, ... */

    /* Position. */
    uint64_t offset;       /* absolute offset of the next byte */
    uint64_t doc_start;    /* offset where the document began */
    uint64_t value_start;  /* offset of its value's first byte */
    uint64_t value_end;    /* offset after its value's last byte */
    uint64_t value_line;   /* line of its value's first byte */
    uint64_t value_column; /* and column, when root_not_object */
    /* (streams) the top-level value is not the object the type needs:
     * a type error at value_start, taken by the decoder, with this
     * detail */
    bool root_not_object;
    uint8_t root_detail;
    bool started;        /* the value has begun */
    uint64_t line;       /* 1-based line of the next byte */
    uint64_t line_start; /* offset of the first byte of that line */

    /* Grammar. */
    uint8_t state;     /* GS_* in guard.c */
    uint8_t sub;       /* token sub-state */
    bool key;          /* the open string is a key */
    bool escaped;      /* the open string has an escape so far */
    uint32_t depth;    /* open containers */
    uint32_t capacity; /* of the container stack */
    uint8_t *is_array; /* per depth: 1 array, 0 object */
    uint64_t *count;   /* per depth: elements started (arrays) */

    /* The open token. */
    uint64_t tok_start;  /* offset of its first byte */
    uint64_t esc_start;  /* offset of the backslash of the escape */
    uint64_t high_start; /* offset of a pending high surrogate escape */
    uint64_t seq_start;  /* offset of a UTF-8 lead byte */
    uint32_t hex;        /* \u digits so far */
    uint8_t hex_digits;  /* how many */
    uint8_t seq_left;    /* UTF-8 continuation bytes still due */
    uint8_t seq_lo;      /* range of the next continuation byte */
    uint8_t seq_hi;
    uint8_t seq_lead;    /* its lead byte (for error details) */
    const char *literal; /* rest of true/false/null still due */
    uint8_t word;        /* first letter of that literal */
    /* Offset of a digit that follows a number `0` or `-0`: a syntax error
     * there is a leading zero (for its detail). */
    uint64_t leading_zero_at;

    /* A token cut by the end of a chunk: its bytes from its first. */
    char *hold;
    size_t hold_len;
    size_t hold_cap;
    uint64_t held_bytes; /* bytes ever copied into hold (statistics) */

    /* The batch: tokens scanned, of which fifo_r were called back, and
     * their skeleton. Both start over once yajl has taken the batch. */
    uint32_t fifo_r, fifo_w;
    size_t skeleton_len;
    ixj__token fifo[IXJ__FIFO_SIZE];
    char skeleton[IXJ__SKELETON_SIZE];

    /* The first error. */
    int err_code;       /* ixj_status; 0 when none */
    int err_ctx;        /* IXJ__CTX_* */
    uint8_t err_detail; /* ixj__detail */
    uint64_t err_offset;
    uint64_t err_line;
    uint64_t err_column;

    ixj_allocator alloc;
} ixj__guard;

void ixj__guard_init(ixj__guard *g, const ixj_allocator *alloc);
void ixj__guard_release(ixj__guard *g);

/* Starts a document at the current offset. Keeps the memory it has. */
void ixj__guard_begin(ixj__guard *g);

/* Skips the rest of a record (NDJSON, after an error): consumes bytes up
 * to and including the next LF. Returns the bytes consumed; *found tells
 * whether the LF was among them. */
size_t ixj__guard_skip_line(ixj__guard *g, const uint8_t *buf, size_t len,
                            bool *found);

/* Rewinds the absolute position to offset 0, line 1. */
void ixj__guard_rewind_position(ixj__guard *g);

/*
 * Examines bytes of the document. With until_token_end, the guard is
 * inside a token held from an earlier call and returns as soon as it ends
 * (IXJ__SCAN_TOKEN; consumed = the bytes that belong to it). Otherwise it
 * returns at the end of the input (holding an incomplete last token), when
 * the table is full, or at the first error. `consumed` is the number of
 * input bytes examined.
 */
void ixj__guard_scan(ixj__guard *g, const uint8_t *buf, size_t len,
                     bool until_token_end, int *stop, size_t *consumed);

/* The batch in the table and skeleton was given to yajl: empties the
 * skeleton, and the hold once its token has been handed over. */
void ixj__guard_batch_done(ixj__guard *g);

/*
 * The input ended. Completes a number that the end terminates (its token
 * and skeleton are then added, for the caller to hand to yajl: returns
 * true); records IXJ_ERR_TRUNCATED when the document is not complete.
 * Returns through *complete whether the top-level value is complete. In a
 * stream, input that holds no value at all is neither: *complete is false
 * and no error is recorded (check `started`).
 */
bool ixj__guard_end(ixj__guard *g, bool *complete);

/* True when the guard is inside a token. */
bool ixj__guard_in_token(const ixj__guard *g);

/* The token a callback handles: the next in the table. */
static inline const ixj__token *
ixj__fifo_pop(ixj__guard *g)
{
    return &g->fifo[g->fifo_r++];
}

static inline bool
ixj__fifo_empty(const ixj__guard *g)
{
    return g->fifo_r == g->fifo_w;
}

#endif /* IXJOB_GUARD_H */
