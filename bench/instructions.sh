#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Instructions per input byte of each bench_decode method under
# valgrind --tool=callgrind: stable on a noisy machine, where timings are
# not. Each method runs twice, with --once=METHOD --repeat=R1 and R2;
# what the two runs share (start-up, generating the input) cancels in the
# difference, which is divided by (R2 - R1) x the input's bytes.
#
# Run it from a build directory after `make bench` (`make
# bench-instructions` does both):
#
#   sh SRCDIR/bench/instructions.sh [--inputs=M,S,N] [--methods=LIST]
#                                   [--jobs=N]
#
# Inputs: S, M, N (the first 1,000 documents of bench_decode's N: the same
# per-byte cost, a tenth of the time), L (5 MB: about as long as all the
# others together, so not by default). Methods: the names of
# `bench/bench_decode --list`, comma-separated. --jobs: callgrind runs at
# a time (default 2, the two runs of a cell). About 3 minutes by default.
set -eu

inputs=M,S,N
methods=yajl-null,yajl-noop,ixjob,ixjob-16B,ixjob-1B,ixjob-validate,ixjob-elements,ixjob-stream,cjson,yajl-tree,jansson,json-c
jobs=2
bench=${BENCH_DECODE:-bench/bench_decode}
for arg in "$@"; do
    case $arg in
    --inputs=*) inputs=${arg#--inputs=} ;;
    --methods=*) methods=${arg#--methods=} ;;
    --jobs=*) jobs=${arg#--jobs=} ;;
    *)
        sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//' >&2
        exit 2
        ;;
    esac
done

case $jobs in
'' | *[!0-9]*)
    echo "instructions.sh: --jobs takes a number" >&2
    exit 2
    ;;
esac
if [ ! -x "$bench" ]; then
    echo "instructions.sh: $bench not found: run it from a build directory" \
        "after 'make bench' (or set BENCH_DECODE)" >&2
    exit 2
fi
if ! command -v valgrind >/dev/null 2>&1; then
    echo "instructions.sh: valgrind not found" >&2
    exit 77
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ixjob-instructions.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# The walks being measured must fill the same structs as ixjob.
"$bench" --verify S M >"$tmp/verify" 2>&1 || {
    cat "$tmp/verify" >&2
    exit 1
}

# Repeat counts: about 1 MB between the two runs of S, M and N.
repeats() {
    case $1 in
    S) echo "20 1020" ;;
    M) echo "1 19" ;;
    N | L) echo "1 2" ;;
    *) echo "1 2" ;;
    esac
}
bench_input() {
    case $1 in
    N) echo N1000 ;;
    *) echo "$1" ;;
    esac
}

# One callgrind run: prints "instructions bytes", or "skip" (77: the
# method was not built).
run() { # method input repeat file
    status=0
    valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        "$bench" --once="$1" --repeat="$3" "$2" >"$4.out" 2>"$4.err" ||
        status=$?
    if [ "$status" = 77 ]; then
        echo skip >"$4"
    elif [ "$status" != 0 ]; then
        echo "instructions.sh: $1 on $2 failed:" >&2
        cat "$4.err" >&2
        echo fail >"$4"
    else
        ir=$(sed -n 's/^==[0-9]*== Collected : \([0-9]*\).*/\1/p' "$4.err")
        bytes=$(sed -n 's/.*: \([0-9]*\) bytes x .*/\1/p' "$4.out")
        echo "$ir $bytes" >"$4"
    fi
}

cc=$(sed -n 's/^CC = //p' Makefile 2>/dev/null || true)
cflags=$(sed -n 's/^CFLAGS = //p' Makefile 2>/dev/null || true)
echo "Instructions per input byte, valgrind --tool=callgrind"
echo "($(valgrind --version), $(date -u '+%Y-%m-%d %H:%M UTC'))"
if [ -n "$cc" ]; then
    echo "build: $cc $cflags ($($cc --version 2>/dev/null | head -n 1))"
fi
echo "R2 - R1 runs of each method, divided by their bytes; lower is cheaper."
echo

ninputs=0
for input in $(echo "$inputs" | tr ',' ' '); do
    ninputs=$((ninputs + 1))
    read -r r1 r2 <<EOF
$(repeats "$input")
EOF
    case $input in
    N) what="bench_decode's N1000, the first 1,000 documents of N" ;;
    *) what="bench_decode's $input" ;;
    esac
    echo "$input = $what, --repeat=$r1 and $r2" >>"$tmp/legend"
done
results=$tmp/results
: >"$results"
for method in $(echo "$methods" | tr ',' ' '); do
    for input in $(echo "$inputs" | tr ',' ' '); do
        read -r r1 r2 <<EOF
$(repeats "$input")
EOF
        name=$(bench_input "$input")
        if [ "$jobs" -ge 2 ]; then
            run "$method" "$name" "$r1" "$tmp/a" &
            pid=$!
            run "$method" "$name" "$r2" "$tmp/b"
            wait "$pid"
        else
            run "$method" "$name" "$r1" "$tmp/a"
            run "$method" "$name" "$r2" "$tmp/b"
        fi
        # method input value (instructions per byte, or skip / fail)
        awk -v m="$method" -v i="$input" -v r1="$r1" -v r2="$r2" '
            NR == FNR { a = $1; ab = $2; next }
            {
                if (a == "skip" || $1 == "skip") { print m, i, "skip"; exit }
                if (a == "fail" || $1 == "fail" || ab != $2 || ab == 0) {
                    print m, i, "fail"; exit
                }
                printf "%s %s %.2f\n", m, i, ($1 - a) / ((r2 - r1) * ab)
            }' "$tmp/a" "$tmp/b" >>"$results"
    done
done

# The table: instructions per byte; the chunked rows also as a ratio to
# the whole buffer; then yajl-null's count over each method's, the
# instruction-count form of bench_decode's throughput ratio.
awk -v inputs="$inputs" -v n="$ninputs" '
    BEGIN { split(inputs, col, ",") }
    {
        if (!($1 in seen)) { seen[$1] = 1; order[++rows] = $1 }
        v[$1, $2] = $3
    }
    function cell(m, i,    x, w) {
        x = v[m, i]
        if (x == "skip" || x == "fail") return sprintf("%15s", x == "skip" ? "not built" : "failed")
        if ((m ~ /^ixjob-[0-9]+[KB]$/) && v["ixjob", i] > 0)
            return sprintf("%7.1f (%4.2fx)", x, x / v["ixjob", i])
        return sprintf("%15.1f", x)
    }
    END {
        printf "%-16s", "method"
        for (c = 1; c <= n; c++) printf " %15s", col[c]
        printf "\n"
        for (r = 1; r <= rows; r++) {
            printf "%-16s", order[r]
            for (c = 1; c <= n; c++) printf " %s", cell(order[r], col[c])
            printf "\n"
        }
        if (!(("yajl-null", col[1]) in v)) exit
        printf "\nyajl-null / method (higher is cheaper; bench_decode reports the same ratio in time):\n"
        printf "%-16s", "method"
        for (c = 1; c <= n; c++) printf " %15s", col[c]
        printf "\n"
        for (r = 1; r <= rows; r++) {
            printf "%-16s", order[r]
            for (c = 1; c <= n; c++) {
                x = v[order[r], col[c]]; b = v["yajl-null", col[c]]
                if (x + 0 > 0 && b + 0 > 0) printf " %15.2f", b / x
                else printf " %15s", "-"
            }
            printf "\n"
        }
    }' "$results"
echo
cat "$tmp/legend"
if grep -q ' skip$' "$results"; then
    awk '$3 == "skip" { print $1 }' "$results" | sort -u |
        while read -r method; do
            "$bench" --once="$method" S 2>&1 >/dev/null | sed 's/^/note: /' || true
        done
fi
if grep -q ' fail$' "$results"; then
    exit 1
fi
