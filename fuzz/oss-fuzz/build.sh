#!/bin/bash -eu
# SPDX-License-Identifier: MIT
#
# OSS-Fuzz build script (projects/ixjob/build.sh, run as $SRC/build.sh).
# It builds yajl from source with OSS-Fuzz's $CC and $CFLAGS (the
# sanitizer's flags and -fsanitize=fuzzer-no-link) into a static library
# with a pkg-config file, so that every sanitizer, MemorySanitizer above
# all, sees instrumented yajl code; then it runs ixjob's own
# fuzz/build.sh against that library, which builds every fuzz target
# (--enable-ossfuzzers --disable-shared, linked with $LIB_FUZZING_ENGINE)
# and copies to $OUT each *_fuzzer, its .options, the dictionary and a
# seed-corpus zip.
#
# Where things are (OSS-Fuzz's layout; fuzz/oss-fuzz/local-build.sh sets
# the same variables): $SRC/yajl (yajl's source tree), $SRC/ixjob
# (ixjob's), $WORK (scratch), $OUT (the result). IXJOB_SRC and YAJL_SRC
# override the two source trees.

: "${SRC:?}" "${WORK:?}" "${OUT:?}"
: "${CC:=clang}"
: "${CFLAGS:=}"
: "${LIB_FUZZING_ENGINE:=-fsanitize=fuzzer}"
ixjob=${IXJOB_SRC:-$SRC/ixjob}
yajl=${YAJL_SRC:-$SRC/yajl}
prefix=$WORK/yajl-prefix
jobs=${IXJOB_JOBS:-$(nproc)}

# ---------------------------------------------------------------- yajl
# yajl's CMake build adds flags of its own; its nine sources compile as
# they are, so they are compiled here with exactly $CFLAGS.
rm -rf "$prefix" "$WORK/yajl-build"
mkdir -p "$prefix/include/yajl" "$prefix/lib/pkgconfig" "$WORK/yajl-build"
cp "$yajl"/src/api/yajl_common.h "$yajl"/src/api/yajl_gen.h \
    "$yajl"/src/api/yajl_parse.h "$yajl"/src/api/yajl_tree.h \
    "$prefix/include/yajl/"
version=$(sed -n 's/^SET *(YAJL_\(MAJOR\|MINOR\|MICRO\) \([0-9]*\))/\2/p' \
    "$yajl/CMakeLists.txt" | paste -sd. -)
IFS=. read -r major minor micro <<<"$version"
sed -e "s/\${YAJL_MAJOR}/$major/" -e "s/\${YAJL_MINOR}/$minor/" \
    -e "s/\${YAJL_MICRO}/$micro/" "$yajl/src/api/yajl_version.h.cmake" \
    >"$prefix/include/yajl/yajl_version.h"
objects=()
for c in "$yajl"/src/yajl*.c; do
    o=$WORK/yajl-build/$(basename "${c%.c}").o
    # shellcheck disable=SC2086 # CFLAGS is a list of flags
    $CC $CFLAGS -I"$prefix/include" -c "$c" -o "$o"
    objects+=("$o")
done
ar rcs "$prefix/lib/libyajl.a" "${objects[@]}"
cat >"$prefix/lib/pkgconfig/yajl.pc" <<PC
prefix=$prefix
libdir=\${prefix}/lib
includedir=\${prefix}/include

Name: yajl
Description: yajl $version, static, built with the fuzzing flags
Version: $version
Cflags: -I\${includedir}
Libs: -L\${libdir} -lyajl
PC
echo "yajl $version: $prefix/lib/libyajl.a (${#objects[@]} objects)"

# --------------------------------------------------------------- ixjob
export PKG_CONFIG_PATH=$prefix/lib/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
export CC CFLAGS LIB_FUZZING_ENGINE OUT WORK IXJOB_JOBS=$jobs
"$ixjob/fuzz/build.sh"
