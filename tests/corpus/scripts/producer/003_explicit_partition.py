"""send(partition=N) writes to that partition, whatever the key (KafkaProducer.send docstring)."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "explizit" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 4, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for partition in (3, 0, 3, 2, 3):
    metadata = producer.send(TOPIC, key=b"immer-gleich", value=b"x", partition=partition).get(timeout=10)
    print("asked", partition, "got", metadata.partition, "offset", metadata.offset)
producer.close()
