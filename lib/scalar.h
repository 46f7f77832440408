/* SPDX-License-Identifier: MIT */
/*
 * Integer values from JSON text, locale-free and without libc's strto*
 * family (curl's rule for untrusted input): the text of a JSON number
 * token, or the text inside a JSON string, becomes an int64 or a uint64
 * only when it is a JSON number literal with an exact integer value in
 * range (ProtoJSON: `40`, `4e1`, `40.0` and `"40"` are all 40).
 */
#ifndef IXJOB_SCALAR_H
#define IXJOB_SCALAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <ixjob/ixjob.h>

/*
 * Returns IXJ_OK and stores the value; IXJ_ERR_NUMBER when the text is not
 * a JSON number literal (RFC 8259 section 6: no '+', no leading zeros, no
 * spaces, digits on both sides of '.', ASCII only); IXJ_ERR_RANGE when the
 * literal's value is not an integer or does not fit. `-0` is 0.
 */
ixj_status ixj__text_to_u64(const char *text, size_t len, uint64_t *out);
ixj_status ixj__text_to_i64(const char *text, size_t len, int64_t *out);

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* Eight ASCII digits in a word (the first digit in the lowest byte) as a
 * number, or -1 when one is not a digit, in a few word operations: the
 * digits are checked all at once (a byte outside '0'..'9' sets its high
 * bit in b + 0x46 or in b - 0x30), then combined pairwise: 8 one-digit
 * lanes, 4 two-digit, 2 four-digit, 1. */
static inline int64_t
ixj__digits8(uint64_t v)
{
    if (((v + 0x4646464646464646u) | (v - 0x3030303030303030u)) &
        0x8080808080808080u)
        return -1;
    v -= 0x3030303030303030u;
    v = (v * 10 + (v >> 8)) & 0x00FF00FF00FF00FFu;
    v = (v * 100 + (v >> 16)) & 0x0000FFFF0000FFFFu;
    v = (v * 10000 + (v >> 32)) & 0xFFFFFFFFu;
    return (int64_t)v;
}

/* Eight ASCII digits at s as a number, or -1. */
static inline int64_t
ixj__eight_digits(const char *s)
{
    uint64_t v;
    memcpy(&v, s, 8);
    return ixj__digits8(v);
}
#else
static inline int64_t
ixj__eight_digits(const char *s)
{
    int64_t v = 0;
    for (int i = 0; i < 8; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (d > 9)
            return -1;
        v = v * 10 + d;
    }
    return v;
}
#endif

/* The common case, inline: text is 0 or [1-9][0-9]{0,19} and fits in 64
 * bits (no sign, no leading zero). Returns false for anything else, which
 * the functions above then decide. The digits before the last multiple
 * of eight are read one at a time, the rest eight at a time. */
static inline bool
ixj__plain_digits(const char *text, size_t len, uint64_t *out)
{
    uint64_t v = 0;
    size_t i = 0, head = len & 7;
    if (len - 1 >= 20 || (text[0] == '0' && len > 1))
        return false; /* empty, longer than UINT64_MAX's 20 digits, 0... */
    for (; i < head; i++) {
        unsigned d = (unsigned)(text[i] - '0');
        if (d > 9)
            return false;
        v = v * 10 + d;
    }
    for (; i < len; i += 8) {
        int64_t chunk = ixj__eight_digits(text + i);
        if (chunk < 0)
            return false;
        /* only 20 digits can overflow, at their last chunk */
        if (len == 20 && i + 8 == len &&
            v > (UINT64_MAX - (uint64_t)chunk) / 100000000u)
            return false;
        v = v * 100000000u + (uint64_t)chunk;
    }
    *out = v;
    return true;
}

/* The slow half of ixj__integer_field (scalar.c). */
ixj_status ixj__integer_field_slow(bool is_unsigned, bool strict,
                                   bool is_string, const char *text, size_t len,
                                   void *dst, uint8_t *detail);

/*
 * The value of an integer field, by the rules of the decoding policy: in
 * default mode (ProtoJSON) a number, or a string holding a number literal,
 * with an exact integer value in range; in strict mode a uint64 only as a
 * string matching 0|[1-9][0-9]* and an int64 only as a number matching
 * -?(0|[1-9][0-9]*), the JSON type checked first (IXJ_ERR_TYPE), then the
 * form (IXJ_ERR_NUMBER), then the range (IXJ_ERR_RANGE). is_string tells
 * which JSON type carried the text (the caller refuses the other types).
 * Stores the value in *(uint64_t *) or *(int64_t *)dst, or returns the
 * error with an ixj__detail id in *detail. Plain digits in the documented
 * JSON type, by far the common case, are decided inline.
 */
static inline ixj_status
ixj__integer_field(bool is_unsigned, bool strict, bool is_string,
                   const char *text, size_t len, void *dst, uint8_t *detail)
{
    uint64_t v;
    if (is_string == is_unsigned && ixj__plain_digits(text, len, &v) &&
        (is_unsigned || v <= INT64_MAX)) {
        if (is_unsigned)
            *(uint64_t *)dst = v;
        else
            *(int64_t *)dst = (int64_t)v;
        return IXJ_OK;
    }
    return ixj__integer_field_slow(is_unsigned, strict, is_string, text, len,
                                   dst, detail);
}

/* True when text matches 0|[1-9][0-9]* (strict mode's uint64 strings). */
bool ixj__is_canonical_unsigned(const char *text, size_t len);

/* True when text matches -?(0|[1-9][0-9]*) (strict mode's int64 numbers). */
bool ixj__is_canonical_signed(const char *text, size_t len);

#endif /* IXJOB_SCALAR_H */
