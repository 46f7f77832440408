/* SPDX-License-Identifier: MIT */
#include "rfc3339.h"

#include <stdint.h>
#include <string.h>

#include "detail.h"
#include "scalar.h"

static bool
is_leap(int year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

static int
days_in_month(int year, int month)
{
    static const unsigned char days[12] = {31, 28, 31, 30, 31, 30,
                                           31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

/* The civil date of a day count from 1970-01-01 (proleptic Gregorian,
 * for days from 0001-01-01 on). Years are counted from March so that the
 * leap day ends them; a 400-year era has 146097 days. */
static void
civil_from_days(int64_t days, int *year, int *month, int *day)
{
    int64_t z = days + 719468;
    int64_t era = z / 146097;
    int64_t day_of_era = z - era * 146097;
    int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
                           day_of_era / 146096) /
                          365;
    int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    int64_t march_month = (5 * day_of_year + 2) / 153;
    int m = (int)(march_month < 10 ? march_month + 3 : march_month - 9);
    *day = (int)(day_of_year - (153 * march_month + 2) / 5 + 1);
    *month = m;
    *year = (int)(year_of_era + era * 400 + (m <= 2));
}

/* The value of two ASCII digits, or -1. */
static inline int
two_digits(const char *s)
{
    unsigned a = (unsigned)(s[0] - '0'), b = (unsigned)(s[1] - '0');
    return a <= 9 && b <= 9 ? (int)(a * 10 + b) : -1;
}

/* Days before each month in a common year. */
static const unsigned short days_before_month[12] = {
    0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};

/* Days from 0001-01-01 to 1970-01-01. */
#define EPOCH_DAYS 719162

/* 10^(9 - n): scales n fraction digits to nanoseconds. */
static const int32_t fraction_scale[10] = {
    1000000000, 100000000, 10000000, 1000000, 100000, 10000, 1000, 100, 10, 1};

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/*
 * The fixed part, YYYY-MM-DDTHH:MM:SS, read a word at a time: each word is
 * compared with the shape ("0000-00-" etc.) by XOR, which leaves digits as
 * their values and correct separators as zero; a byte above 9 then shows
 * in its top bit once 0x76 is added (a carry out of an invalid byte can
 * only fail a check, never pass one). Then w * 10 + (w >> 8) puts in each
 * byte ten times its digit plus the next one: every two-digit field at
 * once. s has at least 20 bytes.
 */
static bool
fixed_part(const char *s, int f[6])
{
    const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
    uint64_t a, b, c;
    memcpy(&a, s, 8);
    memcpy(&b, s + 8, 8);
    memcpy(&c, s + 12, 8);    /* "HH:MM:SS", bytes 12..19 (19 is not ours) */
    a ^= 0x2D30302D30303030u; /* "0000-00-" */
    b ^= 0x30303A3030543030u; /* "00T00:00" */
    c ^= 0x0030303A30303A00u; /* "?:00:00?": bytes 0 and 7 are ignored */
    c &= 0x00FFFFFFFFFFFF00u;
    if ((a & 0xFF0000FF00000000u) != 0 || (b & 0x0000FF0000FF0000u) != 0 ||
        (c & 0x000000FF0000FF00u) != 0 ||
        ((a | b | c) |
         ((a + ones * 0x76) | (b + ones * 0x76) | (c + ones * 0x76))) &
            high)
        return false;
    a = a * 10 + (a >> 8);
    b = b * 10 + (b >> 8);
    c = c * 10 + (c >> 8);
#define BYTE_(w, i) ((int)(((w) >> (8 * (i))) & 0xFF))
    f[0] = BYTE_(a, 0) * 100 + BYTE_(a, 2);
    f[1] = BYTE_(a, 5);
    f[2] = BYTE_(b, 0);
    f[3] = BYTE_(b, 3);
    f[4] = BYTE_(b, 6);
    f[5] = BYTE_(c, 5);
#undef BYTE_
    return true;
}

/* The value of k (1 to 9) ASCII digits at p, or -1; p[k - 8 ..) is
 * readable when k < 8 (the text before the fraction). */
static int32_t
fraction_digits(const char *p, size_t k)
{
    uint64_t w;
    int64_t v;
    unsigned first = 0;
    if (k == 9) {
        first = (unsigned)(*p++ - '0');
        if (first > 9)
            return -1;
        k = 8;
    }
    memcpy(&w, p + k - 8, 8);
    if (k < 8) { /* the bytes before the digits count as zeros */
        uint64_t before = (UINT64_C(1) << (8 * (8 - k))) - 1;
        w = (w & ~before) | (0x3030303030303030u & before);
    }
    v = ixj__digits8(w);
    return v < 0 ? -1 : (int32_t)(first * 100000000u + (uint64_t)v);
}
#else
static bool
fixed_part(const char *s, int f[6])
{
    int hi = two_digits(s), lo = two_digits(s + 2);
    if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
        s[16] != ':')
        return false;
    f[1] = two_digits(s + 5);
    f[2] = two_digits(s + 8);
    f[3] = two_digits(s + 11);
    f[4] = two_digits(s + 14);
    f[5] = two_digits(s + 17);
    if ((hi | lo | f[1] | f[2] | f[3] | f[4] | f[5]) < 0)
        return false;
    f[0] = hi * 100 + lo;
    return true;
}

static int32_t
fraction_digits(const char *p, size_t k)
{
    int32_t v = 0;
    for (size_t i = 0; i < k; i++) {
        unsigned d = (unsigned)(p[i] - '0');
        if (d > 9)
            return -1;
        v = v * 10 + (int32_t)d;
    }
    return v;
}
#endif

bool
ixj__rfc3339_parse(const char *s, size_t len, ixj_timestamp *out)
{
    int f[6], year, month, day, offset = 0;
    int32_t nanos = 0;
    size_t zone; /* where Z or the offset begins */
    int64_t y, days, seconds;

    if (len < 20 || !fixed_part(s, f))
        return false;
    year = f[0];
    month = f[1];
    day = f[2];
    if (year < 1 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month) || f[3] > 23 || f[4] > 59 || f[5] > 59)
        return false;

    if (s[len - 1] == 'Z') {
        zone = len - 1;
    } else if (len >= 25 && (s[len - 6] == '+' || s[len - 6] == '-') &&
               s[len - 3] == ':') {
        int oh = two_digits(s + len - 5), om = two_digits(s + len - 2);
        if (oh < 0 || om < 0 || oh > 23 || om > 59)
            return false;
        zone = len - 6;
        offset = (oh * 60 + om) * (s[zone] == '-' ? -1 : 1);
    } else {
        return false;
    }
    if (zone != 19) { /* a fraction: '.' and 1 to 9 digits */
        int32_t fraction;
        size_t k = zone - 20;
        if (zone < 21 || k > 9 || s[19] != '.' ||
            (fraction = fraction_digits(s + 20, k)) < 0)
            return false;
        nanos = fraction * fraction_scale[k];
    }

    /* Whole days before the date, counting leap days by the Gregorian
     * rule, then seconds. */
    y = year - 1;
    days = y * 365 + y / 4 - y / 100 + y / 400 + days_before_month[month - 1] +
           (month > 2 && is_leap(year)) + day - 1 - EPOCH_DAYS;
    seconds =
        days * 86400 + f[3] * 3600 + f[4] * 60 + f[5] - (int64_t)offset * 60;
    if (seconds < IXJ_TIMESTAMP_MIN_SECONDS ||
        seconds > IXJ_TIMESTAMP_MAX_SECONDS)
        return false;
    out->seconds = seconds;
    out->nanos = nanos;
    out->offset_minutes = (int16_t)offset;
    return true;
}

/* Why a day is not in its month (day is 29 to 31, above the month's
 * days). */
static uint8_t
day_detail(int month, int day)
{
    switch (month) {
    case 2:
        return day == 29   ? IXJ__D_TS_FEB_29
               : day == 30 ? IXJ__D_TS_FEB_30
                           : IXJ__D_TS_FEB_31;
    case 4:
        return IXJ__D_TS_APR_31;
    case 6:
        return IXJ__D_TS_JUN_31;
    case 9:
        return IXJ__D_TS_SEP_31;
    default:
        return IXJ__D_TS_NOV_31;
    }
}

/* Why the time zone part (s[i..len)) is not Z or +HH:MM/-HH:MM in range;
 * IXJ__D_NONE when it is. */
static uint8_t
zone_detail(const char *s, size_t i, size_t len)
{
    if (i + 1 == len && s[i] == 'Z')
        return IXJ__D_NONE;
    if (i == len)
        return IXJ__D_TS_NO_OFFSET;
    if (s[i] == 'z' && i + 1 == len)
        return IXJ__D_TS_LOWER_Z;
    if (s[i] != '+' && s[i] != '-')
        return IXJ__D_TS_SHAPE;
    if (len - i == 5 && two_digits(s + i + 1) >= 0 &&
        two_digits(s + i + 3) >= 0)
        return IXJ__D_TS_OFFSET_COLON;
    if (len - i == 6 && s[i + 3] == ':' && two_digits(s + i + 1) >= 0 &&
        two_digits(s + i + 4) >= 0)
        return two_digits(s + i + 1) > 23 || two_digits(s + i + 4) > 59
                   ? IXJ__D_TS_OFFSET_RANGE
                   : IXJ__D_NONE;
    return IXJ__D_TS_SHAPE;
}

uint8_t
ixj__rfc3339_explain(const char *s, size_t len)
{
    int year, month, day;
    uint8_t zone;
    size_t i = 19;

    if (len > 10 && s[10] == 't')
        return IXJ__D_TS_LOWER_T;
    if (len > 10 && s[10] == ' ')
        return IXJ__D_TS_SPACE;
    if (len < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
        s[13] != ':' || s[16] != ':' ||
        (two_digits(s) | two_digits(s + 2) | two_digits(s + 5) |
         two_digits(s + 8) | two_digits(s + 11) | two_digits(s + 14) |
         two_digits(s + 17)) < 0)
        return IXJ__D_TS_SHAPE;
    year = two_digits(s) * 100 + two_digits(s + 2);
    month = two_digits(s + 5);
    day = two_digits(s + 8);
    if (year == 0)
        return IXJ__D_TS_YEAR_ZERO;
    if (month < 1 || month > 12)
        return IXJ__D_TS_MONTH;
    if (day < 1 || day > 31)
        return IXJ__D_TS_DAY;
    if (day > days_in_month(year, month))
        return day_detail(month, day);
    if (two_digits(s + 11) > 23)
        return IXJ__D_TS_HOUR;
    if (two_digits(s + 14) > 59)
        return IXJ__D_TS_MINUTE;
    if (two_digits(s + 17) > 59)
        return IXJ__D_TS_SECOND;
    if (i < len && s[i] == '.') {
        size_t start = ++i;
        while (i < len && (unsigned)(s[i] - '0') <= 9)
            i++;
        if (i == start || i - start > 9)
            return IXJ__D_TS_FRACTION;
    }
    zone = zone_detail(s, i, len);
    /* well formed: only the instant is left */
    return zone != IXJ__D_NONE ? zone : (uint8_t)IXJ__D_TS_RANGE;
}

static char *
put_digits(char *p, int64_t v, int width)
{
    for (int i = width - 1; i >= 0; i--) {
        p[i] = (char)('0' + v % 10);
        v /= 10;
    }
    return p + width;
}

size_t
ixj__rfc3339_format(const ixj_timestamp *t, char *out)
{
    int64_t days, secs_of_day;
    int year, month, day;
    char *p = out;

    if (t->seconds < IXJ_TIMESTAMP_MIN_SECONDS ||
        t->seconds > IXJ_TIMESTAMP_MAX_SECONDS || t->nanos < 0 ||
        t->nanos > 999999999)
        return 0;
    /* Floor division: the range starts before the epoch. */
    days = t->seconds / 86400;
    secs_of_day = t->seconds % 86400;
    if (secs_of_day < 0) {
        secs_of_day += 86400;
        days--;
    }
    civil_from_days(days, &year, &month, &day);

    p = put_digits(p, year, 4);
    *p++ = '-';
    p = put_digits(p, month, 2);
    *p++ = '-';
    p = put_digits(p, day, 2);
    *p++ = 'T';
    p = put_digits(p, secs_of_day / 3600, 2);
    *p++ = ':';
    p = put_digits(p, secs_of_day / 60 % 60, 2);
    *p++ = ':';
    p = put_digits(p, secs_of_day % 60, 2);
    if (t->nanos != 0) {
        *p++ = '.';
        if (t->nanos % 1000000 == 0)
            p = put_digits(p, t->nanos / 1000000, 3);
        else if (t->nanos % 1000 == 0)
            p = put_digits(p, t->nanos / 1000, 6);
        else
            p = put_digits(p, t->nanos, 9);
    }
    *p++ = 'Z';
    return (size_t)(p - out);
}
