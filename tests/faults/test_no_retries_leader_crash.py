"""retries=0 does not make kafka-python fail fast when a partition leader crashes: a record sent after
the crash waits in the producer's buffer (the dead leader is not connectable) until the metadata names
a new leader, and is then acknowledged. Errors would only reach requests already on the wire.
kafkasim holds such batches the same way (parity scenario leader_killed_no_retries)."""
from __future__ import annotations

import time

import pytest
from kafka import KafkaProducer

from tests.faults.tools import create_topic

pytestmark = pytest.mark.kafka


def test_record_sent_after_a_leader_crash_waits_for_the_new_leader(kafka_cluster):
    topic = create_topic(kafka_cluster, partitions=1, replication_factor=3,
                         configs={"min.insync.replicas": 2}, prefix="ohne-retries")
    before = kafka_cluster.partition_state(topic, 0)
    producer = KafkaProducer(bootstrap_servers=kafka_cluster.bootstrap, acks="all", retries=0,
                             request_timeout_ms=5000)
    try:
        assert producer.send(topic, b"kurs-0").get(timeout=30).offset == 0
        kafka_cluster.kill(before["leader"])
        crashed_at = time.monotonic()
        metadata = producer.send(topic, b"kurs-1").get(timeout=60)
        waited = time.monotonic() - crashed_at
    finally:
        producer.close(timeout=5)
    assert metadata.offset == 1
    # It was held back until the controller had declared the leader dead (broker session, 9 s).
    assert waited > 4, f"nach {waited:.1f} s bestätigt – zu früh für eine Leader-Wahl"
    after = kafka_cluster.partition_state(topic, 0)
    assert after["leader"] in before["isr"] and after["leader"] != before["leader"]
