/* SPDX-License-Identifier: MIT */
/*
 * Allocator hooks: the libc defaults and thin call helpers. Every
 * allocation of the library goes through an ixj_allocator so that callers
 * can account, cap or fail any of them.
 */
#ifndef IXJOB_ALLOC_H
#define IXJOB_ALLOC_H

#include <stdbool.h>
#include <stddef.h>

#include <ixjob/ixjob.h>

/* Copies the caller's hooks into dst (the libc ones when src is NULL).
 * Returns false, leaving dst alone, when src lacks one of its functions:
 * every constructor then fails rather than mix allocators. */
bool ixj__allocator_set(ixj_allocator *dst, const ixj_allocator *src);

static inline void *
ixj__malloc(const ixj_allocator *a, size_t size)
{
    return a->malloc(a->ctx, size);
}

static inline void *
ixj__realloc(const ixj_allocator *a, void *ptr, size_t size)
{
    return a->realloc(a->ctx, ptr, size);
}

static inline void
ixj__free(const ixj_allocator *a, void *ptr)
{
    if (ptr != NULL)
        a->free(a->ctx, ptr);
}

#endif /* IXJOB_ALLOC_H */
