"""For everyone: axe-core finds no serious or critical violation, the controls work from the
keyboard, and the simulator fits a phone's width."""

from __future__ import annotations

from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page, selector="div.kafkasim"):
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (sel) => await axe.run(document.querySelector(sel), {resultTypes: ['violations']})", selector)
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_axe_finds_no_serious_violation(sim, scheme):
    sim.mount("uebung-zwei-gruppen", code="on")
    sim.page.evaluate("(s) => document.body.setAttribute('data-md-color-scheme', s)", scheme)
    sim.page.wait_for_selector("div.kafkasim .cm-content", timeout=30_000)
    sim.root.locator(".ksim-check").click()  # the verdict is part of the page too
    sim.advance(2)
    sim.pause()
    for name in ("produce", "ticker", "consumers", "topics"):
        sim.control(name)
    violations = axe_violations(sim.page)
    assert violations == [], "\n".join(map(str, violations))


def test_keyboard_alone_can_produce_a_record(sim):
    sim.mount("schluessel-partition")
    sim.root.locator("details[data-control=produce] input[name=key]").focus()
    sim.page.keyboard.type("SIE")
    sim.page.keyboard.press("Tab")
    sim.page.keyboard.press("Control+A")
    sim.page.keyboard.type("210.10")
    sim.page.keyboard.press("Enter")
    sim.wait_status("Gesendet an aktienkurse")
    assert sim.page.evaluate("document.querySelector('div.kafkasim').kafkasim.journal.at(-1).command.key") == "SIE"
    # Every button can be reached with Tab: none is taken out of the tab order.
    assert sim.root.locator("button[tabindex='-1']").count() == 0


def test_phone_width_has_no_horizontal_overflow(sim):
    sim.page.set_viewport_size({"width": 360, "height": 740})
    try:
        sim.mount("cluster-ueberblick", code="on")
        sim.advance(3)
        overflow = sim.page.evaluate("""() => {
            const root = document.querySelector('div.kafkasim');
            return root.scrollWidth - root.clientWidth;
        }""")
        assert overflow <= 1
        assert sim.root.locator(".ksim-run").is_visible() or sim.root.locator(".ksim-run").count() == 1
        for button in (".ksim-play", ".ksim-step", ".ksim-reset", ".ksim-share-button"):
            box = sim.root.locator(button).bounding_box()
            assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360
    finally:
        sim.page.set_viewport_size({"width": 1280, "height": 900})
