/* SPDX-License-Identifier: MIT */
#include "report.h"

#include <string.h>

#include "text.h"

/* SGR sequences: gcc's choice of bold locations and red errors. */
#define BOLD   "\033[1m"
#define RED    "\033[1;31m"
#define GREEN  "\033[32m"
#define YELLOW "\033[33m"
#define RESET  "\033[0m"

static void
put_safe(FILE *out, const char *s)
{
    text_put_safe(out, s, strlen(s));
}

static void
put_colored(FILE *out, bool color, const char *sgr, const char *word)
{
    if (color)
        fprintf(out, "%s%s%s", sgr, word, RESET);
    else
        fputs(word, out);
}

static void
put_plural(FILE *out, uint64_t n, const char *one, const char *many)
{
    fprintf(out, "%llu %s", (unsigned long long)n, n == 1 ? one : many);
}

/* FILE or FILE#N, and the position: ":L:C" in the file, " (body L:C)" or
 * " (capture L:C)" elsewhere, so that nobody takes a body's position for
 * one in the file. */
static void
put_location(FILE *out, bool color, const report_doc *doc,
             const report_error *e)
{
    if (color)
        fputs(BOLD, out);
    put_safe(out, doc->file);
    if (doc->record > 0)
        fprintf(out, "#%llu", (unsigned long long)doc->record);
    if (e != NULL) {
        unsigned long long line = e->line, column = e->column;
        if (e->where == AT_FILE)
            fprintf(out, ":%llu:%llu", line, column);
        else if (e->where == AT_BODY)
            fprintf(out, " (body %llu:%llu)", line, column);
        else if (e->where == AT_CAPTURE)
            fprintf(out, " (capture %llu:%llu)", line, column);
    }
    putc(':', out);
    if (color)
        fputs(RESET, out);
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
report_error_set(report_error *out, const ixj_error *e, report_where where)
{
    out->code = ixj_status_name(e->code);
    out->path = e->path;
    out->message = e->message;
    out->detail = e->detail != NULL ? e->detail : "";
    out->where = where;
    out->offset = e->offset;
    out->line = e->line;
    out->column = e->column;
}

void
report_error_text(FILE *out, bool color, const report_doc *doc)
{
    const report_error *e = &doc->error;
    put_location(out, color, doc, e);
    putc(' ', out);
    put_colored(out, color, RED, "error:");
    fprintf(out, " %s", e->code);
    if (e->path != NULL) {
        fputs(" at ", out);
        put_safe(out, e->path);
    }
    fputs(": ", out);
    put_safe(out, e->message);
    if (e->detail[0] != '\0') {
        fputs(": ", out);
        put_safe(out, e->detail);
    }
    put_request(out, doc);
    putc('\n', out);
}

static void
put_valid_text(FILE *out, bool color, const report_doc *doc)
{
    put_location(out, color, doc, NULL);
    putc(' ', out);
    put_colored(out, color, GREEN, "ok");
    fprintf(out, " (%s", ixj_type_name(doc->type));
    if (doc->unknown_fields > 0 || doc->unrecognized_enums > 0)
        fputs("; ", out);
    if (doc->unknown_fields > 0)
        put_plural(out, doc->unknown_fields, "unknown key skipped",
                   "unknown keys skipped");
    if (doc->unknown_fields > 0 && doc->unrecognized_enums > 0)
        fputs(", ", out);
    if (doc->unrecognized_enums > 0)
        put_plural(out, doc->unrecognized_enums, "unrecognized enum value kept",
                   "unrecognized enum values kept");
    putc(')', out);
    put_request(out, doc);
    putc('\n', out);
}

static void
put_skipped_text(FILE *out, bool color, const report_doc *doc)
{
    put_location(out, color, doc, NULL);
    putc(' ', out);
    put_colored(out, color, YELLOW, "skipped:");
    putc(' ', out);
    put_safe(out, doc->skipped);
    if (doc->skipped_detail != NULL) {
        fputs(" (", out);
        put_safe(out, doc->skipped_detail);
        putc(')', out);
    }
    put_request(out, doc);
    putc('\n', out);
}

static void
put_json_string(FILE *out, const char *s)
{
    text_put_json(out, s, strlen(s));
}

static void
put_json_error(FILE *out, const report_error *e)
{
    static const char *const prefix[] = {"", "body_", "capture_"};
    fputs("\"error\":{\"code\":", out);
    put_json_string(out, e->code);
    if (e->path != NULL) {
        fputs(",\"path\":", out);
        put_json_string(out, e->path);
    }
    if (e->where != AT_NONE) {
        const char *p = prefix[e->where];
        fprintf(out, ",\"%soffset\":%llu,\"%sline\":%llu,\"%scolumn\":%llu", p,
                (unsigned long long)e->offset, p, (unsigned long long)e->line,
                p, (unsigned long long)e->column);
    }
    fputs(",\"message\":", out);
    put_json_string(out, e->message);
    fputs(",\"detail\":", out);
    put_json_string(out, e->detail);
    putc('}', out);
}

static void
put_json(FILE *out, const report_doc *doc)
{
    fputs("{\"file\":", out);
    put_json_string(out, doc->file);
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
    switch (doc->outcome) {
    case OUTCOME_VALID:
        fprintf(out,
                ",\"valid\":true,\"unknown_fields\":%llu,"
                "\"unrecognized_enums\":%llu}\n",
                (unsigned long long)doc->unknown_fields,
                (unsigned long long)doc->unrecognized_enums);
        return;
    case OUTCOME_INVALID:
        fputs(",\"valid\":false,", out);
        put_json_error(out, &doc->error);
        break;
    case OUTCOME_UNREADABLE:
        fputs(",\"valid\":null,", out);
        put_json_error(out, &doc->error);
        break;
    case OUTCOME_SKIPPED:
        fputs(",\"valid\":null,\"skipped\":", out);
        if (doc->skipped_detail == NULL) {
            put_json_string(out, doc->skipped);
        } else {
            /* one string, as the text form writes it */
            size_t a = strlen(doc->skipped), b = strlen(doc->skipped_detail);
            char buf[256];
            if (a + b + 3 < sizeof buf) {
                int n = snprintf(buf, sizeof buf, "%s (%s)", doc->skipped,
                                 doc->skipped_detail);
                text_put_json(out, buf, (size_t)n);
            } else {
                put_json_string(out, doc->skipped);
            }
        }
        break;
    }
    fputs("}\n", out);
}

void
report_document(FILE *out, const report_style *style, const report_doc *doc)
{
    bool failure =
        doc->outcome == OUTCOME_INVALID || doc->outcome == OUTCOME_UNREADABLE;
    if (style->quiet && !failure)
        return;
    if (style->format == REPORT_JSON) {
        put_json(out, doc);
        return;
    }
    switch (doc->outcome) {
    case OUTCOME_VALID:
        put_valid_text(out, style->color, doc);
        break;
    case OUTCOME_INVALID:
        report_error_text(out, style->color, doc);
        break;
    case OUTCOME_SKIPPED:
        put_skipped_text(out, style->color, doc);
        break;
    case OUTCOME_UNREADABLE:
        break;
    }
}

void
report_summary_text(FILE *out, const report_counts *c)
{
    uint64_t checked = c->valid + c->invalid;
    fputs("ixjob: checked ", out);
    put_plural(out, checked, "document", "documents");
    fprintf(out, ": %llu valid, %llu invalid; %llu skipped, %llu unreadable\n",
            (unsigned long long)c->valid, (unsigned long long)c->invalid,
            (unsigned long long)c->skipped, (unsigned long long)c->unreadable);
}

void
report_summary_json(FILE *out, const report_counts *c)
{
    fprintf(out,
            "{\"summary\":{\"checked\":%llu,\"valid\":%llu,\"invalid\":%llu,"
            "\"skipped\":%llu,\"unreadable\":%llu}}\n",
            (unsigned long long)c->valid + (unsigned long long)c->invalid,
            (unsigned long long)c->valid, (unsigned long long)c->invalid,
            (unsigned long long)c->skipped, (unsigned long long)c->unreadable);
}
