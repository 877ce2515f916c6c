"""send() accepts bytes, bytearray and memoryview values (KafkaProducer.send docstring)."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "puffer" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
for value in (b"bytes", bytearray(b"bytearray"), memoryview(b"memoryview")):
    print(type(value).__name__, "-> offset", producer.send(TOPIC, value=value).get(timeout=10).offset)
for value in ("str", 42):
    try:
        producer.send(TOPIC, value=value)
    except TypeError:
        print(type(value).__name__, "-> TypeError")
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
print("read back:", [r.value for _, r in zip(range(3), consumer)])
consumer.close()
