/* SPDX-License-Identifier: MIT */
/*
 * alloc_fuzzer: allocation failure.
 *
 * A decoder and an encoder run on counting allocator hooks (every byte
 * the library uses, yajl's included, goes through them). The input is
 * decoded (one document, or a stream when header byte 1 bit 6 is set:
 * NDJSON or concatenated from the hash; type, strict mode, limits,
 * validation only, element callbacks and chunk size from the header, see
 * common.h) and its result encoded, once with no failure, which counts
 * the N allocation calls; then again with the n-th call failing, for
 * every n up to N (a sample of 48 when N is larger), and with every later
 * call failing too when header byte 1 bit 7 is set. Each failing run:
 *   - meets its failure (runs are deterministic);
 *   - either ends like the run without failure (same documents, elements,
 *     outcome and encoding), or ends in IXJ_ERR_NOMEM after delivering a
 *     prefix of that run's documents and elements;
 *   - after a failure, the same decoder and encoder, with memory back,
 *     give the run without failure;
 *   - leaves no block allocated once the decoder and encoder are freed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "model.h"

#define MAX_RUNS 48

typedef struct counting {
    ixj_allocator hooks;
    uint64_t calls;   /* malloc and realloc calls */
    uint64_t fail_at; /* the call that fails (from 1); 0: none */
    int fail_rest;    /* and every call after it */
    int failed;       /* a call failed */
    size_t live;      /* blocks allocated and not freed */
} counting;

static int
must_fail(counting *a)
{
    a->calls++;
    if (a->fail_at != 0 &&
        (a->calls == a->fail_at || (a->fail_rest && a->calls > a->fail_at))) {
        a->failed = 1;
        return 1;
    }
    return 0;
}

static void *
counting_malloc(void *ctx, size_t size)
{
    counting *a = ctx;
    void *p;
    if (must_fail(a))
        return NULL;
    p = malloc(size ? size : 1);
    FZ_CHECK(p != NULL);
    a->live++;
    return p;
}

static void *
counting_realloc(void *ctx, void *ptr, size_t size)
{
    counting *a = ctx;
    void *p;
    if (must_fail(a))
        return NULL;
    p = realloc(ptr, size ? size : 1);
    FZ_CHECK(p != NULL);
    if (ptr == NULL)
        a->live++;
    return p;
}

static void
counting_free(void *ctx, void *ptr)
{
    counting *a = ctx;
    if (ptr == NULL)
        return;
    FZ_CHECK(a->live > 0);
    a->live--;
    free(ptr);
}

static void
counting_init(counting *a, uint64_t fail_at, int fail_rest)
{
    memset(a, 0, sizeof *a);
    a->hooks.malloc = counting_malloc;
    a->hooks.realloc = counting_realloc;
    a->hooks.free = counting_free;
    a->hooks.ctx = a;
    a->fail_at = fail_at;
    a->fail_rest = fail_rest;
}

typedef struct docs {
    fz_buf *events;
    ixj_encoder *enc; /* not counted */
    const fz_config *c;
} docs;

static int
on_document(void *ctx, const ixj_document_info *doc)
{
    docs *s = ctx;
    /* a lack of memory ends the stream: it is no document's error */
    FZ_CHECK(doc->status != IXJ_ERR_NOMEM);
    fz_put_u64(s->events, doc->record);
    fz_put_u64(s->events, doc->start);
    fz_put_u64(s->events, doc->end);
    fz_put_u64(s->events, (uint64_t)doc->status);
    fz_check_resolved(doc->type, s->c->type);
    fz_put_u64(s->events, (uint64_t)doc->type);
    if (doc->status == IXJ_OK) {
        fz_put_u64(s->events, (uint64_t)doc->result->type);
        fz_put_u64(s->events, doc->result->unknown_fields);
        fz_put_u64(s->events, doc->result->unrecognized_enums);
        fz_encode_result(s->enc, doc->result, 0, s->events, NULL);
    } else {
        fz_check_error(doc->error, doc->status, s->c->doc, s->c->len, NULL);
        fz_put_error(s->events, doc->error);
    }
    return 0;
}

static int
write_to_buf(void *ctx, const char *bytes, size_t len)
{
    fz_put(ctx, bytes, len);
    return 0;
}

/* Decodes and encodes with the counting hooks, creating *dp and *ep when
 * NULL. Documents and elements go to events as they come, the outcome
 * and the encoding to final. Returns 1 when memory ran out somewhere. */
static int
pipeline(counting *a, ixj_decoder **dp, ixj_encoder **ep, const fz_config *c,
         ixj_encoder *plain_enc, fz_buf *events, fz_buf *final)
{
    int stream = c->concatenated;
    fz_elements el = {0};
    docs s = {events, plain_enc, c};
    ixj_decoder *d;
    ixj_result r;
    ixj_status st;
    int nomem = 0;

    if (*dp == NULL && (*dp = ixj_decoder_new(&a->hooks)) == NULL)
        return 1;
    d = *dp;
    el.enc = plain_enc;
    el.log = events;
    fz_register_elements(d, c->elements ? fzm_element_mask : 0, &el);
    fz_apply_options(d, c, c->validate_only, FZ_FEED_PIECES);
    if (stream)
        st = ixj_decoder_begin_stream(
            d, c->type,
            (c->mix >> 20) & 1 ? IXJ_STREAM_CONCATENATED : IXJ_STREAM_NDJSON,
            on_document, &s);
    else
        st = ixj_decoder_begin(d, c->type);
    if (st == IXJ_OK)
        st = fz_feed_all(d, c, c->chunk, SIZE_MAX, &r);
    fz_register_elements(d, 0, NULL);
    fz_elements_free(&el);
    if (st == IXJ_ERR_NOMEM) {
        fz_check_error(ixj_decoder_error(d), st, c->doc, c->len, NULL);
        return 1;
    }
    FZ_CHECK(st != IXJ_ERR_MISUSE);
    if (stream) {
        fz_put_u64(final, (uint64_t)st);
        return 0;
    }
    fz_put_outcome(final, d, c, st, &r);
    if (st != IXJ_OK || r.type == IXJ_TYPE_ANY)
        return 0;
    if (*ep == NULL && (*ep = ixj_encoder_new(&a->hooks)) == NULL)
        nomem = 1;
    if (!nomem) {
        fz_buf bytes = {0};
        st = ixj_encode_to(*ep, r.type, r.as.value, 0, write_to_buf, &bytes);
        if (st == IXJ_ERR_NOMEM) {
            FZ_CHECK(ixj_encoder_error(*ep)->code == st);
            nomem = 1;
        } else {
            fz_put_u64(final, (uint64_t)st);
            fz_put(final, bytes.data, bytes.len);
        }
        fz_buf_free(&bytes);
    }
    return nomem;
}

static void
teardown(counting *a, ixj_decoder *d, ixj_encoder *e)
{
    ixj_encoder_free(e);
    ixj_decoder_free(d);
    FZ_CHECK(a->live == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_config c;
    counting a;
    ixj_decoder *d = NULL;
    ixj_encoder *e = NULL, *plain_enc;
    fz_buf events0 = {0}, final0 = {0};
    uint64_t n_calls;
    uint64_t fail_at[MAX_RUNS];
    size_t runs = 0;

    fz_config_parse(&c, data, size);
    plain_enc = ixj_encoder_new(NULL);
    FZ_CHECK(plain_enc != NULL);

    counting_init(&a, 0, 0);
    FZ_CHECK(pipeline(&a, &d, &e, &c, plain_enc, &events0, &final0) == 0);
    n_calls = a.calls;
    teardown(&a, d, e);

    if (n_calls <= MAX_RUNS) {
        for (uint64_t n = 1; n <= n_calls; n++)
            fail_at[runs++] = n;
    } else {
        /* the first calls, the last ones, and a spread in between */
        for (uint64_t n = 1; n <= 16; n++)
            fail_at[runs++] = n;
        for (uint64_t n = n_calls - 7; n <= n_calls; n++)
            fail_at[runs++] = n;
        for (uint64_t k = 0; runs < MAX_RUNS; k++)
            fail_at[runs++] =
                17 +
                (k * (n_calls - 24) / (MAX_RUNS - 24) + c.mix) % (n_calls - 24);
    }

    for (size_t i = 0; i < runs; i++) {
        fz_buf events = {0}, final = {0};
        d = NULL;
        e = NULL;
        counting_init(&a, fail_at[i], c.stop);
        if (pipeline(&a, &d, &e, &c, plain_enc, &events, &final) == 0) {
            FZ_CHECK(a.failed);
            FZ_CHECK(fz_buf_eq(&events, &events0));
            FZ_CHECK(fz_buf_eq(&final, &final0));
        } else {
            FZ_CHECK(a.failed);
            FZ_CHECK(fz_buf_prefix(&events, &events0));
            /* memory is back: the same objects work */
            a.fail_at = 0;
            fz_buf_free(&events);
            fz_buf_free(&final);
            FZ_CHECK(pipeline(&a, &d, &e, &c, plain_enc, &events, &final) == 0);
            FZ_CHECK(fz_buf_eq(&events, &events0));
            FZ_CHECK(fz_buf_eq(&final, &final0));
        }
        teardown(&a, d, e);
        fz_buf_free(&events);
        fz_buf_free(&final);
    }

    fz_buf_free(&events0);
    fz_buf_free(&final0);
    ixj_encoder_free(plain_enc);
    return 0;
}
