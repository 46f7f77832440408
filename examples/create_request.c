/* SPDX-License-Identifier: MIT */
/*
 * create_request: build the body of POST /v2/gen-ai/indexing_jobs from C
 * values and print it as the API expects it, the way a client would
 * before sending it (with libcurl, say).
 *
 *   ./create_request KNOWLEDGE_BASE_UUID [DATA_SOURCE_UUID...]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <ixjob/ixjob.h>

static int
write_stdout(void *ctx, const char *bytes, size_t len)
{
    (void)ctx;
    return fwrite(bytes, 1, len, stdout) == len ? 0 : 1; /* 1: stop */
}

int
main(int argc, char **argv)
{
    ixj_create_request req = {0};
    ixj_string *sources;
    ixj_encoder *e;
    ixj_status st;

    if (argc < 2) {
        fprintf(stderr, "usage: %s KNOWLEDGE_BASE_UUID [DATA_SOURCE_UUID...]\n",
                argv[0]);
        return 2;
    }
    sources = calloc((size_t)argc, sizeof *sources);
    if (sources == NULL)
        return 2;

    /* Every field is optional: set the presence bit of each one sent. */
    req.knowledge_base_uuid.ptr = argv[1];
    req.knowledge_base_uuid.len = strlen(argv[1]);
    req.present |= 1u << IXJ_CREATE_REQUEST_KNOWLEDGE_BASE_UUID;
    if (argc > 2) { /* omitted: every data source is indexed */
        for (int i = 2; i < argc; i++) {
            sources[i - 2].ptr = argv[i];
            sources[i - 2].len = strlen(argv[i]);
        }
        req.data_source_uuids = sources;
        req.n_data_source_uuids = (size_t)(argc - 2);
        req.present |= 1u << IXJ_CREATE_REQUEST_DATA_SOURCE_UUIDS;
    }

    e = ixj_encoder_new(NULL);
    if (e == NULL)
        return 2;
    /* The encoder checks the whole value first: text that is not UTF-8
     * is refused before anything is written. */
    st = ixj_encode_to(e, IXJ_TYPE_CREATE_REQUEST, &req, 0, write_stdout, NULL);
    if (st != IXJ_OK) {
        const ixj_error *err = ixj_encoder_error(e);
        fprintf(stderr, "cannot encode %s: %s\n", err->path, err->message);
    } else {
        putchar('\n');
    }
    ixj_encoder_free(e);
    free(sources);
    return st == IXJ_OK ? 0 : 1;
}
