"""CooperativeStickyAssignor (KIP-429): when a second member joins, the first member only
gives up the partitions that move; it is never left with nothing in between."""
import os
import threading
import time

from kafka import ConsumerRebalanceListener, KafkaConsumer
from kafka.admin import KafkaAdminClient
from kafka.coordinator.assignors.cooperative_sticky import CooperativeStickyAssignor

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "kooperativ" + RUN, "kooperativ" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 4, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

first_events = []


class Zuhoerer(ConsumerRebalanceListener):
    def on_partitions_revoked(self, revoked):
        first_events.append(("revoked", len(revoked)))

    def on_partitions_assigned(self, assigned):
        first_events.append(("assigned", len(assigned)))


def member(listener=None):
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, heartbeat_interval_ms=500,
                             partition_assignment_strategy=[CooperativeStickyAssignor])
    consumer.subscribe([TOPIC], listener=listener)
    return consumer


stop = threading.Event()


def run(consumer):
    consumer.partitions_for_topic(TOPIC)
    while not stop.is_set():
        consumer.poll(timeout_ms=100)


def settled(consumers, sizes):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        owned = [set(c.assignment()) for c in consumers]
        if sorted(len(o) for o in owned) == sizes and len(set().union(*owned)) == 4:
            return True
        time.sleep(0.1)
    return False


members = [member(Zuhoerer())]
threads = [threading.Thread(target=run, args=(members[0],))]
threads[0].start()
print("alone:", settled(members, [4]), first_events)
first_events.clear()
members.append(member())
threads.append(threading.Thread(target=run, args=(members[1],)))
threads[1].start()
print("two:", settled(members, [2, 2]))
print("first member's listener:", [e for e in first_events if e[1]])
stop.set()
for thread in threads:
    thread.join(timeout=30)
for consumer in members:
    consumer.close()
