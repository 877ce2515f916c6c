"""Simulator-Labor, left alone: a learner who scrolls through the page and then reads one exercise
for a minute finds every exercise as it was, and only the simulator in view keeps playing.

Proof is simulated time: the visible simulator's clock advances by a minute while the clocks of
the simulators off screen stand still.
"""

from __future__ import annotations

import pytest

from tests.journeys.labor_page import ROOT, Exercise, open_labor

pytestmark = pytest.mark.browser
EXERCISES = range(1, 7)
IDLE_MS = 60_000


@pytest.fixture
def fresh_labor(browser, site_url):
    yield from open_labor(browser, site_url)


def test_every_exercise_has_an_editor_with_its_starter_script(fresh_labor):
    for number in EXERCISES:
        ex = fresh_labor.exercise(number)
        chosen = ex.chooser().input_value()
        assert ex.chooser().locator("option:checked").inner_text() == "Startskript der Übung"
        assert chosen.startswith(f"uebung{number}_"), chosen
        assert ex.code() == (ROOT / "docs_src" / "labor" / chosen).read_text(encoding="utf-8")
        assert ex.button("Ausführen").is_visible()


def test_idle_page_changes_no_exercise_and_plays_only_what_is_in_view(fresh_labor):
    page = fresh_labor.page
    exercises = {n: fresh_labor.exercise(n) for n in EXERCISES}  # each scrolled into view once
    watched = exercises[5]  # its Börse runs by itself: the page's clock
    watched.show()
    # A simulated second later every simulator has heard that it scrolled out of view.
    settled = watched.sim_time() + 1000
    watched.wait_js("Number(sim.dataset.simTime) >= arg", settled)
    before = {n: (ex.sim_time(), ex.verdict()) for n, ex in exercises.items()}
    start = watched.sim_time()
    watched.wait_js("Number(sim.dataset.simTime) >= arg", start + IDLE_MS, timeout=IDLE_MS * 3)  # a busy machine may lag
    for n, ex in exercises.items():
        assert ex.verdict() == before[n][1], f"Übung {n} hat sich von selbst geändert: {ex.verdict()}"
        if n != 5:
            assert ex.sim_time() == before[n][0], f"Übung {n} spielt außerhalb des Bildschirms"

    # Scrolled back into view, an exercise with a running Börse plays on.
    resumed = Exercise(page, 2)
    paused_at = resumed.sim_time()
    resumed.show()
    resumed.wait_js("Number(sim.dataset.simTime) > arg", paused_at + 1000, timeout=15_000)
