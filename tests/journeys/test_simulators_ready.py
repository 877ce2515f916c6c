"""A learner opens every page of the built course and scrolls through it: every simulator on the
way starts by itself and reaches "ready" (1280×800, the site under its sub-path)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

BOOT_TIMEOUT_MS = 60_000
SIMULATOR = "div.kafkasim"
AT_BOTTOM = "() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2"


def pages_with_simulators(built_site) -> list[str]:
    return sorted(html.parent.relative_to(built_site).as_posix() + "/"
                  for html in built_site.rglob("index.html")
                  if 'class="kafkasim"' in html.read_text(encoding="utf-8"))


def test_the_course_embeds_simulators_on_its_pages(built_site):
    pages = pages_with_simulators(built_site)
    assert {"./", "labor/", "theorie/consumer/", "praxis/boerse/"} <= set(pages), pages


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


@pytest.fixture
def learner(page):
    """The `page` fixture (only loopback requests allowed), with uncaught errors recorded."""
    page.page_errors = []
    page.on("pageerror", lambda error: page.page_errors.append(str(error)))
    return page


def states(page) -> list[str]:
    return page.evaluate("(s) => [...document.querySelectorAll(s)].map((d) => d.dataset.simState)", SIMULATOR)


def scroll_through(page) -> None:
    """Scrolls down a screen at a time as a reader does; waits at each simulator that comes into
    view until it is ready (bounded), then reads on."""
    for _ in range(200):  # bounded: no course page is 200 screens long
        page.wait_for_function(
            """(s) => [...document.querySelectorAll(s)].every((d) => {
                const box = d.getBoundingClientRect();
                const inView = box.top < innerHeight && box.bottom > 0;
                return !inView || d.dataset.simState === 'ready' || d.dataset.simState === 'error';
            })""", arg=SIMULATOR, timeout=BOOT_TIMEOUT_MS)
        if page.evaluate(AT_BOTTOM):
            return
        page.evaluate("() => scrollBy({top: innerHeight * 0.8, behavior: 'instant'})")
    pytest.fail("Seite endet nicht nach 200 Bildschirmen")


def test_every_simulator_on_every_page_reaches_ready(learner, site_url, built_site):
    pages = pages_with_simulators(built_site)
    problems = []
    for path in pages:
        learner.goto(site_url + path, wait_until="load")
        scroll_through(learner)
        found = states(learner)
        if not found or any(state != "ready" for state in found):
            notices = learner.locator(f"{SIMULATOR} .ksim-notice").all_inner_texts()
            problems.append(f"{path}: {found} {notices}")
    assert not problems, "Simulatoren nicht bereit:\n" + "\n".join(problems)
    assert not learner.page_errors, learner.page_errors
