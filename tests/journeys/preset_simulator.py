"""A simulator on a course page found by its preset (a chapter may embed several under one heading)."""

from __future__ import annotations

from contextlib import contextmanager

from tests.journeys.labor_page import BOOT_MS, Exercise


class PresetSimulator(Exercise):
    """The simulator embedded with data-preset=`preset` on a chapter page."""

    def __init__(self, page, preset: str):  # noqa: D107 – found by preset, not by heading
        self.page = page
        self.root = page.locator(f"div.kafkasim[data-preset='{preset}']")
        self.heading = self.root
        self.index = page.evaluate(
            "(p) => [...document.querySelectorAll('div.kafkasim')].findIndex((d) => d.dataset.preset === p)", preset)
        assert self.index >= 0, f"Kein Simulator {preset}"

    def instructions(self) -> str:
        """The page's text from the heading above the simulator down to it, and its task, if any."""
        text = self.js("""(() => {
            const parts = [];
            for (let el = sim.previousElementSibling; el && !/^H[12]$/.test(el.tagName); el = el.previousElementSibling) {
                if (!el.matches('div.kafkasim')) parts.unshift(el.textContent);  // not another simulator's buttons
            }
            return parts.join('\\n');
        })()""")
        task = self.root.get_by_role("region", name="Aufgabe")
        return text + ("\n" + task.inner_text() if task.count() else "")

    def playing(self) -> bool:
        return self.root.locator(".ksim-play").get_attribute("aria-pressed") == "true"

    def show(self) -> "PresetSimulator":
        self.root.scroll_into_view_if_needed()
        self.wait_js("sim.dataset.simState === 'ready'", timeout=BOOT_MS)
        return self


@contextmanager
def open_chapter(browser, site_url, path: str, preset: str):
    """A fresh page of `path` in its own context, its simulator `preset` in view and ready."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + path)
        yield PresetSimulator(page, preset).show()
    finally:
        context.close()
