"""A single member of a new group gets every partition. The rebalance listener hears of it:
on_partitions_revoked(set()) before the first join, then on_partitions_assigned (eager protocol,
ConsumerCoordinator._on_join_prepare / _on_join_complete)."""
import os
import time

from kafka import ConsumerRebalanceListener, KafkaConsumer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "allein" + RUN, "allein" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 3, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

events = []


class Zuhoerer(ConsumerRebalanceListener):
    def on_partitions_revoked(self, revoked):
        events.append(("revoked", sorted(tp.partition for tp in revoked)))

    def on_partitions_assigned(self, assigned):
        events.append(("assigned", sorted(tp.partition for tp in assigned)))


consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP)
consumer.subscribe([TOPIC], listener=Zuhoerer())
consumer.partitions_for_topic(TOPIC)
deadline = time.monotonic() + 30
while not consumer.assignment() and time.monotonic() < deadline:
    consumer.poll(timeout_ms=200)
print("assignment:", sorted(tp.partition for tp in consumer.assignment()))
print("listener:", events)
consumer.close()
