/* SPDX-License-Identifier: MIT */
/*
 * roundtrip_fuzzer: decode, encode, decode, encode.
 *
 * The document is decoded (type, strict mode, limits and chunk size from
 * the header, common.h). When it is valid and has a value, its canonical
 * encoding E must exist ("encoding refuses only what decoding could never
 * produce"), and:
 *   - decoding E with the resolved type succeeds, keeps the count of
 *     unrecognized enums, has no unknown field, and encodes to E again;
 *   - so does E in strict mode, when the value has no unrecognized enum
 *     (and, for an error body, has the required id and message): the
 *     canonical form is the spec's form;
 *   - the pretty encoding decodes to the same value (encodes to E);
 *   - ixj_encode and ixj_encode_to agree, byte for byte;
 *   - a copy made by ixj_result_copy encodes to E;
 *   - the result, detached from its decoder, still encodes to E after the
 *     decoder is reused and after it is freed.
 * A valid document of the any type has no value: encoding it is
 * IXJ_ERR_MISUSE.
 */
#include <stdint.h>
#include <stdlib.h>

#include "common.h"
#include "model.h"

/* Decodes text as a document of the given type, with default limits;
 * requires success and returns its encoding in out. */
static void
redecode(ixj_decoder *d, ixj_encoder *enc, ixj_type type, int strict,
         const fz_buf *text, uint64_t unrecognized, fz_buf *out)
{
    fz_config c;
    ixj_result r;
    fz_buf outcome = {0};
    ixj_status st;

    fz_config_parse(&c, NULL, 0);
    c.type = type;
    c.strict = strict;
    c.doc = text->data;
    c.len = text->len;
    fz_apply_options(d, &c, 0, FZ_FEED_WHOLE);
    st = ixj_decode(d, type, text->data, text->len, &r);
    fz_put_outcome(&outcome, d, &c, st, &r);
    FZ_CHECK(st == IXJ_OK);
    FZ_CHECK(r.unknown_fields == 0 && r.unrecognized_enums == unrecognized);
    FZ_CHECK(fz_encode_result(enc, &r, 0, NULL, out) == IXJ_OK);
    fz_buf_free(&outcome);
}

/* Whether strict mode accepts the canonical form of r. */
static int
strict_valid(const ixj_result *r)
{
    if (r->unrecognized_enums != 0)
        return 0;
    if (r->type == IXJ_TYPE_ERROR_BODY) {
        const ixj_error_body *b = r->as.error_body;
        return IXJ_HAS(b, IXJ_ERROR_BODY_ID) &&
               IXJ_HAS(b, IXJ_ERROR_BODY_MESSAGE);
    }
    return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_config c;
    ixj_decoder *d;
    ixj_encoder *enc;
    ixj_arena *detached, *copies;
    ixj_result r, copy;
    ixj_status st;
    fz_buf outcome = {0}, e1 = {0}, pretty = {0}, again = {0};

    fz_config_parse(&c, data, size);
    d = ixj_decoder_new(NULL);
    enc = ixj_encoder_new(NULL);
    FZ_CHECK(d != NULL && enc != NULL);
    fz_apply_options(d, &c, 0, FZ_FEED_PIECES);
    FZ_CHECK(ixj_decoder_begin(d, c.type) == IXJ_OK);
    st = fz_feed_all(d, &c, c.chunk, SIZE_MAX, &r);
    fz_put_outcome(&outcome, d, &c, st, &r);
    fz_buf_free(&outcome);
    if (st != IXJ_OK)
        goto done;
    if (r.type == IXJ_TYPE_ANY) {
        FZ_CHECK(fz_encode_result(enc, &r, 0, NULL, NULL) == IXJ_ERR_MISUSE);
        goto done;
    }

    FZ_CHECK(fz_encode_result(enc, &r, 0, NULL, &e1) == IXJ_OK);
    FZ_CHECK(fz_encode_result(enc, &r, IXJ_ENCODE_PRETTY, NULL, &pretty) ==
             IXJ_OK);

    /* a copy encodes the same */
    copies = ixj_arena_new(NULL);
    FZ_CHECK(copies != NULL);
    FZ_CHECK(ixj_result_copy(copies, &r, &copy) == IXJ_OK);
    FZ_CHECK(copy.type == r.type && copy.as.value != r.as.value &&
             copy.unknown_fields == r.unknown_fields &&
             copy.unrecognized_enums == r.unrecognized_enums);

    /* the result leaves the decoder, which goes on */
    detached = ixj_decoder_detach(d);
    FZ_CHECK(detached != NULL);
    FZ_CHECK(ixj_decoder_detach(d) == NULL);

    redecode(d, enc, r.type, 0, &e1, r.unrecognized_enums, &again);
    FZ_CHECK(fz_buf_eq(&again, &e1));
    fz_buf_free(&again);
    redecode(d, enc, r.type, 0, &pretty, r.unrecognized_enums, &again);
    FZ_CHECK(fz_buf_eq(&again, &e1));
    fz_buf_free(&again);
    if (strict_valid(&r)) {
        redecode(d, enc, r.type, 1, &e1, 0, &again);
        FZ_CHECK(fz_buf_eq(&again, &e1));
        fz_buf_free(&again);
    }

    FZ_CHECK(fz_encode_result(enc, &r, 0, NULL, &again) == IXJ_OK);
    FZ_CHECK(fz_buf_eq(&again, &e1));
    fz_buf_free(&again);
    ixj_decoder_free(d);
    d = NULL;
    FZ_CHECK(fz_encode_result(enc, &r, 0, NULL, &again) == IXJ_OK);
    FZ_CHECK(fz_buf_eq(&again, &e1));
    fz_buf_free(&again);
    ixj_arena_free(detached);

    FZ_CHECK(fz_encode_result(enc, &copy, 0, NULL, &again) == IXJ_OK);
    FZ_CHECK(fz_buf_eq(&again, &e1));
    fz_buf_free(&again);
    ixj_arena_free(copies);

done:
    fz_buf_free(&e1);
    fz_buf_free(&pretty);
    ixj_encoder_free(enc);
    ixj_decoder_free(d);
    return 0;
}
