/* SPDX-License-Identifier: MIT */
/* Enum literal tables, from the literal lists in <ixjob/types.h>. */
#include <string.h>

#include "bytes.h"
#include "detail.h"
#include "schema.h"

#define LITERAL_(prefix, name) #prefix "_" #name,
#define LENGTH_(prefix, name)  sizeof(#prefix "_" #name) - 1,

#define ENUM_DESC(suffix, name, LIST)                              \
    static const char *const name##_literals[] = {LIST(LITERAL_)}; \
    static const unsigned char name##_lengths[] = {LIST(LENGTH_)}; \
    const ixj__enum_desc ixj__enum_##name = {                      \
        "ixj_" #name, name##_literals, name##_lengths,             \
        (int)(sizeof(name##_lengths) / sizeof(name##_lengths[0])), \
        IXJ__D_ENUM_##suffix}

#define ENUM_DESC_(suffix, value, name) \
    ENUM_DESC(suffix, name, IXJ_##suffix##_LITERALS);
IXJ_ENUM_MAP(ENUM_DESC_)

int
ixj__enum_value(const ixj__enum_desc *e, const char *text, size_t len)
{
    for (int i = 0; i < e->count; i++) {
        if (e->lengths[i] == len && ixj__same_bytes(e->literals[i], text, len))
            return i;
    }
    return -1;
}

static const ixj__enum_desc *
enum_desc(ixj_enum which)
{
#define ENUM_CASE_(suffix, value, name) \
    case IXJ_ENUM_##suffix:             \
        return &ixj__enum_##name;
    switch (which) {
        IXJ_ENUM_MAP(ENUM_CASE_)
    }
    return NULL;
#undef ENUM_CASE_
}

const char *
ixj_enum_name(ixj_enum which, int value)
{
    const ixj__enum_desc *e = enum_desc(which);
    return e != NULL && value >= 0 && value < e->count ? e->literals[value]
                                                       : NULL;
}

const char *
ixj_enum_text(ixj_enum which, int value, const ixj_string *raw)
{
    if (value == -1 && enum_desc(which) != NULL)
        return raw != NULL ? raw->ptr : NULL;
    return ixj_enum_name(which, value);
}

int
ixj_enum_from_name(ixj_enum which, const char *text, size_t len, int *out)
{
    const ixj__enum_desc *e = enum_desc(which);
    int v = e != NULL && (text != NULL || len == 0)
                ? ixj__enum_value(e, text != NULL ? text : "", len)
                : -1;
    *out = v;
    return v >= 0;
}

/* The typed pair of each enum. */
#define ENUM_FUNCTIONS_(suffix, value, name)                                  \
    const char *ixj_##name##_name(ixj_##name v)                               \
    {                                                                         \
        return ixj_enum_name(IXJ_ENUM_##suffix, (int)v);                      \
    }                                                                         \
    int ixj_##name##_from_name(const char *text, size_t len, ixj_##name *out) \
    {                                                                         \
        int v;                                                                \
        int found = ixj_enum_from_name(IXJ_ENUM_##suffix, text, len, &v);     \
        *out = (ixj_##name)v;                                                 \
        return found;                                                         \
    }
IXJ_ENUM_MAP(ENUM_FUNCTIONS_)
