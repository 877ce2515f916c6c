"""Offline after the first visit: a reader opens the course once, the footer says it is ready for
offline use, the network goes away, and every page, the search and a simulator still work; a newer
build replaces the old one whole; `mkdocs serve` removes a worker that a build left behind.

The course is served by a server that records every request it gets: "loads nothing from the
network" is checked there, not only in the browser.
"""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urljoin

import pytest

from classroom.offline import precache_manifest
from tests.fixtures.browser import ROOT, SUBPATH

pytestmark = pytest.mark.browser

READY_TEXT = "Offline bereit"
UPDATE_TEXT = "Eine neue Fassung des Kurses ist gespeichert."
FIRST_VISIT_MS = 180_000
SIM_READY = "div.kafkasim[data-sim-state=ready]"


class RecordingServer(http.server.ThreadingHTTPServer):
    """Serves `webroot` (which can be swapped for another build) and records each request."""

    daemon_threads = True

    def __init__(self, webroot: Path, prefix: str = SUBPATH):
        self.webroot = webroot
        self.prefix = prefix
        self.seen: list[tuple[float, str, int]] = []
        super().__init__(("127.0.0.1", 0), _Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{self.prefix}"

    def handle_error(self, request, client_address):
        pass  # a browser that leaves a page drops the downloads it no longer needs

    def paths_since(self, start: float) -> list[str]:
        return [path for at, path, _ in self.seen if at >= start]


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".mjs": "text/javascript", ".js": "text/javascript", ".wasm": "application/wasm"}

    def __init__(self, request, client_address, server):
        super().__init__(request, client_address, server, directory=str(server.webroot))

    def log_request(self, code="-", size="-"):
        self.server.seen.append((time.time(), self.path, int(getattr(code, "value", code))))

    def log_message(self, *args):
        pass


def webroot_of(site: Path, into: Path) -> Path:
    shutil.copytree(site, into / SUBPATH.strip("/"))
    return into


def build_variant(out: Path, copyright: str) -> Path:
    """The course built again, as `make build` does, with a different footer line: a newer build."""
    code = ("import sys\nfrom mkdocs.config import load_config\nfrom mkdocs.commands.build import build\n"
            "build(load_config('mkdocs.yml', site_dir=sys.argv[1], copyright=sys.argv[2], strict=True))")
    proc = subprocess.run([sys.executable, "-c", code, str(out), copyright], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


def pages_of(site: Path) -> list[str]:
    """Every page's address relative to the site root, from the built files."""
    return sorted(p.parent.relative_to(site).as_posix() + "/" if p.parent != site else ""
                  for p in site.rglob("index.html") if "assets" not in p.parts)


def wait_until_offline_ready(page) -> None:
    page.locator(".md-footer-meta").get_by_text(READY_TEXT).wait_for(timeout=FIRST_VISIT_MS)


def cached_urls(page) -> set[str]:
    return set(page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
        }
        return urls;
    }"""))


def expected_cache(site: Path, base: str) -> set[str]:
    """Workbox's cache keys for a build: each file's URL with its revision."""
    return {urljoin(base, f"{entry['url']}?__WB_REVISION__={entry['revision']}") for entry in precache_manifest(site)}


@pytest.fixture
def server(built_site, tmp_path):
    srv = RecordingServer(webroot_of(built_site, tmp_path / "a"))
    yield srv
    srv.shutdown()
    srv.server_close()


def test_second_visit_needs_no_network(reader, server, built_site):
    page = reader
    page.goto(server.url + "labor/")
    page.locator(SIM_READY).first.wait_for(timeout=FIRST_VISIT_MS)
    wait_until_offline_ready(page)

    page.context.set_offline(True)
    offline_since = time.time()
    failed: list[str] = []
    # Leaving a page aborts what it still loads (Material's search worker): that is no failure.
    page.context.on("requestfailed", lambda request: failed.append(f"{request.url} {request.failure}")
                    if "ERR_ABORTED" not in (request.failure or "") else None)
    for address in pages_of(built_site):
        page.goto(server.url + address)
        assert page.locator("article h1").first.inner_text().strip(), address
        page.locator(".md-footer-meta").get_by_text(READY_TEXT).wait_for(timeout=10_000)

    # The search works on its precached index.
    page.goto(server.url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.keyboard.type("Replikat")
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)

    # A simulator boots from the cache and answers a reader's record.
    page.goto(server.url + "labor/")
    simulator = page.locator("div.kafkasim").first
    page.locator(SIM_READY).first.wait_for(timeout=60_000)
    produce = simulator.locator("details[data-control=produce]")
    if produce.get_attribute("open") is None:
        produce.locator("summary").click()
    produce.get_by_label("Schlüssel").fill("SAP")
    produce.get_by_role("button", name="Senden").click()
    simulator.get_by_role("status").get_by_text("Gesendet an aktienkurse").first.wait_for(timeout=30_000)

    assert not failed, f"Offline nicht geladen: {failed}"
    # Only the browser's own update check of the worker script may try the network; offline it fails
    # quietly, and the cache keeps serving.
    asked = [path for path in server.paths_since(offline_since) if path != SUBPATH + "sw.js"]
    assert asked == [], "Offline wurde der Server gefragt"


def test_precaching_waits_until_the_first_simulator_is_ready(reader, server):
    page = reader
    page.add_init_script("""
        new MutationObserver(() => {
            if (!window.simReadyAt && document.querySelector('div.kafkasim[data-sim-state=ready]')) window.simReadyAt = Date.now();
        }).observe(document, {subtree: true, attributes: true, attributeFilter: ['data-sim-state']});
    """)
    started = time.time()
    page.goto(server.url + "labor/")
    wait_until_offline_ready(page)
    ready_at = page.evaluate("window.simReadyAt") / 1000
    worker_script = [at for at, path, _ in server.seen if at >= started and path == SUBPATH + "sw.js"]
    assert worker_script, "sw.js wurde nie geladen"
    assert worker_script[0] >= ready_at, "Das Speichern für offline begann, bevor der Simulator bereit war"


def test_first_visit_downloads_each_large_file_once(reader, server):
    """Precaching revalidates what the first visit's simulator already has (HTTP 304)."""
    page = reader
    started = time.time()
    page.goto(server.url + "labor/")
    page.locator(SIM_READY).first.wait_for(timeout=FIRST_VISIT_MS)
    wait_until_offline_ready(page)
    full = [path for at, path, status in server.seen if at >= started and status == 200]
    for name in ("pyodide.asm.wasm", "pyodide-kafkasim.bin.gz"):
        assert sum(path.endswith(name) for path in full) == 1, f"{name}: {full}"


def test_a_new_build_replaces_the_old_one_whole(reader, server, built_site, tmp_path):
    page = reader
    newer = build_variant(tmp_path / "b-site", "Fassung B")
    webroot_b = webroot_of(newer, tmp_path / "b")

    page.goto(server.url)
    wait_until_offline_ready(page)
    old_cache = cached_urls(page)
    assert old_cache == expected_cache(built_site, server.url)

    server.webroot = webroot_b  # the teacher publishes a newer build
    page.goto(server.url + "theorie/")
    footer = page.locator(".md-footer-meta")
    footer.get_by_text(UPDATE_TEXT).wait_for(timeout=FIRST_VISIT_MS)
    # Until the reader chooses, every page is still the old build, also in a new tab.
    assert "Fassung B" not in footer.inner_text()
    second = page.context.new_page()
    second.goto(server.url + "praxis/")
    assert "Fassung B" not in second.locator(".md-footer-meta").inner_text()
    second.close()

    footer.get_by_role("button", name="Neu laden").click()
    footer.get_by_text("Fassung B").wait_for(timeout=30_000)
    page.wait_for_function("() => navigator.serviceWorker.controller?.state === 'activated'", timeout=30_000)
    assert cached_urls(page) == expected_cache(newer, server.url), "Alte und neue Fassung im Cache gemischt"

    page.context.set_offline(True)
    page.goto(server.url + "abschluss/glossar/")
    assert "Fassung B" in page.locator(".md-footer-meta").inner_text()


def wait_for_js(page, predicate: str, seconds: int) -> None:
    """Like wait_for_function, for an async predicate (wait_for_function takes its promise for true)."""
    deadline = time.monotonic() + seconds
    while not page.evaluate(predicate):
        assert time.monotonic() < deadline, f"Nach {seconds} s nicht erfüllt: {predicate}"
        page.wait_for_timeout(500)


def wait_for_http(url: str, seconds: int) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(url, timeout=5).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def test_mkdocs_serve_removes_a_worker_left_by_a_build(reader, built_site, tmp_path):
    """`make serve` and the classroom bundle's kurs-starten.py both use 127.0.0.1:8000: a worker that
    the bundle installed there must not keep serving its pages to an author's `make serve`."""
    page = reader
    bundle = RecordingServer(built_site, prefix="/")
    address = bundle.url
    page.goto(address)
    wait_until_offline_ready(page)
    bundle.shutdown()
    bundle.server_close()

    dev = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", address[len("http://"):].rstrip("/")],
                           cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                           env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    try:
        wait_for_http(address, 240)
        page.goto(address)  # still the build's page, from its worker; the browser checks sw.js anew
        wait_for_js(page, """async () => (await navigator.serviceWorker.getRegistrations()).length === 0
            && (await caches.keys()).length === 0""", seconds=60)
        # The page that the old worker served while it was being replaced may have missed a file
        # (Material's search worker loads its own scripts late); from the reload on, all is fresh.
        page.page_errors.clear()
        page.reload()
        # The development server's page (the build's pages carry the mark for the page script,
        # which therefore registers no worker here).
        assert page.locator("article h1").first.inner_text().strip()
        assert page.locator('meta[name="kurs-offline"]').count() == 0
    finally:
        dev.terminate()
        dev.wait(timeout=30)
