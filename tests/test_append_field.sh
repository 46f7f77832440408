#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Declaration order is the ABI (include/ixjob/types.h): a field appended
# at the end of its list and of its struct keeps the presence bit and the
# offset of every existing field, and needs nothing else to be decoded,
# encoded in key order and accepted by strict mode. This test applies
# tests/append_field/files_seen.patch (a uint64 `files_seen` at the end of
# IXJ_JOB_FIELDS and of ixj_job) to a copy of include/ and lib/ in a
# temporary directory, never to the tree, then:
#   1. compiles tests/append_field/layout.c against the tree's headers and
#      against the copy's and compares the two dumps: every bit and offset
#      of the tree is in the copy; the copy adds files_seen alone, at the
#      next bit and at the old end of ixj_job; only ixj_job and the
#      envelope that holds it grow;
#   2. builds the library from the copy (key index included) with
#      tests/append_field/files_seen.c, and runs it.
# The size of ixj_job still changes, which breaks arrays of it in programs
# built before: abi/README.md says why `make check-abi` reports it.
set -eu

src=${IXJOB_SRCDIR:?run by make check, or set IXJOB_SRCDIR}
here=$src/tests/append_field
cc=${IXJOB_CC:-cc}
# The build's warnings and sanitizers; no optimization, to stay quick.
cflags="${IXJOB_EXAMPLE_CFLAGS:-} -O0 -g0"
ldflags=${IXJOB_EXAMPLE_LDFLAGS:-}
yajl_cflags=${IXJOB_YAJL_CFLAGS-$(pkg-config --cflags yajl)}
yajl_libs=${IXJOB_YAJL_LIBS-$(pkg-config --libs yajl)}

command -v patch >/dev/null 2>&1 || {
    echo "patch not found"
    exit 1
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ixjob-append.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM

# The copy: the headers and the library's sources, patched.
mkdir -p "$tmp/tree/include/ixjob" "$tmp/tree/lib"
cp "$src"/include/ixjob/*.h "$tmp/tree/include/ixjob/"
cp "$src"/lib/*.c "$src"/lib/*.h "$tmp/tree/lib/"
rm -f "$tmp/tree/lib/keyindex.c" # an in-tree build's, written again below
patch -p1 -s -d "$tmp/tree" <"$here/files_seen.patch"
echo "files_seen.patch applied to a copy in $tmp"

# 1. Layouts before and after.
# shellcheck disable=SC2086 # flag lists
$cc $cflags -I"$src/include" -I"$src/lib" "$here/layout.c" $ldflags \
    -o "$tmp/layout-tree"
# shellcheck disable=SC2086
$cc $cflags -I"$tmp/tree/include" -I"$tmp/tree/lib" "$here/layout.c" \
    $ldflags -o "$tmp/layout-copy"
"$tmp/layout-tree" >"$tmp/tree.txt"
"$tmp/layout-copy" >"$tmp/copy.txt"

grep -v -e ' size ' -e ' count ' "$tmp/tree.txt" | sort >"$tmp/tree.rows"
grep -v -e ' size ' -e ' count ' "$tmp/copy.txt" | sort >"$tmp/copy.rows"
old_size=$(sed -n 's/^ixj_job size //p' "$tmp/tree.txt")
old_count=$(sed -n 's/^ixj_job count //p' "$tmp/tree.txt")
status=0

lost=$(comm -23 "$tmp/tree.rows" "$tmp/copy.rows")
if [ -n "$lost" ]; then
    echo "FAIL: bits or offsets of existing fields changed:"
    echo "$lost"
    comm -13 "$tmp/tree.rows" "$tmp/copy.rows"
    status=1
fi
added=$(comm -13 "$tmp/tree.rows" "$tmp/copy.rows")
want="ixj_job.files_seen bit IXJ_JOB_FILES_SEEN=$old_count offset $old_size"
if [ "$added" != "$want" ]; then
    echo "FAIL: the copy adds, instead of \"$want\":"
    echo "$added"
    status=1
fi
# Sizes and counts: those of ixj_job grow, and nothing else: no struct
# holds an ixj_job by value, only pointers to one.
changed=$(grep -e ' size ' -e ' count ' "$tmp/tree.txt" |
    grep -vxF -f "$tmp/copy.txt" | cut -d' ' -f1,2 | tr '\n' ' ')
if [ "$changed" != "ixj_job size ixj_job count " ]; then
    echo "FAIL: sizes or counts changed: $changed"
    status=1
fi
rows=$(wc -l <"$tmp/tree.rows")
objects=$(grep -c ' size ' "$tmp/tree.txt")
echo "layout: $rows bits and offsets of $objects objects unchanged; added:"
echo "  $added"
for what in "ixj_job size" "ixj_job count"; do
    echo "  $what $(sed -n "s/^$what //p" "$tmp/tree.txt") ->" \
        "$(sed -n "s/^$what //p" "$tmp/copy.txt")"
done

# 2. The library built from the copy: its key index first, then every
# source of libixjob_core (Makefile.am's list when make check runs us).
(
    cd "$tmp/tree"
    # shellcheck disable=SC2086
    $cc $cflags -DIXJ_GEN_KEYINDEX -Iinclude -Ilib lib/gen-keyindex.c \
        lib/payloads.c lib/enums.c $ldflags -o gen-keyindex
    ./gen-keyindex >lib/keyindex.c
)
sources=
for f in ${IXJOB_LIB_SOURCES:-$(cd "$src" && ls lib/*.c)}; do
    case $f in
    lib/gen-keyindex.c | lib/keyindex.c | *.h) ;;
    *) sources="$sources $tmp/tree/$f" ;;
    esac
done
# shellcheck disable=SC2086
$cc $cflags $yajl_cflags -I"$tmp/tree/include" -I"$tmp/tree/lib" \
    "$here/files_seen.c" $sources "$tmp/tree/lib/keyindex.c" $ldflags \
    $yajl_libs -o "$tmp/files_seen"
"$tmp/files_seen" || status=1

if [ "$status" -ne 0 ]; then
    echo "FAIL"
    exit 1
fi
echo "PASS: files_seen appended: bits and offsets kept, decoded, encoded" \
    "in key order, accepted by strict mode"
