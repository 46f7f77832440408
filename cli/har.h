/* SPDX-License-Identifier: MIT */
/*
 * Reading HAR 1.2 captures (the format browsers and proxies export): each
 * entry of log.entries is handed over with the few fields ixjob needs.
 *
 * yajl checks the capture's grammar, but its string decoding is lenient
 * (a lone \ud800 becomes "?", "\ud800\u0022" one code point that swallows
 * the quote, overlong and surrogate UTF-8 pass). So the reader decodes
 * every key and every field it hands over itself, from the raw bytes of
 * the token: strict UTF-8 (RFC 3629) and strictly paired surrogate
 * escapes, the rules of the library.
 */
#ifndef IXJOB_CLI_HAR_H
#define IXJOB_CLI_HAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A position in the capture: offset from its first byte (a byte-order
 * mark included), line and column from 1, in bytes, LF ending a line. */
typedef struct har_pos {
    uint64_t offset, line, column;
} har_pos;

/* Why a field of an entry could not be read. */
typedef enum har_fault {
    HAR_FAULT_NONE,
    HAR_FAULT_STRING,   /* not strict UTF-8, or an unpaired surrogate */
    HAR_FAULT_DUPLICATE /* the key appears twice in its object */
} har_fault;

typedef struct har_entry {
    uint64_t index; /* from 1, in log.entries order */
    /* request.method and request.url ("" when absent); valid UTF-8, with
     * U+FFFD for each byte or escape that is not (they are only
     * compared and shown) */
    const char *method;
    size_t method_len;
    const char *url;
    size_t url_len;
    int64_t status;   /* response.status; -1 when absent or not 0..99999 */
    const char *mime; /* response.content.mimeType; NULL when absent */
    size_t mime_len;
    /* response.content.text, decoded: valid UTF-8 (U+0000 allowed); NULL
     * when absent or faulty. The callback may change it in place, as
     * base64_decode does. */
    char *text;
    size_t text_len;
    bool base64; /* response.content.encoding is "base64" */
    /* The first field of the entry that the reader could not take (its
     * value then counts as absent): fault, the field's path inside the
     * entry ("response.content.text"), a phrase saying what is wrong
     * ("unpaired surrogate \\uD800"), and where. */
    har_fault fault;
    const char *fault_field;
    const char *fault_detail;
    har_pos fault_pos;
} har_entry;

/* Receives each entry; the strings are valid only during the call.
 * Return 0 to go on, anything else to stop reading. */
typedef int (*har_entry_fn)(void *ctx, const har_entry *entry);

/*
 * Reads a HAR capture held in memory (len bytes, in one call: the reader
 * takes each string's raw bytes from the buffer). A byte-order mark at the
 * start is skipped, as HAR 1.2 asks of readers; positions still count it.
 * Returns 0 when the whole capture was read (or fn stopped it), else -1
 * with a message in err (at most errlen bytes, NUL-terminated) saying why
 * the text is not a HAR capture; entries before the fault have been handed
 * over. Memory comes from xmalloc: running out ends the process (exit
 * status 2).
 */
int har_read(const uint8_t *data, size_t len, har_entry_fn fn, void *ctx,
             char *err, size_t errlen);

#endif /* IXJOB_CLI_HAR_H */
