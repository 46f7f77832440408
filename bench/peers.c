/* SPDX-License-Identifier: MIT */
/*
 * What the peers share: the table of peers (filled according to what
 * configure found), the arena the walks fill, the conversions, and the
 * field-by-field comparison that checks each walk against ixjob.
 */
#include "peers.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Each list of rows names every presence bit of its struct, once. */
#define ROW_BIT_(bit, member, kind, ref) | ((uint64_t)1 << (bit))
#define ROW_ONE_(bit, member, kind, ref) +1
#define ALL_BITS_(count)                 (((uint64_t)1 << (count)) - 1)
_Static_assert((0 BENCH_DATA_SOURCE_JOB_ROWS(ROW_BIT_)) ==
                       ALL_BITS_(IXJ_DATA_SOURCE_JOB_FIELD_COUNT) &&
                   (0 BENCH_DATA_SOURCE_JOB_ROWS(ROW_ONE_)) ==
                       IXJ_DATA_SOURCE_JOB_FIELD_COUNT,
               "BENCH_DATA_SOURCE_JOB_ROWS and types.h disagree");
_Static_assert((0 BENCH_JOB_ROWS(ROW_BIT_)) == ALL_BITS_(IXJ_JOB_FIELD_COUNT) &&
                   (0 BENCH_JOB_ROWS(ROW_ONE_)) == IXJ_JOB_FIELD_COUNT,
               "BENCH_JOB_ROWS and types.h disagree");
_Static_assert((0 BENCH_JOB_ENVELOPE_ROWS(ROW_BIT_)) ==
                       ALL_BITS_(IXJ_JOB_ENVELOPE_FIELD_COUNT) &&
                   (0 BENCH_JOB_ENVELOPE_ROWS(ROW_ONE_)) ==
                       IXJ_JOB_ENVELOPE_FIELD_COUNT,
               "BENCH_JOB_ENVELOPE_ROWS and types.h disagree");

/* ---------------------------------------------------------- the table */

#ifdef BENCH_HAVE_CJSON
#define CJSON_FNS peer_cjson_parse, peer_cjson_version, NULL
#else
#define CJSON_FNS NULL, NULL, NULL
#endif
#ifdef BENCH_HAVE_YAJL_TREE
#define YAJL_TREE_FNS peer_yajl_tree_parse, peer_yajl_tree_version, NULL
#else
#define YAJL_TREE_FNS NULL, NULL, NULL
#endif
#ifdef BENCH_HAVE_JANSSON
#define JANSSON_FNS peer_jansson_parse, peer_jansson_version, NULL
#else
#define JANSSON_FNS NULL, NULL, NULL
#endif
#ifdef BENCH_HAVE_JSON_C
#define JSON_C_FNS peer_json_c_parse, peer_json_c_version, peer_json_c_release
#else
#define JSON_C_FNS NULL, NULL, NULL
#endif

const peer bench_peers[N_PEERS] = {
    [PEER_CJSON] = {"cjson", "cJSON", "libcjson", CJSON_FNS},
    [PEER_YAJL_TREE] = {"yajl-tree", "yajl_tree", "yajl/yajl_tree.h",
                        YAJL_TREE_FNS},
    [PEER_JANSSON] = {"jansson", "jansson", "jansson", JANSSON_FNS},
    [PEER_JSON_C] = {"json-c", "json-c", "json-c", JSON_C_FNS},
};

/* ---------------------------------------------------------- the arena */

typedef struct peer_block {
    struct peer_block *next;
    size_t cap, used;
    max_align_t data[]; /* cap bytes */
} peer_block;

struct peer_state {
    peer_block *first, *current;
    char *scratch;
    size_t scratch_cap;
    void *handles[N_PEERS];
};

#define BLOCK_BYTES ((size_t)64 * 1024)

static void
out_of_memory(void)
{
    fprintf(stderr, "bench_decode: peers: out of memory\n");
    abort();
}

peer_state *
peer_state_new(void)
{
    peer_state *st = calloc(1, sizeof *st);
    if (st == NULL)
        out_of_memory();
    return st;
}

void
peer_state_free(peer_state *st)
{
    if (st == NULL)
        return;
    for (int id = 0; id < N_PEERS; id++)
        if (st->handles[id] != NULL && bench_peers[id].release != NULL)
            bench_peers[id].release(st->handles[id]);
    while (st->first != NULL) {
        peer_block *next = st->first->next;
        free(st->first);
        st->first = next;
    }
    free(st->scratch);
    free(st);
}

void
peer_reset(peer_state *st)
{
    st->current = st->first;
    if (st->current != NULL)
        st->current->used = 0;
}

/* size bytes, not cleared. */
static void *
alloc_raw(peer_state *st, size_t size)
{
    peer_block *b = st->current;
    void *p;
    size = (size + sizeof(max_align_t) - 1) & ~(sizeof(max_align_t) - 1);
    /* the next kept block, or a new one after the current */
    while (b == NULL || b->cap - b->used < size) {
        peer_block *next = b != NULL ? b->next : st->first;
        if (next == NULL || next->cap < size) {
            size_t cap = size > BLOCK_BYTES ? size : BLOCK_BYTES;
            peer_block *fresh = malloc(sizeof *fresh + cap);
            if (fresh == NULL)
                out_of_memory();
            fresh->cap = cap;
            fresh->next = next;
            if (b != NULL)
                b->next = fresh;
            else
                st->first = fresh;
            next = fresh;
        }
        b = next;
        b->used = 0;
    }
    st->current = b;
    p = (char *)b->data + b->used;
    b->used += size;
    return p;
}

void *
peer_alloc(peer_state *st, size_t size)
{
    return memset(alloc_raw(st, size), 0, size);
}

void
peer_copy_string(peer_state *st, const char *s, size_t n, ixj_string *out)
{
    char *copy = alloc_raw(st, n + 1);
    memcpy(copy, s, n);
    copy[n] = '\0';
    out->ptr = copy;
    out->len = n;
}

char *
peer_scratch(peer_state *st, size_t n)
{
    if (n > st->scratch_cap) {
        free(st->scratch);
        st->scratch = malloc(n);
        if (st->scratch == NULL)
            out_of_memory();
        st->scratch_cap = n;
    }
    return st->scratch;
}

void **
peer_handle(peer_state *st, enum peer_id id)
{
    return &st->handles[id];
}

/* ----------------------------------------------------- the conversions */

int
peer_u64(const char *s, size_t n, uint64_t *out)
{
    uint64_t v = 0;
    if (n == 0 || n > 20 || (s[0] == '0' && n > 1))
        return 0; /* no leading zero, as ixjob */
    /* 19 digits cannot overflow; 20 must not pass 2^64 - 1 */
    if (n == 20 && memcmp(s, "18446744073709551615", 20) > 0)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (d > 9)
            return 0;
        v = v * 10 + d;
    }
    *out = v;
    return 1;
}

/* The value of n ASCII digits, or -1. */
static int
number_of(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        unsigned d = (unsigned)(s[i] - '0');
        if (d > 9)
            return -1;
        v = v * 10 + (int)d;
    }
    return v;
}

/* Days from 1970-01-01 to a civil date, with years that start in March
 * so that the leap day is the last day of a year (the method of Howard
 * Hinnant's "chrono-Compatible Low-Level Date Algorithms"). year >= 1. */
static int64_t
days_from_civil(int year, int month, int day)
{
    int64_t y = year - (month <= 2);
    int64_t era = y / 400;
    int64_t year_of_era = y - era * 400;
    int64_t day_of_year =
        (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

int
peer_timestamp(const char *s, size_t n, ixj_timestamp *out)
{
    static const int month_days[12] = {31, 28, 31, 30, 31, 30,
                                       31, 31, 30, 31, 30, 31};
    int year, month, day, hour, minute, second, offset = 0, last_day;
    int32_t nanos = 0;
    size_t i = 19;
    int64_t seconds;

    if (n < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' ||
        s[16] != ':')
        return 0;
    year = number_of(s, 4);
    month = number_of(s + 5, 2);
    day = number_of(s + 8, 2);
    hour = number_of(s + 11, 2);
    minute = number_of(s + 14, 2);
    second = number_of(s + 17, 2);
    if (year < 1 || month < 1 || month > 12 || day < 1 || hour < 0 ||
        hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59)
        return 0;
    last_day = month_days[month - 1];
    if (month == 2 && year % 4 == 0 && (year % 100 != 0 || year % 400 == 0))
        last_day = 29;
    if (day > last_day)
        return 0;
    if (s[i] == '.') {
        size_t start = ++i;
        while (i < n && (unsigned)(s[i] - '0') <= 9) {
            if (i - start == 9)
                return 0; /* a tenth digit */
            nanos = nanos * 10 + (s[i] - '0');
            i++;
        }
        if (i == start)
            return 0;
        for (size_t k = i - start; k < 9; k++)
            nanos *= 10;
    }
    if (i + 1 == n && s[i] == 'Z') {
        offset = 0;
    } else if (i + 6 == n && (s[i] == '+' || s[i] == '-') && s[i + 3] == ':') {
        int oh = number_of(s + i + 1, 2), om = number_of(s + i + 4, 2);
        if (oh < 0 || oh > 23 || om < 0 || om > 59)
            return 0;
        offset = s[i] == '-' ? -(oh * 60 + om) : oh * 60 + om;
    } else {
        return 0;
    }
    seconds = days_from_civil(year, month, day) * 86400 + hour * 3600 +
              minute * 60 + second - (int64_t)offset * 60;
    if (seconds < IXJ_TIMESTAMP_MIN_SECONDS ||
        seconds > IXJ_TIMESTAMP_MAX_SECONDS)
        return 0;
    out->seconds = seconds;
    out->nanos = nanos;
    out->offset_minutes = (int16_t)offset;
    return 1;
}

typedef struct literal {
    const char *text;
    size_t len;
} literal;

#define LITERAL_(prefix, name) \
    {#prefix "_" #name, sizeof(#prefix "_" #name) - 1},

static const literal phase_literals[] = {
    IXJ_BATCH_JOB_PHASE_LITERALS(LITERAL_)};
static const literal job_status_literals[] = {
    IXJ_INDEX_JOB_STATUS_LITERALS(LITERAL_)};
static const literal source_status_literals[] = {
    IXJ_DATA_SOURCE_STATUS_LITERALS(LITERAL_)};

int
peer_enum(ixj_enum which, const char *s, size_t n)
{
    const literal *list;
    size_t count;
    switch (which) {
    case IXJ_ENUM_BATCH_JOB_PHASE:
        list = phase_literals;
        count = sizeof phase_literals / sizeof *list;
        break;
    case IXJ_ENUM_INDEX_JOB_STATUS:
        list = job_status_literals;
        count = sizeof job_status_literals / sizeof *list;
        break;
    default:
        list = source_status_literals;
        count = sizeof source_status_literals / sizeof *list;
        break;
    }
    for (size_t i = 0; i < count; i++)
        if (list[i].len == n && memcmp(list[i].text, s, n) == 0)
            return (int)i;
    return -1;
}

/* ------------------------------------------------------ the comparison */

typedef struct diff {
    char *why;
    size_t cap;
} diff;

static int
differ(diff *d, const char *path, const char *member)
{
    snprintf(d->why, d->cap, "%s.%s", path, member);
    return 0;
}

static int
string_eq(const ixj_string *a, const ixj_string *b)
{
    if (a->ptr == NULL || b->ptr == NULL)
        return a->ptr == b->ptr && a->len == b->len;
    return a->len == b->len && memcmp(a->ptr, b->ptr, a->len) == 0 &&
           a->ptr[a->len] == '\0' && b->ptr[b->len] == '\0';
}

static int
timestamp_eq(const ixj_timestamp *a, const ixj_timestamp *b)
{
    return a->seconds == b->seconds && a->nanos == b->nanos &&
           a->offset_minutes == b->offset_minutes;
}

/* One comparison per kind of field; OBJECT and arrays recurse. */
#define SAME_STRING(a, b, member, ref, path, d) \
    string_eq(&(a)->member, &(b)->member)
#define SAME_UINT64(a, b, member, ref, path, d) ((a)->member == (b)->member)
#define SAME_INT64(a, b, member, ref, path, d)  ((a)->member == (b)->member)
#define SAME_BOOL(a, b, member, ref, path, d)   ((a)->member == (b)->member)
#define SAME_TIMESTAMP(a, b, member, ref, path, d) \
    timestamp_eq(&(a)->member, &(b)->member)
#define SAME_ENUM(a, b, member, ref, path, d) \
    ((a)->member == (b)->member &&            \
     string_eq(&(a)->member##_raw, &(b)->member##_raw))
#define SAME_OBJECT(a, b, member, ref, path, d) \
    same_object_##ref((a)->member, (b)->member, path, #member, d)
#define SAME_OBJECT_ARRAY(a, b, member, ref, path, d)           \
    same_array_##ref((a)->member, (a)->n_##member, (b)->member, \
                     (b)->n_##member, path, #member, d)
#define SAME_STRING_ARRAY(a, b, member, ref, path, d)                        \
    same_strings((a)->member, (a)->n_##member, (b)->member, (b)->n_##member, \
                 path, #member, d)

#define SAME_FIELD_(bit, member, kind, ref)       \
    if (IXJ_HAS(a, bit) != IXJ_HAS(b, bit) ||     \
        !SAME_##kind(a, b, member, ref, path, d)) \
        return d->why[0] != '\0' ? 0 : differ(d, path, #member);

/* The path of a member, or of an element when index >= 0. */
static void
sub_path(char *out, size_t cap, const char *path, const char *member,
         long index)
{
    int n = index >= 0 ? snprintf(out, cap, "%s.%s[%ld]", path, member, index)
                       : snprintf(out, cap, "%s.%s", path, member);
    if (n < 0)
        out[0] = '\0';
}

static int
same_strings(const ixj_string *a, size_t na, const ixj_string *b, size_t nb,
             const char *path, const char *member, diff *d)
{
    char sub[256];
    if (na != nb || (a == NULL) != (b == NULL)) {
        snprintf(d->why, d->cap, "%s.%s (count or kept/dropped)", path, member);
        return 0;
    }
    for (size_t i = 0; a != NULL && i < na; i++)
        if (!string_eq(&a[i], &b[i])) {
            sub_path(sub, sizeof sub, path, member, (long)i);
            snprintf(d->why, d->cap, "%s", sub);
            return 0;
        }
    return 1;
}

static int
same_data_source_job(const ixj_data_source_job *a, const ixj_data_source_job *b,
                     const char *path, diff *d)
{
    BENCH_DATA_SOURCE_JOB_ROWS(SAME_FIELD_)
    return a->present == b->present || differ(d, path, "present");
}

static int
same_array_data_source_job(const ixj_data_source_job *const *a, size_t na,
                           const ixj_data_source_job *const *b, size_t nb,
                           const char *path, const char *member, diff *d)
{
    char sub[256];
    if (na != nb || (a == NULL) != (b == NULL)) {
        snprintf(d->why, d->cap, "%s.%s (count or kept/dropped)", path, member);
        return 0;
    }
    for (size_t i = 0; a != NULL && i < na; i++) {
        sub_path(sub, sizeof sub, path, member, (long)i);
        if (a[i] == NULL || b[i] == NULL) {
            snprintf(d->why, d->cap, "%s (a NULL element)", sub);
            return 0;
        }
        if (!same_data_source_job(a[i], b[i], sub, d))
            return 0;
    }
    return 1;
}

static int
same_job(const ixj_job *a, const ixj_job *b, const char *path, diff *d)
{
    BENCH_JOB_ROWS(SAME_FIELD_)
    return a->present == b->present || differ(d, path, "present");
}

static int
same_object_job(const ixj_job *a, const ixj_job *b, const char *path,
                const char *member, diff *d)
{
    char sub[256];
    sub_path(sub, sizeof sub, path, member, -1);
    if (a == NULL || b == NULL) { /* absent: both NULL */
        if (a == b)
            return 1;
        snprintf(d->why, d->cap, "%s (NULL on one side)", sub);
        return 0;
    }
    return same_job(a, b, sub, d);
}

int
peer_envelope_equal(const ixj_job_envelope *a, const ixj_job_envelope *b,
                    char *why, size_t cap)
{
    diff diff_ = {why, cap};
    diff *d = &diff_;
    const char *path = "$";
    why[0] = '\0';
    BENCH_JOB_ENVELOPE_ROWS(SAME_FIELD_)
    return a->present == b->present || differ(d, path, "present");
}
