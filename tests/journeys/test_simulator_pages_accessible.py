"""A learner who uses a screen reader or the keyboard opens the simulator pages in the light and
in the dark scheme: axe-core reports no violation at all – not only none serious – for the
simulators as the pages show them (diagram, controls, event log, editor, the task), and the
picture's text alternative is one button away."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
BOOT_TIMEOUT_MS = 60_000


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


def violations(page) -> list:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("""async () => {
        const sims = [...document.querySelectorAll('div.kafkasim')];
        // Material's own navigation is checked with the page (tests/site); on the Labor, whose wide
        // layout hides it, its section labels are empty and axe's page-wide landmark rule names it.
        return await axe.run({include: sims.map((s) => [s]), exclude: [['.md-sidebar--primary']]},
                             {resultTypes: ['violations']});
    }""")
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3], v["nodes"][0]["failureSummary"][:200])
            for v in result["violations"]]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path,preset", [
    ("theorie/replikation/", "replikation"),
    ("labor/", "uebung-sap-partition"),
], ids=["replikation", "labor"])
def test_simulator_page_has_no_accessibility_violation(page, site_url, path, preset, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    root = page.locator(f"div.kafkasim[data-preset={preset}]")
    root.scroll_into_view_if_needed()
    expect(root).to_have_attribute("data-sim-state", "ready", timeout=BOOT_TIMEOUT_MS)
    expect(root.locator(".ksim-events li").first).to_be_attached(timeout=15_000)
    pause = root.locator(".ksim-play[aria-pressed=true]")
    if pause.count():
        pause.click()
    # The text alternative is reached with the keyboard alone.
    root.get_by_role("button", name="Als Tabelle anzeigen").focus()
    page.keyboard.press("Enter")
    expect(root.get_by_role("heading", name="Topics und Partitionen")).to_be_focused()
    found = violations(page)
    assert found == [], "\n".join(map(str, found))
