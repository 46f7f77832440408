/* SPDX-License-Identifier: MIT */
#include "har.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_parse.h>

#include "utf8.h"
#include "xalloc.h"

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

/* The keys the reader cares about; KEY_NONE for any other. From
 * KEY_REQUEST on, they belong to an entry. */
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
    KEY_MIME,
    KEY_TEXT,
    KEY_ENCODING
};

/* Which key leads from which place to which (a container or a field), and
 * the field's name inside an entry. */
static const struct step {
    enum place from;
    const char *name;
    enum key key;
    const char *field;
} steps[] = {
    {IN_ROOT, "log", KEY_LOG, "log"},
    {IN_LOG, "entries", KEY_ENTRIES, "log.entries"},
    {IN_ENTRY, "request", KEY_REQUEST, "request"},
    {IN_ENTRY, "response", KEY_RESPONSE, "response"},
    {IN_RESPONSE, "content", KEY_CONTENT, "response.content"},
    {IN_REQUEST, "method", KEY_METHOD, "request.method"},
    {IN_REQUEST, "url", KEY_URL, "request.url"},
    {IN_RESPONSE, "status", KEY_STATUS, "response.status"},
    {IN_CONTENT, "mimeType", KEY_MIME, "response.content.mimeType"},
    {IN_CONTENT, "text", KEY_TEXT, "response.content.text"},
    {IN_CONTENT, "encoding", KEY_ENCODING, "response.content.encoding"},
};

#define N_STEPS (sizeof steps / sizeof steps[0])

/* Bytes the reader owns. */
typedef struct buf {
    char *ptr;
    size_t len, cap;
} buf;

#define MAX_TRACKED 8 /* entries' fields are at most 5 levels down */

typedef struct reader {
    enum place places[MAX_TRACKED];
    size_t depth;      /* containers open */
    enum key key;      /* the last key read in the innermost object */
    unsigned top_seen; /* "log" and "entries", once met */
    unsigned seen;     /* the keys met in the entry being read */
    bool saw_entries;
    bool stopped;     /* fn asked to stop */
    const char *fail; /* why the text is not a capture, beyond its grammar */
    uint64_t index;
    buf method, url, mime, text, encoding, scratch;
    bool has_method, has_url, has_mime, has_text, has_encoding;
    int64_t status;
    har_fault fault;
    const char *fault_field;
    char fault_detail[64];
    har_pos fault_pos;
    /* the capture, the handle that reads it, and where the last token
     * that reached a callback ended (offsets after the byte-order mark) */
    yajl_handle h;
    const uint8_t *full; /* from the first byte */
    size_t bom;          /* 3 after a byte-order mark, else 0 */
    const uint8_t *data; /* full + bom */
    size_t last_end;
    /* line counting, in the full capture, as far as asked */
    size_t line_pos, line_start;
    uint64_t line;
    har_entry_fn fn;
    void *ctx;
} reader;

/* ---------------------------------------------------------- positions */

/* The position of an offset of the full capture; offsets asked for do not
 * decrease, so counting lines costs linear time in all. */
static har_pos
pos_at(reader *r, size_t offset)
{
    har_pos p;
    if (offset < r->line_pos) {
        r->line_pos = r->line_start = 0;
        r->line = 1;
    }
    for (; r->line_pos < offset; r->line_pos++) {
        if (r->full[r->line_pos] == '\n') {
            r->line++;
            r->line_start = r->line_pos + 1;
        }
    }
    p.offset = offset;
    p.line = r->line;
    p.column = offset - r->line_start + 1;
    return p;
}

/* ------------------------------------------------------------ strings */

static void
buf_reserve(buf *b, size_t len)
{
    if (len + 1 > b->cap) {
        b->ptr = xrealloc(b->ptr, len + 1);
        b->cap = len + 1;
    }
}

static void
put_code_point(buf *b, uint32_t cp)
{
    char *p = b->ptr + b->len;
    if (cp < 0x80) {
        p[0] = (char)cp;
        b->len += 1;
    } else if (cp < 0x800) {
        p[0] = (char)(0xC0 | cp >> 6);
        p[1] = (char)(0x80 | (cp & 0x3F));
        b->len += 2;
    } else if (cp < 0x10000) {
        p[0] = (char)(0xE0 | cp >> 12);
        p[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        p[2] = (char)(0x80 | (cp & 0x3F));
        b->len += 3;
    } else {
        p[0] = (char)(0xF0 | cp >> 18);
        p[1] = (char)(0x80 | (cp >> 12 & 0x3F));
        p[2] = (char)(0x80 | (cp >> 6 & 0x3F));
        p[3] = (char)(0x80 | (cp & 0x3F));
        b->len += 4;
    }
}

/* The code unit of a \uXXXX escape at s (n bytes left), or -1. */
static long
escape_unit(const uint8_t *s, size_t n)
{
    long v = 0;
    if (n < 6 || s[0] != '\\' || s[1] != 'u')
        return -1;
    for (size_t i = 2; i < 6; i++) {
        int d = ixj__hex_value(s[i]);
        if (d < 0)
            return -1;
        v = v << 4 | d;
    }
    return v;
}

/* The length of the strict UTF-8 sequence at s (n bytes left), or 0. */
static size_t
utf8_sequence(const uint8_t *s, size_t n)
{
    uint8_t left, lo, hi;
    if (!ixj__utf8_lead(s[0], &left, &lo, &hi) || n <= left)
        return 0;
    for (size_t i = 1; i <= left; i++) {
        if (s[i] < lo || s[i] > hi)
            return 0;
        lo = 0x80;
        hi = 0xBF;
    }
    return (size_t)left + 1;
}

/*
 * Decodes the raw bytes of a string token, between its quotes (yajl has
 * checked their grammar: no raw control character, well-formed escapes),
 * into out. Returns true when they are strict UTF-8 with paired
 * surrogates. Otherwise the first fault's offset in s goes to *bad and a
 * phrase to detail; with replace, each faulty byte or escape becomes
 * U+FFFD and decoding goes on, else out is left incomplete.
 */
static bool
decode_string(const uint8_t *s, size_t n, buf *out, bool replace, size_t *bad,
              char *detail, size_t detail_len)
{
    bool ok = true;
    size_t i = 0;

    /* an escape never decodes longer than itself, but U+FFFD (3 bytes)
     * may replace a single byte */
    buf_reserve(out, replace && n <= SIZE_MAX / 4 ? 3 * n : n);
    out->len = 0;
    while (i < n) {
        size_t fault_len = 0;
        if (s[i] == '\\') {
            long unit;
            static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
            const char *esc =
                i + 1 < n && s[i + 1] != '\0' ? strchr(from, s[i + 1]) : NULL;
            if (esc != NULL) {
                out->ptr[out->len++] = to[esc - from];
                i += 2;
                continue;
            }
            unit = escape_unit(s + i, n - i);
            if (unit < 0) { /* yajl lets nothing else through */
                fault_len = 2;
                if (ok)
                    snprintf(detail, detail_len, "a malformed escape");
            } else if (unit >= 0xD800 && unit <= 0xDBFF) {
                long low = escape_unit(s + i + 6, n - i - 6);
                if (low >= 0xDC00 && low <= 0xDFFF) {
                    put_code_point(out, (uint32_t)(0x10000 +
                                                   ((unit - 0xD800) << 10) +
                                                   (low - 0xDC00)));
                    i += 12;
                    continue;
                }
                fault_len = 6;
                if (ok)
                    snprintf(detail, detail_len, "unpaired surrogate \\u%04lX",
                             unit);
            } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
                fault_len = 6;
                if (ok)
                    snprintf(detail, detail_len, "unpaired surrogate \\u%04lX",
                             unit);
            } else {
                put_code_point(out, (uint32_t)unit);
                i += 6;
                continue;
            }
        } else if (s[i] < 0x80) {
            out->ptr[out->len++] = (char)s[i++];
            continue;
        } else {
            size_t len = utf8_sequence(s + i, n - i);
            if (len > 0) {
                memcpy(out->ptr + out->len, s + i, len);
                out->len += len;
                i += len;
                continue;
            }
            fault_len = 1;
            if (ok)
                snprintf(detail, detail_len, "byte 0x%02X that is not UTF-8",
                         s[i]);
        }
        /* a fault */
        if (ok)
            *bad = i;
        ok = false;
        if (!replace)
            break;
        put_code_point(out, 0xFFFD);
        i += fault_len;
    }
    out->ptr[out->len] = '\0';
    return ok;
}

/* Finds the raw bytes of the string token that the callback in progress
 * received: from after the last token's end (whitespace, ',' and ':'
 * between) to the end of the token, which yajl has just consumed. */
static bool
raw_string(reader *r, const uint8_t **raw, size_t *len, size_t *start)
{
    size_t end = yajl_get_bytes_consumed(r->h), i = r->last_end;
    while (i < end &&
           (r->data[i] == ' ' || r->data[i] == '\t' || r->data[i] == '\n' ||
            r->data[i] == '\r' || r->data[i] == ',' || r->data[i] == ':'))
        i++;
    if (end < i + 2 || r->data[i] != '"' || r->data[end - 1] != '"')
        return false;
    *raw = r->data + i + 1;
    *len = end - i - 2;
    *start = i;
    return true;
}

/* --------------------------------------------------------------- entries */

static enum place
innermost(const reader *r)
{
    return r->depth == 0            ? AT_TOP
           : r->depth > MAX_TRACKED ? IN_OTHER
                                    : r->places[r->depth - 1];
}

/* Records the entry's first fault, at an offset after the mark. */
static void
entry_fault(reader *r, har_fault fault, enum key key, size_t offset,
            const char *detail)
{
    if (r->fault != HAR_FAULT_NONE)
        return;
    r->fault = fault;
    for (size_t i = 0; i < N_STEPS; i++)
        if (steps[i].key == key)
            r->fault_field = steps[i].field;
    snprintf(r->fault_detail, sizeof r->fault_detail, "%s", detail);
    r->fault_pos = pos_at(r, r->bom + offset);
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
    r->has_method = r->has_url = r->has_mime = false;
    r->has_text = r->has_encoding = false;
    r->status = -1;
    r->seen = 0;
    r->fault = HAR_FAULT_NONE;
    r->fault_field = NULL;
    r->fault_detail[0] = '\0';
}

static bool
end_entry(reader *r)
{
    har_entry e;
    e.index = r->index;
    e.method = r->has_method ? r->method.ptr : "";
    e.method_len = r->has_method ? r->method.len : 0;
    e.url = r->has_url ? r->url.ptr : "";
    e.url_len = r->has_url ? r->url.len : 0;
    e.status = r->status;
    e.mime = r->has_mime ? r->mime.ptr : NULL;
    e.mime_len = r->has_mime ? r->mime.len : 0;
    e.text = r->has_text ? r->text.ptr : NULL;
    e.text_len = r->has_text ? r->text.len : 0;
    e.base64 = r->has_encoding && r->encoding.len == 6 &&
               memcmp(r->encoding.ptr, "base64", 6) == 0;
    e.fault = r->fault;
    e.fault_field = r->fault_field;
    e.fault_detail = r->fault_detail;
    e.fault_pos = r->fault_pos;
    if (r->fn(r->ctx, &e) != 0) {
        r->stopped = true;
        return false;
    }
    return true;
}

/* ------------------------------------------------------------ callbacks */

/* Each callback ends here: the next token starts after this one. */
static int
done(reader *r, bool go_on)
{
    r->last_end = yajl_get_bytes_consumed(r->h);
    return go_on;
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
    return done(r, true);
}

static int
close_container(reader *r)
{
    bool entry_done = innermost(r) == IN_ENTRY;
    r->depth--;
    r->key = KEY_NONE;
    return done(r, entry_done ? end_entry(r) : true);
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
    const uint8_t *raw;
    size_t raw_len, start, bad;
    char detail[64];

    (void)s; /* yajl's decoding: see raw_string */
    (void)len;
    r->key = KEY_NONE;
    if (at == IN_OTHER || at == IN_ENTRIES || at == AT_TOP)
        return done(r, true);
    if (!raw_string(r, &raw, &raw_len, &start)) {
        r->fail = "internal error: a key's bytes were not found";
        return done(r, false);
    }
    /* a faulty key is not one of ours (U+FFFD is in no name) */
    decode_string(raw, raw_len, &r->scratch, true, &bad, detail, sizeof detail);
    for (size_t i = 0; i < N_STEPS; i++) {
        if (steps[i].from != at || strlen(steps[i].name) != r->scratch.len ||
            memcmp(steps[i].name, r->scratch.ptr, r->scratch.len) != 0)
            continue;
        unsigned *seen = steps[i].key < KEY_REQUEST ? &r->top_seen : &r->seen;
        if (*seen & 1u << steps[i].key) {
            /* a validator must not pick one of two values */
            if (steps[i].key < KEY_REQUEST) {
                r->fail = steps[i].key == KEY_LOG
                              ? "\"log\" appears twice"
                              : "\"entries\" appears twice in \"log\"";
                return done(r, false);
            }
            entry_fault(r, HAR_FAULT_DUPLICATE, steps[i].key, start,
                        "a reader would have to pick one of two values");
            break; /* its value is ignored */
        }
        *seen |= 1u << steps[i].key;
        r->key = steps[i].key;
        break;
    }
    return done(r, true);
}

static int
on_string(void *ctx, const unsigned char *s, size_t len)
{
    reader *r = ctx;
    buf *f = NULL;
    bool *has = NULL, replace = false;
    const uint8_t *raw;
    size_t raw_len, start, bad = 0;
    char detail[64];

    (void)s;
    (void)len;
    count_entry(r);
    switch (innermost(r) == IN_OTHER ? KEY_NONE : r->key) {
    case KEY_METHOD:
        f = &r->method, has = &r->has_method, replace = true;
        break;
    case KEY_URL:
        f = &r->url, has = &r->has_url, replace = true;
        break;
    case KEY_MIME:
        f = &r->mime, has = &r->has_mime;
        break;
    case KEY_TEXT:
        f = &r->text, has = &r->has_text;
        break;
    case KEY_ENCODING:
        f = &r->encoding, has = &r->has_encoding;
        break;
    default:
        return done(r, true);
    }
    if (!raw_string(r, &raw, &raw_len, &start)) {
        r->fail = "internal error: a string's bytes were not found";
        return done(r, false);
    }
    *has =
        decode_string(raw, raw_len, f, replace, &bad, detail, sizeof detail) ||
        replace;
    if (!*has)
        entry_fault(r, HAR_FAULT_STRING, r->key, start + 1 + bad, detail);
    return done(r, true);
}

static int
on_number(void *ctx, const char *s, size_t len)
{
    reader *r = ctx;
    int64_t value = 0;
    count_entry(r);
    if (r->key != KEY_STATUS || innermost(r) != IN_RESPONSE)
        return done(r, true);
    /* an HTTP status is a small integer; anything else counts as absent */
    for (size_t i = 0; i < len; i++) {
        if (s[i] < '0' || s[i] > '9' || value > 9999) {
            r->status = -1;
            return done(r, true);
        }
        value = value * 10 + (s[i] - '0');
    }
    r->status = value;
    return done(r, true);
}

static int
on_other_scalar(void *ctx)
{
    count_entry(ctx);
    return done(ctx, true);
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

/* The offset of the first byte outside strings that yajl takes for
 * whitespace but RFC 8259 does not (VT, FF), or len. */
static size_t
find_bad_whitespace(const uint8_t *d, size_t len)
{
    bool in_string = false;
    for (size_t i = 0; i < len; i++) {
        if (in_string) {
            if (d[i] == '\\')
                i++;
            else if (d[i] == '"')
                in_string = false;
        } else if (d[i] == '"') {
            in_string = true;
        } else if (d[i] == '\v' || d[i] == '\f') {
            return i;
        }
    }
    return len;
}

int
har_read(const uint8_t *data, size_t len, har_entry_fn fn, void *ctx, char *err,
         size_t errlen)
{
    reader r;
    yajl_alloc_funcs funcs = xalloc_yajl;
    yajl_status st;
    bool at_end = false; /* the failure came at the end of the input */
    size_t bad_space;
    int result = 0;

    memset(&r, 0, sizeof r);
    r.fn = fn;
    r.ctx = ctx;
    r.full = data;
    r.line = 1;
    /* HAR 1.2: readers ignore a byte-order mark, which writers may add */
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        r.bom = 3;
    r.data = data + r.bom;
    r.h = yajl_alloc(&callbacks, &funcs, &r);
    /* what comes before a byte that yajl would wrongly take for
     * whitespace is read, and the capture fails there */
    bad_space = find_bad_whitespace(r.data, len - r.bom);
    st = yajl_parse(r.h, r.data, bad_space);
    if (st == yajl_status_ok && bad_space < len - r.bom && !r.stopped) {
        har_pos p = pos_at(&r, r.bom + bad_space);
        snprintf(err, errlen,
                 "not a HAR capture: invalid JSON near %llu:%llu (byte %llu): "
                 "byte 0x%02X is not JSON whitespace",
                 (unsigned long long)p.line, (unsigned long long)p.column,
                 (unsigned long long)p.offset, r.data[bad_space]);
        r.fail = "";
    } else if (st == yajl_status_ok) {
        st = yajl_complete_parse(r.h);
        at_end = true;
    }
    if (r.stopped) {
        result = 0;
    } else if (r.fail != NULL) {
        if (r.fail[0] != '\0') /* else err is written */
            snprintf(err, errlen, "not a HAR capture: %s", r.fail);
        result = -1;
    } else if (st != yajl_status_ok) {
        /* yajl's message without the excerpt of the input (verbose 0) */
        unsigned char *msg = yajl_get_error(r.h, 0, r.data, len - r.bom);
        size_t n = msg != NULL ? strcspn((char *)msg, "\n") : 0;
        har_pos p =
            pos_at(&r, at_end ? len : r.bom + yajl_get_bytes_consumed(r.h));
        while (n > 0 && (msg[n - 1] == '.' || msg[n - 1] == ' '))
            n--;
        snprintf(err, errlen,
                 "not a HAR capture: invalid JSON near %llu:%llu (byte %llu): "
                 "%.*s",
                 (unsigned long long)p.line, (unsigned long long)p.column,
                 (unsigned long long)p.offset, (int)n,
                 msg != NULL ? (char *)msg : "");
        if (msg != NULL)
            yajl_free_error(r.h, msg);
        result = -1;
    } else if (!r.saw_entries) {
        snprintf(err, errlen, "not a HAR capture: no log.entries array");
        result = -1;
    }
    yajl_free(r.h);
    free(r.method.ptr);
    free(r.url.ptr);
    free(r.mime.ptr);
    free(r.text.ptr);
    free(r.encoding.ptr);
    free(r.scratch.ptr);
    return result;
}
