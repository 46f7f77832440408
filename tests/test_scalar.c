/* SPDX-License-Identifier: MIT */
/*
 * Integer parsing (lib/scalar.c): every accepted and rejected form of the
 * policy table, at the edges of both ranges, checked against a slow
 * reference computed with 128-bit arithmetic over the digits.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scalar.h"
#include "testutil.h"

typedef struct int_case {
    const char *text;
    ixj_status u64_status;
    uint64_t u64;
    ixj_status i64_status;
    int64_t i64;
} int_case;

#define OK  IXJ_OK
#define NUM IXJ_ERR_NUMBER
#define RNG IXJ_ERR_RANGE

static const int_case cases[] = {
    {"0", OK, 0, OK, 0},
    {"-0", OK, 0, OK, 0},
    {"1", OK, 1, OK, 1},
    {"-1", RNG, 0, OK, -1},
    {"40", OK, 40, OK, 40},
    {"4e1", OK, 40, OK, 40},
    {"4E1", OK, 40, OK, 40},
    {"4e+1", OK, 40, OK, 40},
    {"400e-1", OK, 40, OK, 40},
    {"40.0", OK, 40, OK, 40},
    {"40.000e0", OK, 40, OK, 40},
    {"0.4e2", OK, 40, OK, 40},
    {"0.04e3", OK, 40, OK, 40},
    {"-4.0e1", RNG, 0, OK, -40},
    {"1.5", RNG, 0, RNG, 0},
    {"0.5", RNG, 0, RNG, 0},
    {"1e-1", RNG, 0, RNG, 0},
    {"1e-400", RNG, 0, RNG, 0},
    {"0e-400", OK, 0, OK, 0},
    {"0e400", OK, 0, OK, 0},
    {"0.000e999999999999999999999", OK, 0, OK, 0},
    {"-0.0", OK, 0, OK, 0},
    {"1e400", RNG, 0, RNG, 0},
    {"1e999999999999999999999", RNG, 0, RNG, 0},
    {"10e-1", OK, 1, OK, 1},
    {"9223372036854775807", OK, 9223372036854775807ull, OK, INT64_MAX},
    {"9223372036854775808", OK, 9223372036854775808ull, RNG, 0},
    {"-9223372036854775808", RNG, 0, OK, INT64_MIN},
    {"-9223372036854775809", RNG, 0, RNG, 0},
    {"-92233720368547758.08e2", RNG, 0, OK, INT64_MIN},
    {"18446744073709551615", OK, UINT64_MAX, RNG, 0},
    {"18446744073709551616", RNG, 0, RNG, 0},
    {"18446744073709551620", RNG, 0, RNG, 0},
    {"99999999999999999999", RNG, 0, RNG, 0},
    {"100000000000000000000", RNG, 0, RNG, 0},
    {"1844674407370955161.5e1", OK, UINT64_MAX, RNG, 0},
    {"184467440737095516150e-1", OK, UINT64_MAX, RNG, 0},
    {"1e19", OK, 10000000000000000000ull, RNG, 0},
    {"2e19", RNG, 0, RNG, 0},
    {"9007199254740993", OK, 9007199254740993ull, OK, 9007199254740993ll},
    {"00000000000000000000000000000001e0", NUM, 0, NUM, 0},
    {"1.00000000000000000000000000000000", OK, 1, OK, 1},
    {"", NUM, 0, NUM, 0},
    {"-", NUM, 0, NUM, 0},
    {"+1", NUM, 0, NUM, 0},
    {" 1", NUM, 0, NUM, 0},
    {"1 ", NUM, 0, NUM, 0},
    {"007", NUM, 0, NUM, 0},
    {"-01", NUM, 0, NUM, 0},
    {"00", NUM, 0, NUM, 0},
    {"12abc", NUM, 0, NUM, 0},
    {"0x10", NUM, 0, NUM, 0},
    {"1.", NUM, 0, NUM, 0},
    {".5", NUM, 0, NUM, 0},
    {"1e", NUM, 0, NUM, 0},
    {"1e+", NUM, 0, NUM, 0},
    {"1.e1", NUM, 0, NUM, 0},
    {"1..0", NUM, 0, NUM, 0},
    {"--1", NUM, 0, NUM, 0},
    {"1e1.5", NUM, 0, NUM, 0},
    {"NaN", NUM, 0, NUM, 0},
    {"Infinity", NUM, 0, NUM, 0},
    {"\xef\xbc\x91", NUM, 0, NUM, 0}, /* fullwidth 1 */
    {"\xd9\xa1", NUM, 0, NUM, 0},     /* Arabic-Indic 1 */
};

START_TEST(test_table)
{
    const int_case *c = &cases[_i];
    uint64_t u = 12345;
    int64_t i = 12345;
    ixj_status su = ixj__text_to_u64(c->text, strlen(c->text), &u);
    ixj_status si = ixj__text_to_i64(c->text, strlen(c->text), &i);

    ck_assert_msg(su == c->u64_status, "u64 \"%s\": status %d, want %d",
                  c->text, su, c->u64_status);
    if (su == IXJ_OK)
        ck_assert_msg(u == c->u64, "u64 \"%s\": %llu", c->text,
                      (unsigned long long)u);
    else
        ck_assert_msg(u == 12345, "u64 \"%s\": output written on error",
                      c->text);
    ck_assert_msg(si == c->i64_status, "i64 \"%s\": status %d, want %d",
                  c->text, si, c->i64_status);
    if (si == IXJ_OK)
        ck_assert_msg(i == c->i64, "i64 \"%s\": %lld", c->text, (long long)i);
}
END_TEST

/* Text beyond the end of the given length is never read: the same digits
 * followed by more digits in memory. */
START_TEST(test_length_respected)
{
    uint64_t u;
    ck_assert_int_eq(ixj__text_to_u64("12345", 2, &u), IXJ_OK);
    ck_assert_uint_eq(u, 12);
    ck_assert_int_eq(ixj__text_to_u64("1.5", 1, &u), IXJ_OK);
    ck_assert_uint_eq(u, 1);
    ck_assert_int_eq(ixj__text_to_u64("", 0, &u), IXJ_ERR_NUMBER);
}
END_TEST

START_TEST(test_canonical_forms)
{
    static const struct {
        const char *text;
        bool unsigned_ok, signed_ok;
    } forms[] = {
        {"0", true, true},          {"7", true, true},
        {"1234567890", true, true}, {"-0", false, true},
        {"-5", false, true},        {"", false, false},
        {"-", false, false},        {"01", false, false},
        {"-01", false, false},      {"1e3", false, false},
        {"1.0", false, false},      {"+1", false, false},
        {" 1", false, false},       {"18446744073709551616", true, true},
    };
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        size_t n = strlen(forms[k].text);
        ck_assert_msg(ixj__is_canonical_unsigned(forms[k].text, n) ==
                          forms[k].unsigned_ok,
                      "unsigned form of \"%s\"", forms[k].text);
        ck_assert_msg(ixj__is_canonical_signed(forms[k].text, n) ==
                          forms[k].signed_ok,
                      "signed form of \"%s\"", forms[k].text);
    }
}
END_TEST

/* Differential check: every integer around the interesting boundaries,
 * written plainly and in exponent forms, against 128-bit arithmetic. */
START_TEST(test_against_reference)
{
    static const unsigned __int128 bases[] = {0,
                                              1,
                                              9,
                                              10,
                                              99,
                                              100,
                                              999999999,
                                              1000000000,
                                              (unsigned __int128)INT64_MAX,
                                              (unsigned __int128)INT64_MAX + 1,
                                              (unsigned __int128)UINT64_MAX,
                                              (unsigned __int128)UINT64_MAX + 1,
                                              (unsigned __int128)UINT64_MAX *
                                                  10};
    for (size_t b = 0; b < sizeof bases / sizeof bases[0]; b++) {
        for (int delta = -3; delta <= 3; delta++) {
            unsigned __int128 v = bases[b] + (unsigned __int128)(__int128)delta;
            char digits[64], text[96];
            size_t nd = 0;
            if (delta < 0 && bases[b] < (unsigned __int128)-delta)
                continue;
            do {
                digits[nd++] = (char)('0' + (int)(v % 10));
                v /= 10;
            } while (v != 0);
            for (size_t k = 0; k < nd; k++)
                text[k] = digits[nd - 1 - k];
            text[nd] = '\0';
            v = bases[b] + (unsigned __int128)(__int128)delta;
            for (int form = 0; form < 3; form++) {
                char written[128];
                uint64_t u;
                int64_t i;
                ixj_status su, si;
                if (form == 0)
                    snprintf(written, sizeof written, "%s", text);
                else if (form == 1)
                    snprintf(written, sizeof written, "%s.000", text);
                else if (v == 0)
                    snprintf(written, sizeof written, "0e-2");
                else
                    snprintf(written, sizeof written, "%s00e-2", text);
                su = ixj__text_to_u64(written, strlen(written), &u);
                si = ixj__text_to_i64(written, strlen(written), &i);
                if (v <= UINT64_MAX) {
                    ck_assert_msg(su == IXJ_OK && u == (uint64_t)v, "%s",
                                  written);
                } else {
                    ck_assert_msg(su == IXJ_ERR_RANGE, "%s", written);
                }
                if (v <= INT64_MAX) {
                    ck_assert_msg(si == IXJ_OK && i == (int64_t)v, "%s",
                                  written);
                } else {
                    ck_assert_msg(si == IXJ_ERR_RANGE, "%s", written);
                }
            }
        }
    }
}
END_TEST

/* Long inputs stay linear and exact: a megabyte of zeros around a 1. */
START_TEST(test_long_texts)
{
    size_t n = 1 << 20;
    char *s = malloc(n + 16);
    uint64_t u;
    memcpy(s, "0.", 2);
    memset(s + 2, '0', n);
    memcpy(s + 2 + n, "1e1048577", 9);
    ck_assert_int_eq(ixj__text_to_u64(s, n + 11, &u), IXJ_OK);
    ck_assert_uint_eq(u, 1);
    memcpy(s + 2 + n, "1e1048576", 9);
    ck_assert_int_eq(ixj__text_to_u64(s, n + 11, &u), IXJ_ERR_RANGE);
    memset(s, '9', n);
    ck_assert_int_eq(ixj__text_to_u64(s, n, &u), IXJ_ERR_RANGE);
    free(s);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("scalar");
    TCase *tc = tcase_create("integers");
    int failed;

    tcase_add_loop_test(tc, test_table, 0,
                        (int)(sizeof cases / sizeof cases[0]));
    tcase_add_test(tc, test_length_respected);
    tcase_add_test(tc, test_canonical_forms);
    tcase_add_test(tc, test_against_reference);
    tcase_add_test(tc, test_long_texts);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
