/* SPDX-License-Identifier: MIT */
/*
 * ixj_schema_write: every type writes a JSON Schema that parses, with its
 * keys sorted, the same bytes every time, pretty and compact alike; every
 * field of the tables is in it, with the default and strict forms where
 * they differ; its patterns agree with the decoder's own parsers; and
 * misuse and stops are refused as documented. tests/test_schema_agree.sh
 * checks the schemas against the policy corpus.
 */
#include <check.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yajl/yajl_tree.h>

#include "rfc3339.h"
#include "scalar.h"
#include "schema.h"
#include "testutil.h"

#define ALL_FLAGS 4 /* flag sets 0 .. 3 */

static int
append(void *ctx, const char *bytes, size_t len)
{
    tu_buf_put(ctx, bytes, len);
    return 0;
}

/* The schema as a string (malloc'd). */
static char *
schema_text(ixj_type type, unsigned flags)
{
    tu_buf b = {0};
    ixj_status st = ixj_schema_write(type, flags, append, &b);
    ck_assert_msg(st == IXJ_OK, "type %d flags %u: %s", (int)type, flags,
                  ixj_status_name(st));
    ck_assert_ptr_nonnull(b.data);
    return b.data;
}

static yajl_val
parse(const char *text)
{
    char err[256];
    yajl_val v = yajl_tree_parse(text, err, sizeof err);
    ck_assert_msg(v != NULL, "not JSON: %s", err);
    return v;
}

/* A member of an object, or NULL. */
static yajl_val
member(yajl_val obj, const char *key)
{
    if (!YAJL_IS_OBJECT(obj))
        return NULL;
    for (size_t i = 0; i < obj->u.object.len; i++)
        if (strcmp(obj->u.object.keys[i], key) == 0)
            return obj->u.object.values[i];
    return NULL;
}

static const char *
string_of(yajl_val v)
{
    return YAJL_IS_STRING(v) ? v->u.string : NULL;
}

static const char *
name_of(const char *c_name)
{
    return strncmp(c_name, "ixj_", 4) == 0 ? c_name + 4 : c_name;
}

/* Every object's keys in strictly increasing bytewise order. */
static void
check_sorted(yajl_val v, const char *where)
{
    if (YAJL_IS_OBJECT(v)) {
        for (size_t i = 0; i < v->u.object.len; i++) {
            if (i > 0)
                ck_assert_msg(
                    strcmp(v->u.object.keys[i - 1], v->u.object.keys[i]) < 0,
                    "%s: \"%s\" before \"%s\"", where, v->u.object.keys[i - 1],
                    v->u.object.keys[i]);
            check_sorted(v->u.object.values[i], v->u.object.keys[i]);
        }
    } else if (YAJL_IS_ARRAY(v)) {
        for (size_t i = 0; i < v->u.array.len; i++)
            check_sorted(v->u.array.values[i], where);
    }
}

/* How many `type` keywords name "null" (as a string or in an array);
 * items schemas must never accept it (ProtoJSON: no null elements). */
static size_t
count_null_types(yajl_val v, bool in_items)
{
    size_t n = 0;
    if (YAJL_IS_OBJECT(v)) {
        for (size_t i = 0; i < v->u.object.len; i++) {
            const char *k = v->u.object.keys[i];
            yajl_val x = v->u.object.values[i];
            if (strcmp(k, "type") == 0) {
                if (YAJL_IS_STRING(x) && strcmp(x->u.string, "null") == 0)
                    n++;
                for (size_t j = 0; YAJL_IS_ARRAY(x) && j < x->u.array.len; j++)
                    if (strcmp(string_of(x->u.array.values[j]), "null") == 0)
                        n++;
                ck_assert_msg(!in_items || n == 0, "items accept null");
            }
            n += count_null_types(x, in_items || strcmp(k, "items") == 0);
        }
    } else if (YAJL_IS_ARRAY(v)) {
        for (size_t i = 0; i < v->u.array.len; i++)
            n += count_null_types(v->u.array.values[i], in_items);
    }
    return n;
}

/* The text without the whitespace between tokens. */
static char *
squeeze(const char *text)
{
    char *out = malloc(strlen(text) + 1), *p = out;
    bool in_string = false;
    ck_assert_ptr_nonnull(out);
    for (const char *s = text; *s != '\0'; s++) {
        if (in_string) {
            *p++ = *s;
            if (*s == '\\')
                *p++ = *++s;
            else if (*s == '"')
                in_string = false;
        } else if (*s != ' ' && *s != '\n') {
            in_string = *s == '"';
            *p++ = *s;
        }
    }
    *p = '\0';
    return out;
}

START_TEST(test_every_type_writes_json)
{
    for (size_t t = 0; t < ixj__n_payload_types; t++) {
        ixj_type type = ixj__payload_types[t];
        for (unsigned flags = 0; flags < ALL_FLAGS; flags++) {
            bool strict = (flags & IXJ_SCHEMA_STRICT) != 0;
            bool pretty = (flags & IXJ_SCHEMA_PRETTY) != 0;
            char *text = schema_text(type, flags);
            yajl_val root = parse(text), defs = member(root, "$defs");
            char id[64], ref[64];
            size_t len = strlen(text);

            check_sorted(root, "$");
            ck_assert_str_eq(string_of(member(root, "$schema")),
                             "https://json-schema.org/draft/2020-12/schema");
            snprintf(id, sizeof id, "urn:ixjob:schema:%s%s",
                     ixj_type_name(type), strict ? ":strict" : "");
            ck_assert_str_eq(string_of(member(root, "$id")), id);
            ck_assert_ptr_nonnull(
                strstr(string_of(member(root, "title")), ixj_type_name(type)));
            ck_assert_ptr_nonnull(string_of(member(root, "description")));
            ck_assert_ptr_nonnull(
                strstr(string_of(member(root, "$comment")), "duplicate keys"));
            snprintf(ref, sizeof ref, "#/$defs/%s",
                     name_of(ixj__root_object(type)->name));
            ck_assert_str_eq(string_of(member(root, "$ref")), ref);
            ck_assert(YAJL_IS_OBJECT(defs));
            /* every $ref names a definition */
            for (const char *p = text; (p = strstr(p, "\"#/$defs/")) != NULL;
                 p++) {
                char name[64];
                size_t n = strcspn(p + 9, "\"");
                ck_assert_uint_lt(n, sizeof name);
                memcpy(name, p + 9, n);
                name[n] = '\0';
                ck_assert_msg(member(defs, name) != NULL, "no $defs/%s", name);
            }
            ck_assert(pretty ? text[len - 1] == '\n'
                             : strchr(text, '\n') == NULL);
            if (strict)
                ck_assert_uint_eq(count_null_types(root, false), 0);
            else
                ck_assert_uint_gt(count_null_types(root, false), 0);
            yajl_tree_free(root);
            free(text);
        }
    }
}
END_TEST

START_TEST(test_pretty_and_deterministic)
{
    for (size_t t = 0; t < ixj__n_payload_types; t++) {
        for (unsigned strict = 0; strict <= 1; strict++) {
            ixj_type type = ixj__payload_types[t];
            char *compact = schema_text(type, strict);
            char *again = schema_text(type, strict);
            char *pretty = schema_text(type, strict | IXJ_SCHEMA_PRETTY);
            char *squeezed = squeeze(pretty);
            const char *line = pretty;

            ck_assert_str_eq(compact, again);
            ck_assert_str_eq(squeezed, compact);
            /* two spaces per level: { and [ indent, } and ] dedent */
            for (int depth = 0; *line != '\0';) {
                size_t spaces = strspn(line, " ");
                const char *end = strchr(line, '\n');
                char last;
                ck_assert_ptr_nonnull(end);
                if (line[spaces] == '}' || line[spaces] == ']')
                    depth--;
                ck_assert_int_eq((int)spaces, 2 * depth);
                last = end[-1];
                if (last == '{' || last == '[')
                    depth++;
                line = end + 1;
            }
            free(compact);
            free(again);
            free(pretty);
            free(squeezed);
        }
    }
}
END_TEST

/* The schema of one property: its kind's shape in either form. */
static void
check_value(yajl_val v, const ixj__field *f, bool strict, const char *where)
{
    char ref[80];
    const char *target = NULL, *type = NULL;
    yajl_val items = member(v, "items");

    switch ((ixj__kind)f->kind) {
    case IXJ__KIND_STRING:
        type = "string";
        break;
    case IXJ__KIND_BOOL:
        type = "boolean";
        break;
    case IXJ__KIND_UINT64:
        target = "uint64";
        break;
    case IXJ__KIND_INT64:
        target = "int64";
        break;
    case IXJ__KIND_TIMESTAMP:
        target = "timestamp";
        break;
    case IXJ__KIND_ENUM:
        target = name_of(f->enumeration->name);
        break;
    case IXJ__KIND_OBJECT:
        target = name_of(f->object->name);
        break;
    case IXJ__KIND_OBJECT_ARRAY:
    case IXJ__KIND_STRING_ARRAY:
        type = "array";
        ck_assert_msg(items != NULL, "%s: no items", where);
        if (f->kind == IXJ__KIND_STRING_ARRAY) {
            ck_assert_str_eq(string_of(member(items, "type")), "string");
        } else {
            snprintf(ref, sizeof ref, "#/$defs/%s", name_of(f->object->name));
            ck_assert_str_eq(string_of(member(items, "$ref")), ref);
        }
        break;
    }
    if (target != NULL) {
        yajl_val any = member(v, "anyOf");
        snprintf(ref, sizeof ref, "#/$defs/%s", target);
        if (strict) {
            ck_assert_msg(string_of(member(v, "$ref")) != NULL &&
                              strcmp(string_of(member(v, "$ref")), ref) == 0,
                          "%s: not a $ref to %s", where, ref);
        } else {
            size_t n;
            ck_assert_msg(YAJL_IS_ARRAY(any), "%s: no anyOf", where);
            n = any->u.array.len;
            ck_assert_str_eq(string_of(member(any->u.array.values[0], "$ref")),
                             ref);
            ck_assert_str_eq(
                string_of(member(any->u.array.values[n - 1], "type")), "null");
            /* an enum also takes any other string */
            ck_assert_uint_eq(n, f->kind == IXJ__KIND_ENUM ? 3 : 2);
        }
    } else {
        yajl_val t = member(v, "type");
        if (strict) {
            ck_assert_str_eq(string_of(t), type);
        } else {
            ck_assert_msg(YAJL_IS_ARRAY(t) && t->u.array.len == 2, "%s: type",
                          where);
            ck_assert_str_eq(string_of(t->u.array.values[0]), type);
            ck_assert_str_eq(string_of(t->u.array.values[1]), "null");
        }
    }
}

static void
check_enum(yajl_val defs, const ixj__enum_desc *e)
{
    yajl_val d = member(defs, name_of(e->name)), list = member(d, "enum");
    ck_assert_msg(YAJL_IS_ARRAY(list), "no $defs/%s", name_of(e->name));
    ck_assert_int_eq((int)list->u.array.len, e->count);
    for (int i = 0; i < e->count; i++)
        ck_assert_str_eq(string_of(list->u.array.values[i]), e->literals[i]);
}

/* An object's definition has every field of its table, and so on down. */
static void
check_object(yajl_val defs, const ixj__object_desc *obj, bool strict)
{
    const char *name = name_of(obj->name);
    yajl_val d = member(defs, name), props = member(d, "properties");
    yajl_val deps = member(d, "dependentSchemas"), required;
    yajl_val additional = member(d, "additionalProperties");
    size_t n_aliases = 0, n_required = 0;

    ck_assert_msg(YAJL_IS_OBJECT(props), "no $defs/%s/properties", name);
    ck_assert_str_eq(string_of(member(d, "type")), "object");
    ck_assert(strict ? YAJL_IS_FALSE(additional) : YAJL_IS_TRUE(additional));
    for (unsigned i = 0; i < obj->n_fields; i++) {
        const ixj__field *f = &obj->fields[i];
        bool aliased = strcmp(f->alias, f->name) != 0;
        yajl_val v = member(props, f->name), a = member(props, f->alias);
        char where[128];

        snprintf(where, sizeof where, "%s.%s", name, f->name);
        ck_assert_msg(v != NULL, "%s missing", where);
        check_value(v, f, strict, where);
        if (aliased && strict) {
            ck_assert_msg(a == NULL, "%s: alias in strict mode", where);
        } else if (aliased) {
            yajl_val not_both = member(member(deps, f->alias), "not");
            yajl_val names = member(not_both, "required");
            n_aliases++;
            ck_assert_msg(a != NULL, "%s: no alias %s", where, f->alias);
            check_value(a, f, strict, where);
            ck_assert_msg(YAJL_IS_ARRAY(names) && names->u.array.len == 1,
                          "%s: no dependentSchemas for %s", where, f->alias);
            ck_assert_str_eq(string_of(names->u.array.values[0]), f->name);
        }
        if (f->object != NULL)
            check_object(defs, f->object, strict);
        if (f->enumeration != NULL)
            check_enum(defs, f->enumeration);
        if ((obj->required >> f->bit) & 1)
            n_required++;
    }
    ck_assert_uint_eq(props->u.object.len, obj->n_fields + n_aliases);
    if (n_aliases == 0)
        ck_assert_ptr_null(deps);
    else
        ck_assert_uint_eq(deps->u.object.len, n_aliases);
    required = member(d, "required");
    if (!strict || n_required == 0) {
        ck_assert_ptr_null(required);
        return;
    }
    ck_assert(YAJL_IS_ARRAY(required));
    ck_assert_uint_eq(required->u.array.len, n_required);
    for (size_t i = 0, k = 0; i < obj->n_fields; i++)
        if ((obj->required >> obj->fields[i].bit) & 1)
            ck_assert_str_eq(string_of(required->u.array.values[k++]),
                             obj->fields[i].name);
}

START_TEST(test_every_field_of_every_table)
{
    for (size_t t = 0; t < ixj__n_payload_types; t++) {
        for (unsigned strict = 0; strict <= 1; strict++) {
            char *text = schema_text(ixj__payload_types[t], strict);
            yajl_val root = parse(text);
            check_object(member(root, "$defs"),
                         ixj__root_object(ixj__payload_types[t]), strict);
            yajl_tree_free(root);
            free(text);
        }
    }
}
END_TEST

/* The error body's required fields, as the spec has them. */
START_TEST(test_error_body_required_in_strict_mode)
{
    char *text = schema_text(IXJ_TYPE_ERROR_BODY, IXJ_SCHEMA_STRICT);
    yajl_val root = parse(text);
    yajl_val req =
        member(member(member(root, "$defs"), "error_body"), "required");
    ck_assert(YAJL_IS_ARRAY(req));
    ck_assert_uint_eq(req->u.array.len, 2);
    ck_assert_str_eq(string_of(req->u.array.values[0]), "id");
    ck_assert_str_eq(string_of(req->u.array.values[1]), "message");
    yajl_tree_free(root);
    free(text);
}
END_TEST

typedef struct counter {
    unsigned calls;
    unsigned stop_at; /* the call that returns nonzero; 0: none */
} counter;

static int
count_calls(void *ctx, const char *bytes, size_t len)
{
    counter *c = ctx;
    (void)bytes;
    ck_assert_uint_gt(len, 0);
    return ++c->calls == c->stop_at;
}

START_TEST(test_refusals)
{
    static const ixj_type no_schema[] = {IXJ_TYPE_AUTO, IXJ_TYPE_ANY,
                                         (ixj_type)99, (ixj_type)-1};
    counter c = {0, 0};

    for (size_t i = 0; i < sizeof no_schema / sizeof no_schema[0]; i++)
        for (unsigned flags = 0; flags < ALL_FLAGS; flags++)
            ck_assert_int_eq(
                ixj_schema_write(no_schema[i], flags, count_calls, &c),
                IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_schema_write(IXJ_TYPE_JOB, 4, count_calls, &c),
                     IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_schema_write(IXJ_TYPE_JOB, ~0u, count_calls, &c),
                     IXJ_ERR_MISUSE);
    ck_assert_int_eq(ixj_schema_write(IXJ_TYPE_JOB, 0, NULL, NULL),
                     IXJ_ERR_MISUSE);
    ck_assert_uint_eq(c.calls, 0); /* nothing written */

    /* A stop ends the writing at once: no call after the one that said
     * so, whichever it is. */
    for (unsigned stop = 1; stop <= 3; stop++) {
        c.calls = 0;
        c.stop_at = stop;
        ck_assert_int_eq(
            ixj_schema_write(IXJ_TYPE_JOB, IXJ_SCHEMA_PRETTY, count_calls, &c),
            IXJ_STOPPED);
        ck_assert_uint_eq(c.calls, stop);
    }
    /* Without a stop: OK, in more than 3 pieces. */
    c.calls = 0;
    c.stop_at = 0;
    ck_assert_int_eq(
        ixj_schema_write(IXJ_TYPE_JOB, IXJ_SCHEMA_PRETTY, count_calls, &c),
        IXJ_OK);
    ck_assert_uint_gt(c.calls, 3);
}
END_TEST

/* ------------------------------------------------------------- patterns */

typedef struct patterns {
    regex_t strict_uint64, uint64, int64, timestamp;
} patterns;

static void
compile(regex_t *re, const char *pattern)
{
    int rc;
    ck_assert_ptr_nonnull(pattern);
    /* ECMA-262 and POSIX ERE share the syntax used: this also checks
     * that the patterns stay within it. */
    rc = regcomp(re, pattern, REG_EXTENDED | REG_NOSUB);
    ck_assert_msg(rc == 0, "not an ERE: %s", pattern);
}

static void
patterns_load(patterns *p)
{
    char *strict = schema_text(IXJ_TYPE_JOB, IXJ_SCHEMA_STRICT);
    char *loose = schema_text(IXJ_TYPE_JOB, 0);
    yajl_val s = parse(strict), d = parse(loose);
    yajl_val sdefs = member(s, "$defs"), ddefs = member(d, "$defs");
    yajl_val u = member(member(ddefs, "uint64"), "anyOf");
    yajl_val i = member(member(ddefs, "int64"), "anyOf");

    compile(&p->strict_uint64,
            string_of(member(member(sdefs, "uint64"), "pattern")));
    ck_assert(YAJL_IS_ARRAY(u) && YAJL_IS_ARRAY(i));
    compile(&p->uint64, string_of(member(u->u.array.values[1], "pattern")));
    compile(&p->int64, string_of(member(i->u.array.values[1], "pattern")));
    compile(&p->timestamp,
            string_of(member(member(sdefs, "timestamp"), "pattern")));
    ck_assert_str_eq(string_of(member(member(sdefs, "timestamp"), "pattern")),
                     string_of(member(member(ddefs, "timestamp"), "pattern")));
    yajl_tree_free(s);
    yajl_tree_free(d);
    free(strict);
    free(loose);
}

static void
patterns_free(patterns *p)
{
    regfree(&p->strict_uint64);
    regfree(&p->uint64);
    regfree(&p->int64);
    regfree(&p->timestamp);
}

static bool
matches(const regex_t *re, const char *text)
{
    return regexec(re, text, 0, NULL, 0) == 0;
}

/* Integer texts around every edge the patterns draw. */
static const char *const integer_texts[] = {"0",
                                            "1",
                                            "9",
                                            "10",
                                            "42",
                                            "-0",
                                            "-1",
                                            "+1",
                                            "00",
                                            "01",
                                            "-01",
                                            "",
                                            "-",
                                            " 1",
                                            "1 ",
                                            "1.",
                                            ".5",
                                            "1.0",
                                            "1.00",
                                            "1.5",
                                            "-0.0",
                                            "-0.5",
                                            "1e3",
                                            "1E+3",
                                            "1e-0",
                                            "10e-1",
                                            "1e-1",
                                            "-1e3",
                                            "-0e5",
                                            "-0.0e-3",
                                            "0.5e1",
                                            "1.5e0",
                                            "1e",
                                            "1e+",
                                            "1.e3",
                                            "0x1F",
                                            "1_000",
                                            "\xef\xbc\x91",
                                            "9007199254740993",
                                            "9223372036854775807",
                                            "9223372036854775808",
                                            "-9223372036854775808",
                                            "-9223372036854775809",
                                            "18446744073709551614",
                                            "18446744073709551615",
                                            "18446744073709551616",
                                            "18446744073709551625",
                                            "18446744073709551705",
                                            "18446744073709552615",
                                            "18446744083709551615",
                                            "19446744073709551615",
                                            "28446744073709551615",
                                            "99999999999999999999",
                                            "100000000000000000000",
                                            "1844674407370955161",
                                            "9999999999999999999",
                                            "18446744073709551615.0",
                                            "1.8446744073709551615e19",
                                            "1.8446744073709551616e19",
                                            "1e19",
                                            "1e20",
                                            "1e-400",
                                            "1e400"};

/* The 20-digit numbers that differ from UINT64_MAX in one digit. */
static void
each_near_max(void (*fn)(const patterns *, const char *), const patterns *p)
{
    static const char max[] = "18446744073709551615";
    char text[sizeof max];
    for (size_t i = 0; i < sizeof max - 1; i++) {
        for (char d = '0'; d <= '9'; d++) {
            memcpy(text, max, sizeof max);
            text[i] = d;
            fn(p, text);
        }
    }
}

static void
check_integer(const patterns *p, const char *text)
{
    uint64_t u;
    int64_t i;
    size_t len = strlen(text);
    ixj_status su = ixj__text_to_u64(text, len, &u);
    ixj_status si = ixj__text_to_i64(text, len, &i);

    /* strict uint64: exactly the canonical strings in range */
    TU_CHECK(matches(&p->strict_uint64, text) ==
                 (ixj__is_canonical_unsigned(text, len) && su == IXJ_OK),
             "strict uint64 pattern and decoder differ on \"%s\"", text);
    /* default mode: every accepted text matches, and no text that is not
     * a number literal does; a literal out of range may match */
    TU_CHECK(su != IXJ_OK || matches(&p->uint64, text),
             "uint64 pattern refuses \"%s\"", text);
    TU_CHECK(su != IXJ_ERR_NUMBER || !matches(&p->uint64, text),
             "uint64 pattern takes the non-literal \"%s\"", text);
    TU_CHECK(si != IXJ_OK || matches(&p->int64, text),
             "int64 pattern refuses \"%s\"", text);
    TU_CHECK(si != IXJ_ERR_NUMBER || !matches(&p->int64, text),
             "int64 pattern takes the non-literal \"%s\"", text);
}

START_TEST(test_integer_patterns_agree_with_the_decoder)
{
    patterns p;
    char text[32];

    patterns_load(&p);
    for (size_t i = 0; i < sizeof integer_texts / sizeof integer_texts[0]; i++)
        check_integer(&p, integer_texts[i]);
    each_near_max(check_integer, &p);
    /* every length, and the powers of ten around each */
    for (int n = 1; n <= 21; n++) {
        memset(text, '9', (size_t)n);
        text[n] = '\0';
        check_integer(&p, text);
        text[0] = '1';
        memset(text + 1, '0', (size_t)n - 1);
        check_integer(&p, text);
    }
    patterns_free(&p);
}
END_TEST

/* The pattern takes what the decoder takes, except an instant that the
 * offset moves out of 0001..9999 (which the pattern cannot see). */
static void
check_timestamp(const patterns *p, const char *text)
{
    ixj_timestamp ts;
    bool parsed = ixj__rfc3339_parse(text, strlen(text), &ts);
    bool matched = matches(&p->timestamp, text);
    bool edge_year = strncmp(text, "0001-01-01", 10) == 0 ||
                     strncmp(text, "9999-12-31", 10) == 0;

    if (edge_year && matched && !parsed)
        return; /* out of range once the offset is applied */
    TU_CHECK(matched == parsed, "timestamp pattern %s \"%s\", decoder %s",
             matched ? "takes" : "refuses", text,
             parsed ? "takes it" : "refuses it");
}

START_TEST(test_timestamp_pattern_agrees_with_the_decoder)
{
    static const char *const years[] = {
        "0000", "0001", "0004", "0010", "0100", "0400", "1000",
        "1582", "1900", "1970", "1999", "2000", "2023", "2024",
        "2100", "2400", "9996", "9999", "199",  "20a4", "10000"};
    static const char *const times[] = {"00:00:00",
                                        "23:59:59",
                                        "24:00:00",
                                        "12:60:00",
                                        "12:00:60",
                                        "9:00:00",
                                        "12:00",
                                        "12:00:00.",
                                        "12:00:00.1",
                                        "12:00:00.123456789",
                                        "12:00:00.1234567890",
                                        "12:00:00,5",
                                        "1\xd9\xa2:00:00"};
    static const char *const offsets[] = {
        "Z",      "z",     "+00:00", "-00:00", "+23:59", "-23:59",  "+24:00",
        "-12:60", "+0100", "+01",    "",       "Z ",     "+01:00Z", "UTC"};
    static const char *const others[] = {"",
                                         "2026-03-02t14:05:11Z",
                                         "2026-03-02 14:05:11Z",
                                         "2026-03-02",
                                         "1741003511",
                                         "2026-03-02T14:05:11Z\n",
                                         "\n2026-03-02T14:05:11Z",
                                         "0001-01-01T00:00:00+00:01",
                                         "0001-01-01T00:00:00-00:01",
                                         "9999-12-31T23:59:59-00:01",
                                         "9999-12-31T23:59:59+00:01",
                                         "9999-12-31T23:59:59.999999999Z"};
    unsigned stride = tu_quick_stride(7), k = 0;
    patterns p;
    char text[96];

    patterns_load(&p);
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        check_timestamp(&p, others[i]);
    /* every month and day of years that test each leap-year rule */
    for (size_t y = 0; y < sizeof years / sizeof years[0]; y++)
        for (int month = 0; month <= 13; month++)
            for (int day = 0; day <= 32; day++) {
                snprintf(text, sizeof text, "%s-%02d-%02dT12:34:56Z", years[y],
                         month, day);
                check_timestamp(&p, text);
            }
    /* times and offsets, on dates inside and at the edges of the range */
    for (size_t t = 0; t < sizeof times / sizeof times[0]; t++)
        for (size_t o = 0; o < sizeof offsets / sizeof offsets[0]; o++)
            for (int date = 0; date < 3; date++) {
                static const char *const dates[] = {"2024-02-29", "0001-01-01",
                                                    "9999-12-31"};
                if (k++ % stride != 0)
                    continue;
                snprintf(text, sizeof text, "%sT%s%s", dates[date], times[t],
                         offsets[o]);
                check_timestamp(&p, text);
            }
    patterns_free(&p);
}
END_TEST

int
main(void)
{
    Suite *s = suite_create("jsonschema");
    TCase *tc = tcase_create("jsonschema");
    int failed;

    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, test_every_type_writes_json);
    tcase_add_test(tc, test_pretty_and_deterministic);
    tcase_add_test(tc, test_every_field_of_every_table);
    tcase_add_test(tc, test_error_body_required_in_strict_mode);
    tcase_add_test(tc, test_refusals);
    tcase_add_test(tc, test_integer_patterns_agree_with_the_decoder);
    tcase_add_test(tc, test_timestamp_pattern_agrees_with_the_decoder);
    suite_add_tcase(s, tc);
    failed = tu_run_suite(s);
    return failed == 0 ? 0 : 1;
}
