"""Helpers for the simulator's browser tests: one Chromium page per test module, a simulator
mounted on a course page that has none of its own, and waits bounded in time."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.fixtures.browser import is_local

READY = "div.kafkasim[data-sim-state=ready]"
BOOT_TIMEOUT_MS = 60_000


def quiet_page(built_site: Path) -> str:
    """A built course page without a simulator of its own, relative to the site root."""
    for html in sorted(built_site.rglob("index.html")):
        if html.parent == built_site or "assets" in html.parts:
            continue
        text = html.read_text(encoding="utf-8")
        if 'class="kafkasim"' not in text and "<article" in text:
            return html.parent.relative_to(built_site).as_posix() + "/"
    pytest.fail("Keine Kursseite ohne Simulator gefunden.")


class Sim:
    """Drives one simulator element on a page; every wait is bounded."""

    def __init__(self, page, url: str):
        self.page = page
        self.url = url
        self.root = page.locator("div.kafkasim").first

    def mount(self, preset: str, *, code: str | None = None, panels: str | None = None, hash_: str = "",
              wait: bool = True):
        self.page.goto(self.url + hash_)
        self.page.evaluate(
            """([preset, code, panels]) => {
                const d = document.createElement('div');
                d.className = 'kafkasim';
                d.dataset.preset = preset;
                if (code) d.dataset.code = code;
                if (panels !== null) d.dataset.panels = panels;
                document.querySelector('article').prepend(d);
                document.dispatchEvent(new Event('kafkasim:scan'));
            }""",
            [preset, code, panels],
        )
        if wait:
            self.wait_ready()
        return self

    def wait_ready(self, timeout: int = BOOT_TIMEOUT_MS):
        self.page.wait_for_selector(READY, timeout=timeout)

    def snapshot(self) -> dict:
        return self.page.evaluate("document.querySelector('div.kafkasim').kafkasim.snapshot")

    def now(self) -> int:
        return self.snapshot()["now_ms"]

    def pause(self):
        if self.root.locator(".ksim-play").get_attribute("aria-pressed") == "true":
            self.root.locator(".ksim-play").click()

    def advance(self, seconds: int):
        """Lets simulated time pass with the '+1 s' button (the reader's way, deterministic)."""
        before = self.now()
        for _ in range(seconds):
            self.root.locator(".ksim-plus").click()
        self.page.wait_for_function(
            "([t]) => document.querySelector('div.kafkasim').kafkasim.snapshot.now_ms >= t",
            arg=[before + seconds * 1000], timeout=15_000)

    def status(self) -> str:
        """The line under the toolbar: answers to its buttons and notices about the simulator."""
        return self.root.locator(".ksim-status").inner_text()

    def wait_status(self, text: str, timeout: int = 15_000):
        """Waits until a message line of the simulator (under the toolbar, or the one next to the form
        or button that was used) says `text`."""
        self.page.wait_for_function(
            "([t]) => [...document.querySelector('div.kafkasim').querySelectorAll('.ksim-status, .ksim-feedback')]"
            ".some((line) => line.textContent.includes(t))",
            arg=[text], timeout=timeout)

    def control(self, name: str):
        """Opens a control's <details> and returns its form."""
        details = self.root.locator(f"details[data-control={name}]")
        if details.get_attribute("open") is None:
            details.locator("summary").click()
        return details.locator("form")

    def produce(self, value: str, key: str = "", acks: str = "all", topic: str | None = None):
        form = self.control("produce")
        if topic:
            form.locator("select[name=topic]").select_option(topic)
        form.locator("input[name=key]").fill(key)
        form.locator("input[name=value]").fill(value)
        form.locator("select[name=acks]").select_option(acks)
        count = self.journal_length()
        form.locator("button[type=submit]").click()
        self.page.wait_for_function(
            "([n]) => document.querySelector('div.kafkasim').kafkasim.journal.length > n", arg=[count], timeout=15_000)
        return self.page.evaluate("document.querySelector('div.kafkasim').kafkasim.journal.at(-1)")

    def add_consumer(self, group: str, client: str = ""):
        form = self.control("consumers")
        form.locator("input[name=group]").fill(group)
        form.locator("input[name=client]").fill(client)
        form.locator("button[type=submit]").click()
        self.wait_status(f"tritt der Gruppe {group} bei")

    def click_and_wait(self, label: str, status: str):
        self.root.locator(f"button[aria-label='{label}']").click()
        self.wait_status(status)

    def check_until(self, result: str, seconds: int) -> str:
        """Checks the exercise, letting one simulated second pass between tries."""
        verdict, text = self.check_exercise()
        for _ in range(seconds):
            if verdict == result:
                break
            self.advance(1)
            verdict, text = self.check_exercise()
        assert verdict == result, text
        return text

    def journal_length(self) -> int:
        return self.page.evaluate("document.querySelector('div.kafkasim').kafkasim.journal.length")

    def check_exercise(self) -> tuple[str, str]:
        verdict = self.root.locator(".ksim-verdict")
        self.page.evaluate("document.querySelector('div.kafkasim .ksim-verdict').dataset.result = ''")
        self.root.locator(".ksim-check").click()
        self.page.wait_for_function(
            "() => document.querySelector('div.kafkasim .ksim-verdict').dataset.result", timeout=5_000)
        return verdict.get_attribute("data-result"), verdict.inner_text()


@pytest.fixture(scope="module")
def module_page(browser, site_url, built_site):
    """One page per test module (Pyodide boots take seconds); records every request of its
    context, workers included, and fails the module if one leaves the loopback."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    page = context.new_page()
    page.seen_requests = seen
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.page_errors = errors
    yield page
    context.close()
    external = sorted({url for url in seen if not is_local(url)})
    assert not external, f"Anfragen an fremde Hosts: {external}"
    assert not errors, f"Unbehandelte Fehler im Browser: {errors}"


@pytest.fixture(scope="module")
def sim(module_page, site_url, built_site) -> Sim:
    return Sim(module_page, site_url + quiet_page(built_site))
