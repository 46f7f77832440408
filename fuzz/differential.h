/* SPDX-License-Identifier: MIT */
/*
 * The slow path of differential_fuzzer.c, for fuzz/differential_corpus.c,
 * which runs it on the policy corpus (tests/corpus/).
 */
#ifndef IXJOB_FUZZ_DIFFERENTIAL_H
#define IXJOB_FUZZ_DIFFERENTIAL_H

#include <stddef.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

#include "common.h"

/* The two rules the library is about to adopt (see differential_fuzzer.c):
 * bits of fzd_options.rules. */
#define FZD_RULE_UNIDENTIFIED 1u /* AUTO: no deciding key: unidentified */
#define FZD_RULE_STRICT_NULL  2u /* strict: null as a field value: type */

typedef struct fzd_options {
    ixj_type type;
    int strict;
    unsigned rules; /* FZD_RULE_* applied */
    uint64_t max_depth, max_number, max_array;
} fzd_options;

/* Fills o: default limits, the rules of FZD_RULES. */
void fzd_options_init(fzd_options *o, ixj_type type, int strict);

typedef enum fzd_verdict {
    FZD_SKIP,    /* outside what the slow path judges */
    FZD_OK,      /* valid: out holds the rendering of the result */
    FZD_ERROR,   /* invalid: out holds "error CODE at PATH" */
    FZD_INVALID, /* invalid, but the first error cannot be told */
} fzd_verdict;

/* Judges a document the slow way. out receives the rendering (the format
 * of tests/corpus/README.md, without positions), NUL-terminated. */
fzd_verdict fzd_judge(const uint8_t *doc, size_t len, const fzd_options *o,
                      fz_buf *out);

/* The rule sets the comparison forgives a difference in (FZD_TOLERATE),
 * and the rules applied (FZD_RULES). */
extern const unsigned fzd_rules, fzd_tolerate;

#endif /* IXJOB_FUZZ_DIFFERENTIAL_H */
