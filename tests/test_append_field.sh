#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Declaration order is the ABI (include/ixjob/types.h): a field appended
# at the end of its list and of its struct keeps the presence bit and the
# offset of every existing field, needs nothing else to be decoded,
# encoded in key order and accepted by strict mode, and passes
# `make check-abi`'s comparison, since no payload struct is held by value
# in another or in an array. This test applies patches of
# tests/append_field/ to copies of include/ and lib/ in a temporary
# directory, never to the tree:
#
#   files_seen.patch         a uint64 `files_seen` at the end of
#                            IXJ_JOB_FIELDS and of ixj_job: compatible
#   files_seen_middle.patch  the same field inserted after `tokens`:
#                            incompatible
#   tokens_unsigned.patch    ixj_job.tokens from int64 to uint64 in place:
#                            incompatible
#
# and for each copy
#   1. prints its layout with abi/layout.c and compares it with the
#      tree's as `make check-abi` does (abi/check-abi.sh layout): the
#      append adds files_seen alone, at the next bit and at the old end of
#      ixj_job; the other two fail;
#   2. when abigail-tools are installed, builds a shared library from it
#      (from the files that define the API: what abidw reads) and runs `make check-abi`'s whole comparison (abidiff and
#      layout, abi/check-abi.sh check) against baselines made from the
#      tree the same way: it passes for the append only;
# then builds the library from the appended copy (key index included)
# with tests/append_field/files_seen.c, and runs it.
set -eu

src=${IXJOB_SRCDIR:?run by make check, or set IXJOB_SRCDIR}
src=$(cd "$src" && pwd) # the copies are built from their own directory
here=$src/tests/append_field
cc=${IXJOB_CC:-cc}
# The build's warnings and sanitizers; no optimization, to stay quick.
cflags="${IXJOB_EXAMPLE_CFLAGS:-} -O0 -g0"
ldflags=${IXJOB_EXAMPLE_LDFLAGS:-}
yajl_cflags=${IXJOB_YAJL_CFLAGS-$(pkg-config --cflags yajl)}
yajl_libs=${IXJOB_YAJL_LIBS-$(pkg-config --libs yajl)}
check_abi="$src/abi/check-abi.sh"

command -v patch >/dev/null 2>&1 || {
    echo "patch not found"
    exit 1
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ixjob-append.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM
status=0

abi_tools=yes
for tool in "${ABIDW:-abidw}" "${ABIDIFF:-abidiff}"; do
    command -v "$tool" >/dev/null 2>&1 || abi_tools=no
done

# The library's sources (Makefile.am's list when make check runs us).
lib_sources() {
    for f in ${IXJOB_LIB_SOURCES:-$(cd "$src" && ls lib/*.c)}; do
        case $f in
        lib/gen-keyindex.c | lib/keyindex.c | *.h) ;;
        *) printf ' %s' "$1/$f" ;;
        esac
    done
    printf ' %s' "$1/lib/keyindex.c"
}

# A copy of the headers and of the library's sources in $tmp/$1, patched
# with $2 (none for the tree), and its layout.
make_copy() {
    dir=$tmp/$1
    mkdir -p "$dir/include/ixjob" "$dir/lib"
    cp "$src"/include/ixjob/*.h "$dir/include/ixjob/"
    cp "$src"/lib/*.c "$src"/lib/*.h "$dir/lib/"
    rm -f "$dir/lib/keyindex.c" # an in-tree build's, written again below
    if [ -n "$2" ]; then
        patch -p1 -s -d "$dir" <"$here/$2"
        echo "$2 applied to a copy in $dir"
    fi
    (
        cd "$dir"
        # shellcheck disable=SC2086 # flag lists
        $cc $cflags -Iinclude -Ilib "$src/abi/layout.c" $ldflags -o layout
        ./layout >layout.txt
    )
}

# The shared library of a copy, for abidw: debug information, only the
# ixj_ API visible, the SONAME of abi/VERSION. Only the files that define
# the API's functions are compiled, to be quick: abidw reads the exported
# functions and the types they reach, which those files hold in full (the
# internal symbols they leave undefined do not matter to it).
build_shared() {
    info=$(sed -n 's/^version-info //p' "$src/abi/VERSION")
    soname=libixjob.so.$((${info%%:*} - ${info##*:}))
    api_sources=$(cd "$tmp/$1" && grep -l '^ixj_[a-z]' lib/*.c)
    (
        cd "$tmp/$1"
        # shellcheck disable=SC2086
        $cc -g -O0 -fPIC -shared -fvisibility=hidden $yajl_cflags -Iinclude \
            -Ilib $api_sources -Wl,-soname,"$soname" -o libixjob.so
    )
}

# `make check-abi`'s comparison of copy $1 with baselines made from the
# tree the same way, in $tmp/base; its output in $tmp/$1/check-abi.out.
check_abi_of() {
    (
        cd "$tmp/$1"
        IXJ_ABI_HEADERS=$tmp/$1/include/ixjob \
            sh "$check_abi" check "$tmp/base" libixjob.so ./layout \
            >check-abi.out 2>&1
    )
}

make_copy tree ""
make_copy append files_seen.patch
make_copy middle files_seen_middle.patch
make_copy unsigned tokens_unsigned.patch

# 1. Layouts.
echo "--- layouts, as make check-abi compares them with abi/layout.txt"
for copy in append middle unsigned; do
    if sh "$check_abi" layout "$tmp/tree/layout.txt" \
        "$tmp/$copy/layout.txt" >"$tmp/$copy/layout.out" 2>&1; then
        verdict=passes
    else
        verdict=fails
    fi
    echo "$copy: $verdict"
    sed 's/^/    /' "$tmp/$copy/layout.out"
    case $copy/$verdict in
    append/passes | middle/fails | unsigned/fails) ;;
    *)
        echo "FAIL: the layout comparison of $copy should not say that"
        status=1
        ;;
    esac
done
# The append adds one line: files_seen, at the next bit, at the end.
added=$(sed -n 's/^  added: //p' "$tmp/append/layout.out")
old_end=$(grep '^struct ixj_job: ' "$tmp/tree/layout.txt" | tail -n 1 |
    sed 's/.*offset \([0-9]*\), size \([0-9]*\),.*/\1 \2/')
next_offset=$((${old_end% *} + ${old_end#* }))
next_bit=$(grep -c '^struct ixj_job: [a-z_]*: bit ' "$tmp/tree/layout.txt")
want="struct ixj_job: files_seen: bit $next_bit IXJ_JOB_FILES_SEEN, UINT64, offset $next_offset, size 8, uint64_t"
if [ "$added" != "$want" ]; then
    echo "FAIL: the append adds, instead of \"$want\":"
    echo "$added"
    status=1
fi

# 2. make check-abi's comparison, abidiff included.
echo "--- make check-abi's comparison (abidiff and layout)"
if [ "$abi_tools" = yes ]; then
    pids=
    for copy in tree append middle unsigned; do
        build_shared "$copy" &
        pids="$pids $!"
    done
    for pid in $pids; do
        wait "$pid" || {
            echo "FAIL: building a shared library"
            exit 1
        }
    done
    # Baselines from the tree, as make update-abi writes them.
    mkdir -p "$tmp/base/abi"
    cp "$src/abi/public.suppr" "$src/abi/VERSION" "$tmp/base/abi/"
    cp "$tmp/tree/layout.txt" "$tmp/base/abi/layout.txt"
    "${ABIDW:-abidw}" --headers-dir "$tmp/tree/include/ixjob" \
        --drop-private-types --load-all-types --no-corpus-path \
        --no-comp-dir-path --short-locs --out-file \
        "$tmp/base/abi/libixjob.abi" "$tmp/tree/libixjob.so"
    for copy in append middle unsigned; do
        if check_abi_of "$copy"; then verdict=passes; else verdict=fails; fi
        echo "$copy: $verdict"
        grep -v -e '^ *added: ' -e '^$' "$tmp/$copy/check-abi.out" |
            head -n 24 | sed 's/^/    /'
        case $copy/$verdict in
        append/passes | middle/fails | unsigned/fails) ;;
        *)
            echo "FAIL: make check-abi should not say that of $copy"
            status=1
            ;;
        esac
    done
else
    echo "abidw or abidiff not found (abigail-tools): only the layouts compared"
fi

# 3. The library built from the appended copy (key index included),
# with files_seen.c.
echo "--- the appended field, decoded and encoded"
(
    cd "$tmp/append"
    # shellcheck disable=SC2086
    $cc $cflags -DIXJ_GEN_KEYINDEX -Iinclude -Ilib lib/gen-keyindex.c \
        lib/payloads.c lib/enums.c $ldflags -o gen-keyindex
    ./gen-keyindex >lib/keyindex.c
)
# shellcheck disable=SC2086,SC2046
$cc $cflags $yajl_cflags -I"$tmp/append/include" -I"$tmp/append/lib" \
    "$here/files_seen.c" $(lib_sources "$tmp/append") $ldflags \
    $yajl_libs -o "$tmp/files_seen"
"$tmp/files_seen" || status=1

if [ "$status" -ne 0 ]; then
    echo "FAIL"
    exit 1
fi
echo "PASS: files_seen appended: bits and offsets kept, compatible for" \
    "make check-abi, decoded, encoded in key order, accepted by strict" \
    "mode; inserted in the middle, or a member's type changed, it is not"
