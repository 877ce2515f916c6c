"""`make pdf`: the whole course as one PDF with a table of contents and PDF bookmarks.

mkdocs-print-site-plugin joins every page into one print page; Debian's Chromium (through
Playwright, as in the browser tests) prints it with the course's print stylesheet. Simulators print
as a note (classroom/druckbild.py), and the simulator's scripts are not even loaded: nothing is
fetched from anywhere but the loopback server of the just-built site.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import sys
import tempfile
import threading
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.utils.yaml import yaml_load

from classroom.course import ROOT
from classroom.kurs_starten import CourseHandler

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
PRINT_PAGE = "print_page"
# print-site's stylesheet numbers pages in English ("Page 3"); the last rule wins.
PAGE_NUMBERS = "@page { @bottom-right { content: 'Seite ' counter(page) ' von ' counter(pages); } }"


PRINT_SITE = {
    "print_page_title": "Gesamtausgabe",
    "print_page_basename": PRINT_PAGE,
    "add_table_of_contents": True,
    "toc_title": "Inhaltsverzeichnis",
    "toc_depth": 2,
    # The course numbers its own headings ("1. Serialisierung"); figures have captions.
    "enumerate_headings": False,
    "enumerate_figures": False,
    "add_cover_page": True,
    "cover_page_template": "classroom/deckblatt.tpl",
    # A learner's own record: empty in a course handed out on paper; it prints itself from its page.
    "exclude": ["fortschritt.md"],
}


def build_print_site(site_dir: Path) -> None:
    """The course with one more page, print_page/, that holds every chapter in navigation order."""
    previous = Path.cwd()
    os.chdir(ROOT)  # paths in mkdocs.yml are relative to the repository
    try:
        with open(ROOT / "mkdocs.yml", encoding="utf-8") as f:
            plugins = list(yaml_load(f).get("plugins", []))
        # Last among the plugins (hooks come after them), as the plugin requires.
        plugins.append({"print-site": PRINT_SITE})
        cfg = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), strict=True, plugins=plugins)
        build(cfg)
    finally:
        os.chdir(previous)


def _serve(directory: Path) -> http.server.ThreadingHTTPServer:
    handler = functools.partial(CourseHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def print_pdf(site_dir: Path, pdf: Path, timeout_ms: int = 120_000) -> None:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError(f"{CHROMIUM} fehlt: `make pdf` installiert Debians chromium.")
    server = _serve(site_dir)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.set_default_timeout(timeout_ms)

            def route(request):
                # Only the local site, and none of the simulator's code: on paper it is a note.
                url = request.request.url
                if not url.startswith(base) or "/assets/kafkasim/" in url:
                    request.abort()
                else:
                    request.continue_()

            page.route("**/*", route)
            page.goto(base + PRINT_PAGE + "/", wait_until="load")
            # print-site.js copies the table of contents into the page once the page has loaded.
            page.wait_for_selector("#print-page-toc nav ul", state="attached")
            page.add_style_tag(content=PAGE_NUMBERS)
            pdf.parent.mkdir(parents=True, exist_ok=True)
            # Page size and margins come from the stylesheets (@page); outline = PDF bookmarks.
            page.pdf(path=str(pdf), prefer_css_page_size=True, outline=True, tagged=True, print_background=True)
            browser.close()
    finally:
        server.shutdown()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m classroom.pdf",
                                     description="Druckt den ganzen Kurs in eine PDF-Datei mit Inhaltsverzeichnis.")
    parser.add_argument("--out", type=Path, default=ROOT / "dist" / "kafka-kurs.pdf",
                        help="PDF-Datei (Standard: dist/kafka-kurs.pdf)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        try:
            build_print_site(site)
            print_pdf(site, args.out.resolve())
        except (Abort, RuntimeError) as error:
            print(f"Fehler: {error}", file=sys.stderr)
            return 1
    print(f"Kurs als PDF: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
