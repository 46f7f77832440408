/* SPDX-License-Identifier: MIT */
/*
 * Allocation failure. For every corpus case and five of the larger API
 * examples (tests/data/examples), fed whole and in 7-byte pieces (those
 * scanned as fed and gathered), fail the n-th call to the decoder's
 * allocator hooks (yajl's allocations go through them too), for every n
 * until a run needs no failure (and at most SWEEP_LIMIT), in two ways:
 * that call alone, and that call and every later one. Each run must end
 * in the case's normal outcome or in IXJ_ERR_NOMEM, never crash, leave
 * no block allocated after the decoder is freed, and leave the decoder
 * able to decode the case correctly once memory is back.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

typedef struct input {
    char *text;
    size_t len;
    tu_opts opts;
    char *expected;
    char name[1024];
} input;

static input *inputs;
static size_t n_inputs;

static void
add_input(const char *name, char *text, size_t len, const tu_opts *o,
          char *expected)
{
    input *in;
    inputs = realloc(inputs, (n_inputs + 1) * sizeof *inputs);
    in = &inputs[n_inputs++];
    in->text = text;
    in->len = len;
    in->opts = *o;
    in->expected = expected;
    snprintf(in->name, sizeof in->name, "%s", name);
}

static void
load_inputs(void)
{
    char dir[1024];
    size_t n;
    tu_case *cases;
    static const char *const files[] = {
        "retrieve_response_succeeded_partial.json",
        "list_response_with_links_meta.json",
        "forward_compat_unknown_enum_and_fields.json",
        "proto3_lenient_scalars.json", "data_sources_response.json"};

    snprintf(dir, sizeof dir, "%s/corpus", tu_tests_dir());
    cases = tu_corpus_list(dir, &n);
    for (size_t i = 0; i < n; i++) {
        tu_opts o;
        char *expected, *text;
        size_t len;
        tu_corpus_read(&cases[i], &o, &expected);
        text = tu_read_file(cases[i].input_path, &len);
        if (text == NULL)
            abort();
        add_input(cases[i].expect_path, text, len, &o, expected);
    }
    free(cases);
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        char path[1400];
        size_t len;
        char *text;
        tu_opts o;
        ixj_decoder *d = ixj_decoder_new(NULL);
        snprintf(path, sizeof path, "%s/data/examples/%s", tu_tests_dir(),
                 files[i]);
        text = tu_read_file(path, &len);
        if (text == NULL) {
            fprintf(stderr, "cannot read %s\n", path);
            abort();
        }
        tu_opts_default(&o);
        add_input(path, text, len, &o, tu_decode_text(d, &o, text, len, 0, 0));
        ixj_decoder_free(d);
    }
}

/* One run, fed chunk bytes at a time (0: whole) with gathering on or
 * off, with the fail_at-th call failing; returns whether any call was
 * failed. */
static bool
run(const input *in, uint64_t fail_at, bool fail_rest, size_t chunk,
    bool gather)
{
    tu_alloc ta;
    ixj_decoder *d;
    char *got;
    bool failed;
    tu_opts o = in->opts;

    o.gather = gather;

    tu_alloc_init(&ta);
    ta.fail_at = fail_at;
    ta.fail_rest = fail_rest;
    d = ixj_decoder_new(&ta.hooks);
    if (d == NULL) {
        TU_CHECK(ta.failed, "%s: decoder_new failed without cause", in->name);
        ck_assert_uint_eq(ta.live_blocks, 0);
        return true;
    }
    got = tu_decode_text(d, &o, in->text, in->len, chunk, 0);
    if (strcmp(got, in->expected) != 0) {
        TU_CHECK(ta.failed && strncmp(got, "error nomem ", 12) == 0,
                 "%s (fail at %llu%s, chunk %zu, gathering %s):\n%s--- "
                 "want:\n%s",
                 in->name, (unsigned long long)fail_at,
                 fail_rest ? " and after" : "", chunk, gather ? "on" : "off",
                 got, in->expected);
    }
    /* nomem has no detail: its code says it all */
    TU_CHECK(strstr(got, "error nomem ") != got ||
                 strstr(got, "\ndetail:") == NULL,
             "%s: nomem with a detail:\n%s", in->name, got);
    free(got);
    failed = ta.failed;
    /* memory is back: the same decoder decodes the case correctly */
    ta.fail_at = 0;
    got = tu_decode_text(d, &o, in->text, in->len, chunk, 0);
    TU_CHECK(strcmp(got, in->expected) == 0,
             "%s: wrong after recovering from a failure at %llu:\n%s", in->name,
             (unsigned long long)fail_at, got);
    free(got);
    ixj_decoder_free(d);
    TU_CHECK(ta.live_blocks == 0, "%s: %zu blocks leaked (fail at %llu)",
             in->name, ta.live_blocks, (unsigned long long)fail_at);
    return failed;
}

/*
 * Fails the n-th allocation for n = 1, 2, ... until a run meets no
 * failure (it then needed fewer than n allocations), and returns that n.
 * A decode allocates a bounded number of times, so the sweep must end:
 * after `limit` runs it fails loudly instead of looping on.
 */
static uint64_t
sweep(const input *in, bool fail_rest, size_t chunk, bool gather,
      uint64_t limit)
{
    uint64_t n = 1;
    while (run(in, n, fail_rest, chunk, gather)) {
        if (n >= limit)
            ck_abort_msg("%s: allocation %llu%s still failed a run (chunk "
                         "%zu, gathering %s): the sweep has no end",
                         in->name, (unsigned long long)n,
                         fail_rest ? " and after" : "", chunk,
                         gather ? "on" : "off");
        n++;
    }
    return n;
}

/* A case or an example needs a few dozen allocations, the big document
 * below about sixty. */
#define SWEEP_LIMIT 1000

START_TEST(test_sweep)
{
    const input *in = &inputs[_i];
    /* whole input, and 7-byte chunks (held tokens, more yajl calls),
     * those scanned as fed and gathered */
    for (int fail_rest = 0; fail_rest <= 1; fail_rest++) {
        sweep(in, fail_rest, 0, false, SWEEP_LIMIT);
        sweep(in, fail_rest, 7, false, SWEEP_LIMIT);
        sweep(in, fail_rest, 7, true, SWEEP_LIMIT);
    }
}
END_TEST

/* A bigger document whose arrays and strings outgrow every first size. */
START_TEST(test_sweep_big_document)
{
    tu_buf b = {0};
    input in;
    tu_opts o;
    ixj_decoder *d = ixj_decoder_new(NULL);
    /* first, a kept array too big for the arena's first block: its items
     * are copied out of their growing buffer when it closes (elements.c) */
    tu_buf_puts(&b, "{\"jobs\":[{\"data_source_uuids\":[\"\"");
    for (int i = 1; i < 3000; i++)
        tu_buf_puts(&b, ",\"\"");
    tu_buf_puts(&b, "]}");
    for (int i = 0; i < 300; i++) {
        tu_buf_printf(
            &b,
            ",{\"uuid\":\"job-%d\",\"data_source_uuids\":[\"a\",\"b\"],"
            "\"data_source_jobs\":[{\"error_details\":\"%0*d\\n\"}]}",
            i, 100 + i * 3, i);
    }
    tu_buf_puts(&b, "],\"x\":");
    for (int i = 0; i < 40; i++) /* yajl's state stack grows past 32 */
        tu_buf_puts(&b, "[");
    for (int i = 0; i < 40; i++)
        tu_buf_puts(&b, "]");
    tu_buf_puts(&b, "}");
    tu_opts_default(&o);
    in.text = b.data;
    in.len = b.len;
    in.opts = o;
    in.expected = tu_decode_text(d, &o, b.data, b.len, 0, 0);
    snprintf(in.name, sizeof in.name, "generated list");
    ck_assert(strncmp(in.expected, "ok list", 7) == 0);
    /* (4096-byte pieces are scanned as fed, gathering or not) */
    sweep(&in, false, 0, false, SWEEP_LIMIT);
    sweep(&in, true, 4096, false, SWEEP_LIMIT);
    free(in.expected);
    tu_buf_free(&b);
    ixj_decoder_free(d);
}
END_TEST

/* Deep nesting (type any, 300 levels): yajl's state stack grows by
 * realloc, which fails too. */
static char *
nested(int depth, const char *tail, size_t *len)
{
    tu_buf b = {0};
    for (int i = 0; i < depth; i++)
        tu_buf_puts(&b, "[");
    for (int i = 0; i < depth; i++)
        tu_buf_puts(&b, "]");
    tu_buf_puts(&b, tail);
    *len = b.len;
    return b.data;
}

START_TEST(test_sweep_deep)
{
    input in;
    tu_opts o;
    ixj_decoder *d = ixj_decoder_new(NULL);
    tu_opts_default(&o);
    o.type = IXJ_TYPE_ANY;
    o.max_depth = 400;
    in.text = nested(300, "", &in.len);
    in.opts = o;
    in.expected = tu_decode_text(d, &o, in.text, in.len, 0, 0);
    snprintf(in.name, sizeof in.name, "300 nested arrays");
    ck_assert(strncmp(in.expected, "ok any", 6) == 0);
    for (int fail_rest = 0; fail_rest <= 1; fail_rest++) {
        sweep(&in, fail_rest, 0, false, SWEEP_LIMIT);
        sweep(&in, fail_rest, 7, false, SWEEP_LIMIT);
    }
    free(in.expected);
    free(in.text);
    ixj_decoder_free(d);
}
END_TEST

/* yajl's memory is recycled whatever its shape: after a deep document
 * and an error (which drops yajl's handle), documents as deep or less
 * deep are decoded without a call to the allocator. */
START_TEST(test_deep_warm)
{
    static const int depths[] = {300, 200, 300, 100, 250, 300};
    tu_alloc ta;
    ixj_decoder *d;
    uint64_t calls = 0;
    tu_alloc_init(&ta);
    d = ixj_decoder_new(&ta.hooks);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_MAX_DEPTH, 400), IXJ_OK);
    for (int round = 0; round < 3; round++) {
        if (round == 1)
            calls = ta.calls;
        for (size_t i = 0; i < sizeof depths / sizeof depths[0]; i++) {
            ixj_result r;
            size_t len;
            char *ok = nested(depths[i], "", &len);
            char *bad;
            ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_ANY, ok, len, &r), IXJ_OK);
            free(ok);
            bad = nested(depths[i], "]", &len);
            ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_ANY, bad, len, &r),
                             IXJ_ERR_SYNTAX);
            free(bad);
        }
    }
    ck_assert_uint_eq(ta.calls, calls);
    ixj_decoder_free(d);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("failure");
    int failed;

    load_inputs();
    printf("%zu inputs\n", n_inputs);
    if (n_inputs < 100 + 5) { /* the corpus and the examples */
        fprintf(stderr, "FAIL: only %zu inputs under %s\n", n_inputs,
                tu_tests_dir());
        return 1;
    }
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, test_sweep, 0, (int)n_inputs);
    tcase_add_test(tc, test_sweep_big_document);
    tcase_add_test(tc, test_sweep_deep);
    tcase_add_test(tc, test_deep_warm);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    for (size_t i = 0; i < n_inputs; i++) {
        free(inputs[i].text);
        free(inputs[i].expected);
    }
    free(inputs);
    return failed == 0 ? 0 : 1;
}
