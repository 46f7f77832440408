#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The section 3 manual pages (doc/*.3, doc/links/*.3):
#   1. every example marked in a page compiles against the library of the
#      build tree with the project's warnings and -Werror, and those marked
#      "run" run in examples/payloads with the exit status, and the output,
#      that the page shows;
#   2. the pages format without a warning (mandoc -Tlint, groff -ww), and
#      each example and output reads, once formatted, exactly as the text
#      that was compiled or compared;
#   3. every public function reaches its page through a link page, and its
#      page names it and declares it; every status, option and element of
#      the header is documented, and ixj_types.3 declares the structs of
#      types.h; every page and link page is installed (Makefile.am).
#
# An example is marked in a page's source, right before its .EX, by
#
#   .\" ixj-example NAME MODE [FILE...]
#
# MODE is "compile", "run" (exit status 0) or "run=N" (exit status N); a
# run takes FILE... as arguments, from examples/payloads, its working
# directory. The standard output it must print is marked the same way,
# anywhere after the example in the same page:
#
#   .\" ixj-output NAME [prefix]
#
# ("prefix": each line shown need only begin the line printed, for text
# that may grow at its end, such as an error's detail). The structs that
# ixj_types.3 shows are marked ".\" ixj-structs". Inside a marked block
# (and in every other .EX block) only the escapes \e \- \& \(aq \(dq \(ga
# \(ha \(ti \(rs may appear, and - ' ` ^ ~ must be escaped, so that the
# code renders as ASCII on every formatter and what is compiled is what a
# reader copies.
#
# IXJOB_CLI_WRAPPER (e.g. valgrind under make check-valgrind) runs before
# each example when set.
set -u

: "${IXJOB_SRCDIR:?run by make check}" "${IXJOB_BUILDDIR:?run by make check}"
CC=${IXJOB_CC:-cc}
CFLAGS=${IXJOB_EXAMPLE_CFLAGS:-}
LDFLAGS=${IXJOB_EXAMPLE_LDFLAGS:-}
LIBTOOL="$IXJOB_BUILDDIR/libtool"
RUN=${IXJOB_CLI_WRAPPER:-"$LIBTOOL --mode=execute"}
doc="$IXJOB_SRCDIR/doc"
header="$IXJOB_SRCDIR/include/ixjob/ixjob.h"
types_header="$IXJOB_SRCDIR/include/ixjob/types.h"

tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0
compiled=0
ran=0
pages=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# The pages (the link pages are in doc/links).
page_list=$(cd "$doc" && ls *.3)

# --------------------------------------------------------------- extract
# extract PAGE DIR: writes each block marked in PAGE to DIR/NAME.c,
# DIR/NAME.out (DIR/NAME.prefix when marked so) or DIR/structsNN.h; lists
# the examples as "NAME MODE [FILE...]" lines on standard output.
extract() {
    awk -v dir="$2" '
    function bad(msg) {
        printf "%s:%d: %s\n", FILENAME, FNR, msg > "/dev/stderr"
        failed = 1
    }
    function unroff(s,   out, c, i, n, two) {
        out = ""
        n = length(s)
        for (i = 1; i <= n; i++) {
            c = substr(s, i, 1)
            if (c == "\t") {
                bad("a tab in an example (indent with spaces)")
            } else if (c == "-" || c == "\047" || c == "`" || c == "^" ||
                       c == "~") {
                bad("unescaped " c " (write it as an escape)")
            }
            if (c != "\\") {
                out = out c
                continue
            }
            c = substr(s, ++i, 1)
            if (c == "e") {
                out = out "\\"
            } else if (c == "-") {
                out = out "-"
            } else if (c == "&") {
                continue
            } else if (c == "(") {
                two = substr(s, i + 1, 2)
                i += 2
                if (two == "aq") out = out "\047"
                else if (two == "dq") out = out "\""
                else if (two == "ga") out = out "`"
                else if (two == "ha") out = out "^"
                else if (two == "ti") out = out "~"
                else if (two == "rs") out = out "\\"
                else bad("escape \\(" two " in an example")
            } else {
                bad("escape \\" c " in an example")
            }
        }
        return out
    }
    state == 0 && /^\.\\" ixj-(example|output|structs)( |$)/ {
        if ($2 == "ixj-structs") {
            file = sprintf("%s/structs%02d.h", dir, ++structs)
        } else {
            name = $3
            if (name !~ /^[a-z][a-z0-9_]*$/)
                bad("bad example name \"" name "\"")
            if ($2 == "ixj-example") {
                if (name in seen)
                    bad("two examples named " name)
                seen[name] = 1
                if ($4 !~ /^(compile|run|run=[0-9]+)$/)
                    bad("mode must be compile, run or run=N: " $4)
                line = name
                for (i = 4; i <= NF; i++)
                    line = line " " $i
                print line
                file = dir "/" name ".c"
            } else {
                if (!(name in seen))
                    bad("output of " name " before its example")
                file = dir "/" name ".out"
                if ($4 == "prefix")
                    printf "" > (dir "/" name ".prefix")
            }
        }
        state = 1
        next
    }
    state == 0 && $0 == ".EX" { # not marked: only read
        state = 3
        next
    }
    state == 3 && $0 == ".EE" {
        state = 0
        next
    }
    state == 3 {
        unroff($0)
        next
    }
    state == 1 {
        if ($0 != ".EX")
            bad(".EX must follow a marker")
        state = 2
        first = 1
        next
    }
    state == 2 && $0 == ".EE" {
        state = 0
        next
    }
    state == 2 {
        if ($0 ~ /^[.\047]/)
            bad("a request inside a marked block")
        text = unroff($0)
        if (first && (text == "" || text ~ /^ /))
            bad("a marked block starts with a blank or indented line")
        first = 0
        print text >> file
        next
    }
    END {
        if (state != 0)
            bad("a marked block is not closed by .EE")
        exit failed
    }' "$1"
}

# ---------------------------------------------------------------- render
# render PAGE OUT: the page formatted for a terminal, as plain text.
render() {
    if command -v groff >/dev/null 2>&1; then
        groff -man -Tutf8 -P-cbou "$1" >"$2" 2>/dev/null
    elif command -v mandoc >/dev/null 2>&1; then
        mandoc -Tutf8 "$1" | sed 's/.\x08//g' >"$2"
    else
        return 1
    fi
}

# shown BLOCK RENDERED: whether the lines of BLOCK appear together in
# RENDERED, at one indentation (trailing spaces aside).
shown() {
    awk '
    function rtrim(s) { sub(/[ ]+$/, "", s); return s }
    FNR == NR { ex[++n] = rtrim($0); next }
    { r[++m] = rtrim($0) }
    END {
        for (at = 1; at + n - 1 <= m; at++) {
            s = r[at]
            sub(/^ +/, "", s)
            if (s != ex[1])
                continue
            ind = substr(r[at], 1, length(r[at]) - length(s))
            for (k = 2; k <= n; k++)
                if (r[at + k - 1] != (ex[k] == "" ? "" : ind ex[k]))
                    break
            if (k > n)
                exit 0
        }
        exit 1
    }' "$1" "$2"
}

# --------------------------------------------------------------- formatter
lint=
if command -v mandoc >/dev/null 2>&1; then
    lint="mandoc"
    # shellcheck disable=SC2086 # a list of file names
    if ! (cd "$doc" && mandoc -Tlint -Wstyle $page_list) >"$tmp/lint" 2>&1 ||
        [ -s "$tmp/lint" ]; then
        fail "mandoc -Tlint reports:"
        cat "$tmp/lint"
    fi
fi
if command -v groff >/dev/null 2>&1; then
    lint="$lint groff"
    for page in $page_list; do
        if ! groff -ww -z -man "$doc/$page" >"$tmp/lint" 2>&1 ||
            [ -s "$tmp/lint" ]; then
            fail "groff -ww reports, for $page:"
            cat "$tmp/lint"
        fi
    done
fi
[ -n "$lint" ] || echo "SKIP: neither mandoc nor groff: the pages are not linted"

# ---------------------------------------------------------------- examples
for page in $page_list; do
    pages=$((pages + 1))
    dir="$tmp/${page%.3}"
    mkdir "$dir"
    if ! extract "$doc/$page" "$dir" >"$dir/list"; then
        fail "$page: the marked blocks cannot be read (above)"
        continue
    fi
    if [ ! -s "$dir/list" ]; then
        fail "$page has no example"
    fi
    if render "$doc/$page" "$dir/rendered"; then
        for block in "$dir"/*.c "$dir"/*.out "$dir"/structs*.h; do
            [ -f "$block" ] || continue
            shown "$block" "$dir/rendered" ||
                fail "$page: ${block##*/} does not read as written once formatted"
        done
    fi
    while read -r name mode args; do
        # shellcheck disable=SC2086 # the flags are lists of words
        if ! "$LIBTOOL" --silent --mode=link --tag=CC $CC -std=c11 \
            $CFLAGS -Werror -I"$IXJOB_SRCDIR/include" -o "$dir/$name" \
            "$dir/$name.c" "$IXJOB_BUILDDIR/lib/libixjob.la" $LDFLAGS \
            >"$dir/$name.cc" 2>&1; then
            fail "$page: example $name does not compile:"
            cat "$dir/$name.cc"
            continue
        fi
        compiled=$((compiled + 1))
        case $mode in
        compile) continue ;;
        run) want=0 ;;
        run=*) want=${mode#run=} ;;
        esac
        # shellcheck disable=SC2086
        (cd "$IXJOB_SRCDIR/examples/payloads" &&
            $RUN "$dir/$name" $args) >"$dir/$name.stdout" \
            2>"$dir/$name.stderr" </dev/null
        got=$?
        ran=$((ran + 1))
        if [ "$got" != "$want" ]; then
            fail "$page: example $name exits with $got, not $want"
            cat "$dir/$name.stderr"
        fi
        [ -f "$dir/$name.out" ] || continue
        if [ -f "$dir/$name.prefix" ]; then
            if ! awk 'FNR == NR { want[++n] = $0; next }
                { got[++m] = $0 }
                END {
                    if (m != n) exit 1
                    for (i = 1; i <= n; i++)
                        if (substr(got[i], 1, length(want[i])) != want[i])
                            exit 1
                }' "$dir/$name.out" "$dir/$name.stdout"; then
                fail "$page: example $name prints other lines than shown"
                diff -u "$dir/$name.out" "$dir/$name.stdout"
            fi
        elif ! cmp -s "$dir/$name.out" "$dir/$name.stdout"; then
            fail "$page: example $name prints other than shown"
            diff -u "$dir/$name.out" "$dir/$name.stdout"
        fi
    done <"$dir/list"
done

# ---------------------------------------------------------------- coverage
# Every exported function: a link page to the page that names it in NAME
# and declares it in SYNOPSIS.
exports=$(grep -v '^#' "$IXJOB_SRCDIR/tests/exports.txt")
for fn in $exports; do
    link="$doc/links/$fn.3"
    if [ ! -f "$link" ]; then
        fail "no link page doc/links/$fn.3"
        continue
    fi
    target=$(sed -n 's|^\.so man3/\([a-z_]*\.3\)$|\1|p' "$link")
    if [ -z "$target" ] || [ "$(wc -l <"$link")" -ne 1 ]; then
        fail "doc/links/$fn.3 must be one line, .so man3/PAGE.3"
        continue
    fi
    if [ ! -f "$doc/$target" ]; then
        fail "doc/links/$fn.3 leads to $target, which does not exist"
        continue
    fi
    sed -n '/^\.SH NAME/,/^\.SH /p' "$doc/$target" | grep -qw "$fn" ||
        fail "$target does not name $fn in NAME"
    sed -n '/^\.SH SYNOPSIS/,/^\.SH /p' "$doc/$target" | grep -qF "$fn(" ||
        fail "$target does not declare $fn in SYNOPSIS"
done
for link in "$doc"/links/*.3; do
    fn=${link##*/}
    fn=${fn%.3}
    printf '%s\n' "$exports" | grep -qx "$fn" ||
        fail "doc/links/$fn.3 is not a public function (tests/exports.txt)"
done

# Every constant of a registry, on its page.
map_rows() { # map_rows FILE MAP: the suffix of each row of MAP
    awk -v map="$2" '
    $0 ~ "^#define " map "\\(X\\)" { on = 1; next }
    on && match($0, /X\([A-Z_]+,/) {
        print substr($0, RSTART + 2, RLENGTH - 3)
    }
    on && !/\\$/ { on = 0 }' "$1"
}
documented() { # documented PAGE CONSTANT...
    p=$1
    shift
    for c in "$@"; do
        grep -qw "$c" "$doc/$p" || fail "$p does not document $c"
    done
}
documented ixj_errors.3 $(map_rows "$header" IXJ_STATUS_MAP | sed 's/^/IXJ_/')
documented ixj_options.3 $(grep -o 'IXJ_OPT_[A-Z_]*' "$header" | sort -u)
documented ixj_streaming.3 \
    $(map_rows "$header" IXJ_ELEMENT_MAP | sed 's/^/IXJ_ELEMENT_/')
documented libixjob.3 $(map_rows "$header" IXJ_TYPE_MAP | sed 's/^/IXJ_TYPE_/')
documented ixj_types.3 $(map_rows "$types_header" IXJ_ENUM_MAP |
    sed 's/^/IXJ_ENUM_/')

# The structs of types.h, declared alike in ixj_types.3 (comments and
# spacing aside).
declarations() {
    awk '/^typedef struct ixj_[a-z_]* \{/ { on = 1 } on { print }
        /^\} ixj_[a-z_]*;/ { on = 0 }' "$1" |
        sed 's|/\*.*\*/||' | tr -s ' \n' '  '
}
if [ -f "$tmp/ixj_types/structs01.h" ]; then
    cat "$tmp"/ixj_types/structs*.h >"$tmp/structs.h"
    if [ "$(declarations "$types_header")" != \
        "$(declarations "$tmp/structs.h")" ]; then
        fail "ixj_types.3 declares other structs than types.h:"
        declarations "$types_header" | tr ';' '\n' >"$tmp/want"
        declarations "$tmp/structs.h" | tr ';' '\n' >"$tmp/got"
        diff -u "$tmp/want" "$tmp/got"
    fi
else
    fail "ixj_types.3 marks no structs (.\\\" ixj-structs)"
fi

# Every page and link page installed.
for f in $page_list; do
    grep -q "doc/$f\\b" "$IXJOB_SRCDIR/Makefile.am" ||
        fail "doc/$f is not installed (Makefile.am)"
done
for f in "$doc"/links/*.3; do
    grep -q "doc/links/${f##*/}\\b" "$IXJOB_SRCDIR/Makefile.am" ||
        fail "doc/links/${f##*/} is not installed (Makefile.am)"
done

echo "$pages pages, linted by ${lint:-nothing}; $compiled examples compiled, $ran run"
if [ "$failures" -gt 0 ]; then
    echo "$failures failures"
    exit 1
fi
exit 0
