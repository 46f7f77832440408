#!/bin/sh
# SPDX-License-Identifier: MIT
#
# cppcheck over lib/ and cli/: no finding may be left.
#
#   ci/cppcheck.sh
#
# Checks: warning, style, performance, portability, and information (so
# that a suppression which no longer matches anything is reported).
# Include paths: include/ (the public headers), lib/ and cli/ (internal
# headers); system headers (libc, yajl) are not parsed, which is what
# cppcheck recommends: it knows libc and POSIX through --library=posix.
# No -D: cppcheck then checks each configuration of the preprocessor
# conditions it finds (the IXJ_DEBUG, IXJ_NO_SIMD, __SSE2__ and __GNUC__
# branches), where the build's defines (-DPACKAGE_* only, no config.h)
# change nothing in the code.
#
# A finding is fixed, or, when it is a false positive, suppressed where it
# is with a comment that says why (grep -rn cppcheck-suppress lib cli).
# ci/cppcheck-suppressions.txt lists the findings that wait for a fix in
# a file this branch may not edit; it should be empty.
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
cd "$src"
if ! command -v cppcheck >/dev/null 2>&1; then
    echo "ci/cppcheck.sh: cppcheck not found (Debian: apt-get install cppcheck)" >&2
    exit 2
fi
cppcheck --version
# shellcheck disable=SC2046
cppcheck --enable=warning,style,performance,portability,information \
    --inline-suppr --error-exitcode=1 --quiet --std=c11 --library=posix \
    -I include -I lib -I cli \
    --suppress=missingIncludeSystem \
    --suppressions-list=ci/cppcheck-suppressions.txt \
    --template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
    lib/*.c cli/*.c
echo "cppcheck: no findings in lib/ and cli/"
