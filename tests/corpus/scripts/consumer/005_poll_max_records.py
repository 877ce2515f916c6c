"""poll(max_records=N) returns at most N records; the rest come with later polls, in order."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "portionen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(10):
    producer.send(TOPIC, value=b"%d" % n)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP)
tp = TopicPartition(TOPIC, 0)
consumer.assign([tp])
consumer.seek_to_beginning()
sizes, offsets = [], []
while len(offsets) < 10:
    batch = consumer.poll(timeout_ms=1000, max_records=3).get(tp, [])
    if batch:
        sizes.append(len(batch))
        offsets += [r.offset for r in batch]
print("no batch above 3:", all(s <= 3 for s in sizes), "| offsets in order:", offsets == list(range(10)))
consumer.close()
