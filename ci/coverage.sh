#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Line and branch coverage of lib/ by `make check`, with gcov and lcov.
#
#   ci/coverage.sh [BUILDDIR]      (default: _ci/coverage in the tree)
#
# Configures BUILDDIR (once) with -O0 --coverage, builds, zeroes the
# counters, runs the whole of `make check`, then prints the coverage of
# every file of lib/ (the library's sources and its headers, as compiled
# into the library: not their copies inlined into test programs) and the
# total, and fails when
#   - the total is under the floors below (the suite reached 98.8% of
#     lines and 96.0% of branches when they were set: a little under, so
#     that an edit that moves a few lines does not fail it; raise them
#     when tests are added, never lower them to let a change in);
#   - a line of lib/ that no test runs is not explained in
#     ci/coverage-unreached.txt (by file, function and text, so that an
#     entry survives edits elsewhere in the file). Entries that no longer
#     match an unrun line are reported too: the explanation is stale.
# The report is kept in BUILDDIR/coverage.info (lcov) and the unrun lines
# in BUILDDIR/coverage-unrun.txt; `genhtml --branch-coverage -o html
# coverage.info` in BUILDDIR gives the annotated sources.
#
# The build defines IXJ_NO_ALWAYS_INLINE (lib/compiler.h): gcov counts a
# forced-inline function once per caller, so each of its branches that a
# caller cannot take (a caller that knows the JSON type reaches one case
# of a switch on it) would count as a branch never taken.
#
# Needs: what the build needs, plus lcov (Debian: lcov), gcov (gcc) and
# python3.
# The source tree must not be configured in place (VPATH builds refuse
# it): `make distclean` there first.
set -eu

LINE_FLOOR=98.5
BRANCH_FLOOR=95.5

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/_ci/coverage}

for tool in lcov gcov; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "ci/coverage.sh: $tool not found (Debian: apt-get install lcov)" >&2
        exit 2
    fi
done
if [ -f "$src/config.status" ]; then
    echo "ci/coverage.sh: $src is configured in place; make distclean there" >&2
    exit 2
fi
[ -x "$src/configure" ] || (cd "$src" && ./autogen.sh)

mkdir -p "$build"
cd "$build"
if [ ! -f Makefile ]; then
    "$src/configure" --enable-werror CPPFLAGS=-DIXJ_NO_ALWAYS_INLINE \
        CFLAGS='-O0 -g --coverage' LDFLAGS=--coverage >configure.log ||
        { cat configure.log; exit 1; }
fi
make -j2 >build.log 2>&1 || { cat build.log; exit 1; }

# lcov 1.16 under Perl 5.36 warns about its own subroutines: not ours.
lcov_() {
    lcov --quiet --rc lcov_branch_coverage=1 "$@" 2>&1 |
        grep -v '^Subroutine .* redefined at' >&2 || true
}
lcov_ --zerocounters --directory .
# - No wall-clock assertions (tests/test_linear.c): -O0 with counters is
#   several times slower than the build they were set for.
# - The consumer test (tests/consumer/run.sh) links programs against the
#   installed static library, whose objects call libgcov: it adds
#   IXJOB_CONSUMER_CFLAGS, which the Makefile takes from SANITIZER_CFLAGS,
#   to its compiles and links.
if ! IXJOB_NO_TIMING=1 make -j2 check SANITIZER_CFLAGS=--coverage \
    >check.log 2>&1; then
    cat check.log
    for log in $(sed -n 's/^\(FAIL\|ERROR\): //p' check.log); do
        echo "==== $log.log"
        cat "$log.log" 2>/dev/null || cat "${log%.sh}.log" 2>/dev/null || true
    done
    exit 1
fi
grep '^# ' check.log

lcov_ --capture --directory lib --base-directory . --output-file all.info
lcov_ --extract all.info "$src/lib/*" --output-file coverage.info
rm -f all.info
[ -s coverage.info ] || { echo "ci/coverage.sh: no coverage data" >&2; exit 1; }

# The table and the verdict (ci/coverage-report.py).
python3 "$src/ci/coverage-report.py" --src "$src" \
    --line-floor "$LINE_FLOOR" --branch-floor "$BRANCH_FLOOR" \
    --unreached "$src/ci/coverage-unreached.txt" \
    --unrun coverage-unrun.txt coverage.info
