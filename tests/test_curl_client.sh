#!/bin/sh
# SPDX-License-Identifier: MIT
#
# The libcurl client (examples/curl_client) against tests/http/server.py,
# a fake of the API on 127.0.0.1 that sends its recorded responses slowly,
# in odd-sized pieces, chunked, gzipped, cut short, as error bodies or as
# HTML: for each case of tests/http/cases, the exit status and the exact
# stdout and stderr. Then, that a data source is printed while the rest
# of its body is still on the way.
#
# Nothing here leaves 127.0.0.1: the client is given the server's URL,
# proxies from the environment are dropped, and the client follows links
# only on the origin it was given. The server is stopped on every exit
# (and stops by itself when this shell is gone).
# IXJOB_CLI_WRAPPER (e.g. valgrind) runs before the client when set.
# IXJOB_UPDATE_EXPECT=1 rewrites tests/http/expect from what the client
# prints (review the diff before committing it).
set -u

: "${IXJOB_BUILDDIR:?run by make check}" "${IXJOB_TESTS_DIR:?run by make check}"
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 not found"
    exit 77
fi
CLIENT="${IXJOB_CLI_WRAPPER:-} $IXJOB_BUILDDIR/examples/curl_client"
cases_dir="$IXJOB_TESTS_DIR/http"

tmp=$(mktemp -d) || exit 99
server_pid=
stop_server() {
    if [ -n "$server_pid" ]; then
        kill "$server_pid" 2>/dev/null
        wait "$server_pid" 2>/dev/null
        server_pid=
    fi
}
trap 'stop_server; rm -rf "$tmp"' EXIT
trap 'exit 1' INT TERM HUP

unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY all_proxy \
    NO_PROXY no_proxy CURL_HOME
python3 "$cases_dir/server.py" --port-file "$tmp/port" --parent $$ \
    2>"$tmp/server.log" &
server_pid=$!
i=0
while [ ! -s "$tmp/port" ]; do
    i=$((i + 1))
    if [ $i -gt 100 ] || ! kill -0 "$server_pid" 2>/dev/null; then
        echo "FAIL: the test server did not start"
        cat "$tmp/server.log"
        exit 99
    fi
    sleep 0.1
done
read -r port refused_port <"$tmp/port"
API="http://127.0.0.1:$port"
REFUSED="http://127.0.0.1:$refused_port"
DIGITALOCEAN_API_URL=$API
DIGITALOCEAN_TOKEN=test-token
export DIGITALOCEAN_API_URL DIGITALOCEAN_TOKEN

failures=0
checks=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# The varying parts of an output: the ports, curl's timings.
normalize() {
    sed -e "s/127\.0\.0\.1:$port/127.0.0.1:PORT/g" \
        -e "s/127\.0\.0\.1:$refused_port/127.0.0.1:REFUSED/g" \
        -e "s/port $refused_port /port REFUSED /g" \
        -e 's/after [0-9]* ms/after N ms/g' "$1"
}

while IFS='|' read -r name want command; do
    case "$name" in '' | '#'*) continue ;; esac
    eval "$command" >"$tmp/out.raw" 2>"$tmp/err.raw"
    got=$?
    checks=$((checks + 1))
    [ "$got" = "$want" ] || fail "$name: exit status $got, want $want"
    for stream in out err; do
        normalize "$tmp/$stream.raw" >"$tmp/$stream"
        expected="$cases_dir/expect/$name.$stream"
        if [ -n "${IXJOB_UPDATE_EXPECT:-}" ]; then
            rm -f "$expected"
            [ -s "$tmp/$stream" ] && cp "$tmp/$stream" "$expected"
        fi
        [ -f "$expected" ] || expected=/dev/null
        checks=$((checks + 1))
        if ! cmp -s "$expected" "$tmp/$stream"; then
            fail "$name: std$stream"
            diff -u "$expected" "$tmp/$stream" | head -n 30
        fi
    done
done <"$cases_dir/cases"

# Streaming: the server pauses after the first data source; the client
# prints it before the chunks that follow the pause (stdout is line
# buffered, --verbose writes each chunk's size to stderr, both into one
# file, so their order is the order of events).
checks=$((checks + 1))
$CLIENT --verbose --api-url="$API/slow" \
    sources 2a91d0c8-b7a4-11f1-9e2a-0a58a9feac02 >"$tmp/both" 2>&1
awk '/ bytes$/ { chunks++; if (seen) after++ }
     /^source / && !seen { seen = 1 }
     END { exit !(seen && after > 0 && chunks > 2) }' "$tmp/both" ||
    {
        fail "sources: the first data source is not printed before the end of its body"
        cat "$tmp/both"
    }

stop_server
if [ "$failures" != 0 ]; then
    echo "server log:"
    cat "$tmp/server.log"
fi
echo "$checks checks, $failures failed"
[ "$failures" = 0 ]
