"""Cooperative rebalancing (KIP-429, CooperativeStickyAssignor): when a second member joins a group
of one, the first member keeps the partitions that stay with it. Its listener hears only of the
partitions it gives up, never "everything revoked", and the newcomer's listener is told of exactly
those partitions once the follow-up rebalance has moved them."""
import os
import threading
import time

from kafka import ConsumerRebalanceListener, KafkaConsumer
from kafka.admin import KafkaAdminClient
from kafka.coordinator.assignors.cooperative_sticky import CooperativeStickyAssignor

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "nur-bewegte" + RUN, "nur-bewegte" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 6, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()


class Protokoll(ConsumerRebalanceListener):
    def __init__(self):
        self.calls = []

    def on_partitions_revoked(self, revoked):
        self.calls.append(("revoked", sorted(tp.partition for tp in revoked)))

    def on_partitions_assigned(self, assigned):
        self.calls.append(("assigned", sorted(tp.partition for tp in assigned)))


def member(listener):
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, heartbeat_interval_ms=500,
                             partition_assignment_strategy=[CooperativeStickyAssignor])
    consumer.subscribe([TOPIC], listener=listener)
    return consumer


stop = threading.Event()


def run(consumer):
    consumer.partitions_for_topic(TOPIC)      # kafka-python 3.0.12: metadata before the first poll
    while not stop.is_set():
        consumer.poll(timeout_ms=100)


def wait_for(condition):
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    return False


first_log, second_log = Protokoll(), Protokoll()
first = member(first_log)
threads = [threading.Thread(target=run, args=(first,))]
threads[0].start()
print("first alone:", wait_for(lambda: len(first.assignment()) == 6))
before = {tp.partition for tp in first.assignment()}
first_log.calls.clear()

second = member(second_log)
threads.append(threading.Thread(target=run, args=(second,)))
threads[1].start()
print("balanced:", wait_for(lambda: len(first.assignment()) == 3 and len(second.assignment()) == 3))
kept = {tp.partition for tp in first.assignment()}
moved = {tp.partition for tp in second.assignment()}

kinds = [kind for kind, partitions in first_log.calls if partitions]
print("first member's listener calls:", kinds)
revoked = [p for kind, partitions in first_log.calls if kind == "revoked" for p in partitions]
print("revoked count:", len(revoked))
print("revoked are exactly the moved ones:", sorted(revoked) == sorted(moved))
print("kept were owned before:", kept <= before)
print("second member's listener:", [(kind, len(partitions)) for kind, partitions in second_log.calls if partitions])
print("second got what the first gave up:",
      sorted(p for kind, ps in second_log.calls if kind == "assigned" for p in ps) == sorted(revoked))
stop.set()
for thread in threads:
    thread.join(timeout=30)
for consumer in (second, first):
    consumer.close()
