/* SPDX-License-Identifier: MIT */
/*
 * Replays inputs through a fuzz target without libFuzzer, so that any
 * compiler can run the seed corpus and the regressions (make check).
 *
 *   <target>_replay FILE|DIR...
 *
 * Each file is passed to LLVMFuzzerTestOneInput once; a directory stands
 * for the files in it (not recursively), in name order. With no argument,
 * the directories fuzz/corpus and fuzz/regressions under $IXJOB_SRCDIR
 * (which make check sets) are replayed; without that variable the
 * program skips (exit status 77). A broken invariant aborts.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "common.h"

#ifndef FZ_CORPUS_DIR
#define FZ_CORPUS_DIR "fuzz/corpus"
#endif
#ifndef FZ_REGRESSIONS_DIR
#define FZ_REGRESSIONS_DIR "fuzz/regressions"
#endif

static int
replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    uint8_t *data = NULL;
    size_t len = 0, cap = 0;

    if (f == NULL) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    for (;;) {
        size_t n;
        if (cap - len < 4096) {
            uint8_t *p = realloc(data, cap ? 2 * cap : 65536);
            if (p == NULL) {
                fprintf(stderr, "%s: out of memory\n", path);
                free(data);
                fclose(f);
                return -1;
            }
            data = p;
            cap = cap ? 2 * cap : 65536;
        }
        n = fread(data + len, 1, cap - len, f);
        len += n;
        if (n == 0)
            break;
    }
    if (ferror(f)) {
        fprintf(stderr, "%s: read error\n", path);
        free(data);
        fclose(f);
        return -1;
    }
    fclose(f);
    /* an exact-size copy, so that reads past the end are caught */
    {
        uint8_t *exact = malloc(len ? len : 1);
        if (exact == NULL) {
            free(data);
            return -1;
        }
        if (len > 0)
            memcpy(exact, data, len);
        free(data);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
    }
    return 0;
}

static int
compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays the regular files of a directory, in name order. Returns the
 * number replayed, or -1. */
static long
replay_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    struct dirent *de;
    char **names = NULL;
    size_t n = 0, cap = 0;
    long count = 0;

    if (dp == NULL) {
        fprintf(stderr, "%s: %s\n", dir, strerror(errno));
        return -1;
    }
    while ((de = readdir(dp)) != NULL) {
        if (de->d_name[0] == '.')
            continue;
        if (n == cap) {
            char **p = realloc(names, (cap ? 2 * cap : 64) * sizeof *p);
            if (p == NULL)
                break;
            names = p;
            cap = cap ? 2 * cap : 64;
        }
        size_t size = strlen(dir) + strlen(de->d_name) + 2;
        if ((names[n] = malloc(size)) == NULL)
            break;
        snprintf(names[n], size, "%s/%s", dir, de->d_name);
        n++;
    }
    closedir(dp);
    if (n > 0)
        qsort(names, n, sizeof *names, compare_names);
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (count >= 0 && stat(names[i], &sb) == 0 && S_ISREG(sb.st_mode)) {
            if (replay_file(names[i]) != 0)
                count = -1;
            else
                count++;
        }
        free(names[i]);
    }
    free(names);
    return count;
}

static long
replay(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return -1;
    }
    if (S_ISDIR(sb.st_mode))
        return replay_dir(path);
    return replay_file(path) == 0 ? 1 : -1;
}

int
main(int argc, char **argv)
{
    long total = 0;

    if (argc < 2) {
        static const char *const dirs[] = {FZ_CORPUS_DIR, FZ_REGRESSIONS_DIR};
        const char *src = getenv("IXJOB_SRCDIR");
        if (src == NULL || src[0] == '\0') {
            fprintf(stderr, "usage: %s FILE|DIR... (or set IXJOB_SRCDIR)\n",
                    argv[0]);
            return 77;
        }
        for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
            char path[4096];
            struct stat sb;
            long n;
            int w = snprintf(path, sizeof path, "%s/%s", src, dirs[i]);
            if (w < 0 || (size_t)w >= sizeof path)
                return 1;
            if (i > 0 && stat(path, &sb) != 0)
                continue; /* no regressions yet */
            if ((n = replay(path)) < 0)
                return 1;
            total += n;
        }
    } else {
        for (int i = 1; i < argc; i++) {
            long n = replay(argv[i]);
            if (n < 0)
                return 1;
            total += n;
        }
    }
    printf("%s: %ld inputs replayed\n", argv[0], total);
    return 0;
}
