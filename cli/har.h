/* SPDX-License-Identifier: MIT */
/*
 * Reading HAR 1.2 captures (the format browsers and proxies export): each
 * entry of log.entries is handed over with the few fields ixjob needs.
 */
#ifndef IXJOB_CLI_HAR_H
#define IXJOB_CLI_HAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct har_entry {
    uint64_t index;     /* from 1, in log.entries order */
    const char *method; /* request.method ("" when absent) */
    size_t method_len;
    const char *url; /* request.url ("" when absent) */
    size_t url_len;
    int64_t status; /* response.status; -1 when absent */
    char *text;     /* response.content.text (the callback may change it in
                     * place, as base64_decode does); NULL when absent */
    size_t text_len;
    bool base64; /* response.content.encoding is "base64" */
} har_entry;

/* Receives each entry; the strings are valid only during the call.
 * Return 0 to go on, anything else to stop reading. */
typedef int (*har_entry_fn)(void *ctx, const har_entry *entry);

/*
 * Reads a HAR capture held in memory (len bytes; read in one call, since
 * yajl re-reads a string cut across calls from its start). Returns 0 when
 * the whole capture was read (or fn stopped it), else -1 with a message in
 * err (at most errlen bytes, NUL-terminated) saying why the text is not a
 * HAR capture; entries before the fault have been handed over.
 */
int har_read(const uint8_t *data, size_t len, har_entry_fn fn, void *ctx,
             char *err, size_t errlen);

/* Decodes standard base64 (RFC 4648 section 4; padding optional, no
 * other bytes allowed) in place. Returns the decoded length, or -1 when
 * the text is not base64. */
long long base64_decode(char *text, size_t len);

#endif /* IXJOB_CLI_HAR_H */
