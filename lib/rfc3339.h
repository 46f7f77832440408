/* SPDX-License-Identifier: MIT */
/*
 * RFC 3339 timestamps, the profile the API and ProtoJSON use:
 *
 *   YYYY-MM-DDTHH:MM:SS[.F{1,9}](Z|+HH:MM|-HH:MM)
 *
 * upper-case T and Z, a real calendar date (Gregorian leap years), hour
 * 00-23, minute and second 00-59 (no leap second), year 0001-9999, offset
 * hours 00-23 and minutes 00-59, and an instant that, converted to UTC,
 * lies within 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999999Z.
 * Pure arithmetic: no libc time functions, no time zone database.
 */
#ifndef IXJOB_RFC3339_H
#define IXJOB_RFC3339_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ixjob/types.h>

/* Parses len bytes of text. Returns false when it is not a timestamp of
 * the profile above. */
bool ixj__rfc3339_parse(const char *text, size_t len, ixj_timestamp *out);

/* Why ixj__rfc3339_parse refused the len bytes at s: an ixj__detail id
 * (the first fault met reading left to right, the instant's range last). */
uint8_t ixj__rfc3339_explain(const char *s, size_t len);

/* Longest canonical text, without a terminating NUL. */
#define IXJ__RFC3339_MAX 30

/*
 * Writes the canonical text of a timestamp: UTC with `Z`, and 0, 3, 6 or 9
 * fraction digits, the fewest that are exact. Returns the length written
 * (at most IXJ__RFC3339_MAX; no NUL), or 0 when the timestamp is out of
 * range or its nanos are not in 0..999999999.
 */
size_t ixj__rfc3339_format(const ixj_timestamp *t, char *out);

#endif /* IXJOB_RFC3339_H */
