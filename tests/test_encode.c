/* SPDX-License-Identifier: MIT */
/*
 * The encoder: every canonical-form rule (tests/canonical/), round trips
 * over the whole corpus and the API examples (decode, encode, decode:
 * the same value; encode again: the same bytes), buffers too small,
 * callbacks, refusals of values decoding could not produce, allocation
 * failure, determinism.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Encodes into a malloc'd string, or NULL (status in *st). */
static char *
encode_text(ixj_encoder *e, ixj_type type, const void *value, unsigned flags,
            ixj_status *st)
{
    size_t len = 0;
    char *out;
    *st = ixj_encode(e, type, value, flags, NULL, 0, &len);
    if (*st != IXJ_ERR_SPACE)
        return NULL;
    out = malloc(len + 1);
    *st = ixj_encode(e, type, value, flags, out, len + 1, &len);
    if (*st != IXJ_OK) {
        free(out);
        return NULL;
    }
    return out;
}

/* Decodes text as a type (default mode) and renders its value. */
static char *
instants(ixj_decoder *d, ixj_type type, const char *text, size_t len,
         ixj_result *r)
{
    tu_buf b = {0};
    ixj_status st = ixj_decode(d, type, text, len, r);
    TU_CHECK(st == IXJ_OK, "re-decoding failed: %s at %s\n%s",
             ixj_status_name(st), ixj_decoder_error(d)->path, text);
    tu_render_instants(&b, r);
    return b.data;
}

/* The round trip of one decoded value: encode (compact and pretty),
 * decode, same value; encode again, same bytes. */
static void
round_trip(const char *name, const ixj_result *r)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_encoder *e = ixj_encoder_new(NULL);
    tu_buf want = {0};
    tu_render_instants(&want, r);
    for (unsigned flags = 0; flags <= IXJ_ENCODE_PRETTY; flags++) {
        ixj_status st;
        ixj_result r2, r3;
        char *c1 = encode_text(e, r->type, r->as.value, flags, &st);
        char *v2, *c2;
        TU_CHECK(c1 != NULL, "%s: encode failed: %s at %s", name,
                 ixj_status_name(st), ixj_encoder_error(e)->path);
        v2 = instants(d, r->type, c1, strlen(c1), &r2);
        TU_CHECK(strcmp(v2, want.data) == 0,
                 "%s: round trip changed the value:\n%s--- encoded as\n%s",
                 name, want.data, c1);
        c2 = encode_text(e, r2.type, r2.as.value, flags, &st);
        TU_CHECK(c2 != NULL && strcmp(c1, c2) == 0,
                 "%s: canonical bytes not stable:\n%s\n%s", name, c1, c2);
        /* and compact output decodes to what the pretty one does */
        free(instants(d, r->type, c2, strlen(c2), &r3));
        free(v2);
        free(c1);
        free(c2);
    }
    tu_buf_free(&want);
    ixj_encoder_free(e);
    ixj_decoder_free(d);
}

struct trips {
    ixj_decoder *decoder;
    size_t count;
};

static void
round_trip_case(const tu_loaded_case *c, void *ctx)
{
    struct trips *t = ctx;
    ixj_result r;
    if (strncmp(c->expected, "ok ", 3) != 0 || c->opts.type == IXJ_TYPE_ANY)
        return;
    tu_opts_apply(&c->opts, t->decoder);
    ck_assert_int_eq(ixj_decode(t->decoder, c->opts.type, c->text, c->len, &r),
                     IXJ_OK);
    round_trip(c->paths->expect_path, &r);
    t->count++;
}

START_TEST(test_round_trip_corpus)
{
    struct trips t = {ixj_decoder_new(NULL), 0};
    tu_corpus_each(round_trip_case, &t);
    ixj_decoder_free(t.decoder);
    ck_assert_uint_ge(t.count, 150);
}
END_TEST

/* The type to decode an API example with: detected, except for the one
 * in which no key names a type ({}, unidentified under auto-detection),
 * which is the job envelope it was written as. */
static ixj_type
example_type(const char *file)
{
    return strcmp(file, "minimal_envelope_empty.json") == 0 ? IXJ_TYPE_JOB
                                                            : IXJ_TYPE_AUTO;
}

START_TEST(test_round_trip_examples)
{
    char dir[1400];
    DIR *dh;
    struct dirent *ent;
    size_t trips = 0;
    ixj_decoder *d = ixj_decoder_new(NULL);

    snprintf(dir, sizeof dir, "%s/data/examples", tu_tests_dir());
    dh = opendir(dir);
    ck_assert_msg(dh != NULL, "cannot open %s", dir);
    while ((ent = readdir(dh)) != NULL) {
        char path[2800];
        size_t len;
        char *text;
        ixj_result r;
        if (strstr(ent->d_name, ".json") == NULL)
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
        text = tu_read_file(path, &len);
        ck_assert_msg(text != NULL, "cannot read %s", path);
        ck_assert_int_eq(
            ixj_decode(d, example_type(ent->d_name), text, len, &r), IXJ_OK);
        round_trip(path, &r);
        trips++;
        free(text);
    }
    closedir(dh);
    ixj_decoder_free(d);
    ck_assert_uint_eq(trips, 18);
}
END_TEST

/* The type a tests/canonical case is decoded with: the name in
 * <case>.type when there is one (for an input in which no key names its
 * type, such as {}), else detected. */
static ixj_type
canonical_type(const char *base)
{
    char path[2100], *name;
    size_t len;
    ixj_type type = IXJ_TYPE_AUTO;

    snprintf(path, sizeof path, "%s.type", base);
    name = tu_read_file(path, &len);
    if (name == NULL)
        return type;
    while (len > 0 && (name[len - 1] == '\n' || name[len - 1] == ' '))
        name[--len] = '\0';
    ck_assert_msg(ixj_type_from_name(name, &type), "%s: no type \"%s\"", path,
                  name);
    free(name);
    return type;
}

/* Every tests/canonical case gives its expected bytes. */
START_TEST(test_canonical_cases)
{
    char dir[1024];
    DIR *dh;
    struct dirent *ent;
    size_t checked = 0;
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_encoder *e = ixj_encoder_new(NULL);

    snprintf(dir, sizeof dir, "%s/canonical", tu_tests_dir());
    dh = opendir(dir);
    ck_assert_ptr_nonnull(dh);
    while ((ent = readdir(dh)) != NULL) {
        char path[4096], base[2048];
        size_t len, n = strlen(ent->d_name);
        char *input, *want, *got;
        ixj_result r;
        ixj_status st;
        if (n < 6 || strcmp(ent->d_name + n - 5, ".json") != 0)
            continue;
        if (n - 5 > 255)
            continue;
        snprintf(base, sizeof base, "%s/%.*s", dir, (int)(n - 5), ent->d_name);
        snprintf(path, sizeof path, "%s.json", base);
        input = tu_read_file(path, &len);
        ck_assert_int_eq(ixj_decode(d, canonical_type(base), input, len, &r),
                         IXJ_OK);
        snprintf(path, sizeof path, "%s.out", base);
        want = tu_read_file(path, &len);
        ck_assert_msg(want != NULL, "%s missing", path);
        got = encode_text(e, r.type, r.as.value, 0, &st);
        ck_assert_msg(got != NULL, "%s: %s", base, ixj_status_name(st));
        ck_assert_msg(strlen(got) + 1 == len && memcmp(got, want, len - 1) == 0,
                      "%s:\n  got  %s\n  want %s", base, got, want);
        free(got);
        free(want);
        snprintf(path, sizeof path, "%s.pretty", base);
        want = tu_read_file(path, &len);
        if (want != NULL) {
            got = encode_text(e, r.type, r.as.value, IXJ_ENCODE_PRETTY, &st);
            ck_assert_msg(got != NULL && strcmp(got, want) == 0,
                          "%s pretty:\n%s--- want:\n%s", base, got, want);
            free(got);
            free(want);
        }
        free(input);
        checked++;
    }
    closedir(dh);
    ck_assert_uint_ge(checked, 18);
    ixj_encoder_free(e);
    ixj_decoder_free(d);
}
END_TEST

static ixj_result
decode_static(ixj_decoder *d, const char *text)
{
    ixj_result r;
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, strlen(text), &r),
                     IXJ_OK);
    return r;
}

/* Every buffer size below the need reports the need and keeps a prefix. */
START_TEST(test_buffer_sizes)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_encoder *e = ixj_encoder_new(NULL);
    ixj_result r = decode_static(
        d, "{\"job\":{\"uuid\":\"u\",\"data_source_uuids\":[\"a\",\"b\"]}}");
    const char *want =
        "{\"job\":{\"data_source_uuids\":[\"a\",\"b\"],\"uuid\":\"u\"}}";
    size_t need = strlen(want);
    for (size_t size = 0; size <= need + 2; size++) {
        char buf[128];
        size_t len = 12345;
        ixj_status st;
        memset(buf, 'X', sizeof buf);
        st = ixj_encode(e, r.type, r.as.value, 0, buf, size, &len);
        ck_assert_uint_eq(len, need);
        if (size <= need) {
            ck_assert_int_eq(st, IXJ_ERR_SPACE);
            ck_assert_int_eq(ixj_encoder_error(e)->code, IXJ_ERR_SPACE);
            ck_assert_int_eq(memcmp(buf, want, size), 0);
            ck_assert_int_eq(buf[size], 'X'); /* nothing beyond size */
        } else {
            ck_assert_int_eq(st, IXJ_OK);
            ck_assert_str_eq(buf, want);
            ck_assert_int_eq(ixj_encoder_error(e)->code, IXJ_OK);
        }
    }
    ixj_encoder_free(e);
    ixj_decoder_free(d);
}
END_TEST

typedef struct collect {
    tu_buf out;
    size_t calls;
    size_t stop_after; /* 0: never */
} collect;

static int
collect_write(void *ctx, const char *bytes, size_t len)
{
    collect *c = ctx;
    ck_assert_uint_gt(len, 0);
    ck_assert(c->stop_after == 0 || c->calls < c->stop_after);
    tu_buf_put(&c->out, bytes, len);
    c->calls++;
    return c->stop_after != 0 && c->calls == c->stop_after;
}

START_TEST(test_callback)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_encoder *e = ixj_encoder_new(NULL);
    ixj_result r = decode_static(
        d, "{\"jobs\":[{\"uuid\":\"a\\nb\",\"tokens\":3},{}],\"meta\":{}}");
    for (unsigned flags = 0; flags <= IXJ_ENCODE_PRETTY; flags++) {
        collect c = {{0}, 0, 0};
        ixj_status st;
        char *whole = encode_text(e, r.type, r.as.value, flags, &st);
        ck_assert_int_eq(
            ixj_encode_to(e, r.type, r.as.value, flags, collect_write, &c),
            IXJ_OK);
        ck_assert_str_eq(c.out.data, whole);
        ck_assert_uint_gt(c.calls, 3);
        /* stopping after any piece: STOPPED, and no call after */
        for (size_t stop = 1; stop <= c.calls; stop++) {
            collect s = {{0}, 0, stop};
            ck_assert_int_eq(
                ixj_encode_to(e, r.type, r.as.value, flags, collect_write, &s),
                IXJ_STOPPED);
            ck_assert_uint_eq(s.calls, stop);
            ck_assert_int_eq(ixj_encoder_error(e)->code, IXJ_STOPPED);
            tu_buf_free(&s.out);
        }
        tu_buf_free(&c.out);
        free(whole);
    }
    ck_assert_int_eq(ixj_encode_to(e, r.type, r.as.value, 0, NULL, NULL),
                     IXJ_ERR_MISUSE);
    ixj_encoder_free(e);
    ixj_decoder_free(d);
}
END_TEST

static int
never_called(void *ctx, const char *bytes, size_t len)
{
    (void)ctx;
    (void)bytes;
    (void)len;
    ck_abort_msg("a refused value wrote output");
    return 1;
}

/* Refuses, with code and path, and writes nothing. */
static void
expect_refusal(ixj_type type, const void *value, ixj_status code,
               const char *path)
{
    ixj_encoder *e = ixj_encoder_new(NULL);
    char buf[512];
    size_t len = 99;
    ck_assert_int_eq(ixj_encode(e, type, value, 0, buf, sizeof buf, &len),
                     code);
    ck_assert_uint_eq(len, 0);
    ck_assert_str_eq(ixj_encoder_error(e)->path, path);
    ck_assert_int_eq(ixj_encoder_error(e)->code, code);
    ck_assert_int_eq(
        ixj_encode_to(e, type, value, IXJ_ENCODE_PRETTY, never_called, NULL),
        code);
    ixj_encoder_free(e);
}

START_TEST(test_refusals)
{
    ixj_job_envelope env;
    ixj_job job;
    ixj_data_source_job ds[2];
    const ixj_data_source_job *dsp[2] = {&ds[0], &ds[1]};
    ixj_string ids[2] = {{"a", 1}, {"b\xc0\x80", 3}};

    memset(&env, 0, sizeof env);
    memset(&job, 0, sizeof job);
    env.present = 1u << IXJ_JOB_ENVELOPE_JOB;
    env.job = &job;
    job.present = 1u << IXJ_JOB_PHASE;
    job.phase = (ixj_batch_job_phase)99;
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_ENUM, "$.job.phase");
    job.phase = IXJ_BATCH_JOB_PHASE_UNRECOGNIZED; /* without raw text */
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_ENUM, "$.job.phase");
    job.phase_raw.ptr = "NEW\xff";
    job.phase_raw.len = 4;
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_ENUM, "$.job.phase");

    memset(&job, 0, sizeof job);
    job.present = 1u << IXJ_JOB_UUID;
    job.uuid.ptr = NULL; /* present but NULL */
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_STRING, "$.job.uuid");
    job.uuid.ptr = "a\0b";
    job.uuid.len = 3;
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_STRING, "$.job.uuid");
    job.uuid.ptr = "\xed\xa0\x80"; /* a UTF-8 surrogate */
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_STRING, "$.job.uuid");

    memset(&job, 0, sizeof job);
    job.present = 1u << IXJ_JOB_DATA_SOURCE_UUIDS;
    job.data_source_uuids = ids;
    job.n_data_source_uuids = 2;
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_STRING,
                   "$.job.data_source_uuids[1]");
    job.data_source_uuids = NULL; /* a streamed array */
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_MISUSE,
                   "$.job.data_source_uuids");

    memset(&job, 0, sizeof job);
    memset(ds, 0, sizeof ds);
    job.present = 1u << IXJ_JOB_DATA_SOURCE_JOBS;
    job.data_source_jobs = dsp;
    job.n_data_source_jobs = 2;
    ds[1].present = 1u << IXJ_DATA_SOURCE_JOB_STARTED_AT;
    ds[1].started_at.nanos = 1000000000;
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_TIMESTAMP,
                   "$.job.data_source_jobs[1].started_at");
    ds[1].started_at.nanos = -1;
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_TIMESTAMP,
                   "$.job.data_source_jobs[1].started_at");
    ds[1].started_at.nanos = 0;
    ds[1].started_at.seconds = IXJ_TIMESTAMP_MAX_SECONDS + 1;
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_TIMESTAMP,
                   "$.job.data_source_jobs[1].started_at");
    ds[1].started_at.seconds = IXJ_TIMESTAMP_MIN_SECONDS - 1;
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_TIMESTAMP,
                   "$.job.data_source_jobs[1].started_at");

    ds[1].started_at.seconds = 0;
    dsp[0] = NULL; /* an element that points nowhere */
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_MISUSE,
                   "$.job.data_source_jobs[0]");

    env.job = NULL; /* an object present, but NULL */
    expect_refusal(IXJ_TYPE_JOB, &env, IXJ_ERR_MISUSE, "$.job");

    expect_refusal(IXJ_TYPE_JOB, NULL, IXJ_ERR_MISUSE, "$");
    expect_refusal(IXJ_TYPE_ANY, &env, IXJ_ERR_MISUSE, "$");
    expect_refusal(IXJ_TYPE_AUTO, &env, IXJ_ERR_MISUSE, "$");
    expect_refusal((ixj_type)42, &env, IXJ_ERR_MISUSE, "$");
}
END_TEST

/*
 * Object members are pointers: a value built for the encoder points to
 * structs of its own. A struct built against an older header is shorter
 * than this version's; the encoder reads it only up to the fields whose
 * bits are set, so a struct cut right after them encodes (under
 * AddressSanitizer, a read past it would fail the test). Clear bits with
 * NULL pointers are absent.
 */
typedef struct old_job { /* ixj_job as an older header might declare it */
    uint64_t present;
    int64_t completed_datasources;
    ixj_timestamp created_at;
} old_job;
_Static_assert(offsetof(old_job, completed_datasources) ==
                       offsetof(ixj_job, completed_datasources) &&
                   offsetof(old_job, created_at) ==
                       offsetof(ixj_job, created_at) &&
                   sizeof(old_job) < sizeof(ixj_job),
               "old_job is a prefix of ixj_job");

START_TEST(test_structs_by_pointer)
{
    old_job *old = calloc(1, sizeof *old); /* on the heap: ASan sees past */
    const ixj_job *job = (const ixj_job *)(const void *)old;
    ixj_job_envelope env = {0};
    ixj_job_list list = {0};
    ixj_meta meta = {0};
    const ixj_job *jobs[2];
    ixj_encoder *e = ixj_encoder_new(NULL);
    char buf[256];
    size_t len;

    ck_assert_ptr_nonnull(old);
    old->present = (UINT64_C(1) << IXJ_JOB_COMPLETED_DATASOURCES) |
                   (UINT64_C(1) << IXJ_JOB_CREATED_AT);
    old->completed_datasources = 2;
    old->created_at.seconds = 1772460311;
    env.present = UINT64_C(1) << IXJ_JOB_ENVELOPE_JOB;
    env.job = job;
    ck_assert_int_eq(
        ixj_encode(e, IXJ_TYPE_JOB, &env, 0, buf, sizeof buf, &len), IXJ_OK);
    ck_assert_str_eq(buf, "{\"job\":{\"completed_datasources\":2,"
                          "\"created_at\":\"2026-03-02T14:05:11Z\"}}");

    /* the same struct twice in an array of pointers; meta pointed to,
     * links absent (bit clear, pointer NULL) */
    jobs[0] = jobs[1] = job;
    meta.present = UINT64_C(1) << IXJ_META_TOTAL;
    meta.total = 2;
    list.present =
        (UINT64_C(1) << IXJ_JOB_LIST_JOBS) | (UINT64_C(1) << IXJ_JOB_LIST_META);
    list.jobs = jobs;
    list.n_jobs = 2;
    list.meta = &meta;
    ck_assert_int_eq(
        ixj_encode(e, IXJ_TYPE_LIST, &list, 0, buf, sizeof buf, &len), IXJ_OK);
    ck_assert_str_eq(buf, "{\"jobs\":[{\"completed_datasources\":2,"
                          "\"created_at\":\"2026-03-02T14:05:11Z\"},"
                          "{\"completed_datasources\":2,"
                          "\"created_at\":\"2026-03-02T14:05:11Z\"}],"
                          "\"meta\":{\"total\":2}}");
    /* a bit set with a NULL pointer is refused, not taken as absent */
    list.present |= UINT64_C(1) << IXJ_JOB_LIST_LINKS;
    ck_assert_int_eq(
        ixj_encode(e, IXJ_TYPE_LIST, &list, 0, buf, sizeof buf, &len),
        IXJ_ERR_MISUSE);
    ck_assert_str_eq(ixj_encoder_error(e)->path, "$.links");
    ixj_encoder_free(e);
    free(old);
}
END_TEST

/* A request built from C values, as a client sends it. */
START_TEST(test_create_request_from_values)
{
    ixj_string sources[] = {{"d-1", 3}, {"d-2", 3}};
    ixj_create_request req = {0};
    ixj_encoder *e = ixj_encoder_new(NULL);
    char buf[256];
    size_t len;

    req.present = (1u << IXJ_CREATE_REQUEST_KNOWLEDGE_BASE_UUID) |
                  (1u << IXJ_CREATE_REQUEST_DATA_SOURCE_UUIDS);
    req.knowledge_base_uuid = (ixj_string){"kb-1", 4};
    req.data_source_uuids = sources;
    req.n_data_source_uuids = 2;
    ck_assert_int_eq(
        ixj_encode(e, IXJ_TYPE_CREATE_REQUEST, &req, 0, buf, sizeof buf, &len),
        IXJ_OK);
    ck_assert_str_eq(buf, "{\"data_source_uuids\":[\"d-1\",\"d-2\"],"
                          "\"knowledge_base_uuid\":\"kb-1\"}");
    /* without the optional list: every data source is indexed */
    req.present = 1u << IXJ_CREATE_REQUEST_KNOWLEDGE_BASE_UUID;
    ck_assert_int_eq(
        ixj_encode(e, IXJ_TYPE_CREATE_REQUEST, &req, 0, buf, sizeof buf, &len),
        IXJ_OK);
    ck_assert_str_eq(buf, "{\"knowledge_base_uuid\":\"kb-1\"}");
    ixj_encoder_free(e);
}
END_TEST

START_TEST(test_deterministic)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_encoder *a = ixj_encoder_new(NULL), *b = ixj_encoder_new(NULL);
    ixj_result r = decode_static(
        d, "{\"job\":{\"created_at\":\"2026-01-01T00:00:00.1+05:30\","
           "\"phase\":\"X\",\"total_tokens\":1e3}}");
    ixj_status st;
    char *first = encode_text(a, r.type, r.as.value, 0, &st);
    for (int i = 0; i < 100; i++) {
        char *again = encode_text(i % 2 ? a : b, r.type, r.as.value, 0, &st);
        ck_assert_str_eq(again, first);
        free(again);
    }
    ck_assert_str_eq(first,
                     "{\"job\":{\"created_at\":\"2025-12-31T18:30:00."
                     "100Z\",\"phase\":\"X\",\"total_tokens\":\"1000\"}}");
    free(first);
    ixj_encoder_free(a);
    ixj_encoder_free(b);
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_allocation_failure)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r = decode_static(d, "{\"job\":{\"uuid\":\"u\"}}");
    bool failed = true;
    for (uint64_t n = 1; failed; n++) {
        tu_alloc ta;
        ixj_encoder *e;
        char buf[64];
        size_t len;
        tu_alloc_init(&ta);
        ta.fail_at = n;
        e = ixj_encoder_new(&ta.hooks);
        if (e != NULL) {
            ixj_status st =
                ixj_encode(e, r.type, r.as.value, 0, buf, sizeof buf, &len);
            ck_assert(st == IXJ_OK || st == IXJ_ERR_NOMEM);
            ck_assert(st == IXJ_OK || ta.failed);
            if (st == IXJ_OK)
                ck_assert_str_eq(buf, "{\"job\":{\"uuid\":\"u\"}}");
            /* and again once memory is back */
            ta.fail_at = 0;
            ck_assert_int_eq(
                ixj_encode(e, r.type, r.as.value, 0, buf, sizeof buf, &len),
                IXJ_OK);
            ixj_encoder_free(e);
        }
        ck_assert_uint_eq(ta.live_blocks, 0);
        failed = ta.failed;
        ck_assert_uint_lt(n, 100);
    }
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_timestamp_format)
{
    ixj_timestamp t = {1772460311, 500000000, 60};
    ixj_timestamp longest = {IXJ_TIMESTAMP_MAX_SECONDS, 999999999, 0};
    char out[IXJ_TIMESTAMP_TEXT_MAX];
    ck_assert_uint_eq(ixj_timestamp_format(&t, out, sizeof out), 24);
    ck_assert_str_eq(out, "2026-03-02T14:05:11.500Z");
    /* snprintf's contract: the length of the whole text, as much of it
     * as fits, always a NUL */
    ck_assert_uint_eq(ixj_timestamp_format(&t, out, 25), 24);
    ck_assert_str_eq(out, "2026-03-02T14:05:11.500Z");
    ck_assert_uint_eq(ixj_timestamp_format(&t, out, 24), 24);
    ck_assert_str_eq(out, "2026-03-02T14:05:11.500");
    ck_assert_uint_eq(ixj_timestamp_format(&t, out, 1), 24);
    ck_assert_str_eq(out, "");
    ck_assert_uint_eq(ixj_timestamp_format(&t, NULL, 0), 24);
    ck_assert_uint_eq(ixj_timestamp_format(&longest, out, sizeof out), 30);
    ck_assert_str_eq(out, "9999-12-31T23:59:59.999999999Z");
    t.nanos = 1000000000;
    ck_assert_uint_eq(ixj_timestamp_format(&t, out, sizeof out), 0);
    ck_assert_str_eq(out, "");
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("encode");
    TCase *tc = tcase_create("encode");
    int failed;

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_canonical_cases);
    tcase_add_test(tc, test_round_trip_corpus);
    tcase_add_test(tc, test_round_trip_examples);
    tcase_add_test(tc, test_buffer_sizes);
    tcase_add_test(tc, test_callback);
    tcase_add_test(tc, test_refusals);
    tcase_add_test(tc, test_structs_by_pointer);
    tcase_add_test(tc, test_create_request_from_values);
    tcase_add_test(tc, test_deterministic);
    tcase_add_test(tc, test_allocation_failure);
    tcase_add_test(tc, test_timestamp_format);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
