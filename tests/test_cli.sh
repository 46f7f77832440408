#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Command-level tests of ixjob, driving the built binary:
#   1. the cases of tests/cli/cases (exit status, exact stdout and stderr),
#      each validate case again with --chunk-size=1 and =7 (same output);
#   2. the policy corpus: ixjob's report agrees with every expectation
#      that the command can express, whole and fed 1, 2 and 7 bytes at a
#      time;
#   3. the API examples of tests/data/examples: validate agrees with
#      outcomes.expect there, whole and fed 1 and 7 bytes at a time; every
#      file is listed and every listed file is there; dump's output
#      validates, as the same type, and dumps to itself;
#   4. the canonical cases: dump writes tests/canonical/*.out and .pretty.
# Every chunked run is made twice: as the decoder runs by default, which
# gathers small pieces before scanning them, and with --no-gather, which
# makes each piece reach the scanner as it arrives.
#
# IXJOB_CLI_WRAPPER (e.g. valgrind) runs before the binary when set;
# IXJOB_TEST_QUICK samples the corpus.
set -u

: "${IXJOB_BUILDDIR:?run by make check}" "${IXJOB_TESTS_DIR:?run by make check}"
# The built command is libtool's wrapper script around the real program
# (it links the uninstalled shared library), and running that script
# costs ten times what the command does. libtool resolves it once for the
# whole script: its execute mode runs this script again with the real
# program as $1 and the library's directory on the loader's path.
if [ -z "${IXJOB_CLI_RESOLVED:-}" ] && [ -x "$IXJOB_BUILDDIR/libtool" ]; then
    IXJOB_CLI_RESOLVED=1
    export IXJOB_CLI_RESOLVED
    exec "$IXJOB_BUILDDIR/libtool" --mode=execute sh "$0" \
        "$IXJOB_BUILDDIR/cli/ixjob"
fi
IXJOB="${IXJOB_CLI_WRAPPER:-} ${1:-$IXJOB_BUILDDIR/cli/ixjob}"
tmp=$(mktemp -d) || exit 99
trap 'rm -rf "$tmp"' EXIT INT TERM
failures=0
checks=0
# Feeds that must not change a report; fewer when sampling (valgrind).
case_chunks="1 7"
corpus_chunks="1 2 7"
sample=1
corpus_stride=1
if [ -n "${IXJOB_TEST_QUICK:-}" ]; then
    case_chunks=7
    corpus_chunks=7
    sample=4
    corpus_stride=9
fi

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# same NAME FILE-EXPECTED FILE-GOT: compares, showing the difference.
same() {
    checks=$((checks + 1))
    if ! cmp -s "$2" "$3"; then
        fail "$1"
        diff -u "$2" "$3" | head -n 30
    fi
}

# Turns JSON report lines into "FILE | OUTCOME", the form the corpus and
# the examples' expectations are written in: "ok TYPE unknown=N
# unrecognized=N" or "CODE PATH OFFSET" (plus " LINE:COLUMN" with
# positions=1).
normalize() {
    awk -v positions="$1" '
    function jstr(key,   s, i, c, out) {
        if (!match($0, "\"" key "\":\"([^\"\\\\]|\\\\.)*\""))
            return "?"
        s = substr($0, RSTART + length(key) + 4, RLENGTH - length(key) - 5)
        out = ""
        for (i = 1; i <= length(s); i++) {
            c = substr(s, i, 1)
            if (c == "\\") {
                i++
                c = substr(s, i, 1)
            }
            out = out c
        }
        return out
    }
    function jnum(key) {
        if (!match($0, "\"" key "\":[0-9]+"))
            return "?"
        return substr($0, RSTART + length(key) + 3, RLENGTH - length(key) - 3)
    }
    {
        if (index($0, "\"valid\":true") > 0) {
            outcome = "ok " jstr("type") " unknown=" jnum("unknown_fields") \
                " unrecognized=" jnum("unrecognized_enums")
        } else {
            outcome = jstr("code") " " jstr("path") " " jnum("offset")
            if (positions)
                outcome = outcome " " jnum("line") ":" jnum("column")
        }
        print jstr("file") " | " outcome
    }'
}

# ------------------------------------------------------------ 1. cases
cases_dir="$IXJOB_TESTS_DIR/cli"
cd "$cases_dir" || exit 99
while IFS='|' read -r name want args; do
    case "$name" in '' | '#'*) continue ;; esac
    eval "$IXJOB $args" >"$tmp/out" 2>"$tmp/err"
    got=$?
    checks=$((checks + 1))
    [ "$got" = "$want" ] || fail "$name: exit status $got, want $want"
    for stream in out err; do
        expected="expect/$name.$stream"
        [ -f "$expected" ] || expected=/dev/null
        same "$name: std$stream" "$expected" "$tmp/$stream"
    done
    case "$args" in
    validate*)
        for chunk in $case_chunks; do
            for gather in "" " --no-gather"; do
                rest=${args#validate}
                how="--chunk-size=$chunk$gather"
                eval "$IXJOB validate $how $rest" >"$tmp/cout" 2>"$tmp/cerr"
                status=$?
                checks=$((checks + 1))
                [ $status = "$got" ] || fail "$name $how: exit status $status"
                same "$name $how: stdout" "$tmp/out" "$tmp/cout"
                same "$name $how: stderr" "$tmp/err" "$tmp/cerr"
            done
        done
        ;;
    esac
done <cases

# ------------------------------------------------------------ 2. corpus
# Each expectation's first lines give its options and outcome; cases that
# set a limit are the library's alone (the command has no limit options).
cd "$IXJOB_TESTS_DIR/corpus" || exit 99
awk -v stride="$corpus_stride" '
    FNR == 1 { n++; args = ""; strict = (FILENAME ~ /\.strict\.expect$/) }
    FNR == 1 && /^args: / { args = substr($0, 7); next }
    FNR <= 2 && !done[FILENAME]++ {
        if (args ~ /--max-/ || n % stride != 0)
            next
        file = FILENAME
        sub(/(\.strict)?\.expect$/, ".json", file)
        if ($1 == "ok") {
            sub(/^unknown_fields=/, "", $3)
            sub(/^unrecognized_enums=/, "", $4)
            outcome = "ok " $2 " unknown=" $3 " unrecognized=" $4
        } else {
            path = $0
            sub(/^error [a-z_]+ at /, "", path)
            sub(/ offset=[0-9]+ line=[0-9]+ column=[0-9]+$/, "", path)
            split($NF, col, "=")
            split($(NF - 1), line, "=")
            split($(NF - 2), off, "=")
            outcome = $2 " " path " " off[2] " " line[2] ":" col[2]
        }
        opts = (strict ? "--strict " : "") args
        print opts "\t" file "\t" file " | " outcome
    }' */*.expect >"$tmp/plan"
[ -s "$tmp/plan" ] || fail "corpus: no cases found"
tab=$(printf '\t')
cut -f1 "$tmp/plan" | sort -u >"$tmp/optsets"
while IFS= read -r opts; do
    awk -F"$tab" -v o="$opts" '$1 == o { print $2 }' "$tmp/plan" >"$tmp/files"
    awk -F"$tab" -v o="$opts" '$1 == o { print $3 }' "$tmp/plan" >"$tmp/want"
    # shellcheck disable=SC2046 # file names have no spaces
    $IXJOB validate --format=json $opts $(cat "$tmp/files") >"$tmp/whole"
    normalize 1 <"$tmp/whole" >"$tmp/got"
    same "corpus [$opts]: reports agree with the expectations" \
        "$tmp/want" "$tmp/got"
    for chunk in $corpus_chunks; do
        for gather in "" --no-gather; do
            # shellcheck disable=SC2046
            $IXJOB validate --format=json --chunk-size=$chunk $gather $opts \
                $(cat "$tmp/files") >"$tmp/chunked"
            same "corpus [$opts] --chunk-size=$chunk $gather: same report" \
                "$tmp/whole" "$tmp/chunked"
        done
    done
done <"$tmp/optsets"

# ---------------------------------------------------------- 3. examples
# All of them are in the tree: a missing file or directory fails.
examples="$IXJOB_TESTS_DIR/data/examples"
outcomes="$examples/outcomes.expect"
cd "$examples" || exit 99
grep -v '^#' "$outcomes" | cut -d' ' -f1 | sort >"$tmp/listed"
ls -- *.json invalid/*.json 2>/dev/null | sort >"$tmp/present"
same "examples: outcomes.expect lists exactly the files there" \
    "$tmp/listed" "$tmp/present"
[ "$(wc -l <"$tmp/listed")" -ge 36 ] ||
    fail "examples: only $(wc -l <"$tmp/listed") files listed"
for mode in default strict; do
    field=2
    opt=
    if [ $mode = strict ]; then
        field=3
        opt=--strict
    fi
    grep -v '^#' "$outcomes" |
        awk -F' [|] ' -v f=$field '{ print $1 " | " $f }' >"$tmp/want"
    # shellcheck disable=SC2046
    $IXJOB validate --format=json $opt $(cut -d' ' -f1 "$tmp/want") |
        normalize 0 >"$tmp/got"
    same "examples ($mode): reports agree with outcomes.expect" \
        "$tmp/want" "$tmp/got"
    for chunk in $case_chunks; do
        for gather in "" --no-gather; do
            # shellcheck disable=SC2046
            $IXJOB validate --format=json --chunk-size=$chunk $gather $opt \
                $(cut -d' ' -f1 "$tmp/want") | normalize 0 >"$tmp/chunked"
            same "examples ($mode) --chunk-size=$chunk $gather: same reports" \
                "$tmp/want" "$tmp/chunked"
        done
    done
done
n=0
for f in *.json invalid/*.json; do
    n=$((n + 1))
    [ $((n % sample)) = 0 ] || continue
    if $IXJOB validate --quiet "$f" >/dev/null; then
        $IXJOB dump "$f" >"$tmp/dump" 2>"$tmp/err"
        status=$?
        checks=$((checks + 1))
        [ $status = 0 ] || fail "dump $f: exit status $status"
        [ -s "$tmp/err" ] && fail "dump $f: wrote to stderr"
        # the same type and unrecognized enums (kept as raw text);
        # unknown fields are dropped
        $IXJOB validate --format=json "$f" | normalize 0 |
            sed 's/^[^|]*|/- |/; s/unknown=[0-9]*/unknown=0/' >"$tmp/want"
        $IXJOB validate --format=json - <"$tmp/dump" |
            normalize 0 >"$tmp/got"
        same "dump $f: the output is valid, as the same type" \
            "$tmp/want" "$tmp/got"
        $IXJOB dump <"$tmp/dump" >"$tmp/again"
        same "dump $f: dumping the output gives it back" \
            "$tmp/dump" "$tmp/again"
        $IXJOB dump --pretty "$f" >"$tmp/pretty"
        $IXJOB dump <"$tmp/pretty" >"$tmp/again"
        same "dump --pretty $f: the same value" "$tmp/dump" "$tmp/again"
    else
        $IXJOB dump "$f" >"$tmp/dump" 2>"$tmp/err"
        status=$?
        checks=$((checks + 1))
        [ $status = 1 ] || fail "dump $f (invalid): exit status $status"
        [ -s "$tmp/dump" ] && fail "dump $f (invalid): wrote output"
        grep -q "^$f:[0-9]*:[0-9]*: error: " "$tmp/err" ||
            fail "dump $f (invalid): no error line on stderr"
    fi
done

# --------------------------------------------------------- 4. canonical
cd "$IXJOB_TESTS_DIR/canonical" || exit 99
for f in *.json; do
    base=${f%.json}
    # an input that no key identifies names its type (README.md there)
    type=
    [ -f "$base.type" ] && type=--type=$(cat "$base.type")
    $IXJOB dump $type "$f" >"$tmp/out"
    same "dump $f: canonical bytes" "$base.out" "$tmp/out"
    if [ -f "$base.pretty" ]; then
        $IXJOB dump --pretty $type "$f" >"$tmp/out"
        same "dump --pretty $f: canonical bytes" "$base.pretty" "$tmp/out"
    fi
done

echo "$checks checks, $failures failed"
[ "$failures" = 0 ]
