/* SPDX-License-Identifier: MIT */
/*
 * The indexing-job endpoints of the API, as the paths of the DigitalOcean
 * OpenAPI spec (digitalocean/openapi, DigitalOcean-public.v2.yaml) list
 * them, and the payload type each one answers with.
 */
#ifndef IXJOB_CLI_ENDPOINTS_H
#define IXJOB_CLI_ENDPOINTS_H

#include <stdbool.h>
#include <stddef.h>

#include <ixjob/ixjob.h>

/* Finds the endpoint that a request (method, absolute or path-only URL;
 * the query string and fragment are ignored) calls. Returns true and the
 * type of its 2xx response body in *type, or false for any other
 * request. */
bool endpoint_response_type(const char *method, size_t method_len,
                            const char *url, size_t url_len, ixj_type *type);

#endif /* IXJOB_CLI_ENDPOINTS_H */
