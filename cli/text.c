/* SPDX-License-Identifier: MIT */
#include "text.h"

#include <stdbool.h>
#include <stdint.h>

#include "utf8.h"

/* The length of the strict UTF-8 sequence at s (1 to 4) and its code
 * point, or 0 when the bytes at s are not one. */
static size_t
next_code_point(const uint8_t *s, size_t len, uint32_t *cp)
{
    uint8_t left, lo, hi;
    uint32_t value;

    if (s[0] < 0x80) {
        *cp = s[0];
        return 1;
    }
    if (!ixj__utf8_lead(s[0], &left, &lo, &hi) || len <= left)
        return 0;
    value = s[0] & (0x3Fu >> left);
    for (size_t i = 1; i <= left; i++) {
        if (s[i] < lo || s[i] > hi)
            return 0;
        value = (value << 6) | (s[i] & 0x3Fu);
        lo = 0x80;
        hi = 0xBF;
    }
    *cp = value;
    return (size_t)left + 1;
}

/* Code points that must not reach a terminal or a report as they are:
 * controls, and the formatting characters that reorder text (which could
 * make a path or URL read as something else). */
static bool
is_unsafe(uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
           cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

void
text_put_safe(FILE *out, const char *s, size_t len)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    while (p < end) {
        uint32_t cp;
        size_t n = next_code_point(p, (size_t)(end - p), &cp);
        if (n == 0 || is_unsafe(cp)) {
            size_t bad = n == 0 ? 1 : n;
            for (size_t i = 0; i < bad; i++)
                fprintf(out, "\\x%02X", p[i]);
            p += bad;
            continue;
        }
        fwrite(p, 1, n, out);
        p += n;
    }
}

void
text_put_json(FILE *out, const char *s, size_t len)
{
    const uint8_t *p = (const uint8_t *)s, *end = p + len;
    putc('"', out);
    while (p < end) {
        uint32_t cp;
        size_t n = next_code_point(p, (size_t)(end - p), &cp);
        if (n == 0) {
            fputs("\\uFFFD", out);
            p++;
            continue;
        }
        if (cp == '"' || cp == '\\') {
            putc('\\', out);
            putc((int)cp, out);
        } else if (cp == '\n') {
            fputs("\\n", out);
        } else if (cp == '\t') {
            fputs("\\t", out);
        } else if (is_unsafe(cp)) {
            fprintf(out, "\\u%04X", (unsigned)cp);
        } else {
            fwrite(p, 1, n, out);
        }
        p += n;
    }
    putc('"', out);
}
