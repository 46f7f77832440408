#!/bin/sh
# The shared library exports exactly the symbols in tests/exports.txt:
# every public function, nothing internal (append new ones to the list).
set -eu
lib="$IXJOB_BUILDDIR/lib/.libs/libixjob.so"
if [ ! -f "$lib" ]; then
    echo "SKIP: $lib not built (static-only build?)"
    exit 77
fi
if ! command -v nm >/dev/null 2>&1; then
    echo "SKIP: nm not found"
    exit 77
fi
actual=$(nm -D --defined-only "$lib" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort)
expected=$(grep -v '^#' "$IXJOB_TESTS_DIR/exports.txt" | sort)
if [ "$actual" != "$expected" ]; then
    echo "exported symbols differ from tests/exports.txt:"
    printf '%s\n' "$expected" > exports.expected.tmp
    printf '%s\n' "$actual" > exports.actual.tmp
    diff -u exports.expected.tmp exports.actual.tmp || true
    rm -f exports.expected.tmp exports.actual.tmp
    exit 1
fi
echo "$(printf '%s\n' "$actual" | wc -l) symbols, all ixj_"
