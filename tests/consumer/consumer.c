/* SPDX-License-Identifier: MIT */
/*
 * consumer.c: a C99 program built by tests/consumer/run.sh against an
 * installed ixjob, with nothing but `pkg-config ixjob`. It decodes each
 * file named on the command line 5 bytes at a time, prints the job, its
 * data sources (streamed through an element callback) or the error, and
 * checks that the value's canonical JSON decodes and encodes to the same
 * bytes.
 * consumer.cpp prints exactly the same lines.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ixjob/ixjob.h>

struct buffer {
    char *data;
    size_t len, size;
};

static int
append(void *ctx, const char *bytes, size_t len)
{
    struct buffer *b = ctx;
    if (b->len + len > b->size) {
        size_t size = (b->len + len) * 2;
        char *data = realloc(b->data, size);
        if (data == NULL)
            return 1;
        b->data = data;
        b->size = size;
    }
    memcpy(b->data + b->len, bytes, len);
    b->len += len;
    return 0;
}

static int
on_source(void *ctx, const ixj_element_info *info)
{
    const ixj_data_source_job *s = info->value;
    const char *status = IXJ_HAS(s, IXJ_DATA_SOURCE_JOB_STATUS)
                             ? ixj_enum_text(IXJ_ENUM_DATA_SOURCE_STATUS,
                                             s->status, &s->status_raw)
                             : NULL;
    (void)ctx;
    printf("  %s %s %s %llu\n", info->path,
           s->data_source_uuid.ptr != NULL ? s->data_source_uuid.ptr : "-",
           status != NULL ? status : "-", (unsigned long long)s->total_bytes);
    return 0;
}

/* The canonical JSON of a document, decoded whole (nothing streamed),
 * decodes and encodes to the same bytes. */
static int
round_trip(ixj_decoder *d, ixj_encoder *e, const struct buffer *doc)
{
    struct buffer canon = {NULL, 0, 0};
    struct buffer again = {NULL, 0, 0};
    ixj_result r;
    int ok =
        ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_JOBS, NULL, NULL) ==
            IXJ_OK &&
        ixj_decode(d, IXJ_TYPE_AUTO, doc->data, doc->len, &r) == IXJ_OK &&
        ixj_encode_to(e, r.type, r.as.value, 0, append, &canon) == IXJ_OK &&
        ixj_decode(d, r.type, canon.data, canon.len, &r) == IXJ_OK &&
        ixj_encode_to(e, r.type, r.as.value, 0, append, &again) == IXJ_OK &&
        again.len == canon.len &&
        memcmp(again.data, canon.data, canon.len) == 0;
    free(canon.data);
    free(again.data);
    return ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_JOBS, on_source,
                                  NULL) == IXJ_OK &&
           ok;
}

static int
decode_file(ixj_decoder *d, ixj_encoder *e, const char *name)
{
    FILE *f = fopen(name, "rb");
    struct buffer doc = {NULL, 0, 0};
    char chunk[4096];
    size_t n, at;
    ixj_status st;
    ixj_result r;
    int ok = 1;

    if (f == NULL) {
        perror(name);
        return 0;
    }
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        if (append(&doc, chunk, n) != 0)
            ok = 0;
    fclose(f);
    if (!ok)
        return 0;
    /* Streamed, 5 bytes at a time: data sources are printed as they
     * complete. */
    st = ixj_decoder_begin(d, IXJ_TYPE_AUTO);
    for (at = 0; st == IXJ_OK && at < doc.len; at += 5)
        st = ixj_decoder_feed(d, doc.data + at,
                              doc.len - at < 5 ? doc.len - at : 5);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &r);
    if (st != IXJ_OK) {
        const ixj_error *err = ixj_decoder_error(d);
        printf("error %s at %s %llu:%llu\n", ixj_status_name(err->code),
               err->path, (unsigned long long)err->line,
               (unsigned long long)err->column);
    } else {
        printf("%s", ixj_type_name(r.type));
        if (r.type == IXJ_TYPE_JOB && IXJ_HAS(r.as.job, IXJ_JOB_ENVELOPE_JOB)) {
            const ixj_job *job = r.as.job->job;
            printf(" %s %s, %zu data sources", job->uuid.ptr,
                   ixj_batch_job_phase_name(job->phase),
                   job->n_data_source_jobs);
        }
        printf("\n");
        ok = round_trip(d, e, &doc);
        printf("canonical %s\n", ok ? "round trip ok" : "round trip FAILED");
    }
    free(doc.data);
    return ok;
}

int
main(int argc, char **argv)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_encoder *e = ixj_encoder_new(NULL);
    int failed = 0;
    int i;

    if (d == NULL || e == NULL ||
        ixj_decoder_on_element(d, IXJ_ELEMENT_DATA_SOURCE_JOBS, on_source,
                               NULL) != IXJ_OK)
        return 2;
    printf("ixjob %s (header %s)\n", ixj_version(), IXJ_VERSION_STRING);
    for (i = 1; i < argc; i++)
        if (!decode_file(d, e, argv[i]))
            failed = 1;
    ixj_encoder_free(e);
    ixj_decoder_free(d);
    return failed;
}
