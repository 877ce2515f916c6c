"""Two consumer groups read the same topic independently; 'latest' only sees what comes after."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer
from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "p-two-groups"

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
admin.create_topics([NewTopic(TOPIC, num_partitions=3, replication_factor=1)])
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)
for number in range(9):
    producer.send(TOPIC, key=f"k{number}".encode(), value=f"alt-{number}".encode()).get(timeout=10)

groups = {
    "depot-a": KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP_SERVERS, group_id="depot-a",
                             auto_offset_reset="earliest"),
    "depot-b": KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP_SERVERS, group_id="depot-b",
                             auto_offset_reset="earliest"),
    "spaet": KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP_SERVERS, group_id="spaet",
                           auto_offset_reset="latest"),
}
# Known partitions before the first poll: the group leader then assigns all of them at once.
# (kafka-python 3.0.12 can otherwise lose a leader's re-assignment, see tests/parity/README.md.)
for consumer in groups.values():
    consumer.partitions_for_topic(TOPIC)
seen = {name: [] for name in groups}
deadline = time.monotonic() + 30
# Wait until every group has its partitions and a position, so 'latest' is fixed before new records.
while time.monotonic() < deadline and not all(len(c.assignment()) == 3 for c in groups.values()):
    for name, consumer in groups.items():
        for records in consumer.poll(timeout_ms=50).values():
            seen[name].extend(r.value.decode() for r in records)
for consumer in groups.values():
    for tp in consumer.assignment():
        consumer.position(tp)

for number in range(3):
    producer.send(TOPIC, key=f"n{number}".encode(), value=f"neu-{number}".encode()).get(timeout=10)
producer.close()

deadline = time.monotonic() + 30
while time.monotonic() < deadline and not (len(seen["depot-a"]) == len(seen["depot-b"]) == 12
                                           and len(seen["spaet"]) == 3):
    for name, consumer in groups.items():
        for records in consumer.poll(timeout_ms=50).values():
            seen[name].extend(r.value.decode() for r in records)
for name, values in seen.items():
    print(f"{name}: {len(values)} records: {sorted(values)}")
for consumer in groups.values():
    consumer.close()
