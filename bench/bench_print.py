"""How many A4 pages each course page prints as, the way a teacher prints it (Ctrl+P in Chromium).

Builds the site, serves it on loopback, opens every page in Debian's Chromium, waits until its
simulators are ready (or failed), and prints it to PDF with Chromium's default A4 settings.
Prints one line per page and the total; asserts nothing.
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fixtures.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

BOOT_TIMEOUT_MS = 90_000


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, help="already built site (default: build one now)")
    parser.add_argument("--only", nargs="*", default=[], help="page paths such as theorie/producer/")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "--site-dir", str(site)],
                           cwd=ROOT, check=True)
        pages = sorted(p.parent.relative_to(site).as_posix() for p in site.rglob("index.html")
                       if "assets" not in p.parts and (p.parent / "index.html").read_text().count("<article"))
        pages = [("" if p == "." else p + "/") for p in pages]
        if args.only:
            pages = [p for p in pages if p in args.only]
        server = serve(site)
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        total = 0
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for path in pages:
                page = browser.new_page()
                page.goto(base + path)
                # Simulators boot when scrolled into view, as when a reader scrolls through.
                sims = page.locator("div.kafkasim")
                for i in range(sims.count()):
                    sims.nth(i).scroll_into_view_if_needed()
                    page.wait_for_function(
                        "([i]) => ['ready', 'error'].includes("
                        "document.querySelectorAll('div.kafkasim')[i].dataset.simState)",
                        arg=[i], timeout=BOOT_TIMEOUT_MS)
                count = pages_of(page.pdf(format="A4"))
                total += count
                print(f"{count:4d}  {path or '(Start)'}")
                page.close()
            browser.close()
        server.shutdown()
        print(f"{total:4d}  gesamt ({len(pages)} Seiten)")


if __name__ == "__main__":
    main()
