"""Every scenario a course page embeds exists, every scenario is embedded somewhere, and each one
sets up on the real kafkasim as the page sends it (checked on CPython through the worker's
bridge, without a browser). The names and set-ups come from presets.js alone (tests/web/presets.py)."""

from __future__ import annotations

import re

import pytest

from tests.docs.sitetext import DOCS
from tests.web.presets import new_bridge, presets

NAMES = sorted(presets())
EMBED = re.compile(r'<div class="kafkasim" data-preset="([^"]+)"')


def embedded(page) -> set[str]:
    return set(EMBED.findall(page.read_text(encoding="utf-8")))


def test_every_embedded_scenario_exists_and_every_scenario_is_embedded():
    used = set().union(*(embedded(page) for page in DOCS.rglob("*.md")))
    assert used <= set(NAMES), f"unbekannte Presets: {used - set(NAMES)}"
    assert set(NAMES) <= used, f"nie eingebettet: {set(NAMES) - used}"
    exercises = [name for name in NAMES if name.startswith("uebung-")]
    assert len(exercises) >= 6 and all("exercise" in presets()[n] for n in exercises)
    # Every theory chapter and every Praxis page has a checked exercise in its simulator.
    chapters = {f"{page.parent.name}/{page.name}": embedded(page)
                for part in ("theorie", "praxis") for page in (DOCS / part).glob("*.md") if page.name != "index.md"}
    checked = {name for name in NAMES if "exercise" in presets()[name]}
    assert all(names & checked for names in chapters.values()), \
        f"Kapitel ohne Übung: {[page for page, names in chapters.items() if not names & checked]}"
    assert set(exercises) <= embedded(DOCS / "labor.md").union(*chapters.values()), "jede Übung steht auf einer Seite"


def init_as_the_page_sends_it(name: str) -> dict:
    """The page's init request (app/boot.js): the preset without its exercise, and the exercise by its id."""
    preset = presets()[name]
    return {"type": "init", "preset": {k: v for k, v in preset.items() if k != "exercise"},
            "exercise": (preset.get("exercise") or {}).get("id")}


@pytest.mark.parametrize("name", NAMES)
def test_preset_sets_up_and_runs(name):
    bridge = new_bridge()
    reply = bridge(init_as_the_page_sends_it(name))
    assert reply["ok"], reply.get("error")
    setup = presets()[name]["setup"]
    created = [a["name"] for a in setup if a["op"] == "create_topic"]
    assert [t["name"] for t in reply["snapshot"]["topics"]] == created  # erste-schritte starts empty
    later = bridge({"type": "advance", "ms": 5_000})
    assert later["ok"] and later["snapshot"]["now_ms"] >= 5_000
    if any(a["op"] == "start_ticker" for a in setup) and {"op": "stop_all_tickers"} not in setup:
        assert sum(p["log_end_offset"] for t in later["snapshot"]["topics"] for p in t["partitions"]) > 0


def test_a_preset_with_an_unknown_step_is_refused_in_german():
    bridge = new_bridge()
    reply = bridge({"type": "init", "preset": {"brokers": 1, "setup": [{"op": "explode"}]}})
    assert not reply["ok"] and "explode" in reply["error"] and "Szenario" in reply["error"], reply


@pytest.mark.parametrize("name", NAMES)
def test_a_consumer_without_client_id_joins_in_every_preset(name):
    """The form "Consumer hinzufügen" with an empty Client-ID sends client_id=null: the simulator
    picks a name that no consumer of the preset (or an earlier click) uses yet."""
    bridge = new_bridge()
    assert bridge(init_as_the_page_sends_it(name))["ok"]
    preset = presets()[name]
    topic = next((a["name"] for a in preset["setup"] if a["op"] == "create_topic"), None)
    if topic is None:  # a scenario that starts empty: the learner creates the topic first
        topic = "kurse"
        assert bridge({"type": "control", "command": {"op": "create_topic", "name": topic, "partitions": 3}})["ok"]
    names = []
    for _ in range(2):
        reply = bridge({"type": "control", "command": {"op": "add_consumer", "group_id": "depot-anna", "topics": [topic],
                                                       "client_id": None, "auto_offset_reset": "earliest"}})
        assert reply["ok"], reply["error"]
        names.append(reply["result"])
    preset_names = {a["client_id"] for a in preset["setup"] if a["op"] == "add_consumer"}
    assert len(set(names)) == 2 and not set(names) & preset_names, names


def test_an_automatic_client_id_follows_the_courses_names():
    """The course names a depot's reader after the Aktionär*in (depot-anna: anna) and a service's
    instances after the service (kursalarm: kursalarm-1, kursalarm-2 …); the form's automatic
    name does the same, skipping names the preset already uses."""
    bridge = new_bridge()
    assert bridge(init_as_the_page_sends_it("consumer-gruppe"))["ok"]  # kursalarm-1, kursalarm-2

    def add(group: str) -> str:
        reply = bridge({"type": "control", "command": {"op": "add_consumer", "group_id": group, "topics": ["aktienkurse"],
                                                       "client_id": None, "auto_offset_reset": "earliest"}})
        assert reply["ok"], reply["error"]
        return reply["result"]

    assert [add("kursalarm"), add("kursalarm")] == ["kursalarm-3", "kursalarm-4"]
    assert [add("depot-anna"), add("depot-anna"), add("depot-ben")] == ["anna", "anna-2", "ben"]
    assert add("statistik") == "statistik-1"
    members = {m["client_id"]: g["group_id"] for g in bridge({"type": "advance", "ms": 1_000})["snapshot"]["groups"]
               for m in g["members"]}
    assert members["anna-2"] == "depot-anna" and members["kursalarm-4"] == "kursalarm", members
