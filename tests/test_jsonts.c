/* SPDX-License-Identifier: MIT */
/*
 * JSONTestSuite (tests/data/JSONTestSuite, see its README.md) through the
 * any type: every y_ file is accepted and every n_ file rejected; every
 * i_ file has the outcome decided in doc/conformance.md, listed below;
 * each file gives the same outcome (code and offset) whole and fed 1 and
 * 7 bytes at a time, with small-chunk gathering on and off. Every file
 * must be there: the counts are checked, and a missing directory fails.
 */
#include <check.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decoder.h"
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

/* Decodes fed chunk bytes at a time (0: whole), with gathering on or
 * off; returns the status and the error's offset. */
static ixj_status
decode(ixj_decoder *d, const char *text, size_t len, size_t chunk, bool gather,
       uint64_t *offset)
{
    ixj_result r;
    ixj_status st;
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_GATHER, gather), IXJ_OK);
    st = ixj_decoder_begin(d, IXJ_TYPE_ANY);
    if (chunk == 0)
        chunk = len;
    for (size_t i = 0; st == IXJ_OK && i < len; i += chunk)
        st = ixj_decoder_feed(d, text + i, len - i < chunk ? len - i : chunk);
    if (st == IXJ_OK)
        st = ixj_decoder_finish(d, &r);
    *offset = ixj_decoder_error(d)->offset;
    return st;
}

START_TEST(test_file)
{
    static const size_t chunks[] = {1, 7};
    const char *name = files[_i];
    ixj_decoder *d = ixj_decoder_new(NULL);
    char path[1400];
    size_t len;
    char *text;
    uint64_t off_whole;
    ixj_status whole;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    text = tu_read_file(path, &len);
    TU_CHECK(text != NULL, "cannot read %s", path);
    whole = decode(d, text, len, 0, true, &off_whole);
    for (int gather = 0; gather <= 1; gather++) {
        uint64_t held = ixj__decoder_held_bytes(d);
        for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
            uint64_t off;
            ixj_status st = decode(d, text, len, chunks[i], gather, &off);
            TU_CHECK(st == whole && off == off_whole,
                     "%s: %s at %llu whole, %s at %llu in %zu-byte pieces "
                     "(gathering %s)",
                     name, ixj_status_name(whole),
                     (unsigned long long)off_whole, ixj_status_name(st),
                     (unsigned long long)off, chunks[i], gather ? "on" : "off");
        }
        /* 1-byte pieces cut a valid text's strings, which go through the
         * hold unless gathering swallowed the pieces */
        if (!gather && whole == IXJ_OK && memchr(text, '"', len) != NULL)
            TU_CHECK(ixj__decoder_held_bytes(d) > held,
                     "%s: no token was ever held: the pieces did not reach "
                     "the scanner as fed",
                     name);
    }
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
    ck_assert_uint_eq(n_files, 318);
    ck_assert_uint_eq(y, 95);
    ck_assert_uint_eq(n, 188);
    ck_assert_uint_eq(i, 35);
    /* every decided file is there (one missing would go untested) */
    for (size_t k = 0;
         k < sizeof implementation_defined / sizeof implementation_defined[0];
         k++) {
        bool found = false;
        for (size_t f = 0; f < n_files && !found; f++)
            found = strcmp(files[f], implementation_defined[k].file) == 0;
        TU_CHECK(found, "%s is missing from %s", implementation_defined[k].file,
                 dir);
    }
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
    TU_CHECK(text != NULL, "cannot read %s", path);
    ck_assert_int_eq(ixj_decoder_set_option(d, IXJ_OPT_MAX_DEPTH, 500), IXJ_OK);
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_ANY, text, len, &r), IXJ_OK);
    free(text);
    ixj_decoder_free(d);
}
END_TEST

int
main(void)
{
    DIR *dh;
    struct dirent *e;
    Suite *s;
    TCase *tc;
    int failed;

    snprintf(dir, sizeof dir, "%s/data/JSONTestSuite", tu_tests_dir());
    dh = opendir(dir);
    if (dh == NULL) {
        /* a failure, not a skip: the data is part of the tree */
        fprintf(stderr, "FAIL: cannot open %s\n", dir);
        return 1;
    }
    while ((e = readdir(dh)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 5, ".json") != 0)
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
