#!/bin/bash
# SPDX-License-Identifier: MIT
#
# Replays the OSS-Fuzz build (Dockerfile + build.sh in this directory) on a
# Debian 12 machine, without docker or OSS-Fuzz's infra/helper.py, then runs
# every target it built for a few seconds on its seed corpus.
#
#   fuzz/oss-fuzz/local-build.sh SANITIZER     # address, undefined, memory
#
# What the Dockerfile does, and what is done here instead:
#   - build dependencies: apt-get installs them (clang and the libFuzzer
#     runtime, libclang-rt-14-dev; the autotools; zip; dpkg-dev, which
#     unpacks source packages);
#   - yajl 2.1.0's source: from Debian's source package (apt-get source
#     yajl, with Debian's patches, the CVE fixes among them) instead of
#     the GitHub tag. apt needs a deb-src entry: when there is none, one is
#     written to /etc/apt/sources.list.d/ixjob-deb-src.sources, a copy of
#     the system's Debian entries (their URIs, suites and Signed-By: the
#     Debian archive keyring) with Types: deb-src;
#   - ixjob's source: the files git tracks in this working tree, as they
#     are on disk (uncommitted changes included, untracked files not).
# Installing and enabling deb-src need root: run as another user, the
# script does what it can without them, and skips (exit 77) with a message
# saying what is missing.
#
# Then build.sh runs with OSS-Fuzz's environment: CC=clang, CFLAGS with
# the sanitizer's flags as OSS-Fuzz sets them (-O1 -fno-omit-frame-pointer
# -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION, the
# sanitizer, -fsanitize=fuzzer-no-link), LIB_FUZZING_ENGINE=-fsanitize=fuzzer,
# SANITIZER, FUZZING_ENGINE=libfuzzer, FUZZING_LANGUAGE=c, and SRC, WORK
# and OUT under $IXJOB_OSSFUZZ_ROOT/SANITIZER (default
# ${TMPDIR:-/tmp}/ixjob-oss-fuzz/SANITIZER, rebuilt from scratch each run;
# fuzz/campaign.sh takes its fuzzers from the address build there).
#
# Environment: IXJOB_SMOKE_SECONDS (seconds per target, default 10),
# IXJOB_JOBS (make -j, default 2), YAJL_SRC (an unpacked yajl source tree
# to use instead of apt-get source).
set -eu

sanitizer=${1:-}
case $sanitizer in
address) flags="-fsanitize=address -fsanitize-address-use-after-scope" ;;
undefined)
    # OSS-Fuzz's list; unsigned-integer-overflow is a coverage signal
    # there, silenced at run time (UBSAN_OPTIONS below)
    checks=array-bounds,bool,builtin,enum,float-divide-by-zero,function
    checks=$checks,integer-divide-by-zero,null,object-size,return
    checks=$checks,returns-nonnull-attribute,shift,signed-integer-overflow
    checks=$checks,unreachable,vla-bound,vptr
    flags="-fsanitize=$checks,unsigned-integer-overflow -fno-sanitize-recover=$checks"
    ;;
memory) flags="-fsanitize=memory -fsanitize-memory-track-origins" ;;
*)
    echo "usage: $0 address|undefined|memory" >&2
    exit 2
    ;;
esac

repo=$(cd "$(dirname "$0")/../.." && pwd)
root=${IXJOB_OSSFUZZ_ROOT:-${TMPDIR:-/tmp}/ixjob-oss-fuzz}/$sanitizer
seconds=${IXJOB_SMOKE_SECONDS:-10}
export IXJOB_JOBS=${IXJOB_JOBS:-2}

skip() {
    echo "local-build.sh: SKIP: $*" >&2
    exit 77
}

# ------------------------------------------------------- the Dockerfile
need_packages=()
for p in clang libclang-rt-14-dev autoconf automake autoconf-archive libtool \
    make pkg-config zip unzip dpkg-dev; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
        need_packages+=("$p")
done
if [ ${#need_packages[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] ||
        skip "packages missing (${need_packages[*]}); installing them needs root"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update
    apt-get install -y --no-install-recommends "${need_packages[@]}"
fi

# A deb-src entry for Debian: the system's Debian entries with another
# type. Signed-By (and URIs, suites, components) are copied as they are.
enable_deb_src() {
    local list=/etc/apt/sources.list.d/ixjob-deb-src.sources src
    src=$(grep -l '^Signed-By: .*debian-archive-keyring' \
        /etc/apt/sources.list.d/*.sources 2>/dev/null | grep -v "$list" |
        head -n 1 || true)
    [ -n "$src" ] || skip "no deb822 Debian entry in /etc/apt/sources.list.d to copy"
    echo "enabling deb-src: $list (from $src)"
    {
        echo "# Written by ixjob's fuzz/oss-fuzz/local-build.sh: the entries"
        echo "# of $src as deb-src, for apt-get source yajl."
        sed -e 's/^Types: .*/Types: deb-src/' "$src"
    } >"$list"
    apt-get update
}

yajl_src=${YAJL_SRC:-}
if [ -z "$yajl_src" ]; then
    mkdir -p "$root/debian-source"
    yajl_src=$(find "$root/debian-source" -maxdepth 1 -type d -name 'yajl-*' |
        head -n 1)
fi
if [ -z "$yajl_src" ]; then
    if ! apt-get source --print-uris yajl >/dev/null 2>&1; then
        [ "$(id -u)" = 0 ] ||
            skip "apt has no deb-src entry for yajl; adding one needs root (or set YAJL_SRC)"
        enable_deb_src
    fi
    (cd "$root/debian-source" && apt-get source yajl)
    yajl_src=$(find "$root/debian-source" -maxdepth 1 -type d -name 'yajl-*' |
        head -n 1)
fi
[ -f "$yajl_src/src/yajl_tree.c" ] || skip "no yajl source tree at '$yajl_src'"
echo "yajl source: $yajl_src"

# ----------------------------------------- OSS-Fuzz's build environment
export SRC=$root/src WORK=$root/work OUT=$root/out
rm -rf "$SRC" "$WORK" "$OUT"
mkdir -p "$SRC/ixjob" "$WORK" "$OUT"
cp -a "$yajl_src" "$SRC/yajl"
(cd "$repo" && git ls-files -z | xargs -0 tar cf -) | tar xf - -C "$SRC/ixjob"
cp "$repo/fuzz/oss-fuzz/build.sh" "$SRC/build.sh"

export CC=clang CXX=clang++
export CFLAGS="-O1 -fno-omit-frame-pointer -gline-tables-only -DFUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION $flags -fsanitize=fuzzer-no-link"
export CXXFLAGS=$CFLAGS
export LIB_FUZZING_ENGINE=-fsanitize=fuzzer
export SANITIZER=$sanitizer FUZZING_ENGINE=libfuzzer FUZZING_LANGUAGE=c
export ARCHITECTURE=x86_64
echo "CFLAGS=$CFLAGS"
(cd "$SRC/ixjob" && bash -eu "$SRC/build.sh")

# ------------------------------------------------------ a short run each
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-silence_unsigned_overflow=1:print_stacktrace=1:halt_on_error=1}
export MSAN_OPTIONS=${MSAN_OPTIONS:-print_stats=0:symbolize=1:halt_on_error=1}
status=0
printf '\n%-22s %10s %8s %8s %6s\n' target execs exec/s cov ft
for bin in "$OUT"/*_fuzzer; do
    t=$(basename "$bin")
    corpus=$WORK/corpus-$t
    rm -rf "$corpus"
    mkdir -p "$corpus"
    unzip -q -o "$OUT/${t}_seed_corpus.zip" -d "$corpus"
    max_len=$(sed -n 's/^max_len *= *//p' "$OUT/$t.options")
    dict=$(sed -n 's/^dict *= *//p' "$OUT/$t.options")
    rc=0
    # shellcheck disable=SC2086 # no word when the target has no dictionary
    (cd "$WORK" && "$bin" ${dict:+-dict="$OUT/$dict"} -max_len="$max_len" \
        -max_total_time="$seconds" -timeout=25 -rss_limit_mb=2560 \
        -print_final_stats=1 -artifact_prefix="$WORK/$t-" "$corpus") \
        >"$WORK/$t.log" 2>&1 || rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$WORK/$t.log")
    speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$WORK/$t.log")
    done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$WORK/$t.log" |
        tail -n 1 || true)
    cov=$(echo "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$done_line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    printf '%-22s %10s %8s %8s %6s\n' "$t" "${execs:-?}" "${speed:-?}" \
        "${cov:-?}" "${ft:-?}"
    if [ "$rc" != 0 ]; then
        echo "$t failed (exit $rc); its log:" >&2
        tail -n 60 "$WORK/$t.log" >&2
        status=1
    fi
done
echo "local-build.sh $sanitizer: fuzzers in $OUT, logs in $WORK"
exit $status
