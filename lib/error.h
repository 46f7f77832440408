/* SPDX-License-Identifier: MIT */
/* JSON path text for error records. */
#ifndef IXJOB_ERROR_H
#define IXJOB_ERROR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

/*
 * Path segments. Each writes its text at out (when out is not NULL) and
 * returns its length, so a path is measured in one pass and written in a
 * second. A key is `.key` when it matches [A-Za-z_][A-Za-z0-9_]*, else
 * `['key']` with ' and \ escaped by a backslash and control characters
 * (C0, DEL and C1) written as \u00XX.
 */
size_t ixj__path_root(char *out); /* "$" */
size_t ixj__path_key(char *out, const char *key, size_t len);
size_t ixj__path_index(char *out, uint64_t index);

/* Writes a whole path at out (when not NULL) and returns its length: a
 * walker over the caller's own state (the decoder's frames, the
 * encoder's steps), called twice: to measure, then to write. */
typedef size_t (*ixj__path_writer)(const void *ctx, char *out);

/*
 * Sets an error record: the code with its message and detail (an
 * ixj__detail id), the position, and the path the writer gives, rendered
 * into *buf (of *cap bytes, grown with a as needed). When even the path
 * finds no memory, the record says IXJ_ERR_NOMEM at "$" instead, and the
 * function returns false.
 */
bool ixj__error_set(ixj_error *e, ixj_status code, unsigned detail,
                    uint64_t offset, uint64_t line, uint64_t column,
                    ixj__path_writer write, const void *ctx,
                    const ixj_allocator *a, char **buf, size_t *cap);

/* A record of no error: IXJ_OK, empty path and detail. */
void ixj__error_clear(ixj_error *e);

#endif /* IXJOB_ERROR_H */
