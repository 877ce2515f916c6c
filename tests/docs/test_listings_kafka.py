"""Every Python listing of the course runs unchanged with kafka-python against a real Kafka 4.x broker."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.docs.listings import LISTINGS, ROOT, SETUP, check_output

pytestmark = pytest.mark.kafka


def run_against(kafka, path: str) -> str:
    env = {**os.environ, "KAFKA_BOOTSTRAP_SERVERS": kafka.bootstrap}
    proc = subprocess.run([sys.executable, path], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, f"{path} scheiterte gegen Kafka:\n{proc.stdout}\n{proc.stderr[-3000:]}"
    return proc.stdout


def partition_count(kafka) -> int:
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(bootstrap_servers=kafka.bootstrap)
    try:
        return len(consumer.partitions_for_topic("aktienkurse"))
    finally:
        consumer.close()


@pytest.mark.parametrize("listing", LISTINGS, ids=str)
def test_listing_runs_against_kafka(kafka, listing):
    for path in SETUP:
        run_against(kafka, path)
    check_output(listing, run_against(kafka, listing.path), partitions=partition_count(kafka))
