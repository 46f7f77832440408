/* SPDX-License-Identifier: MIT */
#include "utf8.h"

bool
ixj__utf8_valid(const char *s, size_t n)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + n;
    while (p < end) {
        uint8_t c = *p++, left, lo, hi;
        if (c < 0x80) {
            if (c == 0)
                return false;
            continue;
        }
        if (!ixj__utf8_lead(c, &left, &lo, &hi) || end - p < left)
            return false;
        for (; left > 0; left--, p++) {
            if (*p < lo || *p > hi)
                return false;
            lo = 0x80;
            hi = 0xBF;
        }
    }
    return true;
}
