/* SPDX-License-Identifier: MIT */
/*
 * Writing untrusted text (file names, JSON paths, URLs from a capture) so
 * that it cannot act on a terminal or break a JSON report.
 */
#ifndef IXJOB_CLI_TEXT_H
#define IXJOB_CLI_TEXT_H

#include <stddef.h>
#include <stdio.h>

/* Writes len bytes for a human: valid, printable UTF-8 as is; control
 * characters (C0, DEL, C1), bidirectional formatting characters and bytes
 * that are not UTF-8 as \xNN escapes of their bytes. */
void text_put_safe(FILE *out, const char *s, size_t len);

/* Writes len bytes as a JSON string, quotes included: `"`, `\` and
 * control characters escaped, C1 and bidirectional formatting characters
 * as \uXXXX, and each byte that is not UTF-8 as U+FFFD, so that the report
 * stays valid UTF-8. */
void text_put_json(FILE *out, const char *s, size_t len);

#endif /* IXJOB_CLI_TEXT_H */
