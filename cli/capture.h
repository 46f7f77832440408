/* SPDX-License-Identifier: MIT */
/*
 * Loading a HAR capture into memory, bounded: a capture is one JSON
 * object, so its first byte (after a byte-order mark and whitespace) must
 * be "{", and reading stops at the first one that is not, or past a
 * limit. A regular file is read, never mapped: a file that shrinks while
 * it is read is an error, not a SIGBUS.
 */
#ifndef IXJOB_CLI_CAPTURE_H
#define IXJOB_CLI_CAPTURE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef enum capture_status {
    CAPTURE_OK,
    CAPTURE_ERRNO,    /* read or fstat failed: errno_value */
    CAPTURE_TOO_BIG,  /* more than max bytes */
    CAPTURE_NOT_JSON, /* byte `first` at offset `first_at` cannot start one */
    CAPTURE_SHRANK    /* a regular file ended before its size */
} capture_status;

typedef struct capture {
    uint8_t *data; /* free with free() */
    size_t len;
    int errno_value;
    uint8_t first;
    uint64_t first_at;
    uint64_t expected; /* CAPTURE_SHRANK: the size the file had */
} capture;

/* Reads what fd has, up to len bytes, retrying after EINTR and waiting
 * (poll) while a non-blocking input has nothing: a pipe's reader sees
 * each line as it comes. Returns the count (0 at the end), or -1 with
 * errno set. */
ssize_t capture_read_some(int fd, uint8_t *buf, size_t len);

/* Reads the whole of fd, at most max bytes. On anything but CAPTURE_OK,
 * data is NULL. */
capture_status capture_load(int fd, size_t max, capture *c);

#endif /* IXJOB_CLI_CAPTURE_H */
