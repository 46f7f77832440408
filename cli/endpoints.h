/* SPDX-License-Identifier: MIT */
/*
 * The indexing-job endpoints of the API, as the paths of the DigitalOcean
 * OpenAPI spec (digitalocean/openapi, DigitalOcean-public.v2.yaml) list
 * them, the payload type each one answers with, and how a captured
 * request's URL is matched against them.
 */
#ifndef IXJOB_CLI_ENDPOINTS_H
#define IXJOB_CLI_ENDPOINTS_H

#include <stdbool.h>
#include <stddef.h>

#include <ixjob/ixjob.h>

/* A row of the table; "{id}" in a path stands for one non-empty segment. */
typedef struct endpoint {
    const char *method;
    const char *path;
    ixj_type response; /* the type of a 2xx response's body */
} endpoint;

/* The table, in a fixed order: endpoint_at(0) .. endpoint_at(count - 1). */
size_t endpoint_count(void);
const endpoint *endpoint_at(size_t i);

/* The parts of a URL, pointing into it. */
typedef struct url_parts {
    const char *scheme; /* NULL for a path-only URL */
    size_t scheme_len;
    const char *host; /* the authority; NULL when there is none */
    size_t host_len;
    const char *path; /* never NULL; may be empty */
    size_t path_len;
} url_parts;

/*
 * Splits an absolute URL ("scheme://authority/path?query#fragment", RFC
 * 3986 section 3) or a path-only one ("/path?query", as HTTP/1.1 request
 * lines and some proxies write it) into its parts; the query and the
 * fragment belong to neither. Returns false when the text is neither
 * (no scheme and no leading "/", or a scheme without "//").
 */
bool url_split(const char *url, size_t len, url_parts *out);

typedef enum endpoint_match {
    ENDPOINT_OTHER,        /* not an indexing-job call: ignore it */
    ENDPOINT_FOUND,        /* an endpoint of the table */
    ENDPOINT_UNKNOWN_PATH, /* an indexing_jobs path that no endpoint has */
    ENDPOINT_WRONG_METHOD  /* an endpoint's path, with another method */
} endpoint_match;

/*
 * Finds the endpoint a request calls. The URL is http or https (or
 * path-only); its path is compared segment by segment, after dropping a
 * prefix before "/v2/gen-ai/" (a proxy's mount point, such as "/api") and
 * one trailing "/"; the method is compared without regard to case. On
 * ENDPOINT_FOUND, *type receives the type of the endpoint's 2xx response.
 * A request whose path has a segment "indexing_jobs" but matches no
 * endpoint is ENDPOINT_UNKNOWN_PATH or ENDPOINT_WRONG_METHOD, so that the
 * caller can say why it was not validated.
 */
endpoint_match endpoint_lookup(const char *method, size_t method_len,
                               const char *url, size_t url_len, ixj_type *type);

/*
 * True when a HAR mimeType names JSON: application/json, text/json or any
 * type with the +json suffix (application/problem+json), in any case,
 * with or without parameters ("; charset=utf-8").
 */
bool media_type_is_json(const char *mime, size_t len);

#endif /* IXJOB_CLI_ENDPOINTS_H */
