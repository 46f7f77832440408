/* SPDX-License-Identifier: MIT */
#include "har.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

/* Where the reader is: the containers on the way to an entry's fields.
 * Anything else is OTHER, and everything inside it too. */
enum place {
    AT_TOP,
    IN_ROOT,
    IN_LOG,
    IN_ENTRIES,
    IN_ENTRY,
    IN_REQUEST,
    IN_RESPONSE,
    IN_CONTENT,
    IN_OTHER
};

/* The keys the reader cares about; KEY_NONE for any other. */
enum key {
    KEY_NONE,
    KEY_LOG,
    KEY_ENTRIES,
    KEY_REQUEST,
    KEY_RESPONSE,
    KEY_CONTENT,
    KEY_METHOD,
    KEY_URL,
    KEY_STATUS,
    KEY_TEXT,
    KEY_ENCODING
};

/* Which key leads from which place to which (a container or a field). */
static const struct step {
    enum place from;
    const char *name;
    enum key key;
} steps[] = {
    {IN_ROOT, "log", KEY_LOG},
    {IN_LOG, "entries", KEY_ENTRIES},
    {IN_ENTRY, "request", KEY_REQUEST},
    {IN_ENTRY, "response", KEY_RESPONSE},
    {IN_RESPONSE, "content", KEY_CONTENT},
    {IN_REQUEST, "method", KEY_METHOD},
    {IN_REQUEST, "url", KEY_URL},
    {IN_RESPONSE, "status", KEY_STATUS},
    {IN_CONTENT, "text", KEY_TEXT},
    {IN_CONTENT, "encoding", KEY_ENCODING},
};

/* A string field of the entry being read, in memory the reader owns. */
typedef struct field {
    char *ptr;
    size_t len, cap;
    bool present;
} field;

#define MAX_TRACKED 8 /* entries' fields are at most 5 levels down */

typedef struct reader {
    enum place places[MAX_TRACKED];
    size_t depth; /* containers open */
    enum key key; /* the last key read in the innermost object */
    bool saw_entries;
    bool stopped; /* fn asked to stop */
    bool nomem;
    uint64_t index;
    field method, url, text, encoding;
    int64_t status;
    har_entry_fn fn;
    void *ctx;
} reader;

static enum place
innermost(const reader *r)
{
    return r->depth == 0            ? AT_TOP
           : r->depth > MAX_TRACKED ? IN_OTHER
                                    : r->places[r->depth - 1];
}

static bool
field_set(reader *r, field *f, const unsigned char *s, size_t len)
{
    if (len + 1 > f->cap) {
        char *p = realloc(f->ptr, len + 1);
        if (p == NULL) {
            r->nomem = true;
            return false;
        }
        f->ptr = p;
        f->cap = len + 1;
    }
    memcpy(f->ptr, s, len);
    f->ptr[len] = '\0';
    f->len = len;
    f->present = true;
    return true;
}

/* Every element of log.entries counts, an entry or not, so that records
 * keep their index in the array. */
static void
count_entry(reader *r)
{
    if (innermost(r) == IN_ENTRIES)
        r->index++;
}

static void
begin_entry(reader *r)
{
    r->method.present = r->url.present = false;
    r->text.present = r->encoding.present = false;
    r->status = -1;
}

static bool
end_entry(reader *r)
{
    har_entry e;
    e.index = r->index;
    e.method = r->method.present ? r->method.ptr : "";
    e.method_len = r->method.present ? r->method.len : 0;
    e.url = r->url.present ? r->url.ptr : "";
    e.url_len = r->url.present ? r->url.len : 0;
    e.status = r->status;
    e.text = r->text.present ? r->text.ptr : NULL;
    e.text_len = r->text.present ? r->text.len : 0;
    e.base64 = r->encoding.present && r->encoding.len == 6 &&
               memcmp(r->encoding.ptr, "base64", 6) == 0;
    if (r->fn(r->ctx, &e) != 0) {
        r->stopped = true;
        return false;
    }
    return true;
}

/* Opens a container: which place it is follows from where it opens and
 * under which key. */
static int
open_container(reader *r, bool is_array)
{
    enum place from = innermost(r), to = IN_OTHER;
    count_entry(r);
    if (is_array) {
        if (from == IN_LOG && r->key == KEY_ENTRIES) {
            to = IN_ENTRIES;
            r->saw_entries = true;
        }
    } else if (from == AT_TOP) {
        to = IN_ROOT;
    } else if (from == IN_ENTRIES) {
        to = IN_ENTRY;
        begin_entry(r);
    } else if (from == IN_ROOT && r->key == KEY_LOG) {
        to = IN_LOG;
    } else if (from == IN_ENTRY && r->key == KEY_REQUEST) {
        to = IN_REQUEST;
    } else if (from == IN_ENTRY && r->key == KEY_RESPONSE) {
        to = IN_RESPONSE;
    } else if (from == IN_RESPONSE && r->key == KEY_CONTENT) {
        to = IN_CONTENT;
    }
    if (r->depth < MAX_TRACKED)
        r->places[r->depth] = to;
    r->depth++;
    r->key = KEY_NONE;
    return 1;
}

static int
close_container(reader *r)
{
    bool entry_done = innermost(r) == IN_ENTRY;
    r->depth--;
    r->key = KEY_NONE;
    return entry_done ? end_entry(r) : 1;
}

static int
on_start_map(void *ctx)
{
    return open_container(ctx, false);
}

static int
on_start_array(void *ctx)
{
    return open_container(ctx, true);
}

static int
on_end(void *ctx)
{
    return close_container(ctx);
}

static int
on_key(void *ctx, const unsigned char *s, size_t len)
{
    reader *r = ctx;
    enum place at = innermost(r);
    r->key = KEY_NONE;
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        if (steps[i].from == at && strlen(steps[i].name) == len &&
            memcmp(steps[i].name, s, len) == 0) {
            r->key = steps[i].key;
            break;
        }
    }
    return 1;
}

static int
on_string(void *ctx, const unsigned char *s, size_t len)
{
    reader *r = ctx;
    field *f = r->key == KEY_METHOD     ? &r->method
               : r->key == KEY_URL      ? &r->url
               : r->key == KEY_TEXT     ? &r->text
               : r->key == KEY_ENCODING ? &r->encoding
                                        : NULL;
    count_entry(r);
    return f == NULL || field_set(r, f, s, len);
}

static int
on_number(void *ctx, const char *s, size_t len)
{
    reader *r = ctx;
    int64_t value = 0;
    count_entry(r);
    if (r->key != KEY_STATUS)
        return 1;
    /* an HTTP status is a small integer; anything else counts as absent */
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9' || value > 99999) {
            r->status = -1;
            return 1;
        }
        value = value * 10 + (s[i] - '0');
    }
    r->status = value;
    return 1;
}

static int
on_other_scalar(void *ctx)
{
    count_entry(ctx);
    return 1;
}

static int
on_boolean(void *ctx, int value)
{
    (void)value;
    return on_other_scalar(ctx);
}

static const yajl_callbacks callbacks = {
    on_other_scalar,                       /* null */
    on_boolean,      NULL,           NULL, /* numbers go to on_number */
    on_number,       on_string,      on_start_map, on_key,
    on_end,          on_start_array, on_end,
};

int
har_read(const uint8_t *data, size_t len, har_entry_fn fn, void *ctx, char *err,
         size_t errlen)
{
    reader r;
    yajl_handle h;
    yajl_status st;
    bool at_end = false; /* the failure came at the end of the input */
    int result = 0;

    memset(&r, 0, sizeof r);
    r.fn = fn;
    r.ctx = ctx;
    h = yajl_alloc(&callbacks, NULL, &r);
    if (h == NULL) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    /* HAR 1.2: readers ignore a byte-order mark, which writers may add */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
        data += 3;
        len -= 3;
    }
    st = yajl_parse(h, data, len);
    if (st == yajl_status_ok) {
        st = yajl_complete_parse(h);
        at_end = true;
    }
    if (r.stopped) {
        result = 0;
    } else if (r.nomem) {
        snprintf(err, errlen, "out of memory");
        result = -1;
    } else if (st != yajl_status_ok) {
        /* yajl's message without the excerpt of the input (verbose 0) */
        unsigned char *msg = yajl_get_error(h, 0, data, len);
        size_t n = msg != NULL ? strcspn((char *)msg, "\n") : 0;
        snprintf(err, errlen,
                 "not a HAR capture: invalid JSON near byte %zu (%.*s)",
                 at_end ? len : yajl_get_bytes_consumed(h), (int)n,
                 msg != NULL ? (char *)msg : "");
        if (msg != NULL)
            yajl_free_error(h, msg);
        result = -1;
    } else if (!r.saw_entries) {
        snprintf(err, errlen, "not a HAR capture: no log.entries array");
        result = -1;
    }
    yajl_free(h);
    free(r.method.ptr);
    free(r.url.ptr);
    free(r.text.ptr);
    free(r.encoding.ptr);
    return result;
}
