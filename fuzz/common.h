/* SPDX-License-Identifier: MIT */
/*
 * What the fuzz targets share: the input header, the option profiles,
 * transcripts (byte logs of everything a run observed, compared between
 * runs), the oracles on errors and paths, and canonical encodings of
 * results and elements.
 *
 * Input layout (every target; fuzz/README.md has the table):
 *
 *   byte 0            type selector: fzm_types[byte % fzm_n_types], i.e.
 *                     AUTO, ANY, then the rows of IXJ_TYPE_MAP in order
 *   byte 1  bit  0    strict mode
 *           bits 1-2  limits profile (FZ_LIMITS_*)
 *           bit  3    validation only (IXJ_OPT_VALIDATE_ONLY)
 *           bit  4    element callbacks
 *           bit  5    a small IXJ_OPT_MAX_RESULT_BYTES (from the mix)
 *           bit  6    IXJ_OPT_GATHER off for every chunked or split feed
 *           bit  7    pinned mix: the 8 bytes after the header are the
 *                     mix (little-endian) instead of the input's hash
 *   byte 2  bits 0-5  chunk size, an index into a table of sizes
 *           bit  6    concatenated stream (else NDJSON)
 *           bit  7    stop early (a callback asks to stop) / fail every
 *                     allocation after the first failed one
 *   rest    the document(s)
 *
 * Missing header bytes count as zero. Everything else a run needs (the
 * split position, which element, where to stop, derived limits) comes
 * from the mix: a hash of the whole input, or the pinned value, so a run
 * depends on its input only. Inputs of the two-byte layout that came
 * before are converted by fuzz/upgrade-header.py, which pins their old
 * hash so that they still mean what they meant.
 */
#ifndef IXJOB_FUZZ_COMMON_H
#define IXJOB_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

/* The libFuzzer entry point, defined by each *_fuzzer.c. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* ------------------------------------------------------------------ */
/* Oracles                                                              */
/* ------------------------------------------------------------------ */

/* An invariant of the library broke (or the harness ran out of memory):
 * names the check on stderr and aborts, so that the fuzzer keeps the
 * input. Nothing is printed while the invariants hold. */
_Noreturn void fz_fail(const char *what, const char *file, int line);

#define FZ_CHECK(cond) ((cond) ? (void)0 : fz_fail(#cond, __FILE__, __LINE__))

/* ------------------------------------------------------------------ */
/* Input header                                                         */
/* ------------------------------------------------------------------ */

enum {
    FZ_LIMITS_DEFAULT = 0, /* every limit at its default */
    FZ_LIMITS_TIGHT = 1,   /* small fixed limits */
    FZ_LIMITS_DERIVED = 2, /* small limits derived from the hash */
    FZ_LIMITS_DOCUMENT = 3 /* a document-size limit inside the input */
};

/* Bytes of the header before the document (or the pinned mix). */
#define FZ_HEADER_SIZE 3

typedef struct fz_config {
    ixj_type type;
    int strict;
    unsigned limits; /* FZ_LIMITS_* */
    int validate_only;
    int elements;
    int small_result; /* byte 1, bit 5 */
    int no_gather;    /* byte 1, bit 6: for chunked and split feeds */
    int concatenated;
    int stop; /* byte 2, bit 7 */
    size_t chunk;
    uint64_t mix;          /* hash of the whole input, or pinned */
    uint64_t result_limit; /* IXJ_OPT_MAX_RESULT_BYTES to use */
    const uint8_t *doc;    /* the bytes after the header; never NULL */
    size_t len;
} fz_config;

void fz_config_parse(fz_config *c, const uint8_t *data, size_t size);

/* How a run feeds its document, for fz_apply_options. */
enum {
    FZ_FEED_WHOLE = 0,  /* one feed: gathering at its default */
    FZ_FEED_PIECES = 1, /* chunked or split: gathering as the header says */
};

/* Sets every option of d for a document of c (validate_only as given;
 * feed FZ_FEED_*). */
void fz_apply_options(ixj_decoder *d, const fz_config *c, int validate_only,
                      int feed);

/* Feeds c's document to a decoder already begun: whole (chunk 0) or in
 * chunk-byte pieces, or in two pieces split at `split` when split <=
 * c->len (pass SIZE_MAX for no split). Stops at the first status other
 * than IXJ_OK, checks that the error is sticky, and returns the status of
 * finish. */
ixj_status fz_feed_all(ixj_decoder *d, const fz_config *c, size_t chunk,
                       size_t split, ixj_result *out);

/* ------------------------------------------------------------------ */
/* Transcripts                                                          */
/* ------------------------------------------------------------------ */

typedef struct fz_buf {
    uint8_t *data;
    size_t len, cap;
} fz_buf;

void fz_put(fz_buf *b, const void *bytes, size_t len);
void fz_put_u64(fz_buf *b, uint64_t v);
/* A NUL-terminated string, length first; NULL is distinct from "". */
void fz_put_str(fz_buf *b, const char *s);
int fz_buf_eq(const fz_buf *a, const fz_buf *b);
/* 1 when a is a prefix of b. */
int fz_buf_prefix(const fz_buf *a, const fz_buf *b);
void fz_buf_free(fz_buf *b);

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

/* Line numbers of a text, counted as far as asked: asking for offsets
 * that do not decrease costs linear time in all. */
typedef struct fz_lines {
    size_t pos;        /* counted up to here */
    uint64_t line;     /* the line of pos (from 1) */
    size_t line_start; /* the offset where that line starts */
} fz_lines;

/* Counts lines up to offset (from the start again when offset is behind
 * what was counted). */
void fz_lines_to(fz_lines *l, const uint8_t *text, size_t offset);

/* Checks an error record against the status that reported it and the
 * text it is about: code and message, a well-formed path, an offset
 * inside the text and the line and column that offset has in it. lines
 * may be NULL, or carry line counts from one call to the next. */
void fz_check_error(const ixj_error *e, ixj_status st, const uint8_t *text,
                    size_t len, fz_lines *lines);

/* Checks that a path is `$` followed by `.key`, `['key']` and `[index]`
 * segments as ixj_error describes them. */
void fz_check_path(const char *path);

/* Appends code, offset, line, column and path. */
void fz_put_error(fz_buf *b, const ixj_error *e);

/* Checks the type a document resolved to (ixj_decoder_type,
 * ixj_document_info.type) against the type it was begun with: that type,
 * or under IXJ_TYPE_AUTO a payload type or (no key decided) AUTO. */
void fz_check_resolved(ixj_type resolved, ixj_type begun);

/* Checks the result of a decode that returned st (zeroed unless IXJ_OK)
 * and appends its outcome: status, error, resolved type, type and
 * counts. */
void fz_put_outcome(fz_buf *b, ixj_decoder *d, const fz_config *c,
                    ixj_status st, const ixj_result *r);

/* ------------------------------------------------------------------ */
/* Encodings                                                            */
/* ------------------------------------------------------------------ */

/* Encodes a payload through ixj_encode_to, checks that ixj_encode gives
 * the same bytes (and IXJ_ERR_SPACE one byte short), and appends the
 * status, the error path and the bytes to out (when not NULL). When
 * bytes is not NULL it receives the bytes alone. */
ixj_status fz_encode(ixj_encoder *e, ixj_type type, const void *value,
                     unsigned flags, fz_buf *out, fz_buf *bytes);

/* Encodes a result's value (its type's payload). */
ixj_status fz_encode_result(ixj_encoder *e, const ixj_result *r, unsigned flags,
                            fz_buf *out, fz_buf *bytes);

/* Encodes one element as the smallest payload that holds it: a job in an
 * envelope, a data-source job in a data-source list, a string in a create
 * request. */
ixj_status fz_encode_element(ixj_encoder *e, ixj_element kind,
                             const void *value, fz_buf *out);

/* Appends, in document order, every element of the given kind that a
 * batch result keeps (kind, index, encoding): what a callback registered
 * for that kind receives. */
void fz_put_batch_elements(fz_buf *b, ixj_encoder *e, const ixj_result *r,
                           ixj_element kind);

/* ------------------------------------------------------------------ */
/* Element callbacks                                                    */
/* ------------------------------------------------------------------ */

typedef struct fz_kept {
    ixj_element kind;
    uint64_t index;
    const void *copy;
} fz_kept;

typedef struct fz_elements {
    ixj_encoder *enc; /* renders the elements */
    fz_buf *log;      /* kind, index, path, encoding; may be NULL */
    fz_buf plain;     /* kind, index, encoding: as fz_put_batch_elements */
    uint64_t count;
    uint64_t stop_at; /* stop at this element (1-based); 0: never */
    /* When copies is not NULL, each element is copied into it and
     * fz_elements_check_copies compares the copies with `plain`. */
    ixj_arena *copies;
    fz_kept *kept;
    size_t n_kept, cap_kept;
} fz_elements;

/* An ixj_element_fn: checks and logs the element. */
int fz_on_element(void *ctx, const ixj_element_info *info);

/* Registers fz_on_element (ctx el) for the kinds in mask (bit k for
 * element k), and no callback for the others. */
void fz_register_elements(ixj_decoder *d, unsigned mask, fz_elements *el);

/* Encodes the copies again, now that the decoder has moved on, and
 * checks that they give `plain`. */
void fz_elements_check_copies(fz_elements *el);

void fz_elements_free(fz_elements *el);

#endif /* IXJOB_FUZZ_COMMON_H */
