#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""A fake of the indexing-job API for tests/test_curl_client.sh.

It listens on 127.0.0.1 only, on a port the kernel chooses, and writes
that port to --port-file, followed by a second one that is bound but not
listening (connections to it are refused, and no other process can take
it while the server runs). It serves the recorded responses of
tests/http/responses the hard way: slowly, in small pieces of odd sizes
(a short sleep after each, Nagle off so that each leaves on its own), with
chunked transfer encoding or gzip on some routes, error bodies, bodies cut
short and an HTML page from a "gateway". It makes no connection of its
own; the links it writes point back at itself.

Routes (any path may start with /cut, which cuts page 2 of the list,
with /leak, whose page 1 links to the refusing port, or with /slow,
which pauses data_sources for PAUSE_LONG after its first element):

  POST /v2/gen-ai/indexing_jobs            401 without "Authorization:
      Bearer <--token>"; 400 unless the body is a JSON create request
      whose UUIDs look like UUIDs; else 200 {"job"} echoing the request.
  GET  /v2/gen-ai/indexing_jobs?page=N&per_page=M
      three pages of 2, 2 and 1 jobs linked by links.pages.next.
  GET  /v2/gen-ai/indexing_jobs/{uuid}
      2a91d0c8-b7a4-11f1-9e2a-0a58a9feac02  RUNNING, RUNNING, SUCCEEDED
      5b40c7e2-b6ef-11f1-9e2a-0a58a9feac02  RUNNING, FAILED
      00000000-0000-4000-8000-0000000000ba  200, a body that is not valid
      00000000-0000-4000-8000-0000000000ee  PENDING, for ever
      00000000-0000-4000-8000-0000000000c1  200, cut after 60% of its
                                            Content-Length, then closed
      00000000-0000-4000-8000-000000000429  429 error body
      00000000-0000-4000-8000-000000000500  500 error body
      00000000-0000-4000-8000-000000000502  502 text/html from a gateway
      anything else                         404 error body
  GET  /v2/gen-ai/indexing_jobs/{uuid}/data_sources
      {"indexed_data_sources"} for 2a91d0c8-..., else 404.

The poll sequences count requests per job, from the server's start.
Requests are logged to standard error.
"""

import argparse
import gzip
import socket
import json
import os
import re
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

JOBS = "/v2/gen-ai/indexing_jobs"
POLLED = "2a91d0c8-b7a4-11f1-9e2a-0a58a9feac02"
FAILING = "5b40c7e2-b6ef-11f1-9e2a-0a58a9feac02"
UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")

# The sizes of the pieces a body is sent in, in turn: odd, and most of
# them far from any power of two.
PIECES = [1, 7, 3, 29, 13, 61, 2, 17, 5, 43, 11, 97, 19, 37]
PAUSE = 0.001  # seconds after each piece
PAUSE_LONG = 0.4  # seconds in the middle of a /slow body


def error_body(ident, message, request_id):
    return json.dumps(
        {"id": ident, "message": message, "request_id": request_id}
    ).encode()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive and chunked responses
    disable_nagle_algorithm = True
    server_version = "ixjob-test-server/1"
    sys_version = ""

    # ---------------------------------------------------------------- io
    def log_message(self, fmt, *args):
        sys.stderr.write("server: %s\n" % (fmt % args))

    def pieces(self, data):
        i = 0
        n = 0
        while i < len(data):
            size = PIECES[n % len(PIECES)]
            yield data[i : i + size]
            i += size
            n += 1

    def send(self, status, body, ctype="application/json; charset=utf-8",
             mode="length", extra=None, pause_at=None, cut_at=None):
        """Sends a response. mode: length, chunked, gzip (with a length),
        gzip-chunked, cut-length (Content-Length says more than is sent)
        or cut-chunked (no last chunk); both cuts send cut_at bytes (by
        default 60% of the body), then close. pause_at: sleep PAUSE_LONG
        once that many bytes are out."""
        if mode.startswith("gzip"):
            body = gzip.compress(body, mtime=0)
        chunked = mode.endswith("chunked")
        cut = mode.startswith("cut")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        if mode.startswith("gzip"):
            self.send_header("Content-Encoding", "gzip")
        if chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(body)))
        if cut:
            self.send_header("Connection", "close")
            self.close_connection = True
            body = body[: cut_at or len(body) * 6 // 10]
        self.end_headers()
        self.wfile.flush()
        try:
            self.send_body(body, chunked, cut, pause_at)
        except (BrokenPipeError, ConnectionResetError):
            # the client may stop reading a body it knows to be invalid
            self.log_message("the client closed the connection")
            self.close_connection = True

    def send_body(self, body, chunked, cut, pause_at):
        sent = 0
        for piece in self.pieces(body):
            if pause_at is not None and sent < pause_at <= sent + len(piece):
                head = pause_at - sent
                self.send_piece(piece[:head], chunked)
                time.sleep(PAUSE_LONG)
                self.send_piece(piece[head:], chunked)
            else:
                self.send_piece(piece, chunked)
            sent += len(piece)
        if chunked and not cut:
            self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()

    def send_piece(self, piece, chunked):
        if piece:
            if chunked:
                piece = b"%x\r\n%s\r\n" % (len(piece), piece)
            self.wfile.write(piece)
            self.wfile.flush()
            time.sleep(PAUSE)

    def recorded(self, name, **fields):
        path = os.path.join(self.server.responses, name)
        with open(path, "rb") as f:
            data = f.read()
        for key, value in fields.items():
            data = data.replace(b"{%s}" % key.encode(), value.encode())
        return data

    def not_found(self):
        self.send(404, self.recorded("error_404.json"))

    # ------------------------------------------------------------ routes
    def split(self):
        """(prefix, path, query) of the request target."""
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        prefix = ""
        for p in ("/cut", "/leak", "/slow"):
            if path.startswith(p + "/"):
                prefix, path = p, path[len(p):]
        return prefix, path, urllib.parse.parse_qs(url.query)

    def do_GET(self):
        prefix, path, query = self.split()
        if path == JOBS:
            return self.list_page(prefix, query)
        m = re.match(r"^%s/([^/]+)(/data_sources)?$" % re.escape(JOBS), path)
        if not m:
            return self.not_found()
        uuid, sources = m.group(1), m.group(2)
        if sources:
            if uuid != POLLED:
                return self.not_found()
            body = self.recorded("data_sources.json")
            if prefix == "/slow":  # chunked, paused after the first element
                return self.send(200, body, mode="chunked",
                                 pause_at=body.index(b"},") + 2)
            return self.send(200, body, mode="gzip-chunked")
        with self.server.lock:
            count = self.server.polls.get(uuid, 0) + 1
            self.server.polls[uuid] = count
        if uuid == POLLED:
            if count == 1:
                self.send(200, self.recorded("job_running_1.json"),
                          mode="chunked")
            elif count == 2:
                self.send(200, self.recorded("job_running_2.json"),
                          mode="gzip")
            else:
                self.send(200, self.recorded("job_succeeded.json"),
                          mode="gzip-chunked")
        elif uuid == FAILING:
            name = "job_failing.json" if count == 1 else "job_failed.json"
            self.send(200, self.recorded(name), mode="chunked")
        elif uuid.endswith("-0000000000ba"):
            self.send(200, self.recorded("job_invalid.json"), mode="chunked")
        elif uuid.endswith("-0000000000ee"):
            self.send(200, self.recorded("job_pending.json"), mode="gzip")
        elif uuid.endswith("-0000000000c1"):
            self.send(200, self.recorded("job_running_2.json"),
                      mode="cut-length")
        elif uuid.endswith("-000000000429"):
            self.send(429, self.recorded("error_429.json"),
                      extra={"Retry-After": "30"})
        elif uuid.endswith("-000000000500"):
            self.send(500, self.recorded("error_500.json"), mode="chunked")
        elif uuid.endswith("-000000000502"):
            self.send(502, self.recorded("gateway.html"),
                      ctype="text/html")
        else:
            self.not_found()

    def list_page(self, prefix, query):
        try:
            page = int(query.get("page", ["1"])[0])
            per_page = int(query.get("per_page", ["20"])[0])
        except ValueError:
            page = per_page = 0
        if page not in (1, 2, 3) or per_page < 1:
            return self.not_found()
        host, port = self.server.server_address[:2]
        if prefix == "/leak":  # another origin: the port that refuses
            port = self.server.refusing_port
        body = self.recorded("list_page%d.json" % page,
                             base="http://%s:%d%s" % (host, port, prefix),
                             per_page=str(per_page))
        mode = {1: "length", 2: "gzip-chunked", 3: "chunked"}[page]
        cut_at = None
        if prefix == "/cut" and page == 2:
            # in the jobs, which come before the first link: the same
            # bytes whatever the port
            mode = "cut-chunked"
            cut_at = len(self.recorded("list_page2.json")) * 6 // 10
        self.send(200, body, mode=mode, cut_at=cut_at)

    def do_POST(self):
        prefix, path, query = self.split()
        length = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(length)
        if path != JOBS:
            return self.not_found()
        if self.headers.get("Authorization") != "Bearer " + self.server.token:
            return self.send(401, self.recorded("error_401.json"))
        problem = self.check_create(body)
        if problem:
            return self.send(400, error_body(
                "bad_request", problem, "0b5d9e73-61c2-4f0a-b8e4-2a7c3d9f1e56"))
        request = json.loads(body)
        job = json.loads(self.recorded("created.json"))
        job["job"]["knowledge_base_uuid"] = request["knowledge_base_uuid"]
        uuids = request.get("data_source_uuids", [])
        job["job"]["data_source_uuids"] = uuids
        job["job"]["total_datasources"] = len(uuids)
        self.send(200, json.dumps(job, indent=2).encode(), mode="chunked")

    def check_create(self, body):
        """What is wrong with a create request, or None."""
        ctype = self.headers.get("Content-Type", "")
        if ctype.split(";")[0].strip() != "application/json":
            return "Content-Type must be application/json, not %r" % ctype

        def no_duplicates(pairs):
            keys = [k for k, _ in pairs]
            if len(keys) != len(set(keys)):
                raise ValueError("duplicate key")
            return dict(pairs)

        try:
            request = json.loads(body.decode("utf-8"),
                                 object_pairs_hook=no_duplicates)
        except ValueError as e:
            return "the body is not JSON: %s" % e
        if not isinstance(request, dict):
            return "the body is not a JSON object"
        extra = set(request) - {"knowledge_base_uuid", "data_source_uuids"}
        if extra:
            return "unknown fields: %s" % ", ".join(sorted(extra))
        kb = request.get("knowledge_base_uuid")
        if not isinstance(kb, str) or not UUID.match(kb):
            return "knowledge_base_uuid is not a UUID"
        sources = request.get("data_source_uuids", [])
        if not isinstance(sources, list) or not all(
                isinstance(s, str) and UUID.match(s) for s in sources):
            return "data_source_uuids is not an array of UUIDs"
        return None


def watch(parent, lifetime):
    """Ends the process when the parent is gone or the lifetime is over,
    so that a test killed without its trap leaves nothing behind."""
    deadline = time.monotonic() + lifetime
    while time.monotonic() < deadline:
        if parent:
            try:
                os.kill(parent, 0)
            except ProcessLookupError:
                break
            except PermissionError:
                pass
        time.sleep(0.2)
    os._exit(0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port-file", required=True,
                    help="where to write the port chosen")
    ap.add_argument("--responses",
                    default=os.path.join(os.path.dirname(
                        os.path.abspath(__file__)), "responses"))
    ap.add_argument("--token", default="test-token",
                    help="the bearer token POST expects")
    ap.add_argument("--parent", type=int, default=0,
                    help="exit when this process is gone")
    ap.add_argument("--lifetime", type=float, default=120,
                    help="exit after this many seconds in any case")
    args = ap.parse_args()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.responses = args.responses
    server.token = args.token
    server.polls = {}
    server.lock = threading.Lock()
    threading.Thread(target=watch, args=(args.parent, args.lifetime),
                     daemon=True).start()

    port = server.server_address[1]
    refusing = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    refusing.bind(("127.0.0.1", 0))  # no listen(): connections are refused
    server.refusing_port = refusing.getsockname()[1]
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write("%d %d\n" % (port, refusing.getsockname()[1]))
    os.rename(tmp, args.port_file)  # the reader never sees half a number
    sys.stderr.write("server: listening on 127.0.0.1:%d\n" % port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
