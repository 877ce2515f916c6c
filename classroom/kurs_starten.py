#!/usr/bin/env python3
"""Startet den Kafka-Kurs auf diesem Rechner: python3 kurs-starten.py (Windows: py kurs-starten.py).

Nur Pythons Standardbibliothek, keine Installation. Der Kurs liegt im Ordner „kurs“ neben dieser
Datei und ist danach unter http://127.0.0.1:8000/ erreichbar; Strg+C beendet den Server.
"""

# This file ships inside the classroom bundle (as kurs-starten.py), so it must run on any Python
# from 3.8 on. `python -m http.server` is not enough: its content types come from the operating
# system, and browsers refuse Pyodide's .mjs and .wasm files served as text/plain or
# application/octet-stream (Windows' registry and macOS lack a mapping for .mjs on older Pythons).

import argparse
import functools
import http.server
import socket
import sys
import webbrowser
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


class CourseHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **TYPES}

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
