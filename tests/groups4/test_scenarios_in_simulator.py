"""The group scenarios in the simulator print exactly what Kafka 4.3.1 printed for them.

The same .steps files run on the real broker in test_real_broker.py; `<name>.facts` holds the
broker's output. Member ids are random on a real broker, so the facts must not depend on them:
each scenario runs with several seeds.
"""
from __future__ import annotations

import difflib

import pytest

from kafkasim.groups4.scenario import run_file
from tests.groups4.scenarios import SCENARIOS, recorded_facts


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.stem)
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_simulator_prints_the_facts_of_the_real_broker(scenario, seed):
    expected = recorded_facts(scenario)
    simulated = run_file(scenario, seed=seed)
    if simulated != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), simulated.splitlines(),
                                              "echter Broker", "kafkasim", lineterm=""))
        pytest.fail(f"kafkasim weicht vom echten Broker ab ({scenario.name}, seed {seed}):\n{diff}")
