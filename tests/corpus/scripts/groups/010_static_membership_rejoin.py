"""Static membership (KIP-345, group_instance_id): a static member that closes and comes back with the
same instance id within session_timeout_ms gets its partitions back without a rebalance of the others."""
import os
import threading
import time

from kafka import ConsumerRebalanceListener, KafkaConsumer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "statisch" + RUN, "statisch" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 4, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

rebalances_of_a = []


class Zuhoerer(ConsumerRebalanceListener):
    def on_partitions_revoked(self, revoked):
        rebalances_of_a.append("revoked")

    def on_partitions_assigned(self, assigned):
        rebalances_of_a.append("assigned")


def member(instance, listener=None):
    consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, group_id=GROUP, group_instance_id=instance,
                             heartbeat_interval_ms=500, session_timeout_ms=30000)
    consumer.subscribe([TOPIC], listener=listener)
    return consumer


def run(consumer, stop):
    consumer.partitions_for_topic(TOPIC)
    while not stop.is_set():
        consumer.poll(timeout_ms=100)


def wait_for(condition):
    deadline = time.monotonic() + 60
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


def wait_until_quiet(events, seconds=3.0):
    """Until `events` has not grown for `seconds` (bounded): a rebalance still under way when both
    members first show two partitions finishes before we start counting."""
    deadline = time.monotonic() + 60
    seen, since = len(events), time.monotonic()
    while time.monotonic() - since < seconds and time.monotonic() < deadline:
        time.sleep(0.1)
        if len(events) != seen:
            seen, since = len(events), time.monotonic()


a, b = member("depot-a", Zuhoerer()), member("depot-b")
stop_a, stop_b = threading.Event(), threading.Event()
thread_a = threading.Thread(target=run, args=(a, stop_a))
thread_b = threading.Thread(target=run, args=(b, stop_b))
thread_a.start()
thread_b.start()
print("split:", wait_for(lambda: sorted(len(c.assignment()) for c in (a, b)) == [2, 2]
                         and len(a.assignment() | b.assignment()) == 4))
wait_until_quiet(rebalances_of_a)
b_had = set(b.assignment())
rebalances_of_a.clear()
stop_b.set()
thread_b.join(timeout=30)
b.close()
b2 = member("depot-b")
stop_b2 = threading.Event()
thread_b2 = threading.Thread(target=run, args=(b2, stop_b2))
thread_b2.start()
print("same partitions back:", wait_for(lambda: set(b2.assignment()) == b_had))
print("member a rebalanced meanwhile:", rebalances_of_a)
for stop in (stop_a, stop_b2):
    stop.set()
thread_a.join(timeout=30)
thread_b2.join(timeout=30)
a.close()
b2.close()
