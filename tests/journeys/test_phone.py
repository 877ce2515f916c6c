"""A learner works on a 390x844 phone: the simulator's picture stays readable (the vertical layout,
no text below the diagram's smallest size), every control can be reached and is not covered –
Material's "Zurück zum Seitenanfang" pill, which appears under the header whenever the reader
scrolls back up, used to lie over the toolbar's buttons – and the task, the picture and the
broker buttons it asks for are less than a screen apart."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BOOT_TIMEOUT_MS = 60_000
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": PHONE, "is_mobile": True, "has_touch": True}


def ready_simulator(page, site_url, path, preset):
    page.goto(site_url + path)
    root = page.locator(f"div.kafkasim[data-preset={preset}]")
    root.scroll_into_view_if_needed()
    expect(root).to_have_attribute("data-sim-state", "ready", timeout=BOOT_TIMEOUT_MS)
    playing = root.locator(".ksim-play[aria-pressed=true]")
    if playing.count():
        playing.click()  # a still picture: nothing moves while each control is checked
    return root


# Scrolls `el` to just under the header by scrolling *up* onto it, as a reader scrolling back does
# (that is when Material shows its pill), and tells whether the element is then on screen and the
# topmost thing at its centre.
REACHED_FROM_BELOW = """async (el) => {
    const header = document.querySelector('header.md-header').getBoundingClientRect().bottom;
    scrollBy(0, el.getBoundingClientRect().top - header - 12 + 120);
    await new Promise((r) => setTimeout(r, 150));
    scrollBy(0, -120);
    await new Promise((r) => setTimeout(r, 450));
    const b = el.getBoundingClientRect();
    const hit = document.elementFromPoint(b.left + b.width / 2, b.top + b.height / 2);
    return {
        inside: b.left >= 0 && b.right <= innerWidth + 1 && b.top >= header - 1 && b.bottom <= innerHeight + 1,
        uncovered: Boolean(hit) && (hit === el || el.contains(hit)),
        hit: hit ? hit.outerHTML.slice(0, 120) : null,
    };
}"""
CONTROLS = "button, select, input, summary, [tabindex='0']"


@pytest.mark.parametrize("path,preset", [
    ("theorie/replikation/", "replikation"),
    ("labor/", "uebung-leader-crash"),
], ids=["replikation", "labor-leader-crash"])
def test_every_control_is_reachable_and_not_covered(page, site_url, path, preset):
    root = ready_simulator(page, site_url, path, preset)
    controls = root.locator(CONTROLS)
    checked = 0
    for i in range(controls.count()):
        control = controls.nth(i)
        if not control.is_visible():
            continue  # inside a closed form: its summary is checked instead
        result = control.evaluate(REACHED_FROM_BELOW)
        label = control.get_attribute("aria-label") or control.inner_text() or control.evaluate("e => e.outerHTML.slice(0, 80)")
        assert result["inside"], (label, control.bounding_box())
        assert result["uncovered"], (label, result["hit"])
        checked += 1
    assert checked >= 15, checked
    # The picture kept its vertical phone layout and its text size.
    picture = root.locator("svg.ksim-diagram")
    assert picture.get_attribute("data-orientation") == "column"
    scale = picture.evaluate("(svg) => svg.getBoundingClientRect().width / svg.viewBox.baseVal.width")
    assert scale > 0.95, scale


def test_task_picture_and_broker_buttons_are_less_than_a_screen_apart(page, site_url):
    root = ready_simulator(page, site_url, "labor/", "uebung-leader-crash")
    task = root.locator(".ksim-exercise").bounding_box()
    picture = root.locator("svg.ksim-diagram").bounding_box()
    crash = root.get_by_role("button", name="Absturz: Broker 1").bounding_box()
    assert task["y"] < picture["y"] < crash["y"], (task, picture, crash)
    assert picture["y"] - task["y"] < PHONE["height"], (task, picture)
    assert crash["y"] - (picture["y"] + picture["height"]) < PHONE["height"] / 2, (picture, crash)
