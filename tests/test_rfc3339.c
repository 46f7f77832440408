/* SPDX-License-Identifier: MIT */
/*
 * RFC 3339 timestamps (lib/rfc3339.c): the accepted profile field by
 * field, the calendar, the range, and the canonical formatter, checked
 * against a day-by-day walk of the whole calendar.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "rfc3339.h"
#include "testutil.h"

static bool
parse(const char *text, ixj_timestamp *t)
{
    return ixj__rfc3339_parse(text, strlen(text), t);
}

START_TEST(test_accepted)
{
    static const struct {
        const char *text;
        int64_t seconds;
        int32_t nanos;
        int16_t offset;
    } ok[] = {
        {"1970-01-01T00:00:00Z", 0, 0, 0},
        {"1970-01-01T00:00:01Z", 1, 0, 0},
        {"1969-12-31T23:59:59Z", -1, 0, 0},
        {"2000-03-01T00:00:00Z", 951868800, 0, 0},
        {"2000-02-29T00:00:00Z", 951782400, 0, 0},
        {"2024-02-29T12:00:00Z", 1709208000, 0, 0},
        {"2026-03-02T15:05:11+01:00", 1772460311, 0, 60},
        {"2026-03-02T14:05:11Z", 1772460311, 0, 0},
        {"2025-12-31T22:30:00-05:00", 1767238200, 0, -300},
        {"2025-06-01T00:00:00+23:59", 1748649660, 0, 1439},
        {"2025-06-01T00:00:00-23:59", 1748822340, 0, -1439},
        {"2025-06-01T00:00:00-00:00", 1748736000, 0, 0},
        {"0001-01-01T00:00:00Z", IXJ_TIMESTAMP_MIN_SECONDS, 0, 0},
        {"9999-12-31T23:59:59Z", IXJ_TIMESTAMP_MAX_SECONDS, 0, 0},
        {"9999-12-31T23:59:59.999999999Z", IXJ_TIMESTAMP_MAX_SECONDS, 999999999,
         0},
        {"0001-01-01T00:59:59+00:59", IXJ_TIMESTAMP_MIN_SECONDS + 59, 0, 59},
        {"9999-12-31T23:00:00-00:59", IXJ_TIMESTAMP_MAX_SECONDS - 59, 0, -59},
        {"2025-01-01T00:00:00.5Z", 1735689600, 500000000, 0},
        {"2025-01-01T00:00:00.05Z", 1735689600, 50000000, 0},
        {"2025-01-01T00:00:00.123Z", 1735689600, 123000000, 0},
        {"2025-01-01T00:00:00.1234Z", 1735689600, 123400000, 0},
        {"2025-01-01T00:00:00.000001Z", 1735689600, 1000, 0},
        {"2025-01-01T00:00:00.1234567Z", 1735689600, 123456700, 0},
        {"2025-01-01T00:00:00.12345678Z", 1735689600, 123456780, 0},
        {"2025-01-01T00:00:00.000000001Z", 1735689600, 1, 0},
        {"2025-01-01T00:00:00.0Z", 1735689600, 0, 0},
        {"2025-01-01T23:59:59.999999999+00:00", 1735775999, 999999999, 0},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        ixj_timestamp t;
        TU_CHECK(parse(ok[i].text, &t), "rejected %s", ok[i].text);
        TU_CHECK(t.seconds == ok[i].seconds, "%s: seconds %lld", ok[i].text,
                 (long long)t.seconds);
        TU_CHECK(t.nanos == ok[i].nanos, "%s: nanos %d", ok[i].text, t.nanos);
        TU_CHECK(t.offset_minutes == ok[i].offset, "%s: offset %d", ok[i].text,
                 t.offset_minutes);
    }
}
END_TEST

START_TEST(test_rejected)
{
    static const char *const bad[] = {
        "",
        "2025-01-01",
        "2025-01-01T00:00Z",
        "2025-01-01T00:00:00",
        "2025-01-01T00:00:00z",
        "2025-01-01t00:00:00Z",
        "2025-01-01 00:00:00Z",
        "2025-01-01T00:00:00+0100",
        "2025-01-01T00:00:00+01",
        "2025-01-01T00:00:00+1:00",
        "2025-01-01T00:00:00+01:0",
        "2025-01-01T00:00:00+24:00",
        "2025-01-01T00:00:00+01:60",
        "2025-01-01T00:00:00 Z",
        "2025-01-01T00:00:00Z ",
        "2025-01-01T00:00:00ZZ",
        "2025-01-01T00:00:00.Z",
        "2025-01-01T00:00:00.1234567890Z",
        "2025-01-01T00:00:00,5Z",
        /* a non-digit at each place of a fraction, 1 to 9 digits long */
        "2025-01-01T00:00:00.xZ",
        "2025-01-01T00:00:00.1xZ",
        "2025-01-01T00:00:00.x2345678Z",
        "2025-01-01T00:00:00.1234567xZ",
        "2025-01-01T00:00:00.x23456789Z",
        "2025-01-01T00:00:00.1x3456789Z",
        "2025-01-01T00:00:00.12345678xZ",
        "2025-01-01T00:00:00.1234/6789Z",
        "2025-01-01T00:00:00.1234:6789Z",
        "2025-01-01T24:00:00Z",
        "2025-01-01T00:60:00Z",
        "2025-01-01T00:00:60Z",
        "2016-12-31T23:59:60Z",
        "2025-00-01T00:00:00Z",
        "2025-13-01T00:00:00Z",
        "2025-01-00T00:00:00Z",
        "2025-01-32T00:00:00Z",
        "2025-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2100-02-29T00:00:00Z",
        "2025-04-31T00:00:00Z",
        "2025-06-31T00:00:00Z",
        "2025-09-31T00:00:00Z",
        "2025-11-31T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "0000-12-31T23:59:59Z",
        "10000-01-01T00:00:00Z",
        "-001-01-01T00:00:00Z",
        "+2025-01-01T00:00:00Z",
        "25-01-01T00:00:00Z",
        "2025-1-01T00:00:00Z",
        "2025-01-1T00:00:00Z",
        "2025-01-01T0:00:00Z",
        "2025/01/01T00:00:00Z",
        "2025-01-01T00-00-00Z",
        "0001-01-01T00:30:00+01:00",
        "0001-01-01T00:00:00+00:01",
        "9999-12-31T23:59:59-00:01",
        "9999-12-31T23:30:00-01:00",
        "2025-01-01T00:00:0\xef\xbc\x91Z",
        "1735689600",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        ixj_timestamp t;
        TU_CHECK(!parse(bad[i], &t), "accepted \"%s\"", bad[i]);
    }
}
END_TEST

/* Only len bytes are read: a valid prefix is not a valid timestamp. */
START_TEST(test_length_respected)
{
    ixj_timestamp t;
    const char *text = "2025-01-01T00:00:00Z";
    ck_assert(ixj__rfc3339_parse(text, 20, &t));
    for (size_t n = 0; n < 20; n++)
        TU_CHECK(!ixj__rfc3339_parse(text, n, &t), "prefix %zu", n);
}
END_TEST

static bool
is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Writes "YYYY-MM-DDT00:00:00Z". */
static void
date_text(char *out, int y, int m, int d)
{
    memcpy(out, "0000-00-00T00:00:00Z", 21);
    out[0] = (char)('0' + y / 1000);
    out[1] = (char)('0' + y / 100 % 10);
    out[2] = (char)('0' + y / 10 % 10);
    out[3] = (char)('0' + y % 10);
    out[5] = (char)('0' + m / 10);
    out[6] = (char)('0' + m % 10);
    out[8] = (char)('0' + d / 10);
    out[9] = (char)('0' + d % 10);
}

/* Walks every day from 0001-01-01 to 9999-12-31: each parses to the
 * previous day plus 86400 seconds and formats back to its own text, and
 * the day after each month's last is rejected. (Under IXJOB_TEST_QUICK,
 * every 97th day is parsed; the walk itself still counts every day.) */
START_TEST(test_every_day)
{
    static const int month_days[12] = {31, 28, 31, 30, 31, 30,
                                       31, 31, 30, 31, 30, 31};
    unsigned stride = tu_quick_stride(97);
    int64_t expected = IXJ_TIMESTAMP_MIN_SECONDS;
    long days = 0;
    for (int y = 1; y <= 9999; y++) {
        for (int m = 1; m <= 12; m++) {
            int n = month_days[m - 1] + (m == 2 && is_leap(y));
            char text[32];
            ixj_timestamp t;
            for (int d = 1; d <= n; d++, days++, expected += 86400) {
                char back[IXJ__RFC3339_MAX];
                size_t len;
                if (days % stride != 0)
                    continue;
                date_text(text, y, m, d);
                TU_CHECK(parse(text, &t), "rejected %s", text);
                TU_CHECK(t.seconds == expected, "%s: %lld, want %lld", text,
                         (long long)t.seconds, (long long)expected);
                len = ixj__rfc3339_format(&t, back);
                TU_CHECK(len == 20 && memcmp(back, text, 20) == 0,
                         "%s formats as %.*s", text, (int)len, back);
            }
            date_text(text, y, m, n + 1);
            TU_CHECK(!parse(text, &t), "accepted %s", text);
        }
    }
    ck_assert_int_eq(days, 3652059);
    ck_assert_int_eq(expected - 86400, IXJ_TIMESTAMP_MAX_SECONDS - 86399);
}
END_TEST

START_TEST(test_format_canonical)
{
    static const struct {
        int64_t seconds;
        int32_t nanos;
        const char *text;
    } cases[] = {
        {0, 0, "1970-01-01T00:00:00Z"},
        {0, 500000000, "1970-01-01T00:00:00.500Z"},
        {0, 123000000, "1970-01-01T00:00:00.123Z"},
        {0, 123400000, "1970-01-01T00:00:00.123400Z"},
        {0, 1000, "1970-01-01T00:00:00.000001Z"},
        {0, 123456700, "1970-01-01T00:00:00.123456700Z"},
        {0, 1, "1970-01-01T00:00:00.000000001Z"},
        {-1, 500000000, "1969-12-31T23:59:59.500Z"},
        {-86400, 0, "1969-12-31T00:00:00Z"},
        {-86401, 0, "1969-12-30T23:59:59Z"},
        {IXJ_TIMESTAMP_MIN_SECONDS, 0, "0001-01-01T00:00:00Z"},
        {IXJ_TIMESTAMP_MAX_SECONDS, 999999999,
         "9999-12-31T23:59:59.999999999Z"},
        {1772460311, 0, "2026-03-02T14:05:11Z"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ixj_timestamp t = {cases[i].seconds, cases[i].nanos, 0};
        char out[IXJ__RFC3339_MAX];
        size_t n = ixj__rfc3339_format(&t, out);
        TU_CHECK(n == strlen(cases[i].text) &&
                     memcmp(out, cases[i].text, n) == 0,
                 "%lld.%d formats as %.*s", (long long)cases[i].seconds,
                 cases[i].nanos, (int)n, out);
    }
}
END_TEST

START_TEST(test_format_refuses_out_of_range)
{
    ixj_timestamp t[] = {
        {IXJ_TIMESTAMP_MIN_SECONDS - 1, 0, 0},
        {IXJ_TIMESTAMP_MAX_SECONDS + 1, 0, 0},
        {0, -1, 0},
        {0, 1000000000, 0},
        {INT64_MIN, 0, 0},
        {INT64_MAX, 0, 0},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
        char out[IXJ__RFC3339_MAX];
        ck_assert_uint_eq(ixj__rfc3339_format(&t[i], out), 0);
    }
}
END_TEST

/* Every time of one day with every offset in 15-minute steps: parse, then
 * format: the instant in UTC with the offset applied. */
START_TEST(test_offsets_round_trip)
{
    for (int off = -23 * 60 - 45; off <= 23 * 60 + 45; off += 15) {
        for (int sec = 0; sec < 86400; sec += 599) {
            char text[40], back[IXJ__RFC3339_MAX];
            ixj_timestamp t, u;
            int a = off < 0 ? -off : off;
            size_t n;
            snprintf(text, sizeof text, "2024-02-29T%02d:%02d:%02d%c%02d:%02d",
                     sec / 3600, sec / 60 % 60, sec % 60, off < 0 ? '-' : '+',
                     a / 60, a % 60);
            TU_CHECK(parse(text, &t), "rejected %s", text);
            ck_assert_int_eq(t.offset_minutes, off);
            ck_assert_int_eq(t.seconds, 1709164800 + sec - off * 60);
            n = ixj__rfc3339_format(&t, back);
            ck_assert(n > 0);
            ck_assert(ixj__rfc3339_parse(back, n, &u));
            ck_assert_int_eq(u.seconds, t.seconds);
            ck_assert_int_eq(u.offset_minutes, 0);
        }
    }
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("rfc3339");
    TCase *tc = tcase_create("timestamps");
    int failed;

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_accepted);
    tcase_add_test(tc, test_rejected);
    tcase_add_test(tc, test_length_respected);
    tcase_add_test(tc, test_every_day);
    tcase_add_test(tc, test_format_canonical);
    tcase_add_test(tc, test_format_refuses_out_of_range);
    tcase_add_test(tc, test_offsets_round_trip);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
