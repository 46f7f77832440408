/* SPDX-License-Identifier: MIT */
/*
 * decode_fuzzer: chunking invariance of one-document decoding.
 *
 * The header (common.h) selects the type, strict mode, limits and a chunk
 * size. The document is decoded whole with ixj_decode, fed in chunks of
 * that size, and fed in two pieces split at a position taken from the
 * input's hash. The outcome (status, error code, path, offset, line and
 * column, type, counts) and, on success, the canonical encoding must be
 * the same each time. Every error is checked against the text (its line
 * and column are those of its offset; truncated means the end).
 *
 * With a small result limit (header bit), the document is also decoded
 * without it: the limited decode must end the same, or in IXJ_ERR_LIMIT
 * no later than the unlimited one's error. Gathering off (header bit)
 * applies to the chunked and split feeds, never to the whole one.
 *
 * With validation only (header bit), the document is decoded again in
 * that mode, whole and in chunks: the two must agree, and with the
 * normal decode on the outcome (with a result limit: as the limited
 * decode when that one succeeded, else as the unlimited one or in
 * IXJ_ERR_LIMIT no later; validation only keeps no less).
 *
 * With element callbacks (header bit), one repeated field, chosen from
 * the hash, is streamed to a callback, whole and in chunks: the outcome
 * must be the batch outcome, and the elements delivered, in order, the
 * elements the batch result keeps; each is copied, and the copies must
 * still encode the same once the decoder has moved on. With "stop"
 * (header bit) the callback stops at an element chosen from the hash:
 * the decode then returns IXJ_STOPPED after exactly that many elements,
 * a prefix of the batch's.
 */
#include <stdint.h>
#include <stdlib.h>

#include "common.h"
#include "model.h"

typedef struct run {
    ixj_status st;
    uint64_t offset; /* of the error */
    fz_buf outcome;  /* status, error, type, counts */
    fz_buf full;     /* outcome, then the encoding of the result */
} run;

static void
run_free(run *r)
{
    fz_buf_free(&r->outcome);
    fz_buf_free(&r->full);
}

/* One decode of c's document on d: whole through ixj_decode (chunk 0 and
 * no split), chunked, or split; the result stays in d. */
static void
decode(ixj_decoder *d, ixj_encoder *enc, const fz_config *c, int validate_only,
       size_t chunk, size_t split, run *out, ixj_result *r)
{
    ixj_status st;

    fz_apply_options(d, c, validate_only,
                     chunk == 0 && split == SIZE_MAX ? FZ_FEED_WHOLE
                                                     : FZ_FEED_PIECES);
    if (chunk == 0 && split == SIZE_MAX) {
        st = ixj_decode(d, c->type, c->doc, c->len, r);
    } else {
        FZ_CHECK(ixj_decoder_begin(d, c->type) == IXJ_OK);
        st = fz_feed_all(d, c, chunk, split, r);
    }
    out->st = st;
    out->offset = ixj_decoder_error(d)->offset;
    fz_put_outcome(&out->outcome, d, c, st, r);
    fz_put(&out->full, out->outcome.data, out->outcome.len);
    if (st == IXJ_OK)
        fz_encode_result(enc, r, 0, &out->full, NULL);
}

/* Decodes with the elements of one kind streamed to a callback. */
static ixj_status
decode_elements(ixj_decoder *d, ixj_encoder *enc, const fz_config *c,
                ixj_element kind, uint64_t stop_at, size_t chunk, run *out,
                fz_buf *log, fz_elements *el)
{
    ixj_result r;
    ixj_status st;

    el->enc = enc;
    el->log = log;
    el->stop_at = stop_at;
    el->copies = ixj_arena_new(NULL);
    FZ_CHECK(el->copies != NULL);
    fz_register_elements(d, 1u << kind, el);
    fz_apply_options(d, c, 0, chunk == 0 ? FZ_FEED_WHOLE : FZ_FEED_PIECES);
    FZ_CHECK(ixj_decoder_begin(d, c->type) == IXJ_OK);
    st = fz_feed_all(d, c, chunk, SIZE_MAX, &r);
    FZ_CHECK(st != IXJ_STOPPED || (stop_at != 0 && el->count == stop_at));
    out->st = st;
    out->offset = ixj_decoder_error(d)->offset;
    fz_put_outcome(&out->outcome, d, c, st, &r);
    fz_put(&out->full, out->outcome.data, out->outcome.len);
    if (st == IXJ_OK)
        fz_encode_result(enc, &r, 0, &out->full, NULL);
    fz_register_elements(d, 0, NULL);
    /* the copies outlive the decode */
    ixj_decoder_reset(d);
    fz_elements_check_copies(el);
    return st;
}

/* A decode that keeps less than the batch decode (validation only,
 * element callbacks), with c's result limit: the outcome of the batch
 * decode with that limit when that one succeeded (keeping less cannot
 * pass a limit that keeping more did not); else the outcome of the
 * unlimited batch decode `ref`, or, with a small limit, IXJ_ERR_LIMIT no
 * later than ref's error. Returns whether x ended as ref. */
static int
check_keeps_less(const fz_config *c, const run *x, const run *batch,
                 const run *ref)
{
    if (batch->st == IXJ_OK)
        FZ_CHECK(fz_buf_eq(&x->outcome, &batch->outcome));
    if (fz_buf_eq(&x->outcome, &ref->outcome))
        return 1;
    FZ_CHECK(c->small_result && x->st == IXJ_ERR_LIMIT);
    FZ_CHECK(ref->st == IXJ_OK || x->offset <= ref->offset);
    return 0;
}

static void
check_elements(ixj_decoder *d, ixj_encoder *enc, const fz_config *c,
               ixj_element kind, const run *batch, const run *ref,
               const fz_buf *ref_elements)
{
    uint64_t stop_at = c->stop ? 1 + (c->mix >> 44) % 8 : 0;
    run whole = {IXJ_OK, 0, {0}, {0}}, chunked = {IXJ_OK, 0, {0}, {0}};
    fz_buf log_whole = {0}, log_chunked = {0};
    fz_elements el_whole = {0}, el_chunked = {0};
    ixj_status st;

    st = decode_elements(d, enc, c, kind, stop_at, 0, &whole, &log_whole,
                         &el_whole);
    decode_elements(d, enc, c, kind, stop_at, c->chunk, &chunked, &log_chunked,
                    &el_chunked);
    FZ_CHECK(fz_buf_eq(&whole.full, &chunked.full));
    FZ_CHECK(fz_buf_eq(&log_whole, &log_chunked));
    if (st == IXJ_STOPPED) {
        /* the elements completed before the stop, whatever comes after */
        if (ref->st == IXJ_OK)
            FZ_CHECK(fz_buf_prefix(&el_whole.plain, ref_elements));
    } else if (check_keeps_less(c, &whole, batch, ref)) {
        /* the outcome of the batch decode, and its elements */
        if (ref->st == IXJ_OK)
            FZ_CHECK(fz_buf_eq(&el_whole.plain, ref_elements));
    } else if (ref->st == IXJ_OK) {
        /* stopped by the result limit: the elements before it */
        FZ_CHECK(fz_buf_prefix(&el_whole.plain, ref_elements));
    }
    run_free(&whole);
    run_free(&chunked);
    fz_buf_free(&log_whole);
    fz_buf_free(&log_chunked);
    fz_elements_free(&el_whole);
    fz_elements_free(&el_chunked);
}

/* The outcome of a limited decode against the unlimited one: the same,
 * or IXJ_ERR_LIMIT no later than the unlimited decode's error. */
static void
check_limited(const run *limited, const run *ref)
{
    if (fz_buf_eq(&limited->full, &ref->full))
        return;
    FZ_CHECK(limited->st == IXJ_ERR_LIMIT);
    FZ_CHECK(ref->st == IXJ_OK || limited->offset <= ref->offset);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_config c, unlimited;
    ixj_decoder *whole_d, *d;
    ixj_encoder *enc;
    ixj_result r;
    run whole = {IXJ_OK, 0, {0}, {0}}, chunked = {IXJ_OK, 0, {0}, {0}},
        split = {IXJ_OK, 0, {0}, {0}}, free_run = {IXJ_OK, 0, {0}, {0}};
    const run *ref = &whole;
    fz_buf ref_elements = {0};
    ixj_element kind;

    fz_config_parse(&c, data, size);
    kind = fzm_elements[(c.mix >> 40) % fzm_n_elements];
    whole_d = ixj_decoder_new(NULL);
    d = ixj_decoder_new(NULL);
    enc = ixj_encoder_new(NULL);
    FZ_CHECK(whole_d != NULL && d != NULL && enc != NULL);

    if (c.small_result) {
        /* the reference: the same decode without the result limit */
        unlimited = c;
        unlimited.small_result = 0;
        unlimited.result_limit = IXJ_DEFAULT_MAX_RESULT_BYTES;
        decode(whole_d, enc, &unlimited, 0, 0, SIZE_MAX, &free_run, &r);
        if (c.elements && free_run.st == IXJ_OK)
            fz_put_batch_elements(&ref_elements, enc, &r, kind);
        ref = &free_run;
    }
    decode(whole_d, enc, &c, 0, 0, SIZE_MAX, &whole, &r);
    if (c.elements && !c.small_result && whole.st == IXJ_OK)
        fz_put_batch_elements(&ref_elements, enc, &r, kind);
    if (c.small_result)
        check_limited(&whole, &free_run);

    decode(d, enc, &c, 0, c.chunk, SIZE_MAX, &chunked, &r);
    FZ_CHECK(fz_buf_eq(&whole.full, &chunked.full));
    if (c.mix & 1)
        ixj_decoder_reset(d);
    decode(d, enc, &c, 0, 0, (size_t)((c.mix >> 8) % ((uint64_t)c.len + 1)),
           &split, &r);
    FZ_CHECK(fz_buf_eq(&whole.full, &split.full));

    if (c.validate_only) {
        run vo_whole = {IXJ_OK, 0, {0}, {0}},
            vo_chunked = {IXJ_OK, 0, {0}, {0}};
        decode(d, enc, &c, 1, 0, SIZE_MAX, &vo_whole, &r);
        decode(d, enc, &c, 1, c.chunk, SIZE_MAX, &vo_chunked, &r);
        FZ_CHECK(fz_buf_eq(&vo_whole.full, &vo_chunked.full));
        check_keeps_less(&c, &vo_whole, &whole, ref);
        run_free(&vo_whole);
        run_free(&vo_chunked);
    }
    if (c.elements)
        check_elements(d, enc, &c, kind, &whole, ref, &ref_elements);

    run_free(&whole);
    run_free(&chunked);
    run_free(&split);
    run_free(&free_run);
    fz_buf_free(&ref_elements);
    ixj_encoder_free(enc);
    ixj_decoder_free(d);
    ixj_decoder_free(whole_d);
    return 0;
}
