/* SPDX-License-Identifier: MIT */
/*
 * The decoder's API contract: call order and misuse, sticky errors,
 * options and their ranges, the limit on a kept result, reuse, result
 * lifetime and detaching, the allocator hooks, and a decoder driven from
 * its own callbacks (refused, with no effect on the decode).
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char job_text[] =
    "{\"job\":{\"uuid\":\"u-1\",\"data_source_uuids\":[\"a\",\"b\"]}}";

START_TEST(test_misuse)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;

    /* nothing begun */
    ck_assert_int_eq(ixj_decoder_feed(d, "{}", 2), IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_decoder_error(d)->code, IXJ_OK);
    /* bad type */
    ck_assert_int_eq(ixj_decoder_begin(d, (ixj_type)8), IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_decoder_begin(d, (ixj_type)-1), IXJ_ERR_MISUSE);
    /* begin twice */
    ck_assert_int_eq(ixj_decoder_begin(d, IXJ_TYPE_JOB), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_begin(d, IXJ_TYPE_JOB), IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_JOB, "{}", 2, &r), IXJ_ERR_MISUSE);
    /* options only between documents */
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_STRICT, 1),
                     IXJ_ERR_MISUSE);
    /* NULL data with a length */
    ck_assert_int_eq(ixj_decoder_feed(d, NULL, 1), IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_decoder_feed(d, NULL, 0), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_feed(d, "{}", 2), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_OK);
    /* feed or finish after finish */
    ck_assert_int_eq(ixj_decoder_feed(d, " ", 1), IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_ERR_MISUSE);
    ck_assert_ptr_null(r.as.value);
    ixj_decoder_free(d);
    ixj_decoder_free(NULL);
}
END_TEST

START_TEST(test_sticky_error)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;
    const ixj_error *e;

    /* a small chunk is gathered: its error shows by the time of finish */
    ck_assert_int_eq(ixj_decoder_begin(d, IXJ_TYPE_AUTO), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_feed(d, "{\"job\":{\"tokens\":1.5,", 21),
                     IXJ_OK);
    ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_ERR_RANGE);
    ck_assert_uint_eq(ixj_decoder_error(d)->offset, 17);
    /* a big one is examined at once */
    {
        char big[600];
        memset(big, ' ', sizeof big);
        memcpy(big, "{\"job\":{\"tokens\":1.5,", 21);
        ck_assert_int_eq(ixj_decoder_begin(d, IXJ_TYPE_AUTO), IXJ_OK);
        ck_assert_int_eq(ixj_decoder_feed(d, big, sizeof big), IXJ_ERR_RANGE);
    }
    e = ixj_decoder_error(d);
    ck_assert_int_eq(e->code, IXJ_ERR_RANGE);
    ck_assert_str_eq(e->path, "$.job.tokens");
    ck_assert_uint_eq(e->offset, 17);
    ck_assert_str_eq(e->message, ixj_status_message(IXJ_ERR_RANGE));
    /* later input, even invalid, does not change it */
    ck_assert_int_eq(ixj_decoder_feed(d, "\"\xff", 2), IXJ_ERR_RANGE);
    ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_ERR_RANGE);
    ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_ERR_RANGE);
    ck_assert_ptr_null(r.as.value);
    ck_assert_uint_eq(ixj_decoder_error(d)->offset, 17);
    /* reset clears it */
    ixj_decoder_reset(d);
    ck_assert_int_eq(ixj_decoder_error(d)->code, IXJ_OK);
    ck_assert_str_eq(ixj_decoder_error(d)->path, "");
    ck_assert_int_eq(ixj_decoder_feed(d, "{}", 2), IXJ_ERR_MISUSE);
    /* begin after an error is allowed and starts clean */
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, "[", 1, &r), IXJ_ERR_TYPE);
    ck_assert_int_eq(
        ixj_decode(d, IXJ_TYPE_AUTO, job_text, strlen(job_text), &r), IXJ_OK);
    ck_assert_str_eq(r.as.job->job->uuid.ptr, "u-1");
    ixj_decoder_free(d);
}
END_TEST

/* The largest value the decoder accepts for a size limit: far beyond any
 * payload, small enough that offsets computed from it never overflow
 * (MAX_LIMIT in lib/decoder.c; the header says only "out of its range"). */
#define LIMIT_MAX ((uint64_t)1 << 62)

/* Every option: its default and its range, lowest and highest accepted. */
static const struct {
    ixj_option opt;
    const char *name;
    uint64_t deflt, min, max;
} options[] = {
    {IXJ_OPT_STRICT, "strict", 0, 0, 1},
    {IXJ_OPT_MAX_DEPTH, "max_depth", IXJ_DEFAULT_MAX_DEPTH, 1, UINT32_MAX - 1},
    {IXJ_OPT_MAX_STRING_BYTES, "max_string_bytes", IXJ_DEFAULT_MAX_STRING_BYTES,
     0, LIMIT_MAX},
    {IXJ_OPT_MAX_NUMBER_BYTES, "max_number_bytes", IXJ_DEFAULT_MAX_NUMBER_BYTES,
     1, LIMIT_MAX},
    {IXJ_OPT_MAX_ARRAY_ELEMENTS, "max_array_elements",
     IXJ_DEFAULT_MAX_ARRAY_ELEMENTS, 0, LIMIT_MAX},
    {IXJ_OPT_MAX_DOCUMENT_BYTES, "max_document_bytes",
     IXJ_DEFAULT_MAX_DOCUMENT_BYTES, 0, LIMIT_MAX},
    {IXJ_OPT_VALIDATE_ONLY, "validate_only", 0, 0, 1},
    {IXJ_OPT_MAX_RESULT_BYTES, "max_result_bytes", IXJ_DEFAULT_MAX_RESULT_BYTES,
     0, LIMIT_MAX},
    {IXJ_OPT_GATHER, "gather", 1, 0, 1},
};

#define N_OPTIONS (sizeof options / sizeof options[0])

/* The defaults as the header documents them, literally. */
START_TEST(test_option_defaults)
{
    ck_assert_uint_eq(IXJ_DEFAULT_MAX_DEPTH, 64);
    ck_assert_uint_eq(IXJ_DEFAULT_MAX_STRING_BYTES, 1048576);
    ck_assert_uint_eq(IXJ_DEFAULT_MAX_NUMBER_BYTES, 1024);
    ck_assert_uint_eq(IXJ_DEFAULT_MAX_ARRAY_ELEMENTS, 10000000);
    ck_assert_uint_eq(IXJ_DEFAULT_MAX_DOCUMENT_BYTES, 0);
    ck_assert_uint_eq(IXJ_DEFAULT_MAX_RESULT_BYTES, 268435456);
    /* the options are numbered 1 to 9, each listed above once */
    ck_assert_uint_eq(N_OPTIONS, 9);
    for (size_t i = 0; i < N_OPTIONS; i++)
        ck_assert_int_eq(options[i].opt, (int)i + 1);
}
END_TEST

START_TEST(test_options)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    for (size_t i = 0; i < N_OPTIONS; i++) {
        ixj_option opt = options[i].opt;
        const char *name = options[i].name;
        uint64_t min = options[i].min, max = options[i].max;
        ck_assert_msg(ixj_decoder_get_option(d, opt) == options[i].deflt,
                      "%s: default %llu", name,
                      (unsigned long long)ixj_decoder_get_option(d, opt));
        /* both ends of the range are accepted */
        ck_assert_msg(ixj_decoder_set_option(d, opt, min) == IXJ_OK,
                      "%s: %llu refused", name, (unsigned long long)min);
        ck_assert_uint_eq(ixj_decoder_get_option(d, opt), min);
        ck_assert_msg(ixj_decoder_set_option(d, opt, max) == IXJ_OK,
                      "%s: %llu refused", name, (unsigned long long)max);
        ck_assert_uint_eq(ixj_decoder_get_option(d, opt), max);
        /* beyond them, refused, and the option keeps its value */
        if (min > 0) {
            ck_assert_msg(
                ixj_decoder_set_option(d, opt, min - 1) == IXJ_ERR_MISUSE,
                "%s: %llu accepted", name, (unsigned long long)(min - 1));
            ck_assert_uint_eq(ixj_decoder_get_option(d, opt), max);
        }
        ck_assert_msg(ixj_decoder_set_option(d, opt, max + 1) == IXJ_ERR_MISUSE,
                      "%s: %llu accepted", name, (unsigned long long)max + 1);
        ck_assert_int_eq(ixj_decoder_set_option(d, opt, UINT64_MAX),
                         IXJ_ERR_MISUSE);
        ck_assert_uint_eq(ixj_decoder_get_option(d, opt), max);
        /* back to the default, then refused while a document is open */
        ck_assert_int_eq(ixj_decoder_set_option(d, opt, options[i].deflt),
                         IXJ_OK);
        ck_assert_int_eq(ixj_decoder_begin(d, IXJ_TYPE_AUTO), IXJ_OK);
        ck_assert_int_eq(ixj_decoder_set_option(d, opt, min), IXJ_ERR_MISUSE);
        ck_assert_int_eq(ixj_decoder_set_option(d, opt, options[i].deflt),
                         IXJ_ERR_MISUSE);
        ck_assert_uint_eq(ixj_decoder_get_option(d, opt), options[i].deflt);
        ixj_decoder_reset(d);
    }
    /* no option 0 or 10 */
    for (int bad = 0; bad <= 10; bad += 10) {
        ck_assert_int_eq(ixj_decoder_set_option(d, (ixj_option)bad, 1),
                         IXJ_ERR_MISUSE);
        ck_assert_uint_eq(ixj_decoder_get_option(d, (ixj_option)bad), 0);
    }
    ck_assert_int_eq(ixj_decoder_set_option(d, (ixj_option)99, 1),
                     IXJ_ERR_MISUSE);
    ck_assert_uint_eq(ixj_decoder_get_option(d, (ixj_option)99), 0);
    ixj_decoder_free(d);
}
END_TEST

/* Options apply to the documents begun after they are set. */
START_TEST(test_options_take_effect)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;
    const char *alias = "{\"job\":{\"totalTokens\":\"5\"}}";
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_JOB, alias, strlen(alias), &r),
                     IXJ_OK);
    ck_assert_uint_eq(r.as.job->job->total_tokens, 5);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_STRICT, 1), IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_JOB, alias, strlen(alias), &r),
                     IXJ_ERR_UNKNOWN_FIELD);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_STRICT, 0), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_MAX_DEPTH, 1), IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_JOB, alias, strlen(alias), &r),
                     IXJ_ERR_LIMIT);
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_reuse_many_documents)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    for (int i = 0; i < 1000; i++) {
        ixj_result r;
        const char *bad = "{\"job\":{\"uuid\":7}}";
        ck_assert_int_eq(
            ixj_decode(d, IXJ_TYPE_AUTO, job_text, strlen(job_text), &r),
            IXJ_OK);
        ck_assert_uint_eq(r.as.job->job->n_data_source_uuids, 2);
        ck_assert_str_eq(r.as.job->job->data_source_uuids[1].ptr, "b");
        if (i % 3 == 0) {
            ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, bad, strlen(bad), &r),
                             IXJ_ERR_TYPE);
            ck_assert_uint_eq(ixj_decoder_error(d)->offset, 15);
        }
        if (i % 7 == 0) { /* abandoned mid-document */
            ck_assert_int_eq(ixj_decoder_begin(d, IXJ_TYPE_LIST), IXJ_OK);
            ck_assert_int_eq(ixj_decoder_feed(d, "{\"jobs\":[{\"uu", 13),
                             IXJ_OK);
            ixj_decoder_reset(d);
        }
    }
    ixj_decoder_free(d);
}
END_TEST

/* A warm decoder decodes the same kind of document without allocating. */
START_TEST(test_warm_decoder_does_not_allocate)
{
    tu_alloc ta;
    ixj_decoder *d;
    uint64_t calls = 0;
    const char *bad = "{\"job\":{\"data_source_jobs\":[{\"status\":1}]}}";
    tu_alloc_init(&ta);
    d = ixj_decoder_new(&ta.hooks);
    for (int i = 0; i < 50; i++) {
        ixj_result r;
        if (i == 3)
            calls = ta.calls;
        ck_assert_int_eq(
            ixj_decode(d, IXJ_TYPE_AUTO, job_text, strlen(job_text), &r),
            IXJ_OK);
        /* errors too: yajl's handle is rebuilt from recycled memory */
        ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, bad, strlen(bad), &r),
                         IXJ_ERR_TYPE);
    }
    ck_assert_uint_eq(ta.calls, calls);
    ixj_decoder_free(d);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

START_TEST(test_detach)
{
    tu_alloc ta;
    ixj_decoder *d;
    ixj_result r, r2;
    ixj_arena *a;

    tu_alloc_init(&ta);
    d = ixj_decoder_new(&ta.hooks);
    ck_assert_ptr_null(ixj_decoder_detach(d));
    ck_assert_int_eq(
        ixj_decode(d, IXJ_TYPE_AUTO, job_text, strlen(job_text), &r), IXJ_OK);
    a = ixj_decoder_detach(d);
    ck_assert_ptr_nonnull(a);
    ck_assert_ptr_null(ixj_decoder_detach(d)); /* only once */
    /* the decoder goes on with a fresh arena; the detached result lives */
    ck_assert_int_eq(
        ixj_decode(d, IXJ_TYPE_JOB, "{\"job\":{\"uuid\":\"v\"}}", 20, &r2),
        IXJ_OK);
    ixj_decoder_reset(d);
    ck_assert_str_eq(r.as.job->job->uuid.ptr, "u-1");
    ck_assert_str_eq(r.as.job->job->data_source_uuids[0].ptr, "a");
    ixj_decoder_free(d);
    ck_assert_str_eq(r.as.job->job->uuid.ptr, "u-1");
    ixj_arena_free(a);
    ixj_arena_free(NULL);
    ck_assert_uint_eq(ta.live_blocks, 0);
    /* failed decodes have nothing to detach */
    d = ixj_decoder_new(NULL);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, "{", 1, &r),
                     IXJ_ERR_TRUNCATED);
    ck_assert_ptr_null(ixj_decoder_detach(d));
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_incomplete_hooks_rejected)
{
    tu_alloc ta;
    ixj_allocator partial;
    tu_alloc_init(&ta);
    partial = ta.hooks;
    partial.realloc = NULL;
    ck_assert_ptr_null(ixj_decoder_new(&partial));
    ck_assert_ptr_null(ixj_encoder_new(&partial));
    ck_assert_ptr_null(ixj_arena_new(&partial));
    ck_assert_uint_eq(ta.calls, 0);
}
END_TEST

START_TEST(test_results_and_counts)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;
    const char *text = "{\"jobs\":[{\"phase\":\"BATCH_JOB_PHASE_NEW\",\"x\":1}]"
                       ",\"y\":{\"z\":1}}";
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, strlen(text), &r),
                     IXJ_OK);
    ck_assert_int_eq(r.type, IXJ_TYPE_LIST);
    ck_assert_ptr_eq(r.as.value, r.as.list);
    ck_assert_uint_eq(r.unknown_fields, 2);
    ck_assert_uint_eq(r.unrecognized_enums, 1);
    ck_assert_uint_eq(r.as.list->n_jobs, 1);
    ck_assert_int_eq(r.as.list->jobs[0]->phase,
                     IXJ_BATCH_JOB_PHASE_UNRECOGNIZED);
    ck_assert_str_eq(r.as.list->jobs[0]->phase_raw.ptr, "BATCH_JOB_PHASE_NEW");
    ck_assert_uint_eq(r.as.list->jobs[0]->phase_raw.len, 19);
    ck_assert(IXJ_HAS(r.as.list->jobs[0], IXJ_JOB_PHASE));
    ck_assert(!IXJ_HAS(r.as.list->jobs[0], IXJ_JOB_STATUS));
    ck_assert(IXJ_HAS(r.as.list, IXJ_JOB_LIST_JOBS));
    ck_assert(!IXJ_HAS(r.as.list, IXJ_JOB_LIST_META));
    ck_assert_ptr_null(r.as.list->jobs[0]->uuid.ptr);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_ANY, "[1]", 3, &r), IXJ_OK);
    ck_assert_int_eq(r.type, IXJ_TYPE_ANY);
    ck_assert_ptr_null(r.as.value);
    ixj_decoder_free(d);
}
END_TEST

/* The type of a failed document: what detection had decided by then. */
START_TEST(test_type_of_failed_document)
{
    static const struct {
        ixj_type begun;
        const char *text;
        ixj_type want;
    } cases[] = {
        {IXJ_TYPE_AUTO, "x", IXJ_TYPE_AUTO},
        {IXJ_TYPE_AUTO, "{\"job\":1}", IXJ_TYPE_JOB},
        {IXJ_TYPE_AUTO, "{\"meta\":{\"page\":1.5}}", IXJ_TYPE_LIST},
        {IXJ_TYPE_AUTO, "{\"request_id\":\"r\"", IXJ_TYPE_ERROR_BODY},
        {IXJ_TYPE_AUTO, "{\"zzz\":1,\"job\":{}} x", IXJ_TYPE_JOB},
        /* no key decided: unidentified, and the type is still AUTO */
        {IXJ_TYPE_AUTO, "{}", IXJ_TYPE_AUTO},
        {IXJ_TYPE_AUTO, "{\"name\":\"left-pad\",\"data\":{\"job\":{}}}",
         IXJ_TYPE_AUTO},
        {IXJ_TYPE_SIGNED_URL, "x", IXJ_TYPE_SIGNED_URL},
        {IXJ_TYPE_ANY, "[", IXJ_TYPE_ANY},
    };
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ck_assert_int_ne(ixj_decode(d, cases[i].begun, cases[i].text,
                                    strlen(cases[i].text), &r),
                         IXJ_OK);
        ck_assert_msg(ixj_decoder_type(d) == cases[i].want, "case %zu: %s", i,
                      ixj_type_name(ixj_decoder_type(d)));
    }
    /* {} under auto-detection names no type: a failure at its brace */
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, "{}", 2, &r),
                     IXJ_ERR_UNIDENTIFIED);
    ck_assert_int_eq(ixj_decoder_type(d), IXJ_TYPE_AUTO);
    ck_assert_str_eq(ixj_decoder_error(d)->path, "$");
    ck_assert_uint_eq(ixj_decoder_error(d)->offset, 1);
    ck_assert_str_eq(ixj_decoder_error(d)->detail,
                     "no top-level key belongs to a payload type; name the "
                     "type to check the text as one");
    ck_assert_int_eq(r.type, IXJ_TYPE_AUTO);
    ck_assert_ptr_null(r.as.value);
    /* named, it is a job envelope without its job */
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_JOB, "{}", 2, &r), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_type(d), IXJ_TYPE_JOB);
    ck_assert_int_eq(r.type, IXJ_TYPE_JOB);
    ck_assert_uint_eq(r.as.job->present, 0);
    ck_assert_int_eq(ixj_decoder_begin(d, IXJ_TYPE_AUTO), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_type(d), IXJ_TYPE_AUTO);
    ixj_decoder_free(d);
}
END_TEST

/* ------------------------------------------------------ result limit */

static int
count_jobs(void *ctx, const ixj_element_info *e)
{
    (void)e;
    (*(uint64_t *)ctx)++;
    return 0;
}

/* {"jobs":[{},{},...]}: n empty jobs; element k starts at 9 + 3k. */
static char *
empty_jobs(size_t n, size_t *len)
{
    tu_buf b = {0};
    tu_buf_puts(&b, "{\"jobs\":[");
    for (size_t i = 0; i < n; i++)
        tu_buf_puts(&b, i ? ",{}" : "{}");
    tu_buf_puts(&b, "]}");
    *len = b.len;
    return b.data;
}

static ixj_status
decode_jobs(ixj_decoder *d, const char *text, size_t len, size_t chunk,
            bool gather, ixj_result *r)
{
    ixj_status st;
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_GATHER, gather), IXJ_OK);
    st = ixj_decoder_begin(d, IXJ_TYPE_AUTO);
    ck_assert_int_eq(st, IXJ_OK);
    for (size_t at = 0; at < len && st == IXJ_OK; at += chunk)
        st =
            ixj_decoder_feed(d, text + at, len - at < chunk ? len - at : chunk);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, r);
    return st;
}

/*
 * IXJ_OPT_MAX_RESULT_BYTES: the kept result counts its structs (the
 * list, then per element of jobs an ixj_job and the pointer to it; the
 * struct of an object member) and strings; the element
 * that passes the limit fails with IXJ_ERR_LIMIT, at its own path and
 * offset. Streamed or dropped elements are not kept, so they do not
 * count; 0 means unlimited.
 */
START_TEST(test_max_result_bytes)
{
    static const size_t chunks[] = {1, 7, 4096};
    const uint64_t list = sizeof(ixj_job_list);
    const uint64_t job = sizeof(ixj_job) + sizeof(ixj_job *); /* kept */
    const uint64_t envelope = sizeof(ixj_job_envelope) + sizeof(ixj_job);
    const uint64_t limit = list + 5 * job; /* room for five jobs */
    ixj_decoder *d = ixj_decoder_new(NULL);
    uint64_t delivered = 0;
    ixj_result r;
    size_t len;
    char *text = empty_jobs(8, &len);
    const ixj_error *e;

    ck_assert_uint_eq(ixj_decoder_get_option(d, IXJ_OPT_MAX_RESULT_BYTES),
                      268435456);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, limit),
                     IXJ_OK);
    /* the sixth job (index 5, at offset 9 + 3 * 5) passes it */
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r),
                     IXJ_ERR_LIMIT);
    e = ixj_decoder_error(d);
    ck_assert_int_eq(e->code, IXJ_ERR_LIMIT);
    ck_assert_str_eq(e->path, "$.jobs[5]");
    ck_assert_uint_eq(e->offset, 24);
    ck_assert_uint_eq(e->line, 1);
    ck_assert_uint_eq(e->column, 25);
    ck_assert_ptr_null(r.as.value);
    /* the same however it is fed */
    for (size_t ci = 0; ci < 3; ci++) {
        for (int gather = 0; gather <= 1; gather++) {
            ck_assert_int_eq(decode_jobs(d, text, len, chunks[ci], gather, &r),
                             IXJ_ERR_LIMIT);
            ck_assert_str_eq(ixj_decoder_error(d)->path, "$.jobs[5]");
            ck_assert_uint_eq(ixj_decoder_error(d)->offset, 24);
        }
    }
    /* five jobs fit exactly; one byte less and the fifth does not */
    free(text);
    text = empty_jobs(5, &len);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r), IXJ_OK);
    ck_assert_uint_eq(r.as.list->n_jobs, 5);
    ck_assert_int_eq(
        ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, limit - 1), IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r),
                     IXJ_ERR_LIMIT);
    ck_assert_str_eq(ixj_decoder_error(d)->path, "$.jobs[4]");
    ck_assert_uint_eq(ixj_decoder_error(d)->offset, 21);

    /* the struct of an object member counts, at its opening brace */
    ck_assert_int_eq(
        ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, envelope - 1),
        IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, "{\"job\":{}}", 10, &r),
                     IXJ_ERR_LIMIT);
    ck_assert_str_eq(ixj_decoder_error(d)->path, "$.job");
    ck_assert_uint_eq(ixj_decoder_error(d)->offset, 7);
    ck_assert_int_eq(
        ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, envelope), IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, "{\"job\":{}}", 10, &r),
                     IXJ_OK);

    /* strings count too: the uuid's 3 bytes and its NUL */
    ck_assert_int_eq(
        ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, envelope + 3),
        IXJ_OK);
    ck_assert_int_eq(
        ixj_decode(d, IXJ_TYPE_AUTO, "{\"job\":{\"uuid\":\"abc\"}}", 22, &r),
        IXJ_ERR_LIMIT);
    ck_assert_str_eq(ixj_decoder_error(d)->path, "$.job.uuid");
    ck_assert_uint_eq(ixj_decoder_error(d)->offset, 15);
    ck_assert_int_eq(
        ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, envelope + 4),
        IXJ_OK);
    ck_assert_int_eq(
        ixj_decode(d, IXJ_TYPE_AUTO, "{\"job\":{\"uuid\":\"abc\"}}", 22, &r),
        IXJ_OK);
    /* and the text of an enum literal kept as unrecognized (default
     * mode): "NEW" and its NUL */
    {
        static const char phase[] = "{\"job\":{\"phase\":\"NEW\"}}";
        ck_assert_int_eq(
            ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, envelope + 3),
            IXJ_OK);
        ck_assert_int_eq(
            ixj_decode(d, IXJ_TYPE_AUTO, phase, sizeof phase - 1, &r),
            IXJ_ERR_LIMIT);
        ck_assert_str_eq(ixj_decoder_error(d)->path, "$.job.phase");
        ck_assert_int_eq(
            ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, envelope + 4),
            IXJ_OK);
        ck_assert_int_eq(
            ixj_decode(d, IXJ_TYPE_AUTO, phase, sizeof phase - 1, &r), IXJ_OK);
        ck_assert_int_eq(r.as.job->job->phase,
                         IXJ_BATCH_JOB_PHASE_UNRECOGNIZED);
        ck_assert_str_eq(r.as.job->job->phase_raw.ptr, "NEW");
    }

    /* many more jobs pass when nothing keeps them */
    free(text);
    text = empty_jobs(1000, &len);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, limit),
                     IXJ_OK);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_VALIDATE_ONLY, 1),
                     IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r), IXJ_OK);
    ck_assert_uint_eq(r.as.list->n_jobs, 1000);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_VALIDATE_ONLY, 0),
                     IXJ_OK);
    ck_assert_int_eq(
        ixj_decoder_on_element(d, IXJ_ELEMENT_JOBS, count_jobs, &delivered),
        IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r), IXJ_OK);
    ck_assert_uint_eq(r.as.list->n_jobs, 1000);
    ck_assert_uint_eq(delivered, 1000);
    /* validation only drops them: the callback is not called */
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_VALIDATE_ONLY, 1),
                     IXJ_OK);
    delivered = 0;
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r), IXJ_OK);
    ck_assert_uint_eq(r.as.list->n_jobs, 1000);
    ck_assert_uint_eq(delivered, 0);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_VALIDATE_ONLY, 0),
                     IXJ_OK);
    ck_assert_int_eq(ixj_decoder_on_element(d, IXJ_ELEMENT_JOBS, NULL, NULL),
                     IXJ_OK);
    /* kept, they fail; with no limit (0), they pass */
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r),
                     IXJ_ERR_LIMIT);
    ck_assert_str_eq(ixj_decoder_error(d)->path, "$.jobs[5]");
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, 0),
                     IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r), IXJ_OK);
    ck_assert_uint_eq(r.as.list->n_jobs, 1000);
    ck_assert_ptr_nonnull(r.as.list->jobs);
    free(text);
    ixj_decoder_free(d);
}
END_TEST

/*
 * Gathering: chunks shorter than 512 bytes collect in a 4 KiB stage, and
 * a chunk that does not fit scans the stage and starts it again. A
 * document fed in pieces of every size from 1 to 600 bytes (the stage
 * fills at every offset) decodes as it does whole.
 */
START_TEST(test_gathered_pieces)
{
    tu_buf text = {0}, want = {0};
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;

    tu_buf_puts(&text, "{\"jobs\":[");
    for (int i = 0; i < 200; i++)
        tu_buf_printf(&text, "%s{\"uuid\":\"job-%d\",\"total_tokens\":%d}",
                      i ? "," : "", i, i * 7);
    tu_buf_puts(&text, "]}");
    ck_assert_uint_gt(text.len, 4096);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text.data, text.len, &r),
                     IXJ_OK);
    tu_render_result(&want, &r);
    for (size_t chunk = 1; chunk <= 600; chunk += chunk < 16 ? 1 : 37) {
        tu_buf got = {0};
        ck_assert_int_eq(decode_jobs(d, text.data, text.len, chunk, true, &r),
                         IXJ_OK);
        tu_render_result(&got, &r);
        ck_assert_str_eq(got.data, want.data);
        tu_buf_free(&got);
    }
    ixj_decoder_free(d);
    tu_buf_free(&text);
    tu_buf_free(&want);
}
END_TEST

/* ------------------------------------------------------------ re-entry */

/*
 * The "Callbacks" rule of ixjob.h: from inside its own element or
 * document callback, a decoder may be read but not driven. Every driving
 * call is refused (IXJ_ERR_MISUSE, NULL for detach), reset and free do
 * nothing, and the decode around the callback goes on to exactly the
 * outcome it has without those calls.
 */

typedef struct reentry {
    ixj_decoder *d;
    bool attempt;   /* the callbacks try every driving call */
    bool in_finish; /* the test is inside ixj_decoder_finish */
    size_t from_feed, from_finish;
    size_t elements[5]; /* delivered, by ixj_element */
    size_t documents;
    tu_buf seen; /* what the callbacks received, rendered */
} reentry;

static int
noop_element(void *ctx, const ixj_element_info *e)
{
    (void)ctx;
    (void)e;
    return 0;
}

static int
noop_document(void *ctx, const ixj_document_info *doc)
{
    (void)ctx;
    (void)doc;
    return 0;
}

/* Makes every call that would drive d; each must be refused and change
 * nothing the callback can read. */
static void
try_to_drive(ixj_decoder *d)
{
    const ixj_error *e = ixj_decoder_error(d);
    ixj_status code = e->code;
    uint64_t offset = e->offset;
    ixj_type type = ixj_decoder_type(d);
    uint64_t opts[10];
    ixj_result r, untouched;

    for (int o = 1; o <= 9; o++)
        opts[o] = ixj_decoder_get_option(d, (ixj_option)o);
    memset(&r, 0x5a, sizeof r);
    untouched = r;

    TU_CHECK(ixj_decoder_feed(d, "{}", 2) == IXJ_ERR_MISUSE, "feed");
    TU_CHECK(ixj_decoder_feed(d, "", 0) == IXJ_ERR_MISUSE, "empty feed");
    TU_CHECK(ixj_decoder_finish(d, &r) == IXJ_ERR_MISUSE, "finish");
    TU_CHECK(memcmp(&r, &untouched, sizeof r) == 0, "finish wrote *out");
    TU_CHECK(ixj_decoder_begin(d, IXJ_TYPE_AUTO) == IXJ_ERR_MISUSE, "begin");
    TU_CHECK(ixj_decoder_begin(d, IXJ_TYPE_ANY) == IXJ_ERR_MISUSE, "begin");
    TU_CHECK(ixj_decoder_begin_stream(d, IXJ_TYPE_AUTO, IXJ_STREAM_NDJSON,
                                      noop_document, NULL) == IXJ_ERR_MISUSE,
             "begin_stream");
    TU_CHECK(ixj_decode(d, IXJ_TYPE_AUTO, "{}", 2, &r) == IXJ_ERR_MISUSE,
             "decode");
    TU_CHECK(memcmp(&r, &untouched, sizeof r) == 0, "decode wrote *out");
    for (int o = 1; o <= 9; o++) {
        /* the same value, and another one in range */
        uint64_t other = opts[o] == 0 ? 1 : opts[o] - 1;
        TU_CHECK(ixj_decoder_set_option(d, (ixj_option)o, opts[o]) ==
                     IXJ_ERR_MISUSE,
                 "set_option %d", o);
        TU_CHECK(ixj_decoder_set_option(d, (ixj_option)o, other) ==
                     IXJ_ERR_MISUSE,
                 "set_option %d", o);
    }
    TU_CHECK(ixj_decoder_on_element(d, IXJ_ELEMENT_JOBS, noop_element, NULL) ==
                 IXJ_ERR_MISUSE,
             "on_element");
    TU_CHECK(ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_UUIDS, NULL,
                                    NULL) == IXJ_ERR_MISUSE,
             "on_element");
    TU_CHECK(ixj_decoder_detach(d) == NULL, "detach");
    ixj_decoder_reset(d);
    ixj_decoder_free(d); /* must do nothing: d is used below */

    TU_CHECK(ixj_decoder_error(d) == e && e->code == code &&
                 e->offset == offset,
             "the error changed");
    TU_CHECK(ixj_decoder_type(d) == type, "the type changed");
    for (int o = 1; o <= 9; o++)
        TU_CHECK(ixj_decoder_get_option(d, (ixj_option)o) == opts[o],
                 "option %d changed", o);
}

static void
count_call(reentry *re)
{
    if (re->in_finish)
        re->from_finish++;
    else
        re->from_feed++;
}

static int
element_driver(void *ctx, const ixj_element_info *info)
{
    reentry *re = ctx;
    tu_buf before = {0}, after = {0};
    count_call(re);
    re->elements[info->element]++;
    tu_render_element(&before, info);
    if (re->attempt)
        try_to_drive(re->d);
    tu_render_element(&after, info); /* the element is intact */
    TU_CHECK(strcmp(before.data, after.data) == 0, "element changed:\n%s",
             after.data);
    tu_buf_puts(&re->seen, before.data);
    tu_buf_free(&before);
    tu_buf_free(&after);
    return 0;
}

static void
render_doc(tu_buf *out, const ixj_document_info *doc)
{
    tu_buf_printf(out, "%llu [%llu,%llu) %s %s",
                  (unsigned long long)doc->record,
                  (unsigned long long)doc->start, (unsigned long long)doc->end,
                  ixj_type_name(doc->type), ixj_status_name(doc->status));
    if (doc->status == IXJ_OK)
        tu_render_result(out, doc->result);
    else
        tu_render_error(out, doc->error);
}

static int
document_driver(void *ctx, const ixj_document_info *doc)
{
    reentry *re = ctx;
    tu_buf before = {0}, after = {0};
    count_call(re);
    re->documents++;
    render_doc(&before, doc);
    if (re->attempt)
        try_to_drive(re->d);
    render_doc(&after, doc); /* the document's result or error is intact */
    TU_CHECK(strcmp(before.data, after.data) == 0, "document changed:\n%s",
             after.data);
    tu_buf_puts(&re->seen, before.data);
    tu_buf_free(&before);
    tu_buf_free(&after);
    return 0;
}

/* Runs one decode (stream: 0 for one document) fed chunk bytes at a time
 * (0: whole), with gathering on or off; returns the outcome rendered. */
static char *
run_reentry(reentry *re, ixj_stream_format stream, const char *text,
            size_t chunk, bool gather)
{
    size_t len = strlen(text);
    tu_buf out = {0};
    ixj_result r;
    ixj_status st;

    ck_assert_int_eq(ixj_decoder_set_option(re->d, IXJ_OPT_GATHER, gather),
                     IXJ_OK);
    if (stream != 0)
        st = ixj_decoder_begin_stream(re->d, IXJ_TYPE_AUTO, stream,
                                      document_driver, re);
    else
        st = ixj_decoder_begin(re->d, IXJ_TYPE_AUTO);
    ck_assert_int_eq(st, IXJ_OK);
    if (chunk == 0)
        chunk = len;
    for (size_t at = 0; at < len && st == IXJ_OK; at += chunk)
        st = ixj_decoder_feed(re->d, text + at,
                              len - at < chunk ? len - at : chunk);
    re->in_finish = true;
    if (st == IXJ_OK)
        st = ixj_decoder_finish(re->d, &r);
    re->in_finish = false;
    tu_buf_printf(&out, "=> %s\n", ixj_status_name(st));
    if (st == IXJ_OK && stream == 0)
        tu_render_result(&out, &r);
    else if (st != IXJ_OK)
        tu_render_error(&out, ixj_decoder_error(re->d));
    return out.data;
}

static reentry *
reentry_new(bool attempt, const ixj_element *which, size_t n)
{
    reentry *re = calloc(1, sizeof *re);
    re->d = ixj_decoder_new(NULL);
    re->attempt = attempt;
    for (size_t i = 0; i < n; i++)
        ck_assert_int_eq(
            ixj_decoder_on_element(re->d, which[i], element_driver, re),
            IXJ_OK);
    return re;
}

static void
reentry_free(reentry *re)
{
    ixj_decoder_free(re->d);
    tu_buf_free(&re->seen);
    free(re);
}

static const char reentry_list[] =
    "{\"jobs\":[{\"uuid\":\"j0\",\"data_source_uuids\":[\"a\",\"b\"],"
    "\"data_source_jobs\":[{\"total_bytes\":\"1\"},{\"error_msg\":\"e\"}]},"
    "{\"uuid\":\"j1\"},{\"uuid\":\"j2\",\"tokens\":3}],\"meta\":{\"total\":3}}";
/* the same, failing after two elements */
static const char reentry_bad_list[] =
    "{\"jobs\":[{\"uuid\":\"j0\",\"data_source_uuids\":[\"a\",\"b\"]},"
    "{\"uuid\":\"j1\"},{\"uuid\":\"j2\",\"tokens\":1.5}]}";

/* Decodes text, with the element callbacks for `which` trying to drive
 * the decoder, whole and in pieces with gathering on and off: each time
 * the same outcome and the same elements as without the attempts. */
static void
check_element_reentry(const char *text, const ixj_element *which, size_t n,
                      size_t *from_feed, size_t *from_finish)
{
    static const size_t chunks[] = {0, 1, 7};
    reentry *ref = reentry_new(false, which, n);
    char *want = run_reentry(ref, 0, text, 0, false);

    for (size_t ci = 0; ci < 3; ci++) {
        for (int gather = 0; gather <= 1; gather++) {
            reentry *re = reentry_new(true, which, n);
            char *got = run_reentry(re, 0, text, chunks[ci], gather);
            TU_CHECK(strcmp(got, want) == 0,
                     "chunk %zu, gathering %d: outcome\n%s--- without the "
                     "calls:\n%s",
                     chunks[ci], gather, got, want);
            TU_CHECK(strcmp(re->seen.data ? re->seen.data : "",
                            ref->seen.data ? ref->seen.data : "") == 0,
                     "chunk %zu, gathering %d: elements\n%s--- without the "
                     "calls:\n%s",
                     chunks[ci], gather, re->seen.data, ref->seen.data);
            *from_feed += re->from_feed;
            *from_finish += re->from_finish;
            free(got);
            reentry_free(re);
        }
    }
    free(want);
    reentry_free(ref);
}

START_TEST(test_reentry_from_element_callbacks)
{
    static const ixj_element jobs[] = {IXJ_ELEMENT_JOBS};
    static const ixj_element all[] = {IXJ_ELEMENT_JOBS,
                                      IXJ_ELEMENT_DATA_SOURCE_JOBS,
                                      IXJ_ELEMENT_DATA_SOURCE_UUIDS};
    size_t from_feed = 0, from_finish = 0;
    ixj_decoder *batch = ixj_decoder_new(NULL);
    ixj_result r;
    tu_buf want = {0};
    char *got;
    reentry *re;

    check_element_reentry(reentry_list, jobs, 1, &from_feed, &from_finish);
    check_element_reentry(reentry_list, all, 3, &from_feed, &from_finish);
    check_element_reentry(reentry_bad_list, all, 3, &from_feed, &from_finish);
    /* the calls were made from callbacks run by feed and by finish */
    ck_assert_uint_gt(from_feed, 0);
    ck_assert_uint_gt(from_finish, 0);

    /* the elements are the batch decode's, each delivered once */
    ck_assert_int_eq(ixj_decode(batch, IXJ_TYPE_AUTO, reentry_list,
                                strlen(reentry_list), &r),
                     IXJ_OK);
    tu_render_elements(&want, &r, IXJ_ELEMENT_JOBS);
    re = reentry_new(true, jobs, 1);
    got = run_reentry(re, 0, reentry_list, 1, false);
    ck_assert_str_eq(got, "=> ok\n"
                          "ok list unknown_fields=0 unrecognized_enums=0\n"
                          "$.jobs = [3]\n"
                          "$.meta = {}\n"
                          "$.meta.total = 3\n");
    ck_assert_str_eq(re->seen.data, want.data);
    ck_assert_uint_eq(re->elements[IXJ_ELEMENT_JOBS], 3);
    free(got);
    reentry_free(re);

    re = reentry_new(true, all, 3);
    got = run_reentry(re, 0, reentry_list, 0, true);
    free(got);
    ck_assert_uint_eq(re->elements[IXJ_ELEMENT_JOBS], 3);
    ck_assert_uint_eq(re->elements[IXJ_ELEMENT_DATA_SOURCE_JOBS], 2);
    ck_assert_uint_eq(re->elements[IXJ_ELEMENT_DATA_SOURCE_UUIDS], 2);
    reentry_free(re);

    /* a failing document: the elements before the error, its error */
    re = reentry_new(true, jobs, 1);
    got = run_reentry(re, 0, reentry_bad_list, 3, false);
    {
        /* (a detail line may follow) */
        static const char want_error[] = "=> range\n"
                                         "error range at $.jobs[2].tokens "
                                         "offset=89 line=1 column=90\n";
        ck_assert_msg(strncmp(got, want_error, strlen(want_error)) == 0,
                      "got:\n%s", got);
    }
    ck_assert_uint_eq(re->elements[IXJ_ELEMENT_JOBS], 2);
    free(got);
    reentry_free(re);

    tu_buf_free(&want);
    ixj_decoder_free(batch);
}
END_TEST

START_TEST(test_reentry_from_document_callbacks)
{
    static const ixj_element jobs[] = {IXJ_ELEMENT_JOBS};
    static const struct {
        ixj_stream_format format;
        const char *text;
        size_t documents;
    } streams[] = {
        {IXJ_STREAM_NDJSON,
         "{\"job\":{\"uuid\":\"a\"}}\n{\"job\":{\"tokens\":1.5}}\n"
         "{\"jobs\":[{},{\"uuid\":\"b\"}]}\n\n{\"signed_url\":\"u\"}",
         4},
        {IXJ_STREAM_CONCATENATED,
         "{\"job\":{}} {\"job\":{\"tokens\":1.5}}{\"jobs\":[{}]}\n{}", 4},
    };
    static const size_t chunks[] = {0, 1, 7};
    size_t from_feed = 0, from_finish = 0;

    for (size_t s = 0; s < 2; s++) {
        /* element callbacks inside the stream's documents too */
        for (size_t n = 0; n <= 1; n++) {
            reentry *ref = reentry_new(false, jobs, n);
            char *want =
                run_reentry(ref, streams[s].format, streams[s].text, 0, false);
            ck_assert_str_eq(want, "=> ok\n");
            ck_assert_uint_eq(ref->documents, streams[s].documents);
            for (size_t ci = 0; ci < 3; ci++) {
                for (int gather = 0; gather <= 1; gather++) {
                    reentry *re = reentry_new(true, jobs, n);
                    char *got =
                        run_reentry(re, streams[s].format, streams[s].text,
                                    chunks[ci], gather);
                    TU_CHECK(strcmp(got, want) == 0,
                             "stream %zu, chunk %zu, gathering %d: %s", s,
                             chunks[ci], gather, got);
                    TU_CHECK(strcmp(re->seen.data, ref->seen.data) == 0,
                             "stream %zu, chunk %zu, gathering %d:\n%s--- "
                             "without the calls:\n%s",
                             s, chunks[ci], gather, re->seen.data,
                             ref->seen.data);
                    ck_assert_uint_eq(re->documents, streams[s].documents);
                    from_feed += re->from_feed;
                    from_finish += re->from_finish;
                    free(got);
                    reentry_free(re);
                }
            }
            free(want);
            reentry_free(ref);
        }
    }
    ck_assert_uint_gt(from_feed, 0);
    ck_assert_uint_gt(from_finish, 0);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    int failed;

    tcase_add_test(tc, test_misuse);
    tcase_add_test(tc, test_sticky_error);
    tcase_add_test(tc, test_option_defaults);
    tcase_add_test(tc, test_options);
    tcase_add_test(tc, test_options_take_effect);
    tcase_add_test(tc, test_reuse_many_documents);
    tcase_add_test(tc, test_warm_decoder_does_not_allocate);
    tcase_add_test(tc, test_detach);
    tcase_add_test(tc, test_incomplete_hooks_rejected);
    tcase_add_test(tc, test_results_and_counts);
    tcase_add_test(tc, test_type_of_failed_document);
    tcase_add_test(tc, test_max_result_bytes);
    tcase_add_test(tc, test_gathered_pieces);
    tcase_add_test(tc, test_reentry_from_element_callbacks);
    tcase_add_test(tc, test_reentry_from_document_callbacks);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
