/* SPDX-License-Identifier: MIT */
/*
 * The layout of the public types, as `make check-abi` compares it with
 * the baseline abi/layout.txt (abi/README.md): one line per member of
 * each payload struct (its presence bit, offset, size and C type), of
 * ixj_string and ixj_timestamp, and one per value of each enum that has a
 * list. Generated from the field lists and registries of the public
 * headers, and from IXJ__OBJECT_MAP for the list of payload structs, so a
 * field, a struct or an enum value added to them is printed with no
 * change here.
 *
 * Each line is "GROUP: ...", GROUP being a struct or an enum, and the
 * lines of a group are in declaration order: check-abi.sh passes when
 * every group of the baseline starts with the baseline's lines,
 * unchanged, whatever follows them. abidiff cannot check that for the
 * payload structs, which it must let grow at their end.
 *
 * The C type printed is the member's: the build fails when a member does
 * not have the type its kind prints (as in lib/payloads.c).
 */
#include <stddef.h>
#include <stdio.h>

#include "schema.h"

/* The C type of a member of each kind, as text and as a type. */
#define TEXT_STRING(ref)       "ixj_string"
#define TEXT_UINT64(ref)       "uint64_t"
#define TEXT_INT64(ref)        "int64_t"
#define TEXT_BOOL(ref)         "bool"
#define TEXT_TIMESTAMP(ref)    "ixj_timestamp"
#define TEXT_ENUM(ref)         "ixj_" #ref
#define TEXT_OBJECT(ref)       "const ixj_" #ref " *"
#define TEXT_OBJECT_ARRAY(ref) "const ixj_" #ref " *const *"
#define TEXT_STRING_ARRAY(ref) "const ixj_string *"

/* A member of type T: "struct S: member: offset, size, T". */
#define MEMBER_(S, m, T)                                        \
    _Static_assert(_Generic(((S *)0)->m, T : 1, default : 0),   \
                   #S "." #m " is not a " #T);                  \
    printf("struct %s: %s: offset %zu, size %zu, %s\n", #S, #m, \
           offsetof(S, m), sizeof(((S *)0)->m), #T)

/* The companion of an enum (its raw text) and of an array (its count). */
#define COMPANION_STRING(S, m)
#define COMPANION_UINT64(S, m)
#define COMPANION_INT64(S, m)
#define COMPANION_BOOL(S, m)
#define COMPANION_TIMESTAMP(S, m)
#define COMPANION_OBJECT(S, m)
#define COMPANION_ENUM(S, m)         MEMBER_(S, m##_raw, ixj_string);
#define COMPANION_OBJECT_ARRAY(S, m) MEMBER_(S, n_##m, size_t);
#define COMPANION_STRING_ARRAY(S, m) COMPANION_OBJECT_ARRAY(S, m)

/* A field: its member with its kind and presence bit, then the
 * companion. */
#define FIELD_(S, bit, member, alias, kind, ref, element)                   \
    _Static_assert(_Generic(((S *)0)->member,                               \
                            IXJ__MEMBER_TYPE_##kind(ref) : 1, default : 0), \
                   #S "." #member " is not a " TEXT_##kind(ref));           \
    printf("struct %s: %s: bit %d %s, %s, offset %zu, size %zu, %s\n", #S,  \
           #member, (int)(bit), #bit, #kind, offsetof(S, member),           \
           sizeof(((S *)0)->member), TEXT_##kind(ref));                     \
    COMPANION_##kind(S, member)

#define OBJECT_(name, fields, required, missing) \
    MEMBER_(ixj_##name, present, uint64_t);      \
    fields(FIELD_, ixj_##name)

/* Enum values. */
#define LITERAL_(prefix, name)                                        \
    printf("enum %s: %s = %d\n", enum_name, "IXJ_" #prefix "_" #name, \
           (int)IXJ_##prefix##_##name);
#define PAYLOAD_ENUM_(suffix, value, name)                                  \
    enum_name = "ixj_" #name;                                               \
    printf("enum %s: %s = %d\n", enum_name, "IXJ_" #suffix "_UNRECOGNIZED", \
           (int)IXJ_##suffix##_UNRECOGNIZED);                               \
    IXJ_##suffix##_LITERALS(LITERAL_)
#define ENUM_KIND_(suffix, value, name)                  \
    printf("enum ixj_enum: IXJ_ENUM_%s = %d\n", #suffix, \
           (int)IXJ_ENUM_##suffix);
#define STATUS_(suffix, value, name, message) \
    printf("enum ixj_status: IXJ_%s = %d\n", #suffix, (int)IXJ_##suffix);
#define TYPE_(suffix, value, name, type, member)         \
    printf("enum ixj_type: IXJ_TYPE_%s = %d\n", #suffix, \
           (int)IXJ_TYPE_##suffix);
#define ELEMENT_(suffix, value, type)                          \
    printf("enum ixj_element: IXJ_ELEMENT_%s = %d\n", #suffix, \
           (int)IXJ_ELEMENT_##suffix);

int
main(void)
{
    const char *enum_name;

    MEMBER_(ixj_string, ptr, const char *);
    MEMBER_(ixj_string, len, size_t);
    MEMBER_(ixj_timestamp, seconds, int64_t);
    MEMBER_(ixj_timestamp, nanos, int32_t);
    MEMBER_(ixj_timestamp, offset_minutes, int16_t);
    IXJ__OBJECT_MAP(OBJECT_)
    IXJ_ENUM_MAP(PAYLOAD_ENUM_)
    IXJ_ENUM_MAP(ENUM_KIND_)
    IXJ_STATUS_MAP(STATUS_)
    /* AUTO and ANY first: a new type is appended to the map */
    printf("enum ixj_type: IXJ_TYPE_AUTO = %d\n", (int)IXJ_TYPE_AUTO);
    printf("enum ixj_type: IXJ_TYPE_ANY = %d\n", (int)IXJ_TYPE_ANY);
    IXJ_TYPE_MAP(TYPE_)
    IXJ_ELEMENT_MAP(ELEMENT_)
    return fflush(stdout) == 0 ? 0 : 1;
}
