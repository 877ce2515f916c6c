"""max_partition_fetch_bytes smaller than a batch: the consumer still gets the record (KIP-74: the
first batch is returned even when larger than the limit)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "kleine-abrufe" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()
producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for n in range(3):
    producer.send(TOPIC, value=bytes([65 + n]) * 5000).get(timeout=10)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, max_partition_fetch_bytes=1024, consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
print("read:", [(r.offset, len(r.value), r.value[:1]) for _, r in zip(range(3), consumer)])
consumer.close()
