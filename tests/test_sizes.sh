#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The rooms of lib/ stay small enough to enter (doc/design.md): no source
# file longer than 800 lines, no function longer than 200 (from the line
# of its opening brace, at the start of a line in the house style, to the
# line of its closing one). The generated lib/keyindex.c is left out.
set -eu
top=${IXJOB_SRCDIR:-${srcdir:-.}}
src=$top/lib
status=0
for f in "$src"/*.c "$src"/*.h; do
    case $f in */keyindex.c) continue ;; esac
    awk -v file="${f#"$top"/}" '
        /^\{/ { start = NR; name = prev }
        /^\}/ && start {
            if (NR - start + 1 > 200) {
                printf "%s:%d: function %s is %d lines (at most 200)\n", file, start, name, NR - start + 1
                bad = 1
            }
            start = 0
        }
        { if ($0 !~ /^[{}]/) prev = $0 }
        END {
            if (NR > 800) {
                printf "%s: %d lines (at most 800)\n", file, NR
                bad = 1
            }
            exit bad
        }' "$f" || status=1
done
[ "$status" = 0 ] && echo "lib/: every file within 800 lines, every function within 200"
exit "$status"
