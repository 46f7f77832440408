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
#include <string.h>

#include <ixjob/ixjob.h>

typedef enum ixj__kind {
    IXJ__KIND_STRING,       /* ixj_string */
    IXJ__KIND_UINT64,       /* uint64_t, canonically a decimal string */
    IXJ__KIND_INT64,        /* int64_t, canonically a number */
    IXJ__KIND_BOOL,         /* bool */
    IXJ__KIND_TIMESTAMP,    /* ixj_timestamp */
    IXJ__KIND_ENUM,         /* a C enum (int) + ixj_string <member>_raw */
    IXJ__KIND_OBJECT,       /* const T *, NULL when absent */
    IXJ__KIND_OBJECT_ARRAY, /* const T *const * + size_t n_<member> */
    IXJ__KIND_STRING_ARRAY  /* const ixj_string * + size_t n_<member> */
} ixj__kind;

/* The C type of a member of each kind, for the _Generic checks that the
 * field lists and the structs of types.h agree (payloads.c, abi/layout.c).
 * A payload object is never a member or an array element by value, only
 * through a pointer to its own struct, so that every payload struct can
 * grow at its end (types.h, "ABI"). */
#define IXJ__MEMBER_TYPE_STRING(ref)       ixj_string
#define IXJ__MEMBER_TYPE_UINT64(ref)       uint64_t
#define IXJ__MEMBER_TYPE_INT64(ref)        int64_t
#define IXJ__MEMBER_TYPE_BOOL(ref)         bool
#define IXJ__MEMBER_TYPE_TIMESTAMP(ref)    ixj_timestamp
#define IXJ__MEMBER_TYPE_ENUM(ref)         ixj_##ref
#define IXJ__MEMBER_TYPE_OBJECT(ref)       const ixj_##ref *
#define IXJ__MEMBER_TYPE_OBJECT_ARRAY(ref) const ixj_##ref *const *
#define IXJ__MEMBER_TYPE_STRING_ARRAY(ref) const ixj_string *

typedef struct ixj__enum_desc {
    const char *name;             /* C type name */
    const char *const *literals;  /* JSON literal of value i */
    const unsigned char *lengths; /* their lengths */
    int count;                    /* values 0 .. count-1 */
    uint8_t detail; /* ixj__detail of a literal strict mode refuses */
} ixj__enum_desc;

typedef struct ixj__object_desc ixj__object_desc;

/*
 * The index of an object's keys, generated at build time from the tables
 * below (gen-keyindex.c writes keyindex.c): fields are declared in the
 * order they were added (the ABI), while keys arrive in the spec's
 * alphabetical order, so lookups never rely on the order of the rows.
 *
 * A key's slot is a perfect hash of its first and last eight bytes and
 * its length (ixj__key_slot); the slot names a field, with 0x80 added
 * when the key is that field's lowerCamelCase alias (0xFF: no key hashes
 * there).
 */
typedef struct ixj__key_index {
    uint64_t mul[2];      /* hash multipliers (odd) */
    uint8_t mask;         /* slots - 1 (slots is a power of two) */
    const uint8_t *slots; /* mask + 1 entries */
    const uint8_t *wire;  /* field indices in key order (by name) */
    const uint8_t *next;  /* per field: its position in wire, plus one */
} ixj__key_index;

/* n (1 to 8) bytes at p as a little-endian number, whatever the machine:
 * the index is computed on the build machine and used on the host. */
static inline uint64_t
ixj__key_word(const char *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v |= (uint64_t)(unsigned char)p[i] << (8 * i);
    return v;
}

/* The slot of a key of len > 0 bytes. */
static inline unsigned
ixj__key_slot(const ixj__key_index *ix, const char *key, size_t len)
{
    uint64_t head, tail, h;
    if (len >= 8) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
        memcpy(&head, key, 8);
        memcpy(&tail, key + len - 8, 8);
#else
        head = ixj__key_word(key, 8);
        tail = ixj__key_word(key + len - 8, 8);
#endif
    } else {
        head = ixj__key_word(key, len);
        tail = 0;
    }
    h = head * ix->mul[0] + (tail ^ len) * ix->mul[1];
    return (unsigned)(h >> 40) & ix->mask;
}

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
    uint64_t required;           /* presence bits required in strict mode */
    const uint8_t *missing;      /* per bit: ixj__detail when it is missing */
    const ixj__field *fields;    /* in declaration order: fields[i].bit == i */
    const ixj__key_index *index; /* generated; NULL inside the generator */
};

/* The root object of a payload type; NULL for IXJ_TYPE_AUTO, IXJ_TYPE_ANY
 * and values that are not types. */
const ixj__object_desc *ixj__root_object(ixj_type type);

/* Finds the field named by a key (len bytes, after unescaping), in one
 * step (the generated index). Aliases are matched only when allow_alias;
 * *is_alias tells which name matched. NULL when no field has that key. */
const ixj__field *ixj__find_field(const ixj__object_desc *obj, const char *key,
                                  size_t len, bool allow_alias, bool *is_alias);

/* The field whose key is at position `at` of the key order (NULL past
 * the last): with at = ixj__next_key(obj, f), the field whose key
 * follows f's, the best guess for the next key of a payload. */
static inline const ixj__field *
ixj__field_after(const ixj__object_desc *obj, unsigned at)
{
    return at < obj->n_fields ? &obj->fields[obj->index->wire[at]] : NULL;
}

static inline unsigned
ixj__next_key(const ixj__object_desc *obj, const ixj__field *f)
{
    return obj->index->next[f->bit]; /* bit == the field's index */
}

/* Every object table, for the index generator and the tests. */
extern const ixj__object_desc *const ixj__objects[];
extern const size_t ixj__n_objects;

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

#define IXJ__BIT(bit) (UINT64_C(1) << (bit))

/*
 * The payload objects, one row each: the struct's name without its ixj_
 * prefix, its field list (types.h), the presence bits strict mode
 * requires, and per bit the detail of a missing one (NULL when none is
 * required). payloads.c makes a table of each row; ixj__object_<name> is
 * that table.
 */
#define IXJ__OBJECT_MAP(X)                                            \
    X(data_source_job, IXJ_DATA_SOURCE_JOB_FIELDS, 0, NULL)           \
    X(job, IXJ_JOB_FIELDS, 0, NULL)                                   \
    X(job_envelope, IXJ_JOB_ENVELOPE_FIELDS, 0, NULL)                 \
    X(pages, IXJ_PAGES_FIELDS, 0, NULL)                               \
    X(links, IXJ_LINKS_FIELDS, 0, NULL)                               \
    X(meta, IXJ_META_FIELDS, 0, NULL)                                 \
    X(job_list, IXJ_JOB_LIST_FIELDS, 0, NULL)                         \
    X(data_source_list, IXJ_DATA_SOURCE_LIST_FIELDS, 0, NULL)         \
    X(signed_url, IXJ_SIGNED_URL_FIELDS, 0, NULL)                     \
    /* the spec's error model: `required: [id, message]` */           \
    X(error_body, IXJ_ERROR_BODY_FIELDS,                              \
      IXJ__BIT(IXJ_ERROR_BODY_ID) | IXJ__BIT(IXJ_ERROR_BODY_MESSAGE), \
      ixj__error_body_missing)                                        \
    X(create_request, IXJ_CREATE_REQUEST_FIELDS, 0, NULL)

#define IXJ__OBJECT_DECLARE_(name, fields, required, missing) \
    extern const ixj__object_desc ixj__object_##name;
IXJ__OBJECT_MAP(IXJ__OBJECT_DECLARE_)
#undef IXJ__OBJECT_DECLARE_

/* Details of the error body's missing required fields. */
extern const uint8_t ixj__error_body_missing[];

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
