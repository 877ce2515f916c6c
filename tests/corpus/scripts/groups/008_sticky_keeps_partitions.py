"""StickyPartitionAssignor: when a third member joins, the first two keep a subset of what they had
(sticky_assignor docstring: "preserves as many existing assignments as possible")."""
import os
import threading
import time

from kafka import KafkaConsumer
from kafka.admin import KafkaAdminClient
from kafka.coordinator.assignors.sticky.sticky_assignor import StickyPartitionAssignor

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "klebrig" + RUN, "klebrig" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 6, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()


def member():
    return KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=GROUP, heartbeat_interval_ms=500,
                         partition_assignment_strategy=[StickyPartitionAssignor])


stop = threading.Event()


def run(consumer):
    consumer.partitions_for_topic(TOPIC)
    while not stop.is_set():
        consumer.poll(timeout_ms=100)


def settled(consumers, sizes):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        owned = [set(c.assignment()) for c in consumers]
        if sorted(len(o) for o in owned) == sizes and len(set().union(*owned)) == 6:
            return owned
        time.sleep(0.1)
    return None


members = [member(), member()]
threads = [threading.Thread(target=run, args=(c,)) for c in members]
for thread in threads:
    thread.start()
before = settled(members, [3, 3])
print("two members:", before is not None)
members.append(member())
threads.append(threading.Thread(target=run, args=(members[2],)))
threads[2].start()
after = settled(members, [2, 2, 2])
print("three members:", after is not None)
print("first two kept a subset:", bool(before and after) and all(a <= b for a, b in zip(after, before)))
stop.set()
for thread in threads:
    thread.join(timeout=30)
for consumer in members:
    consumer.close()
