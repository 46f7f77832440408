/* SPDX-License-Identifier: MIT */
/*
 * curl_client: a small client of the indexing-job API on libcurl, which
 * decodes every response as it streams in: the write callback hands each
 * chunk straight to ixj_decoder_feed (the body is never buffered), element
 * callbacks print each data source or job as soon as its last byte has
 * arrived, and the result or the error is taken when the transfer ends.
 *
 *   curl_client [OPTION...] start KNOWLEDGE_BASE_UUID [DATA_SOURCE_UUID...]
 *   curl_client [OPTION...] poll JOB_UUID
 *   curl_client [OPTION...] sources JOB_UUID
 *   curl_client [OPTION...] list
 *
 *   start    POST /v2/gen-ai/indexing_jobs with the create request (built
 *            with ixj_encode); no data source: all of them are indexed.
 *   poll     GET /v2/gen-ai/indexing_jobs/{uuid} until the job's phase is
 *            terminal (SUCCEEDED, FAILED, ERROR or CANCELLED).
 *   sources  GET /v2/gen-ai/indexing_jobs/{uuid}/data_sources, once.
 *   list     GET /v2/gen-ai/indexing_jobs?page=1&per_page=N, then every
 *            links.pages.next until a page has none.
 *
 *   --api-url=URL    where the API is (default $DIGITALOCEAN_API_URL, else
 *                    https://api.digitalocean.com)
 *   --interval=SEC   seconds between polls (default 5; fractions allowed)
 *   --max-polls=N    give up after N requests (default 0: never)
 *   --per-page=N     jobs per page of list (default 20)
 *   --timeout=SEC    longest time for one request (default 0: no limit)
 *   --verbose        write the size of each chunk received to stderr
 *
 * The token comes from $DIGITALOCEAN_TOKEN and goes out as
 * "Authorization: Bearer <token>"; without it, no Authorization header is
 * sent (and the API answers 401). Responses may be gzip-compressed
 * (CURLOPT_ACCEPT_ENCODING ""). Links are followed only on the origin of
 * the API URL, so the token never goes anywhere else; redirects are not
 * followed.
 *
 * Output, on stdout, one line each, in this order:
 *   > METHOD URL [BODY]        a request (BODY: the JSON sent)
 *   < STATUS                   its status, when the body starts
 *   source PATH UUID STATUS files=N/N bytes=N/N [error=TEXT]
 *                              a data source, streamed
 *   job PATH UUID phase=P status=S sources=N/N tokens=N
 *                              a job, streamed in a list
 *   page N/N jobs=N total=N    a page of a list, at its end
 * then, after the last request:
 *   job PATH ...               start, poll: the job (after each poll)
 *   started UUID knowledge_base=KB data_sources=N
 *   finished UUID PHASE after N requests
 *   sources N
 *   listed N jobs on N pages
 * Absent values print as "-". Lines printed before an error stand: an
 * element is printed once it is complete and valid, and the rest of the
 * document may still fail.
 *
 * Errors go to stderr as one line, "curl_client: METHOD URL: WHAT":
 *   HTTP 404: not_found: The resource ... (request_id 4d7b...)
 *   HTTP 200: body truncated after N bytes: LINE:COL: truncated at PATH: ...
 *   HTTP 502: body is not JSON (text/html): 1:1: syntax at $: ...
 *   HTTP 200: invalid job body: LINE:COL: CODE at PATH: MESSAGE[: DETAIL]
 *   HTTP 200: links.pages.next leaves ORIGIN: URL
 *   still BATCH_JOB_PHASE_RUNNING after N requests      (--max-polls)
 *   curl error 7: Failed to connect to ...
 * ("(DIGITALOCEAN_TOKEN is not set)" follows a 401 sent without a token.)
 *
 * Exit status: 0 done (poll: the job SUCCEEDED); 1 an error above; 2 a
 * usage error; 3 poll: the job ended FAILED, ERROR or CANCELLED.
 *
 *   cc curl_client.c $(pkg-config --cflags --libs ixjob libcurl)
 *   DIGITALOCEAN_TOKEN=... ./curl_client poll 2a91d0c8-...
 *
 * tests/test_curl_client.sh runs it against tests/http/server.py, a fake
 * of the API on 127.0.0.1 that sends its bodies slowly, in odd-sized
 * pieces, chunked, gzipped, cut short or as HTML.
 */
#define _POSIX_C_SOURCE 200809L /* nanosleep */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <curl/curl.h>
#include <ixjob/ixjob.h>

#define PROGRAM         "curl_client"
#define DEFAULT_API_URL "https://api.digitalocean.com"
#define JOBS_PATH       "/v2/gen-ai/indexing_jobs"

enum { EXIT_DONE = 0, EXIT_ERROR = 1, EXIT_USAGE = 2, EXIT_JOB_FAILED = 3 };

struct options {
    const char *api_url;
    double interval;
    unsigned long max_polls;
    unsigned long per_page;
    long timeout_ms;
    int verbose;
};

/* What every request shares: one curl handle (its connection is reused)
 * and one decoder (its memory too). */
struct client {
    const struct options *opt;
    CURL *curl;
    ixj_decoder *dec;
    struct curl_slist *headers;      /* of every request */
    struct curl_slist *post_headers; /* the same and a Content-Type */
    char origin[512];                /* scheme://host[:port] of the API URL */
    int has_token;
    char errbuf[CURL_ERROR_SIZE];
};

/* One request and what its write callback found. */
struct exchange {
    struct client *c;
    const char *method;
    const char *url;
    ixj_type type;            /* the type of a 2xx body */
    long status;              /* HTTP status, known once the body starts */
    int begun;                /* the decoder has begun this body */
    ixj_status fed;           /* the first feed that failed, or IXJ_OK */
    unsigned long long bytes; /* body bytes fed (after gzip) */
    ixj_result result;        /* on success; valid until the next request */
};

/* ------------------------------------------------------------ output */

static const char *
text(const ixj_string *s)
{
    return s->ptr != NULL ? s->ptr : "-";
}

/* A present number as text, or "-". */
static const char *
u64(char *buf, size_t size, int present, unsigned long long v)
{
    if (!present)
        return "-";
    snprintf(buf, size, "%llu", v);
    return buf;
}

static const char *
i64(char *buf, size_t size, int present, long long v)
{
    if (!present)
        return "-";
    snprintf(buf, size, "%lld", v);
    return buf;
}

static const char *
enum_text(int present, ixj_enum which, int value, const ixj_string *raw)
{
    const char *t = present ? ixj_enum_text(which, value, raw) : NULL;
    return t != NULL ? t : "-";
}

static void
print_source(const char *path, const ixj_data_source_job *s)
{
    char a[24], b[24], c[24], d[24];
    printf("source %s %s %s files=%s/%s bytes=%s/%s", path,
           text(&s->data_source_uuid),
           enum_text(IXJ_HAS(s, IXJ_DATA_SOURCE_JOB_STATUS),
                     IXJ_ENUM_DATA_SOURCE_STATUS, s->status, &s->status_raw),
           u64(a, sizeof a, IXJ_HAS(s, IXJ_DATA_SOURCE_JOB_INDEXED_FILE_COUNT),
               s->indexed_file_count),
           u64(b, sizeof b, IXJ_HAS(s, IXJ_DATA_SOURCE_JOB_TOTAL_FILE_COUNT),
               s->total_file_count),
           u64(c, sizeof c, IXJ_HAS(s, IXJ_DATA_SOURCE_JOB_TOTAL_BYTES_INDEXED),
               s->total_bytes_indexed),
           u64(d, sizeof d, IXJ_HAS(s, IXJ_DATA_SOURCE_JOB_TOTAL_BYTES),
               s->total_bytes));
    if (s->error_msg.len > 0)
        printf(" error=%s", s->error_msg.ptr);
    putchar('\n');
}

static void
print_job(const char *path, const ixj_job *j)
{
    char a[24], b[24], c[24];
    printf("job %s %s phase=%s status=%s sources=%s/%s tokens=%s\n", path,
           text(&j->uuid),
           enum_text(IXJ_HAS(j, IXJ_JOB_PHASE), IXJ_ENUM_BATCH_JOB_PHASE,
                     j->phase, &j->phase_raw),
           enum_text(IXJ_HAS(j, IXJ_JOB_STATUS), IXJ_ENUM_INDEX_JOB_STATUS,
                     j->status, &j->status_raw),
           i64(a, sizeof a, IXJ_HAS(j, IXJ_JOB_COMPLETED_DATASOURCES),
               j->completed_datasources),
           i64(b, sizeof b, IXJ_HAS(j, IXJ_JOB_TOTAL_DATASOURCES),
               j->total_datasources),
           u64(c, sizeof c, IXJ_HAS(j, IXJ_JOB_TOTAL_TOKENS), j->total_tokens));
}

/* Runs inside ixj_decoder_feed, as soon as an element is complete and
 * valid: it is printed, then its memory is reused. */
static int
on_element(void *ctx, const ixj_element_info *info)
{
    (void)ctx;
    switch (info->element) {
    case IXJ_ELEMENT_DATA_SOURCE_JOBS:
    case IXJ_ELEMENT_INDEXED_DATA_SOURCES:
        print_source(info->path, info->value);
        break;
    case IXJ_ELEMENT_JOBS:
        print_job(info->path, info->value);
        break;
    default:
        break;
    }
    return 0;
}

/* --------------------------------------------------------- requests */

/* "curl_client: METHOD URL: " then the rest of the line. */
static void
fail_prefix(const struct exchange *x)
{
    fprintf(stderr, PROGRAM ": %s %s: ", x->method, x->url);
}

static void
report_curl(const struct exchange *x, CURLcode rc)
{
    fail_prefix(x);
    fprintf(stderr, "curl error %d: %s\n", (int)rc,
            x->c->errbuf[0] != '\0' ? x->c->errbuf : curl_easy_strerror(rc));
}

/* The decoder's error, after what the body was found to be. */
static void
report_decode(const struct exchange *x, CURLcode rc)
{
    const ixj_error *e = ixj_decoder_error(x->c->dec);
    const char *ctype = NULL;

    fail_prefix(x);
    fprintf(stderr, "HTTP %ld: ", x->status);
    if (e->code == IXJ_ERR_TRUNCATED) {
        fprintf(stderr, "body truncated after %llu bytes", x->bytes);
    } else if (e->code == IXJ_ERR_SYNTAX) {
        curl_easy_getinfo(x->c->curl, CURLINFO_CONTENT_TYPE, &ctype);
        fprintf(stderr, "body is not JSON (%s)",
                ctype != NULL ? ctype : "no Content-Type");
    } else {
        fprintf(stderr, "invalid %s body",
                ixj_type_name(ixj_decoder_type(x->c->dec)));
    }
    fprintf(stderr, ": %llu:%llu: %s at %s: %s%s%s",
            (unsigned long long)e->line, (unsigned long long)e->column,
            ixj_status_name(e->code), e->path, e->message,
            e->detail[0] != '\0' ? ": " : "", e->detail);
    /* A connection cut short: say so too. */
    if (rc != CURLE_OK && rc != CURLE_WRITE_ERROR)
        fprintf(stderr, " (curl error %d: %s)", (int)rc,
                x->c->errbuf[0] != '\0' ? x->c->errbuf
                                        : curl_easy_strerror(rc));
    fputc('\n', stderr);
}

/* The status is known once the headers are in, before the first byte of
 * the body: decode the endpoint's type, or an error body. */
static int
begin_body(struct exchange *x)
{
    ixj_type type;
    curl_easy_getinfo(x->c->curl, CURLINFO_RESPONSE_CODE, &x->status);
    type = x->status >= 200 && x->status < 300 ? x->type : IXJ_TYPE_ERROR_BODY;
    printf("< %ld\n", x->status);
    x->begun = 1;
    x->fed = ixj_decoder_begin(x->c->dec, type);
    return x->fed == IXJ_OK;
}

static size_t
on_body(char *data, size_t size, size_t nmemb, void *ctx)
{
    struct exchange *x = ctx;
    size_t len = size * nmemb;

    if (!x->begun && !begin_body(x))
        return 0; /* not len: curl ends the transfer */
    if (x->c->opt->verbose)
        fprintf(stderr, "%zu bytes\n", len);
    x->bytes += len;
    x->fed = ixj_decoder_feed(x->c->dec, data, len);
    /* A body that cannot be valid need not be read to its end. */
    return x->fed == IXJ_OK ? len : 0;
}

/*
 * Sends one request and decodes its response as it arrives. body, when
 * not NULL, is POSTed. Returns 0 with x->result set by a 2xx response, or
 * 1 after reporting why not.
 */
static int
request(struct client *c, struct exchange *x, const char *method,
        const char *url, ixj_type type, const char *body, size_t body_len)
{
    CURLcode rc;
    ixj_status st;

    memset(x, 0, sizeof *x);
    x->c = c;
    x->method = method;
    x->url = url;
    x->type = type;
    x->fed = IXJ_OK;
    c->errbuf[0] = '\0';
    /* Whatever the last request left (an empty body begins a document it
     * never ends): begin must find no document in progress. */
    ixj_decoder_reset(c->dec);

    if (body != NULL)
        printf("> %s %s %.*s\n", method, url, (int)body_len, body);
    else
        printf("> %s %s\n", method, url);
    curl_easy_setopt(c->curl, CURLOPT_URL, url);
    if (body != NULL) {
        curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, c->post_headers);
        curl_easy_setopt(c->curl, CURLOPT_POSTFIELDS, body);
        curl_easy_setopt(c->curl, CURLOPT_POSTFIELDSIZE_LARGE,
                         (curl_off_t)body_len);
    } else {
        curl_easy_setopt(c->curl, CURLOPT_HTTPHEADER, c->headers);
        curl_easy_setopt(c->curl, CURLOPT_HTTPGET, 1L);
    }
    curl_easy_setopt(c->curl, CURLOPT_WRITEDATA, x);

    rc = curl_easy_perform(c->curl);

    if (x->begun && x->fed != IXJ_OK) {
        /* The decoder refused the body (and the transfer was ended). */
        report_decode(x, rc);
        return 1;
    }
    if (!x->begun) {
        if (rc != CURLE_OK) { /* no response: connection, TLS, timeout */
            report_curl(x, rc);
            return 1;
        }
        if (!begin_body(x)) { /* a response without a body */
            report_decode(x, rc);
            return 1;
        }
    }
    if (x->bytes == 0) {
        fail_prefix(x);
        fprintf(stderr, "HTTP %ld with an empty body%s\n", x->status,
                x->status == 401 && !c->has_token
                    ? " (DIGITALOCEAN_TOKEN is not set)"
                    : "");
        return 1;
    }
    st = ixj_decoder_finish(c->dec, &x->result);
    if (st != IXJ_OK) {
        report_decode(x, rc);
        return 1;
    }
    if (rc != CURLE_OK) { /* a whole document, then a transfer error */
        report_curl(x, rc);
        return 1;
    }
    if (x->result.type == IXJ_TYPE_ERROR_BODY) {
        const ixj_error_body *eb = x->result.as.error_body;
        fail_prefix(x);
        fprintf(stderr, "HTTP %ld: %s: %s (request_id %s)%s\n", x->status,
                text(&eb->id), text(&eb->message), text(&eb->request_id),
                x->status == 401 && !c->has_token
                    ? " (DIGITALOCEAN_TOKEN is not set)"
                    : "");
        return 1;
    }
    return 0;
}

/* The job of a {"job"} response, or NULL after saying it has none. */
static const ixj_job *
job_of(const struct exchange *x)
{
    const ixj_job_envelope *env = x->result.as.job;
    if (env->job != NULL) /* present */
        return env->job;
    fail_prefix(x);
    fprintf(stderr, "HTTP %ld: the body has no job\n", x->status);
    return NULL;
}

/* url is base + path + escaped uuid + suffix; NULL when out of memory. */
static char *
job_url(struct client *c, const char *uuid, const char *suffix)
{
    char *escaped = curl_easy_escape(c->curl, uuid, 0);
    char *url = NULL;
    size_t size;
    if (escaped == NULL)
        return NULL;
    size = strlen(c->opt->api_url) + sizeof JOBS_PATH + 1 + strlen(escaped) +
           strlen(suffix);
    url = malloc(size);
    if (url != NULL)
        snprintf(url, size, "%s%s/%s%s", c->opt->api_url, JOBS_PATH, escaped,
                 suffix);
    curl_free(escaped);
    return url;
}

static int
out_of_memory(void)
{
    fprintf(stderr, PROGRAM ": out of memory\n");
    return EXIT_ERROR;
}

/* --------------------------------------------------------- commands */

static int
encode_create(char **out, size_t *len, int argc, char **argv)
{
    ixj_create_request req = {0};
    ixj_string *uuids = NULL;
    ixj_encoder *e = ixj_encoder_new(NULL);
    ixj_status st;
    int ok = 0;

    *out = NULL;
    if (e == NULL)
        return 0;
    req.knowledge_base_uuid.ptr = argv[0];
    req.knowledge_base_uuid.len = strlen(argv[0]);
    req.present |= 1u << IXJ_CREATE_REQUEST_KNOWLEDGE_BASE_UUID;
    if (argc > 1) { /* none: every data source is indexed */
        uuids = calloc((size_t)argc - 1, sizeof *uuids);
        if (uuids == NULL)
            goto done;
        for (int i = 1; i < argc; i++) {
            uuids[i - 1].ptr = argv[i];
            uuids[i - 1].len = strlen(argv[i]);
        }
        req.data_source_uuids = uuids;
        req.n_data_source_uuids = (size_t)argc - 1;
        req.present |= 1u << IXJ_CREATE_REQUEST_DATA_SOURCE_UUIDS;
    }
    /* First the length, then the text. */
    st = ixj_encode(e, IXJ_TYPE_CREATE_REQUEST, &req, 0, NULL, 0, len);
    if (st == IXJ_ERR_SPACE && (*out = malloc(*len + 1)) != NULL)
        st = ixj_encode(e, IXJ_TYPE_CREATE_REQUEST, &req, 0, *out, *len + 1,
                        len);
    if (st == IXJ_OK) {
        ok = 1;
    } else if (st != IXJ_ERR_NOMEM && st != IXJ_ERR_SPACE) {
        const ixj_error *err = ixj_encoder_error(e);
        fprintf(stderr, PROGRAM ": cannot encode the request: %s at %s: %s\n",
                ixj_status_name(err->code), err->path, err->message);
        ok = -1;
    }
done:
    if (ok != 1) {
        free(*out);
        *out = NULL;
    }
    free(uuids);
    ixj_encoder_free(e);
    return ok;
}

static int
cmd_start(struct client *c, int argc, char **argv)
{
    char url[1024];
    char *body;
    size_t len;
    struct exchange x;
    const ixj_job *job;
    int ok = encode_create(&body, &len, argc, argv);

    if (ok < 0)
        return EXIT_USAGE;
    if (ok == 0)
        return out_of_memory();
    snprintf(url, sizeof url, "%s%s", c->opt->api_url, JOBS_PATH);
    ok = request(c, &x, "POST", url, IXJ_TYPE_JOB, body, len) == 0 &&
         (job = job_of(&x)) != NULL;
    if (ok) {
        print_job("$.job", job);
        printf("started %s knowledge_base=%s data_sources=%zu\n",
               text(&job->uuid), text(&job->knowledge_base_uuid),
               job->n_data_source_uuids);
    }
    free(body);
    return ok ? EXIT_DONE : EXIT_ERROR;
}

static int
terminal(const ixj_job *job)
{
    if (!IXJ_HAS(job, IXJ_JOB_PHASE))
        return 0;
    switch (job->phase) {
    case IXJ_BATCH_JOB_PHASE_SUCCEEDED:
    case IXJ_BATCH_JOB_PHASE_FAILED:
    case IXJ_BATCH_JOB_PHASE_ERROR:
    case IXJ_BATCH_JOB_PHASE_CANCELLED:
        return 1;
    default:
        return 0; /* PENDING, RUNNING, UNKNOWN, or newer than this code */
    }
}

static void
pause_for(double seconds)
{
    struct timespec ts;
    ts.tv_sec = (time_t)seconds;
    ts.tv_nsec = (long)((seconds - (double)ts.tv_sec) * 1e9);
    while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
        ;
}

static int
cmd_poll(struct client *c, const char *uuid)
{
    char *url = job_url(c, uuid, "");
    struct exchange x;
    const ixj_job *job;
    int status = EXIT_ERROR;

    if (url == NULL)
        return out_of_memory();
    for (unsigned long n = 1;; n++) {
        if (request(c, &x, "GET", url, IXJ_TYPE_JOB, NULL, 0) != 0 ||
            (job = job_of(&x)) == NULL)
            break;
        print_job("$.job", job);
        if (terminal(job)) {
            printf("finished %s %s after %lu requests\n", text(&job->uuid),
                   ixj_batch_job_phase_name(job->phase), n);
            status = job->phase == IXJ_BATCH_JOB_PHASE_SUCCEEDED
                         ? EXIT_DONE
                         : EXIT_JOB_FAILED;
            break;
        }
        if (c->opt->max_polls != 0 && n >= c->opt->max_polls) {
            fprintf(
                stderr, PROGRAM ": GET %s: still %s after %lu requests\n", url,
                enum_text(IXJ_HAS(job, IXJ_JOB_PHASE), IXJ_ENUM_BATCH_JOB_PHASE,
                          job->phase, &job->phase_raw),
                n);
            break;
        }
        pause_for(c->opt->interval);
    }
    free(url);
    return status;
}

static int
cmd_sources(struct client *c, const char *uuid)
{
    char *url = job_url(c, uuid, "/data_sources");
    struct exchange x;
    int ok;

    if (url == NULL)
        return out_of_memory();
    ok = request(c, &x, "GET", url, IXJ_TYPE_DATA_SOURCES, NULL, 0) == 0;
    if (ok)
        printf("sources %zu\n",
               x.result.as.data_sources->n_indexed_data_sources);
    free(url);
    return ok ? EXIT_DONE : EXIT_ERROR;
}

static int
cmd_list(struct client *c)
{
    char *url;
    struct exchange x;
    unsigned long long jobs = 0, pages = 0;
    int status = EXIT_ERROR;
    size_t size = strlen(c->opt->api_url) + sizeof JOBS_PATH + 64;

    url = malloc(size);
    if (url == NULL)
        return out_of_memory();
    snprintf(url, size, "%s%s?page=1&per_page=%lu", c->opt->api_url, JOBS_PATH,
             c->opt->per_page);
    for (;;) {
        static const ixj_meta no_meta; /* for a list without meta */
        const ixj_job_list *list;
        const ixj_meta *meta;
        const ixj_string *next = NULL;
        char a[24], b[24], t[24];

        if (request(c, &x, "GET", url, IXJ_TYPE_LIST, NULL, 0) != 0)
            break;
        list = x.result.as.list;
        /* Object members are pointers, NULL when absent. */
        meta = list->meta != NULL ? list->meta : &no_meta;
        if (list->links != NULL && list->links->pages != NULL)
            next = &list->links->pages->next;
        pages++;
        jobs += list->n_jobs;
        printf("page %s/%s jobs=%zu total=%s\n",
               i64(a, sizeof a, IXJ_HAS(meta, IXJ_META_PAGE), meta->page),
               i64(b, sizeof b, IXJ_HAS(meta, IXJ_META_PAGES), meta->pages),
               list->n_jobs,
               i64(t, sizeof t, IXJ_HAS(meta, IXJ_META_TOTAL), meta->total));
        if (next == NULL || next->len == 0) {
            printf("listed %llu jobs on %llu pages\n", jobs, pages);
            status = EXIT_DONE;
            break;
        }
        /* The token goes with every request: follow links only where the
         * API is. And no further than the last page, so that links that
         * go round in a circle end. */
        if (strncmp(next->ptr, c->origin, strlen(c->origin)) != 0 ||
            next->ptr[strlen(c->origin)] != '/') {
            fail_prefix(&x);
            fprintf(stderr, "HTTP %ld: links.pages.next leaves %s: %s\n",
                    x.status, c->origin, next->ptr);
            break;
        }
        if (IXJ_HAS(meta, IXJ_META_PAGES) && meta->pages >= 0 &&
            pages >= (unsigned long long)meta->pages) {
            fail_prefix(&x);
            fprintf(stderr,
                    "HTTP %ld: links.pages.next after %llu pages of "
                    "%lld\n",
                    x.status, pages, (long long)meta->pages);
            break;
        }
        /* The result goes with the next request: copy the link first. */
        free(url);
        url = malloc(next->len + 1);
        if (url == NULL) {
            status = out_of_memory();
            break;
        }
        memcpy(url, next->ptr, next->len + 1);
    }
    free(url);
    return status;
}

/* ----------------------------------------------------------- set-up */

/* The request headers, with a bearer token and one more line when they
 * are not NULL; NULL when out of memory. */
static struct curl_slist *
headers(const char *token, const char *more)
{
    struct curl_slist *list = NULL, *h;
    char *auth = NULL;

    if (token != NULL) {
        size_t size = strlen(token) + sizeof "Authorization: Bearer ";
        auth = malloc(size);
        if (auth == NULL)
            return NULL;
        snprintf(auth, size, "Authorization: Bearer %s", token);
    }
    const char *lines[] = {"Accept: application/json",
                           "Expect:", /* no 100-continue round trip */
                           auth, more};
    for (size_t i = 0; i < sizeof lines / sizeof lines[0]; i++) {
        if (lines[i] == NULL)
            continue;
        h = curl_slist_append(list, lines[i]);
        if (h == NULL) {
            curl_slist_free_all(list);
            list = NULL;
            break;
        }
        list = h;
    }
    free(auth);
    return list;
}

static int
client_init(struct client *c, const struct options *opt)
{
    static const ixj_element streamed[] = {IXJ_ELEMENT_DATA_SOURCE_JOBS,
                                           IXJ_ELEMENT_INDEXED_DATA_SOURCES,
                                           IXJ_ELEMENT_JOBS};
    const char *token = getenv("DIGITALOCEAN_TOKEN");
    const char *host;
    size_t origin_len;

    memset(c, 0, sizeof *c);
    c->opt = opt;

    /* The origin: up to the first "/" after "scheme://". */
    host = strstr(opt->api_url, "://");
    if (host == NULL || host[3] == '\0' || host[3] == '/') {
        fprintf(stderr, PROGRAM ": not an http(s) URL: %s\n", opt->api_url);
        return EXIT_USAGE;
    }
    origin_len = (size_t)(host + 3 - opt->api_url) + strcspn(host + 3, "/?#");
    if (origin_len >= sizeof c->origin) {
        fprintf(stderr, PROGRAM ": URL too long: %s\n", opt->api_url);
        return EXIT_USAGE;
    }
    memcpy(c->origin, opt->api_url, origin_len);
    c->origin[origin_len] = '\0';

    c->dec = ixj_decoder_new(NULL);
    c->curl = curl_easy_init();
    if (c->dec == NULL || c->curl == NULL)
        return out_of_memory();
    /* Scan each chunk as it comes (no gathering of small ones), so that
     * elements are printed as soon as their bytes are in. */
    if (ixj_decoder_set_option(c->dec, IXJ_OPT_GATHER, 0) != IXJ_OK)
        return out_of_memory();
    for (size_t i = 0; i < sizeof streamed / sizeof streamed[0]; i++)
        if (ixj_decoder_on_element(c->dec, streamed[i], on_element, NULL) !=
            IXJ_OK)
            return out_of_memory();

    if (token != NULL && strpbrk(token, "\r\n") != NULL) {
        fprintf(stderr, PROGRAM ": DIGITALOCEAN_TOKEN holds a line break\n");
        return EXIT_USAGE;
    }
    c->has_token = token != NULL && token[0] != '\0';
    c->headers = headers(c->has_token ? token : NULL, NULL);
    c->post_headers =
        headers(c->has_token ? token : NULL, "Content-Type: application/json");
    if (c->headers == NULL || c->post_headers == NULL)
        return out_of_memory();

    curl_easy_setopt(c->curl, CURLOPT_ERRORBUFFER, c->errbuf);
    curl_easy_setopt(c->curl, CURLOPT_USERAGENT,
                     "ixjob-curl-client/" IXJ_VERSION_STRING);
    curl_easy_setopt(c->curl, CURLOPT_ACCEPT_ENCODING, ""); /* gzip, ... */
    curl_easy_setopt(c->curl, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c->curl, CURLOPT_CONNECTTIMEOUT, 30L);
    curl_easy_setopt(c->curl, CURLOPT_TIMEOUT_MS, opt->timeout_ms);
#if LIBCURL_VERSION_NUM >= 0x075500 /* 7.85.0 */
    curl_easy_setopt(c->curl, CURLOPT_PROTOCOLS_STR, "http,https");
#else
    curl_easy_setopt(c->curl, CURLOPT_PROTOCOLS,
                     (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
    return EXIT_DONE;
}

static void
client_free(struct client *c)
{
    if (c->curl != NULL)
        curl_easy_cleanup(c->curl);
    curl_slist_free_all(c->headers);
    curl_slist_free_all(c->post_headers);
    ixj_decoder_free(c->dec);
}

/* ---------------------------------------------------------- options */

static int
usage(void)
{
    fprintf(stderr, "usage: " PROGRAM " [OPTION...] start KNOWLEDGE_BASE_UUID "
                    "[DATA_SOURCE_UUID...]\n"
                    "       " PROGRAM " [OPTION...] poll JOB_UUID\n"
                    "       " PROGRAM " [OPTION...] sources JOB_UUID\n"
                    "       " PROGRAM " [OPTION...] list\n"
                    "options: --api-url=URL --interval=SECONDS --max-polls=N "
                    "--per-page=N\n"
                    "         --timeout=SECONDS --verbose\n"
                    "environment: DIGITALOCEAN_TOKEN, DIGITALOCEAN_API_URL\n");
    return EXIT_USAGE;
}

/* The value of "--name=VALUE" or "--name VALUE" (advancing *i), or NULL
 * when argv[*i] is not that option. */
static const char *
option_value(int argc, char **argv, int *i, const char *name, int *missing)
{
    size_t n = strlen(name);
    if (strncmp(argv[*i], name, n) != 0)
        return NULL;
    if (argv[*i][n] == '=')
        return argv[*i] + n + 1;
    if (argv[*i][n] != '\0')
        return NULL;
    if (*i + 1 >= argc) {
        *missing = 1;
        return NULL;
    }
    return argv[++*i];
}

static int
parse_seconds(const char *s, double *out)
{
    char *end;
    double v;
    errno = 0;
    v = strtod(s, &end);
    if (errno != 0 || end == s || *end != '\0' || !(v >= 0.0 && v <= 1e6))
        return 0;
    *out = v;
    return 1;
}

static int
parse_count(const char *s, unsigned long *out)
{
    char *end;
    unsigned long v;
    if (*s < '0' || *s > '9')
        return 0;
    errno = 0;
    v = strtoul(s, &end, 10);
    if (errno != 0 || *end != '\0' || v > 1000000000ul)
        return 0;
    *out = v;
    return 1;
}

int
main(int argc, char **argv)
{
    struct options opt = {0};
    struct client c;
    const char *env_url = getenv("DIGITALOCEAN_API_URL");
    char *api_url;
    char **args; /* the operands, options taken out */
    const char *cmd;
    size_t n;
    double timeout = 0;
    int i, nargs = 0, options_end = 0, status;

    opt.api_url =
        env_url != NULL && env_url[0] != '\0' ? env_url : DEFAULT_API_URL;
    opt.interval = 5;
    opt.per_page = 20;
    args = calloc((size_t)argc + 1, sizeof *args);
    if (args == NULL)
        return out_of_memory();
    /* Options may come before or after the operands; "--" ends them. */
    for (i = 1; i < argc; i++) {
        const char *v;
        int missing = 0, ok = 1;
        if (options_end || strncmp(argv[i], "--", 2) != 0) {
            args[nargs++] = argv[i];
            continue;
        }
        if (strcmp(argv[i], "--") == 0) {
            options_end = 1;
        } else if (strcmp(argv[i], "--verbose") == 0) {
            opt.verbose = 1;
        } else if (strcmp(argv[i], "--help") == 0) {
            free(args);
            usage();
            return EXIT_DONE;
        } else if ((v = option_value(argc, argv, &i, "--api-url", &missing))) {
            opt.api_url = v;
        } else if ((v = option_value(argc, argv, &i, "--interval", &missing))) {
            ok = parse_seconds(v, &opt.interval);
        } else if ((v = option_value(argc, argv, &i, "--timeout", &missing))) {
            ok = parse_seconds(v, &timeout);
        } else if ((v = option_value(argc, argv, &i, "--max-polls",
                                     &missing))) {
            ok = parse_count(v, &opt.max_polls);
        } else if ((v = option_value(argc, argv, &i, "--per-page", &missing))) {
            ok = parse_count(v, &opt.per_page) && opt.per_page > 0;
        } else {
            ok = 0;
        }
        if (missing || !ok) {
            fprintf(stderr, PROGRAM ": bad option: %s\n", argv[i]);
            free(args);
            return usage();
        }
    }
    cmd = nargs > 0 ? args[0] : "";
    if (!((strcmp(cmd, "start") == 0 && nargs >= 2) ||
          ((strcmp(cmd, "poll") == 0 || strcmp(cmd, "sources") == 0) &&
           nargs == 2) ||
          (strcmp(cmd, "list") == 0 && nargs == 1))) {
        free(args);
        return usage();
    }
    opt.timeout_ms = (long)(timeout * 1000.0 + 0.5);

    /* The API URL without a trailing slash. */
    n = strlen(opt.api_url);
    while (n > 0 && opt.api_url[n - 1] == '/')
        n--;
    api_url = malloc(n + 1);
    if (api_url == NULL) {
        free(args);
        return out_of_memory();
    }
    memcpy(api_url, opt.api_url, n);
    api_url[n] = '\0';
    opt.api_url = api_url;

    /* Lines leave as they are printed, even into a pipe: a data source
     * shows up while the rest of its response is still on the way. */
    setvbuf(stdout, NULL, _IOLBF, 0);
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        free(api_url);
        free(args);
        fprintf(stderr, PROGRAM ": curl_global_init failed\n");
        return EXIT_ERROR;
    }
    status = client_init(&c, &opt);
    if (status == EXIT_DONE) {
        if (strcmp(cmd, "start") == 0)
            status = cmd_start(&c, nargs - 1, args + 1);
        else if (strcmp(cmd, "poll") == 0)
            status = cmd_poll(&c, args[1]);
        else if (strcmp(cmd, "sources") == 0)
            status = cmd_sources(&c, args[1]);
        else
            status = cmd_list(&c);
    }
    client_free(&c);
    curl_global_cleanup();
    free(api_url);
    free(args);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, PROGRAM ": cannot write the output\n");
        return EXIT_ERROR;
    }
    return status;
}
