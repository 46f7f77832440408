/* SPDX-License-Identifier: MIT */
/*
 * Shared test support: files, options, decoding with any chunking, a text
 * rendering of results and errors (the corpus's expected-output format),
 * and an allocator that counts, measures and fails on demand.
 */
#ifndef IXJOB_TESTUTIL_H
#define IXJOB_TESTUTIL_H

#include <check.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

/* ck_assert_msg for hot loops: Check's asserts each report a checkpoint
 * through a pipe in fork mode, which makes millions of them slow; this
 * only calls into Check when the condition fails. */
#define TU_CHECK(cond, ...)            \
    do {                               \
        if (!(cond))                   \
            ck_abort_msg(__VA_ARGS__); \
    } while (0)

/* A growable NUL-terminated string. */
typedef struct tu_buf {
    char *data;
    size_t len;
    size_t cap;
} tu_buf;

void tu_buf_put(tu_buf *b, const char *text, size_t len);
void tu_buf_puts(tu_buf *b, const char *text);
void tu_buf_printf(tu_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void tu_buf_free(tu_buf *b);

/* Reads a whole file (malloc'd, NUL added after len bytes); NULL when it
 * cannot be read. */
char *tu_read_file(const char *path, size_t *len);

/* The source tree's tests/ directory (IXJOB_TESTS_DIR, set by make).
 * Every file a test reads is under it: the policy corpus in corpus/, the
 * API examples in data/examples/, JSONTestSuite in data/JSONTestSuite/.
 * A test whose data is missing fails; none skips. */
const char *tu_tests_dir(void);

/* 1 normally; a larger stride for exhaustive loops when IXJOB_TEST_QUICK
 * is set (the valgrind run of CI), so that they sample instead. */
unsigned tu_quick_stride(unsigned stride);

/* Decoder options as the corpus's `args:` line gives them. */
typedef struct tu_opts {
    ixj_type type;
    bool strict;
    uint64_t max_result; /* IXJ_OPT_MAX_RESULT_BYTES */
    uint64_t max_depth, max_string, max_number, max_array, max_document;
    /* IXJ_OPT_GATHER: gather small chunks before scanning them, as the
     * library does by default. Off in tu_opts_default, so that each chunk
     * reaches the scanner as fed and chunking tests test the scanner's
     * resumption; chunking tests run with it on too, the library's
     * default. */
    bool gather;
} tu_opts;

void tu_opts_default(tu_opts *o);

/* Applies space-separated arguments (--type=NAME, --strict,
 * --max-depth=N, --max-string=N, --max-number=N, --max-array=N,
 * --max-document=N, --max-result=N). Returns false on an unknown
 * argument. */
bool tu_opts_parse(tu_opts *o, const char *args);

/* Applies options to a decoder. */
void tu_opts_apply(const tu_opts *o, ixj_decoder *d);

/*
 * Decodes len bytes and returns the rendering of the outcome (malloc'd):
 * the result's dump, or the error line. chunk > 0 feeds chunk-byte
 * pieces; split > 0 feeds [0, split) then the rest; both 0 feeds the
 * whole buffer with one feed call.
 */
char *tu_decode_text(ixj_decoder *d, const tu_opts *o, const char *buf,
                     size_t len, size_t chunk, size_t split);

/* Renders a successful result: one line per present value, in table
 * order (see tests/corpus/README.md). */
void tu_render_result(tu_buf *out, const ixj_result *r);

/* Renders only the value, as canonical JSON keeps it: the type and every
 * present value, timestamps as instants (no written offset), no counts of
 * skipped keys. Two results that render alike are equal. */
void tu_render_instants(tu_buf *out, const ixj_result *r);

/* Renders a streamed element the way tu_render_result renders it inside
 * its document (its path, then one line per present value). */
void tu_render_element(tu_buf *out, const ixj_element_info *e);

/* Renders, in document order, every element of one repeated field in a
 * decoded result: what streaming that field delivers. */
void tu_render_elements(tu_buf *out, const ixj_result *r, ixj_element which);

/* Renders an error: "error CODE at PATH offset=O line=L column=C", then
 * "detail: TEXT" on a line of its own when the error has a detail. */
void tu_render_error(tu_buf *out, const ixj_error *e);

/* A corpus case (tests/corpus/README.md): an expectation file and its
 * input. */
typedef struct tu_case {
    char expect_path[1024];
    char input_path[1024];
} tu_case;

/* Every case under dir, sorted by expectation path (malloc'd array). */
tu_case *tu_corpus_list(const char *dir, size_t *count);

/* Reads a case's options (strict mode from the file name, then the
 * `args:` line) and expected rendering (malloc'd). */
void tu_corpus_read(const tu_case *c, tu_opts *o, char **expected);

/* A case with its options, expected rendering and input loaded. */
typedef struct tu_loaded_case {
    const tu_case *paths;
    tu_opts opts;
    char *expected;
    char *text;
    size_t len;
} tu_loaded_case;

/* Calls fn with every case of the policy corpus (tests/corpus), loaded
 * and freed after the call. Returns the number of cases. */
size_t tu_corpus_each(void (*fn)(const tu_loaded_case *c, void *ctx),
                      void *ctx);

/*
 * An allocator that counts calls, tracks live and peak bytes, and fails
 * the fail_at-th call (1-based; 0 never fails) and every later one when
 * fail_rest is set.
 */
typedef struct tu_alloc {
    ixj_allocator hooks;
    uint64_t calls; /* malloc + realloc calls */
    uint64_t frees;
    uint64_t fail_at;
    bool fail_rest;
    bool failed; /* a call was failed */
    size_t live_bytes;
    size_t peak_bytes;
    size_t live_blocks;
} tu_alloc;

void tu_alloc_init(tu_alloc *a);

/* Runs a suite (CK_NORMAL output); returns the number of failed tests. */
int tu_run_suite(Suite *s);

#endif /* IXJOB_TESTUTIL_H */
