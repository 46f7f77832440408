/* SPDX-License-Identifier: MIT */
/*
 * bench_decode: throughput of ixjob against yajl on the same inputs, in
 * one process, methods interleaved, reported as ratios to yajl parsing
 * with no callbacks (the ceiling for anything built on yajl). The machine
 * is noisy; ratios formed inside one run are what to compare, and
 * `--once METHOD INPUT` runs a fixed amount of work for
 * `valgrind --tool=callgrind` instruction counts.
 *
 *   bench_decode [--seconds=S] [--trials=N] [INPUT...]     INPUT: S M L N
 *
 * Methods: yajl-null (no callbacks), yajl-noop (every callback, doing
 * nothing), ixjob (whole buffer), ixjob-64K/4K/16B/1B (fed in pieces),
 * encode (the decoded value written back as canonical JSON; MB/s of the
 * input's size, so comparable with decoding).
 *   bench_decode --once=METHOD [--repeat=N] INPUT
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <yajl/yajl_parse.h>

#include <ixjob/ixjob.h>

#include "payload.h"

typedef struct input {
    const char *name;
    bench_text text;
    size_t n_docs;
    /* The documents decoded once, for the encode method. */
    ixj_result *results;
    ixj_arena **arenas;
    size_t n_results;
} input;

typedef int (*method_fn)(const input *in, size_t chunk);

/* ---------------------------------------------------------------- yajl */

static int
noop_null(void *ctx)
{
    (void)ctx;
    return 1;
}
static int
noop_bool(void *ctx, int v)
{
    (void)ctx;
    (void)v;
    return 1;
}
static int
noop_number(void *ctx, const char *s, size_t n)
{
    (void)ctx;
    (void)s;
    (void)n;
    return 1;
}
static int
noop_string(void *ctx, const unsigned char *s, size_t n)
{
    (void)ctx;
    (void)s;
    (void)n;
    return 1;
}

static const yajl_callbacks noop_callbacks = {
    noop_null, noop_bool,   NULL,      NULL,      noop_number, noop_string,
    noop_null, noop_string, noop_null, noop_null, noop_null};

/* One handle for the whole input: several documents (NDJSON) go through
 * yajl_allow_multiple_values, as a stream reader would use yajl. */
static int
run_yajl(const input *in, const yajl_callbacks *cb)
{
    yajl_handle h = yajl_alloc(cb, NULL, NULL);
    yajl_status st;
    if (in->n_docs > 1)
        yajl_config(h, yajl_allow_multiple_values, 1);
    st = yajl_parse(h, (const unsigned char *)in->text.data, in->text.len);
    if (st == yajl_status_ok)
        st = yajl_complete_parse(h);
    yajl_free(h);
    return st == yajl_status_ok;
}

static int
m_yajl_null(const input *in, size_t chunk)
{
    (void)chunk;
    return run_yajl(in, NULL);
}

static int
m_yajl_noop(const input *in, size_t chunk)
{
    (void)chunk;
    return run_yajl(in, &noop_callbacks);
}

/* -------------------------------------------------------------- ixjob */

static ixj_decoder *decoder;

/* Decodes one document of [p, p+n) in chunk-byte pieces (0: whole). */
static int
decode_one(const char *p, size_t n, size_t chunk)
{
    ixj_result r;
    ixj_status st;
    if (chunk == 0)
        return ixj_decode(decoder, IXJ_TYPE_AUTO, p, n, &r) == IXJ_OK;
    st = ixj_decoder_begin(decoder, IXJ_TYPE_AUTO);
    for (size_t at = 0; st == IXJ_OK && at < n; at += chunk)
        st = ixj_decoder_feed(decoder, p + at, n - at < chunk ? n - at : chunk);
    return st == IXJ_OK && ixj_decoder_finish(decoder, &r) == IXJ_OK;
}

static int
m_ixjob(const input *in, size_t chunk)
{
    const char *p = in->text.data, *end = p + in->text.len;
    if (in->n_docs == 1)
        return decode_one(p, in->text.len, chunk);
    /* NDJSON: one document per line, one warm decoder */
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (!decode_one(p, n, chunk))
            return 0;
        p += n + 1;
    }
    return 1;
}

/* -------------------------------------------------------------- encode */

static ixj_encoder *encoder;
static char *encode_buf;
static size_t encode_cap;

/* Decodes every document of the input once and keeps the results. */
static void
prepare_results(input *in)
{
    const char *p = in->text.data, *end = p + in->text.len;
    if (in->results != NULL)
        return;
    in->results = calloc(in->n_docs, sizeof *in->results);
    in->arenas = calloc(in->n_docs, sizeof *in->arenas);
    while (p < end && in->n_results < in->n_docs) {
        const char *nl =
            in->n_docs > 1 ? memchr(p, '\n', (size_t)(end - p)) : NULL;
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (ixj_decode(decoder, IXJ_TYPE_AUTO, p, n,
                       &in->results[in->n_results]) != IXJ_OK) {
            fprintf(stderr, "cannot decode %s\n", in->name);
            exit(1);
        }
        in->arenas[in->n_results++] = ixj_decoder_detach(decoder);
        p += n + 1;
    }
}

/* Encodes every prepared document (compact, into a buffer). */
static int
m_encode(const input *in, size_t chunk)
{
    (void)chunk;
    for (size_t i = 0; i < in->n_results; i++) {
        const ixj_result *r = &in->results[i];
        size_t len;
        ixj_status st = ixj_encode(encoder, r->type, r->as.value, 0, encode_buf,
                                   encode_cap, &len);
        if (st == IXJ_ERR_SPACE) {
            free(encode_buf);
            encode_cap = len + 1;
            encode_buf = malloc(encode_cap);
            st = ixj_encode(encoder, r->type, r->as.value, 0, encode_buf,
                            encode_cap, &len);
        }
        if (st != IXJ_OK)
            return 0;
    }
    return 1;
}

static void
release_results(input *in)
{
    for (size_t i = 0; i < in->n_results; i++)
        ixj_arena_free(in->arenas[i]);
    free(in->results);
    free(in->arenas);
}

/* -------------------------------------------------------------- timing */

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

typedef struct method {
    const char *name;
    method_fn fn;
    size_t chunk;
} method;

static const method methods[] = {
    {"yajl-null", m_yajl_null, 0}, {"yajl-noop", m_yajl_noop, 0},
    {"ixjob", m_ixjob, 0},         {"ixjob-64K", m_ixjob, 65536},
    {"ixjob-4K", m_ixjob, 4096},   {"ixjob-16B", m_ixjob, 16},
    {"ixjob-1B", m_ixjob, 1},      {"encode", m_encode, 0},
};
#define N_METHODS (sizeof methods / sizeof methods[0])

/* MB/s of one trial: repeat the method for at least `seconds`. */
static double
trial(const method *m, const input *in, double seconds)
{
    double t0 = now(), t;
    size_t k = 0;
    do {
        if (!m->fn(in, m->chunk)) {
            fprintf(stderr, "%s failed on %s\n", m->name, in->name);
            exit(1);
        }
        k++;
        t = now() - t0;
    } while (t < seconds);
    return (double)in->text.len * (double)k / t / 1e6;
}

static int
compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static void
run_input(const input *in, double seconds, int trials)
{
    double mbps[N_METHODS][32];
    printf("\n%s: %zu bytes, %zu document%s\n", in->name, in->text.len,
           in->n_docs, in->n_docs > 1 ? "s" : "");
    /* interleaved: each trial runs every method once */
    for (int t = 0; t < trials; t++)
        for (size_t m = 0; m < N_METHODS; m++) {
            /* 1-byte feeding of big inputs: a shorter run is enough */
            double s = methods[m].chunk == 1 && in->text.len > 1000000
                           ? seconds / 4
                           : seconds;
            mbps[m][t] = trial(&methods[m], in, s);
        }
    for (size_t m = 0; m < N_METHODS; m++)
        qsort(mbps[m], (size_t)trials, sizeof(double), compare_double);
    for (size_t m = 0; m < N_METHODS; m++) {
        double med = mbps[m][trials / 2], base = mbps[0][trials / 2];
        printf("  %-10s %8.0f MB/s  %5.2fx yajl-null\n", methods[m].name, med,
               med / base);
    }
}

static void
load(input *in, const char *name)
{
    memset(in, 0, sizeof *in);
    in->name = name;
    if (!bench_input(name, &in->text)) {
        fprintf(stderr, "unknown input %s (S, M, L, N or L<n>)\n", name);
        exit(2);
    }
    in->n_docs = strcmp(name, "N") == 0 ? 10000 : 1;
    prepare_results(in);
}

int
main(int argc, char **argv)
{
    double seconds = 0.3;
    int trials = 5, repeat = 0;
    const char *once = NULL;
    const char *names[16];
    int n_names = 0;

    for (int i = 1; i < argc; i++) {
        if (strncmp(argv[i], "--seconds=", 10) == 0)
            seconds = atof(argv[i] + 10);
        else if (strncmp(argv[i], "--trials=", 9) == 0)
            trials = atoi(argv[i] + 9);
        else if (strncmp(argv[i], "--once=", 7) == 0)
            once = argv[i] + 7;
        else if (strncmp(argv[i], "--repeat=", 9) == 0)
            repeat = atoi(argv[i] + 9);
        else if (n_names < 16)
            names[n_names++] = argv[i];
    }
    if (trials < 1 || trials > 32) {
        fprintf(stderr, "--trials between 1 and 32\n");
        return 2;
    }
    decoder = ixj_decoder_new(NULL);
    encoder = ixj_encoder_new(NULL);
    if (once != NULL) {
        input in;
        const method *m = NULL;
        for (size_t k = 0; k < N_METHODS; k++)
            if (strcmp(methods[k].name, once) == 0)
                m = &methods[k];
        if (m == NULL || n_names != 1) {
            fprintf(stderr,
                    "--once=METHOD needs a known method and one input\n");
            return 2;
        }
        load(&in, names[0]);
        for (int r = 0; r < (repeat > 0 ? repeat : 1); r++)
            if (!m->fn(&in, m->chunk))
                return 1;
        printf("%s on %s: %zu bytes x %d\n", m->name, in.name, in.text.len,
               repeat > 0 ? repeat : 1);
        bench_text_free(&in.text);
        release_results(&in);
        ixj_decoder_free(decoder);
        ixj_encoder_free(encoder);
        return 0;
    }
    if (n_names == 0) {
        static const char *const all[] = {"S", "M", "L", "N"};
        for (int i = 0; i < 4; i++)
            names[n_names++] = all[i];
    }
    printf("ixjob %s, yajl 2.1; median of %d trials of %.2f s each\n",
           ixj_version(), trials, seconds);
    for (int i = 0; i < n_names; i++) {
        input in;
        load(&in, names[i]);
        run_input(&in, seconds, trials);
        bench_text_free(&in.text);
        release_results(&in);
    }
    ixj_decoder_free(decoder);
    ixj_encoder_free(encoder);
    free(encode_buf);
    return 0;
}
