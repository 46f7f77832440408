/* SPDX-License-Identifier: MIT */
/*
 * cJSON (1.7.13 or later, for cJSON_ParseWithLength): a tree of linked
 * lists; members are found by cJSON_GetObjectItemCaseSensitive, a linear
 * scan comparing keys, and arrays walked by their `next` links (cJSON's
 * own cJSON_ArrayForEach). Numbers are doubles: int64 fields are exact up
 * to 2^53 only. cJSON does not check UTF-8, keeps duplicate keys (the
 * lookup finds the first) and stops a string at an escaped U+0000.
 */
#include "peers.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include <cJSON.h>

typedef const cJSON *pw_node;
typedef const cJSON *pw_iter;

static pw_node
pw_member(pw_node object, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(object, key);
}

static int
pw_is_null(pw_node v)
{
    return cJSON_IsNull(v);
}

static int
pw_is_object(pw_node v)
{
    return cJSON_IsObject(v);
}

static int
pw_string(pw_node v, const char **s, size_t *n)
{
    if (!cJSON_IsString(v))
        return 0;
    *s = v->valuestring;
    *n = strlen(v->valuestring);
    return 1;
}

/* An integral double within int64 (2^63 is exactly representable). */
static int
pw_int64(pw_node v, int64_t *out)
{
    double d;
    if (!cJSON_IsNumber(v))
        return 0;
    d = v->valuedouble;
    if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0) ||
        (double)(int64_t)d != d)
        return 0;
    *out = (int64_t)d;
    return 1;
}

static int
pw_bool(pw_node v, bool *out)
{
    if (!cJSON_IsBool(v))
        return 0;
    *out = cJSON_IsTrue(v) != 0;
    return 1;
}

/* Counting the elements walks the list once more, as a caller sizing
 * its array does. */
static int
pw_array(pw_node v, pw_iter *it, size_t *n)
{
    if (!cJSON_IsArray(v))
        return 0;
    *it = v->child;
    *n = (size_t)cJSON_GetArraySize(v);
    return 1;
}

static pw_node
pw_next(pw_iter *it)
{
    pw_node e = *it;
    *it = e->next;
    return e;
}

#include "peer_walk.h"

const ixj_job_envelope *
peer_cjson_parse(peer_state *st, const char *text, size_t len)
{
    cJSON *root = cJSON_ParseWithLength(text, len);
    const ixj_job_envelope *env;
    if (root == NULL)
        return NULL;
    peer_reset(st);
    env = pw_fill(st, root);
    cJSON_Delete(root);
    return env;
}

const char *
peer_cjson_version(void)
{
    return cJSON_Version();
}
