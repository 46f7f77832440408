/* SPDX-License-Identifier: MIT */
#include "ypool.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

struct ixj__ychunk {
    union {
        struct {
            ixj__ychunk *prev;
            ixj__ychunk *next;
            size_t size; /* data bytes */
        } h;
        /* cppcheck-suppress unusedStructMember ; read never: it aligns the
         * data after the header for any type */
        max_align_t align_;
    } u;
};

#define HEADER sizeof(ixj__ychunk)

static inline void *
chunk_data(ixj__ychunk *c)
{
    return (char *)c + HEADER;
}

static inline ixj__ychunk *
chunk_of(void *data)
{
    return (ixj__ychunk *)(void *)((char *)data - HEADER);
}

static void
link_live(ixj__ypool *pool, ixj__ychunk *c)
{
    c->u.h.prev = NULL;
    c->u.h.next = pool->live;
    if (pool->live != NULL)
        pool->live->u.h.prev = c;
    pool->live = c;
}

static void
unlink_live(ixj__ypool *pool, ixj__ychunk *c)
{
    if (c->u.h.prev != NULL)
        c->u.h.prev->u.h.next = c->u.h.next;
    else
        pool->live = c->u.h.next;
    if (c->u.h.next != NULL)
        c->u.h.next->u.h.prev = c->u.h.prev;
}

static void
push_spare(ixj__ypool *pool, ixj__ychunk *c)
{
    c->u.h.next = pool->spare;
    pool->spare = c;
}

/* The smallest spare chunk of at least size bytes, unlinked; NULL when
 * none. Best fit: a new handle asks for the same sizes as the last one,
 * so it gets the same chunks back and the pool stops growing. */
static ixj__ychunk *
take_spare(ixj__ypool *pool, size_t size)
{
    ixj__ychunk **best = NULL;
    for (ixj__ychunk **link = &pool->spare; *link != NULL;
         link = &(*link)->u.h.next) {
        size_t have = (*link)->u.h.size;
        if (have >= size && (best == NULL || have < (*best)->u.h.size))
            best = link;
    }
    if (best == NULL)
        return NULL;
    {
        ixj__ychunk *c = *best;
        *best = c->u.h.next;
        return c;
    }
}

/* The caller's hook failed inside yajl: leave yajl for good. */
static void
out_of_memory(ixj__ypool *pool)
{
    if (pool->jump == NULL)
        abort(); /* yajl entered outside a guarded call: a library bug */
    longjmp(*pool->jump, 1);
}

static void *
pool_malloc(void *ctx, size_t size)
{
    ixj__ypool *pool = ctx;
    ixj__ychunk *c = take_spare(pool, size);
    if (c == NULL) {
        c = size <= SIZE_MAX - HEADER ? ixj__malloc(&pool->alloc, HEADER + size)
                                      : NULL;
        if (c == NULL)
            out_of_memory(pool);
        c->u.h.size = size;
    }
    link_live(pool, c);
    return chunk_data(c);
}

static void *
pool_realloc(void *ctx, void *data, size_t size)
{
    ixj__ypool *pool = ctx;
    ixj__ychunk *c, *grown;

    if (data == NULL)
        return pool_malloc(ctx, size);
    c = chunk_of(data);
    if (c->u.h.size >= size)
        return data;
    grown = take_spare(pool, size);
    if (grown != NULL) {
        memcpy(chunk_data(grown), data, c->u.h.size);
        unlink_live(pool, c);
        push_spare(pool, c);
        link_live(pool, grown);
        return chunk_data(grown);
    }
    unlink_live(pool, c);
    grown = size <= SIZE_MAX - HEADER
                ? ixj__realloc(&pool->alloc, c, HEADER + size)
                : NULL;
    if (grown == NULL) {
        link_live(pool, c); /* still valid: realloc failed in place */
        out_of_memory(pool);
    }
    grown->u.h.size = size;
    link_live(pool, grown);
    return chunk_data(grown);
}

static void
pool_free(void *ctx, void *data)
{
    ixj__ypool *pool = ctx;
    if (data == NULL)
        return;
    unlink_live(pool, chunk_of(data));
    push_spare(pool, chunk_of(data));
}

void
ixj__ypool_init(ixj__ypool *pool, const ixj_allocator *alloc)
{
    memset(pool, 0, sizeof *pool);
    pool->alloc = *alloc;
    pool->funcs.malloc = pool_malloc;
    pool->funcs.realloc = pool_realloc;
    pool->funcs.free = pool_free;
    pool->funcs.ctx = pool;
}

static void
free_list(ixj__ypool *pool, ixj__ychunk *c)
{
    while (c != NULL) {
        ixj__ychunk *next = c->u.h.next;
        ixj__free(&pool->alloc, c);
        c = next;
    }
}

void
ixj__ypool_destroy(ixj__ypool *pool)
{
    free_list(pool, pool->live);
    free_list(pool, pool->spare);
    pool->live = pool->spare = NULL;
}

void
ixj__ypool_reclaim(ixj__ypool *pool)
{
    while (pool->live != NULL) {
        ixj__ychunk *c = pool->live;
        pool->live = c->u.h.next;
        push_spare(pool, c);
    }
}

yajl_handle
ixj__ypool_handle(ixj__ypool *pool, const yajl_callbacks *cb, void *ctx)
{
    jmp_buf jump;
    yajl_handle h;

    if (setjmp(jump) != 0) {
        pool->jump = NULL;
        ixj__ypool_reclaim(pool);
        return NULL;
    }
    pool->jump = &jump;
    h = yajl_alloc(cb, &pool->funcs, ctx);
    /* The guard validates UTF-8 strictly, so yajl's weaker check is
     * redundant. The guard also decides where a document ends; multiple
     * values let one handle serve document after document. */
    yajl_config(h, yajl_dont_validate_strings, 1);
    yajl_config(h, yajl_allow_multiple_values, 1);
    pool->jump = NULL;
    return h;
}

yajl_gen
ixj__ypool_gen(ixj__ypool *pool, yajl_print_t print, void *ctx)
{
    jmp_buf jump;
    yajl_gen g;

    if (setjmp(jump) != 0) {
        pool->jump = NULL;
        ixj__ypool_reclaim(pool);
        return NULL;
    }
    pool->jump = &jump;
    g = yajl_gen_alloc(&pool->funcs);
    yajl_gen_config(g, yajl_gen_indent_string, "  ");
    yajl_gen_config(g, yajl_gen_print_callback, print,
                    ctx); /* frees its buffer */
    pool->jump = NULL;
    return g;
}

bool
ixj__ypool_parse(ixj__ypool *pool, yajl_handle h, const unsigned char *text,
                 size_t len, yajl_status *status)
{
    jmp_buf jump;

    if (setjmp(jump) != 0) {
        pool->jump = NULL;
        ixj__ypool_reclaim(pool);
        return false;
    }
    pool->jump = &jump;
    *status = yajl_parse(h, text, len);
    pool->jump = NULL;
    return true;
}
