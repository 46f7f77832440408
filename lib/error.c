/* SPDX-License-Identifier: MIT */
/* Status names and messages; path segments. */
#include "error.h"

#include <string.h>

#include "alloc.h"
#include "detail.h"

const char *
ixj_status_name(ixj_status status)
{
    switch (status) {
#define NAME_(suffix, value, name, message) \
    case IXJ_##suffix:                      \
        return name;
        IXJ_STATUS_MAP(NAME_)
#undef NAME_
    }
    return NULL;
}

const char *
ixj_status_message(ixj_status status)
{
    switch (status) {
#define MESSAGE_(suffix, value, name, message) \
    case IXJ_##suffix:                         \
        return message;
        IXJ_STATUS_MAP(MESSAGE_)
#undef MESSAGE_
    }
    return NULL;
}

const char *
ixj_version(void)
{
    return IXJ_VERSION_STRING;
}

/* Element paths render every key of their prefix (twice: to measure,
 * then to write), so this runs for each key of a path: one test per byte
 * (`| 0x20` folds upper case onto lower case, and maps no other byte to a
 * letter). */
static bool
is_identifier(const char *key, size_t len)
{
    unsigned char c0;
    if (len == 0)
        return false;
    c0 = (unsigned char)key[0];
    if ((unsigned char)((c0 | 0x20) - 'a') >= 26 && c0 != '_')
        return false;
    for (size_t i = 1; i < len; i++) {
        unsigned char c = (unsigned char)key[i];
        if ((unsigned char)((c | 0x20) - 'a') >= 26 &&
            (unsigned char)(c - '0') >= 10 && c != '_')
            return false;
    }
    return true;
}

static size_t
put(char *out, size_t at, const char *text, size_t len)
{
    if (out != NULL) {
        for (size_t i = 0; i < len; i++)
            out[at + i] = text[i];
    }
    return at + len;
}

/* Writes \u00XX for a code point below 0x100. */
static size_t
put_u00(char *out, size_t at, unsigned cp)
{
    static const char hex[] = "0123456789ABCDEF";
    char text[6] = {'\\', 'u', '0', '0', hex[(cp >> 4) & 15], hex[cp & 15]};
    return put(out, at, text, sizeof text);
}

size_t
ixj__path_key(char *out, const char *key, size_t len)
{
    size_t n = 0;

    if (is_identifier(key, len)) {
        if (out != NULL) {
            out[0] = '.';
            memcpy(out + 1, key, len);
        }
        return len + 1;
    }
    n = put(out, n, "['", 2);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)key[i];
        if (c == '\'' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            n = put(out, n, esc, 2);
        } else if (c < 0x20 || c == 0x7F) {
            n = put_u00(out, n, c);
        } else if (c == 0xC2 && i + 1 < len &&
                   (unsigned char)key[i + 1] >= 0x80 &&
                   (unsigned char)key[i + 1] <= 0x9F) {
            /* U+0080..U+009F, the C1 controls, encoded as C2 80..C2 9F */
            n = put_u00(out, n, (unsigned char)key[++i]);
        } else {
            n = put(out, n, (const char *)&key[i], 1);
        }
    }
    return put(out, n, "']", 2);
}

size_t
ixj__path_index(char *out, uint64_t index)
{
    char digits[20];
    size_t nd = 0, n = 0;
    do {
        digits[nd++] = (char)('0' + index % 10);
        index /= 10;
    } while (index != 0);
    n = put(out, n, "[", 1);
    while (nd > 0)
        n = put(out, n, &digits[--nd], 1);
    return put(out, n, "]", 1);
}

size_t
ixj__path_root(char *out)
{
    return put(out, 0, "$", 1);
}

bool
ixj__error_set(ixj_error *e, ixj_status code, unsigned detail, uint64_t offset,
               uint64_t line, uint64_t column, ixj__path_writer write,
               const void *ctx, const ixj_allocator *a, char **buf, size_t *cap)
{
    size_t len = write(ctx, NULL);
    char *path = ixj__grow(a, *buf, cap, len + 1, 1);

    e->offset = offset;
    e->line = line;
    e->column = column;
    if (path == NULL) {
        /* No memory even for the path: that is the error to report. */
        e->code = IXJ_ERR_NOMEM;
        e->path = "$";
        e->message = ixj_status_message(IXJ_ERR_NOMEM);
        e->detail = "";
        return false;
    }
    *buf = path;
    write(ctx, path);
    path[len] = '\0';
    e->code = code;
    e->path = path;
    e->message = ixj_status_message(code);
    e->detail = ixj__detail_text(detail);
    return true;
}

void
ixj__error_clear(ixj_error *e)
{
    e->code = IXJ_OK;
    e->offset = e->line = e->column = 0;
    e->path = "";
    e->message = ixj_status_message(IXJ_OK);
    e->detail = "";
}
