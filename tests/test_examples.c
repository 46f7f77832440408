/* SPDX-License-Identifier: MIT */
/*
 * The API examples in tests/data/examples: each decodes or fails as
 * outcomes.expect there says, in both modes, whole and fed 1 and 7 bytes
 * at a time with small-chunk gathering on and off; every file listed
 * exists and no file goes unlisted; and the values the examples' README
 * singles out are decoded exactly.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "decoder.h"
#include "testutil.h"

typedef struct example {
    char file[256];
    char outcome[2][256]; /* default, strict */
} example;

static example examples[128];
static size_t n_examples;
static char dir[1024]; /* tests/data/examples */

static char *
trim(char *s)
{
    char *end;
    while (*s == ' ')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\n'))
        *--end = '\0';
    return s;
}

static void
load_expectations(void)
{
    char path[1100], line[1024];
    FILE *f;
    snprintf(path, sizeof path, "%s/outcomes.expect", dir);
    f = fopen(path, "r");
    if (f == NULL) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(1);
    }
    while (fgets(line, sizeof line, f) != NULL) {
        char *a, *b, *c;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        a = strtok(line, "|");
        b = strtok(NULL, "|");
        c = strtok(NULL, "|");
        if (a == NULL || b == NULL || c == NULL || n_examples == 128) {
            fprintf(stderr, "bad line in %s\n", path);
            exit(1);
        }
        snprintf(examples[n_examples].file, sizeof examples[0].file, "%s",
                 trim(a));
        snprintf(examples[n_examples].outcome[0], 256, "%s", trim(b));
        snprintf(examples[n_examples].outcome[1], 256, "%s", trim(c));
        n_examples++;
    }
    fclose(f);
}

/* The outcome line of a decode, in outcomes.expect's form. */
static void
outcome(ixj_decoder *d, ixj_status st, const ixj_result *r, char *out,
        size_t size)
{
    if (st == IXJ_OK) {
        snprintf(out, size, "ok %s unknown=%llu unrecognized=%llu",
                 ixj_type_name(r->type), (unsigned long long)r->unknown_fields,
                 (unsigned long long)r->unrecognized_enums);
    } else {
        const ixj_error *e = ixj_decoder_error(d);
        snprintf(out, size, "%s %s %llu", ixj_status_name(e->code), e->path,
                 (unsigned long long)e->offset);
    }
}

/* An outcome "CODE PATH 0": an error at the text's first byte. */
static bool
refused_at_first_byte(const char *outcome)
{
    size_t n = strlen(outcome);
    return strncmp(outcome, "ok ", 3) != 0 && n >= 2 &&
           strcmp(outcome + n - 2, " 0") == 0;
}

/* Decodes len bytes fed chunk bytes at a time (0: whole), with gathering
 * on or off, into outcomes.expect's form. */
static void
decode_outcome(ixj_decoder *d, const char *text, size_t len, size_t chunk,
               bool gather, char *out, size_t size)
{
    ixj_result r;
    ixj_status st;
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_GATHER, gather), IXJ_OK);
    st = ixj_decoder_begin(d, IXJ_TYPE_AUTO);
    ck_assert_int_eq(st, IXJ_OK);
    if (chunk == 0)
        chunk = len;
    for (size_t at = 0; at < len && st == IXJ_OK; at += chunk)
        st =
            ixj_decoder_feed(d, text + at, len - at < chunk ? len - at : chunk);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &r);
    outcome(d, st, &r, out, size);
}

START_TEST(test_example)
{
    static const size_t chunks[] = {1, 7};
    const example *ex = &examples[_i / 2];
    int strict = _i % 2;
    const char *mode = strict ? "strict" : "default";
    ixj_decoder *d = ixj_decoder_new(NULL);
    char path[1400], got[256];
    size_t len;
    char *text;
    ixj_result r;
    ixj_status st;

    snprintf(path, sizeof path, "%s/%s", dir, ex->file);
    text = tu_read_file(path, &len);
    TU_CHECK(text != NULL, "cannot read %s", path);
    ck_assert_int_eq(
        ixj_decoder_set_option(d, IXJ_OPT_STRICT, (uint64_t)strict), IXJ_OK);

    st = ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r);
    outcome(d, st, &r, got, sizeof got);
    TU_CHECK(strcmp(got, ex->outcome[strict]) == 0,
             "%s (%s): got \"%s\", want \"%s\"", ex->file, mode, got,
             ex->outcome[strict]);

    /* in pieces, each scanned as fed and gathered: the same outcome */
    for (int gather = 0; gather <= 1; gather++) {
        uint64_t held = ixj__decoder_held_bytes(d);
        for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
            decode_outcome(d, text, len, chunks[i], gather, got, sizeof got);
            TU_CHECK(strcmp(got, ex->outcome[strict]) == 0,
                     "%s (%s), %zu-byte pieces, gathering %s: got \"%s\"",
                     ex->file, mode, chunks[i], gather ? "on" : "off", got);
        }
        /* 1-byte pieces cut every string that the scanner reaches (all of
         * them, in a text the guard does not refuse at its first byte),
         * and a cut token goes through the hold, unless gathering
         * swallowed the pieces */
        if (!gather && memchr(text, '"', len) != NULL &&
            !refused_at_first_byte(got))
            TU_CHECK(ixj__decoder_held_bytes(d) > held,
                     "%s: no token was ever held: the pieces did not reach "
                     "the scanner as fed",
                     ex->file);
    }
    free(text);
    ixj_decoder_free(d);
}
END_TEST

/* Every file the expectations list is there: a missing one fails here
 * (and in test_example), it is never skipped. */
START_TEST(test_every_listed_file_exists)
{
    for (size_t i = 0; i < n_examples; i++) {
        char path[1400];
        struct stat st;
        snprintf(path, sizeof path, "%s/%.255s", dir, examples[i].file);
        TU_CHECK(stat(path, &st) == 0 && S_ISREG(st.st_mode),
                 "%s is listed in outcomes.expect but missing", path);
    }
    /* 18 payloads that decode in default mode, 18 under invalid/ */
    ck_assert_uint_ge(n_examples, 36);
}
END_TEST

/* A file the expectations do not list would go untested. */
START_TEST(test_every_file_listed)
{
    static const char *const dirs[] = {"", "invalid/"};
    size_t seen = 0;
    for (size_t k = 0; k < 2; k++) {
        char path[1100];
        DIR *dh;
        struct dirent *e;
        snprintf(path, sizeof path, "%s/%s", dir, dirs[k]);
        dh = opendir(path);
        TU_CHECK(dh != NULL, "cannot open %s", path);
        while ((e = readdir(dh)) != NULL) {
            char name[512];
            bool listed = false;
            size_t n = strlen(e->d_name);
            if (n < 5 || strcmp(e->d_name + n - 5, ".json") != 0)
                continue;
            snprintf(name, sizeof name, "%s%s", dirs[k], e->d_name);
            for (size_t i = 0; i < n_examples; i++)
                listed |= strcmp(examples[i].file, name) == 0;
            TU_CHECK(listed, "%s has no line in outcomes.expect", name);
            seen++;
        }
        closedir(dh);
    }
    ck_assert_uint_eq(seen, n_examples);
}
END_TEST

static ixj_result
decode_example(ixj_decoder *d, const char *file)
{
    char path[1400];
    size_t len;
    char *text;
    ixj_result r;
    snprintf(path, sizeof path, "%s/%s", dir, file);
    text = tu_read_file(path, &len);
    TU_CHECK(text != NULL, "cannot read %s", path);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r), IXJ_OK);
    free(text);
    return r;
}

/* What the README says each file exercises, value by value. */
START_TEST(test_values)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;
    const ixj_job *j;

    r = decode_example(d, "cancel_response.json");
    j = r.as.job->job;
    ck_assert_int_eq(j->phase, IXJ_BATCH_JOB_PHASE_CANCELLED);
    ck_assert_int_eq(j->status, IXJ_INDEX_JOB_STATUS_CANCELLED);
    ck_assert_uint_eq(j->n_data_source_jobs, 2);
    ck_assert_int_eq(j->data_source_jobs[1]->status,
                     IXJ_DATA_SOURCE_STATUS_CANCELLED);
    ck_assert_uint_eq(j->data_source_jobs[1]->total_file_count, 306);
    ck_assert(IXJ_HAS(j, IXJ_JOB_IS_REPORT_AVAILABLE));
    ck_assert(!j->is_report_available);
    ck_assert_int_eq(j->tokens, 402118);
    ck_assert_uint_eq(j->total_tokens, 402118);
    ck_assert_str_eq(j->uuid.ptr, "c3d41a06-16e8-11f1-b542-ca68c578b04b");

    r = decode_example(d, "proto3_lenient_scalars.json");
    j = r.as.job->job;
    ck_assert_int_eq(j->completed_datasources, 2);
    ck_assert_int_eq(j->tokens, 9007199254740993LL); /* 2^53 + 1, exact */
    ck_assert_int_eq(j->total_datasources, 1);
    ck_assert_uint_eq(j->total_tokens, 1284533);
    ck_assert_uint_eq(j->data_source_jobs[0]->indexed_item_count, 40); /* 4e1 */
    ck_assert_uint_eq(j->data_source_jobs[0]->total_bytes, UINT64_MAX);
    ck_assert_uint_eq(j->data_source_jobs[0]->total_bytes_indexed, 18350080);
    ck_assert(
        IXJ_HAS(j->data_source_jobs[0], IXJ_DATA_SOURCE_JOB_FAILED_ITEM_COUNT));
    ck_assert_uint_eq(j->data_source_jobs[0]->failed_item_count, 0);
    /* 2026-03-02T15:05:11+01:00 */
    ck_assert_int_eq(j->created_at.seconds, 1772460311);
    ck_assert_int_eq(j->created_at.offset_minutes, 60);
    /* 2026-03-02T09:19:06.5-05:00 */
    ck_assert_int_eq(j->finished_at.seconds, 1772461146);
    ck_assert_int_eq(j->finished_at.nanos, 500000000);
    ck_assert_int_eq(j->finished_at.offset_minutes, -300);
    ck_assert_int_eq(j->data_source_jobs[0]->started_at.nanos, 123456789);

    r = decode_example(d, "proto3_camelcase_keys.json");
    j = r.as.job->job;
    ck_assert_uint_eq(j->total_tokens, 52210);
    ck_assert(j->is_report_available);
    ck_assert_str_eq(j->knowledge_base_uuid.ptr,
                     "5f0a8c3e-9b21-11f0-b542-ca68c578b04b");

    r = decode_example(d, "legacy_seed_shape_v3_8.json");
    j = r.as.job->job;
    ck_assert(IXJ_HAS(j, IXJ_JOB_TOTAL_ITEMS_FAILED));
    ck_assert(IXJ_HAS(j, IXJ_JOB_TOTAL_ITEMS_INDEXED));
    ck_assert(IXJ_HAS(j, IXJ_JOB_TOTAL_ITEMS_REMOVED));
    ck_assert(IXJ_HAS(j, IXJ_JOB_TOTAL_ITEMS_SKIPPED));

    r = decode_example(d, "zero_timestamp_sentinel.json");
    j = r.as.job->job;
    ck_assert(IXJ_HAS(j, IXJ_JOB_FINISHED_AT));
    ck_assert_int_eq(j->finished_at.seconds, IXJ_TIMESTAMP_MIN_SECONDS);
    ck_assert_int_eq(j->started_at.seconds, IXJ_TIMESTAMP_MIN_SECONDS);
    ck_assert_int_eq(j->started_at.nanos, 0);

    /* {} names no payload type; given the type, it is an empty envelope */
    {
        char path[1400];
        size_t len;
        char *text;
        snprintf(path, sizeof path, "%s/minimal_envelope_empty.json", dir);
        text = tu_read_file(path, &len);
        TU_CHECK(text != NULL, "cannot read %s", path);
        ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text, len, &r),
                         IXJ_ERR_UNIDENTIFIED);
        ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_JOB, text, len, &r), IXJ_OK);
        ck_assert_uint_eq(r.as.job->present, 0);
        free(text);
    }
    r = decode_example(d, "minimal_job_empty.json");
    ck_assert_uint_eq(r.as.job->present, 1u << IXJ_JOB_ENVELOPE_JOB);
    ck_assert_uint_eq(r.as.job->job->present, 0);

    r = decode_example(d, "list_response_with_links_meta.json");
    ck_assert_uint_eq(r.as.list->n_jobs, 3);
    ck_assert_int_eq(r.as.list->meta->page, 2);
    ck_assert_int_eq(r.as.list->meta->pages, 4);
    ck_assert_int_eq(r.as.list->meta->total, 10);
    ck_assert(IXJ_HAS(r.as.list->links->pages, IXJ_PAGES_PREVIOUS));

    r = decode_example(d, "list_response_empty_single_page.json");
    ck_assert(IXJ_HAS(r.as.list, IXJ_JOB_LIST_JOBS));
    ck_assert_uint_eq(r.as.list->n_jobs, 0);
    ck_assert_uint_eq(r.as.list->links->pages->first.len, 0);
    ck_assert_str_eq(r.as.list->links->pages->first.ptr, "");

    r = decode_example(d, "data_sources_response.json");
    ck_assert_uint_eq(r.as.data_sources->n_indexed_data_sources, 3);

    r = decode_example(d, "signed_url_response.json");
    ck_assert(IXJ_HAS(r.as.signed_url, IXJ_SIGNED_URL_SIGNED_URL));

    r = decode_example(d, "error_not_found.json");
    ck_assert_str_eq(r.as.error_body->id.ptr, "not_found");

    r = decode_example(d, "job_with_nulls.json");
    j = r.as.job->job;
    ck_assert_uint_eq(j->present, (1u << IXJ_JOB_CREATED_AT) |
                                      (1u << IXJ_JOB_KNOWLEDGE_BASE_UUID) |
                                      (1u << IXJ_JOB_PHASE) |
                                      (1u << IXJ_JOB_UPDATED_AT) |
                                      (1u << IXJ_JOB_UUID));
    ixj_decoder_free(d);
}
END_TEST

int
main(void)
{
    Suite *s;
    TCase *tc;
    int failed;

    snprintf(dir, sizeof dir, "%s/data/examples", tu_tests_dir());
    load_expectations();
    s = suite_create("examples");
    tc = tcase_create("examples");
    tcase_add_loop_test(tc, test_example, 0, (int)(2 * n_examples));
    tcase_add_test(tc, test_every_listed_file_exists);
    tcase_add_test(tc, test_every_file_listed);
    tcase_add_test(tc, test_values);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
