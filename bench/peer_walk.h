/* SPDX-License-Identifier: MIT */
/*
 * The walk of a job document's DOM into ixj_job_envelope, written once
 * and compiled into each peer file against that library's accessors
 * (direct calls, so the compiler sees through them as a hand-written walk
 * would let it). Included once, by a peer file that first defines:
 *
 *   pw_node                a DOM value (a pointer; NULL: no value)
 *   pw_iter                an array iterator
 *   pw_node pw_member(pw_node object, const char *key)
 *                          the member's value, NULL when absent: the
 *                          library's idiomatic lookup by key
 *   int pw_is_null(pw_node), pw_is_object(pw_node)
 *   int pw_string(pw_node, const char **s, size_t *n)
 *   int pw_int64(pw_node, int64_t *)     an integer JSON number
 *   int pw_bool(pw_node, bool *)
 *   int pw_array(pw_node, pw_iter *, size_t *n)
 *   pw_node pw_next(pw_iter *)           the next element
 * (the int functions return 0 when the value has another JSON type).
 *
 * The walk is generated from the rows of peers.h (types.h's fields,
 * checked against it), so it fills every field the structs have, under
 * its snake_case key only (ixjob
 * also accepts the lowerCamelCase aliases). A field is present when its
 * key is there with a non-null value, as in ixjob; keys the structs do not
 * have are not looked at. A value of the wrong JSON type, a uint64 that
 * is not a string of 1 to 20 digits within range (no leading zero), and
 * a timestamp outside the profile fail the walk.
 */
#ifndef IXJOB_BENCH_PEER_WALK_H
#define IXJOB_BENCH_PEER_WALK_H

#include "peers.h"

static int
pw_take_string(peer_state *st, pw_node v, ixj_string *out)
{
    const char *s;
    size_t n;
    if (!pw_string(v, &s, &n))
        return 0;
    peer_copy_string(st, s, n, out);
    return 1;
}

static int
pw_take_u64(pw_node v, uint64_t *out)
{
    const char *s;
    size_t n;
    return pw_string(v, &s, &n) && peer_u64(s, n, out);
}

static int
pw_take_timestamp(pw_node v, ixj_timestamp *out)
{
    const char *s;
    size_t n;
    return pw_string(v, &s, &n) && peer_timestamp(s, n, out);
}

static int
pw_take_strings(peer_state *st, pw_node v, const ixj_string **out,
                size_t *count)
{
    pw_iter it;
    size_t n;
    ixj_string *items;
    if (!pw_array(v, &it, &n))
        return 0;
    items = peer_alloc(st, n * sizeof *items);
    for (size_t i = 0; i < n; i++)
        if (!pw_take_string(st, pw_next(&it), &items[i]))
            return 0;
    *out = items;
    *count = n;
    return 1;
}

/* pw_enum_<name>(st, v, &field, &field_raw): a known literal gives its
 * value, another string ..._UNRECOGNIZED and its text. */
#define PW_ENUM_TAKER_(suffix, value, name)                               \
    static int pw_enum_##name(peer_state *st, pw_node v, ixj_##name *out, \
                              ixj_string *raw)                            \
    {                                                                     \
        const char *s;                                                    \
        size_t n;                                                         \
        int e;                                                            \
        if (!pw_string(v, &s, &n))                                        \
            return 0;                                                     \
        e = peer_enum(IXJ_ENUM_##suffix, s, n);                           \
        *out = (ixj_##name)e;                                             \
        if (e < 0)                                                        \
            peer_copy_string(st, s, n, raw);                              \
        return 1;                                                         \
    }
IXJ_ENUM_MAP(PW_ENUM_TAKER_)
#undef PW_ENUM_TAKER_

/* One expression per kind of field: true when the value was taken. */
#define PW_STRING(st, v, out, member, ref) pw_take_string(st, v, &(out)->member)
#define PW_UINT64(st, v, out, member, ref) pw_take_u64(v, &(out)->member)
#define PW_INT64(st, v, out, member, ref)  pw_int64(v, &(out)->member)
#define PW_BOOL(st, v, out, member, ref)   pw_bool(v, &(out)->member)
#define PW_TIMESTAMP(st, v, out, member, ref) \
    pw_take_timestamp(v, &(out)->member)
#define PW_ENUM(st, v, out, member, ref) \
    pw_enum_##ref(st, v, &(out)->member, &(out)->member##_raw)
#define PW_OBJECT(st, v, out, member, ref) pw_take_##ref(st, v, &(out)->member)
#define PW_OBJECT_ARRAY(st, v, out, member, ref) \
    pw_take_##ref##_array(st, v, &(out)->member, &(out)->n_##member)
#define PW_STRING_ARRAY(st, v, out, member, ref) \
    pw_take_strings(st, v, &(out)->member, &(out)->n_##member)

#define PW_FIELD_(bit, member, kind, ref)        \
    v = pw_member(obj, #member);                 \
    if (v != NULL && !pw_is_null(v)) {           \
        if (!PW_##kind(st, v, out, member, ref)) \
            return 0;                            \
        out->present |= (uint64_t)1 << (bit);    \
    }

static int
pw_walk_data_source_job(peer_state *st, pw_node obj, ixj_data_source_job *out)
{
    pw_node v;
    if (!pw_is_object(obj))
        return 0;
    BENCH_DATA_SOURCE_JOB_ROWS(PW_FIELD_)
    return 1;
}

/* An array of objects as ixjob keeps one: an array of pointers, each to
 * a struct of its own in the arena. */
static int
pw_take_data_source_job_array(peer_state *st, pw_node v,
                              const ixj_data_source_job *const **out,
                              size_t *count)
{
    pw_iter it;
    size_t n;
    const ixj_data_source_job **items;
    if (!pw_array(v, &it, &n))
        return 0;
    items = peer_alloc(st, n * sizeof *items);
    for (size_t i = 0; i < n; i++) {
        ixj_data_source_job *item = peer_alloc(st, sizeof *item);
        if (!pw_walk_data_source_job(st, pw_next(&it), item))
            return 0;
        items[i] = item;
    }
    *out = items;
    *count = n;
    return 1;
}

static int
pw_walk_job(peer_state *st, pw_node obj, ixj_job *out)
{
    pw_node v;
    if (!pw_is_object(obj))
        return 0;
    BENCH_JOB_ROWS(PW_FIELD_)
    return 1;
}

/* An object member as ixjob keeps one: a struct of its own, pointed to. */
static int
pw_take_job(peer_state *st, pw_node v, const ixj_job **out)
{
    ixj_job *job = peer_alloc(st, sizeof *job);
    *out = job;
    return pw_walk_job(st, v, job);
}

static int
pw_walk_job_envelope(peer_state *st, pw_node obj, ixj_job_envelope *out)
{
    pw_node v;
    if (!pw_is_object(obj))
        return 0;
    BENCH_JOB_ENVELOPE_ROWS(PW_FIELD_)
    return 1;
}

/* The envelope of a parsed document, in st's arena; NULL when the walk
 * failed. */
static const ixj_job_envelope *
pw_fill(peer_state *st, pw_node root)
{
    ixj_job_envelope *env = peer_alloc(st, sizeof *env);
    return pw_walk_job_envelope(st, root, env) ? env : NULL;
}

#endif /* IXJOB_BENCH_PEER_WALK_H */
