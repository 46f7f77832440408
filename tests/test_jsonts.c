/* SPDX-License-Identifier: MIT */
/*
 * JSONTestSuite (nst/JSONTestSuite, test_parsing/) through the any type:
 * every y_ file is accepted and every n_ file rejected, whole and fed one
 * byte at a time with the same outcome; every i_ file has the outcome
 * decided in doc/conformance.md, listed below.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* The decisions for the implementation-defined files (doc/conformance.md):
 * numbers of any size are accepted (the any type converts nothing; a
 * schema field reports range instead); everything that is not UTF-8, or
 * has a broken surrogate, is rejected; nesting beyond the default depth
 * limit (64) is a limit error; a byte-order mark is a syntax error. */
static const struct {
    const char *file;
    ixj_status code;
} implementation_defined[] = {
    {"i_number_double_huge_neg_exp.json", IXJ_OK},
    {"i_number_huge_exp.json", IXJ_OK},
    {"i_number_neg_int_huge_exp.json", IXJ_OK},
    {"i_number_pos_double_huge_exp.json", IXJ_OK},
    {"i_number_real_neg_overflow.json", IXJ_OK},
    {"i_number_real_pos_overflow.json", IXJ_OK},
    {"i_number_real_underflow.json", IXJ_OK},
    {"i_number_too_big_neg_int.json", IXJ_OK},
    {"i_number_too_big_pos_int.json", IXJ_OK},
    {"i_number_very_big_negative_int.json", IXJ_OK},
    {"i_object_key_lone_2nd_surrogate.json", IXJ_ERR_STRING},
    {"i_string_1st_surrogate_but_2nd_missing.json", IXJ_ERR_STRING},
    {"i_string_1st_valid_surrogate_2nd_invalid.json", IXJ_ERR_STRING},
    {"i_string_UTF-16LE_with_BOM.json", IXJ_ERR_SYNTAX},
    {"i_string_UTF-8_invalid_sequence.json", IXJ_ERR_STRING},
    {"i_string_UTF8_surrogate_U+D800.json", IXJ_ERR_STRING},
    {"i_string_incomplete_surrogate_and_escape_valid.json", IXJ_ERR_STRING},
    {"i_string_incomplete_surrogate_pair.json", IXJ_ERR_STRING},
    {"i_string_incomplete_surrogates_escape_valid.json", IXJ_ERR_STRING},
    {"i_string_invalid_lonely_surrogate.json", IXJ_ERR_STRING},
    {"i_string_invalid_surrogate.json", IXJ_ERR_STRING},
    {"i_string_invalid_utf-8.json", IXJ_ERR_STRING},
    {"i_string_inverted_surrogates_U+1D11E.json", IXJ_ERR_STRING},
    {"i_string_iso_latin_1.json", IXJ_ERR_STRING},
    {"i_string_lone_second_surrogate.json", IXJ_ERR_STRING},
    {"i_string_lone_utf8_continuation_byte.json", IXJ_ERR_STRING},
    {"i_string_not_in_unicode_range.json", IXJ_ERR_STRING},
    {"i_string_overlong_sequence_2_bytes.json", IXJ_ERR_STRING},
    {"i_string_overlong_sequence_6_bytes.json", IXJ_ERR_STRING},
    {"i_string_overlong_sequence_6_bytes_null.json", IXJ_ERR_STRING},
    {"i_string_truncated-utf-8.json", IXJ_ERR_STRING},
    {"i_string_utf16BE_no_BOM.json", IXJ_ERR_SYNTAX},
    {"i_string_utf16LE_no_BOM.json", IXJ_ERR_SYNTAX},
    {"i_structure_500_nested_arrays.json", IXJ_ERR_LIMIT},
    {"i_structure_UTF-8_BOM_empty_object.json", IXJ_ERR_SYNTAX},
};

static char dir[1024];
static char (*files)[256];
static size_t n_files;

static int
compare_names(const void *a, const void *b)
{
    return strcmp(a, b);
}

static ixj_status
decode(ixj_decoder *d, const char *text, size_t len, bool bytewise,
       uint64_t *offset)
{
    ixj_result r;
    ixj_status st = ixj_decoder_begin(d, IXJ_TYPE_ANY);
    for (size_t i = 0; st == IXJ_OK && i < len; i += bytewise ? 1 : len)
        st = ixj_decoder_feed(d, text + i, bytewise ? 1 : len);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &r);
    *offset = ixj_decoder_error(d)->offset;
    return st;
}

START_TEST(test_file)
{
    const char *name = files[_i];
    ixj_decoder *d = ixj_decoder_new(NULL);
    char path[1400];
    size_t len;
    char *text;
    uint64_t off_whole, off_bytes;
    ixj_status whole, bytes;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    text = tu_read_file(path, &len);
    ck_assert_ptr_nonnull(text);
    whole = decode(d, text, len, false, &off_whole);
    bytes = decode(d, text, len, true, &off_bytes);
    TU_CHECK(whole == bytes && off_whole == off_bytes,
             "%s: %s at %llu whole, %s at %llu byte by byte", name,
             ixj_status_name(whole), (unsigned long long)off_whole,
             ixj_status_name(bytes), (unsigned long long)off_bytes);
    if (name[0] == 'y') {
        TU_CHECK(whole == IXJ_OK, "%s rejected: %s at %llu", name,
                 ixj_status_name(whole), (unsigned long long)off_whole);
    } else if (name[0] == 'n') {
        TU_CHECK(whole != IXJ_OK, "%s accepted", name);
        TU_CHECK(whole != IXJ_ERR_NOMEM && whole != IXJ_ERR_MISUSE, "%s: %s",
                 name, ixj_status_name(whole));
    } else {
        bool listed = false;
        for (size_t k = 0; k < sizeof implementation_defined /
                                   sizeof implementation_defined[0];
             k++) {
            if (strcmp(implementation_defined[k].file, name) == 0) {
                listed = true;
                TU_CHECK(whole == implementation_defined[k].code,
                         "%s: %s, decided %s", name, ixj_status_name(whole),
                         ixj_status_name(implementation_defined[k].code));
            }
        }
        TU_CHECK(listed, "%s has no decision in test_jsonts.c", name);
    }
    free(text);
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_counts)
{
    size_t y = 0, n = 0, i = 0;
    for (size_t k = 0; k < n_files; k++) {
        y += files[k][0] == 'y';
        n += files[k][0] == 'n';
        i += files[k][0] == 'i';
    }
    ck_assert_uint_eq(y, 95);
    ck_assert_uint_eq(n, 188);
    ck_assert_uint_eq(i, 35);
}
END_TEST

/* i_structure_500_nested_arrays is accepted once the limit allows it. */
START_TEST(test_depth_is_a_limit)
{
    char path[1400];
    size_t len;
    char *text;
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;
    snprintf(path, sizeof path, "%s/i_structure_500_nested_arrays.json", dir);
    text = tu_read_file(path, &len);
    ck_assert_ptr_nonnull(text);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_MAX_DEPTH, 500), IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_ANY, text, len, &r), IXJ_OK);
    free(text);
    ixj_decoder_free(d);
}
END_TEST

int
main(void)
{
    const char *shared = tu_shared_dir();
    DIR *dh;
    struct dirent *e;
    Suite *s;
    TCase *tc;
    int failed;

    if (shared == NULL) {
        printf("SKIP: the shared reference data was not found; set "
               "IXJOB_SHARED_DIR to the directory that holds "
               "conformance/JSONTestSuite\n");
        return 77;
    }
    snprintf(dir, sizeof dir, "%s/conformance/JSONTestSuite/test_parsing",
             shared);
    dh = opendir(dir);
    if (dh == NULL) {
        printf("SKIP: %s is missing\n", dir);
        return 77;
    }
    while ((e = readdir(dh)) != NULL) {
        if (strstr(e->d_name, ".json") == NULL)
            continue;
        files = realloc(files, (n_files + 1) * sizeof *files);
        snprintf(files[n_files++], sizeof files[0], "%s", e->d_name);
    }
    closedir(dh);
    qsort(files, n_files, sizeof *files, compare_names);

    s = suite_create("JSONTestSuite");
    tc = tcase_create("test_parsing");
    tcase_add_test(tc, test_counts);
    tcase_add_test(tc, test_depth_is_a_limit);
    tcase_add_loop_test(tc, test_file, 0, (int)n_files);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    free(files);
    return failed == 0 ? 0 : 1;
}
