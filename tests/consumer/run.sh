#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Consumer tests: what a user of the installed library sees.
#
#   1. `make install DESTDIR=<tmp>` of this build tree: headers, libraries,
#      ixjob.pc, docs and examples land where they should.
#   2. The installed shared library exports only ixj_ symbols, exactly
#      those of tests/exports.txt (nm -D --defined-only).
#   3. Each installed header, included alone, compiles without a warning
#      under gcc and clang (-std=c99 and -std=c11, -Wall -Wextra
#      -Wpedantic -Werror) and g++ and clang++ (-std=c++17, same flags);
#      a compiler that is not installed is skipped with a note.
#   4. consumer.c (C99) and consumer.cpp (C++17), built with nothing but
#      `pkg-config ixjob`, linked shared, then static (libixjob.a and
#      yajl's archive, libc shared), then fully static (-static), print
#      expected.txt for two bundled payloads; the installed examples
#      build too.
#
# The staged ixjob.pc names the configured prefix, not the stage, so a
# copy of it with the stage in front of its absolute directories is what
# PKG_CONFIG_PATH finds (PKG_CONFIG_SYSROOT_DIR would also move yajl's
# directories, which are not staged). Nothing else is changed: the flags
# are the installed file's.
#
# Static linking: `pkg-config --static --libs ixjob` says -lyajl, but
# Debian ships yajl's archive as libyajl_s.a, not libyajl.a, so that link
# fails there ("cannot find -lyajl"). This script reports it, then links
# with -l:libyajl_s.a instead, as README.md tells users to do.
#
# Run by `make check` (a stage of this build, so that every check run
# proves the install rules and the .pc file; no installed copy needed).
# Standalone: IXJOB_BUILDDIR=<build dir> IXJOB_SRCDIR=<source dir> sh run.sh
# IXJOB_CC and IXJOB_CXX choose the compilers of step 4 (default: cc and
# the first of g++ and clang++); IXJOB_CONSUMER_CFLAGS (the sanitizer
# flags of a sanitized build) are added to every build of step 4, and
# then the fully static link, which sanitizers cannot do, is skipped.
set -u

: "${IXJOB_BUILDDIR:?run by make check, or set IXJOB_BUILDDIR}"
: "${IXJOB_SRCDIR:?run by make check, or set IXJOB_SRCDIR}"
MAKE=${MAKE:-make}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
CC=${IXJOB_CC:-cc}
extra=${IXJOB_CONSUMER_CFLAGS:-}
here="$IXJOB_SRCDIR/tests/consumer"
payloads="$IXJOB_SRCDIR/examples/payloads"
WARN="-Wall -Wextra -Wpedantic -Werror"

if ! command -v "$PKG_CONFIG" >/dev/null 2>&1; then
    echo "SKIP: pkg-config not found"
    exit 77
fi
CXX=${IXJOB_CXX:-}
if [ -z "$CXX" ]; then
    for c in g++ clang++; do
        if command -v $c >/dev/null 2>&1; then
            CXX=$c
            break
        fi
    done
fi

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP
failures=0
checks=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
note() {
    echo "NOTE: $*"
}
# ok NAME COMMAND...: runs a command, its output kept for a failure.
ok() {
    ok_what=$1
    shift
    checks=$((checks + 1))
    if ! "$@" >"$tmp/log" 2>&1; then
        fail "$ok_what"
        sed 's/^/    /' "$tmp/log" | head -n 40
        return 1
    fi
    return 0
}

# ------------------------------------------------------------ 1. install
stage="$tmp/stage"
# A make of its own: not the jobs or variables of the make that runs
# this test.
if ! (cd "$IXJOB_BUILDDIR" && MAKEFLAGS= MFLAGS= MAKELEVEL= \
    $MAKE install DESTDIR="$stage") >"$tmp/install.log" 2>&1; then
    echo "FAIL: make install DESTDIR=..."
    cat "$tmp/install.log"
    exit 1
fi
pc=$(find "$stage" -name ixjob.pc | head -n 1)
if [ -z "$pc" ]; then
    echo "FAIL: no ixjob.pc installed"
    exit 1
fi
mkdir "$tmp/pkgconfig"
sed -E "s#^(prefix|exec_prefix|libdir|includedir)=/#\1=$stage/#" \
    "$pc" >"$tmp/pkgconfig/ixjob.pc"
PKG_CONFIG_PATH="$tmp/pkgconfig${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}"
export PKG_CONFIG_PATH
libdir=$($PKG_CONFIG --variable=libdir ixjob)
includedir=$($PKG_CONFIG --variable=includedir ixjob)
cflags=$($PKG_CONFIG --cflags ixjob)
libs=$($PKG_CONFIG --libs ixjob)
static_libs=$($PKG_CONFIG --static --libs ixjob)
echo "pkg-config --cflags --libs ixjob: $cflags $libs"
echo "pkg-config --static --libs ixjob: $static_libs"
checks=$((checks + 1))
for f in "$includedir/ixjob/ixjob.h" "$includedir/ixjob/types.h"; do
    [ -f "$f" ] || fail "not installed: $f"
done
docdir=$(find "$stage" -type d -path '*/doc/ixjob' | head -n 1)
checks=$((checks + 1))
for f in README.md NEWS LICENSE conformance.md design.md policy.md \
    SECURITY.md examples/summary.c \
    examples/create_request.c examples/curl_client.c \
    examples/payloads/job.json; do
    [ -f "$docdir/$f" ] || fail "not installed under \$(docdir): $f"
done
shared=
[ -f "$libdir/libixjob.so" ] && shared=yes
static=
[ -f "$libdir/libixjob.a" ] && static=yes
[ -n "$shared" ] || note "no shared library (--disable-shared): steps 2 and 4 (shared) skipped"
[ -n "$static" ] || note "no static library (--disable-static): step 4 (static) skipped"

# ------------------------------------------------------------ 2. exports
if [ -n "$shared" ]; then
    if command -v nm >/dev/null 2>&1; then
        nm -D --defined-only "$libdir/libixjob.so" |
            awk 'NF >= 3 { print $3 }' | sort >"$tmp/exported"
        checks=$((checks + 1))
        if grep -v '^ixj_' "$tmp/exported" >"$tmp/foreign"; then
            fail "the installed library exports symbols without ixj_:"
            sed 's/^/    /' "$tmp/foreign"
        fi
        grep -v '^#' "$IXJOB_SRCDIR/tests/exports.txt" | sort >"$tmp/listed"
        checks=$((checks + 1))
        if ! cmp -s "$tmp/listed" "$tmp/exported"; then
            fail "the installed library's exports differ from tests/exports.txt"
            diff -u "$tmp/listed" "$tmp/exported" | sed 's/^/    /'
        fi
        echo "exports: $(wc -l <"$tmp/exported") symbols, all ixj_"
    else
        note "nm not found: exports not checked"
    fi
fi

# ------------------------------------------------------------ 3. headers
# Each header alone (it must include what it needs), then both.
for h in ixjob.h types.h; do
    printf '#include <ixjob/%s>\nint consumer_header_check;\n' "$h" \
        >"$tmp/h_${h%.h}.c"
    cp "$tmp/h_${h%.h}.c" "$tmp/h_${h%.h}.cpp"
done
for cc in gcc clang; do
    if ! command -v $cc >/dev/null 2>&1; then
        note "$cc not found: headers not checked with it"
        continue
    fi
    for std in c99 c11; do
        for h in ixjob types; do
            # shellcheck disable=SC2086 # flags are words
            ok "$cc -std=$std $WARN: ixjob/$h.h" \
                $cc -std=$std $WARN $cflags -c "$tmp/h_$h.c" -o "$tmp/h.o"
        done
    done
done
for cxx in g++ clang++; do
    if ! command -v $cxx >/dev/null 2>&1; then
        note "$cxx not found: headers not checked with it"
        continue
    fi
    for h in ixjob types; do
        # shellcheck disable=SC2086
        ok "$cxx -std=c++17 $WARN: ixjob/$h.h" \
            $cxx -std=c++17 $WARN $cflags -c "$tmp/h_$h.cpp" -o "$tmp/h.o"
    done
done

# ------------------------------------------------------------ 4. programs
# run NAME BINARY: its output on the payloads must be expected.txt.
run() {
    checks=$((checks + 1))
    LD_LIBRARY_PATH="$libdir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" \
        "$2" "$payloads/job.json" "$payloads/bad_counter.json" \
        "$payloads/list.json" >"$tmp/out" 2>&1
    status=$?
    if [ $status != 0 ] || ! cmp -s "$here/expected.txt" "$tmp/out"; then
        fail "$1: exit status $status, or output differs"
        diff -u "$here/expected.txt" "$tmp/out" | head -n 30
    fi
}

# yajl's archive, as the linker can find it: -lyajl when there is a
# libyajl.a on a -L directory of pkg-config's or the compiler's own,
# else -l:libyajl_s.a when that exists (Debian), else -lyajl (and the
# link fails, reported).
archive_dirs=$(for w in $static_libs; do
    case $w in -L*) echo "${w#-L}" ;; esac
done)
have_archive() {
    for dir in $archive_dirs; do
        [ -f "$dir/$1" ] && return 0
    done
    found=$($CC -print-file-name="$1" 2>/dev/null)
    [ "$found" != "$1" ] && [ -f "$found" ]
}
fixed_static_libs=$static_libs
if ! have_archive libyajl.a; then
    if have_archive libyajl_s.a; then
        fixed_static_libs=$(for w in $static_libs; do
            [ "$w" = -lyajl ] && w=-l:libyajl_s.a
            printf '%s ' "$w"
        done)
    fi
fi

fully_static=yes
case "$extra" in *-fsanitize=*)
    fully_static=
    note "sanitizer flags: no fully static links"
    ;;
esac

# build NAME COMPILER STD SOURCE
build() {
    name=$1 compiler=$2 std=$3 src=$4
    if [ -n "$shared" ]; then
        # shellcheck disable=SC2086
        if ok "$name shared" $compiler -std=$std $WARN $extra $cflags \
            "$src" -o "$tmp/$name-shared" $libs; then
            checks=$((checks + 1))
            LD_LIBRARY_PATH="$libdir" ldd "$tmp/$name-shared" |
                grep -q "libixjob.so.* => $libdir/" ||
                fail "$name shared: does not load the staged libixjob.so"
            run "$name shared" "$tmp/$name-shared"
        fi
    fi
    [ -n "$static" ] || return 0
    # The archives, libc shared: how most programs link a static library.
    # shellcheck disable=SC2086
    if ok "$name static" $compiler -std=$std $WARN $extra $cflags "$src" \
        -o "$tmp/$name-static" -Wl,-Bstatic $fixed_static_libs \
        -Wl,-Bdynamic; then
        checks=$((checks + 1))
        if ldd "$tmp/$name-static" | grep -Eq 'libixjob|libyajl'; then
            fail "$name static: still loads a shared libixjob or libyajl"
        fi
        run "$name static" "$tmp/$name-static"
    fi
    if [ -n "$fully_static" ]; then
        # shellcheck disable=SC2086
        if ok "$name fully static" $compiler -static -std=$std $WARN $extra \
            $cflags "$src" -o "$tmp/$name-fully-static" $fixed_static_libs; then
            run "$name fully static" "$tmp/$name-fully-static"
        fi
    fi
}

# The finding, first: what pkg-config --static alone does here.
if [ -n "$static" ]; then
    # shellcheck disable=SC2086
    if $CC -std=c99 $extra $cflags "$here/consumer.c" -o "$tmp/as-is" \
        -Wl,-Bstatic $static_libs -Wl,-Bdynamic >"$tmp/log" 2>&1; then
        echo "static link with pkg-config --static as it is: works"
    else
        note "static link with pkg-config --static as it is fails:" \
            "$(grep -m1 -o 'cannot find -l[^: ]*' "$tmp/log" || head -n 1 "$tmp/log")"
        [ "$fixed_static_libs" != "$static_libs" ] &&
            note "linking with: $fixed_static_libs"
    fi
fi

build c99 "$CC" c99 "$here/consumer.c"
if [ -n "$CXX" ]; then
    build cxx17 "$CXX" c++17 "$here/consumer.cpp"
else
    note "no C++ compiler: the C++17 consumer is skipped"
fi

# The installed examples build against the installation as they say.
if [ -n "$shared" ] || [ -n "$static" ]; then
    for ex in summary create_request; do
        # shellcheck disable=SC2086
        ok "installed examples/$ex.c" $CC $extra $cflags \
            "$docdir/examples/$ex.c" -o "$tmp/$ex" $libs
    done
    if $PKG_CONFIG --exists libcurl 2>/dev/null; then
        # shellcheck disable=SC2086
        ok "installed examples/curl_client.c" $CC $extra \
            $cflags $($PKG_CONFIG --cflags libcurl) \
            "$docdir/examples/curl_client.c" -o "$tmp/curl_client" \
            $libs $($PKG_CONFIG --libs libcurl)
    fi
fi

echo "$checks checks, $failures failed"
[ "$failures" = 0 ]
