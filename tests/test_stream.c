/* SPDX-License-Identifier: MIT */
/*
 * Element streaming, validation-only mode and document streams:
 *   - for every corpus case, each repeated field streamed delivers exactly
 *     the elements the batch decode keeps, in order, field by field, and
 *     the outcome is the batch outcome, however the input is chunked;
 *   - a stop at any element ends the decode cleanly;
 *   - peak memory with 1,000,000 data-source jobs equals that with 1,000
 *     (streamed, and in validation-only mode);
 *   - NDJSON and concatenated streams: bad records anywhere, blank lines,
 *     CRLF, no final newline, a truncated last document, values with and
 *     without whitespace between them;
 *   - a warm stream decodes document after document without allocating.
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decoder.h"
#include "testutil.h"

static const ixj_element all_elements[] = {
    IXJ_ELEMENT_JOBS, IXJ_ELEMENT_DATA_SOURCE_JOBS,
    IXJ_ELEMENT_INDEXED_DATA_SOURCES, IXJ_ELEMENT_DATA_SOURCE_UUIDS};

/* --------------------------------------------------- element streaming */

typedef struct collected {
    tu_buf text; /* the elements, rendered */
    size_t count;
    size_t stop_at; /* stop at this element (1-based); 0: never */
    ixj_element which;
} collected;

static int
collect_element(void *ctx, const ixj_element_info *e)
{
    collected *c = ctx;
    TU_CHECK(e->element == c->which, "element %d delivered for %d", e->element,
             c->which);
    tu_render_element(&c->text, e);
    c->count++;
    return c->stop_at != 0 && c->count == c->stop_at;
}

/* Decodes with one field streamed, in chunk-byte pieces (0: whole).
 * Returns the outcome's rendering; the elements go to c. */
static char *
decode_streaming(const tu_opts *o, const char *text, size_t len, size_t chunk,
                 collected *c)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    char *out;

    ck_assert_int_eq(ixj_decoder_on_element(d, c->which, collect_element, c),
                     IXJ_OK);
    out = tu_decode_text(d, o, text, len, chunk, 0);
    ixj_decoder_free(d);
    return out;
}

/* The batch outcome with the streamed field's arrays shown as a streamed
 * decode shows them: their elements gone, their counts kept. */
static void
drop_streamed_lines(char *dump, ixj_element which)
{
    static const char *const names[] = {NULL, ".jobs", ".data_source_jobs",
                                        ".indexed_data_sources",
                                        ".data_source_uuids"};
    const char *name = names[which];
    char *out = dump, *line = dump;
    while (*line) {
        char *nl = strchr(line, '\n');
        size_t n = nl ? (size_t)(nl - line) + 1 : strlen(line);
        char *at = strstr(line, name);
        bool element = false;
        /* "<path>.<name>[" before " = " marks an element's line */
        if (at != NULL && at < line + n) {
            char *eq = strstr(line, " = ");
            char *br = at + strlen(name);
            element = *br == '[' && eq != NULL && br < eq;
        }
        if (!element) {
            memmove(out, line, n);
            out += n;
        }
        line += n;
    }
    *out = '\0';
}

/* Each corpus case, with each repeated field streamed, whole and fed 1,
 * 3 and 7 bytes at a time, with small-chunk gathering off and on. */
static void
check_elements_match_batch(const tu_loaded_case *c, void *ctx)
{
    ixj_decoder *d = ctx;
    ixj_result r;
    bool ok;

    tu_opts_apply(&c->opts, d);
    ok = ixj_decode(d, c->opts.type, c->text, c->len, &r) == IXJ_OK;
    for (size_t k = 0; k < 4; k++) {
        static const size_t chunks[] = {0, 1, 3, 7};
        ixj_element which = all_elements[k];
        tu_buf want = {0};
        char *batch;
        if (ok)
            tu_render_elements(&want, &r, which);
        batch = strdup(c->expected);
        drop_streamed_lines(batch, which);
        for (size_t run = 0; run < 7; run++) {
            /* whole, then each chunk size without and with gathering */
            size_t chunk = chunks[(run + 1) / 2];
            tu_opts o = c->opts;
            collected got_elements = {{0}, 0, 0, which};
            char *got;
            const char *got_text;
            o.gather = run > 0 && run % 2 == 0;
            got = decode_streaming(&o, c->text, c->len, chunk, &got_elements);
            got_text = got_elements.text.data;
            TU_CHECK(strcmp(got, batch) == 0,
                     "%s, element %d streamed, chunk %zu, gathering %s:\n%s--- "
                     "want:\n%s",
                     c->paths->expect_path, which, chunk,
                     o.gather ? "on" : "off", got, batch);
            /* (element paths name keys as written: the batch result does
             * not keep aliases, so those cases compare outcomes only) */
            if (ok && strstr(c->paths->expect_path, "/alias/") == NULL)
                TU_CHECK(strcmp(got_text ? got_text : "",
                                want.data ? want.data : "") == 0,
                         "%s: elements %d differ:\n%s--- batch:\n%s",
                         c->paths->expect_path, which, got_text, want.data);
            free(got);
            tu_buf_free(&got_elements.text);
        }
        free(batch);
        tu_buf_free(&want);
    }
}

START_TEST(test_elements_match_batch)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ck_assert_uint_ge(tu_corpus_each(check_elements_match_batch, d), 700);
    ixj_decoder_free(d);
}
END_TEST

static const char list_text[] =
    "{\"jobs\":["
    "{\"uuid\":\"j0\",\"data_source_jobs\":[{\"total_bytes\":\"1\"},"
    "{\"total_bytes\":\"2\"}],\"data_source_uuids\":[\"a\",\"b\",\"c\"]},"
    "{\"uuid\":\"j1\",\"data_source_jobs\":[{\"error_msg\":\"e\"}]},"
    "{\"uuid\":\"j2\"}],\"meta\":{\"total\":3}}";

static int
record_any(void *ctx, const ixj_element_info *e)
{
    tu_render_element(ctx, e);
    return 0;
}

/* Nested fields streamed together: inner elements come first; the result
 * keeps the counts and no elements. */
START_TEST(test_nested_order)
{
    static const char *const want_elements =
        "$.jobs[0].data_source_jobs[0] = {}\n"
        "$.jobs[0].data_source_jobs[0].total_bytes = 1\n"
        "$.jobs[0].data_source_jobs[1] = {}\n"
        "$.jobs[0].data_source_jobs[1].total_bytes = 2\n"
        "$.jobs[0] = {}\n"
        "$.jobs[0].data_source_jobs = [2]\n"
        "$.jobs[0].data_source_uuids = [3]\n"
        "$.jobs[0].data_source_uuids[0] = \"a\"\n"
        "$.jobs[0].data_source_uuids[1] = \"b\"\n"
        "$.jobs[0].data_source_uuids[2] = \"c\"\n"
        "$.jobs[0].uuid = \"j0\"\n"
        "$.jobs[1].data_source_jobs[0] = {}\n"
        "$.jobs[1].data_source_jobs[0].error_msg = \"e\"\n"
        "$.jobs[1] = {}\n"
        "$.jobs[1].data_source_jobs = [1]\n"
        "$.jobs[1].uuid = \"j1\"\n"
        "$.jobs[2] = {}\n"
        "$.jobs[2].uuid = \"j2\"\n";
    static const char *const want_result =
        "ok list unknown_fields=0 unrecognized_enums=0\n"
        "$.jobs = [3]\n"
        "$.meta = {}\n"
        "$.meta.total = 3\n";
    ixj_decoder *d = ixj_decoder_new(NULL);
    tu_buf got = {0}, result = {0};
    ixj_result r;

    ck_assert_int_eq(
        ixj_decoder_on_element(d, IXJ_ELEMENT_JOBS, record_any, &got), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_JOBS,
                                            record_any, &got),
                     IXJ_OK);
    ck_assert_int_eq(
        ixj_decode(d, IXJ_TYPE_AUTO, list_text, strlen(list_text), &r), IXJ_OK);
    ck_assert_str_eq(got.data, want_elements);
    ck_assert_ptr_null(r.as.list->jobs);
    ck_assert_uint_eq(r.as.list->n_jobs, 3);
    tu_render_result(&result, &r);
    ck_assert_str_eq(result.data, want_result);
    /* unregistering goes back to keeping them */
    ck_assert_int_eq(ixj_decoder_on_element(d, IXJ_ELEMENT_JOBS, NULL, NULL),
                     IXJ_OK);
    ck_assert_int_eq(
        ixj_decode(d, IXJ_TYPE_AUTO, list_text, strlen(list_text), &r), IXJ_OK);
    ck_assert_ptr_nonnull(r.as.list->jobs);
    ck_assert_ptr_null(r.as.list->jobs[0]->data_source_jobs); /* streamed */
    ck_assert_uint_eq(r.as.list->jobs[0]->n_data_source_jobs, 2);
    /* misuse */
    ck_assert_int_eq(ixj_decoder_on_element(d, (ixj_element)0, NULL, NULL),
                     IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_decoder_on_element(d, (ixj_element)5, NULL, NULL),
                     IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_decoder_begin(d, IXJ_TYPE_AUTO), IXJ_OK);
    ck_assert_int_eq(
        ixj_decoder_on_element(d, IXJ_ELEMENT_JOBS, record_any, &got),
        IXJ_ERR_MISUSE);
    tu_buf_free(&got);
    tu_buf_free(&result);
    ixj_decoder_free(d);
}
END_TEST

/* A stop at any element: IXJ_STOPPED from then on, nothing leaked, and
 * the decoder works again after a reset. */
START_TEST(test_stop_anywhere)
{
    for (size_t k = 0; k < 4; k++) {
        ixj_element which = all_elements[k];
        size_t total;
        {
            collected c = {{0}, 0, 0, which};
            tu_opts o;
            char *out;
            tu_opts_default(&o);
            out = decode_streaming(&o, list_text, strlen(list_text), 0, &c);
            total = c.count;
            free(out);
            tu_buf_free(&c.text);
        }
        if (which == IXJ_ELEMENT_INDEXED_DATA_SOURCES)
            ck_assert_uint_eq(total, 0);
        else
            ck_assert_uint_gt(total, 0);
        for (size_t stop = 1; stop <= total; stop++) {
            tu_alloc ta;
            collected c = {{0}, 0, stop, which};
            ixj_decoder *d;
            ixj_result r;
            tu_alloc_init(&ta);
            d = ixj_decoder_new(&ta.hooks);
            ck_assert_int_eq(
                ixj_decoder_on_element(d, which, collect_element, &c), IXJ_OK);
            ck_assert_int_eq(
                ixj_decode(d, IXJ_TYPE_LIST, list_text, strlen(list_text), &r),
                IXJ_STOPPED);
            ck_assert_uint_eq(c.count, stop);
            ck_assert_int_eq(ixj_decoder_error(d)->code, IXJ_STOPPED);
            ck_assert_str_eq(ixj_decoder_error(d)->detail,
                             "an element callback returned nonzero");
            ck_assert_int_eq(ixj_decoder_feed(d, "x", 1), IXJ_STOPPED);
            ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_STOPPED);
            ixj_decoder_reset(d);
            c.stop_at = 0;
            ck_assert_int_eq(
                ixj_decode(d, IXJ_TYPE_LIST, list_text, strlen(list_text), &r),
                IXJ_OK);
            ixj_decoder_free(d);
            tu_buf_free(&c.text);
            ck_assert_uint_eq(ta.live_blocks, 0);
        }
    }
}
END_TEST

/* Copies kept beyond the callback equal the elements delivered. */
typedef struct keeper {
    ixj_arena *arena;
    const void *kept[16];
    ixj_element kinds[16];
    size_t n;
    tu_buf delivered;
} keeper;

static int
keep_element(void *ctx, const ixj_element_info *e)
{
    keeper *k = ctx;
    k->kept[k->n] = ixj_element_copy(k->arena, e);
    ck_assert_ptr_nonnull(k->kept[k->n]);
    k->kinds[k->n++] = e->element;
    tu_render_element(&k->delivered, e);
    return 0;
}

START_TEST(test_element_copy)
{
    keeper k = {0};
    tu_buf again = {0};
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r, copy;
    char path[64];

    k.arena = ixj_arena_new(NULL);
    ck_assert_int_eq(
        ixj_decoder_on_element(d, IXJ_ELEMENT_JOBS, keep_element, &k), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_UUIDS,
                                            keep_element, &k),
                     IXJ_OK);
    ck_assert_int_eq(
        ixj_decode(d, IXJ_TYPE_AUTO, list_text, strlen(list_text), &r), IXJ_OK);
    ixj_decoder_free(d); /* the copies outlive the decoder */
    for (size_t i = 0, job = 0, uuid = 0; i < k.n; i++) {
        ixj_element_info e = {k.kinds[i], 0, path, k.kept[i]};
        if (k.kinds[i] == IXJ_ELEMENT_JOBS)
            snprintf(path, sizeof path, "$.jobs[%zu]", job++);
        else
            snprintf(path, sizeof path, "$.jobs[0].data_source_uuids[%zu]",
                     uuid++);
        tu_render_element(&again, &e);
    }
    ck_assert_str_eq(again.data, k.delivered.data);
    ck_assert_uint_eq(k.n, 6);

    /* a whole result too */
    d = ixj_decoder_new(NULL);
    ck_assert_int_eq(
        ixj_decode(d, IXJ_TYPE_AUTO, list_text, strlen(list_text), &r), IXJ_OK);
    ck_assert_int_eq(ixj_result_copy(k.arena, &r, &copy), IXJ_OK);
    /* deep: every struct is copied, those pointed to included */
    ck_assert_ptr_ne(copy.as.list->jobs, r.as.list->jobs);
    ck_assert_ptr_ne(copy.as.list->jobs[2], r.as.list->jobs[2]);
    ck_assert_ptr_nonnull(copy.as.list->meta);
    ck_assert_ptr_ne(copy.as.list->meta, r.as.list->meta);
    {
        tu_buf a = {0}, b = {0};
        tu_render_result(&a, &r);
        ixj_decoder_free(d);
        tu_render_result(&b, &copy);
        ck_assert_str_eq(a.data, b.data);
        tu_buf_free(&a);
        tu_buf_free(&b);
    }
    /* absent objects stay absent */
    d = ixj_decoder_new(NULL);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, "{\"jobs\":[{}]}", 13, &r),
                     IXJ_OK);
    ck_assert_int_eq(ixj_result_copy(k.arena, &r, &copy), IXJ_OK);
    ixj_decoder_free(d);
    ck_assert_ptr_null(copy.as.list->links);
    ck_assert_ptr_null(copy.as.list->meta);
    ck_assert_uint_eq(copy.as.list->n_jobs, 1);
    ck_assert_ptr_nonnull(copy.as.list->jobs[0]);
    ck_assert_int_eq(ixj_result_copy(k.arena, &(ixj_result){0}, &copy),
                     IXJ_ERR_MISUSE);
    ixj_arena_free(k.arena);
    tu_buf_free(&k.delivered);
    tu_buf_free(&again);
}
END_TEST

/*
 * Copies when the arena's memory runs out: the copy fails cleanly
 * wherever it stops. The arena's first block is filled to every 8-byte
 * offset and the allocation after it fails, so that the copy meets the
 * end of its memory at each of its structs, strings, arrays and array
 * elements in turn. Each copy either fails (NULL, IXJ_ERR_NOMEM) or
 * equals the original; nothing leaks.
 */
START_TEST(test_copy_out_of_memory)
{
    tu_buf text = {0}, want = {0};
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_allocator partial;
    ixj_result r;
    unsigned failures = 0, successes = 0;

    tu_buf_puts(&text, "{\"jobs\":[");
    for (int i = 0; i < 12; i++)
        tu_buf_printf(
            &text,
            "%s{\"uuid\":\"job-%d\",\"phase\":\"BATCH_JOB_PHASE_NEW\","
            "\"data_source_uuids\":[\"a-%d\",\"b-%d\"],"
            "\"data_source_jobs\":[{\"error_details\":\"%0*d\"}]}",
            i ? "," : "", i, i, i, 40 + i * 20, i);
    tu_buf_puts(&text, "]}");
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_AUTO, text.data, text.len, &r),
                     IXJ_OK);
    ck_assert_uint_eq(r.as.list->n_jobs, 12);
    tu_render_result(&want, &r);

    for (size_t fill = 0; fill <= 4096; fill += 8) {
        for (int what = 0; what < 3; what++) {
            tu_alloc ta;
            ixj_arena *a;
            ixj_result copy;
            const ixj_job *job = r.as.list->jobs[11];
            ixj_element_info e = {IXJ_ELEMENT_JOBS, 0, "$.jobs[11]", job};
            ixj_element_info u = {IXJ_ELEMENT_DATA_SOURCE_UUIDS, 0,
                                  "$.jobs[11].data_source_uuids[1]",
                                  &job->data_source_uuids[1]};
            tu_alloc_init(&ta);
            a = ixj_arena_new(&ta.hooks);
            ck_assert_ptr_nonnull(a);
            if (fill > 0)
                ck_assert_ptr_nonnull(ixj__arena_alloc(a, fill));
            ta.fail_at = ta.calls + 1;
            if (what == 0) {
                ixj_status st = ixj_result_copy(a, &r, &copy);
                if (st == IXJ_OK) {
                    tu_buf got = {0};
                    tu_render_result(&got, &copy);
                    ck_assert_str_eq(got.data, want.data);
                    tu_buf_free(&got);
                } else {
                    ck_assert_int_eq(st, IXJ_ERR_NOMEM);
                }
            } else {
                const ixj_element_info *info = what == 1 ? &e : &u;
                const void *c = ixj_element_copy(a, info);
                if (c != NULL) {
                    tu_buf got = {0}, orig = {0};
                    ixj_element_info again = *info;
                    again.value = c;
                    tu_render_element(&orig, info);
                    tu_render_element(&got, &again);
                    ck_assert_str_eq(got.data, orig.data);
                    tu_buf_free(&got);
                    tu_buf_free(&orig);
                }
                ck_assert((c == NULL) == ta.failed);
            }
            failures += ta.failed;
            successes += !ta.failed;
            ixj_arena_free(a);
            ck_assert_uint_eq(ta.live_blocks, 0);
        }
    }
    ck_assert_uint_gt(failures, 100);
    ck_assert_uint_gt(successes, 100);

    /* elements that are not elements, and hooks that are not complete */
    {
        ixj_arena *a = ixj_arena_new(NULL);
        ixj_element_info bad = {(ixj_element)0, 0, "$", r.as.list};
        ck_assert_ptr_null(ixj_element_copy(a, &bad));
        bad.element = (ixj_element)IXJ__ELEMENT_END;
        ck_assert_ptr_null(ixj_element_copy(a, &bad));
        ixj_arena_free(a);
    }
    partial.malloc = NULL;
    partial.realloc = NULL;
    partial.free = NULL;
    partial.ctx = NULL;
    ck_assert_ptr_null(ixj_arena_new(&partial));
    ixj_decoder_free(d);
    tu_buf_free(&text);
    tu_buf_free(&want);
}
END_TEST

/* ----------------------------------------------------- flat memory */

static int
count_element(void *ctx, const ixj_element_info *e)
{
    (void)e;
    (*(uint64_t *)ctx)++;
    return 0;
}

/* Feeds a job with n data-source jobs, generated piece by piece (never
 * whole in memory); returns the peak heap the decoder used. */
static size_t
peak_for(uint64_t n, bool validate_only, uint64_t *delivered)
{
    tu_alloc ta;
    ixj_decoder *d;
    ixj_result r;
    char chunk[65536];
    size_t used = 0;
    size_t peak;

    tu_alloc_init(&ta);
    d = ixj_decoder_new(&ta.hooks);
    *delivered = 0;
    if (validate_only)
        ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_VALIDATE_ONLY, 1),
                         IXJ_OK);
    else
        ck_assert_int_eq(ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_JOBS,
                                                count_element, delivered),
                         IXJ_OK);
    ck_assert_int_eq(
        ixj_decoder_set_option(d, IXJ_OPT_MAX_ARRAY_ELEMENTS, n + 1), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_begin(d, IXJ_TYPE_JOB), IXJ_OK);
    used =
        (size_t)snprintf(chunk, sizeof chunk,
                         "{\"job\":{\"uuid\":\"big\",\"data_source_jobs\":[");
    for (uint64_t i = 0; i < n; i++) {
        used += (size_t)snprintf(
            chunk + used, sizeof chunk - used,
            "%s{\"data_source_uuid\":\"%08llx-aaaa-11f1-bbbb-0a58a9feac02\","
            "\"error_msg\":\"e\\u00e9\",\"status\":\"DATA_SOURCE_STATUS_"
            "UPDATED\",\"started_at\":\"2026-01-01T00:00:00.5Z\","
            "\"total_bytes\":\"%llu\"}",
            i ? "," : "", (unsigned long long)i, (unsigned long long)i * 7);
        if (used > sizeof chunk - 512) {
            ck_assert_int_eq(ixj_decoder_feed(d, chunk, used), IXJ_OK);
            used = 0;
        }
    }
    used +=
        (size_t)snprintf(chunk + used, sizeof chunk - used, "],\"tokens\":7}}");
    ck_assert_int_eq(ixj_decoder_feed(d, chunk, used), IXJ_OK);
    ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_OK);
    ck_assert_uint_eq(r.as.job->job->n_data_source_jobs, n);
    ck_assert_ptr_null(r.as.job->job->data_source_jobs);
    ck_assert_int_eq(r.as.job->job->tokens, 7);
    ck_assert_str_eq(r.as.job->job->uuid.ptr, "big");
    ixj_decoder_free(d);
    ck_assert_uint_eq(ta.live_blocks, 0);
    peak = ta.peak_bytes;
    return peak;
}

START_TEST(test_flat_memory)
{
    /* 1,000,000 elements (100,000 when sampling under valgrind) */
    uint64_t big = 1000000 / tu_quick_stride(10), delivered;
    for (int validate_only = 0; validate_only <= 1; validate_only++) {
        size_t small_peak = peak_for(1000, validate_only, &delivered);
        size_t big_peak;
        if (!validate_only)
            ck_assert_uint_eq(delivered, 1000);
        big_peak = peak_for(big, validate_only, &delivered);
        if (!validate_only)
            ck_assert_uint_eq(delivered, big);
        printf("%s: peak heap %zu bytes for 1000 elements, %zu for %llu\n",
               validate_only ? "validation only" : "streamed", small_peak,
               big_peak, (unsigned long long)big);
        ck_assert_uint_eq(big_peak, small_peak);
    }
}
END_TEST

/* ------------------------------------------------------------- streams */

static int
render_document(void *ctx, const ixj_document_info *doc)
{
    tu_buf *out = ctx;
    tu_buf_printf(out, "%llu [%llu,%llu) ", (unsigned long long)doc->record,
                  (unsigned long long)doc->start, (unsigned long long)doc->end);
    if (doc->status == IXJ_OK) {
        TU_CHECK(doc->result != NULL && doc->error == NULL &&
                     doc->type == doc->result->type,
                 "ok document");
        tu_buf_printf(out, "ok %s\n", ixj_type_name(doc->result->type));
    } else {
        TU_CHECK(doc->result == NULL && doc->error->code == doc->status,
                 "failed document");
        tu_buf_printf(out, "error %s %s at %s %llu:%llu\n",
                      ixj_type_name(doc->type), ixj_status_name(doc->status),
                      doc->error->path, (unsigned long long)doc->error->line,
                      (unsigned long long)doc->error->column);
        if (doc->error->detail[0] != '\0')
            tu_buf_printf(out, "  detail: %s\n", doc->error->detail);
    }
    return 0;
}

struct stream_case {
    const char *name;
    ixj_stream_format format;
    ixj_type type;
    const char *text;
    const char *want;
    uint64_t max_document; /* 0: unlimited */
};

/* Decodes a case's stream fed in chunk-byte pieces (0: whole; split > 0:
 * two pieces), with small chunks gathered as the library does by default
 * or not (IXJ_OPT_GATHER), and renders every document and the stream's
 * end. */
static char *
decode_stream(ixj_decoder *d, const struct stream_case *c, size_t chunk,
              size_t split, bool gather)
{
    const char *text = c->text;
    size_t len = strlen(text);
    tu_buf out = {0};
    ixj_result r;
    ixj_status st;

    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_GATHER, gather), IXJ_OK);
    ck_assert_int_eq(
        ixj_decoder_set_option(d, IXJ_OPT_MAX_DOCUMENT_BYTES, c->max_document),
        IXJ_OK);
    st = ixj_decoder_begin_stream(d, c->type, c->format, render_document, &out);
    if (st == IXJ_OK && split > 0) {
        st = ixj_decoder_feed(d, text, split);
        if (st == IXJ_OK)
            st = ixj_decoder_feed(d, text + split, len - split);
    } else {
        for (size_t at = 0; st == IXJ_OK && at < len; at += chunk ? chunk : len)
            st = ixj_decoder_feed(d, text + at,
                                  chunk && len - at > chunk ? chunk : len - at);
    }
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &r);
    else
        ck_assert_int_eq(ixj_decoder_finish(d, &r), st); /* sticky */
    tu_buf_printf(&out, "=> %s\n", ixj_status_name(st));
    return out.data;
}

static const struct stream_case stream_cases[] = {
    {"ndjson: blank lines, a value error, a syntax error, CRLF, no final "
     "newline",
     IXJ_STREAM_NDJSON, IXJ_TYPE_AUTO,
     "{\"job\":{\"uuid\":\"a\"}}\n\n   \n{\"job\":{\"tokens\":1.5}}\n"
     "{\"job\":{ bad\n{\"job\":{\"uuid\":\"b\"}}\r\n{\"signed_url\":\"u\"}",
     "1 [0,20) ok job\n"
     "4 [26,43) error job range at $.job.tokens 4:18\n"
     "  detail: the value has a fractional part\n"
     "5 [49,58) error job syntax at $.job 5:10\n"
     "  detail: expected a key in double quotes or '}'\n"
     "6 [62,82) ok job\n"
     "7 [84,102) ok signed-url\n"
     "=> ok\n",
     0},
    {"ndjson: a bad first record, a truncated last one", IXJ_STREAM_NDJSON,
     IXJ_TYPE_AUTO, "x\n{\"job\":{}}\n{\"job\":{\"uuid\":",
     "1 [0,0) error auto syntax at $ 1:1\n"
     "  detail: expected a value\n"
     "2 [2,12) ok job\n"
     "3 [13,28) error job truncated at $.job.uuid 3:16\n"
     "  detail: the text ends inside an object\n"
     "=> ok\n",
     0},
    {"ndjson: a record cut short by its newline", IXJ_STREAM_NDJSON,
     IXJ_TYPE_AUTO, "{\"job\":{\n{\"job\":{}}\n",
     "1 [0,8) error job truncated at $.job 1:9\n"
     "  detail: the line ends before the value is complete\n"
     "2 [9,19) ok job\n"
     "=> ok\n",
     0},
    {"ndjson: text after the value", IXJ_STREAM_NDJSON, IXJ_TYPE_JOB,
     "{} x\n{}\n",
     "1 [0,3) error job syntax at $ 1:4\n"
     "  detail: text after the top-level value\n"
     "2 [5,7) ok job\n"
     "=> ok\n",
     0},
    {"ndjson: empty and blank input", IXJ_STREAM_NDJSON, IXJ_TYPE_AUTO,
     "\n \r\n\t\n", "=> ok\n", 0},
    {"concatenated: with and without whitespace, a value error",
     IXJ_STREAM_CONCATENATED, IXJ_TYPE_AUTO,
     "{\"job\":{}}{\"job\":{}} {\"job\":{\"tokens\":1.5}}\n{\"job\":{}}",
     "1 [0,10) ok job\n"
     "2 [10,20) ok job\n"
     "3 [21,38) error job range at $.job.tokens 1:39\n"
     "  detail: the value has a fractional part\n"
     "4 [44,54) ok job\n"
     "=> ok\n",
     0},
    {"concatenated: a syntax error ends the stream", IXJ_STREAM_CONCATENATED,
     IXJ_TYPE_JOB, "{}{\"job\":x}{}",
     "1 [0,2) ok job\n"
     "2 [2,9) error job syntax at $.job 1:10\n"
     "  detail: expected a value\n"
     "=> syntax\n",
     0},
    {"concatenated: values of any type", IXJ_STREAM_CONCATENATED, IXJ_TYPE_ANY,
     "1 2\"a\"[]{}null",
     "1 [0,1) ok any\n"
     "2 [2,3) ok any\n"
     "3 [3,6) ok any\n"
     "4 [6,8) ok any\n"
     "5 [8,10) ok any\n"
     "6 [10,14) ok any\n"
     "=> ok\n",
     0},
    {"concatenated: a truncated last value", IXJ_STREAM_CONCATENATED,
     IXJ_TYPE_JOB, "{\"job\":{}} {\"job\":",
     "1 [0,10) ok job\n"
     "2 [11,18) error job truncated at $.job 1:19\n"
     "  detail: the text ends inside an object\n"
     "=> ok\n",
     0},
    {"concatenated: values that are not objects, and {}, fail alone",
     IXJ_STREAM_CONCATENATED, IXJ_TYPE_AUTO,
     "\"abc\" {} [1,[2]] {\"job\":{}} 3 null",
     "1 [0,0) error auto type at $ 1:1\n"
     "  detail: expected an object, found a string\n"
     "2 [6,7) error auto unidentified at $ 1:8\n"
     "  detail: no top-level key belongs to a payload type; name the type "
     "to check the text as one\n"
     "3 [9,9) error auto type at $ 1:10\n"
     "  detail: expected an object, found an array\n"
     "4 [17,27) ok job\n"
     "5 [28,28) error auto type at $ 1:29\n"
     "  detail: expected an object, found a number\n"
     "6 [30,30) error auto type at $ 1:31\n"
     "  detail: expected an object, found null\n"
     "=> ok\n",
     0},
    {"concatenated: a value that is not an object, then a syntax error",
     IXJ_STREAM_CONCATENATED, IXJ_TYPE_LIST, "{} [1,]",
     "1 [0,2) ok list\n"
     "2 [3,3) error list type at $ 1:4\n"
     "  detail: expected an object, found an array\n"
     "=> type\n",
     0},
    {"ndjson: values that are not objects, and {}", IXJ_STREAM_NDJSON,
     IXJ_TYPE_AUTO, "[1]\n\"x\"\n{}\n12\n",
     "1 [0,0) error auto type at $ 1:1\n"
     "  detail: expected an object, found an array\n"
     "2 [4,4) error auto type at $ 2:1\n"
     "  detail: expected an object, found a string\n"
     "3 [8,9) error auto unidentified at $ 3:2\n"
     "  detail: no top-level key belongs to a payload type; name the type "
     "to check the text as one\n"
     "4 [11,11) error auto type at $ 4:1\n"
     "  detail: expected an object, found a number\n"
     "=> ok\n",
     0},
    {"ndjson: the document limit counts from the record's first byte",
     IXJ_STREAM_NDJSON, IXJ_TYPE_JOB, "\n \n{\"a\":1}\n{}\n",
     "3 [3,7) error job limit at $.a 3:5\n"
     "  detail: a document longer than the document limit\n"
     "4 [11,13) ok job\n"
     "=> ok\n",
     4},
    {"ndjson: records that no key identifies fail alone", IXJ_STREAM_NDJSON,
     IXJ_TYPE_AUTO,
     "{}\n{\"name\":\"x\"}\n{\"job\":{}}\n {\"data\":{\"job\":{}}} \n{\"x\":1,",
     "1 [0,1) error auto unidentified at $ 1:2\n"
     "  detail: no top-level key belongs to a payload type; name the type "
     "to check the text as one\n"
     "2 [3,14) error auto unidentified at $ 2:12\n"
     "  detail: no top-level key belongs to a payload type; name the type "
     "to check the text as one\n"
     "3 [16,26) ok job\n"
     "4 [28,46) error auto unidentified at $ 4:20\n"
     "  detail: no top-level key belongs to a payload type; name the type "
     "to check the text as one\n"
     "5 [49,56) error auto truncated at $ 5:8\n"
     "  detail: the text ends inside an object\n"
     "=> ok\n",
     0},
    {"concatenated: scalars cut by the chunks", IXJ_STREAM_CONCATENATED,
     IXJ_TYPE_ANY, "\n12 3\n\"ab\" true",
     "1 [1,3) ok any\n"
     "2 [4,5) ok any\n"
     "3 [6,10) ok any\n"
     "4 [11,15) ok any\n"
     "=> ok\n",
     0},
};

START_TEST(test_stream_case)
{
    const struct stream_case *c = &stream_cases[_i];
    size_t len = strlen(c->text);
    ixj_decoder *d = ixj_decoder_new(NULL);
    char *whole = decode_stream(d, c, 0, 0, false);
    ck_assert_msg(strcmp(whole, c->want) == 0, "%s:\n%s--- want:\n%s", c->name,
                  whole, c->want);
    for (int gather = 0; gather <= 1; gather++) {
        for (size_t chunk = 1; chunk <= 7; chunk += 2) {
            char *got = decode_stream(d, c, chunk, 0, gather);
            ck_assert_msg(strcmp(got, whole) == 0, "%s, %zu-byte chunks%s:\n%s",
                          c->name, chunk, gather ? ", gathered" : "", got);
            free(got);
        }
        for (size_t split = 1; split < len; split++) {
            char *got = decode_stream(d, c, 0, split, gather);
            TU_CHECK(strcmp(got, whole) == 0, "%s, split at %zu%s:\n%s",
                     c->name, split, gather ? ", gathered" : "", got);
            free(got);
        }
    }
    free(whole);
    ixj_decoder_free(d);
}
END_TEST

/* Fails the n-th allocation of each case's stream, fed 3 bytes at a time
 * (scanned as fed, and gathered), for every n: the stream either never
 * met the failure (the same output) or ends with nomem after a prefix of
 * the documents; nothing leaks. */
START_TEST(test_stream_allocation_failure)
{
    const struct stream_case *c = &stream_cases[_i];
    for (int gather = 0; gather <= 1; gather++) {
        ixj_decoder *d = ixj_decoder_new(NULL);
        char *want = decode_stream(d, c, 3, 0, gather);
        bool reached_end = false;
        ixj_decoder_free(d);

        for (uint64_t n = 1; !reached_end; n++) {
            tu_alloc ta;
            char *got, *end;
            TU_CHECK(n <= 1000, "%s: allocation %llu still failed: no end",
                     c->name, (unsigned long long)n);
            tu_alloc_init(&ta);
            ta.fail_at = n;
            d = ixj_decoder_new(&ta.hooks);
            if (d != NULL) {
                got = decode_stream(d, c, 3, 0, gather);
                ixj_decoder_free(d);
                reached_end = !ta.failed;
                if (!ta.failed) {
                    TU_CHECK(strcmp(got, want) == 0, "%s: %s", c->name, got);
                } else {
                    end = strstr(got, "=> ");
                    TU_CHECK(end != NULL && strcmp(end, "=> nomem\n") == 0 &&
                                 strncmp(got, want, (size_t)(end - got)) == 0,
                             "%s, allocation %llu failed%s:\n%s--- "
                             "without:\n%s",
                             c->name, (unsigned long long)n,
                             gather ? " (gathered)" : "", got, want);
                }
                free(got);
            }
            TU_CHECK(ta.live_blocks == 0, "%s, allocation %llu failed: leak",
                     c->name, (unsigned long long)n);
        }
        free(want);
    }
}
END_TEST

static int
stop_at_second(void *ctx, const ixj_document_info *doc)
{
    (void)doc;
    return ++*(int *)ctx == 2;
}

START_TEST(test_stream_stop_and_misuse)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    int calls = 0;
    ixj_result r;
    const char *text = "{}\n{}\n{}\n";
    ck_assert_int_eq(ixj_decoder_begin_stream(d, IXJ_TYPE_AUTO,
                                              IXJ_STREAM_NDJSON, stop_at_second,
                                              &calls),
                     IXJ_OK);
    /* the newline makes this small feed scan, so it meets the stop */
    ck_assert_int_eq(ixj_decoder_feed(d, text, strlen(text)), IXJ_STOPPED);
    ck_assert_int_eq(ixj_decoder_feed(d, text, strlen(text)), IXJ_STOPPED);
    ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_STOPPED);
    ck_assert_int_eq(calls, 2);
    ck_assert_int_eq(ixj_decoder_error(d)->code, IXJ_STOPPED);
    ck_assert_str_eq(ixj_decoder_error(d)->detail,
                     "the document callback returned nonzero");
    ck_assert_int_eq(ixj_decoder_begin_stream(d, IXJ_TYPE_AUTO,
                                              IXJ_STREAM_NDJSON, NULL, NULL),
                     IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_decoder_begin_stream(d, IXJ_TYPE_AUTO,
                                              (ixj_stream_format)3,
                                              stop_at_second, &calls),
                     IXJ_ERR_MISUSE);
    ixj_decoder_free(d);
}
END_TEST

static int
ignore_document(void *ctx, const ixj_document_info *doc)
{
    (void)doc;
    (*(uint64_t *)ctx)++;
    return 0;
}

/* A small feed that ends a line delivers its documents before it returns;
 * one without a newline may wait for more input, never past finish. */
START_TEST(test_stream_delivers_by_newline)
{
    static const ixj_stream_format formats[] = {IXJ_STREAM_NDJSON,
                                                IXJ_STREAM_CONCATENATED};
    for (size_t i = 0; i < 2; i++) {
        ixj_decoder *d = ixj_decoder_new(NULL);
        uint64_t count = 0;
        ixj_result r;
        ck_assert_int_eq(ixj_decoder_begin_stream(d, IXJ_TYPE_AUTO, formats[i],
                                                  ignore_document, &count),
                         IXJ_OK);
        ck_assert_int_eq(ixj_decoder_feed(d, "{\"jobs\"", 7), IXJ_OK);
        ck_assert_int_eq(ixj_decoder_feed(d, ":[]}", 4), IXJ_OK);
        ck_assert_uint_eq(count, 0);
        ck_assert_int_eq(ixj_decoder_feed(d, "\n", 1), IXJ_OK);
        ck_assert_uint_eq(count, 1);
        ck_assert_int_eq(ixj_decoder_feed(d, "{}\n{}\n{", 7), IXJ_OK);
        ck_assert_uint_eq(count, 3);
        ck_assert_int_eq(ixj_decoder_feed(d, "}", 1), IXJ_OK);
        ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_OK);
        ck_assert_uint_eq(count, 4);
        ixj_decoder_free(d);
    }
}
END_TEST

/* Once warm, a stream's documents cost no allocation, failed ones
 * included (yajl's handle is rebuilt from recycled memory). */
START_TEST(test_warm_stream_does_not_allocate)
{
    static const char *const docs[] = {
        ("{\"job\":{\"uuid\":\"a\",\"data_source_uuids\":[\"x\",\"y\"],"
         "\"data_source_jobs\":[{\"error_details\":\"d\\n\"}]}}\n"),
        "{\"job\":{\"tokens\":1.5}}\n",       /* value error */
        "{\"job\":{\"uuid\":\"\\ud800\"}}\n", /* text error */
        "{\"jobs\":[{},{}],\"meta\":{\"total\":2}}\r\n", "\n"};
    tu_alloc ta;
    ixj_decoder *d;
    uint64_t count = 0, calls = 0;
    ixj_result r;

    tu_alloc_init(&ta);
    d = ixj_decoder_new(&ta.hooks);
    ck_assert_int_eq(ixj_decoder_begin_stream(d, IXJ_TYPE_AUTO,
                                              IXJ_STREAM_NDJSON,
                                              ignore_document, &count),
                     IXJ_OK);
    for (int round = 0; round < 200; round++) {
        if (round == 2)
            calls = ta.calls;
        for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++)
            ck_assert_int_eq(ixj_decoder_feed(d, docs[i], strlen(docs[i])),
                             IXJ_OK);
    }
    ck_assert_uint_eq(ta.calls, calls);
    ck_assert_int_eq(ixj_decoder_finish(d, &r), IXJ_OK);
    ck_assert_uint_eq(count, 800);
    ixj_decoder_free(d);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("stream");
    TCase *tc = tcase_create("elements");
    TCase *ts = tcase_create("streams");
    int failed;

    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, test_elements_match_batch);
    tcase_add_test(tc, test_nested_order);
    tcase_add_test(tc, test_stop_anywhere);
    tcase_add_test(tc, test_element_copy);
    tcase_add_test(tc, test_copy_out_of_memory);
    tcase_add_test(tc, test_flat_memory);
    suite_add_tcase(s, tc);
    tcase_set_timeout(ts, 120);
    tcase_add_loop_test(ts, test_stream_case, 0,
                        (int)(sizeof stream_cases / sizeof stream_cases[0]));
    tcase_add_loop_test(ts, test_stream_allocation_failure, 0,
                        (int)(sizeof stream_cases / sizeof stream_cases[0]));
    tcase_add_test(ts, test_stream_stop_and_misuse);
    tcase_add_test(ts, test_stream_delivers_by_newline);
    tcase_add_test(ts, test_warm_stream_does_not_allocate);
    suite_add_tcase(s, ts);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
