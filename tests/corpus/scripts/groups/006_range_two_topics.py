"""Range assignor works per topic: two members, two topics of three partitions -> one member gets
2 + 2 partitions, the other 1 + 1 (range assignor is the default's first choice)."""
import os
import threading
import time

from kafka import KafkaConsumer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPICS, GROUP = ["range-a" + RUN, "range-b" + RUN], "je-topic" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({t: {"num_partitions": 3, "replication_factor": 1} for t in TOPICS}, wait_for_metadata=True)
admin.close()

members = [KafkaConsumer(*TOPICS, bootstrap_servers=BOOTSTRAP, group_id=GROUP, heartbeat_interval_ms=500)
           for _ in range(2)]
stop = threading.Event()


def run(consumer):
    for topic in TOPICS:
        consumer.partitions_for_topic(topic)
    while not stop.is_set():
        consumer.poll(timeout_ms=100)


def split():
    owned = [c.assignment() for c in members]
    if all(owned) and sum(len(o) for o in owned) == 6 and len(set().union(*owned)) == 6:
        return sorted(sorted((tp.topic.split("-")[1], tp.partition) for tp in o) for o in owned)
    return None


threads = [threading.Thread(target=run, args=(c,)) for c in members]
for thread in threads:
    thread.start()
deadline = time.monotonic() + 60
while split() is None and time.monotonic() < deadline:
    time.sleep(0.1)
print("shares:", split())
stop.set()
for thread in threads:
    thread.join(timeout=30)
for consumer in members:
    consumer.close()
