/* SPDX-License-Identifier: MIT */
/*
 * Linear time whatever the chunking (doc/policy.md). Raw yajl re-lexes a
 * token split across calls from its start on every call: a 1 MiB string
 * fed one byte at a time takes about two minutes. Here the guard reads
 * every byte once, copies a token cut by the end of a chunk once into its
 * hold, and hands yajl only a skeleton of whole tokens (a string is "",
 * whatever its length). The decoder's tallies prove it: bytes given to
 * yajl stay a few per token, bytes held stay at most the input length;
 * and the wall clock agrees.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "decoder.h"
#include "testutil.h"

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Under valgrind or sanitizers time means little; counts still hold. */
static bool
timing_checked(void)
{
    const char *v = getenv("IXJOB_NO_TIMING");
    return v == NULL || *v == '\0';
}

typedef struct tally {
    uint64_t to_yajl; /* skeleton bytes handed to yajl */
    uint64_t held;    /* bytes copied into the hold */
} tally;

/* Feeds text in chunk-byte pieces and counts what the decoder did. */
static tally
feed_all(ixj_decoder *d, ixj_type type, const char *text, size_t len,
         size_t chunk, ixj_status want)
{
    tally before = {ixj__decoder_yajl_bytes(d), ixj__decoder_held_bytes(d)};
    tally t;
    ixj_result r;
    ixj_status st;

    /* every chunk to the scanner as fed: the worst case, not the one that
     * gathering small chunks makes easy */
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_GATHER, 0), IXJ_OK);
    st = ixj_decoder_begin(d, type);
    for (size_t at = 0; st == IXJ_OK && at < len; at += chunk)
        st =
            ixj_decoder_feed(d, text + at, len - at < chunk ? len - at : chunk);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &r);
    ck_assert_msg(st == want, "%s at %s", ixj_status_name(st),
                  ixj_decoder_error(d)->path);
    t.to_yajl = ixj__decoder_yajl_bytes(d) - before.to_yajl;
    t.held = ixj__decoder_held_bytes(d) - before.held;
    return t;
}

static char *
job_with_string(size_t n, const char *fill, size_t *len)
{
    size_t fl = strlen(fill);
    char *text = malloc(n * fl + 64);
    size_t at = (size_t)sprintf(text, "{\"job\":{\"uuid\":\"");
    for (size_t i = 0; i < n; i++, at += fl)
        memcpy(text + at, fill, fl);
    at += (size_t)sprintf(text + at, "\"}}");
    *len = at;
    return text;
}

START_TEST(test_megabyte_string_byte_by_byte)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    size_t len;
    char *text = job_with_string(1 << 20, "a", &len);
    double t0 = now();
    tally t = feed_all(d, IXJ_TYPE_JOB, text, len, 1, IXJ_OK);
    double elapsed = now() - t0;
    /* yajl sees {"":{"":""}}; the string is held once, byte by byte */
    ck_assert_msg(t.to_yajl <= 16, "%llu skeleton bytes",
                  (unsigned long long)t.to_yajl);
    ck_assert_msg(t.held >= (1u << 20) && t.held <= len,
                  "%llu bytes held for %zu", (unsigned long long)t.held, len);
    if (timing_checked())
        ck_assert_msg(elapsed < 1.0, "1 MiB string byte by byte: %.2f s",
                      elapsed);
    free(text);
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_megabyte_escapes_in_small_chunks)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    size_t len;
    char *text = job_with_string(1 << 18, "\\n\\u00e9", &len); /* 2 MiB */
    ck_assert_int_eq(
        ixj_decoder_set_option(d, IXJ_OPT_MAX_STRING_BYTES, 4u << 20), IXJ_OK);
    for (size_t chunk = 1; chunk <= 16; chunk *= 4) {
        double t0 = now();
        tally t = feed_all(d, IXJ_TYPE_JOB, text, len, chunk, IXJ_OK);
        ck_assert_uint_le(t.to_yajl, 16);
        ck_assert_uint_le(t.held, len);
        if (timing_checked())
            ck_assert_msg(now() - t0 < 2.0, "chunk %zu: %.2f s", chunk,
                          now() - t0);
    }
    free(text);
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_long_number_and_key_byte_by_byte)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    size_t n = 1 << 19, len;
    char *text = malloc(2 * n + 64);
    tally t;
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_MAX_NUMBER_BYTES, n + 1),
                     IXJ_OK);
    /* [1000...0, {"kkk...k": 1}] */
    len = 0;
    text[len++] = '[';
    text[len++] = '1';
    memset(text + len, '0', n - 1);
    len += n - 1;
    memcpy(text + len, ",{\"", 3);
    len += 3;
    memset(text + len, 'k', n);
    len += n;
    memcpy(text + len, "\":1}]", 5);
    len += 5;
    t = feed_all(d, IXJ_TYPE_ANY, text, len, 1, IXJ_OK);
    ck_assert_uint_le(t.to_yajl, 32);
    ck_assert_uint_le(t.held, len);
    free(text);
    ixj_decoder_free(d);
}
END_TEST

/* Many small tokens fed in pieces: every byte still held at most once,
 * and the skeleton no longer than the text. */
START_TEST(test_many_tokens_odd_chunks)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    tu_buf b = {0};
    tu_buf_puts(&b, "{\"jobs\":[");
    for (int i = 0; i < 20000; i++)
        tu_buf_printf(&b, "%s{\"tokens\":%d,\"uuid\":\"u%d\",\"phase\":null}",
                      i ? ",\n " : "", i, i);
    tu_buf_puts(&b, "]}");
    for (size_t chunk = 1; chunk < 40; chunk += 13) {
        tally t = feed_all(d, IXJ_TYPE_LIST, b.data, b.len, chunk, IXJ_OK);
        ck_assert_msg(t.to_yajl <= b.len && t.held <= b.len,
                      "chunk %zu: %llu to yajl, %llu held, for %zu", chunk,
                      (unsigned long long)t.to_yajl, (unsigned long long)t.held,
                      b.len);
    }
    tu_buf_free(&b);
    ixj_decoder_free(d);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("linear");
    TCase *tc = tcase_create("linear");
    int failed;

    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_megabyte_string_byte_by_byte);
    tcase_add_test(tc, test_megabyte_escapes_in_small_chunks);
    tcase_add_test(tc, test_long_number_and_key_byte_by_byte);
    tcase_add_test(tc, test_many_tokens_odd_chunks);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
