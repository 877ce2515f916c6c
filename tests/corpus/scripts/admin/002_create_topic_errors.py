"""The errors of create_topics (kafka-python docs / Kafka protocol error codes): topic exists, too
many replicas, zero partitions, invalid name, unknown config key, bad config value."""
import os

from kafka.admin import KafkaAdminClient
from kafka.errors import KafkaError

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
cases = [
    ("new", {"fehler" + RUN: {"num_partitions": 1, "replication_factor": 1}}),
    ("exists", {"fehler" + RUN: {"num_partitions": 1, "replication_factor": 1}}),
    ("replication 4", {"zu-viele-kopien" + RUN: {"num_partitions": 1, "replication_factor": 4}}),
    ("0 partitions", {"ohne" + RUN: {"num_partitions": 0, "replication_factor": 1}}),
    ("bad name", {"leer zeichen" + RUN: {"num_partitions": 1, "replication_factor": 1}}),
    ("dots", {".." : {"num_partitions": 1, "replication_factor": 1}}),
    ("unknown config", {"k1" + RUN: {"num_partitions": 1, "replication_factor": 1, "configs": {"gibt.es.nicht": "1"}}}),
    ("bad config value", {"k2" + RUN: {"num_partitions": 1, "replication_factor": 1,
                                       "configs": {"cleanup.policy": "wegwerfen"}}}),
    ("bad number", {"k3" + RUN: {"num_partitions": 1, "replication_factor": 1, "configs": {"retention.ms": "bald"}}}),
]
for label, request in cases:
    try:
        admin.create_topics(request)
        print(label, "-> ok")
    except KafkaError as error:
        print(label, "->", type(error).__name__)
print("left behind:", sorted(t.replace(RUN, "") for t in admin.list_topics() if t.endswith(RUN)))
admin.close()
