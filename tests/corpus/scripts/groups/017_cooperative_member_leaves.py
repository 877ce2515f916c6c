"""Cooperative rebalancing (KIP-429) when a member leaves: the member that stays keeps its own
partitions and its listener hears only of the partitions it takes over (no revocation at all);
the leaving member's listener hears on close() that its partitions are revoked."""
import os
import threading
import time

from kafka import ConsumerRebalanceListener, KafkaConsumer
from kafka.admin import KafkaAdminClient
from kafka.coordinator.assignors.cooperative_sticky import CooperativeStickyAssignor

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "abschied" + RUN, "abschied" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 4, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()


class Protokoll(ConsumerRebalanceListener):
    def __init__(self):
        self.calls = []

    def on_partitions_revoked(self, revoked):
        self.calls.append(("revoked", len(revoked)))

    def on_partitions_assigned(self, assigned):
        self.calls.append(("assigned", len(assigned)))


def member(listener):
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, heartbeat_interval_ms=500,
                             partition_assignment_strategy=[CooperativeStickyAssignor])
    consumer.subscribe([TOPIC], listener=listener)
    return consumer


def run(consumer, stop):
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


stay_log, leave_log = Protokoll(), Protokoll()
stay, leave = member(stay_log), member(leave_log)
stop_stay, stop_leave = threading.Event(), threading.Event()
threads = [threading.Thread(target=run, args=(stay, stop_stay)),
           threading.Thread(target=run, args=(leave, stop_leave))]
for thread in threads:
    thread.start()
print("two members:", wait_for(lambda: len(stay.assignment()) == 2 and len(leave.assignment()) == 2))
own = set(stay.assignment())
stay_log.calls.clear()
leave_log.calls.clear()

stop_leave.set()
threads[1].join(timeout=30)
leave.close()
print("leaving member's listener:", leave_log.calls)
print("alone again:", wait_for(lambda: len(stay.assignment()) == 4))
print("kept its own:", own <= set(stay.assignment()))
print("staying member's listener:", [call for call in stay_log.calls if call[1]])
stop_stay.set()
threads[0].join(timeout=30)
stay.close()
