/* SPDX-License-Identifier: MIT */
#include "rfc3339.h"

#include <stdint.h>

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

/*
 * Days from 1970-01-01 to a proleptic Gregorian date (year >= 1). The year
 * is counted from March so that the leap day ends it; a 400-year era has
 * 146097 days.
 */
static int64_t
days_from_civil(int year, int month, int day)
{
    int64_t y = year - (month <= 2);
    int64_t era = y / 400; /* y >= 0 for year >= 1 */
    int64_t year_of_era = y - era * 400;
    int64_t march_month = month > 2 ? month - 3 : month + 9;
    int64_t day_of_year = (153 * march_month + 2) / 5 + day - 1;
    int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

/* The inverse of days_from_civil, for days >= days_from_civil(1, 1, 1). */
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

/* Reads `width` ASCII digits at s. Returns -1 when one is not a digit. */
static int
read_digits(const char *s, int width)
{
    int v = 0;
    for (int i = 0; i < width; i++) {
        if (s[i] < '0' || s[i] > '9')
            return -1;
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

bool
ixj__rfc3339_parse(const char *s, size_t len, ixj_timestamp *out)
{
    int year, month, day, hour, minute, second, offset = 0;
    int32_t nanos = 0;
    size_t i = 19;
    int64_t seconds;

    if (len < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' ||
        s[13] != ':' || s[16] != ':')
        return false;
    year = read_digits(s, 4);
    month = read_digits(s + 5, 2);
    day = read_digits(s + 8, 2);
    hour = read_digits(s + 11, 2);
    minute = read_digits(s + 14, 2);
    second = read_digits(s + 17, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 ||
        day > days_in_month(year, month) || hour < 0 || hour > 23 ||
        minute < 0 || minute > 59 || second < 0 || second > 59)
        return false;

    if (s[i] == '.') {
        size_t start = ++i;
        int32_t scale = 100000000;
        while (i < len && s[i] >= '0' && s[i] <= '9' && i - start < 9) {
            nanos += (s[i] - '0') * scale;
            scale /= 10;
            i++;
        }
        if (i == start || (i < len && s[i] >= '0' && s[i] <= '9'))
            return false; /* no digit, or more than 9 */
    }

    if (i < len && s[i] == 'Z') {
        i++;
    } else if (i + 6 <= len && (s[i] == '+' || s[i] == '-') &&
               s[i + 3] == ':') {
        int oh = read_digits(s + i + 1, 2);
        int om = read_digits(s + i + 4, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59)
            return false;
        offset = (oh * 60 + om) * (s[i] == '-' ? -1 : 1);
        i += 6;
    } else {
        return false;
    }
    if (i != len)
        return false;

    seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 +
              minute * 60 + second - (int64_t)offset * 60;
    if (seconds < IXJ_TIMESTAMP_MIN_SECONDS ||
        seconds > IXJ_TIMESTAMP_MAX_SECONDS)
        return false;
    out->seconds = seconds;
    out->nanos = nanos;
    out->offset_minutes = (int16_t)offset;
    return true;
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
