/* SPDX-License-Identifier: MIT */
/*
 * One document through the guard and yajl (decoder.h). Each scan of the
 * guard makes a batch: the tokens it completed and their skeleton, which
 * yajl parses at once, calling back the decoder for each token. When the
 * guard stops at an error, yajl first takes the tokens before it, so that
 * an earlier value error is the one reported.
 */
#include <string.h>

#include "compiler.h"
#include "decoder.h"
#include "detail.h"
#include "error.h"

void
ixj__clear_error(ixj_decoder *d)
{
    ixj__error_clear(&d->error);
}

void
ixj__clear_document(ixj_decoder *d)
{
    for (uint32_t i = 0; i < d->depth; i++) {
        ixj__frame *f = &d->frames[i];
        if (f->kind == IXJ__FR_ARRAY && f->items != NULL)
            ixj__arena_buffer_drop(d->arena, f->items);
    }
    d->depth = 0;
    d->top = NULL;
    d->keys_len = 0;
    d->root = NULL;
    d->resolved = d->type;
    d->unknown_fields = d->unrecognized_enums = 0;
    d->result_bytes = 0;
    d->doc_failed = false;
    memset(&d->result, 0, sizeof d->result);
    if (d->arena != NULL)
        ixj__arena_rewind(d->arena);
    ixj__clear_error(d);
}

void
ixj__fill_result(ixj_decoder *d)
{
    d->result.type = d->resolved;
    d->result.as.value = d->root;
    d->result.unknown_fields = d->unknown_fields;
    d->result.unrecognized_enums = d->unrecognized_enums;
}

bool
ixj__ready_yajl(ixj_decoder *d)
{
    if (d->yajl != NULL && d->yajl_dirty) {
        /* yajl 2.1 cannot be reset: a handle that stopped mid-document
         * is dropped, and its memory recycled for the next. */
        ixj__ypool_reclaim(&d->ypool);
        d->yajl = NULL;
    }
    if (d->yajl == NULL) {
        d->yajl = ixj__ypool_handle(&d->ypool, &ixj__decoder_callbacks, d);
        d->yajl_dirty = false;
    }
    return d->yajl != NULL;
}

ixj_status
ixj__fail_now(ixj_decoder *d)
{
    d->phase = IXJ__FAILED;
    d->fast_room = 0;
    d->yajl_dirty = true;
    return d->error.code;
}

void
ixj__take_guard_error(ixj_decoder *d)
{
    const ixj__guard *g = &d->guard;
    ixj__record_error(d, (ixj_status)g->err_code, g->err_detail, g->err_offset,
                      g->err_line, g->err_column,
                      g->err_ctx == IXJ__CTX_VALUE ? IXJ__PATH_NEXT
                                                   : IXJ__PATH_CONTAINER);
}

/* yajl called back every value of the batch: a key may remain, whose
 * value the next batch has. */
static ixj_status
pending_key(ixj_decoder *d)
{
    if (IXJ__LIKELY(ixj__fifo_empty(&d->guard)) || ixj__pending_key(d))
        return IXJ_OK;
    return d->error.code;
}

/* Hands yajl the skeleton of the batch. Returns IXJ_OK or the error
 * recorded; the caller decides what the error ends. */
static ixj_status
to_yajl(ixj_decoder *d)
{
    ixj__guard *g = &d->guard;
    yajl_status ys;

    if (g->skeleton_len == 0)
        return pending_key(d);
    d->yajl_bytes += g->skeleton_len;
    if (!ixj__ypool_parse(&d->ypool, d->yajl,
                          (const unsigned char *)g->skeleton, g->skeleton_len,
                          &ys)) {
        d->yajl = NULL; /* its memory is reclaimed */
        if (!ixj__fifo_empty(g))
            ixj__fail_at(d, IXJ_ERR_NOMEM, IXJ__D_NONE, &g->fifo[g->fifo_r],
                         IXJ__PATH_CURRENT);
        else
            ixj__record_error_here(d, IXJ_ERR_NOMEM, IXJ__D_NONE,
                                   IXJ__PATH_CURRENT);
        return d->error.code;
    }
    if (ys == yajl_status_ok)
        return pending_key(d);
    d->yajl_dirty = true; /* stopped mid-document */
    if (d->error.code == IXJ_OK) {
        /* yajl rejected a skeleton of text the guard accepted: they must
         * agree, so this is a bug; report it rather than crash. */
        IXJ__ASSERT(!"yajl refused the guard's skeleton");
        ixj__record_error_here(d, IXJ_ERR_SYNTAX, IXJ__D_NONE,
                               IXJ__PATH_CONTAINER);
    }
    return d->error.code;
}

ixj_status
ixj__flush(ixj_decoder *d, bool skip)
{
    ixj_status st = skip ? IXJ_OK : to_yajl(d);
    ixj__guard_batch_done(&d->guard);
    return st;
}

/* The guard stopped at an error. yajl first takes every token completed
 * before it, so that an earlier value error is still the one reported. */
static ixj_status
guard_failed(ixj_decoder *d)
{
    if (ixj__flush(d, false) == IXJ_OK)
        ixj__take_guard_error(d);
    return ixj__fail_now(d);
}

/* At most IXJ__SCAN_MAX bytes. */
static ixj_status
feed_slice(ixj_decoder *d, const uint8_t *buf, size_t len)
{
    size_t pos = 0, consumed;
    int stop;

    do {
        /* A token carried over from the last input completes alone: yajl
         * takes it, then its hold is free again (guard.h, protocol). */
        bool held = ixj__guard_in_token(&d->guard);
        ixj__guard_scan(&d->guard, buf + pos, len - pos, held, &stop,
                        &consumed);
        pos += consumed;
        if (stop == IXJ__SCAN_ERROR)
            return guard_failed(d);
        if (ixj__flush(d, false) != IXJ_OK)
            return ixj__fail_now(d);
    } while (stop != IXJ__SCAN_END);
    return IXJ_OK;
}

ixj_status
ixj__feed_document(ixj_decoder *d, const uint8_t *buf, size_t len)
{
    while (len > 0) {
        size_t n = len < IXJ__SCAN_MAX ? len : IXJ__SCAN_MAX;
        ixj_status st = feed_slice(d, buf, n);
        if (st != IXJ_OK)
            return st;
        buf += n;
        len -= n;
    }
    return IXJ_OK;
}

ixj_status
ixj__finish_document(ixj_decoder *d, ixj_result *out)
{
    bool complete;

    /* The end of input may end a number: yajl takes it first. */
    if (ixj__guard_end(&d->guard, false, 0, &complete) &&
        ixj__flush(d, false) != IXJ_OK)
        return ixj__fail_now(d);
    if (!complete) {
        ixj__take_guard_error(d);
        return ixj__fail_now(d);
    }
    ixj__fill_result(d);
    d->phase = IXJ__FINISHED;
    d->fast_room = 0;
    *out = d->result;
    return IXJ_OK;
}
