/* SPDX-License-Identifier: MIT */
/*
 * ixjob/types.h: the decoded payloads of DigitalOcean Gradient's
 * knowledge-base indexing-job API, as plain C structs.
 *
 * Every payload object is a struct whose first member is `present`, a bit
 * mask with one bit per field. A field is present when the payload carried
 * it with a non-null value; an absent field keeps its zero value, so
 * callers can always tell "absent" from "zero" with IXJ_HAS(). A present
 * empty array has its bit set and a count of 0.
 *
 * The field lists below (IXJ_*_FIELDS) are the single description of each
 * payload: they give the presence-bit constants here and, inside the
 * library, the tables that drive the decoder, the encoder, copies and the
 * JSON Schema export. Each list takes the macro X to apply to its rows and
 * a context C that it passes on as X's first argument. Columns: presence
 * bit, C member (which is also the JSON key), the ProtoJSON lowerCamelCase
 * alias, the value kind, the enum or object the value refers to, and for
 * repeated fields whose elements can be streamed, the ixj_element they are
 * delivered as (NONE otherwise).
 *
 * ABI: rows are in the order the fields were added (0.1.0 had them in the
 * spec's alphabetical key order), and a new field is appended at the end
 * of its list and of its struct, so the presence bit and the offset of
 * every existing field never change. The order of the rows is not the
 * order of keys on the wire: lookups by key use an index built from the
 * lists, and the encoder writes keys in alphabetical order.
 *
 * And so that a struct can grow at its end, no payload struct is
 * embedded in another struct or in an array (since 0.2.0): an object
 * member is a pointer to a struct of its own, an array of objects an
 * array of pointers, and the library allocates every payload struct, so
 * a program built against an older header never indexes or reads past
 * the end it knows. Callers never allocate payload structs for the
 * library to fill, except as encoder input, where a struct built against
 * an older header is read only up to the fields whose presence bits it
 * sets. ixj_string and ixj_timestamp are values, held by value in
 * payload structs and in arrays: they never grow.
 *
 * Scalar representations:
 *   STRING     ixj_string, NUL-terminated UTF-8 with its length
 *   UINT64     uint64_t (the API sends these as decimal strings)
 *   INT64      int64_t (the API sends these as JSON numbers)
 *   BOOL       bool
 *   TIMESTAMP  ixj_timestamp (RFC 3339 text, decoded)
 *   ENUM       a C enum, plus `<member>_raw` holding the text of a literal
 *              this version does not know
 *   OBJECT     a pointer to the object's own struct, NULL when absent
 *   *_ARRAY    a pointer to the elements plus `n_<member>`, their count:
 *              for STRING_ARRAY the ixj_strings themselves, for
 *              OBJECT_ARRAY a pointer per element (`jobs[i]->uuid`)
 *
 * Memory: every pointer in a decoded payload points into the arena that
 * owns the result (see ixjob.h); none is freed on its own.
 */
#ifndef IXJOB_TYPES_H
#define IXJOB_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* A decoded string. Absent: ptr == NULL and len == 0. Present: ptr points
 * to len bytes of valid UTF-8 followed by a NUL byte; the text never holds
 * U+0000, so C string functions see all of it. */
typedef struct ixj_string {
    const char *ptr; /* NUL-terminated UTF-8, or NULL when absent */
    size_t len;      /* bytes before the terminating NUL */
} ixj_string;

/* A decoded RFC 3339 timestamp. The instant is seconds + nanos after the
 * Unix epoch, in UTC whatever offset the text was written with; the
 * written offset is kept for display. Range: 0001-01-01T00:00:00Z to
 * 9999-12-31T23:59:59.999999999Z. The "0001-01-01T00:00:00Z" sentinel that
 * DigitalOcean uses for "unset" decodes as a valid timestamp with
 * seconds == IXJ_TIMESTAMP_MIN_SECONDS; callers decide what it means. */
typedef struct ixj_timestamp {
    int64_t seconds;        /* UTC seconds since 1970-01-01T00:00:00Z */
    int32_t nanos;          /* 0 .. 999999999 */
    int16_t offset_minutes; /* offset written: Z = 0, +01:00 = 60 */
} ixj_timestamp;

#define IXJ_TIMESTAMP_MIN_SECONDS (-62135596800LL) /* 0001-01-01T00:00:00Z */
#define IXJ_TIMESTAMP_MAX_SECONDS 253402300799LL   /* 9999-12-31T23:59:59Z */

/* True when field `bit` of payload object `obj` is present. */
#define IXJ_HAS(obj, bit) ((((obj)->present) >> (bit)) & 1u)

/* The enums, one row each: constant suffix (IXJ_ENUM_<suffix>), value,
 * and type name without its ixj_ prefix. The literal list of each is
 * IXJ_<suffix>_LITERALS below. */
#define IXJ_ENUM_MAP(X)                      \
    X(BATCH_JOB_PHASE, 1, batch_job_phase)   \
    X(INDEX_JOB_STATUS, 2, index_job_status) \
    X(DATA_SOURCE_STATUS, 3, data_source_status)

/* ------------------------------------------------------------------ */
/* Enums. Each literal list gives the C constant IXJ_<PREFIX>_<NAME>    */
/* and the JSON literal "<PREFIX>_<NAME>", in the spec's order; the     */
/* first literal is the spec's default and has the value 0. A literal   */
/* this version does not know decodes (in default mode) as              */
/* ..._UNRECOGNIZED with its text in the field's `_raw` member.         */
/* ------------------------------------------------------------------ */

#define IXJ_ENUM_CONSTANT_(prefix, name) IXJ_##prefix##_##name,

/* BatchJobPhase, field `phase` of a job: the batch-level lifecycle. */
#define IXJ_BATCH_JOB_PHASE_LITERALS(X) \
    X(BATCH_JOB_PHASE, UNKNOWN)         \
    X(BATCH_JOB_PHASE, PENDING)         \
    X(BATCH_JOB_PHASE, RUNNING)         \
    X(BATCH_JOB_PHASE, SUCCEEDED)       \
    X(BATCH_JOB_PHASE, FAILED)          \
    X(BATCH_JOB_PHASE, ERROR)           \
    X(BATCH_JOB_PHASE, CANCELLED)

typedef enum ixj_batch_job_phase {
    IXJ_BATCH_JOB_PHASE_UNRECOGNIZED = -1,
    IXJ_BATCH_JOB_PHASE_LITERALS(IXJ_ENUM_CONSTANT_)
} ixj_batch_job_phase;

/* IndexJobStatus, field `status` of a job: the outcome-oriented status.
 * CANCELLED is the eighth value, added to the spec on 2025-11-21. */
#define IXJ_INDEX_JOB_STATUS_LITERALS(X) \
    X(INDEX_JOB_STATUS, UNKNOWN)         \
    X(INDEX_JOB_STATUS, PARTIAL)         \
    X(INDEX_JOB_STATUS, IN_PROGRESS)     \
    X(INDEX_JOB_STATUS, COMPLETED)       \
    X(INDEX_JOB_STATUS, FAILED)          \
    X(INDEX_JOB_STATUS, NO_CHANGES)      \
    X(INDEX_JOB_STATUS, PENDING)         \
    X(INDEX_JOB_STATUS, CANCELLED)

typedef enum ixj_index_job_status {
    IXJ_INDEX_JOB_STATUS_UNRECOGNIZED = -1,
    IXJ_INDEX_JOB_STATUS_LITERALS(IXJ_ENUM_CONSTANT_)
} ixj_index_job_status;

/* DataSourceStatus, field `status` of a data-source job. */
#define IXJ_DATA_SOURCE_STATUS_LITERALS(X)   \
    X(DATA_SOURCE_STATUS, UNKNOWN)           \
    X(DATA_SOURCE_STATUS, IN_PROGRESS)       \
    X(DATA_SOURCE_STATUS, UPDATED)           \
    X(DATA_SOURCE_STATUS, PARTIALLY_UPDATED) \
    X(DATA_SOURCE_STATUS, NOT_UPDATED)       \
    X(DATA_SOURCE_STATUS, FAILED)            \
    X(DATA_SOURCE_STATUS, CANCELLED)

typedef enum ixj_data_source_status {
    IXJ_DATA_SOURCE_STATUS_UNRECOGNIZED = -1,
    IXJ_DATA_SOURCE_STATUS_LITERALS(IXJ_ENUM_CONSTANT_)
} ixj_data_source_status;

/* ------------------------------------------------------------------ */
/* Payload objects                                                      */
/* ------------------------------------------------------------------ */

#define IXJ_FIELD_BIT_(ctx, bit, member, alias, kind, ref, element) bit,

/* apiIndexedDataSource: one data source of an indexing job (14 fields,
 * unchanged since 2025-06-18). */
#define IXJ_DATA_SOURCE_JOB_FIELDS(X, C)                                     \
    X(C, IXJ_DATA_SOURCE_JOB_COMPLETED_AT, completed_at, "completedAt",      \
      TIMESTAMP, none, NONE)                                                 \
    X(C, IXJ_DATA_SOURCE_JOB_DATA_SOURCE_UUID, data_source_uuid,             \
      "dataSourceUuid", STRING, none, NONE)                                  \
    X(C, IXJ_DATA_SOURCE_JOB_ERROR_DETAILS, error_details, "errorDetails",   \
      STRING, none, NONE)                                                    \
    X(C, IXJ_DATA_SOURCE_JOB_ERROR_MSG, error_msg, "errorMsg", STRING, none, \
      NONE)                                                                  \
    X(C, IXJ_DATA_SOURCE_JOB_FAILED_ITEM_COUNT, failed_item_count,           \
      "failedItemCount", UINT64, none, NONE)                                 \
    X(C, IXJ_DATA_SOURCE_JOB_INDEXED_FILE_COUNT, indexed_file_count,         \
      "indexedFileCount", UINT64, none, NONE)                                \
    X(C, IXJ_DATA_SOURCE_JOB_INDEXED_ITEM_COUNT, indexed_item_count,         \
      "indexedItemCount", UINT64, none, NONE)                                \
    X(C, IXJ_DATA_SOURCE_JOB_REMOVED_ITEM_COUNT, removed_item_count,         \
      "removedItemCount", UINT64, none, NONE)                                \
    X(C, IXJ_DATA_SOURCE_JOB_SKIPPED_ITEM_COUNT, skipped_item_count,         \
      "skippedItemCount", UINT64, none, NONE)                                \
    X(C, IXJ_DATA_SOURCE_JOB_STARTED_AT, started_at, "startedAt", TIMESTAMP, \
      none, NONE)                                                            \
    X(C, IXJ_DATA_SOURCE_JOB_STATUS, status, "status", ENUM,                 \
      data_source_status, NONE)                                              \
    X(C, IXJ_DATA_SOURCE_JOB_TOTAL_BYTES, total_bytes, "totalBytes", UINT64, \
      none, NONE)                                                            \
    X(C, IXJ_DATA_SOURCE_JOB_TOTAL_BYTES_INDEXED, total_bytes_indexed,       \
      "totalBytesIndexed", UINT64, none, NONE)                               \
    X(C, IXJ_DATA_SOURCE_JOB_TOTAL_FILE_COUNT, total_file_count,             \
      "totalFileCount", UINT64, none, NONE)

enum ixj_data_source_job_field {
    IXJ_DATA_SOURCE_JOB_FIELDS(IXJ_FIELD_BIT_, _)
        IXJ_DATA_SOURCE_JOB_FIELD_COUNT
};

typedef struct ixj_data_source_job {
    uint64_t present;              /* IXJ_DATA_SOURCE_JOB_* bits */
    ixj_timestamp completed_at;    /* when this source finished indexing */
    ixj_string data_source_uuid;   /* id of the indexed data source */
    ixj_string error_details;      /* detailed error description */
    ixj_string error_msg;          /* short code of the failing part */
    uint64_t failed_item_count;    /* files that failed */
    uint64_t indexed_file_count;   /* files indexed */
    uint64_t indexed_item_count;   /* items indexed */
    uint64_t removed_item_count;   /* files removed */
    uint64_t skipped_item_count;   /* files skipped */
    ixj_timestamp started_at;      /* when this source started indexing */
    ixj_data_source_status status; /* per-source outcome */
    ixj_string status_raw;         /* text when status is UNRECOGNIZED */
    uint64_t total_bytes;          /* size of the source's files, bytes */
    uint64_t total_bytes_indexed;  /* bytes indexed so far */
    uint64_t total_file_count;     /* files in the source */
} ixj_data_source_job;

/* apiIndexingJob: the union of the seed shape (19 fields, gradient-python
 * v3.8.0) and the newest spec, which dropped the four total_items_*
 * counters and added INDEX_JOB_STATUS_CANCELLED. */
#define IXJ_JOB_FIELDS(X, C)                                                 \
    X(C, IXJ_JOB_COMPLETED_DATASOURCES, completed_datasources,               \
      "completedDatasources", INT64, none, NONE)                             \
    X(C, IXJ_JOB_CREATED_AT, created_at, "createdAt", TIMESTAMP, none, NONE) \
    X(C, IXJ_JOB_DATA_SOURCE_JOBS, data_source_jobs, "dataSourceJobs",       \
      OBJECT_ARRAY, data_source_job, DATA_SOURCE_JOBS)                       \
    X(C, IXJ_JOB_DATA_SOURCE_UUIDS, data_source_uuids, "dataSourceUuids",    \
      STRING_ARRAY, none, DATA_SOURCE_UUIDS)                                 \
    X(C, IXJ_JOB_FINISHED_AT, finished_at, "finishedAt", TIMESTAMP, none,    \
      NONE)                                                                  \
    X(C, IXJ_JOB_IS_REPORT_AVAILABLE, is_report_available,                   \
      "isReportAvailable", BOOL, none, NONE)                                 \
    X(C, IXJ_JOB_KNOWLEDGE_BASE_UUID, knowledge_base_uuid,                   \
      "knowledgeBaseUuid", STRING, none, NONE)                               \
    X(C, IXJ_JOB_PHASE, phase, "phase", ENUM, batch_job_phase, NONE)         \
    X(C, IXJ_JOB_STARTED_AT, started_at, "startedAt", TIMESTAMP, none, NONE) \
    X(C, IXJ_JOB_STATUS, status, "status", ENUM, index_job_status, NONE)     \
    X(C, IXJ_JOB_TOKENS, tokens, "tokens", INT64, none, NONE)                \
    X(C, IXJ_JOB_TOTAL_DATASOURCES, total_datasources, "totalDatasources",   \
      INT64, none, NONE)                                                     \
    X(C, IXJ_JOB_TOTAL_ITEMS_FAILED, total_items_failed, "totalItemsFailed", \
      UINT64, none, NONE)                                                    \
    X(C, IXJ_JOB_TOTAL_ITEMS_INDEXED, total_items_indexed,                   \
      "totalItemsIndexed", UINT64, none, NONE)                               \
    X(C, IXJ_JOB_TOTAL_ITEMS_REMOVED, total_items_removed,                   \
      "totalItemsRemoved", UINT64, none, NONE)                               \
    X(C, IXJ_JOB_TOTAL_ITEMS_SKIPPED, total_items_skipped,                   \
      "totalItemsSkipped", UINT64, none, NONE)                               \
    X(C, IXJ_JOB_TOTAL_TOKENS, total_tokens, "totalTokens", UINT64, none,    \
      NONE)                                                                  \
    X(C, IXJ_JOB_UPDATED_AT, updated_at, "updatedAt", TIMESTAMP, none, NONE) \
    X(C, IXJ_JOB_UUID, uuid, "uuid", STRING, none, NONE)

enum ixj_job_field { IXJ_JOB_FIELDS(IXJ_FIELD_BIT_, _) IXJ_JOB_FIELD_COUNT };

typedef struct ixj_job {
    uint64_t present;                                   /* IXJ_JOB_* bits */
    int64_t completed_datasources;                      /* sources finished */
    ixj_timestamp created_at;                           /* creation time */
    const ixj_data_source_job *const *data_source_jobs; /* per source */
    size_t n_data_source_jobs;
    const ixj_string *data_source_uuids; /* sources included in the job */
    size_t n_data_source_uuids;
    ixj_timestamp finished_at;      /* end time */
    bool is_report_available;       /* details report downloadable */
    ixj_string knowledge_base_uuid; /* knowledge base id */
    ixj_batch_job_phase phase;      /* batch-level lifecycle */
    ixj_string phase_raw;           /* text when phase is UNRECOGNIZED */
    ixj_timestamp started_at;       /* start time */
    ixj_index_job_status status;    /* outcome-oriented status */
    ixj_string status_raw;          /* text when status is UNRECOGNIZED */
    int64_t tokens;                 /* deprecated token count */
    int64_t total_datasources;      /* sources being indexed */
    uint64_t total_items_failed;    /* seed shape only (until 2025-11) */
    uint64_t total_items_indexed;   /* seed shape only (until 2025-11) */
    uint64_t total_items_removed;   /* seed shape only (until 2025-11) */
    uint64_t total_items_skipped;   /* seed shape only (until 2025-11) */
    uint64_t total_tokens;          /* tokens consumed by the job */
    ixj_timestamp updated_at;       /* last modification */
    ixj_string uuid;                /* job id */
} ixj_job;

/* {"job": ...}: the response of create, retrieve and cancel. */
#define IXJ_JOB_ENVELOPE_FIELDS(X, C) \
    X(C, IXJ_JOB_ENVELOPE_JOB, job, "job", OBJECT, job, NONE)

enum ixj_job_envelope_field {
    IXJ_JOB_ENVELOPE_FIELDS(IXJ_FIELD_BIT_, _) IXJ_JOB_ENVELOPE_FIELD_COUNT
};

typedef struct ixj_job_envelope {
    uint64_t present;   /* IXJ_JOB_ENVELOPE_* bits */
    const ixj_job *job; /* the job */
} ixj_job_envelope;

/* apiPages: links of a paginated list (GenAI uses `previous`). */
#define IXJ_PAGES_FIELDS(X, C)                                \
    X(C, IXJ_PAGES_FIRST, first, "first", STRING, none, NONE) \
    X(C, IXJ_PAGES_LAST, last, "last", STRING, none, NONE)    \
    X(C, IXJ_PAGES_NEXT, next, "next", STRING, none, NONE)    \
    X(C, IXJ_PAGES_PREVIOUS, previous, "previous", STRING, none, NONE)

enum ixj_pages_field {
    IXJ_PAGES_FIELDS(IXJ_FIELD_BIT_, _) IXJ_PAGES_FIELD_COUNT
};

typedef struct ixj_pages {
    uint64_t present;    /* IXJ_PAGES_* bits */
    ixj_string first;    /* URL of the first page */
    ixj_string last;     /* URL of the last page */
    ixj_string next;     /* URL of the next page */
    ixj_string previous; /* URL of the previous page */
} ixj_pages;

/* apiLinks */
#define IXJ_LINKS_FIELDS(X, C) \
    X(C, IXJ_LINKS_PAGES, pages, "pages", OBJECT, pages, NONE)

enum ixj_links_field {
    IXJ_LINKS_FIELDS(IXJ_FIELD_BIT_, _) IXJ_LINKS_FIELD_COUNT
};

typedef struct ixj_links {
    uint64_t present;       /* IXJ_LINKS_* bits */
    const ixj_pages *pages; /* page links */
} ixj_links;

/* apiMeta */
#define IXJ_META_FIELDS(X, C)                               \
    X(C, IXJ_META_PAGE, page, "page", INT64, none, NONE)    \
    X(C, IXJ_META_PAGES, pages, "pages", INT64, none, NONE) \
    X(C, IXJ_META_TOTAL, total, "total", INT64, none, NONE)

enum ixj_meta_field { IXJ_META_FIELDS(IXJ_FIELD_BIT_, _) IXJ_META_FIELD_COUNT };

typedef struct ixj_meta {
    uint64_t present; /* IXJ_META_* bits */
    int64_t page;     /* current page */
    int64_t pages;    /* total pages */
    int64_t total;    /* items over all pages */
} ixj_meta;

/* {"jobs", "links", "meta"}: the response of both list endpoints. */
#define IXJ_JOB_LIST_FIELDS(X, C)                                  \
    X(C, IXJ_JOB_LIST_JOBS, jobs, "jobs", OBJECT_ARRAY, job, JOBS) \
    X(C, IXJ_JOB_LIST_LINKS, links, "links", OBJECT, links, NONE)  \
    X(C, IXJ_JOB_LIST_META, meta, "meta", OBJECT, meta, NONE)

enum ixj_job_list_field {
    IXJ_JOB_LIST_FIELDS(IXJ_FIELD_BIT_, _) IXJ_JOB_LIST_FIELD_COUNT
};

typedef struct ixj_job_list {
    uint64_t present;           /* IXJ_JOB_LIST_* bits */
    const ixj_job *const *jobs; /* the jobs of this page */
    size_t n_jobs;
    const ixj_links *links; /* pagination links */
    const ixj_meta *meta;   /* pagination counts */
} ixj_job_list;

/* {"indexed_data_sources": [...]}: GET .../{uuid}/data_sources */
#define IXJ_DATA_SOURCE_LIST_FIELDS(X, C)                                 \
    X(C, IXJ_DATA_SOURCE_LIST_INDEXED_DATA_SOURCES, indexed_data_sources, \
      "indexedDataSources", OBJECT_ARRAY, data_source_job,                \
      INDEXED_DATA_SOURCES)

enum ixj_data_source_list_field {
    IXJ_DATA_SOURCE_LIST_FIELDS(IXJ_FIELD_BIT_, _)
        IXJ_DATA_SOURCE_LIST_FIELD_COUNT
};

typedef struct ixj_data_source_list {
    uint64_t present; /* IXJ_DATA_SOURCE_LIST_* bits */
    const ixj_data_source_job *const *indexed_data_sources;
    size_t n_indexed_data_sources;
} ixj_data_source_list;

/* {"signed_url"}: GET .../{uuid}/details_signed_url */
#define IXJ_SIGNED_URL_FIELDS(X, C) \
    X(C, IXJ_SIGNED_URL_SIGNED_URL, signed_url, "signedUrl", STRING, none, NONE)

enum ixj_signed_url_field {
    IXJ_SIGNED_URL_FIELDS(IXJ_FIELD_BIT_, _) IXJ_SIGNED_URL_FIELD_COUNT
};

typedef struct ixj_signed_url {
    uint64_t present;      /* IXJ_SIGNED_URL_* bits */
    ixj_string signed_url; /* URL of the job's details report */
} ixj_signed_url;

/* The shared error body of every non-2xx response. The spec marks `id`
 * and `message` as required: strict mode reports IXJ_ERR_MISSING_FIELD
 * when either is absent. */
#define IXJ_ERROR_BODY_FIELDS(X, C)                                      \
    X(C, IXJ_ERROR_BODY_ID, id, "id", STRING, none, NONE)                \
    X(C, IXJ_ERROR_BODY_MESSAGE, message, "message", STRING, none, NONE) \
    X(C, IXJ_ERROR_BODY_REQUEST_ID, request_id, "requestId", STRING, none, NONE)

enum ixj_error_body_field {
    IXJ_ERROR_BODY_FIELDS(IXJ_FIELD_BIT_, _) IXJ_ERROR_BODY_FIELD_COUNT
};

typedef struct ixj_error_body {
    uint64_t present;      /* IXJ_ERROR_BODY_* bits */
    ixj_string id;         /* error code, e.g. "not_found" */
    ixj_string message;    /* human-readable message */
    ixj_string request_id; /* id of the failed request */
} ixj_error_body;

/* The body of POST /v2/gen-ai/indexing_jobs. Omitting data_source_uuids
 * (or sending it empty) indexes every data source. */
#define IXJ_CREATE_REQUEST_FIELDS(X, C)                               \
    X(C, IXJ_CREATE_REQUEST_DATA_SOURCE_UUIDS, data_source_uuids,     \
      "dataSourceUuids", STRING_ARRAY, none, DATA_SOURCE_UUIDS)       \
    X(C, IXJ_CREATE_REQUEST_KNOWLEDGE_BASE_UUID, knowledge_base_uuid, \
      "knowledgeBaseUuid", STRING, none, NONE)

enum ixj_create_request_field {
    IXJ_CREATE_REQUEST_FIELDS(IXJ_FIELD_BIT_, _) IXJ_CREATE_REQUEST_FIELD_COUNT
};

typedef struct ixj_create_request {
    uint64_t present;                    /* IXJ_CREATE_REQUEST_* bits */
    const ixj_string *data_source_uuids; /* sources to index */
    size_t n_data_source_uuids;
    ixj_string knowledge_base_uuid; /* knowledge base to index */
} ixj_create_request;

#ifdef __cplusplus
}
#endif

#endif /* IXJOB_TYPES_H */
