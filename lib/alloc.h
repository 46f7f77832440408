/* SPDX-License-Identifier: MIT */
/*
 * Allocator hooks: the libc defaults and thin call helpers. Every
 * allocation of the library goes through an ixj_allocator so that callers
 * can account, cap or fail any of them.
 */
#ifndef IXJOB_ALLOC_H
#define IXJOB_ALLOC_H

#include <stddef.h>

#include <ixjob/ixjob.h>

/* Copies src into dst, or the libc hooks when src is NULL or incomplete. */
void ixj__allocator_set(ixj_allocator *dst, const ixj_allocator *src);

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
