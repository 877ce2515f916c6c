"""Loading: nothing on pages without a simulator, a progress bar, everything from the site's own
sub-path, a German explanation from file:// and for unknown scenarios."""

from __future__ import annotations

import gzip

import pytest

from tests.web.conftest import READY, Sim, quiet_page

pytestmark = pytest.mark.browser


def test_page_without_simulator_loads_no_python(page, site_url, built_site):
    page.goto(site_url + quiet_page(built_site), wait_until="networkidle")
    loaded = [u for u in page.seen_requests if "/assets/kafkasim/" in u and not u.endswith(("main.js", "filecheck.js", "simulator.css"))]
    assert loaded == []
    # The page script itself is there, but small.
    assert any(u.endswith("assets/kafkasim/js/main.js") for u in page.seen_requests)


def test_boot_shows_progress_then_ready_from_sub_path(page, site_url, built_site):
    sim = Sim(page, site_url + quiet_page(built_site))
    sim.mount("topic-partitionen", wait=False)
    progress = page.locator("div.kafkasim progress")
    progress.wait_for(timeout=10_000)
    assert progress.get_attribute("aria-label") == "Simulator wird geladen"
    assert page.locator("div.kafkasim").get_attribute("data-sim-state") == "loading"
    sim.wait_ready()
    assert page.locator("div.kafkasim progress").count() == 0
    python_requests = [u for u in page.seen_requests if "pyodide" in u or ".whl" in u]
    assert any(u.endswith("pyodide.asm.wasm") for u in python_requests)
    assert all(u.startswith(site_url + "assets/kafkasim/") for u in python_requests), python_requests
    assert page.locator(".ksim-topic h4").first.inner_text() == "Topic aktienkurse"
    # Python came from the build's memory snapshot, with kafkasim already imported.
    assert page.locator("div.kafkasim").get_attribute("data-sim-boot") == "snapshot"
    assert any(u.endswith("assets/kafkasim/pyodide-kafkasim.bin.gz") for u in page.seen_requests)


@pytest.mark.parametrize("damage", ["missing", "garbage", "not-gzip"])
def test_a_bad_snapshot_means_a_normal_boot(page, site_url, built_site, damage):
    def answer(route):
        if damage == "missing":
            route.fulfill(status=404, body="weg")
        elif damage == "garbage":
            route.fulfill(status=200, body=gzip.compress(b"kein Pyodide-Speicherabbild" * 100))
        else:
            route.fulfill(status=200, body=b"nicht einmal gzip")

    page.context.route("**/pyodide-kafkasim.bin.gz", answer)
    sim = Sim(page, site_url + quiet_page(built_site))
    sim.mount("topic-partitionen")
    assert page.locator("div.kafkasim").get_attribute("data-sim-boot") == "normal"
    assert page.locator(".ksim-topic h4").first.inner_text() == "Topic aktienkurse"


def test_file_protocol_explains_that_a_server_is_needed(browser, built_site):
    # Its own context: the shared page fixture counts file:// URLs as foreign hosts.
    context = browser.new_context()
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    with_simulator = next(p for p in sorted(built_site.rglob("*.html")) if 'class="kafkasim"' in p.read_text("utf-8"))
    page.goto(with_simulator.as_uri())
    alert = page.locator("div.kafkasim [role=alert]").first
    alert.wait_for(timeout=5_000)
    assert "make serve" in alert.inner_text()
    assert "Webserver" in alert.inner_text()
    assert page.locator("div.kafkasim").first.get_attribute("data-sim-state") == "error"
    context.close()
    assert all(url.startswith("file://") for url in seen), seen


def test_unknown_preset_is_explained_in_german(page, site_url, built_site):
    sim = Sim(page, site_url + quiet_page(built_site))
    sim.mount("gibt-es-nicht", wait=False)
    page.wait_for_selector("div.kafkasim[data-sim-state=error]", timeout=60_000)
    assert "Unbekanntes Szenario" in page.locator("div.kafkasim").inner_text()
    assert page.locator(READY).count() == 0


def test_simulator_below_the_fold_waits_until_the_reader_gets_there(page, site_url, built_site):
    page.goto(site_url + quiet_page(built_site))
    page.evaluate("""() => {
        const spacer = document.createElement('div'); spacer.style.height = '4000px';
        const d = document.createElement('div'); d.className = 'kafkasim'; d.dataset.preset = 'topic-partitionen';
        document.querySelector('article').append(spacer, d);
        document.dispatchEvent(new Event('kafkasim:scan'));
    }""")
    placeholder = page.locator("div.kafkasim .ksim-placeholder")
    placeholder.wait_for(timeout=5_000)
    assert "Simulator starten" in placeholder.inner_text()
    # Until the page has loaded everything it loads by itself (no request for 500 ms), nothing of Python.
    page.wait_for_load_state("networkidle", timeout=30_000)
    assert not [u for u in page.seen_requests if u.endswith("/js/worker.js") or "pyodide" in u]
    page.locator("div.kafkasim").scroll_into_view_if_needed()
    page.wait_for_selector(READY, timeout=60_000)
    assert [u for u in page.seen_requests if u.endswith("/js/worker.js")]
