/* SPDX-License-Identifier: MIT */
/*
 * The path of the decoder's position, "$.job.data_source_jobs[3].status",
 * rendered from its frames: for the first error of a document, and for
 * each element handed to an element callback (elements.c).
 */
#include <stdbool.h>
#include <string.h>

#include "decoder.h"
#include "error.h"

/* The path segment of a field table's key: gen-keyindex checks at build
 * time that every one is an identifier, so it is .key as it stands
 * (element paths render their keys for each array). */
static size_t
path_name(char *out, const char *name, size_t len)
{
    if (out != NULL) {
        out[0] = '.';
        memcpy(out + 1, name, len);
    }
    return len + 1;
}

/* The pending key of an object frame, as the input spelled it. */
static size_t
path_key(const ixj_decoder *d, const ixj__frame *f, char *out)
{
    if (f->key_copied)
        return ixj__path_key(out, d->keys + f->key_off, f->key_len);
    if (f->key_alias)
        return path_name(out, f->field->alias, f->field->alias_len);
    return path_name(out, f->field->name, f->field->name_len);
}

size_t
ixj__render_path(const ixj_decoder *d, ixj__path_mode mode, char *out)
{
    size_t n = ixj__path_root(out);
    for (uint32_t i = 0; i < d->depth; i++) {
        const ixj__frame *f = &d->frames[i];
        bool innermost = i + 1 == d->depth;
        char *at = out != NULL ? out + n : NULL;
        if (f->kind == IXJ__FR_OBJECT || f->kind == IXJ__FR_SKIP_OBJECT) {
            if (f->key_pending)
                n += path_key(d, f, at);
        } else if (!innermost || mode == IXJ__PATH_CURRENT) {
            if (f->count > 0)
                n += ixj__path_index(at, f->count - 1);
        } else if (mode == IXJ__PATH_NEXT) {
            n += ixj__path_index(at, f->count);
        }
    }
    return n;
}

size_t
ixj__path_bound(const ixj_decoder *d)
{
    size_t n = 1; /* $ */
    for (uint32_t i = 0; i < d->depth; i++) {
        const ixj__frame *f = &d->frames[i];
        if (f->kind != IXJ__FR_OBJECT && f->kind != IXJ__FR_SKIP_OBJECT)
            n += 22; /* [ 20 digits ] */
        else if (f->key_pending && f->key_copied)
            n += 6 * f->key_len + 4; /* [' each byte as \u00XX '] */
        else if (f->key_pending)
            n += 1u + (size_t)(f->key_alias ? f->field->alias_len
                                            : f->field->name_len);
    }
    return n;
}

typedef struct path_ctx {
    const ixj_decoder *d;
    ixj__path_mode mode;
} path_ctx;

static size_t
write_path(const void *ctx, char *out)
{
    const path_ctx *c = ctx;
    return ixj__render_path(c->d, c->mode, out);
}

void
ixj__record_error(ixj_decoder *d, ixj_status code, unsigned detail,
                  uint64_t offset, uint64_t line, uint64_t column,
                  ixj__path_mode mode)
{
    path_ctx c = {d, mode};
    if (d->error.code != IXJ_OK)
        return; /* the first error wins */
    ixj__error_set(&d->error, code, detail, offset, line, column, write_path,
                   &c, &d->alloc, &d->path, &d->path_cap);
}
