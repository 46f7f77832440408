/* SPDX-License-Identifier: MIT */
/*
 * The command's HAR reader, with the endpoint matcher, the media-type
 * test and the base64 decoder on what it hands over. The input is a
 * capture, with no header. Oracles:
 *   - no crash, no leak, and no "internal error" (the reader always finds
 *     a string's raw bytes);
 *   - entries' indices increase;
 *   - every string handed over is strict UTF-8 (U+0000 allowed);
 *   - a fault names a field and a position inside the capture, at a byte
 *     that can start one (a backslash, a byte over 0x7F, a quote of a
 *     duplicate key), with the line and column of that offset;
 *   - the reader agrees with the library's IXJ_TYPE_ANY validation of the
 *     capture text: a text the library accepts is never refused as
 *     invalid JSON nor has a string fault, a text the reader refuses as
 *     invalid JSON is refused by the library too, and a string fault at
 *     offset X means the library fails with `string` at or before X;
 *   - the URL's parts lie inside it, in order, and its path holds no "?"
 *     or "#"; an endpoint found has a payload type.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <ixjob/ixjob.h>

#include "base64.h"
#include "common.h"
#include "endpoints.h"
#include "har.h"
#include "utf8.h"

typedef struct run {
    const uint8_t *data;
    size_t size;
    uint64_t last_index;
    bool string_fault;
    uint64_t first_string_fault; /* offset */
    fz_lines lines;
} run;

/* Strict UTF-8, U+0000 allowed. */
static bool
utf8_ok(const char *text, size_t n)
{
    const uint8_t *s = (const uint8_t *)text;
    size_t i = 0;
    while (i < n) {
        uint8_t left, lo, hi;
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        if (!ixj__utf8_lead(s[i], &left, &lo, &hi) || n - i <= left)
            return false;
        for (size_t k = 1; k <= left; k++) {
            if (s[i + k] < lo || s[i + k] > hi)
                return false;
            lo = 0x80;
            hi = 0xBF;
        }
        i += (size_t)left + 1;
    }
    return true;
}

static void
check_url(const char *url, size_t len)
{
    url_parts u;
    if (!url_split(url, len, &u))
        return;
    FZ_CHECK(u.path != NULL && u.path >= url &&
             u.path + u.path_len <= url + len);
    FZ_CHECK(memchr(u.path, '?', u.path_len) == NULL);
    FZ_CHECK(memchr(u.path, '#', u.path_len) == NULL);
    if (u.scheme != NULL) {
        FZ_CHECK(u.scheme == url && u.host != NULL);
        FZ_CHECK(u.host >= url + u.scheme_len + 3);
        FZ_CHECK(u.host + u.host_len == u.path);
    } else {
        FZ_CHECK(u.host == NULL && u.path == url && len > 0 && url[0] == '/');
    }
}

static int
on_entry(void *ctx, const har_entry *e)
{
    run *r = ctx;
    ixj_type type = IXJ_TYPE_AUTO;

    FZ_CHECK(e->index > r->last_index);
    r->last_index = e->index;
    FZ_CHECK(e->method != NULL && utf8_ok(e->method, e->method_len));
    FZ_CHECK(e->url != NULL && utf8_ok(e->url, e->url_len));
    FZ_CHECK(e->mime == NULL || utf8_ok(e->mime, e->mime_len));
    FZ_CHECK(e->text == NULL || utf8_ok(e->text, e->text_len));
    FZ_CHECK(e->status >= -1 && e->status <= 99999);
    if (e->fault != HAR_FAULT_NONE) {
        uint8_t c;
        FZ_CHECK(e->fault_field != NULL && e->fault_detail != NULL &&
                 e->fault_detail[0] != '\0');
        FZ_CHECK(e->fault_pos.offset < r->size);
        c = r->data[e->fault_pos.offset];
        fz_lines_to(&r->lines, r->data, (size_t)e->fault_pos.offset);
        FZ_CHECK(e->fault_pos.line == r->lines.line);
        FZ_CHECK(e->fault_pos.column ==
                 e->fault_pos.offset - r->lines.line_start + 1);
        if (e->fault == HAR_FAULT_STRING) {
            FZ_CHECK(c == '\\' || c >= 0x80);
            if (!r->string_fault)
                r->first_string_fault = e->fault_pos.offset;
            r->string_fault = true;
        } else {
            FZ_CHECK(c == '"');
        }
    }
    check_url(e->url, e->url_len);
    switch (
        endpoint_lookup(e->method, e->method_len, e->url, e->url_len, &type)) {
    case ENDPOINT_FOUND:
        FZ_CHECK(ixj_type_name(type) != NULL && type != IXJ_TYPE_AUTO &&
                 type != IXJ_TYPE_ANY);
        break;
    case ENDPOINT_OTHER:
    case ENDPOINT_UNKNOWN_PATH:
    case ENDPOINT_WRONG_METHOD:
        FZ_CHECK(type == IXJ_TYPE_AUTO);
        break;
    }
    if (e->mime != NULL)
        (void)media_type_is_json(e->mime, e->mime_len);
    if (e->text != NULL && e->base64) {
        long long n = base64_decode(e->text, e->text_len);
        FZ_CHECK(n < (long long)e->text_len + 1);
    }
    return 0;
}

/* The library's verdict on the capture text (after a byte-order mark),
 * with every limit past anything the text could reach. */
static ixj_status
library_verdict(const uint8_t *text, size_t len, uint64_t *offset)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result res;
    ixj_status st;
    uint64_t big = (uint64_t)len + 2;

    FZ_CHECK(d != NULL);
    FZ_CHECK(ixj_decoder_set_option(d, IXJ_OPT_MAX_DEPTH, big) == IXJ_OK);
    FZ_CHECK(ixj_decoder_set_option(d, IXJ_OPT_MAX_STRING_BYTES, big) ==
             IXJ_OK);
    FZ_CHECK(ixj_decoder_set_option(d, IXJ_OPT_MAX_NUMBER_BYTES, big) ==
             IXJ_OK);
    FZ_CHECK(ixj_decoder_set_option(d, IXJ_OPT_MAX_ARRAY_ELEMENTS, big) ==
             IXJ_OK);
    st = ixj_decode(d, IXJ_TYPE_ANY, text, len, &res);
    *offset = ixj_decoder_error(d)->offset;
    ixj_decoder_free(d);
    return st;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    run r;
    char err[256];
    int rc;
    bool syntax;
    size_t bom = size >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    uint64_t lib_offset = 0;
    ixj_status lib;

    memset(&r, 0, sizeof r);
    r.data = data;
    r.size = size;
    err[0] = '\0';
    rc = har_read(data, size, on_entry, &r, err, sizeof err);
    FZ_CHECK(rc == 0 || rc == -1);
    FZ_CHECK(rc == 0 || strncmp(err, "not a HAR capture: ", 19) == 0);
    FZ_CHECK(strstr(err, "internal") == NULL);
    syntax = rc != 0 && strstr(err, "invalid JSON") != NULL;

    lib = library_verdict(data + bom, size - bom, &lib_offset);
    FZ_CHECK(lib != IXJ_ERR_NOMEM && lib != IXJ_ERR_MISUSE);
    if (lib == IXJ_OK)
        FZ_CHECK(!syntax && !r.string_fault);
    if (syntax)
        FZ_CHECK(lib != IXJ_OK);
    if (r.string_fault)
        FZ_CHECK(lib == IXJ_ERR_STRING
                     ? lib_offset + bom <= r.first_string_fault
                     : lib != IXJ_OK);
    return 0;
}
