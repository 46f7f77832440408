/* SPDX-License-Identifier: MIT */
/* The table interpreter's lookups: keys to fields, keys to types. */
#include <string.h>

#include "bytes.h"
#include "schema.h"

static bool
same_key(const char *name, size_t name_len, const char *key, size_t len)
{
    return name_len == len && ixj__same_bytes(name, key, len);
}

const ixj__field *
ixj__find_field(const ixj__object_desc *obj, const char *key, size_t len,
                bool allow_alias, bool *is_alias)
{
    const ixj__field *f;
    unsigned entry;

    *is_alias = false;
    if (len == 0)
        return NULL;
    entry = obj->index->slots[ixj__key_slot(obj->index, key, len)];
    if (entry == 0xFF)
        return NULL;
    f = &obj->fields[entry & 0x7F];
    if (entry < 0x80)
        return same_key(f->name, f->name_len, key, len) ? f : NULL;
    if (!allow_alias || !same_key(f->alias, f->alias_len, key, len))
        return NULL;
    *is_alias = true;
    return f;
}

ixj_type
ixj__detect_type(const char *key, size_t len, bool allow_alias)
{
    for (size_t i = 0; i < ixj__n_payload_types; i++) {
        bool is_alias;
        if (ixj__find_field(ixj__root_object(ixj__payload_types[i]), key, len,
                            allow_alias, &is_alias) != NULL)
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
