/* SPDX-License-Identifier: MIT */
#include "base64.h"

#include <stdint.h>

static const char digits[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* The 6-bit value of a base64 digit, or -1. */
static int
digit_value(unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return c - 'A';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 26;
    if (c >= '0' && c <= '9')
        return c - '0' + 52;
    if (c == '+')
        return 62;
    if (c == '/')
        return 63;
    return -1;
}

long long
base64_decode(char *text, size_t len)
{
    size_t out = 0, digits_in_group = 0;
    uint32_t bits = 0;

    /* padding: at most two '=' at the end, completing a group of four */
    size_t pad = 0;
    while (pad < 2 && len > 0 && text[len - 1] == '=') {
        len--;
        pad++;
    }
    if (pad > 0 && (len + pad) % 4 != 0)
        return -1;
    for (size_t i = 0; i < len; i++) {
        int v = digit_value((unsigned char)text[i]);
        if (v < 0)
            return -1;
        bits = (bits << 6) | (uint32_t)v;
        if (++digits_in_group == 4) {
            text[out++] = (char)(bits >> 16);
            text[out++] = (char)(bits >> 8 & 0xFF);
            text[out++] = (char)(bits & 0xFF);
            bits = 0;
            digits_in_group = 0;
        }
    }
    /* a last group of 2 or 3 digits holds 1 or 2 bytes; its unused low
     * bits must be zero (else another text decodes the same) */
    if (digits_in_group == 1)
        return -1;
    if (digits_in_group == 2) {
        if (bits & 0xF)
            return -1;
        text[out++] = (char)(bits >> 4);
    } else if (digits_in_group == 3) {
        if (bits & 0x3)
            return -1;
        text[out++] = (char)(bits >> 10);
        text[out++] = (char)(bits >> 2 & 0xFF);
    }
    return (long long)out;
}

size_t
base64_encoded_len(size_t len)
{
    return (len + 2) / 3 * 4;
}

void
base64_encode(const unsigned char *data, size_t len, char *out)
{
    size_t i = 0;
    for (; i + 3 <= len; i += 3) {
        uint32_t v =
            (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8 | data[i + 2];
        *out++ = digits[v >> 18];
        *out++ = digits[v >> 12 & 63];
        *out++ = digits[v >> 6 & 63];
        *out++ = digits[v & 63];
    }
    if (len - i == 1) {
        uint32_t v = (uint32_t)data[i] << 16;
        *out++ = digits[v >> 18];
        *out++ = digits[v >> 12 & 63];
        *out++ = '=';
        *out++ = '=';
    } else if (len - i == 2) {
        uint32_t v = (uint32_t)data[i] << 16 | (uint32_t)data[i + 1] << 8;
        *out++ = digits[v >> 18];
        *out++ = digits[v >> 12 & 63];
        *out++ = digits[v >> 6 & 63];
        *out++ = '=';
    }
}
