/* SPDX-License-Identifier: MIT */
/* Small byte helpers for hot paths. */
#ifndef IXJOB_BYTES_H
#define IXJOB_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Equality of n bytes. Keys and enum literals are short: whole-word
 * compares (overlapping at the tail) beat a call to memcmp. Reads only
 * bytes [0, n) of both. */
static inline bool
ixj__same_bytes(const char *a, const char *b, size_t n)
{
    uint64_t x, y;
    if (n >= 8) {
        size_t i;
        for (i = 0; i + 8 < n; i += 8) {
            memcpy(&x, a + i, 8);
            memcpy(&y, b + i, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, a + n - 8, 8);
        memcpy(&y, b + n - 8, 8);
        return x == y;
    }
    if (n >= 4) {
        uint32_t u, v, s, t;
        memcpy(&u, a, 4);
        memcpy(&v, b, 4);
        memcpy(&s, a + n - 4, 4);
        memcpy(&t, b + n - 4, 4);
        return u == v && s == t;
    }
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

#endif /* IXJOB_BYTES_H */
