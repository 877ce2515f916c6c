"""Looking at the real broker from a test: read a whole topic, wait for a group, fetch offsets."""
from __future__ import annotations

import json
import time
from contextlib import contextmanager

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, OffsetSpec
from kafka.errors import KafkaError

from tests.backend.helpers import RunningCli


def read_topic(bootstrap: str, topic: str, timeout: float = 20) -> list:
    """Every record currently in `topic`, without a group (nothing committed)."""
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, enable_auto_commit=False)
    try:
        partitions = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic))]
        consumer.assign(partitions)
        consumer.seek_to_beginning()
        end = consumer.end_offsets(partitions)
        records, deadline = [], time.monotonic() + timeout
        while any(consumer.position(tp) < end[tp] for tp in partitions):
            assert time.monotonic() < deadline, f"could not read {topic} to its end within {timeout} s"
            for batch in consumer.poll(timeout_ms=200).values():
                records.extend(batch)
        return records
    finally:
        consumer.close()


def produce(bootstrap: str, topic: str, items) -> list:
    """Send (key, value-bytes) pairs and wait for each acknowledgement; returns the RecordMetadata."""
    producer = KafkaProducer(bootstrap_servers=bootstrap)
    try:
        futures = [producer.send(topic, key=key.encode() if key else None, value=value) for key, value in items]
        return [future.get(timeout=20) for future in futures]
    finally:
        producer.close()


def price_bytes(symbol: str, value: float, sequence: int = 0) -> bytes:
    return json.dumps({"symbol": symbol, "price": value, "currency": "EUR", "sequence": sequence}).encode()


class Admin:
    def __init__(self, bootstrap: str):
        self.client = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="test-admin")

    def remove_topic(self, topic: str, timeout: float = 30) -> None:
        """Delete `topic` if it exists and wait until the broker no longer lists it."""
        if topic in self.client.list_topics():
            self.client.delete_topics([topic])
        deadline = time.monotonic() + timeout
        while topic in self.client.list_topics():
            assert time.monotonic() < deadline, f"topic {topic} still there after {timeout} s"
            time.sleep(0.2)

    def close(self):
        self.client.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def group(self, group_id: str) -> dict:
        return self.client.describe_groups([group_id])[group_id]

    def assignments(self, group_id: str) -> dict[str, list[int]]:
        """client_id -> sorted partitions, for a Stable group."""
        result = {}
        for member in self.group(group_id)["members"]:
            partitions = []
            for entry in (member.get("member_assignment") or {}).get("assigned_partitions", []):
                partitions.extend(entry["partitions"])
            result[member["client_id"]] = sorted(partitions)
        return result

    def wait_for_stable_group(self, group_id: str, members: int, timeout: float = 30) -> dict[str, list[int]]:
        deadline = time.monotonic() + timeout
        while True:
            try:
                group = self.group(group_id)
            except KafkaError as error:
                # A fresh broker creates __consumer_offsets on first use; until then no coordinator.
                if not error.retriable:
                    raise
                group = {"group_state": type(error).__name__, "members": []}
            if group["group_state"] == "Stable" and len(group["members"]) == members:
                return self.assignments(group_id)
            assert time.monotonic() < deadline, (
                f"group {group_id} not Stable with {members} members after {timeout} s: {group}")
            time.sleep(0.2)

    def committed(self, group_id: str, timeout: float = 30) -> dict[int, int]:
        """The group's committed offsets by partition. A coordinator that is moving or loading
        (NOT_COORDINATOR and the like after a broker restart or stall) is asked again."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                offsets = self.client.list_group_offsets(group_id).get(group_id, {})
                return {tp.partition: meta.offset for tp, meta in offsets.items()}
            except KafkaError as error:
                if not error.retriable or time.monotonic() > deadline:
                    raise
                time.sleep(0.2)

    def end_offsets(self, topic: str, partitions: int) -> dict[int, int]:
        spec = {TopicPartition(topic, p): OffsetSpec.LATEST for p in range(partitions)}
        return {tp.partition: o.offset for tp, o in self.client.list_partition_offsets(spec).items()}


@contextmanager
def aktionaer_in_group(bootstrap: str, topic: str, group: str, *args: str):
    """The Aktionär*innen CLI reading `topic` from the beginning as the only member of `group`:
    yields once the broker reports the group stable, kills the process on the way out."""
    consumer = RunningCli("backend.aktionaer", "--topic", topic, "--group", group, "--from-beginning", *args,
                          bootstrap=bootstrap)
    try:
        with Admin(bootstrap) as admin:
            admin.wait_for_stable_group(group, members=1)
        yield consumer
    finally:
        consumer.kill()
