#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The command against yajl's syntax-only checker, on big inputs:
#
#   sh bench/command.sh [BUILDDIR] [ROUNDS]   (default: . and 5)
#
# Writes, with bench_decode --write, a job of about 100 MB (L187000: one
# job, 187,000 data sources) and an NDJSON file of about 12 MB (N12000:
# 12,000 S-sized jobs) to a scratch directory, then times, alternately,
# ROUNDS times each:
#
#   ixjob validate -q FILE        against  json_verify -q < FILE
#   ixjob validate -q --ndjson F  against  json_verify -q -s < F
#
# both reading standard input (so both read the same way), and prints
# the median wall time of each and the ratio of throughputs (json_verify's
# time over ixjob's: 1.00 is as fast as yajl checking syntax only, higher
# is faster). The machine is noisy: only ratios within one run compare.
# Needs json_verify (Debian: yajl-tools).
set -eu
build=${1:-.}
rounds=${2:-5}
ixjob=$build/cli/ixjob
for tool in "$ixjob" "$build/bench/bench_decode"; do
    [ -x "$tool" ] || {
        echo "$0: $tool not built (make, make bench)" >&2
        exit 2
    }
done
command -v json_verify >/dev/null || {
    echo "$0: json_verify not found (Debian: yajl-tools)" >&2
    exit 2
}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ixjob-command.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM
"$build/bench/bench_decode" --write L187000 >"$tmp/job.json"
"$build/bench/bench_decode" --write N12000 >"$tmp/jobs.ndjson"

# Wall seconds of one run of "$@" reading $input on standard input; a run
# that fails ends the benchmark (both must accept the input).
seconds() {
    start=$(date +%s.%N)
    "$@" <"$input" >/dev/null || {
        echo "$0: $* failed on $input" >&2
        exit 1
    }
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

compare() { # NAME FILE IXJOB-OPTIONS JSON_VERIFY-OPTIONS
    input=$2
    bytes=$(wc -c <"$input")
    : >"$tmp/ixjob.t"
    : >"$tmp/yajl.t"
    i=0
    while [ "$i" -lt "$rounds" ]; do
        # shellcheck disable=SC2086 # options are words
        seconds "$ixjob" validate -q $3 - >>"$tmp/ixjob.t"
        # shellcheck disable=SC2086
        seconds json_verify $4 >>"$tmp/yajl.t"
        i=$((i + 1))
    done
    ti=$(median <"$tmp/ixjob.t")
    ty=$(median <"$tmp/yajl.t")
    awk -v n="$1" -v b="$bytes" -v ti="$ti" -v ty="$ty" 'BEGIN {
        printf "%-8s %11d bytes  ixjob %6.3f s (%5.0f MB/s)  json_verify %6.3f s (%5.0f MB/s)  ratio %.2f\n",
            n, b, ti, b / ti / 1e6, ty, b / ty / 1e6, ty / ti }'
}

echo "ixjob validate against json_verify, median of $rounds alternate runs each"
compare job "$tmp/job.json" "" "-q"
compare ndjson "$tmp/jobs.ndjson" "--ndjson" "-q -s"
