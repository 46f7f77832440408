/* SPDX-License-Identifier: MIT */
#include "testutil.h"

#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decoder.h"
#include "rfc3339.h"
#include "schema.h"

/* ------------------------------------------------------------------ */
/* Strings and files                                                    */
/* ------------------------------------------------------------------ */

static void
buf_reserve(tu_buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + extra + 1)
            cap *= 2;
        b->data = realloc(b->data, cap);
        if (b->data == NULL)
            abort();
        b->cap = cap;
    }
}

void
tu_buf_put(tu_buf *b, const char *text, size_t len)
{
    buf_reserve(b, len);
    memcpy(b->data + b->len, text, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void
tu_buf_puts(tu_buf *b, const char *text)
{
    tu_buf_put(b, text, strlen(text));
}

void
tu_buf_printf(tu_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;
    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

void
tu_buf_free(tu_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

char *
tu_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    tu_buf b = {0};
    char chunk[65536];
    size_t n;

    if (f == NULL)
        return NULL;
    buf_reserve(&b, 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        tu_buf_put(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return b.data;
}

const char *
tu_tests_dir(void)
{
    const char *dir = getenv("IXJOB_TESTS_DIR");
    return dir != NULL ? dir : "tests";
}

unsigned
tu_quick_stride(unsigned stride)
{
    const char *q = getenv("IXJOB_TEST_QUICK");
    return q != NULL && *q != '\0' && *q != '0' ? stride : 1;
}

/* ------------------------------------------------------------------ */
/* Options                                                              */
/* ------------------------------------------------------------------ */

void
tu_opts_default(tu_opts *o)
{
    o->type = IXJ_TYPE_AUTO;
    o->strict = false;
    o->max_result = IXJ_DEFAULT_MAX_RESULT_BYTES;
    o->max_depth = IXJ_DEFAULT_MAX_DEPTH;
    o->max_string = IXJ_DEFAULT_MAX_STRING_BYTES;
    o->max_number = IXJ_DEFAULT_MAX_NUMBER_BYTES;
    o->max_array = IXJ_DEFAULT_MAX_ARRAY_ELEMENTS;
    o->max_document = IXJ_DEFAULT_MAX_DOCUMENT_BYTES;
    o->gather = false;
}

static bool
parse_number_arg(const char *arg, const char *name, uint64_t *out)
{
    size_t n = strlen(name);
    if (strncmp(arg, name, n) != 0 || arg[n] != '=')
        return false;
    *out = strtoull(arg + n + 1, NULL, 10);
    return true;
}

bool
tu_opts_parse(tu_opts *o, const char *args)
{
    char copy[1024];
    char *save = NULL;
    snprintf(copy, sizeof copy, "%s", args);
    for (char *arg = strtok_r(copy, " \t\r\n", &save); arg != NULL;
         arg = strtok_r(NULL, " \t\r\n", &save)) {
        if (strncmp(arg, "--type=", 7) == 0) {
            if (!ixj_type_from_name(arg + 7, &o->type))
                return false;
        } else if (strcmp(arg, "--strict") == 0) {
            o->strict = true;
        } else if (parse_number_arg(arg, "--max-result", &o->max_result)) {
            continue;
        } else if (!parse_number_arg(arg, "--max-depth", &o->max_depth) &&
                   !parse_number_arg(arg, "--max-string", &o->max_string) &&
                   !parse_number_arg(arg, "--max-number", &o->max_number) &&
                   !parse_number_arg(arg, "--max-array", &o->max_array) &&
                   !parse_number_arg(arg, "--max-document", &o->max_document)) {
            return false;
        }
    }
    return true;
}

void
tu_opts_apply(const tu_opts *o, ixj_decoder *d)
{
    if (ixj_decoder_set_option(d, IXJ_OPT_STRICT, o->strict) != IXJ_OK ||
        ixj_decoder_set_option(d, IXJ_OPT_MAX_RESULT_BYTES, o->max_result) !=
            IXJ_OK ||
        ixj_decoder_set_option(d, IXJ_OPT_MAX_DEPTH, o->max_depth) != IXJ_OK ||
        ixj_decoder_set_option(d, IXJ_OPT_MAX_STRING_BYTES, o->max_string) !=
            IXJ_OK ||
        ixj_decoder_set_option(d, IXJ_OPT_MAX_NUMBER_BYTES, o->max_number) !=
            IXJ_OK ||
        ixj_decoder_set_option(d, IXJ_OPT_MAX_ARRAY_ELEMENTS, o->max_array) !=
            IXJ_OK ||
        ixj_decoder_set_option(d, IXJ_OPT_MAX_DOCUMENT_BYTES,
                               o->max_document) != IXJ_OK ||
        ixj_decoder_set_option(d, IXJ_OPT_GATHER, o->gather) != IXJ_OK)
        abort();
}

/* ------------------------------------------------------------------ */
/* The corpus                                                           */
/* ------------------------------------------------------------------ */

static void
collect_cases(const char *dir, tu_case **cases, size_t *n)
{
    DIR *dh = opendir(dir);
    struct dirent *e;
    if (dh == NULL)
        return;
    while ((e = readdir(dh)) != NULL) {
        char path[1024];
        size_t len = strlen(e->d_name);
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        if (len > 7 && strcmp(e->d_name + len - 7, ".expect") == 0) {
            tu_case *c;
            char *dot;
            *cases = realloc(*cases, (*n + 1) * sizeof **cases);
            c = &(*cases)[(*n)++];
            snprintf(c->expect_path, sizeof c->expect_path, "%s", path);
            snprintf(c->input_path, sizeof c->input_path, "%s", path);
            /* name.expect and name.strict.expect share name.json */
            dot = strchr(strrchr(c->input_path, '/') + 1, '.');
            snprintf(dot, sizeof c->input_path - (size_t)(dot - c->input_path),
                     ".json");
        } else if (strchr(e->d_name, '.') == NULL) {
            collect_cases(path, cases, n);
        }
    }
    closedir(dh);
}

static int
compare_cases(const void *a, const void *b)
{
    return strcmp(((const tu_case *)a)->expect_path,
                  ((const tu_case *)b)->expect_path);
}

tu_case *
tu_corpus_list(const char *dir, size_t *count)
{
    tu_case *cases = NULL;
    *count = 0;
    collect_cases(dir, &cases, count);
    qsort(cases, *count, sizeof *cases, compare_cases);
    return cases;
}

void
tu_corpus_read(const tu_case *c, tu_opts *o, char **expected)
{
    size_t len;
    char *text = tu_read_file(c->expect_path, &len);
    char *body = text;

    if (text == NULL) {
        fprintf(stderr, "cannot read %s\n", c->expect_path);
        abort();
    }
    tu_opts_default(o);
    if (strstr(c->expect_path, ".strict.expect") != NULL)
        o->strict = true;
    if (strncmp(text, "args:", 5) == 0) {
        char *nl = strchr(text, '\n');
        if (nl == NULL)
            abort();
        *nl = '\0';
        if (!tu_opts_parse(o, text + 5)) {
            fprintf(stderr, "bad args in %s\n", c->expect_path);
            abort();
        }
        body = nl + 1;
    }
    *expected = strdup(body);
    free(text);
}

size_t
tu_corpus_each(void (*fn)(const tu_loaded_case *c, void *ctx), void *ctx)
{
    char dir[1024];
    size_t n;
    tu_case *cases;

    snprintf(dir, sizeof dir, "%s/corpus", tu_tests_dir());
    cases = tu_corpus_list(dir, &n);
    for (size_t i = 0; i < n; i++) {
        tu_loaded_case c;
        c.paths = &cases[i];
        tu_corpus_read(&cases[i], &c.opts, &c.expected);
        c.text = tu_read_file(cases[i].input_path, &c.len);
        if (c.text == NULL) {
            fprintf(stderr, "cannot read %s\n", cases[i].input_path);
            abort();
        }
        fn(&c, ctx);
        free(c.text);
        free(c.expected);
    }
    free(cases);
    return n;
}

/* ------------------------------------------------------------------ */
/* Rendering                                                            */
/* ------------------------------------------------------------------ */

/* A string as a JSON string literal, escaping only what must be. */
static void
render_string(tu_buf *out, const char *s, size_t len)
{
    tu_buf_put(out, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            char esc[2] = {'\\', (char)c};
            tu_buf_put(out, esc, 2);
        } else if (c == '\n') {
            tu_buf_puts(out, "\\n");
        } else if (c == '\t') {
            tu_buf_puts(out, "\\t");
        } else if (c < 0x20 || c == 0x7F) {
            tu_buf_printf(out, "\\u%04X", c);
        } else {
            tu_buf_put(out, (const char *)&s[i], 1);
        }
    }
    tu_buf_put(out, "\"", 1);
}

static void render_object(tu_buf *out, const char *path,
                          const ixj__object_desc *desc, const void *base);

/* A pointer that a present object member or an element of a kept object
 * array must hold: NULL there is a bug of the decoder (abort: renderings
 * also run outside a test, where ck_assert cannot report). */
static const void *
nonnull(const void *p, const ixj__field *f)
{
    if (p == NULL) {
        fprintf(stderr, "testutil: %s is present but NULL\n", f->name);
        abort();
    }
    return p;
}

/* The struct an object member points to. */
static const void *
object_at(const void *base, const ixj__field *f)
{
    return nonnull(*(const void *const *)ixj__cmember(base, f), f);
}

/* Element k of an array member whose pointer is items: the struct the
 * k-th pointer of an object array points to, or the k-th string. */
static const void *
item_at(const void *items, const ixj__field *f, size_t k)
{
    if (f->kind == IXJ__KIND_OBJECT_ARRAY)
        return nonnull(((const void *const *)items)[k], f);
    return (const ixj_string *)items + k;
}

/* Whether renderings show what the canonical form drops: the offset a
 * timestamp was written with. */
static bool render_offsets = true;

static void
render_field(tu_buf *out, const char *path, const ixj__field *f,
             const void *base)
{
    const void *m = ixj__cmember(base, f);
    tu_buf_printf(out, "%s = ", path);
    switch ((ixj__kind)f->kind) {
    case IXJ__KIND_STRING:
        render_string(out, ((const ixj_string *)m)->ptr,
                      ((const ixj_string *)m)->len);
        break;
    case IXJ__KIND_UINT64:
        tu_buf_printf(out, "%llu", (unsigned long long)*(const uint64_t *)m);
        break;
    case IXJ__KIND_INT64:
        tu_buf_printf(out, "%lld", (long long)*(const int64_t *)m);
        break;
    case IXJ__KIND_BOOL:
        tu_buf_puts(out, *(const bool *)m ? "true" : "false");
        break;
    case IXJ__KIND_TIMESTAMP: {
        const ixj_timestamp *t = m;
        char text[IXJ__RFC3339_MAX];
        size_t n = ixj__rfc3339_format(t, text);
        int off =
            t->offset_minutes < 0 ? -t->offset_minutes : t->offset_minutes;
        tu_buf_put(out, text, n);
        if (render_offsets)
            tu_buf_printf(out, " (%s%02d:%02d)",
                          t->offset_minutes < 0 ? "-" : "+", off / 60,
                          off % 60);
        break;
    }
    case IXJ__KIND_ENUM: {
        int v = *(const int *)m;
        if (v >= 0 && v < f->enumeration->count) {
            tu_buf_puts(out, f->enumeration->literals[v]);
        } else {
            const ixj_string *raw =
                (const ixj_string *)((const char *)base + f->aux_offset);
            tu_buf_puts(out, "UNRECOGNIZED ");
            render_string(out, raw->ptr, raw->len);
        }
        break;
    }
    case IXJ__KIND_OBJECT:
        tu_buf_puts(out, "{}\n");
        render_object(out, path, f->object, object_at(base, f));
        return;
    case IXJ__KIND_OBJECT_ARRAY:
    case IXJ__KIND_STRING_ARRAY: {
        const char *items = *(const char *const *)m;
        size_t n = *(const size_t *)((const char *)base + f->aux_offset);
        bool objects = f->kind == IXJ__KIND_OBJECT_ARRAY;
        tu_buf_printf(out, "[%zu]\n", n);
        for (size_t i = 0; i < n && items != NULL; i++) {
            tu_buf sub = {0};
            tu_buf_printf(&sub, "%s[%zu]", path, i);
            if (objects) {
                tu_buf_printf(out, "%s = {}\n", sub.data);
                render_object(out, sub.data, f->object, item_at(items, f, i));
            } else {
                const ixj_string *s = item_at(items, f, i);
                tu_buf_printf(out, "%s = ", sub.data);
                render_string(out, s->ptr, s->len);
                tu_buf_puts(out, "\n");
            }
            tu_buf_free(&sub);
        }
        return;
    }
    }
    tu_buf_puts(out, "\n");
}

static void
render_object(tu_buf *out, const char *path, const ixj__object_desc *desc,
              const void *base)
{
    uint64_t present = *(const uint64_t *)base;
    for (unsigned i = 0; i < desc->n_fields; i++) {
        const ixj__field *f = &desc->fields[i];
        tu_buf sub = {0};
        if (!((present >> f->bit) & 1))
            continue;
        tu_buf_printf(&sub, "%s.%s", path, f->name);
        render_field(out, sub.data, f, base);
        tu_buf_free(&sub);
    }
}

void
tu_render_result(tu_buf *out, const ixj_result *r)
{
    tu_buf_printf(out, "ok %s unknown_fields=%llu unrecognized_enums=%llu\n",
                  ixj_type_name(r->type), (unsigned long long)r->unknown_fields,
                  (unsigned long long)r->unrecognized_enums);
    if (r->type != IXJ_TYPE_ANY)
        render_object(out, "$", ixj__root_object(r->type), r->as.value);
}

void
tu_render_element(tu_buf *out, const ixj_element_info *e)
{
    const ixj__object_desc *obj = e->element == IXJ_ELEMENT_JOBS
                                      ? &ixj__object_job
                                      : &ixj__object_data_source_job;
    if (e->element == IXJ_ELEMENT_DATA_SOURCE_UUIDS) {
        const ixj_string *s = e->value;
        tu_buf_printf(out, "%s = ", e->path);
        render_string(out, s->ptr, s->len);
        tu_buf_puts(out, "\n");
        return;
    }
    tu_buf_printf(out, "%s = {}\n", e->path);
    render_object(out, e->path, obj, e->value);
}

/* Walks an object for the elements of one repeated field. */
static void
render_elements_in(tu_buf *out, const char *path, const ixj__object_desc *desc,
                   const void *base, ixj_element which)
{
    uint64_t present = *(const uint64_t *)base;
    for (unsigned i = 0; i < desc->n_fields; i++) {
        const ixj__field *f = &desc->fields[i];
        tu_buf sub = {0};
        if (!((present >> f->bit) & 1))
            continue;
        tu_buf_printf(&sub, "%s.%s", path, f->name);
        if (f->kind == IXJ__KIND_OBJECT) {
            render_elements_in(out, sub.data, f->object, object_at(base, f),
                               which);
        } else if (f->kind == IXJ__KIND_OBJECT_ARRAY ||
                   f->kind == IXJ__KIND_STRING_ARRAY) {
            const char *items = *(const char *const *)ixj__cmember(base, f);
            size_t n = *(const size_t *)((const char *)base + f->aux_offset);
            for (size_t k = 0; k < n && items != NULL; k++) {
                tu_buf ep = {0};
                tu_buf_printf(&ep, "%s[%zu]", sub.data, k);
                if (f->element == (int)which) {
                    ixj_element_info e = {which, k, ep.data,
                                          item_at(items, f, k)};
                    tu_render_element(out, &e);
                } else if (f->kind == IXJ__KIND_OBJECT_ARRAY) {
                    render_elements_in(out, ep.data, f->object,
                                       item_at(items, f, k), which);
                }
                tu_buf_free(&ep);
            }
        }
        tu_buf_free(&sub);
    }
}

void
tu_render_elements(tu_buf *out, const ixj_result *r, ixj_element which)
{
    if (r->type != IXJ_TYPE_ANY)
        render_elements_in(out, "$", ixj__root_object(r->type), r->as.value,
                           which);
}

void
tu_render_instants(tu_buf *out, const ixj_result *r)
{
    render_offsets = false;
    tu_buf_printf(out, "%s\n", ixj_type_name(r->type));
    if (r->type != IXJ_TYPE_ANY)
        render_object(out, "$", ixj__root_object(r->type), r->as.value);
    render_offsets = true;
}

void
tu_render_error(tu_buf *out, const ixj_error *e)
{
    tu_buf_printf(out, "error %s at %s offset=%llu line=%llu column=%llu\n",
                  ixj_status_name(e->code), e->path,
                  (unsigned long long)e->offset, (unsigned long long)e->line,
                  (unsigned long long)e->column);
    if (e->detail[0] != '\0')
        tu_buf_printf(out, "detail: %s\n", e->detail);
}

char *
tu_decode_text(ixj_decoder *d, const tu_opts *o, const char *buf, size_t len,
               size_t chunk, size_t split)
{
    tu_buf out = {0};
    ixj_result r;
    ixj_status st;

    tu_opts_apply(o, d);
    st = ixj_decoder_begin(d, o->type);
    if (st == IXJ_OK && chunk > 0) {
        for (size_t at = 0; at < len && st == IXJ_OK; at += chunk)
            st = ixj_decoder_feed(d, buf + at,
                                  len - at < chunk ? len - at : chunk);
    } else if (st == IXJ_OK && split > 0) {
        st = ixj_decoder_feed(d, buf, split);
        if (st == IXJ_OK)
            st = ixj_decoder_feed(d, buf + split, len - split);
    } else if (st == IXJ_OK) {
        st = ixj_decoder_feed(d, buf, len);
    }
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &r);
    if (st == IXJ_OK)
        tu_render_result(&out, &r);
    else
        tu_render_error(&out, ixj_decoder_error(d));
    ixj_decoder_reset(d);
    return out.data;
}

/* ------------------------------------------------------------------ */
/* Allocator                                                            */
/* ------------------------------------------------------------------ */

/* Each block carries its size in front, for accounting. */
#define HDR 16

static bool
should_fail(tu_alloc *a)
{
    a->calls++;
    if (a->fail_at != 0 &&
        (a->calls == a->fail_at || (a->fail_rest && a->calls > a->fail_at))) {
        a->failed = true;
        return true;
    }
    return false;
}

static void *
t_malloc(void *ctx, size_t size)
{
    tu_alloc *a = ctx;
    char *p;
    if (should_fail(a) || (p = malloc(HDR + size)) == NULL)
        return NULL;
    memcpy(p, &size, sizeof size);
    a->live_bytes += size;
    a->live_blocks++;
    if (a->live_bytes > a->peak_bytes)
        a->peak_bytes = a->live_bytes;
    return p + HDR;
}

static void *
t_realloc(void *ctx, void *ptr, size_t size)
{
    tu_alloc *a = ctx;
    char *p;
    size_t old;
    if (ptr == NULL)
        return t_malloc(ctx, size);
    if (should_fail(a))
        return NULL;
    memcpy(&old, (char *)ptr - HDR, sizeof old);
    if ((p = realloc((char *)ptr - HDR, HDR + size)) == NULL)
        return NULL;
    memcpy(p, &size, sizeof size);
    a->live_bytes = a->live_bytes - old + size;
    if (a->live_bytes > a->peak_bytes)
        a->peak_bytes = a->live_bytes;
    return p + HDR;
}

static void
t_free(void *ctx, void *ptr)
{
    tu_alloc *a = ctx;
    size_t old;
    if (ptr == NULL)
        return;
    memcpy(&old, (char *)ptr - HDR, sizeof old);
    a->live_bytes -= old;
    a->live_blocks--;
    a->frees++;
    free((char *)ptr - HDR);
}

void
tu_alloc_init(tu_alloc *a)
{
    memset(a, 0, sizeof *a);
    a->hooks.malloc = t_malloc;
    a->hooks.realloc = t_realloc;
    a->hooks.free = t_free;
    a->hooks.ctx = a;
}

int
tu_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;
    srunner_run_all(sr, CK_NORMAL);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed;
}
