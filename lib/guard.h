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
 *     document bytes.
 *
 * What it hands on, per scan call (a batch):
 *
 *   - the token table: for each token that produces a yajl callback, in
 *     order, where it lies (12 bytes: offset from the batch's text, length
 *     of its text, kind and flags);
 *   - a skeleton of the text for yajl: its values in the same nesting,
 *     every container written as an array and every scalar value as 0
 *     (a space after the last one of a batch ends it); keys, colons and
 *     whitespace dropped. yajl calls back once per value (and per
 *     closing bracket); the callback of a member's value first takes the
 *     member's key from the table. A key that ends a batch, its value not
 *     yet scanned, has no callback: the caller takes it from the table
 *     after yajl (ixj__fifo_empty is then false).
 *
 * yajl parses the skeleton and drives the decoder's callbacks, which take
 * each token's real text from the table (ixj__token_text). Positions are
 * kept cheap: a token records its offset only; its line and column are
 * counted from the batch's start when an error needs them
 * (ixj__token_position). So string content is examined once, by the guard;
 * yajl only ever sees whole, valid tokens, which keeps time linear however
 * the input is chunked; and a token cut by the end of a chunk is copied
 * once into a hold buffer until it completes.
 *
 * The protocol with the decoder (doc/design.md has it in full):
 *   1. every scan call starts a new batch; the caller hands the batch's
 *      skeleton to yajl before the next scan call (ixj__guard_batch_done
 *      then empties it), so the table never outlives the input bytes its
 *      tokens point into;
 *   2. a token cut by the end of the input is held; the next call, with
 *      until_token_end, completes only that token (its batch is the held
 *      token alone, its text the hold), so that yajl takes it before the
 *      hold can be reused;
 *   3. at an error, the tokens completed before it are still in the batch:
 *      the caller hands them to yajl first, so that an earlier value error
 *      is the one reported.
 *
 * The guard never looks at the schema; the decoder never looks at bytes.
 */
#ifndef IXJOB_GUARD_H
#define IXJOB_GUARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

/* Tokens per batch handed to yajl: the size of the token table. 512
 * tokens keep a batch near 10 KB of typical payload, so the per-call cost
 * of yajl_parse is noise. */
#define IXJ__FIFO_SIZE 512u

/* Skeleton bytes per batch: a token and the separator after it take at
 * most 2 ("0,", "],"), and a batch's end adds a space. */
#define IXJ__SKELETON_SIZE (IXJ__FIFO_SIZE * 4u)

/* Most bytes one scan call examines: token offsets are 32-bit, relative to
 * the batch's text. Callers feed longer inputs in slices. */
#define IXJ__SCAN_MAX (1u << 30)

/* What a token is (checked against the yajl callback in debug builds). */
enum {
    IXJ__T_OBJECT = 1, /* { */
    IXJ__T_ARRAY,      /* [ */
    IXJ__T_CLOSE,      /* } or ] */
    IXJ__T_KEY,        /* a key string */
    IXJ__T_STRING,     /* a string value */
    IXJ__T_NUMBER,
    IXJ__T_TRUE,
    IXJ__T_FALSE,
    IXJ__T_NULL
};
#define IXJ__T_KIND    0x0Fu /* the kind bits of ixj__token.flags */
#define IXJ__T_ESCAPED 0x10u /* a string whose text has escapes */

typedef struct ixj__token {
    uint32_t at;   /* offset of its text from the batch's text: a
                      string's first byte after its opening quote, else
                      its first byte */
    uint32_t len;  /* strings: content bytes between the quotes; numbers:
                      the token's bytes; otherwise 0 */
    uint8_t flags; /* IXJ__T_* kind, IXJ__T_ESCAPED */
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
    IXJ__SCAN_DOC = 4    /* (concatenated streams) the document ended */
};

/* Grammar states between tokens, and the three token states (guard.c
 * describes what each accepts). */
typedef enum ixj__gstate {
    IXJ__GS_VALUE_TOP,
    IXJ__GS_VALUE_MEMBER,
    IXJ__GS_VALUE_ELEMENT,
    IXJ__GS_ARRAY_FIRST,
    IXJ__GS_OBJECT_FIRST,
    IXJ__GS_KEY,
    IXJ__GS_COLON,
    IXJ__GS_AFTER_MEMBER,
    IXJ__GS_AFTER_ELEMENT,
    IXJ__GS_DONE,
    IXJ__GS_STRING,
    IXJ__GS_NUMBER,
    IXJ__GS_LITERAL
} ixj__gstate;

typedef struct ixj__guard {
    /* Configuration, fixed for a document. */
    uint64_t max_depth;
    uint64_t max_string;
    uint64_t max_number;
    uint64_t max_array;
    uint64_t max_document; /* 0: unlimited */
    bool allow_nul;        /* \u0000 allowed (the any type) */
    bool root_object;      /* a top-level value must be an object */
    /* Concatenated documents: a scan stops when a document ends
     * (IXJ__SCAN_DOC), and a top-level value that is not the object the
     * type needs is read to its end (root_not_object) to find the next. */
    bool concatenated;

    /* Position. */
    uint64_t offset;       /* absolute offset of the next byte */
    uint64_t doc_start;    /* offset where the document began */
    uint64_t value_start;  /* offset of its value's first byte */
    uint64_t value_end;    /* offset after its value's last byte */
    uint64_t value_line;   /* line of its value's first byte */
    uint64_t value_column; /* and column, when root_not_object */
    /* (concatenated) the top-level value is not the object the type
     * needs: a type error at value_start, taken by the decoder, with this
     * detail */
    bool root_not_object;
    uint8_t root_detail;
    bool started;        /* the value has begun */
    uint64_t line;       /* 1-based line of the next byte */
    uint64_t line_start; /* offset of the first byte of that line */

    /* Grammar. */
    ixj__gstate state;
    uint8_t sub;       /* token sub-state (lex.h) */
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
    uint8_t seq_lead;  /* its lead byte (for error details) */
    uint8_t word;      /* a literal: its first letter */
    uint8_t word_done; /* and how many of its letters were read */
    /* Offset of a digit that follows a number `0` or `-0`: a syntax error
     * there is a leading zero (for its detail). */
    uint64_t leading_zero_at;

    /* A token cut by the end of a chunk: its bytes from its first. */
    char *hold;
    size_t hold_len;
    size_t hold_cap;
    uint64_t held_bytes; /* bytes ever copied into hold (statistics) */

    /* The batch: where its tokens' text lies (the input of the scan call,
     * or the hold for a held token), that text's absolute offset and the
     * line and line start there; the tokens scanned, of which fifo_r were
     * called back; and their skeleton. */
    const char *batch_text;
    uint64_t batch_offset;
    uint64_t batch_line;
    uint64_t batch_line_start;
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

/* Moves the position past n bytes that are not scanned (a stream skips
 * the rest of a failed record, or the LF that ends one). lf tells whether
 * the last of them is a line feed. */
void ixj__guard_skip(ixj__guard *g, size_t n, bool lf);

/* Rewinds the absolute position to offset 0, line 1. */
void ixj__guard_rewind_position(ixj__guard *g);

/*
 * Examines bytes of the document (at most IXJ__SCAN_MAX). With
 * until_token_end, the guard is inside a token held from an earlier call
 * and returns as soon as it ends (IXJ__SCAN_TOKEN; consumed = the bytes
 * that belong to it). Otherwise it returns at the end of the input
 * (holding an incomplete last token), when the table is full, when a
 * concatenated document ends, or at the first error. `consumed` is the
 * number of input bytes examined.
 */
void ixj__guard_scan(ixj__guard *g, const uint8_t *buf, size_t len,
                     bool until_token_end, int *stop, size_t *consumed);

/* The batch in the table and skeleton was given to yajl: empties the
 * skeleton, and the hold once its token has been handed over. */
void ixj__guard_batch_done(ixj__guard *g);

/*
 * The input ended. Completes a number that the end terminates (its token
 * and skeleton are then a batch of their own, for the caller to hand to
 * yajl: returns true); records IXJ_ERR_TRUNCATED (with `detail`, or when
 * it is 0 the detail of where the text ended) when the document is not
 * complete. Returns through *complete whether the top-level value is
 * complete. Input that holds no value at all is, in a stream (allow_empty),
 * neither: *complete is false and no error is recorded (check `started`).
 */
bool ixj__guard_end(ixj__guard *g, bool allow_empty, uint8_t detail,
                    bool *complete);

/* True when the guard is inside a token. */
static inline bool
ixj__guard_in_token(const ixj__guard *g)
{
    return g->state >= IXJ__GS_STRING;
}

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

/* The text of a string or number token of the current batch: a string's
 * content (without its quotes), a number's bytes; len bytes. */
static inline const char *
ixj__token_text(const ixj__guard *g, const ixj__token *t)
{
    return g->batch_text + t->at;
}

/* The absolute offset, line and column of a token of the current batch
 * (the line is counted from the batch's start: only errors ask). */
void ixj__token_position(const ixj__guard *g, const ixj__token *t,
                         uint64_t *offset, uint64_t *line, uint64_t *column);

#endif /* IXJOB_GUARD_H */
