/* SPDX-License-Identifier: MIT */
/*
 * The yajl callbacks (decoder.h): a stack of frames over the field tables
 * of schema.h. Each callback takes its token from the guard's table, and
 * its text from there: the text yajl passes is the skeleton's placeholder.
 */
#include "decoder.h"

#include <stdbool.h>
#include <string.h>

#include "alloc.h"
#include "bytes.h"
#include "compiler.h"
#include "detail.h"
#include "error.h"
#include "rfc3339.h"
#include "scalar.h"
#include "unescape.h"

/* The JSON type of the value a callback reports (detail.h's order). */
enum {
    J_NULL = IXJ__JSON_NULL,
    J_BOOL = IXJ__JSON_BOOL,
    J_NUMBER = IXJ__JSON_NUMBER,
    J_STRING = IXJ__JSON_STRING,
    J_OBJECT = IXJ__JSON_OBJECT,
    J_ARRAY = IXJ__JSON_ARRAY
};

/* ------------------------------------------------------------------ */
/* Errors (their paths: paths.c)                                       */
/* ------------------------------------------------------------------ */

int
ixj__fail_at(ixj_decoder *d, ixj_status code, unsigned detail,
             const ixj__token *tok, ixj__path_mode mode)
{
    uint64_t offset, line, column;
    ixj__token_position(&d->guard, tok, &offset, &line, &column);
    ixj__record_error(d, code, detail, offset, line, column, mode);
    return 0;
}

/* The same, for an error whose code says it all (out of memory). */
static int
fail(ixj_decoder *d, ixj_status code, const ixj__token *tok,
     ixj__path_mode mode)
{
    return ixj__fail_at(d, code, IXJ__D_NONE, tok, mode);
}

void
ixj__record_error_here(ixj_decoder *d, ixj_status code, unsigned detail,
                       ixj__path_mode mode)
{
    const ixj__guard *g = &d->guard;
    ixj__record_error(d, code, detail, g->offset, g->line,
                      g->offset - g->line_start + 1, mode);
}

/* ------------------------------------------------------------------ */
/* Callbacks of the caller's                                            */
/* ------------------------------------------------------------------ */

void
ixj__callback_enter(ixj_decoder *d)
{
    d->in_callback++;
    d->fast_room = 0; /* the inline feed path refuses too */
}

void
ixj__callback_leave(ixj_decoder *d)
{
    d->in_callback--;
    ixj__refresh_fast_room(d);
}

/* ------------------------------------------------------------------ */
/* Frames                                                               */
/* ------------------------------------------------------------------ */

ixj__frame *
ixj__push_frame(ixj_decoder *d, ixj__frame_kind kind, const ixj__token *tok)
{
    ixj__frame *f;
    if (d->depth == d->frame_cap) {
        size_t cap = d->frame_cap;
        ixj__frame *frames =
            ixj__grow(&d->alloc, d->frames, &cap, cap + 1, sizeof *frames);
        if (frames == NULL || cap > UINT32_MAX) {
            fail(d, IXJ_ERR_NOMEM, tok, IXJ__PATH_CURRENT);
            return NULL;
        }
        d->frames = frames;
        d->frame_cap = (uint32_t)cap;
    }
    f = d->top = &d->frames[d->depth++];
    memset(f, 0, sizeof *f);
    f->kind = (uint8_t)kind;
    f->keys_mark = d->keys_len;
    return f;
}

int
ixj__push_object(ixj_decoder *d, const ixj__object_desc *obj, void *base,
                 const ixj__token *tok)
{
    ixj__frame *f = ixj__push_frame(d, IXJ__FR_OBJECT, tok);
    if (f == NULL)
        return 0;
    f->desc = obj;
    f->expect = ixj__field_after(obj, 0);
    f->base = base;
    return 1;
}

static inline ixj__frame *
top(ixj_decoder *d)
{
    return d->top;
}

/* Keeps a copy of a key that is in no table, for paths. */
static bool
copy_key(ixj_decoder *d, ixj__frame *f, const char *key, size_t len)
{
    char *keys =
        ixj__grow(&d->alloc, d->keys, &d->keys_cap, f->keys_mark + len + 1, 1);
    if (keys == NULL)
        return false;
    d->keys = keys;
    memcpy(d->keys + f->keys_mark, key, len);
    d->keys_len = f->keys_mark + len;
    f->key_off = f->keys_mark;
    f->key_len = len;
    f->key_copied = true;
    return true;
}

static int
push_skip(ixj_decoder *d, int jt, const ixj__token *tok)
{
    return ixj__push_frame(
               d, jt == J_OBJECT ? IXJ__FR_SKIP_OBJECT : IXJ__FR_SKIP_ARRAY,
               tok) != NULL;
}

bool
ixj__charge(ixj_decoder *d, size_t size, const ixj__token *tok)
{
    d->result_bytes += size;
    if (d->max_result != 0 && d->result_bytes > d->max_result) {
        ixj__fail_at(d, IXJ_ERR_LIMIT, IXJ__D_RESULT_LIMIT, tok,
                     IXJ__PATH_CURRENT);
        return false;
    }
    return true;
}

/* Fixes the type of the top-level object, at its opening brace or
 * (auto-detection) at the key that decided it. The struct is the object's
 * value: a limit on it names the brace, which may lie in an earlier batch
 * (on_root_value kept its position). */
static bool
resolve_root(ixj_decoder *d, ixj__frame *f, ixj_type type,
             const ixj__token *tok)
{
    f->desc = ixj__root_object(type);
    f->expect = ixj__field_after(f->desc, 0);
    d->resolved = type;
    d->result_bytes += f->desc->size;
    if (d->max_result != 0 && d->result_bytes > d->max_result) {
        ixj__record_error(d, IXJ_ERR_LIMIT, IXJ__D_RESULT_LIMIT, d->root_offset,
                          d->root_line, d->root_column, IXJ__PATH_CONTAINER);
        return false;
    }
    f->base = ixj__arena_alloc(d->arena, f->desc->size);
    d->root = f->base;
    if (f->base == NULL)
        return fail(d, IXJ_ERR_NOMEM, tok, IXJ__PATH_CONTAINER);
    memset(f->base, 0, f->desc->size);
    return true;
}

void *
ixj__new_struct(ixj_decoder *d, size_t size, const ixj__token *tok)
{
    void *p = ixj__arena_alloc(d->arena, size);
    if (p == NULL) {
        fail(d, IXJ_ERR_NOMEM, tok, IXJ__PATH_CURRENT);
        return NULL;
    }
    memset(p, 0, size);
    return p;
}

/* ------------------------------------------------------------------ */
/* Values                                                               */
/* ------------------------------------------------------------------ */

/* A string's text with its escapes decoded, into a buffer that the next
 * call reuses. False when out of memory. */
static IXJ__NOINLINE bool
unescaped_text(ixj_decoder *d, const ixj__token *tok, const char **text,
               size_t *len)
{
    char *buf = ixj__grow(&d->alloc, d->unescaped, &d->unescaped_cap,
                          (size_t)tok->len + 1, 1);
    if (buf == NULL)
        return false;
    d->unescaped = buf;
    *len = ixj__unescape(ixj__token_text(&d->guard, tok), tok->len, buf);
    *text = buf;
    return true;
}

/* The text of a string or number token, a string's escapes decoded.
 * False when out of memory. */
static IXJ__INLINE bool
token_text(ixj_decoder *d, const ixj__token *tok, const char **text,
           size_t *len)
{
    if (IXJ__UNLIKELY(tok->flags & IXJ__T_ESCAPED))
        return unescaped_text(d, tok, text, len);
    *text = ixj__token_text(&d->guard, tok);
    *len = tok->len;
    return true;
}

int
ixj__store_string(ixj_decoder *d, ixj_string *dst, const char *text, size_t len,
                  const ixj__token *tok)
{
    char *s;
    if (!ixj__charge(d, len + 1, tok))
        return 0;
    s = ixj__arena_strdup(d->arena, text, len);
    if (s == NULL)
        return fail(d, IXJ_ERR_NOMEM, tok, IXJ__PATH_CURRENT);
    dst->ptr = s;
    dst->len = len;
    return 1;
}

/* The detail of a type error: the kind of value the field expects, and
 * the JSON type found. */
static unsigned
type_detail(const ixj__field *fld, int jt)
{
    static const uint8_t first[] = {
        [IXJ__KIND_STRING] = IXJ__D_TYPE_STRING_NULL,
        [IXJ__KIND_UINT64] = IXJ__D_TYPE_INTEGER_NULL,
        [IXJ__KIND_INT64] = IXJ__D_TYPE_INTEGER_NULL,
        [IXJ__KIND_BOOL] = IXJ__D_TYPE_BOOL_NULL,
        [IXJ__KIND_TIMESTAMP] = IXJ__D_TYPE_TIMESTAMP_NULL,
        [IXJ__KIND_ENUM] = IXJ__D_TYPE_ENUM_NULL,
        [IXJ__KIND_OBJECT] = IXJ__D_TYPE_OBJECT_NULL,
        [IXJ__KIND_OBJECT_ARRAY] = IXJ__D_TYPE_ARRAY_NULL,
        [IXJ__KIND_STRING_ARRAY] = IXJ__D_TYPE_ARRAY_NULL,
    };
    return first[fld->kind] + (unsigned)jt;
}

/* A type error at the token of a field's value. */
static int
wrong_type(ixj_decoder *d, const ixj__field *fld, int jt, const ixj__token *tok)
{
    return ixj__fail_at(d, IXJ_ERR_TYPE, type_detail(fld, jt), tok,
                        IXJ__PATH_CURRENT);
}

/* An enum literal: its value, or in default mode ..._UNRECOGNIZED with
 * the text kept (a literal the spec does not have yet). */
static int
store_enum(ixj_decoder *d, const ixj__field *fld, void *owner, const char *text,
           size_t len, const ixj__token *tok)
{
    int v = ixj__enum_value(fld->enumeration, text, len);
    if (v < 0) {
        if (d->strict)
            return ixj__fail_at(d, IXJ_ERR_ENUM, fld->enumeration->detail, tok,
                                IXJ__PATH_CURRENT);
        d->unrecognized_enums++;
        if (!ixj__store_string(d,
                               (ixj_string *)((char *)owner + fld->aux_offset),
                               text, len, tok))
            return 0;
    }
    *(int *)ixj__member(owner, fld) = v;
    return 1;
}

/* Decodes a scalar value into its member of owner. Returns 0 after
 * recording an error. */
static IXJ__INLINE int
store_scalar(ixj_decoder *d, const ixj__field *fld, void *owner, int jt,
             const char *text, size_t len, const ixj__token *tok)
{
    void *dst = ixj__member(owner, fld);
    ixj_status st;
    uint8_t detail;

    switch ((ixj__kind)fld->kind) {
    case IXJ__KIND_STRING:
        if (jt != J_STRING)
            return wrong_type(d, fld, jt, tok);
        return ixj__store_string(d, dst, text, len, tok);
    case IXJ__KIND_UINT64:
    case IXJ__KIND_INT64:
        if (jt != J_STRING && jt != J_NUMBER)
            return wrong_type(d, fld, jt, tok);
        st = ixj__integer_field(fld->kind == IXJ__KIND_UINT64, d->strict,
                                jt == J_STRING, text, len, dst, &detail);
        return st == IXJ_OK
                   ? 1
                   : ixj__fail_at(d, st, detail, tok, IXJ__PATH_CURRENT);
    case IXJ__KIND_BOOL:
        if (jt != J_BOOL)
            return wrong_type(d, fld, jt, tok);
        *(bool *)dst = len != 0;
        return 1;
    case IXJ__KIND_TIMESTAMP:
        if (jt != J_STRING)
            return wrong_type(d, fld, jt, tok);
        if (!ixj__rfc3339_parse(text, len, dst))
            return ixj__fail_at(d, IXJ_ERR_TIMESTAMP,
                                ixj__rfc3339_explain(text, len), tok,
                                IXJ__PATH_CURRENT);
        return 1;
    case IXJ__KIND_ENUM:
        if (jt != J_STRING)
            return wrong_type(d, fld, jt, tok);
        return store_enum(d, fld, owner, text, len, tok);
    case IXJ__KIND_OBJECT:
    case IXJ__KIND_OBJECT_ARRAY:
    case IXJ__KIND_STRING_ARRAY:
        break;
    }
    return wrong_type(d, fld, jt, tok);
}

/* An object member opens: its struct, a new one of its own in the arena
 * (a payload struct is never embedded in another), is charged to the
 * result and pointed to by the member. */
static IXJ__NOINLINE int
start_object(ixj_decoder *d, const ixj__field *fld, void *owner,
             const ixj__token *tok)
{
    const ixj__object_desc *obj = fld->object;
    void *base;

    if (fld->kind != IXJ__KIND_OBJECT)
        return wrong_type(d, fld, J_OBJECT, tok);
    if (!ixj__charge(d, obj->size, tok) ||
        (base = ixj__new_struct(d, obj->size, tok)) == NULL)
        return 0;
    *(void **)ixj__member(owner, fld) = base;
    *(uint64_t *)owner |= UINT64_C(1) << fld->bit;
    return ixj__push_object(d, obj, base, tok);
}

/* A member's value: the one dispatch on (field kind, JSON type). */
static IXJ__INLINE int
store_member(ixj_decoder *d, ixj__frame *f, int jt, const char *text,
             size_t len, const ixj__token *tok)
{
    const ixj__field *fld = f->field;
    void *owner = f->base;
    uint64_t bit = UINT64_C(1) << fld->bit;

    if (jt == J_NULL) {
        /* ProtoJSON: null is the same as absent. The spec (OpenAPI 3.0)
         * makes no field nullable: strict mode refuses it. */
        if (d->strict)
            return ixj__fail_at(d, IXJ_ERR_TYPE, IXJ__D_STRICT_NULL, tok,
                                IXJ__PATH_CURRENT);
        f->key_pending = false;
        return 1;
    }
    if (jt == J_OBJECT)
        return start_object(d, fld, owner, tok);
    if (jt == J_ARRAY) {
        ixj__frame *child;
        if (fld->kind != IXJ__KIND_OBJECT_ARRAY &&
            fld->kind != IXJ__KIND_STRING_ARRAY)
            return wrong_type(d, fld, jt, tok);
        *(uint64_t *)owner |= bit;
        if ((child = ixj__push_frame(d, IXJ__FR_ARRAY, tok)) == NULL)
            return 0;
        ixj__array_begin(d, child, fld, owner);
        return 1;
    }
    if (!store_scalar(d, fld, owner, jt, text, len, tok))
        return 0;
    *(uint64_t *)owner |= bit;
    f->key_pending = false;
    return 1;
}

/* ------------------------------------------------------------------ */
/* The callbacks                                                        */
/* ------------------------------------------------------------------ */

/* Checks, in debug builds, that yajl calls back for the token the guard
 * recorded next (so that the two never drift apart). */
static IXJ__INLINE const ixj__token *
next_token(ixj_decoder *d, unsigned kind)
{
    const ixj__token *tok = ixj__fifo_pop(&d->guard);
    IXJ__ASSERT(d->guard.fifo_r <= d->guard.fifo_w);
    IXJ__ASSERT((tok->flags & IXJ__T_KIND) == kind);
    (void)kind;
    return tok;
}

static int
on_root_value(ixj_decoder *d, int jt, const ixj__token *tok)
{
    ixj__frame *f;

    if (d->type == IXJ_TYPE_ANY) {
        if (jt == J_OBJECT || jt == J_ARRAY)
            return push_skip(d, jt, tok);
        return 1;
    }
    if (jt != J_OBJECT) /* the guard reports this first */
        return ixj__fail_at(d, IXJ_ERR_TYPE,
                            IXJ__D_TYPE_OBJECT_NULL + (unsigned)jt, tok,
                            IXJ__PATH_CURRENT);
    ixj__token_position(&d->guard, tok, &d->root_offset, &d->root_line,
                        &d->root_column);
    if ((f = ixj__push_frame(d, IXJ__FR_OBJECT, tok)) == NULL)
        return 0;
    if (d->type == IXJ_TYPE_AUTO)
        return 1; /* the first deciding key picks the type */
    return resolve_root(d, f, d->type, tok);
}

/* A value anywhere but as a known member's: the top level, an array
 * element, or a value that is not decoded. */
static IXJ__NOINLINE int
other_value(ixj_decoder *d, int jt, size_t boolean, const ixj__token *tok)
{
    const char *text = NULL;
    size_t len = boolean;
    ixj__frame *f;

    if (d->depth == 0)
        return on_root_value(d, jt, tok);
    f = top(d);
    if (f->kind == IXJ__FR_SKIP_ARRAY)
        f->count++;
    if (f->kind != IXJ__FR_ARRAY) {
        /* Not decoded: an unknown key's value or the any type. */
        if (jt == J_OBJECT || jt == J_ARRAY)
            return push_skip(d, jt, tok);
        f->key_pending = false;
        return 1;
    }
    if ((jt == J_STRING || jt == J_NUMBER) && !token_text(d, tok, &text, &len))
        return fail(d, IXJ_ERR_NOMEM, tok, IXJ__PATH_CURRENT);
    f->count++;
    return ixj__array_value(d, f, jt, text, len, tok);
}

/* A value token of JSON type jt; boolean is its value for J_BOOL.
 * Inlined into a function per JSON type (on_string and the others
 * below), so that every copy is specialised for it; a known member's
 * value, by far the most common, is decoded on the spot. */
static IXJ__INLINE int
on_value(ixj_decoder *d, const ixj__token *tok, int jt, int boolean)
{
    ixj__frame *f;
    const char *text = NULL;
    size_t len = (size_t)boolean;

    f = d->top;
    if (IXJ__UNLIKELY(f == NULL))
        return other_value(d, jt, (size_t)boolean, tok);
    if (IXJ__UNLIKELY(f->kind != IXJ__FR_OBJECT || f->field == NULL))
        return other_value(d, jt, (size_t)boolean, tok);
    if ((jt == J_STRING || jt == J_NUMBER) && !token_text(d, tok, &text, &len))
        return fail(d, IXJ_ERR_NOMEM, tok, IXJ__PATH_CURRENT);
    return store_member(d, f, jt, text, len, tok);
}

/* One function per scalar JSON type, each with its own inlined copy of
 * on_value specialised for that type: measured, this beats passing the
 * type from a table (S 20.7 against 21.0 instructions per byte). */
static int
on_string(ixj_decoder *d, const ixj__token *tok)
{
    return on_value(d, tok, J_STRING, 0);
}

static int
on_number(ixj_decoder *d, const ixj__token *tok)
{
    return on_value(d, tok, J_NUMBER, 0);
}

static int
on_true(ixj_decoder *d, const ixj__token *tok)
{
    return on_value(d, tok, J_BOOL, 1);
}

static int
on_false(ixj_decoder *d, const ixj__token *tok)
{
    return on_value(d, tok, J_BOOL, 0);
}

static int
on_null(ixj_decoder *d, const ixj__token *tok)
{
    return on_value(d, tok, J_NULL, 0);
}

/* A scalar value's function, by its token's kind (the others are never
 * scalars; see cb_scalar). */
static int (*const on_scalar[IXJ__T_KIND + 1])(ixj_decoder *,
                                               const ixj__token *) = {
    [IXJ__T_STRING] = on_string,
    [IXJ__T_NUMBER] = on_number,
    [IXJ__T_TRUE] = on_true,
    [IXJ__T_FALSE] = on_false,
    [IXJ__T_NULL] = on_null};

/* Why strict mode refuses a key of an object frame. */
static unsigned
unknown_detail(const ixj__frame *f, const char *key, size_t len)
{
    bool is_alias;
    if (f->desc == NULL) /* the top level, no type decided yet */
        return ixj__detect_type(key, len, true) != IXJ_TYPE_AUTO
                   ? IXJ__D_ALIAS_IN_STRICT
                   : IXJ__D_UNKNOWN_TOP_KEY;
    return ixj__find_field(f->desc, key, len, true, &is_alias) != NULL
               ? IXJ__D_ALIAS_IN_STRICT
               : IXJ__D_UNKNOWN_KEY;
}

/* A key in no table: kept for paths; counted, or refused in strict
 * mode. */
static int
unknown_key(ixj_decoder *d, ixj__frame *f, const char *key, size_t len,
            const ixj__token *tok)
{
    if (!copy_key(d, f, key, len)) {
        f->key_pending = false; /* the path names the object */
        return fail(d, IXJ_ERR_NOMEM, tok, IXJ__PATH_CONTAINER);
    }
    if (f->kind != IXJ__FR_OBJECT)
        return 1; /* inside a skipped value */
    if (d->strict)
        return ixj__fail_at(d, IXJ_ERR_UNKNOWN_FIELD,
                            unknown_detail(f, key, len), tok,
                            IXJ__PATH_CURRENT);
    d->unknown_fields++;
    return 1;
}

/* A key for a known field: duplicates refused, the field pending, and
 * the field that usually follows expected next. */
static IXJ__INLINE int
known_key(ixj_decoder *d, ixj__frame *f, const ixj__field *fld, bool is_alias,
          const ixj__token *tok)
{
    uint64_t bit = UINT64_C(1) << fld->bit;
    f->field = fld;
    f->key_pending = true;
    f->key_alias = is_alias;
    if (IXJ__UNLIKELY(f->key_copied)) { /* an unknown key before this one */
        f->key_copied = false;
        d->keys_len = f->keys_mark;
    }
    if (IXJ__UNLIKELY(f->seen & bit)) {
        bool earlier_alias = (f->seen_alias & bit) != 0;
        return ixj__fail_at(d, IXJ_ERR_DUPLICATE_KEY,
                            earlier_alias != is_alias ? IXJ__D_DUPLICATE_ALIAS
                                                      : IXJ__D_DUPLICATE,
                            tok, IXJ__PATH_CURRENT);
    }
    f->seen |= bit;
    if (IXJ__UNLIKELY(is_alias))
        f->seen_alias |= bit;
    f->expect = ixj__field_after(f->desc, ixj__next_key(f->desc, fld));
    return 1;
}

/* A key anywhere else: the first keys of an object under auto-detection,
 * keys in no table, keys of skipped values, escaped keys. */
static IXJ__NOINLINE int
other_key(ixj_decoder *d, ixj__frame *f, const ixj__token *tok)
{
    const ixj__field *fld = NULL;
    bool is_alias = false;
    const char *key;
    size_t len;

    if (!token_text(d, tok, &key, &len))
        return fail(d, IXJ_ERR_NOMEM, tok, IXJ__PATH_CONTAINER);
    if (f->kind == IXJ__FR_OBJECT && f->desc == NULL) {
        ixj_type t = ixj__detect_type(key, len, !d->strict);
        if (t != IXJ_TYPE_AUTO && !resolve_root(d, f, t, tok))
            return 0; /* out of memory, at the object */
    }
    if (f->kind == IXJ__FR_OBJECT && f->desc != NULL)
        fld = ixj__find_field(f->desc, key, len, !d->strict, &is_alias);
    if (fld != NULL)
        return known_key(d, f, fld, is_alias, tok);
    f->field = NULL;
    f->key_pending = true;
    return unknown_key(d, f, key, len, tok);
}

static int
on_key(ixj_decoder *d, const ixj__token *tok)
{
    ixj__frame *f = top(d);
    const ixj__field *next = f->expect;

    /* Keys usually come in the spec's (alphabetical) order: the field
     * after the last one is tried first. */
    if (IXJ__LIKELY(next != NULL && next->name_len == tok->len &&
                    !(tok->flags & IXJ__T_ESCAPED) &&
                    ixj__same_bytes(next->name, ixj__token_text(&d->guard, tok),
                                    tok->len)))
        return known_key(d, f, next, false, tok);
    if (IXJ__LIKELY(f->desc != NULL && !(tok->flags & IXJ__T_ESCAPED))) {
        bool is_alias;
        const ixj__field *fld =
            ixj__find_field(f->desc, ixj__token_text(&d->guard, tok), tok->len,
                            !d->strict, &is_alias);
        if (fld != NULL)
            return known_key(d, f, fld, is_alias, tok);
    }
    return other_key(d, f, tok);
}

/* An object closes: under IXJ_TYPE_AUTO, no key of the top-level object
 * named a payload type (saying "ok" for any object would be a false
 * pass); strict mode checks the required fields. */
static int
end_object(ixj_decoder *d, ixj__frame *f, const ixj__token *tok)
{
    uint64_t missing;
    if (f->desc == NULL)
        return ixj__fail_at(d, IXJ_ERR_UNIDENTIFIED, IXJ__D_UNIDENTIFIED, tok,
                            IXJ__PATH_CONTAINER);
    missing = f->desc->required & ~*(uint64_t *)f->base;
    if (d->strict && missing != 0)
        return ixj__fail_at(d, IXJ_ERR_MISSING_FIELD,
                            f->desc->missing[__builtin_ctzll(missing)], tok,
                            IXJ__PATH_CONTAINER);
    return 1;
}

static int
on_end(ixj_decoder *d)
{
    const ixj__token *tok = next_token(d, IXJ__T_CLOSE);
    ixj__frame *f = top(d);

    if (f->kind == IXJ__FR_OBJECT && !end_object(d, f, tok))
        return 0;
    if (f->kind == IXJ__FR_ARRAY && !ixj__array_end(d, f, tok))
        return 0;
    d->keys_len = f->keys_mark;
    d->depth--;
    d->top = d->depth > 0 ? f - 1 : NULL;
    if (d->depth > 0) {
        ixj__frame *parent = top(d);
        parent->key_pending = false;
        if (parent->kind == IXJ__FR_ARRAY && parent->mode != IXJ__KEEP)
            return ixj__element_done(d, parent, tok);
    }
    return 1;
}

int
ixj__pending_key(ixj_decoder *d)
{
    const ixj__token *tok = next_token(d, IXJ__T_KEY);
    IXJ__ASSERT(ixj__fifo_empty(&d->guard));
    return on_key(d, tok);
}

/* The token of the value yajl calls back for. The skeleton has no keys
 * (guard.h): a member's key is the token before its value, taken here
 * first. NULL when the key has an error (recorded). */
static IXJ__INLINE const ixj__token *
value_token(ixj_decoder *d)
{
    const ixj__token *tok = ixj__fifo_pop(&d->guard);
    if ((tok->flags & IXJ__T_KIND) == IXJ__T_KEY) {
        if (!on_key(d, tok))
            return NULL;
        tok = ixj__fifo_pop(&d->guard);
    }
    IXJ__ASSERT(d->guard.fifo_r <= d->guard.fifo_w);
    return tok;
}

/* A scalar value: the skeleton writes every one as the number 0, and its
 * JSON type is its token's kind. */
static int
cb_scalar(void *ctx, const char *placeholder, size_t len)
{
    ixj_decoder *d = ctx;
    const ixj__token *tok = value_token(d);
    unsigned kind;

    (void)placeholder;
    (void)len;
    if (tok == NULL)
        return 0;
    kind = tok->flags & IXJ__T_KIND;
    IXJ__ASSERT(kind >= IXJ__T_STRING && kind <= IXJ__T_NULL);
    return on_scalar[kind](d, tok);
}

/* A container: the skeleton writes objects as arrays too. */
static int
cb_start_array(void *ctx)
{
    ixj_decoder *d = ctx;
    const ixj__token *tok = value_token(d);

    if (tok == NULL)
        return 0;
    if ((tok->flags & IXJ__T_KIND) == IXJ__T_OBJECT)
        return on_value(d, tok, J_OBJECT, 0);
    IXJ__ASSERT((tok->flags & IXJ__T_KIND) == IXJ__T_ARRAY);
    return on_value(d, tok, J_ARRAY, 0);
}

static int
cb_end(void *ctx)
{
    return on_end(ctx);
}

/* The skeleton holds numbers (every scalar is a 0), arrays (objects are
 * arrays too) and nothing else, so yajl needs no callback for null,
 * booleans, strings, maps or keys. yajl calls yajl_integer and
 * yajl_double only when yajl_number is NULL (yajl_parse.h): numbers never
 * go through yajl's own conversions. */
const yajl_callbacks ixj__decoder_callbacks = {
    NULL, NULL, NULL, NULL,           cb_scalar, NULL,
    NULL, NULL, NULL, cb_start_array, cb_end};
