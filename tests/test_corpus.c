/* SPDX-License-Identifier: MIT */
/*
 * The data-driven corpus (tests/corpus/README.md): every case decoded
 * whole must give its expected output, and the same bytes fed one at a
 * time, in chunks of 2, 3, 7 and 64 bytes, and split in two at every
 * offset must give exactly the same output (value, or error code, path,
 * offset, line and column).
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

typedef struct corpus_case {
    char expect_path[1024];
    char input_path[1024];
} corpus_case;

static corpus_case *cases;
static size_t n_cases;

static int
compare_cases(const void *a, const void *b)
{
    return strcmp(((const corpus_case *)a)->expect_path,
                  ((const corpus_case *)b)->expect_path);
}

/* Collects every *.expect file under dir. */
static void
collect(const char *dir)
{
    DIR *dh = opendir(dir);
    struct dirent *e;
    if (dh == NULL)
        return;
    while ((e = readdir(dh)) != NULL) {
        char path[1024];
        size_t n = strlen(e->d_name);
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (n > 7 && strcmp(e->d_name + n - 7, ".expect") == 0) {
            corpus_case *c;
            char *dot;
            cases = realloc(cases, (n_cases + 1) * sizeof *cases);
            c = &cases[n_cases++];
            snprintf(c->expect_path, sizeof c->expect_path, "%s", path);
            snprintf(c->input_path, sizeof c->input_path, "%s", path);
            /* name.expect, name.strict.expect -> name.json */
            dot = strchr(strrchr(c->input_path, '/') + 1, '.');
            strcpy(dot, ".json");
        } else if (strchr(e->d_name, '.') == NULL) {
            collect(path);
        }
    }
    closedir(dh);
}

/* Splits an expect file into options and expected output. */
static void
read_expect(const corpus_case *c, tu_opts *o, char **expected)
{
    size_t len;
    char *text = tu_read_file(c->expect_path, &len);
    char *body = text;

    ck_assert_msg(text != NULL, "cannot read %s", c->expect_path);
    tu_opts_default(o);
    if (strstr(c->expect_path, ".strict.expect") != NULL)
        o->strict = true;
    if (strncmp(text, "args:", 5) == 0) {
        char *nl = strchr(text, '\n');
        ck_assert(nl != NULL);
        *nl = '\0';
        ck_assert_msg(tu_opts_parse(o, text + 5), "bad args in %s",
                      c->expect_path);
        body = nl + 1;
    }
    *expected = strdup(body);
    free(text);
}

START_TEST(test_case)
{
    const corpus_case *c = &cases[_i];
    static const size_t chunks[] = {1, 2, 3, 7, 64};
    ixj_decoder *d = ixj_decoder_new(NULL);
    tu_opts o;
    char *expected, *whole, *input;
    size_t len;

    read_expect(c, &o, &expected);
    input = tu_read_file(c->input_path, &len);
    ck_assert_msg(input != NULL, "cannot read %s", c->input_path);

    whole = tu_decode_text(d, &o, input, len, 0, 0);
    ck_assert_msg(strcmp(whole, expected) == 0,
                  "%s\n--- expected:\n%s--- got:\n%s", c->expect_path,
                  expected, whole);
    for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
        char *got = tu_decode_text(d, &o, input, len, chunks[i], 0);
        ck_assert_msg(strcmp(got, whole) == 0,
                      "%s: %zu-byte chunks differ:\n%s--- whole:\n%s",
                      c->input_path, chunks[i], got, whole);
        free(got);
    }
    for (size_t split = 1; split < len; split++) {
        char *got = tu_decode_text(d, &o, input, len, 0, split);
        ck_assert_msg(strcmp(got, whole) == 0,
                      "%s: split at %zu differs:\n%s--- whole:\n%s",
                      c->input_path, split, got, whole);
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
    ck_assert_msg(n_cases >= 100, "only %zu corpus cases found under %s",
                  n_cases, tu_tests_dir());
}
END_TEST

int
main(void)
{
    char dir[1024];
    Suite *s = suite_create("corpus");
    TCase *tc = tcase_create("cases");
    SRunner *sr;
    int failed;

    snprintf(dir, sizeof dir, "%s/corpus", tu_tests_dir());
    collect(dir);
    qsort(cases, n_cases, sizeof *cases, compare_cases);
    printf("%zu corpus cases\n", n_cases);

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_corpus_present);
    tcase_add_loop_test(tc, test_case, 0, (int)n_cases);
    suite_add_tcase(s, tc);
    sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    free(cases);
    return failed == 0 ? 0 : 1;
}
