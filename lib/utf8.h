/* SPDX-License-Identifier: MIT */
/*
 * Strict UTF-8 (RFC 3629, Unicode table 3-7): no overlong forms, no
 * surrogates (U+D800..U+DFFF), nothing above U+10FFFF; and the hex digits
 * of \u escapes. One definition, used by the guard on input, by the
 * encoder on output and by the command's HAR reader.
 */
#ifndef IXJOB_UTF8_H
#define IXJOB_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* For a lead byte c >= 0x80: the continuation bytes that must follow and
 * the range of the first of them (the others are 0x80..0xBF). False for
 * a byte that cannot start a sequence. */
static inline bool
ixj__utf8_lead(uint8_t c, uint8_t *left, uint8_t *lo, uint8_t *hi)
{
    if (c < 0xC2 || c > 0xF4)
        return false;
    *lo = 0x80;
    *hi = 0xBF;
    if (c < 0xE0) {
        *left = 1;
    } else if (c < 0xF0) {
        *left = 2;
        if (c == 0xE0)
            *lo = 0xA0; /* no overlong 3-byte forms */
        else if (c == 0xED)
            *hi = 0x9F; /* no surrogates */
    } else {
        *left = 3;
        if (c == 0xF0)
            *lo = 0x90; /* no overlong 4-byte forms */
        else if (c == 0xF4)
            *hi = 0x8F; /* nothing above U+10FFFF */
    }
    return true;
}

/* True when n bytes are strict UTF-8 with no U+0000. */
bool ixj__utf8_valid(const char *s, size_t n);

/* The value of a hex digit of a \u escape (either case), or -1. */
static inline int
ixj__hex_value(uint8_t c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

#endif /* IXJOB_UTF8_H */
