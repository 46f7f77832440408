/* SPDX-License-Identifier: MIT */
/*
 * Runs the slow path of differential_fuzzer.c on the policy corpus
 * (tests/corpus/, its README describes the format), as make check does:
 * every case it judges must get the expected outcome in both modes (the
 * rendering of a valid document; the code and path of an error, whose
 * position the slow path cannot know; any error where it can only tell
 * that the document is invalid). A case whose expectation differs only by
 * a pending rule (FZD_TOLERATE) passes, and is counted.
 *
 *   differential_corpus [CORPUS_DIR]   (default: $IXJOB_SRCDIR/tests/corpus)
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "differential.h"

static unsigned long passed, failed, not_judged, tolerated;

static char *
read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    size_t cap = 0, n = 0;
    if (f == NULL)
        return NULL;
    for (;;) {
        size_t got;
        if (cap - n < 4096) {
            char *p = realloc(buf, cap + 65536);
            if (p == NULL) {
                free(buf);
                fclose(f);
                return NULL;
            }
            buf = p;
            cap += 65536;
        }
        got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    buf[n] = '\0';
    *len = n;
    return buf;
}

/* Reads the args line into o; returns 0 when an option the slow path
 * cannot judge is set. */
static int
parse_args(const char *line, fzd_options *o)
{
    char copy[512];
    char *save = NULL;
    snprintf(copy, sizeof copy, "%s", line);
    for (char *tok = strtok_r(copy, " \n", &save); tok != NULL;
         tok = strtok_r(NULL, " \n", &save)) {
        if (strncmp(tok, "--type=", 7) == 0) {
            if (!ixj_type_from_name(tok + 7, &o->type))
                return 0;
        } else if (strncmp(tok, "--max-depth=", 12) == 0) {
            o->max_depth = strtoull(tok + 12, NULL, 10);
        } else if (strncmp(tok, "--max-number=", 13) == 0) {
            o->max_number = strtoull(tok + 13, NULL, 10);
        } else if (strncmp(tok, "--max-array=", 12) == 0) {
            o->max_array = strtoull(tok + 12, NULL, 10);
        } else {
            return 0; /* --max-string, --max-document: raw bytes */
        }
    }
    return 1;
}

/* Whether the slow path's outcome matches an expectation. */
static int
matches(fzd_verdict v, const char *slow, const char *expected)
{
    size_t n = strlen(slow);
    switch (v) {
    case FZD_SKIP:
        return 1;
    case FZD_INVALID:
        return strncmp(expected, "error ", 6) == 0;
    case FZD_ERROR:
        /* "error CODE at PATH offset=..." */
        return strncmp(expected, slow, n) == 0 && expected[n] == ' ' &&
               strncmp(expected + n + 1, "offset=", 7) == 0;
    case FZD_OK:
        return strcmp(expected, slow) == 0;
    }
    return 0;
}

static void
run_case(const char *dir, const char *name, int strict)
{
    char path[4096], *input, *expect, *body;
    size_t len, elen;
    fzd_options o;
    fz_buf out = {0};
    fzd_verdict v;
    int ok;

    snprintf(path, sizeof path, "%s/%.*s.json", dir, (int)(strlen(name) - 5),
             name);
    input = read_all(path, &len);
    snprintf(path, sizeof path, "%s/%.*s%s.expect", dir,
             (int)(strlen(name) - 5), name, strict ? ".strict" : "");
    expect = read_all(path, &elen);
    if (input == NULL || expect == NULL) {
        fprintf(stderr, "%s: cannot read\n", path);
        failed++;
        free(input);
        free(expect);
        return;
    }
    fzd_options_init(&o, IXJ_TYPE_AUTO, strict);
    body = expect;
    if (strncmp(expect, "args:", 5) == 0) {
        char *eol = strchr(expect, '\n');
        if (eol == NULL)
            eol = expect + elen;
        *eol = '\0';
        body = eol + 1;
        if (!parse_args(expect + 5, &o)) {
            not_judged++;
            goto done;
        }
    }
    v = fzd_judge((const uint8_t *)input, len, &o, &out);
    if (v == FZD_SKIP) {
        not_judged++;
        goto done;
    }
    ok = matches(v, (const char *)out.data, body);
    for (unsigned drop = 1; !ok && drop <= fzd_tolerate; drop++) {
        if ((drop & ~fzd_tolerate) != 0)
            continue;
        o.rules = fzd_rules & ~drop;
        v = fzd_judge((const uint8_t *)input, len, &o, &out);
        if ((ok = matches(v, (const char *)out.data, body)) != 0) {
            tolerated++;
            printf("pending rule: %s (without rule %u)\n", path, drop);
        }
    }
    if (ok) {
        passed++;
    } else {
        failed++;
        o.rules = fzd_rules;
        v = fzd_judge((const uint8_t *)input, len, &o, &out);
        printf("FAIL %s\n  expected: %s  slow path: %s\n", path, body,
               v == FZD_INVALID ? "invalid" : (const char *)out.data);
    }
done:
    fz_buf_free(&out);
    free(input);
    free(expect);
}

static int
by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
run_group(const char *dir)
{
    DIR *dp = opendir(dir);
    struct dirent *de;
    char *names[1024];
    size_t n = 0;

    if (dp == NULL)
        return;
    while ((de = readdir(dp)) != NULL && n < 1024) {
        size_t l = strlen(de->d_name);
        if (l > 5 && strcmp(de->d_name + l - 5, ".json") == 0)
            names[n++] = strdup(de->d_name);
    }
    closedir(dp);
    qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        run_case(dir, names[i], 0);
        run_case(dir, names[i], 1);
        free(names[i]);
    }
}

int
main(int argc, char **argv)
{
    char root[4096];
    DIR *dp;
    struct dirent *de;

    if (argc > 1) {
        snprintf(root, sizeof root, "%s", argv[1]);
    } else if (getenv("IXJOB_SRCDIR") != NULL) {
        snprintf(root, sizeof root, "%s/tests/corpus", getenv("IXJOB_SRCDIR"));
    } else {
        fprintf(stderr, "usage: %s CORPUS_DIR (or set IXJOB_SRCDIR)\n",
                argv[0]);
        return 77;
    }
    if ((dp = opendir(root)) == NULL) {
        perror(root);
        return 1;
    }
    while ((de = readdir(dp)) != NULL) {
        char dir[4096 + 256];
        if (de->d_name[0] == '.')
            continue;
        snprintf(dir, sizeof dir, "%s/%s", root, de->d_name);
        run_group(dir);
    }
    closedir(dp);
    printf("differential_corpus: %lu cases agree (%lu by a pending rule), "
           "%lu disagree, %lu not judged\n",
           passed, tolerated, failed, not_judged);
    return failed == 0 ? 0 : 1;
}
