/* SPDX-License-Identifier: MIT */
/*
 * Standard base64 (RFC 4648 section 4), as HAR captures use it for binary
 * response bodies.
 */
#ifndef IXJOB_CLI_BASE64_H
#define IXJOB_CLI_BASE64_H

#include <stddef.h>

/*
 * Decodes base64 text in place. Padding is optional, but when present it
 * completes the last group of four; no other byte (no whitespace, no
 * URL-safe digits) is allowed, and the unused low bits of a last partial
 * group must be zero, so that one byte string has one text. Returns the
 * decoded length, or -1 when the text is not base64 (text is then
 * partly overwritten).
 */
long long base64_decode(char *text, size_t len);

/* The length of the padded encoding of len bytes (a multiple of 4). */
size_t base64_encoded_len(size_t len);

/* Writes the padded encoding of len bytes to out, which has room for
 * base64_encoded_len(len) bytes (no NUL is written). */
void base64_encode(const unsigned char *data, size_t len, char *out);

#endif /* IXJOB_CLI_BASE64_H */
