/* SPDX-License-Identifier: MIT */
/*
 * A progress line on standard error for long inputs, shown only on a
 * terminal: bytes done, speed, documents.
 */
#ifndef IXJOB_CLI_PROGRESS_H
#define IXJOB_CLI_PROGRESS_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

typedef struct progress {
    bool enabled;
    bool shown; /* a line is on the terminal */
    struct timespec start, last;
    const char *file;
} progress;

/* Starts timing an input; enabled only when standard error is a terminal
 * and the caller allows it. */
void progress_start(progress *p, bool allowed, const char *file);

/* Redraws the line, at most four times a second and only once the input
 * has taken more than a second. */
void progress_update(progress *p, uint64_t bytes, uint64_t documents);

/* Erases the line (before a report line, and at the end of the input). */
void progress_clear(progress *p);

#endif /* IXJOB_CLI_PROGRESS_H */
