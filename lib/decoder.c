/* SPDX-License-Identifier: MIT */
/*
 * The decoder: yajl callbacks drive a stack of frames over the field
 * tables of schema.h.
 *
 *   bytes --> guard --(whole tokens)--> yajl_parse --> callbacks --> structs
 *
 * The guard (guard.c) checks the text, records each token's position and
 * text in its table, and hands yajl a skeleton of the document (strings
 * as "", numbers as 0): yajl parses structure and calls back once per
 * token, and each callback takes that token's real text and position
 * from the table. So every byte of string content is read once, by the
 * guard; yajl only ever sees whole, valid tokens; and a value error names
 * the offset, line and column of the value's first byte.
 *
 * Frames, one per open container:
 *
 *   OBJECT       a payload object: its table, the struct being filled,
 *                the keys seen so far, the field of the pending key
 *   ARRAY        a repeated field: elements grow in a buffer and move
 *                into the result at ']'
 *   SKIP_OBJECT  a value that is not decoded: an unknown key's value, or
 *   SKIP_ARRAY   anything under the any type; tracked only for paths
 *
 * Errors: the first one wins. A callback that finds one records it and
 * returns 0, which stops yajl; the guard's errors are reported after yajl
 * has seen every complete token before them, so the first error in the
 * text is always the one reported, however the input was chunked.
 */
#include "decoder.h"

#include <stdbool.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "alloc.h"
#include "arena.h"
#include "bytes.h"
#include "compiler.h"
#include "detail.h"
#include "error.h"
#include "guard.h"
#include "rfc3339.h"
#include "scalar.h"
#include "schema.h"
#include "unescape.h"
#include "ypool.h"

enum { FR_OBJECT, FR_ARRAY, FR_SKIP_OBJECT, FR_SKIP_ARRAY };

/* The JSON type of the value a callback reports (detail.h's order). */
enum {
    J_NULL = IXJ__JSON_NULL,
    J_BOOL = IXJ__JSON_BOOL,
    J_NUMBER = IXJ__JSON_NUMBER,
    J_STRING = IXJ__JSON_STRING,
    J_OBJECT = IXJ__JSON_OBJECT,
    J_ARRAY = IXJ__JSON_ARRAY
};

enum { PHASE_IDLE, PHASE_ACTIVE, PHASE_FAILED, PHASE_FINISHED };

/* Which path an error names at the innermost array: the element being
 * read (CURRENT), the element about to start (NEXT), or the array itself
 * (CONTAINER). At an object, a pending key is always named. */
enum { PATH_CURRENT, PATH_NEXT, PATH_CONTAINER };

/* Chunks shorter than this are gathered into a stage of IXJ__STAGE_SIZE
 * bytes and scanned when it fills (or at finish): a scan and a yajl call
 * per tiny chunk would cost more than the bytes themselves. Results do
 * not depend on it; an error in staged bytes is reported by the call that
 * scans them. */
#define IXJ__STAGE_SIZE  4096u
#define IXJ__STAGE_BELOW 512u

/* Arrays up to this many bytes are copied into the arena, exactly sized,
 * when they close; bigger ones keep the buffer they grew in, which is at
 * most a quarter unused (see grow_items). */
#define SMALL_ARRAY 65536u

typedef struct frame {
    uint8_t kind;     /* FR_* */
    bool key_pending; /* objects: a key was read, its value not done */
    bool key_copied;  /* the key's text is in d->keys at key_off */
    uint8_t hint;     /* objects: index of the field expected next */
    const ixj__object_desc *desc; /* OBJECT; NULL while auto-detecting */
    void *base;                   /* OBJECT: the struct; ARRAY: its owner */
    const ixj__field *field;      /* OBJECT: of the pending key, NULL when
                                     unknown; ARRAY: the array's field */
    uint64_t seen;                /* OBJECT: fields whose key was read */
    uint64_t seen_alias;          /* OBJECT: ... under their alias */
    uint64_t count;               /* arrays: elements started */
    const char *key;              /* pending key, when not copied */
    size_t key_len;
    size_t key_off;
    size_t keys_mark;     /* d->keys_len when the frame was pushed */
    char *items;          /* ARRAY: element buffer */
    size_t items_size;    /* its size in bytes */
    size_t item_size;     /* ARRAY: bytes per element */
    uint8_t mode;         /* ARRAY: KEEP, STREAM or DROP */
    uint8_t element;      /* ARRAY: its ixj_element, 0 when it has none */
    ixj__arena_mark mark; /* ARRAY (STREAM, DROP): arena before the
                             element in progress */
    uint64_t charged;     /* and d->result_bytes then */
} frame;

/* What an array frame does with its elements: keep them in the result;
 * stream them one by one to a callback; drop them (validation only). A
 * streamed or dropped element lives in slot 0 of the frame's buffer and
 * the arena is rewound after it, so memory does not grow with the array. */
enum { KEEP, STREAM, DROP };

struct ixj_decoder {
    ixj_allocator alloc;

    /* Options. */
    bool strict;
    bool validate_only;
    uint64_t max_depth;
    uint64_t max_string;
    uint64_t max_number;
    uint64_t max_array;
    uint64_t max_document;
    uint64_t max_result; /* 0: unlimited */

    /* A callback of this decoder is running: every call that would drive
     * the decoder is refused (see ixjob.h, "Callbacks"). */
    unsigned in_callback;

    /* The document. */
    int phase;
    ixj_type type;     /* as begun */
    ixj_type resolved; /* as decided (auto-detection) */
    void *root;        /* the top-level struct */
    bool root_done;    /* the top-level value was handled */
    uint64_t unknown_fields;
    uint64_t unrecognized_enums;
    uint64_t result_bytes; /* what the kept result takes (see charge) */

    /* The text engine. */
    ixj__guard guard;
    ixj__ypool ypool;
    yajl_handle yajl;
    bool yajl_dirty; /* the handle stopped mid-document */
    uint64_t yajl_bytes;

    /* Small chunks gathered before they are scanned (see feed). */
    size_t stage_len;
    size_t stage_below; /* IXJ__STAGE_BELOW, or 0 (tests: no staging) */
    size_t fast_below;  /* the inline path's: stage_below for one
                         * document, 0 for a stream (see feed_slow) */
    uint8_t stage[IXJ__STAGE_SIZE];

    /* Escaped string content, decoded. */
    char *unescaped;
    size_t unescaped_cap;

    /* Open containers. */
    frame *frames;
    uint32_t depth;
    uint32_t frame_cap;

    /* Copies of keys that are not in a table, for paths. */
    char *keys;
    size_t keys_len;
    size_t keys_cap;

    ixj_arena *arena;
    ixj_result result;

    /* A stream of documents (begin_stream). */
    ixj_document_fn doc_fn;
    void *doc_ctx;
    uint64_t doc_count;
    bool doc_failed; /* the document in progress has its error */
    bool skip_line;  /* NDJSON: skipping the rest of a failed record */

    /* Element callbacks, by ixj_element. */
    struct {
        ixj_element_fn fn;
        void *ctx;
    } elements[IXJ__ELEMENT_END];
    char *element_path;
    size_t element_path_cap;

    ixj_error error;
    char *path;
    size_t path_cap;
};

/* ------------------------------------------------------------------ */
/* Callbacks                                                            */
/* ------------------------------------------------------------------ */

/* The size under which a feed takes the inline path (see
 * ixj_decoder_feed): the gathering threshold for one document; 0 in a
 * stream (a newline must be scanned at once) and inside a callback (the
 * feed must be refused). */
static size_t
fast_threshold(const ixj_decoder *d)
{
    if (d->in_callback || d->guard.stream != IXJ__ONE_DOCUMENT)
        return 0;
    return d->stage_below;
}

/* Around a call of user code: the decoder refuses to be driven. */
static void
callback_enter(ixj_decoder *d)
{
    d->in_callback++;
    d->fast_below = 0;
}

static void
callback_leave(ixj_decoder *d)
{
    d->in_callback--;
    d->fast_below = fast_threshold(d);
}

/* ------------------------------------------------------------------ */
/* Growable buffers                                                     */
/* ------------------------------------------------------------------ */

/* Makes room for `need` bytes in a buffer grown by doubling. */
static bool
reserve(const ixj_allocator *alloc, char **buf, size_t *cap, size_t need)
{
    size_t n;
    char *p;
    if (need <= *cap)
        return true;
    n = *cap ? *cap : 64;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return false;
        n *= 2;
    }
    p = ixj__realloc(alloc, *buf, n);
    if (p == NULL)
        return false;
    *buf = p;
    *cap = n;
    return true;
}

/* ------------------------------------------------------------------ */
/* Errors and paths                                                     */
/* ------------------------------------------------------------------ */

static const char *
key_text(const ixj_decoder *d, const frame *f)
{
    return f->key_copied ? d->keys + f->key_off : f->key;
}

/* Writes the path of the current position (or measures it when out is
 * NULL). */
static size_t
render_path(const ixj_decoder *d, int mode, char *out)
{
    size_t n = 1;
    if (out != NULL)
        out[0] = '$';
    for (uint32_t i = 0; i < d->depth; i++) {
        const frame *f = &d->frames[i];
        bool innermost = i + 1 == d->depth;
        if (f->kind == FR_OBJECT || f->kind == FR_SKIP_OBJECT) {
            if (f->key_pending)
                n += ixj__path_key(out ? out + n : NULL, key_text(d, f),
                                   f->key_len);
        } else if (!innermost || mode == PATH_CURRENT) {
            if (f->count > 0)
                n += ixj__path_index(out ? out + n : NULL, f->count - 1);
        } else if (mode == PATH_NEXT) {
            n += ixj__path_index(out ? out + n : NULL, f->count);
        }
    }
    return n;
}

/* Records the first error of the document, with an ixj__detail id. */
static void
record_error(ixj_decoder *d, ixj_status code, unsigned detail, uint64_t offset,
             uint64_t line, uint64_t column, int mode)
{
    size_t len;

    if (d->error.code != IXJ_OK)
        return;
    d->error.code = code;
    d->error.offset = offset;
    d->error.line = line;
    d->error.column = column;
    len = render_path(d, mode, NULL);
    if (reserve(&d->alloc, &d->path, &d->path_cap, len + 1)) {
        render_path(d, mode, d->path);
        d->path[len] = '\0';
        d->error.path = d->path;
    } else {
        /* No memory even for the path: that is the error to report. */
        d->error.code = IXJ_ERR_NOMEM;
        d->error.path = "$";
    }
    d->error.message = ixj_status_message(d->error.code);
    d->error.detail =
        ixj__detail_text(d->error.code == code ? detail : IXJ__D_NONE);
}

/* Records an error at a token and stops yajl (callbacks return this). */
static int
fail_detail(ixj_decoder *d, ixj_status code, unsigned detail,
            const ixj__token *tok, int mode)
{
    record_error(d, code, detail, tok->offset, tok->line,
                 tok->offset - tok->line_start + 1, mode);
    return 0;
}

/* The same, for an error whose code says it all (out of memory). */
static int
fail(ixj_decoder *d, ixj_status code, const ixj__token *tok, int mode)
{
    return fail_detail(d, code, IXJ__D_NONE, tok, mode);
}

/* Records an error at the guard's position: between tokens, where no
 * token names it. */
static void
record_error_here(ixj_decoder *d, ixj_status code, unsigned detail, int mode)
{
    const ixj__guard *g = &d->guard;
    record_error(d, code, detail, g->offset, g->line,
                 g->offset - g->line_start + 1, mode);
}

/* Records the error the guard found. */
static void
take_guard_error(ixj_decoder *d)
{
    const ixj__guard *g = &d->guard;
    record_error(d, (ixj_status)g->err_code, g->err_detail, g->err_offset,
                 g->err_line, g->err_column,
                 g->err_ctx == IXJ__CTX_VALUE ? PATH_NEXT : PATH_CONTAINER);
}

/* ------------------------------------------------------------------ */
/* Frames                                                               */
/* ------------------------------------------------------------------ */

static frame *
push_frame(ixj_decoder *d, int kind, const ixj__token *tok)
{
    frame *f;
    if (d->depth == d->frame_cap) {
        uint32_t cap = d->frame_cap ? d->frame_cap * 2 : 8;
        frame *frames =
            ixj__realloc(&d->alloc, d->frames, (size_t)cap * sizeof *frames);
        if (frames == NULL) {
            fail(d, IXJ_ERR_NOMEM, tok, PATH_CURRENT);
            return NULL;
        }
        d->frames = frames;
        d->frame_cap = cap;
    }
    f = &d->frames[d->depth++];
    f->kind = (uint8_t)kind;
    f->key_pending = false;
    f->key_copied = false;
    f->hint = 0;
    f->desc = NULL;
    f->base = NULL;
    f->field = NULL;
    f->seen = 0;
    f->seen_alias = 0;
    f->count = 0;
    f->key_len = 0;
    f->keys_mark = d->keys_len;
    f->items = NULL;
    f->items_size = 0;
    f->item_size = 0;
    f->mode = KEEP;
    f->element = 0;
    return f;
}

static inline frame *
top(ixj_decoder *d)
{
    return &d->frames[d->depth - 1];
}

/* Keeps a copy of a key that is in no table, for paths. */
static bool
copy_key(ixj_decoder *d, frame *f, const char *key, size_t len)
{
    if (!reserve(&d->alloc, &d->keys, &d->keys_cap, f->keys_mark + len + 1))
        return false;
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
    return push_frame(d, jt == J_OBJECT ? FR_SKIP_OBJECT : FR_SKIP_ARRAY,
                      tok) != NULL;
}

/* Counts size bytes against the kept result's limit. Returns false after
 * recording IXJ_ERR_LIMIT at the token whose value needs them. */
static bool
charge(ixj_decoder *d, size_t size, const ixj__token *tok)
{
    d->result_bytes += size;
    if (d->max_result != 0 && d->result_bytes > d->max_result) {
        fail_detail(d, IXJ_ERR_LIMIT, IXJ__D_RESULT_LIMIT, tok, PATH_CURRENT);
        return false;
    }
    return true;
}

/* A zeroed struct in the arena. */
static void *
new_struct(ixj_decoder *d, size_t size, const ixj__token *tok)
{
    void *p;
    if (!charge(d, size, tok))
        return NULL;
    p = ixj__arena_alloc(d->arena, size);
    if (p == NULL) {
        fail(d, IXJ_ERR_NOMEM, tok, PATH_CURRENT);
        return NULL;
    }
    memset(p, 0, size);
    return p;
}

/* Fixes the type of the top-level object. */
static bool
resolve_root(ixj_decoder *d, frame *f, ixj_type type, const ixj__token *tok)
{
    f->desc = ixj__root_object(type);
    f->base = new_struct(d, f->desc->size, tok);
    d->root = f->base;
    d->resolved = type;
    return f->base != NULL;
}

/* ------------------------------------------------------------------ */
/* Values                                                               */
/* ------------------------------------------------------------------ */

/* The text of a string or number token, a string's escapes decoded (into
 * a buffer that the next call reuses). False when out of memory. */
static bool
unescaped_text(ixj_decoder *d, const ixj__token *tok, const char **text,
               size_t *len)
{
    if (!reserve(&d->alloc, &d->unescaped, &d->unescaped_cap, tok->len + 1))
        return false;
    *len = ixj__unescape(tok->text, tok->len, d->unescaped);
    *text = d->unescaped;
    return true;
}

static inline bool
token_text(ixj_decoder *d, const ixj__token *tok, const char **text,
           size_t *len)
{
    if (tok->escaped)
        return unescaped_text(d, tok, text, len);
    *text = tok->text;
    *len = tok->len;
    return true;
}

static int
store_string(ixj_decoder *d, ixj_string *dst, const char *text, size_t len,
             const ixj__token *tok)
{
    char *s;
    if (!charge(d, len + 1, tok))
        return 0;
    s = ixj__arena_strdup(d->arena, text, len);
    if (s == NULL)
        return fail(d, IXJ_ERR_NOMEM, tok, PATH_CURRENT);
    dst->ptr = s;
    dst->len = len;
    return 1;
}

/* The detail of a type error: the kind of value the field expects,
 * and the JSON type found. */
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
    return fail_detail(d, IXJ_ERR_TYPE, type_detail(fld, jt), tok,
                       PATH_CURRENT);
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
        return store_string(d, dst, text, len, tok);
    case IXJ__KIND_UINT64:
    case IXJ__KIND_INT64:
        if (jt != J_STRING && jt != J_NUMBER)
            return wrong_type(d, fld, jt, tok);
        st = ixj__integer_field(fld->kind == IXJ__KIND_UINT64, d->strict,
                                jt == J_STRING, text, len, dst, &detail);
        return st == IXJ_OK ? 1 : fail_detail(d, st, detail, tok, PATH_CURRENT);
    case IXJ__KIND_BOOL:
        if (jt != J_BOOL)
            return wrong_type(d, fld, jt, tok);
        *(bool *)dst = len != 0;
        return 1;
    case IXJ__KIND_TIMESTAMP:
        if (jt != J_STRING)
            return wrong_type(d, fld, jt, tok);
        if (!ixj__rfc3339_parse(text, len, dst))
            return fail_detail(d, IXJ_ERR_TIMESTAMP,
                               ixj__rfc3339_explain(text, len), tok,
                               PATH_CURRENT);
        return 1;
    case IXJ__KIND_ENUM: {
        int v;
        if (jt != J_STRING)
            return wrong_type(d, fld, jt, tok);
        v = ixj__enum_value(fld->enumeration, text, len);
        if (v < 0) {
            /* A literal the spec does not (yet) have: keep its text. */
            if (d->strict)
                return fail_detail(d, IXJ_ERR_ENUM, fld->enumeration->detail,
                                   tok, PATH_CURRENT);
            d->unrecognized_enums++;
            if (!store_string(d,
                              (ixj_string *)((char *)owner + fld->aux_offset),
                              text, len, tok))
                return 0;
        }
        *(int *)dst = v;
        return 1;
    }
    case IXJ__KIND_OBJECT:
    case IXJ__KIND_OBJECT_ARRAY:
    case IXJ__KIND_STRING_ARRAY:
        break;
    }
    return wrong_type(d, fld, jt, tok);
}

/* A member's value: the one dispatch on (field kind, JSON type). */
static IXJ__INLINE int
store_member(ixj_decoder *d, frame *f, int jt, const char *text, size_t len,
             const ixj__token *tok)
{
    const ixj__field *fld = f->field;
    void *owner = f->base;
    uint64_t bit = UINT64_C(1) << fld->bit;
    frame *child;

    if (jt == J_NULL) {
        /* ProtoJSON: null is the same as absent. The spec (OpenAPI 3.0)
         * makes no field nullable: strict mode refuses it. */
        if (d->strict)
            return fail_detail(d, IXJ_ERR_TYPE, IXJ__D_STRICT_NULL, tok,
                               PATH_CURRENT);
        f->key_pending = false;
        return 1;
    }
    if (jt == J_OBJECT) {
        if (fld->kind != IXJ__KIND_OBJECT)
            return wrong_type(d, fld, jt, tok);
        *(uint64_t *)owner |= bit;
        if ((child = push_frame(d, FR_OBJECT, tok)) == NULL)
            return 0;
        child->desc = fld->object;
        child->base = ixj__member(owner, fld);
        return 1;
    }
    if (jt == J_ARRAY) {
        if (fld->kind != IXJ__KIND_OBJECT_ARRAY &&
            fld->kind != IXJ__KIND_STRING_ARRAY)
            return wrong_type(d, fld, jt, tok);
        *(uint64_t *)owner |= bit;
        if ((child = push_frame(d, FR_ARRAY, tok)) == NULL)
            return 0;
        child->field = fld;
        child->base = owner;
        child->item_size = fld->kind == IXJ__KIND_OBJECT_ARRAY
                               ? fld->object->size
                               : sizeof(ixj_string);
        child->element = fld->element;
        if (d->validate_only)
            child->mode = DROP;
        else if (child->element != 0 && d->elements[child->element].fn != NULL)
            child->mode = STREAM;
        return 1;
    }
    if (!store_scalar(d, fld, owner, jt, text, len, tok))
        return 0;
    *(uint64_t *)owner |= bit;
    f->key_pending = false;
    return 1;
}

/* Room for one more element: doubling while small, then growing by a
 * quarter so that a big array's buffer is never more than a quarter
 * unused. */
static void *
grow_items(ixj_decoder *d, frame *f)
{
    size_t used = (size_t)(f->count - 1) * f->item_size;
    if (f->count - 1 > SIZE_MAX / f->item_size - 1)
        return NULL;
    if (used + f->item_size > f->items_size) {
        size_t size = f->items_size < SMALL_ARRAY ? f->items_size * 2
                                                  : f->items_size / 4 * 5;
        char *items;
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

/* The slot of a streamed or dropped element: always the first, with the
 * arena marked so that the element's memory goes back after it. */
static void *
element_slot(ixj_decoder *d, frame *f)
{
    if (f->items_size < f->item_size) {
        size_t size;
        char *items = ixj__arena_buffer_take(d->arena, f->item_size, &size);
        if (items == NULL)
            return NULL;
        f->items = items;
        f->items_size = size;
    }
    ixj__arena_mark_get(d->arena, &f->mark);
    memset(f->items, 0, f->item_size);
    return f->items;
}

/* A streamed or dropped element is complete: a streamed one goes to its
 * callback; then its memory is reused. Returns 0 when the callback asked
 * to stop. */
static int
element_done(ixj_decoder *d, frame *f, const ixj__token *tok)
{
    if (f->mode == STREAM) {
        ixj_element_info info;
        int stop;
        size_t n = render_path(d, PATH_CURRENT, NULL);
        if (!reserve(&d->alloc, &d->element_path, &d->element_path_cap, n + 1))
            return fail(d, IXJ_ERR_NOMEM, tok, PATH_CURRENT);
        render_path(d, PATH_CURRENT, d->element_path);
        d->element_path[n] = '\0';
        info.element = (ixj_element)f->element;
        info.index = f->count - 1;
        info.path = d->element_path;
        info.value = f->items;
        callback_enter(d);
        stop = d->elements[f->element].fn(d->elements[f->element].ctx, &info);
        callback_leave(d);
        if (stop != 0)
            return fail_detail(d, IXJ_STOPPED, IXJ__D_ELEMENT_STOP, tok,
                               PATH_CURRENT);
    }
    ixj__arena_rewind_to(d->arena, &f->mark);
    d->result_bytes = f->charged;
    return 1;
}

/* An element of a repeated field. */
static IXJ__INLINE int
store_element(ixj_decoder *d, frame *f, int jt, const char *text, size_t len,
              const ixj__token *tok)
{
    bool objects = f->field->kind == IXJ__KIND_OBJECT_ARRAY;
    void *slot;
    frame *child;

    /* ProtoJSON forbids null elements. */
    if (jt != (objects ? J_OBJECT : J_STRING))
        return fail_detail(d, IXJ_ERR_TYPE,
                           jt == J_NULL ? IXJ__D_NULL_ELEMENT
                           : objects    ? IXJ__D_TYPE_OBJECT_NULL + (unsigned)jt
                                     : IXJ__D_TYPE_STRING_NULL + (unsigned)jt,
                           tok, PATH_CURRENT);
    if (f->mode != KEEP)
        f->charged = d->result_bytes; /* given back after the element */
    if (!charge(d, f->item_size, tok))
        return 0;
    slot = f->mode == KEEP ? grow_items(d, f) : element_slot(d, f);
    if (slot == NULL)
        return fail(d, IXJ_ERR_NOMEM, tok, PATH_CURRENT);
    if (!objects) {
        if (!store_string(d, slot, text, len, tok))
            return 0;
        return f->mode == KEEP ? 1 : element_done(d, f, tok);
    }
    if ((child = push_frame(d, FR_OBJECT, tok)) == NULL)
        return 0;
    child->desc = d->frames[d->depth - 2].field->object;
    child->base = slot;
    return 1;
}

/* Moves a closed array into its owner struct. */
static int
finish_array(ixj_decoder *d, frame *f, const ixj__token *tok)
{
    size_t bytes = (size_t)f->count * f->item_size;
    void *items = NULL;

    if (f->mode != KEEP) {
        /* streamed or dropped: the count stays, the elements are gone */
        if (f->items != NULL)
            ixj__arena_buffer_drop(d->arena, f->items);
    } else if (f->count > 0 && bytes <= SMALL_ARRAY) {
        items = ixj__arena_alloc(d->arena, bytes);
        if (items == NULL)
            return fail(d, IXJ_ERR_NOMEM, tok, PATH_CONTAINER);
        memcpy(items, f->items, bytes);
        ixj__arena_buffer_drop(d->arena, f->items);
    } else if (f->count > 0) {
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

/* ------------------------------------------------------------------ */
/* yajl callbacks                                                       */
/* ------------------------------------------------------------------ */

static int
on_root_value(ixj_decoder *d, int jt, const ixj__token *tok)
{
    frame *f;

    d->root_done = true;
    if (d->type == IXJ_TYPE_ANY) {
        if (jt == J_OBJECT || jt == J_ARRAY)
            return push_skip(d, jt, tok);
        return 1;
    }
    if (jt != J_OBJECT) /* the guard reports this first */
        return fail_detail(d, IXJ_ERR_TYPE,
                           IXJ__D_TYPE_OBJECT_NULL + (unsigned)jt, tok,
                           PATH_CURRENT);
    if ((f = push_frame(d, FR_OBJECT, tok)) == NULL)
        return 0;
    if (d->type == IXJ_TYPE_AUTO)
        return 1; /* the first deciding key picks the type */
    return resolve_root(d, f, d->type, tok);
}

/* A value token: jt is its JSON type; boolean its value for J_BOOL.
 * Inlined into each callback, so that every copy is specialised for one
 * JSON type. */
static IXJ__INLINE int
on_value(ixj_decoder *d, int jt, int boolean)
{
    const ixj__token *tok = ixj__fifo_pop(&d->guard);
    const char *text = NULL;
    size_t len = (size_t)boolean;
    frame *f;

    if (d->depth == 0)
        return on_root_value(d, jt, tok);
    f = top(d);
    if (f->kind == FR_SKIP_ARRAY)
        f->count++;
    if (f->kind == FR_SKIP_OBJECT || f->kind == FR_SKIP_ARRAY ||
        (f->kind == FR_OBJECT && f->field == NULL)) {
        /* Not decoded: an unknown key's value or the any type. */
        if (jt == J_OBJECT || jt == J_ARRAY)
            return push_skip(d, jt, tok);
        f->key_pending = false;
        return 1;
    }
    if ((jt == J_STRING || jt == J_NUMBER) && !token_text(d, tok, &text, &len))
        return fail(d, IXJ_ERR_NOMEM, tok, PATH_CURRENT);
    if (f->kind == FR_OBJECT)
        return store_member(d, f, jt, text, len, tok);
    f->count++;
    return store_element(d, f, jt, text, len, tok);
}

/* Why strict mode refuses a key of an object frame. */
static unsigned
unknown_detail(const frame *f, const char *key, size_t len)
{
    bool is_alias;
    if (f->desc == NULL) /* the top level, no type decided yet */
        return ixj__detect_type(key, len, true) != IXJ_TYPE_AUTO
                   ? IXJ__D_ALIAS_IN_STRICT
                   : IXJ__D_UNKNOWN_TOP_KEY;
    return ixj__find_field(f->desc, key, len, 0, true, &is_alias) != NULL
               ? IXJ__D_ALIAS_IN_STRICT
               : IXJ__D_UNKNOWN_KEY;
}

static int
on_key(ixj_decoder *d)
{
    const ixj__token *tok = ixj__fifo_pop(&d->guard);
    frame *f = top(d);
    const ixj__field *fld = NULL;
    bool is_alias = false;
    const char *key;
    size_t len;

    if (!token_text(d, tok, &key, &len))
        return fail(d, IXJ_ERR_NOMEM, tok, PATH_CONTAINER);

    if (f->kind == FR_OBJECT && f->desc == NULL) {
        ixj_type t = ixj__detect_type(key, len, !d->strict);
        if (t != IXJ_TYPE_AUTO && !resolve_root(d, f, t, tok))
            return 0; /* out of memory, at the object */
    }
    f->key_pending = true;
    if (f->kind == FR_OBJECT && f->desc != NULL) {
        /* Keys usually come in table order: try the next field inline. */
        const ixj__field *next = &f->desc->fields[f->hint];
        if (f->hint < f->desc->n_fields && next->name_len == len &&
            ixj__same_bytes(next->name, key, len))
            fld = next;
        else
            fld = ixj__find_field(f->desc, key, len, f->hint, !d->strict,
                                  &is_alias);
    }
    f->field = fld;
    if (fld == NULL) {
        if (!copy_key(d, f, key, len)) {
            f->key_pending = false; /* the path names the object */
            return fail(d, IXJ_ERR_NOMEM, tok, PATH_CONTAINER);
        }
        if (f->kind != FR_OBJECT)
            return 1;
        if (d->strict)
            return fail_detail(d, IXJ_ERR_UNKNOWN_FIELD,
                               unknown_detail(f, key, len), tok, PATH_CURRENT);
        d->unknown_fields++;
        return 1;
    }
    d->keys_len = f->keys_mark;
    f->key_copied = false;
    f->key = is_alias ? fld->alias : fld->name;
    f->key_len = is_alias ? fld->alias_len : fld->name_len;
    if ((f->seen >> fld->bit) & 1) {
        bool earlier_alias = (f->seen_alias >> fld->bit) & 1;
        return fail_detail(d, IXJ_ERR_DUPLICATE_KEY,
                           earlier_alias != is_alias ? IXJ__D_DUPLICATE_ALIAS
                                                     : IXJ__D_DUPLICATE,
                           tok, PATH_CURRENT);
    }
    f->seen |= UINT64_C(1) << fld->bit;
    if (is_alias)
        f->seen_alias |= UINT64_C(1) << fld->bit;
    f->hint = (uint8_t)(fld->bit + 1);
    return 1;
}

static int
on_end(ixj_decoder *d)
{
    const ixj__token *tok = ixj__fifo_pop(&d->guard);
    frame *f = top(d);
    uint64_t missing;

    if (f->kind == FR_OBJECT) {
        /* Under IXJ_TYPE_AUTO, no key of the top-level object named a
         * payload type: saying "ok" for any object would be a false
         * pass. */
        if (f->desc == NULL)
            return fail_detail(d, IXJ_ERR_UNIDENTIFIED, IXJ__D_UNIDENTIFIED,
                               tok, PATH_CONTAINER);
        missing = f->desc->required & ~*(uint64_t *)f->base;
        if (d->strict && missing != 0)
            return fail_detail(d, IXJ_ERR_MISSING_FIELD,
                               f->desc->missing[__builtin_ctzll(missing)], tok,
                               PATH_CONTAINER);
    } else if (f->kind == FR_ARRAY) {
        if (!finish_array(d, f, tok))
            return 0;
    }
    d->keys_len = f->keys_mark;
    d->depth--;
    if (d->depth > 0) {
        frame *parent = top(d);
        parent->key_pending = false;
        if (parent->kind == FR_ARRAY && parent->mode != KEEP)
            return element_done(d, parent, tok);
    }
    return 1;
}

/* The callbacks ignore the text yajl passes: it is the skeleton's
 * placeholder; the real text is in the guard's table. */
static int
cb_null(void *ctx)
{
    return on_value(ctx, J_NULL, 0);
}

static int
cb_boolean(void *ctx, int value)
{
    return on_value(ctx, J_BOOL, value != 0);
}

static int
cb_number(void *ctx, const char *placeholder, size_t len)
{
    (void)placeholder;
    (void)len;
    return on_value(ctx, J_NUMBER, 0);
}

static int
cb_string(void *ctx, const unsigned char *placeholder, size_t len)
{
    (void)placeholder;
    (void)len;
    return on_value(ctx, J_STRING, 0);
}

static int
cb_start_map(void *ctx)
{
    return on_value(ctx, J_OBJECT, 0);
}

static int
cb_start_array(void *ctx)
{
    return on_value(ctx, J_ARRAY, 0);
}

static int
cb_map_key(void *ctx, const unsigned char *placeholder, size_t len)
{
    (void)placeholder;
    (void)len;
    return on_key(ctx);
}

static int
cb_end(void *ctx)
{
    return on_end(ctx);
}

/* yajl never calls these while yajl_number is set (yajl_parse.h); they
 * stop the parse if it ever did, rather than let a number slip through
 * yajl's own conversions. */
static int
cb_integer_unused(void *ctx, long long value)
{
    (void)ctx;
    (void)value;
    return 0;
}

static int
cb_double_unused(void *ctx, double value)
{
    (void)ctx;
    (void)value;
    return 0;
}

static const yajl_callbacks callbacks = {
    cb_null,          cb_boolean, cb_integer_unused,
    cb_double_unused, cb_number,  cb_string,
    cb_start_map,     cb_map_key, cb_end,
    cb_start_array,   cb_end};

/* ------------------------------------------------------------------ */
/* Feeding                                                              */
/* ------------------------------------------------------------------ */

static ixj_status
fail_now(ixj_decoder *d)
{
    d->phase = PHASE_FAILED;
    d->yajl_dirty = true;
    return d->error.code;
}

/* Hands yajl bytes of skeleton. Returns IXJ_OK or the error recorded;
 * the caller decides what the error ends. */
static ixj_status
to_yajl(ixj_decoder *d, const void *text, size_t len)
{
    yajl_status ys;

    if (len == 0)
        return IXJ_OK;
    d->yajl_bytes += len;
    if (!ixj__ypool_parse(&d->ypool, d->yajl, text, len, &ys)) {
        const ixj__token *tok =
            ixj__fifo_empty(&d->guard) ? NULL : &d->guard.fifo[d->guard.fifo_r];
        d->yajl = NULL; /* its memory is reclaimed */
        if (tok != NULL)
            record_error(d, IXJ_ERR_NOMEM, IXJ__D_NONE, tok->offset, tok->line,
                         tok->offset - tok->line_start + 1, PATH_CURRENT);
        else
            record_error_here(d, IXJ_ERR_NOMEM, IXJ__D_NONE, PATH_CURRENT);
        return d->error.code;
    }
    if (ys == yajl_status_ok)
        return IXJ_OK;
    d->yajl_dirty = true; /* stopped mid-document */
    if (d->error.code == IXJ_OK) {
        /* yajl rejected a skeleton of text the guard accepted: they must
         * agree, so this is a bug; report it rather than crash. */
        record_error_here(d, IXJ_ERR_SYNTAX, IXJ__D_NONE, PATH_CONTAINER);
    }
    return d->error.code;
}

/* Hands yajl the batch the guard has ready: the tokens completed so far. */
static ixj_status
flush(ixj_decoder *d)
{
    ixj_status st = to_yajl(d, d->guard.skeleton, d->guard.skeleton_len);
    ixj__guard_batch_done(&d->guard);
    return st;
}

/* The guard stopped at an error. yajl first takes every token completed
 * before it, so that an earlier value error is still the one reported. */
static ixj_status
guard_failed(ixj_decoder *d)
{
    if (flush(d) == IXJ_OK)
        take_guard_error(d);
    return fail_now(d);
}

static ixj_status feed_stream(ixj_decoder *d, const uint8_t *buf, size_t len);

static ixj_status
feed_bytes(ixj_decoder *d, const uint8_t *buf, size_t len)
{
    size_t pos = 0, consumed;
    int stop;
    ixj_status st;

    if (d->guard.stream != IXJ__ONE_DOCUMENT)
        return feed_stream(d, buf, len);
    if (ixj__guard_in_token(&d->guard)) {
        /* Finish the token carried over; yajl takes it on its own, then
         * its hold is free again. */
        ixj__guard_scan(&d->guard, buf, len, true, &stop, &consumed);
        if (stop == IXJ__SCAN_ERROR)
            return guard_failed(d);
        if (stop == IXJ__SCAN_END)
            return IXJ_OK;
        if ((st = flush(d)) != IXJ_OK)
            return fail_now(d);
        pos = consumed;
    }
    while (pos < len) {
        ixj__guard_scan(&d->guard, buf + pos, len - pos, false, &stop,
                        &consumed);
        if (stop == IXJ__SCAN_ERROR)
            return guard_failed(d);
        if ((st = flush(d)) != IXJ_OK)
            return fail_now(d);
        if (stop == IXJ__SCAN_END)
            break;
        pos += consumed;
    }
    return IXJ_OK;
}

/* ------------------------------------------------------------------ */
/* Streams of documents                                                 */
/* ------------------------------------------------------------------ */

static void clear_document(ixj_decoder *d);
static void clear_error(ixj_decoder *d);
static bool ready_yajl(ixj_decoder *d);

/* Hands yajl a batch of the document in progress, unless that document
 * has already failed. A value error fails only its document; a stop or a
 * lack of memory ends the stream. */
static ixj_status
stream_batch(ixj_decoder *d)
{
    const ixj__guard *g = &d->guard;
    ixj_status st = IXJ_OK;
    if (g->root_not_object && !d->doc_failed) {
        /* the first error of its document, at its first byte */
        record_error(d, IXJ_ERR_TYPE, g->root_detail, g->value_start,
                     g->value_line, g->value_column, PATH_CONTAINER);
        d->doc_failed = true;
    }
    if (!d->doc_failed)
        st = to_yajl(d, d->guard.skeleton, d->guard.skeleton_len);
    ixj__guard_batch_done(&d->guard);
    if (st == IXJ_STOPPED || st == IXJ_ERR_NOMEM)
        return fail_now(d);
    if (st != IXJ_OK)
        d->doc_failed = true;
    return IXJ_OK;
}

/* Calls the document callback with the document just ended. Returns
 * IXJ_OK, or ends the stream: IXJ_STOPPED when the callback asks to stop,
 * IXJ_ERR_NOMEM when memory ran out even for the document's error (it is
 * then not delivered). */
static ixj_status
deliver_document(ixj_decoder *d)
{
    const ixj__guard *g = &d->guard;
    ixj_document_info info;
    bool ok = !d->doc_failed;
    int stop;

    if (!ok && d->error.code == IXJ_ERR_NOMEM)
        return fail_now(d);
    if (ok) {
        d->result.type = d->resolved;
        d->result.as.value = d->root;
        d->result.unknown_fields = d->unknown_fields;
        d->result.unrecognized_enums = d->unrecognized_enums;
    }
    if (g->stream == IXJ__NDJSON)
        info.record = g->started ? g->value_line : d->error.line;
    else
        info.record = ++d->doc_count;
    info.start = g->started ? g->value_start : d->error.offset;
    info.end = ok ? g->value_end : d->error.offset;
    info.status = ok ? IXJ_OK : d->error.code;
    info.type = d->resolved;
    info.result = ok ? &d->result : NULL;
    info.error = ok ? NULL : &d->error;
    callback_enter(d);
    stop = d->doc_fn(d->doc_ctx, &info);
    callback_leave(d);
    if (stop != 0) {
        clear_document(d);
        record_error_here(d, IXJ_STOPPED, IXJ__D_DOCUMENT_STOP, PATH_CONTAINER);
        return fail_now(d);
    }
    return IXJ_OK;
}

/* Makes the decoder ready for the stream's next document. */
static ixj_status
next_document(ixj_decoder *d)
{
    if (d->doc_failed)
        d->yajl_dirty = true; /* yajl stopped mid-document */
    clear_document(d);
    ixj__guard_begin(&d->guard);
    if (!ready_yajl(d)) {
        record_error_here(d, IXJ_ERR_NOMEM, IXJ__D_NONE, PATH_CONTAINER);
        return fail_now(d);
    }
    return IXJ_OK;
}

/* Ends the document in progress: delivers it, then readies the next. */
static ixj_status
end_document(ixj_decoder *d)
{
    ixj_status st = deliver_document(d);
    return st != IXJ_OK ? st : next_document(d);
}

/* The guard found an error in the text of the document in progress. */
static ixj_status
stream_text_error(ixj_decoder *d)
{
    if (d->guard.err_code == IXJ_ERR_NOMEM) {
        /* not the document's fault: the stream ends with it */
        clear_error(d);
        take_guard_error(d);
        return fail_now(d);
    }
    if (!d->doc_failed)
        take_guard_error(d); /* an earlier value error stays first */
    d->doc_failed = true;
    d->yajl_dirty = true;
    if (d->guard.stream == IXJ__NDJSON) {
        d->skip_line = true; /* resume at the next record */
        return end_document(d);
    }
    /* A concatenated stream cannot find its next document: it ends here,
     * with this document's error. */
    if (deliver_document(d) != IXJ_OK)
        return d->error.code;
    return fail_now(d);
}

static ixj_status
feed_stream(ixj_decoder *d, const uint8_t *buf, size_t len)
{
    size_t pos = 0, consumed;
    int stop;
    ixj_status st;

    while (pos < len) {
        if (d->skip_line) {
            bool found;
            pos +=
                ixj__guard_skip_line(&d->guard, buf + pos, len - pos, &found);
            if (!found)
                break;
            d->skip_line = false;
            ixj__guard_begin(&d->guard);
            continue;
        }
        ixj__guard_scan(&d->guard, buf + pos, len - pos,
                        ixj__guard_in_token(&d->guard), &stop, &consumed);
        pos += consumed;
        if ((st = stream_batch(d)) != IXJ_OK)
            return st;
        if (stop == IXJ__SCAN_ERROR) {
            if ((st = stream_text_error(d)) != IXJ_OK)
                return st;
        } else if (stop == IXJ__SCAN_DOC) {
            if ((st = end_document(d)) != IXJ_OK)
                return st;
        } else if (d->doc_failed && d->guard.stream == IXJ__NDJSON) {
            /* a value error: the record is done for; resume at the next */
            d->skip_line = true;
            if ((st = end_document(d)) != IXJ_OK)
                return st;
        }
    }
    return IXJ_OK;
}

/* The stream's input ended: delivers a last document, complete or cut
 * short. */
static ixj_status
finish_stream(ixj_decoder *d)
{
    bool complete;
    ixj_status st;

    if (!d->skip_line) {
        ixj__guard_end(&d->guard, &complete);
        if ((st = stream_batch(d)) != IXJ_OK)
            return st;
        if (!complete && !d->doc_failed && d->guard.started) {
            take_guard_error(d); /* truncated */
            d->doc_failed = true;
        }
        if ((complete || d->doc_failed) && (st = end_document(d)) != IXJ_OK)
            return st;
    }
    d->phase = PHASE_FINISHED;
    return IXJ_OK;
}

/* ------------------------------------------------------------------ */
/* Public API                                                           */
/* ------------------------------------------------------------------ */

static void
clear_error(ixj_decoder *d)
{
    d->error.code = IXJ_OK;
    d->error.offset = d->error.line = d->error.column = 0;
    d->error.path = "";
    d->error.message = ixj_status_message(IXJ_OK);
    d->error.detail = "";
}

/* Drops the decoded state of a document (frames, arena, error), keeping
 * memory; the guard and yajl are left to the caller. */
static void
clear_document(ixj_decoder *d)
{
    for (uint32_t i = 0; i < d->depth; i++) {
        frame *f = &d->frames[i];
        if (f->kind == FR_ARRAY && f->items != NULL)
            ixj__arena_buffer_drop(d->arena, f->items);
    }
    d->depth = 0;
    d->keys_len = 0;
    d->root = NULL;
    d->root_done = false;
    d->resolved = d->type;
    d->unknown_fields = d->unrecognized_enums = 0;
    d->result_bytes = 0;
    d->doc_failed = false;
    memset(&d->result, 0, sizeof d->result);
    if (d->arena != NULL)
        ixj__arena_rewind(d->arena);
    clear_error(d);
}

/* Drops the document, keeping memory. */
static void
discard_document(ixj_decoder *d)
{
    if (d->phase == PHASE_ACTIVE)
        d->yajl_dirty = true; /* yajl stopped mid-document */
    clear_document(d);
    d->stage_len = 0;
    d->skip_line = false;
    d->phase = PHASE_IDLE;
}

/* A yajl handle ready for a new document: the same one after a clean
 * document (it takes value after value), else a new one from recycled
 * memory, since yajl 2.1 cannot be reset. */
static bool
ready_yajl(ixj_decoder *d)
{
    if (d->yajl != NULL && d->yajl_dirty) {
        ixj__ypool_reclaim(&d->ypool);
        d->yajl = NULL;
    }
    if (d->yajl == NULL) {
        d->yajl = ixj__ypool_handle(&d->ypool, &callbacks, d);
        d->yajl_dirty = false;
    }
    return d->yajl != NULL;
}

ixj_decoder *
ixj_decoder_new(const ixj_allocator *alloc)
{
    ixj_allocator hooks;
    ixj_decoder *d;

    if (!ixj__allocator_set(&hooks, alloc))
        return NULL;
    d = ixj__malloc(&hooks, sizeof *d);
    if (d == NULL)
        return NULL;
    memset(d, 0, sizeof *d);
    d->alloc = hooks;
    d->max_depth = IXJ_DEFAULT_MAX_DEPTH;
    d->max_string = IXJ_DEFAULT_MAX_STRING_BYTES;
    d->max_number = IXJ_DEFAULT_MAX_NUMBER_BYTES;
    d->max_array = IXJ_DEFAULT_MAX_ARRAY_ELEMENTS;
    d->max_document = IXJ_DEFAULT_MAX_DOCUMENT_BYTES;
    d->max_result = IXJ_DEFAULT_MAX_RESULT_BYTES;
    d->stage_below = IXJ__STAGE_BELOW;
    ixj__guard_init(&d->guard, &hooks);
    ixj__ypool_init(&d->ypool, &hooks);
    clear_error(d);
    return d;
}

void
ixj_decoder_free(ixj_decoder *d)
{
    const ixj_allocator *a;
    if (d == NULL || d->in_callback)
        return;
    a = &d->alloc;
    discard_document(d); /* array buffers go back to the arena */
    ixj_arena_free(d->arena);
    ixj__guard_release(&d->guard);
    ixj__ypool_destroy(&d->ypool);
    ixj__free(a, d->unescaped);
    ixj__free(a, d->element_path);
    ixj__free(a, d->frames);
    ixj__free(a, d->keys);
    ixj__free(a, d->path);
    ixj__free(a, d);
}

/* Largest accepted limits: far beyond any payload, and small enough that
 * offsets computed from them never overflow. */
#define MAX_LIMIT ((uint64_t)1 << 62)

ixj_status
ixj_decoder_set_option(ixj_decoder *d, ixj_option option, uint64_t value)
{
    if (d->phase == PHASE_ACTIVE || d->in_callback)
        return IXJ_ERR_MISUSE;
    switch (option) {
    case IXJ_OPT_STRICT:
        if (value > 1)
            return IXJ_ERR_MISUSE;
        d->strict = value != 0;
        return IXJ_OK;
    case IXJ_OPT_MAX_DEPTH:
        if (value < 1 || value > UINT32_MAX - 1)
            return IXJ_ERR_MISUSE;
        d->max_depth = value;
        return IXJ_OK;
    case IXJ_OPT_MAX_STRING_BYTES:
        if (value > MAX_LIMIT)
            return IXJ_ERR_MISUSE;
        d->max_string = value;
        return IXJ_OK;
    case IXJ_OPT_MAX_NUMBER_BYTES:
        if (value < 1 || value > MAX_LIMIT)
            return IXJ_ERR_MISUSE;
        d->max_number = value;
        return IXJ_OK;
    case IXJ_OPT_MAX_ARRAY_ELEMENTS:
        if (value > MAX_LIMIT)
            return IXJ_ERR_MISUSE;
        d->max_array = value;
        return IXJ_OK;
    case IXJ_OPT_MAX_DOCUMENT_BYTES:
        if (value > MAX_LIMIT)
            return IXJ_ERR_MISUSE;
        d->max_document = value;
        return IXJ_OK;
    case IXJ_OPT_VALIDATE_ONLY:
        if (value > 1)
            return IXJ_ERR_MISUSE;
        d->validate_only = value != 0;
        return IXJ_OK;
    case IXJ_OPT_MAX_RESULT_BYTES:
        if (value > MAX_LIMIT)
            return IXJ_ERR_MISUSE;
        d->max_result = value;
        return IXJ_OK;
    case IXJ_OPT_GATHER:
        if (value > 1)
            return IXJ_ERR_MISUSE;
        d->stage_below = value != 0 ? IXJ__STAGE_BELOW : 0;
        return IXJ_OK;
    }
    return IXJ_ERR_MISUSE;
}

uint64_t
ixj_decoder_get_option(const ixj_decoder *d, ixj_option option)
{
    switch (option) {
    case IXJ_OPT_STRICT:
        return d->strict;
    case IXJ_OPT_MAX_DEPTH:
        return d->max_depth;
    case IXJ_OPT_MAX_STRING_BYTES:
        return d->max_string;
    case IXJ_OPT_MAX_NUMBER_BYTES:
        return d->max_number;
    case IXJ_OPT_MAX_ARRAY_ELEMENTS:
        return d->max_array;
    case IXJ_OPT_MAX_DOCUMENT_BYTES:
        return d->max_document;
    case IXJ_OPT_VALIDATE_ONLY:
        return d->validate_only;
    case IXJ_OPT_MAX_RESULT_BYTES:
        return d->max_result;
    case IXJ_OPT_GATHER:
        return d->stage_below != 0;
    }
    return 0;
}

ixj_status
ixj_decoder_on_element(ixj_decoder *d, ixj_element element, ixj_element_fn fn,
                       void *ctx)
{
    if (d->phase == PHASE_ACTIVE || d->in_callback || (int)element < 1 ||
        (int)element >= IXJ__ELEMENT_END)
        return IXJ_ERR_MISUSE;
    d->elements[element].fn = fn;
    d->elements[element].ctx = ctx;
    return IXJ_OK;
}

void
ixj_decoder_reset(ixj_decoder *d)
{
    if (!d->in_callback)
        discard_document(d);
}

/* A type a document can be begun with. */
static bool
is_type(ixj_type type)
{
    return type == IXJ_TYPE_AUTO || type == IXJ_TYPE_ANY ||
           ixj__root_object(type) != NULL;
}

ixj_status
ixj_decoder_begin(ixj_decoder *d, ixj_type type)
{
    ixj__guard *g = &d->guard;

    if (d->phase == PHASE_ACTIVE || d->in_callback || !is_type(type))
        return IXJ_ERR_MISUSE;
    discard_document(d);
    d->type = d->resolved = type;
    d->doc_fn = NULL;
    g->stream = IXJ__ONE_DOCUMENT;
    if (d->arena == NULL)
        d->arena = ixj__arena_new(&d->alloc);
    if (!ready_yajl(d) || d->arena == NULL) {
        /* The document fails before its first byte: the error sticks like
         * any other until the next begin or reset. */
        record_error(d, IXJ_ERR_NOMEM, IXJ__D_NONE, 0, 1, 1, PATH_CONTAINER);
        return fail_now(d);
    }

    g->max_depth = d->max_depth;
    g->max_string = d->max_string;
    g->max_number = d->max_number;
    g->max_array = d->max_array;
    g->max_document = d->max_document;
    g->allow_nul = type == IXJ_TYPE_ANY;
    g->root_object = type != IXJ_TYPE_ANY;
    ixj__guard_rewind_position(g);
    ixj__guard_begin(g);
    d->fast_below = fast_threshold(d);
    d->phase = PHASE_ACTIVE;
    return IXJ_OK;
}

ixj_status
ixj_decoder_begin_stream(ixj_decoder *d, ixj_type type,
                         ixj_stream_format format, ixj_document_fn fn,
                         void *ctx)
{
    ixj_status st;
    if (fn == NULL || d->phase == PHASE_ACTIVE || d->in_callback ||
        (format != IXJ_STREAM_NDJSON && format != IXJ_STREAM_CONCATENATED))
        return IXJ_ERR_MISUSE;
    if ((st = ixj_decoder_begin(d, type)) != IXJ_OK)
        return st;
    d->guard.stream =
        format == IXJ_STREAM_NDJSON ? IXJ__NDJSON : IXJ__CONCATENATED;
    d->doc_fn = fn;
    d->doc_ctx = ctx;
    d->doc_count = 0;
    d->fast_below = fast_threshold(d);
    return IXJ_OK;
}

/* Scans the staged bytes. */
static ixj_status
feed_stage(ixj_decoder *d)
{
    size_t n = d->stage_len;
    d->stage_len = 0;
    return n > 0 ? feed_bytes(d, d->stage, n) : IXJ_OK;
}

static IXJ__NOINLINE ixj_status
feed_slow(ixj_decoder *d, const uint8_t *bytes, size_t len)
{
    ixj_status st;

    if (d->in_callback)
        return IXJ_ERR_MISUSE;
    if (d->phase != PHASE_ACTIVE || (bytes == NULL && len > 0))
        return d->phase == PHASE_FAILED ? d->error.code : IXJ_ERR_MISUSE;
    if (len == 0)
        return IXJ_OK;
    if (len < d->stage_below && d->stage_len + len <= IXJ__STAGE_SIZE) {
        /* Only streams come here with room in the stage: each document
         * is delivered by the feed that ends its line, not 4 KiB later,
         * so that a reader of a pipe sees records as they come. */
        memcpy(d->stage + d->stage_len, bytes, len);
        d->stage_len += len;
        return memchr(bytes, '\n', len) != NULL ? feed_stage(d) : IXJ_OK;
    }
    if ((st = feed_stage(d)) != IXJ_OK)
        return st;
    if (len >= d->stage_below)
        return feed_bytes(d, bytes, len);
    memcpy(d->stage, bytes, len);
    d->stage_len = len;
    return IXJ_OK;
}

ixj_status
ixj_decoder_feed(ixj_decoder *d, const void *data, size_t len)
{
    const uint8_t *bytes = data;

    /* A small chunk with room in the stage: the path of byte-by-byte
     * feeding, kept to a few instructions. */
    /* (inside a callback fast_below is 0: the slow path refuses) */
    if (IXJ__LIKELY(len < d->fast_below && d->phase == PHASE_ACTIVE &&
                    d->stage_len + len <= IXJ__STAGE_SIZE && bytes != NULL)) {
        uint8_t *to = d->stage + d->stage_len;
        d->stage_len += len;
        for (size_t i = 0; i < len; i++)
            to[i] = bytes[i];
        return IXJ_OK;
    }
    return feed_slow(d, bytes, len);
}

ixj_status
ixj_decoder_finish(ixj_decoder *d, ixj_result *out)
{
    bool complete;
    ixj_status st = IXJ_OK;

    if (d->in_callback)
        return IXJ_ERR_MISUSE; /* *out untouched: the decode goes on */
    memset(out, 0, sizeof *out);
    if (d->phase == PHASE_FAILED)
        return d->error.code;
    if (d->phase != PHASE_ACTIVE)
        return IXJ_ERR_MISUSE;
    if ((st = feed_stage(d)) != IXJ_OK)
        return st;
    if (d->guard.stream != IXJ__ONE_DOCUMENT)
        return finish_stream(d);
    if (ixj__guard_end(&d->guard, &complete)) {
        /* The end of input ended a number: yajl takes it. */
        if ((st = flush(d)) != IXJ_OK)
            return fail_now(d);
    }
    if (!complete) {
        take_guard_error(d);
        return fail_now(d);
    }
    d->result.type = d->resolved;
    d->result.as.value = d->root;
    d->result.unknown_fields = d->unknown_fields;
    d->result.unrecognized_enums = d->unrecognized_enums;
    d->phase = PHASE_FINISHED;
    *out = d->result;
    return IXJ_OK;
}

ixj_status
ixj_decode(ixj_decoder *d, ixj_type type, const void *data, size_t len,
           ixj_result *out)
{
    ixj_status st;
    if (d->in_callback)
        return IXJ_ERR_MISUSE;
    st = ixj_decoder_begin(d, type);
    if (st == IXJ_OK)
        st = ixj_decoder_feed(d, data, len);
    if (st == IXJ_OK)
        return ixj_decoder_finish(d, out);
    memset(out, 0, sizeof *out);
    return st;
}

const ixj_error *
ixj_decoder_error(const ixj_decoder *d)
{
    return &d->error;
}

ixj_type
ixj_decoder_type(const ixj_decoder *d)
{
    return d->resolved;
}

ixj_arena *
ixj_decoder_detach(ixj_decoder *d)
{
    ixj_arena *a;
    if (d->phase != PHASE_FINISHED || d->arena == NULL || d->in_callback)
        return NULL;
    a = d->arena;
    ixj__arena_trim(a);
    d->arena = NULL;
    return a;
}

uint64_t
ixj__decoder_yajl_bytes(const ixj_decoder *d)
{
    return d->yajl_bytes;
}

void
ixj__decoder_set_staging(ixj_decoder *d, bool on)
{
    d->stage_below = on ? IXJ__STAGE_BELOW : 0;
    d->fast_below = fast_threshold(d);
}

uint64_t
ixj__decoder_held_bytes(const ixj_decoder *d)
{
    return d->guard.held_bytes;
}
