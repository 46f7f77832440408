/* SPDX-License-Identifier: MIT */
/* Status codes, names and messages; path segments. */
#include <check.h>
#include <string.h>

#include "error.h"
#include "testutil.h"

/* The stable codes (doc/policy.md): values and names never change, and
 * a new code takes the next value. Pinned here literally, so that an edit
 * of IXJ_STATUS_MAP that renumbers or renames a code fails. */
static const struct {
    ixj_status code;
    int value;
    const char *name;
} pinned[] = {
    {IXJ_OK, 0, "ok"},
    {IXJ_ERR_SYNTAX, 1, "syntax"},
    {IXJ_ERR_TRUNCATED, 2, "truncated"},
    {IXJ_ERR_TYPE, 3, "type"},
    {IXJ_ERR_NUMBER, 4, "number"},
    {IXJ_ERR_RANGE, 5, "range"},
    {IXJ_ERR_ENUM, 6, "enum"},
    {IXJ_ERR_TIMESTAMP, 7, "timestamp"},
    {IXJ_ERR_STRING, 8, "string"},
    {IXJ_ERR_UNKNOWN_FIELD, 9, "unknown_field"},
    {IXJ_ERR_DUPLICATE_KEY, 10, "duplicate_key"},
    {IXJ_ERR_MISSING_FIELD, 11, "missing_field"},
    {IXJ_ERR_LIMIT, 12, "limit"},
    {IXJ_ERR_NOMEM, 13, "nomem"},
    {IXJ_ERR_MISUSE, 14, "misuse"},
    {IXJ_STOPPED, 15, "stopped"},
    {IXJ_ERR_SPACE, 16, "space"},
    {IXJ_ERR_UNIDENTIFIED, 17, "unidentified"},
};

#define N_PINNED (sizeof pinned / sizeof pinned[0])

/* Every row of the map, as the header declares it. */
#define STATUS_ROW_(suffix, value, name, message) \
    {IXJ_##suffix, value, name, message, #suffix},
static const struct {
    ixj_status code;
    int value;
    const char *name;
    const char *message;
    const char *suffix;
} map[] = {IXJ_STATUS_MAP(STATUS_ROW_)};
#undef STATUS_ROW_

#define N_MAP (sizeof map / sizeof map[0])

START_TEST(test_stable_codes)
{
    for (size_t i = 0; i < N_PINNED; i++) {
        const char *msg = ixj_status_message(pinned[i].code);
        ck_assert_int_eq(pinned[i].code, pinned[i].value);
        ck_assert_str_eq(ixj_status_name(pinned[i].code), pinned[i].name);
        ck_assert_ptr_nonnull(msg);
        ck_assert_uint_gt(strlen(msg), 5);
    }
    /* a code added to the map must be pinned above too */
    ck_assert_uint_eq(N_MAP, N_PINNED);
}
END_TEST

/* The whole map: dense from 0, each row what the functions return, every
 * name and message distinct; nothing outside it has a name. */
START_TEST(test_status_map)
{
    for (size_t i = 0; i < N_MAP; i++) {
        const char *name = ixj_status_name(map[i].code);
        const char *msg = ixj_status_message(map[i].code);
        ck_assert_msg(map[i].value == (int)i &&
                          (int)map[i].code == map[i].value,
                      "IXJ_%s is %d, row %zu", map[i].suffix, map[i].value, i);
        ck_assert_ptr_nonnull(name);
        ck_assert_str_eq(name, map[i].name);
        ck_assert_ptr_nonnull(msg);
        ck_assert_str_eq(msg, map[i].message);
        ck_assert_msg(i < N_PINNED && pinned[i].code == map[i].code &&
                          strcmp(pinned[i].name, map[i].name) == 0,
                      "IXJ_%s (%d, \"%s\") is not pinned", map[i].suffix,
                      map[i].value, map[i].name);
        for (size_t j = 0; j < i; j++) {
            ck_assert_str_ne(name, map[j].name);
            ck_assert_str_ne(msg, map[j].message);
        }
    }
    ck_assert_ptr_null(ixj_status_name((ixj_status)-1));
    ck_assert_ptr_null(ixj_status_message((ixj_status)-1));
    ck_assert_ptr_null(ixj_status_name((ixj_status)N_MAP));
    ck_assert_ptr_null(ixj_status_message((ixj_status)N_MAP));
    ck_assert_ptr_null(ixj_status_message((ixj_status)1000));
}
END_TEST

static void
check_key(const char *key, size_t len, const char *want)
{
    char out[256];
    size_t n = ixj__path_key(NULL, key, len);
    ck_assert_uint_eq(n, strlen(want));
    ck_assert_uint_eq(ixj__path_key(out, key, len), n);
    out[n] = '\0';
    ck_assert_str_eq(out, want);
}

START_TEST(test_path_keys)
{
    check_key("total_bytes", 11, ".total_bytes");
    check_key("_x9", 3, "._x9");
    check_key("X", 1, ".X");
    check_key("", 0, "['']");
    check_key("9a", 2, "['9a']");
    check_key("a-b", 3, "['a-b']");
    check_key("a b", 3, "['a b']");
    check_key("it's", 4, "['it\\'s']");
    check_key("a\\b", 3, "['a\\\\b']");
    check_key("\x01\x1f\x7f", 3, "['\\u0001\\u001F\\u007F']");
    check_key("\n", 1, "['\\u000A']");
    check_key("a\0b", 3, "['a\\u0000b']");
    check_key("\xc2\x80\xc2\x9f\xc2\xa0", 6, "['\\u0080\\u009F\xc2\xa0']");
    check_key("caf\xc3\xa9", 5, "['caf\xc3\xa9']");
    check_key("\xc2", 1, "['\xc2']");
}
END_TEST

START_TEST(test_path_indexes)
{
    char out[32];
    size_t n = ixj__path_index(out, 0);
    out[n] = '\0';
    ck_assert_str_eq(out, "[0]");
    n = ixj__path_index(out, 18446744073709551615ull);
    out[n] = '\0';
    ck_assert_str_eq(out, "[18446744073709551615]");
    ck_assert_uint_eq(ixj__path_index(NULL, 1234), 6);
}
END_TEST

START_TEST(test_version)
{
    ck_assert_str_eq(ixj_version(), IXJ_VERSION_STRING);
    ck_assert_str_eq(IXJ_VERSION_STRING, "0.2.0");
    ck_assert_int_eq(IXJ_VERSION_HEX, 0x000200);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("errors");
    TCase *tc = tcase_create("errors");
    int failed;

    tcase_add_test(tc, test_stable_codes);
    tcase_add_test(tc, test_status_map);
    tcase_add_test(tc, test_path_keys);
    tcase_add_test(tc, test_path_indexes);
    tcase_add_test(tc, test_version);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
