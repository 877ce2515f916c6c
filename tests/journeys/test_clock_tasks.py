"""Chapters whose simulator task needs simulated time to pass (a leader election, a follower
leaving the ISR): a learner who does what the page says sees it happen.

Either the simulator already plays when it comes into view, or the page or the task names the
control that starts the clock by its label ("Abspielen"), and pressing it makes the change happen.
"""

from __future__ import annotations

import re

import pytest

from tests.journeys.labor_page import Exercise
from tests.journeys.preset_simulator import PresetSimulator, open_chapter

pytestmark = pytest.mark.browser
START = "Abspielen"
CHANGE_MS = 60_000  # 9 simulated seconds until the controller reacts, at speed 1


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
    with open_chapter(browser, site_url, path, preset) as sim:
        leader = sim.leader(0)
        crashed = leader if victim == "leader" else next(b for b in isr(sim) if b != leader)
        sim.crash(crashed)
        if not sim.playing():
            text = sim.instructions()
            assert START in text, (
                f"Die Zeit steht still, aber weder die Seite noch die Aufgabe nennt „{START}“:\n{text}")
            sim.button(START).click()
            assert sim.playing()
        head = "sim.querySelector('.ksim-part-head').textContent"
        if victim == "leader":
            sim.wait_js(f"!/Leader B{crashed}\\b/.test({head}) && /Leader B\\d/.test({head})", timeout=CHANGE_MS)
        else:
            sim.wait_js(f"!/ISR \\[[^\\]]*{crashed}/.test({head})", timeout=CHANGE_MS)
