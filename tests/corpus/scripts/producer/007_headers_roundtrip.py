"""Headers are a list of (str, bytes) tuples (KafkaProducer.send docstring); the consumer gets them
back in ConsumerRecord.headers, in order, duplicates kept."""
import os

from kafka import KafkaConsumer, KafkaProducer, TopicPartition
from kafka.admin import KafkaAdminClient

BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092")
TOPIC = "kopfzeilen" + os.environ.get("CORPUS_RUN_ID", "")

admin = KafkaAdminClient(bootstrap_servers=BOOTSTRAP)
admin.create_topics({TOPIC: {"num_partitions": 1, "replication_factor": 1}})
admin.close()

producer = KafkaProducer(bootstrap_servers=BOOTSTRAP)
headers = [("quelle", b"boerse"), ("version", b"2"), ("quelle", b"xetra"), ("leer", b"")]
metadata = producer.send(TOPIC, value=b"SAP 230", headers=headers).get(timeout=10)
print("serialized header size:", metadata.serialized_header_size)
producer.send(TOPIC, value=b"ohne").get(timeout=10)
producer.close()

consumer = KafkaConsumer(bootstrap_servers=BOOTSTRAP, consumer_timeout_ms=5000)
consumer.assign([TopicPartition(TOPIC, 0)])
consumer.seek_to_beginning()
for record in consumer:
    print(record.offset, record.value, record.headers, record.serialized_header_size)
    if record.offset == 1:
        break
consumer.close()
