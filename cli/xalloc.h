/* SPDX-License-Identifier: MIT */
/*
 * Allocation that never returns NULL, for code that cannot fail cleanly
 * (yajl 2.1 never checks what its allocator returns, so a NULL there is a
 * crash): when memory runs out, "ixjob: out of memory" goes to standard
 * error and the process exits with status 2, as for any input it could
 * not read. What was already written to standard output stays written.
 */
#ifndef IXJOB_CLI_XALLOC_H
#define IXJOB_CLI_XALLOC_H

#include <stddef.h>

#include <yajl/yajl_common.h>

void *xmalloc(size_t size);
void *xrealloc(void *ptr, size_t size);

/* yajl's allocator hooks, on xmalloc and xrealloc. */
extern const yajl_alloc_funcs xalloc_yajl;

#endif /* IXJOB_CLI_XALLOC_H */
