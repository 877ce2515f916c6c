"""StickyPartitioner (KIP-480, opt-in in kafka-python): records without a key stick to one partition
while they fill one batch. Which partition is chance; that they share one is not."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient
from kafka.partitioner import StickyPartitioner

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "klebrig" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 4, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, partitioner=StickyPartitioner(), linger_ms=1000)
futures = [producer.send(TOPIC, value=b"x") for _ in range(20)]
producer.flush(timeout=10)
partitions = {f.get().partition for f in futures}
print("partitions used by 20 small records:", len(partitions))
print("offsets:", sorted(f.get().offset for f in futures))
producer.close()
