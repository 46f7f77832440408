/* SPDX-License-Identifier: MIT */
/* Decoder internals that tests and benchmarks observe. */
#ifndef IXJOB_DECODER_H
#define IXJOB_DECODER_H

#include <stdint.h>

#include <ixjob/ixjob.h>

/* Bytes handed to yajl_parse since the decoder was created: with whole
 * tokens, about the input length, however the input was chunked. */
uint64_t ixj__decoder_yajl_bytes(const ixj_decoder *d);

#endif /* IXJOB_DECODER_H */
