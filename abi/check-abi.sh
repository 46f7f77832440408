#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The ABI check of libixjob.so against the baseline abi/libixjob.abi
# (abi/README.md says what it guards and why it is built this way).
#
#   check-abi.sh check  SRCDIR LIBRARY
#       Fails on any change that is not an addition; prints additions
#       (new functions, new types, appended enumerators) and passes.
#   check-abi.sh update SRCDIR LIBRARY CURRENT:REVISION:AGE VERSION
#       Writes a new baseline, only for a new version: VERSION and
#       CURRENT must both differ from what abi/VERSION records.
#
# Run by `make check-abi` and `make update-abi` from the build directory;
# what they write there goes to abi/ (current.abi, report.txt,
# counts.suppr). ABIDW and ABIDIFF name the tools (abigail-tools).
set -eu

ABIDW=${ABIDW:-abidw}
ABIDIFF=${ABIDIFF:-abidiff}

die() {
    echo "check-abi: $*" >&2
    exit 1
}

[ $# -ge 3 ] || die "usage: check-abi.sh check|update SRCDIR LIBRARY ..."
mode=$1 srcdir=$2 lib=$3
baseline=$srcdir/abi/libixjob.abi
recorded=$srcdir/abi/VERSION
headers=$srcdir/include/ixjob

for tool in "$ABIDW" "$ABIDIFF"; do
    command -v "$tool" >/dev/null 2>&1 ||
        die "$tool not found (Debian: apt-get install abigail-tools)"
done
[ -f "$lib" ] ||
    die "$lib not found: the check needs the shared library (no --disable-shared)"
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

# What abidiff must not report: changes inside types the public headers
# do not define (abi/public.suppr), and the value of the *_FIELD_COUNT
# enumerators, which count a list and so grow with it. Their names are
# taken from types.h at each run, so a new list needs nothing here.
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
}

# Compares the baseline with abi/current.abi into abi/report.txt and
# sets `verdict`: same, additions or incompatible.
compare() {
    suppressions
    status=0
    "$ABIDIFF" --non-reachable-types --suppressions "$srcdir/abi/public.suppr" \
        --suppressions abi/counts.suppr "$baseline" abi/current.abi \
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
}

# Enumerators appended to a reachable enum (a status code, a type) are
# "harmless" to abidiff, which then reports nothing: they are listed here.
harmless() {
    "$ABIDIFF" --harmless --redundant --suppressions "$srcdir/abi/public.suppr" \
        --suppressions abi/counts.suppr "$baseline" abi/current.abi \
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
        cat abi/report.txt
        harmless
        echo "ABI of $lib: compatible additions to the baseline of $base"
        echo "(at the release: current+1, revision 0, age+1; abi/README.md)"
        ;;
    incompatible)
        cat abi/report.txt
        echo "ABI of $lib: INCOMPATIBLE with the baseline of $base" >&2
        echo "(see abi/README.md: undo the change, or make it a release" \
            "with a new SONAME)" >&2
        exit 1
        ;;
    esac
    ;;
update)
    [ $# -eq 5 ] || die "usage: check-abi.sh update SRCDIR LIBRARY C:R:A VERSION"
    info=$4 version=$5
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
    cat abi/report.txt
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
        echo "# The library that abi/libixjob.abi describes, written by"
        echo "# \`make update-abi\`: its version and libtool -version-info."
        echo "version $version"
        echo "version-info $info"
    } >"$recorded"
    echo "check-abi: baseline updated from $old_version ($old_info) to" \
        "$version ($info)"
    ;;
*)
    die "unknown mode $mode"
    ;;
esac
