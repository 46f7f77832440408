/* SPDX-License-Identifier: MIT */
/* The table interpreter's lookups: keys to fields, keys to types. */
#include <string.h>

#include "schema.h"

/* Byte-wise order of (text, len), the order of every field table. */
static int
compare_key(const char *a, size_t a_len, const char *b, size_t b_len)
{
    int c = memcmp(a, b, a_len < b_len ? a_len : b_len);
    if (c != 0)
        return c;
    return a_len < b_len ? -1 : a_len > b_len;
}

const ixj__field *
ixj__find_field(const ixj__object_desc *obj, const char *key, size_t len,
                unsigned hint, bool allow_alias, bool *is_alias)
{
    size_t lo = 0, hi = obj->n_fields;

    *is_alias = false;
    if (hint < obj->n_fields) {
        const ixj__field *f = &obj->fields[hint];
        if (f->name_len == len && memcmp(f->name, key, len) == 0)
            return f;
    }
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const ixj__field *f = &obj->fields[mid];
        int c = compare_key(key, len, f->name, f->name_len);
        if (c == 0)
            return f;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (!allow_alias)
        return NULL;
    /* Aliases are rare in practice (DigitalOcean sends snake_case): a scan
     * of the few multi-word names is enough. */
    for (size_t i = 0; i < obj->n_fields; i++) {
        const ixj__field *f = &obj->fields[i];
        if (f->alias_len == len && memcmp(f->alias, key, len) == 0) {
            *is_alias = true;
            return f;
        }
    }
    return NULL;
}

ixj_type
ixj__detect_type(const char *key, size_t len, bool allow_alias)
{
    static const ixj_type candidates[] = {
        IXJ_TYPE_JOB,        IXJ_TYPE_LIST,  IXJ_TYPE_DATA_SOURCES,
        IXJ_TYPE_SIGNED_URL, IXJ_TYPE_ERROR, IXJ_TYPE_CREATE_REQUEST};
    for (size_t i = 0; i < sizeof candidates / sizeof candidates[0]; i++) {
        bool is_alias;
        if (ixj__find_field(ixj__root_object(candidates[i]), key, len, 0,
                            allow_alias, &is_alias) != NULL)
            return candidates[i];
    }
    return IXJ_TYPE_AUTO;
}

/* Names of the payload types, as the ixjob command spells them. */
static const char *const type_names[] = {
    "auto",       "job",   "list",           "data-sources",
    "signed-url", "error", "create-request", "any"};

const char *
ixj_type_name(ixj_type type)
{
    if ((unsigned)type >= sizeof type_names / sizeof type_names[0])
        return NULL;
    return type_names[type];
}

int
ixj_type_from_name(const char *name, ixj_type *out)
{
    if (name == NULL)
        return 0;
    for (size_t i = 0; i < sizeof type_names / sizeof type_names[0]; i++) {
        if (strcmp(type_names[i], name) == 0) {
            *out = (ixj_type)i;
            return 1;
        }
    }
    return 0;
}
