/* SPDX-License-Identifier: MIT */
/*
 * differential_fuzzer: the decoder against a slow path written here.
 *
 * For a document that yajl judges to be JSON, the library decodes it
 * (ixj_decode, default limits, the type from header byte 0, common.h) in
 * default and in strict mode, and a slow path judges it: yajl_tree builds
 * the DOM, and every value is checked directly against the policy of
 * <ixjob/ixjob.h>, <ixjob/types.h> and tests/corpus/README.md: key names
 * and lowerCamelCase aliases (default mode only; the alias of every field
 * is recomputed from its name and checked against the field list), JSON
 * types, enum literals (unknown ones kept in default mode, refused in
 * strict mode), uint64 and int64 in both modes (exact integers, number
 * and string forms, canonical strings in strict mode, ranges), booleans,
 * RFC 3339 timestamps (grammar, calendar dates, offsets, the
 * 0001..9999 range after the offset), duplicate keys (a name and its
 * alias are the same key; unknown keys and the any type are not checked),
 * unknown keys (counted, or refused in strict mode), null (absent in a
 * field, refused in an array), the error body's required id and message
 * in strict mode, auto-detection by the first key that belongs to a type,
 * a top level that must be an object, strict UTF-8 in every string and
 * key, and the default depth and number limits. The first error in
 * document order wins; for one token, the text checks (UTF-8, number
 * length, nesting depth) come before its type, as the guard sees the
 * token before the decoder does (a top-level value of a schema type that
 * is not an object is a type error before anything else).
 *
 * The two must agree: both valid with the same rendering (type, counts
 * of unknown keys and unrecognized enums, every present value in table
 * order), or both invalid with the same code and path. Positions are not
 * compared: the DOM has none.
 *
 * Rules added after 0.1.0 (FZD_RULES below): a top-level object under
 * IXJ_TYPE_AUTO in which no key identifies a type fails with
 * IXJ_ERR_UNIDENTIFIED at `$` (at the closing brace), and, in strict mode,
 * null as a field value is IXJ_ERR_TYPE. The slow path applies both
 * (FZD_RULE_UNIDENTIFIED, FZD_RULE_STRICT_NULL). FZD_TOLERATE could
 * forgive a library that lacks them; it is 0: the library has both.
 *
 * What yajl_tree cannot judge, and what is done about it:
 *   - Text that yajl's parser rejects (comments are off for that check,
 *     whereas yajl_tree_parse allows them), text holding a raw NUL byte
 *     (yajl_tree_parse reads a NUL-terminated string), and text that ends
 *     inside a string (yajl takes `1 "abc` for the value 1: a trailing
 *     token that is still open at the end is not seen as garbage): not
 *     judged; the other targets cover syntax.
 *   - yajl takes \f and \v for whitespace, RFC 8259 does not: when they
 *     occur outside strings, the library must fail; the code is not
 *     compared (an earlier value error may come first).
 *   - Surrogate escapes: yajl_tree turns a lone high surrogate into '?',
 *     pairs a high surrogate with whatever \u escape follows, and writes
 *     a lone low one as three bytes. Any escape that is not half of a
 *     high-low pair makes the library fail; the code is not compared.
 *   - \u0000: yajl_tree's strings end at the first U+0000. A schema type
 *     must fail (the code is not compared); the any type accepts it, and
 *     then the whole text is checked for UTF-8, since the DOM does not
 *     show what follows the NUL.
 *   - UTF-8: yajl accepts overlong forms, encoded surrogates and code
 *     points above U+10FFFF; not an exclusion: the slow path checks every
 *     DOM string and key itself.
 *   - Numbers: yajl_tree converts them, but keeps their text, which the
 *     slow path reads; duplicate keys: yajl_tree keeps them, in order.
 *   - The string and document limits (raw bytes, positions): the
 *     defaults (1 MiB, none) are out of reach of max_len; corpus cases
 *     that set them are not judged.
 *   - yajl before Debian's fix for CVE-2023-33460 (the GitHub tag 2.1.0
 *     that OSS-Fuzz builds) leaks the tree of a text it rejects, and
 *     before the fix for CVE-2017-16516 reads past a string that ends in
 *     a high surrogate escape: yajl_tree_parse only ever sees text that
 *     a plain yajl parse accepted and whose surrogates pair up.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>
#include <yajl/yajl_tree.h>

#include "common.h"
#include "differential.h"
#include "model.h"

/* ---------------------------------------------------------------------- */
/* The pending rules: the switch                                           */
/* ---------------------------------------------------------------------- */

/* The rules the slow path applies. */
#define FZD_RULES (FZD_RULE_UNIDENTIFIED | FZD_RULE_STRICT_NULL)
/* The rules whose absence from the library is forgiven: none. */
#define FZD_TOLERATE 0u

const unsigned fzd_rules = FZD_RULES, fzd_tolerate = FZD_TOLERATE;

void
fzd_options_init(fzd_options *o, ixj_type type, int strict)
{
    o->type = type;
    o->strict = strict;
    o->rules = FZD_RULES;
    o->max_depth = IXJ_DEFAULT_MAX_DEPTH;
    o->max_number = IXJ_DEFAULT_MAX_NUMBER_BYTES;
    o->max_array = IXJ_DEFAULT_MAX_ARRAY_ELEMENTS;
}

/* ---------------------------------------------------------------------- */
/* Text helpers                                                            */
/* ---------------------------------------------------------------------- */

static void
put_text(fz_buf *b, const char *s)
{
    fz_put(b, s, strlen(s));
}

static void put_fmt(fz_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
put_fmt(fz_buf *b, const char *fmt, ...)
{
    char tmp[128];
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    FZ_CHECK(n >= 0 && (size_t)n < sizeof tmp);
    fz_put(b, tmp, (size_t)n);
}

/* Strict UTF-8: no overlong form, no surrogate, nothing above
 * U+10FFFF. */
static int
utf8_valid(const uint8_t *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        uint8_t c = s[i];
        uint32_t cp;
        size_t n;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07u;
        } else {
            return 0;
        }
        if (len - i <= n)
            return 0;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
            (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
            return 0;
        i += n + 1;
    }
    return 1;
}

/* A string as tests/corpus/README.md renders it: \" \\ \n \t, other
 * C0 controls and DEL as \u00XX, everything else as it is. */
static void
render_string(fz_buf *b, const char *s, size_t len)
{
    fz_put(b, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            fz_put(b, esc, 2);
        } else if (c == '\n') {
            put_text(b, "\\n");
        } else if (c == '\t') {
            put_text(b, "\\t");
        } else if (c < 0x20 || c == 0x7F) {
            put_fmt(b, "\\u%04X", c);
        } else {
            fz_put(b, &s[i], 1);
        }
    }
    fz_put(b, "\"", 1);
}

/* Days from 1970-01-01 to a proleptic Gregorian date. */
static int64_t
days_from_civil(int64_t y, int64_t m, int64_t d)
{
    int64_t era, yoe, doy, doe;
    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = y - era * 400;
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void
civil_from_days(int64_t z, int64_t *y, int64_t *m, int64_t *d)
{
    int64_t era, doe, yoe, doy, mp;
    z += 719468;
    era = (z >= 0 ? z : z - 146096) / 146097;
    doe = z - era * 146097;
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *m = mp < 10 ? mp + 3 : mp - 9;
    *y = yoe + era * 400 + (*m <= 2);
}

/* "YYYY-MM-DDTHH:MM:SS[.fff|.ffffff|.fffffffff]Z (+HH:MM)" */
static void
render_timestamp(fz_buf *b, int64_t seconds, int32_t nanos, int offset)
{
    int64_t days = seconds / 86400, rem = seconds % 86400, y, m, d;
    int off = offset < 0 ? -offset : offset;
    if (rem < 0) {
        rem += 86400;
        days--;
    }
    civil_from_days(days, &y, &m, &d);
    put_fmt(b, "%04lld-%02lld-%02lldT%02lld:%02lld:%02lld", (long long)y,
            (long long)m, (long long)d, (long long)(rem / 3600),
            (long long)(rem / 60 % 60), (long long)(rem % 60));
    if (nanos % 1000000000 != 0) {
        if (nanos % 1000000 == 0)
            put_fmt(b, ".%03d", (int)(nanos / 1000000));
        else if (nanos % 1000 == 0)
            put_fmt(b, ".%06d", (int)(nanos / 1000));
        else
            put_fmt(b, ".%09d", (int)nanos);
    }
    put_fmt(b, "Z (%s%02d:%02d)", offset < 0 ? "-" : "+", off / 60, off % 60);
}

/* ---------------------------------------------------------------------- */
/* The policy, scalar by scalar                                            */
/* ---------------------------------------------------------------------- */

static int
is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Whether text[0, len) is a JSON number (RFC 8259), and if so its parts:
 * sign, digits of the integer part, of the fraction, and the
 * exponent. */
typedef struct number {
    int negative;
    const char *int_digits, *frac_digits;
    size_t n_int, n_frac;
    int plain;        /* no fraction, no exponent */
    int64_t exponent; /* saturated at +-4e9 */
} number;

static int
parse_number(const char *s, size_t len, number *n)
{
    size_t i = 0;
    memset(n, 0, sizeof *n);
    if (i < len && s[i] == '-') {
        n->negative = 1;
        i++;
    }
    if (i >= len || !is_digit(s[i]))
        return 0;
    n->int_digits = s + i;
    if (s[i] == '0') {
        i++;
    } else {
        while (i < len && is_digit(s[i]))
            i++;
    }
    n->n_int = (size_t)(s + i - n->int_digits);
    n->plain = 1;
    if (i < len && s[i] == '.') {
        i++;
        n->frac_digits = s + i;
        while (i < len && is_digit(s[i]))
            i++;
        n->n_frac = (size_t)(s + i - n->frac_digits);
        if (n->n_frac == 0)
            return 0;
        n->plain = 0;
    }
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        int neg = 0;
        size_t start;
        i++;
        if (i < len && (s[i] == '+' || s[i] == '-'))
            neg = s[i++] == '-';
        start = i;
        while (i < len && is_digit(s[i])) {
            if (n->exponent < INT64_C(4000000000))
                n->exponent = n->exponent * 10 + (s[i] - '0');
            i++;
        }
        if (i == start)
            return 0;
        if (neg)
            n->exponent = -n->exponent;
        n->plain = 0;
    }
    return i == len;
}

/* The exact integer a number stands for: 1 with its magnitude (and sign)
 * when it is an integer whose magnitude fits in 64 bits, else 0 (not an
 * integer, or too large). */
static int
number_integer(const number *n, uint64_t *mag)
{
    char digits[64];
    size_t nd = 0;
    int64_t e = n->exponent - (int64_t)n->n_frac;
    const char *parts[2] = {n->int_digits, n->frac_digits};
    size_t lens[2] = {n->n_int, n->n_frac};
    uint64_t v = 0;

    /* the significant digits: no leading zeros, no trailing ones (each
     * trailing zero moves into the exponent) */
    for (int p = 0; p < 2; p++) {
        for (size_t i = 0; i < lens[p]; i++) {
            char c = parts[p][i];
            if (nd == 0 && c == '0')
                continue;
            if (nd == sizeof digits) {
                /* more than 64 significant digits: count the rest as
                 * exponent when they are zeros, else it is too large or
                 * not an integer; either way not representable */
                if (c != '0')
                    return 0;
                e++;
                continue;
            }
            digits[nd++] = c;
        }
    }
    if (nd == 0) {
        *mag = 0;
        return 1;
    }
    while (nd > 0 && digits[nd - 1] == '0') {
        nd--;
        e++;
    }
    if (e < 0)
        return 0;
    if ((int64_t)nd + e > 20)
        return 0;
    for (size_t i = 0; i < nd + (size_t)e; i++) {
        unsigned dgt = i < nd ? (unsigned)(digits[i] - '0') : 0u;
        if (v > (UINT64_MAX - dgt) / 10)
            return 0;
        v = v * 10 + dgt;
    }
    *mag = v;
    return 1;
}

static int
all_digits_canonical(const char *s, size_t len)
{
    if (len == 0)
        return 0;
    if (s[0] == '0')
        return len == 1;
    for (size_t i = 0; i < len; i++)
        if (!is_digit(s[i]))
            return 0;
    return 1;
}

/* uint64 from a JSON number's text (number form) or a string's
 * content. IXJ_OK with *out, or the error code. */
static ixj_status
judge_uint64(const char *s, size_t len, int from_string, int strict,
             uint64_t *out)
{
    number n;
    uint64_t mag;
    if (strict) {
        /* only canonical decimal strings (the number form is a type
         * error, judged before) */
        if (!from_string || !all_digits_canonical(s, len))
            return IXJ_ERR_NUMBER;
    }
    if (!parse_number(s, len, &n))
        return IXJ_ERR_NUMBER;
    if (!number_integer(&n, &mag))
        return IXJ_ERR_RANGE;
    if (n.negative && mag != 0)
        return IXJ_ERR_RANGE;
    *out = mag;
    return IXJ_OK;
}

static ixj_status
judge_int64(const char *s, size_t len, int strict, int64_t *out)
{
    number n;
    uint64_t mag;
    if (!parse_number(s, len, &n))
        return IXJ_ERR_NUMBER;
    if (strict && !n.plain)
        return IXJ_ERR_NUMBER;
    if (!number_integer(&n, &mag))
        return IXJ_ERR_RANGE;
    if (n.negative) {
        if (mag > (uint64_t)INT64_MAX + 1)
            return IXJ_ERR_RANGE;
        *out = mag == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)mag;
    } else {
        if (mag > (uint64_t)INT64_MAX)
            return IXJ_ERR_RANGE;
        *out = (int64_t)mag;
    }
    return IXJ_OK;
}

static int
two(const char *s, int *v)
{
    if (!is_digit(s[0]) || !is_digit(s[1]))
        return 0;
    *v = (s[0] - '0') * 10 + (s[1] - '0');
    return 1;
}

static int
days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30,
                                 31, 31, 30, 31, 30, 31};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

/* RFC 3339 date-time, as the policy takes it: YYYY-MM-DDTHH:MM:SS, an
 * optional fraction of 1 to 9 digits, Z or +-HH:MM; upper-case T and Z;
 * real calendar dates; no leap second; year 0001 to 9999 and the same
 * range for the instant once the offset is applied. */
static int
judge_timestamp(const char *s, size_t len, int64_t *seconds, int32_t *nanos,
                int *offset)
{
    int y1, y2, mo, d, h, mi, se, oh = 0, om = 0, sign = 1;
    size_t i = 19;
    int64_t t;
    int32_t ns = 0;

    if (len < 20 || !two(s, &y1) || !two(s + 2, &y2) || s[4] != '-' ||
        !two(s + 5, &mo) || s[7] != '-' || !two(s + 8, &d) || s[10] != 'T' ||
        !two(s + 11, &h) || s[13] != ':' || !two(s + 14, &mi) || s[16] != ':' ||
        !two(s + 17, &se))
        return 0;
    if (s[i] == '.') {
        size_t start = ++i;
        while (i < len && is_digit(s[i])) {
            if (i - start >= 9)
                return 0;
            ns = ns * 10 + (s[i] - '0');
            i++;
        }
        if (i == start)
            return 0;
        for (size_t k = i - start; k < 9; k++)
            ns *= 10;
    }
    if (i < len && s[i] == 'Z') {
        i++;
    } else if (i < len && (s[i] == '+' || s[i] == '-')) {
        sign = s[i] == '-' ? -1 : 1;
        if (len - i < 6 || !two(s + i + 1, &oh) || s[i + 3] != ':' ||
            !two(s + i + 4, &om))
            return 0;
        i += 6;
    } else {
        return 0;
    }
    if (i != len)
        return 0;
    y1 = y1 * 100 + y2;
    if (y1 < 1 || mo < 1 || mo > 12 || d < 1 || d > days_in_month(y1, mo) ||
        h > 23 || mi > 59 || se > 59 || oh > 23 || om > 59)
        return 0;
    t = days_from_civil(y1, mo, d) * 86400 + h * 3600 + mi * 60 + se;
    t -= (int64_t)sign * (oh * 60 + om) * 60;
    if (t < IXJ_TIMESTAMP_MIN_SECONDS || t > IXJ_TIMESTAMP_MAX_SECONDS)
        return 0;
    *seconds = t;
    *nanos = ns;
    *offset = sign * (oh * 60 + om);
    return 1;
}

static int
enum_value(const fzm_enum *e, const char *s)
{
    for (int i = 0; i < e->count; i++)
        if (strcmp(e->literals[i], s) == 0)
            return i;
    return -1;
}

/* ProtoJSON's lowerCamelCase of a snake_case name. */
static void
camel_case(const char *name, char *out, size_t size)
{
    size_t n = 0;
    int upper = 0;
    for (; *name != '\0' && n + 1 < size; name++) {
        if (*name == '_') {
            upper = 1;
            continue;
        }
        out[n++] = upper && *name >= 'a' && *name <= 'z'
                       ? (char)(*name - 'a' + 'A')
                       : *name;
        upper = 0;
    }
    out[n] = '\0';
}

/* Once: every alias of the field lists is its name in lowerCamelCase. */
static void
check_aliases(void)
{
    static int done;
    if (done)
        return;
    for (size_t i = 0; i < fzm_n_objects; i++) {
        const fzm_object *o = fzm_objects[i];
        for (size_t k = 0; k < o->n_fields; k++) {
            char camel[64];
            camel_case(o->fields[k].name, camel, sizeof camel);
            FZ_CHECK(strcmp(camel, o->fields[k].alias) == 0);
        }
    }
    done = 1;
}

/* ---------------------------------------------------------------------- */
/* The slow path                                                           */
/* ---------------------------------------------------------------------- */

typedef struct judge {
    const fzd_options *o;
    fz_buf path; /* the current path, without a NUL */
    ixj_status code;
    fz_buf error_path;
    uint64_t unknown, unrecognized;
    ixj_type resolved;
} judge;

static int
fail(judge *j, ixj_status code)
{
    if (j->code == IXJ_OK) {
        j->code = code;
        fz_put(&j->error_path, j->path.data, j->path.len);
    }
    return 0;
}

static int
is_ident(const char *k)
{
    if (!((k[0] >= 'A' && k[0] <= 'Z') || (k[0] >= 'a' && k[0] <= 'z') ||
          k[0] == '_'))
        return 0;
    for (k++; *k != '\0'; k++)
        if (!((*k >= 'A' && *k <= 'Z') || (*k >= 'a' && *k <= 'z') ||
              *k == '_' || is_digit(*k)))
            return 0;
    return 1;
}

/* Appends `.key` or `['key']` (see ixj_error); returns the old length. */
static size_t
push_key(judge *j, const char *k)
{
    size_t mark = j->path.len;
    if (is_ident(k)) {
        fz_put(&j->path, ".", 1);
        put_text(&j->path, k);
        return mark;
    }
    put_text(&j->path, "['");
    for (const unsigned char *p = (const unsigned char *)k; *p != '\0'; p++) {
        if (*p == '\'' || *p == '\\') {
            char esc[2] = {'\\', (char)*p};
            fz_put(&j->path, esc, 2);
        } else if (*p < 0x20 || *p == 0x7F) {
            put_fmt(&j->path, "\\u%04X", *p);
        } else if (*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
            put_fmt(&j->path, "\\u%04X", p[1]);
            p++;
        } else {
            fz_put(&j->path, p, 1);
        }
    }
    put_text(&j->path, "']");
    return mark;
}

static size_t
push_index(judge *j, size_t i)
{
    size_t mark = j->path.len;
    put_fmt(&j->path, "[%zu]", i);
    return mark;
}

/* The checks on the token itself, before its type matters: its text
 * (UTF-8 of a string, length of a number) or, for a container, its
 * depth. */
static int
token_checks(judge *j, yajl_val v, uint64_t depth)
{
    if (YAJL_IS_STRING(v)) {
        if (!utf8_valid((const uint8_t *)v->u.string, strlen(v->u.string)))
            return fail(j, IXJ_ERR_STRING);
    } else if (YAJL_IS_NUMBER(v)) {
        if (strlen(v->u.number.r) > j->o->max_number)
            return fail(j, IXJ_ERR_LIMIT);
    } else if (YAJL_IS_OBJECT(v) || YAJL_IS_ARRAY(v)) {
        if (depth > j->o->max_depth)
            return fail(j, IXJ_ERR_LIMIT);
    }
    return 1;
}

static int
check_key(judge *j, const char *k)
{
    if (!utf8_valid((const uint8_t *)k, strlen(k)))
        return fail(j, IXJ_ERR_STRING);
    return 1;
}

/* Any JSON value: a skipped value, or the any type. */
static int
walk_any(judge *j, yajl_val v, uint64_t depth)
{
    if (!token_checks(j, v, depth))
        return 0;
    if (YAJL_IS_OBJECT(v)) {
        for (size_t i = 0; i < v->u.object.len; i++) {
            size_t mark;
            if (!check_key(j, v->u.object.keys[i]))
                return 0;
            mark = push_key(j, v->u.object.keys[i]);
            if (!walk_any(j, v->u.object.values[i], depth + 1))
                return 0;
            j->path.len = mark;
        }
    } else if (YAJL_IS_ARRAY(v)) {
        for (size_t i = 0; i < v->u.array.len; i++) {
            size_t mark = push_index(j, i);
            if (i >= j->o->max_array)
                return fail(j, IXJ_ERR_LIMIT);
            if (!walk_any(j, v->u.array.values[i], depth + 1))
                return 0;
            j->path.len = mark;
        }
    }
    return 1;
}

static int walk_object(judge *j, const fzm_object *o, yajl_val v,
                       uint64_t depth, int root);

static int
walk_array(judge *j, const fzm_field *f, yajl_val v, uint64_t depth)
{
    for (size_t i = 0; i < v->u.array.len; i++) {
        yajl_val x = v->u.array.values[i];
        size_t mark = push_index(j, i);
        if (i >= j->o->max_array)
            return fail(j, IXJ_ERR_LIMIT);
        if (!token_checks(j, x, depth + 1))
            return 0;
        if (f->kind == FZM_OBJECT_ARRAY) {
            if (!YAJL_IS_OBJECT(x))
                return fail(j, IXJ_ERR_TYPE);
            if (!walk_object(j, f->object, x, depth + 1, 0))
                return 0;
        } else if (!YAJL_IS_STRING(x)) {
            return fail(j, IXJ_ERR_TYPE);
        }
        j->path.len = mark;
    }
    return 1;
}

/* A field's value (not null). */
static int
walk_field(judge *j, const fzm_field *f, yajl_val v, uint64_t depth)
{
    int strict = j->o->strict;
    if (!token_checks(j, v, depth))
        return 0;
    switch (f->kind) {
    case FZM_STRING:
        return YAJL_IS_STRING(v) ? 1 : fail(j, IXJ_ERR_TYPE);
    case FZM_UINT64: {
        uint64_t u;
        ixj_status st;
        if (YAJL_IS_STRING(v))
            st = judge_uint64(v->u.string, strlen(v->u.string), 1, strict, &u);
        else if (YAJL_IS_NUMBER(v) && !strict)
            st = judge_uint64(v->u.number.r, strlen(v->u.number.r), 0, 0, &u);
        else
            st = IXJ_ERR_TYPE;
        return st == IXJ_OK ? 1 : fail(j, st);
    }
    case FZM_INT64: {
        int64_t i;
        ixj_status st;
        if (YAJL_IS_NUMBER(v))
            st = judge_int64(v->u.number.r, strlen(v->u.number.r), strict, &i);
        else if (YAJL_IS_STRING(v) && !strict)
            st = judge_int64(v->u.string, strlen(v->u.string), 0, &i);
        else
            st = IXJ_ERR_TYPE;
        return st == IXJ_OK ? 1 : fail(j, st);
    }
    case FZM_BOOL:
        return YAJL_IS_TRUE(v) || YAJL_IS_FALSE(v) ? 1 : fail(j, IXJ_ERR_TYPE);
    case FZM_TIMESTAMP: {
        int64_t s;
        int32_t ns;
        int off;
        if (!YAJL_IS_STRING(v))
            return fail(j, IXJ_ERR_TYPE);
        if (!judge_timestamp(v->u.string, strlen(v->u.string), &s, &ns, &off))
            return fail(j, IXJ_ERR_TIMESTAMP);
        return 1;
    }
    case FZM_ENUM:
        if (!YAJL_IS_STRING(v))
            return fail(j, IXJ_ERR_TYPE);
        if (enum_value(f->enumeration, v->u.string) < 0) {
            if (strict)
                return fail(j, IXJ_ERR_ENUM);
            j->unrecognized++;
        }
        return 1;
    case FZM_OBJECT:
        if (!YAJL_IS_OBJECT(v))
            return fail(j, IXJ_ERR_TYPE);
        return walk_object(j, f->object, v, depth, 0);
    case FZM_OBJECT_ARRAY:
    case FZM_STRING_ARRAY:
        if (!YAJL_IS_ARRAY(v))
            return fail(j, IXJ_ERR_TYPE);
        return walk_array(j, f, v, depth);
    }
    return fail(j, IXJ_ERR_MISUSE);
}

/* The payload type a top-level key identifies under AUTO (aliases in
 * default mode), or AUTO. */
static ixj_type
identify(const char *key, int strict)
{
    for (size_t i = 0; i < fzm_n_types; i++) {
        const fzm_object *root = fzm_root(fzm_types[i]);
        if (root != NULL && fzm_find(root, key, strlen(key), !strict, NULL))
            return fzm_types[i];
    }
    return IXJ_TYPE_AUTO;
}

/* An object of the model (NULL under AUTO until a key identifies the
 * type), already checked to be an object at an allowed depth. */
static int
walk_object(judge *j, const fzm_object *o, yajl_val v, uint64_t depth, int root)
{
    int strict = j->o->strict;
    uint64_t seen = 0, present = 0;

    for (size_t i = 0; i < v->u.object.len; i++) {
        const char *key = v->u.object.keys[i];
        yajl_val x = v->u.object.values[i];
        const fzm_field *f = NULL;
        size_t mark;

        if (!check_key(j, key))
            return 0;
        if (o == NULL) {
            ixj_type t = identify(key, strict);
            if (t != IXJ_TYPE_AUTO) {
                j->resolved = t;
                o = fzm_root(t);
            }
        }
        if (o != NULL)
            f = fzm_find(o, key, strlen(key), !strict, NULL);
        mark = push_key(j, key);
        if (f == NULL) {
            if (strict)
                return fail(j, IXJ_ERR_UNKNOWN_FIELD);
            j->unknown++;
            if (!walk_any(j, x, depth + 1))
                return 0;
        } else {
            if ((seen >> f->bit) & 1)
                return fail(j, IXJ_ERR_DUPLICATE_KEY);
            seen |= UINT64_C(1) << f->bit;
            if (YAJL_IS_NULL(x)) {
                if (strict && (j->o->rules & FZD_RULE_STRICT_NULL))
                    return fail(j, IXJ_ERR_TYPE);
            } else {
                if (!walk_field(j, f, x, depth + 1))
                    return 0;
                present |= UINT64_C(1) << f->bit;
            }
        }
        j->path.len = mark;
    }
    if (root && o == NULL) {
        if (j->o->rules & FZD_RULE_UNIDENTIFIED)
            return fail(j, IXJ_ERR_UNIDENTIFIED);
        /* before the rule: a job envelope without its job */
        j->resolved = IXJ_TYPE_JOB;
        o = fzm_root(IXJ_TYPE_JOB);
    }
    if (root && strict && o == fzm_root(IXJ_TYPE_ERROR_BODY) &&
        (!((present >> IXJ_ERROR_BODY_ID) & 1) ||
         !((present >> IXJ_ERROR_BODY_MESSAGE) & 1)))
        return fail(j, IXJ_ERR_MISSING_FIELD);
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Rendering of a valid document, from the DOM                             */
/* ---------------------------------------------------------------------- */

static void render_dom_object(fz_buf *b, const fzm_object *o, yajl_val v,
                              const char *path, int strict);

static void
render_dom_value(fz_buf *b, const fzm_field *f, yajl_val v, const char *path,
                 int strict)
{
    put_text(b, path);
    put_text(b, " = ");
    switch (f->kind) {
    case FZM_STRING:
        render_string(b, v->u.string, strlen(v->u.string));
        break;
    case FZM_UINT64: {
        uint64_t u = 0;
        const char *s = YAJL_IS_STRING(v) ? v->u.string : v->u.number.r;
        FZ_CHECK(judge_uint64(s, strlen(s), YAJL_IS_STRING(v), strict, &u) ==
                 IXJ_OK);
        put_fmt(b, "%llu", (unsigned long long)u);
        break;
    }
    case FZM_INT64: {
        int64_t i = 0;
        const char *s = YAJL_IS_STRING(v) ? v->u.string : v->u.number.r;
        FZ_CHECK(judge_int64(s, strlen(s), strict, &i) == IXJ_OK);
        put_fmt(b, "%lld", (long long)i);
        break;
    }
    case FZM_BOOL:
        put_text(b, YAJL_IS_TRUE(v) ? "true" : "false");
        break;
    case FZM_TIMESTAMP: {
        int64_t s = 0;
        int32_t ns = 0;
        int off = 0;
        FZ_CHECK(
            judge_timestamp(v->u.string, strlen(v->u.string), &s, &ns, &off));
        render_timestamp(b, s, ns, off);
        break;
    }
    case FZM_ENUM: {
        int e = enum_value(f->enumeration, v->u.string);
        if (e >= 0) {
            put_text(b, f->enumeration->literals[e]);
        } else {
            put_text(b, "UNRECOGNIZED ");
            render_string(b, v->u.string, strlen(v->u.string));
        }
        break;
    }
    case FZM_OBJECT:
        put_text(b, "{}\n");
        render_dom_object(b, f->object, v, path, strict);
        return;
    case FZM_OBJECT_ARRAY:
    case FZM_STRING_ARRAY:
        put_fmt(b, "[%zu]\n", v->u.array.len);
        for (size_t i = 0; i < v->u.array.len; i++) {
            fz_buf sub = {0};
            yajl_val x = v->u.array.values[i];
            put_text(&sub, path);
            put_fmt(&sub, "[%zu]", i);
            fz_put(&sub, "", 1);
            put_text(b, (const char *)sub.data);
            if (f->kind == FZM_OBJECT_ARRAY) {
                put_text(b, " = {}\n");
                render_dom_object(b, f->object, x, (const char *)sub.data,
                                  strict);
            } else {
                put_text(b, " = ");
                render_string(b, x->u.string, strlen(x->u.string));
                put_text(b, "\n");
            }
            fz_buf_free(&sub);
        }
        return;
    }
    put_text(b, "\n");
}

/* The present fields of an object, in table order. */
static void
render_dom_object(fz_buf *b, const fzm_object *o, yajl_val v, const char *path,
                  int strict)
{
    for (size_t k = 0; k < o->n_fields; k++) {
        const fzm_field *f = &o->fields[k];
        for (size_t i = 0; i < v->u.object.len; i++) {
            const char *key = v->u.object.keys[i];
            fz_buf sub = {0};
            if (YAJL_IS_NULL(v->u.object.values[i]) ||
                fzm_find(o, key, strlen(key), !strict, NULL) != f)
                continue;
            put_text(&sub, path);
            fz_put(&sub, ".", 1);
            put_text(&sub, f->name);
            fz_put(&sub, "", 1);
            render_dom_value(b, f, v->u.object.values[i],
                             (const char *)sub.data, strict);
            fz_buf_free(&sub);
            break; /* no duplicates in a valid object */
        }
    }
}

/* ---------------------------------------------------------------------- */
/* Rendering of the library's result                                       */
/* ---------------------------------------------------------------------- */

static void render_struct(fz_buf *b, const fzm_object *o, const void *base,
                          const char *path);

static void
render_member(fz_buf *b, const fzm_field *f, const void *base, const char *path)
{
    const void *m = fzm_member(base, f);
    put_text(b, path);
    put_text(b, " = ");
    switch (f->kind) {
    case FZM_STRING: {
        const ixj_string *s = m;
        FZ_CHECK(s->ptr != NULL && s->ptr[s->len] == '\0');
        render_string(b, s->ptr, s->len);
        break;
    }
    case FZM_UINT64:
        put_fmt(b, "%llu", (unsigned long long)*(const uint64_t *)m);
        break;
    case FZM_INT64:
        put_fmt(b, "%lld", (long long)*(const int64_t *)m);
        break;
    case FZM_BOOL:
        put_text(b, *(const bool *)m ? "true" : "false");
        break;
    case FZM_TIMESTAMP: {
        const ixj_timestamp *t = m;
        FZ_CHECK(t->nanos >= 0 && t->nanos <= 999999999);
        render_timestamp(b, t->seconds, t->nanos, t->offset_minutes);
        break;
    }
    case FZM_ENUM: {
        int v = *(const int *)m;
        const ixj_string *raw = fzm_aux(base, f);
        if (v >= 0 && v < f->enumeration->count) {
            put_text(b, f->enumeration->literals[v]);
        } else {
            FZ_CHECK(v == -1 && raw->ptr != NULL);
            put_text(b, "UNRECOGNIZED ");
            render_string(b, raw->ptr, raw->len);
        }
        break;
    }
    case FZM_OBJECT:
        FZ_CHECK(fzm_object_at(base, f) != NULL);
        put_text(b, "{}\n");
        render_struct(b, f->object, fzm_object_at(base, f), path);
        return;
    case FZM_OBJECT_ARRAY:
    case FZM_STRING_ARRAY: {
        const char *items = *(const char *const *)m;
        size_t n = *(const size_t *)fzm_aux(base, f);
        FZ_CHECK(n == 0 || items != NULL);
        put_fmt(b, "[%zu]\n", n);
        for (size_t i = 0; i < n; i++) {
            fz_buf sub = {0};
            put_text(&sub, path);
            put_fmt(&sub, "[%zu]", i);
            fz_put(&sub, "", 1);
            put_text(b, (const char *)sub.data);
            if (f->kind == FZM_OBJECT_ARRAY) {
                FZ_CHECK(fzm_item(items, f, i) != NULL);
                put_text(b, " = {}\n");
                render_struct(b, f->object, fzm_item(items, f, i),
                              (const char *)sub.data);
            } else {
                const ixj_string *s = fzm_item(items, f, i);
                put_text(b, " = ");
                render_string(b, s->ptr, s->len);
                put_text(b, "\n");
            }
            fz_buf_free(&sub);
        }
        return;
    }
    }
    put_text(b, "\n");
}

static void
render_struct(fz_buf *b, const fzm_object *o, const void *base,
              const char *path)
{
    uint64_t present = fzm_present(base);
    for (size_t k = 0; k < o->n_fields; k++) {
        const fzm_field *f = &o->fields[k];
        fz_buf sub = {0};
        if (!((present >> f->bit) & 1))
            continue;
        put_text(&sub, path);
        fz_put(&sub, ".", 1);
        put_text(&sub, f->name);
        fz_put(&sub, "", 1);
        render_member(b, f, base, (const char *)sub.data);
        fz_buf_free(&sub);
    }
}

static void
render_header(fz_buf *b, ixj_type type, uint64_t unknown, uint64_t unrec)
{
    put_fmt(b, "ok %s unknown_fields=%llu unrecognized_enums=%llu\n",
            ixj_type_name(type), (unsigned long long)unknown,
            (unsigned long long)unrec);
}

/* ---------------------------------------------------------------------- */
/* The raw text: what the DOM cannot show                                  */
/* ---------------------------------------------------------------------- */

typedef struct scan {
    int raw_nul;       /* a NUL byte */
    int odd_space;     /* \f or \v outside strings */
    int bad_surrogate; /* an escape that is not half of a pair */
    int escaped_nul;   /* \u0000 */
    int utf8_ok;       /* the whole text is strict UTF-8 */
    int open_string;   /* the text ends inside a string */
} scan;

static int
hex4(const uint8_t *p, const uint8_t *end, unsigned *out)
{
    unsigned v = 0;
    if (end - p < 4)
        return 0;
    for (int i = 0; i < 4; i++) {
        uint8_t c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

static void
scan_text(const uint8_t *s, size_t len, scan *sc)
{
    const uint8_t *p = s, *end = s + len;
    int in_string = 0;

    memset(sc, 0, sizeof *sc);
    sc->raw_nul = memchr(s, 0, len) != NULL;
    sc->utf8_ok = utf8_valid(s, len);
    while (p < end) {
        uint8_t c = *p;
        if (!in_string) {
            if (c == '"')
                in_string = 1;
            else if (c == '\f' || c == '\v')
                sc->odd_space = 1;
            p++;
            continue;
        }
        if (c == '"') {
            in_string = 0;
            p++;
        } else if (c == '\\' && p + 1 < end && p[1] == 'u') {
            unsigned cp, lo;
            if (!hex4(p + 2, end, &cp)) {
                p += 2; /* not JSON: yajl refuses it */
                continue;
            }
            p += 6;
            if (cp == 0)
                sc->escaped_nul = 1;
            if (cp >= 0xDC00 && cp <= 0xDFFF) {
                sc->bad_surrogate = 1;
            } else if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
                    hex4(p + 2, end, &lo) && lo >= 0xDC00 && lo <= 0xDFFF)
                    p += 6;
                else
                    sc->bad_surrogate = 1;
            }
        } else if (c == '\\') {
            p += 2;
        } else {
            p++;
        }
    }
    sc->open_string = in_string;
}

/* Whether yajl's own parser (comments off, the default) accepts the text
 * as one JSON value. */
static int
yajl_accepts(const uint8_t *s, size_t len)
{
    yajl_handle h = yajl_alloc(NULL, NULL, NULL);
    int ok;
    FZ_CHECK(h != NULL);
    ok = yajl_parse(h, s, len) == yajl_status_ok &&
         yajl_complete_parse(h) == yajl_status_ok;
    yajl_free(h);
    return ok;
}

fzd_verdict
fzd_judge(const uint8_t *doc, size_t len, const fzd_options *o, fz_buf *out)
{
    scan sc;
    char *text;
    yajl_val root;
    judge j;
    fzd_verdict verdict;
    int ok;

    check_aliases();
    out->len = 0;
    scan_text(doc, len, &sc);
    if (sc.raw_nul || sc.open_string || !yajl_accepts(doc, len))
        return FZD_SKIP;
    if (sc.odd_space || sc.bad_surrogate ||
        (sc.escaped_nul && (o->type != IXJ_TYPE_ANY || !sc.utf8_ok))) {
        put_text(out, "error");
        fz_put(out, "", 1);
        return FZD_INVALID;
    }
    text = malloc(len + 1);
    FZ_CHECK(text != NULL);
    memcpy(text, doc, len);
    text[len] = '\0';
    root = yajl_tree_parse(text, NULL, 0);
    free(text);
    FZ_CHECK(root != NULL);

    memset(&j, 0, sizeof j);
    j.o = o;
    j.resolved = o->type;
    put_text(&j.path, "$");
    if (o->type == IXJ_TYPE_ANY) {
        ok = walk_any(&j, root, 1);
    } else if (!YAJL_IS_OBJECT(root)) {
        ok = fail(&j, IXJ_ERR_TYPE);
    } else {
        ok = walk_object(&j, fzm_root(o->type), root, 1, 1);
    }
    if (ok) {
        render_header(out, j.resolved, j.unknown, j.unrecognized);
        if (j.resolved != IXJ_TYPE_ANY)
            render_dom_object(out, fzm_root(j.resolved), root, "$", o->strict);
        verdict = FZD_OK;
    } else {
        put_fmt(out, "error %s at ", ixj_status_name(j.code));
        fz_put(out, j.error_path.data, j.error_path.len);
        verdict = FZD_ERROR;
    }
    fz_put(out, "", 1);
    fz_buf_free(&j.path);
    fz_buf_free(&j.error_path);
    yajl_tree_free(root);
    return verdict;
}

/* ---------------------------------------------------------------------- */
/* The target                                                              */
/* ---------------------------------------------------------------------- */

/* The library's outcome in the slow path's form: 1 when valid. */
static int
library_outcome(ixj_decoder *d, const fz_config *c, int strict, fz_buf *out)
{
    ixj_result r;
    ixj_status st;

    FZ_CHECK(ixj_decoder_set_option(d, IXJ_OPT_STRICT, (uint64_t)strict) ==
             IXJ_OK);
    st = ixj_decode(d, c->type, c->doc, c->len, &r);
    out->len = 0;
    if (st == IXJ_OK) {
        render_header(out, r.type, r.unknown_fields, r.unrecognized_enums);
        if (r.type != IXJ_TYPE_ANY)
            render_struct(out, fzm_root(r.type), r.as.value, "$");
    } else {
        const ixj_error *e = ixj_decoder_error(d);
        FZ_CHECK(e->code == st && st != IXJ_ERR_MISUSE);
        put_fmt(out, "error %s at ", ixj_status_name(st));
        put_text(out, e->path);
    }
    fz_put(out, "", 1);
    return st == IXJ_OK;
}

static int
agrees(fzd_verdict v, const fz_buf *slow, int lib_ok, const fz_buf *lib)
{
    switch (v) {
    case FZD_SKIP:
        return 1;
    case FZD_INVALID:
        return !lib_ok;
    case FZD_OK:
    case FZD_ERROR:
        return fz_buf_eq(slow, lib);
    }
    return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fz_config c;
    ixj_decoder *d;
    fz_buf slow = {0}, lib = {0};

    fz_config_parse(&c, data, size);
    d = ixj_decoder_new(NULL);
    FZ_CHECK(d != NULL);
    for (int strict = 0; strict <= 1; strict++) {
        fzd_options o;
        fzd_verdict v;
        int lib_ok = library_outcome(d, &c, strict, &lib), ok;

        fzd_options_init(&o, c.type, strict);
        v = fzd_judge(c.doc, c.len, &o, &slow);
        ok = agrees(v, &slow, lib_ok, &lib);
        /* the pending rules: the library may still lack them */
        for (unsigned drop = 1; !ok && drop <= fzd_tolerate; drop++) {
            if ((drop & ~fzd_tolerate) != 0)
                continue;
            o.rules = fzd_rules & ~drop;
            v = fzd_judge(c.doc, c.len, &o, &slow);
            ok = agrees(v, &slow, lib_ok, &lib);
        }
        if (!ok) {
            o.rules = fzd_rules;
            v = fzd_judge(c.doc, c.len, &o, &slow);
            fprintf(stderr,
                    "differential (%s mode, type %s):\n"
                    "  library:   %s\n  slow path: %s\n",
                    strict ? "strict" : "default", ixj_type_name(c.type),
                    (const char *)lib.data,
                    v == FZD_INVALID ? "invalid (any error)"
                                     : (const char *)slow.data);
            fz_fail("the library and the slow path agree", __FILE__, __LINE__);
        }
        if (v == FZD_SKIP)
            break; /* not JSON: the same for the other mode */
    }
    fz_buf_free(&slow);
    fz_buf_free(&lib);
    ixj_decoder_free(d);
    return 0;
}
