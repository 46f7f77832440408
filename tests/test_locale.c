/* SPDX-License-Identifier: MIT */
/*
 * The library does not depend on the locale. This program switches the
 * whole process to a locale whose decimal separator is a comma
 * (de_DE.UTF-8, or another one of the list below), checks that the C
 * library now really reads and writes numbers with a comma (so that a
 * call to strtod, printf or the like inside the library would change an
 * outcome here), then decodes and encodes numbers in every JSON form and
 * timestamps with fractions and offsets, and compares with the values the
 * C locale gives. tests/check-banned.sh keeps locale-dependent calls out
 * of lib/; this proves the outcome.
 *
 * No such locale installed: SKIP (77), unless IXJOB_REQUIRE_LOCALE is set
 * (CI generates de_DE.UTF-8 and sets it, so the test cannot skip there).
 */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ixjob/ixjob.h>

#include "testutil.h"

static const char *const comma_locales[] = {
    "de_DE.UTF-8", "de_DE.utf8",  "fr_FR.UTF-8", "fr_FR.utf8",
    "nl_NL.UTF-8", "ru_RU.UTF-8", "es_ES.UTF-8", "it_IT.UTF-8"};

static const char *locale_name;

/* One document with an integer field in each accepted JSON form and
 * timestamps with fractions and offsets; its canonical JSON. */
static const char *const numbers[] = {"4e1",    "40.0",   "4.0e1",
                                      "400e-1", "\"40\"", "40"};
static const char canonical_job[] =
    "{\"job\":{\"created_at\":\"2024-03-01T01:29:59.125Z\","
    "\"finished_at\":\"1999-12-31T23:59:59.999999999Z\","
    "\"started_at\":\"2000-01-01T00:00:00.500Z\",\"total_tokens\":\"40\"}}";

static void
decode_in_locale(void)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_encoder *e = ixj_encoder_new(NULL);

    for (size_t i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        char text[512], out[512];
        size_t len;
        ixj_result r;
        const ixj_job *job;
        int n = snprintf(text, sizeof text,
                         "{\"job\":{\"total_tokens\":%s,"
                         "\"created_at\":\"2024-02-29T23:59:59.125-01:30\","
                         "\"started_at\":\"2000-01-01T01:00:00.5+01:00\","
                         "\"finished_at\":\"1999-12-31T23:59:59.999999999Z\"}}",
                         numbers[i]);
        ck_assert_int_gt(n, 0);
        ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, (size_t)n, &r),
                         IXJ_OK);
        job = r.as.job->job;
        ck_assert_uint_eq(job->total_tokens, 40);
        /* 2024-03-01T01:29:59.125Z */
        ck_assert_int_eq(job->created_at.seconds, 1709256599);
        ck_assert_int_eq(job->created_at.nanos, 125000000);
        ck_assert_int_eq(job->created_at.offset_minutes, -90);
        ck_assert_int_eq(job->started_at.seconds, 946684800);
        ck_assert_int_eq(job->started_at.nanos, 500000000);
        ck_assert_int_eq(job->finished_at.nanos, 999999999);
        ck_assert_int_eq(
            ixj_encode(e, IXJ_TYPE_JOB, r.as.value, 0, out, sizeof out, &len),
            IXJ_OK);
        ck_assert_str_eq(out, canonical_job);
    }
    /* a fraction stays a fraction, however the locale writes one */
    {
        static const char frac[] = "{\"job\":{\"total_tokens\":40.5}}";
        ixj_result r;
        ck_assert_int_eq(
            ixj_decode(d, IXJ_TYPE_AUTO, frac, sizeof frac - 1, &r),
            IXJ_ERR_RANGE);
    }
    ixj_encoder_free(e);
    ixj_decoder_free(d);
}

START_TEST(test_c_locale)
{
    ck_assert_ptr_nonnull(setlocale(LC_ALL, "C"));
    decode_in_locale();
}
END_TEST

START_TEST(test_comma_locale)
{
    char buf[32];
    ck_assert_ptr_nonnull(setlocale(LC_ALL, locale_name));
    /* the C library now uses the comma: the test can see a dependency */
    ck_assert_str_eq(localeconv()->decimal_point, ",");
    snprintf(buf, sizeof buf, "%.1f", 40.5);
    ck_assert_str_eq(buf, "40,5");
    ck_assert(strtod("40.5", NULL) == 40.0);
    decode_in_locale();
    setlocale(LC_ALL, "C");
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("locale");
    TCase *tc = tcase_create("locale");
    const char *require = getenv("IXJOB_REQUIRE_LOCALE");
    int failed;

    for (size_t i = 0; i < sizeof comma_locales / sizeof comma_locales[0];
         i++) {
        if (setlocale(LC_ALL, comma_locales[i]) != NULL &&
            strcmp(localeconv()->decimal_point, ",") == 0) {
            locale_name = comma_locales[i];
            break;
        }
    }
    setlocale(LC_ALL, "C");
    if (locale_name == NULL) {
        printf("no locale with a decimal comma (de_DE.UTF-8: "
               "localedef -i de_DE -f UTF-8 de_DE.UTF-8)\n");
        if (require != NULL && *require != '\0') {
            printf("FAIL: IXJOB_REQUIRE_LOCALE is set\n");
            return 1;
        }
        return 77;
    }
    printf("comma locale: %s\n", locale_name);
    tcase_add_test(tc, test_c_locale);
    tcase_add_test(tc, test_comma_locale);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
