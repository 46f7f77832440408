#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes the policy corpus under tests/corpus/ (see README.md there).

Every case names the rule it checks. Inputs carry a marker where the error
must be reported: MARK (U+00A7 SECTION SIGN) for default mode and SMARK
(U+00A4 CURRENCY SIGN) for strict mode when the strict error sits elsewhere;
the marker is removed from the input and its byte position gives the
expected offset, line and column. Expected values are written here by hand;
nothing is derived from running the decoder.

    python3 tests/corpus/make-corpus.py     # rewrites tests/corpus/<group>/
"""
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
MARK, SMARK = "\u00a7", "\u00a4"
SAME = object()
written = set()


def ok(type_, *lines, unknown=0, unrec=0):
    head = "ok %s unknown_fields=%d unrecognized_enums=%d\n" % (type_, unknown, unrec)
    return head + "".join(l + "\n" for l in lines)


def err(code, path, marker=None):
    return ("error", code, path, marker)


def position(data, marker):
    i = data.find(marker.encode())
    assert i >= 0, "marker missing"
    line = data[:i].count(b"\n") + 1
    col = i - (data.rfind(b"\n", 0, i) + 1) + 1
    return i, line, col


def render(expect, raw, default_marker):
    if isinstance(expect, str):
        return expect
    _, code, path, marker = expect
    marker = marker or default_marker
    off, line, col = position(raw, marker)
    return "error %s at %s offset=%d line=%d column=%d\n" % (code, path, off, line, col)


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


def job(inner):
    return '{"job":{%s}}' % inner


J = "$.job"

# ---------------------------------------------------------------- top level
g = "toplevel"
case(g, "array", MARK + "[]", err("type", "$"))
case(g, "string", MARK + '"x"', err("type", "$"))
case(g, "number", MARK + "1", err("type", "$"))
case(g, "true", MARK + "true", err("type", "$"))
case(g, "null", MARK + "null", err("type", "$"))
case(g, "array_for_job_type", MARK + "[{}]", err("type", "$"), args="--type=job")
case(g, "array_after_whitespace", " \r\n\t " + MARK + "[1]", err("type", "$"))
case(g, "bad_string_is_type_first", MARK + '"\xff"', err("type", "$"))
case(g, "incomplete_number_is_type_first", MARK + "-", err("type", "$"))
case(g, "invalid_byte_is_syntax", MARK + "x", err("syntax", "$"))
case(g, "empty_object_is_job", "{}", ok("job"))
case(g, "empty_object_as_list", "{}", ok("list"), args="--type=list")
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
case(g, "error_key_request_id", '{"request_id":"r"' + SMARK + '}', ok("error", '$.request_id = "r"'),
     err("missing_field", "$"))
case(g, "create_request_key", '{"knowledge_base_uuid":"kb"}',
     ok("create-request", '$.knowledge_base_uuid = "kb"'))
case(g, "unknown_keys_then_deciding_key", '{' + SMARK + '"x":1,"y":{"job":1},"jobs":[]}',
     ok("list", "$.jobs = [0]", unknown=2),
     err("unknown_field", "$.x"))
case(g, "no_deciding_key_is_job", '{' + MARK + '"foo":1}', ok("job", unknown=1),
     err("unknown_field", "$.foo"))
case(g, "alias_decides", '{' + SMARK + '"signedUrl":"u"}', ok("signed-url", '$.signed_url = "u"'),
     err("unknown_field", "$.signedUrl"))
case(g, "second_type_key_is_unknown", '{"job":{},' + SMARK + '"jobs":[]}',
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.jobs"))
case(g, "given_type_ignores_other_keys", '{' + SMARK + '"job":{}}', ok("list", unknown=1),
     err("unknown_field", "$.job"), args="--type=list")

# ---------------------------------------------------------------- unknown keys
g = "unknown"
case(g, "skipped_with_subtree",
     job('"uuid":"a",' + SMARK + '"extra":{"x":[1,{"y":2}],"z":null},"zz":1'),
     ok("job", "$.job = {}", '$.job.uuid = "a"', unknown=2),
     err("unknown_field", "$.job.extra"))
case(g, "nested_keys_not_counted", job(SMARK + '"x":{"a":1,"b":{"c":2}}'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job.x"))
case(g, "in_data_source_job",
     job('"data_source_jobs":[{"status":"DATA_SOURCE_STATUS_UPDATED"},{' + SMARK + '"bogus":[]}]'),
     ok("job", "$.job = {}", "$.job.data_source_jobs = [2]",
        "$.job.data_source_jobs[0] = {}",
        "$.job.data_source_jobs[0].status = DATA_SOURCE_STATUS_UPDATED",
        "$.job.data_source_jobs[1] = {}", unknown=1),
     err("unknown_field", "$.job.data_source_jobs[1].bogus"))
case(g, "duplicate_unknown_not_checked", job(SMARK + '"x":1,"x":2'),
     ok("job", "$.job = {}", unknown=2), err("unknown_field", "$.job.x"))
case(g, "path_quotes_odd_key", job(SMARK + '"a b":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job['a b']"))
case(g, "path_escapes_quote_backslash_control", job(SMARK + r'"a\'b\\c\u0001\u007f":1'.replace("\\'", "'")),
     ok("job", "$.job = {}", unknown=1),
     err("unknown_field", r"$.job['a\'b\\c\u0001\u007F']"))
case(g, "path_escapes_c1_control", job(SMARK + '"x\u0085y":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", r"$.job['x\u0085y']"))
case(g, "path_keeps_non_ascii", job(SMARK + '"caf\u00e9":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job['caf\u00e9']"))
case(g, "path_empty_key", job(SMARK + '"":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job['']"))
case(g, "path_digit_first_key", job(SMARK + '"1a":1'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job['1a']"))
case(g, "error_inside_skipped_value",
     job(SMARK + '"x":{"y":["ok","' + MARK + r'\uD800"]}'),
     err("string", "$.job.x.y[1]"), err("unknown_field", "$.job.x"))
case(g, "unknown_with_escaped_name", job(SMARK + r'"ex\u0074ra":true'),
     ok("job", "$.job = {}", unknown=1), err("unknown_field", "$.job.extra"))

# ---------------------------------------------------------------- aliases
g = "alias"
case(g, "camel_case_accepted", job(SMARK + '"totalTokens":"5","knowledgeBaseUuid":"k"'),
     ok("job", "$.job = {}", '$.job.knowledge_base_uuid = "k"', "$.job.total_tokens = 5"),
     err("unknown_field", "$.job.totalTokens"))
case(g, "camel_case_everywhere",
     '{"jobs":[{' + SMARK + '"dataSourceJobs":[{"totalBytesIndexed":"7"}]}],"links":{"pages":{"previous":"p"}}}',
     ok("list", "$.jobs = [1]", "$.jobs[0] = {}", "$.jobs[0].data_source_jobs = [1]",
        "$.jobs[0].data_source_jobs[0] = {}",
        "$.jobs[0].data_source_jobs[0].total_bytes_indexed = 7",
        "$.links = {}", "$.links.pages = {}", '$.links.pages.previous = "p"'),
     err("unknown_field", "$.jobs[0].dataSourceJobs"))
case(g, "path_keeps_alias", job(SMARK + '"totalTokens":' + MARK + '"x"'),
     err("number", "$.job.totalTokens"), err("unknown_field", "$.job.totalTokens"))

# ---------------------------------------------------------------- duplicates
g = "duplicate"
case(g, "same_key_twice", job('"uuid":"a",' + MARK + '"uuid":"b"'),
     err("duplicate_key", "$.job.uuid"))
case(g, "name_then_alias", job('"total_tokens":"1",' + MARK + '"totalTokens":"2"'),
     err("duplicate_key", "$.job.totalTokens"), err("unknown_field", "$.job.totalTokens"))
case(g, "null_then_value", job('"uuid":null,' + MARK + '"uuid":"x"'),
     err("duplicate_key", "$.job.uuid"))
case(g, "escaped_same_key", job('"uuid":"a",' + MARK + r'"uu\u0069d":"b"'),
     err("duplicate_key", "$.job.uuid"))
case(g, "top_level", '{"job":{},' + MARK + '"job":{}}', err("duplicate_key", "$.job"))
case(g, "in_element", job('"data_source_jobs":[{"status":null},{"status":null,' + MARK + '"status":null}]'),
     err("duplicate_key", "$.job.data_source_jobs[1].status"))
case(g, "same_key_other_objects_ok", '{"jobs":[{"uuid":"a"},{"uuid":"b"}]}',
     ok("list", "$.jobs = [2]", "$.jobs[0] = {}", '$.jobs[0].uuid = "a"', "$.jobs[1] = {}",
        '$.jobs[1].uuid = "b"'))
case(g, "duplicate_before_bad_value", job('"tokens":1,' + MARK + '"tokens":1.5'),
     err("duplicate_key", "$.job.tokens"))

# ---------------------------------------------------------------- null
g = "null"
case(g, "null_fields_absent",
     job('"uuid":null,"tokens":null,"total_tokens":null,"created_at":null,"phase":null,'
         '"is_report_available":null,"data_source_jobs":null,"data_source_uuids":null'),
     ok("job", "$.job = {}"))
case(g, "null_object_absent", '{"job":null}', ok("job"))
case(g, "null_nested_objects", '{"links":null,"meta":null}', ok("list"))
case(g, "null_element_object", job('"data_source_jobs":[' + MARK + 'null]'),
     err("type", "$.job.data_source_jobs[0]"))
case(g, "null_element_string", job('"data_source_uuids":["a",' + MARK + 'null]'),
     err("type", "$.job.data_source_uuids[1]"))
case(g, "null_in_skipped_array_ok", job(SMARK + '"x":[null]'), ok("job", "$.job = {}", unknown=1),
     err("unknown_field", "$.job.x"))

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
     err("enum", "$.job.phase"))
case(g, "case_sensitive", job('"status":' + MARK + '"index_job_status_failed"'),
     ok("job", "$.job = {}", '$.job.status = UNRECOGNIZED "index_job_status_failed"', unrec=1),
     err("enum", "$.job.status"))
case(g, "escaped_known_literal", job(r'"phase":"BATCH_JOB_PHASE_RUNNIN\u0047"'),
     ok("job", "$.job = {}", "$.job.phase = BATCH_JOB_PHASE_RUNNING"))
case(g, "empty_literal", job('"phase":' + MARK + '""'),
     ok("job", "$.job = {}", '$.job.phase = UNRECOGNIZED ""', unrec=1), err("enum", "$.job.phase"))
case(g, "number_is_type", job('"phase":' + MARK + '3'), err("type", "$.job.phase"))
case(g, "bool_is_type", job('"phase":' + MARK + 'true'), err("type", "$.job.phase"))
case(g, "object_is_type", job('"phase":' + MARK + '{"x":"\xff"}'), err("type", "$.job.phase"))
case(g, "array_is_type", job('"status":' + MARK + '[]'), err("type", "$.job.status"))
case(g, "unknown_in_element_counts",
     '{"indexed_data_sources":[{"status":' + SMARK + '"DATA_SOURCE_STATUS_COMPLETED"},{"status":"DATA_SOURCE_STATUS_COMPLETED_WITH_ERRORS"}]}',
     ok("data-sources", "$.indexed_data_sources = [2]", "$.indexed_data_sources[0] = {}",
        '$.indexed_data_sources[0].status = UNRECOGNIZED "DATA_SOURCE_STATUS_COMPLETED"',
        "$.indexed_data_sources[1] = {}",
        '$.indexed_data_sources[1].status = UNRECOGNIZED "DATA_SOURCE_STATUS_COMPLETED_WITH_ERRORS"',
        unrec=2), err("enum", "$.indexed_data_sources[0].status"))

# ---------------------------------------------------------------- int64
g = "int64"
def i64(name, text, default, strict=SAME):
    case(g, name, job('"tokens":' + MARK + text),
         ok("job", "$.job = {}", "$.job.tokens = %s" % default) if isinstance(default, str) and not default.startswith("!") else err(default[1:], "$.job.tokens"),
         SAME if strict is SAME else (ok("job", "$.job = {}", "$.job.tokens = %s" % strict) if not strict.startswith("!") else err(strict[1:], "$.job.tokens")))
i64("plain", "40", "40")
i64("zero", "0", "0")
i64("negative_zero", "-0", "0")
i64("min", "-9223372036854775808", "-9223372036854775808")
i64("max", "9223372036854775807", "9223372036854775807")
i64("exponent", "4e1", "40", "!number")
i64("exponent_upper_plus", "4E+1", "40", "!number")
i64("zero_fraction", "40.0", "40", "!number")
i64("negative_exponent_exact", "400e-1", "40", "!number")
i64("fraction_exponent_exact", "1.5e1", "15", "!number")
i64("zero_huge_exponent", "0e999999999999", "0", "!number")
i64("nonzero_fraction", "1.5", "!range", "!number")
i64("tiny", "1e-400", "!range", "!number")
i64("over_max", "9223372036854775808", "!range")
i64("under_min", "-9223372036854775809", "!range")
i64("exponent_over_max", "1e19", "!range", "!number")
i64("huge_exponent", "1e400", "!range", "!number")
i64("string", '"2"', "2", "!type")
i64("string_beyond_double", '"9007199254740993"', "9007199254740993", "!type")
i64("string_exponent", '"4e1"', "40", "!type")
i64("string_negative", '"-12"', "-12", "!type")
i64("string_plus", '"+1"', "!number", "!type")
i64("string_empty", '""', "!number", "!type")
i64("string_space", '" 1"', "!number", "!type")
i64("string_fraction", '"1.5"', "!range", "!type")
i64("string_over_max", '"9223372036854775808"', "!range", "!type")
i64("bool", "true", "!type")
i64("object", "{}", "!type")
i64("array", "[1]", "!type")
case(g, "leading_zero_is_syntax", job('"tokens":0' + MARK + '1'), err("syntax", "$.job"))
case(g, "meta_fields", '{"meta":{"page":1,"pages":' + SMARK + '2.0,"total":"3"}}',
     ok("list", "$.meta = {}", "$.meta.page = 1", "$.meta.pages = 2", "$.meta.total = 3"),
     err("number", "$.meta.pages"))
case(g, "range_at_end_of_input", '{"job":{"tokens":' + MARK + "1.5",
     err("range", "$.job.tokens"), err("number", "$.job.tokens"))

# ---------------------------------------------------------------- uint64
g = "uint64"
def u64(name, text, default, strict=SAME):
    def exp(v):
        return ok("job", "$.job = {}", "$.job.total_tokens = %s" % v) if not v.startswith("!") else err(v[1:], "$.job.total_tokens")
    case(g, name, job('"total_tokens":' + MARK + text), exp(default), SAME if strict is SAME else exp(strict))
u64("string", '"40"', "40")
u64("zero", '"0"', "0")
u64("max", '"18446744073709551615"', "18446744073709551615")
u64("over_max", '"18446744073709551616"', "!range")
u64("far_over_max", '"99999999999999999999999"', "!range")
u64("above_int64", '"9223372036854775808"', "9223372036854775808")
u64("exponent_string", '"1e3"', "1000", "!number")
u64("zero_fraction_string", '"10.0"', "10", "!number")
u64("negative_zero_string", '"-0"', "0", "!number")
u64("negative_string", '"-1"', "!range", "!number")
u64("fraction_string", '"0.5"', "!range", "!number")
u64("tiny_string", '"1e-400"', "!range", "!number")
u64("max_by_exponent", '"1844674407370955161.5e1"', "18446744073709551615", "!number")
u64("over_max_by_exponent", '"2e19"', "!range", "!number")
u64("empty", '""', "!number")
u64("plus", '"+1"', "!number")
u64("leading_space", '" 1"', "!number")
u64("trailing_space", '"1 "', "!number")
u64("leading_zeros", '"007"', "!number")
u64("partially_numeric", '"12abc"', "!number")
u64("hex", '"0x10"', "!number")
u64("fullwidth_digit", '"\uff11"', "!number")
u64("dot_only_fraction", '"1."', "!number")
u64("no_integer_part", '".5"', "!number")
u64("dangling_exponent", '"1e"', "!number")
u64("number", "40", "40", "!type")
u64("number_exponent", "4e1", "40", "!type")
u64("number_zero_fraction", "18350080.0", "18350080", "!type")
u64("number_negative", "-1", "!range", "!type")
u64("number_negative_zero", "-0", "0", "!type")
u64("number_huge", "1e400", "!range", "!type")
u64("number_max", "18446744073709551615", "18446744073709551615", "!type")
u64("number_over_max", "18446744073709551616", "!range", "!type")
u64("bool", "false", "!type")
u64("object", '{"a":1}', "!type")
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
case(g, "string_is_type", job('"is_report_available":' + MARK + '"true"'), err("type", "$.job.is_report_available"))
case(g, "number_is_type", job('"is_report_available":' + MARK + '1'), err("type", "$.job.is_report_available"))
case(g, "array_is_type", job('"is_report_available":' + MARK + '[true]'), err("type", "$.job.is_report_available"))

# ---------------------------------------------------------------- strings
g = "string"
case(g, "escapes_decoded", job(r'"uuid":"a\"b\\c\/d\b\f\n\r\te\u00e9\uD83D\uDE00"'),
     ok("job", "$.job = {}", '$.job.uuid = "a\\"b\\\\c/d\\u0008\\u000C\\n\\u000D\\te\u00e9\U0001F600"'))
case(g, "raw_utf8_kept", job('"uuid":"\u00e9\u4e2d\U0001F600\x7f"'),
     ok("job", "$.job = {}", '$.job.uuid = "\u00e9\u4e2d\U0001F600\\u007F"'))
case(g, "empty_string_present", job('"uuid":""'), ok("job", "$.job = {}", '$.job.uuid = ""'))
case(g, "number_is_type", job('"uuid":' + MARK + '1'), err("type", "$.job.uuid"))
case(g, "leading_zero_number_is_type", job('"uuid":' + MARK + '01'), err("type", "$.job.uuid"))
case(g, "object_is_type", job('"uuid":' + MARK + '{}'), err("type", "$.job.uuid"))
case(g, "true_is_type", job('"knowledge_base_uuid":' + MARK + 'true'), err("type", "$.job.knowledge_base_uuid"))
case(g, "array_field_given_string", job('"data_source_uuids":' + MARK + '"a"'),
     err("type", "$.job.data_source_uuids"))
case(g, "array_field_given_object", job('"data_source_jobs":' + MARK + '{}'),
     err("type", "$.job.data_source_jobs"))
case(g, "object_field_given_array", '{"job":' + MARK + '[]}', err("type", "$.job"))
case(g, "string_array_element_number", job('"data_source_uuids":["a",' + MARK + '2]'),
     err("type", "$.job.data_source_uuids[1]"))
case(g, "object_array_element_string", job('"data_source_jobs":[{},' + MARK + '"x"]'),
     err("type", "$.job.data_source_jobs[1]"))
case(g, "container_type_checked_at_bracket", job('"uuid":' + MARK + '["\xff"]'), err("type", "$.job.uuid"))

# ---------------------------------------------------------------- UTF-8
g = "utf8"
def bad(name, content, path="$.job.uuid", prefix=""):
    case(g, name, job('"uuid":"' + prefix + MARK + content + '"'), err("string", path))
bad("overlong_2", "\udcc0\udc80")
bad("overlong_2_c1", "\udcc1\udcbf")
bad("overlong_3", "\udce0\udc80\udc80")
bad("overlong_4", "\udcf0\udc80\udc80\udc80")
bad("surrogate_utf8", "\udced\udca0\udc80")
bad("above_max_f4", "\udcf4\udc90\udc80\udc80")
bad("lead_f5", "\udcf5\udc80\udc80\udc80")
bad("lead_ff", "\udcff")
bad("lone_continuation", "\udc80", prefix="ab")
bad("truncated_2", "\udcc3", prefix="x")
bad("truncated_3", "\udce2\udc82")
bad("truncated_4_then_ascii", "\udcf0\udc9f\udc98A")
case(g, "valid_boundaries", job('"uuid":"\u0080\u07ff\u0800\ud7ff\ue000\uffff\U00010000\U0010ffff"'),
     ok("job", "$.job = {}", '$.job.uuid = "\u0080\u07ff\u0800\ud7ff\ue000\uffff\U00010000\U0010ffff"'))
case(g, "bad_key", job('"' + MARK + '\udcc0\udc80":1'), err("string", "$.job"))
case(g, "bad_in_unknown_value", job(SMARK + '"x":"ok' + MARK + '\udced\udcbf\udcbf"'),
     err("string", "$.job.x"), err("unknown_field", "$.job.x"))
case(g, "bad_in_enum", job('"phase":"' + MARK + '\udcc0\udc80"'), err("string", "$.job.phase"))
case(g, "bad_in_any", '["a","' + MARK + '\udcc0\udc80"]', err("string", "$[1]"), args="--type=any")

# ---------------------------------------------------------------- surrogate escapes
g = "surrogate"
def sur(name, text, code="string", marker_at_start=True):
    case(g, name, '["' + (MARK if marker_at_start else "") + text + '"]', err(code, "$[0]"), args="--type=any")
sur("lone_high", r"\uD800")
sur("lone_high_then_char", r"\uD800x")
sur("lone_low", r"\uDC00")
sur("high_then_non_low", r"\uD800\u0041")
sur("high_then_high", r"\uD800\uD800")
sur("inverted_pair", r"\uDd1e\uD834")
sur("high_then_short_escape", r"\uD800\n")
sur("high_then_escaped_quote", r'\uD800\"')
sur("cve_2017_16516", r"\uD800\\DC00")
sur("issue_260", r"\uD800\\u0")
case(g, "high_then_bad_escape_is_syntax", '["\\uD800' + MARK + '\\x"]', err("syntax", "$[0]"), args="--type=any")
case(g, "high_then_short_hex_is_syntax", '["\\uD800' + MARK + '\\u12"]', err("syntax", "$[0]"), args="--type=any")
case(g, "cve_2017_16516_key", '{"e":{"' + MARK + r'\uD800\\DC00":"a"}}', err("string", "$.e"), args="--type=any")
case(g, "cve_2017_16516_second", '{"' + MARK + r'\uDBFF\\u "@: "', err("string", "$"), args="--type=any")
case(g, "valid_pair", r'["\uD83D\uDE00","\udbff\udfff"]', ok("any"), args="--type=any")
case(g, "in_schema_string", job('"error":1,"uuid":"a' + MARK + r'\ud800"').replace('"error":1,', ''),
     err("string", "$.job.uuid"))

# ---------------------------------------------------------------- U+0000
g = "nul"
case(g, "escaped_in_value", job('"uuid":"a' + MARK + r'\u0000b"'), err("string", "$.job.uuid"))
case(g, "escaped_in_key", job('"pha' + MARK + r'\u0000se":"x"'), err("string", "$.job"))
case(g, "escaped_in_unknown_value", job(SMARK + '"x":"' + MARK + r'\u0000"'), err("string", "$.job.x"),
     err("unknown_field", "$.job.x"))
case(g, "raw_is_syntax", job('"uuid":"a' + MARK + '\x00b"'), err("syntax", "$.job.uuid"))
case(g, "allowed_in_any", r'{"a\u0000b":"\u0000"}', ok("any"), args="--type=any")
case(g, "raw_in_any_is_syntax", '["' + MARK + '\x00"]', err("syntax", "$[0]"), args="--type=any")

# ---------------------------------------------------------------- whitespace
g = "whitespace"
case(g, "all_four_kinds", ' \t\r\n{ "job" :\t{ }\r\n}\n', ok("job", "$.job = {}"))
case(g, "formfeed", '[' + MARK + '\f1]', err("syntax", "$"), args="--type=any")
case(g, "vertical_tab", '{' + MARK + '\v}', err("syntax", "$"))
case(g, "formfeed_after_value", '{"a":1}' + MARK + '\f', err("syntax", "$"), args="--type=any")
case(g, "byte_order_mark", MARK + '\ufeff{}', err("syntax", "$"))
case(g, "no_break_space", '{' + MARK + '\u00a0}', err("syntax", "$"))
case(g, "raw_tab_in_string", job('"uuid":"a' + MARK + '\tb"'), err("syntax", "$.job.uuid"))
case(g, "raw_newline_in_string", job('"uuid":"a' + MARK + '\nb"'), err("syntax", "$.job.uuid"))
case(g, "positions_multiline", '{\n  "job": {\n    "tokens": ' + MARK + '"x"\n  }\n}\n',
     err("number", "$.job.tokens"), err("type", "$.job.tokens"))
case(g, "crlf_lines", '{\r\n"job":{\r\n"uuid":' + MARK + '7}}', err("type", "$.job.uuid"))

# ---------------------------------------------------------------- syntax
g = "syntax"
def syn(name, text, path="$", args="--type=any"):
    case(g, name, text, err("syntax", path), args=args)
syn("leading_zero", "[0" + MARK + "1]")
syn("trailing_comma_array", "[1," + MARK + "]", "$[1]")
syn("trailing_comma_object", '{"a":1,' + MARK + "}")
syn("comment", "[1" + MARK + "/*c*/]")
syn("line_comment", MARK + "//c\n[]")
syn("nan", "[" + MARK + "NaN]")
syn("infinity", "[-" + MARK + "Infinity]", "$[0]")
syn("missing_colon", '{"a" ' + MARK + '1}', "$.a")
syn("missing_comma", "[1 " + MARK + "2]")
syn("empty_key_slot", "{" + MARK + ",}")
syn("single_quotes", "[" + MARK + "'a']")
syn("bad_literal", "[tr" + MARK + "x]", "$[0]")
syn("literal_then_letter", "[true" + MARK + "x]")
syn("minus_alone", "[-" + MARK + "]", "$[0]")
syn("dot_without_digits", "[1." + MARK + "]", "$[0]")
syn("exponent_without_digits", "[1e" + MARK + "]", "$[0]")
syn("double_dot", "[1.5" + MARK + ".3]")
syn("plus_number", "[" + MARK + "+1]")
syn("bad_escape", '["a' + MARK + r'\q"]', "$[0]")
syn("short_unicode_escape", '["' + MARK + r'\u12"]', "$[0]")
syn("unicode_escape_non_hex", '["' + MARK + r'\u00g0"]', "$[0]")
syn("control_char_in_string", '["a' + MARK + '\x01"]', "$[0]")
syn("mismatched_close", "[1" + MARK + "}")
syn("mismatched_close_object", '{"a":1' + MARK + "]")
syn("unquoted_key", "{" + MARK + "a:1}")
syn("number_key", "{" + MARK + "1:1}")
syn("key_after_comma_missing", '{"a":1,' + MARK + "1}")
syn("colon_in_array", "[1" + MARK + ":2]")
syn("close_without_open", MARK + "]")
syn("value_after_key_missing", '{"a":' + MARK + "}", "$.a")
syn("comma_first_element", "[" + MARK + ",1]")
case(g, "schema_value_then_syntax", job('"tokens":0' + MARK + '1'), err("syntax", "$.job"))
case(g, "value_error_before_syntax", job('"tokens":' + MARK + '1.5x'),
     err("range", "$.job.tokens"), err("number", "$.job.tokens"))
case(g, "key_error_before_syntax", job(SMARK + '"zzz":' + MARK + 'x'),
     err("syntax", "$.job.zzz"), err("unknown_field", "$.job.zzz"))

# ---------------------------------------------------------------- truncated
g = "truncated"
def trunc(name, text, path="$", args="", strict=SAME):
    case(g, name, text + MARK, err("truncated", path), strict, args=args)
trunc("empty", "")
trunc("whitespace_only", "  \n ")
trunc("open_object", "{")
trunc("after_key", '{"job"', "$.job")
trunc("after_colon", '{"job":', "$.job")
trunc("inside_key", '{"jo', "$")
trunc("inside_string_value", '{"job":{"uuid":"abc', "$.job.uuid")
trunc("inside_escape", '{"job":{"uuid":"a\\u00', "$.job.uuid")
trunc("inside_literal", '{"job":{"is_report_available":tr', "$.job.is_report_available")
trunc("after_member", '{"job":{"tokens":12', "$.job")
trunc("after_comma", '{"job":{"tokens":12,', "$.job")
trunc("in_array", '{"job":{"data_source_uuids":["a",', "$.job.data_source_uuids[1]")
trunc("after_array_open", '{"job":{"data_source_uuids":[', "$.job.data_source_uuids")
trunc("inside_number", "[1.", "$[0]", "--type=any")
trunc("inside_exponent", "[1e+", "$[0]", "--type=any")
trunc("minus_at_end", "-", "$", "--type=any")
trunc("missing_outer_brace", '{"job":{"uuid":"x"}\n', "$")
case(g, "top_level_number_complete", "123", ok("any"), args="--type=any")
case(g, "top_level_number_then_ws", "-0.5e3 \n", ok("any"), args="--type=any")

# ---------------------------------------------------------------- trailing content
g = "trailing"
case(g, "garbage", "{}" + MARK + "x", err("syntax", "$"))
case(g, "second_object", "{} " + MARK + "{}", err("syntax", "$"))
case(g, "nul_byte", "{}" + MARK + "\x00", err("syntax", "$"))
case(g, "whitespace_ok", "{}\r\n\t ", ok("job"))
case(g, "after_number", "1 " + MARK + "2", err("syntax", "$"), args="--type=any")

# ---------------------------------------------------------------- limits
g = "limits"
case(g, "depth", "[[[" + MARK + "[1]]]]", err("limit", "$[0][0][0]"), args="--type=any --max-depth=3")
case(g, "depth_exact_ok", "[[[1]]]", ok("any"), args="--type=any --max-depth=3")
case(g, "depth_object", '{"a":{"b":' + MARK + '{}}}', err("limit", "$.a.b"), args="--type=any --max-depth=2")
case(g, "depth_default_64", "[" * 64 + MARK + "[" + "]" * 65, err("limit", "$" + "[0]" * 64), args="--type=any")
case(g, "depth_default_64_ok", "[" * 64 + "]" * 64, ok("any"), args="--type=any")
case(g, "depth_in_skipped_value", '{"job":{' + SMARK + '"x":' + "[" * 62 + MARK + "[" + "]" * 63 + "}}",
     err("limit", "$.job.x" + "[0]" * 62), err("unknown_field", "$.job.x"))
case(g, "string_over", '[' + MARK + '"abcdef"]', err("limit", "$[0]"), args="--type=any --max-string=5")
case(g, "string_exact_ok", '["abcde"]', ok("any"), args="--type=any --max-string=5")
case(g, "string_escapes_count_raw", '[' + MARK + r'"\n\n\n"]', err("limit", "$[0]"), args="--type=any --max-string=5")
case(g, "key_over", '{' + MARK + '"abcdef":1}', err("limit", "$"), args="--type=any --max-string=5")
case(g, "string_zero", '["",' + MARK + '"a"]', err("limit", "$[1]"), args="--type=any --max-string=0")
case(g, "bad_utf8_at_limit_is_string", '["a' + MARK + '\udcc3"]', err("string", "$[0]"), args="--type=any --max-string=2")
case(g, "lone_surrogate_at_limit_is_string", '["' + MARK + r'\ud800"]', err("string", "$[0]"), args="--type=any --max-string=6")
case(g, "escaped_quote_at_limit_is_limit", '[' + MARK + r'"abc\""]', err("limit", "$[0]"), args="--type=any --max-string=4")
case(g, "number_over", '[' + MARK + '1234]', err("limit", "$[0]"), args="--type=any --max-number=3")
case(g, "number_exact_ok", '[123]', ok("any"), args="--type=any --max-number=3")
case(g, "number_default_1024", '[' + MARK + '1' * 1025 + ']', err("limit", "$[0]"), args="--type=any")
case(g, "number_default_1024_ok", '[' + '1' * 1024 + ']', ok("any"), args="--type=any")
case(g, "array_elements", '[1,2,' + MARK + '3]', err("limit", "$[2]"), args="--type=any --max-array=2")
case(g, "array_elements_exact_ok", '[1,2]', ok("any"), args="--type=any --max-array=2")
case(g, "array_elements_nested", '[[1],[1,2,' + MARK + '3]]', err("limit", "$[1][2]"), args="--type=any --max-array=2")
case(g, "array_elements_schema", job('"data_source_uuids":["a","b",' + MARK + '"c"]'),
     err("limit", "$.job.data_source_uuids[2]"), args="--max-array=2")
case(g, "document", '[1,2' + MARK + ',3]', err("limit", "$[1]"), args="--type=any --max-document=4")
case(g, "document_inside_token", '["ab' + MARK + 'cd"]', err("limit", "$[0]"), args="--type=any --max-document=4")
case(g, "document_exact_ok", '[1,2]', ok("any"), args="--type=any --max-document=5")
case(g, "document_trailing_whitespace", '[1]' + MARK + '  ', err("limit", "$"), args="--type=any --max-document=3")
case(g, "value_error_before_limit", job('"tokens":' + MARK + '1.5,"uuid":"abcdefghijk"'),
     err("range", "$.job.tokens"), err("number", "$.job.tokens"), args="--max-string=8")

# ---------------------------------------------------------------- timestamps
g = "timestamp"
def ts_ok(name, text, shown):
    case(g, name, job('"created_at":"%s"' % text), ok("job", "$.job = {}", "$.job.created_at = %s" % shown))
def ts_bad(name, text):
    case(g, name, job('"created_at":' + MARK + '"%s"' % text), err("timestamp", "$.job.created_at"))
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
ts_bad("lowercase_z", "2025-01-17T10:20:30z")
ts_bad("lowercase_t", "2025-01-17t10:20:30Z")
ts_bad("space_separator", "2025-01-17 10:20:30Z")
ts_bad("missing_offset", "2025-01-17T10:20:30")
ts_bad("offset_without_colon", "2025-01-17T10:20:30+0100")
ts_bad("offset_hour_only", "2025-01-17T10:20:30+01")
ts_bad("february_30", "2025-02-30T00:00:00Z")
ts_bad("february_29_1900", "1900-02-29T00:00:00Z")
ts_bad("february_29_2025", "2025-02-29T00:00:00Z")
ts_bad("april_31", "2025-04-31T00:00:00Z")
ts_bad("month_13", "2025-13-01T00:00:00Z")
ts_bad("month_0", "2025-00-01T00:00:00Z")
ts_bad("day_0", "2025-01-00T00:00:00Z")
ts_bad("hour_24", "2025-01-01T24:00:00Z")
ts_bad("minute_60", "2025-01-01T00:60:00Z")
ts_bad("second_60", "2016-12-31T23:59:60Z")
ts_bad("year_0", "0000-01-01T00:00:00Z")
ts_bad("year_5_digits", "10000-01-01T00:00:00Z")
ts_bad("fraction_10", "2025-01-01T00:00:00.1234567890Z")
ts_bad("fraction_empty", "2025-01-01T00:00:00.Z")
ts_bad("offset_hour_24", "2025-01-01T00:00:00+24:00")
ts_bad("offset_minute_60", "2025-01-01T00:00:00+01:60")
ts_bad("below_minimum_after_offset", "0001-01-01T00:30:00+01:00")
ts_bad("above_maximum_after_offset", "9999-12-31T23:59:59-00:01")
ts_bad("date_only", "2025-01-01")
ts_bad("missing_seconds", "2025-01-01T00:00Z")
ts_bad("trailing_text", "2025-01-01T00:00:00Zx")
ts_bad("empty", "")
ts_bad("non_ascii_digit", "2025-01-01T00:00:0\uff11Z")
ts_bad("unix_seconds_string", "1735689600")
case(g, "number_is_type", job('"created_at":' + MARK + '1735689600'), err("type", "$.job.created_at"))
case(g, "in_data_source_job", job('"data_source_jobs":[{"completed_at":' + MARK + '"2025-01-01"}]'),
     err("timestamp", "$.job.data_source_jobs[0].completed_at"))

# ---------------------------------------------------------------- required fields
g = "required"
case(g, "error_body_complete", '{"id":"not_found","message":"gone"}',
     ok("error", '$.id = "not_found"', '$.message = "gone"'))
case(g, "error_body_missing_message", '{"id":"not_found","request_id":"r"' + SMARK + '}',
     ok("error", '$.id = "not_found"', '$.request_id = "r"'), err("missing_field", "$"))
case(g, "error_body_null_id", '{"id":null,"message":"m"' + SMARK + '}',
     ok("error", '$.message = "m"'), err("missing_field", "$"))
case(g, "error_body_empty", '{' + SMARK + '}', ok("error"), err("missing_field", "$"), args="--type=error")
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
     err("number", "$.jobs[1].data_source_jobs[2].total_bytes"))

# ---------------------------------------------------------------- the any type
g = "any"
case(g, "duplicate_keys_ok", '{"a":1,"a":2}', ok("any"), args="--type=any")
case(g, "deep_mixed", '{"a":[{"b":[[],{}]},-1.5e-3,"\\u00e9"]}', ok("any"), args="--type=any")
case(g, "error_path", '{"a":[{"b":[1,' + MARK + ']}]}', err("syntax", "$.a[0].b[1]"), args="--type=any")
case(g, "error_path_odd_keys", '{"x y":{"it\'s":[0' + MARK + '1]}}',
     err("syntax", "$['x y']['it\\'s']"), args="--type=any")

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
