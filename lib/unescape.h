/* SPDX-License-Identifier: MIT */
/* JSON string escapes to UTF-8, for content the guard has validated. */
#ifndef IXJOB_UNESCAPE_H
#define IXJOB_UNESCAPE_H

#include <stddef.h>

/*
 * Decodes the raw content of a JSON string (between the quotes) that the
 * guard accepted: every escape well formed and every \u surrogate paired.
 * Writes at most n bytes to out (an escape never decodes to more bytes
 * than it takes) and returns the number written.
 */
size_t ixj__unescape(const char *in, size_t n, char *out);

#endif /* IXJOB_UNESCAPE_H */
