"""Every control a learner can use in a simulator answers where the learner is looking: after a
click, the message about it (a live region: role=status or role=alert) is inside the viewport,
below Material's header, and close to the control that caused it. Checked by bounding boxes in
Chromium on a desktop screen and on a phone, on the course pages where learners meet the controls.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
# "Next to the control": the message starts at most this far above or below the control's box.
NEAR_PX = 240
BOOT_TIMEOUT_MS = 60_000


class CoursePage:
    """One course page opened at one screen size; `sim(n)` scrolls to its n-th simulator."""

    def __init__(self, page, url: str):
        self.page = page
        self.url = url

    def sim(self, n: int = 0):
        root = self.page.locator("div.kafkasim").nth(n)
        root.scroll_into_view_if_needed()
        self.page.wait_for_function(
            "([n]) => document.querySelectorAll('div.kafkasim')[n].dataset.simState === 'ready'",
            arg=[n], timeout=BOOT_TIMEOUT_MS)
        return root

    def fresh(self, n: int = 0):
        """The n-th simulator in its preset's starting state, time stopped: each test sets up its own."""
        root = self.sim(n)
        self.page.evaluate(
            """async ([n]) => {
                const sim = document.querySelectorAll('div.kafkasim')[n].kafkasim;
                sim.setPlaying(false);
                await sim.reset(sim.seed);
            }""", [n])
        return root


@pytest.fixture(scope="module", params=sorted(VIEWPORTS))
def screen(request, browser, site_url):
    """Opened course pages for one screen size, by path; pages stay open for the module."""
    context = browser.new_context(viewport=VIEWPORTS[request.param])
    errors: list[str] = []
    opened: dict[str, CoursePage] = {}

    def open_page(path: str) -> CoursePage:
        if path not in opened:
            page = context.new_page()
            page.on("pageerror", lambda error: errors.append(str(error)))
            page.goto(site_url + path, wait_until="load")
            opened[path] = CoursePage(page, site_url + path)
        return opened[path]

    open_page.viewport = VIEWPORTS[request.param]
    yield open_page
    context.close()
    assert not errors, f"Unbehandelte Fehler im Browser: {errors}"


# Records the live regions of a simulator whose content changes from now on: the message about
# an action is one that changed after it (a repeated message counts: it is announced again).
WATCH = """([root, control]) => {
    root.__changed = new Set();
    root.__watch?.disconnect();
    root.__watch = new MutationObserver((mutations) => {
        for (const m of mutations) {
            const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
            const region = el?.closest('[role=status], [role=alert]');
            if (region) root.__changed.add(region);
        }
    });
    root.__watch.observe(root, {subtree: true, childList: true, characterData: true, attributes: true,
                                attributeFilter: ['hidden']});
    const box = control.getBoundingClientRect();
    root.__control = {el: control, top: box.top + scrollY, bottom: box.bottom + scrollY};
}"""
# The changed regions that show `text`, each with its box, the gap to the control (where it is
# now, or where it was if the click removed it) and whether it lies inside the visible page.
PLACES = """([root, text]) => {
    const header = document.querySelector('header.md-header')?.getBoundingClientRect().bottom ?? 0;
    const c = root.__control;
    const box = c.el.isConnected && c.el.getClientRects().length ? c.el.getBoundingClientRect()
        : {top: c.top - scrollY, bottom: c.bottom - scrollY};
    return [...root.__changed]
        .filter((el) => el.isConnected && el.textContent.includes(text) && el.getClientRects().length)
        .map((el) => {
            const b = el.getBoundingClientRect();
            return {top: Math.round(b.top), bottom: Math.round(b.bottom), text: el.innerText,
                    gap: Math.round(Math.max(b.top - box.bottom, box.top - b.bottom, 0)),
                    visible: b.top >= header - 1 && b.bottom <= innerHeight + 1,
                    control: [Math.round(box.top), Math.round(box.bottom)], view: [Math.round(header), innerHeight]};
        });
}"""


def assert_feedback_next_to(page, control, text: str, *, action: Callable[[], None],
                            timeout: int = 15_000) -> str:
    """Runs `action` (the learner's click on `control`) and waits until the message containing
    `text` is visible next to the control; fails with where it was instead."""
    root = control.locator("xpath=ancestor::div[contains(concat(' ', @class, ' '), ' kafkasim ')]").element_handle()
    control.scroll_into_view_if_needed()
    page.evaluate(WATCH, [root, control.element_handle()])
    action()
    try:
        page.wait_for_function(f"(a) => ({PLACES})(a).some((p) => p.visible && p.gap <= {NEAR_PX})",
                               arg=[root, text], timeout=timeout)
    except PlaywrightTimeout:
        pytest.fail(f"Meldung „{text}“ nicht sichtbar neben dem Bedienelement: {page.evaluate(PLACES, [root, text])}")
    return next(p["text"] for p in page.evaluate(PLACES, [root, text]) if p["visible"] and p["gap"] <= NEAR_PX)


# --- the controls ----------------------------------------------------------------------------------

@dataclass
class Control:
    name: str
    path: str
    run: Callable  # (CoursePage, root) -> None; checks its feedback itself
    sim: int = 0

    def __str__(self):
        return self.name


def open_form(root, key: str):
    details = root.locator(f"details[data-control={key}]")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    return details.locator("form")


def submit(course, form, text):
    button = form.locator("button[type=submit]")
    return assert_feedback_next_to(course.page, button, text, action=button.click)


def send_record(course, root):
    form = open_form(root, "produce")
    form.locator("input[name=key]").fill("SAP")
    form.locator("input[name=value]").fill("231.50")
    form.locator("select[name=acks]").select_option("all")
    submit(course, form, "Gesendet an aktienkurse")


def send_without_acknowledgement(course, root):
    form = open_form(root, "produce")
    form.locator("input[name=key]").fill("SAP")
    form.locator("select[name=acks]").select_option("0")
    text = submit(course, form, "acks=0")
    assert "Offset -1" not in text, text


def start_ticker(course, root):
    form = open_form(root, "ticker")
    form.locator("input[name=symbols]").fill("SAP")
    submit(course, form, "sendet an aktienkurse")


def add_consumer_with_automatic_name(course, root):
    form = open_form(root, "consumers")
    form.locator("input[name=group]").fill("depot-anna")
    form.locator("input[name=client]").fill("")
    text = submit(course, form, "tritt der Gruppe depot-anna bei")
    assert "gibt es schon" not in text


def create_topic_twice(course, root):
    form = open_form(root, "topics")
    form.locator("input[name=name]").fill("kurse-neu")
    submit(course, form, "Topic kurse-neu angelegt")
    submit(course, form, "Nicht möglich")


def crash_and_restart_a_broker(course, root):
    crash = root.locator("button[aria-label='Absturz: Broker 2']")
    assert_feedback_next_to(course.page, crash, "Broker 2 ist abgestürzt", action=crash.click)
    restart = root.locator("button[aria-label='Neustart: Broker 2']")
    assert_feedback_next_to(course.page, restart, "Broker 2 startet neu", action=restart.click)


def stop_a_broker(course, root):
    stop = root.locator("button[aria-label='Broker 3 kontrolliert herunterfahren']")
    assert_feedback_next_to(course.page, stop, "Broker 3 wurde kontrolliert heruntergefahren", action=stop.click)


def stop_the_ticker(course, root):
    stop = root.locator("button[aria-label^='Börsen-Ticker'][aria-label$='stoppen']").first
    assert_feedback_next_to(course.page, stop, "gestoppt", action=stop.click)


def delete_the_topic(course, root):
    delete = root.locator("button[aria-label='Topic aktienkurse löschen']")
    assert_feedback_next_to(course.page, delete, "Topic aktienkurse gelöscht", action=delete.click)


def let_time_pass_until(root, locator, seconds: int = 20):
    """Clicks "+1 s" until `locator` is on screen (the group needs a few simulated seconds)."""
    for _ in range(seconds):
        if locator.count():
            return
        time = root.locator(".ksim-clock").inner_text()
        root.locator(".ksim-plus").click()
        root.locator(".ksim-clock").filter(has_not_text=time).wait_for(timeout=10_000)
    assert locator.count(), f"nach {seconds} s nicht da: {locator}"


def remove_a_consumer(course, root):
    """The last member of the preset's group: "Consumer <name> aus der Gruppe <group> entfernen"."""
    buttons = root.locator("button[aria-label^='Consumer '][aria-label$=' entfernen']")
    let_time_pass_until(root, buttons)
    remove = buttons.last
    client = remove.get_attribute("aria-label").split()[1]
    assert_feedback_next_to(course.page, remove, f"Consumer {client} verlässt", action=remove.click)


def single_step(course, root):
    step = root.locator(".ksim-step")
    assert_feedback_next_to(course.page, step, "Einzelschritt", action=step.click)


def plus_one_second(course, root):
    plus = root.locator(".ksim-plus")
    clock = root.locator(".ksim-clock")
    before = clock.inner_text()
    plus.click()
    course.page.wait_for_function("([el, t]) => el.textContent !== t", arg=[clock.element_handle(), before],
                                  timeout=10_000)
    box, near = clock.bounding_box(), plus.bounding_box()
    assert abs(box["y"] - near["y"]) <= NEAR_PX and box["y"] + box["height"] <= course.page.viewport_size["height"]


def reseed(course, root):
    root.locator(".ksim-seed").fill("7")
    button = root.locator(".ksim-reseed")
    assert_feedback_next_to(course.page, button, "Seed 7", action=button.click)
    root.locator(".ksim-seed").fill("-1")
    assert_feedback_next_to(course.page, button, "ganze Zahl", action=button.click)


def reset(course, root):
    button = root.locator(".ksim-reset")
    assert_feedback_next_to(course.page, button, "neu gestartet", action=button.click)


def share(course, root):
    button = root.locator(".ksim-share-button")
    assert_feedback_next_to(course.page, button, "Link", action=button.click)
    assert root.locator(".ksim-share-url").is_visible()


def run_script(course, root):
    course.page.wait_for_function(
        "() => document.querySelector('div.kafkasim .ksim-editor').editorView?.state.doc.length > 100",
        timeout=30_000)
    button = root.locator(".ksim-run")
    assert_feedback_next_to(course.page, button, "Fertig", action=button.click, timeout=30_000)


def check_exercise(course, root):
    button = root.locator(".ksim-check")
    assert_feedback_next_to(course.page, button, "Noch nicht", action=button.click)


CONTROLS = [
    Control("Datensatz senden", "theorie/replikation/", send_record),
    Control("Datensatz senden mit acks=0", "theorie/replikation/", send_without_acknowledgement),
    Control("Ticker starten", "theorie/replikation/", start_ticker),
    Control("Topic anlegen", "theorie/replikation/", create_topic_twice),
    Control("Absturz und Neustart", "theorie/replikation/", crash_and_restart_a_broker),
    Control("Herunterfahren", "theorie/replikation/", stop_a_broker),
    Control("Ticker stoppen", "theorie/replikation/", stop_the_ticker),
    Control("Topic löschen", "theorie/replikation/", delete_the_topic),
    Control("Einzelschritt", "theorie/replikation/", single_step),
    Control("+1 s", "theorie/replikation/", plus_one_second),
    Control("Mit Seed neu starten", "theorie/replikation/", reseed),
    Control("Zurücksetzen", "theorie/replikation/", reset),
    Control("Teilen", "theorie/replikation/", share),
    Control("Consumer hinzufügen ohne Client-ID", "theorie/consumer/", add_consumer_with_automatic_name),
    Control("Consumer entfernen", "theorie/consumer/", remove_a_consumer),
    Control("Ausführen", "praxis/boerse/", run_script),
    Control("Prüfen", "labor/", check_exercise),
]


@pytest.mark.parametrize("control", CONTROLS, ids=str)
def test_feedback_appears_next_to_the_control(screen, control):
    course = screen(control.path)
    root = course.fresh(control.sim)
    control.run(course, root)
