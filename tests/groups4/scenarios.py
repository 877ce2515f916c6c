"""The group scenarios: a .steps file and the facts it prints, recorded from Kafka 4.3.1.

Each scenario in scenarios/ is a list of steps (topic, produce, share, poll, ack, commit, …; the
language is described in kafkasim/groups4/scenario.py, which runs it in the simulator, and in
drivers/GroupScenario.java, which runs it on a real broker). `<name>.facts` holds what the real
broker printed; both runs must print exactly that.
"""
from __future__ import annotations

from pathlib import Path

SCENARIO_DIR = Path(__file__).parent / "scenarios"
SCENARIOS = sorted(SCENARIO_DIR.glob("*.steps"))


def recorded_facts(scenario: Path) -> str:
    return scenario.with_suffix(".facts").read_text(encoding="utf-8")
