"""Chapters whose simulator task needs simulated time to pass (a leader election, a follower
leaving the ISR): a learner who does what the page says sees it happen.

Either the simulator already plays when it comes into view, or the page or the task names the
control that starts the clock by its label ("Abspielen"), and pressing it makes the change happen.
"""

from __future__ import annotations

import re

import pytest

from tests.journeys.labor_page import BOOT_MS, Exercise

pytestmark = pytest.mark.browser
START = "Abspielen"
CHANGE_MS = 60_000  # 9 simulated seconds until the controller reacts, at speed 1


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


def isr(sim: Exercise) -> list[int]:
    return [int(b) for b in re.search(r"ISR \[([\d, ]*)\]", sim.partition_head(0))[1].split(", ") if b]


# (page, preset, what the page tells the learner to let fail: the leader or a follower)
CASES = [
    ("theorie/replikation/", "replikation", "leader"),
    ("theorie/replikation/", "uebung-min-insync", "follower"),
    ("theorie/producer/", "producer-acks", "leader"),
    ("theorie/ausfaelle/", "uebung-zwei-broker", "follower"),
    ("labor/", "uebung-leader-crash", "leader"),
]


@pytest.mark.parametrize(("path", "preset", "victim"), CASES, ids=[c[1] for c in CASES])
def test_time_passes_as_the_page_says(browser, site_url, path, preset, victim):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(site_url + path)
        sim = PresetSimulator(page, preset)
        sim.root.scroll_into_view_if_needed()
        sim.wait_js("sim.dataset.simState === 'ready'", timeout=BOOT_MS)
        leader = sim.leader(0)
        crashed = leader if victim == "leader" else next(b for b in isr(sim) if b != leader)
        sim.crash(crashed)
        if not sim.playing():
            text = sim.instructions()
            assert START in text, (
                f"Die Zeit steht still, aber weder die Seite noch die Aufgabe nennt „{START}“:\n{text}")
            sim.button(START).click()
            assert sim.playing()
        if victim == "leader":
            sim.wait_js("!/Leader B" + str(crashed) + "\\b/.test(sim.querySelector('.ksim-part-head').textContent)"
                        " && /Leader B\\d/.test(sim.querySelector('.ksim-part-head').textContent)", timeout=CHANGE_MS)
        else:
            sim.wait_js("!/ISR \\[[^\\]]*" + str(crashed) + "/.test(sim.querySelector('.ksim-part-head').textContent)",
                        timeout=CHANGE_MS)
    finally:
        context.close()
