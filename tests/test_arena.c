/* SPDX-License-Identifier: MIT */
/* The arena (lib/arena.c): alignment, copies, buffers, rewinding, reuse,
 * block sizes and sizes that cannot be had; and ixj__grow (lib/alloc.c). */
#include <check.h>
#include <stdint.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"
#include "testutil.h"

START_TEST(test_alignment_and_copies)
{
    tu_alloc ta;
    ixj_arena *a;
    tu_alloc_init(&ta);
    a = ixj__arena_new(&ta.hooks);
    for (size_t n = 0; n < 300; n++) {
        char *s = ixj__arena_strdup(a, "abcdefghij", n % 11);
        void *p = ixj__arena_alloc(a, n % 37 + 1);
        ck_assert_ptr_nonnull(s);
        ck_assert_ptr_nonnull(p);
        ck_assert_uint_eq((uintptr_t)p % 8, 0);
        ck_assert_int_eq(memcmp(s, "abcdefghij", n % 11), 0);
        ck_assert_int_eq(s[n % 11], '\0');
        memset(p, 0xAB, n % 37 + 1);
    }
    ixj_arena_free(a);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

START_TEST(test_big_strings_get_buffers)
{
    tu_alloc ta;
    ixj_arena *a;
    static char big[IXJ__ARENA_BIG + 10];
    char *s;
    tu_alloc_init(&ta);
    a = ixj__arena_new(&ta.hooks);
    memset(big, 'x', sizeof big);
    s = ixj__arena_strdup(a, big, sizeof big);
    ck_assert_ptr_nonnull(s);
    ck_assert_int_eq(s[sizeof big], '\0');
    ck_assert_int_eq(memcmp(s, big, sizeof big), 0);
    ixj_arena_free(a);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

/* Rewinding keeps all memory: the same allocations again call nothing. */
START_TEST(test_rewind_reuses)
{
    tu_alloc ta;
    ixj_arena *a;
    uint64_t calls;
    tu_alloc_init(&ta);
    a = ixj__arena_new(&ta.hooks);
    for (int round = 0; round < 3; round++) {
        size_t size;
        void *buf;
        if (round == 1)
            calls = ta.calls;
        for (int i = 0; i < 5000; i++)
            ck_assert_ptr_nonnull(ixj__arena_strdup(a, "0123456789abcdef", 16));
        buf = ixj__arena_buffer_take(a, 100000, &size);
        ck_assert_ptr_nonnull(buf);
        ck_assert_uint_ge(size, 100000);
        ixj__arena_buffer_keep(a, buf);
        ixj__arena_rewind(a);
    }
    ck_assert_uint_eq(ta.calls, calls);
    ixj_arena_free(a);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

START_TEST(test_mark_and_rewind_to)
{
    tu_alloc ta;
    ixj_arena *a;
    ixj__arena_mark m;
    char *before, *after1, *after2;
    size_t size;
    void *buf;
    tu_alloc_init(&ta);
    a = ixj__arena_new(&ta.hooks);
    before = ixj__arena_strdup(a, "keep", 4);
    ixj__arena_mark_get(a, &m);
    after1 = ixj__arena_strdup(a, "drop", 4);
    buf = ixj__arena_buffer_take(a, 70000, &size);
    ixj__arena_buffer_keep(a, buf);
    ixj__arena_rewind_to(a, &m);
    after2 = ixj__arena_strdup(a, "next", 4);
    ck_assert_ptr_eq(after1, after2); /* the space was given back */
    ck_assert_str_eq(before, "keep");
    /* the kept buffer went back to the spares: taking it again is free */
    {
        uint64_t calls = ta.calls;
        void *again = ixj__arena_buffer_take(a, 70000, &size);
        ck_assert_ptr_eq(again, buf);
        ck_assert_uint_eq(ta.calls, calls);
        ixj__arena_buffer_drop(a, again);
    }
    ixj_arena_free(a);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

START_TEST(test_buffer_grow_keeps_content)
{
    tu_alloc ta;
    ixj_arena *a;
    size_t size;
    char *buf;
    tu_alloc_init(&ta);
    a = ixj__arena_new(&ta.hooks);
    buf = ixj__arena_buffer_take(a, 16, &size);
    memcpy(buf, "0123456789abcdef", 16);
    buf = ixj__arena_buffer_grow(a, buf, 1 << 20);
    ck_assert_ptr_nonnull(buf);
    ck_assert_int_eq(memcmp(buf, "0123456789abcdef", 16), 0);
    ixj__arena_buffer_keep(a, buf);
    ck_assert_uint_ge(ixj__arena_footprint(a), 1 << 20);
    ixj_arena_free(a);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

START_TEST(test_out_of_memory)
{
    for (uint64_t fail = 1; fail < 20; fail++) {
        tu_alloc ta;
        ixj_arena *a;
        bool saw_null = false;
        tu_alloc_init(&ta);
        ta.fail_at = fail;
        a = ixj__arena_new(&ta.hooks);
        if (a == NULL)
            continue;
        for (int i = 0; i < 2000; i++) {
            if (ixj__arena_strdup(a, "0123456789", 10) == NULL)
                saw_null = true;
        }
        ck_assert(saw_null == ta.failed);
        ixj_arena_free(a);
        ck_assert_uint_eq(ta.live_blocks, 0);
    }
}
END_TEST

/* ixj__grow refuses sizes that would overflow, leaving the buffer as it
 * was: doubling past SIZE_MAX / 2, or elements whose bytes pass
 * SIZE_MAX. */
START_TEST(test_grow_overflow)
{
    tu_alloc ta;
    size_t cap = 0;
    void *p;
    tu_alloc_init(&ta);
    ck_assert_ptr_null(ixj__grow(&ta.hooks, NULL, &cap, SIZE_MAX, 1));
    ck_assert_uint_eq(cap, 0);
    ck_assert_ptr_null(ixj__grow(&ta.hooks, NULL, &cap, SIZE_MAX / 8, 16));
    ck_assert_uint_eq(cap, 0);
    ck_assert_uint_eq(ta.calls, 0);
    p = ixj__grow(&ta.hooks, NULL, &cap, 10, 16);
    ck_assert_ptr_nonnull(p);
    ck_assert_uint_ge(cap, 10);
    ck_assert_ptr_eq(ixj__grow(&ta.hooks, p, &cap, cap, 16), p);
    ixj__free(&ta.hooks, p);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

/* Bump blocks: a first allocation bigger than a first block gets a block
 * of its own size; blocks grow with the arena up to 1 MiB, so that 8 MiB
 * of small allocations take a few dozen blocks and little more than 8 MiB.
 */
START_TEST(test_block_sizes)
{
    tu_alloc ta;
    ixj_arena *a;
    char *p;
    tu_alloc_init(&ta);
    a = ixj__arena_new(&ta.hooks);
    p = ixj__arena_alloc(a, 10000);
    ck_assert_ptr_nonnull(p);
    memset(p, 1, 10000);
    ck_assert_uint_eq(ta.calls, 2); /* the arena, one block */
    for (int i = 0; i < 8 * 1024; i++) {
        p = ixj__arena_alloc(a, 1024);
        ck_assert_ptr_nonnull(p);
        memset(p, 2, 1024);
    }
    ck_assert_uint_le(ta.calls, 2 + 40); /* 33 blocks */
    ck_assert_uint_le(ixj__arena_footprint(a), 8u * 1024 * 1024 * 9 / 8);
    ixj_arena_free(a);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

/* A mark taken before the first allocation rewinds to the very start. */
START_TEST(test_rewind_to_empty_mark)
{
    tu_alloc ta;
    ixj_arena *a;
    ixj__arena_mark m;
    char *first, *again;
    tu_alloc_init(&ta);
    a = ixj__arena_new(&ta.hooks);
    ixj__arena_mark_get(a, &m);
    first = ixj__arena_strdup(a, "first", 5);
    ck_assert_ptr_nonnull(ixj__arena_alloc(a, 5000)); /* a second block */
    ixj__arena_rewind_to(a, &m);
    again = ixj__arena_strdup(a, "again", 5);
    ck_assert_ptr_eq(again, first);
    ck_assert_str_eq(again, "again");
    ixj_arena_free(a);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

/* Buffers refuse sizes past SIZE_MAX (a held buffer stays valid), and a
 * big string whose buffer cannot be had is NULL. */
START_TEST(test_buffer_limits)
{
    tu_alloc ta;
    ixj_arena *a;
    size_t size;
    char *buf;
    static char big[IXJ__ARENA_BIG + 1];
    tu_alloc_init(&ta);
    a = ixj__arena_new(&ta.hooks);
    ck_assert_ptr_null(ixj__arena_buffer_take(a, SIZE_MAX, &size));
    buf = ixj__arena_buffer_take(a, 16, &size);
    ck_assert_ptr_nonnull(buf);
    memcpy(buf, "0123456789abcdef", 16);
    ck_assert_ptr_null(ixj__arena_buffer_grow(a, buf, SIZE_MAX));
    ck_assert_int_eq(memcmp(buf, "0123456789abcdef", 16), 0);
    ixj__arena_buffer_drop(a, buf);
    memset(big, 'x', sizeof big);
    ta.fail_at = ta.calls + 1;
    ck_assert_ptr_null(ixj__arena_strdup(a, big, sizeof big));
    ck_assert(ta.failed);
    ixj_arena_free(a);
    ck_assert_uint_eq(ta.live_blocks, 0);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("arena");
    TCase *tc = tcase_create("arena");
    int failed;

    tcase_add_test(tc, test_alignment_and_copies);
    tcase_add_test(tc, test_big_strings_get_buffers);
    tcase_add_test(tc, test_rewind_reuses);
    tcase_add_test(tc, test_mark_and_rewind_to);
    tcase_add_test(tc, test_buffer_grow_keeps_content);
    tcase_add_test(tc, test_out_of_memory);
    tcase_add_test(tc, test_grow_overflow);
    tcase_add_test(tc, test_block_sizes);
    tcase_add_test(tc, test_rewind_to_empty_mark);
    tcase_add_test(tc, test_buffer_limits);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
