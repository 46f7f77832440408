/* SPDX-License-Identifier: MIT */
/*
 * The report of `ixjob validate`: one line per document, as compilers
 * write diagnostics (text) or as one JSON object (json).
 */
#ifndef IXJOB_CLI_REPORT_H
#define IXJOB_CLI_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <ixjob/ixjob.h>

typedef enum report_format { REPORT_TEXT, REPORT_JSON } report_format;

/* One document's outcome. */
typedef struct report_doc {
    const char *file;   /* as named on the command line; "-" for stdin */
    uint64_t record;    /* NDJSON line or HAR entry; 0 for a file */
    const char *method; /* HAR: the request's method and URL, and the */
    size_t method_len;  /* response's status; method NULL otherwise */
    const char *url;
    size_t url_len;
    int64_t http_status;
    ixj_type type;               /* the resolved type; AUTO when undecided */
    const ixj_error *error;      /* NULL when the document is valid */
    uint64_t unknown_fields;     /* when valid */
    uint64_t unrecognized_enums; /* when valid */
} report_doc;

/* Writes the document's report line; with quiet, only for an invalid
 * document. */
void report_document(FILE *out, report_format format, bool quiet,
                     const report_doc *doc);

/* Writes the text form of an invalid document's line (what dump prints on
 * standard error). */
void report_error_text(FILE *out, const report_doc *doc);

#endif /* IXJOB_CLI_REPORT_H */
