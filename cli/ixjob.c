/* SPDX-License-Identifier: MIT */
/*
 * ixjob: validate and dump captured indexing-job API responses.
 *
 *   ixjob validate [-s] [-t TYPE] [--ndjson | --concatenated | --har]
 *                  [-f text|json] [-q] [-c N] [--summary] [FILE...]
 *   ixjob dump [-s] [-t TYPE] [-p] [-q] [--ndjson | --concatenated] [FILE]
 *   ixjob schema [-s] [-p] TYPE
 *   ixjob endpoints
 *
 * Exit status: 0 when every document is valid, 1 when one is not (or a
 * capture held no indexing-job call), 2 for a usage error or an input
 * that cannot be read (the worst wins). The manual is doc/ixjob.1.
 */
#define _POSIX_C_SOURCE 200809L /* fstat, isatty */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <yajl/yajl_version.h>

#include <ixjob/ixjob.h>

#include "base64.h"
#include "capture.h"
#include "endpoints.h"
#include "har.h"
#include "progress.h"
#include "report.h"
#include "text.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_TROUBLE = 2 };

#define READ_SIZE       (64u * 1024u)
#define MAX_CHUNK       (1024u * 1024u * 1024u)
#define DEFAULT_MAX_HAR ((size_t)256 * 1024 * 1024)
#define PROGRAM         "ixjob"

typedef enum input_kind {
    INPUT_DOCUMENT,
    INPUT_NDJSON,
    INPUT_CONCATENATED,
    INPUT_HAR
} input_kind;

typedef enum color_mode { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER } color_mode;

typedef struct options {
    bool strict;
    bool quiet;
    bool pretty;
    bool summary;     /* --summary */
    bool allow_empty; /* --allow-empty */
    input_kind kind;
    ixj_type type;
    bool type_given;
    report_format format;
    color_mode color;
    size_t chunk_size; /* bytes per feed */
    size_t max_har;    /* --max-har-bytes */
    bool no_gather;    /* IXJ_OPT_GATHER 0: scan each feed as it comes */
} options;

/* What a command works with while it runs. */
typedef struct session {
    const options *opt;
    report_style style;
    ixj_decoder *decoder;
    ixj_encoder *encoder; /* dump */
    uint8_t *buf;         /* one read's worth */
    size_t buf_size;
    int status; /* the exit status so far */
    progress progress;
    const char *file; /* display name of the current input */
    uint64_t bytes;   /* read from it so far */
    uint64_t documents;
    uint64_t har_calls; /* entries of the capture that call an endpoint */
    uint64_t dropped;   /* dump: unknown keys left out */
    report_counts counts;
} session;

/* Standard streams that were closed when ixjob started: they then hold
 * /dev/null, so that no file opened later takes their numbers, and using
 * them is an error. */
static bool stdin_closed, stdout_closed;

static void
guard_standard_streams(void)
{
    for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        if (open("/dev/null", fd == STDIN_FILENO ? O_RDONLY : O_WRONLY) != fd)
            exit(EXIT_TROUBLE);
        if (fd == STDIN_FILENO)
            stdin_closed = true;
        else if (fd == STDOUT_FILENO)
            stdout_closed = true;
    }
}

static int finish_output(int status);

static void
worsen(session *s, int status)
{
    if (status > s->status)
        s->status = status;
}

/* "ixjob: FILE[#RECORD]: message[ [METHOD URL]]" on standard error. */
static void
notice_request(session *s, const char *file, uint64_t record,
               const char *message, const char *method, size_t method_len,
               const char *url, size_t url_len)
{
    progress_clear(&s->progress);
    fflush(stdout); /* in order with the report, when both go to a pipe */
    fputs(PROGRAM ": ", stderr);
    if (file != NULL) {
        text_put_safe(stderr, file, strlen(file));
        if (record > 0)
            fprintf(stderr, "#%llu", (unsigned long long)record);
        fputs(": ", stderr);
    }
    fputs(message, stderr);
    if (method != NULL) {
        fputs(" [", stderr);
        text_put_safe(stderr, method, method_len);
        putc(' ', stderr);
        text_put_safe(stderr, url, url_len);
        putc(']', stderr);
    }
    putc('\n', stderr);
}

static void
notice(session *s, const char *file, uint64_t record, const char *message)
{
    notice_request(s, file, record, message, NULL, 0, NULL, 0);
}

/* A document that could not be read: said on standard error, and in the
 * JSON report too, so that a pipeline reading it sees every input. */
static void
unreadable(session *s, report_doc *doc, const char *message)
{
    notice(s, doc->file, doc->record, message);
    worsen(s, EXIT_TROUBLE);
    s->counts.unreadable++;
    if (s->style.format == REPORT_JSON) {
        doc->outcome = OUTCOME_UNREADABLE;
        doc->error.code = "unreadable";
        doc->error.path = NULL;
        doc->error.message = message;
        doc->error.detail = "";
        doc->error.where = AT_NONE;
        report_document(stdout, &s->style, doc);
    }
}

/* An input that could not be read. */
static void
complain(session *s, const char *file, const char *message)
{
    report_doc doc = {0};
    doc.file = file;
    unreadable(s, &doc, message);
}

/* ------------------------------------------------------------ usage */

static void
print_usage(FILE *out)
{
    fputs("Usage: ixjob validate [OPTION...] [FILE...]\n"
          "       ixjob dump [OPTION...] [FILE]\n"
          "       ixjob schema [-s] [-p] TYPE\n"
          "       ixjob endpoints\n"
          "       ixjob --help | --version\n"
          "\n"
          "Validate or print DigitalOcean Gradient indexing-job API "
          "responses,\n"
          "or print the JSON Schema (draft 2020-12) of a payload type.\n"
          "FILE absent or - reads standard input.\n"
          "\n"
          "  -s, --strict         check the payload is exactly what the spec "
          "documents\n"
          "  -t, --type=TYPE      auto (default), job, list, data-sources, "
          "signed-url,\n"
          "                       error, create-request, any (validate "
          "only);\n"
          "                       schema takes TYPE (not auto or any) as an "
          "argument\n"
          "      --ndjson         one document per line\n"
          "      --concatenated   JSON documents one after another\n"
          "      --har            validate the indexing-job responses of a HAR "
          "capture\n"
          "      --allow-empty    a capture without indexing-job calls is no "
          "failure\n"
          "      --max-har-bytes=N\n"
          "                       largest capture read (default 256M; "
          "suffixes K, M, G)\n"
          "  -f, --format=FMT     report as text (default) or json, one line "
          "per document\n"
          "      --summary        always end with the counts (json: on "
          "standard output)\n"
          "      --color=WHEN     color the text report: auto (default), "
          "always, never\n"
          "  -q, --quiet          report only failures; dump: no notice\n"
          "  -c, --chunk-size=N   feed the decoder N bytes at a time\n"
          "      --no-gather      scan each --chunk-size piece as it arrives "
          "(for testing:\n"
          "                       the outcome is the same)\n"
          "  -p, --pretty         indent the output of dump or schema\n"
          "  -h, --help           print this help\n"
          "  -V, --version        print the versions\n"
          "\n"
          "Exit status: 0 all valid, 1 a document is invalid (or a capture "
          "has no\n"
          "indexing-job call), 2 usage error or unreadable input. See "
          "ixjob(1).\n",
          out);
}

static int
usage_error(const char *what, const char *arg)
{
    fprintf(stderr, PROGRAM ": %s", what);
    if (arg != NULL) {
        fputs(" '", stderr);
        text_put_safe(stderr, arg, strlen(arg));
        fputs("'", stderr);
    }
    fputs("\nTry 'ixjob --help'.\n", stderr);
    return EXIT_TROUBLE;
}

/* A decimal size from 1 to MAX_CHUNK. The limit is checked before each
 * digit is added, so that no value of any length can wrap around. */
static bool
parse_size(const char *text, size_t *out)
{
    size_t value = 0;
    if (*text == '\0')
        return false;
    for (const char *p = text; *p != '\0'; p++) {
        size_t digit;
        if (*p < '0' || *p > '9')
            return false;
        digit = (size_t)(*p - '0');
        if (value > (MAX_CHUNK - digit) / 10)
            return false;
        value = value * 10 + digit;
    }
    *out = value;
    return value > 0;
}

/* A byte count with an optional binary suffix K, M or G; at least 1 and
 * at most SIZE_MAX / 4, so that buffers of twice the size can be asked
 * for. */
static bool
parse_bytes(const char *text, size_t *out)
{
    const size_t most = SIZE_MAX / 4;
    size_t value = 0, unit = 1;
    const char *p = text;
    if (*p < '0' || *p > '9')
        return false;
    for (; *p >= '0' && *p <= '9'; p++) {
        size_t digit = (size_t)(*p - '0');
        if (value > (most - digit) / 10)
            return false;
        value = value * 10 + digit;
    }
    if (*p == 'K' || *p == 'k')
        unit = 1024;
    else if (*p == 'M' || *p == 'm')
        unit = 1024 * 1024;
    else if (*p == 'G' || *p == 'g')
        unit = (size_t)1024 * 1024 * 1024;
    else if (*p != '\0')
        return false;
    if (unit > 1 && *++p != '\0')
        return false;
    if (value == 0 || value > most / unit)
        return false;
    *out = value * unit;
    return true;
}

enum {
    OPT_NDJSON = 256,
    OPT_CONCATENATED,
    OPT_HAR,
    OPT_SUMMARY,
    OPT_ALLOW_EMPTY,
    OPT_MAX_HAR,
    OPT_COLOR,
    OPT_NO_GATHER
};

static const struct option validate_options[] = {
    {"strict", no_argument, NULL, 's'},
    {"type", required_argument, NULL, 't'},
    {"ndjson", no_argument, NULL, OPT_NDJSON},
    {"concatenated", no_argument, NULL, OPT_CONCATENATED},
    {"har", no_argument, NULL, OPT_HAR},
    {"allow-empty", no_argument, NULL, OPT_ALLOW_EMPTY},
    {"max-har-bytes", required_argument, NULL, OPT_MAX_HAR},
    {"format", required_argument, NULL, 'f'},
    {"summary", no_argument, NULL, OPT_SUMMARY},
    {"color", required_argument, NULL, OPT_COLOR},
    {"quiet", no_argument, NULL, 'q'},
    {"chunk-size", required_argument, NULL, 'c'},
    {"no-gather", no_argument, NULL, OPT_NO_GATHER},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};
#define VALIDATE_SHORT ":st:f:qc:hV"

static const struct option dump_options[] = {
    {"strict", no_argument, NULL, 's'},
    {"type", required_argument, NULL, 't'},
    {"ndjson", no_argument, NULL, OPT_NDJSON},
    {"concatenated", no_argument, NULL, OPT_CONCATENATED},
    {"pretty", no_argument, NULL, 'p'},
    {"quiet", no_argument, NULL, 'q'},
    {"color", required_argument, NULL, OPT_COLOR},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};
#define DUMP_SHORT ":st:pqhV"

static const struct option endpoints_options[] = {
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0},
};
#define ENDPOINTS_SHORT ":hV"

static int print_version(void);

static const char *const kind_option[] = {NULL, "--ndjson", "--concatenated",
                                          "--har"};

static const struct option schema_options[] = {
    {"strict", no_argument, NULL, 's'},  {"type", required_argument, NULL, 't'},
    {"pretty", no_argument, NULL, 'p'},  {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'}, {NULL, 0, NULL, 0},
};
#define SCHEMA_SHORT ":st:phV"

/* Parses a command's options into opt. Returns -1 to go on, else the exit
 * status (--help, --version, or a usage error already reported). */
static int
parse_options(int argc, char **argv, const char *shortopts,
              const struct option *table, options *opt)
{
    int c;

    opterr = 0; /* our own messages, without argv[0]'s path */
    optind = 1;
    while ((c = getopt_long(argc, argv, shortopts, table, NULL)) != -1) {
        switch (c) {
        case 's':
            opt->strict = true;
            break;
        case 't':
            if (!ixj_type_from_name(optarg, &opt->type))
                return usage_error("unknown type", optarg);
            opt->type_given = true;
            break;
        case OPT_NDJSON:
        case OPT_CONCATENATED:
        case OPT_HAR: {
            input_kind kind = c == OPT_NDJSON         ? INPUT_NDJSON
                              : c == OPT_CONCATENATED ? INPUT_CONCATENATED
                                                      : INPUT_HAR;
            if (opt->kind != INPUT_DOCUMENT && opt->kind != kind) {
                fprintf(stderr, PROGRAM ": %s and %s exclude each other\n",
                        kind_option[opt->kind], kind_option[kind]);
                fputs("Try 'ixjob --help'.\n", stderr);
                return EXIT_TROUBLE;
            }
            opt->kind = kind;
            break;
        }
        case OPT_ALLOW_EMPTY:
            opt->allow_empty = true;
            break;
        case OPT_MAX_HAR:
            if (!parse_bytes(optarg, &opt->max_har))
                return usage_error("--max-har-bytes wants a positive size "
                                   "(suffixes K, M, G), not",
                                   optarg);
            break;
        case 'f':
            if (strcmp(optarg, "text") == 0)
                opt->format = REPORT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                opt->format = REPORT_JSON;
            else
                return usage_error("unknown format", optarg);
            break;
        case OPT_SUMMARY:
            opt->summary = true;
            break;
        case OPT_COLOR:
            if (strcmp(optarg, "auto") == 0)
                opt->color = COLOR_AUTO;
            else if (strcmp(optarg, "always") == 0)
                opt->color = COLOR_ALWAYS;
            else if (strcmp(optarg, "never") == 0)
                opt->color = COLOR_NEVER;
            else
                return usage_error("--color wants auto, always or never, not",
                                   optarg);
            break;
        case 'q':
            opt->quiet = true;
            break;
        case 'c':
            if (!parse_size(optarg, &opt->chunk_size))
                return usage_error("--chunk-size wants 1 to 1073741824, not",
                                   optarg);
            break;
        case OPT_NO_GATHER:
            opt->no_gather = true;
            break;
        case 'p':
            opt->pretty = true;
            break;
        case 'h':
            print_usage(stdout);
            return finish_output(EXIT_VALID);
        case 'V':
            return print_version();
        case ':':
            /* a long option sets optopt too: name it as it was typed */
            if (strncmp(argv[optind - 1], "--", 2) != 0 && optopt != 0 &&
                optopt < 256) {
                char name[3] = {'-', (char)optopt, '\0'};
                return usage_error("missing value for", name);
            }
            return usage_error("missing value for", argv[optind - 1]);
        default:
            if (optopt != 0 && optopt < 256) { /* a short option */
                char name[3] = {'-', (char)optopt, '\0'};
                return usage_error("unknown option", name);
            }
            return usage_error("unknown option", argv[optind - 1]);
        }
    }
    return -1;
}

/* Colors go to a terminal only, unless asked; NO_COLOR (no-color.org),
 * when set and not empty, turns the automatic choice off. */
static bool
use_color(color_mode mode, int fd)
{
    const char *no_color = getenv("NO_COLOR");
    if (mode != COLOR_AUTO)
        return mode == COLOR_ALWAYS;
    if (no_color != NULL && no_color[0] != '\0')
        return false;
    return isatty(fd) == 1;
}

/* ------------------------------------------------------------ inputs */

/* Opens a command-line input; "-" is standard input. Returns -1 (and has
 * complained) when it cannot be opened. */
static int
open_input(session *s, const char *arg)
{
    int fd;
    if (strcmp(arg, "-") == 0) {
        if (!stdin_closed)
            return STDIN_FILENO;
        complain(s, arg, strerror(EBADF));
        return -1;
    }
    fd = open(arg, O_RDONLY);
    if (fd < 0)
        complain(s, arg, strerror(errno));
    return fd;
}

static void
close_input(int fd)
{
    if (fd != STDIN_FILENO)
        close(fd);
}

/* Feeds len bytes to the decoder in pieces of the chunk size. Stops at
 * the first status other than IXJ_OK, and returns it. */
static ixj_status
feed_pieces(session *s, const uint8_t *bytes, size_t len)
{
    size_t chunk = s->opt->chunk_size;
    for (size_t pos = 0; pos < len; pos += chunk) {
        size_t n = len - pos < chunk ? len - pos : chunk;
        ixj_status st = ixj_decoder_feed(s->decoder, bytes + pos, n);
        if (st != IXJ_OK)
            return st;
    }
    return IXJ_OK;
}

/* Feeds an input to the decoder until its end or a status other than
 * IXJ_OK (returned in *st). Returns false, having complained, when the
 * input cannot be read. */
static bool
feed_input(session *s, int fd, ixj_status *st)
{
    *st = IXJ_OK;
    for (;;) {
        ssize_t n = capture_read_some(fd, s->buf, s->buf_size);
        if (n < 0) {
            complain(s, s->file, strerror(errno));
            return false;
        }
        if (n == 0)
            return true;
        s->bytes += (uint64_t)n;
        *st = feed_pieces(s, s->buf, (size_t)n);
        if (*st != IXJ_OK)
            return true;
        /* the records of this read are reported before the next read,
         * which may wait on a pipe */
        fflush(stdout);
        progress_update(&s->progress, s->bytes, s->documents);
    }
}

/* ------------------------------------------------------------ reports */

static void
report(session *s, report_doc *doc)
{
    progress_clear(&s->progress);
    doc->file = s->file;
    report_document(stdout, &s->style, doc);
    switch (doc->outcome) {
    case OUTCOME_VALID:
        s->counts.valid++;
        break;
    case OUTCOME_INVALID:
        s->counts.invalid++;
        worsen(s, EXIT_INVALID);
        break;
    case OUTCOME_SKIPPED:
        s->counts.skipped++;
        break;
    case OUTCOME_UNREADABLE:
        s->counts.unreadable++;
        worsen(s, EXIT_TROUBLE);
        break;
    }
}

/* The outcome of a document decoded with begin, feed and finish; where
 * tells what its positions count from. */
static void
report_decoded(session *s, ixj_status st, const ixj_result *r,
               report_where where, report_doc *doc)
{
    doc->type = ixj_decoder_type(s->decoder);
    if (st == IXJ_OK) {
        doc->outcome = OUTCOME_VALID;
        doc->unknown_fields = r->unknown_fields;
        doc->unrecognized_enums = r->unrecognized_enums;
    } else if (st == IXJ_ERR_NOMEM) {
        doc->file = s->file;
        unreadable(s, doc, ixj_status_message(st));
        return;
    } else {
        doc->outcome = OUTCOME_INVALID;
        report_error_set(&doc->error, ixj_decoder_error(s->decoder), where);
    }
    s->documents++;
    report(s, doc);
}

/* ------------------------------------------------------------ validate */

/* Validates one document, read from fd or (fd < 0) the len bytes at
 * bytes, and reports it under doc's record. Nothing is kept: memory stays
 * flat whatever the input's size. */
static void
validate_one(session *s, ixj_type type, int fd, const uint8_t *bytes,
             size_t len, report_where where, report_doc *doc)
{
    ixj_result r;
    ixj_status st;

    st = ixj_decoder_begin(s->decoder, type);
    if (st == IXJ_OK && fd >= 0 && !feed_input(s, fd, &st)) {
        ixj_decoder_reset(s->decoder); /* ready for the next input */
        return;
    }
    if (st == IXJ_OK && fd < 0)
        st = feed_pieces(s, bytes, len);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(s->decoder, &r);
    report_decoded(s, st, &r, where, doc);
}

static int
on_record(void *ctx, const ixj_document_info *info)
{
    session *s = ctx;
    report_doc doc = {0};

    doc.record = info->record;
    doc.type = info->type;
    if (info->result != NULL) {
        doc.outcome = OUTCOME_VALID;
        doc.unknown_fields = info->result->unknown_fields;
        doc.unrecognized_enums = info->result->unrecognized_enums;
    } else {
        doc.outcome = OUTCOME_INVALID;
        report_error_set(&doc.error, info->error, AT_FILE);
    }
    s->documents++;
    report(s, &doc);
    return 0;
}

/* Decodes a stream of documents (NDJSON or concatenated), each handed to
 * fn as it ends. */
static void
run_stream(session *s, int fd, ixj_document_fn fn)
{
    ixj_result r;
    ixj_status st;
    ixj_stream_format format = s->opt->kind == INPUT_NDJSON
                                   ? IXJ_STREAM_NDJSON
                                   : IXJ_STREAM_CONCATENATED;

    st = ixj_decoder_begin_stream(s->decoder, s->opt->type, format, fn, s);
    if (st == IXJ_OK && !feed_input(s, fd, &st)) {
        ixj_decoder_reset(s->decoder);
        return;
    }
    if (st == IXJ_OK)
        st = ixj_decoder_finish(s->decoder, &r);
    /* a text error ends a concatenated stream: its document has been
     * reported; only a lack of memory is left */
    if (st == IXJ_ERR_NOMEM)
        complain(s, s->file, ixj_status_message(st));
    ixj_decoder_reset(s->decoder);
}

/* ------------------------------------------------------------ HAR */

static void
entry_skipped(session *s, report_doc *doc, const char *why, const char *detail)
{
    doc->outcome = OUTCOME_SKIPPED;
    doc->skipped = why;
    doc->skipped_detail = detail;
    report(s, doc);
}

static int
on_har_entry(void *ctx, const har_entry *e)
{
    session *s = ctx;
    report_doc doc = {0};
    ixj_type type = IXJ_TYPE_AUTO;
    size_t len = e->text_len;
    char mime[128], path[160];
    bool ok_status = e->status >= 200 && e->status <= 299;

    switch (
        endpoint_lookup(e->method, e->method_len, e->url, e->url_len, &type)) {
    case ENDPOINT_OTHER:
        return 0;
    case ENDPOINT_UNKNOWN_PATH:
        notice_request(s, s->file, e->index,
                       "not validated: no indexing-job endpoint has this path",
                       e->method, e->method_len, e->url, e->url_len);
        return 0;
    case ENDPOINT_WRONG_METHOD:
        notice_request(s, s->file, e->index,
                       "not validated: the indexing-job endpoint at this path "
                       "does not take this method",
                       e->method, e->method_len, e->url, e->url_len);
        return 0;
    case ENDPOINT_FOUND:
        break;
    }
    s->har_calls++;
    doc.file = s->file;
    doc.record = e->index;
    doc.method = e->method;
    doc.method_len = e->method_len;
    doc.url = e->url;
    doc.url_len = e->url_len;
    doc.http_status = e->status;
    /* A capture may hold a request that got no response (status 0, as
     * browsers and proxies write it): nothing to validate, and no fault
     * of the API's. */
    if (e->status <= 0) {
        doc.type = type;
        entry_skipped(s, &doc, "no response recorded", NULL);
        return 0;
    }
    if (!ok_status)
        type = IXJ_TYPE_ERROR_BODY; /* the API's error body */
    doc.type = type;
    if (e->mime != NULL && e->mime_len > 0 &&
        !media_type_is_json(e->mime, e->mime_len)) {
        size_t n =
            e->mime_len < sizeof mime - 1 ? e->mime_len : sizeof mime - 1;
        memcpy(mime, e->mime, n);
        mime[n] = '\0';
        if (!ok_status) { /* a gateway's page, not the API's answer */
            entry_skipped(s, &doc, "not JSON", mime);
            return 0;
        }
        doc.outcome = OUTCOME_INVALID;
        doc.error.code = "content_type";
        doc.error.message = "a 2xx response of the API must be JSON";
        doc.error.detail = mime;
        doc.error.where = AT_NONE;
        report(s, &doc);
        return 0;
    }
    if (e->fault != HAR_FAULT_NONE) {
        ixj_status code = e->fault == HAR_FAULT_STRING ? IXJ_ERR_STRING
                                                       : IXJ_ERR_DUPLICATE_KEY;
        snprintf(path, sizeof path, "$.log.entries[%llu].%s",
                 (unsigned long long)(e->index - 1), e->fault_field);
        doc.outcome = OUTCOME_INVALID;
        doc.error.code = ixj_status_name(code);
        doc.error.path = path;
        doc.error.message = ixj_status_message(code);
        doc.error.detail = e->fault_detail;
        doc.error.where = AT_CAPTURE;
        doc.error.offset = e->fault_pos.offset;
        doc.error.line = e->fault_pos.line;
        doc.error.column = e->fault_pos.column;
        report(s, &doc);
        return 0;
    }
    if (e->text == NULL) {
        entry_skipped(s, &doc, "response body not recorded", NULL);
        return 0;
    }
    if (e->base64) {
        long long n = base64_decode(e->text, e->text_len);
        if (n < 0) {
            unreadable(s, &doc, "response body is not valid base64");
            return 0;
        }
        len = (size_t)n;
    }
    validate_one(s, type, -1, (const uint8_t *)e->text, len, AT_BODY, &doc);
    progress_update(&s->progress, s->bytes, s->documents);
    return 0;
}

static void
validate_har(session *s, int fd)
{
    capture c;
    char err[256];

    switch (capture_load(fd, s->opt->max_har, &c)) {
    case CAPTURE_OK:
        break;
    case CAPTURE_ERRNO:
        complain(s, s->file, strerror(c.errno_value));
        return;
    case CAPTURE_TOO_BIG:
        snprintf(err, sizeof err,
                 "capture larger than %zu bytes (see --max-har-bytes)",
                 s->opt->max_har);
        complain(s, s->file, err);
        return;
    case CAPTURE_NOT_JSON:
        snprintf(err, sizeof err,
                 "not a HAR capture: byte 0x%02X at offset %llu cannot start a "
                 "JSON object",
                 c.first, (unsigned long long)c.first_at);
        complain(s, s->file, err);
        return;
    case CAPTURE_SHRANK:
        snprintf(err, sizeof err,
                 "read error: the file shrank from %llu bytes while it was "
                 "read",
                 (unsigned long long)c.expected);
        complain(s, s->file, err);
        return;
    }
    s->bytes = c.len;
    s->har_calls = 0;
    if (har_read(c.data, c.len, on_har_entry, s, err, sizeof err) != 0) {
        complain(s, s->file, err);
    } else if (s->har_calls == 0) {
        progress_clear(&s->progress);
        fflush(stdout);
        fputs(PROGRAM ": no indexing-job calls in ", stderr);
        text_put_safe(stderr, s->file, strlen(s->file));
        putc('\n', stderr);
        if (!s->opt->allow_empty)
            worsen(s, EXIT_INVALID);
    }
    free(c.data);
}

/* A session's decoder checks in the mode asked; validate keeps nothing
 * of what it checks (memory stays flat whatever the input's size). */
static bool
session_init(session *s, const options *opt, bool validate_only)
{
    memset(s, 0, sizeof *s);
    s->opt = opt;
    s->style.format = opt->format;
    s->style.quiet = opt->quiet;
    s->style.color =
        opt->format == REPORT_TEXT &&
        use_color(opt->color, validate_only ? STDOUT_FILENO : STDERR_FILENO);
    s->buf_size = opt->chunk_size > READ_SIZE ? opt->chunk_size : READ_SIZE;
    s->buf = malloc(s->buf_size);
    s->decoder = ixj_decoder_new(NULL);
    if (s->decoder != NULL &&
        (ixj_decoder_set_option(s->decoder, IXJ_OPT_STRICT, opt->strict) !=
             IXJ_OK ||
         ixj_decoder_set_option(s->decoder, IXJ_OPT_VALIDATE_ONLY,
                                validate_only) != IXJ_OK ||
         ixj_decoder_set_option(s->decoder, IXJ_OPT_GATHER, !opt->no_gather) !=
             IXJ_OK)) {
        ixj_decoder_free(s->decoder);
        s->decoder = NULL;
    }
    if (!validate_only)
        s->encoder = ixj_encoder_new(NULL);
    if (s->buf == NULL || s->decoder == NULL ||
        (!validate_only && s->encoder == NULL)) {
        free(s->buf);
        ixj_decoder_free(s->decoder);
        ixj_encoder_free(s->encoder);
        fputs(PROGRAM ": out of memory\n", stderr);
        return false;
    }
    return true;
}

static void
session_free(session *s)
{
    free(s->buf);
    ixj_decoder_free(s->decoder);
    ixj_encoder_free(s->encoder);
}

/* Standard output must have taken the report. */
static int
finish_output(int status)
{
    if (stdout_closed) {
        fprintf(stderr, PROGRAM ": writing standard output: %s\n",
                strerror(EBADF));
        return EXIT_TROUBLE;
    }
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROGRAM ": writing standard output: %s\n",
                strerror(errno));
        return EXIT_TROUBLE;
    }
    return status;
}

static int
cmd_validate(int argc, char **argv)
{
    options opt = {.type = IXJ_TYPE_AUTO,
                   .chunk_size = READ_SIZE,
                   .max_har = DEFAULT_MAX_HAR};
    static char *const stdin_only[] = {"-", NULL};
    char *const *files;
    session s;
    bool several;
    int status =
        parse_options(argc, argv, VALIDATE_SHORT, validate_options, &opt);

    if (status >= 0)
        return status;
    if (opt.kind == INPUT_HAR && opt.type_given && opt.type != IXJ_TYPE_AUTO)
        return usage_error("--har takes each entry's type from its endpoint; "
                           "--type must be auto",
                           NULL);
    if (!session_init(&s, &opt, true))
        return EXIT_TROUBLE;
    files = optind < argc ? argv + optind : stdin_only;
    several = argc - optind > 1 || opt.kind != INPUT_DOCUMENT;
    for (; *files != NULL; files++) {
        report_doc doc = {0};
        int fd = open_input(&s, *files);
        if (fd < 0)
            continue;
        s.file = *files;
        s.bytes = s.documents = 0;
        progress_start(&s.progress, !opt.quiet, s.file);
        if (opt.kind == INPUT_NDJSON || opt.kind == INPUT_CONCATENATED)
            run_stream(&s, fd, on_record);
        else if (opt.kind == INPUT_HAR)
            validate_har(&s, fd);
        else
            validate_one(&s, opt.type, fd, NULL, 0, AT_FILE, &doc);
        progress_clear(&s.progress);
        close_input(fd);
    }
    fflush(stdout);
    if (opt.summary && opt.format == REPORT_JSON)
        report_summary_json(stdout, &s.counts);
    else if (opt.summary || (several && !opt.quiet))
        report_summary_text(stderr, &s.counts);
    status = s.status;
    session_free(&s);
    return finish_output(status);
}

/* ------------------------------------------------------------ dump */

static int
write_stdout(void *ctx, const char *bytes, size_t len)
{
    (void)ctx;
    return fwrite(bytes, 1, len, stdout) == len ? 0 : 1;
}

/* Writes a result's canonical JSON and a newline. */
static void
dump_result(session *s, const ixj_result *r)
{
    ixj_status st = ixj_encode_to(s->encoder, r->type, r->as.value,
                                  s->opt->pretty ? IXJ_ENCODE_PRETTY : 0u,
                                  write_stdout, NULL);
    if (st != IXJ_OK && st != IXJ_STOPPED) {
        complain(s, s->file, ixj_status_message(st));
        return;
    }
    if (!s->opt->pretty)
        putchar('\n'); /* a pretty encoding ends with its own */
    s->dropped += r->unknown_fields;
}

/* An invalid document's line, on standard error (standard output holds
 * the data). */
static void
dump_error(session *s, report_doc *doc, const ixj_error *e)
{
    doc->file = s->file;
    doc->outcome = OUTCOME_INVALID;
    report_error_set(&doc->error, e, AT_FILE);
    fflush(stdout);
    report_error_text(stderr, s->style.color, doc);
    worsen(s, EXIT_INVALID);
}

static int
on_dump_record(void *ctx, const ixj_document_info *info)
{
    session *s = ctx;
    report_doc doc = {0};
    if (info->status == IXJ_OK) {
        dump_result(s, info->result);
        fflush(stdout);
    } else {
        doc.record = info->record;
        dump_error(s, &doc, info->error);
    }
    return 0;
}

static int
cmd_dump(int argc, char **argv)
{
    options opt = {.type = IXJ_TYPE_AUTO, .chunk_size = READ_SIZE};
    session s;
    report_doc doc = {0};
    ixj_result r;
    ixj_status st;
    int fd, status = parse_options(argc, argv, DUMP_SHORT, dump_options, &opt);

    if (status >= 0)
        return status;
    if (opt.type == IXJ_TYPE_ANY)
        return usage_error("dump has no output for --type=any (it keeps no "
                           "value); use validate",
                           NULL);
    if (argc - optind > 1)
        return usage_error("dump takes one FILE", NULL);
    if (opt.pretty && opt.kind != INPUT_DOCUMENT)
        return usage_error("dump writes one line per record of a stream; "
                           "--pretty would break them",
                           NULL);
    if (!session_init(&s, &opt, false))
        return EXIT_TROUBLE;
    s.file = optind < argc ? argv[optind] : "-";
    fd = open_input(&s, s.file);
    if (fd >= 0 && opt.kind != INPUT_DOCUMENT) {
        run_stream(&s, fd, on_dump_record);
        close_input(fd);
    } else if (fd >= 0) {
        st = ixj_decoder_begin(s.decoder, opt.type);
        if (st != IXJ_OK) {
            complain(&s, s.file, ixj_status_message(st));
        } else if (feed_input(&s, fd, &st)) {
            if (st == IXJ_OK)
                st = ixj_decoder_finish(s.decoder, &r);
            if (st == IXJ_OK)
                dump_result(&s, &r);
            else if (st == IXJ_ERR_NOMEM)
                complain(&s, s.file, ixj_status_message(st));
            else
                dump_error(&s, &doc, ixj_decoder_error(s.decoder));
        }
        close_input(fd);
    }
    fflush(stdout);
    if (s.dropped > 0 && !opt.quiet)
        fprintf(stderr,
                PROGRAM ": dropped %llu unknown key%s not in the spec (use "
                        "validate --strict to list them)\n",
                (unsigned long long)s.dropped, s.dropped == 1 ? "" : "s");
    status = finish_output(s.status);
    session_free(&s);
    return status;
}

/* ------------------------------------------------------------ schema */

static int
cmd_schema(int argc, char **argv)
{
    options opt = {.type = IXJ_TYPE_AUTO};
    unsigned flags = 0;
    ixj_status st;
    int status = parse_options(argc, argv, SCHEMA_SHORT, schema_options, &opt);

    if (status >= 0)
        return status;
    /* TYPE, or --type=TYPE as the other commands take it */
    if (argc - optind + opt.type_given > 1)
        return usage_error("schema takes one TYPE", NULL);
    if (optind == argc && !opt.type_given)
        return usage_error("schema wants a TYPE", NULL);
    if (optind < argc && !ixj_type_from_name(argv[optind], &opt.type))
        return usage_error("unknown type", argv[optind]);
    if (opt.type == IXJ_TYPE_AUTO || opt.type == IXJ_TYPE_ANY)
        return usage_error("no schema for type", ixj_type_name(opt.type));
    if (opt.strict)
        flags |= IXJ_SCHEMA_STRICT;
    if (opt.pretty)
        flags |= IXJ_SCHEMA_PRETTY;
    st = ixj_schema_write(opt.type, flags, write_stdout, NULL);
    if (st != IXJ_OK && st != IXJ_STOPPED) {
        fprintf(stderr, PROGRAM ": %s\n", ixj_status_message(st));
        return EXIT_TROUBLE;
    }
    if (!opt.pretty)
        putchar('\n'); /* a pretty schema ends with its own */
    return finish_output(EXIT_VALID);
}

/* ------------------------------------------------------------ endpoints */

static int
cmd_endpoints(int argc, char **argv)
{
    options opt = {0};
    size_t width[2] = {0, 0};
    int status =
        parse_options(argc, argv, ENDPOINTS_SHORT, endpoints_options, &opt);

    if (status >= 0)
        return status;
    if (optind < argc)
        return usage_error("endpoints takes no argument", NULL);
    for (size_t i = 0; i < endpoint_count(); i++) {
        const endpoint *e = endpoint_at(i);
        if (strlen(e->method) > width[0])
            width[0] = strlen(e->method);
        if (strlen(e->path) > width[1])
            width[1] = strlen(e->path);
    }
    for (size_t i = 0; i < endpoint_count(); i++) {
        const endpoint *e = endpoint_at(i);
        printf("%-*s  %-*s  %s\n", (int)width[0], e->method, (int)width[1],
               e->path, ixj_type_name(e->response));
    }
    return finish_output(EXIT_VALID);
}

/* ------------------------------------------------------------ main */

static int
print_version(void)
{
    int yajl = yajl_version();
    printf("ixjob %s (libixjob %s, yajl %d.%d.%d)\n", IXJ_VERSION_STRING,
           ixj_version(), yajl / 10000, yajl / 100 % 100, yajl % 100);
    return finish_output(EXIT_VALID);
}

int
main(int argc, char **argv)
{
    const char *command = argc > 1 ? argv[1] : NULL;

    guard_standard_streams();
    if (command == NULL)
        return usage_error("no command given", NULL);
    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0) {
        print_usage(stdout);
        return finish_output(EXIT_VALID);
    }
    if (strcmp(command, "--version") == 0 || strcmp(command, "-V") == 0)
        return print_version();
    if (strcmp(command, "validate") == 0)
        return cmd_validate(argc - 1, argv + 1);
    if (strcmp(command, "dump") == 0)
        return cmd_dump(argc - 1, argv + 1);
    if (strcmp(command, "schema") == 0)
        return cmd_schema(argc - 1, argv + 1);
    if (strcmp(command, "endpoints") == 0)
        return cmd_endpoints(argc - 1, argv + 1);
    return usage_error("unknown command", command);
}
