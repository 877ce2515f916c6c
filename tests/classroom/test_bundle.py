"""`make bundle`: unpacked as a teacher would, started with its one-line command, opened as files."""

from __future__ import annotations

import gzip
import re
import subprocess
import sys
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from classroom.offline import precache_manifest
from tests.site.test_offline_files import integrity

TOP = "kafka-kurs"
BOOT_TIMEOUT_MS = 90_000


@pytest.fixture(scope="module")
def unpacked(bundle_zip, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("entpackt")
    with zipfile.ZipFile(bundle_zip) as zf:
        zf.extractall(target)
        mode = zf.getinfo(f"{TOP}/kurs-starten.py").external_attr >> 16
    assert mode & 0o111, "kurs-starten.py ist nach dem Entpacken nicht ausführbar"
    return target / TOP


@pytest.fixture(scope="module")
def served(unpacked):
    """`python3 kurs-starten.py` as the read-me says (on a free port, without opening a browser)."""
    proc = subprocess.Popen([sys.executable, "kurs-starten.py", "--port", "0", "--ohne-browser"],
                            cwd=unpacked, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/", line)
        assert match, f"Keine Adresse ausgegeben: {line!r} {proc.stderr.read() if proc.poll() is not None else ''}"
        yield match.group(0)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_archive_holds_the_course_the_script_and_a_read_me(unpacked):
    assert (unpacked / "kurs" / "index.html").is_file()
    readme = (unpacked / "LIESMICH.txt").read_text(encoding="utf-8")
    assert "python3 kurs-starten.py" in readme and "py kurs-starten.py" in readme


def test_every_link_leads_to_a_file_not_a_folder(unpacked):
    """Opened from disk, a link to a folder shows a directory listing; the bundle has none."""
    site = unpacked / "kurs"
    pages = list(site.rglob("*.html"))
    assert len(pages) > 15
    for page in pages:
        for href in re.findall(r'(?:href|src)="([^"#]+)', page.read_text(encoding="utf-8")):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith("data:"):
                continue
            target = (page.parent / parts.path).resolve()
            assert target.is_file(), f"{page.relative_to(site)}: {href} führt zu keiner Datei"


def test_server_gives_pyodide_the_content_types_browsers_require(served):
    for path, kind in [("assets/kafkasim/pyodide/pyodide.mjs", "text/javascript"),
                       ("assets/kafkasim/pyodide/pyodide.asm.wasm", "application/wasm"),
                       ("index.html", "text/html")]:
        with urllib.request.urlopen(served + path, timeout=10) as response:
            assert response.headers["Content-Type"].split(";")[0] == kind, path


def test_server_compresses_text_and_webassembly_but_not_archives(served, unpacked):
    """Over a classroom's shared network the first visit moves a third of the bytes: pages, scripts,
    stylesheets and Pyodide's runtime come gzipped to a browser that asks for it, archives as they are."""
    site = unpacked / "kurs"
    for path, compressed in [("index.html", True), ("assets/kurs/kurs.css", True),
                             ("assets/kafkasim/pyodide/pyodide.asm.wasm", True),
                             ("assets/kafkasim/pyodide/python_stdlib.zip", False)]:
        request = urllib.request.Request(served + path, headers={"Accept-Encoding": "gzip, deflate, br"})
        with urllib.request.urlopen(request, timeout=30) as response:
            body, encoding = response.read(), response.headers.get("Content-Encoding")
            assert int(response.headers["Content-Length"]) == len(body), path
        assert (encoding == "gzip") == compressed, f"{path}: Content-Encoding {encoding}"
        original = (site / path).read_bytes()
        assert (gzip.decompress(body) if compressed else body) == original, path
        if compressed:
            assert len(body) < 0.6 * len(original), f"{path}: {len(body)} von {len(original)} Bytes"
    # A client that does not ask for gzip (as urllib by default) gets the file as it is.
    with urllib.request.urlopen(served + "index.html", timeout=10) as response:
        assert response.headers.get("Content-Encoding") is None
        assert response.read() == (site / "index.html").read_bytes()


@pytest.mark.browser
def test_served_bundle_boots_the_simulator(page, served):
    page.goto(served + "praxis/boerse.html")
    sim = page.locator("div.kafkasim").first
    sim.scroll_into_view_if_needed()
    page.wait_for_selector("div.kafkasim[data-sim-state=ready]", timeout=BOOT_TIMEOUT_MS)
    # The lab says: press "Ausführen" and the Börse script sends its prices into the simulator.
    sim.get_by_role("button", name="Ausführen").click()
    page.wait_for_function(
        "() => document.querySelector('div.kafkasim .ksim-run-state').textContent.startsWith('Fertig')",
        timeout=60_000)
    assert "-> Partition" in sim.locator(".ksim-output").inner_text()


@pytest.mark.browser
def test_opened_as_files_pages_say_how_to_start_the_course(page, unpacked):
    page.goto((unpacked / "kurs" / "index.html").as_uri())
    advice = page.locator(".kurs-dateimodus")
    assert advice.is_visible()
    assert "python3 kurs-starten.py" in advice.inner_text()
    page.get_by_role("navigation", name="Navigation").get_by_role("link", name="Producer", exact=True).first.click()
    page.wait_for_url("**/theorie/producer.html")
    assert page.locator("article h1").inner_text().startswith("Producer")
    notice = page.locator("div.kafkasim .ksim-notice").first
    notice.wait_for(timeout=10_000)
    assert "kurs-starten.py" in notice.inner_text()


def test_offline_list_matches_the_unpacked_course(unpacked):
    """The bundle's service worker lists its own files, the bundle's script included."""
    site = unpacked / "kurs"
    listed = {entry["url"]: entry for entry in precache_manifest(site)}
    assert "kurs-paket.js" in listed and "praxis/boerse.html" in listed
    for url, entry in listed.items():
        assert (site / url).is_file(), url
        assert entry["integrity"] == integrity(site / url), url


@pytest.mark.browser
def test_served_bundle_works_offline_after_a_first_visit(reader, served):
    reader.goto(served + "index.html")
    reader.locator(".md-footer-meta").get_by_text("Offline bereit").wait_for(timeout=BOOT_TIMEOUT_MS)
    reader.context.set_offline(True)
    reader.goto(served + "theorie/replikation.html")
    assert reader.locator("article h1").inner_text().startswith("Replikation")
    reader.goto(served)  # the folder's address finds its index.html in the cache too
    assert reader.locator("article h1").count() == 1
