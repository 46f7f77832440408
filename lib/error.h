/* SPDX-License-Identifier: MIT */
/* JSON path text for error records. */
#ifndef IXJOB_ERROR_H
#define IXJOB_ERROR_H

#include <stddef.h>
#include <stdint.h>

/*
 * Path segments. Each writes its text at out (when out is not NULL) and
 * returns its length, so a path is measured in one pass and written in a
 * second. A key is `.key` when it matches [A-Za-z_][A-Za-z0-9_]*, else
 * `['key']` with ' and \ escaped by a backslash and control characters
 * (C0, DEL and C1) written as \u00XX.
 */
size_t ixj__path_key(char *out, const char *key, size_t len);
size_t ixj__path_index(char *out, uint64_t index);

#endif /* IXJOB_ERROR_H */
