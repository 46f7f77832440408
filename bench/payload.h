/* SPDX-License-Identifier: MIT */
/*
 * Seeded generator of realistic indexing-job payloads for benchmarks: the
 * shapes of BENCH-ANCHORS.md (S: a job with 1 data source, M: 100, L:
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

/* Builds a named input: "S", "M", "L", "N"; or "L<n>" for a job with n
 * data sources. Returns 0 for an unknown name. */
int bench_input(const char *name, bench_text *out);

void bench_text_free(bench_text *t);

#endif /* IXJOB_BENCH_PAYLOAD_H */
