"""A learner opens every page of the built course and scrolls through it: every simulator on the
way starts by itself and reaches "ready" (1280×800, the site under its sub-path)."""

from __future__ import annotations

import pytest

from tests.journeys.reading import SIMULATOR, read_to_the_end

pytestmark = pytest.mark.browser


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


def test_every_simulator_on_every_page_reaches_ready(learner, site_url, built_site):
    pages = pages_with_simulators(built_site)
    problems = []
    for path in pages:
        learner.goto(site_url + path, wait_until="load")
        read_to_the_end(learner)
        found = states(learner)
        if not found or any(state != "ready" for state in found):
            notices = learner.locator(f"{SIMULATOR} .ksim-notice").all_inner_texts()
            problems.append(f"{path}: {found} {notices}")
    assert not problems, "Simulatoren nicht bereit:\n" + "\n".join(problems)
    assert not learner.page_errors, learner.page_errors
