"""offsets_for_times({tp: ts}) returns the first offset with timestamp >= ts, with its timestamp;
None when there is none (KafkaConsumer.offsets_for_times docstring)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "zeitsuche" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
base = 1_700_000_000_000
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(5):
    producer.send(TOPIC, value=b"%d" % n, timestamp_ms=base + n * 60_000).get(timeout=10)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
tp = TopicPartition(TOPIC, 0)
for target in (0, base, base + 1, base + 120_000, base + 10**9):
    found = consumer.offsets_for_times({tp: target})[tp]
    print(target - base if target else 0, "->", None if found is None else (found.offset, found.timestamp - base))
try:
    consumer.offsets_for_times({tp: -5})
except ValueError:
    print("negative timestamp -> ValueError")
consumer.close()
