/* SPDX-License-Identifier: MIT */
#include "payload.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void
put(bench_text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 4096;
        while (cap < t->len + n + 1)
            cap *= 2;
        t->data = realloc(t->data, cap);
        if (t->data == NULL)
            abort();
        t->cap = cap;
    }
    memcpy(t->data + t->len, s, n);
    t->len += n;
    t->data[t->len] = '\0';
}

/* Appends a string literal. */
#define PUT(t, lit) put(t, lit, sizeof(lit) - 1)

static void putf(bench_text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
putf(bench_text *t, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    put(t, buf, (size_t)n);
}

/* xorshift64*: small, seeded, the same on every platform. */
static uint64_t
next(uint64_t *s)
{
    *s ^= *s >> 12;
    *s ^= *s << 25;
    *s ^= *s >> 27;
    return *s * 2685821657736338717ull;
}

static unsigned
below(uint64_t *s, unsigned n)
{
    return (unsigned)(next(s) % n);
}

static void
uuid(bench_text *t, uint64_t *s)
{
    uint64_t a = next(s), b = next(s);
    putf(t, "\"%08x-%04x-11f1-%04x-%012llx\"", (unsigned)(a >> 32),
         (unsigned)(a & 0xffff), (unsigned)(b >> 48),
         (unsigned long long)(b & 0xffffffffffffull));
}

static void
timestamp(bench_text *t, uint64_t *s)
{
    /* one draw per statement: argument order is unspecified in C, and
     * the bytes must not depend on the compiler */
    unsigned month = below(s, 12) + 1, day = below(s, 28) + 1;
    unsigned hour = below(s, 24), minute = below(s, 60), second = below(s, 60);
    putf(t, "\"2026-%02u-%02uT%02u:%02u:%02u", month, day, hour, minute,
         second);
    switch (below(s, 3)) {
    case 0:
        PUT(t, "Z\"");
        break;
    case 1:
        putf(t, ".%03uZ\"", below(s, 1000));
        break;
    default:
        putf(t, ".%09uZ\"", below(s, 1000000000));
        break;
    }
}

/* A uint64 counter as a decimal string: small, medium, 2^40-ish, or above
 * 2^63. */
static void
counter(bench_text *t, uint64_t *s)
{
    uint64_t v;
    switch (below(s, 4)) {
    case 0:
        v = below(s, 1000);
        break;
    case 1:
        v = next(s) % 100000000u;
        break;
    case 2:
        v = next(s) % (1ull << 40);
        break;
    default:
        v = (1ull << 63) + next(s) % (1ull << 63);
        break;
    }
    putf(t, "\"%llu\"", (unsigned long long)v);
}

static const char *const phases[] = {"UNKNOWN",   "PENDING", "RUNNING",
                                     "SUCCEEDED", "FAILED",  "ERROR",
                                     "CANCELLED"};
static const char *const statuses[] = {"UNKNOWN",   "PARTIAL",  "IN_PROGRESS",
                                       "COMPLETED", "FAILED",   "NO_CHANGES",
                                       "PENDING",   "CANCELLED"};
static const char *const source_statuses[] = {
    "UNKNOWN",     "IN_PROGRESS", "UPDATED",  "PARTIALLY_UPDATED",
    "NOT_UPDATED", "FAILED",      "CANCELLED"};

static void
data_source(bench_text *t, uint64_t *s)
{
    PUT(t, "{\"completed_at\":");
    timestamp(t, s);
    PUT(t, ",\"data_source_uuid\":");
    uuid(t, s);
    if (below(s, 3) == 0) {
        /* escapes, a surrogate pair escaped, raw UTF-8 */
        unsigned doc = below(s, 1000), page = below(s, 400);
        putf(t,
             ",\"error_details\":\"failed to fetch \\\"doc-%u.pdf\\\"\\n\\tat "
             "page %u: caf\\u00e9 \\ud83d\\ude00 r\xc3\xa9sum\xc3\xa9 "
             "\xe2\x82\xac\xf0\x9f\x93\x84\"",
             doc, page);
        PUT(t, ",\"error_msg\":\"fetch_error\"");
    }
    PUT(t, ",\"failed_item_count\":");
    counter(t, s);
    PUT(t, ",\"indexed_file_count\":");
    counter(t, s);
    PUT(t, ",\"indexed_item_count\":");
    counter(t, s);
    PUT(t, ",\"removed_item_count\":");
    counter(t, s);
    PUT(t, ",\"skipped_item_count\":");
    counter(t, s);
    PUT(t, ",\"started_at\":");
    timestamp(t, s);
    putf(t, ",\"status\":\"DATA_SOURCE_STATUS_%s\"",
         source_statuses[below(s, 7)]);
    PUT(t, ",\"total_bytes\":");
    counter(t, s);
    PUT(t, ",\"total_bytes_indexed\":");
    counter(t, s);
    PUT(t, ",\"total_file_count\":");
    counter(t, s);
    PUT(t, "}");
}

void
bench_ndjson(bench_text *t, uint64_t *s, int n_docs)
{
    for (int i = 0; i < n_docs; i++) {
        bench_job(t, s, 1);
        PUT(t, "\n");
    }
}

int
bench_input(const char *name, bench_text *out)
{
    uint64_t seed = BENCH_INPUT_SEED;
    memset(out, 0, sizeof *out);
    if (strcmp(name, "S") == 0)
        bench_job(out, &seed, 1);
    else if (strcmp(name, "M") == 0)
        bench_job(out, &seed, 100);
    else if (strcmp(name, "L") == 0)
        bench_job(out, &seed, 10000);
    else if (strcmp(name, "N") == 0)
        bench_ndjson(out, &seed, 10000);
    else if (name[0] == 'L' && atoi(name + 1) > 0)
        bench_job(out, &seed, atoi(name + 1));
    else if (name[0] == 'N' && atoi(name + 1) > 0)
        bench_ndjson(out, &seed, atoi(name + 1));
    else
        return 0;
    return 1;
}

/* The parts of a job document in the order bench_job writes them; the
 * seed is consumed in that order, so the bytes come out the same. */
enum { PART_HEADER, PART_SOURCES, PART_UUIDS, PART_TRAILER, PART_DONE };

void
bench_job_stream_begin(bench_job_stream *js, uint64_t seed, int n_sources)
{
    js->seed = seed;
    js->n_sources = n_sources;
    js->emitted = 0;
    js->part = PART_HEADER;
}

int
bench_job_stream_next(bench_job_stream *js, bench_text *t)
{
    uint64_t *s = &js->seed;
    const char *status;
    unsigned tokens;
    switch (js->part) {
    case PART_HEADER:
        putf(t, "{\"job\":{\"completed_datasources\":%d,\"created_at\":",
             js->n_sources);
        timestamp(t, s);
        PUT(t, ",\"data_source_jobs\":[");
        js->part = js->n_sources > 0 ? PART_SOURCES : PART_UUIDS;
        return 1;
    case PART_SOURCES:
        if (js->emitted > 0)
            PUT(t, ",");
        data_source(t, s);
        if (++js->emitted == js->n_sources) {
            PUT(t, "],\"data_source_uuids\":[");
            js->emitted = 0;
            js->part = PART_UUIDS;
        }
        return 1;
    case PART_UUIDS:
        if (js->n_sources == 0) {
            /* no sources: the header left the first array open */
            PUT(t, "],\"data_source_uuids\":[");
        } else {
            if (js->emitted > 0)
                PUT(t, ",");
            uuid(t, s);
            if (++js->emitted < js->n_sources)
                return 1;
        }
        js->part = PART_TRAILER;
        return 1;
    case PART_TRAILER:
        PUT(t, "],\"finished_at\":");
        timestamp(t, s);
        PUT(t, ",\"is_report_available\":true,\"knowledge_base_uuid\":");
        uuid(t, s);
        putf(t, ",\"phase\":\"BATCH_JOB_PHASE_%s\",\"started_at\":",
             phases[below(s, 7)]);
        timestamp(t, s);
        status = statuses[below(s, 8)];
        tokens = below(s, 1000000000);
        putf(t,
             ",\"status\":\"INDEX_JOB_STATUS_%s\",\"tokens\":%u,"
             "\"total_datasources\":%d,\"total_tokens\":",
             status, tokens, js->n_sources);
        counter(t, s);
        PUT(t, ",\"updated_at\":");
        timestamp(t, s);
        PUT(t, ",\"uuid\":");
        uuid(t, s);
        PUT(t, "}}");
        js->part = PART_DONE;
        return 1;
    default:
        return 0;
    }
}

void
bench_job(bench_text *t, uint64_t *s, int n)
{
    bench_job_stream js;
    bench_job_stream_begin(&js, *s, n);
    while (bench_job_stream_next(&js, t))
        ;
    *s = js.seed;
}

void
bench_text_free(bench_text *t)
{
    free(t->data);
    memset(t, 0, sizeof *t);
}
