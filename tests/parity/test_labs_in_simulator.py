"""The course's lab scripts, unchanged, through kafkasim: the same observable behaviour as on a broker.

The real-broker half is tests/backend/test_labs.py; prices are random, so both halves check the
same rules instead of comparing text: murmur2 partitions per symbol, offsets counting up, and the
consumer reading exactly what the producer's acknowledgements promised.
"""
import re
import subprocess
import sys

from kafka.partitioner.default import murmur2

from kafkasim import Cluster
from tests.backend.helpers import PROJECT_ROOT, cli_env

LABS = PROJECT_ROOT / "backend" / "labs"
SENT = re.compile(r"^(\w+) (\d+\.\d\d) EUR -> Partition (\d+), Offset (\d+)$")
READ = re.compile(r"^Partition (\d+), Offset (\d+): (\w+) (\d+\.\d\d) EUR$")


def run_lab(cluster, name):
    result = cluster.run_script((LABS / name).read_text(encoding="utf-8"), filename=name)
    assert result.error is None, f"{name}: {result.error}\n{result.traceback}"
    return result.stdout.splitlines()


def test_labs_run_unchanged_in_the_simulator_with_broker_semantics():
    cluster = Cluster(brokers=1, seed=0, config={"group.initial.rebalance.delay.ms": 0})
    assert run_lab(cluster, "topic_anlegen.py") == ["Topic aktienkurse mit 3 Partitionen angelegt."]
    assert run_lab(cluster, "topic_anlegen.py") == ["Topic aktienkurse gibt es schon."]
    sent = [SENT.match(line).groups() for line in run_lab(cluster, "boerse_producer.py")]
    read = [READ.match(line).groups() for line in run_lab(cluster, "aktionaer_consumer.py")]
    assert len(sent) == 20
    assert sorted((int(p), int(o), s, price) for s, price, p, o in sent) == sorted(
        (int(p), int(o), s, price) for p, o, s, price in read)
    for symbol, _, partition, _ in sent:
        assert int(partition) == (murmur2(symbol.encode()) & 0x7FFFFFFF) % 3
    for partition in {p for _, _, p, _ in sent}:
        offsets = [int(o) for _, _, p, o in sent if p == partition]
        assert offsets == list(range(len(offsets)))
    # The group committed on close: a second run reads nothing new, as on a real broker.
    assert run_lab(cluster, "aktionaer_consumer.py") == []


def test_kafkasim_cli_runs_a_lab_script():
    result = subprocess.run([sys.executable, "-m", "kafkasim", "run", str(LABS / "boerse_producer.py")],
                            cwd=PROJECT_ROOT, env=cli_env("localhost:9092"), capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 20 and all(SENT.match(line) for line in lines)
