/* SPDX-License-Identifier: MIT */
/*
 * stream_fuzzer: document streams (ixj_decoder_begin_stream).
 *
 * The header (common.h) selects NDJSON or concatenated JSON, the type,
 * strict mode, limits, validation only, element callbacks (kinds from
 * the input's hash), a stop (by the document callback or by an element
 * callback, at a place from the hash) and a chunk size. The stream is fed
 * whole, in chunks of that size, and in two pieces split at a place from
 * the hash; the transcripts (every document: record, start, end, status,
 * error code, path, offset, line, column, type, counts and encoding;
 * every element: kind, index, path, encoding; the stream's end) must be
 * identical.
 *
 * On the whole run, each document is also checked on its own:
 *   - start <= end <= input length, documents in order and apart;
 *   - NDJSON: the record is the line of the start, records increase, a
 *     document holds no LF, and only whitespace follows a valid one on
 *     its line; concatenated: records count 1, 2, 3, ...;
 *   - a failed document ends at its error, whose line and column are
 *     those of its offset;
 *   - decoding the document's bytes alone with ixj_decode gives the same
 *     outcome (a valid one: the same type, counts, elements and encoding;
 *     a failed one: the same code and path at the same place; for a
 *     failed NDJSON record, its line with or without the LF that ends
 *     it), unless a document-size limit is set;
 *   - the stream ends IXJ_OK, or IXJ_STOPPED when asked, or (concatenated
 *     only) with the error of its last document, and leaves the result
 *     zeroed; a top-level value of the wrong type alone does not end it.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "model.h"

/* Document differentials on failed concatenated documents decode the
 * rest of the input: at most this many per input, to stay linear. */
#define MAX_TAIL_CHECKS 32

typedef struct stream {
    const fz_config *c;
    ixj_encoder *enc;
    fz_buf *log;
    fz_elements *el;
    uint64_t docs;
    uint64_t stop_at; /* document (1-based) whose delivery stops; 0 */
    uint64_t prev_end, prev_record;
    ixj_status last_status;
    uint64_t last_start;
    /* the whole run's oracles */
    int check;
    unsigned mask;
    ixj_decoder *solo;
    fz_lines lines;
    size_t plain_mark; /* el->plain's length after the last document */
    unsigned tail_checks;
} stream;

static int
is_space(uint8_t ch)
{
    return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Only JSON whitespace in text[from, to). */
static void
check_blank(const uint8_t *text, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        FZ_CHECK(is_space(text[i]) || text[i] == '\n');
}

/* Decodes text[start, end) alone, the way the stream decodes its
 * documents; returns whether the outcome is the document's. */
static int
same_alone(stream *s, const ixj_document_info *doc, size_t end,
           const fz_buf *encoding)
{
    const fz_config *c = s->c;
    fz_elements el = {0};
    fz_buf solo_encoding = {0};
    ixj_result r;
    ixj_status st;
    size_t start = (size_t)doc->start;
    const fz_buf *plain = &s->el->plain;
    int same;

    el.enc = s->enc;
    fz_register_elements(s->solo, s->mask, &el);
    fz_apply_options(s->solo, c, c->validate_only, FZ_FEED_WHOLE);
    st = ixj_decode(s->solo, c->type, c->doc + start, end - start, &r);
    /* the same resolved type, then the same outcome */
    same = ixj_decoder_type(s->solo) == doc->type;
    if (same && doc->status == IXJ_OK) {
        same = st == IXJ_OK && r.type == doc->result->type &&
               r.unknown_fields == doc->result->unknown_fields &&
               r.unrecognized_enums == doc->result->unrecognized_enums;
        if (same) {
            fz_encode_result(s->enc, &r, 0, &solo_encoding, NULL);
            same = fz_buf_eq(&solo_encoding, encoding);
        }
    } else if (same) {
        const ixj_error *e = ixj_decoder_error(s->solo);
        same = st == doc->status && e->offset + start == doc->error->offset &&
               strcmp(e->path, doc->error->path) == 0;
    }
    /* the same elements, before the error if any */
    same =
        same && el.plain.len == plain->len - s->plain_mark &&
        (el.plain.len == 0 ||
         memcmp(el.plain.data, plain->data + s->plain_mark, el.plain.len) == 0);
    fz_register_elements(s->solo, 0, NULL);
    fz_elements_free(&el);
    fz_buf_free(&solo_encoding);
    return same;
}

static void
check_document(stream *s, const ixj_document_info *doc, const fz_buf *encoding)
{
    const fz_config *c = s->c;
    const uint8_t *text = c->doc;
    size_t start = (size_t)doc->start, end = (size_t)doc->end;

    FZ_CHECK(doc->start <= doc->end && doc->end <= c->len);
    FZ_CHECK(doc->start >= s->prev_end);
    /* nothing but whitespace after a valid document (or before the
     * first) */
    if (s->last_status == IXJ_OK)
        check_blank(text, (size_t)s->prev_end, start);
    if (doc->status != IXJ_OK) {
        FZ_CHECK(doc->error->code == doc->status);
        FZ_CHECK(doc->end == doc->error->offset);
        fz_check_error(doc->error, doc->status, text, c->len, &s->lines);
    }
    if (!c->concatenated) {
        size_t eol = end;
        fz_lines_to(&s->lines, text, start);
        FZ_CHECK(doc->record == s->lines.line);
        FZ_CHECK(doc->record > s->prev_record);
        FZ_CHECK(memchr(text + start, '\n', end - start) == NULL);
        while (eol < c->len && text[eol] != '\n') {
            if (doc->status == IXJ_OK)
                FZ_CHECK(is_space(text[eol]));
            eol++;
        }
        /* a record cut short is cut at its line's end */
        if (doc->status == IXJ_ERR_TRUNCATED)
            FZ_CHECK(end == eol);
        /* a valid record alone; a failed one alone, its line without or
         * with the LF that ends it (a token cut by the LF is a syntax
         * error at the LF, a container cut by it is truncated there) */
        if (c->limits != FZ_LIMITS_DOCUMENT && doc->status == IXJ_OK)
            FZ_CHECK(same_alone(s, doc, end, encoding));
        else if (c->limits != FZ_LIMITS_DOCUMENT)
            FZ_CHECK(same_alone(s, doc, eol, encoding) ||
                     (eol < c->len && same_alone(s, doc, eol + 1, encoding)));
    } else {
        FZ_CHECK(doc->record == s->docs);
        if (doc->status == IXJ_ERR_TRUNCATED)
            FZ_CHECK(end == c->len);
        if (c->limits != FZ_LIMITS_DOCUMENT &&
            (doc->status == IXJ_OK || s->tail_checks++ < MAX_TAIL_CHECKS))
            FZ_CHECK(same_alone(s, doc, doc->status == IXJ_OK ? end : c->len,
                                encoding));
    }
}

typedef struct any_first {
    const uint8_t *text;
    int valid; /* the first value is valid for a schema type's text rules */
} any_first;

/* Whether text[from, to), a valid JSON text, escapes U+0000 (which the
 * any type allows and the schema types do not). */
static int
has_escaped_nul(const uint8_t *text, size_t from, size_t to)
{
    for (size_t i = from; i + 1 < to; i++) {
        if (text[i] != '\\')
            continue;
        if (text[i + 1] == 'u' && i + 5 < to && text[i + 2] == '0' &&
            text[i + 3] == '0' && text[i + 4] == '0' && text[i + 5] == '0')
            return 1;
        i++; /* the escaped character */
    }
    return 0;
}

static int
first_value(void *ctx, const ixj_document_info *doc)
{
    any_first *a = ctx;
    a->valid = doc->status == IXJ_OK &&
               !has_escaped_nul(a->text, (size_t)doc->start, (size_t)doc->end);
    return 1; /* the first document is enough */
}

/* A concatenated stream ended with a top-level value of the wrong type:
 * a value error, which ends only its document. Unless the value's text
 * is bad too (the any type reads it as an invalid value, or as one that
 * holds U+0000), the stream should have gone on. */
static void
check_type_end(const fz_config *c, size_t start)
{
    fz_config any = *c;
    ixj_decoder *d = ixj_decoder_new(NULL);
    any_first first = {c->doc + start, 0};
    ixj_result r;

    FZ_CHECK(d != NULL);
    any.type = IXJ_TYPE_ANY;
    any.doc = c->doc + start;
    any.len = c->len - start;
    /* c's limits: some derive from c->len */
    fz_apply_options(d, c, 0, FZ_FEED_WHOLE);
    FZ_CHECK(ixj_decoder_begin_stream(d, IXJ_TYPE_ANY, IXJ_STREAM_CONCATENATED,
                                      first_value, &first) == IXJ_OK);
    (void)fz_feed_all(d, &any, 0, SIZE_MAX, &r);
    FZ_CHECK(!first.valid);
    ixj_decoder_free(d);
}

static int
on_document(void *ctx, const ixj_document_info *doc)
{
    stream *s = ctx;
    const fz_config *c = s->c;
    fz_buf encoding = {0};

    s->docs++;
    FZ_CHECK(doc != NULL);
    FZ_CHECK((doc->status == IXJ_OK) == (doc->result != NULL));
    FZ_CHECK((doc->status == IXJ_OK) == (doc->error == NULL));
    FZ_CHECK(doc->status != IXJ_STOPPED && doc->status != IXJ_ERR_MISUSE &&
             doc->status != IXJ_ERR_SPACE && doc->status != IXJ_ERR_NOMEM);
    fz_put_u64(s->log, doc->record);
    fz_put_u64(s->log, doc->start);
    fz_put_u64(s->log, doc->end);
    fz_put_u64(s->log, (uint64_t)doc->status);
    fz_check_resolved(doc->type, c->type);
    fz_put_u64(s->log, (uint64_t)doc->type);
    if (doc->status == IXJ_OK) {
        const ixj_result *r = doc->result;
        FZ_CHECK(r->type != IXJ_TYPE_AUTO && ixj_type_name(r->type) != NULL);
        FZ_CHECK(r->type == doc->type);
        FZ_CHECK((r->type == IXJ_TYPE_ANY) == (r->as.value == NULL));
        if (c->strict)
            FZ_CHECK(r->unknown_fields == 0 && r->unrecognized_enums == 0);
        fz_put_u64(s->log, (uint64_t)r->type);
        fz_put_u64(s->log, r->unknown_fields);
        fz_put_u64(s->log, r->unrecognized_enums);
        fz_encode_result(s->enc, r, 0, &encoding, NULL);
        fz_put(s->log, encoding.data, encoding.len);
    } else {
        fz_put_error(s->log, doc->error);
    }
    if (s->check) {
        check_document(s, doc, &encoding);
        s->plain_mark = s->el->plain.len;
    }
    s->prev_end = doc->end;
    s->prev_record = doc->record;
    s->last_status = doc->status;
    s->last_start = doc->start;
    fz_buf_free(&encoding);
    return s->stop_at != 0 && s->docs == s->stop_at;
}

/* Feeds the stream whole (chunk 0, no split), chunked or split, and
 * writes its transcript to log. */
static void
run_stream(ixj_decoder *d, ixj_encoder *enc, const fz_config *c, size_t chunk,
           size_t split, int check, fz_buf *log)
{
    stream s;
    fz_elements el = {0};
    ixj_result r;
    ixj_status st;
    unsigned mask = 0;
    uint64_t element_stop = 0, doc_stop = 0;

    if (c->elements) {
        mask = (unsigned)(c->mix >> 36) & fzm_element_mask;
        if (mask == 0)
            mask = fzm_element_mask;
    }
    if (c->stop) {
        if (c->elements && ((c->mix >> 47) & 1))
            element_stop = 1 + (c->mix >> 48) % 16;
        else
            doc_stop = 1 + (c->mix >> 52) % 8;
    }
    memset(&s, 0, sizeof s);
    s.c = c;
    s.enc = enc;
    s.log = log;
    s.el = &el;
    s.stop_at = doc_stop;
    s.check = check;
    s.mask = mask;
    el.enc = enc;
    el.log = log;
    el.stop_at = element_stop;
    if (check) {
        s.solo = ixj_decoder_new(NULL);
        FZ_CHECK(s.solo != NULL);
    }
    fz_register_elements(d, mask, &el);
    fz_apply_options(d, c, c->validate_only,
                     chunk == 0 && split == SIZE_MAX ? FZ_FEED_WHOLE
                                                     : FZ_FEED_PIECES);
    FZ_CHECK(ixj_decoder_begin_stream(d, c->type,
                                      c->concatenated ? IXJ_STREAM_CONCATENATED
                                                      : IXJ_STREAM_NDJSON,
                                      on_document, &s) == IXJ_OK);
    st = fz_feed_all(d, c, chunk, split, &r);

    /* how the stream ended */
    FZ_CHECK(r.type == IXJ_TYPE_AUTO && r.as.value == NULL &&
             r.unknown_fields == 0 && r.unrecognized_enums == 0);
    if (st == IXJ_STOPPED) {
        FZ_CHECK((doc_stop != 0 && s.docs == doc_stop) ||
                 (element_stop != 0 && el.count == element_stop));
    } else if (st != IXJ_OK) {
        const ixj_error *e = ixj_decoder_error(d);
        /* only a concatenated stream ends with an error: its last
         * document's (the first error of the document whose text ended
         * the stream) */
        FZ_CHECK(c->concatenated && s.docs > 0 && s.last_status == st);
        FZ_CHECK(e->code == st && e->offset == s.prev_end);
        if (check && st == IXJ_ERR_TYPE && e->offset == s.last_start &&
            c->limits != FZ_LIMITS_DOCUMENT)
            check_type_end(c, (size_t)s.last_start);
    }
    if (check && st == IXJ_OK && s.last_status == IXJ_OK)
        check_blank(c->doc, (size_t)s.prev_end, c->len);
    fz_put_u64(log, (uint64_t)st);
    if (st != IXJ_OK && st != IXJ_STOPPED)
        fz_put_error(log, ixj_decoder_error(d));

    fz_register_elements(d, 0, NULL);
    fz_elements_free(&el);
    ixj_decoder_free(s.solo);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_config c;
    ixj_decoder *whole_d, *d;
    ixj_encoder *enc;
    fz_buf whole = {0}, chunked = {0}, split = {0};

    fz_config_parse(&c, data, size);
    whole_d = ixj_decoder_new(NULL);
    d = ixj_decoder_new(NULL);
    enc = ixj_encoder_new(NULL);
    FZ_CHECK(whole_d != NULL && d != NULL && enc != NULL);

    run_stream(whole_d, enc, &c, 0, SIZE_MAX, 1, &whole);
    run_stream(d, enc, &c, c.chunk, SIZE_MAX, 0, &chunked);
    FZ_CHECK(fz_buf_eq(&whole, &chunked));
    if (c.mix & 1)
        ixj_decoder_reset(d);
    run_stream(d, enc, &c, 0, (size_t)((c.mix >> 8) % ((uint64_t)c.len + 1)), 0,
               &split);
    FZ_CHECK(fz_buf_eq(&whole, &split));

    fz_buf_free(&whole);
    fz_buf_free(&chunked);
    fz_buf_free(&split);
    ixj_encoder_free(enc);
    ixj_decoder_free(d);
    ixj_decoder_free(whole_d);
    return 0;
}
