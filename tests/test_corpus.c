/* SPDX-License-Identifier: MIT */
/*
 * The data-driven corpus (tests/corpus/README.md): every case decoded
 * whole must give its expected output, and the same bytes fed one at a
 * time, in chunks of 2, 3, 7 and 64 bytes, and split in two at every
 * offset must give exactly the same output (value, or error code, path,
 * offset, line and column), with small-chunk gathering (IXJ_OPT_GATHER)
 * off, so that every piece reaches the scanner as fed, and on, as the
 * library runs by default.
 *
 * That the pieces really reach the scanner is checked, not assumed: a
 * token cut by the end of a piece goes through the guard's hold, whose
 * tally (ixj__decoder_held_bytes) must grow.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decoder.h"
#include "testutil.h"

static tu_case *cases;
static size_t n_cases;

START_TEST(test_case)
{
    const tu_case *c = &cases[_i];
    static const size_t chunks[] = {1, 2, 3, 7, 64};
    ixj_decoder *d = ixj_decoder_new(NULL);
    tu_opts o;
    char *expected, *whole, *input;
    size_t len;

    tu_corpus_read(c, &o, &expected);
    input = tu_read_file(c->input_path, &len);
    TU_CHECK(input != NULL, "cannot read %s", c->input_path);

    whole = tu_decode_text(d, &o, input, len, 0, 0);
    TU_CHECK(strcmp(whole, expected) == 0, "%s\n--- expected:\n%s--- got:\n%s",
             c->expect_path, expected, whole);
    for (int gather = 0; gather <= 1; gather++) {
        uint64_t held = ixj__decoder_held_bytes(d);
        o.gather = gather;
        for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
            char *got = tu_decode_text(d, &o, input, len, chunks[i], 0);
            TU_CHECK(strcmp(got, whole) == 0,
                     "%s: %zu-byte chunks (gathering %s) differ:\n%s--- "
                     "whole:\n%s",
                     c->input_path, chunks[i], gather ? "on" : "off", got,
                     whole);
            free(got);
        }
        for (size_t split = 1; split < len; split++) {
            char *got = tu_decode_text(d, &o, input, len, 0, split);
            TU_CHECK(strcmp(got, whole) == 0,
                     "%s: split at %zu (gathering %s) differs:\n%s--- "
                     "whole:\n%s",
                     c->input_path, split, gather ? "on" : "off", got, whole);
            free(got);
        }
        /* A valid input with a string has a split inside a token: without
         * gathering, some piece must have ended inside it. */
        if (!gather && strncmp(whole, "ok ", 3) == 0 &&
            memchr(input, '"', len) != NULL)
            TU_CHECK(ixj__decoder_held_bytes(d) > held,
                     "%s: no token was ever held: the pieces did not reach "
                     "the scanner as fed",
                     c->input_path);
    }
    free(whole);
    free(expected);
    free(input);
    ixj_decoder_free(d);
}
END_TEST

/* The tally of the hold across one tu_decode_text run. */
static uint64_t
held_by(ixj_decoder *d, const tu_opts *o, const char *text, size_t len,
        size_t chunk, size_t split, const char *want)
{
    uint64_t before = ixj__decoder_held_bytes(d);
    char *got = tu_decode_text(d, o, text, len, chunk, split);
    ck_assert_str_eq(got, want);
    free(got);
    return ixj__decoder_held_bytes(d) - before;
}

/*
 * A string split in two by the feed goes through the hold: always with
 * gathering off, and with gathering on when the piece that cuts it is at
 * least 512 bytes long (one that size is scanned at once). This fails if
 * the test helpers ever let gathering swallow the split again (a small
 * document fed in two small pieces is gathered and scanned whole, as the
 * last check shows), which would leave every chunking test above testing
 * nothing but the whole-input path.
 */
START_TEST(test_split_token_is_held)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    tu_opts o;
    tu_buf small = {0}, big = {0};
    char *want_small, *want_big;
    size_t cut;

    tu_opts_default(&o);
    tu_buf_puts(&small, "{\"job\":{\"uuid\":\"0123456789abcdef\"}}");
    cut = (size_t)(strstr(small.data, "0123") - small.data) + 8;
    want_small = tu_decode_text(d, &o, small.data, small.len, 0, 0);
    ck_assert(strncmp(want_small, "ok job ", 7) == 0);

    /* a uuid of 2000 bytes: the first 600-byte piece ends inside it */
    tu_buf_puts(&big, "{\"job\":{\"uuid\":\"");
    for (int i = 0; i < 200; i++)
        tu_buf_puts(&big, "0123456789");
    tu_buf_puts(&big, "\"}}");
    want_big = tu_decode_text(d, &o, big.data, big.len, 0, 0);
    ck_assert(strncmp(want_big, "ok job ", 7) == 0);

    /* gathering off: every split inside the string is held */
    o.gather = false;
    ck_assert_uint_gt(held_by(d, &o, small.data, small.len, 0, cut, want_small),
                      0);
    ck_assert_uint_gt(held_by(d, &o, small.data, small.len, 1, 0, want_small),
                      0);
    ck_assert_uint_gt(held_by(d, &o, big.data, big.len, 600, 0, want_big), 0);
    ck_assert_uint_gt(held_by(d, &o, big.data, big.len, 0, 600, want_big), 0);

    /* gathering on: a piece of 512 bytes or more is scanned as fed */
    o.gather = true;
    ck_assert_uint_gt(held_by(d, &o, big.data, big.len, 600, 0, want_big), 0);
    ck_assert_uint_gt(held_by(d, &o, big.data, big.len, 0, 512, want_big), 0);
    /* ... while small pieces are gathered first and never cut a token */
    ck_assert_uint_eq(held_by(d, &o, small.data, small.len, 0, cut, want_small),
                      0);

    free(want_small);
    free(want_big);
    tu_buf_free(&small);
    tu_buf_free(&big);
    ixj_decoder_free(d);
}
END_TEST

/* Guards against an empty or unreadable corpus passing silently. */
START_TEST(test_corpus_present)
{
    TU_CHECK(n_cases >= 100, "only %zu corpus cases found under %s", n_cases,
             tu_tests_dir());
}
END_TEST

int
main(void)
{
    char dir[1024];
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("cases");
    int failed;

    snprintf(dir, sizeof dir, "%s/corpus", tu_tests_dir());
    cases = tu_corpus_list(dir, &n_cases);
    printf("%zu corpus cases\n", n_cases);

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_corpus_present);
    tcase_add_test(tc, test_split_token_is_held);
    tcase_add_loop_test(tc, test_case, 0, (int)n_cases);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    free(cases);
    return failed == 0 ? 0 : 1;
}
