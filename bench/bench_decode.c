/* SPDX-License-Identifier: MIT */
/*
 * bench_decode: throughput of ixjob against yajl and against the JSON
 * libraries a user could pick instead (the peers, bench/peers.h), on the
 * same inputs, in one process, methods interleaved, reported as ratios to
 * yajl parsing with no callbacks (the ceiling for anything built on
 * yajl). The machine is noisy; ratios formed inside one run are what to
 * compare, and `--once=METHOD INPUT` runs a fixed amount of work for
 * `valgrind --tool=callgrind` instruction counts (bench/instructions.sh).
 *
 *   bench_decode [--seconds=S] [--trials=N] [--methods=LIST] [--tsv=FILE]
 *                [INPUT...]                  INPUT: S M L N L<n> N<n>
 *   bench_decode --verify [INPUT...]         (default S M)
 *   bench_decode --once=METHOD [--repeat=N] INPUT
 *   bench_decode --write INPUT      the input's bytes on standard output
 *   bench_decode --list
 *   bench_decode --edge-cases      what ixjob and each peer make of
 *                                  documents where they may disagree
 *
 * Every input is checked before it is timed: each peer's structs must
 * equal ixjob's, field by field, for every document, and the chunked,
 * validate-only, element and stream decodes must agree with the
 * whole-buffer one; a mismatch aborts the run.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <yajl/yajl_parse.h>

#include <ixjob/ixjob.h>

#include "payload.h"
#include "peers.h"

typedef struct input {
    const char *name;
    bench_text text;
    size_t n_docs;
    /* The documents decoded once (whole buffer, default options): for the
     * encode method and as the reference of the checks. */
    ixj_result *results;
    ixj_arena **arenas;
    size_t n_results;
    uint64_t n_sources; /* data_source_jobs[] elements, all documents */
} input;

struct method;
typedef int (*method_fn)(const input *in, const struct method *m);

typedef struct method {
    const char *name;
    method_fn fn;
    size_t chunk; /* ixjob: feed size, 0 for the whole buffer */
    int variant;  /* ixjob: which decoder (enum variant); peers: peer_id */
    int in_default;
    const char *what;
} method;

/* The first document of in, or the one after *at (NDJSON: one per line).
 * Returns 0 after the last. */
static int
next_doc(const input *in, const char **at, const char **p, size_t *n)
{
    const char *end = in->text.data + in->text.len, *nl;
    if (in->n_docs == 1) {
        if (*at != NULL)
            return 0;
        *at = end;
        *p = in->text.data;
        *n = in->text.len;
        return 1;
    }
    if (*at == NULL)
        *at = in->text.data;
    if (*at >= end)
        return 0;
    nl = memchr(*at, '\n', (size_t)(end - *at));
    *p = *at;
    *n = nl ? (size_t)(nl - *at) : (size_t)(end - *at);
    *at += *n + 1;
    return 1;
}

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
m_yajl_null(const input *in, const method *m)
{
    (void)m;
    return run_yajl(in, NULL);
}

static int
m_yajl_noop(const input *in, const method *m)
{
    (void)m;
    return run_yajl(in, &noop_callbacks);
}

/* -------------------------------------------------------------- ixjob */

/* One warm decoder per way of decoding, kept for the whole run. */
enum variant {
    V_PLAIN,    /* default options, the result kept */
    V_VALIDATE, /* IXJ_OPT_VALIDATE_ONLY */
    V_ELEMENTS, /* data_source_jobs[] delivered to a callback */
    V_STREAM,   /* ixj_decoder_begin_stream(IXJ_STREAM_NDJSON) */
    N_VARIANTS
};

static ixj_decoder *decoders[N_VARIANTS];
static uint64_t elements_seen;  /* by the V_ELEMENTS callback */
static uint64_t documents_seen; /* by the V_STREAM callback */

static int
count_element(void *ctx, const ixj_element_info *info)
{
    (void)ctx;
    (void)info;
    elements_seen++;
    return 0;
}

static int
count_document(void *ctx, const ixj_document_info *doc)
{
    (void)ctx;
    documents_seen++;
    return doc->status != IXJ_OK; /* a failed document stops the stream */
}

static void
open_decoders(void)
{
    for (int v = 0; v < N_VARIANTS; v++)
        decoders[v] = ixj_decoder_new(NULL);
    if (decoders[V_PLAIN] == NULL || decoders[V_VALIDATE] == NULL ||
        decoders[V_ELEMENTS] == NULL || decoders[V_STREAM] == NULL ||
        ixj_decoder_set_option(decoders[V_VALIDATE], IXJ_OPT_VALIDATE_ONLY,
                               1) != IXJ_OK ||
        ixj_decoder_on_element(decoders[V_ELEMENTS],
                               IXJ_ELEMENT_DATA_SOURCE_JOBS, count_element,
                               NULL) != IXJ_OK) {
        fprintf(stderr, "bench_decode: cannot set up the decoders\n");
        exit(1);
    }
}

static void
close_decoders(void)
{
    for (int v = 0; v < N_VARIANTS; v++)
        ixj_decoder_free(decoders[v]);
}

/* Decodes one document of [p, p+n) in chunk-byte pieces (0: whole). */
static ixj_status
decode_one(ixj_decoder *d, const char *p, size_t n, size_t chunk, ixj_result *r)
{
    ixj_status st;
    if (chunk == 0)
        return ixj_decode(d, IXJ_TYPE_AUTO, p, n, r);
    st = ixj_decoder_begin(d, IXJ_TYPE_AUTO);
    /* whole chunks, then the rest: the loop a caller feeding fixed-size
     * pieces would write, so that the harness adds little of its own */
    const char *end = p + n - n % chunk;
    for (; st == IXJ_OK && p < end; p += chunk)
        st = ixj_decoder_feed(d, p, chunk);
    if (st == IXJ_OK && n % chunk != 0)
        st = ixj_decoder_feed(d, p, n % chunk);
    return st == IXJ_OK ? ixj_decoder_finish(d, r) : st;
}

/* Every document, one by one, on one warm decoder. */
static int
m_ixjob(const input *in, const method *m)
{
    const char *at = NULL, *p;
    size_t n;
    ixj_result r;
    while (next_doc(in, &at, &p, &n))
        if (decode_one(decoders[m->variant], p, n, m->chunk, &r) != IXJ_OK)
            return 0;
    return 1;
}

/* The whole input as one NDJSON stream (a single document for S, M, L). */
static int
m_stream(const input *in, const method *m)
{
    ixj_decoder *d = decoders[V_STREAM];
    ixj_result r;
    ixj_status st;
    (void)m;
    documents_seen = 0;
    st = ixj_decoder_begin_stream(d, IXJ_TYPE_AUTO, IXJ_STREAM_NDJSON,
                                  count_document, NULL);
    if (st == IXJ_OK)
        st = ixj_decoder_feed(d, in->text.data, in->text.len);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &r);
    return st == IXJ_OK && documents_seen == in->n_docs;
}

/* -------------------------------------------------------------- peers */

static peer_state *peers;

static int
m_peer(const input *in, const method *m)
{
    peer_parse_fn parse = bench_peers[m->variant].parse;
    const char *at = NULL, *p;
    size_t n;
    while (next_doc(in, &at, &p, &n))
        if (parse(peers, p, n) == NULL)
            return 0;
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
    const char *at = NULL, *p;
    size_t n;
    if (in->results != NULL)
        return;
    in->results = calloc(in->n_docs, sizeof *in->results);
    in->arenas = calloc(in->n_docs, sizeof *in->arenas);
    if (in->results == NULL || in->arenas == NULL) {
        fprintf(stderr, "bench_decode: out of memory\n");
        exit(1);
    }
    while (in->n_results < in->n_docs && next_doc(in, &at, &p, &n)) {
        ixj_result *r = &in->results[in->n_results];
        if (ixj_decode(decoders[V_PLAIN], IXJ_TYPE_AUTO, p, n, r) != IXJ_OK ||
            r->type != IXJ_TYPE_JOB) {
            fprintf(stderr, "bench_decode: cannot decode %s\n", in->name);
            exit(1);
        }
        in->n_sources += r->as.job->job->n_data_source_jobs;
        in->arenas[in->n_results++] = ixj_decoder_detach(decoders[V_PLAIN]);
    }
}

/* Encodes every prepared document (compact, into a buffer). */
static int
m_encode(const input *in, const method *m)
{
    (void)m;
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
release_input(input *in)
{
    for (size_t i = 0; i < in->n_results; i++)
        ixj_arena_free(in->arenas[i]);
    free(in->results);
    free(in->arenas);
    bench_text_free(&in->text);
}

/* ------------------------------------------------------------- methods */

static const method methods[] = {
    {"yajl-null", m_yajl_null, 0, 0, 1, "yajl_parse with no callbacks"},
    {"yajl-noop", m_yajl_noop, 0, 0, 1, "yajl_parse, every callback a no-op"},
    {"ixjob", m_ixjob, 0, V_PLAIN, 1, "ixj_decode, whole buffer"},
    {"ixjob-validate", m_ixjob, 0, V_VALIDATE, 1,
     "whole buffer, IXJ_OPT_VALIDATE_ONLY"},
    {"ixjob-elements", m_ixjob, 0, V_ELEMENTS, 1,
     "whole buffer, data_source_jobs[] to a callback"},
    {"ixjob-stream", m_stream, 0, V_STREAM, 1,
     "the input as one NDJSON stream (begin_stream)"},
    {"cjson", m_peer, 0, PEER_CJSON, 1, "cJSON DOM walked into the structs"},
    {"yajl-tree", m_peer, 0, PEER_YAJL_TREE, 1,
     "yajl_tree DOM walked into the structs"},
    {"jansson", m_peer, 0, PEER_JANSSON, 1,
     "jansson DOM walked into the structs"},
    {"json-c", m_peer, 0, PEER_JSON_C, 1, "json-c DOM walked into the structs"},
    {"ixjob-64K", m_ixjob, 65536, V_PLAIN, 1, "fed in 64 KiB pieces"},
    {"ixjob-4K", m_ixjob, 4096, V_PLAIN, 1, "fed in 4 KiB pieces"},
    {"ixjob-512B", m_ixjob, 512, V_PLAIN, 0, "fed in 512-byte pieces"},
    {"ixjob-64B", m_ixjob, 64, V_PLAIN, 0, "fed in 64-byte pieces"},
    {"ixjob-16B", m_ixjob, 16, V_PLAIN, 1, "fed in 16-byte pieces"},
    {"ixjob-1B", m_ixjob, 1, V_PLAIN, 1, "fed byte by byte"},
    {"encode", m_encode, 0, 0, 1,
     "the decoded value written back (MB/s of the input)"},
};
#define N_METHODS (sizeof methods / sizeof methods[0])

static int
is_peer(const method *m)
{
    return m->fn == m_peer;
}

static int
is_built(const method *m)
{
    return !is_peer(m) || bench_peers[m->variant].parse != NULL;
}

static const method *
find_method(const char *name)
{
    for (size_t k = 0; k < N_METHODS; k++)
        if (strcmp(methods[k].name, name) == 0)
            return &methods[k];
    return NULL;
}

static void
print_not_built(FILE *f, const peer *p)
{
    fprintf(f,
            "%s: not built (configure did not find %s, or was run "
            "--without-%s)\n",
            p->library, p->package, p->method);
}

/* Selects methods from a comma-separated list of names and of the sets
 * "default", "all", "peers" and "chunks" (ixjob whole and every feed
 * size); yajl-null, the base of the ratios, always comes first. */
static int
select_methods(const char *list, int *chosen)
{
    char item[32];
    memset(chosen, 0, N_METHODS * sizeof *chosen);
    chosen[0] = 1;
    while (list != NULL && *list != '\0') {
        size_t n = strcspn(list, ",");
        int found = 0;
        if (n >= sizeof item)
            return 0;
        memcpy(item, list, n);
        item[n] = '\0';
        list += n + (list[n] == ',');
        for (size_t k = 0; k < N_METHODS; k++) {
            const method *m = &methods[k];
            int in_set = strcmp(item, m->name) == 0 ||
                         strcmp(item, "all") == 0 ||
                         (strcmp(item, "default") == 0 && m->in_default) ||
                         (strcmp(item, "peers") == 0 && is_peer(m)) ||
                         (strcmp(item, "chunks") == 0 && m->fn == m_ixjob &&
                          m->variant == V_PLAIN);
            if (in_set)
                chosen[k] = found = 1;
        }
        if (!found) {
            fprintf(stderr,
                    "bench_decode: unknown method or set '%s' "
                    "(--list shows them)\n",
                    item);
            return 0;
        }
    }
    return 1;
}

/* --------------------------------------------------------------- checks */

static void
mismatch(const input *in, const char *what, size_t doc, const char *detail)
{
    fprintf(stderr,
            "bench_decode: MISMATCH on %s, document %zu: %s: %s\n"
            "bench_decode: the methods do not decode the same thing; no "
            "figure of this run can be trusted\n",
            in->name, doc + 1, what, detail);
    exit(1);
}

/* Checks every way of decoding the input against the whole-buffer
 * decode of each document (in->results); exits on a difference. */
static void
check_input(const input *in, int verbose)
{
    char why[512];
    const char *at, *p;
    size_t n, i;
    ixj_result r;

    /* the ixjob variants */
    for (size_t k = 0; k < N_METHODS; k++) {
        const method *m = &methods[k];
        if (m->fn != m_ixjob || m->variant != V_PLAIN || m->chunk == 0)
            continue;
        for (at = NULL, i = 0; next_doc(in, &at, &p, &n); i++) {
            if (decode_one(decoders[V_PLAIN], p, n, m->chunk, &r) != IXJ_OK)
                mismatch(in, m->name, i, "decoding failed");
            if (!peer_envelope_equal(in->results[i].as.job, r.as.job, why,
                                     sizeof why))
                mismatch(in, m->name, i, why);
        }
    }
    for (at = NULL, i = 0; next_doc(in, &at, &p, &n); i++) {
        const ixj_job *want = in->results[i].as.job->job, *got;
        if (decode_one(decoders[V_VALIDATE], p, n, 0, &r) != IXJ_OK)
            mismatch(in, "ixjob-validate", i, "decoding failed");
        got = r.as.job->job;
        if (got->n_data_source_jobs != want->n_data_source_jobs ||
            got->n_data_source_uuids != want->n_data_source_uuids ||
            got->data_source_jobs != NULL || got->data_source_uuids != NULL ||
            got->uuid.len != want->uuid.len)
            mismatch(in, "ixjob-validate", i, "counts or dropped arrays");
    }
    elements_seen = 0;
    if (!m_ixjob(in, find_method("ixjob-elements")) ||
        elements_seen != in->n_sources)
        mismatch(in, "ixjob-elements", 0, "elements delivered");
    if (!m_stream(in, find_method("ixjob-stream")))
        mismatch(in, "ixjob-stream", 0, "documents delivered");
    if (verbose)
        printf("  %-14s chunked, validate-only, element and stream decodes "
               "agree with the whole buffer\n",
               "ixjob");

    /* the peers */
    for (int id = 0; id < N_PEERS; id++) {
        const peer *pr = &bench_peers[id];
        if (pr->parse == NULL) {
            if (verbose) {
                printf("  ");
                print_not_built(stdout, pr);
            }
            continue;
        }
        for (at = NULL, i = 0; next_doc(in, &at, &p, &n); i++) {
            const ixj_job_envelope *env = pr->parse(peers, p, n);
            if (env == NULL)
                mismatch(in, pr->method, i, "the peer rejected the document");
            if (!peer_envelope_equal(in->results[i].as.job, env, why,
                                     sizeof why))
                mismatch(in, pr->method, i, why);
        }
        if (verbose)
            printf("  %-14s the structs equal ixjob's, field by field, in "
                   "%zu document%s\n",
                   pr->method, in->n_docs, in->n_docs > 1 ? "s" : "");
    }
}

/* ---------------------------------------------------------- edge cases */

/* Small documents on which the peers and ixjob (default mode) may
 * disagree, for bench/README.md's notes on fairness: what each accepts,
 * and what it makes of it. show: the field printed when accepted (u:
 * uuid, t: tokens, T: total_tokens, -: none). */
static const struct edge_case {
    const char *what, *text;
    char show;
} edge_cases[] = {
    {"invalid UTF-8 (byte FF)",
     "{\"job\":{\"uuid\":\"a\xff"
     "b\"}}",
     'u'},
    {"overlong UTF-8 (C0 AF for /)",
     "{\"job\":{\"uuid\":\"a\xc0\xaf"
     "b\"}}",
     'u'},
    {"escaped U+0000", "{\"job\":{\"uuid\":\"a\\u0000b\"}}", 'u'},
    {"unpaired surrogate \\ud800", "{\"job\":{\"uuid\":\"a\\ud800b\"}}", 'u'},
    {"raw tab in a string", "{\"job\":{\"uuid\":\"a\tb\"}}", 'u'},
    {"duplicate key", "{\"job\":{\"uuid\":\"first\",\"uuid\":\"second\"}}",
     'u'},
    {"trailing comma", "{\"job\":{\"uuid\":\"a\",}}", '-'},
    {"comment", "/*c*/{\"job\":{\"uuid\":\"a\"}}", '-'},
    {"single quotes", "{'job':{}}", '-'},
    {"int64 2^63", "{\"job\":{\"tokens\":9223372036854775808}}", 't'},
    {"int64 2^53+1", "{\"job\":{\"tokens\":9007199254740993}}", 't'},
    {"int64 written 1e3", "{\"job\":{\"tokens\":1e3}}", 't'},
    {"uint64 as a number", "{\"job\":{\"total_tokens\":12}}", 'T'},
    {"uint64 \"012\"", "{\"job\":{\"total_tokens\":\"012\"}}", 'T'},
    {"camelCase key totalTokens", "{\"job\":{\"totalTokens\":\"12\"}}", 'T'},
    {"February 30", "{\"job\":{\"created_at\":\"2026-02-30T00:00:00Z\"}}", '-'},
};

/* What a decode made of an edge case, into out. */
static void
edge_value(const struct edge_case *c, const ixj_job_envelope *env, char *out,
           size_t cap)
{
    const ixj_job *job = env->job;
    size_t at = 0;
    switch (c->show) {
    case 'u':
        if (!IXJ_HAS(job, IXJ_JOB_UUID)) {
            snprintf(out, cap, "(absent)");
            return;
        }
        /* the bytes kept, non-printable ones as \xNN */
        out[at++] = '"';
        for (size_t i = 0; i < job->uuid.len && at + 6 < cap; i++) {
            unsigned char b = (unsigned char)job->uuid.ptr[i];
            if (b < 0x20 || b >= 0x7f)
                at += (size_t)snprintf(out + at, cap - at, "\\x%02X", b);
            else
                out[at++] = (char)b;
        }
        snprintf(out + at, cap - at, "\"");
        return;
    case 't':
        if (IXJ_HAS(job, IXJ_JOB_TOKENS))
            snprintf(out, cap, "%lld", (long long)job->tokens);
        else
            snprintf(out, cap, "(absent)");
        return;
    case 'T':
        if (IXJ_HAS(job, IXJ_JOB_TOTAL_TOKENS))
            snprintf(out, cap, "%llu", (unsigned long long)job->total_tokens);
        else
            snprintf(out, cap, "(absent)");
        return;
    default:
        snprintf(out, cap, "accepted");
        return;
    }
}

/* A Markdown table: rows the edge cases, columns ixjob and each peer
 * that was built; a cell says what was decoded, or that the document
 * was rejected (ixjob: with its status name). */
static void
print_edge_cases(void)
{
    char value[96];
    printf("| case | ixjob |");
    for (int id = 0; id < N_PEERS; id++)
        if (bench_peers[id].parse != NULL)
            printf(" %s |", bench_peers[id].library);
    printf("\n|---|---|");
    for (int id = 0; id < N_PEERS; id++)
        if (bench_peers[id].parse != NULL)
            printf("---|");
    printf("\n");
    for (size_t k = 0; k < sizeof edge_cases / sizeof *edge_cases; k++) {
        const struct edge_case *c = &edge_cases[k];
        size_t n = strlen(c->text);
        ixj_result r;
        ixj_status st =
            ixj_decode(decoders[V_PLAIN], IXJ_TYPE_AUTO, c->text, n, &r);
        if (st == IXJ_OK)
            edge_value(c, r.as.job, value, sizeof value);
        else
            snprintf(value, sizeof value, "rejected (%s)", ixj_status_name(st));
        printf("| %s | `%s` |", c->what, value);
        for (int id = 0; id < N_PEERS; id++) {
            const ixj_job_envelope *env;
            if (bench_peers[id].parse == NULL)
                continue;
            env = bench_peers[id].parse(peers, c->text, n);
            if (env != NULL)
                edge_value(c, env, value, sizeof value);
            else
                snprintf(value, sizeof value, "rejected");
            printf(" `%s` |", value);
        }
        printf("\n");
    }
}

/* -------------------------------------------------------------- timing */

static double
now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* MB/s of one trial: repeat the method for at least `seconds`. */
static double
trial(const method *m, const input *in, double seconds)
{
    double t0 = now(), t;
    size_t k = 0;
    do {
        if (!m->fn(in, m)) {
            fprintf(stderr, "bench_decode: %s failed on %s\n", m->name,
                    in->name);
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

#define MAX_INPUTS 16

/* Median ratios to yajl-null, per method and input, for the summary. */
static double ratios[N_METHODS][MAX_INPUTS];

static void
run_input(const input *in, int which, const int *chosen, double seconds,
          int trials, FILE *tsv)
{
    static double mbps[N_METHODS][32];
    double base;
    printf("\n%s: %zu bytes, %zu document%s\n", in->name, in->text.len,
           in->n_docs, in->n_docs > 1 ? "s" : "");
    /* interleaved: each trial runs every method once */
    for (int t = 0; t < trials; t++)
        for (size_t m = 0; m < N_METHODS; m++) {
            /* 1-byte feeding of big inputs: a shorter run is enough */
            double s = methods[m].chunk == 1 && in->text.len > 1000000
                           ? seconds / 4
                           : seconds;
            if (chosen[m] && is_built(&methods[m]))
                mbps[m][t] = trial(&methods[m], in, s);
        }
    for (size_t m = 0; m < N_METHODS; m++)
        qsort(mbps[m], (size_t)trials, sizeof(double), compare_double);
    base = mbps[0][trials / 2];
    for (size_t m = 0; m < N_METHODS; m++) {
        double med = mbps[m][trials / 2];
        if (!chosen[m] || !is_built(&methods[m]))
            continue;
        ratios[m][which] = med / base;
        printf("  %-14s %7.0f MB/s  %5.2fx yajl-null\n", methods[m].name, med,
               med / base);
        if (tsv != NULL)
            fprintf(tsv, "%s\t%zu\t%zu\t%s\t%.1f\t%.4f\n", in->name,
                    in->text.len, in->n_docs, methods[m].name, med, med / base);
    }
}

static void
print_summary(const char *const *names, int n_names, const int *chosen)
{
    printf("\nRatio to yajl-null (median MB/s of the method over that of "
           "yajl-null,\nsame input, same run; higher is faster):\n\n");
    printf("  %-14s", "method");
    for (int i = 0; i < n_names; i++)
        printf(" %7s", names[i]);
    printf("\n");
    for (size_t m = 0; m < N_METHODS; m++) {
        if (!chosen[m] || !is_built(&methods[m]))
            continue;
        printf("  %-14s", methods[m].name);
        for (int i = 0; i < n_names; i++)
            printf(" %7.2f", ratios[m][i]);
        printf("\n");
    }
}

/* ---------------------------------------------------------------- main */

static void
load(input *in, const char *name, int prepare)
{
    memset(in, 0, sizeof *in);
    in->name = name;
    if (!bench_input(name, &in->text)) {
        fprintf(stderr, "unknown input %s (S, M, L, N, L<n> or N<n>)\n", name);
        exit(2);
    }
    in->n_docs = 1;
    if (name[0] == 'N')
        for (size_t i = 0; i + 1 < in->text.len; i++)
            in->n_docs += in->text.data[i] == '\n';
    if (prepare)
        prepare_results(in);
}

static void
print_peers(const int *chosen)
{
    int any = 0, listed = 0;
    for (size_t k = 0; k < N_METHODS; k++)
        any |= chosen[k] && is_peer(&methods[k]);
    if (!any)
        return;
    for (int id = 0; id < N_PEERS; id++) {
        const peer *p = &bench_peers[id];
        if (p->parse != NULL)
            printf("%s %s %s", listed++ ? "," : "peers:", p->library,
                   p->version());
    }
    printf("%s", listed ? "\n" : "");
    for (int id = 0; id < N_PEERS; id++)
        if (bench_peers[id].parse == NULL)
            print_not_built(stdout, &bench_peers[id]);
}

static void
list_methods(void)
{
    for (size_t k = 0; k < N_METHODS; k++) {
        const method *m = &methods[k];
        printf("%-14s %s%s%s\n", m->name, m->what,
               m->in_default ? "" : " (not in the default set)",
               is_built(m) ? "" : " [not built]");
    }
}

static void
usage(void)
{
    fprintf(stderr,
            "usage: bench_decode [--seconds=S] [--trials=N] [--methods=LIST] "
            "[--tsv=FILE] [INPUT...]\n"
            "       bench_decode --verify [INPUT...]\n"
            "       bench_decode --once=METHOD [--repeat=N] INPUT\n"
            "       bench_decode --write INPUT\n"
            "       bench_decode --list | --edge-cases\n"
            "INPUT: S M L N L<n> N<n>; LIST: method names and the sets "
            "default, all, peers, chunks\n");
    exit(2);
}

/* --write: the bytes of a named input on standard output, for the
 * command-level benchmark (bench/command.sh). */
static int
write_input(const char *input_name)
{
    bench_text text = {0};
    int ok;
    if (!bench_input(input_name, &text)) {
        fprintf(stderr, "unknown input %s (S, M, L, N, L<n> or N<n>)\n",
                input_name);
        return 2;
    }
    ok = fwrite(text.data, 1, text.len, stdout) == text.len &&
         fflush(stdout) == 0;
    bench_text_free(&text);
    if (!ok)
        perror("bench_decode: standard output");
    return ok ? 0 : 1;
}

/* --once: one method, a fixed amount of work (for callgrind); the input
 * is decoded beforehand only for encode. Exits 77 for a peer that was not
 * built. */
static int
run_once(const char *name, const char *input_name, int repeat)
{
    const method *m = find_method(name);
    input in;
    if (m == NULL)
        usage();
    if (!is_built(m)) {
        print_not_built(stderr, &bench_peers[m->variant]);
        return 77;
    }
    load(&in, input_name, m->fn == m_encode);
    for (int r = 0; r < repeat; r++)
        if (!m->fn(&in, m)) {
            fprintf(stderr, "bench_decode: %s failed on %s\n", m->name,
                    in.name);
            return 1;
        }
    printf("%s on %s: %zu bytes x %d\n", m->name, in.name, in.text.len, repeat);
    release_input(&in);
    return 0;
}

int
main(int argc, char **argv)
{
    double seconds = 0.3;
    int trials = 5, repeat = 1, verify = 0, edge = 0, write = 0, status = 0;
    const char *once = NULL, *method_list = "default", *tsv_path = NULL;
    const char *names[MAX_INPUTS];
    int n_names = 0, chosen[N_METHODS];
    FILE *tsv = NULL;

    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strncmp(a, "--seconds=", 10) == 0)
            seconds = atof(a + 10);
        else if (strncmp(a, "--trials=", 9) == 0)
            trials = atoi(a + 9);
        else if (strncmp(a, "--once=", 7) == 0)
            once = a + 7;
        else if (strncmp(a, "--repeat=", 9) == 0)
            repeat = atoi(a + 9);
        else if (strncmp(a, "--methods=", 10) == 0)
            method_list = a + 10;
        else if (strncmp(a, "--tsv=", 6) == 0)
            tsv_path = a + 6;
        else if (strcmp(a, "--verify") == 0)
            verify = 1;
        else if (strcmp(a, "--edge-cases") == 0)
            edge = 1;
        else if (strcmp(a, "--write") == 0)
            write = 1;
        else if (strcmp(a, "--list") == 0) {
            list_methods();
            return 0;
        } else if (a[0] == '-' || n_names == MAX_INPUTS)
            usage();
        else
            names[n_names++] = a;
    }
    if (trials < 1 || trials > 32 || repeat < 1 || seconds <= 0) {
        fprintf(stderr, "--trials between 1 and 32; --repeat at least 1; "
                        "--seconds above 0\n");
        return 2;
    }
    if (write) {
        if (n_names != 1)
            usage();
        return write_input(names[0]);
    }
    if (!select_methods(method_list, chosen))
        return 2;
    open_decoders();
    encoder = ixj_encoder_new(NULL);
    peers = peer_state_new();

    if (edge) {
        print_edge_cases();
    } else if (once != NULL) {
        if (n_names != 1)
            usage();
        status = run_once(once, names[0], repeat);
    } else if (verify) {
        static const char *const small[] = {"S", "M"};
        if (n_names == 0)
            for (int i = 0; i < 2; i++)
                names[n_names++] = small[i];
        printf("ixjob %s: each method against ixjob's whole-buffer decode\n",
               ixj_version());
        for (int i = 0; i < n_names; i++) {
            input in;
            load(&in, names[i], 1);
            printf("\n%s: %zu bytes, %zu document%s\n", in.name, in.text.len,
                   in.n_docs, in.n_docs > 1 ? "s" : "");
            check_input(&in, 1);
            release_input(&in);
        }
        printf("\nall equal\n");
    } else {
        if (n_names == 0) {
            static const char *const all[] = {"S", "M", "L", "N"};
            for (int i = 0; i < 4; i++)
                names[n_names++] = all[i];
        }
        if (tsv_path != NULL) {
            tsv = fopen(tsv_path, "w");
            if (tsv == NULL) {
                perror(tsv_path);
                return 1;
            }
            fprintf(tsv, "input\tbytes\tdocuments\tmethod\tmb_per_s\t"
                         "ratio_to_yajl_null\n");
        }
        printf("ixjob %s, yajl 2.1; median of %d trials of %.2f s each\n",
               ixj_version(), trials, seconds);
        print_peers(chosen);
        printf("Each input is checked first: every peer's structs equal "
               "ixjob's, field by\nfield, and chunked, validate-only, element "
               "and stream decodes agree.\n");
        for (int i = 0; i < n_names; i++) {
            input in;
            load(&in, names[i], 1);
            check_input(&in, 0);
            run_input(&in, i, chosen, seconds, trials, tsv);
            release_input(&in);
        }
        print_summary(names, n_names, chosen);
        if (tsv != NULL && fclose(tsv) != 0) {
            perror(tsv_path);
            status = 1;
        }
    }
    peer_state_free(peers);
    close_decoders();
    ixj_encoder_free(encoder);
    free(encode_buf);
    return status;
}
