"""A custom partitioner subclasses kafka.partitioner.Partitioner and implements partition()
(its docstring); the producer asks it for every record without an explicit partition."""
import os

from kafka import KafkaProducer
from kafka.admin import KafkaAdminClient
from kafka.partitioner import Partitioner

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "eigene-verteilung" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 3, "replication_factor": 1}})
admin.close()


class ByFirstLetter(Partitioner):
    def partition(self, topic, key, serialized_key, value, serialized_value, cluster):
        partitions = sorted(cluster.partitions_for_topic(topic))
        return partitions[(serialized_key or b"a")[0] % len(partitions)]


producer = KafkaProducer(bootstrap_servers=BOOTSTRAP, partitioner=ByFirstLetter())
for key in (b"a", b"b", b"c", b"d", None):
    metadata = producer.send(TOPIC, key=key, value=b"v").get(timeout=10)
    print(key, "->", metadata.partition)
print("explicit wins:", producer.send(TOPIC, key=b"a", value=b"v", partition=0).get(timeout=10).partition)
producer.close()
