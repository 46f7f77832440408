/* SPDX-License-Identifier: MIT */
/*
 * The encoder: canonical JSON through yajl's generator, driven by the same
 * field tables as the decoder (schema.h), so the schema is described once.
 *
 * An encode walks the value twice: first to check that decoding could
 * have produced it (so that a refused value writes nothing), then to
 * write it. Empty objects and arrays are written as the atoms "{}" and
 * "[]" (yajl_gen_number prints its text as given): yajl's beautifier
 * would otherwise put a blank line between the brackets.
 */
#include <stdbool.h>
#include <string.h>

#include <yajl/yajl_gen.h>

#include "alloc.h"
#include "detail.h"
#include "error.h"
#include "rfc3339.h"
#include "schema.h"
#include "utf8.h"
#include "ypool.h"

/* Deepest nesting of the payload tables (list, job, data source: 3). */
#define MAX_DEPTH 8

typedef struct step {
    const ixj__field *field; /* the member */
    size_t index;            /* element index, for arrays */
    bool element;            /* the step is into an element */
} step;

struct ixj_encoder {
    ixj_allocator alloc;
    ixj__ypool pool;
    yajl_gen gen;

    /* Where the output goes: a callback, or a buffer. */
    ixj_write_fn write;
    void *write_ctx;
    bool stopped;
    char *buf;
    size_t size;
    size_t len;

    /* The path to the value being walked, for errors. */
    step steps[MAX_DEPTH];
    unsigned depth;

    ixj_error error;
    char *path;
    size_t path_cap;
};

/* ---------------------------------------------------------------- errors */

static size_t
render_path(const void *ctx, char *out)
{
    const ixj_encoder *e = ctx;
    size_t n = ixj__path_root(out);
    for (unsigned i = 0; i < e->depth; i++) {
        const step *s = &e->steps[i];
        if (s->element)
            n += ixj__path_index(out ? out + n : NULL, s->index);
        else
            n += ixj__path_key(out ? out + n : NULL, s->field->name,
                               s->field->name_len);
    }
    return n;
}

/* Refuses the value at the current path (the position is 0: there is
 * no input). */
static ixj_status
refuse(ixj_encoder *e, ixj_status code)
{
    ixj__error_set(&e->error, code, IXJ__D_NONE, 0, 0, 0, render_path, e,
                   &e->alloc, &e->path, &e->path_cap);
    return e->error.code;
}

/* ---------------------------------------------------------------- output */

static void
sink(void *ctx, const char *bytes, size_t n)
{
    ixj_encoder *e = ctx;
    if (e->write != NULL) {
        if (!e->stopped && n > 0 && e->write(e->write_ctx, bytes, n) != 0)
            e->stopped = true;
        return;
    }
    if (e->len < e->size) {
        size_t room = e->size - e->len;
        memcpy(e->buf + e->len, bytes, n < room ? n : room);
    }
    e->len += n;
}

/* Decimal digits of v, right-aligned in out[0..20); returns the first. */
static char *
digits(uint64_t v, char *end)
{
    do {
        *--end = (char)('0' + v % 10);
        v /= 10;
    } while (v != 0);
    return end;
}

/* --------------------------------------------------------------- walking */

static ixj_status walk_object(ixj_encoder *e, const ixj__object_desc *obj,
                              const void *base, bool emit);

static bool
string_ok(const ixj_string *s)
{
    return s->ptr != NULL && ixj__utf8_valid(s->ptr, s->len);
}

static void
put_string(ixj_encoder *e, const char *text, size_t len)
{
    yajl_gen_string(e->gen, (const unsigned char *)text, len);
}

/* One scalar value: checked, and written when emit. */
static ixj_status
walk_scalar(ixj_encoder *e, const ixj__field *f, const void *base, bool emit)
{
    const void *m = ixj__cmember(base, f);
    char text[IXJ__RFC3339_MAX + 2], *first;
    size_t n;

    switch ((ixj__kind)f->kind) {
    case IXJ__KIND_STRING:
        if (!string_ok(m))
            return refuse(e, IXJ_ERR_STRING);
        if (emit)
            put_string(e, ((const ixj_string *)m)->ptr,
                       ((const ixj_string *)m)->len);
        return IXJ_OK;
    case IXJ__KIND_UINT64:
        if (emit) {
            first = digits(*(const uint64_t *)m, text + sizeof text);
            put_string(e, first, (size_t)(text + sizeof text - first));
        }
        return IXJ_OK;
    case IXJ__KIND_INT64:
        if (emit) {
            int64_t v = *(const int64_t *)m;
            /* magnitude without overflow, INT64_MIN included */
            uint64_t mag = v < 0 ? (uint64_t)(-(v + 1)) + 1 : (uint64_t)v;
            first = digits(mag, text + sizeof text);
            if (v < 0)
                *--first = '-';
            yajl_gen_number(e->gen, first,
                            (size_t)(text + sizeof text - first));
        }
        return IXJ_OK;
    case IXJ__KIND_BOOL:
        if (emit)
            yajl_gen_bool(e->gen, *(const bool *)m);
        return IXJ_OK;
    case IXJ__KIND_TIMESTAMP:
        n = ixj__rfc3339_format(m, text);
        if (n == 0)
            return refuse(e, IXJ_ERR_TIMESTAMP);
        if (emit)
            put_string(e, text, n);
        return IXJ_OK;
    case IXJ__KIND_ENUM: {
        int v = *(const int *)m;
        const ixj_string *raw =
            (const ixj_string *)(const void *)((const char *)base +
                                               f->aux_offset);
        if (v >= 0 && v < f->enumeration->count) {
            if (emit)
                put_string(e, f->enumeration->literals[v],
                           f->enumeration->lengths[v]);
            return IXJ_OK;
        }
        /* -1 is ..._UNRECOGNIZED: the literal is the raw text */
        if (v != -1 || !string_ok(raw))
            return refuse(e, IXJ_ERR_ENUM);
        if (emit)
            put_string(e, raw->ptr, raw->len);
        return IXJ_OK;
    }
    default:
        break;
    }
    return IXJ_OK;
}

/* An object, present: its struct, through the pointer that decoding
 * always sets (a NULL one is refused). */
static ixj_status
walk_pointee(ixj_encoder *e, const ixj__object_desc *obj, const void *object,
             bool emit)
{
    if (object == NULL)
        return refuse(e, IXJ_ERR_MISUSE);
    return walk_object(e, obj, object, emit);
}

/* An array member: its elements, each a string or a pointer to an
 * object. */
static ixj_status
walk_array(ixj_encoder *e, const ixj__field *f, const void *base, bool emit)
{
    const char *items = *(const char *const *)ixj__cmember(base, f);
    size_t n =
        *(const size_t *)(const void *)((const char *)base + f->aux_offset);
    bool objects = f->kind == IXJ__KIND_OBJECT_ARRAY;
    size_t size = objects ? sizeof(void *) : sizeof(ixj_string);
    step *s;
    ixj_status st = IXJ_OK;

    if (n > 0 && items == NULL)
        return refuse(e, IXJ_ERR_MISUSE); /* streamed: no elements kept */
    if (n == 0) {
        if (emit)
            yajl_gen_number(e->gen, "[]", 2);
        return IXJ_OK;
    }
    if (emit)
        yajl_gen_array_open(e->gen);
    s = &e->steps[e->depth++];
    s->field = f;
    s->element = true;
    for (size_t i = 0; i < n && st == IXJ_OK; i++) {
        const void *item = items + i * size;
        s->index = i;
        if (objects) {
            st = walk_pointee(e, f->object, *(const void *const *)item, emit);
        } else if (!string_ok(item)) {
            st = refuse(e, IXJ_ERR_STRING);
        } else if (emit) {
            put_string(e, ((const ixj_string *)item)->ptr,
                       ((const ixj_string *)item)->len);
        }
    }
    e->depth--;
    if (emit && st == IXJ_OK)
        yajl_gen_array_close(e->gen);
    return st;
}

/* An object: its present members, in key order (alphabetical). */
static ixj_status
walk_object(ixj_encoder *e, const ixj__object_desc *obj, const void *base,
            bool emit)
{
    uint64_t present = *(const uint64_t *)base;
    ixj_status st = IXJ_OK;

    if (present == 0) {
        if (emit)
            yajl_gen_number(e->gen, "{}", 2);
        return IXJ_OK;
    }
    if (e->depth + 2 > MAX_DEPTH)
        return refuse(e, IXJ_ERR_MISUSE); /* tables deeper than planned */
    if (emit)
        yajl_gen_map_open(e->gen);
    for (unsigned i = 0; i < obj->n_fields && st == IXJ_OK; i++) {
        const ixj__field *f = ixj__field_after(obj, i);
        if (!((present >> f->bit) & 1))
            continue;
        if (emit)
            put_string(e, f->name, f->name_len);
        e->steps[e->depth].field = f;
        e->steps[e->depth].element = false;
        e->depth++;
        if (f->kind == IXJ__KIND_OBJECT)
            st =
                walk_pointee(e, f->object,
                             *(const void *const *)ixj__cmember(base, f), emit);
        else if (f->kind == IXJ__KIND_OBJECT_ARRAY ||
                 f->kind == IXJ__KIND_STRING_ARRAY)
            st = walk_array(e, f, base, emit);
        else
            st = walk_scalar(e, f, base, emit);
        e->depth--;
    }
    if (emit && st == IXJ_OK)
        yajl_gen_map_close(e->gen);
    return st;
}

/* ------------------------------------------------------------ public API */

ixj_encoder *
ixj_encoder_new(const ixj_allocator *alloc)
{
    ixj_allocator hooks;
    ixj_encoder *e;

    if (!ixj__allocator_set(&hooks, alloc))
        return NULL;
    e = ixj__malloc(&hooks, sizeof *e);
    if (e == NULL)
        return NULL;
    memset(e, 0, sizeof *e);
    e->alloc = hooks;
    ixj__ypool_init(&e->pool, &hooks);
    ixj__error_clear(&e->error);
    return e;
}

void
ixj_encoder_free(ixj_encoder *e)
{
    if (e == NULL)
        return;
    ixj__ypool_destroy(&e->pool); /* yajl's generator lives there */
    ixj__free(&e->alloc, e->path);
    ixj__free(&e->alloc, e);
}

const ixj_error *
ixj_encoder_error(const ixj_encoder *e)
{
    return &e->error;
}

/* Checks, then writes, a value to the sink set up by the caller. */
static ixj_status
encode(ixj_encoder *e, ixj_type type, const void *value, unsigned flags)
{
    const ixj__object_desc *root = ixj__root_object(type);
    ixj_status st;

    ixj__error_clear(&e->error);
    e->depth = 0;
    if (root == NULL || value == NULL || (flags & ~IXJ_ENCODE_PRETTY) != 0)
        return refuse(e, IXJ_ERR_MISUSE);
    if ((st = walk_object(e, root, value, false)) != IXJ_OK)
        return st;
    if (e->gen == NULL && (e->gen = ixj__ypool_gen(&e->pool, sink, e)) == NULL)
        return refuse(e, IXJ_ERR_NOMEM);
    yajl_gen_reset(e->gen, NULL);
    yajl_gen_config(e->gen, yajl_gen_beautify,
                    (flags & IXJ_ENCODE_PRETTY) != 0);
    e->stopped = false;
    return walk_object(e, root, value, true);
}

ixj_status
ixj_encode(ixj_encoder *e, ixj_type type, const void *value, unsigned flags,
           char *buf, size_t size, size_t *len)
{
    ixj_status st;

    e->write = NULL;
    e->buf = buf;
    e->size = buf != NULL ? size : 0;
    e->len = 0;
    st = encode(e, type, value, flags);
    *len = st == IXJ_OK ? e->len : 0;
    if (st != IXJ_OK)
        return st;
    if (buf == NULL || e->len >= size)
        return refuse(e, IXJ_ERR_SPACE);
    buf[e->len] = '\0';
    return IXJ_OK;
}

ixj_status
ixj_encode_to(ixj_encoder *e, ixj_type type, const void *value, unsigned flags,
              ixj_write_fn write, void *ctx)
{
    ixj_status st;

    if (write == NULL)
        return refuse(e, IXJ_ERR_MISUSE);
    e->write = write;
    e->write_ctx = ctx;
    st = encode(e, type, value, flags);
    e->write = NULL;
    if (st == IXJ_OK && e->stopped)
        return refuse(e, IXJ_STOPPED);
    return st;
}

size_t
ixj_timestamp_format(const ixj_timestamp *t, char *out, size_t size)
{
    char text[IXJ__RFC3339_MAX];
    size_t n = ixj__rfc3339_format(t, text);
    if (size > 0) {
        size_t copied = n < size ? n : size - 1;
        memcpy(out, text, copied);
        out[copied] = '\0';
    }
    return n;
}
