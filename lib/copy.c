/* SPDX-License-Identifier: MIT */
/*
 * Deep copies of decoded values into an arena, driven by the field
 * tables: what a callback uses to keep an element (or a stream's document)
 * beyond the call that delivered it.
 */
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "compiler.h"
#include "schema.h"

static bool copy_members(ixj_arena *a, const ixj__object_desc *obj, void *dst);

static void *
copy_struct(ixj_arena *a, const void *src, size_t size)
{
    void *dst = ixj__arena_alloc(a, size);
    if (dst != NULL)
        memcpy(dst, src, size);
    return dst;
}

/* A deep copy of a payload struct made by the library (whole: it has the
 * size of this version's struct). */
static void *
copy_object(ixj_arena *a, const ixj__object_desc *obj, const void *src)
{
    void *dst = copy_struct(a, src, obj->size);
    return dst != NULL && copy_members(a, obj, dst) ? dst : NULL;
}

/* Replaces an object member that points into the source by a copy. A
 * present object member always points to its struct (a null value is an
 * absent field, or an error). */
static bool
copy_object_member(ixj_arena *a, const ixj__field *f, void *owner)
{
    const void **object = (const void **)ixj__member(owner, f);
    IXJ__ASSERT(*object != NULL);
    *object = copy_object(a, f->object, *object);
    return *object != NULL;
}

/* Replaces a string that points into the source by a copy. */
static bool
copy_string(ixj_arena *a, ixj_string *s)
{
    char *p;
    if (s->ptr == NULL)
        return true;
    if ((p = ixj__arena_strdup(a, s->ptr, s->len)) == NULL)
        return false;
    s->ptr = p;
    return true;
}

/* Replaces an array that points into the source by a copy: of its
 * strings, or of its pointers and each struct they point to. */
static bool
copy_array(ixj_arena *a, const ixj__field *f, void *owner)
{
    void **items = (void **)ixj__member(owner, f);
    size_t n = *(size_t *)(void *)((char *)owner + f->aux_offset);
    bool objects = f->kind == IXJ__KIND_OBJECT_ARRAY;
    size_t size = objects ? sizeof(void *) : sizeof(ixj_string);
    char *copy;

    if (*items == NULL || n == 0)
        return true; /* absent, empty, or streamed: nothing to copy */
    if (n > SIZE_MAX / size ||
        (copy = copy_struct(a, *items, n * size)) == NULL)
        return false;
    *items = copy;
    for (size_t i = 0; i < n; i++) {
        void *item = copy + i * size;
        if (!objects) {
            if (!copy_string(a, item))
                return false;
        } else if (*(const void **)item != NULL) {
            const void *element = copy_object(a, f->object, *(void **)item);
            if (element == NULL)
                return false;
            *(const void **)item = element;
        }
    }
    return true;
}

/* dst holds the bytes of a source struct: copies what it points to. */
static bool
copy_members(ixj_arena *a, const ixj__object_desc *obj, void *dst)
{
    uint64_t present = *(const uint64_t *)dst;
    for (unsigned i = 0; i < obj->n_fields; i++) {
        const ixj__field *f = &obj->fields[i];
        bool ok = true;
        if (!((present >> f->bit) & 1))
            continue;
        switch ((ixj__kind)f->kind) {
        case IXJ__KIND_STRING:
            ok = copy_string(a, ixj__member(dst, f));
            break;
        case IXJ__KIND_ENUM:
            ok = copy_string(
                a, (ixj_string *)(void *)((char *)dst + f->aux_offset));
            break;
        case IXJ__KIND_OBJECT:
            ok = copy_object_member(a, f, dst);
            break;
        case IXJ__KIND_OBJECT_ARRAY:
        case IXJ__KIND_STRING_ARRAY:
            ok = copy_array(a, f, dst);
            break;
        default:
            break;
        }
        if (!ok)
            return false;
    }
    return true;
}

ixj_arena *
ixj_arena_new(const ixj_allocator *alloc)
{
    ixj_allocator hooks;
    if (!ixj__allocator_set(&hooks, alloc))
        return NULL;
    return ixj__arena_new(&hooks);
}

const void *
ixj_element_copy(ixj_arena *arena, const ixj_element_info *info)
{
    const ixj__object_desc *obj;

    if ((int)info->element < 1 || (int)info->element >= IXJ__ELEMENT_END)
        return NULL;
    obj = ixj__element_object(info->element);
    if (obj == NULL) { /* a string element */
        void *copy = copy_struct(arena, info->value, sizeof(ixj_string));
        return copy != NULL && copy_string(arena, copy) ? copy : NULL;
    }
    return copy_object(arena, obj, info->value);
}

ixj_status
ixj_result_copy(ixj_arena *arena, const ixj_result *result, ixj_result *copy)
{
    const ixj__object_desc *obj = ixj__root_object(result->type);
    void *value;

    if (obj == NULL || result->as.value == NULL)
        return IXJ_ERR_MISUSE;
    if ((value = copy_object(arena, obj, result->as.value)) == NULL)
        return IXJ_ERR_NOMEM;
    *copy = *result;
    copy->as.value = value;
    return IXJ_OK;
}
