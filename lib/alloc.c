/* SPDX-License-Identifier: MIT */
#include "alloc.h"

#include <stdint.h>
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

void *
ixj__grow(const ixj_allocator *a, void *ptr, size_t *cap, size_t need,
          size_t elem)
{
    size_t n = *cap != 0 ? *cap : (64 + elem - 1) / elem;
    void *p;
    if (need <= *cap)
        return ptr;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return NULL;
        n *= 2;
    }
    if (n > SIZE_MAX / elem)
        return NULL;
    p = a->realloc(a->ctx, ptr, n * elem);
    if (p == NULL)
        return NULL;
    *cap = n;
    return p;
}
