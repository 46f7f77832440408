#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The whole test suite under a locale whose decimal separator is a comma.
#
#   ci/locale.sh [BUILDDIR]      (default: _ci/locale in the tree)
#
# Generates de_DE.UTF-8 when it is missing (localedef, from Debian's
# locales package; root needed), configures and builds BUILDDIR unless it
# is already built (any configuration will do: .ci/run passes a build it
# has made), then runs `make check` with LC_ALL=de_DE.UTF-8. The library
# never reads the locale, but the suite's scripts (sort, awk, sed, the
# command's reports) and the C library do; and tests/test_locale, which
# switches its own process to the locale and decodes numbers and
# timestamps there, must run rather than skip (IXJOB_REQUIRE_LOCALE).
set -eu
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/_ci/locale}
loc=de_DE.UTF-8

if ! locale -a 2>/dev/null | grep -qix 'de_DE.utf-\{0,1\}8'; then
    echo "generating $loc"
    localedef -i de_DE -f UTF-8 $loc || {
        echo "ci/locale.sh: cannot generate $loc (Debian: apt-get install" \
            "locales, then as root: localedef -i de_DE -f UTF-8 $loc)" >&2
        exit 2
    }
fi
if [ ! -f "$build/Makefile" ]; then
    if [ -f "$src/config.status" ]; then
        echo "ci/locale.sh: $src is configured in place; make distclean there" >&2
        exit 2
    fi
    [ -x "$src/configure" ] || (cd "$src" && ./autogen.sh)
    mkdir -p "$build"
    (cd "$build" && "$src/configure" --enable-werror >configure.log) ||
        { cat "$build/configure.log"; exit 1; }
fi
cd "$build"
make -j2 >build-locale.log 2>&1 || { cat build-locale.log; exit 1; }
printf 'LC_ALL=%s: decimal point "%s"\n' $loc \
    "$(LC_ALL=$loc locale decimal_point)"
if ! LC_ALL=$loc IXJOB_REQUIRE_LOCALE=1 make -j2 check >check-locale.log 2>&1
then
    cat check-locale.log
    for log in $(sed -n 's/^\(FAIL\|ERROR\): //p' check-locale.log); do
        echo "==== $log.log"
        cat "$log.log" 2>/dev/null || true
    done
    exit 1
fi
grep -E '^(PASS|SKIP): tests/test_locale|^# ' check-locale.log
if grep -q '^SKIP: tests/test_locale' check-locale.log; then
    echo "ci/locale.sh: tests/test_locale skipped" >&2
    exit 1
fi
