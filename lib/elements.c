/* SPDX-License-Identifier: MIT */
/*
 * Repeated fields (decoder.h): an array frame keeps its elements in a
 * buffer that moves into the result when the array closes, or streams
 * each element to the caller's callback, or drops it (validation only).
 *
 * A kept array of strings is a buffer of ixj_string; a kept array of
 * objects is a buffer of pointers, each to a struct of its own taken from
 * the arena's bump blocks (never an array of structs: a payload struct
 * may grow at its end, types.h). A streamed or dropped element is taken
 * from the arena after a mark, and the arena is rewound to the mark after
 * it, so memory does not grow with the length of the array.
 */
#include <string.h>

#include "alloc.h"
#include "decoder.h"
#include "compiler.h"
#include "detail.h"
#include "error.h"

/* Arrays up to this many bytes are copied into the arena, exactly sized,
 * when they close; bigger ones keep the buffer they grew in, which is at
 * most a quarter unused (see grow_items). */
#define SMALL_ARRAY 65536u

/* The first buffer of a kept array: 8 pointers, or 4 strings. */
#define FIRST_ITEMS 64u

void
ixj__array_begin(ixj_decoder *d, ixj__frame *f, const ixj__field *fld,
                 void *owner)
{
    bool objects = fld->kind == IXJ__KIND_OBJECT_ARRAY;
    f->field = fld;
    f->base = owner;
    f->element = fld->element;
    if (d->validate_only)
        f->mode = IXJ__DROP;
    else if (f->element != 0 && d->elements[f->element].fn != NULL) {
        f->mode = IXJ__STREAM;
        d->element_prefix_of = NULL;
    }
    /* The buffer's slot (kept arrays only), and what an element costs:
     * its struct, plus its pointer when kept. */
    f->item_size = objects ? sizeof(void *) : sizeof(ixj_string);
    f->struct_size = objects ? fld->object->size : sizeof(ixj_string);
    f->element_cost = f->struct_size;
    if (objects && f->mode == IXJ__KEEP)
        f->element_cost += sizeof(void *);
}

/* Room for one more element: doubling while small, then growing by a
 * quarter so that a big array's buffer is never more than a quarter
 * unused. */
static void *
grow_items(ixj_decoder *d, ixj__frame *f)
{
    size_t used = (size_t)(f->count - 1) * f->item_size;
    if (f->count - 1 > SIZE_MAX / f->item_size - 1)
        return NULL;
    if (used + f->item_size > f->items_size) {
        size_t size = f->items_size < SMALL_ARRAY ? f->items_size * 2
                                                  : f->items_size / 4 * 5;
        char *items;
        if (size < FIRST_ITEMS)
            size = FIRST_ITEMS;
        if (size < used + f->item_size)
            size = used + f->item_size;
        if (f->items == NULL)
            items = ixj__arena_buffer_take(d->arena, size, &size);
        else
            items = ixj__arena_buffer_grow(d->arena, f->items, size);
        if (items == NULL)
            return NULL;
        f->items = items;
        f->items_size = size;
    }
    memset(f->items + used, 0, f->item_size);
    return f->items + used;
}

/* A streamed or dropped element: taken from the arena after a mark, so
 * that the element's memory goes back after it. */
static void *
element_slot(ixj_decoder *d, ixj__frame *f)
{
    void *slot;
    ixj__arena_mark_get(d->arena, &f->mark);
    slot = ixj__arena_alloc(d->arena, f->struct_size);
    if (slot != NULL)
        memset(slot, 0, f->struct_size);
    f->element_value = slot; /* what deliver hands over */
    return slot;
}

/* The path of the element just completed, "$.data.jobs[7]": rendered in
 * full for an array's first element, then only its index rewritten. */
static char *
element_path(ixj_decoder *d, const ixj__frame *f)
{
    size_t index_len = ixj__path_index(NULL, f->count - 1);
    size_t n;
    char *path;

    IXJ__ASSERT(f == &d->frames[d->depth - 1]);
    if (d->element_prefix_of != f) {
        path = ixj__grow(&d->alloc, d->element_path, &d->element_path_cap,
                         ixj__path_bound(d) + 1, 1);
        if (path == NULL)
            return NULL;
        d->element_path = path;
        n = ixj__render_path(d, IXJ__PATH_CURRENT, path);
        path[n] = '\0';
        d->element_prefix_of = f;
        d->element_prefix_len = n - index_len;
        return path;
    }
    /* the bound of the first render leaves room for any index */
    n = d->element_prefix_len + index_len;
    IXJ__ASSERT(n < d->element_path_cap);
    path = d->element_path;
    ixj__path_index(path + d->element_prefix_len, f->count - 1);
    path[n] = '\0';
    return path;
}

/* Hands a complete element to its callback. Returns 0 when it asked to
 * stop, or when out of memory for the element's path. */
static int
deliver(ixj_decoder *d, ixj__frame *f, const ixj__token *tok)
{
    ixj_element_info info;
    int stop;
    char *path = element_path(d, f);
    if (path == NULL)
        return ixj__fail_at(d, IXJ_ERR_NOMEM, IXJ__D_NONE, tok,
                            IXJ__PATH_CURRENT);
    info.element = (ixj_element)f->element;
    info.index = f->count - 1;
    info.path = path;
    info.value = f->element_value;
    ixj__callback_enter(d);
    stop = d->elements[f->element].fn(d->elements[f->element].ctx, &info);
    ixj__callback_leave(d);
    if (stop != 0)
        return ixj__fail_at(d, IXJ_STOPPED, IXJ__D_ELEMENT_STOP, tok,
                            IXJ__PATH_CURRENT);
    return 1;
}

int
ixj__element_done(ixj_decoder *d, ixj__frame *f, const ixj__token *tok)
{
    if (f->mode == IXJ__STREAM && !deliver(d, f, tok))
        return 0;
    ixj__arena_rewind_to(d->arena, &f->mark);
    d->result_bytes = f->charged;
    return 1;
}

int
ixj__array_value(ixj_decoder *d, ixj__frame *f, int jt, const char *text,
                 size_t len, const ixj__token *tok)
{
    bool objects = f->field->kind == IXJ__KIND_OBJECT_ARRAY;
    const ixj__object_desc *obj;
    void *slot, *base;

    /* ProtoJSON forbids null elements. */
    if (jt != (objects ? IXJ__JSON_OBJECT : IXJ__JSON_STRING))
        return ixj__fail_at(d, IXJ_ERR_TYPE,
                            jt == IXJ__JSON_NULL ? IXJ__D_NULL_ELEMENT
                            : objects ? IXJ__D_TYPE_OBJECT_NULL + (unsigned)jt
                                      : IXJ__D_TYPE_STRING_NULL + (unsigned)jt,
                            tok, IXJ__PATH_CURRENT);
    if (f->mode != IXJ__KEEP)
        f->charged = d->result_bytes; /* given back after the element */
    if (!ixj__charge(d, f->element_cost, tok))
        return 0;
    slot = f->mode == IXJ__KEEP ? grow_items(d, f) : element_slot(d, f);
    if (slot == NULL)
        return ixj__fail_at(d, IXJ_ERR_NOMEM, IXJ__D_NONE, tok,
                            IXJ__PATH_CURRENT);
    if (!objects) {
        if (!ixj__store_string(d, slot, text, len, tok))
            return 0;
        return f->mode == IXJ__KEEP ? 1 : ixj__element_done(d, f, tok);
    }
    obj = f->field->object; /* pushing may move the frames, f with them */
    if (f->mode != IXJ__KEEP) {
        base = slot;
    } else {
        /* The buffer holds the pointer; the struct is a bump allocation,
         * which never moves when the buffer grows. */
        if ((base = ixj__new_struct(d, obj->size, tok)) == NULL)
            return 0;
        *(void **)slot = base;
    }
    return ixj__push_object(d, obj, base, tok);
}

int
ixj__array_end(ixj_decoder *d, ixj__frame *f, const ixj__token *tok)
{
    size_t bytes = (size_t)f->count * f->item_size;
    void *items = NULL;

    /* Streamed or dropped, the count stays and the elements are gone: only
     * a kept array has a buffer. */
    if (f->mode == IXJ__KEEP && f->count > 0 && bytes <= SMALL_ARRAY) {
        items = ixj__arena_alloc(d->arena, bytes);
        if (items == NULL)
            return ixj__fail_at(d, IXJ_ERR_NOMEM, IXJ__D_NONE, tok,
                                IXJ__PATH_CONTAINER);
        memcpy(items, f->items, bytes);
        ixj__arena_buffer_drop(d->arena, f->items);
    } else if (f->mode == IXJ__KEEP && f->count > 0) {
        items = f->items;
        ixj__arena_buffer_keep(d->arena, f->items);
    } else if (f->items != NULL) {
        ixj__arena_buffer_drop(d->arena, f->items);
    }
    f->items = NULL;
    *(const void **)ixj__member(f->base, f->field) = items;
    *(size_t *)((char *)f->base + f->field->aux_offset) = (size_t)f->count;
    return 1;
}
