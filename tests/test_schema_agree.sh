#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The JSON Schemas of `ixjob schema` agree with the policy corpus wherever
# JSON Schema can express the rule: tests/schema_agree.py (which says how)
# run by a Python 3 that has the jsonschema module (draft 2020-12, as
# Debian's python3-jsonschema has it). $PYTHON, when set, is the only one
# tried; otherwise python3 on the PATH, then /usr/bin/python3 (a Python
# installed apart from Debian's may lack the Debian package's modules).
set -u
: "${IXJOB_TESTS_DIR:?run by make check}"
probe='from jsonschema import Draft202012Validator, validators'
for python in ${PYTHON:-python3 /usr/bin/python3}; do
    command -v "$python" >/dev/null 2>&1 || continue
    if "$python" -c "$probe" 2>/dev/null; then
        exec "$python" -W ignore::DeprecationWarning \
            "$IXJOB_TESTS_DIR/schema_agree.py"
    fi
done
echo "FAIL: no Python 3 with the jsonschema module (Draft202012Validator)" \
    "among: ${PYTHON:-python3 /usr/bin/python3}."
echo "Install it (Debian: apt-get install python3-jsonschema), or set" \
    "PYTHON to an interpreter that has it."
exit 1
