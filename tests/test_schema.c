/* SPDX-License-Identifier: MIT */
/*
 * The tables (lib/payloads.c, lib/enums.c), their generated key index
 * (lib/keyindex.c) and their lookups. The lint half checks what the
 * decoder and encoder rely on: presence bits equal to positions (the
 * declaration order is the ABI), members inside their struct, aliases
 * that are the lowerCamelCase of their names, an index whose key order is
 * the names sorted byte-wise and whose hash finds every name and alias,
 * every root key belonging to exactly one type, enum literals matching
 * their C constants, and registries that cover every table.
 */
#include <check.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "schema.h"
#include "testutil.h"

#define objects   ixj__objects
#define N_OBJECTS ixj__n_objects

static bool
is_registered(const ixj__object_desc *o)
{
    for (size_t i = 0; i < ixj__n_objects; i++)
        if (ixj__objects[i] == o)
            return true;
    return false;
}

static void
camel_case(const char *name, char *out)
{
    bool upper = false;
    for (; *name; name++) {
        if (*name == '_') {
            upper = true;
            continue;
        }
        *out++ = upper ? (char)toupper((unsigned char)*name) : *name;
        upper = false;
    }
    *out = '\0';
}

START_TEST(test_table_lint)
{
    const ixj__object_desc *o = objects[_i];
    ck_assert_msg(o->n_fields > 0 && o->n_fields <= 64, "%s", o->name);
    for (unsigned i = 0; i < o->n_fields; i++) {
        const ixj__field *f = &o->fields[i];
        char camel[64];
        ck_assert_msg(f->bit == i, "%s.%s: bit %u at position %u", o->name,
                      f->name, f->bit, i);
        ck_assert_msg(strlen(f->name) == f->name_len, "%s.%s", o->name,
                      f->name);
        ck_assert_msg(strlen(f->alias) == f->alias_len, "%s.%s", o->name,
                      f->name);
        camel_case(f->name, camel);
        ck_assert_msg(strcmp(camel, f->alias) == 0, "%s.%s: alias %s, want %s",
                      o->name, f->name, f->alias, camel);
        ck_assert_msg(f->offset >= sizeof(uint64_t) && f->offset < o->size,
                      "%s.%s: offset %u", o->name, f->name, f->offset);
        if (f->object != NULL)
            ck_assert_msg(is_registered(f->object),
                          "%s.%s: %s is not in "
                          "IXJ__OBJECT_MAP",
                          o->name, f->name, f->object->name);
        if ((o->required >> i) & 1)
            ck_assert_msg(o->missing != NULL && o->missing[i] != 0,
                          "%s.%s: required without a detail", o->name, f->name);
        switch ((ixj__kind)f->kind) {
        case IXJ__KIND_ENUM:
            ck_assert_ptr_nonnull(f->enumeration);
            ck_assert(f->aux_offset > f->offset && f->aux_offset < o->size);
            break;
        case IXJ__KIND_OBJECT:
            /* a pointer to a struct of its own, never one embedded */
            ck_assert_ptr_nonnull(f->object);
            ck_assert(f->offset + sizeof(void *) <= o->size);
            break;
        case IXJ__KIND_OBJECT_ARRAY:
            ck_assert_ptr_nonnull(f->object);
            /* fallthrough */
        case IXJ__KIND_STRING_ARRAY:
            ck_assert(f->aux_offset > f->offset && f->aux_offset < o->size);
            break;
        default:
            ck_assert_ptr_null(f->object);
            ck_assert_ptr_null(f->enumeration);
            break;
        }
    }
    ck_assert_msg((o->required >> o->n_fields) == 0 || o->n_fields == 64,
                  "%s: required bit beyond its fields", o->name);
}
END_TEST

/* The generated index: key order is the names sorted byte-wise, `next`
 * is the inverse permutation plus one, and every slot holds the key that
 * hashes there. */
START_TEST(test_key_index)
{
    const ixj__object_desc *o = objects[_i];
    const ixj__key_index *ix = o->index;
    bool seen[64] = {false};
    unsigned filled = 0;

    ck_assert_ptr_nonnull(ix);
    const ixj__field *previous = NULL;
    for (unsigned i = 0; i < o->n_fields; i++) {
        const ixj__field *f = ixj__field_after(o, i);
        TU_CHECK(f != NULL, "%s: no field at %u", o->name, i);
        ck_assert(!seen[f - o->fields]);
        seen[f - o->fields] = true;
        ck_assert_uint_eq(ixj__next_key(o, f), i + 1);
        if (previous != NULL)
            ck_assert_msg(strcmp(previous->name, f->name) < 0, "%s: key order",
                          o->name);
        previous = f;
    }
    ck_assert_ptr_null(ixj__field_after(o, o->n_fields));
    for (unsigned s = 0; s <= ix->mask; s++) {
        unsigned e = ix->slots[s];
        const ixj__field *f;
        if (e == 0xFF)
            continue;
        filled++;
        ck_assert_uint_lt(e & 0x7F, o->n_fields);
        f = &o->fields[e & 0x7F];
        if (e & 0x80)
            ck_assert_uint_eq(ixj__key_slot(ix, f->alias, f->alias_len), s);
        else
            ck_assert_uint_eq(ixj__key_slot(ix, f->name, f->name_len), s);
    }
    for (unsigned i = 0; i < o->n_fields; i++)
        filled -= strcmp(o->fields[i].alias, o->fields[i].name) != 0 ? 2 : 1;
    ck_assert_uint_eq(filled, 0); /* every key has a slot, nothing else */
}
END_TEST

START_TEST(test_field_counts)
{
    /* The seed shape's 19 job fields, the 14 of a data source. */
    ck_assert_int_eq(ixj__object_job.n_fields, 19);
    ck_assert_int_eq(IXJ_JOB_FIELD_COUNT, 19);
    ck_assert_int_eq(ixj__object_data_source_job.n_fields, 14);
    ck_assert_int_eq(IXJ_DATA_SOURCE_JOB_FIELD_COUNT, 14);
    ck_assert_int_eq(ixj__object_job_list.n_fields, 3);
    ck_assert_int_eq(ixj__object_pages.n_fields, 4);
    ck_assert_int_eq(ixj__object_meta.n_fields, 3);
    ck_assert_int_eq(ixj__object_error_body.n_fields, 3);
    ck_assert_int_eq(ixj__object_create_request.n_fields, 2);
    ck_assert_uint_eq(ixj__object_error_body.required,
                      (1u << IXJ_ERROR_BODY_ID) |
                          (1u << IXJ_ERROR_BODY_MESSAGE));
}
END_TEST

START_TEST(test_find_field)
{
    const ixj__object_desc *o = objects[_i];
    bool alias;
    for (unsigned i = 0; i < o->n_fields; i++) {
        const ixj__field *f = &o->fields[i];
        ck_assert_ptr_eq(
            ixj__find_field(o, f->name, f->name_len, false, &alias), f);
        ck_assert(!alias);
        ck_assert_ptr_eq(ixj__find_field(o, f->name, f->name_len, true, &alias),
                         f);
        ck_assert(!alias);
        /* by alias only when allowed */
        if (strcmp(f->alias, f->name) != 0) {
            ck_assert_ptr_null(
                ixj__find_field(o, f->alias, f->alias_len, false, &alias));
            ck_assert_ptr_eq(
                ixj__find_field(o, f->alias, f->alias_len, true, &alias), f);
            ck_assert(alias);
        }
        /* prefixes and extensions are not the field */
        ck_assert_ptr_ne(
            ixj__find_field(o, f->name, f->name_len - 1, true, &alias), f);
        {
            char longer[80];
            snprintf(longer, sizeof longer, "%sx", f->name);
            ck_assert_ptr_ne(
                ixj__find_field(o, longer, f->name_len + 1, true, &alias), f);
        }
    }
    ck_assert_ptr_null(ixj__find_field(o, "", 0, true, &alias));
    ck_assert_ptr_null(ixj__find_field(o, "UUID", 4, true, &alias));
    ck_assert_ptr_null(ixj__find_field(o, "total_Tokens", 12, true, &alias));
}
END_TEST

START_TEST(test_root_keys_unique)
{
    const ixj_type *types = ixj__payload_types;
    for (size_t t = 0; t < ixj__n_payload_types; t++) {
        const ixj__object_desc *o = ixj__root_object(types[t]);
        ck_assert_ptr_nonnull(o);
        for (unsigned i = 0; i < o->n_fields; i++) {
            const ixj__field *f = &o->fields[i];
            ck_assert_int_eq(ixj__detect_type(f->name, f->name_len, false),
                             types[t]);
            ck_assert_int_eq(ixj__detect_type(f->alias, f->alias_len, true),
                             types[t]);
            for (size_t u = 0; u < ixj__n_payload_types; u++) {
                bool alias;
                if (u == t)
                    continue;
                ck_assert_msg(ixj__find_field(ixj__root_object(types[u]),
                                              f->name, f->name_len, true,
                                              &alias) == NULL,
                              "root key %s belongs to two types", f->name);
            }
        }
    }
    ck_assert_int_eq(ixj__detect_type("signedUrl", 9, false), IXJ_TYPE_AUTO);
    ck_assert_int_eq(ixj__detect_type("uuid", 4, true), IXJ_TYPE_AUTO);
    ck_assert_ptr_null(ixj__root_object(IXJ_TYPE_AUTO));
    ck_assert_ptr_null(ixj__root_object(IXJ_TYPE_ANY));
}
END_TEST

START_TEST(test_type_names)
{
    static const char *const names[] = {"auto",           "job",        "list",
                                        "data-sources",   "signed-url", "error",
                                        "create-request", "any"};
    for (int i = 0; i < 8; i++) {
        ixj_type t;
        ck_assert_str_eq(ixj_type_name((ixj_type)i), names[i]);
        ck_assert(ixj_type_from_name(names[i], &t));
        ck_assert_int_eq(t, i);
    }
    ck_assert_ptr_null(ixj_type_name((ixj_type)8));
    ck_assert_ptr_null(ixj_type_name((ixj_type)-1));
    {
        ixj_type t = IXJ_TYPE_JOB;
        ck_assert(!ixj_type_from_name("jobs", &t));
        ck_assert(!ixj_type_from_name("", &t));
        ck_assert(!ixj_type_from_name(NULL, &t));
        ck_assert_int_eq(t, IXJ_TYPE_JOB);
    }
}
END_TEST

/* The C constant IXJ_<LITERAL> and the literal "<LITERAL>" agree. */
START_TEST(test_enum_names)
{
#define CHECK_LITERAL_(fn, type, prefix, name)                                 \
    do {                                                                       \
        type v_;                                                               \
        ck_assert_str_eq(fn##_name(IXJ_##prefix##_##name), #prefix "_" #name); \
        ck_assert(fn##_from_name(#prefix "_" #name,                            \
                                 sizeof(#prefix "_" #name) - 1, &v_));         \
        ck_assert_int_eq(v_, IXJ_##prefix##_##name);                           \
    } while (0);
#define PHASE_(p, n) \
    CHECK_LITERAL_(ixj_batch_job_phase, ixj_batch_job_phase, p, n)
#define STATUS_(p, n) \
    CHECK_LITERAL_(ixj_index_job_status, ixj_index_job_status, p, n)
#define DSS_(p, n) \
    CHECK_LITERAL_(ixj_data_source_status, ixj_data_source_status, p, n)
    IXJ_BATCH_JOB_PHASE_LITERALS(PHASE_)
    IXJ_INDEX_JOB_STATUS_LITERALS(STATUS_)
    IXJ_DATA_SOURCE_STATUS_LITERALS(DSS_)

    ck_assert_int_eq(ixj__enum_batch_job_phase.count, 7);
    ck_assert_int_eq(ixj__enum_index_job_status.count, 8);
    ck_assert_int_eq(ixj__enum_data_source_status.count, 7);
    ck_assert_int_eq(IXJ_BATCH_JOB_PHASE_UNKNOWN, 0);
    ck_assert_int_eq(IXJ_INDEX_JOB_STATUS_UNKNOWN, 0);
    ck_assert_int_eq(IXJ_DATA_SOURCE_STATUS_UNKNOWN, 0);
    ck_assert_int_eq(IXJ_INDEX_JOB_STATUS_CANCELLED, 7);
    ck_assert_ptr_null(
        ixj_batch_job_phase_name(IXJ_BATCH_JOB_PHASE_UNRECOGNIZED));
    ck_assert_ptr_null(ixj_index_job_status_name((ixj_index_job_status)8));
    ck_assert_ptr_null(ixj_data_source_status_name((ixj_data_source_status)99));
    {
        ixj_batch_job_phase p = IXJ_BATCH_JOB_PHASE_RUNNING;
        ck_assert(
            !ixj_batch_job_phase_from_name("BATCH_JOB_PHASE_RUNNIN", 22, &p));
        ck_assert_int_eq(p, IXJ_BATCH_JOB_PHASE_UNRECOGNIZED);
        ck_assert(
            !ixj_batch_job_phase_from_name("batch_job_phase_running", 23, &p));
        ck_assert(!ixj_batch_job_phase_from_name(NULL, 0, &p));
        ck_assert(
            ixj_batch_job_phase_from_name("BATCH_JOB_PHASE_RUNNINGX", 23, &p));
        ck_assert_int_eq(p, IXJ_BATCH_JOB_PHASE_RUNNING);
    }
    /* the generic functions: the raw text of an unrecognized literal; an
     * enum that is not one names nothing */
    {
        const ixj_string raw = {"BATCH_JOB_PHASE_NEW", 19};
        int v = 5;
        ck_assert_str_eq(ixj_enum_text(IXJ_ENUM_BATCH_JOB_PHASE, -1, &raw),
                         "BATCH_JOB_PHASE_NEW");
        ck_assert_ptr_null(ixj_enum_text(IXJ_ENUM_BATCH_JOB_PHASE, -1, NULL));
        ck_assert_str_eq(ixj_enum_text(IXJ_ENUM_BATCH_JOB_PHASE, 0, &raw),
                         "BATCH_JOB_PHASE_UNKNOWN");
        ck_assert_ptr_null(ixj_enum_name((ixj_enum)0, 0));
        ck_assert_ptr_null(ixj_enum_name((ixj_enum)99, 0));
        ck_assert_ptr_null(ixj_enum_text((ixj_enum)99, -1, &raw));
        ck_assert(!ixj_enum_from_name((ixj_enum)99, "BATCH_JOB_PHASE_UNKNOWN",
                                      23, &v));
        ck_assert_int_eq(v, -1);
    }
}
END_TEST

/*
 * The key index finds a field in one step, then compares the key's bytes:
 * every key of one to three bytes of [a-z_I] (short keys meet the
 * byte-by-byte compare; some share a slot and a length with "id" or
 * "job") is found exactly when a linear search of the table finds it.
 */
START_TEST(test_short_keys)
{
    static const char letters[] = "abcdefghijklmnopqrstuvwxyz_I";
    const size_t n = sizeof letters - 1;
    unsigned found = 0;

    for (size_t o = 0; o < ixj__n_objects; o++) {
        const ixj__object_desc *obj = ixj__objects[o];
        for (size_t len = 1; len <= 3; len++) {
            size_t count = len == 1 ? n : len == 2 ? n * n : n * n * n;
            for (size_t k = 0; k < count; k++) {
                char key[3];
                const ixj__field *want = NULL, *got;
                bool want_alias = false, is_alias;
                for (size_t i = 0, v = k; i < len; i++, v /= n)
                    key[i] = letters[v % n];
                for (unsigned f = 0; f < obj->n_fields && want == NULL; f++) {
                    const ixj__field *fld = &obj->fields[f];
                    if (fld->name_len == len && !memcmp(fld->name, key, len))
                        want = fld;
                    else if (fld->alias_len == len &&
                             !memcmp(fld->alias, key, len))
                        want = fld, want_alias = true;
                }
                got = ixj__find_field(obj, key, len, true, &is_alias);
                TU_CHECK(got == want && (got == NULL || is_alias == want_alias),
                         "%s: key %.*s", obj->name, (int)len, key);
                found += got != NULL;
            }
        }
    }
    ck_assert_uint_ge(found, 2); /* "id" and "job" */
}
END_TEST

/* The element registry: a value that is no element has no object. */
START_TEST(test_element_objects)
{
    ck_assert_ptr_nonnull(ixj__element_object(IXJ_ELEMENT_JOBS));
    ck_assert_uint_eq(ixj__element_object(IXJ_ELEMENT_JOBS)->size,
                      sizeof(ixj_job));
    ck_assert_ptr_null(ixj__element_object(IXJ_ELEMENT_DATA_SOURCE_UUIDS));
    ck_assert_ptr_null(ixj__element_object((ixj_element)0));
    ck_assert_ptr_null(ixj__element_object((ixj_element)IXJ__ELEMENT_END));
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("schema");
    TCase *tc = tcase_create("tables");
    int failed;

    tcase_add_loop_test(tc, test_table_lint, 0, (int)N_OBJECTS);
    tcase_add_test(tc, test_field_counts);
    tcase_add_loop_test(tc, test_key_index, 0, (int)N_OBJECTS);
    tcase_add_loop_test(tc, test_find_field, 0, (int)N_OBJECTS);
    tcase_add_test(tc, test_root_keys_unique);
    tcase_add_test(tc, test_type_names);
    tcase_add_test(tc, test_enum_names);
    tcase_add_test(tc, test_element_objects);
    tcase_add_test(tc, test_short_keys);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
