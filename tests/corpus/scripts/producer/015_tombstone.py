"""A tombstone is a record with a key and value None (Kafka docs, log compaction): the consumer gets
value None and serialized_value_size -1."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "grabsteine" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
metadata = producer.send(TOPIC, key=b"SAP", value=None).get(timeout=10)
print("metadata value size:", metadata.serialized_value_size)
producer.send(TOPIC, key=b"SAP", value=b"").get(timeout=10)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
for record in consumer:
    print(record.offset, record.key, repr(record.value), record.serialized_value_size)
    if record.offset == 1:
        break
consumer.close()
