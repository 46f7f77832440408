/* SPDX-License-Identifier: MIT */
#include "report.h"

#include <string.h>

#include "text.h"

static void
put_safe(FILE *out, const char *s)
{
    text_put_safe(out, s, strlen(s));
}

/* FILE or FILE#N, the name an editor jumps to. */
static void
put_location(FILE *out, const report_doc *doc)
{
    put_safe(out, doc->file);
    if (doc->record > 0)
        fprintf(out, "#%llu", (unsigned long long)doc->record);
}

/* HAR entries say which request they answer. */
static void
put_request(FILE *out, const report_doc *doc)
{
    if (doc->method == NULL)
        return;
    fputs(" [", out);
    text_put_safe(out, doc->method, doc->method_len);
    putc(' ', out);
    text_put_safe(out, doc->url, doc->url_len);
    fprintf(out, " -> %lld]", (long long)doc->http_status);
}

void
report_error_text(FILE *out, const report_doc *doc)
{
    const ixj_error *e = doc->error;
    put_location(out, doc);
    fprintf(out, ":%llu:%llu: error: %s at ", (unsigned long long)e->line,
            (unsigned long long)e->column, ixj_status_name(e->code));
    put_safe(out, e->path);
    fprintf(out, ": %s", e->message);
    put_request(out, doc);
    putc('\n', out);
}

static void
put_json(FILE *out, const report_doc *doc)
{
    const ixj_error *e = doc->error;

    fputs("{\"file\":", out);
    text_put_json(out, doc->file, strlen(doc->file));
    if (doc->record > 0)
        fprintf(out, ",\"record\":%llu", (unsigned long long)doc->record);
    if (doc->method != NULL) {
        fputs(",\"method\":", out);
        text_put_json(out, doc->method, doc->method_len);
        fputs(",\"url\":", out);
        text_put_json(out, doc->url, doc->url_len);
        fprintf(out, ",\"status\":%lld", (long long)doc->http_status);
    }
    if (doc->type == IXJ_TYPE_AUTO)
        fputs(",\"type\":null", out);
    else
        fprintf(out, ",\"type\":\"%s\"", ixj_type_name(doc->type));
    if (e == NULL) {
        fprintf(out,
                ",\"valid\":true,\"unknown_fields\":%llu,"
                "\"unrecognized_enums\":%llu}\n",
                (unsigned long long)doc->unknown_fields,
                (unsigned long long)doc->unrecognized_enums);
        return;
    }
    fprintf(out, ",\"valid\":false,\"error\":{\"code\":\"%s\",\"path\":",
            ixj_status_name(e->code));
    text_put_json(out, e->path, strlen(e->path));
    fprintf(out,
            ",\"offset\":%llu,\"line\":%llu,\"column\":%llu,"
            "\"message\":\"%s\"}}\n",
            (unsigned long long)e->offset, (unsigned long long)e->line,
            (unsigned long long)e->column, e->message);
}

void
report_document(FILE *out, report_format format, bool quiet,
                const report_doc *doc)
{
    if (quiet && doc->error == NULL)
        return;
    if (format == REPORT_JSON) {
        put_json(out, doc);
    } else if (doc->error != NULL) {
        report_error_text(out, doc);
    } else {
        put_location(out, doc);
        fputs(": ok", out);
        put_request(out, doc);
        putc('\n', out);
    }
}
