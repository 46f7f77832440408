/* SPDX-License-Identifier: MIT */
/*
 * ixjob: validate and dump captured indexing-job API responses.
 *
 *   ixjob validate [--strict] [--type=TYPE] [--ndjson | --har]
 *                  [--format=text|json] [--quiet] [--chunk-size=N]
 *                  [--no-gather] [FILE...]
 *   ixjob dump [--strict] [--type=TYPE] [--pretty] [FILE]
 *   ixjob schema [--strict] [--pretty] TYPE
 *
 * Exit status: 0 when every document is valid, 1 when one is not, 2 for a
 * usage error or an input that cannot be read (the worst wins). The
 * manual is doc/ixjob.1.
 */
#define _POSIX_C_SOURCE 200809L /* mmap, fstat */

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <poll.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <yajl/yajl_version.h>

#include <ixjob/ixjob.h>

#include "endpoints.h"
#include "har.h"
#include "progress.h"
#include "report.h"
#include "text.h"

enum { EXIT_VALID = 0, EXIT_INVALID = 1, EXIT_TROUBLE = 2 };

#define READ_SIZE (64u * 1024u)
#define MAX_CHUNK (1024u * 1024u * 1024u)
#define PROGRAM   "ixjob"

typedef enum input_kind { INPUT_DOCUMENT, INPUT_NDJSON, INPUT_HAR } input_kind;

typedef struct options {
    bool strict;
    bool quiet;
    bool pretty;
    input_kind kind;
    ixj_type type;
    bool type_given;
    report_format format;
    size_t chunk_size; /* bytes per feed */
    bool no_gather;    /* IXJ_OPT_GATHER 0: scan each feed as it comes */
} options;

/* What a command works with while it runs. */
typedef struct session {
    const options *opt;
    ixj_decoder *decoder;
    uint8_t *buf; /* one read's worth */
    size_t buf_size;
    int status; /* the exit status so far */
    progress progress;
    const char *file; /* display name of the current input */
    uint64_t bytes;   /* read from it so far */
    uint64_t documents;
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

/* "ixjob: FILE[#RECORD]: message" on standard error. */
static void
notice(session *s, const char *file, uint64_t record, const char *message)
{
    progress_clear(&s->progress);
    fputs(PROGRAM ": ", stderr);
    if (file != NULL) {
        text_put_safe(stderr, file, strlen(file));
        if (record > 0)
            fprintf(stderr, "#%llu", (unsigned long long)record);
        fputs(": ", stderr);
    }
    fprintf(stderr, "%s\n", message);
}

/* An input, or a record of one, that could not be read. */
static void
complain_record(session *s, const char *file, uint64_t record,
                const char *message)
{
    notice(s, file, record, message);
    worsen(s, EXIT_TROUBLE);
}

static void
complain(session *s, const char *file, const char *message)
{
    complain_record(s, file, 0, message);
}

/* ------------------------------------------------------------ usage */

static void
print_usage(FILE *out)
{
    fputs("Usage: ixjob validate [--strict] [--type=TYPE] [--ndjson | --har]\n"
          "                      [--format=text|json] [--quiet] "
          "[--chunk-size=N]\n"
          "                      [--no-gather] [FILE...]\n"
          "       ixjob dump [--strict] [--type=TYPE] [--pretty] [FILE]\n"
          "       ixjob schema [--strict] [--pretty] TYPE\n"
          "       ixjob --help | --version\n"
          "\n"
          "Validate or print DigitalOcean Gradient indexing-job API "
          "responses,\n"
          "or print the JSON Schema (draft 2020-12) of a payload type.\n"
          "FILE absent or - reads standard input.\n"
          "\n"
          "  --strict        check the payload is exactly what the spec "
          "documents\n"
          "  --type=TYPE     auto (default), job, list, data-sources, "
          "signed-url,\n"
          "                  error, create-request, any (validate only);\n"
          "                  schema takes TYPE (not auto or any) as an "
          "argument\n"
          "  --ndjson        one document per line\n"
          "  --har           validate the indexing-job responses of a HAR "
          "capture\n"
          "  --format=FMT    report as text (default) or json, one line per "
          "document\n"
          "  --quiet         report only invalid documents\n"
          "  --chunk-size=N  feed the decoder N bytes at a time\n"
          "  --no-gather     scan each --chunk-size piece as it arrives "
          "instead of\n"
          "                  gathering small pieces; for testing, the outcome "
          "is the same\n"
          "  --pretty        indent the output of dump or schema\n"
          "\n"
          "Exit status: 0 all valid, 1 a document is invalid, 2 usage error "
          "or\n"
          "unreadable input. See ixjob(1).\n",
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

enum {
    OPT_STRICT = 256,
    OPT_TYPE,
    OPT_NDJSON,
    OPT_HAR,
    OPT_FORMAT,
    OPT_QUIET,
    OPT_CHUNK,
    OPT_NO_GATHER,
    OPT_PRETTY,
    OPT_HELP
};

static const struct option validate_options[] = {
    {"strict", no_argument, NULL, OPT_STRICT},
    {"type", required_argument, NULL, OPT_TYPE},
    {"ndjson", no_argument, NULL, OPT_NDJSON},
    {"har", no_argument, NULL, OPT_HAR},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"quiet", no_argument, NULL, OPT_QUIET},
    {"chunk-size", required_argument, NULL, OPT_CHUNK},
    {"no-gather", no_argument, NULL, OPT_NO_GATHER},
    {"help", no_argument, NULL, OPT_HELP},
    {NULL, 0, NULL, 0},
};

static const struct option dump_options[] = {
    {"strict", no_argument, NULL, OPT_STRICT},
    {"type", required_argument, NULL, OPT_TYPE},
    {"pretty", no_argument, NULL, OPT_PRETTY},
    {"help", no_argument, NULL, OPT_HELP},
    {NULL, 0, NULL, 0},
};

static const struct option schema_options[] = {
    {"strict", no_argument, NULL, OPT_STRICT},
    {"type", required_argument, NULL, OPT_TYPE},
    {"pretty", no_argument, NULL, OPT_PRETTY},
    {"help", no_argument, NULL, OPT_HELP},
    {NULL, 0, NULL, 0},
};

/* Parses a command's options into opt. Returns -1 to go on, else the exit
 * status (--help, or a usage error already reported). */
static int
parse_options(int argc, char **argv, const struct option *table, options *opt)
{
    int c;

    opterr = 0; /* our own messages, without argv[0]'s path */
    optind = 1;
    while ((c = getopt_long(argc, argv, ":h", table, NULL)) != -1) {
        switch (c) {
        case OPT_STRICT:
            opt->strict = true;
            break;
        case OPT_TYPE:
            if (!ixj_type_from_name(optarg, &opt->type))
                return usage_error("unknown type", optarg);
            opt->type_given = true;
            break;
        case OPT_NDJSON:
        case OPT_HAR: {
            input_kind kind = c == OPT_NDJSON ? INPUT_NDJSON : INPUT_HAR;
            if (opt->kind != INPUT_DOCUMENT && opt->kind != kind)
                return usage_error("--ndjson and --har exclude each other",
                                   NULL);
            opt->kind = kind;
            break;
        }
        case OPT_FORMAT:
            if (strcmp(optarg, "text") == 0)
                opt->format = REPORT_TEXT;
            else if (strcmp(optarg, "json") == 0)
                opt->format = REPORT_JSON;
            else
                return usage_error("unknown format", optarg);
            break;
        case OPT_QUIET:
            opt->quiet = true;
            break;
        case OPT_CHUNK:
            if (!parse_size(optarg, &opt->chunk_size))
                return usage_error("--chunk-size wants 1 to 1073741824, not",
                                   optarg);
            break;
        case OPT_NO_GATHER:
            opt->no_gather = true;
            break;
        case OPT_PRETTY:
            opt->pretty = true;
            break;
        case 'h':
        case OPT_HELP:
            print_usage(stdout);
            return finish_output(EXIT_VALID);
        case ':':
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

/* Reads what the input has, up to len bytes: a pipe's reader sees each
 * line as it comes. Returns the count (0 at the end), or -1 with errno
 * set. */
static ssize_t
read_some(int fd, uint8_t *buf, size_t len)
{
    for (;;) {
        ssize_t n = read(fd, buf, len);
        if (n >= 0 || (errno != EINTR && errno != EAGAIN))
            return n;
        if (errno == EAGAIN) {
            /* a non-blocking input (a shared terminal, a socket): wait */
            struct pollfd pfd = {fd, POLLIN, 0};
            if (poll(&pfd, 1, -1) < 0 && errno != EINTR)
                return -1;
        }
    }
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
        ssize_t n = read_some(fd, s->buf, s->buf_size);
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

/* The whole of an input in memory: mapped for a regular file, read for a
 * pipe. */
typedef struct whole_input {
    uint8_t *data;
    size_t len;
    bool mapped;
} whole_input;

static bool
read_whole(session *s, int fd, whole_input *w)
{
    struct stat st;
    size_t cap = 0;

    memset(w, 0, sizeof *w);
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
        void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        if (p != MAP_FAILED) {
            w->data = p;
            w->len = (size_t)st.st_size;
            w->mapped = true;
            return true;
        }
    }
    for (;;) {
        ssize_t n;
        if (w->len == cap) {
            uint8_t *p;
            cap = cap ? cap * 2 : READ_SIZE;
            p = realloc(w->data, cap);
            if (p == NULL) {
                complain(s, s->file, strerror(ENOMEM));
                free(w->data);
                return false;
            }
            w->data = p;
        }
        n = read_some(fd, w->data + w->len, cap - w->len);
        if (n < 0) {
            complain(s, s->file, strerror(errno));
            free(w->data);
            return false;
        }
        if (n == 0)
            return true;
        w->len += (size_t)n;
    }
}

static void
free_whole(whole_input *w)
{
    if (w->mapped)
        munmap(w->data, w->len);
    else
        free(w->data);
}

/* ------------------------------------------------------------ reports */

static void
report(session *s, report_doc *doc)
{
    progress_clear(&s->progress);
    doc->file = s->file;
    report_document(stdout, s->opt->format, s->opt->quiet, doc);
    worsen(s, doc->error != NULL ? EXIT_INVALID : EXIT_VALID);
}

/* The outcome of a document decoded with begin, feed and finish. */
static void
report_decoded(session *s, ixj_status st, const ixj_result *r, report_doc *doc)
{
    doc->type = ixj_decoder_type(s->decoder);
    doc->error = NULL;
    if (st == IXJ_OK) {
        doc->unknown_fields = r->unknown_fields;
        doc->unrecognized_enums = r->unrecognized_enums;
    } else if (st == IXJ_ERR_NOMEM) {
        complain(s, s->file, ixj_status_message(st));
        return;
    } else {
        doc->error = ixj_decoder_error(s->decoder);
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
             size_t len, report_doc *doc)
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
    report_decoded(s, st, &r, doc);
}

static int
on_record(void *ctx, const ixj_document_info *info)
{
    session *s = ctx;
    report_doc doc = {0};

    doc.record = info->record;
    doc.type = info->type;
    doc.error = info->error;
    if (info->result != NULL) {
        doc.unknown_fields = info->result->unknown_fields;
        doc.unrecognized_enums = info->result->unrecognized_enums;
    }
    s->documents++;
    report(s, &doc);
    return 0;
}

static void
validate_ndjson(session *s, int fd)
{
    ixj_result r;
    ixj_status st;

    st = ixj_decoder_begin_stream(s->decoder, s->opt->type, IXJ_STREAM_NDJSON,
                                  on_record, s);
    if (st == IXJ_OK && !feed_input(s, fd, &st)) {
        ixj_decoder_reset(s->decoder);
        return;
    }
    if (st == IXJ_OK)
        st = ixj_decoder_finish(s->decoder, &r);
    if (st != IXJ_OK) /* only a lack of memory ends an NDJSON stream */
        complain(s, s->file, ixj_status_message(st));
}

static int
on_har_entry(void *ctx, const har_entry *e)
{
    session *s = ctx;
    report_doc doc = {0};
    ixj_type type;
    size_t len = e->text_len;

    if (!endpoint_response_type(e->method, e->method_len, e->url, e->url_len,
                                &type))
        return 0;
    /* A capture may hold a request that got no response (status 0, as
     * browsers and proxies write it) or whose body it did not record:
     * nothing to validate, and no fault of the API's. */
    if (e->status <= 0 || e->text == NULL) {
        notice(s, s->file, e->index,
               e->status <= 0 ? "no response recorded; not validated"
                              : "response body not recorded; not validated");
        return 0;
    }
    if (e->status < 200 || e->status > 299)
        type = IXJ_TYPE_ERROR_BODY; /* the API's error body */
    if (e->base64) {
        long long n = base64_decode(e->text, e->text_len);
        if (n < 0) {
            complain_record(s, s->file, e->index,
                            "response body is not valid base64");
            return 0;
        }
        len = (size_t)n;
    }
    doc.record = e->index;
    doc.method = e->method;
    doc.method_len = e->method_len;
    doc.url = e->url;
    doc.url_len = e->url_len;
    doc.http_status = e->status;
    validate_one(s, type, -1, (const uint8_t *)e->text, len, &doc);
    progress_update(&s->progress, s->bytes, s->documents);
    return 0;
}

static void
validate_har(session *s, int fd)
{
    whole_input w;
    char err[256];

    if (!read_whole(s, fd, &w))
        return;
    s->bytes = w.len;
    if (har_read(w.data, w.len, on_har_entry, s, err, sizeof err) != 0)
        complain(s, s->file, err);
    free_whole(&w);
}

/* A session's decoder checks in the mode asked; validate keeps nothing
 * of what it checks (memory stays flat whatever the input's size). */
static bool
session_init(session *s, const options *opt, bool validate_only)
{
    memset(s, 0, sizeof *s);
    s->opt = opt;
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
    if (s->buf == NULL || s->decoder == NULL) {
        free(s->buf);
        ixj_decoder_free(s->decoder);
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
    options opt = {.type = IXJ_TYPE_AUTO, .chunk_size = READ_SIZE};
    static char *const stdin_only[] = {"-", NULL};
    char *const *files;
    session s;
    int status = parse_options(argc, argv, validate_options, &opt);

    if (status >= 0)
        return status;
    if (opt.kind == INPUT_HAR && opt.type_given && opt.type != IXJ_TYPE_AUTO)
        return usage_error("--har takes each entry's type from its endpoint; "
                           "--type must be auto",
                           NULL);
    if (!session_init(&s, &opt, true))
        return EXIT_TROUBLE;
    files = optind < argc ? argv + optind : stdin_only;
    for (; *files != NULL; files++) {
        report_doc doc = {0};
        int fd = open_input(&s, *files);
        if (fd < 0)
            continue;
        s.file = *files;
        s.bytes = s.documents = 0;
        progress_start(&s.progress, !opt.quiet, s.file);
        if (opt.kind == INPUT_NDJSON)
            validate_ndjson(&s, fd);
        else if (opt.kind == INPUT_HAR)
            validate_har(&s, fd);
        else
            validate_one(&s, opt.type, fd, NULL, 0, &doc);
        progress_clear(&s.progress);
        close_input(fd);
    }
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

static int
dump_result(session *s, const ixj_result *r)
{
    ixj_encoder *e = ixj_encoder_new(NULL);
    ixj_status st;

    if (e == NULL) {
        complain(s, NULL, ixj_status_message(IXJ_ERR_NOMEM));
        return EXIT_TROUBLE;
    }
    st = ixj_encode_to(e, r->type, r->as.value,
                       s->opt->pretty ? IXJ_ENCODE_PRETTY : 0u, write_stdout,
                       NULL);
    ixj_encoder_free(e);
    if (st != IXJ_OK && st != IXJ_STOPPED) {
        complain(s, s->file, ixj_status_message(st));
        return EXIT_TROUBLE;
    }
    if (!s->opt->pretty)
        putchar('\n'); /* a pretty encoding ends with its own */
    return finish_output(EXIT_VALID);
}

static int
cmd_dump(int argc, char **argv)
{
    options opt = {.type = IXJ_TYPE_AUTO, .chunk_size = READ_SIZE};
    session s;
    report_doc doc = {0};
    ixj_result r;
    ixj_status st;
    int fd, status = parse_options(argc, argv, dump_options, &opt);

    if (status >= 0)
        return status;
    if (opt.type == IXJ_TYPE_ANY)
        return usage_error("dump has no output for --type=any (it keeps no "
                           "value); use validate",
                           NULL);
    if (argc - optind > 1)
        return usage_error("dump takes one FILE", NULL);
    if (!session_init(&s, &opt, false))
        return EXIT_TROUBLE;
    s.file = optind < argc ? argv[optind] : "-";
    fd = open_input(&s, s.file);
    if (fd >= 0) {
        st = ixj_decoder_begin(s.decoder, opt.type);
        if (st != IXJ_OK) {
            complain(&s, s.file, ixj_status_message(st));
        } else if (feed_input(&s, fd, &st)) {
            if (st == IXJ_OK)
                st = ixj_decoder_finish(s.decoder, &r);
            if (st == IXJ_OK) {
                worsen(&s, dump_result(&s, &r));
            } else if (st == IXJ_ERR_NOMEM) {
                complain(&s, s.file, ixj_status_message(st));
            } else {
                doc.file = s.file;
                doc.error = ixj_decoder_error(s.decoder);
                report_error_text(stderr, &doc);
                worsen(&s, EXIT_INVALID);
            }
        }
        close_input(fd);
    }
    status = s.status;
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
    int status = parse_options(argc, argv, schema_options, &opt);

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

/* ------------------------------------------------------------ main */

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
    if (strcmp(command, "--version") == 0) {
        int yajl = yajl_version();
        printf("ixjob %s (libixjob %s, yajl %d.%d.%d)\n", IXJ_VERSION_STRING,
               ixj_version(), yajl / 10000, yajl / 100 % 100, yajl % 100);
        return finish_output(EXIT_VALID);
    }
    if (strcmp(command, "validate") == 0)
        return cmd_validate(argc - 1, argv + 1);
    if (strcmp(command, "dump") == 0)
        return cmd_dump(argc - 1, argv + 1);
    if (strcmp(command, "schema") == 0)
        return cmd_schema(argc - 1, argv + 1);
    return usage_error("unknown command", command);
}
