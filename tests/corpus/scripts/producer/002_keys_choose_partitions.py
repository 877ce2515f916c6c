"""Records with a key go to murmur2(key) % partitions (kafka-python DefaultPartitioner docstring):
the same key always lands in the same partition."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "depot" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 6, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for key in (b"", b"abc", b"key", b"user-42", b"21", b"foobar", b"SAP", b"BASF", b"SAP"):
    metadata = producer.send(TOPIC, key=key, value=b"1").get(timeout=10)
    print(key, "->", metadata.partition, "offset", metadata.offset)
producer.close()
