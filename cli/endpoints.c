/* SPDX-License-Identifier: MIT */
#include "endpoints.h"

#include <string.h>

/* A path pattern is a list of segments; "*" matches one non-empty
 * segment (a UUID). */
static const struct endpoint {
    const char *method;
    const char *path;
    ixj_type response;
} endpoints[] = {
    {"POST", "/v2/gen-ai/indexing_jobs", IXJ_TYPE_JOB},
    {"GET", "/v2/gen-ai/indexing_jobs", IXJ_TYPE_LIST},
    {"GET", "/v2/gen-ai/indexing_jobs/*", IXJ_TYPE_JOB},
    {"PUT", "/v2/gen-ai/indexing_jobs/*/cancel", IXJ_TYPE_JOB},
    {"GET", "/v2/gen-ai/indexing_jobs/*/data_sources", IXJ_TYPE_DATA_SOURCES},
    {"GET", "/v2/gen-ai/indexing_jobs/*/details_signed_url",
     IXJ_TYPE_SIGNED_URL},
    {"GET", "/v2/gen-ai/knowledge_bases/*/indexing_jobs", IXJ_TYPE_LIST},
};

/* The path of a URL: after "scheme://host" when there is one, up to the
 * query or fragment. */
static void
url_path(const char *url, size_t len, const char **path, size_t *path_len)
{
    const char *p = url, *end = url + len;
    const char *scheme = len >= 3 ? memchr(url, ':', len) : NULL;

    if (scheme != NULL && end - scheme >= 3 && scheme[1] == '/' &&
        scheme[2] == '/') {
        p = scheme + 3;
        while (p < end && *p != '/' && *p != '?' && *p != '#')
            p++;
    }
    *path = p;
    while (p < end && *p != '?' && *p != '#')
        p++;
    *path_len = (size_t)(p - *path);
}

static bool
path_matches(const char *pattern, const char *path, size_t len)
{
    const char *end = path + len;
    while (*pattern != '\0') {
        if (*pattern == '*') {
            const char *seg = path;
            while (path < end && *path != '/')
                path++;
            if (path == seg)
                return false;
            pattern++;
        } else {
            if (path == end || *path != *pattern)
                return false;
            path++;
            pattern++;
        }
    }
    return path == end;
}

static bool
method_is(const char *want, const char *method, size_t len)
{
    if (strlen(want) != len)
        return false;
    for (size_t i = 0; i < len; i++) {
        char c = method[i];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c != want[i])
            return false;
    }
    return true;
}

bool
endpoint_response_type(const char *method, size_t method_len, const char *url,
                       size_t url_len, ixj_type *type)
{
    const char *path;
    size_t path_len;

    url_path(url, url_len, &path, &path_len);
    for (size_t i = 0; i < sizeof endpoints / sizeof endpoints[0]; i++) {
        if (method_is(endpoints[i].method, method, method_len) &&
            path_matches(endpoints[i].path, path, path_len)) {
            *type = endpoints[i].response;
            return true;
        }
    }
    return false;
}
