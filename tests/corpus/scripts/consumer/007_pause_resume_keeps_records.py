"""pause() stops fetching from a partition; after resume() its records arrive, none lost
(KafkaConsumer.pause / resume docstrings)."""
import os
import time

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "pause" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 2, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(10):
    producer.send(TOPIC, value=b"%d" % n, partition=n % 2)
producer.flush()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
p0, p1 = TopicPartition(TOPIC, 0), TopicPartition(TOPIC, 1)
consumer.assign([p0, p1])
consumer.seek_to_beginning()
consumer.pause(p1)
print("paused:", sorted(tp.partition for tp in consumer.paused()))
seen = {0: [], 1: []}
deadline = time.monotonic() + 10
while len(seen[0]) < 5 and time.monotonic() < deadline:
    for tp, records in consumer.poll(timeout_ms=500).items():
        seen[tp.partition] += [r.offset for r in records]
for n in range(10, 14):
    producer.send(TOPIC, value=b"%d" % n, partition=n % 2)
producer.flush()
for _ in range(3):
    for tp, records in consumer.poll(timeout_ms=300).items():
        seen[tp.partition] += [r.offset for r in records]
print("while paused:", seen)
consumer.resume(p1)
print("paused after resume:", consumer.paused())
deadline = time.monotonic() + 10
while (len(seen[0]) < 7 or len(seen[1]) < 7) and time.monotonic() < deadline:
    for tp, records in consumer.poll(timeout_ms=500).items():
        seen[tp.partition] += [r.offset for r in records]
print("after resume:", seen)
producer.close()
consumer.close()
