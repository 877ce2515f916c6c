"""A consumer without a group: assign(), seek, positions; and auto-commit on close() within a group."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient, NewTopic

BOOTSTRAP_SERVERS = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "p-manual"

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP_SERVERS)
admin.create_topics([NewTopic(TOPIC, num_partitions=3, replication_factor=1)])
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP_SERVERS)
for number in range(9):
    producer.send(TOPIC, value=f"v{number}".encode(), partition=number % 3).get(timeout=10)
producer.close()

lonely = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS)
print("partitions_for_topic:", sorted(lonely.partitions_for_topic(TOPIC)))
tp = TopicPartition(TOPIC, 1)
lonely.assign([tp])
print("assignment:", [(p.topic, p.partition) for p in lonely.assignment()])
lonely.seek_to_end(tp)
print("position at end:", lonely.position(tp))
lonely.seek_to_beginning(tp)
print("position at beginning:", lonely.position(tp))
lonely.seek(tp, 2)
values = []
deadline = time.monotonic() + 30
while len(values) < 1 and time.monotonic() < deadline:
    for records in lonely.poll(timeout_ms=200).values():
        values.extend((r.offset, r.value.decode()) for r in records)
print("from offset 2:", values)
print("position after reading:", lonely.position(tp))
lonely.close()

member = KafkaConsumer(TOPIC, bootstrap_servers=BOOTSTRAP_SERVERS, group_id="p-manual-group",
                       auto_offset_reset="earliest", enable_auto_commit=True)
member.partitions_for_topic(TOPIC)
count = 0
deadline = time.monotonic() + 30
while count < 9 and time.monotonic() < deadline:
    count += sum(len(records) for records in member.poll(timeout_ms=200).values())
print("records read by the group member:", count)
member.close()  # auto-commit: close() commits the positions

check = KafkaConsumer(bootstrap_servers=BOOTSTRAP_SERVERS, group_id="p-manual-group")
print("committed after close:", [check.committed(TopicPartition(TOPIC, p)) for p in range(3)])
check.close()
