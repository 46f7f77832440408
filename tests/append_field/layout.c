/* SPDX-License-Identifier: MIT */
/*
 * The layout the field lists promise to keep: for every object of
 * IXJ__OBJECT_MAP (lib/schema.h) its size, and for every row of its field
 * list the presence bit (the IXJ_* constant and its value) and the offset
 * of the member and of its companion (`<member>_raw` of an enum, `n_<member>`
 * of an array). Generated from the lists, so a field added to a list is
 * printed with no change here. tests/test_append_field.sh compiles it
 * against the tree's headers and against a copy with a field appended, and
 * compares the two outputs; it needs no library.
 */
#include <stddef.h>
#include <stdio.h>

#include "schema.h"

#define AUX_STRING(S, m)
#define AUX_UINT64(S, m)
#define AUX_INT64(S, m)
#define AUX_BOOL(S, m)
#define AUX_TIMESTAMP(S, m)
#define AUX_OBJECT(S, m)
#define AUX_ENUM(S, m) \
    printf("%s.%s_raw offset %zu\n", #S, #m, offsetof(S, m##_raw));
#define AUX_OBJECT_ARRAY(S, m) \
    printf("%s.n_%s offset %zu\n", #S, #m, offsetof(S, n_##m));
#define AUX_STRING_ARRAY(S, m) AUX_OBJECT_ARRAY(S, m)

#define ROW_(S, bit, member, alias, kind, ref, element)                   \
    printf("%s.%s bit %s=%d offset %zu\n", #S, #member, #bit, (int)(bit), \
           offsetof(S, member));                                          \
    AUX_##kind(S, member)

#define OBJECT_(name, fields, required, missing)                    \
    printf("ixj_" #name " size %zu\n", sizeof(ixj_##name));         \
    printf("ixj_" #name " count %d\n", (int)(0 fields(COUNT_, _))); \
    fields(ROW_, ixj_##name)
#define COUNT_(S, bit, member, alias, kind, ref, element) +1

int
main(void)
{
    IXJ__OBJECT_MAP(OBJECT_)
    return fflush(stdout) == 0 ? 0 : 1;
}
