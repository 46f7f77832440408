/* SPDX-License-Identifier: MIT */
/*
 * The payload model of the fuzz targets: the public registries and field
 * lists of <ixjob/ixjob.h> and <ixjob/types.h> (IXJ_TYPE_MAP,
 * IXJ_ELEMENT_MAP, IXJ_ENUM_MAP, IXJ_*_FIELDS, IXJ_*_LITERALS) expanded
 * into tables, with the offsets of the public structs. Nothing here comes
 * from the library's internal tables: the targets walk decoded values
 * and build payloads with this model, and a payload type, field, enum
 * literal or element kind added to the registries reaches them without
 * an edit (a new payload struct needs one row in model.c, and the build
 * fails until it has it).
 */
#ifndef IXJOB_FUZZ_MODEL_H
#define IXJOB_FUZZ_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

typedef enum fzm_kind {
    FZM_STRING,
    FZM_UINT64,
    FZM_INT64,
    FZM_BOOL,
    FZM_TIMESTAMP,
    FZM_ENUM,
    FZM_OBJECT,       /* const T *: a struct of its own, NULL when absent */
    FZM_OBJECT_ARRAY, /* const T *const *: a pointer per element */
    FZM_STRING_ARRAY  /* const ixj_string *: the strings themselves */
} fzm_kind;

typedef struct fzm_enum {
    ixj_enum which;
    const char *const *literals; /* literal of value i */
    int count;
} fzm_enum;

typedef struct fzm_object fzm_object;

typedef struct fzm_field {
    const char *name;  /* the JSON key, snake_case (the C member) */
    const char *alias; /* the lowerCamelCase alias the list gives */
    fzm_kind kind;
    unsigned bit;
    unsigned element; /* the ixj_element of a streamed array, or 0 */
    size_t offset;    /* of the member */
    size_t aux;       /* of n_<member> (arrays) or <member>_raw (enums) */
    const fzm_object *object; /* OBJECT, OBJECT_ARRAY */
    const fzm_enum *enumeration;
} fzm_field;

struct fzm_object {
    const char *name; /* the struct, without ixj_ */
    size_t size;
    const fzm_field *fields; /* in list order (fields[i].bit == i) */
    size_t n_fields;
};

/* Every payload struct. */
extern const fzm_object *const fzm_objects[];
extern const size_t fzm_n_objects;

/* Payload types: AUTO, ANY, then every row of IXJ_TYPE_MAP in its order
 * (so a new type takes the next index and no index changes meaning).
 * fzm_types[i] for i < fzm_n_types. */
extern const ixj_type fzm_types[];
extern const size_t fzm_n_types;

/* The root object of a payload type of IXJ_TYPE_MAP; NULL for AUTO, ANY
 * and anything else. */
const fzm_object *fzm_root(ixj_type type);

/* Element kinds: every row of IXJ_ELEMENT_MAP in its order. */
extern const ixj_element fzm_elements[];
extern const size_t fzm_n_elements;
/* Bit k set for every element kind k. */
extern const unsigned fzm_element_mask;
/* 1 when v is a row of IXJ_ELEMENT_MAP. */
int fzm_is_element(unsigned v);
/* The object an element of this kind is, or NULL for a string element. */
const fzm_object *fzm_element_object(ixj_element kind);

/* Enums: every row of IXJ_ENUM_MAP. */
extern const fzm_enum *const fzm_enums[];
extern const size_t fzm_n_enums;

/* Finds a field by exact key (len bytes): by name, or by alias when
 * allow_alias. NULL when none matches. *by_alias (may be NULL) tells which
 * matched. */
const fzm_field *fzm_find(const fzm_object *o, const char *key, size_t len,
                          int allow_alias, int *by_alias);

/* Member access. */
static inline const void *
fzm_member(const void *base, const fzm_field *f)
{
    return (const char *)base + f->offset;
}

static inline const void *
fzm_aux(const void *base, const fzm_field *f)
{
    return (const char *)base + f->aux;
}

/* The struct an OBJECT member points to (NULL when absent). */
static inline const void *
fzm_object_at(const void *base, const fzm_field *f)
{
    return *(const void *const *)fzm_member(base, f);
}

/* Element k of an array member whose pointer is items: the struct an
 * OBJECT_ARRAY's k-th pointer points to, or the k-th ixj_string. */
static inline const void *
fzm_item(const void *items, const fzm_field *f, size_t k)
{
    if (f->kind == FZM_OBJECT_ARRAY)
        return ((const void *const *)items)[k];
    return (const ixj_string *)items + k;
}

/* The presence mask of a payload struct (its first member). */
static inline uint64_t
fzm_present(const void *base)
{
    return *(const uint64_t *)base;
}

#endif /* IXJOB_FUZZ_MODEL_H */
