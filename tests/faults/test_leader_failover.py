"""RF 3, min.insync.replicas=2, acks=all: the leader of a partition is killed (SIGKILL) while the
Börse sends. Every acknowledged price is in the log afterwards, exactly once, and describe_topics
shows a new leader taken from the ISR."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import threading

import pytest

from tests.faults.tools import create_topic, read_all, wait_for

pytestmark = pytest.mark.kafka

PRICES = 400
ACK_LINE = re.compile(r"-> Partition (\d+), Offset (\d+)$")


def test_killed_leader_loses_no_acknowledged_price_and_writes_none_twice(kafka_cluster, tmp_path):
    bootstrap = kafka_cluster.bootstrap
    topic = create_topic(kafka_cluster, partitions=3, replication_factor=3, configs={"min.insync.replicas": 2},
                         prefix="boerse-failover")
    before = kafka_cluster.partition_state(topic, 0)
    victim = before["leader"]

    # The real Börse CLI: acks=all, idempotent, every acknowledged price printed with its offset.
    errors = tmp_path / "boerse-stderr.txt"
    with errors.open("w") as stderr_file:  # the child keeps its own copy of the descriptor
        boerse = subprocess.Popen(
            [sys.executable, "-m", "backend.boerse", "--bootstrap-servers", bootstrap, "--topic", topic,
             "--rate", "40", "--count", str(PRICES), "--seed", "7"],
            stdout=subprocess.PIPE, stderr=stderr_file, text=True)
    acked: list[tuple[int, int]] = []
    first_acks = threading.Event()

    def collect():
        for line in boerse.stdout:
            match = ACK_LINE.search(line.strip())
            if match:
                acked.append((int(match.group(1)), int(match.group(2))))
                if len(acked) >= 40:
                    first_acks.set()

    reader = threading.Thread(target=collect, daemon=True)
    reader.start()
    try:
        assert first_acks.wait(60), "Die Börse hat keine Bestätigungen bekommen."
        kafka_cluster.kill(victim)
        killed_at = len(acked)
        assert f"Broker {victim} läuft nicht." in kafka_cluster.health_problems()

        after = wait_for(lambda: (lambda s: s if s["leader"] not in (-1, victim) else None)(
            kafka_cluster.partition_state(topic, 0)), 60, f"neuer Leader für {topic}-0")
        # Only the reader thread reads stdout; wait() must not compete for its lines.
        boerse.wait(timeout=150)
    finally:
        if boerse.poll() is None:
            boerse.kill()
    reader.join(10)
    stderr = errors.read_text(encoding="utf-8")

    # describe_topics: a new leader from the old ISR, the dead broker out of the ISR.
    assert after["leader"] in before["isr"] and after["leader"] != victim
    assert victim not in after["isr"] and len(after["isr"]) == 2
    # The Börse saw every price acknowledged (exit code 0: no failed send), some after the kill.
    assert boerse.returncode == 0, stderr
    assert len(acked) == PRICES and killed_at < PRICES

    records = read_all(bootstrap, topic)
    sequences = sorted(json.loads(r.value)["sequence"] for r in records)
    # Every acknowledged price is there, none twice (idempotent retries), nothing else either.
    assert sequences == list(range(1, PRICES + 1))
    assert sorted((r.partition, r.offset) for r in records) == sorted(acked)

    # After the restart the old leader catches up and is back in the ISR.
    kafka_cluster.restart(victim)
    kafka_cluster.wait_healthy(60)
    assert kafka_cluster.partition_state(topic, 0)["isr"] == [1, 2, 3]
