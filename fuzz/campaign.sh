#!/bin/bash
# SPDX-License-Identifier: MIT
#
# One fuzzing campaign: runs one target for SECONDS seconds and keeps what
# it finds.
#
#   fuzz/campaign.sh TARGET SECONDS     # TARGET: decode, stream, ... or
#                                       # decode_fuzzer, stream_fuzzer, ...
#
# The binary: $IXJOB_FUZZ_BUILD/fuzz/TARGET_fuzzer (a build tree configured
# with --enable-ossfuzzers) or $IXJOB_FUZZ_BUILD/TARGET_fuzzer (an $OUT
# directory) when IXJOB_FUZZ_BUILD is set, else the address build of
# fuzz/oss-fuzz/local-build.sh (${TMPDIR:-/tmp}/ixjob-oss-fuzz/address/out).
#
# The run uses the dictionary and max_len of fuzz/TARGET_fuzzer.options and
# reads the persistent campaign corpus fuzz/campaign/TARGET/ (kept between
# runs, ignored by git), fuzz/corpus and fuzz/regressions. New inputs go to
# a scratch directory first, and are then merged (-merge=1) into the
# campaign corpus: only those that add coverage to it are kept. A crash
# (or leak, timeout, out-of-memory) is copied to fuzz/regressions/ under a
# name that says which target, what kind and which check failed; make check
# replays it from then on, so it fails until the bug is fixed (or the input
# is removed).
#
# It prints the run's executions, executions per second and libFuzzer's
# coverage (cov: edges, ft: features, from -print_final_stats=1), the size
# of the campaign corpus, and the line coverage of lib/ reached by the
# seeds, the regressions and the campaign corpus: a separate build with
# -fprofile-instr-generate -fcoverage-mapping (in
# ${TMPDIR:-/tmp}/ixjob-coverage, reused) replays them through the
# target's standalone driver and llvm-cov-14 reports. IXJOB_CAMPAIGN_COVERAGE=0
# skips that part; IXJOB_JOBS sets make -j (default 2).
set -eu

if [ $# -ne 2 ] || ! [ "$2" -ge 1 ] 2>/dev/null; then
    echo "usage: $0 TARGET SECONDS" >&2
    exit 2
fi
target=${1%_fuzzer}
seconds=$2
repo=$(cd "$(dirname "$0")/.." && pwd)
options=$repo/fuzz/${target}_fuzzer.options
[ -f "$options" ] || {
    echo "$0: no target '$target' (no $options)" >&2
    exit 2
}

if [ -n "${IXJOB_FUZZ_BUILD:-}" ]; then
    bin=$IXJOB_FUZZ_BUILD/fuzz/${target}_fuzzer
    [ -x "$bin" ] || bin=$IXJOB_FUZZ_BUILD/${target}_fuzzer
else
    bin=${TMPDIR:-/tmp}/ixjob-oss-fuzz/address/out/${target}_fuzzer
fi
[ -x "$bin" ] || {
    echo "$0: no fuzzer at $bin: run fuzz/oss-fuzz/local-build.sh address," >&2
    echo "or set IXJOB_FUZZ_BUILD to a build tree or an \$OUT directory" >&2
    exit 1
}

campaign=$repo/fuzz/campaign/$target
scratch=$repo/fuzz/campaign/.new-$target
artifacts=$repo/fuzz/campaign/.artifacts-$target
log=$repo/fuzz/campaign/$target.log
rm -rf "$scratch" "$artifacts"
mkdir -p "$campaign" "$scratch" "$artifacts"
# The command's parsers (har, base64) take inputs without the ixjob
# header: seeds and regressions of their own, and coverage of cli/.
case $target in
har | base64)
    seeds="$repo/fuzz/${target}_corpus"
    regressions=$repo/fuzz/${target}_regressions
    covered=$repo/cli
    ;;
*)
    seeds="$repo/fuzz/corpus"
    regressions=$repo/fuzz/regressions
    covered=$repo/lib
    ;;
esac
mkdir -p "$regressions"
max_len=$(sed -n 's/^max_len *= *//p' "$options")
dict=$(sed -n 's/^dict *= *//p' "$options")
before=$(find "$campaign" -type f | wc -l)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-silence_unsigned_overflow=1:print_stacktrace=1:halt_on_error=1}
export MSAN_OPTIONS=${MSAN_OPTIONS:-halt_on_error=1:symbolize=1}

echo "campaign: $target for ${seconds}s ($bin)"
rc=0
"$bin" ${dict:+-dict="$repo/fuzz/$dict"} -max_len="$max_len" -max_total_time="$seconds" \
    -timeout=25 -rss_limit_mb=2560 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" \
    "$scratch" "$campaign" "$seeds" "$regressions" \
    >"$log" 2>&1 || rc=$?

# ------------------------------------------------------------ findings
found=0
for f in "$artifacts"/*; do
    [ -f "$f" ] || continue
    kind=$(basename "$f" | sed 's/-.*//') # crash, leak, timeout, oom, slow-unit
    what=$(sed -n 's/.*invariant broken: //p' "$log" | head -n 1)
    [ -n "$what" ] ||
        what=$(sed -n 's/.*ERROR: [A-Za-z]*Sanitizer: \([a-z-]*\).*/\1/p' "$log" |
            head -n 1)
    [ -n "$what" ] ||
        what=$(sed -n 's/.*runtime error: \(.*\)/\1/p' "$log" | head -n 1)
    slug=$(echo "$what" | tr 'A-Z' 'a-z' | sed 's/[^a-z0-9]\{1,\}/-/g; s/^-//' |
        cut -c1-48 | sed 's/-$//')
    name=$target-$kind${slug:+-$slug}-$(sha1sum "$f" | cut -c1-8)
    cp "$f" "$regressions/$name"
    echo "FOUND: $kind ($what): ${regressions#"$repo"/}/$name"
    found=$((found + 1))
done
rm -rf "$artifacts"
if [ "$rc" != 0 ] && [ "$found" = 0 ]; then
    echo "$0: the fuzzer failed (exit $rc) without an artifact; see $log" >&2
fi

# ---------------------------------------------------------------- merge
new=$(find "$scratch" -type f | wc -l)
if [ "$new" -gt 0 ]; then
    "$bin" -merge=1 -max_len="$max_len" -timeout=25 -rss_limit_mb=2560 \
        "$campaign" "$scratch" >"$log.merge" 2>&1 ||
        echo "$0: merge failed; see $log.merge" >&2
fi
rm -rf "$scratch"
after=$(find "$campaign" -type f | wc -l)

# ---------------------------------------------------------------- stats
execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
last=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED|pulse|NEW|REDUCE)' "$log" |
    tail -n 1 || true)
cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
echo "executions:      ${execs:-?} (${speed:-?} exec/s)"
echo "coverage:        cov: ${cov:-?} edges, ft: ${ft:-?} features"
echo "new inputs:      $new, of which $((after - before)) kept by the merge"
echo "campaign corpus: $after inputs in fuzz/campaign/$target/"
echo "findings:        $found (log: $log)"

# ------------------------------------------------- line coverage of lib/
if [ "${IXJOB_CAMPAIGN_COVERAGE:-1}" != 0 ]; then
    cov_build=${TMPDIR:-/tmp}/ixjob-coverage
    mkdir -p "$cov_build"
    (
        cd "$cov_build"
        [ -f "$repo/configure" ] || (cd "$repo" && ./autogen.sh >/dev/null)
        [ -f Makefile ] ||
            "$repo/configure" --disable-shared CC=clang \
                CFLAGS='-O1 -g -fprofile-instr-generate -fcoverage-mapping' \
                >configure.log 2>&1
        make -j"${IXJOB_JOBS:-2}" "fuzz/${target}_replay" >make.log 2>&1
    ) || {
        echo "$0: coverage build failed; see $cov_build" >&2
        exit $((found > 0 ? 1 : 0))
    }
    rm -f "$cov_build"/*.profraw
    # An input that aborts loses its process's profile: the regressions,
    # where a new finding sits, are replayed one process each.
    export LLVM_PROFILE_FILE="$cov_build/$target-%p.profraw"
    for input in "$seeds" "$campaign" "$regressions"/*; do
        "$cov_build/fuzz/${target}_replay" "$input" >/dev/null 2>&1 || true
    done
    unset LLVM_PROFILE_FILE
    llvm-profdata-14 merge -sparse "$cov_build"/"$target"-*.profraw \
        -o "$cov_build/$target.profdata"
    echo "line coverage of ${covered#"$repo"/}/ (seeds, regressions, campaign corpus):"
    llvm-cov-14 report "$cov_build/fuzz/${target}_replay" \
        -instr-profile="$cov_build/$target.profdata" "$covered" |
        awk '$1 ~ /\.[ch]$/ || $1 == "TOTAL" {
            printf "  %-16s %5d lines %5d missed %8s\n", $1, $8, $9, $10 }'
fi
[ "$found" = 0 ]
