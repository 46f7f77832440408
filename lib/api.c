/* SPDX-License-Identifier: MIT */
/*
 * The decoder's public entry points (ixjob.h): its life, its options, and
 * the feed of bytes, which gathers small chunks in a stage before they
 * are scanned (decoder.h).
 */
#include <stddef.h>
#include <string.h>

#include "alloc.h"
#include "compiler.h"
#include "decoder.h"
#include "detail.h"
#include "error.h"

/* Largest accepted limits: far beyond any payload, and small enough that
 * offsets computed from them never overflow. */
#define MAX_LIMIT ((uint64_t)1 << 62)

void
ixj__refresh_fast_room(ixj_decoder *d)
{
    /* Streams scan a newline at once, so that each record is delivered
     * by the feed that ends it: they never take the inline path. */
    bool inline_path = d->phase == IXJ__ACTIVE && !d->in_callback &&
                       d->stream == 0 && d->stage_below != 0;
    d->fast_room = inline_path ? IXJ__STAGE_SIZE - d->stage_len : 0;
}

ixj_decoder *
ixj_decoder_new(const ixj_allocator *alloc)
{
    ixj_allocator hooks;
    ixj_decoder *d;

    if (!ixj__allocator_set(&hooks, alloc))
        return NULL;
    d = ixj__malloc(&hooks, sizeof *d);
    if (d == NULL)
        return NULL;
    memset(d, 0, sizeof *d);
    d->alloc = hooks;
    d->max_depth = IXJ_DEFAULT_MAX_DEPTH;
    d->max_string = IXJ_DEFAULT_MAX_STRING_BYTES;
    d->max_number = IXJ_DEFAULT_MAX_NUMBER_BYTES;
    d->max_array = IXJ_DEFAULT_MAX_ARRAY_ELEMENTS;
    d->max_document = IXJ_DEFAULT_MAX_DOCUMENT_BYTES;
    d->max_result = IXJ_DEFAULT_MAX_RESULT_BYTES;
    d->gather = true;
    d->stage_below = IXJ__STAGE_BELOW;
    ixj__guard_init(&d->guard, &hooks);
    ixj__ypool_init(&d->ypool, &hooks);
    ixj__clear_error(d);
    return d;
}

/* Drops the document, keeping memory. */
static void
discard_document(ixj_decoder *d)
{
    if (d->phase == IXJ__ACTIVE)
        d->yajl_dirty = true; /* yajl stopped mid-document */
    ixj__clear_document(d);
    d->stage_len = 0;
    d->skip_line = false;
    d->phase = IXJ__IDLE;
    d->fast_room = 0;
}

void
ixj_decoder_free(ixj_decoder *d)
{
    const ixj_allocator *a;
    if (d == NULL || d->in_callback)
        return;
    a = &d->alloc;
    discard_document(d); /* array buffers go back to the arena */
    ixj_arena_free(d->arena);
    ixj__guard_release(&d->guard);
    ixj__ypool_destroy(&d->ypool);
    ixj__free(a, d->unescaped);
    ixj__free(a, d->element_path);
    ixj__free(a, d->frames);
    ixj__free(a, d->keys);
    ixj__free(a, d->path);
    ixj__free(a, d);
}

/* Where each option lives in the decoder and which values it takes: a
 * flag (0 or 1) or a limit (min .. max). */
typedef struct option_slot {
    size_t offset; /* of a bool (flag) or a uint64_t (limit) */
    bool is_flag;
    uint64_t min, max;
} option_slot;

static bool
option_slot_of(ixj_option option, option_slot *o)
{
#define FLAG_(member)                             \
    *o = (option_slot)                            \
    {                                             \
        offsetof(ixj_decoder, member), true, 0, 1 \
    }
#define LIMIT_(member, lo, hi)                       \
    *o = (option_slot)                               \
    {                                                \
        offsetof(ixj_decoder, member), false, lo, hi \
    }
    switch (option) {
    case IXJ_OPT_STRICT:
        FLAG_(strict);
        return true;
    case IXJ_OPT_VALIDATE_ONLY:
        FLAG_(validate_only);
        return true;
    case IXJ_OPT_GATHER:
        FLAG_(gather);
        return true;
    case IXJ_OPT_MAX_DEPTH:
        LIMIT_(max_depth, 1, UINT32_MAX - 1);
        return true;
    case IXJ_OPT_MAX_STRING_BYTES:
        LIMIT_(max_string, 0, MAX_LIMIT);
        return true;
    case IXJ_OPT_MAX_NUMBER_BYTES:
        LIMIT_(max_number, 1, MAX_LIMIT);
        return true;
    case IXJ_OPT_MAX_ARRAY_ELEMENTS:
        LIMIT_(max_array, 0, MAX_LIMIT);
        return true;
    case IXJ_OPT_MAX_DOCUMENT_BYTES:
        LIMIT_(max_document, 0, MAX_LIMIT);
        return true;
    case IXJ_OPT_MAX_RESULT_BYTES:
        LIMIT_(max_result, 0, MAX_LIMIT);
        return true;
    }
    return false;
#undef FLAG_
#undef LIMIT_
}

ixj_status
ixj_decoder_set_option(ixj_decoder *d, ixj_option option, uint64_t value)
{
    option_slot o;
    if (d->phase == IXJ__ACTIVE || d->in_callback ||
        !option_slot_of(option, &o) || value < o.min || value > o.max)
        return IXJ_ERR_MISUSE;
    if (o.is_flag)
        *(bool *)(void *)((char *)d + o.offset) = value != 0;
    else
        *(uint64_t *)(void *)((char *)d + o.offset) = value;
    d->stage_below = d->gather ? IXJ__STAGE_BELOW : 0;
    return IXJ_OK;
}

uint64_t
ixj_decoder_get_option(const ixj_decoder *d, ixj_option option)
{
    option_slot o;
    const char *at;
    if (!option_slot_of(option, &o))
        return 0;
    at = (const char *)d + o.offset;
    return o.is_flag ? *(const bool *)(const void *)at
                     : *(const uint64_t *)(const void *)at;
}

ixj_status
ixj_decoder_on_element(ixj_decoder *d, ixj_element element, ixj_element_fn fn,
                       void *ctx)
{
    if (d->phase == IXJ__ACTIVE || d->in_callback || (int)element < 1 ||
        (int)element >= IXJ__ELEMENT_END)
        return IXJ_ERR_MISUSE;
    d->elements[element].fn = fn;
    d->elements[element].ctx = ctx;
    return IXJ_OK;
}

void
ixj_decoder_reset(ixj_decoder *d)
{
    if (!d->in_callback)
        discard_document(d);
}

/* A type a document can be begun with. */
static bool
is_type(ixj_type type)
{
    return type == IXJ_TYPE_AUTO || type == IXJ_TYPE_ANY ||
           ixj__root_object(type) != NULL;
}

/* Starts a document or a stream (format 0: one document). */
static ixj_status
begin(ixj_decoder *d, ixj_type type, ixj_stream_format format)
{
    ixj__guard *g = &d->guard;

    discard_document(d);
    d->type = d->resolved = type;
    d->stream = format;
    if (d->arena == NULL)
        d->arena = ixj__arena_new(&d->alloc);
    if (!ixj__ready_yajl(d) || d->arena == NULL) {
        /* The document fails before its first byte: the error sticks like
         * any other until the next begin or reset. */
        ixj__record_error(d, IXJ_ERR_NOMEM, IXJ__D_NONE, 0, 1, 1,
                          IXJ__PATH_CONTAINER);
        return ixj__fail_now(d);
    }
    g->max_depth = d->max_depth;
    g->max_string = d->max_string;
    g->max_number = d->max_number;
    g->max_array = d->max_array;
    g->max_document = d->max_document;
    g->allow_nul = type == IXJ_TYPE_ANY;
    g->root_object = type != IXJ_TYPE_ANY;
    g->concatenated = format == IXJ_STREAM_CONCATENATED;
    ixj__guard_rewind_position(g);
    ixj__guard_begin(g);
    d->doc_count = format == IXJ_STREAM_NDJSON ? g->line : 0;
    d->phase = IXJ__ACTIVE;
    ixj__refresh_fast_room(d);
    return IXJ_OK;
}

ixj_status
ixj_decoder_begin(ixj_decoder *d, ixj_type type)
{
    if (d->phase == IXJ__ACTIVE || d->in_callback || !is_type(type))
        return IXJ_ERR_MISUSE;
    d->doc_fn = NULL;
    return begin(d, type, 0);
}

ixj_status
ixj_decoder_begin_stream(ixj_decoder *d, ixj_type type,
                         ixj_stream_format format, ixj_document_fn fn,
                         void *ctx)
{
    if (fn == NULL || d->phase == IXJ__ACTIVE || d->in_callback ||
        !is_type(type) ||
        (format != IXJ_STREAM_NDJSON && format != IXJ_STREAM_CONCATENATED))
        return IXJ_ERR_MISUSE;
    d->doc_fn = fn;
    d->doc_ctx = ctx;
    return begin(d, type, format);
}

/* Scans len bytes: of the document, or of the stream. */
static ixj_status
scan_bytes(ixj_decoder *d, const uint8_t *bytes, size_t len)
{
    if (d->stream != 0)
        return ixj__feed_stream(d, bytes, len);
    return ixj__feed_document(d, bytes, len);
}

/* Scans the staged bytes. */
static ixj_status
feed_stage(ixj_decoder *d)
{
    size_t n = d->stage_len;
    d->stage_len = 0;
    return n > 0 ? scan_bytes(d, d->stage, n) : IXJ_OK;
}

static ixj_status gather_or_scan(ixj_decoder *d, const uint8_t *bytes,
                                 size_t len);

/* Every feed the inline path does not take: checks, then gathers or
 * scans; the inline path's room follows. */
static IXJ__NOINLINE ixj_status
feed_slow(ixj_decoder *d, const uint8_t *bytes, size_t len)
{
    ixj_status st = gather_or_scan(d, bytes, len);
    ixj__refresh_fast_room(d);
    return st;
}

static ixj_status
gather_or_scan(ixj_decoder *d, const uint8_t *bytes, size_t len)
{
    ixj_status st;

    if (d->in_callback)
        return IXJ_ERR_MISUSE;
    if (d->phase != IXJ__ACTIVE || (bytes == NULL && len > 0))
        return d->phase == IXJ__FAILED ? d->error.code : IXJ_ERR_MISUSE;
    if (len == 0)
        return IXJ_OK;
    if (len < d->stage_below && d->stage_len + len <= IXJ__STAGE_SIZE) {
        /* Only streams come here with room in the stage: each document
         * is delivered by the feed that ends its line, not 4 KiB later,
         * so that a reader of a pipe sees records as they come. */
        memcpy(d->stage + d->stage_len, bytes, len);
        d->stage_len += len;
        return memchr(bytes, '\n', len) != NULL ? feed_stage(d) : IXJ_OK;
    }
    if ((st = feed_stage(d)) != IXJ_OK)
        return st;
    if (len >= d->stage_below)
        return scan_bytes(d, bytes, len);
    memcpy(d->stage, bytes, len);
    d->stage_len = len;
    return IXJ_OK;
}

/* Copies n (< 512) bytes from `from` without a call: whole words where
 * they fit, overlapping at the tail. */
static IXJ__INLINE void
copy_small(uint8_t *to, const uint8_t *from, size_t n)
{
    if (n == 1) { /* byte-by-byte feeding */
        *to = *from;
    } else if (n <= 16) {
        if (n >= 8) { /* 8 to 16: the first and the last eight */
            memcpy(to, from, 8);
            memcpy(to + n - 8, from + n - 8, 8);
        } else if (n >= 4) {
            memcpy(to, from, 4);
            memcpy(to + n - 4, from + n - 4, 4);
        } else { /* 2 or 3 */
            to[0] = from[0];
            to[1] = from[1];
            to[n - 1] = from[n - 1];
        }
    } else {
        memcpy(to, from, n);
    }
}

ixj_status
ixj_decoder_feed(ixj_decoder *d, const void *data, size_t len)
{
    const uint8_t *bytes = data;

    /* A small chunk (1 to 511 bytes) with room in the stage: the path of
     * byte-by-byte feeding, kept to a few instructions. fast_room is 0
     * whenever the slow path must decide (see ixj__refresh_fast_room). */
    if (IXJ__LIKELY(len - 1 < d->fast_room && len < IXJ__STAGE_BELOW &&
                    bytes != NULL)) {
        uint8_t *to = d->stage + d->stage_len;
        d->stage_len += len;
        d->fast_room -= len;
        copy_small(to, bytes, len);
        return IXJ_OK;
    }
    return feed_slow(d, bytes, len);
}

ixj_status
ixj_decoder_finish(ixj_decoder *d, ixj_result *out)
{
    ixj_status st;

    if (d->in_callback)
        return IXJ_ERR_MISUSE; /* *out untouched: the decode goes on */
    memset(out, 0, sizeof *out);
    if (d->phase == IXJ__FAILED)
        return d->error.code;
    if (d->phase != IXJ__ACTIVE)
        return IXJ_ERR_MISUSE;
    if ((st = feed_stage(d)) != IXJ_OK)
        return st;
    if (d->stream != 0)
        return ixj__finish_stream(d);
    return ixj__finish_document(d, out);
}

ixj_status
ixj_decode(ixj_decoder *d, ixj_type type, const void *data, size_t len,
           ixj_result *out)
{
    ixj_status st;
    if (d->in_callback)
        return IXJ_ERR_MISUSE;
    st = ixj_decoder_begin(d, type);
    if (st == IXJ_OK)
        st = ixj_decoder_feed(d, data, len);
    if (st == IXJ_OK)
        return ixj_decoder_finish(d, out);
    memset(out, 0, sizeof *out);
    return st;
}

const ixj_error *
ixj_decoder_error(const ixj_decoder *d)
{
    return &d->error;
}

ixj_type
ixj_decoder_type(const ixj_decoder *d)
{
    return d->resolved;
}

ixj_arena *
ixj_decoder_detach(ixj_decoder *d)
{
    ixj_arena *a;
    if (d->phase != IXJ__FINISHED || d->arena == NULL || d->in_callback)
        return NULL;
    a = d->arena;
    ixj__arena_trim(a);
    d->arena = NULL;
    return a;
}

uint64_t
ixj__decoder_yajl_bytes(const ixj_decoder *d)
{
    return d->yajl_bytes;
}

uint64_t
ixj__decoder_held_bytes(const ixj_decoder *d)
{
    return d->guard.held_bytes;
}
