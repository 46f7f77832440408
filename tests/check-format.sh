#!/bin/sh
# The C sources follow the checked-in .clang-format.
set -eu
cd "$IXJOB_SRCDIR"
if ! command -v clang-format >/dev/null 2>&1; then
    echo "SKIP: clang-format not installed"
    exit 77
fi
files=$(ls include/ixjob/*.h lib/*.c lib/*.h tests/*.c tests/support/*.[ch] \
    cli/*.[ch] examples/*.c bench/*.[ch] fuzz/*.c tests/consumer/*.c \
    tests/consumer/*.cpp tests/append_field/*.c 2>/dev/null || true)
# lib/keyindex.c is written by lib/gen-keyindex: in an in-tree build (as
# .ci/run makes) it lies beside the sources, and it is not ours to format.
files=$(printf '%s\n' $files | grep -v '^lib/keyindex\.c$')
clang-format --dry-run -Werror $files
echo "$(echo "$files" | wc -w) files formatted"
