#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the policy corpus under tests/corpus/ (see README.md there).

Every case names the rule it checks. Inputs carry a marker where the error
must be reported: MARK (U+00A7 SECTION SIGN) for default mode and SMARK
(U+00A4 CURRENCY SIGN) for strict mode when the strict error sits elsewhere;
the marker is removed from the input and its byte position gives the
expected offset, line and column. An error expectation also names its
detail by its id in the catalog lib/detail.h (err("type", "$.job.uuid",
"TYPE_STRING_NUMBER")): the author picks the id from the rules, and only
the wording is read from the catalog, so a reworded detail needs nothing
but a rerun of this script. Expected values are written here by hand;
nothing is derived from running the decoder.

    python3 tests/corpus/make-corpus.py     # rewrites tests/corpus/<group>/
"""
import os
import re
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
MARK, SMARK = "\u00a7", "\u00a4"
SAME = object()
written = set()


def read_catalog():
    """The detail texts of lib/detail.h by id suffix (BOM, TYPE_ENUM_NUMBER,
    CONTROL_1F, ...): its X-macro rows, with the two row generators (one
    row per control character, six rows per kind of typed value)
    expanded."""
    with open(os.path.join(HERE, "..", "..", "lib", "detail.h")) as f:
        text = f.read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S).replace("\\\n", " ")

    def c_string(parts):
        return "".join(re.sub(r"\\(.)", r"\1", p) for p in re.findall(r'"((?:[^"\\]|\\.)*)"', parts))

    body = re.search(r"#define IXJ__DETAIL_MAP\(X\)(.*)", text).group(1)
    type_rows = re.findall(r'X\(TYPE_##kind##_(\w+), "expected " expected "([^"]*)"\)', text)
    assert len(type_rows) == 6, type_rows
    texts = {}
    for name, strings in re.findall(r'\bX\(\s*(\w+)\s*,\s*((?:"(?:[^"\\]|\\.)*"\s*)+)\)', body):
        texts[name] = c_string(strings)
    for h in re.findall(r"IXJ__D_CONTROLS_ROW\(X, (\d)\)", body):
        for l in "0123456789ABCDEF":
            texts["CONTROL_%s%s" % (h, l)] = "raw control character U+00%s%s in a string" % (h, l)
    for kind, expected in re.findall(r'IXJ__D_TYPE_\(X, (\w+), ("(?:[^"\\]|\\.)*")\)', body):
        for found, tail in type_rows:
            texts["TYPE_%s_%s" % (kind, found)] = "expected %s%s" % (c_string(expected), tail)
    assert len(texts) > 100 and texts["NONE"] == "", len(texts)
    return texts


DETAILS = read_catalog()


def ok(type_, *lines, unknown=0, unrec=0):
    head = "ok %s unknown_fields=%d unrecognized_enums=%d\n" % (type_, unknown, unrec)
    return head + "".join(l + "\n" for l in lines)


def err(code, path, detail, marker=None):
    """An error: its code, path, detail (an id of lib/detail.h) and, when
    not the case's own marker, the marker that places it."""
    assert detail in DETAILS, detail
    return ("error", code, path, detail, marker)


def position(data, marker):
    i = data.find(marker.encode())
    assert i >= 0, "marker missing"
    line = data[:i].count(b"\n") + 1
    col = i - (data.rfind(b"\n", 0, i) + 1) + 1
    return i, line, col


def render(expect, raw, default_marker):
    if isinstance(expect, str):
        return expect
    _, code, path, detail, marker = expect
    marker = marker or default_marker
    off, line, col = position(raw, marker)
    out = "error %s at %s offset=%d line=%d column=%d\n" % (code, path, off, line, col)
    if DETAILS[detail]:
        out += "detail: %s\n" % DETAILS[detail]
    return out


def case(group, name, data, default, strict=SAME, args=""):
    """One input; expectations for default and strict mode (SAME: the
    strict expectation equals the default one)."""
    raw = data.encode("utf-8", "surrogateescape") if isinstance(data, str) else data
    clean = raw.replace(MARK.encode(), b"").replace(SMARK.encode(), b"")
    d = os.path.join(HERE, group)
    os.makedirs(d, exist_ok=True)
    key = (group, name)
    assert key not in written, key
    written.add(key)
    with open(os.path.join(d, name + ".json"), "wb") as f:
        f.write(clean)
    variants = [("", default, MARK), (".strict", default if strict is SAME else strict,
                                      SMARK if SMARK.encode() in raw else MARK)]
    for suffix, expect, marker in variants:
        if expect is None:
            continue
        # An error marker for the other mode must not shift positions.
        other = SMARK if marker == MARK else MARK
        body = render(expect, raw.replace(other.encode(), b""), marker) if not isinstance(expect, str) else expect
        with open(os.path.join(d, name + suffix + ".expect"), "w") as f:
            if args:
                f.write("args: %s\n" % args)
            f.write(body)


def T(kind, found):
    """The detail of a type error: the kind of value expected (OBJECT,
    ARRAY, STRING, BOOL, INTEGER, TIMESTAMP, ENUM) and the JSON type found
    (NULL, BOOL, NUMBER, STRING, OBJECT, ARRAY)."""
    return "TYPE_%s_%s" % (kind, found)


# Every group is written afresh: a case renamed or removed here leaves no
# file behind.
for entry in os.listdir(HERE):
    if os.path.isdir(os.path.join(HERE, entry)):
        shutil.rmtree(os.path.join(HERE, entry))


def job(inner):
    return '{"job":{%s}}' % inner


J = "$.job"

# ---------------------------------------------------------------- top level
g = "toplevel"
case(g, "array", MARK + "[]", err("type", "$", T("OBJECT", "ARRAY")))
case(g, "string", MARK + '"x"', err("type", "$", T("OBJECT", "STRING")))
case(g, "number", MARK + "1", err("type", "$", T("OBJECT", "NUMBER")))
case(g, "true", MARK + "true", err("type", "$", T("OBJECT", "BOOL")))
case(g, "false", MARK + "false", err("type", "$", T("OBJECT", "BOOL")))
case(g, "null", MARK + "null", err("type", "$", T("OBJECT", "NULL")))
case(g, "array_for_job_type", MARK + "[{}]", err("type", "$", T("OBJECT", "ARRAY")), args="--type=job")
case(g, "null_for_job_type", MARK + "null", err("type", "$", T("OBJECT", "NULL")), args="--type=job")
case(g, "array_after_whitespace", " \r\n\t " + MARK + "[1]", err("type", "$", T("OBJECT", "ARRAY")))
case(g, "bad_string_is_type_first", MARK + '"\udcff"', err("type", "$", T("OBJECT", "STRING")))
case(g, "incomplete_number_is_type_first", MARK + "-", err("type", "$", T("OBJECT", "NUMBER")))
case(g, "invalid_byte_is_syntax", MARK + "x", err("syntax", "$", "EXPECTED_VALUE"))
# {} under auto-detection is `unidentified` (auto/); a named type takes it.
case(g, "empty_object_as_job", "{}", ok("job"), args="--type=job")
case(g, "empty_object_as_list", "{}", ok("list"), args="--type=list")
case(g, "empty_object_as_any", "{}", ok("any"), args="--type=any")
case(g, "any_accepts_scalar", "1", ok("any"), args="--type=any")
case(g, "any_accepts_array", '[1,"a",null,true,false,{"a":[]}]', ok("any"), args="--type=any")

# ---------------------------------------------------------------- auto-detection
g = "auto"
case(g, "job_key", '{"job":{}}', ok("job", "$.job = {}"))
case(g, "list_key_jobs", '{"jobs":[]}', ok("list", "$.jobs = [0]"))
case(g, "list_key_meta", '{"meta":{"page":2}}', ok("list", "$.meta = {}", "$.meta.page = 2"))
case(g, "list_key_links", '{"links":{"pages":{"first":""}}}',
     ok("list", "$.links = {}", "$.links.pages = {}", '$.links.pages.first = ""'))
case(g, "data_sources_key", '{"indexed_data_sources":[]}',
     ok("data-sources", "$.indexed_data_sources = [0]"))
case(g, "signed_url_key", '{"signed_url":"https://x"}',
     ok("signed-url", '$.signed_url = "https://x"'))
case(g, "error_key_id", '{"id":"not_found","message":"m"}',
     ok("error", '$.id = "not_found"', '$.message = "m"'))
# Both required fields are missing: the first in table order is named.
case(g, "error_key_request_id", '{"request_id":"r"' + SMARK + '}', ok("error", '$.request_id = "r"'),
     err("missing_field", "$", "MISSING_ID"))
case(g, "create_request_key", '{"knowledge_base_uuid":"kb"}',
     ok("create-request", '$.knowledge_base_uuid = "kb"'))
case(g, "create_request_key_uuids", '{"data_source_uuids":[]}',
     ok("create-request", "$.data_source_uuids = [0]"))
case(g, "deciding_key_null_value", '{"signed_url":' + SMARK + 'null}', ok("signed-url"),
     err("type", "$.signed_url", "STRICT_NULL"))
case(g, "unknown_keys_then_deciding_key", '{' + SMARK + '"x":1,"y":{"job":1},"jobs":[]}',
     ok("list", "$.jobs = [0]", unknown=2),
     err("unknown_field", "$.x", "UNKNOWN_TOP_KEY"))
case(g, "alias_decides", '{' + SMARK + '"signedUrl":"u"}', ok("signed-url", '$.signed_url = "u"'),
     err("unknown_field", "$.signedUrl", "ALIAS_IN_STRICT"))
case(g, "alias_of_error_body_decides", '{' + SMARK + '"requestId":"r","id":"i","message":"m"}',
     ok("error", '$.id = "i"', '$.message = "m"', '$.request_id = "r"'),
     err("unknown_field", "$.requestId", "ALIAS_IN_STRICT"))
case(g, "second_type_key_is_unknown", '{"job":{},' + SMARK + '"jobs":[]}',
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.jobs", "UNKNOWN_KEY"))
case(g, "given_type_ignores_other_keys", '{' + SMARK + '"job":{}}', ok("list", unknown=1),
     err("unknown_field", "$.job", "UNKNOWN_KEY"), args="--type=list")
# No key decides: `unidentified` at the top-level object's closing brace,
# unless an earlier error comes first (in strict mode, the unknown key).
case(g, "empty_object", "{" + MARK + "}", err("unidentified", "$", "UNIDENTIFIED"))
case(g, "empty_object_multiline", "{\n  \n" + MARK + "}\n", err("unidentified", "$", "UNIDENTIFIED"))
case(g, "no_deciding_key", '{' + SMARK + '"foo":1' + MARK + '}',
     err("unidentified", "$", "UNIDENTIFIED"), err("unknown_field", "$.foo", "UNKNOWN_TOP_KEY"))
case(g, "name_only", '{' + SMARK + '"name":"left-pad"' + MARK + '}',
     err("unidentified", "$", "UNIDENTIFIED"), err("unknown_field", "$.name", "UNKNOWN_TOP_KEY"))
case(g, "package_json",
     '{\n  ' + SMARK + '"name": "left-pad",\n  "version": "1.3.0",\n  "description": "String left pad",\n'
     '  "main": "index.js",\n  "scripts": {\n    "test": "node test"\n  },\n'
     '  "keywords": ["leftpad", "left", "pad"],\n  "license": "WTFPL",\n'
     '  "dependencies": {},\n  "devDependencies": {\n    "tape": "*"\n  }\n' + MARK + '}\n',
     err("unidentified", "$", "UNIDENTIFIED"), err("unknown_field", "$.name", "UNKNOWN_TOP_KEY"))
case(g, "type_key_nested_does_not_decide", '{' + SMARK + '"data":{"job":{}}' + MARK + '}',
     err("unidentified", "$", "UNIDENTIFIED"), err("unknown_field", "$.data", "UNKNOWN_TOP_KEY"))
case(g, "unknown_keys_with_null_values", '{' + SMARK + '"x":null,"y":[]' + MARK + '}',
     err("unidentified", "$", "UNIDENTIFIED"), err("unknown_field", "$.x", "UNKNOWN_TOP_KEY"))
case(g, "duplicate_unknown_keys", '{' + SMARK + '"x":1,"x":2' + MARK + '}',
     err("unidentified", "$", "UNIDENTIFIED"), err("unknown_field", "$.x", "UNKNOWN_TOP_KEY"))
case(g, "earlier_string_error_first", '{' + SMARK + '"x":"' + MARK + '\udcff"}',
     err("string", "$.x", "NEVER_UTF8"), err("unknown_field", "$.x", "UNKNOWN_TOP_KEY"))
case(g, "earlier_syntax_error_first", '{' + SMARK + '"x":1,' + MARK + '}',
     err("syntax", "$", "COMMA_BEFORE_BRACE"), err("unknown_field", "$.x", "UNKNOWN_TOP_KEY"))
case(g, "truncated_before_brace", '{' + SMARK + '"name":"x"' + MARK,
     err("truncated", "$", "IN_OBJECT"), err("unknown_field", "$.name", "UNKNOWN_TOP_KEY"))
# With a named type, an object without its keys is valid (every field is
# optional): nothing is left to identify.
case(g, "named_type_takes_any_keys", '{' + SMARK + '"name":"left-pad"}', ok("job", unknown=1),
     err("unknown_field", "$.name", "UNKNOWN_KEY"), args="--type=job")
case(g, "data_job_named_list", '{' + SMARK + '"data":{"job":{}}}', ok("list", unknown=1),
     err("unknown_field", "$.data", "UNKNOWN_KEY"), args="--type=list")

# ---------------------------------------------------------------- unknown keys
g = "unknown"
case(g, "skipped_with_subtree",
     job('"uuid":"a",' + SMARK + '"extra":{"x":[1,{"y":2}],"z":null},"zz":1'),
     ok("job", "$.job = {}", '$.job.uuid = "a"', unknown=2),
     err("unknown_field", "$.job.extra", "UNKNOWN_KEY"))
case(g, "nested_keys_not_counted", job(SMARK + '"x":{"a":1,"b":{"c":2}}'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job.x", "UNKNOWN_KEY"))
case(g, "in_data_source_job",
     job('"data_source_jobs":[{"status":"DATA_SOURCE_STATUS_UPDATED"},{' + SMARK + '"bogus":[]}]'),
     ok("job", "$.job = {}", "$.job.data_source_jobs = [2]",
        "$.job.data_source_jobs[0] = {}",
        "$.job.data_source_jobs[0].status = DATA_SOURCE_STATUS_UPDATED",
        "$.job.data_source_jobs[1] = {}", unknown=1),
     err("unknown_field", "$.job.data_source_jobs[1].bogus", "UNKNOWN_KEY"))
case(g, "duplicate_unknown_not_checked", job(SMARK + '"x":1,"x":2'),
     ok("job", "$.job = {}", unknown=2), err("unknown_field", "$.job.x", "UNKNOWN_KEY"))
case(g, "path_quotes_odd_key", job(SMARK + '"a b":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job['a b']", "UNKNOWN_KEY"))
case(g, "path_escapes_quote_backslash_control", job(SMARK + r'"a\'b\\c\u0001\u007f":1'.replace("\\'", "'")),
     ok("job", "$.job = {}", unknown=1),
     err("unknown_field", r"$.job['a\'b\\c\u0001\u007F']", "UNKNOWN_KEY"))
case(g, "path_escapes_c1_control", job(SMARK + '"x\u0085y":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", r"$.job['x\u0085y']", "UNKNOWN_KEY"))
case(g, "path_keeps_non_ascii", job(SMARK + '"caf\u00e9":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job['caf\u00e9']", "UNKNOWN_KEY"))
case(g, "path_empty_key", job(SMARK + '"":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job['']", "UNKNOWN_KEY"))
case(g, "path_digit_first_key", job(SMARK + '"1a":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job['1a']", "UNKNOWN_KEY"))
case(g, "error_inside_skipped_value",
     job(SMARK + '"x":{"y":["ok","' + MARK + r'\uD800"]}'),
     err("string", "$.job.x.y[1]", "LONE_HIGH"), err("unknown_field", "$.job.x", "UNKNOWN_KEY"))
case(g, "counted_per_key_in_nested_objects",
     '{"jobs":[{' + SMARK + '"a":1,"uuid":"u"},{"b":{"c":1},"d":[{"e":2}]}],"meta":{"f":null}}',
     ok("list", "$.jobs = [2]", "$.jobs[0] = {}", '$.jobs[0].uuid = "u"', "$.jobs[1] = {}", "$.meta = {}",
        unknown=4),
     err("unknown_field", "$.jobs[0].a", "UNKNOWN_KEY"))
case(g, "unknown_with_escaped_name", job(SMARK + r'"ex\u0074ra":true'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job.extra", "UNKNOWN_KEY"))

# ---------------------------------------------------------------- aliases
g = "alias"
case(g, "camel_case_accepted", job(SMARK + '"totalTokens":"5","knowledgeBaseUuid":"k"'),
     ok("job", "$.job = {}", '$.job.knowledge_base_uuid = "k"', "$.job.total_tokens = 5"),
     err("unknown_field", "$.job.totalTokens", "ALIAS_IN_STRICT"))
case(g, "camel_case_everywhere",
     '{"jobs":[{' + SMARK + '"dataSourceJobs":[{"totalBytesIndexed":"7"}]}],"links":{"pages":{"previous":"p"}}}',
     ok("list", "$.jobs = [1]", "$.jobs[0] = {}", "$.jobs[0].data_source_jobs = [1]",
        "$.jobs[0].data_source_jobs[0] = {}",
        "$.jobs[0].data_source_jobs[0].total_bytes_indexed = 7",
        "$.links = {}", "$.links.pages = {}", '$.links.pages.previous = "p"'),
     err("unknown_field", "$.jobs[0].dataSourceJobs", "ALIAS_IN_STRICT"))
case(g, "path_keeps_alias", job(SMARK + '"totalTokens":' + MARK + '"x"'),
     err("number", "$.job.totalTokens", "NUMBER_NOT_LITERAL"),
     err("unknown_field", "$.job.totalTokens", "ALIAS_IN_STRICT"))
case(g, "alias_with_null_value", job(SMARK + '"createdAt":null'), ok("job", "$.job = {}"),
     err("unknown_field", "$.job.createdAt", "ALIAS_IN_STRICT"))
# An alias is ProtoJSON's lowerCamelCase name, nothing looser.
case(g, "other_case_is_unknown", job(SMARK + '"TotalTokens":"5","total_Tokens":"6"'),
     ok("job", "$.job = {}", unknown=2), err("unknown_field", "$.job.TotalTokens", "UNKNOWN_KEY"))

# ---------------------------------------------------------------- duplicates
g = "duplicate"
case(g, "same_key_twice", job('"uuid":"a",' + MARK + '"uuid":"b"'),
     err("duplicate_key", "$.job.uuid", "DUPLICATE"))
case(g, "name_then_alias", job('"total_tokens":"1",' + MARK + '"totalTokens":"2"'),
     err("duplicate_key", "$.job.totalTokens", "DUPLICATE_ALIAS"),
     err("unknown_field", "$.job.totalTokens", "ALIAS_IN_STRICT"))
case(g, "alias_then_name", job(SMARK + '"totalTokens":"1",' + MARK + '"total_tokens":"2"'),
     err("duplicate_key", "$.job.total_tokens", "DUPLICATE_ALIAS"),
     err("unknown_field", "$.job.totalTokens", "ALIAS_IN_STRICT"))
case(g, "alias_twice", job(SMARK + '"totalTokens":"1",' + MARK + '"totalTokens":"2"'),
     err("duplicate_key", "$.job.totalTokens", "DUPLICATE"),
     err("unknown_field", "$.job.totalTokens", "ALIAS_IN_STRICT"))
# Keys seen count, not values: a null before is still a duplicate (and
# in strict mode, the null is the first error).
case(g, "null_then_value", job('"uuid":' + SMARK + 'null,' + MARK + '"uuid":"x"'),
     err("duplicate_key", "$.job.uuid", "DUPLICATE"), err("type", "$.job.uuid", "STRICT_NULL"))
case(g, "escaped_same_key", job('"uuid":"a",' + MARK + r'"uu\u0069d":"b"'),
     err("duplicate_key", "$.job.uuid", "DUPLICATE"))
case(g, "top_level", '{"job":{},' + MARK + '"job":{}}', err("duplicate_key", "$.job", "DUPLICATE"))
case(g, "in_element", job('"data_source_jobs":[{"status":' + SMARK + 'null},{"status":null,' + MARK + '"status":null}]'),
     err("duplicate_key", "$.job.data_source_jobs[1].status", "DUPLICATE"),
     err("type", "$.job.data_source_jobs[0].status", "STRICT_NULL"))
case(g, "in_element_strings", job('"data_source_jobs":[{"status":"DATA_SOURCE_STATUS_UPDATED",'
                                   + MARK + '"status":"DATA_SOURCE_STATUS_FAILED"}]'),
     err("duplicate_key", "$.job.data_source_jobs[0].status", "DUPLICATE"))
case(g, "same_key_other_objects_ok", '{"jobs":[{"uuid":"a"},{"uuid":"b"}]}',
     ok("list", "$.jobs = [2]", "$.jobs[0] = {}", '$.jobs[0].uuid = "a"', "$.jobs[1] = {}",
        '$.jobs[1].uuid = "b"'))
case(g, "duplicate_before_bad_value", job('"tokens":1,' + MARK + '"tokens":1.5'),
     err("duplicate_key", "$.job.tokens", "DUPLICATE"))

# ---------------------------------------------------------------- null
g = "null"
# Default mode: null is the same as absent (ProtoJSON). Strict mode: no
# field of the spec is nullable, so null is `type` at the null.
case(g, "null_fields_absent",
     job('"uuid":' + SMARK + 'null,"tokens":null,"total_tokens":null,"created_at":null,"phase":null,'
         '"is_report_available":null,"data_source_jobs":null,"data_source_uuids":null'),
     ok("job", "$.job = {}"), err("type", "$.job.uuid", "STRICT_NULL"))
case(g, "null_object_absent", '{"job":' + SMARK + 'null}', ok("job"), err("type", "$.job", "STRICT_NULL"))
case(g, "null_nested_objects", '{"links":' + SMARK + 'null,"meta":null}', ok("list"),
     err("type", "$.links", "STRICT_NULL"))
def strict_null(name, data, result, path):
    case(g, "strict_" + name, data, result, err("type", path, "STRICT_NULL"))
strict_null("string", job('"uuid":' + SMARK + 'null'), ok("job", "$.job = {}"), "$.job.uuid")
strict_null("uint64", job('"total_tokens":' + SMARK + 'null'), ok("job", "$.job = {}"), "$.job.total_tokens")
strict_null("int64", job('"tokens":' + SMARK + 'null'), ok("job", "$.job = {}"), "$.job.tokens")
strict_null("bool", job('"is_report_available":' + SMARK + 'null'), ok("job", "$.job = {}"),
            "$.job.is_report_available")
strict_null("timestamp", job('"created_at":' + SMARK + 'null'), ok("job", "$.job = {}"), "$.job.created_at")
strict_null("enum", job('"phase":' + SMARK + 'null'), ok("job", "$.job = {}"), "$.job.phase")
strict_null("object", '{"links":{"pages":' + SMARK + 'null}}', ok("list", "$.links = {}"), "$.links.pages")
strict_null("object_array", job('"data_source_jobs":' + SMARK + 'null'), ok("job", "$.job = {}"),
            "$.job.data_source_jobs")
strict_null("string_array", job('"data_source_uuids":' + SMARK + 'null'), ok("job", "$.job = {}"),
            "$.job.data_source_uuids")
strict_null("in_element", '{"indexed_data_sources":[{"data_source_uuid":"d","total_bytes":' + SMARK + 'null}]}',
            ok("data-sources", "$.indexed_data_sources = [1]", "$.indexed_data_sources[0] = {}",
               '$.indexed_data_sources[0].data_source_uuid = "d"'),
            "$.indexed_data_sources[0].total_bytes")
strict_null("meta_int64", '{"meta":{"page":1,"total":' + SMARK + 'null}}', ok("list", "$.meta = {}", "$.meta.page = 1"),
            "$.meta.total")
strict_null("error_body_optional", '{"id":"i","message":"m","request_id":' + SMARK + 'null}',
            ok("error", '$.id = "i"', '$.message = "m"'), "$.request_id")
strict_null("create_request", '{"knowledge_base_uuid":"kb","data_source_uuids":' + SMARK + 'null}',
            ok("create-request", '$.knowledge_base_uuid = "kb"'), "$.data_source_uuids")
strict_null("named_type", '{"job":' + SMARK + 'null}', ok("job"), "$.job")
# Array elements: null is never allowed (ProtoJSON), in either mode.
case(g, "null_element_object", job('"data_source_jobs":[' + MARK + 'null]'),
     err("type", "$.job.data_source_jobs[0]", "NULL_ELEMENT"))
case(g, "null_element_string", job('"data_source_uuids":["a",' + MARK + 'null]'),
     err("type", "$.job.data_source_uuids[1]", "NULL_ELEMENT"))
case(g, "null_element_jobs", '{"jobs":[{},' + MARK + 'null]}',
     err("type", "$.jobs[1]", "NULL_ELEMENT"))
# Not decoded, not checked: null inside an unknown key's value.
case(g, "null_in_skipped_array_ok", job(SMARK + '"x":[null]'), ok("job", "$.job = {}", unknown=1),
     err("unknown_field", "$.job.x", "UNKNOWN_KEY"))
case(g, "null_in_any_ok", '{"a":null,"b":[null]}', ok("any"), args="--type=any")

# ---------------------------------------------------------------- enums
g = "enum"
case(g, "known_literals",
     job('"phase":"BATCH_JOB_PHASE_RUNNING","status":"INDEX_JOB_STATUS_CANCELLED"'),
     ok("job", "$.job = {}", "$.job.phase = BATCH_JOB_PHASE_RUNNING",
        "$.job.status = INDEX_JOB_STATUS_CANCELLED"))
case(g, "every_phase",
     '{"jobs":[' + ",".join('{"phase":"BATCH_JOB_PHASE_%s"}' % p for p in
                            ["UNKNOWN", "PENDING", "RUNNING", "SUCCEEDED", "FAILED", "ERROR", "CANCELLED"]) + "]}",
     ok("list", "$.jobs = [7]", *sum((["$.jobs[%d] = {}" % i, "$.jobs[%d].phase = BATCH_JOB_PHASE_%s" % (i, p)]
                                       for i, p in enumerate(["UNKNOWN", "PENDING", "RUNNING", "SUCCEEDED", "FAILED", "ERROR", "CANCELLED"])), [])))
STATUSES = ["UNKNOWN", "PARTIAL", "IN_PROGRESS", "COMPLETED", "FAILED", "NO_CHANGES", "PENDING", "CANCELLED"]
case(g, "every_job_status",
     '{"jobs":[' + ",".join('{"status":"INDEX_JOB_STATUS_%s"}' % p for p in STATUSES) + "]}",
     ok("list", "$.jobs = [8]", *sum((["$.jobs[%d] = {}" % i, "$.jobs[%d].status = INDEX_JOB_STATUS_%s" % (i, p)]
                                       for i, p in enumerate(STATUSES)), [])))
DSS = ["UNKNOWN", "IN_PROGRESS", "UPDATED", "PARTIALLY_UPDATED", "NOT_UPDATED", "FAILED", "CANCELLED"]
case(g, "every_data_source_status",
     '{"indexed_data_sources":[' + ",".join('{"status":"DATA_SOURCE_STATUS_%s"}' % p for p in DSS) + "]}",
     ok("data-sources", "$.indexed_data_sources = [7]",
        *sum((["$.indexed_data_sources[%d] = {}" % i,
               "$.indexed_data_sources[%d].status = DATA_SOURCE_STATUS_%s" % (i, p)]
              for i, p in enumerate(DSS)), [])))
case(g, "unknown_literal_kept", job('"phase":' + MARK + '"BATCH_JOB_PHASE_COMPLETED"'),
     ok("job", "$.job = {}", '$.job.phase = UNRECOGNIZED "BATCH_JOB_PHASE_COMPLETED"', unrec=1),
     err("enum", "$.job.phase", "ENUM_BATCH_JOB_PHASE"))
case(g, "case_sensitive", job('"status":' + MARK + '"index_job_status_failed"'),
     ok("job", "$.job = {}", '$.job.status = UNRECOGNIZED "index_job_status_failed"', unrec=1),
     err("enum", "$.job.status", "ENUM_INDEX_JOB_STATUS"))
case(g, "escaped_known_literal", job(r'"phase":"BATCH_JOB_PHASE_RUNNIN\u0047"'),
     ok("job", "$.job = {}", "$.job.phase = BATCH_JOB_PHASE_RUNNING"))
case(g, "empty_literal", job('"phase":' + MARK + '""'),
     ok("job", "$.job = {}", '$.job.phase = UNRECOGNIZED ""', unrec=1),
     err("enum", "$.job.phase", "ENUM_BATCH_JOB_PHASE"))
# The spec publishes no enum numbers: an integer is `type` (ProtoJSON
# would accept one).
case(g, "number_is_type", job('"phase":' + MARK + '3'), err("type", "$.job.phase", T("ENUM", "NUMBER")))
case(g, "number_string_is_unrecognized", job('"phase":' + MARK + '"3"'),
     ok("job", "$.job = {}", '$.job.phase = UNRECOGNIZED "3"', unrec=1),
     err("enum", "$.job.phase", "ENUM_BATCH_JOB_PHASE"))
case(g, "bool_is_type", job('"phase":' + MARK + 'true'), err("type", "$.job.phase", T("ENUM", "BOOL")))
case(g, "object_is_type", job('"phase":' + MARK + '{"x":"\udcff"}'), err("type", "$.job.phase", T("ENUM", "OBJECT")))
case(g, "array_is_type", job('"status":' + MARK + '[]'), err("type", "$.job.status", T("ENUM", "ARRAY")))
case(g, "number_in_element_is_type", '{"indexed_data_sources":[{"status":' + MARK + '2}]}',
     err("type", "$.indexed_data_sources[0].status", T("ENUM", "NUMBER")))
case(g, "unknown_in_element_counts",
     '{"indexed_data_sources":[{"status":' + SMARK + '"DATA_SOURCE_STATUS_COMPLETED"},{"status":"DATA_SOURCE_STATUS_COMPLETED_WITH_ERRORS"}]}',
     ok("data-sources", "$.indexed_data_sources = [2]", "$.indexed_data_sources[0] = {}",
        '$.indexed_data_sources[0].status = UNRECOGNIZED "DATA_SOURCE_STATUS_COMPLETED"',
        "$.indexed_data_sources[1] = {}",
        '$.indexed_data_sources[1].status = UNRECOGNIZED "DATA_SOURCE_STATUS_COMPLETED_WITH_ERRORS"',
        unrec=2), err("enum", "$.indexed_data_sources[0].status", "ENUM_DATA_SOURCE_STATUS"))

# ---------------------------------------------------------------- int64
g = "int64"
def integer_outcome(field, v):
    """A value, or "!CODE DETAIL" for an error at the field."""
    if not v.startswith("!"):
        return ok("job", "$.job = {}", "$.job.%s = %s" % (field, v))
    code, detail = v[1:].split()
    return err(code, "$.job." + field, detail)
def i64(name, text, default, strict=SAME):
    case(g, name, job('"tokens":' + MARK + text), integer_outcome("tokens", default),
         SAME if strict is SAME else integer_outcome("tokens", strict))
FORM = "!number STRICT_INT64_FORM"  # strict: a plain integer literal only
STRING = "!type STRICT_INT64_TYPE"  # strict: a JSON number only
i64("plain", "40", "40")
i64("zero", "0", "0")
i64("negative_zero", "-0", "0")
i64("min", "-9223372036854775808", "-9223372036854775808")
i64("max", "9223372036854775807", "9223372036854775807")
i64("exponent", "4e1", "40", FORM)
i64("exponent_upper_plus", "4E+1", "40", FORM)
i64("zero_fraction", "40.0", "40", FORM)
i64("negative_exponent_exact", "400e-1", "40", FORM)
i64("fraction_exponent_exact", "1.5e1", "15", FORM)
i64("zero_huge_exponent", "0e999999999999", "0", FORM)
i64("nonzero_fraction", "1.5", "!range FRACTION", FORM)
i64("negative_fraction", "-0.5", "!range FRACTION", FORM)
i64("tiny", "1e-400", "!range FRACTION", FORM)
i64("over_max", "9223372036854775808", "!range OUTSIDE_INT64")
i64("under_min", "-9223372036854775809", "!range OUTSIDE_INT64")
i64("far_over_max", "99999999999999999999999", "!range OUTSIDE_INT64")
i64("exponent_over_max", "1e19", "!range OUTSIDE_INT64", FORM)
i64("huge_exponent", "1e400", "!range OUTSIDE_INT64", FORM)
i64("negative_huge_exponent", "-1e400", "!range OUTSIDE_INT64", FORM)
i64("string", '"2"', "2", STRING)
i64("string_beyond_double", '"9007199254740993"', "9007199254740993", STRING)
i64("string_exponent", '"4e1"', "40", STRING)
i64("string_negative", '"-12"', "-12", STRING)
i64("string_plus", '"+1"', "!number NUMBER_PLUS", STRING)
i64("string_empty", '""', "!number NUMBER_EMPTY", STRING)
i64("string_space", '" 1"', "!number NUMBER_SPACE", STRING)
i64("string_leading_zero", '"-007"', "!number NUMBER_LEADING_ZERO", STRING)
i64("string_words", '"twelve"', "!number NUMBER_NOT_LITERAL", STRING)
i64("string_fraction", '"1.5"', "!range FRACTION", STRING)
i64("string_over_max", '"9223372036854775808"', "!range OUTSIDE_INT64", STRING)
i64("bool", "true", "!type " + T("INTEGER", "BOOL"))
i64("object", "{}", "!type " + T("INTEGER", "OBJECT"))
i64("array", "[1]", "!type " + T("INTEGER", "ARRAY"))
case(g, "leading_zero_is_syntax", job('"tokens":0' + MARK + '1'), err("syntax", "$.job", "LEADING_ZERO"))
case(g, "meta_fields", '{"meta":{"page":1,"pages":' + SMARK + '2.0,"total":"3"}}',
     ok("list", "$.meta = {}", "$.meta.page = 1", "$.meta.pages = 2", "$.meta.total = 3"),
     err("number", "$.meta.pages", "STRICT_INT64_FORM"))
case(g, "meta_string_strict", '{"meta":{"total":' + SMARK + '"3"}}', ok("list", "$.meta = {}", "$.meta.total = 3"),
     err("type", "$.meta.total", "STRICT_INT64_TYPE"))
# A scalar is checked when complete, even when the input ends with it.
case(g, "range_at_end_of_input", '{"job":{"tokens":' + MARK + "1.5",
     err("range", "$.job.tokens", "FRACTION"), err("number", "$.job.tokens", "STRICT_INT64_FORM"))

# ---------------------------------------------------------------- uint64
g = "uint64"
def u64(name, text, default, strict=SAME):
    case(g, name, job('"total_tokens":' + MARK + text), integer_outcome("total_tokens", default),
         SAME if strict is SAME else integer_outcome("total_tokens", strict))
FORM = "!number STRICT_UINT64_FORM"  # strict: 0|[1-9][0-9]* only
NUMBER = "!type STRICT_UINT64_TYPE"  # strict: a JSON string only
u64("string", '"40"', "40")
u64("zero", '"0"', "0")
u64("max", '"18446744073709551615"', "18446744073709551615")
u64("over_max", '"18446744073709551616"', "!range ABOVE_UINT64")
u64("far_over_max", '"99999999999999999999999"', "!range ABOVE_UINT64")
u64("above_int64", '"9223372036854775808"', "9223372036854775808")
u64("exponent_string", '"1e3"', "1000", FORM)
u64("zero_fraction_string", '"10.0"', "10", FORM)
u64("negative_zero_string", '"-0"', "0", FORM)
u64("negative_string", '"-1"', "!range NEGATIVE_UINT64", FORM)
u64("negative_fraction_string", '"-1.5"', "!range FRACTION", FORM)
u64("fraction_string", '"0.5"', "!range FRACTION", FORM)
u64("tiny_string", '"1e-400"', "!range FRACTION", FORM)
u64("max_by_exponent", '"1844674407370955161.5e1"', "18446744073709551615", FORM)
u64("over_max_by_exponent", '"2e19"', "!range ABOVE_UINT64", FORM)
# Text that is not a JSON number literal at all: `number` in both modes,
# the detail saying what is wrong with it.
u64("empty", '""', "!number NUMBER_EMPTY")
u64("plus", '"+1"', "!number NUMBER_PLUS")
u64("leading_space", '" 1"', "!number NUMBER_SPACE")
u64("trailing_space", '"1 "', "!number NUMBER_SPACE")
u64("trailing_newline_escape", r'"1\n"', "!number NUMBER_SPACE")
u64("leading_zeros", '"007"', "!number NUMBER_LEADING_ZERO")
u64("partially_numeric", '"12abc"', "!number NUMBER_NOT_LITERAL")
u64("hex", '"0x10"', "!number NUMBER_NOT_LITERAL")
u64("fullwidth_digit", '"\uff11"', "!number NUMBER_NOT_LITERAL")
u64("dot_only_fraction", '"1."', "!number NUMBER_NOT_LITERAL")
u64("no_integer_part", '".5"', "!number NUMBER_NOT_LITERAL")
u64("dangling_exponent", '"1e"', "!number NUMBER_NOT_LITERAL")
u64("nan", '"NaN"', "!number NUMBER_NOT_LITERAL")
u64("number", "40", "40", NUMBER)
u64("number_exponent", "4e1", "40", NUMBER)
u64("number_zero_fraction", "18350080.0", "18350080", NUMBER)
u64("number_negative", "-1", "!range NEGATIVE_UINT64", NUMBER)
u64("number_negative_zero", "-0", "0", NUMBER)
u64("number_fraction", "2.5", "!range FRACTION", NUMBER)
u64("number_huge", "1e400", "!range ABOVE_UINT64", NUMBER)
u64("number_max", "18446744073709551615", "18446744073709551615", NUMBER)
u64("number_over_max", "18446744073709551616", "!range ABOVE_UINT64", NUMBER)
u64("bool", "false", "!type " + T("INTEGER", "BOOL"))
u64("object", '{"a":1}', "!type " + T("INTEGER", "OBJECT"))
u64("array", '["1"]', "!type " + T("INTEGER", "ARRAY"))
case(g, "data_source_counters",
     '{"indexed_data_sources":[{"failed_item_count":"1","indexed_file_count":"2","indexed_item_count":"3",'
     '"removed_item_count":"4","skipped_item_count":"5","total_bytes":"18446744073709551615",'
     '"total_bytes_indexed":"0","total_file_count":"8"}]}',
     ok("data-sources", "$.indexed_data_sources = [1]", "$.indexed_data_sources[0] = {}",
        "$.indexed_data_sources[0].failed_item_count = 1",
        "$.indexed_data_sources[0].indexed_file_count = 2",
        "$.indexed_data_sources[0].indexed_item_count = 3",
        "$.indexed_data_sources[0].removed_item_count = 4",
        "$.indexed_data_sources[0].skipped_item_count = 5",
        "$.indexed_data_sources[0].total_bytes = 18446744073709551615",
        "$.indexed_data_sources[0].total_bytes_indexed = 0",
        "$.indexed_data_sources[0].total_file_count = 8"))
case(g, "legacy_total_items",
     job('"total_items_failed":"1","total_items_indexed":"350","total_items_removed":"0","total_items_skipped":"2"'),
     ok("job", "$.job = {}", "$.job.total_items_failed = 1", "$.job.total_items_indexed = 350",
        "$.job.total_items_removed = 0", "$.job.total_items_skipped = 2"))

# ---------------------------------------------------------------- bool
g = "bool"
case(g, "true", job('"is_report_available":true'), ok("job", "$.job = {}", "$.job.is_report_available = true"))
case(g, "false_is_present", job('"is_report_available":false'),
     ok("job", "$.job = {}", "$.job.is_report_available = false"))
case(g, "string_is_type", job('"is_report_available":' + MARK + '"true"'),
     err("type", "$.job.is_report_available", T("BOOL", "STRING")))
case(g, "number_is_type", job('"is_report_available":' + MARK + '1'),
     err("type", "$.job.is_report_available", T("BOOL", "NUMBER")))
case(g, "object_is_type", job('"is_report_available":' + MARK + '{"value":true}'),
     err("type", "$.job.is_report_available", T("BOOL", "OBJECT")))
case(g, "array_is_type", job('"is_report_available":' + MARK + '[true]'),
     err("type", "$.job.is_report_available", T("BOOL", "ARRAY")))

# ---------------------------------------------------------------- strings
g = "string"
case(g, "escapes_decoded", job(r'"uuid":"a\"b\\c\/d\b\f\n\r\te\u00e9\uD83D\uDE00"'),
     ok("job", "$.job = {}", '$.job.uuid = "a\\"b\\\\c/d\\u0008\\u000C\\n\\u000D\\te\u00e9\U0001F600"'))
case(g, "raw_utf8_kept", job('"uuid":"\u00e9\u4e2d\U0001F600\x7f"'),
     ok("job", "$.job = {}", '$.job.uuid = "\u00e9\u4e2d\U0001F600\\u007F"'))
case(g, "empty_string_present", job('"uuid":""'), ok("job", "$.job = {}", '$.job.uuid = ""'))
case(g, "number_is_type", job('"uuid":' + MARK + '1'), err("type", "$.job.uuid", T("STRING", "NUMBER")))
case(g, "leading_zero_number_is_type", job('"uuid":' + MARK + '01'), err("type", "$.job.uuid", T("STRING", "NUMBER")))
case(g, "object_is_type", job('"uuid":' + MARK + '{}'), err("type", "$.job.uuid", T("STRING", "OBJECT")))
case(g, "true_is_type", job('"knowledge_base_uuid":' + MARK + 'true'),
     err("type", "$.job.knowledge_base_uuid", T("STRING", "BOOL")))
case(g, "false_is_type_in_error_body", '{"id":"i","message":' + MARK + 'false}',
     err("type", "$.message", T("STRING", "BOOL")))
case(g, "array_field_given_string", job('"data_source_uuids":' + MARK + '"a"'),
     err("type", "$.job.data_source_uuids", T("ARRAY", "STRING")))
case(g, "array_field_given_object", job('"data_source_jobs":' + MARK + '{}'),
     err("type", "$.job.data_source_jobs", T("ARRAY", "OBJECT")))
case(g, "array_field_given_number", job('"data_source_uuids":' + MARK + '0'),
     err("type", "$.job.data_source_uuids", T("ARRAY", "NUMBER")))
case(g, "array_field_given_bool", '{"jobs":' + MARK + 'false}', err("type", "$.jobs", T("ARRAY", "BOOL")))
case(g, "object_field_given_array", '{"job":' + MARK + '[]}', err("type", "$.job", T("OBJECT", "ARRAY")))
case(g, "object_field_given_string", '{"links":' + MARK + '"https://x"}', err("type", "$.links", T("OBJECT", "STRING")))
case(g, "object_field_given_number", '{"meta":{},"links":{"pages":' + MARK + '1}}',
     err("type", "$.links.pages", T("OBJECT", "NUMBER")))
case(g, "object_field_given_bool", '{"job":' + MARK + 'true}', err("type", "$.job", T("OBJECT", "BOOL")))
case(g, "string_array_element_number", job('"data_source_uuids":["a",' + MARK + '2]'),
     err("type", "$.job.data_source_uuids[1]", T("STRING", "NUMBER")))
case(g, "string_array_element_bool", '{"data_source_uuids":[' + MARK + 'true]}',
     err("type", "$.data_source_uuids[0]", T("STRING", "BOOL")))
case(g, "string_array_element_object", job('"data_source_uuids":[' + MARK + '{"uuid":"a"}]'),
     err("type", "$.job.data_source_uuids[0]", T("STRING", "OBJECT")))
case(g, "string_array_element_array", job('"data_source_uuids":[' + MARK + '["a"]]'),
     err("type", "$.job.data_source_uuids[0]", T("STRING", "ARRAY")))
case(g, "object_array_element_string", job('"data_source_jobs":[{},' + MARK + '"x"]'),
     err("type", "$.job.data_source_jobs[1]", T("OBJECT", "STRING")))
case(g, "object_array_element_number", '{"jobs":[' + MARK + '1]}', err("type", "$.jobs[0]", T("OBJECT", "NUMBER")))
case(g, "object_array_element_bool", '{"indexed_data_sources":[' + MARK + 'false]}',
     err("type", "$.indexed_data_sources[0]", T("OBJECT", "BOOL")))
case(g, "object_array_element_array", '{"jobs":[' + MARK + '[]]}', err("type", "$.jobs[0]", T("OBJECT", "ARRAY")))
# A container's type is checked at its bracket, before anything inside.
case(g, "container_type_checked_at_bracket", job('"uuid":' + MARK + '["\udcff"]'),
     err("type", "$.job.uuid", T("STRING", "ARRAY")))

# ---------------------------------------------------------------- UTF-8
g = "utf8"
def bad(name, content, detail, path="$.job.uuid", prefix=""):
    case(g, name, job('"uuid":"' + prefix + MARK + content + '"'), err("string", path, detail))
bad("overlong_2", "\udcc0\udc80", "OVERLONG_LEAD")
bad("overlong_2_c1", "\udcc1\udcbf", "OVERLONG_LEAD")
bad("overlong_3", "\udce0\udc80\udc80", "OVERLONG")
bad("overlong_3_highest", "\udce0\udc9f\udcbf", "OVERLONG")
bad("overlong_4", "\udcf0\udc80\udc80\udc80", "OVERLONG")
bad("surrogate_utf8", "\udced\udca0\udc80", "UTF8_SURROGATE")
bad("above_max_f4", "\udcf4\udc90\udc80\udc80", "ABOVE_UNICODE")
bad("lead_f5", "\udcf5\udc80\udc80\udc80", "NEVER_UTF8")
bad("lead_ff", "\udcff", "NEVER_UTF8")
bad("lone_continuation", "\udc80", "STRAY_CONTINUATION", prefix="ab")
bad("truncated_2", "\udcc3", "CUT_SEQUENCE", prefix="x")
bad("truncated_3", "\udce2\udc82", "CUT_SEQUENCE")
bad("truncated_4_then_ascii", "\udcf0\udc9f\udc98A", "CUT_SEQUENCE")
bad("latin1_byte", "\udce9t\udce9", "CUT_SEQUENCE", prefix="\u00e9t")
case(g, "valid_boundaries", job('"uuid":"\u0080\u07ff\u0800\ud7ff\ue000\uffff\U00010000\U0010ffff"'),
     ok("job", "$.job = {}", '$.job.uuid = "\u0080\u07ff\u0800\ud7ff\ue000\uffff\U00010000\U0010ffff"'))
case(g, "bad_key", job('"' + MARK + '\udcc0\udc80":1'), err("string", "$.job", "OVERLONG_LEAD"))
case(g, "bad_in_unknown_value", job(SMARK + '"x":"ok' + MARK + '\udced\udcbf\udcbf"'),
     err("string", "$.job.x", "UTF8_SURROGATE"), err("unknown_field", "$.job.x", "UNKNOWN_KEY"))
case(g, "bad_in_enum", job('"phase":"' + MARK + '\udcc0\udc80"'), err("string", "$.job.phase", "OVERLONG_LEAD"))
# An error inside a token comes before the checks of the complete value,
# even one at the value's first byte: a streaming reader meets it first.
case(g, "bad_in_value_of_wrong_type", job('"is_report_available":"' + MARK + '\udcff"'),
     err("string", "$.job.is_report_available", "NEVER_UTF8"))
case(g, "bad_in_int64_string", job('"tokens":"1' + MARK + '\udcc0\udc80"'),
     err("string", "$.job.tokens", "OVERLONG_LEAD"))
case(g, "bad_in_any", '["a","' + MARK + '\udcc0\udc80"]', err("string", "$[1]", "OVERLONG_LEAD"), args="--type=any")

# ---------------------------------------------------------------- surrogate escapes
g = "surrogate"
def sur(name, text, detail):
    case(g, name, '["' + MARK + text + '"]', err("string", "$[0]", detail), args="--type=any")
sur("lone_high", r"\uD800", "LONE_HIGH")
sur("lone_high_then_char", r"\uD800x", "LONE_HIGH")
sur("lone_low", r"\uDC00", "LONE_LOW")
sur("high_then_non_low", r"\uD800\u0041", "HIGH_THEN_NOT_LOW")
sur("high_then_high", r"\uD800\uD800", "HIGH_THEN_NOT_LOW")
sur("inverted_pair", r"\uDd1e\uD834", "LONE_LOW")
sur("high_then_short_escape", r"\uD800\n", "LONE_HIGH")
sur("high_then_escaped_quote", r'\uD800\"', "LONE_HIGH")
sur("cve_2017_16516", r"\uD800\\DC00", "LONE_HIGH")
sur("issue_260", r"\uD800\\u0", "LONE_HIGH")
case(g, "high_then_bad_escape_is_syntax", '["\\uD800' + MARK + '\\x"]', err("syntax", "$[0]", "BAD_ESCAPE"),
     args="--type=any")
case(g, "high_then_short_hex_is_syntax", '["\\uD800' + MARK + '\\u12"]', err("syntax", "$[0]", "BAD_HEX"),
     args="--type=any")
case(g, "cve_2017_16516_key", '{"e":{"' + MARK + r'\uD800\\DC00":"a"}}', err("string", "$.e", "LONE_HIGH"),
     args="--type=any")
case(g, "cve_2017_16516_second", '{"' + MARK + r'\uDBFF\\u "@: "', err("string", "$", "LONE_HIGH"), args="--type=any")
case(g, "valid_pair", r'["\uD83D\uDE00","\udbff\udfff"]', ok("any"), args="--type=any")
case(g, "in_schema_string", job('"uuid":"a' + MARK + r'\ud800"'), err("string", "$.job.uuid", "LONE_HIGH"))

# ---------------------------------------------------------------- U+0000
g = "nul"
case(g, "escaped_in_value", job('"uuid":"a' + MARK + r'\u0000b"'), err("string", "$.job.uuid", "NUL"))
case(g, "escaped_in_key", job('"pha' + MARK + r'\u0000se":"x"'), err("string", "$.job", "NUL"))
case(g, "escaped_in_unknown_value", job(SMARK + '"x":"' + MARK + r'\u0000"'), err("string", "$.job.x", "NUL"),
     err("unknown_field", "$.job.x", "UNKNOWN_KEY"))
case(g, "escaped_in_enum", job('"status":"' + MARK + r'\u0000"'), err("string", "$.job.status", "NUL"))
case(g, "raw_is_syntax", job('"uuid":"a' + MARK + '\x00b"'), err("syntax", "$.job.uuid", "CONTROL_00"))
case(g, "allowed_in_any", r'{"a\u0000b":"\u0000"}', ok("any"), args="--type=any")
case(g, "raw_in_any_is_syntax", '["' + MARK + '\x00"]', err("syntax", "$[0]", "CONTROL_00"), args="--type=any")

# ---------------------------------------------------------------- whitespace
g = "whitespace"
case(g, "all_four_kinds", ' \t\r\n{ "job" :\t{ }\r\n}\n', ok("job", "$.job = {}"))
case(g, "formfeed", '[' + MARK + '\f1]', err("syntax", "$", "FORM_FEED"), args="--type=any")
case(g, "formfeed_before_member_value", '{"job":' + MARK + '\f{}}', err("syntax", "$.job", "FORM_FEED"))
case(g, "vertical_tab", '{' + MARK + '\v}', err("syntax", "$", "VERTICAL_TAB"))
case(g, "formfeed_after_value", '{"a":1}' + MARK + '\f', err("syntax", "$", "FORM_FEED"), args="--type=any")
case(g, "other_control_between_tokens", '[' + MARK + '\x01]', err("syntax", "$", "CONTROL_OUTSIDE"), args="--type=any")
case(g, "byte_order_mark", MARK + '\ufeff{}', err("syntax", "$", "BOM"))
case(g, "byte_order_mark_after_space", ' ' + MARK + '\ufeff{}', err("syntax", "$", "NON_ASCII_OUTSIDE"))
case(g, "no_break_space", '{' + MARK + '\u00a0}', err("syntax", "$", "NON_ASCII_OUTSIDE"))
case(g, "raw_tab_in_string", job('"uuid":"a' + MARK + '\tb"'), err("syntax", "$.job.uuid", "CONTROL_09"))
case(g, "raw_newline_in_string", job('"uuid":"a' + MARK + '\nb"'), err("syntax", "$.job.uuid", "CONTROL_0A"))
case(g, "raw_cr_in_string", job('"uuid":"a' + MARK + '\rb"'), err("syntax", "$.job.uuid", "CONTROL_0D"))
case(g, "positions_multiline", '{\n  "job": {\n    "tokens": ' + MARK + '"x"\n  }\n}\n',
     err("number", "$.job.tokens", "NUMBER_NOT_LITERAL"), err("type", "$.job.tokens", "STRICT_INT64_TYPE"))
case(g, "crlf_lines", '{\r\n"job":{\r\n"uuid":' + MARK + '7}}', err("type", "$.job.uuid", T("STRING", "NUMBER")))

# ---------------------------------------------------------------- syntax
g = "syntax"
def syn(name, text, detail, path="$", args="--type=any"):
    case(g, name, text, err("syntax", path, detail), args=args)
# between tokens: the first byte that cannot come next
syn("leading_zero", "[0" + MARK + "1]", "LEADING_ZERO")
syn("negative_leading_zero", "[-0" + MARK + "1]", "LEADING_ZERO")
syn("trailing_comma_array", "[1," + MARK + "]", "COMMA_BEFORE_BRACKET", "$[1]")
syn("trailing_comma_object", '{"a":1,' + MARK + "}", "COMMA_BEFORE_BRACE")
syn("comment", "[1" + MARK + "/*c*/]", "COMMENT")
syn("line_comment", MARK + "//c\n[]", "COMMENT")
syn("nan", "[" + MARK + "NaN]", "NOT_A_NUMBER")
syn("infinity", "[" + MARK + "Infinity]", "NOT_A_NUMBER")
syn("missing_colon", '{"a" ' + MARK + '1}', "EXPECTED_COLON", "$.a")
syn("missing_comma", "[1 " + MARK + "2]", "EXPECTED_COMMA_OR_BRACKET")
syn("missing_comma_object", '{"a":1 ' + MARK + '"b":2}', "EXPECTED_COMMA_OR_BRACE")
syn("empty_key_slot", "{" + MARK + ",}", "EXPECTED_KEY_OR_CLOSE")
syn("single_quotes", "[" + MARK + "'a']", "SINGLE_QUOTE")
syn("single_quoted_key", "{" + MARK + "'a':1}", "SINGLE_QUOTE")
syn("literal_then_letter", "[true" + MARK + "x]", "EXPECTED_COMMA_OR_BRACKET")
syn("double_dot", "[1.5" + MARK + ".3]", "EXPECTED_COMMA_OR_BRACKET")
syn("plus_number", "[" + MARK + "+1]", "PLUS_SIGN")
syn("leading_dot", "[" + MARK + ".5]", "LEADING_DOT")
syn("mismatched_close", "[1" + MARK + "}", "EXPECTED_COMMA_OR_BRACKET")
syn("mismatched_close_object", '{"a":1' + MARK + "]", "EXPECTED_COMMA_OR_BRACE")
syn("unquoted_key", "{" + MARK + "a:1}", "EXPECTED_KEY_OR_CLOSE")
syn("number_key", "{" + MARK + "1:1}", "EXPECTED_KEY_OR_CLOSE")
syn("key_after_comma_missing", '{"a":1,' + MARK + "1}", "EXPECTED_KEY")
syn("colon_in_array", "[1" + MARK + ":2]", "EXPECTED_COMMA_OR_BRACKET")
syn("close_without_open", MARK + "]", "EXPECTED_VALUE")
syn("value_after_key_missing", '{"a":' + MARK + "}", "EXPECTED_VALUE", "$.a")
syn("comma_first_element", "[" + MARK + ",1]", "EXPECTED_VALUE")
syn("bare_word", "[" + MARK + "yes]", "EXPECTED_VALUE")
# inside tokens
syn("minus_alone", "[-" + MARK + "]", "MINUS_ALONE", "$[0]")
syn("minus_infinity", "[-" + MARK + "Infinity]", "MINUS_ALONE", "$[0]")
syn("dot_without_digits", "[1." + MARK + "]", "DOT_ALONE", "$[0]")
syn("exponent_without_digits", "[1e" + MARK + "]", "EXPONENT_ALONE", "$[0]")
syn("exponent_sign_without_digits", "[1e-" + MARK + "]", "EXPONENT_ALONE", "$[0]")
syn("bad_literal", "[tr" + MARK + "x]", "LITERAL_TRUE", "$[0]")
syn("bad_literal_false", "[fal" + MARK + "z]", "LITERAL_FALSE", "$[0]")
syn("bad_literal_null", "[nu" + MARK + "L]", "LITERAL_NULL", "$[0]")
syn("capitalised_literal", "[" + MARK + "True]", "EXPECTED_VALUE")
syn("bad_escape", '["a' + MARK + r'\q"]', "BAD_ESCAPE", "$[0]")
syn("escaped_single_quote", '["a' + MARK + r"\'" + '"]', "BAD_ESCAPE", "$[0]")
syn("short_unicode_escape", '["' + MARK + r'\u12"]', "BAD_HEX", "$[0]")
syn("unicode_escape_non_hex", '["' + MARK + r'\u00g0"]', "BAD_HEX", "$[0]")
syn("control_char_in_string", '["a' + MARK + '\x01"]', "CONTROL_01", "$[0]")
# every raw control character in a string, U+0000 to U+001F
for c in range(0x20):
    syn("raw_control_u%04x_in_string" % c, '["' + MARK + chr(c) + '"]', "CONTROL_%02X" % c, "$[0]")
syn("raw_control_in_key", '{"a' + MARK + '\x1f":1}', "CONTROL_1F")
case(g, "schema_value_then_syntax", job('"tokens":0' + MARK + '1'), err("syntax", "$.job", "LEADING_ZERO"))
case(g, "value_error_before_syntax", job('"tokens":' + MARK + '1.5x'),
     err("range", "$.job.tokens", "FRACTION"), err("number", "$.job.tokens", "STRICT_INT64_FORM"))
case(g, "key_error_before_syntax", job(SMARK + '"zzz":' + MARK + 'x'),
     err("syntax", "$.job.zzz", "EXPECTED_VALUE"), err("unknown_field", "$.job.zzz", "UNKNOWN_KEY"))

# ---------------------------------------------------------------- truncated
g = "truncated"
def trunc(name, text, detail, path="$", args="", strict=SAME):
    case(g, name, text + MARK, err("truncated", path, detail), strict, args=args)
trunc("empty", "", "EMPTY")
trunc("whitespace_only", "  \n ", "EMPTY")
trunc("open_object", "{", "IN_OBJECT")
trunc("after_key", '{"job"', "IN_OBJECT", "$.job")
trunc("after_colon", '{"job":', "IN_OBJECT", "$.job")
trunc("inside_key", '{"jo', "IN_STRING", "$")
trunc("inside_string_value", '{"job":{"uuid":"abc', "IN_STRING", "$.job.uuid")
trunc("inside_escape", '{"job":{"uuid":"a\\u00', "IN_STRING", "$.job.uuid")
trunc("inside_utf8_sequence", '{"job":{"uuid":"a\udce2\udc82', "IN_STRING", "$.job.uuid")
trunc("inside_literal", '{"job":{"is_report_available":tr', "IN_LITERAL", "$.job.is_report_available")
trunc("after_member", '{"job":{"tokens":12', "IN_OBJECT", "$.job")
trunc("after_comma", '{"job":{"tokens":12,', "IN_OBJECT", "$.job")
trunc("in_array", '{"job":{"data_source_uuids":["a",', "IN_ARRAY", "$.job.data_source_uuids[1]")
trunc("after_array_open", '{"job":{"data_source_uuids":[', "IN_ARRAY", "$.job.data_source_uuids")
trunc("after_element", '{"jobs":[{}', "IN_ARRAY", "$.jobs")
trunc("inside_number", "[1.", "IN_NUMBER", "$[0]", "--type=any")
trunc("inside_exponent", "[1e+", "IN_NUMBER", "$[0]", "--type=any")
trunc("minus_at_end", "-", "IN_NUMBER", "$", "--type=any")
trunc("inside_top_level_string", '"abc', "IN_STRING", "$", "--type=any")
trunc("inside_top_level_literal", 'nul', "IN_LITERAL", "$", "--type=any")
trunc("missing_outer_brace", '{"job":{"uuid":"x"}\n', "IN_OBJECT", "$")
case(g, "top_level_number_complete", "123", ok("any"), args="--type=any")
case(g, "top_level_number_then_ws", "-0.5e3 \n", ok("any"), args="--type=any")

# ---------------------------------------------------------------- trailing content
g = "trailing"
case(g, "garbage", '{"job":{}}' + MARK + "x", err("syntax", "$", "AFTER_TOP"))
case(g, "second_object", '{"job":{}} ' + MARK + "{}", err("syntax", "$", "AFTER_TOP"))
case(g, "nul_byte", '{"job":{}}' + MARK + "\x00", err("syntax", "$", "CONTROL_OUTSIDE"))
case(g, "whitespace_ok", '{"job":{}}\r\n\t ', ok("job", "$.job = {}"))
case(g, "named_type_garbage", "{}" + MARK + "x", err("syntax", "$", "AFTER_TOP"), args="--type=job")
case(g, "after_number", "1 " + MARK + "2", err("syntax", "$", "AFTER_TOP"), args="--type=any")
# `unidentified` is known at the closing brace, before what follows it.
case(g, "unidentified_comes_first", "{" + MARK + "}x", err("unidentified", "$", "UNIDENTIFIED"))

# ---------------------------------------------------------------- limits
g = "limits"
case(g, "depth", "[[[" + MARK + "[1]]]]", err("limit", "$[0][0][0]", "DEPTH_LIMIT"), args="--type=any --max-depth=3")
case(g, "depth_exact_ok", "[[[1]]]", ok("any"), args="--type=any --max-depth=3")
case(g, "depth_object", '{"a":{"b":' + MARK + '{}}}', err("limit", "$.a.b", "DEPTH_LIMIT"), args="--type=any --max-depth=2")
case(g, "depth_default_64", "[" * 64 + MARK + "[" + "]" * 65, err("limit", "$" + "[0]" * 64, "DEPTH_LIMIT"),
     args="--type=any")
case(g, "depth_default_64_ok", "[" * 64 + "]" * 64, ok("any"), args="--type=any")
case(g, "depth_in_skipped_value", '{"job":{' + SMARK + '"x":' + "[" * 62 + MARK + "[" + "]" * 63 + "}}",
     err("limit", "$.job.x" + "[0]" * 62, "DEPTH_LIMIT"), err("unknown_field", "$.job.x", "UNKNOWN_KEY"))
case(g, "string_over", '[' + MARK + '"abcdef"]', err("limit", "$[0]", "STRING_LIMIT"), args="--type=any --max-string=5")
case(g, "string_exact_ok", '["abcde"]', ok("any"), args="--type=any --max-string=5")
case(g, "string_escapes_count_raw", '[' + MARK + r'"\n\n\n"]', err("limit", "$[0]", "STRING_LIMIT"),
     args="--type=any --max-string=5")
case(g, "key_over", '{' + MARK + '"abcdef":1}', err("limit", "$", "STRING_LIMIT"), args="--type=any --max-string=5")
case(g, "string_zero", '["",' + MARK + '"a"]', err("limit", "$[1]", "STRING_LIMIT"), args="--type=any --max-string=0")
case(g, "bad_utf8_at_limit_is_string", '["a' + MARK + '\udcc3"]', err("string", "$[0]", "CUT_SEQUENCE"),
     args="--type=any --max-string=2")
case(g, "lone_surrogate_at_limit_is_string", '["' + MARK + r'\ud800"]', err("string", "$[0]", "LONE_HIGH"),
     args="--type=any --max-string=6")
case(g, "escaped_quote_at_limit_is_limit", '[' + MARK + r'"abc\""]', err("limit", "$[0]", "STRING_LIMIT"),
     args="--type=any --max-string=4")
case(g, "number_over", '[' + MARK + '1234]', err("limit", "$[0]", "NUMBER_LIMIT"), args="--type=any --max-number=3")
case(g, "number_exact_ok", '[123]', ok("any"), args="--type=any --max-number=3")
case(g, "number_default_1024", '[' + MARK + '1' * 1025 + ']', err("limit", "$[0]", "NUMBER_LIMIT"), args="--type=any")
case(g, "number_default_1024_ok", '[' + '1' * 1024 + ']', ok("any"), args="--type=any")
case(g, "array_elements", '[1,2,' + MARK + '3]', err("limit", "$[2]", "ARRAY_LIMIT"), args="--type=any --max-array=2")
case(g, "array_elements_exact_ok", '[1,2]', ok("any"), args="--type=any --max-array=2")
case(g, "array_elements_zero", '{"a":[],"b":[' + MARK + '1]}', err("limit", "$.b[0]", "ARRAY_LIMIT"),
     args="--type=any --max-array=0")
case(g, "array_elements_nested", '[[1],[1,2,' + MARK + '3]]', err("limit", "$[1][2]", "ARRAY_LIMIT"),
     args="--type=any --max-array=2")
case(g, "array_elements_schema", job('"data_source_uuids":["a","b",' + MARK + '"c"]'),
     err("limit", "$.job.data_source_uuids[2]", "ARRAY_LIMIT"), args="--max-array=2")
case(g, "document", '[1,2' + MARK + ',3]', err("limit", "$[1]", "DOCUMENT_LIMIT"), args="--type=any --max-document=4")
case(g, "document_inside_token", '["ab' + MARK + 'cd"]', err("limit", "$[0]", "DOCUMENT_LIMIT"),
     args="--type=any --max-document=4")
case(g, "document_exact_ok", '[1,2]', ok("any"), args="--type=any --max-document=5")
case(g, "document_trailing_whitespace", '[1]' + MARK + '  ', err("limit", "$", "DOCUMENT_LIMIT"),
     args="--type=any --max-document=3")
case(g, "value_error_before_limit", job('"tokens":' + MARK + '1.5,"uuid":"abcdefghijk"'),
     err("range", "$.job.tokens", "FRACTION"), err("number", "$.job.tokens", "STRICT_INT64_FORM"),
     args="--max-string=8")
# The memory of the kept result: the error names the value whose memory
# would pass the limit. Any struct takes more than one byte; a 1000-byte
# string more than 512 bytes with its struct.
case(g, "result_root_struct", MARK + '{"job":{}}', err("limit", "$", "RESULT_LIMIT"), args="--type=job --max-result=1")
# Detected, the type (and so the top-level struct) is known at the key
# "job"; the value whose memory passes the limit is still the top-level
# object, at its first byte.
case(g, "result_root_struct_detected", MARK + '{"job":{}}', err("limit", "$", "RESULT_LIMIT"), args="--max-result=1")
case(g, "result_string_element", '{"data_source_uuids":["a",' + MARK + '"' + "u" * 1000 + '"]}',
     err("limit", "$.data_source_uuids[1]", "RESULT_LIMIT"), args="--max-result=512")
case(g, "result_string", '{"signed_url":' + MARK + '"' + "u" * 1000 + '"}',
     err("limit", "$.signed_url", "RESULT_LIMIT"), args="--max-result=512")
case(g, "result_string_fits", '{"signed_url":"' + "u" * 100 + '"}',
     ok("signed-url", '$.signed_url = "' + "u" * 100 + '"'), args="--max-result=512")
case(g, "result_unlimited", '{"signed_url":"' + "u" * 1000 + '"}',
     ok("signed-url", '$.signed_url = "' + "u" * 1000 + '"'), args="--max-result=0")
case(g, "result_any_keeps_nothing", '["' + "u" * 1000 + '"]', ok("any"), args="--type=any --max-result=1")
case(g, "result_unknown_value_not_kept", '{"signed_url":"",' + SMARK + '"x":"' + "u" * 1000 + '"}',
     ok("signed-url", '$.signed_url = ""', unknown=1), err("unknown_field", "$.x", "UNKNOWN_KEY"),
     args="--max-result=512")

# ---------------------------------------------------------------- timestamps
g = "timestamp"
def ts_ok(name, text, shown):
    case(g, name, job('"created_at":"%s"' % text), ok("job", "$.job = {}", "$.job.created_at = %s" % shown))
def ts_bad(name, text, detail):
    case(g, name, job('"created_at":' + MARK + '"%s"' % text), err("timestamp", "$.job.created_at", detail))
ts_ok("utc", "2025-01-17T10:20:30Z", "2025-01-17T10:20:30Z (+00:00)")
ts_ok("positive_offset", "2026-03-02T15:05:11+01:00", "2026-03-02T14:05:11Z (+01:00)")
ts_ok("negative_offset", "2025-12-31T22:30:00-05:00", "2026-01-01T03:30:00Z (-05:00)")
ts_ok("offset_max", "2025-06-01T00:00:00+23:59", "2025-05-31T00:01:00Z (+23:59)")
ts_ok("negative_zero_offset", "2025-06-01T00:00:00-00:00", "2025-06-01T00:00:00Z (+00:00)")
ts_ok("fraction_1", "2025-01-01T00:00:00.5Z", "2025-01-01T00:00:00.500Z (+00:00)")
ts_ok("fraction_3", "2025-01-01T00:00:00.123Z", "2025-01-01T00:00:00.123Z (+00:00)")
ts_ok("fraction_6_zeros", "2025-01-01T00:00:00.000000Z", "2025-01-01T00:00:00Z (+00:00)")
ts_ok("fraction_7", "2025-01-01T00:00:00.1234567Z", "2025-01-01T00:00:00.123456700Z (+00:00)")
ts_ok("fraction_9", "2025-01-01T00:00:00.999999999Z", "2025-01-01T00:00:00.999999999Z (+00:00)")
ts_ok("leap_day_2024", "2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z (+00:00)")
ts_ok("leap_day_2000", "2000-02-29T00:00:00Z", "2000-02-29T00:00:00Z (+00:00)")
ts_ok("minimum_sentinel", "0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z (+00:00)")
ts_ok("maximum", "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z (+00:00)")
ts_ok("minimum_with_negative_offset", "0001-01-01T00:00:00-01:00", "0001-01-01T01:00:00Z (-01:00)")
ts_ok("before_epoch", "1969-12-31T23:59:59.5Z", "1969-12-31T23:59:59.500Z (+00:00)")
ts_ok("escaped_text", r"2025-01-17T10:20:30\u005a", "2025-01-17T10:20:30Z (+00:00)")
ts_bad("lowercase_z", "2025-01-17T10:20:30z", "TS_LOWER_Z")
ts_bad("lowercase_t", "2025-01-17t10:20:30Z", "TS_LOWER_T")
ts_bad("space_separator", "2025-01-17 10:20:30Z", "TS_SPACE")
ts_bad("missing_offset", "2025-01-17T10:20:30", "TS_NO_OFFSET")
ts_bad("offset_without_colon", "2025-01-17T10:20:30+0100", "TS_OFFSET_COLON")
ts_bad("offset_hour_only", "2025-01-17T10:20:30+01", "TS_SHAPE")
ts_bad("february_30", "2025-02-30T00:00:00Z", "TS_FEB_30")
ts_bad("february_29_1900", "1900-02-29T00:00:00Z", "TS_FEB_29")
ts_bad("february_29_2025", "2025-02-29T00:00:00Z", "TS_FEB_29")
ts_bad("april_31", "2025-04-31T00:00:00Z", "TS_APR_31")
ts_bad("month_13", "2025-13-01T00:00:00Z", "TS_MONTH")
ts_bad("month_0", "2025-00-01T00:00:00Z", "TS_MONTH")
ts_bad("day_0", "2025-01-00T00:00:00Z", "TS_DAY")
ts_bad("hour_24", "2025-01-01T24:00:00Z", "TS_HOUR")
ts_bad("minute_60", "2025-01-01T00:60:00Z", "TS_MINUTE")
ts_bad("second_60", "2016-12-31T23:59:60Z", "TS_SECOND")
ts_bad("year_0", "0000-01-01T00:00:00Z", "TS_YEAR_ZERO")
ts_bad("year_5_digits", "10000-01-01T00:00:00Z", "TS_SHAPE")
ts_bad("fraction_10", "2025-01-01T00:00:00.1234567890Z", "TS_FRACTION")
ts_bad("fraction_empty", "2025-01-01T00:00:00.Z", "TS_FRACTION")
ts_bad("offset_hour_24", "2025-01-01T00:00:00+24:00", "TS_OFFSET_RANGE")
ts_bad("offset_minute_60", "2025-01-01T00:00:00+01:60", "TS_OFFSET_RANGE")
ts_bad("below_minimum_after_offset", "0001-01-01T00:30:00+01:00", "TS_RANGE")
ts_bad("above_maximum_after_offset", "9999-12-31T23:59:59-00:01", "TS_RANGE")
ts_bad("date_only", "2025-01-01", "TS_SHAPE")
ts_bad("missing_seconds", "2025-01-01T00:00Z", "TS_SHAPE")
ts_bad("trailing_text", "2025-01-01T00:00:00Zx", "TS_SHAPE")
ts_bad("empty", "", "TS_SHAPE")
ts_bad("non_ascii_digit", "2025-01-01T00:00:0\uff11Z", "TS_SHAPE")
ts_bad("unix_seconds_string", "1735689600", "TS_SHAPE")
ts_bad("february_31", "2024-02-31T00:00:00Z", "TS_FEB_31")
ts_bad("june_31", "2025-06-31T00:00:00Z", "TS_JUN_31")
ts_bad("september_31", "2025-09-31T00:00:00Z", "TS_SEP_31")
ts_bad("november_31", "2025-11-31T00:00:00Z", "TS_NOV_31")
ts_bad("day_32", "2025-01-32T00:00:00Z", "TS_DAY")
ts_bad("second_60_with_offset", "2025-01-01T00:00:60+01:00", "TS_SECOND")
ts_bad("leap_second_utc", "2016-12-31T23:59:60.5Z", "TS_SECOND")
ts_bad("offset_single_digit_hour", "2025-01-01T00:00:00+1:00", "TS_SHAPE")
ts_bad("lowercase_z_after_fraction", "2025-01-01T00:00:00.5z", "TS_LOWER_Z")
ts_bad("below_minimum_by_fraction_offset", "0001-01-01T00:59:59.999999999+01:00", "TS_RANGE")
ts_ok("july_31", "2025-07-31T00:00:00Z", "2025-07-31T00:00:00Z (+00:00)")
case(g, "number_is_type", job('"created_at":' + MARK + '1735689600'),
     err("type", "$.job.created_at", T("TIMESTAMP", "NUMBER")))
case(g, "bool_is_type", job('"finished_at":' + MARK + 'false'), err("type", "$.job.finished_at", T("TIMESTAMP", "BOOL")))
case(g, "object_is_type", job('"started_at":' + MARK + '{"seconds":1}'),
     err("type", "$.job.started_at", T("TIMESTAMP", "OBJECT")))
case(g, "array_is_type", job('"updated_at":' + MARK + '["2025-01-01T00:00:00Z"]'),
     err("type", "$.job.updated_at", T("TIMESTAMP", "ARRAY")))
case(g, "in_data_source_job", job('"data_source_jobs":[{"completed_at":' + MARK + '"2025-01-01"}]'),
     err("timestamp", "$.job.data_source_jobs[0].completed_at", "TS_SHAPE"))

# ---------------------------------------------------------------- required fields
g = "required"
case(g, "error_body_complete", '{"id":"not_found","message":"gone"}',
     ok("error", '$.id = "not_found"', '$.message = "gone"'))
case(g, "error_body_missing_message", '{"id":"not_found","request_id":"r"' + SMARK + '}',
     ok("error", '$.id = "not_found"', '$.request_id = "r"'), err("missing_field", "$", "MISSING_MESSAGE"))
case(g, "error_body_missing_id", '{"message":"m"' + SMARK + '}', ok("error", '$.message = "m"'),
     err("missing_field", "$", "MISSING_ID"))
case(g, "error_body_missing_id_multiline", '{\n  "message": "m",\n  "request_id": "r"\n' + SMARK + '}\n',
     ok("error", '$.message = "m"', '$.request_id = "r"'), err("missing_field", "$", "MISSING_ID"))
# A null is absent in default mode; in strict mode the null itself is the
# first error, before the missing field.
case(g, "error_body_null_id", '{"id":' + SMARK + 'null,"message":"m"}',
     ok("error", '$.message = "m"'), err("type", "$.id", "STRICT_NULL"))
# Both missing: the first required field in table order is named.
case(g, "error_body_empty", '{' + SMARK + '}', ok("error"), err("missing_field", "$", "MISSING_ID"), args="--type=error")
case(g, "error_body_alias_in_default", '{"id":"i","message":"m",' + SMARK + '"requestId":"r"}',
     ok("error", '$.id = "i"', '$.message = "m"', '$.request_id = "r"'),
     err("unknown_field", "$.requestId", "ALIAS_IN_STRICT"))
case(g, "error_body_empty_string_is_present", '{"id":"","message":""}',
     ok("error", '$.id = ""', '$.message = ""'))

# ---------------------------------------------------------------- arrays
g = "arrays"
case(g, "empty_arrays_present", job('"data_source_jobs":[],"data_source_uuids":[]'),
     ok("job", "$.job = {}", "$.job.data_source_jobs = [0]", "$.job.data_source_uuids = [0]"))
case(g, "strings", job('"data_source_uuids":["a","",' + r'"\u00e9"' + ']'),
     ok("job", "$.job = {}", "$.job.data_source_uuids = [3]", '$.job.data_source_uuids[0] = "a"',
        '$.job.data_source_uuids[1] = ""', '$.job.data_source_uuids[2] = "\u00e9"'))
case(g, "create_request", '{"knowledge_base_uuid":"kb","data_source_uuids":["d1","d2"]}',
     ok("create-request", "$.data_source_uuids = [2]", '$.data_source_uuids[0] = "d1"',
        '$.data_source_uuids[1] = "d2"', '$.knowledge_base_uuid = "kb"'))
case(g, "nested_elements",
     '{"jobs":[{"uuid":"j1","data_source_jobs":[{"total_bytes":"1"},{"total_bytes":"2"}],"data_source_uuids":["x"]},'
     '{"uuid":"j2","data_source_jobs":[]}],"meta":{"total":2}}',
     ok("list", "$.jobs = [2]", "$.jobs[0] = {}", "$.jobs[0].data_source_jobs = [2]",
        "$.jobs[0].data_source_jobs[0] = {}", "$.jobs[0].data_source_jobs[0].total_bytes = 1",
        "$.jobs[0].data_source_jobs[1] = {}", "$.jobs[0].data_source_jobs[1].total_bytes = 2",
        "$.jobs[0].data_source_uuids = [1]", '$.jobs[0].data_source_uuids[0] = "x"',
        '$.jobs[0].uuid = "j1"', "$.jobs[1] = {}", "$.jobs[1].data_source_jobs = [0]",
        '$.jobs[1].uuid = "j2"', "$.meta = {}", "$.meta.total = 2"))
case(g, "error_path_in_nested_element",
     '{"jobs":[{},{"data_source_jobs":[{},{},{"total_bytes":' + MARK + '"x"}]}]}',
     err("number", "$.jobs[1].data_source_jobs[2].total_bytes", "NUMBER_NOT_LITERAL"))

# ---------------------------------------------------------------- the any type
g = "any"
case(g, "duplicate_keys_ok", '{"a":1,"a":2}', ok("any"), args="--type=any")
case(g, "deep_mixed", '{"a":[{"b":[[],{}]},-1.5e-3,"\\u00e9"]}', ok("any"), args="--type=any")
case(g, "error_path", '{"a":[{"b":[1,' + MARK + ']}]}', err("syntax", "$.a[0].b[1]", "COMMA_BEFORE_BRACKET"), args="--type=any")
case(g, "error_path_odd_keys", '{"x y":{"it\'s":[0' + MARK + '1]}}',
     err("syntax", "$['x y']['it\\'s']", "LEADING_ZERO"), args="--type=any")

# ---------------------------------------------------------------- realistic valid payloads
g = "valid"
case(g, "full_job",
     '{\n  "job": {\n    "completed_datasources": 1,\n    "created_at": "2025-11-21T08:00:00Z",\n'
     '    "data_source_jobs": [\n      {\n        "completed_at": "2025-11-21T08:05:00.250Z",\n'
     '        "data_source_uuid": "ds-1",\n        "error_details": "",\n        "error_msg": "",\n'
     '        "failed_item_count": "0",\n        "indexed_file_count": "12",\n'
     '        "indexed_item_count": "12",\n        "removed_item_count": "1",\n'
     '        "skipped_item_count": "2",\n        "started_at": "2025-11-21T08:00:01Z",\n'
     '        "status": "DATA_SOURCE_STATUS_UPDATED",\n        "total_bytes": "1048576",\n'
     '        "total_bytes_indexed": "1048576",\n        "total_file_count": "15"\n      }\n    ],\n'
     '    "data_source_uuids": ["ds-1"],\n    "finished_at": "2025-11-21T08:05:00.250Z",\n'
     '    "is_report_available": true,\n    "knowledge_base_uuid": "kb-1",\n'
     '    "phase": "BATCH_JOB_PHASE_SUCCEEDED",\n    "started_at": "2025-11-21T08:00:00Z",\n'
     '    "status": "INDEX_JOB_STATUS_COMPLETED",\n    "tokens": 10500,\n'
     '    "total_datasources": 1,\n    "total_tokens": "10500",\n'
     '    "updated_at": "2025-11-21T08:05:00.250Z",\n    "uuid": "job-1"\n  }\n}\n',
     ok("job", "$.job = {}", "$.job.completed_datasources = 1",
        "$.job.created_at = 2025-11-21T08:00:00Z (+00:00)",
        "$.job.data_source_jobs = [1]", "$.job.data_source_jobs[0] = {}",
        "$.job.data_source_jobs[0].completed_at = 2025-11-21T08:05:00.250Z (+00:00)",
        '$.job.data_source_jobs[0].data_source_uuid = "ds-1"',
        '$.job.data_source_jobs[0].error_details = ""',
        '$.job.data_source_jobs[0].error_msg = ""',
        "$.job.data_source_jobs[0].failed_item_count = 0",
        "$.job.data_source_jobs[0].indexed_file_count = 12",
        "$.job.data_source_jobs[0].indexed_item_count = 12",
        "$.job.data_source_jobs[0].removed_item_count = 1",
        "$.job.data_source_jobs[0].skipped_item_count = 2",
        "$.job.data_source_jobs[0].started_at = 2025-11-21T08:00:01Z (+00:00)",
        "$.job.data_source_jobs[0].status = DATA_SOURCE_STATUS_UPDATED",
        "$.job.data_source_jobs[0].total_bytes = 1048576",
        "$.job.data_source_jobs[0].total_bytes_indexed = 1048576",
        "$.job.data_source_jobs[0].total_file_count = 15",
        "$.job.data_source_uuids = [1]", '$.job.data_source_uuids[0] = "ds-1"',
        "$.job.finished_at = 2025-11-21T08:05:00.250Z (+00:00)",
        "$.job.is_report_available = true", '$.job.knowledge_base_uuid = "kb-1"',
        "$.job.phase = BATCH_JOB_PHASE_SUCCEEDED",
        "$.job.started_at = 2025-11-21T08:00:00Z (+00:00)",
        "$.job.status = INDEX_JOB_STATUS_COMPLETED", "$.job.tokens = 10500",
        "$.job.total_datasources = 1", "$.job.total_tokens = 10500",
        "$.job.updated_at = 2025-11-21T08:05:00.250Z (+00:00)", '$.job.uuid = "job-1"'))
case(g, "list_with_links_and_meta",
     '{"jobs":[{"uuid":"a"}],"links":{"pages":{"first":"https://x/?page=1","last":"https://x/?page=4",'
     '"next":"https://x/?page=3","previous":"https://x/?page=1"}},"meta":{"page":2,"pages":4,"total":10}}',
     ok("list", "$.jobs = [1]", "$.jobs[0] = {}", '$.jobs[0].uuid = "a"', "$.links = {}",
        "$.links.pages = {}", '$.links.pages.first = "https://x/?page=1"',
        '$.links.pages.last = "https://x/?page=4"', '$.links.pages.next = "https://x/?page=3"',
        '$.links.pages.previous = "https://x/?page=1"', "$.meta = {}", "$.meta.page = 2",
        "$.meta.pages = 4", "$.meta.total = 10"))
case(g, "keys_out_of_order", job('"uuid":"u","tokens":3,"created_at":"2025-01-01T00:00:00Z","phase":"BATCH_JOB_PHASE_PENDING"'),
     ok("job", "$.job = {}", "$.job.created_at = 2025-01-01T00:00:00Z (+00:00)",
        "$.job.phase = BATCH_JOB_PHASE_PENDING", "$.job.tokens = 3", '$.job.uuid = "u"'))
