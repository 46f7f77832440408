#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Every figure of bench/README.md in one go, into one directory: the
# conditions of the run, bench_decode's throughput table with its plots,
# the instruction table, bench_memory, the command against json_verify
# (command.sh), and the peers' edge cases. About
# ten minutes; the machine's other load is recorded, since it moves the
# timings (not the instruction counts).
#
# Run it from a build directory after `make bench` (`make bench-figures`
# does both):
#
#   sh SRCDIR/bench/figures.sh [--out=DIR] [--trials=N] [--seconds=S]
#
# --out: default bench-figures; --trials and --seconds go to
# bench_decode, whose medians are taken over 9 trials here (5 by
# default) to resist the noise a little better.
#
# Then copy DIR/*.txt and DIR/edge-cases.md into bench/README.md and
# DIR/*.png into bench/.
set -eu

out=bench-figures
trials=--trials=9
seconds=
for arg in "$@"; do
    case $arg in
    --out=*) out=${arg#--out=} ;;
    --trials=*) trials=$arg ;;
    --seconds=*) seconds=$arg ;;
    *)
        sed -n '2,/^set -eu/p' "$0" | sed -e '/^set -eu/d' -e 's/^# \{0,1\}//' >&2
        exit 2
        ;;
    esac
done
here=$(dirname "$0")
mkdir -p "$out"

load() { cut -d ' ' -f 1-3 /proc/loadavg 2>/dev/null || echo unknown; }

cc=$(sed -n 's/^CC = //p' Makefile 2>/dev/null || true)
cflags=$(sed -n 's/^CFLAGS = //p' Makefile 2>/dev/null || true)
{
    echo "date:      $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "commit:    $(git -C "$here" log -1 --format='%h %s' 2>/dev/null || echo unknown)"
    echo "cpu:       $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)," \
        "$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo '?') online"
    echo "system:    $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") $(uname -r)"
    echo "compiler:  $($cc --version 2>/dev/null | head -n 1)"
    echo "build:     $cc $cflags"
    echo "configure: $(sed -n 's/^  \$ //p' config.log 2>/dev/null | head -n 1)"
    echo "peers:     $(sed -n 's/^  bench peers://p' config.log 2>/dev/null | head -n 1)"
    echo "load before: $(load)"
} >"$out/conditions.txt"

# shellcheck disable=SC2086
sh "$here/plot.sh" --out="$out" $trials $seconds
echo "load after bench_decode: $(load)" >>"$out/conditions.txt"
sh "$here/instructions.sh" | tee "$out/instructions.txt"
echo "load after instructions: $(load)" >>"$out/conditions.txt"
bench/bench_memory | tee "$out/memory.txt"
echo "load after bench_memory: $(load)" >>"$out/conditions.txt"
if command -v json_verify >/dev/null; then
    sh "$here/command.sh" . | tee "$out/command.txt"
    echo "load after command.sh: $(load)" >>"$out/conditions.txt"
else
    echo "figures.sh: no json_verify (yajl-tools): command.txt left out"
fi
bench/bench_decode --edge-cases | tee "$out/edge-cases.md"
echo
cat "$out/conditions.txt"
echo "figures.sh: everything is in $out/"
