#!/bin/bash -eu
# SPDX-License-Identifier: MIT
#
# Builds the fuzz targets the OSS-Fuzz way: the project's own build system,
# with the compiler and flags OSS-Fuzz gives ($CC, $CFLAGS, which already
# hold the sanitizer and -fsanitize=fuzzer-no-link flags), linked with
# $LIB_FUZZING_ENGINE, and leaves in $OUT, for each target (every
# fuzz/*_fuzzer.c): the binary, <target>.options, the dictionary they name,
# and <target>_seed_corpus.zip (fuzz/corpus and fuzz/regressions, flat).
# autoreconf regenerates the build system in the source tree (as
# autogen.sh does); the build itself happens out of tree, in $WORK (or a
# temporary directory). yajl comes from pkg-config.
#
# This is the one description of how ixjob's fuzzers are built and
# packed: fuzz/oss-fuzz/build.sh (OSS-Fuzz's build script) builds an
# instrumented yajl and then runs this script, and
# fuzz/oss-fuzz/local-build.sh replays both without docker.
#
# The targets are C and linked by $CC, which is enough for libFuzzer
# (-fsanitize=fuzzer); an engine given as an archive (AFL++, honggfuzz)
# also needs its C++ runtime in LIB_FUZZING_ENGINE (e.g.
# "$LIB_FUZZING_ENGINE -lc++"), which is why project.yaml lists libfuzzer
# only.
#
# By hand, against the system's yajl (fuzz/README.md):
#   CC=clang CFLAGS='-g -O1 -fsanitize=address,undefined,fuzzer-no-link' \
#   LIB_FUZZING_ENGINE=-fsanitize=fuzzer OUT=/tmp/ixjob-out fuzz/build.sh

src=$(cd "$(dirname "$0")/.." && pwd)
: "${OUT:?set OUT to the directory that receives the fuzzers}"
: "${LIB_FUZZING_ENGINE:=-fsanitize=fuzzer}"
: "${CC:=clang}"
: "${CFLAGS:=-g -O1 -fsanitize=address,undefined,fuzzer-no-link}"
work=${WORK:-$(mktemp -d)}/ixjob-build
targets=$(cd "$src/fuzz" && ls ./*_fuzzer.c | sed 's|^\./||; s|_fuzzer\.c$||')

mkdir -p "$OUT" "$work"
(cd "$src" && autoreconf -fi)
cd "$work"
"$src/configure" --enable-ossfuzzers --disable-shared \
    CC="$CC" CFLAGS="$CFLAGS" LIB_FUZZING_ENGINE="$LIB_FUZZING_ENGINE"
# shellcheck disable=SC2046 # one word per target
make -j"${IXJOB_JOBS:-$(nproc)}" \
    $(for t in $targets; do printf 'fuzz/%s_fuzzer ' "$t"; done)

cp "$src/fuzz/ixjob.dict" "$src/fuzz/har.dict" "$OUT/"
for t in $targets; do
    cp "fuzz/${t}_fuzzer" "$OUT/"
    cp "$src/fuzz/${t}_fuzzer.options" "$OUT/"
    rm -f "$OUT/${t}_fuzzer_seed_corpus.zip"
    # the seeds and the regressions, flat; the command's parsers have
    # their own (their inputs have no ixjob header)
    case $t in
    har | base64) dirs="${t}_corpus ${t}_regressions" ;;
    *) dirs="corpus regressions" ;;
    esac
    (cd "$src/fuzz" && find $(for d in $dirs; do [ -d "$d" ] && echo "$d"; done) \
        -type f | sort | zip -q -j -X -@ "$OUT/${t}_fuzzer_seed_corpus.zip")
done
echo "built in $OUT: $(echo $targets)"
