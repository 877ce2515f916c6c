"""Helpers for tests on the real three-broker cluster: topics, partition state, bounded waits, reading back."""
from __future__ import annotations

import time
import uuid

from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition


def unique_name(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


def wait_for(probe, timeout_s: float, what: str, interval_s: float = 0.3):
    """Calls `probe()` until it returns something truthy and returns that; fails after `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    last = None
    while time.monotonic() < deadline:
        try:
            last = probe()
        except Exception as error:  # a broker that is just going down or coming up
            last = error
        else:
            if last:
                return last
        time.sleep(interval_s)
    raise AssertionError(f"Nach {timeout_s:.0f} s immer noch nicht: {what} (zuletzt: {last!r})")


def create_topic(cluster, partitions: int = 1, replication_factor: int = 3,
                 configs: dict | None = None, prefix: str = "fault") -> str:
    """A fresh topic on the KafkaCluster; returns once every partition has a leader and a full ISR."""
    name = unique_name(prefix)
    admin = KafkaAdminClient(bootstrap_servers=cluster.bootstrap, client_id="fault-admin")
    try:
        admin.create_topics({name: {"num_partitions": partitions, "replication_factor": replication_factor,
                                    "configs": {k: str(v) for k, v in (configs or {}).items()}}})
    finally:
        admin.close()

    def ready():
        states = [cluster.partition_state(name, p) for p in range(partitions)]
        return all(s["leader"] >= 0 and len(s["isr"]) == replication_factor for s in states)

    wait_for(ready, 30, f"Topic {name} mit Leadern und voller ISR")
    return name


def read_all(bootstrap: str, topic: str, timeout_s: float = 30) -> list:
    """Every committed record of `topic` (up to the end offsets at call time), without a group."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False,
                             client_id="fault-reader")
    try:
        ids = wait_for(lambda: consumer.partitions_for_topic(topic), timeout_s, f"Partitionen von {topic}")
        partitions = [TopicPartition(topic, p) for p in sorted(ids)]
        consumer.assign(partitions)
        consumer.seek_to_beginning(*partitions)
        end = consumer.end_offsets(partitions)
        records = []
        deadline = time.monotonic() + timeout_s
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            if time.monotonic() > deadline:
                raise AssertionError(f"{topic} nicht in {timeout_s:.0f} s bis zum Ende gelesen.")
            for batch in consumer.poll(timeout_ms=500).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()
