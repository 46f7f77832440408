/* SPDX-License-Identifier: MIT */
#include "unescape.h"

#include <stdint.h>
#include <string.h>

static unsigned
hex4(const char *s)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char c = (unsigned char)s[i];
        v = v * 16 + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

static char *
put_utf8(char *out, uint32_t cp)
{
    if (cp < 0x80) {
        *out++ = (char)cp;
    } else if (cp < 0x800) {
        *out++ = (char)(0xC0 | (cp >> 6));
        *out++ = (char)(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        *out++ = (char)(0xE0 | (cp >> 12));
        *out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *out++ = (char)(0x80 | (cp & 0x3F));
    } else {
        *out++ = (char)(0xF0 | (cp >> 18));
        *out++ = (char)(0x80 | ((cp >> 12) & 0x3F));
        *out++ = (char)(0x80 | ((cp >> 6) & 0x3F));
        *out++ = (char)(0x80 | (cp & 0x3F));
    }
    return out;
}

size_t
ixj__unescape(const char *in, size_t n, char *out)
{
    const char *end = in + n;
    char *start = out;

    while (in < end) {
        const char *bs = memchr(in, '\\', (size_t)(end - in));
        size_t plain = (size_t)((bs != NULL ? bs : end) - in);
        memmove(out, in, plain);
        out += plain;
        in += plain;
        if (bs == NULL)
            break;
        switch (in[1]) {
        case 'b':
            *out++ = '\b';
            break;
        case 'f':
            *out++ = '\f';
            break;
        case 'n':
            *out++ = '\n';
            break;
        case 'r':
            *out++ = '\r';
            break;
        case 't':
            *out++ = '\t';
            break;
        case 'u': {
            uint32_t cp = hex4(in + 2);
            if (cp >= 0xD800 && cp <= 0xDBFF) { /* a pair: \uD8xx\uDCxx */
                cp = 0x10000 + ((cp - 0xD800) << 10) + (hex4(in + 8) - 0xDC00);
                in += 6;
            }
            out = put_utf8(out, cp);
            in += 6;
            continue;
        }
        default: /* '"', '\\', '/' */
            *out++ = in[1];
            break;
        }
        in += 2;
    }
    return (size_t)(out - start);
}
