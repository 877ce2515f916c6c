"""Positions, committed offsets, beginning and end offsets of one consumer in a group."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "p-offsets"

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
admin.create_topics([NewTopic(TOPIC, num_partitions=2, replication_factor=1)])
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)
for number in range(7):
    producer.send(TOPIC, value=f"r{number}".encode(), partition=number % 2).get(timeout=10)
producer.close()

consumer = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP_SERVERS, group_id="p-offsets-group",
                         auto_offset_reset="earliest", enable_auto_commit=False)
partitions = [TopicPartition(TOPIC, 0), TopicPartition(TOPIC, 1)]
# Known partitions before the first poll (kafka-python 3.0.12 quirk, see tests/parity/README.md).
consumer.partitions_for_topic(TOPIC)
seen = []
deadline = time.monotonic() + 30
while len(seen) < 7 and time.monotonic() < deadline:
    for records in consumer.poll(timeout_ms=200).values():
        seen.extend((r.partition, r.offset, r.value.decode()) for r in records)
print("records:", sorted(seen))
print("assignment:", sorted(tp.partition for tp in consumer.assignment()))
print("positions:", [consumer.position(tp) for tp in partitions])
print("committed before commit:", [consumer.committed(tp) for tp in partitions])
consumer.commit()
print("committed after commit:", [consumer.committed(tp) for tp in partitions])
print("beginning:", sorted((tp.partition, o) for tp, o in consumer.beginning_offsets(partitions).items()))
print("end:", sorted((tp.partition, o) for tp, o in consumer.end_offsets(partitions).items()))
consumer.seek(partitions[0], 1)
print("position after seek:", consumer.position(partitions[0]))
again = []
deadline = time.monotonic() + 30
while len(again) < 3 and time.monotonic() < deadline:
    for records in consumer.poll(timeout_ms=200).values():
        again.extend((r.partition, r.offset) for r in records)
print("re-read after seek:", sorted(again))
consumer.close()

# A new consumer of the same group starts at the committed offsets.
later = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS, group_id="p-offsets-group", enable_auto_commit=False)
print("committed seen by a new member:", [later.committed(tp) for tp in partitions])
later.close()
