/* SPDX-License-Identifier: MIT */
#include "rfc3339.h"

#include <stdint.h>

#include "detail.h"

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

bool
ixj__rfc3339_parse(const char *s, size_t len, ixj_timestamp *out)
{
    int hi, lo, year, month, day, hour, minute, second, offset = 0;
    int32_t nanos = 0;
    size_t i = 19;
    int64_t y, days, seconds;

    if (len < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
        s[13] != ':' || s[16] != ':')
        return false;
    hi = two_digits(s);
    lo = two_digits(s + 2);
    month = two_digits(s + 5);
    day = two_digits(s + 8);
    hour = two_digits(s + 11);
    minute = two_digits(s + 14);
    second = two_digits(s + 17);
    if ((hi | lo | month | day | hour | minute | second) < 0)
        return false;
    year = hi * 100 + lo;
    if (year < 1 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month) || hour > 23 || minute > 59 ||
        second > 59)
        return false;

    if (s[i] == '.') {
        size_t start = ++i, stop = len - 1 < start + 9 ? len - 1 : start + 9;
        int32_t fraction = 0;
        /* at most 9 digits, and at least the offset's first byte after */
        while (i < stop && (unsigned)(s[i] - '0') <= 9)
            fraction = fraction * 10 + (s[i++] - '0');
        if (i == start || (unsigned)(s[i] - '0') <= 9)
            return false; /* no digit, or more than 9 */
        nanos = fraction * fraction_scale[i - start];
    }

    if (i + 1 == len && s[i] == 'Z') {
        i++;
    } else if (i + 6 == len && (s[i] == '+' || s[i] == '-') &&
               s[i + 3] == ':') {
        int oh = two_digits(s + i + 1), om = two_digits(s + i + 4);
        if (oh < 0 || om < 0 || oh > 23 || om > 59)
            return false;
        offset = (oh * 60 + om) * (s[i] == '-' ? -1 : 1);
    } else {
        return false;
    }

    /* Whole days before the date, counting leap days by the Gregorian
     * rule, then seconds. */
    y = year - 1;
    days = y * 365 + y / 4 - y / 100 + y / 400 + days_before_month[month - 1] +
           (month > 2 && is_leap(year)) + day - 1 - EPOCH_DAYS;
    seconds = days * 86400 + hour * 3600 + minute * 60 + second -
              (int64_t)offset * 60;
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
