"""The same kafka-python scenario scripts against the real broker and against kafkasim: same output.

Each script in scenarios/ prints only what a learner can observe and what does not depend on
chance: partitions per key, offsets, assignment shapes, committed offsets and positions, and the
exception types of bad requests. The simulator runs with one broker and
group.initial.rebalance.delay.ms=0, like the test broker.
"""
import difflib
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from tests.backend.helpers import PROJECT_ROOT, cli_env

pytestmark = pytest.mark.kafka

SCENARIOS = sorted((Path(__file__).parent / "scenarios").glob("*.py"))
SIMULATOR = [sys.executable, "-m", "kafkasim", "run", "--brokers", "1",
             "--config", "group.initial.rebalance.delay.ms=0"]
TIMEOUT_S = 150


def run(command, bootstrap, run_id=""):
    result = subprocess.run(command, cwd=PROJECT_ROOT, env=cli_env(bootstrap, PARITY_RUN_ID=run_id),
                            capture_output=True, text=True, timeout=TIMEOUT_S)
    assert result.returncode == 0, f"{command} failed:\n{result.stdout}\n{result.stderr}"
    return result.stdout


def on_real_broker(scenario, bootstrap):
    output = run([sys.executable, str(scenario)], bootstrap)
    if "timeout:" in output and "PARITY_RUN_ID" in scenario.read_text():
        # kafka-python 3.0.12 can keep a single-threaded group rebalancing (README.md); such a
        # scenario prints "timeout:" and may be repeated once under fresh topic and group names.
        output = run([sys.executable, str(scenario)], bootstrap, run_id="-" + uuid.uuid4().hex[:6])
    return output


def test_there_are_scenarios():
    assert {s.stem for s in SCENARIOS} >= {"partition_per_key", "offsets_and_positions", "group_assignment",
                                          "two_groups", "bad_requests"}


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.stem)
def test_simulator_prints_what_the_real_broker_prints(kafka, scenario):
    real = on_real_broker(scenario, kafka.bootstrap)
    assert real.strip(), "the scenario printed nothing on the real broker"
    assert "timeout" not in real, real
    # Fails loudly (instead of skipping) when the simulator or its CLI is missing.
    simulated = run([*SIMULATOR, str(scenario)], kafka.bootstrap)
    if simulated != real:
        diff = "\n".join(difflib.unified_diff(real.splitlines(), simulated.splitlines(),
                                              "echter Broker", "kafkasim", lineterm=""))
        pytest.fail(f"kafkasim weicht vom echten Broker ab ({scenario.name}):\n{diff}")
