"""How a consumer group splits partitions: three members, five partitions, then one leaves."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
# The harness may repeat this scenario under fresh names (see tests/parity/README.md).
RUN = os.environ.get("PARITY_RUN_ID", "")
TOPIC = "p-group" + RUN

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
admin.create_topics([NewTopic(TOPIC, num_partitions=5, replication_factor=1)])
admin.close()


def shape(consumers):
    # Member ids are random on a real broker: compare who-gets-what as a sorted shape.
    return sorted(sorted(tp.partition for tp in c.assignment()) for c in consumers)


def poll_until_split(consumers):
    # One thread drives all members, so each poll() must last longer than a heartbeat (the
    # heartbeat tells a member to rejoin), and the group leader (the first member) polls last:
    # then the rebalance completes inside the leader's own poll() (see tests/parity/README.md).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        for consumer in consumers[1:] + consumers[:1]:
            consumer.poll(timeout_ms=1000)
        owned = [tp for c in consumers for tp in c.assignment()]
        if all(c.assignment() for c in consumers) and len(owned) == 5 and len(set(owned)) == 5:
            return shape(consumers)
    return "timeout: " + str(shape(consumers))


members = [KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP_SERVERS, group_id="p-group-depot" + RUN,
                         client_id=f"aktionaer-{n}", auto_offset_reset="earliest",
                         heartbeat_interval_ms=500) for n in range(3)]
# Known partitions before the first poll: the group leader then assigns all of them at once.
for member in members:
    member.partitions_for_topic(TOPIC)
print("first member alone:", poll_until_split(members[:1]))
print("three members:", poll_until_split(members))

members[2].close()
print("after one left:", poll_until_split(members[:2]))

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)
for number in range(20):
    producer.send(TOPIC, key=f"k{number}".encode(), value=b"v").get(timeout=10)
producer.close()

received = {id(c): set() for c in members[:2]}
deadline = time.monotonic() + 30
while sum(len(r) for r in received.values()) < 20 and time.monotonic() < deadline:
    for consumer in members[:2]:
        for records in consumer.poll(timeout_ms=50).values():
            received[id(consumer)].update((r.partition, r.offset) for r in records)
each = sorted(sorted({p for p, _ in got}) for got in received.values())
print("partitions each member read from:", each)
print("records read in total:", sum(len(r) for r in received.values()))
for consumer in members[:2]:
    consumer.close()
