"""A learner works through the Labor or a Praxis page on a 1280x800 screen: the page gives the
simulator its width (Material's sidebars hidden), and the cluster diagram stays on screen beside the
editor, so the records a run sends are seen arriving while the run's message is read — without
scrolling between editor and picture."""

from __future__ import annotations

import re

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


# The theory chapters' demonstrations (data-code="off"), in Material's content column with both
# sidebars: the learner scrolls the simulator to the top of the screen and sees, without scrolling
# again, the whole picture, the controls the chapter's task needs and the event log explaining
# what happens. producer-acks (send with acks=1, then crash the leader) needs both the broker
# buttons and the form: that embed is wide (data-width="wide") and reaches over the table of contents.
THEORY = {
    "theorie/architektur/": ["cluster-ueberblick"],
    "theorie/replikation/": ["replikation"],
    "theorie/consumer/": ["consumer-gruppe", "zwei-gruppen", "offsets-commit"],
    "theorie/producer/": ["schluessel-partition", "producer-acks"],
    "theorie/topics-partitionen/": ["topic-partitionen", "schluessel-partition", "retention"],
    "theorie/zustellgarantien/": ["zustellgarantien"],
}
# What each demonstration's text asks the learner to use: the buttons the learner would press.
NEEDED = {
    "cluster-ueberblick": [],
    "replikation": ["Absturz: Broker 1", "Absturz: Broker 2", "Absturz: Broker 3"],
    "consumer-gruppe": ["Consumer hinzufügen"],
    "zwei-gruppen": ["Consumer hinzufügen"],
    "offsets-commit": ["Consumer hinzufügen"],
    "schluessel-partition": ["Senden"],
    # "einen Kurs mit acks=1 senden und den Leader abstürzen lassen … Drücken Sie dann Abspielen"
    "producer-acks": ["Senden", "Absturz: Broker 1", "Absturz: Broker 2", "Absturz: Broker 3"],
    "topic-partitionen": ["Senden"],
    "retention": ["Topic anlegen"],
    "zustellgarantien": ["Consumer hinzufügen"],
}
TOP_UNDER_HEADER = """(el) => {
    const header = document.querySelector('header.md-header').getBoundingClientRect().bottom;
    scrollBy(0, el.getBoundingClientRect().top - header);
}"""


@pytest.mark.parametrize("path", list(THEORY), ids=list(THEORY))
def test_a_theory_chapters_simulator_shows_picture_controls_and_log_on_one_screen(page, site_url, path):
    page.goto(site_url + path)
    for preset in THEORY[path]:
        root = page.locator(f"div.kafkasim[data-code=off][data-preset={preset}]")
        root.scroll_into_view_if_needed()
        expect(root).to_have_attribute("data-sim-state", "ready", timeout=BOOT_TIMEOUT_MS)
        expect(root.locator(".ksim-events li").first).to_be_attached(timeout=15_000)
        root.evaluate(TOP_UNDER_HEADER)
        picture = root.get_by_role("img", name=re.compile("^Cluster-Diagramm: "))
        log = root.get_by_role("list", name="Ereignisse, neueste zuerst")
        # Broker buttons in their panel, a form's button in the opened form (its summary has the same words).
        controls = [root.locator(".ksim-brokers, details[open] form").get_by_role("button", name=name, exact=True)
                    for name in NEEDED[preset]]
        for what in [picture, log, root.get_by_role("button", name="Als Tabelle anzeigen"), *controls]:
            assert page.evaluate(IN_VIEW, what.element_handle()), (preset, what, what.bounding_box())
        if root.get_attribute("data-width") == "wide":
            # It reaches over the table of contents, which steps aside while the simulator is on screen.
            expect(page.locator(".md-sidebar--secondary")).to_be_hidden()
            root.get_by_role("button", name="Abspielen").click()
            expect(root.get_by_role("button", name="Pause")).to_be_visible()
            root.get_by_role("button", name="Pause").click()
            page.evaluate("scrollTo(0, 0)")
            expect(page.locator(".md-sidebar--secondary")).to_be_visible()


def test_the_tables_are_the_pictures_text_alternative_on_demand(page, site_url):
    page.goto(site_url + "theorie/replikation/")
    root = page.locator("div.kafkasim").first
    root.scroll_into_view_if_needed()
    expect(root).to_have_attribute("data-sim-state", "ready", timeout=BOOT_TIMEOUT_MS)
    root.get_by_role("button", name="Als Tabelle anzeigen").click()
    heading = root.get_by_role("heading", name="Topics und Partitionen")
    expect(heading).to_be_focused()
    assert page.evaluate(IN_VIEW, heading.element_handle())
    # The table names what the picture draws: leader, ISR, high watermark and log end of each partition.
    expect(root.locator(".ksim-partition").first).to_contain_text("ISR [")
    expect(root.locator(".ksim-partition").first).to_contain_text("HW ")


def test_the_start_pages_simulator_fits_one_screen_and_its_tables_come_on_demand(page, site_url):
    """The start page shows the simulator "in Aktion": scrolled under the header, all of it – the
    toolbar, the picture of three brokers, the Börse and Annas Depot, and the event log – is on one
    1280x800 screen; the tables and charts are there when asked for."""
    page.goto(site_url)
    root = page.locator("div.kafkasim[data-preset=cluster-ueberblick]")
    root.scroll_into_view_if_needed()
    expect(root).to_have_attribute("data-sim-state", "ready", timeout=BOOT_TIMEOUT_MS)
    expect(root.locator(".ksim-events li").first).to_be_attached(timeout=15_000)
    root.evaluate(TOP_UNDER_HEADER)
    picture = root.get_by_role("img", name="Cluster-Diagramm: Cluster im Überblick")
    log = root.get_by_role("list", name="Ereignisse, neueste zuerst")
    for what in [root, picture, log, root.get_by_role("button", name=re.compile("^(Abspielen|Pause)$")),
                 root.get_by_role("button", name="Als Tabelle anzeigen")]:
        assert page.evaluate(IN_VIEW, what.element_handle()), (what, what.bounding_box())
    root.get_by_role("button", name="Als Tabelle anzeigen").click()
    heading = root.get_by_role("heading", name="Topics und Partitionen")
    expect(heading).to_be_focused()
    assert page.evaluate(IN_VIEW, heading.element_handle())
    expect(root.locator(".ksim-partition").first).to_contain_text("ISR [")
    expect(root.get_by_role("heading", name="Consumer-Gruppen")).to_be_visible()
