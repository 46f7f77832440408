/* SPDX-License-Identifier: MIT */
#include "arena.h"

#include <stdint.h>
#include <string.h>

#include "alloc.h"

/* Header of a bump block or a buffer; the data that follows is aligned
 * for any type. */
struct ixj__block {
    union {
        struct {
            ixj__block *next;
            size_t size; /* data bytes */
        } h;
        /* cppcheck-suppress unusedStructMember ; read never: it aligns the
         * data after the header for any type */
        max_align_t align_;
    } u;
};

#define HEADER      sizeof(ixj__block)
#define ALIGN       (sizeof(void *) > 8 ? sizeof(void *) : 8)
#define FIRST_BLOCK 4096u
#define MAX_BLOCK   (1024u * 1024u)

static inline char *
block_data(ixj__block *b)
{
    return (char *)b + HEADER;
}

static inline ixj__block *
block_of(void *data)
{
    return (ixj__block *)(void *)((char *)data - HEADER);
}

ixj_arena *
ixj__arena_new(const ixj_allocator *alloc)
{
    ixj_arena *a = ixj__malloc(alloc, sizeof *a);
    if (a == NULL)
        return NULL;
    memset(a, 0, sizeof *a);
    a->alloc = *alloc;
    return a;
}

static void
free_chain(const ixj_allocator *alloc, ixj__block *b)
{
    while (b != NULL) {
        ixj__block *next = b->u.h.next;
        ixj__free(alloc, b);
        b = next;
    }
}

void
ixj_arena_free(ixj_arena *a)
{
    if (a == NULL)
        return;
    free_chain(&a->alloc, a->head);
    free_chain(&a->alloc, a->kept);
    free_chain(&a->alloc, a->spare);
    ixj__free(&a->alloc, a);
}

static void
enter_block(ixj_arena *a, ixj__block *b)
{
    a->cur = b;
    a->ptr = b != NULL ? block_data(b) : NULL;
    a->end = b != NULL ? block_data(b) + b->u.h.size : NULL;
}

/* Moves the kept buffers newer than `stop` to the spare list. */
static void
release_kept(ixj_arena *a, const ixj__block *stop)
{
    while (a->kept != stop) {
        ixj__block *b = a->kept;
        a->kept = b->u.h.next;
        b->u.h.next = a->spare;
        a->spare = b;
    }
}

void
ixj__arena_rewind(ixj_arena *a)
{
    enter_block(a, a->head);
    release_kept(a, NULL);
}

void
ixj__arena_trim(ixj_arena *a)
{
    free_chain(&a->alloc, a->spare);
    a->spare = NULL;
}

void
ixj__arena_mark_get(const ixj_arena *a, ixj__arena_mark *m)
{
    m->cur = a->cur;
    m->ptr = a->ptr;
    m->kept = a->kept;
}

void
ixj__arena_rewind_to(ixj_arena *a, const ixj__arena_mark *m)
{
    if (m->cur == NULL) {
        enter_block(a, a->head);
    } else {
        enter_block(a, m->cur);
        a->ptr = m->ptr;
    }
    release_kept(a, m->kept);
}

/* Moves to a block with room for size bytes: the next retained one when
 * it is big enough, else a new one inserted after the current block.
 * Blocks grow with the arena (a quarter of what it holds, between 4 KiB
 * and 1 MiB) so that the unused tail of a block stays a small share. */
static bool
next_block(ixj_arena *a, size_t size)
{
    ixj__block *next = a->cur != NULL ? a->cur->u.h.next : a->head;
    size_t want;
    ixj__block *b;

    if (next != NULL && next->u.h.size >= size) {
        enter_block(a, next);
        return true;
    }
    want = a->bump_total / 4;
    if (want < FIRST_BLOCK)
        want = FIRST_BLOCK;
    if (want > MAX_BLOCK)
        want = MAX_BLOCK;
    if (want < size)
        want = size;
    b = ixj__malloc(&a->alloc, HEADER + want);
    if (b == NULL)
        return false;
    b->u.h.size = want;
    b->u.h.next = next;
    if (a->cur != NULL)
        a->cur->u.h.next = b;
    else
        a->head = b;
    a->bump_total += want;
    enter_block(a, b);
    return true;
}

void *
ixj__arena_alloc(ixj_arena *a, size_t size)
{
    uintptr_t p = ((uintptr_t)a->ptr + (ALIGN - 1)) & ~(uintptr_t)(ALIGN - 1);
    if (a->ptr == NULL || p > (uintptr_t)a->end ||
        size > (uintptr_t)a->end - p) {
        if (size > SIZE_MAX - HEADER - ALIGN || !next_block(a, size))
            return NULL;
        p = (uintptr_t)a->ptr; /* block data is aligned */
    }
    a->ptr = (char *)p + size;
    return (void *)p;
}

char *
ixj__arena_strdup_slow(ixj_arena *a, const char *text, size_t len)
{
    char *s;
    if (len >= IXJ__ARENA_BIG) {
        size_t size;
        s = ixj__arena_buffer_take(a, len + 1, &size);
        if (s == NULL)
            return NULL;
        ixj__arena_buffer_keep(a, s);
    } else {
        if (!next_block(a, len + 1))
            return NULL;
        s = a->ptr;
        a->ptr += len + 1;
    }
    memcpy(s, text, len);
    s[len] = '\0';
    return s;
}

void *
ixj__arena_buffer_take(ixj_arena *a, size_t min_size, size_t *size)
{
    ixj__block **link = &a->spare;
    ixj__block *b;

    /* First fit among the spares; there are few. */
    for (b = a->spare; b != NULL; link = &b->u.h.next, b = b->u.h.next) {
        if (b->u.h.size >= min_size) {
            *link = b->u.h.next;
            *size = b->u.h.size;
            return block_data(b);
        }
    }
    if (min_size > SIZE_MAX - HEADER)
        return NULL;
    b = ixj__malloc(&a->alloc, HEADER + min_size);
    if (b == NULL)
        return NULL;
    b->u.h.size = min_size;
    *size = min_size;
    return block_data(b);
}

void *
ixj__arena_buffer_grow(ixj_arena *a, void *data, size_t size)
{
    ixj__block *b;
    if (size > SIZE_MAX - HEADER)
        return NULL;
    b = ixj__realloc(&a->alloc, block_of(data), HEADER + size);
    if (b == NULL)
        return NULL;
    b->u.h.size = size;
    return block_data(b);
}

void
ixj__arena_buffer_keep(ixj_arena *a, void *data)
{
    ixj__block *b = block_of(data);
    b->u.h.next = a->kept;
    a->kept = b;
}

void
ixj__arena_buffer_drop(ixj_arena *a, void *data)
{
    ixj__block *b = block_of(data);
    b->u.h.next = a->spare;
    a->spare = b;
}

static size_t
chain_bytes(const ixj__block *b)
{
    size_t n = 0;
    for (; b != NULL; b = b->u.h.next)
        n += HEADER + b->u.h.size;
    return n;
}

size_t
ixj__arena_footprint(const ixj_arena *a)
{
    return sizeof *a + chain_bytes(a->head) + chain_bytes(a->kept) +
           chain_bytes(a->spare);
}
