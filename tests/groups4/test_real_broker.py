"""The group scenarios on the real Kafka 4.3.1 broker print exactly the recorded facts.

A scenario prints who got which records with which delivery count, what acknowledging returned,
the share-partition start offsets and lag, and the assignments and rebalance callbacks of
consumer-protocol members; nothing that depends on timing or on the random member ids. The same
files are run in the simulator by test_scenarios_in_simulator.py.
"""
from __future__ import annotations

import difflib
import uuid

import pytest

from tests.groups4.scenarios import SCENARIOS, recorded_facts

pytestmark = pytest.mark.kafka


def test_there_are_share_and_consumer_protocol_scenarios():
    names = {s.stem for s in SCENARIOS}
    assert {"share_work_queue", "share_lock_expiry", "share_poison_record", "share_assignment",
            "share_member_leaves", "consumer_uniform", "consumer_range"} <= names


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.stem)
def test_real_broker_prints_the_recorded_facts(kafka, java_drivers, scenario):
    suffix = "-" + uuid.uuid4().hex[:8]
    result = java_drivers.run("GroupScenario", kafka.bootstrap, suffix, str(scenario))
    assert result.returncode == 0, f"{scenario.name} failed:\n{result.stdout}\n{result.stderr}"
    expected = recorded_facts(scenario)
    if result.stdout != expected:
        diff = "\n".join(difflib.unified_diff(expected.splitlines(), result.stdout.splitlines(),
                                              "aufgezeichnet", "echter Broker", lineterm=""))
        pytest.fail(f"{scenario.name}: the broker printed other facts than recorded:\n{diff}\n{result.stderr[-2000:]}")
