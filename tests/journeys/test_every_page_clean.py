"""A learner opens every page of the built course (under its sub-path) and reads it to the end: no
page shows breakage. Breakage is what the browser reports on the way: an error on the console, a
request that fails or answers 4xx/5xx (a missing image, script or search index), or an uncaught
exception. Simulators that come into view are waited for until they are ready, so errors during
their start count too."""

from __future__ import annotations

import pytest

from tests.journeys.reading import SIMULATOR, read_to_the_end

pytestmark = pytest.mark.browser


def course_pages(built_site) -> list[str]:
    """Every page mkdocs built, by its address; 404.html too (GitHub Pages shows it for a mistyped
    address, and its styles and scripts must load from there as well)."""
    pages = sorted(html.parent.relative_to(built_site).as_posix() + "/"
                   for html in built_site.rglob("index.html") if "assets" not in html.parts)
    return [page.removeprefix("./") for page in pages] + ["404.html"]


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 800}}


class Breakage:
    """What the browser reports as broken while a page is open, workers included."""

    def __init__(self, page):
        self.path = ""
        self.found: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self._add(f"Unbehandelter Fehler: {error}"))
        page.context.on("requestfailed", self._request_failed)
        page.context.on("response", self._response)

    def _add(self, what: str) -> None:
        self.found.append(f"{self.path or '/'}: {what}")

    def _console(self, message) -> None:
        if message.type == "error":
            self._add(f"Konsole: {message.text} ({message.location.get('url', '')})")

    def _request_failed(self, request) -> None:
        # A navigation the page starts itself (the next goto) aborts the last page's requests.
        if request.failure and "ERR_ABORTED" in request.failure:
            return
        self._add(f"Anfrage fehlgeschlagen: {request.url} ({request.failure})")

    def _response(self, response) -> None:
        if response.status >= 400:
            self._add(f"HTTP {response.status}: {response.url}")


def test_the_walk_covers_the_whole_course(built_site):
    pages = course_pages(built_site)
    assert {"", "labor/", "theorie/consumer/", "praxis/boerse/", "404.html"} <= set(pages), pages
    assert len(pages) > 15, pages


def test_no_page_of_the_course_shows_breakage(page, site_url, built_site):
    breakage = Breakage(page)
    for path in course_pages(built_site):
        breakage.path = path
        page.goto(site_url + path, wait_until="load")
        read_to_the_end(page)
        page.wait_for_load_state("networkidle", timeout=30_000)
    assert not breakage.found, "Kaputt, wie ein*e Leser*in es sieht:\n" + "\n".join(breakage.found)
