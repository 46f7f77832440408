/* SPDX-License-Identifier: MIT */
/* Enum literal tables, from the literal lists in <ixjob/types.h>. */
#include <string.h>

#include "bytes.h"
#include "schema.h"

#define LITERAL_(prefix, name) #prefix "_" #name,
#define LENGTH_(prefix, name)  sizeof(#prefix "_" #name) - 1,

#define ENUM_DESC(name, LIST)                                      \
    static const char *const name##_literals[] = {LIST(LITERAL_)}; \
    static const unsigned char name##_lengths[] = {LIST(LENGTH_)}; \
    const ixj__enum_desc ixj__enum_##name = {                      \
        "ixj_" #name, name##_literals, name##_lengths,             \
        (int)(sizeof(name##_lengths) / sizeof(name##_lengths[0]))}

ENUM_DESC(batch_job_phase, IXJ_BATCH_JOB_PHASE_LITERALS);
ENUM_DESC(index_job_status, IXJ_INDEX_JOB_STATUS_LITERALS);
ENUM_DESC(data_source_status, IXJ_DATA_SOURCE_STATUS_LITERALS);

int
ixj__enum_value(const ixj__enum_desc *e, const char *text, size_t len)
{
    for (int i = 0; i < e->count; i++) {
        if (e->lengths[i] == len && ixj__same_bytes(e->literals[i], text, len))
            return i;
    }
    return -1;
}

static const char *
enum_name(const ixj__enum_desc *e, int value)
{
    return value >= 0 && value < e->count ? e->literals[value] : NULL;
}

const char *
ixj_batch_job_phase_name(ixj_batch_job_phase value)
{
    return enum_name(&ixj__enum_batch_job_phase, (int)value);
}

const char *
ixj_index_job_status_name(ixj_index_job_status value)
{
    return enum_name(&ixj__enum_index_job_status, (int)value);
}

const char *
ixj_data_source_status_name(ixj_data_source_status value)
{
    return enum_name(&ixj__enum_data_source_status, (int)value);
}

/* Looks a literal up; stores -1 (..._UNRECOGNIZED) when unknown. */
static int
enum_from_name(const ixj__enum_desc *e, const char *text, size_t len, int *out)
{
    int v = text != NULL ? ixj__enum_value(e, text, len) : -1;
    *out = v;
    return v >= 0;
}

int
ixj_batch_job_phase_from_name(const char *text, size_t len,
                              ixj_batch_job_phase *out)
{
    int v;
    int found = enum_from_name(&ixj__enum_batch_job_phase, text, len, &v);
    *out = (ixj_batch_job_phase)v;
    return found;
}

int
ixj_index_job_status_from_name(const char *text, size_t len,
                               ixj_index_job_status *out)
{
    int v;
    int found = enum_from_name(&ixj__enum_index_job_status, text, len, &v);
    *out = (ixj_index_job_status)v;
    return found;
}

int
ixj_data_source_status_from_name(const char *text, size_t len,
                                 ixj_data_source_status *out)
{
    int v;
    int found = enum_from_name(&ixj__enum_data_source_status, text, len, &v);
    *out = (ixj_data_source_status)v;
    return found;
}
