/* SPDX-License-Identifier: MIT */
/*
 * The schema model: payload knowledge as data. Each payload object is an
 * ixj__object_desc, a table of field descriptors built from the field
 * lists in <ixjob/types.h>; each enum is an ixj__enum_desc. The decoder
 * and the encoder interpret these tables and hold no payload knowledge of
 * their own: adding a payload type means adding a list and a table.
 */
#ifndef IXJOB_SCHEMA_H
#define IXJOB_SCHEMA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

typedef enum ixj__kind {
    IXJ__KIND_STRING,       /* ixj_string */
    IXJ__KIND_UINT64,       /* uint64_t, canonically a decimal string */
    IXJ__KIND_INT64,        /* int64_t, canonically a number */
    IXJ__KIND_BOOL,         /* bool */
    IXJ__KIND_TIMESTAMP,    /* ixj_timestamp */
    IXJ__KIND_ENUM,         /* a C enum (int) + ixj_string <member>_raw */
    IXJ__KIND_OBJECT,       /* an embedded struct */
    IXJ__KIND_OBJECT_ARRAY, /* const T * + size_t n_<member> */
    IXJ__KIND_STRING_ARRAY  /* const ixj_string * + size_t n_<member> */
} ixj__kind;

typedef struct ixj__enum_desc {
    const char *name;             /* C type name */
    const char *const *literals;  /* JSON literal of value i */
    const unsigned char *lengths; /* their lengths */
    int count;                    /* values 0 .. count-1 */
    uint8_t detail; /* ixj__detail of a literal strict mode refuses */
} ixj__enum_desc;

typedef struct ixj__object_desc ixj__object_desc;

typedef struct ixj__field {
    const char *name;  /* JSON key, snake_case */
    const char *alias; /* lowerCamelCase alias (= name for one word) */
    uint8_t name_len;
    uint8_t alias_len;
    uint8_t kind;        /* ixj__kind */
    uint8_t bit;         /* presence bit */
    uint8_t element;     /* arrays: the ixj_element it delivers, or 0 */
    uint32_t offset;     /* of the member */
    uint32_t aux_offset; /* of n_<member> (arrays), <member>_raw (enums) */
    /* OBJECT and OBJECT_ARRAY: the (element) object; ENUM: the enum. */
    const ixj__object_desc *object;
    const ixj__enum_desc *enumeration;
} ixj__field;

struct ixj__object_desc {
    const char *name; /* C type name */
    uint32_t size;    /* sizeof the struct */
    uint8_t n_fields;
    uint64_t required;        /* presence bits required in strict mode */
    const uint8_t *missing;   /* per bit: ixj__detail when it is missing */
    const ixj__field *fields; /* in declaration order: fields[i].bit == i */
};

/* The root object of a payload type; NULL for IXJ_TYPE_AUTO, IXJ_TYPE_ANY
 * and values that are not types. */
const ixj__object_desc *ixj__root_object(ixj_type type);

/* Finds the field named by a key (len bytes, after unescaping), trying
 * fields[hint] first: payloads usually send keys in table order, so the
 * field after the last one matched is the best guess. Aliases are matched
 * only when allow_alias; *is_alias tells which name matched. NULL when no
 * field has that name. */
const ixj__field *ixj__find_field(const ixj__object_desc *obj, const char *key,
                                  size_t len, unsigned hint, bool allow_alias,
                                  bool *is_alias);

/* The object an element of this kind is; NULL for string elements
 * (ixj_string) and values that are not an ixj_element. */
const ixj__object_desc *ixj__element_object(ixj_element element);

/* ixj_element values are 1 .. IXJ__ELEMENT_END - 1. */
#define IXJ__ELEMENT_ONE_(suffix, value, type) +1
enum { IXJ__ELEMENT_END = 1 IXJ_ELEMENT_MAP(IXJ__ELEMENT_ONE_) };
#undef IXJ__ELEMENT_ONE_

/* Every payload type of IXJ_TYPE_MAP, in its order. */
extern const ixj_type ixj__payload_types[];
extern const size_t ixj__n_payload_types;

/* The value of an enum literal (len bytes), or -1 when unknown. */
int ixj__enum_value(const ixj__enum_desc *e, const char *text, size_t len);

/* The payload type whose root object has a field with this key (an alias
 * too when allow_alias), or IXJ_TYPE_AUTO when none has. */
ixj_type ixj__detect_type(const char *key, size_t len, bool allow_alias);

#define IXJ__ENUM_DECLARE_(suffix, value, name) \
    extern const ixj__enum_desc ixj__enum_##name;
IXJ_ENUM_MAP(IXJ__ENUM_DECLARE_)
#undef IXJ__ENUM_DECLARE_

extern const ixj__object_desc ixj__object_data_source_job;
extern const ixj__object_desc ixj__object_job;
extern const ixj__object_desc ixj__object_job_envelope;
extern const ixj__object_desc ixj__object_pages;
extern const ixj__object_desc ixj__object_links;
extern const ixj__object_desc ixj__object_meta;
extern const ixj__object_desc ixj__object_job_list;
extern const ixj__object_desc ixj__object_data_source_list;
extern const ixj__object_desc ixj__object_signed_url;
extern const ixj__object_desc ixj__object_error_body;
extern const ixj__object_desc ixj__object_create_request;

/* Accessors for a member of a struct described by a field. */
static inline void *
ixj__member(void *base, const ixj__field *f)
{
    return (char *)base + f->offset;
}

static inline const void *
ixj__cmember(const void *base, const ixj__field *f)
{
    return (const char *)base + f->offset;
}

#endif /* IXJOB_SCHEMA_H */
