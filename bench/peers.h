/* SPDX-License-Identifier: MIT */
/*
 * The peers of bench_decode: libraries a user could pick instead of
 * ixjob. Each parses one job document ({"job": ...}) into its own DOM and
 * walks the DOM into the public structs of ixjob/types.h, the same fields
 * ixjob fills: strings copied (NUL-terminated), uint64 strings converted,
 * timestamps parsed to ixj_timestamp, enum literals looked up (unknown
 * ones kept as raw text), int64 numbers and booleans converted, arrays
 * allocated and filled; then it frees the DOM. The filled structs live in
 * a bump arena that is reset for each document, as a warm ixjob decoder
 * reuses its arena.
 *
 * The walk itself is written once (peer_walk.h, generated from the rows
 * below) and compiled into each peer file against that
 * library's accessors; the conversions (peer_u64, peer_timestamp,
 * peer_enum) are shared, so the peers differ only by their library.
 * Which peers exist is decided by configure: a peer that was not found
 * keeps its row here with parse == NULL.
 */
#ifndef IXJOB_BENCH_PEERS_H
#define IXJOB_BENCH_PEERS_H

#include <stddef.h>
#include <stdint.h>

#include <ixjob/ixjob.h>

/*
 * The fields the walks fill and the checks compare, one row each:
 * presence bit, member (which is also the JSON key), kind (as in
 * types.h) and the enum or struct it refers to. These are types.h's
 * field lists without the columns the peers do not use, written out
 * here so that the benchmark does not depend on the lists' macro
 * signature (a library internal that changes); peers.c checks at compile
 * time that each list names exactly the presence bits of its struct, so
 * a field added to the library stops the build until it is added here.
 */
#define BENCH_DATA_SOURCE_JOB_ROWS(X)                                         \
    X(IXJ_DATA_SOURCE_JOB_COMPLETED_AT, completed_at, TIMESTAMP, none)        \
    X(IXJ_DATA_SOURCE_JOB_DATA_SOURCE_UUID, data_source_uuid, STRING, none)   \
    X(IXJ_DATA_SOURCE_JOB_ERROR_DETAILS, error_details, STRING, none)         \
    X(IXJ_DATA_SOURCE_JOB_ERROR_MSG, error_msg, STRING, none)                 \
    X(IXJ_DATA_SOURCE_JOB_FAILED_ITEM_COUNT, failed_item_count, UINT64, none) \
    X(IXJ_DATA_SOURCE_JOB_INDEXED_FILE_COUNT, indexed_file_count, UINT64,     \
      none)                                                                   \
    X(IXJ_DATA_SOURCE_JOB_INDEXED_ITEM_COUNT, indexed_item_count, UINT64,     \
      none)                                                                   \
    X(IXJ_DATA_SOURCE_JOB_REMOVED_ITEM_COUNT, removed_item_count, UINT64,     \
      none)                                                                   \
    X(IXJ_DATA_SOURCE_JOB_SKIPPED_ITEM_COUNT, skipped_item_count, UINT64,     \
      none)                                                                   \
    X(IXJ_DATA_SOURCE_JOB_STARTED_AT, started_at, TIMESTAMP, none)            \
    X(IXJ_DATA_SOURCE_JOB_STATUS, status, ENUM, data_source_status)           \
    X(IXJ_DATA_SOURCE_JOB_TOTAL_BYTES, total_bytes, UINT64, none)             \
    X(IXJ_DATA_SOURCE_JOB_TOTAL_BYTES_INDEXED, total_bytes_indexed, UINT64,   \
      none)                                                                   \
    X(IXJ_DATA_SOURCE_JOB_TOTAL_FILE_COUNT, total_file_count, UINT64, none)

#define BENCH_JOB_ROWS(X)                                                \
    X(IXJ_JOB_COMPLETED_DATASOURCES, completed_datasources, INT64, none) \
    X(IXJ_JOB_CREATED_AT, created_at, TIMESTAMP, none)                   \
    X(IXJ_JOB_DATA_SOURCE_JOBS, data_source_jobs, OBJECT_ARRAY,          \
      data_source_job)                                                   \
    X(IXJ_JOB_DATA_SOURCE_UUIDS, data_source_uuids, STRING_ARRAY, none)  \
    X(IXJ_JOB_FINISHED_AT, finished_at, TIMESTAMP, none)                 \
    X(IXJ_JOB_IS_REPORT_AVAILABLE, is_report_available, BOOL, none)      \
    X(IXJ_JOB_KNOWLEDGE_BASE_UUID, knowledge_base_uuid, STRING, none)    \
    X(IXJ_JOB_PHASE, phase, ENUM, batch_job_phase)                       \
    X(IXJ_JOB_STARTED_AT, started_at, TIMESTAMP, none)                   \
    X(IXJ_JOB_STATUS, status, ENUM, index_job_status)                    \
    X(IXJ_JOB_TOKENS, tokens, INT64, none)                               \
    X(IXJ_JOB_TOTAL_DATASOURCES, total_datasources, INT64, none)         \
    X(IXJ_JOB_TOTAL_ITEMS_FAILED, total_items_failed, UINT64, none)      \
    X(IXJ_JOB_TOTAL_ITEMS_INDEXED, total_items_indexed, UINT64, none)    \
    X(IXJ_JOB_TOTAL_ITEMS_REMOVED, total_items_removed, UINT64, none)    \
    X(IXJ_JOB_TOTAL_ITEMS_SKIPPED, total_items_skipped, UINT64, none)    \
    X(IXJ_JOB_TOTAL_TOKENS, total_tokens, UINT64, none)                  \
    X(IXJ_JOB_UPDATED_AT, updated_at, TIMESTAMP, none)                   \
    X(IXJ_JOB_UUID, uuid, STRING, none)

#define BENCH_JOB_ENVELOPE_ROWS(X) X(IXJ_JOB_ENVELOPE_JOB, job, OBJECT, job)

typedef struct peer_state peer_state;

/*
 * Parses the len bytes of one job document and returns the envelope it
 * filled, valid until the next call on st; NULL when the library rejects
 * the text or a field has the wrong JSON type or form. text[len] must be
 * readable (bench inputs have a newline or a NUL there): yajl_tree needs
 * a NUL-terminated text and copies the document only when that byte is
 * not NUL.
 */
typedef const ixj_job_envelope *(*peer_parse_fn)(peer_state *st,
                                                 const char *text, size_t len);

/* The peers, in the order bench_decode shows them. */
enum peer_id { PEER_CJSON, PEER_YAJL_TREE, PEER_JANSSON, PEER_JSON_C, N_PEERS };

typedef struct peer {
    const char *method;  /* bench_decode's method name: "cjson" */
    const char *library; /* "cJSON" */
    const char *package; /* what configure looks for: "libcjson" */
    peer_parse_fn parse; /* NULL when configure did not find the library */
    /* The version of the library linked at run time, or NULL. */
    const char *(*version)(void);
    /* Frees a library handle kept in peer_state (json-c's tokener). */
    void (*release)(void *handle);
} peer;

extern const peer bench_peers[N_PEERS];

peer_state *peer_state_new(void);
void peer_state_free(peer_state *st);

/* Compares two envelopes field by field (presence bits, values, raw enum
 * texts, array counts and elements). Returns 1 when they are equal, else
 * 0 with the path of the first difference in why (cap bytes). */
int peer_envelope_equal(const ixj_job_envelope *a, const ixj_job_envelope *b,
                        char *why, size_t cap);

/* ------------------------------------------------ for the peer files */

/* Forgets the structs of the previous document (keeps the memory). */
void peer_reset(peer_state *st);

/* size zeroed bytes, aligned for any type, until the next reset. Aborts
 * when memory runs out. */
void *peer_alloc(peer_state *st, size_t size);

/* Copies n bytes and a NUL into the arena; *out refers to the copy. */
void peer_copy_string(peer_state *st, const char *s, size_t n, ixj_string *out);

/* A scratch buffer of at least n bytes, kept across documents. */
char *peer_scratch(peer_state *st, size_t n);

/* The handle slot of a peer (a reusable parser object), NULL at first;
 * freed with the peer's release function. */
void **peer_handle(peer_state *st, enum peer_id id);

/* A uint64 from its decimal text (1 to 20 digits, no leading zero,
 * nothing else). Returns 0 when the text is not one or overflows. */
int peer_u64(const char *s, size_t n, uint64_t *out);

/* An RFC 3339 timestamp, the profile ixjob accepts:
 * YYYY-MM-DDTHH:MM:SS[.F{1,9}](Z|+HH:MM|-HH:MM), a real date, no leap
 * second, the instant within 0001..9999. Returns 0 when the text is not
 * one. Written apart from lib/rfc3339.c, so that the check of the walks
 * also cross-checks the two. */
int peer_timestamp(const char *s, size_t n, ixj_timestamp *out);

/* The value of an enum literal (exact, case-sensitive), or -1 (the
 * ..._UNRECOGNIZED value) when it is not one. */
int peer_enum(ixj_enum which, const char *s, size_t n);

/* The parse functions of the peers that were built. */
const ixj_job_envelope *peer_cjson_parse(peer_state *st, const char *text,
                                         size_t len);
const ixj_job_envelope *peer_yajl_tree_parse(peer_state *st, const char *text,
                                             size_t len);
const ixj_job_envelope *peer_jansson_parse(peer_state *st, const char *text,
                                           size_t len);
const ixj_job_envelope *peer_json_c_parse(peer_state *st, const char *text,
                                          size_t len);
const char *peer_cjson_version(void);
const char *peer_yajl_tree_version(void);
const char *peer_jansson_version(void);
const char *peer_json_c_version(void);
void peer_json_c_release(void *handle);

#endif /* IXJOB_BENCH_PEERS_H */
