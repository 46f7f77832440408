/* SPDX-License-Identifier: MIT */
/*
 * bench_memory: what ixjob asks of the allocator, and how fast it goes
 * through a stream of documents.
 *
 * Part 1, memory. Job documents of n data sources (S: 1, M: 100, L:
 * 10,000, 100M: about 100 MB) are generated piece by piece and fed in
 * chunks (64 KiB by default), so even the biggest input is never held
 * whole. Each is decoded in four modes:
 *   batch         the whole result kept;
 *   elements      data_source_jobs[] delivered to a callback that drops
 *                 each element (data_source_uuids[] still kept);
 *   elements-all  both arrays delivered to such callbacks;
 *   validate      IXJ_OPT_VALIDATE_ONLY.
 * Counting allocator hooks record the allocator calls (malloc + realloc)
 * and the peak of live heap bytes, for a cold decoder (ixj_decoder_new
 * included) and for a warm one (the same decoder, reset, decoding the same
 * document again).
 *
 * Part 2, stream. N S-sized documents, one per line, decoded by one
 * decoder with ixj_decoder_begin_stream(IXJ_STREAM_NDJSON), in default
 * mode and validate-only, against yajl parsing the same bytes with no
 * callbacks on one handle (yajl_allow_multiple_values): the ceiling for
 * anything built on yajl. The machine is noisy: methods are interleaved
 * and the ratio to yajl within the run is what to compare.
 *
 *   bench_memory [--quick] [--only=MODE,...] [--size=SIZE,...]
 *                [--chunk=BYTES] [--docs=N] [--trials=N] [--seconds=S]
 *       MODE: batch elements elements-all validate stream
 *       SIZE: S M L 100M, or L<n> for a job of n data sources
 *   bench_memory --once=METHOD [--docs=N] [--repeat=N]
 *       one stream method, a fixed amount of work, for
 *       valgrind --tool=callgrind
 */
/* clock_gettime and CLOCK_MONOTONIC are POSIX, hidden by -std=c11. */
#define _POSIX_C_SOURCE 200809L

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <yajl/yajl_parse.h>

#include <ixjob/ixjob.h>

#include "payload.h"

/* ------------------------------------------------------ counting hooks */

typedef struct heap_stats {
    size_t live; /* bytes requested and not yet freed */
    size_t peak; /* high-water mark of live */
    uint64_t mallocs;
    uint64_t reallocs;
} heap_stats;

/* Each block starts with the size its caller asked for; the union keeps
 * the caller's bytes aligned as malloc would. */
typedef union size_header {
    size_t size;
    max_align_t align_;
} size_header;

static void
note_growth(heap_stats *stats, size_t size)
{
    stats->live += size;
    if (stats->live > stats->peak)
        stats->peak = stats->live;
}

static void *
counting_malloc(void *ctx, size_t size)
{
    heap_stats *stats = ctx;
    size_header *block;
    stats->mallocs++;
    if (size > SIZE_MAX - sizeof *block)
        return NULL;
    block = malloc(sizeof *block + size);
    if (block == NULL)
        return NULL;
    block->size = size;
    note_growth(stats, size);
    return block + 1;
}

/* Live bytes go from the old size to the new one: a realloc that moves
 * holds both for a moment, but libc often grows in place (or remaps big
 * blocks), so the logical size is what is counted. */
static void *
counting_realloc(void *ctx, void *ptr, size_t size)
{
    heap_stats *stats = ctx;
    size_header *block, *moved;
    size_t old_size;
    if (ptr == NULL) {
        void *fresh = counting_malloc(ctx, size);
        stats->mallocs--;
        stats->reallocs++;
        return fresh;
    }
    stats->reallocs++;
    if (size > SIZE_MAX - sizeof *block)
        return NULL;
    block = (size_header *)ptr - 1;
    old_size = block->size;
    moved = realloc(block, sizeof *moved + size);
    if (moved == NULL)
        return NULL;
    moved->size = size;
    stats->live -= old_size;
    note_growth(stats, size);
    return moved + 1;
}

static void
counting_free(void *ctx, void *ptr)
{
    heap_stats *stats = ctx;
    size_header *block;
    if (ptr == NULL)
        return;
    block = (size_header *)ptr - 1;
    stats->live -= block->size;
    free(block);
}

static ixj_allocator
counting_hooks(heap_stats *stats)
{
    ixj_allocator hooks;
    hooks.malloc = counting_malloc;
    hooks.realloc = counting_realloc;
    hooks.free = counting_free;
    hooks.ctx = stats;
    return hooks;
}

static uint64_t
allocator_calls(const heap_stats *stats)
{
    return stats->mallocs + stats->reallocs;
}

/* Starts a new measurement on a heap that may already hold memory: the
 * peak then counts what is held too. */
static void
restart_counts(heap_stats *stats)
{
    stats->mallocs = stats->reallocs = 0;
    stats->peak = stats->live;
}

/* ------------------------------------------------------------- output */

/* 1234567 as "1,234,567", into buf. */
static const char *
with_commas(char *buf, size_t cap, uint64_t value)
{
    char digits[32];
    int n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)value);
    size_t out = 0;
    for (int i = 0; i < n && out + 2 < cap; i++) {
        if (i > 0 && (n - i) % 3 == 0)
            buf[out++] = ',';
        buf[out++] = digits[i];
    }
    buf[out] = '\0';
    return buf;
}

static void
fail_exit(const char *what, const char *detail)
{
    fprintf(stderr, "bench_memory: %s%s%s\n", what, detail ? ": " : "",
            detail ? detail : "");
    exit(1);
}

static void
decoder_fail_exit(const char *what, const ixj_decoder *d)
{
    const ixj_error *e = ixj_decoder_error(d);
    fprintf(stderr, "bench_memory: %s: %s at %s, offset %llu\n", what,
            ixj_status_name(e->code), e->path, (unsigned long long)e->offset);
    exit(1);
}

/* ------------------------------------------------------- part 1: memory */

enum decode_mode {
    MODE_BATCH,
    MODE_ELEMENTS,
    MODE_ELEMENTS_ALL,
    MODE_VALIDATE,
    N_DECODE_MODES
};

static const char *const mode_names[N_DECODE_MODES] = {
    "batch", "elements", "elements-all", "validate"};

typedef struct input_size {
    char name[16];
    int n_sources;
} input_size;

/* About 535 bytes per data source (its object and its uuid): 186,800 of
 * them make a document of about 100 MB. */
#define SOURCES_100M 186800

static const input_size standard_sizes[] = {
    {"S", 1}, {"M", 100}, {"L", 10000}, {"100M", SOURCES_100M}};
#define N_STANDARD_SIZES (sizeof standard_sizes / sizeof standard_sizes[0])

/* Elements seen by the dropping callbacks. */
typedef struct element_tally {
    uint64_t data_source_jobs;
    uint64_t data_source_uuids;
} element_tally;

static int
drop_element(void *ctx, const ixj_element_info *info)
{
    element_tally *tally = ctx;
    if (info->element == IXJ_ELEMENT_DATA_SOURCE_JOBS)
        tally->data_source_jobs++;
    else
        tally->data_source_uuids++;
    return 0;
}

static void
configure(ixj_decoder *d, enum decode_mode mode, element_tally *tally)
{
    ixj_status st = IXJ_OK;
    if (mode == MODE_ELEMENTS || mode == MODE_ELEMENTS_ALL)
        st = ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_JOBS,
                                    drop_element, tally);
    if (st == IXJ_OK && mode == MODE_ELEMENTS_ALL)
        st = ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_UUIDS,
                                    drop_element, tally);
    if (st == IXJ_OK && mode == MODE_VALIDATE)
        st = ixj_decoder_set_option(d, IXJ_OPT_VALIDATE_ONLY, 1);
    if (st != IXJ_OK)
        fail_exit("cannot configure the decoder", ixj_status_name(st));
}

/* Feeds the job document of n_sources data sources in chunk-byte pieces,
 * generating them as they are needed. Returns the bytes fed. */
static uint64_t
feed_generated_job(ixj_decoder *d, int n_sources, size_t chunk)
{
    bench_job_stream generator;
    bench_text pending = {NULL, 0, 0};
    uint64_t fed = 0;
    int more = 1;

    bench_job_stream_begin(&generator, BENCH_INPUT_SEED, n_sources);
    while (more || pending.len > 0) {
        size_t n;
        while (more && pending.len < chunk)
            more = bench_job_stream_next(&generator, &pending);
        n = pending.len < chunk ? pending.len : chunk;
        if (ixj_decoder_feed(d, pending.data, n) != IXJ_OK)
            decoder_fail_exit("feed failed", d);
        fed += n;
        memmove(pending.data, pending.data + n, pending.len - n);
        pending.len -= n;
    }
    bench_text_free(&pending);
    return fed;
}

/* Checks that the decode kept, streamed or dropped what its mode says. */
static void
check_job(const ixj_result *r, enum decode_mode mode,
          const element_tally *tally, int n_sources)
{
    const ixj_job *job;
    size_t n = (size_t)n_sources;
    int jobs_kept = mode == MODE_BATCH;
    int uuids_kept = mode == MODE_BATCH || mode == MODE_ELEMENTS;
    int jobs_streamed = mode == MODE_ELEMENTS || mode == MODE_ELEMENTS_ALL;
    int uuids_streamed = mode == MODE_ELEMENTS_ALL;

    if (r->type != IXJ_TYPE_JOB)
        fail_exit("decoded something else than a job", NULL);
    job = r->as.job->job;
    if (job->n_data_source_jobs != n || job->n_data_source_uuids != n ||
        (job->data_source_jobs != NULL) != (jobs_kept && n > 0) ||
        (job->data_source_uuids != NULL) != (uuids_kept && n > 0) ||
        tally->data_source_jobs != (jobs_streamed ? n : 0) ||
        tally->data_source_uuids != (uuids_streamed ? n : 0))
        fail_exit("the result does not match the mode", mode_names[mode]);
}

typedef struct decode_counts {
    uint64_t calls; /* malloc + realloc */
    size_t peak;    /* live bytes, high-water mark */
    size_t held;    /* live bytes after finish: the decoder and result */
} decode_counts;

/* One document through d, counted from the state stats is in. */
static uint64_t
decode_counted(ixj_decoder *d, enum decode_mode mode, int n_sources,
               size_t chunk, heap_stats *stats, decode_counts *counts)
{
    element_tally tally = {0, 0};
    ixj_result r;
    uint64_t fed;

    configure(d, mode, &tally);
    if (ixj_decoder_begin(d, IXJ_TYPE_AUTO) != IXJ_OK)
        decoder_fail_exit("begin failed", d);
    fed = feed_generated_job(d, n_sources, chunk);
    if (ixj_decoder_finish(d, &r) != IXJ_OK)
        decoder_fail_exit("finish failed", d);
    check_job(&r, mode, &tally, n_sources);
    counts->calls = allocator_calls(stats);
    counts->peak = stats->peak;
    counts->held = stats->live;
    return fed;
}

static void
print_memory_header(size_t chunk)
{
    printf("Memory: job documents generated piece by piece, fed in %zu-byte "
           "chunks.\n",
           chunk);
    printf("calls = malloc + realloc through the ixj_allocator hooks; peak = "
           "high-water\nmark of live heap bytes; held = live bytes after "
           "finish (decoder + result).\ncold: ixj_decoder_new + begin + feed "
           "+ finish; warm: the same decoder, reset,\nthe same document "
           "again.\n\n");
    printf("%-6s %13s  %-12s %7s %13s %7s %13s %13s %8s\n", "input", "bytes",
           "mode", "cold", "cold peak", "warm", "warm peak", "warm held",
           "peak/in");
    printf("%-6s %13s  %-12s %7s %13s %7s %13s %13s %8s\n", "", "", "", "calls",
           "bytes", "calls", "bytes", "bytes", "(cold)");
}

static void
run_memory(const input_size *size, enum decode_mode mode, size_t chunk)
{
    heap_stats stats;
    ixj_allocator hooks = counting_hooks(&stats);
    decode_counts cold, warm;
    ixj_decoder *d;
    uint64_t fed;
    char b1[32], b2[32], b3[32], b4[32];

    memset(&stats, 0, sizeof stats);
    d = ixj_decoder_new(&hooks);
    if (d == NULL)
        fail_exit("cannot create a decoder", NULL);
    fed = decode_counted(d, mode, size->n_sources, chunk, &stats, &cold);

    restart_counts(&stats);
    ixj_decoder_reset(d);
    decode_counted(d, mode, size->n_sources, chunk, &stats, &warm);

    ixj_decoder_free(d);
    if (stats.live != 0)
        fprintf(stderr, "bench_memory: %zu bytes still live after free\n",
                stats.live);
    printf(
        "%-6s %13s  %-12s %7llu %13s %7llu %13s %13s %8.2f\n", size->name,
        with_commas(b1, sizeof b1, fed), mode_names[mode],
        (unsigned long long)cold.calls, with_commas(b2, sizeof b2, cold.peak),
        (unsigned long long)warm.calls, with_commas(b3, sizeof b3, warm.peak),
        with_commas(b4, sizeof b4, warm.held), (double)cold.peak / (double)fed);
    fflush(stdout);
}

/* ------------------------------------------------------- part 2: stream */

typedef struct stream_input {
    bench_text text;
    int n_docs;
} stream_input;

/* Documents reported by a stream. */
typedef struct document_tally {
    uint64_t ok;
    uint64_t failed;
} document_tally;

static int
count_document(void *ctx, const ixj_document_info *doc)
{
    document_tally *tally = ctx;
    if (doc->status == IXJ_OK)
        tally->ok++;
    else
        tally->failed++;
    return 0;
}

/* A stream method: one decoder (or none) kept across runs. */
typedef struct stream_method {
    const char *name;
    int validate_only; /* ixjob: IXJ_OPT_VALIDATE_ONLY */
    size_t chunk;      /* ixjob: feed size, 0 for the whole buffer */
    int is_yajl;
    ixj_decoder *decoder;
    heap_stats stats;
    uint64_t runs;    /* streams decoded since the decoder was created */
    double rates[32]; /* documents per second, one per trial */
} stream_method;

static void
run_yajl_stream(const stream_input *in)
{
    yajl_handle h = yajl_alloc(NULL, NULL, NULL);
    yajl_status st;
    yajl_config(h, yajl_allow_multiple_values, 1);
    st = yajl_parse(h, (const unsigned char *)in->text.data, in->text.len);
    if (st == yajl_status_ok)
        st = yajl_complete_parse(h);
    yajl_free(h);
    if (st != yajl_status_ok)
        fail_exit("yajl rejected the stream", NULL);
}

static void
run_ixjob_stream(stream_method *m, const stream_input *in)
{
    document_tally tally = {0, 0};
    ixj_result r;
    ixj_status st;
    size_t chunk = m->chunk ? m->chunk : in->text.len;

    st = ixj_decoder_begin_stream(m->decoder, IXJ_TYPE_AUTO, IXJ_STREAM_NDJSON,
                                  count_document, &tally);
    for (size_t at = 0; st == IXJ_OK && at < in->text.len; at += chunk)
        st = ixj_decoder_feed(m->decoder, in->text.data + at,
                              in->text.len - at < chunk ? in->text.len - at
                                                        : chunk);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(m->decoder, &r);
    if (st != IXJ_OK || tally.ok != (uint64_t)in->n_docs || tally.failed != 0)
        fail_exit("the stream did not decode every document", m->name);
}

static void
run_stream_method(stream_method *m, const stream_input *in)
{
    m->runs++;
    if (m->is_yajl)
        run_yajl_stream(in);
    else
        run_ixjob_stream(m, in);
}

static void
open_stream_method(stream_method *m)
{
    ixj_allocator hooks;
    if (m->is_yajl)
        return;
    memset(&m->stats, 0, sizeof m->stats);
    m->runs = 0;
    hooks = counting_hooks(&m->stats);
    m->decoder = ixj_decoder_new(&hooks);
    if (m->decoder == NULL ||
        ixj_decoder_set_option(m->decoder, IXJ_OPT_VALIDATE_ONLY,
                               (uint64_t)m->validate_only) != IXJ_OK)
        fail_exit("cannot create a decoder", m->name);
}

static void
close_stream_method(stream_method *m)
{
    ixj_decoder_free(m->decoder);
    m->decoder = NULL;
    if (!m->is_yajl && m->stats.live != 0)
        fprintf(stderr, "bench_memory: %s: %zu bytes still live after free\n",
                m->name, m->stats.live);
}

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Documents per second of one trial: the method repeated for at least
 * `seconds`. */
static double
stream_trial(stream_method *m, const stream_input *in, double seconds)
{
    double start = now(), elapsed;
    uint64_t runs = 0;
    do {
        run_stream_method(m, in);
        runs++;
        elapsed = now() - start;
    } while (elapsed < seconds);
    return (double)in->n_docs * (double)runs / elapsed;
}

static int
compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static stream_method stream_methods[] = {
    {.name = "yajl-null", .is_yajl = 1},
    {.name = "ixjob"},
    {.name = "ixjob-validate", .validate_only = 1},
    {.name = "ixjob-64K", .chunk = 65536},
    {.name = "ixjob-validate-64K", .validate_only = 1, .chunk = 65536},
};
#define N_STREAM_METHODS (sizeof stream_methods / sizeof stream_methods[0])

static void
make_stream_input(stream_input *in, int n_docs)
{
    uint64_t seed = 0x1d2c3b4a59687766ull; /* bench_input's */
    memset(in, 0, sizeof *in);
    in->n_docs = n_docs;
    bench_ndjson(&in->text, &seed, n_docs);
}

/* Allocator calls of a first stream on a new decoder and of a second one
 * on the same decoder, per document. */
static void
print_stream_allocations(stream_method *m, const stream_input *in)
{
    uint64_t cold_calls;
    size_t cold_peak;
    char b1[32], b2[32];

    open_stream_method(m);
    run_stream_method(m, in);
    cold_calls = allocator_calls(&m->stats);
    cold_peak = m->stats.peak;
    restart_counts(&m->stats);
    run_stream_method(m, in);
    printf("  %-19s %8llu %10.4f %12s %8llu %10.4f %12s\n", m->name,
           (unsigned long long)cold_calls,
           (double)cold_calls / (double)in->n_docs,
           with_commas(b1, sizeof b1, cold_peak),
           (unsigned long long)allocator_calls(&m->stats),
           (double)allocator_calls(&m->stats) / (double)in->n_docs,
           with_commas(b2, sizeof b2, m->stats.peak));
}

static void
run_stream_part(int n_docs, int trials, double seconds)
{
    stream_input in;
    char b1[32], b2[32];

    make_stream_input(&in, n_docs);
    printf("NDJSON stream: %s S-sized documents, %s bytes, whole buffer "
           "unless -64K;\none decoder per method for the whole run. Best and "
           "median of %d interleaved\ntrials of >= %.2f s each; ratio to "
           "yajl-null in this run.\n\n",
           with_commas(b1, sizeof b1, (uint64_t)n_docs),
           with_commas(b2, sizeof b2, in.text.len), trials, seconds);

    printf("  %-19s %8s %10s %12s %8s %10s %12s\n", "allocations", "cold",
           "per doc", "cold peak", "warm", "per doc", "warm peak");
    for (size_t k = 0; k < N_STREAM_METHODS; k++)
        if (!stream_methods[k].is_yajl)
            print_stream_allocations(&stream_methods[k], &in);
    printf("  (cold: new decoder, first stream; warm: the same decoder, a "
           "second stream)\n\n");

    for (int t = 0; t < trials; t++)
        for (size_t k = 0; k < N_STREAM_METHODS; k++)
            stream_methods[k].rates[t] =
                stream_trial(&stream_methods[k], &in, seconds);

    printf("  %-19s %10s %8s %7s   %10s %8s %7s\n", "method", "best doc/s",
           "MB/s", "ratio", "median", "MB/s", "ratio");
    {
        double best_base, median_base;
        qsort(stream_methods[0].rates, (size_t)trials, sizeof(double),
              compare_double);
        best_base = stream_methods[0].rates[trials - 1];
        median_base = stream_methods[0].rates[trials / 2];
        for (size_t k = 0; k < N_STREAM_METHODS; k++) {
            stream_method *m = &stream_methods[k];
            double best, median, doc_bytes;
            if (k > 0)
                qsort(m->rates, (size_t)trials, sizeof(double), compare_double);
            best = m->rates[trials - 1];
            median = m->rates[trials / 2];
            doc_bytes = (double)in.text.len / (double)in.n_docs;
            printf("  %-19s %10.0f %8.0f %7.3f   %10.0f %8.0f %7.3f\n", m->name,
                   best, best * doc_bytes / 1e6, best / best_base, median,
                   median * doc_bytes / 1e6, median / median_base);
        }
    }
    printf("\n  allocator calls after the first stream, timed runs "
           "included:\n");
    for (size_t k = 0; k < N_STREAM_METHODS; k++) {
        stream_method *m = &stream_methods[k];
        if (!m->is_yajl)
            printf("  %-19s %llu in %llu streams (%s documents)\n", m->name,
                   (unsigned long long)allocator_calls(&m->stats),
                   (unsigned long long)(m->runs - 1),
                   with_commas(b1, sizeof b1,
                               (m->runs - 1) * (uint64_t)in.n_docs));
        close_stream_method(m);
    }
    bench_text_free(&in.text);
}

/* ---------------------------------------------------------------- main */

/* The comma-separated items of list, one at a time: copies the next into
 * item and returns the rest, or NULL at the end. */
static const char *
next_item(const char *list, char *item, size_t cap)
{
    size_t n;
    if (list == NULL || *list == '\0')
        return NULL;
    n = strcspn(list, ",");
    if (n >= cap)
        n = cap - 1;
    memcpy(item, list, n);
    item[n] = '\0';
    list += strcspn(list, ",");
    return *list == ',' ? list + 1 : list;
}

static int
parse_size(const char *name, input_size *out)
{
    for (size_t k = 0; k < N_STANDARD_SIZES; k++)
        if (strcmp(standard_sizes[k].name, name) == 0) {
            *out = standard_sizes[k];
            return 1;
        }
    if (name[0] == 'L' && atoi(name + 1) > 0 &&
        strlen(name) < sizeof out->name) {
        memcpy(out->name, name, strlen(name) + 1);
        out->n_sources = atoi(name + 1);
        return 1;
    }
    return 0;
}

static void
usage(void)
{
    fprintf(stderr,
            "usage: bench_memory [--quick] [--only=MODE,...] "
            "[--size=SIZE,...] [--chunk=BYTES]\n"
            "                    [--docs=N] [--trials=N] [--seconds=S]\n"
            "       bench_memory --once=METHOD [--docs=N] [--repeat=N]\n"
            "MODE: batch elements elements-all validate stream\n"
            "SIZE: S M L 100M L<n>\n"
            "METHOD: yajl-null ixjob ixjob-validate ixjob-64K "
            "ixjob-validate-64K\n");
    exit(2);
}

/* --once: one stream method, a fixed amount of work, nothing printed but
 * what was done (for callgrind's instruction counts). */
static int
run_once(const char *name, int n_docs, int repeat)
{
    stream_input in;
    stream_method *m = NULL;
    for (size_t k = 0; k < N_STREAM_METHODS; k++)
        if (strcmp(stream_methods[k].name, name) == 0)
            m = &stream_methods[k];
    if (m == NULL)
        usage();
    make_stream_input(&in, n_docs);
    open_stream_method(m);
    for (int r = 0; r < repeat; r++)
        run_stream_method(m, &in);
    printf("%s: %d documents, %zu bytes x %d\n", m->name, n_docs, in.text.len,
           repeat);
    close_stream_method(m);
    bench_text_free(&in.text);
    return 0;
}

int
main(int argc, char **argv)
{
    int quick = 0, n_docs = 20000, trials = 0, repeat = 1;
    double seconds = 0;
    long chunk = 65536;
    const char *only = NULL, *size_list = NULL, *once = NULL;
    int want_mode[N_DECODE_MODES] = {0}, want_stream = 0, any_mode = 0;
    input_size sizes[16];
    size_t n_sizes = 0;
    char item[32];

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--quick") == 0)
            quick = 1;
        else if (strncmp(a, "--only=", 7) == 0)
            only = a + 7;
        else if (strncmp(a, "--size=", 7) == 0)
            size_list = a + 7;
        else if (strncmp(a, "--chunk=", 8) == 0)
            chunk = atol(a + 8);
        else if (strncmp(a, "--docs=", 7) == 0)
            n_docs = atoi(a + 7);
        else if (strncmp(a, "--trials=", 9) == 0)
            trials = atoi(a + 9);
        else if (strncmp(a, "--seconds=", 10) == 0)
            seconds = atof(a + 10);
        else if (strncmp(a, "--once=", 7) == 0)
            once = a + 7;
        else if (strncmp(a, "--repeat=", 9) == 0)
            repeat = atoi(a + 9);
        else
            usage();
    }
    /* --quick: no 100 MB input and short trials, unless told otherwise */
    if (trials == 0)
        trials = quick ? 3 : 7;
    if (seconds <= 0)
        seconds = quick ? 0.1 : 0.3;
    if (trials < 1 || trials > 32 || chunk < 1 || n_docs < 1 || repeat < 1) {
        fprintf(stderr, "--trials between 1 and 32; --chunk, --docs and "
                        "--repeat at least 1\n");
        return 2;
    }
    if (once != NULL)
        return run_once(once, n_docs, repeat);

    for (const char *rest = only;
         (rest = next_item(rest, item, sizeof item));) {
        int found = strcmp(item, "stream") == 0;
        want_stream |= found;
        for (int m = 0; m < N_DECODE_MODES; m++)
            if (strcmp(item, mode_names[m]) == 0)
                found = want_mode[m] = any_mode = 1;
        if (!found)
            usage();
    }
    if (only == NULL) {
        want_stream = any_mode = 1;
        for (int m = 0; m < N_DECODE_MODES; m++)
            want_mode[m] = 1;
    }
    for (const char *rest = size_list;
         (rest = next_item(rest, item, sizeof item));) {
        if (n_sizes == sizeof sizes / sizeof sizes[0] ||
            !parse_size(item, &sizes[n_sizes++]))
            usage();
    }
    if (size_list == NULL)
        for (size_t k = 0; k < N_STANDARD_SIZES - (quick ? 1 : 0); k++)
            sizes[n_sizes++] = standard_sizes[k];

    printf("ixjob %s, yajl 2.1\n\n", ixj_version());
    if (any_mode) {
        print_memory_header((size_t)chunk);
        for (size_t s = 0; s < n_sizes; s++)
            for (int m = 0; m < N_DECODE_MODES; m++)
                if (want_mode[m])
                    run_memory(&sizes[s], (enum decode_mode)m, (size_t)chunk);
        printf("\n");
    }
    if (want_stream)
        run_stream_part(n_docs, trials, seconds);
    return 0;
}
