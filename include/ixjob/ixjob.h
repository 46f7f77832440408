/* SPDX-License-Identifier: MIT */
/*
 * ixjob.h: streaming decoder and validator for the JSON payloads of
 * DigitalOcean Gradient's knowledge-base indexing-job API.
 *
 * Overview
 *
 *   ixj_decoder *d = ixj_decoder_new(NULL);         // libc allocator
 *   ixj_decoder_begin(d, IXJ_TYPE_AUTO);
 *   while ((n = read(fd, buf, sizeof buf)) > 0)
 *       if (ixj_decoder_feed(d, buf, n) != IXJ_OK)
 *           break;
 *   ixj_result r;
 *   if (ixj_decoder_finish(d, &r) == IXJ_OK)
 *       use(r.as.job->job->uuid.ptr);               // valid until reset
 *   else
 *       report(ixj_decoder_error(d));               // code, path, position
 *   ixj_decoder_free(d);
 *
 * Bytes may arrive in chunks of any size; the result (or the error, with
 * its code, path and position) never depends on how the input was split,
 * and time stays linear however small the chunks are. A decode either
 * returns a complete, fully validated value or an error: never partial
 * data.
 *
 * Threads: a decoder may be used by one thread at a time; distinct
 * decoders share nothing, and the library has no global state.
 *
 * Callbacks (element and document callbacks) run inside the feed or
 * finish that delivers to them. From a callback, the decoder may be read
 * (ixj_decoder_error, ixj_decoder_type, ixj_decoder_get_option) but not
 * driven: every other call on that decoder returns IXJ_ERR_MISUSE (NULL
 * for ixj_decoder_detach) and changes nothing, and ixj_decoder_reset and
 * ixj_decoder_free do nothing. To end a decode early, return nonzero from
 * the callback.
 *
 * ABI: enums only grow at their end; status codes, option numbers, type
 * and element values are never reused. Payload structs (types.h) grow at
 * their end: no payload struct is embedded in another struct or in an
 * array, and the library allocates every one, so each can grow at its
 * end. Callers never allocate payload structs for the library to fill,
 * except as encoder input, where a struct built against an older header
 * is read only up to the fields whose presence bits it sets. Of the other
 * structs, ixj_result (which the library fills in the caller's memory),
 * ixj_allocator (which it reads from there), and ixj_string and
 * ixj_timestamp (held by value in payload structs and arrays) never grow;
 * ixj_error, ixj_element_info and ixj_document_info, which the library
 * allocates and hands out by pointer, may grow at their end
 * (ixj_element_copy reads only `element` and `value` of its argument).
 * Everything here was added in 0.1.0 unless its comment says otherwise;
 * 0.2.0 made object members and arrays of objects pointers (types.h).
 */
#ifndef IXJOB_IXJOB_H
#define IXJOB_IXJOB_H

#include <stddef.h>
#include <stdint.h>

#include <ixjob/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && __GNUC__ >= 4
#define IXJ_API         __attribute__((visibility("default")))
#define IXJ_WARN_UNUSED __attribute__((warn_unused_result))
#else
#define IXJ_API
#define IXJ_WARN_UNUSED
#endif

/* ------------------------------------------------------------------ */
/* Version                                                              */
/* ------------------------------------------------------------------ */

#define IXJ_VERSION_MAJOR  0
#define IXJ_VERSION_MINOR  2
#define IXJ_VERSION_MICRO  0
#define IXJ_VERSION_STRING "0.2.0"
/* 0xMMmmuu: compare with >= to require a version at compile time. */
#define IXJ_VERSION_HEX \
    ((IXJ_VERSION_MAJOR << 16) | (IXJ_VERSION_MINOR << 8) | IXJ_VERSION_MICRO)

/* The version of the library linked at run time, e.g. "0.2.0". */
IXJ_API const char *ixj_version(void);

/* ------------------------------------------------------------------ */
/* Status codes                                                         */
/* ------------------------------------------------------------------ */

/*
 * Every function that can fail returns an ixj_status. Codes are stable and
 * append-only; each has a lower-case name (ixj_status_name) and a static
 * English message (ixj_status_message) that never contains payload bytes.
 *
 * Columns: constant suffix, value, name, message.
 */
#define IXJ_STATUS_MAP(X)                                                    \
    X(OK, 0, "ok", "no error")                                               \
    X(ERR_SYNTAX, 1, "syntax", "malformed JSON text")                        \
    X(ERR_TRUNCATED, 2, "truncated",                                         \
      "input ends before the value is complete")                             \
    X(ERR_TYPE, 3, "type", "value has the wrong JSON type")                  \
    X(ERR_NUMBER, 4, "number",                                               \
      "integer text is not an accepted number literal")                      \
    X(ERR_RANGE, 5, "range", "integer is not exact or out of range")         \
    X(ERR_ENUM, 6, "enum", "enum literal is not in the spec")                \
    X(ERR_TIMESTAMP, 7, "timestamp",                                         \
      "timestamp is not an RFC 3339 date-time in range")                     \
    X(ERR_STRING, 8, "string",                                               \
      "string is not valid UTF-8, has an unpaired surrogate or U+0000")      \
    X(ERR_UNKNOWN_FIELD, 9, "unknown_field", "key is not in the spec")       \
    X(ERR_DUPLICATE_KEY, 10, "duplicate_key",                                \
      "key appears twice in one object")                                     \
    X(ERR_MISSING_FIELD, 11, "missing_field", "a required field is missing") \
    X(ERR_LIMIT, 12, "limit",                                                \
      "nesting, string, number, array or document over its limit")           \
    X(ERR_NOMEM, 13, "nomem", "out of memory")                               \
    X(ERR_MISUSE, 14, "misuse", "call out of order or invalid argument")     \
    X(STOPPED, 15, "stopped", "stopped by a callback")                       \
    X(ERR_SPACE, 16, "space", "output buffer too small")                     \
    X(ERR_UNIDENTIFIED, 17, "unidentified",                                  \
      "no key identifies the payload type")

#define IXJ_STATUS_ENUM_(suffix, value, name, message) IXJ_##suffix = value,
typedef enum ixj_status { IXJ_STATUS_MAP(IXJ_STATUS_ENUM_) } ixj_status;
#undef IXJ_STATUS_ENUM_

/* The lower-case name of a status ("syntax", "duplicate_key", ...), or
 * NULL for a value that is not a status. Static storage. */
IXJ_API const char *ixj_status_name(ixj_status status);

/* A one-line English message for a status, or NULL for a value that is
 * not a status. Static storage; never contains payload bytes. */
IXJ_API const char *ixj_status_message(ixj_status status);

/* ------------------------------------------------------------------ */
/* Payload types                                                        */
/* ------------------------------------------------------------------ */

/*
 * The payload types, one row each: constant suffix (IXJ_TYPE_<suffix>),
 * value, name (as the ixjob command spells it), payload struct (without its
 * ixj_ prefix; see types.h) and member of ixj_result.as. This list is the
 * registry of payload types: the enum below, the result union,
 * ixj_type_name and ixj_type_from_name, auto-detection and the encoder are
 * all generated from it. Values are never reused: a new type takes the
 * next free value (8), whatever its place in the list.
 */
#define IXJ_TYPE_MAP(X)                                                \
    X(JOB, 1, "job", job_envelope, job)                                \
    X(LIST, 2, "list", job_list, list)                                 \
    X(DATA_SOURCES, 3, "data-sources", data_source_list, data_sources) \
    X(SIGNED_URL, 4, "signed-url", signed_url, signed_url)             \
    X(ERROR_BODY, 5, "error", error_body, error_body)                  \
    X(CREATE_REQUEST, 6, "create-request", create_request, create_request)

#define IXJ_TYPE_ENUM_(suffix, value, name, type, member) \
    IXJ_TYPE_##suffix = value,

/* What a decode expects at the top level. */
typedef enum ixj_type {
    /* Decided by the first top-level key that belongs to one type (a
     * lowerCamelCase alias decides too, in default mode). A top-level
     * object in which no key decides, such as `{}`, fails with
     * IXJ_ERR_UNIDENTIFIED. */
    IXJ_TYPE_AUTO = 0,
    /* The payloads: IXJ_TYPE_JOB ({"job"}), IXJ_TYPE_LIST ({"jobs",
     * "links", "meta"}), IXJ_TYPE_DATA_SOURCES ({"indexed_data_sources"}),
     * IXJ_TYPE_SIGNED_URL ({"signed_url"}), IXJ_TYPE_ERROR_BODY (the error
     * body of every non-2xx response: {"id", "message", "request_id"}),
     * IXJ_TYPE_CREATE_REQUEST ({"knowledge_base_uuid",
     * "data_source_uuids"}). */
    IXJ_TYPE_MAP(IXJ_TYPE_ENUM_)
    /* Any JSON value: no schema, but every syntax, string and limit rule
     * (a strict RFC 8259 validator); U+0000 is allowed. No value is
     * kept: the result's value is NULL. */
    IXJ_TYPE_ANY = 7
} ixj_type;
#undef IXJ_TYPE_ENUM_

/* The name of a type as the ixjob command spells it: "auto", "job",
 * "list", "data-sources", "signed-url", "error", "create-request", "any";
 * NULL for a value that is not a type. Static storage. */
IXJ_API const char *ixj_type_name(ixj_type type);

/* Looks up a type by the name ixj_type_name gives (NUL-terminated). Returns
 * 1 and stores the type in *out when found, else returns 0 and leaves *out
 * unchanged. */
IXJ_API int ixj_type_from_name(const char *name, ixj_type *out);

/* ------------------------------------------------------------------ */
/* Enum names                                                           */
/* ------------------------------------------------------------------ */

/* The enums of the payloads (IXJ_ENUM_MAP in types.h), for the generic
 * functions below. */
#define IXJ_ENUM_KIND_(suffix, value, name) IXJ_ENUM_##suffix = value,
typedef enum ixj_enum { IXJ_ENUM_MAP(IXJ_ENUM_KIND_) } ixj_enum;
#undef IXJ_ENUM_KIND_

/*
 * The text of an enum member as decoded: the JSON literal of a known
 * value ("BATCH_JOB_PHASE_RUNNING"), or for ..._UNRECOGNIZED the raw text
 * the payload carried (raw: the member's `<field>_raw`). So printing a
 * phase is one call:
 *
 *   puts(ixj_enum_text(IXJ_ENUM_BATCH_JOB_PHASE, job->phase,
 *                      &job->phase_raw));
 *
 * NULL for a value outside the enum, for an unknown `which`, and for
 * ..._UNRECOGNIZED when raw is NULL or holds no text. Static storage, or
 * raw's text (which lives as long as the decoded value).
 */
IXJ_API const char *ixj_enum_text(ixj_enum which, int value,
                                  const ixj_string *raw);

/* The JSON literal of a known value, or NULL for ..._UNRECOGNIZED, values
 * outside the enum and an unknown `which`. Static storage. */
IXJ_API const char *ixj_enum_name(ixj_enum which, int value);

/* The value of a JSON literal given as len bytes (exact, case-sensitive).
 * Returns 1 and stores the value when the literal is known, else returns 0
 * and stores -1 (..._UNRECOGNIZED). text may be NULL when len is 0. */
IXJ_API int ixj_enum_from_name(ixj_enum which, const char *text, size_t len,
                               int *out);

/* The same, typed, one pair per enum:
 *   const char *ixj_batch_job_phase_name(ixj_batch_job_phase value);
 *   int ixj_batch_job_phase_from_name(const char *text, size_t len,
 *                                     ixj_batch_job_phase *out);
 * and likewise ixj_index_job_status_* and ixj_data_source_status_*. */
#define IXJ_ENUM_FUNCTIONS_(suffix, value, name)                     \
    IXJ_API const char *ixj_##name##_name(ixj_##name v);             \
    IXJ_API int ixj_##name##_from_name(const char *text, size_t len, \
                                       ixj_##name *out);
IXJ_ENUM_MAP(IXJ_ENUM_FUNCTIONS_)
#undef IXJ_ENUM_FUNCTIONS_

/* ------------------------------------------------------------------ */
/* Memory                                                               */
/* ------------------------------------------------------------------ */

/*
 * Allocator hooks, the shape yajl uses. Every byte the decoder uses,
 * yajl's included, goes through them. A hook may fail by returning NULL:
 * the call in progress then returns IXJ_ERR_NOMEM and nothing leaks. The
 * struct is copied; ctx is passed back unchanged. All three functions are
 * required (a constructor given a struct with a NULL member fails).
 * realloc is called with ptr NULL to allocate, and must then behave as
 * malloc; free is never called with NULL.
 */
typedef struct ixj_allocator {
    void *(*malloc)(void *ctx, size_t size);
    void *(*realloc)(void *ctx, void *ptr, size_t size);
    void (*free)(void *ctx, void *ptr);
    void *ctx;
} ixj_allocator;

/* The memory that holds one decoded result: a set of blocks freed
 * together. */
typedef struct ixj_arena ixj_arena;

/* Frees an arena obtained from ixj_decoder_detach and everything in it.
 * NULL is allowed. */
IXJ_API void ixj_arena_free(ixj_arena *arena);

/* ------------------------------------------------------------------ */
/* Errors                                                               */
/* ------------------------------------------------------------------ */

/*
 * The first error of a decode. The path names the value (or key) at fault
 * with keys as they appear in the input, after unescaping: `$` is the top
 * level, `.key` a member whose key matches [A-Za-z_][A-Za-z0-9_]*,
 * `['key']` any other member (with ' and \ escaped by a backslash and
 * control characters as \u00XX), `[3]` an array element. Example:
 * `$.job.data_source_jobs[3].total_bytes`.
 *
 * Position: offset is the 0-based byte offset from the first byte fed
 * since begin: the first byte of the offending value for value errors,
 * the opening quote for key errors, the first byte that cannot continue a
 * valid text for syntax errors, the lead byte of a bad UTF-8 sequence, the
 * backslash of a bad escape, and the input length for truncated input.
 * line and column are 1-based; LF is the only line break and columns count
 * bytes.
 *
 * detail says what was expected and what was found, in a short English
 * phrase ("expected an object, found a string", "raw control character
 * U+0009 in a string", "uint64 must be a decimal string in strict mode",
 * "February has no day 30"): "" when the code says it all. Like the
 * message it is static storage and never holds payload bytes, so it is
 * safe to print anywhere; unlike the code, its wording may improve between
 * releases (match on the code, not on the detail).
 */
typedef struct ixj_error {
    ixj_status code;     /* IXJ_OK when there is no error */
    uint64_t offset;     /* 0-based byte offset */
    uint64_t line;       /* 1-based line */
    uint64_t column;     /* 1-based column, in bytes */
    const char *path;    /* NUL-terminated JSON path, "$..." */
    const char *message; /* ixj_status_message(code) */
    const char *detail;  /* never NULL; "" when there is none */
} ixj_error;

/* ------------------------------------------------------------------ */
/* Decoder                                                              */
/* ------------------------------------------------------------------ */

typedef struct ixj_decoder ixj_decoder;

/* Options, set with ixj_decoder_set_option between documents. A flag
 * takes 0 or 1; a limit takes a value from its minimum (0 unless said)
 * to 2^62. */
typedef enum ixj_option {
    /* 1: strict mode, which checks that a payload is exactly what the
     * published spec documents (no unknown keys, aliases or enum
     * literals; uint64 only as canonical decimal strings, int64 only as
     * plain integer numbers; required fields). 0 (default): ProtoJSON
     * rules, forward-compatible. */
    IXJ_OPT_STRICT = 1,
    /* Deepest nesting of objects and arrays; the top-level container is
     * depth 1. Default 64; from 1 to 2^32 - 2. */
    IXJ_OPT_MAX_DEPTH = 2,
    /* Longest string or key, in raw bytes between the quotes (escapes
     * count as written). Default 1 MiB; 0 allows only empty strings. */
    IXJ_OPT_MAX_STRING_BYTES = 3,
    /* Longest number token, in bytes. Default 1024; at least 1. */
    IXJ_OPT_MAX_NUMBER_BYTES = 4,
    /* Most elements in one array. Default 10,000,000; 0 allows only
     * empty arrays. */
    IXJ_OPT_MAX_ARRAY_ELEMENTS = 5,
    /* Most bytes in one document; 0 (default) means unlimited. */
    IXJ_OPT_MAX_DOCUMENT_BYTES = 6,
    /* 1: validate only. Every array is dropped element by element, as if
     * streamed to a callback that does nothing: memory stays bounded by
     * the limits whatever the input's size. The result keeps scalars and
     * the count of each array, whose pointer is NULL. Element callbacks
     * (ixj_decoder_on_element) are not called. Default 0. */
    IXJ_OPT_VALIDATE_ONLY = 7,
    /* Most bytes the kept result may take in memory (structs, strings and
     * arrays; what element callbacks and validation-only drop does not
     * count). Input can ask for far more memory than its own size (each
     * 3-byte `{},` of `jobs` is a struct of over 200 bytes): this bounds
     * it. Default 256 MiB; 0 means unlimited. IXJ_ERR_LIMIT at the value
     * whose memory would pass it. */
    IXJ_OPT_MAX_RESULT_BYTES = 8,
    /* 1 (default): chunks shorter than 512 bytes are gathered, up to
     * 4 KiB, before they are scanned (a scan per tiny chunk would cost
     * more than its bytes), so an error in them may be returned by a later
     * feed or by finish. 0: every chunk is scanned by the feed that brings
     * it. The outcome (value, or code, path and position) is the same. */
    IXJ_OPT_GATHER = 9
} ixj_option;

#define IXJ_DEFAULT_MAX_DEPTH          64
#define IXJ_DEFAULT_MAX_STRING_BYTES   (1024u * 1024u)
#define IXJ_DEFAULT_MAX_NUMBER_BYTES   1024u
#define IXJ_DEFAULT_MAX_ARRAY_ELEMENTS 10000000u
#define IXJ_DEFAULT_MAX_DOCUMENT_BYTES 0u
#define IXJ_DEFAULT_MAX_RESULT_BYTES   (256u * 1024u * 1024u)

/* A decoded document. */
typedef struct ixj_result {
    ixj_type type; /* the type decoded; IXJ_TYPE_AUTO (0) only in the
                      zeroed result of a failed finish */
    /* The value: `as.value`, or typed, `as.job` for IXJ_TYPE_JOB and so on
     * (the members IXJ_TYPE_MAP names). */
    union {
        const void *value; /* NULL for IXJ_TYPE_ANY */
#define IXJ_RESULT_MEMBER_(suffix, value, name, type, member) \
    const ixj_##type *member;
        IXJ_TYPE_MAP(IXJ_RESULT_MEMBER_)
#undef IXJ_RESULT_MEMBER_
    } as;
    /* Keys skipped because the spec does not know them (default mode);
     * keys inside a skipped value are not counted. */
    uint64_t unknown_fields;
    /* Enum literals decoded as ..._UNRECOGNIZED (default mode). */
    uint64_t unrecognized_enums;
} ixj_result;

/*
 * Creates a decoder. alloc may be NULL for malloc/realloc/free; the hooks
 * are copied and also serve yajl. Returns NULL when memory runs out.
 */
IXJ_API ixj_decoder *ixj_decoder_new(const ixj_allocator *alloc);

/* Frees a decoder and the result it holds. NULL is allowed. Does nothing
 * when called from one of the decoder's own callbacks. */
IXJ_API void ixj_decoder_free(ixj_decoder *d);

/*
 * Sets an option for the documents begun after this call.
 * Returns IXJ_OK, or IXJ_ERR_MISUSE when a document is in progress, the
 * option is unknown or the value is out of its range (the option is then
 * unchanged).
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_decoder_set_option(ixj_decoder *d,
                                                          ixj_option option,
                                                          uint64_t value);

/* The current value of an option, or 0 for an unknown option. */
IXJ_API uint64_t ixj_decoder_get_option(const ixj_decoder *d,
                                        ixj_option option);

/*
 * Starts a document of the given type. Any previous result or error is
 * discarded (as by ixj_decoder_reset).
 * Returns IXJ_OK; IXJ_ERR_MISUSE when a document is already in progress
 * or type is not an ixj_type; IXJ_ERR_NOMEM.
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_decoder_begin(ixj_decoder *d,
                                                     ixj_type type);

/*
 * Feeds len bytes of the document. The caller's bytes are not referenced
 * after the call returns. len may be 0.
 * Returns IXJ_OK, or the document's first error (IXJ_ERR_SYNTAX to
 * IXJ_ERR_NOMEM, or IXJ_ERR_UNIDENTIFIED; details from ixj_decoder_error),
 * or IXJ_STOPPED when a callback stopped the decode. After
 * an error every feed and finish returns the same error until the next
 * begin or reset. IXJ_ERR_MISUSE (which does not change the state) when
 * no document is in progress.
 *
 * Chunks shorter than 512 bytes are gathered (up to 4 KiB) before they
 * are examined, unless IXJ_OPT_GATHER is 0, so an error in them may be
 * returned by a later feed or by finish; the error itself (code, path,
 * position) does not depend on the chunking.
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_decoder_feed(ixj_decoder *d,
                                                    const void *data,
                                                    size_t len);

/*
 * Ends the document: the input is complete. On IXJ_OK, *out describes the
 * decoded value, which stays valid until the next begin, reset or free of
 * this decoder (or, after ixj_decoder_detach, until ixj_arena_free).
 * Returns IXJ_OK or the document's first error (input that ends inside a
 * value is IXJ_ERR_TRUNCATED); *out is then zeroed. IXJ_ERR_MISUSE when
 * no document is in progress.
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_decoder_finish(ixj_decoder *d,
                                                      ixj_result *out);

/*
 * One-shot decode of a whole buffer: begin, feed, finish. Same results
 * and lifetime as those calls.
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_decode(ixj_decoder *d, ixj_type type,
                                              const void *data, size_t len,
                                              ixj_result *out);

/* Discards the document in progress, its error and its result; keeps the
 * options and the memory the decoder has grown, for reuse. Does nothing
 * when called from one of the decoder's own callbacks. */
IXJ_API void ixj_decoder_reset(ixj_decoder *d);

/* The current error: code IXJ_OK when there is none. The record and its
 * path stay valid until the next begin, reset or free. Never NULL. */
IXJ_API const ixj_error *ixj_decoder_error(const ixj_decoder *d);

/*
 * The payload type of the document in progress or last ended: the type it
 * was begun with, or under IXJ_TYPE_AUTO the type detection chose;
 * IXJ_TYPE_AUTO while no key has decided it (as after an error at the
 * first byte). Names the type of a document that failed.
 */
IXJ_API ixj_type ixj_decoder_type(const ixj_decoder *d);

/*
 * Hands the memory of the last successful result to the caller, who frees
 * it with ixj_arena_free; the result stays valid until then, whatever
 * happens to the decoder. Returns NULL when there is no result to detach
 * (no successful finish since the last begin, or already detached).
 */
IXJ_API IXJ_WARN_UNUSED ixj_arena *ixj_decoder_detach(ixj_decoder *d);

/* ------------------------------------------------------------------ */
/* Element streaming                                                    */
/* ------------------------------------------------------------------ */

/*
 * The repeated fields whose elements can be delivered one at a time, one
 * row each: constant suffix (IXJ_ELEMENT_<suffix>), value, and the type of
 * an element without its ixj_ prefix. Which fields deliver which element
 * is the last column of the field lists in types.h:
 *   JOBS                  jobs[] of a list
 *   DATA_SOURCE_JOBS      a job's data_source_jobs[]
 *   INDEXED_DATA_SOURCES  indexed_data_sources[] of a data-source list
 *   DATA_SOURCE_UUIDS     data_source_uuids[] of a job or a create request
 */
#define IXJ_ELEMENT_MAP(X)                      \
    X(JOBS, 1, job)                             \
    X(DATA_SOURCE_JOBS, 2, data_source_job)     \
    X(INDEXED_DATA_SOURCES, 3, data_source_job) \
    X(DATA_SOURCE_UUIDS, 4, string)

#define IXJ_ELEMENT_ENUM_(suffix, value, type) IXJ_ELEMENT_##suffix = value,
typedef enum ixj_element { IXJ_ELEMENT_MAP(IXJ_ELEMENT_ENUM_) } ixj_element;
#undef IXJ_ELEMENT_ENUM_

/* An element, complete and valid, as a callback receives it. */
typedef struct ixj_element_info {
    ixj_element element;
    uint64_t index;    /* its position in its array */
    const char *path;  /* its JSON path, e.g. "$.jobs[3].data_source_jobs[0]" */
    const void *value; /* the element: the struct named above (an
                          ixj_job, ...), or an ixj_string */
} ixj_element_info;

/*
 * Receives an element as soon as it is complete and valid. The element and
 * its path stay valid only during the call (copy it with ixj_element_copy
 * to keep it): afterwards its memory is reused, so memory does not grow
 * with the number of elements. Return 0 to go on; anything else stops the
 * decode: the feed or finish in progress returns IXJ_STOPPED, as do later
 * calls until the next begin or reset. Elements nested in an element come
 * first (each data-source job of jobs[3], then jobs[3]). The document may
 * still fail after an element was delivered; the callback has then
 * received exactly the elements completed before the error.
 */
typedef int (*ixj_element_fn)(void *ctx, const ixj_element_info *info);

/*
 * Delivers the elements of a repeated field to fn instead of keeping them:
 * in the result, that array keeps its presence bit and count and its
 * pointer is NULL. fn == NULL goes back to keeping them. Applies to the
 * documents begun after the call.
 * Returns IXJ_OK, or IXJ_ERR_MISUSE when a document is in progress or
 * `element` is not an ixj_element.
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_decoder_on_element(ixj_decoder *d,
                                                          ixj_element element,
                                                          ixj_element_fn fn,
                                                          void *ctx);

/* Creates an empty arena, for copies; alloc as for ixj_decoder_new. */
IXJ_API ixj_arena *ixj_arena_new(const ixj_allocator *alloc);

/* Copies an element and everything it points to (every struct and
 * string, deeply) into an arena, where it lives until ixj_arena_free.
 * info->value must be an element the library delivered, or a copy of
 * one: the struct is copied whole. Returns the copy, or NULL when out of
 * memory. */
IXJ_API const void *ixj_element_copy(ixj_arena *arena,
                                     const ixj_element_info *info);

/* Copies a decoded result's value, and every struct and string it points
 * to, into an arena; *copy then refers to the copy. The value must be one
 * the library decoded or copied. Returns IXJ_OK, IXJ_ERR_NOMEM, or
 * IXJ_ERR_MISUSE for a result without a value. */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_result_copy(ixj_arena *arena,
                                                   const ixj_result *result,
                                                   ixj_result *copy);

/* ------------------------------------------------------------------ */
/* Document streams                                                     */
/* ------------------------------------------------------------------ */

typedef enum ixj_stream_format {
    /* One document per line (LF; a CR before it is whitespace). Blank and
     * whitespace-only lines are skipped. After an error, decoding resumes
     * at the next line. */
    IXJ_STREAM_NDJSON = 1,
    /* JSON values one after another, with or without whitespace between.
     * A value error ends only its document; an error in the text itself
     * (syntax, string, limit) ends the stream, whose document boundaries
     * are then lost. */
    IXJ_STREAM_CONCATENATED = 2
} ixj_stream_format;

/* A document of a stream, as its callback receives it. */
typedef struct ixj_document_info {
    /* NDJSON: the line of the record (from 1); concatenated: the document's
     * number (from 1). */
    uint64_t record;
    uint64_t start;    /* offset of the value's first byte */
    uint64_t end;      /* offset after its last byte (or where it failed) */
    ixj_status status; /* IXJ_OK, or the document's error */
    const ixj_result *result; /* when IXJ_OK */
    const ixj_error *error;   /* when not */
    /* The resolved type (see ixj_decoder_type); IXJ_TYPE_AUTO when the
     * document failed before any key decided it. */
    ixj_type type;
} ixj_document_info;

/* Receives each document of a stream. The result and the error stay valid
 * only during the call. Return 0 to go on; anything else stops the stream
 * (IXJ_STOPPED). */
typedef int (*ixj_document_fn)(void *ctx, const ixj_document_info *doc);

/*
 * Starts a stream of documents of the given type. Feed it like one
 * document, in chunks of any size; each document goes to fn, with its own
 * result or error, as soon as it ends: at the latest by the feed that
 * brings the next newline (of small chunks, only 4 KiB are gathered before
 * a scan, and a newline scans them at once), else by the one that brings
 * the next 4 KiB, or by finish. Positions count from the start of
 * the stream. One decoder, and one yajl handle where possible, serves the
 * whole stream: once warm, a document costs no allocation.
 * ixj_decoder_feed and ixj_decoder_finish then return IXJ_OK while the
 * stream goes on, however many documents failed; IXJ_STOPPED when fn or an
 * element callback stopped it; IXJ_ERR_NOMEM; or, in a concatenated
 * stream whose text has an error, the error of the document that error
 * ended (its first error, which an earlier value error in the same
 * document may be, as for `[1,]` in a stream of objects: type). finish
 * delivers a last document
 * that the end of input cuts short (as truncated) and leaves *out zeroed.
 * Returns IXJ_OK, or IXJ_ERR_MISUSE when a document is in progress, fn is
 * NULL, or an argument is out of its enum.
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_decoder_begin_stream(
    ixj_decoder *d, ixj_type type, ixj_stream_format format, ixj_document_fn fn,
    void *ctx);

/* ------------------------------------------------------------------ */
/* Encoder                                                              */
/* ------------------------------------------------------------------ */

/*
 * The canonical JSON of a payload, the form `ixjob dump` prints and a
 * client sends:
 *
 *   - keys in table order (the spec's alphabetical order), snake_case;
 *   - absent fields omitted; a present field stays present (an empty
 *     array is [], an empty string "");
 *   - uint64 fields as strings of plain decimal digits ("0",
 *     "18446744073709551615"), int64 fields as JSON integers;
 *   - enums as their literal; an unrecognized value as its raw text;
 *   - timestamps in UTC with Z and 0, 3, 6 or 9 fraction digits, the
 *     fewest that are exact (2026-03-02T15:05:11+01:00 becomes
 *     2026-03-02T14:05:11Z; .5 becomes .500);
 *   - strings escaped minimally, as yajl's generator does: \" and \\, the
 *     short forms \b \f \n \r \t, other control characters as \u00XX;
 *     "/", DEL and non-ASCII bytes as they are.
 *
 * Compact by default; IXJ_ENCODE_PRETTY indents by two spaces, one member
 * or element per line, and ends with a newline. The same value always
 * encodes to the same bytes, and decoding them gives the value back
 * (timestamps as instants: the written offset becomes Z).
 *
 * Encoding refuses what decoding could never produce, and names the
 * value's path in ixj_encoder_error (whose offset, line and column are 0):
 *   IXJ_ERR_ENUM       an enum value outside its enum, or UNRECOGNIZED
 *                      without raw text
 *   IXJ_ERR_STRING     a string that is not UTF-8, holds U+0000, or is
 *                      NULL while present
 *   IXJ_ERR_TIMESTAMP  seconds outside 0001..9999 or nanos outside
 *                      0..999999999
 *   IXJ_ERR_MISUSE     an array with elements but a NULL pointer (a
 *                      streamed array); a present object, or an element
 *                      of an array of objects, whose pointer is NULL (a
 *                      set bit always needs its struct); a NULL value; a
 *                      type that has no value (IXJ_TYPE_AUTO,
 *                      IXJ_TYPE_ANY)
 * The value is checked in full before any output: a refused value writes
 * nothing.
 */
typedef struct ixj_encoder ixj_encoder;

#define IXJ_ENCODE_PRETTY 1u /* indent by two spaces, end with a newline */

/* Receives the output in pieces, in order. Return 0 to go on, anything
 * else to stop: the encode then returns IXJ_STOPPED. */
typedef int (*ixj_write_fn)(void *ctx, const char *bytes, size_t len);

/* Creates an encoder; alloc as for ixj_decoder_new. NULL when out of
 * memory or when alloc is incomplete. */
IXJ_API ixj_encoder *ixj_encoder_new(const ixj_allocator *alloc);

/* Frees an encoder. NULL is allowed. */
IXJ_API void ixj_encoder_free(ixj_encoder *e);

/*
 * Writes the canonical JSON of value, a payload of the given type (the
 * struct that ixj_result.as points to), into buf of size bytes. *len
 * receives the length of the whole output, without the NUL that follows
 * it when size > *len.
 * Returns IXJ_OK; IXJ_ERR_SPACE when size <= *len (buf then holds a
 * prefix; call again with *len + 1 bytes); IXJ_ERR_NOMEM; or a refusal
 * listed above (*len is then 0).
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_encode(ixj_encoder *e, ixj_type type,
                                              const void *value, unsigned flags,
                                              char *buf, size_t size,
                                              size_t *len);

/*
 * Writes the canonical JSON of value through write, in pieces.
 * Returns IXJ_OK; IXJ_STOPPED when write asked to stop; IXJ_ERR_NOMEM; or
 * a refusal listed above.
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_encode_to(ixj_encoder *e, ixj_type type,
                                                 const void *value,
                                                 unsigned flags,
                                                 ixj_write_fn write, void *ctx);

/* The last encode's error: code IXJ_OK when it succeeded. Valid until the
 * next encode or free. Never NULL. */
IXJ_API const ixj_error *ixj_encoder_error(const ixj_encoder *e);

/* A buffer of this many bytes always holds ixj_timestamp_format's text
 * and its NUL ("9999-12-31T23:59:59.999999999Z" is 30 bytes). */
#define IXJ_TIMESTAMP_TEXT_MAX 32

/*
 * Writes the canonical text of a timestamp (UTC, Z, 0/3/6/9 fraction
 * digits), as snprintf does: at most size bytes, the last of them a NUL
 * (nothing when size is 0; out may then be NULL). Returns the length of
 * the whole text, which fits when it is less than size; or 0 (with an
 * empty string when size > 0) when seconds or nanos are out of range.
 */
IXJ_API size_t ixj_timestamp_format(const ixj_timestamp *t, char *out,
                                    size_t size);

/* ------------------------------------------------------------------ */
/* JSON Schema                                                          */
/* ------------------------------------------------------------------ */

#define IXJ_SCHEMA_STRICT 1u /* the strict-mode form of the schema */
#define IXJ_SCHEMA_PRETTY 2u /* indent by two spaces, end with a newline */

/*
 * Writes a JSON Schema (draft 2020-12) of a payload type, generated from
 * the same field tables as the decoder, in its default-mode form (aliases,
 * unknown keys, integers in either JSON form, unrecognized enum literals
 * and null accepted) or with IXJ_SCHEMA_STRICT its strict form, so that
 * other tools share ixjob's rules as far as JSON Schema can express them.
 * Every object and enum is in $defs; keys are in alphabetical order, so
 * the output is always the same bytes. What it cannot express (exact
 * integer values of number forms, the UTC range of a timestamp after its
 * offset, duplicate keys, UTF-8 and surrogate pairing, U+0000, limits,
 * auto-detection) is listed in the schema's "$comment"; calendar dates
 * are in its timestamp pattern. Compact by default; IXJ_SCHEMA_PRETTY
 * indents by two spaces and ends with a newline. Output goes to write in
 * pieces of at most 1 KiB; nothing is allocated.
 * Returns IXJ_OK; IXJ_STOPPED when write asked to stop (it is not called
 * again); IXJ_ERR_MISUSE for a type without a schema (IXJ_TYPE_AUTO,
 * IXJ_TYPE_ANY, or not a type), unknown flags or a NULL write.
 */
IXJ_API IXJ_WARN_UNUSED ixj_status ixj_schema_write(ixj_type type,
                                                    unsigned flags,
                                                    ixj_write_fn write,
                                                    void *ctx);

#ifdef __cplusplus
}
#endif

#endif /* IXJOB_IXJOB_H */
