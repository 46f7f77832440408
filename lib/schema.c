/* SPDX-License-Identifier: MIT */
/* The table interpreter's lookups: keys to fields, keys to types. */
#include <string.h>

#include "bytes.h"
#include "schema.h"

static inline bool
field_is(const ixj__field *f, const char *key, size_t len)
{
    return f->name_len == len && f->name[0] == key[0] &&
           ixj__same_bytes(f->name, key, len);
}

const ixj__field *
ixj__find_field(const ixj__object_desc *obj, const char *key, size_t len,
                unsigned hint, bool allow_alias, bool *is_alias)
{
    unsigned n = obj->n_fields;

    *is_alias = false;
    if (len == 0)
        return NULL;
    /* Payloads send keys in table order, usually skipping a few absent
     * fields: look from the expected field onwards, then from the start.
     * The length and first byte rule out most fields without a compare. */
    if (hint > n)
        hint = n;
    for (unsigned i = hint; i < n; i++)
        if (field_is(&obj->fields[i], key, len))
            return &obj->fields[i];
    for (unsigned i = 0; i < hint; i++)
        if (field_is(&obj->fields[i], key, len))
            return &obj->fields[i];
    if (!allow_alias)
        return NULL;
    /* Aliases are rare in practice (DigitalOcean sends snake_case). */
    for (unsigned i = 0; i < n; i++) {
        const ixj__field *f = &obj->fields[i];
        if (f->alias_len == len && ixj__same_bytes(f->alias, key, len)) {
            *is_alias = true;
            return f;
        }
    }
    return NULL;
}

ixj_type
ixj__detect_type(const char *key, size_t len, bool allow_alias)
{
    for (size_t i = 0; i < ixj__n_payload_types; i++) {
        bool is_alias;
        if (ixj__find_field(ixj__root_object(ixj__payload_types[i]), key, len,
                            0, allow_alias, &is_alias) != NULL)
            return ixj__payload_types[i];
    }
    return IXJ_TYPE_AUTO;
}

const char *
ixj_type_name(ixj_type type)
{
#define TYPE_NAME_(suffix, value, name, type, member) \
    case IXJ_TYPE_##suffix:                           \
        return name;
    switch (type) {
    case IXJ_TYPE_AUTO:
        return "auto";
        IXJ_TYPE_MAP(TYPE_NAME_)
    case IXJ_TYPE_ANY:
        return "any";
    }
    return NULL;
#undef TYPE_NAME_
}

int
ixj_type_from_name(const char *name, ixj_type *out)
{
    static const ixj_type all[] = {
#define TYPE_ROW_(suffix, value, name, type, member) IXJ_TYPE_##suffix,
        IXJ_TYPE_AUTO, IXJ_TYPE_MAP(TYPE_ROW_) IXJ_TYPE_ANY
#undef TYPE_ROW_
    };
    if (name == NULL)
        return 0;
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (strcmp(ixj_type_name(all[i]), name) == 0) {
            *out = all[i];
            return 1;
        }
    }
    return 0;
}
