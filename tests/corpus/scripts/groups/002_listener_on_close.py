"""close() tells the rebalance listener that the partitions are revoked before leaving the group
(ConsumerCoordinator._on_close_prepare_async, "Mirrors Java's onLeavePrepare")."""
import os
import time

from kafka import ConsumerRebalanceListener, KafkaConsumer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "abschied" + RUN, "abschied" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

events = []


class Zuhoerer(ConsumerRebalanceListener):
    def on_partitions_revoked(self, revoked):
        events.append(("revoked", sorted(tp.partition for tp in revoked)))

    def on_partitions_assigned(self, assigned):
        events.append(("assigned", sorted(tp.partition for tp in assigned)))

    def on_partitions_lost(self, lost):
        events.append(("lost", sorted(tp.partition for tp in lost)))


consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP)
consumer.subscribe([TOPIC], listener=Zuhoerer())
consumer.partitions_for_topic(TOPIC)
deadline = time.monotonic() + 30
while not consumer.assignment() and time.monotonic() < deadline:
    consumer.poll(timeout_ms=200)
events.clear()
consumer.close()
print("on close:", events)
print("assignment after close:", sorted(tp.partition for tp in consumer.assignment()))
