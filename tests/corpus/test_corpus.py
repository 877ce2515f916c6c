"""The differential corpus: every script in scripts/ prints the same on a real Kafka 4.3.1 broker (with
kafka-python 3.0.12) and in kafkasim, byte for byte.

Two tests per script:
- test_script_runs_on_the_real_broker: the script is right about Kafka (exit code 0, some output).
  A failure here is a bug in the script, never in the simulator.
- test_simulator_prints_what_the_real_broker_prints: kafkasim's stdout equals the real one. The
  scripts listed in known_differences.py are expected to differ today (strict xfail): one that
  starts matching fails the run until it is taken off the list. The few whose kafkasim output
  changes from run to run today (threads) are non-strict xfail, listed apart.

All selected scripts start at the first test that needs them, several at a time (harness.py), so
the whole corpus takes minutes instead of the sum of its scripts' run times.
"""
from __future__ import annotations

import difflib

import pytest

from tests.corpus.harness import SCRIPT_TIMEOUT_S, CorpusRunner, discover
from tests.corpus.known_differences import KNOWN_DIFFERENCES, UNSTABLE_IN_SIMULATOR

pytestmark = pytest.mark.kafka

SCRIPTS = discover()
AREAS = {"producer", "consumer", "groups", "admin", "transactions", "threads", "errors", "replication"}
# A script waits in a pool before it runs: its result may take several script lengths to arrive.
RESULT_TIMEOUT_S = 8 * SCRIPT_TIMEOUT_S


def _selected_scripts(session):
    ids = {item.callspec.params["script"].id for item in session.items
           if hasattr(item, "callspec") and "script" in item.callspec.params}
    return [s for s in SCRIPTS if s.id in ids]


@pytest.fixture(scope="session")
def corpus(request):
    selected = _selected_scripts(request.session)
    broker = request.getfixturevalue("kafka_broker")
    clusters = []
    runner = CorpusRunner(lambda s: clusters[0].bootstrap if s.needs_cluster else broker.bootstrap)
    try:
        # The single-broker scripts run while the three-broker cluster starts (three JVMs, ~30 s).
        runner.submit([s for s in selected if not s.needs_cluster])
        if any(s.needs_cluster for s in selected):
            clusters.append(request.getfixturevalue("kafka_cluster_session"))
            runner.submit([s for s in selected if s.needs_cluster])
        yield runner
    finally:
        runner.shutdown()


def _params():
    for script in SCRIPTS:
        marks = []
        if script.id in KNOWN_DIFFERENCES:
            marks = [pytest.mark.xfail(strict=True, reason=f"known difference: {KNOWN_DIFFERENCES[script.id]}")]
        elif script.id in UNSTABLE_IN_SIMULATOR:
            marks = [pytest.mark.xfail(strict=False, reason=f"unstable: {UNSTABLE_IN_SIMULATOR[script.id]}")]
        yield pytest.param(script, id=script.id, marks=marks)


def test_the_corpus_covers_every_area_with_100_scripts():
    assert len(SCRIPTS) >= 100, len(SCRIPTS)
    assert {s.path.parent.name for s in SCRIPTS} == AREAS
    assert len({s.id for s in SCRIPTS}) == len(SCRIPTS)


def test_known_differences_name_existing_scripts():
    assert set(KNOWN_DIFFERENCES) <= {s.id for s in SCRIPTS}
    assert set(UNSTABLE_IN_SIMULATOR) <= {s.id for s in SCRIPTS}
    assert not set(KNOWN_DIFFERENCES) & set(UNSTABLE_IN_SIMULATOR)


@pytest.mark.parametrize("script", [pytest.param(s, id=s.id) for s in SCRIPTS])
def test_script_runs_on_the_real_broker(corpus, script):
    real = corpus.real[script.id].result(timeout=RESULT_TIMEOUT_S)
    assert real.returncode == 0, real.describe()
    assert real.stdout.strip(), "the script printed nothing on the real broker"


@pytest.mark.parametrize("script", list(_params()))
def test_simulator_prints_what_the_real_broker_prints(corpus, script):
    real = corpus.real[script.id].result(timeout=RESULT_TIMEOUT_S)
    simulated = corpus.simulated[script.id].result(timeout=RESULT_TIMEOUT_S)
    assert real.returncode == 0, "real broker: " + real.describe()
    if simulated.stdout != real.stdout or simulated.returncode != 0:
        diff = "\n".join(difflib.unified_diff(real.stdout.splitlines(), simulated.stdout.splitlines(),
                                              "echter Broker", "kafkasim", lineterm=""))
        pytest.fail(f"kafkasim weicht vom echten Broker ab ({script.id}):\n{diff}\n"
                    f"kafkasim returncode {simulated.returncode}, stderr:\n{simulated.stderr[-3000:]}")
