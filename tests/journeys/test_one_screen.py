"""A learner works through the Labor or a Praxis page on a 1280x800 screen: the page gives the
simulator its width (Material's sidebars hidden), and the cluster diagram stays on screen beside the
editor, so the records a run sends are seen arriving while the run's message is read — without
scrolling between editor and picture."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

BOOT_TIMEOUT_MS = 60_000
IN_VIEW = """(el) => {
    const header = document.querySelector('header.md-header').getBoundingClientRect().bottom;
    const b = el.getBoundingClientRect();
    return b.top >= header - 1 && b.bottom <= innerHeight + 1 && b.width > 0;
}"""


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


# (page, diagram's title, the sidebars it hides, the simulator's least width at 1280 px)
PAGES = [
    ("labor/", "Übung: alle SAP-Kurse in einer Partition", (".md-sidebar--primary", ".md-sidebar--secondary"), 1100),
    ("praxis/boerse/", "Labor 1: die Börse", (".md-sidebar--secondary",), 900),
]


@pytest.mark.parametrize("path,title,hidden,width", PAGES, ids=[p[0] for p in PAGES])
def test_diagram_and_editor_side_by_side_and_a_run_is_seen_in_the_picture(page, site_url, path, title, hidden, width):
    page.goto(site_url + path)
    for sidebar in hidden:
        assert not page.locator(sidebar).is_visible(), sidebar
    root = page.locator("div.kafkasim").first
    root.scroll_into_view_if_needed()
    expect(root).to_have_attribute("data-sim-state", "ready", timeout=BOOT_TIMEOUT_MS)
    assert root.bounding_box()["width"] >= width

    picture = root.get_by_role("img", name=f"Cluster-Diagramm: {title}")
    run = root.get_by_role("button", name="Ausführen")
    page.wait_for_function(
        "(el) => el.querySelector('.ksim-editor').editorView?.state.doc.length > 100",
        arg=root.element_handle(), timeout=30_000)
    run.scroll_into_view_if_needed()
    # Side by side: the diagram left of the editor, both on screen at once.
    diagram, button = picture.bounding_box(), run.bounding_box()
    assert diagram["x"] + diagram["width"] <= button["x"], (diagram, button)
    assert page.evaluate(IN_VIEW, picture.element_handle()), picture.bounding_box()
    assert page.evaluate(IN_VIEW, run.element_handle())

    run.click()
    state = root.locator(".ksim-run-state")
    expect(state).to_contain_text("Fertig", timeout=30_000)
    # The script sent its prices: they are in the picture, which did not move off screen.
    expect(picture.locator("rect.kd-cell").first).to_be_attached(timeout=10_000)
    assert page.evaluate(IN_VIEW, picture.element_handle()), picture.bounding_box()
    assert page.evaluate(IN_VIEW, state.element_handle()), state.bounding_box()
