/* SPDX-License-Identifier: MIT */
/*
 * The field tables: the one file that changes when a payload changes.
 * Each table is the expansion of a field list from <ixjob/types.h>, so the
 * list there is the only place a field is described. The static
 * assertions check every member's C type against its kind, so a list and
 * its hand-written struct cannot drift apart silently.
 */
#include <stddef.h>

#include "detail.h"
#include "schema.h"

/* The part of a descriptor that depends on the kind. */
#define AUX_STRING(S, m)       0
#define AUX_UINT64(S, m)       0
#define AUX_INT64(S, m)        0
#define AUX_BOOL(S, m)         0
#define AUX_TIMESTAMP(S, m)    0
#define AUX_ENUM(S, m)         offsetof(S, m##_raw)
#define AUX_OBJECT(S, m)       0
#define AUX_OBJECT_ARRAY(S, m) offsetof(S, n_##m)
#define AUX_STRING_ARRAY(S, m) offsetof(S, n_##m)

#define OBJ_STRING(ref)       NULL
#define OBJ_UINT64(ref)       NULL
#define OBJ_INT64(ref)        NULL
#define OBJ_BOOL(ref)         NULL
#define OBJ_TIMESTAMP(ref)    NULL
#define OBJ_ENUM(ref)         NULL
#define OBJ_OBJECT(ref)       &ixj__object_##ref
#define OBJ_OBJECT_ARRAY(ref) &ixj__object_##ref
#define OBJ_STRING_ARRAY(ref) NULL

#define ENUM_STRING(ref)       NULL
#define ENUM_UINT64(ref)       NULL
#define ENUM_INT64(ref)        NULL
#define ENUM_BOOL(ref)         NULL
#define ENUM_TIMESTAMP(ref)    NULL
#define ENUM_ENUM(ref)         &ixj__enum_##ref
#define ENUM_OBJECT(ref)       NULL
#define ENUM_OBJECT_ARRAY(ref) NULL
#define ENUM_STRING_ARRAY(ref) NULL

/* The element column: 0 for NONE, else the ixj_element. */
#define ELEMENT_NONE                 0
#define ELEMENT_JOBS                 IXJ_ELEMENT_JOBS
#define ELEMENT_DATA_SOURCE_JOBS     IXJ_ELEMENT_DATA_SOURCE_JOBS
#define ELEMENT_INDEXED_DATA_SOURCES IXJ_ELEMENT_INDEXED_DATA_SOURCES
#define ELEMENT_DATA_SOURCE_UUIDS    IXJ_ELEMENT_DATA_SOURCE_UUIDS

#define DESCRIBE_(S, bit, member, alias_, kind_, ref, element_) \
    {#member,                                                   \
     alias_,                                                    \
     sizeof(#member) - 1,                                       \
     sizeof(alias_) - 1,                                        \
     IXJ__KIND_##kind_,                                         \
     bit,                                                       \
     ELEMENT_##element_,                                        \
     offsetof(S, member),                                       \
     AUX_##kind_(S, member),                                    \
     OBJ_##kind_(ref),                                          \
     ENUM_##kind_(ref)},

/* The companion member of enums and arrays. */
#define AUX_CHECK_STRING(S, m)
#define AUX_CHECK_UINT64(S, m)
#define AUX_CHECK_INT64(S, m)
#define AUX_CHECK_BOOL(S, m)
#define AUX_CHECK_TIMESTAMP(S, m)
#define AUX_CHECK_OBJECT(S, m)
#define AUX_CHECK_ENUM(S, m)                                                 \
    _Static_assert(_Generic(((S *)0)->m##_raw, ixj_string : 1, default : 0), \
                   #S "." #m "_raw must be an ixj_string");
#define AUX_CHECK_OBJECT_ARRAY(S, m)                                   \
    _Static_assert(_Generic(((S *)0)->n_##m, size_t : 1, default : 0), \
                   #S ".n_" #m " must be a size_t");
#define AUX_CHECK_STRING_ARRAY(S, m) AUX_CHECK_OBJECT_ARRAY(S, m)

#define CHECK_(S, bit, member, alias_, kind_, ref, element_)                 \
    _Static_assert(_Generic(((S *)0)->member,                                \
                            IXJ__MEMBER_TYPE_##kind_(ref) : 1, default : 0), \
                   #S "." #member " does not have the type of a " #kind_);   \
    AUX_CHECK_##kind_(S, member)

/* The generated index of an object (keyindex.c). The index generator
 * itself compiles this file without it. */
#ifdef IXJ_GEN_KEYINDEX
#define INDEX_OF(name) NULL
#else
#define INDEX_OF(name) &ixj__keyindex_##name
#define DECLARE_INDEX_(name, fields, required, missing) \
    extern const ixj__key_index ixj__keyindex_##name;
IXJ__OBJECT_MAP(DECLARE_INDEX_)
#endif

/* Descriptor of struct ixj_<name> from field list <LIST>; the fields
 * strict mode requires and, per presence bit, the detail of their absence
 * (NULL when none is required). */
#define OBJECT_DESC(name, LIST, required_mask, missing_details)              \
    static const ixj__field name##_fields[] = {LIST(DESCRIBE_, ixj_##name)}; \
    LIST(CHECK_, ixj_##name)                                                 \
    _Static_assert(sizeof(name##_fields) / sizeof(ixj__field) <= 64,         \
                   "presence fits in 64 bits");                              \
    const ixj__object_desc ixj__object_##name = {                            \
        "ixj_" #name,                                                        \
        sizeof(ixj_##name),                                                  \
        sizeof(name##_fields) / sizeof(ixj__field),                          \
        required_mask,                                                       \
        missing_details,                                                     \
        name##_fields,                                                       \
        INDEX_OF(name)}

/* The enum members are read and written as int. */
#define ENUM_IS_INT_(suffix, value, name) \
    _Static_assert(sizeof(ixj_##name) == sizeof(int), "enum is an int");
IXJ_ENUM_MAP(ENUM_IS_INT_)

const uint8_t ixj__error_body_missing[IXJ_ERROR_BODY_FIELD_COUNT] = {
    [IXJ_ERROR_BODY_ID] = IXJ__D_MISSING_ID,
    [IXJ_ERROR_BODY_MESSAGE] = IXJ__D_MISSING_MESSAGE};

#define OBJECT_ROW_(name, fields, required, missing) \
    OBJECT_DESC(name, fields, required, missing);
IXJ__OBJECT_MAP(OBJECT_ROW_)

/* The root object of each payload type, from the type registry. */
#define ROOT_CASE_(suffix, value, name, type, member) \
    case IXJ_TYPE_##suffix:                           \
        return &ixj__object_##type;

const ixj__object_desc *
ixj__root_object(ixj_type type)
{
    switch (type) {
        IXJ_TYPE_MAP(ROOT_CASE_)
    case IXJ_TYPE_AUTO:
    case IXJ_TYPE_ANY:
        break;
    }
    return NULL;
}

/* The object an element is, from the element registry (NULL for a string
 * element and values that are not elements). */
#define ELEMENT_OBJECT_string          NULL
#define ELEMENT_OBJECT_job             &ixj__object_job
#define ELEMENT_OBJECT_data_source_job &ixj__object_data_source_job
#define ELEMENT_CASE_(suffix, value, type) \
    case IXJ_ELEMENT_##suffix:             \
        return ELEMENT_OBJECT_##type;

const ixj__object_desc *
ixj__element_object(ixj_element element)
{
    /* The string elements return NULL alike: clones made by the table. */
    switch (element) {
        IXJ_ELEMENT_MAP(ELEMENT_CASE_) /* NOLINT(bugprone-branch-clone) */
    }
    return NULL;
}

/* Every payload type, for auto-detection. */
#define TYPE_ROW_(suffix, value, name, type, member) IXJ_TYPE_##suffix,
const ixj_type ixj__payload_types[] = {IXJ_TYPE_MAP(TYPE_ROW_)};
const size_t ixj__n_payload_types =
    sizeof ixj__payload_types / sizeof ixj__payload_types[0];

/* Element values run from 1 without a gap (the decoder keeps a callback
 * per value in an array of IXJ__ELEMENT_END). */
#define ELEMENT_DENSE_(suffix, value, type)                \
    _Static_assert(value >= 1 && value < IXJ__ELEMENT_END, \
                   "IXJ_ELEMENT_" #suffix " is 1 .. the count");
IXJ_ELEMENT_MAP(ELEMENT_DENSE_)

#define OBJECT_ADDRESS_(name, fields, required, missing) &ixj__object_##name,
const ixj__object_desc *const ixj__objects[] = {
    IXJ__OBJECT_MAP(OBJECT_ADDRESS_)};
const size_t ixj__n_objects = sizeof ixj__objects / sizeof ixj__objects[0];
