"""When a member closes, it leaves the group at once and the remaining member gets all partitions."""
import os
import threading
import time

from kafka import KafkaConsumer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
RUN = os.environ.get("CORPUS_RUN_ID", "")
TOPIC, GROUP = "gehen" + RUN, "gehen" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 4, "replication_factor": 1}}, wait_for_metadata=True)
admin.close()

members = [KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP, group_id=GROUP, heartbeat_interval_ms=500)
           for _ in range(2)]
stops = [threading.Event(), threading.Event()]


def run(consumer, stop):
    consumer.partitions_for_topic(TOPIC)
    while not stop.is_set():
        consumer.poll(timeout_ms=100)


def wait_for(condition):
    deadline = time.monotonic() + 60
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


threads = [threading.Thread(target=run, args=(c, s)) for c, s in zip(members, stops)]
for thread in threads:
    thread.start()
print("both share:", wait_for(lambda: sorted(len(c.assignment()) for c in members) == [2, 2]
                              and len(members[0].assignment() | members[1].assignment()) == 4))
stops[1].set()
threads[1].join(timeout=30)
members[1].close()
print("survivor has all:", wait_for(lambda: len(members[0].assignment()) == 4))
stops[0].set()
threads[0].join(timeout=30)
members[0].close()
