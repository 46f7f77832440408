/* SPDX-License-Identifier: MIT */
/* Decoder internals that tests and benchmarks observe. */
#ifndef IXJOB_DECODER_H
#define IXJOB_DECODER_H

#include <stdbool.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

/* Bytes of skeleton handed to yajl_parse since the decoder was created:
 * a few per token, whatever the tokens' lengths and the chunking. */
uint64_t ixj__decoder_yajl_bytes(const ixj_decoder *d);

/* Bytes copied into the guard's hold since the decoder was created: each
 * byte of a token cut by the end of a chunk is copied once. */
uint64_t ixj__decoder_held_bytes(const ixj_decoder *d);

/* Turns the gathering of small chunks off (on by default), so that tests
 * of chunking reach the scanner with every chunk as it was fed. */
void ixj__decoder_set_staging(ixj_decoder *d, bool on);

#endif /* IXJOB_DECODER_H */
