"""Three members for two partitions: one member stays idle (Kafka docs: at most one member of a
group per partition)."""
import os
import threading
import time

from kafka import KafkaConsumer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "zu-viele" + RUN, "zu-viele" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

members = [KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=GROUP, heartbeat_interval_ms=500)
           for _ in range(3)]
stop = threading.Event()
joined = []


def run(consumer):
    consumer.partitions_for_topic(TOPIC)
    while not stop.is_set():
        consumer.poll(timeout_ms=100)


def split():
    owned = sorted(sorted(tp.partition for tp in c.assignment()) for c in members)
    return owned if owned == [[], [0], [1]] else None


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
