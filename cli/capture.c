/* SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L /* fstat, poll */

#include "capture.h"

#include <errno.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

#define FIRST_READ (64u * 1024u)

/* Reads what fd has, up to len bytes; waits on a non-blocking input.
 * Returns the count (0 at the end), or -1 with errno set. */
ssize_t
capture_read_some(int fd, uint8_t *buf, size_t len)
{
    for (;;) {
        ssize_t n = read(fd, buf, len);
        if (n >= 0 || (errno != EINTR && errno != EAGAIN))
            return n;
        if (errno == EAGAIN) {
            struct pollfd pfd = {fd, POLLIN, 0};
            if (poll(&pfd, 1, -1) < 0 && errno != EINTR)
                return -1;
        }
    }
}

/* Looks at the start of the text, from *pos on: 1 when its first byte
 * after a byte-order mark and whitespace is "{", -1 when it is another
 * (at *pos), 0 while only whitespace has come. */
static int
check_start(const uint8_t *d, size_t len, size_t *pos)
{
    size_t i = *pos;
    if (i == 0 && len > 0 && d[0] == 0xEF) {
        if (len < 3)
            return 0;
        if (d[1] != 0xBB || d[2] != 0xBF)
            return -1;
        i = 3;
    }
    while (i < len &&
           (d[i] == ' ' || d[i] == '\t' || d[i] == '\n' || d[i] == '\r'))
        i++;
    *pos = i;
    if (i == len)
        return 0;
    return d[i] == '{' ? 1 : -1;
}

static capture_status
fail(capture *c, capture_status st)
{
    free(c->data);
    c->data = NULL;
    c->len = 0;
    return st;
}

capture_status
capture_load(int fd, size_t max, capture *c)
{
    struct stat sb;
    bool regular;
    size_t cap, scanned = 0;
    int start = 0;

    memset(c, 0, sizeof *c);
    if (fstat(fd, &sb) != 0) {
        c->errno_value = errno;
        return CAPTURE_ERRNO;
    }
    regular = S_ISREG(sb.st_mode);
    if (regular) {
        if ((uint64_t)sb.st_size > max)
            return CAPTURE_TOO_BIG;
        c->expected = (uint64_t)sb.st_size;
        cap = (size_t)sb.st_size + 1; /* one more: the end shows at once */
    } else {
        cap = FIRST_READ < max ? FIRST_READ : max + 1;
    }
    c->data = xmalloc(cap);
    for (;;) {
        ssize_t n;
        if (c->len == cap) {
            if (cap > max)
                return fail(c, CAPTURE_TOO_BIG);
            cap = cap <= max / 2 ? cap * 2 : max + 1;
            c->data = xrealloc(c->data, cap);
        }
        n = capture_read_some(fd, c->data + c->len, cap - c->len);
        if (n < 0) {
            c->errno_value = errno;
            return fail(c, CAPTURE_ERRNO);
        }
        if (n == 0)
            break;
        c->len += (size_t)n;
        if (c->len > max)
            return fail(c, CAPTURE_TOO_BIG);
        if (start == 0 &&
            (start = check_start(c->data, c->len, &scanned)) < 0) {
            c->first = c->data[scanned];
            c->first_at = scanned;
            return fail(c, CAPTURE_NOT_JSON);
        }
    }
    if (regular && c->len < c->expected)
        return fail(c, CAPTURE_SHRANK);
    return CAPTURE_OK;
}
