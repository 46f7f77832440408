/* SPDX-License-Identifier: MIT */
/*
 * json-c: objects are hash tables (json_object_object_get_ex), arrays
 * are arrays; JSON null is a NULL object, so null and absent look alike
 * (both are "absent" in ixjob too). One tokener serves every document,
 * as one ixjob decoder does, with JSON_TOKENER_STRICT (no single quotes,
 * no trailing commas, no comments...) and JSON_TOKENER_VALIDATE_UTF8,
 * and a depth limit of 64, ixjob's default. A duplicate key replaces the
 * earlier value; integers are int64 (or uint64 above), and
 * json_object_get_int64 saturates what does not fit.
 */
#include <limits.h>
#include "peers.h"

#include <stdbool.h>
#include <stdint.h>

#include <json.h>

typedef struct json_object *pw_node;
typedef struct pw_iter {
    struct json_object *array;
    size_t at;
} pw_iter;

static pw_node
pw_member(pw_node object, const char *key)
{
    struct json_object *v;
    return json_object_object_get_ex(object, key, &v) ? v : NULL;
}

static int
pw_is_null(pw_node v)
{
    return json_object_is_type(v, json_type_null);
}

static int
pw_is_object(pw_node v)
{
    return json_object_is_type(v, json_type_object);
}

static int
pw_string(pw_node v, const char **s, size_t *n)
{
    if (!json_object_is_type(v, json_type_string))
        return 0;
    *s = json_object_get_string(v);
    *n = (size_t)json_object_get_string_len(v);
    return 1;
}

static int
pw_int64(pw_node v, int64_t *out)
{
    if (!json_object_is_type(v, json_type_int))
        return 0;
    *out = json_object_get_int64(v);
    return 1;
}

static int
pw_bool(pw_node v, bool *out)
{
    if (!json_object_is_type(v, json_type_boolean))
        return 0;
    *out = json_object_get_boolean(v) != 0;
    return 1;
}

static int
pw_array(pw_node v, pw_iter *it, size_t *n)
{
    if (!json_object_is_type(v, json_type_array))
        return 0;
    it->array = v;
    it->at = 0;
    *n = json_object_array_length(v);
    return 1;
}

static pw_node
pw_next(pw_iter *it)
{
    return json_object_array_get_idx(it->array, it->at++);
}

#include "peer_walk.h"

const ixj_job_envelope *
peer_json_c_parse(peer_state *st, const char *text, size_t len)
{
    struct json_tokener **tok =
        (struct json_tokener **)peer_handle(st, PEER_JSON_C);
    struct json_object *root;
    const ixj_job_envelope *env;
    if (*tok == NULL) {
        *tok = json_tokener_new_ex(IXJ_DEFAULT_MAX_DEPTH);
        if (*tok == NULL)
            return NULL;
        json_tokener_set_flags(*tok, JSON_TOKENER_STRICT |
                                         JSON_TOKENER_VALIDATE_UTF8);
    }
    if (len > INT_MAX)
        return NULL;
    json_tokener_reset(*tok);
    root = json_tokener_parse_ex(*tok, text, (int)len);
    if (root == NULL || json_tokener_get_error(*tok) != json_tokener_success) {
        json_object_put(root);
        return NULL;
    }
    peer_reset(st);
    env = pw_fill(st, root);
    json_object_put(root);
    return env;
}

const char *
peer_json_c_version(void)
{
    return json_c_version();
}

void
peer_json_c_release(void *handle)
{
    json_tokener_free(handle);
}
