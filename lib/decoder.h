/* SPDX-License-Identifier: MIT */
/*
 * The decoder's insides, shared by its files:
 *
 *   decoder.c   the yajl callbacks: a stack of frames over the field
 *               tables of schema.h, values into structs
 *   paths.c     the path of the current position, for errors and
 *               element callbacks
 *   elements.c  repeated fields: arrays kept, streamed to a callback or
 *               dropped (validation only)
 *   feed.c      one document through the guard and yajl; errors and
 *               their positions
 *   stream.c    documents one after another (NDJSON, concatenated)
 *   api.c       the public entry points, options, gathering small chunks
 *
 *   bytes --> guard --(whole tokens)--> yajl_parse --> callbacks --> structs
 *
 * The guard (guard.h) checks the text, records each token in its table,
 * and hands yajl a skeleton of the document's values (containers as
 * arrays, scalars as 0, no keys): yajl parses the nesting and calls back
 * once per value, and each callback takes that value's token, and a
 * member's key before it, with their real text and position from the
 * table.
 *
 * Errors: the first one wins. A callback that finds one records it and
 * returns 0, which stops yajl; the guard's errors are reported after yajl
 * has seen every complete token before them, so the first error in the
 * text is always the one reported, however the input was chunked.
 */
#ifndef IXJOB_DECODER_H
#define IXJOB_DECODER_H

#include <stdbool.h>
#include <stdint.h>

#include <yajl/yajl_parse.h>

#include <ixjob/ixjob.h>

#include "arena.h"
#include "guard.h"
#include "schema.h"
#include "ypool.h"

/* What a frame is: one per open container. */
typedef enum ixj__frame_kind {
    IXJ__FR_OBJECT,      /* a payload object: its table, the struct being
                            filled, the keys seen, the pending key's field */
    IXJ__FR_ARRAY,       /* a repeated field (elements.c) */
    IXJ__FR_SKIP_OBJECT, /* a value that is not decoded: an unknown key's */
    IXJ__FR_SKIP_ARRAY   /* value, or anything under the any type; tracked
                            only for paths */
} ixj__frame_kind;

/* What an array frame does with its elements: keep them in the result;
 * stream them one by one to a callback; drop them (validation only). A
 * streamed or dropped element is allocated after a mark of the arena,
 * which is rewound after it, so memory does not grow with the array. */
typedef enum ixj__array_mode {
    IXJ__KEEP,
    IXJ__STREAM,
    IXJ__DROP
} ixj__array_mode;

typedef struct ixj__frame {
    uint8_t kind;     /* ixj__frame_kind */
    bool key_pending; /* objects: a key was read, its value not done */
    bool key_alias;   /* the pending key is its field's alias */
    bool key_copied;  /* the pending key is in no table: its text is in
                         d->keys at key_off */
    const ixj__object_desc *desc; /* OBJECT; NULL while auto-detecting */
    void *base;                   /* OBJECT: the struct; ARRAY: its owner */
    const ixj__field *field;      /* OBJECT: of the pending key, NULL when
                                     unknown; ARRAY: the array's field */
    const ixj__field *expect;     /* OBJECT: the field whose key usually
                                     comes next (or NULL) */
    uint64_t seen;                /* OBJECT: fields whose key was read */
    uint64_t seen_alias;          /* OBJECT: ... under their alias */
    uint64_t count;               /* arrays: elements started */
    size_t key_len;               /* a copied key's length */
    size_t key_off;
    size_t keys_mark;     /* d->keys_len when the frame was pushed */
    char *items;          /* ARRAY: element buffer (kept arrays) */
    size_t items_size;    /* its size in bytes */
    void *element_value;  /* ARRAY (STREAM, DROP): the element in
                             progress, in the arena after mark */
    size_t item_size;     /* ARRAY: bytes per slot of the buffer (a
                             pointer, or an ixj_string) */
    size_t struct_size;   /* ARRAY: bytes of an element's struct */
    size_t element_cost;  /* ARRAY: what an element adds to the result */
    uint8_t mode;         /* ARRAY: ixj__array_mode */
    uint8_t element;      /* ARRAY: its ixj_element, 0 when it has none */
    ixj__arena_mark mark; /* ARRAY (STREAM, DROP): arena before the
                             element in progress */
    uint64_t charged;     /* and d->result_bytes then */
} ixj__frame;

/* Where a decode is. */
typedef enum ixj__phase {
    IXJ__IDLE,    /* no document begun (or reset) */
    IXJ__ACTIVE,  /* begun: feeds go on */
    IXJ__FAILED,  /* the document's error is final */
    IXJ__FINISHED /* ended with a result (or a stream delivered all) */
} ixj__phase;

/* Which path an error names at the innermost array: the element being
 * read (CURRENT), the element about to start (NEXT), or the array itself
 * (CONTAINER). At an object, a pending key is always named. */
typedef enum ixj__path_mode {
    IXJ__PATH_CURRENT,
    IXJ__PATH_NEXT,
    IXJ__PATH_CONTAINER
} ixj__path_mode;

/* Chunks shorter than this are gathered into a stage of IXJ__STAGE_SIZE
 * bytes and scanned when it fills (or at finish): a scan and a yajl call
 * per tiny chunk would cost more than the bytes themselves. Results do
 * not depend on it; an error in staged bytes is reported by the call that
 * scans them. */
#define IXJ__STAGE_SIZE  4096u
#define IXJ__STAGE_BELOW 512u

struct ixj_decoder {
    ixj_allocator alloc;

    /* Options. */
    bool strict;
    bool validate_only;
    bool gather; /* IXJ_OPT_GATHER */
    uint64_t max_depth;
    uint64_t max_string;
    uint64_t max_number;
    uint64_t max_array;
    uint64_t max_document;
    uint64_t max_result; /* 0: unlimited */

    /* A callback of this decoder is running: every call that would drive
     * the decoder is refused (see ixjob.h, "Callbacks"). */
    unsigned in_callback;

    /* The document. */
    ixj__phase phase;
    ixj_type type;     /* as begun */
    ixj_type resolved; /* as decided (auto-detection) */
    void *root;        /* the top-level struct */
    uint64_t root_offset, root_line, root_column; /* its opening brace */
    uint64_t unknown_fields;
    uint64_t unrecognized_enums;
    uint64_t result_bytes; /* what the kept result takes (see charge) */

    /* The text engine. */
    ixj__guard guard;
    ixj__ypool ypool;
    yajl_handle yajl;
    bool yajl_dirty; /* the handle stopped mid-document */
    uint64_t yajl_bytes;

    /* Small chunks gathered before they are scanned (api.c). */
    size_t stage_len;
    size_t stage_below; /* IXJ__STAGE_BELOW, or 0 (IXJ_OPT_GATHER off) */
    /* Room for the inline path of ixj_decoder_feed: the stage's free
     * bytes while one document is gathered, else 0 (streams, inside a
     * callback, no document in progress, gathering off). */
    size_t fast_room;
    uint8_t stage[IXJ__STAGE_SIZE];

    /* Escaped string content, decoded. */
    char *unescaped;
    size_t unescaped_cap;

    /* Open containers: frames[0 .. depth), the innermost at top (NULL
     * when none is open). */
    ixj__frame *frames;
    ixj__frame *top;
    uint32_t depth;
    uint32_t frame_cap;

    /* Copies of keys that are not in a table, for paths. */
    char *keys;
    size_t keys_len;
    size_t keys_cap;

    ixj_arena *arena;
    ixj_result result;

    /* A stream of documents (stream.c). */
    ixj_stream_format stream; /* 0: one document */
    ixj_document_fn doc_fn;
    void *doc_ctx;
    uint64_t doc_count;
    bool doc_failed; /* the document in progress has its error */
    bool skip_line;  /* NDJSON: skipping the rest of a failed record */

    /* Element callbacks, by ixj_element. */
    struct {
        ixj_element_fn fn;
        void *ctx;
    } elements[IXJ__ELEMENT_END];
    char *element_path;
    size_t element_path_cap;
    /* element_path up to the index holds for this array frame's elements;
     * the ancestors' keys cannot change while it is open. */
    const ixj__frame *element_prefix_of;
    size_t element_prefix_len;

    ixj_error error;
    char *path;
    size_t path_cap;
};

/* ---- decoder.c, paths.c */

/* The yajl callbacks, with the decoder as their context. */
extern const yajl_callbacks ixj__decoder_callbacks;

/* Takes the key that ended the batch yajl just parsed: the skeleton has
 * no keys, and its value, in the next batch, has not been called back
 * (guard.h). Returns 0 after recording an error. */
int ixj__pending_key(ixj_decoder *d);

/* Records the first error of the document at an absolute position, with
 * an ixj__detail id and the path the mode names. */
void ixj__record_error(ixj_decoder *d, ixj_status code, unsigned detail,
                       uint64_t offset, uint64_t line, uint64_t column,
                       ixj__path_mode mode);

/* The same at a token of the current batch; returns 0, what a callback
 * returns to stop yajl. */
int ixj__fail_at(ixj_decoder *d, ixj_status code, unsigned detail,
                 const ixj__token *tok, ixj__path_mode mode);

/* The same at the guard's position (between tokens). */
void ixj__record_error_here(ixj_decoder *d, ixj_status code, unsigned detail,
                            ixj__path_mode mode);

/* Writes the path of the current position into out (when not NULL);
 * returns its length. */
size_t ixj__render_path(const ixj_decoder *d, ixj__path_mode mode, char *out);

/* At least the length of any path ixj__render_path writes now, found
 * without rendering it (element paths render once, into room this big). */
size_t ixj__path_bound(const ixj_decoder *d);

/* Counts size bytes against the kept result's limit. Returns false after
 * recording IXJ_ERR_LIMIT at the token whose value needs them. */
bool ixj__charge(ixj_decoder *d, size_t size, const ixj__token *tok);

/* Pushes a frame of the given kind; NULL after recording nomem. */
ixj__frame *ixj__push_frame(ixj_decoder *d, ixj__frame_kind kind,
                            const ixj__token *tok);

/* Pushes the frame of a payload object obj whose struct is at base.
 * Returns 0 after recording nomem. */
int ixj__push_object(ixj_decoder *d, const ixj__object_desc *obj, void *base,
                     const ixj__token *tok);

/* A zeroed struct of size bytes in the result's arena (not charged);
 * NULL after recording nomem at tok. */
void *ixj__new_struct(ixj_decoder *d, size_t size, const ixj__token *tok);

/* Stores a string value (NUL-terminated copy in the arena). Returns 0
 * after recording an error. */
int ixj__store_string(ixj_decoder *d, ixj_string *dst, const char *text,
                      size_t len, const ixj__token *tok);

/* Sets fast_room from the decoder's state (api.c). */
void ixj__refresh_fast_room(ixj_decoder *d);

/* Around a call of user code: the decoder refuses to be driven. */
void ixj__callback_enter(ixj_decoder *d);
void ixj__callback_leave(ixj_decoder *d);

/* ---- elements.c */

/* An element of the array frame f (the top frame), of JSON type jt (an
 * ixj__JSON_* value) with text for strings. Returns 0 after recording an
 * error. */
int ixj__array_value(ixj_decoder *d, ixj__frame *f, int jt, const char *text,
                     size_t len, const ixj__token *tok);

/* Sets up a new array frame for field fld of owner. */
void ixj__array_begin(ixj_decoder *d, ixj__frame *f, const ixj__field *fld,
                      void *owner);

/* A streamed or dropped element of f is complete. Returns 0 when an error
 * (a stop) was recorded. */
int ixj__element_done(ixj_decoder *d, ixj__frame *f, const ixj__token *tok);

/* Moves a closed array into its owner struct. */
int ixj__array_end(ixj_decoder *d, ixj__frame *f, const ixj__token *tok);

/* ---- feed.c */

/* Makes the decoder ready for a new document: the yajl handle (the same
 * one after a clean document, else a new one from recycled memory). False
 * when out of memory. */
bool ixj__ready_yajl(ixj_decoder *d);

/* Hands yajl the batch the guard has ready, unless `skip` (the stream's
 * document already failed); empties the batch. Returns IXJ_OK or the
 * error recorded. */
ixj_status ixj__flush(ixj_decoder *d, bool skip);

/* Takes the error the guard recorded. */
void ixj__take_guard_error(ixj_decoder *d);

/* Ends the decode with its error: FAILED; returns the code. */
ixj_status ixj__fail_now(ixj_decoder *d);

/* Feeds bytes of one document through the guard to yajl. */
ixj_status ixj__feed_document(ixj_decoder *d, const uint8_t *buf, size_t len);

/* The input of one document ended. */
ixj_status ixj__finish_document(ixj_decoder *d, ixj_result *out);

/* Drops the decoded state of a document (frames, arena, error), keeping
 * memory; the guard and yajl are left to the caller. */
void ixj__clear_document(ixj_decoder *d);

/* Fills d->result from the document just decoded. */
void ixj__fill_result(ixj_decoder *d);

/* Clears the error record. */
void ixj__clear_error(ixj_decoder *d);

/* ---- stream.c */

ixj_status ixj__feed_stream(ixj_decoder *d, const uint8_t *buf, size_t len);
ixj_status ixj__finish_stream(ixj_decoder *d);

/* ---- observed by tests and benchmarks */

/* Bytes of skeleton handed to yajl_parse since the decoder was created:
 * a few per token, whatever the tokens' lengths and the chunking. */
uint64_t ixj__decoder_yajl_bytes(const ixj_decoder *d);

/* Bytes copied into the guard's hold since the decoder was created: each
 * byte of a token cut by the end of a chunk is copied once. */
uint64_t ixj__decoder_held_bytes(const ixj_decoder *d);

#endif /* IXJOB_DECODER_H */
