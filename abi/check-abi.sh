#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The ABI check of libixjob.so against the baselines abi/libixjob.abi
# (abidw) and abi/layout.txt (abi/layout.c); abi/README.md says what they
# guard and why it is built this way.
#
#   check-abi.sh check  SRCDIR LIBRARY LAYOUT
#       Fails on any change that is not an addition; prints additions
#       (new functions, new types, appended enumerators, members appended
#       to payload structs) and passes.
#   check-abi.sh update SRCDIR LIBRARY LAYOUT CURRENT:REVISION:AGE VERSION
#       Writes new baselines, only for a new version: VERSION and CURRENT
#       must both differ from what abi/VERSION records.
#   check-abi.sh layout BASELINE CURRENT
#       Compares two layouts only (no abigail-tools needed).
#
# LAYOUT is the program built from abi/layout.c against the headers the
# library was built with (IXJ_ABI_HEADERS, by default SRCDIR's). Run by
# `make check-abi` and `make update-abi` from the build directory, and by
# tests/test_append_field.sh; what they write goes to abi/ in the current
# directory (current.abi, current-layout.txt, report.txt, the generated
# suppressions). ABIDW and ABIDIFF name the tools (abigail-tools).
set -eu

ABIDW=${ABIDW:-abidw}
ABIDIFF=${ABIDIFF:-abidiff}

die() {
    echo "check-abi: $*" >&2
    exit 1
}

# Compares layout $1 (a baseline) with layout $2. Each line is "GROUP:
# ..." (a struct or an enum): every group of $1 must begin, in $2, with
# the lines it has in $1, unchanged; lines after them are additions, as
# are new groups. Prints what differs and sets layout_verdict: same,
# additions or incompatible.
compare_layout() {
    status=0
    awk -F': ' '
        /^#/ || NF == 0 { next }
        FILENAME == ARGV[1] {
            if (!($1 in nb))
                order[++ng] = $1
            base[$1, ++nb[$1]] = $0
            next
        }
        {
            if (!($1 in nc))
                corder[++ncg] = $1
            cur[$1, ++nc[$1]] = $0
        }
        END {
            bad = 0
            for (g = 1; g <= ng; g++) {
                k = order[g]
                for (i = 1; i <= nb[k]; i++) {
                    if ((k, i) in cur && cur[k, i] == base[k, i])
                        continue
                    if (!((k, i) in cur))
                        print "  removed: " base[k, i]
                    else
                        print "  changed: " base[k, i] "\n       to: " \
                            cur[k, i]
                    if (nb[k] > i)
                        print "  (and what follows in " k ": " \
                            nb[k] - i " more lines of the baseline)"
                    bad++
                    break
                }
            }
            added = 0
            for (g = 1; g <= ncg; g++) {
                k = corder[g]
                for (i = (k in nb) ? nb[k] + 1 : 1; i <= nc[k]; i++) {
                    if (!bad)
                        print "  added: " cur[k, i]
                    added++
                }
            }
            exit bad ? 4 : added ? 3 : 0
        }' "$1" "$2" || status=$?
    case $status in
    0) layout_verdict=same ;;
    3) layout_verdict=additions ;;
    4) layout_verdict=incompatible ;;
    *) die "comparing $1 with $2 failed (status $status)" ;;
    esac
}

if [ "${1:-}" = layout ]; then
    [ $# -eq 3 ] || die "usage: check-abi.sh layout BASELINE CURRENT"
    compare_layout "$2" "$3"
    echo "layout of $3 against $2: $layout_verdict"
    [ "$layout_verdict" != incompatible ]
    exit
fi

[ $# -ge 4 ] || die "usage: check-abi.sh check|update SRCDIR LIBRARY LAYOUT ..."
mode=$1 srcdir=$2 lib=$3 layout_program=$4
baseline=$srcdir/abi/libixjob.abi
layout_baseline=$srcdir/abi/layout.txt
recorded=$srcdir/abi/VERSION
headers=${IXJ_ABI_HEADERS:-$srcdir/include/ixjob}

for tool in "$ABIDW" "$ABIDIFF"; do
    command -v "$tool" >/dev/null 2>&1 ||
        die "$tool not found (Debian: apt-get install abigail-tools)"
done
[ -f "$lib" ] ||
    die "$lib not found: the check needs the shared library (no --disable-shared)"
[ -x "$layout_program" ] || die "$layout_program not found"
mkdir -p abi

# The ABI of a library, as the baseline was made: only the types defined
# in the public headers in full (--headers-dir, --drop-private-types), and
# with them the types no function reaches (--load-all-types), which are
# the presence-bit enums (ixj_job_field, ...). No paths, short locations:
# the same library gives the same bytes wherever it was built.
dump() {
    "$ABIDW" --headers-dir "$headers" --drop-private-types --load-all-types \
        --no-corpus-path --no-comp-dir-path --short-locs --out-file "$2" "$1"
    grep -q "class-decl name='ixj_job' size-in-bits=" "$2" ||
        die "$1 has no debug information: build with -g (CFLAGS='-g -O2', configure's default)"
}

# What abidiff must not report, written from types.h at each run so that
# a new list needs nothing here:
#   - changes inside types the public headers do not define
#     (abi/public.suppr);
#   - the value of the *_FIELD_COUNT enumerators, which count a list and
#     so grow with it (abi/counts.suppr);
#   - members appended to a payload struct, one with a field list
#     (abi/grow.suppr): no payload struct is embedded in another or in an
#     array, and the library allocates them all, so they may grow at their
#     end (types.h). The suppression also hides a member whose type
#     changes in place: the layout comparison catches that.
suppressions() {
    counts=$(sed -n 's/.*\(IXJ_[A-Z0-9_]*_FIELD_COUNT\).*/\1/p' \
        "$headers/types.h" | sort -u | paste -s -d, - | sed 's/,/, /g')
    [ -n "$counts" ] || die "no IXJ_*_FIELD_COUNT in $headers/types.h"
    {
        echo "# Written by check-abi.sh from types.h: the field counts."
        echo "[suppress_type]"
        echo "  type_kind = enum"
        echo "  name_regexp = ^ixj_[a-z0-9_]*_field$"
        echo "  changed_enumerators = $counts"
    } >abi/counts.suppr
    payloads=$(sed -n 's/^enum ixj_\([a-z0-9_]*\)_field .*/\1/p' \
        "$headers/types.h" | sort -u | paste -s -d'|' -)
    [ -n "$payloads" ] || die "no enum ixj_*_field in $headers/types.h"
    {
        echo "# Written by check-abi.sh from types.h: the payload structs."
        echo "[suppress_type]"
        echo "  type_kind = struct"
        echo "  name_regexp = ^ixj_($payloads)$"
        echo "  has_data_member_inserted_at = end"
    } >abi/grow.suppr
}

abidiff_() {
    "$ABIDIFF" --suppressions "$srcdir/abi/public.suppr" \
        --suppressions abi/counts.suppr --suppressions abi/grow.suppr "$@"
}

# Compares the baselines with abi/current.abi and abi/current-layout.txt
# into abi/report.txt and abi/layout-report.txt, and sets `verdict`: same,
# additions or incompatible (of both comparisons).
compare() {
    suppressions
    status=0
    abidiff_ --non-reachable-types "$baseline" abi/current.abi \
        >abi/report.txt 2>&1 || status=$?
    # abidiff's status is a bit mask: 1 error, 2 usage error, 4 the ABIs
    # differ, 8 some difference is incompatible (a removed function or
    # variable, a changed size or SONAME). A changed member type of the
    # same size sets only 4, as additions do: the summary lines tell them
    # apart.
    if [ $((status & 3)) -ne 0 ]; then
        cat abi/report.txt
        die "abidiff failed (status $status)"
    fi
    if [ "$status" -eq 0 ]; then
        verdict=same
    elif [ $((status & 8)) -ne 0 ] ||
        grep 'summary:' abi/report.txt |
        grep -Eq '(^|[ :,])[1-9][0-9]* ([Rr]emoved|[Cc]hanged)'; then
        verdict=incompatible
    else
        verdict=additions
    fi
    "$layout_program" >abi/current-layout.txt ||
        die "$layout_program failed"
    compare_layout "$layout_compared" abi/current-layout.txt \
        >abi/layout-report.txt
    case $layout_verdict/$verdict in
    incompatible/*) verdict=incompatible ;;
    additions/same) verdict=additions ;;
    esac
}

# What the comparisons found, for people.
report() {
    cat abi/report.txt
    if [ "$layout_verdict" != same ]; then
        echo "Layout (abi/layout.txt), $layout_verdict:"
        cat abi/layout-report.txt
    fi
}

# Enumerators appended to a reachable enum (a status code, a type) are
# "harmless" to abidiff, which then reports nothing: they are listed here.
harmless() {
    abidiff_ --harmless --redundant "$baseline" abi/current.abi \
        >abi/harmless.txt 2>&1 || true
    if grep -q 'enumerator insertion' abi/harmless.txt; then
        echo "Enumerators added (compatible):"
        grep -A1 'enumerator insertion' abi/harmless.txt |
            sed -n "s/^ *'\(.*\)' value '\(.*\)'.*/  \1 = \2/p" | sort -u
    fi
}

recorded_field() {
    sed -n "s/^$1 //p" "$recorded"
}

[ -f "$baseline" ] && [ -f "$recorded" ] ||
    die "no baseline in $srcdir/abi (libixjob.abi and VERSION)"
# The layout's baseline came after 0.1.0: the first update makes it.
layout_compared=$layout_baseline
if [ ! -f "$layout_baseline" ]; then
    [ "$mode" = update ] || die "no baseline $layout_baseline"
    layout_compared=/dev/null
fi
dump "$lib" abi/current.abi

case $mode in
check)
    compare
    base="$(recorded_field version) ($(recorded_field version-info))"
    case $verdict in
    same)
        echo "ABI of $lib: the same as the baseline of $base"
        harmless
        ;;
    additions)
        report
        harmless
        echo "ABI of $lib: compatible additions to the baseline of $base"
        echo "(at the release: current+1, revision 0, age+1; abi/README.md)"
        ;;
    incompatible)
        report
        echo "ABI of $lib: INCOMPATIBLE with the baseline of $base" >&2
        echo "(see abi/README.md: undo the change, or make it a release" \
            "with a new SONAME)" >&2
        exit 1
        ;;
    esac
    ;;
update)
    [ $# -eq 6 ] ||
        die "usage: check-abi.sh update SRCDIR LIBRARY LAYOUT C:R:A VERSION"
    info=$5 version=$6
    old_info=$(recorded_field version-info)
    old_version=$(recorded_field version)
    IFS=: read -r cur rev age <<EOF
$info
EOF
    IFS=: read -r old_cur old_rev old_age <<EOF
$old_info
EOF
    if [ "$version" = "$old_version" ] || [ "$cur" -le "$old_cur" ]; then
        die "the baseline is of $old_version ($old_info) and configure.ac" \
            "says $version ($info): the baseline changes only with a new" \
            "version and a new libtool current (abi/README.md)"
    fi
    [ "$rev" -eq 0 ] || die "revision must be 0 when current changes ($info)"
    [ "$age" -le "$cur" ] || die "age ($age) cannot exceed current ($cur)"
    soname=$(LC_ALL=C readelf -d "$lib" |
        sed -n 's/.*Library soname: \[\(.*\)\].*/\1/p')
    [ "$soname" = "libixjob.so.$((cur - age))" ] ||
        die "$lib has SONAME $soname, not libixjob.so.$((cur - age)):" \
            "relink it (rm lib/libixjob.la; make)"
    compare
    report
    harmless
    if [ "$verdict" = incompatible ] &&
        [ $((cur - age)) -eq $((old_cur - old_age)) ] &&
        [ "${IXJ_ABI_ACCEPT:-}" != compatible ]; then
        die "the changes above are incompatible and the SONAME stays" \
            "libixjob.so.$((cur - age)): set age to 0, or, when every" \
            "change is compatible by the rules of abi/README.md, run" \
            "make update-abi IXJ_ABI_ACCEPT=compatible"
    fi
    cp abi/current.abi "$baseline"
    {
        echo "# The layout of libixjob $version's public types (x86_64),"
        echo "# written by \`make update-abi\` from abi/layout.c:"
        echo "# \`make check-abi\` fails unless each struct and enum below"
        echo "# still begins with these lines (abi/README.md)."
        cat abi/current-layout.txt
    } >"$layout_baseline"
    {
        echo "# The library that abi/libixjob.abi describes, written by"
        echo "# \`make update-abi\`: its version and libtool -version-info."
        echo "version $version"
        echo "version-info $info"
    } >"$recorded"
    echo "check-abi: baselines updated from $old_version ($old_info) to" \
        "$version ($info)"
    ;;
*)
    die "unknown mode $mode"
    ;;
esac
