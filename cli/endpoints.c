/* SPDX-License-Identifier: MIT */
#include "endpoints.h"

#include <string.h>

static const endpoint endpoints[] = {
    {"POST", "/v2/gen-ai/indexing_jobs", IXJ_TYPE_JOB},
    {"GET", "/v2/gen-ai/indexing_jobs", IXJ_TYPE_LIST},
    {"GET", "/v2/gen-ai/indexing_jobs/{id}", IXJ_TYPE_JOB},
    {"PUT", "/v2/gen-ai/indexing_jobs/{id}/cancel", IXJ_TYPE_JOB},
    {"GET", "/v2/gen-ai/indexing_jobs/{id}/data_sources",
     IXJ_TYPE_DATA_SOURCES},
    {"GET", "/v2/gen-ai/indexing_jobs/{id}/details_signed_url",
     IXJ_TYPE_SIGNED_URL},
    {"GET", "/v2/gen-ai/knowledge_bases/{id}/indexing_jobs", IXJ_TYPE_LIST},
};

#define N_ENDPOINTS (sizeof endpoints / sizeof endpoints[0])

size_t
endpoint_count(void)
{
    return N_ENDPOINTS;
}

const endpoint *
endpoint_at(size_t i)
{
    return i < N_ENDPOINTS ? &endpoints[i] : NULL;
}

static bool
is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_scheme_char(char c)
{
    return is_alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
           c == '.';
}

static char
lower(char c)
{
    if (c >= 'A' && c <= 'Z')
        c = (char)(c - 'A' + 'a');
    return c;
}

/* Compares len bytes with a lower-case ASCII word, ignoring case. */
static bool
equals_nocase(const char *s, size_t len, const char *word)
{
    if (strlen(word) != len)
        return false;
    for (size_t i = 0; i < len; i++)
        if (lower(s[i]) != word[i])
            return false;
    return true;
}

/* Where the path ends: at the query or the fragment. */
static size_t
path_end(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && s[i] != '?' && s[i] != '#')
        i++;
    return i;
}

bool
url_split(const char *url, size_t len, url_parts *out)
{
    size_t i = 0, rest;

    memset(out, 0, sizeof *out);
    if (len > 0 && url[0] == '/' && (len == 1 || url[1] != '/')) {
        out->path = url;
        out->path_len = path_end(url, len);
        return true;
    }
    /* scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" */
    if (len == 0 || !is_alpha(url[0]))
        return false;
    while (i < len && is_scheme_char(url[i]))
        i++;
    if (i == len || url[i] != ':')
        return false;
    out->scheme = url;
    out->scheme_len = i;
    i++;
    if (len - i < 2 || url[i] != '/' || url[i + 1] != '/')
        return false;
    i += 2;
    out->host = url + i;
    while (i < len && url[i] != '/' && url[i] != '?' && url[i] != '#')
        i++;
    out->host_len = (size_t)(url + i - out->host);
    rest = len - i;
    out->path = url + i;
    out->path_len = path_end(url + i, rest);
    return true;
}

/* Matches a path against a pattern whose "{...}" segments match any one
 * non-empty segment. */
static bool
path_matches(const char *pattern, const char *path, size_t len)
{
    const char *end = path + len;
    while (*pattern != '\0') {
        if (*pattern == '{') {
            const char *seg = path;
            while (path < end && *path != '/')
                path++;
            if (path == seg)
                return false;
            pattern = strchr(pattern, '}') + 1;
        } else {
            if (path == end || *path != *pattern)
                return false;
            path++;
            pattern++;
        }
    }
    return path == end;
}

/* True when a path has the segment "indexing_jobs". */
static bool
has_indexing_segment(const char *path, size_t len)
{
    static const char seg[] = "indexing_jobs";
    const size_t n = sizeof seg - 1;
    for (size_t i = 0; i + n <= len; i++) {
        if ((i == 0 || path[i - 1] == '/') && memcmp(path + i, seg, n) == 0 &&
            (i + n == len || path[i + n] == '/'))
            return true;
    }
    return false;
}

endpoint_match
endpoint_lookup(const char *method, size_t method_len, const char *url,
                size_t url_len, ixj_type *type)
{
    static const char root[] = "/v2/gen-ai/";
    const size_t root_len = sizeof root - 1;
    url_parts u;
    const char *path;
    size_t len;
    bool path_known = false;

    if (!url_split(url, url_len, &u))
        return ENDPOINT_OTHER;
    if (u.scheme != NULL && !equals_nocase(u.scheme, u.scheme_len, "http") &&
        !equals_nocase(u.scheme, u.scheme_len, "https"))
        return ENDPOINT_OTHER;
    path = u.path;
    len = u.path_len;
    if (!has_indexing_segment(path, len))
        return ENDPOINT_OTHER;
    /* a proxy's prefix: from the first "/v2/gen-ai/" on */
    for (size_t i = 0; i + root_len <= len; i++) {
        if (memcmp(path + i, root, root_len) == 0) {
            path += i;
            len -= i;
            break;
        }
    }
    if (len > 1 && path[len - 1] == '/')
        len--;
    for (size_t i = 0; i < N_ENDPOINTS; i++) {
        if (!path_matches(endpoints[i].path, path, len))
            continue;
        path_known = true;
        if (method_len == strlen(endpoints[i].method)) {
            bool same = true;
            for (size_t k = 0; k < method_len; k++)
                if (lower(method[k]) != lower(endpoints[i].method[k]))
                    same = false;
            if (same) {
                *type = endpoints[i].response;
                return ENDPOINT_FOUND;
            }
        }
    }
    return path_known ? ENDPOINT_WRONG_METHOD : ENDPOINT_UNKNOWN_PATH;
}

bool
media_type_is_json(const char *mime, size_t len)
{
    size_t end = 0, start = 0;
    while (start < len && (mime[start] == ' ' || mime[start] == '\t'))
        start++;
    end = start;
    while (end < len && mime[end] != ';')
        end++;
    while (end > start && (mime[end - 1] == ' ' || mime[end - 1] == '\t'))
        end--;
    mime += start;
    len = end - start;
    if (equals_nocase(mime, len, "application/json") ||
        equals_nocase(mime, len, "text/json"))
        return true;
    /* type "/" subtype "+json", the structured syntax suffix of RFC 6839 */
    /* cppcheck-suppress knownConditionTrueFalse ; false positive: len is
     * the trimmed length, "application/problem+json" is tested */
    return len > 5 && memchr(mime, '/', len - 5) != NULL &&
           equals_nocase(mime + len - 5, 5, "+json");
}
