#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Throughput plots from one bench_decode run (every method, every input),
# drawn with gnuplot:
#
#   throughput.png  each decoding method (ixjob and its peers) by input, as
#                   its ratio to yajl-null measured in the same run;
#   chunks.png      ixjob by feed size (1, 16, 64, 512 bytes, 4 KiB,
#                   64 KiB, the whole buffer), the same ratio.
#
# Run it from a build directory after `make bench` (`make bench-plots`
# does both):
#
#   sh SRCDIR/bench/plot.sh [--out=DIR] [--from=TSV] [BENCH_DECODE_OPTION...]
#
# --out: where the PNGs go, with the run's text output (bench_decode.txt)
# and table (bench_decode.tsv); default the current directory. --from:
# plot an earlier run's table (bench_decode --tsv=FILE) instead of running
# bench_decode. Other options go to bench_decode (--trials=N,
# --seconds=S, inputs). A full run takes about two minutes.
set -eu

out=.
from=
bench=${BENCH_DECODE:-bench/bench_decode}
for arg in "$@"; do
    case $arg in
    --out=*) out=${arg#--out=} ;;
    --from=*) from=${arg#--from=} ;;
    --help | -h)
        sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//'
        exit 0
        ;;
    esac
done
if ! command -v gnuplot >/dev/null 2>&1; then
    echo "plot.sh: gnuplot not found (Debian: gnuplot-nox)" >&2
    exit 77
fi
mkdir -p "$out"

if [ -z "$from" ]; then
    if [ ! -x "$bench" ]; then
        echo "plot.sh: $bench not found: run it from a build directory" \
            "after 'make bench' (or set BENCH_DECODE)" >&2
        exit 2
    fi
    # the options that are not ours go to bench_decode
    for arg in "$@"; do
        shift
        case $arg in
        --out=* | --from=*) ;;
        *) set -- "$@" "$arg" ;;
        esac
    done
    from=$out/bench_decode.tsv
    "$bench" --methods=all --tsv="$from" "$@" | tee "$out/bench_decode.txt"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ixjob-plot.XXXXXX")
trap 'rm -rf "$tmp"' EXIT INT TERM

# The inputs in the order of the run, and a matrix per plot: one row per
# method (or feed size), one column per input.
inputs=$(awk -F '\t' 'NR > 1 && !seen[$1]++ { printf "%s ", $1 }' "$from")
matrix() { # rows (method:label ...) file
    awk -F '\t' -v rows="$1" -v inputs="$inputs" '
        NR > 1 { r[$4, $1] = $6 }
        END {
            n = split(inputs, col, " ")
            printf "label"
            for (c = 1; c <= n; c++) printf "\t%s", col[c]
            printf "\n"
            k = split(rows, row, " ")
            for (i = 1; i <= k; i++) {
                split(row[i], part, ":")
                if (!((part[1], col[1]) in r)) continue
                printf "%s", part[2]
                for (c = 1; c <= n; c++) printf "\t%s", r[part[1], col[c]]
                printf "\n"
            }
        }' "$from" >"$2"
}
matrix "yajl-noop:yajl-noop ixjob:ixjob ixjob-validate:ixjob-validate \
ixjob-elements:ixjob-elements ixjob-stream:ixjob-stream cjson:cJSON \
yajl-tree:yajl_tree jansson:jansson json-c:json-c" "$tmp/methods.dat"
matrix "ixjob-1B:1 ixjob-16B:16 ixjob-64B:64 ixjob-512B:512 ixjob-4K:4K \
ixjob-64K:64K ixjob:whole" "$tmp/chunks.dat"
ncols=$(echo "$inputs" | wc -w)
# room above the yajl-null line (1.0) and the highest point
ymax=$(awk -F '\t' 'NR > 1 && $6 > m { m = $6 } END {
    m = m * 1.08; printf "%.2f", (m > 1.3 ? m : 1.3) }' "$from")
when=$(date -u -r "$from" '+%Y-%m-%d')

gnuplot <<EOF
set terminal pngcairo size 1000,560 font "DejaVu Sans,11"
set datafile separator "\t"
set key autotitle columnheader top right
set grid ytics lc rgb "#dddddd"
set termoption noenhanced
set yrange [0:$ymax]
set ytics 0.1
set ylabel "throughput / yajl-null throughput (same run)"
set arrow from graph 0, first 1 to graph 1, first 1 nohead lc rgb "#888888" dt 2
set label "yajl-null" at graph 0.99, first 1 right offset 0, 0.6 tc rgb "#666666"

set output "$out/throughput.png"
set title "Decoding job documents into ixjob's structs, by method and input ($when)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set xtics nomirror rotate by -25
plot for [c=2:$((ncols + 1))] "$tmp/methods.dat" using c:xtic(1)

set output "$out/chunks.png"
set title "ixjob fed in pieces of N bytes, by input ($when)"
set xlabel "feed size (bytes)"
set style data linespoints
set xtics norotate
set key top right
plot for [c=2:$((ncols + 1))] "$tmp/chunks.dat" using 0:c:xtic(1) lw 2 pt 7
EOF
echo "plot.sh: wrote $out/throughput.png and $out/chunks.png from $from"
