"""Screenshots of the Kafka 4.x group views for docs/img/, taken on the built site at 1280×800.

    .venv/bin/python bench/screenshots_groups4.py            # builds the site, writes docs/img/*.png
    .venv/bin/python bench/screenshots_groups4.py --out /tmp  # somewhere else

Each shot clicks what the chapter (docs/theorie/share-gruppen.md) tells the learner to click, then
photographs the simulator: the share group with records in all four states, and the KIP-848
group while it reconciles next to the classic group's eager rebalance. One viewport each (about
160 KB), not the whole page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.bench_web import SUBPATH, build_site, serve  # noqa: E402
from tests.fixtures.browser import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

CHAPTER = "theorie/share-gruppen/"
VIEWPORT = {"width": 1280, "height": 800}
BOOT_MS = 120_000
STEP_MS = 20_000


def ready(page, preset: str):
    root = page.locator(f"div.kafkasim[data-preset='{preset}']")
    root.scroll_into_view_if_needed()
    page.wait_for_function(f"() => document.querySelector(\"div.kafkasim[data-preset='{preset}']\").dataset.simState === 'ready'",
                           timeout=BOOT_MS)
    return root


def click(root, name: str, expect: str):
    """Clicks the button named `name` and waits until `expect` is said next to it."""
    button = root.get_by_role("button", name=name, exact=True)
    button.click()
    root.locator(".ksim-feedback", has_text=expect).first.wait_for(timeout=STEP_MS)


def share_view(page, out: Path):
    root = ready(page, "share-gruppe")
    click(root, "Share-Gruppe hinzufügen", "tritt der Share-Gruppe lager bei")
    click(root, "Mitglied hinzufügen", "lager-2 tritt")
    click(root, "Abholen: lager-1", "Offset 0 (Zustellversuch 1)")
    click(root, "Abholen: lager-2", "Offset 2 (Zustellversuch 1)")
    click(root, "Bestätigen: Offset 0 (lager-1)", "bestätigt")
    click(root, "Ablehnen: Offset 1 (lager-1)", "archiviert")
    click(root, "Abholen: lager-1", "Offset 4")
    photograph(page, root.locator(".ksim-diagram-panel"), out / "share-gruppe.png")


def kip848_view(page, out: Path):
    root = ready(page, "kip848-rebalancing")
    form = root.locator("form[name=consumer]")
    form.get_by_role("button", name="Consumer hinzufügen").click()
    form.locator(".ksim-feedback", has_text="tritt der Gruppe kursalarm bei").wait_for(timeout=STEP_MS)
    click(root, "Consumer hinzufügen (Typ consumer)", "C tritt der Gruppe depot-neu bei")
    diagram = root.locator(".ksim-diagram")
    for _ in range(6):  # the chapter: „einige Male auf Einzelschritt“, until the classic group stops
        if "alle Mitglieder angehalten" in diagram.text_content():
            break
        root.get_by_role("button", name="Einzelschritt").click()
        page.wait_for_timeout(400)
    page.wait_for_function("(el) => el.textContent.includes('gibt ab') && el.textContent.includes('angehalten')",
                           arg=diagram.element_handle(), timeout=STEP_MS)
    photograph(page, root.locator(".ksim-diagram-panel"), out / "kip848-rebalancing.png")


def photograph(page, element, path: Path):
    """The simulator from its title down, in a 1280×800 screen."""
    # Material's "back to top" pill shows after scrolling up; it would cover the simulator's title.
    page.add_style_tag(content=".md-top { display: none !important; }")
    page.wait_for_timeout(300)  # the drawing follows the answer in the next frame
    top = element.locator("xpath=ancestor::div[contains(@class, 'kafkasim')]").bounding_box()["y"]
    page.evaluate("(y) => window.scrollBy(0, y)", top - 56)
    page.wait_for_timeout(200)
    page.screenshot(path=str(path))
    print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: {path.stat().st_size // 1024} KiB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "img")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        webroot = Path(tmp)
        build_site(webroot)
        server = serve(webroot)
        url = f"http://127.0.0.1:{server.server_address[1]}/{SUBPATH}/{CHAPTER}"
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                for shoot in (share_view, kip848_view):
                    page = browser.new_page(viewport=VIEWPORT)
                    page.goto(url)
                    try:
                        shoot(page, args.out)
                    except Exception:
                        # What the page said, to see which step went wrong.
                        print("\n".join(page.locator(".ksim-feedback, .ksim-status").all_inner_texts()), file=sys.stderr)
                        page.screenshot(path=str(args.out / f"failed-{shoot.__name__}.png"), full_page=True)
                        raise
                    page.close()
                browser.close()
        finally:
            server.shutdown()


if __name__ == "__main__":
    main()
