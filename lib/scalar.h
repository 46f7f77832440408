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

#include <ixjob/ixjob.h>

/*
 * Returns IXJ_OK and stores the value; IXJ_ERR_NUMBER when the text is not
 * a JSON number literal (RFC 8259 section 6: no '+', no leading zeros, no
 * spaces, digits on both sides of '.', ASCII only); IXJ_ERR_RANGE when the
 * literal's value is not an integer or does not fit. `-0` is 0.
 */
ixj_status ixj__text_to_u64(const char *text, size_t len, uint64_t *out);
ixj_status ixj__text_to_i64(const char *text, size_t len, int64_t *out);

/* The common case, inline: text is 0 or [1-9][0-9]{0,18} (no sign, no
 * leading zero, at most 19 digits, so no overflow). Returns false for
 * anything else, which the functions above then decide. */
static inline bool
ixj__plain_digits(const char *text, size_t len, uint64_t *out)
{
    uint64_t v = 0;
    if (len == 0 || len > 19 || (text[0] == '0' && len > 1))
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned d = (unsigned)(text[i] - '0');
        if (d > 9)
            return false;
        v = v * 10 + d;
    }
    *out = v;
    return true;
}

/* True when text matches 0|[1-9][0-9]* (strict mode's uint64 strings). */
bool ixj__is_canonical_unsigned(const char *text, size_t len);

/* True when text matches -?(0|[1-9][0-9]*) (strict mode's int64 numbers). */
bool ixj__is_canonical_signed(const char *text, size_t len);

#endif /* IXJOB_SCALAR_H */
