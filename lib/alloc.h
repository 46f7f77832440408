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

/*
 * Room for `need` elements of elem bytes in a buffer of *cap elements at
 * ptr (NULL when empty), grown by doubling from at least 64 bytes' worth.
 * Returns the buffer (moved, perhaps) and updates *cap; NULL when out of
 * memory or when the size would overflow, leaving ptr and *cap as they
 * were.
 */
void *ixj__grow(const ixj_allocator *a, void *ptr, size_t *cap, size_t need,
                size_t elem);

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
