/* SPDX-License-Identifier: MIT */
/* The payload model of the fuzz targets; see model.h. */
#include <stddef.h>
#include <string.h>

#include "model.h"

/* What a field row gives, by kind. */
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
#define OBJ_OBJECT(ref)       &fzm_obj_##ref
#define OBJ_OBJECT_ARRAY(ref) &fzm_obj_##ref
#define OBJ_STRING_ARRAY(ref) NULL

#define ENUM_STRING(ref)       NULL
#define ENUM_UINT64(ref)       NULL
#define ENUM_INT64(ref)        NULL
#define ENUM_BOOL(ref)         NULL
#define ENUM_TIMESTAMP(ref)    NULL
#define ENUM_ENUM(ref)         &fzm_enum_##ref
#define ENUM_OBJECT(ref)       NULL
#define ENUM_OBJECT_ARRAY(ref) NULL
#define ENUM_STRING_ARRAY(ref) NULL

/* The element column: NONE, or a row of IXJ_ELEMENT_MAP. */
#define ELEMENT_CONST_(suffix, value, type) \
    FZM_ELEMENT_##suffix = IXJ_ELEMENT_##suffix,
enum { FZM_ELEMENT_NONE = 0, IXJ_ELEMENT_MAP(ELEMENT_CONST_) };
#undef ELEMENT_CONST_

/* ---------------------------------------------------------------- enums */

#define LITERAL_(prefix, name) #prefix "_" #name,
#define ENUM_(suffix, value, name)                 \
    static const char *const literals_##name[] = { \
        IXJ_##suffix##_LITERALS(LITERAL_)};        \
    static const fzm_enum fzm_enum_##name = {      \
        IXJ_ENUM_##suffix, literals_##name,        \
        (int)(sizeof literals_##name / sizeof literals_##name[0])};
IXJ_ENUM_MAP(ENUM_)
#undef ENUM_
#undef LITERAL_

#define ENUM_PTR_(suffix, value, name) &fzm_enum_##name,
const fzm_enum *const fzm_enums[] = {IXJ_ENUM_MAP(ENUM_PTR_)};
#undef ENUM_PTR_
const size_t fzm_n_enums = sizeof fzm_enums / sizeof fzm_enums[0];

/* -------------------------------------------------------------- objects */

/* Every payload struct of types.h, one row each: the struct without its
 * ixj_ prefix and its field list. */
#define FZM_OBJECTS(X)                               \
    X(data_source_job, IXJ_DATA_SOURCE_JOB_FIELDS)   \
    X(job, IXJ_JOB_FIELDS)                           \
    X(job_envelope, IXJ_JOB_ENVELOPE_FIELDS)         \
    X(pages, IXJ_PAGES_FIELDS)                       \
    X(links, IXJ_LINKS_FIELDS)                       \
    X(meta, IXJ_META_FIELDS)                         \
    X(job_list, IXJ_JOB_LIST_FIELDS)                 \
    X(data_source_list, IXJ_DATA_SOURCE_LIST_FIELDS) \
    X(signed_url, IXJ_SIGNED_URL_FIELDS)             \
    X(error_body, IXJ_ERROR_BODY_FIELDS)             \
    X(create_request, IXJ_CREATE_REQUEST_FIELDS)

#define DECLARE_(name, list) static const fzm_object fzm_obj_##name;
FZM_OBJECTS(DECLARE_)
#undef DECLARE_

#define FIELD_(S, bit, member, alias, kind, ref, element) \
    {#member,                                             \
     alias,                                               \
     FZM_##kind,                                          \
     bit,                                                 \
     FZM_ELEMENT_##element,                               \
     offsetof(S, member),                                 \
     AUX_##kind(S, member),                               \
     OBJ_##kind(ref),                                     \
     ENUM_##kind(ref)},

/* A field list passes its context to X first: here, the struct. */
#define DEFINE_(name, list)                                              \
    static const fzm_field fields_##name[] = {list(FIELD_, ixj_##name)}; \
    static const fzm_object fzm_obj_##name = {                           \
        #name, sizeof(ixj_##name), fields_##name,                        \
        sizeof fields_##name / sizeof fields_##name[0]};
FZM_OBJECTS(DEFINE_)
#undef DEFINE_

#define OBJECT_PTR_(name, list) &fzm_obj_##name,
const fzm_object *const fzm_objects[] = {FZM_OBJECTS(OBJECT_PTR_)};
#undef OBJECT_PTR_
const size_t fzm_n_objects = sizeof fzm_objects / sizeof fzm_objects[0];

/* --------------------------------------------------------------- types */

#define TYPE_ROW_(suffix, value, name, type, member) IXJ_TYPE_##suffix,
/* AUTO and ANY first: a type added to IXJ_TYPE_MAP takes the next
 * selector, and every existing selector keeps its type. */
const ixj_type fzm_types[] = {IXJ_TYPE_AUTO, IXJ_TYPE_ANY,
                              IXJ_TYPE_MAP(TYPE_ROW_)};
#undef TYPE_ROW_
const size_t fzm_n_types = sizeof fzm_types / sizeof fzm_types[0];

const fzm_object *
fzm_root(ixj_type type)
{
    /* a payload struct without a row in FZM_OBJECTS fails to build here */
#define ROOT_(suffix, value, name, type, member) \
    case IXJ_TYPE_##suffix:                      \
        return &fzm_obj_##type;
    switch (type) {
        IXJ_TYPE_MAP(ROOT_)
    default:
        return NULL;
    }
#undef ROOT_
}

/* ------------------------------------------------------------ elements */

#define ELEMENT_ROW_(suffix, value, type) IXJ_ELEMENT_##suffix,
const ixj_element fzm_elements[] = {IXJ_ELEMENT_MAP(ELEMENT_ROW_)};
#undef ELEMENT_ROW_
const size_t fzm_n_elements = sizeof fzm_elements / sizeof fzm_elements[0];

#define ELEMENT_BIT_(suffix, value, type) | (1u << IXJ_ELEMENT_##suffix)
const unsigned fzm_element_mask = 0u IXJ_ELEMENT_MAP(ELEMENT_BIT_);
#undef ELEMENT_BIT_

int
fzm_is_element(unsigned v)
{
    for (size_t i = 0; i < fzm_n_elements; i++)
        if ((unsigned)fzm_elements[i] == v)
            return 1;
    return 0;
}

/* The element's type column: an object of the model, or a string. */
#define ELEMENT_OBJ_job             &fzm_obj_job
#define ELEMENT_OBJ_data_source_job &fzm_obj_data_source_job
#define ELEMENT_OBJ_string          NULL

const fzm_object *
fzm_element_object(ixj_element kind)
{
#define ELEMENT_CASE_(suffix, value, type) \
    case IXJ_ELEMENT_##suffix:             \
        return ELEMENT_OBJ_##type;
    switch (kind) {
        IXJ_ELEMENT_MAP(ELEMENT_CASE_)
    }
    return NULL;
#undef ELEMENT_CASE_
}

/* --------------------------------------------------------------- lookup */

const fzm_field *
fzm_find(const fzm_object *o, const char *key, size_t len, int allow_alias,
         int *by_alias)
{
    if (by_alias != NULL)
        *by_alias = 0;
    for (size_t i = 0; i < o->n_fields; i++) {
        const fzm_field *f = &o->fields[i];
        if (strlen(f->name) == len && memcmp(f->name, key, len) == 0)
            return f;
    }
    if (!allow_alias)
        return NULL;
    for (size_t i = 0; i < o->n_fields; i++) {
        const fzm_field *f = &o->fields[i];
        if (strlen(f->alias) == len && memcmp(f->alias, key, len) == 0) {
            if (by_alias != NULL)
                *by_alias = 1;
            return f;
        }
    }
    return NULL;
}
