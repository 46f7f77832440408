/* SPDX-License-Identifier: MIT */
#define _POSIX_C_SOURCE 200809L /* clock_gettime, isatty */

#include "progress.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "text.h"

static double
seconds_between(const struct timespec *a, const struct timespec *b)
{
    return (double)(b->tv_sec - a->tv_sec) +
           (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void
progress_start(progress *p, bool allowed, const char *file)
{
    p->enabled = allowed && isatty(STDERR_FILENO);
    p->shown = false;
    p->file = file;
    if (p->enabled) {
        clock_gettime(CLOCK_MONOTONIC, &p->start);
        p->last = p->start;
    }
}

void
progress_update(progress *p, uint64_t bytes, uint64_t documents)
{
    struct timespec now;
    double elapsed;

    if (!p->enabled)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    elapsed = seconds_between(&p->start, &now);
    if (elapsed < 1.0 || seconds_between(&p->last, &now) < 0.25)
        return;
    p->last = now;
    fputs("\r", stderr);
    text_put_safe(stderr, p->file, strlen(p->file));
    fprintf(stderr, ": %.1f MB, %.1f MB/s, %llu document%s\033[K",
            (double)bytes / 1e6, (double)bytes / 1e6 / elapsed,
            (unsigned long long)documents, documents == 1 ? "" : "s");
    fflush(stderr);
    p->shown = true;
}

void
progress_clear(progress *p)
{
    if (!p->shown)
        return;
    fputs("\r\033[K", stderr);
    fflush(stderr);
    p->shown = false;
}
