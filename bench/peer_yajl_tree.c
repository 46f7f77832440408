/* SPDX-License-Identifier: MIT */
/*
 * yajl_tree (yajl 2.1): yajl's parser building a tree of arrays of
 * values. yajl_tree_parse takes a NUL-terminated text, and enables
 * comments; members are found by a linear scan comparing keys (what
 * yajl_tree_get does; it is not called, because in yajl 2.1.0 it reads
 * the found value as an object after a match). Strings are checked as
 * UTF-8 by yajl; duplicate keys are kept (the scan finds the first);
 * numbers keep their text and, when it fits, a long long.
 */
#include "peers.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <yajl/yajl_tree.h>
#include <yajl/yajl_version.h>

typedef yajl_val pw_node;
typedef struct pw_iter {
    yajl_val *at;
} pw_iter;

static pw_node
pw_member(pw_node object, const char *key)
{
    for (size_t i = 0; i < object->u.object.len; i++)
        if (strcmp(object->u.object.keys[i], key) == 0)
            return object->u.object.values[i];
    return NULL;
}

static int
pw_is_null(pw_node v)
{
    return YAJL_IS_NULL(v);
}

static int
pw_is_object(pw_node v)
{
    return YAJL_IS_OBJECT(v);
}

static int
pw_string(pw_node v, const char **s, size_t *n)
{
    if (!YAJL_IS_STRING(v))
        return 0;
    *s = v->u.string;
    *n = strlen(v->u.string);
    return 1;
}

static int
pw_int64(pw_node v, int64_t *out)
{
    if (!YAJL_IS_INTEGER(v))
        return 0;
    *out = v->u.number.i;
    return 1;
}

static int
pw_bool(pw_node v, bool *out)
{
    if (!YAJL_IS_TRUE(v) && !YAJL_IS_FALSE(v))
        return 0;
    *out = YAJL_IS_TRUE(v);
    return 1;
}

static int
pw_array(pw_node v, pw_iter *it, size_t *n)
{
    if (!YAJL_IS_ARRAY(v))
        return 0;
    it->at = v->u.array.values;
    *n = v->u.array.len;
    return 1;
}

static pw_node
pw_next(pw_iter *it)
{
    return *it->at++;
}

#include "peer_walk.h"

const ixj_job_envelope *
peer_yajl_tree_parse(peer_state *st, const char *text, size_t len)
{
    const ixj_job_envelope *env;
    yajl_val root;
    if (text[len] != '\0') {
        char *copy = peer_scratch(st, len + 1);
        memcpy(copy, text, len);
        copy[len] = '\0';
        text = copy;
    }
    root = yajl_tree_parse(text, NULL, 0);
    if (root == NULL)
        return NULL;
    peer_reset(st);
    env = pw_fill(st, root);
    yajl_tree_free(root);
    return env;
}

const char *
peer_yajl_tree_version(void)
{
    static char text[16];
    int v = yajl_version();
    snprintf(text, sizeof text, "%d.%d.%d", v / 10000, v / 100 % 100, v % 100);
    return text;
}
