/* SPDX-License-Identifier: MIT */
/*
 * Seeded generator of realistic indexing-job payloads for benchmarks: the
 * reference shapes (S: a job with 1 data source, M: 100, L:
 * 10,000; N: NDJSON of S-sized jobs), uint64 strings from 0 to above
 * 2^63, every enum literal, timestamps with 0, 3 and 9 fraction digits,
 * error texts with escapes, surrogate pairs and raw UTF-8.
 */
#ifndef IXJOB_BENCH_PAYLOAD_H
#define IXJOB_BENCH_PAYLOAD_H

#include <stddef.h>
#include <stdint.h>

typedef struct bench_text {
    char *data;
    size_t len;
    size_t cap;
} bench_text;

/* Appends one job document with n_sources data-source jobs (no newline). */
void bench_job(bench_text *out, uint64_t *seed, int n_sources);

/* Appends n_docs S-sized job documents, one per line. */
void bench_ndjson(bench_text *out, uint64_t *seed, int n_docs);

/* Builds a named input: "S", "M", "L", "N"; "L<n>" for a job with n
 * data sources; "N<n>" for the first n documents of N. Returns 0 for an
 * unknown name. */
int bench_input(const char *name, bench_text *out);

/*
 * A job document produced piece by piece, for inputs too big to hold at
 * once: the pieces, concatenated, are the bytes of bench_input("L<n>").
 */
typedef struct bench_job_stream {
    uint64_t seed;
    int n_sources;
    int emitted; /* elements emitted in the current part */
    int part;    /* which part comes next (see payload.c) */
} bench_job_stream;

/* The seed of every named input. */
#define BENCH_INPUT_SEED 0x1d2c3b4a59687766ull

/* Starts a document with n_sources data sources; bench_job(out, &seed, n)
 * writes the same bytes. */
void bench_job_stream_begin(bench_job_stream *js, uint64_t seed, int n_sources);

/* Appends the next piece (at most one data source, under 1 KB) to out.
 * Returns 0, appending nothing, when the document is complete. */
int bench_job_stream_next(bench_job_stream *js, bench_text *out);

void bench_text_free(bench_text *t);

#endif /* IXJOB_BENCH_PAYLOAD_H */
