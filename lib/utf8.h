/* SPDX-License-Identifier: MIT */
/*
 * Strict UTF-8 (RFC 3629, Unicode table 3-7): no overlong forms, no
 * surrogates (U+D800..U+DFFF), nothing above U+10FFFF. One definition,
 * used by the guard on input and by the encoder on output.
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

#endif /* IXJOB_UTF8_H */
