/* SPDX-License-Identifier: MIT */
/*
 * yajl's memory. yajl 2.1 never checks an allocation result: a NULL from
 * the allocator is dereferenced (lloyd/yajl PR #151). So yajl gets its own
 * allocator functions, which serve it from recycled chunks when they can
 * and from the caller's hooks otherwise, and which never return NULL: when
 * the caller's hook fails, they longjmp back to the guarded call that
 * entered yajl, which then reports IXJ_ERR_NOMEM. yajl holds nothing but
 * memory, so abandoning it mid-call is safe; the pool knows every chunk
 * yajl holds and takes them all back.
 *
 * Recycling is also what makes a warm decoder free of allocator calls:
 * yajl 2.1 cannot be reset, so after an error the handle is dropped and a
 * new one is built from the recycled chunks.
 */
#ifndef IXJOB_YPOOL_H
#define IXJOB_YPOOL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>

#include <yajl/yajl_gen.h>
#include <yajl/yajl_parse.h>

#include <ixjob/ixjob.h>

typedef struct ixj__ychunk ixj__ychunk;

typedef struct ixj__ypool {
    ixj_allocator alloc;    /* the caller's hooks */
    yajl_alloc_funcs funcs; /* what yajl calls */
    ixj__ychunk *live;      /* chunks yajl holds (doubly linked) */
    ixj__ychunk *spare;     /* chunks free for reuse */
    jmp_buf *jump;          /* the guarded call in progress */
} ixj__ypool;

void ixj__ypool_init(ixj__ypool *pool, const ixj_allocator *alloc);

/* Frees every chunk. */
void ixj__ypool_destroy(ixj__ypool *pool);

/* Takes back every chunk yajl holds: the handle that used them is gone. */
void ixj__ypool_reclaim(ixj__ypool *pool);

/* A new yajl handle for these callbacks, configured for the decoder; NULL
 * when memory runs out (nothing leaks). */
yajl_handle ixj__ypool_handle(ixj__ypool *pool, const yajl_callbacks *cb,
                              void *ctx);

/* A new yajl generator that prints through print(ctx, ...); NULL when
 * memory runs out (nothing leaks). With a print callback, generating
 * allocates nothing more. */
yajl_gen ixj__ypool_gen(ixj__ypool *pool, yajl_print_t print, void *ctx);

/* yajl_parse under the guard. Returns false when memory ran out: the
 * handle is then unusable and its chunks are reclaimed. */
bool ixj__ypool_parse(ixj__ypool *pool, yajl_handle h,
                      const unsigned char *text, size_t len,
                      yajl_status *status);

#endif /* IXJOB_YPOOL_H */
