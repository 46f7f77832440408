/* SPDX-License-Identifier: MIT */
/*
 * The catalog of error details (ixj_error.detail): what was expected and
 * what was found, in a short English phrase. Every error site names one
 * entry by its id; the guard stores the id in a byte, and the decoder
 * turns it into the static text. No text holds payload bytes: where the
 * text depends on the input (a control character, a month), the catalog
 * has one entry per case.
 *
 * Columns: id suffix (IXJ__D_<suffix>), text.
 */
#ifndef IXJOB_DETAIL_H
#define IXJOB_DETAIL_H

#include <stdint.h>

/* Raw control characters in a string: one entry per byte 0x00-0x1F. */
#define IXJ__D_CONTROL_(X, h, l) \
    X(CONTROL_##h##l, "raw control character U+00" #h #l " in a string")
/* clang-format off */
#define IXJ__D_CONTROLS_ROW(X, h)                                             \
    IXJ__D_CONTROL_(X, h, 0) IXJ__D_CONTROL_(X, h, 1)                         \
    IXJ__D_CONTROL_(X, h, 2) IXJ__D_CONTROL_(X, h, 3)                         \
    IXJ__D_CONTROL_(X, h, 4) IXJ__D_CONTROL_(X, h, 5)                         \
    IXJ__D_CONTROL_(X, h, 6) IXJ__D_CONTROL_(X, h, 7)                         \
    IXJ__D_CONTROL_(X, h, 8) IXJ__D_CONTROL_(X, h, 9)                         \
    IXJ__D_CONTROL_(X, h, A) IXJ__D_CONTROL_(X, h, B)                         \
    IXJ__D_CONTROL_(X, h, C) IXJ__D_CONTROL_(X, h, D)                         \
    IXJ__D_CONTROL_(X, h, E) IXJ__D_CONTROL_(X, h, F)
/* clang-format on */

/* Type errors: for each kind of value a field expects, one entry per JSON
 * type found, in the decoder's order (null, boolean, number, string,
 * object, array), so that the id is the kind's first id + the type. */
#define IXJ__D_TYPE_(X, kind, expected)                               \
    X(TYPE_##kind##_NULL, "expected " expected ", found null")        \
    X(TYPE_##kind##_BOOL, "expected " expected ", found a boolean")   \
    X(TYPE_##kind##_NUMBER, "expected " expected ", found a number")  \
    X(TYPE_##kind##_STRING, "expected " expected ", found a string")  \
    X(TYPE_##kind##_OBJECT, "expected " expected ", found an object") \
    X(TYPE_##kind##_ARRAY, "expected " expected ", found an array")

#define IXJ__DETAIL_MAP(X)                                                    \
    X(NONE, "")                                                               \
    /* syntax, between tokens */                                              \
    X(BOM, "byte-order mark at the start of the text")                        \
    X(FORM_FEED, "form feed (U+000C) is not JSON whitespace")                 \
    X(VERTICAL_TAB, "vertical tab (U+000B) is not JSON whitespace")           \
    X(CONTROL_OUTSIDE, "control character outside a string")                  \
    X(NON_ASCII_OUTSIDE, "non-ASCII byte outside a string")                   \
    X(EXPECTED_VALUE, "expected a value")                                     \
    X(COMMENT, "comments are not JSON")                                       \
    X(SINGLE_QUOTE, "strings take double quotes")                             \
    X(NOT_A_NUMBER, "NaN and Infinity are not JSON numbers")                  \
    X(PLUS_SIGN, "a number must not start with '+'")                          \
    X(LEADING_DOT, "a number must start with a digit")                        \
    X(EXPECTED_KEY, "expected a key in double quotes")                        \
    X(EXPECTED_KEY_OR_CLOSE, "expected a key in double quotes or '}'")        \
    X(COMMA_BEFORE_BRACE, "a comma must be followed by a key, not '}'")       \
    X(COMMA_BEFORE_BRACKET, "a comma must be followed by a value, not ']'")   \
    X(EXPECTED_COLON, "expected ':' after a key")                             \
    X(EXPECTED_COMMA_OR_BRACE, "expected ',' or '}' after a member")          \
    X(EXPECTED_COMMA_OR_BRACKET, "expected ',' or ']' after an element")      \
    X(LEADING_ZERO, "a number must not have leading zeros")                   \
    X(AFTER_TOP, "text after the top-level value")                            \
    /* syntax, inside tokens */                                               \
    X(MINUS_ALONE, "'-' must be followed by a digit")                         \
    X(DOT_ALONE, "'.' must be followed by a digit")                           \
    X(EXPONENT_ALONE, "an exponent needs a digit")                            \
    X(LITERAL_TRUE, "expected the literal true")                              \
    X(LITERAL_FALSE, "expected the literal false")                            \
    X(LITERAL_NULL, "expected the literal null")                              \
    X(BAD_ESCAPE, "'\\' must be followed by one of \" \\ / b f n r t u")      \
    X(BAD_HEX, "\\u must be followed by four hex digits")                     \
    IXJ__D_CONTROLS_ROW(X, 0)                                                 \
    IXJ__D_CONTROLS_ROW(X, 1)                                                 \
    /* truncated */                                                           \
    X(EMPTY, "the text holds no value")                                       \
    X(IN_STRING, "the text ends inside a string")                             \
    X(IN_NUMBER, "the text ends inside a number")                             \
    X(IN_LITERAL, "the text ends inside a literal")                           \
    X(IN_OBJECT, "the text ends inside an object")                            \
    X(IN_ARRAY, "the text ends inside an array")                              \
    X(LINE_ENDS, "the line ends before the value is complete")                \
    /* string */                                                              \
    X(STRAY_CONTINUATION, "UTF-8 continuation byte without a lead byte")      \
    X(OVERLONG_LEAD, "overlong UTF-8 encoding (lead byte 0xC0 or 0xC1)")      \
    X(NEVER_UTF8, "byte 0xF5-0xFF, which UTF-8 never uses")                   \
    X(OVERLONG, "overlong UTF-8 encoding")                                    \
    X(UTF8_SURROGATE, "UTF-8 encoded surrogate (U+D800-U+DFFF)")              \
    X(ABOVE_UNICODE, "code point above U+10FFFF")                             \
    X(CUT_SEQUENCE, "UTF-8 sequence cut short")                               \
    X(LONE_LOW, "\\u escape of a low surrogate without a high one")           \
    X(LONE_HIGH, "high surrogate \\u escape not followed by a low one")       \
    X(HIGH_THEN_NOT_LOW,                                                      \
      "high surrogate \\u escape followed by a \\u escape that is not a low " \
      "surrogate")                                                            \
    X(NUL, "\\u0000 (U+0000) in a payload string")                            \
    /* type */                                                                \
    IXJ__D_TYPE_(X, OBJECT, "an object")                                      \
    IXJ__D_TYPE_(X, ARRAY, "an array")                                        \
    IXJ__D_TYPE_(X, STRING, "a string")                                       \
    IXJ__D_TYPE_(X, BOOL, "true or false")                                    \
    IXJ__D_TYPE_(X, INTEGER, "an integer (a number or a string)")             \
    IXJ__D_TYPE_(X, TIMESTAMP, "an RFC 3339 timestamp string")                \
    IXJ__D_TYPE_(X, ENUM, "an enum literal string")                           \
    X(NULL_ELEMENT, "null is not allowed as an array element")                \
    X(STRICT_UINT64_TYPE, "uint64 must be a decimal string in strict mode")   \
    X(STRICT_INT64_TYPE, "int64 must be a JSON number in strict mode")        \
    X(STRICT_NULL,                                                            \
      "null is not allowed in strict mode (no field of the spec is "          \
      "nullable)")                                                            \
    /* number */                                                              \
    X(NUMBER_EMPTY, "an empty string is not a number")                        \
    X(NUMBER_SPACE, "spaces around a number")                                 \
    X(NUMBER_PLUS, "a number must not start with '+'")                        \
    X(NUMBER_LEADING_ZERO, "a number must not have leading zeros")            \
    X(NUMBER_NOT_LITERAL, "not a JSON number literal")                        \
    X(STRICT_UINT64_FORM,                                                     \
      "uint64 must be plain decimal digits in strict mode")                   \
    X(STRICT_INT64_FORM, "int64 must be a plain integer in strict mode")      \
    /* range */                                                               \
    X(FRACTION, "the value has a fractional part")                            \
    X(NEGATIVE_UINT64, "uint64 cannot be negative")                           \
    X(ABOVE_UINT64, "above the uint64 maximum 18446744073709551615")          \
    X(OUTSIDE_INT64,                                                          \
      "outside the int64 range -9223372036854775808..9223372036854775807")    \
    /* enum */                                                                \
    X(ENUM_BATCH_JOB_PHASE,                                                   \
      "not a BATCH_JOB_PHASE_* literal of the spec (strict mode)")            \
    X(ENUM_INDEX_JOB_STATUS,                                                  \
      "not an INDEX_JOB_STATUS_* literal of the spec (strict mode)")          \
    X(ENUM_DATA_SOURCE_STATUS,                                                \
      "not a DATA_SOURCE_STATUS_* literal of the spec (strict mode)")         \
    /* timestamp */                                                           \
    X(TS_SHAPE, "expected YYYY-MM-DDTHH:MM:SS[.fraction] and Z or an offset") \
    X(TS_LOWER_T, "the 'T' between date and time must be upper-case")         \
    X(TS_SPACE, "a space where the 'T' between date and time must be")        \
    X(TS_LOWER_Z, "the 'Z' of UTC must be upper-case")                        \
    X(TS_NO_OFFSET, "no time zone: Z or an offset must end a timestamp")      \
    X(TS_OFFSET_COLON, "the offset must be +HH:MM or -HH:MM, with a colon")   \
    X(TS_FRACTION, "1 to 9 fraction digits must follow '.'")                  \
    X(TS_YEAR_ZERO, "year 0000 is out of range (0001-9999)")                  \
    X(TS_MONTH, "the month must be 01-12")                                    \
    X(TS_DAY, "the day must be 01-31")                                        \
    X(TS_FEB_29, "February 29 exists only in leap years")                     \
    X(TS_FEB_30, "February has no day 30")                                    \
    X(TS_FEB_31, "February has no day 31")                                    \
    X(TS_APR_31, "April has no day 31")                                       \
    X(TS_JUN_31, "June has no day 31")                                        \
    X(TS_SEP_31, "September has no day 31")                                   \
    X(TS_NOV_31, "November has no day 31")                                    \
    X(TS_HOUR, "the hour must be 00-23")                                      \
    X(TS_MINUTE, "the minute must be 00-59")                                  \
    X(TS_SECOND, "the second must be 00-59 (no leap seconds)")                \
    X(TS_OFFSET_RANGE, "offset hours must be 00-23 and minutes 00-59")        \
    X(TS_RANGE, "the instant in UTC is outside 0001-01-01T00:00:00Z.."        \
                "9999-12-31T23:59:59.999999999Z")                             \
    /* keys */                                                                \
    X(UNKNOWN_KEY, "the spec has no such key here (strict mode)")             \
    X(UNKNOWN_TOP_KEY,                                                        \
      "no payload type has this key at the top level (strict mode)")          \
    X(ALIAS_IN_STRICT,                                                        \
      "a lowerCamelCase alias: strict mode takes the snake_case key")         \
    X(DUPLICATE, "the same key appears earlier in this object")               \
    X(DUPLICATE_ALIAS,                                                        \
      "the same field appears earlier under its other name (key and "         \
      "lowerCamelCase alias)")                                                \
    X(MISSING_ID, "the error body's required field id is missing")            \
    X(MISSING_MESSAGE, "the error body's required field message is missing")  \
    X(UNIDENTIFIED,                                                           \
      "no top-level key belongs to a payload type; name the type to check "   \
      "the text as one")                                                      \
    /* limit */                                                               \
    X(DEPTH_LIMIT, "nesting deeper than the depth limit")                     \
    X(STRING_LIMIT, "a string longer than the string limit")                  \
    X(NUMBER_LIMIT, "a number longer than the number limit")                  \
    X(ARRAY_LIMIT, "an array longer than the array limit")                    \
    X(DOCUMENT_LIMIT, "a document longer than the document limit")            \
    X(RESULT_LIMIT,                                                           \
      "the decoded result would take more memory than the result limit")      \
    /* stopped */                                                             \
    X(ELEMENT_STOP, "an element callback returned nonzero")                   \
    X(DOCUMENT_STOP, "the document callback returned nonzero")

#define IXJ__D_ENUM_(suffix, text) IXJ__D_##suffix,
typedef enum ixj__detail {
    IXJ__DETAIL_MAP(IXJ__D_ENUM_) IXJ__DETAIL_COUNT
} ixj__detail;
#undef IXJ__D_ENUM_

/* JSON types, in the order of the type rows above: a type error's detail
 * is IXJ__D_TYPE_<kind>_NULL + the type found. */
enum {
    IXJ__JSON_NULL,
    IXJ__JSON_BOOL,
    IXJ__JSON_NUMBER,
    IXJ__JSON_STRING,
    IXJ__JSON_OBJECT,
    IXJ__JSON_ARRAY
};

/* The text of a detail id; "" for ids outside the catalog. */
const char *ixj__detail_text(unsigned id);

#endif /* IXJOB_DETAIL_H */
