/* SPDX-License-Identifier: MIT */
/* What the fuzz targets share; see common.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "model.h"

void
fz_fail(const char *what, const char *file, int line)
{
    fprintf(stderr, "%s:%d: invariant broken: %s\n", file, line, what);
    abort();
}

/* ------------------------------------------------------------------ */
/* Input header                                                         */
/* ------------------------------------------------------------------ */

/* Chunk sizes: every size up to 40, then sizes around the 512-byte
 * gathering threshold and the 4 KiB stage, then whole. */
static const uint32_t chunk_sizes[64] = {
    1,   2,    3,    4,    5,    6,    7,    8,    9,    10,   11,   12,   13,
    14,  15,   16,   17,   18,   19,   20,   21,   22,   23,   24,   25,   26,
    27,  28,   29,   30,   31,   32,   33,   34,   35,   36,   37,   38,   39,
    40,  47,   63,   64,   100,  127,  128,  255,  256,  257,  500,  511,  512,
    513, 1000, 1023, 1024, 2047, 2048, 4095, 4096, 4097, 8192, 8193, 65536};

/* A small result limit, log-uniform in 1 .. 65535: some results fit,
 * some fail at their first struct, most somewhere in between. */
static uint64_t
small_result_limit(uint64_t m)
{
    unsigned shift = (unsigned)((m >> 58) % 16);
    return (UINT64_C(1) << shift) + ((m >> 12) & ((UINT64_C(1) << shift) - 1));
}

void
fz_config_parse(fz_config *c, const uint8_t *data, size_t size)
{
    uint8_t b0 = size > 0 ? data[0] : 0;
    uint8_t b1 = size > 1 ? data[1] : 0;
    uint8_t b2 = size > 2 ? data[2] : 0;
    size_t head = FZ_HEADER_SIZE;
    uint64_t h = UINT64_C(0xcbf29ce484222325);

    for (size_t i = 0; i < size; i++) {
        h ^= data[i];
        h *= UINT64_C(0x100000001b3);
    }
    memset(c, 0, sizeof *c);
    c->type = fzm_types[b0 % fzm_n_types];
    c->strict = b1 & 1;
    c->limits = (b1 >> 1) & 3u;
    c->validate_only = (b1 >> 3) & 1;
    c->elements = (b1 >> 4) & 1;
    c->small_result = (b1 >> 5) & 1;
    c->no_gather = (b1 >> 6) & 1;
    c->chunk = chunk_sizes[b2 & 63];
    c->concatenated = (b2 >> 6) & 1;
    c->stop = (b2 >> 7) & 1;
    c->mix = h ^ (h >> 29);
    if ((b1 >> 7) & 1) {
        /* pinned: the next 8 bytes (missing ones count as zero) */
        c->mix = 0;
        for (size_t i = 0; i < 8; i++)
            if (head + i < size)
                c->mix |= (uint64_t)data[head + i] << (8 * i);
        head += 8;
    }
    c->result_limit = c->small_result ? small_result_limit(c->mix)
                                      : IXJ_DEFAULT_MAX_RESULT_BYTES;
    c->doc = size > head ? data + head : (const uint8_t *)"";
    c->len = size > head ? size - head : 0;
}

static void
set_option(ixj_decoder *d, ixj_option option, uint64_t value)
{
    FZ_CHECK(ixj_decoder_set_option(d, option, value) == IXJ_OK);
    FZ_CHECK(ixj_decoder_get_option(d, option) == value);
}

void
fz_apply_options(ixj_decoder *d, const fz_config *c, int validate_only,
                 int feed)
{
    uint64_t depth = IXJ_DEFAULT_MAX_DEPTH;
    uint64_t string = IXJ_DEFAULT_MAX_STRING_BYTES;
    uint64_t number = IXJ_DEFAULT_MAX_NUMBER_BYTES;
    uint64_t array = IXJ_DEFAULT_MAX_ARRAY_ELEMENTS;
    uint64_t document = IXJ_DEFAULT_MAX_DOCUMENT_BYTES;
    uint64_t m = c->mix;

    switch (c->limits) {
    case FZ_LIMITS_TIGHT:
        depth = 4;
        string = 16;
        number = 8;
        array = 4;
        break;
    case FZ_LIMITS_DERIVED:
        depth = 1 + m % 6;
        string = (m >> 8) % 40;
        number = 1 + (m >> 16) % 24;
        array = (m >> 24) % 6;
        break;
    case FZ_LIMITS_DOCUMENT:
        document = (m >> 32) % ((uint64_t)c->len + 2);
        break;
    default:
        break;
    }
    set_option(d, IXJ_OPT_STRICT, (uint64_t)c->strict);
    set_option(d, IXJ_OPT_MAX_DEPTH, depth);
    set_option(d, IXJ_OPT_MAX_STRING_BYTES, string);
    set_option(d, IXJ_OPT_MAX_NUMBER_BYTES, number);
    set_option(d, IXJ_OPT_MAX_ARRAY_ELEMENTS, array);
    set_option(d, IXJ_OPT_MAX_DOCUMENT_BYTES, document);
    set_option(d, IXJ_OPT_VALIDATE_ONLY, (uint64_t)validate_only);
    set_option(d, IXJ_OPT_MAX_RESULT_BYTES, c->result_limit);
    set_option(d, IXJ_OPT_GATHER,
               feed == FZ_FEED_PIECES && c->no_gather ? 0 : 1);
}

ixj_status
fz_feed_all(ixj_decoder *d, const fz_config *c, size_t chunk, size_t split,
            ixj_result *out)
{
    ixj_status st;
    size_t at = 0;

    if (split <= c->len) {
        st = ixj_decoder_feed(d, c->doc, split);
        at = split;
        if (st == IXJ_OK) {
            st = ixj_decoder_feed(d, c->doc + split, c->len - split);
            at = c->len;
        }
    } else {
        do {
            size_t n = chunk == 0 || c->len - at < chunk ? c->len - at : chunk;
            st = ixj_decoder_feed(d, c->doc + at, n);
            at += n;
        } while (st == IXJ_OK && at < c->len);
    }
    if (st == IXJ_OK)
        return ixj_decoder_finish(d, out);
    /* the first error is sticky: the rest of the input and finish get it
     * too */
    FZ_CHECK(st != IXJ_ERR_MISUSE && st != IXJ_ERR_SPACE);
    FZ_CHECK(ixj_decoder_error(d)->code == st);
    FZ_CHECK(ixj_decoder_feed(d, c->doc + at, c->len - at) == st);
    FZ_CHECK(ixj_decoder_finish(d, out) == st);
    return st;
}

/* ------------------------------------------------------------------ */
/* Transcripts                                                          */
/* ------------------------------------------------------------------ */

void
fz_put(fz_buf *b, const void *bytes, size_t len)
{
    if (len == 0)
        return;
    if (b->cap - b->len < len) {
        size_t cap = b->cap ? b->cap : 256;
        uint8_t *p;
        while (cap - b->len < len)
            cap *= 2;
        p = realloc(b->data, cap);
        FZ_CHECK(p != NULL);
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, bytes, len);
    b->len += len;
}

void
fz_put_u64(fz_buf *b, uint64_t v)
{
    uint8_t bytes[8];
    for (int i = 0; i < 8; i++)
        bytes[i] = (uint8_t)(v >> (8 * i));
    fz_put(b, bytes, sizeof bytes);
}

void
fz_put_str(fz_buf *b, const char *s)
{
    if (s == NULL) {
        fz_put_u64(b, UINT64_MAX);
        return;
    }
    fz_put_u64(b, strlen(s));
    fz_put(b, s, strlen(s));
}

int
fz_buf_eq(const fz_buf *a, const fz_buf *b)
{
    return a->len == b->len &&
           (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

int
fz_buf_prefix(const fz_buf *a, const fz_buf *b)
{
    return a->len <= b->len &&
           (a->len == 0 || memcmp(a->data, b->data, a->len) == 0);
}

void
fz_buf_free(fz_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

static int
is_ident_start(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch == '_';
}

static int
is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

static int
is_upper_hex(char ch)
{
    return is_digit(ch) || (ch >= 'A' && ch <= 'F');
}

void
fz_check_path(const char *p)
{
    FZ_CHECK(p != NULL && p[0] == '$');
    p++;
    while (*p != '\0') {
        if (*p == '.') {
            p++;
            FZ_CHECK(is_ident_start(*p));
            while (is_ident_start(*p) || is_digit(*p))
                p++;
        } else if (p[0] == '[' && p[1] == '\'') {
            /* a key that is not an identifier: ' and \ escaped, control
             * characters (C0, DEL, C1) as \u00XX */
            p += 2;
            while (*p != '\'') {
                unsigned char ch = (unsigned char)*p;
                FZ_CHECK(ch >= 0x20 && ch != 0x7F);
                if (ch == '\\') {
                    if (p[1] == '\'' || p[1] == '\\') {
                        p += 2;
                    } else {
                        FZ_CHECK(p[1] == 'u' && p[2] == '0' && p[3] == '0' &&
                                 is_upper_hex(p[4]) && is_upper_hex(p[5]));
                        p += 6;
                    }
                } else if (ch == 0xC2) {
                    FZ_CHECK((unsigned char)p[1] > 0x9F);
                    p++;
                } else {
                    p++;
                }
            }
            FZ_CHECK(p[1] == ']');
            p += 2;
        } else {
            FZ_CHECK(*p == '[');
            p++;
            FZ_CHECK(is_digit(*p));
            FZ_CHECK(*p != '0' || p[1] == ']');
            while (is_digit(*p))
                p++;
            FZ_CHECK(*p == ']');
            p++;
        }
    }
}

void
fz_lines_to(fz_lines *l, const uint8_t *text, size_t offset)
{
    if (offset < l->pos || l->line == 0) {
        l->pos = 0;
        l->line = 1;
        l->line_start = 0;
    }
    for (; l->pos < offset; l->pos++) {
        if (text[l->pos] == '\n') {
            l->line++;
            l->line_start = l->pos + 1;
        }
    }
}

void
fz_check_error(const ixj_error *e, ixj_status st, const uint8_t *text,
               size_t len, fz_lines *lines)
{
    fz_lines local = {0, 0, 0};

    FZ_CHECK(e != NULL);
    FZ_CHECK(st != IXJ_OK && e->code == st);
    FZ_CHECK(ixj_status_name(st) != NULL);
    FZ_CHECK(e->message != NULL &&
             strcmp(e->message, ixj_status_message(st)) == 0);
    fz_check_path(e->path);
    /* the position is in the text, and LF is the only line break */
    FZ_CHECK(e->offset <= len);
    if (lines == NULL)
        lines = &local;
    fz_lines_to(lines, text, (size_t)e->offset);
    FZ_CHECK(e->line == lines->line);
    FZ_CHECK(e->column == e->offset - lines->line_start + 1);
}

void
fz_put_error(fz_buf *b, const ixj_error *e)
{
    fz_put_u64(b, (uint64_t)e->code);
    fz_put_u64(b, e->offset);
    fz_put_u64(b, e->line);
    fz_put_u64(b, e->column);
    fz_put_str(b, e->path);
}

void
fz_check_resolved(ixj_type resolved, ixj_type begun)
{
    if (begun != IXJ_TYPE_AUTO)
        FZ_CHECK(resolved == begun);
    else
        FZ_CHECK(resolved == IXJ_TYPE_AUTO || fzm_root(resolved) != NULL);
}

void
fz_put_outcome(fz_buf *b, ixj_decoder *d, const fz_config *c, ixj_status st,
               const ixj_result *r)
{
    const ixj_error *e = ixj_decoder_error(d);
    ixj_type resolved = ixj_decoder_type(d);

    FZ_CHECK(st != IXJ_ERR_MISUSE && st != IXJ_ERR_SPACE);
    FZ_CHECK(e != NULL && e->code == st);
    fz_check_resolved(resolved, c->type);
    fz_put_u64(b, (uint64_t)st);
    fz_put_u64(b, (uint64_t)resolved);
    if (st != IXJ_OK) {
        fz_check_error(e, st, c->doc, c->len, NULL);
        /* a document cut short is cut at the end */
        FZ_CHECK(st != IXJ_ERR_TRUNCATED || e->offset == c->len);
        fz_put_error(b, e);
        FZ_CHECK(r->type == IXJ_TYPE_AUTO && r->as.value == NULL &&
                 r->unknown_fields == 0 && r->unrecognized_enums == 0);
        return;
    }
    FZ_CHECK(r->type != IXJ_TYPE_AUTO && ixj_type_name(r->type) != NULL);
    FZ_CHECK(r->type == resolved);
    FZ_CHECK((r->type == IXJ_TYPE_ANY) == (r->as.value == NULL));
    if (c->strict)
        FZ_CHECK(r->unknown_fields == 0 && r->unrecognized_enums == 0);
    fz_put_u64(b, (uint64_t)r->type);
    fz_put_u64(b, r->unknown_fields);
    fz_put_u64(b, r->unrecognized_enums);
}

/* ------------------------------------------------------------------ */
/* Encodings                                                            */
/* ------------------------------------------------------------------ */

static int
write_to_buf(void *ctx, const char *bytes, size_t len)
{
    fz_put(ctx, bytes, len);
    return 0;
}

ixj_status
fz_encode(ixj_encoder *e, ixj_type type, const void *value, unsigned flags,
          fz_buf *out, fz_buf *bytes)
{
    fz_buf got = {0};
    ixj_status st = ixj_encode_to(e, type, value, flags, write_to_buf, &got);
    const ixj_error *err = ixj_encoder_error(e);
    size_t len = SIZE_MAX;

    FZ_CHECK(err != NULL && err->code == st);
    if (st == IXJ_OK) {
        char *buf = malloc(got.len + 1);
        FZ_CHECK(buf != NULL && got.len > 0);
        FZ_CHECK(ixj_encode(e, type, value, flags, buf, got.len + 1, &len) ==
                 IXJ_OK);
        FZ_CHECK(len == got.len && memcmp(buf, got.data, len) == 0 &&
                 buf[len] == '\0');
        len = SIZE_MAX;
        FZ_CHECK(ixj_encode(e, type, value, flags, buf, got.len, &len) ==
                 IXJ_ERR_SPACE);
        FZ_CHECK(len == got.len);
        free(buf);
        /* compact output is one line; pretty output ends with a newline */
        if (flags & IXJ_ENCODE_PRETTY)
            FZ_CHECK(got.data[got.len - 1] == '\n');
        else
            FZ_CHECK(memchr(got.data, '\n', got.len) == NULL);
    } else {
        char one[1];
        FZ_CHECK(st != IXJ_STOPPED && st != IXJ_ERR_SPACE);
        /* a refused value writes nothing */
        FZ_CHECK(st == IXJ_ERR_NOMEM || got.len == 0);
        fz_check_path(err->path);
        FZ_CHECK(err->offset == 0 && err->line == 0 && err->column == 0);
        FZ_CHECK(ixj_encode(e, type, value, flags, one, sizeof one, &len) ==
                     st &&
                 len == 0);
    }
    if (out != NULL) {
        fz_put_u64(out, (uint64_t)st);
        if (st != IXJ_OK)
            fz_put_str(out, err->path);
        fz_put_u64(out, got.len);
        fz_put(out, got.data, got.len);
    }
    if (bytes != NULL)
        fz_put(bytes, got.data, got.len);
    fz_buf_free(&got);
    return st;
}

ixj_status
fz_encode_result(ixj_encoder *e, const ixj_result *r, unsigned flags,
                 fz_buf *out, fz_buf *bytes)
{
    return fz_encode(e, r->type, r->as.value, flags, out, bytes);
}

/* Each element type of IXJ_ELEMENT_MAP in the smallest payload that holds
 * it: a job in an envelope, a data-source job in a data-source list, a
 * string in a create request. An element type without its function here
 * does not build. */
static ixj_status
encode_in_job(ixj_encoder *e, const void *value, fz_buf *out)
{
    ixj_job_envelope env;
    memset(&env, 0, sizeof env);
    env.present = UINT64_C(1) << IXJ_JOB_ENVELOPE_JOB;
    env.job = value;
    return fz_encode(e, IXJ_TYPE_JOB, &env, 0, out, NULL);
}

static ixj_status
encode_in_data_source_job(ixj_encoder *e, const void *value, fz_buf *out)
{
    ixj_data_source_list list;
    const ixj_data_source_job *one = value;
    memset(&list, 0, sizeof list);
    list.present = UINT64_C(1) << IXJ_DATA_SOURCE_LIST_INDEXED_DATA_SOURCES;
    list.indexed_data_sources = &one;
    list.n_indexed_data_sources = 1;
    return fz_encode(e, IXJ_TYPE_DATA_SOURCES, &list, 0, out, NULL);
}

static ixj_status
encode_in_string(ixj_encoder *e, const void *value, fz_buf *out)
{
    ixj_create_request req;
    memset(&req, 0, sizeof req);
    req.present = UINT64_C(1) << IXJ_CREATE_REQUEST_DATA_SOURCE_UUIDS;
    req.data_source_uuids = value;
    req.n_data_source_uuids = 1;
    return fz_encode(e, IXJ_TYPE_CREATE_REQUEST, &req, 0, out, NULL);
}

ixj_status
fz_encode_element(ixj_encoder *e, ixj_element kind, const void *value,
                  fz_buf *out)
{
#define ENCODE_CASE_(suffix, v, type) \
    case IXJ_ELEMENT_##suffix:        \
        return encode_in_##type(e, value, out);
    switch (kind) {
        IXJ_ELEMENT_MAP(ENCODE_CASE_)
    }
#undef ENCODE_CASE_
    fz_fail("element kind", __FILE__, __LINE__);
}

static void
put_element(fz_buf *b, ixj_encoder *e, ixj_element kind, uint64_t index,
            const void *value)
{
    fz_put_u64(b, (uint64_t)kind);
    fz_put_u64(b, index);
    fz_encode_element(e, kind, value, b);
}

/* The elements of one kind in an object, in the order a callback gets
 * them: an element's own elements before it. */
static void
put_elements_in(fz_buf *b, ixj_encoder *e, const fzm_object *o,
                const void *base, ixj_element kind)
{
    uint64_t present = fzm_present(base);

    for (size_t i = 0; i < o->n_fields; i++) {
        const fzm_field *f = &o->fields[i];
        const char *items;
        size_t n;

        if (!((present >> f->bit) & 1))
            continue;
        if (f->kind == FZM_OBJECT) {
            FZ_CHECK(fzm_object_at(base, f) != NULL);
            put_elements_in(b, e, f->object, fzm_object_at(base, f), kind);
            continue;
        }
        if (f->kind != FZM_OBJECT_ARRAY && f->kind != FZM_STRING_ARRAY)
            continue;
        items = *(const char *const *)fzm_member(base, f);
        n = *(const size_t *)fzm_aux(base, f);
        FZ_CHECK(n == 0 || items != NULL);
        for (size_t k = 0; k < n; k++) {
            const void *item = fzm_item(items, f, k);
            if (f->kind == FZM_OBJECT_ARRAY) {
                FZ_CHECK(item != NULL);
                put_elements_in(b, e, f->object, item, kind);
            }
            if (f->element == (unsigned)kind)
                put_element(b, e, kind, k, item);
        }
    }
}

void
fz_put_batch_elements(fz_buf *b, ixj_encoder *e, const ixj_result *r,
                      ixj_element kind)
{
    const fzm_object *root = fzm_root(r->type);
    if (root != NULL && r->as.value != NULL)
        put_elements_in(b, e, root, r->as.value, kind);
}

/* ------------------------------------------------------------------ */
/* Element callbacks                                                    */
/* ------------------------------------------------------------------ */

/* Whether the path, without its last `[index]` segment (n bytes), ends
 * with `.key` of an array field that delivers this kind (by its name or
 * its alias). */
static int
ends_with_array_key(const char *path, size_t n, unsigned kind)
{
    for (size_t i = 0; i < fzm_n_objects; i++) {
        const fzm_object *o = fzm_objects[i];
        for (size_t j = 0; j < o->n_fields; j++) {
            const fzm_field *f = &o->fields[j];
            const char *keys[2] = {f->name, f->alias};
            if (f->element != kind)
                continue;
            for (int k = 0; k < 2; k++) {
                size_t len = strlen(keys[k]);
                if (n >= len + 1 && path[n - len - 1] == '.' &&
                    memcmp(path + n - len, keys[k], len) == 0)
                    return 1;
            }
        }
    }
    return 0;
}

/* Checks that an element's path is the path of its array, then
 * [index]. */
static void
check_element_path(const ixj_element_info *info)
{
    char tail[32];
    size_t len = strlen(info->path), n;
    int fits =
        snprintf(tail, sizeof tail, "[%llu]", (unsigned long long)info->index);

    fz_check_path(info->path);
    FZ_CHECK(fits > 0 && (size_t)fits < sizeof tail);
    n = (size_t)fits;
    FZ_CHECK(len > n && memcmp(info->path + len - n, tail, n) == 0);
    FZ_CHECK(ends_with_array_key(info->path, len - n, (unsigned)info->element));
}

int
fz_on_element(void *ctx, const ixj_element_info *info)
{
    fz_elements *el = ctx;
    fz_buf rendering = {0};

    FZ_CHECK(info != NULL && info->value != NULL && info->path != NULL);
    FZ_CHECK(fzm_is_element((unsigned)info->element));
    check_element_path(info);
    el->count++;
    fz_encode_element(el->enc, info->element, info->value, &rendering);
    if (el->log != NULL) {
        fz_put_u64(el->log, (uint64_t)info->element);
        fz_put_u64(el->log, info->index);
        fz_put_str(el->log, info->path);
        fz_put(el->log, rendering.data, rendering.len);
    }
    fz_put_u64(&el->plain, (uint64_t)info->element);
    fz_put_u64(&el->plain, info->index);
    fz_put(&el->plain, rendering.data, rendering.len);
    fz_buf_free(&rendering);
    if (el->copies != NULL) {
        const void *copy = ixj_element_copy(el->copies, info);
        FZ_CHECK(copy != NULL);
        if (el->n_kept == el->cap_kept) {
            size_t cap = el->cap_kept ? 2 * el->cap_kept : 16;
            fz_kept *p = realloc(el->kept, cap * sizeof *p);
            FZ_CHECK(p != NULL);
            el->kept = p;
            el->cap_kept = cap;
        }
        el->kept[el->n_kept].kind = info->element;
        el->kept[el->n_kept].index = info->index;
        el->kept[el->n_kept].copy = copy;
        el->n_kept++;
    }
    return el->stop_at != 0 && el->count == el->stop_at;
}

void
fz_register_elements(ixj_decoder *d, unsigned mask, fz_elements *el)
{
    for (size_t i = 0; i < fzm_n_elements; i++) {
        ixj_element k = fzm_elements[i];
        int on = (mask >> k) & 1u;
        FZ_CHECK(ixj_decoder_on_element(d, k, on ? fz_on_element : NULL,
                                        on ? el : NULL) == IXJ_OK);
    }
}

void
fz_elements_check_copies(fz_elements *el)
{
    fz_buf again = {0};
    if (el->copies == NULL)
        return;
    for (size_t i = 0; i < el->n_kept; i++)
        put_element(&again, el->enc, el->kept[i].kind, el->kept[i].index,
                    el->kept[i].copy);
    FZ_CHECK(fz_buf_eq(&again, &el->plain));
    fz_buf_free(&again);
}

void
fz_elements_free(fz_elements *el)
{
    fz_buf_free(&el->plain);
    ixj_arena_free(el->copies);
    free(el->kept);
    el->copies = NULL;
    el->kept = NULL;
    el->n_kept = el->cap_kept = 0;
}
