/* SPDX-License-Identifier: MIT */
/*
 * Every detail of the catalog (lib/detail.h) is shown by the policy
 * corpus: some case's expectation (tests/corpus) holds its text under an
 * error line. A detail added to the catalog without a case that reaches
 * it fails here, by name. The exceptions are listed below, each with its
 * reason: details that no decode of one document can produce, which the
 * stream tests must then show instead, and type rows that no input can
 * reach. Both kinds are checked too, so that the list cannot go stale: a
 * detail left to the stream tests must appear in tests/test_stream.c, and
 * a detail said to be unreachable must appear in no expectation.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "detail.h"
#include "testutil.h"

/* The id suffix of every detail, in id order. */
#define NAME_(suffix, text) #suffix,
static const char *const names[] = {IXJ__DETAIL_MAP(NAME_)};
#undef NAME_

_Static_assert(sizeof names / sizeof names[0] == IXJ__DETAIL_COUNT,
               "a name per detail");

/* Where a detail excluded from the corpus is shown instead. */
enum { NOWHERE, STREAM_TESTS };

static const struct exclusion {
    unsigned id;
    int shown;
    const char *why;
} exclusions[] = {
    /* Errors whose code says it all (nomem) have no detail. */
    {IXJ__D_NONE, NOWHERE, "the empty detail"},
    /* Only a callback or a stream of documents can give these; the
     * corpus decodes one document without callbacks. */
    {IXJ__D_ELEMENT_STOP, STREAM_TESTS, "needs an element callback"},
    {IXJ__D_DOCUMENT_STOP, STREAM_TESTS, "needs a document callback"},
    {IXJ__D_LINE_ENDS, STREAM_TESTS, "needs an NDJSON stream"},
    /* Type rows no input reaches. A container is only refused for the
     * other kind of container; a string, boolean or integer field takes
     * its own JSON types; null as a field value is absent (default mode)
     * or STRICT_NULL (strict mode), null as an element NULL_ELEMENT, so
     * a *_NULL row is only met by a top-level null (TYPE_OBJECT_NULL). */
    {IXJ__D_TYPE_OBJECT_OBJECT, NOWHERE, "an object is an object"},
    {IXJ__D_TYPE_ARRAY_NULL, NOWHERE, "null field: absent or STRICT_NULL"},
    {IXJ__D_TYPE_ARRAY_ARRAY, NOWHERE, "an array is an array"},
    {IXJ__D_TYPE_STRING_NULL, NOWHERE, "null element: NULL_ELEMENT"},
    {IXJ__D_TYPE_STRING_STRING, NOWHERE, "a string is a string"},
    {IXJ__D_TYPE_BOOL_NULL, NOWHERE, "null field: absent or STRICT_NULL"},
    {IXJ__D_TYPE_BOOL_BOOL, NOWHERE, "a boolean is a boolean"},
    {IXJ__D_TYPE_INTEGER_NULL, NOWHERE, "null field: absent or STRICT_NULL"},
    {IXJ__D_TYPE_INTEGER_NUMBER, NOWHERE,
     "integers take numbers (strict: STRICT_UINT64_TYPE)"},
    {IXJ__D_TYPE_INTEGER_STRING, NOWHERE,
     "integers take strings (strict: STRICT_INT64_TYPE)"},
    {IXJ__D_TYPE_TIMESTAMP_NULL, NOWHERE, "null field: absent or STRICT_NULL"},
    {IXJ__D_TYPE_TIMESTAMP_STRING, NOWHERE, "a timestamp is a string"},
    {IXJ__D_TYPE_ENUM_NULL, NOWHERE, "null field: absent or STRICT_NULL"},
    {IXJ__D_TYPE_ENUM_STRING, NOWHERE, "an enum literal is a string"},
};

static const struct exclusion *
excluded(unsigned id)
{
    for (size_t i = 0; i < sizeof exclusions / sizeof exclusions[0]; i++)
        if (exclusions[i].id == id)
            return &exclusions[i];
    return NULL;
}

/* The details the corpus shows: each "detail:" line with the code of the
 * error line before it. */
typedef struct shown {
    char code[32];
    char text[256];
} shown;

typedef struct shown_set {
    shown *items;
    size_t n;
    size_t cases;
} shown_set;

static void
collect(const tu_loaded_case *c, void *ctx)
{
    shown_set *set = ctx;
    char code[32] = "";
    const char *line = c->expected;

    set->cases++;
    while (*line != '\0') {
        const char *nl = strchr(line, '\n');
        size_t n = nl != NULL ? (size_t)(nl - line) : strlen(line);
        if (n > 6 && strncmp(line, "error ", 6) == 0) {
            size_t k = strcspn(line + 6, " ");
            snprintf(code, sizeof code, "%.*s", (int)k, line + 6);
        } else if (n > 8 && strncmp(line, "detail: ", 8) == 0) {
            shown *s;
            TU_CHECK(code[0] != '\0', "%s: a detail line without an error",
                     c->paths->expect_path);
            set->items = realloc(set->items, (set->n + 1) * sizeof *set->items);
            if (set->items == NULL)
                abort();
            s = &set->items[set->n++];
            snprintf(s->code, sizeof s->code, "%s", code);
            snprintf(s->text, sizeof s->text, "%.*s", (int)(n - 8), line + 8);
        }
        line += n + (nl != NULL);
    }
}

/* How many distinct codes the corpus shows a text under. */
static size_t
codes_showing(const shown_set *set, const char *text)
{
    size_t count = 0;
    for (size_t i = 0; i < set->n; i++) {
        bool earlier = false;
        if (strcmp(set->items[i].text, text) != 0)
            continue;
        for (size_t j = 0; j < i && !earlier; j++)
            earlier = strcmp(set->items[j].text, text) == 0 &&
                      strcmp(set->items[j].code, set->items[i].code) == 0;
        count += !earlier;
    }
    return count;
}

/* How many details that the corpus must show have this text. A few share
 * one (a leading '+' or zero is a syntax error in the text and a number
 * error in an integer string): the corpus must then show the text under
 * as many codes. */
static size_t
details_with_text(const char *text)
{
    size_t count = 0;
    for (unsigned id = 0; id < IXJ__DETAIL_COUNT; id++)
        count +=
            excluded(id) == NULL && strcmp(ixj__detail_text(id), text) == 0;
    return count;
}

START_TEST(test_every_detail_in_corpus)
{
    shown_set set = {0};
    tu_buf missing = {0};
    size_t n_missing = 0;

    tu_corpus_each(collect, &set);
    ck_assert_uint_ge(set.cases, 700);
    for (unsigned id = 0; id < IXJ__DETAIL_COUNT; id++) {
        const char *text = ixj__detail_text(id);
        if (excluded(id) != NULL)
            continue;
        if (codes_showing(&set, text) < details_with_text(text)) {
            tu_buf_printf(&missing, "  %s: \"%s\"\n", names[id], text);
            n_missing++;
        }
    }
    ck_assert_msg(n_missing == 0,
                  "%zu details of lib/detail.h appear in no corpus "
                  "expectation (add cases to tests/corpus/make-corpus.py, or "
                  "give them a shared text's missing code):\n%s",
                  n_missing, missing.data);
    tu_buf_free(&missing);
    free(set.items);
}
END_TEST

/* The exclusions hold: what is left to the stream tests is in them, and
 * what cannot occur does not occur in the corpus. */
START_TEST(test_exclusions_hold)
{
    shown_set set = {0};
    char path[1024];
    size_t len;
    char *stream_tests;

    snprintf(path, sizeof path, "%s/test_stream.c", tu_tests_dir());
    stream_tests = tu_read_file(path, &len);
    ck_assert_msg(stream_tests != NULL, "cannot read %s", path);
    tu_corpus_each(collect, &set);
    for (size_t i = 0; i < sizeof exclusions / sizeof exclusions[0]; i++) {
        const struct exclusion *x = &exclusions[i];
        const char *text = ixj__detail_text(x->id);
        ck_assert_uint_lt(x->id, IXJ__DETAIL_COUNT);
        if (x->shown == STREAM_TESTS)
            ck_assert_msg(strstr(stream_tests, text) != NULL,
                          "%s (%s) is left to tests/test_stream.c, which "
                          "does not show \"%s\"",
                          names[x->id], x->why, text);
        else if (x->id != IXJ__D_NONE)
            ck_assert_msg(codes_showing(&set, text) == 0,
                          "%s is excluded as unreachable (%s), but the corpus "
                          "shows \"%s\": remove the exclusion",
                          names[x->id], x->why, text);
    }
    free(stream_tests);
    free(set.items);
}
END_TEST

/* The names used in messages are the catalog's. */
START_TEST(test_names)
{
    ck_assert_str_eq(names[IXJ__D_NONE], "NONE");
    ck_assert_str_eq(names[IXJ__D_CONTROL_1F], "CONTROL_1F");
    ck_assert_str_eq(names[IXJ__D_TYPE_ENUM_ARRAY], "TYPE_ENUM_ARRAY");
    ck_assert_str_eq(names[IXJ__DETAIL_COUNT - 1], "DOCUMENT_STOP");
    ck_assert_str_eq(ixj__detail_text(IXJ__D_NONE), "");
    ck_assert_str_eq(ixj__detail_text(IXJ__DETAIL_COUNT), "");
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("details");
    TCase *tc = tcase_create("catalog");
    int failed;

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_names);
    tcase_add_test(tc, test_every_detail_in_corpus);
    tcase_add_test(tc, test_exclusions_hold);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
