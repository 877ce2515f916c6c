"""A learner's edits in the simulator's editor survive a reload of the page – kept in this browser
only – and "Ursprünglichen Code wiederherstellen" brings back the course's script."""

from __future__ import annotations

import pytest

from tests.fixtures.browser import is_local
from tests.journeys.labor_page import Exercise
from tests.journeys.preset_simulator import PresetSimulator

pytestmark = pytest.mark.browser
RESTORE = "Ursprünglichen Code wiederherstellen"
EDIT = "# Meine Änderung: erst nachdenken, dann senden\n"


@pytest.fixture
def learner(browser):
    """One browser profile for the whole test (its localStorage survives reloads), nothing off the machine."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    seen: list[str] = []
    context.on("request", lambda request: seen.append(request.url))
    yield context.new_page()
    context.close()
    assert all(is_local(url) for url in seen), sorted(url for url in seen if not is_local(url))


def type_at_top(sim: Exercise, text: str):
    """Clicks into the editor, goes to its first line and types, as a learner does."""
    sim.editor().click()
    sim.page.keyboard.press("Control+Home")
    sim.page.keyboard.type(text)


@pytest.mark.parametrize(("path", "preset"), [
    ("praxis/boerse/", "labor-producer"),
    ("praxis/aktionaere/", "labor-consumer"),
])
def test_praxis_edits_survive_a_reload(learner, site_url, path, preset):
    learner.goto(site_url + path)
    sim = PresetSimulator(learner, preset).show()
    original = sim.code()
    assert not sim.button(RESTORE).is_visible()
    type_at_top(sim, EDIT)
    assert sim.code() == EDIT + original
    learner.reload()
    sim = PresetSimulator(learner, preset).show()
    sim.wait_js("sim.querySelector('.ksim-editor')?.editorView?.state.doc.toString().startsWith(arg)", EDIT)
    assert sim.code() == EDIT + original
    sim.button(RESTORE).click()
    assert sim.code() == original
    assert not sim.button(RESTORE).is_visible()
    learner.reload()
    sim = PresetSimulator(learner, preset).show()
    assert sim.code() == original


def test_labor_edits_stay_with_their_exercise(learner, site_url):
    learner.goto(site_url + "labor/")
    first = Exercise(learner, 1).show()
    starter = first.code()
    type_at_top(first, EDIT)
    learner.reload()
    first, second = Exercise(learner, 1).show(), Exercise(learner, 2).show()
    first.wait_js("sim.querySelector('.ksim-editor')?.editorView?.state.doc.toString().startsWith(arg)", EDIT)
    assert first.code() == EDIT + starter
    assert not second.code().startswith(EDIT)
    assert not second.button(RESTORE).is_visible()
