/* SPDX-License-Identifier: MIT */
/*
 * The details of the guard's syntax errors (detail.h lists them), for
 * guard.c's error paths.
 */
#ifndef IXJOB_GUARD_DETAIL_H
#define IXJOB_GUARD_DETAIL_H

#include <stdint.h>

#include "guard.h"

/* The detail of a top-level value that is not an object, by its first
 * byte c. */
uint8_t ixj__root_type_detail(uint8_t c);

/* Why byte c, at offset at, cannot come next in grammar state `state`
 * (between tokens). */
uint8_t ixj__between_detail(const ixj__guard *g, ixj__gstate state, uint8_t c,
                            uint64_t at);

/* Why the input ended too soon, in the guard's current state. */
uint8_t ixj__truncated_detail(const ixj__guard *g);

/* The context of an error in the guard's current state (IXJ__CTX_*,
 * guard.h). */
int ixj__state_ctx(const ixj__guard *g);

#endif /* IXJOB_GUARD_DETAIL_H */
