/* SPDX-License-Identifier: MIT */
#include "scalar.h"

#include "detail.h"

/* Exponents beyond this magnitude are clamped: with at most SIZE_MAX
 * digits of mantissa, any value needing a larger exponent is either 0,
 * not an integer, or far out of range, and clamping keeps the arithmetic
 * below from overflowing. */
#define EXPONENT_CLAMP 1000000000LL

static inline bool
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Where the digits of a number literal lie, as found by read_literal. */
typedef struct literal {
    bool negative;
    const char *int_digits; /* integer part, at least one digit */
    size_t n_int;
    const char *frac_digits; /* fraction part, possibly empty */
    size_t n_frac;
    long long exponent; /* explicit exponent, clamped */
} literal;

/* Splits text into the parts of -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
 * and returns false when it is not such a literal. */
static bool
read_literal(const char *s, size_t n, literal *lit)
{
    size_t i = 0;

    lit->negative = n > 0 && s[0] == '-';
    i = lit->negative;
    if (i == n || !is_digit(s[i]))
        return false;
    lit->int_digits = s + i;
    if (s[i] == '0') {
        i++;
    } else {
        while (i < n && is_digit(s[i]))
            i++;
    }
    lit->n_int = (size_t)(s + i - lit->int_digits);

    lit->frac_digits = s + i;
    lit->n_frac = 0;
    if (i < n && s[i] == '.') {
        size_t start = ++i;
        while (i < n && is_digit(s[i]))
            i++;
        if (i == start)
            return false;
        lit->frac_digits = s + start;
        lit->n_frac = i - start;
    }

    lit->exponent = 0;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        bool exp_negative = false;
        size_t start;
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            exp_negative = s[i++] == '-';
        start = i;
        while (i < n && is_digit(s[i])) {
            if (lit->exponent < EXPONENT_CLAMP)
                lit->exponent = lit->exponent * 10 + (s[i] - '0');
            i++;
        }
        if (i == start)
            return false;
        if (exp_negative)
            lit->exponent = -lit->exponent;
    }
    return i == n;
}

/* The digit at position k of the concatenated integer and fraction
 * digits. */
static inline char
digit_at(const literal *lit, size_t k)
{
    if (k < lit->n_int)
        return lit->int_digits[k];
    return lit->frac_digits[k - lit->n_int];
}

/*
 * The magnitude of a literal when it is an exact integer not above
 * UINT64_MAX. The value is D x 10^E where D is the significant digits
 * (integer and fraction digits without leading and trailing zeros) and E
 * the exponent minus the fraction length plus the trailing zeros dropped.
 * A negative E leaves a fraction, since D's last digit is not 0.
 */
static ixj_status
literal_magnitude(const literal *lit, uint64_t *out, bool *fraction)
{
    size_t total = lit->n_int + lit->n_frac;
    size_t first = 0, last = total;
    long long scale;
    uint64_t value = 0;

    while (first < total && digit_at(lit, first) == '0')
        first++;
    if (first == total) {
        *out = 0; /* every digit is 0: the value is 0 whatever the exponent */
        return IXJ_OK;
    }
    while (digit_at(lit, last - 1) == '0')
        last--;
    /* Digit counts are bounded by the string limit (at most 2^62), so
     * this sum is exact. */
    scale = lit->exponent - (long long)lit->n_frac + (long long)(total - last);
    *fraction = scale < 0;
    if (scale < 0)
        return IXJ_ERR_RANGE;
    if ((long long)(last - first) + scale > 20)
        return IXJ_ERR_RANGE; /* at least 10^20 > UINT64_MAX */
    for (size_t k = first; k < last; k++) {
        uint64_t d = (uint64_t)(digit_at(lit, k) - '0');
        if (value > (UINT64_MAX - d) / 10)
            return IXJ_ERR_RANGE;
        value = value * 10 + d;
    }
    for (long long k = 0; k < scale; k++) {
        if (value > UINT64_MAX / 10)
            return IXJ_ERR_RANGE;
        value *= 10;
    }
    *out = value;
    return IXJ_OK;
}

/* Parses a literal into sign and magnitude; plain decimal integers, by
 * far the common case, take the inline path. */
static ixj_status
text_to_magnitude(const char *s, size_t n, bool *negative, uint64_t *mag,
                  bool *fraction)
{
    literal lit;
    size_t i = n > 0 && s[0] == '-';

    *fraction = false;
    if (ixj__plain_digits(s + i, n - i, mag)) {
        *negative = i == 1;
        return IXJ_OK;
    }
    if (!read_literal(s, n, &lit))
        return IXJ_ERR_NUMBER;
    *negative = lit.negative;
    return literal_magnitude(&lit, mag, fraction);
}

ixj_status
ixj__text_to_u64(const char *text, size_t len, uint64_t *out)
{
    bool negative, fraction;
    uint64_t mag;
    ixj_status st = text_to_magnitude(text, len, &negative, &mag, &fraction);
    if (st != IXJ_OK)
        return st;
    if (negative && mag != 0)
        return IXJ_ERR_RANGE;
    *out = mag;
    return IXJ_OK;
}

ixj_status
ixj__text_to_i64(const char *text, size_t len, int64_t *out)
{
    bool negative, fraction;
    uint64_t mag;
    ixj_status st = text_to_magnitude(text, len, &negative, &mag, &fraction);
    if (st != IXJ_OK)
        return st;
    if (!negative) {
        if (mag > (uint64_t)INT64_MAX)
            return IXJ_ERR_RANGE;
        *out = (int64_t)mag;
    } else {
        if (mag > (uint64_t)INT64_MAX + 1)
            return IXJ_ERR_RANGE;
        /* -(mag - 1) - 1 stays within int64 even for mag == 2^63. */
        *out = mag == 0 ? 0 : -(int64_t)(mag - 1) - 1;
    }
    return IXJ_OK;
}

bool
ixj__is_canonical_unsigned(const char *text, size_t len)
{
    if (len == 0 || !is_digit(text[0]) || (text[0] == '0' && len > 1))
        return false;
    for (size_t i = 1; i < len; i++)
        if (!is_digit(text[i]))
            return false;
    return true;
}

bool
ixj__is_canonical_signed(const char *text, size_t len)
{
    if (len > 0 && text[0] == '-')
        return ixj__is_canonical_unsigned(text + 1, len - 1);
    return ixj__is_canonical_unsigned(text, len);
}

static bool
is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Why text is not a JSON number literal. */
static uint8_t
not_literal_detail(const char *s, size_t n)
{
    size_t i = n > 0 && s[0] == '-';
    if (n == 0)
        return IXJ__D_NUMBER_EMPTY;
    if (is_space(s[0]) || is_space(s[n - 1]))
        return IXJ__D_NUMBER_SPACE;
    if (s[0] == '+')
        return IXJ__D_NUMBER_PLUS;
    if (i + 1 < n && s[i] == '0' && is_digit(s[i + 1]))
        return IXJ__D_NUMBER_LEADING_ZERO;
    return IXJ__D_NUMBER_NOT_LITERAL;
}

/* Why a literal's value does not fit (text is a JSON number literal). */
static uint8_t
range_detail(const char *s, size_t n, bool is_unsigned)
{
    bool negative = false, fraction = false;
    uint64_t mag = 0;
    (void)text_to_magnitude(s, n, &negative, &mag, &fraction);
    if (fraction)
        return IXJ__D_FRACTION;
    if (is_unsigned)
        return negative ? IXJ__D_NEGATIVE_UINT64 : IXJ__D_ABOVE_UINT64;
    return IXJ__D_OUTSIDE_INT64;
}

ixj_status
ixj__integer_field_slow(bool is_unsigned, bool strict, bool is_string,
                        const char *text, size_t len, void *dst,
                        uint8_t *detail)
{
    uint64_t v;
    ixj_status st;

    /* Strict mode: the documented JSON type first (uint64 as a string,
     * int64 as a number), then the canonical form. */
    if (strict && is_string != is_unsigned) {
        *detail =
            is_unsigned ? IXJ__D_STRICT_UINT64_TYPE : IXJ__D_STRICT_INT64_TYPE;
        return IXJ_ERR_TYPE;
    }
    if (ixj__plain_digits(text, len, &v)) { /* canonical in both modes */
        if (is_unsigned) {
            *(uint64_t *)dst = v;
            return IXJ_OK;
        }
        if (v <= INT64_MAX) {
            *(int64_t *)dst = (int64_t)v;
            return IXJ_OK;
        }
        *detail = IXJ__D_OUTSIDE_INT64;
        return IXJ_ERR_RANGE;
    }
    if (strict && !(is_unsigned ? ixj__is_canonical_unsigned(text, len)
                                : ixj__is_canonical_signed(text, len))) {
        literal lit;
        *detail = read_literal(text, len, &lit)
                      ? (is_unsigned ? IXJ__D_STRICT_UINT64_FORM
                                     : IXJ__D_STRICT_INT64_FORM)
                      : not_literal_detail(text, len);
        return IXJ_ERR_NUMBER;
    }
    st = is_unsigned ? ixj__text_to_u64(text, len, dst)
                     : ixj__text_to_i64(text, len, dst);
    if (st == IXJ_ERR_NUMBER)
        *detail = not_literal_detail(text, len);
    else if (st == IXJ_ERR_RANGE)
        *detail = range_detail(text, len, is_unsigned);
    return st;
}
