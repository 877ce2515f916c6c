"""Several simulators on one page share one worker (one Pyodide); a runaway script in one of
them restarts it and every simulator comes back as it was."""

from __future__ import annotations

import pytest

from tests.web.conftest import BOOT_TIMEOUT_MS

pytestmark = pytest.mark.browser


def total_records(page, index: int) -> int:
    return page.evaluate(
        """(i) => document.querySelectorAll('div.kafkasim')[i].kafkasim.snapshot.topics
                  .flatMap((t) => t.partitions).reduce((sum, p) => sum + p.log_end_offset, 0)""", index)


def test_two_simulators_share_one_worker_and_survive_a_runaway_script(sim):
    page = sim.page
    page.goto(sim.url)
    page.evaluate("""() => {
        for (const [preset, code] of [['labor-producer', null], ['topic-partitionen', 'off']]) {
            const d = document.createElement('div');
            d.className = 'kafkasim'; d.dataset.preset = preset;
            if (code) d.dataset.code = code;
            document.querySelector('article').append(d);
        }
        document.dispatchEvent(new Event('kafkasim:scan'));
        document.querySelectorAll('div.kafkasim').forEach((d) => d.querySelector('button')?.click());
    }""")
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.kafkasim')].every((d) => d.dataset.simState === 'ready')",
        timeout=BOOT_TIMEOUT_MS)
    workers = [u for u in page.seen_requests if u.endswith("/js/worker.js")]
    assert len(workers) == 1, workers

    # The second simulator plays its ticker (in view: off screen its clock stands still); pause it and
    # remember what it holds.
    second = page.locator("div.kafkasim").nth(1)
    second.scroll_into_view_if_needed()
    page.wait_for_function("() => document.querySelectorAll('div.kafkasim')[1].kafkasim.snapshot.now_ms >= 1000",
                           timeout=15_000)
    second.locator(".ksim-play").click()
    page.wait_for_function("() => !document.querySelectorAll('div.kafkasim')[1].kafkasim.runtime.busy", timeout=10_000)
    before = total_records(page, 1)
    assert before > 0

    first = page.locator("div.kafkasim").nth(0)
    page.wait_for_selector("div.kafkasim .cm-content", timeout=30_000)
    page.evaluate("""() => {
        const view = document.querySelector('div.kafkasim .ksim-editor').editorView;
        view.dispatch({changes: {from: 0, to: view.state.doc.length, insert: 'while True:\\n    pass\\n'}});
    }""")
    first.locator(".ksim-run").click()
    page.wait_for_selector("div.kafkasim[data-sim-state=loading]", timeout=20_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('div.kafkasim')].every((d) => d.dataset.simState === 'ready')",
        timeout=BOOT_TIMEOUT_MS)
    first.locator(".ksim-script-error").wait_for(timeout=20_000)
    assert "Endlosschleife" in first.locator(".ksim-script-error").inner_text()
    assert "neu gestartet" in second.locator(".ksim-status").inner_text()
    assert total_records(page, 1) == before
    # Both answer again.
    now = page.evaluate("document.querySelectorAll('div.kafkasim')[1].kafkasim.snapshot.now_ms")
    second.locator(".ksim-plus").click()
    page.wait_for_function("([n]) => document.querySelectorAll('div.kafkasim')[1].kafkasim.snapshot.now_ms > n",
                           arg=[now], timeout=15_000)
    assert [t["name"] for t in page.evaluate("document.querySelectorAll('div.kafkasim')[0].kafkasim.snapshot.topics")] == ["aktienkurse"]
