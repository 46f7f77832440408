/* SPDX-License-Identifier: MIT */
/*
 * Streams of documents (ixj_decoder_begin_stream): one decoder, and one
 * yajl handle where possible, decodes document after document and hands
 * each to the caller's callback.
 *
 * NDJSON: a record is one line. A raw line feed can only be whitespace in
 * JSON (inside a string it is a control character), so the stream cuts
 * the input at line feeds before the guard sees it: each record is
 * scanned as a document of its own, and its line feed ends it like the
 * end of input ends one document. A record that fails is delivered at
 * once and the rest of its line skipped; a blank line is no record.
 *
 * Concatenated values: the guard stops at the end of each document
 * (IXJ__SCAN_DOC) and the next starts right there. A value error fails
 * only its document; an error in the text (syntax, string, limit) loses
 * the document boundaries, so the stream ends with it.
 *
 * Whatever ends the stream (a stop, a lack of memory, a concatenated
 * stream's text error) makes the feed or finish return it.
 */
#include <string.h>

#include "decoder.h"
#include "detail.h"
#include "error.h"

/* Hands yajl a batch of the document in progress, unless that document
 * has already failed. A value error fails only its document; a stop or a
 * lack of memory ends the stream. */
static ixj_status
stream_flush(ixj_decoder *d)
{
    const ixj__guard *g = &d->guard;
    ixj_status st;
    if (g->root_not_object && !d->doc_failed) {
        /* a concatenated value that is not an object: the first error of
         * its document, at its first byte */
        ixj__record_error(d, IXJ_ERR_TYPE, g->root_detail, g->value_start,
                          g->value_line, g->value_column, IXJ__PATH_CONTAINER);
        d->doc_failed = true;
    }
    st = ixj__flush(d, d->doc_failed);
    if (st == IXJ_STOPPED || st == IXJ_ERR_NOMEM)
        return ixj__fail_now(d);
    if (st != IXJ_OK)
        d->doc_failed = true;
    return IXJ_OK;
}

/* Calls the document callback with the document just ended. Returns
 * IXJ_OK, or ends the stream: IXJ_STOPPED when the callback asks to stop,
 * IXJ_ERR_NOMEM when memory ran out even for the document's error (it is
 * then not delivered). */
static ixj_status
deliver(ixj_decoder *d)
{
    const ixj__guard *g = &d->guard;
    ixj_document_info info;
    bool ok = !d->doc_failed;
    int stop;

    if (!ok && d->error.code == IXJ_ERR_NOMEM)
        return ixj__fail_now(d);
    if (ok)
        ixj__fill_result(d);
    else
        d->yajl_dirty = true; /* yajl stopped mid-document */
    info.record =
        d->stream == IXJ_STREAM_NDJSON ? d->doc_count : ++d->doc_count;
    info.start = g->started ? g->value_start : d->error.offset;
    info.end = ok ? g->value_end : d->error.offset;
    info.status = ok ? IXJ_OK : d->error.code;
    info.type = d->resolved;
    info.result = ok ? &d->result : NULL;
    info.error = ok ? NULL : &d->error;
    ixj__callback_enter(d);
    stop = d->doc_fn(d->doc_ctx, &info);
    ixj__callback_leave(d);
    if (stop != 0) {
        ixj__clear_document(d);
        ixj__record_error_here(d, IXJ_STOPPED, IXJ__D_DOCUMENT_STOP,
                               IXJ__PATH_CONTAINER);
        return ixj__fail_now(d);
    }
    return IXJ_OK;
}

/* Makes the decoder ready for the stream's next document, at the guard's
 * position. */
static ixj_status
next_document(ixj_decoder *d)
{
    ixj__clear_document(d);
    ixj__guard_begin(&d->guard);
    if (d->stream == IXJ_STREAM_NDJSON)
        d->doc_count = d->guard.line; /* a record is named by its line */
    if (!ixj__ready_yajl(d)) {
        ixj__record_error_here(d, IXJ_ERR_NOMEM, IXJ__D_NONE,
                               IXJ__PATH_CONTAINER);
        return ixj__fail_now(d);
    }
    return IXJ_OK;
}

/* The guard found an error in the text of the document in progress.
 * Returns IXJ_OK when the stream goes on (NDJSON: at the next line). */
static ixj_status
text_error(ixj_decoder *d)
{
    ixj_status st;
    if (d->guard.err_code == IXJ_ERR_NOMEM) {
        /* not the document's fault: the stream ends with it */
        ixj__clear_error(d);
        ixj__take_guard_error(d);
        return ixj__fail_now(d);
    }
    if (!d->doc_failed)
        ixj__take_guard_error(d); /* an earlier value error stays first */
    d->doc_failed = true;
    d->yajl_dirty = true;
    if ((st = deliver(d)) != IXJ_OK)
        return st;
    if (d->stream == IXJ_STREAM_NDJSON) {
        d->skip_line = true; /* resume at the next record */
        return IXJ_OK;
    }
    /* A concatenated stream cannot find its next document: it ends here,
     * with this document's error. */
    return ixj__fail_now(d);
}

/* Scans bytes of the document in progress (a part of one NDJSON record,
 * or of a concatenated stream). *consumed tells how far it got: short of
 * len when an NDJSON record failed (the caller skips the rest). */
static ixj_status
scan_part(ixj_decoder *d, const uint8_t *buf, size_t len, size_t *consumed)
{
    size_t pos = 0, n;
    int stop;
    ixj_status st = IXJ_OK;

    while (pos < len) {
        ixj__guard_scan(&d->guard, buf + pos, len - pos,
                        ixj__guard_in_token(&d->guard), &stop, &n);
        pos += n;
        if ((st = stream_flush(d)) != IXJ_OK)
            break;
        if (stop == IXJ__SCAN_ERROR) {
            st = text_error(d); /* ends the stream, or this record */
            break;
        }
        if (stop == IXJ__SCAN_DOC) { /* concatenated: delivered now */
            if ((st = deliver(d)) != IXJ_OK ||
                (st = next_document(d)) != IXJ_OK)
                break;
        } else if (d->doc_failed && d->stream == IXJ_STREAM_NDJSON) {
            /* a value error: the record is done for */
            if ((st = deliver(d)) != IXJ_OK)
                break;
            d->skip_line = true;
            break;
        } else if (stop == IXJ__SCAN_END) {
            break;
        }
    }
    *consumed = pos;
    return st;
}

/* The input of the document in progress ended (a line feed in NDJSON, or
 * the end of the stream): delivers it, complete or cut short, unless it
 * holds nothing. */
static ixj_status
end_part(ixj_decoder *d, uint8_t detail)
{
    bool complete;
    ixj_status st;

    if (d->skip_line)
        return IXJ_OK;
    if (ixj__guard_end(&d->guard, true, detail, &complete) &&
        (st = stream_flush(d)) != IXJ_OK)
        return st;
    if (!complete && !d->doc_failed && d->guard.started) {
        ixj__take_guard_error(d); /* truncated */
        d->doc_failed = true;
    }
    if (complete || d->doc_failed)
        return deliver(d);
    return IXJ_OK;
}

static ixj_status
feed_ndjson(ixj_decoder *d, const uint8_t *buf, size_t len)
{
    while (len > 0) {
        const uint8_t *lf = memchr(buf, '\n', len);
        size_t line = lf != NULL ? (size_t)(lf - buf) : len;
        size_t done = 0;
        ixj_status st = IXJ_OK;

        while (!d->skip_line && done < line && st == IXJ_OK) {
            size_t n, part = line - done < IXJ__SCAN_MAX ? line - done
                                                         : IXJ__SCAN_MAX;
            st = scan_part(d, buf + done, part, &n);
            done += n;
        }
        if (st != IXJ_OK)
            return st;
        ixj__guard_skip(&d->guard, line - done, false); /* a failed line */
        if (lf == NULL)
            break;
        /* The line feed ends the record. */
        if ((st = end_part(d, IXJ__D_LINE_ENDS)) != IXJ_OK)
            return st;
        ixj__guard_skip(&d->guard, 1, true);
        d->skip_line = false;
        if ((st = next_document(d)) != IXJ_OK)
            return st;
        buf += line + 1;
        len -= line + 1;
    }
    return IXJ_OK;
}

ixj_status
ixj__feed_stream(ixj_decoder *d, const uint8_t *buf, size_t len)
{
    if (d->stream == IXJ_STREAM_NDJSON)
        return feed_ndjson(d, buf, len);
    while (len > 0) {
        size_t n, part = len < IXJ__SCAN_MAX ? len : IXJ__SCAN_MAX;
        ixj_status st = scan_part(d, buf, part, &n);
        if (st != IXJ_OK)
            return st;
        buf += n;
        len -= n;
    }
    return IXJ_OK;
}

ixj_status
ixj__finish_stream(ixj_decoder *d)
{
    ixj_status st = end_part(d, 0);
    if (st != IXJ_OK)
        return st;
    d->phase = IXJ__FINISHED;
    return IXJ_OK;
}
