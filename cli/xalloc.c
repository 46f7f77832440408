/* SPDX-License-Identifier: MIT */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>

static _Noreturn void
out_of_memory(void)
{
    fputs("ixjob: out of memory\n", stderr);
    exit(2);
}

void *
xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (p == NULL)
        out_of_memory();
    return p;
}

void *
xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (p == NULL)
        out_of_memory();
    return p;
}

static void *
yajl_malloc_hook(void *ctx, size_t size)
{
    (void)ctx;
    return xmalloc(size);
}

static void *
yajl_realloc_hook(void *ctx, void *ptr, size_t size)
{
    (void)ctx;
    return xrealloc(ptr, size);
}

static void
yajl_free_hook(void *ctx, void *ptr)
{
    (void)ctx;
    free(ptr);
}

const yajl_alloc_funcs xalloc_yajl = {yajl_malloc_hook, yajl_realloc_hook,
                                      yajl_free_hook, NULL};
