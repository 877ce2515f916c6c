"""The cluster helper names a group's coordinator the way the broker computes it (the leader of
__consumer_offsets partition abs(hashCode(group)) % partitions); the parity scenario
group_coordinator_killed relies on it to kill exactly that broker."""
from __future__ import annotations

import pytest
from kafka import KafkaAdminClient, KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata

from backend.kafka_cluster import offsets_partition
from tests.faults.tools import create_topic, unique_name

pytestmark = pytest.mark.kafka


def test_offsets_partition_matches_javas_string_hashcode():
    # Values printed by jshell (Java 17): "depot".hashCode() == 95472180,
    # "Aktionär".hashCode() == 1213539052, "my-group".hashCode() == -1906497762.
    assert offsets_partition("depot", 50) == 95472180 % 50
    assert offsets_partition("Aktionär", 50) == 1213539052 % 50
    assert offsets_partition("my-group", 50) == 1906497762 % 50


def test_group_coordinator_is_the_broker_the_client_finds(kafka_cluster):
    topic = create_topic(kafka_cluster, partitions=1, prefix="koordinator")
    admin = KafkaAdminClient(bootstrap_servers=kafka_cluster.bootstrap)
    try:
        for group in (unique_name("depot"), unique_name("depot"), unique_name("depot")):
            consumer = KafkaConsumer(bootstrap_servers=kafka_cluster.bootstrap, group_id=group,
                                     enable_auto_commit=False)
            tp = TopicPartition(topic, 0)
            consumer.assign([tp])
            consumer.commit({tp: OffsetAndMetadata(0, "", -1)})  # makes the group exist
            consumer.close()
            # kafka-python's own FindCoordinator lookup (private API, used only to check ours).
            found = admin._manager.run(admin._find_coordinator_id, group)
            assert kafka_cluster.group_coordinator(group) == found
    finally:
        admin.close()
