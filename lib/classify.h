/* SPDX-License-Identifier: MIT */
/*
 * Classifying bytes 64 at a time: the guard's string lexer asks where the
 * next byte is that ends a run of plain string content (a quote, a
 * backslash, a control character or a non-ASCII byte), and gets the answer
 * for a whole 64-byte window as a bit mask, which serves the following
 * tokens too. SSE2 (every x86-64) compares 16 bytes per instruction; other
 * machines, and builds configured with --disable-simd, use a portable
 * version that works on 8 bytes at a time in a 64-bit word (SWAR).
 */
#ifndef IXJOB_CLASSIFY_H
#define IXJOB_CLASSIFY_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "compiler.h"

#if defined(__SSE2__) && !defined(IXJ_NO_SIMD)
#define IXJ__SIMD_SSE2 1
#include <emmintrin.h>
#endif

#ifdef IXJ__SIMD_SSE2
/* Bit i of the result: byte i of the 16 at p is special. */
static IXJ__INLINE uint64_t
ixj__specials16(const uint8_t *p)
{
    const __m128i flip = _mm_set1_epi8(0x02);
    const __m128i backslash = _mm_set1_epi8('\\');
    const __m128i limit = _mm_set1_epi8(0x21);
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    /* Flipping bit 1 maps the quote (0x22) to 0x20 and keeps 0x00-0x1F
     * among themselves, while every other byte stays above 0x20: one
     * signed compare "< 0x21" then finds quotes, control characters and
     * (bytes >= 0x80 are negative) every non-ASCII byte. */
    __m128i hit = _mm_or_si128(_mm_cmplt_epi8(_mm_xor_si128(v, flip), limit),
                               _mm_cmpeq_epi8(v, backslash));
    return (uint64_t)(unsigned)_mm_movemask_epi8(hit);
}

static IXJ__INLINE uint64_t
ixj__specials64_full(const uint8_t *p)
{
    return ixj__specials16(p) | ixj__specials16(p + 16) << 16 |
           ixj__specials16(p + 32) << 32 | ixj__specials16(p + 48) << 48;
}
#else
/* One bit per byte (in the byte's top bit) for the specials of a word. */
static IXJ__INLINE uint64_t
ixj__specials8(uint64_t v)
{
    const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
    uint64_t q = v ^ (ones * '"'), b = v ^ (ones * '\\');
    /* a byte of x is zero iff the top bit of ((x | high) - ones) is clear
     * while the byte's own top bit is clear too */
    uint64_t is_quote = ~((q | high) - ones) & ~q & high;
    uint64_t is_backslash = ~((b | high) - ones) & ~b & high;
    /* below 0x20: (v | high) - 0x20 per byte borrows out of the top bit */
    uint64_t is_control = ~((v | high) - ones * 0x20) & high;
    return is_quote | is_backslash | is_control | (v & high);
}

/* Gathers the top bit of each byte of x into 8 bits. */
static IXJ__INLINE uint64_t
ixj__top_bits(uint64_t x)
{
    return ((x >> 7) * 0x0102040810204080u) >> 56;
}

static IXJ__INLINE uint64_t
ixj__specials64_full(const uint8_t *p)
{
    uint64_t mask = 0;
    for (int i = 0; i < 8; i++) {
        uint64_t v;
        memcpy(&v, p + 8 * i, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        v = __builtin_bswap64(v);
#endif
        mask |= ixj__top_bits(ixj__specials8(v)) << (8 * i);
    }
    return mask;
}
#endif

/*
 * The specials among the `avail` bytes at p (bit i for byte i), with every
 * bit from avail on set: the end of the input stops a search like a
 * special byte does. Reads only the avail bytes when there are fewer
 * than 64.
 */
static IXJ__INLINE uint64_t
ixj__specials64(const uint8_t *p, size_t avail)
{
    uint8_t tail[64];
    if (IXJ__LIKELY(avail >= 64))
        return ixj__specials64_full(p);
    memset(tail, 'x', sizeof tail);
    memcpy(tail, p, avail);
    return ixj__specials64_full(tail) | (~(uint64_t)0 << avail);
}

#endif /* IXJOB_CLASSIFY_H */
