"""acks=1 versus acks=all, forced on the real cluster: both followers freeze (SIGSTOP, so nothing is
fetched), the leader acknowledges an acks=1 record on its own, then dies. A follower from the ISR
becomes leader without the record: acknowledged, yet gone. The acks=all record sent meanwhile was
never acknowledged, so its producer knew."""
from __future__ import annotations

import time

import pytest
from kafka import KafkaProducer
from kafka.errors import KafkaError

from tests.faults.tools import create_topic, read_all, wait_for

pytestmark = pytest.mark.kafka

# A follower long-polls the leader for up to replica.fetch.wait.max.ms (500 ms by default). After
# this long frozen, no fetch of theirs is pending at the leader, which could carry the record out.
NO_FETCH_IN_FLIGHT_S = 2.0


def send(producer, topic, value):
    try:
        return producer.send(topic, value).get(timeout=30).offset
    except KafkaError as error:
        return type(error).__name__


def test_acks_one_record_acknowledged_by_the_leader_alone_is_lost_on_failover(kafka_cluster):
    topic = create_topic(kafka_cluster, partitions=1, replication_factor=3,
                         configs={"min.insync.replicas": 2}, prefix="acks-eins")
    before = kafka_cluster.partition_state(topic, 0)
    leader = before["leader"]
    followers = [b for b in before["replicas"] if b != leader]
    # The acks=1 producer only needs the leader, which stays responsive: a generous request timeout
    # keeps a busy machine from turning its acknowledgement into a timeout.
    one = KafkaProducer(bootstrap_servers=kafka_cluster.bootstrap, acks=1, retries=0, request_timeout_ms=15000)
    everyone = KafkaProducer(bootstrap_servers=kafka_cluster.bootstrap, acks="all", retries=0,
                             request_timeout_ms=3000)
    try:
        assert send(everyone, topic, b"kurs-1") == 0
        # Metadata before the followers freeze: asked of a frozen broker, it would never come.
        assert one.partitions_for(topic) == {0}

        for follower in followers:
            kafka_cluster.pause(follower)
        time.sleep(NO_FETCH_IN_FLIGHT_S)
        acked_alone = send(one, topic, b"kurs-2")
        refused = send(everyone, topic, b"kurs-3")
        kafka_cluster.kill(leader)
        for follower in followers:
            kafka_cluster.resume(follower)

        # The leader acknowledged acks=1 at once; acks=all got no acknowledgement (the ISR never had it).
        assert acked_alone == 1
        assert refused == "RequestTimedOutError"

        after = wait_for(lambda: (lambda s: s if s["leader"] in followers else None)(
            kafka_cluster.partition_state(topic, 0)), 90, "ein Follower wird Leader")
        # A clean election: the new leader was in the ISR all along, and it never had offset 1.
        assert after["leader"] in before["isr"]
        # A new producer with retries: brokers that were frozen may still name the old leader for a
        # moment, and a NotLeaderForPartition answer is to be retried, not the point of this test.
        after_failover = KafkaProducer(bootstrap_servers=kafka_cluster.bootstrap, acks="all")
        try:
            assert send(after_failover, topic, b"kurs-4") == 1
        finally:
            after_failover.close(timeout=5)
    finally:
        one.close(timeout=5)
        everyone.close(timeout=5)

    kafka_cluster.restart(leader)
    kafka_cluster.wait_healthy(90)
    # The old leader truncated its log to the new leader's: the acknowledged kurs-2 is gone for good.
    assert [r.value for r in read_all(kafka_cluster.bootstrap, topic)] == [b"kurs-1", b"kurs-4"]
