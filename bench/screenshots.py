"""Screenshots of the course for the README: the start page, the replication chapter, a Praxis page
and the Labor, each at 1280x800 and 390x844, in the light and the dark scheme, with the page
scrolled to its first simulator (ready, clock paused). Built from the current tree into a
temporary site, served on loopback, taken with Debian's Chromium; written as small PNGs to
docs/img/screens/.

Usage: .venv/bin/python bench/screenshots.py   (needs `make assets` first)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from tests.fixtures.browser import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

# (file name, page, the simulator to show)
PAGES = [
    ("startseite", "", "cluster-ueberblick"),
    ("replikation", "theorie/replikation/", "replikation"),
    ("praxis-boerse", "praxis/boerse/", "labor-producer"),
    ("labor", "labor/", "uebung-sap-partition"),
]
SIZES = {"desktop": (1280, 800), "phone": (390, 844)}
SCHEMES = ("light", "dark")
TOP_UNDER_HEADER = """(el) => {
    const header = document.querySelector('header.md-header').getBoundingClientRect().bottom;
    scrollBy(0, el.getBoundingClientRect().top - header);
}"""


def build_site(out: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out / "kafka-kurs")],
                   cwd=ROOT, check=True, capture_output=True, timeout=300)


def shoot(page, url: str, preset: str, path: Path) -> None:
    page.goto(url)
    root = page.locator(f"div.kafkasim[data-preset={preset}]").first
    root.scroll_into_view_if_needed()
    root.locator("xpath=self::*[@data-sim-state='ready']").wait_for(timeout=120_000)
    page.wait_for_timeout(2_500)  # a few simulated seconds: records in the logs, a stable group
    playing = root.locator(".ksim-play[aria-pressed=true]")
    if playing.count():
        playing.click()
    root.evaluate(TOP_UNDER_HEADER)
    page.wait_for_timeout(400)
    page.screenshot(path=str(path), animations="disabled")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img" / "screens")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        build_site(Path(tmp))
        server = serve(Path(tmp))
        base = f"http://127.0.0.1:{server.server_address[1]}/kafka-kurs/"
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for size, (width, height) in SIZES.items():
                    for scheme in SCHEMES:
                        context = browser.new_context(viewport={"width": width, "height": height},
                                                      color_scheme=scheme, service_workers="block")
                        page = context.new_page()
                        for name, path, preset in PAGES:
                            target = args.out / f"{name}-{size}-{scheme}.png"
                            shoot(page, base + path, preset, target)
                            print(f"{target.relative_to(ROOT)}: {target.stat().st_size // 1024} KB")
                        context.close()
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
