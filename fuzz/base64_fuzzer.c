/* SPDX-License-Identifier: MIT */
/*
 * The command's base64 decoder (HAR bodies with "encoding": "base64").
 * The input is used twice, with no header:
 *   - as bytes: decode(encode(x)) gives x back, and the encoding has the
 *     canonical length and alphabet;
 *   - as text: when the decoder accepts it, encoding what it decoded
 *     gives the text back (with the padding it may have left out), so no
 *     two texts decode to the same bytes; when it refuses it, the text
 *     really is not canonical base64 (checked by a slow reference).
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "common.h"

static bool
is_digit64(uint8_t c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9') || c == '+' || c == '/';
}

static unsigned
value64(uint8_t c)
{
    return c >= 'A' && c <= 'Z'   ? (unsigned)(c - 'A')
           : c >= 'a' && c <= 'z' ? (unsigned)(c - 'a' + 26)
           : c >= '0' && c <= '9' ? (unsigned)(c - '0' + 52)
           : c == '+'             ? 62u
                                  : 63u;
}

/* The reference: canonical base64, padding optional. */
static bool
reference_accepts(const uint8_t *t, size_t n)
{
    size_t pad = 0, digits;
    while (pad < 2 && n - pad > 0 && t[n - pad - 1] == '=')
        pad++;
    digits = n - pad;
    for (size_t i = 0; i < digits; i++)
        if (!is_digit64(t[i]))
            return false;
    if (pad > 0 && n % 4 != 0)
        return false;
    if (digits % 4 == 1)
        return false;
    if (pad > 0 && (digits + pad) % 4 != 0)
        return false;
    /* with padding, exactly what the last group lacks */
    if (pad > 0 && pad != 4 - digits % 4)
        return false;
    /* the unused low bits of a last partial group are zero */
    if (digits % 4 == 2 && (value64(t[digits - 1]) & 0xF) != 0)
        return false;
    if (digits % 4 == 3 && (value64(t[digits - 1]) & 0x3) != 0)
        return false;
    return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t elen = base64_encoded_len(size);
    char *enc = malloc(elen + 1), *text = malloc(size + 1), *again;
    long long n;

    FZ_CHECK(enc != NULL && text != NULL);
    FZ_CHECK(elen % 4 == 0 && elen / 4 * 3 >= size && elen / 4 * 3 < size + 3);

    /* bytes -> text -> bytes */
    base64_encode(data, size, enc);
    for (size_t i = 0; i < elen; i++)
        FZ_CHECK(is_digit64((uint8_t)enc[i]) ||
                 (enc[i] == '=' && i >= elen - 2));
    n = base64_decode(enc, elen);
    FZ_CHECK(n >= 0 && (size_t)n == size);
    FZ_CHECK(size == 0 || memcmp(enc, data, size) == 0);

    /* text -> bytes -> the same text */
    if (size > 0)
        memcpy(text, data, size);
    n = base64_decode(text, size);
    if (n < 0) {
        FZ_CHECK(!reference_accepts(data, size));
    } else {
        size_t len = (size_t)n, back = base64_encoded_len(len);
        size_t digits = size;
        while (digits > 0 && data[digits - 1] == '=')
            digits--;
        FZ_CHECK(reference_accepts(data, size));
        again = malloc(back + 1);
        FZ_CHECK(again != NULL);
        base64_encode((const uint8_t *)text, len, again);
        /* the same digits; padding as given, or none */
        FZ_CHECK(back >= digits && memcmp(again, data, digits) == 0);
        for (size_t i = digits; i < back; i++)
            FZ_CHECK(again[i] == '=');
        FZ_CHECK(size == digits || size == back);
        free(again);
    }
    free(enc);
    free(text);
    return 0;
}
