#!/usr/bin/env python3
"""Startet den Kafka-Kurs auf diesem Rechner: python3 kurs-starten.py (Windows: py kurs-starten.py).

Nur Pythons Standardbibliothek, keine Installation. Der Kurs liegt im Ordner „kurs“ neben dieser
Datei und ist danach unter http://127.0.0.1:8000/ erreichbar; Strg+C beendet den Server.
"""

# This file ships inside the classroom bundle (as kurs-starten.py), so it must run on any Python
# from 3.8 on. `python -m http.server` is not enough: its content types come from the operating
# system, and browsers refuse Pyodide's .mjs and .wasm files served as text/plain or
# application/octet-stream (Windows' registry and macOS lack a mapping for .mjs on older Pythons).
# It also compresses text and WebAssembly with gzip, as any web server that hosts the course would:
# over a classroom's shared Wi-Fi the first visit moves about a third of the bytes (Pyodide's
# runtime 9.6 MB -> 3 MB, Material's stylesheet 138 KB -> 23 KB).

import argparse
import datetime
import email.utils
import functools
import gzip
import http.server
import io
import os
import socket
import sys
import webbrowser
from http import HTTPStatus
from pathlib import Path

HERE = Path(__file__).resolve().parent
SITE = HERE / "kurs"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".wasm": "application/wasm",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".zip": "application/zip",
    ".whl": "application/zip",
    ".gz": "application/gzip",
    ".py": "text/plain; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
}


# Already compressed (zip, wheel, gzip, PNG) or tiny: sent as they are.
COMPRESSIBLE = {".html", ".js", ".mjs", ".css", ".json", ".wasm", ".svg", ".py", ".txt", ".xml", ".map"}


@functools.lru_cache(maxsize=512)
def gzipped(path, mtime_ns, size):
    """A file's gzip body, compressed once per version of the file (mtime and size are the key)."""
    with open(path, "rb") as file:
        return gzip.compress(file.read(), compresslevel=6, mtime=0)


class CourseHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

    def send_head(self):
        """A file the browser accepts compressed comes gzipped; everything else (folders that need a
        trailing slash, missing files, already compressed types) as SimpleHTTPRequestHandler sends it."""
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].split("#", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepted = self.headers.get("Accept-Encoding", "")
        if (os.path.splitext(path)[1] not in COMPRESSIBLE or not os.path.isfile(path)
                or "gzip" not in [part.split(";")[0].strip() for part in accepted.split(",")]):
            return super().send_head()
        stat = os.stat(path)
        since = self.headers.get("If-Modified-Since")
        if since and "If-None-Match" not in self.headers:  # as SimpleHTTPRequestHandler decides
            try:
                when = email.utils.parsedate_to_datetime(since)
                if when.tzinfo is None:
                    when = when.replace(tzinfo=datetime.timezone.utc)
                if int(stat.st_mtime) <= when.timestamp():
                    self.send_response(HTTPStatus.NOT_MODIFIED)
                    self.send_header("Vary", "Accept-Encoding")
                    self.end_headers()
                    return None
            except (TypeError, ValueError, IndexError, OverflowError):
                pass  # a malformed date: send the file
        body = gzipped(path, stat.st_mtime_ns, stat.st_size)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, format, *args):  # one line per request would drown the address
        pass


def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="kurs-starten.py",
        description="Startet den Kafka-Kurs als kleinen Webserver auf diesem Rechner.")
    parser.add_argument("--port", type=int, default=8000,
                        help="Port (Standard: 8000; ist er belegt, wird ein freier gewählt)")
    parser.add_argument("--im-netz", action="store_true",
                        help="auch für andere Rechner im selben Netz erreichbar (z. B. im Klassenraum)")
    parser.add_argument("--ohne-browser", action="store_true", help="keinen Browser öffnen")
    return parser.parse_args(argv)


def make_server(host, port):
    handler = functools.partial(CourseHandler, directory=str(SITE))
    try:
        return http.server.ThreadingHTTPServer((host, port), handler)
    except OSError:
        if port == 0:
            raise
        print(f"Port {port} ist belegt – es wird ein freier Port gewählt.")
        return http.server.ThreadingHTTPServer((host, 0), handler)


def lan_address():
    """This machine's address as other machines in the network may reach it, if the name says so."""
    try:
        address = socket.gethostbyname(socket.gethostname())
    except OSError:
        return None
    return None if address.startswith("127.") else address


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if not (SITE / "index.html").is_file():
        print(f"Fehler: Der Kursordner fehlt: {SITE}. Bitte das Archiv vollständig entpacken.", file=sys.stderr)
        return 1
    host = "0.0.0.0" if args.im_netz else "127.0.0.1"
    try:
        server = make_server(host, args.port)
    except OSError as error:
        print(f"Fehler: Der Server kann nicht starten ({error}).", file=sys.stderr)
        return 1
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(f"Der Kafka-Kurs läuft unter {url}", flush=True)
    if args.im_netz:
        address = lan_address()
        where = address or "<Adresse dieses Rechners>"
        print(f"Andere Rechner im Netz öffnen: http://{where}:{server.server_address[1]}/", flush=True)
    print("Beenden mit Strg+C.", flush=True)
    if not args.ohne_browser:
        webbrowser.open(url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nKurs beendet.")
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
