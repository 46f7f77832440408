/* SPDX-License-Identifier: MIT */
/*
 * jansson: objects are hash tables (json_object_get), arrays are arrays.
 * Loaded with JSON_REJECT_DUPLICATES, so that a duplicate key fails as in
 * ixjob; jansson checks UTF-8 and, by default, refuses U+0000 in strings;
 * integers are json_int_t (long long) and out-of-range ones are errors.
 */
#include "peers.h"

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

typedef const json_t *pw_node;
typedef struct pw_iter {
    const json_t *array;
    size_t at;
} pw_iter;

static pw_node
pw_member(pw_node object, const char *key)
{
    return json_object_get(object, key);
}

static int
pw_is_null(pw_node v)
{
    return json_is_null(v);
}

static int
pw_is_object(pw_node v)
{
    return json_is_object(v);
}

static int
pw_string(pw_node v, const char **s, size_t *n)
{
    if (!json_is_string(v))
        return 0;
    *s = json_string_value(v);
    *n = json_string_length(v);
    return 1;
}

static int
pw_int64(pw_node v, int64_t *out)
{
    if (!json_is_integer(v))
        return 0;
    *out = json_integer_value(v);
    return 1;
}

static int
pw_bool(pw_node v, bool *out)
{
    if (!json_is_boolean(v))
        return 0;
    *out = json_is_true(v);
    return 1;
}

static int
pw_array(pw_node v, pw_iter *it, size_t *n)
{
    if (!json_is_array(v))
        return 0;
    it->array = v;
    it->at = 0;
    *n = json_array_size(v);
    return 1;
}

static pw_node
pw_next(pw_iter *it)
{
    return json_array_get(it->array, it->at++);
}

#include "peer_walk.h"

const ixj_job_envelope *
peer_jansson_parse(peer_state *st, const char *text, size_t len)
{
    json_error_t error;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &error);
    const ixj_job_envelope *env;
    if (root == NULL)
        return NULL;
    peer_reset(st);
    env = pw_fill(st, root);
    json_decref(root);
    return env;
}

const char *
peer_jansson_version(void)
{
    return jansson_version_str();
}
