/* SPDX-License-Identifier: MIT */
/*
 * summary: decode an indexing-job API response read in chunks (a file, or
 * standard input) and print a short human-readable summary, or the
 * decoder's error with its position and path.
 *
 *   cc summary.c $(pkg-config --cflags --libs ixjob) -o summary
 *   ./summary response.json
 */
#define _POSIX_C_SOURCE 200809L /* gmtime_r */

#include <stdio.h>
#include <string.h>
#include <time.h>

#include <ixjob/ixjob.h>

/* The text of a string field, or "-" when absent. */
static const char *
text(ixj_string s)
{
    return s.ptr != NULL ? s.ptr : "-";
}

static void
print_time(const char *label, const ixj_timestamp *t, int present)
{
    time_t seconds = (time_t)t->seconds; /* UTC, whatever the offset */
    struct tm tm;
    char text[64];
    if (!present || gmtime_r(&seconds, &tm) == NULL)
        return;
    strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S UTC", &tm);
    printf("  %-9s %s\n", label, text);
}

/* The text of an enum field, known or a literal newer than this library,
 * or "-" when absent. */
static const char *
enum_text(int present, ixj_enum which, int value, const ixj_string *raw)
{
    const char *t = present ? ixj_enum_text(which, value, raw) : NULL;
    return t != NULL ? t : "-";
}

static void
print_data_source(const ixj_data_source_job *ds)
{
    printf("    source %s: %s, %llu of %llu files indexed, %llu bytes\n",
           text(ds->data_source_uuid),
           enum_text(IXJ_HAS(ds, IXJ_DATA_SOURCE_JOB_STATUS),
                     IXJ_ENUM_DATA_SOURCE_STATUS, ds->status, &ds->status_raw),
           (unsigned long long)ds->indexed_file_count,
           (unsigned long long)ds->total_file_count,
           (unsigned long long)ds->total_bytes);
    if (ds->error_msg.len > 0)
        printf("      error: %s\n", ds->error_msg.ptr);
}

static void
print_job(const ixj_job *j)
{
    printf("job %s  phase %s  status %s\n", text(j->uuid),
           enum_text(IXJ_HAS(j, IXJ_JOB_PHASE), IXJ_ENUM_BATCH_JOB_PHASE,
                     j->phase, &j->phase_raw),
           enum_text(IXJ_HAS(j, IXJ_JOB_STATUS), IXJ_ENUM_INDEX_JOB_STATUS,
                     j->status, &j->status_raw));
    printf("  knowledge base %s\n", text(j->knowledge_base_uuid));
    printf("  data sources %lld of %lld done, total tokens %llu\n",
           (long long)j->completed_datasources, (long long)j->total_datasources,
           (unsigned long long)j->total_tokens);
    print_time("created", &j->created_at, IXJ_HAS(j, IXJ_JOB_CREATED_AT));
    print_time("updated", &j->updated_at, IXJ_HAS(j, IXJ_JOB_UPDATED_AT));
    print_time("finished", &j->finished_at, IXJ_HAS(j, IXJ_JOB_FINISHED_AT));
    for (size_t i = 0; i < j->n_data_source_jobs; i++)
        print_data_source(j->data_source_jobs[i]);
}

static void
print_result(const ixj_result *r)
{
    printf("type: %s\n", ixj_type_name(r->type));
    switch (r->type) {
    case IXJ_TYPE_JOB:
        /* An object member is a pointer, NULL when absent ("job": null). */
        if (r->as.job->job != NULL)
            print_job(r->as.job->job);
        break;
    case IXJ_TYPE_LIST:
        if (r->as.list->meta != NULL)
            printf("page %lld of %lld, %lld jobs in all\n",
                   (long long)r->as.list->meta->page,
                   (long long)r->as.list->meta->pages,
                   (long long)r->as.list->meta->total);
        for (size_t i = 0; i < r->as.list->n_jobs; i++)
            print_job(r->as.list->jobs[i]);
        break;
    case IXJ_TYPE_DATA_SOURCES:
        for (size_t i = 0; i < r->as.data_sources->n_indexed_data_sources; i++)
            print_data_source(r->as.data_sources->indexed_data_sources[i]);
        break;
    case IXJ_TYPE_SIGNED_URL:
        printf("report URL: %s\n", text(r->as.signed_url->signed_url));
        break;
    case IXJ_TYPE_ERROR_BODY:
        printf("API error %s: %s (request %s)\n", text(r->as.error_body->id),
               text(r->as.error_body->message),
               text(r->as.error_body->request_id));
        break;
    case IXJ_TYPE_CREATE_REQUEST:
        printf("create request for knowledge base %s, %zu data sources\n",
               text(r->as.create_request->knowledge_base_uuid),
               r->as.create_request->n_data_source_uuids);
        break;
    default:
        break;
    }
    if (r->unknown_fields || r->unrecognized_enums)
        printf("(%llu unknown fields skipped, %llu unrecognized enum values)\n",
               (unsigned long long)r->unknown_fields,
               (unsigned long long)r->unrecognized_enums);
}

int
main(int argc, char **argv)
{
    const char *name = argc > 1 ? argv[1] : "-";
    FILE *in = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
    ixj_decoder *d;
    ixj_result result;
    ixj_status st;
    char chunk[65536];
    size_t n;

    if (in == NULL) {
        perror(name);
        return 2;
    }
    d = ixj_decoder_new(NULL); /* NULL: malloc, realloc and free */
    if (d == NULL || ixj_decoder_begin(d, IXJ_TYPE_AUTO) != IXJ_OK) {
        fprintf(stderr, "out of memory\n");
        return 2;
    }
    /* Feed the bytes as they come; any chunk size gives the same result. */
    st = IXJ_OK;
    while (st == IXJ_OK && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
        st = ixj_decoder_feed(d, chunk, n);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &result);
    if (in != stdin)
        fclose(in);

    if (st == IXJ_OK) {
        print_result(&result); /* valid until the decoder is reset or freed */
    } else {
        const ixj_error *e = ixj_decoder_error(d);
        fprintf(stderr, "%s:%llu:%llu: error: %s at %s: %s%s%s\n", name,
                (unsigned long long)e->line, (unsigned long long)e->column,
                ixj_status_name(e->code), e->path, e->message,
                *e->detail != '\0' ? ": " : "", e->detail);
    }
    ixj_decoder_free(d);
    return st == IXJ_OK ? 0 : 1;
}
