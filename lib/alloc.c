/* SPDX-License-Identifier: MIT */
#include "alloc.h"

#include <stdlib.h>

static void *
libc_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return malloc(size);
}

static void *
libc_realloc(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void
libc_free(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

bool
ixj__allocator_set(ixj_allocator *dst, const ixj_allocator *src)
{
    if (src == NULL) {
        dst->malloc = libc_malloc;
        dst->realloc = libc_realloc;
        dst->free = libc_free;
        dst->ctx = NULL;
        return true;
    }
    if (src->malloc == NULL || src->realloc == NULL || src->free == NULL)
        return false;
    *dst = *src;
    return true;
}
