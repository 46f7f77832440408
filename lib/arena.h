/* SPDX-License-Identifier: MIT */
/*
 * The arena that owns a decoded result: a bump allocator over a chain of
 * blocks, plus whole buffers for big strings and big arrays. One call
 * frees everything. Rewinding keeps every block and buffer for reuse, so a
 * warm decoder decodes documents of similar size without calling the
 * allocator at all.
 *
 * Buffers are how arrays grow without existing twice: an array is built
 * in a buffer grown by realloc; when it closes, a small array is copied
 * into the bump blocks (exact size) and its buffer goes back to the spare
 * list, while a big one keeps its buffer, which joins the result.
 */
#ifndef IXJOB_ARENA_H
#define IXJOB_ARENA_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include <ixjob/ixjob.h>

typedef struct ixj__block ixj__block;

struct ixj_arena {
    ixj_allocator alloc;
    ixj__block *head; /* bump blocks, in order of use */
    ixj__block *cur;  /* the block being bumped */
    char *ptr;        /* free space of cur */
    char *end;
    size_t bump_total; /* bytes in all bump blocks */
    ixj__block *kept;  /* buffers that belong to the result, newest first */
    ixj__block *spare; /* buffers free for reuse */
};

/* A position to rewind to, for dropping what was allocated after it. */
typedef struct ixj__arena_mark {
    ixj__block *cur;
    char *ptr;
    ixj__block *kept;
} ixj__arena_mark;

/* Strings longer than this get a buffer of their own. */
#define IXJ__ARENA_BIG 65536u

ixj_arena *ixj__arena_new(const ixj_allocator *alloc);

/* Drops everything allocated, keeping all memory for reuse. */
void ixj__arena_rewind(ixj_arena *a);

/* Releases the spare buffers (before the arena leaves the decoder). */
void ixj__arena_trim(ixj_arena *a);

void ixj__arena_mark_get(const ixj_arena *a, ixj__arena_mark *m);
void ixj__arena_rewind_to(ixj_arena *a, const ixj__arena_mark *m);

/* size bytes aligned for any payload struct member; NULL when out of
 * memory. */
void *ixj__arena_alloc(ixj_arena *a, size_t size);

char *ixj__arena_strdup_slow(ixj_arena *a, const char *text, size_t len);

/* A NUL-terminated copy of len bytes; NULL when out of memory. Strings
 * need no alignment: they take the bytes after the last allocation. */
static inline char *
ixj__arena_strdup(ixj_arena *a, const char *text, size_t len)
{
    char *s = a->ptr;
    if (s == NULL || len >= (size_t)(a->end - s))
        return ixj__arena_strdup_slow(a, text, len);
    a->ptr = s + len + 1;
    memcpy(s, text, len);
    s[len] = '\0';
    return s;
}

/*
 * Buffers. take returns a buffer of at least min_size bytes (a spare one
 * when possible) and its actual size; grow reallocates one that the
 * caller holds (its address may change); keep hands it to the result;
 * drop returns it to the spare list. NULL when out of memory (the held
 * buffer, if any, is then unchanged).
 */
void *ixj__arena_buffer_take(ixj_arena *a, size_t min_size, size_t *size);
void *ixj__arena_buffer_grow(ixj_arena *a, void *data, size_t size);
void ixj__arena_buffer_keep(ixj_arena *a, void *data);
void ixj__arena_buffer_drop(ixj_arena *a, void *data);

/* Bytes obtained from the allocator and still held (for tests and
 * benchmarks). */
size_t ixj__arena_footprint(const ixj_arena *a);

#endif /* IXJOB_ARENA_H */
