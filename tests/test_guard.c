/* SPDX-License-Identifier: MIT */
/*
 * The guard's byte-level rules, exhaustively where the space is small:
 * every 1-, 2- and 3-byte string content and a large sample of 4-byte
 * ones against an independent UTF-8 reference, every byte as whitespace,
 * as an escape and as a hex digit, every low half after a high surrogate,
 * and the line and column bookkeeping.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "testutil.h"

/* An independent reading of RFC 3629 (decode, then check the code
 * point), unlike the guard's table of byte ranges. Returns -1 when the
 * content is valid, else the offset of the first bad byte's sequence and
 * its code. */
static int
reference_check(const unsigned char *s, int n, ixj_status *code)
{
    int i = 0;
    while (i < n) {
        unsigned c = s[i], cp, min;
        int len;
        if (c < 0x20) {
            *code = IXJ_ERR_SYNTAX;
            return i;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        if ((c & 0xE0) == 0xC0) {
            len = 2, cp = c & 0x1F, min = 0x80;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3, cp = c & 0x0F, min = 0x800;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4, cp = c & 0x07, min = 0x10000;
        } else {
            *code = IXJ_ERR_STRING;
            return i;
        }
        for (int k = 1; k < len; k++) {
            if (i + k >= n || (s[i + k] & 0xC0) != 0x80) {
                *code = IXJ_ERR_STRING;
                return i;
            }
            cp = cp << 6 | (s[i + k] & 0x3Fu);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            *code = IXJ_ERR_STRING;
            return i;
        }
        i += len;
    }
    return -1;
}

/* Decodes `["<content>"]` as the any type. */
static ixj_status
decode_string(ixj_decoder *d, const unsigned char *content, int n)
{
    unsigned char buf[16];
    ixj_result r;
    buf[0] = '[';
    buf[1] = '"';
    memcpy(buf + 2, content, (size_t)n);
    buf[n + 2] = '"';
    buf[n + 3] = ']';
    return ixj_decode(d, IXJ_TYPE_ANY, buf, (size_t)n + 4, &r);
}

static void
compare_with_reference(ixj_decoder *d, const unsigned char *s, int n)
{
    ixj_status want = IXJ_OK;
    int at;
    ixj_status got;

    for (int i = 0; i < n; i++)
        if (s[i] == '"' || s[i] == '\\')
            return; /* string syntax, not UTF-8: tested elsewhere */
    at = reference_check(s, n, &want);
    got = decode_string(d, s, n);
    if (at < 0) {
        TU_CHECK(got == IXJ_OK, "%02x %02x %02x %02x (n=%d) rejected: %s", s[0],
                 n > 1 ? s[1] : 0, n > 2 ? s[2] : 0, n > 3 ? s[3] : 0, n,
                 ixj_status_name(got));
    } else {
        const ixj_error *e = ixj_decoder_error(d);
        TU_CHECK(got == want && e->offset == (uint64_t)at + 2,
                 "%02x %02x %02x %02x (n=%d): %s at %llu, want %s at %d", s[0],
                 n > 1 ? s[1] : 0, n > 2 ? s[2] : 0, n > 3 ? s[3] : 0, n,
                 ixj_status_name(got), (unsigned long long)e->offset,
                 ixj_status_name(want), at + 2);
    }
}

START_TEST(test_utf8_one_and_two_bytes)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    unsigned char s[2];
    for (unsigned a = 0; a < 256; a++) {
        s[0] = (unsigned char)a;
        compare_with_reference(d, s, 1);
        for (unsigned b = 0; b < 256; b++) {
            s[1] = (unsigned char)b;
            compare_with_reference(d, s, 2);
        }
    }
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_utf8_three_bytes)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    unsigned char s[3];
    unsigned stride = tu_quick_stride(7);
    for (unsigned a = 0xC0; a < 0x100; a++) {
        s[0] = (unsigned char)a;
        for (unsigned b = 0; b < 256; b += stride) {
            s[1] = (unsigned char)b;
            for (unsigned c = 0; c < 256; c++) {
                s[2] = (unsigned char)c;
                compare_with_reference(d, s, 3);
            }
        }
    }
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_utf8_four_bytes)
{
    static const unsigned char last[] = {0x00, 0x41, 0x7F, 0x80, 0x8F,
                                         0x90, 0xBF, 0xC0, 0xF4, 0xFF};
    ixj_decoder *d = ixj_decoder_new(NULL);
    unsigned char s[4];
    unsigned stride = tu_quick_stride(29);
    for (unsigned a = 0xEF; a < 0x100; a++) {
        s[0] = (unsigned char)a;
        for (unsigned b = 0; b < 256; b += stride) {
            s[1] = (unsigned char)b;
            for (unsigned c = 0; c < 256; c++) {
                s[2] = (unsigned char)c;
                for (size_t k = 0; k < sizeof last; k++) {
                    s[3] = last[k];
                    compare_with_reference(d, s, 4);
                }
            }
        }
    }
    ixj_decoder_free(d);
}
END_TEST

/* Every byte between tokens: only SP, HT, LF and CR are whitespace. */
START_TEST(test_whitespace_bytes)
{
    /* the byte goes at '@': before a value, a key, a colon, a comma, a
     * close, and after the top-level value */
    static const char *const shapes[] = {"[@1]",   "{@\"a\":1}", "{\"a\"@:1}",
                                         "[1@,2]", "[1@]",       "{\"a\":@1}",
                                         "[]@"};
    ixj_decoder *d = ixj_decoder_new(NULL);
    for (unsigned b = 0; b < 256; b++) {
        bool ws = b == ' ' || b == '\t' || b == '\n' || b == '\r';
        if (!ws && b != 0 &&
            strchr("\"-0123456789tfn[]{},:.eE", (int)b) != NULL)
            continue; /* bytes that mean something in some slot */
        for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
            char text[32];
            size_t n = strlen(shapes[s]);
            size_t at = (size_t)(strchr(shapes[s], '@') - shapes[s]);
            ixj_result r;
            ixj_status st;
            memcpy(text, shapes[s], n);
            text[at] = (char)b;
            st = ixj_decode(d, IXJ_TYPE_ANY, text, n, &r);
            if (ws) {
                TU_CHECK(st == IXJ_OK, "%s with byte %02x: %s", shapes[s], b,
                         ixj_status_name(st));
            } else {
                TU_CHECK(
                    st == IXJ_ERR_SYNTAX && ixj_decoder_error(d)->offset == at,
                    "%s with byte %02x: %s", shapes[s], b, ixj_status_name(st));
            }
        }
    }
    ixj_decoder_free(d);
}
END_TEST

/* Every byte after a backslash. */
START_TEST(test_escape_bytes)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    for (unsigned b = 0; b < 256; b++) {
        unsigned char s[2] = {'\\', (unsigned char)b};
        bool valid = b != 'u' && strchr("\"\\/bfnrt", (int)b) != NULL && b != 0;
        ixj_status st = decode_string(d, s, 2);
        if (valid)
            TU_CHECK(st == IXJ_OK, "\\%c rejected", b);
        else
            TU_CHECK(st == IXJ_ERR_SYNTAX && ixj_decoder_error(d)->offset == 2,
                     "\\ then %02x: %s", b, ixj_status_name(st));
    }
    ixj_decoder_free(d);
}
END_TEST

/*
 * The string lexer looks for special bytes (quote, backslash, control
 * characters, non-ASCII) 64 bytes at a time, and resumes inside its
 * window after an escape. An escape at every offset of a 200-byte string,
 * then a control character at every later offset: the error is found
 * where it is, whichever window it falls in; without it the string is
 * valid.
 */
START_TEST(test_specials_across_windows)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    unsigned stride = tu_quick_stride(7);
    char text[256];

    for (unsigned esc = 0; esc < 130; esc += stride) {
        ixj_result r;
        memcpy(text, "[\"", 2);
        memset(text + 2, 'a', 200);
        memcpy(text + 2 + esc, "\\n", 2);
        memcpy(text + 202, "\"]", 2);
        ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_ANY, text, 204, &r), IXJ_OK);
        for (unsigned bad = esc + 2; bad < 200; bad++) {
            ixj_status st;
            text[2 + bad] = 0x01;
            st = ixj_decode(d, IXJ_TYPE_ANY, text, 204, &r);
            TU_CHECK(st == IXJ_ERR_SYNTAX &&
                         ixj_decoder_error(d)->offset == 2 + bad,
                     "escape at %u, control at %u: %s at %llu", esc, bad,
                     ixj_status_name(st),
                     (unsigned long long)ixj_decoder_error(d)->offset);
            text[2 + bad] = 'a';
        }
    }
    ixj_decoder_free(d);
}
END_TEST

/* Every byte in each position of \uXXXX. */
START_TEST(test_hex_digits)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    for (int pos = 0; pos < 4; pos++) {
        for (unsigned b = 0; b < 256; b++) {
            unsigned char s[6] = {'\\', 'u', '0', '0', '4', '1'};
            bool hex = (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') ||
                       (b >= 'A' && b <= 'F');
            ixj_status st;
            s[2 + pos] = (unsigned char)b;
            st = decode_string(d, s, 6);
            if (hex) {
                /* only surrogates can fail: D800-DFFF needs a first digit d */
                bool surrogate = pos == 0 && (b == 'd' || b == 'D');
                TU_CHECK(surrogate ? st == IXJ_OK || st == IXJ_ERR_STRING
                                   : st == IXJ_OK,
                         "digit %c at %d: %s", b, pos, ixj_status_name(st));
            } else {
                TU_CHECK(st == IXJ_ERR_SYNTAX &&
                             ixj_decoder_error(d)->offset == 2,
                         "byte %02x at %d: %s", b, pos, ixj_status_name(st));
            }
        }
    }
    ixj_decoder_free(d);
}
END_TEST

/* After a high surrogate, only a low surrogate escape completes it. */
START_TEST(test_surrogate_pairs)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    static const unsigned highs[] = {0xD800, 0xDA3F, 0xDBFF};
    unsigned stride = tu_quick_stride(31);
    for (size_t h = 0; h < 3; h++) {
        for (unsigned low = 0; low < 0x10000; low += stride) {
            char s[16];
            ixj_status st;
            snprintf(s, sizeof s, "\\u%04X\\u%04x", highs[h], low);
            st = decode_string(d, (const unsigned char *)s, 12);
            if (low >= 0xDC00 && low <= 0xDFFF)
                TU_CHECK(st == IXJ_OK, "%s", s);
            else
                TU_CHECK(st == IXJ_ERR_STRING &&
                             ixj_decoder_error(d)->offset == 2,
                         "%s: %s", s, ixj_status_name(st));
        }
    }
    ixj_decoder_free(d);
}
END_TEST

START_TEST(test_nul_only_in_any)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;
    const char *text = "{\"job\":{\"uuid\":\"\\u0000\"}}";
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_ANY, text, strlen(text), &r),
                     IXJ_OK);
    for (ixj_type t = IXJ_TYPE_AUTO; t < IXJ_TYPE_ANY; t++) {
        ck_assert_int_eq(ixj_decode(d, t, text, strlen(text), &r),
                         IXJ_ERR_STRING);
        ck_assert_uint_eq(ixj_decoder_error(d)->offset, 16);
    }
    ixj_decoder_free(d);
}
END_TEST

/* Lines count LF only; columns count bytes; CR is whitespace. */
START_TEST(test_lines_and_columns)
{
    ixj_decoder *d = ixj_decoder_new(NULL);
    ixj_result r;
    const char *text = "{\r\n  \"a\": [\n\n   1,\r\r  x]}";
    const ixj_error *e;
    ck_assert_int_eq(ixj_decode(d, IXJ_TYPE_ANY, text, strlen(text), &r),
                     IXJ_ERR_SYNTAX);
    e = ixj_decoder_error(d);
    ck_assert_uint_eq(e->offset, (uint64_t)(strchr(text, 'x') - text));
    ck_assert_uint_eq(e->line, 4);
    ck_assert_uint_eq(e->column, 10);
    ck_assert_str_eq(e->path, "$.a[1]");
    ixj_decoder_free(d);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("guard");
    TCase *tc = tcase_create("bytes");
    int failed;

    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, test_utf8_one_and_two_bytes);
    tcase_add_test(tc, test_utf8_three_bytes);
    tcase_add_test(tc, test_utf8_four_bytes);
    tcase_add_test(tc, test_whitespace_bytes);
    tcase_add_test(tc, test_escape_bytes);
    tcase_add_test(tc, test_specials_across_windows);
    tcase_add_test(tc, test_hex_digits);
    tcase_add_test(tc, test_surrogate_pairs);
    tcase_add_test(tc, test_nul_only_in_any);
    tcase_add_test(tc, test_lines_and_columns);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
