/* SPDX-License-Identifier: MIT */
/*
 * The data-driven corpus (tests/corpus/README.md): every case decoded
 * whole must give its expected output, and the same bytes fed one at a
 * time, in chunks of 2, 3, 7 and 64 bytes, and split in two at every
 * offset must give exactly the same output (value, or error code, path,
 * offset, line and column).
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        char *got = tu_decode_text(d, &o, input, len, chunks[i], 0);
        TU_CHECK(strcmp(got, whole) == 0,
                 "%s: %zu-byte chunks differ:\n%s--- whole:\n%s", c->input_path,
                 chunks[i], got, whole);
        free(got);
    }
    for (size_t split = 1; split < len; split++) {
        char *got = tu_decode_text(d, &o, input, len, 0, split);
        TU_CHECK(strcmp(got, whole) == 0,
                 "%s: split at %zu differs:\n%s--- whole:\n%s", c->input_path,
                 split, got, whole);
        free(got);
    }
    free(whole);
    free(expected);
    free(input);
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
    tcase_add_loop_test(tc, test_case, 0, (int)n_cases);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    free(cases);
    return failed == 0 ? 0 : 1;
}
