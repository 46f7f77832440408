/* SPDX-License-Identifier: MIT */
/*
 * What a field appended to a list gets with no other change: built by
 * tests/test_append_field.sh against a copy of the sources to which
 * files_seen.patch added `files_seen` (uint64) at the end of IXJ_JOB_FIELDS
 * and of ixj_job, and linked with the library built from that copy. The
 * new field decodes (by name, and by its alias in default mode only),
 * takes the uint64 rules, passes strict mode, is encoded in alphabetical
 * key order although it is declared last, and is in the JSON Schema.
 * Prints what it saw; exits 1 at the first difference.
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include <ixjob/ixjob.h>

static int failed;

#define EXPECT(cond, what)                          \
    do {                                            \
        if (!(cond)) {                              \
            printf("FAIL: %s (%s)\n", what, #cond); \
            failed = 1;                             \
        }                                           \
    } while (0)

/* Decodes text, strict or not; prints the outcome and returns the status
 * (the result is in *out until the decoder's next use). */
static ixj_status
decode(ixj_decoder *d, int strict, const char *text, ixj_result *out)
{
    ixj_status st;
    if (ixj_decoder_set_option(d, IXJ_OPT_STRICT, (uint64_t)strict) != IXJ_OK)
        return IXJ_ERR_MISUSE;
    st = ixj_decode(d, IXJ_TYPE_AUTO, text, strlen(text), out);
    printf("%-7s %s -> ", strict ? "strict" : "default", text);
    if (st == IXJ_OK) {
        const ixj_job *job = out->as.job->job;
        printf("ok, files_seen %s",
               IXJ_HAS(job, IXJ_JOB_FILES_SEEN) ? "present" : "absent");
        if (IXJ_HAS(job, IXJ_JOB_FILES_SEEN))
            printf(" = %" PRIu64, job->files_seen);
        printf("\n");
    } else {
        const ixj_error *e = ixj_decoder_error(d);
        printf("%s at %s (%s)\n", ixj_status_name(st), e->path, e->detail);
    }
    return st;
}

/* The whole schema, gathered: a key may straddle two pieces. */
typedef struct text {
    char bytes[1 << 16];
    size_t len;
} text;

static int
gather(void *ctx, const char *bytes, size_t len)
{
    text *t = ctx;
    if (len >= sizeof t->bytes - t->len)
        return 1;
    memcpy(t->bytes + t->len, bytes, len);
    t->len += len;
    t->bytes[t->len] = '\0';
    return 0;
}

int
main(void)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_encoder *e = ixj_encoder_new(NULL);
    ixj_result r;
    ixj_job_envelope env;
    ixj_job job;
    char out[512];
    size_t len = 0;
    static text schema;
    int in_schema;
    const char *want = "{\"job\":{\"completed_datasources\":1,"
                       "\"files_seen\":\"5\",\"finished_at\":"
                       "\"2026-03-02T14:05:11Z\",\"uuid\":\"j1\"}}";

    if (d == NULL || e == NULL)
        return 1;
    printf("IXJ_JOB_FILES_SEEN = %d, IXJ_JOB_FIELD_COUNT = %d\n",
           (int)IXJ_JOB_FILES_SEEN, (int)IXJ_JOB_FIELD_COUNT);
    EXPECT(IXJ_JOB_FILES_SEEN == 19, "the new bit is the next one");

    /* Decoding: the new key, by name and alias, both modes. */
    EXPECT(decode(d, 0, "{\"job\":{\"files_seen\":\"5\"}}", &r) == IXJ_OK &&
               r.as.job->job->present == UINT64_C(1) << IXJ_JOB_FILES_SEEN &&
               r.as.job->job->files_seen == 5,
           "decodes in default mode");
    EXPECT(decode(d, 1, "{\"job\":{\"files_seen\":\"5\"}}", &r) == IXJ_OK &&
               r.as.job->job->files_seen == 5,
           "strict mode accepts it");
    EXPECT(decode(d, 0, "{\"job\":{\"filesSeen\":\"7\"}}", &r) == IXJ_OK &&
               r.as.job->job->files_seen == 7,
           "its alias decodes in default mode");
    EXPECT(decode(d, 1, "{\"job\":{\"filesSeen\":\"7\"}}", &r) != IXJ_OK,
           "strict mode refuses its alias, as every alias");
    /* The uint64 rules: a number in default mode, a string in strict. */
    EXPECT(decode(d, 0, "{\"job\":{\"files_seen\":8}}", &r) == IXJ_OK &&
               r.as.job->job->files_seen == 8,
           "a number in default mode");
    EXPECT(decode(d, 1, "{\"job\":{\"files_seen\":8}}", &r) != IXJ_OK,
           "not a number in strict mode");
    EXPECT(decode(d, 0, "{\"job\":{\"files_seen\":\"-1\"}}", &r) != IXJ_OK,
           "not a negative value");

    /* Encoding: files_seen is declared last, its key is written between
     * completed_datasources and finished_at. */
    memset(&env, 0, sizeof env);
    memset(&job, 0, sizeof job);
    env.present = UINT64_C(1) << IXJ_JOB_ENVELOPE_JOB;
    env.job = &job;
    job.present = UINT64_C(1) << IXJ_JOB_UUID |
                  UINT64_C(1) << IXJ_JOB_FILES_SEEN |
                  UINT64_C(1) << IXJ_JOB_FINISHED_AT |
                  UINT64_C(1) << IXJ_JOB_COMPLETED_DATASOURCES;
    job.uuid.ptr = "j1";
    job.uuid.len = 2;
    job.files_seen = 5;
    job.finished_at.seconds = 1772460311; /* 2026-03-02T14:05:11Z */
    job.completed_datasources = 1;
    EXPECT(ixj_encode(e, IXJ_TYPE_JOB, &env, 0, out, sizeof out, &len) ==
               IXJ_OK,
           "encodes");
    printf("encoded %s\n", out);
    EXPECT(strcmp(out, want) == 0, "keys in alphabetical order");
    EXPECT(decode(d, 1, out, &r) == IXJ_OK && r.as.job->job->files_seen == 5 &&
               r.as.job->job->present == job.present,
           "the encoding decodes back, strict");

    EXPECT(ixj_schema_write(IXJ_TYPE_JOB, IXJ_SCHEMA_STRICT, gather, &schema) ==
               IXJ_OK,
           "writes the JSON Schema");
    in_schema = strstr(schema.bytes, "\"files_seen\"") != NULL;
    EXPECT(in_schema, "the JSON Schema has the key");
    printf("JSON Schema of job: files_seen %s\n",
           in_schema ? "present" : "absent");

    ixj_encoder_free(e);
    ixj_decoder_free(d);
    printf("%s\n", failed ? "FAILED" : "all as expected");
    return failed;
}
