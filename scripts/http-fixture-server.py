#!/usr/bin/env python3
"""The HTTP fixture server for samples that take `{http}` in their .args.

usage: http-fixture-server.py FIXTURE_DIR
Listens on 127.0.0.1 (a free port), prints `http://127.0.0.1:PORT` on its
first line of stdout, and serves until killed. It must answer exactly like
the server in transpiler/tests/golden.rs (same bodies, status codes and
Content-Type):
  GET  /NAME        the file FIXTURE_DIR/NAME (200), Content-Type by extension
  GET  /echo?QUERY  {"method":"GET","query":QUERY,"x-test":HEADER} (application/json)
  POST /echo        the request body back, with the request's Content-Type
  anything else     404 (GET, POST, PUT, PATCH, DELETE), body "Not Found", text/plain; charset=utf-8
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

FIXTURES = sys.argv[1]
TYPES = {".json": "application/json", ".txt": "text/plain; charset=utf-8", ".html": "text/html; charset=utf-8"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def send(self, status, ctype, body):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
        self.close_connection = True

    def not_found(self):
        self.send(404, "text/plain; charset=utf-8", b"Not Found")

    def do_GET(self):
        path, _, query = self.path.partition("?")
        if path == "/echo":
            x_test = self.headers.get("x-test", "")
            body = json.dumps({"method": "GET", "query": query, "x-test": x_test}, separators=(",", ":"))
            return self.send(200, "application/json", body.encode())
        name = path.lstrip("/")
        full = os.path.join(FIXTURES, name)
        if "/" in name or name.startswith(".") or not name or not os.path.isfile(full):
            return self.not_found()
        with open(full, "rb") as f:
            body = f.read()
        self.send(200, TYPES.get(os.path.splitext(name)[1], "application/octet-stream"), body)

    def do_POST(self):
        length = int(self.headers.get("content-length") or 0)
        body = self.rfile.read(length)
        if self.path.partition("?")[0] != "/echo":
            return self.not_found()
        self.send(200, self.headers.get("content-type") or "application/octet-stream", body)

    def do_PUT(self):
        self.rfile.read(int(self.headers.get("content-length") or 0))
        self.not_found()

    do_PATCH = do_PUT
    do_DELETE = do_PUT

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(f"http://127.0.0.1:{server.server_address[1]}", flush=True)
server.serve_forever()
