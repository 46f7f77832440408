# SPDX-License-Identifier: MIT
"""Agreement of `ixjob schema` with the policy corpus (tests/corpus).

For every expectation of the corpus (a case in default or strict mode),
the input is validated with the JSON Schema that `ixjob schema` exports
for the case's type and mode (python's jsonschema, Draft202012Validator),
and the verdict, valid or not, must be the expectation's (`ok ...` or
`error CODE ...`) wherever JSON Schema can express the rule that decides
it. Run by tests/test_schema_agree.sh under `make check`.

The type of a case: the `args: --type=NAME` line, else the `ok TYPE`
header. An error case decoded under auto-detection has neither: its type
is found as the decoder finds it, from the first top-level key that a
type's root object has (aliases too in default mode: they are among the
default schemas' properties). When no key decides, or the document is not
an object, the verdict is that of all the types together (valid when one
schema accepts), so that `[]` or, in strict mode, `{"foo": 1}` must be
refused by every schema.

What JSON Schema cannot express is decided from the expectation and the
document, never from a list of cases, so that corpus changes need no
change here:

  before validating:
    any            the type has no schema
    syntax, truncated, string, limit, unidentified
                   the expected code is a rule of the text, of the
                   decoder's options or of auto-detection
    string         the input is not UTF-8: python cannot read it
    syntax         python's json module cannot parse the text (NaN and
                   Infinity are refused here, as in RFC 8259)
    duplicate_key  an object has a key twice (json.loads keeps the last,
                   so the schema never sees the first value) and the
                   expected error is that duplicate or lies in the value
                   json.loads dropped; a key and its alias are
                   expressible (dependentSchemas) and checked
  when the schema accepts an expected error, only if the value at the
  error's path shows why:
    range          a number literal inside a string (default mode), or a
                   number that a double cannot hold exactly
    number         strict mode: an int64 number written with a fraction
                   or an exponent, which JSON Schema sees as an integer
    timestamp      a real calendar date-time whose instant leaves
                   0001..9999 once the offset is applied
  when the schema refuses an expected success:
    range          every error is at a number a double cannot hold
                   exactly

Anything else is a disagreement, and fails the test.
"""
import datetime
import decimal
import glob
import json
import os
import re
import shlex
import subprocess
import sys

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

REASONS = {
    "any": "type any has no schema (any JSON text, checked as RFC 8259)",
    "syntax": "the grammar of the JSON text, or text python's json module "
              "cannot parse",
    "truncated": "input that ends inside a value: no JSON value to validate",
    "string": "UTF-8 validity, unpaired surrogates and U+0000 (json.loads "
              "reads lone surrogates and U+0000; invalid UTF-8 not at all)",
    "duplicate_key": "a key twice in one object (json.loads keeps the last)",
    "limit": "the decoder's limits (depth, sizes, counts) are options, not "
             "payload rules",
    "unidentified": "auto-detection of the payload type: a schema is for "
                    "one type",
    "range": "the value of an integer literal inside a string (default "
             "mode), or of a number a double cannot hold exactly",
    "number": "strict int64 written with a fraction or exponent: an "
              "integer to JSON Schema",
    "timestamp": "the UTC range 0001..9999 after applying the offset",
}
TEXT_RULES = ("syntax", "truncated", "string", "limit", "unidentified")


def fail_setup(message):
    print("FAIL: " + message)
    sys.exit(1)


# ------------------------------------------------------------ environment

SRCDIR = os.environ.get("IXJOB_SRCDIR")
BUILDDIR = os.environ.get("IXJOB_BUILDDIR")
TESTS = os.environ.get("IXJOB_TESTS_DIR")
if not (SRCDIR and BUILDDIR and TESTS):
    fail_setup("IXJOB_SRCDIR, IXJOB_BUILDDIR and IXJOB_TESTS_DIR are set by "
               "make check")
COMMAND = shlex.split(os.environ.get("IXJOB_CLI_WRAPPER", "")) + [
    os.path.join(BUILDDIR, "cli", "ixjob")]


def payload_types():
    """The payload types, in the registry's order (IXJ_TYPE_MAP), which is
    the order auto-detection tries them in."""
    with open(os.path.join(SRCDIR, "include", "ixjob", "ixjob.h")) as f:
        header = f.read()
    block = re.search(r"#define IXJ_TYPE_MAP\(X\)(.*?)\n\n", header, re.S)
    names = re.findall(r'X\(\w+,\s*\d+,\s*"([^"]+)"', block.group(1)
                       if block else "")
    if not names:
        fail_setup("no IXJ_TYPE_MAP in include/ixjob/ixjob.h")
    return names


def ecma_pattern(validator, pattern, instance, schema):
    """`pattern` as ECMA-262 reads it: `$` (without the multiline flag)
    matches only at the end, where python's also matches before a final
    newline."""
    if not validator.is_type(instance, "string"):
        return
    python = pattern[:-1] + r"\Z" if pattern.endswith("$") and \
        not pattern.endswith("\\$") else pattern
    if not re.search(python, instance):
        yield ValidationError("%r does not match %r" % (instance, pattern))


Validator = validators.extend(Draft202012Validator, {"pattern": ecma_pattern})


def load_schemas(types):
    schemas = {}
    for mode in ("default", "strict"):
        for name in types:
            args = COMMAND + ["schema"] + (["--strict"] if mode == "strict"
                                           else []) + [name]
            run = subprocess.run(args, stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE)
            if run.returncode != 0:
                fail_setup("%s: exit status %d: %s" % (
                    " ".join(args), run.returncode,
                    run.stderr.decode(errors="replace")))
            schema = json.loads(run.stdout)
            Draft202012Validator.check_schema(schema)  # the meta-schema
            root = schema["$defs"][schema["$ref"].rsplit("/", 1)[1]]
            schemas[mode, name] = (Validator(schema), set(root["properties"]))
    return schemas


# ---------------------------------------------------------------- parsing

class Literal(float):
    """A number written with a fraction or an exponent, and its text."""

    def __new__(cls, text):
        value = super().__new__(cls, text)
        value.text = text
        return value

    def exact(self):
        try:
            return decimal.Decimal(self.text) == decimal.Decimal(float(self))
        except (decimal.InvalidOperation, OverflowError, ValueError):
            return False


def refuse_constant(name):
    raise ValueError("not JSON: " + name)


def parse(data):
    """(document, has_duplicate_keys), or raises the reason python cannot
    read it: 'string' or 'syntax'."""
    duplicates = []

    def pairs(items):
        keys = [k for k, _ in items]
        if len(set(keys)) != len(keys):
            duplicates.append(True)
        return dict(items)

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Unreadable("string")
    try:
        doc = json.loads(text, parse_float=Literal,
                         parse_constant=refuse_constant,
                         object_pairs_hook=pairs)
    except (ValueError, RecursionError):
        raise Unreadable("syntax")
    return doc, bool(duplicates)


class Unreadable(Exception):
    pass


PATH_STEP = re.compile(
    r"\.([A-Za-z_][A-Za-z0-9_]*)|\[([0-9]+)\]|\['((?:[^'\\]|\\.)*)'\]")


def unescape_key(text):
    return re.sub(r"\\(u00[0-9A-Fa-f]{2}|.)",
                  lambda m: chr(int(m.group(1)[1:], 16))
                  if len(m.group(1)) > 1 else m.group(1), text)


def value_at(doc, path):
    """The value a corpus path names (tests/corpus/README.md), or a
    marker when the document has none there."""
    if not path.startswith("$"):
        return MISSING
    pos, value = 1, doc
    while pos < len(path):
        m = PATH_STEP.match(path, pos)
        if not m:
            return MISSING
        pos = m.end()
        if m.group(2) is not None:
            index = int(m.group(2))
            if not isinstance(value, list) or index >= len(value):
                return MISSING
            value = value[index]
        else:
            name = m.group(1) if m.group(1) is not None \
                else unescape_key(m.group(3))
            if not isinstance(value, dict) or name not in value:
                return MISSING
            value = value[name]
    return value


MISSING = object()

TIMESTAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):"
                       r"([0-9]{2}):([0-9]{2})(\.[0-9]{1,9})?"
                       r"(Z|([+-])([0-9]{2}):([0-9]{2}))\Z")


def utc_out_of_range(text):
    """True for a real calendar date-time whose instant, once its offset
    is applied, falls outside 0001-01-01..9999-12-31."""
    m = TIMESTAMP.match(text) if isinstance(text, str) else None
    if not m:
        return False
    try:
        local = datetime.datetime(*(int(m.group(i)) for i in range(1, 7)))
    except ValueError:
        return False  # not a calendar date: the pattern's business
    if m.group(8) == "Z":
        return False
    offset = datetime.timedelta(hours=int(m.group(10)),
                                minutes=int(m.group(11)))
    try:
        local - offset if m.group(9) == "+" else local + offset
    except OverflowError:
        return True
    return False


# ---------------------------------------------------------- classification

def read_expectation(path):
    with open(path) as f:
        lines = f.read().splitlines()
    args = []
    if lines and lines[0].startswith("args:"):
        args = lines.pop(0)[len("args:"):].split()
    header = lines[0] if lines else ""
    given = None
    for a in args:
        if a.startswith("--type="):
            given = a[len("--type="):]
    if header.startswith("ok "):
        return given or header.split()[1], None, None
    m = re.match(r"error (\S+) at (.*) offset=\d+ line=\d+ column=\d+$",
                 header)
    if not m:
        fail_setup("%s: cannot read the expectation %r" % (path, header))
    return given or "auto", m.group(1), m.group(2)


def detect(doc, mode, types, schemas):
    if isinstance(doc, dict):
        for key in doc:
            for name in types:
                if key in schemas[mode, name][1]:
                    return name
    return None


def classify(mode, type_, code, path, data, types, schemas):
    """('agreed' | 'excused' | 'disagree', reason, detail)."""
    if type_ == "any":
        return "excused", "any", ""
    if code in TEXT_RULES:
        return "excused", code, ""
    try:
        doc, duplicates = parse(data)
    except Unreadable as why:
        return "excused", str(why), "python cannot read it"
    if code == "duplicate_key" and duplicates:
        return "excused", "duplicate_key", ""
    if type_ == "auto":
        type_ = detect(doc, mode, types, schemas)
    chosen = [type_] if type_ is not None else types
    errors = {}
    for name in chosen:
        if (mode, name) not in schemas:
            return "disagree", "", "no schema for type %r" % name
        errors[name] = list(schemas[mode, name][0].iter_errors(doc))
    valid = any(not e for e in errors.values())
    how = "type %s" % type_ if type_ else "every type (none detected)"

    if code is None and valid:
        return "agreed", "", ""
    if code is not None and valid and duplicates:
        # a key twice: json.loads kept its last value, so the schema never
        # saw the first (strict null then a value, for instance)
        return "excused", "duplicate_key", ""
    if code is not None and not valid:
        return "agreed", "", ""
    if code is None:  # expected ok, the schema refuses
        found = [e for name in chosen for e in errors[name]]
        if all(isinstance(e.instance, Literal) and not e.instance.exact()
               for e in found):
            return "excused", "range", ""
        return "disagree", "", "expected ok, %s refuses: %s" % (
            how, "; ".join("%s at %s" % (e.message, e.json_path)
                           for e in found[:3]))
    value = value_at(doc, path)
    if code == "range" and (
            (mode == "default" and isinstance(value, str)) or
            (isinstance(value, Literal) and not value.exact())):
        return "excused", "range", ""
    if code == "number" and mode == "strict" and isinstance(value, Literal):
        return "excused", "number", ""
    if code == "timestamp" and utc_out_of_range(value):
        return "excused", "timestamp", ""
    return "disagree", "", "expected %s at %s, %s accepts it" % (
        code, path, how)


def main():
    types = payload_types()
    schemas = load_schemas(types)
    corpus = os.path.join(TESTS, "corpus")
    expectations = sorted(glob.glob(os.path.join(corpus, "*", "*.expect")))
    if not expectations:
        fail_setup("no expectations under " + corpus)
    agreed, excused, disagreements = [], {}, []
    for expect in expectations:
        strict = expect.endswith(".strict.expect")
        mode = "strict" if strict else "default"
        case = os.path.relpath(expect, corpus)[:-len(
            ".strict.expect" if strict else ".expect")]
        with open(os.path.join(corpus, case + ".json"), "rb") as f:
            data = f.read()
        type_, code, path = read_expectation(expect)
        verdict, reason, detail = classify(mode, type_, code, path,
                                           data, types, schemas)
        label = "%s [%s]" % (case, mode)
        if verdict == "agreed":
            agreed.append(label)
        elif verdict == "excused":
            excused.setdefault(reason, []).append(label)
        else:
            disagreements.append("%s: %s" % (label, detail))

    total = len(expectations)
    n_excused = sum(len(v) for v in excused.values())
    print("schema agreement with tests/corpus: %d expectations (cases x "
          "modes), %d types x 2 modes of schemas" % (total, len(types)))
    print("  %d checked, %d agreed" % (len(agreed) + len(disagreements),
                                        len(agreed)))
    print("  %d not expressible in JSON Schema, by reason:" % n_excused)
    for reason in sorted(excused, key=lambda r: (-len(excused[r]), r)):
        print("    %-14s %4d  %s" % (reason, len(excused[reason]),
                                     REASONS[reason]))
    print("  %d disagreements" % len(disagreements))
    for line in disagreements:
        print("FAIL: " + line)
    print("\nnot expressible, by case:")
    for reason in sorted(excused):
        print("  %s: %s" % (reason, " ".join(excused[reason])))
    return 1 if disagreements else 0


if __name__ == "__main__":
    sys.exit(main())
