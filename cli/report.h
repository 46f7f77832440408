/* SPDX-License-Identifier: MIT */
/*
 * The report of `ixjob validate`: one line per document, as compilers
 * write diagnostics (text) or as one JSON object (json), and the summary
 * of a run.
 */
#ifndef IXJOB_CLI_REPORT_H
#define IXJOB_CLI_REPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <ixjob/ixjob.h>

typedef enum report_format { REPORT_TEXT, REPORT_JSON } report_format;

/* What a report line says of a document. */
typedef enum report_outcome {
    OUTCOME_VALID,
    OUTCOME_INVALID,
    OUTCOME_SKIPPED,   /* a HAR entry with nothing to validate */
    OUTCOME_UNREADABLE /* an input, or a record, that could not be read */
} report_outcome;

/* What an error's position counts from. */
typedef enum report_where {
    AT_FILE,    /* the input file (a document, an NDJSON record) */
    AT_BODY,    /* the response body of a HAR entry */
    AT_CAPTURE, /* the HAR capture, for a field it holds badly */
    AT_NONE     /* no position */
} report_where;

typedef struct report_error {
    const char *code;    /* ixj_status_name, or the command's own */
    const char *path;    /* NULL when there is none */
    const char *message; /* static English */
    const char *detail;  /* "" when none; may hold input bytes */
    report_where where;
    uint64_t offset, line, column;
} report_error;

/* One document's outcome. */
typedef struct report_doc {
    const char *file;   /* as named on the command line; "-" for stdin */
    uint64_t record;    /* stream record or HAR entry; 0 for a file */
    const char *method; /* HAR: the request's method and URL, and the */
    size_t method_len;  /* response's status; method NULL otherwise */
    const char *url;
    size_t url_len;
    int64_t http_status;
    ixj_type type; /* the resolved type; AUTO when undecided */
    report_outcome outcome;
    report_error error;          /* OUTCOME_INVALID, OUTCOME_UNREADABLE */
    const char *skipped;         /* OUTCOME_SKIPPED: why */
    const char *skipped_detail;  /* NULL, or more (may hold input bytes) */
    uint64_t unknown_fields;     /* OUTCOME_VALID */
    uint64_t unrecognized_enums; /* OUTCOME_VALID */
} report_doc;

typedef struct report_style {
    report_format format;
    bool quiet; /* only invalid and unreadable documents */
    bool color; /* ANSI colors in the text form */
} report_style;

/* Fills an error from the library's record. */
void report_error_set(report_error *out, const ixj_error *e,
                      report_where where);

/* Writes the document's report line. The text form has no line for an
 * unreadable input (the caller says so on standard error). */
void report_document(FILE *out, const report_style *style,
                     const report_doc *doc);

/* Writes the text form of an invalid document's line (what dump prints on
 * standard error). */
void report_error_text(FILE *out, bool color, const report_doc *doc);

typedef struct report_counts {
    uint64_t valid, invalid, skipped, unreadable;
} report_counts;

/* "ixjob: checked 3 documents: 2 valid, 1 invalid; 0 skipped,
 * 0 unreadable" */
void report_summary_text(FILE *out, const report_counts *c);

/* {"summary":{"checked":3,"valid":2,"invalid":1,"skipped":0,
 * "unreadable":0}} */
void report_summary_json(FILE *out, const report_counts *c);

#endif /* IXJOB_CLI_REPORT_H */
